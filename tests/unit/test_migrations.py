"""Schema changes keep every row: a database made by the first released schema (0001, with a
sample life in it: tests/data/schema-0001.db) is upgraded by today's code, after a backup."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

from planner_tui.db.engine import SCHEMA_HEAD, Database, Location, open_database
from planner_tui.services import journal, review, support

FIXTURE = Path(__file__).parent.parent / "data" / "schema-0001.db"


def every_row(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(path) as c:
        names = [
            n
            for (n,) in c.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not n.startswith(("sqlite_", "journal_fts")) and n != "alembic_version"
        ]
        return {n: sorted(c.execute(f"SELECT * FROM {n}").fetchall(), key=repr) for n in names}


def test_the_first_schema_upgrades_with_every_row_intact(tmp_path: Path) -> None:
    shutil.copy(FIXTURE, tmp_path / "planner.db")
    before = every_row(tmp_path / "planner.db")
    assert sum(len(rows) for rows in before.values()) > 500  # a real sample, not a stub
    database = open_database(Location(f"sqlite:///{tmp_path / 'planner.db'}", tmp_path))
    try:
        with database.engine.connect() as c:
            assert c.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == (
                SCHEMA_HEAD
            )
        after = every_row(tmp_path / "planner.db")
        for table, rows in before.items():
            assert after[table] == rows, table
        assert after["trusted_contact"] == []
        # ...and the upgraded data is usable: search, review and the new table.
        with database.session() as s:
            hits = journal.search(session=s, query=journal.SearchQuery("fixture"))
            assert [h.entry.mood for h in hits] == [4]
            assert review.review_month(session=s, month=hits[0].entry.day).figures.entries
        with database.write() as s:
            support.save_trusted(session=s, contacts=[{"name": "Mum", "reach": "07700 900123"}])
    finally:
        database.dispose()
    backups = list((tmp_path / "backups").glob("before-upgrade-0001-*.db"))
    assert len(backups) == 1 and every_row(backups[0]) == before
    assert backups[0].stat().st_mode & 0o777 == 0o600


def test_migrations_build_exactly_the_tables_the_code_expects(db: Database) -> None:
    def ours(item: object, name: str | None, *_: object) -> bool:
        # The journal's full-text index lives only in the migrations (FTS5 tables on
        # SQLite, an expression index on PostgreSQL): the models don't describe it.
        return not (name or "").startswith(("journal_fts", "ix_journal_entry_search"))

    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": ours})
        differences = compare_metadata(context, SQLModel.metadata)
    assert differences == []
