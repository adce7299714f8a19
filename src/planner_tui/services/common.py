"""Helpers shared by the service modules."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

import sqlalchemy as sa
from pydantic import BaseModel, ValidationError
from sqlmodel import Session, SQLModel, col, select

from planner_tui import words
from planner_tui.errors import InvalidInput, NotFound

M = TypeVar("M", bound=BaseModel)

_ONE_TO_FIVE = "should be from 1 to 5"
RANGES = {
    "cadence_days": "How often to be in touch (cadence) should be from 1 to 3,650 days",
    "warmth": f"Warmth {_ONE_TO_FIVE}",
    "mood": f"Mood {_ONE_TO_FIVE}",
    "connectedness": f"Connectedness {_ONE_TO_FIVE}",
    "support": f"Felt support {_ONE_TO_FIVE}",
    "comfort_giving": f"Comfort giving help {_ONE_TO_FIVE}",
    "comfort_receiving": f"Comfort receiving help {_ONE_TO_FIVE}",
    "expected_awkwardness": f"Expected awkwardness {_ONE_TO_FIVE}",
    "felt_awkwardness": f"Felt awkwardness {_ONE_TO_FIVE}",
    "confidence": "Confidence should be from 0 to 10",
    "lack_companionship": "Each answer should be from 1 to 3",
    "left_out": "Each answer should be from 1 to 3",
    "isolated": "Each answer should be from 1 to 3",
}
"""Friendly wording for numbers out of range, by field."""
FIELDS = {
    "body": "The entry",
    "warmth_note": "What brought warmth",
    "withdraw_note": "What made you want to withdraw",
    "note": "The note",
    "notes": "The text of the notes",
    "cue": "The cue",
    "backup": "The backup",
    "action": "The step",
    "reach": "How to reach them",
    "wins": "The text of the wins",
    "intentions": "An intention",
    "ContextCreate.name": "The context's name",
    "ContextUpdate.name": "The context's name",
}
"""A field's name as a message begins with it, where the field's own name isn't words
(``Model.field`` where one model's field needs its own words)."""
ITEMS = {"intentions": "Intention {n}"}
"""The same for one item of a list field, by its place (counted from 1)."""
T = TypeVar("T", bound=SQLModel)


def driver_connection(session: Session) -> tuple[Any, str]:
    """The session's own DB-API connection (inside its transaction) and its dialect: the
    rules written once for the quick paths (:mod:`planner_tui.journal_search`,
    :mod:`planner_tui.daily`) run on it, as those paths run them on sqlite3."""
    return session.connection().connection.dbapi_connection, session.get_bind().dialect.name


def validate(model: type[M], data: M | dict[str, Any]) -> M:
    """Validate *data* through a create/update model; errors become one friendly line."""
    try:
        return model.model_validate(data if isinstance(data, dict) else data.model_dump())
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or None
        message = str(first["msg"]).removeprefix("Value error, ")
        name = field.split(".")[0] if field else ""
        said = (
            FIELDS.get(f"{model.__name__}.{name}")
            or FIELDS.get(name)
            or (field or "").replace("_", " ")
        )
        place = first["loc"][1] if len(first["loc"]) > 1 else None
        if isinstance(place, int) and name in ITEMS:  # which one of them
            said = ITEMS[name].format(n=place + 1)
        if name in RANGES and first["type"] in ("greater_than_equal", "less_than_equal"):
            message = RANGES[name]
        elif message[:1].isupper() and message.endswith("."):
            pass  # a sentence of our own, whole ("Day: A birthday's year is…", nu250)
        elif field and message.startswith(("can", "is ")):  # "Name can't be empty"
            message = f"{said} {message}"
        elif field and not message.startswith(field):
            message = f"{said}: {message}"
        if not message.endswith((".", "?", "!", "…")):  # pydantic's and ours end bare
            message += "."
        raise InvalidInput(message[:1].upper() + message[1:], field=field) from None


def get_or_404(session: Session, table: type[T], key: Any, what: str) -> T:
    row = session.get(table, key)
    if row is None:
        raise NotFound(words.gone(what))
    return row


def all_there(session: Session, table: Any, ids: Iterable[int], what: str, field: str) -> list[int]:
    """*ids* once each, in order, when each is a row of *table*; else which kind of row was
    deleted meanwhile (:func:`planner_tui.words.gone`), as the *field*'s problem."""
    ids = list(dict.fromkeys(ids))
    if ids:
        found = set(session.exec(select(table.id).where(col(table.id).in_(ids))).all())
        if any(i not in found for i in ids):
            raise InvalidInput(words.gone(what), field=field)
    return ids


def reset_sequences(session: Session) -> None:
    """After rows were inserted with explicit ids, PostgreSQL's id sequences must catch up."""
    if session.get_bind().dialect.name != "postgresql":
        return
    from planner_tui.db.models import TABLES_IN_ORDER

    for model in TABLES_IN_ORDER:
        table = model.__table__  # type: ignore[attr-defined]
        if "id" in table.columns:
            session.execute(
                sa.text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false)"
                )
            )
