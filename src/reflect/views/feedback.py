"""The list of feedback still to chase."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from reflect.analysis.feedback import Chase
from reflect.views.safe import neutral


def chase_table(chases: list[Chase]) -> Table:
    table = Table(box=None, header_style="bold", pad_edge=False, title="Feedback to chase", title_justify="left")
    for name in ("id", "company", "outcome", "feedback"):
        table.add_column(name, overflow="fold")
    for chase in chases:
        r = chase.entry.reflection
        table.add_row(Text(neutral(chase.entry.id), "cyan"), Text(neutral(r.company)), Text(r.outcome.value), Text(chase.reason, "yellow"))
    return table
