"""The Review view through Pilot: months, the loneliness check, intentions (which then show
on Today), how a figure is counted, and the Markdown file matching what is on screen."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Input, RadioSet, TextArea

from planner_tui import clock, words
from planner_tui.db.engine import Database
from planner_tui.services import journal, people, review, support
from planner_tui.ui.forms.review import IntentionsForm, LonelinessForm
from planner_tui.ui.modals.confirm import Choice
from planner_tui.ui.modals.export import ExportFile
from planner_tui.ui.modals.notice import Explanation
from planner_tui.ui.screens.base import Section
from planner_tui.ui.screens.review import FigureBox, ReviewScreen
from planner_tui.ui.screens.today import TodayScreen
from tests.unit.test_charts import month_bars_read

from .test_app import HOSTILE, SIZE, make_app, press, screen_text, settle
from .test_corrections import said
from .test_fit_narrow import on_screen


def two_months(db: Database) -> None:
    """October: 3 check-ins and 1 contact. November so far: 1 check-in."""
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "[bold]Ana"}).id
        for day, connected in ((date(2026, 10, 3), 4), (date(2026, 10, 4), 2),
                               (date(2026, 10, 20), 3), (date(2026, 11, 2), 5)):  # fmt: skip
            journal.save_entry(session=s, data={"day": day, "connectedness": connected})
        people.log_interaction(
            session=s, data={"occurred_at": "2026-10-05T12:00:00+01:00", "person_ids": [ana]}
        )


def overview(app: object) -> dict[str, list[str]]:
    """The overview table as it is on screen: figure name → [this month, last month, change]
    (this month alone in the month the planner begins)."""
    grid = app.screen.query_one("#table-overview", DataTable)  # type: ignore[attr-defined]
    # drawn whole: a busy machine once left it 0 lines tall under its title
    assert grid.display and grid.size.height == grid.virtual_size.height > 0
    rows = [[str(cell) for cell in grid.get_row_at(n)] for n in range(grid.row_count)]
    return {row[0]: row[1:] for row in rows}


def title(app: object) -> str:
    return str(app.screen.query_one("#review-title").render())  # type: ignore[attr-defined]


async def test_moving_between_months(sqlite_db: Database) -> None:
    two_months(sqlite_db)
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "r")
        assert isinstance(app.screen, ReviewScreen)
        assert title(app) == "Monthly review — November 2026 (so far, to 23 Nov)"
        assert overview(app)["Days with a check-in"] == ["1", "3", "so far"]
        await press(app, pilot, "left")
        assert title(app) == "Monthly review — October 2026"
        # The planner begins in October: not set beside an empty September ("up 3").
        assert overview(app)["Days with a check-in"] == ["3"]
        assert overview(app)["Average connectedness (1–5)"] == ["3.0"]
        assert overview(app)["Contacts logged"] == ["1"]
        assert words.FIRST_MONTH in " ".join(screen_text(app).split())
        await press(app, pilot, "left")  # September: before the first thing recorded
        assert app.screen.query_one("#review-empty").display
        # The notice alone, as on the command line (a page of empty figures followed it)
        assert (
            "Nothing is recorded before October 2026, when your planner begins (press . to "
            "come back to this month)." in " ".join(screen_text(app).split())
        )
        assert not any(box.display for box in app.screen.query(".figure"))
        await press(app, pilot, *["left"] * 30, ".")  # back from years before, at once
        assert title(app).startswith("Monthly review — November 2026")
        assert not app.screen.query_one("#review-empty").display
        # Read down to the loneliness check, then another month: it opens at its top, its
        # title in sight (it opened where the last month was read).
        body = app.screen.query_one("#body")
        app.screen.query_one("#figure-loneliness").focus()
        body.scroll_end(animate=False)
        await settle(app, pilot)
        assert body.scroll_y > 0
        await press(app, pilot, "left")
        assert title(app) == "Monthly review — October 2026"
        assert body.scroll_y == 0 and any("October 2026" in line for line in on_screen(app))
        assert app.focused is not None and app.screen.focused_figure() is not None
        assert app.screen.find_widget(app.focused).region.y < app.size.height
        await press(app, pilot, "right")
        await press(app, pilot, "right")  # no further than this month
        assert title(app).startswith("Monthly review — November 2026")
        assert any("current month" in n.message for n in app._notifications)
        await press(app, pilot, "right", "right")  # said again: still one toast, not three
        assert sum("current month" in n.message for n in app._notifications) == 1


async def test_intentions_written_before_the_planner_show_with_its_notice(
    sqlite_db: Database,
) -> None:
    """Intentions written in the month before the planner began left its page empty: the
    notice went, and so did what was written (nu171). Both show, and nothing else."""
    two_months(sqlite_db)
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "r", "left", "left", "n")  # September: before October's start
        assert isinstance(app.screen, IntentionsForm)
        # its wins are not asked for as if there had to be some (nu213: "Wins in October",
        # from before a first evening began, where Today's hint had sent it)
        asked = " ".join(screen_text(app).split())
        assert "Wins in September 2026, if any come to mind (before your planner began" in asked
        await press(app, pilot, *"Reply to people within a day", "ctrl+s")
        assert isinstance(app.screen, ReviewScreen)
        await settle(app, pilot)
        shown = " ".join(screen_text(app).split())
        assert "Nothing is recorded before October 2026" in shown
        assert "Reply to people within a day" in shown
        assert [b.key for b in app.screen.query(FigureBox) if b.display] == ["intentions"]


async def test_keys_typed_at_once_after_a_month_key_act_on_that_month(sqlite_db: Database) -> None:
    """`← End` in one burst reads the end of October (End went to November's page, and
    October then opened at its top); the month keys themselves run through at once."""
    from .test_typeahead import burst

    two_months(sqlite_db)
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "r")
        body = app.screen.query_one("#body")
        burst(app, "left", "end")
        await settle(app, pilot)
        assert title(app) == "Monthly review — October 2026"
        assert body.scroll_y == body.max_scroll_y > 0
        burst(app, "right", "left", "right", "tab", "tab")
        await settle(app, pilot)
        assert title(app).startswith("Monthly review — November 2026")
        boxes = [box.key for box in app.screen.query(FigureBox)]
        box = app.screen.focused_figure()
        assert box is not None and box.key == boxes[2]  # two tabs on from the first figure
        burst(app, *["left"] * 4)
        await settle(app, pilot)
        assert title(app) == "Monthly review — July 2026"


async def test_the_page_keys_read_the_page_with_the_focus_in_sight(sqlite_db: Database) -> None:
    """PageUp near the end threw the page back to the Overview (the focus, on the first
    figure, pulled it there), and the first PageDown moved a table's hidden cursor while the
    page stayed. Each page key moves the page, and the figure in sight takes the focus, so
    `h` explains what is read."""
    two_months(sqlite_db)
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "r")
        body = app.screen.query_one("#body")

        def focus_in_sight() -> bool:
            region = app.screen.find_widget(app.screen.focused_figure()).region
            return 0 <= region.y < app.size.height

        await press(app, pilot, "pagedown")
        down = body.scroll_y
        assert down > 0 and focus_in_sight()
        # A title on the page's first line: that figure is chosen, not the next (nu201)
        box = [b for b in app.screen.query(FigureBox) if b.display][2]
        title = box.query_one(Section)
        body.scroll_to(y=title.region.y - body.region.y + body.scroll_y, animate=False)
        await pilot.pause()
        assert title.region.y == body.region.y  # its title is the first line in sight
        assert box.region.y < body.region.y  # (the blank line above it is not)
        assert app.screen.figure_in_sight() is box
        await press(app, pilot, "end")
        end = body.scroll_y
        assert end == body.max_scroll_y > down and focus_in_sight()
        await press(app, pilot, "pageup")
        assert 0 < body.scroll_y < end and focus_in_sight()
        await press(app, pilot, "home")
        assert body.scroll_y == 0 and focus_in_sight()


async def test_the_month_before_is_ready_before_left_is_pressed(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While a month is read, the one ← goes to is worked out; months already worked out
    show again without reading the data while nothing has changed."""
    two_months(sqlite_db)
    worked_out: list[date] = []
    real = review.review_month

    def counted(**arguments: Any) -> review.MonthReviewData:
        worked_out.append(arguments["month"])
        return real(**arguments)

    monkeypatch.setattr(review, "review_month", counted)
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "r")
        assert worked_out == [date(2026, 11, 1), date(2026, 10, 1)]
        await press(app, pilot, "left")
        assert title(app) == "Monthly review — October 2026"
        assert overview(app)["Days with a check-in"] == ["3"]
        assert worked_out[2:] == [date(2026, 9, 1)]  # the next one back, ahead
        await press(app, pilot, "right")
        assert title(app).startswith("Monthly review — November 2026")
        assert worked_out[3:] == []


async def test_a_month_seen_again_shows_what_another_program_wrote_since(
    sqlite_db: Database,
) -> None:
    two_months(sqlite_db)
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "r", "left")
        assert overview(app)["Days with a check-in"] == ["3"]
        await press(app, pilot, "right")
        with sqlite_db.write() as s:  # the command line, say, while November is on screen
            journal.save_entry(session=s, data={"day": date(2026, 10, 9), "connectedness": 5})
        await press(app, pilot, "left")
        assert overview(app)["Days with a check-in"] == ["4"]
        await press(app, pilot, "right")
        assert overview(app)["Days with a check-in"] == ["1", "4", "so far"]


async def test_taking_the_loneliness_check(sqlite_db: Database) -> None:
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "r")
        assert "Nothing recorded in this month yet" in screen_text(app)
        await press(app, pilot, "l")
        form = app.screen
        assert isinstance(form, LonelinessForm)
        await press(app, pilot, "ctrl+s")  # nothing answered yet: said kindly, nothing saved
        assert "Pick one of the three" in screen_text(app)
        # First question: "often" (third); second: "hardly ever"; third: "some of the time".
        await press(app, pilot, "down", "down", "enter", "tab", "enter", "tab")
        await press(app, pilot, "down", "enter", "tab", "down", "down", "down", "enter")
        answers = {r.id: r.pressed_index for r in form.query(RadioSet)}
        assert answers == {"lack_companionship": 2, "left_out": 0, "isolated": 1, "how_often": 3}
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, ReviewScreen)
        shown = screen_text(app)
        assert "Total 6, on a scale from 3 (least lonely) to 9. This is the first check" in shown
        assert "Nothing recorded" not in shown  # the check is something recorded
        assert "How often do you feel lonely? Some of the time." in shown
        await press(app, pilot, "l")  # opens again with the answers given
        again = {r.id: r.pressed_index for r in app.screen.query(RadioSet)}
        assert again == answers
    with sqlite_db.session() as s:
        check = review.review_month(session=s, month=date(2026, 11, 1)).loneliness
    assert check is not None and check.total == 6 and check.how_often == "some_of_the_time"


async def test_a_check_that_leans_lonely_is_answered_kindly_and_shows_where_help_is(
    sqlite_db: Database,
) -> None:
    """Answered "often" throughout, the check said only "Saved." and the view went back
    to its top: the people one trusts and the free lines were fifteen figures below."""
    with sqlite_db.write() as s:
        support.save_trusted(session=s, contacts=[{"name": "Mum", "reach": "07700 900123"}])
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await press(app, pilot, "r", "l")
        for _ in range(3):  # "often", each time
            await press(app, pilot, "down", "down", "enter", "tab")
        await press(app, pilot, "ctrl+s")
        review_screen = app.screen
        assert isinstance(review_screen, ReviewScreen)
        assert said(app, words.LONELY_SAVED)
        check = review_screen.query_one("#figure-loneliness")
        assert check.has_focus_within or check.has_focus
        body = review_screen.find_widget(review_screen.query_one("#body"))
        where = review_screen.find_widget(check)
        assert body.region.y <= where.region.y < body.region.bottom  # its top in sight
        shown = " ".join(screen_text(app).split())
        assert words.lonely_note("this month") in shown and "Mum" in shown
        assert words.NO_ONE_TRUSTED not in shown
        # Where support is, not twenty lines about suicide under a score (nu234), nor three
        # screens of lines, most for another country or age (nu238).
        assert words.SUPPORT_IN_HELP in shown
        assert "suicide" not in shown.lower() and "988" not in shown and "Re-engage" not in shown


async def test_arrows_held_in_a_question_stop_at_its_first_and_last_answer(
    sqlite_db: Database,
) -> None:
    """Seven ↓ then Space picked "some of the time": the answers went round (nu237)."""
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await press(app, pilot, "r", "l")
        for keys in (["down"] * 7, ["up"] * 7):
            await press(app, pilot, *keys, "space")
            picked = app.screen.query_one("#lack_companionship", RadioSet).pressed_button
            assert picked is not None
            assert str(picked.label) == ("often" if keys[0] == "down" else "hardly ever")


async def test_a_check_for_an_earlier_month_says_that_month(sqlite_db: Database) -> None:
    """October's check, answered on 23 November, said "Your answers for this month"
    (nu166)."""
    with sqlite_db.write() as s:  # the planner began in October
        journal.save_entry(session=s, data={"day": date(2026, 10, 5), "body": "first day"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await press(app, pilot, "r", "left", "l")
        for _ in range(3):
            await press(app, pilot, "down", "down", "enter", "tab")
        await press(app, pilot, "ctrl+s")
        shown = " ".join(screen_text(app).split())
        assert words.lonely_note("October 2026") in shown
        assert "Your answers for this month" not in shown


async def test_a_check_that_leans_lonely_with_no_one_trusted_says_how_to_add_them(
    sqlite_db: Database,
) -> None:
    """With no one added as trusted, the thanks promised "the people you trust" under the
    check, and nothing was there."""
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await press(app, pilot, "r", "l")
        for _ in range(3):
            await press(app, pilot, "down", "down", "enter", "tab")
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, ReviewScreen)
        assert said(app, words.LONELY_SAVED_NO_ONE_TRUSTED)
        assert not said(app, words.LONELY_SAVED)
        shown = " ".join(screen_text(app).split())
        assert words.lonely_note("this month") in shown and words.NO_ONE_TRUSTED in shown
        assert "People you trust:" not in shown
        # Added through help, they show under the check at once (it kept saying no one).
        await press(app, pilot, "question_mark", "e")
        app.screen.query_one("#name0", Input).value = "[bold]Mum[/]"
        app.screen.query_one("#reach0", Input).value = "07700 900123"
        await press(app, pilot, "ctrl+s", "escape")
        assert isinstance(app.screen, ReviewScreen)
        shown = " ".join(screen_text(app).split())
        assert "People you trust: • [bold]Mum[/] — 07700 900123" in shown, shown
        assert words.NO_ONE_TRUSTED not in shown


async def test_intentions_written_in_october_show_on_today_in_november(
    sqlite_db: Database,
) -> None:
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        # Today says where this month's are written: the first month has no review before.
        assert words.NO_INTENTIONS_YET in " ".join(screen_text(app).split())
        await press(app, pilot, "r", "left", "n")
        form = app.screen
        assert isinstance(form, IntentionsForm)
        assert "Intentions for November 2026" in screen_text(app)
        await press(app, pilot, *"say yes once", "enter")
        form.query_one("#intention1", Input).value = HOSTILE[0]
        form.query_one("#wins", TextArea).text = "went to choir twice"
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, ReviewScreen)
        shown = screen_text(app)
        assert "• say yes once" in shown and f"• {HOSTILE[0]}" in shown
        assert "In your words: went to choir twice" in shown
        await press(app, pilot, "t")
        today = screen_text(app)
        assert "say yes once" in today and HOSTILE[0] in today


async def test_what_was_just_written_in_the_review_comes_into_sight(sqlite_db: Database) -> None:
    """Intentions saved, or a check that doesn't lean lonely, and the page went back to its
    top: what was just written was out of sight below the figures (nu235)."""
    with sqlite_db.write() as s:
        for month in range(8, 12):
            for day in range(1, 23):
                journal.save_entry(session=s, data={"day": date(2026, month, day), "mood": 3})
    answers = ["down", "enter", "tab"] * 3  # "hardly ever", three times: not lonely
    app = make_app(sqlite_db)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await press(app, pilot, "r")
        for keys, key in ((["n", *"say yes once", "ctrl+s"], "intentions"),
                          (["l", *answers, "ctrl+s"], "loneliness")):  # fmt: skip
            await press(app, pilot, "home")
            await press(app, pilot, *keys)
            review_screen = app.screen
            assert isinstance(review_screen, ReviewScreen)
            figure = review_screen.query_one(f"#figure-{key}")
            assert figure.has_focus_within or figure.has_focus, key
            body = review_screen.find_widget(review_screen.query_one("#body"))
            where = review_screen.find_widget(figure)
            assert body.region.y <= where.region.y < body.region.bottom, key
        # Then another month opens at its top, its title in sight: it had opened at its
        # own loneliness check, again after Home, until Tab (nu246).
        body = review_screen.query_one("#body")
        for keys, month in ((["left"], "October 2026"), (["left", "home", "left"], "August 2026")):
            await press(app, pilot, *keys)
            assert body.scroll_y == 0 and month in screen_text(app), month


@pytest.mark.parametrize(
    "now",
    [datetime(2026, 11, 23, 20), datetime(2026, 12, 1, 0, 30)],
    ids=["evening", "past midnight"],
)
async def test_n_on_today_writes_this_months_intentions(sqlite_db: Database, now: datetime) -> None:
    """Today sent a first evening to write this month's intentions by `r`, `←`, `n`; the
    Review then stayed on last month, and `l` took last month's check (nu234). At 00:30 on
    1 December, "r, then ←" had led to October's (nu197). `n` on Today opens them at once,
    for the month Today is in, and they show there when saved."""
    clock.freeze(now)
    month = clock.strftime(now, "%B %Y")
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        assert words.NO_INTENTIONS_YET in " ".join(screen_text(app).split())
        await press(app, pilot, "n")
        assert isinstance(app.screen, IntentionsForm)
        assert f"Intentions for {month}" in screen_text(app)
        await press(app, pilot, *"say yes once", "ctrl+s")
        assert isinstance(app.screen, TodayScreen)
        assert "• say yes once" in screen_text(app)


async def test_a_month_with_only_its_intentions_shows_them(sqlite_db: Database) -> None:
    """November's intentions, written in October's review, and nothing else: the review
    once said "Nothing recorded in this month yet" and left them out."""
    with sqlite_db.write() as s:
        review.save_month_notes(
            session=s, data={"month": "2026-10", "intentions": ["walk with Ben", HOSTILE[0]]}
        )
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "r")
        assert isinstance(app.screen, ReviewScreen)
        shown = screen_text(app)
        assert "Nothing recorded in this month" not in shown
        assert "For November, from October's review:\n  • walk with Ben\n" in shown
        assert f"• {HOSTILE[0]}" in shown  # as written, not read as markup
        await press(app, pilot, "left")  # October: nothing in it, and its review wrote them
        assert "Nothing was recorded in this month" not in screen_text(app)


async def test_intentions_and_a_check_changed_in_another_window_meanwhile_are_kept(
    sqlite_db: Database,
) -> None:
    """Two windows on one planner: intentions saved here put back the third intention the
    other window had just saved, and the loneliness check did the same with its answers.
    Now a field changed only elsewhere keeps that change, and one changed on both sides is
    asked about — as the other forms do."""

    def elsewhere(**data: object) -> None:
        with sqlite_db.write() as s:
            review.save_month_notes(session=s, data={"month": "2026-11", **data})

    def answered_elsewhere(left_out: int) -> None:
        with sqlite_db.write() as s:
            review.save_loneliness_check(session=s, data={
                "month": "2026-11", "lack_companionship": 1, "left_out": left_out,
                "isolated": 1, "how_often": "often"})  # fmt: skip

    def stored() -> tuple[list[str], str, str]:
        with sqlite_db.session() as s:
            notes = review.month_notes(session=s, month="2026-11")
        assert notes is not None
        return notes.intentions, notes.wins, notes.note

    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "r", "n")  # nothing written for the month when it opened
        form = app.screen
        assert isinstance(form, IntentionsForm)
        asked = " ".join(screen_text(app).split())  # the months by name, not "this", "next"
        assert "Wins in November 2026" in asked and "all through December 2026" in asked
        form.query_one("#wins", TextArea).text = "went to choir"
        elsewhere(intentions=["walk with Ben", "", "from the other window"])
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, ReviewScreen)
        assert stored() == (["walk with Ben", "from the other window"], "went to choir", "")
        assert said(app, "Kept as changed elsewhere meanwhile: intention 1 and intention 2.")

        await press(app, pilot, "n")
        assert app.screen.query_one("#intention1", Input).value == "from the other window"
        app.screen.query_one("#wins", TextArea).text = "choir, twice"
        elsewhere(intentions=["walk with Ben"], wins="choir [bold]once[/]", note="theirs")
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, Choice)
        assert "Saved there — wins of the month: “choir [bold]once[/]”" in screen_text(app)
        await press(app, pilot, "tab", "tab", "enter")  # keep that change instead of mine
        assert isinstance(app.screen, ReviewScreen)
        assert stored() == (["walk with Ben"], "choir [bold]once[/]", "theirs")

        await press(app, pilot, "l")
        assert isinstance(app.screen, LonelinessForm)
        await press(app, pilot, "enter", "tab", "enter", "tab", "enter")  # each "hardly ever"
        answered_elsewhere(left_out=1)
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, ReviewScreen)
        assert said(app, "Kept as changed elsewhere meanwhile: how often lonely.")

        await press(app, pilot, "l")  # the same answer changed on both sides: asked, in words
        app.screen.fill({**app.screen.values(), "left_out": 2})  # "often", here
        answered_elsewhere(left_out=2)
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, Choice)
        assert "feeling left out: “some of the time”" in screen_text(app)
        await press(app, pilot, "tab", "enter")  # save mine over it
    with sqlite_db.session() as s:
        check = review.loneliness_check(session=s, month="2026-11")
    assert check is not None and (check.left_out, check.how_often) == (3, "often")


async def test_every_figures_table_shows_all_its_rows(sqlite_db: Database) -> None:
    """The page scrolls, not a figure's table: "What went together, across months" stopped
    at 19 of its 30 rows, at any size, with nothing to scroll it by (the app's tables
    are at most 20 lines tall elsewhere)."""
    from planner_tui.services import demo

    with sqlite_db.write() as s:
        demo.generate(session=s, years=2, seed=1)
    app = make_app(sqlite_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await press(app, pilot, "r", "left")
        tables = [t for t in app.screen.query(DataTable) if t.display and t.row_count]
        assert max(t.row_count for t in tables) > 19  # a table that was cut
        for grid in tables:
            assert grid.size.height == grid.row_count + 1, (grid.id, grid.row_count)


async def test_a_draft_kept_in_another_window_survives_a_save_here_and_keeps_its_changes(
    sqlite_db: Database,
) -> None:
    """Two windows on one month's intentions: one kept its words as a draft (Escape), the
    other saved. The save removed the draft — the words were gone, without a question.
    Now each window keeps its own draft; taken back, a draft changes only what was typed
    in it, and says which of those were changed elsewhere since."""
    from planner_tui.services import drafts

    stored_then = {"intention0": "walk with Ben", "intention1": "", "intention2": "",
                   "wins": "W", "note": ""}  # fmt: skip
    with sqlite_db.write() as s:
        review.save_month_notes(
            session=s, data={"month": "2026-11", "intentions": ["walk with Ben"], "wins": "W"}
        )
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "r", "n")
        with sqlite_db.write() as s:  # the other window's draft, kept as this one is open
            drafts.save_draft(session=s, key="intentions:2026-11", payload={
                **stored_then, "intention0": "walk with Ben on Sundays", "wins": "W LOSTME",
                "_base": stored_then})  # fmt: skip
        app.screen.query_one("#intention0", Input).value = "call Ana weekly"
        app.screen.query_one("#intention2", Input).value = "third"
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, ReviewScreen)

        await press(app, pilot, "n")
        form = app.screen
        assert isinstance(form, IntentionsForm)
        held = {k: v for k, v in form.values().items() if k != "note"}
        assert held == {
            "intention0": "walk with Ben on Sundays",
            "intention1": "third",
            "intention2": "",
            "wins": "W LOSTME",
        }  # fmt: skip (kept in order)
        note = str(form.query_one("#draft-note").render())
        assert note.startswith("Picked up where you left off")
        assert "Since it was written, intention 1 changed elsewhere" in note
        await press(app, pilot, "ctrl+s")  # asked, as any change made elsewhere is (nu184)
        assert isinstance(app.screen, Choice), screen_text(app)
        assert "call Ana weekly" in " ".join(screen_text(app).split())  # what would go
        await press(app, pilot, "tab", "enter")  # Save mine over it
        assert isinstance(app.screen, ReviewScreen)
    with sqlite_db.session() as s:
        notes = review.month_notes(session=s, month="2026-11")
        assert drafts.load_draft(session=s, key="intentions:2026-11") is None
    assert notes is not None
    assert (notes.intentions, notes.wins) == (["walk with Ben on Sundays", "third"], "W LOSTME")


async def test_a_name_of_hundreds_of_letters_hides_no_one_after_it(sqlite_db: Database) -> None:
    """A 360-letter name in "Past their rhythm" was one line too wide, wrapped again when
    drawn, and pushed the last person (Bo) out of the figure's box."""
    from textual.geometry import Region

    from planner_tui import clock
    from planner_tui.ui.screens.base import HangingLines

    long = "Bartholomew-" * 30
    clock.freeze(datetime(2026, 9, 1, 9))
    with sqlite_db.write() as s:
        for name in (long, "Ana", "Cy", "Dee", "Bo"):
            people.create_person(session=s, data={"name": name, "cadence_days": 7})
    clock.freeze(datetime(2026, 11, 23, 20))
    app = make_app(sqlite_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await press(app, pilot, "r")
        box = app.screen.query_one("#figure-breadth").query_one(HangingLines)
        drawn = box.render_lines(Region(0, 0, box.size.width, box.size.height))
        shown = "\n".join(strip.text for strip in drawn)
        assert "Past their rhythm on 23 Nov (5):" in shown
        for name in ("Ana", "Cy", "Dee", "Bo"):
            assert f"• {name}" in shown, shown
        assert all(strip.cell_length <= box.size.width for strip in drawn)


async def test_an_intention_too_long_is_named_and_gets_the_cursor(sqlite_db: Database) -> None:
    """The note under the three intentions says which one is too long, and that one gets
    the cursor (it went to the last one typed in, the third)."""
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "r", "n")
        form = app.screen
        assert isinstance(form, IntentionsForm)
        form.query_one("#intention1", Input).value = "x" * 4998
        form.query_one("#intention2", Input).focus()
        await press(app, pilot, *"short", "ctrl+s")
        assert app.screen is form
        note = str(form.query_one("#intentions-problem").render())
        assert note.startswith("Intention 2 is 4,998 characters long"), note
        assert form.focused is form.query_one("#intention1", Input)
    with sqlite_db.session() as s:
        assert review.current_intentions(session=s, today=date(2026, 12, 1)) == []


async def test_an_intention_too_long_is_said_while_typing(sqlite_db: Database) -> None:
    """The box takes any length (a paste is kept whole); the note says so as it happens,
    not only when saving, and goes once the intention is short enough."""
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "r", "n")
        form = app.screen
        assert isinstance(form, IntentionsForm)
        form.query_one("#intention0", Input).value = "call Ana " * 56  # 504 characters
        await press(app, pilot, "backspace")
        note = form.query_one("#intentions-problem")
        assert str(note.render()).startswith("Intention 1 is 503 characters long"), note.render()
        await press(app, pilot, *["backspace"] * 3)
        assert not str(note.render()).strip() or not note.display


async def test_each_figure_says_how_it_is_counted(sqlite_db: Database) -> None:
    two_months(sqlite_db)
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "r")
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        # As first opened, no figure is selected: h selects and explains the one at the
        # top of the page (it said "Tab to a figure first").
        assert screen.focused_figure() is None
        await press(app, pilot, "h")
        assert isinstance(app.screen, Explanation)
        assert "Overview" in screen_text(app)
        await press(app, pilot, "escape")
        assert screen.focused_figure() is not None
        assert screen.focused_figure().key == "overview"  # type: ignore[union-attr]
        screen.query_one("#table-overview", DataTable).focus()
        await press(app, pilot, "down", "down", "h")  # the third row: average mood
        assert isinstance(app.screen, Explanation)
        assert "How it's counted: Overview — Average mood (1–5)" in screen_text(app)
        assert "mood scores" in screen_text(app) and "not counted as zero" in screen_text(app)
        await press(app, pilot, "escape")
        screen.focus_figure("reciprocity")
        await press(app, pilot, "h")
        assert "who reached out first" in screen_text(app)
        await press(app, pilot, "escape", "tab", "h")  # tab goes on to the next figure
        assert "Parts of life in touch: active contexts" in screen_text(app)
        await press(app, pilot, "escape", "tab", "h")
        assert "Small steps due in the month by outcome" in screen_text(app)
        # A figure with too little to tell is named at the end, and h there says what
        # each needs; the figure itself takes no tab.
        await press(app, pilot, "escape")
        assert not screen.query_one("#figure-associations").display
        screen.focus_figure("associations")
        await press(app, pilot, "h")
        assert "3 scored days with something and 3 without it" in screen_text(app)


async def test_saving_the_review_as_markdown_matches_the_screen(
    sqlite_db: Database, tmp_path: Path
) -> None:
    two_months(sqlite_db)
    target = tmp_path / "october.md"
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "r", "left")
        on_screen = overview(app)
        await press(app, pilot, "o")
        assert isinstance(app.screen, ExportFile)
        # In the planner's own folder, --home given: not the demo's review in your real home
        offered = app.screen.query_one("#export-path", Input).value
        assert offered == f"{sqlite_db.location.home}/planner-tui-review-2026-10.md"  # (nu182)
        assert "The review of October 2026 as Markdown" in screen_text(app)  # not "this month's"
        app.screen.query_one("#export-path", Input).value = str(target)
        await press(app, pilot, "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Monthly review — October 2026")
    for name, cells in on_screen.items():
        assert f"| {name} | {' | '.join(cells)} |" in text


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_what_went_together_across_months_shows_every_column_however_long_a_name(
    sqlite_db: Database, size: tuple[int, int]
) -> None:
    """The long name narrows; the headings and figures, down to the effect, stay whole.
    With her: 5, 4, 5; without: 3, 2, 3 → +2.0, and an effect of 2 / √(1/3) ≈ +3.5."""
    with sqlite_db.write() as s:
        ana = people.create_person(
            session=s, data={"name": "Anastasia Featherstonehaugh-Worthington"}
        ).id
        for n, connected in enumerate([5, 4, 5, 3, 2, 3]):
            journal.save_entry(session=s, data={"day": date(2026, 11, 1 + n),
                "connectedness": connected, "person_ids": [ana] if n < 3 else []})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=size) as pilot:
        await press(app, pilot, "r")
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        screen.focus_figure("across", scroll=True)
        await settle(app, pilot)
        grid = screen.query_one("#table-across", DataTable)
        assert grid.region.right <= size[0]
        heading, first = (grid.render_line(y).text for y in (0, 1))
        for label in ("months", "score", "days", "with", "without", "diff", "effect"):
            assert label in heading, (label, heading)
        assert first.split()[-2:] == ["+2.0", "+3.5"], first
        assert "Anastas" in first  # the name gave way (at 80 columns, cut with …)
        assert ("Worthington" in first) is (size[0] == 120)  # at 80 the name gave way


async def test_the_loneliness_checks_answers_go_to_their_ends_and_by_a_letter(
    sqlite_db: Database,
) -> None:
    """End then Space picked "never" (End did nothing in the answers), and letters typed to
    find "some of the time" did nothing, so Space picked the first: a wrong answer saved,
    on the most sensitive form in the app."""
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "r", "l")
        form = app.screen
        assert isinstance(form, LonelinessForm)
        await press(app, pilot, "end", "space", "tab")  # often, the last
        await press(app, pilot, "s", "space", "tab")  # some of the time
        await press(app, pilot, "end", "home", "space", "tab")  # hardly ever, the first
        # "o" is "often", as above (it was "occasionally", nu156); again, the next "o" answer
        await press(app, pilot, "o")  # the letter picks (Tab went on with none, nu161)
        assert form.query_one("#how_often", RadioSet).pressed_index == 4
        await press(app, pilot, "o", "space")  # space on the one picked keeps it
        answers = {r.id: r.pressed_index for r in form.query(RadioSet)}
    assert answers == {"lack_companionship": 2, "left_out": 1, "isolated": 0, "how_often": 2}


async def test_a_word_typed_on_the_loneliness_check_picks_no_answer(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typed on a question, "hello" picked "hardly ever" with its h and "often" with its o,
    unseen and unheard: a word typed into the wrong window recorded the loneliest answer
    (nu180). Letters that spell no answer put back the answer before them and ring."""
    from planner_tui.ui.forms import review as review_form

    monkeypatch.setattr(review_form, "FIND_PAUSE", 60.0)  # however slowly the test types
    bells: list[None] = []
    app = make_app(sqlite_db)
    monkeypatch.setattr(app, "bell", lambda: bells.append(None))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await press(app, pilot, "r", "l")
        form = app.screen
        assert isinstance(form, LonelinessForm)
        await press(app, pilot, *"hello")
        await press(app, pilot, "tab", "end", "space", "tab")  # often, picked on purpose
        await press(app, pilot, *"hello", "tab", *"some")  # a word, then an answer spelled
        answers = {r.id: r.pressed_index for r in form.query(RadioSet)}
        assert answers == {"lack_companionship": -1, "left_out": 2, "isolated": -1,
                           "how_often": 3}  # none, often, none, some of the time  # fmt: skip
        assert bells  # heard


async def test_intentions_for_a_month_gone_by_are_not_said_to_show_on_today(
    sqlite_db: Database,
) -> None:
    """`n` on a review two years back said its intentions "show on Today all through
    December 2024" (nu127): that month has gone by."""
    with sqlite_db.write() as s:
        journal.save_entry(session=s, data={"day": date(2026, 8, 3), "body": "the first"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "r", "n")
        asked = " ".join(screen_text(app).split())
        assert "They show on Today all through December 2026." in asked  # November's
        await press(app, pilot, "escape", "left", "n")  # October's, for November: under way
        asked = " ".join(screen_text(app).split())
        assert "They show on Today for the rest of November 2026." in asked  # (nu166)
        await press(app, pilot, "escape", "left", "n")  # September's, for October
        assert isinstance(app.screen, IntentionsForm)
        asked = " ".join(screen_text(app).split())
        assert "for October 2026, gone by now: they are kept with this review." in asked
        assert "show on Today" not in asked


async def drawn(app: Any, pilot: Any, key: str) -> list[str]:
    """What a figure shows on the terminal, line by line, its top brought to the page's."""
    app.screen.focus_figure(key, scroll=True)
    await settle(app, pilot)
    box = app.screen.query_one(f"#figure-{key}").content_region  # not the focus bar
    return [line[box.x : box.right] for line in on_screen(app)[box.y : box.bottom]]


WIDTHS = (80, 60, 50, 40)
"""Widths a figure of the Review is read at, one app made narrower and narrower (a new user's
terminal at 60 columns cut or hid figures that 80 showed whole)."""


async def at_each_width(app: Any, pilot: Any, height: int = 60) -> AsyncIterator[int]:
    """The Review open, at each of :data:`WIDTHS` in turn (*height* lines tall)."""
    for width in WIDTHS:
        await pilot.resize_terminal(width, height)
        await settle(app, pilot)
        yield width


async def test_a_low_day_keeps_its_height_beside_taller_ones_at_any_width(
    sqlite_db: Database,
) -> None:
    """A new user's 30 days, scored 5 but for the 25th (2) and the 27th (1): at 60 columns
    (48 of chart) the bars beside those two covered them — every day looked 3 or more —,
    and at 50 the chart lost its title. Each day lower than a level is a gap in that
    level's row, however many rows of days the chart takes to fit."""
    with sqlite_db.write() as s:
        for day in range(1, 31):
            connected = {25: 2, 27: 1}.get(day, 5)
            journal.save_entry(
                session=s, data={"day": date(2026, 9, day), "connectedness": connected}
            )
    app = make_app(sqlite_db)
    async with app.run_test(size=(WIDTHS[0], 60)) as pilot:
        await press(app, pilot, "r", "left", "left")  # September, all 30 days
        async for width in at_each_width(app, pilot):
            lines = await drawn(app, pilot, "daily")
            titles = [
                n for n, line in enumerate(lines) if "Connectedness each" in line or "Mood" in line
            ]
            assert len(titles) == 2, (width, lines)  # each chart says what it shows
            connectedness = lines[titles[0] : titles[1]]

            def days_lower_than(level: int, connectedness: list[str] = connectedness) -> int:
                rows = [line.split("┤", 1)[1] for line in connectedness if f"{level}┤" in line]
                return sum(len(re.findall(" +", row.strip(" │"))) for row in rows)

            lower = [days_lower_than(level) for level in (5, 4, 3, 2, 1)]
            assert lower == [2, 2, 2, 1, 0], (width, lines)


def a_demo(db: Database) -> None:
    """Two years of the demo's sample life, as a new user tries the planner out."""
    from planner_tui.services import demo

    with db.write() as s:
        demo.generate(session=s, years=2, seed=1)


async def test_each_months_figures_show_whole_at_any_width(sqlite_db: Database) -> None:
    """The demo's last twelve months: at 60 columns the table cut each month's 'parts of
    life', 10, to '1'. Its headings give way now (cut with …), never a figure."""
    a_demo(sqlite_db)
    app = make_app(sqlite_db)
    async with app.run_test(size=(WIDTHS[0], 60)) as pilot:
        await press(app, pilot, "r")
        box = app.screen.query_one("#figure-trend", FigureBox)
        assert box.figure is not None and box.figure.table is not None
        async for width in at_each_width(app, pilot):
            shown = [line.split() for line in await drawn(app, pilot, "trend")]
            for row in box.figure.table.rows:
                assert " ".join(row).split() in shown, (width, row, shown)


async def test_each_weeks_count_shows_at_any_width(sqlite_db: Database) -> None:
    """The demo's weeks of 36 to 38 contacts: at 50 columns and below each week's bar ran
    off the screen, and its count with it. The bars shorten to the width now."""
    a_demo(sqlite_db)
    app = make_app(sqlite_db)
    async with app.run_test(size=(WIDTHS[0], 60)) as pilot:
        await press(app, pilot, "r")
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and screen.data is not None
        totals = [sum(week.counts.values()) for week in screen.data.weeks]
        assert max(totals) > 30
        async for width in at_each_width(app, pilot):
            weeks = [line.rstrip() for line in await drawn(app, pilot, "weeks") if " │" in line]
            counts = [line.split()[-1] for line in weeks]
            assert counts == [str(t) if t else "│" for t in totals], (width, weeks)


async def test_every_months_bars_and_name_show_at_any_width(sqlite_db: Database) -> None:
    """The demo's twelve months, reviewed in October: plotext lost April's name at 60
    columns, July's connectedness bar under mood's at 50 (7 months named), all but 5 bars
    at 40, and at every width ended each bar at its 4 row (4.6 read as 4.0). Each month
    has its two bars and its name now, their tops at its averages (to an eighth)."""
    a_demo(sqlite_db)
    app = make_app(sqlite_db)
    async with app.run_test(size=(WIDTHS[0], 60)) as pilot:
        await press(app, pilot, "r", "left")
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and screen.data is not None
        months = screen.data.trend
        async for width in at_each_width(app, pilot):
            drawn_bars = month_bars_read("\n".join(await drawn(app, pilot, "trend")))
            assert [name for name, _, _ in drawn_bars] == [f"{m.month:%b}" for m in months]
            for (name, connected, mood), month in zip(drawn_bars, months, strict=True):
                assert connected is not None and mood is not None, (width, name)
                assert abs(connected - (month.avg_connectedness or 0)) <= 1 / 16, (width, name)
                assert abs(mood - (month.avg_mood or 0)) <= 1 / 16, (width, name)


def in_order(wanted: list[str], words: list[str]) -> bool:
    """Whether each of *wanted* is among *words*, whole, in the same order."""
    remaining = iter(words)
    return all(any(word == one for word in remaining) for one in wanted)


async def test_every_figure_of_the_tables_by_what_went_together_shows_at_any_width(
    sqlite_db: Database,
) -> None:
    """The demo's October: below 80 columns "What went together, across months" ran past
    the terminal's edge, with nothing to scroll it by (← → turn the month): at 50 columns
    *without* showed 4 for 4.3, at 40 the figures were gone, and "What came with warmer
    days" lost its last figures at 40. The words give way now (its kind, the score's name
    too), then the space between columns; where even then the figures don't fit across,
    each row is folded under its words."""
    a_demo(sqlite_db)
    app = make_app(sqlite_db)
    async with app.run_test(size=(WIDTHS[0], 250)) as pilot:  # the whole figure in sight
        await press(app, pilot, "r", "left")
        async for width in at_each_width(app, pilot, height=250):
            for key in ("associations", "across"):
                box = app.screen.query_one(f"#figure-{key}", FigureBox)
                assert box.figure is not None and box.figure.table is not None
                shown = box.figure.table
                words = {i % len(shown.columns) for i in shown.give_way}
                figures = [
                    part
                    for row in shown.rows
                    for index, cell in enumerate(row)
                    if index not in words
                    for part in cell.split()
                ]
                seen = " ".join(await drawn(app, pilot, key)).split()
                assert in_order(figures, seen), (width, key, seen)


async def test_the_overviews_rows_are_told_apart_at_any_width(sqlite_db: Database) -> None:
    """At 50 and 40 columns the Overview's names were cut to "Average…" twice, "Comfort…"
    twice and "Small st…" twice, while its figures had room to spare. Each keeps what tells
    it from the others now: the space between columns and the headings give way first."""
    a_demo(sqlite_db)
    app = make_app(sqlite_db)
    async with app.run_test(size=(WIDTHS[0], 60)) as pilot:
        await press(app, pilot, "r", "left")
        box = app.screen.query_one("#figure-overview", FigureBox)
        assert box.figure is not None and box.figure.table is not None
        async for width in at_each_width(app, pilot):
            lines = iter(await drawn(app, pilot, "overview"))
            names = []
            for name, *figures in box.figure.table.rows:  # each on a line of its own, in turn
                row = r"\s*(.+?)\s+" + r"\s+".join(map(re.escape, figures)) + r"\s*"
                shown = next(m[1] for line in lines if (m := re.fullmatch(row, line)))
                assert name.startswith(shown.removesuffix("…")), (width, name, shown)
                names.append(shown)
            assert len(set(names)) == len(names), (width, names)


async def test_the_no_later_month_notice_goes_when_the_month_changes(sqlite_db: Database) -> None:
    """→ on this month says later ones have not happened yet; the toast stayed over the
    month before once ← had gone there, reading as if that were the current one (nu166)."""
    with sqlite_db.write() as s:
        journal.save_entry(session=s, data={"day": date(2026, 10, 5), "body": "first day"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await press(app, pilot, "r", "right")
        assert said(app, words.NO_LATER_MONTH)
        await press(app, pilot, "left")
        assert not said(app, words.NO_LATER_MONTH)
        assert "October 2026" in screen_text(app)


async def test_h_on_a_month_with_no_figure_says_why(sqlite_db: Database) -> None:
    """`h` on a month before the planner said "still opening", however long one waited
    (nu173): it says why there is no figure."""
    two_months(sqlite_db)
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await press(app, pilot, "r", "left", "left", "h")
        assert isinstance(app.screen, Explanation)
        assert words.NOTHING_TO_COUNT in " ".join(screen_text(app).split())
        assert not said(app, "still opening")


async def test_h_typed_at_once_after_end_explains_the_figure_end_came_to(
    sqlite_db: Database,
) -> None:
    """`← End h` in one burst: the page ended on the last figure, and `h` explained the
    Overview, the figure focused before End had moved the focus (nu173, 2 times in 3)."""
    from .test_typeahead import burst

    two_months(sqlite_db)
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await press(app, pilot, "r")
        burst(app, "left", "end", "h")
        await settle(app, pilot)
        explained = app.screen
        assert isinstance(explained, Explanation)
        await press(app, pilot, "escape")
        review_screen = app.screen
        assert isinstance(review_screen, ReviewScreen)
        box = review_screen.focused_figure()
        assert box is not None and box.key != "overview" and box.figure is not None
        assert explained.heading == box.figure.title


async def test_g_goes_to_a_month_typed(sqlite_db: Database) -> None:
    """nu262: a month years back took minutes of ←. `g` takes one typed, by its number or
    its name; one that can't be read, or still to come, is said in the dialog, which stays."""
    from planner_tui.ui.modals.month import MonthPrompt

    two_months(sqlite_db)
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await press(app, pilot, "r", "g", *"2019-03", "enter")
        assert title(app) == "Monthly review — March 2019"
        await press(app, pilot, "g", *"[b]march", "enter")
        assert isinstance(app.screen, MonthPrompt)
        assert "'[b]march' is not a month; write it like 2026-11 or nov 2026." in screen_text(app)
        await press(app, pilot, *["backspace"] * 8, *"jan 2027", "enter")
        assert isinstance(app.screen, MonthPrompt)
        assert "That month is still to come: the latest is November 2026." in screen_text(app)
        await press(app, pilot, *["backspace"] * 8, *"october", "enter")
        assert title(app) == "Monthly review — October 2026"
        await press(app, pilot, "g", *"2001-01", "escape")
        assert title(app) == "Monthly review — October 2026"
        # The first month a calendar has: ← says there is none before it (it closed the
        # app, nu263).
        await press(app, pilot, "g", *"0001-01", "enter", "left")
        assert app.is_running and title(app) == "Monthly review — January 0001"
        assert any(words.NO_EARLIER_MONTH in str(n.message) for n in app._notifications)
