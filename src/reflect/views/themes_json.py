"""`reflect themes --json`: the report as JSON data (imports no rich: it is on the fast path).

Evidence is written as rows of a :class:`~reflect.views.jsontext.Table` (one format per
row, no dict each): a report at 10,000 reflections holds 100,000 pieces of evidence.
"""

from __future__ import annotations

from typing import Any

from reflect.analysis.themes import Evidence, ThemeReport, ThemeResult, distinct_quotes
from reflect.views.jsontext import Table


def report_json(report: ThemeReport) -> dict[str, Any]:
    return {
        "analysed": report.analysed,
        "skipped": report.skipped,
        "min_count": report.min_count,
        "months": report.months,
        "themes": [theme_json(t, quotes[t.id]) for quotes in [distinct_quotes(report.themes)] for t in report.themes],
        "possible": [{"id": theme_id, **_possible(evidence)} for theme_id, evidence in report.possible.items()],
        "emerging": [e.to_json() for e in report.emerging],
        "agreement": {"confirmed": report.agreement[0], "decided": report.agreement[1]},
    }


def possible_json(theme_id: str, label: str, evidence: list[Evidence]) -> dict[str, Any]:
    """A theme found only as possible: nothing counted, its evidence apart (as in the report)."""
    return {"id": theme_id, "label": label, "count": 0, "possible": _possible(evidence)}


def _possible(evidence: list[Evidence]) -> dict[str, Any]:
    return {"interviews": len({e.id for e in evidence}), "evidence": Table(Evidence._fields, evidence)}


def theme_json(result: ThemeResult, quote: Evidence | None = None) -> dict[str, Any]:
    """One theme; ``quote``: its quote in a report (by default its own best)."""
    quote = quote or result.best_quote()
    return {
        "id": result.id,
        "label": result.label,
        "description": result.description,
        "count": result.count,
        "confirmed": result.confirmed,
        "share": round(result.share, 4),
        "recurring": result.recurring,
        "interviews": result.interviews,
        "first_seen": result.first_seen,
        "last_seen": result.last_seen,
        "trend": {"months": result.months, "verdict": result.verdict},
        "outcome_contrast": {
            "rejected": {"count": result.rejected[0], "of": result.rejected[1], "share": _round(result.rejected_share)},
            "offer_or_advanced": {
                "count": result.succeeded[0],
                "of": result.succeeded[1],
                "share": _round(result.succeeded_share),
            },
            "difference": _round(result.contrast),
            "rejections_only": result.rejections_only,
        },
        "stages": result.stages,
        "best_quote": quote.to_json() if quote else None,
        "actions": result.actions,
        "evidence": Table(Evidence._fields, result.evidence),
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
