"""The Map driven through Pilot: forms, drafts, logging, the circles, delete and undo."""

from __future__ import annotations

import itertools
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.events import Paste
from textual.widgets import Button, DataTable, Input, OptionList, Select, Static, TextArea

from planner_tui import clock, words
from planner_tui.db import backups
from planner_tui.db.engine import Database
from planner_tui.services import drafts, people, steps
from planner_tui.ui.app import PlannerApp
from planner_tui.ui.forms.interaction import InteractionForm
from planner_tui.ui.forms.people import ContextForm, PersonForm
from planner_tui.ui.forms.plan import PlanWizard
from planner_tui.ui.modals.confirm import Choice
from planner_tui.ui.screens.map import MapScreen
from planner_tui.ui.screens.person import PersonScreen
from planner_tui.ui.screens.tables import Table
from planner_tui.ui.widgets.circles import CirclesPicture
from planner_tui.when import parse_when, typed

from ..conftest import FROZEN
from .test_app import SIZE, hold_choices, make_app, press, screen_text, settle
from .test_corrections import said
from .test_fit_narrow import on_screen
from .test_typeahead import burst

DATA = Path(__file__).parent.parent / "data"
NOW = datetime(2026, 11, 23, 20, tzinfo=UTC)


def everyone(db: Database) -> list[people.PersonRead]:
    with db.session() as s:
        return people.list_people(session=s, include_archived=True)


def archived(db: Database, name: str) -> int:
    """Someone on the map, archived: their id."""
    with db.write() as s:
        pid = people.create_person(session=s, data={"name": name}).id
        people.update_person(session=s, person_id=pid, data={"archived": True})
    return pid


async def open_map(app: PlannerApp, pilot: object) -> MapScreen:
    await settle(app, pilot)
    await pilot.press("m")  # type: ignore[attr-defined]
    await settle(app, pilot)
    assert isinstance(app.screen, MapScreen)
    return app.screen


async def logging_with_ana(app: PlannerApp, pilot: object) -> InteractionForm:
    """The Map, then `l`: logging a contact with the first one on the map."""
    await open_map(app, pilot)
    await press(app, pilot, "l")
    assert isinstance(app.screen, InteractionForm), app.screen
    return app.screen


async def preview_vcard(app: PlannerApp, pilot: object, source: Path) -> None:
    """The Map's vCard import (`i`) with *source* given, and its preview on screen."""
    await open_map(app, pilot)
    await press(app, pilot, "i")
    app.screen.query_one("#vcf-path", Input).value = str(source)
    await press(app, pilot, "enter")


async def type_into(pilot: object, app: PlannerApp, widget_id: str, value: str) -> None:
    app.screen.query_one(f"#{widget_id}").focus()
    await pilot.press(*value)  # type: ignore[attr-defined]


async def test_adding_a_person_with_contexts_and_cadence(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        people.create_context(session=s, data={"name": "Choir"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        assert isinstance(app.screen, PersonForm)
        await pilot.press(*"Zoë 🌱 [b]")
        await type_into(pilot, app, "cadence", "every 2 weeks")
        app.screen.query_one("#contexts").focus()
        await pilot.press("space")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, MapScreen)
        assert "Zoë 🌱 [b]" in screen_text(app)
    [zoe] = everyone(sqlite_db)
    assert (zoe.name, zoe.cadence_days, zoe.contexts) == ("Zoë 🌱 [b]", 14, ["Choir"])
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "e")
        assert isinstance(app.screen, PersonForm)
        # Shown as said, not as a count of days; saved unchanged, the rhythm stays.
        assert app.screen.query_one("#cadence", Input).value == "every 2 weeks"
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, MapScreen)
    [zoe] = everyone(sqlite_db)
    assert zoe.cadence_days == 14


async def test_the_person_form_explains_bad_input_and_saves_nothing(sqlite_db: Database) -> None:
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        await pilot.press("space", "space")
        await type_into(pilot, app, "cadence", "every 20 years")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        shown = screen_text(app)
        assert isinstance(app.screen, PersonForm)
        assert "not only spaces" in shown and "between daily and every ten years" in shown
    assert everyone(sqlite_db) == []


async def test_notes_too_long_are_explained_under_them_and_kept(sqlite_db: Database) -> None:
    """The note says so under Notes, in words that agree, and the cursor goes there."""
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "m", "n")
        form = app.screen
        assert isinstance(form, PersonForm)
        form.query_one("#name", Input).value = "Ana"
        form.query_one("#notes", TextArea).text = "n" * 20_081
        form.query_one("#boundaries", TextArea).focus()
        await press(app, pilot, "ctrl+s")
        assert app.screen is form
        note = str(form.query_one("#notes-problem").render())
        assert note.startswith("The text of the notes is 20,081 characters long"), note
        assert form.focused is form.query_one("#notes", TextArea)
        assert len(form.query_one("#notes", TextArea).text) == 20_081
    assert everyone(sqlite_db) == []


async def test_escape_keeps_a_draft_that_comes_back(sqlite_db: Database) -> None:
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        await pilot.press(*"Half typed")
        await type_into(pilot, app, "notes", "met at the [bold]bus stop")
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, MapScreen)
        assert "Kept as a draft" in str([n.message for n in app._notifications])
    with sqlite_db.session() as s:
        assert drafts.load_draft(session=s, key="person:new")["name"] == "Half typed"  # type: ignore[index]
    again = make_app(sqlite_db)
    async with again.run_test(size=SIZE) as pilot:
        await open_map(again, pilot)
        await pilot.press("n")
        await settle(again, pilot)
        assert again.screen.query_one("#name", Input).value == "Half typed"
        assert again.screen.query_one("#notes", TextArea).text == "met at the [bold]bus stop"
        assert "Picked up where you left off" in screen_text(again)
        await pilot.press("ctrl+s")
        await settle(again, pilot)
    assert [p.notes for p in everyone(sqlite_db)] == ["met at the [bold]bus stop"]
    with sqlite_db.session() as s:
        assert drafts.load_draft(session=s, key="person:new") is None


async def test_a_duplicate_name_is_offered_for_merging(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Ana Silva", "notes": "from work"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        await pilot.press(*"ana silva")
        await type_into(pilot, app, "notes", "loves climbing")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, Choice)
        assert "Ana Silva is already here" in screen_text(app)
        await pilot.press("enter")  # the first answer: merge
        await settle(app, pilot)
        assert isinstance(app.screen, MapScreen)
    [ana] = everyone(sqlite_db)
    assert ana.notes == "from work\n\nloves climbing"


async def test_a_new_part_of_lifes_kind_follows_its_name_until_chosen(
    sqlite_db: Database,
) -> None:
    """ "Family" added on the Contexts tab was of the kind *other*, where `add --context Family` reads
    it as family (nu171). The kind follows the name as it is typed, until one is chosen."""
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "3", "n", *"Family")
        kind = app.screen.query_one("#kind", Select)
        assert kind.value == "family"
        await press(app, pilot, "ctrl+s", "n", *"Community choir")  # on the Contexts tab
        assert app.screen.query_one("#kind", Select).value == "hobby"
        app.screen.query_one("#kind", Select).value = "faith"  # chosen: it stays
        app.screen.query_one("#name").focus()
        await press(app, pilot, *" at St Mary's", "ctrl+s")
    with sqlite_db.session() as s:
        assert {c.name: c.kind.value for c in people.list_contexts(session=s)} == {
            "Family": "family", "Community choir at St Mary's": "faith"}  # fmt: skip


async def test_the_gaps_without_contexts_give_the_keys_that_add_one(sqlite_db: Database) -> None:
    """The Gaps tab said "c adds one" once `c` had become the check-in on the Map (nu198)."""
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Ana"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "4")
        assert "On the Contexts tab (3), n adds one." in " ".join(screen_text(app).split())
        await press(app, pilot, "3", "n")  # as it says
        assert isinstance(app.screen, ContextForm)


async def test_contexts_are_added_and_a_duplicate_is_refused_inline(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        people.create_context(session=s, data={"name": "Work"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(app, pilot)
        await pilot.press("3", "n")
        await settle(app, pilot)
        assert isinstance(app.screen, ContextForm)
        await pilot.press(*"work", "ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, ContextForm)
        assert "already a context called 'Work'" in screen_text(app)  # the one there
        await pilot.press("backspace", "backspace", "backspace", "backspace", *"Allotment")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, MapScreen)
    with sqlite_db.session() as s:
        assert [c.name for c in people.list_contexts(session=s)] == ["Allotment", "Work"]


async def test_a_tab_chosen_while_a_new_context_is_read_stays_chosen(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`1` pressed at once after saving a context: once the map had read it again, the
    Contexts tab came back, and the next `n` opened a context form, not a person's (seen in
    a real terminal on a slow machine)."""
    import threading

    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "3", "n")
        release, load = threading.Event(), MapScreen.load

        def slow(self: MapScreen) -> Any:
            release.wait(60)
            return load(self)

        monkeypatch.setattr(MapScreen, "load", slow)
        await pilot.press(*"Choir", "ctrl+s")
        while not isinstance(app.screen, MapScreen):  # saved; the map reads it again
            await pilot.pause(0.05)
        await pilot.press("1")
        release.set()
        await settle(app, pilot)
        assert isinstance(app.screen, MapScreen)
        assert app.screen.current_tab() == "people"
        await press(app, pilot, "3")  # the new context is there, and the cursor on it
        assert app.screen.selected_context().name == "Choir"  # type: ignore[union-attr]
        await press(app, pilot, "1", "n")
        assert isinstance(app.screen, PersonForm)


async def test_two_people_of_one_name_are_told_apart_by_number(sqlite_db: Database) -> None:
    """Two Mo Khans looked alike in the log form and the wizard, and typing the name said
    "No one called 'Mo Khan'"."""
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        mo = [people.create_person(session=s, data={"name": "Mo Khan"}).id for _ in range(2)]
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "l")  # Ana, the first on the map, is in it already
        assert isinstance(app.screen, InteractionForm)
        await press(app, pilot, *"Mo Khan", "enter")
        assert (
            f"'Mo Khan' could be Mo Khan (#{mo[0]}), Mo Khan (#{mo[1]}). Say which by their "
            f"number (#{mo[0]})." in screen_text(app)
        )
        app.screen.query_one("#who", Input).value = ""
        await press(app, pilot, *f"#{mo[1]}", "enter")
        assert f"With: Ana, Mo Khan (#{mo[1]})" in screen_text(app)
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, MapScreen)
        await press(app, pilot, "s")  # the wizard's list of whom to plan with
        shown = [str(o.prompt) for o in app.screen.query_one("#who-list", OptionList).options]
        assert {f"Mo Khan (#{mo[0]})", f"Mo Khan (#{mo[1]})", "Ana"} <= set(shown), shown
    with sqlite_db.session() as s:
        [contact] = people.list_interactions(session=s)
    assert contact.person_ids == sorted([ana, mo[1]])


async def test_an_added_name_is_asked_about_as_each_person_it_names(sqlite_db: Database) -> None:
    """Adding "Sam" beside a person called Sam asked about someone nicknamed Sam instead,
    and Enter put the birthday on them; two who shared a nickname were asked about as the
    first alone."""
    with sqlite_db.write() as s:
        for name, nickname in [("[b]Zoë[/b]", "Sam"), ("Sam", ""), ("Eve", "Sam"),
                               ("Ana", "Annie"), ("Ana Silva", "Annie")]:  # fmt: skip
            people.create_person(session=s, data={"name": name, "nickname": nickname})
    ids = {p.name: p.id for p in everyone(sqlite_db)}
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "n", *"sam")
        await type_into(pilot, app, "birthday", "1 Jan 2000")
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, Choice)
        shown = " ".join(screen_text(app).split())
        assert (
            f"Sam (#{ids['Sam']}), [b]Zoë[/b] (#{ids['[b]Zoë[/b]']}) (called Sam) and Eve "
            f"(#{ids['Eve']}) (called Sam) are already here. Is this one of them?"
        ) in shown, shown
        await press(app, pilot, "enter")  # yes: Sam, the one so named, first
        assert isinstance(app.screen, MapScreen)
        await press(app, pilot, "n", *"annie", "ctrl+s")
        assert isinstance(app.screen, Choice)
        shown = " ".join(screen_text(app).split())
        assert (
            f"Ana (#{ids['Ana']}) (called Annie) and Ana Silva (#{ids['Ana Silva']}) (called "
            "Annie) are already here. Is this one of them?"
        ) in shown, shown
        await press(app, pilot, "right", "enter")  # the second of them
        assert isinstance(app.screen, MapScreen)
    with sqlite_db.session() as s:
        birthdays = {
            p.name: [(d.label, d.year) for d in people.list_dates(session=s, person_id=p.id)]
            for p in everyone(sqlite_db)
        }
    assert birthdays == {"[b]Zoë[/b]": [], "Sam": [("birthday", 2000)], "Eve": [], "Ana": [],
                         "Ana Silva": []}  # fmt: skip
    assert len(everyone(sqlite_db)) == 5  # "annie" went into Ana Silva: no one new


@pytest.mark.parametrize(
    ("other", "nickname", "said"),
    [
        ("Sam", "sam", "sam already names Sam (#1), so it would name two people."),
        # A nickname wins over a first name: "ana" took "ana" from Ana Silva, and `log ana`
        # and @ana went to Zoë without a word (nu226).
        (
            "Ana Silva",
            "ana",
            "ana finds Ana Silva (#1) now; as [b]Zoë[/b]'s nickname, it would find [b]Zoë[/b] "
            "instead.",
        ),
    ],
)
async def test_a_nickname_that_names_someone_else_is_asked_about(
    sqlite_db: Database, other: str, nickname: str, said: str
) -> None:
    """`add --nickname` refuses a nickname that is someone's already, or that finds them
    now; the app's form set it without a word, and that person's own name then named two
    people, or someone else."""
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": other})
        people.create_person(session=s, data={"name": "[b]Zoë[/b]"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_map(app, pilot)
        table = screen.query_one("#people-table", DataTable)
        table.move_cursor(row=[p.name for p in screen.shown].index("[b]Zoë[/b]"))
        await press(app, pilot, "e")
        await type_into(pilot, app, "nickname", nickname)
        await press(app, pilot, "tab", "ctrl+s")  # on to *How close*, then saved
        assert isinstance(app.screen, Choice)
        assert f"{said} Is that as you want it?" in " ".join(screen_text(app).split())
        await press(app, pilot, "enter")  # keep editing: nothing saved, and back in the box
        assert isinstance(app.screen, PersonForm)  # asked about (nu229: a letter typed next
        assert app.focused is app.screen.query_one("#nickname")  # went on into Notes)
        assert {p.nickname for p in everyone(sqlite_db)} == {""}
        await press(app, pilot, "ctrl+s", "right", "enter")  # keep it
        assert isinstance(app.screen, MapScreen)
    assert {p.name: p.nickname for p in everyone(sqlite_db)} == {other: "", "[b]Zoë[/b]": nickname}


async def test_a_name_already_on_the_map_is_asked_about_and_what_stays_is_said(
    sqlite_db: Database,
) -> None:
    """Added again as "the same person", a rhythm typed was dropped without a word, and a
    birthday typed on another day became her second birthday; and renaming someone into
    another's name was not asked about at all."""
    with sqlite_db.write() as s:
        ana = people.create_person(
            session=s, data={"name": "Ana Silva", "nickname": "Ani", "cadence_days": 14},
            dates=[{"label": "birthday", "month": 4, "day": 12, "year": 1990}],
        ).id  # fmt: skip
        people.create_person(session=s, data={"name": "Maria Costa"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "n", *"ani")
        await type_into(pilot, app, "cadence", "weekly")
        await type_into(pilot, app, "birthday", "13 Apr")
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, Choice)
        assert "Ana Silva (called Ani) is already here" in screen_text(app)
        await press(app, pilot, "enter")  # yes, the same person
        said = [n.message for n in app._notifications]
        assert said[-1] == (
            "Added to Ana Silva, who keeps their own rhythm (every 2 weeks) and birthday "
            "(12 Apr 1990) — e on the Map changes it."
        ), said
        assert [p.cadence_days for p in everyone(sqlite_db) if p.id == ana] == [14]
        with sqlite_db.session() as s:
            dates = people.list_dates(session=s, person_id=ana)
        assert [(d.label, d.month, d.day, d.year) for d in dates] == [("birthday", 4, 12, 1990)]
        screen = app.screen
        assert isinstance(screen, MapScreen)
        screen.query_one("#people-table", DataTable).move_cursor(
            row=[p.name for p in screen.shown].index("Maria Costa")
        )
        await press(app, pilot, "e")
        app.screen.query_one("#name", Input).value = "ani"  # her nickname: said as added
        await press(app, pilot, "ctrl+s")
        assert f"Ana Silva (#{ana}) (called Ani) is already here. Keep both?" in screen_text(app)
        await press(app, pilot, "enter")
        app.screen.query_one("#name", Input).value = "Ana Silva"
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, Choice)
        assert f"Ana Silva (#{ana}) is already here. Keep both?" in screen_text(app)
        await press(app, pilot, "enter")  # Enter keeps editing: nothing is changed
        assert isinstance(app.screen, PersonForm)
        assert sorted(p.name for p in everyone(sqlite_db)) == ["Ana Silva", "Maria Costa"]
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, Choice)
        await press(app, pilot, "tab", "enter")  # keep both
        assert isinstance(app.screen, MapScreen)
    assert sorted(p.name for p in everyone(sqlite_db)) == ["Ana Silva", "Ana Silva"]


async def test_logging_an_interaction_with_natural_language_time(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana", "cadence_days": 7}).id
        ben = people.create_person(session=s, data={"name": "Ben"}).id
        people.log_interaction(
            session=s, data={"occurred_at": NOW - timedelta(days=30), "person_ids": [ana]}
        )
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(app, pilot)
        assert "drifting" in screen_text(app)
        await pilot.press("l")
        await settle(app, pilot)
        assert isinstance(app.screen, InteractionForm)
        await pilot.press(*"an", "enter", *"Nobody", "enter")
        await settle(app, pilot)
        assert "No one called 'Nobody'" in screen_text(app)
        await pilot.press(*["backspace"] * 6, *"Ben", "enter")
        app.screen.query_one("#when", Input).value = ""
        await type_into(pilot, app, "when", "tomorrow")
        await pilot.pause()
        assert "still to come" in screen_text(app)
        app.screen.query_one("#when", Input).value = ""
        await type_into(pilot, app, "when", "last sat 3pm")
        await pilot.pause()
        assert "Sat 21 Nov 2026, 15:00" in screen_text(app)
        app.screen.query_one("#got_emotional").focus()
        await pilot.press("space", "ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, MapScreen), screen_text(app)
        assert "drifting" not in screen_text(app)  # the drift clock reset at once
    with sqlite_db.session() as s:
        [latest, _] = people.list_interactions(session=s)
    assert latest.person_ids == sorted([ana, ben]) and latest.got_emotional
    assert latest.occurred_at == datetime(2026, 11, 21, 15, tzinfo=UTC)


async def test_enter_in_a_contacts_when_goes_on_to_how_and_never_logs_it(
    sqlite_db: Database,
) -> None:
    """At 80x24, Enter in *When* ("now") logged the contact at once, how and how warm
    skipped; elsewhere Enter goes on to the next box. ctrl+s logs it."""
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
    app = make_app(sqlite_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_map(app, pilot)
        # On Ana: Enter in the empty With box goes on to When (it stayed there, nu139)
        await press(app, pilot, "l", "enter")
        form = app.screen
        assert isinstance(form, InteractionForm) and "Log a contact" in screen_text(app)
        assert app.focused is form.query_one("#when")
        await press(app, pilot, "enter")
        assert app.focused is form.query_one("#channel")  # on to how you were in touch
        with sqlite_db.session() as s:
            assert people.list_interactions(session=s) == []
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, MapScreen)
    with sqlite_db.session() as s:
        [contact] = people.list_interactions(session=s)
    assert contact.person_ids == [ana]


async def test_a_contact_draft_stays_with_its_person_and_the_day_it_was_written(
    sqlite_db: Database,
) -> None:
    """A draft begun on Ana came back, with Ana, when l was pressed on Bo; and reopened a day
    later its "yesterday evening" meant the day before that."""
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        bo = people.create_person(session=s, data={"name": "Bo"}).id
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "l")  # on Ana, the first row
        await type_into(pilot, app, "note", "walked by the river")
        app.screen.query_one("#when", Input).value = ""
        await type_into(pilot, app, "when", "yesterday evening")
        await press(app, pilot, "escape")  # keeps the draft
        assert isinstance(app.screen, MapScreen)
    meant = parse_when("yesterday evening", lean="past")  # Sunday, said on Monday
    clock.freeze(FROZEN + timedelta(days=1))
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "down", "l")  # on Bo: a contact of his own
        form = app.screen
        assert isinstance(form, InteractionForm) and "Picked up" not in screen_text(app)
        assert form.query_one("#note", TextArea).text == ""
        await press(app, pilot, "escape", "up", "l")  # on Ana: her draft
        form = app.screen
        assert isinstance(form, InteractionForm)
        assert form.query_one("#note", TextArea).text == "walked by the river"
        assert form.query_one("#when", Input).value == typed(meant)
        assert (
            "Picked up where you left off (a saved draft). It was written on Monday 23 "
            "November 2026, so “yesterday evening” is kept as meant then." in screen_text(app)
        )
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, MapScreen), screen_text(app)
    with sqlite_db.session() as s:
        [contact] = people.list_interactions(session=s)
    assert contact.person_ids == [ana] and contact.occurred_at == meant
    assert bo not in contact.person_ids


async def test_a_draft_too_long_to_save_can_be_discarded(sqlite_db: Database) -> None:
    """A note pasted past the longest a note may be is refused, kept as typed, and came
    back on every l: with no way to let it go, the contact could never be logged."""
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Ana"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        note = (await logging_with_ana(app, pilot)).query_one("#note", TextArea)
        note.focus()
        note.post_message(Paste("x" * 33_000))
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, InteractionForm)
        assert "nothing was saved" in screen_text(app)
        assert "^l Discard" in on_screen(app)[-1], on_screen(app)[-1]  # the way out
        await press(app, pilot, "escape", "l")
        assert "Picked up where you left off" in screen_text(app)
        await press(app, pilot, "ctrl+l", "right", "enter")
        assert isinstance(app.screen, MapScreen)
        assert [n.message for n in app._notifications][-1] == "Discarded."
        await press(app, pilot, "l")
        form = app.screen
        assert isinstance(form, InteractionForm) and "Picked up" not in screen_text(app)
        assert form.query_one("#note", TextArea).text == ""
    with sqlite_db.session() as s:
        assert people.list_interactions(session=s) == []
        assert drafts.load_draft(session=s, key=form.draft_key) is None


async def test_filter_sort_and_open_a_person(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        choir = people.create_context(session=s, data={"name": "Choir"}).id
        for name in ("Alice", "Bob", "Carmen"):
            people.create_person(session=s, data={"name": name})
        people.create_person(session=s, data={"name": "Dora", "context_ids": [choir]})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_map(app, pilot)
        await pilot.press("slash", *"chr")  # fuzzy: matches Dora's context "Choir"
        await pilot.pause()
        assert [p.name for p in screen.shown] == ["Dora"]
        await pilot.press("escape")
        assert len(screen.shown) == 4
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, PersonScreen)
        assert "Alice" in screen_text(app) and "Nothing logged together yet" in screen_text(app)
        # Someone new: no "Hoped-for rhythm: — · last in touch not yet" (nu219)
        assert "No rhythm hoped for yet (e sets one) · no contact logged yet" in screen_text(app)
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("o")
        assert "sorted by last contact" in screen_text(app)


async def test_down_from_the_filter_goes_into_the_list(sqlite_db: Database) -> None:
    """`/ carla ↓ Enter` stayed in the box and needed a second Enter; `/ a ↓ ↓ Enter`
    opened the first match, not the third (nu237). ↓ goes into the list, a row on from the
    one it shows marked, as ↓ in the list does."""
    with sqlite_db.write() as s:
        for name in ("Ada", "Bea", "Cara", "Carla"):
            people.create_person(session=s, data={"name": name})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_map(app, pilot)
        await press(app, pilot, "slash", *"carla", "down", "enter")
        assert isinstance(app.screen, PersonScreen) and "Carla" in screen_text(app)
        await press(app, pilot, "escape")
        assert app.screen is screen
        # The one match opens on Enter in the box: it took two (nu238).
        await press(app, pilot, "slash", *"bea", "enter")
        assert isinstance(app.screen, PersonScreen) and "Bea" in screen_text(app)
        await press(app, pilot, "escape")
        await press(app, pilot, "slash", *"car", "enter")  # two: the list, as before
        assert app.screen is screen and app.focused is screen.query_one("#people-table")
        await press(app, pilot, "slash", *"a", "down", "down", "enter")
        assert isinstance(app.screen, PersonScreen)
        assert screen.shown[2].name in screen_text(app)


async def test_a_persons_page_reads_to_its_end_by_keys(sqlite_db: Database) -> None:
    """Their page opens at its top, with the focus on the list where Enter acts (their
    one contact, far down); End and Home, Page Down and Up, and the arrows then move the
    page, since that list's cursor can go no further. (End and Page Down did nothing: the
    contact logged together never came into view.)"""
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana", "notes": "likes tea"}).id
        people.log_interaction(
            session=s, data={"occurred_at": NOW, "person_ids": [ana], "note": "soup together"}
        )
    app = make_app(sqlite_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "enter")
        await settle(app, pilot)
        history = app.screen.query_one("#history", DataTable)

        def shown() -> str:
            return "\n".join(on_screen(app))

        assert history.has_focus and "soup together" not in shown()
        for forth, back, times in (
            ("end", "home", 1),
            ("pagedown", "pageup", 2),
            ("down", "up", 30),
        ):
            await press(app, pilot, *[forth] * times)
            assert "soup together" in shown(), forth
            await press(app, pilot, *[back] * times)
            assert "likes tea" in shown() and "soup together" not in shown(), back
            assert history.has_focus


@pytest.mark.parametrize("draft_late", [False, True], ids=["draft first", "focus first"])
async def test_a_draft_taken_back_gets_the_cursor_after_its_words(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch, draft_late: bool
) -> None:
    """Editing Ana: " A" typed after her name, the form closed (a draft kept) and opened
    again — the next key goes after " A", also when the draft is read after the name box
    has the focus (it landed where her saved name ended: "AnaY A")."""
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Ana"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "e", *" A", "escape")
        assert isinstance(app.screen, MapScreen)
        if draft_late:
            release = hold_choices(monkeypatch, PersonForm)
            await pilot.press("e")
            deadline = time.monotonic() + 60
            while not (isinstance(app.screen, PersonForm) and app.focused is not None):
                assert time.monotonic() < deadline, "the form never took the focus"
                await pilot.pause(0.01)
            focused = app.focused
            assert focused is not None and focused.id == "name" and not app.screen.ready
            release.set()
            await settle(app, pilot)
        else:
            await press(app, pilot, "e")
        await press(app, pilot, "Y")
        assert app.screen.query_one("#name", Input).value == "Ana AY"


async def test_delete_asks_and_undo_brings_everything_back(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        choir = people.create_context(session=s, data={"name": "Choir"}).id
        ana = people.create_person(session=s, data={"name": "Ana", "context_ids": [choir]}).id
        people.create_person(session=s, data={"name": "Bo"})
        people.log_interaction(session=s, data={"occurred_at": NOW, "person_ids": [ana]})
        steps.create_step(
            session=s, data={"context_id": choir, "action": "go to the choir", "due_at": NOW}
        )
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(app, pilot)
        await pilot.press("x")
        await settle(app, pilot)
        assert isinstance(app.screen, Choice) and "Delete Ana?" in screen_text(app)
        await pilot.press("escape")
        await settle(app, pilot)
        assert len(everyone(sqlite_db)) == 2
        await pilot.press("x")
        await settle(app, pilot)
        await pilot.press("tab", "enter")
        await settle(app, pilot)
        assert [p.name for p in everyone(sqlite_db)] == ["Bo"]
        await pilot.press("u")
        await settle(app, pilot)
        assert "Ana" in screen_text(app)
        # The cursor on Ana, back (it stayed on Bo, and the next key acted on him).
        table = app.screen.query_one("#people-table", DataTable)
        assert table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value == str(ana)
        # A part of life: the question says what stays (it said two people kept "their
        # other contexts" when they had none).
        await press(app, pilot, "3", "x")
        assert isinstance(app.screen, Choice) and "Delete Choir?" in screen_text(app)
        assert "1 person in it stays on your map, without this label" in screen_text(app)
        await press(app, pilot, "tab", "enter")
        with sqlite_db.session() as s:
            assert people.list_contexts(session=s) == []
            [step] = steps.list_steps(session=s)
        assert sorted(p.name for p in everyone(sqlite_db)) == ["Ana", "Bo"]
        assert (step.action, step.person) == ("go to the choir", "")
    with sqlite_db.session() as s:
        assert len(people.list_interactions(session=s, person_id=ana)) == 1


async def test_deleting_someone_offers_to_archive_them_instead(sqlite_db: Database) -> None:
    """Deleting someone loses their history once the session ends; the question offers to
    archive them instead, which keeps every contact, from the Map and from their page. Someone
    archived already is asked about deleting alone."""
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        people.log_interaction(session=s, data={"occurred_at": NOW, "person_ids": [ana]})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "x")
        assert app.screen.query("#answer-archive")
        await press(app, pilot, "tab", "tab", "enter")
        [kept] = everyone(sqlite_db)
        assert kept.archived and said(app, "Ana is archived")
        assert "0 people · 1 archived, not shown (h)" in screen_text(app)
        await press(app, pilot, "slash", *"ana")  # looked for: said before all else but no match
        assert "No match among 0 people · 1 archived, not shown (h) · esc empties the filter" in (
            screen_text(app)
        )
        await press(app, pilot, "escape", "escape")
        await press(app, pilot, "h", "x")  # archived already: delete or keep
        assert "Delete Ana?" in screen_text(app) and not app.screen.query("#answer-archive")
        await press(app, pilot, "escape", "a")  # back on the map; then her page
        assert not everyone(sqlite_db)[0].archived
        await press(app, pilot, "enter")
        assert isinstance(app.screen, PersonScreen)
        await press(app, pilot, "x")
        assert app.screen.query("#answer-archive")
        await press(app, pilot, "tab", "tab", "enter")
        assert isinstance(app.screen, PersonScreen) and everyone(sqlite_db)[0].archived
    with sqlite_db.session() as s:
        assert len(people.list_interactions(session=s, person_id=ana)) == 1


async def test_someone_brought_back_by_undo_from_another_view_gets_the_maps_cursor(
    sqlite_db: Database,
) -> None:
    """nu266: Ana B. deleted on the Map, brought back with `u` on Today: back on the Map,
    Enter opened Anabel, the row below."""
    with sqlite_db.write() as s:
        ids = [
            people.create_person(session=s, data={"name": n}).id
            for n in ("Ana", "Ana B.", "Anabel")
        ]
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "down", "x")
        assert "Delete Ana B.?" in screen_text(app)
        await press(app, pilot, "tab", "enter", "t", "u", "m")
        await settle(app, pilot)
        table = app.screen.query_one("#people-table", DataTable)
        assert table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value == str(ids[1])


async def test_a_context_brought_back_by_undo_gets_the_cursor(sqlite_db: Database) -> None:
    """After undoing a context's delete the cursor stood on the next one, so the next `x`
    asked to delete Ctx 7 — which was then gone too."""
    with sqlite_db.write() as s:
        ids = [people.create_context(session=s, data={"name": f"Ctx {n}"}).id for n in (5, 6, 7)]
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "3", "down", "x")
        assert "Delete Ctx 6?" in screen_text(app)
        await press(app, pilot, "tab", "enter")  # deleted (u pressed with it, on a loaded
        await press(app, pilot, "u")  # machine, came before the delete had been written)
        table = app.screen.query_one("#contexts-table", DataTable)
        assert table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value == str(ids[1])
        await press(app, pilot, "x")
        assert "Delete Ctx 6?" in screen_text(app)


async def test_choosing_someone_in_the_circles_opens_their_detail(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        work = people.create_context(session=s, data={"name": "Work"}).id
        people.create_person(session=s, data={"name": "Ina", "circle": "inner"})
        people.create_person(
            session=s, data={"name": "Otto", "circle": "outer", "context_ids": [work]}
        )
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "2")
        picture = app.screen.query_one(CirclesPicture)
        assert picture.has_focus and len(picture.marks) == 2
        assert "▸ Ina" in str(picture.render())
        await pilot.press("up")  # out to the outer ring
        assert "▸ Otto — outer · Work" in str(picture.render())
        assert "■ Work" not in str(picture.render()) and "● Work" in str(picture.render())
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, PersonScreen) and "Otto" in screen_text(app)


async def test_left_and_right_go_round_one_ring_of_the_circles(sqlite_db: Database) -> None:
    """← from the inner ring's last went on to the middle ring's people (nu242): ← → go
    round the ring the cursor is on, ↑ ↓ between rings."""
    with sqlite_db.write() as s:
        for name, circle in (("Ina", "inner"), ("Ivo", "inner"), ("Mia", "middle"),
                             ("Max", "middle"), ("Otto", "outer")):  # fmt: skip
            people.create_person(session=s, data={"name": name, "circle": circle})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "2")
        picture = app.screen.query_one(CirclesPicture)
        for ring in (0, 1):
            rings = set()
            for _ in range(5):
                await press(app, pilot, "right")
                rings.add(picture.marks[picture.cursor].ring)
            await press(app, pilot, "left", "left", "left")
            rings.add(picture.marks[picture.cursor].ring)
            assert rings == {ring}
            await press(app, pilot, "up")


async def test_the_circles_summarise_a_crowd_of_300(sqlite_db: Database) -> None:
    """Enter on a crowd lists that crowd: the People tab filtered by its part of life listed
    everyone in it, from every circle (3 in the middle circle opened 17 people)."""
    with sqlite_db.write() as s:
        ids = [people.create_context(session=s, data={"name": f"C{n}"}).id for n in range(4)]
        for n in range(300):
            people.create_person(
                session=s, data={"name": f"P{n}", "circle": "outer", "context_ids": [ids[n % 4]]}
            )
        people.create_person(  # in C0 too, but close: not in the outer crowd
            session=s, data={"name": "Inner Ida", "circle": "inner", "context_ids": [ids[0]]}
        )
    app = make_app(sqlite_db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "2")
        picture = app.screen.query_one(CirclesPicture)
        assert [m.label for m in picture.marks if m.is_group] == ["●75", "▲75", "■75", "◆75"]
        picture.cursor = next(n for n, m in enumerate(picture.marks) if m.label == "●75")
        await press(app, pilot, "enter")
        screen = app.screen
        assert isinstance(screen, MapScreen)
        assert len(screen.shown) == 75  # the crowd opens as a list of it
        assert "Inner Ida" not in {p.name for p in screen.shown}
        assert "the crowd chosen in Circles (esc: everyone)" in screen_text(app)
        await press(app, pilot, "escape")
        assert len(screen.shown) == 301 and "crowd" not in screen_text(app)


async def test_escape_lists_everyone_after_a_crowd_with_no_one_part_of_life(
    sqlite_db: Database,
) -> None:
    """nu270: a crowd whose people share no one part of life leaves the filter empty, and
    Escape, which its line offers ("esc: everyone"), did nothing: the crowd stayed."""
    with sqlite_db.write() as s:
        choir = people.create_context(session=s, data={"name": "Choir"}).id
        for n in range(40):
            context_ids = [choir] if n % 2 else []
            people.create_person(
                session=s, data={"name": f"P{n}", "circle": "outer", "context_ids": context_ids}
            )
    app = make_app(sqlite_db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "2")
        picture = app.screen.query_one(CirclesPicture)
        picture.cursor = next(n for n, m in enumerate(picture.marks) if m.label == "•20")
        await press(app, pilot, "enter")
        screen = app.screen
        assert isinstance(screen, MapScreen) and len(screen.shown) == 20
        assert "(esc: everyone)" in screen_text(app)
        await press(app, pilot, "escape")
        assert len(screen.shown) == 40 and "crowd" not in screen_text(app)
        await press(app, pilot, "2", "enter")  # the same, from the filter's box
        assert len(screen.shown) == 20 and "(esc: everyone)" in screen_text(app)
        await press(app, pilot, "/", "escape")
        assert len(screen.shown) == 40 and "crowd" not in screen_text(app)


@pytest.mark.parametrize("width", [40, 60, 100])
async def test_a_crowds_line_keeps_how_to_list_it_on_a_narrow_screen(
    sqlite_db: Database, width: int
) -> None:
    """At 60 columns the line under the circles was cut mid-word, "(Allotment, Book forum,"
    and its "Enter lists them" lost (nu237): the parts of life give way first."""
    with sqlite_db.write() as s:
        ids = [people.create_context(session=s, data={"name": name}).id
               for name in ("Allotment", "Book forum", "Choir", "Volunteering at the food bank")]  # fmt: skip
        for n in range(200):
            people.create_person(session=s, data={
                "name": f"P{n}", "circle": "middle", "context_ids": [ids[n % 4], ids[(n + 1) % 4]]})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=(width, 30)) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "2")
        picture = app.screen.query_one(CirclesPicture)
        picture.cursor = next(n for n, m in enumerate(picture.marks) if m.is_group)
        await press(app, pilot)
        [line] = [line for line in on_screen(app) if "▸" in line]
        assert line.rstrip().endswith("— Enter lists them"), line
        if width == 100:
            assert "in the middle circle (Allotment) —" in line


async def test_vcard_import_in_the_app(sqlite_db: Database) -> None:
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(app, pilot)
        await pilot.press("i")
        await settle(app, pilot)
        app.screen.query_one("#vcf-path", Input).value = str(DATA / "contacts.vcf")
        await pilot.press("enter")
        await settle(app, pilot)
        shown = screen_text(app)
        assert "7 cards: 6 new" in shown and "مريم الحسن" in shown
        # Enter now adds them: the focus is on the button (in the box, Enter only read the
        # file again, and nothing was added).
        assert app.screen.focused is app.screen.query_one("#vcf-add")
        path = app.screen.query_one("#vcf-path", Input)
        path.focus()
        path.value = str(DATA)  # a folder: said so
        await press(app, pilot, "enter")
        assert f"{DATA} is a folder: type the path of a .vcf file in it." in screen_text(app)
        planner = sqlite_db.location.sqlite_path  # read, it lost every later save: see
        app.screen.query_one("#vcf-path", Input).value = str(planner)  # files.read_named
        await press(app, pilot, "enter")
        assert f"{planner} is this planner's own database, so it was left as it is" in " ".join(
            screen_text(app).split()
        )
        for path, said in (("/dev/null", "/dev/null is not a file:"),
                           (str(DATA / "nowhere.vcf"), f"There is no file at {DATA}")):  # fmt: skip
            app.screen.query_one("#vcf-path", Input).value = path
            await press(app, pilot, "enter")
            assert said in screen_text(app)
        app.screen.query_one("#vcf-path", Input).value = "  "  # nothing: not "." a folder
        await press(app, pilot, "enter")
        assert "Type the path of a .vcf file, then Enter." in screen_text(app)
        assert "is a folder" not in screen_text(app)
        app.screen.query_one("#vcf-path", Input).value = str(DATA / "contacts.vcf")
        await press(app, pilot, "enter")
        await press(app, pilot, "enter")  # Add the new ones
        assert isinstance(app.screen, MapScreen)
        assert len(app.screen.query_one("#people-table", DataTable).rows) == 6


async def test_vcard_preview_shows_birthdays_and_what_is_left_out(
    sqlite_db: Database, tmp_path: Path
) -> None:
    source = tmp_path / "phone.vcf"
    source.write_text(
        "BEGIN:VCARD\nTEL:1\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Mr. John Richter\\, James\nBDAY:1980-03-22\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Ana Silva\nBDAY:1991-05-05\nEND:VCARD\n"
    )
    with sqlite_db.write() as s:  # here already, with a birthday of her own
        ana = people.create_person(session=s, data={"name": "Ana Silva"}).id
        people.add_date(
            session=s, data={"person_id": ana, "label": "birthday", "month": 4, "day": 12}
        )
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await preview_vcard(app, pilot, source)
        shown = screen_text(app)
        assert "Mr. John Richter, James" in shown and "22 March 1980" in shown
        assert "1 card had no name and was left out: line 1." in " ".join(shown.split())
        # As the command line's --preview --merge says: merging keeps her own birthday.
        assert "Ana Silva; if merged, their birthday stays 12 Apr; the card's is left" in shown


async def test_a_thousand_character_name_is_shortened_in_lists_and_whole_on_its_page(
    sqlite_db: Database,
) -> None:
    long_name = "Ro" + "x" * 997 + "!"
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": long_name})
        people.create_person(session=s, data={"name": "Short"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(app, pilot)
        table = app.screen.query_one("#people-table", DataTable)
        first = str(table.get_row_at(0)[0])
        assert first.startswith("Rox") and first.endswith("…") and len(first) == 40
        assert table.columns[next(iter(table.columns))].get_render_width(table) < 60
        await pilot.press("enter")
        await settle(app, pilot)
        assert long_name in screen_text(app)


async def test_quitting_mid_sentence_keeps_what_was_typed(sqlite_db: Database) -> None:
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        await pilot.press(*"Typed just before ctrl+q")
        await pilot.press("ctrl+q")  # well inside the pause before a draft is written
    with sqlite_db.session() as s:
        draft = drafts.load_draft(session=s, key="person:new")
    assert draft is not None and draft["name"] == "Typed just before ctrl+q"


@pytest.mark.parametrize("changed_by", ["the map", "another program"])
async def test_other_views_catch_up_with_a_change(sqlite_db: Database, changed_by: str) -> None:
    """A snooze on the Map, or a contact logged on the command line (or on another
    machine) while the app is open: a view gone back to shows it, without ctrl+r."""
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana", "cadence_days": 7}).id
        people.log_interaction(
            session=s, data={"occurred_at": NOW - timedelta(days=30), "person_ids": [ana]}
        )
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert "Ana" in screen_text(app)  # Today: someone you might like to reach
        assert "plan a small step (with whom the cursor is on, in" in screen_text(app)
        await open_map(app, pilot)
        assert "drifting" in screen_text(app)
        if changed_by == "the map":
            await press(app, pilot, "z")  # snooze: a write with no form to close
        else:
            with sqlite_db.write() as s:  # `planner-tui log Ana`, the Map on screen
                people.log_interaction(
                    session=s, data={"occurred_at": NOW - timedelta(hours=1), "person_ids": [ana]}
                )
        await press(app, pilot, "t")
        reach = app.screen.query_one("#drifting", DataTable)
        assert reach.row_count == 0 or not reach.display  # no longer suggested
        shown = " ".join(screen_text(app).split())
        resting = "apart from Ana, resting for now" in shown  # snoozed, still past it
        assert "Everyone is within the rhythm you hoped for" in shown
        assert resting == (changed_by == "the map")
        await press(app, pilot, "m")
        assert "drifting" not in screen_text(app)


async def test_a_persons_page_edits_and_deletes_them(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Ana"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, PersonScreen)
        await pilot.press("e")
        await settle(app, pilot)
        await type_into(pilot, app, "nickname", "Nani")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, PersonScreen)
        assert "also known as Nani" in screen_text(app)
        await pilot.press("x")
        await settle(app, pilot)
        await pilot.press("tab", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, MapScreen)
        assert "Ana" not in screen_text(app)
    assert everyone(sqlite_db) == []


async def test_the_person_page_shows_their_dates_in_one_line(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana", "nickname": "Ani"}).id
        for label, month, day, year in (("anniversary", 6, 3, 2011), ("birthday", 4, 12, None),
                                        ("[bold]moved[/] to Leeds", 9, 1, 2019)):  # fmt: skip
            people.add_date(
                session=s,
                data={"person_id": ana, "label": label, "month": month, "day": day, "year": year},
            )
        people.create_person(session=s, data={"name": "Ben", "nickname": "ben"})
        # A card's other nickname, kept as a name she also goes by: no one was merged in.
        people.merge_into(session=s, person_id=ana, data={"name": "Ana", "nickname": "Annie"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, PersonScreen) and "Ana" in screen_text(app)
        assert "Also found by: Annie" in screen_text(app)
        assert "Merged in" not in screen_text(app)
        assert (
            "Birthday 12 Apr · Anniversary 3 Jun 2011 · [bold]moved[/] to Leeds 1 Sep 2019"
            in screen_text(app)
        )
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("down", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, PersonScreen) and "Ben" in screen_text(app)
        assert "Birthday" not in screen_text(app)
        assert "also known as" not in screen_text(app)  # "ben" is his name again


async def test_a_new_persons_form_typed_in_and_emptied_again_leaves_no_draft(
    sqlite_db: Database,
) -> None:
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "m", "n", *"Ana", "backspace", "backspace", "backspace")
        await press(app, pilot, "escape")
        assert "Kept as a draft" not in str([n.message for n in app._notifications])
        await press(app, pilot, "n")
        assert "Picked up where you left off" not in screen_text(app)
        assert "A name is needed" not in screen_text(app)
    with sqlite_db.session() as s:
        assert drafts.load_draft(session=s, key="person:new") is None


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_a_very_long_name_is_cut_in_the_maps_tables_and_every_column_shows(
    sqlite_db: Database, size: tuple[int, int]
) -> None:
    """A 990-character context (or person) name pushed the other columns off screen:
    free text is cut with …, never the columns beside it."""
    long = "Allotment " * 99
    with sqlite_db.write() as s:
        choir = people.create_context(session=s, data={"name": long, "kind": "hobby"}).id
        ana = people.create_person(
            session=s, data={"name": "Ana " * 240, "context_ids": [choir], "cadence_days": 7}
        ).id
        people.log_interaction(
            session=s,
            data={"person_ids": [ana], "occurred_at": datetime(2026, 10, 1, 12, tzinfo=UTC)},
        )
    app = make_app(sqlite_db)
    async with app.run_test(size=size) as pilot:
        await open_map(app, pilot)
        for tab, table_id, columns in (
            ("3", "contexts-table", ("context", "kind", "people", "last contact")),
            ("4", "drifting-table", ("who", "last in touch", "hoped for", "past by")),
        ):
            await press(app, pilot, tab)
            grid = app.screen.query_one(f"#{table_id}", DataTable)
            assert grid.virtual_size.width <= grid.size.width, table_id  # nothing to scroll to
            assert [str(c.label) for c in grid.columns.values()] == list(columns)
            first = str(grid.get_row_at(0)[0])
            assert first.endswith("…") and len(first) <= 40, first


async def test_resting_reminders_for_someone_without_a_rhythm_says_none_would_come(
    sqlite_db: Database,
) -> None:
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Bo"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_map(app, pilot)
        table = app.screen.query_one("#people-table", DataTable)
        # z again lets them out of their rest, and says no reminder comes even so (it said
        # "back on", as if one would); the People tab marks the rest (it said nothing).
        for toast, mark in (
            ("Resting reminders for Bo until 7 Dec — though with no rhythm set for them, none "
             "would come (e on the Map sets one).", "resting"),
            ("Reminders for Bo are no longer resting — though with no rhythm set for them, "
             "none will come (e on the Map sets one).", ""),
        ):  # fmt: skip
            await press(app, pilot, "z")
            said = [n.message for n in app._notifications]
            assert said[-1] == toast, said
            assert str(table.get_row_at(0)[1]) == mark
        assert not any("back on" in line for line in said), said


async def test_a_rest_that_has_ended_is_not_shown_as_resting(sqlite_db: Database) -> None:
    """Their page said "Reminders resting until" a day long past."""
    with sqlite_db.write() as s:
        bo = people.create_person(session=s, data={"name": "Bo", "cadence_days": 7}).id
        people.snooze_person(session=s, person_id=bo, days=3)
    clock.freeze(FROZEN + timedelta(days=10))
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "enter")
        assert isinstance(app.screen, PersonScreen)
        assert "Reminders resting" not in screen_text(app)
        await press(app, pilot, "escape", "z")  # it rests again, not "back on"
        said = [n.message for n in app._notifications]
        assert (
            said[-1]
            == "Resting reminders for Bo until 17 Dec. A pause is fine: they start again on 18 Dec."
        ), said


async def test_a_very_long_name_on_today_leaves_its_rhythm_in_full_at_80_columns(
    sqlite_db: Database,
) -> None:
    """'People you might like to reach': the name narrows, not 'hoped for' (it showed 'hop')."""
    clock.freeze(datetime(2026, 10, 1, 12))  # added then, never in touch since: the
    with sqlite_db.write() as s:  # longest "last in touch" words
        people.create_person(session=s, data={"name": "Ana " * 240, "cadence_days": 7})
    clock.freeze(FROZEN)
    app = make_app(sqlite_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        grid = app.screen.query_one("#drifting", DataTable)
        assert grid.virtual_size.width <= grid.size.width
        assert "weekly" in on_screen(app)[grid.region.y + 1]  # its first row, in full


async def test_a_very_long_name_in_a_forms_title_ends_with_an_ellipsis(
    sqlite_db: Database,
) -> None:
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Wolfgang Amadeus Theophilus " * 10})
    app = make_app(sqlite_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "e")
        assert isinstance(app.screen, PersonForm)
        [title] = [line for line in on_screen(app) if "Edit Wolfgang" in line]
        assert title.rstrip(" ▌▐█┃│").endswith("…"), title  # it was cut at the border


async def test_a_change_made_elsewhere_while_editing_someone_is_kept_or_asked_about(
    sqlite_db: Database,
) -> None:
    """Two windows on one planner: saving one person's form must not put back what the other
    window (or the command line) saved meanwhile."""
    from textual.widgets._toast import Toast

    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana", "nickname": "Ani"}).id

    def elsewhere(**data: object) -> None:
        with sqlite_db.write() as s:
            people.update_person(session=s, person_id=ana, data=data)

    def stored() -> people.PersonRead:
        with sqlite_db.session() as s:
            return people.get_person(session=s, person_id=ana)

    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "enter", "e")
        assert isinstance(app.screen, PersonForm)
        await type_into(pilot, app, "cadence", "weekly")
        elsewhere(nickname="NickFromThere")  # a field left alone here
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, PersonScreen)
        assert (stored().nickname, stored().cadence_days) == ("NickFromThere", 7)
        said = " ".join(str(toast.render()) for toast in app.screen.query(Toast))
        assert "Kept as changed elsewhere meanwhile: nickname." in said

        # The same field changed on both sides: asked, and each answer does what it says.
        for answer in ("back", "theirs", "mine"):
            if not isinstance(app.screen, PersonForm):
                await press(app, pilot, "e")
            form = app.screen
            assert isinstance(form, PersonForm)
            form.query_one("#nickname", Input).value = "Mine"
            elsewhere(nickname=f"Theirs before {answer}")
            await press(app, pilot, "ctrl+s")
            assert isinstance(app.screen, Choice)
            assert "Saved there — nickname: “Theirs before " in screen_text(app)
            await press(app, pilot, *(["escape"] if answer == "back" else []))
            if answer != "back":
                app.screen.query_one(f"#answer-{answer}").press()
                await settle(app, pilot)
                assert isinstance(app.screen, PersonScreen), answer
                kept = "Mine" if answer == "mine" else f"Theirs before {answer}"
                assert (stored().nickname, stored().cadence_days) == (kept, 7)
            else:  # kept editing: the words typed are still there, nothing saved
                assert app.screen is form
                assert form.query_one("#nickname", Input).value == "Mine"
                assert stored().nickname == "Theirs before back"
                await press(
                    app, pilot, "ctrl+l", "right", "enter"
                )  # discarded: the next round opens afresh


async def test_two_forms_on_one_person_never_remove_each_others_draft(
    sqlite_db: Database,
) -> None:
    """Two windows on one person, each a form of its own (here stacked in one app): a
    window that had taken back the other's draft, then saved, removed the draft the other
    had written since ("3 May" typed, kept, and gone); a discard did the same. A form now
    writes a draft of its own and lets go only of the one it took back, unchanged."""
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Bruno"})

    def form(app: PlannerApp) -> PersonForm:
        assert isinstance(app.screen, PersonForm)
        return app.screen

    async def second_window(app: PlannerApp, pilot: object) -> PersonForm:
        below = form(app)
        app.push_screen(PersonForm(below.contexts, below.person))
        await settle(app, pilot)
        assert form(app) is not below
        return form(app)

    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "enter", "e")
        await type_into(pilot, app, "nickname", "Bru2")
        await press(app, pilot, "escape")  # kept as a draft
        await press(app, pilot, "e")  # window 2 takes it back, and stays open
        assert form(app).query_one("#nickname", Input).value == "Bru2"
        await second_window(app, pilot)  # window 1 takes it back too
        await type_into(pilot, app, "birthday", "3 May")
        await press(app, pilot, "escape")
        await press(app, pilot, "ctrl+s")  # window 2 saves what it holds
        assert isinstance(app.screen, PersonScreen)
        await press(app, pilot, "e")
        assert form(app).query_one("#birthday", Input).value == "3 May"  # window 1's draft
        assert "Picked up where you left off" in str(form(app).query_one("#draft-note").render())

        await second_window(app, pilot)  # both hold that draft; one adds to it and keeps it
        await type_into(pilot, app, "notes", "likes tea")
        await press(app, pilot, "escape")
        await press(app, pilot, "ctrl+l", "right", "enter")  # the other lets go of what it holds
        await press(app, pilot, "e")
        kept = form(app)
        assert kept.query_one("#notes", TextArea).text == "likes tea"
        assert kept.query_one("#birthday", Input).value == "3 May"
        await press(app, pilot, "ctrl+s")
    with sqlite_db.session() as s:
        [bruno] = people.list_people(session=s)
        assert (bruno.nickname, bruno.notes) == ("Bru2", "likes tea")
        assert drafts.load_draft(session=s, key=f"person:{bruno.id}") is None  # none left


async def test_a_form_opens_with_what_is_stored_now_not_the_views_older_copy(
    sqlite_db: Database,
) -> None:
    """Someone's page read before another window changed their rhythm: `e` opened the form
    with the old rhythm, and saving then said the change was made "meanwhile"."""
    from textual.widgets._toast import Toast

    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana", "cadence_days": 14}).id
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "enter")
        assert isinstance(app.screen, PersonScreen)
        with sqlite_db.write() as s:
            people.update_person(session=s, person_id=ana, data={"cadence_days": 7})
        await press(app, pilot, "e")
        form = app.screen
        assert isinstance(form, PersonForm)
        assert form.query_one("#cadence", Input).value == "weekly"
        await type_into(pilot, app, "nickname", "Nani")
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, PersonScreen)
        assert not any("meanwhile" in str(toast.render()) for toast in app.screen.query(Toast))
    [person] = everyone(sqlite_db)
    assert (person.nickname, person.cadence_days) == ("Nani", 7)


async def test_the_maps_filter_finds_someone_by_a_name_merged_into_theirs(
    sqlite_db: Database,
) -> None:
    """After Mary Costa was merged into Maria Costa, `/ Mary Costa` found no one, though the
    command line and @Mary found her."""
    from planner_tui.services import corrections

    with sqlite_db.write() as s:
        maria = people.create_person(session=s, data={"name": "Maria Costa"}).id
        mary = people.create_person(session=s, data={"name": "Mary Costa"}).id
        people.create_person(session=s, data={"name": "Bo"})
        corrections.merge_people(session=s, keep_id=maria, other_id=mary)
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_map(app, pilot)
        await press(app, pilot, "slash", *"Mary Costa")
        table = screen.query_one("#people-table", DataTable)
        assert [str(table.get_row_at(row)[0]) for row in range(table.row_count)] == ["Maria Costa"]


async def test_a_context_renamed_elsewhere_while_its_kind_is_changed_here_keeps_both(
    sqlite_db: Database,
) -> None:
    with sqlite_db.write() as s:
        choir = people.create_context(session=s, data={"name": "Choir", "kind": "hobby"}).id
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "3")
        app.screen.query_one("#contexts-table", DataTable).focus()
        await press(app, pilot, "e")
        form = app.screen
        assert isinstance(form, ContextForm)
        form.query_one("#kind", Select).value = "faith"
        with sqlite_db.write() as s:
            people.update_context(session=s, context_id=choir, data={"name": "Thursday choir"})
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, MapScreen)
    with sqlite_db.session() as s:
        [kept] = people.list_contexts(session=s)
    assert (kept.name, kept.kind.value) == ("Thursday choir", "faith")


async def test_a_restore_while_the_app_is_open_shows_on_going_back(sqlite_db: Database) -> None:
    """`planner-tui restore` with the app open on the Map: going back to the Map showed the
    people from before the restore (the copy's data version was lower than the one the
    Map had read, so its read was taken for an older one and dropped)."""
    with sqlite_db.write() as s:
        for name in ("Ana", "Carla"):
            people.create_person(session=s, data={"name": name})
    copy = backups.daily_backup(sqlite_db, clock.today())
    assert copy is not None
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(app, pilot)
        with sqlite_db.write() as s:  # `planner-tui delete Carla`, say
            [carla] = people.people_called(session=s, typed="Carla")
            people.delete_person(session=s, person_id=carla.id)
        await press(app, pilot, "t")
        await press(app, pilot, "m")
        assert "Carla" not in screen_text(app)
        backups.restore(sqlite_db.location, copy)  # `planner-tui restore …`
        await press(app, pilot, "t")
        await press(app, pilot, "m")
        assert "Carla" in screen_text(app) and "Ana" in screen_text(app)


async def test_a_long_summary_of_what_was_left_out_leaves_the_list_rows_in_view(
    sqlite_db: Database, tmp_path: Path
) -> None:
    """At 80x24, a file with many cards left out (each named by its line) filled the
    dialog with its summary: the list showed its header and no one in it."""
    source = tmp_path / "mixed.vcf"
    source.write_text(
        "".join(f"BEGIN:VCARD\nTEL:{n}\nEND:VCARD\n" for n in range(12))  # no names
        + "".join(f"BEGIN:VCARD\nFN:Friend {n:02d}\nBDAY:nonsense\nEND:VCARD\n" for n in range(30))
    )
    app = make_app(sqlite_db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await preview_vcard(app, pilot, source)
        shown = "\n".join(on_screen(app))
        assert sum(f"Friend {n:02d}" in shown for n in range(30)) >= 3, shown
        for button in ("Add the new ones", "Close"):
            assert button in shown, (button, shown)
        status = app.screen.query_one("#vcf-status", Static)
        assert "12 cards had no name and were left out" in " ".join(str(status.render()).split())
        await press(app, pilot, "shift+tab", "down", "down", "down", "down", "down", "down")
        shown = "\n".join(on_screen(app))
        assert "Friend 06" in shown, shown  # the row the cursor is on stays in view…
        assert "Friend 06: new." not in shown  # (a new one has no line of its own)
        await press(app, pilot, "end")
        assert "Friend 29" in "\n".join(on_screen(app))


async def test_a_journal_given_to_the_vcard_import_is_pointed_to_the_import_command(
    sqlite_db: Database, tmp_path: Path
) -> None:
    """A jrnl file given to the Map's `i` was only "not a vCard file" (nu236): it says
    where journals and exports go in."""
    source = tmp_path / "j1.txt"
    source.write_text("[2026-11-06 14:30] Walk with Ana\n", encoding="utf-8")
    app = make_app(sqlite_db)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await preview_vcard(app, pilot, source)
        status = " ".join(str(app.screen.query_one("#vcf-status", Static).render()).split())
        assert (
            status
            == f"j1.txt doesn't look like a vCard file — nothing was imported. {words.IMPORT_THE_REST}"
        )


@pytest.mark.parametrize("size", [(80, 24), (100, 30)], ids=["80x24", "100x30"])
async def test_the_vcard_preview_keeps_its_buttons_and_says_in_full_what_stays(
    sqlite_db: Database, tmp_path: Path, size: tuple[int, int]
) -> None:
    """Twenty cards filled the dialog past the screen's foot: its buttons could not be
    seen (Tab still reached them, so Enter added people unseen), and what a merge keeps
    was cut off in its column. The buttons stay in view, and the row the cursor is on says
    in full what of theirs stays."""
    source = tmp_path / "many.vcf"
    source.write_text(
        "".join(
            f"BEGIN:VCARD\nVERSION:3.0\nFN:Friend {n:02d} from the allotment society\n"
            "NICKNAME:Chard enthusiast\nEND:VCARD\n"
            for n in range(19)
        )
        + "BEGIN:VCARD\nVERSION:3.0\nFN:Ana Silva\nBDAY:1991-05-05\nEND:VCARD\n"
        + "BEGIN:VCARD\nVERSION:3.0\nFN:Bo\nEND:VCARD\n"
    )
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Bo Lee", "nickname": "Bo"})
        ana = people.create_person(session=s, data={"name": "Ana Silva"}).id
        people.add_date(
            session=s, data={"person_id": ana, "label": "birthday", "month": 4, "day": 12}
        )
    app = make_app(sqlite_db)
    async with app.run_test(size=size, notifications=True) as pilot:
        await preview_vcard(app, pilot, source)
        lines = on_screen(app)
        shown = "\n".join(lines)
        assert "21 cards: 19 new, 2 look like people already here." in " ".join(shown.split()), (
            shown
        )
        for button in ("Add the new ones", "Add, and merge the others", "Close"):
            assert button in shown, (button, shown)
        # Its last column is read, not cut to "already" (at 80 columns it was).
        assert "already here?" in shown and "already here as" in shown, shown
        table = app.screen.query_one("#vcf-preview", DataTable)
        await press(app, pilot, "shift+tab", "end")  # the list, before Add (which has the focus)
        assert table.has_focus and table.cursor_row == 20
        said = str(app.screen.query_one("#vcf-row", Static).render())
        assert said == ""  # a new one: nothing more to say than its row does
        await press(app, pilot, "home")
        said = str(app.screen.query_one("#vcf-row", Static).render())
        assert said == (
            "Ana Silva: already here as Ana Silva; if merged, their birthday stays 12 Apr; "
            "the card's is left out."
        )
        assert "Ana Silva: already here as Ana Silva; if merged," in "\n".join(on_screen(app))
        await press(app, pilot, "down")
        said = str(app.screen.query_one("#vcf-row", Static).render())
        assert said == "Bo: already here as Bo Lee."
        await press(app, pilot, "home")
        await press(app, pilot, "tab")  # the first button, in view
        assert "Add the new ones" in "\n".join(on_screen(app))
        await press(app, pilot, "enter")
        assert isinstance(app.screen, MapScreen)
    with sqlite_db.session() as s:
        assert len(people.list_people(session=s)) == 21  # 19 friends, Ana and Bo Lee


async def test_a_persons_contacts_say_where_they_were(sqlite_db: Database) -> None:
    """Their page's "Contact together" showed no part of life, which the Map's contacts
    (c in the Review) and the export do."""
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        choir = people.create_context(session=s, data={"name": "[i]Choir"}).id
        for context, note in ((choir, "sang\nand more"), (choir, ""), (None, "a call")):
            people.log_interaction(session=s, data={
                "occurred_at": NOW - timedelta(days=1), "person_ids": [ana],
                "context_id": context, "note": note})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "enter")
        assert isinstance(app.screen, PersonScreen)
        history = app.screen.query_one("#history", DataTable)
        notes = sorted(str(history.get_row_at(row)[-1]) for row in range(history.row_count))
        # a note of several lines says there is more; Enter on it shows it whole
        assert notes == ["a call", "at [i]Choir", "at [i]Choir — sang …"]
        history.focus()
        history.move_cursor(row=[str(history.get_row_at(r)[-1]) for r in range(3)].index(
            "at [i]Choir — sang …"))  # fmt: skip
        await press(app, pilot, "enter")
        assert isinstance(app.screen, Choice) and "sang\nand more" in screen_text(app)


async def test_a_card_repeated_in_the_file_is_not_counted_as_someone_already_here(
    sqlite_db: Database, tmp_path: Path
) -> None:
    """A card repeated in the file was counted among those "already here", and a name
    ending in a full stop got a second one ("already here as Ada A..")."""
    source = tmp_path / "few.vcf"
    source.write_text(
        "".join(
            f"BEGIN:VCARD\nVERSION:3.0\nFN:{name}\nEND:VCARD\n"
            for name in ("Ada A.", "Chidi Okafor", "Chidi Okafor", "Bea")
        ),
        encoding="utf-8",
    )
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Ada A."})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await preview_vcard(app, pilot, source)
        shown = " ".join("\n".join(on_screen(app)).split())
        assert (
            "4 cards: 2 new, 1 looks like someone already here, 1 repeats a card earlier "
            "in the file."
        ) in shown, shown
        await press(app, pilot, "tab", "home")
        said = str(app.screen.query_one("#vcf-row", Static).render())
        assert said == "Ada A.: already here as Ada A."


async def test_a_date_name_given_twice_is_refused_in_the_form(sqlite_db: Database) -> None:
    """A birthday and an other-dates line "BIRTHDAY: 3 Mar" were both saved — two
    birthdays on their page and in the calendar — and `planner-tui date zoe birthday …`
    then replaced both, the year of one lost without a word. A name is for one date."""
    with sqlite_db.write() as s:
        zoe = people.create_person(session=s, data={"name": "Zoe"}, dates=[
            {"label": "birthday", "month": 2, "day": 29, "year": 1988}]).id  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "enter", "e")
        form = app.screen
        assert isinstance(form, PersonForm)
        form.query_one("#dates", TextArea).text = "BIRTHDAY: 3 Mar"
        await press(app, pilot, "ctrl+s")
        assert app.screen is form  # not saved: the note says why, by the field
        note = " ".join(str(form.query_one("#dates-problem").render()).split())
        assert note.startswith("Two dates are called 'BIRTHDAY': a name is for one date."), note
        with sqlite_db.session() as s:
            dates = people.list_dates(session=s, person_id=zoe)
        assert [(d.label, d.month, d.day, d.year) for d in dates] == [("birthday", 2, 29, 1988)]
        # The birthday box emptied, the line is her one birthday (the stored one was put
        # back into the emptied box, as if left alone, and two were refused).
        form.query_one("#birthday", Input).value = ""
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, PersonScreen), screen_text(app)
    with sqlite_db.session() as s:
        dates = people.list_dates(session=s, person_id=zoe)
    assert [(d.label, d.month, d.day, d.year) for d in dates] == [("BIRTHDAY", 3, 3, None)]


async def test_adding_the_name_of_someone_archived_says_they_are(sqlite_db: Database) -> None:
    """ "Bo is already here. Is this the same person?" of an archived Bo, hidden from the
    list: after "yes", nothing showed where the toast said they were added."""
    archived(sqlite_db, "Bo")
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "n", *"BO", "ctrl+s")
        assert isinstance(app.screen, Choice)
        assert "Bo (archived: h on the Map shows them, a brings them back) is already here." in (
            " ".join(screen_text(app).split())
        )


async def test_two_people_of_one_name_show_their_numbers_on_the_map(sqlite_db: Database) -> None:
    """Two rows read just "Sam": the numbers every "could be Sam (#1), Sam (#6)" asks for
    were nowhere in the app to read — then only on the People tab: the Gaps tab and a
    person's page still said just "Sam"."""
    with sqlite_db.write() as s:
        ids = [
            people.create_person(session=s, data={"name": n, "cadence_days": 7}).id
            for n in ("Sam", "sam", "Bo")
        ]
        for days in range(1, 11):  # ten calls, each from you, the last a month ago
            people.log_interaction(
                session=s,
                data={
                    "occurred_at": NOW - timedelta(days=30 + days),
                    "person_ids": ids[:2],
                    "initiator": "me",
                },
            )
    numbered = [f"Sam (#{ids[0]})", f"sam (#{ids[1]})"]
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_map(app, pilot)

        def names(table_id: str) -> list[str]:
            table = screen.query_one(table_id, DataTable)
            return sorted(str(table.get_row_at(i)[0]) for i in range(table.row_count))

        assert names("#people-table") == ["Bo", *numbered]
        assert names("#drifting-table") == numbered
        assert names("#one-sided-table") == numbered
        await press(app, pilot, "/", *"sam", "enter", "enter")
        assert isinstance(app.screen, PersonScreen)
        page = app.screen
        assert page.sub_title in numbered
        assert str(page.query_one("#person-name", Static).render()) == page.sub_title


async def test_a_contact_years_back_is_asked_about_on_saving_and_kept_if_meant(
    sqlite_db: Database,
) -> None:
    """ "3 Jan 0001 10:00" was saved after the read-back's "is the year right?", at once:
    the Map then said "2,025 years ago"."""
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "[b]Ana[/b]"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "l", *"ana", "enter")
        form = app.screen
        assert isinstance(form, InteractionForm)
        form.query_one("#when", Input).value = "3 jan 2019 10:00"
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, Choice)
        assert "That is Thu 3 Jan 2019, 10:00, over a year ago — is the year right?" in " ".join(
            screen_text(app).split()
        )
        await press(app, pilot, "enter")  # keep editing
        assert app.screen is form
        await press(app, pilot, "ctrl+s", "right", "enter")  # yes, keep it
        assert isinstance(app.screen, MapScreen)
    with sqlite_db.session() as s:
        [kept] = people.list_interactions(session=s)
    assert kept.occurred_at == datetime(2019, 1, 3, 10, tzinfo=UTC)


async def test_a_narrow_people_tab_cuts_a_shared_name_not_its_number(sqlite_db: Database) -> None:
    """At 60 columns the name column was 8 wide: "Sam Tay…" twice, the numbers that tell
    the two apart cut off — where one deletes, archives or merges."""
    with sqlite_db.write() as s:
        ids = [
            people.create_person(session=s, data={"name": name, "cadence_days": 14}).id
            for name in ("Sam Taylor", "sam taylor")
        ]
    app = make_app(sqlite_db)
    async with app.run_test(size=(60, 20), notifications=True) as pilot:
        await open_map(app, pilot)
        await settle(app, pilot)
        rows = [line for line in on_screen(app) if "(#" in line]
    # Cut (the empty contexts column gave way first: "Sam Ta…"), the number kept whole.
    assert [row.split()[:3] for row in rows] == [
        ["Sam", "Ta…", f"(#{ids[0]})"],
        ["sam", "ta…", f"(#{ids[1]})"],
    ], rows


async def test_a_long_name_in_a_questions_title_is_cut_with_an_ellipsis(
    sqlite_db: Database,
) -> None:
    """ "Delete [bold]Bo[/] … [link=https://evil.ex" stopped at the border, mid-word and
    with no "?" (nu227): cut with …, as a form's title is."""
    name = "[bold]Bo[/] [@click=app.quit]x[/] " + "[link=https://evil.example]y[/link] " * 4
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": name.strip()})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "x")
        assert isinstance(app.screen, Choice)
        from .test_fit_narrow import on_screen

        [title] = [line for line in on_screen(app) if "Delete [bold]Bo[/]" in line]
        assert title.rstrip(" █▌▐▎▊┃│").endswith("…"), title


async def test_what_is_said_of_one_of_two_people_of_one_name_says_which(
    sqlite_db: Database,
) -> None:
    """ "Delete Sam?", "Sam is archived", "Edit Sam" and the wizard's "With Sam" beside
    another Sam: the number the list shows was left out where one acts on them."""
    from planner_tui.ui.forms.plan import PlanWizard

    from .test_corrections import said

    with sqlite_db.write() as s:
        first, second = (people.create_person(session=s, data={"name": "Sam"}).id for _ in "ab")
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_map(app, pilot)
        table = screen.query_one("#people-table", DataTable)
        chosen = int(str(table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value))
        assert chosen in (first, second)
        sam = f"Sam (#{chosen})"
        await press(app, pilot, "x")
        assert isinstance(app.screen, Choice) and app.screen.heading == f"Delete {sam}?"
        await press(app, pilot, "escape", "e")
        assert isinstance(app.screen, PersonForm) and app.screen.heading == f"Edit {sam}"
        await press(app, pilot, "escape", "a")
        await settle(app, pilot)
        assert said(app, f"{sam} is archived (h shows archived people); u undoes it.")
        # The other Sam, the one left on the list: an archived Sam still shares the name.
        other = f"Sam (#{first + second - chosen})"
        await press(app, pilot, "s")
        assert isinstance(app.screen, PlanWizard)
        await settle(app, pilot)
        assert f"With {other}" in screen_text(app)
        # An archive made by mistake is taken back by u (nu155: "Nothing left to undo")
        await press(app, pilot, "escape", "u")
        assert said(app, f"{sam} is back on the map.")
        assert not [p for p in everyone(sqlite_db) if p.archived]
        back = screen.selected_person()  # the cursor on them, as on what undo brings back
        assert back is not None and back.id == chosen


async def test_a_page_says_where_a_last_contact_with_no_logged_contact_is_from(
    sqlite_db: Database,
) -> None:
    """ "last in touch yesterday" above "No contact logged yet" on one page, for someone a
    check-in counted as in touch: the page contradicted itself."""
    from planner_tui.services import journal

    with sqlite_db.write() as s:
        zoe = people.create_person(session=s, data={"name": "Zoë"}).id
        yesterday = clock.today() - timedelta(days=1)
        together = {"person_ids": [zoe], "contact_person_ids": [zoe]}  # ticked: in touch
        journal.save_entry(session=s, data={"day": yesterday, "body": "tea", **together})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "enter")
        assert isinstance(app.screen, PersonScreen)
        await settle(app, pilot)
        said = (
            "No contact logged yet: last in touch yesterday is from a check-in or a step done. "
            "l logs a contact."
        )
        # Under the picture that says "Nothing logged together yet", near the page's top,
        # not only at its end, under the history (nu152 read the two as contradicting).
        under_picture = app.screen.query_one("#balance-words", Static)
        assert " ".join(str(under_picture.render()).split()) == said


async def test_someone_archived_typed_in_a_form_is_said_to_be_archived(sqlite_db: Database) -> None:
    """ "No one called 'Sam Old' yet — add them on the Map first (n)": followed, it made a
    second Sam Old beside the archived one."""
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Bo"})
    archived(sqlite_db, "Sam Old")
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "l")
        assert isinstance(app.screen, InteractionForm)
        await type_into(pilot, app, "who", "Sam Old")
        await press(app, pilot, "enter")
        said = "Sam Old is archived. Bring them back on the Map (a) to plan or log with them."
        assert said in screen_text(app)
        await press(app, pilot, "escape", "escape", "t", "c")  # the check-in's box, too
        assert type(app.screen).__name__ == "JournalForm", app.screen
        await type_into(pilot, app, "who", "Sam Old")
        await press(app, pilot, "enter")
        assert said in screen_text(app)
        # Someone not on the map at all: how to add them, by keys that work from here
        # (`n` alone typed an n in the check-in, nu191).
        app.screen.query_one("#who", Input).value = ""
        await type_into(pilot, app, "who", "Zed")
        await press(app, pilot, "enter")
        new = (
            "No one called 'Zed' yet — to add them, close this form (what you wrote can be "
            "kept), then press n on the Map."
        )
        assert new in " ".join(screen_text(app).split())


async def test_a_contact_or_step_with_someone_archived_says_they_are(sqlite_db: Database) -> None:
    """`l` on an archived person's page logged a contact with them without a word, where
    their name typed in the form said they were archived."""
    archived(sqlite_db, "Sam Lee")
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "h")  # the archived shown: Sam's row
        for key in ("l", "s"):
            await press(app, pilot, key)
            assert isinstance(app.screen, MapScreen), (key, app.screen)
        await press(app, pilot, "enter")
        assert isinstance(app.screen, PersonScreen)
        await press(app, pilot, "l")
        assert isinstance(app.screen, PersonScreen)
        said = "Sam Lee is archived. Bring them back on the Map (a) to plan or log with them."
        assert any(n.message == said for n in app._notifications)
    with sqlite_db.session() as s:
        assert people.list_interactions(session=s) == []


async def test_m_shows_the_map_itself_and_n_adds_someone_there(sqlite_db: Database) -> None:
    """`m n`, typed fast, came back to the person page left open in the Map: n did nothing
    there, and the name typed after it ran other views' keys (a "Z" saved as an intention).
    `m` now shows the Map itself, whatever page was left open on it (nu155: `g` there
    merged someone into the person on that page)."""
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Ana"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "enter")
        assert isinstance(app.screen, PersonScreen)
        await press(app, pilot, "m")  # on the page itself: the Map's key goes back to it
        assert isinstance(app.screen, MapScreen)
        await press(app, pilot, "enter", "t", "m")
        assert isinstance(app.screen, MapScreen) and len(app.screen_stack) == 1
        await press(app, pilot, "n", *"Zoë", "ctrl+s")
        assert isinstance(app.screen, MapScreen)
    assert sorted(p.name for p in everyone(sqlite_db)) == ["Ana", "Zoë"]


async def test_another_tab_reads_what_was_written_elsewhere_meanwhile(sqlite_db: Database) -> None:
    """Someone made one-sided on the command line while the Map was open didn't show in its
    Gaps until ctrl+r (nu129): a tab shown reads again what was written since."""
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Ana"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_map(app, pilot)
        with sqlite_db.write() as s:  # as `planner-tui add Bo` does, meanwhile
            people.create_person(session=s, data={"name": "Bo"})
        await press(app, pilot, "4")
        await press(app, pilot, "1")
        assert "Bo" in screen_text(app)


@pytest.mark.parametrize("size", [(60, 20), (40, 12), (120, 40)])
async def test_the_circles_keep_you_in_the_middle_readable(
    sqlite_db: Database, size: tuple[int, int]
) -> None:
    """On a small screen the inner ring passes through the middle: its people's marks were
    drawn over "you" ("▼y▼u▼" at 60x20, nu129)."""
    with sqlite_db.write() as s:  # a legend of ten parts of life leaves the rings little room
        kinds = [people.create_context(session=s, data={"name": f"Part {n}"}).id for n in range(10)]
        for n in range(6):
            people.create_person(session=s, data={
                "name": f"P{n}", "circle": "inner", "context_ids": [kinds[0]]})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=size) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "2")
        picture = app.screen.query_one(CirclesPicture)
        assert sum(len(m.dots) for m in picture.marks) == 6
        assert "you" in str(picture.render()), str(picture.render())


async def test_a_part_of_life_is_quiet_on_both_tabs_by_one_rule(sqlite_db: Database) -> None:
    """A part of life added today with a contact logged for 40 days ago is quiet: the Gaps
    tab listed it, while the Contexts strip left it unmarked as "added in those weeks" (a
    new user filling in their history met that every time). One added today with no
    contact yet is quiet on neither."""
    with sqlite_db.write() as s:
        street = people.create_context(session=s, data={"name": "Neighbourhood"}).id
        people.create_context(session=s, data={"name": "Choir"})
        lukasz = people.create_person(session=s, data={"name": "Łukasz", "context_ids": [street]})
        people.log_interaction(session=s, data={
            "occurred_at": clock.now() - timedelta(days=40), "person_ids": [lukasz.id],
            "context_id": street})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "3")
        strip = [line for line in screen_text(app).splitlines() if "░" in line or "·" in line]
        marked = {name: "quiet for 30+ days" in line
                  for line in strip for name in ("Neighbourhood", "Choir") if name in line}  # fmt: skip
        assert marked == {"Neighbourhood": True, "Choir": False}
        await press(app, pilot, "4")
        quiet = app.screen.query_one("#quiet-table", DataTable)
        assert [str(quiet.get_row_at(i)[0]) for i in range(quiet.row_count)] == ["Neighbourhood"]


async def test_the_gaps_tab_opens_on_a_list_with_rows(sqlite_db: Database) -> None:
    """With no one past their rhythm and contact broad enough for no ideas, the empty list
    of people past their rhythm kept the focus: Down did nothing and `s` opened an empty
    wizard, while two other lists each drew a first row as selected (nu167). The first
    list with rows takes the focus, and only the focused list shows a selected row."""
    with sqlite_db.write() as s:
        for name in ("Work", "Family", "Choir"):  # three parts of life in touch: no ideas
            part = people.create_context(session=s, data={"name": name}).id
            who = people.create_person(session=s, data={"name": f"{name} friend",
                                                        "context_ids": [part]}).id  # fmt: skip
            people.log_interaction(session=s, data={
                "occurred_at": clock.now() - timedelta(days=2), "person_ids": [who],
                "context_id": part})  # fmt: skip
        street = people.create_context(session=s, data={"name": "Neighbourhood"}).id
        people.log_interaction(session=s, data={
            "occurred_at": clock.now() - timedelta(days=40), "person_ids": [],
            "context_id": street})  # fmt: skip
        zoe = people.create_person(session=s, data={"name": "Zoë [b]", "cadence_days": 7}).id
        people.log_interaction(session=s, data={
            "occurred_at": clock.now() - timedelta(days=30), "person_ids": [zoe]})  # fmt: skip
        people.snooze_person(session=s, person_id=zoe, days=14)
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "4")
        assert app.screen.focused is app.screen.query_one("#quiet-table")
        # Zoë, snoozed, is past her rhythm all the same: not "everyone is within it" (nu167)
        assert str(app.screen.query_one("#drifting-empty").render()) == (
            "No one — everyone is within the rhythm you hoped for, apart from Zoë [b], "
            "resting for now."
        )
        cursor = {t.id: t.get_component_rich_style("datatable--cursor")
                  for t in app.screen.query("#gaps DataTable").results(DataTable)}  # fmt: skip
        assert [t for t, style in cursor.items() if style.reverse or style.underline] == [
            "quiet-table"
        ]
        await press(app, pilot, "s")
        wizard = app.screen
        assert isinstance(wizard, PlanWizard) and wizard.initial["find"] == "Neighbourhood"


async def test_the_gaps_show_every_one_sided_person_and_the_most_one_sided_first(
    sqlite_db: Database,
) -> None:
    """The Gaps' tables held at most 19 rows, each scrolling inside the scrolling tab: the
    20th person leaning one way was hidden under a sliver of a scroll bar, and the first
    whenever the table had scrolled (nu181). And 8 of the last 8 came below 9 of 12."""
    with sqlite_db.write() as s:
        for n in range(21):
            pid = people.create_person(session=s, data={"name": f"P{n:02}"}).id
            for days in range(8 if n == 20 else 12):  # P20: 8 of 8, the rest 9 of 12
                people.log_interaction(
                    session=s,
                    data={"occurred_at": NOW - timedelta(days=days + 1), "person_ids": [pid],
                          "initiator": "them" if n < 20 and days < 3 else "me"},
                )  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=(100, 60), notifications=True) as pilot:
        screen = await open_map(app, pilot)
        await press(app, pilot, "4")
        table = screen.query_one("#one-sided-table", DataTable)
        assert table.row_count == 21
        assert str(table.get_row_at(0)[0]) == "P20"  # all 8 of 8 first
        assert table.max_scroll_y == 0 and table.size.height == 22  # the tab scrolls
        # Said kindly above it: the list alone read as people who don't care (nu198).
        assert "Who starts is often habit, not a measure of care." in screen_text(app)


async def test_someone_added_whom_the_filter_hides_is_said_to_be_there(
    sqlite_db: Database,
) -> None:
    """Added with the filter "ben" in place, Zed showed nowhere, and "Saved." said no more
    (nu199); then said to be hidden, the cursor stayed on Ben, and `l` typed at once logged
    a contact with Ben (nu284). The filter is emptied, said so, and `l` is with Zed."""
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Ben"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "slash", *"ben", "enter", "n", *"[i]Zed[/i]", "ctrl+s", "l")
        assert said(app, "[i]Zed[/i] is on your map; the filter 'ben' is emptied to show them.")
        assert isinstance(app.screen, InteractionForm)
        assert "[i]Zed[/i]" in screen_text(app) and "Ben" not in screen_text(app)
        await press(app, pilot, "escape")
        assert app.screen.query_one("#filter", Input).value == ""
        assert app.screen.query_one("#people-table", DataTable).row_count == 2


async def test_o_orders_a_filters_matches_too(sqlite_db: Database) -> None:
    """With `/choir`, `o` did nothing while the line said "sorted by best match (o)"
    (nu242): it goes through the orders for the matches, best match first again last."""
    with sqlite_db.write() as s:
        choir = people.create_context(session=s, data={"name": "Choir"}).id
        for name, circle in (("Cy", "inner"), ("Ada", "outer"), ("Bo", "middle")):
            people.create_person(session=s, data={"name": name, "circle": circle,
                                                  "context_ids": [choir]})  # fmt: skip
        people.create_person(session=s, data={"name": "Dee"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_map(app, pilot)
        await press(app, pilot, "slash", *"choir", "down")
        best = [p.name for p in screen.shown]
        assert sorted(best) == ["Ada", "Bo", "Cy"] and "sorted by best match (o)" in screen_text(
            app
        )
        await press(app, pilot, "o")
        assert [p.name for p in screen.shown] == ["Ada", "Bo", "Cy"]
        assert "sorted by name (o)" in screen_text(app)
        await press(app, pilot, "o", "o")
        assert [p.name for p in screen.shown] == ["Cy", "Bo", "Ada"]  # by circle
        await press(app, pilot, "o", "o")
        assert [p.name for p in screen.shown] == best


async def test_undoing_a_return_from_the_archive_doesnt_say_the_filter_hides_them(
    sqlite_db: Database,
) -> None:
    """Zoë archived and brought back with `a`, then `/femi`, a contact logged with Femi and
    `u`: she was archived again, and the toast said the filter 'femi' hid her (nu242)."""
    with sqlite_db.write() as s:
        for name in ("Femi", "Zoë"):
            people.create_person(session=s, data={"name": name})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_map(app, pilot)
        await press(app, pilot, "end", "a", "h", "end")  # archived, then shown
        await press(app, pilot, "a", "h")  # back on the map
        await press(app, pilot, "slash", *"femi", "down", "l", "ctrl+s")  # a contact
        await press(app, pilot, "u")  # the latest that can be undone: Zoë's return
        assert said(app, "Zoë is archived again.")
        assert not said(app, words.hidden_by_filter("Zoë", "femi"))
        assert [p.name for p in screen.shown] == ["Femi"]
    with sqlite_db.session() as s:
        assert [p.name for p in people.list_people(session=s)] == ["Femi"]


def someone_with_contacts(db: Database, name: str, count: int) -> int:
    """*name*, in touch once a day on each of the *count* days before now: their id."""
    with db.write() as s:
        pid = people.create_person(session=s, data={"name": name}).id
        for days in range(count):
            people.log_interaction(session=s, data={
                "occurred_at": NOW - timedelta(days=days + 1), "person_ids": [pid]})  # fmt: skip
    return pid


async def test_a_persons_lists_show_every_row_and_the_page_scrolls(sqlite_db: Database) -> None:
    """Ivan's 124 contacts scrolled inside a list of 20 rows: PageDown slid his newest out of
    sight, and one logged then showed nowhere (nu199). The page scrolls; the lists don't —
    and PageDown in one moves a screenful, not to its last row (nu204)."""
    someone_with_contacts(sqlite_db, "Ivan", 60)
    app = make_app(sqlite_db)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "enter")
        assert isinstance(app.screen, PersonScreen)
        history = app.screen.query_one("#history", DataTable)
        assert history.row_count == 60 and history.max_scroll_y == 0
        assert history.size.height == 61  # a line a contact, and the heading
        assert not str(app.screen.query_one("#history-empty").render())  # all of them
        page = history.view()
        assert page is not None and app.screen.focused is history
        # PageDown reads the page on a screen at a time: in the list, it went to the last
        # row at once, past screens never seen (nu204)
        rows = [history.cursor_row]
        for _ in range(8):
            await press(app, pilot, "pagedown")
            rows.append(history.cursor_row)
        moves = [after - before for before, after in itertools.pairwise(rows)]
        assert 0 < max(moves) <= page.scrollable_content_region.height, rows
        assert rows[-1] == 59  # and on to the end
        await press(app, pilot, "l", "ctrl+s")  # a contact logged now: at the top
        assert history.row_count == 61 and history.max_scroll_y == 0


async def test_a_persons_page_says_when_it_lists_only_their_newest_contacts(
    sqlite_db: Database,
) -> None:
    """Ada's 215 contacts ended at the 200th without a word (nu207)."""
    someone_with_contacts(sqlite_db, "Ada", 201)
    app = make_app(sqlite_db)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "enter")
        assert app.screen.query_one("#history", DataTable).row_count == 200
        said = str(app.screen.query_one("#history-empty").render())
        assert said == words.older_contacts(200), said


async def test_a_persons_page_reads_back_from_its_end_a_page_at_a_time(
    sqlite_db: Database,
) -> None:
    """With the cursor in Ivan's small steps, End, End, then PageUp went back to the cursor
    in the steps, past all his contacts (nu207): the page moves back a screen."""
    ivan = someone_with_contacts(sqlite_db, "Ivan", 60)
    with sqlite_db.write() as s:
        for days in range(5):
            steps.create_step(session=s, data={"person_id": ivan, "action": f"call {days}",
                                               "due_at": NOW + timedelta(days=days + 1)})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "enter")
        chosen = app.screen.focused
        assert isinstance(chosen, Table) and chosen.id == "person-steps"
        page = chosen.view()
        assert page is not None
        # Its last step, then the page's end, at once: the first key's scroll to its row,
        # run after the next repaint, undid the second's (seen under load).
        burst(app, "end", "end")
        await settle(app, pilot)
        end = page.scroll_y
        assert end == page.max_scroll_y > 0
        await press(app, pilot, "pageup")
        assert 0 < end - page.scroll_y <= page.scrollable_content_region.height


async def test_on_a_persons_page_only_the_list_with_the_keys_shows_a_selected_row(
    sqlite_db: Database,
) -> None:
    """Tab on Lena's page went from her one contact to the page itself, and her contact
    still looked selected: Enter did nothing and `x` asked "Delete Lena?" (nu181)."""
    with sqlite_db.write() as s:
        lena = people.create_person(session=s, data={"name": "Lena"}).id
        people.log_interaction(session=s, data={
            "occurred_at": NOW - timedelta(days=40), "person_ids": [lena]})  # fmt: skip
        steps.create_step(session=s, data={"person_id": lena, "action": "call Lena",
                                           "due_at": NOW + timedelta(days=1)})  # fmt: skip

    def looks_selected(app: PlannerApp) -> list[str | None]:
        return [t.id for t in app.screen.query(DataTable).results(DataTable)
                if t.display and (lambda c: c.reverse or c.underline)(
                    t.get_component_rich_style("datatable--cursor"))]  # fmt: skip

    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "enter")
        assert isinstance(app.screen, PersonScreen)
        assert looks_selected(app) == [app.screen.focused.id] == ["person-steps"]
        await press(app, pilot, "tab")
        assert looks_selected(app) == [app.screen.focused.id] == ["history"]
        await press(app, pilot, "tab")  # the page: no row is what the keys act on
        assert not isinstance(app.screen.focused, DataTable) and looks_selected(app) == []


async def test_a_name_typed_after_coming_back_to_the_filter_is_a_new_search(
    sqlite_db: Database,
) -> None:
    """ "Carla", her page, back, then / and "Kai" read "CarlaKai": no match among people who
    were all there (nu181). What the filter holds is selected: a name typed replaces it, and
    End keeps it to add to."""
    with sqlite_db.write() as s:
        for name in ("Carla", "Kai", "Kaia"):
            people.create_person(session=s, data={"name": name})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_map(app, pilot)
        await press(app, pilot, "slash", *"carla", "enter", "enter")
        assert isinstance(app.screen, PersonScreen)
        await press(app, pilot, "escape", "slash", *"kai")
        assert screen.query_one("#filter", Input).value == "kai"
        assert [p.name for p in screen.shown] == ["Kai", "Kaia"]
        await press(app, pilot, "enter", "slash", "end", "a")  # kept, and added to
        assert [p.name for p in screen.shown] == ["Kaia"]


async def test_adding_from_a_vcard_says_so_at_once_and_adds_once(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """3,000 cards took 10-20 s to add with nothing on screen to say so, and Enter pressed
    again meanwhile would have added again (nu180)."""
    import threading

    from planner_tui.services import vcard

    release, calls = threading.Event(), []
    real = vcard.import_cards

    def slow(**kwargs: Any) -> Any:
        calls.append(None)
        release.wait(30)
        return real(**kwargs)

    monkeypatch.setattr(vcard, "import_cards", slow)
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "i")
        app.screen.query_one("#vcf-path", Input).value = str(DATA / "contacts.vcf")
        await press(app, pilot, "enter")
        await pilot.press("enter")  # Add the new ones (not waiting for it: it waits)
        await pilot.press("enter")  # again, while it adds
        await pilot.pause()
        assert "Adding from 7 cards…" in screen_text(app)
        # Escape went on adding unseen, with no word once done (nu196): the window stays
        await pilot.press("escape")  # (not waiting for the adding, as above)
        await pilot.pause()
        assert "Adding from 7 cards… This window closes by itself once they are all in." in (
            " ".join(screen_text(app).split())
        )
        assert not isinstance(app.screen, MapScreen)
        release.set()
        await settle(app, pilot)
        assert len(calls) == 1 and isinstance(app.screen, MapScreen)
        assert len(app.screen.query_one("#people-table", DataTable).rows) == 6
        assert said(app, "Added 6 people")


async def test_n_adds_to_the_list_on_show_and_c_checks_in_as_on_today(sqlite_db: Database) -> None:
    """`c` added a part of life on the Map and checked in on Today and the Journal: an
    evening's scores typed after `c` on the Map became a context's name (nu187). Now `c`
    checks in here too, and `n` adds to the tab on show, the footer saying which."""
    from textual.widgets._footer import FooterKey

    from planner_tui.ui.forms.journal import JournalForm

    def footer(app: PlannerApp) -> list[str]:
        return [f"{key.key_display} {key.description}" for key in app.screen.query(FooterKey)]

    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(app, pilot)
        assert "n Add person" in footer(app) and "n Add context" not in footer(app)
        await press(app, pilot, "c")
        assert isinstance(app.screen, JournalForm), app.screen
        await press(app, pilot, "escape")
        await press(app, pilot, "3")
        assert "n Add context" in footer(app) and "n Add person" not in footer(app)
        await press(app, pilot, "n")
        assert isinstance(app.screen, ContextForm), app.screen
        await press(app, pilot, *"Choir", "ctrl+s")
        assert isinstance(app.screen, MapScreen)
        await press(app, pilot, "2", "n")
        assert isinstance(app.screen, PersonForm), app.screen
        # Help says both of n's meanings (it said "Add person" alone on the Contexts tab,
        # nu191), and c's.
        await press(app, pilot, "escape", "1", "question_mark")
        keys = [key[:2] for key in app.screen.keys]  # type: ignore[attr-defined]
        assert ("n", "Add person") in keys and ("n", "Add context") in keys, keys
        assert ("c", "Check in") in keys
    with sqlite_db.session() as s:
        assert [c.name for c in people.list_contexts(session=s)] == ["Choir"]


async def test_space_ticks_a_box_and_enter_goes_on(sqlite_db: Database) -> None:
    """Enter on a tick box ticked or unticked it and stayed: "space, then Enter to go on"
    took back the tick just given (nu195). Enter goes on, as from a box for text."""
    from planner_tui.ui.widgets.ticks import Tick

    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Ana"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        form = await logging_with_ana(app, pilot)
        first = form.query(Tick).first()
        first.focus()
        await press(app, pilot, "space")
        assert first.value and first.has_focus
        await press(app, pilot, "enter")
        assert first.value and not first.has_focus  # ticked still, and the cursor went on


async def test_space_presses_the_button_with_the_cursor(sqlite_db: Database) -> None:
    """Space on a form's Save did nothing, and in a question nothing at all (nu195): it
    presses the button, as Enter does; in a box for text it is still a space."""
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        form = await logging_with_ana(app, pilot)
        form.query_one("#note", TextArea).focus()
        await press(app, pilot, *"a walk", "space")
        assert form.query_one("#note", TextArea).text == "a walk "
        form.query_one("#save", Button).focus()
        await press(app, pilot, "space")
        assert app.screen is not form  # saved
        await press(app, pilot, "x")  # a question: Delete Ana?
        assert isinstance(app.screen, Choice)
        keep = app.screen.query_one(Button)  # the first answer, Keep
        keep.focus()
        await press(app, pilot, "space")
        assert not isinstance(app.screen, Choice)
    with sqlite_db.session() as s:
        assert [p.id for p in people.list_people(session=s)] == [ana]
        assert len(people.list_interactions(session=s, person_id=ana)) == 1
