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
