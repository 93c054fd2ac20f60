import importlib.util
from pathlib import Path

import pytest

from reflect.analysis.taxonomy import CORE_THEMES, load_builtin

ROOT = Path(__file__).resolve().parents[2]
OWN = ROOT / "tests" / "data" / "themes_examples.jsonl"
DEV = ROOT.parent / "shared" / "eval" / "themes_dev.jsonl"


def _eval_module():
    spec = importlib.util.spec_from_file_location("eval_themes", ROOT / "benchmarks" / "eval_themes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_taxonomy_has_the_core_themes_with_everything_a_user_needs():
    themes = load_builtin()
    assert set(CORE_THEMES) <= set(themes)
    for theme in themes.values():
        assert theme.label and theme.description and theme.triggers and theme.actions


def _micro(path, with_possible: bool = False):
    ev = _eval_module()
    examples = ev.read_examples(path)
    predicted = ev.predict(examples, with_possible=with_possible)
    return examples, predicted, ev.score(examples, predicted, CORE_THEMES)["micro"]


def test_own_examples_score():
    examples, predicted, (p, r, f) = _micro(OWN)
    assert len(examples) >= 150
    assert f >= 0.90, (p, r, f)


@pytest.mark.skipif(not DEV.exists(), reason="shared dev set not present")
def test_dev_set_score():
    _, _, (p, r, f) = _micro(DEV)
    assert f >= 0.85, (p, r, f)


# Sets written blind by people who had not seen the taxonomy (see tests/data/README.md).
# They trained the model, so they are no longer unseen. With the themes the verifier
# keeps as possible, the F1 thresholds sit a little under the scores reached when the
# sets were added (what the lexicon and model find has not fallen); what counts must be
# right at least nine times in ten.
BLIND = {
    "themes_blind1.jsonl": 0.75,
    "themes_blind2.jsonl": 0.70,
    "themes_blind3.jsonl": 0.70,
    "themes_train1.jsonl": 0.65,
    "themes_train2.jsonl": 0.63,
    "themes_train3.jsonl": 0.69,
    "themes_train4.jsonl": 0.57,
    "themes_train5.jsonl": 0.62,
}


@pytest.mark.parametrize("name", sorted(BLIND))
def test_blind_set_score(name):
    examples, _, (p, r, f) = _micro(ROOT / "tests" / "data" / name, with_possible=True)
    assert len(examples) >= 200
    assert f >= BLIND[name], (p, r, f)
    _, _, (p, r, f) = _micro(ROOT / "tests" / "data" / name)
    assert p >= 0.9 and r >= 0.35, (p, r, f)


REAL = ROOT / "tests" / "data" / "real" / "train.jsonl"
SUBJECT = ROOT / "tests" / "data" / "themes_subject.jsonl"


def test_notes_from_real_accounts_count_themes_that_are_right_four_times_in_five():
    """The verifier's operating point (docs/themes.md): precision first on strangers' wording.
    (The train split: the frozen test split is only ever scored by hand, never in tests.)"""
    examples, _, (p, r, f) = _micro(REAL)
    assert len(examples) >= 600
    assert p >= 0.78 and r >= 0.2, (p, r, f)


def test_notes_about_someone_else_raise_no_theme_and_their_twins_about_the_candidate_do():
    examples, predicted, _ = _micro(SUBJECT)
    others = [(ex["text"], got & set(CORE_THEMES)) for ex, got in zip(examples, predicted) if ex["about"] == "other"]
    assert len(others) >= 60
    raised = [(text, got) for text, got in others if got]
    assert len(raised) <= 6, raised
    twins = {ex["pair"]: got for ex, got in zip(examples, predicted) if ex["about"] == "candidate" and ex["pair"]}
    found = [pair for pair, got in twins.items() if got]
    assert len(twins) >= 40 and len(found) >= 0.75 * len(twins), sorted(set(twins) - set(found))


def test_negated_and_positive_examples_yield_no_themes():
    examples, predicted, _ = _micro(OWN)
    empty = [(ex["text"], got & set(CORE_THEMES)) for ex, got in zip(examples, predicted) if not ex["themes"]]
    assert len(empty) >= 30
    wrong = [(text, got) for text, got in empty if got]
    assert len(wrong) <= 1, wrong
