"""``reflect migrate``: upgrade files written in an older version of the format."""

from __future__ import annotations

from typing import Annotated

import typer

from reflect.cli.options import Json


def migrate(
    ctx: typer.Context,
    dry_run: Annotated[bool, typer.Option("--dry-run", "-n", help="Only say what would change; write nothing.")] = False,
    json_output: Json = False,
) -> None:
    """Upgrade reflection files of an older schema to the current one.

    Each file is backed up (in backups/) before it is rewritten, and every change
    is listed. Files from a newer reflect are never rewritten. Exits 1 if any
    file could not be read or upgraded.

    Example: reflect migrate --dry-run
    """
    app = ctx.obj
    report = app.journal.migrate(dry_run=dry_run)
    if json_output:
        app.print_json(_as_json(report))
    else:
        from reflect.views.migrate import migration_lines

        for text in migration_lines(report, dry_run):
            app.line(text)
    if report.problems or report.newer:
        raise typer.Exit(1)


def _as_json(report) -> dict:  # type: ignore[no-untyped-def]
    return {
        "schema": report.current,
        "migrated": [
            {"path": str(m.path), "from": m.from_version, "changes": m.changes, "backup": str(m.backup) if m.backup else None}
            for m in report.migrated
        ],
        "newer": [str(p) for p in report.newer],
        "problems": [str(p) for p in report.problems],
    }
