"""Writing files so that a crash leaves either the old content or the new, never a mix.

Every write reflect makes goes through here. Temporary files start with a dot and
end in ``.tmp`` so that the journal never mistakes them for reflections.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import time
from collections.abc import Iterator
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
TEMP_SUFFIX = ".tmp"
STALE_TEMP_SECONDS = 3600


def ensure_dir(path: Path) -> Path:
    """Create a private directory (and its missing parents, private too) if missing; returns it."""
    if not path.is_dir():
        missing = []
        folder = path
        while not os.path.lexists(folder) and folder.parent != folder:
            missing.append(folder)
            folder = folder.parent
        for folder in reversed(missing):
            try:
                folder.mkdir(mode=DIR_MODE)
            except FileExistsError:
                if not folder.is_dir():
                    raise
                continue  # made by another process at the same moment
            # mkdir's mode is filtered by the umask (parents were made 0777 under umask 000);
            # privacy must not depend on it.
            os.chmod(folder, DIR_MODE)
        if not path.is_dir():
            path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)  # raises the right error (a file in the way...)
    return path


def unsafe_place(path: Path, directory: bool) -> str | None:
    """Why another user could read or replace ``path`` (owned by someone else, or writable by
    group or others), or None when it is safe or missing. Readable by group or others but
    owned by this user: made private at once, as reflect would have made it."""
    import stat

    try:
        info = os.stat(path)
    except OSError:
        return None
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        return f"{path} belongs to another user (uid {info.st_uid})"
    if info.st_mode & 0o022:
        return f"{path} can be changed by other users (mode {stat.S_IMODE(info.st_mode):o})"
    private = DIR_MODE if directory else FILE_MODE
    if stat.S_IMODE(info.st_mode) & ~private:
        try:
            os.chmod(path, private)
        except OSError:
            return f"{path} can be read by other users (mode {stat.S_IMODE(info.st_mode):o})"
    return None


def _fsync_dir(directory: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_temp(directory: Path, stem: str, data: bytes) -> Path:
    """Write ``data`` to a new private temporary file in ``directory``, synced to disk."""
    ensure_dir(directory)
    temp = directory / f".{stem}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    os.close(fd)
    return temp


def replace(path: Path, data: bytes) -> None:
    """Atomically replace (or create) ``path`` with ``data``."""
    temp = write_temp(path.parent, path.stem, data)
    try:
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_dir(path.parent)


def create_new(directory: Path, stem: str, data: bytes, suffix: str = ".toml") -> Path:
    """Atomically create a file named ``stem`` + suffix, or ``stem-2``, ``stem-3``... if taken.

    Never overwrites: the name is claimed with a hard link, which fails if the name
    exists, so two processes saving the same name at once both succeed, under
    different names, and no reader ever sees a half-written file.
    """
    temp = write_temp(directory, stem, data)
    try:
        for attempt in range(1, 100_000):
            target = directory / (f"{stem}{suffix}" if attempt == 1 else f"{stem}-{attempt}{suffix}")
            try:
                os.link(temp, target)
            except FileExistsError:
                continue
            except OSError:
                # File systems without hard links: claim the name, then move the content in.
                try:
                    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
                except FileExistsError:
                    continue
                os.close(fd)
                os.replace(temp, target)
            _fsync_dir(directory)
            return target
        raise FileExistsError(f"no free name for {stem} in {directory}")
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def move_new(source: Path, directory: Path, stem: str, suffix: str = ".toml") -> Path:
    """Move ``source`` into ``directory`` under a free name (``stem``, ``stem-2``...); never overwrites."""
    ensure_dir(directory)
    for attempt in range(1, 100_000):
        target = directory / (f"{stem}{suffix}" if attempt == 1 else f"{stem}-{attempt}{suffix}")
        try:
            os.link(source, target)
        except FileExistsError:
            continue
        source.unlink()
        _fsync_dir(directory)
        _fsync_dir(source.parent)
        return target
    raise FileExistsError(f"no free name for {stem} in {directory}")


def sweep_stale_temps(directory: Path, max_age: float = STALE_TEMP_SECONDS) -> list[Path]:
    """Remove temporary files left behind by a crash (older than ``max_age`` seconds)."""
    removed: list[Path] = []
    now = time.time()
    with contextlib.suppress(FileNotFoundError):
        for entry in os.scandir(directory):
            if entry.name.startswith(".") and entry.name.endswith(TEMP_SUFFIX):
                with contextlib.suppress(OSError):
                    if now - entry.stat(follow_symlinks=False).st_mtime > max_age:
                        os.unlink(entry.path)
                        removed.append(Path(entry.path))
    return removed


_held: dict[tuple[int, str], int] = {}


@contextlib.contextmanager
def locked(directory: Path) -> Iterator[None]:
    """Hold the journal's lock, so that read-check-replace sequences do not interleave.

    Re-entrant within a thread: a write that records history while holding the
    lock takes it again without waiting on itself.
    """
    import threading

    ensure_dir(directory)
    key = (threading.get_ident(), os.path.abspath(directory))
    if _held.get(key):
        _held[key] += 1
        try:
            yield
        finally:
            _held[key] -= 1
        return
    fd = os.open(directory / ".lock", os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), FILE_MODE)
    try:
        try:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX)
        except ImportError:  # pragma: no cover - Windows: no advisory locks; writes stay atomic
            pass
        _held[key] = 1
        try:
            yield
        finally:
            del _held[key]
    finally:
        os.close(fd)


def write_file(path: Path, data: bytes, overwrite: bool = False) -> None:
    """Write a whole file atomically (mode 0600); refuse an existing file unless ``overwrite``."""
    if overwrite:
        replace(path, data)
        return
    temp = write_temp(path.parent, path.stem, data)
    try:
        os.link(temp, path)  # fails if the name exists: never a silent overwrite
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    _fsync_dir(path.parent)
