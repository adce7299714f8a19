"""Steps keep a calendar identity: one UID per series, a SEQUENCE, and a RECURRENCE-ID.

Every occurrence of a repeating step is its own row, chained to the one before it by
``previous_id``; so is a step moved to another time, and a follow-up after a decline or no
reply. The chains are walked here, oldest row first, and each row joins its parent's series
when it continues it:

- the next occurrence of a repeating step (both rows have a rule): same UID and SEQUENCE;
- the moved copy of a step rescheduled to another time: same UID, SEQUENCE one more, and,
  when the step repeated, the RECURRENCE-ID of the occurrence it replaces (the parent's
  time, or the parent's own RECURRENCE-ID when it had been moved already);
- anything else (a follow-up, a step of its own) starts a series.

A series started by an existing row is named ``step-<id of its first row>@planner-tui``:
the UID the calendar export gave that row before, so a calendar that imported an older file
updates those events instead of showing them twice. New steps get a random UUID.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

RESCHEDULED = "rescheduled"


def upgrade() -> None:
    op.add_column("step", sa.Column("uid", sa.String(80), nullable=False, server_default=""))
    op.add_column("step", sa.Column("sequence", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("step", sa.Column("recurrence_id", sa.DateTime(timezone=True), nullable=True))
    connection = op.get_bind()
    rows = connection.execute(
        sa.text("SELECT id, previous_id, rrule, status, due_at FROM step ORDER BY id")
    ).all()
    series: dict[int, dict[str, Any]] = {}
    for step_id, previous_id, rrule, status, due_at in rows:
        parent = series.get(previous_id) if previous_id is not None else None
        if parent is not None and parent["rrule"] and rrule:  # the next occurrence
            mine = {"uid": parent["uid"], "sequence": parent["sequence"], "rec": None}
        elif parent is not None and parent["status"] == RESCHEDULED:  # moved to another time
            moved_from = parent["rec"] or (parent["due_at"] if parent["rrule"] else None)
            mine = {"uid": parent["uid"], "sequence": parent["sequence"] + 1, "rec": moved_from}
        else:
            mine = {"uid": f"step-{step_id}@planner-tui", "sequence": 0, "rec": None}
        series[step_id] = mine | {"rrule": rrule, "status": status, "due_at": due_at}
    if series:
        connection.execute(
            sa.text(
                "UPDATE step SET uid = :uid, sequence = :sequence, recurrence_id = :rec "
                "WHERE id = :id"
            ),
            [
                {"id": step_id, "uid": row["uid"], "sequence": row["sequence"], "rec": row["rec"]}
                for step_id, row in series.items()
            ],
        )
    op.create_index("ix_step_uid", "step", ["uid"], unique=False)


def downgrade() -> None:
    raise NotImplementedError("planner-tui does not downgrade; restore a backup instead")
