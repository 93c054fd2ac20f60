import tempfile
from pathlib import Path

import pytest


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


def test_demo_shows_themes_and_plan_of_the_sample(reflect, temp_root):
    result = reflect("demo")
    assert result.exit_code == 0, result.output
    assert "reflect themes" in result.stdout and "interviews analysed" in result.stdout
    assert "Conciseness" in result.stdout
    assert "Development plan" in result.stdout and "Feedback to chase" in result.stdout
