"""The theme matcher: text in, theme hits with their reasons out.

A :class:`Matcher` is made once per taxonomy (:func:`matcher_for`) and owns what
matching needs besides the taxonomy's plain data: the patterns arranged by first
word as words are met, and what each sentence gave (journals repeat sentences).
Matching a sentence is two steps: :meth:`Matcher.candidates` finds the patterns whose
words it holds; :func:`reflect.analysis.judge.judge` decides which stand as a
weakness (negation, topics, "not a problem"). The statistical model then has its say
(:mod:`reflect.analysis.classifier`).
"""

from __future__ import annotations

import re
import weakref
from typing import Any, NamedTuple

from reflect.analysis.judge import NEGATED, Found, judge  # noqa: F401 - NEGATED: what calm holds for a negated theme
from reflect.analysis.subject import CANDIDATE, about_others, whose
from reflect.analysis.taxonomy import MAX_GAP, SINGLE, Pattern, Taxonomy
from reflect.analysis.text import NEGATORS, Token, tokenize

SENTENCE_CACHE_SIZE = 50_000
"""Sentences whose result is kept per matcher (the cache is emptied when full)."""


Sentence = tuple[tuple[tuple[str, str, str], ...], "tuple[Pair, ...] | None", Any, bool, tuple[str, ...]]


class Pair(NamedTuple):
    """Two neighbouring content words in a sentence no theme covered (an emerging-theme candidate)."""

    key: str
    words: str
    text: str


def _elem_matches(elem: str, token: Token) -> bool:
    if elem == "#":
        return token.word.isdigit()
    if elem.endswith("*"):
        prefix = elem[:-1]
        return token.stem.startswith(prefix) or token.word.startswith(prefix)
    return elem == token.stem





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




class Matcher:
    """A taxonomy's patterns arranged for matching, and what matching found so far.

    ``firsts``: first stem -> ``(one-word patterns, {second stem: bucket}, patterns whose
    second element is a wildcard, as (pattern, steps))``, made on first use; a bucket is ``(entries, by third
    stem)``: the entries are ``(pattern, farthest second word, its third stem or None,
    steps from the third element or None)``, and a large bucket's patterns are indexed by
    third stem (see :func:`_bucket`). ``words``: each word seen -> ``(its firsts entry or
    None, the prefix patterns it starts, as (pattern, steps or None))``.

    It keeps no reference to its taxonomy (see :func:`matcher_for`), only the parts it reads.
    """

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.prefixed = taxonomy.prefixed
        # A word can start a prefixed pattern only if it (or its stem) starts with one of
        # these, or it is a number and some pattern starts with ``#``.
        self.heads = tuple(p.elems[0][:-1] for p in self.prefixed if p.elems[0] != "#")
        self.digits = any(p.elems[0] == "#" for p in self.prefixed)
        self.by_first = taxonomy.by_first
        self.model_themes = taxonomy.model_themes
        self.protected = taxonomy.protected
        # Made for a first stem when a word of that stem is first seen: a journal's words
        # start a small share of the taxonomy's patterns.
        self.firsts: dict[str, tuple[Any, ...] | None] = {}
        self.words: dict[str, tuple[Any, tuple[tuple[Pattern, Any], ...]]] = {}
        #: What :meth:`match_sentence` gave for each sentence (next steps repeat).
        self.lexicon: dict[str, tuple[tuple[str, str], ...]] = {}
        #: What :meth:`sentence` gave for each sentence.
        self.sentences: dict[str, Sentence] = {}
        #: The verifier's doubts about each note (see ``themes._doubtful``): notes repeat too.
        self.notes: dict[tuple[bool, str], dict[str, bool]] = {}
        if self.model_themes:
            from reflect.analysis import classifier

            if classifier.available():
                classifier.load()  # made now: cold scans share it with forked workers

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


    def candidates(self, tokens: list[Token]) -> tuple[list[Token], set[str], list[Found]]:
        """The sentence's content tokens (no stop words), their stems, and every pattern
        whose words they hold in order, with the tokens it spans."""
        content = [t for t in tokens if not t.stop]
        found: list[Found] = []
        words = self.words
        stems = [t.stem for t in content]
        present = set(stems)
        for ci, token in enumerate(content):
            info = words.get(token.word)
            if info is None:
                info = self.word(token)
            if info is _NOTHING:
                continue
            first, starting = info
            if first is not None:
                singles, seconds, wild_second = first
                found.extend((pattern, ci, ci) for pattern in singles)
                if seconds:
                    _second_words(seconds, ci, content, stems, present, found)
                if wild_second:
                    _follow(wild_second, ci, ci, content, stems, present, found)
            for pattern, steps in starting:  # _follow, inline: the hottest loop of a cold scan
                end = _find_steps(steps, content, stems, present, ci) if steps is not None else ci
                if end >= 0:
                    found.append((pattern, ci, end))
        return content, present, found

    def match_tokens(self, tokens: list[Token], calm: set[str] | None = None) -> list[tuple[str, str]]:
        """:meth:`match_sentence` for an already tokenised sentence.

        ``calm``, when given, receives what the sentence says is fine: the themes of plain
        positives ("I kept it concise"), :data:`NEGATED` + the themes of negated triggers ("I
        wasn't nervous") and ``GOOD`` when it says something went well.
        """
        content, present, found = self.candidates(tokens)
        if not found:
            return []
        return judge(tokens, content, present, found, calm)

    def match_sentence(self, sentence: str) -> list[tuple[str, str]]:
        """``(theme, trigger)`` for each theme a sentence shows as a weakness, by the lexicon alone."""
        known = self.lexicon
        found = known.get(sentence)
        if found is None:
            if len(known) >= SENTENCE_CACHE_SIZE:
                known.clear()
            found = known[sentence] = tuple(self.match_tokens(tokenize(sentence)))
        return list(found)

    def said(self, sentence: str, trigger: str) -> str:
        """The words of ``sentence`` that the lexicon's ``trigger`` matched, as they were
        written ("role turns out" where the trigger is "role turned out"; with its negation,
        "not sure about my answer"), so that an explanation quotes the user, not the
        taxonomy; "" when the lexicon gave no such trigger here (a learned wording, a
        model's words) or the words cannot be found as written."""
        negation = trigger.rpartition(" \u2026 ")[0]  # "not … concise": a positive, negated
        tokens = tokenize(sentence)
        content, present, found = self.candidates(tokens)
        spans: dict[str, tuple[int, int]] = {}
        judged = judge(tokens, content, present, found, None, spans) if found else []
        theme = next((theme for theme, given in judged if given == trigger), None)
        if theme is None:
            return ""
        raw_index = [i for i, t in enumerate(tokens) if not t.stop]
        first, last = raw_index[spans[theme][0]], raw_index[spans[theme][1]]
        if negation:  # quote the negation too: "not sure about my answer", "conciseness was lacking"
            first, last = _with_negation(tokens, first, last, negation.split()[0])
        return _as_written(sentence, [t.word for t in tokens[first : last + 1]])

    def model_themes_of(
        self, tokens: list[Token], matched: list[tuple[str, str]], calm: set[str] | None = None
    ) -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[float], list[tuple[str, str]]]:
        """The statistical model's say on one sentence (enabled built-in themes only; see
        analysis/classifier.py): the lexicon's ``matched`` it keeps, ``(theme, explanation)``
        for each theme it adds where the words behind it speak of the candidate, its logit
        per theme, and the themes it reached but held back (good news, see
        :meth:`Model.combine <reflect.analysis.classifier.Model.combine>`).
        ``calm``: what :meth:`match_tokens` read as fine."""
        from reflect.analysis import classifier

        lexicon = {theme for theme, _ in matched}
        found, dropped, logits, held = classifier.load().combine(tokens, lexicon, self.model_themes, calm or set())
        added: list[tuple[str, str]] = []
        kept_back: list[tuple[str, str]] = []
        if (found or held) and not about_others(tokens):
            raw_index = [i for i, t in enumerate(tokens) if not t.stop]

            def theirs(first: int, last: int) -> bool:
                return whose(tokens, raw_index[first], raw_index[last]) == CANDIDATE

            added = [(theme, why) for theme, why, (first, last) in found if theirs(first, last)]
            kept_back = [(theme, why) for theme, why, (first, last) in held if theirs(first, last)]
        if dropped:
            dropped -= {theme for theme, trigger in matched if (theme, trigger) in self.protected or len(trigger.split()) >= 3}
        if dropped:
            matched = [(theme, trigger) for theme, trigger in matched if theme not in dropped]
        return matched, added, logits, kept_back

    def sentence(self, sentence: str) -> Sentence:
        """What one sentence gives: ``(theme, trigger, kind)`` of its hits (kind ``text``,
        ``model``, or ``held``: reached by the model but held back, see analysis/verifier.py),
        its uncovered pairs when it has no hit, its signals for the verifier (None
        without the model), whether it speaks only of someone else (see
        analysis/subject.py), and what the lexicon read as fine in it (``calm``: the themes
        whose positive form it states, ``~`` and a theme it negates, :data:`GOOD` when
        something went well). Pure, so kept: journals repeat sentences."""
        cache = self.sentences
        found = cache.get(sentence)
        if found is not None:
            return found
        tokens = tokenize(sentence)
        calm: set[str] = set()
        matched = self.match_tokens(tokens, calm)
        added: list[tuple[str, str]] = []
        held: list[tuple[str, str]] = []
        signals = None
        if self.model_themes:
            from reflect.analysis import classifier
            from reflect.analysis.verifier import sentence_signals

            matched, added, logits, held = self.model_themes_of(tokens, matched, calm)
            if matched or added or held:
                model = classifier.load()
                how = [(t, w, "text") for t, w in matched] + [(t, w, "model") for t, w in added] + [(t, w, "held") for t, w in held]
                signals = sentence_signals(tokens, how, logits, model)
        hits = tuple(
            [(theme, trigger, "text") for theme, trigger in matched]
            + [(theme, trigger, "model") for theme, trigger in added]
            + [(theme, trigger, "held") for theme, trigger in held]
        )
        found = (hits, None if matched or added else tuple(pairs_of(sentence, tokens)), signals, about_others(tokens), tuple(sorted(calm)))  # () when calm: one shared object, not a set per sentence
        if len(cache) >= SENTENCE_CACHE_SIZE:
            cache.clear()
        cache[sentence] = found
        return found


_MATCHERS: weakref.WeakKeyDictionary[Taxonomy, Matcher] = weakref.WeakKeyDictionary()


def matcher_for(taxonomy: Taxonomy) -> Matcher:
    """The matcher of a taxonomy, made once and kept while the taxonomy lives."""
    matcher = _MATCHERS.get(taxonomy)
    if matcher is None:
        matcher = _MATCHERS[taxonomy] = Matcher(taxonomy)
    return matcher


def match_sentence(sentence: str, taxonomy: Taxonomy) -> list[tuple[str, str]]:
    """``(theme, trigger)`` for each theme a sentence shows as a weakness, by the lexicon alone."""
    return matcher_for(taxonomy).match_sentence(sentence)


def match_tokens(tokens: list[Token], taxonomy: Taxonomy, calm: set[str] | None = None) -> list[tuple[str, str]]:
    """:meth:`Matcher.match_tokens` with the taxonomy's matcher."""
    return matcher_for(taxonomy).match_tokens(tokens, calm)


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



def _follow(patterns: Any, start: int, pos: int, content: list[Token], stems: list[str], present: set[str], found: list[Found]) -> None:
    """Append each ``(pattern, steps)`` whose steps match on from ``pos`` (no steps: it ends
    there), as starting at ``start``."""
    for pattern, steps in patterns:
        end = _find_steps(steps, content, stems, present, pos) if steps is not None else pos
        if end >= 0:
            found.append((pattern, start, end))


def _second_words(seconds: dict[str, Any], ci: int, content: list[Token], stems: list[str], present: set[str], found: list[Found]) -> None:
    """The patterns starting at ``ci`` whose second word is one of the next few (only the
    words within reach can be one), by bucket (see :func:`_bucket`)."""
    n = len(stems)
    reach = ci + 2 + MAX_GAP
    for j in range(ci + 1, reach if reach < n else n):
        bucket = seconds.get(stems[j])
        if bucket is None:
            continue
        distance = j - ci - 1
        entries, by_third = bucket
        if by_third is None:
            chosen = [
                (pattern, steps)
                for pattern, farthest, third, steps in entries
                if distance <= farthest and (third is None or third in present)
            ]
        else:
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
            chosen = [(entries[k][0], entries[k][3]) for k in places if distance <= entries[k][1]]
        _follow(chosen, ci, j, content, stems, present, found)


_PAIR_IGNORE = frozenset(
    """
    interview interview interview interview interview question ask said say think thought felt feel
    went go got get time round compani role job realli like know knew want made make told
    day week start end first second last next mayb well also one two three
    """.split()
)


def _with_negation(tokens: list[Token], first: int, last: int, word: str) -> tuple[int, int]:
    """The span ``first``-``last`` stretched to the nearest ``word`` of its clause, before
    it or else after it."""
    clause = tokens[first].clause
    before = [i for i in range(first) if tokens[i].word == word and tokens[i].clause == clause]
    if before:
        return before[-1], last
    after = [i for i in range(last + 1, len(tokens)) if tokens[i].word == word and tokens[i].clause == clause]
    return (first, after[0]) if after else (first, last)


def model_words(sentence: str, trigger: str) -> str:
    """A model's explanation (``model: "not message", "shard"``, the words it weighed, small
    words left out) with each phrase as the sentence writes it (``model: "didn't get the
    message", "sharding"``); phrases that are not in the sentence are left out, unless no
    phrase is."""
    kind, _, phrases = trigger.partition(": ")
    found, kept = [], []
    for phrase in re.findall(r'"([^"]*)"', phrases):
        written = _as_written(sentence, phrase.split(), gap=3) if phrase.split() else ""
        found += [written] if written else []
        kept.append(written or phrase)
    # A cue the model reads from the note's shape ("lacking": a stumped question) is not in
    # its words: shown only when nothing else is.
    return f"{kind}: " + ", ".join(f'"{w}"' for w in (found or kept))


def _as_written(sentence: str, words: list[str], gap: int = 0) -> str:
    """``words`` (lowercase, contractions spelled out) as the sentence writes them, with up
    to ``gap`` small words between two of them (a model leaves those out); "" when they
    cannot be found there (then nothing is quoted that the user did not write)."""
    parts: list[str] = []
    for word in words:
        if word == "not":  # "didn't", "didnt", "can't", "cannot", "did not"; alone, "not" or "n't"
            if parts:
                parts[-1] += r"(?:n?['\u2019]?t|\W*not)"
            else:
                parts.append(r"(?:\w*n['\u2019]?t|\w*not)")
            continue
        parts.append(re.escape(word))
    between = r"(?:\W+[\w'\u2019]+){0,%d}?\W+" % gap if gap else r"\W+"
    spelled = re.search(r"\b" + between.join(parts) + r"\w*\b", sentence, re.IGNORECASE)
    return spelled.group(0) if spelled else ""


def pairs_of(sentence: str, tokens: list[Token] | None = None) -> list[Pair]:
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

