"""Train the theme verifier shipped in src/reflect/data/theme_verifier.json.

Usage:
    python scripts/train_theme_verifier.py [FILE.jsonl ...] [--precision P] [--folds K] [--dry-run]

Default files: tests/data/real/train.jsonl and ../shared/eval/themes_dev.jsonl (notes
paraphrased from real public accounts; never tests/data/real/test.jsonl, which is
frozen for testing). Each line: ``{"id", "text", "themes", "speaker", "source"}``.

For every note, the engine (lexicon, model, subject rule) runs as ``reflect themes``
runs it, and each theme it raises becomes one example: the features of
:func:`reflect.analysis.verifier.note_features`, labelled right when the note's
labels hold the theme. A logistic model is trained on them (pure Python, L2).
K-fold cross-validation with folds by site (no site on both sides of a fold) gives
every example an out-of-fold confidence; the threshold shipped is the lowest whose
out-of-fold precision reaches ``--precision`` (default 0.80), and the script prints
precision, recall and F1 over every labelled theme at a range of thresholds: the
trade-off the threshold chooses. Deterministic: same files and options, same file.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if (ROOT / "src" / "reflect").is_dir():
    sys.path.insert(0, str(ROOT / "src"))

from reflect.analysis.matcher import matcher_for  # noqa: E402
from reflect.analysis.taxonomy import CORE_THEMES, get_taxonomy  # noqa: E402
from reflect.analysis.text import split_sentences  # noqa: E402
from reflect.analysis.verifier import FORMAT, VERIFIER_FILE, note_features  # noqa: E402

DEFAULTS = (ROOT / "tests" / "data" / "real" / "train.jsonl", ROOT.parent / "shared" / "eval" / "themes_dev.jsonl")


def read(paths: list[Path]) -> list[dict]:
    out = []
    for path in paths:
        out += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def site(url: str) -> str:
    host = urllib.parse.urlparse(url or "").netloc.lower()
    return host.removeprefix("www.")


def examples(notes: list[dict]) -> tuple[list[tuple[str, str, dict[str, float], bool]], int]:
    """(site, theme, features, right) for every theme the engine raises, and how many labels there are."""
    matcher = matcher_for(get_taxonomy())
    core = set(CORE_THEMES)
    out = []
    labels = 0
    for note in notes:
        gold = set(note["themes"]) & core
        labels += len(gold)
        signals = [s for s in (matcher.sentence(text)[2] for text in split_sentences(note["text"])) if s is not None]
        for theme, features in note_features(signals, note.get("speaker") == "interviewer").items():
            if theme in core:
                out.append((site(note.get("source", "")) or note["id"], theme, features, theme in gold))
    return out, labels


def train(rows: list[tuple[str, str, dict[str, float], bool]], keys: list[str], epochs: int, l2: float, rate: float = 0.3) -> tuple[float, list[float]]:
    """Full-batch gradient descent on the logistic loss (a few hundred examples: fast enough)."""
    index = {k: i for i, k in enumerate(keys)}
    data = [([(index[k], v) for k, v in f.items() if k in index and v], 1.0 if right else 0.0) for _, _, f, right in rows]
    bias, weights = 0.0, [0.0] * len(keys)
    n = max(1, len(data))
    for _ in range(epochs):
        grad_b, grad = 0.0, [0.0] * len(keys)
        for x, y in data:
            z = bias + sum(weights[i] * v for i, v in x)
            d = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))) - y
            grad_b += d
            for i, v in x:
                grad[i] += d * v
        bias -= rate * grad_b / n
        weights = [w - rate * (g / n + l2 * w) for w, g in zip(weights, grad)]
    return bias, weights


def confidence(bias: float, weights: dict[str, float], features: dict[str, float]) -> float:
    z = bias + sum(weights.get(k, 0.0) * v for k, v in features.items())
    return 1.0 / (1.0 + math.exp(-z))


def trade_off(rows: list, scores: list[float], labels: int, threshold: float) -> tuple[float, float, float]:
    kept = [right for (_, _, _, right), s in zip(rows, scores) if s >= threshold]
    tp = sum(kept)
    p = tp / len(kept) if kept else 1.0
    r = tp / labels if labels else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--precision", type=float, default=0.80, help="the out-of-fold precision the threshold must reach")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--epochs", type=int, default=300)
    parser.add_argument("--l2", type=float, default=0.01)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=VERIFIER_FILE)
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    paths = args.files or [p for p in DEFAULTS if p.exists()]
    if any(p.resolve() == (ROOT / "tests" / "data" / "real" / "test.jsonl").resolve() for p in paths):
        parser.error("tests/data/real/test.jsonl is frozen for testing; never train on it")
    rows, labels = examples(read(paths))
    keys = sorted({k for _, _, f, _ in rows for k in f})
    sites = sorted({r[0] for r in rows})
    random.Random(args.seed).shuffle(sites)
    fold_of = {s: i % args.folds for i, s in enumerate(sites)}
    scores = [0.0] * len(rows)
    for k in range(args.folds):
        bias, weights = train([r for r in rows if fold_of[r[0]] != k], keys, args.epochs, args.l2)
        named = dict(zip(keys, weights))
        for i, row in enumerate(rows):
            if fold_of[row[0]] == k:
                scores[i] = confidence(bias, named, row[2])
    print(f"{len(rows)} themes raised on {sum(1 for _ in read(paths))} notes ({labels} labels) from {len(sites)} sites; folds by site")
    print(f"{'threshold':>9} {'P':>6} {'R':>6} {'F1':>6}   (out of fold, over every label)")
    chosen = None
    for step in range(0, 19):
        threshold = round(0.05 * step, 2)
        p, r, f = trade_off(rows, scores, labels, threshold)
        print(f"{threshold:9.2f} {p:6.3f} {r:6.3f} {f:6.3f}")
        if chosen is None and p >= args.precision:
            chosen = threshold
    chosen = chosen if chosen is not None else 0.9
    p, r, f = trade_off(rows, scores, labels, chosen)
    print(f"chosen threshold {chosen:.2f}: precision {p:.3f}, recall {r:.3f}, F1 {f:.3f}")
    bias, weights = train(rows, keys, args.epochs, args.l2)
    if args.dry_run:
        return 0
    data = {
        "format": FORMAT,
        "bias": round(bias, 6),
        "threshold": chosen,
        "weights": {k: round(w, 6) for k, w in zip(keys, weights) if abs(w) >= 1e-6},
        "meta": {
            "trained_on": [p.name for p in paths],
            "examples": len(rows),
            "out_of_fold": {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)},
            "target_precision": args.precision,
        },
    }
    args.out.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
