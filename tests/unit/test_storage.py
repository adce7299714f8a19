"""Opening the database: pragmas, permissions, refusing damaged or newer files untouched."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from planner_tui import daily
from planner_tui.db import engine
from planner_tui.db.engine import SCHEMA_HEAD, Database, Location, open_database
from planner_tui.db.migrate import current_revision, head_revision
from planner_tui.errors import DamagedFile, StorageError
from planner_tui.journal_search import search_file
from planner_tui.services import journal, people

from ..silent_server import silent_server


def location(home: Path) -> Location:
    return Location(f"sqlite:///{home / 'planner.db'}", home)


def names_when_opened(home: Path) -> list[str]:
    """The people in the planner at *home*, as the next start finds them."""
    database = open_database(location(home))
    try:
        with database.session() as s:
            return [p.name for p in people.list_people(session=s)]
    finally:
        database.dispose()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_is_private_and_configured(tmp_path: Path) -> None:
    home = tmp_path / "new" / "home"
    database = open_database(location(home))
    with database.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert c.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert c.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    database.dispose()
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    assert stat.S_IMODE((home / "planner.db").stat().st_mode) == 0o600
    assert current_revision(database) == head_revision() == SCHEMA_HEAD


@pytest.mark.parametrize(
    "content",
    [b"this is my shopping list\n", b"SQLite format 3\x00" + b"\x00" * 80 + b"garbage" * 50],
    ids=["not-sqlite", "truncated"],
)
def test_damaged_files_are_refused_and_left_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "planner.db"
    path.write_bytes(content)
    before = digest(path)
    with pytest.raises(StorageError, match=r"damaged|untouched"):
        open_database(location(tmp_path))
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["planner.db"]


def test_a_really_truncated_database_is_refused(sqlite_db: Database, tmp_path: Path) -> None:
    with sqlite_db.write() as s:
        for n in range(300):
            people.create_person(session=s, data={"name": f"Person {n}", "notes": "x" * 500})
    sqlite_db.dispose()
    source = sqlite_db.location.sqlite_path
    assert source is not None
    with sqlite3.connect(source) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    broken = tmp_path / "broken"
    broken.mkdir()
    data = source.read_bytes()
    (broken / "planner.db").write_bytes(data[: len(data) // 2])
    before = digest(broken / "planner.db")
    with pytest.raises(StorageError):
        open_database(location(broken))
    assert digest(broken / "planner.db") == before


def test_a_database_from_a_newer_version_is_refused_untouched(sqlite_db: Database) -> None:
    path = sqlite_db.location.sqlite_path
    assert path is not None
    sqlite_db.dispose()
    with sqlite3.connect(path) as c:
        c.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = digest(path)
    with pytest.raises(StorageError, match="newer version"):
        open_database(sqlite_db.location)
    assert digest(path) == before


def test_someone_elses_database_is_refused(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / "planner.db") as c:
        c.execute("CREATE TABLE recipes (name TEXT)")
    with pytest.raises(StorageError, match="not planner-tui's"):
        open_database(location(tmp_path))


@pytest.mark.timeout(60)  # before: it waited for the server for good
@pytest.mark.parametrize("given", ["default", "in the URL"])
def test_a_server_that_never_answers_is_said_in_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str
) -> None:
    """A PostgreSQL server that takes the connection and never answers (hung, or half
    reachable) is given a few seconds, then named; a URL's own ``connect_timeout`` wins."""
    monkeypatch.setattr(engine, "CONNECT_TIMEOUT", 1 if given == "default" else 3600)
    with silent_server(tmp_path) as url:
        url += "&connect_timeout=1" if given == "in the URL" else ""
        with pytest.raises(StorageError) as refused:
            open_database(Location(url, tmp_path))
    assert str(refused.value) == (
        "The database server did not answer in time. Check that it is running and can be "
        "reached, then try again."
    )


def test_a_server_that_is_not_running_is_named_with_what_to_do(tmp_path: Path) -> None:
    """Nothing listens on the port: one sentence with where and what to do, ending as a
    sentence ("…port 55417 failed: Connection refused What you wrote is still here.", with
    nothing more said, nu217). Loopback only, on port 1, where nothing listens; and a
    folder with no server's socket in it."""
    with pytest.raises(StorageError) as refused:
        open_database(Location("postgresql+psycopg://me@127.0.0.1:1/planner", tmp_path))
    assert str(refused.value) == (
        "Could not reach the database server at 127.0.0.1, port 1 (connection refused). "
        "Check that it is running and can be reached, then try again."
    )
    with pytest.raises(StorageError) as refused:
        open_database(Location(f"postgresql+psycopg://me@/planner?host={tmp_path}", tmp_path))
    assert str(refused.value) == (
        f"Could not reach the database server at {tmp_path}/.s.PGSQL.5432 (no such file or "
        "directory). Check that it is running and can be reached, then try again."
    )


def test_postgres_as_many_write_it_is_postgresql(tmp_path: Path) -> None:
    """`postgres://` is how many servers give their address: it was refused as "not
    postgres" (nu217). It is reached as PostgreSQL (here: nothing listens on port 1)."""
    with pytest.raises(StorageError, match=r"^Could not reach the database server at 127\.0\.0\.1"):
        open_database(Location("postgres://me@127.0.0.1:1/planner", tmp_path))


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://me:pa ss@w:rd/%#?@127.0.0.1:1/planner",
        "postgresql://me@host:port/x",
        "postgresql+psycopg://me:p@ss@127.0.0.1:1/planner",  # nu260: host "ss@127.0.0.1"
    ],
)
def test_an_address_that_cannot_be_read_says_how_to_write_a_password(
    tmp_path: Path, url: str
) -> None:
    """A password with `@ : / # ?` in it, as typed, made an address SQLAlchemy reads wrongly:
    "That database URL can't be used (invalid literal for int() with base 10: 'rd')" (nu217)."""
    with pytest.raises(StorageError) as refused:
        open_database(Location(url, tmp_path))
    said = str(refused.value)
    assert "int()" not in said and "%40" in said and said.endswith("%20.")


@pytest.mark.postgres
def test_a_user_without_rights_on_the_tables_is_told_so_not_sent_elsewhere(
    pg_database: Database, tmp_path: Path
) -> None:
    """The planner's tables are another user's: this one may not read them. It said the
    database "holds tables that are not planner-tui's" and to choose another (nu217)."""
    guest = f"planner_tui_guest_{os.getpid()}"
    admin = sa.create_engine(pg_database.location.url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f"DROP ROLE IF EXISTS {guest}")
        connection.exec_driver_sql(f"CREATE ROLE {guest} LOGIN")
    try:
        url = sa.make_url(pg_database.location.url).set(username=guest, password=None)
        with pytest.raises(StorageError) as refused:
            open_database(Location(url.render_as_string(hide_password=False), tmp_path))
        said = str(refused.value)
        assert said.startswith("The database server refused this user (permission denied for")
        assert "not planner-tui's" not in said and said.endswith("(GRANT … TO the user in --db).")
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f"DROP OWNED BY {guest}")
            connection.exec_driver_sql(f"DROP ROLE {guest}")
        admin.dispose()


@pytest.mark.postgres
def test_a_user_or_database_the_server_does_not_have_is_named(
    pg_database: Database, tmp_path: Path
) -> None:
    """nu260: a user or a database the server doesn't have was "Could not reach the
    database server. Check that it is running…" — it was running, and answered."""
    url = sa.make_url(pg_database.location.url)
    nobody = url.set(username="nobody_here", password=None).render_as_string(False)
    with pytest.raises(StorageError) as refused:
        open_database(Location(nobody, tmp_path))
    assert str(refused.value) == (
        'The database server has no user called "nobody_here" (the name before the @ in '
        "--db). Check the address, or have the server's owner make the user."
    )
    nowhere = url.set(database="no_such_planner").render_as_string(False)
    with pytest.raises(StorageError) as refused:
        open_database(Location(nowhere, tmp_path))
    assert str(refused.value) == (
        'The database server has no database called "no_such_planner" (the name at the end '
        "of --db; with none there, the user's name). Check the address, or make it on the "
        "server: createdb no_such_planner."
    )


@pytest.mark.postgres
def test_a_user_with_no_schema_to_work_in_is_told_so(pg_database: Database, tmp_path: Path) -> None:
    """nu260: a user without rights on the database's schema was told "The database
    reported a problem: no schema has been selected to create in"."""
    name, guest = f"planner_noschema_{os.getpid()}", f"planner_tui_noschema_{os.getpid()}"
    admin = sa.create_engine(pg_database.location.url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {name}")
        connection.exec_driver_sql(f"DROP ROLE IF EXISTS {guest}")
        connection.exec_driver_sql(f"CREATE ROLE {guest} LOGIN")
        connection.exec_driver_sql(f"CREATE DATABASE {name}")
    url = sa.make_url(pg_database.location.url).set(database=name)
    owner = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with owner.connect() as connection:
        connection.exec_driver_sql("REVOKE ALL ON SCHEMA public FROM PUBLIC")
    owner.dispose()
    try:
        as_guest = url.set(username=guest, password=None).render_as_string(False)
        with pytest.raises(StorageError) as refused:
            open_database(Location(as_guest, tmp_path))
        said = str(refused.value)
        assert said.startswith("The database server gives this user no schema to keep"), said
        assert said.endswith("(GRANT USAGE, CREATE ON SCHEMA public TO the user in --db)."), said
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            connection.exec_driver_sql(f"DROP ROLE IF EXISTS {guest}")
        admin.dispose()


@pytest.mark.postgres
def test_a_server_whose_tables_went_says_what_to_do(pg_database: Database, tmp_path: Path) -> None:
    """The server's database emptied or made anew under an open app: every view and form
    said "The database reported a problem: relation "app_setting" does not exist" (nu244)."""
    from planner_tui.services import drafts

    name = f"planner_reset_{os.getpid()}"
    admin = sa.create_engine(pg_database.location.url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {name}")
        connection.exec_driver_sql(f"CREATE DATABASE {name}")
    url = sa.make_url(pg_database.location.url).set(database=name)
    database = open_database(Location(url.render_as_string(hide_password=False), tmp_path))
    try:
        with database.engine.begin() as connection:
            connection.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        with pytest.raises(StorageError) as refused, database.session() as s:
            drafts.get_setting(session=s, key="theme", default=None)
        said = str(refused.value)
        assert said.startswith("The planner's tables are no longer in the database"), said
        assert "relation" not in said
    finally:
        database.dispose()
        with admin.connect() as connection:
            connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.dispose()


def test_a_failed_lookup_of_the_servers_name_is_not_called_the_databases_problem() -> None:
    """psycopg's words when a host name can't be looked up (a test may not look one up):
    "The database reported a problem: failed to resolve host…" — the database said nothing
    (nu217)."""
    lookup = sa.exc.OperationalError(
        "connect", {}, Exception('failed to resolve host "no-such-host.invalid": [Errno -2]')
    )
    assert engine.describe_error(lookup) == (
        "The database server's name could not be found (a typing slip in --db, or no network "
        "to look it up). Check the address, then try again."
    )


def test_a_folder_that_cannot_be_created_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(StorageError, match="Can't create the database"):
        open_database(location(tmp_path / "file" / "home"))


def test_backup_is_a_consistent_readable_copy(sqlite_db: Database, tmp_path: Path) -> None:
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Ana"})
    target = sqlite_db.backup_to(tmp_path / "copies" / "b.db")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with sqlite3.connect(target) as c:
        assert c.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert c.execute("SELECT name FROM person").fetchall() == [("Ana",)]


def modules_loaded_by(imports: str, families: tuple[str, ...]) -> list[str]:
    """Which top-level *families* of modules a fresh interpreter loads for *imports*."""
    code = (
        f"import json, sys; import {imports};"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {families!r})))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return list(json.loads(result.stdout))


def test_importing_services_and_db_never_imports_textual() -> None:
    imports = (
        "planner_tui, planner_tui.cli, planner_tui.db.engine, planner_tui.db.migrate, "
        "planner_tui.services.people, planner_tui.services.steps, planner_tui.services.journal, "
        "planner_tui.services.review, planner_tui.services.exchange, planner_tui.services.demo, "
        "planner_tui.services.gaps, planner_tui.services.vcard, planner_tui.when"
    )
    assert modules_loaded_by(imports, ("textual",)) == []


def test_importing_the_package_touches_no_disk(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data"), "PATH": "/usr/bin"}
    code = "import planner_tui.cli, planner_tui.ui.app, planner_tui.config"
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
    assert list(tmp_path.iterdir()) == []


def test_the_first_frame_does_not_wait_for_the_data_layer() -> None:
    """The app module paints before SQLAlchemy or SQLModel are imported: they load
    in the worker that opens the database (importing them first cost ~0.2 s of start-up)."""
    heavy = ("sqlalchemy", "sqlmodel", "alembic")
    assert modules_loaded_by("planner_tui.ui.app", heavy) == []


def another_planner_writes(home: Path, words: str) -> None:
    """A second planner-tui process saves a check-in and exits (closing the file last)."""
    result = subprocess.run(
        [sys.executable, "-m", "planner_tui", "--home", str(home), "journal", words],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0 and result.stderr == "", result.stderr


def test_checking_the_file_again_while_it_is_open_loses_no_ones_writes(
    sqlite_db: Database,
) -> None:
    """A planner that has the file open checks it again (a second window on the same file,
    as the concurrency test does; Today's saved picture read while the app opens). Reading
    the file outside SQLite used to drop this process's lock on it, so another planner-tui
    closing deleted the -wal file under our feet: our next save vanished, and the save
    after it met "database disk image is malformed" ("looks damaged")."""
    home = sqlite_db.location.home
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Ana"})
    second = open_database(sqlite_db.location)  # checks the file this process has open
    second.dispose()
    another_planner_writes(home, "from the shell")
    assert (home / "planner.db-wal").exists()  # we still hold it open: the log stays
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Bo"})
    another_planner_writes(home, "from the shell again")
    with sqlite_db.session() as s:
        assert sorted(p.name for p in people.list_people(session=s)) == ["Ana", "Bo"]
    fresh = open_database(sqlite_db.location)
    with fresh.session() as s:
        assert sorted(p.name for p in people.list_people(session=s)) == ["Ana", "Bo"]
        bodies = sorted(e.body for e in journal.list_entries(session=s, limit=None))
    fresh.dispose()
    assert bodies == ["from the shell", "from the shell again"]


def damage_the_journal(path: Path) -> None:
    """Scribble over the first page of the journal's table (not the file's first page, which
    SQLite reads on every open): as a failing disk would, somewhere in the middle."""
    with sqlite3.connect(path) as c:
        (root,) = c.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'journal_entry'"
        ).fetchone()
        (size,) = c.execute("PRAGMA page_size").fetchone()
    assert root > 1
    with path.open("r+b") as handle:  # no SQLite connection is open on it in this test
        handle.seek((root - 1) * size)
        handle.write(b"\xff" * 64)


def a_journal(database: Database, entries: int = 60) -> None:
    with database.write() as s:
        for n in range(entries):
            journal.save_entry(session=s, data={"day": f"2026-0{1 + n % 9}-{1 + n % 28:02d}",
                                                "body": f"walked by the river {n} " * 20})  # fmt: skip


def test_a_clean_file_is_opened_without_reading_it_all_and_damage_is_still_refused(
    sqlite_db: Database,
) -> None:
    """Opening reads the header and schema, not every page (0.2 s at 100 years); a page
    damaged later in the file is refused when it is read, in the same words, and nothing is
    written to the file."""
    a_journal(sqlite_db)
    sqlite_db.dispose()
    path = sqlite_db.location.sqlite_path
    assert path is not None and not Path(f"{path}-wal").exists()  # closed cleanly
    healthy = path.read_bytes()
    damage_the_journal(path)
    before = digest(path)
    database = open_database(sqlite_db.location)  # the schema reads: no reason to refuse
    backups = sqlite_db.location.home / "backups"
    try:
        with pytest.raises(StorageError, match="looks damaged") as said, database.session() as s:
            journal.list_entries(session=s, limit=None)
        # Where the copies are, named — and that there are none yet, when none are there.
        assert (
            "Put back a copy, with the app closed: planner-tui restore FILE — one "
            f"you took with planner-tui backup: the app's daily copies go in {backups}, and "
            "there are none yet (README, 'Backups and restore')."
        ) in str(said.value)
        # An empty file is no copy to put back; the newest healthy one is named.
        backups.mkdir()
        (backups / "daily-2026-11-22.db").write_bytes(b"")
        with pytest.raises(StorageError) as said, database.session() as s:
            journal.list_entries(session=s, limit=None)
        assert f"every copy in {backups} looks damaged too (README" in str(said.value)
        (backups / "daily-2026-11-21.db").write_bytes(healthy)
        os.utime(backups / "daily-2026-11-21.db", (1, 1))  # older than the empty one
        with pytest.raises(StorageError) as said, database.session() as s:
            journal.list_entries(session=s, limit=None)
        named = f"(copies are in {backups}; the newest healthy one is daily-2026-11-21.db ("
        assert named in str(said.value)
        with pytest.raises(StorageError, match="looks damaged"):
            database.backup_to(sqlite_db.location.home / "copy.db")  # never a damaged copy
    finally:
        database.dispose()
    assert not (sqlite_db.location.home / "copy.db").exists()
    assert [p.name for p in sqlite_db.location.home.iterdir() if "copy" in p.name] == []
    assert digest(path) == before


def test_a_file_left_by_a_crash_is_checked_whole_before_use(
    sqlite_db: Database, tmp_path: Path
) -> None:
    """A write-ahead log left behind means the last planner-tui didn't close the file (killed,
    a power cut): then every page is read before anything else, and damage anywhere refused
    up front."""
    a_journal(sqlite_db)
    path = sqlite_db.location.sqlite_path
    assert path is not None
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    with sqlite_db.engine.connect() as c:  # the journal into the file: the log has none of it
        c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    with sqlite_db.write() as s:  # still open: its log holds this write, as after a kill
        people.create_person(session=s, data={"name": "Ana"})
        s.flush()
        s.commit()
        for suffix in ("", "-wal", "-shm"):
            (crashed / f"planner.db{suffix}").write_bytes(Path(f"{path}{suffix}").read_bytes())
    assert (crashed / "planner.db-wal").stat().st_size > 0
    damage_the_journal(crashed / "planner.db")
    before = digest(crashed / "planner.db")
    with pytest.raises(StorageError, match="looks damaged"):
        open_database(location(crashed))
    assert digest(crashed / "planner.db") == before


def test_the_open_planner_checked_with_its_start_overwritten_is_said_damaged(
    tmp_path: Path,
) -> None:
    """The check before a run's first save met a planner whose first bytes had been written
    over while it was open, and said "…planner.db is this planner's own database, so it was
    left as it is; choose another file" (the words for an export refused over the planner):
    its first bytes can't be read by opening the file again (see files.read_named). It is
    this process's own planner, which SQLite no longer reads: damaged, and said so."""
    home = tmp_path / "home"
    first = open_database(location(home))
    with first.write() as s:
        people.create_person(session=s, data={"name": "Ana"})
    first.dispose()  # its log folded into the file: SQLite reads the start from the file
    database = open_database(location(home))
    try:
        path = home / "planner.db"
        with path.open("r+b") as handle:  # (another program, in a real case)
            handle.write(b"GARBAGEGARBAGEGARBAGE")
        with pytest.raises(DamagedFile, match="The database file looks damaged"):
            engine.check_sqlite_file(path, whole=True)
    finally:
        database.dispose()


def test_a_planner_deleted_while_open_is_said_gone_not_made_again_empty(tmp_path: Path) -> None:
    """Deleted while the app was open, planner.db was made again by the next connection:
    empty, readable by all (0644), and taken for a new planner, with "no such table" said
    on saving (nu184). Now each write finds it gone, says so with the copy that restores
    it, and makes nothing."""
    home = tmp_path / "home"
    db = open_database(location(home))
    try:
        with db.write() as s:
            people.create_person(session=s, data={"name": "Ana"})
        db.backup_to(home / "backups" / "daily-2026-11-22.db")
        for name in ("planner.db", "planner.db-wal", "planner.db-shm"):
            (home / name).unlink(missing_ok=True)
        for fresh_connections in (False, True):
            if fresh_connections:
                db.engine.dispose()  # the pool's kept connections gone too
            with pytest.raises(StorageError) as refused, db.write() as s:
                people.create_person(session=s, data={"name": "Ivy"})
            said = str(refused.value)
            assert "planner.db is no longer there" in said and "daily-2026-11-22.db" in said
            assert "Moved, it can simply be moved back." in said
            assert "no such table" not in said
            assert not (home / "planner.db").exists()
    finally:
        db.dispose()


def test_a_planner_put_in_place_while_open_is_the_one_read_and_written(tmp_path: Path) -> None:
    """Deleted while the app was open, then restored: the app's kept connections went on
    with the file that had been there, so a check-in it said "Saved" went into a file gone
    for good (nu186). The file at the planner's path is followed."""
    home, other = tmp_path / "home", tmp_path / "other"
    db = open_database(location(home))
    copy = open_database(location(other))
    try:
        with db.write() as s:
            people.create_person(session=s, data={"name": "Ana"})
        with copy.write() as s:
            people.create_person(session=s, data={"name": "Bo"})
        copy.dispose()
        for name in ("planner.db", "planner.db-wal", "planner.db-shm"):
            (home / name).unlink(missing_ok=True)
        os.replace(other / "planner.db", home / "planner.db")  # as a restore puts one back
        with db.session() as s:
            assert [p.name for p in people.list_people(session=s)] == ["Bo"]
        with db.write() as s:
            people.create_person(session=s, data={"name": "Cy"})
    finally:
        db.dispose()
    assert names_when_opened(home) == ["Bo", "Cy"]


def test_a_stranger_put_in_the_planners_place_never_takes_its_log(tmp_path: Path) -> None:
    """The planner moved away while the app had it open, random bytes put in its place: the
    next read opened them with the planner's log beside them, SQLite took the log's pages as
    theirs, and closing wrote them in — moved back, the planner had lost its newest
    changes, unsaid (nu281). The stranger is refused unopened, and the log waits for the
    file it belongs to."""
    home = tmp_path / "home"
    db = open_database(location(home))
    with db.write() as s:
        people.create_person(session=s, data={"name": "Ana"})
    db.dispose()  # Ana in the file; Hal, next, in the log alone
    db = open_database(location(home))
    try:
        with db.write() as s:
            people.create_person(session=s, data={"name": "Hal"})
        os.replace(home / "planner.db", home / "away.db")
        (home / "planner.db").write_bytes(os.urandom(300_000))
        stranger = digest(home / "planner.db")
        daily.read_file(home / "planner.db", daily.schema_revision)  # as `today` reads
        with pytest.raises(DamagedFile, match="looks damaged"), db.session() as s:
            people.list_people(session=s)
        with pytest.raises(DamagedFile, match="looks damaged"), db.write() as s:
            people.create_person(session=s, data={"name": "Ivy"})
    finally:
        db.dispose()
    assert digest(home / "planner.db") == stranger
    os.replace(home / "away.db", home / "planner.db")
    assert names_when_opened(home) == ["Ana", "Hal"]


def test_a_planner_emptied_while_open_is_kept_as_found_with_its_log(tmp_path: Path) -> None:
    """Emptied while the app was open (a sync tool, a full disk), the planner was said to be
    damaged and nothing more was written; but its write-ahead log held the newest changes,
    and closing the app wrote the log into the emptied file and deleted it (nu188). Now the
    file and its log are copied as found, once, and the advice says where."""
    home = tmp_path / "home"
    db = open_database(location(home))
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
    db.dispose()  # all in the file; what follows is in the log alone
    db = open_database(location(home))
    try:
        with db.write() as s:
            people.update_person(session=s, person_id=ana, data={"notes": "likes tea"})
        log = (home / "planner.db-wal").read_bytes()
        assert log
        os.truncate(home / "planner.db", 0)
        with pytest.raises(DamagedFile) as refused, db.write() as s:
            people.create_person(session=s, data={"name": "Bo"})
        [kept] = (home / "backups").glob("found-damaged-*.db")
        assert f"As it was found, with its newest changes, it is kept in {kept}." in str(
            refused.value
        )
        assert kept.with_name(kept.name + "-wal").read_bytes() == log
        assert kept.read_bytes() == b""  # as found: emptied
        with pytest.raises(DamagedFile) as again, db.session() as s:
            people.list_people(session=s)
        assert "As it was found" not in str(again.value)  # kept once
        assert len(list((home / "backups").glob("found-damaged-*"))) == 2  # the file and log
        # Opened, an empty file's log is deleted by SQLite (a restore of the copy deleted
        # it, nu192): the planner and the copy are refused unopened, logs and all.
        with pytest.raises(DamagedFile, match="it was emptied while in use"):
            engine.check_sqlite_file(kept, copy=True)
        assert daily.read_file(home / "planner.db", daily.schema_revision) is None
        assert search_file(home / "planner.db", "tea") is None
        assert (home / "planner.db-wal").read_bytes() == log
        assert kept.with_name(kept.name + "-wal").read_bytes() == log
    finally:
        db.dispose()


def test_a_planner_written_over_while_open_refuses_the_next_save(tmp_path: Path) -> None:
    """Its first bytes written over while the app was open (after its first save, which
    read the whole file), saves went on into the log and said "Saved.", then went into a
    file no one could open (nu192). Each write looks at the file's first bytes first."""
    home = tmp_path / "home"
    db = open_database(location(home))
    try:
        with db.write() as s:
            people.create_person(session=s, data={"name": "Ana"})
        # Another program, so that no descriptor of this process closes on the file.
        subprocess.run(
            [sys.executable, "-c", "import os, sys; fd = os.open(sys.argv[1], os.O_WRONLY); "
             "os.pwrite(fd, os.urandom(100), 0); os.close(fd)", str(home / "planner.db")],
            check=True,
        )  # fmt: skip
        with pytest.raises(DamagedFile, match="looks damaged") as refused, db.write() as s:
            people.create_person(session=s, data={"name": "Lena"})
        [kept] = (home / "backups").glob("found-damaged-*.db")
        assert f"it is kept in {kept}." in str(refused.value)
        assert kept.with_name(kept.name + "-wal").stat().st_size > 0  # Ana is in the log
    finally:
        db.dispose()


@pytest.mark.parametrize(
    ("driver_said", "said"),
    [
        ('FATAL:  password authentication failed for user "me"',
         "The database server refused the password in --db."),
        ("fe_sendauth: no password supplied",  # nu267
         "The database server wants a password for this user: give it in --db"),
    ],
)  # fmt: skip
def test_a_password_refused_or_wanted_is_said_so(driver_said: str, said: str) -> None:
    """A wrong password, or none where the server wants one, was "Could not reach the
    database server", of a server that answered (psycopg's words are built here: the test
    server trusts every user)."""
    where = 'connection failed: connection to server at "127.0.0.1", port 5432 failed: '
    error = sa.exc.OperationalError("connect", {}, Exception(where + driver_said))
    assert engine.describe_error(error).startswith(said)
