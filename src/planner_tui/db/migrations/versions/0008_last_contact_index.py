"""Last contact without reading all of history: "when was I last in touch with each
person" (and with each part of life) is answered from an index, in the same time at 100
years of data as at 1.

A person's contacts are linked to them through ``interaction_person`` (and journal
mentions through ``journal_person``), while the moment is on the interaction (the day on
the entry): no index can hold both, so each link row keeps a copy — ``interaction_at`` and
``interaction_context_id`` (its interaction's ``occurred_at`` and ``context_id``),
``entry_day`` (its entry's ``day``) — named apart from what they copy, so a query joining
the two never finds a name twice; kept true by the database itself
(triggers), whoever writes: the app, an import, an undo, a context deleted (its ``SET
NULL`` is an update too). The copies are never exported: they are the database's business.

A later migration that rebuilds one of these tables (Alembic's batch mode on SQLite) must
create the triggers again.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

SQLITE_TRIGGERS = [
    # A new link, or one pointed at another interaction: take the interaction's values.
    """CREATE TRIGGER interaction_person_copy AFTER INSERT ON interaction_person BEGIN
    UPDATE interaction_person SET (interaction_at, interaction_context_id) =
        (SELECT occurred_at, context_id FROM interaction WHERE id = NEW.interaction_id)
    WHERE interaction_id = NEW.interaction_id AND person_id = NEW.person_id; END""",
    """CREATE TRIGGER interaction_person_recopy
    AFTER UPDATE OF interaction_id, interaction_at, interaction_context_id ON interaction_person
    WHEN NEW.interaction_at IS NOT
            (SELECT occurred_at FROM interaction WHERE id = NEW.interaction_id)
      OR NEW.interaction_context_id IS NOT
            (SELECT context_id FROM interaction WHERE id = NEW.interaction_id)
    BEGIN
    UPDATE interaction_person SET (interaction_at, interaction_context_id) =
        (SELECT occurred_at, context_id FROM interaction WHERE id = NEW.interaction_id)
    WHERE interaction_id = NEW.interaction_id AND person_id = NEW.person_id; END""",
    # An interaction moved in time, or to another part of life: its links follow.
    """CREATE TRIGGER interaction_moved AFTER UPDATE OF occurred_at, context_id ON interaction
    BEGIN
    UPDATE interaction_person
    SET interaction_at = NEW.occurred_at, interaction_context_id = NEW.context_id
    WHERE interaction_id = NEW.id; END""",
    """CREATE TRIGGER journal_person_copy AFTER INSERT ON journal_person BEGIN
    UPDATE journal_person SET entry_day = (SELECT day FROM journal_entry WHERE id = NEW.entry_id)
    WHERE entry_id = NEW.entry_id AND person_id = NEW.person_id; END""",
    """CREATE TRIGGER journal_person_recopy AFTER UPDATE OF entry_id, entry_day ON journal_person
    WHEN NEW.entry_day IS NOT (SELECT day FROM journal_entry WHERE id = NEW.entry_id) BEGIN
    UPDATE journal_person SET entry_day = (SELECT day FROM journal_entry WHERE id = NEW.entry_id)
    WHERE entry_id = NEW.entry_id AND person_id = NEW.person_id; END""",
    """CREATE TRIGGER journal_entry_moved AFTER UPDATE OF day ON journal_entry BEGIN
    UPDATE journal_person SET entry_day = NEW.day WHERE entry_id = NEW.id; END""",
]

POSTGRESQL_TRIGGERS = [
    # Before a link is written, it takes its interaction's values (no second write).
    """CREATE FUNCTION interaction_person_copy() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        SELECT occurred_at, context_id INTO NEW.interaction_at, NEW.interaction_context_id
        FROM interaction WHERE id = NEW.interaction_id;
        RETURN NEW;
    END $$""",
    """CREATE TRIGGER interaction_person_copy BEFORE INSERT OR UPDATE ON interaction_person
    FOR EACH ROW EXECUTE FUNCTION interaction_person_copy()""",
    """CREATE FUNCTION interaction_moved() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE interaction_person
        SET interaction_at = NEW.occurred_at, interaction_context_id = NEW.context_id
        WHERE interaction_id = NEW.id;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER interaction_moved AFTER UPDATE OF occurred_at, context_id ON interaction
    FOR EACH ROW WHEN (OLD.occurred_at IS DISTINCT FROM NEW.occurred_at
                       OR OLD.context_id IS DISTINCT FROM NEW.context_id)
    EXECUTE FUNCTION interaction_moved()""",
    """CREATE FUNCTION journal_person_copy() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        SELECT day INTO NEW.entry_day FROM journal_entry WHERE id = NEW.entry_id;
        RETURN NEW;
    END $$""",
    """CREATE TRIGGER journal_person_copy BEFORE INSERT OR UPDATE ON journal_person
    FOR EACH ROW EXECUTE FUNCTION journal_person_copy()""",
    """CREATE FUNCTION journal_entry_moved() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE journal_person SET entry_day = NEW.day WHERE entry_id = NEW.id;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER journal_entry_moved AFTER UPDATE OF day ON journal_entry
    FOR EACH ROW WHEN (OLD.day IS DISTINCT FROM NEW.day)
    EXECUTE FUNCTION journal_entry_moved()""",
]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    moment = sa.Column("interaction_at", sa.DateTime(timezone=True), nullable=True)
    op.add_column("interaction_person", moment)
    op.add_column(
        "interaction_person", sa.Column("interaction_context_id", sa.Integer(), nullable=True)
    )
    op.add_column("journal_person", sa.Column("entry_day", sa.Date(), nullable=True))
    # Every existing link takes its copy once (SQLite and PostgreSQL both read this form).
    op.execute(
        "UPDATE interaction_person SET (interaction_at, interaction_context_id) = (SELECT "
        "occurred_at, context_id FROM interaction "
        "WHERE interaction.id = interaction_person.interaction_id)"
    )
    op.execute(
        "UPDATE journal_person SET entry_day = "
        "(SELECT day FROM journal_entry WHERE journal_entry.id = journal_person.entry_id)"
    )
    op.create_index(
        "ix_interaction_person_latest",
        "interaction_person",
        ["person_id", "interaction_at", "interaction_id"],
    )
    untagged = sa.text("interaction_context_id IS NULL")
    op.create_index(
        "ix_interaction_person_untagged",
        "interaction_person",
        ["person_id", "interaction_at"],
        sqlite_where=untagged,
        postgresql_where=untagged,
    )
    contact = sa.text("counts_as_contact")
    op.create_index(
        "ix_journal_person_contact",
        "journal_person",
        ["person_id", "entry_day"],
        sqlite_where=contact,
        postgresql_where=contact,
    )
    # A part of life's own latest contact: one step down this index, not a scan.
    op.drop_index("ix_interaction_context_id", table_name="interaction")
    op.create_index("ix_interaction_context_occurred", "interaction", ["context_id", "occurred_at"])
    for statement in POSTGRESQL_TRIGGERS if dialect == "postgresql" else SQLITE_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("planner-tui does not downgrade; restore a backup instead")
