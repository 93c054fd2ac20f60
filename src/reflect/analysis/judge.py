"""Judging what the matcher found in one sentence: is it a weakness of the candidate?

The matcher (:mod:`reflect.analysis.matcher`) finds candidate patterns; this module
decides which stand: a negated weakness ("I wasn't nervous") is calm, a negated or
lacking positive ("not concise", "could have been more concise") is a weakness, a
topic ("the coding part") counts only in a sentence that says something went badly,
and a clause that says something was not a problem holds no weakness.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reflect.analysis.subject import CANDIDATE, about_others, whose
from reflect.analysis.taxonomy import GOOD
from reflect.analysis.text import (
    DEFICIENCY_AFTER,
    DEFICIENCY_BEFORE,
    IMPROVE_MARKERS,
    NEGATION_BREAKERS,
    NEGATORS,
    TROUBLE_CUES,
    Token,
)

if TYPE_CHECKING:
    from reflect.analysis.taxonomy import Pattern

NEGATION_WINDOW = 3
NEGATED = "~"
OTHERS = "_others"  # in calm: the sentence shows a weakness of someone else
TOPIC_ALONE = True

MARKER_WINDOW = 6
_NOT_A_PROBLEM = frozenset({"problem", "issu", "concern", "factor", "worri"})


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
    fine |= _undone_clauses(tokens)
    return fine


# What may stand beside the negator in a clause that only takes back the one before it.
_UNDOING_FILLERS = frozenset("happen actual end all though thank luckili fortun realli that in the it this".split())
# The clause taken back must say it was feared: "I was worried I'd blank" (not "I thought
# I rambled, not once but twice": a report, not a worry).
_FEARED = frozenset("worri afraid scare scared fear feared dread anxious expect expected".split())


def _undone_clauses(tokens: list[Token]) -> set[int]:
    """Clauses taken back by the next one: "I was worried I'd blank on SQL, but I didn't",
    "I feared I would ramble but that never happened": a worry that did not come true."""
    words: dict[int, list[Token]] = {}
    for token in tokens:
        words.setdefault(token.clause, []).append(token)
    clauses = sorted(words)
    undone: set[int] = set()
    for before, after in zip(clauses, clauses[1:]):
        said = [t for t in words[after] if not t.stop]
        if (
            said and said[0].stem in NEGATORS
            and all(t.stem in NEGATORS or t.stem in _UNDOING_FILLERS for t in said)
            and any(t.stem in _FEARED for t in words[before])
        ):
            undone.add(before)
    return undone


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


# --- the verdict on one sentence -------------------------------------------------------------

Found = tuple["Pattern", int, int]  # a pattern and the content tokens it spans (first, last)
Weak = tuple["Pattern", int, int, str]  # ... and the trigger to show for it


def judge(
    tokens: list[Token], content: list[Token], present: set[str], found: list[Found], calm: set[str] | None,
    spans: dict[str, tuple[int, int]] | None = None,
) -> list[tuple[str, str]]:
    """``(theme, trigger)`` for each theme whose candidates stand as a weakness, the
    longest candidate's trigger for each. ``content``: the sentence's tokens without stop
    words (``present``: their stems); ``calm``, when given, receives what the sentence
    says is fine (see :meth:`Matcher.match_tokens <reflect.analysis.matcher.Matcher.match_tokens>`);
    ``spans``, when given, the content tokens (first, last) of each theme's trigger."""
    weak, topics, plain_positive, negated, good_clauses = _sort_out(tokens, content, found, calm)
    # A positive read as a weakness inside a negated weakness ("never felt out of my depth")
    # is the same negation seen twice: drop it.
    if negated:
        weak = [
            w for w in weak if not (w[0].positive and any(t == w[0].theme and s <= w[2] and w[1] <= e for t, s, e in negated))
        ]
    if topics:
        weak += _topics_that_count(content, topics, weak, negated, plain_positive, good_clauses)
    fine = _fine_clauses(tokens) if not present.isdisjoint(_NEGATOR_STEMS) else set()
    if fine:
        # "X was not the problem", "no concerns about my preparation": nothing in that clause is a
        # weakness, and the model is not to find it there either.
        if calm is not None:
            calm.add(GOOD)
            calm.update(NEGATED + w[0].theme for w in weak if content[w[1]].clause in fine)
        weak = [w for w in weak if content[w[1]].clause not in fine]
    if weak:
        # "The interviewer rambled": a weakness, but not the candidate's.
        raw_index = [i for i, t in enumerate(tokens) if not t.stop]
        others = about_others(tokens)  # a topic's trouble is then theirs: "their take-home was badly written"
        kept = [w for w in weak if not (others and w[0].topic) and whose(tokens, raw_index[w[1]], raw_index[w[2]]) == CANDIDATE]
        if calm is not None and len(kept) < len(weak):
            calm.add(OTHERS)
        weak = kept
    best: dict[str, tuple[int, str, int, int]] = {}
    for pattern, start, end, trigger in weak:
        score = end - start + len(pattern.elems) - (10 if pattern.topic else 0)
        if pattern.theme not in best or score > best[pattern.theme][0]:
            best[pattern.theme] = (score, trigger, start, end)
    if spans is not None:
        spans.update((theme, (start, end)) for theme, (_, _, start, end) in best.items())
    return [(theme, trigger) for theme, (_, trigger, _, _) in best.items()]


def _sort_out(
    tokens: list[Token], content: list[Token], found: list[Found], calm: set[str] | None
) -> tuple[list[Weak], list[Found], list[Found], list[tuple[str, int, int]], set[int]]:
    """The candidates by what they say: weaknesses, topics, plain positives, negated
    weaknesses (theme, first, last) and the clauses that say something went well."""
    raw_index: list[int] | None = None  # each content token's place in ``tokens``, made when needed
    weak: list[Weak] = []
    topics: list[Found] = []
    plain_positive: list[Found] = []
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
    return weak, topics, plain_positive, negated, good_clauses


def _topics_that_count(
    content: list[Token],
    topics: list[Found],
    weak: list[Weak],
    negated: list[tuple[str, int, int]],
    plain_positive: list[Found],
    good_clauses: set[int],
) -> list[Weak]:
    """A topic ("the coding part", "caching") counts as a weakness unless its clause says it
    went well, says there was no problem with it, or states the positive form of its theme."""
    strong = {(w[0].theme, content[w[1]].clause) for w in weak}
    troubled = _troubled(content, weak)
    out: list[Weak] = []
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
        out.append((pattern, start, end, pattern.phrase))
    return out
