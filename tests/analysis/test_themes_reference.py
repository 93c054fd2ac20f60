"""Theme analysis made faster gives exactly the results it gave before.

``tests/analysis/reference/`` is a frozen copy of the matcher as it was before
it was optimised (tokenising, the lexicon matcher, the statistical model's
scoring, ``analyse`` and its JSON). These tests run it and the real code on the
same inputs (every labelled example of ``tests/data``, and a journal from
``benchmarks/journal.py``) and compare: each reflection's scan and summary, and
the bytes of ``reflect themes --json`` warm, cold and without the cache. Both
sides read the same taxonomy and model files, so retraining the model changes
both alike and never breaks these tests.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest

from reflect import cache as cache_module
from reflect import summaries as scan_cache
from reflect.analysis import themes
from reflect.views.themes_json import report_json, theme_json
from reflect.analysis.taxonomy import build
from reflect.journal import Journal
from reflect.models import Feedback, Gap, Question, Reflection
from tests.analysis.reference import themes as reference
from tests.analysis.reference.text import split_sentences

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


def _examples() -> list[dict]:
    out = []
    for path in sorted(DATA.glob("*.jsonl")):
        out += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def example_reflections() -> list[Reflection]:
    """Every labelled example, in the field its speaker would write it in; every few
    also as a lesson, a gap, a stumped question, a weak answer and a next step."""
    examples = _examples()
    out = []
    start = dt.date(2024, 1, 1)
    for n, ex in enumerate(examples):
        text = ex["text"]
        other = examples[(n * 7 + 3) % len(examples)]["text"]
        fields: dict = {
            "company": f"Example {ex['id']}",
            "role": "Candidate",
            "date": start + dt.timedelta(days=n % 500),
            "outcome": ["rejected", "offer", "advanced", "pending", "rejected"][n % 5],
            "stage": [None, "technical", "onsite", "final"][n % 4],
        }
        if ex.get("speaker") == "interviewer":
            fields["feedback"] = Feedback(status="received", text=text)
        else:
            fields["went_wrong"] = [text]
        if n % 3 == 0:
            fields["lessons"] = [other]
        if n % 5 == 0:
            fields["gaps"] = [Gap(kind=["skill", "experience", "culture", "preparation", "delivery"][n % 25 // 5], detail=other if n % 2 else "")]
        if n % 7 == 0:
            fields["questions"] = [
                Question(text=other, kind=["coding", "system-design", "technical", "behavioral", "culture"][n % 35 // 7], stumped=True),
                Question(text=text, kind="technical", answer_rating=1 + n % 3, better_answer=other),
            ]
        if n % 4 == 0:
            fields["next_steps"] = [other, text]
            fields["tags"] = ["nerves-confidence"] if n % 8 == 0 else ["remote"]
        out.append(Reflection(**fields))
    return out


@pytest.fixture(scope="module")
def taxonomies():
    """The taxonomy twice, compiled separately, so that nothing cached on one can leak into the other."""
    return build(None), build(None)


def reference_summary(reflection: Reflection, taxonomy) -> dict:
    """What ``scan_cache.summarise`` gave before (its steps read by the old matcher)."""
    steps = {}
    for step in reflection.next_steps:
        text = step.strip()
        if text and text not in steps:
            steps[text] = sorted({t for s in split_sentences(text) for t, _ in reference.match_sentence(s, taxonomy)})
    return {"scan": reference.scan(reflection, taxonomy).to_data(), "steps": steps}


def test_every_labelled_example_scans_as_before(taxonomies):
    fast, slow = taxonomies
    reflections = example_reflections()
    assert len(reflections) > 3000
    for reflection in reflections:
        summary = json.loads(json.dumps(scan_cache.summarise(reflection, fast)))  # as the cache keeps it
        read_back = {"scan": scan_cache._decoded(summary)[1].to_data(), "steps": summary[3]}
        assert read_back == reference_summary(reflection, slow), reflection.company


def test_a_generated_journal_scans_as_before(tmp_path: Path, taxonomies):
    fast, slow = taxonomies
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from journal import generate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    loaded = Journal(generate(tmp_path / "generated", 300, seed=7)).load_all()
    assert len(loaded.entries) == 300 and not loaded.problems
    for entry in loaded.entries:
        assert themes.scan(entry.reflection, fast).to_data() == reference.scan(entry.reflection, slow).to_data(), entry.id


def test_a_varied_journal_scans_as_before(tmp_path: Path, taxonomies):
    """Nearly every sentence different, as in a real journal: every sentence goes through the
    matcher and the model rather than the per-sentence cache."""
    fast, slow = taxonomies
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from journal import generate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    loaded = Journal(generate(tmp_path / "varied", 400, seed=23, text="varied")).load_all()
    assert len(loaded.entries) == 400 and not loaded.problems
    for entry in loaded.entries:
        summary = json.loads(json.dumps(scan_cache.summarise(entry.reflection, fast)))
        read_back = {"scan": scan_cache._decoded(summary)[1].to_data(), "steps": summary[3]}
        assert read_back == reference_summary(entry.reflection, slow), entry.id


# --- the whole command, byte for byte ------------------------------------------------------


@pytest.fixture
def journal(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Journal:
    """A journal of 150 generated reflections and every fourth labelled example."""
    from reflect import fileformat

    monkeypatch.setattr(cache_module, "RACY_SECONDS", -1.0)  # files just written may be cached at once
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from journal import generate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    generate(data_dir, 150, seed=11)
    for n, reflection in enumerate(example_reflections()[::4]):
        (data_dir / f"example-{n:04d}.toml").write_text(fileformat.dumps(reflection), encoding="utf-8")
    return Journal(data_dir)


def reference_json(journal: Journal, taxonomy, **options) -> str:
    entries = journal.load_all().entries
    report = reference.analyse(entries, taxonomy, **options)
    return json.dumps(report.to_json(), indent=2, ensure_ascii=False, default=str) + "\n"


def test_themes_json_is_byte_for_byte_as_before(journal: Journal, taxonomies, reflect):
    _, slow = taxonomies
    expected = reference_json(journal, slow)
    cold = reflect("themes", "--json")
    assert cold.exit_code == 0, cold.output
    assert cold.stdout == expected
    warm = reflect("themes", "--json")
    assert warm.stdout == expected
    assert reflect("--no-cache", "themes", "--json").stdout == expected
    assert reflect("themes", "--json", "--min-count", "1").stdout == reference_json(journal, slow, min_count=1)


def test_one_theme_in_json_is_as_before(journal: Journal, taxonomies, reflect):
    _, slow = taxonomies
    report = reference.analyse(journal.load_all().entries, slow)
    chosen = report.theme("conciseness")
    assert chosen is not None and len(chosen.evidence) > 10
    expected = json.dumps(chosen.to_json(), indent=2, ensure_ascii=False) + "\n"
    reflect("themes", "--json")  # fills the cache
    assert reflect("themes", "conciseness", "--json").stdout == expected


def test_scans_shared_between_processes_give_the_same_bytes_and_problems(journal: Journal, taxonomies, reflect, monkeypatch):
    import shutil

    from reflect import derive as journal_module

    _, slow = taxonomies
    (journal.root / "broken.toml").write_text('company = "Acme"\nrole = \n', encoding="utf-8")
    skipped = json.dumps(str(journal.root / "broken.toml"))
    expected = reference_json(journal, slow).replace('"skipped": []', f'"skipped": [\n    {skipped}\n  ]')
    serial = reflect("--no-cache", "themes", "--json")
    assert serial.stdout == expected and "broken.toml" in serial.stderr

    pools = []
    real = journal_module._in_workers
    monkeypatch.setattr(journal_module, "_in_workers", lambda *a: pools.append(1) or real(*a))
    monkeypatch.setattr(journal_module, "PARALLEL_MIN", 1)
    shutil.rmtree(scan_cache_dir(), ignore_errors=True)
    for args in (("--no-cache",), (), ()):  # without a cache, filling it, reading it
        shared = reflect(*args, "themes", "--json")
        assert shared.stdout == expected
        assert shared.stderr == serial.stderr
    assert len(pools) == 3  # the broken file is read again on every run


def scan_cache_dir() -> Path:
    import os

    return Path(os.environ["REFLECT_CACHE_DIR"])
