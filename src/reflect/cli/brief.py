"""``reflect brief``: a one-screen brief to read before the next interview."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from reflect.cli.options import Json
from reflect.vocab import Stage


def brief(
    ctx: typer.Context,
    company: Annotated[Optional[str], typer.Argument(metavar="COMPANY", help="The company you are about to meet (any case; omit for a general brief).", show_default=False)] = None,
    role: Annotated[Optional[str], typer.Option("--role", "-r", metavar="TEXT", help="The role (default: the role of your last interview there).")] = None,
    stage: Annotated[Optional[Stage], typer.Option("--stage", "-s", help="The coming stage: picks the kinds of question to revise.")] = None,
    markdown: Annotated[bool, typer.Option("--markdown", help="Print Markdown (to print or keep next to your notes).")] = False,
    json_output: Json = False,
) -> None:
    """A brief to read before your next interview, from your own history.

    Earlier interviews with the company (how they went, the questions, the
    feedback), similar interviews elsewhere, your top recurring weaknesses with a
    reminder each, the questions that stumped you with your better answers, the
    plan's checklist and your mantras.

    Example: reflect brief Acme --stage onsite
    """
    from reflect.analysis.brief import build, load_checklist, load_weaknesses
    from reflect.dirs import config_file
    from reflect.summaries import journal_themes

    app = ctx.obj
    entries = app.load().entries
    found = journal_themes(app.journal, app.config.themes, app.cache, str(config_file()))
    result = build(
        entries,
        company=company,
        role=role,
        stage=stage,
        weaknesses=load_weaknesses(entries, found.scans, found.taxonomy),
        checklist=load_checklist(entries),
        mantras=app.config.mantras,
    )
    if json_output:
        app.print_json(result.to_json())
    elif markdown:
        from reflect.views.brief import brief_markdown

        _write(brief_markdown(result))
    else:
        from reflect.views.brief import brief_view

        app.out.print(brief_view(result))


def _write(text: str) -> None:
    import sys

    sys.stdout.write(text)
