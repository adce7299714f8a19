"""Today on an open database: the rules of :mod:`planner_tui.daily` run on the session's own
connection (the Today view's way in when the data can't be read with the standard library
alone: a server, an encrypted file, an older schema), and `planner-tui today`'s summary
built from the other services, the command's full path and what its quick path is checked
against."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from planner_tui import clock, daily
from planner_tui.daily import DueStep, Reach, Summary, TodayFacts
from planner_tui.services import journal, people, review, steps
from planner_tui.services.common import driver_connection


def facts(
    *, session: Session, today: date, coming: int, check_in: date | None = None
) -> TodayFacts:
    """What the Today view shows (:func:`planner_tui.daily.today_facts`)."""
    connection, dialect = driver_connection(session)
    return daily.today_facts(
        connection, today=today, coming=coming, dialect=dialect, check_in=check_in
    )


def summary(
    *, session: Session, today: date | None = None, check_in: date | None = None
) -> Summary:
    """:func:`planner_tui.daily.summary`, by the data layer."""
    today = today or clock.today()
    check_in = check_in or today
    due = [
        DueStep(
            s.id,
            s.person_id,
            s.person,
            s.action,
            s.due_at,
            s.cue,
            s.channel,
            s.expected_awkwardness,
            s.rrule,
            s.context_id,
            s.backup,
        )
        for s in steps.due_steps(session=session, today=today)
    ]
    drifting = [
        Reach(p.id, p.name, p.last_contact, p.cadence_days, p.drifting_days or 0)
        for p in people.drifting_people(session=session, today=today)
    ]
    connection, dialect = driver_connection(session)
    reach = daily.not_stepped(drifting, daily.stepped_people(connection, today, dialect))
    return Summary(
        today=today,
        steps=due,
        reach=reach[0] if reach else None,
        checked_in=journal.checked_in(session=session, day=check_in),
        check_in_day=check_in,
        intentions=review.current_intentions(session=session, today=today),
        dates=people.upcoming_dates(session=session, today=today),
        checkin_draft_day=_draft_day(session, check_in),
        settled_today=daily.settled_today(connection, today, dialect),
        next_step=daily.next_step(connection, today, dialect),
    )


def _draft_day(session: Session, today: date) -> date | None:
    """The day of a check-in kept as a draft (the same rule Today reads)."""
    connection, dialect = driver_connection(session)
    return daily.checkin_draft_day(connection, today, dialect)


def checkin_drafted(*, session: Session, today: date) -> str | None:
    """The record whose kept draft `c` opens (the same rule Today reads)."""
    connection, dialect = driver_connection(session)
    return daily.checkin_drafted(connection, today, dialect)
