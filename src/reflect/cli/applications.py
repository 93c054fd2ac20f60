"""``reflect applications``: each application as a pipeline of its rounds."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from reflect.cli import complete
from reflect.cli.options import Company, Contains, Json, OutcomeFilter, Since, StageFilter, Tag, Until, filters

def applications(
    ctx: typer.Context,
    company: Company = None,
    stage: StageFilter = None,
    outcome: OutcomeFilter = None,
    tag: Tag = None,
    since: Since = None,
    until: Until = None,
    contains: Contains = None,
    join: Annotated[Optional[list[str]], typer.Option("--join", metavar="ID", help="Make these rounds one application (repeat: --join A --join B).", show_default=False, autocompletion=complete.reflection_ids)] = None,
    split: Annotated[Optional[str], typer.Option("--split", metavar="ID", help="Start a new application at this round (it and the later rounds).", show_default=False, autocompletion=complete.reflection_ids)] = None,
    json_output: Json = False,
) -> None:
    """Show each application: its rounds (stage, date, outcome), where it stands and
    how many days since the last contact.

    Rounds of the same company and role belong to one application while each comes
    within 90 days of the one before. A filter keeps the applications with a round that matches;
    --outcome matches an application's current outcome (its latest round's). When
    the rule is wrong, --join and --split set the `application` key of the rounds.

    Examples: reflect applications --since 2026-09-01; reflect applications --join
    2026-11-02-acme --join 2026-11-20-acme-corp; reflect applications --split 2026-12-01-acme
    """
    app = ctx.obj
    if join or split:
        _regroup(app, join or [], split)
        return
    import datetime as dt

    from reflect.analysis.applications import group

    today = dt.date.today()
    everything = group(app.load().entries)
    chosen = filters(company, stage, None, tag, since, until, contains).apply([e for a in everything for e in a.rounds])
    wanted = {e.id for e in chosen}
    shown = [a for a in everything if any(e.id in wanted for e in a.rounds) and (outcome is None or a.outcome == outcome)]
    if json_output:
        app.print_json([a.to_json(today) for a in shown])
        return
    if not shown:
        app.note("No applications yet: record an interview with `reflect log`." if not everything else "No application matches those filters.")
        return
    from reflect.cli.listing import show
    from reflect.views.applications import applications_view

    show(app, applications_view(shown, today, len(everything)))


def _regroup(app, join: list[str], split: str | None) -> None:  # type: ignore[no-untyped-def]
    from reflect.analysis.applications import group, labels_for
    from reflect.journal import Entry, parse_file, read_bytes

    journal = app.journal
    ids = [journal.resolve(i).stem for i in join]
    labels = labels_for(group(app.load().entries), ids, journal.resolve(split).stem if split else None)
    for ident, label in labels.items():
        path = journal.path_for(ident)
        original = read_bytes(path)
        entry = Entry(path.stem, path, parse_file(path, original))
        journal.replace(entry, entry.reflection.model_copy(update={"application": label}), original, action="applications")
    app.note(f"{len(labels)} round{'s' if len(labels) != 1 else ''} regrouped; see `reflect applications`.")
