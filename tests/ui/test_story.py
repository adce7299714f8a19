"""Someone's page tells the story (issue 19, part 8): the journal entries that mention them,
newest first and searchable by the journal's own search, and their contact month by month
by channel — beside the balance, at 120×40 and at 80×24 (it scrolls)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from textual.widgets import DataTable, Input, Static, TextArea

from planner_tui import clock
from planner_tui.db.engine import Database
from planner_tui.services import journal, people
from planner_tui.ui.forms.journal import JournalForm
from planner_tui.ui.screens.person import PersonScreen

from .test_app import make_app, press, screen_text, settle

NAME = "[bold]Lea[/] x"


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=clock.local_zone())


def a_story(db: Database) -> int:
    """Lea: three entries mention her (and one doesn't), and contact in September (2 calls)
    and November (1 in person, 3 messages)."""
    with db.write() as s:
        lea = people.create_person(session=s, data={"name": NAME}).id
        other = people.create_person(session=s, data={"name": "Bo"}).id
        for day, body, who in ((date(2026, 10, 2), "tea and a long walk", [lea]),
                               (date(2026, 11, 5), "a walk by the river", [lea]),
                               (date(2026, 11, 20), "she called about the move", [lea]),
                               (date(2026, 11, 21), "a walk alone", [other])):  # fmt: skip
            journal.save_entry(session=s, data={"day": day, "body": body, "person_ids": who})
        for when, channel in (("2026-09-03", "call"), ("2026-09-20", "call"),
                              ("2026-11-01", "in_person"), ("2026-11-10", "text"),
                              ("2026-11-12", "text"), ("2026-11-22", "text")):  # fmt: skip
            people.log_interaction(session=s, data={
                "person_ids": [lea], "occurred_at": local(f"{when}T12:00"), "channel": channel})  # fmt: skip
    return lea


def rows(screen: PersonScreen) -> list[tuple[str, ...]]:
    grid = screen.query_one("#person-journal", DataTable)
    return [tuple(str(c) for c in grid.get_row_at(r)) for r in range(grid.row_count)]


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_their_page_shows_the_entries_about_them_and_contact_by_month(
    sqlite_db: Database, size: tuple[int, int]
) -> None:
    lea = a_story(sqlite_db)
    app = make_app(sqlite_db)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        await app.push_screen(PersonScreen(lea))
        await settle(app, pilot)
        page = app.screen
        assert isinstance(page, PersonScreen)
        assert [r[0] for r in rows(page)] == ["20 Nov", "5 Nov", "2 Oct"]  # newest first
        said = screen_text(app)
        assert "3 entries that mention them, newest first." in said
        legend = str(page.query_one("#months-legend", Static).render())
        assert legend.endswith(" · 6 contacts in these months"), legend
        assert "█ " in legend and "▓ " in legend and "▒ " in legend  # a marker per channel
        # A line a month, each month's contact beside it: plotext drew a month of one or
        # two contacts as no bar, or as one on the line of 0 (nu193).
        drawn = str(page.query_one("#person-months", Static).render()).splitlines()
        assert len(drawn) == 12 and drawn[0].lstrip().startswith("Dec 2025 │"), drawn
        by_month = {line.split("│")[0].strip(): line.split("│")[1].strip() for line in drawn}
        assert by_month["Sep 2026"].endswith(" 2") and by_month["Nov 2026"].endswith(" 4")
        assert by_month["Oct 2026"] == "0" and by_month["Nov 2026"].count("█") >= 1
        assert all(len(line) <= size[0] for line in drawn)
        # Everything is reachable: the page scrolls down to the journal's list.
        page.query_one("#person-journal", DataTable).scroll_visible(animate=False)
        await settle(app, pilot)
        region = page.query_one("#person-journal", DataTable).region
        assert region.height > 0 and region.y < size[1]

        await press(app, pilot, "slash", *"walk")
        assert [r[0] for r in rows(page)] == ["5 Nov", "2 Oct"]  # only hers, Bo's walk not
        assert "2 entries that match." in screen_text(app)
        page.query_one("#person-search", Input).value = "river"
        await settle(app, pilot)
        assert "1 entry that matches." in screen_text(app)  # said "1 entry that match"
        page.query_one("#person-search", Input).value = "walk"
        await settle(app, pilot)
        await press(app, pilot, "enter")
        assert page.query_one("#person-journal", DataTable).has_focus
        page.query_one("#person-search", Input).value = "[/]zebra"
        await settle(app, pilot)
        assert "Nothing in your journal with them matches." in screen_text(app)
        assert page.query_one("#person-name", Static).render().plain == NAME  # type: ignore[union-attr]
        # Escape in the search empties it, as in every view, and stays on the page; from
        # the list it goes back.
        await press(app, pilot, "slash", "escape")
        assert app.screen is page and page.query_one("#person-search", Input).value == ""
        assert [r[0] for r in rows(page)] == ["20 Nov", "5 Nov", "2 Oct"]
        assert not isinstance(app.focused, Input)
        await press(app, pilot, "escape")
        assert not isinstance(app.screen, PersonScreen)


async def test_enter_on_an_entry_on_their_page_opens_it_and_a_change_shows_there(
    sqlite_db: Database,
) -> None:
    lea = a_story(sqlite_db)
    app = make_app(sqlite_db)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        await app.push_screen(PersonScreen(lea))
        await settle(app, pilot)
        page = app.screen
        assert isinstance(page, PersonScreen)
        # Searched, the list holds other rows than the page opened with: Enter opens the
        # entry on the row, not the one that was there before.
        await press(app, pilot, "slash", *"river", "enter")
        assert rows(page) == [("5 Nov", "a walk by the river")]
        await press(app, pilot, "enter")
        form = app.screen
        assert isinstance(form, JournalForm)
        body = form.query_one("#body", TextArea)
        assert body.text == "a walk by the river"
        body.text = "a walk by the river, and a [bold]long[/] talk"
        await press(app, pilot, "ctrl+s")
        assert app.screen is page
        assert rows(page) == [("5 Nov", "a walk by the river, and a [bold]long[/] talk")]
    with sqlite_db.session() as s:
        kept = journal.list_entries(session=s, limit=None)
    assert "a walk by the river, and a [bold]long[/] talk" in [e.body for e in kept]
    assert len(kept) == 4  # the entry changed, none added
