"""The journal driven through Pilot by keyboard: the check-in form, drafts, the list, search,
edit, delete and undo."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlmodel import select
from textual.events import Paste
from textual.widgets import Button, Checkbox, DataTable, Input, Static, TextArea

from planner_tui import clock, words
from planner_tui.db.engine import Database, open_database
from planner_tui.db.models import Draft
from planner_tui.journal_search import NOTHING_TO_LOOK_FOR
from planner_tui.services import drafts, journal, people
from planner_tui.services.journal import prompt_for
from planner_tui.ui.app import PlannerApp
from planner_tui.ui.forms.base import PeopleChips, Problem
from planner_tui.ui.forms.interaction import InteractionForm
from planner_tui.ui.forms.journal import SCALE_REFUSED, SCALES, JournalForm
from planner_tui.ui.modals.confirm import Choice
from planner_tui.ui.screens.journal import JournalScreen
from planner_tui.ui.screens.today import TodayScreen

from .test_app import SIZE, make_app, press, screen_text, settle
from .test_corrections import said
from .test_fit_narrow import on_screen


def a_map(db: Database) -> dict[str, int]:
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        bo = people.create_person(session=s, data={"name": "Bo"}).id
        choir = people.create_context(session=s, data={"name": "Choir"}).id
    return {"ana": ana, "bo": bo, "choir": choir}


def entries(db: Database) -> list[journal.JournalEntryRead]:
    with db.session() as s:
        return journal.list_entries(session=s)


def form(app: PlannerApp) -> JournalForm:
    assert isinstance(app.screen, JournalForm), app.screen
    return app.screen


async def test_every_field_by_keyboard(sqlite_db: Database) -> None:
    ids = a_map(sqlite_db)
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c")
        # The cursor in the first scale (`c` then a digit answered the day: "3"), the day
        # above it, where shift+tab goes.
        assert form(app).query_one("#connectedness", Input).has_focus
        assert "Monday 23 November 2026" in screen_text(app)
        # The last two columns ask about comfort, and say so (headed "giving help" and
        # "receiving help" alone, they read as how much help was given)
        assert "the last two: how comfortable giving help and receiving it felt" in " ".join(
            screen_text(app).split()
        )
        await press(app, pilot, *"45342")  # five scales, a digit each (a space after: dropped)
        assert form(app).query_one("#warmth_note", Input).has_focus
        await press(app, pilot, *" soup with a friend ", "tab", *"a crowded bus", "tab")
        await press(app, pilot, *"Long talk with @Ana #calm [b]not bold[/b]", "tab")
        assert "Linked: Ana" in screen_text(app)
        await press(app, pilot, *"Bo", "enter", "tab", "space", "tab", "down", "space", "ctrl+s")
        assert isinstance(app.screen, TodayScreen)
        assert "Done for today" in screen_text(app)
    [entry] = entries(sqlite_db)
    scores = (entry.connectedness, entry.mood, entry.support, entry.comfort_giving,
              entry.comfort_receiving)  # fmt: skip
    assert scores == (4, 5, 3, 4, 2)
    assert (entry.warmth_note, entry.withdraw_note) == ("soup with a friend", "a crowded bus")
    assert entry.body == "Long talk with @Ana #calm [b]not bold[/b]" and entry.tags == ["calm"]
    assert sorted(entry.person_ids) == sorted([ids["ana"], ids["bo"]])
    assert entry.contact_person_ids == [ids["bo"]]  # the box's: @Ana is only linked
    assert entry.context_ids == [ids["choir"]]


@pytest.mark.parametrize("typed", ["35321", "12345"], ids=["one digit already there", "all new"])
async def test_each_digit_moves_on_when_changing_todays_check_in(
    sqlite_db: Database, typed: str
) -> None:
    """Today's check-in opened again: each digit typed moves on to the next scale, also the
    digit a scale already holds (found by a new user: `c Tab 3 5` left mood as it was, and
    every key after it went into a box that takes one digit, and was lost)."""
    with sqlite_db.write() as s:
        journal.save_entry(session=s, data={"day": date(2026, 11, 23), "connectedness": 3,
            "mood": 4, "support": 2, "comfort_giving": 5, "comfort_receiving": 1})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c", *typed, *"soup")
        values = form(app).values()
        assert [values[key] for key in SCALES] == list(typed)
        assert values["warmth_note"] == "soup"


async def test_someone_added_while_the_check_in_is_open_is_linked_by_their_mention(
    sqlite_db: Database,
) -> None:
    """Added on the command line while the form was open, Lars was "not on your map", and
    the entry was saved without him."""
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "c")
        with sqlite_db.write() as s:
            lars = people.create_person(session=s, data={"name": "Lars Öberg"}).id
        form(app).query_one("#body", TextArea).text = "Coffee with @Lars"
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, TodayScreen)
    [entry] = entries(sqlite_db)
    assert entry.person_ids == [lars]


async def test_words_for_an_entry_deleted_elsewhere_can_be_saved_as_a_new_one(
    sqlite_db: Database,
) -> None:
    """Deleted in another window while being changed here: saving only said it was gone,
    and the words, kept as a draft of that entry, could not be reached again."""
    with sqlite_db.write() as s:
        old = journal.save_entry(session=s, data={"day": date(2026, 11, 20), "body": "first"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "j", "e")
        assert isinstance(app.screen, JournalForm)
        with sqlite_db.write() as s:
            journal.delete_entry(session=s, entry_id=old.id)
        form(app).query_one("#body", TextArea).text = "first, and a second thought"
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, Choice)
        assert "The check-in you are changing was deleted" in screen_text(app)
        await press(app, pilot, "enter")  # save them as a new check-in
        assert isinstance(app.screen, JournalScreen)
    [entry] = entries(sqlite_db)
    assert (entry.day, entry.body) == (date(2026, 11, 20), "first, and a second thought")
    assert entry.id != old.id


async def test_words_of_a_deleted_check_in_kept_as_a_draft_are_where_c_finds_them(
    sqlite_db: Database,
) -> None:
    """Today's check-in and the person it named both gone (a restore from the command line),
    *Save them as a new check-in* refused for the person, then *Keep the draft*: the words
    were kept under the deleted check-in, and `c` opened another (nu128)."""
    with sqlite_db.write() as s:
        bob = people.create_person(session=s, data={"name": "Bob"}).id
        old = journal.save_entry(
            session=s, data={"day": clock.today(), "body": "soup", "person_ids": [bob]}
        )
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "c")
        assert form(app).entry is not None and form(app).entry.id == old.id
        with sqlite_db.write() as s:  # as a restore of an older copy does
            journal.delete_entry(session=s, entry_id=old.id)
            people.delete_person(session=s, person_id=bob)
        form(app).query_one("#body", TextArea).text = "soup, and warm words"
        await press(app, pilot, "ctrl+s")
        assert "The check-in you are changing was deleted" in screen_text(app)
        await press(app, pilot, "enter")  # save them as a new check-in: Bob is gone
        assert isinstance(app.screen, JournalForm)
        await press(app, pilot, "escape", "enter")  # keep the draft
        assert not isinstance(app.screen, JournalForm)
        await press(app, pilot, "c")
        assert form(app).entry is None
        assert form(app).query_one("#body", TextArea).text == "soup, and warm words"
    with sqlite_db.session() as s:
        kept = [row.key for row in s.exec(select(Draft)).all()]
    assert not any(key.startswith(f"journal:{old.id}") for key in kept), kept


async def test_a_check_in_given_another_day_is_asked_about_and_can_keep_its_own(
    sqlite_db: Database,
) -> None:
    """ "Keep its day" only went back to the form, the other day still in the box, and
    nothing was saved."""
    with sqlite_db.write() as s:
        journal.save_entry(session=s, data={"day": date(2026, 11, 20), "body": "first"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "j", "e")
        form(app).query_one("#day", Input).value = "2026-11-21"
        form(app).query_one("#body", TextArea).text = "first, then more"
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, Choice)
        assert "Saving it moves it to Saturday 21 November" in screen_text(app)
        await press(app, pilot, "tab", "enter")  # save it on its own day
        assert isinstance(app.screen, JournalScreen)
    [entry] = entries(sqlite_db)
    assert (entry.day, entry.body) == (date(2026, 11, 20), "first, then more")


async def test_a_key_a_score_cant_hold_is_said_under_the_scores(sqlite_db: Database) -> None:
    """A 7 typed into a 1-to-5 box vanished without a word; words typed into one ("4 felt
    ok": after the 4, the mood box had the cursor) vanished too, the note below the form's
    edge at 80×24."""
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c", "7")
        note = form(app).query_one("#scales-problem", Static)
        assert note.display and str(note.render()) == SCALE_REFUSED
        assert form(app).query_one("#connectedness", Input).has_focus  # still here, empty
        assert form(app).values()["connectedness"] == ""
        await press(app, pilot, "4")  # a score: the note goes, and the next box has the cursor
        assert not note.display
        assert form(app).values()["connectedness"] == "4"
        assert form(app).query_one("#mood", Input).has_focus
        await press(app, pilot, *" felt ok")  # words go on in the box for words
        assert form(app).query_one("#body", TextArea).has_focus
        assert (form(app).values()["mood"], form(app).values()["body"]) == ("", "felt ok")
        form(app).query_one("#support", Input).focus()
        await pilot.pause()
        form(app).query_one("#support", Input).post_message(
            Paste("a long day\nand then soup")
        )  # lines: in the box for lines
        await settle(app, pilot)
        assert form(app).values()["body"] == "felt ok a long day\nand then soup"
        assert form(app).values()["support"] == ""


async def test_a_score_pasted_with_words_is_taken_as_if_typed(sqlite_db: Database) -> None:
    """On *supported*, "4 felt ok with @Ana" pasted (a terminal's paste: one event) went
    whole into the warmth box, and *supported* stayed empty; typed, the 4 is the score and
    the words go on under *Anything else*. Pasted digits move on as typed ones do."""
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c", "3", "2")
        support = form(app).query_one("#support", Input)
        assert support.has_focus
        support.post_message(Paste("4 felt ok with @Ana"))
        await settle(app, pilot)
        shown = form(app).values()
        assert [shown[key] for key in SCALES] == ["3", "2", "4", "", ""], shown
        assert shown["body"] == "felt ok with @Ana" and not shown["warmth_note"]
        assert form(app).query_one("#body", TextArea).has_focus
        giving = form(app).query_one("#comfort_giving", Input)
        giving.focus()
        await pilot.pause()
        giving.post_message(Paste("25\n"))  # a copied line ends in a newline
        await settle(app, pilot)
        shown = form(app).values()
        assert [shown[key] for key in SCALES] == ["3", "2", "4", "2", "5"], shown
        assert shown["body"] == "felt ok with @Ana"
        # A 7 pasted is refused as a typed one is, with its note; the words after it go on
        # as typed (the whole paste, the 7 with it, had gone to the warmth box).
        giving.focus()
        await pilot.pause()
        giving.post_message(Paste("7 and a walk"))
        await settle(app, pilot)
        shown = form(app).values()
        assert shown["comfort_giving"] == "2" and shown["body"].endswith("@Ana and a walk")
        assert SCALE_REFUSED in " ".join(screen_text(app).split())


async def test_tabbing_into_ones_own_words_adds_to_them(sqlite_db: Database) -> None:
    """Today's check-in opened again: Tab into the words already written puts the cursor
    after them, so typing adds ("soup" → "soup and bread"; the next key replaced them all,
    found by two new users), in one-line boxes and the box of several lines, and in a
    draft taken back, which opens where it was left. The day, the app's own "today", is
    still replaced at once."""
    with sqlite_db.write() as s:
        journal.save_entry(session=s, data={"day": date(2026, 11, 23), "warmth_note": "soup",
                                            "body": "Long day #walk"})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c", "shift+tab", *"today")
        assert form(app).values()["day"] == "today"  # not "todaytoday"
        await press(app, pilot, *["tab"] * 8, *" and bread")  # round to the warmth box
        assert form(app).values()["warmth_note"] == "soup and bread"
        # The box of several lines too (its cursor stayed at the start: "#eveningLong day").
        await press(app, pilot, "tab", "tab", *" #evening")
        assert form(app).values()["body"] == "Long day #walk #evening"
        # A draft taken back: the cursor is after its words, not the saved ones'.
        await press(app, pilot, "escape")
        assert isinstance(app.screen, Choice)
        await press(app, pilot, "enter")  # keep the draft
        assert isinstance(app.screen, TodayScreen)
        # Back in the box it was left in, after its words; and so in the others.
        await press(app, pilot, "c", "!")
        assert form(app).values()["body"] == "Long day #walk #evening!"
        await press(app, pilot, "shift+tab", "shift+tab", "!")
        assert form(app).values()["warmth_note"] == "soup and bread!"
        assert form(app).values()["day"] == "today"


async def test_the_people_box_finds_whom_a_word_of_their_name_begins_as_the_wizard_does(
    sqlite_db: Database,
) -> None:
    """`fam`, `hub` and `zo` found "👨‍👩‍👧 Family Dad", Hubert Wolfe and José Zoë in the
    wizard, and "No one called 'fam'" in a contact's or check-in's people box (nu245): one
    rule for both. Two it could be are named, as for a first name two share."""
    with sqlite_db.write() as s:
        for name in ("👨‍👩‍👧 Family Dad", "Wolfe Hubert", "José Zoë", "Zola Nkosi"):
            people.create_person(session=s, data={"name": name})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c")
        chips = form(app).query_one(PeopleChips)
        await press(app, pilot, "tab")  # (from the first box, the day, to the people)
        chips.query_one("#who", Input).focus()
        for typed in ("fam", "hub", "zoe"):
            await press(app, pilot, *typed, "enter")
        assert [chips.known[i].name for i in chips.chosen] == [
            "👨‍👩‍👧 Family Dad",
            "Wolfe Hubert",
            "José Zoë",
        ]
        await press(app, pilot, *"zo", "enter")
        said = str(chips.query_one("#people-problem", Problem).render())
        assert "'zo' could be José Zoë (#3), Zola Nkosi (#4)" in " ".join(said.split())
        assert chips.typing == "zo"


async def test_a_name_typed_but_not_yet_added_is_added_on_save_or_said(
    sqlite_db: Database,
) -> None:
    """ctrl+s with a name still in the people box (Enter not pressed): someone on the map
    is added, as Enter would; anyone else stops the save with a note, the name kept in the
    box. (It was dropped without a word, and the entry saved without them.)"""
    ids = a_map(sqlite_db)
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c")
        chips = form(app).query_one(PeopleChips)
        chips.query_one("#who", Input).value = "Zed"
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, JournalForm) and entries(sqlite_db) == []
        assert "No one called 'Zed' yet" in screen_text(app)
        assert chips.typing == "Zed"
        chips.query_one("#who", Input).value = "bo"
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, TodayScreen)
    [entry] = entries(sqlite_db)
    assert entry.person_ids == [ids["bo"]]


async def test_a_day_that_cant_be_read_or_hasnt_begun_is_explained(sqlite_db: Database) -> None:
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c", "shift+tab")  # up to the day
        day = form(app).query_one("#day", Input)
        day.value = ""
        await press(app, pilot, *"31 feb", "ctrl+s")
        assert "not a day on the calendar" in screen_text(app)
        # The note, and the buttons under it, in view (Save and Close went out of sight)
        shown = "\n".join(on_screen(app))
        assert "not a day on the calendar" in shown and "Save  ctrl+s" in shown
        day.value = ""
        await press(app, pilot, *"ADDED-BEFORE-QUIT")  # words for another field
        assert "couldn't read 'ADDED-BEFORE-QUIT' as a day." in screen_text(app)
        day.value = ""
        await press(app, pilot, *"tomorrow", "ctrl+s")
        assert "has begun" in screen_text(app)
        day.value = ""
        await press(app, pilot, *"last sat")
        assert "Saturday 21 November 2026" in screen_text(app)
        # round past Save and Close to the first score: a check-in holds something
        await press(app, pilot, "tab", "tab", "tab", "3", "ctrl+s")
    assert [e.day for e in entries(sqlite_db)] == [date(2026, 11, 21)]


async def test_the_scores_come_first_and_the_heading_names_the_day_asked_last(
    sqlite_db: Database,
) -> None:
    """The Day box stood above the scores while the cursor started in the first score: a
    Tab "past" the day skipped *connected* and put every score one box along (four new
    users). The day is asked last; the heading names it, and Shift+Tab from the first
    score still goes straight to it."""
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c")
        shown = screen_text(app)
        assert (
            shown.index("connected")
            < shown.index("What brought warmth")
            < shown.index("Day — today")
        )
        assert "Today's check-in" in shown
        await press(app, pilot, "shift+tab")
        day = form(app).query_one("#day", Input)
        assert day.has_focus
        day.value = ""
        await press(app, pilot, *"last sat")
        assert "Check-in for Saturday 21 November 2026" in screen_text(app)
        day.value = ""
        await press(app, pilot, *"yesterday")
        assert "Yesterday's check-in" in screen_text(app)


async def test_past_midnight_the_check_in_is_the_day_just_gone(sqlite_db: Database) -> None:
    """At 00:40 the evening's check-in went under the new day, as "Today's check-in",
    and the day being written about had none (nu159). Its questions name that day (they
    asked what brought warmth "today", nu224)."""
    clock.freeze(datetime(2026, 11, 24, 0, 40))  # Tuesday, just past midnight
    title = "Check-in for Monday 23 November (past midnight: the day just gone)"
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        shown = screen_text(app)
        assert title in shown and "Not yet — a line or two is plenty" in shown
        await press(app, pilot, "c")
        shown = screen_text(app)
        assert title in shown and "What brought warmth on Monday, if anything?" in shown
        assert "We were in touch on Monday (the people above)" in shown
        assert form(app).query_one("#day", Input).value == "Monday"
        await press(app, pilot, "4", *"a late walk", "ctrl+s")
        assert isinstance(app.screen, TodayScreen)
        # under that title, the day it names: "Done for today" read as tonight's (nu209)
        assert "Done for Monday — thank you" in screen_text(app)
        await press(app, pilot, "c")  # that evening's check-in, to change
        assert "Check-in for Monday 23 November 2026 (editing)" in screen_text(app)
    with sqlite_db.session() as s:
        [entry] = journal.list_entries(session=s)
    assert (entry.day, entry.connectedness) == (date(2026, 11, 23), 4)
    clock.freeze(datetime(2026, 11, 24, 4, 0))  # from four, the new day's
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert "Today's check-in" in screen_text(app) and title not in screen_text(app)


async def test_c_on_a_day_of_several_check_ins_says_which_it_opened(sqlite_db: Database) -> None:
    """With three check-ins today, `c` opened the newest without a word of the others
    (nu254)."""
    with sqlite_db.write() as s:
        for body in ("morning", "noon", "evening"):
            journal.save_entry(session=s, data={"day": date(2026, 11, 23), "body": body})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c")
        assert "Check-in for Monday 23 November 2026 (editing one of 3 that day)" in screen_text(
            app
        )
        assert form(app).query_one("#body", TextArea).text == "evening"


async def test_the_questions_name_the_day_the_check_in_is_for(sqlite_db: Database) -> None:
    """A check-in written the morning after asked what brought warmth 'today'."""
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c", "shift+tab")  # up to the day
        day = form(app).query_one("#day", Input)

        def asked() -> list[str]:
            shown = screen_text(app).splitlines()
            contact = str(form(app).query_one("#contact", Checkbox).label)
            asks = [line for line in shown
                    if line.startswith(("What ", "Anything that")) and "ctrl+o" not in line]  # fmt: skip
            return [*asks, contact]

        def prompt() -> str:
            return str(form(app).query_one("#prompt", Static).render())

        todays = prompt()  # the prompt of the day, written for today
        assert "today" in todays.replace("Today", "today"), todays
        for typed, when in (("today", "today"), ("yesterday", "yesterday"),
                            ("last sat", "that day"), ("31 feb", "that day"),  # the last read
                            ("today", "today")):  # fmt: skip
            day.value = ""
            await press(app, pilot, *typed)
            assert asked() == [
                f"What brought warmth {when}, if anything?",
                f"Anything that made you want to withdraw {when}?",
                f"We were in touch {when} (the people above)",
            ], typed
            # The day's own prompt, in its words (a draft taken back the morning after showed
            # the new day's prompt, nu162)
            said_for = form(app).prompt_day
            about = words.about_day(
                prompt_for(said_for or clock.today(), form(app).prompts, 0), when
            )
            assert (
                said_for is not None and prompt() == f"If it helps: {about}   (ctrl+o: another)"
            ), typed
            assert ("today" in prompt()) is (when == "today"), typed
        assert prompt() == todays


async def test_n_writes_yesterdays_check_in_when_todays_is_written(sqlite_db: Database) -> None:
    """`c` opens today's entry once there is one, and changing its day moves it: a new
    user found no way in the app to write yesterday's as well."""
    with sqlite_db.write() as s:
        journal.save_entry(session=s, data={"day": date(2026, 11, 23), "body": "today's words"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "j", "n")
        assert form(app).entry is None
        assert form(app).query_one("#day", Input).value == "yesterday"
        assert "Yesterday's check-in" in screen_text(app)
        assert "What brought warmth yesterday, if anything?" in screen_text(app)
        assert "check-in already" not in screen_text(app)  # yesterday has none yet
        form(app).query_one("#day", Input).value = "today"
        await settle(app, pilot)  # today has one: said as the form opens on it (nu159)
        assert (
            "Today has 1 check-in already: this one is kept beside it (Enter on one in the "
            "Journal changes it)." in " ".join(screen_text(app).split())
        )
        form(app).query_one("#day", Input).value = "yesterday"
        await settle(app, pilot)
        assert "check-in already" not in screen_text(app)
        form(app).query_one("#body", TextArea).text = "yesterday's words"
        await press(app, pilot, "ctrl+s")
        assert not isinstance(app.screen, JournalForm)
        assert said(app, "Saved the check-in for Sunday 22 November 2026.")
        # The cursor is on the entry just written: `e` opened the top one, today's.
        assert app.screen.query_one("#entries", DataTable).cursor_row == 1
        await press(app, pilot, "e")
        assert form(app).entry is not None and form(app).entry.body == "yesterday's words"
        await press(app, pilot, "escape")
        # A second one for today says which day, and that the day holds both (it said only
        # "Saved.").
        await press(app, pilot, "n")
        form(app).query_one("#day", Input).value = "today"
        form(app).query_one("#body", TextArea).text = "more of today"
        form(app).query_one("#mood", Input).value = "1"
        assert not said(app, words.HEAVY_DAY)  # not after a day with no low score
        await press(app, pilot, "ctrl+s")
        # and where support is, after a day scored at the bottom (nu198)
        assert said(app, "Saved the check-in for Monday 23 November 2026.\nThat day now has "
                    f"2 check-ins; each is kept as its own entry.\n{words.HEAVY_DAY}")  # fmt: skip
        await press(app, pilot, "e")
        assert form(app).entry is not None and form(app).entry.body == "more of today"
    assert [(e.day, e.body) for e in entries(sqlite_db)] == [
        (date(2026, 11, 23), "more of today"), (date(2026, 11, 23), "today's words"),
        (date(2026, 11, 22), "yesterday's words"),
    ]  # fmt: skip


async def test_a_check_in_begun_with_n_and_kept_as_a_draft_is_said_in_the_journal(
    sqlite_db: Database,
) -> None:
    """Begun with `n` and kept as a draft, a check-in was shown nowhere: Today said "Done
    for today", `c` opened today's, and only `n` again found it."""
    with sqlite_db.write() as s:
        journal.save_entry(session=s, data={"day": date(2026, 11, 23), "body": "today's words"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "j")
        assert words.ANOTHER_DRAFTED not in " ".join(screen_text(app).split())
        await press(app, pilot, "n")
        form(app).query_one("#body", TextArea).text = "[b]half[/b] of yesterday"
        await press(app, pilot, "escape")  # keep the draft
        if isinstance(app.screen, Choice):
            await press(app, pilot, "enter")
        assert isinstance(app.screen, JournalScreen)
        await until_shown(app, pilot, words.ANOTHER_DRAFTED)
        await press(app, pilot, "n")
        assert form(app).query_one("#body", TextArea).text == "[b]half[/b] of yesterday"
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, JournalScreen)
        await until_shown(app, pilot, words.ANOTHER_DRAFTED, shown=False)


async def typed_on_a_full_disk(
    app: PlannerApp, pilot: object, monkeypatch: pytest.MonkeyPatch
) -> JournalForm:
    """A check-in opened with words typed in it, and then the disk full: every draft
    write fails as SQLite says it."""
    import sqlite3

    import sqlalchemy as sa

    def full(**_: Any) -> None:
        raise sa.exc.OperationalError(
            "INSERT", {}, sqlite3.OperationalError("database or disk is full")
        )

    await settle(app, pilot)
    await press(app, pilot, "c")
    checkin = form(app)
    checkin.query_one("#body", TextArea).text = "words typed on a full disk"
    monkeypatch.setattr(drafts, "save_draft", full)
    return checkin


async def test_a_draft_that_cannot_be_written_keeps_the_form_open_with_its_words(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a full disk, Esc and "Keep the draft" said "Kept as a draft" beside "The disk is
    full", closed the form, and the words were gone."""
    real = drafts.save_draft
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        checkin = await typed_on_a_full_disk(app, pilot, monkeypatch)
        await press(app, pilot, "escape")
        if isinstance(app.screen, Choice):
            await press(app, pilot, "enter")  # Keep the draft
        assert app.screen is checkin
        assert said(app, "The disk is full") and said(app, "What you wrote is still here.")
        assert not said(app, "Kept as a draft")
        assert checkin.query_one("#body", TextArea).text == "words typed on a full disk"
        # Space freed: the same keys keep it, and it comes back.
        monkeypatch.setattr(drafts, "save_draft", real)
        await press(app, pilot, "escape")
        if isinstance(app.screen, Choice):
            await press(app, pilot, "enter")
        assert isinstance(app.screen, TodayScreen) and said(app, "Kept as a draft")
        await press(app, pilot, "c")
        assert form(app).query_one("#body", TextArea).text == "words typed on a full disk"


async def test_quitting_when_the_draft_cannot_be_written_asks_first(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a full disk, ctrl+q closed the app at once, and the words in the open check-in
    were gone: it now asks, and Stay keeps the form and its words."""
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        checkin = await typed_on_a_full_disk(app, pilot, monkeypatch)
        await press(app, pilot, "ctrl+q")
        assert isinstance(app.screen, Choice) and app.is_running
        shown = " ".join(screen_text(app).split())
        assert "Quit without what you wrote?" in shown and "The disk is full" in shown
        await press(app, pilot, "enter")  # Stay
        assert app.screen is checkin and app.is_running
        assert checkin.query_one("#body", TextArea).text == "words typed on a full disk"
        await press(app, pilot, "ctrl+q", "right", "enter")  # Quit anyway
        assert not app.is_running


async def until_shown(app: PlannerApp, pilot: object, text: str, *, shown: bool = True) -> None:
    deadline = time.monotonic() + 10
    while (text in " ".join(screen_text(app).split())) is not shown:
        assert time.monotonic() < deadline, screen_text(app)
        await settle(app, pilot)


async def test_closing_the_app_mid_sentence_keeps_the_words(sqlite_db: Database) -> None:
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c")
        form(app).query_one("#body", TextArea).focus()
        await press(app, pilot, *"half a thought")
        await app.action_quit()  # before the draft pause is over: on_unmount writes it
    again = make_app(sqlite_db)
    async with again.run_test(size=SIZE) as pilot:
        await settle(again, pilot)
        await press(again, pilot, "c")
        assert "Picked up where you left off" in screen_text(again)
        assert form(again).query_one("#body", TextArea).text == "half a thought"
        # The cursor is back after them: the next words go on the thought, not the day.
        await press(again, pilot, *" and more")
        assert form(again).query_one("#body", TextArea).text == "half a thought and more"
        assert form(again).query_one("#day", Input).value == "today"
    assert entries(sqlite_db) == []


async def test_a_draft_left_on_a_button_comes_back_in_the_last_box_typed_in(
    sqlite_db: Database,
) -> None:
    """Enter typed ahead into a draft taken back never presses Save: the cursor returns to
    the last box typed in, not to the button it was left on."""
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c")
        form(app).query_one("#warmth_note", Input).focus()
        await press(app, pilot, *"tea")
        form(app).query_one("#save").focus()
        await press(app, pilot, "escape", "enter")  # close, keeping the draft
        assert isinstance(app.screen, TodayScreen)
        await press(app, pilot, "c", *" outside")
        assert form(app).query_one("#warmth_note", Input).value == "tea outside"
    assert entries(sqlite_db) == []


async def test_a_draft_saved_in_another_window_meanwhile_is_asked_about_not_saved_twice(
    sqlite_db: Database,
) -> None:
    """Two windows (or computers) took up one kept draft and both saved it: the day held
    the same check-in twice, said only afterwards (nu244, nu247). Saving asks first: back
    to the form (asked again on the next save), or another check-in after all."""
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c")
        form(app).query_one("#warmth_note", Input).focus()
        await press(app, pilot, *"Neighbour waved at me", "escape", "enter")  # kept
        await press(app, pilot, "c", *" and smiled")
        assert form(app).query_one("#warmth_note", Input).value.endswith("me and smiled")
        with sqlite_db.write() as s:  # the other window saves the same draft, with more
            data = {"day": date(2026, 11, 23), "warmth_note": "Neighbour waved at me twice"}
            journal.save_entry(session=s, data=data)
        for answer in (["enter"], ["right", "enter"]):  # go back; then save it again
            await press(app, pilot, "ctrl+s")
            assert "Saved elsewhere meanwhile" in screen_text(app)
            assert "as a check-in for Monday 23 November" in " ".join(screen_text(app).split())
            await press(app, pilot, *answer)
        assert isinstance(app.screen, TodayScreen)
    assert sorted(e.warmth_note for e in entries(sqlite_db)) == [
        "Neighbour waved at me and smiled",
        "Neighbour waved at me twice",
    ]


async def test_a_draft_kept_overnight_is_still_the_check_in_of_the_day_it_was_written(
    sqlite_db: Database,
) -> None:
    """A check-in begun on Monday evening and kept as a draft: opened on Tuesday morning,
    its "today" was Tuesday, and saving filed Monday's evening under Tuesday."""
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c", *"22", "tab", *"quiet evening")
        assert form(app).query_one("#day", Input).value == "today"
        await press(app, pilot, "escape")
        await press(app, pilot, "enter")  # the question's first answer: keep the draft
        assert isinstance(app.screen, TodayScreen), screen_text(app)
    clock.freeze(datetime(2026, 11, 24, 8, 0))
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c")
        assert form(app).query_one("#day", Input).value == "2026-11-23"
        shown = screen_text(app)
        assert "→ Monday 23 November 2026" in shown
        assert "written on Monday 23 November 2026, so “today” is kept as meant then" in shown
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, TodayScreen), screen_text(app)
    [entry] = entries(sqlite_db)
    assert entry.day == date(2026, 11, 23)


async def test_a_draft_taken_back_and_kept_again_unchanged_is_still_from_its_first_day(
    sqlite_db: Database,
) -> None:
    """Written on Monday ("last sat"), opened and closed again on Tuesday, when it still
    meant the same Saturday: a week later it said it was written on Tuesday."""
    for day, keys in ((23, ("shift+tab", *"last sat", "tab", "3")), (24, ())):
        clock.freeze(datetime(2026, 11, day, 20, 0))
        app = make_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            await press(app, pilot, "c", *keys)
            assert form(app).query_one("#day", Input).value == "last sat"
            await press(app, pilot, "escape")
            await press(app, pilot, "enter")  # keep the draft
            assert isinstance(app.screen, TodayScreen), screen_text(app)
    clock.freeze(datetime(2026, 11, 30, 20, 0))
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c")
        assert form(app).query_one("#day", Input).value == "2026-11-21"
        assert "written on Monday 23 November 2026, so “last sat”" in screen_text(app)


async def test_closing_the_app_keeps_words_whose_change_had_not_reached_the_form(
    sqlite_db: Database,
) -> None:
    """ctrl+q can close the app between a key reaching a field and the field's Changed
    message reaching the form (once seen in a real terminal on a busy machine): the draft
    is what the field holds, not what the form heard last."""
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c")
        body = form(app).query_one("#body", TextArea)
        body.focus()
        await press(app, pilot, *"half a")
        with body.prevent(TextArea.Changed):  # the message still on its way as it closes
            body.insert(" thought")
        await app.action_quit()
    again = make_app(sqlite_db)
    async with again.run_test(size=SIZE) as pilot:
        await settle(again, pilot)
        await press(again, pilot, "c")
        assert form(again).query_one("#body", TextArea).text == "half a thought"


async def test_someone_added_by_another_program_while_the_app_runs_can_be_linked(
    sqlite_db: Database,
) -> None:
    """The check-in's names come from a list the app keeps between forms (issue 18); a
    person added from the command line while the app is open is in it the next time."""
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Ana"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c")  # the names are read, and kept
        await press(app, pilot, "escape")
        assert not isinstance(app.screen, JournalForm)
        other = open_database(sqlite_db.location)
        try:
            with other.write() as s:
                people.create_person(session=s, data={"name": "Bo Quill"})
        finally:
            other.dispose()
        await press(app, pilot, "c")
        form(app).query_one("#who", Input).focus()
        await press(app, pilot, *"Bo Quill", "enter")
        # "About", not "With": the tick below says whether you were in touch (nu183)
        assert "About: Bo Quill" in str(form(app).query_one("#chosen").render())


async def test_an_entry_too_long_is_explained_in_sight_and_gets_the_cursor(
    sqlite_db: Database,
) -> None:
    """A field with no note of its own under it: the note stands below the form, in sight
    (ctrl+s on a long paste seemed to do nothing: the note was below the screen's foot),
    and the cursor goes to the field it is about (it stayed where it was)."""
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c")
        body = form(app).query_one("#body", TextArea)
        body.text = "w " * 100_001
        form(app).query_one("#warmth_note", Input).focus()
        await press(app, pilot, "ctrl+s")
        assert "200,002 characters long" in screen_text(app)
        assert any("200,002 characters long" in line for line in on_screen(app))
        assert form(app).focused is body and len(body.text) == 200_002
    assert entries(sqlite_db) == []


async def test_words_longer_than_their_box_show_the_cursor_at_their_end(
    sqlite_db: Database,
) -> None:
    """A check-in taken back from a draft, its warmth note wider than the box: it showed the
    note's start, the cursor out of sight at its end, also after End, until a key was typed
    (a new user thought the last words were lost)."""
    words = "tea with Ana at the corner cafe, then a long slow walk home along the canal " * 2
    app = make_app(sqlite_db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c", "3", *["tab"] * 4, *(words + "by the river"))
        await press(app, pilot, "escape", "enter")  # kept as a draft
        await press(app, pilot, "c")  # taken back, the focus where it was
        note = form(app).query_one("#warmth_note", Input)
        assert note.value.endswith("by the river") and note.has_focus
        for keys in ((), ("end",), ("home", "tab", "shift+tab")):  # as opened, End, back in
            await press(app, pilot, *keys)
            assert note.has_focus
            assert any("by the river" in line for line in on_screen(app)), keys


async def test_escape_asks_to_keep_or_discard(sqlite_db: Database) -> None:
    a_map(sqlite_db)  # Today shows the check-in's line once someone is on the map
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c", "3")
        await press(app, pilot, "escape")
        assert isinstance(app.screen, Choice)
        await press(app, pilot, "enter")  # keep the draft
        assert isinstance(app.screen, TodayScreen)
        # Today says it was started, not "not yet" (as if nothing had been written)
        assert "Started and kept as a draft — c takes you back" in screen_text(app)
        await press(app, pilot, "c")
        assert form(app).query_one("#connectedness", Input).value == "3"
        await press(app, pilot, "escape", "tab", "enter")  # discard it
        assert isinstance(app.screen, TodayScreen)
        assert "Not yet — a line or two" in screen_text(app)
        await press(app, pilot, "c")
        assert form(app).query_one("#connectedness", Input).value == ""
        await press(app, pilot, "escape")  # nothing changed: closes without asking
        assert isinstance(app.screen, TodayScreen)
        with sqlite_db.session() as s:
            assert drafts.load_draft(session=s, key="journal:new") is None
        assert entries(sqlite_db) == []

        # Saved, then changed and kept as a draft: Today says so (it said "Done for today"
        # only, and the changes seemed lost).
        await press(app, pilot, "c", "3", "ctrl+s")
        assert "Done for today — thank you" in screen_text(app)
        await press(app, pilot, "c", "backspace", "5", "escape")
        await press(app, pilot, "enter")  # keep the draft
        assert isinstance(app.screen, TodayScreen)
        assert "words you started are kept as a draft: c takes you back" in screen_text(app)
        await press(app, pilot, "c")
        assert form(app).query_one("#connectedness", Input).value == "5"


async def test_a_check_in_kept_overnight_is_called_yesterdays_on_today(
    sqlite_db: Database,
) -> None:
    """A check-in started one evening and kept as a draft is that day's: the next day,
    Today said "Started and kept as a draft" as if it were today's, and c opened
    yesterday's."""
    a_map(sqlite_db)
    started = clock.now()
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c", "3", "escape")
        await press(app, pilot, "enter")  # keep the draft
        assert "Started and kept as a draft" in screen_text(app)
    clock.freeze(started + timedelta(days=1))
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        shown = " ".join(screen_text(app).split())
        assert (
            "Not yet. A check-in for yesterday was started and kept as a draft: c finishes it"
            in shown
        )
        assert "Started and kept" not in shown
        await press(app, pilot, "c")
        assert "Yesterday's check-in" in screen_text(app)
        assert form(app).query_one("#connectedness", Input).value == "3"
        await press(app, pilot, "ctrl+s")
        assert said(app, "Saved the check-in for Monday 23 November 2026")
        assert "Not yet — a line or two" in screen_text(app)


async def written_in_the_shell_meanwhile(app: PlannerApp, pilot: Any, db: Database) -> None:
    """Another check-in for today, as `planner-tui journal "From the shell"` writes it, read
    by Today: which still says the words started are kept."""
    with db.write() as s:
        journal.save_entry(session=s, data={"day": clock.today(), "body": "From the shell"})
    await press(app, pilot, "ctrl+r")
    shown = " ".join(screen_text(app).split())
    assert "Done for today — and words you started are kept as a draft: c takes you" in shown


async def test_a_check_in_started_is_not_hidden_by_one_written_meanwhile_elsewhere(
    sqlite_db: Database,
) -> None:
    """A check-in started and kept as a draft, then one written on the command line: Today
    said "Done for today", c opened the command line's, and the words typed in the app
    stayed out of sight until the next day."""
    a_map(sqlite_db)
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c", "3", "escape")
        await press(app, pilot, "enter")  # keep the draft
        await written_in_the_shell_meanwhile(app, pilot, sqlite_db)
        await press(app, pilot, "c")
        assert form(app).entry is None  # the one started, not the shell's to change
        assert form(app).query_one("#connectedness", Input).value == "3"
        await press(app, pilot, "ctrl+s")
        assert "Done for today — thank you" in screen_text(app)
    with sqlite_db.session() as s:
        entries = journal.list_entries(session=s)
    assert sorted(e.body for e in entries) == ["", "From the shell"]
    assert [e.connectedness for e in entries if not e.body] == [3]


async def test_changes_kept_for_todays_check_in_are_not_hidden_by_one_written_meanwhile(
    sqlite_db: Database,
) -> None:
    """Changes to today's check-in kept as a draft, then another check-in written on the
    command line: c opened the command line's, Today stopped saying a draft was kept, and
    the words looked lost (nu126)."""
    a_map(sqlite_db)
    with sqlite_db.write() as s:
        soup = journal.save_entry(session=s, data={"day": clock.today(), "body": "Soup"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c")
        assert form(app).entry is not None and form(app).entry.id == soup.id
        await press(app, pilot, "escape")  # nothing changed: it closes
        await press(app, pilot, "c", "4", "escape", "enter")  # keep the draft
        await written_in_the_shell_meanwhile(app, pilot, sqlite_db)
        await press(app, pilot, "c")
        assert form(app).entry is not None and form(app).entry.id == soup.id
        assert form(app).query_one("#connectedness", Input).value == "4"
        await press(app, pilot, "ctrl+s")
        assert "Done for today — thank you" in screen_text(app)
        await press(app, pilot, "c")  # nothing kept now: the newest, the shell's
        assert form(app).entry is not None and form(app).entry.body == "From the shell"


async def test_a_draft_let_go_while_its_last_write_is_on_its_way_stays_gone(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Discard right after typing, while the draft of what was typed is still being written
    (a busy machine): the draft must not come back the next time the check-in opens."""
    writing, release = threading.Event(), threading.Event()
    save_draft = drafts.save_draft

    def slow_save_draft(**kwargs: Any) -> Any:
        writing.set()
        release.wait(60)
        return save_draft(**kwargs)

    async def until(done: Callable[[], bool]) -> None:
        deadline = time.monotonic() + 60
        while not done() and time.monotonic() < deadline:
            await pilot.pause(0.05)

    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "c")
        monkeypatch.setattr(drafts, "save_draft", slow_save_draft)
        await pilot.press("3")
        await until(writing.is_set)  # the draft of "3" is on its way
        await pilot.press("escape")
        await until(lambda: isinstance(app.screen, Choice))
        await pilot.press("tab", "enter")  # discard it
        await until(lambda: isinstance(app.screen, TodayScreen))
        release.set()
        await settle(app, pilot)
        await press(app, pilot, "c")
        assert form(app).query_one("#connectedness", Input).value == ""
    with sqlite_db.session() as s:
        assert drafts.load_draft(session=s, key="journal:new") is None


async def test_editing_changes_nothing_saved_until_ctrl_s(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        journal.save_entry(session=s, data={"day": date(2026, 11, 20), "body": "first words"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "j")
        assert isinstance(app.screen, JournalScreen)
        await press(app, pilot, "enter")
        body = form(app).query_one("#body", TextArea)
        assert "editing" in screen_text(app) and body.text == "first words"
        body.text = "second thoughts"
        await pilot.pause(0.5)
        assert [e.body for e in entries(sqlite_db)] == ["first words"]  # only a draft so far
        await press(app, pilot, "ctrl+s")
        assert "second thoughts" in screen_text(app)
    assert [e.body for e in entries(sqlite_db)] == ["second thoughts"]


async def test_moving_a_check_in_to_another_day_is_asked_first(sqlite_db: Database) -> None:
    """An edited check-in given another day moves there only once asked, and the question
    says that day has one already (it moved without a word, leaving its day empty)."""
    from planner_tui.ui.modals.confirm import Choice

    with sqlite_db.write() as s:
        journal.save_entry(session=s, data={"day": date(2026, 11, 22), "body": "sunday"})
        journal.save_entry(session=s, data={"day": date(2026, 11, 23), "body": "monday"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "j", "enter")  # the latest: Monday's
        assert form(app).query_one("#body", TextArea).text == "monday"
        form(app).query_one("#day", Input).value = "yesterday"
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, Choice)
        asked = " ".join(screen_text(app).split())
        assert "moves it to Sunday 22 November, beside the check-in that day already" in asked
        await press(app, pilot, "enter")  # go back to the form
        assert isinstance(app.screen, JournalForm)
        assert sorted(e.day.day for e in entries(sqlite_db)) == [22, 23]
        await press(app, pilot, "ctrl+s", "tab", "tab", "enter")  # move it
        assert isinstance(app.screen, JournalScreen)
    assert sorted(e.day.day for e in entries(sqlite_db)) == [22, 22]


async def test_going_back_into_the_search_adds_to_it(sqlite_db: Database) -> None:
    """/ after Enter puts the cursor after the search: what is typed next refines it (it
    used to be selected whole, so the first key replaced it)."""
    with sqlite_db.write() as s:
        for day, body in ((1, "River walk with Ben"), (2, "River walk alone")):
            journal.save_entry(session=s, data={"day": date(2026, 11, day), "body": body})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "j", "slash", *"river", "enter")
        table = app.screen.query_one("#entries", DataTable)
        assert table.row_count == 2 and app.focused is table
        await press(app, pilot, "slash", *" ben")
        assert app.screen.query_one("#search", Input).value == "river ben"
        assert table.row_count == 1


async def test_a_click_in_the_search_box_types_into_it(sqlite_db: Database) -> None:
    """nu270: a click in the box left it unfocused, and the words typed next ran as the
    view's keys (`t` went to Today)."""
    with sqlite_db.write() as s:
        for day, body in ((1, "River walk with Ben"), (2, "Quiet day")):
            journal.save_entry(session=s, data={"day": date(2026, 11, day), "body": body})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "j")
        await pilot.click("#search")
        await press(app, pilot, *"ben walk")
        assert isinstance(app.screen, JournalScreen)
        assert app.screen.query_one("#search", Input).value == "ben walk"
        assert app.screen.query_one("#entries", DataTable).row_count == 1


async def test_down_from_the_search_goes_into_the_entries(sqlite_db: Database) -> None:
    """`/walk ↓ ↓` left the highlight on the first entry (nu237): ↓ goes into the list,
    a row on each time."""
    with sqlite_db.write() as s:
        for day in (1, 2, 3):
            journal.save_entry(session=s, data={"day": date(2026, 11, day), "body": "walk"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "j", "slash", *"walk", "down", "down")
        table = app.screen.query_one("#entries", DataTable)
        assert app.focused is table and table.cursor_row == 2


async def test_search_as_you_type_highlights_and_filters(sqlite_db: Database) -> None:
    ids = a_map(sqlite_db)
    with sqlite_db.write() as s:
        for day, body, mood, who in ((1, "River walk, cold [bold]air[/]", 4, [ids["ana"]]),
                                     (2, "Rain and river mist", 2, []),
                                     (3, "Quiet day indoors", 3, [])):  # fmt: skip
            journal.save_entry(session=s, data={"day": date(2026, 11, day), "body": body,
                                                "mood": mood, "person_ids": who})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "j", "slash", *"river")
        table = app.screen.query_one("#entries", DataTable)
        assert table.row_count == 2 and "2 entries" in screen_text(app)
        cells = [table.get_row_at(row)[3] for row in range(table.row_count)]
        assert sorted(cell.plain for cell in cells) == [  # as written, markup and all
            "Rain and river mist", "River walk, cold [bold]air[/]"]  # fmt: skip
        for cell in cells:  # the match, and only the match, highlighted
            marked = [cell.plain[span.start : span.end] for span in cell.spans
                      if span.style == "reverse"]  # fmt: skip
            assert [word.lower() for word in marked] == ["river"], (cell.plain, marked)
        await press(app, pilot, *" mood>=3")
        assert table.row_count == 1
        search = app.screen.query_one("#search", Input)
        search.value = "@Nobody"
        await settle(app, pilot)
        assert "No one called 'Nobody' on your map." in screen_text(app)
        search.value = '"river ( OR'  # unbalanced: read as the plain word "river"
        await settle(app, pilot)
        assert table.row_count == 2 and "2 entries" in screen_text(app)
        search.value = '"unbalanced ( OR'
        await settle(app, pilot)
        assert table.row_count == 0 and "Nothing matches." in screen_text(app)
        for nothing in ("OR", "*", "🌧 !"):  # as the command line says it
            search.value = nothing
            await settle(app, pilot)
            assert table.row_count == 0 and NOTHING_TO_LOOK_FOR in screen_text(app), nothing
        search.value = "r*"  # searched as the letter r alone: "Nothing matches."
        await settle(app, pilot)
        assert table.row_count == 0 and "'r*' would find nearly every entry" in screen_text(app)
        search.value = "ri*"
        await settle(app, pilot)
        assert table.row_count == 2
        # Escape empties the search and gives the list back its keys (after a search that
        # found nothing, the list had none: ↓ and Enter did nothing).
        await press(app, pilot, "escape", "down")
        assert table.has_focus and table.row_count == 3 and table.cursor_row == 1


async def test_delete_asks_and_undo_brings_it_back(sqlite_db: Database) -> None:
    """Brought back, the entry has the cursor (it was on the one below, which the next x
    deleted)."""
    with sqlite_db.write() as s:
        journal.save_entry(session=s, data={"day": date(2026, 11, 19), "body": "older"})
        journal.save_entry(session=s, data={"day": date(2026, 11, 20), "body": "keep me #x"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "j", "x")
        assert isinstance(app.screen, Choice)
        await press(app, pilot, "tab", "enter")
        assert [e.body for e in entries(sqlite_db)] == ["older"]
        await press(app, pilot, "u")
        assert "keep me #x" in screen_text(app)
        table = app.screen.query_one("#entries", DataTable)
        assert str(table.get_row_at(table.cursor_row)[3]) == "keep me #x"
    assert [e.tags for e in entries(sqlite_db)] == [["x"], []]


async def test_the_only_match_deleted_and_brought_back_opens_with_enter(
    sqlite_db: Database,
) -> None:
    """The one entry a search found, deleted and brought back with u: Enter did nothing, the
    focus gone from the list with its last row (nu254)."""
    with sqlite_db.write() as s:
        journal.save_entry(session=s, data={"day": date(2026, 11, 19), "body": "older walk"})
        journal.save_entry(session=s, data={"day": date(2026, 11, 20), "body": "a rainy day"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "j", "slash", *"rainy")
        await settle(app, pilot)
        await press(app, pilot, "enter", "x", "tab", "enter")
        await settle(app, pilot)
        assert [e.body for e in entries(sqlite_db)] == ["older walk"]
        await press(app, pilot, "u")
        await settle(app, pilot)
        await press(app, pilot, "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, JournalForm)
        assert app.screen.query_one("#body", TextArea).text == "a rainy day"


async def test_huge_odd_and_markup_text_shows_as_written(sqlite_db: Database) -> None:
    odd = "مرحبا 👋🏽 [link=file:///etc/passwd]y[/link] \x1b[31m" + "word " * 20_000
    with sqlite_db.write() as s:
        journal.save_entry(session=s, data={"day": date(2026, 11, 20), "body": odd,
                                            "warmth_note": "[bold]tea[/]"})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "j")
        shown = screen_text(app)
        assert "مرحبا 👋🏽 [link=file:///etc/passwd]y[/link]" in shown and "\x1b" not in shown
        await press(app, pilot, "enter")
        # A text box shows the escape character as a symbol; saved unchanged, the text
        # stays as it was stored.
        assert form(app).query_one("#body", TextArea).text == odd.replace("\x1b", "␛")
        assert form(app).query_one("#warmth_note", Input).value == "[bold]tea[/]"
        await press(app, pilot, "ctrl+s")
    [entry] = entries(sqlite_db)
    assert entry.body == odd and len(entry.body) > 100_000


@pytest.mark.parametrize("width", [120, 200])
async def test_an_entry_cut_short_in_the_list_ends_in_an_ellipsis(
    sqlite_db: Database, width: int
) -> None:
    """At 120 columns and wider an entry was cut at 80 characters with nothing to say so:
    "…mail me@exam" read as the whole note, with a wrong address. And one of several lines
    showed its first as if it were all."""
    long = "dinner with Sam and Ana and a friend of theirs, then a walk home by the river " * 2
    with sqlite_db.write() as s:
        journal.save_entry(session=s, data={"day": date(2026, 11, 20), "body": long + "END"})
        journal.save_entry(session=s, data={"day": date(2026, 11, 21), "body": "one\ntwo"})
    app = make_app(sqlite_db)
    async with app.run_test(size=(width, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "j")
        rows = {
            found.group(1): row.rstrip(" │▐▌")
            for row in on_screen(app)
            if (found := re.search(r"(\d+) Nov 2026", row))
        }
        assert rows["21"].endswith("one …")
        assert rows["20"].endswith("END" if width == 200 else "…"), rows["20"]


async def test_saving_a_check_in_keeps_the_control_characters_of_what_was_not_changed(
    sqlite_db: Database,
) -> None:
    """Text piped or imported with control characters (an escape, a bell, a direction
    override) shows as symbols in the form. Saving after changing something else stored
    the symbols in their place, for good; now only a text that was changed is saved as
    the form shows it."""
    raw = "ctl \x1b[31mred\x1b[0m bell\x07 \u202erev"
    with sqlite_db.write() as s:
        journal.save_entry(
            session=s,
            data={"day": date(2026, 11, 20), "body": raw, "warmth_note": f"tea {raw}"},
        )
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "j", "enter")
        shown = form(app).query_one("#body", TextArea).text
        assert "\x1b" not in shown and "␛[31mred" in shown
        form(app).query_one("#connectedness", Input).value = "4"
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, JournalScreen)
        [entry] = entries(sqlite_db)
        assert (entry.body, entry.warmth_note, entry.connectedness) == (raw, f"tea {raw}", 4)

        await press(app, pilot, "enter")
        form(app).query_one("#warmth_note", Input).value = "tea, changed"
        # A word added at the end of the text keeps what the text held before it
        # (it saved ␛ and � in place of the escape and the override).
        body = form(app).query_one("#body", TextArea)
        body.text = body.text + " Q"
        await press(app, pilot, "ctrl+s")
    [entry] = entries(sqlite_db)
    assert (entry.body, entry.warmth_note) == (raw + " Q", "tea, changed")


async def test_the_month_strip_shows_each_days_scores_together(sqlite_db: Database) -> None:
    """A day with several check-ins shows the average of its scores (as the Review counts a
    day): an unscored entry written last no longer hides the day's scores as ○. Halves
    round up, as every figure does (2.5 showed as 2 here, nu193)."""
    with sqlite_db.write() as s:
        for day, score in ((20, 1), (20, 2), (20, None), (21, None), (22, 5), (18, 4), (18, 1)):
            journal.save_entry(
                session=s,
                data={
                    "day": date(2026, 11, day),
                    "body": f"on the {day}th",
                    "connectedness": score,
                },
            )
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "j")
        screen = app.screen
        assert isinstance(screen, JournalScreen) and screen.data is not None
        assert screen.data.month == {
            date(2026, 11, 18): 3,  # 4 and 1: 2.5, shown as 3
            date(2026, 11, 20): 2,  # 1 and 2: 1.5, shown as 2 (▒)
            date(2026, 11, 21): None,  # an entry without a score: ○
            date(2026, 11, 22): 5,
        }


async def test_a_check_in_changed_in_another_window_meanwhile_keeps_both_changes(
    sqlite_db: Database,
) -> None:
    """Two windows on one planner: the check-in saved here kept only its own words, and
    the other window's were gone without a word. Saving an edit also said "That day now
    has 2 check-ins", as if one had been added."""
    with sqlite_db.write() as s:
        journal.save_entry(session=s, data={"day": date(2026, 11, 20), "body": "other"})
        first = journal.save_entry(session=s, data={"day": date(2026, 11, 20), "body": "first"})

    def elsewhere(**data: object) -> None:
        with sqlite_db.write() as s:
            journal.save_entry(
                session=s, entry_id=first.id, data={"day": date(2026, 11, 20), **data}
            )

    def stored() -> journal.JournalEntryRead:
        with sqlite_db.session() as s:
            return journal.get_entry(session=s, entry_id=first.id)

    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "j", "e")
        assert form(app).entry is not None and form(app).entry.id == first.id
        form(app).query_one("#connectedness", Input).value = "4"
        elsewhere(body="first, from the other window", mood=2)
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, JournalScreen)
        assert (stored().body, stored().mood, stored().connectedness) == (
            "first, from the other window", 2, 4,
        )  # fmt: skip
        assert said(app, "Kept as changed elsewhere meanwhile: mood and words.")
        assert not said(app, "That day now has")

        await press(app, pilot, "e")
        form(app).query_one("#body", TextArea).text = "mine"
        elsewhere(body="theirs", mood=2, connectedness=4)
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, Choice)
        assert "Saved there — words: “theirs”" in screen_text(app)
        await press(app, pilot, "tab", "enter")  # save mine over it
        assert isinstance(app.screen, JournalScreen)
    assert (stored().body, stored().mood, stored().connectedness) == ("mine", 2, 4)
    assert len(entries(sqlite_db)) == 2


async def test_enter_goes_on_to_the_next_box_and_saves_nothing(sqlite_db: Database) -> None:
    """Enter after a sentence in *what brought warmth* saved the check-in half written and
    closed it; the keys typed next went to Today (a new user). Enter goes on, as the
    wizard's does; ctrl+s saves."""
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await press(app, pilot, "c", "shift+tab", "enter")  # the day, as it is: on, unsaved
        assert form(app).query_one("#save", Button).has_focus and entries(sqlite_db) == []
        await press(app, pilot, "tab", "tab")  # past Close, round to the first box
        assert form(app).query_one("#connectedness", Input).has_focus
        await press(app, pilot, *"4", "tab", "tab", "tab", "tab")  # to the warmth box
        await press(app, pilot, *"a call with my sister", "enter", *"Zo", "enter")
        assert form(app).query_one("#body", TextArea).has_focus
        await press(app, pilot, *"and then", "enter", *"more")
        assert isinstance(app.screen, JournalForm) and entries(sqlite_db) == []
        values = form(app).values()
        assert (values["connectedness"], values["warmth_note"], values["withdraw_note"]) == (
            "4",
            "a call with my sister",
            "Zo",
        )
        assert values["body"] == "and then\nmore"
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, TodayScreen)
    [entry] = entries(sqlite_db)
    assert (entry.warmth_note, entry.body) == ("a call with my sister", "and then\nmore")


async def test_an_empty_check_in_is_not_saved_and_the_note_goes_once_something_is_in_it(
    sqlite_db: Database,
) -> None:
    """ctrl+s saved a check-in with nothing in it, and the month counted it as a day
    checked in."""
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await press(app, pilot, "c", "ctrl+s")
        assert isinstance(app.screen, JournalForm)
        note = form(app).query_one("#form-problem", Static)
        assert str(note.render()) == words.EMPTY_CHECK_IN and note.display
        await press(app, pilot, "3")
        assert not note.display  # something is in it now
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, TodayScreen)
    [entry] = entries(sqlite_db)
    assert entry.connectedness == 3


async def test_a_day_long_ago_is_asked_about_in_the_check_in_and_the_contact_forms(
    sqlite_db: Database,
) -> None:
    """A check-in's day of 0001-01-01 was saved as "Monday 1 January 0001" without a word;
    the outcome form asked already, and now every form that reads a past day back does."""
    a_map(sqlite_db)
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c", "shift+tab")  # up to the day
        day = form(app).query_one("#day", Input)
        preview = form(app).query_one("#day-preview", Static)
        for typed, asked in (("0001-01-01", True), ("2016-11-23", True), ("yesterday", False)):
            day.value = typed
            await settle(app, pilot)
            assert ("— is the year right?" in str(preview.render())) is asked, typed
        # Saved so, it asks once more (a check-in for 0001 saved at once), Enter keeping
        # the form.
        day.value = "2016-11-23"
        form(app).query_one("#body", TextArea).text = "words"
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, Choice)
        assert "That is Wed 23 Nov 2016, over a year ago — is the year right?" in " ".join(
            screen_text(app).split()
        )
        await press(app, pilot, "enter")
        assert isinstance(app.screen, JournalForm)
        await press(app, pilot, "ctrl+l", "right", "enter")  # discard
        await press(app, pilot, "m", "l")
        contact = app.screen
        assert isinstance(contact, InteractionForm)
        when = contact.query_one("#when", Input)
        when.value = "1 jan 1900"
        await settle(app, pilot)
        assert "(126 years ago) — is the year right?" in " ".join(screen_text(app).split())


async def test_a_check_in_long_ago_opened_to_read_is_not_asked_about_its_year(
    sqlite_db: Database,
) -> None:
    """Opening a check-in of 2024 from the Journal said "→ Saturday 7 December 2024 — is the
    year right?" of a day no one had typed (nu150). Its own day is not questioned; another
    day long ago, typed, still is, and the stored one typed back again is not."""
    with sqlite_db.write() as s:
        journal.save_entry(session=s, data={"day": date(2024, 12, 7), "body": "old words"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "j", "enter")
        preview = form(app).query_one("#day-preview", Static)
        assert str(preview.render()) == "→ Saturday 7 December 2024"
        day = form(app).query_one("#day", Input)
        stored = day.value
        for typed, asked in (("2024-12-06", True), (stored, False)):
            day.value = typed
            await settle(app, pilot)
            assert ("— is the year right?" in str(preview.render())) is asked, typed
        await press(app, pilot, "ctrl+s")  # saved as it was: no question either
        assert isinstance(app.screen, JournalScreen), app.screen
    [entry] = entries(sqlite_db)
    assert (entry.day, entry.body) == (date(2024, 12, 7), "old words")


async def test_a_sixth_score_typed_after_the_last_is_refused_once_with_a_note(
    sqlite_db: Database,
) -> None:
    """`c`, Tab, `3 4 2 3 2`: a Tab pressed first skipped *connected*, every score went one
    box along, and the last digit began the words ("2Grandma's voice"), saved without a
    word (nu150, nu151). That digit is refused once, with a note that says where the scores
    begin; typed again, it is kept."""
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c", "tab", *"34232")
        warmth = form(app).query_one("#warmth_note", Input)
        assert form(app).focused is warmth and warmth.value == ""
        beside = form(app).query_one("#warmth_note-problem", Problem)
        assert "The scores are above, connected first" in str(beside.render())
        # Right under the box with the cursor, both in sight (nu157: the note went under
        # the People box, and the page scrolled the box away)
        await settle(app, pilot)
        drawn = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
        assert "What brought warmth" in drawn and "The scores are above" in drawn, drawn
        assert form(app).query_one("#connectedness", Input).value == ""
        await press(app, pilot, *"2 cups of tea")  # meant: kept
        assert warmth.value == "2 cups of tea"
        notes = " ".join(str(p.render()) for p in form(app).query(Problem) if p.display)
        assert "The scores are above" not in notes, notes  # said once, gone as words come
        # Scores typed as meant, then words: nothing refused.
        await press(app, pilot, "ctrl+l", "right", "enter", "c", *"34232", *"Tea")
        assert form(app).query_one("#warmth_note", Input).value == "Tea"
        assert form(app).query_one("#comfort_receiving", Input).value == "2"


async def test_enter_after_a_score_stays_where_the_digit_moved_to(sqlite_db: Database) -> None:
    """`3 Enter 4 Enter 2`: a digit moves on, and Enter moved on again, so every other box
    was skipped and the last digit began the words (nu152). Enter just after a digit
    stays; pressed again, it goes on as usual."""
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c", "3", "enter", "4", "enter", "2", "enter", "3", "enter")
        await press(app, pilot, "2", "enter", *"Tea")
        values = {key: form(app).query_one(f"#{key}", Input).value for key in SCALES}
        assert values == dict(zip(SCALES, "34232", strict=True)), values
        assert form(app).query_one("#warmth_note", Input).value == "Tea"
        # Back to *giving*, then Enter with no digit before it: on to *receiving*.
        await press(app, pilot, "shift+tab", "shift+tab", "enter")
        assert form(app).focused is form(app).query_one("#comfort_receiving", Input)


async def test_the_palette_waits_until_a_question_is_answered(sqlite_db: Database) -> None:
    """ctrl+p opened the palette over "Discard what you typed here?"; it now waits for the
    answer, and opens once the question is gone."""
    from textual.command import CommandPalette

    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c", "2", "ctrl+l")
        assert isinstance(app.screen, Choice)
        await press(app, pilot, "ctrl+p")
        assert isinstance(app.screen, Choice) and not CommandPalette.is_open(app)
        await press(app, pilot, "enter", "ctrl+p")  # keep writing: the form, then the palette
        assert CommandPalette.is_open(app)


async def test_ctrl_l_asks_before_throwing_words_away(sqlite_db: Database) -> None:
    """ctrl+l — many a terminal's "clear the screen", pressed out of habit — threw a
    half-written check-in away at once, with no draft and no undo."""
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c", "2", "tab", "tab", "tab", "tab", *"a heartfelt entry")
        await press(app, pilot, "ctrl+l")
        assert isinstance(app.screen, Choice) and "Discard what you typed here?" in screen_text(app)
        await press(app, pilot, "enter")  # the first answer: keep writing
        assert isinstance(app.screen, JournalForm)
        assert form(app).values()["warmth_note"] == "a heartfelt entry"
        await press(app, pilot, "ctrl+l", "right", "enter")  # discard it, asked and answered
        assert isinstance(app.screen, TodayScreen) and said(app, "Discarded.")
        await press(app, pilot, "c")
        assert form(app).values()["warmth_note"] == ""  # gone, as chosen
        await press(app, pilot, "ctrl+l")  # nothing typed: nothing to ask
        assert isinstance(app.screen, TodayScreen)
    assert entries(sqlite_db) == []


async def test_a_check_in_says_which_of_two_people_of_one_name_it_links(
    sqlite_db: Database,
) -> None:
    """With two people called Mo, the form said "Linked: Mo" of `@#3`, and for `@Mo` asked
    for more of a name that has no more."""
    with sqlite_db.write() as s:
        first, second = (people.create_person(session=s, data={"name": "Mo"}).id for _ in "12")
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c")
        form(app).query_one("#body", TextArea).text = f"tea with @#{second}, and @Mo"
        await settle(app, pilot)
        shown = " ".join(screen_text(app).split())
        assert f"Linked: Mo (#{second})" in shown, shown
        assert f"(say more of the name, or the number: @#{first})" in shown, shown


async def test_the_in_touch_tick_counts_the_people_box_not_a_mention(sqlite_db: Database) -> None:
    """ "I miss @Ana", with Bo in the People box and "we were in touch" ticked, made Ana
    "last in touch yesterday" on the Map — and the toast said "with Ana" of a mention."""
    ids = a_map(sqlite_db)
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c")
        check_in = form(app)
        check_in.query_one("#body", TextArea).focus()
        await press(app, pilot, *"I miss @Ana")
        check_in.query_one("#contact", Checkbox).value = True  # ticked, no one in the box
        await press(app, pilot, "ctrl+s")
        assert app.screen is check_in and not entries(sqlite_db)
        assert (
            "Who were you in touch with? Type their names in this box, Enter after each (the "
            "tick counts the people in it), or untick it; Ana, named with @, is linked but not "
            "counted." in " ".join(screen_text(app).split())
        )
        check_in.query_one("#who", Input).focus()
        await press(app, pilot, *"Bo", "enter", "ctrl+s")
        await settle(app, pilot)
        assert said(app, "Saved the check-in for Monday 23 November 2026, in touch with Bo, "
                    "mentioning Ana.")  # fmt: skip
        [entry] = entries(sqlite_db)
        assert sorted(entry.person_ids) == sorted(ids[n] for n in ("ana", "bo"))
        assert entry.contact_person_ids == [ids["bo"]]
        with sqlite_db.session() as s:
            last = {p.name: p.last_contact for p in people.list_people(session=s)}
        assert last["Ana"] is None and last["Bo"] is not None
        # Opened again, the box holds whom the tick counted; the words link Ana again.
        app.push_screen(JournalForm(entry))
        await settle(app, pilot)
        assert list(form(app).query_one(PeopleChips).chosen) == [ids["bo"]]
        await press(app, pilot, "ctrl+s")
        await settle(app, pilot)
    assert entries(sqlite_db)[0].contact_person_ids == [ids["bo"]]


async def test_a_mention_stays_a_mention_when_the_check_in_is_opened_again(
    sqlite_db: Database,
) -> None:
    """ "I miss @Ana", saved, then opened again: Ana was in the People box, so "in touch"
    ticked then counted the mention as contact (nu240). The words link her again; the box
    holds only whom it held."""
    ids = a_map(sqlite_db)
    with sqlite_db.write() as s:  # as the form saves it: the mention is a link
        journal.save_entry(session=s, data={"day": date(2026, 11, 21), "body": "I miss @Ana",
                                            "person_ids": [ids["ana"]]})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        [entry] = entries(sqlite_db)
        app.push_screen(JournalForm(entry))
        await settle(app, pilot)
        assert list(form(app).query_one(PeopleChips).chosen) == []
        assert "Linked: Ana" in screen_text(app)
        form(app).query_one("#contact", Checkbox).value = True
        await press(app, pilot, "ctrl+s")
        await settle(app, pilot)
    [entry] = entries(sqlite_db)
    assert entry.person_ids == [ids["ana"]] and entry.contact_person_ids == []


async def test_a_check_in_with_a_mention_opened_again_saves_without_a_change_elsewhere(
    sqlite_db: Database,
) -> None:
    """With a mention kept out of the People box, saving an entry that mentions someone
    said "Changed elsewhere meanwhile: people", with no other window open (nu241): what is
    stored is read as the box shows it."""
    ids = a_map(sqlite_db)
    with sqlite_db.write() as s:
        journal.save_entry(session=s, data={"day": date(2026, 11, 21), "body": "texted @Ana",
                                            "person_ids": [ids["ana"]]})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        for typed in (" and @Bo called back", " later"):
            [entry] = entries(sqlite_db)
            app.push_screen(JournalForm(entry))
            await settle(app, pilot)
            form(app).query_one("#body", TextArea).focus()
            await press(app, pilot, "end", *typed, "ctrl+s")
            assert not isinstance(app.screen, (JournalForm, Choice)), app.screen
            assert not said(app, "changed elsewhere")
    [entry] = entries(sqlite_db)
    assert entry.body == "texted @Ana and @Bo called back later"
    assert sorted(entry.person_ids) == sorted([ids["ana"], ids["bo"]])
    assert entry.contact_person_ids == []


async def test_editing_a_check_in_keeps_its_link_to_someone_archived_since(
    sqlite_db: Database,
) -> None:
    """A check-in naming Sam (@#1, counted as in touch), Sam archived since: opened and
    saved again, the form said "@#1 is no one on your map" and dropped the link for good."""
    with sqlite_db.write() as s:
        sam = people.create_person(session=s, data={"name": "Sam Old"}).id
        entry = journal.save_entry(session=s, data={
            "day": date(2026, 11, 22), "body": f"tea with @#{sam}", "person_ids": [sam],
            "contact_person_ids": [sam]})  # fmt: skip
        people.update_person(session=s, person_id=sam, data={"archived": True})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        app.push_screen(JournalForm(entry))
        await settle(app, pilot)
        shown = " ".join(screen_text(app).split())
        assert "Still linked (archived): Sam Old" in shown and "no one on your map" not in shown
        form(app).query_one("#connectedness", Input).focus()
        await press(app, pilot, "3", "ctrl+s")
    [saved] = entries(sqlite_db)
    assert (saved.person_ids, saved.contact_person_ids, saved.connectedness) == ([sam], [sam], 3)


async def test_a_refused_digit_is_said_in_sight_on_a_small_screen(sqlite_db: Database) -> None:
    """At 80×24 the note under the scores was below the form's edge: a 7 seemed to do
    nothing."""
    app = make_app(sqlite_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c", "7")
        await settle(app, pilot)
        assert any("Each is a digit, 1 (low)" in line for line in on_screen(app)), on_screen(app)


async def test_an_old_check_in_names_its_day_from_the_first_frame(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An entry of 2011 opened asking "What brought warmth today?" until its day was read
    (on a busy machine, for as long as the form's choices took)."""
    from .test_app import hold_choices

    with sqlite_db.write() as s:
        entry = journal.save_entry(session=s, data={"day": date(2011, 3, 30), "body": "rain"})
    release = hold_choices(monkeypatch, JournalForm)
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.push_screen(JournalForm(entry))
        await pilot.pause()
        shown = " ".join(screen_text(app).split())
        release.set()
        await settle(app, pilot)
    assert "What brought warmth that day, if anything?" in shown and "warmth today" not in shown, (
        shown
    )


async def test_once_plus_has_shown_every_entry_the_line_says_so(sqlite_db: Database) -> None:
    """After `+` showed the last of them, the count line went blank, and `+` then did
    nothing without a word."""
    with sqlite_db.write() as s:
        for back in range(130):
            journal.save_entry(
                session=s, data={"day": date(2026, 11, 23) - timedelta(days=back), "body": "x"}
            )
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "j")
        assert "The newest 120 of 130 entries · + shows more" in screen_text(app)
        assert "/ search · + more" in screen_text(app)
        await press(app, pilot, "+")
        assert "All 130 entries." in screen_text(app) and "+ more" not in screen_text(app)
        await press(app, pilot, "+")
        assert said(app, "No more to show: the list has all 130 entries.")
        # The same in a search: `+` again ran it anew, and it shrank to 120 (nu254).
        await press(app, pilot, "slash", "x")
        await settle(app, pilot)
        assert len(app.screen.shown) == 120
        await press(app, pilot, "plus")
        await settle(app, pilot)
        assert len(app.screen.shown) == 130
        await press(app, pilot, "plus")
        await settle(app, pilot)
        assert len(app.screen.shown) == 130
        assert app.screen.query_one("#search", Input).value == "x"


async def test_the_list_fills_the_screen_and_plus_with_no_more_says_so(sqlite_db: Database) -> None:
    """At 110x50 the list showed 20 entries of 58 and left 16 lines empty under its hint,
    and `+` said nothing (nu149). In the search box too: typed there, it ran the search
    again, and the list shrank back to its first page (nu254)."""
    with sqlite_db.write() as s:
        for back in range(58):
            journal.save_entry(
                session=s,
                data={"day": date(2026, 11, 23) - timedelta(days=back), "body": f"walk {back}"},
            )
    app = make_app(sqlite_db)
    async with app.run_test(size=(110, 50)) as pilot:
        await press(app, pilot, "j")
        shown = on_screen(app)
        rows = [line for line in shown if " walk " in line]
        assert len(rows) >= 35, shown
        assert any("/ search" in line for line in shown[-3:]), shown  # the hint in sight
        assert not any("+ more" in line for line in shown), shown  # all 58 shown (nu159)
        await press(app, pilot, "+")
        assert said(app, "No more to show: the list has all 58 entries.")
        await press(app, pilot, "slash", *"walk 1")
        await settle(app, pilot)
        matching = len(app.screen.shown)
        assert 0 < matching < 58
        listed = words.plural(matching, "entry", "entries")
        await press(app, pilot, "plus")
        assert app.screen.query_one("#search", Input).value == "walk 1"
        assert said(app, f"No more to show: the list has all {listed} that match.")
        await press(app, pilot, "enter", "+")  # Enter: to the list, the search kept
        assert len(app.screen.shown) == matching


async def test_words_typed_on_the_tick_go_on_after_the_first_words_apart_from_them(
    sqlite_db: Database,
) -> None:
    """Words typed on "We were in touch" went on in *what brought warmth* glued to what it
    held ("…after workfelt good"), and a digit there became its words (nu157). They go on
    under *Anything else*, apart from what it holds; a digit rings the bell."""
    app = make_app(sqlite_db)
    rung: list[int] = []
    app.bell = lambda: rung.append(1)  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c", "tab", "tab", "tab", "tab", "tab", *"coffee after work")
        warmth = form(app).query_one("#warmth_note", Input)
        assert warmth.value == "coffee after work"
        tick = form(app).query_one("#contact", Checkbox)
        tick.focus()
        await press(app, pilot, "5")
        assert rung == [1] and warmth.value == "coffee after work"
        body = form(app).query_one("#body", TextArea)
        body.text = "coffee"
        tick.focus()
        await press(app, pilot, *"felt good")
        assert body.text == "coffee felt good" and form(app).focused is body
        assert warmth.value == "coffee after work"


async def test_an_entry_with_changes_kept_as_a_draft_says_so_in_the_list(
    sqlite_db: Database,
) -> None:
    """Words added to an earlier entry and kept as a draft left its row as it was: nothing
    pointed to them until Enter on that very entry (nu159)."""
    with sqlite_db.write() as s:
        kept = journal.save_entry(session=s, data={"day": date(2026, 11, 21), "body": "a walk"})
        journal.save_entry(session=s, data={"day": date(2026, 11, 22), "body": "tea"})
        drafts.save_draft(session=s, key=f"journal:{kept.id}#1", payload={"body": "a walk, and"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "j")
        rows = [line for line in on_screen(app) if " Nov 2026" in line]
        assert "(changes kept as a draft) a walk" in rows[1] and "draft" not in rows[0], rows
        # Deleting it says the draft goes too: it went unsaid (nu240).
        await press(app, pilot, "x")
        assert words.DRAFT_GOES_TOO not in " ".join(screen_text(app).split())
        await press(app, pilot, "escape", "down", "x")
        assert words.DRAFT_GOES_TOO in " ".join(screen_text(app).split())


async def test_past_midnight_on_the_first_the_journal_and_review_show_the_month_gone(
    sqlite_db: Database,
) -> None:
    """At 00:30 on 1 December the evening's check-in was November's, but the Review and the
    Journal's strip opened on an empty December (nu162)."""
    with sqlite_db.write() as s:
        journal.save_entry(session=s, data={"day": date(2026, 11, 30), "connectedness": 4})
    clock.freeze(datetime(2026, 12, 1, 0, 30))
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "j")
        assert "November 2026" in screen_text(app)
        await press(app, pilot, "r")
        assert "Monthly review — November 2026" in screen_text(app)
        await press(app, pilot, "right")  # December is there, a key away
        assert "Monthly review — December 2026" in screen_text(app)
