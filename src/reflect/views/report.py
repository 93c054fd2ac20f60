"""``reflect report``: the whole search as one self-contained HTML page.

The page loads nothing: no script, no external style, font or image; charts are
inline SVG drawn by views/report_svg.py, styles are inline (views/report_style.py),
and a Content-Security-Policy forbids the browser from fetching anything even if
some text slipped through. Every user text is neutralised and escaped (and, for
sharing, scrubbed) by :class:`~reflect.views.report_text.Out`.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reflect.analysis.resilience import Resilience
from reflect.analysis.stats import Stats
from reflect.models.entry import Entry
from reflect.views.report_plan import chases_section, plan_section, questions_section
from reflect.views.report_sections import funnel_section, mood_section, prep_section, themes_section
from reflect.views.report_style import CSS
from reflect.views.report_text import Out, Section, plural

GENERATOR = "reflect report"
MARKER = f'<meta name="generator" content="{GENERATOR}">'
POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


@dataclass
class ReportData:
    """Everything the page shows, gathered by the command from the core."""

    today: dt.date
    entries: list[Entry]
    stats: Stats
    resilience: Resilience
    themes: Any = None  # a ThemeReport, or None when there is nothing to analyse
    plan: Any = None
    questions: list[Any] = field(default_factory=list)
    questions_from: int | None = None  # the question bank covers only this many recent interviews
    chases: list[Any] = field(default_factory=list)
    filters: dict[str, str] = field(default_factory=dict)
    redacted: bool = False
    names: list[str] = field(default_factory=list)  # words to leave out with ``redacted``
    private: list[str] = field(default_factory=list)


def is_report(head: bytes) -> bool:
    """Whether a file starting with ``head`` is a page this command wrote (so it may be replaced)."""
    return MARKER.encode() in head[:2048]


def render(data: ReportData) -> str:
    """The page as text (UTF-8 when written)."""
    out = Out(data.names, data.private, redacted=True) if data.redacted else Out()
    sections = [
        themes_section(data.themes, data.entries, out),
        funnel_section(data.stats, data.entries, out),
        prep_section(data.stats, out),
        mood_section(data.resilience, data.entries, out),
        plan_section(data.plan, out),
        questions_section(data.questions, out, data.questions_from),
        chases_section(data.chases, out),
    ]
    title = f"Interview search report \u2014 {data.today.isoformat()}"
    return "".join(
        [
            "<!DOCTYPE html>\n",
            '<html lang="en"><head><meta charset="utf-8">',
            MARKER,
            f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex">',
            f"<title>{html.escape(title)}</title><style>{CSS}</style></head><body><main>",
            _header(data, title, out),
            _nav(sections),
            *(_section(s) for s in sections),
            _footer(data),
            "</main></body></html>\n",
        ]
    )


def _header(data: ReportData, title: str, out: Out) -> str:
    stats = data.stats
    span = f"{stats.first} to {stats.last}" if stats.total else "no interviews yet"
    chosen = "; ".join(f"{out(k)} {out(v)}" for k, v in data.filters.items())
    lines = [f"<header><h1>{html.escape(title)}</h1>", f'<p class="muted">{plural(stats.total, "interview")}, {span}']
    lines.append(f" \u00b7 only: {chosen}</p>" if chosen else "</p>")
    if data.redacted:
        extra = " and the words your config marks private" if data.private else ""
        lines.append(
            f'<p class="notice">Redacted for sharing: interviewer names (also in the text), feedback sources{extra} '
            "are left out. Companies and everything else stay: read it before you send it.</p>"
        )
    else:
        lines.append('<p class="notice">Private: this page holds your own notes. Use <code>reflect report --redact</code> for a copy to share.</p>')
    lines.append(_tiles(stats, data.themes, out))
    lines.append("</header>")
    return "".join(lines)


def _tiles(stats: Stats, report: Any, out: Out) -> str:
    # The usual four always; ghosted and withdrew when there are any, so that the tiles add up.
    shown = ["offer", "advanced", "rejected", "pending", *(o for o in ("ghosted", "withdrew") if stats.outcomes.get(o))]
    counts = [("interviews", stats.total)] + [(o, stats.outcomes.get(o, 0)) for o in shown]
    tiles = [f'<div class="tile"><b>{n}</b>{name}</div>' for name, n in counts]
    themes = list(getattr(report, "themes", None) or [])
    if themes:
        tiles.append(f'<div class="tile"><b>{out(themes[0].label, 30)}</b>top theme</div>')
    return '<div class="tiles">' + "".join(tiles) + "</div>"


def _nav(sections: Sequence[Section]) -> str:
    links = "".join(f'<li><a href="#{s.anchor}">{html.escape(s.title)}</a></li>' for s in sections)
    return f'<nav aria-label="sections"><ul>{links}</ul></nav>'


def _section(section: Section) -> str:
    return (
        f'<section id="{section.anchor}"><h2>{html.escape(section.title)}</h2>'
        f'<p class="reading">{section.reading}</p>{section.body}</section>'
    )


def _footer(data: ReportData) -> str:
    return (
        f'<footer class="muted">Made by reflect on {data.today.isoformat()} from your journal. '
        "It loads nothing from the network and keeps working offline. Hover a mark in a chart for its exact value.</footer>"
    )
