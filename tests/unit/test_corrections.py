"""Correcting the record, on every engine: a contact edited or deleted, a planned step
changed (one occurrence or the whole series), an outcome changed, two people merged — and
every one of them taken back exactly by undo."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from functools import partial
from typing import Any

import pytest
import recurring_ical_events
from icalendar import Calendar
from sqlmodel import select

from planner_tui import clock, when, words
from planner_tui.db.engine import Database
from planner_tui.db.models import Step, StepStatus
from planner_tui.errors import InvalidInput, StorageError
from planner_tui.journal_search import mentions_in
from planner_tui.services import calendar, corrections, gaps, journal, people, steps
from planner_tui.services.undo import Change, revert

from .. import hostile
from ..conftest import FROZEN

TODAY = date(2026, 11, 23)  # a Monday; the clock says 20:00


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=clock.local_zone())


def days_ago(n: int, hour: int = 12) -> datetime:
    return datetime.combine(TODAY - timedelta(days=n), datetime.min.time()).replace(
        hour=hour, tzinfo=UTC
    )


def person(s: Any, name: str, **fields: Any) -> int:
    return people.create_person(session=s, data={"name": name, **fields}).id


def meet(s: Any, who: list[int], ago: int, **fields: Any) -> int:
    data = {"occurred_at": days_ago(ago), "person_ids": who, **fields}
    return people.log_interaction(session=s, data=data).id


def plan(s: Any, who: int, due: str, **fields: Any) -> int:
    data = {"person_id": who, "action": "call", "due_at": local(due), **fields}
    return steps.create_step(session=s, data=data).id


def stored_data(db: Database) -> dict[str, list[str]]:
    """Every row of every table (but the count of writes, which only goes up)."""
    rows = hostile.stored_data(db)
    rows.pop("app_setting")
    return rows


def undo(db: Database, change: Change) -> None:
    with db.write() as s:
        revert(session=s, change=change)


def step_rows(db: Database) -> list[Step]:
    with db.session() as s:
        return list(s.exec(select(Step).order_by(Step.id)).all())  # type: ignore[arg-type]


# --------------------------------------------------------------------------- contacts


def test_a_contact_logged_wrongly_is_corrected_and_drift_and_balance_follow(
    db: Database,
) -> None:
    with db.write() as s:
        ana = person(s, "Ana", cadence_days=7)
        ben = person(s, "Ben", cadence_days=7)
        meet(s, [ana], 30, initiator="them")
        meet(s, [ben], 30, initiator="them")
        wrong = meet(s, [ana], 0, initiator="me", warmth=2, note="call")  # was with Ben
    before = stored_data(db)
    with db.session() as s:
        assert people.get_person(session=s, person_id=ana).drifting_days is None
        assert people.get_person(session=s, person_id=ben).drifting_days is not None
    with db.write() as s:
        change = corrections.update_interaction(
            session=s,
            interaction_id=wrong,
            data={"occurred_at": days_ago(0), "person_ids": [ben], "initiator": "them",
                  "channel": "call", "warmth": 4, "got_emotional": True, "note": "[b]hi[/b]"},
        )  # fmt: skip
    with db.session() as s:
        assert people.get_person(session=s, person_id=ana).drifting_days == 30 - 7
        assert people.get_person(session=s, person_id=ben).drifting_days is None
        fixed = people.list_interactions(session=s, person_id=ben)[0]
        assert (fixed.id, fixed.people, fixed.warmth, fixed.note) == (
            wrong,
            ["Ben"],
            4,
            "[b]hi[/b]",
        )
        assert gaps.reciprocity(session=s, person_id=ben, last=20).got_emotional == 1
        assert gaps.reciprocity(session=s, person_id=ana, last=20).me == 0
    undo(db, change)
    assert stored_data(db) == before


def test_a_contact_can_be_deleted_and_undo_brings_it_back_with_its_people(db: Database) -> None:
    with db.write() as s:
        ana, ben = person(s, "Ana"), person(s, "Ben")
        shared = meet(s, [ana, ben], 2, warmth=5)
    before = stored_data(db)
    with db.write() as s:
        change = people.delete_interaction(session=s, interaction_id=shared)
    assert change.count == {"interaction": 1, "interaction_person": 2}
    with db.session() as s:
        assert people.list_interactions(session=s) == []
    undo(db, change)
    assert stored_data(db) == before


def test_a_done_steps_contact_moved_or_made_warmer_takes_the_step_with_it(db: Database) -> None:
    """The step done shows when it happened, as its contact says: the contact moved to
    another day left the step done on the old one, and its warmth apart (nu246)."""
    with db.write() as s:
        ana = person(s, "Ana")
        step = plan(s, ana, "2026-11-23T10:00")
        steps.record_outcome(session=s, step_id=step, outcome={"status": "done", "warmth": 5})
        [contact] = people.list_interactions(session=s, person_id=ana, limit=1)
    before = stored_data(db)
    with db.write() as s:
        change = corrections.update_interaction(
            session=s, interaction_id=contact.id,
            data={"occurred_at": local("2026-11-16T18:30"), "person_ids": [ana], "warmth": 3},
        )  # fmt: skip
    with db.session() as s:
        done = steps.get_step(session=s, step_id=step)
        assert (steps.settled_or_due(done), done.warmth) == (local("2026-11-16T18:30"), 3)
    undo(db, change)
    assert stored_data(db) == before


def test_undo_never_overwrites_what_was_changed_since(db: Database) -> None:
    with db.write() as s:
        ana = person(s, "Ana")
        contact = meet(s, [ana], 1, warmth=2, note="first")
    with db.write() as s:
        warmer = corrections.update_interaction(
            session=s, interaction_id=contact,
            data={"occurred_at": days_ago(1), "person_ids": [ana], "warmth": 4, "note": "first"},
        )  # fmt: skip
    with db.write() as s:  # a later change to another detail...
        corrections.update_interaction(
            session=s, interaction_id=contact,
            data={"occurred_at": days_ago(1), "person_ids": [ana], "warmth": 4, "note": "later"},
        )  # fmt: skip
    undo(db, warmer)  # ...stays when the warmth goes back
    with db.session() as s:
        [row] = people.list_interactions(session=s)
        assert (row.warmth, row.note) == (2, "later")
    with db.write() as s:
        again = corrections.update_interaction(
            session=s, interaction_id=contact,
            data={"occurred_at": days_ago(1), "person_ids": [ana], "warmth": 5},
        )  # fmt: skip
        corrections.update_interaction(
            session=s, interaction_id=contact,
            data={"occurred_at": days_ago(1), "person_ids": [ana], "warmth": 1},
        )  # fmt: skip
    before = stored_data(db)
    with pytest.raises(StorageError, match="can't be undone"):
        undo(db, again)  # the warmth it set has been changed again: left alone
    assert stored_data(db) == before
    with db.write() as s:
        gone = people.delete_interaction(session=s, interaction_id=contact)
        people.delete_person(session=s, person_id=ana)
    with pytest.raises(StorageError, match="can't be undone"):
        undo(db, gone)  # the person it was with has gone since


def test_a_merge_is_still_undone_after_archiving_and_bringing_back(db: Database) -> None:
    """Archiving someone just merged and bringing them back changed only when their row was
    last changed, and the merge could no longer be undone (23 contacts moved for good)."""
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana", "notes": "choir"}).id
        other = people.create_person(session=s, data={"name": "Ana B", "notes": "walks"}).id
        people.log_interaction(session=s, data={"occurred_at": days_ago(2), "person_ids": [other]})
    before = stored_data(db)
    clock.freeze(clock.now() + timedelta(minutes=5))  # each change later: a later stamp
    with db.write() as s:
        merged = corrections.merge_people(session=s, keep_id=ana, other_id=other)
    clock.freeze(clock.now() + timedelta(minutes=5))
    for archived in (True, False):
        with db.write() as s:
            people.update_person(session=s, person_id=ana, data={"archived": archived})
    undo(db, merged)
    after = stored_data(db)
    assert {k: v for k, v in after.items() if k != "person"} == {
        k: v for k, v in before.items() if k != "person"
    }
    with db.session() as s:
        back = {p.name: p.notes for p in people.list_people(session=s, include_archived=True)}
    assert back == {"Ana": "choir", "Ana B": "walks"}
    with db.write() as s:  # what the merge gave is changed since: that is still refused
        merged = corrections.merge_people(session=s, keep_id=ana, other_id=other)
        people.update_person(session=s, person_id=ana, data={"notes": "mine now"})
    with pytest.raises(StorageError, match="can't be undone"):
        undo(db, merged)


def test_a_deleted_number_is_never_given_again_so_undo_brings_the_row_back(db: Database) -> None:
    """The newest person, step, contact and check-in deleted and another of each made: the
    new one has a number of its own (SQLite gave the deleted one out again, schema 0012), so
    an old number never names it, and undoing each delete brings the row back as it was."""
    with db.write() as s:
        ana = person(s, "Ana")
        step = plan(s, ana, "2026-11-25T18:00")
        contact = meet(s, [ana], 1)
        entry = journal.save_entry(session=s, data={"day": TODAY, "body": "a walk"}).id
    before = stored_data(db)
    with db.write() as s:
        deleted = [
            journal.delete_entry(session=s, entry_id=entry),
            people.delete_interaction(session=s, interaction_id=contact),
            steps.delete_step(session=s, step_id=step),
            people.delete_person(session=s, person_id=ana),
        ]
    with db.write() as s:
        bo = person(s, "Bo")
        made = {
            "person": bo,
            "step": plan(s, bo, "2026-11-26T18:00"),
            "contact": meet(s, [bo], 2),
            "entry": journal.save_entry(session=s, data={"day": TODAY, "body": "tea"}).id,
        }
    assert made == {"person": ana + 1, "step": step + 1, "contact": contact + 1,
                    "entry": entry + 1}  # fmt: skip
    for change in reversed(deleted):
        undo(db, change)
    after = stored_data(db)
    for table, rows in before.items():
        assert set(rows) <= set(after[table]), table
    with db.session() as s:
        assert people.get_person(session=s, person_id=ana).name == "Ana"
        assert steps.get_step(session=s, step_id=step).person == "Ana"
        assert steps.get_step(session=s, step_id=made["step"]).person == "Bo"


@pytest.mark.parametrize("year", [1, 99, 999, 2026, 9999])
def test_a_time_shown_to_be_changed_is_the_same_time_saved_unchanged(
    db: Database, year: int
) -> None:
    """The forms that change a step or a contact hold its time as typed text; saved unchanged,
    it must be the same time. A year below 1000 was shown as '1-05-06 07:08', read back as 2001."""
    from planner_tui.ui.forms import interaction, step as step_form

    moment = datetime(year, 5, 6, 7, 8, tzinfo=clock.local_zone())
    with db.write() as s:
        bo = person(s, "Bo")
        planned = steps.create_step(
            session=s, data={"person_id": bo, "action": "call", "due_at": moment}
        )
        contact = people.log_interaction(
            session=s, data={"occurred_at": moment, "person_ids": [bo]}
        )
    shown = [step_form.as_typed(planned)["when"], interaction.as_typed(contact)["when"]]
    assert [when.parse_when(typed, lean="past") for typed in shown] == [moment, moment], shown


def test_a_contact_needs_someone_and_a_known_context(db: Database) -> None:
    with db.write() as s:
        ana = person(s, "Ana")
        contact = meet(s, [ana], 1)
    before = stored_data(db)
    for data, field in (
        ({"occurred_at": days_ago(1), "person_ids": []}, "person_ids"),
        ({"occurred_at": days_ago(1), "person_ids": [ana + 99]}, "person_ids"),
        ({"occurred_at": days_ago(1), "person_ids": [ana], "warmth": 9}, "warmth"),
    ):
        with pytest.raises(InvalidInput) as refused, db.write() as s:
            corrections.update_interaction(session=s, interaction_id=contact, data=data)
        assert refused.value.field == field
    assert stored_data(db) == before


# --------------------------------------------------------------------------- outcomes


def test_no_reply_that_became_done_records_the_contact_and_drops_the_follow_up(
    db: Database,
) -> None:
    with db.write() as s:
        ana = person(s, "Ana", cadence_days=7)
        meet(s, [ana], 20)
        step = plan(s, ana, "2026-11-23T20:00")
        follow_up = steps.record_outcome(
            session=s, step_id=step,
            outcome={"status": "no_reply", "new_due_at": local("2026-11-26T18:00")},
        ).following[0]  # fmt: skip
    before = stored_data(db)
    with db.write() as s:
        result, change = corrections.change_outcome(
            session=s, step_id=step, outcome={"status": "done", "warmth": 5, "responded": "them"}
        )
    assert result.step.status is StepStatus.DONE and result.following == []
    with db.session() as s:
        assert [r.id for r in steps.list_steps(session=s, upcoming=True)] == []
        [contact] = people.list_interactions(session=s, person_id=ana, limit=1)
        assert (contact.step_id, contact.warmth, contact.initiator) == (step, 5, "them")
        assert people.get_person(session=s, person_id=ana).drifting_days is None
    undo(db, change)
    assert stored_data(db) == before
    with db.session() as s:
        assert steps.get_step(session=s, step_id=follow_up.id).status is StepStatus.PLANNED


def test_an_outcome_saved_again_as_the_same_keeps_when_it_was_settled(db: Database) -> None:
    """A "not now" opened a fortnight later and saved unchanged was settled anew that day:
    this week's steps counted it again (nu197). Changed to another outcome, it is news."""
    with db.write() as s:
        step = plan(s, person(s, "Maria"), "2026-11-20T10:00")
        steps.record_outcome(session=s, step_id=step, outcome={"status": "declined"})
    said_at = clock.utcnow()
    clock.freeze(FROZEN + timedelta(days=14))
    with db.write() as s:
        result, _ = corrections.change_outcome(
            session=s, step_id=step, outcome={"status": "declined", "note": "busy month"}
        )
    assert result.step.outcome_note == "busy month"
    assert result.step.resolved_at == said_at
    with db.write() as s:
        result, _ = corrections.change_outcome(
            session=s, step_id=step, outcome={"status": "no_reply"}
        )
    assert result.step.resolved_at == clock.utcnow() != said_at


def test_the_same_outcome_again_keeps_the_step_it_planned(db: Database) -> None:
    """A "not now" with another time next week, opened again and saved with only its note
    changed, took that step off the plan ("Taken off with the old outcome"); typed again,
    the same time was planned anew and said as both planned and taken off (nu202)."""
    with db.write() as s:
        step = plan(s, person(s, "Zoë"), "2026-11-23T19:00")
        later = steps.record_outcome(
            session=s, step_id=step,
            outcome={"status": "declined", "new_due_at": local("2026-11-30T19:00")},
        ).following[0]  # fmt: skip
    # typed again as the outcome is changed, it is no other step "just like this" (nu207)
    with db.session() as s:
        assert steps.already_there(session=s, step_id=step, due_at=later.due_at) is None
    for again in ({}, {"new_due_at": local("2026-11-30T19:00")}):
        with db.write() as s:
            result, _ = corrections.change_outcome(
                session=s, step_id=step, outcome={"status": "declined", "note": "busy", **again}
            )
        assert (result.taken_off, result.following) == ([], [])
        with db.session() as s:
            assert [r.id for r in steps.list_steps(session=s, upcoming=True)] == [later.id]
    with db.write() as s:  # another time asked for: that one instead
        result, _ = corrections.change_outcome(
            session=s, step_id=step,
            outcome={"status": "declined", "new_due_at": local("2026-12-02T19:00")},
        )  # fmt: skip
    assert [t.id for t in result.taken_off] == [later.id]
    assert [f.due_at for f in result.following] == [local("2026-12-02T19:00")]


def test_done_that_did_not_happen_takes_its_contact_away(db: Database) -> None:
    with db.write() as s:
        ana = person(s, "Ana")
        step = plan(s, ana, "2026-11-23T20:00")
        steps.record_outcome(session=s, step_id=step, outcome={"status": "done"})
    with db.write() as s:
        result, _ = corrections.change_outcome(
            session=s, step_id=step,
            outcome={"status": "declined", "new_due_at": local("2026-11-30T18:00")},
        )  # fmt: skip
    with db.session() as s:
        assert people.list_interactions(session=s) == []
        assert people.get_person(session=s, person_id=ana).last_contact is None
    assert result.step.status is StepStatus.DECLINED
    assert [f.due_at for f in result.following] == [local("2026-11-30T18:00")]


def test_a_repeating_steps_changed_outcome_keeps_one_next_occurrence(db: Database) -> None:
    with db.write() as s:
        ana = person(s, "Ana")
        weekly = plan(s, ana, "2026-11-23T20:00", rrule="FREQ=WEEKLY")
        moved, following = steps.record_outcome(
            session=s, step_id=weekly,
            outcome={"status": "rescheduled", "new_due_at": local("2026-11-24T19:00")},
        ).following  # fmt: skip
    with db.write() as s:
        corrections.change_outcome(session=s, step_id=weekly, outcome={"status": "done"})
    rows = step_rows(db)
    assert [r.id for r in rows] == [weekly, following.id]  # the moved copy went; one next
    assert rows[0].status == "done" and rows[1].status == "planned"
    assert rows[1].due_at == local("2026-11-30T20:00")
    with db.write() as s:  # again, the other way: a moved copy comes back, still one next
        result, _ = corrections.change_outcome(
            session=s, step_id=weekly,
            outcome={"status": "rescheduled", "new_due_at": local("2026-11-25T19:00")},
        )  # fmt: skip
    assert [(f.due_at, f.rrule) for f in result.following] == [(local("2026-11-25T19:00"), None)]
    assert len([r for r in step_rows(db) if r.status == "planned" and r.rrule]) == 1
    assert moved.id not in [r.id for r in step_rows(db)]


def moved_twice(db: Database) -> tuple[int, int, int]:
    """Ana's step on Monday 23 November, moved to the 24th, and that copy to the 25th: the
    three steps' numbers."""
    with db.write() as s:
        step = plan(s, person(s, "Ana"), "2026-11-23T20:00")
        numbers = [step]
        for day in ("2026-11-24T19:00", "2026-11-25T19:00"):
            [copy] = steps.record_outcome(
                session=s, step_id=numbers[-1],
                outcome={"status": "rescheduled", "new_due_at": local(day)},
            ).following  # fmt: skip
            numbers.append(copy.id)
    return numbers[0], numbers[1], numbers[2]


def test_a_step_moved_twice_that_was_done_after_all_leaves_no_copy_planned(db: Database) -> None:
    """Moved, and its copy moved again: changed to done, the step was done and yet both
    copies stayed, one of them still planned (a new user's trial)."""
    step, moved, again = moved_twice(db)
    before = stored_data(db)
    with db.write() as s:
        result, change = corrections.change_outcome(
            session=s, step_id=step, outcome={"status": "done"}
        )
    assert result.step.status is StepStatus.DONE and result.following == []
    assert [(r.id, r.status) for r in step_rows(db)] == [(step, "done")]
    with db.session() as s:
        [contact] = people.list_interactions(session=s)
        assert contact.step_id == step
    undo(db, change)  # both copies come back, as they were
    assert stored_data(db) == before
    assert [r.id for r in step_rows(db)] == [step, moved, again]


def test_a_moved_step_that_happened_as_its_copy_is_changed_there(db: Database) -> None:
    """Moved twice, then done as its last copy: changing the first to done removed the
    middle copy, kept two done steps and two contacts, and cut the last copy's link."""
    step, moved, again = moved_twice(db)
    with db.write() as s:
        steps.record_outcome(session=s, step_id=again, outcome={"status": "done"})
    before = stored_data(db)
    message = f"This step was moved, and went on as #{again} (Wed 25 Nov, 19:00), noted as done"
    for changed in (step, moved):
        with pytest.raises(InvalidInput, match=re.escape(message)), db.write() as s:
            corrections.change_outcome(session=s, step_id=changed, outcome={"status": "done"})
    assert stored_data(db) == before


def test_a_moved_step_naming_itself_as_the_one_before_can_still_be_changed(
    db: Database,
) -> None:
    """Imports took a step naming itself as its previous one until 3 December 2026: its
    chain of copies must not run round it for ever."""
    with db.write() as s:
        step = plan(s, person(s, "Ana"), "2026-11-23T20:00")
        steps.record_outcome(
            session=s, step_id=step,
            outcome={"status": "rescheduled", "new_due_at": local("2026-11-24T19:00")},
        )  # fmt: skip
    with db.engine.begin() as connection:
        connection.exec_driver_sql(f"UPDATE step SET previous_id = id WHERE id = {step}")
    with db.write() as s:
        result, _ = corrections.change_outcome(session=s, step_id=step, outcome={"status": "done"})
    assert result.step.status is StepStatus.DONE


def test_a_follow_up_that_has_its_own_outcome_stays(db: Database) -> None:
    with db.write() as s:
        ana = person(s, "Ana")
        step = plan(s, ana, "2026-11-23T20:00")
        follow_up = steps.record_outcome(
            session=s, step_id=step,
            outcome={"status": "no_reply", "new_due_at": local("2026-11-24T18:00")},
        ).following[0]  # fmt: skip
        steps.record_outcome(session=s, step_id=follow_up.id, outcome={"status": "done"})
        corrections.change_outcome(session=s, step_id=step, outcome={"status": "skipped"})
    with db.session() as s:
        assert steps.get_step(session=s, step_id=follow_up.id).status is StepStatus.DONE
        assert len(people.list_interactions(session=s)) == 1


def test_a_step_without_an_outcome_has_none_to_change(db: Database) -> None:
    with db.write() as s:
        step = plan(s, person(s, "Ana"), "2026-11-24T18:00")
    with pytest.raises(InvalidInput, match="no outcome yet"), db.write() as s:
        corrections.change_outcome(session=s, step_id=step, outcome={"status": "done"})


# --------------------------------------------------------------------------- planned steps


def test_a_planned_step_takes_new_words_time_how_cue_and_backup(db: Database) -> None:
    with db.write() as s:
        step = plan(s, person(s, "Ana"), "2026-11-24T18:00", channel="call")
    before = stored_data(db)
    with db.write() as s:
        change = corrections.update_step(
            session=s, step_id=step,
            data={"action": "send a voice note [b]", "due_at": local("2026-11-25T09:30"),
                  "channel": "text", "cue": "after breakfast", "backup": "a text on Friday",
                  "expected_awkwardness": 2},
        )  # fmt: skip
    with db.session() as s:
        got = steps.get_step(session=s, step_id=step)
    assert (got.action, got.due_at, got.channel) == (
        "send a voice note [b]", local("2026-11-25T09:30"), "text")  # fmt: skip
    assert (got.cue, got.backup, got.expected_awkwardness) == (
        "after breakfast", "a text on Friday", 2)  # fmt: skip
    assert step_rows(db)[0].sequence == 1  # a calendar updates the event
    undo(db, change)
    assert stored_data(db) == before


def test_a_step_change_is_checked_like_a_new_step(db: Database) -> None:
    with db.write() as s:
        step = plan(s, person(s, "Ana"), "2026-11-24T18:00")
        done = plan(s, person(s, "Ben"), "2026-11-24T18:00")
        steps.record_outcome(session=s, step_id=done, outcome={"status": "done"})
    before = stored_data(db)
    for step_id, data, field in (
        (step, {"due_at": local("2026-11-20T18:00")}, "when"),
        (step, {"action": "   "}, "action"),
        (step, {"rrule": "FREQ=NEVER"}, "rrule"),
        (done, {"action": "other words"}, "status"),
    ):
        with pytest.raises(InvalidInput) as refused, db.write() as s:
            corrections.update_step(session=s, step_id=step_id, data=data)
        assert refused.value.field == field
    assert stored_data(db) == before


def test_new_words_for_the_whole_series_carry_on_to_the_next_occurrences(db: Database) -> None:
    with db.write() as s:
        weekly = plan(s, person(s, "Ana"), "2026-11-26T18:00", rrule="FREQ=WEEKLY")
        corrections.update_step(
            session=s, step_id=weekly, data={"action": "video call"}, scope="series"
        )
        following = steps.record_outcome(
            session=s, step_id=weekly, outcome={"status": "done"}
        ).following
    assert [(f.action, f.due_at) for f in following] == [("video call", local("2026-12-03T18:00"))]
    assert {r.sequence for r in step_rows(db)} == {0}  # the calendar's series, unchanged


def test_a_new_time_for_the_series_starts_it_again_from_there_in_app_and_calendar(
    db: Database,
) -> None:
    with db.write() as s:
        ana = person(s, "Ana")
        first = plan(s, ana, "2026-11-19T18:00", rrule="FREQ=WEEKLY")  # Thursdays
        current = (
            steps.record_outcome(session=s, step_id=first, outcome={"status": "done"})
            .following[0]
            .id
        )
    with db.write() as s:  # from now on, Fridays at 19:00
        change = corrections.update_step(
            session=s, step_id=current, data={"due_at": local("2026-11-27T19:00")}
        )
        following = steps.record_outcome(
            session=s, step_id=current, outcome={"status": "done"}
        ).following
    assert [f.due_at for f in following] == [local("2026-12-04T19:00")]
    rows = step_rows(db)
    assert len({r.uid for r in rows}) == 1  # the same calendar event
    assert rows[-1].sequence == 1 > rows[0].sequence
    with db.session() as s:
        data = calendar.export_ics(session=s, alarm_minutes=15)
    [event] = Calendar.from_ical(data).walk("VEVENT")
    assert event["DTSTART"].dt.replace(tzinfo=None) == datetime(2026, 11, 27, 19, 0)
    assert int(event["SEQUENCE"]) == 1
    start = local("2026-11-23T00:00")
    found = recurring_ical_events.of(Calendar.from_ical(data)).between(start, start + timedelta(28))
    # Friday 27th was done early (on the 23rd): no longer still to come (nu239, nu243)
    assert [e["DTSTART"].dt.strftime("%a %d %H:%M") for e in found] == [
        "Fri 04 19:00", "Fri 11 19:00", "Fri 18 19:00"]  # fmt: skip
    assert not change.empty


def test_one_occurrence_changed_alone_overrides_it_and_the_series_goes_on(db: Database) -> None:
    with db.write() as s:
        weekly = plan(s, person(s, "Ana"), "2026-11-26T18:00", rrule="FREQ=WEEKLY;BYDAY=TH",
                      cue="after tea")  # fmt: skip
    before = stored_data(db)
    with db.write() as s:
        change = corrections.update_step(
            session=s, step_id=weekly, scope="one",
            data={"action": "lunch instead", "due_at": local("2026-11-27T12:30"), "cue": ""},
        )  # fmt: skip
    rows = step_rows(db)
    assert [(r.action, r.due_at, r.rrule, r.cue) for r in rows] == [
        ("lunch instead", local("2026-11-27T12:30"), None, ""),
        ("call", local("2026-12-03T18:00"), "FREQ=WEEKLY;BYDAY=TH", "after tea"),
    ]
    assert rows[0].recurrence_id == local("2026-11-26T18:00") and rows[0].uid == rows[1].uid
    assert (rows[0].sequence, rows[1].sequence) == (1, 0)
    with db.session() as s:
        data = calendar.export_ics(session=s, alarm_minutes=15)
    start = local("2026-11-23T00:00")
    found = recurring_ical_events.of(Calendar.from_ical(data)).between(start, start + timedelta(21))
    assert [(str(e["SUMMARY"]), e["DTSTART"].dt.strftime("%a %d %H:%M")) for e in found] == [
        ("lunch instead (Ana)", "Fri 27 12:30"),
        ("call (Ana)", "Thu 03 18:00"),
        ("call (Ana)", "Thu 10 18:00"),
    ]
    undo(db, change)
    assert stored_data(db) == before
    with db.write() as s:  # again; the rule still counts from the first Thursday
        corrections.update_step(session=s, step_id=weekly, scope="one", data={"action": "x"})
        series = steps.list_steps(session=s, upcoming=True)[-1].id
        nxt = steps.record_outcome(session=s, step_id=series, outcome={"status": "done"})
    assert [f.due_at for f in nxt.following] == [local("2026-12-10T18:00")]


def test_a_repeat_changes_only_for_the_whole_series_and_can_end(db: Database) -> None:
    with db.write() as s:
        weekly = plan(s, person(s, "Ana"), "2026-11-26T18:00", rrule="FREQ=WEEKLY")
    with pytest.raises(InvalidInput, match="whole series") as refused, db.write() as s:
        corrections.update_step(session=s, step_id=weekly, scope="one", data={"rrule": None})
    assert refused.value.field == "rrule"
    with db.write() as s:
        corrections.update_step(session=s, step_id=weekly, data={"rrule": "FREQ=MONTHLY"})
        assert steps.record_outcome(session=s, step_id=weekly, outcome={"status": "done"}
                                    ).following[0].due_at == local("2026-12-26T18:00")  # fmt: skip
    with db.write() as s:
        monthly = steps.list_steps(session=s, upcoming=True)[0].id
        corrections.update_step(session=s, step_id=monthly, data={"rrule": None})
        assert steps.record_outcome(session=s, step_id=monthly, outcome={"status": "done"}
                                    ).following == []  # fmt: skip


def test_a_series_moved_to_a_day_its_repeat_skips_starts_on_its_next_day(db: Database) -> None:
    """Moved from a Monday to Tuesday 19:00 while repeating every Monday and Thursday, the
    series started on a Tuesday, a day its rule leaves out (a calendar's start that its rule
    doesn't match is undefined). It starts on Thursday, at the time chosen, as a new step
    does; changed alone, one occurrence keeps the day chosen."""
    rule = "FREQ=WEEKLY;BYDAY=MO,TH"
    with db.write() as s:
        ana = person(s, "Ana")
        series = plan(s, ana, "2026-11-30T18:00", rrule=rule)
        corrections.update_step(
            session=s, step_id=series, data={"due_at": local("2026-12-01T19:00")}
        )
        [moved] = steps.list_steps(session=s, upcoming=True)
        assert (moved.due_at, moved.rrule) == (local("2026-12-03T19:00"), rule)
        corrections.update_step(
            session=s, step_id=series, scope="one", data={"due_at": local("2026-12-08T10:00")}
        )
        planned = steps.list_steps(session=s, upcoming=True)
        assert [(p.due_at, p.rrule) for p in planned] == [
            (local("2026-12-07T19:00"), rule),
            (local("2026-12-08T10:00"), None),
        ]


# --------------------------------------------------------------------------- merging people


def test_merging_moves_everything_and_keeps_the_old_name_as_an_alias(db: Database) -> None:
    with db.write() as s:
        work = people.create_context(session=s, data={"name": "Work"}).id
        choir = people.create_context(session=s, data={"name": "Choir"}).id
        keep = person(s, "Ana Silva", context_ids=[work], notes="likes tea")
        other = person(s, "Nani [b]", nickname="Ani", cadence_days=10, context_ids=[choir, work],
                       notes="met at choir", boundaries="texts only")  # fmt: skip
        ben = person(s, "Ben")
        both = meet(s, [keep, other], 3)
        meet(s, [other, ben], 2, warmth=5)
        plan(s, other, "2026-11-24T18:00")
        for who, label, month, day, year in ((keep, "birthday", 4, 12, None),
                                             (other, "Birthday", 4, 12, 1990),
                                             (other, "moved here", 9, 1, 2025)):  # fmt: skip
            people.add_date(session=s, data={"person_id": who, "label": label, "month": month,
                                             "day": day, "year": year})  # fmt: skip
        entry = journal.save_entry(session=s, data={
            "day": TODAY, "body": "tea with @Nani", "person_ids": [keep, other],
            "contact_person_ids": [other]}).id  # fmt: skip
    before = stored_data(db)
    with db.session() as s:
        counts = corrections.merge_counts(session=s, person_id=other, keep_id=keep)
    # The birthday is theirs already, and so are Work, the contact together and the check-in
    # naming both: they won't move (a shared context was counted as moving).
    assert counts == corrections.MergeCounts(
        contacts=1, steps=1, mentions=0, contexts=1, dates=1, shared=3, theirs_stay=[]
    )
    with db.write() as s:
        change = corrections.merge_people(session=s, keep_id=keep, other_id=other)
    with db.session() as s:
        everyone = people.list_people(session=s)
        merged = people.get_person(session=s, person_id=keep)
        assert [p.name for p in everyone] == ["Ana Silva", "Ben"]
        assert merged.aliases == ["Nani [b]"] and merged.nickname == "Ani"
        assert merged.contexts == ["Choir", "Work"] and merged.cadence_days == 10
        assert merged.notes == "likes tea\n\nmet at choir" and merged.boundaries == "texts only"
        assert [i.id for i in people.list_interactions(session=s, person_id=keep)][-1] == both
        assert len(people.list_interactions(session=s, person_id=keep)) == 2
        assert [st.person for st in steps.list_steps(session=s)] == ["Ana Silva"]
        dates = people.list_dates(session=s, person_id=keep)
        assert [(d.label, d.year) for d in dates] == [("birthday", 1990), ("moved here", 2025)]
        linked = journal.get_entry(session=s, entry_id=entry)
        assert (linked.person_ids, linked.contact_person_ids) == ([keep], [keep])
        # @OldName still links, in a check-in, in search and in a duplicate check.
        assert mentions_in("tea with @Nani again", everyone) == ([keep], [])
        assert mentions_in("and @Ani", everyone) == ([keep], [])
        query, problems = journal.read_search(session=s, text="@Nani")
        assert problems == [] and query.person_ids == [keep]
        assert [p.id for p in people.find_duplicates(session=s, name="nani [B]")] == [keep]
        assert people.name_index(session=s)["nanib"] == [(keep, "Ana Silva")]
    undo(db, change)
    assert stored_data(db) == before


def test_merging_a_merged_person_keeps_every_old_name(db: Database) -> None:
    with db.write() as s:
        ana, ana_s, annie = person(s, "Ana"), person(s, "Ana S."), person(s, "Annie")
        corrections.merge_people(session=s, keep_id=ana_s, other_id=annie)
        corrections.merge_people(session=s, keep_id=ana, other_id=ana_s)
        corrections.merge_people(session=s, keep_id=ana, other_id=person(s, "ana"))
    with db.session() as s:
        [only] = people.list_people(session=s)
        assert only.aliases == ["Annie", "Ana S."]  # "ana" is her own name already
        assert mentions_in("@Annie @AnaS", [only]) == ([ana], [])
        # The old names find her wherever a name is typed: the command line, the Plan's filter.
        assert [p.id for p in people.people_called(session=s, typed="Annie")] == [ana]
    with db.write() as s:
        steps.create_step(session=s, data={"person_id": ana, "action": "call",
                                           "due_at": datetime(2026, 11, 24, 18, tzinfo=UTC)})  # fmt: skip
    with db.session() as s:
        assert [x.person_id for x in steps.list_steps(session=s, person_name="anni")] == [ana]


def test_merging_keeps_the_kept_persons_rhythm_and_takes_one_they_lack(db: Database) -> None:
    """Two people called Mo: the question before the merge once said the kept one keeps
    their own rhythm, yet one with none took the other's."""
    with db.write() as s:
        mo, weekly_mo = person(s, "Mo"), person(s, "Mo", cadence_days=7)
        monthly = person(s, "Mo M.", cadence_days=30)
    with db.session() as s:
        kept, other, third = (people.get_person(session=s, person_id=i)
                              for i in (mo, weekly_mo, monthly))  # fmt: skip
    assert corrections.taken_on_merging(kept, other) == ["rhythm"]
    assert corrections.taken_on_merging(other, third) == []
    said = partial(words.merge_keeps, rhythm=7, taken=["rhythm"], alias=False)
    assert said("Mo (#1)", "Mo (#2)", notes=False) == (  # one name: no other name to keep
        "Mo (#1) keeps their own name and circle, and takes Mo (#2)'s rhythm (weekly), having "
        "none of their own."
    )
    assert said("Mo (#1)", "Mo (#2)", notes=True).endswith("; Mo (#2)'s notes are added to theirs.")
    assert words.merge_keeps("Mo", "Mo M.", rhythm=7, taken=[], alias=True, notes=False) == (
        "Mo keeps their own name, circle and rhythm (weekly); Mo M. stays as another name for them."
    )
    with db.write() as s:
        corrections.merge_people(session=s, keep_id=mo, other_id=weekly_mo)
        assert people.get_person(session=s, person_id=mo).cadence_days == 7  # taken: it had none
        corrections.merge_people(session=s, keep_id=mo, other_id=monthly)
        assert people.get_person(session=s, person_id=mo).cadence_days == 7  # its own now


def test_merging_asks_for_two_people(db: Database) -> None:
    with db.write() as s:
        ana = person(s, "Ana")
    with pytest.raises(InvalidInput, match="same person"), db.write() as s:
        corrections.merge_people(session=s, keep_id=ana, other_id=ana)
    with pytest.raises(Exception, match="no longer in your planner"), db.write() as s:
        corrections.merge_people(session=s, keep_id=ana, other_id=ana + 5)


def test_deleting_someone_merged_takes_their_aliases_and_undo_brings_them_back(
    db: Database,
) -> None:
    with db.write() as s:
        ana = person(s, "Ana")
        corrections.merge_people(session=s, keep_id=ana, other_id=person(s, "Nani"))
    before = stored_data(db)
    with db.write() as s:
        change = people.delete_person(session=s, person_id=ana)
    assert change.count["person_alias"] == 1
    undo(db, change)
    assert stored_data(db) == before


def test_deleting_a_step_can_be_undone_with_its_links(db: Database) -> None:
    with db.write() as s:
        ana = person(s, "Ana")
        step = plan(s, ana, "2026-11-23T20:00", rrule="FREQ=WEEKLY")
        steps.record_outcome(session=s, step_id=step, outcome={"status": "done"})
    before = stored_data(db)
    with db.write() as s:
        change = steps.delete_step(session=s, step_id=step)
    with db.session() as s:
        assert people.list_interactions(session=s)[0].step_id is None
    undo(db, change)
    assert stored_data(db) == before


def test_changing_a_step_moved_meanwhile_names_the_step_it_went_on_as(db: Database) -> None:
    """A step's form open in the app while `later` moved it: saving said only that it had
    an outcome, not where it had gone."""
    with db.write() as s:
        ana = person(s, "Ana")
        old = steps.create_step(session=s, data={
            "person_id": ana, "action": "call", "due_at": datetime(2026, 11, 24, 18, tzinfo=UTC)}).id  # fmt: skip
        moved = steps.record_outcome(session=s, step_id=old, outcome={
            "status": "rescheduled", "new_due_at": datetime(2026, 11, 29, 10, tzinfo=UTC)})  # fmt: skip
        new = moved.following[0].id
    with (
        db.write() as s,
        pytest.raises(
            InvalidInput, match=rf"another time\. It goes on as #{new}, .*change how it went"
        ),
    ):
        corrections.update_step(session=s, step_id=old, data={"action": "call Ana"}, scope="series")
