"""Building reflections in memory for tests of pure analysis functions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from reflect.models.entry import Entry
from reflect.models import Reflection


def entry(ident: str, date: str, company: str = "Acme", **fields: Any) -> Entry:
    data = {"company": company, "role": fields.pop("role", "Backend Engineer"), "date": dt.date.fromisoformat(date), **fields}
    return Entry(ident, Path(f"/nowhere/{ident}.toml"), Reflection.model_validate(data))
