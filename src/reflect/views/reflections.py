"""Tables and panels of reflections. User text is always plain Text, never markup."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from reflect.models.entry import Entry
from reflect.models import Feedback, Reflection
from reflect.views.layout import GAP, Column, FitTable, Fitted, Unbroken, hanging, indented
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


def short_ids(ids: list[str], least: int = 12) -> dict[str, str]:
    """Each id cut to the shortest start that no other id shares (at least ``least``
    characters: the date and one more), which every command accepts as the id."""
    out = {}
    ordered = sorted(ids)
    for i, ident in enumerate(ordered):
        neighbours = [n for n in (ordered[i - 1] if i else None, ordered[i + 1] if i + 1 < len(ordered) else None) if n]
        size = max([least, *(_common(ident, n) + 1 for n in neighbours)])
        out[ident] = ident[:size]
    return out


def _common(a: str, b: str) -> int:
    size = 0
    for x, y in zip(a, b):
        if x != y:
            break
        size += 1
    return size


def reflection_table(entries: list[Entry]) -> Fitted:
    """One line per reflection: date, company, role, stage, outcome and id, laid out for the
    width it is printed at. Names are kept whole before anything else: when the whole id does
    not fit, a short unique start of it (see :func:`short_ids`); when that does not fit either,
    one column for both date and id (the short id starts with the date); then the stage is cut
    before the company or role."""
    short = short_ids([e.id for e in entries])

    def build(width: int) -> FitTable:
        for table in (_table(entries, None), _table(entries, short)):
            if _natural(table) <= width:
                return table
        return _table(entries, short, dated=True)

    return Fitted(build)


def _natural(table: FitTable) -> int:
    return sum(table._widest) + GAP * (len(table.columns) - 1)


def _table(entries: list[Entry], short: dict[str, str] | None, dated: bool = False) -> FitTable:
    """The table; ``dated``: one column for the date and the short id, which starts with it."""
    columns = [
        Column("date/id" if dated else "date", "key" if dated else "fixed"),
        Column("company", "cut", min_width=20),
        Column("role", "cut", min_width=26),
        Column("stage", "cut", drop=3, min_width=6),
        Column("outcome", drop=2),
        Column("id", "key", drop=1),
    ]
    if dated:
        columns.pop()
    rows = []
    for entry in entries:
        r = entry.reflection
        ident = entry.id if short is None else short[entry.id]
        rows.append([
            _t(ident, "cyan") if dated else _t(r.date.isoformat()),
            _t(r.company),
            _t(r.role),
            _t(r.stage or "", "dim"),
            _t(r.outcome, OUTCOME_STYLE.get(r.outcome, "")),
            _t(ident, "cyan"),
        ][: 5 if dated else 6])  # fmt: skip
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
    outcome = Text(r.outcome, OUTCOME_STYLE.get(r.outcome, ""))
    if r.outcome_on is not None:
        outcome.append(f" on {r.outcome_on.isoformat()}")
    facts = [r.date.isoformat(), r.stage or "", r.format or "", outcome]
    if r.application:
        facts.append(Text(f"application {neutral(r.application)}", "dim"))
    shown = [fact if isinstance(fact, Text) else Text(str(fact)) for fact in facts if fact]
    parts.append(indented(Text("  \u00b7  ", style="dim").join(shown), 2))
    parts.append(Unbroken(neutral(entry.id), "cyan", indent=2))  # whole, to be copied, at any width
    parts.append(Unbroken(neutral(str(entry.path)), "dim", indent=2))

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
