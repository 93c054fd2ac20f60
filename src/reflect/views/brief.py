"""The pre-interview brief: a terminal screen and a Markdown page."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from reflect.analysis.brief import Brief, Past
from reflect.views.layout import hanging, indented
from reflect.views.safe import neutral


def _title(brief: Brief) -> str:
    what = " ".join(x for x in (brief.stage, "interview") if x)
    where = f" at {brief.company}" if brief.company else ""
    role = f" ({brief.role})" if brief.role else ""
    return f"Brief for your next {what}{where}{role}"


def _past_line(p: Past) -> str:
    stage = f"{p.stage}, " if p.stage else ""
    perf = f", went {p.performance}/5" if p.performance else ""
    return f"{p.date.isoformat()} {p.company}, {p.role}: {stage}{p.outcome}{perf}"


def _section(title: str) -> Text:
    return Text(f"\n{title}", "bold cyan")


def _item(text: str, style: str = "", indent: int = 2) -> RenderableType:
    """A dash item whose wrapped lines stay under its first word."""
    return hanging(Text("- ", "dim"), Text(neutral(text), style), indent)


def brief_view(brief: Brief) -> RenderableType:
    parts: list[RenderableType] = [Text(_title(brief), "bold")]
    if brief.empty:
        parts += [Text(neutral(n)) for n in brief.needs]
        return Group(*parts)
    if brief.past:
        parts.append(_section(f"Earlier interviews with {brief.company}"))
        for p in brief.past:
            parts.append(_item(_past_line(p), "bold"))
            if p.feedback:
                parts.append(_item(f"feedback: {p.feedback}", "yellow", 4))
            for q in p.questions:
                mark = " (stumped)" if q.stumped else ""
                parts.append(_item(f"asked{mark}: {q.text}", "red" if q.stumped else "", 4))
            for note in p.went_wrong[:3]:
                parts.append(_item(f"went wrong: {note}", "", 4))
            for note in p.lessons[:3]:
                parts.append(_item(f"lesson: {note}", "green", 4))
    if brief.similar:
        parts.append(_section("Similar interviews elsewhere"))
        for p in brief.similar:
            parts.append(_item(_past_line(p)))
            if p.feedback:
                parts.append(_item(f"feedback: {p.feedback}", "yellow", 4))
    parts.append(_section("Your recurring weaknesses"))
    if brief.weaknesses is None:
        parts.append(Text("  themes not available", "dim"))
    elif not brief.weaknesses:
        parts.append(Text("  none recurring yet", "dim"))
    for w in brief.weaknesses or []:
        parts.append(hanging(Text("- ", "dim"), Text(neutral(w.label), "bold") + Text(f": {neutral(w.reminder)}"), 2))
    kinds = f" ({', '.join(brief.stage_kinds)})" if brief.stage_kinds else ""
    parts.append(_section(f"Questions that stumped you{kinds}"))
    if not brief.drill:
        parts.append(Text("  none recorded" + (" of these kinds" if kinds else ""), "dim"))
    for card in brief.drill:
        parts.append(_item(f"[{card.kind}] {card.text}", "bold"))
        answer = card.better_answer or "no better answer written yet (practise with `reflect drill`)"
        parts.append(_item(f"better answer: {answer}", "green" if card.better_answer else "dim", 4))
    if brief.checklist is None:
        parts += [_section("Checklist"), Text("  plan not available", "dim")]
    elif brief.checklist:
        parts.append(_section("Checklist"))
        parts += [hanging("[ ] ", Text(neutral(item)), 2) for item in brief.checklist]
    if brief.mantras:
        parts.append(_section("Your mantras"))
        parts += [indented(Text(neutral(m), "italic"), 2) for m in brief.mantras]
    if brief.needs:
        parts.append(Text(""))
        parts += [Text(neutral(n), "dim") for n in brief.needs]
    return Group(*parts)


def _md(text: str) -> str:
    """User text on one Markdown line, with the characters that would change its meaning escaped."""
    text = neutral(" ".join(text.split()))
    for char in "\\`*_[]<>#|":
        text = text.replace(char, "\\" + char)
    return text


def brief_markdown(brief: Brief) -> str:
    lines = [f"# {_md(_title(brief))}", ""]
    if brief.empty:
        return "\n".join(lines + [_md(n) for n in brief.needs]) + "\n"
    if brief.past:
        lines += [f"## Earlier interviews with {_md(brief.company or '')}", ""]
        for p in brief.past:
            lines.append(f"- **{_md(_past_line(p))}**")
            if p.feedback:
                lines.append(f"  - Feedback: {_md(p.feedback)}")
            lines += [f"  - Asked{' (stumped)' if q.stumped else ''}: {_md(q.text)}" for q in p.questions]
            lines += [f"  - Went wrong: {_md(n)}" for n in p.went_wrong[:3]]
            lines += [f"  - Lesson: {_md(n)}" for n in p.lessons[:3]]
        lines.append("")
    if brief.similar:
        lines += ["## Similar interviews elsewhere", ""]
        for p in brief.similar:
            lines.append(f"- {_md(_past_line(p))}" + (f" (feedback: {_md(p.feedback)})" if p.feedback else ""))
        lines.append("")
    lines += ["## Your recurring weaknesses", ""]
    if brief.weaknesses is None:
        lines.append("Themes not available.")
    elif not brief.weaknesses:
        lines.append("None recurring yet.")
    lines += [f"- **{_md(w.label)}**: {_md(w.reminder)}" for w in brief.weaknesses or []]
    kinds = f" ({', '.join(brief.stage_kinds)})" if brief.stage_kinds else ""
    lines += ["", f"## Questions that stumped you{kinds}", ""]
    if not brief.drill:
        lines.append("None recorded.")
    for card in brief.drill:
        lines.append(f"- [{card.kind}] {_md(card.text)}")
        lines.append(f"  - Better answer: {_md(card.better_answer) if card.better_answer else '_not written yet_'}")
    lines += ["", "## Checklist", ""]
    if brief.checklist is None:
        lines.append("Plan not available.")
    lines += [f"- [ ] {_md(item)}" for item in brief.checklist or []]
    if brief.mantras:
        lines += ["", "## Your mantras", ""] + [f"- {_md(m)}" for m in brief.mantras]
    if brief.needs:
        lines += [""] + [f"_{_md(n)}_" for n in brief.needs]
    return "\n".join(lines) + "\n"
