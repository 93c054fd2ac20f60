"""Guided questions in the terminal, one area of a reflection at a time.

Every answer is checked as it is typed, so an invalid one (a rating of 7, an
unknown stage) is asked again with the allowed values shown. Enter skips an
optional question. Ctrl-C or Ctrl-D stops and nothing is saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from rich.console import Console

from reflect.errors import Cancelled
from reflect.vocab import FeedbackStatus, Format, GapKind, Outcome, QuestionKind, Stage

T = TypeVar("T")


class Asker:
    def __init__(self, console: Console) -> None:
        self.console = console

    def _raw(self, label: str, hint: str = "") -> str:
        from rich.markup import escape

        prompt = f"[bold]{escape(label)}[/bold]" + (f" [dim]{escape(hint)}[/dim]" if hint else "") + ": "
        try:
            return self.console.input(prompt).strip()
        except (EOFError, KeyboardInterrupt):
            self.console.print()
            raise Cancelled("stopped: nothing was saved") from None

    def ask(self, label: str, convert: Callable[[str], T], *, hint: str = "", default: str | None = None,
            required: bool = False) -> T | None:
        """Ask until the answer converts; Enter gives the default, or skips if optional."""
        shown = f"{hint} [{default}]" if default else hint
        while True:
            answer = self._raw(label, shown.strip())
            if not answer:
                if default is not None:
                    answer = default
                elif required:
                    self.console.print("  [yellow]This one is needed.[/yellow]")
                    continue
                else:
                    return None
            try:
                return convert(answer)
            except ValueError as error:
                self.console.print(f"  [yellow]{error}[/yellow]")

    def text(self, label: str, *, required: bool = False, default: str | None = None) -> str | None:
        return self.ask(label, str, required=required, default=default)

    def choice(self, label: str, choices: list[str], *, default: str | None = None) -> str | None:
        def convert(answer: str) -> str:
            answer = answer.lower().replace(" ", "-")
            matches = [c for c in choices if c == answer] or [c for c in choices if c.startswith(answer)]
            if len(matches) != 1:
                raise ValueError(f"choose one of: {', '.join(choices)}")
            return matches[0]

        return self.ask(label, convert, hint="/".join(choices), default=default)

    def rating(self, label: str) -> int | None:
        def convert(answer: str) -> int:
            if answer not in {"1", "2", "3", "4", "5"}:
                raise ValueError("a rating is a whole number from 1 to 5")
            return int(answer)

        return self.ask(label, convert, hint="1-5, Enter to skip")

    def number(self, label: str) -> float | None:
        def convert(answer: str) -> float:
            value = float(answer)
            if value < 0:
                raise ValueError("must be zero or more")
            return value

        return self.ask(label, convert, hint="Enter to skip")

    def yes(self, label: str, default: bool = False) -> bool:
        def convert(answer: str) -> bool:
            if answer.lower() in {"y", "yes"}:
                return True
            if answer.lower() in {"n", "no"}:
                return False
            raise ValueError("answer y or n")

        return bool(self.ask(label, convert, hint="y/n", default="y" if default else "n"))

    def items(self, label: str) -> list[str]:
        """A list, one item per line; an empty line ends it."""
        self.console.print(f"[bold]{label}[/bold] [dim](one per line, empty line to finish)[/dim]")
        items = []
        while True:
            answer = self._raw("  -")
            if not answer:
                return items
            items.append(answer)


def _date(answer: str) -> dt.date:
    from reflect.query import parse_day

    return parse_day(answer)


def guided(console: Console, given: dict[str, Any], defaults: dict[str, Any]) -> dict[str, Any]:
    """Ask for everything not already given on the command line; returns reflection data."""
    ask = Asker(console)
    data = dict(given)

    def section(title: str, tip: str = "") -> None:
        console.print()
        console.rule(f"[bold cyan]{title}[/bold cyan]", align="left")
        if tip:
            console.print(f"[dim]{tip}[/dim]")

    section("The interview", "Enter skips any question that is not needed. Ctrl-C stops without saving.")
    if "company" not in data:
        data["company"] = ask.text("Company", required=True)
    if "role" not in data:
        data["role"] = ask.text("Role", required=True)
    if "date" not in data:
        data["date"] = ask.ask("Date", _date, hint="YYYY-MM-DD, today, yesterday", default="today")
    if "stage" not in data:
        data["stage"] = ask.choice("Stage", [s.value for s in Stage], default=defaults.get("stage"))
    if "format" not in data:
        data["format"] = ask.choice("Format", [f.value for f in Format], default=defaults.get("format"))
    if "outcome" not in data:
        data["outcome"] = ask.choice("Outcome so far", [o.value for o in Outcome], default="pending")
    if "interviewers" not in data:
        data["interviewers"] = ask.items("Interviewers")
    if "tags" not in data:
        data["tags"] = ask.items("Tags (remote, referral, dream job...)")

    section("How it felt", "Rate 1 (poor) to 5 (great).")
    ratings = dict(data.get("ratings", {}))
    for name, label in (
        ("preparation", "How prepared were you"),
        ("confidence", "How confident did you feel"),
        ("performance", "How well did it go"),
        ("fit", "How well does the job fit you"),
        ("mood", "How do you feel now"),
    ):
        if name not in ratings:
            ratings[name] = ask.rating(label)
    data["ratings"] = ratings

    section("What happened", "Notice delivery too: long answers, tone, enthusiasm, how engaged the interviewer was.")
    if "went_well" not in data:
        data["went_well"] = ask.items("What went well")
    if "went_wrong" not in data:
        data["went_wrong"] = ask.items("What went wrong (moments you lacked confidence, answers that came out weak)")

    section("What you lacked", "A skill, experience, culture fit, preparation, or delivery.")
    if "gaps" not in data:
        gaps = []
        while kind := ask.choice("Gap kind (Enter when done)", [k.value for k in GapKind]):
            gaps.append({"kind": kind, "detail": ask.text("  What exactly") or ""})
        data["gaps"] = gaps

    section("Questions", "Especially the ones that stumped you: they become your rehearsal list.")
    if "questions" not in data:
        data["questions"] = _questions(ask)

    section("Feedback", "Treat it as mandatory: ask for it, even after a rejection.")
    if "feedback" not in data:
        data["feedback"] = _feedback(ask)

    section("Preparation and fit")
    if "prep" not in data:
        data["prep"] = {"hours": ask.number("Hours spent preparing"), "activities": ask.items("What you did to prepare")}
    if "fit_notes" not in data:
        data["fit_notes"] = ask.text("Was this the right job for you, and why")

    section("Lessons and next steps")
    if "lessons" not in data:
        data["lessons"] = ask.items("Lessons")
    if "next_steps" not in data:
        data["next_steps"] = ask.items("Next steps")
    return _drop_empty(data)


def _questions(ask: Asker) -> list[dict[str, Any]]:
    questions = []
    while text := ask.text("Question asked (Enter when done)"):
        question: dict[str, Any] = {"text": text}
        question["kind"] = ask.choice("  Kind", [k.value for k in QuestionKind], default="other")
        question["stumped"] = ask.yes("  Did it stump you")
        question["answer_rating"] = ask.rating("  How well did you answer")
        question["better_answer"] = ask.text("  A better answer you would give now")
        questions.append(question)
    return questions


def _feedback(ask: Asker) -> dict[str, Any]:
    status = ask.choice("Feedback", [s.value for s in FeedbackStatus], default="not-requested")
    feedback: dict[str, Any] = {"status": status}
    if status == "requested":
        feedback["requested_on"] = ask.ask("  Requested on", _date, default="today")
    if status == "received":
        feedback["received_on"] = ask.ask("  Received on", _date, default="today")
        feedback["source"] = ask.text("  From whom")
        feedback["text"] = ask.text("  What they said")
    return feedback


def _drop_empty(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _drop_empty(v) for k, v in data.items() if v is not None and v != [] and v != {}}
    if isinstance(data, list):
        return [_drop_empty(v) for v in data]
    return data
