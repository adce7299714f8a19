"""Daily rotating copies, restoring one, and deleting everything."""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from planner_tui.db import DATA_VERSION_KEY, backups
from planner_tui.db.engine import Database, Location, open_database
from planner_tui.errors import StorageError
from planner_tui.services import drafts, people

FIXTURE = Path(__file__).parent.parent / "data" / "schema-0001.db"


def names(path: Path) -> list[str]:
    with sqlite3.connect(path) as c:
        return [n for (n,) in c.execute("SELECT name FROM person ORDER BY name")]


def add(db: Database, name: str) -> None:
    with db.write() as s:
        people.create_person(session=s, data={"name": name})


def test_one_copy_a_day_and_only_the_newest_are_kept(sqlite_db: Database) -> None:
    add(sqlite_db, "Ana")
    first = date(2026, 11, 1)
    for n in range(9):
        assert backups.daily_backup(sqlite_db, first + timedelta(days=n), keep=7) is not None
    assert backups.daily_backup(sqlite_db, first + timedelta(days=8), keep=7) is None  # again
    folder = sqlite_db.location.home / "backups"
    kept = sorted(p.name for p in folder.glob("daily-*.db"))
    assert kept == [f"daily-2026-11-{d:02d}.db" for d in range(3, 10)]
    copy = folder / kept[-1]
    assert names(copy) == ["Ana"] and copy.stat().st_mode & 0o777 == 0o600
    assert backups.daily_backup(sqlite_db, date(2026, 12, 1), keep=0) is None


def test_todays_copy_is_taken_again_when_the_planner_changed_since(sqlite_db: Database) -> None:
    """The first day's only copy was taken at the very first start, empty; a damaged file
    the next morning then had nothing of that day to put back (nu210). A later start the
    same day takes it again if the planner changed since, and not otherwise."""
    today = date(2026, 12, 6)
    copy = backups.daily_backup(sqlite_db, today)
    assert copy is not None and names(copy) == []
    now = copy.stat().st_mtime  # the planner as written before the copy, the copy a while ago
    path = sqlite_db.location.sqlite_path
    assert path is not None
    for written in (path, path.with_name(path.name + "-wal")):
        if written.exists():
            os.utime(written, (now - 20, now - 20))
    os.utime(copy, (now - 10, now - 10))
    assert backups.daily_backup(sqlite_db, today) is None  # nothing changed since
    add(sqlite_db, "Ana")
    assert backups.daily_backup(sqlite_db, today) == copy
    assert names(copy) == ["Ana"]
    assert sorted(p.name for p in copy.parent.iterdir()) == ["daily-2026-12-06.db"]


def test_restore_puts_a_copy_back_and_keeps_what_was_there(sqlite_db: Database) -> None:
    location = sqlite_db.location
    add(sqlite_db, "Ana")
    copy = backups.daily_backup(sqlite_db, date(2026, 11, 22))
    assert copy is not None
    add(sqlite_db, "Bo")
    sqlite_db.dispose()
    kept = backups.restore(location, copy)
    assert location.sqlite_path is not None and names(location.sqlite_path) == ["Ana"]
    assert kept is not None and names(kept) == ["Ana", "Bo"]
    assert names(copy) == ["Ana"]  # the copy itself is untouched
    reopened = open_database(location)
    with reopened.session() as s:
        assert [p.name for p in people.list_people(session=s)] == ["Ana"]
    add(reopened, "Cy")
    reopened.dispose()
    # Restored again in the same second (the tests' clock stands still): the copy kept
    # before the first restore stays, and the second gets a name of its own.
    again = backups.restore(location, copy)
    assert again is not None and again != kept
    assert again.name == kept.name.replace(".db", "-2.db")
    assert names(kept) == ["Ana", "Bo"] and names(again) == ["Ana", "Cy"]


def test_a_restore_whose_safety_copy_cant_be_written_says_nothing_was_restored(
    sqlite_db: Database, tmp_path: Path
) -> None:
    """On a home whose backups folder can't be written it said only "Can't write the backup
    to …before-restore….db", not whether the restore had happened."""
    location = sqlite_db.location
    add(sqlite_db, "Ana")
    copy = tmp_path / "copy.db"
    shutil.copy(location.sqlite_path, copy)  # type: ignore[arg-type]
    add(sqlite_db, "Bo")
    sqlite_db.dispose()
    shutil.rmtree(location.home / "backups", ignore_errors=True)
    (location.home / "backups").write_text("a file where the folder would be")
    with pytest.raises(StorageError, match="So nothing was restored: the planner is as it was"):
        backups.restore(location, copy)
    assert location.sqlite_path is not None and names(location.sqlite_path) == ["Ana", "Bo"]


def test_a_damaged_planner_is_restored_over_and_kept_as_it_was(sqlite_db: Database) -> None:
    """The advice for a damaged planner is to restore a backup — and restore refused it,
    saying it looked damaged (its copy of what was there could not be made). Now what was
    there is kept byte for byte, and the backup put in its place."""
    location = sqlite_db.location
    add(sqlite_db, "Ana")
    daily = backups.daily_backup(sqlite_db, date(2026, 11, 22))
    assert daily is not None
    copy = Path(shutil.move(daily, location.home.parent / "copy.db"))
    shutil.rmtree(daily.parent)  # no backups folder yet: restore makes it
    sqlite_db.dispose()
    path = location.sqlite_path
    assert path is not None
    with sqlite3.connect(path) as c:  # a bad sector in the people's table
        (root,) = c.execute("SELECT rootpage FROM sqlite_master WHERE name = 'person'").fetchone()
        (size,) = c.execute("PRAGMA page_size").fetchone()
    c.close()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * size)
        handle.write(b"\xff" * 64)
    damaged = path.read_bytes()
    kept = backups.restore(location, copy)
    assert names(path) == ["Ana"]
    assert kept is not None and kept.read_bytes() == damaged
    assert kept.stat().st_mode & 0o777 == 0o600
    assert kept.parent.stat().st_mode & 0o777 == 0o700  # its folder too, whatever the umask


def test_a_copy_restored_into_a_new_home_is_private(sqlite_db: Database, tmp_path: Path) -> None:
    """Only the person can read what is restored, however open the copy was (a backup
    copied around with cp is often readable by everyone)."""
    add(sqlite_db, "Ana")
    copy = backups.daily_backup(sqlite_db, date(2026, 11, 22))
    assert copy is not None
    shared = tmp_path / "shared.db"
    shutil.copy(copy, shared)
    shared.chmod(0o644)
    home = tmp_path / "new-home"
    location = Location(f"sqlite:///{home / 'planner.db'}", home)
    backups.restore(location, shared)
    assert names(home / "planner.db") == ["Ana"]
    assert (home / "planner.db").stat().st_mode & 0o777 == 0o600
    assert home.stat().st_mode & 0o777 == 0o700


def test_restoring_a_copy_from_an_older_version_brings_it_up_to_date(tmp_path: Path) -> None:
    location = Location(f"sqlite:///{tmp_path / 'planner.db'}", tmp_path)
    open_database(location).dispose()
    backups.restore(location, FIXTURE)
    database = open_database(location)
    with database.session() as s:
        assert len(people.list_people(session=s)) == len(names(FIXTURE)) > 0
    database.dispose()


def test_restore_refuses_what_is_not_a_good_copy(sqlite_db: Database, tmp_path: Path) -> None:
    location = sqlite_db.location
    assert location.sqlite_path is not None
    add(sqlite_db, "Ana")
    sqlite_db.dispose()
    before = location.sqlite_path.read_bytes()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    newer = tmp_path / "newer.db"
    shutil.copy(location.sqlite_path, newer)
    with sqlite3.connect(newer) as c:
        c.execute("UPDATE alembic_version SET version_num = '9999'")
    other = tmp_path / "recipes.db"
    with sqlite3.connect(other) as c:
        c.execute("CREATE TABLE recipes (name TEXT)")
    damaged = tmp_path / "damaged.db"
    with sqlite3.connect(damaged) as c:  # enough pages that one in the middle is data
        c.execute("CREATE TABLE t (x TEXT)")
        c.executemany("INSERT INTO t VALUES (?)", [("x" * 500,) for _ in range(400)])
    pages = bytearray(damaged.read_bytes())
    pages[4096 * 20 : 4096 * 30] = b"\xa5" * (4096 * 10)
    damaged.write_bytes(bytes(pages))
    for source, words in (
        (tmp_path / "missing.db", "no backup file"),
        # No daily copies yet: no folder named that isn't there.
        (damaged, "damaged.db looks damaged, so it was not restored .* Try another copy[.]$"),
        (junk, "not a planner-tui database"),
        (newer, "newer planner-tui"),
        (other, "not a planner-tui database"),
        (location.sqlite_path, "the database itself"),
    ):
        with pytest.raises(StorageError, match=words):
            backups.restore(location, source)
    location.backups.mkdir()
    with pytest.raises(StorageError, match=r"Try another copy: the daily ones are in .*backups"):
        backups.restore(location, damaged)
    assert location.sqlite_path.read_bytes() == before


def test_delete_everything_leaves_nothing_behind(sqlite_db: Database) -> None:
    add(sqlite_db, "Ana")
    backups.daily_backup(sqlite_db, date(2026, 11, 23))
    home = sqlite_db.location.home
    (home / "today-snapshot.json").write_text("{}")
    sqlite_db.dispose()
    removed = backups.delete_everything(sqlite_db.location)
    assert any(r.endswith("planner.db") for r in removed)
    assert not home.exists()


@pytest.mark.parametrize(
    "db", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)
def test_delete_everything_on_a_server_empties_every_table(db: Database) -> None:
    """Every row goes, but numbers are never given again and the data version goes on: a
    window still open on the server saved a contact for someone deleted onto whoever was
    given their number next, and took the restarted version for an older read (its views
    kept showing what was deleted)."""
    add(db, "Ana")
    with db.write() as s:
        drafts.set_setting(session=s, key="theme", value="nord")
    with db.session() as s:
        [ana] = people.list_people(session=s)
        version = drafts.get_setting(session=s, key=DATA_VERSION_KEY, default=0)
    removed = backups.delete_everything(db.location, db)
    assert removed[0].startswith("every row in postgresql")
    with db.session() as s:
        assert people.list_people(session=s) == []
        assert drafts.get_setting(session=s, key="theme", default=None) is None
        assert drafts.get_setting(session=s, key=DATA_VERSION_KEY, default=0) > version
    add(db, "Gita")
    with db.session() as s:
        [gita] = people.list_people(session=s)
    assert gita.id > ana.id
