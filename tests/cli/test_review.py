"""reflect review and the guided log's last step, driven through a real pseudo-terminal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib

import pytest

pexpect = pytest.importorskip("pexpect")

RAMBLED = "I rambled on and on."
NERVOUS = "I was so nervous my hands shook."


def _spawn(*args: str):
    env = dict(os.environ, NO_COLOR="1", COLUMNS="120", TERM="dumb", PYTHONUNBUFFERED="1")
    return pexpect.spawn(sys.executable, ["-m", "reflect", *args], env=env, encoding="utf-8", timeout=20, dimensions=(40, 120))


def _themes(data_dir, ident: str) -> dict:
    return tomllib.loads((data_dir / f"{ident}.toml").read_text()).get("themes", {})


def test_review_walks_the_undecided_suggestions_newest_first_one_key_each(reflect, log, data_dir):
    old = log("Acme", "Dev", "2026-01-10", "--went-wrong", RAMBLED)
    new = log("Globex", "SRE", "2026-01-12", "--went-wrong", RAMBLED, "--went-wrong", NERVOUS)
    child = _spawn("review")
    child.expect(r"\[1/3\] " + new)  # the newest first, with a progress count
    child.expect("Conciseness")
    child.expect(RAMBLED)
    child.expect("matched “on and on”")  # why it fired, in the user's words
    child.expect(r"\[c\]onfirm")
    child.send("c")
    child.expect(r"\[2/3\] " + new)
    child.expect("Nerves")
    child.send("x")  # not a key of the review: nothing happens
    child.send("d")
    child.expect(r"\[3/3\] " + old)
    child.send("s")
    child.expect("Confirmed 1, dismissed 1")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert _themes(data_dir, new) == {"confirmed": ["conciseness"], "dismissed": ["nerves-confidence"]}
    assert _themes(data_dir, old) == {}
    assert reflect("check").exit_code == 0
    # What was decided is not asked again; what was skipped is.
    again = _spawn("review")
    again.expect(r"\[1/1\] " + old)
    again.send("q")
    again.expect(pexpect.EOF)


def test_a_possible_suggestion_says_it_is_not_counted(log):
    log("Acme", "Dev", "2026-01-10", "--went-wrong", "Lost my train of thought twice.")
    child = _spawn("review")
    child.expect(r"\[1/1\]")
    child.expect("Clarity")
    child.expect("matched “Lost my train of thought” \\(possible: not counted until you confirm it\\)")
    child.send("q")
    child.expect(pexpect.EOF)


def test_ctrl_c_keeps_what_was_decided(log, data_dir):
    first = log("Acme", "Dev", "2026-01-10", "--went-wrong", RAMBLED)
    second = log("Globex", "SRE", "2026-01-12", "--went-wrong", RAMBLED)
    child = _spawn("review")
    child.expect(r"\[1/2\]")
    child.send("d")
    child.expect(r"\[2/2\]")
    child.send("\x03")
    child.expect(pexpect.EOF)
    child.close()
    assert _themes(data_dir, second) == {"dismissed": ["conciseness"]}
    assert _themes(data_dir, first) == {}


def test_review_in_a_git_backed_journal_is_one_commit(reflect, log, data_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    assert reflect("init", "--git").exit_code == 0
    log("Acme", "Dev", "2026-01-10", "--went-wrong", RAMBLED)
    log("Globex", "SRE", "2026-01-12", "--went-wrong", RAMBLED, "--went-wrong", NERVOUS)
    before = subprocess.run(["git", "-C", str(data_dir), "rev-list", "--count", "HEAD"], capture_output=True, text=True).stdout
    child = _spawn("review")
    for key in "cdc":
        child.expect(r"\[\d/3\]")
        child.send(key)
    child.expect(pexpect.EOF)
    log_lines = subprocess.run(["git", "-C", str(data_dir), "log", "--format=%s"], capture_output=True, text=True).stdout.splitlines()
    assert int(before) + 1 == len(log_lines)
    assert log_lines[0].startswith("review: ")
    assert subprocess.run(["git", "-C", str(data_dir), "status", "--porcelain"], capture_output=True, text=True).stdout == ""


def test_review_without_a_terminal_refuses_at_once(reflect, log):
    log("Acme", "Dev", "2026-01-10", "--went-wrong", RAMBLED)
    result = reflect("review")
    assert result.exit_code == 2 and "needs a terminal" in result.stderr


def test_the_guided_log_ends_with_the_themes_found_to_dismiss_or_add(data_dir):
    child = _spawn("log", "--date", "2026-01-10", "--went-wrong", RAMBLED, "--went-wrong", NERVOUS,
                   "--stage", "onsite", "--format", "video", "--outcome", "rejected")
    child.expect("Company")
    child.sendline("Acme")
    child.expect("Role")
    child.sendline("Dev")
    child.expect("What went well")  # the one essential the flags left open: skipped
    child.sendline("")
    child.expect("Save it")
    child.sendline("")
    child.expect("Enter accepts them all")
    child.sendline("7")  # a typo: no such theme, asked again rather than confirming them all
    child.expect("no theme numbered 7: the numbers go from 1 to 2")
    child.expect("Enter accepts them all")
    child.sendline("2 coding")  # dismiss the second theme found, add one the engine missed
    child.expect("Themes settled")
    child.expect(pexpect.EOF)
    child.close()
    (path,) = data_dir.glob("*.toml")
    themes = tomllib.loads(path.read_text())["themes"]
    assert themes["dismissed"] == ["nerves-confidence"]
    assert themes["confirmed"] == ["conciseness", "coding"]


def test_keys_typed_ahead_are_used_in_order_and_arrow_keys_ignored(log, data_dir):
    first = log("Acme", "Dev", "2026-01-10", "--went-wrong", RAMBLED)
    second = log("Globex", "SRE", "2026-01-12", "--went-wrong", RAMBLED, "--went-wrong", NERVOUS)
    child = _spawn("review")
    child.expect(r"\[1/3\]")
    child.send("c\x1b[Bds")  # confirm, an arrow key, dismiss, skip: all at once
    child.expect("Confirmed 1, dismissed 1")
    child.expect(pexpect.EOF)
    assert _themes(data_dir, second) == {"confirmed": ["conciseness"], "dismissed": ["nerves-confidence"]}
    assert _themes(data_dir, first) == {}


def test_in_a_narrow_terminal_wrapped_lines_start_under_their_first_word(reflect, log):
    long_note = "I rambled on and on about the migration to the new billing platform and never got to the result at all."
    log("Initech Worldwide", "Senior Site Reliability Engineer", "2026-01-10", "--went-wrong", long_note)
    env = dict(os.environ, NO_COLOR="1", COLUMNS="60", TERM="dumb", PYTHONUNBUFFERED="1")
    child = pexpect.spawn(sys.executable, ["-m", "reflect", "review"], env=env, encoding="utf-8", timeout=20, dimensions=(40, 60))
    child.expect(r"\[c\]onfirm")
    shown = child.before
    child.send("q")
    child.expect(pexpect.EOF)
    lines = [line.rstrip() for line in shown.replace("\r", "").splitlines() if line.strip()]
    assert lines[0].startswith("[1/1] 2026-01-10-initech-worldwide")
    assert all(line.startswith(" ") for line in lines[1:]), lines  # nothing wraps back to the margin
    assert all(len(line) <= 60 for line in lines), lines
