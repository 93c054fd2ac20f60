"""``reflect report``: the whole search as one private, self-contained HTML page."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from reflect.cli.options import Company, Contains, OutcomeFilter, Since, StageFilter, Tag, Until, filters


def report(
    ctx: typer.Context,
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-O", metavar="FILE", help="Where to write the page ('-' for stdout; default: reflect-report-DATE.html here).", show_default=False),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace --output even if it is not an earlier report.")] = False,
    redact: Annotated[bool, typer.Option("--redact", help="Leave out interviewer names (also in the text) and feedback sources, to share.")] = False,
    company: Company = None,
    stage: StageFilter = None,
    outcome: OutcomeFilter = None,
    tag: Tag = None,
    since: Since = None,
    until: Until = None,
    contains: Contains = None,
) -> None:
    """Write the whole search as one HTML page with charts: themes over time, outcomes by
    stage, preparation against outcomes, mood after rejections, the plan, the questions
    that stumped you and feedback to chase. It opens offline in any browser, prints well,
    and is private (0600); --redact makes a copy to send a coach.

    Example: reflect report; reflect report --redact --since 2026-06-01 --output for-my-coach.html
    """
    from reflect.cache import gc_paused
    from reflect.views.report import render

    app = ctx.obj
    chosen = filters(company, stage, outcome, tag, since, until, contains)
    described = {k: str(v) for k, v in vars(chosen).items() if v is not None}
    with gc_paused():  # as `reflect themes`: many small acyclic objects
        data = _gather(app, chosen, described, redact)
        page = render(data)
    _write(app, output, page, force, len(data.entries))


# Grouping similar questions grows with the square of their number (about a second at
# 1,000 interviews of varied wording): the report looks at the most recent ones.
QUESTION_WINDOW = 300


class _Only:
    """The filter the theme report applies: exactly the reflections the report shows."""

    def __init__(self, ids: set[str]) -> None:
        self.ids = ids

    def apply(self, items: list[Any]) -> list[Any]:
        return [item for item in items if item.id in self.ids]


def _gather(app, chosen, described: dict[str, str], redact: bool):  # type: ignore[no-untyped-def]
    from reflect.analysis import resilience
    from reflect.analysis.questions import question_bank
    from reflect.analysis.stats import compute
    from reflect.dirs import config_file
    from reflect.models.entry import newest_first
    from reflect.summaries import theme_report
    from reflect.views.report import ReportData

    today = dt.date.today()
    everything = app.load().entries
    entries = chosen.apply(everything)
    # The files it skips were reported by load() above.
    themes, _ = theme_report(app.journal, app.config.themes, app.cache, _Only({e.id for e in entries}), where=str(config_file()))
    plan = _plan(app, entries, today, themes)
    return ReportData(
        today=today,
        entries=entries,
        stats=compute(entries),
        resilience=resilience.analyse(entries, app.config.mantras),
        themes=themes,
        plan=plan,
        questions=question_bank(newest_first(entries)[:QUESTION_WINDOW]),
        questions_from=min(len(entries), QUESTION_WINDOW) if len(entries) > QUESTION_WINDOW else None,
        chases=list(getattr(plan, "chases", [])),
        filters=described,
        redacted=redact,
        names=sorted({n for e in everything for n in e.reflection.interviewers}),
        private=_private_words(app.config),
    )


def _plan(app, entries, today: dt.date, themes):  # type: ignore[no-untyped-def]
    """The plan as `reflect plan --json` would show it now, built on a scratch copy of its
    state: the report never records new focus areas or actions. Its inputs come from the
    report's own theme analysis of the same reflections (what `theme_inputs` would compute again)."""
    from reflect.analysis.plan import build_plan, focus_inputs_from_report
    from reflect.dirs import config_file
    from reflect.errors import BadState
    from reflect.models.state import PlanState
    from reflect.state import load_plan
    from reflect.summaries import journal_themes

    try:
        scratch = load_plan(app.journal).model_copy(deep=True)
    except BadState as error:
        app.warn(f"{error.message}; the plan is shown without its progress")
        scratch = PlanState()
    chase_days = app.config.feedback_chase_days
    if len(entries) < 2:
        return build_plan(entries, [], scratch, today=today, chase_days=chase_days)
    found = journal_themes(app.journal, app.config.themes, app.cache, str(config_file()))
    inputs = focus_inputs_from_report(themes, found.taxonomy)
    return build_plan(entries, inputs, scratch, today=today, chase_days=chase_days, match_text=found.match_text)


def _private_words(config: Any) -> list[str]:
    """Words the config marks private (``private = [...]``), left out with --redact."""
    return [word for word in config.private if word.strip()]


def _write(app, output: Optional[Path], page: str, force: bool, count: int) -> None:  # type: ignore[no-untyped-def]
    from reflect import atomic
    from reflect.errors import UsageError
    from reflect.views.report import is_report
    from reflect.views.safe import neutral

    if output is not None and str(output) == "-":
        sys.stdout.write(page)
        return
    path = output or Path(f"reflect-report-{dt.date.today().isoformat()}.html")
    if path.is_dir():
        raise UsageError(f"{path} is a folder: give a file name with --output")
    if not path.absolute().parent.is_dir():
        raise UsageError(f"no folder {path.absolute().parent}: create it first, or choose another --output")
    try:
        with open(path, "rb") as handle:
            earlier = is_report(handle.read(2048))
    except FileNotFoundError:
        earlier = False
    try:
        atomic.write_file(path, page.encode("utf-8"), overwrite=force or earlier)
    except FileExistsError:
        raise UsageError(f"{path} already exists and is not a reflect report: choose another name, or replace it with --force") from None
    # A plain line, not app.note: its console would import rich for this one line (about 70 ms).
    sys.stderr.write(neutral(f"Wrote a report of {count} reflections to {path} (private, mode 0600); it opens offline in any browser.\n"))
