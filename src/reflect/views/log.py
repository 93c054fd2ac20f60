"""What ``reflect log`` says after saving."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text

from reflect.models.entry import Entry
from reflect.views.safe import neutral
from reflect.vocab import FeedbackStatus, Outcome


def saved(entry: Entry, mantras: list[str]) -> Group:
    parts = [
        Text(f"Saved {neutral(entry.id)}", style="bold green"),
        Text(f"  {neutral(str(entry.path))}", style="dim"),
    ]
    if entry.reflection.outcome == Outcome.REJECTED:
        parts.append(Text())
        parts += [Text(neutral(line)) for line in rejection_lines(entry, mantras)]
    return Group(*parts)


def rejection_lines(entry: Entry, mantras: list[str]) -> list[str]:
    """A humane word after a rejection, the user's mantras, and one small next step."""
    reflection = entry.reflection
    lines = [
        f"A rejection from {reflection.company} hurts, and it is allowed to. It says how one "
        "interview went, not what you are worth.",
        "Give yourself a short cool-off (an evening, a walk, a night's sleep), then come back to it.",
    ]
    lines += [f"  \u201c{mantra}\u201d" for mantra in mantras]
    if reflection.feedback.status == FeedbackStatus.NOT_REQUESTED:
        step = f"ask {reflection.company} for feedback, then record it: reflect feedback {entry.id} --status requested"
    elif reflection.feedback.status == FeedbackStatus.REQUESTED:
        step = f'when their feedback arrives, add it: reflect feedback {entry.id} --text "..."'
    else:
        step = "once you have rested, run `reflect themes` to see what keeps coming back"
    lines.append(f"Next small step: {step}")
    return lines
