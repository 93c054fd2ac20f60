"""A small linear model that finds themes the lexicon's phrases miss.

Pure Python at run time: the weights are a JSON file shipped with the package
(``data/theme_model.json``), read once per process on first use. The model is
one-vs-rest logistic regression over features of one sentence:

* content stems (the same normalisation and stemming as :mod:`reflect.analysis.text`),
  and pairs of neighbouring content stems within a clause;
* negation scope: a stem after ``not/no/never/...`` in the same clause (within
  :data:`NEGATION_REACH` words, unless a word like *stop* or *help* cancels it) becomes
  ``not_<stem>``, so "I wasn't nervous" and "I was nervous" share no feature;
* a few cues: a marker of something to improve ("should", "need to", "more") and a
  marker of something lacking ("poor", "lack", "little").

A sentence scores ``sigmoid(bias + sum of weights)`` per theme; a theme counts when the
probability reaches its threshold (tuned per theme by cross-validation when the model
was trained, see ``scripts/train_theme_model.py``). Every hit is explained by the two
or three features that pushed hardest towards it, shown in the sentence's own words.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reflect.analysis.text import (
    DEFICIENCY_BEFORE,
    IMPROVE_MARKERS,
    NEGATION_BREAKERS,
    NEGATORS,
    Token,
    tokenize,
)

NONE = "_none"
GOOD = "_good"  # as reflect.analysis.taxonomy.GOOD: the lexicon saw something that went well
NEGATED = "~"  # as reflect.analysis.themes.NEGATED: prefix of a negated trigger's theme
MODEL_FILE = Path(__file__).resolve().parent.parent / "data" / "theme_model.json"
FORMAT = 1
NEGATION_REACH = 4
NOT = "not_"
IMPROVE_CUE = "_improve"
LACK_CUE = "_lack"
_CUE_WORDS = {IMPROVE_CUE: "to improve", LACK_CUE: "lacking"}


@dataclass(frozen=True, slots=True)
class Feature:
    """One feature of a sentence: its key in the model and the sentence's words it stands for."""

    key: str
    words: str


def features(tokens: list[Token]) -> list[Feature]:
    """The model's features of one tokenised sentence (each key once, first occurrence kept)."""
    content, found = _extract(tokens)
    return [Feature(key, _words(content, where)) for key, where in found.items()]


def feature_keys(tokens: list[Token]) -> list[str]:
    """Only the keys of :func:`features` (what scoring needs)."""
    return list(_extract(tokens)[1])


def _words(content: list[Token], where: tuple[int, int] | str) -> str:
    if isinstance(where, str):
        return where
    first, last = where
    return content[first].word if first == last else f"{content[first].word} {content[last].word}"


_HAVE_BEFORE = ("could", "would", "should")


def _extract(tokens: list[Token]) -> tuple[list[Token], dict[str, tuple[int, int] | str]]:
    """Content tokens, and each feature key with where it is: the first and last content
    token it stands for (a cue: the word itself)."""
    content = [t for t in tokens if not t.stop]
    out: dict[str, tuple[int, int] | str] = {}
    negated_by = -1  # index of the last negator in the current clause, -1 if none
    previous_stem = ""
    previous_clause = -1  # clauses are numbered from 0: no token before the first
    negators = NEGATORS
    breakers = NEGATION_BREAKERS
    for i, token in enumerate(content):
        stem = token.stem
        clause = token.clause
        same_clause = previous_clause == clause
        if not same_clause:
            negated_by = -1
        if stem in negators or token.word in negators:
            negated_by = i
            key = stem
        else:
            if negated_by >= 0 and (i - negated_by > NEGATION_REACH or stem in breakers):
                negated_by = -1
            key = NOT + stem if negated_by >= 0 else stem
        if key not in out:
            out[key] = (i, i) if key is stem else (negated_by, i)
        if same_clause:
            pair = previous_stem + " " + stem
            if key is not stem and negated_by != i - 1:
                pair = NOT + pair
            if pair not in out:
                out[pair] = (i - 1, i)
        previous_stem = stem
        previous_clause = clause
    # The cues: each where it first shows (no stem or pair can be a cue's key).
    improve = lack = False
    last = len(tokens) - 1
    for i, token in enumerate(tokens):
        if not improve and (
            token.stem in IMPROVE_MARKERS or (token.word in _HAVE_BEFORE and i < last and tokens[i + 1].word == "have")
        ):
            out[IMPROVE_CUE] = token.word
            improve = True
        if not lack and token.stem in DEFICIENCY_BEFORE:
            out[LACK_CUE] = token.word
            lack = True
            if improve:
                break
    return content, out


def sentence_features(sentence: str) -> list[Feature]:
    return features(tokenize(sentence))


def sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


class Model:
    """Weights by feature, bias and threshold by theme; see :func:`load`."""

    def __init__(self, data: dict) -> None:
        if data.get("format") != FORMAT:
            raise ValueError(f"theme model format {data.get('format')!r}, expected {FORMAT}")
        outputs = list(data["themes"])
        # The last output may be NONE ("this sentence shows no theme"): scored like the
        # themes, never reported, heard by the override rule.
        self.none = len(outputs) - 1 if outputs and outputs[-1] == NONE else -1
        self.themes: list[str] = outputs[: self.none] if self.none >= 0 else outputs
        self.index = {theme: i for i, theme in enumerate(self.themes)}
        self.bias: list[float] = [float(b) for b in data["bias"]]
        self.thresholds: list[float] = [float(t) for t in data["thresholds"]]
        # logit cut-offs, so that scoring needs no exp()
        self.cuts = [math.log(t / (1.0 - t)) if 0.0 < t < 1.0 else (math.inf if t >= 1 else -math.inf) for t in self.thresholds]
        self.weights: dict[str, tuple[tuple[int, float], ...]] = {
            key: tuple((int(i), float(w)) for i, w in pairs) for key, pairs in data["weights"].items()
        }
        self.meta: dict = data.get("meta", {})
        self.rule: str = data.get("rule", "union")
        veto = float(data.get("veto", 0.0))
        self.veto_cut = math.log(veto / (1.0 - veto)) if 0.0 < veto < 1.0 else -math.inf

    def scores(self, keys: list[str]) -> list[float]:
        """The logit per theme (in :attr:`themes` order) for a sentence's feature keys."""
        total = list(self.bias)
        for pairs in map(self.weights.get, keys):
            if pairs:
                for i, w in pairs:
                    total[i] += w
        return total

    def probabilities(self, sentence: str) -> dict[str, float]:
        return {t: sigmoid(s) for t, s in zip(self.themes, self.scores(feature_keys(tokenize(sentence))))}  # zip drops NONE

    def predict(self, tokens: list[Token], allowed: object = None, top: int = 3) -> list[tuple[str, float, str]]:
        """``(theme, probability, explanation)`` for each theme whose threshold the sentence reaches.

        ``allowed`` (a container of theme ids), when given, limits the themes considered.
        """
        total = self.scores(feature_keys(tokens))
        found = [
            i for i, theme in enumerate(self.themes) if total[i] >= self.cuts[i] and (allowed is None or theme in allowed)
        ]
        return [(self.themes[i], sigmoid(total[i]), self.explain(tokens, i, top)) for i in found]

    def combine(
        self, tokens: list[Token], lexicon: set[str], allowed: object, calm: set[str] = frozenset()  # type: ignore[assignment]
    ) -> tuple[list[tuple[str, str, tuple[int, int]]], set[str], list[float], list[tuple[str, str, tuple[int, int]]]]:
        """What the model changes in one sentence's lexicon result ``lexicon`` (theme ids):
        ``(added, dropped, logits, held)``, with an explanation per added theme and the content
        tokens of its strongest feature (see :meth:`_anchor`); only ``allowed`` themes count.
        ``logits``: the score of every theme (in :attr:`themes` order); ``held``: themes whose
        threshold the sentence reaches but that are not added (the sentence reads as good
        news), with their explanations, for a second look (see ``analysis/verifier.py``).

        Added: themes whose threshold the sentence reaches and the lexicon did not find,
        except where the lexicon reads the sentence as good news (``calm``, filled by
        :func:`reflect.analysis.themes.match_tokens`): nothing is added to a theme whose
        positive form the sentence states ("I kept it concise"), nor to a sentence in which
        the lexicon found no weakness but a positive or something that went well.
        Dropped (rule ``override``): a lexicon theme the model gives less than ``veto``
        while it finds another theme in the sentence or reads it as showing none, i.e.
        when it is sure the sentence is about something else. When the model recognises
        nothing, the lexicon stands.
        (Rule ``veto`` drops it whatever else the model finds; ``union`` never drops.)
        """
        content, features = _extract(tokens)
        total = self.scores(features)  # the keys, in order
        cuts = self.cuts
        themes = self.themes
        found = [i for i, (score, cut, theme) in enumerate(zip(total, cuts, themes)) if score >= cut and theme in allowed]
        positives = {t for t in calm if t != GOOD and not t.startswith(NEGATED)} if calm else set()
        if found and not lexicon and (positives or GOOD in calm):
            found_new = []
        else:
            found_new = [i for i in found if themes[i] not in lexicon and themes[i] not in positives]
        added = [(themes[i], self._explain(content, features, i), self._anchor(features, i)) for i in found_new]
        negated = {t[len(NEGATED):] for t in calm if t.startswith(NEGATED)} if calm else set()
        held = [  # a theme the sentence negates ("I wasn't nervous") is not even held
            (themes[i], self._explain(content, features, i), self._anchor(features, i))
            for i in found
            if i not in found_new and themes[i] not in lexicon and themes[i] not in negated
        ]
        dropped: set[str] = set()
        elsewhere = bool(found) or (self.none >= 0 and total[self.none] >= cuts[self.none])
        if lexicon and (self.rule == "veto" or (self.rule == "override" and elsewhere)):
            for theme in lexicon:
                i = self.index.get(theme)
                if i is not None and theme in allowed and total[i] < self.veto_cut and i not in found:
                    dropped.add(theme)
        return added, dropped, total, held

    def _anchor(self, found: dict[str, tuple[int, int] | str], index: int) -> tuple[int, int]:
        """The content tokens (first, last) of the feature that pushed hardest towards theme
        ``index`` ((0, 0) when only cues pushed): where the sentence says what the model found."""
        best, where = 0.0, (0, 0)
        for key, place in found.items():
            if isinstance(place, str):
                continue
            for i, w in self.weights.get(key, ()):
                if i == index and w > best:
                    best, where = w, place
        return where

    def explain(self, tokens: list[Token], index: int, top: int = 3) -> str:
        """The sentence's words behind the features that pushed hardest towards theme ``index``:
        ``model: "talk", "cut off"``."""
        content, found = _extract(tokens)
        return self._explain(content, found, index, top)

    def _explain(self, content: list[Token], found: dict[str, tuple[int, int] | str], index: int, top: int = 3) -> str:
        """:meth:`explain` from what :func:`_extract` gave."""
        contributions = []
        for key in found:
            for i, w in self.weights.get(key, ()):
                if i == index and w > 0:
                    contributions.append((-w, key))
        contributions.sort()
        shown = distinct_phrases((_CUE_WORDS.get(key) or _words(content, found[key]) for _, key in contributions), top)
        return "model: " + ", ".join(f'"{w}"' for w in shown)


def distinct_phrases(phrases: Iterable[str], top: int) -> list[str]:
    """The first ``top`` of ``phrases`` (strongest first), none of whose words are all in
    another shown: a longer phrase replaces the shorter ones it holds."""
    shown: list[str] = []
    for words in phrases:
        parts = set(words.split())
        if any(parts <= set(s.split()) for s in shown):
            continue  # already said by a longer phrase
        shown = [s for s in shown if not set(s.split()) <= parts]
        shown.append(words)
        if len(shown) == top:
            break
    return shown


_model: Model | None = None


def load(path: Path = MODEL_FILE) -> Model:
    """The shipped model, read once per process."""
    global _model
    if path is MODEL_FILE and _model is not None:  # every sentence asks: no path comparison
        return _model
    if path != MODEL_FILE:
        return Model(json.loads(path.read_text(encoding="utf-8")))
    if _model is None:
        _model = Model(json.loads(MODEL_FILE.read_text(encoding="utf-8")))
    return _model


def available() -> bool:
    return MODEL_FILE.is_file()


def digest() -> str:
    """A short hash of the shipped model file ("" when there is none): part of the taxonomy fingerprint."""
    return file_digest(MODEL_FILE)


@functools.cache
def file_digest(path: Path) -> str:
    """A short hash of a shipped data file, read once per process ("" when it is missing)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    except OSError:
        return ""
