"""reflect reads reflections it did not write: 200 files in hand-written TOML styles
(benchmarks/handwritten.py) are all valid, hold what was meant, and can be analysed."""

from __future__ import annotations

import datetime as dt
import json
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _generate(directory: Path) -> dict[str, dict]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from handwritten import generate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return generate(directory, 200)


def _plain(value: object) -> object:
    """The intended data as reflect's JSON shows it (dates as ISO strings, CRLF as LF)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value.replace("\r\n", "\n")
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _subset(meant: object, shown: object) -> bool:
    """Every key written by hand is shown with the same value (reflect may add defaults,
    and leaves out empty lists)."""
    if isinstance(meant, dict):
        return isinstance(shown, dict) and all(
            _subset(v, shown[k]) if k in shown else v == [] for k, v in meant.items()
        )
    if isinstance(meant, list):
        return isinstance(shown, list) and len(meant) == len(shown) and all(map(_subset, meant, shown))
    return meant == shown


def test_hand_written_files_are_valid_and_read_as_meant(reflect, data_dir: Path) -> None:
    made = _generate(data_dir)
    for name, meant in made.items():  # the generator writes the TOML it means to
        assert _plain(tomllib.loads((data_dir / name).read_bytes().decode())) == _plain(meant), name

    checked = reflect("check")
    assert checked.exit_code == 0, checked.output
    assert "200 files checked" in checked.output and "all valid" in checked.output

    listed = {Path(r["path"]).name: r for r in json.loads(reflect("list", "--json").stdout)}
    assert sorted(listed) == sorted(made)
    # A file of an older schema (schema = 1) is read through its migration, as the current one.
    current = {"schema": 2}
    wrong = [name for name, meant in made.items() if not _subset(_plain({**meant, **current} if "schema" in meant else meant), listed[name])]
    assert not wrong, (wrong[:3], [listed[n] for n in wrong[:1]])


def test_themes_analyse_every_hand_written_file(reflect, data_dir: Path) -> None:
    _generate(data_dir)
    result = reflect("themes", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["analysed"] == 200 and report["skipped"] == []
    assert report["themes"], "the notes about rambling, nerves and salary give themes"
