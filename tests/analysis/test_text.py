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
