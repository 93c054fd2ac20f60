"""Reflections as JSON, Markdown or CSV text, for backups, coaches and spreadsheets.

Pure functions from entries to text: no files, no terminal. JSON is lossless and
is what ``reflect import`` reads back; Markdown and CSV are for people.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable
from typing import Any

from reflect.models.entry import Entry
from reflect.models import Reflection
from reflect.views.safe import json_safe, neutral

EXPORT_KIND = "reflect-export"
EXPORT_VERSION = 1
FORMATS = ("json", "markdown", "csv")
REDACTED = "[interviewer]"

CSV_COLUMNS = (
    "id", "date", "company", "role", "stage", "format", "outcome", "outcome_on", "application", "interviewers", "tags",
    "preparation", "confidence", "performance", "fit", "mood",
    "went_well", "went_wrong", "gaps", "questions", "stumped_questions",
    "feedback_status", "feedback_requested_on", "feedback_received_on", "feedback_source", "feedback_text",
    "prep_hours", "prep_activities", "prep_notes", "fit_notes", "lessons", "next_steps",
    "confirmed_themes", "dismissed_themes",
)  # fmt: skip
LIST_SEPARATOR = "; "


def redact(reflection: Reflection) -> Reflection:
    """The reflection without interviewer names and feedback sources.

    Interviewer names (whole names, and each part of three letters or more) are
    also replaced in the free text, so "Dana seemed bored" does not give Dana away.
    """
    names = [n.strip() for n in reflection.interviewers if n.strip()]
    parts = {p for n in names for p in re.split(r"\s+", n) if len(p) >= 3}
    words = sorted({*names, *parts}, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)") if words else None

    def scrub(value: Any) -> Any:
        if isinstance(value, str):
            return pattern.sub(REDACTED, value) if pattern else value
        if isinstance(value, list):
            return [scrub(v) for v in value]
        if isinstance(value, dict):
            return {k: scrub(v) for k, v in value.items()}
        return value

    data = reflection.to_data()
    data.pop("interviewers", None)
    data.get("feedback", {}).pop("source", None)
    return Reflection.model_validate(scrub(data))


def to_json(entries: list[Entry], exported_on: dt.date | None = None) -> str:
    """One JSON document: ``{"format": "reflect-export", "reflections": [{"id": ..., ...}]}``."""
    document = {
        "format": EXPORT_KIND,
        "version": EXPORT_VERSION,
        "exported_on": (exported_on or dt.date.today()).isoformat(),
        "count": len(entries),
        "reflections": [{"id": e.id, **e.reflection.to_json_data()} for e in entries],
    }
    return json_safe(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!~])")


def md(text: object) -> str:
    """User text made inert in Markdown: specials escaped, line starts that would
    turn into lists or headings neutralised, control characters made visible."""
    escaped = _MD_SPECIAL.sub(r"\\\1", neutral(str(text)))
    lines = [re.sub(r"^(\s*)([-+=]|\d+[.)])(?=\s|$)", lambda m: m.group(1) + "\\" + m.group(2), ln) for ln in escaped.split("\n")]
    return "  \n".join(ln.strip() for ln in lines)


def to_markdown(entries: list[Entry], exported_on: dt.date | None = None) -> str:
    """One section per interview, oldest first, readable by a coach."""
    when = (exported_on or dt.date.today()).isoformat()
    noun = "interview" if len(entries) == 1 else "interviews"
    out = ["# Interview reflections", "", f"Exported from reflect on {when}: {len(entries)} {noun}.", ""]
    for entry in sorted(entries, key=lambda e: (e.reflection.date, e.id)):
        out += _markdown_section(entry)
    return "\n".join(out).rstrip("\n") + "\n"


def _markdown_section(entry: Entry) -> list[str]:
    r = entry.reflection
    lines = [f"## {r.date.isoformat()}: {md(r.company)}, {md(r.role)}", ""]
    facts = [f"**Outcome:** {r.outcome.value}" + (f" ({r.outcome_on.isoformat()})" if r.outcome_on else "")]
    if r.application:
        facts.append(f"**Application:** {md(r.application)}")
    if r.stage:
        facts.append(f"**Stage:** {r.stage.value}")
    if r.format:
        facts.append(f"**Format:** {r.format.value}")
    lines += [" · ".join(facts), "", f"*Id:* `{entry.id}`", ""]
    if r.interviewers:
        lines += [f"**Interviewers:** {', '.join(md(i) for i in r.interviewers)}", ""]
    if r.tags:
        lines += [f"**Tags:** {', '.join(md(t) for t in r.tags)}", ""]
    ratings = [f"{name} {value}/5" for name, value in r.ratings.model_dump().items() if value is not None]
    if ratings:
        lines += [f"**Ratings:** {', '.join(ratings)}", ""]

    def bullets(title: str, items: list[str]) -> None:
        if items:
            lines.extend([f"### {title}", "", *(f"- {item}" for item in items), ""])

    bullets("What went well", [md(x) for x in r.went_well])
    bullets("What went wrong", [md(x) for x in r.went_wrong])
    bullets("What I lacked", [f"{g.kind.value}" + (f": {md(g.detail)}" if g.detail else "") for g in r.gaps])
    questions = []
    for q in r.questions:
        notes = [q.kind.value] + (["stumped me"] if q.stumped else []) + ([f"my answer {q.answer_rating}/5"] if q.answer_rating else [])
        text = f"{md(q.text)} ({', '.join(notes)})"
        if q.better_answer:
            text += f"  \n  *Better answer:* {md(q.better_answer)}"
        questions.append(text)
    bullets("Questions", questions)
    fb = r.feedback
    status = [f"**Status:** {fb.status.value}"]
    status += [f"{label} on {day}" for label, day in (("requested", fb.requested_on), ("received", fb.received_on)) if day]
    status += [f"from {md(fb.source)}"] if fb.source else []
    lines += ["### Feedback", "", " · ".join(status), ""]
    if fb.text:
        lines += ["> " + md(fb.text).replace("  \n", "  \n> "), ""]
    prep = ([f"{r.prep.hours:g} hours"] if r.prep.hours is not None else []) + [md(a) for a in r.prep.activities]
    prep += [md(r.prep.notes)] if r.prep.notes else []
    bullets("Preparation", prep)
    if r.fit_notes:
        lines += ["### Fit", "", md(r.fit_notes), ""]
    bullets("Lessons", [md(x) for x in r.lessons])
    bullets("Next steps", [md(x) for x in r.next_steps])
    decided = [f"**{label}:** {', '.join(ids)}" for label, ids in (("Confirmed", r.themes.confirmed), ("Dismissed", r.themes.dismissed)) if ids]
    if decided:
        lines += ["### Themes", "", " · ".join(decided), ""]
    return lines


def csv_cell(value: object) -> str:
    """A cell a spreadsheet shows as text: a leading = + - @ would start a formula."""
    text = neutral("" if value is None else str(value))
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def csv_row(entry: Entry) -> dict[str, str]:
    r = entry.reflection

    def joined(items: list[str]) -> str:
        return LIST_SEPARATOR.join(items)

    row: dict[str, object] = {
        "id": entry.id, "date": r.date.isoformat(), "company": r.company, "role": r.role,
        "stage": r.stage.value if r.stage else "", "format": r.format.value if r.format else "",
        "outcome": r.outcome.value, "outcome_on": r.outcome_on, "application": r.application,
        "interviewers": joined(r.interviewers), "tags": joined(r.tags),
        **{name: value for name, value in r.ratings.model_dump().items()},
        "went_well": joined(r.went_well), "went_wrong": joined(r.went_wrong),
        "gaps": joined([f"{g.kind.value}: {g.detail}" if g.detail else g.kind.value for g in r.gaps]),
        "questions": joined([q.text for q in r.questions]),
        "stumped_questions": joined([q.text for q in r.questions if q.stumped]),
        "feedback_status": r.feedback.status.value, "feedback_requested_on": r.feedback.requested_on,
        "feedback_received_on": r.feedback.received_on, "feedback_source": r.feedback.source,
        "feedback_text": r.feedback.text,
        "prep_hours": f"{r.prep.hours:g}" if r.prep.hours is not None else "",
        "prep_activities": joined(r.prep.activities), "prep_notes": r.prep.notes,
        "fit_notes": r.fit_notes, "lessons": joined(r.lessons), "next_steps": joined(r.next_steps),
        "confirmed_themes": joined(r.themes.confirmed), "dismissed_themes": joined(r.themes.dismissed),
    }  # fmt: skip
    return {column: csv_cell(row[column]) for column in CSV_COLUMNS}


def to_csv(entries: list[Entry], exported_on: dt.date | None = None) -> str:
    """One row per interview, newest first; lists joined with ``"; "``."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for entry in entries:
        writer.writerow(csv_row(entry))
    return buffer.getvalue()


RENDERERS: dict[str, Callable[..., str]] = {"json": to_json, "markdown": to_markdown, "csv": to_csv}


def export_text(entries: list[Entry], fmt: str, *, redacted: bool = False, exported_on: dt.date | None = None) -> str:
    """The entries in the chosen format; with ``redacted``, without interviewer names and feedback sources."""
    if redacted:
        entries = [Entry(e.id, e.path, redact(e.reflection)) for e in entries]
    return RENDERERS[fmt](entries, exported_on)
