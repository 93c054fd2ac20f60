"""Output that holds up in any terminal: ids are never split, wrapped lines keep their indent.

Driven through the real CLI at the widths users have: a wide terminal, 80 columns
(also what a pipe gets) and a narrow 40.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from reflect.demo import build_demo

TODAY = dt.date.today()


@pytest.fixture
def demo(data_dir):
    """The sample journal, dated up to today: ids up to 49 characters long."""
    _, entries = build_demo(data_dir, today=TODAY)
    return [e.id for e in entries]


@pytest.fixture
def short_ids(log):
    """Ids that fit in 40 columns, with company and role names that do not."""
    return [
        log("Acme", "Dev", "2026-10-01", "--outcome", "rejected"),
        log("Initech", "Backend Engineer", "2026-10-02", "--outcome", "pending", "--stage", "recruiter-screen"),
        log("Massive Dynamic", "SRE", "2026-10-03", "--outcome", "ghosted"),
    ]


def at(monkeypatch, reflect, columns: int, *args: str) -> str:
    monkeypatch.setenv("COLUMNS", str(columns))
    result = reflect(*args)
    assert result.exit_code == 0, result.output
    # Only a file's path may be wider: it is printed whole, to be copied (the terminal wraps it).
    wide = [line for line in result.stdout.splitlines() if len(line) > columns and not line.strip().endswith(".toml")]
    assert not wide, f"output wider than the terminal: {wide}"
    return result.stdout


def whole(ident: str, output: str) -> bool:
    return any(re.search(rf"(^|\s){re.escape(ident)}(\s|$)", line) for line in output.splitlines())


def shown_id(ident: str, output: str) -> bool:
    """The id, or a start of it of 12 characters or more (what `list` shows when space is tight), whole."""
    return any(re.search(rf"(^|\s){re.escape(ident[:n])}(\s|$)", output, flags=re.M) for n in range(12, len(ident) + 1))


@pytest.mark.parametrize("columns", [80, 120])
@pytest.mark.parametrize("command", [("feedback", "--pending")])
def test_long_ids_are_never_split(monkeypatch, reflect, demo, columns, command):
    shown = at(monkeypatch, reflect, columns, *command)
    # the ids this command lists (found even when split over lines, as they were)
    listed = [i for i in demo if i in re.sub(r"\s+", "", shown)]
    assert listed and max(len(i) for i in listed) > 45
    for ident in listed:
        assert whole(ident, shown), f"{ident} is split in `reflect {' '.join(command)}` at {columns} columns"


@pytest.mark.parametrize("columns", [40, 80, 120])
def test_ids_stay_whole_in_a_narrow_terminal_and_the_rest_still_shows(monkeypatch, reflect, short_ids, columns):
    shown = at(monkeypatch, reflect, columns, "list")
    for ident in short_ids:
        assert shown_id(ident, shown)  # whole, or a unique start of it when space is tight
    for word in ("rejected", "pending", "ghosted"):
        assert word in shown  # the outcome is not given up for the id
    pending = at(monkeypatch, reflect, columns, "feedback", "--pending")
    assert whole(short_ids[0], pending)  # the rejected round: the only one decided
    assert "never" in pending  # and the reason is still there


@pytest.mark.parametrize("columns", [80, 120])
def test_list_keeps_names_whole_and_ids_unique_at_common_widths(monkeypatch, reflect, demo, columns):
    shown = at(monkeypatch, reflect, columns, "list")
    for ident in demo:
        assert shown_id(ident, shown), f"{ident} is not shown (whole or a unique start) at {columns} columns"
    for name in ("Site Reliability Engineer", "Senior Software Engineer", "Northwind Logistics", "Meridian Insurance"):
        assert name in shown  # ordinary names whole (a long stage may be shortened)


def test_company_and_role_are_shortened_not_wrapped(monkeypatch, reflect, log):
    ident = log("Massive Dynamic Platform Group", "Principal Platform Reliability Engineer", "2026-11-20")
    shown = at(monkeypatch, reflect, 80, "list")
    rows = [line for line in shown.splitlines() if "2026-11-20" in line]
    assert len(rows) == 1 and "\u2026" in rows[0]  # one line, the long names end in "…"
    assert len(shown.splitlines()) == 3  # header, the row, the summary


@pytest.mark.parametrize("columns", [40, 80])
def test_plan_lists_feedback_to_chase_with_whole_ids(monkeypatch, reflect, short_ids, columns):
    shown = at(monkeypatch, reflect, columns, "plan")
    assert "Feedback to chase" in shown
    assert whole(short_ids[0], shown)  # the rejected round: pending and ghosted ones are not chased


LONG = "I rambled on and on about a past project and never reached the point of it, zanzibar"  # wraps at 50 columns


@pytest.fixture
def rambling(log):
    pytest.importorskip("reflect.analysis.themes")
    for n in range(1, 4):
        log(f"Co{n}", "Dev", (TODAY - dt.timedelta(days=n)).isoformat(), "--outcome", "rejected", "--went-wrong", LONG,
            "--lesson", "Say the headline first, then one example, then stop and check in, zanzibar")


def continuation(output: str, word: str = "zanzibar") -> list[str]:
    return [line for line in output.splitlines() if word in line]


@pytest.mark.parametrize("command", [("plan",), ("themes",), ("themes", "conciseness"), ("brief", "Co1")])
def test_wrapped_lines_keep_their_indent(monkeypatch, reflect, rambling, command):
    shown = at(monkeypatch, reflect, 50, *command)
    lines = continuation(shown)
    assert lines, shown
    for line in lines:
        assert line.startswith("  "), f"a wrapped line lost its indent in `reflect {' '.join(command)}`:\n{shown}"


def test_show_keeps_bullets_apart_from_their_wrapped_text(monkeypatch, reflect, log):
    ident = log("Acme", "Dev", "2026-10-01", "--went-wrong", LONG)
    shown = at(monkeypatch, reflect, 50, "show", ident)
    assert continuation(shown) and all(line.startswith("    ") for line in continuation(shown))
    assert whole(ident, shown)
