"""A number once given is never given again. SQLite handed the highest number out a second
time once its row was deleted: delete step #12, plan another, and the new one was #12 —
so an old `planner-tui outcome 12 done` named it, and undoing the delete was refused (the
number had "come back"). Tables whose rows have a number are rebuilt with SQLite's
AUTOINCREMENT, every row and number kept; PostgreSQL's sequences never reuse one, so it has
nothing to change. A new database has it from the start (the migrations that create these
tables say so), and is not rebuilt; nor is a table rebuilt later — a batch rebuild must
pass ``sqlite_autoincrement`` again, as SQLite's is not read back from the file.

Triggers (the journal's search index, 0001; the copies of last contact, 0008) are set aside
first — SQLite refuses to rename a rebuilt table into place while a trigger on another
table names it — and created again as they were.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

NUMBERED = (
    "context",
    "person",
    "person_date",
    "person_alias",
    "interaction",
    "step",
    "journal_entry",
    "loneliness_check",
    "month_review",
    "experiment",
    "trusted_contact",
)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    tables: dict[str, str] = dict(
        bind.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all()
    )
    rebuilt = [name for name in NUMBERED if "AUTOINCREMENT" not in tables[name].upper()]
    if not rebuilt:
        return
    triggers = bind.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
    ).all()
    for name, _ in triggers:
        op.execute(f'DROP TRIGGER "{name}"')
    for table in rebuilt:
        with op.batch_alter_table(
            table, recreate="always", table_kwargs={"sqlite_autoincrement": True}
        ):
            pass
    for _, sql in triggers:
        op.execute(sql)


def downgrade() -> None:
    raise NotImplementedError("planner-tui does not downgrade; restore a backup instead")
