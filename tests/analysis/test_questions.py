from hypothesis import given
from hypothesis import strategies as st

from reflect.analysis.questions import Asked, group_questions, key_words, similarity


def _asked(text: str, n: int = 0) -> Asked:
    return Asked(f"id{n}", f"2026-01-{n % 28 + 1:02d}", "Acme", text, "other", False, None, None)


def test_normalisation_ignores_case_punctuation_stop_words_and_word_forms():
    assert key_words("Tell me about a time you FAILED!") == key_words("a time when you fail")
    assert key_words("Describe a conflict with a co-worker") == key_words("conflict with coworkers")
    assert similarity(key_words("Design a URL shortener"), key_words("How would you design a URL shortening service?")) >= 0.6


@given(st.lists(st.text(max_size=40), max_size=12))
def test_grouping_keeps_every_question_exactly_once_and_is_deterministic(texts):
    asked = [_asked(t, i) for i, t in enumerate(texts)]
    groups = group_questions(asked)
    assert sorted(a.id for g in groups for a in g.asked) == sorted(a.id for a in asked)
    again = group_questions(asked)
    assert [[a.id for a in g.asked] for g in groups] == [[a.id for a in g.asked] for g in again]


def test_identical_wording_always_joins_its_group():
    groups = group_questions([_asked("???", 0), _asked("???", 1), _asked("Why us?", 2)])
    assert [g.count for g in groups] == [2, 1]
