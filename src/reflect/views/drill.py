"""What a drill session and ``reflect drill --due`` show."""

from __future__ import annotations

import datetime as dt

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from reflect.analysis.drill import Card, CardState, Due, Schedule
from reflect.views.safe import neutral


def _where(card: Card) -> Text:
    first = card.sources[0]
    stumped = " (stumped)" if first.stumped else ""
    text = Text(f"{card.kind} · asked at ", "dim")
    text.append(neutral(first.company), "bold")
    text.append(f" on {first.date.isoformat()}{stumped}", "dim")
    if len(card.sources) > 1:
        text.append(f" · asked {len(card.sources)} times", "dim")
    return text


def question(card: Card, number: int, total: int) -> RenderableType:
    body = Group(_where(card), Text(""), Text(neutral(card.text), "bold"))
    return Panel(body, title=f"Question {number} of {total}", title_align="left", border_style="cyan")


def better_answer(card: Card) -> RenderableType:
    if not card.better_answer:
        return Text("No better answer written yet: type one and save it after rating.", "yellow")
    return Panel(Text(neutral(card.better_answer)), title="Your better answer so far", title_align="left", border_style="green")


def _in_days(today: dt.date, day: dt.date) -> str:
    days = (day - today).days
    if days <= 0:
        return "today"
    if days == 1:
        return "tomorrow"
    return f"in {days} days"


def scheduled(state: CardState, today: dt.date) -> Text:
    return Text(f"Next time: {_in_days(today, state.due)} ({state.due.isoformat()}).", "dim")


def summary(rated: list[tuple[Card, CardState]], today: dt.date, stopped: bool) -> RenderableType:
    if not rated:
        return Text("Stopped before any rating; nothing changed." if stopped else "Nothing rated.")
    head = "Stopped early; ratings so far are saved." if stopped else "Session done; ratings saved."
    table = Table(box=None, header_style="bold", pad_edge=False, title=head, title_justify="left")
    for name in ("rating", "next", "question"):
        table.add_column(name, overflow="fold")
    for card, state in sorted(rated, key=lambda cs: (cs[1].due, cs[0].key)):
        table.add_row(f"{state.last_rating}/5", _in_days(today, state.due), Text(neutral(card.text)))
    return table


def _due_table(items: list[Due], today: dt.date, title: str) -> Table:
    table = Table(box=None, header_style="bold", pad_edge=False, title=title, title_justify="left")
    for name in ("due", "kind", "last", "question"):
        table.add_column(name, overflow="fold")
    for item in items:
        last = f"{item.state.last_rating}/5" if item.state and item.state.last_rating else "new"
        table.add_row(_in_days(today, item.due) if item.due > today else "now", item.card.kind, last, Text(neutral(item.card.text)))
    return table


def due_view(schedule: Schedule) -> RenderableType:
    parts: list[RenderableType] = []
    if schedule.due:
        parts.append(_due_table(schedule.due, schedule.today, f"Due now: {len(schedule.due)} (reflect drill)"))
    else:
        parts.append(Text("Nothing due now."))
    if schedule.upcoming:
        parts += [Text(""), _due_table(schedule.upcoming, schedule.today, "Coming up")]
    return Group(*parts)
