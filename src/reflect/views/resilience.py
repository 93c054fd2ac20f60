"""Mood and confidence over time, rejections marked, and how long each took to get over."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from reflect.analysis.resilience import Point, Resilience
from reflect.views.safe import neutral

BARS = " ▁▂▃▄▅▆▇█"
MISSING = "·"
REJECTION = "✗"


def spark(values: list[int | None]) -> str:
    """One character per reflection: a bar for a 1-5 rating, a dot when there is none."""
    return "".join(MISSING if v is None else BARS[min(8, max(1, round(v * 8 / 5)))] for v in values)


def _marks(points: list[Point]) -> str:
    return "".join(REJECTION if p.rejection else " " for p in points)


def resilience_view(report: Resilience, width: int = 60) -> RenderableType:
    points = report.series[-width:]
    if not any(p.mood is not None or p.confidence is not None for p in points):
        return Text("Resilience: no mood or confidence ratings yet (rate them when you log: --mood, --confidence).", "dim")
    chart = Table.grid(padding=(0, 1))
    chart.add_column(style="bold")
    chart.add_column()
    chart.add_row("mood", Text(spark([p.mood for p in points]), "cyan"))
    chart.add_row("confidence", Text(spark([p.confidence for p in points]), "magenta"))
    chart.add_row("rejections", Text(_marks(points), "red"))
    parts: list[RenderableType] = [Text("Mood and confidence over time", "bold"), chart]
    if report.usual_mood is not None:
        parts.append(Text(f"Your usual mood: {report.usual_mood:g}/5", "dim"))
    if report.recoveries:
        table = Table(box=None, header_style="bold", pad_edge=False, title="After each rejection", title_justify="left")
        for name in ("date", "company", "mood", "back to usual"):
            table.add_column(name, overflow="fold")
        for r in report.recoveries:
            table.add_row(r.date.isoformat(), Text(neutral(r.company)), "-" if r.mood is None else f"{r.mood}/5", _recovery(r.status, r.days))
        parts += [Text(""), table]
        median = report.median_days_to_recover
        if median is not None:
            parts.append(Text(f"Typically your mood came back within {median:g} days.", "dim"))
    if report.message:
        parts += [Text(""), Text(report.message, "yellow")]
        parts += [Text("  " + neutral(m), "italic") for m in report.mantras]
    return Group(*parts)


def _recovery(status: str, days: int | None) -> str:
    if status == "not-affected":
        return "stayed at your usual level"
    if status == "recovered":
        return "the same day" if days == 0 else ("after 1 day" if days == 1 else f"after {days} days")
    if status == "not-yet":
        return "not yet, and that is all right"
    return "no mood recorded"
