"""The one adapter between the store and theme analysis: per-file summaries and the
compiled taxonomy, kept between runs.

The theme engine costs two things per run: compiling the taxonomy (tens of
thousands of patterns) and scanning every reflection. Both depend only on
inputs that rarely change, so both are kept in the cache directory, and both
are thrown away the moment any input changes:

* :class:`ThemeSource` names the inputs with one key (:func:`taxonomy_key`): the
  built-in ``themes.toml``'s bytes, the theme model's hash, the user's ``[themes]``
  config, the source of the analysis code, the stemmer and reflect's version. The compiled taxonomy is
  kept as JSON under that key (``taxonomy-<key>.json``, plus a small
  ``themes-<key>.json`` with the themes alone); a missing, stale or corrupt file
  is compiled again and rewritten, silently.
* a *summary* of each reflection (the facts analyses and filters read: date,
  company, role, stage, outcome, tags; its :class:`~reflect.analysis.themes.Scan`;
  the themes of each of its next steps) is kept in the snapshot of kind :data:`KIND`
  under the same key (see :func:`reflect.derive.derive_all`): one blob for the whole
  journal, each entry used only while its file is unchanged.

:func:`load_summaries` streams: with a warm cache it reads neither the reflections
nor the taxonomy's TOML, and holds small :class:`Summary` objects instead of full
models. Every command that needs themes comes through here: :func:`theme_report`
for ``reflect themes``, :func:`journal_themes` for ``plan`` and ``brief``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reflect.analysis.matcher import matcher_for
from reflect.analysis.taxonomy import Pattern, Taxonomy, Theme, protected_phrases
from reflect.analysis.themes import Scan, scan
from reflect.derive import derive_all

if TYPE_CHECKING:
    from reflect.cache import Cache
    from reflect.errors import Problem
    from reflect.journal import Journal
    from reflect.models import Reflection
    from reflect.models.config import ThemesConfig
    from reflect.models.entry import Entry
    from reflect.analysis.learned import Learned

KIND = "themes"
FORMAT = 5
"""Bump when the shape of a summary or of the taxonomy file changes."""
CODE_FILES = (
    "analysis/text.py", "analysis/taxonomy.py", "analysis/matcher.py", "analysis/judge.py", "analysis/subject.py",
    "analysis/classifier.py", "analysis/verifier.py", "analysis/themes.py", "summaries.py", "data/theme_verifier.json",
    "analysis/decisions.py", "analysis/learned.py", "analysis/note_model.py",
)


# --- what one reflection gives theme analysis ----------------------------------------------


@dataclass(frozen=True, slots=True)
class Facts:
    """What theme analysis and the filters read of a reflection, besides its text."""

    date: dt.date
    company: str
    role: str
    stage: str | None
    outcome: str
    tags: tuple[str, ...]
    confirmed: tuple[str, ...] = ()
    """The user's decisions on its themes (``[themes]``), and the themes the engine
    suggested before them (see :mod:`reflect.analysis.decisions`)."""
    dismissed: tuple[str, ...] = ()
    suggested: tuple[str, ...] = ()


class Summary:
    """One reflection as theme analysis sees it; stands in for a journal ``Entry``
    (``id``, ``path``, ``reflection.date``...) in :func:`~reflect.analysis.themes.analyse`
    and :class:`~reflect.query.Filters` (see :class:`reflect.models.entry.Reflected`).
    (A plain class: ``path`` is made only when asked for.)"""

    __slots__ = ("id", "root", "reflection", "scan")

    def __init__(self, id: str, root: Path, reflection: Facts, scan: Scan) -> None:  # noqa: A002
        self.id = id
        self.root = root
        self.reflection = reflection
        self.scan = scan

    @property
    def path(self) -> Path:
        return self.root / f"{self.id}.toml"


def summarise(reflection: Reflection, taxonomy: Taxonomy, ident: str = "", learned: Learned | None = None) -> tuple[Any, ...]:
    """A reflection's summary as plain data (what the cache keeps): ``(facts, hits, pairs,
    steps)``, with the facts, each hit (five strings) and each pair (three) as tuples.

    The hits are the engine's, then what was ``learned`` from the user's other decisions,
    then this reflection's own decisions (which always win)."""
    from reflect.analysis.text import split_sentences

    match_sentence = matcher_for(taxonomy).match_sentence
    steps = {}
    for step in reflection.next_steps:
        text = step.strip()
        if text and text not in steps:
            steps[text] = sorted({t for s in split_sentences(text) for t, _ in match_sentence(s)})
    facts = (
        reflection.date.isoformat(),
        reflection.company,
        reflection.role,
        None if reflection.stage is None else str(reflection.stage),
        str(reflection.outcome),
        tuple(reflection.tags),
    )
    found = scan(reflection, taxonomy)
    hits, decided = _decided(reflection, found.hits, ident, learned)
    return facts + decided, [tuple(hit) for hit in hits], [tuple(pair) for pair in found.pairs], steps


def _decided(reflection: Reflection, hits: list[Any], ident: str, learned: Learned | None) -> tuple[list[Any], tuple[Any, ...]]:
    """The hits with what was learned and the user's decisions applied, and the facts
    that record them: (confirmed, dismissed, suggested)."""
    from reflect.analysis import decisions
    from reflect.analysis.learned import sentences_of

    if learned:
        hits = learned.apply(hits, sentences_of(reflection), ident)
    suggested = tuple(dict.fromkeys(h[0] for h in hits))
    confirmed, dismissed = decisions.decisions_of(reflection)
    if confirmed or dismissed:
        hits = decisions.apply(hits, confirmed, dismissed, learned.notes(ident) if learned else None)
    return hits, (confirmed, dismissed, suggested)


def _adopt(data: tuple[Any, ...]) -> tuple[Any, ...]:
    """A summary just computed, with its strings interned: theme ids, fields and triggers
    repeat in every reflection (and sentences across reflections), so the process, and the
    snapshot the cache keeps, hold one copy of each."""
    intern = sys.intern
    facts, hits, pairs, steps = data
    date, company, role, stage, outcome, tags, *decided = facts
    facts = (date, intern(company), intern(role), stage if stage is None else intern(stage), intern(outcome), tuple(map(intern, tags)),
             *(tuple(map(intern, themes)) for themes in decided))
    return facts, [tuple(map(intern, hit)) for hit in hits], [tuple(map(intern, pair)) for pair in pairs], steps


def _decoded(data: Any) -> tuple[Facts, Scan, dict[str, list[str]]]:
    """A summary's data read back: raises KeyError, TypeError or ValueError if it is not one."""
    facts, hits, pairs, steps = data
    if type(hits) is not list or type(pairs) is not list or type(steps) is not dict:
        raise TypeError("summary")
    date, company, role, stage, outcome, tags, confirmed, dismissed, suggested = facts
    if not set(map(len, hits)) <= {5} or not set(map(len, pairs)) <= {3}:
        raise ValueError("summary")
    # Plain tuples in the fields' order stand for Hit and Pair (what analyse reads of them).
    decided = (tuple(confirmed), tuple(dismissed), tuple(suggested))
    return Facts(dt.date.fromisoformat(date), company, role, stage, outcome, tuple(tags), *decided), Scan(hits, pairs), steps


# --- the inputs, and the compiled taxonomy kept between runs ---------------------------------


def taxonomy_key(config: ThemesConfig | None) -> str:
    """Changes whenever the taxonomy or a scan could come out differently."""
    from reflect import __version__
    from reflect.analysis import classifier, note_model, taxonomy

    digest = hashlib.sha256(f"{FORMAT}|{__version__}|{sys.version_info[:2]}".encode())
    here = Path(__file__).parent  # the package: CODE_FILES are relative to it
    for name in CODE_FILES:
        digest.update(_read(here / name))
    digest.update(_read(taxonomy.DATA_FILE))
    digest.update(classifier.digest().encode())  # a retrained model gives other scans
    digest.update(note_model.digest().encode())
    digest.update(_stemmer_identity().encode())
    custom = config is not None and config != type(config)()  # the defaults read the same as no config
    digest.update((config.model_dump_json() if custom else "").encode())  # type: ignore[union-attr]
    return digest.hexdigest()[:32]


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b"?"


def _stemmer_identity() -> str:
    import importlib.util

    try:
        spec = importlib.util.find_spec("snowballstemmer")
        folder = Path(next(iter(spec.submodule_search_locations or ())))  # type: ignore[union-attr]
        info = os.stat(folder / "english_stemmer.py")
        return f"{folder}|{info.st_size}|{info.st_mtime_ns}"
    except (ImportError, AttributeError, StopIteration, OSError, ValueError):
        return "?"


def _pattern_data(p: Pattern) -> list[Any]:
    return [p.theme, p.positive, list(p.elems), p.phrase, p.gap, p.topic]


def _pattern(data: list[Any]) -> Pattern:
    theme, positive, elems, phrase, gap, topic = data
    # A cache file is not trusted: anything but the shapes written is refused (the file is rebuilt).
    if not (isinstance(theme, str) and isinstance(phrase, str) and isinstance(elems, list) and all(isinstance(e, str) for e in elems)):
        raise TypeError("malformed pattern")
    return Pattern(theme, bool(positive), tuple(elems), phrase, int(gap), bool(topic))


def _theme_data(t: Theme) -> dict[str, Any]:
    return {
        "id": t.id,
        "label": t.label,
        "description": t.description,
        "triggers": list(t.triggers),
        "positives": list(t.positives),
        "actions": list(t.actions),
        "builtin": t.builtin,
        "own_triggers": list(t.own_triggers),
        "topics": list(t.topics),
    }


def _theme(data: dict[str, Any]) -> Theme:
    tuples = {k: tuple(data[k]) for k in ("triggers", "positives", "actions", "topics", "own_triggers")}
    texts = [data["id"], data["label"], data["description"], *(t for values in tuples.values() for t in values)]
    if not all(isinstance(t, str) for t in texts):
        raise TypeError("malformed theme")  # from a corrupt cache file: rebuilt
    return Theme(id=data["id"], label=data["label"], description=data["description"], builtin=bool(data["builtin"]), **tuples)


class ThemeSource:
    """The taxonomy for one ``[themes]`` config, compiled at most once and only when needed.

    ``cache`` None (``--no-cache``) means nothing is read from or written to the
    cache directory.
    """

    def __init__(self, config: ThemesConfig | None, cache: Cache | None = None, where: str = "config", learned: Learned | None = None) -> None:
        self.config = config
        self.where = where  # names the config in errors
        self.cache = cache
        self.directory = cache.directory if cache is not None else None
        self.key = taxonomy_key(config)
        #: The wordings learned from the user's decisions (learned.toml beside the config, see reflect.learning).
        self.learned = learned
        #: The summaries' fingerprint: the taxonomy's key, and what was learned (which
        #: changes scans but not the taxonomy, so the compiled taxonomy stays kept).
        self.summary_key = self.key + (f"-{learned.digest()}" if learned else "")
        self._compiled: Taxonomy | None = None
        self._themes: Taxonomy | None = None
        self._quoter: Taxonomy | None = None  # the lexicon alone, for quoting (see said)
        #: After :func:`load_summaries`: the themes of each next step seen, by its text.
        self.step_themes: dict[str, set[str]] = {}

    def _file(self, what: str) -> Path | None:
        return self.directory / f"{what}-{self.key}.json" if self.directory is not None else None

    def compiled(self) -> Taxonomy:
        """The full taxonomy (for scanning): from the cache directory, else compiled and stored."""
        if self._compiled is None:
            self._compiled = self._load_compiled() or self._compile()
        return self._compiled

    def said(self, text: str, trigger: str) -> str:
        """The user's words in ``text`` that a trigger phrase matched, to quote in an
        explanation (see ``Matcher.said``), or a model's explanation in the words as
        written (see ``matcher.model_words``). The patterns are compiled (or read from the
        cache) at the first call only, and the statistical models are never loaded."""
        from reflect.analysis.matcher import matcher_for, model_words

        if trigger.startswith(("model: ", "note: ")):
            return model_words(text, trigger)
        if self._quoter is None:
            self._quoter = self.compiled().without_model()
        return matcher_for(self._quoter).said(text, trigger)

    def themes_only(self) -> Taxonomy:
        """The taxonomy's themes and fingerprint without its patterns: enough for
        :func:`~reflect.analysis.themes.analyse` when every scan is known."""
        if self._compiled is not None:
            return self._compiled
        if self._themes is None:
            self._themes = self._load_themes()
            if self._themes is None:
                return self.compiled()
        return self._themes

    def release(self) -> None:
        """Let go of the compiled patterns (tens of megabytes), keeping the themes: once
        every reflection is scanned, analysing needs no more (see :meth:`themes_only`)."""
        compiled, self._compiled = self._compiled, None
        if compiled is not None and self._themes is None:
            self._themes = Taxonomy(
                themes=compiled.themes,
                fingerprint=compiled.fingerprint,
                model_themes=compiled.model_themes,
                protected=compiled.protected,
                reads_notes=compiled.reads_notes,
            )

    def _load_themes(self) -> Taxonomy | None:
        data = _load_json(self._file("themes"))
        try:
            if data is None or data["key"] != self.key:
                return None
            themes = {t["id"]: _theme(t) for t in data["themes"]}
            return Taxonomy(
                themes=themes,
                fingerprint=str(data["fingerprint"]),
                model_themes=frozenset(data["model_themes"]),
                protected=protected_phrases(themes),
                reads_notes=bool(data.get("reads_notes", False)),
            )
        except (KeyError, TypeError, ValueError):
            return None

    def _load_compiled(self) -> Taxonomy | None:
        themes = self._themes or self._load_themes()
        data = _load_json(self._file("taxonomy"))
        if themes is None or data is None:
            return None
        try:
            if data["key"] != self.key:
                return None
            by_first = {
                first: {second: [_pattern(p) for p in patterns] for second, patterns in seconds.items()}
                for first, seconds in data["by_first"].items()
            }
            prefixed = [_pattern(p) for p in data["prefixed"]]
        except (KeyError, TypeError, ValueError, AttributeError):
            return None
        return Taxonomy(
            themes=themes.themes,
            by_first=by_first,
            prefixed=prefixed,
            fingerprint=themes.fingerprint,
            model_themes=themes.model_themes,
            protected=themes.protected,
            reads_notes=themes.reads_notes,
        )

    def _compile(self) -> Taxonomy:
        from reflect.analysis.taxonomy import build

        taxonomy = build(self.config, where=self.where)  # not get_taxonomy: its process-wide copy could never be released
        themes = {
            "key": self.key,
            "fingerprint": taxonomy.fingerprint,
            "themes": [_theme_data(t) for t in taxonomy.themes.values()],
            "model_themes": sorted(taxonomy.model_themes),
            "reads_notes": taxonomy.reads_notes,
        }
        index = {
            "key": self.key,
            "by_first": {
                first: {second: [_pattern_data(p) for p in patterns] for second, patterns in seconds.items()}
                for first, seconds in taxonomy.by_first.items()
            },
            "prefixed": [_pattern_data(p) for p in taxonomy.prefixed],
        }
        self._store("taxonomy", index)
        self._store("themes", themes)  # written last: its presence means both are complete
        return taxonomy

    def _store(self, what: str, data: dict[str, Any]) -> None:
        path = self._file(what)
        if path is None:
            return
        from reflect import atomic

        try:
            atomic.replace(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
            for old in self.directory.glob(f"{what}-*.json"):  # type: ignore[union-attr]
                if old != path:
                    old.unlink(missing_ok=True)
        except OSError:
            pass  # a cache that cannot be written is no cache, not an error

    def _add_steps(self, steps: dict[str, list[str]]) -> None:
        for text, themes in steps.items():
            if text not in self.step_themes:
                self.step_themes[text] = set(themes)


class _Summaries:
    """The recipe of :func:`reflect.derive.derive_all` that makes each reflection's summary."""

    kind = KIND

    def __init__(self, source: ThemeSource) -> None:
        self.source = source
        self.fingerprint = source.summary_key

    def compute(self, entry: Entry) -> tuple[Any, ...]:
        return summarise(entry.reflection, self.source.compiled(), entry.id, self.source.learned)

    def load(self, data: Any) -> tuple[Facts, Scan, dict[str, list[str]]]:
        return _decoded(data)

    def adopt(self, data: tuple[Any, ...]) -> tuple[Any, ...]:
        return _adopt(data)

    def prepare(self) -> None:
        matcher_for(self.source.compiled())  # arranged before the fork, so that the workers share it

    def release(self) -> None:
        self.source.release()


def load_summaries(journal: Journal, source: ThemeSource) -> tuple[list[Summary], list[Problem]]:
    """Every valid reflection's :class:`Summary` (by file order) and the problems of the others.

    Streams through :func:`reflect.derive.derive_all`: with a warm cache no reflection file
    is read and no reflection model is built.
    """
    from reflect.cache import gc_paused

    with gc_paused():
        values, problems = derive_all(journal, _Summaries(source), source.cache)
        summaries = []
        source.step_themes = {}
        root = journal.root
        for ident, (facts, found, steps) in values.items():
            summaries.append(Summary(ident, root, facts, found))
            source._add_steps(steps)
    return summaries, problems


def _load_json(path: Path | None) -> Any:
    if path is None:
        return None
    try:
        with open(path, "rb") as handle:
            return json.loads(handle.read())
    except (OSError, ValueError, RecursionError):  # a corrupt cache file: rebuilt
        return None


class JournalThemes:
    """The theme engine's view of one journal, for commands that also load full
    reflections (``plan``, ``brief``): every reflection's scan by id, the taxonomy's
    themes, and a matcher for other text (next steps)."""

    def __init__(self, summaries: list[Summary], source: ThemeSource) -> None:
        self.scans: dict[str, Scan] = {s.id: s.scan for s in summaries}
        self.source = source
        self._seen: dict[str, set[str]] = dict(source.step_themes)

    @property
    def taxonomy(self) -> Taxonomy:
        return self.source.themes_only()

    def match_text(self, text: str) -> set[str]:
        """The themes a text (a next step, say) shows, by the lexicon alone."""
        from reflect.analysis.text import split_sentences

        # Next steps repeat across reflections ("practise system design"): match each text once.
        if text not in self._seen:
            match = matcher_for(self.source.compiled()).match_sentence
            self._seen[text] = {theme for sentence in split_sentences(text) for theme, _ in match(sentence)}
        return self._seen[text]


def journal_themes(journal: Journal, config: ThemesConfig | None, cache: Cache | None, where: str = "config") -> JournalThemes:
    """The :class:`JournalThemes` of a journal (its bad files are skipped here: the
    command reports them when it loads the reflections)."""
    source = ThemeSource(config, cache, where, learned_of())
    summaries, _ = load_summaries(journal, source)
    return JournalThemes(summaries, source)


def theme_report(
    journal: Journal,
    config: ThemesConfig | None,
    cache: Cache | None,
    filters: Any = None,
    *,
    min_count: int = 2,
    where: str = "config",
) -> tuple[Any, list[Problem]]:
    """``reflect themes``: the :class:`~reflect.analysis.themes.ThemeReport` of the journal's
    reflections (those ``filters`` keeps), and the problems of the files that were skipped."""
    from reflect.analysis.themes import analyse

    source = ThemeSource(config, cache, where, learned_of())
    summaries, problems = load_summaries(journal, source)
    chosen = filters.apply(summaries) if filters is not None else summaries
    skipped = sorted({p.path for p in problems if p.path is not None})
    scans = {s.id: s.scan for s in chosen}
    return analyse(chosen, source.themes_only(), min_count=min_count, skipped=skipped, scans=scans), problems


def learned_of() -> Learned:
    """What the theme engine learned from the user's decisions (see :mod:`reflect.learning`)."""
    from reflect.analysis.learned import Learned
    from reflect.learning import load_learned

    return Learned(load_learned())
