"""Small steps as an iCalendar file: zones, repeats, and series that calendars keep in step."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import recurring_ical_events
from dateutil.rrule import rrulestr
from icalendar import Calendar
from sqlmodel import col, select

from planner_tui import clock
from planner_tui.db.engine import Database
from planner_tui.db.models import Step
from planner_tui.services import calendar as ics, people, steps


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=clock.local_zone())


def one_series(db: Database, due: str, rule: str) -> Calendar:
    """The calendar file of one repeating step with Ana, from *due* (local time)."""
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        steps.create_step(session=s, data={"person_id": ana, "action": "call",
                          "due_at": local(due), "rrule": rule})  # fmt: skip
    with db.session() as s:
        return Calendar.from_ical(ics.export_ics(session=s, alarm_minutes=15))


def test_ics_export_parses_back_with_zone_repeat_and_only_what_is_still_planned(
    db: Database,
) -> None:
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        weekly = steps.create_step(
            session=s,
            data={"person_id": ana, "action": "Sunday call", "due_at": local("2026-11-29T18:00"),
                  "rrule": "FREQ=WEEKLY;BYDAY=SU", "cue": "after tea", "effort": "small"},
        )  # fmt: skip
        steps.create_step(session=s, data={"person_id": ana, "action": "text Ana [b]hi[/b]",
                          "due_at": local("2026-11-24T09:00"), "effort": "tiny"})  # fmt: skip
        steps.create_step(session=s, data={"person_id": ana, "action": "long past",
                          "due_at": local("2026-11-01T09:00")})  # fmt: skip
        done = steps.create_step(session=s, data={"person_id": ana, "action": "done one",
                                 "due_at": local("2026-11-25T09:00")})  # fmt: skip
        steps.record_outcome(session=s, step_id=done.id, outcome={"status": "skipped"})
    with db.session() as s:
        calendar = Calendar.from_ical(ics.export_ics(session=s, alarm_minutes=15))
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"Sunday call (Ana)", "text Ana [b]hi[/b]"}
    call = events["Sunday call (Ana)"]
    assert call["dtstart"].params["TZID"] == "Europe/London"
    assert call["dtstart"].dt.replace(tzinfo=None) == datetime(2026, 11, 29, 18, 0)
    assert call["dtend"].dt - call["dtstart"].dt == timedelta(minutes=30)
    assert call["rrule"]["FREQ"] == ["WEEKLY"] and call["rrule"]["BYDAY"] == ["SU"]
    assert "Cue: after tea" in str(call["description"])
    with db.session() as s:
        row = s.get(Step, weekly.id)
        assert row is not None and str(call["uid"]) == row.uid
    assert "ana" not in row.uid.lower() and int(call["sequence"]) == 0
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    # Expanded by a calendar app, the weekly call stays at 18:00 into British Summer Time.
    series = rrulestr(call["rrule"].to_ical().decode(), dtstart=call["dtstart"].dt)
    spring = series.after(datetime(2027, 3, 29, tzinfo=UTC))
    assert spring is not None and (spring.hour, spring.utcoffset()) == (18, timedelta(hours=1))


# --------------------------------------------------------------------------- series


def app_occurrences(db: Database, start: datetime, end: datetime) -> set[tuple[str, datetime]]:
    """The app's own view of what happens when: every step still planned (from today on),
    each series' occurrences already recorded before today (those to come, settled early,
    are not still to come: nu239, nu243), and the repeats the app will plan — expanded by
    its own engine (:func:`steps.next_occurrence`), a moved occurrence at its new time."""
    with db.session() as s:
        rows = list(s.exec(select(Step)).all())
    live = {r.uid for r in rows if r.status == "planned" and r.rrule}
    first = {r.uid: r.due_at for r in sorted(rows, key=lambda r: r.due_at, reverse=True) if r.rrule}
    found = set()
    for row in rows:
        if row.status == "rescheduled" and row.rrule:
            continue  # the occurrence is where it was moved to
        settled_early = row.status != "planned" and row.due_at >= start  # moved too (nu274)
        if (row.uid in live and row.status != "rescheduled" and not settled_early) or (
            row.status == "planned" and row.due_at >= start
        ):
            found.add((row.uid, row.due_at))
        if row.status == "planned" and row.rrule:
            due: datetime | None = row.due_at
            while due is not None and due < end:
                found.add((row.uid, due))
                due = steps.next_occurrence(row.rrule, due, first[row.uid])
    return {(uid, when.astimezone(UTC)) for uid, when in found if start <= when < end}


def file_occurrences(data: bytes, start: datetime, end: datetime) -> set[tuple[str, datetime]]:
    """The same, as an independent library (recurring-ical-events) reads the file."""
    events = recurring_ical_events.of(Calendar.from_ical(data)).between(start, end)
    return {(str(e["UID"]), e["DTSTART"].dt.astimezone(UTC)) for e in events}


def components(data: bytes) -> dict[tuple[str, str], int]:
    """Each VEVENT's (UID, RECURRENCE-ID) and its SEQUENCE; a key twice would be a duplicate."""
    keys: dict[tuple[str, str], int] = {}
    for event in Calendar.from_ical(data).walk("VEVENT"):
        recurrence = event.get("RECURRENCE-ID")
        key = (str(event["UID"]), recurrence.dt.isoformat() if recurrence else "")
        assert key not in keys, f"{key} twice"
        keys[key] = int(event.get("SEQUENCE", 0))
    return keys


def test_a_series_keeps_its_uid_and_a_moved_occurrence_overrides_it(db: Database) -> None:
    """Monday 23 Nov 2026, 20:00. A weekly Thursday 18:00 call, a moved occurrence, outcomes
    recorded, a follow-up and a one-off: the file holds one series, one override, and its
    occurrences over the next year are the app's own, exported again after more outcomes
    with the same UIDs and no duplicates."""
    start = datetime.combine(clock.today(), datetime.min.time(), clock.local_zone())
    end = start + timedelta(days=365)
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana Silva"}).id
        weekly = steps.create_step(
            session=s,
            data={"person_id": ana, "action": "call", "due_at": local("2026-11-19T18:00"),
                  "rrule": "FREQ=WEEKLY;BYDAY=TH"},
        )  # fmt: skip
        steps.create_step(session=s, data={"person_id": ana, "action": "coffee",
                          "due_at": local("2026-12-02T10:00")})  # fmt: skip
        # Last Thursday's call was done (the series plans 26 Nov)...
        nov26 = steps.record_outcome(session=s, step_id=weekly.id,
                                     outcome={"status": "done"}).following[0]  # fmt: skip
    with db.session() as s:
        first = ics.export_ics(session=s, alarm_minutes=15)
    assert file_occurrences(first, start, end) == app_occurrences(db, start, end)
    with db.write() as s:
        # ...26 Nov moves to Friday 27th (the series stays on Thursdays: 3 Dec planned)...
        moved, dec3 = steps.record_outcome(
            session=s, step_id=nov26.id,
            outcome={"status": "rescheduled", "new_due_at": local("2026-11-27T19:00")},
        ).following  # fmt: skip
    with db.session() as s:
        second = ics.export_ics(session=s, alarm_minutes=15)
    assert file_occurrences(second, start, end) == app_occurrences(db, start, end)
    with db.write() as s:
        # ...and 3 Dec gets no reply, with a follow-up on the 5th (a step of its own).
        steps.record_outcome(
            session=s, step_id=dec3.id,
            outcome={"status": "no_reply", "new_due_at": local("2026-12-05T11:00")},
        )  # fmt: skip
    with db.session() as s:
        third = ics.export_ics(session=s, alarm_minutes=15)
        series_uid = s.get(Step, weekly.id).uid  # type: ignore[union-attr]
        repeating = s.exec(select(Step).where(col(Step.rrule).is_not(None))).all()
        assert {row.uid for row in repeating} == {series_uid}

    assert file_occurrences(third, start, end) == app_occurrences(db, start, end)

    files = [first, second, third]

    one, two, three = (components(data) for data in files)
    assert set(one) <= set(two) <= set(three)  # the same events, updated, never new copies
    assert all(three[key] >= two.get(key, 0) >= one.get(key, 0) for key in three)
    master = (series_uid, "")
    override = (series_uid, local("2026-11-26T18:00").isoformat())
    assert one[master] == two[master] == three[master] == 0
    assert override not in one and two[override] == three[override] == 1
    assert len([key for key in three if key[0] == series_uid]) == 2
    assert len(three) == 4  # the series, its moved occurrence, the coffee, the follow-up

    # Read together, as a calendar that imported each file in turn keeps them: one series.
    merged: dict[tuple[str, str], object] = {}
    for data in files:
        for event in Calendar.from_ical(data).walk("VEVENT"):
            recurrence = event.get("RECURRENCE-ID")
            merged[(str(event["UID"]), recurrence.dt.isoformat() if recurrence else "")] = event
    calendar = Calendar.new(prodid="-//test//EN")
    for event in merged.values():
        calendar.add_component(event)
    assert file_occurrences(calendar.to_ical(), start, end) == app_occurrences(db, start, end)

    moved_event = next(
        e for e in Calendar.from_ical(third).walk("VEVENT") if e.get("RECURRENCE-ID")
    )
    assert moved_event["DTSTART"].dt.replace(tzinfo=None) == datetime(2026, 11, 27, 19, 0)
    assert moved_event["RECURRENCE-ID"].params["TZID"] == "Europe/London"
    assert moved.due_at == local("2026-11-27T19:00")
    stamps = {e["DTSTAMP"].dt for e in Calendar.from_ical(third).walk("VEVENT")}
    assert stamps == {clock.utcnow()} and clock.utcnow().tzinfo == UTC  # the export's time
    assert "UID" not in Calendar.from_ical(third)  # the calendar itself: none, not a new one
    occurrences = sorted(w for u, w in file_occurrences(third, start, end) if u == series_uid)
    assert occurrences[0] == local("2026-11-27T19:00").astimezone(UTC)  # not the 26th
    # 3 Dec's no reply, recorded on 23 Nov, is no longer still to come (nu239, nu243)
    assert occurrences[1] == local("2026-12-10T18:00").astimezone(UTC)
    assert len(occurrences) == 51  # every Thursday to 18 Nov 2027, one moved, one settled


@pytest.mark.parametrize(
    ("written", "tzid"),
    [
        ("Europe/London", "Europe/London"),
        (":Europe/London", "Europe/London"),
        (":/usr/share/zoneinfo/Europe/London", "Europe/London"),
        ("GMT0BST,M3.5.0/1,M10.5.0", "Local time GMT/BST"),
    ],
)
def test_a_weekly_1800_stays_at_1800_across_the_clock_changes_however_tz_is_written(
    db: Database, monkeypatch: pytest.MonkeyPatch, written: str, tzid: str
) -> None:
    monkeypatch.setenv("TZ", written)
    calendar = one_series(db, "2026-11-26T18:00", "FREQ=WEEKLY")
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == [tzid]
    (event,) = calendar.walk("VEVENT")
    assert event["DTSTART"].params["TZID"] == tzid
    start = datetime(2026, 11, 23, tzinfo=UTC)
    found = recurring_ical_events.of(calendar).between(start, start + timedelta(days=365))
    times = [e["DTSTART"].dt for e in found]
    assert len(times) == 52
    assert {(t.hour, t.minute) for t in times} == {(18, 0)}  # wall clock, summer and winter
    utc_hours = {t.date(): t.astimezone(UTC).hour for t in times}
    assert utc_hours[date(2027, 3, 25)] == 18 and utc_hours[date(2027, 4, 1)] == 17
    assert utc_hours[date(2027, 10, 28)] == 17 and utc_hours[date(2027, 11, 4)] == 18


@pytest.mark.parametrize("written", ["Europe/Lodnon", "Mars/Olympus", "Lodnon", ":Lodnon"])
def test_a_tz_that_names_no_zone_gives_the_calendar_utc_as_said(
    db: Database, monkeypatch: pytest.MonkeyPatch, written: str
) -> None:
    """A misspelt TZ is said to leave times in UTC; the calendar file had a zone of the
    system's guess instead, "Local time Europe", said to hold until 2056 (nu282)."""
    monkeypatch.setenv("TZ", written)
    assert clock.zone_problem() is not None
    calendar = one_series(db, "2026-11-26T18:00", "FREQ=WEEKLY")
    assert calendar.walk("VTIMEZONE") == []
    (event,) = calendar.walk("VEVENT")
    assert event["DTSTART"].to_ical() == b"20261126T180000Z"


def test_zone_name_reads_tz_however_it_is_written(monkeypatch: pytest.MonkeyPatch) -> None:
    for written, name in (
        ("Europe/Lisbon", "Europe/Lisbon"),
        (":America/New_York", "America/New_York"),
        (":/usr/share/zoneinfo/Europe/London", "Europe/London"),
        ("/usr/share/zoneinfo/posix/Europe/Paris", "Europe/Paris"),
        ("GMT0BST,M3.5.0/1,M10.5.0", None),
        ("Not/AZone", None),
    ):
        monkeypatch.setenv("TZ", written)
        assert clock.zone_name() == name, written


@pytest.mark.parametrize(
    ("written", "hours"),
    [("GMT+5", -5), ("UTC+3", -3), ("UTC-14", 14), ("EST5EDT", -5), ("XYZ-1", 1),
     ("CET-1CEST,M3.5.0,M10.5.0/3", 1), ("Etc/GMT+5", -5), ("Europe/London", 0)],
)  # fmt: skip
def test_a_posix_zone_is_read_as_the_system_reads_it(
    monkeypatch: pytest.MonkeyPatch, written: str, hours: int
) -> None:
    """TZ=GMT+5 is five hours behind UTC, as `date` says (dateutil alone read it ahead, and
    every time shown was ten hours off)."""
    monkeypatch.setenv("TZ", written)
    winter = datetime(2026, 12, 2, 12, tzinfo=UTC)
    assert winter.astimezone(clock.local_zone()).utcoffset() == timedelta(hours=hours)


@pytest.mark.parametrize("hours", range(-14, 13))
def test_every_gmt_offset_agrees_with_the_zone_database(
    monkeypatch: pytest.MonkeyPatch, hours: int
) -> None:
    """TZ=GMT±h read as the zone database's own Etc/GMT±h (the same POSIX sign), for every
    offset it has."""
    from zoneinfo import ZoneInfo

    written = f"GMT{hours:+d}" if hours else "GMT0"
    monkeypatch.setenv("TZ", written)
    winter = datetime(2026, 12, 2, 12, tzinfo=UTC)
    expected = winter.astimezone(ZoneInfo(f"Etc/{written.replace('GMT0', 'GMT')}"))
    assert winter.astimezone(clock.local_zone()).utcoffset() == expected.utcoffset()


def test_a_rule_with_a_count_ends_in_the_app_where_it_ends_in_the_calendar(db: Database) -> None:
    """COUNT=3 counts from the series' first occurrence, whatever outcomes came between."""
    start = datetime.combine(clock.today(), datetime.min.time(), clock.local_zone())
    end = start + timedelta(days=365)
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        step = steps.create_step(
            session=s,
            data={"person_id": ana, "action": "walk", "due_at": local("2026-11-24T18:00"),
                  "rrule": "FREQ=WEEKLY;COUNT=3"},
        )  # fmt: skip
        second = steps.record_outcome(session=s, step_id=step.id, outcome={"status": "done"})
    with db.session() as s:
        data = ics.export_ics(session=s, alarm_minutes=15)
    # 24 Nov done the day before: left out as settled; 1 and 8 Dec still to come
    assert len(file_occurrences(data, start, end)) == 2
    assert file_occurrences(data, start, end) == app_occurrences(db, start, end)
    with db.write() as s:
        (third,) = steps.record_outcome(
            session=s, step_id=second.following[0].id, outcome={"status": "skipped"}
        ).following
        assert third.due_at == local("2026-12-08T18:00")
        last = steps.record_outcome(session=s, step_id=third.id, outcome={"status": "done"})
        assert last.following == []  # the third was the last


def test_times_of_a_series_settled_before_they_come_are_not_still_to_come(db: Database) -> None:
    """A weekly choir, "not this time" for Friday with Saturday instead, and the Friday after
    let go: the calendar still showed both Fridays, and Saturday beside the first (nu239,
    nu243). They are left out of the series; what the app plans is what the file holds."""
    with db.write() as s:
        choir = people.create_context(session=s, data={"name": "Choir"}).id
        weekly = steps.create_step(session=s, data={
            "context_id": choir, "action": "choir", "due_at": local("2026-11-27T19:00"),
            "rrule": "FREQ=WEEKLY"})  # fmt: skip
        _instead, following = steps.record_outcome(session=s, step_id=weekly.id, outcome={
            "status": "declined", "new_due_at": local("2026-11-28T19:00")}).following  # fmt: skip
        steps.record_outcome(session=s, step_id=following.id, outcome={"status": "skipped"})
    still_to_come(db, [f"2026-{day}T19:00" for day in ("11-28", "12-11", "12-18")])


def still_to_come(db: Database, first: list[str]) -> ics.CalendarFile:
    """The calendar file, whose times in the next 60 days begin with *first* (local times)
    and are the app's own, as :func:`app_occurrences` reads them."""
    start = datetime.combine(clock.today(), datetime.min.time(), clock.local_zone())
    end = start + timedelta(days=60)
    with db.session() as s:
        written = ics.export(session=s, alarm_minutes=0)
    found = sorted(when for _, when in file_occurrences(written.data, start, end))
    assert found[: len(first)] == [local(day).astimezone(UTC) for day in first]
    assert file_occurrences(written.data, start, end) == app_occurrences(db, start, end)
    return written


def test_a_moved_time_of_a_series_settled_before_it_comes_is_not_still_to_come(
    db: Database,
) -> None:
    """nu274: a weekly call's first time moved from Thursday to Saturday, just this once,
    and done already: the file kept Saturday as an override of the series (and its count
    of steps one too many), and Thursday's time in the rule."""
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        weekly = steps.create_step(session=s, data={
            "person_id": ana, "action": "call", "due_at": local("2026-11-26T18:00"),
            "rrule": "FREQ=WEEKLY"})  # fmt: skip
        moved, _goes_on = steps.record_outcome(session=s, step_id=weekly.id, outcome={
            "status": "rescheduled", "new_due_at": local("2026-11-28T11:00")}).following  # fmt: skip
        steps.record_outcome(session=s, step_id=moved.id, outcome={"status": "done"})
    written = still_to_come(db, ["2026-12-03T18:00", "2026-12-10T18:00"])
    assert written.steps == 1  # the series; not the time done already


def test_a_step_moved_to_another_time_is_the_same_event_updated(db: Database) -> None:
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        step = steps.create_step(session=s, data={"person_id": ana, "action": "coffee",
                                 "due_at": local("2026-11-26T10:00")})  # fmt: skip
    with db.session() as s:
        before = components(ics.export_ics(session=s, alarm_minutes=15))
    with db.write() as s:
        steps.record_outcome(
            session=s, step_id=step.id,
            outcome={"status": "rescheduled", "new_due_at": local("2026-11-28T11:00")},
        )  # fmt: skip
    with db.session() as s:
        data = ics.export_ics(session=s, alarm_minutes=15)
    after = components(data)
    assert list(before) == list(after) and list(after.values()) == [1]  # one UID, SEQUENCE 1
    (event,) = Calendar.from_ical(data).walk("VEVENT")
    assert "RECURRENCE-ID" not in event and "RRULE" not in event
    assert event["DTSTART"].dt == local("2026-11-28T11:00")


# --------------------------------------------------------------------------- alarms and dates


@pytest.mark.parametrize("minutes", [15, 90, 0])
def test_every_step_carries_an_alarm_the_set_minutes_before(db: Database, minutes: int) -> None:
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        steps.create_step(session=s, data={"person_id": ana, "action": "call",
                          "due_at": local("2026-11-26T18:00"), "rrule": "FREQ=WEEKLY"})  # fmt: skip
        steps.create_step(session=s, data={"person_id": ana, "action": "tea",
                          "due_at": local("2026-11-24T10:00")})  # fmt: skip
    with db.session() as s:
        data = ics.export_ics(session=s, alarm_minutes=minutes)
    calendar = Calendar.from_ical(data)
    for event in calendar.walk("VEVENT"):
        alarms = event.walk("VALARM")
        if not minutes:
            assert alarms == []
            continue
        (alarm,) = alarms
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm["TRIGGER"].dt == -timedelta(minutes=minutes)
        assert str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])
    # A calendar app expanding the series sees the alarm on every occurrence.
    start = datetime(2026, 11, 23, tzinfo=UTC)
    found = recurring_ical_events.of(calendar).between(start, start + timedelta(days=30))
    assert len(found) == 5  # the tea, and four Thursday calls
    assert all(len(e.walk("VALARM")) == (1 if minutes else 0) for e in found)


def test_the_default_alarm_is_fifteen_minutes(db: Database) -> None:
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        steps.create_step(session=s, data={"person_id": ana, "action": "call",
                          "due_at": local("2026-11-26T18:00")})  # fmt: skip
    with db.session() as s:
        (event,) = Calendar.from_ical(ics.export_ics(session=s, alarm_minutes=15)).walk("VEVENT")
    assert event.walk("VALARM")[0]["TRIGGER"].dt == -timedelta(minutes=15)


def test_dates_are_yearly_all_day_events_that_keep_their_uid(db: Database) -> None:
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana [b]Silva[/b]"}).id
        leap = people.create_person(session=s, data={"name": "Lee"}).id
        gone = people.create_person(session=s, data={"name": "Gone"}).id
        people.update_person(session=s, person_id=gone, data={"archived": True})
        for person, label, month, day, year in (
            (ana, "birthday", 4, 12, 1985),
            (ana, "moved to Leeds", 5, 1, None),
            (leap, "birthday", 2, 29, None),
            (gone, "birthday", 3, 3, None),
        ):
            people.add_date(session=s, data={"person_id": person, "label": label,
                            "month": month, "day": day, "year": year})  # fmt: skip
    with db.session() as s:
        data = ics.export_ics(session=s, alarm_minutes=15)
        again = ics.export_ics(session=s, alarm_minutes=15)
    calendar = Calendar.from_ical(data)
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {
        "Ana [b]Silva[/b] — birthday",
        "Ana [b]Silva[/b] — moved to Leeds",
        "Lee — birthday",
    }
    birthday = events["Ana [b]Silva[/b] — birthday"]
    assert birthday["DTSTART"].dt == date(1985, 4, 12)  # all day, from its own year on
    assert events["Ana [b]Silva[/b] — moved to Leeds"]["DTSTART"].dt == date(2026, 5, 1)
    assert birthday["RRULE"]["FREQ"] == ["YEARLY"] and str(birthday["TRANSP"]) == "TRANSPARENT"
    assert str(birthday["DESCRIPTION"]) == "Since 1985"
    assert birthday.walk("VALARM")[0]["TRIGGER"].dt == timedelta(hours=9)  # 09:00 on the day
    assert "ana" not in str(birthday["UID"]).lower()
    assert [str(e["UID"]) for e in Calendar.from_ical(again).walk("VEVENT")] == [
        str(e["UID"]) for e in calendar.walk("VEVENT")
    ]
    # Read by a calendar app: every year, and 29 February on the last day of February.
    start, end = date(2027, 1, 1), date(2029, 1, 1)
    found = {(str(e["SUMMARY"]), e["DTSTART"].dt) for e in recurring_ical_events.of(calendar).between(start, end)}  # fmt: skip
    assert found == {
        ("Ana [b]Silva[/b] — birthday", date(2027, 4, 12)),
        ("Ana [b]Silva[/b] — birthday", date(2028, 4, 12)),
        ("Ana [b]Silva[/b] — moved to Leeds", date(2027, 5, 1)),
        ("Ana [b]Silva[/b] — moved to Leeds", date(2028, 5, 1)),
        ("Lee — birthday", date(2027, 2, 28)),
        ("Lee — birthday", date(2028, 2, 29)),
    }
    with db.session() as s:
        made = ics.export(session=s, alarm_minutes=15)
    assert (made.steps, made.dates) == (0, 3)


@pytest.mark.parametrize(
    ("year", "month", "day", "first"),
    [
        (2027, 1, 1, date(2027, 1, 1)),  # was from 1 Jan 2026, a year before it happens
        (2011, 6, 3, date(2011, 6, 3)),  # an anniversary comes round from 2011
        (9999, 12, 31, date(9999, 12, 31)),
        (1, 1, 1, date(1, 1, 1)),
        (2024, 2, 29, date(2024, 2, 29)),
    ],
)
def test_a_date_with_a_year_comes_round_from_that_year(
    db: Database, year: int, month: int, day: int, first: date
) -> None:
    with db.write() as s:
        tom = people.create_person(session=s, data={"name": "Tom"}).id
        people.add_date(session=s, data={"person_id": tom, "label": "y", "month": month,
                        "day": day, "year": year})  # fmt: skip
    with db.session() as s:
        (event,) = Calendar.from_ical(ics.export_ics(session=s, alarm_minutes=15)).walk("VEVENT")
    assert event["DTSTART"].dt == first and event["RRULE"]["FREQ"] == ["YEARLY"]
    if 1 < year < 9999:  # nothing before it; the next year it comes round again
        calendar = Calendar.from_ical(event.to_ical())
        seen = [e["DTSTART"].dt for e in recurring_ical_events.of(calendar).between(
                date(year - 1, 1, 1), date(year + 2, 1, 1))]  # fmt: skip
        assert seen[0] == first and len(seen) == 2


def test_a_step_at_the_end_of_the_calendar_is_left_out_and_said_not_a_crash(db: Database) -> None:
    # Planned before planning refused the calendar's last day (or written by another tool).
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        steps.create_step(session=s, data={"person_id": ana, "action": "call",
                          "due_at": local("2026-11-24T09:00")})  # fmt: skip
        for action, rule in (("last call", None), ("last weekly", "FREQ=WEEKLY")):
            step = steps.create_step(session=s, data={"person_id": ana, "action": action,
                                     "due_at": local("2026-11-25T09:00"), "rrule": rule})  # fmt: skip
            s.get(Step, step.id).due_at = datetime(9999, 12, 31, 23, 59, tzinfo=UTC)  # type: ignore[union-attr]
    with db.session() as s:
        made = ics.export(session=s, alarm_minutes=15)
    summaries = [str(e["summary"]) for e in Calendar.from_ical(made.data).walk("VEVENT")]
    assert summaries == ["call (Ana)"]
    assert (made.steps, made.left_out) == (1, 2)
    assert made.left_out_note() is not None and "2 steps" in made.left_out_note()  # type: ignore[operator]


def test_a_cue_or_backup_with_control_characters_is_refused_and_never_reaches_a_calendar(
    db: Database,
) -> None:
    """A cue holding an escape sequence was saved, and written raw into the .ics file for
    the calendar app to show; it is refused as a name is, when new or changed. One stored
    before that reaches the calendar as visible symbols."""
    from planner_tui.errors import InvalidInput
    from planner_tui.services import corrections

    when = local("2026-11-24T09:00")
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        for field in ("cue", "backup"):
            with pytest.raises(InvalidInput, match="can't contain control characters"):
                steps.create_step(session=s, data={"person_id": ana, "action": "tea",
                                  "due_at": when, field: "after \x1b[31mlunch"})  # fmt: skip
        step = steps.create_step(session=s, data={"person_id": ana, "action": "tea",
                                 "due_at": when, "cue": "after lunch"})  # fmt: skip
        with pytest.raises(InvalidInput, match="can't contain control characters"):
            corrections.update_step(session=s, step_id=step.id, data={"backup": "a\x07b"})
    with db.session() as s:
        assert [(r.cue, r.backup) for r in s.exec(select(Step)).all()] == [("after lunch", "")]
    with db.write() as s:  # as one stored before they were refused
        row = s.get(Step, step.id)
        assert row is not None
        row.cue = "after \x1b]0;pwned\x07lunch"
    with db.session() as s:
        data = ics.export_ics(session=s, alarm_minutes=15)
    assert b"\x1b" not in data and b"\x07" not in data
    [event] = Calendar.from_ical(data).walk("VEVENT")
    assert "Cue: after ␛]0;pwned␇lunch" in str(event["description"])


def test_a_monthly_step_on_the_31st_comes_round_on_a_shorter_months_last_day_in_calendars(
    db: Database,
) -> None:
    """The calendar app reading the file finds the step where the app puts it: on a month's
    last day where there is no 31st (RFC 5545 leaves those months out, nu228)."""
    calendar = one_series(db, "2026-12-31T18:00", "FREQ=MONTHLY")
    start = datetime(2026, 12, 1, tzinfo=UTC)
    found = recurring_ical_events.of(calendar).between(start, start + timedelta(days=160))
    assert [e["DTSTART"].dt.date() for e in found] == [
        date(2026, 12, 31), date(2027, 1, 31), date(2027, 2, 28), date(2027, 3, 31),
        date(2027, 4, 30),
    ]  # fmt: skip
