"""Export and import: lossless JSON, readable Markdown, and iCalendar for steps."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from dateutil.relativedelta import relativedelta
from icalendar import Calendar, Event, vRecur
from sqlmodel import Session, col, select

from planner_tui import __version__, clock, words
from planner_tui.db.engine import DATA_VERSION_KEY
from planner_tui.db.models import (
    TABLES_IN_ORDER,
    AppSetting,
    Draft,
    Effort,
    Step,
    StepStatus,
    label,
)
from planner_tui.errors import InvalidInput, StorageError
from planner_tui.files import write_atomic
from planner_tui.markdown import markdown_inline, markdown_line
from planner_tui.services import journal, people, steps
from planner_tui.services.common import reset_sequences

FORMAT_NAME = "planner-tui"
FORMAT_VERSION = 1
EXPORTED_TABLES = [t for t in TABLES_IN_ORDER if t is not Draft]
"""Drafts are half-typed text; they stay on the machine where they were typed."""


def write_file(path: Path, data: str | bytes) -> None:
    """Write an export whole or not at all (:func:`planner_tui.files.write_atomic`),
    readable by its owner only: it holds a journal."""
    try:
        write_atomic(path, data)
    except OSError as error:
        raise StorageError(f"Can't write {path}: {error.strerror or error}.") from None


def _table(model: Any) -> sa.Table:
    table = model.__table__
    assert isinstance(table, sa.Table)
    return table


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def export_json(*, session: Session) -> str:
    """Every table (drafts aside) as JSON; :func:`import_json` reads it back exactly."""
    tables: dict[str, list[dict[str, Any]]] = {}
    for model in EXPORTED_TABLES:
        table = _table(model)
        order = list(table.primary_key.columns)
        rows = session.execute(select(model).order_by(*order)).scalars().all()
        if model is AppSetting:  # the data version counts this machine's writes: not data
            rows = [row for row in rows if row.key != DATA_VERSION_KEY]
        tables[table.name] = [
            {column.name: _plain(getattr(row, column.key)) for column in table.columns}
            for row in rows
        ]
    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "app_version": __version__,
        "exported_at": clock.utcnow().isoformat(),
        "tables": tables,
    }
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def _from_json(column: sa.Column[Any], value: Any) -> Any:
    if value is None:
        return None
    try:
        kind = getattr(column.type, "impl", column.type).python_type
    except NotImplementedError:
        return value
    if kind is datetime:
        moment = datetime.fromisoformat(value)
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    if kind is date:
        return date.fromisoformat(value)
    if kind is bool:
        return bool(value)
    return value


def is_empty(*, session: Session) -> bool:
    for model in EXPORTED_TABLES:
        if model.__name__ == "AppSetting":
            continue
        if session.exec(select(sa.func.count()).select_from(_table(model))).one():
            return False
    return True


def import_json(*, session: Session, text: str) -> dict[str, int]:
    """Load a JSON export into an empty database. Returns rows imported per table."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidInput(
            f"That file is not valid JSON (line {error.lineno}, column {error.colno})."
        ) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise InvalidInput("That JSON file is not a planner-tui export.")
    if document.get("version") != FORMAT_VERSION:
        raise InvalidInput(
            f"That export is format version {document.get('version')!r}; this planner-tui "
            f"reads version {FORMAT_VERSION}. Please update planner-tui."
        )
    if not is_empty(session=session):
        raise InvalidInput(
            "This database already holds data. Import a JSON export into a new, empty "
            "home (planner-tui --home NEW_FOLDER import FILE)."
        )
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise InvalidInput("That export has no tables in it.")
    counts: dict[str, int] = {}
    for model in EXPORTED_TABLES:
        table = _table(model)
        rows = tables.get(table.name, [])
        if not isinstance(rows, list):
            raise InvalidInput(f"The {table.name!r} part of that export is not a list.")
        if model.__name__ == "AppSetting":
            session.execute(sa.delete(table))
        converted = []
        for number, row in enumerate(rows, 1):
            if not isinstance(row, dict):
                raise InvalidInput(f"Row {number} of {table.name!r} is not an object.")
            try:
                converted.append(
                    {c.name: _from_json(c, row.get(c.name)) for c in table.columns if c.name in row}
                )
            except (TypeError, ValueError) as error:
                raise InvalidInput(
                    f"Row {number} of {table.name!r} can't be read: {error}"
                ) from None
        if converted:
            session.execute(sa.insert(table), converted)
        counts[table.name] = len(converted)
    reset_sequences(session)
    session.flush()
    return counts


def months_with_data(*, session: Session) -> list[date]:
    """The first day of every month with a check-in, a contact or a step, oldest first."""
    from planner_tui.db.models import Interaction, JournalEntry

    days = session.execute(sa.select(col(JournalEntry.day)).distinct()).scalars()
    months = {day.replace(day=1) for day in days}
    for column in (col(Interaction.occurred_at), col(Step.due_at)):
        for moment in session.execute(sa.select(column)).scalars():
            months.add(clock.to_local(moment).date().replace(day=1))
    return sorted(months)


def export_markdown(*, session: Session, month: date | None = None) -> str:
    """Journal, interactions and steps as one readable Markdown document."""
    first: date | None = None
    after: date | None = None  # exclusive; None after December 9999, the calendar's last month
    start = end = None
    title = "planner-tui — everything"
    if month is not None:
        first = month.replace(day=1)
        after = None if (first.year, first.month) == (9999, 12) else first + relativedelta(months=1)
        title = f"planner-tui — {first.strftime('%B %Y')}"
        start, end = people.day_window(first, after or first)
        end = end if after else None
    lines = [f"# {title}", ""]
    entries = journal.list_entries(session=session, start=first, end=after, limit=None)
    lines += ["## Journal", ""]
    if not entries:
        lines += ["No check-ins.", ""]
    for entry in reversed(entries):
        scores = ", ".join(
            f"{name} {value}/5"
            for name, value in (
                ("mood", entry.mood),
                ("connected", entry.connectedness),
                ("supported", entry.support),
            )
            if value is not None
        )
        lines += [f"### {entry.day.strftime('%a %-d %b %Y')}" + (f" — {scores}" if scores else "")]
        lines.append("")
        if entry.warmth_note:
            lines += [f"- Brought warmth: {markdown_inline(entry.warmth_note)}"]
        if entry.withdraw_note:
            lines += [f"- Made me withdraw: {markdown_inline(entry.withdraw_note)}"]
        if entry.people:
            lines += ["- People: " + ", ".join(markdown_inline(p) for p in entry.people)]
        if entry.tags:
            lines += ["- Tags: " + ", ".join("#" + markdown_inline(t) for t in entry.tags)]
        if entry.body:
            lines += ["", *(markdown_line(line) for line in entry.body.splitlines())]
        lines.append("")
    interactions = people.list_interactions(session=session, start=start, end=end, limit=None)
    lines += ["## Interactions", ""]
    if not interactions:
        lines += ["None recorded.", ""]
    for item in reversed(interactions):
        who = ", ".join(markdown_inline(p) for p in item.people)
        warmth = f", warmth {item.warmth}/5" if item.warmth else ""
        note = f" — {markdown_inline(item.note)}" if item.note else ""
        lines.append(
            f"- {clock.to_local(item.occurred_at).strftime('%Y-%m-%d %H:%M')}: {who} "
            f"({label(item.channel)}, {label(item.initiator)}{warmth}){note}"
        )
    planned = steps.list_steps(session=session, start=start, end=end, limit=None)
    lines += ["", "## Small steps", ""]
    if not planned:
        lines += ["None planned."]
    for step in reversed(planned):
        lines.append(
            f"- {clock.to_local(step.due_at).strftime('%Y-%m-%d %H:%M')}: "
            f"{markdown_inline(step.action)} — {markdown_inline(step.person)} "
            f"({label(step.status)})"
        )
    return "\n".join(lines).rstrip() + "\n"


EVENT_MINUTES = {Effort.TINY: 15, Effort.SMALL: 30, Effort.BIGGER: 90, Effort.OWN: 30}


def export_ics(*, session: Session) -> bytes:
    """Steps still planned — from today on, and repeating ones with their rules — as an
    iCalendar file. Times carry the local zone's name (with its VTIMEZONE), so a weekly
    18:00 stays at 18:00 across clock changes; without a known zone name they are in UTC."""
    from zoneinfo import ZoneInfo

    zone_name = clock.zone_name()
    zone = ZoneInfo(zone_name) if zone_name else UTC
    start_of_today = datetime.combine(clock.today(), datetime.min.time(), clock.local_zone())
    rows = session.exec(
        select(Step)
        .where(
            Step.status == StepStatus.PLANNED,
            sa.or_(col(Step.due_at) >= start_of_today, col(Step.rrule).is_not(None)),
        )
        .order_by(col(Step.due_at))
    ).all()
    names = {p.id: p.name for p in people.list_people(session=session, include_archived=True)}
    calendar = Calendar.new(prodid=f"-//planner-tui//{__version__}//EN", name="Small steps")
    stamp = clock.utcnow()
    for row in rows:
        start = row.due_at.astimezone(zone)
        name = names.get(row.person_id, "")
        details = [
            line
            for line, present in ((f"With {name}", name), (f"Cue: {row.cue}", row.cue),
                                  (f"Backup: {row.backup}", row.backup))
            if present
        ]  # fmt: skip
        event = Event.new(
            uid=f"step-{row.id}@planner-tui",
            stamp=stamp,
            start=start,
            end=start + timedelta(minutes=EVENT_MINUTES.get(Effort(row.effort), 30)),
            summary=words.with_person(row.action, name) if name else row.action,
            description="\n".join(details) or None,
        )  # fmt: skip
        if row.rrule:
            event.add("rrule", vRecur.from_ical(row.rrule))
        calendar.add_component(event)
    if zone_name:
        calendar.add_missing_timezones()
    return bytes(calendar.to_ical())
