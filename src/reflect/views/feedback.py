"""The list of feedback still to chase."""

from __future__ import annotations

from rich.text import Text

from reflect.analysis.feedback import Chase
from reflect.views.layout import Column, FitTable
from reflect.views.safe import neutral


def chase_table(chases: list[Chase], title: str | None = "Feedback to chase") -> FitTable:
    """One row per interview to chase; the id is never split, the reason wraps."""
    columns = [Column("id", "key"), Column("company", "cut", drop=1), Column("outcome", drop=2), Column("feedback", "wrap", min_width=16)]
    rows = []
    for chase in chases:
        r = chase.entry.reflection
        rows.append([Text(neutral(chase.entry.id), "cyan"), Text(neutral(r.company)), Text(r.outcome.value), Text(chase.reason, "yellow")])
    return FitTable(columns, rows, title=title)
