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
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from reflect.analysis.taxonomy import GOOD, MAX_GAP, SINGLE, Pattern, Taxonomy
from tests.analysis.reference.text import (
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
    from reflect.models.entry import Entry
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


@dataclass(frozen=True, slots=True)
class Hit:
    """One piece of evidence for a theme in one reflection.

    ``kind`` is ``text`` (a trigger fired in a sentence), ``model`` (the statistical model
    found the theme in a sentence; ``trigger`` names the words that weighed most), ``tag``, ``gap`` (a gap's kind),
    ``rating`` (a low self-rating) or ``question`` (the kind of a stumped question).
    """

    theme: str
    field: str
    text: str
    trigger: str
    kind: str = "text"

    def to_data(self) -> dict[str, str]:
        return asdict(self)

    @classmethod
    def from_data(cls, data: dict[str, str]) -> Hit:
        return cls(**data)


@dataclass(frozen=True, slots=True)
class Pair:
    """Two neighbouring content words in a sentence no theme covered (an emerging-theme candidate)."""

    key: str
    words: str
    text: str


@dataclass
class Scan:
    hits: list[Hit]
    pairs: list[Pair]

    def to_data(self) -> dict[str, Any]:
        return {"hits": [h.to_data() for h in self.hits], "pairs": [asdict(p) for p in self.pairs]}

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


def _find(pattern: Pattern, content: list[Token], start: int, stems: list[str], first: int = 1) -> int:
    """Index of the last token of ``pattern`` matched from ``start``, or -1.

    ``start`` is where element ``first - 1`` of the pattern matched.
    """
    pos = start
    elems = pattern.elems
    n = len(content)
    for k in range(first, len(elems)):
        elem = elems[k]
        gap = 0 if elems[k - 1] in NEGATORS else pattern.gap
        limit = min(n, pos + 2 + gap)
        if elem[-1] == "*" or elem == "#":
            for j in range(pos + 1, limit):
                if _elem_matches(elem, content[j]):
                    pos = j
                    break
            else:
                return -1
        else:
            try:
                pos = stems.index(elem, pos + 1, limit)
            except ValueError:
                return -1
    return pos


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
    return match_tokens(tokenize(sentence), taxonomy)


_PREFIX_CACHE: dict = {}


def match_tokens(tokens: list[Token], taxonomy: Taxonomy, calm: set[str] | None = None) -> list[tuple[str, str]]:
    """:func:`match_sentence` for an already tokenised sentence.

    ``calm``, when given, receives what the sentence says is fine: the themes of plain
    positives ("I kept it concise"), :data:`NEGATED` + the themes of negated triggers ("I
    wasn't nervous") and :data:`GOOD` when it says something went well.
    """
    content = [t for t in tokens if not t.stop]
    raw_index = [i for i, t in enumerate(tokens) if not t.stop]
    found: list[tuple[Pattern, int, int]] = []
    prefixed = taxonomy.prefixed
    prefix_cache = _PREFIX_CACHE.setdefault(id(taxonomy), {})
    by_first = taxonomy.by_first
    stems = [t.stem for t in content]
    n = len(stems)
    for ci, token in enumerate(content):
        buckets = by_first.get(token.stem)
        if buckets:
            for pattern in buckets.get(SINGLE, ()):
                found.append((pattern, ci, ci))
            # Only the words within reach of this one can be a pattern's second word.
            negator_first = token.stem in NEGATORS
            for j in range(ci + 1, min(n, ci + 2 + MAX_GAP)):
                for pattern in buckets.get(stems[j], ()):
                    if j - ci - 1 > (0 if negator_first else pattern.gap):
                        continue
                    end = _find(pattern, content, j, stems, 2) if len(pattern.elems) > 2 else j
                    if end >= 0:
                        found.append((pattern, ci, end))
            for pattern in buckets.get("", ()):
                end = _find(pattern, content, ci, stems)
                if end >= 0:
                    found.append((pattern, ci, end))
        key = (token.stem, token.word)
        starting = prefix_cache.get(key)
        if starting is None:
            starting = prefix_cache[key] = tuple(p for p in prefixed if _elem_matches(p.elems[0], token))
        for pattern in starting:
            end = _find(pattern, content, ci, stems) if len(pattern.elems) > 1 else ci
            if end >= 0:
                found.append((pattern, ci, end))
    if not found:
        return []
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
        neg = _negated_before(content, start, NEGATORS | DEFICIENCY_BEFORE, breakers=False)
        neg = neg or _lacking_after(content, end) or _improve_marker(tokens, raw_index[start])
        if neg:
            weak.append((pattern, start, end, f"{neg} \u2026 {pattern.phrase}"))
        else:
            plain_positive.append((pattern, start, end))
            if calm is not None:
                calm.add(pattern.theme)
    # A positive read as a weakness inside a negated weakness ("never felt out of my depth")
    # is the same negation seen twice: drop it.
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
    strong = {(w[0].theme, content[w[1]].clause) for w in weak}
    troubled = bool(topics) and _troubled(content, weak)
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
    fine = _fine_clauses(tokens)
    if fine:
        weak = [w for w in weak if content[w[1]].clause not in fine]
        if calm is not None:
            calm.add(GOOD)
    best: dict[str, tuple[int, str]] = {}
    for pattern, start, end, trigger in weak:
        score = end - start + len(pattern.elems) - (10 if pattern.topic else 0)
        if pattern.theme not in best or score > best[pattern.theme][0]:
            best[pattern.theme] = (score, trigger)
    return [(theme, trigger) for theme, (_, trigger) in best.items()]


def _fine_clauses(tokens: list[Token]) -> set[int]:
    fine: set[int] = set()
    for i, token in enumerate(tokens):
        if token.stem not in NEGATORS:
            continue
        for k in range(i + 1, min(len(tokens), i + 4)):
            if tokens[k].clause != token.clause:
                break
            if tokens[k].stem in _NOT_A_PROBLEM or (tokens[k].stem == "question" and tokens[k - 1].word == "in"):
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


def _pairs(sentence: str, taxonomy: Taxonomy) -> list[Pair]:
    tokens = [t for t in tokenize(sentence) if not t.stop]
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
    from tests.analysis.reference import classifier

    lexicon = {theme for theme, _ in matched}
    added, dropped = classifier.load().combine(tokens, lexicon, taxonomy.model_themes, calm or set())
    dropped -= {theme for theme, trigger in matched if (theme, trigger) in taxonomy.protected}
    if dropped:
        matched = [(theme, trigger) for theme, trigger in matched if theme not in dropped]
    return matched, added


def _scan_text(field_name: str, text: str, taxonomy: Taxonomy, hits: list[Hit], pairs: list[Pair]) -> bool:
    any_hit = False
    for sentence in split_sentences(text):
        tokens = tokenize(sentence)
        calm: set[str] = set()
        matched = match_tokens(tokens, taxonomy, calm)
        added: list[tuple[str, str]] = []
        if taxonomy.model_themes:
            matched, added = model_themes(tokens, matched, taxonomy, calm)
        for theme, trigger in matched:
            hits.append(Hit(theme, field_name, sentence, trigger))
        for theme, trigger in added:
            hits.append(Hit(theme, field_name, sentence, trigger, "model"))
        if matched or added:
            any_hit = True
        else:
            pairs.extend(_pairs(sentence, taxonomy))
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


@dataclass(slots=True)
class Evidence:
    id: str
    date: str
    field: str
    text: str
    trigger: str
    kind: str

    def to_json(self) -> dict[str, str]:
        # Not dataclasses.asdict: it deep-copies, and a report at 10,000 reflections holds 100,000 of these.
        return {"id": self.id, "date": self.date, "field": self.field, "text": self.text, "trigger": self.trigger, "kind": self.kind}


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
        return min(
            texts,
            key=lambda e: (order.get(e.field.split("[")[0].split(".")[0], 9), -_ordinal(e.date), len(e.text)),
        )

    def to_json(self) -> dict[str, Any]:
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
            "evidence": [e.to_json() for e in self.evidence],
        }


@dataclass
class Emerging:
    words: str
    key: str
    count: int
    interviews: list[str]
    example: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


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

    rejected_total = sum(1 for e in ordered if str(e.reflection.outcome) in REJECTED)
    succeeded_total = sum(1 for e in ordered if str(e.reflection.outcome) in SUCCEEDED)

    by_theme: dict[str, list[tuple[Entry, Hit]]] = defaultdict(list)
    for entry in ordered:
        for hit in results[entry.id].hits:
            if hit.theme in taxonomy.themes:
                by_theme[hit.theme].append((entry, hit))

    out: list[ThemeResult] = []
    n = len(ordered)
    for theme_id, items in by_theme.items():
        theme = taxonomy.themes[theme_id]
        ids_in_order: list[str] = []
        seen_entries: dict[str, Entry] = {}
        for entry, _ in items:
            if entry.id not in seen_entries:
                seen_entries[entry.id] = entry
                ids_in_order.append(entry.id)
        hit_entries = list(seen_entries.values())
        month_counts = Counter(_month(e.reflection.date) for e in hit_entries)
        flags = [e.id in seen_entries for e in ordered]
        stages = Counter(str(e.reflection.stage) for e in hit_entries if e.reflection.stage is not None)
        evidence = [
            Evidence(entry.id, entry.reflection.date.isoformat(), hit.field, hit.text, hit.trigger, hit.kind)
            for entry, hit in reversed(items)
        ]
        out.append(
            ThemeResult(
                id=theme_id,
                label=theme.label,
                description=theme.description,
                count=len(hit_entries),
                share=len(hit_entries) / n if n else 0.0,
                interviews=list(reversed(ids_in_order)),
                evidence=evidence,
                first_seen=hit_entries[0].reflection.date.isoformat(),
                last_seen=hit_entries[-1].reflection.date.isoformat(),
                months={m: month_counts.get(m, 0) for m in months},
                verdict=verdict(flags),
                rejected=(sum(1 for e in hit_entries if str(e.reflection.outcome) in REJECTED), rejected_total),
                succeeded=(sum(1 for e in hit_entries if str(e.reflection.outcome) in SUCCEEDED), succeeded_total),
                stages=dict(stages.most_common()),
                actions=list(theme.actions),
                recurring=len(hit_entries) >= min_count,
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
        for pair in results[entry.id].pairs:
            if pair.key in seen:
                continue
            seen.add(pair.key)
            where[pair.key].append(entry.id)
            first.setdefault(pair.key, pair)
    found = [
        Emerging(first[key].words, key, len(ids), ids, first[key].text)
        for key, ids in where.items()
        if len(ids) >= minimum
    ]
    found.sort(key=lambda e: (-e.count, e.key))
    return found[:limit]
