"""Views not yet visited are made while the person reads the first one: a first visit then
shows its data at once, and still shows what changed since it was made."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from textual.widgets import Static

from planner_tui.db.engine import Database
from planner_tui.services import people
from planner_tui.ui.app import PlannerApp
from planner_tui.ui.forms.people import PersonForm
from planner_tui.ui.modals.notice import HelpScreen
from planner_tui.ui.screens.base import ViewScreen
from planner_tui.ui.screens.map import MapScreen
from planner_tui.ui.screens.today import TodayScreen

from .test_app import SIZE, make_app, press, screen_text, settle


@pytest.fixture(autouse=True)
def views_made_while_reading(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """As the app runs for a person (the UI tests' conftest turns it off), counting the
    Map's reads."""
    monkeypatch.setattr(PlannerApp, "PREPARE_VIEWS", True)
    reads: list[str] = []
    load = MapScreen.load

    def counted(self: MapScreen) -> Any:
        reads.append("map")
        return load(self)

    monkeypatch.setattr(MapScreen, "load", counted)
    yield reads


def made(app: PlannerApp) -> dict[str, ViewScreen]:
    """The views made so far, by mode (Textual has no public list of them)."""
    return {mode: stack[0] for mode, stack in app._screen_stacks.items()}  # type: ignore[misc]


def keys_keep_coming(app: PlannerApp) -> None:
    """No view is made out of sight until :func:`a_long_pause`. Settling waits for every
    read, so a held read begun while Today settles (on a loaded machine settling can outlast
    the pause that begins one) would never let it end."""
    app.collector.last_used = time.monotonic() + 3600


def a_long_pause(app: PlannerApp) -> None:
    """As if no key had come for a minute: views are made out of sight from now on."""
    app.collector.last_used = time.monotonic() - 60


async def until_made(app: PlannerApp, pilot: Any, *modes: str) -> None:
    """Wait until each of *modes* is made and shows its data, out of sight."""
    deadline = time.monotonic() + 60
    while not all(mode in made(app) and made(app)[mode]._shown for mode in modes):
        assert time.monotonic() < deadline, f"not made in time: {list(made(app))}"
        await pilot.pause(0.05)


async def test_every_view_is_made_out_of_sight_and_shows_at_once(
    sqlite_db: Database, views_made_while_reading: list[str]
) -> None:
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Ana Real [b]", "cadence_days": 7})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        today, focused, shown = app.screen, app.focused, screen_text(app)
        await until_made(app, pilot, "map", "plan", "journal", "review")
        # Nothing of it reached the screen: Today is as it was, its focus where it was.
        assert (app.screen, app.focused, screen_text(app)) == (today, focused, shown)
        assert isinstance(today, TodayScreen)
        assert views_made_while_reading == ["map"]
        await pilot.press("m")
        assert isinstance(app.screen, MapScreen)
        assert not app.screen.query_one("#loading", Static).display
        assert "Ana Real [b]" in screen_text(app)
        await settle(app, pilot)
        assert views_made_while_reading == ["map"]  # shown as read, not read again
        assert app.focused is app.screen.query_one("#people-table")


async def test_a_change_since_a_view_was_made_shows_on_its_first_visit(
    sqlite_db: Database, views_made_while_reading: list[str]
) -> None:
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await until_made(app, pilot, "map")
        with sqlite_db.write() as s:  # as the command line would, beside the app
            people.create_person(session=s, data={"name": "Bea Later"})
        await press(app, pilot, "m")
        assert "Bea Later" in screen_text(app)
        # And one saved in the app itself.
        await press(app, pilot, "t")
        await until_made(app, pilot, "plan", "journal", "review")
        await press(app, pilot, "m", "n")
        assert isinstance(app.screen, PersonForm)
        await pilot.press(*"Cai Saved", "ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, MapScreen)
        assert "Cai Saved" in screen_text(app)


async def test_nothing_is_made_while_keys_come_or_a_dialog_is_open(sqlite_db: Database) -> None:
    app = make_app(sqlite_db)
    keys_keep_coming(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await app.prepare_a_view()
        assert list(made(app)) == ["today"]
        await press(app, pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        a_long_pause(app)  # help open
        await app.prepare_a_view()
        assert list(made(app)) == ["today"]
        await press(app, pilot, "escape")
        a_long_pause(app)
        await app.prepare_a_view()
        assert "map" in made(app)


async def test_the_key_for_a_view_still_reading_out_of_sight_shows_it_once_read(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Dee Waiting"})
    reading, release = threading.Event(), threading.Event()
    load = MapScreen.load

    def held(self: MapScreen) -> Any:
        reading.set()
        release.wait()  # no time limit: a limit reached on a loaded machine showed the data
        return load(self)

    monkeypatch.setattr(MapScreen, "load", held)
    app = make_app(sqlite_db)
    keys_keep_coming(app)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            a_long_pause(app)
            deadline = time.monotonic() + 60
            while not reading.is_set():  # made out of sight, and its read begun
                assert time.monotonic() < deadline
                await pilot.pause(0.05)
            await pilot.press("m")
            assert isinstance(app.screen, MapScreen)
            assert app.screen.query_one("#loading", Static).display  # still reading: says so
            release.set()
            await settle(app, pilot)
            assert "Dee Waiting" in screen_text(app)
            await until_made(app, pilot, "plan", "journal", "review")  # and the others follow
    finally:
        release.set()  # a failed test leaves no read waiting


@pytest.mark.parametrize("closed_by", ["q", "the app closing"])
async def test_closing_while_a_view_is_made_out_of_sight_closes_cleanly(
    sqlite_db: Database, closed_by: str
) -> None:
    """Quitting a moment after the app shows, as its views are being made: the view half
    made is finished first (closed half-mounted, its widgets failed: no tab, no title)."""
    with sqlite_db.write() as s:
        for n in range(30):
            people.create_person(session=s, data={"name": f"Person {n}", "cadence_days": 7})
    app = make_app(sqlite_db)
    keys_keep_coming(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        a_long_pause(app)
        making = asyncio.create_task(app.prepare_a_view())
        deadline = time.monotonic() + 60
        while "map" not in made(app):  # begun: quit before its first layout
            assert time.monotonic() < deadline
            await asyncio.sleep(0)
        if closed_by == "q":
            await pilot.press("q")
    # Leaving run_test closes the app as Textual does, and raises what went wrong meanwhile.
    assert making.done() and making.exception() is None


async def test_two_reads_of_a_view_made_out_of_sight_show_it_once_whole(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Review's key while its read out of sight is still going: it reads again, and both
    reads end together. Their two showings overlapped: the second filled the figure boxes the
    first was still making — "Something went wrong" (seen in CI; here 1 run in 6)."""
    from planner_tui.ui.screens.review import FigureBox, ReviewScreen

    reads: list[int] = []
    release = threading.Event()
    load = ReviewScreen.load

    def held(self: ReviewScreen) -> Any:
        reads.append(1)
        release.wait()
        return load(self)

    monkeypatch.setattr(ReviewScreen, "load", held)
    shows = []
    show = ReviewScreen.show

    async def counted(self: ReviewScreen, shown: Any) -> None:
        shows.append(1)
        await show(self, shown)

    monkeypatch.setattr(ReviewScreen, "show", counted)

    async def slow_to_mount(self: FigureBox) -> None:  # a loaded machine's pace
        await asyncio.sleep(0.05)

    monkeypatch.setattr(FigureBox, "on_mount", slow_to_mount, raising=False)
    app = make_app(sqlite_db)
    keys_keep_coming(app)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            a_long_pause(app)
            deadline = time.monotonic() + 60
            while not reads:  # the Map, Plan and Journal made; the Review reading
                assert time.monotonic() < deadline
                await pilot.pause(0.05)
            await pilot.press("r")
            while len(reads) < 2:  # it reads again, held too
                assert time.monotonic() < deadline
                await pilot.pause(0.05)
            release.set()  # both reads end at once
            await settle(app, pilot)
            assert isinstance(app.screen, ReviewScreen)
            assert "went wrong" not in screen_text(app)
            assert not app.screen.query_one("#loading", Static).display
            assert len(shows) == 2  # both reads shown, one after the other
    finally:
        release.set()
