"""The rows of a JSON export, checked as the app checks what is typed into its forms.

Every row goes through the create model (and enums) the services use for that table —
:class:`PersonCreate` for a person, :class:`StepCreate` for a step… — widened only by the
columns a form never sets (ids, timestamps, a step's outcome), typed with the same
validators. Then what no single row can say: foreign keys that name a row of the file,
and ids and names that must be unique. The first bad row refuses the whole import, naming
its table, row and field; nothing is written before every row has passed.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import UTC, date, datetime
from enum import Enum
from typing import Annotated, Any

import sqlalchemy as sa
from pydantic import (
    AfterValidator,
    AwareDatetime,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)
from sqlmodel import SQLModel

from planner_tui import clock
from planner_tui.db.models import (
    AppSetting,
    Context,
    ContextCreate,
    Experiment,
    ExperimentCreate,
    Interaction,
    InteractionCreate,
    InteractionPersonLink,
    JournalContextLink,
    JournalEntry,
    JournalEntryCreate,
    JournalPersonLink,
    JournalTag,
    LonelinessCheck,
    LonelinessCheckCreate,
    MonthReview,
    MonthReviewUpdate,
    Name,
    Note,
    Person,
    PersonAlias,
    PersonContextLink,
    PersonCreate,
    PersonDate,
    PersonDateCreate,
    Score,
    Step,
    StepCreate,
    StepStatus,
    TrustedContact,
    TrustedContactBase,
    clean_tag,
    is_copy,
    new_step_uid,
)
from planner_tui.errors import InvalidInput
from planner_tui.services.steps import check_rrule, check_someone_to_reply
from planner_tui.services.support import MAX_TRUSTED
from planner_tui.words import plural

MAX_ID = 2**31 - 1
"""Ids are 32-bit integers on PostgreSQL."""
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Stamp = AwareDatetime | None
"""A timestamp the database fills in when the file leaves it out."""


class ImportRefused(InvalidInput):
    """A row of an export that can't be imported: ``table``, ``row`` (from 1) and ``field``
    say where. ``str()`` is one line."""

    def __init__(self, table: str, row: int, field: str, problem: str) -> None:
        problem = problem.strip().rstrip(".")
        if problem[:1].isupper() and problem[1:2].islower():
            problem = problem[:1].lower() + problem[1:]
        where = f"{table} row {row}" + (f", {field}" if field else "")
        super().__init__(f"{where}: {problem}. Nothing was imported.", field=field or None)
        self.table, self.row = table, row


# --------------------------------------------------------------------------- row models


class _ContextRow(ContextCreate):
    id: Id
    archived: bool = False
    created_at: Stamp = None


class _PersonRow(PersonCreate):
    id: Id
    archived: bool = False
    snoozed_until: date | None = None
    created_at: Stamp = None
    updated_at: Stamp = None


class _PersonContextRow(SQLModel):
    person_id: Id
    context_id: Id


class _PersonDateRow(PersonDateCreate):
    id: Id
    person_id: Id
    created_at: Stamp = None


class _PersonAliasRow(SQLModel):
    id: Id
    person_id: Id
    name: Name
    created_at: Stamp = None


class _StepRow(StepCreate):
    id: Id
    status: StepStatus = StepStatus.PLANNED
    outcome_note: Note = ""
    felt_awkwardness: Score | None = None
    warmth: Score | None = None
    resolved_at: AwareDatetime | None = None
    previous_id: Id | None = None
    created_at: Stamp = None
    # The calendar identity (schema 0003); an export made before it gets a new one per row.
    uid: Annotated[str, StringConstraints(pattern=r"^[!-~]{1,80}$")] = Field(
        default_factory=new_step_uid
    )
    sequence: Annotated[int, Field(ge=0, le=MAX_ID)] = 0
    recurrence_id: AwareDatetime | None = None
    reminded_at: AwareDatetime | None = None  # schema 0005
    appreciation_response: Score | None = None  # schema 0009 (the forecast is StepCreate's)


class _InteractionRow(InteractionCreate):
    id: Id
    created_at: Stamp = None


class _InteractionPersonRow(SQLModel):
    interaction_id: Id
    person_id: Id


class _JournalEntryRow(JournalEntryCreate):
    id: Id
    created_at: Stamp = None
    updated_at: Stamp = None


class _JournalPersonRow(SQLModel):
    entry_id: Id
    person_id: Id
    counts_as_contact: bool = False


class _JournalContextRow(SQLModel):
    entry_id: Id
    context_id: Id


class _JournalTagRow(SQLModel):
    entry_id: Id
    tag: Annotated[str, AfterValidator(clean_tag)]


class _LonelinessCheckRow(LonelinessCheckCreate):
    id: Id
    taken_at: Stamp = None


class _MonthReviewRow(MonthReviewUpdate):
    id: Id
    updated_at: Stamp = None


class _TrustedContactRow(TrustedContactBase):
    id: Id
    reach: Note = ""  # as an older version kept it (lines, any length): its export still imports
    position: Annotated[int, Field(ge=0, le=MAX_ID)] = 0


class _ExperimentRow(ExperimentCreate):
    id: Id
    weeks: int | None = None  # type: ignore[assignment]  # kept as its last day instead
    ends: date
    ended_on: date | None = None
    created_at: Stamp = None

    @model_validator(mode="after")
    def _ends_after_it_starts(self) -> _ExperimentRow:
        # Planned to end on or after its first day; ended early may be before it (one
        # planned for next week and ended today never ran, as end_experiment stores it).
        if self.ends < self.starts:
            raise ValueError("an experiment's last planned day is on or after its first")
        return self


class _SettingRow(SQLModel):
    key: Annotated[str, StringConstraints(min_length=1, max_length=100)]
    value: Any = None


ROW_MODELS: dict[type[SQLModel], type[SQLModel]] = {
    Context: _ContextRow,
    Person: _PersonRow,
    PersonContextLink: _PersonContextRow,
    PersonDate: _PersonDateRow,
    PersonAlias: _PersonAliasRow,
    Step: _StepRow,
    Interaction: _InteractionRow,
    InteractionPersonLink: _InteractionPersonRow,
    JournalEntry: _JournalEntryRow,
    JournalPersonLink: _JournalPersonRow,
    JournalContextLink: _JournalContextRow,
    JournalTag: _JournalTagRow,
    LonelinessCheck: _LonelinessCheckRow,
    MonthReview: _MonthReviewRow,
    TrustedContact: _TrustedContactRow,
    Experiment: _ExperimentRow,
    AppSetting: _SettingRow,
}
"""The model every row of a table is checked with."""

# --------------------------------------------------------------------------- checking

_EXPECTED = {
    int: "a whole number",
    bool: "true or false",
    str: "text",
    date: "a day like 2026-11-23",
    datetime: "a time like 2026-11-23T18:00:00+00:00",
}


def _json_kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, float):
        return "a fraction"
    if isinstance(value, int):
        return "a number"
    if isinstance(value, str):
        return "text"
    return "a list" if isinstance(value, list) else "an object"


def _column_kind(column: sa.Column[Any]) -> type | None:
    try:
        kind = getattr(column.type, "impl", column.type).python_type
    except NotImplementedError:
        return None
    return kind if kind in _EXPECTED else None  # JSON columns: the model says


def _readable_text(value: Any) -> bool:
    """Text that can be stored: encodable (no lone surrogates), in nested JSON too."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True
    if isinstance(value, list):
        return all(_readable_text(item) for item in value)
    if isinstance(value, dict):
        return all(_readable_text(k) and _readable_text(v) for k, v in value.items())
    if isinstance(value, float):
        return math.isfinite(value)
    return True


def _check_types(table: sa.Table, number: int, row: dict[str, Any]) -> None:
    """Each value is of its column's JSON type (a number is not text, text not a number),
    and every key is a column of the table."""
    for key, value in row.items():
        if key not in table.columns or is_copy(table.columns[key]):  # copies: never in a file
            shown = "".join(ch if ch.isprintable() else "?" for ch in str(key)[:40])
            raise ImportRefused(table.name, number, shown,
                                f"there is no such column in {table.name}")  # fmt: skip
        column = table.columns[key]
        kind = _column_kind(column)
        if not _readable_text(value):
            raise ImportRefused(table.name, number, key, "the text is not valid Unicode")
        if value is None:
            if not column.nullable:
                raise ImportRefused(table.name, number, key, "can't be null")
            continue
        right = (
            kind is None
            or (kind is int and isinstance(value, int) and not isinstance(value, bool))
            or (kind is bool and isinstance(value, bool))
            or (kind in (str, date, datetime) and isinstance(value, str))
        )
        if not right:
            raise ImportRefused(table.name, number, key,
                                f"should be {_EXPECTED[kind]}, not {_json_kind(value)}")  # type: ignore[index]  # fmt: skip


def _validate(model: type[SQLModel], table: str, number: int, data: dict[str, Any]) -> SQLModel:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        message = str(first["msg"]).removeprefix("Value error, ")
        if field == "person_ids":
            message += f" (no interaction_person row names interaction {data.get('id')})"
        raise ImportRefused(table, number, field, message) from None


def _stored(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


def _check_moments(table: str, number: int, valid: SQLModel) -> None:
    """Aware, and within the calendar once moved to UTC and to local time."""
    for name in type(valid).model_fields:
        value = getattr(valid, name)
        if not isinstance(value, datetime):
            continue
        if value.tzinfo is None:
            raise ImportRefused(table, number, name, "the time needs a time zone")
        try:
            value.astimezone(UTC)
            clock.to_local(value)
        except (OverflowError, ValueError):
            raise ImportRefused(table, number, name, "that time is off the calendar") from None


def _check_happened(table: str, number: int, valid: SQLModel) -> None:
    """A check-in is for a day that has begun, as its form and command say. (A contact's
    time is let be: one written on a machine whose clock ran ahead is still the contact.)"""
    if isinstance(valid, _JournalEntryRow) and valid.day > clock.today():
        raise ImportRefused(table, number, "day", "a check-in is for a day that has begun")


def checked_rows(
    tables: dict[str, Any], models: list[type[SQLModel]]
) -> dict[str, list[dict[str, Any]]]:
    """Every row of *tables* (an export's ``tables``), checked, as values to insert, by
    table name; :class:`ImportRefused` at the first bad row."""
    known = {model.__table__.name for model in models}  # type: ignore[attr-defined]
    for name in tables:
        if name not in known:
            raise InvalidInput(
                f"That export has a table this planner-tui doesn't know: {str(name)[:40]!r}. "
                "Nothing was imported."
            )
    ids: dict[str, set[Any]] = {}
    people_of = _interaction_people(tables.get(InteractionPersonLink.__tablename__))
    result: dict[str, list[dict[str, Any]]] = {}
    for model in models:
        table: sa.Table = model.__table__  # type: ignore[attr-defined]
        rows = tables.get(table.name, [])
        if not isinstance(rows, list):
            raise InvalidInput(
                f"The {table.name!r} part of that export is not a list. Nothing was imported."
            )
        if model is TrustedContact and len(rows) > MAX_TRUSTED:
            raise ImportRefused(table.name, MAX_TRUSTED + 1, "",
                                f"keep it to {plural(MAX_TRUSTED, 'person', 'people')}")  # fmt: skip
        values = [_checked_row(model, table, n, row, people_of) for n, row in enumerate(rows, 1)]
        _check_unique(table, values)
        key = [c.name for c in table.primary_key.columns]
        if key == ["id"]:
            ids[table.name] = {v["id"] for v in values}
        _check_references(table, values, ids)
        result[table.name] = values
    return result


def _interaction_people(rows: Any) -> dict[int, list[int]]:
    people: dict[int, list[int]] = defaultdict(list)
    for row in rows if isinstance(rows, list) else []:
        if isinstance(row, dict):
            interaction, person = row.get("interaction_id"), row.get("person_id")
            if isinstance(interaction, int) and isinstance(person, int):
                people[interaction].append(person)
    return people


def _checked_row(
    model: type[SQLModel],
    table: sa.Table,
    number: int,
    row: Any,
    people_of: dict[int, list[int]],
) -> dict[str, Any]:
    if not isinstance(row, dict):
        raise ImportRefused(table.name, number, "", f"should be an object, not {_json_kind(row)}")
    _check_types(table, number, row)
    data = dict(row)
    if model is Interaction and isinstance(row.get("id"), int):
        data["person_ids"] = people_of.get(row["id"], [])
    valid = _validate(ROW_MODELS[model], table.name, number, data)
    _check_moments(table.name, number, valid)
    if isinstance(valid, _StepRow):
        try:
            valid.rrule = check_rrule(valid.rrule, valid.due_at)
            check_someone_to_reply(valid, valid.status)
        except InvalidInput as error:
            raise ImportRefused(table.name, number, error.field or "", str(error)) from None
    _check_happened(table.name, number, valid)
    values = {}
    for column in table.columns:
        if is_copy(column):
            continue  # the database fills it in
        value = _stored(getattr(valid, column.name))
        if value is None and not column.nullable:
            continue  # left out of the file: the database's default
        values[column.name] = value
    return values


def _ascii_lower(text: str) -> str:
    return "".join(ch.lower() if ch.isascii() else ch for ch in text)


_SAME = {("context", "name"): _ascii_lower}
"""How the services compare a unique value, where not exactly: a context's name whatever
its case — as SQLite's lower() sees case (ASCII letters only), so that nothing the app
stored on either engine is refused."""


def _check_unique(table: sa.Table, values: list[dict[str, Any]]) -> None:
    key = [c.name for c in table.primary_key.columns]
    groups = [key] + [[c.name] for c in table.columns if c.unique]
    for columns in groups:
        seen: dict[tuple[Any, ...], int] = {}
        for number, row in enumerate(values, 1):
            if any(row.get(c) is None for c in columns):
                continue
            same = tuple(_SAME.get((table.name, c), _identity)(row[c]) for c in columns)
            if same in seen:
                raise ImportRefused(table.name, number, columns[-1],
                                    f"the same as in row {seen[same]}")  # fmt: skip
            seen[same] = number


def _identity(value: Any) -> Any:
    return value


def _check_references(
    table: sa.Table, values: list[dict[str, Any]], ids: dict[str, set[Any]]
) -> None:
    before: set[Any] = set()  # a row naming one of its own table (a step's previous step)
    for number, row in enumerate(values, 1):  # names one that comes before it, as exported
        for column in table.columns:
            for key in column.foreign_keys:
                target = key.column.table.name
                value = row.get(column.name)
                if value is None:
                    continue
                if value not in ids.get(target, set()):
                    raise ImportRefused(table.name, number, column.name,
                                        f"there is no {target} with id {value} in the file")  # fmt: skip
                if target == table.name and value not in before:
                    said = (
                        "itself"
                        if value == row.get("id")
                        else f"{target} {value}, which comes later"
                    )
                    raise ImportRefused(table.name, number, column.name,
                                        f"it names {said}; the one before it comes first in the file")  # fmt: skip
        before.add(row.get("id"))
