"""Upgrading reflection data written by older versions of the file format.

Each step is a pure function on plain data (the parsed TOML): ``STEPS[n]`` turns
schema ``n`` into schema ``n + 1`` and says, one line per change, what it did.
Reading applies the steps in memory; ``reflect migrate`` also writes the result
back (after a backup). Files from a *newer* schema are never touched here: the
model refuses them with a message to upgrade reflect.

Schema 0 is the pre-release layout (documented in docs/format.md, "Versions"):
``position`` and ``interview_date`` instead of ``role`` and ``date``,
``went_badly`` instead of ``went_wrong``, ``[self_rating]`` instead of
``[ratings]``, and feedback as a plain string with ``feedback_from`` beside it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Data = dict[str, Any]
Step = Callable[[Data], list[str]]


def _rename(data: Data, old: str, new: str) -> list[str]:
    # An old key is renamed only when the new one is free; otherwise it stays and
    # validation reports it as unknown, so that nothing the user wrote is dropped.
    if old in data and new not in data:
        data[new] = data.pop(old)
        return [f"renamed {old} to {new}"]
    return []


def v0_to_v1(data: Data) -> list[str]:
    """Schema 0 (pre-release) to schema 1."""
    changes: list[str] = []
    changes += _rename(data, "position", "role")
    changes += _rename(data, "interview_date", "date")
    changes += _rename(data, "went_badly", "went_wrong")
    changes += _rename(data, "self_rating", "ratings")
    if isinstance(data.get("feedback"), str):
        text = data.pop("feedback")
        table: Data = {"status": "received", "text": text}
        if "feedback_from" in data:
            table["source"] = data.pop("feedback_from")
        data["feedback"] = table
        changes.append("moved feedback text into the [feedback] table (status received)")
    elif "feedback_from" in data and "feedback" not in data:
        data["feedback"] = {"source": data.pop("feedback_from")}
        changes.append("moved feedback_from into [feedback] as source")
    return changes


def v1_to_v2(data: Data) -> list[str]:
    """Schema 1 to schema 2: adds the optional ``[themes]`` table (confirmed and dismissed
    themes); nothing a schema 1 file holds changes."""
    return []


# STEPS[n] upgrades schema n to n + 1. The current version is len(STEPS).
STEPS: list[Step] = [v0_to_v1, v1_to_v2]
CURRENT = len(STEPS)


def version_of(data: Any) -> int | None:
    """The schema a file declares (1 when absent), or None when it is not a whole number."""
    if not isinstance(data, dict):
        return None
    value = data.get("schema", CURRENT if "schema" not in data else None)
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value


def needs_upgrade(data: Any) -> bool:
    version = version_of(data)
    return version is not None and 0 <= version < CURRENT


def upgrade(data: Data) -> tuple[Data, list[str]]:
    """A copy of ``data`` brought up to the current schema, and what changed.

    Data already current (or from a newer or unknown schema) comes back unchanged.
    """
    if not needs_upgrade(data):
        return data, []
    version = version_of(data)
    assert version is not None
    upgraded = dict(data)  # steps add, rename and remove top-level keys only (a deep copy costs 0.15 ms a file)
    changes: list[str] = []
    for number in range(version, CURRENT):
        changes += STEPS[number](upgraded)
        upgraded["schema"] = number + 1
    changes.append(f"schema {version} -> {CURRENT}")
    return upgraded, changes
