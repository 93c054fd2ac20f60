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


def _micro(path):
    ev = _eval_module()
    examples = ev.read_examples(path)
    predicted = ev.predict(examples)
    return examples, predicted, ev.score(examples, predicted, CORE_THEMES)["micro"]


def test_own_examples_score():
    examples, predicted, (p, r, f) = _micro(OWN)
    assert len(examples) >= 150
    assert f >= 0.90, (p, r, f)


@pytest.mark.skipif(not DEV.exists(), reason="shared dev set not present")
def test_dev_set_score():
    _, _, (p, r, f) = _micro(DEV)
    assert f >= 0.85, (p, r, f)


def test_negated_and_positive_examples_yield_no_themes():
    examples, predicted, _ = _micro(OWN)
    empty = [(ex["text"], got & set(CORE_THEMES)) for ex, got in zip(examples, predicted) if not ex["themes"]]
    assert len(empty) >= 30
    wrong = [(text, got) for text, got in empty if got]
    assert len(wrong) <= 1, wrong
