"""A second look at every theme found in a note: how sure is it?

The lexicon and the statistical model each find themes in a sentence; on notes
written by strangers, about half of what they find is right. Most of what they get
wrong shows in plain signals: the theme itself (nerves are easy, salary talk is
not), whether both the lexicon and the model found it, how sure the model was, how
long the trigger phrase is, whether the note speaks in the first person, whether it
says something went badly, how many themes the note raises at once. The verifier
weighs those signals (a small logistic model, trained by
``scripts/train_theme_verifier.py`` on labelled notes paraphrased from real public
accounts and shipped as ``data/theme_verifier.json``) into a confidence per theme
per note. Themes at or above the shipped threshold count; the others are kept as
*possible*: shown apart, never counted, until the user confirms them.

Pure Python: a note's signals are plain tuples (cached with each sentence), the
model a few dozen weights.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from reflect.analysis.subject import CANDIDATE_WORDS, OTHER_WORDS
from reflect.analysis.text import TROUBLE_CUES, Token

VERIFIER_FILE = Path(__file__).resolve().parent.parent / "data" / "theme_verifier.json"
FORMAT = 1
LEXICON, MODEL, HELD = "text", "model", "held"  # how a theme was found in a sentence


class Signal(NamedTuple):
    """What one sentence says about one theme it raised (``how``: :data:`LEXICON`,
    :data:`MODEL` or :data:`HELD`, a theme the model reached but held back)."""

    theme: str
    how: str
    logit: float
    margin: float  # the logit less the model's threshold for the theme
    trigger_words: int  # words in the longest trigger phrase (0 for the model)
    negated_positive: bool  # "not … concise": a positive said to be lacking


class SentenceSignals(NamedTuple):
    """One sentence's signals, and what it says as a whole."""

    signals: tuple[Signal, ...]
    first_person: bool
    others_named: bool
    trouble: bool
    length: int  # content words
    top_theme: str  # the theme the model scores highest, relative to its threshold


def sentence_signals(tokens: list[Token], found: Iterable[tuple[str, str, str]], logits: Sequence[float], model: Any) -> SentenceSignals:
    """The signals of one sentence, from its tokens, what was found in it (``(theme,
    trigger, how)``) and the model's logit per theme (in ``model.themes`` order; ``model``
    also gives each theme's place, ``index``, and threshold, ``cuts``)."""
    index, themes, cuts = model.index, model.themes, model.cuts
    signals = []
    for theme, trigger, how in found:
        i = index.get(theme)
        logit = logits[i] if i is not None else 0.0
        margin = logit - cuts[i] if i is not None and math.isfinite(cuts[i]) else 0.0
        words = len(trigger.replace("\u2026", " ").split()) if how == LEXICON else 0
        signals.append(Signal(theme, how, logit, margin, words, how == LEXICON and "\u2026" in trigger))
    margins = [logit - cut for logit, cut, _ in zip(logits, cuts, themes)]  # an unreachable theme's is -inf
    words = {t.word for t in tokens}
    return SentenceSignals(
        tuple(signals),
        not words.isdisjoint(CANDIDATE_WORDS),
        not words.isdisjoint(OTHER_WORDS),
        not {t.stem for t in tokens}.isdisjoint(TROUBLE_CUES),
        sum(1 for t in tokens if not t.stop),
        themes[margins.index(max(margins))] if themes else "",
    )


def note_features(sentences: Sequence[SentenceSignals], feedback: bool) -> dict[str, dict[str, float]]:
    """Each theme a note raises, with its features: the signals of its sentences taken
    together (the strongest of each), and what the note says as a whole."""
    out: dict[str, dict[str, float]] = {}
    raised = {s.theme for sentence in sentences for s in sentence.signals if s.how != HELD}
    for sentence in sentences:
        themes_here = float(len({s.theme for s in sentence.signals if s.how != HELD}))
        length = min(sentence.length, 40) / 40
        for s in sentence.signals:
            f = out.get(s.theme)
            if f is None:
                f = out[s.theme] = {
                    "theme=" + s.theme: 1.0, "logit": -9.0, "margin": -9.0, "p": 0.0, "trigger_words": 0.0,
                    "negated_positive": 0.0, "first_person": 0.0, "others_named": 0.0, "trouble": 0.0, "top": 0.0,
                    "sentence_themes": 0.0, "length": 0.0, "hits": 0.0,
                }
            f[s.how] = 1.0
            if s.logit > f["logit"]:
                f["logit"], f["p"] = s.logit, _sigmoid(s.logit)
            if s.margin > f["margin"]:
                f["margin"] = s.margin
            if s.trigger_words:
                f["trigger_words"] = max(f["trigger_words"], min(s.trigger_words, 6) / 6)
            if s.negated_positive:
                f["negated_positive"] = 1.0
            if sentence.first_person:
                f["first_person"] = 1.0
            if sentence.others_named:
                f["others_named"] = 1.0
            if sentence.trouble:
                f["trouble"] = 1.0
            if sentence.top_theme == s.theme:
                f["top"] = 1.0
            f["sentence_themes"] = max(f["sentence_themes"], themes_here)
            f["length"] = max(f["length"], length)
            f["hits"] += 1.0
    extra = {"note_themes": float(len(raised)), "feedback": float(feedback), "sentences": min(len(sentences), 6) / 6}
    for f in out.values():
        f.update(extra)
    return out


class Verifier:
    """Weights by feature and the threshold a theme's confidence must reach to count."""

    def __init__(self, data: dict) -> None:
        if data.get("format") != FORMAT:
            raise ValueError(f"theme verifier format {data.get('format')!r}, expected {FORMAT}")
        self.bias = float(data["bias"])
        self.weights: dict[str, float] = {str(k): float(w) for k, w in data["weights"].items()}
        self.threshold = float(data["threshold"])
        self.meta: dict = data.get("meta", {})

    def confidence(self, features: dict[str, float]) -> float:
        weights = self.weights
        return _sigmoid(self.bias + sum(weights.get(key, 0.0) * value for key, value in features.items()))

    def confident(self, sentences: Sequence[SentenceSignals], feedback: bool) -> dict[str, float]:
        """Each theme a note raises, with its confidence."""
        return {theme: self.confidence(f) for theme, f in note_features(sentences, feedback).items()}


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


_verifier: Verifier | None = None


def load() -> Verifier | None:
    """The shipped verifier, read once per process (None when there is none: every theme counts)."""
    global _verifier
    if _verifier is None and VERIFIER_FILE.is_file():
        _verifier = Verifier(json.loads(VERIFIER_FILE.read_text(encoding="utf-8")))
    return _verifier
