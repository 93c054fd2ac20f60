import datetime as dt
import json
import time
import os
import re
import sys

import pexpect
import pytest

QUESTIONS = {
    "behavioral": "Tell me about a time you disagreed with your manager",
    "system-design": "Design a URL shortener",
    "coding": "Reverse a linked list in place",
}


@pytest.fixture
def stumped(log):
    """A journal with three stumped questions (and one answered well, not drilled)."""
    # Both rejected, so their feedback is due (a calendar asks for it).
    log("Acme", "Backend Engineer", "2026-01-10", "--stage", "onsite", "--outcome", "rejected",
        "--stumped", f"system-design:{QUESTIONS['system-design']}",
        "--stumped", f"coding:{QUESTIONS['coding']}", "--question", "about-me:Walk me through your CV")
    return log("Globex", "Backend Engineer", "2026-02-01", "--outcome", "rejected", "--stumped", f"behavioral:{QUESTIONS['behavioral']}")


def due(reflect) -> dict:
    result = reflect("drill", "--due", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_due_lists_every_stumped_question_as_new(reflect, stumped):
    listed = due(reflect)
    assert {d["text"] for d in listed["due"]} == set(QUESTIONS.values())
    assert all(d["new"] and d["due"] == dt.date.today().isoformat() for d in listed["due"])
    assert listed["upcoming"] == []
    text = reflect("drill", "--due").stdout
    assert "Due now: 3" in text and QUESTIONS["coding"] in text


def test_kind_filters_the_bank(reflect, stumped):
    result = reflect("drill", "--due", "--json", "--kind", "coding")
    assert [d["text"] for d in json.loads(result.stdout)["due"]] == [QUESTIONS["coding"]]


def test_session_without_a_terminal_is_a_clear_error_not_a_hang(reflect, stumped):
    result = reflect("drill", input="")
    assert result.exit_code == 2
    assert "needs a terminal" in result.stderr and "--due" in result.stderr


def test_empty_journal_has_nothing_due(reflect):
    assert due(reflect) == {"today": dt.date.today().isoformat(), "due": [], "upcoming": []}
    assert "Nothing due" in reflect("drill", "--due").stdout


def test_bad_state_file_is_reported_and_kept(reflect, stumped, data_dir):
    state = data_dir / "state" / "drill.toml"
    state.parent.mkdir()
    state.write_text("[cards]\nnot-a-key = 3\n")
    result = reflect("drill", "--due")
    assert result.exit_code == 1
    assert str(state) in result.stderr
    assert state.read_text() == "[cards]\nnot-a-key = 3\n"


def test_ics_export_reads_back_with_an_independent_parser(reflect, stumped, tmp_path):
    import icalendar

    target = tmp_path / "reflect.ics"
    result = reflect("drill", "--due", "--ics", str(target))
    assert result.exit_code == 0, result.output
    assert "Due now: 3" in result.stdout
    events = list(icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT"))
    summaries = sorted(str(e["SUMMARY"]) for e in events)
    assert summaries == [
        "Ask Acme for interview feedback",
        "Ask Globex for interview feedback",
        "Drill 3 interview questions (reflect drill)",
    ]
    drill_event = next(e for e in events if str(e["SUMMARY"]).startswith("Drill"))
    assert drill_event.decoded("DTSTART") == dt.date.today()
    assert QUESTIONS["system-design"] in str(drill_event["DESCRIPTION"])
    printed = reflect("drill", "--ics", "-").stdout
    assert printed.startswith("BEGIN:VCALENDAR") and printed.count("BEGIN:VEVENT") == 3


def _ctrl_c_at(child, question: str, said: str) -> None:
    """Ctrl-C once the session waits at ``question``; it then says ``said`` and ends."""
    child.expect(question)
    child.expect(r": $")
    time.sleep(0.3)  # a Ctrl-C in the instant before readline waits can sit unread (an interpreter race)
    child.sendintr()
    child.expect(said)
    child.expect(pexpect.EOF)
    child.close()


def _spawn(data_dir):
    env = dict(os.environ, NO_COLOR="1", COLUMNS="120", TERM="dumb", PYTHONUNBUFFERED="1")
    return pexpect.spawn(sys.executable, ["-m", "reflect", "drill"], env=env, encoding="utf-8", timeout=20,
                         dimensions=(40, 120))


@pytest.mark.slow
def test_session_in_a_real_terminal_schedules_the_weakest_soonest(reflect, stumped, data_dir):
    child = _spawn(data_dir)
    given = {}
    for rating in ("1", "4", "5"):
        child.expect(r"Question \d of 3")
        which = child.expect([re.escape(q) for q in QUESTIONS.values()])
        given[list(QUESTIONS.values())[which]] = int(rating)
        child.expect("Your answer")
        child.sendline("b")  # peek at the better answer: none written yet
        child.expect("No better answer written yet")
        child.expect("Your answer")
        child.sendline("")  # answered aloud
        child.expect("How well did you answer")
        child.sendline("7")  # not a rating: asked again
        child.expect("from 1 \\(poor\\) to 5")
        child.sendline(rating)
        child.expect("Next time")
    child.expect("Session done")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    listed = due(reflect)
    assert listed["due"] == []
    soonest = listed["upcoming"][0]
    assert given[soonest["text"]] == 1
    assert soonest["due"] == (dt.date.today() + dt.timedelta(days=1)).isoformat()
    intervals = {u["text"]: u["interval"] for u in listed["upcoming"]}
    assert sorted(intervals[t] for t in given) == [1, 4, 7]
    state = (data_dir / "state" / "drill.toml").read_text()
    assert QUESTIONS["coding"] in state


@pytest.mark.slow
def test_ctrl_c_keeps_ratings_given_and_a_typed_answer_can_be_saved(reflect, stumped, data_dir):
    child = _spawn(data_dir)
    child.expect(r"Question 1 of 3")
    first = child.expect([re.escape(q) for q in QUESTIONS.values()])
    child.expect("Your answer")
    child.sendline("Clarify the scale first, then the API")
    child.expect("How well did you answer")
    child.sendline("2")
    child.expect("Save what you typed")
    child.sendline("y")
    child.expect("Saved as your better answer")
    child.expect(r"Question 2 of 3")
    _ctrl_c_at(child, "Your answer", "Stopped early")
    assert child.exitstatus == 0

    listed = due(reflect)
    text = list(QUESTIONS.values())[first]
    assert [u["text"] for u in listed["upcoming"]] == [text]
    assert len(listed["due"]) == 2
    assert listed["upcoming"][0]["better_answer"] == "Clarify the scale first, then the API"
    files = [p.read_text() for p in data_dir.glob("*.toml")]
    assert sum("Clarify the scale first, then the API" in f for f in files) == 1
    assert not (data_dir / "drafts").exists()  # nothing was replaced, so nothing to keep


def test_schedule_survives_new_reflections_and_rewording_of_case(reflect, stumped, log, data_dir):
    from reflect.analysis.drill import drill_bank
    from reflect.cli.context import Application
    from reflect.state import record_drill_rating

    journal = Application().journal
    card = next(c for c in drill_bank(journal.load_all().entries) if c.kind == "coding")
    record_drill_rating(journal, card, 5, dt.date.today())
    log("Hooli", "Backend Engineer", "2026-03-01", "--stumped", "coding:reverse a LINKED list, in place!")
    listed = due(reflect)
    (later,) = listed["upcoming"]
    assert later["text"] == "reverse a LINKED list, in place!" and later["interval"] == 7
    assert [a["company"] for a in later["asked"]] == ["Hooli", "Acme"]


@pytest.mark.slow
def test_replacing_a_better_answer_keeps_the_old_file_in_drafts(reflect, log, data_dir):
    ident = log("Acme", "Dev", "2026-01-10")
    path = data_dir / f"{ident}.toml"
    path.write_text(path.read_text() + '\n[[questions]]\ntext = "Why Acme?"\nstumped = true\nbetter_answer = "Old answer"\n')
    before = path.read_text()
    child = _spawn(data_dir)
    child.expect("Your answer")
    child.sendline("New answer")
    child.expect("Old answer")  # shown after answering, to compare
    child.expect("How well did you answer")
    child.sendline("3")
    child.expect("Replace your better answer")
    child.sendline("y")
    child.expect("Session done")
    child.expect(pexpect.EOF)
    assert 'better_answer = "New answer"' in path.read_text()
    (draft,) = (data_dir / "drafts").iterdir()
    assert draft.read_text() == before
    (row,) = json.loads(reflect("drafts", "--json").stdout)  # a copy of what was, not an edit to take up
    assert row["kind"] == "backup" and row["resume"] == "" and ident in row["what"]


def test_an_answer_typed_then_stopped_before_its_rating_is_kept_as_a_draft(reflect, stumped, data_dir):
    child = _spawn(data_dir)
    child.expect(r"Question 1 of 3")
    question = list(QUESTIONS.values())[child.expect([re.escape(q) for q in QUESTIONS.values()])]
    child.expect("Your answer")
    child.sendline("Start from the read path, then shard by key")
    _ctrl_c_at(child, "How well did you answer", "kept in")
    (draft,) = (data_dir / "drafts").glob("*-answer-*.toml")
    assert draft.read_text() == f"# Your answer to: {question}\nStart from the read path, then shard by key\n"
    (row,) = json.loads(reflect("drafts", "--json").stdout)
    assert row["kind"] == "answer" and row["path"] == str(draft)

    again = _spawn(data_dir)  # the next session offers it back, on the line, to go on with
    again.expect(re.escape(question))
    again.expect("Your answer.*: Start from the read path, then shard by key")
    again.sendline(" and cache hot keys")
    again.expect("How well did you answer")
    again.sendline("3")
    again.expect("Save what you typed")
    again.sendline("n")
    again.expect(r"Question 2 of 3")
    again.sendintr()
    again.expect(pexpect.EOF)
    again.close()
    assert not draft.exists()  # answered now: the draft is done with
