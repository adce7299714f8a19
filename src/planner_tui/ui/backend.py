"""The UI's one door to the data.

The database is opened off the UI thread, so the first frame never waits for it; screens
call services through :meth:`Backend.read` and :meth:`Backend.write` from thread workers
and receive read models, never live rows or sessions.

A call's arguments travel in a ``functools.partial``: mypy checks them against the
service's signature there (a misspelt keyword fails type checking), and the backend adds
the session: ``backend.read(partial(steps.due_steps, today=today))``.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from planner_tui.config import Settings
from planner_tui.errors import DamagedFile, PlannerError, StorageError

if TYPE_CHECKING:
    from planner_tui.daily import TodayFacts
    from planner_tui.db.engine import Database

T = TypeVar("T")
OPEN_TIMEOUT = 30.0
"""Seconds a read or write waits for the database to open before saying so."""
FIRST_READ_WAIT = 1.0
"""Seconds the database waits, at most, for the first view's quick read before opening."""


class Backend:
    def __init__(self, settings: Settings, database: Database | None = None) -> None:
        self.settings = settings
        self._database = database
        self._error: PlannerError | None = None
        self._failure: BaseException | None = None
        """An unexpected error while opening, for the worker that waits to raise."""
        self._ready = threading.Event()
        self._needed = threading.Event()
        """Set once the first view shows, or anything needs the open database."""
        self.version = 0
        """Counts writes that change what views show; a view reloads when it has moved on."""
        self.kept_version = 0
        """Counts writes of drafts and settings (Today says when a check-in waits as a draft)."""
        self._damaged: DamagedFile | None = None
        """What a read or write found: the file is damaged. Nothing more is written to it
        (:meth:`write`): a restore moves it aside, and what was saved into it with it."""
        self._lock = threading.Lock()
        self._closed = False
        self._opening = False
        """Whether the thread that opens the database has started (:meth:`close` waits)."""
        self._alongside = threading.local()
        """What each write of one thread also does, in its transaction (:meth:`alongside`)."""
        if database is not None:
            self._ready.set()

    def open(self) -> None:
        """Open (check, migrate) the database. Runs in a worker thread, once the first view
        has shown (:meth:`needed`): its quick read goes first. Opening imports the data
        layer, and beside that sqlite3 gives up Python's lock at every row and waits to get
        it back: at 100 years Today showed 0.35 s later."""
        if self._ready.is_set():
            return
        self._needed.wait(FIRST_READ_WAIT)
        # On a thread of its own that the process doesn't wait for: quitting while a server
        # doesn't answer ends the wait here (:meth:`close`) and the program at once.
        self._opening = True
        threading.Thread(target=self._open, name="open data", daemon=True).start()
        self._ready.wait()
        self._raise_failure()

    def needed(self) -> None:
        """The database may open now (see :meth:`open`)."""
        self._needed.set()

    def unlock(self, passphrase: str) -> None:
        """Open an encrypted database with *passphrase* (worker thread). On a wrong one,
        :attr:`error` says so and the database stays closed."""
        self._ready.clear()
        self._error = None
        self.settings = replace(self.settings, passphrase=passphrase)
        self._open()
        self._raise_failure()

    def _open(self) -> None:
        try:
            from planner_tui.db.engine import Location, open_database

            settings = self.settings
            location = Location(
                settings.resolved_url(), settings.resolved_home(), settings.passphrase
            )
            database = open_database(location)
            with self._lock:
                if self._closed:  # quit while it opened: nothing will use it
                    database.dispose()
                    return
                self._database = database
            # Earlier versions kept a picture of Today here, names and steps in the clear;
            # Today now reads its data quickly instead (see :meth:`today`).
            with contextlib.suppress(OSError):  # a read-only folder: it stays, unused
                (settings.resolved_home() / "today-snapshot.json").unlink(missing_ok=True)
        except PlannerError as error:
            self._error = error
        except BaseException as error:  # raised again in the worker (_raise_failure): crash.log
            self._failure = error
        finally:
            self._ready.set()

    def _raise_failure(self) -> None:
        failure, self._failure = self._failure, None
        if failure is not None:
            raise failure

    @property
    def error(self) -> PlannerError | None:
        return self._error

    @property
    def database(self) -> Database:
        self.needed()
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
        if self._closed:  # a read after closing opened a connection no one closed: a log left
            raise StorageError("The planner has closed.")
        return self._database

    def read(self, call: Callable[..., T], /) -> T:
        """*call* (a service, or a partial of one with its arguments) with a session."""
        with self._noting_damage(), self.database.session() as session:
            return call(session=session)

    def quick(self, read: Callable[[Any], T], *, timeout: float = 2.0) -> T | None:
        """*read* (a rule of :mod:`planner_tui.daily`, given a DB-API connection) on the
        SQLite file with the standard library, before the data layer is loaded or the
        database open: ``None`` when the file can't be read that way (another database, an
        encrypted file, an older schema, a damaged one), and the caller takes the full path,
        with every check and message that brings."""
        from planner_tui import daily

        database = self._plain_file()
        if database is None:
            return None
        return daily.read_file(database, read, timeout=timeout)

    def data_version(self) -> int:
        """Moves on with every change to the data by any program (drafts and settings
        aside): what was worked out from the data still holds while it stays the same."""
        from planner_tui import daily

        found = self.quick(daily.data_version)
        if found is not None:
            return found
        from planner_tui.db import DATA_VERSION_KEY
        from planner_tui.services import drafts  # the data layer: only when needed

        return int(self.read(partial(drafts.get_setting, key=DATA_VERSION_KEY, default=0)))

    def today(self, day: date, *, coming: int, check_in: date | None = None) -> TodayFacts:
        """What Today shows (:func:`planner_tui.daily.today_facts`): read with the standard
        library when it can be, so the daily home never waits for the data layer."""
        from planner_tui import daily

        found = self.quick(partial(daily.today_facts, today=day, coming=coming, check_in=check_in))
        if found is not None:
            return found
        from planner_tui.services import today  # the data layer: only when needed

        return self.read(partial(today.facts, today=day, coming=coming, check_in=check_in))

    def write(self, call: Callable[..., T], /, *, affects_views: bool = True) -> T:
        """*call* with a session, in one transaction — refused, in the same words, once the
        file is known to be damaged."""
        if self._damaged is not None:
            raise DamagedFile(str(self._damaged))
        with self._noting_damage(), self.database.write(changes_data=affects_views) as session:
            result = call(session=session)
            for also in getattr(self._alongside, "calls", ()):
                also(session=session)
        if affects_views:  # drafts and settings don't: views need not reload for them
            self.version += 1
        else:
            self.kept_version += 1
        return result

    @contextlib.contextmanager
    def alongside(self, also: Callable[..., object]) -> Iterator[None]:
        """Each write this thread makes in the block also does *also* (given a session), in
        the same transaction: a form's save lets its draft go in the write that saves its
        words, so no moment comes when both are on file (nu259: the app killed between the
        two, the saved contact came back as a draft and was saved twice)."""
        self._alongside.calls = (also,)
        try:
            yield
        finally:
            self._alongside.calls = ()

    @contextlib.contextmanager
    def _noting_damage(self) -> Iterator[None]:
        """Remembers a damaged file met by a read or a write (see :attr:`_damaged`)."""
        try:
            yield
        except DamagedFile as error:
            self._damaged = error
            raise

    # ---------------------------------------------------------------- the quick reads

    def _plain_file(self) -> Path | None:
        """The SQLite file, when the data is in one the standard library can read (not a
        server's, not an encrypted one) and the app can use: one it can't write is opened
        the full way, which says why before anything is shown."""
        from planner_tui.config import DB_FILENAME
        from planner_tui.db import can_write

        settings = self.settings
        database = settings.resolved_home() / DB_FILENAME
        return database if settings.plain_file and can_write(database) else None

    def saved_setting(self, key: str, default: Any = None) -> Any:
        """A setting read straight from the SQLite file, before the database is open: a few
        milliseconds, so it can shape the first frame. *default* when the file holds none
        or is still to be made (the first start); ``None`` for other databases, or when it
        can't be read (the open database says then)."""
        from planner_tui import daily
        from planner_tui.config import DB_FILENAME

        settings = self.settings
        file = settings.resolved_home() / DB_FILENAME
        given = self._database  # (a database handed in, a server's, is no file to look for)
        ours = given is None or given.location.sqlite_path == file
        if ours and settings.plain_file and not file.exists():
            return default
        return self.quick(partial(daily.setting, key=key, default=default), timeout=0.2)

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """The app is closing: whatever still waits for the database to open stops waiting.
        A file still opening (made, migrated, an encrypted one's key derived) is let finish
        first, for a while: its thread, left in the driver's own code as Python ended, could
        crash the process — a new encrypted home quit at once ended with a segmentation
        fault, its log left beside it (nu267). A server is not waited for: one that doesn't
        answer would hold the quit."""
        if self._opening and self.settings.resolved_url().startswith("sqlite"):
            from planner_tui.ui.threads import quit_wait

            self._ready.wait(quit_wait())
        with self._lock:
            self._closed = True
            if self._database is not None:
                self._database.dispose()
        if not self._ready.is_set():
            self._error = StorageError("The planner closed before its data opened.")
            self._ready.set()
