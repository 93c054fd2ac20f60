"""Drafts of the guided ``reflect log``: the answers so far, kept after every answer.

A draft lives in the journal's ``drafts/`` folder as ``log-<time>.toml`` (private,
written atomically). When the data directory cannot be written, it goes to the
user's state directory instead (``dirs.state_dir()``), so that an unwritable journal
never costs an answer. Saving the reflection removes the draft.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reflect import atomic
from reflect.errors import NotFound, ReflectError, UsageError
from reflect.journal import Journal

PREFIX = "log-"
HEADER = (
    "# reflect log: answers not yet saved as a reflection, kept so that nothing typed is lost.\n"
    "# Continue with `reflect log --resume` (this one: `reflect log --resume --draft {name}`).\n"
)


@dataclass
class Draft:
    """What a draft holds: the answers so far and the step the user was at."""

    path: Path
    answers: dict[str, Any] = field(default_factory=dict)
    step: str = ""
    #: The question the user was at when stopped, and what was on its line, not yet entered.
    question: str = ""
    typed: str = ""

    @property
    def name(self) -> str:
        return self.path.stem


def _clean(value: Any) -> Any:
    """TOML has no null: skipped answers are left out."""
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_clean(v) for v in value if v is not None]
    return value


def as_toml(answers: dict[str, Any]) -> str:
    """The answers alone as TOML: a reflection file ``reflect log --from-file`` reads once complete."""
    import tomli_w

    return tomli_w.dumps(_clean(answers))


class DraftKeeper:
    """Keeps one guided log's answers on disk, in the journal or else in the state directory."""

    def __init__(self, journal: Journal, path: Path | None = None) -> None:
        self.journal = journal
        self.path = path
        #: Why the data directory could not take the draft (said once to the user), if it could not.
        self.fallback: str | None = None
        self.failure: str | None = None

    def keep(self, answers: dict[str, Any], step: str, question: str = "", typed: str = "") -> Path | None:
        """Write the draft now; returns where it is (None if nowhere could take it).

        ``typed`` is text on the line of ``question`` when the user stopped, not yet entered.
        """
        text = self.render(answers, step, question, typed)
        try:
            if self.path is not None:
                atomic.replace(self.path, (HEADER.format(name=self.path.stem) + text).encode("utf-8"))
                return self.path
        except OSError as error:
            self.fallback = self.fallback or f"{self.path.parent}: {error.strerror or error}"
            self.path = None
        for folder in self._folders():
            try:
                name = f"{PREFIX}{dt.datetime.now():%Y%m%d-%H%M%S}"
                self.path = atomic.create_new(folder(), name, (HEADER.format(name=name) + text).encode("utf-8"))
                return self.path
            except (OSError, ReflectError) as error:
                reason = getattr(error, "message", None) or f"{getattr(error, 'filename', None) or ''}: {getattr(error, 'strerror', None) or error}"
                if folder == self._journal_folder:
                    self.fallback = reason.lstrip(": ")
                else:
                    self.failure = reason.lstrip(": ")
        return None

    def render(self, answers: dict[str, Any], step: str, question: str = "", typed: str = "") -> str:
        """The draft's TOML (without its two comment lines)."""
        import tomli_w

        head = {"step": step, "journal": str(self.journal.root), "updated": dt.datetime.now().replace(microsecond=0)}
        if typed:
            head |= {"question": question, "typed": typed}
        return tomli_w.dumps({"draft": head, "answers": _clean(answers)})

    def _folders(self):  # type: ignore[no-untyped-def]
        return [self._journal_folder, _state_folder] if self.fallback is None else [_state_folder]

    def _journal_folder(self) -> Path:
        return self.journal.own_dir(self.journal.drafts)

    @property
    def in_state_dir(self) -> bool:
        return self.path is not None and self.path.parent == state_drafts()

    def discard(self) -> None:
        """Remove the draft (the reflection is saved)."""
        if self.path is not None:
            try:
                self.path.unlink()
            except FileNotFoundError:
                pass
            self.path = None


def state_drafts() -> Path:
    from reflect.dirs import state_dir

    return state_dir() / "drafts"


def _state_folder() -> Path:
    return atomic.ensure_dir(state_drafts())


def find(journal: Journal) -> list[Path]:
    """This journal's log drafts, newest first: its ``drafts/`` and the state directory's."""
    found: list[tuple[float, Path]] = []
    for folder in (journal.drafts, state_drafts()):
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            path = folder / name
            if not (name.startswith(PREFIX) and name.endswith(".toml")):
                continue
            if folder != journal.drafts and _journal_of(path) != str(journal.root):
                continue
            try:
                found.append((path.stat().st_mtime, path))
            except OSError:
                continue
    return [p for _, p in sorted(found, key=lambda item: (item[0], item[1].name), reverse=True)]


def _journal_of(path: Path) -> str | None:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8")).get("draft", {}).get("journal")
    except (OSError, ValueError):
        return None


def named(journal: Journal, name: str) -> Path:
    """The draft called ``name`` (any unique start of it, with or without ``.toml``)."""
    stem = name.strip().removesuffix(".toml")
    drafts = find(journal)
    matches = [p for p in drafts if p.stem == stem] or [p for p in drafts if p.stem.startswith(stem)]
    if not matches:
        raise NotFound(f"no log draft named {name!r}" + (f"; drafts: {', '.join(p.stem for p in drafts)}" if drafts else ""))
    if len(matches) > 1:
        raise UsageError(f"{name!r} matches {len(matches)} drafts: {', '.join(p.stem for p in matches)}")
    return matches[0]


def load(path: Path) -> Draft:
    """Read a draft back; a damaged one is reported, never removed."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ReflectError(f"{path}: cannot read this draft ({error}); it is left as it is") from None
    answers = data.get("answers", {})
    if not isinstance(answers, dict):
        raise ReflectError(f"{path}: not a log draft; it is left as it is")
    head = data.get("draft", {}) if isinstance(data.get("draft"), dict) else {}
    return Draft(path, answers, str(head.get("step", "")), str(head.get("question", "")), str(head.get("typed", "")))


def rotate(key: str, count: int) -> int:
    """The next of ``count`` turns for ``key`` (0, 1, 2... then 0 again), remembered in the user's
    state directory (outside the journal, so never in its history) so that the same words are never
    shown twice in a row. Best effort: where nothing can be written, the first turn."""
    import tomli_w

    from reflect.dirs import state_dir

    path = state_dir() / "turns.toml"
    try:
        seen = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        seen = {}
    last = seen.get(key)
    turn = (last + 1) % count if isinstance(last, int) and not isinstance(last, bool) else 0
    try:
        atomic.ensure_dir(path.parent)
        atomic.replace(path, tomli_w.dumps({**seen, key: turn}).encode("utf-8"))
    except OSError:
        pass
    return turn


_STAMPED = re.compile(r"(?P<base>.+)-(?P<stamp>\d{8}-\d{6})(?:-\d+)?")
BACKUP = "-before-drill"
"""How drill names the copy of a file whose better answer it replaced."""

#: What each kind of kept draft is, in words (``{about}``: the reflection it belongs to).
KINDS = {
    "log": "guided log, not saved",
    "editor": "log --editor, not saved",
    "edit": "edit of {about}, not saved",
    "answer": "drill answer for {about}",
    "backup": "{about} as it was before drill saved a better answer",
    "other": "not a draft reflect wrote",
}


@dataclass
class Kept:
    """One kept draft, whatever wrote it, as ``reflect drafts`` lists it."""

    path: Path
    #: One of :data:`KINDS`.
    kind: str
    updated: dt.datetime
    #: Company, role and date where the draft names them, else the reflection it belongs to.
    about: str
    #: The command that carries it on, if one does.
    resume: str

    @property
    def name(self) -> str:
        return self.path.stem


def kept(journal: Journal) -> list[Kept]:
    """Every draft of this journal, newest first: guided logs (also those in the state
    directory), and what ``log --editor``, ``edit`` and ``drill`` kept when they could not save."""
    paths = set(find(journal))
    try:
        paths |= {journal.drafts / n for n in os.listdir(journal.drafts) if n.endswith(".toml") and not n.startswith(".")}
    except OSError:
        pass
    found = []
    for path in paths:
        try:
            updated = dt.datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)
        except OSError:
            continue
        found.append(_describe(path, updated))
    return sorted(found, key=lambda item: (item.updated, item.name), reverse=True)


def _describe(path: Path, updated: dt.datetime) -> Kept:
    stamped = _STAMPED.fullmatch(path.stem)
    base = stamped.group("base") if stamped else ""
    if path.stem.startswith(PREFIX):
        try:
            draft = load(path)
        except ReflectError:
            return Kept(path, "log", updated, "(cannot be read)", "")
        facts = " \u00b7 ".join(str(draft.answers[k]) for k in ("company", "role", "date") if draft.answers.get(k))
        return Kept(path, "log", updated, facts, f"reflect log --resume --draft {path.stem}")
    if base == "new":
        return Kept(path, "editor", updated, _facts_in(path), f"reflect log --from-file {path}")
    if base.endswith("-answer"):
        return Kept(path, "answer", updated, base.removesuffix("-answer"), "")
    if base.endswith(BACKUP):
        return Kept(path, "backup", updated, base.removesuffix(BACKUP), "")
    if base:
        return Kept(path, "edit", updated, base, f"reflect edit {base} --draft {path.stem}")
    return Kept(path, "other", updated, "", "")


def _facts_in(path: Path) -> str:
    """Company, role and date of a reflection written in the editor, as far as it reads."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "(not valid TOML yet)"
    return " \u00b7 ".join(str(data[k]) for k in ("company", "role", "date") if isinstance(data.get(k), (str, dt.date)) and data.get(k))


def choose(journal: Journal, names: list[str]) -> list[Kept]:
    """The drafts called ``names`` (any unique start of a name, with or without ``.toml``)."""
    drafts = kept(journal)
    chosen: list[Kept] = []
    for name in names:
        stem = name.strip().removesuffix(".toml")
        matches = [d for d in drafts if d.name == stem] or [d for d in drafts if stem and d.name.startswith(stem)]
        if not matches:
            listed = f"; drafts: {', '.join(d.name for d in drafts)}" if drafts else "; there are no drafts"
            raise NotFound(f"no draft named {name!r}{listed}")
        if len(matches) > 1:
            raise UsageError(f"{name!r} matches {len(matches)} drafts: {', '.join(d.name for d in matches)}")
        if matches[0] not in chosen:
            chosen.append(matches[0])
    return chosen


def edit_of(journal: Journal, name: str, ident: str) -> Kept:
    """The kept draft ``name``, checked to be an unsaved edit of the reflection ``ident``."""
    (draft,) = choose(journal, [name])
    if draft.kind != "edit" or draft.about != ident:
        what = KINDS[draft.kind].format(about=draft.about).removesuffix(", not saved")
        raise UsageError(f"draft {draft.name} is not an edit of {ident} (it is: {what})")
    return draft


def edit_text(draft: Kept, ident: str, current: bytes, changed_at: float) -> str:
    """The text of an edit's draft, to take up again, once sure that the reflection has not
    changed since the edit began (its digest on the draft's first line, or for an older
    draft without it, the times of both files): the draft must never undo a later change."""
    from reflect.errors import Conflict
    from reflect.files import DRAFT_BASE, draft_base_line

    raw = draft.path.read_bytes().decode("utf-8", "surrogateescape")
    first, _, rest = raw.partition("\n")
    if first.startswith(DRAFT_BASE):
        changed = first + "\n" != draft_base_line(current)
        raw = rest
    else:
        changed = changed_at > draft.path.stat().st_mtime
    if changed:
        raise Conflict(
            f"{ident} changed after this edit was kept, and the draft would undo that; nothing was "
            f"replaced. Copy what you need from {draft.path} with `reflect edit {ident}`"
        )
    return raw


def keep_again(draft: Kept, text: str, base: bytes) -> Path:
    """Write an edit taken up from ``draft`` back over it (given up again: one draft, not two)."""
    from reflect.files import draft_base_line

    atomic.replace(draft.path, (draft_base_line(base) + text).encode("utf-8", "surrogateescape"))
    return draft.path


ANSWER_TO = "# Your answer to: "
"""The first line of a drill answer's draft: the question it answers."""


def kept_answer(journal: Journal, ident: str, question: str) -> tuple[Path, str] | None:
    """A drill answer to ``question`` (of reflection ``ident``) typed in a session that was
    stopped, and its text: the newest, to be offered back the next time it is drilled."""
    try:
        names = sorted((n for n in os.listdir(journal.drafts) if n.startswith(f"{ident}-answer-")), reverse=True)
    except OSError:
        return None
    for name in names:
        path = journal.drafts / name
        try:
            first, _, rest = path.read_text(encoding="utf-8").partition("\n")
        except (OSError, ValueError):
            continue
        if first == f"{ANSWER_TO}{question}" and rest.strip():
            return path, rest.strip()
    return None


def remove(drafts: list[Kept]) -> list[Path]:
    """Remove drafts for good; returns those removed (one gone meanwhile is skipped)."""
    removed = []
    for draft in drafts:
        try:
            draft.path.unlink()
        except FileNotFoundError:
            continue
        removed.append(draft.path)
    return removed
