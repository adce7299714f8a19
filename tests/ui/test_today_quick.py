"""Today at the start: its data read with the standard library, before the data layer has
loaded or the database opened — after a change made elsewhere and on a new day too."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot

from planner_tui import clock, daily
from planner_tui.config import Settings
from planner_tui.db.engine import Database
from planner_tui.services import drafts, steps
from planner_tui.ui import backend as backend_module
from planner_tui.ui.app import PlannerApp
from planner_tui.ui.backend import Backend
from planner_tui.ui.screens.today import TodayScreen

from ..silent_server import silent_server
from .test_app import SIZE, make_app, screen_text, settle
from .test_plan import a_few_people, local


@pytest.fixture
def slow_open(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The data layer stays closed until the test lets it open."""
    release = threading.Event()
    real_open = Backend.open

    def held_open(self: Backend) -> None:
        if self._database is None:  # apps given a database open at once
            release.wait(30)
        real_open(self)

    monkeypatch.setattr(Backend, "open", held_open)
    yield release
    release.set()


async def seen_before_opening(db: Database, release: threading.Event) -> str:
    """What Today shows once it has data, while the database has not opened yet."""
    app = PlannerApp(Settings(home=make_app(db).settings.home))  # the first-run notice seen
    async with app.run_test(size=SIZE) as pilot:
        deadline = time.monotonic() + 60  # only a cap: it returns as soon as Today shows
        screen = app.screen
        while not (isinstance(screen, TodayScreen) and screen._shown):
            assert time.monotonic() < deadline, "Today waited for the database to open"
            await pilot.pause(0.05)
            screen = app.screen
        assert app.backend._database is None  # still not open
        shown = screen_text(app)
        release.set()
        await settle(app, pilot)
        assert screen_text(app) == shown  # the full open found the same
    release.clear()
    return shown


async def asked_for_the_database(app: PlannerApp, pilot: Pilot[None]) -> None:
    """Wait until Today, not read the quick way, waits for the database to open."""
    deadline = time.monotonic() + 60  # only a cap
    while not app.backend._needed.is_set():
        assert time.monotonic() < deadline, "Today never asked for the database"
        await pilot.pause(0.01)


def with_a_step(db: Database) -> int:
    ids = a_few_people(db)
    with db.write() as s:
        return steps.create_step(session=s, data={"person_id": ids["Bo"],
                                 "action": "send Bo the [b]photos[/b]",
                                 "due_at": local("2026-11-23T21:00")}).id  # fmt: skip


async def test_today_shows_its_data_before_the_data_layer_opens(
    sqlite_db: Database, slow_open: threading.Event
) -> None:
    with_a_step(sqlite_db)
    shown = await seen_before_opening(sqlite_db, slow_open)
    assert "send Bo the [b]photos[/b]" in shown and "Ana" in shown  # due, and drifting
    assert "Opening your planner" not in shown


async def test_a_change_made_elsewhere_or_a_new_day_shows_at_the_start(
    sqlite_db: Database, slow_open: threading.Event
) -> None:
    step = with_a_step(sqlite_db)
    assert "photos" in await seen_before_opening(sqlite_db, slow_open)
    with sqlite_db.write() as s:  # as the command line would, between two starts
        steps.record_outcome(session=s, step_id=step, outcome={"status": "done"})
    shown = await seen_before_opening(sqlite_db, slow_open)
    assert "photos" not in shown and "Small steps taken this week (from Monday): 1." in shown
    clock.freeze(datetime(2026, 11, 24, 8, 0))
    assert "Tuesday 24 November 2026" in await seen_before_opening(sqlite_db, slow_open)


async def test_an_old_picture_of_today_is_removed_when_the_app_opens(
    sqlite_db: Database, slow_open: threading.Event
) -> None:
    """Earlier versions kept what Today showed beside the file, names in the clear."""
    old = sqlite_db.location.home / "today-snapshot.json"
    old.write_text('{"day": "2026-11-23", "today": {"due": []}}')
    await seen_before_opening(sqlite_db, slow_open)
    assert not old.exists()


def test_todays_read_and_the_data_version_load_no_data_layer(sqlite_db: Database) -> None:
    """What Today needs at the start comes without SQLAlchemy, SQLModel or pydantic: loading
    them takes most of a second, and a single import of them on the way (the services'
    settings reader, once) put Today back behind them."""
    with_a_step(sqlite_db)
    code = (
        "import sys, datetime; from pathlib import Path; from planner_tui.config import "
        "Settings; from planner_tui.ui.backend import Backend; "
        f"backend = Backend(Settings(home=Path({str(sqlite_db.location.home)!r}))); "
        "assert backend.data_version() > 0; "
        "facts = backend.today(datetime.date(2026, 11, 23), coming=5); "
        "assert [s.action for s in facts.due] == ['send Bo the [b]photos[/b]'], facts; "
        "print(sorted(m for m in sys.modules if m.startswith(HEAVY)))"
    ).replace(
        "HEAVY", repr(("sqlalchemy", "sqlmodel", "pydantic", "alembic", "planner_tui.services"))
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


async def test_the_database_opens_once_today_shows_what_it_read_quickly(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening loads the data layer; beside it, sqlite3 waits for Python's lock at every
    row, so Today's quick read goes first."""
    monkeypatch.setattr(backend_module, "FIRST_READ_WAIT", 60)  # no cap: the order alone
    with_a_step(sqlite_db)
    app = PlannerApp(Settings(home=make_app(sqlite_db).settings.home))
    seen: list[bool] = []
    real_open = Backend._open

    def watched_open(self: Backend) -> None:
        seen.append(isinstance(app.screen, TodayScreen) and app.screen._shown is not None)
        real_open(self)

    monkeypatch.setattr(Backend, "_open", watched_open)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.backend._database is not None  # it did open
        assert "send Bo the [b]photos[/b]" in screen_text(app)
    assert seen == [True]  # Today showed its data before the database began to open


def test_the_data_version_reads_without_the_data_layer(sqlite_db: Database, tmp_path: Path) -> None:
    path = sqlite_db.location.home / "planner.db"
    before = daily.read_file(path, daily.data_version)
    assert before is not None
    with sqlite_db.write() as s:
        drafts.set_setting(session=s, key="anything", value=1)
    assert daily.read_file(path, daily.data_version) == before + 1
    assert daily.read_file(tmp_path / "missing.db", daily.data_version) is None
    (tmp_path / "junk.db").write_bytes(b"not a database")
    assert daily.read_file(tmp_path / "junk.db", daily.data_version) is None


async def test_a_file_the_quick_read_cannot_use_waits_for_the_database(
    sqlite_db: Database, slow_open: threading.Event
) -> None:
    """An older schema (say) is read only once the database has opened and been brought up
    to date: until then Today says it is opening."""
    with_a_step(sqlite_db)
    connection = sqlite3.connect(sqlite_db.location.home / "planner.db")
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = 'older'")
    connection.close()
    app = PlannerApp(Settings(home=make_app(sqlite_db).settings.home))
    async with app.run_test(size=SIZE) as pilot:
        assert app.backend.quick(daily.data_version) is None  # not for this file
        await asked_for_the_database(app, pilot)  # the full way: no quick read came
        screen = app.screen
        assert isinstance(screen, TodayScreen) and not screen._shown
        assert str(screen.query_one("#loading").render()) == screen.LOADING
        slow_open.set()
        await settle(app, pilot)
        assert screen._answered and "photos" not in screen_text(app)  # a kind word instead
        assert not screen.query_one("#body").display  # no empty headings under it


async def test_while_today_opens_only_what_every_day_has_is_drawn(
    sqlite_db: Database, slow_open: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The headings shown only with something under them wait for the data: the start
    drew them all, then took most of them away again."""
    monkeypatch.setattr("planner_tui.db.can_write", lambda path: False)  # the full way
    with_a_step(sqlite_db)
    app = PlannerApp(Settings(home=make_app(sqlite_db).settings.home))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TodayScreen) and not screen._shown
        hidden = ["#due", "#coming-title", "#coming", "#drifting", "#dates-title", "#dates",
                  "#on-this-day-title", "#on-this-day"]  # fmt: skip
        assert [part for part in hidden if screen.query_one(part).display] == []
        slow_open.set()
        await settle(app, pilot)
        shown = [part for part in hidden if screen.query_one(part).display]
        assert shown == ["#due", "#drifting"]  # Bo's step; Ana past her rhythm


async def test_a_file_the_app_cannot_write_shows_nothing_before_the_database_opens(
    sqlite_db: Database, slow_open: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opened the full way, which says why it can't be used (the app then closes with that
    line): Today's data flashed up first and then vanished."""
    with_a_step(sqlite_db)
    home = make_app(sqlite_db).settings.home
    monkeypatch.setattr("planner_tui.db.can_write", lambda path: False)
    assert Backend(Settings(home=home)).quick(daily.data_version) is None
    app = PlannerApp(Settings(home=home))
    async with app.run_test(size=SIZE) as pilot:
        await asked_for_the_database(app, pilot)  # the full way: no quick read came
        assert "photos" not in screen_text(app)
        slow_open.set()


@pytest.mark.timeout(120)  # before: the program then waited for the server for good
@pytest.mark.parametrize("key", ["q", "ctrl+q"])
async def test_quitting_while_the_data_opens_quits_at_once(tmp_path: Path, key: str) -> None:
    """q or ctrl+q while a server takes the connection and never answers: other keys typed
    meanwhile wait for the data, but a quit waited too (ten seconds), and then the program
    stayed, waiting for the server, after its screen had gone."""
    home = tmp_path / "home"
    with silent_server(tmp_path) as url:
        app = PlannerApp(Settings(home=home, database_url=url + "&connect_timeout=3600"))
        async with app.run_test(size=SIZE) as pilot:
            await asked_for_the_database(app, pilot)
            assert "Opening your planner" in screen_text(app)
            await pilot.press(key)
            await pilot.pause()
            assert app.return_code == 0  # it quit, with nothing held
        assert app.backend.closed and not (home / "crash.log").exists()
