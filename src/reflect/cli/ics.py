"""Writing calendar files for ``reflect drill --ics`` and ``reflect plan --ics``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any


def calendar_events(app: Any, entries: list, focus: list | None = None) -> list:
    """Drill sessions due, feedback chases and (with ``focus``) the plan's review dates."""
    import datetime as dt

    from reflect.analysis.calendar import drill_events, feedback_events, plan_review_events
    from reflect.analysis.drill import drill_bank, plan_schedule
    from reflect.state import load_drill

    today = dt.date.today()
    schedule = plan_schedule(drill_bank(entries), load_drill(app.journal), today)
    events = drill_events(schedule) + feedback_events(entries, today, app.config.feedback_chase_days)
    return events + (plan_review_events(focus) if focus else [])


def write_calendar(app: Any, path: Path, events: list) -> None:
    """Write ``events`` as iCalendar to ``path`` (``-`` for stdout)."""
    from reflect.analysis.calendar import to_ics

    text = to_ics(events)
    if str(path) == "-":
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
        return
    replaced = write_ics(path, text)
    app.note(f"{'Replaced' if replaced else 'Wrote'} {path}: {len(events)} events to import into your calendar.")


def write_ics(path: Path, text: str) -> bool:
    """Write the calendar atomically (0600); returns True if it replaced an earlier export.

    Only a file that is already an iCalendar file is replaced, so a mistyped path
    (a reflection, say) is never overwritten.
    """
    from reflect import atomic
    from reflect.errors import UsageError

    existed = path.exists()
    if existed:
        if path.is_dir():
            raise UsageError(f"{path} is a directory; give a file name for the calendar")
        with path.open("rb") as handle:
            start = handle.read(64).lstrip(b"\xef\xbb\xbf")
        if not start.startswith(b"BEGIN:VCALENDAR"):
            raise UsageError(f"{path} exists and is not an iCalendar file; not overwritten (choose another name)")
    atomic.replace(path, text.encode("utf-8"))
    return existed
