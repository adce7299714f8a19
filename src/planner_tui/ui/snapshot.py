"""A saved picture of Today, so the daily home is there at the first frame.

Loading Today needs the data layer (SQLAlchemy, SQLModel: ~0.4 s to import and open on
their own). So after each load, what Today showed is saved with the *data version* it was
read at (every write that changes data moves it on) and the day. At the next start it is
used only if the database still has that version and it is still that day: then it is
exactly what a fresh load would show, and the fresh load that follows only confirms it.

Only for the local SQLite file, read with the standard library in a few milliseconds. The
file sits beside the database, private like it (0600): it holds what Today shows. The
theme chosen is read from the database the same quick way, so the first frame has it.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from planner_tui.files import write_atomic

FILE_NAME = "today-snapshot.json"


def setting(database: Path, key: str, default: Any = None) -> Any:
    """A setting as the app keeps it (services/drafts.py), read with the standard library:
    *default* when there is none, ``None`` when the file can't be read."""
    if not database.is_file():
        return None
    try:
        # mode=rw, not ro: reading a WAL database may need to create its -shm file, and
        # rw never creates the database itself. Nothing is written.
        connection = sqlite3.connect(
            f"{database.resolve().as_uri()}?mode=rw", uri=True, timeout=0.2
        )
        try:
            row = connection.execute(
                "SELECT value FROM app_setting WHERE key = ?", (key,)
            ).fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return None
    if row is None:
        return default
    try:  # the column has numeric affinity: SQLite gives a JSON number back as a number
        return json.loads(row[0]) if isinstance(row[0], str) else row[0]
    except ValueError:
        return None


def data_version(database: Path) -> int | None:
    """The data version stored in the database file (0 before the first change: no row
    until then); ``None`` if it can't be read."""
    version = setting(database, "data_version", default=0)
    return version if isinstance(version, int) else None


def read(database: Path, day: date) -> dict[str, Any] | None:
    """What Today showed, if it is still true for *day* and the data now in *database*."""
    try:
        saved = json.loads(database.with_name(FILE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(saved, dict) or saved.get("day") != day.isoformat():
        return None
    if saved.get("version") is None or saved.get("version") != data_version(database):
        return None
    payload = saved.get("today")
    return payload if isinstance(payload, dict) else None


def write(database: Path, version: int | None, day: date, payload: dict[str, Any]) -> None:
    """Keep what Today shows for the next start. A failure only costs speed, never data."""
    if version is None:
        return
    text = json.dumps({"version": version, "day": day.isoformat(), "today": payload})
    with contextlib.suppress(OSError):
        write_atomic(database.with_name(FILE_NAME), text)
