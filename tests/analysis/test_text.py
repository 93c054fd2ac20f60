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


# --- the same tokens as the frozen reference copy ---------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from reflect.analysis.text import CLAUSE_WORDS, NEGATORS, STOP_WORDS, stem  # noqa: E402
from tests.analysis.reference import text as reference  # noqa: E402

_PIECES = [
    "I", "didn't", "didnt", "can't", "cannot", "won't", "shan't", "ain't", "wasn\u2019t", "havent", "arent", "dont",
    "isn't", "rambled", "nervous", "but", "however", "not", "no", "never", ",", ";", ":", "(", ")", '"', " - ",
    " -- ", "\u2014", "\u2013", "`", "\u201cquote\u201d", "42", "\uff21", "caf\u00e9", "different", "event", "parent",
    "sn't", "n't", "'", "the", "design", "round", "was", "a", "mess", "\n", "  ", ".", "!", "?",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=6)), max_size=30), st.sampled_from(["", " "]))
def test_tokens_are_those_of_the_reference(pieces, joiner):
    sentence = joiner.join(pieces)
    assert normalise(sentence) == reference.normalise(sentence)
    got = [(t.word, t.stem, t.stop, t.clause) for t in tokenize(sentence)]
    assert got == [(t.word, t.stem, t.stop, t.clause) for t in reference.tokenize(sentence)]


def test_a_word_is_the_same_token_in_the_same_clause_of_any_sentence():
    first = tokenize("I rambled, then I rambled")
    second = tokenize("they said I rambled")
    assert first[1] is second[3] and first[1].clause == 0
    assert first[-1].clause == 1 and first[-1] == tokenize("x, rambled")[-1]


def test_no_stop_word_is_or_stems_to_a_negator():
    # themes.match_tokens skips looking for "not a problem" clauses in a sentence whose
    # content stems hold no negator: that is only right while this holds.
    assert not {w for w in STOP_WORDS | CLAUSE_WORDS if w in NEGATORS or stem(w) in NEGATORS}


_SPLIT_PIECES = ["I rambled", ".", "!", "?", '"', "'", ")", "]", " ", "  ", "\n", "\n\n", "\t", " - ", " -- ", "-", "Then", "x", "A", "\u00a0"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_SPLIT_PIECES), st.text(max_size=4)), max_size=25))
def test_sentences_are_those_of_the_reference(pieces):
    text = "".join(pieces)
    assert split_sentences(text) == reference.split_sentences(text)


def test_sentences_split_after_closing_quotes_and_brackets_and_at_dashes():
    for text in ['I froze.) Then "it". I "rambled." Next', "He said (I rambled.] Then 'no.' x", "I froze -- Then I rambled", "a.\n\nb"]:
        assert split_sentences(text) == reference.split_sentences(text)
        assert len(split_sentences(text)) > 1
