"""The question bank as a table. User text is always plain Text, never markup."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from reflect.analysis.questions import QuestionGroup
from reflect.views.charts import sparkline
from reflect.views.layout import Fitted, indented
from reflect.views.safe import neutral
from reflect.views.report_text import plural


NARROW = 72  # below this width a table's question column would break words: one block each instead


def question_table(groups: list[QuestionGroup]) -> Fitted:
    """The bank as a table, or in a narrow terminal as one block per question."""
    return Fitted(lambda width: _table(groups) if width >= NARROW else Group(*(_block(group) for group in groups)))


def _question(group: QuestionGroup) -> Text:
    question = Text(neutral(group.text), style="bold" if group.stumped else "")
    if group.stumped:
        question.append(f"  stumped {group.stumped}\u00d7" if group.stumped > 1 else "  stumped", style="red")
    return question


def _answers(group: QuestionGroup) -> Text:
    ratings = [r for _, r in group.ratings]
    answers = Text(sparkline(ratings), style="cyan")
    if ratings:
        answers.append(" " + " \u2192 ".join(str(r) for r in ratings[-4:]), style="dim")
    return answers


def _block(group: QuestionGroup) -> Group:
    facts = Text.assemble(Text(group.kind, style="dim"), f" \u00b7 asked {group.count}")
    if group.ratings:
        facts.append(" \u00b7 answers ")
        facts.append_text(_answers(group))
    lines = [_question(group), indented(facts, 2)]
    others = [w for w in group.wordings if w != group.text]
    if others:
        lines.append(indented(Text(neutral("also: " + " | ".join(others[:3])), style="dim"), 2))
    if group.better_answer:
        lines.append(indented(Text.assemble("better: ", Text(neutral(group.better_answer), style="green")), 2))
    return Group(*lines, Text(""))


def _table(groups: list[QuestionGroup]) -> Table:
    table = Table(box=None, header_style="bold", pad_edge=False, show_lines=False)
    table.add_column("question", overflow="fold", ratio=3)
    table.add_column("kind", no_wrap=True)
    table.add_column("asked", justify="right", no_wrap=True)
    table.add_column("answers", no_wrap=True)
    table.add_column("better answer so far", overflow="fold", ratio=2)
    for group in groups:
        question = _question(group)
        others = [w for w in group.wordings if w != group.text]
        if others:
            question.append("\n")
            question.append(neutral("also: " + " | ".join(others[:3])), style="dim")
        table.add_row(
            question,
            Text(group.kind, style="dim"),
            Text(str(group.count)),
            _answers(group),
            Text(neutral(group.better_answer or ""), style="green"),
        )
    return table


def bank_summary(groups: list[QuestionGroup]) -> Text:
    asked = sum(g.count for g in groups)
    stumped = sum(1 for g in groups if g.stumped)
    return Text(f"{plural(len(groups), 'question')} ({plural(asked, 'time')} asked), {stumped} that stumped you", style="dim")
