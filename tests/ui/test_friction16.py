"""Daily use without friction (issue 16): what a new user met in the full-screen app."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from planner_tui.db.engine import Database

from .test_app import SIZE, make_app, press
from .test_narrow import footer


@pytest.mark.parametrize("view", ["m", "p", "j"])
async def test_help_and_quit_stay_in_the_footer_while_a_text_box_has_the_cursor(
    sqlite_db: Database, view: str
) -> None:
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, view, "slash")
        assert isinstance(app.focused, Input)
        shown = footer(app)
        assert "? Help" in shown and "q Quit" in shown, shown
        await press(app, pilot, "q")  # typed into the box, not quitting
        assert app.is_running and app.focused.value == "q"
