"""The question bank: every question asked across interviews, similar wordings grouped.

Two questions are the same question when their normalised words overlap enough:
lowercase, punctuation stripped, stop words dropped, the rest stemmed with
Snowball, then compared as sets (Jaccard similarity >= :data:`SIMILARITY`).
Grouping is greedy in interview order, so the result never depends on how files
happen to be listed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from reflect.analysis.text import stem
from reflect.models.entry import Entry

SIMILARITY = 0.6

# Small on purpose: words that say nothing about what a question is about.
STOP_WORDS = frozenset(
    """
    a an the i me my you your yours we our us he she it its they them their this that these those
    is are was were be been being am do does did done have has had having will would can could
    should shall may might must of to in on at by for with from into onto about as than then so
    and or but if how what which who whom whose when where why there here some any tell explain
    describe talk walk give us me please
    """.split()
)

_WORD = re.compile(r"[a-z0-9]+")
def key_words(text: str) -> frozenset[str]:
    """The stemmed content words of a question: what grouping compares."""
    # "co-worker" and "coworker", "what's" and "whats" are the same word.
    words = _WORD.findall(re.sub(r"['\u2019-]", "", text.lower()))
    return frozenset(stem(w) for w in words if w not in STOP_WORDS)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard similarity of two word sets (two empty sets are not similar)."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


@dataclass(frozen=True)
class Asked:
    """One time a question was asked."""

    id: str
    date: str
    company: str
    text: str
    kind: str
    stumped: bool
    rating: int | None
    better_answer: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date,
            "company": self.company,
            "text": self.text,
            "kind": self.kind,
            "stumped": self.stumped,
            "answer_rating": self.rating,
            "better_answer": self.better_answer,
        }


@dataclass
class QuestionGroup:
    """One question and every time it (or a similar wording) came up, oldest first."""

    asked: list[Asked] = field(default_factory=list)
    words: list[frozenset[str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The most recent wording."""
        return self.asked[-1].text

    @property
    def wordings(self) -> list[str]:
        seen: dict[str, None] = {}
        for item in reversed(self.asked):
            seen.setdefault(item.text, None)
        return list(seen)

    @property
    def count(self) -> int:
        return len(self.asked)

    @property
    def stumped(self) -> int:
        return sum(1 for a in self.asked if a.stumped)

    @property
    def kind(self) -> str:
        """The kind given most often; a specific kind wins over ``other`` on a tie."""
        counts = Counter(a.kind for a in self.asked)
        return max(counts, key=lambda k: (counts[k], k != "other", -_first_index(self.asked, k)))

    @property
    def ratings(self) -> list[tuple[str, int]]:
        """Answer ratings over time: ``(date, rating)``, oldest first."""
        return [(a.date, a.rating) for a in self.asked if a.rating is not None]

    @property
    def better_answer(self) -> str | None:
        """The most recent better answer written for it."""
        for item in reversed(self.asked):
            if item.better_answer:
                return item.better_answer
        return None

    @property
    def last_asked(self) -> str:
        return self.asked[-1].date

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "wordings": self.wordings,
            "kind": self.kind,
            "count": self.count,
            "stumped": self.stumped,
            "last_asked": self.last_asked,
            "ratings": [{"date": d, "rating": r} for d, r in self.ratings],
            "better_answer": self.better_answer,
            "asked": [a.to_json() for a in reversed(self.asked)],
        }


def _first_index(asked: list[Asked], kind: str) -> int:
    return next(i for i, a in enumerate(asked) if a.kind == kind)


def asked_questions(entries: Iterable[Entry]) -> list[Asked]:
    """Every question in the entries, oldest interview first."""
    ordered = sorted(entries, key=lambda e: (e.reflection.date, e.id))
    out = []
    for entry in ordered:
        r = entry.reflection
        for q in r.questions:
            out.append(
                Asked(entry.id, r.date.isoformat(), r.company, q.text, str(q.kind), q.stumped, q.answer_rating, q.better_answer)
            )
    return out


def group_questions(asked: Iterable[Asked], threshold: float = SIMILARITY) -> list[QuestionGroup]:
    """Similar wordings grouped; each question joins the group it is most similar to."""
    groups: list[QuestionGroup] = []
    exact: dict[str, int] = {}
    # Similar questions share a word, so only groups holding one of its words are compared.
    by_word: dict[str, set[int]] = {}
    for item in asked:
        words = key_words(item.text)
        norm = " ".join(_WORD.findall(item.text.lower()))
        best = exact.get(norm)
        if best is None:
            best_score = 0.0
            for index in sorted(set().union(*(by_word.get(w, set()) for w in words))):
                score = max(similarity(words, w) for w in groups[index].words)
                if score >= threshold and score > best_score:
                    best, best_score = index, score
        if best is None:
            best = len(groups)
            groups.append(QuestionGroup())
        groups[best].asked.append(item)
        groups[best].words.append(words)
        exact.setdefault(norm, best)
        for word in words:
            by_word.setdefault(word, set()).add(best)
    return groups


def question_bank(entries: Iterable[Entry], *, kind: str | None = None, stumped_only: bool = False) -> list[QuestionGroup]:
    """The question bank: stumped questions first, then the most asked, then the most recent."""
    groups = group_questions(asked_questions(entries))
    if kind is not None:
        groups = [g for g in groups if g.kind == kind]
    if stumped_only:
        groups = [g for g in groups if g.stumped]
    groups.sort(key=lambda g: g.text.lower())
    groups.sort(key=lambda g: g.last_asked, reverse=True)
    groups.sort(key=lambda g: (g.stumped == 0, -g.count))
    return groups
