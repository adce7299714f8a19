"""Drafts: text being typed, kept as it is typed until it is saved or discarded.

Every form stores its fields under one key (``journal:new``, ``person:12``...), so a
crash, a killed terminal or ctrl+q never loses what was typed.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col

from planner_tui import clock
from planner_tui.db.models import AppSetting, Draft


def save_draft(*, session: Session, key: str, payload: dict[str, Any]) -> None:
    """Keep text being typed. One row per form; the latest keystroke wins."""
    row = session.get(Draft, key) or Draft(key=key)
    row.payload = payload
    row.updated_at = clock.utcnow()
    session.add(row)
    session.flush()


def load_draft(*, session: Session, key: str) -> dict[str, Any] | None:
    row = session.get(Draft, key)
    return dict(row.payload) if row is not None else None


def discard_draft(*, session: Session, key: str) -> None:
    session.execute(sa.delete(Draft).where(col(Draft.key) == key))
    session.flush()


def get_setting(*, session: Session, key: str, default: Any = None) -> Any:
    row = session.get(AppSetting, key)
    return default if row is None else row.value


def set_setting(*, session: Session, key: str, value: Any) -> None:
    row = session.get(AppSetting, key) or AppSetting(key=key)
    row.value = value
    session.add(row)
    session.flush()
