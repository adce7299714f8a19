"""Other names someone goes by: when two people on the map are merged, the name of the one
folded in stays as an alias of the other, so ``@OldName`` still links them.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "person_alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,  # numbers never reused (0012)
    )
    op.create_index("ix_person_alias_person_id", "person_alias", ["person_id"], unique=False)


def downgrade() -> None:
    raise NotImplementedError("planner-tui does not downgrade; restore a backup instead")
