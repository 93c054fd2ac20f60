"""Compiling triggers: the phrases of a trigger's options put together from the options'
own words give exactly the patterns that expanding and stemming every phrase gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reflect.analysis import taxonomy
from reflect.analysis.taxonomy import GOOD_PHRASES, _expansions, _phrase_elems, compile_trigger, expand, load_builtin


def _slowly(trigger: str) -> list[tuple[str, tuple[str, ...], int]]:
    """Every phrase of ``expand``, split and compiled on its own (how triggers were compiled)."""
    return [(phrase, _phrase_elems(phrase), len(phrase.split())) for phrase in expand(trigger)]


def test_every_shipped_trigger_compiles_as_its_phrases_one_by_one():
    triggers = list(GOOD_PHRASES)
    for theme in load_builtin().values():
        triggers += [*theme.triggers, *theme.positives, *theme.topics]
    assert len(triggers) > 500
    for trigger in triggers:
        assert _expansions(trigger.removeprefix("=")) == _slowly(trigger.removeprefix("=")), trigger


_WORDS = ["long", "answers", "my", "the", "too", "rambl*", "#", "didn't", "went", "on", "x*", "not", "", " "]


@st.composite
def triggers(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 5))):
        if draw(st.booleans()):
            options = draw(st.lists(st.sampled_from(_WORDS + ["a b", "too long"]), min_size=1, max_size=4))
            group = "(" + "|".join(options) + ")"
            if draw(st.integers(0, 4)) == 0:  # now and then a group inside another
                group = draw(st.sampled_from([f"(more {group} x|y)", f"({group}|more) x", f"(x {group})"]))
            parts.append(group)
        else:
            parts.append(draw(st.sampled_from(_WORDS)))
        parts.append(draw(st.sampled_from([" ", " ", "", "  "])))
    return "".join(parts)


@settings(max_examples=300, deadline=None)
@given(triggers(), st.booleans())
def test_any_trigger_compiles_as_its_phrases_one_by_one(trigger, contiguous):
    assert _expansions(trigger) == _slowly(trigger)
    patterns = compile_trigger("t", ("=" if contiguous else "") + trigger, positive=False)
    seen = set()
    expected = []
    for phrase, elems, words in _slowly(trigger):
        if not elems or elems in seen:
            continue
        if not contiguous and (set(elems) <= taxonomy.GENERIC or (len(elems) == 1 and words > 1) or len(elems) * 2 < words):
            continue
        seen.add(elems)
        expected.append((elems, phrase))
    assert [(p.elems, p.phrase) for p in patterns] == expected
