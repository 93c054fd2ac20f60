"""Inline SVG charts for the HTML report, drawn here rather than by a library.

Each function takes numbers and labels and returns one ``<svg>`` element as text. No
script, no external reference: colours come from the page's stylesheet (classes and
CSS variables), so dark mode and print follow without redrawing, and every label
goes through the report's :class:`~reflect.views.report_text.Out`. Hovering shows
each mark's exact value (an SVG ``<title>``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reflect.views.report_text import Out

WIDTH = 720
LABEL_WIDTH = 190
ROW = 26
FONT = 12


def _f(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _svg(width: float, height: float, title: str, body: list[str], kind: str) -> str:
    return (
        f'<svg class="chart chart-{kind}" viewBox="0 0 {_f(width)} {_f(height)}" width="{_f(width)}" '
        f'height="{_f(height)}" role="img" aria-label="{title}" data-chart="{kind}">'
        f"<title>{title}</title>{''.join(body)}</svg>"
    )


def _text(x: float, y: float, text: str, cls: str = "", anchor: str = "start", size: int = FONT) -> str:
    klass = f' class="{cls}"' if cls else ""
    return f'<text x="{_f(x)}" y="{_f(y)}" text-anchor="{anchor}" font-size="{size}"{klass}>{text}</text>'


def _rect(x: float, y: float, w: float, h: float, cls: str, tip: str, extra: str = "") -> str:
    return f'<rect x="{_f(x)}" y="{_f(y)}" width="{_f(max(w, 0))}" height="{_f(h)}" class="{cls}"{extra}><title>{tip}</title></rect>'


def _legend(x: float, y: float, keys: Sequence[tuple[str, str]], out: Out) -> tuple[list[str], float]:
    """Swatches and names in one or more rows from ``(x, y)``; returns the marks and the height used."""
    parts, cx, cy = [], x, y
    for name, cls in keys:
        width = 22 + 7 * len(out.plain(name))
        if cx + width > WIDTH and cx > x:
            cx, cy = x, cy + 18
        parts.append(f'<rect x="{_f(cx)}" y="{_f(cy - 10)}" width="12" height="12" class="{cls}"/>')
        parts.append(_text(cx + 16, cy, out(name)))
        cx += width + 10
    return parts, cy - y + 18


@dataclass
class HeatRow:
    """One row of a heatmap: a theme, and in each column ``(interviews showing it, interviews)``."""

    label: str
    key: str
    values: list[tuple[int, int]]
    note: str = ""
    muted: bool = False


def heatmap(rows: Sequence[HeatRow], columns: Sequence[str], title: str, out: Out) -> str:
    """Rows of cells, one per column, shaded by the share of that column's interviews
    (darkest: the largest share anywhere); an empty column stays blank."""
    note_width = 170
    cell = max(10.0, min(48.0, (WIDTH - LABEL_WIDTH - note_width) / max(len(columns), 1)))
    top = 34
    peak = max((n / total for r in rows for n, total in r.values if total), default=0) or 1
    body: list[str] = []
    step = max(1, -(-48 // int(cell)))  # a column label every few columns when they are narrow
    for i, column in enumerate(columns):
        if i % step == 0:
            body.append(_text(LABEL_WIDTH + i * cell + cell / 2, top - 20, out(column), "axis", "middle", 10))
    for j, row in enumerate(rows):
        y = top + j * ROW
        cls = "row muted" if row.muted else "row"
        body.append(f'<g class="{cls}" data-theme="{out(row.key)}">')
        body.append(_text(LABEL_WIDTH - 8, y + ROW / 2 + 4, out(row.label, 28), "label", "end"))
        for i, (count, total) in enumerate(row.values):
            tip = f"{out(row.label)}, {out(columns[i])}: {count} of {total} interviews"
            opacity = f' fill-opacity="{0.15 + 0.85 * (count / total) / peak:.2f}"' if count and total else ""
            body.append(_rect(LABEL_WIDTH + i * cell + 1, y + 2, cell - 2, ROW - 4, "cell" if count else "cell empty", tip, opacity))
        note_x = LABEL_WIDTH + len(columns) * cell + 10
        body.append(_text(note_x, y + ROW / 2 + 4, out(row.note), "note"))
        body.append("</g>")
    height = top + len(rows) * ROW + 8
    return _svg(max(WIDTH, LABEL_WIDTH + len(columns) * cell + note_width), height, out(title), body, "heatmap")


@dataclass
class BarRow:
    """One bar made of segments: ``(name, css class, count)``."""

    label: str
    segments: list[tuple[str, str, float]]
    note: str = ""
    key: str = ""


@dataclass
class Bars:
    rows: list[BarRow]
    legend: list[tuple[str, str]] = field(default_factory=list)
    maximum: float | None = None
    unit: str = ""


def stacked_bars(chart: Bars, title: str, out: Out, kind: str = "bars") -> str:
    """Horizontal bars, each split into coloured segments, on one scale; a legend below."""
    note_width = 110
    span = WIDTH - LABEL_WIDTH - note_width
    peak = chart.maximum or max((sum(s[2] for s in r.segments) for r in chart.rows), default=0) or 1
    body: list[str] = []
    for j, row in enumerate(chart.rows):
        y = 6 + j * ROW
        key = f' data-key="{out(row.key)}"' if row.key else ""
        body.append(f'<g class="row"{key}>')
        body.append(_text(LABEL_WIDTH - 8, y + ROW / 2 + 4, out(row.label, 28), "label", "end"))
        x = float(LABEL_WIDTH)
        for name, cls, value in row.segments:
            if value <= 0:
                continue
            width = span * value / peak
            body.append(_rect(x, y + 3, width, ROW - 6, cls, f"{out(row.label)}: {_f(value)}{out(chart.unit)} {out(name)}"))
            x += width
        body.append(_text(x + 6, y + ROW / 2 + 4, out(row.note), "note"))
        body.append("</g>")
    height = 6 + len(chart.rows) * ROW + 8
    marks, used = _legend(LABEL_WIDTH, height + 10, chart.legend, out) if chart.legend else ([], 0)
    return _svg(WIDTH, height + used + (6 if used else 0), out(title), body + marks, kind)


def grouped_columns(groups: Sequence[str], series: Sequence[tuple[str, str, Sequence[float | None]]], title: str, out: Out, top: float = 5) -> str:
    """Vertical columns on a 0..``top`` scale: for each group, one column per series."""
    left, bottom, height = 40, 190, 160
    slot = (WIDTH - left) / max(len(groups), 1)
    width = min(36.0, (slot - 20) / max(len(series), 1))
    body = [f'<line x1="{left}" y1="{bottom}" x2="{WIDTH}" y2="{bottom}" class="axis-line"/>']
    for tick in range(int(top) + 1):
        y = bottom - height * tick / top
        body.append(_text(left - 8, y + 4, str(tick), "axis", "end", 10))
        if tick:
            body.append(f'<line x1="{left}" y1="{_f(y)}" x2="{WIDTH}" y2="{_f(y)}" class="grid"/>')
    for g, group in enumerate(groups):
        x0 = left + g * slot + (slot - width * len(series)) / 2
        for s, (name, cls, values) in enumerate(series):
            value = values[g]
            if value is None:
                continue
            h = height * min(value, top) / top
            body.append(_rect(x0 + s * width + 1, bottom - h, width - 2, h, cls, f"{out(group)}: {out(name)} {_f(value)}"))
        body.append(_text(left + g * slot + slot / 2, bottom + 16, out(group, 18), "label", "middle"))
    marks, used = _legend(left, bottom + 40, [(n, c) for n, c, _ in series], out)
    return _svg(WIDTH, bottom + 40 + used, out(title), body + marks, "columns")


@dataclass
class Point:
    x: float  # a day's ordinal
    y: float
    marked: bool
    tip: str


def timeline(points: Sequence[Point], baseline: float | None, title: str, out: Out, labels: tuple[str, str] = ("", "")) -> str:
    """A 1..5 line over time; marked points (rejections) stand out; a dashed line at ``baseline``."""
    left, top, height, right = 40, 12, 150, WIDTH - 12
    first, last = points[0].x, points[-1].x
    span = (last - first) or 1

    def x_of(x: float) -> float:
        return left + (right - left) * (x - first) / span if last != first else (left + right) / 2

    def y_of(y: float) -> float:
        return top + height * (5 - y) / 4

    body = []
    for tick in range(1, 6):
        body.append(f'<line x1="{left}" y1="{_f(y_of(tick))}" x2="{right}" y2="{_f(y_of(tick))}" class="grid"/>')
        body.append(_text(left - 8, y_of(tick) + 4, str(tick), "axis", "end", 10))
    if baseline is not None:
        body.append(f'<line x1="{left}" y1="{_f(y_of(baseline))}" x2="{right}" y2="{_f(y_of(baseline))}" class="baseline"><title>usual: {_f(baseline)}</title></line>')
    path = " ".join(f"{'M' if i == 0 else 'L'}{_f(x_of(p.x))},{_f(y_of(p.y))}" for i, p in enumerate(points))
    body.append(f'<path d="{path}" class="line"/>')
    radius = 3 if len(points) < 200 else 1.5
    for p in points:
        cls = "dot marked" if p.marked else "dot"
        body.append(f'<circle cx="{_f(x_of(p.x))}" cy="{_f(y_of(p.y))}" r="{radius + (1.5 if p.marked else 0)}" class="{cls}"><title>{p.tip}</title></circle>')
    bottom = top + height
    body.append(_text(left, bottom + 18, out(labels[0]), "axis", "start", 10))
    body.append(_text(right, bottom + 18, out(labels[1]), "axis", "end", 10))
    return _svg(WIDTH, bottom + 26, out(title), body, "timeline")


def dots(values: Sequence[int], title: str, out: Out) -> str:
    """A small 1..5 sparkline of answer ratings, oldest first."""
    step, height = 14, 22
    body = []
    coords = [(7 + i * step, 3 + (height - 6) * (5 - v) / 4) for i, v in enumerate(values)]
    if len(coords) > 1:
        body.append('<path d="' + " ".join(f"{'M' if i == 0 else 'L'}{_f(x)},{_f(y)}" for i, (x, y) in enumerate(coords)) + '" class="line"/>')
    for (x, y), v in zip(coords, values):
        body.append(f'<circle cx="{_f(x)}" cy="{_f(y)}" r="3" class="dot"><title>{v}/5</title></circle>')
    return _svg(max(28, 14 * len(values)), height, out(title), body, "dots")


@dataclass
class PairRow:
    """Two shares (0..1) for one label, either missing."""

    label: str
    key: str
    first: float | None
    second: float | None
    tips: tuple[str, str]


def paired_bars(rows: Sequence[PairRow], names: tuple[tuple[str, str], tuple[str, str]], title: str, out: Out) -> str:
    """Two thin bars per row on a 0-100% scale (say, the share of rejections and of offers
    that showed a theme), a legend below."""
    note_width = 60
    span = WIDTH - LABEL_WIDTH - note_width
    row_height = ROW + 6
    body: list[str] = []
    for tick in (0, 0.5, 1):
        x = LABEL_WIDTH + span * tick
        body.append(f'<line x1="{_f(x)}" y1="4" x2="{_f(x)}" y2="{_f(6 + len(rows) * row_height)}" class="grid"/>')
    for j, row in enumerate(rows):
        y = 6 + j * row_height
        body.append(f'<g class="row" data-theme="{out(row.key)}">')
        body.append(_text(LABEL_WIDTH - 8, y + row_height / 2 + 4, out(row.label, 28), "label", "end"))
        for k, (value, (_, cls), tip) in enumerate(zip((row.first, row.second), names, row.tips)):
            if value is None:
                continue
            top = y + 4 + k * (row_height - 8) / 2
            body.append(_rect(LABEL_WIDTH, top, span * value, (row_height - 8) / 2 - 1, cls, tip))
            body.append(_text(LABEL_WIDTH + span * value + 4, top + 9, f"{value:.0%}", "note", "start", 10))
        body.append("</g>")
    height = 6 + len(rows) * row_height + 8
    marks, used = _legend(LABEL_WIDTH, height + 10, [(n, c) for n, c in names], out)
    return _svg(WIDTH, height + used + 6, out(title), body + marks, "contrast")
