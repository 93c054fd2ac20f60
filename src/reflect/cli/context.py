"""What every command shares: one :class:`Application` per run.

The top-level callback builds it from the global options and keeps it in click's
``ctx.obj``; a command takes ``ctx: typer.Context`` and asks ``ctx.obj`` for the
journal, the config, the cache and the consoles. Each is made on first use and
then reused for the rest of the run.

All terminal output goes through the two consoles here: results to stdout,
warnings and errors to stderr.
"""

from __future__ import annotations

import sys
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

    from reflect.cache import Cache
    from reflect.config import Config
    from reflect.errors import Problem
    from reflect.journal import Journal, LoadResult
    from reflect.query import Filters


class Application:
    """One run of reflect: the global options, and what they lead to.

    Nothing is read or opened when it is made (``reflect path`` must not load
    pydantic, ``reflect --version`` not even rich).
    """

    def __init__(self, data_dir: Path | None = None, *, debug: bool = False, no_cache: bool = False) -> None:
        self.data_dir = data_dir
        self.debug = debug
        self.no_cache = no_cache

    def elsewhere(self, data_dir: Path) -> Application:
        """The same options for another journal (``reflect demo`` shows a sample one)."""
        return Application(data_dir, debug=self.debug, no_cache=self.no_cache)

    @cached_property
    def journal(self) -> Journal:
        from reflect.dirs import data_dir
        from reflect.journal import Journal

        return Journal(data_dir(self.data_dir), warn=self.warn)

    @cached_property
    def cache(self) -> Cache | None:
        """The parse cache, or None when the user asked for ``--no-cache``."""
        if self.no_cache:
            return None
        from reflect.cache import Cache

        cache = Cache()
        if cache.refused:
            self.warn(f"not using the cache: {cache.refused}")
            return None
        return cache

    @cached_property
    def config(self) -> Config:
        from reflect.config import load_config

        return load_config()

    @cached_property
    def out(self) -> Console:
        """The console for results (stdout). Honours NO_COLOR; plain when not a terminal."""
        from rich.console import Console

        class Results(Console):
            def on_broken_pipe(self) -> None:
                # rich's own exits with 1; a reader that stops early is handled in one place
                # for every command (ReflectGroup.invoke): quietly, exit 0.
                raise BrokenPipeError

        target = sys.stdout if stdout_is_terminal() else _Unpadded(sys.stdout)
        return Results(file=target, highlight=False, soft_wrap=False)

    @cached_property
    def err(self) -> Console:
        from rich.console import Console

        return Console(file=sys.stderr, highlight=False, soft_wrap=True)

    def load(self, filters: Filters | None = None) -> LoadResult:
        """The journal's valid reflections (filtered), warning on stderr about every skipped file.

        Read through the run's parse cache, which analyses given ``self.cache`` share.
        """
        result = self.journal.load_all(cache=self.cache)
        self.warn_problems(result.problems)
        if filters is not None:
            result.entries = filters.apply(result.entries)
        return result

    def warn_problems(self, problems: list[Problem]) -> None:
        if not problems:
            return
        from reflect.views.safe import neutral

        console = self.err
        by_file: dict[object, list[Problem]] = {}
        for problem in problems:
            by_file.setdefault(problem.path, []).append(problem)
        for group in by_file.values():
            more = f" (and {len(group) - 1} more problem{'s' if len(group) > 2 else ''})" if len(group) > 1 else ""
            console.print(f"warning: skipped {neutral(str(group[0]))}{more}", markup=False, style="yellow")
        console.print("run `reflect check` for details", markup=False, style="dim")

    def error(self, message: str) -> None:
        from reflect.views.safe import neutral

        self.err.print(f"error: {neutral(message)}", markup=False, style="bold red")

    def note(self, message: str) -> None:
        """A side remark for the user on stderr (so that stdout stays clean for pipes)."""
        from reflect.views.safe import neutral

        self.err.print(neutral(message), markup=False)

    def warn(self, message: str) -> None:
        """A warning on stderr about something that did not stop the command (a failed history commit)."""
        from reflect.views.safe import neutral

        self.err.print(f"warning: {neutral(message)}", markup=False, style="yellow")

    @staticmethod
    def line(text: str) -> None:
        """One plain line on stdout, never wrapped (for output that scripts read line by line)."""
        from reflect.views.safe import neutral

        sys.stdout.write(neutral(text) + "\n")

    @staticmethod
    def print_json(data: Any) -> None:
        from reflect.views.jsontext import dump
        from reflect.views.safe import json_for_terminal, json_safe, json_safe_bytes

        stream = sys.stdout
        try:
            terminal = stream.isatty()
        except (AttributeError, ValueError):
            terminal = False
        # On a terminal, bidirectional controls (U+202E) are escaped too, as they are in tables.
        prepare = json_for_terminal if terminal else str
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            # JSON is UTF-8 whatever the terminal's encoding (RFC 8259), so it goes straight to
            # the bytes underneath, encoded once (a report can be 30 MB), and never fails on a
            # character the locale's encoding lacks.
            stream.flush()
            put = buffer.write
            dump(data, lambda text: put(json_safe_bytes(prepare(text))))  # in pieces: a report can be tens of megabytes
            put(b"\n")
            return
        write = stream.write
        dump(data, lambda text: write(json_safe(prepare(text))))
        write("\n")

    @staticmethod
    def stdin_is_terminal() -> bool:
        try:
            return sys.stdin.isatty()
        except (AttributeError, ValueError):
            return False


def discard_stdout() -> None:
    """Send whatever is still buffered for stdout, and anything written later, nowhere
    (after a broken pipe, so that flushing at exit does not fail again)."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


class _Unpadded:
    """stdout for output going to a file or a pipe: each line without the spaces rich pads
    it with to the terminal's width (a file has no width; `diff` and `grep` see them)."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self._line = ""

    def write(self, text: str) -> int:
        lines = (self._line + text).split("\n")
        self._line = lines.pop()
        if lines:
            self._stream.write("".join(line.rstrip(" ") + "\n" for line in lines))
        return len(text)

    def flush(self) -> None:
        if self._line:
            self._stream.write(self._line)
            self._line = ""
        self._stream.flush()

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return self._stream.fileno()

    @property
    def encoding(self) -> str:
        return getattr(self._stream, "encoding", "utf-8")
