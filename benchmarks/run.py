"""Time reflect as whole processes, next to the interpreter floor.

    python benchmarks/run.py                      # 100, 1,000 and 10,000 reflections, 7 runs each
    python benchmarks/run.py --sizes 100,1000 --runs 5 --out results.md
    python benchmarks/run.py --text varied        # nearly every sentence different

Generates journals in the documented file format (see benchmarks/journal.py)
in a temporary directory, then runs each command several times with its own
data, config and cache directories and stdin from /dev/null (non-interactive).
Reports the median, min and max wall time, the median as a multiple of
``python -c pass`` measured in the same run, and peak memory (max RSS of the
process). Commands that do not exist in this version (themes, plan) are
skipped with a note. The table is printed and written to a Markdown file,
with the raw timings next to it as JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from journal import TEXT_STYLES, generate  # noqa: E402


@dataclass
class Result:
    label: str
    size: str
    times: list[float] = field(default_factory=list)  # seconds
    rss: list[int] = field(default_factory=list)  # KiB
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.times)


KEEP_OUTPUT = 1 << 20


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, int, int, bytes]:
    """Wall time, peak RSS (KiB), exit code and the start of stdout (up to 1 MiB) of one process.

    The rest of the output is read and dropped: a process started from this one can
    report this one's memory as its own peak (the child begins as a copy of the parent
    before it runs the command), so this process must stay small.
    """
    start = time.perf_counter()
    with open(os.devnull, "rb") as devnull:
        process = subprocess.Popen(argv, stdin=devnull, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        out = b""
        if process.stdout is not None:
            while chunk := process.stdout.read(1 << 16):
                if len(out) < KEEP_OUTPUT:
                    out += chunk
        _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    rss = usage.ru_maxrss if sys.platform != "darwin" else usage.ru_maxrss // 1024
    return elapsed, rss, process.returncode, out


def find_reflect(explicit: str | None) -> list[str]:
    if explicit:
        return [explicit]
    beside = Path(sys.executable).parent / "reflect"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("reflect")
    if found:
        return [found]
    return [sys.executable, "-m", "reflect"]


class Bench:
    def __init__(self, reflect: list[str], runs: int, work: Path) -> None:
        self.reflect = reflect
        self.runs = runs
        self.work = work
        self.results: list[Result] = []
        self.base_env = {k: v for k, v in os.environ.items() if not k.startswith("REFLECT_")}
        self.base_env.update({"NO_COLOR": "1", "COLUMNS": "100"})
        # Measured as a user runs it: Python keeps compiled modules (.pyc) between runs. With
        # PYTHONDONTWRITEBYTECODE set, an editable install would compile reflect's modules on
        # every run (about 25 ms of each command); an installed wheel has them from pip.
        self.base_env.pop("PYTHONDONTWRITEBYTECODE", None)

    def env(self, journal: Path, cache: Path) -> dict[str, str]:
        return {
            **self.base_env,
            "REFLECT_DATA_DIR": str(journal),
            "REFLECT_CACHE_DIR": str(cache),
            "REFLECT_CONFIG": str(self.work / "config.toml"),
        }

    def exists(self, command: str, env: dict[str, str]) -> bool:
        _, _, code, _ = run_once([*self.reflect, command, "--help"], env)
        return code == 0

    def time(self, label: str, size: str, argv: list[str], env: dict[str, str], before=None, after=None,
             warmup: int = 1) -> Result:
        result = Result(label, size)
        for _ in range(warmup):
            if before:
                before()
            out = run_once(argv, env)
            if after:
                after(out[3])
        for _ in range(self.runs):
            if before:
                before()
            elapsed, rss, code, out = run_once(argv, env)
            if after:
                after(out)
            if code not in (0, 1):
                raise SystemExit(f"{' '.join(argv)} failed with exit code {code}")
            result.times.append(elapsed)
            result.rss.append(rss)
        self.results.append(result)
        print(f"  {label:<34} {size:>7}  {fmt_ms(result.median):>9}", flush=True)
        return result

    def skip(self, label: str, size: str, note: str) -> None:
        self.results.append(Result(label, size, note=note))
        print(f"  {label:<34} {size:>7}  skipped: {note}", flush=True)


def fmt_ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds >= 0.1 else f"{seconds * 1000:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000,10000", help="journal sizes (default: 100,1000,10000)")
    parser.add_argument("--runs", type=int, default=7, help="timed runs per command (default: 7)")
    parser.add_argument("--cold-runs", type=int, default=3, help="timed runs of cold (no cache) analyses (default: 3)")
    parser.add_argument("--reflect", help="the reflect executable (default: the one beside this Python)")
    parser.add_argument("--out", default=str(Path(__file__).parent / "results.md"), help="where to write the table")
    parser.add_argument("--keep", help="generate the journals in this directory and keep them")
    parser.add_argument("--text", choices=TEXT_STYLES, default="repeated",
                        help="journal text: sentences drawn from short lists (repeated, the default) or composed "
                             "so that nearly every one differs (varied)")
    parser.add_argument("--length", type=float, default=1.0,
                        help="with --text varied, scales how much each reflection says (default 1.0, ~1.7 KB a file)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    reflect = find_reflect(args.reflect)

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="reflect-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    bench = Bench(reflect, args.runs, work)
    print(f"reflect: {' '.join(reflect)}\nwork dir: {work}\n")
    try:
        journals = {0: work / "journal-0"}
        journals[0].mkdir(mode=0o700, exist_ok=True)
        style = args.text if args.length == 1.0 else f"{args.text}-x{args.length:g}"
        for size in sizes:
            target = work / f"journal-{style}-{size}"
            if not (target.is_dir() and sum(1 for _ in target.glob("*.toml")) == size):
                shutil.rmtree(target, ignore_errors=True)
                started = time.perf_counter()
                if args.text == "varied":
                    generate(target, size, text="varied", size=args.length)
                else:
                    generate(target, size)
                print(f"generated {size:,} reflections in {time.perf_counter() - started:.1f} s")
            journals[size] = target
        # Let the generated files age past the cache's two-second "just changed" window.
        time.sleep(2.5)
        measure(bench, journals, sizes, args.cold_runs)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    report(bench, Path(args.out), reflect, style)


def measure(bench: Bench, journals: dict[int, Path], sizes: list[int], cold_runs: int) -> None:
    cache_root = bench.work / "cache"

    def fresh_cache(name: str) -> Path:
        path = cache_root / name
        shutil.rmtree(path, ignore_errors=True)
        return path

    env0 = bench.env(journals[0], fresh_cache("none"))
    bench.time("python -c pass (floor)", "-", [sys.executable, "-c", "pass"], env0)
    bench.time("reflect --version", "-", [*bench.reflect, "--version"], env0)
    bench.time("reflect --help", "-", [*bench.reflect, "--help"], env0)

    log_argv = [
        *bench.reflect, "log", "--company", "Benchmark Corp", "--role", "Backend Engineer", "--date", "2026-11-20",
        "--stage", "onsite", "--outcome", "rejected", "--went-wrong", "I rambled on the system design question",
        "--gap", "skill:never used Kafka", "--stumped", "system-design:Design a URL shortener", "--json",
    ]
    for size in [0, *sizes]:
        journal = journals[size]
        env = bench.env(journal, fresh_cache(f"log-{size}"))

        def remove_logged(out: bytes, journal: Path = journal) -> None:
            # Keep the journal at its size: remove the reflection just logged.
            try:
                Path(json.loads(out)["path"]).unlink()
            except (ValueError, KeyError, OSError):
                pass

        bench.time("reflect log (flags, no terminal)", f"{size:,}", log_argv, env, after=remove_logged)

    has_themes = bench.exists("themes", env0)
    has_plan = bench.exists("plan", env0)
    for size in sizes:
        journal = journals[size]
        warm = bench.env(journal, fresh_cache(f"warm-{size}"))
        bench.time("reflect list --json", f"{size:,}", [*bench.reflect, "list", "--json"], warm)
        if has_themes:
            cold_dir = cache_root / f"cold-{size}"
            cold = bench.env(journal, cold_dir)
            saved_runs, bench.runs = bench.runs, cold_runs
            bench.time("reflect themes --json (cold)", f"{size:,}", [*bench.reflect, "themes", "--json"], cold,
                       before=lambda d=cold_dir: shutil.rmtree(d, ignore_errors=True), warmup=0)
            bench.runs = saved_runs
            bench.time("reflect themes --json (warm)", f"{size:,}", [*bench.reflect, "themes", "--json"], warm)
        else:
            bench.skip("reflect themes --json", f"{size:,}", "no `themes` command in this version")
        if has_plan:
            bench.time("reflect plan --json (warm)", f"{size:,}", [*bench.reflect, "plan", "--json"], warm)
        else:
            bench.skip("reflect plan --json", f"{size:,}", "no `plan` command in this version")


def report(bench: Bench, out: Path, reflect: list[str], style: str = "repeated") -> None:
    floor = next(r.median for r in bench.results if r.label.startswith("python -c pass"))
    try:
        version = subprocess.run([*reflect, "--version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        version = "?"
    header = [
        f"# reflect benchmark, {dt.datetime.now().strftime('%Y-%m-%d %H:%M')}",
        "",
        f"{version}; Python {platform.python_version()}; {platform.system()} {platform.machine()}; "
        f"{os.cpu_count()} CPUs; {bench.runs} runs per command (cold analyses fewer); "
        f"floor `python -c pass` = {fmt_ms(floor)}; load average at the end {_load()}; "
        f"journal text style: {style}; compiled modules (.pyc) kept between runs.",
        "",
        "| command | reflections | median | min | max | x floor | peak memory |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    rows = []
    for r in bench.results:
        if r.note:
            rows.append(f"| {r.label} | {r.size} | skipped: {r.note} | | | | |")
            continue
        peak = max(r.rss) / 1024
        rows.append(
            f"| {r.label} | {r.size} | {fmt_ms(r.median)} | {fmt_ms(min(r.times))} | {fmt_ms(max(r.times))} "
            f"| {r.median / floor:.1f} | {peak:.0f} MiB |"
        )
    text = "\n".join(header + rows) + "\n"
    print("\n" + text)
    out.write_text(text, encoding="utf-8")
    raw = [{"command": r.label, "size": r.size, "text": style, "seconds": r.times, "max_rss_kib": r.rss, "note": r.note}
           for r in bench.results]
    out.with_suffix(".json").write_text(json.dumps(raw, indent=1) + "\n", encoding="utf-8")
    print(f"written to {out} (raw timings in {out.with_suffix('.json')})")


def _load() -> str:
    try:
        return " / ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


if __name__ == "__main__":
    main()
