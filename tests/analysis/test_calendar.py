import datetime as dt

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reflect.analysis.calendar import CalendarEvent, feedback_events, fold, to_ics
from reflect.cli.ics import write_ics
from reflect.errors import UsageError
from tests.analysis.entries import entry
from tests.conftest import mode

NOW = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.timezone.utc)


def parse(text: str) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(text)
    return list(calendar.walk("VEVENT"))


def test_events_survive_an_independent_parser():
    long = "Explain, in detail; the trade-offs\\of a cache — éèà " * 5 + "\nsecond line"
    text = to_ics([CalendarEvent("x-1@test", dt.date(2026, 3, 2), "Drill: a, b; c", long)], now=NOW)
    (event,) = parse(text)
    assert str(event["SUMMARY"]) == "Drill: a, b; c"
    assert str(event["DESCRIPTION"]) == long
    assert event.decoded("DTSTART") == dt.date(2026, 3, 2)
    assert event.decoded("DTEND") == dt.date(2026, 3, 3)
    assert str(event["UID"]) == "x-1@test"
    assert event.decoded("DTSTAMP") == NOW


def test_lines_are_crlf_and_folded_at_75_octets():
    text = to_ics([CalendarEvent("u", dt.date(2026, 3, 2), "é" * 100)], now=NOW)
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75


@given(st.text(min_size=0, max_size=300))
def test_fold_never_splits_a_character_and_unfolds_to_the_same_line(text):
    folded = fold("SUMMARY:" + text)
    assert all(len(part.encode("utf-8")) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == "SUMMARY:" + text


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1, max_size=200))
def test_any_summary_reads_back_the_same(summary):
    (event,) = parse(to_ics([CalendarEvent("u", dt.date(2026, 3, 2), summary)], now=NOW))
    assert str(event["SUMMARY"]) == summary


def test_control_characters_are_dropped_from_text():
    (event,) = parse(to_ics([CalendarEvent("u", dt.date(2026, 3, 2), "a\x1b[31mb")], now=NOW))
    assert "\x1b" not in str(event["SUMMARY"])


def test_feedback_events_ask_now_and_chase_when_due():
    today = dt.date(2026, 3, 1)
    entries = [
        entry("never", "2026-02-01", "Acme", outcome="rejected"),
        entry("undecided", "2026-02-01", "Hooli"),  # pending: no decision to ask about yet
        entry("recent", "2026-02-27", "Globex", feedback={"status": "requested", "requested_on": dt.date(2026, 2, 28)}),
        entry("done", "2026-02-01", "Initech", feedback={"status": "received", "text": "ok"}),
        entry("walked", "2026-02-01", "Umbrella", outcome="withdrew"),
    ]
    events = {e.uid: e for e in feedback_events(entries, today, chase_days=7)}
    assert set(events) == {"feedback-never@interview-reflect", "feedback-recent@interview-reflect"}
    assert events["feedback-never@interview-reflect"].date == today
    assert events["feedback-never@interview-reflect"].summary.startswith("Ask Acme")
    assert events["feedback-recent@interview-reflect"].date == dt.date(2026, 3, 7)


def test_write_replaces_an_earlier_calendar_but_never_another_file(tmp_path):
    target = tmp_path / "plan.ics"
    assert write_ics(target, to_ics([], now=NOW)) is False
    assert mode(target) == 0o600
    assert write_ics(target, to_ics([], now=NOW)) is True
    precious = tmp_path / "notes.toml"
    precious.write_text("company = 'Acme'\n")
    with pytest.raises(UsageError):
        write_ics(precious, to_ics([], now=NOW))
    assert precious.read_text() == "company = 'Acme'\n"


def test_plan_review_dates_become_events():
    from types import SimpleNamespace

    from reflect.analysis.calendar import plan_review_events

    focus = [SimpleNamespace(theme="conciseness", label="Conciseness", review_on=dt.date(2026, 3, 15))]
    (event,) = parse(to_ics(plan_review_events(focus), now=NOW))
    assert str(event["SUMMARY"]) == "Review your plan: Conciseness"
    assert event.decoded("DTSTART") == dt.date(2026, 3, 15)
    assert str(event["UID"]) == "plan-review-conciseness@interview-reflect"
