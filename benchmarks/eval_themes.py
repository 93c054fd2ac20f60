"""Score the theme matcher against labelled example reflections.

Usage: python benchmarks/eval_themes.py [JSONL ...] [--errors] [--lexicon-only] [--with-possible]

Each line of a JSONL file is {"id", "text", "themes": [ids], "speaker": "candidate"|"interviewer"}.
Every example is logged into a fresh temporary journal (the text as what went wrong for a
candidate, as feedback text for an interviewer), the journal is loaded and analysed with
min_count=1, and precision, recall and F1 are printed per theme and micro-averaged over the
fourteen core themes (``--lexicon-only``: without the statistical model and the verifier;
``--with-possible``: counting the themes the verifier was not sure of too). Without arguments it scores tests/data/themes_examples.jsonl and, if
present, ../shared/eval/themes_dev.jsonl.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if (ROOT / "src" / "reflect").is_dir():  # a checkout: use its own code, installed or not
    sys.path.insert(0, str(ROOT / "src"))

DEFAULTS = [ROOT / "tests" / "data" / "themes_examples.jsonl", ROOT.parent / "shared" / "eval" / "themes_dev.jsonl"]


def read_examples(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def predict(examples: list[dict], taxonomy=None, with_possible: bool = False) -> list[set[str]]:
    """The themes the analysis finds for each example, via a real journal on disk."""
    from reflect.analysis.taxonomy import get_taxonomy
    from reflect.analysis.themes import analyse
    from reflect.journal import Journal
    from reflect.models import Feedback, Reflection

    taxonomy = taxonomy or get_taxonomy()
    with tempfile.TemporaryDirectory() as tmp:
        journal = Journal(Path(tmp))
        ids = []
        start = dt.date(2024, 1, 1)
        for n, ex in enumerate(examples):
            fields = {"company": f"Example {ex['id']}", "role": "Candidate", "date": start + dt.timedelta(days=n)}
            if ex.get("speaker") == "interviewer":
                fields["feedback"] = Feedback(status="received", text=ex["text"])
            else:
                fields["went_wrong"] = [ex["text"]]
            ids.append(journal.add(Reflection(**fields)).id)
        loaded = journal.load_all()
        assert not loaded.problems, loaded.problems
        report = analyse(loaded.entries, taxonomy, min_count=1)
    found: dict[str, set[str]] = {i: set() for i in ids}
    for theme in report.themes + report.others:
        for ident in theme.interviews:
            found[ident].add(theme.id)
    if with_possible:
        for theme_id, evidence in report.possible.items():
            for piece in evidence:
                found[piece.id].add(theme_id)
    return [found[i] for i in ids]


def score(examples: list[dict], predicted: list[set[str]], themes: tuple[str, ...]) -> dict:
    per = {t: [0, 0, 0] for t in themes}  # tp, fp, fn
    for ex, got in zip(examples, predicted):
        gold = set(ex["themes"]) & set(themes)
        got = got & set(themes)
        for t in got & gold:
            per[t][0] += 1
        for t in got - gold:
            per[t][1] += 1
        for t in gold - got:
            per[t][2] += 1
    tp = sum(v[0] for v in per.values())
    fp = sum(v[1] for v in per.values())
    fn = sum(v[2] for v in per.values())
    return {"per_theme": per, "micro": prf(tp, fp, fn)}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(path: Path, show_errors: bool = False, lexicon_only: bool = False, with_possible: bool = False) -> tuple[float, float, float]:
    from reflect.analysis.taxonomy import CORE_THEMES, get_taxonomy

    examples = read_examples(path)
    taxonomy = get_taxonomy().without_model() if lexicon_only else None
    predicted = predict(examples, taxonomy, with_possible)
    result = score(examples, predicted, CORE_THEMES)
    print(f"\n{path} ({len(examples)} examples)")
    print(f"{'theme':28} {'P':>5} {'R':>5} {'F1':>5} {'tp':>4} {'fp':>4} {'fn':>4}")
    for theme, (tp, fp, fn) in result["per_theme"].items():
        p, r, f = prf(tp, fp, fn)
        print(f"{theme:28} {p:5.2f} {r:5.2f} {f:5.2f} {tp:4d} {fp:4d} {fn:4d}")
    p, r, f = result["micro"]
    print(f"{'micro':28} {p:5.2f} {r:5.2f} {f:5.2f}")
    if show_errors:
        for ex, got in zip(examples, predicted):
            gold = set(ex["themes"])
            got = got & set(CORE_THEMES)
            if gold != got:
                print(f"  {ex['id']}: missed {sorted(gold - got)} extra {sorted(got - gold)} :: {ex['text']}")
    return p, r, f


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 2)[2], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path, metavar="JSONL", help="labelled examples (default: the project's examples and the shared dev set)")
    parser.add_argument("--errors", action="store_true", help="print every example whose themes differ from its labels")
    parser.add_argument("--lexicon-only", action="store_true", help="without the statistical model and the verifier")
    parser.add_argument("--with-possible", action="store_true", help="count the themes the verifier was not sure of too")
    args = parser.parse_args(argv)
    paths = args.paths or [p for p in DEFAULTS if p.exists()]
    for path in paths:
        if not path.is_file():
            parser.error(f"{path}: no such file")
        evaluate(path, args.errors, args.lexicon_only, args.with_possible)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
