"""Where reflect keeps things: paths given by the user are refused in one line when they cannot be meant."""

from __future__ import annotations

import os

import pytest


def test_an_empty_data_dir_is_refused_and_nothing_is_written_in_the_current_directory(reflect, tmp_path, monkeypatch):
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    result = reflect("--data-dir", "", "log", "--company", "Acme", "--role", "Engineer", "--outcome", "rejected")
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: --data-dir is empty: give a directory (an empty path would mean the current one)"
    assert os.listdir(here) == []


@pytest.mark.parametrize("variable", ["REFLECT_DATA_DIR", "REFLECT_CACHE_DIR", "REFLECT_CONFIG"])
def test_an_unknown_user_in_a_directory_variable_is_one_line(reflect, monkeypatch, variable):
    monkeypatch.setenv(variable, "~nosuchuser-reflect/x")
    result = reflect("config") if variable == "REFLECT_CONFIG" else reflect("list")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {variable}: cannot expand '~nosuchuser-reflect/x': no such user's home directory"


def test_an_unknown_user_in_the_data_dir_option_is_one_line(reflect):
    result = reflect("--data-dir", "~nosuchuser-reflect/x", "list")
    assert result.exit_code == 2
    assert "no such user's home directory" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_under_umask_000_the_missing_parents_of_every_directory_are_made_private(tmp_path):
    import subprocess
    import sys

    env = {
        **os.environ,
        "REFLECT_DATA_DIR": str(tmp_path / "d1" / "d2" / "journal"),
        "REFLECT_CACHE_DIR": str(tmp_path / "c1" / "c2" / "cache"),
        "REFLECT_CONFIG": str(tmp_path / "g1" / "g2" / "config.toml"),
        "EDITOR": f"{sys.executable} -c pass",
    }
    command = [sys.executable, "-m", "reflect"]
    log = ["log", "--company", "Acme", "--role", "Engineer", "--outcome", "rejected", "--went-wrong", "I rambled"]
    for args in (log, ["list"], ["config", "edit"]):
        done = subprocess.run([*command, *args], env=env, capture_output=True, text=True, preexec_fn=lambda: os.umask(0))
        assert done.returncode == 0, done.stderr
    for folder in ("d1", "d1/d2", "d1/d2/journal", "c1", "c1/c2", "c1/c2/cache", "g1", "g1/g2"):
        assert oct(os.stat(tmp_path / folder).st_mode & 0o777) == oct(0o700), folder


needs_root = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a file to another user (nobody) needs root")


def _nobody() -> int:
    import pwd

    return pwd.getpwnam("nobody").pw_uid


@needs_root
@pytest.mark.parametrize("case", ["dir-of-another-user", "world-writable-dir", "file-of-another-user"])
def test_a_cache_another_user_could_read_or_replace_is_not_used(reflect, log, tmp_path, case):
    cache = tmp_path / "cache"
    cache.mkdir()
    os.chmod(cache, 0o777 if case == "world-writable-dir" else 0o700)
    planted = cache / "parse-cache.sqlite3"
    if case == "dir-of-another-user":
        os.chown(cache, _nobody(), -1)
        os.chmod(cache, 0o777)
    if case == "file-of-another-user":
        planted.write_bytes(b"")
        os.chown(planted, _nobody(), -1)
        os.chmod(planted, 0o666)
    before = sorted(os.listdir(cache))
    ident = log("Acme", "Engineer", "2026-11-20", "--went-wrong", "I froze on the secret project")
    for command in (["list"], ["themes"]):
        result = reflect(*command)
        assert result.exit_code == 0, result.output
        assert result.stderr.count("warning: not using the cache:") == 1, result.stderr
    assert ident in reflect("list").stdout
    assert sorted(os.listdir(cache)) == before
    if planted.exists():
        assert b"secret" not in planted.read_bytes()


@needs_root
def test_a_config_or_state_file_another_user_could_change_is_refused(reflect, log, data_dir, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('editor = "vi"\n')
    os.chown(config, _nobody(), -1)
    result = reflect("config", "--json")
    assert result.exit_code == 1
    assert "belongs to another user" in result.stderr
    config.unlink()
    log()
    state = data_dir / "state"
    state.mkdir()
    (state / "plan.toml").write_text("")
    os.chmod(state / "plan.toml", 0o666)
    result = reflect("plan")
    assert result.exit_code != 0
    assert "can be changed by other users (mode 666)" in result.stderr
