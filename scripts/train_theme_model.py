"""Train the theme model shipped in src/reflect/data/theme_model.json.

Usage:
    python scripts/train_theme_model.py FILE.jsonl [FILE.jsonl ...] [--out PATH] [--folds K]
        [--seed N] [--loso] [--dry-run] [--quiet]

Each FILE holds labelled examples, one JSON object a line:
``{"id", "text", "themes": [core theme ids], "speaker": "candidate"|"interviewer"}``.

Pure Python (the standard library and reflect itself); no numpy or scikit-learn needed.
Deterministic: the same files, options and seed give the same model file byte for byte.

What it does:

1. Extracts the features of :mod:`reflect.analysis.classifier` from every sentence and
   runs the lexicon (:func:`reflect.analysis.themes.match_tokens`) on the same sentences,
   noting what it reads as fine (a plain positive, a negated trigger, "went well").
2. K-fold cross-validation over all the examples (folds shuffled with the seed): the model
   trained on K-1 folds scores the held-out fold, sentence by sentence (an example has a
   theme when one of its sentences has it, as in ``reflect themes``). From these out-of-fold
   probabilities it picks, per theme, the threshold that maximises the F1 of the
   combination (lexicon hits plus model hits), and prints per-theme and micro P/R/F1 for
   the lexicon alone, the model alone and the combination rules it compares.
3. With ``--loso``: leave-one-set-out. For each file, the model (thresholds tuned by
   cross-validation inside the other files) is trained without that file and scored on
   it: the honest estimate for wording nobody trained on.
4. Trains on everything, prunes weights below ``--prune`` and writes the model file
   (unless ``--dry-run``).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if (ROOT / "src" / "reflect").is_dir():
    sys.path.insert(0, str(ROOT / "src"))

from reflect.analysis.classifier import FORMAT, MODEL_FILE, features  # noqa: E402
from reflect.analysis.taxonomy import CORE_THEMES, get_taxonomy  # noqa: E402
from reflect.analysis.text import split_sentences, tokenize  # noqa: E402
from reflect.analysis.taxonomy import GOOD  # noqa: E402
from reflect.analysis.matcher import NEGATED, match_tokens  # noqa: E402

THEMES = list(CORE_THEMES)
T = len(THEMES)
NONE = "_none"  # an extra output: the example has no theme (the override rule listens to it)
OUTPUTS = THEMES + [NONE]
K = len(OUTPUTS)
NONE_CUT = 0.5
GRID = [round(0.05 + 0.025 * i, 3) for i in range(37)]  # 0.05 .. 0.95


@dataclass
class Example:
    id: str
    source: str
    gold: frozenset[str]
    sentences: list[list[str]]  # feature keys per sentence
    lexicon: list[frozenset[str]]  # lexicon themes per sentence
    calm: list[frozenset[str]]  # per sentence: themes it says are fine, GOOD if something went well

    @property
    def lexicon_all(self) -> set[str]:
        return set().union(*self.lexicon) if self.lexicon else set()


def read(paths: list[Path]) -> list[Example]:
    taxonomy = get_taxonomy()
    core = set(THEMES)
    out = []
    for path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if not line.strip():
                continue
            data = json.loads(line)
            sentences, lexicon, quiet_here = [], [], []
            for sentence in split_sentences(data["text"]):
                calm: set[str] = set()
                lex = frozenset(t for t, _ in match_tokens(tokenize(sentence), taxonomy, calm) if t in core)
                quiet_here.append(frozenset(calm) if CALM_GATE else frozenset())
                keys = [f.key for f in features(tokenize(sentence))]
                sentences.append(keys)
                lexicon.append(lex)
            out.append(
                Example(
                    f"{path.stem}:{data.get('id', n)}", path.stem, frozenset(data["themes"]) & core, sentences, lexicon, quiet_here
                )
            )
    return out


# --- logistic regression, one-vs-rest, plain SGD ------------------------------------


@dataclass
class Params:
    epochs: int = 12
    rate: float = 0.2
    l2: float = 1e-4
    min_df: int = 1
    prune: float = 0.25
    mi_epochs: int = 0


def train(examples: list[Example], params: Params, seed: int) -> tuple[list[float], dict[str, list[float]]]:
    """Bias and weights per feature (a list over THEMES), trained on whole examples."""
    df: dict[str, int] = {}
    docs = []
    for ex in examples:
        keys = sorted({k for s in ex.sentences for k in s})
        docs.append((keys, [1.0 if t in ex.gold or (t == NONE and not ex.gold) else 0.0 for t in OUTPUTS]))
        for k in keys:
            df[k] = df.get(k, 0) + 1
    weights: dict[str, list[float]] = {k: [0.0] * K for k in sorted(df) if df[k] >= params.min_df}
    prior = [(sum(y[t] for _, y in docs) + 1) / (len(docs) + 2) for t in range(K)]
    bias = [math.log(p / (1 - p)) for p in prior]
    order = list(range(len(docs)))
    rng = random.Random(seed)
    step = 0
    total = params.epochs * len(docs)
    for _ in range(params.epochs):
        rng.shuffle(order)
        for d in order:
            keys, y = docs[d]
            rows = [weights[k] for k in keys if k in weights]
            score = list(bias)
            for row in rows:
                for t in range(K):
                    score[t] += row[t]
            lr = params.rate * (1.0 - step / total) + 0.01
            step += 1
            grad = [_sigmoid(score[t]) - y[t] for t in range(K)]
            for t in range(K):
                bias[t] -= lr * grad[t]
            decay = lr * params.l2
            for row in rows:
                for t in range(K):
                    row[t] -= lr * grad[t] + decay * row[t]
    # Multiple-instance epochs: an example's theme is learnt from its best sentence for it,
    # its absence from every sentence (at run time the model reads one sentence at a time).
    multi = [(i, [[k for k in sent if k in weights] for sent in ex.sentences]) for i, ex in enumerate(examples) if len(ex.sentences) > 1]
    total = params.mi_epochs * len(docs)
    step = 0
    order = list(range(len(docs)))
    sentences_of = dict(multi)
    for _ in range(params.mi_epochs):
        rng.shuffle(order)
        for d in order:
            y = docs[d][1]
            sents = sentences_of.get(d) or [[k for k in docs[d][0] if k in weights]]
            lr = params.rate * 0.5 * (1.0 - step / total) + 0.01
            step += 1
            scores = []
            for keys in sents:
                score = list(bias)
                for k in keys:
                    row = weights[k]
                    for t in range(K):
                        score[t] += row[t]
                scores.append(score)
            best = [max(range(len(sents)), key=lambda j: scores[j][t]) for t in range(K)]
            decay = lr * params.l2
            for j, keys in enumerate(sents):
                grad = [
                    (_sigmoid(scores[j][t]) - 1.0 if best[t] == j else 0.0) if y[t] else _sigmoid(scores[j][t])
                    for t in range(K)
                ]
                for t in range(K):
                    bias[t] -= lr * grad[t] / len(sents)
                for k in keys:
                    row = weights[k]
                    for t in range(K):
                        row[t] -= lr * grad[t] + decay * row[t]
    if params.prune > 0:
        for k in list(weights):
            row = [w if abs(w) >= params.prune else 0.0 for w in weights[k]]
            if any(row):
                weights[k] = row
            else:
                del weights[k]
    return bias, weights


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def sentence_probs(ex: Example, bias: list[float], weights: dict[str, list[float]]) -> list[list[float]]:
    out = []
    for keys in ex.sentences:
        score = list(bias)
        for k in keys:
            row = weights.get(k)
            if row:
                for t in range(K):
                    score[t] += row[t]
        out.append([_sigmoid(s) for s in score])
    return out


# --- combination rules ----------------------------------------------------------------

RULES = {
    "union": "lexicon hits stand; the model adds a theme when a sentence reaches its threshold",
    "gated": "as union, but the model only speaks in sentences where the lexicon found nothing",
    "veto": "as union, and a lexicon hit is dropped when the model gives its theme under VETO in that sentence",
    "override": "as union, but a lexicon hit is dropped when the model gives it under VETO"
    " while it finds another theme in the same sentence",
}
VETO = 0.02
CALM_GATE = True  # the model adds nothing the lexicon reads as fine (see classifier.Model.combine)


def quiet(theme: str, lex: frozenset[str], calm: frozenset[str]) -> bool:
    """Whether the model may not add ``theme`` to a sentence: the same rule as
    :meth:`reflect.analysis.classifier.Model.combine`."""
    if not CALM_GATE or not calm:
        return False
    positives = {t for t in calm if not t.startswith(NEGATED) and t != GOOD}
    return theme in positives or (bool(positives or GOOD in calm) and not lex)
    if GATE == "full":
        return theme in calm or not lex
    positives = {t for t in calm if not t.startswith("~") and t != "_good"}
    if GATE == "v1":
        return theme in positives or ("_good" in calm and not lex)
    if GATE == "v2":
        return theme in positives or (bool(positives or "_good" in calm) and not lex)
    return False
FLOOR = 0.3  # no threshold below this (guards precision on wording unlike the training sets)


def evidence(ex: Example, probs: list[list[float]], rule: str, thresholds: list[float] | None = None) -> list[tuple[bool, float]]:
    """Per theme, under ``rule``: whether the lexicon's part gives it, and the model score that
    must reach the theme's threshold (``model`` = the model alone, ``lexicon`` = lexicon alone)."""
    out = []
    for t, theme in enumerate(THEMES):
        base = False
        score = 0.0
        for lex, calm, p in zip(ex.lexicon, ex.calm, probs):
            if rule != "model" and theme in lex and (rule not in ("veto", "override") or p[t] >= VETO):
                base = True
            elif rule == "override" and theme in lex and not (
                any(p[o] >= thresholds[o] for o in range(T) if o != t) or (NONE_CUT < 1 and p[T] >= NONE_CUT)
            ):
                base = True
            if rule == "lexicon" or (rule == "gated" and lex) or (rule != "model" and quiet(theme, lex, calm)):
                continue
            score = max(score, p[t])
        out.append((base, score))
    return out


def predict(ex: Example, probs: list[list[float]], thresholds: list[float], rule: str) -> set[str]:
    """Themes of one example under a rule."""
    return {
        THEMES[t] for t, (base, score) in enumerate(evidence(ex, probs, rule, thresholds)) if base or (rule != "lexicon" and score >= thresholds[t])
    }


def counts(examples: list[Example], predicted: list[set[str]]) -> dict[str, list[int]]:
    per = {t: [0, 0, 0] for t in THEMES}
    for ex, got in zip(examples, predicted):
        for t in got & ex.gold:
            per[t][0] += 1
        for t in got - ex.gold:
            per[t][1] += 1
        for t in ex.gold - got:
            per[t][2] += 1
    return per


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def micro(per: dict[str, list[int]]) -> tuple[float, float, float]:
    return prf(*(sum(v[i] for v in per.values()) for i in range(3)))


def tune(examples: list[Example], probs: list[list[list[float]]], rule: str) -> list[float]:
    """Per theme, the threshold on the grid that maximises that theme's F1 under ``rule``."""
    others = tune(examples, probs, "union") if rule == "override" else None
    table = [evidence(ex, p, rule, others) for ex, p in zip(examples, probs)]
    thresholds = []
    for t, theme in enumerate(THEMES):
        rows = [(row[t][0], row[t][1], theme in ex.gold) for ex, row in zip(examples, table)]
        f1 = []
        for cut in GRID:
            tp = fp = fn = 0
            for base, score, gold in rows:
                got = base or score >= cut
                tp += got and gold
                fp += got and not gold
                fn += gold and not got
            f1.append(prf(tp, fp, fn)[2])
        best = [cut for cut, f in zip(GRID, f1) if f >= max(f1) - 1e-9 and cut >= FLOOR] or [FLOOR]
        thresholds.append(best[len(best) // 2])  # the middle of the best plateau
    return thresholds


def folds(examples: list[Example], k: int, seed: int) -> list[list[int]]:
    order = list(range(len(examples)))
    random.Random(seed).shuffle(order)
    return [sorted(order[i::k]) for i in range(k)]


def out_of_fold(examples: list[Example], k: int, params: Params, seed: int) -> list[list[list[float]]]:
    probs: list[list[list[float]] | None] = [None] * len(examples)
    for i, held in enumerate(folds(examples, k, seed)):
        held_set = set(held)
        bias, weights = train([e for j, e in enumerate(examples) if j not in held_set], params, seed + i)
        for j in held:
            probs[j] = sentence_probs(examples[j], bias, weights)
    return probs  # type: ignore[return-value]


def report(title: str, examples: list[Example], results: dict[str, list[set[str]]], per_theme: bool) -> dict:
    print(f"\n{title} ({len(examples)} examples)")
    scores = {}
    tables = {name: counts(examples, got) for name, got in results.items()}
    if per_theme:
        names = list(results)
        print(f"{'theme':28} " + " ".join(f"{n[:14]:>14}" for n in names) + "   (F1)")
        for theme in THEMES:
            print(f"{theme:28} " + " ".join(f"{prf(*tables[n][theme])[2]:14.2f}" for n in names))
    for name, per in tables.items():
        p, r, f = micro(per)
        scores[name] = (p, r, f)
        print(f"  {name:10} micro P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    return scores


def fit(examples: list[Example], params: Params, k: int, seed: int, rules: list[str]) -> tuple[list[float], dict, dict]:
    """A model trained on all ``examples``, with thresholds per rule tuned by k-fold CV inside them."""
    probs = out_of_fold(examples, k, params, seed)
    thresholds = {rule: tune(examples, probs, rule) for rule in rules}
    bias, weights = train(examples, params, seed)
    return bias, weights, thresholds


def write(path: Path, bias: list[float], weights: dict[str, list[float]], thresholds: list[float], meta: dict) -> None:
    data = {
        "format": FORMAT,
        "themes": OUTPUTS,
        "bias": [round(b, 4) for b in bias],
        "thresholds": thresholds + [NONE_CUT],
        "rule": meta["rule"],
        "veto": VETO if meta["rule"] in ("veto", "override") else 0.0,
        "weights": {
            k: [[t, round(w, 3)] for t, w in enumerate(row) if round(w, 3) != 0.0]
            for k, row in sorted(weights.items())
            if any(round(w, 3) != 0.0 for w in row)
        },
        "meta": meta,
    }
    text = json.dumps(data, separators=(",", ":"), sort_keys=False) + "\n"
    path.write_text(text, encoding="utf-8")
    print(f"\nwrote {path} ({len(text.encode()) / 1024:.0f} KiB, {len(data['weights'])} features)")


def main(argv: list[str]) -> int:
    global VETO, FLOOR, CALM_GATE, NONE_CUT
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--epochs", type=int, default=Params.epochs)
    parser.add_argument("--rate", type=float, default=Params.rate)
    parser.add_argument("--l2", type=float, default=Params.l2)
    parser.add_argument("--mi-epochs", type=int, default=Params.mi_epochs, help="multiple-instance epochs after the whole-example ones")
    parser.add_argument("--prune", type=float, default=Params.prune)
    parser.add_argument("--rule", choices=sorted(RULES), default="override", help="the combination rule to tune for and ship")
    parser.add_argument("--no-calm-gate", action="store_true", help="let the model add themes the lexicon reads as fine")
    parser.add_argument("--none-cut", type=float, default=NONE_CUT, help="override also when the no-theme output reaches this (1: never)")
    parser.add_argument("--floor", type=float, default=FLOOR, help="the lowest threshold tuning may pick")
    parser.add_argument("--veto", type=float, default=VETO, help="the veto rule's cut-off")
    parser.add_argument("--loso", action="store_true", help="also score each file with a model trained without it")
    parser.add_argument("--dry-run", action="store_true", help="evaluate only; do not write the model")
    parser.add_argument("--quiet", action="store_true", help="micro scores only")
    args = parser.parse_args(argv)
    VETO = args.veto
    FLOOR = args.floor
    CALM_GATE = not args.no_calm_gate
    NONE_CUT = args.none_cut
    params = Params(epochs=args.epochs, rate=args.rate, l2=args.l2, prune=args.prune, mi_epochs=args.mi_epochs)
    started = time.perf_counter()
    args.files = sorted(set(args.files), key=lambda p: (p.name, str(p)))  # the order given does not matter
    examples = read(args.files)
    print(f"{len(examples)} examples from {len(args.files)} files; {params}")

    # 1. k-fold CV over everything: compare the rules, each with thresholds tuned for it
    probs = out_of_fold(examples, args.folds, params, args.seed)
    results: dict[str, list[set[str]]] = {"lexicon": [e.lexicon_all for e in examples]}
    tuned = {}
    for rule in ("model", *RULES):
        # thresholds tuned on out-of-fold probabilities of the same folds: optimistic by
        # the tuning only; --loso gives the honest numbers
        tuned[rule] = tune(examples, probs, rule)
        results[rule] = [predict(e, p, tuned[rule], rule) for e, p in zip(examples, probs)]
    cv = report(f"{args.folds}-fold cross-validation, all files", examples, results, not args.quiet)

    # 2. leave one set out
    loso: dict[str, dict] = {}
    loso_counts: dict[str, dict] = {}
    quiet: dict[str, dict] = {}  # examples with no theme that got one anyway, per rule
    if args.loso and len(args.files) > 1:
        for path in args.files:
            held = [e for e in examples if e.source == path.stem]
            rest = [e for e in examples if e.source != path.stem]
            rules = ["model", *RULES]
            bias, weights, thresholds = fit(rest, params, args.folds, args.seed, rules)
            held_probs = [sentence_probs(e, bias, weights) for e in held]
            found = {"lexicon": [e.lexicon_all for e in held]}
            for rule in rules:
                found[rule] = [predict(e, p, thresholds[rule], rule) for e, p in zip(held, held_probs)]
            loso[path.stem] = report(f"left out: {path.name}", held, found, False)
            loso_counts[path.stem] = {r: counts(held, got) for r, got in found.items()}
            empty = [j for j, e in enumerate(held) if not e.gold]
            quiet[path.stem] = {r: (sum(1 for j in empty if got[j]), len(empty)) for r, got in found.items()}
        print("\nleave-one-set-out micro F1: " + " | ".join(["lexicon", "model", *RULES]))
        for name, s in loso.items():
            print(f"  {name:24} " + " | ".join(f"{v[2]:.3f}" for v in s.values()))
        pooled = {r: micro({t: [sum(x) for x in zip(*(loso_counts[n][r][t] for n in loso_counts))] for t in THEMES}) for r in loso[name]}
        print(f"  {'pooled':24} " + " | ".join(f"{v[2]:.3f}" for v in pooled.values()))
        print(f"  {'pooled P/R':24} " + " | ".join(f"{v[0]:.2f}/{v[1]:.2f}" for v in pooled.values()))
        print("\nleave-one-set-out: examples with no theme (negated, positive, neutral) given one anyway")
        for name, q in quiet.items():
            print(f"  {name:24} " + " | ".join(f"{a}/{b}" for a, b in q.values()))

    # 3. the shipped model
    if not args.dry_run:
        bias, weights = train(examples, params, args.seed)
        meta = {
            "trained_on": {p.name: sum(1 for e in examples if e.source == p.stem) for p in args.files},
            "rule": args.rule,
            "params": {
                "epochs": params.epochs, "rate": params.rate, "l2": params.l2, "prune": params.prune,
                "floor": FLOOR, "calm_gate": CALM_GATE, "mi_epochs": params.mi_epochs,
            },
            "seed": args.seed,
            "cv_micro": {k: [round(x, 3) for x in v] for k, v in cv.items()},
            "loso_micro_f1": {k: {r: round(s[2], 3) for r, s in v.items()} for k, v in loso.items()},
            "loso_no_theme_given_one": {k: {r: list(x) for r, x in v.items()} for k, v in quiet.items()},
        }
        write(args.out, bias, weights, tuned[args.rule], meta)
    print(f"({time.perf_counter() - started:.0f}s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
