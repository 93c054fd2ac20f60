"""``reflect path``: where the journal lives."""

from __future__ import annotations

import typer


def path(ctx: typer.Context) -> None:
    """Print the data directory, where reflection files live.

    Example: cd "$(reflect path)"
    """
    print(ctx.obj.journal.root)
