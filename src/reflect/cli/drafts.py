"""``reflect drafts``: the answers and edits kept when a save did not happen, and discarding them."""

from __future__ import annotations

from typing import Annotated

import typer

from reflect.cli import complete
from reflect.cli.options import Json, group

drafts_app = group()


@drafts_app.callback(invoke_without_command=True)
def show(ctx: typer.Context, json_output: Json = False) -> None:
    """List the drafts kept when a log, an edit or a drill answer was not saved, newest first,
    with the command that continues each (`reflect drafts discard NAME` removes one).

    Example: reflect drafts; reflect log --resume --draft log-20261204-2215
    """
    if ctx.invoked_subcommand is not None:
        return
    from reflect import drafts
    from reflect.views.drafts import draft_lines

    app = ctx.obj
    rows = [_row(draft) for draft in drafts.kept(app.journal)]
    if json_output:
        app.print_json(rows)
        return
    for line in draft_lines(rows):
        app.line(line)
    count = len(rows)
    app.note(f"{count} draft{'s' if count != 1 else ''}" + (" (remove one for good: `reflect drafts discard NAME`)" if rows else ""))


def _row(draft) -> dict[str, str]:  # type: ignore[no-untyped-def]
    from reflect.drafts import KINDS

    return {
        "name": draft.name,
        "kind": draft.kind,
        "what": KINDS[draft.kind].format(about=draft.about),
        "about": draft.about,
        "updated": draft.updated.isoformat(),
        "path": str(draft.path),
        "resume": draft.resume,
    }


@drafts_app.command("discard")
def discard(
    ctx: typer.Context,
    names: Annotated[list[str], typer.Argument(metavar="NAME", help="Drafts to remove (a unique start of the name is enough).", show_default=False, autocompletion=complete.draft_names)],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask (needed when stdin is not a terminal).")] = False,
) -> None:
    """Remove drafts for good (asks first): what they hold is not saved anywhere else.

    Example: reflect drafts discard log-20261204-2215
    """
    from reflect import drafts
    from reflect.cli.prompts import confirm_for_good

    app = ctx.obj
    chosen = drafts.choose(app.journal, names)
    noun = f"{len(chosen)} draft{'s' if len(chosen) != 1 else ''} ({', '.join(d.name for d in chosen)})"
    confirm_for_good(app, noun, f"Remove {noun} for good?", "the drafts were left as they are", yes)
    removed = drafts.remove(chosen)
    app.note(f"Removed {len(removed)} draft{'s' if len(removed) != 1 else ''} for good")
