"""``reflect feedback``: record feedback that arrives later, and chase what is missing."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Optional

import typer

from reflect.cli import complete
from reflect.cli.options import Json, _day
from reflect.vocab import FeedbackStatus


def feedback(
    ctx: typer.Context,
    reflection_id: Annotated[Optional[str], typer.Argument(metavar="ID", help="The reflection (id or unique start); omit to list what to chase.", show_default=False, autocompletion=complete.reflection_ids)] = None,
    status: Annotated[Optional[FeedbackStatus], typer.Option(help="Where the feedback stands.")] = None,
    on: Annotated[Optional[dt.date], typer.Option("--date", parser=_day, metavar="DATE", help="When it was requested or received. [default: today]")] = None,
    source: Annotated[Optional[str], typer.Option(metavar="TEXT", help="Who gave it (recruiter, hiring manager...).")] = None,
    text: Annotated[Optional[str], typer.Option(metavar="TEXT", help="What they said; implies --status received.")] = None,
    pending: Annotated[bool, typer.Option("--pending", help="List interviews whose feedback is still to request or chase.")] = False,
    json_output: Json = False,
) -> None:
    """Record feedback for an interview, or list the feedback still to chase.

    Feedback is due once a round is decided: after a rejection or an offer,
    ask for it (especially after a rejection). Pending and advanced rounds are
    not chased; a pending round silent for two weeks shows in `reflect today`.

    Examples: reflect feedback 2026-11-20-acme --status requested;
    reflect feedback 2026-11-20-acme --text "Answers ran long" --source recruiter;
    reflect feedback --pending
    """
    if pending or reflection_id is None:
        _list_pending(ctx.obj, json_output)
    else:
        _record(ctx.obj, reflection_id, status, on, source, text, json_output)


def _list_pending(app, json_output: bool) -> None:  # type: ignore[no-untyped-def]
    from reflect.analysis.applications import no_reply
    from reflect.analysis.feedback import to_chase

    entries = app.load().entries
    chases = to_chase(entries, chase_days=app.config.feedback_chase_days)
    if json_output:
        app.print_json([c.to_json() for c in chases])
        return
    silent = len(no_reply(entries))
    if silent:
        app.note(f"{silent} application{'s have' if silent != 1 else ' has'} had no reply for two weeks: see `reflect today`.")
    if not chases:
        app.note("No feedback to chase.")
        return
    from reflect.views.feedback import chase_table

    app.out.print(chase_table(chases))


def _record(app, ident, status, on, source, text, json_output) -> None:  # type: ignore[no-untyped-def]
    from reflect.analysis.feedback import record
    from reflect.journal import Entry, parse_file, read_bytes

    journal = app.journal
    path = journal.resolve(ident)
    original = read_bytes(path)
    entry = Entry(path.stem, path, parse_file(path, original))
    if status is None and text is None and source is None and app.stdin_is_terminal():
        from reflect.cli.prompts import Asker

        ask = Asker(app.out)
        status = FeedbackStatus(ask.choice("Feedback", [s.value for s in FeedbackStatus], default="received"))
        if status == FeedbackStatus.RECEIVED:
            source, text = ask.text("From whom"), ask.text("What they said")
    updated = journal.replace(entry, record(entry.reflection, status, on, source, text), original, action="feedback")
    if json_output:
        app.print_json({"id": updated.id, "path": str(updated.path), "feedback": updated.reflection.to_json_data()["feedback"]})
    else:
        app.note(f"Feedback for {updated.id}: {updated.reflection.feedback.status.value}")
