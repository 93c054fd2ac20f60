"""Small unicode charts for the terminal: bars and sparklines. Pure functions, no printing."""

from __future__ import annotations

from collections.abc import Sequence

BLOCKS = " \u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588"
FULL = "\u2588"
EIGHTHS = ["", "\u258f", "\u258e", "\u258d", "\u258c", "\u258b", "\u258a", "\u2589"]


def bar(value: float, maximum: float, width: int = 20) -> str:
    """A horizontal bar ``value / maximum`` of ``width`` cells, in eighths of a cell."""
    if maximum <= 0 or value <= 0:
        return ""
    eighths = round(min(value / maximum, 1.0) * width * 8)
    return FULL * (eighths // 8) + EIGHTHS[eighths % 8] or EIGHTHS[1]


def sparkline(values: Sequence[float | None], low: float = 1, high: float = 5) -> str:
    """One character per value on a ``low``..``high`` scale; a gap (``·``) where there is none."""
    out = []
    for value in values:
        if value is None:
            out.append("\u00b7")
            continue
        span = high - low or 1
        level = round((min(max(value, low), high) - low) / span * 7) + 1
        out.append(BLOCKS[level])
    return "".join(out)
