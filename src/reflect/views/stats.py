"""Journal statistics as small terminal charts, readable without colour and in a narrow terminal."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from reflect.analysis.stats import OutcomeAverages, Stats
from reflect.views.charts import bar, sparkline
from reflect.views.layout import Fitted, indented
from reflect.views.reflections import OUTCOME_STYLE

BAR_WIDTH = 24
# One letter per outcome, so that a stacked bar reads without colour: "rraaa".
MARK = {"pending": "p", "advanced": "a", "offer": "o", "rejected": "r", "withdrew": "w", "ghosted": "g"}
RATED_WIDTH = 14  # a 10-cell bar and " 4.2"


def _mark(outcome: str) -> str:
    return MARK.get(outcome, outcome[:1] or "?")


def _bar_style(outcome: str) -> str:
    return f"{OUTCOME_STYLE.get(outcome, '')} reverse".strip()


def _heading(title: str) -> Text:
    return Text("\n" + title, style="bold cyan")


def _stacked(counts: dict[str, int], scale: float) -> Text:
    text = Text()
    for outcome, n in counts.items():
        text.append(_mark(outcome) * max(1, round(n * scale)), style=_bar_style(outcome))
    return text


def _by_stage(stats: Stats, width: int) -> RenderableType:
    """Stage, a stacked bar of outcome letters, and the counts in words (wrapped when narrow)."""
    stage_width = max(len(stage) for stage in stats.by_stage)
    widest = max(sum(c.values()) for c in stats.by_stage.values())
    detail_room = width - stage_width - 4 - min(widest, BAR_WIDTH)
    with_detail = detail_room >= 12  # otherwise the letters and the legend say it all
    room = max(4, min(BAR_WIDTH, width - stage_width - (4 + 12 if with_detail else 2)))
    scale = min(1.0, room / widest)
    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column(no_wrap=True, overflow="ellipsis")
    table.add_column(no_wrap=True)
    if with_detail:
        table.add_column()
    for stage, counts in stats.by_stage.items():
        detail = ", ".join(f"{n} {outcome}" for outcome, n in counts.items())
        cells = [Text(stage), _stacked(counts, scale), Text(detail, style="dim")]
        table.add_row(*cells[: 3 if with_detail else 2])
    legend = Text(" ").join(
        Text.assemble(Text(_mark(outcome), style=_bar_style(outcome)), Text(f"={outcome}", style="dim")) for outcome in stats.outcomes
    )
    return Group(table, indented(legend, 2))


def _by_outcome(stats: Stats, width: int) -> Table:
    """Average preparation and confidence per outcome: bars when there is room, numbers always."""
    outcome_width = max(len("outcome"), *(len(o) for o in stats.by_outcome))
    count_width = max(1, *(len(str(a.count)) for a in stats.by_outcome.values()))
    with_bars = outcome_width + count_width + 2 * RATED_WIDTH + len("prep hours") + 4 * 2 <= width
    names = ("outcome", "n", "preparation", "confidence", "prep hours") if with_bars else ("outcome", "n", "prep", "conf", "hours")
    table = Table(box=None, header_style="bold", pad_edge=False)
    for name in names:
        table.add_column(name, no_wrap=True, justify="left" if name == "outcome" or (with_bars and name in ("preparation", "confidence")) else "right")

    def rated(value: float | None) -> Text:
        if value is None:
            return Text("-", style="dim")
        if not with_bars:
            return Text(f"{value:.1f}")
        return Text(bar(value, 5, 10).ljust(10), style="cyan") + Text(f" {value:.1f}")

    def row(outcome: str, avg: OutcomeAverages) -> list[RenderableType]:
        hours = "-" if avg.prep_hours is None else f"{avg.prep_hours:.1f}"
        return [Text(outcome, OUTCOME_STYLE.get(outcome, "")), str(avg.count), rated(avg.preparation), rated(avg.confidence), hours]

    for outcome, avg in stats.by_outcome.items():
        table.add_row(*row(outcome, avg))
    return table


def _applications(stats: Stats) -> list[RenderableType]:
    """The offer rate per application and the pass rate per stage, as counts and percentages."""
    if not stats.application_count:
        return []
    offers = stats.applications.get("offer", 0)
    lines: list[RenderableType] = [_heading("Applications")]
    lines.append(indented(Text(f"offers: {offers} of {stats.application_count} applications ({stats.offer_rate:.0%})"), 2))
    now = ", ".join(f"{n} {outcome}" for outcome, n in stats.applications.items())
    lines.append(indented(Text(f"where they stand: {now}", style="dim"), 2))
    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
    for name in ("stage", "rounds", "passed"):
        table.add_column(name, no_wrap=True, justify="left" if name == "stage" else "right")
    for stage, (n, passed, decided) in stats.pass_rates.items():
        rate = f"{passed} of {decided} ({passed / decided:.0%})" if decided else "-"
        table.add_row(stage, str(n), rate)
    lines += [_heading("Pass rate by stage (rounds decided)"), indented(table, 2)]
    return lines


def stats_view(stats: Stats) -> Group:
    apps = stats.application_count
    parts: list = [Text(f"{stats.total} interviews in {apps} application{'s' if apps != 1 else ''}, {stats.first} to {stats.last}", style="bold")]
    parts.append(_heading("Outcomes by stage"))
    parts.append(Fitted(lambda width: _by_stage(stats, width)))
    parts += _applications(stats)

    parts.append(_heading("Preparation and confidence by outcome (average, 1 to 5)"))
    parts.append(Fitted(lambda width: _by_outcome(stats, width)))

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
