"""Questions in the terminal: one answer at a time, checked as it is typed.

An answer that cannot be read (a rating of 7, an unknown stage, "lots" of hours)
is asked again with an example, never a Python message. Enter takes the default
shown in brackets, or skips an optional question. Used by the guided ``reflect log``
(cli/guided.py), ``reflect feedback`` and ``reflect drill``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from rich.console import Console

from reflect.errors import Cancelled

T = TypeVar("T")
BACK = "<"
CLEAR = "-"


class Back(Exception):
    """The user typed ``<``: go back one question."""


class Stopped(Cancelled):
    """Ctrl-C or Ctrl-D at a question: which one, and what was typed on its line so far."""

    def __init__(self, message: str, label: str = "", typed: str = "") -> None:
        super().__init__(message)
        self.label = label
        self.typed = typed


def _readline():  # type: ignore[no-untyped-def]
    """The readline module when both ends are a terminal (and Python has it), else None."""
    import sys

    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return None
    try:
        import readline
    except ImportError:  # pragma: no cover - Windows
        return None
    return readline


def _typed_so_far() -> str:
    """What was on the line when Ctrl-C came (readline keeps it), so that it is not lost."""
    readline = _readline()
    try:
        return readline.get_line_buffer().strip() if readline is not None else ""
    except Exception:  # pragma: no cover - a readline without a line buffer
        return ""


class Asker:
    """Asks questions on ``console``.

    With ``back=True`` an answer of ``<`` raises :class:`Back`; ``before`` is called
    before every question (the guided log keeps its draft there, so that every answer
    already given is on disk whatever happens next).
    """

    def __init__(self, console: Console, *, back: bool = False, before: Callable[[], None] | None = None) -> None:
        self.console = console
        self.back = back
        self.before = before
        #: How many questions were asked so far (the guided log's "back" needs to know).
        self.asked = 0
        #: A default for the question with this label: what was typed on its line before a Ctrl-C.
        self.offer: dict[str, str] = {}

    def _line(self, prompt: str, prefill: str = "") -> str:
        """One line from the terminal. With readline (where Python has it) the line can be edited,
        starts with ``prefill`` (a line typed before an earlier Ctrl-C, to go on with), and what
        was typed before Ctrl-C can be read back (see :func:`_typed_so_far`)."""
        readline = _readline()
        if readline is None:
            return self.console.input(prompt)
        if prefill:
            readline.set_startup_hook(lambda: readline.insert_text(prefill))
        try:
            return self._read(prompt)
        finally:
            readline.set_startup_hook()

    def _read(self, prompt: str) -> str:
        import os
        import re

        if os.environ.get("TERM", "dumb") in {"", "dumb"}:
            # A dumb terminal makes readline scroll a long prompt sideways, out of sight: show it
            # whole, leaving readline only the closing ": " (with no prompt it ends no line on Enter).
            self.console.print(prompt.removesuffix(": "), end="")
            return input(": ")
        with self.console.capture() as captured:
            self.console.print(prompt, end="", soft_wrap=True)
        # readline must know which characters take no room on screen, to wrap long answers right.
        return input(re.sub(r"(\x1b\[[0-9;]*m)", "\x01\\1\x02", captured.get()))

    def _raw(self, label: str, hint: str = "", again: bool = False, prefill: str = "") -> str:
        """One answer; ``again``: the same question asked again (after an answer it could not
        read), which is not one more question for "back" to count; ``prefill``: the line's start."""
        from rich.markup import escape

        if self.before is not None:
            self.before()
        if not again:
            self.asked += 1
        prompt = f"[bold]{escape(label)}[/bold]" + (f" [dim]{escape(hint)}[/dim]" if hint else "") + ": "
        try:
            answer = self._line(prompt, prefill).strip()
        except (EOFError, KeyboardInterrupt):
            self.console.print()
            raise Stopped("stopped: nothing was saved", label, _typed_so_far()) from None
        if self.back and answer == BACK:
            raise Back
        return answer

    def ask(self, label: str, convert: Callable[[str], T], *, hint: str = "", default: str | None = None,
            required: bool = False) -> T | None:
        """Ask until the answer converts; Enter gives the default, or skips if optional.

        With a default, ``-`` clears an optional answer.
        """
        # A line typed before an earlier Ctrl-C: on the line again to go on with, where the
        # terminal allows it, else the default; kept in the draft until it is answered.
        offered = self.offer.get(label)
        prefill = offered if offered and _readline() is not None else ""
        default = (offered if not prefill else None) or default
        # The hint in brackets of its own, so that it never reads as part of the question.
        shown = (f"({hint})" if hint else "") + (f" [{_short(default)}]" if default else "")
        again = False
        while True:
            try:
                answer = self._raw(label, shown.strip(), again, prefill if not again else "")
            except Stopped as stop:  # stopped again before entering it: keep it still
                if offered and not prefill and stop.typed not in ("", offered):
                    stop.typed = f"{offered} {stop.typed}"  # with what was typed after it
                stop.typed = stop.typed or offered or ""
                raise
            self.offer.pop(label, None)
            again = True
            if answer == CLEAR and default and not required:
                return None
            if not answer:
                if default:
                    answer = default
                elif required:
                    self.console.print("  [yellow]This one is needed.[/yellow]")
                    continue
                else:
                    return None
            try:
                return convert(answer)
            except ValueError as error:
                from rich.markup import escape

                self.console.print(f"  [yellow]{escape(str(error))}[/yellow]")

    def text(self, label: str, *, required: bool = False, default: str | None = None, hint: str = "") -> str | None:
        return self.ask(label, str, required=required, default=default, hint=hint)

    def choice(self, label: str, choices: list[str], *, default: str | None = None,
               read: Callable[[str], str] | None = None) -> str | None:
        """One of ``choices``; ``read`` accepts other ways of writing them (see compose.py)."""
        from reflect.compose import read_choice

        return self.ask(label, read or (lambda answer: read_choice(answer, choices)), hint="/".join(choices), default=default)

    def rating(self, label: str, default: int | None = None) -> int | None:
        from reflect.compose import read_rating

        return self.ask(label, read_rating, hint="1-5, Enter to skip", default=str(default) if default else None)

    def number(self, label: str, default: float | None = None) -> float | None:
        from reflect.compose import read_hours

        return self.ask(label, read_hours, hint="like 4, 4.5 or about 4; Enter to skip",
                        default=f"{default:g}" if default is not None else None)

    def yes(self, label: str, default: bool = False) -> bool:
        """A yes/no question; the default is the capital letter (``[y/N]``) and Enter takes it."""
        def convert(answer: str) -> bool:
            if answer.lower() in {"y", "yes", "yep", "yeah", "true", "1"}:
                return True
            if answer.lower() in {"n", "no", "nope", "false", "0"}:
                return False
            raise ValueError("answer y (yes) or n (no)")

        again = False
        while True:
            answer = self._raw(label, "[Y/n]" if default else "[y/N]", again)
            again = True
            if not answer:
                return default
            try:
                return convert(answer)
            except ValueError as error:
                self.console.print(f"  [yellow]{error}[/yellow]")

    def items(self, label: str) -> list[str]:
        """A list, one item per line; an empty line ends it."""
        self.console.print(f"[bold]{label}[/bold] [dim](one per line, empty line to finish)[/dim]")
        items = []
        while True:
            answer = self._raw("  -")
            if not answer:
                return items
            items.append(answer)


def _short(text: str, limit: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def read_date(answer: str) -> dt.date:
    from reflect.query import parse_day

    return parse_day(answer)


def comma_list(answer: str) -> list[str]:
    """``"Ana, Bo"`` -> ``["Ana", "Bo"]``."""
    return [part.strip() for part in answer.replace(";", ",").split(",") if part.strip()]


def drop_empty(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: drop_empty(v) for k, v in data.items() if v is not None and v != [] and v != {} and v != ""}
    if isinstance(data, list):
        return [drop_empty(v) for v in data]
    return data


def command_name() -> str:
    """How to name reflect in a hint so that it works as printed: ``reflect`` when that is the
    command on PATH, else the path it was started by (``.venv/bin/reflect``) or ``python -m reflect``."""
    import os
    import shlex
    import shutil
    import sys
    from pathlib import Path

    started = sys.argv[0] if sys.argv else ""
    name = Path(started).name
    on_path = shutil.which("reflect")
    if name in {"reflect", "reflect.exe"}:
        if on_path and os.path.realpath(on_path) == os.path.realpath(started):
            return "reflect"
        return shlex.quote(started) if os.sep in started else "reflect"
    if name == "__main__.py" and Path(started).parent.name == "reflect":
        if on_path:
            return "reflect"
        python = Path(sys.executable).name
        found = shutil.which(python)
        runner = python if found and os.path.realpath(found) == os.path.realpath(sys.executable) else sys.executable
        return f"{shlex.quote(runner)} -m reflect"
    return "reflect"


def confirm_for_good(app: Any, noun: str, question: str, left: str, yes: bool) -> None:
    """Before removing ``noun`` for good: ``yes`` (``--yes``), else a terminal's yes; without a
    terminal it is refused, never assumed. Raises :class:`Cancelled` (saying ``left``) on no."""
    import typer

    from reflect.errors import UsageError

    if yes:
        return
    if not app.stdin_is_terminal():
        raise UsageError(f"this would remove {noun} for good: add --yes to confirm (stdin is not a terminal)")
    if not typer.confirm(question, default=False):
        raise Cancelled(f"stopped: {left}")
