"""Atomic writes, private modes whatever the umask, temporary files, the lock."""

import json
import os
import subprocess
import sys
import threading
import time

from reflect import atomic
from tests.conftest import mode


def test_create_new_never_overwrites(tmp_path):
    first = atomic.create_new(tmp_path, "a", b"one")
    second = atomic.create_new(tmp_path, "a", b"two")
    assert (first.name, second.name) == ("a.toml", "a-2.toml")
    assert first.read_bytes() == b"one" and second.read_bytes() == b"two"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-2.toml", "a.toml"]


def test_replace_leaves_no_temporary_file_and_keeps_the_mode_private(tmp_path):
    target = tmp_path / "x.toml"
    target.write_text("old")
    os.chmod(target, 0o644)
    atomic.replace(target, b"new")
    assert target.read_bytes() == b"new"
    assert mode(target) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["x.toml"]


def test_files_are_0600_and_folders_0700_even_with_an_open_umask(tmp_path):
    old = os.umask(0)
    try:
        folder = atomic.ensure_dir(tmp_path / "journal")
        made = atomic.create_new(folder, "a", b"x")
        atomic.replace(folder / "b.toml", b"y")
        with atomic.locked(folder):
            pass
    finally:
        os.umask(old)
    assert mode(folder) == 0o700
    assert mode(made) == 0o600 and mode(folder / "b.toml") == 0o600 and mode(folder / ".lock") == 0o600


def test_the_command_line_keeps_everything_private_under_umask_000(tmp_path):
    root = tmp_path / "journal"
    env = {**os.environ, "REFLECT_DATA_DIR": str(root), "REFLECT_CONFIG": str(tmp_path / "c.toml")}
    script = (
        "import os, sys; os.umask(0); from reflect.__main__ import main; sys.argv = ['reflect'] + sys.argv[1:]; main()"
    )
    def run(*args):  # noqa: E306
        return subprocess.run([sys.executable, "-c", script, *args], env=env, capture_output=True, text=True)

    assert run("init").returncode == 0
    assert run("log", "--company", "A", "--role", "B", "--date", "2026-01-01").returncode == 0
    assert run("log", "--company", "C", "--role", "D", "--date", "2026-01-02").returncode == 0
    assert run("delete", "2026-01-02", "--yes").returncode == 0
    for path in [root, *root.rglob("*")]:
        assert mode(path) == (0o700 if path.is_dir() else 0o600), path


def test_init_makes_an_existing_open_folder_private(reflect, data_dir):
    data_dir.mkdir(mode=0o755)
    os.chmod(data_dir, 0o755)
    result = reflect("init")
    assert result.exit_code == 0
    assert mode(data_dir) == 0o700


def test_temporary_files_are_never_read_as_reflections_and_are_swept_when_stale(reflect, data_dir):
    data_dir.mkdir()
    valid = 'company = "A"\nrole = "B"\ndate = 2026-01-01\n'
    stale = data_dir / ".2026-01-01-a-b.123.abcd.tmp"
    fresh = data_dir / ".2026-01-01-a-b.456.ef01.tmp"
    for temp in (stale, fresh):
        temp.write_text(valid)
    (data_dir / ".hidden.toml").write_text(valid)
    os.utime(stale, (time.time() - 2 * atomic.STALE_TEMP_SECONDS,) * 2)
    assert reflect("list", "--json").stdout.strip() == "[]"
    assert "0 files checked" in reflect("check").stderr
    logged = reflect("log", "--company", "A", "--role", "B", "--date", "2026-01-01", "--json")
    assert logged.exit_code == 0
    assert stale.exists()  # logging never lists the journal: its cost must not grow with it
    assert reflect("feedback", json.loads(logged.stdout)["id"], "--status", "requested").exit_code == 0
    assert not stale.exists()  # swept by the next rewrite
    assert fresh.exists()  # may belong to a write still running
    assert (data_dir / ".hidden.toml").exists()


def test_the_lock_is_reentrant_within_a_process_and_exclusive_across(tmp_path):
    done = threading.Event()

    def nested():
        with atomic.locked(tmp_path), atomic.locked(tmp_path):
            done.set()

    thread = threading.Thread(target=nested, daemon=True)
    thread.start()
    thread.join(5)
    assert done.is_set(), "a nested lock waited on itself"
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import time; from pathlib import Path; from reflect import atomic\n"
         f"with atomic.locked(Path({str(tmp_path)!r})):\n print('held', flush=True); time.sleep(1.0)"],
        stdout=subprocess.PIPE, text=True,
    )
    assert holder.stdout.readline().strip() == "held"
    started = time.monotonic()
    with atomic.locked(tmp_path):
        waited = time.monotonic() - started
    holder.wait()
    assert waited > 0.5
