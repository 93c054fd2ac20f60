import datetime as dt

import pytest

from reflect.errors import BadState
from reflect.journal import Journal
from reflect.state import ActionState, ActionStatus, FocusState, PlanState, load_plan, plan_path, save_plan, update_plan

from tests.conftest import mode


def _state() -> PlanState:
    day = dt.date(2026, 11, 22)
    return PlanState(
        focus=[FocusState(theme="conciseness", planned_on=day)],
        actions=[ActionState(id="conciseness-3f2a", theme="conciseness", text="Time your answers", status=ActionStatus.DONE, added_on=day, done_on=day)],
    )


def test_plan_state_round_trips_privately(data_dir):
    journal = Journal(data_dir)
    assert load_plan(journal) == PlanState()
    path = save_plan(journal, _state())
    assert path == data_dir / "state" / "plan.toml"
    assert mode(path) == 0o600 and mode(path.parent) == 0o700
    assert load_plan(journal) == _state()
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_update_writes_only_on_change(data_dir):
    journal = Journal(data_dir)
    update_plan(journal, lambda state: None)
    assert not plan_path(journal).exists()
    update_plan(journal, lambda state: state.focus.extend(_state().focus))
    assert load_plan(journal).focus == _state().focus


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("version = 1\nfocus = [{ theme = 'x', planned_on = 2026-01-01, colour = 'red' }]\n", "focus[0].colour"),
        ("[[actions]]\nid = 'x-1'\ntheme = 'x'\ntext = 't'\nstatus = 'finished'\nadded_on = 2026-01-01\n", "actions[0].status"),
        ("version = ", "not valid TOML"),
    ],
)
def test_bad_plan_file_is_reported_and_left_alone(data_dir, text, named):
    journal = Journal(data_dir)
    path = plan_path(journal)
    path.parent.mkdir(parents=True)
    path.write_text(text)
    with pytest.raises(BadState) as error:
        update_plan(journal, lambda state: state.focus.extend(_state().focus))
    assert str(path) in error.value.message and named in error.value.message
    assert path.read_text() == text
