"""``reflect themes [THEME_ID]``: the weaknesses that keep coming back."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from reflect.cli import context
from reflect.cli.options import Company, Json, OutcomeFilter, Since, StageFilter, Tag, Until, filters


def themes(
    theme_id: Annotated[Optional[str], typer.Argument(metavar="THEME_ID", help="Show every piece of evidence for one theme.", show_default=False)] = None,
    min_count: Annotated[int, typer.Option("--min-count", min=1, metavar="N", help="Interviews a theme needs to count as recurring.")] = 2,
    since: Since = None,
    until: Until = None,
    company: Company = None,
    stage: StageFilter = None,
    outcome: OutcomeFilter = None,
    tag: Tag = None,
    json_output: Json = False,
) -> None:
    """Find the weaknesses that keep coming back, with proof from your own words,
    their trend over time, and how they differ between rejections and offers.

    Example: reflect themes --since 2026-06-01; reflect themes conciseness
    """
    from reflect.analysis.scan_cache import theme_report
    from reflect.errors import NotFound

    chosen = filters(company, stage, outcome, tag, since, until)
    report, problems = theme_report(context.journal(), context.config().themes, context.cache(), chosen, min_count=min_count)
    context.warn_problems(problems)
    result = report.theme(theme_id) if theme_id else None
    if theme_id and result is None:
        raise NotFound(f"theme {theme_id!r} does not appear in these reflections (see `reflect themes`)")
    if json_output:
        context.print_json(result.to_json() if result else report.to_json())
        return
    from reflect.views.themes import theme_detail, themes_table

    context.out().print(theme_detail(result) if result else themes_table(report))
