"""Small steps as an iCalendar file (RFC 5545) that calendar apps keep in step.

Every step has a UID that never changes (``Step.uid``): a repeating step's occurrences share
one, so the file holds one VEVENT for the series — DTSTART its first occurrence, with its
RRULE — and one more, with the same UID and a RECURRENCE-ID, for each occurrence moved to
another time. A calendar that imports the file again updates those events instead of adding
them twice; SEQUENCE counts the moves and DTSTAMP is the time of the export.

Times are written in the local zone: by its IANA name with that zone's VTIMEZONE, or — for
a zone without a name, like ``TZ=GMT0BST,M3.5.0/1,M10.5.0`` — with a VTIMEZONE built from its
rule. Either way a weekly 18:00 stays at 18:00 across clock changes.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta, tzinfo

import sqlalchemy as sa
from icalendar import Calendar, Event, Timezone, vRecur
from sqlmodel import Session, col, select

from planner_tui import __version__, clock, words
from planner_tui.db.models import Effort, Step, StepStatus
from planner_tui.services import people
from planner_tui.services.steps import series_start

EVENT_MINUTES = {Effort.TINY: 15, Effort.SMALL: 30, Effort.BIGGER: 90, Effort.OWN: 30}
ZONE_YEARS = 30
"""How many years ahead a VTIMEZONE lists the clock changes (a POSIX rule's has no name a
calendar could look up, so it is all the calendar knows)."""


def zone_years(first: date) -> tuple[date, date]:
    """The span a VTIMEZONE covers: from a year before *first* to :data:`ZONE_YEARS` on."""
    return date(first.year - 1, 1, 1), date(clock.today().year + ZONE_YEARS, 12, 31)


def calendar_zone(first: date) -> tuple[tzinfo, Timezone | None]:
    """The zone to write times in, and — when it has no IANA name — the VTIMEZONE built from
    its rule (with every clock change over :func:`zone_years`)."""
    from zoneinfo import ZoneInfo

    name = clock.zone_name()
    if name:
        return ZoneInfo(name), None
    local = clock.local_zone()
    winter, summer = (datetime(first.year, month, 1, tzinfo=local).tzname() for month in (1, 7))
    names = winter if winter == summer else f"{winter}/{summer}"
    tzid = f"Local time {names}" if names else "Local time"
    since, until = zone_years(first)
    component = Timezone.from_tzinfo(local, tzid=tzid, first_date=since, last_date=until)
    return component.to_tz(lookup_tzid=False), component


def _event(row: Step, name: str, start: datetime, stamp: datetime) -> Event:
    details = [
        line
        for line, present in ((f"With {name}", name), (f"Cue: {row.cue}", row.cue),
                              (f"Backup: {row.backup}", row.backup))
        if present
    ]  # fmt: skip
    return Event.new(
        uid=row.uid,
        stamp=stamp,
        sequence=row.sequence,
        start=start,
        end=start + timedelta(minutes=EVENT_MINUTES.get(Effort(row.effort), 30)),
        summary=words.with_person(row.action, name) if name else row.action,
        description="\n".join(details) or None,
    )  # fmt: skip


def export_ics(*, session: Session) -> bytes:
    """Steps still planned — from today on, and repeating ones with their rules — as an
    iCalendar file: one VEVENT per step or series (its UID is the step's), and one per
    occurrence of a series moved to another time (same UID, with a RECURRENCE-ID)."""
    start_of_today = datetime.combine(clock.today(), datetime.min.time(), clock.local_zone())
    live = (
        select(Step.uid)
        .where(
            Step.status == StepStatus.PLANNED,
            sa.or_(col(Step.due_at) >= start_of_today, col(Step.rrule).is_not(None)),
        )
        .distinct()
    )
    rows = session.exec(
        select(Step).where(col(Step.uid).in_(live)).order_by(col(Step.due_at), col(Step.id))
    ).all()
    series: dict[str, list[Step]] = defaultdict(list)
    for row in rows:
        series[row.uid].append(row)
    first = min((clock.to_local(row.due_at).date() for row in rows), default=clock.today())
    zone, vtimezone = calendar_zone(first)
    names = {p.id: p.name for p in people.list_people(session=session, include_archived=True)}
    calendar = Calendar.new(prodid=f"-//planner-tui//{__version__}//EN", name="Small steps")
    del calendar["UID"]  # a new one each export would be a new calendar to some apps
    stamp = clock.utcnow()

    def add(row: Step, start: datetime) -> Event:
        event = _event(row, names.get(row.person_id, ""), start.astimezone(zone), stamp)
        calendar.add_component(event)
        return event

    for uid in sorted(series, key=lambda uid: (series[uid][0].due_at, uid)):
        steps = series[uid]
        current = [row for row in steps if row.rrule and row.status == StepStatus.PLANNED]
        if current:  # the series: from its first occurrence, with its rule...
            sequence = current[-1].sequence
            overrides = [r for r in steps if r.recurrence_id is not None and r.sequence > sequence]
            master = add(current[-1], series_start(steps, sequence) or current[-1].due_at)
            master.add("rrule", vRecur.from_ical(current[-1].rrule or ""))
            moved: dict[datetime, Step] = {}
            for row in overrides:
                if row.status != StepStatus.RESCHEDULED:
                    moved[row.recurrence_id] = row  # type: ignore[index]  # the latest move
            for original, row in sorted(moved.items()):  # ...and each occurrence moved
                add(row, row.due_at).add("recurrence-id", original.astimezone(zone))
        else:  # a step of its own (or moved to another time, or left of a series)
            for row in steps:
                if row.status == StepStatus.PLANNED and row.due_at >= start_of_today:
                    add(row, row.due_at)
    if vtimezone is not None:
        calendar.subcomponents.insert(0, vtimezone)  # zones before the events that use them
    calendar.add_missing_timezones(*zone_years(first))
    return bytes(calendar.to_ical())
