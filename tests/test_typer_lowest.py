"""reflect works with the lowest typer that pyproject.toml allows, installed fresh.

A new virtual environment gets that typer (and whatever click pip picks for it)
and reflect's wheel; help through click must print without a traceback. Needs an
index to install from: skipped, with the reason, where pip cannot reach one.
"""

from __future__ import annotations

import os
import re
import subprocess
import tomllib
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HELPS = [["--help"], ["plan", "--help"], ["config", "--help"], ["list", "--help"]]


def lowest_typer() -> str:
    """The version in ``typer>=X`` among the project's dependencies."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    (spec,) = [d for d in project["dependencies"] if re.match(r"typer\b", d)]
    found = re.search(r">=\s*([0-9][0-9.]*)", spec)
    assert found, f"the typer requirement {spec!r} has no lower bound"
    return found.group(1)


def _pip(python: Path, *args: str, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INPUT": "1"}
    return subprocess.run([str(python), "-m", "pip", *args], capture_output=True, text=True, timeout=timeout, env=environ)


@pytest.mark.slow
def test_help_works_with_the_lowest_typer_allowed(tmp_path):
    hatch_wheel = pytest.importorskip("hatchling.builders.wheel")
    version = lowest_typer()
    env = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env)
    python = env / ("Scripts" if os.name == "nt" else "bin") / "python"
    fetched = _pip(python, "download", "--no-deps", "--dest", str(tmp_path / "dl"), f"typer=={version}", timeout=180)
    if fetched.returncode != 0:
        pytest.skip(f"pip cannot fetch typer=={version} from an index: {fetched.stderr.strip().splitlines()[-1:]}")
    wheel = next(hatch_wheel.WheelBuilder(str(ROOT)).build(directory=str(tmp_path / "dist")))
    installed = _pip(python, "install", f"typer=={version}", wheel)
    assert installed.returncode == 0, installed.stderr
    from packaging.version import Version  # hatchling's dependency

    shown = subprocess.run([str(python), "-c", "import typer; print(typer.__version__)"], capture_output=True, text=True)
    assert Version(shown.stdout.strip()) == Version(version)
    # 60 columns: click formats the help itself, as it would for any typer but the one
    # the stored help was made with.
    environ = {**os.environ, "COLUMNS": "60", "REFLECT_DATA_DIR": str(tmp_path / "journal"),
               "REFLECT_CONFIG": str(tmp_path / "config.toml"), "REFLECT_CACHE_DIR": str(tmp_path / "cache")}  # fmt: skip
    environ.pop("PYTHONPATH", None)
    for args in HELPS:
        run = subprocess.run([str(python), "-m", "reflect", *args], capture_output=True, text=True, env=environ, cwd=tmp_path, timeout=120)
        where = f"typer {version}: reflect {' '.join(args)}"
        assert run.returncode == 0 and "Traceback" not in run.stderr, f"{where}\n{run.stderr}"
        assert run.stdout.startswith("Usage: reflect"), f"{where}\n{run.stdout}"
