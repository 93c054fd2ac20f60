"""The guided `reflect log`, driven through a real pseudo-terminal as a person would."""

from __future__ import annotations

import os
import sys
import time
import tomllib
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

PROMPT = r"\S: $"  # every question ends in ": " (after its label, hint or [default])


def _spawn(tmp_path: Path, *args: str, data_dir: Path | None = None, term: str = "dumb"):
    env = dict(os.environ, REFLECT_DATA_DIR=str(data_dir or tmp_path / "journal"), REFLECT_CONFIG=str(tmp_path / "config.toml"),
               REFLECT_STATE_DIR=str(tmp_path / "state"), NO_COLOR="1", COLUMNS="100", TERM=term)
    return pexpect.spawn(sys.executable, ["-m", "reflect", "log", *args], env=env, encoding="utf-8", timeout=15,
                         dimensions=(40, 100))


def _waiting_at(child, label: str) -> None:
    """Wait until reflect waits at the question ``label``: a Ctrl-C sent in the instant
    before Python's readline starts waiting can sit unread until the next key (a race in
    the interpreter, not one a person pressing keys can hit)."""
    child.expect(label)
    child.expect(r": $")
    time.sleep(0.3)


def _enter_throughout(child) -> int:
    """Press Enter at every question until reflect ends; returns how many questions there were."""
    count = 0
    while child.expect([PROMPT, pexpect.EOF]) == 0:
        count += 1
        child.sendline("")
        assert count < 40, "the log never ends"
    child.close()
    return count


def _saved(data_dir: Path) -> list[dict]:
    return [tomllib.loads(p.read_text()) for p in sorted(data_dir.glob("*.toml"))]


def _stopped_while_typing_what_went_wrong(tmp_path: Path, words: str, term: str = "dumb") -> None:
    """A guided log stopped by Ctrl-C with ``words`` typed at "What went wrong", not entered."""
    child = _spawn(tmp_path, term=term)
    for text in ["Acme", "Dev", "", "", ""]:
        child.expect(PROMPT)
        child.sendline(text)
    child.expect("What went wrong")
    child.send(words)
    time.sleep(0.3)
    child.sendintr()
    child.expect(pexpect.EOF)


def test_enter_after_company_and_role_saves_within_ten_questions(data_dir, tmp_path):
    child = _spawn(tmp_path)
    child.expect(r"Company: $")
    child.sendline("Acme")
    child.expect(r"Role: $")
    child.sendline("Backend Engineer")
    asked = 2 + _enter_throughout(child)
    assert asked <= 10
    assert child.exitstatus == 0
    (saved,) = _saved(data_dir)
    assert (saved["company"], saved["role"], saved["outcome"]) == ("Acme", "Backend Engineer", "pending")
    assert not list((data_dir / "drafts").glob("*"))  # saving removes the draft


def test_each_essential_question_says_where_the_user_is(tmp_path):
    child = _spawn(tmp_path)
    for number, text in enumerate(["Acme", "Dev", "", "", "", "", ""], 1):
        child.expect(rf"\({number} of 7\) ")
        child.sendline(text)
    child.expect("What will be saved")
    _waiting_at(child, "Save it")
    child.sendintr()
    child.expect(pexpect.EOF)


def test_ctrl_c_after_what_went_wrong_keeps_it_and_resume_saves_it(data_dir, tmp_path):
    child = _spawn(tmp_path)
    for text in ["Acme", "Backend Engineer", "", "on site", "rejected"]:
        child.expect(PROMPT)
        child.sendline(text)
    child.expect("What went wrong")
    child.sendline("I rambled on the system design question")
    _waiting_at(child, "What went well")
    child.sendintr()
    child.expect("Nothing is lost")
    child.expect(r"log --resume")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    assert not list(data_dir.glob("*.toml"))
    (draft,) = (data_dir / "drafts").glob("log-*.toml")
    assert "I rambled on the system design question" in draft.read_text()
    assert oct(draft.stat().st_mode & 0o777) == oct(0o600)

    resumed = _spawn(tmp_path, "--resume")
    assert _enter_throughout(resumed) <= 10
    assert resumed.exitstatus == 0
    (saved,) = _saved(data_dir)
    assert saved["went_wrong"] == ["I rambled on the system design question"]
    assert (saved["stage"], saved["outcome"]) == ("onsite", "rejected")
    assert not draft.exists()


@pytest.mark.parametrize("term", ["dumb", "xterm"])
def test_words_typed_but_not_entered_before_ctrl_c_are_kept_too(data_dir, tmp_path, term):
    _stopped_while_typing_what_went_wrong(tmp_path, "I froze on the Kafka question", term)
    (draft,) = (data_dir / "drafts").glob("log-*.toml")
    assert "I froze on the Kafka question" in draft.read_text()
    resumed = _spawn(tmp_path, "--resume", term=term)
    resumed.expect("What went wrong.*: I froze on the Kafka question")  # back on the line, to go on with
    resumed.send(" again")
    resumed.sendline("")
    _enter_throughout(resumed)
    (saved,) = _saved(data_dir)
    assert saved["went_wrong"] == ["I froze on the Kafka question again"]


def test_an_unwritable_data_directory_keeps_the_draft_in_the_state_directory(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data directory's parent should be\n")
    data_dir = blocker / "journal"
    child = _spawn(tmp_path, data_dir=data_dir)
    for text in ["Acme", "Dev", "", "", "rejected", "My answers ran long", "", ""]:
        child.expect(PROMPT)
        child.sendline(text)
        if text == "Acme":
            child.expect("cannot be written")
            child.expect(str(tmp_path / "state"))
    child.expect("not saved")
    child.expect("Your answers are kept in")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    (draft,) = (tmp_path / "state" / "drafts").glob("log-*.toml")
    assert "My answers ran long" in draft.read_text()

    blocker.unlink()  # the user fixes the data directory, then continues
    resumed = _spawn(tmp_path, "--resume", data_dir=data_dir)
    _enter_throughout(resumed)
    assert resumed.exitstatus == 0
    (saved,) = _saved(data_dir)
    assert saved["went_wrong"] == ["My answers ran long"]
    assert not draft.exists()


def test_flags_with_company_and_role_save_in_a_terminal_without_asking(data_dir, tmp_path):
    child = _spawn(tmp_path, "--company", "Acme", "--role", "Backend Engineer", "--stage", "onsite",
                   "--outcome", "rejected", "--went-wrong", "I rambled on the system design question")
    child.expect("Saved 2")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "Company" not in (child.before or "")
    (saved,) = _saved(data_dir)
    assert saved["went_wrong"] == ["I rambled on the system design question"]


def test_ask_asks_only_for_what_the_flags_left_out(data_dir, tmp_path):
    child = _spawn(tmp_path, "--company", "Acme", "--role", "Dev", "--ask")
    child.expect(r"\(3 of 7\) Date")
    child.sendline("")
    assert _enter_throughout(child) <= 6
    assert _saved(data_dir)[0]["company"] == "Acme"


def test_back_works_at_once_after_an_answer_that_was_asked_again(data_dir, tmp_path):
    child = _spawn(tmp_path)
    child.expect(r"Company: $")
    child.sendline("Acme")
    child.expect(r"Role: $")
    child.sendline("")
    child.expect("This one is needed.")
    child.expect(r"Role: $")
    child.sendline("<")  # the first "<" goes back, however often the role was asked
    child.expect(r"Company \[Acme\]: $")
    child.sendline("Globex")
    child.expect(r"Role: $")
    child.sendline("Dev")
    child.expect(r"Date.*\[today\]: $")
    child.sendline("someday")
    child.expect("not a date")
    child.sendline("<")
    child.expect(r"Role \[Dev\]: $")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)


def test_forgiving_answers_going_back_and_changing_by_number(data_dir, tmp_path):
    child = _spawn(tmp_path)

    def answer(prompt: str, text: str) -> None:
        child.expect(prompt)
        child.sendline(text)

    answer("Company", "Acme")
    answer("Role", "Backend Engineer")
    answer(r"Date.*\[today\]", "someday")
    answer("not a date: write it like 2026-11-20", "2 days ago")  # re-asked with an example
    answer("Stage", "lunch")
    answer("for example 'on site'", "on site")
    answer("Outcome", "<")  # back to the stage
    answer(r"Stage.*\[onsite\]", "phone screen")
    answer("Outcome", "no reply")
    answer("What went wrong", "Answers ran long")
    answer("What went well", "")
    child.expect("What will be saved")
    answer("Save it", "2")  # change the role by its number
    answer(r"Role.*\[Backend Engineer\]", "Platform Engineer")
    answer("Save it", "d")
    child.expect(r"More detail . 1 of 7")
    answer("Format", "zoom")
    answer("Interviewers", "Ana, Bo")
    answer("Tags", "")
    child.expect(r"2 of 7")
    answer("How prepared", "7")
    answer("is not a rating", "4/5")
    answer("How confident", "")
    answer("How well did it go", "")
    answer("What you lacked", "skills: Kafka")
    answer("did you mean 'skill'", "skill")  # which kind, then on
    answer("What you lacked", "")
    answer("A question you were asked", "systemdesign: Design a URL shortener")
    answer(r"stump you.*\[y/N\]", "y")
    answer("How well did you answer", "2")
    answer("better answer", "")
    answer("A question you were asked", "")
    answer("Feedback", "")
    answer("Hours spent preparing", "lots")
    answer("like 4, 4.5, about 4", "about 4")
    for _ in range(6):
        answer(PROMPT, "")
    child.expect("What will be saved")
    answer("Save it", "")
    child.expect("Saved")
    child.expect("Globex|Acme")  # the acknowledgement names the company
    child.expect("Enter accepts them all")  # the themes found, settled on the spot
    child.sendline("")
    child.expect("Themes settled")
    child.expect(pexpect.EOF)
    (saved,) = _saved(data_dir)
    assert (saved["role"], saved["stage"], saved["outcome"], saved["format"]) == ("Platform Engineer", "phone-screen", "ghosted", "video")
    assert saved["interviewers"] == ["Ana", "Bo"] and saved["ratings"] == {"preparation": 4}
    assert saved["gaps"] == [{"kind": "skill", "detail": "Kafka"}]
    assert saved["questions"] == [{"text": "Design a URL shortener", "kind": "system-design", "stumped": True, "answer_rating": 2}]
    assert saved["prep"] == {"hours": 4.0}
    assert "conciseness" in saved["themes"]["confirmed"]


def test_resume_with_several_drafts_lets_the_user_choose(data_dir, tmp_path):
    for company in ("Acme", "Globex"):
        child = _spawn(tmp_path)
        child.expect("Company")
        child.sendline(company)
        _waiting_at(child, "Role")
        child.sendintr()
        child.expect(pexpect.EOF)
        time.sleep(1.1)  # drafts are named by the second
    resumed = _spawn(tmp_path, "--resume")
    resumed.expect("Drafts to continue")
    resumed.expect(r"1  log-\S+  Globex")
    resumed.expect(r"2  log-\S+  Acme")
    resumed.expect("Which one")
    resumed.sendline("2")
    resumed.expect(r"Role")
    resumed.sendline("Dev")
    _enter_throughout(resumed)
    assert [s["company"] for s in _saved(data_dir)] == ["Acme"]
    assert len(list((data_dir / "drafts").glob("log-*.toml"))) == 1


def test_ctrl_d_before_any_answer_keeps_nothing_and_says_so(data_dir, tmp_path):
    child = _spawn(tmp_path)
    child.expect(r"Company: $")
    child.sendeof()
    child.expect("nothing to keep")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    assert not list(data_dir.glob("**/*.toml"))


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root may write into a read-only folder")
def test_a_read_only_data_directory_keeps_the_draft_in_the_state_directory(tmp_path):
    data_dir = tmp_path / "journal"
    data_dir.mkdir()
    data_dir.chmod(0o500)
    try:
        child = _spawn(tmp_path, data_dir=data_dir)
        for text in ["Acme", "Dev", "", "", "", "Lost my train of thought", "", ""]:
            child.expect(PROMPT)
            child.sendline(text)
        child.expect("Your answers are kept in")
        child.expect(pexpect.EOF)
        (draft,) = (tmp_path / "state" / "drafts").glob("log-*.toml")
        assert "Lost my train of thought" in draft.read_text()
    finally:
        data_dir.chmod(0o700)


def test_when_no_draft_can_be_kept_anywhere_the_answers_are_shown_to_copy(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    (tmp_path / "state").write_text("a file where the state directory should be")
    child = _spawn(tmp_path, data_dir=blocker / "journal")
    for text in ["Acme", "Dev", "", "", "", "Answers ran long", "", ""]:
        child.expect(PROMPT)
        child.sendline(text)
        if text == "Acme":
            child.expect("cannot be kept as a draft anywhere")
    child.expect("to copy into a file")
    child.expect('went_wrong = \\[\\s+"Answers ran long"')
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1


def test_next_in_a_terminal_asks_with_the_earlier_round_as_defaults(data_dir, tmp_path, reflect):
    first = reflect("log", "--company", "Orbit Payments", "--role", "Platform Engineer", "--date", "2026-11-20",
                    "--stage", "phone-screen", "--outcome", "advanced", "--format", "video", "--tag", "fintech")
    assert first.exit_code == 0, first.output
    child = _spawn(tmp_path, "--next", "2026-11-20-orbit", data_dir=data_dir)
    child.expect(r"Company \[Orbit Payments\]: $")
    child.sendline("")
    child.expect(r"Role \[Platform Engineer\]: $")
    child.sendline("")
    child.expect(r"Date")
    child.sendline("2026-11-27")
    child.expect(r"Stage.*\[technical\]: $")
    child.sendline("onsite")
    _enter_throughout(child)
    assert child.exitstatus == 0
    saved = {s["date"].isoformat(): s for s in _saved(data_dir)}["2026-11-27"]
    assert (saved["company"], saved["role"], saved["stage"], saved["format"], saved["tags"]) == (
        "Orbit Payments", "Platform Engineer", "onsite", "video", ["fintech"])
    rounds = reflect("applications", "--json").stdout
    assert rounds.count("Orbit Payments") == 1  # one application, two rounds


def test_a_line_kept_from_one_stop_survives_a_second_stop_before_it_is_entered(data_dir, tmp_path):
    _stopped_while_typing_what_went_wrong(tmp_path, "My hands were shaking the whole time")
    again = _spawn(tmp_path, "--resume")
    again.expect("What went wrong.*: My hands were shaking the whole time")
    time.sleep(0.3)
    again.sendintr()  # stopped again, the kept line back on the line but not yet entered
    again.expect("Nothing is lost")
    again.expect(pexpect.EOF)
    (draft,) = (data_dir / "drafts").glob("log-*.toml")
    assert "My hands were shaking the whole time" in draft.read_text()
    resumed = _spawn(tmp_path, "--resume")
    resumed.expect("What went wrong.*: My hands were shaking the whole time")
    resumed.sendline("")
    _enter_throughout(resumed)
    (saved,) = _saved(data_dir)
    assert saved["went_wrong"] == ["My hands were shaking the whole time"]


def test_a_question_stopped_before_its_follow_ups_gets_them_on_resume(data_dir, tmp_path):
    child = _spawn(tmp_path)
    for text in ["Acme", "Dev", "", "", "", "", "", "d"]:
        child.expect(PROMPT)
        child.sendline(text)
    child.expect("More detail")
    while True:  # Enter through the sections before the questions
        child.expect([r"A question you were asked", PROMPT])
        if "A question you were asked" in child.after:
            break
        child.sendline("")
    child.expect(r": $")
    child.sendline("coding: reverse a linked list in place")
    _waiting_at(child, "Did it stump you")
    child.sendintr()
    child.expect(pexpect.EOF)
    resumed = _spawn(tmp_path, "--resume")
    resumed.expect("about: reverse a linked list in place")
    _waiting_at(resumed, "Did it stump you")
    resumed.sendline("y")
    resumed.expect("How well did you answer")
    resumed.sendline("2")
    _enter_throughout(resumed)
    assert resumed.exitstatus == 0
    (saved,) = _saved(data_dir)
    (question,) = saved["questions"]
    assert (question["text"], question["stumped"], question["answer_rating"]) == ("reverse a linked list in place", True, 2)


def test_next_answered_with_another_company_starts_another_application(data_dir, tmp_path, reflect):
    assert reflect("log", "--company", "Acme", "--role", "Engineer", "--date", "2026-11-20", "--outcome", "advanced").exit_code == 0
    path = next(data_dir.glob("*.toml"))
    path.write_text(path.read_text().replace('role = "Engineer"\n', 'role = "Engineer"\napplication = "acme-2026"\n'))
    child = _spawn(tmp_path, "--next", "2026-11-20-acme", data_dir=data_dir)
    child.expect(r"Company \[Acme\]: $")
    child.sendline("Globex")
    _enter_throughout(child)
    assert child.exitstatus == 0
    (globex,) = [s for s in _saved(data_dir) if s["company"] == "Globex"]
    assert "application" not in globex


def test_words_typed_at_a_kept_line_are_kept_with_it_when_stopped_again(data_dir, tmp_path):
    _stopped_while_typing_what_went_wrong(tmp_path, "My hands were shaking")
    again = _spawn(tmp_path, "--resume")
    again.expect("What went wrong.*: My hands were shaking")
    again.send(" and my voice went")
    time.sleep(0.3)
    again.sendintr()
    again.expect(pexpect.EOF)
    (draft,) = (data_dir / "drafts").glob("log-*.toml")
    assert "My hands were shaking and my voice went" in draft.read_text()


def test_a_kept_line_stays_in_the_draft_while_it_is_offered_again_even_if_reflect_is_killed(data_dir, tmp_path):
    import signal

    _stopped_while_typing_what_went_wrong(tmp_path, "I froze on the Kafka question")
    again = _spawn(tmp_path, "--resume")
    again.expect("What went wrong.*: I froze on the Kafka question")
    time.sleep(0.3)
    again.kill(signal.SIGKILL)  # a closed terminal, a crash: no chance to save anything more
    again.expect(pexpect.EOF)
    (draft,) = (data_dir / "drafts").glob("log-*.toml")
    assert "I froze on the Kafka question" in draft.read_text()


def test_a_questions_hint_is_set_apart_from_it_in_brackets(tmp_path):
    child = _spawn(tmp_path)
    for text in ["Acme", "Dev", "", ""]:
        child.expect(PROMPT)
        child.sendline(text)
    child.expect(r"Outcome so far \(pending/advanced/offer/rejected/withdrew/ghosted\)\s+\[pending\]: $")
    child.sendline("")
    child.expect(r"What went wrong \(weak answers, shaky moments; Enter to skip\): $")
    child.sendintr()
    child.expect(pexpect.EOF)
