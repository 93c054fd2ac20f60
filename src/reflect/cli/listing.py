"""``reflect list``: browse reflections, newest first."""

from __future__ import annotations

import sys

import typer

from reflect.cli.options import Company, Contains, Json, OutcomeFilter, Since, StageFilter, Tag, Until, filters


def list_reflections(
    ctx: typer.Context,
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
    app = ctx.obj
    result = app.journal.load_all(cache=app.cache)
    app.warn_problems(result.problems)
    entries = filters(company, stage, outcome, tag, since, until, contains).apply(result.entries)
    if json_output:
        app.print_json([{"id": e.id, "path": str(e.path), **e.reflection.to_json_data()} for e in entries])
        return
    from reflect.views.reflections import reflection_table, summary_line

    if not entries:
        app.note("No reflections yet: record one with `reflect log`." if not result.entries else "No reflection matches those filters.")
        return
    show(app, reflection_table(entries), summary_line(len(entries), len(result.entries)))


def show(app, *renderables) -> None:  # type: ignore[no-untyped-def]
    """Print on stdout; into a pipe or a file, without the spaces that pad a table to the
    width (a terminal's, or 80), so the output holds only what it says."""
    console = app.out
    if console.is_terminal:
        for renderable in renderables:
            console.print(renderable, crop=False)  # a command wider than the terminal is left whole
        return
    with console.capture() as captured:
        for renderable in renderables:
            console.print(renderable, crop=False)
    sys.stdout.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))
