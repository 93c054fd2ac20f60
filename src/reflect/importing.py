"""Bringing reflections in from a JSON export, TOML files or a folder of them.

Each record keeps its id when the journal has no file of that name; a record the
journal already holds (the same reflection, under any id) is skipped; a record
whose id is taken by a different reflection gets the next free name (``-2``...).
Records that are not valid are rejected one by one, each with its reason.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from reflect.errors import BadId, InvalidReflection, NotFound, Problem, ReflectError
from reflect.journal import SUFFIX, Journal, check_id, file_stem
from reflect.models import Reflection, validate_reflection

MAX_IMPORT_BYTES = 256 * 1024 * 1024
IMPORTABLE = (".json", ".toml")

Action = Literal["add", "rename", "have"]


@dataclass(frozen=True)
class Record:
    """One valid reflection found in the input, with the id it asks for."""

    source: str
    ident: str
    reflection: Reflection


@dataclass(frozen=True)
class Step:
    """What import does (or would do) with one record."""

    record: Record
    action: Action
    ident: str  # the id it is (or would be) saved under, or the id that already holds it

    def to_json(self) -> dict[str, str]:
        return {"source": self.record.source, "action": self.action, "wanted": self.record.ident, "id": self.ident}

    def describe(self, dry_run: bool) -> str:
        verb = "would add" if dry_run else "added"
        if self.action == "add":
            return f"{verb} {self.ident}"
        if self.action == "rename":
            return f"{verb} {self.ident} ({self.record.ident} is taken by a different reflection)"
        return f"already have {self.ident}: skipped ({self.record.source})"


@dataclass(frozen=True)
class Rejection:
    """A record (or a whole file) that was not imported, and every reason why."""

    source: str
    problems: tuple[Problem, ...]

    def __str__(self) -> str:
        reasons = "; ".join(f"{p.field}: {p.message}" if p.field else p.message for p in self.problems)
        return f"{self.source}: {reasons}"


@dataclass
class ImportResult:
    steps: list[Step] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)

    def count(self, *actions: Action) -> int:
        return sum(1 for s in self.steps if s.action in actions)


def read_records(source: Path) -> tuple[list[Record], list[Rejection]]:
    """Every record in a file or a folder (its ``*.json`` and ``*.toml`` files, not sub-folders)."""
    if source.is_dir():
        files = sorted(p for p in source.iterdir() if p.suffix in IMPORTABLE and not p.name.startswith(".") and p.is_file())
    elif source.exists():
        files = [source]
    else:
        raise NotFound(f"{source}: no such file or folder")
    records: list[Record] = []
    problems: list[Rejection] = []
    for path in files:
        found, bad = _read_file(path)
        records += found
        problems += bad
    return records, problems


def _read_file(path: Path) -> tuple[list[Record], list[Rejection]]:
    from reflect import fileformat

    if path.suffix.lower() in (".csv", ".md", ".markdown"):
        hint = "CSV and Markdown exports are for reading; import a JSON export (reflect export --format json) or TOML files"
        return [], [_whole(path, hint)]
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            return [], [_whole(path, f"file is {size:,} bytes, above the {MAX_IMPORT_BYTES:,}-byte import limit")]
        text = fileformat.decode(path.read_bytes(), path)
        if path.suffix == ".json" or (path.suffix != ".toml" and text.lstrip().startswith(("{", "["))):
            return _json_records(fileformat.parse_json(text, path), path)
        data = fileformat.parse_toml(text, path)
    except InvalidReflection as error:
        return [], [Rejection(str(path), tuple(error.problems))]
    except OSError as error:
        return [], [_whole(path, f"cannot read: {error.strerror or error}")]
    return _records([(path.stem, data, "")], path)


def _json_records(document: Any, path: Path) -> tuple[list[Record], list[Rejection]]:
    """A reflect export, a list of reflections (such as `reflect list --json`), or one reflection."""
    if isinstance(document, dict) and document.get("format") == "reflect-export":
        items, label = document.get("reflections"), "reflections"
        if not isinstance(items, list):
            return [], [_whole(path, "an export must hold a list under `reflections`")]
    elif isinstance(document, list):
        items, label = document, ""
    else:
        items, label = [document], None
    numbered = []
    for number, item in enumerate(items):
        where = "" if label is None else f"{label}[{number}]"
        ident = None
        if isinstance(item, dict):
            item = dict(item)
            ident = item.pop("id", None)
            item.pop("path", None)  # `reflect list --json` says where the file was
        numbered.append((ident, item, where))
    return _records(numbered, path)


def _records(items: list[tuple[Any, Any, str]], path: Path) -> tuple[list[Record], list[Rejection]]:
    records: list[Record] = []
    problems: list[Rejection] = []
    for ident, data, where in items:
        try:
            reflection = validate_reflection(data, path)
            wanted = file_stem(reflection) if ident is None else _checked_id(ident)
        except InvalidReflection as error:
            problems.append(Rejection(_source(path, where), tuple(Problem(path, p.field, p.message) for p in error.problems)))
            continue
        records.append(Record(_source(path, where), wanted, reflection))
    return records, problems


def _source(path: Path, where: str) -> str:
    return f"{path}:{where}" if where else str(path)


def _whole(path: Path, message: str) -> Rejection:
    return Rejection(str(path), (Problem(path, "", message),))


def _checked_id(ident: Any) -> str:
    if not isinstance(ident, str):
        raise InvalidReflection([Problem(None, "id", "must be a string")])
    try:
        return check_id(ident)
    except BadId as error:
        raise InvalidReflection([Problem(None, "id", error.message)]) from None


def _same(reflection: Reflection) -> str:
    return json.dumps(reflection.to_json_data(), sort_keys=True)


def plan(journal: Journal, records: list[Record]) -> list[Step]:
    """What importing ``records`` would do, without writing anything."""
    existing = journal.load_all().entries
    held = {_same(e.reflection): e.id for e in existing}
    taken = {p.stem for p in journal.files()}
    steps = []
    for record in records:
        key = _same(record.reflection)
        if key in held:
            steps.append(Step(record, "have", held[key]))
            continue
        ident = _free_name(record.ident, taken, journal.root)
        steps.append(Step(record, "add" if ident == record.ident else "rename", ident))
        taken.add(ident)
        held[key] = ident
    return steps


def _free_name(ident: str, taken: set[str], root: Path) -> str:
    attempt = 1
    while True:
        name = ident if attempt == 1 else f"{ident}-{attempt}"
        if name not in taken and not os.path.lexists(root / f"{name}{SUFFIX}"):
            return name
        attempt += 1


def import_path(journal: Journal, source: Path, dry_run: bool = False) -> ImportResult:
    """Import every record in ``source``; with ``dry_run``, only say what would happen.

    A record that cannot be saved (too large, a name the file system refuses) is
    rejected with its reason and the others are imported; what was written is
    committed to history even then."""
    from reflect import atomic

    records, rejected = read_records(source)
    records, too_large = _sized(records)
    rejected += too_large
    with atomic.locked(journal.root) if not dry_run else contextlib.nullcontext():
        steps = plan(journal, records)
        if not dry_run:
            done: list[Step] = []
            try:
                for step in steps:
                    try:
                        done.append(_apply(journal, step))
                    except (ReflectError, OSError) as error:
                        message = error.message if isinstance(error, ReflectError) else f"cannot save: {error.strerror or error}"
                        rejected.append(Rejection(step.record.source, (Problem(None, "", message),)))
            finally:
                added = [journal.path_for(step.ident) for step in done if step.action != "have"]
                if added:
                    # One commit in history for the whole import, not one per file.
                    journal.record_change(f"import: {len(added)} reflections from {source.name}", added)
                else:
                    journal.heal_history()
            steps = done
    return ImportResult(steps, rejected)


def _sized(records: list[Record]) -> tuple[list[Record], list[Rejection]]:
    """The records small enough to be read back once saved, and a rejection for each other."""
    from reflect import fileformat
    from reflect.journal import check_size

    kept, rejected = [], []
    for record in records:
        try:
            check_size(fileformat.dumps(record.reflection).encode("utf-8"))
        except InvalidReflection as error:
            rejected.append(Rejection(record.source, tuple(error.problems)))
            continue
        kept.append(record)
    return kept, rejected


def _apply(journal: Journal, step: Step) -> Step:
    if step.action == "have":
        return step
    entry = journal.add_with_id(step.record.reflection, step.ident, record=False)
    return Step(step.record, "add" if entry.id == step.record.ident else "rename", entry.id)
