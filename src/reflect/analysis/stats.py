"""Numbers across the journal: outcomes by stage, ratings by outcome, ratings over time."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from reflect.models.entry import Entry
from reflect.vocab import RATING_NAMES, Outcome, Stage

NO_STAGE = "unknown"


@dataclass
class OutcomeAverages:
    count: int = 0
    preparation: float | None = None
    confidence: float | None = None
    prep_hours: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "preparation": _round(self.preparation),
            "confidence": _round(self.confidence),
            "prep_hours": _round(self.prep_hours),
        }


@dataclass
class Stats:
    total: int = 0
    first: str | None = None
    last: str | None = None
    outcomes: dict[str, int] = field(default_factory=dict)
    by_stage: dict[str, dict[str, int]] = field(default_factory=dict)
    by_outcome: dict[str, OutcomeAverages] = field(default_factory=dict)
    months: list[str] = field(default_factory=list)
    ratings_over_time: dict[str, list[float | None]] = field(default_factory=dict)
    #: Applications (analysis/applications.py) by their current outcome (their latest round's).
    applications: dict[str, int] = field(default_factory=dict)
    #: Per stage: rounds, rounds passed (advanced, an offer, or a later round followed), rounds decided.
    pass_rates: dict[str, tuple[int, int, int]] = field(default_factory=dict)

    @property
    def application_count(self) -> int:
        return sum(self.applications.values())

    @property
    def offer_rate(self) -> float | None:
        """Applications that reached an offer, of all applications."""
        return self.applications.get("offer", 0) / self.application_count if self.application_count else None

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "rounds": self.total,
            "applications": {
                "count": self.application_count,
                "outcomes": self.applications,
                "offer_rate": _round(self.offer_rate),
                "pass_rate_by_stage": {
                    stage: {"rounds": n, "passed": passed, "decided": decided, "rate": _round(passed / decided) if decided else None}
                    for stage, (n, passed, decided) in self.pass_rates.items()
                },
            },
            "first": self.first,
            "last": self.last,
            "outcomes": self.outcomes,
            "by_stage": self.by_stage,
            "by_outcome": {k: v.to_json() for k, v in self.by_outcome.items()},
            "ratings_over_time": {
                "months": self.months,
                **{name: [_round(v) for v in values] for name, values in self.ratings_over_time.items()},
            },
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _months(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    out = []
    while (year, month) <= end:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def compute(entries: Iterable[Entry]) -> Stats:
    """Counts and averages over the entries; empty groups are left out, never shown as zero."""
    ordered = sorted(entries, key=lambda e: (e.reflection.date, e.id))
    stats = Stats(total=len(ordered))
    if not ordered:
        return stats
    stats.first, stats.last = ordered[0].reflection.date.isoformat(), ordered[-1].reflection.date.isoformat()
    for outcome in Outcome:
        matching = [e.reflection for e in ordered if e.reflection.outcome == outcome]
        if not matching:
            continue
        stats.outcomes[outcome.value] = len(matching)
        stats.by_outcome[outcome.value] = OutcomeAverages(
            count=len(matching),
            preparation=_mean([r.ratings.preparation for r in matching if r.ratings.preparation is not None]),
            confidence=_mean([r.ratings.confidence for r in matching if r.ratings.confidence is not None]),
            prep_hours=_mean([r.prep.hours for r in matching if r.prep.hours is not None]),
        )
    for stage in [*(s.value for s in Stage), NO_STAGE]:
        counts: dict[str, int] = {}
        for outcome in Outcome:
            n = sum(
                1
                for e in ordered
                if (e.reflection.stage.value if e.reflection.stage else NO_STAGE) == stage and e.reflection.outcome == outcome
            )
            if n:
                counts[outcome.value] = n
        if counts:
            stats.by_stage[stage] = counts
    _applications(stats, ordered)
    stats.months = _months(stats.first, stats.last)
    for name in RATING_NAMES:
        per_month: dict[str, list[float]] = {}
        for e in ordered:
            value = getattr(e.reflection.ratings, name)
            if value is not None:
                per_month.setdefault(e.reflection.date.isoformat()[:7], []).append(value)
        if per_month:
            stats.ratings_over_time[name] = [_mean(per_month.get(m, [])) for m in stats.months]
    return stats


def _applications(stats: Stats, ordered: list[Entry]) -> None:
    """Counts per application, where a rate means most: the offer rate per application (a
    round passed is not an offer) and the pass rate per stage (per round)."""
    from reflect.analysis.applications import group, pass_rates

    apps = group(ordered)
    for outcome in Outcome:
        n = sum(1 for a in apps if a.outcome == outcome)
        if n:
            stats.applications[outcome.value] = n
    order = [*(s.value for s in Stage), NO_STAGE]
    rates = sorted(pass_rates(apps), key=lambda r: order.index(r.stage) if r.stage in order else len(order))
    stats.pass_rates = {r.stage: (r.rounds, r.passed, r.decided) for r in rates}
