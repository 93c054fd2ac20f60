"""The user's word on a reflection's themes, applied to what the engine found (pure).

A reflection's ``[themes]`` table says which themes the user confirmed and which they
dismissed. The decision is final: a dismissed theme's hits are removed; a confirmed
theme's *possible* hits count (the user settled the doubt); a confirmed theme the engine
did not find gets one hit of kind ``confirmed`` (its text the note it came from, else
"confirmed by you"). Which evidence is confirmed is read from the decisions
(:func:`status`), so a hit keeps the shape the engine gave it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

CONFIRMED = "confirmed"
SUGGESTED = "suggested"
BY_YOU = "confirmed by you"
FIELD = "themes.confirmed"
# Hits that stand for a field of the reflection rather than a sentence the user wrote.
NOT_SENTENCES = frozenset({"tag", "gap", "rating", "question", CONFIRMED})
POSSIBLE = "possible"  # as reflect.analysis.themes.POSSIBLE (this module is below themes.py)


def decisions_of(reflection: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``(confirmed, dismissed)`` of a full reflection or of a summary's facts."""
    confirmed = getattr(reflection, "confirmed", None)
    if confirmed is not None:
        return tuple(confirmed), tuple(reflection.dismissed)
    table = getattr(reflection, "themes", None)
    if table is None:
        return (), ()
    return tuple(table.confirmed), tuple(table.dismissed)


def is_sentence(hit: Sequence[str]) -> bool:
    """Whether a hit (a Hit or a plain tuple in its fields' order) quotes a sentence the user wrote."""
    return hit[4] not in NOT_SENTENCES


def apply(hits: Iterable[Any], confirmed: Iterable[str], dismissed: Iterable[str], notes: dict[str, str] | None = None) -> list[Any]:
    """``hits`` with the decisions applied: dismissed themes gone, each confirmed theme present.

    ``notes``: for a confirmed theme, the note it was confirmed on (shown as its evidence
    when the engine finds nothing).
    """
    gone = set(dismissed)
    yes = set(confirmed)
    kept = [_settled(h) if h[4] == POSSIBLE and h[0] in yes else h for h in hits if h[0] not in gone]
    present = {h[0] for h in kept if h[4] != POSSIBLE}
    for theme in confirmed:
        if theme not in present and theme not in gone:
            # A plain tuple in the fields' order of themes.Hit (this module is below themes.py).
            kept.append((theme, FIELD, (notes or {}).get(theme) or BY_YOU, BY_YOU, CONFIRMED))
            present.add(theme)
    return kept


def _settled(hit: Any) -> tuple[str, ...]:
    """A possible hit of a confirmed theme, as the kind of hit it would have been had
    the engine been sure (a plain tuple in the fields' order of themes.Hit)."""
    kind = "model" if str(hit[3]).startswith("model: ") else "text"
    return (hit[0], hit[1], hit[2], hit[3], kind)


def status(theme: str, confirmed: Iterable[str]) -> str:
    return CONFIRMED if theme in confirmed else SUGGESTED


def agreement(rows: Iterable[tuple[Iterable[str], Iterable[str], Iterable[str]]]) -> tuple[int, int]:
    """``(agreed, decided)`` over ``(suggested, confirmed, dismissed)`` rows: of the engine's
    suggestions the user decided on, how many they confirmed."""
    agreed = decided = 0
    for suggested, confirmed, dismissed in rows:
        said = set(suggested)
        yes = len(said.intersection(confirmed))
        agreed += yes
        decided += yes + len(said.intersection(dismissed))
    return agreed, decided


def unknown_themes(decided: Iterable[tuple[Any, Iterable[str], Iterable[str]]], known: Iterable[str]) -> list[tuple[Any, str, str]]:
    """``(key, field, theme)`` for each decision, in ``(key, confirmed, dismissed)`` rows, on
    a theme that is neither built in nor in the config (a typo in a hand-edited file): it
    changes nothing, so the user must be told."""
    known = set(known)
    return [
        (key, field, theme)
        for key, confirmed, dismissed in decided
        for field, themes in (("themes.confirmed", confirmed), ("themes.dismissed", dismissed))
        for theme in themes
        if theme not in known
    ]
