"""The question bank as a table. User text is always plain Text, never markup."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from reflect.analysis.questions import QuestionGroup
from reflect.views.charts import sparkline
from reflect.views.safe import neutral
from reflect.views.report_text import plural


def question_table(groups: list[QuestionGroup]) -> Table:
    table = Table(box=None, header_style="bold", pad_edge=False, show_lines=False)
    table.add_column("question", overflow="fold", ratio=3)
    table.add_column("kind", no_wrap=True)
    table.add_column("asked", justify="right", no_wrap=True)
    table.add_column("answers", no_wrap=True)
    table.add_column("better answer so far", overflow="fold", ratio=2)
    for group in groups:
        question = Text(neutral(group.text), style="bold" if group.stumped else "")
        if group.stumped:
            question.append(f"  stumped {group.stumped}\u00d7" if group.stumped > 1 else "  stumped", style="red")
        others = [w for w in group.wordings if w != group.text]
        if others:
            question.append("\n")
            question.append(neutral("also: " + " | ".join(others[:3])), style="dim")
        ratings = [r for _, r in group.ratings]
        answers = Text(sparkline(ratings), style="cyan")
        if ratings:
            answers.append(" " + " \u2192 ".join(str(r) for r in ratings[-4:]), style="dim")
        table.add_row(
            question,
            Text(group.kind, style="dim"),
            Text(str(group.count)),
            answers,
            Text(neutral(group.better_answer or ""), style="green"),
        )
    return table


def bank_summary(groups: list[QuestionGroup]) -> Text:
    asked = sum(g.count for g in groups)
    stumped = sum(1 for g in groups if g.stumped)
    return Text(f"{plural(len(groups), 'question')} ({plural(asked, 'time')} asked), {stumped} that stumped you", style="dim")
