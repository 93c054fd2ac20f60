"""``reflect today``: one screen of what to do next."""

from __future__ import annotations

import typer

from reflect.cli.options import Json


def today(ctx: typer.Context, json_output: Json = False) -> None:
    """What to do next, on one screen: the next interview (and its brief), your recent
    next steps, applications waiting on a reply, feedback to chase, plan areas due for
    review and questions due for drill.

    An interview logged with a date still to come counts as upcoming.

    Example: reflect today
    """
    import datetime as dt

    from reflect.analysis.applications import agenda
    from reflect.analysis.drill import drill_bank, plan_schedule
    from reflect.state import load_drill, load_plan

    app = ctx.obj
    day = dt.date.today()
    entries = app.load().entries
    drills = plan_schedule(drill_bank(entries, None), load_drill(app.journal), day).due
    todo = agenda(entries, day, app.config.feedback_chase_days, load_plan(app.journal), len(drills))
    brief = _brief(app, [e for e in entries if e.reflection.date <= day], todo.upcoming[0]) if todo.upcoming else None
    if json_output:
        app.print_json({**todo.to_json(), "brief": brief.to_json() if brief else None})
        return
    from reflect.cli.listing import show
    from reflect.views.today import today_view

    show(app, today_view(todo, brief))


def _brief(app, past, upcoming):  # type: ignore[no-untyped-def]
    """The brief of ``reflect brief`` for the next interview, from the interviews before today."""
    from reflect.analysis.brief import build, load_checklist, load_weaknesses
    from reflect.dirs import config_file
    from reflect.summaries import journal_themes

    r = upcoming.reflection
    found = journal_themes(app.journal, app.config.themes, app.cache, str(config_file()))
    weaknesses = load_weaknesses(past, found.scans, found.taxonomy)
    return build(past, company=r.company, role=r.role, stage=r.stage, weaknesses=weaknesses, checklist=load_checklist(past), mantras=app.config.mantras)
