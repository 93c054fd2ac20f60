import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reflect.analysis.drill import (
    BadDrillState,
    DrillState,
    drill_bank,
    next_interval,
    plan_schedule,
    question_key,
    schedule,
    with_better_answer,
)
from reflect.journal import Journal
from reflect.state import load_drill, record_drill_rating
from tests.analysis.entries import entry
from tests.conftest import mode

TODAY = dt.date(2026, 3, 1)


def test_key_ignores_case_punctuation_and_spacing():
    assert question_key("Tell me about a conflict.") == question_key("  tell me  about a CONFLICT ")
    assert question_key("Tell me about a conflict") != question_key("Tell me about a failure")


def test_bank_takes_stumped_and_weak_answers_and_merges_the_same_question():
    older = entry("a", "2026-01-10", questions=[
        {"text": "Design a URL shortener", "kind": "system-design", "stumped": True, "better_answer": "Start from reads"},
        {"text": "Why us?", "answer_rating": 4},
    ])
    newer = entry("b", "2026-02-10", "Globex", questions=[
        {"text": "design a url shortener!", "answer_rating": 2},
        {"text": "Reverse a list", "kind": "coding", "answer_rating": 1},
    ])
    cards = {c.text: c for c in drill_bank([older, newer])}
    assert set(cards) == {"design a url shortener!", "Reverse a list"}
    url = cards["design a url shortener!"]
    assert [s.id for s in url.sources] == ["b", "a"]
    assert url.kind == "system-design"  # the newer wording had no kind
    assert url.better_answer == "Start from reads"
    assert [c.text for c in drill_bank([older, newer], kind="coding")] == ["Reverse a list"]


@pytest.mark.parametrize(("rating", "previous", "expected"), [
    (1, None, 1), (2, 30, 1), (3, 30, 3), (4, None, 4), (4, 10, 20), (5, None, 7), (5, 10, 30), (5, 100, 180),
])
def test_the_documented_rule(rating, previous, expected):
    assert next_interval(rating, previous) == expected


@given(st.integers(1, 5), st.integers(1, 5), st.integers(1, 180))
def test_a_weaker_rating_never_comes_back_later(low, high, previous):
    if low < high:
        assert next_interval(low, previous) <= next_interval(high, previous)


def test_schedule_keeps_history_and_sets_due():
    first = schedule(None, "Q", 4, TODAY)
    second = schedule(first, "Q", 5, TODAY + dt.timedelta(days=4))
    assert (first.interval, first.due) == (4, TODAY + dt.timedelta(days=4))
    assert second.interval == 12 and second.last_rating == 5
    assert [r.rating for r in second.history] == [4, 5]


def test_new_and_overdue_questions_are_due_weakest_first():
    e = entry("a", "2026-01-10", questions=[
        {"text": "Q ok", "stumped": True, "answer_rating": 3},
        {"text": "Q bad", "stumped": True, "answer_rating": 1},
        {"text": "Q later", "stumped": True},
    ])
    cards = drill_bank([e])
    state = DrillState()
    later = next(c for c in cards if c.text == "Q later")
    state.cards[later.key] = schedule(None, later.text, 5, TODAY)
    plan = plan_schedule(cards, state, TODAY)
    assert [d.card.text for d in plan.due] == ["Q bad", "Q ok"]
    assert [(d.card.text, d.due) for d in plan.upcoming] == [("Q later", TODAY + dt.timedelta(days=7))]
    assert plan_schedule(cards, state, TODAY + dt.timedelta(days=7)).due[-1].card.text == "Q later"


def test_state_round_trips_privately(tmp_path):
    journal = Journal(tmp_path / "data")
    path = tmp_path / "data" / "state" / "drill.toml"
    card = drill_bank([entry("a", "2026-01-10", questions=[{"text": "Q", "stumped": True}])])[0]
    record_drill_rating(journal, card, 2, TODAY)
    record_drill_rating(journal, card, 4, TODAY + dt.timedelta(days=1))
    state = load_drill(journal)
    assert state.cards[card.key].interval == 4
    assert mode(path) == 0o600
    assert path.read_text().startswith("# reflect drill schedule")


@pytest.mark.parametrize("content", ["not toml = = =", "[cards.abc]\ndue = 1", "surprise = 1\n", "schema = 9\n"])
def test_a_bad_state_file_is_an_error_naming_it_and_is_left_alone(tmp_path, content):
    journal = Journal(tmp_path)
    path = tmp_path / "state" / "drill.toml"
    path.parent.mkdir()
    path.write_text(content)
    with pytest.raises(BadDrillState) as caught:
        load_drill(journal)
    assert str(path) in caught.value.message
    assert path.read_text() == content


def test_missing_state_is_empty(tmp_path):
    assert load_drill(Journal(tmp_path / "nope")).cards == {}


def test_with_better_answer_returns_what_it_replaced():
    e = entry("a", "2026-01-10", questions=[{"text": "Q one", "stumped": True, "better_answer": "old"}, {"text": "Other"}])
    updated, previous = with_better_answer(e.reflection, question_key("q one"), "new")
    assert previous == "old"
    assert [q.better_answer for q in updated.questions] == ["new", None]
