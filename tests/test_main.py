"""Start-up: ``reflect --version`` and ``reflect --help`` load only what they need."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from reflect import __version__


def imported_by(*args: str) -> tuple[str, set[str]]:
    """stdout of ``python -X importtime -m reflect ARGS`` and the modules it imported."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "reflect", *args],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    modules = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    return done.stdout, modules


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version_loads_neither_the_cli_nor_pydantic(flag):
    stdout, modules = imported_by(flag)
    assert stdout == f"reflect {__version__}\n"
    assert not {"typer", "click", "pydantic", "rich"} & modules


def test_help_loads_neither_pydantic_nor_rich_nor_the_analysis():
    stdout, modules = imported_by("--help")
    assert "Commands:" in stdout and "log" in stdout
    heavy = {m for m in modules if m.split(".")[0] in {"pydantic", "pydantic_core", "rich"}}
    assert not heavy
    assert not {m for m in modules if m.startswith(("reflect.analysis", "reflect.models", "reflect.journal"))}


def test_shell_completion_still_knows_every_command_and_option():
    def complete(words: str) -> list[str]:
        env = {**os.environ, "_REFLECT_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(len(words.split()) - 1)}
        done = subprocess.run([sys.executable, "-m", "reflect"], capture_output=True, text=True, env=env, timeout=60)
        return done.stdout.split()

    assert {"log", "list"} <= set(complete("reflect l"))
    assert "--stumped" in complete("reflect log --stu")
