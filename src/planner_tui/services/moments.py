"""Small moments and warm ones.

A *small moment* is contact with someone not on the map — a chat with a neighbour, a
familiar face at the bakery — logged to the part of life it happened in: an interaction
with no one linked and a context (``people.log_interaction`` keeps it). It counts for that
context, in breadth and in the review; it never touches anyone's rhythm, having no one.

*On this day* is one warm moment from the past, shown on Today: a check-in whose *what
brought warmth* was written, or a contact noted as warm, on this date in an earlier year
(or, failing that, on this day of an earlier month). Never a sad one: a check-in with a low
mood or low connectedness is never chosen, nor a contact from such a day, nor one that
wasn't warm. The choice stays the same all day.
"""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Session, col

from planner_tui import clock, daily
from planner_tui.daily import ON_THIS_DAY_KEY as ON_THIS_DAY_KEY, WarmMoment
from planner_tui.db.models import Interaction, InteractionPersonLink
from planner_tui.services.common import driver_connection


def on_this_day(*, session: Session, today: date | None = None) -> WarmMoment | None:
    """One warm moment from this date in an earlier year, or of an earlier month (the rule
    is :func:`planner_tui.daily.on_this_day`, which the Today view's quick read runs too)."""
    connection, dialect = driver_connection(session)
    return daily.on_this_day(connection, today or clock.today(), dialect)


def small_moments_between(
    session: Session, start: datetime, end: datetime
) -> dict[tuple[str, bool], int]:
    """Contact with no one from the map in [start, end), counted by who the form says
    reached out (the review leaves them out of who reaches out: nu187) and by whether a
    step toward a place was gone to (True), with no one named met there, or it was a small
    moment (False): such steps were called small moments with people not on the map, which
    no one had said there were (nu228)."""
    someone = sa.exists().where(col(InteractionPersonLink.interaction_id) == Interaction.id)
    stepped = col(Interaction.step_id).is_not(None)
    return {
        (initiator, bool(went)): int(count)
        for initiator, went, count in session.execute(
            sa.select(col(Interaction.initiator), stepped, sa.func.count())
            .where(
                col(Interaction.occurred_at) >= start,
                col(Interaction.occurred_at) < end,
                ~someone,
            )
            .group_by(Interaction.initiator, stepped)
        ).all()
    }
