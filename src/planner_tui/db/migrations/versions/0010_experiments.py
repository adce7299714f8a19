"""Small experiments: a name, what the experiment is tied to (a journal tag or the words of
a repeating step), the first and last day planned, and the day it was ended early. A new
table only; no row of another table changes.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "experiment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("tag", sa.String(length=100), nullable=False),
        sa.Column("step_words", sa.Text(), nullable=False),
        sa.Column("starts", sa.Date(), nullable=False),
        sa.Column("ends", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,  # numbers never reused (0012)
    )


def downgrade() -> None:
    raise NotImplementedError("planner-tui does not downgrade; restore a backup instead")
