"""Journal statistics as small terminal charts."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from reflect.analysis.stats import Stats
from reflect.views.charts import FULL, bar, sparkline
from reflect.views.reflections import OUTCOME_STYLE

BAR_WIDTH = 24


def _heading(title: str) -> Text:
    return Text("\n" + title, style="bold cyan")


def _stacked(counts: dict[str, int], scale: float) -> Text:
    text = Text()
    for outcome, n in counts.items():
        text.append(FULL * max(1, round(n * scale)), style=OUTCOME_STYLE.get(outcome, ""))
    return text


def stats_view(stats: Stats) -> Group:
    parts: list = [Text(f"{stats.total} interviews, {stats.first} to {stats.last}", style="bold")]
    parts.append(_heading("Outcomes by stage"))
    widest = max(sum(c.values()) for c in stats.by_stage.values())
    scale = min(1.0, BAR_WIDTH / widest)
    table = Table(box=None, show_header=False, pad_edge=False)
    for _ in range(3):
        table.add_column(no_wrap=True)
    for stage, counts in stats.by_stage.items():
        detail = ", ".join(f"{n} {outcome}" for outcome, n in counts.items())
        table.add_row(Text(stage), _stacked(counts, scale), Text(detail, style="dim"))
    parts.append(table)
    legend = Text("  ")
    for outcome in stats.outcomes:
        legend.append(FULL, style=OUTCOME_STYLE.get(outcome, ""))
        legend.append(f" {outcome}  ", style="dim")
    parts.append(legend)

    parts.append(_heading("Preparation and confidence by outcome (average, 1 to 5)"))
    table = Table(box=None, header_style="bold", pad_edge=False)
    for name in ("outcome", "n", "preparation", "confidence", "prep hours"):
        table.add_column(name, no_wrap=True, justify="right" if name in ("n", "prep hours") else "left")

    def rated(value: float | None) -> Text:
        if value is None:
            return Text("-", style="dim")
        return Text(bar(value, 5, 10).ljust(10), style="cyan") + Text(f" {value:.1f}")

    for outcome, avg in stats.by_outcome.items():
        hours = "-" if avg.prep_hours is None else f"{avg.prep_hours:.1f}"
        table.add_row(Text(outcome, OUTCOME_STYLE.get(outcome, "")), str(avg.count), rated(avg.preparation), rated(avg.confidence), hours)
    parts.append(table)

    if stats.ratings_over_time:
        parts.append(_heading(f"Ratings over time, by month ({stats.months[0]} to {stats.months[-1]})"))
        table = Table(box=None, show_header=False, pad_edge=False)
        for _ in range(3):
            table.add_column(no_wrap=True)
        for name, values in stats.ratings_over_time.items():
            known = [v for v in values if v is not None]
            change = f"{known[0]:.1f} \u2192 {known[-1]:.1f}" if len(known) > 1 else f"{known[0]:.1f}"
            table.add_row(Text(name), Text(sparkline(values), style="cyan"), Text(change, style="dim"))
        parts.append(table)
    return Group(*parts)
