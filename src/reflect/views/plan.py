"""The development plan: a rich view for the terminal and Markdown for printing or a coach.

User text is always plain Text (never markup) in the terminal, and escaped in Markdown.
"""

from __future__ import annotations

import re

from rich.console import Group, RenderableType
from rich.text import Text

from reflect.analysis.plan import IMPROVING, NEW, RETHINK, Focus, Plan
from reflect.models.state import ActionState, ActionStatus
from reflect.views.feedback import chase_table
from reflect.views.layout import hanging, indented
from reflect.views.safe import neutral

STATUS_MARK = {ActionStatus.TODO: "[ ]", ActionStatus.DOING: "[~]", ActionStatus.DONE: "[x]", ActionStatus.SKIPPED: "[-]"}
STATUS_STYLE = {ActionStatus.TODO: "", ActionStatus.DOING: "yellow", ActionStatus.DONE: "green", ActionStatus.SKIPPED: "dim"}
FOCUS_STYLE = {IMPROVING: "green", RETHINK: "bold yellow", NEW: "cyan"}


def _t(value: object, style: str = "") -> Text:
    return Text(neutral(str(value)), style=style)


def _why(focus: Focus) -> str:
    noun = "interview" if focus.count == 1 else "interviews"
    why = f"seen in {focus.count} {noun}, last on {focus.last_seen}"
    if focus.rejected_share is not None and focus.contrast > 0:
        offer = f" vs {focus.succeeded_share:.0%} of offers and advances" if focus.succeeded_share is not None else ""
        why += f"; in {focus.rejected_share:.0%} of rejections{offer}"
    return why


def _action_line(action: ActionState) -> RenderableType:
    body = Text(neutral(action.text), style="dim" if action.status == ActionStatus.SKIPPED else "")
    if action.source == "next-step":
        body.append("  (your next step)", style="dim")
    body.append("  ")
    body.append(action.id, style="cyan")  # one word: wrapping never splits it
    return hanging(Text(STATUS_MARK[action.status] + " ", STATUS_STYLE[action.status]), body, 4)


def _bullet(body: Text) -> RenderableType:
    return hanging("\u2022 ", body, 4)


def plan_view(plan: Plan) -> Group:
    """The plan for the terminal. Wrapped lines keep their indent; ids are never split."""
    parts: list[RenderableType] = [Text(f"Development plan \u2014 {plan.today.isoformat()}", style="bold")]
    if plan.message:
        parts.append(Text(plan.message))
    for number, focus in enumerate(plan.focus, 1):
        parts.append(Text(""))
        head = Text(f"{number}. ", style="bold")
        head.append(neutral(focus.label), style="bold")
        if focus.status != "active":
            head.append(f"  {focus.status}", style=FOCUS_STYLE.get(focus.status, ""))
        parts.append(head)
        parts.append(indented(Text(f"{_why(focus)}; review on {focus.review_on.isoformat()}", style="dim"), 3))
        if focus.status_reason and focus.status in (IMPROVING, RETHINK):
            parts.append(indented(Text(focus.status_reason, style=FOCUS_STYLE[focus.status]), 3))
        for quote in focus.quotes:
            said = Text(neutral(quote["text"]), style="italic")
            said.append("\u201d ")
            said.append(neutral(f"\u2014 {quote['company']}, {quote['date']}"), style="dim")
            parts.append(hanging(Text("\u201c"), said, 3))
        if focus.actions:
            parts.append(indented(Text("Practise", style="bold cyan"), 3))
            parts.extend(_action_line(a) for a in focus.actions)
        if focus.questions:
            parts.append(indented(Text("Rehearse", style="bold cyan"), 3))
            for q in focus.questions:
                parts.append(_bullet(_t(q["text"]) + _t(f"  ({q['company']}, {q['date']})", "dim")))
    if plan.seen_once:
        parts.append(Text(""))
        parts.append(Text(f"Seen in one interview so far, planned if it comes back: {neutral(', '.join(plan.seen_once))}", style="dim"))
    if plan.chases:
        parts.append(Text(""))
        parts.append(Text("Feedback to chase", style="bold"))
        parts.append(indented(chase_table(plan.chases, title=None), 4))
    if plan.checklist:
        parts.append(Text(""))
        parts.append(Text("Before the next interview", style="bold"))
        parts.extend(_bullet(_t(item)) for item in plan.checklist)
    if plan.focus:
        parts.append(Text(""))
        parts.append(Text("Mark progress: reflect plan start|done|skip ACTION_ID", style="dim"))
    return Group(*parts)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md(text: str) -> str:
    """User text safe inside a Markdown line: one line, special characters escaped."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(neutral(text).split()))


def plan_markdown(plan: Plan) -> str:
    """The plan as Markdown: one ``#`` title, then a ``##`` heading per focus area (and for the
    feedback to chase and the checklist) and a checkbox per action."""
    lines = [f"# Development plan ({plan.today.isoformat()})", ""]
    if plan.message:
        lines += [md(plan.message), ""]
    for number, focus in enumerate(plan.focus, 1):
        lines += [f"## {number}. {md(focus.label)}", ""]
        status = "" if focus.status == "active" else f" Status: {focus.status}."
        lines += [f"Why: {md(_why(focus))}. Review on {focus.review_on.isoformat()}.{status}", ""]
        for quote in focus.quotes:
            lines += [f"> {md(quote['text'])} ({md(quote['company'])}, {quote['date']})", ""]
        if focus.actions:
            lines += ["**Practise**", ""]
            for action in focus.actions:
                box = "x" if action.status == ActionStatus.DONE else " "
                note = {ActionStatus.DOING: " (doing)", ActionStatus.SKIPPED: " (skipped)"}.get(action.status, "")
                lines.append(f"- [{box}] {md(action.text)}{note} `{action.id}`")
            lines.append("")
        if focus.questions:
            lines += ["**Rehearse**", ""]
            lines += [f"- {md(q['text'])} ({md(q['company'])}, {q['date']})" for q in focus.questions]
            lines.append("")
    if plan.seen_once:
        lines += [f"Seen in one interview so far, planned if it comes back: {md(', '.join(plan.seen_once))}.", ""]
    if plan.chases:
        lines += ["## Feedback to chase", ""]
        for chase in plan.chases:
            r = chase.entry.reflection
            lines.append(f"- {md(r.company)}, {md(r.role)} ({r.date.isoformat()}): {chase.reason}")
        lines.append("")
    if plan.checklist:
        lines += ["## Before the next interview", ""]
        lines += [f"- {md(item)}" for item in plan.checklist]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
