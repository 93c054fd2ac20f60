"""Every test gets its own empty data, config and cache directories (never the user's)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "journal"
    monkeypatch.setenv("REFLECT_DATA_DIR", str(data))
    monkeypatch.setenv("REFLECT_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("REFLECT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("REFLECT_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    return data


@pytest.fixture
def data_dir(isolated_dirs: Path) -> Path:
    return isolated_dirs


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def reflect(runner: CliRunner):
    """Run the real CLI: ``reflect("list", "--json")`` returns the click Result."""
    from reflect.cli.app import app

    def run(*args: str, input: str | None = None):
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return run


@pytest.fixture
def log(reflect):
    """Log one reflection with sensible defaults; returns its id."""

    def run(company: str = "Acme", role: str = "Backend Engineer", date: str = "2026-11-20", *extra: str) -> str:
        import json

        result = reflect("log", "--company", company, "--role", role, "--date", date, "--json", *extra)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)["id"]

    return run


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)
