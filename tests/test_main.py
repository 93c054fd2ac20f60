"""Start-up: ``reflect --version`` and ``reflect --help`` load only what they need."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from reflect import __version__


def imported_by(*args: str, columns: str = "100") -> tuple[str, set[str]]:
    """stdout of ``python -X importtime -m reflect ARGS`` and the modules it imported."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": columns}
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


def test_help_through_click_loads_neither_pydantic_nor_rich_nor_the_analysis():
    """At a width the stored help is not made for (see below), click prints it: still light."""
    stdout, modules = imported_by("--help", columns="60")
    assert "typer" in modules
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
    assert "done" in complete("reflect plan d")


HELP_FLAGS = [("--help",), ("-h",), ()]


def run(argv: list[str], columns: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": columns}
    return subprocess.run(argv, capture_output=True, env=env, timeout=60)


def through_click(*args: str, columns: str) -> subprocess.CompletedProcess:
    """``reflect ARGS`` the usual way, through typer and click, never the stored text."""
    code = "import sys; from reflect.cli.app import app; sys.argv[0] = 'reflect'; app(prog_name='reflect')"
    return run([sys.executable, "-c", code, *args], columns)


@pytest.mark.parametrize("args", HELP_FLAGS, ids=["--help", "-h", "nothing"])
def test_top_level_help_prints_clicks_bytes_without_loading_typer(args):
    """`reflect --help`, `-h` and `reflect` alone: the same bytes, stream and exit code as through click."""
    from reflect.cli import help_text

    fast = run([sys.executable, "-m", "reflect", *args], "100")
    usual = through_click(*args, columns="100")
    assert (fast.returncode, fast.stdout, fast.stderr) == (usual.returncode, usual.stdout, usual.stderr), (
        "the stored top-level help differs from click's: run `python scripts/make_help_text.py`"
    )
    shown = fast.stdout if args else fast.stderr
    assert fast.returncode == 0 and shown.decode() == help_text.TEXT


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_top_level_help_loads_neither_typer_nor_pydantic_nor_rich(flag):
    stdout, modules = imported_by(flag)
    assert stdout.startswith("Usage: reflect [OPTIONS] COMMAND")
    assert not {"typer", "click", "pydantic", "rich"} & modules


def test_reflect_alone_shows_the_help_on_stderr_without_loading_typer():
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "reflect"], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0 and done.stdout == ""
    assert "Usage: reflect [OPTIONS] COMMAND" in done.stderr and "Commands:" in done.stderr
    modules = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert not {"typer", "click", "pydantic", "rich"} & modules


@pytest.mark.parametrize("columns", ["60", "40"])
def test_a_narrow_terminal_gets_clicks_help_at_its_width(columns):
    """The stored text is for click's usual width (78); any other width goes through click."""
    fast = run([sys.executable, "-m", "reflect", "--help"], columns)
    usual = through_click("--help", columns=columns)
    assert fast.returncode == 0 and fast.stdout == usual.stdout
    assert max(len(line) for line in fast.stdout.decode().splitlines()) <= max(int(columns) - 2, 50)


@pytest.mark.parametrize("columns", [None, "", "abc", "-3", "0", "1", "79", "80", "81", "200"])
def test_terminal_columns_are_the_ones_click_reads(monkeypatch, columns):
    import shutil

    from reflect.__main__ import terminal_columns

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert terminal_columns() == shutil.get_terminal_size().columns


@pytest.mark.parametrize(
    "change",
    [
        ("env", "COLUMNS", "79"),
        ("env", "_REFLECT_COMPLETE", "complete_bash"),
        ("env", "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1"),
        ("typer", "0.0.1"),
    ],
    ids=["narrower", "completing", "no-shell-detection", "other-typer"],
)
def test_the_stored_help_is_used_only_where_click_would_print_the_same(monkeypatch, change):
    from reflect import __main__
    from reflect.cli import help_text

    monkeypatch.setenv("COLUMNS", "100")
    assert __main__.static_help() == help_text.TEXT
    if change[0] == "env":
        monkeypatch.setenv(change[1], change[2])
    else:
        monkeypatch.setattr(help_text, "TYPER", change[1])
    assert __main__.static_help() is None


@pytest.mark.parametrize("args", [("--help",), ("--version",)])
def test_a_closed_stdout_is_no_error(args):
    """As click's echo: with stdout closed (`reflect --help >&-`) there is nothing to write to; exit 0, no traceback."""
    closed = ["sh", "-c", 'exec "$@" >&-', "sh"]
    fast = run([*closed, sys.executable, "-m", "reflect", *args], "100")
    assert (fast.returncode, fast.stderr) == (0, b"")
    if args == ("--help",):
        code = "import sys; from reflect.cli.app import app; app(prog_name='reflect')"
        usual = run([*closed, sys.executable, "-c", code, *args], "100")
        assert (usual.returncode, usual.stderr) == (0, b"")


@pytest.fixture
def big_journal(tmp_path, monkeypatch):
    """300 reflections (about half a megabyte of `list --json`: more than a pipe holds)."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root / "benchmarks"))
    try:
        from journal import generate
    finally:
        sys.path.remove(str(root / "benchmarks"))
    monkeypatch.setenv("REFLECT_DATA_DIR", str(generate(tmp_path / "journal", 300)))
    return tmp_path


@pytest.mark.parametrize("args", [("list", "--json"), ("list",), ("themes", "--json")])
def test_a_reader_that_stops_early_ends_reflect_quietly(big_journal, args):
    """`reflect list | head`: when the reader goes away, reflect stops without an error or a traceback."""
    process = subprocess.Popen(
        [sys.executable, "-m", "reflect", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "COLUMNS": "100"}
    )
    assert process.stdout is not None and process.stderr is not None
    assert len(process.stdout.read(200)) == 200
    process.stdout.close()
    stderr = process.stderr.read()
    assert (process.wait(timeout=60), stderr) == (0, b"")


def test_a_command_with_stdout_closed_runs_without_a_traceback(big_journal):
    closed = ["sh", "-c", 'exec "$@" >&-', "sh"]
    done = subprocess.run([*closed, sys.executable, "-m", "reflect", "list", "--json"], capture_output=True, timeout=60)
    assert (done.returncode, done.stderr) == (0, b"")


def test_a_warm_themes_run_builds_no_reflection_model(log):
    """With every summary in the cache, `reflect themes` reads neither files nor models (pydantic's
    validators for a reflection cost about 12 ms to build)."""
    import time

    log("Acme", "Dev", "2026-01-10", "--outcome", "rejected", "--went-wrong", "I rambled on and on.")
    log("Globex", "SRE", "2026-01-12", "--outcome", "rejected", "--went-wrong", "My answers were far too long.")
    time.sleep(2.1)  # files changed in the last two seconds are never served from the cache
    first, _ = imported_by("themes", "--json")
    again, modules = imported_by("themes", "--json")
    assert again == first and '"conciseness"' in again
    assert "reflect.models.reflection" not in modules


def test_json_is_utf8_whatever_the_locale_encoding(log):
    """JSON is UTF-8 (RFC 8259): a terminal set to Latin-1 gets the same bytes, not a crash."""
    log("Kōbō Labs", "Dev", "2026-01-10", "--went-wrong", "I rambled — a lot.")
    outputs = []
    for encoding in ("utf-8", "latin-1"):
        done = subprocess.run(
            [sys.executable, "-m", "reflect", "list", "--json"],
            capture_output=True, env={**os.environ, "PYTHONIOENCODING": encoding}, timeout=60,
        )
        assert (done.returncode, done.stderr) == (0, b"")
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] and "Kōbō Labs" in outputs[0].decode("utf-8")
