"""Time theme analysis of N synthetic reflections: python benchmarks/bench_themes.py [N]."""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if (ROOT / "src" / "reflect").is_dir():
    sys.path.insert(0, str(ROOT / "src"))

WRONG = [
    "I rambled through the system design and never discussed tradeoffs.",
    "They said I came across as nervous and hadn't researched the company.",
    "I couldn't finish the coding problem and missed an edge case.",
    "When asked why I wanted the job I gave a vague answer about growth.",
    "The interviewer had to cut me off twice. I wasn't nervous, just unprepared for the format.",
    "I kept my answers short but my examples had no clear result.",
]


def main(n: int) -> None:
    from reflect.analysis.taxonomy import get_taxonomy
    from reflect.analysis.themes import analyse
    from reflect.journal import Entry
    from reflect.models import Feedback, Reflection

    start = time.perf_counter()
    taxonomy = get_taxonomy()
    compiled = time.perf_counter() - start
    entries = []
    for i in range(n):
        r = Reflection(
            company=f"Company {i % 97}", role="Engineer", date=dt.date(2022, 1, 1) + dt.timedelta(days=i % 900),
            outcome=["rejected", "offer", "advanced", "pending"][i % 4],
            went_wrong=[WRONG[i % 6], WRONG[(i * 7 + 1) % 6]], lessons=[WRONG[(i + 3) % 6]],
            feedback=Feedback(text=WRONG[(i + 2) % 6]),
        )
        entries.append(Entry(f"r{i}", Path(f"r{i}.toml"), r))
    from reflect.analysis import classifier

    start = time.perf_counter()
    classifier.load()
    loaded = time.perf_counter() - start
    best: dict[str, float] = {}
    for label, tax in (("first run", taxonomy), ("lexicon only", taxonomy.without_model()), ("with the model", taxonomy)) * 2:
        start = time.perf_counter()
        report = analyse(entries, tax)
        took = time.perf_counter() - start
        best[label] = min(took, best.get(label, took))
        print(f"{label}: {n} reflections in {took:.3f}s ({len(report.themes)} themes)")
    print(f"the model adds {(best['with the model'] - best['lexicon only']) * 1000:.0f} ms (best of two runs each)")
    print(f"taxonomy compile: {compiled:.3f}s ({taxonomy.size} patterns); model load: {loaded * 1000:.0f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
