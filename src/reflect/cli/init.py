"""``reflect init``: create the data directory, optionally with git history."""

from __future__ import annotations

from typing import Annotated

import typer


def init(
    ctx: typer.Context,
    git: Annotated[bool, typer.Option("--git", help="Make the data directory a git repository: every change is then committed.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Adopt an existing directory that holds other files (it is made private, 0700).")] = False,
) -> None:
    """Create the data directory (private, mode 0700); with --git, keep its history in git.

    With --git, every change reflect makes (log, edit, feedback, delete, restore,
    migrate...) becomes a commit that says what happened; `reflect git` runs git
    there, for `reflect git log` or `reflect git push`. Running it again is safe.

    An existing directory holding anything but reflection files is refused
    unless --force: init makes its directory private.

    Example: reflect init --git
    """
    app = ctx.obj
    for done in app.journal.init(git=git, force=force):
        app.note(done)
