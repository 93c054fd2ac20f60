"""The user's own wording, learned from their decisions (pure).

When the user confirms a theme on a reflection whose notes the engine found nothing in,
those notes are kept as *confirmed wordings* of the theme; when they dismiss a theme,
the sentences it was found in are kept as *dismissed wordings*. A later sentence matches
a wording when most of the wording's distinctive stems recur in it ("I was helicoptering
over every detail" and "helicoptering over the details again"): a confirmed wording then
suggests its theme (a hit of kind ``learned``), a dismissed one takes the theme's
sentence hits away. A wording never applies to the reflection it came from, whose
decision already stands, and decisions (:mod:`reflect.analysis.decisions`) are applied
after this, so nothing learned overrides the user's word on a reflection.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from reflect.analysis.decisions import is_sentence
from reflect.analysis.subject import about_others
from reflect.analysis.text import split_sentences, stem, stems, tokenize
from reflect.models.learned import Wording

LEARNED = "learned"
# Words every interview note uses: they say nothing about a theme on their own.
GENERIC = (
    "interview interviewer interviewers question questions answer answers answered time times think thought felt feel "
    "got get went go going again like made make did done said say told asked ask round today really lot way"
).split()
MIN_STEMS = 2
RARE_LENGTH = 7
MAX_TAUGHT = 2  # sentences one confirmation may teach


def sentences_of(reflection: Any) -> Iterator[tuple[str, str]]:
    """``(field, sentence)`` for each sentence theme analysis reads in free text."""
    fields: list[tuple[str, str]] = [(f"went_wrong[{i}]", n) for i, n in enumerate(reflection.went_wrong)]
    fields += [(f"lessons[{i}]", n) for i, n in enumerate(reflection.lessons)]
    if reflection.feedback.text:
        fields.append(("feedback.text", reflection.feedback.text))
    fields += [(f"gaps[{i}].detail", g.detail) for i, g in enumerate(reflection.gaps) if g.detail]
    for field, text in fields:
        for sentence in split_sentences(text):
            yield field, sentence


def distinctive(text: str) -> frozenset[str]:
    """The stems of a note that could tell it apart: content words, less the generic ones."""
    generic = {stem(w) for w in GENERIC}
    return frozenset(s for s in stems(text) if s not in generic and len(s) > 1)


def matches(wording: frozenset[str], sentence: frozenset[str]) -> bool:
    """Whether a sentence (its distinctive stems) is in the words of a learned wording:
    all of its stems recur, or at least half of them: three or more, or two of which one
    is long and rare ("helicopt", "micromanag"), since two common words alone ("over",
    "detail") are not the user's wording."""
    if not _enough(wording):
        return False
    shared = wording & sentence
    if shared == wording:
        return True
    need = max(min(MIN_STEMS, len(wording)), -(-len(wording) // 2))
    return len(shared) >= need and (len(shared) > MIN_STEMS or any(len(s) >= RARE_LENGTH for s in shared))


def _enough(stems_: frozenset[str]) -> bool:
    # Two distinctive stems, or one long rare one ("helicoptering", "micromanaged"):
    # a single short word ("late") would suggest the theme for too much.
    return len(stems_) >= MIN_STEMS or any(len(s) >= RARE_LENGTH for s in stems_)


def learnable(text: str) -> bool:
    """Whether a note says enough to be learned as a wording, and says it of the
    candidate: "the interviewer was bored and kept checking his phone" teaches nothing,
    whatever theme the reflection was confirmed for."""
    return _enough(distinctive(text)) and not about_others(tokenize(text))


class Learned:
    """Every wording learned, arranged for matching."""

    def __init__(self, wordings: Sequence[Wording] = ()) -> None:
        self.wordings = list(wordings)
        self._arranged = [(w, distinctive(w.text)) for w in self.wordings]

    def __bool__(self) -> bool:
        return bool(self.wordings)

    def digest(self) -> str:
        """Changes whenever a scan could come out differently."""
        if not self.wordings:
            return ""
        text = "\n".join(f"{w.kind}|{w.theme}|{w.source}|{w.text}" for w in self.wordings)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]

    def notes(self, ident: str) -> dict[str, str]:
        """Theme -> the note of reflection ``ident`` it was confirmed on."""
        return {w.theme: w.text for w in self.wordings if w.source == ident and w.kind == "confirmed"}

    def apply(self, hits: list[Any], sentences: Iterable[tuple[str, str]], ident: str) -> list[Any]:
        """``hits`` of reflection ``ident`` with what was learned from other reflections
        applied. Hits are :class:`~reflect.analysis.themes.Hit` or plain tuples in its order."""
        others = [(w, s) for w, s in self._arranged if w.source != ident]
        if not others:
            return hits
        out = list(hits)
        for field, sentence in sentences:
            words = distinctive(sentence)
            for wording, learned in others:
                if not matches(learned, words):
                    continue
                if wording.kind == "dismissed":
                    out = [h for h in out if not (h[0] == wording.theme and h[2] == sentence and is_sentence(h))]
                elif not any(h[0] == wording.theme and h[2] == sentence for h in out):
                    out.append((wording.theme, field, sentence, f"your words in {wording.source}", LEARNED))
        return out


def to_confirm(theme: str, sentences: Iterable[tuple[str, str]], hits: Iterable[Any]) -> list[str]:
    """The sentences a confirmation of ``theme`` teaches: those the engine found nothing
    in, else the one sentence it did not find ``theme`` in. When more than
    :data:`MAX_TAUGHT` sentences could be meant, none is learned: guessing would teach
    the theme words the user never meant for it."""
    hits = [h for h in hits if is_sentence(h)]
    texts = list(dict.fromkeys(s for _, s in sentences if learnable(s)))
    found = {h[2] for h in hits}
    unknown = [s for s in texts if s not in found]
    if unknown:
        return unknown if len(unknown) <= MAX_TAUGHT else []
    without = [s for s in texts if not any(h[0] == theme and h[2] == s for h in hits)]
    return without if len(without) == 1 else []


def to_dismiss(theme: str, hits: Iterable[Any]) -> list[str]:
    """The sentences a dismissal teaches: those the theme was found in."""
    return list(dict.fromkeys(h[2] for h in hits if h[0] == theme and is_sentence(h) and learnable(h[2])))
