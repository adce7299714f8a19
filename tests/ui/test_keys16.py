"""Keys a new user found acting on the wrong thing, or on nothing without a word (issue 16):
the outcome keys after planning a step for today, `d` with no steps, the Map's cursor after
adding, the Journal's `+` on search results, and `o` on Today."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from textual.widgets import DataTable, Input

from planner_tui import clock
from planner_tui.db.engine import Database
from planner_tui.services import drafts, journal, people, steps
from planner_tui.ui.forms.outcome import OutcomeForm
from planner_tui.ui.forms.plan import PlanWizard
from planner_tui.ui.screens.map import MapScreen
from planner_tui.ui.screens.person import PersonScreen
from planner_tui.ui.screens.today import TodayScreen

from .test_app import SIZE, make_app, press, screen_text, settle


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=clock.local_zone())


def said(app: object) -> list[str]:
    return [str(n.message) for n in app._notifications]  # type: ignore[attr-defined]


async def test_after_planning_a_step_for_today_the_outcome_keys_act_on_it(
    sqlite_db: Database,
) -> None:
    """Nothing was due today, so Coming up next had the cursor; after planning a step for
    tonight, `d` recorded tomorrow's step instead of tonight's."""
    with sqlite_db.write() as s:
        bo = people.create_person(session=s, data={"name": "Bo", "circle": "inner"}).id
        steps.create_step(session=s, data={"person_id": bo, "action": "call about Sunday",
                                           "due_at": local("2026-11-24T18:00")})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "s", *"bo", "enter", "enter", *"tonight", "enter")
        await press(app, pilot, "enter", "enter", "enter")
        assert isinstance(app.screen, TodayScreen)
        due = app.screen.query_one("#due", DataTable)
        assert due.display and due.row_count == 1
        await press(app, pilot, "d")
        form = app.screen
        assert isinstance(form, OutcomeForm)
        assert form.step.action == "send Bo a short message"  # tonight's, not tomorrow's


async def test_done_with_no_steps_says_so_kindly(sqlite_db: Database) -> None:
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        for view in ("t", "p"):
            await press(app, pilot, view, "d")
            assert not isinstance(app.screen, OutcomeForm)
            assert said(app), view
            assert "s plans one" in said(app)[-1]


async def test_a_wizard_only_walked_through_is_not_offered_back_as_a_draft(
    sqlite_db: Database,
) -> None:
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Bo", "circle": "inner"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "s", "enter", "escape", "escape")  # Who, What, back, close
        assert isinstance(app.screen, TodayScreen)
        assert not any("draft" in line for line in said(app))
        await press(app, pilot, "s")
        assert isinstance(app.screen, PlanWizard)
        assert not app.screen.query_one("#draft-note").display  # nothing to pick up
        await press(app, pilot, *"Bo", "escape")  # something typed: kept, and said so
        assert "Kept as a draft" in said(app)[-1]
        await press(app, pilot, "s")
        assert app.screen.query_one("#draft-note").display
    with sqlite_db.session() as s:
        assert drafts.load_draft(session=s, key="step:new") is not None


async def test_after_adding_someone_or_a_context_the_maps_cursor_is_on_it(
    sqlite_db: Database,
) -> None:
    with sqlite_db.write() as s:
        for name in ("Ana", "Bo", "Cy", "Dee"):
            people.create_person(session=s, data={"name": name})
        for name in ("Allotment", "Choir", "Work"):
            people.create_context(session=s, data={"name": name})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "m", "n", *"Cal", "ctrl+s")  # sorted by name: the third row
        assert isinstance(app.screen, MapScreen)
        people_table = app.screen.query_one("#people-table", DataTable)
        assert people_table.has_focus
        assert str(people_table.get_row_at(people_table.cursor_row)[0]) == "Cal"
        await press(app, pilot, "enter")  # and Enter opens them
        assert isinstance(app.screen, PersonScreen) and "Cal" in screen_text(app)
        await press(app, pilot, "escape", "3", "n", *"Book club", "ctrl+s")
        assert isinstance(app.screen, MapScreen)
        contexts = app.screen.query_one("#contexts-table", DataTable)
        assert app.screen.current_tab() == "contexts" and contexts.has_focus
        assert str(contexts.get_row_at(contexts.cursor_row)[0]) == "Book club"


async def test_more_search_results_keep_the_best_first_order(sqlite_db: Database) -> None:
    """+ on search results adds the next ones below: those already shown keep their
    places (best first). Typed while the search box has the cursor, + went into it and
    the search ran again from its first page."""
    with sqlite_db.write() as s:
        for n in range(150):
            walks = " ".join(["walk"] * (1 + n % 4))
            journal.save_entry(session=s, data={
                "day": date(2026, 11, 22) - timedelta(days=n),
                "warmth_note": f"{walks} by the canal, entry {n} " + "calm " * (n % 7)})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "j", "slash", *"walk")
        entries = app.screen.query_one("#entries", DataTable)
        first = [str(entries.get_row_at(r)[0]) for r in range(entries.row_count)]
        assert len(first) == 120
        await press(app, pilot, "plus")
        more = [str(entries.get_row_at(r)[0]) for r in range(entries.row_count)]
        assert len(more) == 150
        assert more[:120] == first
        assert app.screen.query_one("#search", Input).value == "walk"
