"""reflect's own state in the data directory's ``state/`` folder: the plan's progress
and the drill schedule.

``state/plan.toml`` records which focus areas were planned and when, and each
action's status with its dates. It is validated strictly when read; a file that
does not validate is reported (file and key), never reset, because it holds the
user's progress. Every write into ``state/`` goes through :func:`write_state`.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pydantic import BaseModel, ValidationError

from reflect import atomic
from reflect.errors import BadState
from reflect.models.state import ActionState, ActionStatus, BadDrillState, DrillState, FocusState, PlanState

if TYPE_CHECKING:
    from reflect.journal import Journal

PLAN_FILE = "plan.toml"
T = TypeVar("T")


def plan_path(journal: Journal) -> Path:
    return journal.state / PLAN_FILE


def load_plan(journal: Journal) -> PlanState:
    """The plan's saved progress; an empty state when there is none yet."""
    return read_state(plan_path(journal), PlanState, "your plan's progress")


M = TypeVar("M", bound=BaseModel)


def read_state(path: Path, model: type[M], what: str, error: type[BadState] = BadState) -> M:
    """A state file validated as ``model``; the empty model when the file does not exist.

    A bad file is an error naming the file and key, never reset: it holds ``what``.
    """
    from reflect.models import problems_from

    advice = f"fix it by hand or move it away (it holds {what})"
    try:
        raw = _read_regular(path, advice)
    except FileNotFoundError:
        return model()
    except BadState as failure:
        raise error(failure.message) from None
    except OSError as failure:
        raise error(f"{path}: cannot read {what}: {failure.strerror}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as failure:
        raise error(f"{path}: not valid TOML ({failure}); {advice}") from None
    try:
        return model.model_validate(data)
    except ValidationError as failure:
        problems = problems_from(failure, path)
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise error(f"{problems[0]}{more}; {advice}") from None


MAX_STATE_BYTES = 64 * 1024 * 1024


def _read_regular(path: Path, advice: str) -> bytes:
    """A state file's bytes, never through a link (``state/`` or the file itself) and never
    from a FIFO or a device, which would block the command forever."""
    import errno
    import os
    import stat

    from reflect.atomic import unsafe_place

    folder = os.lstat(path.parent)  # FileNotFoundError: no state yet
    if stat.S_ISLNK(folder.st_mode) or not stat.S_ISDIR(folder.st_mode):
        raise BadState(f"{path.parent} is not a folder (a link, or a file); reflect does not read through it: {advice}")
    unsafe = unsafe_place(path.parent, directory=True) or unsafe_place(path, directory=False)
    if unsafe:
        raise BadState(f"{unsafe}: not read, another user could have written it; {advice}")
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError as failure:
        if failure.errno == errno.ELOOP:
            raise BadState(f"{path} is a symbolic link, not followed; {advice}") from None
        raise
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise BadState(f"{path}: not a regular file (a FIFO, a device...); {advice}")
        raw = handle.read(MAX_STATE_BYTES + 1)
    if len(raw) > MAX_STATE_BYTES:
        raise BadState(f"{path}: above the {MAX_STATE_BYTES:,}-byte limit of a state file; {advice}")
    return raw


def write_state(journal: Journal, name: str, data: bytes, message: str | None = None) -> Path:
    """The one way reflect writes its own state: atomically, private, inside ``state/``,
    and recorded in the journal's history (when it is a git repository)."""
    path = journal.own_dir(journal.state) / name
    atomic.replace(path, data)
    journal.record_change(message or f"state: {name}", [path])
    return path


def save_plan(journal: Journal, state: PlanState) -> Path:
    import tomli_w

    header = "# reflect's plan progress: focus areas and action statuses (see docs/plan.md).\n"
    return write_state(journal, PLAN_FILE, (header + tomli_w.dumps(state.to_data())).encode("utf-8"), "plan: progress")


def update_plan(journal: Journal, change: Callable[[PlanState], T]) -> T:
    """Read the plan's state, let ``change`` update it in place, save it if it changed.

    The journal's lock is held throughout, so two commands never lose each other's
    updates. Returns whatever ``change`` returns.
    """
    with atomic.locked(journal.root):
        state = load_plan(journal)
        before = state.model_dump()
        result = change(state)
        if state.model_dump() != before:
            save_plan(journal, state)
    return result


# --- the drill schedule -------------------------------------------------------------------

DRILL_FILE = "drill.toml"


def drill_path(journal: Journal) -> Path:
    return journal.state / DRILL_FILE


def load_drill(journal: Journal):  # type: ignore[no-untyped-def]
    """The saved drill schedule (empty if there is none)."""
    return read_state(drill_path(journal), DrillState, "your drill schedule", BadDrillState)


def record_drill_rating(journal: Journal, card, rating: int, today: dt.date):  # type: ignore[no-untyped-def]
    """Rate one card and save the schedule at once, re-reading it under the journal's lock
    so that two sessions never undo each other's ratings."""
    from reflect.models.state import schedule

    with atomic.locked(journal.root):
        state = load_drill(journal)
        updated = schedule(state.cards.get(card.key), card.text, rating, today)
        state.cards[card.key] = updated
        write_state(journal, DRILL_FILE, state.to_toml().encode("utf-8"), f"drill: rated {rating}/5")
    return updated
