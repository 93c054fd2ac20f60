"""Applications: the rounds of one company and role, close in time, taken together.

The rule (docs/commands.md, "reflect applications"): rounds with the same company and
role (any case, any spacing) belong to one application while each comes within
:data:`GAP_DAYS` of the one before. Outcomes do not split an application: a round
marked rejected and then followed by another is far more often a mislabelled round
than a new application within three months. When the rule is wrong, the
``application`` key of a file says which application a round belongs to: rounds with
the same ``application`` form one, whatever their company, role or dates; a round with
one never joins rounds without it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reflect.analysis.feedback import Chase, to_chase
from reflect.errors import UsageError
from reflect.models import Reflection
from reflect.models.entry import Entry
from reflect.vocab import Outcome

GAP_DAYS = 90  # companies rarely take an applicant again sooner; a process rarely pauses longer
#: A pending round with no news for this long is offered as "no reply: chase or mark ghosted".
SILENT_DAYS = 14
ENDED = frozenset({Outcome.OFFER, Outcome.REJECTED, Outcome.WITHDREW, Outcome.GHOSTED})


@dataclass(frozen=True)
class Application:
    """The rounds of one application, oldest first."""

    rounds: tuple[Entry, ...]

    @property
    def latest(self) -> Entry:
        return self.rounds[-1]

    @property
    def company(self) -> str:
        return self.latest.reflection.company

    @property
    def role(self) -> str:
        return self.latest.reflection.role

    @property
    def outcome(self) -> Outcome:
        """The latest round's outcome: where the application stands."""
        return Outcome(self.latest.reflection.outcome)

    def last_contact(self, today: dt.date | None = None) -> dt.date:
        """The last day anything happened, up to ``today``: a round, an outcome, feedback
        asked for or received (a round still to come is not a contact yet)."""
        days = []
        for entry in self.rounds:
            r = entry.reflection
            days += [d for d in (r.date, r.outcome_on, r.feedback.requested_on, r.feedback.received_on) if d is not None]
        past = [d for d in days if today is None or d <= today]
        return max(past or days)

    def upcoming(self, today: dt.date) -> Entry | None:
        """The first round logged for a day still to come, if any."""
        return next((e for e in self.rounds if e.reflection.date > today), None)

    def status(self, today: dt.date) -> str:
        """Where it stands in a few words: "offer", "waiting 16 days: no reply, chase or mark ghosted"..."""
        coming = self.upcoming(today)
        if coming is not None:
            return f"next round on {coming.reflection.date.isoformat()}"
        outcome = self.outcome
        if outcome in ENDED:
            return outcome.value
        days = (today - self.last_contact(today)).days
        if outcome == Outcome.ADVANCED:
            return "advanced: next round to arrange"
        if days >= SILENT_DAYS:
            return f"no reply for {days} days: chase or mark ghosted"
        return "waiting for a reply (since today)" if days == 0 else f"waiting for a reply ({days} day{'s' if days != 1 else ''})"

    def silent(self, today: dt.date) -> bool:
        """Whether it waits on a reply that has not come for :data:`SILENT_DAYS` days."""
        return (
            self.upcoming(today) is None
            and self.outcome == Outcome.PENDING
            and (today - self.last_contact(today)).days >= SILENT_DAYS
        )

    def to_json(self, today: dt.date) -> dict[str, object]:
        return {
            "company": self.company,
            "role": self.role,
            "outcome": self.outcome.value,
            "status": self.status(today),
            "last_contact": self.last_contact(today).isoformat(),
            "days_since_contact": (today - self.last_contact(today)).days,
            "rounds": [e.id for e in self.rounds],
            "stages": [None if e.reflection.stage is None else str(e.reflection.stage) for e in self.rounds],
        }


def with_outcome(reflection: Reflection, outcome: Outcome, on: dt.date) -> Reflection:
    """The reflection with an outcome that arrived on ``on`` (``reflect outcome``)."""
    if on < reflection.date:
        raise UsageError(f"--date {on.isoformat()} is before the interview ({reflection.date.isoformat()})")
    return reflection.model_copy(update={"outcome": outcome, "outcome_on": on})


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def group(entries: Iterable[Entry]) -> list[Application]:
    """Every application the entries make, the one with the latest round first."""
    ordered = sorted(entries, key=lambda e: (e.reflection.date, e.id))
    labelled: dict[str, list[Entry]] = {}
    open_by_job: dict[tuple[str, str], list[Entry]] = {}
    found: list[list[Entry]] = []
    for entry in ordered:
        r = entry.reflection
        label = getattr(r, "application", None)
        if label:
            if _key(label) not in labelled:
                labelled[_key(label)] = []
                found.append(labelled[_key(label)])
            labelled[_key(label)].append(entry)
            continue
        job = (_key(r.company), _key(r.role))
        current = open_by_job.get(job)
        if current is not None:
            last = current[-1].reflection
            if (r.date - last.date).days <= GAP_DAYS:
                current.append(entry)
                continue
        open_by_job[job] = [entry]
        found.append(open_by_job[job])
    apps = [Application(tuple(rounds)) for rounds in found]
    return sorted(apps, key=lambda a: (a.latest.reflection.date, a.latest.id), reverse=True)


def labels_for(applications: Sequence[Application], join: Sequence[str], split: str | None) -> dict[str, str]:
    """The ``application`` key to write, by round id: ``join`` makes the applications of
    those rounds one (named after their oldest round); ``split`` starts a new application
    at that round (it and the later rounds of its application)."""
    labels: dict[str, str] = {}
    if len(join) == 1:
        raise UsageError("--join needs two rounds or more (repeat it: --join A --join B)")
    if join:
        joined = {id(a): a for ident in join if (a := application_of(applications, ident)) is not None}
        rounds = sorted((e for a in joined.values() for e in a.rounds), key=lambda e: (e.reflection.date, e.id))
        labels.update({e.id: rounds[0].id for e in rounds})
    if split is not None:
        app = application_of(applications, split)
        if app is None or app.rounds[0].id == split:
            raise UsageError(f"{split} is the first round of its application: nothing to split")
        start = [e.id for e in app.rounds].index(split)
        labels.update({e.id: split for e in app.rounds[start:]})
    return labels


def no_reply(entries: Iterable[Entry], today: dt.date | None = None) -> list[Chase]:
    """The latest round of each application still pending with no news for
    :data:`SILENT_DAYS` days: "no reply: chase or mark ghosted"."""
    today = today or dt.date.today()
    found = []
    for app in group(entries):
        if app.silent(today):
            days = (today - app.last_contact(today)).days
            found.append(Chase(app.latest, f"no reply for {days} days: chase or mark ghosted", days))
    return sorted(found, key=lambda c: (c.entry.reflection.date, c.entry.id))


def application_of(applications: Sequence[Application], ident: str) -> Application | None:
    """The application holding the round ``ident``."""
    return next((a for a in applications if any(e.id == ident for e in a.rounds)), None)


@dataclass(frozen=True)
class StageRate:
    stage: str
    rounds: int
    passed: int
    decided: int

    @property
    def rate(self) -> float | None:
        return self.passed / self.decided if self.decided else None


def pass_rates(applications: Sequence[Application]) -> list[StageRate]:
    """Per stage: rounds, and how many of those decided were passed (advanced, an offer, or
    followed by a later round of the same application, unless marked rejected or ghosted)."""
    counts: dict[str, list[int]] = {}
    for app in applications:
        for i, entry in enumerate(app.rounds):
            r = entry.reflection
            stage = str(r.stage) if r.stage is not None else "unknown"
            row = counts.setdefault(stage, [0, 0, 0])
            row[0] += 1
            failed = r.outcome in (Outcome.REJECTED, Outcome.GHOSTED)  # said by the user: a later round does not undo it
            later = i < len(app.rounds) - 1
            if r.outcome in (Outcome.ADVANCED, Outcome.OFFER) or (later and not failed):
                row[1] += 1
                row[2] += 1
            elif failed:
                row[2] += 1
    return [StageRate(stage, *row) for stage, row in counts.items()]


STEPS_DAYS = 14  # next steps noted in the last two weeks are still today's business
MAX_STEPS = 5


@dataclass
class Agenda:
    """What ``reflect today`` shows."""

    today: dt.date
    upcoming: list[Entry]
    waiting: list[Application]
    chases: list[Chase]
    reviews: list[tuple[str, dt.date]]  # (theme, review day) due now
    drills_due: int
    steps: list[tuple[Entry, str]] = field(default_factory=list)  # next steps noted lately, newest first

    def to_json(self) -> dict[str, object]:
        return {
            "today": self.today.isoformat(),
            "upcoming": [{"id": e.id, "company": e.reflection.company, "role": e.reflection.role, "date": e.reflection.date.isoformat()} for e in self.upcoming],
            "waiting": [a.to_json(self.today) for a in self.waiting],
            "feedback_to_chase": [c.to_json() for c in self.chases],
            "reviews_due": [{"theme": t, "review_on": d.isoformat()} for t, d in self.reviews],
            "drills_due": self.drills_due,
            "next_steps": [
                {"text": text, "id": e.id, "company": e.reflection.company, "date": e.reflection.date.isoformat()} for e, text in self.steps
            ],
        }


def agenda(entries: Sequence[Entry], today: dt.date, chase_days: int, plan_state: object, drills_due: int) -> Agenda:
    """Everything due now, from the journal's entries and the plan's state."""
    from reflect.analysis.plan import review_date

    apps = group(entries)
    upcoming = sorted((e for e in entries if e.reflection.date > today), key=lambda e: (e.reflection.date, e.id))
    waiting = [a for a in apps if a.upcoming(today) is None and a.outcome in (Outcome.PENDING, Outcome.ADVANCED)]
    waiting.sort(key=lambda a: a.last_contact(today))
    past = [e for e in entries if e.reflection.date <= today]
    reviews = []
    for focus in getattr(plan_state, "focus", []):
        due = review_date(focus.planned_on, today)
        if (due - today).days <= 1:
            reviews.append((focus.theme, due))
    recent = sorted((e for e in past if (today - e.reflection.date).days <= STEPS_DAYS), key=lambda e: (e.reflection.date, e.id), reverse=True)
    steps = [(e, text) for e in recent for text in e.reflection.next_steps][:MAX_STEPS]
    return Agenda(today, upcoming, waiting, to_chase(past, today, chase_days), reviews, drills_due, steps)



_STAGES = ["recruiter-screen", "phone-screen", "technical", "take-home", "onsite", "final"]


def next_round(previous: Reflection) -> dict[str, object]:
    """What ``reflect log --next ID`` fills in from an application's round: company, role,
    format, tags, its ``application`` key, and the stage after the round's."""
    data: dict[str, object] = {"company": previous.company, "role": previous.role}
    if previous.format is not None:
        data["format"] = str(previous.format)
    if previous.tags:
        data["tags"] = list(previous.tags)
    if previous.application:
        data["application"] = previous.application
    stage = str(previous.stage) if previous.stage is not None else None
    if stage in _STAGES[:-1]:
        data["stage"] = _STAGES[_STAGES.index(stage) + 1]
    return data
