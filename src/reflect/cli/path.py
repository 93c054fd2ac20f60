"""``reflect path``: where the journal lives."""

from __future__ import annotations

from reflect.cli import context


def path() -> None:
    """Print the data directory, where reflection files live.

    Example: cd "$(reflect path)"
    """
    print(context.journal().root)
