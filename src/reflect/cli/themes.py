"""`reflect themes [THEME_ID]`: the weaknesses that keep coming back."""

from __future__ import annotations

from typing import Annotated

import typer

from reflect.cli.options import Company, Outcome, Since, Stage, Tag, Until


def themes(
    theme_id: Annotated[str | None, typer.Argument(help="show every piece of evidence for one theme")] = None,
    min_count: Annotated[int, typer.Option("--min-count", min=1, help="interviews a theme needs to recur")] = 2,
    json_output: Annotated[bool, typer.Option("--json", help="print JSON instead of a table")] = False,
    since: Since = None,
    until: Until = None,
    company: Company = None,
    stage: Stage = None,
    outcome: Outcome = None,
    tag: Tag = None,
) -> None:
    """Find the weaknesses that keep coming back, with proof from your own words."""
    from reflect.analysis.taxonomy import get_taxonomy
    from reflect.analysis.themes import analyse
    from reflect.cli import context
    from reflect.config import load_config
    from reflect.errors import NotFound
    from reflect.query import Filters
    from reflect.views.themes import theme_detail, themes_table

    filters = Filters(since=since, until=until, company=company, stage=stage, outcome=outcome, tag=tag)
    loaded = context.load(context.journal(), filters)
    report = analyse(loaded.entries, get_taxonomy(load_config().themes), min_count=min_count, skipped=loaded.skipped)
    result = report.theme(theme_id) if theme_id else None
    if theme_id and result is None:
        raise NotFound(f"theme {theme_id!r} does not appear in these reflections (see `reflect themes`)")
    if json_output:
        context.print_json(result.to_json() if result else report.to_json())
    else:
        context.out().print(theme_detail(result) if result else themes_table(report))
