"""Turning what the user typed (flags, prompts, a file) into reflection data.

The same readers serve the flags of ``reflect log`` and its guided questions, so
that both accept the same ways of writing a stage ("on site"), a format ("zoom"),
an outcome ("no reply"), a number of hours ("about 4") or a ``KIND:TEXT`` pair,
and refuse the same things with the same message.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Any

from reflect.errors import UsageError
from reflect.vocab import Format, GapKind, Outcome, QuestionKind, Stage

REQUIRED = ("company", "role", "date")

# Other ways people write each value, keyed by the squashed form (lowercase, no spaces or dashes).
STAGE_WORDS = {
    "recruiter": "recruiter-screen", "recruiterscreen": "recruiter-screen", "recruitercall": "recruiter-screen",
    "hr": "recruiter-screen", "hrscreen": "recruiter-screen", "screen": "phone-screen", "screening": "phone-screen",
    "phonescreen": "phone-screen", "phoneinterview": "phone-screen", "phone": "phone-screen", "call": "phone-screen",
    "tech": "technical", "techscreen": "technical", "technicalscreen": "technical", "coding": "technical",
    "codinginterview": "technical", "livecoding": "technical", "takehome": "take-home", "homework": "take-home",
    "assignment": "take-home", "exercise": "take-home", "onsite": "onsite", "onsites": "onsite",
    "virtualonsite": "onsite", "loop": "onsite", "superday": "onsite",
    "final": "final", "finalround": "final", "last": "final", "lastround": "final", "other": "other",
}
FORMAT_WORDS = {
    "inperson": "in-person", "person": "in-person", "onsite": "in-person", "office": "in-person",
    "atoffice": "in-person", "face2face": "in-person", "facetoface": "in-person", "f2f": "in-person",
    "video": "video", "videocall": "video", "zoom": "video", "teams": "video", "msteams": "video",
    "meet": "video", "googlemeet": "video", "hangouts": "video", "webex": "video", "skype": "video",
    "remote": "video", "online": "video", "virtual": "video", "phone": "phone", "phonecall": "phone",
    "call": "phone", "telephone": "phone", "async": "async", "asynchronous": "async", "recorded": "async",
    "hirevue": "async", "oneway": "async",
}
OUTCOME_WORDS = {
    "pending": "pending", "waiting": "pending", "unknown": "pending", "dontknow": "pending", "notyet": "pending",
    "tbd": "pending", "advanced": "advanced", "passed": "advanced", "nextround": "advanced", "movedon": "advanced",
    "movedforward": "advanced", "through": "advanced", "progressed": "advanced", "offer": "offer",
    "gotoffer": "offer", "gotanoffer": "offer", "offered": "offer", "hired": "offer", "rejected": "rejected",
    "reject": "rejected", "rejection": "rejected", "no": "rejected", "turneddown": "rejected", "failed": "rejected",
    "withdrew": "withdrew", "withdrawn": "withdrew", "withdraw": "withdrew", "pulledout": "withdrew",
    "ghosted": "ghosted", "ghost": "ghosted", "noreply": "ghosted", "noresponse": "ghosted",
    "noanswer": "ghosted", "silence": "ghosted", "neverheardback": "ghosted",
}
KIND_WORDS = {
    "behavioural": "behavioral", "behaviour": "behavioral", "behavior": "behavioral", "design": "system-design", "sd": "system-design",
    "sysdesign": "system-design", "algorithms": "coding", "algorithm": "coding", "algo": "coding",
    "leetcode": "coding", "culturefit": "culture", "fit": "culture", "aboutyou": "about-me", "me": "about-me",
}
GAP_WORDS = {"culturefit": "culture", "fit": "culture", "prep": "preparation", "communication": "delivery"}

STAGES = [s.value for s in Stage]
FORMATS = [f.value for f in Format]
OUTCOMES = [o.value for o in Outcome]
GAP_KINDS = [k.value for k in GapKind]
QUESTION_KINDS = [k.value for k in QuestionKind]


def squash(text: str) -> str:
    """``"On-Site "`` -> ``"onsite"``: the form every reader compares."""
    return re.sub(r"[\s_\-./']+", "", text.strip().lower())


def read_choice(text: str, choices: list[str], words: dict[str, str] | None = None, example: str = "") -> str:
    """One of ``choices``, however it is written: exactly, another usual word, or a unique start."""
    key = squash(text)
    by_key = {squash(c): c for c in choices}
    found = by_key.get(key) or (words or {}).get(key)
    if found is None and len(key) >= 2:
        starts = {c for k, c in by_key.items() if k.startswith(key)}
        starts |= {c for k, c in (words or {}).items() if k.startswith(key) and len(key) >= 3}
        found = starts.pop() if len(starts) == 1 else None
    if found is None:
        raise ValueError(f"{text.strip()!r} is not one of {', '.join(choices)}" + (f" (for example {example})" if example else ""))
    return found


def read_stage(text: str) -> str:
    # "technical interview", "final round": the stage, with the word for what a stage is
    bare = re.sub(r"[\s_\-]*(?:interviews?|rounds?|stage)$", "", text.strip(), flags=re.IGNORECASE)
    return read_choice(bare or text, STAGES, STAGE_WORDS, "'on site' or 'phone screen'")


def read_format(text: str) -> str:
    return read_choice(text, FORMATS, FORMAT_WORDS, "'zoom' or 'in person'")


def read_outcome(text: str) -> str:
    return read_choice(text, OUTCOMES, OUTCOME_WORDS, "'rejected' or 'no reply'")


_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "twenty": 20, "half": 0.5, "a couple": 2, "couple": 2,
                 "a few": 3, "few": 3}
_HEDGES = r"^(?:about|around|roughly|approx(?:imately|\.)?|maybe|perhaps|nearly|almost|over|under|some|~|c\.|ca\.)\s*"
_NUMBER = r"(\d+(?:[.,]\d+)?|a couple|a few|couple|few|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|half)"


def read_hours(text: str) -> float:
    """Hours, as people write them: ``4``, ``4.5``, ``about 4``, ``4h``, ``1h30``, ``90 min``, ``2-3``."""
    answer = re.sub(_HEDGES, "", text.strip().lower()).strip().rstrip("?.!").strip()
    answer = re.sub(r"\s+(?:or so|ish)$|ish$", "", answer).strip()
    answer = {"half an hour": "0.5", "half hour": "0.5"}.get(answer, answer)
    pattern = (
        rf"^{_NUMBER}(?:\s*(?:-|to)\s*{_NUMBER})?\s*(h|hrs?|hours?|m|mins?|minutes?)?"
        r"(?:\s*(?:and\s*)?(\d+)\s*(?:m|mins?|minutes?)?)?$"
    )
    match = re.match(pattern, answer)
    if not match:
        raise ValueError(f"{text.strip()!r} is not a number of hours: write it like 4, 4.5, about 4, 4h or 90 min")
    low, high, unit, extra_minutes = match.groups()
    value = _number(low) if high is None else (_number(low) + _number(high)) / 2
    if unit and unit.startswith("m"):
        value /= 60
    if extra_minutes:
        value += int(extra_minutes) / 60
    return round(float(value), 2)


def _number(word: str) -> float:
    return float(_NUMBER_WORDS[word]) if word in _NUMBER_WORDS else float(word.replace(",", "."))


def read_rating(text: str) -> int:
    """A rating from 1 to 5: ``4``, ``4/5``, ``4 out of 5``, ``four``."""
    answer = re.sub(r"\s*(?:/|out of|of)\s*5$", "", text.strip().lower())
    answer = str(_NUMBER_WORDS.get(answer, answer)) if answer not in {"a", "an", "half"} else answer
    if answer not in {"1", "2", "3", "4", "5"}:
        raise ValueError(f"{text.strip()!r} is not a rating: a whole number from 1 (poor) to 5 (great), like 3")
    return int(answer)


def split_kind(value: str, kinds: list[str], words: dict[str, str], *, required: bool) -> tuple[str | None, str]:
    """``"system design: Design X"`` -> ``("system-design", "Design X")``.

    A leading word that is almost a known kind ("skills", "systm-design") is refused
    with a suggestion rather than kept as text; without a kind, ``(None, value)``.
    """
    head, sep, rest = value.partition(":")
    if sep and rest.strip():
        key = squash(head)
        by_key = {squash(k): k for k in kinds}
        found = by_key.get(key) or words.get(key)
        if found:
            return found, rest.strip()
        close = difflib.get_close_matches(key, list(by_key), n=1, cutoff=0.75) if len(head.split()) <= 2 else []
        if close:
            raise ValueError(f"{head.strip()!r} is not a kind; did you mean {by_key[close[0]]!r}? (kinds: {', '.join(kinds)})")
    if required:
        raise ValueError(f"write KIND:TEXT with KIND one of {', '.join(kinds)} (for example skill:never used Kafka)")
    return None, value.strip()


def read_gap(value: str) -> str:
    """Check a ``KIND:DETAIL`` gap as a flag gives it; returns the kind."""
    return str(split_kind(value, GAP_KINDS, GAP_WORDS, required=True)[0])


def read_question(value: str) -> str:
    """Check a ``[KIND:]TEXT`` question as a flag gives it; returns its text."""
    text = split_kind(value, QUESTION_KINDS, KIND_WORDS, required=False)[1]
    if not text:
        raise ValueError("the question is empty")
    return text


def read_day(value: str) -> dt.date:
    from reflect.query import parse_day

    return parse_day(value)


def parse_gap(value: str) -> dict[str, str]:
    """``"skill:never used Kafka"`` -> ``{"kind": "skill", "detail": "never used Kafka"}``."""
    try:
        kind, detail = split_kind(value, GAP_KINDS, GAP_WORDS, required=True)
    except ValueError as error:
        raise UsageError(f"--gap {value!r}: {error}") from None
    return {"kind": str(kind), "detail": detail}


def parse_question(value: str, stumped: bool) -> dict[str, Any]:
    """A question, optionally prefixed by its kind: ``"system-design: Design a URL shortener"``."""
    try:
        kind, text = split_kind(value, QUESTION_KINDS, KIND_WORDS, required=False)
    except ValueError as error:
        raise UsageError(f"--{'stumped' if stumped else 'question'} {value!r}: {error}") from None
    if not text:
        raise UsageError(f"--{'stumped' if stumped else 'question'}: the question is empty")
    return {"text": text, "kind": kind, "stumped": stumped} if kind else {"text": text, "stumped": stumped}


def _flag(name: str, reader, value: Any) -> Any:  # type: ignore[no-untyped-def]
    try:
        return reader(str(value))
    except ValueError as error:
        raise UsageError(f"--{name.replace('_', '-')}: {error}") from None


def from_flags(values: dict[str, Any], today: dt.date | None = None) -> dict[str, Any]:
    """Reflection data from ``reflect log`` flags; flags left unset are left out."""
    from reflect.query import parse_day

    today = today or dt.date.today()
    data: dict[str, Any] = {}
    for key in ("company", "role", "fit_notes"):
        if values.get(key) is not None:
            data[key] = values[key]
    for key, reader in (("stage", read_stage), ("format", read_format), ("outcome", read_outcome)):
        if values.get(key) is not None:
            data[key] = _flag(key, reader, values[key])
    if values.get("date") is not None:
        day = values["date"]
        data["date"] = day if isinstance(day, dt.date) else _flag("date", lambda text: parse_day(text, today), day)
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
        data["prep"] = {"hours": _flag("prep_hours", read_hours, values["prep_hours"])}
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
