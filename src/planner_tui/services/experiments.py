"""Small experiments: two to six weeks of something the person chose to try ("a walk with
someone every Thursday"), tied to a journal #tag or to a repeating step's words. The Review
shows the same figures for the days it has run and as many days just before it; the
arithmetic lives in :mod:`planner_tui.learning`, the rows are read here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa
from sqlmodel import Session, col, select

from planner_tui import clock, learning
from planner_tui.db.models import Experiment, ExperimentCreate, ExperimentRead, Step
from planner_tui.errors import InvalidInput
from planner_tui.services.common import get_or_404, validate
from planner_tui.services.people import day_window
from planner_tui.services.review import (
    _interaction_rows,
    _local_day,
    _scores_per_day,
    _tagged_days,
    moved,
)


def _read(row: Experiment) -> ExperimentRead:
    return ExperimentRead.model_validate(row, from_attributes=True)


def repeating_step_words(*, session: Session) -> list[str]:
    """The words of every repeating step, each once (any case or spacing), as first written."""
    found: dict[str, str] = {}
    for (action,) in session.execute(
        sa.select(col(Step.action)).where(col(Step.rrule).is_not(None)).distinct()
    ).all():
        found.setdefault(learning.same_words(action), action)
    return sorted(found.values(), key=str.casefold)


def list_experiments(*, session: Session) -> list[ExperimentRead]:
    """Every experiment, newest first."""
    rows = session.exec(
        select(Experiment).order_by(col(Experiment.starts).desc(), col(Experiment.id).desc())
    ).all()
    return [_read(row) for row in rows]


def running_experiment(*, session: Session, today: date | None = None) -> ExperimentRead | None:
    """The experiment not ended and not yet past its last day, if there is one."""
    today = today or clock.today()
    row = session.exec(
        select(Experiment)
        .where(col(Experiment.ended_on).is_(None), col(Experiment.ends) >= today)
        .order_by(col(Experiment.starts).desc())
        .limit(1)
    ).first()
    return _read(row) if row else None


def start_experiment(
    *, session: Session, data: ExperimentCreate | dict[str, object], today: date | None = None
) -> ExperimentRead:
    """Name an experiment tied to a #tag or to a repeating step's words. One at a time."""
    valid = validate(ExperimentCreate, data)
    if bool(valid.tag) == bool(valid.step_words):
        raise InvalidInput(
            "Tie it to one thing: a #tag, or the words of a step that repeats.", field="tied"
        )
    if valid.step_words:
        words = learning.same_words(valid.step_words)
        if words not in {learning.same_words(w) for w in repeating_step_words(session=session)}:
            raise InvalidInput(
                "No repeating step has these words yet; write them as in the step, or use a #tag.",
                field="tied",
            )
    if running_experiment(session=session, today=today) is not None:
        raise InvalidInput("One experiment at a time: end the current one first.")
    ends = valid.starts + timedelta(weeks=valid.weeks, days=-1)
    row = Experiment(
        name=valid.name,
        tag=valid.tag,
        step_words=valid.step_words,
        starts=valid.starts,
        ends=ends,
    )
    session.add(row)
    session.flush()
    return _read(row)


def end_experiment(
    *, session: Session, experiment_id: int, today: date | None = None
) -> ExperimentRead:
    """End it today (its figures stop at today); ending one already over changes nothing."""
    today = today or clock.today()
    row = get_or_404(session, Experiment, experiment_id, "experiment")
    if row.ended_on is None and row.ends >= today:
        row.ended_on = today
        session.add(row)
        session.flush()
    return _read(row)


@dataclass(frozen=True)
class ExperimentReview:
    experiment: ExperimentRead
    before: learning.Period
    during: learning.Period
    before_figures: learning.PeriodFigures
    during_figures: learning.PeriodFigures
    running: bool
    too_little: bool


def experiment_review(
    *, session: Session, experiment: ExperimentRead, today: date | None = None
) -> ExperimentReview:
    """The same figures for the days the experiment has run and as many days before it."""
    today = today or clock.today()
    before, during = learning.experiment_periods(
        experiment.starts, experiment.ends, experiment.ended_on, today
    )
    first, after = before.first, moved(during.last, days=1)
    if during.days:
        scores = _scores_per_day(session, first, after)
        contacts = [
            (row["day"], row["id"], str(row["channel"]), row["person_id"])
            for row in _interaction_rows(session, first, after)
        ]
        start, end = day_window(first, after)
        rows = session.execute(
            sa.select(col(Step.due_at), col(Step.status), col(Step.action)).where(
                col(Step.due_at) >= start, col(Step.due_at) < end
            )
        ).all()
        steps = [(_local_day(due), str(status)) for due, status, _ in rows]
        if experiment.tag:
            tied = _tagged_days(session, first, after, experiment.tag)
        else:
            words = learning.same_words(experiment.step_words)
            tied = [
                _local_day(due)
                for due, status, action in rows
                if status == learning.DONE and learning.same_words(action) == words
            ]
    else:
        scores, contacts, steps, tied = {}, [], [], []
    mood = {d: s.mood for d, s in scores.items() if s.mood is not None}
    connected = {d: s.connectedness for d, s in scores.items() if s.connectedness is not None}
    figures = [
        learning.period_figures(period, mood, connected, contacts, steps, tied)
        for period in (before, during)
    ]
    return ExperimentReview(
        experiment,
        before,
        during,
        figures[0],
        figures[1],
        running=experiment.ended_on is None and experiment.ends >= today,
        too_little=learning.too_little_to_tell(figures[0], figures[1]),
    )


def month_experiments(
    *, session: Session, month: date, today: date | None = None
) -> list[ExperimentReview]:
    """Experiments that ran during *month* (the running one included), newest first."""
    today = today or clock.today()
    first = month.replace(day=1)
    last = moved(first, months=1, days=-1)
    rows = session.exec(
        select(Experiment)
        .where(col(Experiment.starts) <= last, col(Experiment.ends) >= first)
        .order_by(col(Experiment.starts).desc(), col(Experiment.id).desc())
    ).all()
    return [
        experiment_review(session=session, experiment=read, today=today)
        for read in map(_read, rows)
        if read.last_day >= first
    ]
