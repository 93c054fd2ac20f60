"""reflect's own state as pydantic models: the plan's progress and the drill schedule.

:mod:`reflect.state` reads and writes them in the data directory's ``state/`` folder.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from reflect.errors import BadState

PLAN_VERSION = 1
STATE_SCHEMA = 1
MAX_INTERVAL = 180
KEY_PATTERN = r"^[0-9a-f]{16}$"
HISTORY_LIMIT = 50


class BadDrillState(BadState):
    """The drill state file cannot be read; it is left untouched."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ActionStatus(StrEnum):
    TODO = "todo"
    DOING = "doing"
    DONE = "done"
    SKIPPED = "skipped"


ThemeId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]


class FocusState(_Strict):
    """A focus area: the theme, and the day it first entered the plan."""

    theme: ThemeId
    planned_on: dt.date


class ActionState(_Strict):
    """One action of the plan and where it stands."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    theme: ThemeId
    text: Annotated[str, Field(min_length=1)]
    source: Annotated[str, Field(pattern=r"^(practice|next-step)$")] = "practice"
    status: ActionStatus = ActionStatus.TODO
    added_on: dt.date
    started_on: dt.date | None = None
    done_on: dt.date | None = None
    skipped_on: dt.date | None = None


class PlanState(_Strict):
    version: Annotated[int, Field(ge=1, le=PLAN_VERSION)] = PLAN_VERSION
    focus: list[FocusState] = Field(default_factory=list)
    actions: list[ActionState] = Field(default_factory=list)

    def focus_for(self, theme: str) -> FocusState | None:
        return next((f for f in self.focus if f.theme == theme), None)

    def action(self, ident: str) -> ActionState | None:
        return next((a for a in self.actions if a.id == ident), None)

    def to_data(self) -> dict:
        return self.model_dump(mode="python", exclude_none=True)


class Review(_Strict):
    date: dt.date
    rating: Annotated[int, Field(ge=1, le=5)]


class CardState(_Strict):
    """When a question is next due, and how it went so far."""

    text: str = Field(description="the question's wording when last drilled (for people reading the file)")
    due: dt.date
    interval: Annotated[int, Field(ge=1, le=MAX_INTERVAL)]
    history: list[Review] = Field(default_factory=list)

    @property
    def last_rating(self) -> int | None:
        return self.history[-1].rating if self.history else None

    @property
    def last_reviewed(self) -> dt.date | None:
        return self.history[-1].date if self.history else None


class DrillState(_Strict):
    schema_version: int = Field(default=STATE_SCHEMA, alias="schema", ge=1, le=STATE_SCHEMA)
    cards: dict[Annotated[str, Field(pattern=KEY_PATTERN)], CardState] = Field(default_factory=dict)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_toml(self) -> str:
        import tomli_w

        data = self.model_dump(mode="python", by_alias=True)
        header = "# reflect drill schedule: when each stumped question is due again (see docs/next.md).\n"
        return header + tomli_w.dumps(data)


def next_interval(rating: int, previous: int | None) -> int:
    """Days until the next review after a self-rating of ``rating`` (1-5)."""
    if not 1 <= rating <= 5:
        raise ValueError("a rating is a whole number from 1 to 5")
    previous = previous or 0
    if rating <= 2:
        days = 1
    elif rating == 3:
        days = 3
    elif rating == 4:
        days = max(4, previous * 2)
    else:
        days = max(7, previous * 3)
    return min(days, MAX_INTERVAL)


def schedule(state: CardState | None, text: str, rating: int, today: dt.date) -> CardState:
    """The card's state after being rated ``rating`` today."""
    interval = next_interval(rating, state.interval if state else None)
    history = [*(state.history if state else []), Review(date=today, rating=rating)][-HISTORY_LIMIT:]
    return CardState(text=text, due=today + dt.timedelta(days=interval), interval=interval, history=history)
