"""Issue 17 in the app, by keys (toasts on): dates on the person form and on Today, the cue
on Today, the person's own backup after a decline, steps toward places and new people from
the wizard and the Gaps' ideas, small moments, and "on this day"."""

from __future__ import annotations

import re
import time
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from textual.widgets import Button, DataTable, Input, OptionList, Static, TextArea

from planner_tui import clock, daily, words
from planner_tui.db.engine import Database
from planner_tui.errors import InvalidInput
from planner_tui.services import drafts, journal, moments, people, steps
from planner_tui.ui.app import PlannerApp
from planner_tui.ui.forms.base import Problem
from planner_tui.ui.forms.interaction import InteractionForm
from planner_tui.ui.forms.outcome import OutcomeForm
from planner_tui.ui.forms.people import PersonForm, read_dates
from planner_tui.ui.forms.plan import PlanWizard
from planner_tui.ui.modals.confirm import Choice
from planner_tui.ui.screens.person import PersonScreen
from planner_tui.ui.screens.today import TodayScreen

from .test_app import HOSTILE, SIZE, hold_choices, make_app, press, screen_text, settle
from .test_corrections import literal_toasts, said
from .test_fit_narrow import on_screen


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=clock.local_zone())


def wizard(app: PlannerApp) -> PlanWizard:
    assert isinstance(app.screen, PlanWizard), app.screen
    return app.screen


async def focus_table(app: PlannerApp, pilot: Any, table_id: str) -> DataTable[Any]:
    """Tab until the table has the focus (as a person would)."""
    table = app.screen.query_one(f"#{table_id}", DataTable)
    for _ in range(12):
        if table.has_focus:
            return table
        await press(app, pilot, "tab")
    raise AssertionError(f"tab never reached #{table_id}")


async def finish_wizard(app: PlannerApp, pilot: Any, when: str = "tomorrow 6pm") -> None:
    """From the When page: a time, then Enter through details, how sure and the card."""
    assert wizard(app).page == "when"
    await press(app, pilot, *when, "enter", "enter", "enter", "enter")
    assert not isinstance(app.screen, PlanWizard)


# --------------------------------------------------------------------------- dates


async def test_a_persons_dates_are_added_changed_and_taken_away_on_their_form(
    sqlite_db: Database,
) -> None:
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "m", "enter")
        assert isinstance(app.screen, PersonScreen)
        assert "No dates yet" in screen_text(app)
        await press(app, pilot, "e")
        form = app.screen
        assert isinstance(form, PersonForm)
        form.query_one("#birthday", Input).focus()
        await press(app, pilot, *"31 Apr")
        assert "not a day on the calendar" in screen_text(app)  # said while typing
        form.query_one("#birthday", Input).value = ""
        # A year still to come, under the birthday, as typed: it was said only on saving,
        # under the other dates, as "Date 1: Day: …" (nu180)
        await press(app, pilot, *"12 Apr 2027")
        note = form.query_one("#birthday-problem", Problem)
        assert note.display and "12 Apr 2027 is still to come" in note.message
        assert not form.query_one("#dates-problem", Problem).display
        await press(app, pilot, "ctrl+s")
        assert app.screen is form and app.screen.focused is form.query_one("#birthday")
        form.query_one("#birthday", Input).value = ""
        await press(app, pilot, *"25 Nov 1990")
        form.query_one("#dates", TextArea).text = "moved to Leeds: 3 Jun 2011\n[bold]mum[/]: 27/11"
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, PersonScreen)
        assert "Moved to Leeds 3 Jun 2011 · Birthday 25 Nov 1990 · [bold]mum[/] 27 Nov" in (
            screen_text(app)
        )
        await press(app, pilot, "e")
        form = app.screen
        assert isinstance(form, PersonForm)
        assert form.query_one("#birthday", Input).value == "25 Nov 1990"
        dates = form.query_one("#dates", TextArea)
        assert dates.text == "moved to Leeds: 3 Jun 2011\n[bold]mum[/]: 27 Nov"
        dates.text = "[bold]mum[/]: 27 Nov"  # Leeds taken away
        await press(app, pilot, "ctrl+s")
        literal_toasts(app)
    with sqlite_db.session() as s:
        kept = [
            (d.label, d.month, d.day, d.year) for d in people.list_dates(session=s, person_id=ana)
        ]
    assert kept == [("birthday", 11, 25, 1990), ("[bold]mum[/]", 11, 27, None)]


async def test_today_offers_a_tiny_step_for_a_date_this_week(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        ana = people.create_person(
            session=s, data={"name": "Ana"}, dates=[{"label": "birthday", "month": 11, "day": 25}]
        ).id
        people.create_person(  # beyond the week: not shown
            session=s, data={"name": "Bo"}, dates=[{"label": "birthday", "month": 12, "day": 3}]
        )
        # A step days ahead, coming up: Enter on Today asked how it had gone.
        steps.create_step(session=s, data={
            "person_id": ana, "action": "call Ana", "due_at": local("2026-11-27T18:00")})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        shown = screen_text(app)
        assert "Dates this week" in shown
        dates = app.screen.query_one("#dates", DataTable)
        assert [str(cell) for cell in dates.get_row_at(0)][:2] == [
            "Wed 25 Nov",  # a column of its own: at 80 columns "in 2 days" was cut
            "Ana — birthday",
        ]
        assert "send Ana a birthday message" in shown and "Bo" not in shown
        # No step yet: the dates have the focus, so Enter plans straight away.
        assert app.screen.query_one("#dates", DataTable).has_focus
        await press(app, pilot, "enter")
        assert wizard(app).page == "when"
        await press(app, pilot, "escape", "escape")
        await focus_table(app, pilot, "dates")
        await press(app, pilot, "s")
        assert wizard(app).page == "when"  # who and what are given: only when is asked
        assert "With Ana" in screen_text(app)
        await finish_wizard(app, pilot, "wed 9am")
        assert said(app, "send Ana a birthday message")
        await press(app, pilot, "t")
        # Planned for the day: the date says so, instead of offering it again.
        dates = app.screen.query_one("#dates", DataTable)
        assert [str(cell) for cell in dates.get_row_at(0)] == [
            "Wed 25 Nov",
            "Ana — birthday",
            "planned: send Ana a birthday message",
        ]
    with sqlite_db.session() as s:
        [step] = [st for st in steps.list_steps(session=s) if st.action != "call Ana"]
    assert (step.person_id, step.action, step.channel) == (ana, "send Ana a birthday message",
                                                           "text")  # fmt: skip
    # Done: the date says so (it offered the birthday message again).
    with sqlite_db.write() as s:
        steps.record_outcome(session=s, step_id=step.id, outcome={"status": "done"})
    again = make_app(sqlite_db)
    async with again.run_test(size=SIZE) as pilot:
        await settle(again, pilot)
        dates = again.screen.query_one("#dates", DataTable)
        assert str(dates.get_row_at(0)[2]) == "done: send Ana a birthday message"


async def test_a_draft_begun_from_a_date_this_week_comes_back_from_that_date(
    sqlite_db: Database,
) -> None:
    """A birthday step's words changed, then left as a draft: it came back when the wizard
    was opened on Ana from the Map, but not from the date where it was begun."""
    with sqlite_db.write() as s:
        people.create_person(
            session=s, data={"name": "Ana"}, dates=[{"label": "birthday", "month": 11, "day": 25}]
        )
    own_words = "send Ana a voice note for her birthday"
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await focus_table(app, pilot, "dates")
        await press(app, pilot, "s")
        wizard(app).query_one("#words", Input).value = own_words
        await press(app, pilot, *"wed 9am")
        for _ in range(3):
            if isinstance(app.screen, PlanWizard):
                await press(app, pilot, "escape")
        assert said(app, "Kept as a draft")
        await focus_table(app, pilot, "dates")
        await press(app, pilot, "s")
        typed = [wizard(app).query_one(f"#{key}", Input).value for key in ("words", "when")]
        assert typed == [own_words, "wed 9am"]
        assert "Picked up where you left off" in screen_text(app)


async def test_a_date_already_seen_to_opens_the_usual_wizard(sqlite_db: Database) -> None:
    """Ana's birthday step planned already ('planned: send Ana a birth…'): after a restart,
    with no step today the cursor is on that date, and `s` opened the wizard at When with
    the same step filled in again; Escape closed it, with no way back to Who. `s` (and
    Enter) there open the wizard at Who, as `s` does elsewhere."""
    with sqlite_db.write() as s:
        ana = people.create_person(
            session=s, data={"name": "Ana"}, dates=[{"label": "birthday", "month": 11, "day": 25}]
        ).id
        steps.create_step(session=s, data={"person_id": ana, "action": "send Ana a birthday message",
                                           "due_at": local("2026-11-25T09:00")})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        dates = app.screen.query_one("#dates", DataTable)
        assert dates.has_focus
        assert str(dates.get_row_at(0)[2]) == "planned: send Ana a birthday message"
        for key in ("s", "enter"):
            await press(app, pilot, key)
            assert wizard(app).page == "who", key
            await press(app, pilot, "escape")
            assert isinstance(app.screen, TodayScreen), key


async def test_a_step_due_today_takes_the_cursor_from_the_dates(sqlite_db: Database) -> None:
    """The dates had the cursor (nothing was due); a step for today planned elsewhere: back
    on Today, Enter is about that step, not the birthday's tiny step."""
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Bo"},
                             dates=[{"label": "birthday", "month": 11, "day": 24}])  # fmt: skip
        maria = people.create_person(session=s, data={"name": "Maria"}).id
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.screen.query_one("#dates", DataTable).has_focus
        with sqlite_db.write() as s:
            steps.create_step(session=s, data={"person_id": maria, "action": "call Maria",
                                               "due_at": clock.now() + timedelta(minutes=30)})  # fmt: skip
        await press(app, pilot, "m")
        await press(app, pilot, "t")
        assert app.screen.query_one("#due", DataTable).has_focus
        await press(app, pilot, "enter")
        assert "call Maria" in screen_text(app)  # how it went, for the step


async def test_a_dates_tiny_step_calls_them_what_the_wizard_does(sqlite_db: Database) -> None:
    """Maria Costa, called Mimi: Today's step for her birthday says Mimi, as the wizard's
    steps do; Ana Silva, whose nickname is only her initial, keeps her name."""
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Maria Costa", "nickname": "Mimi"},
                             dates=[{"label": "birthday", "month": 11, "day": 25}])  # fmt: skip
        people.create_person(session=s, data={"name": "Ana Silva", "nickname": "A"},
                             dates=[{"label": "birthday", "month": 11, "day": 26}])  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        shown = screen_text(app)
        assert "send Mimi a birthday message" in shown
        assert "send Ana Silva a birthday message" in shown
        await press(app, pilot, "enter")  # plan the first: Mimi's
        await finish_wizard(app, pilot, "wed 9am")
    with sqlite_db.session() as s:
        assert [st.action for st in steps.list_steps(session=s)] == ["send Mimi a birthday message"]


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("moved to Leeds: 3 Jun 2011", ("moved to Leeds", 6, 3, 2011)),
        ("note: moved: 3 Jun 2011", ("note: moved", 6, 3, 2011)),  # a colon in the name
        ("first met: 3 Jun", ("first met", 6, 3, None)),
        # the last colon was a time's: it was 'time: 10' on 3 Jun 2030
        ("time: 10:30 3 Jun", ("time", 6, 3, None)),
    ],
)
def test_another_date_is_what_a_colon_then_the_day(typed: str, read: tuple[object, ...]) -> None:
    [found] = read_dates("", typed)
    assert (found["label"], found["month"], found["day"], found["year"]) == read


def test_a_time_typed_as_a_day_is_explained_as_typed() -> None:
    """The colon in 25:00 is not where the name ends: the note is about the whole day
    typed (it said "'00' is not a day on the calendar")."""
    with pytest.raises(InvalidInput, match=r"^Line 2: .*'yesterday 25:00'"):
        read_dates("", "moved: 3 Jun 2011\nfirst met: yesterday 25:00")


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        (
            "\u200b\u200d: 3 Jun",
            "Line 3: a date's name is only invisible characters; type something you",
        ),
        (f"{'x' * 101}: 3 Jun", "Line 3: a date's name can be at most 100 characters."),
    ],
)
def test_a_dates_name_that_cant_be_kept_is_said_by_its_line(typed: str, said: str) -> None:
    """nu271: with a birthday above, the third line's invisible name was "Date 4: Label is
    only invisible characters; type a name you can see" (the birthday counted)."""
    with pytest.raises(InvalidInput, match=f"^{re.escape(said)}"):
        read_dates("1 Jan", f"moved: 3 Jun 2011\nfirst met: 2 May\n{typed}")


# --------------------------------------------------------------------------- cues and backups


@pytest.mark.parametrize(("key", "offered"), [("l", False), ("w", True)])
async def test_a_backup_for_no_answer_is_not_offered_after_a_not_now(
    sqlite_db: Database, key: str, offered: bool
) -> None:
    """ "if she doesn't answer, I'll call her on Tuesday evening" was offered, one ctrl+s
    away, after she said not now: she had answered (nu179). After no reply it still is."""
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        steps.create_step(
            session=s,
            data={"person_id": ana, "action": "send Ana a short message",
                  "due_at": local("2026-11-23T19:00"),
                  "backup": "if she doesn't answer, I'll call her on Tuesday evening"},
        )  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, key)
        form = app.screen
        assert isinstance(form, OutcomeForm)
        assert bool(form.query("#follow_up")) is offered
        assert ("Your own backup plan" in screen_text(app)) is offered


async def test_today_shows_a_steps_cue_and_offers_its_own_backup_after_a_decline(
    sqlite_db: Database,
) -> None:
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        step = steps.create_step(
            session=s,
            data={"person_id": ana, "action": "send Ana a short message",
                  "due_at": local("2026-11-23T21:00"), "cue": "when I finish the dishes",
                  "backup": "if she says not now, I'll ask about Sunday instead"},
        )  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        due = app.screen.query_one("#due", DataTable)
        assert str(due.get_row_at(0)[3]) == ("When I finish the dishes: send Ana a short message")
        await press(app, pilot, "l")  # declined
        form = app.screen
        assert isinstance(form, OutcomeForm)
        text = screen_text(app)
        assert "Your own backup plan: if she says not now, I'll ask about Sunday instead" in text
        assert form.query_one("#follow_up", Input).value == "ask about Sunday instead"
        assert form.focused is form.query_one("#follow_up", Input)  # first; ctrl+s plans it
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, TodayScreen)
        assert said(app, "Next: Thu 26 Nov, 21:00 — ask about Sunday instead")
    with sqlite_db.session() as s:
        [follow] = steps.list_steps(session=s, upcoming=True)
    assert (follow.action, follow.person_id, follow.previous_id) == (
        "ask about Sunday instead", ana, step.id)  # fmt: skip
    assert (follow.cue, follow.backup) == ("", "")


def ana_with_a_backup(db: Database, due: str, backup: str) -> None:
    """Ana, and a step with her at *due* with its own *backup*."""
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        steps.create_step(
            session=s,
            data={"person_id": ana, "action": "send Ana a short message", "due_at": local(due),
                  "backup": backup},
        )  # fmt: skip


async def no_reply_yet(app: PlannerApp, pilot: Any) -> OutcomeForm:
    """`w` on Today's first step: its outcome form."""
    await settle(app, pilot)
    await press(app, pilot, "w")
    form = app.screen
    assert isinstance(form, OutcomeForm)
    return form


async def test_a_backup_on_a_day_of_its_own_is_offered_for_that_day(sqlite_db: Database) -> None:
    """The README's backup, after no reply: planned on the Sunday it names (it was the
    default three days later, a Thursday, with "on Sunday" in its words)."""
    ana_with_a_backup(
        sqlite_db, "2026-11-23T21:00", "if she doesn't answer, I'll send a voice note on Sunday"
    )
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        form = await no_reply_yet(app, pilot)
        new_time = form.query_one("#new_time", Input)
        assert new_time.value == "2026-11-29 21:00"
        # Other words, another day: the time follows them…
        follow_up = form.query_one("#follow_up", Input)
        follow_up.value = "call her next friday"
        await press(app, pilot)
        assert new_time.value == "2026-11-27 21:00"
        # …unless the time was changed by hand.
        new_time.value = "sat 10am"
        follow_up.value = "a voice note on Sunday"
        await press(app, pilot)
        assert new_time.value == "sat 10am"
        new_time.value = "2026-11-29 21:00"
        follow_up.value = "send a voice note on Sunday"
        await press(app, pilot, "ctrl+s")
        # A follow-up, as the words say: no reply to it offers no third nudge (nu274)
        assert said(app, "Next: Sun 29 Nov, 21:00 — gently follow up: send a voice note on Sunday")


# --------------------------------------------------------------------------- places and people


async def test_the_wizard_adds_someone_new_by_name_on_its_who_page(sqlite_db: Database) -> None:
    name = HOSTILE[0]  # "[bold]Bob": shown as typed, never styled
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "s", *name)
        who = wizard(app).query_one("#who-list", OptionList)
        assert who.highlighted_option is not None and who.highlighted_option.id == "new"
        assert f"+ someone new: {name}" in str(who.highlighted_option.prompt)
        await press(app, pilot, "enter", "enter")  # someone new; the first small action
        await press(app, pilot, *"tomorrow 6pm", "enter", "enter", "enter")
        assert f"{name} is new here" in screen_text(app)
        await press(app, pilot, "enter")
        literal_toasts(app)
    with sqlite_db.session() as s:
        [person] = people.list_people(session=s)
        [step] = steps.list_steps(session=s)
    assert person.name == name and step.person_id == person.id
    assert step.action == f"send {name} a short message"


async def test_someone_added_elsewhere_while_the_wizard_would_add_them_is_not_added_twice(
    sqlite_db: Database,
) -> None:
    """Mo added from the command line while the wizard's card said "Mo is new here": saving
    added a second Mo. Now the wizard says so on its Who page, where Enter takes that Mo."""
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "s", *"Mo", "enter", "enter", *"tomorrow 6pm", "enter")
        so_far = wizard(app).query_one("#chosen-so-far", Static)  # past When: when, too
        assert str(so_far.render()).endswith("send Mo a short message · Tue 24 Nov, 18:00")
        await press(app, pilot, "enter", "enter")
        assert "Mo is new here" in screen_text(app)
        with sqlite_db.write() as s:  # the command line, meanwhile
            mo = people.create_person(session=s, data={"name": "Mo"}).id
        await press(app, pilot, "enter")
        assert isinstance(app.screen, PlanWizard) and app.screen.page == "who"
        assert f"Someone called Mo was added to your map while you planned this (#{mo})" in (
            screen_text(app)
        )
        who = wizard(app).query_one("#who-list", OptionList)
        assert who.highlighted_option is not None and who.highlighted_option.id == str(mo)
        await press(app, pilot, "enter", "ctrl+s")
        literal_toasts(app)
    with sqlite_db.session() as s:
        assert [p.id for p in people.list_people(session=s)] == [mo]
        [step] = steps.list_steps(session=s)
    assert step.person_id == mo and step.action == "send Mo a short message"


async def test_enter_on_the_who_page_takes_a_name_the_typing_begins_else_someone_new(
    sqlite_db: Database,
) -> None:
    """The README's own "+ someone new: Mo": Mo fits Maria Costa's letters in order, so she
    was listed first and Enter planned with her."""
    with sqlite_db.write() as s:
        maria = people.create_person(session=s, data={"name": "Maria Costa"}).id
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "s", *"Mo")
        who = wizard(app).query_one("#who-list", OptionList)
        listed = [who.get_option_at_index(i).id for i in range(who.option_count)]
        assert listed == [str(maria), "new"]  # she is still there, one key up
        assert who.highlighted_option is not None and who.highlighted_option.id == "new"
        for begun in ("cos", "Mar", "maria c"):  # her name's start, or a word's
            wizard(app).query_one("#find", Input).value = begun
            await settle(app, pilot)
            assert who.highlighted_option is not None, begun
            assert who.highlighted_option.id == str(maria), begun
        # A slip (not her letters in order) still lists her above someone new.
        wizard(app).query_one("#find", Input).value = "Maira"
        await settle(app, pilot)
        listed = [who.get_option_at_index(i).id for i in range(who.option_count)]
        assert listed == [str(maria), "new"]
        wizard(app).query_one("#find", Input).value = "Mo"
        await press(app, pilot, "enter")
        assert wizard(app).new_name == "Mo" and wizard(app).person is None


async def test_a_name_that_cannot_be_someones_is_said_on_the_who_page_not_offered(
    sqlite_db: Database,
) -> None:
    """'#5' names the person numbered 5 on the command line, so no one new may be called
    it: the Who page offered '+ someone new: #5', and the step then failed to save."""
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "s", *"#5")
        who = wizard(app).query_one("#who-list", OptionList)
        listed = [who.get_option_at_index(i) for i in range(who.option_count)]
        assert [(o.id, o.disabled) for o in listed] == [("refused", True)]
        assert str(listed[0].prompt).startswith("Name can't be #5: on the command line")
        await press(app, pilot, "enter")  # nothing to take: the page stays, and says why
        assert wizard(app).new_name == "" and wizard(app).query_one("#find").display
        said = str(wizard(app).query_one("#person-problem", Problem).render())
        assert said.startswith("Name can't be #5: on the command line")
        await press(app, pilot, "backspace", *"5 Oak")
        listed = [who.get_option_at_index(i) for i in range(who.option_count)]
        assert [o.id for o in listed] == ["new"]
        assert "+ someone new: #5 Oak" in str(listed[0].prompt)
    with sqlite_db.session() as s:
        assert people.list_people(session=s) == []


async def test_a_step_toward_a_part_of_life_from_the_who_page(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        wall = people.create_context(session=s, data={"name": "Climbing wall"}).id
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "s", *"climbing")
        who = wizard(app).query_one("#who-list", OptionList)
        assert who.highlighted_option is not None and who.highlighted_option.id == f"c{wall}"
        await press(app, pilot, "enter")
        what = wizard(app).query_one("#what-list", OptionList)
        offered = [str(what.get_option_at_index(i).prompt) for i in range(what.option_count)]
        assert "  say hello to one person at Climbing wall  (in person)" in offered
        assert not any("a short message" in line for line in offered)  # not for a person
        await press(app, pilot, "enter", *"tomorrow 6pm", "enter")
        # No one at a place appreciates it, nor is glad to be thought of (it asked, and said).
        assert not wizard(app).query_one("#appreciation").display
        await press(app, pilot, "enter", "enter")
        assert wizard(app).page == "card"
        said_there = str(wizard(app).query_one("#encouragement").render())
        assert said_there in words.PLACE_ENCOURAGEMENTS, said_there
        await press(app, pilot, "enter")
        assert said(app, "say hello to one person at Climbing wall")
        await press(app, pilot, "p")
        assert "Climbing wall" in screen_text(app)
    with sqlite_db.session() as s:
        [step] = steps.list_steps(session=s)
    assert (step.person_id, step.context_id) == (None, wall)


async def test_an_idea_from_the_gaps_becomes_a_step_and_its_outcome_adds_who_was_met(
    sqlite_db: Database,
) -> None:
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "m", "4")
        # No one past their rhythm: the ideas have the keys at once (s opened the wizard
        # for anyone, and ↓ scrolled the page, until Tab reached them).
        ideas = app.screen.query_one("#ideas-table", DataTable)
        assert ideas.has_focus
        idea = str(ideas.get_row_at(0)[0])
        await press(app, pilot, "s")  # one key: the idea as a step, asking only when
        assert wizard(app).page == "when"
        planned = wizard(app).query_one("#words", Input).value
        assert planned.startswith("try ") and planned[4:].lower() in idea.lower()
        assert "Toward somewhere new" in screen_text(app)
        await finish_wizard(app, pilot, "in 10 minutes")
        await press(app, pilot, "t")
        row = [str(c) for c in app.screen.query_one("#due", DataTable).get_row_at(0)]
        assert [row[1], row[3]] == ["somewhere new", planned]  # the mark column between
        await press(app, pilot, "d")  # done: who was there?
        form = app.screen
        assert isinstance(form, OutcomeForm)
        # Nothing asks how *they* took it, or who reached out: no one was asked anything.
        asked = screen_text(app)
        assert "seem to take it" not in asked and "I reached out" not in asked, asked
        assert not form.query("#responded") and not form.query("#response")
        form.query_one("#when", Input).value = "in 20 minutes"  # not yet: kept open
        form.query_one("#met", Input).value = f"Jo, {HOSTILE[2]}, "
        form.query_one("#place", Input).value = "Repair café"
        await press(app, pilot, "ctrl+s")
        assert app.screen is form
        form.query_one("#when", Input).value = "now"
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, TodayScreen)
        literal_toasts(app)
    with sqlite_db.session() as s:
        met = {p.name: p.contexts for p in people.list_people(session=s)}
        [contact] = people.list_interactions(session=s)
    assert met == {"Jo": ["Repair café"], HOSTILE[2]: ["Repair café"]}
    assert contact.context == "Repair café"


async def test_a_small_moment_is_logged_in_a_part_of_life_with_no_one(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        street = people.create_context(session=s, data={"name": HOSTILE[1]}).id
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "m", "3", "l")  # on the Contexts tab: logged there
        form = app.screen
        assert isinstance(form, InteractionForm)
        assert "Leave this empty and choose the part of life" in screen_text(app)
        await press(app, pilot, *"a chat at the bakery")  # the people box: no one
        form.query_one("#note", TextArea).text = "a familiar face at the bakery"
        form.query_one("#who", Input).value = ""
        await press(app, pilot, "ctrl+s")
        assert not isinstance(app.screen, InteractionForm)
        assert said(app, f"Kept as a small moment at {HOSTILE[1]}.")
        literal_toasts(app)
    with sqlite_db.session() as s:
        [moment] = people.list_interactions(session=s)
    assert (moment.people, moment.context_id) == ([], street)


async def test_a_contact_with_no_one_and_nowhere_is_refused_with_a_note(
    sqlite_db: Database,
) -> None:
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "m", "l", "ctrl+s")
        assert isinstance(app.screen, InteractionForm)
        assert "or, for a small moment" in screen_text(app)


async def test_a_refusal_made_before_the_form_read_its_draft_stays_on_screen(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a machine loaded many times over, a held ctrl+s can reach the form before its
    draft (keys wait HOLD_LIMIT at most): the refusal it earns is not wiped when the draft
    arrives."""
    from planner_tui.ui import typeahead

    release = hold_choices(monkeypatch, InteractionForm)
    monkeypatch.setattr(typeahead, "HOLD_LIMIT", 0.2)
    refusal = "or, for a small moment"
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("m", "l", "ctrl+s")
        deadline = time.monotonic() + 60
        while refusal not in screen_text(app) and time.monotonic() < deadline:
            await pilot.pause(0.05)
        assert isinstance(app.screen, InteractionForm) and not app.screen.ready
        release.set()
        await settle(app, pilot)
        assert app.screen.ready and refusal in screen_text(app)


# --------------------------------------------------------------------------- on this day


async def test_on_this_day_shows_a_warm_moment_and_o_turns_it_off_and_on(
    sqlite_db: Database,
) -> None:
    with sqlite_db.write() as s:
        journal.save_entry(
            session=s, data={"day": date(2025, 11, 23), "warmth_note": HOSTILE[3], "mood": 4}
        )
        journal.save_entry(  # a sad day is never the one shown
            session=s, data={"day": date(2024, 11, 23), "warmth_note": "a walk", "mood": 1}
        )
    warm = f"A year ago today (Sun 23 Nov 2025), what brought warmth: {HOSTILE[3]}"
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert warm in screen_text(app) and "a walk" not in screen_text(app)
        await press(app, pilot, "o")
        assert warm not in screen_text(app) and said(app, "On this day is off")
        assert words.ON_THIS_DAY_HIDDEN in screen_text(app)  # where it was: how to bring it back
        with sqlite_db.session() as s:
            assert drafts.get_setting(session=s, key=moments.ON_THIS_DAY_KEY) is False
    again = make_app(sqlite_db)  # kept, like the theme
    async with again.run_test(size=SIZE) as pilot:
        await settle(again, pilot)
        assert "A year ago today" not in screen_text(again)
        assert words.ON_THIS_DAY_HIDDEN in screen_text(again)  # after the toast has gone too
        await press(again, pilot, "o")
        assert warm in screen_text(again) and words.ON_THIS_DAY_HIDDEN not in screen_text(again)
        literal_toasts(again)


async def test_who_was_met_links_people_by_the_name_rule_and_asks_when_it_could_be_two(
    sqlite_db: Database,
) -> None:
    with sqlite_db.write() as s:
        gym = people.create_context(session=s, data={"name": "Climbing gym"}).id
        for name in ("Maria Costa", "Maria Silva"):
            people.create_person(session=s, data={"name": name})
        steps.create_step(session=s, data={"context_id": gym, "action": "go climbing",
                                           "due_at": local("2026-11-23T19:00")})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "d")
        form = app.screen
        assert isinstance(form, OutcomeForm)
        form.query_one("#met", Input).value = "Maria"
        await press(app, pilot, "ctrl+s")
        assert app.screen is form  # two people could be meant: it asks, and saves nothing
        note = str(form.query_one("#form-problem").render())
        assert "Maria Costa" in note and "Maria Silva" in note
        assert form.query_one("#met", Input).value == "Maria"
        form.query_one("#met", Input).value = "costa, Jo"
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, TodayScreen)
        literal_toasts(app)
    with sqlite_db.session() as s:
        met = {p.name: p.contexts for p in people.list_people(session=s)}
    assert met == {"Maria Costa": ["Climbing gym"], "Maria Silva": [], "Jo": ["Climbing gym"]}


async def test_a_check_in_from_centuries_ago_leaves_today_as_it_was(sqlite_db: Database) -> None:
    """A journal day in year 1 or 202 makes two thousand earlier years to look at: once one
    condition each, past what SQLite parses ("Expression tree is too large"), and Today
    said the database had a problem every time it opened."""
    with sqlite_db.write() as s:
        for day in (date(1, 1, 1), date(202, 11, 20)):
            journal.save_entry(session=s, data={"day": day, "body": "old"})
        journal.save_entry(
            session=s, data={"day": date(2025, 11, 23), "warmth_note": "soup with Bo", "mood": 4}
        )
        people.log_interaction(  # a warm contact long ago is found too
            session=s,
            data={
                "person_ids": [people.create_person(session=s, data={"name": "Bo"}).id],
                "occurred_at": local("1026-11-23T12:00"),
                "warmth": 5,
            },
        )
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        shown = screen_text(app)
        assert isinstance(app.screen, TodayScreen)
        assert "1,000 years ago today (Thu 23 Nov 1026), a warm time with Bo" in shown
        assert "problem" not in shown and not any(
            "problem" in str(toast.message) for toast in app._notifications
        )
    years = daily.earlier_days(date(2026, 11, 23), date(1, 1, 1))[0]
    found = daily.read_file(sqlite_db.location.sqlite_path, lambda c: daily.warm_on(c, years))
    assert found is not None
    assert [m.day for m in found] == [date(2025, 11, 23), date(1026, 11, 23)]


async def test_a_not_now_toward_a_place_is_not_titled_as_something_someone_said(
    sqlite_db: Database,
) -> None:
    """`l` on a step toward a place was titled "They said not now": no one did. And `w`
    on one still to come asked "Reached out already?" before saying no one can reply."""
    with sqlite_db.write() as s:
        choir = people.create_context(session=s, data={"name": "Choir"}).id
        steps.create_step(session=s, data={
            "context_id": choir, "action": "go to choir", "due_at": clock.now() + timedelta(days=2)})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "p", "enter")  # which outcome: no reply isn't offered (nu132)
        assert isinstance(app.screen, Choice) and "How did it go?" in screen_text(app)
        offered = [str(button.label) for button in app.screen.query(Button)]
        assert "l · Not this time" in offered and "w · No reply yet" not in offered
        await press(app, pilot, "escape", "w")  # no reply: no one there to give one
        assert not isinstance(app.screen, OutcomeForm)
        assert said(app, words.NO_REPLY_TO_A_PLACE)
        app._notifications.clear()
        await press(app, pilot, "k", "ctrl+s")  # skipped, then changed to no reply: said at once
        app.screen.query_one("#past", DataTable).focus()
        await press(app, pilot, "enter", "w")
        assert not isinstance(app.screen, OutcomeForm), app.screen
        assert said(app, words.NO_REPLY_TO_A_PLACE)
        await press(app, pilot, "enter", "l")
        assert isinstance(app.screen, OutcomeForm)
        shown = screen_text(app)
        assert "Not this time" in shown and "They said" not in shown, shown
        assert "Another time to go?" in shown and "Offer" not in shown  # no one to offer it
        # No one said it, and no one was reached out to: not "not about you", "brave part".
        assert words.NOT_THIS_TIME in shown and words.DECLINE_REFRAME not in shown
        await press(app, pilot, "ctrl+s")
        assert said(app, "Noted: not this time.")
        assert not said(app, "Timing, not you")
        await settle(app, pilot)  # and *How earlier steps went* calls it so (nu228: "not now")
        past = app.screen.query_one("#past", DataTable)
        assert [str(cell) for cell in past.get_row_at(0)][2] == "not this time"


async def test_a_long_cue_leaves_room_for_the_step_on_today(sqlite_db: Database) -> None:
    """A cue of 1,200 characters filled Today's line: the step itself never showed. A cue
    beginning "iPhone" was shown "IPhone"; and the command line took a cue of any length."""
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        for cue, due in (("when I " + "x" * 993, "2026-11-23T21:00"),
                         ("iPhone alarm goes", "2026-11-23T22:00")):  # fmt: skip
            steps.create_step(
                session=s,
                data={"person_id": ana, "action": "[b]wave[/b] at Ana", "due_at": local(due),
                      "cue": cue},
            )  # fmt: skip
        with pytest.raises(
            InvalidInput, match="The cue is 1,001 characters long; it can be at most 1,000"
        ):
            steps.create_step(
                session=s,
                data={"person_id": ana, "action": "wave", "due_at": local(due), "cue": "x" * 1001},
            )
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        rows = [line.rstrip() for line in on_screen(app) if "Ana  " in line]
        assert len(rows) == 2, on_screen(app)
        assert "When I xxxxxxxx" in rows[0] and rows[0].endswith("x…: [b]wave[/b] at Ana")
        assert rows[1].endswith("iPhone alarm goes: [b]wave[/b] at Ana")


async def test_a_backup_for_the_next_evening_is_offered_then_without_those_words(
    sqlite_db: Database,
) -> None:
    """ "a voice note the next evening", planned on that next evening, still said "the next
    evening" there: a day later than it was."""
    ana_with_a_backup(
        sqlite_db, "2026-11-23T19:30", "if she doesn't answer, a voice note the next evening"
    )
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        form = await no_reply_yet(app, pilot)
        assert form.query_one("#follow_up", Input).value == "a voice note"
        offered = form.query_one("#new_time", Input).value
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, TodayScreen), offered
    with sqlite_db.session() as s:
        [follow] = steps.list_steps(session=s, upcoming=True)
    assert follow.action == "gently follow up: a voice note"
    assert f"{clock.to_local(follow.due_at):%Y-%m-%d %H:%M}" == "2026-11-24 19:00", offered


async def test_a_step_key_on_todays_list_of_people_acts_on_no_step_unseen(
    sqlite_db: Database,
) -> None:
    """Tab to *People you might like to reach*, cursor on Ben: `l` and `e` opened the step
    with Lea from the list above, out of the cursor's way (nu133). They say to choose a
    step instead; `s` there plans one with Ben, as before."""
    with sqlite_db.write() as s:
        lea = people.create_person(session=s, data={"name": "Lea"}).id
        ben = people.create_person(session=s, data={"name": "Ben", "cadence_days": 7}).id
        people.log_interaction(session=s, data={  # a month ago: past his rhythm
            "person_ids": [ben], "occurred_at": clock.now() - timedelta(days=30)})  # fmt: skip
        steps.create_step(session=s, data={
            "person_id": lea, "action": "call Lea", "due_at": clock.now() - timedelta(hours=1)})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        assert "Ben" in screen_text(app) and "call Lea" in screen_text(app)
        app.screen.query_one("#drifting", DataTable).focus()
        for key in ("l", "e"):
            await press(app, pilot, key)
            assert isinstance(app.screen, TodayScreen), (key, app.screen)
            assert said(app, words.CHOOSE_A_STEP)
            app._notifications.clear()
        await press(app, pilot, "s")
        assert isinstance(app.screen, PlanWizard) and "With Ben" in screen_text(app)


async def test_enter_on_someone_you_might_reach_plans_a_step_with_them(
    sqlite_db: Database,
) -> None:
    """Enter on a row of 'People you might like to reach' did nothing, and the words typed
    next for the wizard ran as Today's keys (`o`, `n`, then into an intention, nu280). It
    opens the wizard with them, as `s` there does."""
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana", "cadence_days": 7}).id
        people.log_interaction(
            session=s, data={"occurred_at": clock.now() - timedelta(days=30), "person_ids": [ana]}
        )
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await focus_table(app, pilot, "drifting")
        await press(app, pilot, "enter")
        assert wizard(app).page == "what" and wizard(app).person is not None
        assert wizard(app).person.id == ana
        await press(app, pilot, *"tonight")  # words for the wizard stay in it
        assert wizard(app).query_one("#own", Input).value == "tonight"
