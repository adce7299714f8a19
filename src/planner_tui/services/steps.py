"""Small steps: one person, one small action, one time — and what happened."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from dateutil.rrule import rrulestr
from pydantic import field_validator
from sqlmodel import Session, SQLModel, col, select

from planner_tui import clock
from planner_tui.db.models import (
    Channel,
    Initiator,
    Interaction,
    InteractionPersonLink,
    Note,
    Person,
    Score,
    Step,
    StepCreate,
    StepRead,
    StepStatus,
)
from planner_tui.errors import InvalidInput
from planner_tui.services.common import get_or_404, validate
from planner_tui.services.people import day_window


class StepOutcome(SQLModel):
    """What happened with a step. ``new_due_at`` is needed when it was rescheduled."""

    status: StepStatus
    note: Note = ""
    warmth: Score | None = None
    felt_awkwardness: Score | None = None
    responded: Initiator = Initiator.ME
    occurred_at: datetime | None = None
    new_due_at: datetime | None = None

    @field_validator("status")
    @classmethod
    def _not_planned(cls, value: StepStatus) -> StepStatus:
        if value is StepStatus.PLANNED:
            raise ValueError("an outcome can't be 'planned'")
        return value


def check_rrule(rule: str | None, start: datetime) -> str | None:
    if rule is None or not rule.strip():
        return None
    rule = rule.strip().removeprefix("RRULE:")
    try:
        rrulestr(rule, dtstart=clock.to_local(start))
    except (ValueError, TypeError):
        raise InvalidInput(
            f"That repeat rule can't be read: {rule[:80]!r}.", field="rrule"
        ) from None
    return rule


def next_occurrence(rule: str, after: datetime, start: datetime) -> datetime | None:
    """The first time the rule fires after *after* (local wall-clock time is kept)."""
    series = rrulestr(rule, dtstart=clock.to_local(start).replace(tzinfo=None))
    local_after = clock.to_local(after).replace(tzinfo=None)
    following = series.after(local_after)
    if following is None:
        return None
    return following.replace(tzinfo=clock.local_zone())


def _read(session: Session, rows: list[Step]) -> list[StepRead]:
    ids = {row.person_id for row in rows}
    names = dict(session.exec(select(Person.id, Person.name).where(col(Person.id).in_(ids))).all())
    return [
        StepRead.model_validate({**row.model_dump(), "person": names.get(row.person_id, "?")})
        for row in rows
    ]


def create_step(*, session: Session, data: StepCreate | dict[str, Any]) -> StepRead:
    valid = validate(StepCreate, data)
    if valid.due_at.tzinfo is None:
        raise InvalidInput("The time needs a time zone.", field="due_at")
    get_or_404(session, Person, valid.person_id, "person")
    row = Step(**valid.model_dump())
    row.rrule = check_rrule(valid.rrule, valid.due_at)
    session.add(row)
    session.flush()
    return _read(session, [row])[0]


def get_step(*, session: Session, step_id: int) -> StepRead:
    return _read(session, [get_or_404(session, Step, step_id, "step")])[0]


def delete_step(*, session: Session, step_id: int) -> None:
    session.delete(get_or_404(session, Step, step_id, "step"))
    session.flush()


def list_steps(
    *,
    session: Session,
    upcoming: bool | None = None,
    person_id: int | None = None,
    statuses: list[StepStatus] | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    limit: int | None = 200,
) -> list[StepRead]:
    """Steps. ``upcoming=True``: still planned, soonest first; ``False``: resolved, newest
    first; ``None``: all, newest first."""
    query = select(Step)
    if upcoming is True:
        query = query.where(Step.status == StepStatus.PLANNED).order_by(col(Step.due_at))
    else:
        if upcoming is False:
            query = query.where(Step.status != StepStatus.PLANNED)
        query = query.order_by(col(Step.due_at).desc(), col(Step.id).desc())
    if person_id is not None:
        query = query.where(Step.person_id == person_id)
    if statuses:
        query = query.where(col(Step.status).in_([s.value for s in statuses]))
    if start is not None:
        query = query.where(col(Step.due_at) >= start)
    if end is not None:
        query = query.where(col(Step.due_at) < end)
    if limit is not None:
        query = query.limit(limit)
    return _read(session, list(session.exec(query).all()))


def due_steps(*, session: Session, today: date | None = None) -> list[StepRead]:
    """Planned steps due today or earlier ("not yet" ones included), soonest first."""
    today = today or clock.today()
    _, end = day_window(today, today + timedelta(days=1))
    return list_steps(session=session, upcoming=True, end=end, limit=None)


def steps_done_between(*, session: Session, start: datetime, end: datetime) -> int:
    query = (
        select(sa.func.count())
        .select_from(Step)
        .where(
            Step.status == StepStatus.DONE,
            col(Step.resolved_at) >= start,
            col(Step.resolved_at) < end,
        )
    )
    return int(session.exec(query).one())


def record_outcome(
    *, session: Session, step_id: int, outcome: StepOutcome | dict[str, Any]
) -> StepRead:
    """Record what happened. Done records an interaction; rescheduled makes a new step;
    a repeating step gets its next occurrence. Returns the step that comes next, if any,
    else the updated step."""
    valid = validate(StepOutcome, outcome)
    row = get_or_404(session, Step, step_id, "step")
    if row.status != StepStatus.PLANNED:
        raise InvalidInput("This step already has an outcome.", field="status")
    moment = clock.utcnow()
    row.status = valid.status
    row.outcome_note = valid.note
    row.warmth = valid.warmth
    row.felt_awkwardness = valid.felt_awkwardness
    row.resolved_at = moment
    session.add(row)
    if valid.status is StepStatus.DONE:
        interaction = Interaction(
            occurred_at=valid.occurred_at or moment,
            channel=row.channel or Channel.OTHER,
            initiator=valid.responded,
            warmth=valid.warmth,
            note=valid.note or row.action,
            step_id=row.id,
        )
        session.add(interaction)
        session.flush()
        assert interaction.id is not None
        session.add(InteractionPersonLink(interaction_id=interaction.id, person_id=row.person_id))
    following: Step | None = None
    if valid.status is StepStatus.RESCHEDULED:
        if valid.new_due_at is None or valid.new_due_at.tzinfo is None:
            raise InvalidInput("Choose the new time for this step.", field="new_due_at")
        following = _copy(row, valid.new_due_at)
    elif row.rrule:
        due = next_occurrence(row.rrule, max(row.due_at, moment), row.due_at)
        if due is not None:
            following = _copy(row, due)
    if following is not None:
        session.add(following)
    session.flush()
    return _read(session, [following or row])[0]


def _copy(row: Step, due_at: datetime) -> Step:
    keep = {"person_id", "action", "effort", "channel", "cue", "backup", "rrule",
            "expected_awkwardness", "confidence"}  # fmt: skip
    return Step(**{k: getattr(row, k) for k in keep}, due_at=due_at, previous_id=row.id)
