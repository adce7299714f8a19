"""The UI's one door to the data.

The database is opened off the UI thread, so the first frame never waits for it; screens
call services through :meth:`Backend.read` and :meth:`Backend.write` from thread workers
and receive read models, never live rows or sessions.

A call's arguments travel in a ``functools.partial``: mypy checks them against the
service's signature there (a misspelt keyword fails type checking), and the backend adds
the session: ``backend.read(partial(steps.due_steps, today=today))``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from planner_tui.config import Settings
from planner_tui.errors import PlannerError, StorageError

if TYPE_CHECKING:
    from planner_tui.db.engine import Database

T = TypeVar("T")
OPEN_TIMEOUT = 30.0
"""Seconds a read or write waits for the database to open before saying so."""


class Backend:
    def __init__(self, settings: Settings, database: Database | None = None) -> None:
        self.settings = settings
        self._database = database
        self._error: PlannerError | None = None
        self._ready = threading.Event()
        self.version = 0
        """Counts writes that change what views show; a view reloads when it has moved on."""
        if database is not None:
            self._ready.set()

    def open(self) -> None:
        """Open (check, migrate) the database. Runs in a worker thread."""
        if self._ready.is_set():
            return
        self._open()

    def unlock(self, passphrase: str) -> None:
        """Open an encrypted database with *passphrase* (worker thread). On a wrong one,
        :attr:`error` says so and the database stays closed."""
        self._ready.clear()
        self._error = None
        self.settings = replace(self.settings, passphrase=passphrase)
        self._open()

    def _open(self) -> None:
        try:
            from planner_tui.db.engine import Location, open_database

            settings = self.settings
            location = Location(
                settings.resolved_url(), settings.resolved_home(), settings.passphrase
            )
            self._database = open_database(location)
        except PlannerError as error:
            self._error = error
        finally:
            self._ready.set()

    @property
    def error(self) -> PlannerError | None:
        return self._error

    @property
    def database(self) -> Database:
        if not self._ready.wait(OPEN_TIMEOUT):
            raise StorageError(
                f"The planner's data did not open within {OPEN_TIMEOUT:.0f} seconds. If it "
                "is on a server or a network folder, check that it can be reached, then "
                "press ctrl+r."
            )
        if self._error is not None:
            raise self._error
        if self._database is None:
            raise StorageError("The database is not open.")
        return self._database

    def read(self, call: Callable[..., T], /) -> T:
        """*call* (a service, or a partial of one with its arguments) with a session."""
        with self.database.session() as session:
            return call(session=session)

    def data_version(self) -> int:
        """Moves on with every change to the data by any program (drafts and settings
        aside): what was worked out from the data still holds while it stays the same."""
        from planner_tui.db.engine import DATA_VERSION_KEY
        from planner_tui.services import drafts

        return int(self.read(partial(drafts.get_setting, key=DATA_VERSION_KEY, default=0)))

    def write(self, call: Callable[..., T], /, *, affects_views: bool = True) -> T:
        with self.database.write(changes_data=affects_views) as session:
            result = call(session=session)
        if affects_views:  # drafts and settings don't: views need not reload for them
            self.version += 1
        return result

    # ---------------------------------------------------------------- Today's picture

    def snapshot_file(self) -> Path | None:
        """The SQLite file a saved picture of Today belongs to (none for other databases)."""
        from planner_tui.config import DB_FILENAME

        # Never beside an encrypted file: the picture would hold its words in the clear.
        settings = self.settings
        return settings.resolved_home() / DB_FILENAME if settings.plain_file else None

    def saved_today(self, day: date) -> dict[str, Any] | None:
        """What Today last showed, if still true (see ui/snapshot.py). Worker thread: it
        reads the SQLite file, without waiting for the database to open."""
        from planner_tui.ui import snapshot

        database = self.snapshot_file()
        return snapshot.read(database, day) if database else None

    def saved_setting(self, key: str) -> Any:
        """A setting read straight from the SQLite file, before the database is open (see
        ui/snapshot.py): a few milliseconds, so it can shape the first frame. ``None`` for
        other databases, or when it can't be read (the open database says then)."""
        from planner_tui.ui import snapshot

        database = self.snapshot_file()
        return snapshot.setting(database, key) if database else None

    def save_today(self, version: int | None, day: date, payload: dict[str, Any]) -> None:
        from planner_tui.ui import snapshot

        database = self.snapshot_file()
        if database is not None:
            snapshot.write(database, version, day, payload)

    def close(self) -> None:
        if self._database is not None:
            self._database.dispose()
