"""Applications as pipelines: a line for the application, a line for each round."""

from __future__ import annotations

import datetime as dt

from rich.cells import cell_len
from rich.console import Group
from rich.text import Text

from reflect.analysis.applications import Application
from reflect.views.layout import Fitted, Unbroken, hanging, indented
from reflect.views.reflections import OUTCOME_STYLE
from reflect.views.safe import neutral


def application_block(app: Application, today: dt.date) -> Group:
    """``Acme · Backend Engineer`` then its status and the days since the last contact,
    then one line per round, oldest first: date, stage, outcome and id."""
    days = (today - app.last_contact(today)).days
    head = Text.assemble(Text(neutral(app.company), style="bold"), " \u00b7 ", Text(neutral(app.role), style="bold"))
    status = Text(app.status(today), style=OUTCOME_STYLE.get(app.outcome.value, ""))
    when = "today" if days == 0 else "yesterday" if days == 1 else f"{days} days ago"
    status.append(f"  last contact {when}" if days >= 0 else "", style="dim")
    lines = [head, indented(status, 2)]
    for number, entry in enumerate(app.rounds, 1):
        lines.append(Fitted(lambda width, number=number, entry=entry: _round_line(number, entry, width)))
    return Group(*lines)


def _round_line(number: int, entry, width: int):  # type: ignore[no-untyped-def]
    """Date, stage, outcome and id on one line; where the id does not fit, it goes whole
    on the next line (an id is for copying, never cut)."""
    r = entry.reflection
    body = Text.assemble(
        r.date.isoformat(), "  ", Text(str(r.stage or "round"), style="dim"), "  ",
        Text(r.outcome.value, style=OUTCOME_STYLE.get(r.outcome.value, "")),
    )  # fmt: skip
    marker = f"{number}. "
    if 4 + len(marker) + body.cell_len + 2 + cell_len(entry.id) <= width:
        return hanging(marker, body + Text("  ") + Text(neutral(entry.id), style="cyan"), 4)
    return Group(hanging(marker, body, 4), Unbroken(neutral(entry.id), style="cyan", indent=4 + len(marker)))


def applications_view(apps: list[Application], today: dt.date, total: int) -> Group:
    parts: list = []
    for app in apps:
        parts += [application_block(app, today), Text("")]
    rounds = sum(len(a.rounds) for a in apps)
    noun = "application" if total == 1 else "applications"
    shown = f"{len(apps)} of {total} {noun}" if len(apps) != total else f"{total} {noun}"
    parts.append(Text(f"{shown}, {rounds} round{'s' if rounds != 1 else ''}", style="dim"))
    return Group(*parts)
