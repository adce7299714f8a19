"""Several writers on one database at once: the app (two of them) and the command line on
one SQLite file, and two "machines" (processes) on one PostgreSQL server. No one ever sees
"database is locked", and nothing anyone saved goes missing."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from textual.widgets import Input

from planner_tui.db.engine import Database, Location, open_database
from planner_tui.services import journal, people

from ..ui.test_app import make_app, press, screen_text, settle

pytestmark = pytest.mark.e2e

NOW = "2026-11-23T20:00:00"


def cli(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PLANNER_TUI_NOW": NOW, "TZ": "Europe/London"}
    return subprocess.Popen(
        [sys.executable, "-m", "planner_tui", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def check_ins_from_the_shell(home: Path, name: str, count: int) -> subprocess.Popen[str]:
    """One shell process writing *count* check-ins, one `planner-tui journal` after another."""
    days = [(date(2026, 1, 1) + timedelta(days=n)).isoformat() for n in range(count)]
    loop = " && ".join(
        f"{sys.executable} -m planner_tui --home {home} journal --day {day} '{name} {n}'"
        for n, day in enumerate(days)
    )
    env = {**os.environ, "PLANNER_TUI_NOW": NOW, "TZ": "Europe/London"}
    return subprocess.Popen(
        ["sh", "-c", loop], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )


async def add_people_through_the_map(app: object, pilot: object, prefix: str, n: int) -> None:
    await press(app, pilot, "m")  # type: ignore[arg-type]
    for i in range(n):
        await press(app, pilot, "n")  # type: ignore[arg-type]
        app.screen.query_one("#name", Input).value = f"{prefix} {i}"  # type: ignore[attr-defined]
        await press(app, pilot, "ctrl+s")  # type: ignore[arg-type]


async def test_two_apps_and_the_command_line_write_one_file_at_once(
    sqlite_db: Database, tmp_path: Path
) -> None:
    home = sqlite_db.location.home
    shells = [check_ins_from_the_shell(home, f"shell{k}", 8) for k in (1, 2)]
    second = open_database(Location(f"sqlite:///{home / 'planner.db'}", home))
    first_app, second_app = make_app(sqlite_db), make_app(second)
    async with (
        first_app.run_test(size=(120, 40)) as one,
        second_app.run_test(size=(120, 40)) as two,
    ):
        await settle(first_app, one)
        await settle(second_app, two)
        await asyncio.gather(
            add_people_through_the_map(first_app, one, "Ana", 6),
            add_people_through_the_map(second_app, two, "Bo", 6),
        )
        for shell in shells:
            while shell.poll() is None:
                await asyncio.sleep(0.05)
        for app in (first_app, second_app):
            problems = [n.message for n in app._notifications if n.severity == "error"]
            assert problems == []
            assert "locked" not in screen_text(app)
    second.dispose()
    for shell in shells:
        assert shell.returncode == 0 and shell.stderr is not None
        assert shell.stderr.read() == ""
    with sqlite_db.session() as s:
        names = sorted(p.name for p in people.list_people(session=s))
        bodies = sorted(e.body for e in journal.list_entries(session=s, limit=None))
    assert names == sorted([f"Ana {i}" for i in range(6)] + [f"Bo {i}" for i in range(6)])
    assert bodies == sorted(f"shell{k} {n}" for k in (1, 2) for n in range(8))


@pytest.mark.postgres
async def test_two_machines_on_one_server_see_each_others_changes(
    pg_database: Database,
) -> None:
    url = pg_database.location.url
    with pg_database.write() as s:
        for entry in journal.list_entries(session=s, limit=None):
            journal.delete_entry(session=s, entry_id=entry.id)
    app = make_app(pg_database)
    async with app.run_test(size=(120, 40)) as pilot:
        await press(app, pilot, "j")
        assert "from machine A" not in screen_text(app)
        machine_a = cli("--db", url, "journal", "from machine A")
        assert machine_a.wait(60) == 0
        machine_b = cli("--db", url, "search", "machine")
        out, err = machine_b.communicate(timeout=60)
        assert "from machine A" in out and err == ""
        assert cli("--db", url, "journal", "--day", "yesterday", "from machine B").wait(60) == 0
        await press(app, pilot, "ctrl+r")  # this machine refreshes its view
        shown = screen_text(app)
        assert "from machine A" in shown and "from machine B" in shown
