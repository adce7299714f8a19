"""Snapshots of Today and of the plan card (update: pytest --snapshot-update)."""

from __future__ import annotations

from typing import Any

from planner_tui.db.engine import Database
from planner_tui.services import review, steps

from .test_app import after_keys, make_app, settle
from .test_plan import a_few_people, local


def a_day_with_steps(db: Database) -> None:
    ids = a_few_people(db)
    with db.write() as s:
        for person, action, due, extra in (
            ("Bo", "send Bo the [bold]recipe[/]", "2026-11-20T18:00", {}),
            ("Cy", "give Cy a ten-minute call", "2026-11-23T21:00", {"rrule": "FREQ=WEEKLY"}),
            ("Ana", "ask Ana to grab a quick coffee", "2026-11-25T10:00", {}),
        ):
            steps.create_step(session=s, data={"person_id": ids[person], "action": action,
                                               "due_at": local(due), **extra})  # fmt: skip
        done = steps.create_step(session=s, data={"person_id": ids["Bo"], "action": "wave",
                                 "due_at": local("2026-11-23T09:00")})  # fmt: skip
        steps.record_outcome(session=s, step_id=done.id, outcome={"status": "done"})
        review.save_month_notes(session=s, data={  # written in October's review
            "month": "2026-10", "intentions": ["One message a day, however short"]})  # fmt: skip


def test_today(snap_compare: Any, sqlite_db: Database) -> None:
    a_day_with_steps(sqlite_db)
    app = make_app(sqlite_db)

    assert snap_compare(app, terminal_size=(110, 36), run_before=after_keys(app))


def test_plan_card(snap_compare: Any, sqlite_db: Database) -> None:
    a_few_people(sqlite_db)
    app = make_app(sqlite_db)

    async def show(pilot: Any) -> None:
        await settle(app, pilot)
        await pilot.press("s", "enter", "enter", "down", "down", "enter")
        app.screen.query_one("#cue").focus()
        await pilot.press(*"after lunch", "enter", "8", "enter")
        await settle(app, pilot)

    assert snap_compare(app, terminal_size=(110, 40), run_before=show)
