"""Text for the HTML report: every piece of user text goes through :class:`Out`.

``Out`` first leaves out what must not be shared (with ``--redact``: interviewer
names and feedback sources wherever they appear in the text, and any words the
config marks private), then neutralises control characters (views/safe.py), then
escapes for HTML. Nothing the user wrote reaches the page any other way.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from reflect.views.safe import neutral

REDACTED = "[interviewer]"
HIDDEN = "[private]"


def _pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    chosen = sorted({w for w in words if w}, key=len, reverse=True)
    if not chosen:
        return None
    # Bounded by letters only: "Dana2" or "_Dana" still gives Dana away.
    return re.compile(r"(?<![^\W\d_])(?:" + "|".join(re.escape(w) for w in chosen) + r")(?![^\W\d_])", re.IGNORECASE)


def name_words(names: Iterable[str]) -> set[str]:
    """Whole names and each part of three letters or more ("Dana Ito" -> Dana Ito, Dana, Ito),
    as ``reflect export --redact`` replaces them."""
    whole = {n.strip() for n in names if n and n.strip()}
    return whole | {p for n in whole for p in re.split(r"\s+", n) if len(p) >= 3}


class Out:
    """Turns user text into safe HTML text (see the module's docstring)."""

    def __init__(self, names: Iterable[str] = (), private: Iterable[str] = (), *, redacted: bool = False) -> None:
        self._names = _pattern(name_words(names))
        self._private = _pattern(p.strip() for p in private)
        self.redacted = redacted

    def people(self, names: Iterable[str]) -> str:
        """Interviewer names to show beside an interview (" with Dana Lee"); nothing when redacted."""
        shown = [n for n in names if n and n.strip()]
        return "" if self.redacted or not shown else " with " + self(", ".join(shown))

    def plain(self, value: object) -> str:
        """The text as it may be shown (scrubbed, neutral), not yet escaped."""
        text = neutral(str(value))
        if self._private is not None:
            text = self._private.sub(HIDDEN, text)
        if self._names is not None:
            text = self._names.sub(REDACTED, text)
        return text

    def __call__(self, value: object, limit: int | None = None) -> str:
        """Escaped for HTML text and attribute values; cut to ``limit`` characters with an ellipsis."""
        text = self.plain(value)
        if limit is not None and len(text) > limit:
            text = text[: limit - 1].rstrip() + "\u2026"
        return html.escape(text, quote=True)


def plural(count: int, noun: str, many: str | None = None) -> str:
    return f"{count} {noun if count == 1 else (many or noun + 's')}"


def share(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "-"


def rating(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}/5"


class Section:
    """One part of the page: an anchor, a heading, the one-line reading in words, and its HTML."""

    __slots__ = ("anchor", "title", "reading", "body")

    def __init__(self, anchor: str, title: str, reading: str, body: str) -> None:
        self.anchor, self.title, self.reading, self.body = anchor, title, reading, body
