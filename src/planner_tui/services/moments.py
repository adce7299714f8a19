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

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from dateutil.relativedelta import relativedelta
from sqlmodel import Session, col, select

from planner_tui import clock
from planner_tui.db.models import Channel, Interaction, InteractionPersonLink, JournalEntry
from planner_tui.services.people import as_aware, day_window, list_interactions

ON_THIS_DAY_KEY = "on_this_day"
"""The setting that turns *on this day* off (``False``); on unless set."""
LOW = 2
"""A mood or connectedness at or below this is a low day: never chosen."""
WARM = 4
"""A contact's warmth from this up is warm."""
MONTHS_BACK = 11
WINDOWS_PER_QUERY = 100
"""Days looked at in one query for warm contacts (each is a condition of its own)."""
"""Earlier months looked at (the same day of each); beyond a year, earlier years are."""


@dataclass(frozen=True)
class WarmMoment:
    """One warm moment from an earlier day."""

    day: date
    kind: str
    """``entry`` (a check-in's warmth) or ``contact`` (a warm contact)."""
    text: str
    """The person's own words: what brought warmth, or the contact's note (may be empty)."""
    people: list[str] = field(default_factory=list)
    channel: Channel | None = None
    warmth: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "day": self.day.isoformat(),
            "kind": self.kind,
            "text": self.text,
            "people": self.people,
            "channel": self.channel.value if self.channel else None,
            "warmth": self.warmth,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> WarmMoment:
        channel = data.get("channel")
        return cls(
            day=date.fromisoformat(data["day"]),
            kind=str(data["kind"]),
            text=str(data.get("text", "")),
            people=[str(p) for p in data.get("people", [])],
            channel=Channel(channel) if channel else None,
            warmth=data.get("warmth"),
        )


def earlier_days(today: date, since: date) -> tuple[list[date], list[date]]:
    """This date in each earlier year back to *since*'s year (newest first; 29 February
    only in leap years), and this day of the month in each of the last few months."""
    years = []
    for back in range(1, today.year - since.year + 1):
        try:
            years.append(today.replace(year=today.year - back))
        except ValueError:  # 29 February in a year without one
            continue
    months = []
    for back in range(1, MONTHS_BACK + 1):
        earlier = today - relativedelta(months=back)
        if earlier.day == today.day and earlier >= since:  # 31st: only months that have one
            months.append(earlier)
    return [d for d in years if d >= since], months


def _first_day(session: Session) -> date | None:
    """The earliest day anything warm could be from: the first check-in or contact."""
    first_entry = session.exec(select(sa.func.min(JournalEntry.day))).one()
    first_contact = as_aware(session.exec(select(sa.func.min(Interaction.occurred_at))).one())
    found = [
        date.fromisoformat(first_entry) if isinstance(first_entry, str) else first_entry,
        clock.to_local(first_contact).date() if first_contact else None,
    ]
    days = [d for d in found if d is not None]
    return min(days) if days else None


def _low(mood: int | None, connectedness: int | None) -> bool:
    return (mood is not None and mood <= LOW) or (
        connectedness is not None and connectedness <= LOW
    )


def _warm_on(session: Session, days: list[date]) -> list[WarmMoment]:
    """Warm check-ins and warm contacts on *days*, newest first."""
    if not days:
        return []
    found: list[WarmMoment] = []
    low_days = set()
    for day, warmth_note, mood, connectedness in session.exec(
        select(
            col(JournalEntry.day),
            col(JournalEntry.warmth_note),
            col(JournalEntry.mood),
            col(JournalEntry.connectedness),
        )
        .where(col(JournalEntry.day).in_(days))
        .order_by(col(JournalEntry.day).desc(), col(JournalEntry.id))
    ).all():
        day = date.fromisoformat(day) if isinstance(day, str) else day
        if _low(mood, connectedness):
            low_days.add(day)
        elif warmth_note.strip():
            found.append(WarmMoment(day, "entry", warmth_note.strip()))
    windows = [day_window(day, day + relativedelta(days=1)) for day in days]
    wanted = set(days) - low_days
    ids = []
    # A few windows to a query: a journal from year 1 gives two thousand days, and a
    # database parses a condition only so deep (SQLite: 1,000).
    for first in range(0, len(windows), WINDOWS_PER_QUERY):
        warm = select(Interaction.id, Interaction.occurred_at).where(
            col(Interaction.warmth) >= WARM,
            sa.or_(
                *(
                    sa.and_(
                        col(Interaction.occurred_at) >= start, col(Interaction.occurred_at) < end
                    )
                    for start, end in windows[first : first + WINDOWS_PER_QUERY]
                )
            ),
        )
        ids += [
            iid
            for iid, moment in session.exec(warm).all()
            if iid is not None
            and (aware := as_aware(moment)) is not None
            and clock.to_local(aware).date() in wanted
        ]
    for contact in list_interactions(session=session, interaction_ids=ids, limit=None):
        note = contact.note.strip().splitlines()[0] if contact.note.strip() else ""
        found.append(
            WarmMoment(
                clock.to_local(contact.occurred_at).date(),
                "contact",
                note,
                contact.people or ([contact.context] if contact.context else []),
                contact.channel,
                contact.warmth,
            )
        )
    return sorted(found, key=lambda m: m.day, reverse=True)


def on_this_day(*, session: Session, today: date | None = None) -> WarmMoment | None:
    """One warm moment from this date in an earlier year — or, if there is none, from this
    day of an earlier month — the same one all day; None when there is nothing warm."""
    today = today or clock.today()
    since = _first_day(session)
    if since is None or since >= today:
        return None
    years, months = earlier_days(today, since)
    for days in (years, months):
        found = _warm_on(session, days)
        if found:
            return found[today.toordinal() % len(found)]
    return None


def small_moments_between(session: Session, start: datetime, end: datetime) -> int:
    """How many small moments (contact with no one from the map) fall in [start, end)."""
    someone = sa.exists().where(col(InteractionPersonLink.interaction_id) == Interaction.id)
    return int(
        session.exec(
            select(sa.func.count())
            .select_from(Interaction)
            .where(
                col(Interaction.occurred_at) >= start,
                col(Interaction.occurred_at) < end,
                ~someone,
            )
        ).one()
    )
