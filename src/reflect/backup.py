"""Full backups: everything reflect keeps (reflections, trash, drafts, plan and drill
state, migration backups, the config) in one file, optionally encrypted.

A backup is a gzip-compressed tar archive: ``reflect-backup.json`` (what it is),
``journal/...`` (the data directory's files, without its git history) and
``config/config.toml``. Encrypted, it is that archive in the age format
(https://age-encryption.org/v1) under a passphrase, made with the ``pyrage``
binding of the Rust age crate: ``age -d backup.tar.gz.age > backup.tar.gz``
opens it without reflect.

Restoring never overwrites: a file that differs from the one in the backup is
left as it is and reported; nothing is written before the whole backup has been
decrypted and checked.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import posixpath
import stat
import tarfile
from dataclasses import dataclass, field
from pathlib import Path

from reflect import atomic
from reflect.errors import ReflectError
from reflect.journal import Journal

FORMAT = "reflect-backup"
VERSION = 1
MANIFEST = "reflect-backup.json"
JOURNAL = "journal"
CONFIG = "config/config.toml"
AGE_HEADER = b"age-encryption.org/v1\n"
MAX_MEMBER_BYTES = 256 * 1024 * 1024
SKIPPED_NAMES = {".git", ".lock"}


class BadBackup(ReflectError):
    """A file that is not a reflect backup, is damaged, or cannot be decrypted."""


@dataclass
class RestoreReport:
    restored: list[Path] = field(default_factory=list)
    same: list[Path] = field(default_factory=list)
    differing: list[Path] = field(default_factory=list)


def journal_files(root: Path) -> list[Path]:
    """Every regular file reflect keeps in the data directory, relative to it: not its git
    history, its lock, temporary files, or links (which reflect never follows)."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_NAMES and not os.path.islink(os.path.join(folder, d)))
        for name in sorted(files):
            path = Path(folder, name)
            if name in SKIPPED_NAMES or (name.startswith(".") and name.endswith(atomic.TEMP_SUFFIX)):
                continue
            if stat.S_ISREG(os.lstat(path).st_mode):
                found.append(path.relative_to(root))
    return found


def create(journal: Journal, config: Path, output: Path, passphrase: str | None = None, force: bool = False) -> int:
    """Write a backup of ``journal`` and ``config`` to ``output`` (0600); returns the number
    of files in it. With ``passphrase``, the archive is encrypted (age format)."""
    where, root = os.path.realpath(output), os.path.realpath(journal.root)
    if os.path.commonpath([where, root]) == root:
        raise ReflectError(f"{output} is inside the data directory ({journal.root}): keep the backup somewhere else")
    buffer = io.BytesIO()
    count = 0
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        files = journal_files(journal.root) if journal.root.is_dir() else []
        manifest = {"format": FORMAT, "version": VERSION, "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "files": len(files)}
        _add(archive, MANIFEST, json.dumps(manifest, indent=2).encode("utf-8"))
        for rel in files:
            _add(archive, posixpath.join(JOURNAL, *rel.parts), (journal.root / rel).read_bytes())
            count += 1
        if config.is_file():
            _add(archive, CONFIG, config.read_bytes())
            count += 1
    data = buffer.getvalue()
    if passphrase is not None:
        data = _encrypt(data, passphrase)
    try:
        atomic.write_file(output, data, overwrite=force)
    except FileExistsError:
        raise ReflectError(f"{output} already exists: choose another name, or replace it with --force") from None
    return count


def _add(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = atomic.FILE_MODE
    info.mtime = int(dt.datetime.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def is_encrypted(path: Path) -> bool:
    """Whether the backup at ``path`` needs a passphrase."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(AGE_HEADER)) == AGE_HEADER
    except OSError as error:
        raise BadBackup(f"{path}: cannot read: {error.strerror or error}") from None


def read(path: Path, passphrase: str | None = None) -> dict[str, bytes]:
    """Every file in the backup at ``path``, by its name in the archive, checked: nothing
    outside ``journal/`` and ``config/``, no links, no ``..``."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise BadBackup(f"{path}: cannot read: {error.strerror or error}") from None
    if raw.startswith(AGE_HEADER):
        if passphrase is None:
            raise BadBackup(f"{path} is encrypted: give its passphrase")
        raw = _decrypt(raw, passphrase, path)
    try:
        with tarfile.open(fileobj=io.BytesIO(raw), mode="r:gz") as archive:
            members = _members(archive, path)
    except (tarfile.TarError, EOFError, OSError, ValueError) as error:
        raise BadBackup(f"{path}: not a reflect backup, or damaged ({error})") from None
    try:
        manifest = json.loads(members.pop(MANIFEST).decode("utf-8"))
    except (KeyError, ValueError):
        raise BadBackup(f"{path}: not a reflect backup (no {MANIFEST})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BadBackup(f"{path}: not a reflect backup")
    if not isinstance(manifest.get("version"), int) or manifest["version"] > VERSION:
        raise BadBackup(f"{path}: made by a newer reflect (backup version {manifest.get('version')}); upgrade reflect to restore it")
    return members


def _members(archive: tarfile.TarFile, path: Path) -> dict[str, bytes]:
    members: dict[str, bytes] = {}
    for member in archive:
        name = member.name
        parts = name.split("/")
        allowed = name in (MANIFEST, CONFIG) or (parts[0] == JOURNAL and len(parts) > 1)
        if not member.isfile() or not allowed or any(p in ("", ".", "..") for p in parts) or "\\" in name or "\0" in name:
            raise BadBackup(f"{path}: unexpected entry {name!r}: not restored (a reflect backup holds only files under journal/ and config/)")
        if member.size > MAX_MEMBER_BYTES:
            raise BadBackup(f"{path}: {name} is larger than {MAX_MEMBER_BYTES:,} bytes: not restored")
        handle = archive.extractfile(member)
        members[name] = handle.read() if handle is not None else b""
    return members


def restore(journal: Journal, config: Path, members: dict[str, bytes]) -> RestoreReport:
    """Write the files of a backup (see :func:`read`) that are missing; never overwrite one
    that differs (it is reported). Records the change in history."""
    report = RestoreReport()
    journal.ensure_root()
    with atomic.locked(journal.root):
        for name, data in sorted(members.items()):
            if name == CONFIG:
                _restore_file(config, data, report, None)
                continue
            rel = name.split("/")[1:]
            target = _safe_parent(journal.root, rel[:-1]) / rel[-1]
            _restore_file(target, data, report, journal.root)
        if report.restored:
            inside = [p for p in report.restored if p != config]
            if inside:
                journal.record_change(f"restore backup: {len(inside)} file{'s' if len(inside) != 1 else ''}", inside)
    return report


def _restore_file(target: Path, data: bytes, report: RestoreReport, root: Path | None) -> None:
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        atomic.ensure_dir(target.parent)
        try:
            atomic.write_file(target, data)
        except FileExistsError:  # appeared meanwhile: compared below
            info = os.lstat(target)
        else:
            report.restored.append(target)
            return
    if stat.S_ISREG(info.st_mode) and _same(target, data):
        report.same.append(target)
    else:
        report.differing.append(target)


def _same(target: Path, data: bytes) -> bool:
    fd = os.open(target, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        return handle.read(len(data) + 1) == data


def _safe_parent(root: Path, parts: list[str]) -> Path:
    """``root/parts...``, created private where missing; refused if any part is a link or a file,
    so that nothing is written outside the data directory."""
    folder = root
    for part in parts:
        folder = folder / part
        try:
            info = os.lstat(folder)
        except FileNotFoundError:
            folder.mkdir(mode=atomic.DIR_MODE)
            os.chmod(folder, atomic.DIR_MODE)
            continue
        if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
            raise ReflectError(f"{folder} is a link or a file, not a folder: nothing is restored through it")
    return folder


def _encrypt(data: bytes, passphrase: str) -> bytes:
    if not passphrase:
        raise ReflectError("the passphrase is empty: a backup needs a passphrase to be encrypted")
    try:
        import pyrage
    except ImportError:
        raise ReflectError("encrypted backups need the pyrage package (pip install pyrage)") from None
    try:
        return pyrage.passphrase.encrypt(data, passphrase)
    except pyrage.EncryptError as error:
        raise ReflectError(f"cannot encrypt the backup: {error}") from None


def _decrypt(data: bytes, passphrase: str, path: Path) -> bytes:
    try:
        import pyrage
    except ImportError:
        raise BadBackup("encrypted backups need the pyrage package (pip install pyrage)") from None
    try:
        return pyrage.passphrase.decrypt(data, passphrase)
    except pyrage.DecryptError:
        raise BadBackup(f"{path}: wrong passphrase (or a damaged file): nothing was restored") from None
