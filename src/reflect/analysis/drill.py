"""Drilling the questions that stumped the user, with spaced repetition.

The drill bank is every question marked ``stumped`` or answered with a rating of
2 or less, across the journal. A question is known by a *key*: a hash of its
normalised text (case, punctuation and spacing do not matter), so the schedule
survives new reflections, edits elsewhere in a file and the same question asked
again at another company.

The schedule lives in ``<data>/state/drill.toml``. The rule (documented in
docs/next.md) is Leitner-like: after a self-rating of

* 1 or 2: again tomorrow (interval 1 day);
* 3: in 3 days;
* 4: twice the previous interval, at least 4 days;
* 5: three times the previous interval, at least 7 days;

never more than :data:`MAX_INTERVAL` days, so weak answers come back soonest.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from reflect.errors import ReflectError
from reflect.models.state import MAX_INTERVAL, BadDrillState, CardState, DrillState, Review, next_interval, schedule  # noqa: F401 - the rule, with the state it updates
from reflect.models.entry import Entry
from reflect.vocab import QuestionKind

WEAK_RATING = 2

_WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    """The words of a question, lowercased, without punctuation: what its key is made from."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("\u2019", "").replace("'", "")
    return " ".join(_WORD.findall(text))


def question_key(text: str) -> str:
    """A stable key for a question: the same words give the same key."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:16]


# --- the bank ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """One interview where a drilled question was asked."""

    id: str
    date: dt.date
    company: str
    stage: str | None
    stumped: bool
    rating: int | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date.isoformat(),
            "company": self.company,
            "stage": self.stage,
            "stumped": self.stumped,
            "answer_rating": self.rating,
        }


@dataclass
class Card:
    """A question to drill: its latest wording, kind and better answer, and where it came from."""

    key: str
    text: str
    kind: str
    better_answer: str | None
    sources: list[Source] = field(default_factory=list)  # newest first

    @property
    def weakest_rating(self) -> int:
        """The lowest answer rating in the journal (a stumped question without one counts as 1)."""
        ratings = [s.rating if s.rating is not None else 1 for s in self.sources]
        return min(ratings) if ratings else 1


def drill_bank(entries: Iterable[Entry], kind: str | None = None) -> list[Card]:
    """Every stumped or weakly answered question, one card per key, newest wording first."""
    ordered = sorted(entries, key=lambda e: (e.reflection.date, e.id), reverse=True)
    cards: dict[str, Card] = {}
    for entry in ordered:
        r = entry.reflection
        for question in r.questions:
            weak = question.answer_rating is not None and question.answer_rating <= WEAK_RATING
            if not (question.stumped or weak):
                continue
            key = question_key(question.text)
            card = cards.get(key)
            if card is None:
                card = cards[key] = Card(key, question.text, str(question.kind), None)
            elif card.kind == QuestionKind.OTHER and question.kind != QuestionKind.OTHER:
                card.kind = str(question.kind)
            if card.better_answer is None and question.better_answer and question.better_answer.strip():
                card.better_answer = question.better_answer
            stage = str(r.stage) if r.stage is not None else None
            card.sources.append(Source(entry.id, r.date, r.company, stage, question.stumped, question.answer_rating))
    result = list(cards.values())
    if kind is not None:
        result = [c for c in result if c.kind == str(kind)]
    return result


# --- the schedule -----------------------------------------------------------------------


# --- what is due ------------------------------------------------------------------------


@dataclass
class Due:
    card: Card
    state: CardState | None
    due: dt.date

    @property
    def new(self) -> bool:
        return self.state is None

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.card.key,
            "text": self.card.text,
            "kind": self.card.kind,
            "due": self.due.isoformat(),
            "new": self.new,
            "interval": self.state.interval if self.state else None,
            "last_rating": self.state.last_rating if self.state else None,
            "last_reviewed": self.state.last_reviewed.isoformat() if self.state and self.state.last_reviewed else None,
            "reviews": len(self.state.history) if self.state else 0,
            "better_answer": self.card.better_answer,
            "asked": [s.to_json() for s in self.card.sources],
        }


@dataclass
class Schedule:
    today: dt.date
    due: list[Due]
    upcoming: list[Due]

    def to_json(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "due": [d.to_json() for d in self.due],
            "upcoming": [d.to_json() for d in self.upcoming],
        }


def plan_schedule(cards: Iterable[Card], state: DrillState, today: dt.date) -> Schedule:
    """Split the bank into what is due today (new questions included) and what comes later.

    Due questions come oldest due date first, then weakest (last self-rating, else the
    rating in the journal); upcoming ones by date.
    """
    due: list[Due] = []
    upcoming: list[Due] = []
    for card in cards:
        saved = state.cards.get(card.key)
        when = saved.due if saved else today
        (due if when <= today else upcoming).append(Due(card, saved, when))

    def weakness(item: Due) -> int:
        return (item.state.last_rating or 1) if item.state else item.card.weakest_rating

    due.sort(key=lambda d: (d.due, weakness(d), -d.card.sources[0].date.toordinal(), d.card.key))
    upcoming.sort(key=lambda d: (d.due, weakness(d), d.card.key))
    return Schedule(today, due, upcoming)


def with_better_answer(reflection: Any, key: str, answer: str) -> tuple[Any, str | None]:
    """The reflection with ``answer`` as the better answer of the question(s) with ``key``,
    and the better answer it replaces (None if there was none)."""
    previous: str | None = None
    questions = []
    found = False
    for question in reflection.questions:
        if question_key(question.text) == key:
            found = True
            previous = previous or question.better_answer
            question = question.model_copy(update={"better_answer": answer})
        questions.append(question)
    if not found:
        raise ReflectError("that question is no longer in its reflection; the answer was not saved")
    return reflection.model_copy(update={"questions": questions}), previous
