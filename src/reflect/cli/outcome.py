"""``reflect outcome``: record an outcome that arrives after the interview."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Optional

import typer

from reflect.cli.options import Json, ReflectionId, _day, outcome_values, read_outcome
from reflect.vocab import Outcome


def outcome(
    ctx: typer.Context,
    reflection_id: ReflectionId,
    value: Annotated[
        Outcome,
        typer.Argument(metavar="OUTCOME", parser=read_outcome, autocompletion=outcome_values, show_default=False,
                       help="pending, advanced, offer, rejected, withdrew or ghosted (\"no reply\", \"next round\" work too)."),
    ],
    on: Annotated[Optional[dt.date], typer.Option("--date", parser=_day, metavar="DATE", help="When it arrived (YYYY-MM-DD, today, yesterday). [default: today]")] = None,
    json_output: Json = False,
) -> None:
    """Record the outcome of an interview when it arrives, days later.

    The date it arrived counts as the application's last contact (`reflect
    applications`). A rejection or an offer then puts the round's feedback on the
    list to chase.

    Example: reflect outcome 2026-11-20-acme rejected --date yesterday
    """
    from reflect.analysis.applications import with_outcome
    from reflect.journal import Entry, parse_file, read_bytes

    app = ctx.obj
    path = app.journal.resolve(reflection_id)
    original = read_bytes(path)
    entry = Entry(path.stem, path, parse_file(path, original))
    updated = app.journal.replace(entry, with_outcome(entry.reflection, value, on or dt.date.today()), original, action="outcome")
    if json_output:
        app.print_json({"id": updated.id, "path": str(updated.path), "outcome": value.value, "outcome_on": str(updated.reflection.outcome_on)})
    else:
        app.note(f"{updated.id}: {value.value}")
