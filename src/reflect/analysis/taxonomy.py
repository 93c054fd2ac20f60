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
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reflect.analysis.text import stems
from reflect.errors import ConfigError

if TYPE_CHECKING:
    from reflect.config import ThemesConfig

MAX_GAP = 2

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


@dataclass(frozen=True)
class Theme:
    id: str
    label: str
    description: str = ""
    triggers: tuple[str, ...] = ()
    positives: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    builtin: bool = True


@dataclass
class Taxonomy:
    """The enabled themes and an index of their compiled triggers by first stem."""

    themes: dict[str, Theme]
    by_first: dict[str, list[Pattern]] = field(default_factory=dict)
    prefixed: list[Pattern] = field(default_factory=list)
    fingerprint: str = ""

    def theme(self, theme_id: str) -> Theme:
        return self.themes[theme_id]

    @property
    def size(self) -> int:
        return sum(len(v) for v in self.by_first.values()) + len(self.prefixed)


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


def compile_trigger(theme_id: str, trigger: str, positive: bool) -> list[Pattern]:
    contiguous = trigger.startswith("=")
    trigger = trigger.removeprefix("=")
    patterns = []
    seen = set()
    for phrase in expand(trigger):
        elems = []
        for word in phrase.split():
            if word.endswith("*") and len(word) > 1:
                elems.append(word.lower().rstrip("*") + "*")
            else:
                elems.extend(stems(word))
        elems_t = tuple(elems)
        if not elems_t or elems_t in seen or all(e in GENERIC for e in elems_t):
            continue
        if len(elems_t) == 1 and len(phrase.split()) > 1:
            continue  # "in my head" -> "head": the words that made it specific were stop words
        seen.add(elems_t)
        patterns.append(Pattern(theme_id, positive, elems_t, phrase, 0 if contiguous else MAX_GAP))
    return patterns


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
        )
    return themes


def build(config: ThemesConfig | None = None, *, builtin: dict[str, Theme] | None = None) -> Taxonomy:
    """Built-in themes, minus the disabled ones, plus the user's triggers and custom themes."""
    themes = dict(builtin if builtin is not None else load_builtin())
    if config is not None:
        known = set(themes)
        for theme_id in config.disabled:
            if theme_id not in known:
                raise ConfigError(f"themes.disabled: no built-in theme {theme_id!r} (see `reflect themes --list`)")
        for custom in config.custom:
            if custom.id in known:
                raise ConfigError(
                    f"themes.custom: {custom.id!r} is a built-in theme; add triggers with [themes.triggers] instead"
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
                    raise ConfigError(f"themes.{kind}: no theme {theme_id!r}")
                old = themes[theme_id]
                if kind == "triggers":
                    themes[theme_id] = _replace(old, triggers=old.triggers + tuple(words))
                else:
                    themes[theme_id] = _replace(old, positives=old.positives + tuple(words))
        for theme_id in config.disabled:
            themes.pop(theme_id, None)
    return compile_themes(themes)


def _replace(theme: Theme, **changes: tuple[str, ...]) -> Theme:
    from dataclasses import replace

    return replace(theme, **changes)


def compile_themes(themes: dict[str, Theme]) -> Taxonomy:
    taxonomy = Taxonomy(themes=themes)
    for theme in themes.values():
        for positive, triggers in ((False, theme.triggers), (True, theme.positives)):
            for trigger in triggers:
                for pattern in compile_trigger(theme.id, trigger, positive):
                    first = pattern.elems[0]
                    if first.endswith("*"):
                        taxonomy.prefixed.append(pattern)
                    else:
                        taxonomy.by_first.setdefault(first, []).append(pattern)
    digest = hashlib.sha256()
    for theme in themes.values():
        digest.update(json.dumps([theme.id, theme.triggers, theme.positives]).encode())
    taxonomy.fingerprint = digest.hexdigest()[:16]
    return taxonomy


_cache: dict[str, Taxonomy] = {}


def get_taxonomy(config: ThemesConfig | None = None) -> Taxonomy:
    """The compiled taxonomy for a config, compiled once per process."""
    key = config.model_dump_json() if config is not None else ""
    if key not in _cache:
        _cache[key] = build(config)
    return _cache[key]
