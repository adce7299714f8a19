"""Small steps as an iCalendar file (RFC 5545) that calendar apps keep in step.

Every step has a UID that never changes (``Step.uid``): a repeating step's occurrences share
one, so the file holds one VEVENT for the series — DTSTART its first occurrence, with its
RRULE — and one more, with the same UID and a RECURRENCE-ID, for each occurrence moved to
another time. A calendar that imports the file again updates those events instead of adding
them twice; SEQUENCE counts the moves and DTSTAMP is the time of the export.

Each event carries an alarm (VALARM) the given minutes before it (the setting
``PLANNER_TUI_ALARM_MINUTES``, 15 unless changed; 0 writes none), so a calendar app reminds
the person too. Birthdays and other dates of people on the map are yearly all-day events
(29 February falls on 28 February in other years), with an alarm at 09:00 on the day.

Times are written in the local zone: by its IANA name with that zone's VTIMEZONE, or — for
a zone without a name, like ``TZ=GMT0BST,M3.5.0/1,M10.5.0`` — with a VTIMEZONE built from its
rule. Either way a weekly 18:00 stays at 18:00 across clock changes.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo

import sqlalchemy as sa
from icalendar import Alarm, Calendar, Event, Timezone, vRecur
from sqlmodel import Session, col, select

from planner_tui import __version__, clock, daily, words
from planner_tui.db.models import Context, Effort, Person, PersonDate, Step, StepStatus
from planner_tui.services import people
from planner_tui.services.steps import series_start
from planner_tui.terminal import plain
from planner_tui.when import month_ends_kept

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
    if clock.zone_problem():  # TZ names no zone: times are in UTC, as every command says
        return UTC, None  # (not a made-up "Local time Europe" from the system's guess, nu282)
    local = clock.local_zone()
    winter, summer = (datetime(first.year, month, 1, tzinfo=local).tzname() for month in (1, 7))
    names = winter if winter == summer else f"{winter}/{summer}"
    tzid = f"Local time {names}" if names else "Local time"
    since, until = zone_years(first)
    component = Timezone.from_tzinfo(local, tzid=tzid, first_date=since, last_date=until)
    return component.to_tz(lookup_tzid=False), component


DATE_ALARM = timedelta(hours=9)
"""A date's alarm: 09:00 on the day (from the start of the all-day event)."""
DATE_UID = uuid.UUID("8d0c7f3e-6f55-4d3f-9a57-0e6f1f4b6a21")
"""The namespace of a date's calendar UID (made from its row, so it stays the same from one
export to the next and holds nothing personal)."""


def _alarm(trigger: timedelta, description: str) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", trigger)
    alarm.add("description", description)
    return alarm


def _date_event(row: PersonDate, name: str, stamp: datetime, alarm: bool) -> Event:
    """A birthday or another named date as a yearly all-day event: from the date itself
    when it has a year (a wedding in 2011 comes round from 2011, one in 2027 from 2027),
    else from this year."""
    start = daily.occurrence(row.year or clock.today().year, row.month, row.day)
    summary = words.date_title(name, row.label)
    event = Event.new(
        uid=f"{uuid.uuid5(DATE_UID, f'{row.id}|{row.created_at.isoformat()}')}@planner-tui",
        stamp=stamp,
        start=start,
        # The calendar's last day has no day after it: a DATE start alone lasts the day
        # (RFC 5545, 3.6.1).
        end=start + timedelta(days=1) if start < date.max else None,
        summary=summary,
        description=f"Since {row.year:04d}" if row.year else None,
    )
    rule = "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1" if (row.month, row.day) == (2, 29) else (
        "FREQ=YEARLY")  # fmt: skip
    event.add("rrule", vRecur.from_ical(rule))
    event.add("transp", "TRANSPARENT")
    if alarm:
        event.add_component(_alarm(DATE_ALARM, summary))
    return event


def _event(row: Step, name: str, start: datetime, stamp: datetime, place: str = "") -> Event:
    """A step's event; a step toward a part of life (*place*: the choir, the repair café)
    names it as the event's LOCATION and in its text."""
    # A cue or backup stored before they were refused could hold control characters: the
    # calendar app gets them as visible symbols, not raw.
    cue, backup = plain(row.cue, keep_newlines=False), plain(row.backup, keep_newlines=False)
    details = [
        line
        for line, present in ((f"With {name}", name), (f"At {place}", place),
                              (f"Cue: {cue}", cue), (f"Backup: {backup}", backup))
        if present
    ]  # fmt: skip
    shown = name or place
    event = Event.new(
        uid=row.uid,
        stamp=stamp,
        sequence=row.sequence,
        start=start,
        end=start + timedelta(minutes=EVENT_MINUTES.get(Effort(row.effort), 30)),
        summary=words.with_person(row.action, shown) if shown else row.action,
        description="\n".join(details) or None,
    )  # fmt: skip
    if place:
        event.add("location", place)
    return event


@dataclass(frozen=True)
class CalendarFile:
    data: bytes
    steps: int
    """Events for steps (a repeating step's series is one, each moved occurrence one more)."""
    dates: int
    """Yearly events for people's dates."""
    left_out: int = 0
    """Steps too near the end of the calendar (31 Dec 9999) to be written as an event."""

    def left_out_note(self) -> str | None:
        """A sentence saying which steps the file leaves out, or None when it has them all."""
        if not self.left_out:
            return None
        return (
            f"{words.plural(self.left_out, 'step')} too close to the end of the calendar "
            f"(31 Dec 9999) to write down, so the file leaves "
            f"{'it' if self.left_out == 1 else 'them'} out."
        )


def export_ics(*, session: Session, alarm_minutes: int) -> bytes:
    """The calendar file :func:`export` writes."""
    return export(session=session, alarm_minutes=alarm_minutes).data


def export(*, session: Session, alarm_minutes: int) -> CalendarFile:
    """Steps still planned — from today on, and repeating ones with their rules — as an
    iCalendar file: one VEVENT per step or series (its UID is the step's), and one per
    occurrence of a series moved to another time (same UID, with a RECURRENCE-ID); each
    with an alarm *alarm_minutes* before (0: none) — the setting, which the command line
    and the app both pass (``Settings.alarm_minutes``). Then everyone's dates, yearly."""
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
    places = dict(session.exec(select(Context.id, Context.name)).all())
    calendar = Calendar.new(prodid=f"-//planner-tui//{__version__}//EN", name="Small steps")
    del calendar["UID"]  # a new one each export would be a new calendar to some apps
    stamp = clock.utcnow()
    added: list[Event] = []
    left_out: list[Step] = []

    def add(row: Step, start: datetime) -> Event | None:
        try:
            event = _event(row, names.get(row.person_id or 0, ""), start.astimezone(zone),
                           stamp, places.get(row.context_id or 0, ""))  # fmt: skip
        except OverflowError:  # its end (or its time here) would pass 31 Dec 9999
            left_out.append(row)
            return None
        if alarm_minutes > 0:
            event.add_component(
                _alarm(-timedelta(minutes=alarm_minutes), str(event.get("summary", "")))
            )
        calendar.add_component(event)
        added.append(event)
        return event

    for uid in sorted(series, key=lambda uid: (series[uid][0].due_at, uid)):
        steps = series[uid]
        current = [row for row in steps if row.rrule and row.status == StepStatus.PLANNED]
        if current:  # the series: from its first occurrence, with its rule...
            sequence = current[-1].sequence
            overrides = [r for r in steps if r.recurrence_id is not None and r.sequence > sequence]
            began = series_start(steps, sequence) or current[-1].due_at
            master = add(current[-1], began)
            if master is None:
                continue
            rule = month_ends_kept(current[-1].rrule or "", clock.to_local(began))
            master.add("rrule", vRecur.from_ical(rule))
            # Times still to come already settled — let go, done or asked early, a place's
            # "not this time" — are left out: the calendar showed them as still to come
            # (nu239, nu243). Those gone by stay, as what happened.
            for row in steps:
                if row.status not in (StepStatus.PLANNED, StepStatus.RESCHEDULED) and (
                    row.recurrence_id is None and row.due_at >= start_of_today
                ):
                    master.add("exdate", row.due_at.astimezone(zone))
            moved: dict[datetime, Step] = {}
            for row in overrides:
                if row.status != StepStatus.RESCHEDULED:
                    moved[row.recurrence_id] = row  # type: ignore[index]  # the latest move
            for original, row in sorted(moved.items()):  # ...and each occurrence moved
                if row.status != StepStatus.PLANNED and row.due_at >= start_of_today:
                    # Moved, then settled before its new time came (nu274): as above.
                    master.add("exdate", original.astimezone(zone))
                    continue
                event = add(row, row.due_at)
                if event is not None:
                    event.add("recurrence-id", original.astimezone(zone))
        else:  # a step of its own (or moved to another time, or left of a series)
            for row in steps:
                if row.status == StepStatus.PLANNED and row.due_at >= start_of_today:
                    add(row, row.due_at)
    dates = session.exec(
        select(PersonDate, Person.name)
        .join(Person, col(Person.id) == PersonDate.person_id)
        .where(col(Person.archived).is_(False))
        .order_by(col(PersonDate.month), col(PersonDate.day), col(PersonDate.id))
    ).all()
    for dated, name in dates:
        calendar.add_component(_date_event(dated, name, stamp, alarm_minutes > 0))
    if vtimezone is not None:
        calendar.subcomponents.insert(0, vtimezone)  # zones before the events that use them
    calendar.add_missing_timezones(*zone_years(first))
    return CalendarFile(bytes(calendar.to_ical()), len(added), len(dates), len(left_out))
