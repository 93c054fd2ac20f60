"""Tables and panels of reflections. User text is always plain Text, never markup."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from reflect.journal import Entry
from reflect.models import Reflection
from reflect.views.safe import neutral

OUTCOME_STYLE = {
    "offer": "bold green",
    "advanced": "green",
    "rejected": "red",
    "ghosted": "magenta",
    "withdrew": "yellow",
    "pending": "dim",
}


def _t(value: object, style: str = "") -> Text:
    return Text(neutral("" if value is None else str(value)), style=style)


def reflection_table(entries: list[Entry]) -> Table:
    table = Table(box=None, header_style="bold", pad_edge=False)
    for name in ("id", "date", "company", "role", "stage", "outcome"):
        table.add_column(name, overflow="fold")
    for entry in entries:
        r = entry.reflection
        table.add_row(
            _t(entry.id, "cyan"),
            _t(r.date.isoformat()),
            _t(r.company),
            _t(r.role),
            _t(r.stage or "", "dim"),
            _t(r.outcome, OUTCOME_STYLE.get(r.outcome, "")),
        )
    return table


def summary_line(count: int, total: int) -> Text:
    noun = "reflection" if total == 1 else "reflections"
    shown = f"{count} of {total} {noun}" if count != total else f"{total} {noun}"
    return Text(shown, style="dim")


def reflection_detail(entry: Entry) -> Group:
    """Everything in one reflection, grouped the way it was asked for."""
    r: Reflection = entry.reflection
    parts: list = []
    title = Text()
    title.append(neutral(r.company), style="bold")
    title.append(" \u2014 ")
    title.append(neutral(r.role), style="bold")
    parts.append(title)
    facts = [r.date.isoformat(), r.stage or "", r.format or "", Text(r.outcome, OUTCOME_STYLE.get(r.outcome, ""))]
    shown = [fact if isinstance(fact, Text) else Text(str(fact)) for fact in facts if fact]
    parts.append(Text("  ") + Text("  \u00b7  ", style="dim").join(shown))
    parts.append(_t(f"  {entry.id}   {entry.path}", "dim"))

    def field(label: str, value: object) -> None:
        if value in (None, "", []):
            return
        parts.append(Text(""))
        parts.append(Text(label, style="bold cyan"))
        for item in value if isinstance(value, list) else [value]:
            parts.append(Text("  \u2022 ") + _t(item))

    ratings = [f"{name} {getattr(r.ratings, name)}/5" for name in ("preparation", "confidence", "performance", "fit", "mood") if getattr(r.ratings, name) is not None]
    field("Ratings", "   ".join(ratings) if ratings else None)
    field("Interviewers", r.interviewers)
    field("Tags", ", ".join(r.tags) if r.tags else None)
    field("Went well", r.went_well)
    field("Went wrong", r.went_wrong)
    field("Lacked", [f"{g.kind}: {g.detail}" if g.detail else str(g.kind) for g in r.gaps])
    questions = []
    for q in r.questions:
        bits = [q.kind.value, "stumped" if q.stumped else "", f"answer {q.answer_rating}/5" if q.answer_rating else ""]
        text = f"{q.text}  ({', '.join(b for b in bits if b)})"
        if q.better_answer:
            text += f"\n    better: {q.better_answer}"
        questions.append(text)
    field("Questions", questions)
    fb = r.feedback
    fb_bits = [fb.status.value]
    if fb.requested_on:
        fb_bits.append(f"requested {fb.requested_on}")
    if fb.received_on:
        fb_bits.append(f"received {fb.received_on}")
    if fb.source:
        fb_bits.append(f"from {fb.source}")
    field("Feedback", [", ".join(fb_bits)] + ([fb.text] if fb.text else []))
    prep = []
    if r.prep.hours is not None:
        prep.append(f"{r.prep.hours:g} hours")
    prep += r.prep.activities
    if r.prep.notes:
        prep.append(r.prep.notes)
    field("Preparation", prep)
    field("Fit", r.fit_notes)
    field("Lessons", r.lessons)
    field("Next steps", r.next_steps)
    return Group(*parts)
