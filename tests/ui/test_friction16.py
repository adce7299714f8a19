"""Daily use without friction (issue 16): what a new user met in the full-screen app."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, Static

from planner_tui.db.engine import Database
from planner_tui.services import people
from planner_tui.ui.app import PlannerApp
from planner_tui.ui.forms.interaction import InteractionForm
from planner_tui.ui.forms.journal import JournalForm
from planner_tui.ui.forms.plan import PlanWizard
from planner_tui.ui.screens.base import ViewScreen
from planner_tui.ui.screens.person import PersonScreen

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


def read_back(app: object, field: str) -> str:
    shown = app.screen.query_one(f"#{field}-preview", Static)  # type: ignore[attr-defined]
    return str(shown.render()) if shown.display else ""


def problem(app: object, field: str) -> str:
    said = app.screen.query_one(f"#{field}-problem")  # type: ignore[attr-defined]
    return str(said.render()) if said.display else ""


async def type_into(app: PlannerApp, pilot: object, field: str, typed: str) -> None:
    box = app.screen.query_one(f"#{field}", Input)
    box.focus()
    box.value = ""
    await press(app, pilot, *typed)


async def test_a_date_that_cannot_be_used_shows_no_read_back_above_its_note(
    sqlite_db: Database,
) -> None:
    """On 23 Nov 2026: a step's day already gone, a time that doesn't exist, a contact
    still to come and a check-in day that can't be read each say why — and no read-back
    of an earlier text stands above that."""
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Ana"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "s", "enter", "enter")
        assert isinstance(app.screen, PlanWizard) and app.screen.page == "when"
        await type_into(app, pilot, "when", "29 dec")
        assert read_back(app, "when").startswith("→ Tue 29 Dec 2026")
        for typed in ("21 nov", "31/12 24:00"):
            await type_into(app, pilot, "when", typed)
            assert problem(app, "when") and read_back(app, "when") == "", typed
        await press(app, pilot, "escape")
        while not isinstance(app.screen, ViewScreen):  # a draft question, if any
            await press(app, pilot, "escape")
        await press(app, pilot, "m", "l")
        assert isinstance(app.screen, InteractionForm)
        await type_into(app, pilot, "when", "yesterday")
        assert read_back(app, "when").startswith("→ Sun 22 Nov 2026")
        for typed in ("tomorrow 6pm", "31/12 24:00"):
            await type_into(app, pilot, "when", typed)
            assert problem(app, "when") and read_back(app, "when") == "", typed
        while not isinstance(app.screen, ViewScreen):
            await press(app, pilot, "escape")
        await press(app, pilot, "j", "c")
        assert isinstance(app.screen, JournalForm)
        await type_into(app, pilot, "day", "yesterday")
        assert read_back(app, "day").startswith("→ Sunday 22 November 2026")
        await type_into(app, pilot, "day", "the 45th")
        assert problem(app, "day") and read_back(app, "day") == ""


async def test_someone_s_page_opens_at_its_top_at_80_columns(sqlite_db: Database) -> None:
    """Their name, circle and notes first, even with steps and contact to list below."""
    with sqlite_db.write() as s:
        ana = people.create_person(
            session=s, data={"name": "Ana", "circle": "inner", "notes": "loves the sea"}
        ).id
        for day in range(1, 9):
            people.log_interaction(session=s, data={
                "occurred_at": f"2026-11-{day:02d}T12:00:00+00:00", "person_ids": [ana]})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(app, pilot, "m")
        await press(app, pilot, "enter")
        page = app.screen
        assert isinstance(page, PersonScreen)
        assert isinstance(page.focused, DataTable)  # Enter works at once…
        body = page.query_one("#body")
        assert body.scroll_y == 0  # …and the page is at its top
        name = page.query_one("#person-name")
        assert name.region.y >= body.region.y and "Ana" in str(name.render())
        # while it loads, it said what it opens
        assert str(page.query_one("#loading", Static).render()) == "Opening their page…"
