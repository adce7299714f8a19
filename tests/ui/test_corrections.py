"""Correcting the record by keys, through Pilot with toasts on: a contact changed or deleted
from someone's page and from the Review's list of the month's contacts, a planned step
changed (one occurrence or the series), an outcome changed, two people merged — and each
taken back with `u` or by name from the command palette."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from textual.command import CommandList, CommandPalette
from textual.widgets import DataTable, Input, Select, Static, TextArea
from textual.widgets._footer import FooterKey
from textual.widgets._toast import Toast

from planner_tui import clock
from planner_tui.db import backups
from planner_tui.db.engine import Database, backup_file
from planner_tui.db.models import StepStatus
from planner_tui.services import journal, people, steps
from planner_tui.terminal import plain
from planner_tui.ui.app import PlannerApp
from planner_tui.ui.forms.interaction import InteractionForm
from planner_tui.ui.forms.outcome import OutcomeForm
from planner_tui.ui.forms.step import StepForm
from planner_tui.ui.modals.confirm import Choice
from planner_tui.ui.modals.merge import MergePicker
from planner_tui.ui.screens.contacts import ContactsScreen
from planner_tui.ui.screens.map import MapScreen
from planner_tui.ui.screens.person import PersonScreen
from planner_tui.ui.screens.tables import cursor_in_sight

from ..hostile import MARKUP
from .test_app import SIZE, make_app, press, screen_text, settle
from .test_fit_narrow import on_screen

NAMES = [value for value in MARKUP.values() if "\x1b" not in value]
NOW = datetime(2026, 11, 23, 20, tzinfo=UTC)


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=clock.local_zone())


def toasts(app: PlannerApp) -> list[str]:
    return [str(toast.render()) for toast in app.screen.query(Toast)]


def said(app: PlannerApp, words: str) -> bool:
    return any(words in toast for toast in toasts(app))


def literal_toasts(app: PlannerApp) -> None:
    """Every toast is its message, character for character (no markup was read)."""
    for toast in app.screen.query(Toast):
        note = toast._notification
        expected = f"{note.title}\n{note.message}" if note.title else note.message
        assert str(toast.render()) == expected


def contacts(db: Database, person_id: int | None = None) -> list[people.InteractionRead]:
    with db.session() as s:
        return people.list_interactions(session=s, person_id=person_id)


async def open_person(app: PlannerApp, pilot: Any, row: int = 0) -> PersonScreen:
    await settle(app, pilot)
    await press(app, pilot, "m")
    table = app.screen.query_one("#people-table", DataTable)
    table.move_cursor(row=row)
    await press(app, pilot, "enter")
    assert isinstance(app.screen, PersonScreen)
    return app.screen


async def contacts_in_sight(app: PlannerApp, pilot: Any, page: PersonScreen) -> None:
    """The focus on their contacts, with its row on screen: the page opens at their name,
    and Enter on a row below the edge brings it into sight first (cursor_in_sight)."""
    history = page.query_one("#history", DataTable)
    history.focus()
    await settle(app, pilot)
    if not cursor_in_sight(history):
        await press(app, pilot, "enter")
    assert cursor_in_sight(history) and app.screen is page


async def palette(app: PlannerApp, pilot: Any, query: str, only: str = "") -> list[str]:
    """Open ctrl+p, type *query*, and read the commands it offers (first line of each; those
    that start with *only*: "Undo " leaves out the `u` key's own "Undo" and other views' keys
    whose help the query happens to match)."""
    await press(app, pilot, "ctrl+p")
    assert isinstance(app.screen, CommandPalette)
    await press(app, pilot, *query)
    for _ in range(50):  # the palette gathers its commands in a moment of its own
        options = app.screen.query_one(CommandList).options
        if options:
            break
        await pilot.pause(0.05)
    names = [str(option.prompt).split("\n")[0] for option in options]
    return [name for name in names if name.startswith(only)]


# --------------------------------------------------------------------------- contacts


async def test_x_on_a_contacts_row_on_someones_page_is_about_that_contact(
    sqlite_db: Database,
) -> None:
    """With a contact's row chosen, x asked about deleting the whole person."""
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        people.log_interaction(session=s, data={"occurred_at": NOW, "person_ids": [ana]})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        page = await open_person(app, pilot)
        await contacts_in_sight(app, pilot, page)
        await press(app, pilot, "x")
        assert isinstance(app.screen, Choice)
        assert "Delete this contact?" in screen_text(app), screen_text(app)


async def test_a_persons_page_acts_on_no_contact_below_its_edge(sqlite_db: Database) -> None:
    """At 80x24 a person's page opens at their name, with the focus on their contacts far
    below the edge: Enter opened, and `x` deleted, a contact no one could see. Now `x` asks
    about the person and Enter brings the contact into sight first."""
    with sqlite_db.write() as s:
        ada = people.create_person(session=s, data={"name": "Ada"}).id
        for day in range(1, 13):
            people.log_interaction(session=s, data={
                "occurred_at": local(f"2026-11-{day:02d} 18:00"), "person_ids": [ada],
                "note": f"walk {day}"})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        page = await open_person(app, pilot)
        await settle(app, pilot)
        history = page.query_one("#history", DataTable)
        assert page.focused is history
        newest = "walk 12"
        assert not any(newest in line for line in on_screen(app)), on_screen(app)
        await press(app, pilot, "x")
        assert isinstance(app.screen, Choice) and "Delete Ada?" in screen_text(app)
        await press(app, pilot, "escape")
        await press(app, pilot, "enter")
        assert app.screen is page, screen_text(app)
        await settle(app, pilot)
        assert any(newest in line for line in on_screen(app)), on_screen(app)
        await press(app, pilot, "enter")  # in sight: Enter acts on it
        assert isinstance(app.screen, Choice) and "This contact" in screen_text(app)


async def test_a_contact_is_changed_from_the_persons_page_and_undone_with_u(
    sqlite_db: Database,
) -> None:
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        ben = people.create_person(session=s, data={"name": "Ben"}).id
        people.log_interaction(session=s, data={"occurred_at": NOW, "person_ids": [ana],
                                                "warmth": 2, "note": "soup"})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        page = await open_person(app, pilot)
        await press(app, pilot, "u")
        # What undo covers, and where the rest is changed (it said nothing had changed, just
        # after a first outcome was recorded or someone archived)
        assert said(app, "Nothing to undo: u takes back a delete, a merge, an archive, or a "
                    "change made with e to a logged contact or a step")  # not a check-in's (nu159)  # fmt: skip
        assert said(app, "To change something added, a person's details, a check-in, a first "
                    "outcome or a step moved to another time, open it")  # a move isn't undone (nu169)  # fmt: skip
        assert page.query_one("#history", DataTable).has_focus, (page.focused, app.focused)
        await contacts_in_sight(app, pilot, page)
        await press(app, pilot, "enter")
        assert isinstance(app.screen, Choice) and "This contact" in screen_text(app)
        await press(app, pilot, "e")
        form = app.screen
        assert isinstance(form, InteractionForm) and form.heading == "Change this contact"
        assert form.query_one("#when", Input).value == "2026-11-23 20:00"
        assert form.query_one("#warmth", Select).value == 2
        form.query_one("#who").focus()
        await press(app, pilot, *"Ben", "enter")  # Ben was there too
        form.query_one("#warmth", Select).value = 4
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, PersonScreen) and said(app, "Saved; u undoes it.")  # nu167
        [changed] = contacts(sqlite_db)
        assert (changed.people, changed.warmth, changed.note) == (["Ana", "Ben"], 4, "soup")
        assert contacts(sqlite_db, ben) == [changed]
        await press(app, pilot, "u")
        assert said(app, "The contact of Mon 23 Nov, 20:00 is as it was.")
        [back] = contacts(sqlite_db)
        assert (back.people, back.warmth) == (["Ana"], 2)
        await press(app, pilot, "u")
        assert said(
            app, "Nothing left to undo: the deletes, changes, merges and archives undo keeps"
        )


async def test_a_contact_is_deleted_from_the_persons_page_and_comes_back(
    sqlite_db: Database,
) -> None:
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana", "cadence_days": 7}).id
        people.log_interaction(session=s, data={"occurred_at": NOW, "person_ids": [ana]})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await contacts_in_sight(app, pilot, await open_person(app, pilot))
        await press(app, pilot, "enter", "x")
        assert contacts(sqlite_db) == [] and said(app, "Deleted the contact of Mon 23 Nov")
        assert "No contact logged yet" in screen_text(app)
        await press(app, pilot, "u")
        assert len(contacts(sqlite_db)) == 1 and said(app, "is back.")
        assert "No contact logged yet" not in screen_text(app)


async def test_x_on_a_small_step_of_a_persons_page_deletes_the_step(sqlite_db: Database) -> None:
    """nu266: x on a row of a person's *Small steps* asked "Delete Ana?" — a step could be
    deleted only in the Plan. As on a contact's row, x deletes the step (asked first)."""
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        steps.create_step(session=s, data={"person_id": ana, "action": "call Ana",
                                           "due_at": NOW + timedelta(days=1)})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        page = await open_person(app, pilot)
        table = page.query_one("#person-steps", DataTable)
        table.focus()
        table.scroll_visible(immediate=True)
        await settle(app, pilot)
        await press(app, pilot, "x")
        assert isinstance(app.screen, Choice), screen_text(app)
        shown = " ".join(screen_text(app).split())
        assert "call Ana" in shown and "Delete Ana?" not in shown
        await press(app, pilot, "tab", "enter")
        with sqlite_db.session() as s:
            assert steps.list_steps(session=s) == []
            assert [p.name for p in people.list_people(session=s)] == ["Ana"]


async def test_e_on_a_row_of_a_persons_page_changes_that_row(sqlite_db: Database) -> None:
    """nu284: `e` on a contact's row opened the person's form, while `x` there deleted the
    contact. As `x`, `e` is about the row the cursor is on: the contact, or the step."""
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        people.log_interaction(session=s, data={"occurred_at": NOW, "person_ids": [ana],
                                                "note": "soup together"})  # fmt: skip
        steps.create_step(session=s, data={"person_id": ana, "action": "call Ana",
                                           "due_at": NOW + timedelta(days=1)})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        page = await open_person(app, pilot)
        await contacts_in_sight(app, pilot, page)
        await press(app, pilot, "e")
        assert isinstance(app.screen, InteractionForm)
        assert app.screen.query_one("#note", TextArea).text == "soup together"
        await press(app, pilot, "escape")
        table = page.query_one("#person-steps", DataTable)
        table.focus()
        table.scroll_visible(immediate=True)
        await press(app, pilot, "e")
        assert isinstance(app.screen, StepForm), screen_text(app)
        assert "call Ana" in screen_text(app)


async def test_the_reviews_list_of_contacts_reads_at_80_columns(sqlite_db: Database) -> None:
    """At 80 columns every column was cut: "text / …", "I reached …" (nu173). How and who
    began it are said in the command line's short words, whole."""
    with sqlite_db.write() as s:
        choir = people.create_context(session=s, data={"name": "Evening choir"}).id
        ana = people.create_person(session=s, data={"name": "Lars Andersen"}).id
        for n, (channel, initiator) in enumerate((("social", "them"), ("in_person", "mutual"),
                                                  ("text", "me"))):  # fmt: skip
            people.log_interaction(session=s, data={
                "occurred_at": NOW.replace(day=2 + n), "person_ids": [ana], "context_id": choir,
                "channel": channel, "initiator": initiator, "warmth": 4,
                "note": "a long note about the evening and what was said " * 3})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(app, pilot, "r", "c")
        assert isinstance(app.screen, ContactsScreen)
        rows = [" ".join(line.split()) for line in on_screen(app) if " Nov, " in line]
        assert [row.split("…")[1].split()[:3] for row in rows] == [
            ["text", "me", "4/5"], ["in", "person", "both"], ["social", "them", "4/5"]]  # fmt: skip


async def test_the_reviews_list_of_contacts_fills_the_screen(sqlite_db: Database) -> None:
    """The month's contacts showed 20 rows and a third of the screen empty under its hint
    (nu127): the list fills the room there is, its hint below it in sight."""
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        for hour in range(40):
            people.log_interaction(session=s, data={
                "occurred_at": NOW.replace(day=1 + hour % 22, hour=hour % 12),
                "person_ids": [ana]})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "r", "c")
        assert isinstance(app.screen, ContactsScreen)
        shown = on_screen(app)
        rows = [line for line in shown if " Nov, " in line]
        assert len(rows) >= 30, shown
        assert any("Esc: back to the review" in line for line in shown), shown


async def test_the_reviews_list_of_contacts_changes_and_deletes_them(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        for day in (2, 20):
            people.log_interaction(session=s, data={
                "occurred_at": NOW.replace(day=day), "person_ids": [ana], "channel": "call"})  # fmt: skip
        people.log_interaction(session=s, data={
            "occurred_at": NOW.replace(month=10), "person_ids": [ana]})  # fmt: skip
        choir = people.create_context(session=s, data={"name": "Choir [b]", "kind": "hobby"}).id
        people.log_interaction(session=s, data={  # a small moment there, no one named
            "occurred_at": NOW.replace(day=1), "person_ids": [], "context_id": choir})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "r")
        await press(app, pilot, "c")
        assert isinstance(app.screen, ContactsScreen)
        grid = app.screen.query_one("#contacts", DataTable)
        assert grid.row_count == 3 and "Contacts in November 2026" in screen_text(app)
        assert str(grid.get_row_at(2)[1]) == "at Choir [b]"  # its "with" was empty
        await press(app, pilot, "x")
        assert isinstance(app.screen, Choice) and "Delete this contact?" in screen_text(app)
        # Its footer says how to move between the answers (it named only Escape).
        footer = [f"{key.key_display} {key.description}" for key in app.screen.query(FooterKey)]
        assert footer == ["← → Answers", "esc Cancel"]
        await press(app, pilot, "right", "left")
        assert "Keep" in str(app.focused.label)  # type: ignore[union-attr]
        await press(app, pilot, "right", "enter")
        assert isinstance(app.screen, ContactsScreen) and grid.row_count == 2
        assert len(contacts(sqlite_db)) == 3
        await press(app, pilot, "e")
        form = app.screen
        assert isinstance(form, InteractionForm)
        form.query_one("#channel", Select).value = "in_person"
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, ContactsScreen) and "in person" in screen_text(app)
        await press(app, pilot, "escape")
        assert "Monthly review" in screen_text(app)
        names = await palette(app, pilot, "undo", only="Undo ")
        assert set(names) == {
            "Undo the changes to the contact of Mon 2 Nov, 20:00",
            "Undo deleting the contact of Fri 20 Nov, 20:00",
        }, names


# --------------------------------------------------------------------------- steps


async def test_a_planned_step_is_changed_for_one_occurrence_or_the_series(
    sqlite_db: Database,
) -> None:
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        weekly = steps.create_step(session=s, data={
            "person_id": ana, "action": "call", "due_at": local("2026-11-26T18:00"),
            "rrule": "FREQ=WEEKLY"}).id  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "p")
        await press(app, pilot, "e")
        form = app.screen
        assert isinstance(form, StepForm)
        assert form.query_one("#repeat", Input).value == "every week"
        # Its two boxes side by side are named above them: a 4 chosen said only "4" (nu252).
        form.query_one("#awkwardness", Select).value = 4
        await settle(app, pilot)
        shown = screen_text(app)
        assert "how awkward you expect it to be" in shown and "expected awkwardness" not in shown
        form.query_one("#words").focus()
        await press(app, pilot, "ctrl+a", "ctrl+k", *"lunch [b]")
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, Choice) and "Only this one, or every one?" in screen_text(app)
        await press(app, pilot, "enter")  # only this one
        assert said(app, "Saved; u undoes it.") and not isinstance(app.screen, StepForm)
        with sqlite_db.session() as s:
            planned = steps.list_steps(session=s, upcoming=True)
        assert [(p.action, p.rrule) for p in planned] == [
            ("lunch [b]", None),
            ("call", "FREQ=WEEKLY"),
        ]
        assert "lunch [b]" in screen_text(app)
        await press(app, pilot, "u")
        assert said(app, "The step “call” is back as it was.")  # a sentence (nu169)
        with sqlite_db.session() as s:
            assert [p.id for p in steps.list_steps(session=s, upcoming=True)] == [weekly]
        await press(app, pilot, "e")
        app.screen.query_one("#when").focus()
        await press(app, pilot, "ctrl+a", "ctrl+k", *"fri 7pm")
        await press(app, pilot, "ctrl+s", "tab", "enter")  # every one from now
        with sqlite_db.session() as s:
            [series] = steps.list_steps(session=s, upcoming=True)
            assert series.due_at == local("2026-11-27T19:00") and series.rrule == "FREQ=WEEKLY"
            following = steps.record_outcome(session=s, step_id=weekly,
                                             outcome={"status": "done"}).following  # fmt: skip
        assert following[0].due_at == local("2026-12-04T19:00")


async def test_enter_in_a_steps_words_goes_on_to_its_time_and_saves_nothing(
    sqlite_db: Database,
) -> None:
    """Enter in a box of `e`'s form saved the step half changed, as the outcome form's did;
    it goes on to the next box, as in every form. ctrl+s saves."""
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        step = steps.create_step(session=s, data={
            "person_id": ana, "action": "call", "due_at": local("2026-11-26T18:00")}).id  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(app, pilot, "p", "e")
        form = app.screen
        assert isinstance(form, StepForm)
        form.query_one("#words").focus()
        await press(app, pilot, *" Ana", "enter")
        assert app.screen is form and app.focused is form.query_one("#when")
        with sqlite_db.session() as s:
            assert steps.get_step(session=s, step_id=step).action == "call"
        await press(app, pilot, "ctrl+s")
        assert not isinstance(app.screen, StepForm)
    with sqlite_db.session() as s:
        assert steps.get_step(session=s, step_id=step).action == "call Ana"


async def new_time_read_back(app: PlannerApp, pilot: Any, typed: str) -> tuple[StepForm, str]:
    """`e` on the Plan's first step, *typed* as its time: the form and its read-back."""
    await press(app, pilot, "p", "e")
    form = app.screen
    assert isinstance(form, StepForm)
    form.query_one("#when").focus()
    await press(app, pilot, "ctrl+a", "ctrl+k", *typed)
    return form, str(form.query_one("#when-preview", Static).render())


async def test_a_step_changed_to_a_day_alone_keeps_its_time_and_asks_about_named_days(
    sqlite_db: Database,
) -> None:
    """'sun' for a step at 19:00 is Sunday at 19:00 (it was midday), as a move with `a` or
    `later` is; words naming another day are asked about beside the time, as the wizard
    asks."""
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        step = steps.create_step(
            session=s,
            data={"person_id": ana, "action": "call Ana", "due_at": local("2026-11-26T19:00")},
        ).id
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        form, shown = await new_time_read_back(app, pilot, "sun")
        assert shown == "→ Sun 29 Nov 2026, 19:00 (in 6 days)"
        words = form.query_one("#words", Input)
        words.value = "x" * 1001  # said as typed, as in the wizard
        await settle(app, pilot)
        assert "The step can be at most 1,000 characters; this one has 1,001." in screen_text(app)
        words.value = "call Ana"
        words.focus()
        await press(app, pilot, "end", *" about Thursday")
        shown = str(form.query_one("#when-preview", Static).render())
        assert shown.startswith("→ Sun 29 Nov 2026, 19:00 (in 6 days). ")
        assert "Thursday" in shown and "Sunday 29 Nov" in shown
        await press(app, pilot, "ctrl+s")
        assert said(app, "Saved; u undoes it.")
        with sqlite_db.session() as s:
            saved = steps.get_step(session=s, step_id=step)
        assert (saved.action, saved.due_at) == (
            "call Ana about Thursday",
            local("2026-11-29T19:00"),
        )


async def test_a_series_moved_to_a_day_its_repeat_skips_says_where_it_starts(
    sqlite_db: Database,
) -> None:
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        steps.create_step(session=s, data={
            "person_id": ana, "action": "call", "due_at": local("2026-11-26T18:00"),
            "rrule": "FREQ=WEEKLY;BYDAY=MO,TH"})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        _, shown = await new_time_read_back(app, pilot, "tue 7pm")
        assert shown == (
            "→ Tue 24 Nov 2026, 19:00 (tomorrow). Tue 24 Nov, 19:00 isn't one of the days "
            "it repeats on, so it starts on Thu 26 Nov, 19:00. Changing only this one "
            "keeps the time you chose."
        )
        await press(app, pilot, "ctrl+s", "tab", "enter")  # every one from now
        with sqlite_db.session() as s:
            [series] = steps.list_steps(session=s, upcoming=True)
        assert series.due_at == local("2026-11-26T19:00")


async def test_an_outcome_is_changed_from_the_plans_earlier_steps_and_by_the_palette_back(
    sqlite_db: Database,
) -> None:
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": NAMES[0], "cadence_days": 7}).id
        step = steps.create_step(session=s, data={
            "person_id": ana, "action": "text", "due_at": local("2026-11-23T19:30")}).id  # fmt: skip
        steps.record_outcome(session=s, step_id=step, outcome={
            "status": "no_reply", "new_due_at": local("2026-11-26T18:00"),
            "note": "phone off? [dim]probably[/]"})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "p")
        app.screen.query_one("#past", DataTable).focus()
        await press(app, pilot, "enter")
        assert isinstance(app.screen, Choice)  # one pair of brackets: "(…) (now: not now)"
        assert f"text ({NAMES[0]}) — so far noted as no reply yet" in screen_text(app)
        # The outcome it has is the one Enter gives: Done was, a step from "done" (nu202)
        assert app.screen.focused is app.screen.query_one("#answer-no_reply")
        await press(app, pilot, "d")
        assert isinstance(app.screen, OutcomeForm) and app.screen.change
        # it happened when the step was, not now (as the form first proposed)
        assert app.screen.query_one("#when", Input).value == "2026-11-23 19:30"
        # The earlier outcome's note is there to keep or change: saving lost it unseen.
        assert app.screen.query_one("#note", TextArea).text == "phone off? [dim]probably[/]"
        await press(app, pilot, "ctrl+s")
        assert said(app, "How it went") and not isinstance(app.screen, OutcomeForm)
        assert said(app, "u undoes the change.")  # as other changes say (nu197)
        # The follow-up "no reply" planned goes with it, and is said to (it went unseen).
        assert said(app, "Taken off with the old outcome: Thu 26 Nov, 18:00 — ")
        assert said(app, "(u brings it back)")
        with sqlite_db.session() as s:
            [contact] = people.list_interactions(session=s)
            assert contact.occurred_at == local("2026-11-23T19:30")
        literal_toasts(app)
        with sqlite_db.session() as s:
            done = steps.get_step(session=s, step_id=step)
            assert (done.status, done.outcome_note) == ("done", "phone off? [dim]probably[/]")
            assert steps.list_steps(session=s, upcoming=True) == []  # the follow-up went
            assert people.get_person(session=s, person_id=ana).drifting_days is None
        names = await palette(app, pilot, "undo", only="Undo ")
        assert names[0] == "Undo the new outcome of text (Mon 23 Nov, 19:30)", names
        await press(app, pilot, "enter")
        assert said(app, "The outcome of text (Mon 23 Nov, 19:30) is back as it was.")
        with sqlite_db.session() as s:
            assert steps.get_step(session=s, step_id=step).status is StepStatus.NO_REPLY
            assert len(steps.list_steps(session=s, upcoming=True)) == 1
            assert contacts(sqlite_db) == []
        app.screen.query_one("#past", DataTable).focus()
        await press(app, pilot, "w")  # the outcome it has: nothing to change, so not asked
        assert said(app, "Already noted as no reply yet. Enter opens it, to change its details.")
        assert not isinstance(app.screen, Choice)
        await press(app, pilot, "k")  # another outcome key on an earlier step: asked first
        assert isinstance(app.screen, Choice) and "Change how it went?" in screen_text(app)
        await press(app, pilot, "tab", "enter")  # change it
        assert isinstance(app.screen, OutcomeForm) and app.screen.status is StepStatus.SKIPPED


async def changing_how_it_went(app: PlannerApp, pilot: Any) -> OutcomeForm:
    """Plan, then Enter and `d` on the latest of *How earlier steps went*: the form that
    changes how it went."""
    await press(app, pilot, "p")
    app.screen.query_one("#past", DataTable).focus()
    await press(app, pilot, "enter", "d")
    form = app.screen
    assert isinstance(form, OutcomeForm) and form.change
    return form


async def test_correcting_a_done_step_starts_from_all_it_recorded(
    sqlite_db: Database,
) -> None:
    """A step for 21:00 done at 20:00, corrected a few minutes later: the form offered
    "now", the step's planned way, "I reached out" and no answer for how they took it,
    and saving it unchanged wrote those over what was recorded."""
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        step = steps.create_step(session=s, data={
            "person_id": ana, "action": "call Ana", "due_at": local("2026-11-23T21:00"),
            "channel": "call"}).id  # fmt: skip
        steps.record_outcome(session=s, step_id=step, outcome={
            "status": "done", "channel": "text", "responded": "them", "warmth": 4,
            "appreciation_response": 5})  # fmt: skip
    clock.freeze(local("2026-11-23T20:35"))
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        form = await changing_how_it_went(app, pilot)
        assert form.query_one("#when", Input).value == "2026-11-23 20:00"
        chosen = {key: form.query_one(f"#{key}", Select).value
                  for key in ("channel", "responded", "warmth", "response")}  # fmt: skip
        assert chosen == {"channel": "text", "responded": "them", "warmth": 4, "response": 5}
        await press(app, pilot, "ctrl+s")
        assert not isinstance(app.screen, OutcomeForm)
    [contact] = contacts(sqlite_db)
    assert contact.occurred_at == local("2026-11-23T20:00")
    assert (contact.channel, contact.initiator, contact.warmth) == ("text", "them", 4)
    with sqlite_db.session() as s:
        assert steps.get_step(session=s, step_id=step).appreciation_response == 5


async def test_a_not_now_saved_again_as_it_was_keeps_its_other_time_and_claims_no_undo(
    sqlite_db: Database,
) -> None:
    """Opened again and saved unchanged, a "not now" took its other time off the plan
    (nu202), and said "u undoes the change" of no change, so u took back an older one
    (nu207). Enter on it opens on how it went: "Not now"."""
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": NAMES[0]}).id
        step = steps.create_step(session=s, data={
            "person_id": ana, "action": "call", "due_at": local("2026-11-23T19:30")}).id  # fmt: skip
        later = steps.record_outcome(session=s, step_id=step, outcome={
            "status": "declined", "new_due_at": local("2026-11-27T18:00")}).following[0]  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "p")
        app.screen.query_one("#past", DataTable).focus()
        await press(app, pilot, "enter", "enter")  # how it went: as it was, "not now"
        assert isinstance(app.screen, OutcomeForm) and app.screen.status == "declined"
        await press(app, pilot, "ctrl+s")
        assert said(app, "Noted: not now.") and not said(app, "u undoes")
    with sqlite_db.session() as s:
        assert [r.id for r in steps.list_steps(session=s, upcoming=True)] == [later.id]


async def test_letters_typed_on_the_plans_earlier_steps_change_no_outcome(
    sqlite_db: Database,
) -> None:
    """Issue 16: '2 weeks ago' typed on How earlier steps went opens no outcome form: `w`
    asks "Change how it went?", and the letters after it (and Enter) leave it as it was.
    `x` there deletes the step (asked first), and `u` brings it back with the cursor on it."""
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        for due in ("2026-11-20T19:30", "2026-11-21T19:30"):
            step = steps.create_step(session=s, data={
                "person_id": ana, "action": f"text {due[8:10]}", "due_at": local(due)}).id  # fmt: skip
            steps.record_outcome(session=s, step_id=step, outcome={"status": "done"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "p")
        past = app.screen.query_one("#past", DataTable)
        past.focus()
        await press(app, pilot, *"2 weeks ago", "enter")
        assert not isinstance(app.screen, (Choice, OutcomeForm))
        with sqlite_db.session() as s:
            assert {st.status for st in steps.list_steps(session=s)} == {StepStatus.DONE}
        assert past.cursor_row == 0
        await press(app, pilot, "down", "x")
        assert isinstance(app.screen, Choice) and "Delete this step?" in screen_text(app)
        await press(app, pilot, "tab", "enter")
        with sqlite_db.session() as s:
            assert [st.action for st in steps.list_steps(session=s)] == ["text 21"]
        await press(app, pilot, "u")
        await settle(app, pilot)
        # Among how earlier steps went, where it comes back: not "Back on your plan" (nu252).
        assert said(app, "Back among how earlier steps went: text 20.")
        past = app.screen.query_one("#past", DataTable)
        assert past.has_focus and past.cursor_row == 1  # on the step brought back


async def test_deleting_a_planned_step_can_be_undone(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        steps.create_step(session=s, data={
            "person_id": ana, "action": "text", "due_at": local("2026-11-24T19:30")})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "p")
        await press(app, pilot, "x", "tab", "enter")
        with sqlite_db.session() as s:
            assert steps.list_steps(session=s) == []
        await press(app, pilot, "u")
        with sqlite_db.session() as s:
            assert [st.action for st in steps.list_steps(session=s)] == ["text"]
        assert said(app, "Back on your plan: text.")


async def test_a_delete_made_before_a_restore_is_not_undone_into_the_copy(
    sqlite_db: Database, tmp_path: Path
) -> None:
    """A check-in deleted in the app, then a copy from before it was written put back from
    the command line: `u` brought the check-in into the restored planner, which never had
    it."""
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Una"})
    copy = tmp_path / "old.db"
    assert sqlite_db.location.sqlite_path is not None
    backup_file(sqlite_db.location.sqlite_path, copy)
    with sqlite_db.write() as s:
        journal.save_entry(session=s, data={"day": NOW.date(), "body": "written after the copy"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "j", "x", "tab", "enter")
        with sqlite_db.session() as s:
            assert journal.list_entries(session=s) == []
        backups.restore(sqlite_db.location, copy)  # as `planner-tui restore` does
        await press(app, pilot, "u")
        assert said(app, "the planner was put back from a copy since")
        app._notifications.clear()
        await press(app, pilot, "u")  # not "have all been taken back": it wasn't (nu128)
        assert said(app, "have been taken back, or can't be any more.")
        with sqlite_db.session() as s:
            assert journal.list_entries(session=s) == []
            assert [p.name for p in people.list_people(session=s)] == ["Una"]


async def test_deleting_a_repeating_step_says_it_ends_the_series(sqlite_db: Database) -> None:
    """`x` on a weekly step took every later week with it, and the question said nothing
    of the series."""
    with sqlite_db.write() as s:
        cy = people.create_person(session=s, data={"name": "Cy"}).id
        steps.create_step(session=s, data={"person_id": cy, "action": "text Cy",
            "due_at": local("2026-11-24T08:00"), "rrule": "FREQ=WEEKLY"})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "p", "x")
        assert isinstance(app.screen, Choice)
        shown = " ".join(screen_text(app).split())
        assert "It repeats (every week): deleting it ends the series, its later times too." in (
            shown
        )
        assert "k (let go) lets only this time go" in shown


# --------------------------------------------------------------------------- merging


async def test_two_people_merge_by_keys_and_the_palette_takes_it_back(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana Silva"}, dates=[
            {"label": "birthday", "month": 1, "day": 1, "year": 1990}]).id  # fmt: skip
        nani = people.create_person(session=s, data={"name": "Nani", "notes": "choir"}, dates=[
            {"label": "Birthday", "month": 2, "day": 29, "year": 1988},
            {"label": "moved here", "month": 9, "day": 1, "year": 2025}]).id  # fmt: skip
        people.log_interaction(session=s, data={"occurred_at": NOW, "person_ids": [nani]})
        journal.save_entry(session=s, data={"day": NOW.date(), "body": "tea with @Nani",
                                            "person_ids": [nani]})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "m")
        await press(app, pilot, "g")
        assert isinstance(app.screen, MergePicker)
        await press(app, pilot, *"nobody", "enter")
        assert "No one else on your map is called 'nobody'." in screen_text(app)
        app.screen.query_one("#other", Input).value = "ana silva"  # herself
        await press(app, pilot, "enter")
        assert "That is Ana Silva: type the other one's name." in screen_text(app)
        app.screen.query_one("#other", Input).value = ""
        await press(app, pilot, *"Nan", "enter")  # the suggestion is taken
        assert isinstance(app.screen, Choice)
        assert "Merge Nani into Ana Silva?" in screen_text(app)
        # One birthday, hers: the merge left her two, and the question said "1 date".
        shown = " ".join(screen_text(app).split())
        assert "Moving to Ana Silva: 1 contact, 1 journal mention and 1 date." in shown
        assert (
            "Their own dates stay: Birthday 1 Jan 1990 (Nani's on another day are left out)."
            in shown
        )
        # Keep apart has the focus, as Keep does for a delete (nu155: Enter twice merged)
        assert app.focused is not None and app.focused.id == "answer-keep"
        await press(app, pilot, "right", "enter")
        assert isinstance(app.screen, MapScreen)
        assert said(app, "Merged Nani into Ana Silva (u undoes it).")
        with sqlite_db.session() as s:
            [merged] = people.list_people(session=s)
            assert merged.aliases == ["Nani"] and merged.notes == "choir"
            dates = [(d.label, d.month, d.day) for d in people.list_dates(session=s, person_id=ana)]
            assert dates == [("birthday", 1, 1), ("moved here", 9, 1)]
            [entry] = journal.list_entries(session=s)
            assert entry.person_ids == [ana]
        assert [r for r in screen_text(app).splitlines() if "Nani" in r] == []
        names = await palette(app, pilot, "undo merging")
        assert names[0] == "Undo merging Nani into Ana Silva"
        await press(app, pilot, "enter")
        assert said(app, "Nani and Ana Silva are two people again.")
        with sqlite_db.session() as s:
            assert [p.id for p in people.list_people(session=s)] == [ana, nani]
            assert contacts(sqlite_db, nani) != []


async def test_merging_from_a_persons_page_keeps_them(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        twice = people.create_person(session=s, data={"name": "Ana S."}).id
        people.log_interaction(session=s, data={"occurred_at": NOW, "person_ids": [ana, twice]})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(app, pilot)
        await press(app, pilot, "g", *"Ana S.", "enter")
        # Their one contact was together: the question said nothing was linked to her.
        shown = " ".join(screen_text(app).split())
        assert "Nothing new moves to Ana: what is linked to Ana S. is linked to Ana too." in shown
        await press(app, pilot, "right", "enter")
        assert isinstance(app.screen, PersonScreen)
        assert "Ana S." in screen_text(app)  # shown as another name of hers
        with sqlite_db.session() as s:
            assert [p.id for p in people.list_people(session=s)] == [ana]


async def test_merging_two_people_of_one_name_tells_them_apart_and_says_whose_rhythm_stays(
    sqlite_db: Database,
) -> None:
    """Two people called Mo, one without a rhythm: the question said "Merge Mo into Mo?" and
    that the kept Mo keeps their own rhythm, yet they took the other's."""
    with sqlite_db.write() as s:
        mo = people.create_person(session=s, data={"name": "Mo"}).id
        weekly = people.create_person(session=s, data={"name": "Mo", "cadence_days": 7}).id
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "m")
        screen = app.screen
        assert isinstance(screen, MapScreen)
        screen.query_one("#people-table", DataTable).move_cursor(
            row=[p.id for p in screen.shown].index(mo)
        )
        await press(app, pilot, "g")
        assert f"Merge someone into Mo (#{mo})" in screen_text(app)
        await press(app, pilot, *"Mo", "enter")
        assert isinstance(app.screen, Choice)
        shown = " ".join(screen_text(app).split())
        assert f"Merge Mo (#{weekly}) into Mo (#{mo})?" in shown
        assert shown.endswith(  # one name, no notes: nothing else to say
            f"Mo (#{mo}) keeps their own name and circle, and takes Mo (#{weekly})'s rhythm "
            "(weekly), having none of their own."
        )
        await press(app, pilot, "right", "enter")
        assert said(app, f"Merged Mo (#{weekly}) into Mo (#{mo}) (u undoes it).")
        with sqlite_db.session() as s:
            [kept] = people.list_people(session=s)
            assert (kept.id, kept.cadence_days) == (mo, 7)  # as the question said


async def test_merging_someone_with_only_a_birthday_says_what_happens_to_it(
    sqlite_db: Database,
) -> None:
    """nu273: Dev, with a birthday and nothing else, merged into someone with their own:
    "Nothing is linked to Dev yet", then "(Dev's on another day are left out)"."""
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Bob Chen"}, dates=[
            {"label": "birthday", "month": 1, "day": 1, "year": 1990}])  # fmt: skip
        people.create_person(session=s, data={"name": "Dev"}, dates=[
            {"label": "birthday", "month": 12, "day": 9, "year": None}])  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "m", "g")
        await press(app, pilot, *"Dev", "enter")
        shown = " ".join(screen_text(app).split())
        assert "Nothing new moves to Bob Chen: Dev has no contacts, steps or mentions yet." in shown
        assert "Nothing is linked to Dev" not in shown
        assert "Their own dates stay: Birthday 1 Jan 1990 (Dev's on another day" in shown


async def test_of_three_people_of_one_name_the_one_to_merge_is_picked_by_number(
    sqlite_db: Database,
) -> None:
    """'Mo' could be two others, and '#8' was "no one else on your map is called '#8'":
    two entries of one name could never be merged, the reason to merge."""
    with sqlite_db.write() as s:
        mo = [
            people.create_person(session=s, data={"name": name}).id for name in ("Mo", "Mo", "mo")
        ]
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "m")
        screen = app.screen
        assert isinstance(screen, MapScreen)
        screen.query_one("#people-table", DataTable).move_cursor(
            row=[p.id for p in screen.shown].index(mo[0])
        )
        # (typed "Mo" or "mo", as one of them is written, it is that one: nu266)
        await press(app, pilot, "g", *"MO", "enter")
        assert (
            f"'MO' could be Mo (#{mo[1]}), mo (#{mo[2]}). Say which by their number "
            f"(#{mo[1]})." in screen_text(app)  # more of the name they share can't tell
        )
        app.screen.query_one("#other", Input).value = f"#{mo[2]}"
        await press(app, pilot, "enter")
        assert isinstance(app.screen, Choice)
        assert f"Merge mo (#{mo[2]}) into Mo (#{mo[0]})?" in " ".join(screen_text(app).split())


async def test_a_long_name_in_the_merge_titles_is_cut_with_an_ellipsis(sqlite_db: Database) -> None:
    long = " ".join(["Maximiliana Wilhelmina"] * 4)
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": long})
        people.create_person(session=s, data={"name": f"{long} Jr"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "m", "g")
        assert isinstance(app.screen, MergePicker)

        def title() -> str:
            return next(line for line in on_screen(app) if "Merge " in line).strip(" █")

        assert title() == "Merge someone into Maximiliana Wilhelmina Maximiliana Wilhelmina …"
        app.screen.query_one("#other", Input).value = f"{long} Jr"
        await press(app, pilot, "enter")
        assert isinstance(app.screen, Choice)
        assert title() == "Merge Maximiliana Wilhelmina Max… into Maximiliana Wilhelmina Ma…?"


# --------------------------------------------------------------------------- names as text


async def test_names_in_undo_toasts_dialogs_and_the_palette_are_text(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        ids = [people.create_person(session=s, data={"name": name}).id for name in NAMES]
        keep = people.create_person(session=s, data={"name": "Zoe"}).id
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "m")
        screen = app.screen
        assert isinstance(screen, MapScreen)
        for name in NAMES:  # merge each into Zoe, by name
            screen.query_one("#people-table", DataTable).move_cursor(
                row=[p.name for p in screen.shown].index("Zoe")
            )
            await press(app, pilot, "g")
            app.screen.query_one("#other", Input).value = name
            await press(app, pilot, "enter")
            assert f"Merge {plain(name)} into Zoe?" in screen_text(app), name
            await press(app, pilot, "right", "enter")
            assert said(app, f"Merged {plain(name)} into Zoe (u undoes it)."), toasts(app)
            literal_toasts(app)
        with sqlite_db.session() as s:
            assert people.get_person(session=s, person_id=keep).aliases == NAMES
        names = await palette(app, pilot, "undo", only="Undo ")
        assert sorted(names) == sorted(f"Undo merging {plain(n)} into Zoe" for n in NAMES)
        await press(app, pilot, "escape")
        for _ in NAMES:
            await press(app, pilot, "u")
            literal_toasts(app)
        assert any(t.endswith("and Zoe are two people again.") for t in toasts(app))
        assert app.is_running and app.return_code is None
        with sqlite_db.session() as s:
            assert {p.id for p in people.list_people(session=s)} == {*ids, keep}


async def test_a_step_changed_in_another_window_meanwhile_is_kept_or_asked_about(
    sqlite_db: Database,
) -> None:
    """Two windows changing one step: the second save put its words over the first's
    without a word (people and check-ins already asked)."""
    from planner_tui.services import corrections

    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        step = steps.create_step(session=s, data={
            "person_id": ana, "action": "text Ana about the concert",
            "due_at": local("2026-11-26T18:00")}).id  # fmt: skip

    def elsewhere(**data: object) -> None:
        with sqlite_db.write() as s:
            corrections.update_step(session=s, step_id=step, data=data, scope="series")

    def stored() -> tuple[str, str]:
        with sqlite_db.session() as s:
            found = steps.get_step(session=s, step_id=step)
        return found.action, found.cue

    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "p", "e")
        assert isinstance(app.screen, StepForm)
        app.screen.query_one("#words", Input).value = "text Ana about the gig"
        elsewhere(cue="after dinner")
        await press(app, pilot, "ctrl+s")
        assert not isinstance(app.screen, StepForm)
        assert stored() == ("text Ana about the gig", "after dinner")
        assert said(app, "Kept as changed elsewhere meanwhile: if-then cue.")

        await press(app, pilot, "e")
        assert isinstance(app.screen, StepForm)
        app.screen.query_one("#words", Input).value = "text Ana about Friday's gig"
        elsewhere(action="call Ana about the concert")
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, Choice)
        assert "Saved there — words: “call Ana about the concert”" in screen_text(app)
        await press(app, pilot, "tab", "enter")  # save mine over it
        assert not isinstance(app.screen, StepForm)
    assert stored() == ("text Ana about Friday's gig", "after dinner")


async def test_enter_on_changed_elsewhere_meanwhile_keeps_editing_and_loses_no_words(
    sqlite_db: Database,
) -> None:
    """At 80x24, Enter on "Changed elsewhere meanwhile" chose *Save mine over it*: the words
    the other window had saved went, with no trace. Enter keeps editing — nothing is saved,
    and the words typed here stay in the form; saving mine over it is one Tab away."""
    from planner_tui.services import corrections

    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        step = steps.create_step(session=s, data={
            "person_id": ana, "action": "text Ana about the concert",
            "due_at": local("2026-11-26T18:00")}).id  # fmt: skip

    def stored() -> str:
        with sqlite_db.session() as s:
            return steps.get_step(session=s, step_id=step).action

    app = make_app(sqlite_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(app, pilot, "p", "e")
        form = app.screen
        assert isinstance(form, StepForm)
        form.query_one("#words", Input).value = "text Ana about the gig"
        with sqlite_db.write() as s:  # another window, meanwhile
            corrections.update_step(session=s, step_id=step, scope="series",
                                    data={"action": "call Ana about the concert"})  # fmt: skip
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, Choice)
        assert "Changed elsewhere meanwhile" in " ".join(on_screen(app))
        await press(app, pilot, "enter")
        assert app.screen is form  # kept editing
        assert form.query_one("#words", Input).value == "text Ana about the gig"
        assert stored() == "call Ana about the concert"
        # Saved again: still asked (the next ctrl+s saved over theirs without a word, nu139)
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, Choice) and stored() == "call Ana about the concert"
        await press(app, pilot, "enter")
        assert app.screen is form
        with sqlite_db.write() as s:  # changed there once more: asked again
            corrections.update_step(session=s, step_id=step, scope="series",
                                    data={"action": "call Ana about the show"})  # fmt: skip
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, Choice)
        await press(app, pilot, "tab", "enter")  # save mine over it
        assert not isinstance(app.screen, StepForm | Choice)
    assert stored() == "text Ana about the gig"


async def test_a_contact_changed_in_another_window_meanwhile_keeps_that_change(
    sqlite_db: Database,
) -> None:
    """Two windows changing one contact: the warmth saved here put back the note the other
    window had just saved (the last save won, field by field, without a word). A field
    changed only elsewhere keeps that change; one changed on both sides is asked about."""
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        contact = people.log_interaction(session=s, data={
            "person_ids": [ana], "occurred_at": local("2026-11-20T18:00"), "note": "tea"})  # fmt: skip

    def elsewhere(**data: Any) -> None:
        from planner_tui.services import corrections

        now = contacts(sqlite_db)[0]
        with sqlite_db.write() as s:
            corrections.update_interaction(session=s, interaction_id=contact.id, data={
                "person_ids": now.person_ids, "occurred_at": now.occurred_at,
                "note": now.note, "warmth": now.warmth, **data})  # fmt: skip

    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        page = await open_person(app, pilot)
        await contacts_in_sight(app, pilot, page)
        await press(app, pilot, "enter", "e")
        form = app.screen
        assert isinstance(form, InteractionForm)
        form.query_one("#warmth", Select).value = 5
        elsewhere(note="tea, and a long talk [b]after[/b]")
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, PersonScreen)
        [kept] = contacts(sqlite_db)
        assert (kept.warmth, kept.note) == (5, "tea, and a long talk [b]after[/b]")
        assert said(app, "Kept as changed elsewhere meanwhile: note")

        await press(app, pilot, "enter", "e")  # the same field on both sides: asked
        form = app.screen
        assert isinstance(form, InteractionForm)
        form.query_one("#warmth", Select).value = 3
        elsewhere(warmth=1)
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, Choice) and "Changed elsewhere meanwhile" in screen_text(app)
        await press(app, pilot, "tab", "tab", "enter")  # keep that change instead of mine
        assert isinstance(app.screen, PersonScreen)
    assert contacts(sqlite_db)[0].warmth == 1


async def test_merging_into_one_of_two_people_of_one_name_says_which(sqlite_db: Database) -> None:
    """ "Merge Samantha Lee into Sam Taylor?" beside another Sam Taylor: which one was said
    nowhere (numbers came only when the two merged shared a name), nor the nickname taken."""
    with sqlite_db.write() as s:
        first = people.create_person(session=s, data={"name": "Sam Taylor"}).id
        people.create_person(session=s, data={"name": "Sam Taylor"})
        people.create_person(session=s, data={"name": "Samantha Lee", "nickname": "Sammie"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        screen = await press(app, pilot, "m") or app.screen
        assert isinstance(screen, MapScreen)
        table = screen.query_one("#people-table", DataTable)
        table.move_cursor(row=table.get_row_index(str(first)))
        await press(app, pilot, "g", *"Samantha", "enter")
        assert isinstance(app.screen, Choice)
        shown = " ".join(screen_text(app).split())
        assert f"Merge Samantha Lee into Sam Taylor (#{first})?" in shown
        assert (
            f"Sam Taylor (#{first}) keeps their own name and circle, and takes Samantha " in shown
        )
        assert "Lee's nickname (Sammie), having none of their own" in shown


async def test_the_palette_says_which_undo_u_would_take_back(sqlite_db: Database) -> None:
    """Every *Undo …* line in the palette said "u undoes the latest change", an older merge
    too, which `u` would not take back (nu173): only the latest says u undoes it."""
    from planner_tui.ui.undo import commands

    with sqlite_db.write() as s:
        for name in ("Ana", "Bo"):
            people.create_person(session=s, data={"name": name})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "m", "a")  # Ana archived; the cursor goes on to Bo
        await press(app, pilot, "a")
        helps = [str(c.help) for c in commands(app)]
        assert len(helps) == 2
        assert helps[0].endswith("; u undoes it too") and "u undoes" not in helps[1], helps
