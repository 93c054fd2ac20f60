"""Any valid reflection survives being written as TOML and read back, unchanged."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from reflect import fileformat
from reflect.models import Feedback, Gap, Prep, Question, Ratings, Reflection, ThemeDecisions
from reflect.vocab import FeedbackStatus, Format, GapKind, Outcome, QuestionKind, Stage

# Any text a person could paste: every Unicode character but lone surrogates
# (which UTF-8 cannot hold), including control characters and escape sequences.
text = st.text(max_size=40) | st.sampled_from(["", "a\nb", "\r\n", "x\\", '"""', "'''", "\x1b[31m", "\t \u2028 \x9b", "é\u0301"])
some_text = text.filter(lambda t: t.strip() != "")
days = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
rating = st.none() | st.integers(1, 5)
texts = st.lists(text, max_size=3)
# Decisions on themes (schema 2): any theme ids, each either confirmed or dismissed.
theme_ids = st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True)
decisions = st.lists(theme_ids, unique=True, max_size=5).flatmap(
    lambda ids: st.integers(0, len(ids)).map(lambda k: ThemeDecisions(confirmed=ids[:k], dismissed=ids[k:]))
)

reflections = st.builds(
    Reflection,
    company=some_text,
    role=some_text,
    date=days,
    stage=st.none() | st.sampled_from(Stage),
    format=st.none() | st.sampled_from(Format),
    outcome=st.sampled_from(Outcome),
    interviewers=texts,
    tags=texts,
    ratings=st.builds(Ratings, preparation=rating, confidence=rating, performance=rating, fit=rating, mood=rating),
    went_well=texts,
    went_wrong=texts,
    gaps=st.lists(st.builds(Gap, kind=st.sampled_from(GapKind), detail=text), max_size=2),
    questions=st.lists(
        st.builds(Question, text=st.text(min_size=1, max_size=30), kind=st.sampled_from(QuestionKind), stumped=st.booleans(),
                  answer_rating=rating, better_answer=st.none() | text),
        max_size=2,
    ),
    feedback=st.builds(Feedback, status=st.sampled_from(FeedbackStatus), requested_on=st.none() | days,
                       received_on=st.none() | days, source=st.none() | text, text=st.none() | text),
    prep=st.builds(Prep, hours=st.none() | st.floats(0, 10_000, allow_nan=False), activities=texts, notes=st.none() | text),
    fit_notes=st.none() | text,
    lessons=texts,
    next_steps=texts,
    themes=decisions,
)


@settings(max_examples=300, deadline=None)
@given(reflection=reflections)
def test_any_reflection_survives_toml_write_and_read(reflection):
    written = fileformat.dumps(reflection)
    assert fileformat.loads(written) == reflection
    # and writing what was read gives the same bytes: nothing drifts over repeated saves
    assert fileformat.dumps(fileformat.loads(written)) == written


@settings(max_examples=100, deadline=None)
@given(reflection=reflections)
def test_any_reflection_survives_json_data_and_back(reflection):
    import json

    data = json.loads(json.dumps(reflection.to_json_data()))
    assert fileformat.loads_any(json.dumps(data)) == reflection
