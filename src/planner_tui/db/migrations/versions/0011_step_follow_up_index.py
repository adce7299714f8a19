"""The Review's "not now" became a yes, read down indexes: the steps planned after a step
(``previous_id``), and a status's steps within a span of time (``status``, ``due_at``) —
before, each read every step ever planned (30 ms each at 100 years). Indexes only; no row
changes.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_step_previous_id", "step", ["previous_id"])
    op.create_index("ix_step_status_due_at", "step", ["status", "due_at"])


def downgrade() -> None:
    raise NotImplementedError("planner-tui does not downgrade; restore a backup instead")
