"""Encrypting the SQLite file at rest with SQLCipher (the optional `encryption` extra).

The whole file is encrypted — journal, people, drafts, the search index — with a key made
from the person's passphrase. planner-tui never stores the passphrase; it is read from
PLANNER_TUI_PASSPHRASE or asked for."""

from __future__ import annotations

from pathlib import Path

from planner_tui.db.engine import (
    Location,
    check_sqlite_file,
    connect_sqlite,
    looks_encrypted,
    passphrase_problem,
    sqlcipher,
    sqlite_quote,
)
from planner_tui.errors import StorageError
from planner_tui.files import replace_durably

SERVER_ENCRYPTION = "Encryption is for the SQLite file; a server encrypts its own disk."


def refuse_if_encrypted(location: Location) -> None:
    """Before a passphrase is asked for twice: a planner encrypted already is said to be
    (it was asked for, then called "not a planner-tui database, or damaged", nu264)."""
    path = location.sqlite_path
    if path is not None and looks_encrypted(path):
        raise StorageError(
            f"{path} is encrypted already. To change its passphrase: export --format json with "
            "the old one in PLANNER_TUI_PASSPHRASE, then import into a new home with the new one "
            "set (README, 'Privacy')."
        )


def encrypt(location: Location, passphrase: str) -> list[Path]:
    """Encrypt the unencrypted SQLite file in place. The encrypted copy is written beside
    it, checked row by row, then moved over it. Returns the backups that remain unencrypted."""
    path = location.sqlite_path
    if path is None:
        raise StorageError(SERVER_ENCRYPTION)
    if problem := passphrase_problem(passphrase):  # eight spaces were taken (nu264)
        raise StorageError(problem)
    if not path.is_file():
        raise StorageError(f"There is no database at {path} yet; start planner-tui first.")
    refuse_if_encrypted(location)
    check_sqlite_file(path, whole=True)  # healthy
    partial = path.with_name(f".{path.name}.encrypting")
    partial.unlink(missing_ok=True)
    plain = connect_sqlite(path)
    try:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        tables = [n for (n,) in plain.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        before = {t: plain.execute(f'SELECT count(*) FROM "{t}"').fetchone() for t in tables}
    finally:
        plain.close()
    sqlcipher3 = sqlcipher()
    exporter = sqlcipher3.connect(str(path))  # SQLCipher, reading the plain file as it is
    try:
        exporter.execute(
            f"ATTACH DATABASE {sqlite_quote(str(partial))} AS encrypted "
            f"KEY {sqlite_quote(passphrase)}"
        )
        exporter.execute("SELECT sqlcipher_export('encrypted')")
        exporter.execute("DETACH DATABASE encrypted")
    finally:
        exporter.close()
    encrypted = connect_sqlite(partial, passphrase=passphrase)
    try:
        after = {t: encrypted.execute(f'SELECT count(*) FROM "{t}"').fetchone() for t in tables}
        sound = encrypted.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        encrypted.close()
    if after != before or not sound:
        partial.unlink(missing_ok=True)
        raise StorageError("The encrypted copy did not match; nothing was changed.")
    replace_durably(partial, path)
    # The picture of Today earlier versions kept beside the file holds names and steps in
    # the clear.
    for leftover in (
        path.with_name(path.name + "-wal"),
        path.with_name(path.name + "-shm"),
        location.home / "today-snapshot.json",
    ):
        leftover.unlink(missing_ok=True)
    return sorted(location.backups.glob("*.db"))
