"""Resilience: how mood and confidence move over time, and how long rejections weigh.

Definitions (also in docs/next.md):

* the *usual mood* is the median of every mood rating in the journal;
* after a rejection whose mood is below the usual mood, the *days to recover* are
  the days until the first later reflection (in date order) whose mood is back at
  the usual level or above; ``None`` while that has not happened yet;
* a rejection with a mood at or above the usual level needed no recovery (0 days);
  one without a mood rating cannot be measured (``None``);
* the trend is *down* when the mean of the recent moods (the last third, at least
  two) is at least half a point below the mean of the earlier ones (four moods or
  more are needed to say anything).

Nothing here judges: the words it produces are for the user alone.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reflect.models.entry import Entry

TREND_DROP = 0.5
MIN_MOODS_FOR_TREND = 4

GENTLE_LINE = (
    "Your mood has been lower lately ({recent:.1f} against {earlier:.1f} before). A search is hard on anyone: "
    "rest counts as progress, and one small step is enough for today."
)


@dataclass(frozen=True)
class Point:
    id: str
    date: dt.date
    company: str
    outcome: str
    mood: int | None
    confidence: int | None

    @property
    def rejection(self) -> bool:
        return self.outcome == "rejected"

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date.isoformat(),
            "company": self.company,
            "outcome": self.outcome,
            "mood": self.mood,
            "confidence": self.confidence,
            "rejection": self.rejection,
        }


@dataclass(frozen=True)
class Recovery:
    """One rejection and how long the mood took to come back."""

    id: str
    date: dt.date
    company: str
    mood: int | None
    status: str  # "not-affected", "recovered", "not-yet", "unknown"
    days: int | None
    recovered_on: dt.date | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date.isoformat(),
            "company": self.company,
            "mood": self.mood,
            "status": self.status,
            "days_to_recover": self.days,
            "recovered_on": self.recovered_on.isoformat() if self.recovered_on else None,
        }


@dataclass
class Resilience:
    series: list[Point]
    usual_mood: float | None
    recoveries: list[Recovery]
    trend: str  # "down", "steady", "up" or "unknown"
    recent_mood: float | None = None
    earlier_mood: float | None = None
    message: str | None = None
    mantras: list[str] = field(default_factory=list)

    @property
    def median_days_to_recover(self) -> float | None:
        days = [r.days for r in self.recoveries if r.status == "recovered" and r.days is not None]
        return statistics.median(days) if days else None

    def to_json(self) -> dict[str, Any]:
        return {
            "usual_mood": self.usual_mood,
            "series": [p.to_json() for p in self.series],
            "rejections": [r.to_json() for r in self.recoveries],
            "median_days_to_recover": self.median_days_to_recover,
            "trend": {"direction": self.trend, "recent_mood": _round(self.recent_mood), "earlier_mood": _round(self.earlier_mood)},
            "message": self.message,
            "mantras": self.mantras,
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def series(entries: Iterable[Entry]) -> list[Point]:
    """Every reflection as a point in time, oldest first."""
    ordered = sorted(entries, key=lambda e: (e.reflection.date, e.id))
    return [
        Point(e.id, e.reflection.date, e.reflection.company, str(e.reflection.outcome), e.reflection.ratings.mood, e.reflection.ratings.confidence)
        for e in ordered
    ]


def usual_mood(points: Sequence[Point]) -> float | None:
    moods = [p.mood for p in points if p.mood is not None]
    return float(statistics.median(moods)) if moods else None


def recoveries(points: Sequence[Point], usual: float | None) -> list[Recovery]:
    """Days to recover after each rejection (see the module's definitions)."""
    out = []
    for i, point in enumerate(points):
        if not point.rejection:
            continue
        if point.mood is None or usual is None:
            out.append(Recovery(point.id, point.date, point.company, point.mood, "unknown", None))
            continue
        if point.mood >= usual:
            out.append(Recovery(point.id, point.date, point.company, point.mood, "not-affected", 0, point.date))
            continue
        later = next((p for p in points[i + 1 :] if p.mood is not None and p.mood >= usual), None)
        if later is None:
            out.append(Recovery(point.id, point.date, point.company, point.mood, "not-yet", None))
        else:
            days = (later.date - point.date).days
            out.append(Recovery(point.id, point.date, point.company, point.mood, "recovered", days, later.date))
    return out


def trend(points: Sequence[Point]) -> tuple[str, float | None, float | None]:
    """``(direction, recent mean, earlier mean)`` of the moods, oldest first."""
    moods = [p.mood for p in points if p.mood is not None]
    if len(moods) < MIN_MOODS_FOR_TREND:
        return "unknown", None, None
    size = max(2, len(moods) // 3)
    recent, earlier = statistics.fmean(moods[-size:]), statistics.fmean(moods[:-size])
    if recent <= earlier - TREND_DROP:
        return "down", recent, earlier
    if recent >= earlier + TREND_DROP:
        return "up", recent, earlier
    return "steady", recent, earlier


def analyse(entries: Iterable[Entry], mantras: Sequence[str] = ()) -> Resilience:
    points = series(entries)
    usual = usual_mood(points)
    direction, recent, earlier = trend(points)
    message = GENTLE_LINE.format(recent=recent, earlier=earlier) if direction == "down" else None
    return Resilience(
        series=points,
        usual_mood=usual,
        recoveries=recoveries(points, usual),
        trend=direction,
        recent_mood=recent,
        earlier_mood=earlier,
        message=message,
        mantras=list(mantras) if direction == "down" else [],
    )


def resilience_json(entries: Iterable[Entry], mantras: Sequence[str] = ()) -> dict[str, Any]:
    """The ``resilience`` part of ``reflect stats --json``."""
    return analyse(entries, mantras).to_json()
