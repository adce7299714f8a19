"""Where a social world has thinned: reciprocity, one-sided ties, quiet contexts, breadth.

Everything here is counted by SQL over indexed columns and bounded windows; nothing loads
the interaction history into Python to count it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from planner_tui import clock
from planner_tui.assets import read_toml_or_shipped
from planner_tui.daily import day_after, moved
from planner_tui.db.models import (
    Channel,
    Context,
    ContextRead,
    Initiator,
    Interaction,
    InteractionPersonLink,
    Person,
)
from planner_tui.names import sort_key
from planner_tui.services.people import (
    as_aware,
    contact_moment,
    context_contacts,
    day_window,
)

ONE_SIDED_WINDOW = 12
"""How many of a person's latest interactions the one-sided check looks at..."""
ONE_SIDED_MIN = 8
"""...and how many it needs before it says anything at all."""
ONE_SIDED_SHARE = 0.75
QUIET_DAYS = 30
DIVERSITY_DAYS = 14
LOW_BREADTH = 3
"""Below this many contexts reached in two weeks, the gaps panel offers new-context ideas."""
VOICE_OR_IN_PERSON = (Channel.IN_PERSON.value, Channel.CALL.value)


# --------------------------------------------------------------------------- reciprocity


@dataclass(frozen=True)
class Reciprocity:
    """Who reached out, who supported whom, and how, over someone's latest interactions."""

    interactions: int = 0
    me: int = 0
    them: int = 0
    mutual: int = 0
    gave_emotional: int = 0
    gave_practical: int = 0
    got_emotional: int = 0
    got_practical: int = 0
    in_person: int = 0
    voice: int = 0
    digital: int = 0


def reciprocity(*, session: Session, person_id: int, last: int = 20) -> Reciprocity:
    newest = (  # down the person's index, newest first (migration 0008)
        col(InteractionPersonLink.interaction_at).desc(),
        col(InteractionPersonLink.interaction_id).desc(),
    )
    latest = (
        select(Interaction)
        .join(InteractionPersonLink, col(InteractionPersonLink.interaction_id) == Interaction.id)
        .where(InteractionPersonLink.person_id == person_id)
        .order_by(*newest)
        .limit(last)
        .subquery()
    )

    def count_where(condition: sa.ColumnElement[bool]) -> sa.ColumnElement[int]:
        return sa.func.coalesce(sa.func.sum(sa.case((condition, 1), else_=0)), 0)

    c = latest.c
    row = session.execute(
        sa.select(
            sa.func.count(),
            count_where(c.initiator == Initiator.ME.value),
            count_where(c.initiator == Initiator.THEM.value),
            count_where(c.initiator == Initiator.MUTUAL.value),
            count_where(c.gave_emotional),
            count_where(c.gave_practical),
            count_where(c.got_emotional),
            count_where(c.got_practical),
            count_where(c.channel == Channel.IN_PERSON.value),
            count_where(c.channel == Channel.CALL.value),
            count_where(c.channel.not_in(VOICE_OR_IN_PERSON)),
        ).select_from(latest)
    ).one()
    return Reciprocity(*(int(value) for value in row))


@dataclass(frozen=True)
class OneSided:
    person_id: int
    name: str
    interactions: int
    started_by_me: int
    started_by_them: int

    @property
    def mostly_me(self) -> bool:
        return self.started_by_me >= self.started_by_them


def latest_interactions(session: Session, count: int) -> Any:
    """Rows of (person id, interaction id): each person's *count* latest interactions,
    each person's found down their own index (migration 0008), so it costs the same however
    long the history behind them. PostgreSQL takes them as a LATERAL join; SQLite, which
    has none, as a correlated ``IN`` (which PostgreSQL would re-run for every row)."""
    link = InteractionPersonLink
    latest: Any = (
        sa.select(col(link.interaction_id).label("interaction_id"))
        .where(col(link.person_id) == Person.id)
        .order_by(col(link.interaction_at).desc(), col(link.interaction_id).desc())
        .limit(count)
    )
    if session.get_bind().dialect.name == "postgresql":
        lateral = latest.lateral("latest")
        return (
            sa.select(col(Person.id).label("person_id"), lateral.c.interaction_id)
            .select_from(Person)
            .join(lateral, sa.true())
            .subquery("latest_interactions")
        )
    return (
        sa.select(col(Person.id).label("person_id"), col(Interaction.id).label("interaction_id"))
        .select_from(Person)
        .join(Interaction, col(Interaction.id).in_(latest.scalar_subquery()))
        .subquery("latest_interactions")
    )


def one_sided(*, session: Session) -> list[OneSided]:
    """People whose latest interactions (at least 8 of the last 12) were three quarters or
    more started by the same side. Mutual plans count for neither side. The most one-sided
    first: by the share one side started, then by how many (8 of the last 8 came below
    every 9 of 12, nu181)."""
    latest = latest_interactions(session, ONE_SIDED_WINDOW)
    me = sa.func.sum(sa.case((col(Interaction.initiator) == Initiator.ME.value, 1), else_=0))
    them = sa.func.sum(sa.case((col(Interaction.initiator) == Initiator.THEM.value, 1), else_=0))
    total = sa.func.count()
    query: Any = (
        sa.select(col(Person.id), col(Person.name), total, me, them)
        .join(latest, latest.c.person_id == Person.id)
        .join(Interaction, col(Interaction.id) == latest.c.interaction_id)
        .where(col(Person.archived).is_(False))
        .group_by(col(Person.id), col(Person.name))
        .having(total >= ONE_SIDED_MIN)
    )
    found = []
    for person_id, name, count, by_me, by_them in session.execute(query).all():
        if max(by_me, by_them) >= ONE_SIDED_SHARE * count:
            found.append(OneSided(person_id, name, int(count), int(by_me), int(by_them)))
    return sorted(
        found,
        key=lambda s: (
            -max(s.started_by_me, s.started_by_them) / s.interactions,
            -max(s.started_by_me, s.started_by_them),
            *sort_key(s.name),
        ),
    )


# --------------------------------------------------------------------------- contexts


@dataclass(frozen=True)
class Diversity:
    """Network diversity, adapted from Cohen's Social Network Index: how many contexts of
    life saw contact in the last two weeks."""

    in_person_or_voice: int
    any_channel: int
    contexts: int
    days: int = DIVERSITY_DAYS

    @property
    def low(self) -> bool:
        return self.any_channel < LOW_BREADTH


def contexts_reached(session: Session, start: datetime, end: datetime) -> tuple[int, int]:
    """How many active contexts saw contact in [start, end): on any channel, and in person
    or by voice."""
    contacts = context_contacts(start, end)
    active = select(Context.id).where(col(Context.archived).is_(False)).scalar_subquery()
    voice = sa.case((contacts.c.channel.in_(VOICE_OR_IN_PERSON), contacts.c.context_id))
    any_channel, in_person = session.execute(
        sa.select(
            sa.func.count(sa.distinct(contacts.c.context_id)),
            sa.func.count(sa.distinct(voice)),
        ).where(contacts.c.context_id.in_(active))
    ).one()
    return int(any_channel), int(in_person)


def diversity(*, session: Session, today: date | None = None) -> Diversity:
    today = today or clock.today()
    start, end = day_window(moved(today, days=1 - DIVERSITY_DAYS), day_after(today))
    any_channel, in_person = contexts_reached(session, start, end)
    total = session.exec(
        select(sa.func.count()).select_from(Context).where(col(Context.archived).is_(False))
    ).one()
    return Diversity(in_person, any_channel, int(total))


def quiet_contexts(contexts: list[ContextRead], *, today: date | None = None) -> list[ContextRead]:
    """Of *contexts* (from ``people.list_contexts``, which already knows each one's last
    contact), those with none in the last 30 days; never-contacted ones first. One never
    in touch counts from when it was added, as a person does: it is quiet only once it has
    been on the map for those 30 days."""
    today = today or clock.today()
    start, _ = day_window(moved(today, days=1 - QUIET_DAYS), today)

    def since(c: ContextRead) -> datetime | None:
        return c.last_contact or (as_aware(c.created_at) if c.created_at else None)

    quiet = [c for c in contexts if (when := since(c)) is None or when < start]
    epoch = datetime.min.replace(tzinfo=start.tzinfo)
    return sorted(quiet, key=lambda c: (c.last_contact or epoch, *sort_key(c.name)))


@dataclass(frozen=True)
class RecencyStrip:
    """Contacts per context per week, oldest week first: the 'which parts went quiet' grid."""

    weeks: list[date]
    """The first day of each seven-day span, oldest first; the last span ends today, so
    'this week' is the last seven days however early in a calendar week it is."""
    rows: list[tuple[int, str, list[int]]]
    """(context id, name, contacts in each week)."""


def recency_strip(*, session: Session, weeks: int = 12, today: date | None = None) -> RecencyStrip:
    today = today or clock.today()
    this_span = moved(today, days=-6)
    mondays = [moved(this_span, days=-7 * n) for n in range(weeks - 1, -1, -1)]
    start, end = day_window(mondays[0], day_after(today))
    contacts = context_contacts(start, end)
    counts: dict[int, list[int]] = {}
    query = select(contacts.c.context_id, contacts.c.occurred_at, contacts.c.day)
    # Bounded by the window (a few weeks of contact), so bucketing by local week in Python
    # is cheap and keeps the SQL the same on SQLite and PostgreSQL.
    found_days = [
        (context_id, occurred is not None, clock.to_local(contact_moment(occurred, day)).date())
        for context_id, occurred, day in session.exec(query).all()
    ]
    # A check-in's "in touch" adds a contact only on a day with none logged in that part of
    # life: a step done with Priya, then "in touch with Priya" in that evening's check-in,
    # showed her new job two contacts that day (nu234).
    logged = {(context_id, day) for context_id, was_logged, day in found_days if was_logged}
    for context_id, was_logged, day in found_days:
        if was_logged or (context_id, day) not in logged:
            counts.setdefault(context_id, [0] * weeks)[(day - mondays[0]).days // 7] += 1
    found = sorted(
        session.exec(
            select(Context.id, Context.name).where(col(Context.archived).is_(False))
        ).all(),
        key=lambda row: sort_key(row[1]),
    )
    rows = [(cid, name, counts.get(cid, [0] * weeks)) for cid, name in found if cid is not None]
    return RecencyStrip(mondays, rows)


# --------------------------------------------------------------------------- ideas


@dataclass(frozen=True)
class Idea:
    kind: str
    text: str


def load_ideas(home: Path | None = None) -> list[Idea]:
    """Ideas for a new context to explore, from ``ideas.toml``: the user's own copy in their
    planner folder if there is one, otherwise the one shipped in ``assets/``."""
    data, _ = read_toml_or_shipped("ideas.toml", home)  # theirs unreadable: the shipped ones
    return [
        Idea(kind, str(text))
        for kind, section in data.items()
        if isinstance(section, dict)
        for text in section.get("ideas", [])
    ]
