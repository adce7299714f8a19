"""First schema: the whole data model and the journal's full-text index.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "app_setting",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "context",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
        sqlite_autoincrement=True,  # numbers never reused (0012)
    )
    op.create_table(
        "draft",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "journal_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("mood", sa.Integer(), nullable=True),
        sa.Column("connectedness", sa.Integer(), nullable=True),
        sa.Column("support", sa.Integer(), nullable=True),
        sa.Column("comfort_giving", sa.Integer(), nullable=True),
        sa.Column("comfort_receiving", sa.Integer(), nullable=True),
        sa.Column("warmth_note", sa.Text(), nullable=False),
        sa.Column("withdraw_note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,  # numbers never reused (0012)
    )
    with op.batch_alter_table("journal_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_journal_entry_day"), ["day"], unique=False)

    op.create_table(
        "loneliness_check",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("lack_companionship", sa.Integer(), nullable=False),
        sa.Column("left_out", sa.Integer(), nullable=False),
        sa.Column("isolated", sa.Integer(), nullable=False),
        sa.Column("how_often", sa.String(length=20), nullable=True),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("month"),
        sqlite_autoincrement=True,  # numbers never reused (0012)
    )
    op.create_table(
        "month_review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("wins", sa.Text(), nullable=False),
        sa.Column("intentions", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("month"),
        sqlite_autoincrement=True,  # numbers never reused (0012)
    )
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("nickname", sa.Text(), nullable=False),
        sa.Column("circle", sa.String(length=10), nullable=False),
        sa.Column("cadence_days", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("boundaries", sa.Text(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("snoozed_until", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,  # numbers never reused (0012)
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_archived"), ["archived"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_name"), ["name"], unique=False)

    op.create_table(
        "journal_context",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("context_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["context_id"], ["context.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["entry_id"], ["journal_entry.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("entry_id", "context_id"),
    )
    with op.batch_alter_table("journal_context", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_journal_context_context_id"), ["context_id"], unique=False
        )

    op.create_table(
        "journal_person",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("counts_as_contact", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["entry_id"], ["journal_entry.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("entry_id", "person_id"),
    )
    with op.batch_alter_table("journal_person", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_journal_person_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "journal_tag",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["entry_id"], ["journal_entry.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("entry_id", "tag"),
    )
    with op.batch_alter_table("journal_tag", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_journal_tag_tag"), ["tag"], unique=False)

    op.create_table(
        "person_context",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("context_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["context_id"], ["context.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("person_id", "context_id"),
    )
    with op.batch_alter_table("person_context", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_person_context_context_id"), ["context_id"], unique=False
        )

    op.create_table(
        "step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("effort", sa.String(length=10), nullable=False),
        sa.Column("channel", sa.String(length=12), nullable=True),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("cue", sa.Text(), nullable=False),
        sa.Column("backup", sa.Text(), nullable=False),
        sa.Column("rrule", sa.Text(), nullable=True),
        sa.Column("expected_awkwardness", sa.Integer(), nullable=True),
        sa.Column("confidence", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("outcome_note", sa.Text(), nullable=False),
        sa.Column("felt_awkwardness", sa.Integer(), nullable=True),
        sa.Column("warmth", sa.Integer(), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("previous_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["previous_id"], ["step.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,  # numbers never reused (0012)
    )
    with op.batch_alter_table("step", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_step_due_at"), ["due_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_step_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_step_status"), ["status"], unique=False)

    op.create_table(
        "interaction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("context_id", sa.Integer(), nullable=True),
        sa.Column("channel", sa.String(length=12), nullable=False),
        sa.Column("initiator", sa.String(length=8), nullable=False),
        sa.Column("warmth", sa.Integer(), nullable=True),
        sa.Column("gave_emotional", sa.Boolean(), nullable=False),
        sa.Column("gave_practical", sa.Boolean(), nullable=False),
        sa.Column("got_emotional", sa.Boolean(), nullable=False),
        sa.Column("got_practical", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("step_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["context_id"], ["context.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["step_id"], ["step.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,  # numbers never reused (0012)
    )
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_interaction_context_id"), ["context_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_interaction_occurred_at"), ["occurred_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_interaction_step_id"), ["step_id"], unique=False)

    op.create_table(
        "interaction_person",
        sa.Column("interaction_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["interaction_id"], ["interaction.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("interaction_id", "person_id"),
    )
    with op.batch_alter_table("interaction_person", schema=None) as batch_op:
        batch_op.create_index(
            "ix_interaction_person_person", ["person_id", "interaction_id"], unique=False
        )
    create_journal_search()


def downgrade() -> None:
    raise NotImplementedError("planner-tui does not downgrade; restore a backup instead")


def create_journal_search() -> None:
    """FTS5 on SQLite (kept in step by triggers); a GIN expression index on PostgreSQL."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE journal_fts USING fts5("
            "body, warmth_note, withdraw_note, content='journal_entry', content_rowid='id', "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        columns = "body, warmth_note, withdraw_note"
        new = "new.body, new.warmth_note, new.withdraw_note"
        old = "old.body, old.warmth_note, old.withdraw_note"
        op.execute(
            "CREATE TRIGGER journal_fts_insert AFTER INSERT ON journal_entry BEGIN "
            f"INSERT INTO journal_fts(rowid, {columns}) VALUES (new.id, {new}); END"
        )
        op.execute(
            "CREATE TRIGGER journal_fts_delete AFTER DELETE ON journal_entry BEGIN "
            f"INSERT INTO journal_fts(journal_fts, rowid, {columns}) "
            f"VALUES ('delete', old.id, {old}); END"
        )
        op.execute(
            "CREATE TRIGGER journal_fts_update AFTER UPDATE ON journal_entry BEGIN "
            f"INSERT INTO journal_fts(journal_fts, rowid, {columns}) "
            f"VALUES ('delete', old.id, {old}); "
            f"INSERT INTO journal_fts(rowid, {columns}) VALUES (new.id, {new}); END"
        )
    else:
        op.execute(
            "CREATE INDEX ix_journal_entry_search ON journal_entry USING gin ("
            "to_tsvector('simple', body || ' ' || warmth_note || ' ' || withdraw_note))"
        )
