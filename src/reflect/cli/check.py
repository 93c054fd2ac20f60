"""``reflect check``: validate every file without changing anything."""

from __future__ import annotations

import typer

from reflect.cli.options import Json


def check(ctx: typer.Context, json_output: Json = False) -> None:
    """Validate every reflection file; list each problem as `path: field: message`.

    Exits 1 if any file has a problem, 0 if all are valid. Nothing is changed.

    Example: reflect check
    """
    app = ctx.obj
    journal = app.journal
    result = journal.load_all()
    if json_output:
        app.print_json({
            "valid": len(result.entries),
            "problems": [{"path": str(p.path), "field": p.field, "message": p.message} for p in result.problems],
        })
    else:
        for problem in result.problems:
            app.line(str(problem))
        files = len(result.entries) + len(result.skipped)
        verdict = "all valid" if not result.problems else f"{len(result.skipped)} with problems"
        app.note(f"{files} files checked in {journal.root}: {verdict}")
    if result.problems:
        raise typer.Exit(1)
