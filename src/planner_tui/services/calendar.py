"""Small steps as an iCalendar file for calendar apps."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from icalendar import Calendar, Event, vRecur
from sqlmodel import Session, col, select

from planner_tui import __version__, clock, words
from planner_tui.db.models import Effort, Step, StepStatus
from planner_tui.services import people

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
