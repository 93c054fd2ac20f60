"""What the engine learns from the user's wording (pure: no files)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from reflect.analysis.learned import Learned, distinctive, learnable, matches, to_confirm, to_dismiss
from reflect.analysis.themes import Hit
from reflect.models.learned import Wording, parse_wordings

DAY = dt.date(2026, 1, 10)
HELICOPTER = Wording("attitude-professionalism", "I was helicoptering over every detail.", "a", "confirmed", DAY)


def test_a_confirmed_wording_suggests_its_theme_for_a_sentence_in_the_same_words():
    learned = Learned([HELICOPTER])
    hits = learned.apply([], [("went_wrong[0]", "Helicoptering over the details again.")], "b")
    assert hits == [("attitude-professionalism", "went_wrong[0]", "Helicoptering over the details again.", "your words in a", "learned")]


def test_other_words_and_the_source_reflection_are_left_alone():
    learned = Learned([HELICOPTER])
    assert learned.apply([], [("went_wrong[0]", "I went over the code with them.")], "b") == []
    assert learned.apply([], [("went_wrong[0]", "I was helicoptering over every detail.")], "a") == []


def test_a_dismissed_wording_takes_the_theme_away_from_sentences_in_those_words_only():
    rambled = Hit("conciseness", "went_wrong[0]", "I rambled about the billing migration.", "rambl", "text")
    other = Hit("conciseness", "went_wrong[1]", "My answers were far too long.", "too long", "text")
    tag = Hit("conciseness", "tags", "tagged conciseness", "tag conciseness", "tag")
    learned = Learned([Wording("conciseness", "Rambled on about the billing migration.", "a", "dismissed", DAY)])
    sentences = [("went_wrong[0]", rambled.text), ("went_wrong[1]", other.text)]
    assert learned.apply([rambled, other, tag], sentences, "b") == [other, tag]


def test_matching_needs_most_of_the_distinctive_words():
    assert distinctive("I was helicoptering over every detail") == frozenset({"helicopt", "over", "detail"})
    assert not learnable("The interviewer was late.")  # one short distinctive word is too little to learn
    assert learnable("I micromanaged.")  # ... one long rare one is enough
    assert matches(distinctive("I micromanaged."), distinctive("Micromanaged the whole team again."))
    helicopter = distinctive(HELICOPTER.text)
    assert matches(helicopter, distinctive("Helicoptering over the code."))  # the rare word and one more
    assert not matches(helicopter, distinctive("I went over every detail of the spec."))  # common words only
    five = distinctive("slow whiteboard markers smudged diagrams")
    assert matches(five, distinctive("smudged diagrams with slow markers"))
    assert not matches(five, distinctive("diagrams were fine"))


@given(st.text(max_size=80))
def test_a_learnable_note_always_matches_itself(text):
    if learnable(text):
        assert matches(distinctive(text), distinctive(text))


def test_what_a_decision_teaches():
    hits = [Hit("conciseness", "went_wrong[0]", "I rambled on and on.", "rambl", "text")]
    sentences = [("went_wrong[0]", "I rambled on and on."), ("went_wrong[1]", "I was helicoptering over every detail.")]
    assert to_confirm("attitude-professionalism", sentences, hits) == ["I was helicoptering over every detail."]
    assert to_confirm("clarity", sentences[:1], hits) == ["I rambled on and on."]  # the one note there is
    many = [(f"went_wrong[{i}]", f"Unusual wording number {word} here.") for i, word in enumerate(["alpha", "beta", "gamma"])]
    assert to_confirm("clarity", many, []) == []  # which note was meant? none is guessed
    found_everywhere = [*hits, Hit("coding", "went_wrong[1]", sentences[1][1], "x", "text")]
    assert to_confirm("clarity", sentences, found_everywhere) == []
    assert to_dismiss("conciseness", hits) == ["I rambled on and on."]
    tagged = [Hit("conciseness", "tags", "tagged conciseness", "tag conciseness", "tag"), Hit("coding", "went_wrong[0]", "Slow typing speed.", "x", "text")]
    assert to_dismiss("conciseness", tagged) == []  # a tag is not the user's wording


def test_the_digest_changes_with_what_was_learned():
    assert Learned().digest() == ""
    assert Learned([HELICOPTER]).digest() != Learned([HELICOPTER, HELICOPTER]).digest() != ""


def test_the_stored_wordings_are_validated_naming_the_key():
    good = {"wording": [HELICOPTER.to_data()]}
    assert parse_wordings(good) == [HELICOPTER]
    for bad, where in (({"wording": [{**HELICOPTER.to_data(), "theme": "Bad"}]}, "wording[0].theme"),
                       ({"wording": [{**HELICOPTER.to_data(), "kind": "maybe"}]}, "wording[0].kind"),
                       ({"other": 1}, "[[wording]]")):
        try:
            parse_wordings(bad)
        except ValueError as error:
            assert where in str(error)
        else:
            raise AssertionError(bad)
