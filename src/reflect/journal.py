"""The journal: a directory of reflection files, one per interview.

Every ``*.toml`` file at the top of the directory is a reflection; reflect's own
state lives in sub-folders (``trash/``, ``drafts/``, ``state/``). Reading returns
the valid reflections plus a list of problems, so one bad file never hides the rest.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reflect import atomic
from reflect.errors import Ambiguous, BadId, InvalidReflection, NotFound, Problem
from reflect.models import Reflection

if TYPE_CHECKING:
    from reflect.cache import Cache

MAX_FILE_BYTES = 1024 * 1024
SUFFIX = ".toml"
TRASH = "trash"
DRAFTS = "drafts"
STATE = "state"


@dataclass(frozen=True)
class Entry:
    """A reflection and where it lives. Its id is the file's stem."""

    id: str
    path: Path
    reflection: Reflection


@dataclass
class LoadResult:
    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def skipped(self) -> list[Path]:
        return sorted({p.path for p in self.problems if p.path is not None})


def slug(text: str, limit: int = 40) -> str:
    """A lowercase ASCII slug: ``"Société Générale"`` -> ``"societe-generale"``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    cleaned = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return cleaned[:limit].rstrip("-") or "x"


def file_stem(reflection: Reflection) -> str:
    return f"{reflection.date.isoformat()}-{slug(reflection.company)}-{slug(reflection.role)}"


def check_id(ident: str) -> str:
    """Refuse anything that is not a plain id: paths, ``..``, NUL bytes, hidden names."""
    ident = ident.strip()
    if ident.endswith(SUFFIX):
        ident = ident[: -len(SUFFIX)]
    if not ident:
        raise BadId("an id must not be empty")
    if "\x00" in ident or "/" in ident or "\\" in ident or ident.startswith(".") or os.path.isabs(ident):
        raise BadId(f"not a reflection id: {ident!r} (ids are file names without a path, as shown by `reflect list`)")
    return ident


def read_bytes(path: Path) -> bytes:
    """A file's bytes, refusing links, non-files and files above the size limit."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        raise InvalidReflection([Problem(path, "", "file disappeared while reading")]) from None
    if stat.S_ISLNK(info.st_mode):
        raise InvalidReflection([Problem(path, "", "symbolic link, not followed")])
    if stat.S_ISDIR(info.st_mode):
        raise InvalidReflection([Problem(path, "", "is a directory, not a reflection file")])
    if not stat.S_ISREG(info.st_mode):
        raise InvalidReflection([Problem(path, "", "not a regular file")])
    if info.st_size > MAX_FILE_BYTES:
        raise InvalidReflection(
            [Problem(path, "", f"file is {info.st_size:,} bytes, above the {MAX_FILE_BYTES:,}-byte limit; not read")]
        )
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as handle:
        # Read one byte past the limit: the file may have grown since lstat.
        raw = handle.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        raise InvalidReflection([Problem(path, "", f"file is above the {MAX_FILE_BYTES:,}-byte limit; not read")])
    return raw


def parse_file(path: Path, raw: bytes) -> Reflection:
    from reflect import fileformat

    return fileformat.loads(fileformat.decode(raw, path), path)


def newest_first(entries: Iterable[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: (e.reflection.date, e.id), reverse=True)


class Journal:
    """The reflections in one data directory."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @property
    def trash(self) -> Path:
        return self.root / TRASH

    @property
    def drafts(self) -> Path:
        return self.root / DRAFTS

    @property
    def state(self) -> Path:
        return self.root / STATE

    def path_for(self, ident: str) -> Path:
        return self.root / f"{check_id(ident)}{SUFFIX}"

    def files(self) -> list[Path]:
        """Every candidate reflection file (anything named ``*.toml`` that is not hidden)."""
        try:
            names = [e.name for e in os.scandir(self.root)]
        except FileNotFoundError:
            return []
        except NotADirectoryError:
            raise NotFound(f"{self.root}: the data directory is a file, not a directory") from None
        return sorted(self.root / n for n in names if n.endswith(SUFFIX) and not n.startswith("."))

    def read(self, path: Path) -> Reflection:
        """Load and validate one file; raises :class:`InvalidReflection` naming the problem."""
        return parse_file(path, read_bytes(path))

    def load_all(self, paths: Iterable[Path] | None = None, cache: Cache | None = None) -> LoadResult:
        """Every valid reflection, newest first, plus a problem for each file that is not.

        With a ``cache`` (and no ``paths``), files unchanged since they were last
        parsed are taken from it; the result is the same as without.
        """
        if cache is not None and paths is None:
            from reflect.cache import gc_paused

            with gc_paused():
                return self._load_cached(cache)
        result = LoadResult()
        for path in self.files() if paths is None else paths:
            try:
                reflection = self.read(path)
            except InvalidReflection as error:
                result.problems.extend(error.problems)
                continue
            except OSError as error:
                result.problems.append(Problem(path, "", f"cannot read: {error.strerror or error}"))
                continue
            result.entries.append(Entry(path.stem, path, reflection))
        result.entries = newest_first(result.entries)
        return result

    def _load_cached(self, cache: Cache) -> LoadResult:
        from reflect.cache import file_key

        rows = cache.rows(self.root)
        fresh: dict = {}
        used: dict[Path, int] = {}
        unread: list[Path] = []
        result = LoadResult()
        for path in self.files():
            try:
                info = os.lstat(path)
            except OSError:
                unread.append(path)
                continue
            row = rows.get(path.name)
            if row is not None and stat.S_ISREG(info.st_mode) and row.key == file_key(info):
                reflection = cache.decode(row)
                if reflection is not None:
                    used[path] = row.id
                    result.entries.append(Entry(path.stem, path, reflection))
                    continue
            # Not cached (or changed): read it the usual way, remembering the stat taken before.
            parsed = self.load_all([path])
            result.problems.extend(parsed.problems)
            for entry in parsed.entries:
                result.entries.append(entry)
                if stat.S_ISREG(info.st_mode):
                    fresh[path.name] = (file_key(info), entry.reflection)
        if unread:
            again = self.load_all(unread)
            result.entries.extend(again.entries)
            result.problems.extend(again.problems)
        cache.update(self.root, fresh, used)
        result.entries = newest_first(result.entries)
        return result

    def derive_all(
        self, kind: str, fingerprint: str, compute: Callable[[Entry], Any], cache: Cache | None = None
    ) -> tuple[dict[str, Any], list[Problem]]:
        """``compute(entry)`` (JSON-able data) for every valid reflection, by id, plus the problems.

        Streams: reflections are not kept, so memory holds only the derived data.
        With a cache, files whose result is cached for ``kind`` and ``fingerprint``
        (which must change whenever ``compute`` would give another answer) are
        not even read.
        """
        import json

        from reflect.cache import file_key, gc_paused

        rows = cache.rows(self.root) if cache is not None else {}
        known = cache.derived_rows(self.root, kind, fingerprint) if cache is not None else {}
        values: dict[str, Any] = {}
        problems: list[Problem] = []
        fresh: dict = {}
        used: dict[Path, int] = {}
        computed: dict[Path, Any] = {}

        def derive(entry: Entry) -> None:
            # Through JSON, so that a computed value equals the same value read from the cache.
            computed[entry.path] = values[entry.id] = json.loads(json.dumps(compute(entry)))

        with gc_paused():
            for path in self.files():
                try:
                    info: os.stat_result | None = os.lstat(path)
                except OSError:
                    info = None
                regular = info is not None and stat.S_ISREG(info.st_mode)
                row = rows.get(path.name)
                if cache is not None and row is not None and regular and row.key == file_key(info):
                    if row.id in known:
                        used[path] = row.id
                        values[path.stem] = known[row.id]
                        continue
                    reflection = cache.decode(row)
                    if reflection is not None:
                        used[path] = row.id
                        derive(Entry(path.stem, path, reflection))
                        continue
                parsed = self.load_all([path])
                problems.extend(parsed.problems)
                for entry in parsed.entries:
                    derive(entry)
                    if regular:
                        fresh[path.name] = (file_key(info), entry.reflection.model_dump_json(by_alias=True))
        if cache is not None:
            cache.update(self.root, fresh, used)
            cache.put_derived(kind, fingerprint, computed)
        return values, problems

    def resolve(self, ident: str, where: Path | None = None) -> Path:
        """The file of an id, or of the only id starting with the given prefix."""
        ident = check_id(ident)
        folder = where or self.root
        exact = folder / f"{ident}{SUFFIX}"
        if os.path.lexists(exact):
            return exact
        try:
            names = [n for n in os.listdir(folder) if n.endswith(SUFFIX) and not n.startswith(".")]
        except FileNotFoundError:
            names = []
        matches = sorted(n for n in names if n.startswith(ident))
        if not matches:
            place = "in the trash" if where == self.trash else "in the journal"
            raise NotFound(f"no reflection {ident!r} {place} (see `reflect list`)")
        if len(matches) > 1:
            shown = ", ".join(m[: -len(SUFFIX)] for m in matches[:5])
            more = f" and {len(matches) - 5} more" if len(matches) > 5 else ""
            raise Ambiguous(f"{ident!r} matches {len(matches)} reflections: {shown}{more}; give more of the id")
        return folder / matches[0]

    def get(self, ident: str) -> Entry:
        path = self.resolve(ident)
        return Entry(path.stem, path, self.read(path))

    def add(self, reflection: Reflection) -> Entry:
        """Save a new reflection under a fresh name; never touches other files."""
        from reflect import fileformat

        atomic.ensure_dir(self.root)
        data = fileformat.dumps(reflection).encode("utf-8")
        path = atomic.create_new(self.root, file_stem(reflection), data)
        return Entry(path.stem, path, reflection)

    def add_with_id(self, reflection: Reflection, ident: str) -> Entry:
        """Save a reflection under the id it had elsewhere (an import), or under the
        next free name (``ident-2``...) if that id is taken; never overwrites."""
        from reflect import fileformat

        atomic.ensure_dir(self.root)
        data = fileformat.dumps(reflection).encode("utf-8")
        path = atomic.create_new(self.root, check_id(ident), data)
        return Entry(path.stem, path, reflection)

    def replace(self, entry: Entry, reflection: Reflection, original: bytes) -> Entry:
        """Rewrite a reflection's file from the model (see :meth:`replace_text`)."""
        from reflect import fileformat

        self.replace_text(entry.path, fileformat.dumps(reflection), original)
        return Entry(entry.id, entry.path, reflection)

    def replace_text(self, path: Path, text: str, original: bytes) -> None:
        """Overwrite a file atomically, unless it changed since ``original`` was read.

        On a conflict the new text is kept as a draft and :class:`Conflict` is raised,
        so neither version is lost.
        """
        from reflect.errors import Conflict

        with atomic.locked(self.root):
            try:
                current = read_bytes(path)
            except InvalidReflection:
                current = None
            if current != original:
                draft = self.save_draft(path.stem, text)
                raise Conflict(
                    f"{path} changed on disk since it was opened; it was left as it is "
                    f"and your version is kept as a draft: {draft}"
                )
            atomic.replace(path, text.encode("utf-8"))

    def save_draft(self, ident: str, text: str) -> Path:
        """Keep text the user wrote that could not be saved, so that nothing typed is lost."""
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        return atomic.create_new(atomic.ensure_dir(self.drafts), f"{ident}-{stamp}", text.encode("utf-8"))

    def delete(self, ident: str) -> Path:
        """Move a reflection into the trash; returns where it went."""
        with atomic.locked(self.root):
            path = self.resolve(ident)
            return atomic.move_new(path, self.trash, path.stem)

    def restore(self, ident: str) -> Entry:
        """Bring a reflection back from the trash under its old id (or the next free one)."""
        with atomic.locked(self.root):
            source = self.resolve(ident, where=self.trash)
            target = atomic.move_new(source, self.root, source.stem)
        return Entry(target.stem, target, self.read(target))
