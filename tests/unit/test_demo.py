"""The demo life: deterministic, refuses to mix, and carries patterns worth finding."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from sqlmodel import select

from planner_tui.db.engine import Database
from planner_tui.db.models import Channel, Interaction, JournalEntry, Step, StepStatus
from planner_tui.errors import InvalidInput
from planner_tui.services import demo, exchange, people


def test_same_seed_same_life(db: Database, sqlite_db: Database) -> None:
    for database in (db, sqlite_db):
        with database.write() as s:
            demo.generate(session=s, years=0.5, seed=7)
    with db.session() as a, sqlite_db.session() as b:
        assert (
            json.loads(exchange.export_json(session=a))["tables"]
            == json.loads(exchange.export_json(session=b))["tables"]
        )


def test_every_moved_step_in_the_sample_goes_on_at_its_new_time(db: Database) -> None:
    """A new user found moved steps in the sample life with nothing at their new time, so
    they dropped out of every count; each now goes on as `later` plans it."""
    with db.write() as s:
        demo.generate(session=s, years=1, seed=3)
    with db.session() as s:
        rows = s.exec(select(Step)).all()
        follow_ups = {row.previous_id: row for row in rows if row.previous_id is not None}
        moved = [row for row in rows if row.status == StepStatus.RESCHEDULED]
        assert len(moved) > 10
        for row in moved:
            copy = follow_ups[row.id]
            assert (copy.uid, copy.sequence) == (row.uid, row.sequence + 1)
            assert copy.due_at > row.due_at and copy.status != StepStatus.RESCHEDULED


def test_each_step_done_in_the_sample_is_as_warm_as_its_contact(sqlite_db: Database) -> None:
    """The Plan said a step done was 5/5 and the Review's list of contacts said its contact
    was 3/5 (nu246): the same moment, told two ways."""
    with sqlite_db.write() as s:
        demo.generate(session=s, years=1, seed=3)
    with sqlite_db.session() as s:
        warmth = {row.id: row.warmth for row in s.exec(select(Step)) if row.status == "done"}
        contacts = [c for c in s.exec(select(Interaction)) if c.step_id is not None]
    assert len(contacts) > 100 and len(contacts) == len(warmth)
    assert all(c.warmth == warmth[c.step_id] for c in contacts)


def test_demo_refuses_a_database_with_data(db: Database) -> None:
    with db.write() as s:
        people.create_person(session=s, data={"name": "My real friend"})
    with pytest.raises(InvalidInput, match="already holds data"), db.write() as s:
        demo.generate(session=s, years=1)
    with db.session() as s:
        assert [p.name for p in people.list_people(session=s)] == ["My real friend"]


def test_in_person_days_are_warmer_in_the_demo(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        summary = demo.generate(session=s, years=1, seed=3)
    assert summary.people >= 24 and summary.entries > 330
    with sqlite_db.session() as s:
        entries = {e.day: e.connectedness for e in s.exec(select(JournalEntry))}
        in_person_days = {
            i.occurred_at.date()
            for i in s.exec(select(Interaction).where(Interaction.channel == Channel.IN_PERSON))
        }
        drifting = people.drifting_people(session=s)
    warm = [v for d, v in entries.items() if d in in_person_days and v]
    other = [v for d, v in entries.items() if d not in in_person_days and v]
    assert sum(warm) / len(warm) > sum(other) / len(other) + 0.5
    assert drifting, "a few people should have drifted for the Map to show"


def life_on(
    database: Database, moment: datetime
) -> tuple[list[datetime], list[object], list[object]]:
    """The demo made at *moment*: every time it wrote down, today's contacts, and the
    contacts of the days before."""
    from planner_tui import clock
    from planner_tui.db.models import Person

    clock.freeze(moment)
    with database.write() as s:
        demo.generate(session=s, years=0.2, seed=5)
    with database.session() as s:
        contacts = list(s.exec(select(Interaction)))
        entries = list(s.exec(select(JournalEntry)))
        everyone = list(s.exec(select(Person)))
    stamps = [as_utc(t) for i in contacts for t in (i.occurred_at, i.created_at)]
    stamps += [as_utc(t) for e in entries for t in (e.created_at, e.updated_at)]
    stamps += [as_utc(p.created_at) for p in everyone]
    day = {i.id: clock.to_local(as_utc(i.occurred_at)).date() for i in contacts}
    today = [i.occurred_at for i in contacts if day[i.id] == moment.date()]
    earlier = sorted((as_utc(i.occurred_at), i.channel, i.warmth) for i in contacts
                     if day[i.id] < moment.date())  # fmt: skip
    return stamps, today, earlier


def test_demo_contacts_and_entries_are_never_in_the_future(
    db: Database, sqlite_db: Database
) -> None:
    """A contact "later today" hadn't happened yet (and its form refused the time it showed):
    with the clock early or late in the day, everything in the sample life is in the past,
    today's contacts are the ones already over, and the days before are the same either way."""
    from planner_tui import clock

    early, late = datetime(2026, 11, 23, 6, 30), datetime(2026, 11, 23, 23, 59)
    stamps, today, earlier = life_on(db, early)
    assert stamps and all(t <= clock.utcnow() for t in stamps)
    assert today == []  # nothing had happened yet at half past six
    stamps, today, earlier_late = life_on(sqlite_db, late)
    assert stamps and all(t <= clock.utcnow() for t in stamps)
    assert today  # by 23:59 the day's contacts have happened
    assert len(earlier) > 100 and earlier == earlier_late  # the same life up to today


def as_utc(moment: datetime) -> datetime:
    """Stored times come back naive from SQLite: they are UTC."""
    from datetime import UTC

    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
