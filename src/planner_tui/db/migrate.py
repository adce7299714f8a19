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
        folder = database.location.home / "backups"
        backup = database.backup_to(folder / backup_name(f"before-upgrade-{current}"))
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return str(backup) if backup else None
