"""The report's last sections: the development plan's focus areas and their progress,
the questions that stumped the user and how the answers moved, feedback still to chase.

Readings and bodies are HTML: every user text in them went through ``out``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reflect.views.report_svg import BarRow, Bars, dots, stacked_bars
from reflect.views.report_text import Out, Section, plural

STATUSES = (("done", "p-done"), ("doing", "p-doing"), ("todo", "p-todo"), ("skipped", "p-skipped"))
MARKS = {"done": "\u2611", "doing": "\u25d1", "todo": "\u2610", "skipped": "\u2012"}
MAX_QUESTIONS = 12
MAX_CHASES = 30


def _status(action: Any) -> str:
    status = getattr(action, "status", "todo")
    return str(getattr(status, "value", status))


def plan_section(plan: Any, out: Out) -> Section:
    title = "Development plan"
    focus = list(getattr(plan, "focus", None) or []) if plan is not None else []
    if not focus:
        message = getattr(plan, "message", None) or "No plan yet: it follows from weaknesses that come back."
        return Section("plan", title, out(message), "")
    rows, done, total = [], 0, 0
    for area in focus:
        counts = {name: 0 for name, _ in STATUSES}
        for action in area.actions:
            counts[_status(action)] = counts.get(_status(action), 0) + 1
        finished = counts["done"]
        done, total = done + finished, total + len(area.actions)
        segments = [(name, cls, float(counts[name])) for name, cls in STATUSES]
        note = f"{finished} of {len(area.actions)} done"
        rows.append(BarRow(area.label, segments, note, area.theme))
    chart = stacked_bars(Bars(rows, [(n, c) for n, c in STATUSES]), "Progress on each focus area (actions)", out, "plan")
    labels = ", ".join(out(a.label) for a in focus)
    reading = f"{plural(len(focus), 'focus area')}: {labels}. {done} of {plural(total, 'action')} done."
    return Section("plan", title, reading, chart + _actions(focus, out) + _checklist(plan, out))


def _actions(focus: Sequence[Any], out: Out) -> str:
    parts = []
    for area in focus:
        status = getattr(area, "status", "active")
        state = "" if status == "active" else f' <span class="tag">{out(status)}</span>'
        why = f"seen in {plural(area.count, 'interview')}, last on {out(area.last_seen)}; review on {out(area.review_on)}"
        items = "".join(
            f'<li class="a-{_status(a)}"><span class="mark">{MARKS.get(_status(a), "")}</span> {out(a.text, 200)}</li>' for a in area.actions
        )
        parts.append(f'<div class="focus"><h3>{out(area.label)}{state}</h3><p class="muted">{why}</p><ul class="actions">{items}</ul></div>')
    return "".join(parts)


def _checklist(plan: Any, out: Out) -> str:
    items = list(getattr(plan, "checklist", None) or [])
    if not items:
        return ""
    return "<h3>Before the next interview</h3><ul>" + "".join(f"<li>{out(i, 200)}</li>" for i in items) + "</ul>"


# --- questions -------------------------------------------------------------------------------


def _improved(group: Any) -> bool | None:
    ratings = [r for _, r in group.ratings]
    return ratings[-1] > ratings[0] if len(ratings) > 1 else None


def questions_section(groups: Sequence[Any], out: Out, recent: int | None = None) -> Section:
    title = "Questions that stumped you"
    if recent is not None:
        title += f" in your last {recent} interviews"
    stumping = [g for g in groups if g.stumped][:MAX_QUESTIONS]
    if not stumping:
        return Section("questions", title, "No question has stumped you yet (mark them when you log: --stumped).", "")
    everyone = [g for g in groups if g.stumped]
    again = [g for g in everyone if _improved(g) is not None]
    better = [g for g in again if _improved(g)]
    reading = f"{plural(len(everyone), 'question')} stumped you"
    reading += f"; of the {len(again)} you were asked again with a rating, {len(better)} got a better answer later." if again else "; none has come back with a rating yet."
    rows = []
    for g in stumping:
        ratings = [r for _, r in g.ratings]
        chart = dots(ratings, "answer ratings, oldest first", out) if ratings else '<span class="muted">-</span>'
        answer = out(g.better_answer, 220) if g.better_answer else '<span class="muted">not written yet</span>'
        rows.append(
            f"<tr><td>{out(g.text, 180)}</td><td>{out(g.kind)}</td><td>{g.count}</td><td>{g.stumped}</td>"
            f"<td>{chart}</td><td>{answer}</td></tr>"
        )
    head = "<tr><th>question</th><th>kind</th><th>asked</th><th>stumped</th><th>answers (1-5)</th><th>better answer</th></tr>"
    more = f'<p class="muted">and {len(everyone) - len(stumping)} more (see <code>reflect questions --stumped</code>).</p>' if len(everyone) > len(stumping) else ""
    return Section("questions", title, reading, f'<table class="questions"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>{more}')


# --- feedback to chase -----------------------------------------------------------------------


def chases_section(chases: Sequence[Any], out: Out) -> Section:
    title = "Feedback still to chase"
    if not chases:
        return Section("feedback", title, "No feedback to chase: every interview has its answer or was withdrawn.", "")
    oldest = max(chases, key=lambda c: c.days)
    r = oldest.entry.reflection
    reading = (
        f"Feedback is still to come for {plural(len(chases), 'interview')}; the oldest is {out(r.company)} "
        f"on {out(r.date.isoformat())} ({plural(oldest.days, 'day')} ago)."
    )
    head = "<tr><th>date</th><th>company</th><th>role</th><th>why</th>" + ("" if out.redacted else "<th>ask</th>") + "</tr>"
    rows = []
    for chase in sorted(chases, key=lambda c: -c.days)[:MAX_CHASES]:
        r = chase.entry.reflection
        ask = "" if out.redacted else f"<td>{out(', '.join(r.interviewers)) or '-'}</td>"
        rows.append(f"<tr><td>{out(r.date.isoformat())}</td><td>{out(r.company)}</td><td>{out(r.role)}</td><td>{out(chase.reason)}</td>{ask}</tr>")
    more = f'<p class="muted">and {len(chases) - MAX_CHASES} more (see <code>reflect feedback</code>).</p>' if len(chases) > MAX_CHASES else ""
    return Section("feedback", title, reading, f'<table><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>{more}')
