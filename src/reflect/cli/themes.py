"""``reflect themes [THEME_ID]``: the weaknesses that keep coming back."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from reflect.cli import complete
from reflect.cli.options import Company, Json, OutcomeFilter, Since, StageFilter, Tag, Until, filters


def themes(
    ctx: typer.Context,
    theme_id: Annotated[
        Optional[str],
        typer.Argument(metavar="THEME_ID", help="Show every piece of evidence for one theme.", show_default=False, autocompletion=complete.theme_ids),
    ] = None,
    list_themes: Annotated[bool, typer.Option("--list", help="List every theme reflect knows (built-in and your own) and exit.")] = False,
    learned: Annotated[bool, typer.Option("--learned", help="List the wordings reflect learned from your confirmations and dismissals, and exit.")] = False,
    forget: Annotated[Optional[int], typer.Option("--forget", min=1, metavar="N", help="Forget learned wording N (see --learned).", show_default=False)] = None,
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

    Counts your decisions (`reflect confirm`, `dismiss`, `review`): a dismissed theme never
    counts for that reflection, a confirmed one always does.

    Example: reflect themes --since 2026-06-01; reflect themes conciseness; reflect themes --list
    """
    from reflect.summaries import ThemeSource
    from reflect.cache import gc_paused

    app = ctx.obj
    if learned or forget is not None:
        _learned(app, forget, json_output)
        return
    if list_themes:
        _list(app, ThemeSource(app.config.themes, app.cache).themes_only().themes, json_output)
        return
    chosen = filters(company, stage, outcome, tag, since, until)
    with gc_paused():  # a report is 100,000s of small acyclic objects: collecting them finds nothing
        _report(app, theme_id, chosen, min_count, json_output)


def _report(app, theme_id: Optional[str], chosen, min_count: int, json_output: bool) -> None:  # type: ignore[no-untyped-def]
    import functools

    from reflect.analysis.taxonomy import unknown_theme
    from reflect.dirs import config_file
    from reflect.errors import NotFound, UsageError
    from reflect.summaries import ThemeSource, theme_report

    report, problems = theme_report(app.journal, app.config.themes, app.cache, chosen, min_count=min_count, where=str(config_file()))
    app.warn_problems(problems)
    source = functools.cache(lambda: ThemeSource(app.config.themes, app.cache))  # made only on the paths that need it
    for ident, theme in report.unknown:
        app.warn(f"{ident}: [themes]: {unknown_theme(theme, source().themes_only().themes)} (this decision changes nothing until it is fixed)")
    result = report.theme(theme_id) if theme_id else None
    if theme_id and result is None:
        known = source().themes_only().themes
        if theme_id not in known:
            raise UsageError(unknown_theme(theme_id, known))  # as `reflect confirm` says it
        possible = report.possible.get(theme_id)
        if not possible:
            raise NotFound(f"theme {theme_id!r} does not appear in these reflections (see `reflect themes`)")
        _possible_only(app, theme_id, known[theme_id].label, list(possible), source, json_output)
        return
    if json_output:
        from reflect.views.themes_json import report_json, theme_json

        app.print_json(theme_json(result) if result else report_json(report))
        return
    from reflect.views.themes import theme_detail, themes_table

    if result is None:
        app.out.print(themes_table(report))
        return
    app.out.print(theme_detail(result, report.possible.get(result.id, ()), source().said))


def _possible_only(app, theme_id: str, label: str, possible: list, source, json_output: bool) -> None:  # type: ignore[no-untyped-def]
    """A theme found only as possible: its evidence, shown apart from what counts."""
    if json_output:
        from reflect.views.themes_json import possible_json

        app.print_json(possible_json(theme_id, label, possible))
        return
    from reflect.views.themes import possible_detail

    app.out.print(possible_detail(theme_id, label, possible, source().said))


def _list(app, themes: dict, json_output: bool) -> None:  # type: ignore[no-untyped-def]
    rows = [{"id": t.id, "label": t.label, "description": t.description, "builtin": t.builtin} for t in themes.values()]
    if json_output:
        app.print_json(rows)
        return
    for row in rows:
        mine = "" if row["builtin"] else "  (yours)"
        app.line(f"{row['id']:<28} {row['label']}{mine}: {row['description']}")


def _learned(app, forget: Optional[int], json_output: bool) -> None:  # type: ignore[no-untyped-def]
    from reflect.errors import UsageError
    from reflect.learning import load_learned, save_learned

    wordings = load_learned()
    if forget is not None:
        if forget > len(wordings):
            raise UsageError(f"no learned wording {forget}: `reflect themes --learned` lists {len(wordings)}")
        gone = wordings.pop(forget - 1)
        save_learned(wordings)
        app.note(f"Forgot: {gone.theme} “{gone.text}”")
        return
    if json_output:
        app.print_json([{"number": i, **{k: str(v) for k, v in w.to_data().items()}} for i, w in enumerate(wordings, 1)])
        return
    from reflect.views.decisions import learned_lines

    for line in learned_lines(wordings):
        app.line(line)
