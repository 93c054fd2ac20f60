"""Rich renderables for `reflect themes`: a ranked table with bars, sparklines and quotes.

User text (quotes, triggers, labels of custom themes) is always wrapped in
:class:`rich.text.Text`, never parsed as markup, so "[bold]" in a note stays literal.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.text import Text

from reflect.analysis.themes import Evidence, ThemeReport, ThemeResult, distinct_quotes
from reflect.views.decisions import Said, why
from reflect.views.layout import hanging, indented
from reflect.views.safe import neutral
from reflect.views.report_text import plural

SPARK = "▁▂▃▄▅▆▇█"
VERDICT_STYLE = {"improving": "green", "steady": "yellow", "worsening": "red", "too few to tell": "dim"}


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
        parts.append(f"{result.succeeded[0]}/{result.succeeded[1]} offers and advances")
    text = Text(" vs ".join(parts))
    if result.rejections_only:
        text.stylize("bold red")
        text.append(": only in rejections")
    return text


def quote(best: Evidence | None, width: int = 110) -> Text:
    """A theme's quote (see :func:`~reflect.analysis.themes.distinct_quotes`), cut to ``width``."""
    if best is None:
        return Text("")
    said = _around(neutral(best.text), best.trigger, width)
    return Text.assemble(Text(f"“{said}”", style="italic"), Text(f"  {neutral(best.id)}", style="dim"))


def _around(text: str, trigger: str, width: int) -> str:
    """``text`` cut to ``width``, keeping the words that made it evidence: a long note is
    shown from a little before the first word of its trigger ("rambl*" finds "rambled")."""
    if len(text) <= width:
        return text
    lowered = text.lower()
    # The trigger's longer words, by their first five letters (enough to survive stemming).
    starts = [lowered.find(word[:5]) for word in re.findall(r"[a-z]{4,}", trigger.lower())]
    at = min((i for i in starts if i >= 0), default=0)
    if at + 20 <= width - 1:  # the words are near the start: cut the end only
        return text[: width - 1] + "…"
    room = width - 2  # for the text between two "…"
    begin = min(max(0, at - width // 3), len(text) - room + 1)  # near the end: the whole width still used
    space = text.find(" ", begin, begin + 15)
    if space >= 0:  # start at a word where one is near (text without spaces is cut anywhere)
        begin = space + 1
    return "…" + text[begin : begin + room] + ("…" if begin + room < len(text) else "")


def _quoted(said: Text, indent: int) -> RenderableType:
    """A quote whose wrapped lines start under its first word, not under the opening mark."""
    if not said.plain.startswith("“"):
        return indented(said, indent)
    return hanging(said[:1], said[1:], indent)


def themes_table(report: ThemeReport) -> RenderableType:
    """Recurring themes ranked, one block each, with the emerging candidates below.

    A block rather than a table, so that quotes stay readable in a narrow terminal.
    """
    if report.analysed == 0:
        return Text("No reflections to analyse yet. Log one with `reflect log`.")
    header = Text(f"{plural(report.analysed, 'interview')} analysed", style="bold")
    if report.skipped:
        header.append(f" ({plural(len(report.skipped), 'file')} skipped)", style="yellow")
    if not report.themes:
        body: RenderableType = Text(
            f"No theme appears in {report.min_count} or more interviews. "
            "Try --min-count 1, or write more about what went wrong."
        )
        return Group(header, body, *_possible(report), *_emerging(report))
    blocks: list[RenderableType] = [header]
    quotes = distinct_quotes(report.themes)
    for rank, result in enumerate(report.themes, 1):
        title = Text.assemble(Text(f"\n{rank}. "), Text(neutral(result.label), style="bold"), Text(f"  {result.id}", style="dim"))
        count = Text.assemble(
            bar(result.share), f" {result.count} of {plural(report.analysed, 'interview')} ({result.share:.0%})   ",
            sparkline(list(result.months.values())), " ", Text(result.verdict, style=VERDICT_STYLE[result.verdict]),
        )
        if result.confirmed:
            count.append(f"   {result.confirmed} confirmed by you", style="green")
        blocks += [title, indented(count, 3), indented(contrast(result), 3), _quoted(quote(quotes[result.id]), 3)]
    if report.others:
        names = ", ".join(f"{r.id} ({r.count})" for r in report.others)
        blocks.append(Text(f"\nCounted in fewer than {report.min_count} interviews: {names} (reflect themes --min-count 1)", style="dim"))
    blocks.append(Text("\nEvery quote for one theme: reflect themes THEME_ID", style="dim"))
    blocks.append(agreement(report))
    return Group(*blocks, *_possible(report), *_emerging(report))


def _possible(report: ThemeReport, shown: int = 5) -> list[RenderableType]:
    """Themes the engine was not sure of: named apart, never counted."""
    if not report.possible:
        return []
    lines: list[RenderableType] = [Text("\nPossible (not counted: the engine is not sure of these):", style="bold")]
    for theme_id, evidence in list(report.possible.items())[:shown]:
        interviews = len({e.id for e in evidence})
        lines.append(indented(Text.assemble(Text(theme_id, style="cyan"), f"  in {interviews} interview{'s' if interviews != 1 else ''}"), 2))
        lines.append(_quoted(Text(f"“{neutral(evidence[0].text)}”  ", style="italic").append(neutral(evidence[0].id), style="dim"), 4))
    if len(report.possible) > shown:
        lines.append(indented(Text(f"and {len(report.possible) - shown} more (reflect themes --json)", style="dim"), 2))
    return lines


def agreement(report: ThemeReport) -> Text:
    """How often the user agreed with the engine's suggestions."""
    agreed, decided = report.agreement
    if not decided:
        return Text("Settle the suggested themes with `reflect review`: your word is final, and teaches reflect your wording.", style="dim")
    return Text(f"You confirmed {agreed} of {decided} suggestions you decided on ({agreed / decided:.0%}).", style="dim")


def _emerging(report: ThemeReport) -> list[RenderableType]:
    if not report.emerging:
        return []
    lines: list[RenderableType] = [Text("\nEmerging (not covered by any theme):", style="bold")]
    for item in report.emerging:
        lines.append(indented(Text.assemble(Text(neutral(item.words), style="cyan"), f"  in {plural(item.count, 'interview')}"), 2))
    lines.append(indented(Text("Add one as a custom theme in your config ([[themes.custom]]).", style="dim"), 2))
    return lines


def possible_detail(theme_id: str, label: str, possible: Sequence[Evidence], said: Said | None = None) -> RenderableType:
    """A theme the engine found in no interview for sure, only as possible: its evidence,
    and how to settle it."""
    interviews = len({ev.id for ev in possible})
    head = Text.assemble(
        Text(neutral(label), style="bold"), Text(f" ({theme_id})", style="dim"),
        f": not counted; possible in {plural(interviews, 'interview')}, which the engine is not sure of.",
    )
    hint = Text(f"Settle them with reflect review (or reflect confirm ID {theme_id}).", style="dim")
    return Group(head, hint, *_possible_evidence(possible, said))


def _possible_evidence(possible: Sequence[Evidence], said: Said | None) -> list[RenderableType]:
    parts: list[RenderableType] = []
    for ev in possible:
        parts.append(Text.assemble("\n", Text(neutral(ev.id), style="cyan"), "  ", Text(ev.field, style="dim"),
                                   Text(f"  {why(ev.kind, ev.trigger, ev.text, said, marked=False)}", style="dim")))
        parts.append(_quoted(Text(f"“{neutral(ev.text)}”", style="italic"), 3))
    return parts


def theme_detail(result: ThemeResult, possible: Sequence[Evidence] = (), said: Said | None = None) -> RenderableType:
    """Every piece of evidence for one theme, newest first (``said``: finds the user's words
    a trigger phrase matched, to quote them)."""
    head = Text.assemble(
        Text(neutral(result.label), style="bold"),
        Text(f" ({result.id})", style="dim"),
        f": {plural(result.count, 'interview')}{f' ({result.confirmed} confirmed by you)' if result.confirmed else ''}, {result.share:.0%} of those analysed, ",
        Text(result.verdict, style=VERDICT_STYLE[result.verdict]),
    )
    info = Text(f"first seen {result.first_seen}, last seen {result.last_seen}; ")
    info.append_text(contrast(result))
    if result.stages:
        info.append("; stages: " + ", ".join(f"{k} {v}" for k, v in result.stages.items()))
    parts: list[RenderableType] = [head, info, Text("per month: ").append_text(sparkline(list(result.months.values())))]
    for ev in result.evidence:
        parts.append(Text.assemble("\n", Text(neutral(ev.id), style="cyan"), "  ", Text(ev.field, style="dim"),
                                   Text("" if ev.kind == "confirmed" else f"  {why(ev.kind, ev.trigger, ev.text, said)}", style="dim"),
                                   Text("  confirmed", style="green") if ev.status == "confirmed" else ""))
        parts.append(_quoted(Text(f"“{neutral(ev.text)}”", style="italic"), 3))
    if possible:
        parts.append(Text("\nPossible, not counted (the engine is not sure of these; settle them with reflect review):", style="bold"))
        parts.extend(_possible_evidence(possible, said))
    if result.actions:
        parts.append(Text("\nTo practise:", style="bold"))
        parts.extend(hanging("• ", Text(neutral(a)), 2) for a in result.actions)
    return Group(*parts)
