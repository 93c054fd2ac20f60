"""History that heals: a half-made repository, a stale lock and files left uncommitted by
interrupted writes are repaired by the next init or write; a live git's lock is never taken."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli.test_git import git, no_git_identity, subjects  # noqa: F401 - the fixture is used by name

ME = ("-c", "user.name=Me", "-c", "user.email=me@example.org")
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def test_init_repairs_a_repository_left_half_made_by_a_killed_init(reflect, log, data_dir, no_git_identity):
    log("Acme")
    (data_dir / ".git" / "hooks").mkdir(parents=True)
    (data_dir / ".git" / "description").write_text("Unnamed repository\n")
    result = reflect("init", "--git")
    assert result.exit_code == 0, result.output
    assert "Repaired the half-made git repository" in result.stderr
    log("Globex")
    assert git(data_dir, "status", "--porcelain") == ""
    assert subjects(data_dir)[-1].startswith("log: 2026-11-20 globex")


def test_a_stale_index_lock_no_git_holds_blocks_neither_init_nor_the_next_commit(reflect, log, data_dir, no_git_identity):
    assert reflect("init", "--git").exit_code == 0
    (data_dir / ".git" / "index.lock").write_text("")  # left by a git killed mid-commit, seconds ago
    result = reflect("init", "--git")
    assert result.exit_code == 0, result.output
    (data_dir / ".git" / "index.lock").write_text("")
    log("Acme")
    assert git(data_dir, "status", "--porcelain") == ""
    assert not (data_dir / ".git" / "index.lock").exists()


def test_the_next_write_commits_what_an_interrupted_one_left_uncommitted(reflect, log, data_dir, no_git_identity):
    assert reflect("init", "--git").exit_code == 0
    ident = log("Acme")
    # A write killed after its file was on disk and before its commit:
    left = data_dir / "2026-11-19-left-behind.toml"
    left.write_bytes((data_dir / f"{ident}.toml").read_bytes().replace(b"Acme", b"Left"))
    old = time.time() - 60
    os.utime(left, (old, old))
    log("Globex")
    assert git(data_dir, "status", "--porcelain") == ""
    assert subjects(data_dir)[-2:] == ["log: 2026-11-20 globex backend engineer", "recover: 1 file left uncommitted by an interrupted change"]


def test_a_rerun_import_that_adds_nothing_commits_what_the_killed_one_left(reflect, log, data_dir, tmp_path, no_git_identity):
    for company in ("Acme", "Globex", "Initech"):
        log(company)
    export = tmp_path / "export.json"
    export.write_text(reflect("export").stdout)
    other = tmp_path / "other"
    assert reflect("--data-dir", str(other), "init", "--git").exit_code == 0
    for path in data_dir.glob("*.toml"):  # what a killed import had written, uncommitted
        shutil.copy(path, other / path.name)
    result = reflect("--data-dir", str(other), "import", str(export))
    assert "already had 3" in result.stderr
    assert git(other, "status", "--porcelain") == ""
    assert subjects(other)[-1] == "recover: 3 files left uncommitted by an interrupted change"


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="live git processes are seen through /proc")
def test_a_live_git_commit_waiting_in_its_editor_keeps_its_lock_and_its_commit(reflect, log, data_dir, tmp_path, no_git_identity):
    assert reflect("init", "--git").exit_code == 0
    (data_dir / "notes.txt").write_text("my own file\n")
    git(data_dir, "add", "notes.txt")
    git(data_dir, *ME, "commit", "-m", "notes")
    (data_dir / "notes.txt").write_text("my own file, changed\n")
    gate = tmp_path / "gate"
    editor = tmp_path / "slow_editor.py"
    editor.write_text(f"import os, sys, time\nwhile not os.path.exists({str(gate)!r}): time.sleep(0.02)\nopen(sys.argv[1], 'w').write('my own commit\\n')\n")
    env = {**os.environ, "GIT_EDITOR": f"{sys.executable} {editor}"}
    users = subprocess.Popen(["git", "-C", str(data_dir), *ME, "commit", "-a"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    lock = data_dir / ".git" / "index.lock"
    deadline = time.monotonic() + 30
    while not lock.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert lock.exists()
    old = time.time() - 600  # old enough for the two-minute rule that used to remove it
    os.utime(lock, (old, old))
    result = reflect("log", "--company", "Acme", "--role", "Engineer", "--date", "2026-11-20", "--outcome", "rejected")
    assert result.exit_code == 0
    assert "not recorded in history" in result.stderr
    assert lock.exists()
    gate.write_text("")
    _, err = users.communicate(timeout=60)
    assert users.returncode == 0, err
    assert "my own commit" in subjects(data_dir)
    for path in data_dir.glob("*.toml"):
        os.utime(path, (old, old))
    log("Globex")  # the next write commits the reflection the busy lock kept out
    assert git(data_dir, "status", "--porcelain") == ""


def test_a_file_left_just_now_by_a_killed_write_is_committed_by_the_next_one_when_no_writer_waits(reflect, log, data_dir, no_git_identity):
    assert reflect("init", "--git").exit_code == 0
    ident = log("Acme")
    (data_dir / "2026-11-19-just-killed.toml").write_bytes((data_dir / f"{ident}.toml").read_bytes().replace(b"Acme", b"Killed"))
    log("Globex")
    assert git(data_dir, "status", "--porcelain") == ""
    assert subjects(data_dir)[-1] == "recover: 1 file left uncommitted by an interrupted change"


def test_a_git_journal_under_a_name_that_is_not_utf8_keeps_its_history(reflect, tmp_path, monkeypatch, no_git_identity):
    data = Path(os.fsdecode(os.fsencode(str(tmp_path)) + b"/caf\xe9/journal"))
    monkeypatch.setenv("REFLECT_DATA_DIR", str(data))
    assert reflect("init", "--git").exit_code == 0
    (data / os.fsdecode(b"soci\xe9t\xe9.toml")).write_text('company = "Soc"\nrole = "Eng"\ndate = 2026-11-20\noutcome = "rejected"\n')
    result = reflect("log", "--company", "Acme", "--role", "Engineer", "--date", "2026-11-20", "--outcome", "rejected")
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr
    assert git(data, "status", "--porcelain") == ""
