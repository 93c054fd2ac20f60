"""Crashes: writers killed with SIGKILL at random moments leave every file whole.

A writer process loops over every kind of write (log, feedback/edit, delete,
restore, migrate) with large reflections, so that a kill often lands in the
middle of one; after each kill every file must be a complete, valid version.
"""

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reflect.journal import Journal

pytestmark = pytest.mark.slow

WRITER = r"""
import sys, datetime as dt
from pathlib import Path
from reflect.journal import Journal
from reflect.models import Reflection
from reflect import fileformat
root = Path(sys.argv[1])
journal = Journal(root)
big = [name * (300_000 // len(name)) for name in ("alpha", "bravo", "charlie")]
def make(day, text):
    return Reflection(company="Acme", role="Dev", date=dt.date(2026, 1, day), went_wrong=[text])
texts = [fileformat.dumps(make(1, text)) for text in big]
fixed = [root / f"fixed-{i}.toml" for i in range(3)]
for i, path in enumerate(fixed):
    if not path.exists():
        journal.add(make(1, big[i]))
        (root / "2026-01-01-acme-dev.toml").rename(path)
print("ready", flush=True)  # the kill is timed from here, so that it lands in the loop below
n = 0
while True:
    n += 1
    # Mostly rewrites (the write path itself), now and then every other kind of change.
    for i, path in enumerate(fixed):
        journal.replace_text(path, texts[(n + i) % 3], path.read_bytes())
    if n % 8 == 0:
        entry = journal.add(make(2 + n % 27, big[n % 3]))
        moved = journal.delete(entry.id)
        if n % 16 == 0:
            journal.restore(moved.stem)
    if n % 32 == 0:
        (root / f"old-{n}.toml").write_text('schema = 0\ncompany = "Old"\nposition = "Dev"\ninterview_date = 2025-01-01\n')
        journal.migrate()
"""

VERSIONS = {"alpha" * 60_000, "bravo" * 60_000, "charlie" * (300_000 // 7)}


def _check_all_whole(root: Path) -> int:
    """Every reflection file in the journal and its trash is valid and holds one whole version."""
    count = 0
    for folder in (root, root / "trash"):
        journal = Journal(folder)
        result = journal.load_all()
        assert result.problems == [], result.problems
        for entry in result.entries:
            r = entry.reflection
            for text in r.went_wrong + r.lessons:
                assert text in VERSIONS, f"{entry.path}: partial text of {len(text)} characters"
        count += len(result.entries)
    return count


def test_writers_killed_mid_write_never_leave_a_partial_file(tmp_path):
    root = tmp_path / "journal"
    rng = random.Random(20261120)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    kills = 0
    deadline = time.monotonic() + 60  # a safety net: 15 kills take about 10 s
    while kills < 15 and time.monotonic() < deadline:
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(root)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        # Wait for the writer to start writing (starting Python and importing reflect takes
        # about 0.3 s), then kill it at a random moment of its loop of writes.
        if writer.stdout.readline() != b"ready\n":
            writer.wait()
            pytest.fail(f"the writer stopped by itself: {writer.stderr.read().decode()[-2000:]}")
        time.sleep(rng.uniform(0.0, 0.5))
        if writer.poll() is not None:
            pytest.fail(f"the writer stopped by itself: {writer.stderr.read().decode()[-2000:]}")
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        writer.stdout.close()
        writer.stderr.close()
        kills += 1
        _check_all_whole(root)
    assert kills >= 10
    assert _check_all_whole(root) > 0
    # Temporary files left by the kills are hidden, never read, and swept once stale.
    hidden = [p for folder in (root, root / "trash", root / "backups") if folder.exists() for p in folder.rglob(".*.tmp")]
    for temp in hidden:
        os.utime(temp, (0, 0))
    Journal(root).sweep()
    assert not [p for p in root.rglob(".*.tmp") if p.parent.name != "backups" and "migrate-" not in str(p.parent)]


def test_reflect_processes_killed_mid_command_leave_valid_files(tmp_path):
    """The real command line, killed at random moments while logging and recording feedback."""
    root = tmp_path / "journal"
    env = {**os.environ, "REFLECT_DATA_DIR": str(root), "REFLECT_CONFIG": str(tmp_path / "none.toml"), "NO_COLOR": "1"}
    command = [sys.executable, "-m", "reflect"]
    first = subprocess.run([*command, "log", "--company", "Acme", "--role", "Dev", "--date", "2026-01-01", "--json"],
                           env=env, capture_output=True, text=True, check=True)
    ident = json.loads(first.stdout)["id"]
    big = "feedback " * 12_000  # under the 128 KiB limit of one argument
    rng = random.Random(7)
    for round_ in range(12):
        args = (["feedback", ident, "--text", big, "--source", f"r{round_}"] if round_ % 2
                else ["log", "--company", "Acme", "--role", "Dev", "--date", "2026-01-02", "--lesson", big])
        proc = subprocess.Popen([*command, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, 0.6))
        proc.kill()
        proc.wait()
        result = Journal(root).load_all()
        assert result.problems == []
        assert any(e.id == ident for e in result.entries)
        for entry in result.entries:
            for text in [*entry.reflection.lessons, entry.reflection.feedback.text or big]:
                assert text == big
