"""Small steps as an iCalendar file: zones, repeats, and series that calendars keep in step."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from dateutil.rrule import rrulestr
from icalendar import Calendar

from planner_tui import clock
from planner_tui.db.engine import Database
from planner_tui.services import calendar as ics
from planner_tui.services import people, steps


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=clock.local_zone())


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
        calendar = Calendar.from_ical(ics.export_ics(session=s))
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"Sunday call (Ana)", "text Ana [b]hi[/b]"}
    call = events["Sunday call (Ana)"]
    assert call["dtstart"].params["TZID"] == "Europe/London"
    assert call["dtstart"].dt.replace(tzinfo=None) == datetime(2026, 11, 29, 18, 0)
    assert call["dtend"].dt - call["dtstart"].dt == timedelta(minutes=30)
    assert call["rrule"]["FREQ"] == ["WEEKLY"] and call["rrule"]["BYDAY"] == ["SU"]
    assert "Cue: after tea" in str(call["description"])
    assert str(call["uid"]) == f"step-{weekly.id}@planner-tui"
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    # Expanded by a calendar app, the weekly call stays at 18:00 into British Summer Time.
    series = rrulestr(call["rrule"].to_ical().decode(), dtstart=call["dtstart"].dt)
    spring = series.after(datetime(2027, 3, 29, tzinfo=UTC))
    assert spring is not None and (spring.hour, spring.utcoffset()) == (18, timedelta(hours=1))
