"""At 80×24 on ten years of a sample life (issues 16 and 17, what new users found): what
a view is for stays on the screen — the Contexts strip's legend and this month's name."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from rich.style import Style
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, DataTable, Input, Static
from textual.widgets._footer import FooterKey

from planner_tui import clock, words
from planner_tui.config import Settings
from planner_tui.db.engine import Database
from planner_tui.services import demo, journal, people, steps
from planner_tui.ui.app import PlannerApp
from planner_tui.ui.forms.base import FormScreen
from planner_tui.ui.modals.confirm import Choice
from planner_tui.ui.modals.notice import FirstRunNotice, HelpScreen
from planner_tui.ui.screens.review import ReviewScreen
from planner_tui.ui.widgets.answers import Answers

from .test_app import make_app, press, screen_text, settle
from .test_corrections import said
from .test_fit_narrow import on_screen
from .test_tables import contrast, seen

NARROW = (80, 24)


def demo_years(db: Database, years: float) -> None:
    with db.write() as s:
        demo.generate(session=s, years=years, seed=1)


async def test_today_opens_at_its_top_with_the_date_and_its_list_focused_at_80x24(
    sqlite_db: Database,
) -> None:
    # The list took the focus in the tick it first showed, and Textual's scroll on focus
    # then measured where it was not yet: some starts (1 in 5) opened scrolled past the
    # date and the heading. A few starts, so a return of that would rarely slip through.
    clock.freeze(datetime(2026, 11, 23, 20, 0))
    demo_years(sqlite_db, 1)
    home = make_app(sqlite_db).settings.home  # the first-run notice seen
    for _ in range(4):
        app = PlannerApp(Settings(home=home))  # its own quick read, as at a real start
        async with app.run_test(size=NARROW) as pilot:
            await settle(app, pilot)
            shown = on_screen(app)
            assert shown[1].strip() == "Monday 23 November 2026", "\n".join(shown)
            assert shown[3].strip() == "Small steps for today", "\n".join(shown)
            assert app.screen.focused is app.screen.query_one("#due")


async def test_the_wizard_opened_from_the_map_shows_its_title_at_80x24(
    sqlite_db: Database,
) -> None:
    """Its page came in the tick it got the focus: Textual's scroll on focus put the text
    box at the top, past the title and the steps above it (a new user's trial; about every
    other opening, so it opens a few times)."""
    demo_years(sqlite_db, 1)
    app = make_app(sqlite_db)
    async with app.run_test(size=NARROW) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "m")
        for _ in range(3):
            await press(app, pilot, "s")
            shown = "\n".join(on_screen(app))
            assert "Plan a small step" in shown and "Who › What › When" in shown, shown
            assert "…or in your own words" in shown, shown  # where the cursor is, in view too
            await press(app, pilot, "escape")  # nothing typed: it closes
            assert not isinstance(app.screen, FormScreen)


@pytest.mark.parametrize("size", [(80, 18), (60, 20)])
async def test_the_wizards_lists_show_their_lines_on_a_short_screen(
    sqlite_db: Database, size: tuple[int, int]
) -> None:
    """At 80×18 and 60×20 the lists of people and of steps showed only their top edge
    under the box: the wizard draws tighter below 24 lines."""
    with sqlite_db.write() as s:
        for name in ("Ana Silva", "Bea A.", "Ben A.", "Carla A."):
            people.create_person(session=s, data={"name": name, "cadence_days": 7})
    app = make_app(sqlite_db)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "s")
        shown = "\n".join(on_screen(app))
        assert "Plan a small step" in shown and "Who would you like" in shown, shown
        assert sum(name in shown for name in ("Ana Silva", "Bea A.", "Ben A.")) == 3, shown
        await press(app, pilot, "enter")  # Ana: the steps to choose from
        shown = "\n".join(on_screen(app))
        assert "What small thing?" in shown and shown.count("Ana Silva") >= 3, shown


async def test_the_contexts_strip_shows_its_legend_and_this_month_at_80x24(
    sqlite_db: Database,
) -> None:
    clock.freeze(datetime(2026, 12, 1, 20, 0))  # a Tuesday: the calendar week is a day old
    demo_years(sqlite_db, 10)
    app = make_app(sqlite_db)
    async with app.run_test(size=NARROW) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "m", "3")
        shown = on_screen(app)
        legend = [line for line in shown if "contacts a week" in line]
        assert legend and "█ 4+" in legend[0], shown
        months = shown[shown.index(legend[0]) + 1]
        assert months.split()[-1] == "D", shown  # December, today's month, is named
        rows = shown[shown.index(legend[0]) + 2 :]
        family = next(line for line in rows if line.lstrip().startswith("Family"))
        # The last column is the last seven days: not empty a day into the week.
        assert family.split()[-1] != "·", shown
        assert "context" in " ".join(shown) and "last contact" in " ".join(shown)


async def test_review_wraps_legends_between_items_and_bullets_under_their_words(
    sqlite_db: Database,
) -> None:
    demo_years(sqlite_db, 2)
    app = make_app(sqlite_db)
    async with app.run_test(size=NARROW) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "r", "left")
        assert isinstance(app.screen, ReviewScreen)
        app.screen.focus_figure("reciprocity", scroll=True)
        await settle(app, pilot)
        shown = on_screen(app)
        support = next(i for i, line in enumerate(shown) if "Support:" in line)
        wrapped = shown[support + 1]
        # The legend breaks between items: the next line starts with a whole one, under
        # the bar rather than at the edge.
        assert wrapped.lstrip().lstrip("█ ").startswith("▒ received"), "\n".join(shown)
        assert wrapped.index("▒") == shown[support].index("Support:") + len("Support:          ")
        app.screen.focus_figure("follow", scroll=True)
        await settle(app, pilot)
        shown = on_screen(app)
        bullets = [i for i, line in enumerate(shown) if "• " in line]
        assert bullets, "\n".join(shown)
        under = shown[bullets[0]].index("• ") + 2  # where the bullet's words start
        following = shown[bullets[0] + 1]
        assert "• " not in following and following[under - 2 : under] == "  ", "\n".join(shown)
        assert following[under] != " ", "\n".join(shown)  # a long item goes on, indented


async def test_today_keeps_a_blank_line_before_the_weeks_steps(sqlite_db: Database) -> None:
    clock.freeze(datetime(2026, 11, 28, 20, 0))  # a Saturday: steps taken this week
    demo_years(sqlite_db, 2)
    app = make_app(sqlite_db)
    async with app.run_test(size=NARROW) as pilot:
        await settle(app, pilot)
        app.screen.query_one("#week").scroll_visible(animate=False, immediate=True)
        await settle(app, pilot)
        shown = on_screen(app)
        week = [i for i, line in enumerate(shown) if "Small steps taken this week" in line]
        assert week, "\n".join(shown)
        assert shown[week[0] - 1].strip() == "", "\n".join(shown)
        assert "(o hides this)" in "\n".join(shown[: week[0]]), "\n".join(shown)


async def test_help_at_80x24_says_where_support_is_and_s_goes_there(
    sqlite_db: Database,
) -> None:
    app = make_app(sqlite_db)
    async with app.run_test(size=NARROW) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        first = "\n".join(on_screen(app)[:8])
        assert "Support lines and people you trust" in first and "press s" in first, first
        await press(app, pilot, "s")
        shown = "\n".join(on_screen(app))
        assert "Crisis lines" in shown and "emergency number" in shown, shown


async def test_the_journal_opens_with_its_month_and_search_in_sight_at_80x24(
    sqlite_db: Database,
) -> None:
    """Its list is nearly as tall as an 80×24 screen. When its rows came before it was
    scrolled into view (always here; 1 start in 3 in a loaded terminal), the whole list was
    brought into sight, and the month, its strip and the search box went out of sight."""
    clock.freeze(datetime(2026, 11, 23, 20, 0))
    demo_years(sqlite_db, 1)
    app = make_app(sqlite_db)
    async with app.run_test(size=NARROW) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "j")
        entries = app.screen.query_one("#entries")
        shown = "\n".join(on_screen(app))
        assert app.screen.focused is entries and "Mon 23 Nov 2026" in shown, shown
        assert "November 2026" in shown and "connectedness 1–5" in shown, shown
        assert "/ search: words" in shown, shown


def whole_in_sight(screen: Screen[Any], widget: Widget) -> bool:
    """Whether all of *widget* is on screen, not cut by what scrolls around it."""
    where = screen.find_widget(widget)
    return where.clip.contains_region(where.region)


async def test_the_box_being_typed_in_stays_in_sight_when_the_terminal_shrinks(
    sqlite_db: Database,
) -> None:
    """With the birthday box focused on someone's form, 120x40 made 40x12 left it out of
    sight, and Backspace changed it unseen (a new user's '31 feb' became '31 fe')."""
    app = make_app(sqlite_db)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "m", "n")
        form = app.screen
        assert isinstance(form, FormScreen)
        birthday = form.query_one("#birthday", Input)
        birthday.focus()
        await press(app, pilot, *"31 feb")
        for width, height in ((40, 12), (80, 24), (40, 12)):
            await pilot.resize_terminal(width, height)
            await settle(app, pilot)
            assert whole_in_sight(form, birthday), (width, height)
        await press(app, pilot, "backspace")
        assert birthday.value == "31 fe" and "31 fe" in screen_text(app)


async def test_a_question_on_a_tiny_screen_opens_with_its_answer_in_sight(
    sqlite_db: Database,
) -> None:
    """At 40x12 "Already on your map?" opened at its top, with the answers below the screen:
    Enter would answer a question whose answer couldn't be seen."""
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Ada A."})
    app = make_app(sqlite_db)
    async with app.run_test(size=(40, 12), notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "m", "n", *"ADA a.", "ctrl+s")
        question = app.screen
        assert isinstance(question, Choice)
        assert isinstance(question.focused, Button) and whole_in_sight(question, question.focused)
        assert any("Yes — add" in line for line in on_screen(app))


async def test_a_question_made_tiny_by_a_resize_keeps_its_answer_in_sight(
    sqlite_db: Database,
) -> None:
    """ "Keep what you wrote?" made 40x12 showed only the top edge of its answers: the box in
    focus was taken to be in sight when its first line was."""
    with sqlite_db.write() as s:  # Today shows the check-in once someone is on the map
        people.create_person(session=s, data={"name": "Ana"})
    app = make_app(sqlite_db)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c", "3", "escape")
        question = app.screen
        assert isinstance(question, Choice)
        await pilot.resize_terminal(40, 12)
        await settle(app, pilot)
        assert isinstance(question.focused, Button) and whole_in_sight(question, question.focused)
        assert any("Keep the draft" in line for line in on_screen(app))


async def test_the_row_a_key_acts_on_stays_in_sight_when_the_terminal_is_resized(
    sqlite_db: Database,
) -> None:
    """End on the Map's list at 80x24, then 40x12: the list kept its place, the cursor's row
    below the edge, and `l` logged a contact with someone out of sight. Made larger again,
    the list kept its first rows hidden above its top though all fitted."""
    with sqlite_db.write() as s:
        for n in range(1, 13):
            people.create_person(session=s, data={"name": f"Jo {n:02}"})
    app = make_app(sqlite_db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "m", "end")
        table = app.screen.query_one("#people-table")
        for size in ((40, 12), (60, 20), (40, 12)):
            await pilot.resize_terminal(*size)
            await settle(app, pilot)
            assert any("Jo 12" in line for line in on_screen(app)), (size, on_screen(app))
        await press(app, pilot, "home")
        await pilot.resize_terminal(120, 40)
        await settle(app, pilot)
        assert table.scroll_y == 0
        shown = "\n".join(on_screen(app))
        assert "Jo 01" in shown and "Jo 12" in shown
        await pilot.resize_terminal(40, 12)
        await press(app, pilot, "end")
        await pilot.resize_terminal(120, 40)
        await settle(app, pilot)
        assert table.scroll_y == 0 and "Jo 01" in "\n".join(on_screen(app))
        await press(app, pilot, "l")
        assert "With: Jo 12" in screen_text(app)


@pytest.mark.parametrize("view", ["j", "p"])
async def test_the_journals_and_plans_selected_row_stays_in_sight_when_resized(
    sqlite_db: Database, view: str
) -> None:
    """End in the Journal (or the Plan's earlier steps), then a smaller terminal: the page
    kept its place, the selected row out of sight, and `e` or `x` acted on it (nu130)."""
    demo_years(sqlite_db, 0.2)
    app = make_app(sqlite_db)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, view, *(["tab"] if view == "p" else []), "end")
        table = app.screen.focused
        assert isinstance(table, DataTable) and table.cursor_row == table.row_count - 1
        last = str(table.get_row_at(table.cursor_row)[0])
        for size in ((60, 20), (40, 12), (80, 24)):
            await pilot.resize_terminal(*size)
            await settle(app, pilot)
            for _ in range(100):  # scrolled to once laid out
                if any(last in line for line in on_screen(app)):
                    break
                await pilot.pause(0.02)
            assert any(last in line for line in on_screen(app)), (size, last, on_screen(app))


@pytest.mark.parametrize("size", [(40, 12), (60, 20), (120, 40)])
async def test_the_check_ins_scales_show_their_digits_and_line_up(
    sqlite_db: Database, size: tuple[int, int]
) -> None:
    """At 60 columns "giving help" and "receiving help" wrapped and put their boxes a line
    lower; at 40 the boxes were too narrow to show the digit typed (nu126, nu129, nu130)."""
    from planner_tui.ui.forms.journal import SCALES, ScaleField

    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Ana"})
    app = make_app(sqlite_db)
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c", *"45342")
        boxes = [app.screen.query_one(f"#{key}", ScaleField) for key in SCALES]
        assert [box.value for box in boxes] == list("45342")
        for box in boxes:
            label = box.parent.query_one(Static)  # type: ignore[union-attr]
            assert label.size.height == 1, (size, str(label.render()))
            assert box.content_region.width >= 2, (size, box.id, box.content_region)
        rows = {box.region.y for box in boxes}
        assert len(rows) <= 2, rows  # one row of five, or rows of three and two


async def test_a_check_in_opens_with_its_title_in_sight_at_60x20(sqlite_db: Database) -> None:
    """At 60x20 `c` opened scrolled to the scales: the title, which says which check-in is
    being changed (a day may hold several), was out of sight (nu131)."""
    with sqlite_db.write() as s:
        journal.save_entry(session=s, data={"day": clock.today(), "body": "soup"})
    app = make_app(sqlite_db)
    async with app.run_test(size=(60, 20), notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c")
        assert isinstance(app.screen, FormScreen)
        assert any("(editing)" in line for line in on_screen(app)), on_screen(app)
        assert app.screen.focused is app.screen.query_one("#connectedness")


async def test_the_box_for_a_files_name_is_in_sight_at_40x12(
    sqlite_db: Database, tmp_path: Path
) -> None:
    """At 40x12 the calendar file's dialog showed its title and words, and the box for the
    file's name below the edge: Enter wrote a file named out of sight (nu128)."""
    app = make_app(sqlite_db)
    async with app.run_test(size=(40, 12), notifications=True) as pilot:
        await settle(app, pilot)
        for keys in (("p", "i"), ("escape", "m", "i")):
            await press(app, pilot, *keys)
            box = app.screen.focused
            assert isinstance(box, Input), app.screen
            assert whole_in_sight(app.screen, box), on_screen(app)
        # What Enter said is in sight too: "there already" was below the edge (nu130).
        calendar = tmp_path / "steps.ics"
        calendar.write_text("BEGIN:VCALENDAR\nEND:VCALENDAR\n", encoding="utf-8")
        await press(app, pilot, "escape", "p", "i")
        app.screen.query_one(Input).value = str(calendar)
        await press(app, pilot, "enter")

        def said() -> str:  # the dialog's lines, its border left out
            return " ".join(" ".join(line.strip(" █▀▄") for line in on_screen(app)).split())

        deadline = time.monotonic() + 30  # written by a thread: later on a loaded machine
        while "is there already" not in said() and time.monotonic() < deadline:
            await pilot.pause(0.05)
        assert "is there already" in said(), on_screen(app)


@pytest.mark.parametrize("size", [(30, 8), (40, 12), (60, 20)])
async def test_every_answer_of_a_question_shows_whole_when_it_has_the_focus(
    sqlite_db: Database, size: tuple[int, int]
) -> None:
    """At 30x8 the delete question's *Delete* was past the dialog's right edge, and at 40x12
    "Keep what you wrote?" hid *Keep writing* there: → moved to an answer out of sight, and
    Enter gave it (a person deleted, unseen). Answers that don't fit across go one under
    another; on a short screen each is a line, so the question shows above them."""
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Zoë"})
    app = make_app(sqlite_db)
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(app, pilot)
        for keys, answers in ((("m", "x"), ["Keep", "Delete", "Archive instead"]),
                              (("escape", "t", "c", "3", "escape"),
                               ["Keep the draft", "Discard it", "Keep writing"])):  # fmt: skip
            await press(app, pilot, *keys)
            question = app.screen
            assert isinstance(question, Choice)
            for n, answer in enumerate(answers):
                if n:
                    await press(app, pilot, "right")
                button = question.focused
                assert isinstance(button, Button) and str(button.label) == answer
                for _ in range(100):  # scrolled to once laid out (later on a loaded machine)
                    if whole_in_sight(question, button):
                        break
                    await pilot.pause(0.02)
                assert whole_in_sight(question, button), (answer, on_screen(app))
                assert any(answer in line for line in on_screen(app)), (answer, on_screen(app))
            if size != (30, 8):  # and what is asked, above them
                assert any(question.heading in line for line in on_screen(app)), on_screen(app)
        await press(app, pilot, "enter")  # Keep writing
        assert isinstance(app.screen, FormScreen)


def look(screen: Screen[Any], button: Button) -> tuple[tuple[int, int, int], set[object]]:
    """How *button* is drawn: its fill (the background its words are shown on) and what its
    cells show."""
    region = screen.find_widget(button).region
    lines = screen._compositor.render_strips()[region.y : region.bottom]
    cells = [seg for line in lines for seg in line.crop(region.x, region.right) if seg.text]
    shown: set[object] = set()
    for cell in cells:
        style = cell.style or Style()
        shown.add(seen(style)[1])  # a blank shows only this
        if not cell.text.isspace():
            shown.add((seen(style), style.bold))
    fill = next(seen(c.style or Style())[1] for c in cells if str(button.label) in c.text)
    return fill, shown


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (120, 40)])
async def test_the_answer_with_the_focus_is_the_one_that_looks_chosen(
    sqlite_db: Database, size: tuple[int, int]
) -> None:
    """At 60x20 "Keep what you wrote?" stacks its answers, yet its footer said ← → and ↓
    did nothing; after →, *Keep the draft* kept its blue while the focused *Discard it* only
    had its words inverted, and Enter on what looked like keeping discarded. In the default
    theme and a light one: the focused answer looks unlike the others, which all look
    alike, its fill apart from theirs (3:1); stacked, ↑ ↓ move too, and the footer says so."""
    app = make_app(sqlite_db)
    async with app.run_test(size=size, notifications=True) as pilot:
        await press(app, pilot, "t", "c", "3", "escape")
        question = app.screen
        assert isinstance(question, Choice)
        answers = list(question.query(Button))
        stacked = size == (60, 20)
        footer = [f"{k.key_display} {k.description}" for k in question.query(FooterKey)]
        assert ("↑ ↓ Answers" if stacked else "← → Answers") in footer, footer
        assert ("← → Answers" if stacked else "↑ ↓ Answers") not in footer, footer
        # Over the form it asks about, which shows around it (a question drawn as a whole
        # screen of its own filled the terminal from its top left corner, the form hidden).
        drawn = on_screen(app)
        assert "Today" in drawn[0], drawn  # the view's header, behind the form and it
        assert question.query_one(Answers).region.x > 0, question.query_one(Answers).region
        for theme in (PlannerApp().theme, "textual-light"):
            app.theme = theme
            for n, answer in enumerate(answers):
                if n:
                    await press(app, pilot, "down" if stacked else "right")
                await press(app, pilot)
                assert question.focused is answer, (theme, n, question.focused)
                fill, styles = look(question, answer)
                others = [look(question, other) for other in answers if other is not answer]
                where = (theme, str(answer.label))
                assert all(other == others[0] for other in others), (where, others)
                assert styles != others[0][1], where
                assert contrast(fill, others[0][0]) >= 3, (where, fill, others[0][0])
            await press(app, pilot, "up" if stacked else "left")  # and back
            assert question.focused is answers[-2], theme
            await press(app, pilot, "up" if stacked else "left")
        # Beside one another, ↓ moves as → does: learnt over a column, then on a terminal
        # made wider, it did nothing, and Enter gave the first answer (nu253).
        await press(app, pilot, "down")
        assert question.focused is answers[1]
        if stacked:
            await pilot.resize_terminal(100, 30)
            await press(app, pilot)
            assert question.query_one(Answers).columns == 0
            await press(app, pilot, "down")
            assert question.focused is answers[2]


@pytest.mark.parametrize("size", [(40, 12), (80, 18), (120, 40)])
async def test_the_first_run_notice_reads_to_its_end_and_its_button_is_in_view(
    sqlite_db: Database, size: tuple[int, int]
) -> None:
    """At 40x12 the notice's safety lines and its button could not be scrolled to, and at
    80x18 the button was out of view: its words now scroll by the arrow and page keys,
    between its title and its button, both kept in view (the button holding the focus)."""
    app = make_app(sqlite_db, seen_notice=False)
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(app, pilot)
        notice = app.screen
        assert isinstance(notice, FirstRunNotice)
        button = notice.query_one("#ok", Button)
        assert button.has_focus and whole_in_sight(notice, button)
        # The words end above the button: none is hidden under its edge.
        words_at = notice.find_widget(notice.query_one("#notice-words")).region
        assert words_at.bottom <= notice.find_widget(button).region.y
        first, last = "Before you begin", words.FIRST_RUN_NOTICE.split()[-1]  # "anywhere."
        assert any(first in line for line in on_screen(app))
        assert size != (40, 12) or not any(last in line for line in on_screen(app))
        for _ in range(40):  # down a line at a time to the end, as someone reading would
            if any(last in line for line in on_screen(app)):
                break
            await press(app, pilot, "down")
        assert any(last in line for line in on_screen(app))
        assert button.has_focus and whole_in_sight(notice, button)
        await press(app, pilot, "home")
        assert any(first in line for line in on_screen(app))
        await press(app, pilot, "enter")
        assert not isinstance(app.screen, FirstRunNotice)


async def test_a_question_comes_into_view_with_its_answers_at_40x12(sqlite_db: Database) -> None:
    """At 40×12 the loneliness check opened on its answers, and Tab went from answers to
    answers, each question above them out of sight: three alike boxes, answered blind."""
    from planner_tui.ui.forms.review import SCALE_ITEMS

    app = make_app(sqlite_db)
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "r", "l")
        assert isinstance(app.screen, FormScreen)
        for n, (_item, question) in enumerate(SCALE_ITEMS):
            if n:
                await press(app, pilot, "tab")
            await settle(app, pilot)
            shown = " ".join(" ".join(line.strip(" █▀▄") for line in on_screen(app)).split())
            assert question in shown, (question, shown)
            assert "hardly ever" in shown


async def test_what_the_wizards_name_box_finds_is_in_view_at_40x12(sqlite_db: Database) -> None:
    """At 40x12 the Who question filled the dialog: the name box was its last line, and
    the list Enter picks from was out of sight."""
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Ana Silva"})
    app = make_app(sqlite_db)
    async with app.run_test(size=(40, 12), notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "s", *"[i]Nobody[/i]")
        shown = "\n".join(on_screen(app))
        assert "[i]Nobody[/i]" in shown and "+ someone new: [i]Nobody[/i]" in shown, shown
        await press(app, pilot, *["backspace"] * 13, *"ana")
        shown = "\n".join(on_screen(app))
        assert "Ana Silva" in shown and "ana" in shown, shown


async def test_at_40_by_12_the_journal_and_review_show_their_rows_not_their_help(
    sqlite_db: Database,
) -> None:
    """At 40×12 the Journal's month strip filled the screen (no entry, and a search left in
    the box out of sight); the Review's key hint took 7 of the 12 lines."""
    from datetime import date

    from planner_tui.services import journal

    with sqlite_db.write() as s:
        for day in range(1, 20):
            journal.save_entry(session=s, data={"day": date(2026, 11, day), "body": f"day {day}"})
    app = make_app(sqlite_db)
    async with app.run_test(size=(40, 12)) as pilot:
        await press(app, pilot, "j")
        await settle(app, pilot)
        shown = on_screen(app)
        assert any("Thu 19 Nov 2026" in line for line in shown), shown
        assert any("search" in line for line in shown), shown
        await press(app, pilot, "r")
        await settle(app, pilot)
        shown = on_screen(app)
        assert not any("tab next figure" in line for line in shown) and any(
            "Overview" in line for line in shown
        ), shown
    app = make_app(sqlite_db)
    async with app.run_test(size=(80, 24)) as pilot:  # with room, they are there
        await press(app, pilot, "r")
        assert any("another month" in line for line in on_screen(app))


async def test_a_step_key_never_acts_on_a_step_the_page_scrolled_out_of_sight(
    sqlite_db: Database,
) -> None:
    """At 40x12, Down past Today's last step scrolls the page on (as the README says), and
    `d` then opened the Done form for a step no longer on screen; Enter does not act on it
    either, but brings it back into sight."""
    demo_years(sqlite_db, 1)
    app = make_app(sqlite_db)
    async with app.run_test(size=(40, 12), notifications=True) as pilot:
        await settle(app, pilot)
        due = app.screen.query_one("#due", DataTable)
        assert app.screen.focused is due and due.row_count
        for _ in range(due.row_count + 12):  # past the last step, and the page on
            await press(app, pilot, "down")
        assert due.cursor_row == due.row_count - 1
        when = str(due.get_row_at(due.cursor_row)[0])  # "Mon 23 Nov, 19:00"
        assert not any(when in line for line in on_screen(app)), on_screen(app)
        await press(app, pilot, "d")
        assert not isinstance(app.screen, FormScreen), screen_text(app)
        assert said(app, words.STEP_OUT_OF_SIGHT)  # not "Tab to its list": it has the cursor
        await press(app, pilot, "enter")
        assert not isinstance(app.screen, (FormScreen, Choice))
        await settle(app, pilot)
        assert any(when in line for line in on_screen(app)), on_screen(app)


async def test_x_on_a_persons_page_asks_about_a_contact_only_while_it_shows(
    sqlite_db: Database,
) -> None:
    """At 40x12, Home scrolled a person's page back to the name with the cursor still on a
    contact below the edge, and `x` asked to delete that unseen contact (`e` meanwhile edited
    the person). Now `x` asks about the person whose page it is."""
    with sqlite_db.write() as s:
        ada = people.create_person(session=s, data={"name": "Ada"}).id
        for days in range(1, 4):
            people.log_interaction(session=s, data={
                "person_ids": [ada], "occurred_at": clock.now() - timedelta(days=days),
                "note": f"walk {days}"})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=(40, 12), notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "m")
        await settle(app, pilot)
        await press(app, pilot, "enter")
        await settle(app, pilot)
        history = app.screen.query_one("#history", DataTable)
        history.focus()
        await settle(app, pilot)
        await press(app, pilot, "x")
        assert isinstance(app.screen, Choice) and "contact" in screen_text(app).lower()
        await press(app, pilot, "escape")
        await press(app, pilot, "home", "home")  # the first row's Home: the page to its top
        assert app.screen.focused is history
        await press(app, pilot, "x")
        assert isinstance(app.screen, Choice)
        assert "Delete Ada?" in screen_text(app), screen_text(app)


async def test_a_note_on_the_time_being_typed_is_in_view_on_a_small_screen(
    sqlite_db: Database,
) -> None:
    """At 60×20, "tomorrow" typed as a contact's time showed a blank line under the box and
    the form's edge: why it couldn't be used was below it, out of sight (nu160)."""
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Ana"})
    app = make_app(sqlite_db)
    async with app.run_test(size=(60, 20), notifications=True) as pilot:
        await press(app, pilot, "m", "l")
        when = app.screen.query_one("#when", Input)
        when.focus()
        when.value = ""
        await press(app, pilot, *"tomorrow")
        shown = " ".join(" ".join(on_screen(app)).split())
        assert "That is still to come." in shown and "tomorrow" in shown


async def test_the_read_back_of_the_day_being_typed_is_in_view(sqlite_db: Database) -> None:
    """At 100×40 the check-in's Day box could be the form's last row in view, "→ Saturday 21
    November" below it, out of sight, as "last sat" was typed: the box came into view, and
    what the form said under it stayed where it was."""
    clock.freeze(datetime(2026, 11, 23, 20))  # a Monday
    app = make_app(sqlite_db)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await press(app, pilot, "c")
        await settle(app, pilot)
        form = app.screen.query_one(".form")
        day = app.screen.query_one("#day", Input)
        day.focus()  # from the top: the box just into view, at the bottom edge
        await settle(app, pilot)
        assert "→ Monday 23 November 2026" in " ".join(on_screen(app)), on_screen(app)
        form.scroll_home(animate=False, immediate=True)  # the box at the edge, or out of view
        await settle(app, pilot)
        await press(app, pilot, *"last sat")
        assert "→ Saturday 21 November 2026" in " ".join(on_screen(app)), on_screen(app)


@pytest.mark.parametrize("size", [(120, 23), (80, 20), (60, 20), (80, 24), (120, 40)])
async def test_the_outcome_question_shows_its_five_answers_at_any_height(
    sqlite_db: Database, size: tuple[int, int]
) -> None:
    """Below 24 lines the five answers of "How did it go?" were blank: two by two, each row
    a line, and the line taken by the margin above each answer (nu174)."""
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        steps.create_step(session=s, data={"person_id": ana, "action": "call Ana",
                                           "due_at": clock.now() - timedelta(hours=1)})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "enter")
        question = app.screen
        assert isinstance(question, Choice) and question.heading == "How did it go?"
        shown = " ".join(on_screen(app))
        for button in question.query(Button):
            assert button.size.height >= 1 and str(button.label) in shown, (button, shown)
        # Two by two, ↓ goes to the answer under: it did nothing (nu174)
        await press(app, pilot, "right", "down")
        focused = question.focused
        assert isinstance(focused, Button) and focused.id == "answer-rescheduled", focused
        # Under the last row, ↓ moves nowhere: it went to the answer beside, and ↑ from
        # there to yet another (nu258); ↑ goes back up the column.
        await press(app, pilot, "down")
        assert question.focused is focused
        await press(app, pilot, "up")
        focused = question.focused
        assert isinstance(focused, Button) and focused.id == "answer-declined", focused
        footer = " ".join(on_screen(app)[-1:])
        assert "← → ↑ ↓ Answers" in footer and footer.count("Answers") == 1, footer  # nu198
        # Tab goes round the answers alone: the dialog around them was a stop where Enter
        # did nothing (nu204)
        stops = []
        for _ in range(5):
            await press(app, pilot, "tab")
            stops.append(question.focused.id if question.focused else None)
        assert stops == ["answer-no_reply", "answer-rescheduled", "answer-skipped",
                         "answer-done", "answer-declined"], stops  # fmt: skip
        # and told apart by more than its colour: underlined (nu175, with NO_COLOR)
        marked = [b.id for b in question.query(Button) if b.rich_style.underline]
        assert marked == ["answer-declined"], marked
