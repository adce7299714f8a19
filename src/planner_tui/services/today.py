"""Today's summary from the services the app's Today view reads, in the form `planner-tui
today` prints: the command's way in when the data can't be read with the standard library
alone (a server, an encrypted file, an older schema), and what its quick path is checked
against."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from planner_tui import clock
from planner_tui.daily import DueStep, Reach, Summary
from planner_tui.services import journal, people, review, steps


def summary(*, session: Session, today: date | None = None) -> Summary:
    today = today or clock.today()
    drifting = people.drifting_people(session=session, today=today)
    first = drifting[0] if drifting else None
    return Summary(
        today=today,
        steps=[
            DueStep(s.id, s.person_id, s.person, s.action, s.due_at, s.cue)
            for s in steps.due_steps(session=session, today=today)
        ],
        reach=Reach(
            first.id, first.name, first.last_contact, first.cadence_days, first.drifting_days or 0
        )
        if first
        else None,
        checked_in=journal.checked_in(session=session, day=today),
        intentions=review.current_intentions(session=session, today=today),
        dates=people.upcoming_dates(session=session, today=today),
    )
