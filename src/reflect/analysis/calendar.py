"""An iCalendar (RFC 5545) file of what is coming up: drill sessions and feedback chases.

Written by hand, without a dependency: all-day events only (``VALUE=DATE``), CRLF
line endings, lines folded at 75 octets without splitting a UTF-8 character, TEXT
values escaped (``\\``, ``;``, ``,`` and newlines). Each event has a UID that stays
the same from one export to the next, so that re-importing updates events instead
of duplicating them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reflect.errors import UsageError

if TYPE_CHECKING:
    from reflect.analysis.drill import Schedule
    from reflect.models.entry import Entry

UID_DOMAIN = "interview-reflect"
FOLD_AT = 75
# TEXT may not hold control characters other than tab; newlines are escaped separately.
# C1 controls (CSI, 0x9b) and bidirectional overrides (U+202E) would reach the calendar
# application's display as they are.
_CONTROL = re.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class CalendarEvent:
    """One all-day event."""

    uid: str
    date: dt.date
    summary: str
    description: str = ""


def escape_text(value: str) -> str:
    """A TEXT value as RFC 5545 wants it (section 3.3.11)."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROL.sub(" ", value)
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\n", "\\n")


def fold(line: str) -> str:
    """Split a content line into lines of at most 75 octets, continuations starting with a space."""
    encoded = line.encode("utf-8")
    if len(encoded) <= FOLD_AT:
        return line
    parts: list[str] = []
    current = ""
    size = 0
    limit = FOLD_AT
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, FOLD_AT - 1  # the leading space counts
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def to_ics(events: Iterable[CalendarEvent], now: dt.datetime | None = None, name: str = "reflect") -> str:
    """The iCalendar text of ``events`` (CRLF line endings)."""
    from reflect import __version__

    now = (now or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc)
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//reflect//interview-reflect {__version__}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for event in events:
        end = _plus(event.date, 1)
        if end is None:  # the last day there is (9999-12-31): no calendar can show it
            continue
        lines += [
            "BEGIN:VEVENT",
            f"UID:{escape_text(event.uid)}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{event.date.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{end.strftime('%Y%m%d')}",
            f"SUMMARY:{escape_text(event.summary)}",
        ]
        if event.description:
            lines.append(f"DESCRIPTION:{escape_text(event.description)}")
        lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def _plus(day: dt.date, days: int) -> dt.date | None:
    """``day`` plus ``days``, or None past the last date Python knows (a hand-typed 9999-12-31)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


# --- events -----------------------------------------------------------------------------


def drill_events(schedule: Schedule) -> list[CalendarEvent]:
    """One event per day with questions to drill (anything overdue is due today)."""
    by_day: dict[dt.date, list[str]] = {}
    for item in [*schedule.due, *schedule.upcoming]:
        day = max(item.due, schedule.today)
        by_day.setdefault(day, []).append(f"- {item.card.text} ({item.card.kind})")
    events = []
    for day in sorted(by_day):
        lines = by_day[day]
        noun = "question" if len(lines) == 1 else "questions"
        events.append(
            CalendarEvent(
                uid=f"drill-{day.isoformat()}@{UID_DOMAIN}",
                date=day,
                summary=f"Drill {len(lines)} interview {noun} (reflect drill)",
                description="Run `reflect drill` to practise:\n" + "\n".join(lines),
            )
        )
    return events


def feedback_events(
    entries: Sequence[Entry], today: dt.date, chase_days: int = 7
) -> list[CalendarEvent]:
    """Feedback to ask for or chase: today for what is owed now (see ``reflect feedback
    --pending``), and the day a recent request becomes worth chasing."""
    from reflect.analysis.feedback import to_chase
    from reflect.vocab import FeedbackStatus, Outcome

    events = []
    owed = {c.entry.id for c in to_chase(entries, today=today, chase_days=chase_days)}
    for entry in sorted(entries, key=lambda e: (e.reflection.date, e.id)):
        r = entry.reflection
        if entry.id in owed:
            day = today
        elif r.outcome != Outcome.WITHDREW and r.feedback.status == FeedbackStatus.REQUESTED:
            chase = _plus(r.feedback.requested_on or r.date, chase_days)
            if chase is None:
                continue
            day = chase
        else:
            continue
        verb = "Ask" if r.feedback.status == FeedbackStatus.NOT_REQUESTED else "Chase"
        events.append(
            CalendarEvent(
                uid=f"feedback-{entry.id}@{UID_DOMAIN}",
                date=day,
                summary=f"{verb} {r.company} for interview feedback",
                description=(
                    f"{r.role}, {r.stage or 'interview'} on {r.date.isoformat()} ({r.outcome}).\n"
                    f"Record it with: reflect feedback {entry.id} --text \"...\""
                ),
            )
        )
    return events


def plan_review_events(focus: Iterable[Any]) -> list[CalendarEvent]:
    """One event per focus area of the plan on its review date.

    Takes the plan's focus areas (``reflect.analysis.plan.Focus``): uses ``theme``,
    ``label`` and ``review_on``.
    """
    return [
        CalendarEvent(
            uid=f"plan-review-{item.theme}@{UID_DOMAIN}",
            date=item.review_on,
            summary=f"Review your plan: {item.label}",
            description=f"Is {item.label.lower()} getting better? Run `reflect plan` and mark what you did.",
        )
        for item in focus
    ]
