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


PREFIX = "reflect-demo-"
MARKER = ".reflect-demo"


def build_demo(root: Path | None = None, today: dt.date | None = None) -> tuple[Journal, list[Entry]]:
    """Write the sample journal into ``root`` (default: a new temporary directory, marked as a
    sample so that :func:`remove_old_demos` may remove it later)."""
    if root is None:
        root = Path(tempfile.mkdtemp(prefix=PREFIX))
        (root / MARKER).write_text("A sample journal of `reflect demo`; the next `reflect demo` removes it.\n")
    journal = Journal(root)
    return journal, [journal.add(reflection) for reflection in sample_reflections(today)]


def remove_old_demos(keep: Path | None = None) -> list[Path]:
    """Remove the sample journals of earlier ``reflect demo`` runs from the temporary directory.

    Only folders this user owns, named ``reflect-demo-*`` and holding the sample's marker file
    are removed; nothing else is ever touched."""
    import os
    import shutil

    removed = []
    base = Path(tempfile.gettempdir())
    for folder in base.glob(f"{PREFIX}*"):
        try:
            info = folder.lstat()
            if folder == keep or not folder.is_dir() or folder.is_symlink() or not (folder / MARKER).is_file():
                continue
            if hasattr(os, "getuid") and info.st_uid != os.getuid():
                continue
            shutil.rmtree(folder)
            removed.append(folder)
        except OSError:
            continue
    return removed
