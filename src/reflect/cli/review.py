"""``reflect review``: settle the suggested themes nobody has decided yet, one key each."""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from typing import Any

import typer

KEYS = {"c": "confirm", "y": "confirm", "d": "dismiss", "n": "dismiss", "s": "skip", " ": "skip", "q": "quit", "\x03": "quit", "\x04": "quit"}


def review(ctx: typer.Context) -> None:
    """Walk through the themes the engine suggested that you have not decided yet, newest
    first: the sentence, the theme and why it fired. Press c to confirm, d to dismiss,
    s to skip, q to quit; what you decided is kept, whenever you stop.

    Example: reflect review
    """
    from reflect.cli.deciding import Decider
    from reflect.errors import UsageError

    app = ctx.obj
    if not app.stdin_is_terminal():
        raise UsageError("reflect review needs a terminal; without one, use `reflect confirm` or `reflect dismiss`")
    decider = Decider(app)
    pending = _pending(app, decider)
    if not pending:
        app.note("Nothing to review: every suggested theme has been decided.")
        return
    done = {"confirm": 0, "dismiss": 0}
    try:
        with _keys():
            _walk(app, decider, pending, done)
    except KeyboardInterrupt:
        app.out.print()
    finally:
        decider.record("review")  # one commit for the whole review, however it ended
    app.note(f"Confirmed {done['confirm']}, dismissed {done['dismiss']}.")


def _pending(app, decider) -> list[tuple[str, str, list[Any]]]:  # type: ignore[no-untyped-def]
    """(reflection id, theme, its hits) for each undecided suggestion, newest first."""
    from reflect.summaries import load_summaries, learned_of, ThemeSource

    source = ThemeSource(app.config.themes, app.cache, decider.source.where, learned_of())
    summaries, _ = load_summaries(app.journal, source)
    out = []
    for summary in sorted(summaries, key=lambda s: (s.reflection.date, s.id), reverse=True):
        facts = summary.reflection
        decided = set(facts.confirmed) | set(facts.dismissed)
        for theme in facts.suggested:
            if theme not in decided:
                out.append((summary.id, theme, [h for h in summary.scan.hits if h[0] == theme]))
    return out


def _walk(app, decider, pending, done: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    from reflect.views.decisions import suggestion

    themes = decider.themes
    for number, (ident, theme, hits) in enumerate(pending, 1):
        label = themes[theme].label if theme in themes else theme
        app.out.print(suggestion(number, len(pending), ident, theme, label, hits, decider.source.said))
        app.out.print("[c]onfirm  [d]ismiss  [s]kip  [q]uit ", end="", markup=False, highlight=False)
        action = None
        while action is None:
            key = _read_key()
            action = KEYS.get(key.lower()) if key else "quit"  # no key at all: the terminal is gone
        app.out.print(action, markup=False, highlight=False)
        if action == "quit":
            return
        if action in done:
            decider.decide(ident, **{action: [theme]})
            done[action] += 1


@contextlib.contextmanager
def _keys() -> Iterator[None]:
    """The terminal reading single keys, unechoed, for the whole review (so that keys typed
    ahead are neither shown nor lost); always put back as it was."""
    import sys
    import termios
    import tty

    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd)  # Ctrl-C still interrupts: what was decided is kept (see review)
        yield
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


_typed: list[str] = []  # keys read but not used yet: typed ahead, several in one read
_ESCAPES = re.compile(r"\x1b(?:\[[0-9;]*[A-Za-z~]|O.)?")  # arrows, function keys: not keys of the review


def _read_key() -> str:
    """The next key press, without waiting for Enter ("" when the terminal is gone)."""
    import sys

    while not _typed:
        chunk = os.read(sys.stdin.fileno(), 64)
        if not chunk:
            return ""
        _typed.extend(_ESCAPES.sub("", chunk.decode("utf-8", "replace")))
    return _typed.pop(0)
