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
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reflect import atomic
from reflect.errors import Ambiguous, InvalidReflection, NotFound, Problem, ReflectError
from reflect.files import (  # noqa: F401 - what the journal's files are, named here for its users
    _GENERATED,
    MAX_FILE_BYTES,
    MAX_ID_BYTES,
    SUFFIX,
    check_id,
    check_size,
    describe,
    draft_base_line,
    file_stem,
    named_after,
    parse_file,
    read_bytes,
    slug,
)
from reflect.models.entry import Entry, Migrated, MigrationReport, newest_first

if TYPE_CHECKING:
    from reflect.models import Reflection
    from reflect.cache import Cache
    from reflect.history import History

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


def _sorted_names(names: Iterable[str]) -> list[str]:
    """File names in the order of their paths in one folder (sorting the names: much
    cheaper than sorting Path objects; Windows paths compare without case)."""
    return sorted(names, key=str.lower) if os.name == "nt" else sorted(names)


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

    def heal_history(self) -> None:
        """Commit what interrupted writes left uncommitted (a rerun import or migrate that
        had nothing new to write still leaves history whole); a failure is a warning."""
        if not self.history.enabled:
            return
        problem = self.history.commit_leftovers()
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

        data = check_size(fileformat.dumps(reflection).encode("utf-8"))
        ident = check_id(ident)
        self.ensure_root()
        path = atomic.create_new(self.root, ident, data)
        schema = self.root / fileformat.SCHEMA_FILE
        fresh = not os.path.lexists(schema)
        if fresh:
            self.ensure_schema()
        if record:
            self.record_change(f"{action}: {describe(reflection)}", [path, schema] if fresh else [path])
        return Entry(path.stem, path, reflection)

    def replace(self, entry: Entry, reflection: Reflection, original: bytes, action: str = "update", record: bool = True) -> Entry:
        """Rewrite a reflection's file from the model (see :meth:`replace_text`)."""
        from reflect import fileformat

        path = self.replace_text(entry.path, fileformat.dumps(reflection), original, action=action, record=record)
        return Entry(path.stem, path, reflection)

    def replace_text(self, path: Path, text: str, original: bytes, action: str = "edit", record: bool = True) -> Path:
        """Overwrite a file atomically, unless it changed since ``original`` was read.

        On a conflict the new text is kept as a draft and :class:`Conflict` is raised,
        so neither version is lost. When the change moves the date, company or role of a
        file named after them, the file is renamed to match (``-2``... if the name is
        taken) in the same step of history, so git follows it. Returns where it now is.
        With ``record=False`` no commit is made (the caller records several changes as
        one, see :meth:`record_change`).
        """
        from reflect.errors import Conflict

        data = text.encode("utf-8")
        if len(data) > MAX_FILE_BYTES:
            draft = self.save_draft(path.stem, text, base=original)
            problem = f"reflection is {len(data):,} bytes, above the {MAX_FILE_BYTES:,}-byte limit; not saved, your version is kept as a draft: {draft}"
            raise InvalidReflection([Problem(path, "", problem)])
        with atomic.locked(self.root):
            self.sweep()
            try:
                current = read_bytes(path)
            except InvalidReflection:
                current = None
            if current != original:
                draft = self.save_draft(path.stem, text, base=original)
                raise Conflict(
                    f"{path} changed on disk since it was opened; it was left as it is "
                    f"and your version is kept as a draft: {draft}"
                )
            atomic.replace(path, data)
            moved = self._follow_facts(path, original, text)
            self.ensure_schema()
            if record and self.history.enabled:
                self.record_change(f"{action}: {self._name(moved, text)}", [path, moved])
        return moved

    def _follow_facts(self, path: Path, before: bytes, text: str) -> Path:
        """Rename ``path`` when it was named after the facts in ``before`` and ``text`` changed them."""
        from reflect import fileformat

        try:
            old = fileformat.loads(fileformat.decode(before, path), path)
            new = fileformat.loads(text, path)
        except ReflectError:
            return path
        if file_stem(old) == file_stem(new) or not named_after(path.stem, old):
            return path
        return atomic.move_new(path, self.root, file_stem(new))

    def ensure_schema(self, refresh: bool = False) -> bool:
        """Write the copy of the JSON Schema that the ``#:schema`` line of every file names
        beside the files when missing (or, with ``refresh``, when out of date); True if written."""
        from reflect import fileformat

        target = self.root / fileformat.SCHEMA_FILE
        if os.path.lexists(target) and not refresh:
            return False
        data = fileformat.schema_path().read_bytes()
        if os.path.lexists(target) and (os.path.islink(target) or not os.path.isfile(target) or target.read_bytes() == data):
            return False  # up to date, or not ours to replace (editors then find no schema, nothing worse)
        atomic.replace(target, data)
        return True

    def save_draft(self, ident: str, text: str, base: bytes | None = None) -> Path:
        """Keep text the user wrote that could not be saved, so that nothing typed is lost
        (bytes that are not UTF-8 as they were); ``base``: the file the edit began from (see
        :func:`~reflect.files.draft_base_line`)."""
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        head = draft_base_line(base) if base is not None else ""
        return atomic.create_new(self.own_dir(self.drafts), f"{ident}-{stamp}", (head + text).encode("utf-8", "surrogateescape"))

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

    def deleted_at(self, path: Path) -> dt.datetime:
        """When a reflection in the trash was deleted: moving it there (a new link) changes its
        ctime, not its mtime."""
        return dt.datetime.fromtimestamp(os.lstat(path).st_ctime)

    def empty_trash(self, older_than: dt.timedelta | None = None, now: dt.datetime | None = None) -> list[Path]:
        """Remove for good the reflections in the trash (only those deleted longer than
        ``older_than`` ago, if given); returns what was removed. History keeps old commits."""
        now = now or dt.datetime.now()
        removed: list[Path] = []
        with atomic.locked(self.root):
            for path in self.trashed():
                try:
                    if older_than is not None and now - self.deleted_at(path) < older_than:
                        continue
                    path.unlink()
                except OSError:  # gone meanwhile, or a folder named *.toml: left alone
                    continue
                removed.append(path)
            if removed and self.history.enabled:
                count = len(removed)
                self.record_change(f"trash: emptied {count} reflection{'s' if count != 1 else ''}", removed)
        return removed

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

    def init(self, git: bool = False, force: bool = False) -> list[str]:
        """Create the data directory (0700); with ``git``, make it a git repository. Returns what was done.

        An existing directory that holds anything but a journal (``/``, a home folder, a link
        to ``/etc``) is refused without ``force``: init makes its directory private (0700)."""
        existed = self.root.is_dir()
        if existed and not force:
            stranger = self.foreign_entry()
            if stranger is not None:
                raise ReflectError(
                    f"{self.root} is not empty and does not look like a journal (it holds {stranger!r}); "
                    "choose an empty or new directory, or use --force to adopt it"
                )
        self.ensure_root()
        os.chmod(self.root, atomic.DIR_MODE)
        done = [f"{'Using' if existed else 'Created'} {self.root}"]
        self.ensure_schema(refresh=True)
        if git:
            done += self.history.init()
        return done

    def foreign_entry(self) -> str | None:
        """The name of something in the data directory that reflect would not have put there
        (None for an empty directory or a journal)."""
        own = {TRASH, DRAFTS, STATE, BACKUPS, ".git", ".gitignore", ".lock", ".gitattributes", "reflection.schema.json"}
        try:
            names = sorted(os.listdir(self.root))
        except OSError:
            return None
        for name in names:
            if name in own or name.endswith(SUFFIX) or (name.startswith(".") and name.endswith(atomic.TEMP_SUFFIX)):
                continue
            return name
        return None

    def outdated(self, entries: Iterable[Entry]) -> list[Path]:
        """The files of ``entries`` (valid, as :meth:`load_all` read them) that ``migrate``
        would change: of an older schema, with a ``#:schema`` line naming anything but the
        data directory's copy, or named after old facts. Reads only."""
        from reflect import fileformat, migrations

        found = []
        for entry in entries:
            try:
                raw = read_bytes(entry.path)
                data = fileformat.parse_toml(fileformat.decode(raw, entry.path), entry.path)
            except (InvalidReflection, OSError):
                continue  # changed since it was read: the next check says so
            if migrations.needs_upgrade(data) or self._tidy(entry.path, raw, data, dry_run=True) is not None:
                found.append(entry.path)
        return found

    def migrate(self, dry_run: bool = False) -> MigrationReport:
        """Upgrade every file of an older schema to the current one, after a backup of each.

        Files from a newer schema are reported and never rewritten; invalid files are
        reported and left alone. Comments in upgraded files are not kept (the backup has them).
        """
        from reflect import fileformat, migrations
        from reflect.models import validate_reflection

        report = MigrationReport(current=migrations.CURRENT)
        self._moved: list[Path] = []
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
                    item = self._tidy(path, raw, data, dry_run)
                    if item is not None:
                        item.from_version = version or migrations.CURRENT
                        if not dry_run:
                            item.backup = atomic.create_new(self.own_dir(self.own_dir(self.root / BACKUPS) / f"migrate-{stamp}"), path.stem, raw)
                            item.path = self._apply_tidy(path, raw, item)
                        report.migrated.append(item)
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
            wrote = not dry_run and os.path.isdir(self.root) and self.ensure_schema(refresh=True)
            if (report.migrated or wrote) and not dry_run:
                count = len(report.migrated)
                self.record_change(
                    f"migrate: {count} file{'s' if count != 1 else ''} to schema {migrations.CURRENT}" if count else "migrate: the schema copy for editors brought up to date",
                    [*self._moved, *(m.path for m in report.migrated), self.root / fileformat.SCHEMA_FILE],
                )
            elif not dry_run:
                self.heal_history()
        return report

    def _tidy(self, path: Path, raw: bytes, data: dict, dry_run: bool) -> Migrated | None:
        """What a current file needs besides its data: a ``#:schema`` line naming an
        installation's path made relative, a name that states old facts brought up to date
        (only names reflect gave: ``YYYY-MM-DD-...``). None when it needs nothing."""
        from reflect import fileformat
        from reflect.models import validate_reflection

        changes = []
        if fileformat.fix_schema_line(fileformat.decode(raw, path)) is not None:
            changes.append(f"#:schema line now names ./{fileformat.SCHEMA_FILE} in the data directory")
        try:
            reflection = validate_reflection(data, path)
        except InvalidReflection:
            reflection = None
        if reflection is not None and _GENERATED.match(path.stem) and not named_after(path.stem, reflection):
            changes.append(f"renamed to {file_stem(reflection)}{SUFFIX} (its date, company or role had changed, or its name lost letters)")
        return Migrated(path, 0, changes) if changes else None

    def _apply_tidy(self, path: Path, raw: bytes, item: Migrated) -> Path:
        from reflect import fileformat

        fixed = fileformat.fix_schema_line(fileformat.decode(raw, path))
        if fixed is not None:
            atomic.replace(path, fixed.encode("utf-8"))
        if any(change.startswith("renamed to ") for change in item.changes):
            moved = atomic.move_new(path, self.root, file_stem(self.read(path)))
            self._moved.append(path)
            return moved
        return path


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
