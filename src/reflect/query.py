"""Choosing reflections: the filters shared by list, themes, export and friends."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reflect.models.entry import Entry

if TYPE_CHECKING:
    from reflect.models import Reflection


@dataclass(frozen=True)
class Filters:
    company: str | None = None
    stage: str | None = None
    outcome: str | None = None
    tag: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    contains: str | None = None

    def matches(self, reflection: Reflection) -> bool:
        if self.company and folded(self.company) not in folded(reflection.company):
            return False
        if self.stage and reflection.stage != self.stage:
            return False
        if self.outcome and reflection.outcome != self.outcome:
            return False
        if self.tag and folded(self.tag) not in {folded(t) for t in reflection.tags}:
            return False
        if self.since and reflection.date < self.since:
            return False
        if self.until and reflection.date > self.until:
            return False
        if self.contains and folded(self.contains) not in folded(searchable_text(reflection)):
            return False
        return True

    def apply(self, entries: Iterable[Entry]) -> list[Entry]:
        return [e for e in entries if self.matches(e.reflection)]


def folded(text: str) -> str:
    """``text`` compared without case or accents: "zurich" finds "Zürich", "cafe" "Café"."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def searchable_text(reflection: Reflection) -> str:
    """Every piece of text in a reflection, for ``--contains``."""
    parts: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(reflection.model_dump(mode="json"))
    return "\n".join(parts)


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a couple of": 2}
_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7}


def parse_day(value: str, today: dt.date | None = None) -> dt.date:
    """A day as people write it: ``2026-11-20``, ``today``, ``yesterday``, ``2 days ago``,
    ``last friday``, ``friday`` (the latest one, today included), ``20 nov``, ``nov 20 2026``;
    and ahead, for an interview to come: ``tomorrow``, ``in 3 days``, ``next tuesday``.

    Raises ValueError with a readable message and an example.
    """
    today = today or dt.date.today()
    word = re.sub(r"\s+", " ", value.strip().lower().rstrip("."))
    found = _relative_day(word, today) or _named_day(word, today)
    if found is not None:
        return found
    try:
        return dt.date.fromisoformat(word.replace("/", "-"))
    except ValueError:
        raise ValueError(
            f"{value.strip()!r} is not a date: write it like 2026-11-20, today, yesterday, 2 days ago, last friday or tomorrow"
        ) from None


def _relative_day(word: str, today: dt.date) -> dt.date | None:
    if word in {"today", "tonight", "this morning", "this afternoon", "this evening", "now"}:
        return today
    if word in {"yesterday", "last night"}:
        return today - dt.timedelta(days=1)
    if word in {"day before yesterday", "the day before yesterday"}:
        return today - dt.timedelta(days=2)
    match = re.fullmatch(r"(\d+|a couple of|an?|one|two|three|four|five|six|seven) (days?|weeks?) ago", word)
    if match:
        count = int(match.group(1)) if match.group(1).isdigit() else _COUNTS[match.group(1)]
        return today - dt.timedelta(days=count * _UNITS[match.group(2)])
    if word in {"last week", "a week ago"}:
        return today - dt.timedelta(days=7)
    ahead = _ahead(word, today)  # an interview still to come ("log --next --date tomorrow")
    if ahead is not None:
        return ahead
    match = re.fullmatch(r"(last |on |this past |past )?([a-z]+)", word)
    if match:
        day = next((i for i, name in enumerate(_WEEKDAYS) if len(match.group(2)) >= 3 and name.startswith(match.group(2))), None)
        if day is not None:
            back = (today.weekday() - day) % 7
            if back == 0 and match.group(1) in {"last ", "this past ", "past "}:
                back = 7
            return today - dt.timedelta(days=back)
    return None


def _ahead(word: str, today: dt.date) -> dt.date | None:
    """``tomorrow``, ``in 3 days``, ``in a week``, ``next tuesday`` (the first one after today)."""
    if word == "tomorrow":
        return today + dt.timedelta(days=1)
    match = re.fullmatch(r"in (\d+|a couple of|an?|one|two|three|four|five|six|seven) (days?|weeks?)", word)
    if match:
        count = int(match.group(1)) if match.group(1).isdigit() else _COUNTS[match.group(1)]
        return today + dt.timedelta(days=count * _UNITS[match.group(2)])
    match = re.fullmatch(r"next ([a-z]{3,})", word)
    day = next((i for i, name in enumerate(_WEEKDAYS) if match and name.startswith(match.group(1))), None)
    if day is not None:
        return today + dt.timedelta(days=(day - today.weekday() - 1) % 7 + 1)
    return None


def _named_day(word: str, today: dt.date) -> dt.date | None:
    """``20 nov``, ``nov 20``, ``20 november 2026``: without a year, the latest such day not in the future."""
    match = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)? ([a-z]{3,})\.?,? ?(\d{4})?", word) or re.fullmatch(
        r"([a-z]{3,})\.? (\d{1,2})(?:st|nd|rd|th)?,? ?(\d{4})?", word
    )
    if not match:
        return None
    first, second, year = match.groups()
    day, month_name = (first, second) if first.isdigit() else (second, first)
    month = next((i for i, name in enumerate(_MONTHS, 1) if name.startswith(month_name)), None)
    if month is None:
        return None
    try:
        found = dt.date(int(year) if year else today.year, month, int(day))
        if not year and found > today:
            found = found.replace(year=today.year - 1)
    except ValueError:
        return None
    return found
