"""A one-screen brief to read before the next interview, built from the user's own history.

Everything here is pure: :func:`build` takes the reflections and what the theme
engine and the plan found (:class:`Weakness` and the checklist) and returns a
:class:`Brief`. :func:`load_weaknesses` and :func:`load_checklist` are the
adapters to those engines; each returns None when the engine is not installed,
and the brief then says so instead of failing.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reflect.analysis.drill import Card, drill_bank
from reflect.models.entry import Entry, newest_first


# Which kinds of question each stage usually brings (documented in docs/next.md).
STAGE_KINDS: dict[str, tuple[str, ...]] = {
    "recruiter-screen": ("about-me", "culture", "behavioral"),
    "phone-screen": ("about-me", "behavioral", "culture"),
    "technical": ("technical", "coding"),
    "take-home": ("coding", "technical"),
    "onsite": ("system-design", "coding", "behavioral", "technical"),
    "final": ("behavioral", "culture", "about-me"),
}

RECENT = 6  # "in N of your last RECENT interviews"
MAX_PAST = 5
MAX_SIMILAR = 3
MAX_WEAKNESSES = 3
MAX_DRILL = 5

# One concrete reminder per core theme; {n} of your last {of} interviews showed it.
REMINDERS: dict[str, str] = {
    "conciseness": "answer in under two minutes, headline first: you ran long in {n} of your last {of}",
    "clarity": "state your point in one sentence, then one example: answers were unclear in {n} of your last {of}",
    "nerves-confidence": "breathe, slow down, and give yourself a moment before each answer: nerves showed in {n} of your last {of}",
    "technical-depth": "for each skill on your CV, have one deep example ready: depth was missing in {n} of your last {of}",
    "system-design": "clarify requirements and scale before drawing boxes: design questions hurt in {n} of your last {of}",
    "coding": "talk through your approach and test with an example before coding: coding slipped in {n} of your last {of}",
    "behavioral-stories": "use STAR with a number in the result: stories fell short in {n} of your last {of}",
    "preparation-research": "read their product, news and the job ad again tonight: preparation was thin in {n} of your last {of}",
    "enthusiasm": "say why this company, specifically, early on: enthusiasm was in doubt in {n} of your last {of}",
    "culture-fit": "tie one story to their stated values: fit was questioned in {n} of your last {of}",
    "questions-for-interviewer": "bring three questions about the team and the work: this came up in {n} of your last {of}",
    "salary-negotiation": "know your number and your range before they ask: pay talks went badly in {n} of your last {of}",
    "role-fit": "map your experience to the top three needs in the job ad: role fit came up in {n} of your last {of}",
    "attitude-professionalism": "be on time, stay positive about past employers: attitude came up in {n} of your last {of}",
}
GENERIC_REMINDER = "plan one concrete answer that shows you have worked on it: it came up in {n} of your last {of}"


@dataclass(frozen=True)
class Weakness:
    """A recurring weakness from the theme engine, with a reminder made from the numbers."""

    theme_id: str
    label: str
    count: int  # interviews among the last ``of_last`` that show it
    of_last: int
    reminder: str

    def to_json(self) -> dict[str, Any]:
        return {"theme": self.theme_id, "label": self.label, "count": self.count, "of_last": self.of_last, "reminder": self.reminder}


def reminder(theme_id: str, count: int, of_last: int) -> str:
    """The concrete one-line reminder for a theme: "answer in under two minutes: you ran long in 4 of your last 6"."""
    template = REMINDERS.get(theme_id, GENERIC_REMINDER)
    text = template.format(n=count, of=of_last)
    return text.replace(" of your last 1", " of your last interview") if of_last == 1 else text


@dataclass(frozen=True)
class Asked:
    text: str
    kind: str
    stumped: bool
    rating: int | None
    better_answer: str | None

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "kind": self.kind, "stumped": self.stumped, "answer_rating": self.rating, "better_answer": self.better_answer}


@dataclass(frozen=True)
class Past:
    """An earlier interview, as the brief shows it."""

    id: str
    date: dt.date
    company: str
    role: str
    stage: str | None
    outcome: str
    performance: int | None
    feedback: str | None
    feedback_status: str
    went_wrong: list[str]
    lessons: list[str]
    questions: list[Asked]

    @classmethod
    def of(cls, entry: Entry) -> Past:
        r = entry.reflection
        return cls(
            id=entry.id,
            date=r.date,
            company=r.company,
            role=r.role,
            stage=str(r.stage) if r.stage is not None else None,
            outcome=str(r.outcome),
            performance=r.ratings.performance,
            feedback=r.feedback.text,
            feedback_status=str(r.feedback.status),
            went_wrong=list(r.went_wrong),
            lessons=list(r.lessons),
            questions=[Asked(q.text, str(q.kind), q.stumped, q.answer_rating, q.better_answer) for q in r.questions],
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date.isoformat(),
            "company": self.company,
            "role": self.role,
            "stage": self.stage,
            "outcome": self.outcome,
            "performance": self.performance,
            "feedback": {"status": self.feedback_status, "text": self.feedback},
            "went_wrong": self.went_wrong,
            "lessons": self.lessons,
            "questions": [q.to_json() for q in self.questions],
        }


@dataclass
class Brief:
    company: str | None
    role: str | None
    stage: str | None
    analysed: int
    past: list[Past] = field(default_factory=list)  # this company, newest first
    similar: list[Past] = field(default_factory=list)  # other companies, same stage or similar role
    stage_kinds: tuple[str, ...] = ()
    drill: list[Card] = field(default_factory=list)
    weaknesses: list[Weakness] | None = None  # None: the theme engine is not available
    checklist: list[str] | None = None  # None: the plan is not available
    mantras: list[str] = field(default_factory=list)
    needs: list[str] = field(default_factory=list)  # what the journal lacks for a fuller brief

    @property
    def empty(self) -> bool:
        return self.analysed == 0

    def to_json(self) -> dict[str, Any]:
        return {
            "company": self.company,
            "role": self.role,
            "stage": self.stage,
            "analysed": self.analysed,
            "past_interviews": [p.to_json() for p in self.past],
            "similar_interviews": [p.to_json() for p in self.similar],
            "stage_kinds": list(self.stage_kinds),
            "stumped_questions": [
                {
                    "key": c.key,
                    "text": c.text,
                    "kind": c.kind,
                    "better_answer": c.better_answer,
                    "asked": [s.to_json() for s in c.sources],
                }
                for c in self.drill
            ],
            "weaknesses": None if self.weaknesses is None else [w.to_json() for w in self.weaknesses],
            "themes_available": self.weaknesses is not None,
            "checklist": self.checklist,
            "plan_available": self.checklist is not None,
            "mantras": self.mantras,
            "needs": self.needs,
        }


_WORD = re.compile(r"\w+")
_ROLE_NOISE = frozenset({"senior", "junior", "lead", "staff", "principal", "sr", "jr", "i", "ii", "iii", "the", "of", "and"})


def _role_words(role: str) -> set[str]:
    return {w for w in _WORD.findall(role.casefold()) if w not in _ROLE_NOISE}


def _words(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def same_company(name: str, wanted: str) -> bool:
    """``Acme`` matches ``Acme``, ``acme`` and ``Acme Corp`` (the wanted name's words, in order)."""
    have, want = _words(name), _words(wanted)
    return bool(want) and (have == want or f" {want} " in f" {have} ")


def similar_role(a: str, b: str) -> bool:
    wa, wb = _role_words(a), _role_words(b)
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= 0.5


def build(
    entries: Sequence[Entry],
    *,
    company: str | None = None,
    role: str | None = None,
    stage: str | None = None,
    weaknesses: list[Weakness] | None = None,
    checklist: list[str] | None = None,
    mantras: Sequence[str] = (),
) -> Brief:
    """The brief for an interview at ``company`` (any, if None) for ``role`` at ``stage``."""
    ordered = newest_first(entries)
    stage = str(stage) if stage is not None else None
    past_entries = [e for e in ordered if company and same_company(e.reflection.company, company)]
    if past_entries:
        # The name as the user wrote it in the journal, preferring an exact match.
        names = [e.reflection.company for e in past_entries]
        company = next((n for n in names if _words(n) == _words(company or "")), names[0])
        role = role or past_entries[0].reflection.role
    past_ids = {e.id for e in past_entries}
    others = [e for e in ordered if e.id not in past_ids]
    similar = [
        e
        for e in others
        if (stage is not None and e.reflection.stage == stage) or (role is not None and similar_role(e.reflection.role, role))
    ]
    kinds = STAGE_KINDS.get(stage or "", ())
    bank = drill_bank(ordered)
    chosen = [c for c in bank if not kinds or c.kind in kinds]
    # Questions first asked at this company come first, then those answered worst.
    chosen.sort(key=lambda c: (not any(s.id in past_ids for s in c.sources), c.weakest_rating, -c.sources[0].date.toordinal()))
    brief = Brief(
        company=company,
        role=role,
        stage=stage,
        analysed=len(ordered),
        past=[Past.of(e) for e in past_entries[:MAX_PAST]],
        similar=[Past.of(e) for e in similar[:MAX_SIMILAR]],
        stage_kinds=kinds,
        drill=chosen[:MAX_DRILL],
        weaknesses=None if weaknesses is None else weaknesses[:MAX_WEAKNESSES],
        checklist=checklist,
        mantras=list(mantras),
    )
    brief.needs = _needs(brief, ordered)
    return brief


def _needs(brief: Brief, ordered: Sequence[Entry]) -> list[str]:
    if not ordered:
        return [
            "Your journal is empty: a brief is made from your own reflections.",
            "After each interview, run `reflect log` (two minutes): the questions asked, what went wrong, "
            "the questions that stumped you and the feedback you get.",
        ]
    needs = []
    if brief.company and not brief.past:
        needs.append(f"No earlier interview with {brief.company} in your journal: this is a general brief.")
    if not any(r.reflection.questions for r in ordered):
        needs.append("No questions recorded yet: add them (`reflect edit`), marking the ones that stumped you.")
    if not any(e.reflection.feedback.text for e in ordered):
        needs.append("No feedback recorded yet: ask for it after every interview (`reflect feedback --pending`).")
    return needs


# --- adapters to the theme engine and the plan ----------------------------------------------


def _available(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def weaknesses_from_report(report: Any, entries: Sequence[Entry], recent: int = RECENT) -> list[Weakness]:
    """Turn a theme report (``reflect.analysis.themes.ThemeReport``) into weaknesses with reminders.

    Uses of each recurring theme (``report.themes``, ranked): ``id``, ``label``,
    ``count`` and ``interviews`` (the ids of the reflections that show it). The
    numbers are over the last ``recent`` interviews when the theme shows there,
    else over the whole journal.
    """
    last = [e.id for e in newest_first(entries)[:recent]]
    out = []
    for theme in report.themes:
        shown = set(theme.interviews)
        count, of_last = sum(1 for i in last if i in shown), len(last)
        if count == 0:
            count, of_last = theme.count, len(entries)
        out.append(Weakness(theme.id, theme.label, count, of_last, reminder(theme.id, count, of_last)))
    return out


def load_weaknesses(entries: Sequence[Entry], scans: dict[str, Any], taxonomy: Any) -> list[Weakness] | None:
    """The top recurring weaknesses from the theme engine, or None if it is not installed.

    ``scans``: each reflection's scan by id (see ``reflect.summaries.journal_themes``).
    """
    if not _available("reflect.analysis.themes") or not _available("reflect.analysis.taxonomy"):
        return None
    from reflect.analysis.themes import analyse

    report = analyse(list(entries), taxonomy, min_count=2, scans=scans)
    weaknesses = weaknesses_from_report(report, entries)
    if _available("reflect.analysis.plan"):
        # The same order as the plan's focus areas, so the two never disagree on "your top three".
        from reflect.analysis.plan import focus_inputs_from_report, rank

        order = {item.theme: n for n, (_, item) in enumerate(rank(focus_inputs_from_report(report), entries))}
        weaknesses.sort(key=lambda w: order.get(w.theme_id, len(order)))
    return weaknesses


def load_checklist(entries: Sequence[Entry]) -> list[str] | None:
    """The plan's pre-interview checklist (``reflect.analysis.plan.checklist(entries)``),
    or None if the plan is not installed."""
    if not _available("reflect.analysis.plan"):
        return None
    from reflect.analysis.plan import checklist

    return [str(item) for item in checklist(list(entries))]
