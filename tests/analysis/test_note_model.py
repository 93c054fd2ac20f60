"""The note model: a whole note read by its words, used only where it is sure."""

import json

import pytest

from reflect.analysis import note_model
from reflect.analysis.note_model import NoteModel, candidates_own, char_grams, word_grams
from reflect.analysis.taxonomy import get_taxonomy
from reflect.analysis.themes import themes_of
from reflect.models import Reflection

MISMATCH = "They are a move fast and break things shop and I went on about process and review gates. Not a match at all."


def test_word_grams_are_those_of_scikit_learns_word_analyser():
    assert word_grams("I didn't rambLe, honestly.", (1, 2)) == [
        "i", "didn't", "ramble", "honestly", "i didn't", "didn't ramble", "ramble honestly",
    ]


def test_pieces_of_words_stay_inside_each_word_and_a_short_word_counts_once():
    assert char_grams("Hi you", (3, 5)) == [" hi", "hi ", " hi ", " yo", "you", "ou ", " you", "you ", " you "]


def tiny_model() -> NoteModel:
    return NoteModel({
        "format": note_model.FORMAT,
        "themes": ["conciseness"],
        "bias": [-1.0],
        "blocks": [{
            "analyzer": "word", "ngrams": [1, 1], "terms": "rambled\ni", "idf": note_model.pack("f", [2.0, 1.0]),
            "offsets": note_model.pack("i", [0, 1, 1]), "theme_of": note_model.pack("B", [0]), "weights": note_model.pack("f", [3.0]),
        }],
        "rule": {"doubt": 0.05, "count": 0.8, "confirm": 0.5},
    })


def test_a_note_scores_as_a_normalised_tf_idf_sum():
    # "rambled" weighs 2 (idf), "i" 1: normalised 2/sqrt(5) and 1/sqrt(5); only "rambled" has a weight (3).
    assert tiny_model().probabilities("I rambled") == [pytest.approx(0.84334, abs=1e-5)]
    assert tiny_model().probabilities("nothing known here") == [pytest.approx(0.26894, abs=1e-5)]  # the bias alone


def test_the_explanation_names_the_words_that_weighed_most():
    assert tiny_model().explain("I rambled and rambled", "conciseness") == ["rambled"]


@pytest.mark.parametrize(
    "sentence, phrases, mine",
    [
        ("I rambled on the design question.", ["i rambled"], True),
        ("Rambled on the design question.", ["rambled"], True),
        ("The interviewer was nervous and rambled a lot.", ["nervous and", "rambled"], False),
        ("They said I was nervous.", ["nervous"], True),
        # the strongest phrase is looked for in every sentence of the note, where it is said
        ("They're a 'move fast' shop and I went on about process. Clear mismatch.", ["mismatch", "move fast"], True),
        ("I was fine. The interviewer was nervous and rambled a lot.", ["rambled", "fine"], False),
    ],
)
def test_a_phrase_counts_only_when_it_is_said_of_the_candidate(sentence, phrases, mine):
    from reflect.analysis.text import split_sentences

    assert candidates_own(split_sentences(sentence), phrases) is mine


def test_an_explanation_holds_only_words_that_mean_something_alone():
    # unfiltered, the words that weigh most here include "they're", "very" and "not a"
    note = "They're a very 'move fast and break things' shop and I went on about process and review gates. Not a match."
    shown = note_model.load().explain(note, "culture-fit", top=8)
    assert shown and not {"they're", "they're a", "very", "not a", "are", "a very"} & set(shown)


def themes(text: str) -> set[str]:
    return themes_of(Reflection(company="A", role="B", date="2026-11-20", went_wrong=[text]), get_taxonomy())


def test_the_shipped_model_backs_a_plain_rejection_for_fit():
    assert "culture-fit" in themes("They turned me down, citing 'cultural fit'.")


@pytest.mark.parametrize(
    "text",
    [
        "The interviewer was nervous and rambled a lot.",
        "The hiring manager seemed unprepared and had not read my CV.",
        "I wasn't nervous at all this time.",
        "Feedback: clear, structured communicator with concrete examples of personal impact.",
    ],
)
def test_the_shipped_model_adds_nothing_to_notes_about_others_or_good_news(text):
    assert themes(text) == set()


LOWBALLED = "The number they offered made it obvious they'd pegged me as a junior hire, and when I pushed back on it the whole thing fell apart."


def test_a_theme_only_the_note_model_found_is_explained(reflect, log):
    log("Acme", "Dev", "2026-10-01", "--outcome", "rejected", "--went-wrong", LOWBALLED)
    result = reflect("themes", "salary-negotiation", "--json", "--min-count", "1")
    assert result.exit_code == 0, result.output
    evidence = json.loads(result.stdout)["evidence"]
    assert [(e["kind"], e["text"]) for e in evidence] == [("note", LOWBALLED)]
    assert evidence[0]["trigger"].startswith('note: "') and "offered" in evidence[0]["trigger"]
    shown = reflect("themes", "salary-negotiation", "--min-count", "1")
    assert 'note: "' in shown.stdout and "matched: note" not in shown.stdout


def test_a_note_model_of_another_format_is_refused(tmp_path):
    data = json.loads(note_model.NOTE_MODEL_FILE.read_text(encoding="utf-8"))
    data["format"] = note_model.FORMAT + 1
    copy = tmp_path / "note_model.json"
    copy.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="note model format"):
        note_model.load(copy)


def test_a_theme_found_beside_good_news_is_not_backed():
    from reflect.analysis.themes import scan

    reflection = Reflection(company="A", role="B", date="2026-11-20", went_wrong=["My salary negotiation went smoothly."])
    assert [hit.kind for hit in scan(reflection, get_taxonomy()).hits] == ["possible"]
