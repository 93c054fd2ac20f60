"""``reflect edit``: change a reflection in your editor, validated before it is saved."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from reflect.cli import complete
from reflect.cli.options import ReflectionId


def edit(
    ctx: typer.Context,
    reflection_id: ReflectionId,
    draft: Annotated[Optional[str], typer.Option("--draft", metavar="NAME", help="Start from an edit of this reflection that was kept as a draft (see `reflect drafts`).", show_default=False, autocompletion=complete.draft_names)] = None,
) -> None:
    """Open a reflection in $VISUAL or $EDITOR; save it only if it is valid.

    If the edited text is invalid you can reopen the editor; if you give up,
    the original stays exactly as it was and your text is kept in drafts/
    (`reflect edit ID --draft NAME` takes it up again). A change of date,
    company or role renames the file (and so the id) to match.

    Example: reflect edit 2026-11-20-acme
    """
    from reflect import drafts, fileformat
    from reflect.cli.editing import edit_until_valid, edited_copy
    from reflect.journal import read_bytes

    app = ctx.obj
    journal = app.journal
    path = journal.resolve(reflection_id)
    original = read_bytes(path)
    kept = drafts.edit_of(journal, draft, path.stem) if draft else None
    text = drafts.edit_text(kept, path.stem, original, path.stat().st_mtime) if kept else fileformat.decode(original, path)

    def keep(new: str):  # type: ignore[no-untyped-def]
        return drafts.keep_again(kept, new, original) if kept else journal.save_draft(path.stem, new, base=original)

    edited = edit_until_valid(
        app, text, lambda t: fileformat.loads(t, edited_copy(path)), keep, journal.own_dir(journal.drafts), unchanged_is_none=kept is None
    )
    if edited is None:  # unchanged: is it valid? (its problems, if not)
        fileformat.loads(text, path)
        app.note(f"No changes to {path.stem}.")
        return
    saved = journal.replace_text(path, edited[0], original)
    if kept:
        drafts.remove([kept])
    if saved != path:
        app.note(f"Saved {saved.stem} (renamed from {path.stem}: its date, company or role changed)")
    else:
        app.note(f"Saved {path.stem}")
