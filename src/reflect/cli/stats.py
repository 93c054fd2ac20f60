"""``reflect stats``: outcomes, preparation, ratings and resilience across the journal."""

from __future__ import annotations

import typer

from reflect.cli.options import Company, Json, Since, Tag, Until, filters


def stats(ctx: typer.Context, company: Company = None, tag: Tag = None, since: Since = None, until: Until = None, json_output: Json = False) -> None:
    """Outcomes by stage, preparation and confidence by outcome, ratings over time, and
    resilience: your mood after each rejection and how long it took to come back.

    Example: reflect stats --since 2026-01-01
    """
    from reflect.analysis import resilience
    from reflect.analysis.stats import compute

    app = ctx.obj
    result = app.load(filters(company, tag=tag, since=since, until=until))
    numbers = compute(result.entries)
    bounce = resilience.analyse(result.entries, app.config.mantras)
    if json_output:
        app.print_json({**numbers.to_json(), "resilience": bounce.to_json()})
        return
    if not numbers.total:
        app.note("No reflections to count: record one with `reflect log` (or loosen the filters).")
        return
    from rich.console import Group
    from rich.text import Text

    from reflect.views.resilience import resilience_view
    from reflect.views.stats import stats_view

    app.out.print(Group(stats_view(numbers), Text(""), resilience_view(bounce)))
