"""The matcher quotes the user's own words behind a trigger phrase."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reflect.analysis.matcher import matcher_for
from reflect.analysis.taxonomy import get_taxonomy


@pytest.mark.parametrize(
    ("sentence", "trigger", "words"),
    [
        ("The job turns out to be far more senior.", "job turned out", "job turns out"),
        ("I could see her eyes glaze over as I talked.", "could see the eyes glaze", "see her eyes glaze"),
        ("I didn't prepare for the salary question at all.", "not prepared", "didn't prepare"),
        ("They said I RAMBLED on every answer.", "rambling answer", "RAMBLED on every answer"),
        ("Not sure about my answer on database indexing.", "not \u2026 sure of my answers", "Not sure about my answer"),
        ("Conciseness was lacking in my answers.", "lacking \u2026 concis*", "Conciseness was lacking"),
        ("My answers didn't make sense.", "answer didn't make sense", "answers didn't make sense"),
        ("I didnt prepare.", "not prepared", "didnt prepare"),
        ("I cannot prepare.", "not prepared", "cannot prepare"),
        ("I didn't ramble at first, but then I rambled.", "rambl*", "rambled"),  # not the negated one
        ("The coding round went fine.", "not prepared", ""),  # not a phrase of this sentence
        ("I rambled.", "model: \"rambled\"", ""),  # a model's words, not a trigger
    ],
)
def test_said_gives_the_words_as_written(sentence, trigger, words):
    assert matcher_for(get_taxonomy()).said(sentence, trigger) == words


NOTES = st.lists(
    st.sampled_from(["I", "really", "rambled", "didn't", "prepare", "for", "the", "salary", "question", "was", "so", "nervous", "and", "vague", "—", ",", "on", "and"]),
    min_size=1, max_size=14,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(NOTES)
def test_every_trigger_the_lexicon_fires_on_is_quoted_from_the_sentence(sentence):
    matcher = matcher_for(get_taxonomy())
    for theme, trigger in matcher.match_sentence(sentence):
        words = matcher.said(sentence, trigger)
        assert words, (sentence, trigger)  # found, and as written: never words the user did not write
        assert words.lower() in sentence.lower(), (sentence, trigger, words)


@pytest.mark.parametrize(
    ("sentence", "trigger", "shown"),
    [
        # a model leaves small words out; its explanation quotes them back in, as written
        ("I did not get the message across.", 'model: "not message"', 'model: "not get the message"'),
        ("I didn't know what their product did.", 'model: "not know", "product"', 'model: "didn\'t know", "product"'),
        ("Tell me about a time you disagreed.", 'model: "me time", "disagreed"', 'model: "me about a time", "disagreed"'),
        ("We talked about Sharding.", 'model: "shard"', 'model: "Sharding"'),
        ("Nothing like it here.", 'note: "move fast"', 'note: "move fast"'),  # not found: left as it was
        ("Design a rate limiter", 'model: "Design", "lacking", "rate limiter"', 'model: "Design", "rate limiter"'),  # a cue
    ],
)
def test_a_models_explanation_is_quoted_as_written(sentence, trigger, shown):
    from reflect.analysis.matcher import model_words

    assert model_words(sentence, trigger) == shown


@pytest.mark.parametrize(
    ("sentence", "praised"),
    [
        ("My answers were clear and specific.", True),
        # "clearly" only hedges: the sentence praises no clarity, so the note model may read it
        ("Clearly I hadn't researched the company at all.", False),
        ("It was clearly a stretch role for me.", False),
    ],
)
def test_what_a_sentence_reads_as_praise(sentence, praised):
    calm = matcher_for(get_taxonomy()).sentence(sentence)[4]
    assert ("clarity" in calm) is praised
