"""Storage: the engine and its checks, the tables, and their migrations.

This file imports nothing heavy: the quick paths (`planner-tui search`) read from it."""

import json
import os
import unicodedata
from pathlib import Path
from typing import Any

SCHEMA_HEAD = "0012"
"""The newest migration's revision; a test checks it against Alembic's own head. Kept here,
free of imports, for the quick paths that read the file without the data layer."""
DATA_VERSION_KEY = "data_version"
"""The setting that moves on with every change to the data (db/engine.py), by any program:
what was worked out from the data still holds while it stays the same."""
RESTORED_KEY = "restored"
"""The setting a restore writes anew (db/backups.py): a change made before it can't be
undone after it (an app left open brought back a check-in the copy never had)."""
OF_THIS_FILE = (DATA_VERSION_KEY, RESTORED_KEY)
"""Settings about this copy of the planner, not the person's data: an export leaves them
out (a restored home's export carried an opaque token the person never made, nu182)."""


def reads_damaged_text(connection: Any) -> None:
    """*connection* (sqlite3's, or SQLCipher's), reading a text whose bytes are not UTF-8 —
    a bad disk sector, another program's write — with � in their place. SQLite's integrity
    check does not look at text, and one such byte made every read of its table fail: the
    Journal, the check-in and every export (nu214). Every connection to a file is made so."""
    connection.text_factory = _text_as_read


def _text_as_read(raw: bytes) -> str:
    return raw.decode("utf-8", "replace")


def schema_revision(connection: object) -> str | None:
    """The schema revision Alembic recorded in a database (None: none recorded). The one
    reader for every path: a DB-API connection (sqlite3, SQLCipher, psycopg) or a
    SQLAlchemy one. A database without the table raises the driver's error: the caller
    knows which one to expect and what it means there."""
    sql = "SELECT version_num FROM alembic_version"
    run = getattr(connection, "exec_driver_sql", None)  # SQLAlchemy's
    row = (run(sql) if run else connection.cursor().execute(sql)).fetchone()  # type: ignore[attr-defined]
    return None if row is None else str(row[0])


def json_value(value: Any, dialect: str) -> Any:
    """A JSON column's value as the driver gives it: SQLite keeps it as text (a number as a
    number: the column has numeric affinity); psycopg gives it decoded."""
    return json.loads(value) if dialect == "sqlite" and isinstance(value, str) else value


def tag_key(text: str) -> str:
    """How a tag is stored and compared: no leading #, one Unicode form, any case."""
    return unicodedata.normalize("NFC", text).strip().lstrip("#").casefold()


def left_unclean(path: Path) -> bool:
    """Whether the SQLite file at *path* may not have been closed cleanly: its write-ahead
    log still holds pages. SQLite empties and removes the log when the last connection
    closes, so a log left behind means a process was killed, the machine lost power — or
    another planner-tui has the file open right now. Then the whole file is worth checking
    (``PRAGMA quick_check``) before use; otherwise reading what is needed is enough, as
    SQLite refuses a damaged page ("malformed") whenever it is read.

    Looks at the log's size only (a stat, never an open: see
    ``planner_tui.db.engine._read_header`` on why this process never opens the files
    SQLite holds)."""
    try:
        return os.stat(f"{path}-wal").st_size > 0
    except OSError:
        return False


def can_write(path: Path) -> bool:
    """Whether this process may change the SQLite file at *path*: the file, and its folder
    (where SQLite keeps its logs while it works)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def read_only_uri(path: Path, *, copy: bool = False) -> str:
    """A URI that opens the SQLite file at *path* only to read it (``mode=ro``). When it
    can't be written here, or is a *copy* (a backup to restore or check: no planner in use),
    and no log holds pages beside it, also ``immutable=1``: SQLite then needs no log files
    of its own, so a file in a read-only folder can be read, and nothing is created beside
    it (no one here can change it meanwhile; a planner copied with cp, in write-ahead-log
    mode, was left with a log and its index beside it by `restore`). A log that holds pages
    is part of the file: then it is read."""
    query = "mode=ro"
    if (copy or not can_write(path)) and not left_unclean(path):
        query += "&immutable=1"
    return f"{path.resolve().as_uri()}?{query}"


def emptied_with_log(path: Path) -> bool:
    """Whether *path* is an empty file with a log of pages beside it: a planner emptied
    while in use (a sync tool, a full disk), its newest changes still in the log. Opened,
    SQLite takes it for a new database and deletes that log (nu192): it is refused
    unopened."""
    try:
        return path.stat().st_size == 0 and left_unclean(path)
    except OSError:
        return False


def quick_read_uri(path: Path) -> str:
    """How the quick readers (`today`, `search`) open the SQLite file at *path* with the
    standard library: ``mode=rw`` (reading a WAL database may need its -shm file; nothing
    is written), or read-only (:func:`read_only_uri`) when it can't be written here or a
    log holding pages is beside it. Closing the last connection writes that log into the
    file at *path*: a file put there while the app had the planner open (moved away, a file
    of random bytes in its place) took the planner's newest pages, lost with the log when
    it was moved back (nu281). A reader only reads."""
    if can_write(path) and not left_unclean(path):
        return f"{path.resolve().as_uri()}?mode=rw"
    return read_only_uri(path)


def copies_beside(database: Path) -> tuple[Path, list[Path]]:
    """The folder of copies beside *database* (``backups/``, or the folder it is in when it
    is a copy itself), and the copies there."""
    folder = database.parent if database.parent.name == "backups" else database.parent / "backups"
    copies = [c for c in folder.glob("*.db") if c != database] if folder.is_dir() else []
    return folder, copies


def copies_kept(database: Path) -> bool:
    """Whether copies of a planner are kept beside *database* (not empty ones): a planner
    found empty or missing there was emptied, moved or deleted — not new."""
    try:
        return any(c.is_file() and c.stat().st_size > 0 for c in copies_beside(database)[1])
    except OSError:  # one gone meanwhile (the oldest daily copy, say)
        return False
