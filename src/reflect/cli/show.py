"""``reflect show``: one reflection in full."""

from __future__ import annotations

import typer

from reflect.cli.options import Json, ReflectionId


def show(ctx: typer.Context, reflection_id: ReflectionId, json_output: Json = False) -> None:
    """Show one reflection in full.

    Example: reflect show 2026-11-20-acme
    """
    app = ctx.obj
    entry = app.journal.get(reflection_id)
    if json_output:
        app.print_json({"id": entry.id, "path": str(entry.path), **entry.reflection.to_json_data()})
        return
    from reflect.cli.listing import show as show_all
    from reflect.views.reflections import reflection_detail

    show_all(app, reflection_detail(entry))
