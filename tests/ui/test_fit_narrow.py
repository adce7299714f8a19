"""At 80×24 (issue 16, what a new user found next): End in a long list shows the row it
went to; a refused form goes to the field its note is about; tables fit their width."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable, TextArea

from planner_tui import clock
from planner_tui.db.engine import Database
from planner_tui.services import journal
from planner_tui.ui.app import PlannerApp
from planner_tui.ui.forms.people import PersonForm

from .test_app import make_app, press, settle

NARROW = (80, 24)


def on_screen(app: PlannerApp) -> list[str]:
    """The lines the terminal shows now, as text."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


async def test_end_in_the_journal_shows_the_oldest_entry(sqlite_db: Database) -> None:
    today = clock.today()
    with sqlite_db.write() as s:
        for back in range(40):
            day = today - timedelta(days=back)
            journal.save_entry(session=s, data={"day": day, "body": f"entry of {day:%d %b}"})
    oldest = (today - timedelta(days=39)).strftime("%a %-d %b %Y")
    app = make_app(sqlite_db)
    async with app.run_test(size=NARROW) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "j")
        table = app.screen.query_one("#entries", DataTable)
        assert table.has_focus
        await press(app, pilot, "end")
        await pilot.pause(0.1)
        assert table.cursor_row == 39
        assert any(oldest in line for line in on_screen(app)), on_screen(app)
        await press(app, pilot, "home")
        await pilot.pause(0.1)
        newest = today.strftime("%a %-d %b %Y")
        shown = on_screen(app)
        assert any(newest in line for line in shown) and any("day" in line for line in shown), shown


async def test_a_refused_form_goes_to_the_field_its_note_is_about(sqlite_db: Database) -> None:
    app = make_app(sqlite_db)
    async with app.run_test(size=NARROW) as pilot:
        await settle(app, pilot)
        app.push_screen(PersonForm([]))
        await settle(app, pilot)
        await pilot.press(*"Ana")
        app.screen.query_one("#dates", TextArea).text = "[b]not a date at all"
        await settle(app, pilot)
        app.screen.query_one("#name").focus()
        await pilot.pause(0.1)
        await press(app, pilot, "ctrl+s")
        await pilot.pause(0.1)
        assert isinstance(app.screen, PersonForm)  # not saved
        assert app.focused is app.screen.query_one("#dates", TextArea)
        note = app.screen.query_one("#dates-problem")
        message = str(note.render())
        assert message
        shown = "\n".join(on_screen(app))
        assert message[:30] in " ".join(shown.split()), shown
