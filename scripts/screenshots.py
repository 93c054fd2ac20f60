#!/usr/bin/env python3
"""Terminal screenshots for the docs, from real runs of reflect on the sample journal.

Re-run whenever output changes:

    python scripts/screenshots.py            # writes docs/images/*.svg
    python scripts/screenshots.py list show  # only these shots

Each shot runs the installed reflect (``python -m reflect``) in a subprocess with
colours forced, then rich turns the captured ANSI output into an SVG. The sample
journal is `reflect demo`'s, dated as if today were SAMPLE_TODAY so that ids and
dates in the docs stay put. To add a shot, add a row to SHOTS.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"
SAMPLE_TODAY = dt.date(2026, 11, 20)
WIDTH = 100
SHOWN_DATA_DIR = "~/.local/share/reflect"  # the temporary directory is shown as the usual place


@dataclass(frozen=True)
class Shot:
    name: str  # docs/images/<name>.svg
    args: tuple[str, ...]  # what follows `reflect`
    max_lines: int = 40  # long output is cut, with a marker
    stdin: str | None = None


SHOTS = [
    Shot("help", ("--help",), max_lines=60),
    Shot("list", ("list",)),
    Shot("list-filtered", ("list", "--outcome", "rejected", "--since", "2026-09-01")),
    Shot("show", ("show", "{rejected}"), max_lines=60),
    Shot("feedback-pending", ("feedback", "--pending")),
    Shot("check", ("check",)),
    Shot("themes", ("themes",), max_lines=50),
    Shot("plan", ("plan",), max_lines=50),
    Shot("questions", ("questions",), max_lines=50),
    Shot("stats", ("stats",), max_lines=50),
    Shot("brief", ("brief", "Brightpath Health", "--stage", "onsite"), max_lines=50),
    Shot("drill-due", ("drill", "--due"), max_lines=30),
    Shot("export-markdown", ("export", "--format", "markdown", "--redact", "--outcome", "rejected", "--since", "2026-10-01"), max_lines=45),
    Shot("import-dry-run", ("--data-dir", "{fresh}", "import", "{export}", "--dry-run"), max_lines=24),
    Shot("config", ("config",), max_lines=45),
    Shot("schema", ("schema",), max_lines=25),
    Shot("log", ("log", "--company", "Initech", "--role", "Backend Engineer", "--date", "2026-11-20", "--stage", "technical",
                 "--outcome", "rejected", "--went-wrong", "I rambled on the caching question")),  # fmt: skip
]


def registered_commands() -> set[str]:
    import typer.main

    from reflect.cli.app import app

    return set(typer.main.get_command(app).commands)


def run(shot: Shot, env: dict[str, str], places: dict[str, str]) -> str:
    args = [a.format(**places) for a in shot.args]
    done = subprocess.run(
        [sys.executable, "-m", "reflect", *args], env=env, input=shot.stdin or "",
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=60,
    )  # fmt: skip
    text = done.stdout
    shown_as = {"config": "~/.config/reflect/config.toml", "data": SHOWN_DATA_DIR, "fresh": "~/other-journal", "export": "backup.json"}
    for key, shown in shown_as.items():  # temporary paths, shown as the usual places
        real = places[key]
        text = text.replace(real, shown)
    lines = text.rstrip("\n").split("\n")
    if len(lines) > shot.max_lines:
        lines = lines[: shot.max_lines] + ["\x1b[2m… (cut for the docs)\x1b[0m"]
    return "\n".join(lines)


def _quoted(arg: str) -> str:
    import shlex

    return arg if arg.startswith("~/") else shlex.quote(arg)


def save_svg(shot: Shot, output: str, path: Path, places: dict[str, str]) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(record=True, width=WIDTH, file=io.StringIO(), force_terminal=True, color_system="truecolor")
    shown = {**places, "fresh": "~/other-journal", "export": "backup.json"}
    console.print(Text("$ reflect " + " ".join(_quoted(a.format(**shown)) for a in shot.args), style="bold"))
    console.print(Text.from_ansi(output))
    console.save_svg(str(path), title=f"reflect {shot.args[0] if shot.args[0] != '--data-dir' else shot.args[2]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="only these shots (default: all)")
    chosen = parser.parse_args(argv).names
    from reflect.demo import build_demo

    commands = registered_commands()
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="reflect-shots-") as tmp:
        journal, entries = build_demo(Path(tmp) / "journal", today=SAMPLE_TODAY)
        rejected = next(e.id for e in reversed(entries) if e.reflection.outcome == "rejected" and e.reflection.stage == "onsite")
        places = {"data": str(journal.root), "fresh": str(Path(tmp) / "fresh"), "export": str(Path(tmp) / "backup.json"), "rejected": rejected,
                  "config": str(Path(tmp) / "config.toml")}
        env = {
            **os.environ, "REFLECT_DATA_DIR": places["data"], "REFLECT_CONFIG": places["config"],
            "REFLECT_CACHE_DIR": str(Path(tmp) / "cache"), "FORCE_COLOR": "1", "COLUMNS": str(WIDTH),
            "TERM": "xterm-256color", "LINES": "50",
        }  # fmt: skip
        env.pop("NO_COLOR", None)
        subprocess.run([sys.executable, "-m", "reflect", "export", "--output", places["export"]], env=env, check=True, capture_output=True)
        for shot in SHOTS:
            command = shot.args[2] if shot.args[0] == "--data-dir" else shot.args[0]
            if (chosen and shot.name not in chosen) or (not command.startswith("-") and command not in commands):
                continue
            path = IMAGES / f"{shot.name}.svg"
            save_svg(shot, run(shot, env, places), path, places)
            print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
