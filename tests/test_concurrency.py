"""Concurrency: many reflect processes at once never overwrite each other."""

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from reflect.journal import Journal

pytestmark = pytest.mark.slow


def _env(tmp_path: Path, root: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "REFLECT_DATA_DIR": str(root), "REFLECT_CONFIG": str(tmp_path / "none.toml"),
            "REFLECT_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1", **extra}


def _log_in_parallel(env: dict[str, str], count: int) -> list[subprocess.CompletedProcess]:
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "reflect", "log", "--company", "Acme", "--role", "Backend Engineer",
             "--date", "2026-11-20", "--lesson", f"lesson from writer {n}", "--json"],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for n in range(count)
    ]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(proc.args, proc.returncode, out, err))
    return results


def _assert_twenty_distinct(root: Path, results) -> None:
    assert [r.returncode for r in results] == [0] * 20, [r.stderr for r in results if r.returncode]
    ids = {json.loads(r.stdout)["id"] for r in results}
    assert len(ids) == 20
    loaded = Journal(root).load_all()
    assert loaded.problems == []
    assert {e.id for e in loaded.entries} == ids
    assert sorted(e.reflection.lessons[0] for e in loaded.entries) == sorted(f"lesson from writer {n}" for n in range(20))
    assert not [p for p in root.iterdir() if p.name.endswith(".tmp")]


def test_twenty_loggers_at_once_make_twenty_valid_files(tmp_path):
    root = tmp_path / "journal"
    _assert_twenty_distinct(root, _log_in_parallel(_env(tmp_path, root), 20))


def test_twenty_loggers_at_once_in_a_git_journal_make_twenty_commits(tmp_path):
    root = tmp_path / "journal"
    home = tmp_path / "home"
    home.mkdir()
    env = _env(tmp_path, root, HOME=str(home), GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=str(home / "none"))
    subprocess.run([sys.executable, "-m", "reflect", "init", "--git"], env=env, check=True, capture_output=True)
    results = _log_in_parallel(env, 20)
    _assert_twenty_distinct(root, results)
    assert not [r.stderr for r in results if "warning" in r.stderr]
    log = subprocess.run(["git", "-C", str(root), "log", "--format=%s"], capture_output=True, text=True, check=True, env=env)
    subjects = log.stdout.splitlines()
    assert subjects.count("log: 2026-11-20 acme backend engineer") == 20
    status = subprocess.run(["git", "-C", str(root), "status", "--porcelain"], capture_output=True, text=True, env=env)
    assert status.stdout == ""


def test_two_edits_of_one_reflection_keep_both_versions(tmp_path):
    root = tmp_path / "journal"
    env = _env(tmp_path, root)
    first = subprocess.run([sys.executable, "-m", "reflect", "log", "--company", "Acme", "--role", "Dev",
                            "--date", "2026-11-20", "--json"], env=env, capture_output=True, text=True, check=True)
    path = Path(json.loads(first.stdout)["path"])
    b_open = tmp_path / "b-open"
    editor_a = tmp_path / "editor_a.py"
    editor_a.write_text(
        "import sys, time, pathlib\n"
        f"marker = pathlib.Path({str(b_open)!r})\n"
        "deadline = time.time() + 60\n"
        "while not marker.exists() and time.time() < deadline: time.sleep(0.02)\n"
        "p = pathlib.Path(sys.argv[1]); p.write_text(p.read_text().replace('schema = 2', 'schema = 2\\nfit_notes = \"from A\"'))\n"
    )
    editor_b = tmp_path / "editor_b.py"
    editor_b.write_text(
        "import sys, time, pathlib\n"
        f"pathlib.Path({str(b_open)!r}).touch()\n"
        f"saved = pathlib.Path({str(path)!r})\n"
        "deadline = time.time() + 60\n"
        "while 'from A' not in saved.read_text() and time.time() < deadline: time.sleep(0.02)\n"
        "p = pathlib.Path(sys.argv[1]); p.write_text(p.read_text().replace('schema = 2', 'schema = 2\\nfit_notes = \"from B\"'))\n"
    )
    a = subprocess.Popen([sys.executable, "-m", "reflect", "edit", path.stem], env={**env, "EDITOR": f"{sys.executable} {editor_a}"},
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    b = subprocess.Popen([sys.executable, "-m", "reflect", "edit", path.stem], env={**env, "EDITOR": f"{sys.executable} {editor_b}"},
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, a_err = a.communicate(timeout=120)
    _, b_err = b.communicate(timeout=120)
    assert a.returncode == 0, a_err
    assert b.returncode == 1, b_err
    assert tomllib.loads(path.read_text())["fit_notes"] == "from A"
    drafts = list((root / "drafts").glob("*.toml"))
    assert len(drafts) == 1
    assert tomllib.loads(drafts[0].read_text())["fit_notes"] == "from B"
    assert "changed on disk" in b_err and str(drafts[0]) in b_err
    assert len(b_err.strip().splitlines()) == 1
