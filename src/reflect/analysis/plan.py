"""The development plan: recurring themes turned into focus areas, actions and a checklist.

The plan builder depends on a small, explicit input, :class:`FocusInput` (one per
recurring theme), so that it can be tested with hand-built themes and does not
care how themes were found. :func:`focus_inputs_from_report` maps the theme
engine's report onto it; :func:`theme_inputs` runs the engine.

Ranking (see docs/plan.md): ``count x (1 + 2 x contrast) x max(0.5, 0.9 ** since)`` where
``contrast`` is how much more often the theme shows in rejections than in offers
and advances (0 when it does not, or when there is nothing to compare), and
``since`` is the number of interviews logged after the theme was last seen.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reflect.errors import Ambiguous, NotFound
from reflect.models.entry import Entry
from reflect.models.state import ActionState, ActionStatus, FocusState, PlanState
from reflect.vocab import GapKind, Outcome

if TYPE_CHECKING:
    from reflect.analysis.feedback import Chase

MIN_INTERVIEWS = 2
DEFAULT_TOP = 3
RECENCY_DECAY = 0.9
RECENCY_FLOOR = 0.5
CONTRAST_WEIGHT = 2
REVIEW_DAYS = 14
IMPROVING_AFTER = 3
PRACTICE_ACTIONS = 3
OWN_ACTIONS = 2
MAX_QUOTES = 2
MAX_QUESTIONS = 5
LOW_PREP = 2
RECENT_PREP = 5
MAX_CHECKLIST = 5
MIN_GOOD_PREP = 3  # interviews that went well, with hours, before their preparation is a guide

ACTIVE = "active"
NEW = "new"
IMPROVING = "improving"
RETHINK = "needs a different approach"


# --- the input: one recurring theme -------------------------------------------------------


@dataclass(frozen=True)
class EvidenceItem:
    """One sentence (or rating, tag, gap kind...) that showed a theme in one reflection."""

    id: str
    date: str
    field: str
    text: str


@dataclass(frozen=True)
class FocusInput:
    """What the plan needs to know about one recurring theme."""

    theme: str
    label: str
    count: int
    interviews: tuple[str, ...]
    evidence: tuple[EvidenceItem, ...]
    last_seen: str
    actions: tuple[str, ...] = ()
    rejected_share: float | None = None
    succeeded_share: float | None = None
    description: str = ""

    @property
    def contrast(self) -> float:
        """How much more often in rejections than in offers and advances (0 if not, or unknown)."""
        if self.rejected_share is None or self.succeeded_share is None:
            return 0.0
        return max(0.0, self.rejected_share - self.succeeded_share)


def rank(inputs: Iterable[FocusInput], entries: Sequence[Entry]) -> list[tuple[float, FocusInput]]:
    """Themes by score, best first; ties by count, mentions, the most recent, then id."""
    dates = sorted(e.reflection.date.isoformat() for e in entries)
    scored = []
    for item in inputs:
        since = sum(1 for d in dates if d > item.last_seen)
        recency = max(RECENCY_FLOOR, RECENCY_DECAY**since)
        scored.append((item.count * (1 + CONTRAST_WEIGHT * item.contrast) * recency, item))
    scored.sort(key=lambda s: s[1].theme)
    scored.sort(key=lambda s: s[1].last_seen, reverse=True)
    # Equal scores: more interviews first, then more mentions (a stronger signal).
    scored.sort(key=lambda s: (-round(s[0], 9), -s[1].count, -len(s[1].evidence)))
    return scored


# --- the output ---------------------------------------------------------------------------


@dataclass
class Focus:
    theme: str
    label: str
    description: str
    count: int
    interviews: list[str]
    last_seen: str
    score: float
    contrast: float
    rejected_share: float | None
    succeeded_share: float | None
    evidence: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    actions: list[ActionState]
    questions: list[dict[str, Any]]
    planned_on: dt.date
    review_on: dt.date
    status: str
    status_reason: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "theme": self.theme,
            "label": self.label,
            "description": self.description,
            "count": self.count,
            "interviews": self.interviews,
            "last_seen": self.last_seen,
            "score": round(self.score, 4),
            "rejected_share": _round(self.rejected_share),
            "offer_share": _round(self.succeeded_share),
            "status": self.status,
            "status_reason": self.status_reason,
            "planned_on": self.planned_on.isoformat(),
            "review_on": self.review_on.isoformat(),
            "evidence": self.evidence,
            "actions": [action_json(a) for a in self.actions],
            "questions": self.questions,
        }


@dataclass
class Plan:
    today: dt.date
    analysed: int
    focus: list[Focus] = field(default_factory=list)
    chases: list[Chase] = field(default_factory=list)
    checklist: list[str] = field(default_factory=list)
    message: str | None = None
    #: Themes found in one interview only: not planned until they come back (labels).
    seen_once: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "generated_on": self.today.isoformat(),
            "analysed": self.analysed,
            "message": self.message,
            "focus": [f.to_json() for f in self.focus],
            "feedback_to_chase": [c.to_json() for c in self.chases],
            "checklist": self.checklist,
            "seen_once": self.seen_once,
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def action_json(action: ActionState) -> dict[str, Any]:
    return {"id": action.id, **action.model_dump(mode="json", exclude_none=True, exclude={"id"})}


# --- stable action ids --------------------------------------------------------------------


def action_id(theme: str, text: str, taken: Iterable[str] = ()) -> str:
    """``conciseness-3f2a``: the theme and a short hash of the action's words.

    The same text always gets the same id, so rebuilding the plan never renumbers.
    Only a clash with a different action's id makes it longer.
    """
    normal = " ".join(re.findall(r"[a-z0-9]+", text.lower()))
    digest = hashlib.sha256(f"{theme}\n{normal}".encode()).hexdigest()
    taken = set(taken)
    for length in range(4, len(digest) + 1):
        ident = f"{theme}-{digest[:length]}"
        if ident not in taken:
            return ident
    return f"{theme}-{digest}"  # pragma: no cover - a full sha256 clash


# --- building ------------------------------------------------------------------------------


def build_plan(
    entries: Sequence[Entry],
    inputs: Iterable[FocusInput],
    state: PlanState,
    *,
    today: dt.date,
    top: int = DEFAULT_TOP,
    chase_days: int = 7,
    match_text: Callable[[str], set[str]] | None = None,
    seen_once: Sequence[str] = (),
) -> Plan:
    """The plan for today. Adds new focus areas and actions to ``state`` (in place), never
    removes or changes progress already there. ``seen_once``: the labels of themes found in
    one interview only, said apart so that the user knows why they are not planned."""
    from reflect.analysis.feedback import to_chase

    plan = Plan(today=today, analysed=len(entries), seen_once=list(seen_once))
    plan.chases = to_chase(entries, today=today, chase_days=chase_days)
    plan.checklist = checklist(entries)
    if len(entries) < MIN_INTERVIEWS:
        have = "no interviews yet" if not entries else "1 interview so far"
        plan.message = (
            f"A plan needs what keeps coming back: log at least {MIN_INTERVIEWS} interviews "
            f"with `reflect log` ({have})."
        )
        return plan
    by_id = {e.id: e for e in entries}
    chosen = rank(inputs, entries)[:top]
    if not chosen:
        plan.message = (
            f"No weakness has come back in {MIN_INTERVIEWS} or more of your {len(entries)} interviews yet. "
            "Note what went wrong after each one (--went-wrong, --gap, --stumped) and the plan will follow."
        )
        return plan
    for score, item in chosen:
        plan.focus.append(_focus(item, score, entries, by_id, state, today, match_text))
    return plan


def _focus(
    item: FocusInput,
    score: float,
    entries: Sequence[Entry],
    by_id: dict[str, Entry],
    state: PlanState,
    today: dt.date,
    match_text: Callable[[str], set[str]] | None,
) -> Focus:
    focus_state = state.focus_for(item.theme)
    if focus_state is None:
        focus_state = FocusState(theme=item.theme, planned_on=today)
        state.focus.append(focus_state)
    actions = _actions(item, entries, state, today, match_text)
    status, reason = _status(item, entries, focus_state, actions, today)
    return Focus(
        theme=item.theme,
        label=item.label,
        description=item.description,
        count=item.count,
        interviews=list(item.interviews),
        last_seen=item.last_seen,
        score=score,
        contrast=item.contrast,
        rejected_share=item.rejected_share,
        succeeded_share=item.succeeded_share,
        evidence=_evidence(item, by_id),
        quotes=_quotes(item, by_id),
        actions=actions,
        questions=_questions(item, by_id),
        planned_on=focus_state.planned_on,
        review_on=review_date(focus_state.planned_on, today),
        status=status,
        status_reason=reason,
    )


def review_date(planned_on: dt.date, today: dt.date) -> dt.date:
    """Every :data:`REVIEW_DAYS` days from the day the focus area was planned: the next one due."""
    steps = max(1, -(-(today - planned_on).days // REVIEW_DAYS))
    return planned_on + dt.timedelta(days=REVIEW_DAYS * steps)


def _company(by_id: dict[str, Entry], ident: str) -> str:
    entry = by_id.get(ident)
    return entry.reflection.company if entry else ""


_FIELD_ORDER = {"feedback": 0, "went_wrong": 1, "questions": 2, "gaps": 3, "lessons": 4}


def _field_rank(item: EvidenceItem) -> tuple[int, int]:
    base = item.field.split("[")[0].split(".")[0]
    # Sentences the user wrote beat ratings, tags and kinds.
    derived = item.field.startswith(("ratings", "tags")) or item.field.endswith(".kind")
    return (1 if derived else 0, _FIELD_ORDER.get(base, 9))


def _evidence(item: FocusInput, by_id: dict[str, Entry]) -> list[dict[str, Any]]:
    """One piece of evidence per interview (the most telling), newest interview first."""
    best: dict[str, EvidenceItem] = {}
    for ev in item.evidence:
        if ev.id not in best or _field_rank(ev) < _field_rank(best[ev.id]):
            best[ev.id] = ev
    ordered = sorted(best.values(), key=lambda e: (e.date, e.id), reverse=True)
    return [{"id": e.id, "date": e.date, "company": _company(by_id, e.id), "field": e.field, "text": e.text} for e in ordered]


def _quotes(item: FocusInput, by_id: dict[str, Entry]) -> list[dict[str, Any]]:
    """One or two sentences in the user's own words, the most telling first."""
    written = [e for e in item.evidence if _field_rank(e)[0] == 0]
    written.sort(key=lambda e: (e.date, e.id), reverse=True)
    written.sort(key=_field_rank)
    out, seen = [], set()
    for ev in written:
        if ev.text.casefold() in seen or ev.id in {q["id"] for q in out}:
            continue
        seen.add(ev.text.casefold())
        out.append({"id": ev.id, "date": ev.date, "company": _company(by_id, ev.id), "text": ev.text})
        if len(out) == MAX_QUOTES:
            break
    return out


_QUESTION_FIELD = re.compile(r"^questions\[(\d+)\]")


def _questions(item: FocusInput, by_id: dict[str, Entry]) -> list[dict[str, Any]]:
    """The stumped (or badly answered) questions behind a theme, newest first, each once."""
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for ev in sorted(item.evidence, key=lambda e: (e.date, e.id), reverse=True):
        match = _QUESTION_FIELD.match(ev.field)
        entry = by_id.get(ev.id)
        if not match or entry is None:
            continue
        index = int(match.group(1))
        if index >= len(entry.reflection.questions):
            continue
        q = entry.reflection.questions[index]
        if q.text.casefold() in seen:
            continue
        seen.add(q.text.casefold())
        out.append(
            {
                "text": q.text,
                "kind": str(q.kind),
                "id": entry.id,
                "company": entry.reflection.company,
                "date": entry.reflection.date.isoformat(),
                "stumped": q.stumped,
                "answer_rating": q.answer_rating,
                "better_answer": q.better_answer,
            }
        )
    return out[:MAX_QUESTIONS]


def _own_steps(theme: str, entries: Sequence[Entry], match_text: Callable[[str], set[str]] | None) -> list[str]:
    """The user's own next steps that speak to the theme, newest first."""
    if match_text is None:
        return []
    out: list[str] = []
    for entry in sorted(entries, key=lambda e: (e.reflection.date, e.id), reverse=True):
        for step in entry.reflection.next_steps:
            step = step.strip()
            if step and step not in out and theme in match_text(step):
                out.append(step)
                if len(out) == OWN_ACTIONS:
                    return out
    return out


def _actions(
    item: FocusInput,
    entries: Sequence[Entry],
    state: PlanState,
    today: dt.date,
    match_text: Callable[[str], set[str]] | None,
) -> list[ActionState]:
    wanted = [(t, "practice") for t in item.actions[:PRACTICE_ACTIONS]]
    wanted += [(t, "next-step") for t in _own_steps(item.theme, entries, match_text)]
    actions: list[ActionState] = []
    for text, source in wanted:
        existing = next((a for a in state.actions if a.theme == item.theme and _same(a.text, text)), None)
        if existing is None:
            ident = action_id(item.theme, text, (a.id for a in state.actions))
            existing = ActionState(id=ident, theme=item.theme, text=text, source=source, added_on=today)
            state.actions.append(existing)
        if existing not in actions:
            actions.append(existing)
    # Progress on actions no longer suggested (the taxonomy changed, a next step was edited) stays visible.
    for action in state.actions:
        if action.theme == item.theme and action not in actions and action.status != ActionStatus.TODO:
            actions.append(action)
    return actions


def _same(a: str, b: str) -> bool:
    return re.findall(r"[a-z0-9]+", a.lower()) == re.findall(r"[a-z0-9]+", b.lower())


def _status(
    item: FocusInput,
    entries: Sequence[Entry],
    focus_state: FocusState,
    actions: list[ActionState],
    today: dt.date,
) -> tuple[str, str]:
    """``needs a different approach``, ``improving``, ``new`` or ``active``, with the reason."""
    seen_in = set(item.interviews)
    done = [a.done_on for a in actions if a.status == ActionStatus.DONE and a.done_on is not None]
    if done:
        last_done = max(done)
        back = sorted(
            (e for e in entries if e.id in seen_in and e.reflection.date > last_done),
            key=lambda e: (e.reflection.date, e.id),
        )
        if back:
            return RETHINK, (
                f"came back in {len(back)} interview{'s' if len(back) > 1 else ''} after you finished "
                f"actions on {last_done.isoformat()} (last: {back[-1].id}); try a different kind of practice"
            )
    after = sorted(
        (e for e in entries if e.reflection.date > focus_state.planned_on),
        key=lambda e: (e.reflection.date, e.id),
    )
    recent = after[-IMPROVING_AFTER:]
    if len(recent) == IMPROVING_AFTER and not any(e.id in seen_in for e in recent):
        return IMPROVING, f"not seen in your last {IMPROVING_AFTER} interviews since it was planned"
    begun = any(a.status in (ActionStatus.DONE, ActionStatus.DOING) for a in actions)
    if focus_state.planned_on == today and not begun:
        return NEW, "added to the plan today"
    return ACTIVE, ""


# --- before the next interview ------------------------------------------------------------


def checklist(entries: Sequence[Entry]) -> list[str]:
    """A short list drawn from preparation gaps and low preparation ratings, newest first."""
    ordered = sorted(entries, key=lambda e: (e.reflection.date, e.id), reverse=True)
    items: list[str] = []
    seen: set[str] = set()
    for entry in ordered:
        r = entry.reflection
        for gap in r.gaps:
            detail = gap.detail.strip()
            if gap.kind != GapKind.PREPARATION or not detail or detail.casefold() in seen:
                continue
            seen.add(detail.casefold())
            items.append(f"{detail} (missing in your preparation for {r.company}, {r.date.isoformat()})")
    items = items[: MAX_CHECKLIST - 1]
    rated = [e.reflection for e in ordered if e.reflection.ratings.preparation is not None][:RECENT_PREP]
    low = [r for r in rated if r.ratings.preparation <= LOW_PREP]
    if low:
        line = (
            f"Block preparation time in your calendar: you rated your preparation {LOW_PREP}/5 or lower "
            f"in {len(low)} of your last {len(rated)} rated interviews"
        )
        good = sorted(
            r.prep.hours
            for r in (e.reflection for e in ordered)
            if r.outcome in (Outcome.OFFER, Outcome.ADVANCED) and r.prep.hours is not None
        )
        if len(good) >= MIN_GOOD_PREP:  # fewer would be one interview's habit, not a pattern
            line += f"; interviews that went well had about {statistics.median(good):.1f} hours (the middle of {len(good)})"
        items.insert(0, line + ".")
    return items


# --- changing progress --------------------------------------------------------------------


def find_action(state: PlanState, ident: str) -> ActionState:
    """The action with this id, or the only one whose id starts with it."""
    ident = ident.strip()
    exact = state.action(ident)
    if exact is not None:
        return exact
    matches = [a for a in state.actions if a.id.startswith(ident)] if ident else []
    if not matches:
        raise NotFound(f"no action {ident!r} in the plan (see `reflect plan` for action ids)")
    if len(matches) > 1:
        shown = ", ".join(a.id for a in matches[:5])
        raise Ambiguous(f"{ident!r} matches {len(matches)} actions: {shown}; give more of the id")
    return matches[0]


def set_status(state: PlanState, ident: str, status: ActionStatus, today: dt.date) -> ActionState:
    """Move an action to ``status`` (in place), dating the change; earlier dates are kept."""
    action = find_action(state, ident)
    action.status = status
    if status == ActionStatus.DOING:
        action.started_on = action.started_on or today
    elif status == ActionStatus.DONE:
        action.done_on = today
    elif status == ActionStatus.SKIPPED:
        action.skipped_on = today
    return action


def mark(
    state: PlanState,
    ident: str,
    status: ActionStatus,
    today: dt.date,
    rebuild: Callable[[PlanState], object] | None = None,
) -> ActionState:
    """Set an action's status (in place). An id the plan shows but has not saved yet is
    found by ``rebuild`` on a scratch copy of the state; only that action (and its focus
    area) is then added, so asking never plans themes the user was not shown."""
    try:
        return set_status(state, ident, status, today)
    except NotFound:
        if rebuild is None:
            raise
    scratch = state.model_copy(deep=True)
    rebuild(scratch)
    action = find_action(scratch, ident)
    if state.focus_for(action.theme) is None:
        focus = scratch.focus_for(action.theme)
        state.focus.append(focus or FocusState(theme=action.theme, planned_on=today))
    if state.action(action.id) is None:
        state.actions.append(action)
    return set_status(state, action.id, status, today)


# --- the theme engine ----------------------------------------------------------------------


def focus_inputs_from_report(report: Any, taxonomy: Any = None) -> list[FocusInput]:
    """The plan's input from the theme engine's report (``reflect.analysis.themes.analyse``).

    Uses the recurring themes (``report.themes``) and, for each, ``id``, ``label``,
    ``description``, ``count``, ``interviews``, ``evidence`` (items with ``id``, ``date``,
    ``field``, ``text``), ``last_seen``, ``rejected_share``, ``succeeded_share`` and
    ``actions``; the taxonomy supplies the actions when a result carries none.
    """
    out = []
    for result in report.themes:
        actions = tuple(result.actions)
        if not actions and taxonomy is not None and result.id in taxonomy.themes:
            actions = tuple(taxonomy.themes[result.id].actions)
        out.append(
            FocusInput(
                theme=result.id,
                label=result.label,
                description=result.description,
                count=result.count,
                interviews=tuple(result.interviews),
                evidence=tuple(EvidenceItem(e.id, e.date, e.field, e.text) for e in result.evidence),
                last_seen=result.last_seen,
                actions=actions,
                rejected_share=result.rejected_share,
                succeeded_share=result.succeeded_share,
            )
        )
    return out


def theme_inputs(
    entries: Sequence[Entry], scans: dict[str, Any], taxonomy: Any, today: dt.date
) -> tuple[list[FocusInput], list[str]]:
    """The plan's inputs: the theme engine's report over the entries, from each
    reflection's scan by id (see ``reflect.summaries.journal_themes``; a missing one is
    computed with ``taxonomy``), and the labels of the themes seen in one interview only."""
    from reflect.analysis.themes import analyse

    report = analyse(entries, taxonomy, min_count=MIN_INTERVIEWS, today=today, scans=scans)
    return focus_inputs_from_report(report, taxonomy), [r.label for r in report.others]
