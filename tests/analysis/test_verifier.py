"""The verifier: a theme counts only when the signals for it are strong enough."""

from __future__ import annotations

from reflect.analysis import verifier
from reflect.analysis.text import tokenize
from reflect.analysis.verifier import HELD, LEXICON, MODEL, Verifier, note_features, sentence_signals

class Model:
    """What the verifier reads of the statistical model: its themes, their places and thresholds."""

    themes = ("conciseness", "salary-negotiation")
    index = {theme: i for i, theme in enumerate(themes)}
    cuts = (0.0, 0.0)


def signals(sentence: str, found, logits=(1.0, -2.0)):
    return sentence_signals(tokenize(sentence), found, list(logits), Model)


def test_a_note_raising_a_theme_in_two_ways_has_both_signals_and_the_strongest_score():
    first = signals("I rambled on and on", [("conciseness", "rambl*", LEXICON)], logits=(0.5, -2.0))
    second = signals("Answers ran long again", [("conciseness", "model: \"long\"", MODEL)], logits=(2.0, -2.0))
    features = note_features([first, second], feedback=False)["conciseness"]
    assert features[LEXICON] == 1.0 and features[MODEL] == 1.0
    assert features["logit"] == 2.0 and features["hits"] == 2.0
    assert features["first_person"] == 1.0 and features["note_themes"] == 1.0


def test_a_theme_held_back_by_the_model_does_not_count_as_raised():
    held = signals("The salary part went fine", [("salary-negotiation", "model: \"salary\"", HELD)])
    features = note_features([held], feedback=False)
    assert features["salary-negotiation"][HELD] == 1.0 and features["salary-negotiation"]["note_themes"] == 0.0


def test_confidence_follows_the_weights_and_the_threshold_decides():
    judge = Verifier({"format": verifier.FORMAT, "bias": -1.0, "threshold": 0.5, "weights": {"text": 2.0, "theme=salary-negotiation": -3.0}})
    both = [signals("I rambled and lowballed my salary", [("conciseness", "rambl*", LEXICON), ("salary-negotiation", "salary", LEXICON)])]
    confidence = judge.confident(both, feedback=False)
    assert confidence["conciseness"] > 0.5 > confidence["salary-negotiation"]


def test_the_shipped_verifier_threshold_was_chosen_with_the_note_model_at_its_precision_target():
    import json

    from reflect.analysis.note_model import NOTE_MODEL_FILE

    shipped = verifier.load()
    assert shipped is not None and 0.0 < shipped.threshold < 1.0
    assert "note model" in shipped.meta["threshold_from"]
    meta = json.loads(NOTE_MODEL_FILE.read_text(encoding="utf-8"))["meta"]
    assert meta["out_of_fold"]["precision"] >= meta["target_precision"] >= 0.8
