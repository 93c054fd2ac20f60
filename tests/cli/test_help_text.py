"""The stored top-level help (cli/help_text.py) is click's, byte for byte."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reflect.cli import help_text
from reflect.cli.app import app

REGENERATE = "the stored top-level help is out of date: run `python scripts/make_help_text.py`"
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "make_help_text.py"


def test_the_generated_module_is_up_to_date():
    """Same text, width and typer version as the script would write now."""
    spec = importlib.util.spec_from_file_location("make_help_text", SCRIPT)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.render() == Path(help_text.__file__).read_text(encoding="utf-8"), REGENERATE


@pytest.mark.parametrize("args", [["--help"], ["-h"], []], ids=["--help", "-h", "nothing"])
def test_the_stored_text_is_what_click_prints_at_its_width(args):
    result = CliRunner().invoke(app, args, prog_name="reflect", terminal_width=help_text.WIDTH, catch_exceptions=False)
    assert result.exit_code == 0
    assert (result.stdout if args else result.stderr) == help_text.TEXT, REGENERATE


def test_the_stored_text_lists_every_command():
    from tests.cli.commands import all_commands

    listed = help_text.TEXT.split("Commands:\n")[1]
    names = [line.split()[0] for line in listed.splitlines() if line.strip()]
    assert names == list(all_commands())
