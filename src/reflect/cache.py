"""The parse cache: reflections already parsed, and snapshots of results derived from them, in SQLite.

The cache is never the truth. A row is used only while the file it came from
still has the same path, mtime_ns, size, inode and ctime_ns; any other file is
read and validated again. A cache that is missing, stale, locked, corrupt or
written by another version of reflect is rebuilt (or bypassed) silently, and
deleting it is always safe. Only valid reflections are cached: a bad file is
read, and reported, on every run.

Other code uses it in two ways:

* ``Journal.load_all(cache=cache)`` loads the journal through the cache;
* :func:`reflect.derive.derive_all` keeps a *snapshot*: one result per file of a whole
  journal directory, each with its file's stat key, in one marshalled blob
  (:meth:`Cache.snapshot` / :meth:`Cache.put_snapshot`), under a ``kind`` and a
  ``fingerprint`` of whatever else the result depends on (taxonomy, config, the
  analysis code's version); reading 10,000 results is then one row and one
  ``marshal.loads`` instead of 10,000 JSON documents. An entry is used only while
  its file's name and key still match.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import sys
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reflect.models import Reflection

CACHE_FORMAT = 4
FILE_NAME = "parse-cache.sqlite3"
RACY_SECONDS = 2.0
"""Files changed this recently are not cached: a second edit within the file
system's timestamp granularity could leave mtime, size and ctime unchanged."""
BUSY_TIMEOUT = 0.25

Key = tuple[int, int, int, int]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    root TEXT NOT NULL,
    name TEXT NOT NULL,
    mtime_ns INTEGER NOT NULL,
    size INTEGER NOT NULL,
    ino INTEGER NOT NULL,
    ctime_ns INTEGER NOT NULL,
    reflection TEXT NOT NULL,
    UNIQUE(root, name)
);
CREATE TABLE IF NOT EXISTS snapshots(
    root TEXT NOT NULL,
    kind TEXT NOT NULL,
    part INTEGER NOT NULL,
    fingerprint TEXT NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY(root, kind, part)
);
"""
SNAPSHOT_FORMAT = 1
SNAPSHOT_PART = 1000
"""Entries per marshalled part of a snapshot: written and read a part at a time, a
snapshot never needs all of its bytes in memory at once."""


def file_key(info: os.stat_result) -> Key:
    """What must not change for a cached row to stay valid (besides the path)."""
    return (info.st_mtime_ns, info.st_size, info.st_ino, info.st_ctime_ns)


def code_fingerprint() -> str:
    """Changes whenever the code that produced the cached models may have changed."""
    import pydantic

    from reflect import __version__

    digest = hashlib.sha256(f"{CACHE_FORMAT}|{__version__}|{pydantic.VERSION}".encode())
    here = Path(__file__).parent
    for name in ("models/reflection.py", "vocab.py"):
        with contextlib.suppress(OSError):
            digest.update((here / name).read_bytes())
    return digest.hexdigest()[:32]


@dataclass(frozen=True)
class Row:
    id: int
    key: Key
    reflection: str


class Cache:
    """One SQLite file under the cache directory, opened on first use.

    Every method swallows the cache's own failures: at worst the cache is
    deleted and the journal is read from its files, as if there were none.
    """

    def __init__(self, directory: Path | None = None) -> None:
        if directory is None:
            from reflect.dirs import cache_dir

            directory = cache_dir()
        self.directory = directory
        self.path = directory / FILE_NAME
        self._db: sqlite3.Connection | None = None
        #: Why the cache's place is not used (another user could read or replace it), else None.
        self.refused = self._unsafe()
        self._broken = self.refused is not None

    def _unsafe(self) -> str | None:
        from reflect.atomic import unsafe_place

        return unsafe_place(self.directory, directory=True) or unsafe_place(self.path, directory=False)

    # -- opening and recovering --------------------------------------------------

    def _connection(self) -> sqlite3.Connection | None:
        if self._db is not None or self._broken:
            return self._db
        for _attempt in range(2):
            try:
                self._db = self._open()
                return self._db
            except sqlite3.DatabaseError as error:
                self._close()
                if _is_busy(error):
                    break
                self.discard()
            except OSError:
                break
        self._broken = True
        return None

    def _open(self) -> sqlite3.Connection:
        from reflect import atomic

        atomic.ensure_dir(self.directory)
        # Create the file private before SQLite opens it (its journal inherits the mode).
        os.close(os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), atomic.FILE_MODE))
        db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False)
        try:
            db.execute("PRAGMA synchronous=NORMAL")
            expected = code_fingerprint()
            try:
                found = db.execute("SELECT value FROM meta WHERE key='code'").fetchone()
            except sqlite3.OperationalError as error:
                if _is_busy(error):
                    raise
                found = None  # a new (empty) file
            if found is None or found[0] != expected:
                db.execute("BEGIN IMMEDIATE")
                statements = "DROP TABLE IF EXISTS snapshots; DROP TABLE IF EXISTS derived; DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS meta;" + _SCHEMA
                for statement in statements.split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute("INSERT INTO meta(key, value) VALUES('code', ?)", (expected,))
                db.execute("COMMIT")
        except BaseException:
            db.close()
            raise
        return db

    def _close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None

    def discard(self) -> None:
        """Delete the cache file (always safe: it is rebuilt from the journal)."""
        self._close()
        for suffix in ("", "-journal", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                os.unlink(f"{self.path}{suffix}")

    def _failed(self, error: sqlite3.Error) -> None:
        """A query failed: a busy cache is left alone for this run, anything else is deleted."""
        if isinstance(error, sqlite3.DatabaseError) and not _is_busy(error):
            self.discard()
        self._close()
        self._broken = True

    def close(self) -> None:
        self._close()

    # -- parsed reflections ------------------------------------------------------

    def rows(self, root: Path, text: bool = True) -> dict[str, Row]:
        """Cached rows of one journal directory, by file name.

        With ``text=False`` the reflections are left in the database (``Row.reflection``
        is empty; :meth:`reflection_text` reads one): for callers that mostly need the keys.
        """
        db = self._connection()
        if db is None:
            return {}
        column = "reflection" if text else "''"
        try:
            found = db.execute(
                f"SELECT name, id, mtime_ns, size, ino, ctime_ns, {column} FROM files WHERE root=?", (_root(root),)
            ).fetchall()
        except sqlite3.Error as error:
            self._failed(error)
            return {}
        return {_name_of(name): Row(ident, (m, s, i, c), body) for name, ident, m, s, i, c, body in found}

    def reflection_text(self, row: Row) -> Row:
        """The row with its reflection's JSON read (a no-op for a row read with its text)."""
        if row.reflection:
            return row
        db = self._connection()
        if db is None:
            return row
        try:
            found = db.execute("SELECT reflection FROM files WHERE id=?", (row.id,)).fetchone()
        except sqlite3.Error as error:
            self._failed(error)
            return row
        return Row(row.id, row.key, found[0]) if found else row

    @staticmethod
    def decode(row: Row) -> Reflection | None:
        """The reflection of a row, validated again (fast, from JSON); None if unusable."""
        from pydantic import ValidationError

        from reflect.models import Reflection

        if not row.reflection:
            return None
        try:
            return Reflection.model_validate_json(row.reflection)
        except (ValidationError, ValueError):
            return None

    def update(self, root: Path, fresh: Mapping[str, tuple[Key, Reflection | str]], used: Mapping[Path, int]) -> None:
        """After a load: keep the rows that were ``used``, store the ``fresh`` ones, drop the rest.

        ``fresh`` are the reflections just parsed (models, or their JSON), by file name, with the stat key
        taken *before* the file was read; ``used`` the ids of rows still valid.
        Files changed in the last :data:`RACY_SECONDS` are not stored.
        """
        self.prune(root, used.values())
        self.store(root, fresh)

    def prune(self, root: Path, keep: Iterable[int]) -> None:
        """Drop the rows of one journal directory except the ids in ``keep``."""
        db = self._connection()
        if db is None:
            return
        keep = set(keep)
        where = _root(root)
        try:
            count = db.execute("SELECT count(*) FROM files WHERE root=?", (where,)).fetchone()[0]
            if count == len(keep):
                return
            db.execute("BEGIN IMMEDIATE")
            ids = [i for (i,) in db.execute("SELECT id FROM files WHERE root=?", (where,))]
            drop = [(i,) for i in ids if i not in keep]
            db.executemany("DELETE FROM files WHERE id=?", drop)
            db.execute("COMMIT")
        except sqlite3.Error as error:
            self._rollback(error)

    def store(self, root: Path, fresh: Mapping[str, tuple[Key, Reflection | str]]) -> None:
        """Store reflections just parsed (models, or their JSON), by file name, with the stat key
        taken *before* each file was read, in one transaction; files changed in the last
        :data:`RACY_SECONDS` are left out. Can be called in batches."""
        db = self._connection()
        racy = time.time_ns() - int(RACY_SECONDS * 1e9)
        storable = [(n, v) for n, v in fresh.items() if max(v[0][0], v[0][3]) < racy]
        if db is None or not storable:
            return
        where = _root(root)
        try:
            db.execute("BEGIN IMMEDIATE")
            for name, (key, reflection) in storable:
                db.execute(
                    "INSERT OR REPLACE INTO files(root, name, mtime_ns, size, ino, ctime_ns, reflection)"
                    " VALUES(?,?,?,?,?,?,?)",
                    (where, _storable(name), *key, reflection if isinstance(reflection, str) else reflection.model_dump_json(by_alias=True)),
                )
            db.execute("COMMIT")
        except sqlite3.Error as error:
            self._rollback(error)

    def _rollback(self, error: sqlite3.Error) -> None:
        db = self._db
        if db is not None:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
        self._failed(error)

    def snapshot(self, root: Path, kind: str, fingerprint: str) -> dict[str, tuple[Key, Any]]:
        """The last snapshot of ``kind`` under ``fingerprint`` for one journal directory:
        ``{file name: (stat key, data)}``; empty if there is none or it is unusable.

        The caller must still compare each entry's key with its file's (see ``Journal.derive_all``).
        """
        import marshal

        db = self._connection()
        if db is None:
            return {}
        files: dict[str, tuple[Key, Any]] = {}
        python = list(sys.version_info[:2])
        try:
            parts = db.execute(
                "SELECT part, fingerprint, data FROM snapshots WHERE root=? AND kind=? ORDER BY part", (_root(root), kind)
            )
            for number, (part, stored, data) in enumerate(parts):
                if part != number or stored != fingerprint:
                    return {}
                try:
                    version, made_by, entries = marshal.loads(data)
                except (EOFError, ValueError, TypeError):
                    return {}
                if version != SNAPSHOT_FORMAT or made_by != python or type(entries) is not dict:
                    return {}
                files.update(entries)
        except sqlite3.Error as error:
            self._failed(error)
            return {}
        return files

    def put_snapshot(self, root: Path, kind: str, fingerprint: str, files: Mapping[str, tuple[Key, Any]]) -> None:
        """Replace the snapshot of ``kind`` for one journal directory (see :meth:`snapshot`).

        The data must be marshallable (str, int, float, bool, None, and lists, tuples and
        dicts of them). Entries of files changed in the last :data:`RACY_SECONDS` are left out.
        Interned strings are stored once per part and read back as one object.
        """
        import marshal

        db = self._connection()
        if db is None:
            return
        racy = time.time_ns() - int(RACY_SECONDS * 1e9)
        kept = [(name, value) for name, value in files.items() if max(value[0][0], value[0][3]) < racy]
        where = _root(root)
        python = list(sys.version_info[:2])
        try:
            db.execute("BEGIN IMMEDIATE")
            db.execute("DELETE FROM snapshots WHERE root=? AND kind=?", (where, kind))
            for part, start in enumerate(range(0, max(len(kept), 1), SNAPSHOT_PART)):
                blob = marshal.dumps((SNAPSHOT_FORMAT, python, dict(kept[start : start + SNAPSHOT_PART])))
                db.execute(
                    "INSERT INTO snapshots(root, kind, part, fingerprint, data) VALUES(?,?,?,?,?)",
                    (where, kind, part, fingerprint, blob),
                )
            db.execute("COMMIT")
        except ValueError:  # not marshallable: a caller's bug, but never the user's problem
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
        except sqlite3.Error as error:
            self._rollback(error)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while thousands of acyclic objects are built.

    Without this, building 10,000 reflections triggers collections that walk the
    whole growing heap again and again (about 40% of a warm load).
    """
    import gc

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _root(root: Path) -> str | bytes:
    return _storable(os.path.abspath(root))


def _storable(name: str) -> str | bytes:
    """A path or file name as SQLite can hold it: text, or (for a name that is not UTF-8,
    which Python holds with lone surrogates that SQLite's text refuses) its bytes."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name)
    return name


def _name_of(stored: str | bytes) -> str:
    return os.fsdecode(stored) if isinstance(stored, bytes) else stored


def _is_busy(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(error) or "busy" in str(error)
