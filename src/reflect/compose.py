"""Turning what the user typed (flags, prompts, a file) into reflection data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from reflect.errors import UsageError
from reflect.vocab import GapKind, QuestionKind

REQUIRED = ("company", "role", "date")


def parse_gap(value: str) -> dict[str, str]:
    """``"skill:never used Kafka"`` -> ``{"kind": "skill", "detail": "never used Kafka"}``."""
    kind, sep, detail = value.partition(":")
    kinds = [k.value for k in GapKind]
    if not sep or kind.strip().lower() not in kinds:
        raise UsageError(f"--gap {value!r}: write KIND:DETAIL with KIND one of {', '.join(kinds)}")
    return {"kind": kind.strip().lower(), "detail": detail.strip()}


def parse_question(value: str, stumped: bool) -> dict[str, Any]:
    """A question, optionally prefixed by its kind: ``"system-design: Design a URL shortener"``."""
    kind, sep, rest = value.partition(":")
    kinds = {k.value for k in QuestionKind}
    if sep and kind.strip().lower() in kinds and rest.strip():
        return {"text": rest.strip(), "kind": kind.strip().lower(), "stumped": stumped}
    return {"text": value.strip(), "stumped": stumped}


def from_flags(values: dict[str, Any], today: dt.date | None = None) -> dict[str, Any]:
    """Reflection data from ``reflect log`` flags; flags left unset are left out."""
    from reflect.query import parse_day

    today = today or dt.date.today()
    data: dict[str, Any] = {}
    for key in ("company", "role", "stage", "format", "outcome", "fit_notes"):
        if values.get(key) is not None:
            data[key] = values[key]
    if values.get("date") is not None:
        try:
            data["date"] = parse_day(values["date"], today)
        except ValueError as error:
            raise UsageError(f"--date: {error}") from None
    for key, flag in (
        ("interviewers", "interviewer"),
        ("tags", "tag"),
        ("went_well", "went_well"),
        ("went_wrong", "went_wrong"),
        ("lessons", "lesson"),
        ("next_steps", "next_step"),
    ):
        if values.get(flag):
            data[key] = list(values[flag])
    gaps = [parse_gap(g) for g in values.get("gap") or []]
    if gaps:
        data["gaps"] = gaps
    questions = [parse_question(q, False) for q in values.get("question") or []]
    questions += [parse_question(q, True) for q in values.get("stumped") or []]
    if questions:
        data["questions"] = questions
    ratings = {
        name: values[flag]
        for name, flag in (
            ("preparation", "prep"),
            ("confidence", "confidence"),
            ("performance", "performance"),
            ("fit", "fit"),
            ("mood", "mood"),
        )
        if values.get(flag) is not None
    }
    if ratings:
        data["ratings"] = ratings
    if values.get("prep_hours") is not None:
        data["prep"] = {"hours": values["prep_hours"]}
    if values.get("feedback") is not None:
        # Feedback given on the command line has arrived; it is dated the interview's day.
        data["feedback"] = {
            "status": "received",
            "received_on": data.get("date", today),
            "text": values["feedback"],
        }
        if values.get("feedback_source"):
            data["feedback"]["source"] = values["feedback_source"]
    return data


def missing_required(data: dict[str, Any]) -> list[str]:
    return [key for key in REQUIRED if key not in data or data[key] in (None, "")]
