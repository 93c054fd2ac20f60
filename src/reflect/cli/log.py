"""``reflect log``: record an interview."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from reflect.cli.options import Json, format_values, outcome_values, stage_values
from reflect.vocab import Outcome


def _checked(reader: str):  # type: ignore[no-untyped-def]
    """A callback that reads an option's value(s) as the guided questions would (compose.py), so
    that a bad one is a usage error naming the option, with an example and a pointer to --help."""

    def check(value):  # type: ignore[no-untyped-def]
        from reflect import compose

        read = getattr(compose, reader)
        try:
            if isinstance(value, list):
                return [read(item) and item for item in value]
            return None if value is None else read(value)
        except ValueError as error:
            raise typer.BadParameter(str(error)) from None

    return check


def log(
    ctx: typer.Context,
    company: Annotated[Optional[str], typer.Option(metavar="TEXT", help="The company.")] = None,
    role: Annotated[Optional[str], typer.Option(metavar="TEXT", help="The role you interviewed for.")] = None,
    date: Annotated[Optional[str], typer.Option(metavar="DATE", callback=_checked("read_day"), help="2026-11-20, today, yesterday, 2 days ago, last friday, tomorrow, next tuesday... [default: today]")] = None,
    stage: Annotated[Optional[str], typer.Option(metavar="STAGE", callback=_checked("read_stage"), help="Interview stage: recruiter-screen, phone-screen, technical, take-home, onsite, final, other (\"on site\" works too).", autocompletion=stage_values)] = None,
    format: Annotated[Optional[str], typer.Option("--format", metavar="FORMAT", callback=_checked("read_format"), help="How it was held: in-person, video, phone, async (\"zoom\" works too).", autocompletion=format_values)] = None,
    outcome: Annotated[Optional[str], typer.Option(metavar="OUTCOME", callback=_checked("read_outcome"), help="The outcome so far: pending, advanced, offer, rejected, withdrew, ghosted. [default: pending]", autocompletion=outcome_values)] = None,
    interviewer: Annotated[Optional[list[str]], typer.Option(metavar="NAME", help="An interviewer (repeat for several).")] = None,
    tag: Annotated[Optional[list[str]], typer.Option(metavar="TAG", help="A tag (repeat for several).")] = None,
    went_well: Annotated[Optional[list[str]], typer.Option(metavar="TEXT", help="Something that went well (repeatable).")] = None,
    went_wrong: Annotated[Optional[list[str]], typer.Option(metavar="TEXT", help="Something that went wrong (repeatable).")] = None,
    gap: Annotated[Optional[list[str]], typer.Option(metavar="KIND:DETAIL", callback=_checked("read_gap"), help="What you lacked; KIND is skill, experience, culture, preparation or delivery.")] = None,
    question: Annotated[Optional[list[str]], typer.Option(metavar="[KIND:]TEXT", callback=_checked("read_question"), help="A question you were asked (repeatable); KIND is behavioral, technical, coding, system-design, culture, about-me or other.")] = None,
    stumped: Annotated[Optional[list[str]], typer.Option(metavar="[KIND:]TEXT", callback=_checked("read_question"), help="A question that stumped you (repeatable).")] = None,
    feedback: Annotated[Optional[str], typer.Option(metavar="TEXT", help="Feedback received (dated the interview's day).")] = None,
    feedback_source: Annotated[Optional[str], typer.Option(metavar="TEXT", help="Who gave the feedback.")] = None,
    lesson: Annotated[Optional[list[str]], typer.Option(metavar="TEXT", help="A lesson learnt (repeatable).")] = None,
    next_step: Annotated[Optional[list[str]], typer.Option(metavar="TEXT", help="A next step (repeatable).")] = None,
    fit_notes: Annotated[Optional[str], typer.Option(metavar="TEXT", help="Was this the right job for you, and why.")] = None,
    prep_hours: Annotated[Optional[str], typer.Option(metavar="HOURS", callback=_checked("read_hours"), help="Hours spent preparing: 4, 4.5, about 4, 90 min.")] = None,
    prep: Annotated[Optional[int], typer.Option(min=1, max=5, metavar="1-5", help="Rating 1-5: how prepared you were.")] = None,
    confidence: Annotated[Optional[int], typer.Option(min=1, max=5, metavar="1-5", help="Rating 1-5: how confident you felt.")] = None,
    performance: Annotated[Optional[int], typer.Option(min=1, max=5, metavar="1-5", help="Rating 1-5: how well it went.")] = None,
    fit: Annotated[Optional[int], typer.Option(min=1, max=5, metavar="1-5", help="Rating 1-5: how well the job fits you.")] = None,
    mood: Annotated[Optional[int], typer.Option(min=1, max=5, metavar="1-5", help="Rating 1-5: how you feel now.")] = None,
    ask: Annotated[bool, typer.Option("--ask", help="In a terminal, ask for what the flags left out (even when company and role are given).")] = False,
    resume: Annotated[bool, typer.Option("--resume", help="Continue a stopped or unsaved guided log from its draft (the newest, or choose).")] = False,
    draft: Annotated[Optional[str], typer.Option("--draft", metavar="NAME", help="With --resume: the draft to continue (see the list --resume shows).")] = None,
    editor: Annotated[bool, typer.Option("--editor", "-e", help="Write the reflection in $EDITOR from a template.")] = False,
    from_file: Annotated[Optional[Path], typer.Option("--from-file", "-f", metavar="FILE", help="Take a TOML or JSON reflection from a file ('-' for stdin).")] = None,
    next_of: Annotated[Optional[str], typer.Option("--next", metavar="ID", help="The next round of ID's application: its company, role, format and tags, and the stage after (in a terminal, offered as answers to keep).", show_default=False)] = None,
    json_output: Json = False,
) -> None:
    """Record an interview: guided questions in a terminal, or flags for scripts.

    With company and role given as flags, reflect saves at once, asking nothing
    (add --ask to be asked for the rest). Otherwise, in a terminal, it asks the
    essentials, shows what will be saved and offers more detail; every answer is
    kept as a draft until saved, and `reflect log --resume` continues a stopped one.
    Without a terminal it never asks: company and role are then required flags.

    Example: reflect log --company Acme --role "Backend Engineer" --stage onsite
    --outcome rejected --went-wrong "I rambled on the system design question"
    """
    skip = {"ctx", "editor", "from_file", "json_output", "ask", "resume", "draft", "next_of"}
    flags = {k: v for k, v in locals().items() if k not in skip}
    app = ctx.obj
    own = flags
    if next_of is not None:
        flags = _prefill(app, next_of, flags)
    if from_file is not None or editor:
        entry = app.journal.add(_from_file(from_file, flags) if from_file is not None else _from_editor(app, flags))
        asked = False
        _done_with_draft(app, from_file)
    else:
        entry, asked = _guided_or_flags(app, flags, own, ask=ask, resume=resume or draft is not None, draft=draft)
    _show_saved(app, entry, json_output)
    if asked and not json_output:  # the guided log ends with the themes found, settled on the spot
        from reflect.cli.suggest import offer_suggestions

        offer_suggestions(app, entry)


def _guided_or_flags(app, flags: dict[str, Any], own: dict[str, Any], *, ask: bool, resume: bool, draft: str | None):  # type: ignore[no-untyped-def]
    """Ask in a terminal when the user's own flags (``own``: without what --next filled in)
    lack company or role (or with --ask / --resume); then save."""
    from reflect.cli import guided
    from reflect.compose import REQUIRED, from_flags, missing_required
    from reflect.drafts import DraftKeeper

    data, given = from_flags(flags), from_flags(own)
    if flags.get("_application"):
        data["application"] = flags["_application"]
    kept = guided.choose_draft(app, draft) if resume else None
    asked = app.stdin_is_terminal() and (ask or kept is not None or missing_required({"date": 0, **given}))
    if asked:  # what --next filled in is offered as answers, each asked with it as the default
        known = {k: v for k, v in data.items() if k not in given}
        session = guided.start(app, given, kept, known=known)
        data, keeper = guided.reflection_data(session), session.keeper
        if any(k in known and data.get(k) != known[k] for k in ("company", "role")):
            data.pop("application", None)  # another company or role: not the same application
    else:
        if kept is not None and kept.typed:
            from reflect.errors import UsageError

            raise UsageError(f"{kept.path} holds a line typed but not entered ({kept.question}): continue it in a terminal")
        data, keeper = ({**kept.answers, **data} if kept else data), DraftKeeper(app.journal, kept.path if kept else None)
    data.setdefault("date", _today())
    settings = app.config
    for key, default in (("stage", settings.default_stage), ("format", settings.default_format)):
        if default:
            data.setdefault(key, default.value)
    blank = [key for key in REQUIRED if isinstance(data.get(key), str) and not data[key].strip()]
    missing = [key for key in missing_required(data) if key not in blank]
    if blank or missing:
        from reflect.errors import UsageError

        said = [f"{', '.join(f'--{m}' for m in blank)}: must not be empty"] if blank else []
        said += [f"missing {', '.join(f'--{m}' for m in missing)} (required when reflect cannot ask: stdin is not a terminal)"] if missing else []
        raise UsageError("; ".join(said))
    return guided.save_reflection(app, data, keeper), asked


def _show_saved(app, entry, json_output: bool) -> None:  # type: ignore[no-untyped-def]
    """What the user sees once the reflection is on disk."""
    r = entry.reflection
    if r.date > _today() and r.outcome != Outcome.PENDING:  # an upcoming round has no outcome yet
        app.warn(f"{entry.id} is dated {r.date}, in the future, but its outcome is already {r.outcome.value}: if the date is wrong, `reflect edit {entry.id}`")
    if json_output:
        app.print_json({"id": entry.id, "path": str(entry.path)})
        return
    from reflect.cli.prompts import command_name
    from reflect.drafts import rotate
    from reflect.views.log import GHOSTED, REJECTED, saved

    outcome = entry.reflection.outcome.value
    words = {"rejected": REJECTED, "ghosted": GHOSTED}.get(outcome)
    turn = rotate(outcome, len(words)) if words else 0
    app.out.print(saved(entry, app.config.mantras, turn, command_name()), crop=False)  # the command, whole, at any width


def _prefill(app, ident: str, flags: dict[str, Any]) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """Flags given win; the rest come from the earlier round (analysis.applications.next_round)."""
    from reflect.analysis.applications import next_round

    known = next_round(app.journal.get(ident).reflection)
    extra = {"tag": known.pop("tags", None), "application": known.pop("application", None)}
    filled = {**flags, **{k: v for k, v in known.items() if flags.get(k) is None}}
    if not flags.get("tag") and extra["tag"]:
        filled["tag"] = extra["tag"]
    filled["_application"] = extra["application"]
    return filled


def _done_with_draft(app, source: Path | None) -> None:  # type: ignore[no-untyped-def]
    """A draft of the journal's drafts/ given to --from-file (as `reflect drafts` offers it) is
    done with once saved: it is removed, so that it is neither listed nor saved twice."""
    if source is None or str(source) == "-":
        return
    try:
        path = source.resolve()
        if path.parent == app.journal.drafts.resolve() and path.suffix == ".toml":
            path.unlink()
            app.note(f"Removed its draft {path.name}")
    except OSError:
        return


def _today():
    import datetime as dt

    return dt.date.today()


def _from_file(source: Path, flags: dict[str, Any]):  # type: ignore[no-untyped-def]
    from reflect.compose import from_flags
    from reflect.models import validate_reflection

    reflection = _read_input(source)
    given = from_flags(flags)
    if given:
        # Flags given beside a file win over the file's values, field by field.
        reflection = validate_reflection({**reflection.to_data(), **given})
    return reflection


def _read_input(source: Path):
    import sys

    from reflect import fileformat
    from reflect.journal import read_bytes

    if str(source) == "-":
        raw, where = sys.stdin.buffer.read(), Path("<stdin>")
    else:
        raw, where = read_bytes(source), source
    return fileformat.loads_any(fileformat.decode(raw, where), where)


def _from_editor(app, flags: dict[str, Any]):  # type: ignore[no-untyped-def]
    from reflect import fileformat
    from reflect.compose import from_flags

    given = from_flags(flags)
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
