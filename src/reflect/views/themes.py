"""Rich renderables for `reflect themes`: a ranked table with bars, sparklines and quotes.

User text (quotes, triggers, labels of custom themes) is always wrapped in
:class:`rich.text.Text`, never parsed as markup, so "[bold]" in a note stays literal.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from reflect.analysis.themes import ThemeReport, ThemeResult

SPARK = "▁▂▃▄▅▆▇█"
VERDICT_STYLE = {"improving": "green", "steady": "yellow", "worsening": "red"}


def bar(share: float, width: int = 12) -> Text:
    filled = round(max(0.0, min(1.0, share)) * width)
    return Text("█" * filled + "·" * (width - filled), style="cyan")


def sparkline(counts: list[int]) -> Text:
    if not counts:
        return Text("")
    top = max(counts) or 1
    chars = "".join(" " if c == 0 else SPARK[min(len(SPARK) - 1, round(c / top * (len(SPARK) - 1)))] for c in counts)
    return Text(chars, style="magenta")


def contrast(result: ThemeResult) -> Text:
    rejected, succeeded = result.rejected_share, result.succeeded_share
    if rejected is None and succeeded is None:
        return Text("–", style="dim")
    parts = []
    if rejected is not None:
        parts.append(f"{result.rejected[0]}/{result.rejected[1]} rejections")
    if succeeded is not None:
        parts.append(f"{result.succeeded[0]}/{result.succeeded[1]} offers")
    text = Text(" vs ".join(parts))
    if result.rejections_only:
        text.stylize("bold red")
    return text


def quote(result: ThemeResult, width: int = 70) -> Text:
    best = result.best_quote()
    if best is None:
        return Text("")
    said = best.text if len(best.text) <= width else best.text[: width - 1] + "…"
    return Text.assemble(Text(f"“{said}”", style="italic"), Text(f"  {best.id}", style="dim"))


def themes_table(report: ThemeReport) -> RenderableType:
    """Recurring themes ranked, one row each, with the emerging candidates below."""
    if report.analysed == 0:
        return Text("No reflections to analyse yet. Log one with `reflect log`.")
    header = Text(f"{report.analysed} interviews analysed", style="bold")
    if report.skipped:
        header.append(f" ({len(report.skipped)} files skipped)", style="yellow")
    if not report.themes:
        body: RenderableType = Text(
            f"No theme appears in {report.min_count} or more interviews. "
            "Try --min-count 1, or write more about what went wrong."
        )
        return Group(header, body, *_emerging(report))
    table = Table(show_edge=False, pad_edge=False, expand=False)
    table.add_column("theme", no_wrap=True)
    table.add_column("interviews", no_wrap=True)
    table.add_column("trend", no_wrap=True)
    table.add_column("rejections vs offers")
    table.add_column("best quote", ratio=1)
    for result in report.themes:
        label = Text(result.label, style="bold")
        label.append(f"\n{result.id}", style="dim")
        count = Text.assemble(bar(result.share), f" {result.count} ({result.share:.0%})")
        trend = Text.assemble(
            sparkline(list(result.months.values())), "\n", Text(result.verdict, style=VERDICT_STYLE[result.verdict])
        )
        table.add_row(label, count, trend, contrast(result), quote(result))
    return Group(header, table, *_emerging(report))


def _emerging(report: ThemeReport) -> list[RenderableType]:
    if not report.emerging:
        return []
    lines: list[RenderableType] = [Text("\nEmerging (not covered by any theme):", style="bold")]
    for item in report.emerging:
        lines.append(Text.assemble("  ", Text(item.words, style="cyan"), f"  in {item.count} interviews"))
    lines.append(Text("  Add one as a custom theme in your config ([[themes.custom]]).", style="dim"))
    return lines


def theme_detail(result: ThemeResult) -> RenderableType:
    """Every piece of evidence for one theme, newest first."""
    head = Text.assemble(
        Text(result.label, style="bold"),
        Text(f" ({result.id})", style="dim"),
        f": {result.count} interviews, {result.share:.0%} of those analysed, ",
        Text(result.verdict, style=VERDICT_STYLE[result.verdict]),
    )
    info = Text(f"first seen {result.first_seen}, last seen {result.last_seen}; ")
    info.append_text(contrast(result))
    if result.stages:
        info.append("; stages: " + ", ".join(f"{k} {v}" for k, v in result.stages.items()))
    table = Table(show_edge=False, pad_edge=False)
    table.add_column("reflection", no_wrap=True)
    table.add_column("field", no_wrap=True, style="dim")
    table.add_column("what you wrote", ratio=1)
    table.add_column("trigger", style="cyan")
    for ev in result.evidence:
        table.add_row(Text(ev.id), Text(ev.field), Text(ev.text), Text(ev.trigger))
    parts: list[RenderableType] = [head, info, sparkline(list(result.months.values())), table]
    if result.actions:
        parts.append(Text("\nTo practise:", style="bold"))
        parts.extend(Text(f"  • {a}") for a in result.actions)
    return Group(*parts)
