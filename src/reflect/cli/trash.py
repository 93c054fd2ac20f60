"""``reflect trash``: what was deleted, and emptying it for good."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Optional

import typer

from reflect.cli.options import Json, group

trash_app = group()


@trash_app.callback(invoke_without_command=True)
def show(ctx: typer.Context, json_output: Json = False) -> None:
    """List the deleted reflections kept in the trash (`reflect restore ID` brings one back).

    Example: reflect trash; reflect trash empty --older-than 30d
    """
    if ctx.invoked_subcommand is not None:
        return
    app = ctx.obj
    rows = [_row(app.journal, path) for path in app.journal.trashed()]
    if json_output:
        app.print_json(rows)
        return
    for row in rows:
        app.line(f"{row['id']}  deleted {row['deleted']}  {row['about']}")
    app.note(f"{len(rows)} reflection{'s' if len(rows) != 1 else ''} in the trash" + (" (remove for good: `reflect trash empty`)" if rows else ""))


def _row(journal, path) -> dict[str, str]:  # type: ignore[no-untyped-def]
    from reflect.errors import ReflectError

    try:
        reflection = journal.read(path)
        about = f"{reflection.date.isoformat()}  {reflection.company}  {reflection.role}"
    except (ReflectError, OSError):
        about = "(not a valid reflection)"
    return {"id": path.stem, "deleted": journal.deleted_at(path).strftime("%Y-%m-%d %H:%M"), "about": about}


@trash_app.command("empty")
def empty(
    ctx: typer.Context,
    older_than: Annotated[Optional[str], typer.Option("--older-than", metavar="AGE", help="Only what was deleted longer ago than AGE: 30d, 2w, 12h.", show_default=False)] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask (needed when stdin is not a terminal).")] = False,
) -> None:
    """Remove the reflections in the trash for good (asks first).

    Git history, if you keep one, still holds them: see docs/trust.md to remove a
    reflection from it too.

    Example: reflect trash empty --older-than 30d
    """
    from reflect.cli.prompts import confirm_for_good

    app = ctx.obj
    age = _age(older_than) if older_than is not None else None
    now = dt.datetime.now()
    chosen = [p for p in app.journal.trashed() if age is None or now - app.journal.deleted_at(p) >= age]
    if not chosen:
        app.note("Nothing to remove from the trash.")
        return
    noun = f"{len(chosen)} reflection{'s' if len(chosen) != 1 else ''}"
    confirm_for_good(app, noun, f"Remove {noun} from the trash for good?", "the trash was left as it is", yes)
    removed = app.journal.empty_trash(age, now)
    app.note(f"Removed {len(removed)} reflection{'s' if len(removed) != 1 else ''} from the trash for good")


def _age(text: str) -> dt.timedelta:
    from reflect.errors import UsageError

    match = re.fullmatch(r"\s*(\d{1,5})\s*([hdw])\s*", text.lower())
    if not match:
        raise UsageError(f"--older-than: {text!r} is not an age: give a number and h, d or w (30d, 2w, 12h)")
    number, unit = int(match.group(1)), match.group(2)
    return dt.timedelta(hours=number) if unit == "h" else dt.timedelta(days=number * (7 if unit == "w" else 1))
