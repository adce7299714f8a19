"""Snapshots of the Map's four tabs on a small, fixed world (update: pytest --snapshot-update)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from planner_tui.db.engine import Database
from planner_tui.services import people

from .test_app import make_app, settle

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)


def small_world(db: Database) -> None:
    with db.write() as s:
        work = people.create_context(session=s, data={"name": "Work", "kind": "work"}).id
        choir = people.create_context(session=s, data={"name": "Choir", "kind": "hobby"}).id
        people.create_context(session=s, data={"name": "Street [b]group[/b]"})
        cast = [
            ("Ana", "inner", [work], 7, 2, "me"),
            ("Bao", "inner", [choir], 7, 20, "them"),
            ("Chidi 🌱", "middle", [choir, work], 30, 5, "mutual"),
            ("مريم", "middle", [], 14, 40, "me"),
            ("[bold]Eve[/]", "outer", [work], None, 90, "them"),
        ]
        for name, circle, contexts, cadence, ago, initiator in cast:
            pid = people.create_person(
                session=s,
                data={
                    "name": name,
                    "circle": circle,
                    "context_ids": contexts,
                    "cadence_days": cadence,
                },
            ).id
            for n in range(9 if name == "Ana" else 1):
                people.log_interaction(
                    session=s,
                    data={
                        "occurred_at": NOW - timedelta(days=ago + 3 * n),
                        "person_ids": [pid],
                        "initiator": initiator,
                        "channel": "in_person" if n % 2 else "text",
                    },
                )


@pytest.mark.parametrize("tab", ["1", "2", "3", "4"])
def test_map_tabs(snap_compare: Any, sqlite_db: Database, tab: str) -> None:
    small_world(sqlite_db)
    app = make_app(sqlite_db)

    async def show(pilot: Any) -> None:
        await settle(app, pilot)
        await pilot.press("m")
        await settle(app, pilot)
        await pilot.press(tab)
        await settle(app, pilot)

    assert snap_compare(app, terminal_size=(110, 36), run_before=show)
