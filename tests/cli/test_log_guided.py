"""The guided `reflect log`, driven through a real pseudo-terminal as a person would."""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")


def _spawn(data_dir: Path, tmp_path: Path):
    env = dict(os.environ, REFLECT_DATA_DIR=str(data_dir), REFLECT_CONFIG=str(tmp_path / "config.toml"),
               NO_COLOR="1", COLUMNS="100", TERM="dumb")
    return pexpect.spawn(sys.executable, ["-m", "reflect", "log"], env=env, encoding="utf-8", timeout=15)


def test_guided_log_reasks_invalid_answers_and_saves(data_dir, tmp_path):
    child = _spawn(data_dir, tmp_path)

    def answer(prompt: str, text: str) -> None:
        child.expect(prompt)
        child.sendline(text)

    answer("Company", "Acme")
    answer("Role", "Backend Engineer")
    child.expect(r"Date.*\[today\]")  # the default is shown
    child.sendline("2026-11-20")
    answer("Stage", "lunch")
    answer("choose one of: recruiter-screen", "onsite")  # re-asked with the allowed values
    answer("Format", "video")
    answer("Outcome", "rejected")
    answer("-", "")  # no interviewers
    answer("Tags", "remote")
    answer("-", "")
    answer("How prepared", "7")
    answer("a rating is a whole number from 1 to 5", "2")
    for _ in range(4):
        answer("1-5", "")  # skipped
    answer("-", "")  # went well: nothing
    answer("-", "My answers ran long")
    answer("-", "")
    answer("Gap kind", "skill")
    answer("What exactly", "never used Kafka")
    answer("Gap kind", "")
    answer("Question asked", "Design a URL shortener")
    answer("Kind", "system-design")
    answer("stump", "y")
    answer("How well did you answer", "2")
    answer("better answer", "")
    answer("Question asked", "")
    answer("Feedback", "")
    answer("Hours", "")
    answer("-", "")
    answer("right job", "")
    answer("-", "")
    answer("-", "")
    child.expect("Saved 2026-11-20-acme-backend-engineer")
    child.expect("hurts")
    child.expect("Enter accepts them all")  # the themes found, settled on the spot
    child.sendline("")
    child.expect("Themes settled")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    data = tomllib.loads((data_dir / "2026-11-20-acme-backend-engineer.toml").read_text())
    assert data["stage"] == "onsite"
    assert data["tags"] == ["remote"]
    assert data["ratings"] == {"preparation": 2}
    assert data["went_wrong"] == ["My answers ran long"]
    assert data["gaps"] == [{"kind": "skill", "detail": "never used Kafka"}]
    assert data["questions"] == [{"text": "Design a URL shortener", "kind": "system-design", "stumped": True, "answer_rating": 2}]
    assert {"conciseness", "system-design"} <= set(data["themes"]["confirmed"])


def test_guided_log_stopped_with_ctrl_d_saves_nothing(data_dir, tmp_path):
    child = _spawn(data_dir, tmp_path)
    child.expect("Company")
    child.sendline("Acme")
    child.expect("Role")
    child.sendeof()
    child.expect("nothing was saved")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    assert not list(data_dir.glob("*.toml"))
