"""``reflect drill``: practise the questions that stumped you, with spaced repetition."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from reflect.cli.options import Json
from reflect.vocab import QuestionKind

if TYPE_CHECKING:
    from reflect.analysis.drill import Card
    from reflect.cli.context import Application


def drill(
    ctx: typer.Context,
    count: Annotated[int, typer.Option("--count", "-n", min=1, metavar="N", help="How many questions in this session.")] = 5,
    kind: Annotated[Optional[QuestionKind], typer.Option("--kind", "-k", help="Only questions of this kind.")] = None,
    due: Annotated[bool, typer.Option("--due", help="List what is due (and what comes later) without starting a session.")] = False,
    ics: Annotated[Optional[Path], typer.Option("--ics", metavar="FILE", help="Write drill days and feedback chases as an iCalendar file ('-' for stdout); no session.")] = None,
    json_output: Json = False,
) -> None:
    """Practise the questions that stumped you: answer, compare, rate yourself 1-5.

    Weak answers come back sooner: rated 1-2 tomorrow, 3 in three days, 4 and 5
    after a growing interval. Ctrl-C ends a session; ratings given are kept.

    Example: reflect drill --count 3 --kind behavioral; reflect drill --due --ics drills.ics
    """
    from reflect.analysis.drill import drill_bank, plan_schedule
    from reflect.state import load_drill

    app = ctx.obj
    today = dt.date.today()
    entries = app.load().entries
    schedule = plan_schedule(drill_bank(entries, kind), load_drill(app.journal), today)
    if ics is not None:
        from reflect.analysis.calendar import drill_events, feedback_events
        from reflect.cli.ics import write_calendar

        write_calendar(app, ics, drill_events(schedule) + feedback_events(entries, today, app.config.feedback_chase_days))
        if str(ics) == "-" or not (due or json_output):
            return
    if json_output:
        app.print_json(schedule.to_json())
    elif due:
        from reflect.views.drill import due_view

        app.out.print(due_view(schedule))
    else:
        _session(app, schedule, count)


def _session(app: Application, schedule, count: int) -> None:  # type: ignore[no-untyped-def]
    from reflect.errors import UsageError

    if not app.stdin_is_terminal():
        raise UsageError("reflect drill asks questions and needs a terminal; `reflect drill --due` lists what is due")
    if not schedule.due:
        _nothing_due(app, schedule)
        return
    from reflect.cli.prompts import Asker
    from reflect.drafts import kept_answer
    from reflect.errors import Cancelled
    from reflect.state import record_drill_rating
    from reflect.views import drill as view

    journal, console = app.journal, app.out
    ask = Asker(console)
    cards = [item.card for item in schedule.due[:count]]
    rated = []
    stopped = False
    unsaved: tuple[Card, str] | None = None  # an answer typed, not yet saved nor declined
    earlier = None
    console.print("Answer aloud or type, then rate yourself. Ctrl-C stops; ratings given and answers typed are kept.", style="dim")
    try:
        for number, card in enumerate(cards, 1):
            console.print()
            console.print(view.question(card, number, len(cards)))
            earlier = kept_answer(journal, card.sources[0].id, card.text)  # typed in a session stopped before
            typed = _answer(ask, console, card, earlier[1] if earlier else "")
            unsaved = (card, typed) if typed else None
            if card.better_answer:
                console.print(view.better_answer(card))
            rating = ask.ask("How well did you answer", _rating, hint="1-5", required=True)
            state = record_drill_rating(journal, card, rating, schedule.today)
            rated.append((card, state))
            console.print(view.scheduled(state, schedule.today))
            if typed and ask.yes(_save_label(card)):
                _save_better_answer(app, card, typed)
            unsaved = None
            if earlier:  # answered now: the earlier draft of it is done with
                earlier[0].unlink(missing_ok=True)
    except Cancelled as stop:
        stopped = True
        line = getattr(stop, "typed", "")  # typed on the answer's line, not yet entered
        unsaved = unsaved or ((card, line) if line and getattr(stop, "label", "") == "Your answer" else None)
    if unsaved and _keep_answer(app, *unsaved) and earlier and unsaved[0] is card:
        earlier[0].unlink(missing_ok=True)  # kept anew, with the earlier draft's words in it
    console.print()
    console.print(view.summary(rated, schedule.today, stopped))


def _keep_answer(app: Application, card: Card, typed: str) -> bool:
    """An answer typed but neither saved nor declined: a draft (True), or where none can be
    written, the answer itself on the screen to copy (False)."""
    from reflect.drafts import ANSWER_TO
    from reflect.errors import ReflectError

    try:
        draft = app.journal.save_draft(f"{card.sources[0].id}-answer", f"{ANSWER_TO}{card.text}\n{typed}\n")
    except (OSError, ReflectError) as error:
        app.note(f"What you typed could not be kept ({getattr(error, 'message', None) or error}); here it is to copy:\n{typed}")
        return False
    app.note(f"What you typed is kept in {draft} (`reflect drafts` lists it)")
    return True


def _answer(ask, console, card: Card, earlier: str = "") -> str | None:  # type: ignore[no-untyped-def]
    """The answer typed (None if said aloud); ``earlier``: one typed before, back on the line."""
    from reflect.views import drill as view

    while True:
        answer = ask._raw("Your answer", "(type it, or say it aloud and press Enter; b shows your better answer)", prefill=earlier)
        earlier = ""
        if answer.lower() != "b":
            return answer or None
        console.print(view.better_answer(card))


def _rating(answer: str) -> int:
    if answer not in {"1", "2", "3", "4", "5"}:
        raise ValueError("a rating is a whole number from 1 (poor) to 5 (excellent)")
    return int(answer)


def _save_label(card: Card) -> str:
    if card.better_answer:
        return f"Replace your better answer with what you typed (the old file is kept in drafts/; {card.sources[0].id})"
    return f"Save what you typed as your better answer (in {card.sources[0].id})"


def _save_better_answer(app: Application, card: Card, typed: str) -> None:
    from reflect.analysis.drill import with_better_answer
    from reflect.errors import ReflectError
    from reflect.journal import Entry, parse_file, read_bytes

    journal = app.journal
    try:
        path = journal.resolve(card.sources[0].id)
        original = read_bytes(path)
        entry = Entry(path.stem, path, parse_file(path, original))
        updated, previous = with_better_answer(entry.reflection, card.key, typed)
        if previous:
            from reflect.drafts import BACKUP

            journal.save_draft(f"{entry.id}{BACKUP}", original.decode("utf-8"))
        journal.replace(entry, updated, original)
        card.better_answer = typed
        app.note(f"Saved as your better answer in {entry.id}.")
    except ReflectError as error:
        app.note(f"warning: not saved ({error.message})")
        _keep_answer(app, card, typed)


def _nothing_due(app: Application, schedule) -> None:  # type: ignore[no-untyped-def]
    from reflect.views.report_text import plural

    if schedule.upcoming:
        first = schedule.upcoming[0].due
        app.note(f"Nothing due today. Next: {first.isoformat()} ({plural(len(schedule.upcoming), 'question')} scheduled).")
    else:
        app.note(
            "Nothing to drill yet: mark the questions that stumped you (`reflect log --stumped`, "
            "or stumped = true in a reflection) or rate an answer 1 or 2."
        )
