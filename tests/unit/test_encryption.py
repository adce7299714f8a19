"""Encryption at rest (SQLCipher): after `encrypt`, the file holds none of the words; with
the passphrase everything works as before (search, backups, restore); without it, or with a
wrong one, a clear line and an untouched file."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from planner_tui.db import backups, encryption
from planner_tui.db.engine import SQLITE_HEADER, Database, Location, open_database
from planner_tui.errors import StorageError
from planner_tui.services import journal, people

SECRET = "a sentence I have told no one"
PASSPHRASE = "correct horse battery"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def encrypted(sqlite_db: Database) -> Location:
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Anastasia Quill"})
        journal.save_entry(session=s, data={"day": date(2026, 11, 20), "body": SECRET})
    sqlite_db.dispose()
    plain = sqlite_db.location
    encryption.encrypt(plain, PASSPHRASE)
    return Location(plain.url, plain.home, PASSPHRASE)


def test_the_file_holds_none_of_the_words_and_opens_with_the_passphrase(
    encrypted: Location,
) -> None:
    path = encrypted.sqlite_path
    assert path is not None
    raw = path.read_bytes()
    assert not raw.startswith(SQLITE_HEADER)
    assert SECRET.encode() not in raw and b"Anastasia Quill" not in raw
    assert path.stat().st_mode & 0o777 == 0o600
    database = open_database(encrypted)
    with database.session() as s:
        hits = journal.search(session=s, query=journal.SearchQuery("told"))
        assert [h.entry.body for h in hits] == [SECRET]
    with database.write() as s:
        people.create_person(session=s, data={"name": "Bonaventura Reed"})
    database.dispose()
    assert b"Bonaventura Reed" not in path.read_bytes()


def test_without_or_with_a_wrong_passphrase_nothing_opens_or_changes(
    encrypted: Location,
) -> None:
    path = encrypted.sqlite_path
    assert path is not None
    before = digest(path)
    for passphrase, words in ((None, "set PLANNER_TUI_PASSPHRASE"),
                              ("wrong passphrase", "does not open")):  # fmt: skip
        with pytest.raises(StorageError, match=words):
            open_database(Location(encrypted.url, encrypted.home, passphrase))
    for given in (None, PASSPHRASE):  # nu264: with it, "not a planner-tui database"
        with pytest.raises(StorageError, match=r"is encrypted already\. To change its passphrase"):
            encryption.encrypt(Location(encrypted.url, encrypted.home, given), PASSPHRASE)
    assert digest(path) == before


def test_backups_of_an_encrypted_database_are_encrypted_and_restore(
    encrypted: Location, tmp_path: Path
) -> None:
    database = open_database(encrypted)
    copy = backups.daily_backup(database, date(2026, 11, 23))
    database.dispose()
    assert copy is not None and not copy.read_bytes().startswith(SQLITE_HEADER)
    assert SECRET.encode() not in copy.read_bytes()
    backups.restore(encrypted, copy)
    reopened = open_database(encrypted)
    with reopened.session() as s:
        assert [p.name for p in people.list_people(session=s)] == ["Anastasia Quill"]
    reopened.dispose()


def test_restoring_into_an_encrypted_planner_without_its_passphrase_changes_nothing(
    encrypted: Location, tmp_path: Path
) -> None:
    """It said the planner "looks damaged … restore a backup" — while restoring one. It
    now names the passphrase, and the encrypted file is left exactly as it was."""
    plain_copy = tmp_path / "plain.db"
    open_database(Location(f"sqlite:///{plain_copy}", tmp_path / "other")).dispose()
    without = Location(encrypted.url, encrypted.home)
    path = encrypted.sqlite_path
    assert path is not None
    before = path.read_bytes()
    with pytest.raises(StorageError, match="can't be read without its passphrase"):
        backups.restore(without, plain_copy)
    assert path.read_bytes() == before
    assert not list((encrypted.home / "backups").glob("before-restore-*"))


def test_a_short_passphrase_or_a_missing_file_is_refused(tmp_path: Path) -> None:
    location = Location(f"sqlite:///{tmp_path / 'planner.db'}", tmp_path)
    with pytest.raises(StorageError, match="no database"):
        encryption.encrypt(location, PASSPHRASE)
    open_database(location).dispose()
    with pytest.raises(StorageError, match="at least 8"):
        encryption.encrypt(location, "short")


def test_a_new_planner_made_with_a_passphrase_set_is_encrypted_with_it(tmp_path: Path) -> None:
    """nu264: with PLANNER_TUI_PASSPHRASE set (the README's way back from a lost
    passphrase: export, then import into a new home), a new home's first command closed
    with "something unexpected went wrong" and left a stub no command could open."""
    location = Location(f"sqlite:///{tmp_path / 'planner.db'}", tmp_path, PASSPHRASE)
    database = open_database(location)
    with database.write() as s:
        people.create_person(session=s, data={"name": "Zed Quill"})
    database.dispose()
    path = tmp_path / "planner.db"
    assert not path.read_bytes().startswith(SQLITE_HEADER)
    assert b"Zed Quill" not in path.read_bytes()
    with open_database(location).session() as s:
        assert [p.name for p in people.list_people(session=s)] == ["Zed Quill"]


def test_the_days_plain_copy_taken_before_encrypting_is_replaced_by_an_encrypted_one(
    sqlite_db: Database,
) -> None:
    """nu264: the day's copy, taken before `encrypt`, was "something other than a
    planner-tui backup" to every start after it, and no copy was taken that day."""
    day = date(2026, 11, 23)
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Anastasia Quill"})
    plain = backups.daily_backup(sqlite_db, day)
    assert plain is not None and plain.read_bytes().startswith(SQLITE_HEADER)
    sqlite_db.dispose()
    encryption.encrypt(sqlite_db.location, PASSPHRASE)
    database = open_database(Location(sqlite_db.location.url, sqlite_db.location.home, PASSPHRASE))
    copy = backups.daily_backup(database, day)
    database.dispose()
    assert copy == plain and not copy.read_bytes().startswith(SQLITE_HEADER)
    assert b"Anastasia Quill" not in copy.read_bytes()


def test_a_passphrase_of_spaces_alone_is_refused(sqlite_db: Database) -> None:
    """nu264: eight spaces were taken as a passphrase."""
    sqlite_db.dispose()
    with pytest.raises(StorageError, match="more than spaces"):
        encryption.encrypt(sqlite_db.location, " " * 12)


@pytest.mark.parametrize("weak", ["short", " " * 10])
def test_a_new_planner_is_not_made_with_a_passphrase_encrypt_would_refuse(
    tmp_path: Path, weak: str
) -> None:
    """nu267: "short" and ten spaces, refused by `encrypt`, locked a new home without a
    word when set in PLANNER_TUI_PASSPHRASE."""
    with pytest.raises(StorageError, match=r"Choose a passphrase of .* for a new planner"):
        open_database(Location(f"sqlite:///{tmp_path / 'planner.db'}", tmp_path, weak))
    assert not (tmp_path / "planner.db").exists()
