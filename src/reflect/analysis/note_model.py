"""A second reader: a model of the whole note, trained on notes like real ones.

The lexicon and the sentence model (analysis/classifier.py) look for the words that
name a weakness. People who write about a bad interview often never name it: they
tell what happened ("I kept circling back to the same project for ten minutes",
"didn't know what the company actually sold"). This model reads the note as a whole,
by its words and pairs of words, and gives each theme a probability.

It was trained (``scripts/train_note_model.py``) on notes paraphrased from real public
accounts, weighted ten to one over the project's plainer example lines, and ships as
``data/note_model.json``. How its probability is used (see :func:`read`): a theme
the lexicon found but the verifier doubted counts when this model agrees
(``confirm``); a theme the rest would count is only *possible* when this model finds
it very unlikely (``doubt``); a theme nobody else found counts only when this model
is very sure (``count``), and its evidence names the words that weighed most.

Sentences about someone else ("the interviewer rambled") are left out before the
note is read, so their words never count against the candidate.

Pure Python at run time. The features are those of scikit-learn's
``TfidfVectorizer`` (word 1-2-grams; optionally ``char_wb`` 3-5-grams, pieces of words,
which add a little and cost eight times the time; sublinear tf, smooth idf, each block
L2-normalised), rebuilt here so that no library is needed; the training script checks
that both give the same probabilities. About a tenth of a millisecond a note.
"""

from __future__ import annotations

import array
import base64
import json
import math
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from reflect.analysis.classifier import distinct_phrases, file_digest, sigmoid

NOTE_MODEL_FILE = Path(__file__).resolve().parent.parent / "data" / "note_model.json"
FORMAT = 1
_WORD = re.compile(r"(?u)\b\w[\w']*\b")  # scikit-learn's default pattern, keeping "didn't" whole


def word_grams(text: str, sizes: tuple[int, int]) -> list[str]:
    """Word n-grams of ``text`` (lower-cased), as ``TfidfVectorizer(analyzer="word")`` makes them."""
    words = _WORD.findall(text.lower())
    low, high = sizes
    out: list[str] = []
    for n in range(low, high + 1):
        out.extend(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))
    return out


def char_grams(text: str, sizes: tuple[int, int]) -> list[str]:
    """Character n-grams inside word boundaries, as ``analyzer="char_wb"`` makes them."""
    low, high = sizes
    out: list[str] = []
    for word in text.lower().split():
        padded = f" {word} "
        length = len(padded)
        for n in range(low, high + 1):
            if n >= length:  # a short word counts once, whole
                out.append(padded)
                break
            out.extend(padded[i : i + n] for i in range(length - n + 1))
    return out


class Block:
    """One vectoriser's vocabulary: each term's idf and its weights by theme.

    Stored packed (base64 of little-endian arrays: the terms joined by newlines, idf
    as float32, and per term a run of ``(theme, weight)`` pairs given by offsets), so
    that loading takes milliseconds and the weights a megabyte, not a hundred
    thousand Python floats."""

    def __init__(self, data: dict) -> None:
        self.analyzer: str = data["analyzer"]
        self.sizes = (int(data["ngrams"][0]), int(data["ngrams"][1]))
        self.index: dict[str, int] = {term: i for i, term in enumerate(data["terms"].split("\n"))}
        self.idf = _unpack("f", data["idf"])
        self.offsets = _unpack("i", data["offsets"])
        self.theme_of = _unpack("B", data["theme_of"])
        self.weights = _unpack("f", data["weights"])
        if len(self.idf) != len(self.index) or len(self.offsets) != len(self.index) + 1 or len(self.theme_of) != len(self.weights):
            raise ValueError("note model block: arrays of different lengths")

    def grams(self, text: str) -> list[str]:
        return word_grams(text, self.sizes) if self.analyzer == "word" else char_grams(text, self.sizes)

    def weighted(self, text: str) -> list[tuple[str, int, float]]:
        """Each known term of ``text`` with its place and its tf-idf value, the block L2-normalised."""
        counts: dict[str, int] = {}
        for gram in self.grams(text):
            counts[gram] = counts.get(gram, 0) + 1
        index, idf, log = self.index, self.idf, math.log
        values = []
        for gram, n in counts.items():
            i = index.get(gram)
            if i is not None:
                values.append((gram, i, (1.0 + log(n)) * idf[i]))
        norm = math.sqrt(sum(v * v for _, _, v in values))
        return [(gram, i, v / norm) for gram, i, v in values] if norm else []

    def pairs(self, i: int) -> range:
        """The places of term ``i``'s ``(theme, weight)`` pairs in :attr:`theme_of` and :attr:`weights`."""
        return range(self.offsets[i], self.offsets[i + 1])


def pack(typecode: str, values: Iterable[float]) -> str:
    """Values as base64 of a little-endian array (how the training script writes them)."""
    packed = array.array(typecode, values)
    if sys.byteorder != "little":
        packed.byteswap()
    return base64.b64encode(packed.tobytes()).decode("ascii")


def _unpack(typecode: str, text: str) -> array.array:
    packed = array.array(typecode)
    packed.frombytes(base64.b64decode(text))
    if sys.byteorder != "little":
        packed.byteswap()
    return packed


class NoteModel:
    """The shipped note model: blocks of terms, a bias per theme, and the thresholds of its rule."""

    def __init__(self, data: dict) -> None:
        if data.get("format") != FORMAT:
            raise ValueError(f"note model format {data.get('format')!r}, expected {FORMAT}")
        self.themes: list[str] = list(data["themes"])
        self.index = {theme: i for i, theme in enumerate(self.themes)}
        self.bias = [float(b) for b in data["bias"]]
        self.blocks = [Block(block) for block in data["blocks"]]
        self.doubt = float(data["rule"]["doubt"])
        self.count = float(data["rule"]["count"])
        self.confirm = float(data["rule"]["confirm"])
        self.meta: dict = data.get("meta", {})

    def probabilities(self, text: str) -> list[float]:
        """The probability of each theme (in :attr:`themes` order) for a note."""
        total = list(self.bias)
        for block in self.blocks:
            offsets, theme_of, weights = block.offsets, block.theme_of, block.weights
            for _, i, value in block.weighted(text):
                for k in range(offsets[i], offsets[i + 1]):
                    total[theme_of[k]] += weights[k] * value
        return [sigmoid(x) for x in total]

    def explain(self, text: str, theme: str, top: int = 3) -> list[str]:
        """The note's words that pushed hardest towards ``theme`` (those that mean something
        alone): word n-grams as they are, pieces of words as the word they are part of."""
        wanted = self.index[theme]
        weight: dict[str, float] = {}
        words = text.lower().split()
        for block in self.blocks:
            for gram, i, value in block.weighted(text):
                w = next((block.weights[k] for k in block.pairs(i) if block.theme_of[k] == wanted), 0.0) * value
                if w <= 0:
                    continue
                phrase = gram if block.analyzer == "word" else _word_holding(gram.strip(), words)
                if phrase and _says_something(phrase):
                    weight[phrase] = weight.get(phrase, 0.0) + w
        return distinct_phrases((phrase for phrase, _ in sorted(weight.items(), key=lambda item: -item[1])), top)


def _says_something(phrase: str) -> bool:
    """Whether a phrase holds a word that means something alone: "what they", "very" or
    "i hadn't" weigh in the model but explain nothing to the reader."""
    from reflect.analysis.text import NEGATORS, stems

    return any(stem not in NEGATORS for stem in stems(phrase))


def _word_holding(piece: str, words: list[str]) -> str:
    for word in words:
        if piece and piece in word:
            bare = _WORD.findall(word)
            return bare[0] if bare else ""
    return ""


def read(
    sentences: Sequence[str], raised: set[str], worded: set[str], doubtful: dict[str, bool], allowed: frozenset[str]
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[str, str, str], ...]]:
    """What the note model says of a note's ``sentences`` (those not about someone
    else), given the themes the rest of the engine raised in it, those of them a trigger
    phrase of the lexicon found (``worded``) and those the verifier doubts: ``(agreed,
    vetoed, alone)``. Agreed: doubted themes it backs, which then count. Vetoed: themes
    only the sentence model found, that the rest would count and it finds very
    unlikely, which are then only possible (a trigger phrase is never vetoed). Alone: ``(theme, sentence, trigger)`` for each theme only it
    found and is very sure of, where the words that weighed most describe the
    candidate (see analysis/subject.py)."""
    model = load()
    if model is None or not sentences:
        return (), (), ()
    text = " ".join(sentences)
    agreed, vetoed, alone = set(), set(), []
    for theme, p in zip(model.themes, model.probabilities(text)):
        if theme not in allowed:
            continue
        if theme in raised:
            if doubtful.get(theme, False):
                if p >= model.confirm:
                    agreed.add(theme)
            elif p < model.doubt and theme not in worded:
                vetoed.add(theme)
        elif p >= model.count:
            phrases = model.explain(text, theme)
            if phrases and candidates_own(sentences, phrases):
                sentence = best_sentence(sentences, phrases)
                alone.append((theme, sentence, "note: " + ", ".join(f'"{w}"' for w in phrases)))
    return tuple(agreed), tuple(vetoed), tuple(alone)  # kept per note: an empty tuple is one shared object


def candidates_own(sentences: Sequence[str], phrases: Sequence[str]) -> bool:
    """Whether the strongest of ``phrases`` is said of the candidate where the note says
    it ("I rambled", "rambled on the design question", "clear mismatch"), not of someone
    else ("the interviewer was nervous and rambled")."""
    from reflect.analysis.subject import CANDIDATE, whose
    from reflect.analysis.text import tokenize

    for phrase in phrases:
        wanted = [t.word for t in tokenize(phrase)]
        n = len(wanted)
        for sentence in sentences:
            tokens = tokenize(sentence)
            words = [t.word for t in tokens]
            for i in range(len(words) - n + 1):
                if n and words[i : i + n] == wanted:
                    return whose(tokens, i, i + n - 1) == CANDIDATE
    return True


def best_sentence(sentences: Sequence[str], phrases: Iterable[str]) -> str:
    """The sentence holding most of ``phrases`` (the first of equals): where the note says it."""
    wanted = list(phrases)
    scored = [(sum(p in sentence.lower() for p in wanted), -i) for i, sentence in enumerate(sentences)]
    return sentences[-max(scored)[1]] if sentences else ""


_model: NoteModel | None = None


def load(path: Path = NOTE_MODEL_FILE) -> NoteModel | None:
    """The shipped note model, read once per process (None when there is none)."""
    global _model
    if path != NOTE_MODEL_FILE:
        return NoteModel(json.loads(path.read_text(encoding="utf-8")))
    if _model is None and path.is_file():
        _model = NoteModel(json.loads(path.read_text(encoding="utf-8")))
    return _model


def digest() -> str:
    """A short hash of the shipped file ("" without one): part of the taxonomy fingerprint."""
    return file_digest(NOTE_MODEL_FILE)
