"""The journals whose theme analysis is recorded in ``tests/data/recorded/``, and how to read
and compare the recordings.

Used by ``tests/analysis/test_themes_recorded.py`` (which compares the real command line's
output with the recordings) and by ``scripts/record_expected.py`` (which makes them again).
Only the file format (``reflect.models``, written with ``tomli_w``), ``benchmarks/journal.py``
and the command line are used: nothing here knows how the matcher is laid out.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
RECORDED = DATA / "recorded"

#: recording name -> the ``reflect`` arguments whose standard output it holds
EXAMPLES_ARGS = ("themes", "--json", "--min-count", "1")
GENERATED_ARGS = ("themes", "--json")
RECORDINGS = {
    "examples-themes.json.gz": EXAMPLES_ARGS,
    "generated-themes.json.gz": GENERATED_ARGS,
}
TEXT_RECORDING = "text-tokens.json.gz"

#: the generated journal: (text style, files, seed, prefix of its file names)
GENERATED = (("repeated", 200, 7, ""), ("varied", 200, 23, "varied-"))


# --- the journals ---------------------------------------------------------------------------


def labelled_examples() -> list[dict]:
    """Every labelled example of ``tests/data/*.jsonl``, files in name order."""
    out: list[dict] = []
    for path in sorted(DATA.glob("*.jsonl")):
        out += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def example_reflections() -> Iterator[tuple[str, object]]:
    """``(file stem, Reflection)`` for every labelled example, in the field its speaker would
    write it in; every few also with a lesson, a gap, a stumped question, a weak answer, next
    steps and a tag, so that every field theme analysis reads is exercised."""
    from reflect.models import Feedback, Gap, Question, Reflection

    examples = labelled_examples()
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
        if n % 6 == 1:
            fields["ratings"] = {"preparation": 1 + n % 5, "confidence": 1 + n // 6 % 5}
        yield f"{n:05d}-{ex['id']}", Reflection(**fields)


def write_example_journal(directory: Path) -> Path:
    """Every labelled example as a reflection file in ``directory`` (about 12,500 files)."""
    import tomli_w

    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    for stem, reflection in example_reflections():
        text = tomli_w.dumps(reflection.to_data())  # type: ignore[attr-defined]
        (directory / f"{stem}.toml").write_text(text, encoding="utf-8")
    return directory


def write_generated_journal(directory: Path, staging: Path) -> Path:
    """The benchmark's journal in both text styles (:data:`GENERATED`), in one directory."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from journal import generate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    for style, count, seed, prefix in GENERATED:
        written = generate(staging / style, count, seed=seed, text=style)
        for path in sorted(written.glob("*.toml")):
            os.replace(path, directory / f"{prefix}{path.name}")
    return directory


# --- the recordings -------------------------------------------------------------------------


def read(name: str) -> bytes:
    return gzip.decompress((RECORDED / name).read_bytes())


def write(name: str, data: bytes) -> bool:
    """Store a recording (gzip with no time stamp, so that equal data gives equal bytes);
    whether it changed."""
    path = RECORDED / name
    if path.exists() and gzip.decompress(path.read_bytes()) == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return True


def _evidence(report: dict) -> list[str]:
    """One line per piece of evidence: ``id theme field kind [trigger]: text``."""
    themes = [report] if "evidence" in report else report.get("themes", [])
    return [
        f"{row['id']} {theme['id']} {row['field']} {row['kind']} [{row['trigger']}]: {row['text']}"
        for theme in themes
        for row in theme.get("evidence", [])
    ]


def _short(value: object, most: int = 160) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= most else text[: most - 3] + "..."


def _facts(old: dict, new: dict, where: str) -> list[str]:
    """The facts (all but evidence) that differ between two dicts: lists of ids by the ids
    gained and lost, the rest as old -> new."""
    out = []
    for key in sorted(set(old) | set(new)):
        a, b = old.get(key), new.get(key)
        if key in ("evidence", "themes", "emerging") or a == b:
            continue
        if isinstance(a, list) and isinstance(b, list) and all(isinstance(x, str) for x in a + b):
            lost, gained = [x for x in a if x not in b], [x for x in b if x not in a]
            change = f"lost {_short(lost)}, gained {_short(gained)}" if lost or gained else "same items, another order"
            out.append(f"~ {where} {key}: {change}")
        else:
            out.append(f"~ {where} {key}: {_short(a)} -> {_short(b)}")
    return out


def differences(expected: bytes, got: bytes, most: int = 40) -> str:
    """What changed between two outputs of ``reflect themes --json``, readably: evidence lost
    (``-``) and gained (``+``), by reflection, then each other fact that changed (``~``)."""
    if expected == got:
        return "no difference"
    try:
        old, new = json.loads(expected), json.loads(got)
    except ValueError as error:
        return f"not JSON: {error}; {len(expected)} bytes expected, {len(got)} bytes"
    before, after = _evidence(old), _evidence(new)
    gone, came = set(before) - set(after), set(after) - set(before)
    out = sorted([f"- {line}" for line in gone] + [f"+ {line}" for line in came], key=lambda line: (line[2:], line[0]))
    out += _facts(old, new, "report")
    themes_old = {t["id"]: t for t in old.get("themes", [])}
    themes_new = {t["id"]: t for t in new.get("themes", [])}
    if list(themes_old) != list(themes_new):
        out.append(f"~ report themes, in order: {_short(list(themes_old), 400)} -> {_short(list(themes_new), 400)}")
    for theme_id in themes_old.keys() & themes_new.keys():
        out += _facts(themes_old[theme_id], themes_new[theme_id], f"theme {theme_id}")
    if old.get("emerging") != new.get("emerging"):
        out.append(f"~ report emerging: {_short(old.get('emerging'), 400)} -> {_short(new.get('emerging'), 400)}")
    if not out:
        out = ["the same evidence and facts, in another order or layout"]
    more = len(out) - most
    return "\n".join(out[:most] + ([f"... and {more} more lines"] if more > 0 else []))


# --- tokens and sentences ---------------------------------------------------------------------

_PIECES = [
    "I", "didn't", "didnt", "can't", "cannot", "won't", "shan't", "ain't", "wasn\u2019t", "havent", "arent", "dont",
    "isn't", "rambled", "nervous", "but", "however", "not", "no", "never", ",", ";", ":", "(", ")", '"', " - ",
    " -- ", "\u2014", "\u2013", "`", "\u201cquote\u201d", "42", "\uff21", "caf\u00e9", "different", "event", "parent",
    "sn't", "n't", "'", "the", "design", "round", "was", "a", "mess", "\n", "  ", ".", "!", "?",
]
_SPLIT_PIECES = ["I rambled", ".", "!", "?", '"', "'", ")", "]", " ", "  ", "\n", "\n\n", "\t", " - ", " -- ", "-", "Then", "x", "A", "\u00a0"]
_SPLIT_CASES = ['I froze.) Then "it". I "rambled." Next', "He said (I rambled.] Then 'no.' x", "I froze -- Then I rambled", "a.\n\nb"]
_ODD = "'\u2019\u2018`\"\u201c\u201d.,;:!?-\u2014\u2013()[] \t\n\r\u00a0\u200b\u0301\u00e9\u00df\u0130\u0131\uff21\ufb01\u2026\x00\x7f\x85"


def _odd_text(rng, most: int) -> str:
    """A short string of characters of every sort: ASCII, punctuation, quotes, spaces, accents,
    other scripts and any code point but a surrogate (what a property test would draw)."""
    out = []
    for _ in range(rng.randint(0, most)):
        pick = rng.random()
        if pick < 0.35:
            out.append(chr(rng.randint(0x20, 0x7E)))
        elif pick < 0.65:
            out.append(rng.choice(_ODD))
        elif pick < 0.85:
            out.append(chr(rng.randint(0xA0, 0x2FFF)))
        else:
            code = rng.randint(0, 0x10FFFF)
            out.append(chr(code if not 0xD800 <= code <= 0xDFFF else 0xFFFD))
    return "".join(out)


def text_corpus(seed: int = 20261204, sentences: int = 3000, texts: int = 1500) -> tuple[list[str], list[str]]:
    """Seeded inputs for tokenising (``sentences``) and sentence splitting (``texts``): the
    pieces that stress contractions, clauses and punctuation, mixed with odd characters."""
    import random

    rng = random.Random(seed)
    to_tokenise = []
    for _ in range(sentences):
        joiner = rng.choice(["", " "])
        pieces = [rng.choice(_PIECES) if rng.random() < 0.6 else _odd_text(rng, 6) for _ in range(rng.randint(0, 30))]
        to_tokenise.append(joiner.join(pieces))
    to_split = list(_SPLIT_CASES)
    for _ in range(texts):
        to_split.append("".join(rng.choice(_SPLIT_PIECES) if rng.random() < 0.6 else _odd_text(rng, 4) for _ in range(rng.randint(0, 25))))
    return to_tokenise, to_split
