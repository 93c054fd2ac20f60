"""``reflect log``: record an interview."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from reflect.cli.options import Json
from reflect.vocab import Format, Outcome, Stage

Rating = Annotated[Optional[int], typer.Option(min=1, max=5, show_default=False)]
Many = Annotated[Optional[list[str]], typer.Option(show_default=False)]


def log(
    ctx: typer.Context,
    company: Annotated[Optional[str], typer.Option(metavar="TEXT", help="The company.")] = None,
    role: Annotated[Optional[str], typer.Option(metavar="TEXT", help="The role you interviewed for.")] = None,
    date: Annotated[Optional[str], typer.Option(metavar="DATE", help="YYYY-MM-DD, today or yesterday. [default: today]")] = None,
    stage: Annotated[Optional[Stage], typer.Option(help="Interview stage.")] = None,
    format: Annotated[Optional[Format], typer.Option("--format", help="How it was held.")] = None,
    outcome: Annotated[Optional[Outcome], typer.Option(help="The outcome so far. [default: pending]")] = None,
    interviewer: Annotated[Optional[list[str]], typer.Option(metavar="NAME", help="An interviewer (repeat for several).")] = None,
    tag: Annotated[Optional[list[str]], typer.Option(metavar="TAG", help="A tag (repeat for several).")] = None,
    went_well: Annotated[Optional[list[str]], typer.Option(metavar="TEXT", help="Something that went well (repeatable).")] = None,
    went_wrong: Annotated[Optional[list[str]], typer.Option(metavar="TEXT", help="Something that went wrong (repeatable).")] = None,
    gap: Annotated[Optional[list[str]], typer.Option(metavar="KIND:DETAIL", help="What you lacked; KIND is skill, experience, culture, preparation or delivery.")] = None,
    question: Annotated[Optional[list[str]], typer.Option(metavar="[KIND:]TEXT", help="A question you were asked (repeatable).")] = None,
    stumped: Annotated[Optional[list[str]], typer.Option(metavar="[KIND:]TEXT", help="A question that stumped you (repeatable).")] = None,
    feedback: Annotated[Optional[str], typer.Option(metavar="TEXT", help="Feedback received (dated the interview's day).")] = None,
    feedback_source: Annotated[Optional[str], typer.Option(metavar="TEXT", help="Who gave the feedback.")] = None,
    lesson: Annotated[Optional[list[str]], typer.Option(metavar="TEXT", help="A lesson learnt (repeatable).")] = None,
    next_step: Annotated[Optional[list[str]], typer.Option(metavar="TEXT", help="A next step (repeatable).")] = None,
    fit_notes: Annotated[Optional[str], typer.Option(metavar="TEXT", help="Was this the right job for you, and why.")] = None,
    prep_hours: Annotated[Optional[float], typer.Option(min=0, metavar="HOURS", help="Hours spent preparing.")] = None,
    prep: Annotated[Optional[int], typer.Option(min=1, max=5, metavar="1-5", help="Rating 1-5: how prepared you were.")] = None,
    confidence: Annotated[Optional[int], typer.Option(min=1, max=5, metavar="1-5", help="Rating 1-5: how confident you felt.")] = None,
    performance: Annotated[Optional[int], typer.Option(min=1, max=5, metavar="1-5", help="Rating 1-5: how well it went.")] = None,
    fit: Annotated[Optional[int], typer.Option(min=1, max=5, metavar="1-5", help="Rating 1-5: how well the job fits you.")] = None,
    mood: Annotated[Optional[int], typer.Option(min=1, max=5, metavar="1-5", help="Rating 1-5: how you feel now.")] = None,
    editor: Annotated[bool, typer.Option("--editor", "-e", help="Write the reflection in $EDITOR from a template.")] = False,
    from_file: Annotated[Optional[Path], typer.Option("--from-file", "-f", metavar="FILE", help="Take a TOML or JSON reflection from a file ('-' for stdin).")] = None,
    json_output: Json = False,
) -> None:
    """Record an interview: guided questions in a terminal, or flags for scripts.

    In a terminal, reflect asks for whatever the flags did not give. Without a
    terminal it never asks: company and role are then required flags.

    Example: reflect log --company Acme --role "Backend Engineer" --stage onsite
    --outcome rejected --went-wrong "I rambled on the system design question"
    """
    flags = {k: v for k, v in locals().items() if k not in {"ctx", "editor", "from_file", "json_output"}}
    _run(ctx.obj, flags, editor=editor, from_file=from_file, json_output=json_output)


def _run(app, flags: dict[str, Any], *, editor: bool, from_file: Path | None, json_output: bool) -> None:  # type: ignore[no-untyped-def]
    from reflect.compose import from_flags, missing_required
    from reflect.models import validate_reflection

    journal = app.journal
    settings = app.config
    asked = False
    if from_file is not None:
        reflection = _read_input(from_file)
        given = from_flags(flags)
        if given:
            # Flags given beside a file win over the file's values, field by field.
            reflection = validate_reflection({**reflection.to_data(), **given})
    elif editor:
        reflection = _from_editor(app, from_flags(flags))
    else:
        data = from_flags(flags)
        if missing_required(data) and app.stdin_is_terminal():
            from reflect.cli.prompts import guided

            defaults = {"stage": settings.default_stage, "format": settings.default_format}
            data = guided(app.out, data, {k: v and v.value for k, v in defaults.items()})
            asked = True
        data.setdefault("date", _today())
        if settings.default_stage:
            data.setdefault("stage", settings.default_stage)
        if settings.default_format:
            data.setdefault("format", settings.default_format)
        missing = missing_required(data)
        if missing:
            from reflect.errors import UsageError

            wanted = ", ".join(f"--{m}" for m in missing)
            raise UsageError(f"missing {wanted} (required when reflect cannot ask: stdin is not a terminal)")
        reflection = validate_reflection(data)
    entry = journal.add(reflection)
    if json_output:
        app.print_json({"id": entry.id, "path": str(entry.path)})
        return
    from reflect.views.log import saved

    app.out.print(saved(entry, settings.mantras))
    if asked:  # the guided log ends with the themes found, settled on the spot
        from reflect.cli.suggest import offer_suggestions

        offer_suggestions(app, entry)


def _today():
    import datetime as dt

    return dt.date.today()


def _read_input(source: Path):
    import sys

    from reflect import fileformat
    from reflect.journal import read_bytes

    if str(source) == "-":
        raw, where = sys.stdin.buffer.read(), Path("<stdin>")
    else:
        raw, where = read_bytes(source), source
    return fileformat.loads_any(fileformat.decode(raw, where), where)


def _from_editor(app, given: dict[str, Any]):  # type: ignore[no-untyped-def]
    from reflect import fileformat
    from reflect.cli.editing import edit_until_valid

    template = (Path(fileformat.__file__).parent / "data" / "template.toml").read_text(encoding="utf-8")
    text = template.replace("{today}", _today().isoformat())
    for key in ("company", "role"):
        if key in given:
            text = text.replace(f'{key} = ""', f"{key} = {_toml_string(given[key])}", 1)
    journal = app.journal
    edited = edit_until_valid(app, text, fileformat.loads, lambda draft: journal.save_draft("new", draft), journal.own_dir(journal.drafts))
    if edited is None:
        from reflect.errors import Cancelled

        raise Cancelled("the template was left unchanged: nothing was saved")
    return edited[1]


def _toml_string(value: str) -> str:
    import json

    return json.dumps(value)
