"""A reflection with its id and file, and what analysis reads of one.

No I/O here: the store makes entries, analysis and views read them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from reflect.errors import Problem
    from reflect.models import Reflection


@dataclass(frozen=True)
class Entry:
    """A reflection and where it lives. Its id is the file's stem."""

    id: str
    path: Path
    reflection: Reflection


class Facts(Protocol):
    """What theme analysis and the filters read of a reflection, besides its text:
    a full :class:`~reflect.models.Reflection` has these, and so has a cached summary."""

    @property
    def date(self) -> dt.date: ...
    @property
    def company(self) -> str: ...
    @property
    def role(self) -> str: ...
    @property
    def stage(self) -> object: ...
    @property
    def outcome(self) -> object: ...
    @property
    def tags(self) -> Sequence[str]: ...


class Reflected(Protocol):
    """Anything that stands for a reflection in analysis: an :class:`Entry`, or a cached summary."""

    @property
    def id(self) -> str: ...
    @property
    def reflection(self) -> Facts: ...


def newest_first(entries: Iterable[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: (e.reflection.date, e.id), reverse=True)


@dataclass
class Migrated:
    """One file ``reflect migrate`` upgraded (or would upgrade, on a dry run)."""

    path: Path
    from_version: int
    changes: list[str]
    backup: Path | None = None


@dataclass
class MigrationReport:
    migrated: list[Migrated] = field(default_factory=list)
    current: int = 0
    newer: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
