"""Schema migrations with Alembic, applied at start after a backup copy."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from planner_tui.db.engine import Database, backup_name, current_revision
from planner_tui.errors import StorageError

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def upgrade_to_head(database: Database) -> str | None:
    """Bring the schema to this version's head. Returns the path of a pre-upgrade backup."""
    config = alembic_config()
    script = ScriptDirectory.from_config(config)
    head = script.get_current_head()
    current = current_revision(database)
    if current == head:
        return None
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise StorageError(
            "This database was written by a newer version of planner-tui. "
            "Please update planner-tui (pip install -U planner-tui); the file was not changed."
        )
    if current is None:
        tables = set(sa.inspect(database.engine).get_table_names())
        if tables - {"alembic_version"}:
            raise StorageError(
                f"{database.location.display} holds tables that are not planner-tui's. "
                "It was left untouched; choose another --home or --db."
            )
    backup = None
    if current is not None and database.location.sqlite_path is not None:
        folder = database.location.backups
        backup = database.backup_to(folder / backup_name(f"before-upgrade-{current}"))
    with database.engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # A migration that rebuilds a table (SQLite can't change a column in place)
            # drops the old one: with foreign keys on, that would clear every reference to
            # it (SET NULL) or delete what hangs from it (CASCADE). So, as SQLite's own
            # advice for changing a table goes: keys off — set outside a transaction, on
            # the driver's connection, before SQLAlchemy begins one — then checked before
            # committing, and on again for whoever uses this connection next.
            _foreign_keys(connection, on=False)
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise StorageError(
                        "Upgrading the data would have left a reference pointing nowhere, "
                        "so nothing was changed. Please report this; the file is as it was."
                    )
        finally:
            if sqlite:
                _foreign_keys(connection, on=True)
    return str(backup) if backup else None


def _foreign_keys(connection: sa.Connection, *, on: bool) -> None:
    """Foreign keys on or off for this SQLite connection (outside any transaction: inside
    one, SQLite ignores the pragma)."""
    driver = connection.connection.driver_connection
    assert driver is not None
    driver.execute(f"PRAGMA foreign_keys = {'ON' if on else 'OFF'}")
