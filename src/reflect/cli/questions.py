"""``reflect questions``: the bank of questions across interviews."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from reflect.cli.options import Company, Json, Since, Until, filters
from reflect.vocab import QuestionKind


def questions(
    ctx: typer.Context,
    kind: Annotated[Optional[QuestionKind], typer.Option("--kind", "-k", help="Only questions of this kind.")] = None,
    stumped: Annotated[bool, typer.Option("--stumped", help="Only questions that stumped you at least once.")] = False,
    company: Company = None,
    since: Since = None,
    until: Until = None,
    json_output: Json = False,
) -> None:
    """The questions you were asked, stumped ones first, similar wordings grouped.

    Shows how often each came up, its kind, your answer ratings over time and the
    better answer written so far: a list to rehearse from.

    Example: reflect questions --stumped --kind system-design
    """
    from reflect.analysis.questions import question_bank

    app = ctx.obj
    result = app.load(filters(company, since=since, until=until))
    groups = question_bank(result.entries, kind=kind.value if kind else None, stumped_only=stumped)
    if json_output:
        app.print_json([g.to_json() for g in groups])
        return
    if not groups:
        asked_any = any(e.reflection.questions for e in result.entries)
        app.note("No question matches those filters." if asked_any else "No questions yet: record them with `reflect log --stumped TEXT` or `--question TEXT`.")
        return
    from reflect.views.questions import bank_summary, question_table

    console = app.out
    console.print(question_table(groups))
    console.print(bank_summary(groups))
