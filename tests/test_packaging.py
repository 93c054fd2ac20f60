"""What users install: the wheel and sdist carry the data files."""

import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA_FILES = ["reflection.schema.json", "template.toml", "demo.toml", "themes.toml"]


def _wanted() -> list[str]:
    return [name for name in DATA_FILES if (ROOT / "src" / "reflect" / "data" / name).exists()]


def test_the_wheel_and_the_sdist_contain_the_data_files(tmp_path):
    builders = pytest.importorskip("hatchling.builders.wheel"), pytest.importorskip("hatchling.builders.sdist")
    wheel = next(builders[0].WheelBuilder(str(ROOT)).build(directory=str(tmp_path)))
    sdist = next(builders[1].SdistBuilder(str(ROOT)).build(directory=str(tmp_path)))
    wheel_names = set(zipfile.ZipFile(wheel).namelist())
    sdist_names = {n.split("/", 1)[1] for n in tarfile.open(sdist).getnames() if "/" in n}
    assert "reflection.schema.json" in _wanted()
    for name in _wanted():
        assert f"reflect/data/{name}" in wheel_names
        assert f"src/reflect/data/{name}" in sdist_names
    assert "scripts/screenshots.py" in sdist_names and "docs/commands.md" in sdist_names
    assert any(n.endswith("entry_points.txt") for n in wheel_names)

