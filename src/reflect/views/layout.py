"""Layout that holds up in any terminal width: indents kept on wrapped lines, ids never split.

Ids are what users copy, so a table that shows them lays itself out for the width
it is given when it is printed: the id column keeps its full width, other columns
shrink (ending in "…") or wrap, the least useful ones are left out when even that
is not enough, and in a very narrow terminal each row becomes a small block with
the id on a line of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

GAP = 2  # spaces between two columns


def indented(renderable: RenderableType, indent: int) -> Padding:
    """``renderable`` moved right by ``indent`` cells, continuation lines included."""
    return Padding(renderable, (0, 0, 0, indent), expand=False)


def hanging(marker: str | Text, body: Text, indent: int = 0) -> Table:
    """``marker`` then ``body``; when ``body`` wraps, its next lines start under its first word."""
    head = marker if isinstance(marker, Text) else Text(marker)
    head = Text(" " * indent) + head
    grid = Table.grid()
    grid.add_column(no_wrap=True, width=cell_len(head.plain))
    grid.add_column()
    grid.add_row(head, body)
    return grid


@dataclass(frozen=True)
class Column:
    """One column of a :class:`FitTable`.

    ``kind``: "key" (the id: never wrapped, never shortened), "fixed" (short values kept
    whole), "cut" (one line, shortened with "…" to fit) or "wrap" (wrapped at spaces).
    ``drop``: the order in which columns are left out when the terminal is too narrow
    (1 first; 0 never).
    """

    name: str
    kind: str = "fixed"
    drop: int = 0
    min_width: int = 8
    justify: str = "left"


class FitTable:
    """A table laid out for the width it is printed at, so that its key column stays whole."""

    def __init__(self, columns: list[Column], rows: Iterable[list[Text]], title: str | None = None) -> None:
        self.columns = columns
        self.rows = [list(row) for row in rows]
        self.title = title
        self._widest = [
            max([cell_len(column.name), *(cell_len(line) for row in self.rows for line in row[index].plain.split("\n"))])
            for index, column in enumerate(columns)
        ]

    def _natural(self, index: int) -> int:
        return self._widest[index]

    def _least(self, index: int) -> int:
        column = self.columns[index]
        natural = self._natural(index)
        if column.kind in ("cut", "wrap"):
            return min(natural, max(column.min_width, cell_len(column.name)))
        return natural

    def _layout(self, width: int) -> dict[int, int] | None:
        """Column index to width for the columns shown, or None when only blocks will do."""
        shown = list(range(len(self.columns)))
        droppable = sorted((c.drop, i) for i, c in enumerate(self.columns) if c.drop)

        def least() -> int:
            return sum(self._least(i) for i in shown) + GAP * (len(shown) - 1)

        while least() > width and droppable:
            shown.remove(droppable.pop(0)[1])
        if least() > width or len(shown) == 1 and len(self.columns) > 1:
            return None
        widths = {i: self._least(i) for i in shown}
        spare = width - least()
        flexible = [i for i in shown if self.columns[i].kind in ("cut", "wrap")]
        # Share what is left among the flexible columns, none beyond its natural width.
        while spare > 0:
            hungry = [i for i in flexible if widths[i] < self._natural(i)]
            if not hungry:
                break
            share = max(1, spare // len(hungry))
            for i in hungry:
                grow = min(share, self._natural(i) - widths[i], spare)
                widths[i] += grow
                spare -= grow
        return widths

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        natural = sum(self._natural(i) for i in range(len(self.columns))) + GAP * (len(self.columns) - 1)
        return Measurement(min(natural, options.max_width), min(natural, options.max_width))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if self.title:
            yield Text(self.title, "bold")
        widths = self._layout(options.max_width)
        if widths is None:
            yield from self._blocks()
            return
        table = Table(box=None, header_style="bold", pad_edge=False, padding=(0, GAP // 2), show_edge=False)
        for index, width in widths.items():
            column = self.columns[index]
            wraps = column.kind == "wrap"
            table.add_column(
                column.name, width=width, no_wrap=not wraps, overflow="fold" if wraps else "ellipsis", justify=column.justify  # type: ignore[arg-type]
            )
        for row in self.rows:
            table.add_row(*(row[i] for i in widths))
        yield table

    def _blocks(self) -> Iterable[RenderableType]:
        """One block per row: the key on its own line, the rest wrapped and indented below it."""
        key = next((i for i, c in enumerate(self.columns) if c.kind == "key"), 0)
        for row in self.rows:
            ident = row[key].copy()
            ident.overflow = "fold"  # longer than the terminal itself: nothing else can be done
            yield ident
            rest = [row[i] for i in range(len(self.columns)) if i != key and row[i].plain]
            if rest:
                yield indented(Text(" \u00b7 ", "dim").join(rest), 2)


class Unbroken:
    """One line that is never wrapped nor cut (a command to copy): in a terminal narrower
    than it, the terminal wraps it for the eye and a copy gets it whole; in a pipe it
    stays one line. Printed with ``crop=False`` (see ``reflect.cli.listing.show``)."""

    def __init__(self, text: str, style: str = "", indent: int = 0) -> None:
        self.text, self.style, self.indent = text, style, indent

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Segment(" " * self.indent)
        yield Segment(self.text, console.get_style(self.style))
        yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        width = self.indent + cell_len(self.text)
        return Measurement(width, width)


class Fitted:
    """A renderable built for the width it is printed at (``build(width)``)."""

    def __init__(self, build: Callable[[int], RenderableType]) -> None:
        self.build = build

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.build(options.max_width)
