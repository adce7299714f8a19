"""The day's rules, written once (planner_tui.daily): the services read them on both
engines, and `planner-tui today`'s standard-library reader gives the same answer as the
services on a whole sample life."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path

import pytest

from planner_tui import clock, daily, words
from planner_tui.db.engine import Database, Location, open_database
from planner_tui.services import (
    demo,
    drafts,
    journal,
    people,
    review,
    steps,
    today as services_today,
)
from tests.conftest import FROZEN


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=clock.local_zone())


def seed(db: Database) -> dict[str, int]:
    """Monday 23 Nov 2026, 20:00: a step today, one from Friday not done yet, one tomorrow,
    one already done; Bo past his rhythm, Ana within hers, Cy archived; dates around."""
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana Silva", "cadence_days": 30})
        bo = people.create_person(session=s, data={"name": "Bo", "cadence_days": 7})
        cy = people.create_person(session=s, data={"name": "Cy", "cadence_days": 7})
        people.update_person(session=s, person_id=cy.id, data={"archived": True})
        people.log_interaction(session=s, data={"person_ids": [ana.id, bo.id],
                               "occurred_at": local("2026-11-01T12:00")})  # fmt: skip
        journal.save_entry(session=s, data={"day": date(2026, 11, 20), "body": "tea with Ana",
                           "person_ids": [ana.id], "contact_person_ids": [ana.id]})  # fmt: skip
        today = steps.create_step(session=s, data={
            "person_id": ana.id, "action": "send Ana a short message",
            "due_at": local("2026-11-23T13:00"), "cue": "when I finish lunch"})  # fmt: skip
        friday = steps.create_step(session=s, data={"person_id": bo.id, "action": "call",
                                   "due_at": local("2026-11-20T18:00")})  # fmt: skip
        steps.create_step(session=s, data={"person_id": bo.id, "action": "walk",
                          "due_at": local("2026-11-24T09:00")})  # fmt: skip
        done = steps.create_step(session=s, data={"person_id": bo.id, "action": "tea",
                                 "due_at": local("2026-11-23T10:00")})  # fmt: skip
        steps.record_outcome(session=s, step_id=done.id, outcome={"status": "skipped"})
        for person, label, month, day_, year in (
            (ana.id, "birthday", 11, 29, 1990),  # in 6 days: shown
            (bo.id, "moved to Leeds", 11, 30, None),  # in 7 days: not shown
            (bo.id, "anniversary", 11, 23, None),  # today
            (cy.id, "birthday", 11, 24, None),  # archived: not shown
        ):
            people.add_date(session=s, data={"person_id": person, "label": label,
                            "month": month, "day": day_, "year": year})  # fmt: skip
        review.save_month_notes(session=s, data={"month": "2026-10",
                                 "intentions": ["walk on Sundays"]})  # fmt: skip
    return {"ana": ana.id, "bo": bo.id, "today": today.id, "friday": friday.id}


def test_the_services_answer_by_the_rules_on_every_engine(db: Database) -> None:
    ids = seed(db)
    with db.session() as s:
        found = services_today.summary(session=s)
    assert [(step.id, step.cue) for step in found.steps] == [
        (ids["friday"], ""),
        (ids["today"], "when I finish lunch"),
    ]
    assert found.reach is None  # Bo is past his rhythm, but Friday's call is listed
    assert not found.checked_in and found.intentions == ["walk on Sundays"]
    assert [(d.person, d.label, d.on, d.year, d.planned) for d in found.dates] == [
        ("Bo", "anniversary", date(2026, 11, 23), None, ""),  # Friday's call is before today
        ("Ana Silva", "birthday", date(2026, 11, 29), 1990, ""),  # her step today: early
    ]
    shown = found.to_json()
    assert [step["not_yet"] for step in shown["steps"]] == [True, False]
    assert shown["dates"][0]["on"] == "2026-11-23"
    with db.write() as s:
        journal.save_entry(session=s, data={"day": date(2026, 11, 23), "body": "ok"})
        people.snooze_person(session=s, person_id=ids["bo"], days=14)
    with db.session() as s:
        later = services_today.summary(session=s)
    assert later.checked_in


def test_a_date_with_a_step_planned_for_it_says_so_on_every_engine(db: Database) -> None:
    """A step still planned with them for the day or the evening before (a routine one that
    morning is about something else) sees the date to — or,
    with none still planned, one done (Today offered the date's step again once its step
    was done); other people's steps, and steps on other days, don't."""
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        bo = people.create_person(session=s, data={"name": "Bo"}).id
        cy = people.create_person(session=s, data={"name": "Cy"}).id
        di = people.create_person(session=s, data={"name": "Di"}).id
        em = people.create_person(session=s, data={"name": "Em"}).id
        for person, label, day_ in ((ana, "birthday", 25), (ana, "anniversary", 28),
                                    (em, "birthday", 26),
                                    (bo, "birthday", 26), (bo, "name day", 30),
                                    (cy, "birthday", 24), (di, "birthday", 24)):  # fmt: skip
            people.add_date(session=s, data={"person_id": person, "label": label,
                            "month": 11, "day": day_})  # fmt: skip
        for person, action, when in ((ana, "call Ana", "2026-11-23T21:00"),  # today: too early
                                     (bo, "done already", "2026-11-25T09:00"),
                                     (bo, "card for Ana's day", "2026-11-25T18:00"),  # Bo's
                                     (ana, "a routine voice note", "2026-11-27T09:00"),
                                     (ana, "message on the eve", "2026-11-27T23:30"),
                                     (di, "done already the eve", "2026-11-23T20:00"),
                                     (ana, "too late", "2026-11-29T00:30"),
                                     (bo, "early on the day", "2026-11-30T00:00"),
                                     (cy, "done already for Cy", "2026-11-24T09:00"),
                                     # done three days early: not for her birthday (nu160)
                                     (em, "done already, a walk", "2026-11-26T09:00"),
                                     # …but a message that names it is, sent early or not
                                     (ana, "done already: a Birthday message", "2026-11-25T10:00")):  # fmt: skip
            step = steps.create_step(session=s, data={"person_id": person, "action": action,
                                     "due_at": local(when)})  # fmt: skip
            if action.startswith("done already"):
                steps.record_outcome(session=s, step_id=step.id, outcome={"status": "done"})
    with db.session() as s:
        found = people.upcoming_dates(session=s, today=date(2026, 11, 23), within=8)
    assert [(d.person, d.label, d.planned, d.done) for d in found] == [
        ("Cy", "birthday", "done already for Cy", True),  # 24 Nov: seen to, done
        ("Di", "birthday", "done already the eve", True),  # 24 Nov: done the evening before
        ("Ana", "birthday", "done already: a Birthday message", True),  # 25 Nov, sent early
        ("Bo", "birthday", "card for Ana's day", False),  # 26 Nov: still planned, first
        ("Em", "birthday", "", False),  # 26 Nov: the walk due that day was done before its eve
        ("Ana", "anniversary", "message on the eve", False),  # 28 Nov
        ("Bo", "name day", "early on the day", False),  # 30 Nov, at midnight: on the day
    ]
    # On the day itself, a message sent the evening before still sees to it (it was
    # offered again: the evening before was yesterday, before the steps read).
    with db.session() as s:
        found = people.upcoming_dates(session=s, today=date(2026, 11, 24), within=1)
    assert [(d.person, d.planned, d.done) for d in found] == [
        ("Cy", "done already for Cy", True), ("Di", "done already the eve", True)]  # fmt: skip


def test_a_date_whose_message_waits_for_an_answer_is_seen_to(db: Database) -> None:
    """A birthday message sent with no reply yet was offered again on Today, as if never
    sent (nu280): taken and waiting on them (no reply yet, or not now), the date says so.
    A follow-up still planned says that first."""
    with db.write() as s:
        ids = {name: people.create_person(session=s, data={"name": name}).id
               for name in ("Ana", "Bo", "Cy")}  # fmt: skip
        for person in ids.values():
            people.add_date(session=s, data={"person_id": person, "label": "birthday",
                            "month": 11, "day": 25})  # fmt: skip
        for name, status in (("Ana", "no_reply"), ("Bo", "declined"), ("Cy", "no_reply")):
            step = steps.create_step(session=s, data={"person_id": ids[name],
                                     "action": f"send {name} a birthday message",
                                     "due_at": local("2026-11-25T10:00")})  # fmt: skip
            steps.record_outcome(session=s, step_id=step.id, outcome={"status": status})
        steps.create_step(session=s, data={"person_id": ids["Cy"], "action": "call Cy",
                          "due_at": local("2026-11-25T19:00")})  # fmt: skip
    with db.session() as s:
        found = people.upcoming_dates(session=s, today=date(2026, 11, 25), within=1)
    assert [words.date_seen_to(d.planned, d.done, d.reached) for d in found] == [
        "reached out: send Ana a birthday message",
        "reached out: send Bo a birthday message",
        "planned: call Cy",
    ]


def test_the_quick_reader_gives_the_services_answer_on_a_sample_life(
    tmp_path: Path, sqlite_template: Path
) -> None:
    shutil.copy(sqlite_template, tmp_path / "planner.db")
    database = open_database(Location(f"sqlite:///{tmp_path / 'planner.db'}", tmp_path))
    try:
        with database.write() as s:
            demo.generate(session=s, years=1, seed=5)
        with database.write() as s:  # what the demo leaves out: dates and cues
            for n, person in enumerate(people.list_people(session=s)):
                people.add_date(session=s, data={"person_id": person.id, "label": "birthday",
                                "month": 11, "day": 20 + n % 10})  # fmt: skip
                if n % 8 == 0:  # an eighth with no step: one of them is suggested
                    continue
                steps.create_step(session=s, data={"person_id": person.id, "action": "a note",
                                  "due_at": local("2026-11-23T21:00") - timedelta(days=n % 3),
                                  "cue": f"after tea {n}"})  # fmt: skip
        for day in (date(2026, 11, 23), date(2026, 11, 26), date(2027, 2, 28)):
            with database.session() as s:
                expected = services_today.summary(session=s, today=day)
            quick = daily.summary_file(tmp_path / "planner.db", today=day)
            assert quick == expected
            assert expected.reach is not None
            if day.year == 2026:  # the sample life runs up to November 2026
                assert expected.steps and expected.dates and expected.intentions
    finally:
        database.dispose()


def test_todays_facts_are_the_services_answers_on_every_engine_and_on_the_quick_path(
    db: Database, tmp_path: Path
) -> None:
    """The Today view reads its facts by the day's rules (on the standard library's
    connection when it can, else the session's): the same answers the services give, on a
    sample life, on every engine."""
    with db.write() as s:
        demo.generate(session=s, years=1, seed=7)
        for n, person in enumerate(people.list_people(session=s)[:7]):  # the demo plans none
            steps.create_step(session=s, data={"person_id": person.id, "action": f"note {n}",
                              "due_at": local("2026-11-23T21:00") + timedelta(days=n)})  # fmt: skip
        for resting in people.drifting_people(session=s)[:1]:  # past it, reminders resting
            people.snooze_person(session=s, person_id=resting.id, days=14)
        first = steps.due_steps(session=s)[0].id  # done this evening: a step this week
        steps.record_outcome(session=s, step_id=first, outcome={"status": "done"})
    for day in (date(2026, 11, 23), date(2026, 11, 26), date(2027, 1, 4)):
        monday = day - timedelta(days=day.weekday())
        week = people.day_window(monday, day + timedelta(days=1))
        tomorrow = people.day_window(day, day + timedelta(days=1))[1]
        with db.session() as s:
            facts = services_today.facts(session=s, today=day, coming=5)
            due = steps.due_steps(session=s, today=day)
            coming = steps.list_steps(session=s, upcoming=True, start=tomorrow, limit=5)
            steps_planned = steps.list_steps(session=s, upcoming=True, limit=None)
            drifting = people.drifting_people(session=s, today=day)
            everyone = people.list_people(session=s, today=day)
            summary = services_today.summary(session=s, today=day)
            everyone_steps = steps.list_steps(session=s, upcoming=False, limit=None)
            done = [  # taken: you reached out, whatever they said
                step.id
                for step in everyone_steps
                if step.status in ("done", "declined", "no_reply")
                and step.resolved_at
                and week[0] <= step.resolved_at < week[1]
            ]
            anyone = bool(people.list_people(session=s, include_archived=True))
        assert [(d.id, d.person, d.action, d.due_at, d.channel, d.rrule) for d in facts.due] == [
            (d.id, d.person, d.action, d.due_at, d.channel, d.rrule) for d in due
        ]
        assert facts.due == summary.steps
        assert [(d.id, d.due_at) for d in facts.coming] == [(d.id, d.due_at) for d in coming]
        assert [(r.id, r.last_contact, r.days_past) for r in facts.drifting] == [
            (p.id, p.last_contact, p.drifting_days) for p in drifting
        ]
        reach = daily.not_stepped(facts.drifting, facts.stepped)
        assert {r.id for r in facts.resting} == {p.id for p in everyone if p.resting_past}
        given_room = {  # a "not now" or no reply in the last week (nu221)
            step.person_id
            for step in everyone_steps
            if step.status in ("declined", "no_reply")
            and step.resolved_at
            and step.resolved_at >= daily.day_window(day - timedelta(days=6), day)[0]
        }
        assert facts.stepped == {s.person_id for s in steps_planned} | given_room - {None}
        assert reach[:1] == ([summary.reach] if summary.reach else [])
        assert (facts.checked_in, facts.intentions, facts.dates) == (
            summary.checked_in, summary.intentions, summary.dates,
        )  # fmt: skip
        assert (facts.steps_this_week, facts.anyone) == (len(done), anyone)
        if day == date(2026, 11, 23):  # the sample life runs up to November 2026
            assert facts.due and facts.coming and facts.drifting and facts.moment
            assert facts.resting
            assert facts.steps_this_week
        if db.location.sqlite_path is not None:
            quick = partial(daily.today_facts, today=day, coming=5)
            assert daily.read_file(db.location.sqlite_path, quick) == facts


def test_the_quick_reader_leaves_other_files_to_the_full_path(
    tmp_path: Path, sqlite_template: Path
) -> None:
    today = date(2026, 11, 23)
    (tmp_path / "not.db").write_text("hello")
    assert daily.summary_file(tmp_path / "not.db", today=today) is None
    assert daily.summary_file(tmp_path / "missing.db", today=today) is None
    older = tmp_path / "older.db"
    shutil.copy(sqlite_template, older)
    connection = sqlite3.connect(older)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '0004'")
    connection.close()
    assert daily.summary_file(older, today=today) is None
    shutil.copy(sqlite_template, tmp_path / "empty.db")
    empty = daily.Summary(today=today, check_in_day=today)
    assert daily.summary_file(tmp_path / "empty.db", today=today) == empty


def test_the_quick_reader_imports_no_data_layer(tmp_path: Path, sqlite_template: Path) -> None:
    shutil.copy(sqlite_template, tmp_path / "planner.db")
    code = (
        "import sys, datetime; from pathlib import Path; from planner_tui import daily; "
        f"daily.summary_file(Path({str(tmp_path / 'planner.db')!r}), "
        "today=datetime.date(2026, 11, 23)); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('sqlalchemy', 'sqlmodel', 'pydantic', 'textual', 'rich', 'alembic')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("today", "month", "day", "year", "expected"),
    [
        (date(2026, 11, 23), 11, 23, None, date(2026, 11, 23)),  # today counts
        (date(2026, 11, 23), 11, 29, None, date(2026, 11, 29)),  # the 7th day
        (date(2026, 11, 23), 11, 30, None, None),  # the 8th: not yet
        (date(2026, 11, 23), 11, 22, None, None),  # yesterday: next year's is far
        (date(2026, 12, 28), 1, 2, None, date(2027, 1, 2)),  # across the new year
        (date(2027, 2, 25), 2, 29, None, date(2027, 2, 28)),  # 29 Feb in a common year
        (date(2028, 2, 25), 2, 29, 2000, date(2028, 2, 29)),
        (date(2026, 11, 23), 11, 24, 2030, None),  # hasn't happened yet
        (date(9999, 12, 30), 1, 1, None, None),  # no year after 9999
    ],
)
def test_dates_come_round_each_year(
    today: date, month: int, day: int, year: int | None, expected: date | None
) -> None:
    found = daily.upcoming([(1, "Ana", "", "birthday", month, day, year)], today)
    assert [d.on for d in found] == ([expected] if expected else [])


def test_drift_counts_from_the_last_contact_or_when_someone_was_added() -> None:
    monday = date(2026, 11, 23)
    added = datetime(2026, 11, 1, 12, tzinfo=UTC)
    assert daily.drifting_days(cadence_days=7, last_contact=None, since=added,
                               snoozed_until=None, today=monday) == 15  # fmt: skip
    for day, past in ((date(2026, 11, 1), None), (date(2026, 11, 8), None),
                      (date(2026, 11, 9), 1)):  # fmt: skip
        assert daily.drifting_days(cadence_days=7, last_contact=None, since=added,
                                   snoozed_until=None, today=day) == past  # fmt: skip
    assert daily.drifting_days(cadence_days=7, last_contact=added + timedelta(days=20),
                               since=added, snoozed_until=None, today=monday) is None  # fmt: skip
    assert daily.drifting_days(cadence_days=7, last_contact=None, since=added,
                               snoozed_until=monday, today=monday) is None  # fmt: skip
    assert daily.intentions_month(date(2026, 1, 31)) == "2025-12"


def test_someone_never_in_touch_is_past_only_once_their_rhythm_has_gone_by(
    db: Database, tmp_path: Path
) -> None:
    """Cy, weekly, added at 09:00: not past it at 09:00 that day, nor suggested. Bob, every
    2 weeks, added on 1 Dec: not past it on 5 Dec; on 16 Dec one day past, so Dee — weekly,
    last in touch 14 days before, 7 days past — comes first. The app's rule (the services)
    and `planner-tui today`'s quick reader say the same."""
    clock.freeze(local("2026-12-01T09:00"))
    with db.write() as s:
        people.create_person(session=s, data={"name": "Bob", "cadence_days": 14})
        people.create_person(session=s, data={"name": "Cy", "cadence_days": 7})
        dee = people.create_person(session=s, data={"name": "Dee", "cadence_days": 7}).id
        people.log_interaction(session=s, data={"person_ids": [dee],
                               "occurred_at": local("2026-11-20T12:00")})  # fmt: skip
    copy = db.backup_to(tmp_path / "copy.db") if db.dialect == "sqlite" else None

    def drift(day: date) -> dict[str, int | None]:
        with db.session() as s:
            return {p.name: p.drifting_days for p in people.list_people(session=s, today=day)}

    def reach(day: date) -> tuple[str, int] | None:
        with db.session() as s:
            found = services_today.summary(session=s, today=day).reach
        if copy is not None:
            quick = daily.summary_file(copy, today=day)
            assert quick is not None and quick.reach == found
        return None if found is None else (found.name, found.days_past)

    assert drift(date(2026, 12, 1)) == {"Bob": None, "Cy": None, "Dee": 4}
    assert reach(date(2026, 12, 1)) == ("Dee", 4)
    assert drift(date(2026, 12, 5)) == {"Bob": None, "Cy": None, "Dee": 8}
    assert drift(date(2026, 12, 8)) == {"Bob": None, "Cy": None, "Dee": 11}
    assert drift(date(2026, 12, 16)) == {"Bob": 1, "Cy": 8, "Dee": 19}
    with db.write() as s:
        people.log_interaction(session=s, data={"person_ids": [dee],
                               "occurred_at": local("2026-12-02T12:00")})  # fmt: skip
    if copy is not None:
        db.backup_to(copy)
    assert drift(date(2026, 12, 16))["Dee"] == 7
    assert reach(date(2026, 12, 16)) == ("Cy", 8)
    assert reach(date(2026, 12, 8)) is None


@pytest.mark.parametrize(
    "zone", ["Europe/London", "America/St_Johns", "Pacific/Kiritimati", "Pacific/Pago_Pago",
             "Australia/Lord_Howe", "Africa/Casablanca"],
)  # fmt: skip
def test_local_days_agree_with_the_clock_every_half_hour_of_a_year(
    monkeypatch: pytest.MonkeyPatch, zone: str
) -> None:
    """The Review's local days, worked out once per day, are each moment's own local day:
    across clock changes (both ways, half-hour ones, a month without summer time) and in
    zones a day ahead of or behind UTC — in any order, from text as SQLite gives it."""
    monkeypatch.setenv("TZ", zone)
    days = daily.LocalDays()
    start = datetime(2025, 12, 31, 23, 45, tzinfo=UTC)
    moments = [start + timedelta(minutes=30 * n) for n in range(2 * 24 * 368)]
    for moment in [*moments[::-1], *moments[::7]]:
        assert days(moment) == clock.to_local(moment).date(), moment
    naive = moments[100].replace(tzinfo=None)
    assert days(naive.isoformat(sep=" ")) == clock.to_local(moments[100]).date()


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"])
def test_local_days_hold_at_the_ends_of_the_calendar(
    monkeypatch: pytest.MonkeyPatch, zone: str
) -> None:
    """The first and last days the calendar has (no day before or after them to look at)."""
    monkeypatch.setenv("TZ", zone)
    days = daily.LocalDays()
    for moment in (
        datetime(1, 1, 1, 12, tzinfo=UTC),
        datetime(1, 1, 2, 23, tzinfo=UTC),
        datetime(9999, 12, 30, 1, tzinfo=UTC),
        datetime(9999, 12, 31, 5, tzinfo=UTC),
    ):
        assert days(moment) == clock.to_local(moment).date(), moment


def test_today_knows_a_check_in_kept_as_a_draft_and_only_that(db: Database) -> None:
    """Today says a check-in was started (and c takes it back) only for what c opens: a new
    check-in's own draft, or once the day has check-ins, changes to one of them — not an
    edit of an entry of another day, a check-in for another day, or a key that merely begins
    the same way."""
    day = date(2026, 11, 23)

    def drafted() -> str | None:
        with db.session() as s:
            said = services_today.facts(session=s, today=day, coming=1).checkin_draft_day
            opens = services_today.checkin_drafted(session=s, today=day)
        assert (said == day) == (opens is not None)  # Today says what c opens
        return opens

    with db.write() as s:
        for key in ("journal:12#a1", "journal:new:yesterday#b2", "journal:newest", "journal:ne"):
            drafts.save_draft(session=s, key=key, payload={"body": "x"})
    assert drafted() is None
    with db.write() as s:
        drafts.save_draft(session=s, key=f"{daily.NEW_CHECKIN_DRAFT}#c3", payload={"body": "x"})
    assert drafted() == daily.NEW_CHECKIN_DRAFT
    with db.write() as s:
        drafts.discard_draft(session=s, key=f"{daily.NEW_CHECKIN_DRAFT}#c3")
        drafts.save_draft(session=s, key=daily.NEW_CHECKIN_DRAFT, payload={"body": "x"})
    assert drafted() == daily.NEW_CHECKIN_DRAFT  # a draft from before windows kept their own

    # Once the day has a check-in, a new one started still counts: c opens it first (one
    # written meanwhile on the command line hid its words until the next day).
    with db.write() as s:
        ids = [
            journal.save_entry(session=s, data={"day": when, "body": "Saved"}).id
            for when in (day - timedelta(days=1), day, day)
        ]
    assert drafted() == daily.NEW_CHECKIN_DRAFT
    with db.write() as s:
        drafts.discard_draft(session=s, key=daily.NEW_CHECKIN_DRAFT)
        drafts.save_draft(session=s, key=f"journal:{ids[0]}", payload={"body": "y"})
    assert drafted() is None  # changes to the day before's
    # Changes to one of the day's count, though another was written since (on the command
    # line, say: c opened that one, and the words kept looked lost).
    with db.write() as s:
        drafts.save_draft(session=s, key=f"journal:{ids[1]}#d4", payload={"body": "y"})
    assert drafted() == f"journal:{ids[1]}"
    clock.freeze(FROZEN + timedelta(minutes=1))
    with db.write() as s:
        drafts.save_draft(session=s, key=f"journal:{ids[2]}", payload={"body": "y"})
    assert drafted() == f"journal:{ids[2]}"  # the newest kept


def test_a_check_in_draft_is_for_the_day_its_words_meant_when_written(db: Database) -> None:
    """What Today says of the draft `c` opens: its day's words as meant when it was written
    (the form opens it so), on every engine."""
    day = date(2026, 11, 23)
    evening_before = datetime(2026, 11, 22, 21, 0, tzinfo=UTC).isoformat()
    cases = [
        ({"day": "today", "_kept": evening_before}, day - timedelta(days=1)),
        ({"day": "yesterday", "_kept": evening_before}, day - timedelta(days=2)),
        ({"day": "today"}, day),  # from before drafts said when they were written
        ({"day": "31 feb", "_kept": evening_before}, day),  # no day: the form says so
        ({"body": "only words"}, day),
    ]
    for payload, meant in cases:
        with db.write() as s:
            drafts.save_draft(session=s, key=daily.NEW_CHECKIN_DRAFT, payload=payload)
        with db.session() as s:
            assert services_today.facts(session=s, today=day, coming=1).checkin_draft_day == meant


def test_someone_who_just_said_not_now_is_given_room_before_being_suggested(
    db: Database, tmp_path: Path
) -> None:
    """Priya, weekly and three weeks since, said "not now" this evening: Today at once
    suggested reaching her, just after saying a "not now" is about timing (nu221). She is
    given a week; so is someone whose message has no reply yet. The app's rule and
    `planner-tui today`'s quick reader say the same."""
    clock.freeze(local("2026-11-28T20:00"))
    with db.write() as s:
        ids = {}
        for name in ("Priya", "Tom"):
            ids[name] = people.create_person(session=s, data={"name": name, "cadence_days": 7}).id
            people.log_interaction(session=s, data={"person_ids": [ids[name]],
                                   "occurred_at": local("2026-11-06T12:00")})  # fmt: skip
        for name, status in (("Priya", "declined"), ("Tom", "no_reply")):
            step = steps.create_step(session=s, data={"person_id": ids[name], "action": "ask",
                                     "due_at": local("2026-11-28T19:00")}).id  # fmt: skip
            steps.record_outcome(session=s, step_id=step, outcome={"status": status})

    def reach(day: date) -> str | None:
        with db.session() as s:
            found = services_today.summary(session=s, today=day).reach
        if db.dialect == "sqlite":
            quick = daily.summary_file(db.backup_to(tmp_path / f"{day}.db"), today=day)
            assert quick is not None and quick.reach == found
        return None if found is None else found.name

    assert reach(date(2026, 11, 28)) is None
    assert reach(date(2026, 12, 4)) is None  # the 7th day since
    assert reach(date(2026, 12, 5)) in ("Priya", "Tom")  # a week on: suggested again
