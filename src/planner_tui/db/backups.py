"""Copies of the SQLite file: one a day, kept for a week, taken with SQLite's online backup
API while the app runs; putting a copy back; and deleting everything on request."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import uuid
from datetime import date
from pathlib import Path

from planner_tui import words
from planner_tui.db import (
    DATA_VERSION_KEY,
    RESTORED_KEY,
    SCHEMA_HEAD,
    json_value,
    left_unclean,
    schema_revision,
)
from planner_tui.db.engine import (
    BEFORE_RESTORE,
    Database,
    Location,
    backup_file,
    backup_name,
    check_sqlite_file,
    connect_sqlite,
    copy_pages,
    describe_error,
    private_file,
)
from planner_tui.errors import DamagedFile, NeedsPassphrase, StorageError
from planner_tui.files import copy_with_log

KEEP_DAILY = 7
DAILY_PREFIX = "daily-"
LOCAL_FILES = (
    "today-snapshot.json",
    "crash.log",
    "ideas.toml",
    "actions.toml",
    "prompts.toml",
    "support.toml",
)
"""What planner-tui keeps in its folder besides the database and its backups."""


def daily_backup(database: Database, today: date, *, keep: int = KEEP_DAILY) -> Path | None:
    """Today's copy, unless there is one taken since the planner last changed; then only
    the newest *keep* daily copies stay. Taken again at a later start the same day when
    the planner has changed since: the first day's only copy, taken at the very first start,
    was empty, and a damaged file the next morning left nothing of that day to put back
    (nu210). A copy is only replaced by a sound one (:func:`backup_file`)."""
    path = database.location.sqlite_path
    if path is None or keep <= 0:
        return None
    folder = database.location.backups
    target = folder / f"{DAILY_PREFIX}{today.isoformat()}.db"
    written = None
    if not target.exists() or _changed_since(path, target):
        written = database.backup_to(target)
    for old in sorted(folder.glob(f"{DAILY_PREFIX}*.db"), reverse=True)[keep:]:
        old.unlink(missing_ok=True)
    return written


def _changed_since(path: Path, copy: Path) -> bool:
    """Whether the SQLite file at *path* (or its write-ahead log, where writes go first) was
    written after *copy* was."""
    taken = copy.stat().st_mtime_ns
    for part in (path, path.with_name(path.name + "-wal")):
        with contextlib.suppress(FileNotFoundError):
            if part.stat().st_mtime_ns > taken:
                return True
    return False


def named_copy(location: Location, given: Path) -> Path:
    """The copy *given* names: a bare file name that is not in the current folder but is in
    *location*'s backups folder is the one there (the advice for a damaged planner names its
    newest healthy copy so); anything else, as typed."""
    if str(given) == given.name and not given.exists():
        there = location.backups / given
        if there.is_file():
            return there
    return given


def _schema_of(path: Path, passphrase: str | None) -> str | None:
    try:
        connection = connect_sqlite(path, passphrase=passphrase, copy=True)
        try:
            return schema_revision(connection)
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return None


def check_backup(location: Location, source: Path) -> Path:
    """*source* (expanded), once it is known to be a healthy planner-tui database this
    version can put in place of *location*'s; otherwise a StorageError says why. Reads only."""
    target = location.sqlite_path
    if target is None:
        raise StorageError("Restore is for the SQLite file. For PostgreSQL use pg_restore.")
    source = source.expanduser()
    if not source.is_file():
        if source.is_dir():
            raise StorageError(f"{source} is a folder; restore needs a backup file inside it.")
        raise StorageError(f"There is no backup file at {source}.")
    if source.resolve() == target.resolve():
        raise StorageError("That is the database itself, not a backup of it.")
    passphrase = location.passphrase
    try:
        check_sqlite_file(source, passphrase, whole=True, copy=True)
    except DamagedFile:
        folder = location.backups
        others = f": the daily ones are in {folder}" if folder.is_dir() else ""
        raise StorageError(
            f"{source} looks damaged, so it was not restored and nothing was changed. "
            f"Try another copy{others}."
        ) from None
    schema = _schema_of(source, passphrase)
    if schema is None:
        raise StorageError(f"{source} is not a planner-tui database; nothing was changed.")
    if schema > SCHEMA_HEAD:
        raise StorageError(
            f"{source} was written by a newer planner-tui; update planner-tui to restore it."
        )
    return source


def looks_open(location: Location) -> bool:
    """Whether another process (the app, most likely) has the planner open: its write-ahead
    log is there, and a connection holds SQLite's "dead man's switch" — a shared lock on
    byte 128 of the ``-shm`` file each connection keeps while it is open (a log left by a
    crash has none). Call it with no connection of this process's own open on the file: a
    POSIX lock is released by closing any descriptor of the file."""
    path = location.sqlite_path
    if path is None or not path.with_name(path.name + "-wal").exists():
        return False
    try:
        import fcntl  # POSIX: elsewhere, a log there is taken as open, as before
    except ImportError:
        return True
    try:
        shm = os.open(path.with_name(path.name + "-shm"), os.O_RDWR)
    except FileNotFoundError:
        return False
    except OSError:
        return True  # can't tell: as if open
    try:
        fcntl.lockf(shm, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, SHM_DEAD_MANS_SWITCH)
    except OSError:
        return True
    else:
        fcntl.lockf(shm, fcntl.LOCK_UN, 1, SHM_DEAD_MANS_SWITCH)
        return False
    finally:
        os.close(shm)


SHM_DEAD_MANS_SWITCH = 128
"""SQLite's UNIX_SHM_DMS: the byte of a ``-shm`` file every open connection holds locked."""


def restore(location: Location, source: Path) -> Path | None:
    """Put the copy at *source* in place of the database. The database as it was is kept
    first as ``backups/before-restore-….db`` (returned). Refuses a file that is not a healthy
    planner-tui database, or one from a newer version (:func:`check_backup`); the source is
    never changed."""
    source = check_backup(location, source)
    target = location.sqlite_path
    assert target is not None  # checked above
    passphrase = location.passphrase
    safety = None
    copied = False  # whether *safety* is a copy made here (not the damaged file moved aside)
    replaced_version = 0
    if not target.exists() and looks_open(location):  # deleted while the app was open
        raise StorageError(words.OPEN_WHILE_RESTORING_GONE)
    try:
        if left_unclean(target) and not (target.exists() and target.stat().st_size):
            # Emptied or deleted, its newest changes still in the log beside it: put in
            # place, the copy took that log for its own (a restore deleted it, nu194). Kept,
            # with the file as it is, as any damaged planner is.
            if looks_open(location):
                raise StorageError(words.OPEN_WHILE_RESTORING_DAMAGED)
            safety = _unused(location.backups / backup_name(BEFORE_RESTORE))
            _keep_as_it_is(target, safety)
            if not safety.exists():  # deleted: its log is what is kept, and is named (the
                safety = Path(f"{safety}-wal")  # file named was not there, nu206)
        elif target.exists() and not target.stat().st_size and looks_open(location):
            # Emptied, its log folded in: as damaged, and the app's lock on it held the
            # copy's writing for as long as the app stayed open (nu247).
            raise StorageError(words.OPEN_WHILE_RESTORING_DAMAGED)
        elif target.exists() and target.stat().st_size:
            safety = _unused(location.backups / backup_name(BEFORE_RESTORE))
            try:
                check_sqlite_file(target, passphrase, whole=True)
                replaced_version = _data_version(target, passphrase)
            except NeedsPassphrase:  # encrypted (or damaged past telling): never written over
                raise StorageError(
                    f"{target} can't be read without its passphrase, so nothing was changed: "
                    "set PLANNER_TUI_PASSPHRASE to restore an encrypted backup of it. To put "
                    "back a copy that isn't encrypted (from before, say), or if the file is "
                    "damaged, move it aside first and restore again."
                ) from None
            except StorageError:  # damaged: what a restore is for. Kept byte for byte.
                if looks_open(location):  # it would go on saving into the file moved aside
                    raise StorageError(words.OPEN_WHILE_RESTORING_DAMAGED) from None
                _keep_as_it_is(target, safety)
            else:
                try:
                    backup_file(target, safety, passphrase=passphrase)
                    copied = True
                except StorageError as error:  # said before it is restored: nothing was
                    raise StorageError(
                        f"{error} So nothing was restored: the planner is as it was (the "
                        "copy kept first has to be written before a restore)."
                    ) from None
        private_file(target)  # a copy restored into a new home is as private as a new planner
        copy_pages(source, target, passphrase=passphrase, source_is_copy=True)
        _move_data_version_on(target, passphrase, beyond=replaced_version)
    except sqlite3.Error as error:
        # Not put in place (a busy planner): SQLite rolled the target back, so the copy of
        # it made first is one of a restore that never happened, and goes (nu248).
        if copied and safety is not None:
            safety.unlink(missing_ok=True)
        raise StorageError(describe_error(error)) from None
    return safety


def _unused(path: Path) -> Path:
    """*path*, or the first of ``name-2.db``, ``name-3.db`` … that is not there: a copy kept
    for safety never takes another's place (two restores in one second kept one copy, the
    data from before the first was gone)."""
    candidate, number = path, 2
    while candidate.exists():
        candidate, number = path.with_name(f"{path.stem}-{number}{path.suffix}"), number + 1
    return candidate


def _data_version(path: Path, passphrase: str | None) -> int:
    """The file's data version (:data:`planner_tui.db.DATA_VERSION_KEY`), 0 if none."""
    connection = connect_sqlite(path, passphrase=passphrase, read_only=True)
    try:
        row = connection.execute(
            "SELECT value FROM app_setting WHERE key = ?", (DATA_VERSION_KEY,)
        ).fetchone()
    except sqlite3.OperationalError:  # no tables at all (a new planner's file, before them)
        row = None
    finally:
        connection.close()
    return int(json_value(row[0], "sqlite") or 0) if row is not None else 0


def _move_data_version_on(path: Path, passphrase: str | None, *, beyond: int) -> None:
    """A restored copy's data version goes on from the replaced one's: an app open on the
    planner took a version lower than what it showed for an older read, and kept showing
    the data from before the restore. And it is marked as restored (:data:`RESTORED_KEY`)."""
    version = max(_data_version(path, passphrase), beyond) + 1
    connection = connect_sqlite(path, passphrase=passphrase)
    try:
        with connection:
            connection.executemany(
                "INSERT OR REPLACE INTO app_setting (key, value) VALUES (?, ?)",
                [
                    (DATA_VERSION_KEY, json.dumps(version)),
                    (RESTORED_KEY, json.dumps(uuid.uuid4().hex)),
                ],
            )
    finally:
        connection.close()


def _keep_as_it_is(path: Path, kept: Path) -> None:
    """A damaged database, kept as it is (with its write-ahead log) under *kept*, then taken
    away, so that a restore can put a copy in its place: SQLite copies no damaged file, and
    "restore a backup", the advice for one, said again that it looked damaged."""
    copy_with_log(path, kept)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def delete_everything(location: Location, server: Database | None = None) -> list[str]:
    """Every trace of planner-tui's data for *location*: the SQLite file (even a damaged
    one) or, given the open *server* database, every row of every table; its backups; the
    small files beside it. Says what was removed. The folder goes too when left empty."""
    from sqlalchemy import delete
    from sqlmodel import col

    from planner_tui.db.models import TABLES_IN_ORDER, AppSetting

    home = location.home
    removed: list[str] = []
    path = location.sqlite_path
    if server is not None:
        # Numbers go on (an id is never given again: a window still open on the planner
        # saved a contact for someone deleted onto whoever was given their number next), and
        # so does the data version (an open window took the restarted one for an older read
        # and kept showing what was deleted, through ctrl+r).
        names = ", ".join(str(t.__tablename__) for t in TABLES_IN_ORDER if t is not AppSetting)
        with server.write() as session:
            connection = session.connection()
            connection.exec_driver_sql(f"TRUNCATE {names} CONTINUE IDENTITY CASCADE")
            connection.execute(delete(AppSetting).where(col(AppSetting.key) != DATA_VERSION_KEY))
        removed.append(f"every row in {location.display}")
    if path is not None:
        for part in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            if part.exists():
                part.unlink()
                removed.append(str(part))
    if path is not None and location.backups.exists():  # a server's has none of its own
        shutil.rmtree(location.backups)
        removed.append(str(location.backups))
    if path is not None and path.parent.resolve() != home.resolve():
        return removed  # --db's file elsewhere: the home and its files are another planner's
    for name in LOCAL_FILES:
        if (home / name).exists():
            (home / name).unlink()
            removed.append(str(home / name))
    if home.exists() and not any(home.iterdir()):
        home.rmdir()
    return removed
