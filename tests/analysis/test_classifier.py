import json
import os
import subprocess
import sys
import time
from pathlib import Path

from reflect.analysis import classifier, note_model
from reflect.analysis.taxonomy import CORE_THEMES, build, get_taxonomy
from reflect.analysis.text import split_sentences, tokenize
from reflect.analysis.matcher import match_sentence
from reflect.analysis.themes import themes_of
from reflect.models import Reflection

ROOT = Path(__file__).resolve().parents[2]
OWN = ROOT / "tests" / "data" / "themes_examples.jsonl"
SCRIPT = ROOT / "scripts" / "train_theme_model.py"

# About rambling, in words none of the lexicon's conciseness phrases use (if the lexicon
# learns them, choose another sentence: the CLI test below needs one only the model finds).
RAMBLING = "I kept talking well past the point where I had answered the question."


def _model_themes(text: str) -> dict[str, str]:
    return {theme: why for theme, _, why in classifier.load().predict(tokenize(text))}


def test_the_shipped_model_loads_small_and_knows_the_core_themes():
    assert classifier.MODEL_FILE.stat().st_size < 1_000_000
    model = classifier.load()
    assert model.themes == list(CORE_THEMES)
    assert all(0.0 < t < 1.0 for t in model.thresholds)
    assert model is classifier.load()  # read once per process


def test_rambling_in_new_words_is_conciseness_explained_by_its_words():
    found = _model_themes(RAMBLING)
    assert "conciseness" in found
    why = found["conciseness"]
    assert why.startswith("model: ")
    quoted = [w.strip('"') for w in why.removeprefix("model: ").split(", ")]
    assert 1 <= len(quoted) <= 3 and all(w and w in RAMBLING.lower() for w in quoted)


def test_negation_changes_the_features():
    plain = {f.key for f in classifier.sentence_features("I was nervous")}
    negated = {f.key for f in classifier.sentence_features("I wasn't nervous")}
    assert "nervous" in plain and "nervous" not in negated and "not_nervous" in negated
    # a breaker cancels the negation, a new clause ends it
    assert "rambl" in {f.key for f in classifier.sentence_features("I couldn't stop rambling")}
    assert "rambl" in {f.key for f in classifier.sentence_features("I wasn't calm, and I rambled")}


def test_negated_and_positive_examples_get_nothing_from_the_model():
    examples = [json.loads(line) for line in OWN.read_text().splitlines() if line.strip()]
    empty = [ex["text"] for ex in examples if not ex["themes"]]
    assert len(empty) >= 30
    wrong = [(text, found) for text in empty if (found := {t for s in split_sentences(text) for t in _model_themes(s)})]
    assert len(wrong) <= 1, wrong


def test_good_news_the_lexicon_recognises_gets_no_theme_from_the_model():
    praise = "I asked thoughtful questions about the roadmap at the end."
    reflection = Reflection(company="A", role="B", date="2026-11-20", went_wrong=[praise])
    assert themes_of(reflection, get_taxonomy()) == set()  # the lexicon's positive keeps it quiet


def test_model_hits_are_evidence_of_kind_model(reflect, log):
    assert "conciseness" not in {t for t, _ in match_sentence(RAMBLING, get_taxonomy())}
    log("Acme", "Backend Engineer", "2026-11-20", "--went-wrong", RAMBLING)
    result = reflect("themes", "conciseness", "--json", "--min-count", "1")
    assert result.exit_code == 0, result.output
    evidence = json.loads(result.stdout)["evidence"]
    assert [(e["kind"], e["text"]) for e in evidence] == [("model", RAMBLING)]
    assert evidence[0]["trigger"].startswith("model: ")
    shown = reflect("themes", "conciseness", "--min-count", "1")
    assert 'model: "' in shown.stdout and "matched: model" not in shown.stdout


def test_a_disabled_theme_is_never_added_by_the_model(reflect, log):
    Path(os.environ["REFLECT_CONFIG"]).write_text('[themes]\ndisabled = ["conciseness"]\n')
    log("Acme", "Backend Engineer", "2026-11-20", "--went-wrong", RAMBLING)
    result = reflect("themes", "--json", "--min-count", "1")
    assert result.exit_code == 0, result.output
    assert "conciseness" not in {t["id"] for t in json.loads(result.stdout)["themes"]}


def test_custom_themes_are_lexicon_only_and_the_fingerprint_follows_the_model():
    from reflect.config import CustomTheme, ThemesConfig

    taxonomy = build(ThemesConfig(custom=[CustomTheme(id="whiteboard", label="Whiteboard", triggers=["whiteboard"])]))
    assert "whiteboard" not in taxonomy.model_themes and "conciseness" in taxonomy.model_themes
    lexicon = taxonomy.without_model()
    assert lexicon.fingerprint != taxonomy.fingerprint
    assert "+" + classifier.digest() in taxonomy.fingerprint
    assert taxonomy.fingerprint.endswith("+" + note_model.digest())
    reflection = Reflection(company="A", role="B", date="2026-11-20", went_wrong=[RAMBLING])
    assert "conciseness" in themes_of(reflection, taxonomy)
    assert "conciseness" not in themes_of(reflection, lexicon)


def test_a_retrained_model_invalidates_cached_scans(monkeypatch):
    from reflect import summaries as scan_cache

    before = scan_cache.taxonomy_key(None)
    monkeypatch.setattr(classifier, "digest", lambda: "0" * 16)  # as if the model file had changed
    assert scan_cache.taxonomy_key(None) != before
    changed = scan_cache.taxonomy_key(None)
    monkeypatch.setattr(note_model, "digest", lambda: "1" * 16)  # as if the note model had been retrained
    assert scan_cache.taxonomy_key(None) != changed


def _tiny_set(path: Path) -> Path:
    rows = []
    for i in range(12):
        rows.append({"id": f"r{i}", "text": f"I rambled for ages on question {i}.", "themes": ["conciseness"]})
        rows.append({"id": f"n{i}", "text": f"I was so nervous my hands shook in round {i}.", "themes": ["nerves-confidence"]})
        rows.append({"id": f"e{i}", "text": f"The office had a nice view from floor {i}.", "themes": []})
    path.write_text("".join(json.dumps(r | {"speaker": "candidate"}) + "\n" for r in rows))
    return path


def test_training_is_deterministic_and_the_result_loads(tmp_path):
    data = _tiny_set(tmp_path / "tiny.jsonl")
    outputs = []
    for name in ("a.json", "b.json"):
        out = tmp_path / name
        done = subprocess.run(
            [sys.executable, str(SCRIPT), str(data), "--out", str(out), "--folds", "3", "--epochs", "4", "--quiet"],
            capture_output=True, text=True, timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert "micro" in done.stdout
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    model = classifier.load(tmp_path / "a.json")
    assert model.probabilities("I rambled a lot")["conciseness"] > model.probabilities("I rambled a lot")["coding"]


def test_inference_is_cheap():
    model = classifier.load()
    sentences = [tokenize(s) for s in (RAMBLING, "They said my design ignored caching.", "I had not researched the firm.")]
    start = time.perf_counter()
    for _ in range(3000):  # 1,000 reflections of three sentences
        for tokens in sentences:
            model.predict(tokens)
    assert time.perf_counter() - start < 1.0  # measured about 0.1 s; generous for slow machines
