#!/usr/bin/env python3
"""Record what theme analysis gives today, as the expected output of the tests.

``tests/analysis/test_themes_recorded.py`` compares the real command line with
these recordings, in ``tests/data/recorded/`` (gzip, no time stamp):

* ``examples-themes.json.gz``: ``reflect themes --json --min-count 1`` on a
  journal of every labelled example in ``tests/data/*.jsonl`` (one reflection
  each, built by ``tests/analysis/recorded.py``: the text in its speaker's
  field, and every few also as a lesson, gap, stumped question, weak answer,
  next step, tag and low rating). Every theme and every piece of evidence of
  every reflection is in it.
* ``generated-themes.json.gz``: ``reflect themes --json`` on 400 reflections
  written by ``benchmarks/journal.py`` (seeded; 200 of each text style).
* ``text-tokens.json.gz``: the tokens and sentences ``reflect.analysis.text``
  makes of seeded, deliberately awkward input (``tests/analysis/test_text.py``).

Run it after a deliberate change to matching (a trigger, the taxonomy, the
model, the tokeniser), with the Python of the environment reflect is
installed in:

    python scripts/record_expected.py           # record; prints what changed
    python scripts/record_expected.py --check   # only say whether anything would change

then review what it prints (evidence lost ``-`` and gained ``+``, by
reflection) as you would review a diff, and commit the recordings with the
change that explains them. Never re-record to make a failing test pass
without reading why it failed: a change nobody meant is a bug.

Each journal is analysed as a separate ``reflect`` process with its own empty
data, config and cache directories, cold, warm and with ``--no-cache``; the
three outputs must be the same bytes, or nothing is recorded.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.analysis import recorded  # noqa: E402


def run_reflect(data: Path, work: Path, args: tuple[str, ...], cache: bool = True) -> bytes:
    env = {
        **os.environ,
        "REFLECT_DATA_DIR": str(data),
        "REFLECT_CONFIG": str(work / "no-config.toml"),
        "REFLECT_CACHE_DIR": str(work / "cache"),
        "NO_COLOR": "1",
        "COLUMNS": "120",
    }
    command = [sys.executable, "-m", "reflect", *([] if cache else ["--no-cache"]), *args]
    done = subprocess.run(command, env=env, capture_output=True, check=False)
    if done.returncode != 0 or done.stderr:
        raise SystemExit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr.decode(errors='replace')}")
    return done.stdout


def analyse(data: Path, work: Path, args: tuple[str, ...]) -> bytes:
    """The output of ``reflect ARGS`` on ``data``: cold, warm and without the cache, the same bytes."""
    cold = run_reflect(data, work, args)
    warm = run_reflect(data, work, args)
    plain = run_reflect(data, work, args, cache=False)
    if not cold == warm == plain:
        raise SystemExit(f"{' '.join(args)}: cold, warm and --no-cache differ; nothing recorded\n"
                         + recorded.differences(cold, warm if cold != warm else plain))
    return cold


def text_recording() -> bytes:
    from reflect.analysis.text import normalise, split_sentences, tokenize

    sentences, texts = recorded.text_corpus()
    data = {
        "tokens": [[s, normalise(s), [[t.word, t.stem, t.stop, t.clause] for t in tokenize(s)]] for s in sentences],
        "sentences": [[t, split_sentences(t)] for t in texts],
    }
    return (json.dumps(data, ensure_ascii=True, indent=0) + "\n").encode()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a recording would change")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="reflect-record-") as tmp:
        work = Path(tmp)
        examples = recorded.write_example_journal(work / "examples")
        generated = recorded.write_generated_journal(work / "generated", work / "staging")
        journals = {recorded.EXAMPLES_ARGS: examples, recorded.GENERATED_ARGS: generated}
        made = {name: analyse(journals[args], work / f"cache-{n}", args) for n, (name, args) in enumerate(recorded.RECORDINGS.items())}
        made[recorded.TEXT_RECORDING] = text_recording()
    changed = []
    for name, data in made.items():
        path = recorded.RECORDED / name
        old = recorded.read(name) if path.exists() else None
        if old == data:
            print(f"{name}: unchanged")
            continue
        changed.append(name)
        if old is None:
            print(f"{name}: new ({len(data):,} bytes)")
        elif name == recorded.TEXT_RECORDING:
            print(f"{name}: changed (tokens or sentences; compare the two files decompressed)")
        else:
            print(f"{name}: changed\n{recorded.differences(old, data, most=200)}")
        if not options.check:
            recorded.write(name, data)
    if changed and options.check:
        return 1
    if changed:
        print("\nrecorded; review the changes above, then commit them with the change to matching that explains them")
    return 0


if __name__ == "__main__":
    sys.exit(main())
