"""Drafts: text being typed, kept as it is typed until it is saved or discarded.

Every form stores its fields under its record's key (``journal:new``, ``person:12``...)
and a mark of its own (``person:12#3f9c…``), so a crash, a killed terminal or ctrl+q never
loses what was typed, and two windows on one record keep a draft each: one window's save
or words never remove the other's. A form opening takes back the newest, and lets it go
once its own draft holds those words, or it saves or discards.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from planner_tui import clock
from planner_tui.db.models import AppSetting, Draft

Taken = tuple[str, dict[str, Any]]
"""A draft a form took back: the key it is kept under and its payload as it was then."""


def save_draft(
    *,
    session: Session,
    key: str,
    payload: dict[str, Any],
    taken: Taken | None = None,
    moved_from: str | None = None,
) -> None:
    """Keep text being typed. One row per form; the latest keystroke wins. The draft it
    took back (*taken*), its words now in this one, goes, unless another window has
    written it again since; so does the form's own row under a key it kept its draft under
    before (*moved_from*: its record is gone, and its words are a new one's)."""
    row = session.get(Draft, key) or Draft(key=key)
    row.payload = payload
    row.updated_at = clock.utcnow()
    session.add(row)
    _let_go_of(session, taken, keeping=key)
    if moved_from is not None:
        session.execute(sa.delete(Draft).where(col(Draft.key) == moved_from))
    session.flush()


def find_draft(*, session: Session, key: str) -> Taken | None:
    """The newest draft kept for the record *key* names, with the key it is kept under:
    a window's own (``key#mark``), or *key* itself (a draft from before windows kept
    their own)."""
    row = session.exec(
        select(Draft)
        .where((col(Draft.key) == key) | col(Draft.key).startswith(f"{key}#", autoescape=True))
        .order_by(col(Draft.updated_at).desc(), col(Draft.key))
        .limit(1)
    ).first()
    return (row.key, dict(row.payload)) if row is not None else None


def drafted_ids(*, session: Session, prefix: str) -> set[int]:
    """The records with a draft kept under *prefix* and their number (``journal:12``, a
    window's own ``journal:12#…`` too): changes begun and kept, not yet saved."""
    keys = session.exec(
        select(Draft.key).where(col(Draft.key).startswith(prefix, autoescape=True))
    ).all()
    found = (key.removeprefix(prefix).partition("#")[0] for key in keys)
    return {int(number) for number in found if number.isdigit()}


def load_draft(*, session: Session, key: str) -> dict[str, Any] | None:
    found = find_draft(session=session, key=key)
    return found[1] if found is not None else None


def discard_draft(
    *, session: Session, key: str, taken: Taken | None = None, moved_from: str | None = None
) -> None:
    """A form's draft goes (saved, or let go), and the one it took back with it — unless
    another window has written that one again since — and its own row under a key it
    kept its draft under before (*moved_from*)."""
    session.execute(sa.delete(Draft).where(col(Draft.key).in_([key, moved_from or key])))
    _let_go_of(session, taken, keeping=key)
    session.flush()


def _let_go_of(session: Session, taken: Taken | None, *, keeping: str) -> None:
    if taken is None or taken[0] == keeping:
        return
    row = session.get(Draft, taken[0])
    if row is not None and row.payload == taken[1]:
        session.delete(row)


def get_setting(*, session: Session, key: str, default: Any = None) -> Any:
    row = session.get(AppSetting, key)
    return default if row is None else row.value


def set_setting(*, session: Session, key: str, value: Any) -> None:
    row = session.get(AppSetting, key) or AppSetting(key=key)
    row.value = value
    session.add(row)
    session.flush()
