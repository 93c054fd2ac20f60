"""The theme taxonomy: the built-in data file plus the user's config, compiled for matching.

Trigger syntax (see docs/themes.md):

* words are normalised and stemmed, stop words are dropped: ``"my answers ran long"``
  compiles to ``answer ran long``;
* ``(a|b|c)`` offers alternatives, and an empty alternative makes a part optional:
  ``"(long|lengthy) (answer|reply|replies)"``, ``"(too |)long"``;
* ``word*`` matches any word starting with ``word``: ``"overqualif*"``;
* a leading ``=`` asks for the words to be next to each other; otherwise up to
  :data:`MAX_GAP` other words may sit between two words of a trigger.

``triggers`` are weakness phrases ("I rambled"); ``positives`` are the good form of the
same theme ("concise", "well prepared"). A positive negated or marked as lacking
("not concise", "poor preparation", "be more concise") is a weakness; a plain
positive ("I kept my answers concise") suppresses the theme in its clause.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reflect.analysis.text import stems
from reflect.errors import ConfigError

if TYPE_CHECKING:
    from reflect.models.config import ThemesConfig

MAX_GAP = 2
SINGLE = "\x00"

# Stems too common to make a trigger on their own: a phrase that compiles to nothing
# else ("went still" once "still" is dropped as a stop word -> "went") is skipped.
GENERIC = frozenset(
    """
    go went gone get got say said make made take took give gave come came keep kept put ask
    tell told think thought know knew feel felt look seem want need like one way time thing
    lot much mani more less too not no never also realli total complet me myself we whi on up
    off out over down back just onli is be do have use
    """.split()
)
DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "themes.toml"

CORE_THEMES = (
    "conciseness",
    "clarity",
    "nerves-confidence",
    "technical-depth",
    "system-design",
    "coding",
    "behavioral-stories",
    "preparation-research",
    "enthusiasm",
    "culture-fit",
    "questions-for-interviewer",
    "salary-negotiation",
    "role-fit",
    "attitude-professionalism",
)


@dataclass(frozen=True, slots=True)
class Pattern:
    """One compiled trigger: a sequence of stems (a stem ending in ``*`` is a prefix)."""

    theme: str
    positive: bool
    elems: tuple[str, ...]
    phrase: str
    gap: int
    topic: bool = False


@dataclass(frozen=True)
class Theme:
    id: str
    label: str
    description: str = ""
    triggers: tuple[str, ...] = ()
    positives: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    builtin: bool = True
    topics: tuple[str, ...] = ()
    # Triggers the user added to a built-in theme in their config: the model never overrides them.
    own_triggers: tuple[str, ...] = ()


@dataclass(eq=False)  # compared and hashed by identity: each has its own matcher (see matcher.matcher_for)
class Taxonomy:
    """The enabled themes and their compiled triggers by first stem: plain data, which
    :class:`~reflect.analysis.matcher.Matcher` arranges for matching."""

    themes: dict[str, Theme]
    # first stem -> second stem ("" when the second word is a wildcard, SINGLE for
    # one-word triggers) -> patterns; a sentence only tries patterns whose first two
    # words it contains.
    by_first: dict[str, dict[str, list[Pattern]]] = field(default_factory=dict)
    prefixed: list[Pattern] = field(default_factory=list)
    fingerprint: str = ""
    # The enabled built-in themes the statistical model may add (see analysis/classifier.py);
    # custom themes are lexicon-only, and an empty set switches the model off.
    model_themes: frozenset[str] = frozenset()
    #: (theme, phrase) of the user's own triggers, which the model must not override
    protected: frozenset[tuple[str, str]] = frozenset()
    #: Whether the note model (analysis/note_model.py) reads whole notes for the model themes.
    reads_notes: bool = False

    def theme(self, theme_id: str) -> Theme:
        return self.themes[theme_id]

    def without_model(self) -> Taxonomy:
        """The same themes matched by the lexicon alone (for measuring what the model adds)."""
        from dataclasses import replace

        return replace(self, model_themes=frozenset(), reads_notes=False, fingerprint=self.lexicon_fingerprint)

    def without_note_model(self) -> Taxonomy:
        """The same themes without the note model (for training it on what the rest finds)."""
        from dataclasses import replace

        return replace(self, reads_notes=False, fingerprint=self.fingerprint + "-notes")

    @property
    def lexicon_fingerprint(self) -> str:
        return self.fingerprint.split("+")[0]

    @property
    def size(self) -> int:
        return sum(len(p) for v in self.by_first.values() for p in v.values()) + len(self.prefixed)


# Phrases saying a part of the interview went well. A topic word ("the coding part")
# in the same clause is then not taken as a weakness.
GOOD = "_good"
GOOD_PHRASES = (
    "(went|go|going|gone|goes) (well|smoothly|fine|great|okay|ok|better than expected)",
    "smoothly", "nailed", "aced", "with ease", "easily", "comfortably", "effortless*",
    "(no|without|never had|never had any|didn't have any) (trouble|problem|problems|issue|issues|difficulty|difficulties)",
    "(with|had) time to spare", "all (tests|test cases) (pass|passed|passing)",
    "(met|matched|accepted) my (number|ask|asking|expectations|salary|figure|counter)",
    "(liked|loved|praised|complimented|impressed by|enjoyed) (my|the|) (design|code|solution|answer|answers|approach|story|stories|questions)",
    "(strong|solid|excellent|great|good) (design|code|solution|answer|answers|approach|coder|candidate|performance)",
    "(big|huge|great|real|clear|marked|significant|massive) (improvement|progress|step up)",
    "(wants|want|wanted|invited|invite) (me|you) (back|onsite|to the next round|to the final)",
)

_ALT = re.compile(r"\(([^()]*)\)")


def expand(trigger: str) -> list[str]:
    """Every plain phrase a trigger stands for: ``"(long|lengthy) answer"`` -> two phrases."""
    match = _ALT.search(trigger)
    if not match:
        return [" ".join(trigger.split())]
    out: list[str] = []
    for option in match.group(1).split("|"):
        out.extend(expand(trigger[: match.start()] + option + trigger[match.end() :]))
    return out


def compile_trigger(theme_id: str, trigger: str, positive: bool, topic: bool = False) -> list[Pattern]:
    contiguous = trigger.startswith("=")
    trigger = trigger.removeprefix("=")
    patterns = []
    seen = set()
    for phrase, elems_t, words in _expansions(trigger):
        if not elems_t or elems_t in seen:
            continue
        if not contiguous:
            if GENERIC.issuperset(elems_t):
                continue  # "went still" -> "went"
            if len(elems_t) == 1 and words > 1 or len(elems_t) * 2 < words:
                continue  # "in my head" -> "head": what made it specific were stop words
        seen.add(elems_t)
        patterns.append(Pattern(theme_id, positive, elems_t, phrase, 0 if contiguous else MAX_GAP, topic))
    return patterns


_word_elems: dict[str, tuple[str, ...]] = {}


def _elems(word: str) -> tuple[str, ...]:
    """What one word of a trigger compiles to: ``#``, a prefix ``word*``, or its content stems."""
    found = _word_elems.get(word)
    if found is None:
        if word == "#":
            found = ("#",)
        elif word.endswith("*") and len(word) > 1:
            found = (word.lower().rstrip("*") + "*",)
        else:
            found = tuple(stems(word))
        _word_elems[word] = found
    return found


def _expansions(trigger: str) -> list[tuple[str, tuple[str, ...], int]]:
    """``(phrase, its elements, its number of words)`` for each phrase of :func:`expand`, in its order.

    A phrase's elements are those of its words, one after the other. When every
    ``(...)`` stands alone between spaces and none is nested, each option's words are
    whole words of the phrase, so each option is compiled once and the phrases are put
    together from the options' words and elements (as ``expand`` would, the first group
    varying slowest), instead of splitting and stemming every phrase again.
    """
    pieces: list[list[tuple[tuple[str, ...], tuple[str, ...]]]] = []
    at = 0
    for match in _ALT.finditer(trigger):
        before, after = trigger[match.start() - 1 : match.start()], trigger[match.end() : match.end() + 1]
        literal = trigger[at : match.start()]
        if "(" in literal or ")" in literal or (before and not before.isspace()) or (after and not after.isspace()):
            return [(phrase, _phrase_elems(phrase), len(phrase.split())) for phrase in expand(trigger)]
        pieces.append([_piece(literal)])
        pieces.append([_piece(option) for option in match.group(1).split("|")])
        at = match.end()
    literal = trigger[at:]
    if "(" in literal or ")" in literal:
        return [(phrase, _phrase_elems(phrase), len(phrase.split())) for phrase in expand(trigger)]
    pieces.append([_piece(literal)])
    combined: list[tuple[tuple[str, ...], tuple[str, ...]]] = [((), ())]
    for options in pieces:
        if len(options) == 1:
            words, elems = options[0]
            if words:
                combined = [(w + words, e + elems) for w, e in combined]
        else:
            combined = [(w + words, e + elems) for w, e in combined for words, elems in options]
    return [(" ".join(words), elems, len(words)) for words, elems in combined]


def _piece(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    words = tuple(text.split())
    return words, _phrase_elems(words)


def _phrase_elems(phrase: str | tuple[str, ...]) -> tuple[str, ...]:
    words = phrase.split() if isinstance(phrase, str) else phrase
    if len(words) == 1:
        return _elems(words[0])
    out: list[str] = []
    for word in words:
        out.extend(_elems(word))
    return tuple(out)


def load_builtin(path: Path = DATA_FILE) -> dict[str, Theme]:
    """The themes shipped with reflect, in file order."""
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    themes = {}
    for item in data["theme"]:
        themes[item["id"]] = Theme(
            id=item["id"],
            label=item["label"],
            description=item.get("description", ""),
            triggers=tuple(item.get("triggers", ())),
            positives=tuple(item.get("positives", ())),
            actions=tuple(item.get("actions", ())),
            topics=tuple(item.get("topics", ())),
        )
    return themes


def build(config: ThemesConfig | None = None, *, builtin: dict[str, Theme] | None = None, where: str = "config") -> Taxonomy:
    """Built-in themes, minus the disabled ones, plus the user's triggers and custom themes.

    ``where`` names the config in errors (its path, where the caller knows it)."""
    themes = dict(builtin if builtin is not None else load_builtin())
    if config is not None:
        known = set(themes)
        for theme_id in config.disabled:
            if theme_id not in known:
                raise ConfigError(f"{where}: themes.disabled: no built-in theme {theme_id!r}; built-in ids: {', '.join(sorted(known))}")
        for custom in config.custom:
            if custom.id in known:
                raise ConfigError(
                    f"{where}: themes.custom: {custom.id!r} is a built-in theme; add triggers with [themes.triggers] instead"
                )
            themes[custom.id] = Theme(
                id=custom.id,
                label=custom.label,
                description=custom.description,
                triggers=tuple(custom.triggers),
                positives=tuple(getattr(custom, "positives", ())),
                actions=tuple(custom.actions),
                builtin=False,
            )
        for kind, extra in (("triggers", config.triggers), ("positives", getattr(config, "positives", {}))):
            for theme_id, words in extra.items():
                if theme_id not in themes:
                    raise ConfigError(f"{where}: themes.{kind}: no theme {theme_id!r}; theme ids: {', '.join(sorted(themes))}")
                old = themes[theme_id]
                if kind == "triggers":
                    themes[theme_id] = _replace(old, triggers=old.triggers + tuple(words), own_triggers=old.own_triggers + tuple(words))
                else:
                    themes[theme_id] = _replace(old, positives=old.positives + tuple(words))
        for theme_id in config.disabled:
            themes.pop(theme_id, None)
    return compile_themes(themes)


def _replace(theme: Theme, **changes: tuple[str, ...]) -> Theme:
    from dataclasses import replace

    return replace(theme, **changes)


def protected_phrases(themes: dict[str, Theme]) -> frozenset[tuple[str, str]]:
    return frozenset(
        (theme.id, phrase) for theme in themes.values() for trigger in theme.own_triggers for phrase in expand(trigger.removeprefix("="))
    )


def compile_themes(themes: dict[str, Theme]) -> Taxonomy:
    taxonomy = Taxonomy(themes=themes)
    sources = [(GOOD, False, False, GOOD_PHRASES)]
    for theme in themes.values():
        sources += [(theme.id, False, False, theme.triggers), (theme.id, True, False, theme.positives)]
        sources.append((theme.id, False, True, theme.topics))
    for theme_id, positive, topic, triggers in sources:
        for trigger in triggers:
            for pattern in compile_trigger(theme_id, trigger, positive, topic):
                first = pattern.elems[0]
                if first.endswith("*") or first == "#":
                    taxonomy.prefixed.append(pattern)
                else:
                    second = SINGLE if len(pattern.elems) == 1 else pattern.elems[1]
                    if second.endswith("*") or second == "#":
                        second = ""
                    taxonomy.by_first.setdefault(first, {}).setdefault(second, []).append(pattern)
    taxonomy.protected = protected_phrases(themes)
    digest = hashlib.sha256()
    for theme in themes.values():
        digest.update(json.dumps([theme.id, theme.triggers, theme.positives, theme.topics]).encode())
    taxonomy.fingerprint = digest.hexdigest()[:16]
    from reflect.analysis import classifier

    if classifier.available():
        taxonomy.model_themes = frozenset(t.id for t in themes.values() if t.builtin)
        taxonomy.fingerprint += "+" + classifier.digest()  # a retrained model invalidates cached scans
        from reflect.analysis import note_model

        note_digest = note_model.digest()
        if note_digest:
            taxonomy.reads_notes = True
            taxonomy.fingerprint += "+" + note_digest
    return taxonomy


_cache: dict[str, Taxonomy] = {}


def get_taxonomy(config: ThemesConfig | None = None, where: str = "config") -> Taxonomy:
    """The compiled taxonomy for a config, compiled once per process."""
    key = config.model_dump_json() if config is not None else ""
    if key not in _cache:
        _cache[key] = build(config, where=where)
    return _cache[key]


def unknown_theme(name: str, known: Iterable[str]) -> str:
    """What to say of a theme id nobody knows: the id it most likely meant ("nerves" for
    nerves-confidence, "preperation" for preparation-research), else where to look."""
    import difflib

    known = sorted(known)
    starting = [theme for theme in known if theme.startswith(name.lower())]
    close = starting if len(starting) == 1 else difflib.get_close_matches(name.lower(), known, n=1, cutoff=0.6)
    hint = f"did you mean {close[0]}?" if close else "`reflect themes --list` shows them all"
    return f"no theme {name!r}: {hint}"
