"""``reflect confirm``, ``reflect dismiss`` and ``reflect undecide``: the user's word on a
reflection's themes, which wins everywhere and teaches the engine their wording."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from reflect.cli import complete
from reflect.cli.options import Json, ReflectionId

Themes = Annotated[
    list[str],
    typer.Argument(metavar="THEME", help="Theme ids (see `reflect themes --list`).", show_default=False, autocompletion=complete.theme_ids),
]


def confirm(
    ctx: typer.Context,
    reflection_id: ReflectionId,
    themes: Themes,
    words: Annotated[
        Optional[str],
        typer.Option("--words", metavar="TEXT", help="The words that show the theme, to suggest it for later notes in them (default: the notes the engine found nothing in).", show_default=False),
    ] = None,
    json_output: Json = False,
) -> None:
    """Confirm that a reflection shows these themes: they count for it even where the
    engine finds nothing, and later notes in the same words are suggested for them.

    Example: reflect confirm 2026-11-20-acme conciseness --words "helicoptering over every detail"
    """
    if words is not None and not learnable(words):
        raise typer.BadParameter("give at least two telling words (or one long rare one)", param_hint="--words")
    _decide(ctx.obj, "confirm", reflection_id, json_output, confirm=themes, words=words)


def dismiss(ctx: typer.Context, reflection_id: ReflectionId, themes: Themes, json_output: Json = False) -> None:
    """Dismiss themes the engine found in a reflection: they no longer count for it, and
    later notes in the same words are no longer suggested for them.

    Example: reflect dismiss 2026-11-20-acme nerves-confidence
    """
    _decide(ctx.obj, "dismiss", reflection_id, json_output, dismiss=themes)


def undecide(ctx: typer.Context, reflection_id: ReflectionId, themes: Themes, json_output: Json = False) -> None:
    """Take back a confirmation or dismissal: the engine's suggestion stands again, and
    what it learned from that decision is forgotten.

    Example: reflect undecide 2026-11-20-acme nerves-confidence
    """
    _decide(ctx.obj, "undecide", reflection_id, json_output, undo=themes)


def learnable(words: str) -> bool:
    from reflect.analysis.learned import learnable as enough

    return enough(words)


def _decide(app, action: str, ident: str, json_output: bool, **change) -> None:  # type: ignore[no-untyped-def]
    from reflect.cli.deciding import Decider

    decider = Decider(app)
    outcome = decider.decide(ident, **change)
    decider.record(action)
    if json_output:
        app.print_json(outcome.to_json())
        return
    from reflect.views.decisions import decided

    app.line(decided(outcome.id, outcome.confirmed, outcome.dismissed, outcome.learned, outcome.undone if action == "undecide" else None))
