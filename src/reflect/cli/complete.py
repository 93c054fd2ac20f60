"""Shell completion of the values only the journal knows: reflection ids and theme ids.

Called by the shell on every Tab, so: standard library only, no parsing of
reflection files, and never an exception (a completion that fails offers nothing).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

CORE_THEMES = (
    "conciseness", "clarity", "nerves-confidence", "technical-depth", "system-design", "coding",
    "behavioral-stories", "preparation-research", "enthusiasm", "culture-fit", "questions-for-interviewer",
    "salary-negotiation", "role-fit", "attitude-professionalism",
)  # fmt: skip
SUFFIX = ".toml"


def _data_dir(ctx: Any) -> Path:
    """The journal the command line names (--data-dir before the command), else the usual one."""
    flag = None
    try:
        flag = ctx.find_root().params.get("data_dir")
    except Exception:
        pass
    from reflect.dirs import data_dir

    return data_dir(flag)


def _stems(folder: Path, incomplete: str) -> list[str]:
    try:
        names = [e.name for e in os.scandir(folder) if e.name.endswith(SUFFIX) and not e.name.startswith(".")]
    except OSError:
        return []
    stems = (n[: -len(SUFFIX)] for n in names)
    return sorted((s for s in stems if s.startswith(incomplete)), reverse=True)


def reflection_ids(ctx: Any, incomplete: str) -> list[str]:
    """Ids of the reflections in the journal that start with what was typed, newest first."""
    try:
        return _stems(_data_dir(ctx), incomplete)
    except Exception:
        return []


def trash_ids(ctx: Any, incomplete: str) -> list[str]:
    """Ids of deleted reflections (for `reflect restore`)."""
    try:
        return _stems(_data_dir(ctx) / "trash", incomplete)
    except Exception:
        return []


def draft_names(ctx: Any, incomplete: str) -> list[str]:
    """Names of the drafts kept in the journal's drafts/ (for `reflect drafts discard`)."""
    try:
        return _stems(_data_dir(ctx) / "drafts", incomplete)
    except Exception:
        return []


def theme_ids(incomplete: str) -> list[str]:
    """Theme ids from the shipped taxonomy (``data/themes.toml``), else the fourteen core ones."""
    try:
        return [t for t in _known_themes() if t.startswith(incomplete)]
    except Exception:
        return [t for t in CORE_THEMES if t.startswith(incomplete)]


def _known_themes() -> list[str]:
    taxonomy = Path(__file__).resolve().parent.parent / "data" / "themes.toml"
    if not taxonomy.is_file():
        return list(CORE_THEMES)
    # A regular expression rather than a TOML parse keeps each Tab press cheap.
    found = re.findall(r'^\s*id\s*=\s*"([a-z0-9][a-z0-9-]*)"', taxonomy.read_text(encoding="utf-8"), re.MULTILINE)
    return list(dict.fromkeys(found)) or list(CORE_THEMES)
