"""Snapshots of the check-in form and the journal list (update: pytest --snapshot-update)."""

from __future__ import annotations

from datetime import date
from typing import Any

from planner_tui.db.engine import Database
from planner_tui.services import journal

from .test_app import after_keys, make_app, settle
from .test_journal import a_map


def a_few_weeks(db: Database) -> None:
    ids = a_map(db)
    with db.write() as s:
        for day, mood, connected, body in (
            (2, 3, 2, "Quiet day. Read on the balcony."),
            (9, 4, 4, "Lunch with @Ana — we laughed about the [bold]choir[/] mix-up."),
            (16, None, None, "مساء هادئ 🌙 #calm"),
            (20, 5, 5, "Walked with Bo by the river, long talk."),
        ):
            journal.save_entry(session=s, data={
                "day": date(2026, 11, day), "body": body, "mood": mood,
                "connectedness": connected, "person_ids": [ids["ana"]] if day == 9 else []})  # fmt: skip


def test_journal_list(snap_compare: Any, sqlite_db: Database) -> None:
    a_few_weeks(sqlite_db)
    app = make_app(sqlite_db)

    assert snap_compare(app, terminal_size=(110, 30), run_before=after_keys(app, "j"))


def test_check_in_form(snap_compare: Any, sqlite_db: Database) -> None:
    a_map(sqlite_db)
    app = make_app(sqlite_db)

    async def show(pilot: Any) -> None:
        await settle(app, pilot)
        await pilot.press("c")
        await settle(app, pilot)
        await pilot.press(*"43", "tab", "tab", "tab", *"soup", "tab", *"tea with @Ana")
        await settle(app, pilot)

    assert snap_compare(app, terminal_size=(110, 50), run_before=show)
