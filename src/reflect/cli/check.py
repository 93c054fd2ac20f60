"""``reflect check``: validate every file without changing anything."""

from __future__ import annotations

import typer

from reflect.cli.options import Json


def check(ctx: typer.Context, json_output: Json = False) -> None:
    """Validate every reflection file (and what reflect learned from your decisions);
    list each problem as `path: field: message`, and say how many valid files are of an
    older format that `reflect migrate` brings up to date.

    Exits 1 if any file has a problem, 0 if all are valid. Nothing is changed.

    Example: reflect check
    """
    app = ctx.obj
    journal = app.journal
    result = journal.load_all()
    learned = _learned_problem()
    problems = [*result.problems, *_unknown_themes(app, result.entries)]  # the latter in files that load
    outdated = journal.outdated(result.entries)
    if json_output:
        app.print_json({
            "valid": len(result.entries),
            "problems": [{"path": str(p.path), "field": p.field, "message": p.message} for p in problems],
            "outdated": [str(path) for path in outdated],
            **({"learned": learned} if learned else {}),
        })
    else:
        for problem in problems:
            app.line(str(problem))
        files = len(result.entries) + len(result.skipped)
        verdict = "all valid" if not problems else f"{len({p.path for p in problems})} with problems"
        app.note(f"{files} file{'s' if files != 1 else ''} checked in {journal.root}: {verdict}")
        if outdated:
            are, them = ("1 file is", "it") if len(outdated) == 1 else (f"{len(outdated)} files are", "them")
            app.note(f"{are} of an older format: `reflect migrate` brings {them} up to date (--dry-run shows how)")
        if learned:
            app.line(learned)
    if problems or learned:
        raise typer.Exit(1)


def _learned_problem() -> str | None:
    """What is wrong with the wordings learned from your decisions (learned.toml), if anything."""
    from reflect.errors import BadState
    from reflect.learning import load_learned

    try:
        load_learned()
    except BadState as error:
        return error.message
    return None


def _unknown_themes(app, entries) -> list:  # type: ignore[no-untyped-def]
    """A decision on a theme nobody knows (a typo) as a problem of its file."""
    from reflect.analysis.decisions import decisions_of, unknown_themes
    from reflect.analysis.taxonomy import unknown_theme
    from reflect.errors import Problem
    from reflect.summaries import ThemeSource

    known = ThemeSource(app.config.themes, app.cache).themes_only().themes
    return [
        Problem(path, field, unknown_theme(theme, known))
        for path, field, theme in unknown_themes(((e.path, *decisions_of(e.reflection)) for e in entries), known)
    ]
