"""``reflect today``: the next interview, then what waits on the user, most urgent first."""

from __future__ import annotations

import shlex

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.text import Text

from reflect.analysis.applications import Agenda
from reflect.analysis.brief import Brief
from reflect.models.entry import Entry
from reflect.views.layout import Fitted, Unbroken, hanging
from reflect.views.log import feedback_command
from reflect.views.safe import neutral


def _item(text: str, hint: str = "") -> RenderableType:
    """A line of the agenda and the command that acts on it: after the text when both fit
    on one line, else on a line of its own, so that the command is never broken in two
    (it is there to be copied)."""
    marker = "\u2022 "

    hint = neutral(hint)  # a company's name in it comes from a file: no control characters

    def build(width: int) -> RenderableType:
        body = Text(neutral(text))
        if not hint:
            return hanging(marker, body, 2)
        if 2 + cell_len(marker) + cell_len(body.plain) + 2 + cell_len(hint) <= width:
            body.append(f"  {hint}", style="dim")
            return hanging(marker, body, 2)
        # Indented under the text when that leaves room for it whole, else less; wider than
        # the terminal itself, it is left whole for the terminal to wrap (never cut in two).
        command = Unbroken(hint, "dim", max(0, min(2 + cell_len(marker), width - cell_len(hint))))
        return Group(hanging(marker, body, 2), command)

    return Fitted(build)


def _brief_lines(brief: Brief | None, upcoming: Entry) -> list[RenderableType]:
    """The heart of the next interview's brief: reminders and questions to revise."""
    r = upcoming.reflection
    stage = f" --stage {r.stage}" if r.stage else ""
    lines = [_item(f"Remember: {w.label}: {w.reminder}") for w in (brief.weaknesses or [])[:3]] if brief else []
    lines += [_item(f"Revise: {card.text}") for card in (brief.drill if brief else [])[:3]]
    lines.append(_item("The full brief", f"reflect brief {shlex.quote(r.company)}{stage}"))
    return lines


def today_view(todo: Agenda, brief: Brief | None = None) -> Group:
    parts: list[RenderableType] = [Text(f"Today, {todo.today.isoformat()}", style="bold")]

    def section(title: str, items: list[RenderableType]) -> None:
        if items:
            parts.extend([Text(""), Text(title, style="bold cyan"), *items])

    if todo.upcoming:
        nxt = todo.upcoming[0]
        r = nxt.reflection
        stage = f", {r.stage}" if r.stage else ""
        section("Next interview", [_item(f"{r.company}, {r.role} on {r.date.isoformat()}{stage}"), *_brief_lines(brief, nxt)])
    section("Your next steps", [
        _item(f"{text} ({e.reflection.company}, {e.reflection.date.isoformat()})") for e, text in todo.steps
    ])  # fmt: skip
    section("Waiting on a reply", [
        _item(f"{a.company}, {a.role}: {a.status(todo.today)}", f"reflect outcome {a.latest.id} OUTCOME") for a in todo.waiting
    ])  # fmt: skip
    section("Feedback to chase", [
        _item(f"{c.entry.reflection.company}, {c.entry.reflection.role} ({c.entry.reflection.outcome.value}): {c.reason}", feedback_command(c.entry))
        for c in todo.chases
    ])  # fmt: skip
    section("Plan areas to review", [_item(f"{theme}: review on {day.isoformat()}", "reflect plan") for theme, day in todo.reviews])
    if todo.drills_due:
        section("Drill", [_item(f"{todo.drills_due} question{'s' if todo.drills_due != 1 else ''} due", "reflect drill")])
    if len(parts) == 1:
        parts.append(Text("Nothing due. Log your next interview with `reflect log`."))
    return Group(*parts)
