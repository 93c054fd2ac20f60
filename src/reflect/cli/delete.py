"""``reflect delete`` and ``reflect restore``: a recoverable trash."""

from __future__ import annotations

from typing import Annotated

import typer

from reflect.cli import context
from reflect.cli.options import ReflectionId, TrashId


def delete(
    reflection_id: ReflectionId,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Move a reflection to the trash (bring it back with `reflect restore`).

    Example: reflect delete 2026-11-20-acme --yes
    """
    from reflect.errors import Cancelled

    journal = context.journal()
    path = journal.resolve(reflection_id)
    if not yes:
        if not context.stdin_is_terminal():
            raise Cancelled(f"not deleted: confirm with --yes to delete {path.stem} without a terminal")
        answer = context.err().input(f"Move {path.stem} to the trash? [y/N] ").strip().lower()
        if answer not in {"y", "yes"}:
            raise Cancelled("not deleted")
    moved = journal.delete(path.stem)
    context.note(f"Moved {path.stem} to the trash: {moved}\nUndo with: reflect restore {moved.stem}")


def restore(reflection_id: TrashId = None) -> None:
    """Bring a deleted reflection back from the trash; without an id, list the trash.

    Example: reflect restore; reflect restore 2026-11-20-acme
    """
    journal = context.journal()
    if reflection_id is None:
        deleted = journal.trashed()
        for path in deleted:
            context.line(path.stem)
        if not deleted:
            context.note("The trash is empty.")
        return
    entry = journal.restore(reflection_id)
    context.note(f"Restored {entry.id}: {entry.path}")
