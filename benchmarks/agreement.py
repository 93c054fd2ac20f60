"""How closely two people label the same notes: micro-F1 between two label sets.

    python benchmarks/agreement.py [FIRST.jsonl] [SECOND.jsonl]

Defaults: tests/data/real/test.jsonl (the first labels) and
tests/data/real/second_labeller.jsonl (a second reader's, on a sample). Only the
notes in the second file are compared. Prints the micro-F1 of the second against the
first, the share of notes labelled identically, and per theme how often both, only
the second or only the first gave it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULTS = (ROOT / "tests" / "data" / "real" / "test.jsonl", ROOT / "tests" / "data" / "real" / "second_labeller.jsonl")


def labels(path: Path) -> dict[str, set[str]]:
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return {row["id"]: set(row["themes"]) for row in rows}


def main(argv: list[str]) -> int:
    first_path, second_path = (Path(a) for a in argv[:2]) if len(argv) >= 2 else DEFAULTS
    first, second = labels(first_path), labels(second_path)
    both = only_second = only_first = same = 0
    per: dict[str, list[int]] = {}
    for ident, theirs in second.items():
        mine = first[ident]
        same += mine == theirs
        for theme in mine | theirs:
            row = per.setdefault(theme, [0, 0, 0])
            row[0 if theme in mine and theme in theirs else 1 if theme in theirs else 2] += 1
        both += len(mine & theirs)
        only_second += len(theirs - mine)
        only_first += len(mine - theirs)
    precision = both / (both + only_second) if both + only_second else 1.0
    recall = both / (both + only_first) if both + only_first else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"{len(second)} notes; identical labels on {same} ({same / len(second):.2f}); micro-F1 {f1:.3f}")
    print(f"{'theme':28} {'both':>5} {'2nd only':>8} {'1st only':>8}")
    for theme, (a, b, c) in sorted(per.items()):
        print(f"{theme:28} {a:5d} {b:8d} {c:8d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
