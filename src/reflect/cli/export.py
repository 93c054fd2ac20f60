"""``reflect export``: the journal as JSON, Markdown or CSV."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer

from reflect.cli.options import Company, Contains, OutcomeFilter, Since, StageFilter, Tag, Until, filters


class ExportFormat(StrEnum):
    JSON = "json"
    MARKDOWN = "markdown"
    CSV = "csv"


def export(
    ctx: typer.Context,
    format: Annotated[ExportFormat, typer.Option("--format", "-F", help="json (lossless, re-importable), markdown (for a coach) or csv (for spreadsheets).")] = ExportFormat.JSON,
    output: Annotated[Optional[Path], typer.Option("--output", "-O", metavar="FILE", help="Write to this file (0600) instead of stdout.", show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace --output if it already exists.")] = False,
    redact: Annotated[bool, typer.Option("--redact", help="Leave out interviewer names (also in the text) and feedback sources.")] = False,
    company: Company = None,
    stage: StageFilter = None,
    outcome: OutcomeFilter = None,
    tag: Tag = None,
    since: Since = None,
    until: Until = None,
    contains: Contains = None,
) -> None:
    """Export reflections (the same filters as `reflect list`) as JSON, Markdown or CSV.

    Example: reflect export --format markdown --redact --output for-my-coach.md
    """
    from reflect.views.export import export_text

    app = ctx.obj
    entries = app.load(filters(company, stage, outcome, tag, since, until, contains)).entries
    text = export_text(entries, format.value, redacted=redact)
    if output is None:
        sys.stdout.write(text)
        return
    _write(output, text, force, app.journal.root)
    app.note(f"Exported {len(entries)} reflections to {output}")


def _write(output: Path, text: str, force: bool, root: Path) -> None:
    import os

    from reflect import atomic
    from reflect.errors import UsageError

    where, journal = os.path.realpath(output), os.path.realpath(root)
    if os.path.commonpath([where, journal]) == journal:
        # Over a reflection it would replace the user's text; beside them it would be read as a broken one.
        raise UsageError(f"{output} is inside the data directory ({root}): export somewhere else")
    try:
        atomic.write_file(output, text.encode("utf-8"), overwrite=force)
    except FileExistsError:
        raise UsageError(f"{output} already exists: choose another name, or replace it with --force") from None
