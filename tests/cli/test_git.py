"""History through git: every change is a commit that says what happened; git is never required."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import mode

V0 = 'schema = 0\ncompany = "Initech"\nposition = "Analyst"\ninterview_date = 2025-06-01\n'


@pytest.fixture
def no_git_identity(tmp_path, monkeypatch):
    """A machine where git has no user configured."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / "gitconfig"))
    for name in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "EMAIL"):
        monkeypatch.delenv(name, raising=False)
    return home


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True).stdout


def subjects(root: Path) -> list[str]:
    return git(root, "log", "--format=%s").splitlines()[::-1]


def test_a_session_of_commands_is_recorded_commit_by_commit(reflect, log, data_dir, tmp_path, monkeypatch, no_git_identity):
    assert reflect("init", "--git").exit_code == 0
    assert mode(data_dir) == 0o700
    acme = log("Acme", "Backend Engineer", "2026-11-20")
    log("Globex", "SRE", "2026-11-21")
    assert reflect("feedback", acme, "--status", "requested").exit_code == 0
    editor = tmp_path / "editor.py"
    editor.write_text("import sys, pathlib\np = pathlib.Path(sys.argv[1])\np.write_text(p.read_text().replace('pending', 'rejected'))\n")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor}")
    assert reflect("edit", acme).exit_code == 0
    assert reflect("delete", "2026-11-21", "--yes").exit_code == 0
    assert reflect("restore", "2026-11-21").exit_code == 0
    (data_dir / "2025-06-01-initech.toml").write_text(V0)
    assert reflect("migrate").exit_code == 0
    assert subjects(data_dir) == [
        "init: history of 0 reflections",
        "log: 2026-11-20 acme backend engineer",
        "log: 2026-11-21 globex sre",
        "feedback: 2026-11-20 acme backend engineer",
        "edit: 2026-11-20 acme backend engineer",
        "delete: 2026-11-21 globex sre",
        "restore: 2026-11-21 globex sre",
        "migrate: 1 file to schema 2",
    ]
    # Nothing left uncommitted; the backup of the migration stays out of history.
    assert git(data_dir, "status", "--porcelain") == ""
    tracked = git(data_dir, "ls-files").split()
    # The schema copy travels with the files: their `#:schema` line names it.
    assert sorted(tracked) == [".gitignore", "2025-06-01-initech.toml", f"{acme}.toml", "2026-11-21-globex-sre.toml", "reflection.schema.json"]
    assert 'outcome = "rejected"' in git(data_dir, "show", f"HEAD~3:{acme}.toml")
    assert set(git(data_dir, "log", "--format=%an <%ae>").splitlines()) == {"reflect <reflect@localhost>"}
    # The repository is as private as the journal.
    assert mode(data_dir / ".git") == 0o700 and mode(data_dir / ".git" / "config") == 0o600


def test_a_configured_identity_is_used(reflect, log, data_dir, no_git_identity):
    (no_git_identity / "gitconfig").write_text("[user]\n\tname = Dana Lee\n\temail = dana@example.org\n")
    reflect("init", "--git")
    log()
    assert git(data_dir, "log", "-1", "--format=%an <%ae>").strip() == "Dana Lee <dana@example.org>"


def test_init_git_commits_the_reflections_already_there_and_is_safe_to_repeat(reflect, log, data_dir, no_git_identity):
    log("Acme", "Dev", "2026-01-01")
    log("Acme", "Dev", "2026-01-02")
    first = reflect("init", "--git")
    assert first.exit_code == 0
    assert "Committed: init: history of 2 reflections" in first.stderr
    assert reflect("init", "--git").exit_code == 0
    assert subjects(data_dir) == ["init: history of 2 reflections"]
    assert (data_dir / ".gitignore").read_text().count("/drafts/") == 1


def test_drafts_lock_and_temporary_files_stay_out_of_history(reflect, log, data_dir, no_git_identity):
    reflect("init", "--git")
    ident = log()
    (data_dir / "drafts").mkdir()
    (data_dir / "drafts" / "d.toml").write_text("draft")
    (data_dir / f".{ident}.1.ab.tmp").write_text("temp")
    assert (data_dir / ".lock").exists()
    assert git(data_dir, "status", "--porcelain") == ""


def test_reflect_git_runs_git_in_the_data_directory(reflect, log, data_dir, no_git_identity):
    reflect("init", "--git")
    log()
    result = reflect("git", "log", "--oneline")
    assert result.exit_code == 0
    assert "log: 2026-11-20 acme backend engineer" in result.stdout
    assert reflect("git", "status", "--short").stdout == ""
    # a commit made through `reflect git` also works without a configured identity
    (data_dir / "notes.md").write_text("mine")
    reflect("git", "add", "notes.md")
    assert reflect("git", "commit", "-m", "my notes").exit_code == 0
    assert subjects(data_dir)[-1] == "my notes"
    failed = reflect("git", "no-such-command")
    assert failed.exit_code != 0 and "no-such-command" in failed.stderr


def test_reflect_git_before_the_journal_exists_says_how_to_start(reflect, no_git_identity):
    result = reflect("git", "log")
    assert result.exit_code == 1
    assert "reflect init --git" in result.stderr


def test_a_failed_commit_is_a_warning_and_the_reflection_is_saved(reflect, log, data_dir, no_git_identity):
    reflect("init", "--git")
    hook = data_dir / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'hook says no' >&2\nexit 1\n")
    hook.chmod(0o700)
    result = reflect("log", "--company", "Acme", "--role", "Dev", "--date", "2026-01-01")
    assert result.exit_code == 0
    assert (data_dir / "2026-01-01-acme-dev.toml").exists()
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == ["warning: not recorded in history: git commit failed: hook says no"]


@pytest.fixture
def without_git(tmp_path, monkeypatch):
    empty = tmp_path / "no-git-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))


def test_without_git_everything_else_works(reflect, log, data_dir, without_git):
    ident = log()
    assert reflect("feedback", ident, "--status", "requested").exit_code == 0
    assert reflect("delete", ident, "--yes").stderr.count("warning") == 0
    result = reflect("init", "--git")
    assert result.exit_code == 1
    assert "git is not installed" in result.stderr
    assert reflect("git", "log").exit_code == 1


def test_a_git_journal_on_a_machine_without_git_warns_but_saves(reflect, data_dir, no_git_identity, monkeypatch, tmp_path):
    reflect("init", "--git")
    empty = tmp_path / "no-git-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    result = reflect("log", "--company", "Acme", "--role", "Dev", "--date", "2026-01-01")
    assert result.exit_code == 0
    assert "warning: not recorded in history: git is not installed" in result.stderr
    assert (data_dir / "2026-01-01-acme-dev.toml").exists()


def test_outside_a_repository_no_history_is_kept(reflect, log, data_dir):
    log()
    assert not (data_dir / ".git").exists()
    assert not (data_dir / ".gitignore").exists()
