"""Recurring themes: which weaknesses come back, with proof, trend and outcome contrast.

Two steps, both pure:

* :func:`scan` / :func:`match_reflection` read one reflection, sentence by sentence
  through the taxonomy's matcher (:mod:`reflect.analysis.matcher`), and return plain
  data (hits and uncovered word pairs) that depends only on the reflection and the
  taxonomy, so a cache can keep it per file (keyed by the taxonomy's fingerprint);
* :func:`analyse` combines the per-reflection results of a set of entries.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from reflect.analysis import decisions
from reflect.analysis.matcher import NEGATED, SENTENCE_CACHE_SIZE, Pair, matcher_for
from reflect.analysis.taxonomy import GOOD, Taxonomy, Theme
from reflect.analysis.text import split_sentences

if TYPE_CHECKING:
    from reflect.models.entry import Reflected
    from reflect.models import Reflection

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
QUOTE_KINDS = ("text", "model", "note", "learned")  # evidence that quotes a sentence the user wrote

NOTE = "note"
"""The kind of a hit only the note model found (analysis/note_model.py)."""
POSSIBLE = "possible"
"""The kind of a hit the verifier is not sure of: shown apart, never counted."""
HELD = "held"

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


def _texts(reflection: Reflection) -> Iterable[tuple[str, str]]:
    for i, note in enumerate(reflection.went_wrong):
        yield f"went_wrong[{i}]", note
    for i, note in enumerate(reflection.lessons):
        yield f"lessons[{i}]", note
    if reflection.feedback.text:
        yield "feedback.text", reflection.feedback.text


def _scan_text(field_name: str, text: str, taxonomy: Taxonomy, hits: list[Hit], pairs: list[Pair]) -> bool:
    """Add the hits (and, from sentences without any, the uncovered pairs) of one note;
    whether it has a hit that counts. A theme the verifier is not sure of in this note
    is kept as a :data:`POSSIBLE` hit (see analysis/verifier.py) unless the note model
    agrees; a theme only the note model found counts when it is very sure (see
    analysis/note_model.py)."""
    matcher = matcher_for(taxonomy)
    sentence_of = matcher.sentence
    found = [(sentence, *sentence_of(sentence)) for sentence in split_sentences(text)]
    key = (field_name == "feedback.text", text)
    judged = matcher.notes.get(key)
    if judged is None:
        if len(matcher.notes) >= SENTENCE_CACHE_SIZE:
            matcher.notes.clear()
        doubtful = _doubtful(found, key[0], taxonomy)
        judged = matcher.notes[key] = (doubtful, *_read_note(found, doubtful, taxonomy))
    doubtful, agreed, vetoed, read = judged
    any_hit = False
    for sentence, sentence_hits, uncovered, *_ in found:
        for theme, trigger, kind in sentence_hits:
            if kind == HELD:
                if doubtful.get(theme, True):
                    continue  # held back by the model, and not confirmed by the verifier
                kind = "model"
            if (theme in vetoed or (doubtful.get(theme, False) and theme not in agreed)) and (theme, trigger) not in taxonomy.protected:
                kind = POSSIBLE  # the user's own triggers always count
            else:
                any_hit = True
            hits.append(Hit(theme, field_name, sentence, trigger, kind))
        if uncovered:
            pairs.extend(uncovered)
    for theme, sentence, trigger in read:
        hits.append(Hit(theme, field_name, sentence, trigger, NOTE))
        any_hit = True
    return any_hit


def _read_note(
    found: list[tuple[Any, ...]], doubtful: dict[str, bool], taxonomy: Taxonomy
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[str, str, str], ...]]:
    """What the note model changes in one note (``found``: each sentence with what the
    matcher gave); see :func:`reflect.analysis.note_model.read`."""
    if not taxonomy.reads_notes or not taxonomy.model_themes:
        return (), (), ()
    from reflect.analysis import note_model

    # Held back by the sentence model but backed by the verifier: counts (see _scan_text), so raised.
    raised = {hit[0] for row in found for hit in row[1] if hit[2] != HELD or not doubtful.get(hit[0], True)}
    worded = {hit[0] for row in found for hit in row[1] if hit[2] == "text"}
    mine, calm = note_reading(found)
    return note_model.read(mine, raised, worded, doubtful, taxonomy.model_themes - calm)


def note_reading(found: Sequence[tuple[Any, ...]]) -> tuple[list[str], set[str]]:
    """What the note model is given of a note (``found``: each sentence with what the
    matcher gave): the sentences it reads, and the themes it must leave alone."""
    # Not read: sentences about someone else, and good news with no weakness in it.
    mine = [row[0] for row in found if not row[4] and (row[1] or not row[5])]
    calm = {theme.removeprefix(NEGATED) for row in found for theme in row[5]}  # "I wasn't nervous": never nerves
    # "My salary negotiation went smoothly": a theme found beside good news is not backed.
    calm |= {hit[0] for row in found if GOOD in row[5] for hit in row[1]}
    return mine, calm


def _doubtful(found: list[tuple[Any, ...]], feedback: bool, taxonomy: Taxonomy) -> dict[str, bool]:
    """For each theme the verifier weighs in this note, whether it falls short of counting."""
    signals = [row[3] for row in found if row[3] is not None]
    if not signals or not taxonomy.model_themes:
        return {}
    from reflect.analysis import verifier

    judge = verifier.load()
    if judge is None:
        return {}
    known = judge.weights
    return {
        theme: confidence < judge.threshold
        for theme, confidence in judge.confident(signals, feedback).items()
        if "theme=" + theme in known and theme in taxonomy.model_themes
    }


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
    status: str = decisions.SUGGESTED
    """``confirmed`` when the user confirmed the theme on this reflection, else ``suggested``."""

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
    confirmed: int = 0
    """Of ``count`` interviews, those where the user confirmed the theme."""

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

    def best_quote(self, avoid: frozenset[str] | set[str] = frozenset()) -> Evidence | None:
        """The most telling sentence: from text, preferring feedback and what went wrong, then
        recent; one of the texts in ``avoid`` (quoted for another theme) only if there is no other."""
        order = {"feedback": 0, "went_wrong": 1, "lessons": 2, "gaps": 3, "questions": 4}
        texts = [e for e in self.evidence if e.kind in QUOTE_KINDS or (e.kind == decisions.CONFIRMED and e.text != decisions.BY_YOU)]
        texts = texts or self.evidence
        if avoid:
            texts = [e for e in texts if e.text not in avoid] or texts
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


def distinct_quotes(themes: Iterable[ThemeResult]) -> dict[str, Evidence | None]:
    """Each theme's best quote, in order, not repeating a sentence quoted for a theme
    before it when the theme has another: one sentence often holds two themes."""
    quoted: set[str] = set()
    out: dict[str, Evidence | None] = {}
    for theme in themes:
        best = out[theme.id] = theme.best_quote(quoted)
        if best is not None:
            quoted.add(best.text)
    return out


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
    #: Evidence the verifier was not sure of, by theme (most interviews first): shown apart, never counted.
    possible: dict[str, list[Evidence]] = field(default_factory=dict)
    agreement: tuple[int, int] = (0, 0)
    """Of the engine's suggestions the user decided on: (confirmed, decided)."""
    unknown: list[tuple[str, str]] = field(default_factory=list)
    """(reflection id, theme) for each decision on a theme nobody knows (a typo in a
    hand-edited file): it changes nothing, so the user must be told."""

    def theme(self, theme_id: str) -> ThemeResult | None:
        for result in self.themes + self.others:
            if result.id == theme_id:
                return result
        return None


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


def verdict(counts: Sequence[int], interviews: int, threshold: float = 0.15) -> str:
    """``improving``, ``steady``, ``worsening`` or ``too few to tell``, read from the same
    series the sparkline draws: the theme's interviews per month, oldest first.

    The mean of the recent half of the months is compared with the earlier half (the
    middle month of an odd number counts in neither), as a share of the busiest month, so
    "worsening" is a sparkline that rises and "improving" one that falls. Fewer than four
    interviews analysed, a single month, or a theme seen in fewer than three interviews
    cannot show a trend (two points make a line, not a tendency): ``verdict([2], 5)``,
    ``verdict([1, 0, 1], 3)`` and ``verdict([1, 0, 0, 1], 8)`` are ``"too few to tell"``;
    ``verdict([2, 1, 0, 0], 6)`` is ``"improving"``. A theme back in the latest month is
    not improving, whatever came before: ``verdict([1, 1, 0, 0, 1], 8)`` is ``"steady"``.
    """
    if interviews < 4 or len(counts) < 2 or sum(counts) < 3:
        return "too few to tell"
    half = len(counts) // 2
    earlier, recent = counts[:half], counts[len(counts) - half :]
    diff = (sum(recent) - sum(earlier)) / half / (max(counts) or 1)
    if diff <= -threshold:
        return "steady" if counts[-1] else "improving"
    if diff >= threshold:
        return "worsening"
    return "steady"


def analyse(
    entries: Sequence[Reflected],
    taxonomy: Taxonomy,
    *,
    min_count: int = 2,
    today: dt.date | None = None,
    scans: dict[str, Scan] | None = None,
    skipped: Iterable[object] = (),
    emerging_min: int = 3,
) -> ThemeReport:
    """Themes across already-filtered entries, recurring ones (``count >= min_count``) ranked first.

    ``scans`` may hold cached :func:`scan` results by entry id; missing ones are computed
    (from full reflections: a summary always comes with its scan).
    """
    ordered = sorted(entries, key=lambda e: (e.reflection.date, e.id))
    results: dict[str, Scan] = {}
    suggested: dict[str, tuple[str, ...]] = {}
    for entry in ordered:
        cached = scans.get(entry.id) if scans else None
        results[entry.id] = cached if cached is not None else _decided_scan(entry.reflection, taxonomy, suggested, entry.id)

    months: list[str] = []
    if ordered:
        last = ordered[-1].reflection.date
        if today is not None and today > last:
            last = today
        months = month_range(ordered[0].reflection.date, last)
    facts = _Columns(ordered, months)
    counted, possible = _by_theme(ordered, results, taxonomy)
    out = [_result(taxonomy.themes[theme_id], places, hits, facts, min_count) for theme_id, (places, hits) in counted.items()]
    out.sort(key=lambda r: (-rank_score(r), -r.count, r.id))
    return ThemeReport(
        analysed=len(ordered),
        min_count=min_count,
        themes=[r for r in out if r.recurring],
        emerging=_emerging(ordered, results, emerging_min),
        skipped=[str(p) for p in skipped],
        months=months,
        others=[r for r in out if not r.recurring],
        possible={
            theme_id: [Evidence(facts.ids[i], facts.isos[i], hit[1], hit[2], hit[3], hit[4]) for i, hit in zip(reversed(places), reversed(hits))]
            for theme_id, (places, hits) in sorted(possible.items(), key=lambda item: (-len(set(item[1][0])), item[0]))
        },
        agreement=decisions.agreement(
            (suggested.get(e.id, getattr(e.reflection, "suggested", ())), facts.confirmed[i], facts.dismissed[i])
            for i, e in enumerate(ordered)
        ),
        unknown=[(ident, theme) for ident, _, theme in decisions.unknown_themes(zip(facts.ids, facts.confirmed, facts.dismissed), taxonomy.themes)],
    )


def _decided_scan(reflection: Any, taxonomy: Taxonomy, suggested: dict[str, tuple[str, ...]], ident: str) -> Scan:
    """A full reflection's scan with the user's decisions applied (:mod:`~reflect.analysis.decisions`);
    what the engine suggested before them goes into ``suggested``."""
    found = scan(reflection, taxonomy)
    suggested[ident] = tuple(dict.fromkeys(h[0] for h in found.hits))
    confirmed, dismissed = decisions.decisions_of(reflection)
    if confirmed or dismissed:
        found.hits = decisions.apply(found.hits, confirmed, dismissed)
    return found


class _Columns:
    """Each entry's facts once, by its place in date order: a theme's evidence refers to them."""

    def __init__(self, ordered: Sequence[Reflected], months: list[str]) -> None:
        self.months = months
        self.ids = [e.id for e in ordered]
        dates = [e.reflection.date for e in ordered]
        self.isos = [d.isoformat() for d in dates]
        self.month_of = [_month(d) for d in dates]
        self.outcomes = [str(e.reflection.outcome) for e in ordered]
        self.stages = [e.reflection.stage for e in ordered]
        decided = [decisions.decisions_of(e.reflection) for e in ordered]
        self.confirmed = [d[0] for d in decided]
        self.dismissed = [d[1] for d in decided]
        self.rejected_total = sum(1 for o in self.outcomes if o in REJECTED)
        self.succeeded_total = sum(1 for o in self.outcomes if o in SUCCEEDED)


def _by_theme(
    ordered: Sequence[Reflected], results: dict[str, Scan], taxonomy: Taxonomy
) -> tuple[dict[str, tuple[list[int], list[Hit]]], dict[str, tuple[list[int], list[Hit]]]]:
    """theme -> (the place of each hit's entry, the hits), in date order, for the hits that
    count and for the possible ones apart (those of interviews where the theme does not
    count already); unknown themes left out."""
    by_theme: dict[str, tuple[list[int], list[Hit]]] = {}
    possible: dict[str, tuple[list[int], list[Hit]]] = {}
    known = taxonomy.themes
    for i, entry in enumerate(ordered):
        for hit in results[entry.id].hits:  # a Hit, or a plain tuple in its fields' order
            theme_id = hit[0]
            if theme_id in known:
                into = possible if hit[4] == POSSIBLE else by_theme
                found = into.get(theme_id)
                if found is None:
                    found = into[theme_id] = ([], [])
                found[0].append(i)
                found[1].append(hit)
    for theme_id, (places, hits) in list(possible.items()):  # only possible where it does not count already
        counted = set(by_theme[theme_id][0]) if theme_id in by_theme else set()
        kept = [(i, hit) for i, hit in zip(places, hits) if i not in counted]
        if kept:
            possible[theme_id] = ([i for i, _ in kept], [hit for _, hit in kept])
        else:
            del possible[theme_id]
    return by_theme, possible


def _result(theme: Theme, places: list[int], hits: list[Hit], facts: _Columns, min_count: int) -> ThemeResult:
    ids, isos, outcomes = facts.ids, facts.isos, facts.outcomes
    first: dict[str, int] = {}  # each entry (by id) once, where it first shows, in order
    for i in places:
        if ids[i] not in first:
            first[ids[i]] = i
    seen = list(first.values())
    month_counts = Counter(map(facts.month_of.__getitem__, seen))
    per_month = [month_counts.get(m, 0) for m in facts.months]  # what the sparkline draws
    stages = Counter(str(facts.stages[i]) for i in seen if facts.stages[i] is not None)
    confirmed = facts.confirmed
    theme_id = theme.id
    if any(confirmed):
        evidence = [
            Evidence(ids[i], isos[i], hit[1], hit[2], hit[3], hit[4], decisions.CONFIRMED if theme_id in confirmed[i] else decisions.SUGGESTED)
            for i, hit in zip(reversed(places), reversed(hits))
        ]
    else:  # nothing confirmed anywhere: every piece is a suggestion (the common case, 100,000 pieces)
        evidence = [Evidence(ids[i], isos[i], hit[1], hit[2], hit[3], hit[4]) for i, hit in zip(reversed(places), reversed(hits))]
    n = len(ids)
    return ThemeResult(
        id=theme.id,
        label=theme.label,
        description=theme.description,
        count=len(seen),
        share=len(seen) / n if n else 0.0,
        interviews=[ids[i] for i in reversed(seen)],
        evidence=evidence,
        first_seen=isos[seen[0]],
        last_seen=isos[seen[-1]],
        months=dict(zip(facts.months, per_month)),
        verdict=verdict(per_month, n),
        rejected=(sum(1 for i in seen if outcomes[i] in REJECTED), facts.rejected_total),
        succeeded=(sum(1 for i in seen if outcomes[i] in SUCCEEDED), facts.succeeded_total),
        stages=dict(stages.most_common()),
        actions=list(theme.actions),
        recurring=len(seen) >= min_count,
        confirmed=sum(1 for i in seen if theme_id in confirmed[i]),
    )


def rank_score(result: ThemeResult) -> float:
    """Recurrence, boosted by how much more often the theme shows in rejections than in offers."""
    contrast = result.contrast or 0.0
    return result.count * (1.0 + 2.0 * max(contrast, 0.0))


def _emerging(ordered: Sequence[Reflected], results: dict[str, Scan], minimum: int, limit: int = 10) -> list[Emerging]:
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
