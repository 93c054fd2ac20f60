"""``reflect delete`` and ``reflect restore``: a recoverable trash."""

from __future__ import annotations

from typing import Annotated

import typer

from reflect.cli.options import ReflectionId, TrashId


def delete(
    ctx: typer.Context,
    reflection_id: ReflectionId,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Move a reflection to the trash (bring it back with `reflect restore`).

    Example: reflect delete 2026-11-20-acme --yes
    """
    from reflect.errors import Cancelled

    app = ctx.obj
    journal = app.journal
    path = journal.resolve(reflection_id)
    if not yes:
        if not app.stdin_is_terminal():
            raise Cancelled(f"not deleted: confirm with --yes to delete {path.stem} without a terminal")
        answer = app.err.input(f"Move {path.stem} to the trash? [y/N] ").strip().lower()
        if answer not in {"y", "yes"}:
            raise Cancelled("not deleted")
    moved = journal.delete(path.stem)
    app.note(f"Moved {path.stem} to the trash: {moved}\nUndo with: reflect restore {moved.stem}")


def restore(ctx: typer.Context, reflection_id: TrashId = None) -> None:
    """Bring a deleted reflection back from the trash; without an id, list the trash.

    Example: reflect restore; reflect restore 2026-11-20-acme
    """
    app = ctx.obj
    journal = app.journal
    if reflection_id is None:
        deleted = journal.trashed()
        for path in deleted:
            app.line(path.stem)
        if not deleted:
            app.note("The trash is empty.")
        return
    entry = journal.restore(reflection_id)
    app.note(f"Restored {entry.id}: {entry.path}")
