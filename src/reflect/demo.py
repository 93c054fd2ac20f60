"""A realistic sample journal, so that a newcomer sees what reflect gives back
before logging a first interview. It is always written to a new temporary
directory, never to the user's journal."""

from __future__ import annotations

import datetime as dt
import tempfile
import tomllib
from pathlib import Path
from typing import Any

from reflect.journal import Entry, Journal
from reflect.models import Reflection, validate_reflection

DEMO_FILE = Path(__file__).parent / "data" / "demo.toml"


def sample_reflections(today: dt.date | None = None) -> list[Reflection]:
    """The sample interviews, dated relative to ``today``."""
    today = today or dt.date.today()
    with DEMO_FILE.open("rb") as handle:
        items = tomllib.load(handle)["reflection"]
    return [_dated(item, today) for item in items]


def _dated(item: dict[str, Any], today: dt.date) -> Reflection:
    data = dict(item)
    day = today - dt.timedelta(days=data.pop("days_ago"))
    data["date"] = day
    feedback = dict(data.get("feedback", {}))
    for offset, key in (("requested_after", "requested_on"), ("received_after", "received_on")):
        if offset in feedback:
            feedback[key] = day + dt.timedelta(days=feedback.pop(offset))
    data["feedback"] = feedback
    return validate_reflection(data, DEMO_FILE)


def build_demo(root: Path | None = None, today: dt.date | None = None) -> tuple[Journal, list[Entry]]:
    """Write the sample journal into ``root`` (default: a new temporary directory)."""
    if root is None:
        root = Path(tempfile.mkdtemp(prefix="reflect-demo-"))
    journal = Journal(root)
    return journal, [journal.add(reflection) for reflection in sample_reflections(today)]
