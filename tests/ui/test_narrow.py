"""At 80×24, by layout rules (issue 16, what a new user still found): the footer shows the
keys of what is in front, the view's own first keys before the other views'; tables fit
their width (free text gives way, with …, never the marks) with widths from the rows shown
now; a question with many answers shows them all; a long placeholder ends at a whole item;
the balance on someone's page fits, with who tends to reach out said in words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from rich.console import Console
from textual.widgets import Button, DataTable, Input
from textual.widgets._footer import FooterKey

from planner_tui.db.engine import Database
from planner_tui.services import people, steps
from planner_tui.ui.app import PlannerApp
from planner_tui.ui.modals.confirm import Choice
from planner_tui.ui.screens.person import BalancePicture, PersonScreen
from planner_tui.ui.widgets.footer import KeysFooter

from .test_app import make_app, press, settle

NARROW = (80, 24)
NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)
LONG = "Benedict Alexander Fitzgerald-Worthington the Third"


def footer(app: PlannerApp) -> list[str]:
    """The footer's keys as drawn on the topmost screen that has a footer."""
    below = next(s for s in reversed(app.screen_stack) if s.query(KeysFooter))
    return [f"{k.key_display} {k.description}" for k in below.query(FooterKey)]


def some_people(db: Database, *names: str) -> list[int]:
    """People with a weekly rhythm, last in touch a month ago (so each one is drifting)."""
    with db.write() as s:
        ids = [people.create_person(session=s, data={"name": n, "cadence_days": 7}).id
               for n in names]  # fmt: skip
        for pid in ids:
            people.log_interaction(
                session=s, data={"occurred_at": NOW - timedelta(days=30), "person_ids": [pid]}
            )
    return ids


async def test_the_footer_puts_the_views_first_keys_first_and_shows_a_forms_own_keys(
    sqlite_db: Database,
) -> None:
    some_people(sqlite_db, "Ana")
    app = make_app(sqlite_db)
    async with app.run_test(size=NARROW) as pilot:
        await settle(app, pilot)
        keys = footer(app)
        assert keys[:2] == ["s Small step", "c Check in"]  # Today's own, before other views
        assert {"m Map", "r Review", "? Help", "q Quit"} <= set(keys)
        await press(app, pilot, "m")
        assert footer(app)[:2] == ["/ Filter", "n Add person"]
        await press(app, pilot, "n")  # a form over the Map: its keys, not the Map's
        await pilot.pause(0.1)
        keys = footer(app)
        assert "^s Save" in keys and not any("Filter" in k or "Map" in k for k in keys), keys
        await press(app, pilot, "escape")
        await pilot.pause(0.1)
        assert footer(app)[0] == "/ Filter"  # the Map's keys again


async def test_every_forms_escape_is_in_its_footer_at_40_columns(sqlite_db: Database) -> None:
    """nu270: at 40 columns the check-in's footer was "^s Save" alone: its Escape, said as
    "Close (what you typed: keep or discard)", had no room, and how to leave went unsaid."""
    app = make_app(sqlite_db)
    async with app.run_test(size=(40, 20)) as pilot:
        await settle(app, pilot)
        for keys in (("c",), ("escape", "m", "n")):
            await press(app, pilot, *keys)
            await pilot.pause(0.1)
            assert any(key.startswith("esc Close") for key in footer(app)), footer(app)


async def test_a_wizards_escape_is_in_its_footer_as_what_it_does_on_each_page(
    sqlite_db: Database,
) -> None:
    """Said as "Back (closes on the first page, keeping a draft)", Escape was too long for
    60 columns and the footer left it out."""
    from planner_tui.ui.forms.plan import PlanWizard

    app = make_app(sqlite_db)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "s")
        assert footer(app) == ["^s Save", "esc Close (keeps a draft)", "^l Discard"]
        await press(app, pilot, *"Mo", "enter")
        assert isinstance(app.screen, PlanWizard) and app.screen.page == "what"
        assert footer(app) == ["^s Save", "esc Back", "^l Discard"]
        await press(app, pilot, "escape")
        assert isinstance(app.screen, PlanWizard) and app.screen.page == "who"
        assert footer(app) == ["^s Save", "esc Close (keeps a draft)", "^l Discard"]
        await press(app, pilot, "escape")
        assert not isinstance(app.screen, PlanWizard)


def table_fits(table: DataTable[object]) -> bool:
    room = table.scrollable_content_region.width
    return sum(c.get_render_width(table) for c in table.ordered_columns) <= room


async def test_a_long_name_gives_way_and_the_widths_follow_the_rows(sqlite_db: Database) -> None:
    [long, _ana] = some_people(sqlite_db, LONG, "Ana")
    app = make_app(sqlite_db)
    async with app.run_test(size=NARROW) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "m")
        await pilot.pause(0.1)
        table = app.screen.query_one("#people-table", DataTable)
        name, mark = table.ordered_columns[:2]
        assert table_fits(table)  # nothing pushed past the edge…
        assert mark.get_render_width(table) >= len("drifting") + 2  # …the mark whole
        assert name.get_render_width(table) < len(LONG)  # the name gave way
        row = table.render_line(2).text  # Ana, then Benedict (by name)
        assert "drifting" in row and "Benedict" in row and "…" in row
        assert "the Third" not in row
        with sqlite_db.write() as s:
            people.update_person(session=s, person_id=long, data={"name": "Bo"})
        await press(app, pilot, "ctrl+r")
        await pilot.pause(0.1)
        assert name.get_render_width(table) == len("name") + 2  # as wide as the rows now
        assert "Benedict" not in table.render_line(2).text


async def test_a_question_with_many_answers_shows_every_one(sqlite_db: Database) -> None:
    [ana] = some_people(sqlite_db, "Ana")
    with sqlite_db.write() as s:
        steps.create_step(session=s, data={"person_id": ana, "action": "send a postcard",
                                           "due_at": NOW + timedelta(hours=1)})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=NARROW) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "enter")
        assert isinstance(app.screen, Choice)
        buttons = list(app.screen.query(Button))
        assert [str(b.label) for b in buttons][-1] == "k · Let go"
        for button in buttons:  # each whole on the screen, border included
            region = button.region
            assert region.height == 3 and region.bottom <= NARROW[1] - 1, button.label
            assert region.right <= NARROW[0]


async def test_the_journal_search_hint_ends_at_a_whole_item(sqlite_db: Database) -> None:
    app = make_app(sqlite_db)
    for size, whole in ((NARROW, False), ((140, 40), True)):
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "j")
            search = app.screen.query_one("#search", Input)
            shown = search.placeholder
            assert len(shown) < search.content_size.width
            assert shown.startswith("/ search: words") and shown.endswith("mood>=4") == whole
            if not whole:
                assert shown.endswith(", …")
        app = make_app(sqlite_db)


async def test_the_balance_fits_and_says_who_tends_to_reach_out(sqlite_db: Database) -> None:
    [ana] = some_people(sqlite_db, "[b]Ana")
    with sqlite_db.write() as s:
        for days in range(1, 9):
            people.log_interaction(session=s, data={
                "occurred_at": NOW - timedelta(days=days), "person_ids": [ana],
                "initiator": "them", "channel": "text", "gave_emotional": True,
            })  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=NARROW) as pilot:
        await settle(app, pilot)
        app.push_screen(PersonScreen(ana))
        await settle(app, pilot)
        picture = app.screen.query_one(BalancePicture)
        width = picture.content_size.width
        console = Console(width=200, record=True)
        console.print(picture.render())
        lines = console.export_text().splitlines()
        assert lines and all(len(line) <= width for line in lines), (width, lines)
        assert any("them 8" in line for line in lines) and any(
            "written 8" in line for line in lines
        )
        said = str(app.screen.query_one("#balance-words").render())
        assert said.startswith(
            "[b]Ana was usually the one to reach out to you (you 0, them 8, together 1)"
        )
