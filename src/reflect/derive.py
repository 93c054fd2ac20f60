"""Deriving data from every reflection, kept between runs: the machinery, not the recipe.

A *recipe* (:class:`Recipe`) says what to compute from one reflection and how to read
it back; :func:`derive_all` runs it over a journal. With a cache, the results are kept
as one snapshot of the journal directory (see :meth:`reflect.cache.Cache.snapshot`):
a file whose name and stat key are those of its snapshot entry is neither read nor
computed again. Files that are (new, changed, or the first time) are read through the
parse cache; when there are many, they are shared between forked worker processes.

The store (:mod:`reflect.journal`) lists and reads files; this module knows nothing
of what is derived (theme summaries, see :mod:`reflect.summaries`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from reflect.cache import gc_paused
from reflect.errors import InvalidReflection, Problem
from reflect.models.entry import Entry

if TYPE_CHECKING:
    from reflect.cache import Cache
    from reflect.journal import Journal

PARALLEL_MIN = 300
"""Fewer files than this to read and compute are done in this process (a pool costs ~50 ms)."""
WORKERS = 2
UNUSABLE_ERRORS = (KeyError, TypeError, ValueError, IndexError)
"""What :meth:`Recipe.load` raises for data it cannot read back: that entry is computed again."""
_UNUSABLE = object()


class Recipe(Protocol):
    """What to derive from each reflection.

    ``kind`` names the snapshot; ``fingerprint`` must change whenever :meth:`compute`
    would give another answer (a stored snapshot under another fingerprint is ignored).
    """

    kind: str
    fingerprint: str

    def compute(self, entry: Entry) -> Any:
        """Marshallable data (str, int, float, bool, None, and lists, tuples and dicts of them)."""

    def load(self, data: Any) -> Any:
        """The value handed back for ``data``, made as soon as it is at hand; raises one of
        :data:`UNUSABLE_ERRORS` for data it cannot read."""

    def adopt(self, data: Any) -> Any:
        """Freshly computed data as it is to be kept (its strings interned, say)."""

    def prepare(self) -> None:
        """Make, before work is shared out between processes, what every computation shares
        (the workers inherit it). Not called when there is little to compute: ``compute``
        must make what it needs itself."""

    def release(self) -> None:
        """This process no longer computes: the workers have started, or it is done."""


def derive_all(journal: Journal, recipe: Recipe, cache: Cache | None = None) -> tuple[dict[str, Any], list[Problem]]:
    """``recipe.load(recipe.compute(entry))`` for every valid reflection, by id (in file
    order), plus the problems of the files that are not.

    Streams: reflections are not kept, so memory holds only the derived data.
    """
    snapshot = cache.snapshot(journal.root, recipe.kind, recipe.fingerprint) if cache is not None else {}
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    kept: dict[str, tuple[Any, Any]] = {}  # the next snapshot: file name -> (stat key, data)
    todo: list[tuple[Path, Any]] = []  # files to read and compute, in file order
    with gc_paused():
        files = journal.stat_files()
        for name, key in files:
            stem = name[: -len(".toml")]
            found = snapshot.get(name) if key is not None else None
            if found is not None:
                try:
                    if found[0] == key:
                        values[stem] = recipe.load(found[1])
                        kept[name] = found
                        continue
                except UNUSABLE_ERRORS:
                    pass  # an unusable entry: computed again
            todo.append((journal.root / name, key))
            values[stem] = None  # keeps the file order; filled below
        added = _compute(journal, recipe, cache, todo, dict(files), values, kept, problems) if todo else 0
        if cache is not None and (added or len(kept) != len(snapshot)):
            cache.put_snapshot(journal.root, recipe.kind, recipe.fingerprint, kept)
    return values, problems


def _compute(  # noqa: PLR0913 - the working state of derive_all
    journal: Journal,
    recipe: Recipe,
    cache: Cache | None,
    todo: list[tuple[Path, Any]],
    keys: dict[str, Any],
    values: dict[str, Any],
    kept: dict[str, tuple[Any, Any]],
    problems: list[Problem],
) -> int:
    """Read and compute the files of ``todo`` (filling ``values``, ``kept`` and
    ``problems``); returns how many were added. A file whose parsed form the parse cache
    holds is taken from there; files read here are not added to it (serialising 10,000
    parsed reflections and writing them would cost a cold analysis about 0.3 s)."""
    rows = cache.rows(journal.root, text=False) if cache is not None else {}
    used = {name: row.id for name, row in rows.items() if row.key == keys.get(name)}
    if cache is not None:
        cache.prune(journal.root, used.values())  # rows of deleted and changed files
    items: list[tuple[Path, Any, str | None]] = []
    for path, key in todo:
        text = None
        if cache is not None and path.name in used:
            text = cache.reflection_text(rows[path.name]).reflection or None
        items.append((path, key, text))
    added = 0
    for (path, key, _), (data, found) in zip(items, _each(journal, recipe, items)):
        problems.extend(found)
        if data is _UNUSABLE:  # a cached reflection that no longer validates: read the file
            data, found = _one(journal, recipe.compute, path, None)
            problems.extend(found)
        if data is None:
            del values[path.stem]
            continue
        data = recipe.adopt(data)
        values[path.stem] = recipe.load(data)
        if key is not None:
            kept[path.name] = (key, data)
            added += 1
    recipe.release()
    return added


def _one(journal: Journal, compute: Any, path: Path, text: str | None) -> tuple[Any, list[Problem]]:
    """``(data, problems)`` for one file (read from ``path``, or from its parsed form ``text``
    out of the parse cache); data is None for a bad file and ``_UNUSABLE`` when ``text`` no
    longer validates."""
    if text is not None:
        from pydantic import ValidationError

        from reflect.models import Reflection  # not at the top: a warm `reflect themes` builds no model

        try:
            reflection = Reflection.model_validate_json(text)
        except (ValidationError, ValueError):
            return _UNUSABLE, []
    else:
        try:
            reflection = journal.read(path)
        except InvalidReflection as error:
            return None, list(error.problems)
        except OSError as error:
            return None, [Problem(path, "", f"cannot read: {error.strerror or error}")]
    return compute(Entry(path.stem, path, reflection)), []


# --- on more than one core ------------------------------------------------------------------

# What forked workers run: a module global, because a forked child inherits it as it was
# when the pool started, and the job (a journal and a recipe's compute) need not pickle.
_job: tuple[Journal, Any] | None = None


def _chunk(chunk: list[tuple[Path, Any, str | None]]) -> list[tuple[str, Any, list[Problem]]]:
    journal, compute = _job  # type: ignore[misc]
    out = []
    for path, _, text in chunk:
        data, problems = _one(journal, compute, path, text)
        out.append(("unusable" if data is _UNUSABLE else "ok", data if data is not _UNUSABLE else None, problems))
    return out


def _each(journal: Journal, recipe: Recipe, todo: list[tuple[Path, Any, str | None]]) -> Iterator[tuple[Any, list[Problem]]]:
    """``_one`` for each item of ``todo``, in order: in worker processes when there are many
    and the platform can fork, else (or if the pool fails) here. ``recipe.prepare`` is
    called before the workers start, ``recipe.release`` once they have."""
    done = 0
    if len(todo) >= PARALLEL_MIN and WORKERS > 1 and _can_fork():
        recipe.prepare()
        for result in _in_workers(journal, recipe, todo):
            yield result
            done += 1
    for path, _, text in todo[done:]:
        yield _one(journal, recipe.compute, path, text)


def _die_with(parent: int) -> None:
    """In a worker: be killed when the process that started it dies (a SIGKILLed
    ``reflect themes`` must not leave its workers asleep forever, ~70 MB each)."""
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # pragma: no cover - not Linux: workers end with the pool
        return
    if os.getppid() != parent:  # the parent died before the line above: too late for the signal
        os._exit(1)


PR_SET_PDEATHSIG = 1


def _can_fork() -> bool:
    import multiprocessing
    import sys

    return sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods()


def _in_workers(journal: Journal, recipe: Recipe, todo: list[tuple[Path, Any, str | None]]) -> Iterator[tuple[Any, list[Problem]]]:
    """The results of the items of ``todo`` from a pool of forked workers, in order, as they
    come; stops early (the caller does the rest) if the pool cannot start or breaks."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _job
    size = max(20, len(todo) // (WORKERS * 8))
    chunks = [todo[i : i + size] for i in range(0, len(todo), size)]
    _job = (journal, recipe.compute)
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(WORKERS, mp_context=context, initializer=_die_with, initargs=(os.getpid(),)) as pool:
            results = pool.map(_chunk, chunks)  # with fork, every worker starts here
            recipe.release()  # what the workers share is theirs now; its room here takes their results
            for chunk in results:
                for status, data, problems in chunk:
                    yield (_UNUSABLE if status == "unusable" else data), problems
    except Exception:  # noqa: BLE001 - no pool (no /dev/shm, a worker killed...): the caller finishes here
        return
    finally:
        _job = None
