"""The journal: a directory of reflection files, one per interview.

Every ``*.toml`` file at the top of the directory is a reflection; reflect's own
state lives in sub-folders (``trash/``, ``drafts/``, ``state/``). Reading returns
the valid reflections plus a list of problems, so one bad file never hides the rest.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reflect import atomic
from reflect.errors import Ambiguous, BadId, InvalidReflection, NotFound, Problem, ReflectError
from reflect.models.entry import Entry, Migrated, MigrationReport, newest_first

if TYPE_CHECKING:
    from reflect.models import Reflection
    from reflect.cache import Cache
    from reflect.history import History

MAX_FILE_BYTES = 1024 * 1024
SUFFIX = ".toml"
TRASH = "trash"
DRAFTS = "drafts"
STATE = "state"
BACKUPS = "backups"


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
        raise InvalidReflection([Problem(path, "", "no such file")]) from None
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


def _sorted_names(names: Iterable[str]) -> list[str]:
    """File names in the order of their paths in one folder (sorting the names: much
    cheaper than sorting Path objects; Windows paths compare without case)."""
    return sorted(names, key=str.lower) if os.name == "nt" else sorted(names)


def describe(reflection: Reflection) -> str:
    """``2026-11-20 acme backend engineer``: a reflection named in one plain line (for history)."""
    from reflect.history import clean

    return f"{reflection.date.isoformat()} {clean(reflection.company)} {clean(reflection.role)}"


class Journal:
    """The reflections in one data directory."""

    def __init__(self, root: Path, warn: Callable[[str], None] | None = None) -> None:
        self.root = root
        #: Warnings about work that did not stop the change (a failed history commit).
        self.warnings: list[str] = []
        self._warn = warn

    @functools.cached_property
    def history(self) -> History:
        """The data directory's git history (imported only when a command writes)."""
        from reflect.history import History

        return History(self.root)

    def record_change(self, message: str, paths: Iterable[Path]) -> None:
        """Tell history that ``paths`` changed (created, rewritten or removed), and why.

        Every write reflect makes calls this once after the files are safely on disk,
        e.g. ``journal.record_change("log: 2026-11-20 acme backend engineer", [path])``.
        When the data directory is a git repository that makes one commit; otherwise
        it does nothing. A failure never undoes or blocks the write: it becomes a warning.
        """
        problem = self.history.record(message, list(paths))
        if problem:
            self.warnings.append(problem)
            if self._warn is not None:
                self._warn(problem)

    def sweep(self) -> list[Path]:
        """Remove temporary files left behind by a crashed write (see :func:`atomic.sweep_stale_temps`)."""
        removed: list[Path] = []
        for folder in (self.root, self.trash, self.drafts, self.state):
            removed += atomic.sweep_stale_temps(folder)
        return removed

    def ensure_root(self) -> Path:
        """The data directory, created (0700) if missing; a clear error if a file is in its place."""
        if os.path.lexists(self.root) and not self.root.is_dir():
            raise NotFound(f"{self.root}: the data directory is a file, not a directory")
        return atomic.ensure_dir(self.root)

    def own_dir(self, folder: Path) -> Path:
        """A sub-folder of the journal, created if missing; refused if it is a link or a file,
        so that nothing is ever written outside the data directory."""
        try:
            info = os.lstat(folder)
        except FileNotFoundError:
            self.ensure_root()
            return atomic.ensure_dir(folder)
        if stat.S_ISLNK(info.st_mode):
            raise ReflectError(f"{folder} is a symbolic link; reflect does not follow it out of the data directory")
        if not stat.S_ISDIR(info.st_mode):
            raise ReflectError(f"{folder} should be a folder but is a file; move it away")
        return folder

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
        return [self.root / name for name in self.file_names()]

    def file_names(self) -> list[str]:
        """The names of :meth:`files`, in the same order (no ``Path`` made for each)."""
        try:
            names = [e.name for e in os.scandir(self.root)]
        except FileNotFoundError:
            return []
        except NotADirectoryError:
            raise NotFound(f"{self.root}: the data directory is a file, not a directory") from None
        return _sorted_names(n for n in names if n.endswith(SUFFIX) and not n.startswith("."))

    def stat_files(self) -> list[tuple[str, Any]]:
        """Each reflection file's name with its stat key (see :func:`reflect.cache.file_key`;
        None for anything that is not a regular file), in the order of :meth:`file_names`."""
        from reflect.cache import file_key

        out: list[tuple[str, Any]] = []
        root = str(self.root)
        with _directory(self.root) as folder:
            for name in self.file_names():
                try:
                    info: os.stat_result | None = (
                        os.stat(name, dir_fd=folder, follow_symlinks=False) if folder is not None else os.lstat(os.path.join(root, name))
                    )
                except OSError:
                    info = None
                out.append((name, file_key(info) if info is not None and stat.S_ISREG(info.st_mode) else None))
        return out

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

    def add(self, reflection: Reflection, action: str = "log", record: bool = True) -> Entry:
        """Save a new reflection under a fresh name; never touches other files.

        ``action`` names the change in history (``log``, ``import``...). With
        ``record=False`` no commit is made: a caller saving many files (an import)
        then calls :meth:`record_change` once for all of them.
        """
        self.ensure_root()
        # No sweep of stale temporary files here: listing a journal of 10,000 files costs
        # about 6 ms, and logging must not grow with the journal. Edits, feedback and
        # migrations sweep.
        return self.add_with_id(reflection, file_stem(reflection), action, record)

    def add_with_id(self, reflection: Reflection, ident: str, action: str = "import", record: bool = True) -> Entry:
        """Save a reflection under the id it had elsewhere (an import), or under the
        next free name (``ident-2``...) if that id is taken; never overwrites."""
        from reflect import fileformat

        self.ensure_root()
        data = fileformat.dumps(reflection).encode("utf-8")
        path = atomic.create_new(self.root, check_id(ident), data)
        if record:
            self.record_change(f"{action}: {describe(reflection)}", [path])
        return Entry(path.stem, path, reflection)

    def replace(self, entry: Entry, reflection: Reflection, original: bytes, action: str = "update", record: bool = True) -> Entry:
        """Rewrite a reflection's file from the model (see :meth:`replace_text`)."""
        from reflect import fileformat

        self.replace_text(entry.path, fileformat.dumps(reflection), original, action=action, record=record)
        return Entry(entry.id, entry.path, reflection)

    def replace_text(self, path: Path, text: str, original: bytes, action: str = "edit", record: bool = True) -> None:
        """Overwrite a file atomically, unless it changed since ``original`` was read.

        On a conflict the new text is kept as a draft and :class:`Conflict` is raised,
        so neither version is lost. With ``record=False`` no commit is made (the caller
        records several changes as one, see :meth:`record_change`).
        """
        from reflect.errors import Conflict

        with atomic.locked(self.root):
            self.sweep()
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
            if record and self.history.enabled:
                self.record_change(f"{action}: {self._name(path, text)}", [path])

    def save_draft(self, ident: str, text: str) -> Path:
        """Keep text the user wrote that could not be saved, so that nothing typed is lost."""
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        return atomic.create_new(self.own_dir(self.drafts), f"{ident}-{stamp}", text.encode("utf-8"))

    def delete(self, ident: str) -> Path:
        """Move a reflection into the trash; returns where it went."""
        with atomic.locked(self.root):
            path = self.resolve(ident)
            name = self._name(path) if self.history.enabled else ""
            moved = atomic.move_new(path, self.own_dir(self.trash), path.stem)
            if self.history.enabled:
                self.record_change(f"delete: {name}", [path, moved])
            return moved

    def trashed(self) -> list[Path]:
        """The deleted reflections in the trash, by name."""
        try:
            names = os.listdir(self.trash)
        except (FileNotFoundError, NotADirectoryError):
            return []
        return sorted(self.trash / n for n in names if n.endswith(SUFFIX) and not n.startswith("."))

    def restore(self, ident: str) -> Entry:
        """Bring a reflection back from the trash under its old id (or the next free one)."""
        with atomic.locked(self.root):
            self.own_dir(self.trash)
            source = self.resolve(ident, where=self.trash)
            target = atomic.move_new(source, self.root, source.stem)
            if self.history.enabled:
                self.record_change(f"restore: {self._name(target)}", [source, target])
        return Entry(target.stem, target, self.read(target))

    def _name(self, path: Path, text: str | None = None) -> str:
        """How history names the reflection in ``path`` (or in ``text``): its description, else its id."""
        from reflect import fileformat

        try:
            return describe(fileformat.loads(text) if text is not None else self.read(path))
        except (ReflectError, OSError):
            from reflect.history import clean

            return clean(path.stem)

    def init(self, git: bool = False) -> list[str]:
        """Create the data directory (0700); with ``git``, make it a git repository. Returns what was done."""
        existed = self.root.is_dir()
        self.ensure_root()
        os.chmod(self.root, atomic.DIR_MODE)
        done = [f"{'Using' if existed else 'Created'} {self.root}"]
        if git:
            done += self.history.init()
        return done

    def migrate(self, dry_run: bool = False) -> MigrationReport:
        """Upgrade every file of an older schema to the current one, after a backup of each.

        Files from a newer schema are reported and never rewritten; invalid files are
        reported and left alone. Comments in upgraded files are not kept (the backup has them).
        """
        from reflect import fileformat, migrations
        from reflect.models import validate_reflection

        report = MigrationReport(current=migrations.CURRENT)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        with atomic.locked(self.root):
            self.sweep()
            for path in self.files():
                try:
                    raw = read_bytes(path)
                    data = fileformat.parse_toml(fileformat.decode(raw, path), path)
                except InvalidReflection as error:
                    report.problems.extend(error.problems)
                    continue
                except OSError as error:
                    report.problems.append(Problem(path, "", f"cannot read: {error.strerror or error}"))
                    continue
                version = migrations.version_of(data)
                if version is not None and version > migrations.CURRENT:
                    report.newer.append(Problem(path, "schema", f"written by a newer reflect (schema {version}); left unchanged: upgrade reflect to read it"))
                    continue
                if not migrations.needs_upgrade(data):
                    continue
                upgraded, changes = migrations.upgrade(data)
                try:
                    reflection = validate_reflection(upgraded, path)
                except InvalidReflection as error:
                    report.problems.extend(error.problems)
                    continue
                item = Migrated(path, version or 0, changes)
                if not dry_run:
                    backups = self.own_dir(self.root / BACKUPS)
                    item.backup = atomic.create_new(self.own_dir(backups / f"migrate-{stamp}"), path.stem, raw)
                    atomic.replace(path, fileformat.dumps(reflection).encode("utf-8"))
                report.migrated.append(item)
            if report.migrated and not dry_run:
                count = len(report.migrated)
                self.record_change(
                    f"migrate: {count} file{'s' if count != 1 else ''} to schema {migrations.CURRENT}",
                    [m.path for m in report.migrated],
                )
        return report


@contextlib.contextmanager
def _directory(root: Path) -> Iterator[int | None]:
    """A descriptor of the journal directory, to stat its files without resolving the path
    each time (None where the platform cannot, or the directory cannot be opened)."""
    if os.stat not in os.supports_dir_fd or os.stat not in os.supports_follow_symlinks:
        yield None
        return
    try:
        fd = os.open(root, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        yield None
        return
    try:
        yield fd
    finally:
        os.close(fd)
