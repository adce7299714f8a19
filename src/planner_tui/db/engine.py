"""Opening the database safely: checks, pragmas, migrations and backups.

Order matters for trust: a file that is damaged or written by a newer version is refused
*before* anything writes to it, and a copy is taken before any schema change.
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError
from sqlmodel import Session

from planner_tui import words
from planner_tui.clock import now
from planner_tui.db import (
    DATA_VERSION_KEY as DATA_VERSION_KEY,  # the services name it here
    SCHEMA_HEAD,
    can_write,
    copies_beside,
    copies_kept,
    emptied_with_log,
    left_unclean,
    read_only_uri,
    reads_damaged_text,
    schema_revision,
)
from planner_tui.errors import DamagedFile, NeedsPassphrase, StorageError
from planner_tui.files import (
    OPEN_DATABASES,
    copy_with_log,
    is_open_database,
    read_named,
    replace_durably,
)

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 15_000
"""How long to wait for another program writing to the file, unless the environment's
``PLANNER_TUI_BUSY_TIMEOUT_MS`` says otherwise (tests wait a moment, not 15 s)."""


CONNECT_TIMEOUT = 10
"""Seconds to wait for a PostgreSQL server to answer (without it, one that took the
connection and never answered held the app, and its quitting, for good). A URL's own
``?connect_timeout=`` wins."""
QUICK_CONNECT_TIMEOUT = 2
"""…for `planner-tui today`, which a shell runs as it starts: a laptop away from the network
its server is on waited ten seconds for every new shell (nu217)."""


def busy_timeout_ms() -> int:
    """:data:`BUSY_TIMEOUT_MS`, or ``PLANNER_TUI_BUSY_TIMEOUT_MS`` when it is a number."""
    said = os.environ.get("PLANNER_TUI_BUSY_TIMEOUT_MS", "").strip()
    return int(said) if said.isdigit() else BUSY_TIMEOUT_MS


@dataclass(frozen=True)
class Location:
    """Where the data lives: a URL, and for SQLite the file and its folder."""

    url: str
    home: Path
    passphrase: str | None = field(default=None, repr=False)
    """For an encrypted SQLite file (SQLCipher): the key it was encrypted with."""
    reading: bool = False
    """The command only reads: a SQLite file that can't be written here is opened read-only
    (:func:`planner_tui.db.read_only_uri`) instead of being refused."""
    connect_timeout: int | None = None
    """Seconds to wait for a PostgreSQL server to answer, if not :data:`CONNECT_TIMEOUT`."""

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    @property
    def in_memory(self) -> bool:
        """SQLite kept in memory (``sqlite://``, ``:memory:``, ``mode=memory``): gone when
        the command ends."""
        if not self.is_sqlite:
            return False
        url = make_url(self.url)
        database = url.database or ""
        return (
            database in ("", ":memory:")
            or database.startswith("file::memory:")
            or url.query.get("mode") == "memory"
            or "mode=memory" in database
        )

    @property
    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite:
            return None
        database = make_url(self.url).database
        if not database or database == ":memory:":
            return None
        return Path(database).expanduser()

    @property
    def backups(self) -> Path:
        """Where copies of the planner go: ``backups`` beside its SQLite file — the home's
        own, or the file ``--db`` names, as the advice for a damaged file says (with --db,
        they went to the home's folder, and delete-all removed that one, nu161). A server's
        planner has none: the home's folder is named, and holds none of its data."""
        path = self.sqlite_path
        return (path.parent if path is not None else self.home) / "backups"

    @property
    def display(self) -> str:
        path = self.sqlite_path
        if path is not None:
            return str(path)
        return make_url(self.url).render_as_string(hide_password=True)


SERVER_BACKUPS = "Backups are for the SQLite file. For PostgreSQL use pg_dump on the server."


def _driver_words(error: BaseException, *, values: bool = False) -> str:
    """The driver's own first line, without SQLAlchemy's additions: never the statement
    (``[SQL: …]``) nor its parameters, which may hold journal text; nor, unless *values*
    (a connection error: a host and port), what the driver quotes back."""
    inner = getattr(error, "orig", None) or error
    first = (str(inner).strip().splitlines() or [type(inner).__name__])[0]
    for marker in ("[SQL:", "[parameters:", "(Background on this error"):
        first = first.split(marker, 1)[0]
    if re.search(r"\b(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|PRAGMA)\b", first):
        first = type(inner).__name__  # a driver that quotes the statement: keep its kind
    # A value the driver quotes back (PostgreSQL: 'invalid input syntax for type integer:
    # "…"') may be someone's words; names of tables and constraints stay.
    if values:
        return first.strip()[:200]
    first = re.sub(r"(for type [\w ]+: )\S.*$", r"\1(a value)", first)
    first = re.sub(r'"(?![a-z_][a-z0-9_.]*")[^"]*"', '"…"', first)
    return first.strip()[:200]


PERCENT_ENCODED = "any @ : / # ? % or space in the password written as %40 %3A %2F %23 %3F %25 %20"
"""How a password is written in a database URL: each of those as its code."""
MIN_PASSPHRASE = 8


def passphrase_problem(passphrase: str) -> str | None:
    """Why *passphrase* won't do for encrypting a planner, or None: at least
    :data:`MIN_PASSPHRASE` characters, and more than spaces (nu264)."""
    if len(passphrase) < MIN_PASSPHRASE:
        return f"Choose a passphrase of at least {MIN_PASSPHRASE} characters."
    if not passphrase.strip():
        return "Choose a passphrase of more than spaces."
    return None


def describe_error(
    error: BaseException, database: Path | None = None, *, passphrase: str | None = None
) -> str:
    """Turn a database error into one sentence a person can act on (never raw SQL); a
    damaged SQLite *database* names where its backups are (:func:`damaged_words`)."""
    text = str(getattr(error, "orig", None) or error).lower()
    if "locked" in text or "busy" in text:
        return "Your planner is busy — another program is writing to it. Try again in a moment."
    if "disk is full" in text or "no space" in text:
        return "The disk is full, so nothing new was saved. Free some space and try again."
    if "disk i/o error" in text:
        return (
            "The disk refused the write (it may be full, or faulty), so nothing new was "
            "saved. What was saved before is safe."
        )
    if "permission denied for" in text:  # PostgreSQL: the user in the URL lacks a right
        return (
            f"The database server refused this user ({_driver_words(error)}). Its owner can "
            "give it the rights on planner-tui's tables (GRANT … TO the user in --db)."
        )
    if "readonly" in text or "read-only" in text or "permission denied" in text:
        return "The database can't be written (read-only file or folder). Check its permissions."
    if "unable to open database file" in text and database is not None and not database.exists():
        return gone_words(database, passphrase)
    if "unable to open database file" in text:
        return (
            "The database can't be opened. Check that its folder can be written: planner-tui "
            "keeps a small journal file beside the database while it works."
        )
    if _damaged(error):
        return damaged_words(database, passphrase)
    if "timeout expired" in text:  # psycopg: the server took the connection, never answered
        return words.SERVER_DID_NOT_ANSWER
    if missing := _SERVER_HAS_NO.search(str(getattr(error, "orig", None) or error)):
        # it answered: not "could not reach it"
        kind, name = missing["kind"], missing["name"]
        if kind == "role":
            return (
                f'The database server has no user called "{name}" (the name before the @ in '
                "--db). Check the address, or have the server's owner make the user."
            )
        return (
            f'The database server has no database called "{name}" (the name at the end of '
            "--db; with none there, the user's name). Check the address, or make it on the "
            f"server: createdb {name}."
        )
    if "no password supplied" in text:  # psycopg: the server wants one, and none was given
        return (
            "The database server wants a password for this user: give it in --db "
            f"(postgresql://user:password@host/name, with {PERCENT_ENCODED})."
        )
    if "password authentication" in text:  # psycopg: "… failed for user"
        return (
            f"The database server refused the password in --db. Check it (with {PERCENT_ENCODED})."
        )
    if "no schema has been selected" in text:
        return (
            "The database server gives this user no schema to keep planner-tui's tables in. "
            "Its owner can give it one (GRANT USAGE, CREATE ON SCHEMA public TO the user in "
            "--db)."
        )
    if "resolve host" in text or "translate host name" in text:
        return (
            "The database server's name could not be found (a typing slip in --db, or no "
            "network to look it up). Check the address, then try again."
        )
    if "could not connect" in text or "connection refused" in text or "connection" in text:
        said = ""
        if where := _SERVER_AT.search(_driver_words(error, values=True)):
            at = where["socket"] or f"{where['host']}, port {where['port']}"
            said = f" at {at} ({where['why'].lower()})"
        return (
            f"Could not reach the database server{said}. Check that it is running and can "
            "be reached, then try again."
        )
    if "relation" in text and "does not exist" in text:  # PostgreSQL: emptied or made anew
        return (
            "The planner's tables are no longer in the database (it was emptied or made anew "
            "on the server). Quit planner-tui and open it again to set them up afresh; what "
            "was in them can only come back from a backup of the server (pg_dump)."
        )
    said = _driver_words(error).rstrip(".")
    return f"The database reported a problem: {said}."


_SERVER_HAS_NO = re.compile(
    r'FATAL:\s+(?P<kind>role|database) "(?P<name>[^"]{1,100})" does not exist'
)
"""psycopg's 'FATAL:  role "x" does not exist' (or database): the server answered, and refused."""

_SERVER_AT = re.compile(
    r'(?:at\s"(?P<host>[^"]+)",\sport\s(?P<port>\d+)|on\ssocket\s"(?P<socket>[^"]+)")\s'
    r"failed:\s(?P<why>[^:]+?)\s*$"
)
"""psycopg's 'connection to server at "127.0.0.1", port 5432 failed: Connection refused'
(or 'on socket "/run/….s.PGSQL.5432" failed: No such file or directory')."""


DAMAGED = "The database file looks damaged, so planner-tui changed nothing in it."


def damaged_words(
    database: Path | None, passphrase: str | None = None, *, first: str = DAMAGED
) -> str:
    """What to do about a damaged file: restore a copy (the app closed first) — from the
    folder of copies beside *database*, named with its newest healthy one
    (:func:`_healthy_newest_first`) and what it holds, or said to be empty, or to hold
    none that is healthy.
    *first*: what is wrong with it, said before that."""
    # Said in the open app too: "If the app is open, close it" read oddly there (nu168)
    said = f"{first} Put back a copy, with the app closed: planner-tui restore FILE"
    if database is None:
        return said + " (the app's daily copies are in the backups folder beside the database)."
    folder, copies = copies_beside(database)
    healthy = _healthy_newest_first(copies, passphrase)
    if (newest := next(healthy, None)) is not None:
        held = copy_holds(newest, passphrase)
        which = f"the newest healthy one is {newest.name} ({held})"
        if held == words.HOLDS_NOTHING:  # the day's first copy, taken before anything was
            # written that day: restoring it would take back nothing (nu188)
            holding = ((c, copy_holds(c, passphrase)) for c in healthy)
            if fuller := next(((c, h) for c, h in holding if h != held), None):
                which += f"; the newest with anything in it is {fuller[0].name} ({fuller[1]})"
        return f"{said} (copies are in {folder}; {which}; README, 'Backups and restore')."
    if copies:
        return (
            f"{said} — one you took with planner-tui backup: every copy in {folder} looks "
            "damaged too (README, 'Backups and restore')."
        )
    return (
        f"{said} — one you took with planner-tui backup: the app's daily copies go in "
        f"{folder}, and there are none yet (README, 'Backups and restore')."
    )


def _file_id(path: Path | None) -> tuple[int, int] | None:
    """Which file is at *path* now (device, inode); None for none, or no file at all."""
    if path is None:
        return None
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_dev, found.st_ino


def gone_words(database: Path, passphrase: str | None = None) -> str:
    """The planner file moved or deleted while open: said, with the copy that restores it
    (nothing is written, and no empty file is made in its place, nu184)."""
    return damaged_words(database, passphrase, first=(
        f"{database} is no longer there: it was moved or deleted while planner-tui had it "
        "open. Nothing was written, and no empty planner was made in its place. Moved, it "
        "can simply be moved back."))  # fmt: skip


def copy_holds(path: Path, passphrase: str | None = None) -> str:
    """What a healthy copy of a planner holds, as a restore of it is offered: "3 people,
    8 check-ins and 12 contacts", or :data:`words.HOLDS_NOTHING`."""
    try:
        with closing(connect_sqlite(path, passphrase=passphrase, copy=True)) as connection:
            people, entries, contacts = (
                connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("person", "journal_entry", "interaction")
            )
    except (sqlite3.Error, StorageError, OSError):
        return "what it holds could not be read"
    return words.copy_holds(people, entries, contacts)


def _healthy_newest_first(copies: list[Path], passphrase: str | None) -> Iterator[Path]:
    """Those of *copies* that are healthy (read whole, as `restore` reads them), newest
    first, each checked only when asked for: this runs only for a damaged planner. A copy a
    restore kept (``before-restore-…``) comes after the others: it holds what was chosen to
    be replaced — after a restore over a damaged planner, that damaged planner itself."""

    def healthy(candidate: Path) -> bool:
        try:
            check_sqlite_file(candidate, passphrase, whole=True, copy=True)
            return candidate.stat().st_size > 0  # an empty file passes: a new planner
        except (StorageError, OSError):
            return False

    def order(candidate: Path) -> tuple[bool, float]:
        try:
            modified = candidate.stat().st_mtime
        except OSError:  # gone meanwhile (the oldest daily copy, say)
            modified = 0.0
        return candidate.name.startswith(f"{BEFORE_RESTORE}-"), -modified

    return (c for c in sorted(copies, key=order) if healthy(c))


def _damaged(error: BaseException) -> bool:
    text = str(getattr(error, "orig", None) or error).lower()
    # "vtable constructor failed": the search index's own tables are damaged (FTS5)
    return any(
        sign in text for sign in ("malformed", "not a database", "corrupt", "vtable constructor")
    )


def sqlite_quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


NEEDS_SQLCIPHER = (
    "Encryption needs SQLCipher: install planner-tui with its encryption extra — in its "
    "folder, python3 -m pip install \".[encryption]\" (README, 'Privacy')."
)
"""Said before anything else is asked or done (`encrypt` asked for a passphrase twice
first, nu223), and of an encrypted planner opened without it."""


def sqlcipher() -> Any:
    """SQLCipher's module; refused in one line when it is not installed."""
    try:
        import sqlcipher3
    except ImportError:
        raise StorageError(NEEDS_SQLCIPHER) from None
    return sqlcipher3


def not_encrypted(path: Path) -> str:
    """A passphrase given for a planner that isn't encrypted (a stale environment variable:
    without SQLCipher it was said to need SQLCipher, and never opened, nu223)."""
    return (
        f"{path} is not encrypted, but a passphrase was given (PLANNER_TUI_PASSPHRASE). "
        "Unset it, or encrypt the file first: planner-tui encrypt."
    )


def connect_sqlite(
    path: Path, *, passphrase: str | None = None, read_only: bool = False, copy: bool = False
) -> sqlite3.Connection:
    """A DB-API connection to the file: the standard library's sqlite3, or SQLCipher's when
    there is a passphrase (then a wrong one fails here, not at the first query). *copy*: a
    backup, read only and as it is, creating nothing beside it (:func:`read_only_uri`)."""
    read_only = read_only or copy
    target = read_only_uri(path, copy=copy) if read_only else str(path)
    timeout = busy_timeout_ms() / 1000
    if passphrase is None:
        connection = sqlite3.connect(
            target, uri=read_only, timeout=timeout, check_same_thread=False
        )
        reads_damaged_text(connection)
        return connection
    try:
        sqlcipher3 = sqlcipher()
    except StorageError:
        if path.is_file() and _read_header(path) == SQLITE_HEADER:  # (not open here: no
            raise StorageError(not_encrypted(path)) from None  # SQLCipher to open it with)
        raise
    connection = sqlcipher3.connect(target, uri=read_only, timeout=timeout,
                                    check_same_thread=False)  # fmt: skip
    connection.execute("PRAGMA cipher_log_level = NONE")  # its own errors are ours to word
    connection.execute(f"PRAGMA key = {sqlite_quote(passphrase)}")
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError:
        connection.close()
        raise NeedsPassphrase(
            f"That passphrase does not open {path} (or the file is damaged). Nothing was changed."
        ) from None
    return connection  # type: ignore[no-any-return]


def private_file(path: Path) -> None:
    """Create the folder (0700) and an empty file (0600) if they do not exist yet. An
    empty file already there (`touch planner.db`) becomes a new planner too: it is made
    0600 like one created here (one with copies beside it was refused before this as
    damaged: :func:`check_sqlite_file`)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not path.exists():
            fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
            os.close(fd)
        elif path.stat().st_size == 0 and path.stat().st_mode & 0o077:
            path.chmod(0o600)
    except FileExistsError:
        pass
    except OSError as error:
        raise StorageError(
            f"Can't create the database at {path}: {error.strerror or error}."
        ) from None


def _read_header(path: Path) -> bytes:
    """The first bytes of *path*, read outside SQLite: never a database this process has
    open (see :func:`planner_tui.files.read_named`)."""
    try:
        return read_named(path, len(SQLITE_HEADER))
    except OSError as error:
        raise StorageError(f"Can't read {path}: {error.strerror or error}.") from None


def looks_like_sqlite(path: Path) -> bool:
    """Whether *path* is a file that starts as an unencrypted SQLite database does (a
    planner-tui backup handed to ``import``, say)."""
    try:
        return path.is_file() and _read_header(path) == SQLITE_HEADER
    except StorageError:
        return False


def looks_encrypted(path: Path) -> bool:
    """Whether *path* may be an encrypted planner: whole pages (SQLCipher's are 512 bytes or
    a multiple) beginning in noise — no SQLite header, and most byte values in the first
    512 (a planner with words written over its start was asked for a passphrase)."""
    try:
        size = path.stat().st_size if path.is_file() else 0
        if size < 1024 or size % 512:
            return False
        start = read_named(path, 512)
    except (OSError, StorageError):
        return False
    return not start.startswith(SQLITE_HEADER) and len(set(start)) >= NOISE_BYTE_VALUES


NOISE_BYTE_VALUES = 128
"""Distinct byte values the first 512 bytes of an encrypted file have at least: noise has
about 200 (odds against fewer than 128 are beyond counting); text, about 60."""


def check_sqlite_file(
    path: Path, passphrase: str | None = None, *, whole: bool = False, copy: bool = False
) -> None:
    """Refuse a file that is not a healthy SQLite database, without changing it.

    SQLite always reads the file's header and schema (a file that isn't SQLite, is
    encrypted, or is cut short is refused here). The whole file is read too
    (``PRAGMA quick_check``: 0.2 s for 100 years of data) only where it matters: when
    *whole* — before a file is restored, encrypted, migrated or copied — when it may not
    have been closed cleanly (:func:`planner_tui.db.left_unclean`), and when it is not in
    write-ahead-log mode yet (a backup copy put in place, say), since opening it would
    switch it, writing to a file that may be damaged. Elsewhere a page
    damaged later in the file is refused when it is read, with the same words
    (:func:`describe_error`), and nothing is written.

    SQLite reads the file first; the header is only looked at (see :func:`_read_header`)
    to say why SQLite refused it, so checking a file this process already has open (a
    second window on the same planner, Today's saved picture read meanwhile) is safe.

    *copy*: a backup (:func:`connect_sqlite`), read with nothing made beside it; its damage
    is said without naming another copy (the words for a damaged planner name a healthy
    one, found with this check: :func:`damaged_words`).

    An empty file (0 bytes, or a database without even its tables), or none, is a new
    planner — unless it is the planner and copies of it are beside it
    (:func:`planner_tui.db.copies_kept`): then it was emptied (a sync tool or a full disk
    can leave 0 bytes), or moved or deleted, and it is refused, with the copy that
    restores it. Taken for a new planner, its daily copies would push the real ones
    out within a week."""
    if not path.exists():
        if not copy and copies_kept(path):
            raise DamagedFile(damaged_words(path, passphrase, first=words.planner_missing(path)))
        return
    if emptied_with_log(path):  # never opened: SQLite would delete the log
        said = words.planner_emptied(path)
        raise DamagedFile(said if copy else damaged_words(path, passphrase, first=said))
    if path.stat().st_size == 0:
        if not copy and copies_kept(path):
            raise DamagedFile(damaged_words(path, passphrase))
        return
    if path.is_dir():
        raise StorageError(f"{path} is a folder, not a database file.")
    whole = whole or left_unclean(path)
    with _nothing_left_beside_if_refused(path):
        _check_sqlite_file(path, passphrase, whole=whole, copy=copy)


@contextmanager
def _nothing_left_beside_if_refused(path: Path) -> Iterator[None]:
    """Reading a file in write-ahead-log mode makes its log and the log's index beside it;
    a file refused leaves none that were not there before (an empty log left beside a
    damaged file read as the app having it open, to `restore`)."""
    beside = [path.with_name(path.name + end) for end in ("-wal", "-shm")]
    there = [p for p in beside if p.exists()]
    try:
        yield
    except BaseException:
        for made in (p for p in beside if p not in there):
            with suppress(OSError):
                if made.name.endswith("-shm") or made.stat().st_size == 0:
                    made.unlink()
        raise


def _check_sqlite_file(path: Path, passphrase: str | None, *, whole: bool, copy: bool) -> None:
    planner = None if copy else path  # the words for a damaged planner name a copy to restore
    try:
        conn = connect_sqlite(path, passphrase=passphrase, read_only=True, copy=copy)
        try:
            if not whole:  # opening switches such a file to write-ahead logging: a write
                whole = conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal"
            healthy = not _cut_short(conn, path) and (
                not whole or conn.execute("PRAGMA quick_check(1)").fetchone() == ("ok",)
            )
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            conn.close()
    except NeedsPassphrase:
        if _read_header(path) == SQLITE_HEADER:
            raise StorageError(not_encrypted(path)) from None
        raise
    except sqlite3.DatabaseError as error:
        if _not_a_database(error) and planner is not None and is_open_database(planner):
            # Ours, open in this process, and SQLite no longer reads it as a database: its
            # start was written over. (Its first bytes can't be looked at: see read_named.)
            raise DamagedFile(damaged_words(planner, passphrase)) from None
        if _not_a_database(error) and _read_header(path) != SQLITE_HEADER:
            # An encrypted file is whole pages of noise; anything else is simply not ours.
            said = (
                f"{path} is not a planner-tui database, or it is damaged, or it is encrypted "
                "(then set PLANNER_TUI_PASSPHRASE). It was left untouched."
            )
            if looks_encrypted(path):  # its copies can't be read without it either
                raise NeedsPassphrase(  # the likely reason first (nu264: "damaged" alarmed)
                    f"{path} is encrypted (or damaged): set PLANNER_TUI_PASSPHRASE to open "
                    "it. It was left untouched."
                ) from None
            if planner is not None:  # if damaged, the copy to put back, as for any damage
                said = damaged_words(planner, passphrase, first=said)
            raise StorageError(said) from None
        raise (DamagedFile if _damaged(error) else StorageError)(
            describe_error(error, planner, passphrase=passphrase)
        ) from None
    if not healthy:
        raise DamagedFile(damaged_words(planner, passphrase))
    if planner is not None and not tables and copies_kept(planner):
        # A database with nothing in it, not even its tables, is as empty as 0 bytes (an app
        # quit on a file emptied under it can leave one): taken for a new planner, it made
        # its tables, and its first daily copy took the place of that day's real one (nu223).
        raise DamagedFile(damaged_words(planner, passphrase))


def _cut_short(conn: sqlite3.Connection, path: Path) -> bool:
    """Whether the file is shorter than SQLite says it is (a copy cut off half way): its
    schema is read (a file that isn't SQLite fails here), then its pages counted. Pages
    still in the write-ahead log may not be in the file yet: then the whole-file check
    runs instead (the log means it wasn't closed cleanly, or is open elsewhere)."""
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    if left_unclean(path):
        return False
    (pages,) = conn.execute("PRAGMA page_count").fetchone()
    (size,) = conn.execute("PRAGMA page_size").fetchone()
    return path.stat().st_size < int(pages) * int(size)  # SQLCipher's pragmas give text


def _not_a_database(error: sqlite3.DatabaseError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return code == sqlite3.SQLITE_NOTADB or "not a database" in str(error).lower()


def _sqlite_pragmas(engine: Engine, *, read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN itself, so writes can take the lock
        # up front (BEGIN IMMEDIATE) and wait politely instead of failing with "locked".
        dbapi_connection.isolation_level = None
        reads_damaged_text(dbapi_connection)
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if not read_only:  # setting the journal mode writes to the file
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


class Database:
    """An engine plus the knowledge of where it lives. Build it with :func:`open_database`."""

    def __init__(self, location: Location, engine: Engine) -> None:
        self.location = location
        self.engine = engine
        # What a read or write that goes wrong raises: SQLAlchemy's errors, and the
        # driver's own from services that use its connection directly (the journal's
        # search, Today's rules), so a page found damaged there is said the same kind way.
        self.errors = _database_errors(engine, encrypted=location.passphrase is not None)
        self._checked_whole = location.sqlite_path is None  # a server checks its own
        self._checking = threading.Lock()
        self._kept_as_found = False
        self._header: tuple[int, tuple[int, int] | None] | None = None
        """A descriptor kept open on the file to read its first bytes before each write
        (:meth:`header_intact`), and which file it is on."""
        self._file = _file_id(location.sqlite_path)
        """The SQLite file the engine's connections have open (device, inode)."""

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def _refused(self, error: BaseException) -> StorageError:
        """:func:`describe_error` for this database: a damaged file names a copy to restore,
        and is a :class:`DamagedFile` (the app then saves nothing more into it)."""
        said = describe_error(error, self.location.sqlite_path, passphrase=self.location.passphrase)
        return self._damaged_file(said) if _damaged(error) else StorageError(said)

    def _damaged_file(self, said: str) -> DamagedFile:
        """*said* of the file found damaged, with where it is kept as found, if it is."""
        kept = self.keep_as_found()
        return DamagedFile(f"{said} {words.kept_as_found(kept)}" if kept else said)

    def header_intact(self, path: Path) -> bool:
        """Whether the file still begins as SQLite does. Written over while in use (by
        anything but SQLite), its pages in the log still read, and saves went on into the
        log — "Saved." — to be written into a file no one could open (nu192). Read through
        a descriptor kept open: closing one would drop this process's SQLite locks
        (:func:`planner_tui.files.read_named`). An encrypted file has no such beginning."""
        if self.location.passphrase:
            return True
        with self._checking:
            if self._header is None or self._header[1] != self._file:
                self._close_header()
                try:
                    self._header = (os.open(path, os.O_RDONLY), self._file)
                except OSError:
                    return True  # unreadable: SQLite says why, as it reads
            return os.pread(self._header[0], len(SQLITE_HEADER), 0) == SQLITE_HEADER

    def _close_header(self) -> None:
        if self._header is not None:
            os.close(self._header[0])  # its file was left: no lock of ours is on it
            self._header = None

    def keep_as_found(self) -> Path | None:
        """The planner found damaged while its write-ahead log holds changes not yet in the
        file: both copied as they are, once, into ``backups/found-damaged-….db`` (returned).
        Closing the last connection writes that log into the file and deletes it — into a
        file emptied while the app was open, it left a file that was no database and no log
        (nu188)."""
        path = self.location.sqlite_path
        with self._checking:
            if path is None or self._kept_as_found or not left_unclean(path):
                return None
            self._kept_as_found = True
            kept = self.location.backups / backup_name(FOUND_DAMAGED)
            try:
                copy_with_log(path, kept)
            except OSError:
                return None
            return kept

    def follow_the_file(self) -> None:
        """The connections kept open are to the file at the planner's path: one put there
        since (restored, or moved back, while the app was open) is opened anew, and read
        whole before its first write. (Kept, they read and wrote the file that had been
        there, gone for good once they closed: a check-in said "Saved" was lost, nu186.)"""
        path = self.location.sqlite_path
        now = _file_id(path)
        if now is None or now == self._file:
            return
        with self._checking:
            if now != self._file:
                self.engine.dispose()
                self._file, self._checked_whole = now, False

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A read session. Nothing it does is committed."""
        self.follow_the_file()
        self.refuse_a_stranger_with_our_log()
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
            except self.errors as error:
                raise self._refused(error) from error

    def refuse_a_stranger_with_our_log(self) -> None:
        """A file that isn't SQLite at the planner's path, with a log of pages beside it, is
        refused unopened. SQLite reads the log's pages as the file's, and the last
        connection to close writes them into it: the planner moved away while the app was
        open, random bytes put in its place, lost its newest changes to them, and the app
        said nothing (nu281). Left alone, the log goes back with the file it belongs to."""
        path = self.location.sqlite_path
        if path is not None and left_unclean(path) and not self.header_intact(path):
            raise self._damaged_file(damaged_words(path, self.location.passphrase))

    @contextmanager
    def write(self, *, changes_data: bool = True) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error.
        Unless it only keeps a draft or a preference (*changes_data* false), it also moves
        the data version on, which says whether a saved picture of Today is still true.

        The first write of this process reads the whole SQLite file first (see
        :meth:`check_before_writing`): nothing is added to a damaged file."""
        self.check_before_writing()
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                if self.dialect == "sqlite":  # (another program writing: busy, said kindly)
                    session.connection(execution_options={"sqlite_begin": "IMMEDIATE"})
                yield session
                if changes_data:
                    _bump_data_version(session)
                session.commit()
            except self.errors as error:
                session.rollback()
                raise self._refused(error) from error
            except BaseException:
                session.rollback()
                raise

    def check_before_writing(self) -> None:
        """Before each write, that the SQLite file is still there (:func:`gone_words`: a
        connection kept open would write on into the file's old place, lost once it
        closes). Once per process, before its first write: the whole SQLite file is read
        (:func:`check_sqlite_file` with *whole*), so a file damaged where nothing has read
        yet is refused — in the same kind words — before anything is added to it. Reading
        needs no such check (a damaged page is refused when met), so commands that only
        read, and the app until its first save, start without it."""
        path = self.location.sqlite_path
        if path is not None and not path.exists():
            raise StorageError(gone_words(path, self.location.passphrase))
        if path is not None and emptied_with_log(path):
            first = words.planner_emptied(path)
            raise self._damaged_file(damaged_words(path, self.location.passphrase, first=first))
        self.follow_the_file()
        if path is not None and not self.header_intact(path):
            raise self._damaged_file(damaged_words(path, self.location.passphrase))
        if self._checked_whole or path is None:
            return
        with self._checking:
            if not self._checked_whole:
                check_sqlite_file(path, self.location.passphrase, whole=True)
                self._checked_whole = True

    def backup_to(self, target: Path) -> Path:
        """A consistent copy of a SQLite database, taken with SQLite's online backup API."""
        path = self.location.sqlite_path
        if path is None:
            raise StorageError(SERVER_BACKUPS)
        return backup_file(
            path,
            target,
            passphrase=self.location.passphrase,
            read_only_source=read_only_here(self.location),
        )

    def dispose(self) -> None:
        self.engine.dispose()
        self._close_header()  # after the connections: no lock is left to drop
        if (path := self.location.sqlite_path) is not None:
            key = path.resolve()
            OPEN_DATABASES[key] -= 1
            if OPEN_DATABASES[key] <= 0:
                del OPEN_DATABASES[key]


def _database_errors(engine: Engine, *, encrypted: bool) -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = [SQLAlchemyError, sqlite3.Error]
    driver = getattr(engine.dialect, "loaded_dbapi", None)
    if isinstance(getattr(driver, "Error", None), type):
        errors.append(driver.Error)  # type: ignore[union-attr]
    if encrypted:  # an encrypted file's connections are SQLCipher's, whatever the dialect
        try:
            import sqlcipher3

            errors.append(sqlcipher3.Error)
        except ImportError:
            pass
    return tuple(errors)


def copy_pages(
    source: Path,
    target: Path,
    *,
    passphrase: str | None,
    read_only_source: bool = False,
    source_is_copy: bool = False,
    one_file: bool = False,
) -> None:
    """Every page of *source* into *target* with SQLite's online backup API (consistent
    while others write; waits for a busy target as a write does, then says it is busy —
    Python's own wait never ends). *one_file*: the copy keeps no
    write-ahead log, so reading it later (checking it, restoring it) leaves no log files
    beside it, as a read-only look at a WAL file did. *source_is_copy*: a backup being
    restored, read with nothing made beside it (:func:`connect_sqlite`)."""
    origin = connect_sqlite(
        source, passphrase=passphrase, read_only=read_only_source, copy=source_is_copy
    )
    try:
        dest = connect_sqlite(target, passphrase=passphrase)
        until = time.monotonic() + busy_timeout_ms() / 1000

        def waited(status: int, _left: int, _pages: int) -> None:
            if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > until:
                raise sqlite3.OperationalError("database is locked")  # said as busy

        try:
            origin.backup(dest, progress=waited)
            if one_file:
                dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
    finally:
        origin.close()


def backup_file(
    path: Path, target: Path, *, passphrase: str | None = None, read_only_source: bool = False
) -> Path:
    """Copy the SQLite database at *path* to *target* (0600) with the online backup API, so
    the copy is consistent even while planner-tui writes. An encrypted database gives a copy
    encrypted with the same passphrase. Only an earlier planner-tui copy is replaced
    (:func:`check_backup_target`); *read_only_source*: the database is opened only to read."""
    target = target.expanduser()
    check_backup_target(target, passphrase, source=path)
    partial: Path | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        # Pages go to a file of this call's own, then take the name at once: a crash, or a
        # second app taking the same day's copy, never leaves a half-written backup.
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
        os.close(fd)
        partial = Path(name)
        copy_pages(
            path, partial, passphrase=passphrase, read_only_source=read_only_source, one_file=True
        )
        try:  # a copy is only worth a sound one
            check_sqlite_file(partial, passphrase, whole=True)
        except DamagedFile:  # the planner's damage: its copies to put back, not the copy's
            raise DamagedFile(damaged_words(path, passphrase)) from None
        replace_durably(partial, target)
    except sqlite3.Error as error:
        raise StorageError(describe_error(error)) from None
    except OSError as error:
        raise StorageError(f"Can't write the backup to {target}: {error.strerror}.") from None
    finally:
        if partial is not None:
            for suffix in ("", "-journal", "-wal", "-shm"):  # checking it may have made a log
                Path(f"{partial}{suffix}").unlink(missing_ok=True)
    return target


def names_a_log(path: Path) -> bool:
    """Whether *path* is the name of a database's own log (``-journal``, ``-wal``,
    ``-shm``) beside that database: SQLite would take a file written there for its log."""
    return any(
        path.name.endswith(log) and path.with_name(path.name.removesuffix(log)).exists()
        for log in ("-journal", "-wal", "-shm")
    )


def check_backup_target(target: Path, passphrase: str | None, *, source: Path) -> None:
    """A backup is written where nothing is yet, or over an earlier planner-tui copy (a
    regular file holding a planner database, kept as one file); never over the planner it
    copies, another planner in use (kept with a write-ahead log, as every live one is), any
    other file, a link or a device — nor by the name of a database's log (:func:`names_a_log`:
    a copy written as another home's ``planner.db-wal`` was deleted by its next command)."""
    if names_a_log(target):
        raise StorageError(
            f"{target} is the name of a database's own log, so the backup wasn't written "
            "there; choose a new file name."
        )
    if not os.path.lexists(target):
        return
    if target.is_symlink() or not target.is_file():
        what = "a link" if target.is_symlink() else "a folder" if target.is_dir() else "not a file"
        raise StorageError(
            f"{target} is {what}, so the backup wasn't written there; choose a new file name."
        )
    if source.exists() and os.path.samefile(target, source):
        raise StorageError(
            f"{target} is your planner itself; a backup is a copy beside it: choose a new file "
            "name (with none, it goes in the backups folder)."
        )
    head = read_named(target, 100)
    # A plain file says its journal in its header (bytes 18 and 19: 2 for a write-ahead log)
    # without being opened, which would leave log files beside it; an encrypted one is asked.
    live = head[18:20] == b"\x02\x02" if head.startswith(SQLITE_HEADER) else None
    revision = None
    if not live:
        # A plain file opens without the passphrase: the day's copy taken before the planner
        # was encrypted is a backup too (nu264: "something other", and no copy that day).
        key = None if head.startswith(SQLITE_HEADER) else passphrase
        try:
            connection = connect_sqlite(target, passphrase=key, read_only=True)
            try:
                revision = schema_revision(connection)
                if live is None:
                    live = connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            finally:
                connection.close()
        except Exception:  # not a database (sqlite3's or SQLCipher's error): not a backup
            revision = None
    if live:
        raise StorageError(
            f"{target} is a planner in use, not a backup copy, so it was left as it is; "
            "choose a new file name. (A copy taken before 3 December 2026 looks like one too: "
            "if it is such a copy, delete it first.)"
        )
    if revision is None:
        raise StorageError(
            f"{target} already holds something other than a planner-tui backup, so it was "
            "left as it is; choose a new file name."
        )


def read_only_here(location: Location) -> bool:
    """Whether *location* is a SQLite file to open read-only: the command only reads, and
    the file (or its folder) can't be written here."""
    path = location.sqlite_path
    return location.reading and path is not None and path.exists() and not can_write(path)


def make_engine(location: Location) -> Engine:
    try:
        path = location.sqlite_path
        if path is not None and (location.passphrase is not None or read_only_here(location)):
            passphrase, read_only = location.passphrase, read_only_here(location)
            engine = sa.create_engine(
                "sqlite://",
                creator=lambda: connect_sqlite(path, passphrase=passphrase, read_only=read_only),
            )
            _sqlite_pragmas(engine, read_only=read_only)
            return engine
        if path is not None:
            # Opened as it is, never made: private_file made it (0600) before the first
            # connection. Deleted while the app was open, it was made again by the next
            # connection, empty and readable by all, and taken for a new planner (nu184).
            uri = f"{path.resolve().as_uri()}?mode=rw"
            timeout = busy_timeout_ms() / 1000
            engine = sa.create_engine(
                location.url,  # (as a file's: its pool, not one for a database in memory)
                creator=lambda: sqlite3.connect(
                    uri, uri=True, timeout=timeout, check_same_thread=False
                ),
            )
            _sqlite_pragmas(engine)
            return engine
        if location.is_sqlite:
            engine = sa.create_engine(
                location.url,
                connect_args={"check_same_thread": False, "timeout": busy_timeout_ms() / 1000},
            )
            _sqlite_pragmas(engine)
            return engine
        url = sa.make_url(location.url)
        if "@" in (url.host or ""):  # an @ in the password, as typed: read as the host's
            raise ValueError(url.host)
        backend, plus, driver = url.drivername.partition("+")
        if backend == "postgres":  # as many servers and hosts write it: SQLAlchemy's name
            url = url.set(drivername=f"postgresql{plus}{driver}")  # is the longer one
        if url.get_backend_name() != "postgresql":  # SQLAlchemy's own words named a plugin
            raise StorageError(
                f"planner-tui keeps its data in SQLite or PostgreSQL, not {url.drivername}: "
                "give --db a sqlite:///… or postgresql://… address."
            )
        waits = "connect_timeout" not in url.query
        engine = sa.create_engine(
            url,
            pool_pre_ping=True,
            connect_args={"connect_timeout": location.connect_timeout or CONNECT_TIMEOUT}
            if waits
            else {},
        )
        from planner_tui.db.models import describe_partial_indexes

        describe_partial_indexes(engine.dialect.name)
        return engine
    except (ArgumentError, NoSuchModuleError, ValueError):
        # SQLAlchemy's words ("invalid literal for int() with base 10: 'rd'") are Python's.
        raise StorageError(
            "That database URL can't be read: give --db a sqlite:///… or "
            f"postgresql://user:password@host/name address, with {PERCENT_ENCODED}."
        ) from None
    except ImportError as error:
        raise StorageError(
            f"The driver for that database is not installed ({error.name}). "
            "For PostgreSQL, install planner-tui with its postgres extra: in its folder, "
            "python3 -m pip install \".[postgres]\" (README, 'Several machines')."
        ) from None


def _bump_data_version(session: Session) -> None:
    from planner_tui.db.models import AppSetting

    row = session.get(AppSetting, DATA_VERSION_KEY) or AppSetting(key=DATA_VERSION_KEY)
    row.value = int(row.value or 0) + 1
    session.add(row)


def current_revision(database: Database) -> str | None:
    """The schema revision of *database*; None for a new (or foreign) one."""
    try:
        with database.engine.connect() as connection:
            return schema_revision(connection)
    except database.errors as error:  # SQLCipher's own too (nu264: an encrypted new file)
        if "permission denied" in str(getattr(error, "orig", error)).lower():
            # Not a foreign database: one this user may not read ("holds tables that are
            # not planner-tui's" sent them to make a second one, nu217).
            raise StorageError(describe_error(error)) from None
        return None  # a new or foreign database: the full check decides


def open_database(location: Location, *, migrate: bool = True) -> Database:
    """Check, open and (by default) migrate the database. Raises StorageError, never crashes."""
    if location.in_memory:
        raise StorageError(
            "An in-memory database keeps nothing once the command ends, so it isn't used. "
            "Give a file instead: --db sqlite:////path/to/planner.db, or --home FOLDER."
        )
    path = location.sqlite_path
    if path is not None:
        new_and_encrypted = location.passphrase is not None and not path.exists()
        if new_and_encrypted and (weak := passphrase_problem(location.passphrase or "")):
            # A new planner is made with the passphrase set, as `encrypt` would (nu267: "short"
            # and spaces, refused there, locked a new home here without a word)
            raise StorageError(f"{weak[:-1]} (PLANNER_TUI_PASSPHRASE, for a new planner).")
        check_sqlite_file(path, location.passphrase)
        if path.exists() and not location.reading and not can_write(path):
            # Said before SQLite opens it: it would leave log files behind that it can't
            # write either.
            folder = not os.access(path.parent, os.W_OK | os.X_OK)
            raise StorageError(
                (
                    f"{path.parent} can't be written (a read-only folder), so neither can "
                    f"{path.name} in it: check the folder's permissions."
                    if folder
                    else f"{path} can't be written (a read-only file): check its permissions."
                )
                + " Commands that only read still work on it — planner-tui today, people, "
                "search, review, export."
            )
        if not read_only_here(location):
            private_file(path)
    engine = make_engine(location)
    database = Database(location, engine)
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
    except DBAPIError as error:
        engine.dispose()
        raise StorageError(describe_error(error)) from None
    if migrate and current_revision(database) != SCHEMA_HEAD:
        if read_only_here(location):
            engine.dispose()  # an upgrade writes: said as any write to such a file is
            raise StorageError(describe_error(sqlite3.OperationalError("readonly database")))
        # Alembic (~0.1 s to import and read its scripts) only loads when there is work.
        from planner_tui.db.migrate import upgrade_to_head

        try:
            if path is not None:  # a schema change reads and rewrites: the whole file first
                database.check_before_writing()
            upgrade_to_head(database)
        except SQLAlchemyError as error:
            engine.dispose()
            raise StorageError(describe_error(error)) from None
        except StorageError:
            engine.dispose()
            raise
    if path is not None:
        OPEN_DATABASES[path.resolve()] += 1  # never read as a file from now: see there
    return database


BEFORE_RESTORE = "before-restore"
"""The name a restore gives the copy it keeps of the data it replaces (:func:`backup_name`)."""
FOUND_DAMAGED = "found-damaged"
"""The name of the copy of a planner found damaged while open (:meth:`Database.keep_as_found`)."""


def backup_name(prefix: str) -> str:
    return f"{prefix}-{now().strftime('%Y%m%d-%H%M%S')}.db"
