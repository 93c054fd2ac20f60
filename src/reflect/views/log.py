"""What ``reflect log`` shows: the summary before saving, and what it says after."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from reflect.models import Reflection
from reflect.models.entry import Entry
from reflect.views.layout import Unbroken
from reflect.views.safe import neutral
from reflect.vocab import FeedbackStatus, Outcome

REJECTED = (
    "A rejection from {company} hurts, and it is allowed to. It says how one interview went, not what you are worth.",
    "This one stings. Writing it down was the hard part, and you have done it.",
    "{company} said no to this round, not to you. What you noted is what makes the next one better.",
    "It is fine to feel flat after this. You showed up, you tried, and now you have something to learn from.",
    "Rejections are part of every search, even the ones that end well. This was one interview among many.",
)
GHOSTED = (
    "No reply from {company} says more about their process than about you. Silence is not a verdict.",
    "Being left without an answer is hard. You did your part; the silence is theirs.",
)
REST = "Give yourself a short cool-off (an evening, a walk, a night's sleep), then come back to it."


def summary(rows: list[tuple[int, str, str]], essentials: int, *, offer_deeper: bool) -> Group:
    """The one-screen summary before saving: the essentials always, further answers when given."""
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", style="bold")
    table.add_column(style="dim")
    table.add_column(overflow="fold")
    for number, label, value in rows:
        if number <= essentials or value:
            table.add_row(str(number), label, Text(neutral(value)) if value else Text("\u2013", style="dim"))
    parts = [Text("What will be saved", style="bold cyan"), table]
    if offer_deeper:
        more = ", ".join(label.lower() for number, label, _ in rows if number > essentials)
        parts.append(Text(f"d adds more detail ({more}); numbers {essentials + 1}-{len(rows)} go straight to one.", style="dim"))
    return Group(*parts)


def saved(entry: Entry, mantras: list[str], turn: int = 0, command: str = "reflect") -> Group:
    """``Saved <id>``, and after a rejection or a silence a humane word, the user's mantras and one next step."""
    parts: list[Text | Unbroken] = [  # the id, the path and the command whole, to be copied
        Unbroken(f"Saved {neutral(entry.id)}", "bold green"),
        Unbroken(neutral(str(entry.path)), "dim", indent=2),
    ]
    facts = _facts(entry.reflection)
    if facts:
        parts.insert(1, Text(f"  {facts}", style="dim"))
    if entry.reflection.outcome in (Outcome.REJECTED, Outcome.GHOSTED):
        lines = acknowledgement(entry, mantras, turn, command)
        parts.append(Text())
        parts += [Text(neutral(line)) for line in lines[:-1]]
        parts.append(Unbroken(neutral(lines[-1]), "bold", indent=2))
    return Group(*parts)


def _facts(reflection: Reflection) -> str:
    """The stage and outcome as recorded ("screening" is saved as phone-screen), when given
    (an outcome still pending goes without saying)."""
    stage = f"stage {reflection.stage}" if reflection.stage else ""
    outcome = f"outcome {reflection.outcome.value}" if reflection.outcome != Outcome.PENDING else ""
    return ", ".join(p for p in (stage, outcome) if p)


def acknowledgement(entry: Entry, mantras: list[str], turn: int = 0, command: str = "reflect") -> list[str]:
    """A humane word after a rejection or a silence (``turn`` picks which, in rotation), the user's
    own mantras, and one concrete next step: what to do, then the command that records it."""
    reflection = entry.reflection
    words = GHOSTED if reflection.outcome == Outcome.GHOSTED else REJECTED
    lines = [words[turn % len(words)].format(company=reflection.company), REST]
    lines += [f"  \u201c{mantra}\u201d" for mantra in mantras]
    step, run = next_step(entry, command)
    return [*lines, f"Next small step: {step}", run]


def next_step(entry: Entry, command: str = "reflect") -> tuple[str, str]:
    """What to do next, and the command to run."""
    reflection = entry.reflection
    if reflection.outcome == Outcome.GHOSTED and reflection.feedback.status != FeedbackStatus.NOT_REQUESTED:
        return "you have followed up; let it go, and see what keeps coming back:", f"{command} themes"
    if reflection.outcome == Outcome.GHOSTED:
        return (f"send {reflection.company} one short, friendly follow-up, note that you did, then let it go:",
                feedback_command(entry, command))
    if reflection.feedback.status == FeedbackStatus.NOT_REQUESTED:
        return f"ask {reflection.company} for feedback, then record that you did:", feedback_command(entry, command)
    if reflection.feedback.status == FeedbackStatus.REQUESTED:
        return "when their feedback arrives, add it:", feedback_command(entry, command)
    return "once you have rested, see what keeps coming back:", f"{command} themes"


def feedback_command(entry: Entry, command: str = "reflect") -> str:
    """The command that records the next step of a round's feedback, runnable as printed
    (`reflect feedback ID` alone asks what happened): that it was asked for, or what came."""
    if entry.reflection.feedback.status == FeedbackStatus.NOT_REQUESTED:
        return f"{command} feedback {entry.id} --status requested"
    return f'{command} feedback {entry.id} --text "..."'
