"""Errors raised by reflect's core.

The core never prints and never exits: it raises one of these, and the command
line turns it into a one-line message and an exit code in a single place.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class ReflectError(Exception):
    """Something the user should be told about; ``exit_code`` says how bad."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(ReflectError):
    """The user asked for something that cannot be done as asked (bad value, missing field)."""

    exit_code = 2


@dataclass(frozen=True)
class Problem:
    """One problem with one file: where it is and what is wrong."""

    path: Path | None
    field: str
    message: str

    def __str__(self) -> str:
        where = str(self.path) if self.path is not None else "<input>"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class InvalidReflection(ReflectError):
    """A reflection (a file, an editor buffer, flags) failed validation."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = str(problems[0]) if problems else "invalid reflection"
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(first + more)


class NotFound(ReflectError):
    """No reflection (or plan action, or theme) matches what the user named."""


class Ambiguous(UsageError):
    """An id prefix matches more than one reflection."""


class BadId(UsageError):
    """An id that could escape the data directory or is not an id at all."""


class Conflict(ReflectError):
    """The file changed on disk while the user was editing it."""


class Cancelled(ReflectError):
    """The user stopped (Ctrl-C, EOF, declined) and nothing was changed."""


class ConfigError(ReflectError):
    """The user's config file is unreadable or invalid."""


class NewerSchema(ReflectError):
    """A file written by a newer version of reflect than this one."""


class BadState(ReflectError):
    """A file of reflect's own state (``state/plan.toml``) is unreadable or invalid.

    Never reset silently: it holds the user's progress."""


class InvalidConfig(ConfigError):
    """Config text (a file, an editor buffer) failed validation; one problem per key."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = str(problems[0]) if problems else "invalid config"
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(first + more)
