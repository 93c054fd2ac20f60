"""Reflection files one at a time: how they are named, which ids are plain, how one is read.

The journal (:mod:`reflect.journal`) is made of these; they know nothing of the others.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from reflect.errors import BadId, InvalidReflection, Problem

if TYPE_CHECKING:
    from reflect.models import Reflection

MAX_FILE_BYTES = 1024 * 1024
MAX_ID_BYTES = 200
"""Longest id (in bytes): room left under the file systems' 255-byte names for ``.toml`` and ``-NN``."""
SUFFIX = ".toml"
DRAFT_BASE = "#:base sha256="


def draft_base_line(base: bytes) -> str:
    """The first line of an edit's draft: the digest of the file the edit began from, so that
    taking the draft up later can tell whether the file changed since."""
    import hashlib

    return f"{DRAFT_BASE}{hashlib.sha256(base).hexdigest()}\n"


def slug(text: str, limit: int = 40) -> str:
    """A lowercase slug that stays readable in any script.

    Latin letters lose their accents (``"Société Générale"`` -> ``"societe-generale"``);
    letters and digits of other scripts are kept (``"株式会社テスト"`` stays as it is);
    a symbol becomes its Unicode name (``"🚀🚀"`` -> ``"rocket-rocket"``). At most
    ``limit`` characters and 60 bytes of UTF-8, so that a file name stays within what
    every file system allows.
    """
    words = []
    for char in unicodedata.normalize("NFC", text):
        plain = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
        if plain:
            words.append(plain.lower())
        elif char.isalnum():
            words.append(char.lower())
        elif unicodedata.category(char) == "So":
            words.append(f"-{unicodedata.name(char, '').lower()}-")
        else:
            words.append("-")
    cleaned = re.sub(r"[\W_]+", "-", "".join(words)).strip("-")
    cut = cleaned[:limit]
    while len(cut.encode("utf-8")) > 60:
        cut = cut[:-1]
    return cut.rstrip("-") or "x"


def file_stem(reflection: Reflection) -> str:
    """A reflection's file name without ``.toml``: ``2026-11-20-acme-backend-engineer``.

    The name follows the date, company and role: when an edit changes one of them the
    file is renamed (see :meth:`Journal.replace_text`), so the id never states old facts.
    """
    return f"{reflection.date.isoformat()}-{slug(reflection.company)}-{slug(reflection.role)}"


def named_after(stem: str, reflection: Reflection) -> bool:
    """Whether ``stem`` is the name reflect gives ``reflection`` (``stem``, ``stem-2``...)."""
    expected = file_stem(reflection)
    return stem == expected or re.fullmatch(re.escape(expected) + r"-[0-9]+", stem) is not None


_GENERATED = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}-")


def check_id(ident: str) -> str:
    """Refuse anything that is not a plain id: paths, ``..``, NUL bytes, hidden names."""
    ident = ident.strip()
    if ident.endswith(SUFFIX):
        ident = ident[: -len(SUFFIX)]
    if not ident:
        raise BadId("an id must not be empty")
    if "\x00" in ident or "/" in ident or "\\" in ident or ident.startswith(".") or os.path.isabs(ident):
        raise BadId(f"not a reflection id: {ident!r} (ids are file names without a path, as shown by `reflect list`)")
    if len(os.fsencode(ident)) > MAX_ID_BYTES:
        raise BadId(f"id is {len(os.fsencode(ident))} bytes long, above the {MAX_ID_BYTES}-byte limit of a file name")
    return ident


def check_size(data: bytes, path: Path | None = None) -> bytes:
    """Refuse to write a reflection that every reader would refuse as too large."""
    if len(data) > MAX_FILE_BYTES:
        raise InvalidReflection(
            [Problem(path, "", f"reflection is {len(data):,} bytes once saved, above the {MAX_FILE_BYTES:,}-byte limit; not saved (shorten the text)")]
        )
    return data


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


def describe(reflection: Reflection) -> str:
    """``2026-11-20 acme backend engineer``: a reflection named in one plain line (for history)."""
    from reflect.history import clean

    return f"{reflection.date.isoformat()} {clean(reflection.company)} {clean(reflection.role)}"
