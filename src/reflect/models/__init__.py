"""The models layer: the file format and the plain types every layer above shares.

* :mod:`reflect.models.reflection`: the reflection file format as pydantic models;
* :mod:`reflect.models.entry`: a reflection with its id and file, and the protocols
  analysis reads reflections through;
* :mod:`reflect.models.config`: the user's settings (their loader lives in the store);
* :mod:`reflect.models.state`: plan progress and the drill schedule.

Nothing here reads or writes a file. The reflection's names are importable from
here (``from reflect.models import Reflection``), loaded on first use: pydantic
costs about 40 ms, which a warm ``reflect themes`` never pays.
"""

from __future__ import annotations

from typing import Any

_REFLECTION_NAMES = frozenset(
    {"SCHEMA_VERSION", "Rating", "Text", "Day", "Ratings", "Feedback", "Prep", "Gap", "Question", "Reflection", "ThemeDecisions",
     "problems_from", "validate_reflection"}
)


def __getattr__(name: str) -> Any:
    if name in _REFLECTION_NAMES:
        from reflect.models import reflection

        return getattr(reflection, name)
    raise AttributeError(f"module 'reflect.models' has no attribute {name!r}")
