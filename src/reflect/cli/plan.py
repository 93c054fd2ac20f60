"""``reflect plan``: the development plan built from recurring themes, and its progress."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from reflect.cli.options import Json, group

plan_app = group(name="plan")

ActionId = Annotated[str, typer.Argument(metavar="ACTION_ID", help="An action id from `reflect plan` (or any unique start of one).", show_default=False)]


@plan_app.callback()
def plan(
    ctx: typer.Context,
    top: Annotated[int, typer.Option("--top", "-n", min=1, max=20, metavar="N", help="How many focus areas to show.")] = 3,
    markdown: Annotated[bool, typer.Option("--markdown", "--md", help="Print Markdown (headings and checkboxes) to print or share.")] = False,
    json_output: Json = False,
    ics: Annotated[Optional[Path], typer.Option("--ics", metavar="FILE", help="Also write review dates, drills due and feedback chases as an iCalendar file ('-' for stdout).")] = None,
) -> None:
    """Your development plan: focus areas from recurring weaknesses, what to practise,
    questions to rehearse, feedback to chase and a checklist for the next interview.

    Progress is kept in state/plan.toml in the data directory; rebuilding the plan
    after new reflections keeps it.

    Example: reflect plan --top 2; reflect plan done conciseness-3f2a; reflect plan --markdown > plan.md;
    reflect plan --ics plan.ics
    """
    if ctx.invoked_subcommand is not None:
        return
    app = ctx.obj
    entries = app.load().entries
    current = _current(app, entries, top)
    if ics is not None:
        from reflect.cli.ics import calendar_events, write_calendar

        write_calendar(app, ics, calendar_events(app, entries, current.focus))
        if str(ics) == "-":
            return
    if json_output:
        app.print_json(current.to_json())
    elif markdown:
        from reflect.views.plan import plan_markdown

        app.out.file.write(plan_markdown(current))
    else:
        from reflect.views.plan import plan_view

        app.out.print(plan_view(current))


def _current(app, entries, top: int, state=None):  # type: ignore[no-untyped-def]
    """Today's plan from the journal's ``entries``; new focus areas and actions are recorded
    in the state (in ``state`` when given, else in state/plan.toml)."""
    import datetime as dt

    from reflect.analysis.plan import build_plan, theme_inputs
    from reflect.dirs import config_file
    from reflect.state import load_plan, update_plan
    from reflect.summaries import journal_themes

    journal, today, cache = app.journal, dt.date.today(), app.cache
    settings = app.config
    if len(entries) < 2:
        return build_plan(entries, [], state or load_plan(journal), today=today, chase_days=settings.feedback_chase_days)
    found = journal_themes(journal, settings.themes, cache, str(config_file()))
    (inputs, once), match_text = theme_inputs(entries, found.scans, found.taxonomy, today), found.match_text

    def build(target):
        return build_plan(
            entries, inputs, target, today=today, top=top, chase_days=settings.feedback_chase_days, match_text=match_text, seen_once=once
        )

    return build(state) if state is not None else update_plan(journal, build)


def _mark(app, action_id: str, status: str, json_output: bool) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from reflect.analysis.plan import action_json, mark
    from reflect.state import ActionStatus, update_plan

    def change(state):
        return mark(state, action_id, ActionStatus(status), dt.date.today(), rebuild=lambda scratch: _current(app, app.load().entries, 20, scratch))

    action = update_plan(app.journal, change)
    if json_output:
        app.print_json(action_json(action))
    else:
        app.note(f"{action.id}: {action.status.value} \u2014 {action.text}")


@plan_app.command("done")
def done(ctx: typer.Context, action_id: ActionId, json_output: Json = False) -> None:
    """Mark an action done (dated today).

    Example: reflect plan done conciseness-3f2a
    """
    _mark(ctx.obj, action_id, "done", json_output)


@plan_app.command("start")
def start(ctx: typer.Context, action_id: ActionId, json_output: Json = False) -> None:
    """Mark an action as being worked on.

    Example: reflect plan start conciseness-3f2a
    """
    _mark(ctx.obj, action_id, "doing", json_output)


@plan_app.command("skip")
def skip(ctx: typer.Context, action_id: ActionId, json_output: Json = False) -> None:
    """Skip an action that does not suit you; it stays in the plan's history.

    Example: reflect plan skip conciseness-3f2a
    """
    _mark(ctx.obj, action_id, "skipped", json_output)
