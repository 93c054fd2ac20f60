"""``reflect show``: one reflection in full."""

from __future__ import annotations

from reflect.cli import context
from reflect.cli.options import Json, ReflectionId


def show(reflection_id: ReflectionId, json_output: Json = False) -> None:
    """Show one reflection in full.

    Example: reflect show 2026-11-20-acme
    """
    entry = context.journal().get(reflection_id)
    if json_output:
        context.print_json({"id": entry.id, "path": str(entry.path), **entry.reflection.to_json_data()})
        return
    from reflect.views.reflections import reflection_detail

    context.out().print(reflection_detail(entry))
