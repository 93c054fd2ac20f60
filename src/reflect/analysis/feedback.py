"""Feedback is mandatory: which interviews still owe the user some."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from reflect.errors import UsageError
from reflect.models.entry import Entry
from reflect.models import Reflection
from reflect.vocab import FeedbackStatus, Outcome


@dataclass(frozen=True)
class Chase:
    entry: Entry
    reason: str
    days: int

    def to_json(self) -> dict[str, object]:
        r = self.entry.reflection
        return {
            "id": self.entry.id,
            "company": r.company,
            "role": r.role,
            "date": r.date.isoformat(),
            "outcome": r.outcome.value,
            "status": r.feedback.status.value,
            "reason": self.reason,
            "days": self.days,
        }


#: Rounds whose feedback is due: the decision is made, so there is something to explain.
#: A pending or advanced round is not a chase (the process is still going; see
#: :func:`reflect.analysis.applications.no_reply` for the silence after a pending round).
DECIDED = frozenset({Outcome.REJECTED, Outcome.OFFER})


def to_chase(entries: Iterable[Entry], today: dt.date | None = None, chase_days: int = 7) -> list[Chase]:
    """Decided rounds (rejected, offer) whose feedback was never requested, or requested and
    not received in ``chase_days``.

    Pending, advanced, withdrawn and ghosted rounds are left out: there is no decision yet
    to ask about, or the user walked away, or nobody answers.
    """
    today = today or dt.date.today()
    chases = []
    for entry in entries:
        r = entry.reflection
        if r.outcome not in DECIDED:
            continue
        if r.feedback.status == FeedbackStatus.NOT_REQUESTED:
            days = (today - r.date).days
            chases.append(Chase(entry, "never requested", days))
        elif r.feedback.status == FeedbackStatus.REQUESTED:
            asked = r.feedback.requested_on or r.date
            days = (today - asked).days
            if days >= chase_days:
                chases.append(Chase(entry, f"requested {days} days ago, not received", days))
    return sorted(chases, key=lambda c: (c.entry.reflection.date, c.entry.id))


def record(
    reflection: Reflection,
    status: FeedbackStatus | None,
    on: dt.date | None,
    source: str | None,
    text: str | None,
) -> Reflection:
    """The reflection with its feedback updated; text without a status means it arrived.

    Nothing already recorded is lost: new text is added after earlier text (with its
    source, when it is another person's), dates already set stay unless ``on`` is given,
    and feedback already received is not turned back into "requested".
    """
    current = reflection.feedback
    if status is None and text is None and source is None:
        raise UsageError("say what happened: --status, --text or --source")
    if text is not None and not text.strip():
        raise UsageError("--text is empty: write what they said")
    if status is None:
        status = FeedbackStatus.RECEIVED if text else current.status
    if current.status == FeedbackStatus.RECEIVED and status in (FeedbackStatus.NOT_REQUESTED, FeedbackStatus.REQUESTED):
        raise UsageError(f"feedback was already received ({current.received_on or 'date unknown'}); nothing changed")
    day = on or dt.date.today()
    update: dict[str, object] = {"status": status}
    if status == FeedbackStatus.REQUESTED and (on or current.requested_on is None):
        update["requested_on"] = day
    elif status == FeedbackStatus.RECEIVED and (on or current.received_on is None):
        update["received_on"] = day
    earlier = current.text or ""
    another = bool(source and current.source and source.strip().casefold() not in current.source.casefold())
    if source is not None:
        # A second person's feedback adds to the first's: both named, each text with its source.
        update["source"] = f"{current.source}; {source}" if another and earlier.strip() else source
    if text is not None:
        said = f"{source}: {text}" if another and earlier.strip() else text
        update["text"] = text if not earlier.strip() or text in earlier else f"{earlier}\n\n{said}"
    feedback = current.model_copy(update=update)
    return reflection.model_copy(update={"feedback": feedback})
