"""Trusted contacts: kept in order, empty rows dropped, a way to reach without a name refused."""

from __future__ import annotations

import pytest

from planner_tui.db.engine import Database
from planner_tui.errors import InvalidInput
from planner_tui.services import support


def test_trusted_contacts_keep_order_and_refuse_a_reach_without_a_name(db: Database) -> None:
    with db.write() as s:
        support.save_trusted(
            session=s, contacts=[{"name": "Ana", "reach": "x"}, {"name": "", "reach": ""},
                                 {"name": "Bo", "reach": ""}],
        )  # fmt: skip
    with db.session() as s:
        assert [p.name for p in support.list_trusted(session=s)] == ["Ana", "Bo"]
    with pytest.raises(InvalidInput, match="Name can't be empty"), db.write() as s:
        support.save_trusted(session=s, contacts=[{"name": " ", "reach": "0123"}])
    with db.session() as s:  # the refused save changed nothing
        assert len(support.list_trusted(session=s)) == 2
