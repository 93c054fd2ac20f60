"""reflect's own JSON writer (``reflect.views.jsontext``) against orjson, on the real workload.

    python benchmarks/bench_json.py [--sizes 1000,10000] [--runs 7] [--text repeated|varied]

For each size, a journal from ``benchmarks/journal.py`` (seeded), and each command
(``themes --json`` warm, ``list --json``) run as a whole process, output to a file:

* ``jsontext``: reflect as it is;
* ``orjson``: the same process with ``reflect.cli.context.print_json`` replaced by one
  that writes ``orjson.dumps(data, option=OPT_INDENT_2 | OPT_NON_STR_KEYS)`` (a
  ``jsontext.Table`` given as its list of dicts, anything else orjson cannot write as
  ``str``) and escapes DEL and C1 controls as reflect does.

Both go through the same launcher (``python THIS --run VARIANT ARGS``), so they pay the
same start-up. Prints the median and min wall time, the peak resident memory of the
process (``wait4``), the output's size and whether the two outputs are the same bytes.
orjson must be installed in the Python that runs this (``pip install orjson``).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
VARIANTS = ("jsontext", "orjson")


def _orjson_print_json(data: object) -> None:
    import orjson

    from reflect.views.jsontext import Table
    from reflect.views.safe import json_safe_bytes

    def default(value: object) -> object:
        if type(value) is Table:
            return value.to_list()
        return str(value)

    raw = orjson.dumps(data, default=default, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS)
    if b"\x7f" in raw or b"\xc2" in raw:
        raw = json_safe_bytes(raw.decode("utf-8"))
    sys.stdout.flush()
    sys.stdout.buffer.write(raw + b"\n")


def _launch(variant: str, args: list[str]) -> None:
    """Run reflect with ``args``, its JSON written by ``variant``."""
    if variant == "orjson":
        from reflect.cli import context

        context.print_json = _orjson_print_json
    from reflect.__main__ import main

    sys.argv = ["reflect", *args]
    main()


def _run(variant: str, args: list[str], env: dict[str, str], out: Path) -> tuple[float, int, str, int]:
    """(seconds, peak RSS in KiB, sha256 of stdout, bytes) of one whole process."""
    with open(out, "wb") as handle:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--run", variant, *args],
                                stdout=handle, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{variant} {' '.join(args)} failed ({proc.returncode})")
    digest = hashlib.sha256()
    with open(out, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return seconds, usage.ru_maxrss, digest.hexdigest(), out.stat().st_size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--text", default="repeated")
    options = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from journal import generate

    rows = []
    with tempfile.TemporaryDirectory(prefix="reflect-bench-json-") as tmp:
        work = Path(tmp)
        for size in [int(s) for s in options.sizes.split(",")]:
            data = generate(work / f"journal-{size}", size, seed=2026, text=options.text)
            env = {**os.environ, "REFLECT_DATA_DIR": str(data), "REFLECT_CONFIG": str(work / "none.toml"),
                   "REFLECT_CACHE_DIR": str(work / f"cache-{size}"), "NO_COLOR": "1"}
            time.sleep(2.1)  # files changed in the last 2 s are never cached
            for command in (["themes", "--json"], ["list", "--json"]):
                _run("jsontext", command, env, work / "warm-up")  # fills the cache, compiles modules
                results: dict[str, list[tuple[float, int, str, int]]] = {v: [] for v in VARIANTS}
                for _ in range(options.runs):
                    for variant in VARIANTS:  # interleaved, so that the machine's load hits both alike
                        results[variant].append(_run(variant, command, env, work / f"out-{variant}"))
                digests = {v: {r[2] for r in results[v]} for v in VARIANTS}
                same = digests["jsontext"] == digests["orjson"] and len(digests["jsontext"]) == 1
                for variant in VARIANTS:
                    times = [r[0] for r in results[variant]]
                    rows.append((" ".join(command), size, variant, statistics.median(times), min(times),
                                 max(r[1] for r in results[variant]) / 1024, results[variant][0][3], same))
    print(f"{'command':<14} {'size':>6} {'writer':<9} {'median':>9} {'min':>9} {'peak MiB':>9} {'bytes':>11}  same bytes")
    for command, size, variant, median, low, peak, size_bytes, same in rows:
        print(f"{command:<14} {size:>6} {variant:<9} {median * 1000:>7.0f}ms {low * 1000:>7.0f}ms {peak:>9.1f} {size_bytes:>11,}  {same}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--run":
        _launch(sys.argv[2], sys.argv[3:])
    else:
        sys.exit(main())
