"""Choosing reflections: the filters shared by list, themes, export and friends."""

from __future__ import annotations

import datetime as dt
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
        if self.company and self.company.casefold() not in reflection.company.casefold():
            return False
        if self.stage and reflection.stage != self.stage:
            return False
        if self.outcome and reflection.outcome != self.outcome:
            return False
        if self.tag and self.tag.casefold() not in {t.casefold() for t in reflection.tags}:
            return False
        if self.since and reflection.date < self.since:
            return False
        if self.until and reflection.date > self.until:
            return False
        if self.contains and self.contains.casefold() not in searchable_text(reflection).casefold():
            return False
        return True

    def apply(self, entries: Iterable[Entry]) -> list[Entry]:
        return [e for e in entries if self.matches(e.reflection)]


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


def parse_day(value: str, today: dt.date | None = None) -> dt.date:
    """An ISO date, or ``today`` / ``yesterday``. Raises ValueError with a readable message."""
    today = today or dt.date.today()
    word = value.strip().lower()
    if word == "today":
        return today
    if word == "yesterday":
        return today - dt.timedelta(days=1)
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"{value!r} is not a date: use YYYY-MM-DD, 'today' or 'yesterday'") from None
