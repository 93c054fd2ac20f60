"""Tables and panels of reflections. User text is always plain Text, never markup."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from reflect.models.entry import Entry
from reflect.models import Feedback, Reflection
from reflect.views.layout import Column, FitTable, hanging, indented
from reflect.views.safe import neutral
from reflect.vocab import FeedbackStatus

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


def reflection_table(entries: list[Entry]) -> FitTable:
    """One line per reflection; the id is never split, company and role shrink first."""
    columns = [
        Column("id", "key"),
        Column("date", drop=1),  # the id starts with it
        Column("company", "cut", drop=4, min_width=12),
        Column("role", "cut", drop=3, min_width=12),
        Column("stage", drop=2),
        Column("outcome", drop=5),
    ]
    rows = []
    for entry in entries:
        r = entry.reflection
        rows.append([
            _t(entry.id, "cyan"),
            _t(r.date.isoformat()),
            _t(r.company),
            _t(r.role),
            _t(r.stage or "", "dim"),
            _t(r.outcome, OUTCOME_STYLE.get(r.outcome, "")),
        ])  # fmt: skip
    return FitTable(columns, rows)


def summary_line(count: int, total: int) -> Text:
    noun = "reflection" if total == 1 else "reflections"
    shown = f"{count} of {total} {noun}" if count != total else f"{total} {noun}"
    return Text(shown, style="dim")


def feedback_summary(feedback: Feedback) -> str:
    """Where feedback stands, each fact once: "requested on 2026-08-12, received on 2026-08-19, from recruiter"."""
    told_by_date = (feedback.status == FeedbackStatus.RECEIVED and feedback.received_on) or (
        feedback.status == FeedbackStatus.REQUESTED and feedback.requested_on
    )
    bits = [] if told_by_date else [feedback.status.value.replace("-", " ")]
    if feedback.requested_on:
        bits.append(f"requested on {feedback.requested_on}")
    if feedback.received_on:
        bits.append(f"received on {feedback.received_on}")
    if feedback.source:
        bits.append(f"from {feedback.source}")
    return ", ".join(bits)


def reflection_detail(entry: Entry) -> Group:
    """Everything in one reflection, grouped the way it was asked for. Wrapped lines keep their indent."""
    r: Reflection = entry.reflection
    parts: list[RenderableType] = []
    title = Text()
    title.append(neutral(r.company), style="bold")
    title.append(" \u2014 ")
    title.append(neutral(r.role), style="bold")
    parts.append(title)
    facts = [r.date.isoformat(), r.stage or "", r.format or "", Text(r.outcome, OUTCOME_STYLE.get(r.outcome, ""))]
    shown = [fact if isinstance(fact, Text) else Text(str(fact)) for fact in facts if fact]
    parts.append(indented(Text("  \u00b7  ", style="dim").join(shown), 2))
    parts.append(indented(_t(entry.id, "cyan"), 2))
    parts.append(indented(_t(str(entry.path), "dim"), 2))

    def field(label: str, value: object) -> None:
        if value in (None, "", []):
            return
        parts.append(Text(""))
        parts.append(Text(label, style="bold cyan"))
        for item in value if isinstance(value, list) else [value]:
            parts.append(hanging("\u2022 ", item if isinstance(item, Text) else _t(item), 2))

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
        text = _t(q.text) + _t(f"  ({', '.join(b for b in bits if b)})", "dim")
        if q.better_answer:
            text += _t(f"\nbetter: {q.better_answer}")
        questions.append(text)
    field("Questions", questions)
    fb = r.feedback
    field("Feedback", [feedback_summary(fb)] + ([fb.text] if fb.text else []))
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
    field("Themes", [f"{label}: {', '.join(ids)}" for label, ids in (("confirmed", r.themes.confirmed), ("dismissed", r.themes.dismissed)) if ids])
    return Group(*parts)
