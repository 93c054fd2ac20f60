import datetime as dt
import json
import re

import pytest


@pytest.fixture
def themes():
    """The theme engine; tests that need it are skipped where it is not installed."""
    return pytest.importorskip("reflect.analysis.themes")


RAMBLING = [
    "I rambled on the system design question",
    "My answers went on and on and the interviewer had to cut me off",
    "Way too long-winded when describing my last project",
    "I talked too much and never got to the point",
]


def _journal(log):
    """Six rejections; conciseness in four of them."""
    for n in range(1, 7):
        extra = ["--went-wrong", RAMBLING[n - 1]] if n <= 4 else ["--went-wrong", "The office was hard to find"]
        log(f"Co{n}", "Dev", f"2026-10-0{n}", "--outcome", "rejected", *extra)


def _plan(reflect, *args):
    result = reflect("plan", "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_empty_journal_says_what_the_plan_needs(reflect, data_dir):
    result = reflect("plan")
    assert result.exit_code == 0
    assert "log at least 2 interviews" in result.stdout
    data = _plan(reflect)
    assert data["focus"] == [] and "at least 2" in data["message"]
    assert not (data_dir / "state").exists()


def test_one_interview_still_lists_feedback_to_chase(log, reflect):
    ident = log("Acme", "Dev", "2026-10-01", "--outcome", "rejected")
    data = _plan(reflect)
    assert data["focus"] == [] and [c["id"] for c in data["feedback_to_chase"]] == [ident]


def test_unknown_action_is_an_error(log, reflect):
    result = reflect("plan", "done", "conciseness-0000")
    assert result.exit_code == 1 and "no action" in result.stderr


def test_broken_plan_file_is_named_not_reset(reflect, data_dir):
    state = data_dir / "state"
    state.mkdir(parents=True)
    (state / "plan.toml").write_text("version = 1\nfocus = 3\n")
    result = reflect("plan")
    assert result.exit_code == 1
    assert "plan.toml" in result.stderr and "focus" in result.stderr
    assert (state / "plan.toml").read_text() == "version = 1\nfocus = 3\n"


def test_subcommands_explain_themselves(reflect):
    for name in ("done", "start", "skip"):
        result = reflect("plan", name, "--help")
        assert result.exit_code == 0 and "Example" in result.stdout


def test_recurring_conciseness_leads_the_plan(themes, log, reflect):
    _journal(log)
    data = _plan(reflect)
    first = data["focus"][0]
    assert first["theme"] == "conciseness" and first["count"] == 4
    assert sorted(e["id"] for e in first["evidence"]) == [f"2026-10-0{n}-co{n}-dev" for n in range(1, 5)]
    assert len(first["actions"]) >= 2 and all(a["status"] == "todo" for a in first["actions"])
    assert first["review_on"] and first["label"]
    assert {"feedback_to_chase", "checklist"} <= set(data)


def test_progress_survives_new_reflections(themes, log, reflect, data_dir):
    _journal(log)
    action = _plan(reflect)["focus"][0]["actions"][0]["id"]
    result = reflect("plan", "done", action)
    assert result.exit_code == 0, result.output
    reflect("plan", "start", _plan(reflect)["focus"][0]["actions"][1]["id"])
    log("Co7", "Dev", "2026-10-08", "--outcome", "rejected", "--went-wrong", "I rambled again")
    statuses = {a["id"]: a["status"] for a in _plan(reflect)["focus"][0]["actions"]}
    assert statuses[action] == "done"
    assert list(statuses.values())[1] == "doing"
    text = (data_dir / "state" / "plan.toml").read_text()
    assert f'id = "{action}"' in text and 'status = "done"' in text


def test_done_works_before_the_plan_was_ever_shown(themes, log, reflect, tmp_path):
    _journal(log)
    action = _plan(reflect)["focus"][0]["actions"][0]["id"]
    (tmp_path / "journal" / "state" / "plan.toml").unlink()
    assert reflect("plan", "skip", action).exit_code == 0
    assert _plan(reflect)["focus"][0]["actions"][0]["status"] == "skipped"


def test_markdown_has_a_heading_per_focus_area_and_a_checkbox_per_action(themes, log, reflect):
    _journal(log)
    data = _plan(reflect)
    reflect("plan", "done", data["focus"][0]["actions"][0]["id"])
    result = reflect("plan", "--markdown")
    assert result.exit_code == 0
    md = result.stdout
    assert md.startswith("# ")
    # One title, every section one level below it (focus areas, then the feedback to chase).
    assert len(re.findall(r"^# ", md, flags=re.M)) == 1 and not re.search(r"^###", md, flags=re.M)
    headings = [h for h in re.findall(r"^## (.+)$", md, flags=re.M) if h not in ("Feedback to chase", "Before the next interview")]
    assert len(headings) == len(data["focus"])
    assert data["focus"][0]["label"] in headings[0]
    boxes = re.findall(r"^- \[( |x)\] ", md, flags=re.M)
    assert len(boxes) == sum(len(f["actions"]) for f in data["focus"]) and boxes[0] == "x"


def test_rich_view_shows_why_what_and_ids(themes, log, reflect):
    _journal(log)
    action = _plan(reflect)["focus"][0]["actions"][0]["id"]
    result = reflect("plan", "--top", "1")
    assert result.exit_code == 0
    assert "Conciseness" in result.stdout and "seen in 4 interviews" in result.stdout
    assert action in result.stdout and "Feedback to chase" in result.stdout
    assert dt.date.today().isoformat() in result.stdout


# --- hostile values and state -----------------------------------------------------------


def _far_feedback(data_dir, ident):
    path = data_dir / f"{ident}.toml"
    path.write_text(path.read_text().replace('status = "not-requested"', 'status = "requested"\nrequested_on = 9999-12-31'))


def test_a_feedback_request_on_the_last_day_there_is_does_not_crash_the_calendars(reflect, log, data_dir, tmp_path):
    ident = log("Acme", "Engineer", "2026-11-20", "--outcome", "rejected", "--went-wrong", "I rambled")
    log("Globex", "Engineer", "2026-11-21", "--outcome", "rejected", "--went-wrong", "I rambled again")
    _far_feedback(data_dir, ident)
    assert reflect("check").exit_code == 0
    for command in (["plan", "--ics", str(tmp_path / "plan.ics")], ["drill", "--ics", str(tmp_path / "drill.ics")]):
        result = reflect(*command)
        assert result.exit_code == 0, result.output
    assert "END:VCALENDAR" in (tmp_path / "plan.ics").read_text()


def test_bidi_overrides_and_c1_controls_reach_neither_the_terminal_nor_a_calendar(reflect, log, tmp_path):
    company = "Ev\u202eil\u009b2J Corp"
    for day in ("2026-11-20", "2026-11-21"):
        log(company, "Engineer", day, "--outcome", "rejected", "--went-wrong", "I rambled \u202eon design\u009b31m")
    calendar = tmp_path / "plan.ics"
    outputs = [reflect(*c).output for c in (["list"], ["plan"], ["feedback", "--pending"], ["themes"], ["show", "2026-11-20"])]
    assert reflect("plan", "--ics", str(calendar)).exit_code == 0
    outputs.append(calendar.read_text())
    for text in outputs:
        assert "\u202e" not in text and "\u009b" not in text
    assert "Ev\\u202eil\\x9b2J" in outputs[0]


@pytest.mark.parametrize("name,command", [("plan.toml", ["plan"]), ("plan.toml", ["plan", "done", "x"]), ("drill.toml", ["drill"])])
def test_a_fifo_in_place_of_a_state_file_is_refused_without_hanging(reflect, log, data_dir, name, command):
    import os

    log()
    (data_dir / "state").mkdir(exist_ok=True)
    os.mkfifo(data_dir / "state" / name)
    result = reflect(*command, input="")
    assert result.exit_code != 0
    assert "not a regular file (a FIFO, a device...)" in result.stderr


def test_a_state_folder_that_is_a_link_is_not_read_through(reflect, log, data_dir, tmp_path):
    log()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "plan.toml").write_text("[focus]\n")
    (data_dir / "state").symlink_to(elsewhere)
    result = reflect("plan")
    assert result.exit_code != 0
    assert "reflect does not read through it" in result.stderr


def test_json_on_a_terminal_escapes_bidi_overrides_too(log):
    import os
    import sys

    import pexpect

    log("Ev\u202eil Corp", "Engineer", "2026-11-20")
    child = pexpect.spawn(sys.executable, ["-m", "reflect", "list", "--json"], env=dict(os.environ), encoding="utf-8", timeout=30)
    child.expect(pexpect.EOF)
    assert "Ev\\u202eil Corp" in child.before
    assert "\u202e" not in child.before


def test_a_theme_seen_in_one_interview_is_named_apart_as_not_yet_planned(reflect, log):
    log("Acme", "Dev", "2026-11-01", "--went-wrong", "I rambled on every answer", "--went-wrong", "I was so nervous my hands shook")
    log("Globex", "Dev", "2026-11-10", "--went-wrong", "I froze and my voice shook")
    out = reflect("plan").stdout
    assert "1. Nerves and confidence" in out
    assert "Seen in one interview so far, planned if it comes back: " in out and "Conciseness" in out.split("Seen in one")[1]
    data = json.loads(reflect("plan", "--json").stdout)
    assert "Conciseness" in data["seen_once"] and "Nerves and confidence" not in data["seen_once"]
    assert "Seen in one interview so far" in reflect("plan", "--markdown").stdout
