import datetime as dt
from pathlib import Path

import pytest

from reflect.analysis.plan import (
    ACTIVE,
    IMPROVING,
    NEW,
    RETHINK,
    EvidenceItem,
    FocusInput,
    action_id,
    build_plan,
    checklist,
    mark,
    rank,
    review_date,
)
from reflect.errors import NotFound
from reflect.models.entry import Entry
from reflect.models import validate_reflection
from reflect.state import ActionStatus, PlanState

TODAY = dt.date(2026, 11, 22)
CONCISE_ACTIONS = ("Answer in three parts.", "Time five answers; under two minutes each.", "Ask before adding detail.", "A fourth one.")


def entry(n: int, outcome: str = "rejected", **fields) -> Entry:
    data = {"company": f"Co{n}", "role": "Dev", "date": f"2026-10-{n:02d}", "outcome": outcome, **fields}
    ident = f"2026-10-{n:02d}-co{n}-dev"
    return Entry(ident, Path(f"/nowhere/{ident}.toml"), validate_reflection(data))


def theme(name: str, entries: list[Entry], actions=CONCISE_ACTIONS, **extra) -> FocusInput:
    evidence = tuple(EvidenceItem(e.id, e.reflection.date.isoformat(), "went_wrong[0]", f"{name} in {e.id}") for e in entries)
    return FocusInput(
        theme=name,
        label=name.title(),
        count=len(entries),
        interviews=tuple(e.id for e in reversed(entries)),
        evidence=tuple(reversed(evidence)),
        last_seen=max(e.reflection.date for e in entries).isoformat(),
        actions=actions,
        **extra,
    )


@pytest.fixture
def six():
    return [entry(n) for n in range(1, 7)]


def test_recurring_theme_leads_with_its_interviews_and_actions(six):
    inputs = [theme("nerves", [six[0], six[5]]), theme("conciseness", [six[0], six[2], six[3], six[5]])]
    plan = build_plan(six, inputs, PlanState(), today=TODAY)
    first = plan.focus[0]
    assert first.theme == "conciseness"
    assert [e["id"] for e in first.evidence] == [six[5].id, six[3].id, six[2].id, six[0].id]
    assert len(first.actions) == 3 and all(a.status == ActionStatus.TODO for a in first.actions)
    assert first.status == NEW and first.review_on == TODAY + dt.timedelta(days=14)
    assert plan.to_json()["focus"][0]["actions"][0]["id"] == first.actions[0].id


def test_top_limits_focus_areas_and_too_little_history_says_what_it_needs(six):
    inputs = [theme(n, six[:2]) for n in ("a", "b", "c", "d")]
    assert len(build_plan(six, inputs, PlanState(), today=TODAY).focus) == 3
    assert len(build_plan(six, inputs, PlanState(), today=TODAY, top=1).focus) == 1
    lonely = build_plan(six[:1], [], PlanState(), today=TODAY)
    assert lonely.focus == [] and "at least 2 interviews" in lonely.message
    quiet = build_plan(six, [], PlanState(), today=TODAY)
    assert quiet.focus == [] and "No weakness has come back" in quiet.message


def test_ranking_weighs_recency_and_rejections_over_offers():
    entries = [entry(n) for n in range(1, 10)]
    old = theme("old", entries[:4])  # 4 times, but not in the last 5 interviews
    recent = theme("recent", entries[-3:])
    assert [i.theme for _, i in rank([old, recent], entries)] == ["recent", "old"]
    mixed = theme("mixed", entries[:3], rejected_share=0.5, succeeded_share=0.5)
    telling = theme("telling", entries[:3], rejected_share=0.6, succeeded_share=0.0)
    assert [i.theme for _, i in rank([mixed, telling], entries)] == ["telling", "mixed"]


def test_rebuilding_keeps_progress_and_ids(six):
    state = PlanState()
    inputs = [theme("conciseness", six[:4])]
    first = build_plan(six, inputs, state, today=TODAY)
    ident = first.focus[0].actions[1].id
    mark(state, ident, ActionStatus.DONE, TODAY)
    later = TODAY + dt.timedelta(days=3)
    more = [*six, entry(7, went_wrong=["x"])]
    rebuilt = build_plan(more, [theme("conciseness", [*six[:4], more[-1]])], state, today=later)
    again = {a.id: a for a in rebuilt.focus[0].actions}
    assert again[ident].status == ActionStatus.DONE and again[ident].done_on == TODAY
    assert [a.id for a in rebuilt.focus[0].actions] == [a.id for a in first.focus[0].actions]
    assert rebuilt.focus[0].planned_on == TODAY


def test_action_ids_are_stable_readable_and_unique():
    ident = action_id("conciseness", "Answer in three parts.")
    assert ident == action_id("conciseness", "answer in three parts")
    assert ident.startswith("conciseness-") and len(ident) == len("conciseness-") + 4
    assert action_id("conciseness", "Answer in three parts.", taken=[ident]) != ident


def test_mark_unknown_and_ambiguous_ids():
    state = PlanState()
    build_plan([entry(1), entry(2)], [theme("conciseness", [entry(1), entry(2)])], state, today=TODAY)
    with pytest.raises(NotFound):
        mark(state, "nerves-0000", ActionStatus.DONE, TODAY)
    action = mark(state, state.actions[0].id[:-1], ActionStatus.DOING, TODAY)  # a unique start is enough
    assert action.id == state.actions[0].id
    assert action.status == ActionStatus.DOING and action.started_on == TODAY


def test_improving_after_three_interviews_without_the_theme(six):
    state = PlanState()
    planned = dt.date(2026, 10, 3)
    build_plan(six[:3], [theme("conciseness", six[:3])], state, today=planned)
    plan = build_plan(six, [theme("conciseness", six[:3])], state, today=TODAY)
    assert plan.focus[0].status == IMPROVING


def test_recurring_after_actions_done_needs_a_different_approach(six):
    state = PlanState()
    build_plan(six[:2], [theme("conciseness", six[:2])], state, today=dt.date(2026, 10, 2))
    mark(state, state.actions[0].id, ActionStatus.DONE, dt.date(2026, 10, 3))
    plan = build_plan(six, [theme("conciseness", [*six[:2], six[4]])], state, today=TODAY)
    assert plan.focus[0].status == RETHINK and six[4].id in plan.focus[0].status_reason


def test_questions_and_own_next_steps_belong_to_their_theme():
    a = entry(1, questions=[{"text": "Design a URL shortener", "kind": "system-design", "stumped": True}], next_steps=["Time my answers", "Learn Kafka"])
    b = entry(2)
    item = FocusInput(
        "conciseness", "Conciseness", 2, (b.id, a.id),
        (EvidenceItem(a.id, "2026-10-01", "questions[0].text", "Design a URL shortener"), EvidenceItem(b.id, "2026-10-02", "went_wrong[0]", "rambled")),
        "2026-10-02", CONCISE_ACTIONS[:2],
    )
    plan = build_plan([a, b], [item], PlanState(), today=TODAY, match_text=lambda t: {"conciseness"} if "answer" in t.lower() else set())
    focus = plan.focus[0]
    assert [q["text"] for q in focus.questions] == ["Design a URL shortener"]
    assert [(x.text, x.source) for x in focus.actions][-1] == ("Time my answers", "next-step")


def test_checklist_from_preparation_gaps_and_low_ratings():
    entries = [
        entry(1, gaps=[{"kind": "preparation", "detail": "Did not read about their product"}], ratings={"preparation": 2}),
        entry(2, outcome="offer", ratings={"preparation": 5}, prep={"hours": 6}),
        entry(3, gaps=[{"kind": "skill", "detail": "Kafka"}], ratings={"preparation": 1}),
    ]
    items = checklist(entries)
    assert "2 of your last 3" in items[0]
    assert "hours" not in items[0]  # one interview that went well is not a pattern
    assert any(i.startswith("Did not read about their product (missing in your preparation for") for i in items)
    assert not any("Kafka" in i for i in items)
    assert checklist([entry(4)]) == []
    more = entries + [entry(5, outcome="advanced", prep={"hours": 2}), entry(6, outcome="offer", prep={"hours": 4})]
    assert "about 4.0 hours (the middle of 3)" in checklist(more)[0]


def test_review_date_moves_on_every_two_weeks():
    planned = dt.date(2026, 11, 1)
    assert review_date(planned, planned) == dt.date(2026, 11, 15)
    assert review_date(planned, dt.date(2026, 11, 15)) == dt.date(2026, 11, 15)
    assert review_date(planned, dt.date(2026, 11, 16)) == dt.date(2026, 11, 29)


def test_an_area_planned_today_is_active_once_one_of_its_actions_is_begun(six):
    inputs = [theme("conciseness", [six[0], six[2], six[3], six[5]])]
    state = PlanState()
    first = build_plan(six, inputs, state, today=TODAY).focus[0]
    assert first.status == NEW
    mark(state, first.actions[0].id, ActionStatus.DONE, TODAY)
    again = build_plan(six, inputs, state, today=TODAY).focus[0]
    assert again.status == ACTIVE
