"""Snapshots of the Review view on a year of demo data with a frozen clock (update:
pytest --snapshot-update)."""

from __future__ import annotations

from typing import Any

from planner_tui.db.engine import Database
from planner_tui.services import demo
from planner_tui.ui.screens.review import ReviewScreen

from .test_app import after_keys, make_app, settle


def a_demo_year(db: Database) -> None:
    with db.write() as s:
        demo.generate(session=s, years=1, seed=1)


def test_review_top(snap_compare: Any, sqlite_db: Database) -> None:
    a_demo_year(sqlite_db)
    app = make_app(sqlite_db)

    assert snap_compare(app, terminal_size=(110, 50), run_before=after_keys(app, "r"))


def test_review_wins_to_the_year_at_a_glance(snap_compare: Any, sqlite_db: Database) -> None:
    a_demo_year(sqlite_db)
    app = make_app(sqlite_db)

    async def show(pilot: Any) -> None:
        await after_keys(app, "r", "left")(pilot)  # October: whole, its loneliness check taken
        assert isinstance(app.screen, ReviewScreen)
        app.screen.focus_figure("wins", scroll=True)
        await settle(app, pilot)

    assert snap_compare(app, terminal_size=(110, 63), run_before=show)
