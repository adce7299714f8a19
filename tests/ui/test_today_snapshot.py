"""Today at the first frame: the saved picture is used only while it is still true."""

from __future__ import annotations

import json
import stat
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from planner_tui import clock
from planner_tui.config import Settings
from planner_tui.db.engine import Database
from planner_tui.services import drafts, steps
from planner_tui.ui import snapshot
from planner_tui.ui.app import PlannerApp
from planner_tui.ui.backend import Backend

from .test_app import SIZE, make_app, screen_text, settle
from .test_plan import a_few_people, local


@pytest.fixture
def slow_open(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The data layer stays closed until the test lets it open."""
    release = threading.Event()
    real_open = Backend.open

    def held_open(self: Backend) -> None:
        if self._database is None:  # apps given a database open at once
            release.wait(10)
        real_open(self)

    monkeypatch.setattr(Backend, "open", held_open)
    yield release
    release.set()


async def seen_at_start(db: Database, release: threading.Event) -> str:
    """What Today shows before the database has opened."""
    app = PlannerApp(Settings(home=db.location.home))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        release.set()
        await settle(app, pilot)
    return shown


async def show_today_once(db: Database) -> None:
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)


def with_a_step(db: Database) -> int:
    ids = a_few_people(db)
    with db.write() as s:
        return steps.create_step(session=s, data={"person_id": ids["Bo"],
                                 "action": "send Bo the [b]photos[/b]",
                                 "due_at": local("2026-11-23T21:00")}).id  # fmt: skip


async def test_today_is_there_before_the_data_layer_opens(
    sqlite_db: Database, slow_open: threading.Event
) -> None:
    with_a_step(sqlite_db)
    await show_today_once(sqlite_db)
    file = sqlite_db.location.home / snapshot.FILE_NAME
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    shown = await seen_at_start(sqlite_db, slow_open)
    assert "send Bo the [b]photos[/b]" in shown and "Ana" in shown  # due, and drifting
    assert "Opening your planner" not in shown


async def test_drafts_keep_the_picture_but_any_change_to_data_retires_it(
    sqlite_db: Database, slow_open: threading.Event
) -> None:
    step = with_a_step(sqlite_db)
    await show_today_once(sqlite_db)
    with sqlite_db.write(changes_data=False) as s:
        drafts.save_draft(session=s, key="person:new", payload={"name": "half-typed"})
    assert "send Bo the [b]photos[/b]" in await seen_at_start(sqlite_db, slow_open)
    slow_open.clear()
    with sqlite_db.write() as s:
        steps.record_outcome(session=s, step_id=step, outcome={"status": "done"})
    shown = await seen_at_start(sqlite_db, slow_open)
    assert "photos" not in shown and "Opening your planner" in shown


async def test_a_new_day_or_a_damaged_file_means_a_fresh_load(
    sqlite_db: Database, slow_open: threading.Event
) -> None:
    with_a_step(sqlite_db)
    await show_today_once(sqlite_db)
    clock.freeze(datetime(2026, 11, 24, 8, 0))
    assert "Opening your planner" in await seen_at_start(sqlite_db, slow_open)
    clock.freeze(datetime(2026, 11, 23, 20, 0))
    file = sqlite_db.location.home / snapshot.FILE_NAME
    saved = json.loads(file.read_text())
    saved["today"]["due"] = "not a list"
    file.write_text(json.dumps(saved))
    slow_open.clear()
    assert "Opening your planner" in await seen_at_start(sqlite_db, slow_open)
    file.write_text("{not json")
    assert snapshot.read(sqlite_db.location.home / "planner.db", clock.today()) is None


def test_the_data_version_reads_without_the_data_layer(sqlite_db: Database, tmp_path: Path) -> None:
    path = sqlite_db.location.home / "planner.db"
    before = snapshot.data_version(path)
    with sqlite_db.write() as s:
        drafts.set_setting(session=s, key="anything", value=1)
    assert snapshot.data_version(path) == (before or 0) + 1
    assert snapshot.data_version(tmp_path / "missing.db") is None
    (tmp_path / "junk.db").write_bytes(b"not a database")
    assert snapshot.data_version(tmp_path / "junk.db") is None
