"""How `reflect log` reads what people type, in its flags and its questions alike."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reflect.compose import read_format, read_hours, read_outcome, read_rating, read_stage
from reflect.query import parse_day

FRIDAY = dt.date(2026, 12, 4)


@pytest.mark.parametrize(("text", "stage"), [
    ("on site", "onsite"), ("onsite", "onsite"), ("On-Site", "onsite"), ("phone screen", "phone-screen"),
    ("recruiter", "recruiter-screen"), ("take home", "take-home"), ("final round", "final"), ("tech", "technical"),
])
def test_stages_as_people_write_them(text, stage):
    assert read_stage(text) == stage


@pytest.mark.parametrize(("text", "value"), [("zoom", "video"), ("Teams", "video"), ("in person", "in-person"),
                                             ("phone call", "phone"), ("hirevue", "async")])
def test_formats_as_people_write_them(text, value):
    assert read_format(text) == value


@pytest.mark.parametrize(("text", "value"), [("no reply", "ghosted"), ("rejected", "rejected"), ("next round", "advanced"),
                                             ("got an offer", "offer"), ("pulled out", "withdrew")])
def test_outcomes_as_people_write_them(text, value):
    assert read_outcome(text) == value


@pytest.mark.parametrize(("text", "hours"), [("about 4", 4.0), ("4h", 4.0), ("4.5", 4.5), ("4,5", 4.5), ("90 min", 1.5),
                                             ("1h30", 1.5), ("2-3", 2.5), ("half an hour", 0.5), ("~3 hours", 3.0),
                                             ("two hours", 2.0)])
def test_hours_as_people_write_them(text, hours):
    assert read_hours(text) == hours


@given(st.decimals(min_value=0, max_value=500, places=2))
def test_any_plain_number_of_hours_reads_back(number):
    assert read_hours(str(number)) == float(number)
    assert read_hours(f"about {number}h") == float(number)


@pytest.mark.parametrize(("text", "day"), [
    ("today", FRIDAY), ("yesterday", dt.date(2026, 12, 3)), ("2 days ago", dt.date(2026, 12, 2)),
    ("a week ago", dt.date(2026, 11, 27)), ("last friday", dt.date(2026, 11, 27)), ("friday", FRIDAY),
    ("monday", dt.date(2026, 11, 30)), ("tue", dt.date(2026, 12, 1)), ("20 nov", dt.date(2026, 11, 20)),
    ("Nov 20, 2025", dt.date(2025, 11, 20)), ("dec 25", dt.date(2025, 12, 25)), ("2026-11-20", dt.date(2026, 11, 20)),
    # ahead, for an interview to come
    ("tomorrow", dt.date(2026, 12, 5)), ("in 3 days", dt.date(2026, 12, 7)), ("in a week", dt.date(2026, 12, 11)),
    ("next tuesday", dt.date(2026, 12, 8)), ("next friday", dt.date(2026, 12, 11)),
])
def test_days_as_people_write_them(text, day):
    assert parse_day(text, FRIDAY) == day


@pytest.mark.parametrize("text", ["lots", "four-ish hours maybe", ""])
def test_unreadable_hours_get_an_example_not_a_python_message(text):
    with pytest.raises(ValueError, match="like 4, 4.5, about 4") as error:
        read_hours(text)
    assert "float" not in str(error.value)


@pytest.mark.parametrize("text", ["7", "0", "great", "3.5"])
def test_ratings_outside_one_to_five_are_refused_with_an_example(text):
    with pytest.raises(ValueError, match="from 1 .* to 5"):
        read_rating(text)
    assert read_rating("4/5") == 4 and read_rating("four") == 4
