"""``reflect list``: browse reflections, newest first."""

from __future__ import annotations

from reflect.cli import context
from reflect.cli.options import Company, Contains, Json, OutcomeFilter, Since, StageFilter, Tag, Until, filters


def list_reflections(
    company: Company = None,
    stage: StageFilter = None,
    outcome: OutcomeFilter = None,
    tag: Tag = None,
    since: Since = None,
    until: Until = None,
    contains: Contains = None,
    json_output: Json = False,
) -> None:
    """List reflections, newest first, optionally filtered.

    Example: reflect list --outcome rejected --since 2026-09-01
    """
    journal = context.journal()
    result = journal.load_all(cache=context.cache())
    context.warn_problems(result.problems)
    entries = filters(company, stage, outcome, tag, since, until, contains).apply(result.entries)
    if json_output:
        context.print_json([{"id": e.id, "path": str(e.path), **e.reflection.to_json_data()} for e in entries])
        return
    from reflect.views.reflections import reflection_table, summary_line

    if not entries:
        context.note("No reflections yet: record one with `reflect log`." if not result.entries else "No reflection matches those filters.")
        return
    console = context.out()
    console.print(reflection_table(entries))
    console.print(summary_line(len(entries), len(result.entries)))
