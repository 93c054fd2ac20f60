from reflect.analysis.text import normalise, split_sentences, stems, tokenize


def test_contractions_are_spelled_out_so_negation_is_seen():
    assert normalise("I wasn’t nervous, I couldn't answer, I can't") == "i was not nervous, i could not answer, i can not"


def test_sentences_split_on_end_punctuation_and_new_lines():
    assert split_sentences("I rambled. Then I froze!\nNext time: prepare") == ["I rambled.", "Then I froze!", "Next time: prepare"]


def test_word_forms_share_a_stem():
    assert stems("rambled") == stems("rambling") == stems("rambles")
    assert stems("my answers were long") == stems("answer long")


def test_clauses_end_at_commas_and_but():
    tokens = [t for t in tokenize("I was calm, but I rambled") if not t.stop]
    assert tokens[0].clause != tokens[-1].clause


# --- the tokens and sentences recorded in tests/data/recorded/text-tokens.json.gz -----------------
#
# Seeded, deliberately awkward input (contractions, quotes, dashes, clause words, odd
# characters: tests/analysis/recorded.py) and what the tokeniser made of it when it was
# recorded (scripts/record_expected.py). Matching depends on every token, stem and clause
# number, so any change here is a change in what themes are found.

import json  # noqa: E402

import pytest  # noqa: E402

from reflect.analysis.text import CLAUSE_WORDS, NEGATORS, STOP_WORDS, stem  # noqa: E402
from tests.analysis import recorded  # noqa: E402


@pytest.fixture(scope="module")
def recorded_text() -> dict:
    return json.loads(recorded.read(recorded.TEXT_RECORDING))


def test_the_recorded_text_is_of_the_seeded_corpus(recorded_text):
    sentences, texts = recorded.text_corpus()
    assert [row[0] for row in recorded_text["tokens"]] == sentences
    assert [row[0] for row in recorded_text["sentences"]] == texts


def test_tokens_are_those_recorded(recorded_text):
    changed = []
    for sentence, normalised, tokens in recorded_text["tokens"]:
        got = [[t.word, t.stem, t.stop, t.clause] for t in tokenize(sentence)]
        if normalise(sentence) != normalised or got != tokens:
            changed.append(f"{sentence!r}: {normalise(sentence)!r} {got} (recorded {normalised!r} {tokens})")
    assert not changed, f"{len(changed)} sentences tokenised differently, first: {changed[0]}"


def test_a_word_is_the_same_token_in_the_same_clause_of_any_sentence():
    first = tokenize("I rambled, then I rambled")
    second = tokenize("they said I rambled")
    assert first[1] is second[3] and first[1].clause == 0
    assert first[-1].clause == 1 and first[-1] == tokenize("x, rambled")[-1]


def test_no_stop_word_is_or_stems_to_a_negator():
    # themes.match_tokens skips looking for "not a problem" clauses in a sentence whose
    # content stems hold no negator: that is only right while this holds.
    assert not {w for w in STOP_WORDS | CLAUSE_WORDS if w in NEGATORS or stem(w) in NEGATORS}


def test_sentences_are_those_recorded(recorded_text):
    changed = [(text, split_sentences(text), sentences) for text, sentences in recorded_text["sentences"] if split_sentences(text) != sentences]
    assert not changed, f"{len(changed)} texts split differently, first: {changed[0]}"


def test_sentences_split_after_closing_quotes_and_brackets_and_at_dashes():
    assert split_sentences('I froze.) Then "it". I "rambled." Next') == ["I froze.", 'Then "it".', 'I "rambled.', "Next"]
    assert split_sentences("He said (I rambled.] Then 'no.' x") == ["He said (I rambled.", "Then 'no.", "x"]
    assert split_sentences("I froze -- Then I rambled") == ["I froze", "Then I rambled"]
    assert split_sentences("a.\n\nb") == ["a.", "b"]
