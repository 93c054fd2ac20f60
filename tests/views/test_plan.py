import datetime as dt
from pathlib import Path

from rich.console import Console

from reflect.analysis.plan import EvidenceItem, FocusInput, build_plan
from reflect.models.entry import Entry
from reflect.models import validate_reflection
from reflect.state import PlanState
from reflect.views.plan import md, plan_markdown, plan_view

TODAY = dt.date(2026, 11, 22)


def _plan():
    entries = []
    for n in (1, 2):
        data = {"company": f"Evil*Co\x1b[31m{n}", "role": "Dev", "date": f"2026-10-0{n}", "outcome": "rejected"}
        ident = f"2026-10-0{n}-evil"
        entries.append(Entry(ident, Path(ident), validate_reflection(data)))
    item = FocusInput(
        "conciseness", "Conciseness", 2, tuple(e.id for e in entries),
        tuple(EvidenceItem(e.id, e.reflection.date.isoformat(), "went_wrong[0]", "I [rambled](http://x) *a lot*\n# twice") for e in entries),
        "2026-10-02", ("Answer in three parts.", "Time your answers."),
    )
    return build_plan(entries, [item], PlanState(), today=TODAY)


def test_markdown_escapes_user_text_so_it_cannot_add_structure():
    text = plan_markdown(_plan())
    assert "\x1b" not in text
    assert "\\[rambled\\]" in text and "\\*a lot\\*" in text
    assert not any(line.startswith("# twice") for line in text.splitlines())
    assert text.count("\n## ") == 2 and text.count("\n# ") == 0 and text.count("- [ ] ") == 2  # the area, then the chases
    assert md("a\nb  c") == "a b c"


def test_rich_view_shows_user_text_literally():
    console = Console(record=True, width=200, color_system=None)
    console.print(plan_view(_plan()))
    shown = console.export_text()
    assert "[rambled](http://x)" in shown and "\\x1b" in shown
    assert "conciseness-" in shown
