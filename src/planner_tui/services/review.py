"""The monthly review: a month's figures from SQL aggregates, beside last month's."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa
from dateutil.relativedelta import relativedelta
from sqlmodel import Session, col, select

from planner_tui import clock
from planner_tui.db.models import (
    Channel,
    Initiator,
    Interaction,
    InteractionPersonLink,
    JournalEntry,
    LonelinessCheck,
    MonthReview,
    MonthReviewRead,
    MonthReviewUpdate,
    Step,
    StepStatus,
    label,
    valid_month,
)
from planner_tui.errors import InvalidInput
from planner_tui.services.common import validate
from planner_tui.services.people import day_window


def parse_month(text: str | None) -> date:
    """'2026-11' → 1 Nov 2026; None → this month."""
    if text is None:
        return clock.today().replace(day=1)
    try:
        return date.fromisoformat(valid_month(text.strip()) + "-01")
    except ValueError:
        raise InvalidInput(f"{text!r} is not a month; write it like 2026-11.") from None


@dataclass
class MonthFigures:
    month: date
    days_checked_in: int = 0
    entries: int = 0
    avg_mood: float | None = None
    avg_connectedness: float | None = None
    interactions: int = 0
    people_seen: int = 0
    steps_planned: int = 0
    steps_done: int = 0
    by_channel: dict[Channel, int] = field(default_factory=dict)
    by_initiator: dict[Initiator, int] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return self.month.strftime("%B %Y")

    @property
    def in_person_share(self) -> float | None:
        if not self.interactions:
            return None
        return self.by_channel.get(Channel.IN_PERSON, 0) / self.interactions

    @property
    def is_empty(self) -> bool:
        return not (self.entries or self.interactions or self.steps_planned)


@dataclass
class MonthReviewData:
    figures: MonthFigures
    previous: MonthFigures
    notes: MonthReviewRead | None
    loneliness_total: int | None


def month_figures(*, session: Session, month: date) -> MonthFigures:
    first = month.replace(day=1)
    after = first + relativedelta(months=1)
    start, end = day_window(first, after)
    figures = MonthFigures(month=first)

    days, entries, mood, connected = session.exec(
        select(
            sa.func.count(sa.distinct(col(JournalEntry.day))),
            sa.func.count(),
            sa.func.avg(JournalEntry.mood),
            sa.func.avg(JournalEntry.connectedness),
        ).where(col(JournalEntry.day) >= first, col(JournalEntry.day) < after)
    ).one()
    figures.days_checked_in, figures.entries = int(days), int(entries)
    figures.avg_mood = float(mood) if mood is not None else None
    figures.avg_connectedness = float(connected) if connected is not None else None

    in_month = (col(Interaction.occurred_at) >= start, col(Interaction.occurred_at) < end)
    for channel, count in session.exec(
        select(Interaction.channel, sa.func.count()).where(*in_month).group_by(Interaction.channel)
    ).all():
        figures.by_channel[Channel(channel)] = int(count)
    for initiator, count in session.exec(
        select(Interaction.initiator, sa.func.count())
        .where(*in_month)
        .group_by(Interaction.initiator)
    ).all():
        figures.by_initiator[Initiator(initiator)] = int(count)
    figures.interactions = sum(figures.by_channel.values())
    figures.people_seen = int(
        session.exec(
            select(sa.func.count(sa.distinct(col(InteractionPersonLink.person_id))))
            .join(Interaction, col(Interaction.id) == InteractionPersonLink.interaction_id)
            .where(*in_month)
        ).one()
    )
    planned, done = session.exec(
        select(
            sa.func.count(),
            sa.func.coalesce(
                sa.func.sum(sa.case((col(Step.status) == StepStatus.DONE, 1), else_=0)), 0
            ),
        ).where(col(Step.due_at) >= start, col(Step.due_at) < end)
    ).one()
    figures.steps_planned, figures.steps_done = int(planned), int(done)
    return figures


def review_month(*, session: Session, month: date) -> MonthReviewData:
    key = month.strftime("%Y-%m")
    notes_row = session.exec(select(MonthReview).where(MonthReview.month == key)).first()
    check = session.exec(select(LonelinessCheck).where(LonelinessCheck.month == key)).first()
    return MonthReviewData(
        figures=month_figures(session=session, month=month),
        previous=month_figures(session=session, month=month - relativedelta(months=1)),
        notes=MonthReviewRead.model_validate(notes_row, from_attributes=True)
        if notes_row
        else None,
        loneliness_total=(check.lack_companionship + check.left_out + check.isolated)
        if check
        else None,
    )


def save_month_notes(
    *, session: Session, data: MonthReviewUpdate | dict[str, object]
) -> MonthReviewRead:
    valid = validate(MonthReviewUpdate, data)
    row = session.exec(select(MonthReview).where(MonthReview.month == valid.month)).first()
    row = row or MonthReview(month=valid.month)
    row.wins, row.intentions, row.note = valid.wins, list(valid.intentions), valid.note
    row.updated_at = clock.utcnow()
    session.add(row)
    session.flush()
    return MonthReviewRead.model_validate(row, from_attributes=True)


def current_intentions(*, session: Session, today: date | None = None) -> list[str]:
    """Intentions written (in last month's review) for this month."""
    today = today or clock.today()
    last = (today.replace(day=1) - relativedelta(months=1)).strftime("%Y-%m")
    row = session.exec(select(MonthReview).where(MonthReview.month == last)).first()
    return list(row.intentions) if row else []


# --------------------------------------------------------------------------- markdown


def _change(now: float | int | None, before: float | int | None, digits: int = 0) -> str:
    if now is None or before is None:
        return ""
    diff = now - before
    if abs(diff) < 10**-digits / 2:
        return "same as last month"
    return f"{diff:+.{digits}f} vs last month"


def _num(value: float | int | None, digits: int = 0) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def markdown_escape(text: str) -> str:
    """User text inside Markdown: characters that would format are escaped."""
    return "".join("\\" + ch if ch in "\\`*_{}[]<>()#+-.!|~" else ch for ch in text)


def to_markdown(data: MonthReviewData) -> str:
    f, p = data.figures, data.previous
    lines = [f"# Monthly review — {f.label}", ""]
    if f.is_empty:
        lines += [
            "Nothing was recorded this month. That is fine; the review fills in as you go.",
            "",
        ]
    rows = [
        ("Days with a check-in", f.days_checked_in, p.days_checked_in, 0),
        ("Journal entries", f.entries, p.entries, 0),
        ("Average mood (1–5)", f.avg_mood, p.avg_mood, 1),
        ("Average connectedness (1–5)", f.avg_connectedness, p.avg_connectedness, 1),
        ("Interactions", f.interactions, p.interactions, 0),
        ("People in touch", f.people_seen, p.people_seen, 0),
        ("Small steps planned", f.steps_planned, p.steps_planned, 0),
        ("Small steps done", f.steps_done, p.steps_done, 0),
    ]
    lines += ["## Overview", "", "| | this month | last month | change |", "|---|---:|---:|---|"]
    for name, now, before, digits in rows:
        lines.append(
            f"| {name} | {_num(now, digits)} | {_num(before, digits)} | "
            f"{_change(now, before, digits)} |"
        )
    if f.interactions:
        lines += ["", "## How you were in touch", ""]
        for channel, count in sorted(f.by_channel.items(), key=lambda kv: -kv[1]):
            lines.append(f"- {label(channel)}: {count}")
        lines += ["", "Who reached out:", ""]
        for initiator in Initiator:
            lines.append(f"- {label(initiator)}: {f.by_initiator.get(initiator, 0)}")
    if data.loneliness_total is not None:
        lines += [
            "",
            "## Loneliness check",
            "",
            f"Total this month: {data.loneliness_total} (3–9).",
        ]
    if data.notes and (data.notes.wins or data.notes.intentions or data.notes.note):
        lines += ["", "## In your words", ""]
        if data.notes.wins:
            lines += ["Wins: " + markdown_escape(data.notes.wins), ""]
        for intention in data.notes.intentions:
            lines.append("- Intention: " + markdown_escape(intention))
        if data.notes.note:
            lines += ["", markdown_escape(data.notes.note)]
    return "\n".join(lines).rstrip() + "\n"
