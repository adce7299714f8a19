"""Storage: the engine and its checks, the tables, and their migrations.

This file imports nothing heavy: the quick paths (`planner-tui search`) read from it."""

import unicodedata

SCHEMA_HEAD = "0009"
"""The newest migration's revision; a test checks it against Alembic's own head. Kept here,
free of imports, for the quick paths that read the file without the data layer."""


def schema_revision(connection: object) -> str | None:
    """The schema revision Alembic recorded in a database (None: none recorded). The one
    reader for every path: a DB-API connection (sqlite3, SQLCipher, psycopg) or a
    SQLAlchemy one. A database without the table raises the driver's error: the caller
    knows which one to expect and what it means there."""
    sql = "SELECT version_num FROM alembic_version"
    run = getattr(connection, "exec_driver_sql", None)  # SQLAlchemy's
    row = (run(sql) if run else connection.cursor().execute(sql)).fetchone()  # type: ignore[attr-defined]
    return None if row is None else str(row[0])


def tag_key(text: str) -> str:
    """How a tag is stored and compared: no leading #, one Unicode form, any case."""
    return unicodedata.normalize("NFC", text).strip().lstrip("#").casefold()
