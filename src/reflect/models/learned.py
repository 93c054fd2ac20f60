"""The wordings reflect learned from the user's decisions, as plain data (no pydantic:
``reflect themes`` reads them on its fast path).

Each :class:`Wording` is one note of a reflection the user confirmed a theme on (in
words the engine did not know), or dismissed a theme on. :mod:`reflect.state` keeps
them in ``learned.toml`` beside the config; :mod:`reflect.analysis.learned` matches them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

KINDS = ("confirmed", "dismissed")
_THEME_ID = re.compile(r"[a-z0-9][a-z0-9-]*")


@dataclass(frozen=True, slots=True)
class Wording:
    """``text`` (a sentence of reflection ``source``) shows ``theme`` (kind ``confirmed``)
    or does not (kind ``dismissed``), in the user's own words."""

    theme: str
    text: str
    source: str
    kind: str
    on: dt.date

    def to_data(self) -> dict[str, Any]:
        return {"theme": self.theme, "kind": self.kind, "text": self.text, "source": self.source, "on": self.on}


def parse_wordings(data: Any) -> list[Wording]:
    """The wordings of ``learned.toml`` read as plain data; raises ValueError
    naming the key at fault."""
    if not isinstance(data, dict) or set(data) - {"wording"}:
        raise ValueError("expected only [[wording]] tables")
    items = data.get("wording", [])
    if not isinstance(items, list):
        raise ValueError("wording: must be a list of tables")
    out = []
    for i, item in enumerate(items):
        where = f"wording[{i}]"
        if not isinstance(item, dict) or set(item) != {"theme", "kind", "text", "source", "on"}:
            raise ValueError(f"{where}: needs exactly theme, kind, text, source and on")
        theme, kind, text, source, on = (item[k] for k in ("theme", "kind", "text", "source", "on"))
        if not isinstance(theme, str) or not _THEME_ID.fullmatch(theme):
            raise ValueError(f"{where}.theme: must be a theme id")
        if kind not in KINDS:
            raise ValueError(f"{where}.kind: must be confirmed or dismissed")
        if not isinstance(text, str) or not text.strip() or not isinstance(source, str):
            raise ValueError(f"{where}: text and source must be text")
        if not isinstance(on, dt.date) or isinstance(on, dt.datetime):
            raise ValueError(f"{where}.on: must be a date")
        out.append(Wording(theme, text, source, kind, on))
    return out
