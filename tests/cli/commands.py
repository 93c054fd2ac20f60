"""The real application's commands, as click sees them (built on use, so listed and built here)."""

from __future__ import annotations

from typing import Any


def all_commands() -> dict[str, Any]:
    """Every top-level command and group, built, by name, in the order help lists them."""
    import typer
    import typer.main

    from reflect.cli.app import app

    group = typer.main.get_command(app)
    ctx = typer.Context(group)
    return {name: group.get_command(ctx, name) for name in group.list_commands(ctx)}
