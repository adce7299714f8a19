"""The person's own trusted contacts: who they would turn to when things feel heavy. Shown
first under help, before the public support lines."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session, col, select

from planner_tui.db.models import TrustedContact, TrustedContactBase, TrustedContactRead
from planner_tui.errors import InvalidInput
from planner_tui.services.common import validate
from planner_tui.words import plural

MAX_TRUSTED = 5


def list_trusted(*, session: Session) -> list[TrustedContactRead]:
    rows = session.exec(select(TrustedContact).order_by(col(TrustedContact.position))).all()
    return [TrustedContactRead.model_validate(row, from_attributes=True) for row in rows]


def save_trusted(
    *, session: Session, contacts: list[TrustedContactBase | dict[str, object]]
) -> list[TrustedContactRead]:
    """Replace the list with *contacts*, in order (rows with neither name nor way to reach
    them are left out)."""
    kept = [
        c
        for c in contacts
        if not isinstance(c, dict)
        or str(c.get("name", "")).strip()
        or str(c.get("reach", "")).strip()
    ]
    if len(kept) > MAX_TRUSTED:
        raise InvalidInput(
            f"Keep it to {plural(MAX_TRUSTED, 'person', 'people')}.", field="contacts"
        )
    valid = [validate(TrustedContactBase, c) for c in kept]
    session.execute(sa.delete(TrustedContact))
    session.add_all(
        TrustedContact(name=c.name, reach=c.reach, position=n) for n, c in enumerate(valid)
    )
    session.flush()
    return list_trusted(session=session)
