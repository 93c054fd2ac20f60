"""Train the note model shipped in src/reflect/data/note_model.json.

Usage:
    python scripts/train_note_model.py [--precision P] [--margin M] [--real-weight W] [--folds K] [--pieces] [--dry-run]

Needs scikit-learn (``pip install -e '.[train]'``); reflect itself never does: the
model ships as plain weights, read by analysis/note_model.py.

Training text: the project's example lines (tests/data/themes_train*.jsonl, weight 1)
and notes paraphrased from real public accounts (tests/data/real/train.jsonl and, when
present, ../shared/eval/themes_dev.jsonl, weight ``--real-weight``, default 10). Never
tests/data/real/test.jsonl, which is frozen for testing.

What it does:

1. Reads every note as the engine will: its sentences about someone else left out.
2. Cross-validation over the real notes with folds by site (no site on both sides;
   the example lines always train): every real note gets out-of-fold probabilities.
   The verifier (scripts/train_theme_verifier.py) learns from the same notes, so each
   fold is judged by a verifier trained on the other folds: nothing is judged by a
   model that saw it.
3. Runs the rest of the engine (lexicon, sentence model, verifier) on the real notes,
   and picks the verifier's threshold and the three thresholds of the rule (``doubt``:
   a theme the rest counts is held back as possible when the note model gives it less;
   ``confirm``: a theme the verifier doubted counts when the note model reaches it;
   ``count``: a theme only the note model found counts) that give the best F1 while
   each of these three kinds of evidence is right at least ``--precision`` of the time
   out of fold (default 0.80), and all of them together ``--margin`` more (default
   0.02: a guard against the shrinkage from folds to sites nobody trained on; the
   test split scored 0.02-0.03 below the folds while the rule was chosen on whole
   notes, and agrees with them since it is chosen as the engine runs), printing the
   trade-off.
4. Trains on everything, drops weights under ``--prune``, checks that
   analysis/note_model.py gives the same probabilities as scikit-learn, writes the file
   and sets the chosen threshold in the verifier's file (train the verifier first).
Deterministic: the same files and options give the same files.
"""

from __future__ import annotations

import argparse
import json
import sys
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if (ROOT / "src" / "reflect").is_dir():
    sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))  # train_theme_verifier, to train the verifier of each fold

import numpy as np  # noqa: E402
from scipy.sparse import hstack  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.model_selection import GroupKFold  # noqa: E402

from reflect.analysis import note_model  # noqa: E402
from reflect.analysis.matcher import matcher_for  # noqa: E402
from reflect.analysis.taxonomy import CORE_THEMES, get_taxonomy  # noqa: E402
from reflect.analysis.text import split_sentences  # noqa: E402
from reflect.analysis.themes import note_reading, scan  # noqa: E402
from reflect.analysis.verifier import VERIFIER_FILE, Verifier  # noqa: E402
from reflect.models import Feedback, Reflection  # noqa: E402

EXAMPLES = sorted((ROOT / "tests" / "data").glob("themes_train*.jsonl"))
REAL = (ROOT / "tests" / "data" / "real" / "train.jsonl", ROOT.parent / "shared" / "eval" / "themes_dev.jsonl")
WORDS = {"analyzer": "word", "ngrams": (1, 2), "min_df": 2, "max_features": 15000}
PIECES = {"analyzer": "char_wb", "ngrams": (3, 5), "min_df": 3, "max_features": 25000}


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def site(url: str) -> str:
    host = urllib.parse.urlparse(url).netloc.lower()
    return host.removeprefix("www.") or url


def readable(text: str) -> str:
    """The note as the engine reads it: without its sentences about someone else."""
    matcher = matcher_for(get_taxonomy())
    return " ".join(s for s in split_sentences(text) if not matcher.sentence(s)[3])


def engine_reading(notes: list[dict]) -> tuple[list[list[str]], np.ndarray]:
    """What the engine hands the note model of each note: the sentences it reads (not
    about someone else, not good news alone) and, per theme, whether it may speak of it
    (not where the note says that theme went well or was no problem)."""
    matcher = matcher_for(get_taxonomy())
    sentences, allowed = [], []
    for e in notes:
        mine, calm = note_reading([(s, *matcher.sentence(s)) for s in split_sentences(e["text"])])
        sentences.append(mine)
        allowed.append([bool(mine) and t not in calm for t in CORE_THEMES])
    return sentences, np.array(allowed, dtype=bool)


def owned(model: note_model.NoteModel, sentences: list[str], prob: np.ndarray, least: float) -> list[bool]:
    """For each theme the note model gives at least ``least``, whether the words that
    weighed most are said of the candidate, as the engine asks before it counts a theme
    only the note model found (reflect.analysis.note_model.read)."""
    text = " ".join(sentences)
    out = []
    for theme, p in zip(CORE_THEMES, prob):
        phrases = model.explain(text, theme) if p >= least else []
        out.append(bool(phrases) and note_model.candidates_own(sentences, phrases))
    return out


def labels(examples: list[dict]) -> np.ndarray:
    return np.array([[t in e["themes"] for t in CORE_THEMES] for e in examples], dtype=int)


SPECS = [WORDS]  # --pieces adds PIECES
DOUBTS = [0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4]
COUNTS = np.arange(0.30, 0.99, 0.02)  # thresholds for a theme only the note model found
VERIFY = [0.5, 0.55, 0.6, 0.625, 0.65, 0.675, 0.7, 0.75]  # thresholds of the verifier, chosen with the rule


def vectorisers() -> list[TfidfVectorizer]:
    return [
        TfidfVectorizer(
            analyzer=spec["analyzer"], ngram_range=spec["ngrams"], min_df=spec["min_df"], max_features=spec["max_features"],
            sublinear_tf=True, token_pattern=note_model._WORD.pattern if spec["analyzer"] == "word" else None,
        )
        for spec in SPECS
    ]


def fit(texts: list[str], y: np.ndarray, weights: np.ndarray, c: float):
    vecs = vectorisers()
    x = hstack([v.fit_transform(texts) for v in vecs]).tocsr()
    models = [LogisticRegression(C=c, max_iter=3000).fit(x, y[:, j], sample_weight=weights) for j in range(y.shape[1])]
    return vecs, models


def predict(vecs, models, texts: list[str]) -> np.ndarray:
    x = hstack([v.transform(texts) for v in vecs]).tocsr()
    return np.column_stack([m.predict_proba(x)[:, 1] for m in models])


def engine_found(examples: list[dict], verifiers: list[tuple[list[int], object]] | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """What the engine without the note model counts, which of those a trigger phrase
    of the lexicon found (never doubted), and what it keeps as possible; each note read
    as `benchmarks/eval_themes.py` logs it (the interviewer's words as feedback).
    ``verifiers``: (the notes, the verifier to judge them with), so that no note is judged
    by a verifier trained on it; without, the shipped verifier judges every note."""
    from reflect.analysis import verifier as shipped

    taxonomy = get_taxonomy().without_note_model()
    matcher = matcher_for(taxonomy)
    rows: list = [None] * len(examples)
    saved = shipped._verifier
    try:
        for indices, judge in verifiers or [(list(range(len(examples))), shipped.load())]:
            shipped._verifier = judge
            matcher.notes.clear()  # what the verifier said of each note: another verifier, other answers
            for i in indices:
                e = examples[i]
                field = {"feedback": Feedback(status="received", text=e["text"])} if e.get("speaker") == "interviewer" else {"went_wrong": [e["text"]]}
                hits = scan(Reflection(company="A", role="B", date="2026-01-01", **field), taxonomy).hits
                counts = {h[0] for h in hits if h[4] != "possible"}
                rows[i] = (counts, {h[0] for h in hits if h[4] == "text"}, {h[0] for h in hits if h[4] == "possible"} - counts)
    finally:
        shipped._verifier = saved
        matcher.notes.clear()
    return tuple(np.array([[t in row[k] for t in CORE_THEMES] for row in rows], dtype=bool) for k in range(3))  # type: ignore[return-value]


def fold_verifiers(real: list[dict], folds: list) -> list[tuple[list[int], dict]]:
    """For each fold, the verifier (without its threshold) trained as
    scripts/train_theme_verifier.py trains it on the other folds' notes, to judge the fold's."""
    import train_theme_verifier as tv

    from reflect.analysis.verifier import FORMAT as VERIFIER_FORMAT

    per_note = [tv.examples([note])[0] for note in real]
    keys = sorted({k for rows in per_note for _, _, f, _ in rows for k in f})
    out = []
    for train, test in folds:
        bias, weights = tv.train([row for i in train for row in per_note[i]], keys, 300, 0.01)
        out.append(([int(i) for i in test], {"format": VERIFIER_FORMAT, "bias": bias, "weights": dict(zip(keys, weights))}))
    return out


def micro(y: np.ndarray, pred: np.ndarray) -> tuple[float, float, float]:
    tp = int((y & pred).sum())
    fp = int((~y & pred).sum())
    fn = int((y & ~pred).sum())
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def choose_rule(y, prob, engines: dict[float, tuple[np.ndarray, np.ndarray, np.ndarray]], precision: float, margin: float, allowed=None, own=None) -> dict:
    """The verifier's threshold and the note model's three thresholds with the best F1 such
    that each kind of evidence that counts (what the rest counts and the note model does
    not doubt, what it backs, what it alone finds) is right at least ``precision`` of the
    time, out of fold, and all of it at least ``precision + margin`` (a guard against the
    shrinkage from folds to sites nobody trained on). ``engines``: what the
    rest of the engine finds at each verifier threshold; ``allowed``: the themes the
    note model may speak of in each note; ``own``: whether its words for a theme are
    said of the candidate (both, as the engine decides them: see :func:`engine_reading`)."""
    y = y.astype(bool)
    allowed = np.ones_like(y) if allowed is None else allowed
    own = np.ones_like(y) if own is None else own
    print(f"{'rule (out of fold)':72} {'P':>6} {'R':>6} {'F1':>6}")
    grid = []
    for verify, (counted, worded, possible) in engines.items():
        print(f"{f'without the note model, verifier {verify:g}':72} " + " ".join(f"{v:6.3f}" for v in micro(y, counted)))
        alone_space = ~counted & ~possible & allowed & own
        for doubt in DOUBTS:
            kept = worded | (counted & ~(allowed & (prob < doubt)))
            for count in COUNTS:
                alone = alone_space & (prob >= count)
                for confirm in np.arange(0.05, 0.81, 0.025):
                    backed = possible & allowed & (prob >= confirm)
                    worst = min(_precision(part, y) for part in (kept, backed, alone))
                    p, r, f = micro(y, kept | backed | alone)
                    grid.append((f, p, r, worst, verify, doubt, round(float(count), 3), round(float(confirm), 3)))
    chosen = None
    for target, overall in sorted({(0.70, 0.0), (0.75, 0.0), (0.80, 0.0), (0.85, 0.0), (precision, 0.0), (precision, precision + margin)}):
        reached = [g for g in grid if g[3] >= target and g[1] >= overall]
        if not reached:
            continue
        f, p, r, worst, verify, doubt, count, confirm = max(reached)
        shipped = (target, overall) == (precision, precision + margin)
        mark = "  <- shipped" if shipped else ""
        print(f"{f'each >= {target:.2f}' + (f', all >= {overall:.2f}' if overall else '') + f': verifier {verify:g}, doubt {doubt:.2f}, count {count:.2f}, confirm {confirm:.3f}':72} {p:6.3f} {r:6.3f} {f:6.3f}{mark}")
        if shipped:
            chosen = {"verify": verify, "doubt": doubt, "count": count, "confirm": confirm,
                      "out_of_fold": {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}}
    if chosen is None:
        raise SystemExit(f"no rule reaches precision {precision}")
    return chosen


def _precision(part: np.ndarray, y: np.ndarray) -> float:
    hits = int(part.sum())
    return float((part & y).sum()) / hits if hits else 1.0


def export(vecs, models, prune: float) -> dict:
    coef = np.vstack([m.coef_[0] for m in models])  # themes x features
    blocks, start = [], 0
    for spec, vec in zip(SPECS, vecs):
        vocab = sorted(vec.vocabulary_.items(), key=lambda item: item[1])
        offsets, theme_of, weights = [0], [], []
        for _, index in vocab:
            for j, w in enumerate(coef[:, start + index]):
                if abs(w) >= prune:
                    theme_of.append(j)
                    weights.append(float(w))
            offsets.append(len(weights))
        start += len(vocab)
        blocks.append({
            "analyzer": spec["analyzer"], "ngrams": list(spec["ngrams"]), "terms": "\n".join(term for term, _ in vocab),
            "idf": note_model.pack("f", (float(vec.idf_[index]) for _, index in vocab)),
            "offsets": note_model.pack("i", offsets), "theme_of": note_model.pack("B", theme_of),
            "weights": note_model.pack("f", weights),
        })
    return {"format": note_model.FORMAT, "themes": list(CORE_THEMES), "bias": [round(float(m.intercept_[0]), 5) for m in models], "blocks": blocks}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--precision", type=float, default=0.80, help="the out-of-fold precision each kind of counted evidence must reach")
    parser.add_argument(
        "--margin", type=float, default=0.02,
        help="what all counted evidence must reach above --precision, out of fold: a guard against the shrinkage from folds to unseen sites",
    )
    parser.add_argument("--real-weight", type=float, default=10.0)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("-C", type=float, default=4.0, help="inverse strength of the L2 penalty")
    parser.add_argument("--prune", type=float, default=0.1, help="drop weights smaller than this")
    parser.add_argument("--out", type=Path, default=note_model.NOTE_MODEL_FILE)
    parser.add_argument(
        "--pieces", action="store_true",
        help="add pieces of words (char_wb 3-5-grams): F1 +0.03 out of fold, but 8 times slower to read a note",
    )
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    if args.pieces:
        SPECS.append(PIECES)

    examples = [e for path in EXAMPLES for e in read(path)]
    real = [e for path in REAL if path.is_file() for e in read(path)]
    ex_text = [readable(e["text"]) for e in examples]
    real_text = [readable(e["text"]) for e in real]
    y_ex, y_real = labels(examples), labels(real)
    print(f"{len(examples)} example lines, {len(real)} real notes from {len({site(e.get('source', '')) for e in real})} sites")

    # Out of fold, each note is read as the engine reads it: only its sentences that the
    # engine hands over, only for the themes it may speak of, counting a theme it alone
    # finds only where its words are said of the candidate.
    sentences, allowed = engine_reading(real)
    prob = np.zeros(y_real.shape)
    own = np.zeros(y_real.shape, dtype=bool)
    groups = [site(e.get("source", "")) for e in real]
    folds = list(GroupKFold(args.folds).split(real_text, groups=groups))
    for train, test in folds:
        texts = [real_text[i] for i in train] + ex_text
        y = np.vstack([y_real[train], y_ex])
        weights = np.array([args.real_weight] * len(train) + [1.0] * len(examples))
        vecs, models = fit(texts, y, weights, args.C)
        prob[test] = predict(vecs, models, [" ".join(sentences[i]) for i in test])
        as_shipped = note_model.NoteModel({**export(vecs, models, args.prune), "rule": {"doubt": 0, "count": 1, "confirm": 1}})
        own[test] = [owned(as_shipped, sentences[i], prob[i], COUNTS[0]) for i in test]
    # The verifier is trained on these notes too: each fold is judged by one trained without it.
    trained = fold_verifiers(real, folds)
    engines = {
        verify: engine_found(real, [(test, Verifier({**data, "threshold": verify})) for test, data in trained])
        for verify in VERIFY
    }
    rule = choose_rule(y_real, prob, engines, args.precision, args.margin, allowed, own)

    weights = np.array([args.real_weight] * len(real) + [1.0] * len(examples))
    vecs, models = fit(real_text + ex_text, np.vstack([y_real, y_ex]), weights, args.C)
    data = export(vecs, models, args.prune)
    data["rule"] = {"doubt": rule["doubt"], "count": rule["count"], "confirm": rule["confirm"]}
    data["meta"] = {
        "examples": len(examples), "real_notes": len(real), "real_weight": args.real_weight, "C": args.C,
        "prune": args.prune, "target_precision": args.precision, "margin": args.margin, "out_of_fold": rule["out_of_fold"],
    }
    check = real_text[:200]
    ours = np.array([note_model.NoteModel(data).probabilities(t) for t in check])
    theirs = predict(vecs, models, check)
    print(f"largest difference from scikit-learn on 200 notes (pruned weights): {np.abs(ours - theirs).max():.4f}")
    if not args.dry_run:
        args.out.write_text(json.dumps(data, separators=(",", ":"), sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB)")
        if args.out != note_model.NOTE_MODEL_FILE:
            print(f"the verifier's threshold to ship with it: {rule['verify']} (the shipped verifier is left as it is)")
            return 0
        verifier = json.loads(VERIFIER_FILE.read_text(encoding="utf-8"))
        verifier["threshold"] = rule["verify"]
        verifier["meta"].pop("out_of_fold", None)  # the verifier's own choice, not the one shipped
        verifier["meta"]["target_precision"] = args.precision
        verifier["meta"]["threshold_from"] = "scripts/train_note_model.py: chosen with the note model's rule"
        VERIFIER_FILE.write_text(json.dumps(verifier, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"set the verifier's threshold in {VERIFIER_FILE.name} to {rule['verify']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
