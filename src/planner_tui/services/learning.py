"""Learning from one's own steps: the queries behind calibration, appreciation, following
through and the "not now"s that became a yes. The arithmetic, and the exact rules, live in
:mod:`planner_tui.learning`; this module only reads the steps each figure needs, bounded by
time so a figure costs the same in year one and year ten.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col

from planner_tui import clock, learning
from planner_tui.daily import LocalDays
from planner_tui.db.models import Interaction, InteractionPersonLink, JournalEntry, Step, StepStatus
from planner_tui.services.people import as_aware, day_window
from planner_tui.services.review import TREND_MONTHS, moved

CALIBRATION_ROWS = 500
"""The wizard reads at most this many of the newest done steps with both awkwardness answers
(calibration uses the newest ten of a kind; five hundred leaves room for every kind)."""

_COLUMNS = (
    col(Step.id),
    col(Step.status),
    col(Step.due_at),
    col(Step.person_id),
    col(Step.previous_id),
    col(Step.rrule),
    col(Step.resolved_at),
    col(Step.action),
    col(Step.effort),
    col(Step.channel),
    col(Step.expected_awkwardness),
    col(Step.felt_awkwardness),
    col(Step.confidence),
    col(Step.cue),
    col(Step.backup),
    col(Step.shrunk),
    col(Step.appreciation_forecast),
    col(Step.appreciation_response),
)


def _facts(
    session: Session,
    *where: Any,
    limit: int | None = None,
    days: LocalDays | None = None,
) -> list[learning.StepFact]:
    query = sa.select(*_COLUMNS).where(*where).order_by(col(Step.due_at).desc(), col(Step.id))
    if limit is not None:
        query = query.limit(limit)
    facts = []
    local_day = days or LocalDays()
    for row in session.execute(query).all():
        (sid, status, due, person, previous, rrule, resolved, action, effort, channel,
         expected, felt, confidence, cue, backup, shrunk, forecast, response) = row  # fmt: skip
        due_at = as_aware(due)
        assert due_at is not None
        facts.append(
            learning.StepFact(
                id=sid,
                status=status,
                due_at=due_at,
                due_day=local_day(due_at),
                person_id=person,
                previous_id=previous,
                repeats=bool(rrule),
                resolved_day=local_day(resolved) if resolved is not None else None,
                action=action,
                effort=effort,
                channel=channel,
                expected=expected,
                felt=felt,
                confidence=confidence,
                cue=bool(cue.strip()),
                backup=bool(backup.strip()),
                shrunk=bool(shrunk),
                forecast=forecast,
                response=response,
            )
        )
    return facts


# --------------------------------------------------------------------------- when planning


def calibration_steps(
    *, session: Session, limit: int = CALIBRATION_ROWS
) -> list[learning.StepFact]:
    """Done steps with both an expected and a felt awkwardness, newest first: what the
    wizard compares a new step with (:func:`planner_tui.learning.calibration`)."""
    return _facts(
        session,
        col(Step.status) == StepStatus.DONE,
        col(Step.expected_awkwardness).is_not(None),
        col(Step.felt_awkwardness).is_not(None),
        limit=limit,
    )


def person_appreciation(*, session: Session, person_id: int) -> learning.Paired:
    """Someone's done steps with both appreciation answers: how many, and the two means."""
    return learning.paired(
        _facts(
            session,
            col(Step.person_id) == person_id,
            col(Step.status) == StepStatus.DONE,
            col(Step.appreciation_forecast).is_not(None),
            col(Step.appreciation_response).is_not(None),
        ),
        "appreciation",
    )


@dataclass(frozen=True)
class WithSomeone:
    """What the wizard may offer for a step with someone."""

    giving: learning.Giving | None = None
    richer: learning.Richer | None = None


def with_someone(*, session: Session, person_id: int, today: date | None = None) -> WithSomeone:
    """Someone's newest contacts and the last weeks' comfort receiving help, through the
    rules of :func:`planner_tui.learning.leaning_giving` and
    :func:`planner_tui.learning.richer_tie`."""
    today = today or clock.today()
    link = InteractionPersonLink
    rows = session.execute(
        sa.select(
            col(Interaction.occurred_at),
            col(Interaction.channel),
            col(Interaction.warmth),
            col(Interaction.gave_emotional) | col(Interaction.gave_practical),
            col(Interaction.got_emotional) | col(Interaction.got_practical),
        )
        .join(link, col(link.interaction_id) == Interaction.id)
        .where(col(link.person_id) == person_id)
        .order_by(col(link.interaction_at).desc(), col(link.interaction_id).desc())
        .limit(learning.TIE_CONTACTS)
    ).all()
    local_day = LocalDays()
    contacts = [
        learning.ContactFact(
            day=local_day(when),
            channel=str(getattr(channel, "value", channel)),
            warmth=warmth,
            gave=bool(gave),
            got=bool(got),
        )
        for when, channel, warmth, gave, got in rows
    ]
    comfort = session.execute(
        sa.select(col(JournalEntry.comfort_receiving)).where(
            col(JournalEntry.day) > today - timedelta(days=learning.COMFORT_DAYS),
            col(JournalEntry.day) <= today,
            col(JournalEntry.comfort_receiving).is_not(None),
        )
    ).scalars()
    return WithSomeone(
        giving=learning.leaning_giving(contacts, [int(c) for c in comfort]),
        richer=learning.richer_tie(contacts, today),
    )


# --------------------------------------------------------------------------- not now, then yes


def not_nows_between(*, session: Session, start: datetime, end: datetime) -> learning.NotNows:
    """The "not now"s due in [start, end), and how many became a yes later (the rule is
    :func:`planner_tui.learning.became_yes`): read are their outcome chains, followed step
    by step, and their people's done steps in the days after them."""
    declines = _facts(
        session,
        col(Step.status) == StepStatus.DECLINED,
        col(Step.due_at) >= start,
        col(Step.due_at) < end,
    )
    return _became_yes(session, declines, start, end)


def _became_yes(
    session: Session,
    declines: list[learning.StepFact],
    start: datetime,
    end: datetime,
    days: LocalDays | None = None,
) -> learning.NotNows:
    if not declines:
        return learning.NotNows(0, 0)
    days = days or LocalDays()
    people = {d.person_id for d in declines if d.person_id is not None}
    later = (
        _facts(
            session,
            col(Step.person_id).in_(people),
            col(Step.status) == StepStatus.DONE,
            col(Step.due_at) > start,
            col(Step.due_at) <= end + timedelta(days=learning.YES_WITHIN_DAYS),
            days=days,
        )
        if people
        else []
    )
    chain: dict[int, learning.StepFact] = {}
    waiting = [d.id for d in declines]
    while waiting:  # each round reads the steps the last round's outcomes planned
        found = [
            fact
            for part in range(0, len(waiting), 500)
            for fact in _facts(
                session, col(Step.previous_id).in_(waiting[part : part + 500]), days=days
            )
            if fact.id not in chain and not fact.repeats
        ]
        chain.update((fact.id, fact) for fact in found)
        waiting = [fact.id for fact in found if fact.status != StepStatus.DONE]
    steps = {fact.id: fact for fact in [*later, *chain.values()]}
    return learning.not_nows(declines, list(steps.values()))


def recent_not_nows(*, session: Session, today: date | None = None) -> learning.NotNows:
    """The "not now"s of the last twelve months (to today), for the declined page."""
    today = today or clock.today()
    start, end = day_window(moved(today, months=-TREND_MONTHS, days=1), moved(today, days=1))
    return not_nows_between(session=session, start=start, end=end)


# --------------------------------------------------------------------------- the review


@dataclass
class MonthLearning:
    """What the Review shows of the steps, for one month and the twelve up to it."""

    month: date
    months: list[date]
    """The twelve months up to this one, oldest first."""
    awkwardness: list[tuple[date, learning.Paired]] = field(default_factory=list)
    appreciation: list[tuple[date, learning.Paired]] = field(default_factory=list)
    follow_month: list[learning.Comparison] = field(default_factory=list)
    """This month's comparisons (resolved this month)."""
    follow_year: list[learning.Comparison] = field(default_factory=list)
    """The twelve months' comparisons."""
    resolved_year: int = 0
    """Steps the twelve months' comparisons count (taken or let go)."""
    not_nows: learning.NotNows = field(default_factory=lambda: learning.NotNows(0, 0))
    """The twelve months' "not now"s."""


def month_learning(
    *, session: Session, month: date, days: LocalDays | None = None
) -> MonthLearning:
    """The steps of the twelve months up to *month* (by when they were due, and by when their
    outcome was recorded), and the "not now"s among them. *days*: the local days the caller
    has worked out already (the Review's), shared."""
    first = month.replace(day=1)
    after = moved(first, months=1)
    year_first = moved(first, months=1 - TREND_MONTHS)
    months = sorted({moved(first, months=n - TREND_MONTHS + 1) for n in range(TREND_MONTHS)})
    start, end = day_window(year_first, after)
    window = _facts(
        session,
        sa.or_(
            sa.and_(col(Step.due_at) >= start, col(Step.due_at) < end),
            sa.and_(col(Step.resolved_at) >= start, col(Step.resolved_at) < end),
        ),
        days=(days := days or LocalDays()),
    )
    due = [s for s in window if year_first <= s.due_day < after]
    resolved = [
        s for s in window if s.resolved_day is not None and year_first <= s.resolved_day < after
    ]
    in_month = [s for s in resolved if s.resolved_day is not None and s.resolved_day >= first]
    return MonthLearning(
        month=first,
        months=months,
        awkwardness=learning.by_month(due, months, "awkwardness"),
        appreciation=learning.by_month(due, months, "appreciation"),
        follow_month=learning.follow_through(in_month),
        follow_year=learning.follow_through(resolved),
        resolved_year=len(learning.resolved(resolved)),
        not_nows=_became_yes(
            session, [s for s in due if s.status == StepStatus.DECLINED], start, end, days
        ),
    )
