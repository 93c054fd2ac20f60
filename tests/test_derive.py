"""Deriving data from every reflection: computed once, kept in a snapshot until its file changes."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reflect import cache as cache_module
from reflect.cache import FILE_NAME, Cache
from reflect.derive import derive_all
from reflect.journal import Journal


@pytest.fixture(autouse=True)
def no_racy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    # Files written by the tests are brand new; let the cache keep them at once.
    monkeypatch.setattr(cache_module, "RACY_SECONDS", -1.0)


def cache_file() -> Path:
    return Path(os.environ["REFLECT_CACHE_DIR"]) / FILE_NAME


class Recipe:
    """A recipe that computes ``compute(entry)`` and keeps it as it is."""

    def __init__(self, kind: str, fingerprint: str, compute: Callable[[Any], Any], prepared: list[int] | None = None) -> None:
        self.kind, self.fingerprint, self.compute = kind, fingerprint, compute
        self.prepared = prepared if prepared is not None else []

    def load(self, data: Any) -> Any:
        return data

    def adopt(self, data: Any) -> Any:
        return data

    def prepare(self) -> None:
        self.prepared.append(1)

    def release(self) -> None:
        pass


def test_derived_data_is_reused_until_its_file_or_fingerprint_changes(log, data_dir):
    first = log("Acme", "Dev", "2026-01-10", "--went-wrong", "Rambled")
    log("Globex", "SRE", "2026-01-11")
    journal = Journal(data_dir)
    calls: list[str] = []

    def words(entry):
        calls.append(entry.id)
        return {"company": entry.reflection.company, "wrong": len(entry.reflection.went_wrong)}

    values, problems = derive_all(journal, Recipe("words", "v1", words), Cache())
    assert problems == [] and values[first] == {"company": "Acme", "wrong": 1}
    assert len(calls) == 2
    again, _ = derive_all(journal, Recipe("words", "v1", words), Cache())
    assert again == values and len(calls) == 2  # nothing read or computed
    other, _ = derive_all(journal, Recipe("words", "v2", words), Cache())
    assert other == values and len(calls) == 4  # a new fingerprint computes again

    path = data_dir / f"{first}.toml"
    path.write_text(path.read_text().replace('"Rambled"', '"Rambled", "Froze"'))
    changed, _ = derive_all(journal, Recipe("words", "v2", words), Cache())
    assert changed[first] == {"company": "Acme", "wrong": 2} and calls[-1] == first and len(calls) == 5
    uncached, _ = derive_all(journal, Recipe("words", "v2", words))
    assert uncached == changed


def test_one_new_file_is_the_only_one_read_and_the_others_stay_cached(log, data_dir):
    ids = [log(c, "Dev", f"2026-01-1{i}", "--went-wrong", "Rambled") for i, c in enumerate(["Acme", "Globex", "Initech"])]
    journal = Journal(data_dir)
    journal.load_all(cache=Cache())  # as `reflect list` does: the parse cache holds all three
    calls: list[str] = []

    def company(entry):
        calls.append(entry.id)
        return (entry.reflection.company, len(entry.reflection.went_wrong))

    first, _ = derive_all(journal, Recipe("company", "v1", company), Cache())
    assert len(calls) == 3
    new = log("Hooli", "Dev", "2026-01-20")
    (data_dir / f"{ids[0]}.toml").unlink()
    second, _ = derive_all(journal, Recipe("company", "v1", company), Cache())
    assert calls[3:] == [new]  # only the new file was read
    assert list(second) == [ids[1], ids[2], new] and second[new] == ("Hooli", 0)
    assert second[ids[1]] == first[ids[1]] == ("Globex", 1)  # tuples stay tuples through the cache
    # The parse cache keeps the unchanged files and forgets the deleted one.
    with sqlite3.connect(cache_file()) as db:
        names = sorted(n for (n,) in db.execute("SELECT name FROM files"))
    assert names == sorted(f"{i}.toml" for i in (ids[1], ids[2]))
    third, _ = derive_all(journal, Recipe("company", "v1", company), Cache())
    assert third == second and len(calls) == 4


def test_files_changed_within_the_racy_window_are_computed_every_time(log, data_dir, monkeypatch):
    monkeypatch.setattr(cache_module, "RACY_SECONDS", 3600.0)
    log("Acme", "Dev", "2026-01-10")
    journal = Journal(data_dir)
    calls: list[str] = []

    def company(entry):
        calls.append(entry.id)
        return entry.reflection.company

    for _ in range(2):
        values, _ = derive_all(journal, Recipe("company", "v1", company), Cache())
        assert list(values.values()) == ["Acme"]
    assert len(calls) == 2  # a file just written could change again unseen: never served from the cache


def test_a_bad_file_read_on_every_run_does_not_prepare_the_shared_work(log, data_dir):
    """A bad file is read again each run; that alone must not make a warm run compile what
    computing many files needs (the taxonomy: about 0.15 s and 35 MiB for `reflect themes`)."""
    log("Acme", "Dev", "2026-01-10")
    (data_dir / "broken.toml").write_text('company = "Acme"\nrole = 3\n')
    journal = Journal(data_dir)
    prepared: list[int] = []
    for _ in range(2):
        values, problems = derive_all(journal, Recipe("company", "v1", lambda entry: entry.reflection.company, prepared=prepared), Cache())
        assert list(values.values()) == ["Acme"] and {p.path.name for p in problems} == {"broken.toml"}
    assert prepared == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_the_workers_of_a_killed_cold_analysis_die_with_it(log, data_dir, tmp_path):
    """SIGKILL of a cold `reflect themes`: its workers used to sleep forever (about 70 MB each)."""
    import signal
    import subprocess
    import time

    ident = log("Acme", "Engineer", "2026-11-20", "--went-wrong", "I rambled on the design question")
    text = (data_dir / f"{ident}.toml").read_text()
    for number in range(3000):
        (data_dir / f"copy-{number:05}.toml").write_text(text.replace("Acme", f"Acme {number}"))
    leftovers = []
    for _attempt in range(3):
        run = subprocess.Popen([sys.executable, "-m", "reflect", "themes"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        workers: list[int] = []
        deadline = time.monotonic() + 60
        while not workers and run.poll() is None and time.monotonic() < deadline:
            found = subprocess.run(["ps", "-o", "pid=", "--ppid", str(run.pid)], capture_output=True, text=True).stdout.split()
            workers = [int(pid) for pid in found]
            time.sleep(0.01)
        if not workers:
            run.wait()
            continue
        run.send_signal(signal.SIGKILL)
        run.wait()
        time.sleep(2)
        leftovers += [pid for pid in workers if os.path.exists(f"/proc/{pid}") and "Z" not in _state(pid)]
        for pid in leftovers:
            os.kill(pid, signal.SIGKILL)
        subprocess.run(["rm", "-rf", os.environ["REFLECT_CACHE_DIR"]], check=True)  # cold again
        break
    else:
        pytest.skip("the analysis ended before its workers could be seen")
    assert leftovers == []


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return "Z"
