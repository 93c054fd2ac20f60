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


def test_a_second_demo_replaces_the_first_sample_and_nothing_else(reflect, temp_root):
    assert reflect("demo").exit_code == 0
    first = _sample(temp_root)
    someone_elses = temp_root / "reflect-demo-not-a-sample"
    someone_elses.mkdir()
    (someone_elses / "keep.txt").write_text("mine")
    result = reflect("demo")
    assert result.exit_code == 0
    assert not first.exists()
    assert someone_elses.exists() and (someone_elses / "keep.txt").read_text() == "mine"
    (second,) = [p for p in temp_root.glob("reflect-demo-*") if p != someone_elses]
    assert f"It stays in {second} until the next `reflect demo` replaces it." in result.stderr


def test_the_closing_hints_work_as_printed_when_reflect_is_not_on_path(tmp_path):
    import os
    import shlex
    import subprocess
    import sys

    script = Path(sys.executable).parent / "reflect"
    if not script.exists():
        pytest.skip("no installed `reflect` script next to this Python")
    env = {**os.environ, "PATH": "/usr/bin:/bin", "TMPDIR": str(tmp_path), "NO_COLOR": "1"}
    done = subprocess.run([str(script), "demo"], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    hints = [line.split(": ", 1)[-1].strip() for line in done.stderr.splitlines() if "--data-dir" in line]
    assert hints and all(h.startswith(str(script)) for h in hints)
    assert f"Start your own journal with: {script} log" in done.stderr
    for hint in hints:
        ran = subprocess.run(shlex.split(hint), capture_output=True, text=True, env=env, timeout=60)
        assert ran.returncode == 0, (hint, ran.stderr)
        assert ran.stdout.strip()
