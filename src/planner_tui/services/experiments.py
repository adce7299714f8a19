"""Small experiments: two to six weeks of something the person chose to try ("a walk with
someone every Thursday"), tied to a journal #tag or to a repeating step's words. The Review
shows the same figures for the days it has run and as many days just before it; the
arithmetic lives in :mod:`planner_tui.learning`, the rows are read here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlmodel import Session, col, select

from planner_tui import clock, learning
from planner_tui.daily import LocalDays
from planner_tui.db.models import (
    Experiment,
    ExperimentCreate,
    ExperimentRead,
    JournalTag,
    Step,
    experiment_ends,
)
from planner_tui.errors import InvalidInput
from planner_tui.services.common import get_or_404, validate
from planner_tui.services.review import (
    DayScores,
    YearRead,
    _interaction_rows,
    _scores_per_day,
    _steps_due,
    _tagged_days,
    _ticked,
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
    ends = experiment_ends(valid.starts, valid.weeks)
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


def unused_tag_note(*, session: Session, tag: str) -> str | None:
    """A note (never a refusal) when no journal entry has *tag* yet: it counts once used."""
    if (
        not tag
        or session.exec(select(JournalTag.tag).where(JournalTag.tag == tag).limit(1)).first()
    ):
        return None
    return f"No entry has #{tag} yet; it will count once you use it."


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
    today: date
    """The day it is looked at from (to say whether it has started)."""


def experiment_review(
    *,
    session: Session,
    experiment: ExperimentRead,
    today: date | None = None,
    days: LocalDays | None = None,
    read: YearRead | None = None,
) -> ExperimentReview:
    """The same figures for the days the experiment has run and as many days before it.
    *read*: rows the Review has read already, used when they cover these days."""
    today = today or clock.today()
    before, during = learning.experiment_periods(
        experiment.starts, experiment.ends, experiment.ended_on, today
    )
    first, after = before.first, moved(during.last, days=1)
    scores: dict[date, DayScores]
    ticked: list[tuple[date, int]] = []
    if not during.days:
        scores, contacts, steps, tied = {}, [], [], []
    else:
        if read is None or not read.covers(first, after):
            read = _read_weeks(session, first, after, days or LocalDays(), experiment.tag)
        scores = {d: s for d, s in read.scores.items() if first <= d < after}
        contacts = [
            (row["day"], row["id"], str(row["channel"]), row["person_id"])
            for row in read.contacts
            if first <= row["day"] < after
        ]
        steps = [(day, str(status)) for day, status, *_ in read.steps if first <= day < after]
        ticked = [(day, person) for day, person in read.ticked if first <= day < after]
        if experiment.tag:
            tied = sorted(
                d for d in read.items.get(("tag", experiment.tag), ()) if first <= d < after
            )
        else:
            words = learning.same_words(experiment.step_words)
            tied = [
                day
                for day, status, _, action, _ in read.steps
                if first <= day < after
                and status == learning.DONE
                and learning.same_words(action) == words
            ]
    mood = {d: s.mood for d, s in scores.items() if s.mood is not None}
    connected = {d: s.connectedness for d, s in scores.items() if s.connectedness is not None}
    figures = [
        learning.period_figures(period, mood, connected, contacts, steps, tied, today, ticked)
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
        today=today,
    )


def _read_weeks(session: Session, first: date, after: date, days: LocalDays, tag: str) -> YearRead:
    """The rows an experiment's days need, [first, after), when the Review's aren't there."""
    items = {("tag", tag): set(_tagged_days(session, first, after, tag))} if tag else {}
    return YearRead(
        first,
        after,
        _scores_per_day(session, first, after),
        _interaction_rows(session, first, after, days),
        _steps_due(session, first, after, days),
        items,
        _ticked(session, first, after),
    )


def month_experiments(
    *,
    session: Session,
    month: date,
    today: date | None = None,
    days: LocalDays | None = None,
    read: YearRead | None = None,
) -> list[ExperimentReview]:
    """Experiments that ran during *month* (the running one included), newest first.
    *days* and *read*: what the Review has worked out and read already, shared."""
    today = today or clock.today()
    first = month.replace(day=1)
    last = moved(first, months=1, days=-1)
    rows = session.exec(
        select(Experiment)
        .where(col(Experiment.starts) <= last, col(Experiment.ends) >= first)
        .order_by(col(Experiment.starts).desc(), col(Experiment.id).desc())
    ).all()
    return [
        experiment_review(session=session, experiment=one, today=today, days=days, read=read)
        for one in map(_read, rows)
        if one.last_day >= first
    ]
