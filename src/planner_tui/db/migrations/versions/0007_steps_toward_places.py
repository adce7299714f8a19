"""Steps toward places, groups and moments, not only people: a step's person becomes
optional, and a step can be toward a context (a part of life: the climbing wall, the
choir). A step toward somewhere new has neither.

On SQLite a column can't be made optional in place, so the step table is rebuilt (Alembic's
batch mode) with every row, index and reference as it was; the upgrade runs with foreign
keys off (see :func:`planner_tui.db.migrate.upgrade_to_head`), so dropping the old table
never clears what points at it (a contact's step, a step's previous one).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Rebuilt, it keeps AUTOINCREMENT only when told again: SQLite's isn't read back (0012).
    with op.batch_alter_table(
        "step", schema=None, table_kwargs={"sqlite_autoincrement": True}
    ) as batch_op:
        batch_op.alter_column("person_id", existing_type=sa.Integer(), nullable=True)
        batch_op.add_column(sa.Column("context_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            "fk_step_context_id_context", "context", ["context_id"], ["id"], ondelete="SET NULL"
        )
        batch_op.create_index("ix_step_context_id", ["context_id"], unique=False)


def downgrade() -> None:
    raise NotImplementedError("planner-tui does not downgrade; restore a backup instead")
