"""``reflect git``: run git inside the data directory."""

from __future__ import annotations

from typing import Annotated, Optional

import typer



def git(
    ctx: typer.Context,
    args: Annotated[Optional[list[str]], typer.Argument(metavar="GIT_ARGS", help="Arguments passed to git as they are.", show_default=False)] = None,
) -> None:
    """Run git inside the data directory (set up with `reflect init --git`).

    Everything after `git` goes to git unchanged; put `--` first if it starts with
    an option reflect would take (such as --help). The exit code is git's.

    Example: reflect git log --oneline
    """
    code = ctx.obj.journal.history.run(list(args or []))
    if code:
        raise typer.Exit(code)
