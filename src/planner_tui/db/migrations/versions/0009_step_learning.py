"""What a step teaches: how much the person guessed it would be appreciated (when
planning), how the other seemed to take it (after "done"), and whether the wizard's smaller
version was taken. Each is optional; a step from before has none of them (and was not made
smaller). And an index on when a step's outcome was recorded: the Review counts following
through by it, a year at a time.

Only new columns and an index, added in place on both engines.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("step", sa.Column("appreciation_forecast", sa.Integer(), nullable=True))
    op.add_column("step", sa.Column("appreciation_response", sa.Integer(), nullable=True))
    op.add_column(
        "step", sa.Column("shrunk", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    op.create_index("ix_step_resolved_at", "step", ["resolved_at"], unique=False)


def downgrade() -> None:
    raise NotImplementedError("planner-tui does not downgrade; restore a backup instead")
