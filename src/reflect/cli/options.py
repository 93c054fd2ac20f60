"""Options shared by several commands, declared once."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Optional

import typer

from reflect.cli import complete
from reflect.vocab import Format, Outcome, Stage


def _day(value: str | None) -> dt.date | None:
    if value is None:
        return None
    from reflect.query import parse_day

    try:
        return parse_day(value)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None


def _read(reader: str, kind):  # type: ignore[no-untyped-def]
    """A parser that reads a value as `reflect log` does (compose.py): "on site", "no reply"."""

    def parse(value):  # type: ignore[no-untyped-def]
        if value is None or isinstance(value, kind):
            return value
        from reflect import compose

        try:
            return kind(getattr(compose, reader)(value))
        except ValueError as error:
            looks_like_a_file = "/" in value or value.rsplit(".", 1)[-1].lower() in {"html", "htm", "md", "csv", "json", "toml", "txt"}
            if kind is Outcome and looks_like_a_file:  # `-o FILE`, as many tools spell an output file
                raise typer.BadParameter(f"{error} (-o is --outcome; a file to write to is -O FILE)") from None
            raise typer.BadParameter(str(error)) from None

    return parse


def _values(kind):  # type: ignore[no-untyped-def]
    return lambda incomplete: [k.value for k in kind if k.value.startswith(incomplete)]


read_stage = _read("read_stage", Stage)
read_outcome = _read("read_outcome", Outcome)
stage_values = _values(Stage)
format_values = _values(Format)
outcome_values = _values(Outcome)


def group(**settings: object) -> typer.Typer:
    """A command group (``reflect plan``, ``config``, ``trash``...) that runs its callback when
    called alone, with plain help as the top-level group's and ``-h``; completion is installed
    from the top level only."""
    defaults: dict = {"no_args_is_help": False, "invoke_without_command": True}
    fixed = {"rich_markup_mode": None, "add_completion": False, "context_settings": {"help_option_names": ["-h", "--help"]}}
    return typer.Typer(**(defaults | settings | fixed))


Json = Annotated[bool, typer.Option("--json", help="Print JSON for scripts instead of a table.")]
Company = Annotated[Optional[str], typer.Option("--company", "-c", metavar="TEXT", help="Only this company (part of the name, any case or accent).")]
StageFilter = Annotated[
    Optional[Stage],
    typer.Option("--stage", "-s", parser=read_stage, metavar="STAGE", autocompletion=stage_values,
                 help="Only this interview stage: recruiter-screen, phone-screen, technical, take-home, onsite, final, other (\"on site\" works too)."),
]
OutcomeFilter = Annotated[
    Optional[Outcome],
    typer.Option("--outcome", "-o", parser=read_outcome, metavar="OUTCOME", autocompletion=outcome_values,
                 help="Only this outcome: pending, advanced, offer, rejected, withdrew, ghosted (\"no reply\" works too)."),
]
Tag = Annotated[Optional[str], typer.Option("--tag", "-t", metavar="TAG", help="Only reflections with this tag.")]
Since = Annotated[
    Optional[dt.date], typer.Option("--since", parser=_day, metavar="DATE", help="Only interviews on or after DATE (YYYY-MM-DD, today, yesterday).")
]
Until = Annotated[
    Optional[dt.date], typer.Option("--until", parser=_day, metavar="DATE", help="Only interviews on or before DATE.")
]
Contains = Annotated[Optional[str], typer.Option("--contains", metavar="TEXT", help="Only reflections whose text contains this (any case or accent).")]
ReflectionId = Annotated[
    str,
    typer.Argument(metavar="ID", help="A reflection id, or any unique start of one (see `reflect list`).", show_default=False, autocompletion=complete.reflection_ids),
]
TrashId = Annotated[
    Optional[str],
    typer.Argument(metavar="ID", help="The id of a deleted reflection; omit it to list the trash.", show_default=False, autocompletion=complete.trash_ids),
]
ThemeId = Annotated[str, typer.Argument(metavar="THEME_ID", help="A theme id (see `reflect themes`).", show_default=False, autocompletion=complete.theme_ids)]


def filters(
    company: str | None = None,
    stage: Stage | None = None,
    outcome: Outcome | None = None,
    tag: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    contains: str | None = None,
):
    """The :class:`reflect.query.Filters` for a command's filter options."""
    from reflect.query import Filters

    return Filters(company, stage, outcome, tag, since, until, contains)
