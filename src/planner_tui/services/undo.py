"""Undo: what a change did to the data, kept in memory so the session can take it back.

One mechanism for every delete, edit and merge. A service that changes something says
which rows it may touch (:meth:`Recorder.watch`), makes its change, and returns the
:class:`Change` the recorder worked out: the rows it removed, added and altered, each as it
was before and after. :func:`revert` puts them back as they were, ids included.

Taking a change back never overwrites what was done since: a row the change altered must
still hold what the change gave it (in the columns the change touched: other columns keep
their later edits), and a row it removed must not have come back meanwhile. Otherwise
nothing is changed, and the person hears that it can't be undone any more.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, SQLModel

from planner_tui.db import RESTORED_KEY
from planner_tui.errors import StorageError

Key = tuple[Any, ...]
Row = dict[str, Any]
CHUNK = 400
"""Keys per query when rows are read back by key (well below every engine's limit)."""
REFUSED = "That can't be undone any more: something it was linked to has changed since."
RESTORED_SINCE = (
    "That can't be undone any more: the planner was put back from a copy since, so what it "
    "would bring back may never have been in it."
)
STAMPS = frozenset({"updated_at"})
"""Columns that say when a row last changed, not what it holds: a later change's stamp
alone doesn't stop an undo (archiving someone just merged, then bringing them back, lost
the merge's undo)."""


@dataclass
class TableChange:
    """What a change did to one table: rows by primary key, before and after (only the
    rows it removed, added or altered)."""

    table: str
    before: dict[Key, Row] = field(default_factory=dict)
    after: dict[Key, Row] = field(default_factory=dict)

    @property
    def removed(self) -> list[Key]:
        """Oldest first, so a row put back before the rows that point to it."""
        return _sorted(key for key in self.before if key not in self.after)

    @property
    def added(self) -> list[Key]:
        return [key for key in self.after if key not in self.before]

    @property
    def altered(self) -> list[Key]:
        return [key for key in self.before if key in self.after]


@dataclass
class Change:
    """Everything one write did, table by table (parents before children)."""

    tables: list[TableChange] = field(default_factory=list)
    restored: Any = None
    """The database's restore mark when the change was made (:data:`RESTORED_KEY`)."""

    @property
    def count(self) -> dict[str, int]:
        """Rows removed, by table."""
        return {t.table: len(t.removed) for t in self.tables if t.removed}

    @property
    def empty(self) -> bool:
        return not any(t.before or t.after for t in self.tables)


def _sorted(keys: Iterable[Key]) -> list[Key]:
    keys = list(keys)
    try:
        return sorted(keys)
    except TypeError:  # a key with a NULL part: as found
        return keys


def _table(model: type[SQLModel] | sa.Table | str) -> sa.Table:
    if isinstance(model, sa.Table):
        return model
    if isinstance(model, str):
        return SQLModel.metadata.tables[model]
    return model.__table__  # type: ignore[attr-defined,no-any-return]


def _key_columns(table: sa.Table) -> list[sa.Column[Any]]:
    return list(table.primary_key.columns)


def _key(table: sa.Table, row: Row) -> Key:
    return tuple(row[c.name] for c in _key_columns(table))


def _at(table: sa.Table, key: Key) -> sa.ColumnElement[bool]:
    return sa.and_(*(c == v for c, v in zip(_key_columns(table), key, strict=True)))


def _rows(session: Session, table: sa.Table, condition: sa.ColumnElement[bool]) -> dict[Key, Row]:
    found = session.execute(sa.select(table).where(condition)).mappings()
    return {_key(table, row): row for row in (dict(r) for r in found)}


def _by_keys(session: Session, table: sa.Table, keys: Iterable[Key]) -> dict[Key, Row]:
    """The rows with these primary keys that exist now."""
    keys = list(keys)
    columns = _key_columns(table)
    found: dict[Key, Row] = {}
    size = CHUNK if len(columns) == 1 else CHUNK // 4  # an OR of ANDs nests in SQLite
    for start in range(0, len(keys), size):
        chunk = keys[start : start + size]
        condition: sa.ColumnElement[bool]
        if len(columns) == 1:
            condition = columns[0].in_([k[0] for k in chunk])
        else:
            condition = sa.or_(*(_at(table, k) for k in chunk))
        found |= _rows(session, table, condition)
    return found


def _restore_mark(session: Session) -> Any:
    """Which restore the database is at (None: never restored)."""
    from planner_tui.services.drafts import get_setting

    return get_setting(session=session, key=RESTORED_KEY)


def _order() -> dict[str, int]:
    from planner_tui.db.models import TABLES_IN_ORDER

    return {_table(model).name: n for n, model in enumerate(TABLES_IN_ORDER)}


class Recorder:
    """Notes the rows a write may touch before it runs, and works out afterwards what it
    did to them (:meth:`finish`)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._before: dict[str, dict[Key, Row]] = {}
        self._conditions: dict[str, list[sa.ColumnElement[bool]]] = {}

    def watch(self, model: type[SQLModel], condition: sa.ColumnElement[bool]) -> None:
        """Rows of *model* matching *condition* (now, and again once the write is done)."""
        self.session.flush()
        table = _table(model)
        self._before.setdefault(table.name, {}).update(_rows(self.session, table, condition))
        self._conditions.setdefault(table.name, []).append(condition)

    def finish(self) -> Change:
        self.session.flush()
        order = _order()
        change = Change(restored=_restore_mark(self.session))
        for name in sorted(self._before, key=lambda n: order.get(n, len(order))):
            table = _table(name)
            before = self._before[name]
            after = _rows(self.session, table, sa.or_(*self._conditions[name]))
            after |= _by_keys(self.session, table, (k for k in before if k not in after))
            tc = TableChange(name)
            for key in before.keys() | after.keys():
                was, now = before.get(key), after.get(key)
                if was != now:
                    if was is not None:
                        tc.before[key] = was
                    if now is not None:
                        tc.after[key] = now
            if tc.before or tc.after:
                change.tables.append(tc)
        return change


def revert(*, session: Session, change: Change) -> None:
    """Take *change* back: removed rows return exactly (ids included), added rows go, and
    altered rows get back the values the change replaced. Refused with a
    :class:`StorageError`, changing nothing, when something it touched has changed since."""
    if _restore_mark(session) != change.restored:
        raise StorageError(RESTORED_SINCE)
    plans = []
    for tc in change.tables:
        table = _table(tc.table)
        now = _by_keys(session, table, list(tc.before.keys() | tc.after.keys()))
        updates: list[tuple[Key, Row]] = []
        for key in tc.altered:
            was, became = tc.before[key], tc.after[key]
            columns = {c: v for c, v in was.items() if became.get(c) != v}
            current = now.get(key)
            changed_since = [
                c
                for c in columns
                if c not in STAMPS and current and current.get(c) != became.get(c)
            ]
            if current is None or changed_since:
                raise StorageError(REFUSED)
            updates.append((key, columns))
        if any(key in now for key in tc.removed):
            raise StorageError(REFUSED)
        added = [key for key in tc.added if key in now]
        plans.append((table, [tc.before[k] for k in tc.removed], updates, added))
    try:
        for table, rows, _updates, _added in plans:  # parents first
            if rows:
                session.execute(sa.insert(table), rows)
        for table, _rows_back, updates, _added in plans:
            for key, values in updates:
                session.execute(sa.update(table).where(_at(table, key)).values(values))
        for table, _rows_back, _updates, added in reversed(plans):  # children first
            for key in added:
                session.execute(sa.delete(table).where(_at(table, key)))
        session.flush()
    except sa.exc.IntegrityError:
        raise StorageError(REFUSED) from None
