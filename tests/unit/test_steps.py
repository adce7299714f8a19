"""Small steps and their outcomes, on every engine."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from planner_tui import clock
from planner_tui.db.engine import Database
from planner_tui.db.models import Initiator, StepStatus
from planner_tui.errors import InvalidInput, NotFound
from planner_tui.services import people, steps


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=clock.local_zone())


@pytest.fixture
def ana(db: Database) -> int:
    with db.write() as s:
        return people.create_person(session=s, data={"name": "Ana"}).id


def plan(db: Database, person: int, due: str, **extra: object) -> int:
    with db.write() as s:
        data = {"person_id": person, "action": "send a text", "due_at": local(due), **extra}
        return steps.create_step(session=s, data=data).id


def test_done_records_an_interaction_that_resets_drift(db: Database, ana: int) -> None:
    step = plan(db, ana, "2026-11-23T18:00", channel="text", expected_awkwardness=4)
    with db.write() as s:
        result = steps.record_outcome(
            session=s,
            step_id=step,
            outcome={"status": "done", "warmth": 4, "felt_awkwardness": 2, "responded": "mutual"},
        )
    assert result.status is StepStatus.DONE and result.felt_awkwardness == 2
    with db.session() as s:
        [interaction] = people.list_interactions(session=s, person_id=ana)
        assert interaction.step_id == step and interaction.warmth == 4
        assert interaction.initiator is Initiator.MUTUAL
        assert people.get_person(session=s, person_id=ana).last_contact is not None


@pytest.mark.parametrize("status", ["declined", "no_reply", "skipped"])
def test_other_outcomes_record_no_contact(db: Database, ana: int, status: str) -> None:
    step = plan(db, ana, "2026-11-23T18:00")
    with db.write() as s:
        assert (
            steps.record_outcome(session=s, step_id=step, outcome={"status": status}).status
            == status
        )
    with db.session() as s:
        assert people.list_interactions(session=s) == []
        assert steps.list_steps(session=s, upcoming=True) == []


def test_rescheduled_makes_a_new_step_linked_to_the_old(db: Database, ana: int) -> None:
    step = plan(db, ana, "2026-11-23T18:00")
    with pytest.raises(InvalidInput, match="new time"), db.write() as s:
        steps.record_outcome(session=s, step_id=step, outcome={"status": "rescheduled"})
    with db.write() as s:
        moved = steps.record_outcome(
            session=s,
            step_id=step,
            outcome={"status": "rescheduled", "new_due_at": local("2026-11-28T10:00")},
        )
    assert moved.previous_id == step and moved.status is StepStatus.PLANNED
    assert clock.to_local(moved.due_at) == local("2026-11-28T10:00")


def test_repeating_step_gets_its_next_occurrence_at_the_same_local_time(
    db: Database, ana: int
) -> None:
    # Across the end of British Summer Time: the wall-clock time stays 18:00.
    clock.freeze(datetime(2026, 10, 20, 9, 0))
    step = plan(db, ana, "2026-10-20T18:00", rrule="FREQ=WEEKLY;INTERVAL=1")
    with db.write() as s:
        following = steps.record_outcome(session=s, step_id=step, outcome={"status": "done"})
    assert clock.to_local(following.due_at) == local("2026-10-27T18:00")
    with db.session() as s:
        first = steps.get_step(session=s, step_id=step)
    assert following.due_at - first.due_at == timedelta(days=7, hours=1)


def test_an_outcome_is_recorded_once(db: Database, ana: int) -> None:
    step = plan(db, ana, "2026-11-23T18:00")
    with db.write() as s:
        steps.record_outcome(session=s, step_id=step, outcome={"status": "done"})
    with pytest.raises(InvalidInput, match="already has an outcome"), db.write() as s:
        steps.record_outcome(session=s, step_id=step, outcome={"status": "declined"})


def test_bad_repeat_rules_and_people_are_refused(db: Database, ana: int) -> None:
    with pytest.raises(InvalidInput, match="repeat rule"):
        plan(db, ana, "2026-11-23T18:00", rrule="FREQ=SOMETIMES")
    with pytest.raises(NotFound, match="No person"):
        plan(db, 999, "2026-11-23T18:00")
    with pytest.raises(InvalidInput, match="can't be empty"):
        plan(db, ana, "2026-11-23T18:00", action="   ")


def test_due_today_includes_not_yet_done_ones_soonest_first(db: Database, ana: int) -> None:
    plan(db, ana, "2026-11-24T09:00")  # tomorrow: not due
    earlier = plan(db, ana, "2026-11-20T18:00")
    today = plan(db, ana, "2026-11-23T21:00")
    with db.session() as s:
        assert [x.id for x in steps.due_steps(session=s)] == [earlier, today]
