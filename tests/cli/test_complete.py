"""Completion as the shell asks for it: a real `reflect` process driven by the completion variables."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reflect.cli import complete

BIN = Path(sys.executable).parent


def _complete(line: str, env_extra: dict[str, str] | None = None) -> list[str]:
    words = line.split()
    cword = len(words) if line.endswith(" ") else len(words) - 1
    env = {**os.environ, "_REFLECT_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(cword), **(env_extra or {})}
    done = subprocess.run([sys.executable, "-m", "reflect"], env=env, capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


@pytest.fixture
def journal(log, reflect):
    log("Acme", "Dev", "2026-01-10")
    log("Acme", "Lead", "2026-02-01")
    log("Globex", "SRE", "2026-03-01")
    reflect("delete", "2026-03-01-globex-sre", "--yes")


def test_reflection_ids_complete_newest_first(journal):
    assert _complete("reflect show ") == ["2026-02-01-acme-lead", "2026-01-10-acme-dev"]
    assert _complete("reflect edit 2026-01") == ["2026-01-10-acme-dev"]
    assert _complete("reflect feedback 2026-02") == ["2026-02-01-acme-lead"]
    assert _complete("reflect restore ") == ["2026-03-01-globex-sre"]


def test_ids_come_from_the_journal_named_on_the_command_line(journal, log, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / "2020-05-05-initech-qa.toml").write_text('company = "Initech"\nrole = "QA"\ndate = 2020-05-05\n')
    assert _complete(f"reflect --data-dir {other} show ") == ["2020-05-05-initech-qa"]


def test_stages_and_outcomes_complete(journal):
    assert "onsite" in _complete("reflect list --stage ")
    assert _complete("reflect export --outcome re") == ["rejected"]
    assert _complete("reflect export --format m") == ["markdown"]


def test_completion_of_a_missing_journal_offers_nothing(tmp_path):
    assert _complete("reflect show ", {"REFLECT_DATA_DIR": str(tmp_path / "none")}) == []


def test_theme_ids_come_from_the_taxonomy_or_the_core_list():
    assert "conciseness" in complete.theme_ids("")
    assert complete.theme_ids("nerv") == ["nerves-confidence"]
    assert len(complete.CORE_THEMES) == 14


@pytest.mark.skipif(shutil.which("bash") is None or not (BIN / "reflect").exists(), reason="needs bash and the installed reflect")
def test_install_completion_then_ids_complete_in_bash(journal, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "SHELL": "/bin/bash", "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    installed = subprocess.run(["reflect", "--install-completion", "bash"], env=env, capture_output=True, text=True, timeout=30)
    assert installed.returncode == 0, installed.stderr
    assert "reflect.sh" in (home / ".bashrc").read_text()
    probe = 'source ~/.bashrc; COMP_WORDS=(reflect show 2026-0); COMP_CWORD=2; _reflect_completion reflect; printf "%s\\n" "${COMPREPLY[@]}"'
    done = subprocess.run(["bash", "--norc", "--noprofile", "-c", probe], env=env, capture_output=True, text=True, timeout=30)
    assert done.stdout.split() == ["2026-02-01-acme-lead", "2026-01-10-acme-dev"], done.stderr
