import os
import tempfile
from pathlib import Path

import pytest
import typer
from typer.models import CommandInfo

from reflect.cli import context
from reflect.cli.app import app


@pytest.fixture
def temp_root(tmp_path, monkeypatch) -> Path:
    root = tmp_path / "tmp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    return root


def _sample(temp_root: Path) -> Path:
    (folder,) = temp_root.glob("reflect-demo-*")
    return folder


def test_demo_writes_a_sample_journal_elsewhere_and_never_touches_yours(reflect, log, data_dir, temp_root):
    ident = log("Acme", "Dev", "2026-01-10")
    before = {p.name: p.read_bytes() for p in data_dir.iterdir()}
    result = reflect("demo")
    assert result.exit_code == 0, result.output
    assert {p.name: p.read_bytes() for p in data_dir.iterdir()} == before
    sample = _sample(temp_root)
    assert len(list(sample.glob("*.toml"))) == 16
    assert ident not in result.stdout
    assert f"reflect --data-dir {sample} list" in result.stderr
    checked = reflect("--data-dir", str(sample), "check")
    assert checked.exit_code == 0 and "all valid" in checked.stderr


def test_demo_ignores_the_data_dir_flag_too(reflect, tmp_path, temp_root):
    mine = tmp_path / "mine"
    assert reflect("--data-dir", str(mine), "demo").exit_code == 0
    assert not mine.exists()


def test_demo_shows_the_journal_and_the_feedback_to_chase(reflect, temp_root):
    result = reflect("demo")
    assert "Atlas Travel" in result.stdout and "offer" in result.stdout
    assert "Feedback to chase" in result.stdout and "never requested" in result.stdout


def test_demo_shows_themes_and_plan_when_reflect_has_them(reflect, temp_root, monkeypatch):
    seen = []

    def fake(name):
        def command() -> None:
            """A stand-in.

            Example: none"""
            seen.append((name, context.journal().root))
            typer.echo(f"{name} shown")

        return command

    extra = [CommandInfo(name=n, callback=fake(n)) for n in ("themes", "plan")]
    monkeypatch.setattr(app, "registered_commands", [*app.registered_commands, *extra])
    result = reflect("demo")
    assert result.exit_code == 0, result.output
    assert "themes shown" in result.stdout and "plan shown" in result.stdout
    assert "Feedback to chase" not in result.stdout
    assert [root for _, root in seen] == [_sample(temp_root)] * 2
