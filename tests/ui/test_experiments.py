"""Small experiments through Pilot: started from the Review with x (the form's notes, a
hostile name kept as typed and shown as text), ended with x again, and the Review showing
the same figures before and during, side by side — or saying there is too little to tell."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from textual.widgets import Button, Input
from textual.widgets._footer import FooterKey

from planner_tui.db.engine import Database
from planner_tui.errors import InvalidInput
from planner_tui.services import experiments, journal
from planner_tui.ui.forms.base import FormScreen, Problem
from planner_tui.ui.forms.experiment import EndExperimentForm, ExperimentForm
from planner_tui.ui.screens.review import ReviewScreen

from ..hostile import TEXT, one_clear_line, stored_data
from .test_app import SIZE, make_app, press, screen_text, settle
from .test_fit_narrow import on_screen


def fill(form: FormScreen[object], **values: str) -> None:
    for field, value in values.items():
        form.query_one(f"#{field}", Input).value = value


async def test_starting_and_ending_an_experiment_from_the_review(sqlite_db: Database) -> None:
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await press(app, pilot, "r")
        assert "No small experiment ran this month" in screen_text(app)
        await press(app, pilot, "x")
        form = app.screen
        assert isinstance(form, ExperimentForm)
        # Issue 16: nothing typed yet, nothing noted; leaving a field empty notes it.
        await settle(app, pilot)
        assert "A few words to name it" not in screen_text(app)
        assert "A #tag, or the words" not in screen_text(app)
        await press(app, pilot, "tab")
        assert "A few words to name it, please." in screen_text(app)
        assert "A #tag, or the words" not in screen_text(app)
        # The weeks box holds the app's suggestion: Tab selects it, so a digit replaces it.
        await press(app, pilot, "tab", "5")
        assert form.query_one("#weeks", Input).value == "5"  # it was "45"
        fill(form, weeks="9")
        await press(app, pilot, "ctrl+s")  # said kindly, nothing saved
        assert "A #tag, or the words of a step that repeats." in screen_text(app)
        shown = screen_text(app)
        assert "A few words to name it, please." in shown
        assert "A number of weeks from 2 to 6, please." in shown
        fill(form, name="[bold]a walk[/] every Thursday", tied="#walk", weeks="3")
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, ReviewScreen)
        # Brought into view, with the focus (it stayed where the page was, nu127).
        assert app.screen.focused_figure() is app.screen.query_one("#figure-experiments")
        assert any("a walk[/] every Thursday" in line for line in on_screen(app))
        shown = screen_text(app)
        assert (
            "[bold]a walk[/] every Thursday — tied to #walk; 23 Nov to 13 Dec 2026, running."
            in shown
        )
        assert "Too little to tell yet." in shown
        await press(app, pilot, "x")  # while one runs, x offers to end it
        assert isinstance(app.screen, EndExperimentForm)
        assert "Running since 23 Nov, planned to 13 Dec 2026." in screen_text(app)
        # Its answers say what they do (they were Save and Close)
        buttons = [str(b.label) for b in app.screen.query(Button)]
        assert buttons == ["End it  ctrl+s", "Keep it going  esc"]
        footer = [f"{k.key_display} {k.description}" for k in app.screen.query(FooterKey)]
        assert "^s End it" in footer and "esc Keep it going" in footer, footer
        assert not any("Discard" in key for key in footer), footer  # nothing typed to discard
        # A question: the answer that changes nothing first, and ← → between the answers
        # (only Tab moved, and Enter ended it).
        assert "← → Answers" in footer, footer
        assert app.focused is not None and app.focused.id == "close"
        assert [b.variant for b in app.screen.query(Button)] == ["default", "primary"]
        await press(app, pilot, "left", "left")  # no further than the first
        assert app.focused.id == "save"
        await press(app, pilot, "right", "right")  # nor round again, to "End it"
        assert app.focused.id == "close"
        await press(app, pilot, "enter")  # keeps it going
        assert isinstance(app.screen, ReviewScreen) and "running" in screen_text(app)
        await press(app, pilot, "x")
        await press(app, pilot, "escape")  # keeps it going
        assert isinstance(app.screen, ReviewScreen) and "running" in screen_text(app)
        await press(app, pilot, "x")
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, ReviewScreen)
        assert "23 Nov to 13 Dec 2026, ended on 23 Nov." in screen_text(app)
        said = [n.message for n in app._notifications]
        assert said[-1] == "Ended “[bold]a walk[/] every Thursday”.", said  # not "Saved."
        await press(app, pilot, "x")  # none running now: a new one can start
        assert isinstance(app.screen, ExperimentForm)
    with sqlite_db.session() as s:
        [ended] = experiments.list_experiments(session=s)
    assert ended.ended_on == date(2026, 11, 23) and ended.tag == "walk"


async def test_an_experiment_still_to_start_says_so_and_ended_early_never_ran(
    sqlite_db: Database,
) -> None:
    with sqlite_db.write() as s:  # the frozen today is 23 Nov
        experiments.start_experiment(
            session=s, data={"name": "a walk", "tag": "walk", "starts": date(2026, 11, 25),
                             "weeks": 2})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "r")
        shown = screen_text(app)
        assert "a walk — tied to #walk; 25 Nov to 8 Dec 2026, starts on 25 Nov." in shown
        assert "running" not in shown.split("a walk — tied")[1]
        await press(app, pilot, "x")
        assert isinstance(app.screen, EndExperimentForm)
        assert "It hasn't started: ending it now keeps it as never run." in screen_text(app)
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, ReviewScreen)
        assert "25 Nov to 8 Dec 2026, never ran." in screen_text(app)


async def test_a_past_start_gives_days_as_examples_and_a_new_tag_a_note(
    sqlite_db: Database,
) -> None:
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await press(app, pilot, "r", "x")
        form = app.screen
        assert isinstance(form, ExperimentForm)
        fill(form, name="walks", tied="#nosuchtag", weeks="2", starts="1 nov")
        await press(app, pilot, "ctrl+s")
        shown = screen_text(app)
        assert isinstance(app.screen, ExperimentForm)
        assert "or 2026-11-30." in shown and "18:00" not in shown  # a start is a day
        fill(form, starts="")
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, ReviewScreen)  # saved: a note, not a refusal
        notes = [n.message for n in app._notifications]
        assert "No entry has #nosuchtag yet; it will count once you use it." in notes
    with sqlite_db.session() as s:
        assert experiments.list_experiments(session=s)[0].tag == "nosuchtag"


async def test_a_step_experiment_that_does_not_match_is_refused_with_a_note(
    sqlite_db: Database,
) -> None:
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "r", "x")
        fill(app.screen, name="walks", tied="walk with Ana", weeks="2")  # type: ignore[arg-type]
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, ExperimentForm)
        assert "No repeating step has these words yet" in screen_text(app)


async def test_the_review_shows_an_experiment_before_and_during_side_by_side(
    sqlite_db: Database,
) -> None:
    starts = date(2026, 11, 9)  # to the frozen 23 November: 15 days; before, 25 Oct – 8 Nov
    with sqlite_db.write() as s:
        for n in range(15):
            journal.save_entry(session=s, data={"day": starts - timedelta(days=15 - n), "mood": 2})
            journal.save_entry(session=s, data={"day": starts + timedelta(days=n), "mood": 4,
                                                "tags": ["walk"] if n in (3, 10) else []})  # fmt: skip
        experiments.start_experiment(
            session=s, data={"name": "a walk every Thursday", "tag": "walk", "starts": starts,
                             "weeks": 4}, today=starts)  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "r")
        shown = screen_text(app)
        assert "During: 9 Nov – 23 Nov 2026 (15 days); before: 25 Oct – 8 Nov 2026" in shown
        experiment = shown.split("a walk every Thursday")[1].split("Wins to celebrate")[0]
        assert "Too little to tell" not in experiment
        assert "2.0 (15 days)\n4.0 (15 days)" in shown  # average mood: before, during
        assert "Days it happened\n0\n2" in shown


async def test_hostile_experiment_names_are_kept_as_typed_or_refused_with_a_note(
    sqlite_db: Database,
) -> None:
    app = make_app(sqlite_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(app, pilot, "r")
        for label, value in TEXT.items():
            await press(app, pilot, "x")
            form = app.screen
            assert isinstance(form, ExperimentForm), label
            # Started and over long ago, so the next one can start.
            fill(form, name=value, tied="#walk", weeks="2", starts="1 january 2026")
            typed = form.query_one("#name", Input).value
            before = stored_data(sqlite_db.location.sqlite_path)
            await press(app, pilot, "ctrl+s")
            if app.screen is form:
                notes = [str(p.render()).strip() for p in form.query(Problem) if p.display]
                assert [n for n in notes if n], label
                for note in (n for n in notes if n):
                    one_clear_line(note, typed=value)
                assert form.query_one("#name", Input).value == typed
                assert stored_data(sqlite_db.location.sqlite_path) == before, label
                await press(app, pilot, "escape")
                continue
            with sqlite_db.session() as s:
                assert experiments.list_experiments(session=s)[0].name == typed.strip(), label
        assert app.is_running


async def test_the_start_reads_back_the_days_it_will_run(sqlite_db: Database) -> None:
    """The start took words ("next mon", "3 dec") with no read-back: what they meant was
    seen only in the Review after saving. Now the days it will run show under it as one
    types, and words that mean no day are said there, before saving."""
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await press(app, pilot, "r", "x")
        form = app.screen
        assert isinstance(form, ExperimentForm)
        await settle(app, pilot)
        assert "→ 23 Nov to 20 Dec 2026" in screen_text(app)  # empty: today, four weeks
        form.query_one("#starts", Input).focus()
        await press(app, pilot, *"next mon")
        assert "→ 30 Nov to 27 Dec 2026" in screen_text(app)
        form.query_one("#weeks", Input).value = "6"
        await settle(app, pilot)
        assert "→ 30 Nov to 10 Jan 2027" in screen_text(app)
        form.query_one("#weeks", Input).value = "60"  # no number of weeks: no end to show
        await settle(app, pilot)
        assert "→ 30 Nov" not in screen_text(app)
        form.query_one("#weeks", Input).value = "2"
        form.query_one("#starts", Input).value = "the day after never"
        await settle(app, pilot)
        below = screen_text(app).split("Starting")[1]
        assert "→" not in below and "I couldn't read" in below
        fill(form, name="walks", tied="#walk", starts="3 dec")
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, ReviewScreen)
    with sqlite_db.session() as s:
        [started] = experiments.list_experiments(session=s)
    assert (started.starts, started.ends) == (date(2026, 12, 3), date(2026, 12, 16))


@pytest.mark.parametrize("tied", ["#[red]walk", "#walk/run", "#wälk!"])
async def test_a_tag_no_entry_could_carry_is_refused_with_a_note(
    sqlite_db: Database, tied: str
) -> None:
    """'#[red]walk' was taken, with a note that it would count once used: no entry's words
    can make that tag, so its days were 0 for good."""
    app = make_app(sqlite_db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await press(app, pilot, "r", "x")
        form = app.screen
        assert isinstance(form, ExperimentForm)
        # With weeks out of range too, both are said at once and the cursor goes to the
        # tag, the first (only the weeks' note showed, and the tag's came after mending it).
        fill(form, name="walks", tied=tied, weeks="9", starts="1 january 2026")
        await press(app, pilot, "ctrl+s")
        assert app.screen is form
        notes = " ".join(str(p.render()) for p in form.query(Problem) if p.display)
        assert "a #tag is letters and digits, with - or _ between" in notes.casefold(), notes
        assert "A number of weeks from 2 to 6" in notes, notes
        assert form.focused is form.query_one("#tied", Input)
        assert form.query_one("#tied", Input).value == tied  # kept, to change
        form.query_one("#weeks", Input).value = "2"
        await press(app, pilot, "ctrl+s")
        notes = " ".join(str(p.render()) for p in form.query(Problem) if p.display)
        assert "a #tag is letters and digits, with - or _ between" in notes.casefold(), notes
    with sqlite_db.session() as s:
        assert experiments.list_experiments(session=s) == []


async def test_a_start_too_near_the_calendars_end_is_a_note_not_a_crash(
    sqlite_db: Database,
) -> None:
    """A start of 25 Dec 9999 closed the app (its end was past the calendar's), and the draft
    it left crashed the form each time it was opened again."""
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await press(app, pilot, "r", "x")
        form = app.screen
        assert isinstance(form, ExperimentForm)
        fill(form, name="walks", tied="#walk", weeks="2")
        form.query_one("#starts", Input).focus()
        await press(app, pilot, *"9999-12-25")
        below = screen_text(app).split("Starting")[1]
        assert "It would run past the end of the calendar (31 Dec 9999)" in below
        await press(app, pilot, "ctrl+s")
        assert app.screen is form and app.is_running
        form.query_one("#starts", Input).value = "0001-01-01"  # its weeks before: none
        await settle(app, pilot)
        below = " ".join(screen_text(app).split("Starting")[1].split())
        assert "too close to the start of the calendar (1 Jan 0001) to compare" in below, below
        await press(app, pilot, "ctrl+s")
        assert app.screen is form
        form.query_one("#starts", Input).value = "9999-12-17"  # its last day is the 30th
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, ReviewScreen)
    with sqlite_db.session() as s:
        [started] = experiments.list_experiments(session=s)
        with pytest.raises(InvalidInput, match="end of the calendar"):
            experiments.start_experiment(
                session=s, data={"name": "b", "tag": "b", "weeks": 6, "starts": date(9999, 12, 1)}
            )
    assert started.ends == date(9999, 12, 30)
