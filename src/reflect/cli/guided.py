"""The guided ``reflect log``: the essentials in seven questions, then save or go deeper.

Every step is a small function that asks its question(s) with the answer so far as
the default and writes into ``session.answers``. Before every question the answers
are kept as a draft (drafts.py), so Ctrl-C, Ctrl-D, a crash or a failed save never
lose a word; ``reflect log --resume`` continues where the user stopped.

``<`` goes back one question (in a section of several, to its first, the answers
given as defaults); the summary before saving changes any answer by its
number. To add a step, write ``def _step(s: Session) -> None`` and list it in
ESSENTIALS or DEEPER with a label and what the summary shows for it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reflect.cli.prompts import Asker, Back, Stopped, comma_list, drop_empty, read_date
from reflect.compose import (
    FORMATS, GAP_KINDS, GAP_WORDS, KIND_WORDS, OUTCOMES, QUESTION_KINDS, STAGES, read_choice, read_format,
    read_outcome, read_stage, split_kind,
)
from reflect.vocab import FeedbackStatus

if TYPE_CHECKING:
    from rich.console import Console

    from reflect.drafts import Draft, DraftKeeper

SUMMARY = "summary"


@dataclass
class Session:
    """One guided log: the answers so far, where they are kept, and how to ask."""

    console: Console
    keeper: DraftKeeper
    answers: dict[str, Any]
    given: set[str] = field(default_factory=set)
    defaults: dict[str, str | None] = field(default_factory=dict)
    step: str = ""
    _kept: str = ""
    _warned: bool = False
    ask: Asker = field(init=False)

    def __post_init__(self) -> None:
        self.ask = Asker(self.console, back=True, before=self.keep)

    def keep(self) -> None:
        """Keep the answers as a draft if they changed since the last time (before every question)."""
        pending = next(iter(self.ask.offer.items()), ("", ""))  # a line typed before a stop, not yet entered
        snapshot = repr((self.step, self.answers, pending))
        if snapshot == self._kept or not self.answers:
            return
        noted = self.keeper.fallback
        self.keeper.keep(self.answers, self.step, *pending)
        self._kept = snapshot
        if self.keeper.path is None and not self._warned:
            self._warned = True
            self.console.print(f"[yellow]  Your answers cannot be kept as a draft anywhere ({_esc(self.keeper.failure or '')}): "
                               "if this stops before saving, they will be shown to copy.[/yellow]")
        if self.keeper.fallback and not noted and self.keeper.path is not None:
            self.console.print(
                f"[yellow]  The data directory cannot be written ({_esc(self.keeper.fallback)}): your answers are "
                f"kept in {_esc(str(self.keeper.path))} instead.[/yellow]"
            )


@dataclass(frozen=True)
class Step:
    key: str
    label: str
    run: Callable[[Session], None]
    shows: Callable[[dict[str, Any]], str]
    keys: tuple[str, ...] = ()

    def given_by_flags(self, session: Session) -> bool:
        return bool(self.keys) and all(k in session.given for k in self.keys)


def _esc(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _text_list(s: Session, key: str, label: str, hint: str = "") -> None:
    """A list field asked as one line (several sentences are fine); Enter keeps what is there."""
    current = list(s.answers.get(key) or [])
    default = "; ".join(current) if current else None
    answer = s.ask.text(label, default=default, hint=hint)
    if answer is None:
        s.answers.pop(key, None)
    elif answer != default:
        s.answers[key] = [answer]


def _company(s: Session) -> None:
    s.answers["company"] = s.ask.text(f"{_n(s)} Company", required=True, default=s.answers.get("company"))


def _role(s: Session) -> None:
    s.answers["role"] = s.ask.text(f"{_n(s)} Role", required=True, default=s.answers.get("role"))


def _date(s: Session) -> None:
    day = s.answers.get("date")
    s.answers["date"] = s.ask.ask(f"{_n(s)} Date", read_date, hint="like yesterday, 2 days ago, 2026-11-20",
                                  default=day.isoformat() if day else "today", required=True)


def _stage(s: Session) -> None:
    s.answers["stage"] = s.ask.choice(f"{_n(s)} Stage", STAGES, default=s.answers.get("stage") or s.defaults.get("stage"),
                                      read=read_stage)


def _outcome(s: Session) -> None:
    s.answers["outcome"] = s.ask.choice(f"{_n(s)} Outcome so far", OUTCOMES, default=s.answers.get("outcome") or "pending",
                                        read=read_outcome)


def _went_wrong(s: Session) -> None:
    _text_list(s, "went_wrong", f"{_n(s)} What went wrong", "weak answers, shaky moments; Enter to skip")


def _went_well(s: Session) -> None:
    _text_list(s, "went_well", f"{_n(s)} What went well", "Enter to skip")


def _n(s: Session) -> str:
    """Where the user is among the essentials: ``(3 of 7)``."""
    keys = [step.key for step in ESSENTIALS]
    return f"({keys.index(s.step) + 1} of {len(keys)})" if s.step in keys else ""


def _details(s: Session) -> None:
    a = s.answers
    a["format"] = s.ask.choice("Format", FORMATS, default=a.get("format") or s.defaults.get("format"), read=read_format)
    for key, label in (("interviewers", "Interviewers"), ("tags", "Tags (remote, referral, dream job...)")):
        current = ", ".join(a.get(key) or [])
        answer = s.ask.ask(label, comma_list, hint="comma-separated; Enter to skip", default=current or None)
        a[key] = answer or []


def _ratings(s: Session) -> None:
    ratings = s.answers.setdefault("ratings", {})
    for name, label in (("preparation", "How prepared were you"), ("confidence", "How confident did you feel"),
                        ("performance", "How well did it go")):
        ratings[name] = s.ask.rating(label, default=ratings.get(name))


def _more(s: Session, items: list[dict[str, Any]], shown: Callable[[dict[str, Any]], str], prompt: str, hint: str) -> Iterator[str]:
    """Answers to a question asked again until Enter, after what was noted so far;
    ``-`` clears that list and asks again."""
    for item in items:
        s.console.print(f"  [dim]already noted: {_esc(shown(item))}[/dim]")
    while answer := s.ask.text(prompt, hint=hint):
        if answer == "-":
            items.clear()
            continue
        yield answer


def _gaps(s: Session) -> None:
    gaps = s.answers.setdefault("gaps", [])
    hint = "kind: detail, like skill: never used Kafka; - clears; Enter when done"
    for answer in _more(s, gaps, lambda gap: f"{gap['kind']}: {gap.get('detail', '')}", "What you lacked", hint):
        try:
            kind, detail = split_kind(answer, GAP_KINDS, GAP_WORDS, required=True)
        except ValueError as error:
            s.console.print(f"  [yellow]{_esc(str(error))}[/yellow]")
            kind = s.ask.choice("  Which kind", GAP_KINDS, read=lambda text: read_choice(text, GAP_KINDS, GAP_WORDS))
            detail = answer.split(":", 1)[1].strip() if ":" in answer else answer
        if kind:
            gaps.append({"kind": kind, "detail": detail})


def _questions(s: Session) -> None:
    questions = s.answers.setdefault("questions", [])
    for question in questions:
        if "stumped" not in question:  # stopped before its follow-ups (a resumed draft): ask them now
            s.console.print(f"  [dim]about: {_esc(question['text'])}[/dim]")
            _follow_ups(s, question)
    hint = "kind: text works too; - clears; Enter when done"
    for text in _more(s, questions, lambda question: question["text"], "A question you were asked", hint):
        try:
            kind, text = split_kind(text, QUESTION_KINDS, KIND_WORDS, required=False)
        except ValueError as error:
            s.console.print(f"  [yellow]{_esc(str(error))}[/yellow]")
            kind, text = None, text.split(":", 1)[1].strip()
        question: dict[str, Any] = {"text": text, "kind": kind or s.ask.choice(
            "  Kind", QUESTION_KINDS, default="other", read=lambda a: read_choice(a, QUESTION_KINDS, KIND_WORDS))}
        questions.append(question)
        _follow_ups(s, question)


def _follow_ups(s: Session, question: dict[str, Any]) -> None:
    question["stumped"] = s.ask.yes("  Did it stump you")
    question["answer_rating"] = s.ask.rating("  How well did you answer", default=question.get("answer_rating"))
    question["better_answer"] = s.ask.text("  A better answer you would give now", default=question.get("better_answer"), hint="Enter to skip")


def _feedback(s: Session) -> None:
    feedback = s.answers.setdefault("feedback", {})
    statuses = [f.value for f in FeedbackStatus]
    status = s.ask.choice("Feedback", statuses, default=feedback.get("status") or "not-requested")
    feedback["status"] = status
    if status == "requested":
        feedback["requested_on"] = s.ask.ask("  Requested on", read_date, default=_iso(feedback.get("requested_on")) or "today")
    if status == "received":
        feedback["received_on"] = s.ask.ask("  Received on", read_date, default=_iso(feedback.get("received_on")) or "today")
        feedback["source"] = s.ask.text("  From whom", default=feedback.get("source"), hint="Enter to skip")
        feedback["text"] = s.ask.text("  What they said", default=feedback.get("text"), hint="Enter to skip")


def _iso(day: Any) -> str | None:
    return day.isoformat() if day else None


def _prep_and_fit(s: Session) -> None:
    prep = s.answers.setdefault("prep", {})
    prep["hours"] = s.ask.number("Hours spent preparing", default=prep.get("hours"))
    done = "; ".join(prep.get("activities") or []) or None
    answer = s.ask.text("What you did to prepare", default=done, hint="Enter to skip")
    if answer != done:
        prep["activities"] = [answer] if answer else []
    ratings = s.answers.setdefault("ratings", {})
    ratings["fit"] = s.ask.rating("How well does the job fit you", default=ratings.get("fit"))
    s.answers["fit_notes"] = s.ask.text("Was this the right job for you, and why", default=s.answers.get("fit_notes"),
                                        hint="Enter to skip")


def _mood_and_next(s: Session) -> None:
    ratings = s.answers.setdefault("ratings", {})
    ratings["mood"] = s.ask.rating("How do you feel now", default=ratings.get("mood"))
    _text_list(s, "lessons", "A lesson to keep", "Enter to skip")
    _text_list(s, "next_steps", "A next step", "Enter to skip")


def _show_list(key: str) -> Callable[[dict[str, Any]], str]:
    return lambda a: "; ".join(a.get(key) or [])


def _show_text(key: str) -> Callable[[dict[str, Any]], str]:
    return lambda a: "" if a.get(key) is None else str(a[key])


def _show_ratings(*names: str) -> Callable[[dict[str, Any]], str]:
    return lambda a: " \u00b7 ".join(f"{n} {a['ratings'][n]}" for n in names if (a.get("ratings") or {}).get(n))


def _show_details(a: dict[str, Any]) -> str:
    parts = [a.get("format") or "", ", ".join(a.get("interviewers") or []), " ".join(f"#{t}" for t in a.get("tags") or [])]
    return " \u00b7 ".join(p for p in parts if p)


def _show_gaps(a: dict[str, Any]) -> str:
    return "; ".join(f"{g['kind']}: {g.get('detail', '')}" for g in a.get("gaps") or [])


def _show_questions(a: dict[str, Any]) -> str:
    questions = a.get("questions") or []
    stumped = sum(bool(q.get("stumped")) for q in questions)
    return "; ".join(q["text"] for q in questions) + (f" ({stumped} stumped you)" if stumped else "")


def _show_feedback(a: dict[str, Any]) -> str:
    feedback = a.get("feedback") or {}
    return " \u00b7 ".join(str(v) for v in (feedback.get("status"), feedback.get("source"), feedback.get("text")) if v)


def _show_prep(a: dict[str, Any]) -> str:
    prep = a.get("prep") or {}
    parts = [f"{prep['hours']:g} h" if prep.get("hours") is not None else "", "; ".join(prep.get("activities") or []),
             _show_ratings("fit")(a), a.get("fit_notes") or ""]
    return " \u00b7 ".join(p for p in parts if p)


def _show_mood(a: dict[str, Any]) -> str:
    parts = [_show_ratings("mood")(a), _show_list("lessons")(a), _show_list("next_steps")(a)]
    return " \u00b7 ".join(p for p in parts if p)


ESSENTIALS = [
    Step("company", "Company", _company, _show_text("company"), ("company",)),
    Step("role", "Role", _role, _show_text("role"), ("role",)),
    Step("date", "Date", _date, _show_text("date"), ("date",)),
    Step("stage", "Stage", _stage, _show_text("stage"), ("stage",)),
    Step("outcome", "Outcome", _outcome, _show_text("outcome"), ("outcome",)),
    Step("went_wrong", "What went wrong", _went_wrong, _show_list("went_wrong"), ("went_wrong",)),
    Step("went_well", "What went well", _went_well, _show_list("went_well"), ("went_well",)),
]
DEEPER = [
    Step("details", "Format, interviewers, tags", _details, _show_details, ("format", "interviewers", "tags")),
    Step("ratings", "How it felt", _ratings, _show_ratings("preparation", "confidence", "performance"), ("ratings",)),
    Step("gaps", "What you lacked", _gaps, _show_gaps, ("gaps",)),
    Step("questions", "Questions", _questions, _show_questions, ("questions",)),
    Step("feedback", "Feedback", _feedback, _show_feedback, ("feedback",)),
    Step("prep", "Preparation and fit", _prep_and_fit, _show_prep, ("prep", "fit_notes")),
    Step("mood", "Mood, lessons, next steps", _mood_and_next, _show_mood, ("lessons", "next_steps")),
]
ALL = ESSENTIALS + DEEPER


def walk(s: Session, steps: list[Step], start: int = 0) -> bool:
    """Ask ``steps`` in order from ``start``, skipping what flags gave; ``<`` goes back one.

    Returns False when the user went back before the first of ``steps``.
    """
    i = start
    while i < len(steps):
        step = steps[i]
        if step.given_by_flags(s):
            i += 1
            continue
        s.step = step.key
        if step in DEEPER:
            s.console.print()
            s.console.rule(f"[bold cyan]More detail \u00b7 {DEEPER.index(step) + 1} of {len(DEEPER)} \u00b7 {step.label}[/bold cyan]",
                           align="left")
        asked = s.ask.asked
        try:
            step.run(s)
        except Back:
            if s.ask.asked - asked > 1:
                continue  # back within a section: its questions again, the answers given as defaults
            earlier = [j for j in range(i) if not steps[j].given_by_flags(s)]
            if not earlier and steps is DEEPER:
                return False
            if not earlier:
                s.console.print("  [dim]This is the first question.[/dim]")
            i = earlier[-1] if earlier else i
            continue
        i += 1
    return True


def review(s: Session) -> None:
    """The summary of what will be saved, until the user saves: Enter saves, ``d`` goes deeper,
    a number changes that answer, ``<`` goes back to the last question."""
    from reflect.views.log import summary

    deeper = any(step.shows(s.answers) for step in DEEPER)
    while True:
        s.step = SUMMARY
        rows = [(n, step.label, step.shows(s.answers)) for n, step in enumerate(ALL, 1)]
        s.console.print()
        s.console.print(summary(rows, len(ESSENTIALS), offer_deeper=not deeper))
        try:
            answer = s.ask._raw("Save it", "(Enter saves \u00b7 d more detail \u00b7 a number changes it \u00b7 < back)").lower()
        except Back:
            steps = DEEPER if deeper else ESSENTIALS
            walk(s, steps, len(steps) - 1)
            continue
        if not answer:
            return
        if answer in {"d", "deeper", "more", "m"}:
            deeper = walk(s, DEEPER) or deeper
        elif answer.isdigit() and 1 <= int(answer) <= len(ALL):
            _change(s, ALL[int(answer) - 1])
        else:
            s.console.print(f"  [yellow]press Enter to save, d for more detail, or a number from 1 to {len(ALL)}[/yellow]")


def _change(s: Session, step: Step) -> None:
    s.step = step.key
    try:
        step.run(s)
    except Back:
        pass


def ask_all(s: Session, resume_at: str = "") -> None:
    """The whole guided log from ``resume_at`` (a step's key, or the start) to the user's Enter on the summary."""
    keys = [step.key for step in ALL]
    if resume_at == SUMMARY:
        review(s)
        return
    if resume_at in keys and keys.index(resume_at) >= len(ESSENTIALS):
        walk(s, DEEPER, keys.index(resume_at) - len(ESSENTIALS))
    else:
        walk(s, ESSENTIALS, keys.index(resume_at) if resume_at in keys else 0)
    review(s)


def reflection_data(s: Session) -> dict[str, Any]:
    """What will be saved: the answers, with empty ones left out and the config's defaults filled in."""
    data = drop_empty({k: v for k, v in s.answers.items()})
    for key in ("stage", "format"):
        if s.defaults.get(key) and key not in data:
            data[key] = s.defaults[key]
    return data


def start(app, given: dict[str, Any], draft: Draft | None = None, known: dict[str, Any] | None = None) -> Session:  # type: ignore[no-untyped-def]
    """Ask for everything the flags did not give (continuing ``draft`` if given; ``known``: answers
    to offer as defaults, such as the earlier round's company for ``--next``); returns the session
    once the user pressed Enter on the summary. Stopping keeps a draft and exits."""
    from reflect.drafts import DraftKeeper

    settings = app.config
    defaults = {key: value.value for key, value in (("stage", settings.default_stage), ("format", settings.default_format)) if value}
    answers = {**(known or {}), **(draft.answers if draft else {}), **given}
    s = Session(app.out, DraftKeeper(app.journal, draft.path if draft else None), answers, set(given), defaults)
    _intro(s, draft)
    if draft is not None and draft.typed:
        s.ask.offer[draft.question] = draft.typed
    try:
        ask_all(s, draft.step if draft else "")
    except Stopped as stop:
        stopped(app, s, stop)
    except KeyboardInterrupt:  # between two questions (while a draft is written, say)
        stopped(app, s, Stopped("stopped"))
    except Exception:
        where = s.keeper.keep(s.answers, s.step) if s.answers else None
        if where is not None:
            app.note(f"reflect stopped on an unexpected error; your answers are kept in {where}")
        raise
    return s


def _intro(s: Session, draft: Draft | None) -> None:
    s.console.print()
    if draft is not None:
        known = ", ".join(str(draft.answers[k]) for k in ("company", "role") if draft.answers.get(k))
        s.console.rule(f"[bold cyan]Continuing the draft {_esc(draft.name)}[/bold cyan]", align="left")
        s.console.print(f"[dim]{_esc(known)}: your answers so far are the defaults in brackets; Enter keeps them, "
                        "< goes back.[/dim]")
        return
    _mention_drafts(s)
    s.console.rule("[bold cyan]The interview[/bold cyan]", align="left")
    s.console.print("[dim]Seven questions, then save. Enter takes the \\[default] or skips \u00b7 < goes back \u00b7 "
                    "Ctrl-C keeps a draft.[/dim]")


def _mention_drafts(s: Session) -> None:
    """A draft left from an earlier, stopped log is worth a line: the user may have forgotten it."""
    from reflect.cli.prompts import command_name
    from reflect.drafts import find

    found = find(s.keeper.journal)
    if found:
        more = f" (and {len(found) - 1} more: {_esc(command_name())} drafts lists them)" if len(found) > 1 else ""
        s.console.print(f"[dim]An unsaved log is kept as a draft{more}: {_esc(command_name())} log --resume continues it.[/dim]")


def stopped(app, s: Session, stop: Stopped) -> None:  # type: ignore[no-untyped-def]
    """Ctrl-C or Ctrl-D: keep what was typed (even a line not yet entered), say where and how
    to continue, exit 1."""
    import typer

    from reflect.cli.prompts import command_name

    if not s.answers and not stop.typed:
        app.note("Stopped: nothing was typed, so there is nothing to keep.")
        raise typer.Exit(1)
    where = s.keeper.keep(s.answers, s.step, stop.label, stop.typed)
    if where is None:
        app.error(f"stopped, and your answers could not be kept anywhere: {s.keeper.failure or s.keeper.fallback}")
        _show_to_copy(app, s.answers, f"# not yet entered, at {stop.label}: {stop.typed}\n" if stop.typed else "")
        raise typer.Exit(1)
    elsewhere = f" (the data directory cannot be written: {s.keeper.fallback})" if s.keeper.in_state_dir else ""
    app.note(f"Stopped. Nothing is lost: your answers are kept in\n  {where}{elsewhere}\n"
             f"Continue with: {command_name()} log --resume")
    raise typer.Exit(1)


def _show_to_copy(app, answers: dict[str, Any], typed: str = "") -> None:  # type: ignore[no-untyped-def]
    """The last resort when no draft can be written anywhere: the answers on screen, to copy
    into a file that `reflect log --from-file` reads."""
    from reflect.drafts import as_toml

    app.note("Your answers, to copy into a file (then: reflect log --from-file FILE):\n" + as_toml(answers) + typed)


def save_reflection(app, data: dict[str, Any], keeper: DraftKeeper):  # type: ignore[no-untyped-def]
    """The save step: validate ``data``, write the reflection, then remove its draft.

    If it cannot be saved (an unwritable data directory, a full disk, an invalid answer)
    the answers are kept as a draft and the error says where and how to continue.
    """
    from reflect.cli.prompts import command_name
    from reflect.errors import ReflectError
    from reflect.models import validate_reflection

    try:
        entry = app.journal.add(validate_reflection(data))
    except (ReflectError, OSError) as error:
        reason = error.message if isinstance(error, ReflectError) else f"cannot write to {app.journal.root}: {error.strerror or error}"
        where = keeper.keep(data, SUMMARY)
        if where is None:
            _show_to_copy(app, data)
            raise ReflectError(f"not saved: {reason}; and no draft could be kept: {keeper.failure}") from None
        raise ReflectError(f"not saved: {reason}\nYour answers are kept in {where}\n"
                           f"When that is fixed, continue with: {command_name()} log --resume") from None
    keeper.discard()
    return entry


def choose_draft(app, name: str | None) -> Draft:  # type: ignore[no-untyped-def]
    """The draft to continue: the one named, the only one, or (with several) the one the user picks."""
    from reflect import drafts
    from reflect.errors import NotFound

    journal = app.journal
    if name:
        return drafts.load(drafts.named(journal, name))
    found = drafts.find(journal)
    if not found:
        raise NotFound("no log draft to continue: drafts are kept when a guided `reflect log` is stopped or cannot save")
    if len(found) == 1:
        return drafts.load(found[0])
    if not app.stdin_is_terminal():  # saving one of several unseen would be a guess
        from reflect.errors import UsageError

        raise UsageError(f"{len(found)} log drafts to continue: choose one with --draft NAME ({', '.join(p.stem for p in found)}; see `reflect drafts`)")
    loaded = [drafts.load(path) for path in found]
    app.out.print("[bold]Drafts to continue[/bold], newest first")
    for number, draft in enumerate(loaded, 1):
        facts = " \u00b7 ".join(str(draft.answers[k]) for k in ("company", "role", "date") if draft.answers.get(k))
        app.out.print(f"  {number}  {_esc(draft.name)}  {_esc(facts)}")
    ask = Asker(app.out)

    def pick(answer: str) -> int:
        if not answer.isdigit() or not 1 <= int(answer) <= len(loaded):
            raise ValueError(f"a number from 1 to {len(loaded)}")
        return int(answer)

    return loaded[(ask.ask("Which one", pick, default="1") or 1) - 1]
