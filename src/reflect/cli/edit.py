"""``reflect edit``: change a reflection in your editor, validated before it is saved."""

from __future__ import annotations

import typer

from reflect.cli.options import ReflectionId


def edit(ctx: typer.Context, reflection_id: ReflectionId) -> None:
    """Open a reflection in $VISUAL or $EDITOR; save it only if it is valid.

    If the edited text is invalid you can reopen the editor; if you give up,
    the original stays exactly as it was and your text is kept in drafts/.
    A change of date, company or role renames the file (and so the id) to match.

    Example: reflect edit 2026-11-20-acme
    """
    from reflect import fileformat
    from reflect.cli.editing import edit_until_valid, edited_copy
    from reflect.journal import read_bytes

    app = ctx.obj
    journal = app.journal
    path = journal.resolve(reflection_id)
    original = read_bytes(path)
    text = fileformat.decode(original, path)
    edited = edit_until_valid(
        app,
        text, lambda t: fileformat.loads(t, edited_copy(path)), lambda draft: journal.save_draft(path.stem, draft), journal.own_dir(journal.drafts)
    )
    if edited is None:
        app.note(f"No changes to {path.stem}.")
        return
    saved = journal.replace_text(path, edited[0], original)
    if saved != path:
        app.note(f"Saved {saved.stem} (renamed from {path.stem}: its date, company or role changed)")
    else:
        app.note(f"Saved {path.stem}")
