"""``reflect stats``: outcomes, preparation, ratings and resilience across the journal."""

from __future__ import annotations

from reflect.cli import context
from reflect.cli.options import Company, Json, Since, Tag, Until, filters


def stats(company: Company = None, tag: Tag = None, since: Since = None, until: Until = None, json_output: Json = False) -> None:
    """Outcomes by stage, preparation and confidence by outcome, ratings over time, and
    resilience: your mood after each rejection and how long it took to come back.

    Example: reflect stats --since 2026-01-01
    """
    from reflect.analysis import resilience
    from reflect.analysis.stats import compute

    result = context.load(context.journal(), filters(company, tag=tag, since=since, until=until))
    numbers = compute(result.entries)
    bounce = resilience.analyse(result.entries, context.config().mantras)
    if json_output:
        context.print_json({**numbers.to_json(), "resilience": bounce.to_json()})
        return
    if not numbers.total:
        context.note("No reflections to count: record one with `reflect log` (or loosen the filters).")
        return
    from rich.console import Group
    from rich.text import Text

    from reflect.views.resilience import resilience_view
    from reflect.views.stats import stats_view

    context.out().print(Group(stats_view(numbers), Text(""), resilience_view(bounce)))
