"""Recurring themes: which weaknesses come back, with proof, trend and outcome contrast.

Two steps, both pure:

* :func:`scan` / :func:`match_reflection` read one reflection and return plain data
  (hits and uncovered word pairs) that depends only on the reflection and the
  taxonomy, so a cache can keep it per file (keyed by the taxonomy's fingerprint);
* :func:`analyse` combines the per-reflection results of a set of entries.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from reflect.analysis.taxonomy import GOOD, MAX_GAP, SINGLE, Pattern, Taxonomy
from reflect.analysis.text import (
    DEFICIENCY_AFTER,
    DEFICIENCY_BEFORE,
    IMPROVE_MARKERS,
    NEGATION_BREAKERS,
    NEGATORS,
    TROUBLE_CUES,
    Token,
    split_sentences,
    tokenize,
)

if TYPE_CHECKING:
    from reflect.journal import Entry
    from reflect.models import Reflection

NEGATION_WINDOW = 3
NEGATED = "~"
TOPIC_ALONE = True

MARKER_WINDOW = 6
_NOT_A_PROBLEM = frozenset({"problem", "issu", "concern", "factor", "worri"})

GAP_KIND_THEMES = {
    "skill": "technical-depth",
    "experience": "role-fit",
    "culture": "culture-fit",
    "preparation": "preparation-research",
    "delivery": "clarity",
}
QUESTION_KIND_THEMES = {
    "coding": "coding",
    "system-design": "system-design",
    "technical": "technical-depth",
    "behavioral": "behavioral-stories",
    "culture": "culture-fit",
}
RATING_THEMES = {"preparation": "preparation-research", "confidence": "nerves-confidence"}
LOW_RATING = 2

REJECTED = frozenset({"rejected"})
SUCCEEDED = frozenset({"offer", "advanced"})


class Hit(NamedTuple):
    """One piece of evidence for a theme in one reflection.

    ``kind`` is ``text`` (a trigger fired in a sentence), ``model`` (the statistical model
    found the theme in a sentence; ``trigger`` names the words that weighed most), ``tag``, ``gap`` (a gap's kind),
    ``rating`` (a low self-rating) or ``question`` (the kind of a stumped question).
    A named tuple (immutable, and about four times cheaper to make than a frozen
    dataclass: a warm report at 10,000 reflections reads 100,000 of them).
    """

    theme: str
    field: str
    text: str
    trigger: str
    kind: str = "text"

    def to_data(self) -> dict[str, str]:
        return {"theme": self.theme, "field": self.field, "text": self.text, "trigger": self.trigger, "kind": self.kind}

    @classmethod
    def from_data(cls, data: dict[str, str]) -> Hit:
        return cls(**data)


class Pair(NamedTuple):
    """Two neighbouring content words in a sentence no theme covered (an emerging-theme candidate)."""

    key: str
    words: str
    text: str


@dataclass
class Scan:
    """What :func:`scan` found in one reflection. Read back from the cache, ``hits`` and
    ``pairs`` are plain tuples in the fields' order of :class:`Hit` and :class:`Pair`
    (making 100,000 named tuples again would cost a warm report at 10,000 about 30 ms)."""

    hits: list[Hit]
    pairs: list[Pair]

    def to_data(self) -> dict[str, Any]:
        return {
            "hits": [Hit._make(h).to_data() for h in self.hits],
            "pairs": [{"key": p[0], "words": p[1], "text": p[2]} for p in self.pairs],
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Scan:
        return cls([Hit(**h) for h in data["hits"]], [Pair(**p) for p in data["pairs"]])


# --- matching one sentence -------------------------------------------------------------


def _elem_matches(elem: str, token: Token) -> bool:
    if elem == "#":
        return token.word.isdigit()
    if elem.endswith("*"):
        prefix = elem[:-1]
        return token.stem.startswith(prefix) or token.word.startswith(prefix)
    return elem == token.stem


def _negated_before(content: list[Token], start: int, words: frozenset[str], breakers: bool) -> str | None:
    clause = content[start].clause
    for back in range(1, NEGATION_WINDOW + 1):
        i = start - back
        if i < 0 or content[i].clause != clause:
            return None
        stem = content[i].stem
        if stem in words or content[i].word in words:
            if breakers and any(content[k].stem in NEGATION_BREAKERS for k in range(i + 1, start + 1)):
                return None
            return content[i].word
    return None


def _not_a_problem_after(content: list[Token], end: int) -> bool:
    clause = content[end].clause
    for i in range(end + 1, min(len(content), end + 5)):
        if content[i].clause != clause:
            return False
        if content[i].stem in NEGATORS:
            return any(content[k].stem in _NOT_A_PROBLEM for k in range(i + 1, min(len(content), i + 3)))
    return False


def _lacking_after(content: list[Token], end: int) -> str | None:
    clause = content[end].clause
    for i in range(end + 1, min(len(content), end + 1 + NEGATION_WINDOW)):
        if content[i].clause != clause:
            return None
        adverb = content[end].word.endswith("ly")
        if content[i].stem in DEFICIENCY_AFTER or (i == end + 1 and not adverb and content[i].stem in NEGATORS):
            if _not_a_problem_after(content, end):
                return None
            return content[i].word
    return None


def _improve_marker(tokens: list[Token], raw_start: int) -> str | None:
    clause = tokens[raw_start].clause
    for i in range(raw_start - 1, max(-1, raw_start - 1 - MARKER_WINDOW), -1):
        if tokens[i].clause != clause:
            return None
        if tokens[i].stem in IMPROVE_MARKERS:
            return tokens[i].word
        if tokens[i].word in ("could", "would") and i + 1 < len(tokens) and tokens[i + 1].word == "have":
            return f"{tokens[i].word} have"
    return None


def match_sentence(sentence: str, taxonomy: Taxonomy) -> list[tuple[str, str]]:
    """``(theme, trigger)`` for each theme a sentence shows as a weakness, by the lexicon alone."""
    known = _index(taxonomy).lexicon
    found = known.get(sentence)
    if found is None:
        if len(known) >= SENTENCE_CACHE_SIZE:
            known.clear()
        found = known[sentence] = tuple(match_tokens(tokenize(sentence), taxonomy))
    return list(found)


# --- the patterns arranged for matching ------------------------------------------------
#
# A pattern matches content tokens in order: its first element at some token, and each
# next element within ``1 + gap`` tokens after the previous one (the gap is the
# pattern's, or 0 after a negator). A stem element matches a token of that stem, ``x*``
# a token whose stem or word starts with ``x``, and ``#`` a number. What that takes is
# worked out once per pattern: its *steps* are ``(element, kind, reach)`` for each
# element after the first, where kind is ``_PLAIN`` (a stem), ``_PREFIX`` (the element is
# the prefix, without its ``*``) or ``_DIGITS`` (``#``), and reach is ``2 + gap``.
# Patterns keep their order everywhere (that of ``Taxonomy.by_first`` and
# ``Taxonomy.prefixed``), so the matches of a sentence are always found in one order.

_PLAIN, _PREFIX, _DIGITS = 0, 1, 2
_NOTHING = (None, ())  # a word that starts no pattern
_WORDS_MAX = 200_000


def _steps(pattern: Pattern, first: int = 1) -> tuple[tuple[str, int, int], ...]:
    elems = pattern.elems
    out = []
    for k in range(first, len(elems)):
        elem = elems[k]
        reach = 2 + (0 if elems[k - 1] in NEGATORS else pattern.gap)
        if elem == "#":
            out.append((elem, _DIGITS, reach))
        elif elem[-1] == "*":
            out.append((elem[:-1], _PREFIX, reach))
        else:
            out.append((elem, _PLAIN, reach))
    return tuple(out)


class _Index:
    """A taxonomy's patterns by first word, with what matching each needs worked out once.

    ``firsts``: first stem -> ``(one-word patterns, {second stem: bucket}, patterns whose
    second element is a wildcard, as (pattern, steps))``, made on first use; a bucket is ``(entries, by third
    stem)``: the entries are ``(pattern, farthest second word, its third stem or None,
    steps from the third element or None)``, and a large bucket's patterns are indexed by
    third stem (see :func:`_bucket`). ``words``: each word seen -> ``(its firsts entry or
    None, the prefix patterns it starts, as (pattern, steps or None))``.
    """

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.prefixed = taxonomy.prefixed
        # A word can start a prefixed pattern only if it (or its stem) starts with one of
        # these, or it is a number and some pattern starts with ``#``.
        self.heads = tuple(p.elems[0][:-1] for p in self.prefixed if p.elems[0] != "#")
        self.digits = any(p.elems[0] == "#" for p in self.prefixed)
        self.by_first = taxonomy.by_first
        # Made for a first stem when a word of that stem is first seen: a journal's words
        # start a small share of the taxonomy's patterns.
        self.firsts: dict[str, tuple[Any, ...] | None] = {}
        self.words: dict[str, tuple[Any, tuple[tuple[Pattern, Any], ...]]] = {}
        #: What :func:`match_sentence` gave for each sentence (next steps repeat).
        self.lexicon: dict[str, tuple[tuple[str, str], ...]] = {}

    def word(self, token: Token) -> tuple[Any, tuple[tuple[Pattern, Any], ...]]:
        """What ``token``'s word starts (kept per word: its stem is always the same)."""
        starting: tuple[tuple[Pattern, Any], ...] = ()
        if token.word.startswith(self.heads) or token.stem.startswith(self.heads) or (self.digits and token.word.isdigit()):
            starting = tuple((p, _steps(p) if len(p.elems) > 1 else None) for p in self.prefixed if _elem_matches(p.elems[0], token))
        first = self.first(token.stem)
        info = _NOTHING if first is None and not starting else (first, starting)
        if len(self.words) >= _WORDS_MAX:
            self.words.clear()
        self.words[token.word] = info
        return info

    def first(self, stem: str) -> tuple[Any, ...] | None:
        """The patterns whose first element is ``stem``, arranged (None if there are none)."""
        if stem in self.firsts:
            return self.firsts[stem]
        buckets = self.by_first.get(stem)
        arranged = None
        if buckets is not None:
            negator_first = stem in NEGATORS
            seconds = {second: _bucket(patterns, negator_first) for second, patterns in buckets.items() if second != SINGLE}
            arranged = (tuple(buckets.get(SINGLE, ())), seconds, tuple((p, _steps(p)) for p in buckets.get("", ())))
        self.firsts[stem] = arranged
        return arranged


_BUCKET_INDEXED = 8
"""Buckets with more patterns than this are looked up by third stem rather than walked."""


def _bucket(patterns: list[Pattern], negator_first: bool) -> tuple[tuple[Any, ...], Any]:
    """The patterns of one first and second stem, for :func:`match_tokens`.

    ``(entries, third)``: ``third`` is None for a small bucket, else ``(the places in
    entries of the patterns with no plain third stem, {third stem: places}, how many
    words after the second the third may be)``, so that only the patterns whose third
    stem is within reach are tried, in their order.
    """
    entries = tuple(
        (
            p,
            0 if negator_first else p.gap,
            p.elems[2] if len(p.elems) > 2 and p.elems[2][-1] != "*" and p.elems[2] != "#" else None,
            _steps(p, 2) if len(p.elems) > 2 else None,
        )
        for p in patterns
    )
    if len(entries) <= _BUCKET_INDEXED:
        return entries, None
    always: list[int] = []
    by_third: dict[str, list[int]] = {}
    span = 1
    for k, (_, _, third, steps) in enumerate(entries):
        if third is None:
            always.append(k)
        else:
            by_third.setdefault(third, []).append(k)
            span = max(span, steps[0][2] - 1)  # the third is at most reach - 1 words after the second
    return entries, (tuple(always), {t: tuple(ks) for t, ks in by_third.items()}, span)


def _index(taxonomy: Taxonomy) -> _Index:
    index = taxonomy.matcher
    if index is None:
        index = taxonomy.matcher = _Index(taxonomy)
    return index  # type: ignore[return-value]


def _find_steps(steps: tuple[tuple[str, int, int], ...], content: list[Token], stems: list[str], present: set[str], pos: int) -> int:
    """Where a pattern's ``steps`` match on from ``pos`` (where the element before the first
    step matched): the index of the last token matched, or -1. ``present``: the stems of
    ``stems``."""
    n = len(stems)
    for elem, kind, reach in steps:
        limit = pos + reach
        if limit > n:
            limit = n
        if kind == _PLAIN:
            if elem not in present:
                return -1
            try:
                pos = stems.index(elem, pos + 1, limit)
            except ValueError:
                return -1
        elif kind == _PREFIX:
            for j in range(pos + 1, limit):
                token = content[j]
                if token.stem.startswith(elem) or token.word.startswith(elem):
                    pos = j
                    break
            else:
                return -1
        else:
            for j in range(pos + 1, limit):
                if content[j].word.isdigit():
                    pos = j
                    break
            else:
                return -1
    return pos


def match_tokens(tokens: list[Token], taxonomy: Taxonomy, calm: set[str] | None = None) -> list[tuple[str, str]]:
    """:func:`match_sentence` for an already tokenised sentence.

    ``calm``, when given, receives what the sentence says is fine: the themes of plain
    positives ("I kept it concise"), :data:`NEGATED` + the themes of negated triggers ("I
    wasn't nervous") and :data:`GOOD` when it says something went well.
    """
    content = [t for t in tokens if not t.stop]
    found: list[tuple[Pattern, int, int]] = []
    index = _index(taxonomy)
    words = index.words
    stems = [t.stem for t in content]
    present = set(stems)
    n = len(stems)
    for ci, token in enumerate(content):
        info = words.get(token.word)
        if info is None:
            info = index.word(token)
        if info is _NOTHING:
            continue
        first, starting = info
        if first is not None:
            singles, seconds, wild_second = first
            for pattern in singles:
                found.append((pattern, ci, ci))
            # Only the words within reach of this one can be a pattern's second word.
            if seconds:
                reach = ci + 2 + MAX_GAP
                for j in range(ci + 1, reach if reach < n else n):
                    bucket = seconds.get(stems[j])
                    if bucket is None:
                        continue
                    distance = j - ci - 1
                    entries, by_third = bucket
                    if by_third is None:
                        for pattern, farthest, third, steps in entries:
                            if distance > farthest or (third is not None and third not in present):
                                continue
                            end = _find_steps(steps, content, stems, present, j) if steps is not None else j
                            if end >= 0:
                                found.append((pattern, ci, end))
                        continue
                    always, thirds, span = by_third
                    places = list(always)
                    sources = 1 if places else 0
                    for third in set(stems[j + 1 : j + 1 + span]):
                        more = thirds.get(third)
                        if more is not None:
                            places.extend(more)
                            sources += 1
                    if sources > 1:
                        places.sort()
                    for k in places:
                        pattern, farthest, _, steps = entries[k]
                        if distance > farthest:
                            continue
                        end = _find_steps(steps, content, stems, present, j) if steps is not None else j
                        if end >= 0:
                            found.append((pattern, ci, end))
            for pattern, steps in wild_second:
                end = _find_steps(steps, content, stems, present, ci)
                if end >= 0:
                    found.append((pattern, ci, end))
        for pattern, steps in starting:
            end = _find_steps(steps, content, stems, present, ci) if steps is not None else ci
            if end >= 0:
                found.append((pattern, ci, end))
    if not found:
        return []
    raw_index: list[int] | None = None  # each content token's place in ``tokens``, made when needed
    weak: list[tuple[Pattern, int, int, str]] = []
    topics: list[tuple[Pattern, int, int]] = []
    plain_positive: list[tuple[Pattern, int, int]] = []
    negated: list[tuple[str, int, int]] = []
    good_clauses: set[int] = set()
    for pattern, start, end in found:
        if pattern.theme == GOOD:
            if not _negated_before(content, start, NEGATORS, breakers=False):
                good_clauses.add(content[start].clause)
                if calm is not None:
                    calm.add(GOOD)
            continue
        if pattern.topic:
            topics.append((pattern, start, end))
            continue
        if not pattern.positive:
            if pattern.elems[0] not in NEGATORS and (
                _negated_before(content, start, NEGATORS, breakers=True) or _not_a_problem_after(content, end)
            ):
                negated.append((pattern.theme, start, end))
                if calm is not None:
                    calm.add(NEGATED + pattern.theme)
                continue
            weak.append((pattern, start, end, pattern.phrase))
            continue
        neg = _negated_before(content, start, _NEGATED_OR_LACKING, breakers=False) or _lacking_after(content, end)
        if not neg:
            if raw_index is None:
                raw_index = [i for i, t in enumerate(tokens) if not t.stop]
            neg = _improve_marker(tokens, raw_index[start])
        if neg:
            weak.append((pattern, start, end, f"{neg} \u2026 {pattern.phrase}"))
        else:
            plain_positive.append((pattern, start, end))
            if calm is not None:
                calm.add(pattern.theme)
    # A positive read as a weakness inside a negated weakness ("never felt out of my depth")
    # is the same negation seen twice: drop it.
    if negated:
        weak = [
            w
            for w in weak
            if not (
                w[0].positive
                and any(t == w[0].theme and s <= w[2] and w[1] <= e for t, s, e in negated)
            )
        ]
    # A topic ("the coding part", "caching") counts as a weakness unless its clause says it
    # went well, says there was no problem with it, or states the positive form of its theme.
    if topics:
        strong = {(w[0].theme, content[w[1]].clause) for w in weak}
        troubled = _troubled(content, weak)
    for pattern, start, end in topics:
        clause = content[start].clause
        if TOPIC_ALONE and any(t != pattern.theme and c == clause for t, c in strong):
            continue
        if clause in good_clauses or _no_problem_before(content, start) or _not_a_problem_after(content, end):
            continue
        if not troubled or any(t == pattern.theme and s <= start and end <= e for t, s, e in negated):
            continue  # no trouble, or inside a negated weakness: "never felt out of my depth"
        if any(p.theme == pattern.theme and content[ps].clause == clause for p, ps, _ in plain_positive):
            continue
        weak.append((pattern, start, end, pattern.phrase))
    fine = _fine_clauses(tokens) if not present.isdisjoint(_NEGATOR_STEMS) else set()
    if fine:
        # "X was not the problem", "no concerns about my preparation": nothing in that clause is a weakness.
        weak = [w for w in weak if content[w[1]].clause not in fine]
        if calm is not None:
            calm.add(GOOD)
    best: dict[str, tuple[int, str]] = {}
    for pattern, start, end, trigger in weak:
        score = end - start + len(pattern.elems) - (10 if pattern.topic else 0)
        if pattern.theme not in best or score > best[pattern.theme][0]:
            best[pattern.theme] = (score, trigger)
    return [(theme, trigger) for theme, (_, trigger) in best.items()]


_FINE_AFTER_NEGATOR = _NOT_A_PROBLEM
_NEGATED_OR_LACKING = NEGATORS | DEFICIENCY_BEFORE
# _fine_clauses finds nothing in a sentence without a token whose stem is a negator. Stop
# words are not negators, and no stop word's stem is one (tests/analysis/test_themes.py
# checks), so a sentence's content stems tell.
_NEGATOR_STEMS = NEGATORS


def _fine_clauses(tokens: list[Token]) -> set[int]:
    """Clauses that say something was not a problem: a negator followed closely by "problem",
    "issue", "concern", "worry" ("wasn't the problem", "no concerns about"), or
    "never/not in question"."""
    fine: set[int] = set()
    for i, token in enumerate(tokens):
        if token.stem not in NEGATORS:
            continue
        for k in range(i + 1, min(len(tokens), i + 4)):
            if tokens[k].clause != token.clause:
                break
            if tokens[k].stem in _FINE_AFTER_NEGATOR or (
                tokens[k].stem == "question" and tokens[k - 1].word == "in"
            ):
                fine.add(token.clause)
                break
    return fine


def _troubled(content: list[Token], weak: list[tuple[Pattern, int, int, str]]) -> bool:
    """Whether a sentence says something went badly, so that its topic words count.

    It does when it holds a weakness phrase of any theme, a negation (other than "no
    problem") or a word such as "mess", "struggled", "wrong" that is not itself negated:
    "the design round was a mess", "I never mentioned sharding" do; "the system design
    round was with the CTO" does not.
    """
    if weak:
        return True
    n = len(content)
    for i, token in enumerate(content):
        if token.stem in NEGATORS:
            if i + 1 >= n or content[i + 1].stem not in _NOT_A_PROBLEM:
                return True
        elif token.stem in TROUBLE_CUES and not _negated_before(content, i, NEGATORS, breakers=True):
            return True
    return False


_TROUBLE = frozenset({"problem", "issu", "troubl", "struggl", "difficulti", "concern", "worri", "hassl"})


def _no_problem_before(content: list[Token], start: int) -> bool:
    """ "no problem with the coding part", "never struggled with the design" """
    clause = content[start].clause
    seen_trouble = False
    for i in range(start - 1, max(-1, start - 6), -1):
        if content[i].clause != clause:
            return False
        if content[i].stem in _TROUBLE:
            seen_trouble = True
        elif content[i].stem in NEGATORS:
            return seen_trouble or i == start - 1
    return False


# --- one reflection --------------------------------------------------------------------

_PAIR_IGNORE = frozenset(
    """
    interview interview interview interview interview question ask said say think thought felt feel
    went go got get time round compani role job realli like know knew want made make told
    day week start end first second last next mayb well also one two three
    """.split()
)


def _pairs(sentence: str, taxonomy: Taxonomy, tokens: list[Token] | None = None) -> list[Pair]:
    """Uncovered word pairs of a sentence (``tokens``: the sentence's, if already made)."""
    tokens = [t for t in (tokenize(sentence) if tokens is None else tokens) if not t.stop]
    out = []
    for a, b in zip(tokens, tokens[1:]):
        if a.clause != b.clause:
            continue
        if any(
            t.stem in _PAIR_IGNORE or t.stem in NEGATORS or len(t.stem) < 3 or t.stem.isdigit() for t in (a, b)
        ):
            continue
        out.append(Pair(f"{a.stem} {b.stem}", f"{a.word} {b.word}", sentence))
    return out


def _texts(reflection: Reflection) -> Iterable[tuple[str, str]]:
    for i, note in enumerate(reflection.went_wrong):
        yield f"went_wrong[{i}]", note
    for i, note in enumerate(reflection.lessons):
        yield f"lessons[{i}]", note
    if reflection.feedback.text:
        yield "feedback.text", reflection.feedback.text


def model_themes(
    tokens: list[Token], matched: list[tuple[str, str]], taxonomy: Taxonomy, calm: set[str] | None = None
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The statistical model's say on one sentence (enabled built-in themes only; see
    analysis/classifier.py): the lexicon's ``matched`` it keeps, and ``(theme, explanation)``
    for each theme it adds. ``calm``: what :func:`match_tokens` read as fine."""
    from reflect.analysis import classifier

    lexicon = {theme for theme, _ in matched}
    added, dropped = classifier.load().combine(tokens, lexicon, taxonomy.model_themes, calm or set())
    if dropped:
        dropped -= {theme for theme, trigger in matched if (theme, trigger) in taxonomy.protected}
    if dropped:
        matched = [(theme, trigger) for theme, trigger in matched if theme not in dropped]
    return matched, added


SENTENCE_CACHE_SIZE = 50_000
"""Sentences whose result is kept per taxonomy (the cache is emptied when full)."""


def _sentence(sentence: str, taxonomy: Taxonomy) -> tuple[tuple[tuple[str, str, str], ...], tuple[Pair, ...] | None]:
    """What one sentence gives: ``(theme, trigger, kind)`` of its hits, and its uncovered
    pairs when it has none. Pure, so kept per taxonomy: journals repeat sentences."""
    cache = taxonomy.sentence_cache
    found = cache.get(sentence)
    if found is not None:
        return found
    tokens = tokenize(sentence)
    calm: set[str] = set()
    matched = match_tokens(tokens, taxonomy, calm)
    added: list[tuple[str, str]] = []
    if taxonomy.model_themes:
        matched, added = model_themes(tokens, matched, taxonomy, calm)
    hits = tuple([(theme, trigger, "text") for theme, trigger in matched] + [(theme, trigger, "model") for theme, trigger in added])
    found = (hits, None if hits else tuple(_pairs(sentence, taxonomy, tokens)))
    if len(cache) >= SENTENCE_CACHE_SIZE:
        cache.clear()
    cache[sentence] = found
    return found


def _scan_text(field_name: str, text: str, taxonomy: Taxonomy, hits: list[Hit], pairs: list[Pair]) -> bool:
    any_hit = False
    for sentence in split_sentences(text):
        found, uncovered = _sentence(sentence, taxonomy)
        if found:
            any_hit = True
            hits.extend([Hit(theme, field_name, sentence, trigger, kind) for theme, trigger, kind in found])
        else:
            pairs.extend(uncovered)  # type: ignore[arg-type]
    return any_hit


def scan(reflection: Reflection, taxonomy: Taxonomy) -> Scan:
    """Everything theme analysis needs from one reflection, as plain data. Never reads went_well."""
    hits: list[Hit] = []
    pairs: list[Pair] = []
    themes = taxonomy.themes
    for field_name, text in _texts(reflection):
        _scan_text(field_name, text, taxonomy, hits, pairs)
    for i, gap in enumerate(reflection.gaps):
        kind = str(gap.kind)
        found = bool(gap.detail) and _scan_text(f"gaps[{i}].detail", gap.detail, taxonomy, hits, pairs)
        theme = GAP_KIND_THEMES.get(kind)
        if not found and theme in themes:
            hits.append(Hit(theme, f"gaps[{i}].kind", gap.detail or f"gap: {kind}", f"gap kind {kind}", "gap"))
    for i, question in enumerate(reflection.questions):
        weak_answer = question.answer_rating is not None and question.answer_rating <= LOW_RATING
        if not (question.stumped or weak_answer):
            continue
        found = False
        if question.stumped:
            found = _scan_text(f"questions[{i}].text", question.text, taxonomy, hits, [])
        if question.better_answer:
            found = _scan_text(f"questions[{i}].better_answer", question.better_answer, taxonomy, hits, []) or found
        theme = QUESTION_KIND_THEMES.get(str(question.kind))
        if question.stumped and not found and theme in themes:
            hits.append(Hit(theme, f"questions[{i}].kind", question.text, f"stumped on a {question.kind} question", "question"))
    for name, theme in RATING_THEMES.items():
        value = getattr(reflection.ratings, name)
        if value is not None and value <= LOW_RATING and theme in themes:
            hits.append(Hit(theme, f"ratings.{name}", f"{name} rated {value}/5", f"low {name} rating", "rating"))
    for tag in reflection.tags:
        if tag in themes:
            hits.append(Hit(tag, "tags", f"tagged {tag}", f"tag {tag}", "tag"))
    return Scan(hits, pairs)


def match_reflection(reflection: Reflection, taxonomy: Taxonomy) -> list[Hit]:
    """The theme evidence in one reflection (pure: same reflection and taxonomy, same hits)."""
    return scan(reflection, taxonomy).hits


def themes_of(reflection: Reflection, taxonomy: Taxonomy) -> set[str]:
    return {h.theme for h in match_reflection(reflection, taxonomy)}


# --- many reflections ------------------------------------------------------------------


class Evidence(NamedTuple):
    """One piece of evidence for a theme: a hit and the reflection it is in (its id and date).
    A named tuple: a report at 10,000 reflections holds 100,000 of these, and ``--json``
    writes them as rows of a :class:`~reflect.views.jsontext.Table` without a dict each."""

    id: str
    date: str
    field: str
    text: str
    trigger: str
    kind: str

    def to_json(self) -> dict[str, str]:
        return dict(zip(self._fields, self))


@dataclass
class ThemeResult:
    id: str
    label: str
    description: str
    count: int
    share: float
    interviews: list[str]
    evidence: list[Evidence]
    first_seen: str
    last_seen: str
    months: dict[str, int]
    verdict: str
    rejected: tuple[int, int]
    succeeded: tuple[int, int]
    stages: dict[str, int]
    actions: list[str]
    recurring: bool

    @property
    def rejected_share(self) -> float | None:
        count, total = self.rejected
        return count / total if total else None

    @property
    def succeeded_share(self) -> float | None:
        count, total = self.succeeded
        return count / total if total else None

    @property
    def contrast(self) -> float | None:
        """Share among rejections minus share among offers and advances (None if either is empty)."""
        r, s = self.rejected_share, self.succeeded_share
        return None if r is None or s is None else r - s

    @property
    def rejections_only(self) -> bool:
        return self.rejected[0] > 0 and self.succeeded[0] == 0 and self.succeeded[1] > 0

    def best_quote(self) -> Evidence | None:
        """The most telling sentence: from text, preferring feedback and what went wrong, then recent."""
        order = {"feedback": 0, "went_wrong": 1, "lessons": 2, "gaps": 3, "questions": 4}
        texts = [e for e in self.evidence if e.kind in ("text", "model")] or self.evidence
        if not texts:
            return None
        # min() by (field's rank, newest date, shortest text), in three cheaper steps that pick
        # the same (first) piece: the best rank, then the newest date among those, then the
        # shortest text among those.
        ranks = {f: order.get(f.split("[")[0].split(".")[0], 9) for f in {e.field for e in texts}}
        best = min(ranks.values())
        chosen = [e for e in texts if ranks[e.field] == best]
        ordinals = {d: _ordinal(d) for d in {e.date for e in chosen}}
        newest = max(ordinals.values())
        return min((e for e in chosen if ordinals[e.date] == newest), key=lambda e: len(e.text))

    def to_json(self) -> dict[str, Any]:
        from reflect.views.jsontext import Table  # rows of plain strings, written fast

        quote = self.best_quote()
        return {
            "id": self.id,
            "label": self.label,
            "description": self.description,
            "count": self.count,
            "share": round(self.share, 4),
            "recurring": self.recurring,
            "interviews": self.interviews,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "trend": {"months": self.months, "verdict": self.verdict},
            "outcome_contrast": {
                "rejected": {"count": self.rejected[0], "of": self.rejected[1], "share": _round(self.rejected_share)},
                "offer_or_advanced": {
                    "count": self.succeeded[0],
                    "of": self.succeeded[1],
                    "share": _round(self.succeeded_share),
                },
                "difference": _round(self.contrast),
                "rejections_only": self.rejections_only,
            },
            "stages": self.stages,
            "best_quote": quote.to_json() if quote else None,
            "actions": self.actions,
            "evidence": Table(Evidence._fields, self.evidence),
        }


@dataclass
class Emerging:
    words: str
    key: str
    count: int
    interviews: list[str]
    example: str

    def to_json(self) -> dict[str, Any]:
        # as dataclasses.asdict, without deep-copying thousands of ids one by one
        return {"words": self.words, "key": self.key, "count": self.count, "interviews": list(self.interviews), "example": self.example}


@dataclass
class ThemeReport:
    analysed: int
    min_count: int
    themes: list[ThemeResult]
    emerging: list[Emerging]
    skipped: list[str] = field(default_factory=list)
    months: list[str] = field(default_factory=list)
    others: list[ThemeResult] = field(default_factory=list)

    def theme(self, theme_id: str) -> ThemeResult | None:
        for result in self.themes + self.others:
            if result.id == theme_id:
                return result
        return None

    def to_json(self) -> dict[str, Any]:
        return {
            "analysed": self.analysed,
            "skipped": self.skipped,
            "min_count": self.min_count,
            "months": self.months,
            "themes": [t.to_json() for t in self.themes],
            "emerging": [e.to_json() for e in self.emerging],
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _ordinal(iso: str) -> int:
    return dt.date.fromisoformat(iso).toordinal()


def _month(date: dt.date) -> str:
    return f"{date.year:04d}-{date.month:02d}"


def month_range(first: dt.date, last: dt.date) -> list[str]:
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year:04d}-{month:02d}")
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return months


def verdict(flags: Sequence[bool], threshold: float = 0.15) -> str:
    """``improving``, ``steady`` or ``worsening``: the theme's rate in the recent half of the
    interviews (oldest first) against its rate in the earlier half."""
    if len(flags) < 4:
        return "steady"
    half = len(flags) // 2
    earlier, recent = flags[:half], flags[half:]
    diff = sum(recent) / len(recent) - sum(earlier) / len(earlier)
    if diff <= -threshold:
        return "improving"
    if diff >= threshold:
        return "worsening"
    return "steady"


def analyse(
    entries: Sequence[Entry],
    taxonomy: Taxonomy,
    *,
    min_count: int = 2,
    today: dt.date | None = None,
    scans: dict[str, Scan] | None = None,
    skipped: Iterable[object] = (),
    emerging_min: int = 3,
) -> ThemeReport:
    """Themes across already-filtered entries, recurring ones (``count >= min_count``) ranked first.

    ``scans`` may hold cached :func:`scan` results by entry id; missing ones are computed.
    """
    ordered = sorted(entries, key=lambda e: (e.reflection.date, e.id))
    results: dict[str, Scan] = {}
    for entry in ordered:
        cached = scans.get(entry.id) if scans else None
        results[entry.id] = cached if cached is not None else scan(entry.reflection, taxonomy)

    months: list[str] = []
    if ordered:
        last = ordered[-1].reflection.date
        if today is not None and today > last:
            last = today
        months = month_range(ordered[0].reflection.date, last)

    # Each entry's facts once, by its place in ``ordered``: a theme's evidence refers to them.
    ids = [e.id for e in ordered]
    dates = [e.reflection.date for e in ordered]
    isos = [d.isoformat() for d in dates]
    month_of = [_month(d) for d in dates]
    outcomes = [str(e.reflection.outcome) for e in ordered]
    rejected_total = sum(1 for o in outcomes if o in REJECTED)
    succeeded_total = sum(1 for o in outcomes if o in SUCCEEDED)

    # theme -> (the place of each hit's entry, the hits), in ``ordered`` order
    by_theme: dict[str, tuple[list[int], list[Hit]]] = {}
    known = taxonomy.themes
    for i, entry in enumerate(ordered):
        for hit in results[entry.id].hits:  # a Hit, or a plain tuple in its fields' order
            theme_id = hit[0]
            if theme_id in known:
                found = by_theme.get(theme_id)
                if found is None:
                    found = by_theme[theme_id] = ([], [])
                found[0].append(i)
                found[1].append(hit)

    out: list[ThemeResult] = []
    n = len(ordered)
    for theme_id, (places, hits) in by_theme.items():
        theme = taxonomy.themes[theme_id]
        first: dict[str, int] = {}  # each entry (by id) once, where it first shows, in order
        for i in places:
            if ids[i] not in first:
                first[ids[i]] = i
        seen = list(first.values())
        month_counts = Counter(map(month_of.__getitem__, seen))
        flags = [ident in first for ident in ids]
        stages = Counter(str(ordered[i].reflection.stage) for i in seen if ordered[i].reflection.stage is not None)
        evidence = [
            Evidence(ids[i], isos[i], hit[1], hit[2], hit[3], hit[4])
            for i, hit in zip(reversed(places), reversed(hits))
        ]
        out.append(
            ThemeResult(
                id=theme_id,
                label=theme.label,
                description=theme.description,
                count=len(seen),
                share=len(seen) / n if n else 0.0,
                interviews=[ids[i] for i in reversed(seen)],
                evidence=evidence,
                first_seen=isos[seen[0]],
                last_seen=isos[seen[-1]],
                months={m: month_counts.get(m, 0) for m in months},
                verdict=verdict(flags),
                rejected=(sum(1 for i in seen if outcomes[i] in REJECTED), rejected_total),
                succeeded=(sum(1 for i in seen if outcomes[i] in SUCCEEDED), succeeded_total),
                stages=dict(stages.most_common()),
                actions=list(theme.actions),
                recurring=len(seen) >= min_count,
            )
        )
    out.sort(key=lambda r: (-rank_score(r), -r.count, r.id))
    recurring = [r for r in out if r.recurring]
    others = [r for r in out if not r.recurring]
    return ThemeReport(
        analysed=n,
        min_count=min_count,
        themes=recurring,
        emerging=_emerging(ordered, results, emerging_min),
        skipped=[str(p) for p in skipped],
        months=months,
        others=others,
    )


def rank_score(result: ThemeResult) -> float:
    """Recurrence, boosted by how much more often the theme shows in rejections than in offers."""
    contrast = result.contrast or 0.0
    return result.count * (1.0 + 2.0 * max(contrast, 0.0))


def _emerging(ordered: Sequence[Entry], results: dict[str, Scan], minimum: int, limit: int = 10) -> list[Emerging]:
    where: dict[str, list[str]] = defaultdict(list)
    first: dict[str, Pair] = {}
    for entry in reversed(ordered):
        seen = set()
        for pair in results[entry.id].pairs:  # a Pair, or a plain tuple in its fields' order
            key = pair[0]
            if key in seen:
                continue
            seen.add(key)
            where[key].append(entry.id)
            first.setdefault(key, pair)
    found = [
        Emerging(first[key][1], key, len(ids), ids, first[key][2])
        for key, ids in where.items()
        if len(ids) >= minimum
    ]
    found.sort(key=lambda e: (-e.count, e.key))
    return found[:limit]
