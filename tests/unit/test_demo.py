"""The demo life: deterministic, refuses to mix, and carries patterns worth finding."""

from __future__ import annotations

import json

import pytest
from sqlmodel import select

from planner_tui.db.engine import Database
from planner_tui.db.models import Channel, Interaction, JournalEntry
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
