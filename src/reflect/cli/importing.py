"""``reflect import``: bring in a JSON export, TOML files or a folder of them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from reflect.cli.options import Json


def import_reflections(
    ctx: typer.Context,
    source: Annotated[Path, typer.Argument(metavar="PATH", help="A JSON export, a TOML or JSON reflection, or a folder of them.", show_default=False)],
    dry_run: Annotated[bool, typer.Option("--dry-run", "-n", help="Show what would be added; change nothing.")] = False,
    json_output: Json = False,
) -> None:
    """Import reflections, keeping their ids; skip the ones already in the journal.

    Every rejected record is reported with its reason (exit status 1).

    Example: reflect import reflections.json --dry-run
    """
    from reflect.importing import import_path

    app = ctx.obj
    result = import_path(app.journal, source, dry_run=dry_run)
    if json_output:
        app.print_json({"dry_run": dry_run, "steps": [s.to_json() for s in result.steps], "rejected": [str(r) for r in result.rejected]})
    else:
        for step in result.steps:
            app.line(step.describe(dry_run))
        for rejection in result.rejected:
            app.error(f"rejected {rejection}")
        verb = "would add" if dry_run else "added"
        app.note(f"{verb} {result.count('add', 'rename')}, already had {result.count('have')}, rejected {len(result.rejected)}")
    if result.rejected:
        raise typer.Exit(1)
