"""The user's decisions on a reflection's themes, made and undone: shared by
``reflect confirm``/``dismiss``/``undecide``, ``reflect review`` and the guided log.

Each decision rewrites the reflection's ``[themes]`` table and teaches the engine the
user's wording (:mod:`reflect.learning`, :mod:`reflect.analysis.learned`); nothing is
committed here, so that a caller records its decisions as one change
(:meth:`Decider.record`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Outcome:
    """What one call of :meth:`Decider.decide` did."""

    id: str
    confirmed: list[str]
    dismissed: list[str]
    learned: list[dict[str, str]] = field(default_factory=list)
    """Each wording learned: ``{"theme", "kind", "text"}``."""
    forgot: int = 0
    undone: list[str] = field(default_factory=list)
    """The decisions taken back (``undecide``): themes that had been confirmed or dismissed."""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "confirmed": self.confirmed, "dismissed": self.dismissed, "undone": self.undone,
            "learned": self.learned, "forgot": self.forgot,
        }


class Decider:
    """Decisions on one journal's reflections, for the run of one command."""

    def __init__(self, app: Any) -> None:
        from reflect.dirs import config_file
        from reflect.learning import load_learned
        from reflect.summaries import ThemeSource

        self.app = app
        self.journal = app.journal
        self.wordings = load_learned()
        self.source = ThemeSource(app.config.themes, app.cache, str(config_file()))
        self.changed: list[Path] = []
        self.names: list[str] = []

    @property
    def themes(self) -> dict[str, Any]:
        return self.source.themes_only().themes

    def check_themes(self, themes: list[str], also: Any = ()) -> list[str]:
        """The theme ids, each known (or in ``also``); an unknown one is a usage error naming it."""
        from reflect.analysis.taxonomy import unknown_theme
        from reflect.errors import UsageError

        for theme in themes:
            if theme not in self.themes and theme not in also:
                raise UsageError(unknown_theme(theme, [*self.themes, *also]))
        return list(dict.fromkeys(themes))

    def suggestions(self, entry: Any) -> list[Any]:
        """What the engine (with what it learned) finds in a reflection, before its decisions."""
        from reflect.analysis.learned import Learned, sentences_of
        from reflect.analysis.themes import Hit, scan

        hits = scan(entry.reflection, self.source.compiled()).hits
        hits = Learned(self.wordings).apply(hits, sentences_of(entry.reflection), entry.id)
        return [Hit._make(h) for h in hits]

    def decide(self, ident: str, confirm: list[str] = (), dismiss: list[str] = (), undo: list[str] = (), words: str | None = None) -> Outcome:  # type: ignore[assignment]
        """Confirm, dismiss or take back themes of one reflection, and learn its wording
        (``words``: the wording to learn for each confirmed theme, instead of guessing it)."""
        from reflect.analysis.learned import sentences_of, to_confirm, to_dismiss
        from reflect.journal import Entry, parse_file, read_bytes
        from reflect.models import ThemeDecisions

        confirm, dismiss = self.check_themes(list(confirm)), self.check_themes(list(dismiss))
        path = self.journal.resolve(ident)
        original = read_bytes(path)
        entry = Entry(path.stem, path, parse_file(path, original))
        old = entry.reflection.themes
        # A decision on a theme since removed from the config can still be taken back.
        undo = self.check_themes(list(undo), also={*old.confirmed, *old.dismissed})
        touched = set(confirm) | set(dismiss) | set(undo)
        confirmed = [t for t in old.confirmed if t not in touched] + confirm
        dismissed = [t for t in old.dismissed if t not in touched] + dismiss
        outcome = Outcome(entry.id, confirmed, dismissed, undone=[t for t in undo if t in old.confirmed or t in old.dismissed])
        # What was learned from this reflection about a theme decided again is forgotten first.
        before = len(self.wordings)
        self.wordings = [w for w in self.wordings if not (w.source == entry.id and w.theme in touched)]
        outcome.forgot = before - len(self.wordings)
        hits = self.suggestions(entry)
        today = dt.date.today()
        for theme in confirm:
            if words is not None:
                outcome.learned += self._learn(theme, [words], entry.id, "confirmed", today)
            elif not any(h.theme == theme for h in hits):
                outcome.learned += self._learn(theme, to_confirm(theme, sentences_of(entry.reflection), hits), entry.id, "confirmed", today)
        for theme in dismiss:
            outcome.learned += self._learn(theme, to_dismiss(theme, hits), entry.id, "dismissed", today)
        table = ThemeDecisions(confirmed=confirmed, dismissed=dismissed)
        if table != old:
            self.journal.replace(entry, entry.reflection.model_copy(update={"themes": table}), original, record=False)
            self.changed.append(path)
            self.names.append(entry.id)
        if outcome.learned or outcome.forgot:
            self._save_learned()
        return outcome

    def _learn(self, theme: str, texts: list[str], source: str, kind: str, today: dt.date) -> list[dict[str, str]]:
        from reflect.models.learned import Wording

        self.wordings += [Wording(theme, text, source, kind, today) for text in texts]
        return [{"theme": theme, "kind": kind, "text": text} for text in texts]

    def _save_learned(self) -> None:
        from reflect.learning import save_learned

        save_learned(self.wordings)

    def record(self, action: str) -> None:
        """One commit (in a git-backed journal) for every decision made so far."""
        if not self.changed:
            return
        names = ", ".join(dict.fromkeys(self.names)) or "learned wordings"
        self.journal.record_change(f"{action}: {names}", self.changed)
        self.changed, self.names = [], []
