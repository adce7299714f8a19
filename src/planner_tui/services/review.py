"""The monthly review's facts: one month read with SQL aggregates, beside the month before
and the twelve months up to it. The arithmetic of patterns lives in ``planner_tui.patterns``
and the words and charts in ``planner_tui.review_report``.

Months are local calendar months. Journal entries carry their local day; interactions and
steps are stored in UTC and are counted in the local month their moment falls in, so an
entry at 23:30 on the 31st belongs to that month, across clock changes too.
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from dateutil.relativedelta import relativedelta
from sqlmodel import Session, col, select

from planner_tui import clock, daily, journal_search, learning, patterns, words
from planner_tui.daily import LocalDays, moved as moved
from planner_tui.db.models import (
    Channel,
    Context,
    Initiator,
    Interaction,
    InteractionPersonLink,
    JournalContextLink,
    JournalEntry,
    JournalPersonLink,
    JournalTag,
    LonelinessCheck,
    LonelinessCheckCreate,
    LonelinessCheckRead,
    MonthReview,
    MonthReviewRead,
    MonthReviewUpdate,
    Person,
    Step,
    StepStatus,
    label,
    valid_month,
)
from planner_tui.errors import InvalidInput
from planner_tui.learning import MonthBeside, WindowPatterns
from planner_tui.names import sort_key
from planner_tui.services.common import driver_connection, validate
from planner_tui.services.gaps import ONE_SIDED_SHARE, contexts_reached
from planner_tui.services.moments import small_moments_between
from planner_tui.services.people import (
    COUNTS_AS_CONTACT,
    as_aware,
    context_contacts,
    day_as_moment,
    day_window,
    drifting_days,
    last_contacts,
)
from planner_tui.services.steps import came_about, times_before
from planner_tui.services.support import trusted_lines
from planner_tui.when import ascii_digits

if TYPE_CHECKING:
    from planner_tui.services.experiments import ExperimentReview
    from planner_tui.services.learning import MonthLearning

TREND_MONTHS = 12
LONG_GAP_DAYS = 60
"""A first contact after at least this many days without one is a reconnection."""
LOOKBACK_DAYS = 365
"""How far back reconnections look, so a month costs the same in year 100."""
QUIET_MONTHS = 3
QUIET_MIN_DAYS = 7
"""A month in progress lists what went quiet only from this many days in; before, it is too
early to tell (a day or two without contact is ordinary)."""
"""A context went quiet when it saw contact in these months before, but none this month."""
ONE_WAY_MIN = 3
"""Interactions with someone in a month before asking whether they ran one way."""
REPAIR_TAG = "repair"


_MONTH_IN_DIGITS = re.compile(
    r"(?P<year>\d{4})\s*[-/.]\s*(?P<month>\d{1,2})|(?P<m>\d{1,2})\s*[/.]\s*(?P<y>\d{4})"
)
"""2026-11, 2026/11, 11/2026, 11.2026: a year of four digits makes the order plain."""
_YEAR_FIRST = re.compile(r"(?P<year>\d{4}),?\s+(?P<name>\D+)")
"""2026 november: a year before a month's name."""


def parse_month(text: str | None) -> date:
    """'2026-11' (or 2026/11, 11/2026, in any script's digits), or a month by its name as
    the search reads it ('nov 2026', '2026 nov', 'november': the latest begun; nu229) →
    1 Nov 2026; None → this month."""
    if text is None:
        return clock.today().replace(day=1)
    said = " ".join(ascii_digits(text).split())
    if found := _MONTH_IN_DIGITS.fullmatch(said):
        year, month = found["year"] or found["y"], found["month"] or found["m"]
        with contextlib.suppress(ValueError):
            return date.fromisoformat(valid_month(f"{year}-{int(month):02d}") + "-01")
    if found := _YEAR_FIRST.fullmatch(said):
        said = f"{found['name']} {found['year']}"
    named = journal_search.named_month(said, clock.today())
    if named is not None:
        return named[0]
    # (quoted short: a page of text pasted hid the advice after it, nu263)
    raise InvalidInput(f"{words.quoted(text)} is not a month; write it like 2026-11 or nov 2026.")


def _before(column: Any, after: date) -> Any:
    """``column < after``, where *after* ``date.max`` (held there by :func:`moved`) means
    no end: the days of December 9999 are all before it."""
    return sa.true() if after == date.max else column < after


def month_key(month: date) -> str:
    return f"{month.year:04d}-{month.month:02d}"  # strftime writes the year 1 as "1"


def _local_day(moment: Any, days: LocalDays | None = None) -> date:
    """The local day of a stored moment; with *days*, worked out by them (a conversion per
    day, kept, rather than one per row: :class:`planner_tui.daily.LocalDays`)."""
    if days is not None:
        return days(moment)
    aware = as_aware(moment)
    assert aware is not None
    return clock.to_local(aware).date()


def _count_where(condition: Any) -> Any:
    return sa.func.coalesce(sa.func.sum(sa.case((condition, 1), else_=0)), 0)


# --------------------------------------------------------------------------- one month


@dataclass
class MonthFigures:
    """The overview numbers of one month."""

    month: date
    days_checked_in: int = 0
    entries: int = 0
    avg_mood: float | None = None
    avg_connectedness: float | None = None
    avg_support: float | None = None
    avg_comfort_giving: float | None = None
    avg_comfort_receiving: float | None = None
    interactions: int = 0
    people_seen: int = 0
    by_channel: dict[Channel, int] = field(default_factory=dict)
    by_initiator: dict[Initiator, int] = field(default_factory=dict)
    gave_support: int = 0
    got_support: int = 0
    contexts_in_touch: int = 0
    contexts_in_person: int = 0
    small_moments: int = 0
    """Contacts with no one from the map (a chat with a neighbour), each in its context."""
    places_gone: int = 0
    """Steps toward a place gone to with no one named met there (not small moments)."""
    by_status: dict[StepStatus, int] = field(default_factory=dict)
    places_not_gone: int = 0
    """Of the steps declined, those toward a place with no one: "not this time", no one's
    "not now" (nu176: praised as reaching out)."""
    steps_compared: int = 0
    """Done steps with both an expected and a felt awkwardness."""
    expected_awkwardness: float | None = None
    felt_awkwardness: float | None = None
    felt_easier: int = 0
    felt_same: int = 0
    felt_harder: int = 0
    still_to_come: int = 0
    """Steps due in the month still planned and due later than now (not yet due, so not
    counted as undone)."""
    settled_early: int = 0
    """Steps due later than now whose outcome is in already (done early, let go, no reply):
    counted with the steps due so far, and said so."""

    @property
    def steps_due_so_far(self) -> int:
        """The month's steps due by now (all of them, once the month is over)."""
        return self.steps_planned - self.still_to_come

    @property
    def label(self) -> str:
        return clock.strftime(self.month, "%B %Y")

    @property
    def steps_planned(self) -> int:
        """A step moved to another time is one step, counted at its new time (its row at
        the old time, marked moved, is kept for the breakdown)."""
        return sum(n for status, n in self.by_status.items() if status != StepStatus.RESCHEDULED)

    @property
    def steps_done(self) -> int:
        return self.by_status.get(StepStatus.DONE, 0)

    @property
    def steps_taken(self) -> int:
        """Steps where the person reached out — done, a "not now" (not a place not gone
        to), no reply yet — as Today counts the week's."""
        declined = self.by_status.get(StepStatus.DECLINED, 0) - self.places_not_gone
        reached = self.steps_done + declined + self.by_status.get(StepStatus.NO_REPLY, 0)
        return min(self.steps_due_so_far, reached)

    @property
    def in_person_share(self) -> float | None:
        return patterns.share(self.by_channel.get(Channel.IN_PERSON, 0), self.interactions)

    @property
    def is_empty(self) -> bool:
        return not (self.entries or self.interactions or self.steps_planned)


def month_figures(*, session: Session, month: date, now: datetime | None = None) -> MonthFigures:
    """The month's overview figures; steps due after *now* (default: this moment) and still
    planned are counted as still to come."""
    first = month.replace(day=1)
    after = moved(first, months=1)
    start, end = day_window(first, after)
    f = MonthFigures(month=first)

    # Each day's check-ins are averaged first, as the Journal's strip and the twelve months'
    # chart have a day: three check-ins on one bad day don't outweigh two good days.
    scales = ("mood", "connectedness", "support", "comfort_giving", "comfort_receiving")
    days = (
        sa.select(
            sa.func.count().label("entries"),
            *(sa.func.avg(getattr(JournalEntry, scale)).label(scale) for scale in scales),
        )
        .where(col(JournalEntry.day) >= first, _before(col(JournalEntry.day), after))
        .group_by(col(JournalEntry.day))
        .subquery()
    )
    row = session.execute(
        sa.select(
            sa.func.count(),
            sa.func.coalesce(sa.func.sum(days.c.entries), 0),
            *(sa.func.avg(days.c[scale]) for scale in scales),
        )
    ).one()
    f.days_checked_in, f.entries = int(row[0]), int(row[1])
    (
        f.avg_mood,
        f.avg_connectedness,
        f.avg_support,
        f.avg_comfort_giving,
        f.avg_comfort_receiving,
    ) = (float(v) if v is not None else None for v in row[2:])

    in_month = (col(Interaction.occurred_at) >= start, col(Interaction.occurred_at) < end)
    gave = sa.or_(col(Interaction.gave_emotional), col(Interaction.gave_practical))
    got = sa.or_(col(Interaction.got_emotional), col(Interaction.got_practical))
    for channel, initiator, count, gave_count, got_count in session.execute(
        sa.select(
            col(Interaction.channel),
            col(Interaction.initiator),
            sa.func.count(),
            _count_where(gave),
            _count_where(got),
        )
        .where(*in_month)
        .group_by(Interaction.channel, Interaction.initiator)
    ).all():
        f.by_channel[Channel(channel)] = f.by_channel.get(Channel(channel), 0) + int(count)
        f.by_initiator[Initiator(initiator)] = f.by_initiator.get(Initiator(initiator), 0) + int(
            count
        )
        f.gave_support += int(gave_count)
        f.got_support += int(got_count)
    f.interactions = sum(f.by_channel.values())
    f.people_seen = people_in_touch(session, first, after)

    f.contexts_in_touch, f.contexts_in_person = contexts_reached(session, start, end)
    moments = small_moments_between(session, start, end)
    f.small_moments = sum(n for (_, went), n in moments.items() if not went)
    f.places_gone = sum(n for (_, went), n in moments.items() if went)
    for (initiator, _), count in moments.items():  # who reached out: said of ties on the map
        f.by_initiator[Initiator(initiator)] -= count

    both = sa.and_(
        col(Step.expected_awkwardness).is_not(None), col(Step.felt_awkwardness).is_not(None)
    )
    no_one = col(Step.person_id).is_(None)
    for status, count, alone, compared, expected, felt, easier, same, harder in session.execute(
        sa.select(
            col(Step.status),
            sa.func.count(),
            _count_where(no_one),
            _count_where(both),
            sa.func.sum(sa.case((both, Step.expected_awkwardness))),
            sa.func.sum(sa.case((both, Step.felt_awkwardness))),
            _count_where(
                sa.and_(both, col(Step.felt_awkwardness) < col(Step.expected_awkwardness))
            ),
            _count_where(
                sa.and_(both, col(Step.felt_awkwardness) == col(Step.expected_awkwardness))
            ),
            _count_where(
                sa.and_(both, col(Step.felt_awkwardness) > col(Step.expected_awkwardness))
            ),
        )
        .where(col(Step.due_at) >= start, col(Step.due_at) < end)
        .group_by(Step.status)
    ).all():
        f.by_status[StepStatus(status)] = int(count)
        if status == StepStatus.DECLINED:
            f.places_not_gone = int(alone)
        if status == StepStatus.DONE and compared:
            f.steps_compared = int(compared)
            f.expected_awkwardness = float(expected) / int(compared)
            f.felt_awkwardness = float(felt) / int(compared)
            f.felt_easier, f.felt_same, f.felt_harder = int(easier), int(same), int(harder)
    later = max(start, (now or clock.now()).astimezone(UTC))
    if later < end:  # the month is still going: some steps may not be due yet
        for status, count in session.execute(
            select(col(Step.status), sa.func.count())
            .where(col(Step.due_at) > later, col(Step.due_at) < end)
            .group_by(col(Step.status))
        ).all():
            if status == StepStatus.PLANNED:
                f.still_to_come = int(count)
            elif status != StepStatus.RESCHEDULED:  # a moved step counts at its new time
                f.settled_early += int(count)
        # A repeating step's later times this month are planned as each is settled: counted
        # here (a weekly call came round four times more, and was "1 more to come", nu228).
        later_times = sum(
            times_before(rule, due_at, end) - 1
            for due_at, rule in session.execute(
                select(col(Step.due_at), col(Step.rrule)).where(
                    col(Step.status) == StepStatus.PLANNED,
                    col(Step.rrule).is_not(None),
                    col(Step.due_at) > later,
                    col(Step.due_at) < end,
                )
            ).all()
        )
        f.still_to_come += later_times
        if later_times:
            f.by_status[StepStatus.PLANNED] += later_times
    return f


def people_in_touch(session: Session, first: date, after: date) -> int:
    """How many people were in touch in the local days [first, after): in a contact, or
    counted so by a check-in's tick (the Map said "last in touch" of them, and the Review
    "People in touch 0"; its twelve months' table counted contacts alone)."""
    start, end = day_window(first, after)
    in_touch = sa.union(
        sa.select(col(InteractionPersonLink.person_id))
        .join(Interaction, col(Interaction.id) == InteractionPersonLink.interaction_id)
        .where(col(Interaction.occurred_at) >= start, col(Interaction.occurred_at) < end),
        sa.select(col(JournalPersonLink.person_id))
        .join(JournalEntry, col(JournalEntry.id) == JournalPersonLink.entry_id)
        .where(
            col(JournalPersonLink.counts_as_contact),
            col(JournalEntry.day) >= first,
            _before(col(JournalEntry.day), after),
        ),
    ).subquery()
    return int(session.execute(sa.select(sa.func.count()).select_from(in_touch)).scalar_one())


# --------------------------------------------------------------------------- the review


@dataclass(frozen=True)
class MonthTrend:
    month: date
    avg_mood: float | None
    avg_connectedness: float | None
    contexts_in_touch: int
    loneliness: int | None
    people_in_touch: int = 0


@dataclass(frozen=True)
class WeekChannels:
    first: date
    last: date
    counts: dict[Channel, int]


@dataclass(frozen=True)
class OneWay:
    name: str
    by_me: int
    by_them: int
    mutual: int


@dataclass(frozen=True)
class Drifted:
    name: str
    days_past: int
    """Past the rhythm by; for someone never in touch, the days since they were added."""
    cadence_days: int
    never_in_touch: bool = False


@dataclass(frozen=True)
class Reconnection:
    name: str
    day: date
    gap_days: int | None
    """Days since the contact before; None when there was none in the past year."""


@dataclass(frozen=True)
class StepDone:
    day: date
    name: str
    action: str


@dataclass
class MonthReviewData:
    figures: MonthFigures
    previous: MonthFigures
    as_of: date
    """The last day counted: the month's last day, or today while the month is running."""
    running: bool
    """True while the month is still going (its figures are 'so far'): on its last day too,
    whose evening check-in is still to come (nu178)."""
    daily: list[tuple[date, float | None, float | None]]
    """(day, average mood, average connectedness) for every day of the month so far."""
    weeks: list[WeekChannels]
    trend: list[MonthTrend]
    """The twelve months up to this one, oldest first."""
    year: dict[date, float]
    """Average connectedness per day over those twelve months."""
    associations: list[patterns.Association]
    warmth_themes: list[tuple[str, int]]
    withdraw_themes: list[tuple[str, int]]
    one_way: list[OneWay]
    quiet_contexts: list[str]
    drifted: list[Drifted]
    steps_done: list[StepDone]
    reconnections: list[Reconnection]
    repairs: list[date]
    new_people: list[str]
    loneliness: LonelinessCheckRead | None
    loneliness_before: tuple[date, int] | None
    """The latest earlier check: its month and total."""
    notes: MonthReviewRead | None
    """What this month's review wrote: wins, a note, and intentions for the month after."""
    intentions: list[str] = field(default_factory=list)
    """The intentions for this month, written in the review of the month before."""
    learning: MonthLearning | None = None
    """What the steps of the twelve months up to this one show (services.learning)."""
    trusted: list[str] = field(default_factory=list)
    """The people you trust, as help lists them: named first when the month's loneliness
    check is high."""
    across: list[WindowPatterns] = field(default_factory=list)
    """What went together with higher or lower scores over 3, 6 and 12 months."""
    beside: list[MonthBeside] = field(default_factory=list)
    """Each of the twelve months' loneliness check beside its breadth and steps done."""
    experiments: list[ExperimentReview] = field(default_factory=list)
    """Small experiments that ran during the month, or are running (services.experiments)."""
    planner_began: date | None = None
    """The planner's first month (:func:`first_month`): a month before it says so."""

    @property
    def month(self) -> date:
        return self.figures.month

    @property
    def trend_shown(self) -> list[MonthTrend]:
        """The twelve months' trend from the planner's first month on: the months before
        it have nothing to show (nu153: eleven rows of '—' on the first evening)."""
        began = self.planner_began
        return [m for m in self.trend if began is None or m.month >= began]

    @property
    def too_early_for_quiet(self) -> bool:
        """A month in progress fewer than :data:`QUIET_MIN_DAYS` days in: what went quiet
        is not listed yet."""
        return self.running and (self.as_of - self.month).days + 1 < QUIET_MIN_DAYS

    @property
    def nothing_recorded(self) -> bool:
        """No entry, contact or step in the month, and no loneliness check or intentions
        written for it (last month) or in its review either."""
        notes = self.notes
        written = bool(self.intentions) or (
            notes is not None and bool(notes.wins.strip() or notes.intentions or notes.note.strip())
        )
        return self.figures.is_empty and self.loneliness is None and not written


def first_month(*, session: Session) -> date | None:
    """The month of the planner's first check-in, contact or step (None: none yet): the
    Review says so of a month before it (pressed 340 times, ← reached 1996, thirty years of
    empty months before the data, and nothing said where it begins)."""
    firsts = [
        session.exec(select(sa.func.min(col(JournalEntry.day)))).one(),
        session.exec(select(sa.func.min(col(Interaction.occurred_at)))).one(),
        session.exec(select(sa.func.min(col(Step.due_at)))).one(),
    ]
    days = [clock.to_local(f).date() if isinstance(f, datetime) else f for f in firsts if f]
    return min(days).replace(day=1) if days else None


def review_month(*, session: Session, month: date, today: date | None = None) -> MonthReviewData:
    from planner_tui.services.experiments import month_experiments  # they build on this
    from planner_tui.services.learning import month_learning

    today = today or clock.today()
    first = month.replace(day=1)
    if first > today:
        raise InvalidInput(
            f"{clock.strftime(first, '%B %Y')} has not begun yet; pick this month or an earlier one."
        )
    after = moved(first, months=1)
    as_of = min(first + relativedelta(day=31), today)
    running = today < after
    key = month_key(first)
    figures = month_figures(session=session, month=first)
    trend_first = moved(first, months=1 - TREND_MONTHS)
    per_day = _scores_per_day(session, trend_first, after)
    days = LocalDays()  # each local day's start worked out once, for everything read here
    contacts_year = _interaction_rows(session, trend_first, after, days)
    contacts = [row for row in contacts_year if row["day"] >= first]
    year = {
        day: s.connected_sum / s.connected_count for day, s in per_day.items() if s.connected_count
    }
    moods = {day: s.mood_sum / s.mood_count for day, s in per_day.items() if s.mood_count}
    scores = {day: score for day, score in year.items() if first <= day}
    check = loneliness_check(session=session, month=key)
    before = session.exec(
        select(LonelinessCheck)
        .where(col(LonelinessCheck.month) < key)
        .order_by(col(LonelinessCheck.month).desc())
        .limit(1)
    ).first()
    notes = month_notes(session=session, month=key)
    warm, withdraw = _notes(session, first, after)
    steps_year = _steps_due(session, trend_first, after, days)
    # A step is the win of the month it was due in (as the figures count it), shown on the
    # day it was done: for next Monday, done today, it said next Monday.
    done_due = [
        (due, StepDone(came, toward, action))
        for due, status, toward, action, came in steps_year
        if status == StepStatus.DONE
    ]
    done_year = [step for _, step in done_due]
    # By the day shown (listed by the day due, they read 5, 4, 5 Dec).
    done = sorted((step for due, step in done_due if due >= first), key=lambda s: s.day)
    items = _items_by_day(session, trend_first, after, contacts_year, done_year, days)
    trend = _trend(session, first, per_day)
    return MonthReviewData(
        figures=figures,
        previous=(  # before January 1 there is nothing to compare with
            month_figures(session=session, month=moved(first, months=-1))
            if first > date.min
            else MonthFigures(month=first)
        ),
        as_of=as_of,
        running=running,
        daily=[
            (day, (scores_of := per_day.get(day, DayScores())).mood, scores_of.connectedness)
            for day in (first + timedelta(days=n) for n in range((as_of - first).days + 1))
        ],
        weeks=_weeks(contacts, first, as_of),
        trend=trend,
        year=year,
        associations=patterns.associations(scores, items),
        warmth_themes=patterns.themes(warm),
        withdraw_themes=patterns.themes(withdraw),
        one_way=_one_way(contacts),
        quiet_contexts=(
            []
            if running and (as_of - first).days + 1 < QUIET_MIN_DAYS
            else _quiet_contexts(session, first, after)
        ),
        drifted=_drifted(session, as_of, running=running),
        steps_done=done,
        reconnections=_reconnections(session, first, after),
        repairs=_tagged_days(session, first, after, REPAIR_TAG),
        new_people=_new_people(session, first, after),
        loneliness=check,
        loneliness_before=(
            date.fromisoformat(before.month + "-01"),
            before.total,
        )
        if before
        else None,
        notes=notes,
        intentions=current_intentions(session=session, today=first),
        learning=month_learning(session=session, month=first, days=days),
        across=learning.across_months({"connectedness": year, "mood": moods}, items, first),
        beside=_beside(trend, contacts_year, done_year),
        experiments=month_experiments(
            session=session,
            month=first,
            today=today,
            days=days,
            read=YearRead(
                trend_first,
                after,
                per_day,
                contacts_year,
                steps_year,
                items,
                _ticked(session, trend_first, after),
            ),
        ),
        trusted=trusted_lines(session=session) if check is not None else [],
        planner_began=first_month(session=session),
    )


def _beside(
    trend: list[MonthTrend], contacts: list[dict[str, Any]], done: list[StepDone]
) -> list[learning.MonthBeside]:
    """Each trend month's loneliness check beside its people, parts of life, in-person share
    and steps done."""
    channels: dict[tuple[int, int], dict[int, Channel]] = defaultdict(dict)
    for row in contacts:
        channels[(row["day"].year, row["day"].month)][row["id"]] = row["channel"]
    steps = Counter((s.day.year, s.day.month) for s in done)
    found = []
    for m in trend:
        key = (m.month.year, m.month.month)
        seen = channels.get(key, {})
        found.append(
            learning.MonthBeside(
                m.month,
                m.loneliness,
                m.people_in_touch,
                m.contexts_in_touch,
                len(seen),
                sum(c == Channel.IN_PERSON for c in seen.values()),
                steps[key],
            )
        )
    return found


@dataclass(frozen=True)
class DayScores:
    """Sums and counts of one day's scores, so months can average entries, not days."""

    mood_sum: float = 0
    mood_count: int = 0
    connected_sum: float = 0
    connected_count: int = 0

    @property
    def mood(self) -> float | None:
        return self.mood_sum / self.mood_count if self.mood_count else None

    @property
    def connectedness(self) -> float | None:
        return self.connected_sum / self.connected_count if self.connected_count else None


@dataclass(frozen=True)
class YearRead:
    """What the Review has read for its twelve months, [first, after): the month's
    experiments take their weeks from it rather than reading them again."""

    first: date
    after: date
    scores: dict[date, DayScores]
    contacts: list[dict[str, Any]]
    steps: list[tuple[date, str, str, str, date]]
    """(local day due, status, toward, action, day it came about) of each step due, as
    :func:`_steps_due`."""
    items: dict[tuple[str, str], set[date]]
    """As :func:`_items_by_day`: the days of each tag among them."""
    ticked: list[tuple[date, int]] = field(default_factory=list)
    """(day, person id) of each person a check-in counted as in touch (:func:`_ticked`)."""

    def covers(self, first: date, after: date) -> bool:
        return self.first <= first and after <= self.after


def _scores_per_day(session: Session, first: date, after: date) -> dict[date, DayScores]:
    """The mood and connectedness scores of each day with a check-in in [first, after)."""
    rows = session.execute(
        sa.select(
            col(JournalEntry.day),
            sa.func.coalesce(sa.func.sum(JournalEntry.mood), 0),
            sa.func.count(col(JournalEntry.mood)),
            sa.func.coalesce(sa.func.sum(JournalEntry.connectedness), 0),
            sa.func.count(col(JournalEntry.connectedness)),
        )
        .where(col(JournalEntry.day) >= first, _before(col(JournalEntry.day), after))
        .group_by(col(JournalEntry.day))
    ).all()
    return {
        date.fromisoformat(day) if isinstance(day, str) else day: DayScores(
            float(mood), int(moods), float(connected), int(connecteds)
        )
        for day, mood, moods, connected, connecteds in rows
    }


def _trend(session: Session, last: date, per_day: dict[date, DayScores]) -> list[MonthTrend]:
    """The months up to *last*: twelve, or as many as the calendar has (from January 1)."""
    months = sorted({moved(last, months=n - TREND_MONTHS + 1) for n in range(TREND_MONTHS)})
    windows = [day_window(m, moved(m, months=1)) for m in months]
    reached = [contexts_reached(session, start, end)[0] for start, end in windows]
    checks = {
        row.month: row.total
        for row in session.exec(
            select(LonelinessCheck).where(
                col(LonelinessCheck.month) >= month_key(months[0]),
                col(LonelinessCheck.month) <= month_key(months[-1]),
            )
        ).all()
    }
    trend = []
    for month, contexts in zip(months, reached, strict=True):
        days = [s for d, s in per_day.items() if (d.year, d.month) == (month.year, month.month)]
        # Each day counts once, as in the overview (a day of three check-ins weighed three
        # times here, and the two said different numbers for one month).
        moods = [day.mood for day in days if day.mood is not None]
        connected = [day.connectedness for day in days if day.connectedness is not None]
        trend.append(
            MonthTrend(
                month,
                sum(moods) / len(moods) if moods else None,
                sum(connected) / len(connected) if connected else None,
                int(contexts),
                checks.get(month_key(month)),
                people_in_touch(session, month, moved(month, months=1)),
            )
        )
    return trend


def _interaction_rows(
    session: Session, first: date, after: date, days: LocalDays | None = None
) -> list[dict[str, Any]]:
    """Each (interaction, person) of the month with its local day, bounded by the month."""
    start, end = day_window(first, after)
    # Core, not the ORM's row loading: a year of rows is read for the patterns across months.
    rows = (
        session.connection()
        .execute(
            sa.select(
                col(Interaction.id),
                col(Interaction.occurred_at),
                col(Interaction.channel),
                col(Interaction.initiator),
                col(Context.name),
                col(Person.name),
                col(Person.id),
            )
            .outerjoin(Context, col(Context.id) == Interaction.context_id)
            .outerjoin(
                InteractionPersonLink, col(InteractionPersonLink.interaction_id) == Interaction.id
            )
            .outerjoin(Person, col(Person.id) == InteractionPersonLink.person_id)
            .where(col(Interaction.occurred_at) >= start, col(Interaction.occurred_at) < end)
        )
        .all()
    )
    local_day = days or LocalDays()
    channels, initiators = Channel._value2member_map_, Initiator._value2member_map_
    found = []
    for iid, moment, channel, initiator, context, person, person_id in rows:
        found.append(
            {
                "id": iid,
                "day": local_day(moment),
                "channel": channels.get(channel) or Channel(channel),
                "initiator": initiators.get(initiator) or Initiator(initiator),
                "context": context,
                "person": person,
                "person_id": person_id,
            }
        )
    return found


def _weeks(contacts: list[dict[str, Any]], first: date, as_of: date) -> list[WeekChannels]:
    """Interactions per Monday-to-Sunday week, cut at the month's edges."""
    weeks: list[WeekChannels] = []
    day = first
    while day <= as_of:
        last = min(moved(day, days=6 - day.weekday()), as_of)
        weeks.append(WeekChannels(day, last, {}))
        if last == date.max:
            break
        day = moved(last, days=1)
    seen = set()
    for row in contacts:
        if row["id"] in seen or row["day"] > as_of:
            continue
        seen.add(row["id"])
        week = next(w for w in weeks if w.first <= row["day"] <= w.last)
        week.counts[row["channel"]] = week.counts.get(row["channel"], 0) + 1
    return weeks


def _items_by_day(
    session: Session,
    first: date,
    after: date,
    contacts: list[dict[str, Any]],
    done: list[StepDone],
    local_day: LocalDays,
) -> dict[tuple[str, str], set[date]]:
    """Which people, contexts, tags, channels and activities each day of the month had
    (*local_day*: the Review's, shared)."""
    items: dict[tuple[str, str], set[date]] = defaultdict(set)
    for row in contacts:
        items["channel", label(row["channel"])].add(row["day"])
        if row["person"] is not None:
            items["person", row["person"]].add(row["day"])
    # A part of life's days are its contacts as Breadth counts them: a contact logged
    # without one counts for its people's (Family, Ana's and Mum's, was in touch there and
    # missing here, nu233).
    start, end = day_window(first, after)
    reached = context_contacts(start, end)
    for name, moment, day in session.execute(
        sa.select(col(Context.name), reached.c.occurred_at, reached.c.day).join(
            reached, reached.c.context_id == col(Context.id)
        )
    ).all():
        items["context", name].add(local_day(moment) if moment is not None else _as_date(day))
    in_month = (col(JournalEntry.day) >= first, _before(col(JournalEntry.day), after))
    entry_day = col(JournalEntry.day)
    linked: list[tuple[str, Any]] = [
        (
            "person",
            select(entry_day, col(Person.name))
            .join(JournalPersonLink, col(JournalPersonLink.entry_id) == JournalEntry.id)
            .join(Person, col(Person.id) == JournalPersonLink.person_id),
        ),
        (
            "context",
            select(entry_day, col(Context.name))
            .join(JournalContextLink, col(JournalContextLink.entry_id) == JournalEntry.id)
            .join(Context, col(Context.id) == JournalContextLink.context_id),
        ),
        (
            "tag",
            select(entry_day, col(JournalTag.tag)).join(
                JournalTag, col(JournalTag.entry_id) == JournalEntry.id
            ),
        ),
    ]
    for kind, query in linked:
        for day, name in session.exec(query.where(*in_month)).all():
            items[kind, name].add(_as_date(day))
    written: dict[str, str] = {}  # one activity, however capitalised, as first written
    for step in done:  # ("call ana (activity)" beside "Ana (person)", nu228)
        items["activity", written.setdefault(step.action.casefold(), step.action)].add(step.day)
    return items


def _as_date(day: date | str) -> date:
    """A day as the driver gives it (SQLite: text)."""
    return date.fromisoformat(day) if isinstance(day, str) else day


def _notes(session: Session, first: date, after: date) -> tuple[list[str], list[str]]:
    rows = session.exec(
        select(JournalEntry.warmth_note, JournalEntry.withdraw_note).where(
            col(JournalEntry.day) >= first, _before(col(JournalEntry.day), after)
        )
    ).all()
    return [w for w, _ in rows if w.strip()], [w for _, w in rows if w.strip()]


def _one_way(contacts: list[dict[str, Any]]) -> list[OneWay]:
    """People seen at least three times this month where three quarters or more of the
    reaching out came from one side (plans made together count for neither)."""
    by_person: dict[str, Counter[Initiator]] = defaultdict(Counter)
    for row in contacts:
        if row["person"] is not None:
            by_person[row["person"]][row["initiator"]] += 1
    found = []
    for name, counts in by_person.items():
        me, them = counts[Initiator.ME], counts[Initiator.THEM]
        total = sum(counts.values())
        if total >= ONE_WAY_MIN and max(me, them) >= ONE_SIDED_SHARE * total:
            found.append(OneWay(name, me, them, counts[Initiator.MUTUAL]))
    return sorted(found, key=lambda o: (-max(o.by_me, o.by_them), *sort_key(o.name)))


def _quiet_contexts(session: Session, first: date, after: date) -> list[str]:
    before_start, _ = day_window(moved(first, months=-QUIET_MONTHS), first)
    start, end = day_window(first, after)
    seen_before = sa.select(context_contacts(before_start, start).c.context_id).scalar_subquery()
    seen_now = sa.select(context_contacts(start, end).c.context_id).scalar_subquery()
    quiet = session.exec(
        select(Context.name).where(
            col(Context.archived).is_(False),
            col(Context.id).in_(seen_before),
            col(Context.id).not_in(seen_now),
        )
    ).all()
    return sorted(quiet, key=sort_key)


def _drifted(session: Session, as_of: date, *, running: bool) -> list[Drifted]:
    """People past their wished-for rhythm on *as_of*, judged by contact up to that day.

    The one rule the Map and Today use (:func:`planner_tui.services.people.last_contacts`
    and :func:`planner_tui.daily.drifting_days`), as of *as_of*: however long ago the last
    contact was, and counted from when they were added if they were never in touch."""
    _, end = day_window(as_of, moved(as_of, days=1))
    latest = last_contacts(session, last=as_of)
    rows = session.execute(
        sa.select(
            col(Person.id),
            col(Person.name),
            col(Person.cadence_days),
            col(Person.created_at),
            col(Person.snoozed_until),
        )
        .where(col(Person.cadence_days).is_not(None), col(Person.archived).is_(False))
        .where(col(Person.created_at) < end)
    ).all()
    found = []
    for pid, name, cadence, created, snoozed in rows:
        last = latest.get(pid)
        over = drifting_days(
            cadence_days=cadence,
            last_contact=last,
            since=as_aware(created) or end,
            snoozed_until=snoozed if running else None,
            today=as_of,
        )
        if over is not None:
            found.append(Drifted(name, over, cadence, never_in_touch=last is None))
    return sorted(found, key=lambda d: (-d.days_past, *sort_key(d.name)))


def _steps_due(
    session: Session, first: date, after: date, days: LocalDays | None = None
) -> list[tuple[date, str, str, str, date]]:
    """The steps due in [first, after), in order: (local day due, status, toward whom or
    where, action, local day it came about — steps.came_about: settled before its time,
    it came about then)."""
    start, end = day_window(first, after)
    local_day = days or LocalDays()
    # The window's steps, then the done ones by the caller: filtering by status in SQL would
    # tempt SQLite onto the status index, which grows with every year instead of the window.
    return [
        (
            local_day(due),
            status,
            words.toward(name or place or ""),
            action,
            local_day(came_about(due, resolved, status)),
        )
        for due, resolved, name, place, action, status in session.execute(
            sa.select(
                col(Step.due_at),
                col(Step.resolved_at),
                col(Person.name),
                col(Context.name),
                col(Step.action),
                col(Step.status),
            )
            .outerjoin(Person, col(Person.id) == Step.person_id)  # a place's steps count too
            .outerjoin(Context, col(Context.id) == Step.context_id)
            .where(col(Step.due_at) >= start, col(Step.due_at) < end)
            .order_by(col(Step.due_at))
        ).all()
    ]


def _contact_per_person(
    session: Session, start: datetime, end: datetime, *, last: bool
) -> dict[int, datetime]:
    """Each person's first (or last) contact in [start, end): an interaction, or a check-in
    that counts as being in touch (it was left out: someone back in touch by a check-in was
    never "back in touch"). Driven by the time indexes, so it costs the same however many
    years lie outside the window."""
    pick = sa.func.max if last else sa.func.min
    logged = session.execute(
        sa.select(col(InteractionPersonLink.person_id), pick(Interaction.occurred_at))
        .select_from(Interaction)
        .join(InteractionPersonLink, col(InteractionPersonLink.interaction_id) == Interaction.id)
        .where(col(Interaction.occurred_at) >= start, col(Interaction.occurred_at) < end)
        .group_by(col(InteractionPersonLink.person_id))
    ).all()
    link = JournalPersonLink
    noted = session.execute(  # down the entries' index on their day
        sa.select(col(link.person_id), pick(JournalEntry.day))
        .select_from(JournalEntry)
        .join(link, col(link.entry_id) == JournalEntry.id)
        .where(
            COUNTS_AS_CONTACT,
            col(JournalEntry.day) >= clock.to_local(start).date(),
            col(JournalEntry.day) < clock.to_local(end).date(),
        )
        .group_by(col(link.person_id))
    ).all()
    found: dict[int, datetime] = {}
    for pid, moment in [
        *((pid, as_aware(when)) for pid, when in logged),
        *((pid, day_as_moment(day)) for pid, day in noted),
    ]:
        if moment is not None:
            found[pid] = (max if last else min)(found.get(pid, moment), moment)
    return found


def _reconnections(session: Session, first: date, after: date) -> list[Reconnection]:
    """People whose first contact this month came after a long quiet (or none in a year)."""
    start, end = day_window(first, after)
    lookback, _ = day_window(moved(first, days=-LOOKBACK_DAYS), first)
    now = _contact_per_person(session, start, end, last=False)
    before = _contact_per_person(session, lookback, start, last=True)
    found = []
    for pid, name, created in session.execute(
        sa.select(col(Person.id), col(Person.name), col(Person.created_at)).where(
            col(Person.id).in_(list(now))
        )
    ).all():
        day = _local_day(now[pid])
        if pid not in before:
            if (as_aware(created) or lookback) < lookback:
                found.append(Reconnection(name, day, None))
            continue
        gap = (day - _local_day(before[pid])).days
        if gap >= LONG_GAP_DAYS:
            found.append(Reconnection(name, day, gap))
    return sorted(found, key=lambda r: (r.day, *sort_key(r.name)))


def _ticked(session: Session, first: date, after: date) -> list[tuple[date, int]]:
    """(day, person id) of those a check-in in [first, after) counted as in touch: people in
    touch are those in a contact or so counted (:func:`people_in_touch`), in an experiment's
    figures as in the month's (nu156: its table said 0 where the overview said 1)."""
    rows = session.execute(
        sa.select(col(JournalEntry.day), col(JournalPersonLink.person_id))
        .join(JournalEntry, col(JournalEntry.id) == JournalPersonLink.entry_id)
        .where(col(JournalPersonLink.counts_as_contact), col(JournalEntry.day) >= first)
        .where(_before(col(JournalEntry.day), after))
    ).all()
    return [(date.fromisoformat(d) if isinstance(d, str) else d, pid) for d, pid in rows]


def _tagged_days(session: Session, first: date, after: date, tag: str) -> list[date]:
    return [
        date.fromisoformat(day) if isinstance(day, str) else day
        for day in session.exec(
            select(col(JournalEntry.day))
            .join(JournalTag, col(JournalTag.entry_id) == JournalEntry.id)
            .where(JournalTag.tag == tag, col(JournalEntry.day) >= first)
            .where(_before(col(JournalEntry.day), after))
            .distinct()
            .order_by(col(JournalEntry.day))
        ).all()
    ]


def _new_people(session: Session, first: date, after: date) -> list[str]:
    """People added in [first, after), but not those in touch in the year before: someone
    added with a history logged back to September is no new person in December (nu166)."""
    start, end = day_window(first, after)
    lookback, _ = day_window(moved(first, days=-LOOKBACK_DAYS), first)
    known = _contact_per_person(session, lookback, start, last=True)
    added = session.exec(
        select(Person.id, Person.name)
        .where(col(Person.created_at) >= start, col(Person.created_at) < end)
        .where(col(Person.archived).is_(False))
        .order_by(col(Person.created_at))
    ).all()
    # by name, as every list of people (nu202: in the order they were added)
    return sorted((name for pid, name in added if pid not in known), key=sort_key)


def loneliness_check(*, session: Session, month: str) -> LonelinessCheckRead | None:
    """The month's ("2026-11") loneliness check, if taken."""
    row = session.exec(select(LonelinessCheck).where(LonelinessCheck.month == month)).first()
    return LonelinessCheckRead.model_validate(row, from_attributes=True) if row else None


def month_notes(*, session: Session, month: str) -> MonthReviewRead | None:
    """The month's ("2026-11") intentions for the next, wins and note, if written."""
    row = session.exec(select(MonthReview).where(MonthReview.month == month)).first()
    return MonthReviewRead.model_validate(row, from_attributes=True) if row else None


# --------------------------------------------------------------------------- writes


def save_loneliness_check(
    *, session: Session, data: LonelinessCheckCreate | dict[str, object]
) -> LonelinessCheckRead:
    """One check per month: taking it again replaces that month's answers."""
    valid = validate(LonelinessCheckCreate, data)
    row = session.exec(select(LonelinessCheck).where(LonelinessCheck.month == valid.month)).first()
    row = row or LonelinessCheck(month=valid.month, lack_companionship=1, left_out=1, isolated=1)
    row.lack_companionship, row.left_out, row.isolated = (
        valid.lack_companionship,
        valid.left_out,
        valid.isolated,
    )
    row.how_often = valid.how_often
    row.taken_at = clock.utcnow()
    session.add(row)
    session.flush()
    return LonelinessCheckRead.model_validate(row, from_attributes=True)


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
    """Intentions written (in last month's review) for this month: *today*'s month."""
    connection, dialect = driver_connection(session)
    return daily.intentions(connection, today or clock.today(), dialect)
