"""Learning from one's own record of small steps, as plain arithmetic: no database, no UI.

Everything here counts what happened and says how many it counted; nothing says why. The
sentences built from it (``planner_tui.words``) state counts, never a verdict and never a
cause, and each figure stays silent below its minimum.

The service (:mod:`planner_tui.services.learning`) reads the steps and hands them over as
:class:`StepFact` rows; the rules are these:

Calibration (when planning)
    Past steps *done* with both an expected and a felt awkwardness. The most alike come
    first: the same words (any case or spacing), else the same way of being in touch
    (channel), else the same effort tier. The newest :data:`CALIBRATION_LAST` of the first
    group with at least :data:`MIN_SIMILAR` steps are averaged; with fewer in every group,
    nothing is said.

Awkwardness and appreciation, month by month
    Steps *done* in a month (by the local day they were due) with both answers: expected and
    felt awkwardness; or the appreciation guessed when planning and how the other seemed to
    take it afterwards. Each month shows how many steps it counts. A summary needs
    :data:`MIN_SIMILAR` steps.

Following through
    Steps resolved in the window (by the local day their outcome was recorded). A step was
    *taken* when it was done, met a "not now" or is waiting for a reply — in each, you
    reached out; it was *let go* when skipped. A step moved to another time counts once, as
    the moved step, when that one has an outcome. Each comparison (a when-then cue or not,
    an if-then backup or not, sure 7+ of 10 or less, made smaller or not, each effort tier
    against the rest, each channel against the rest) is shown only when both sides have at
    least :data:`MIN_SIDE` steps; steps without a "how sure" answer are left out of that
    one comparison.

"Not now"s that later became a yes
    A "not now" is a step with someone recorded as declined (a place's "not this time" is
    no one's answer), counted in the window by the local day it was due. It *became a yes
    later* when a step recorded done follows it in either way:

    - in its outcome chain: a step its outcome planned (another time, a follow-up), or one
      that step's outcome planned, and so on — however many moves, and whenever it was
      done (a repeating step's next occurrence is the series going on, not the chain);
    - or with the same person, due after the "not now" and no more than
      :data:`YES_WITHIN_DAYS` days after it (a done step due later than that doesn't count).

    A summary needs :data:`MIN_NOT_NOWS` "not now"s.

Giving and receiving (when planning with someone)
    Their newest :data:`TIE_CONTACTS` contacts: those where you gave support (listening or
    practical) and got none count as *you gave*; those where you got some count as *you
    got*. The contacts *lean "I gave"* when you gave in :data:`MIN_GAVE` or more and in three
    quarters or more of those with support either way. Your comfort receiving help is the
    journal's scale, averaged over the check-ins of the last :data:`COMFORT_DAYS` days that
    have it — from :data:`MIN_COMFORT` of them; it is *low* at :data:`LOW_COMFORT` or below.
    Both together: the wizard offers steps where they give (``receiving = true`` in the
    library).

One step richer (when planning with someone)
    Their newest :data:`TIE_CONTACTS` contacts, from :data:`MIN_RICHER` of them, all
    written (not in person, not a call), the oldest of them :data:`RICHER_DAYS` days or more
    before today (written for a while, not only this week), with a warmth noted on
    :data:`MIN_RICHER` or more whose average is :data:`WARM` or more. Then a written step
    is offered one rung richer — the library's step whose smaller version it is, one
    effort tier up at most — never more.

What went together, across months
    Over the last 3, 6 and 12 months up to the one reviewed, and for each score
    (connectedness, mood; a day's score is the mean of its entries'): the days with an item
    (a person, part of life, tag, channel or step done) against the window's other scored
    days — with :data:`MIN_DAYS` on each side and a difference of :data:`NOTABLE` or more,
    the means, the difference and the effect size (Cohen's d, the difference over the
    pooled spread of the days' scores). A person is shown only when their days went with
    *higher* scores (nothing here reads as a verdict on someone); other kinds show both. A
    row with fewer than :data:`FEW_DAYS` days on a side is marked as resting on few days.

The loneliness check beside contact
    The months with a check are split in two at the total that parts them most evenly
    (a month still in progress is left out: its contact is only partly counted yet);
    with :data:`MIN_CHECK_MONTHS` on each side, each figure's mean per side (people and
    parts of life in touch, small steps done a month; the in-person share of all the
    side's contacts).

Small experiments
    The days an experiment has run (to its last day, the day it was ended, or today) and as
    many days just before it, with the same figures for each. Too little to tell below
    :data:`MIN_EXPERIMENT_DAYS` days run, or without :data:`MIN_SCORED` scored days on both
    sides (of either score) and with no contact or step on either side.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial

from dateutil.relativedelta import relativedelta

from planner_tui.outcomes import TAKEN, not_now, taken
from planner_tui.patterns import may_show

DONE = "done"
DECLINED = "declined"
MOVED = "rescheduled"
PLANNED = "planned"
LET_GO = frozenset({"skipped"})
MIN_SIMILAR = 3
"""Past steps needed before calibration or appreciation says anything."""
CALIBRATION_LAST = 10
"""Calibration averages at most this many of the newest similar steps."""
MIN_SIDE = 5
"""Steps needed on each side of a follow-through comparison."""
SURE = 7
"""'How sure' from this (of 10) counts as sure: the wizard offers a smaller step below it."""
MIN_NOT_NOWS = 3
"""'Not now's needed before saying how many became a yes."""
YES_WITHIN_DAYS = 90
"""A done step with the same person counts as the yes to a 'not now' within this many days."""
TIE_CONTACTS = 6
"""Giving and receiving, and one step richer, look at someone's newest this many contacts."""
MIN_GAVE = 3
"""Contacts where you gave support needed before the contacts lean 'I gave'."""
GAVE_SHARE = 0.75
COMFORT_DAYS = 30
MIN_COMFORT = 3
"""Check-ins with 'comfort receiving help' needed before it says anything."""
LOW_COMFORT = 2.5
"""Comfort receiving help, averaged, at or below this (of 5) is low."""
MIN_RICHER = 3
"""Contacts (and warmths noted) needed before one step richer is offered."""
RICHER_DAYS = 21
WARM = 4.0
WRITTEN = frozenset({"text", "social", "other"})
"""Channels that are neither a voice nor a meeting (the balance's 'written')."""

CHANNEL_NOUNS = {
    "call": ("call", "calls"),
    "text": ("message", "messages"),
    "in_person": ("in-person step", "in-person steps"),
    "social": ("step on social media", "steps on social media"),
    "other": ("letter or other step", "letters and other steps"),
}
"""A channel's steps, one and many ('your last 8 calls')."""
EFFORT_NOUNS = {
    "tiny": ("tiny step", "tiny steps"),
    "small": ("small step", "small steps"),
    "bigger": ("bigger step", "bigger steps"),
    "own": ("step in your own words", "steps in your own words"),
}
LIKE_THIS = ("step like this one", "steps like this one")
CHANNEL_GROUPS = {
    "call": "Calls",
    "text": "Messages",
    "in_person": "In-person steps",
    "social": "Steps on social media",
    "other": "Letters and other steps",
}
EFFORT_GROUPS = {
    "tiny": "Steps chosen as tiny",
    "small": "Steps chosen as small",  # "Small steps" is every step's name (nu197)
    "bigger": "Steps chosen as bigger",
    "own": "Steps in your own words",
}


@dataclass(frozen=True)
class StepFact:
    """One step, as the figures need it."""

    id: int
    status: str
    due_at: datetime
    due_day: date
    """The local day it was due."""
    person_id: int | None = None
    previous_id: int | None = None
    repeats: bool = False
    """It has a repeat rule (its next occurrence is the series going on)."""
    resolved_day: date | None = None
    """The local day its outcome was recorded."""
    action: str = ""
    effort: str = "small"
    channel: str | None = None
    expected: int | None = None
    felt: int | None = None
    confidence: int | None = None
    cue: bool = False
    backup: bool = False
    shrunk: bool = False
    forecast: int | None = None
    response: int | None = None


def _mean(values: Iterable[int]) -> float:
    found = list(values)
    return sum(found) / len(found)


def same_words(text: str) -> str:
    return " ".join(text.casefold().split())


# --------------------------------------------------------------------------- calibration


@dataclass(frozen=True)
class Calibration:
    kind: str
    """'action', 'channel' or 'effort': how the steps are alike."""
    noun: tuple[str, str]
    """One of them and many: ('call', 'calls'), ('tiny step', 'tiny steps')."""
    count: int
    expected: float
    felt: float


def calibration(
    past: Iterable[StepFact], *, action: str = "", channel: str | None = None, effort: str = ""
) -> Calibration | None:
    """Expected against felt awkwardness for past steps like this one (see the module's
    rules), or None when there are too few."""
    compared = sorted(
        (s for s in past if s.status == DONE and s.expected is not None and s.felt is not None),
        key=lambda s: (s.due_day, s.id),
        reverse=True,
    )
    words = same_words(action)
    groups: list[tuple[str, tuple[str, str], list[StepFact]]] = []
    if words:
        groups.append(("action", LIKE_THIS, [s for s in compared if same_words(s.action) == words]))
    if channel:
        groups.append(
            (
                "channel",
                CHANNEL_NOUNS.get(channel, ("step", "steps")),
                [s for s in compared if s.channel == channel],
            )
        )
    if effort:
        groups.append(
            (
                "effort",
                EFFORT_NOUNS.get(effort, ("step", "steps")),
                [s for s in compared if s.effort == effort],
            )
        )
    for kind, noun, found in groups:
        if len(found) >= MIN_SIMILAR:
            newest = found[:CALIBRATION_LAST]
            return Calibration(
                kind,
                noun,
                len(newest),
                _mean(s.expected for s in newest if s.expected is not None),
                _mean(s.felt for s in newest if s.felt is not None),
            )
    return None


# --------------------------------------------------------------------------- month by month


@dataclass(frozen=True)
class Paired:
    """Two answers about the same steps: before (expected, forecast) and after."""

    count: int
    before: float | None
    after: float | None


def paired(steps: Iterable[StepFact], kind: str) -> Paired:
    """Done steps with both answers of *kind* ('awkwardness' or 'appreciation')."""
    pairs = [
        (s.expected, s.felt) if kind == "awkwardness" else (s.forecast, s.response)
        for s in steps
        if s.status == DONE
    ]
    both = [(a, b) for a, b in pairs if a is not None and b is not None]
    if not both:
        return Paired(0, None, None)
    return Paired(len(both), _mean(a for a, _ in both), _mean(b for _, b in both))


def by_month(
    steps: Iterable[StepFact], months: Sequence[date], kind: str
) -> list[tuple[date, Paired]]:
    """:func:`paired` for each of *months* (first days), by the local day steps were due."""
    grouped: dict[tuple[int, int], list[StepFact]] = defaultdict(list)
    for step in steps:
        grouped[step.due_day.year, step.due_day.month].append(step)
    return [(m, paired(grouped.get((m.year, m.month), []), kind)) for m in months]


# --------------------------------------------------------------------------- following through


@dataclass(frozen=True)
class Comparison:
    key: str
    with_label: str
    """'Steps with a when-then cue'."""
    without_label: str
    """'without one'."""
    taken_with: int
    count_with: int
    taken_without: int
    count_without: int


def resolved(steps: Iterable[StepFact]) -> list[StepFact]:
    """The steps a follow-through figure counts: taken or let go (moved ones are not)."""
    return [s for s in steps if s.status in TAKEN or s.status in LET_GO]


def _effort_is(effort: str, step: StepFact) -> bool:
    return step.effort == effort


def _channel_is(channel: str, step: StepFact) -> bool:
    return step.channel == channel


def follow_through(steps: Iterable[StepFact]) -> list[Comparison]:
    """Each comparison with :data:`MIN_SIDE` steps or more on both sides, in a fixed order."""
    counted = resolved(steps)
    tests: list[tuple[str, str, str, list[StepFact], list[StepFact]]] = []

    def split(
        key: str, yes: str, no: str, rows: list[StepFact], test: Callable[[StepFact], bool]
    ) -> None:
        inside = [s for s in rows if test(s)]
        outside = [s for s in rows if not test(s)]
        tests.append((key, yes, no, inside, outside))

    split("cue", "Steps with a when-then cue", "without one", counted, lambda s: s.cue)
    split("backup", "Steps with an if-then backup", "without one", counted, lambda s: s.backup)
    sure = [s for s in counted if s.confidence is not None]
    split("sure", f"Steps you were {SURE} or more of 10 sure of", f"below {SURE}", sure,
          lambda s: (s.confidence or 0) >= SURE)  # fmt: skip
    split("shrunk", "Steps you made smaller", "the others", counted, lambda s: s.shrunk)
    for effort, name in EFFORT_GROUPS.items():
        split(f"effort.{effort}", name, "other steps", counted, partial(_effort_is, effort))
    for channel, name in CHANNEL_GROUPS.items():
        split(f"channel.{channel}", name, "other steps", counted, partial(_channel_is, channel))
    found = []
    for key, yes, no, inside, outside in tests:
        if len(inside) >= MIN_SIDE and len(outside) >= MIN_SIDE:
            found.append(
                Comparison(
                    key,
                    yes,
                    no,
                    sum(taken(s.status, s.person_id) for s in inside),
                    len(inside),
                    sum(taken(s.status, s.person_id) for s in outside),
                    len(outside),
                )
            )
    return found


# --------------------------------------------------------------------------- not now, then yes


@dataclass(frozen=True)
class NotNows:
    count: int
    became_yes: int


def became_yes(decline: StepFact, steps: Sequence[StepFact]) -> bool:
    """Whether *decline* later became a yes among *steps* (see the module's rules)."""
    planned_by: dict[int, list[StepFact]] = defaultdict(list)
    for step in steps:
        if step.previous_id is not None and not step.repeats:
            planned_by[step.previous_id].append(step)
    seen = {decline.id}
    waiting = [decline.id]
    while waiting:
        for follower in planned_by.get(waiting.pop(), []):
            if follower.id in seen:
                continue
            if follower.status == DONE:
                return True
            seen.add(follower.id)
            waiting.append(follower.id)
    if decline.person_id is None:
        return False
    limit = decline.due_at + timedelta(days=YES_WITHIN_DAYS)
    return any(
        step.status == DONE
        and step.person_id == decline.person_id
        and decline.due_at < step.due_at <= limit
        for step in steps
    )


def not_nows(declines: Iterable[StepFact], steps: Sequence[StepFact]) -> NotNows:
    """How many of *declines* (the window's 'not now's) became a yes among *steps* (every
    step that could be that yes: their chains, and the same people's steps after them)."""
    found = [d for d in declines if not_now(d.status, d.person_id)]
    return NotNows(len(found), sum(became_yes(d, steps) for d in found))


# --------------------------------------------------------------------------- with someone


@dataclass(frozen=True)
class ContactFact:
    """One contact with someone, as giving/receiving and one step richer need it."""

    day: date
    """The local day it happened."""
    channel: str
    warmth: int | None = None
    gave: bool = False
    """You gave support (listening or practical)."""
    got: bool = False
    """You got support."""


@dataclass(frozen=True)
class Giving:
    gave: int
    """Contacts where you gave support and got none."""
    got: int
    """Contacts where you got support."""
    counted: int
    """The contacts looked at."""
    comfort: float
    """Comfort receiving help, averaged."""
    check_ins: int
    """The check-ins that average counts."""


def _newest(contacts: Iterable[ContactFact]) -> list[ContactFact]:
    return sorted(contacts, key=lambda c: c.day, reverse=True)[:TIE_CONTACTS]


def leaning_giving(contacts: Iterable[ContactFact], comfort: Iterable[int]) -> Giving | None:
    """Contacts leaning "I gave" while comfort receiving help is low (the module's rules),
    with the counts; None otherwise, or with too little to tell."""
    newest = _newest(contacts)
    gave = sum(c.gave and not c.got for c in newest)
    got = sum(c.got for c in newest)
    scores = list(comfort)
    if gave < MIN_GAVE or gave < GAVE_SHARE * (gave + got) or len(scores) < MIN_COMFORT:
        return None
    average = _mean(scores)
    if average > LOW_COMFORT:
        return None
    return Giving(gave, got, len(newest), average, len(scores))


@dataclass(frozen=True)
class Richer:
    contacts: int
    """The written contacts looked at."""
    since: date
    """The oldest of them."""
    warmths: int
    warmth: float


def richer_tie(contacts: Iterable[ContactFact], today: date) -> Richer | None:
    """A tie written-only for a while whose recent contacts felt warm (the module's rules),
    with the counts; None otherwise."""
    newest = _newest(contacts)
    if len(newest) < MIN_RICHER or any(c.channel not in WRITTEN for c in newest):
        return None
    since = newest[-1].day
    if (today - since).days < RICHER_DAYS:
        return None
    warmths = [c.warmth for c in newest if c.warmth is not None]
    if len(warmths) < MIN_RICHER or _mean(warmths) < WARM:
        return None
    return Richer(len(newest), since, len(warmths), _mean(warmths))


# --------------------------------------------------------------------------- across months

WINDOWS = (3, 6, 12)
"""The windows, in months up to the one reviewed, that patterns are looked for across."""
MEASURES = ("connectedness", "mood")
MIN_DAYS = 3
"""Scored days needed with an item and without it (the same rule as within one month)."""
NOTABLE = 0.3
"""Differences in the average score (1–5) smaller than this are not worth a row."""
ACROSS_SHOWN = 5
"""Rows shown for each window and score."""
FEW_DAYS = 5
"""A row across months with fewer days than this on a side rests on few days (and says so)."""


def months_before(first: date, months: int) -> date:
    """The first day of the month *months* − 1 before *first* (held at 1 January 1)."""
    try:
        return first + relativedelta(months=1 - months)
    except (ValueError, OverflowError):
        return date.min


@dataclass(frozen=True)
class Together:
    """A score on the days with an item against the days without it, in one window."""

    kind: str
    name: str
    days_with: int
    mean_with: float
    days_without: int
    mean_without: float
    effect: float | None
    """The difference in units of the days' spread (Cohen's d, pooled); None when every
    day had the same score."""

    @property
    def difference(self) -> float:
        return self.mean_with - self.mean_without

    @property
    def few_days(self) -> bool:
        """Fewer than :data:`FEW_DAYS` days on one side or the other."""
        return min(self.days_with, self.days_without) < FEW_DAYS


@dataclass(frozen=True)
class WindowPatterns:
    months: int
    measure: str
    """'connectedness' or 'mood'."""
    days: int
    """Scored days in the window."""
    found: list[Together]
    compared: int = 0
    """Items with :data:`MIN_DAYS` scored days on both sides: none, and nothing could stand
    out (it said "nothing stood out" of 8 days where no item had 3 without it, nu164)."""


def _together(
    key: tuple[str, str], n1: int, s1: float, q1: float, n: int, total: float, squares: float
) -> Together | None:
    """An item's *n1* scored days (sum *s1*, sum of squares *q1*) against the rest of *n*
    days (sum *total*, sum of squares *squares*), or None below the minimums."""
    n2 = n - n1
    if n1 < MIN_DAYS or n2 < MIN_DAYS:
        return None
    s2, q2 = total - s1, squares - q1
    m1, m2 = s1 / n1, s2 / n2
    if abs(m1 - m2) < NOTABLE:
        return None
    within = (q1 - n1 * m1 * m1) + (q2 - n2 * m2 * m2)
    spread = math.sqrt(max(within, 0.0) / (n1 + n2 - 2))
    effect = (m1 - m2) / spread if spread > 1e-9 else None
    return Together(key[0], key[1], n1, m1, n2, m2, effect)


def _ranked(found: Iterable[Together | None]) -> list[Together]:
    return sorted(
        (t for t in found if t is not None),
        # Of equal size, the higher first: a +4.0 #walk was left out for a -4.0 (nu220).
        key=lambda t: (-abs(t.effect if t.effect is not None else t.difference), -t.difference,
                       t.kind, t.name.casefold()),
    )  # fmt: skip


def went_together(
    scores: Mapping[date, float], items: Mapping[tuple[str, str], Iterable[date]]
) -> list[Together]:
    """Each item's scored days against the other scored days: only with :data:`MIN_DAYS` on
    both sides and a difference of :data:`NOTABLE` or more; largest effect first."""
    n, total = len(scores), sum(scores.values())
    squares = sum(v * v for v in scores.values())
    found = []
    for key, days in items.items():
        scored = [scores[d] for d in set(days) if d in scores]
        found.append(
            _together(key, len(scored), sum(scored), sum(v * v for v in scored), n, total, squares)
        )
    return _ranked(found)


def _suffix_sums(values: Sequence[float]) -> tuple[list[float], list[float]]:
    """Sums and sums of squares of values[i:] for every i (and 0 past the end)."""
    sums, squares = [0.0] * (len(values) + 1), [0.0] * (len(values) + 1)
    for i in range(len(values) - 1, -1, -1):
        sums[i] = sums[i + 1] + values[i]
        squares[i] = squares[i + 1] + values[i] * values[i]
    return sums, squares


def across_months(
    scores: Mapping[str, Mapping[date, float]],
    items: Mapping[tuple[str, str], Iterable[date]],
    month: date,
    windows: Sequence[int] = WINDOWS,
) -> list[WindowPatterns]:
    """For each window of months up to *month* and each score (connectedness, mood), what
    went together with higher or lower scores (:func:`went_together`, the same figures).
    *scores* and *items* may reach further back; days after *month* must not be in them.
    Each item's days are sorted once and summed from the end, so a window costs a search
    per item, not a pass over its days."""
    first = month.replace(day=1)
    starts = {months: months_before(first, months) for months in windows}
    by_window: dict[tuple[int, str], WindowPatterns] = {}
    for measure in MEASURES:
        scored = scores.get(measure, {})
        days = sorted(scored)
        sums, squares = _suffix_sums([scored[d] for d in days])
        per_item = []
        for key, item_days in items.items():
            mine = sorted(d for d in set(item_days) if d in scored)
            if len(mine) >= MIN_DAYS:
                per_item.append((key, mine, *_suffix_sums([scored[d] for d in mine])))
        for months, start in starts.items():
            at = bisect_left(days, start)
            n = len(days) - at
            found = []
            compared = 0
            for key, mine, item_sums, item_squares in per_item:
                i = bisect_left(mine, start)
                compared += min(len(mine) - i, n - len(mine) + i) >= MIN_DAYS
                found.append(
                    _together(key, len(mine) - i, item_sums[i], item_squares[i], n, sums[at],
                              squares[at])
                )  # fmt: skip
            shown = (t for t in found if t is None or may_show(t.kind, t.difference))
            by_window[months, measure] = WindowPatterns(
                months, measure, n, _ranked(shown), compared
            )
    return [by_window[months, measure] for months in windows for measure in MEASURES]


@dataclass(frozen=True)
class MonthBeside:
    """One month's loneliness check beside how wide and how near its contact was."""

    month: date
    loneliness: int | None
    people: int
    contexts: int
    contacts: int
    in_person: int
    steps_done: int


BESIDE = {
    "people": "People in touch (a month)",
    "contexts": "Parts of life in touch (a month)",
    "in_person": "Contact in person",
    "steps_done": "Small steps done (a month)",
}
MIN_CHECK_MONTHS = 3
"""Months with a check needed on each side (lower and higher totals) before comparing."""


@dataclass(frozen=True)
class LonelinessBeside:
    threshold: int
    """Months with a total at or below this are the lower ones."""
    lower: int
    higher: int
    rows: list[tuple[str, float | None, float | None]]
    """(figure key, lower months' value, higher months' value); in-person is a share."""


def in_progress(month: date, as_of: date | None) -> bool:
    """True when *month* (any day of it) has not ended by *as_of* (None: every month ended)."""
    return as_of is not None and month.replace(day=1) + relativedelta(months=1) > as_of + ONE_DAY


ONE_DAY = timedelta(days=1)


def loneliness_beside(
    months: Sequence[MonthBeside], as_of: date | None = None
) -> LonelinessBeside | None:
    """Months with a loneliness check, split in two at the total that parts them most evenly
    (at or below it, above it; the lower total when two part them as evenly), with each
    figure's mean per side; None without :data:`MIN_CHECK_MONTHS` months on each side. A
    month that has not ended by *as_of* (the last day counted) is left out: its contact is
    only partly counted yet."""
    checked = [m for m in months if m.loneliness is not None and not in_progress(m.month, as_of)]
    if len(checked) < 2 * MIN_CHECK_MONTHS:
        return None
    totals = [m.loneliness for m in checked if m.loneliness is not None]

    def balance(t: int) -> tuple[int, int]:
        low = sum(total <= t for total in totals)
        return min(low, len(totals) - low), -abs(2 * low - len(totals))

    candidates = sorted(set(totals))[:-1]
    if not candidates:
        return None
    threshold = max(candidates, key=balance)
    lower = [m for m in checked if (m.loneliness or 0) <= threshold]
    higher = [m for m in checked if (m.loneliness or 0) > threshold]
    if len(lower) < MIN_CHECK_MONTHS or len(higher) < MIN_CHECK_MONTHS:
        return None

    def mean(side: list[MonthBeside], key: str) -> float | None:
        if key == "in_person":
            contacts = sum(m.contacts for m in side)
            return sum(m.in_person for m in side) / contacts if contacts else None
        return float(sum(int(getattr(m, key)) for m in side)) / len(side)

    rows = [(key, mean(lower, key), mean(higher, key)) for key in BESIDE]
    return LonelinessBeside(threshold, len(lower), len(higher), rows)


# --------------------------------------------------------------------------- experiments

MIN_EXPERIMENT_DAYS = 7
"""Days an experiment must have run before its figures are compared."""
MIN_SCORED = 5
"""Days with a score needed on each side before a mean is compared."""


@dataclass(frozen=True)
class Period:
    first: date
    last: date
    """Inclusive."""

    @property
    def days(self) -> int:
        return max((self.last - self.first).days + 1, 0)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last


def experiment_periods(
    starts: date, ends: date, ended_on: date | None, today: date
) -> tuple[Period, Period]:
    """The days the experiment has run (from its start to its end, the day it was ended, or
    today, whichever is first) and as many days just before it."""
    last = min(ends, ended_on or ends, today)
    during = Period(starts, last)
    before = Period(starts - timedelta(days=during.days), starts - timedelta(days=1))
    return before, during


@dataclass(frozen=True)
class PeriodFigures:
    days: int
    mood_days: int = 0
    mood: float | None = None
    connected_days: int = 0
    connected: float | None = None
    contacts: int = 0
    in_person: int = 0
    people: int = 0
    steps_due: int = 0
    steps_done: int = 0
    tied: int = 0
    """Days tagged with the experiment's tag, or its repeating step done."""


def period_figures(
    period: Period,
    mood: Mapping[date, float],
    connected: Mapping[date, float],
    contacts: Iterable[tuple[date, int, str, int | None]],
    steps: Iterable[tuple[date, str]],
    tied: Iterable[date],
    today: date | None = None,
    ticked: Iterable[tuple[date, int]] = (),
) -> PeriodFigures:
    """The figures of *period*: each day's mean scores, contacts as (day, interaction id,
    channel, person id), steps as (day due, status), the days the experiment happened, and
    those a check-in counted as in touch, as (day, person id): people in touch either way.
    A step still planned for *today* or later is still to come: not counted as due (a
    running experiment's "4 of 9" held two steps due that evening)."""
    moods = [v for d, v in mood.items() if d in period]
    feels = [v for d, v in connected.items() if d in period]
    seen: dict[int, str] = {}
    people = set()
    for day, iid, channel, person in contacts:
        if day in period:
            seen[iid] = channel
            if person is not None:
                people.add(person)
    people |= {person for day, person in ticked if day in period}
    # A step moved to another time counts once, at its new time, as in the month's figures.
    due = [
        status
        for day, status in steps
        if day in period
        and status != MOVED
        and not (status == PLANNED and today is not None and day >= today)
    ]
    return PeriodFigures(
        days=period.days,
        mood_days=len(moods),
        mood=sum(moods) / len(moods) if moods else None,
        connected_days=len(feels),
        connected=sum(feels) / len(feels) if feels else None,
        contacts=len(seen),
        in_person=sum(channel == "in_person" for channel in seen.values()),
        people=len(people),
        steps_due=len(due),
        steps_done=sum(status == DONE for status in due),
        tied=len({d for d in tied if d in period}),
    )


def too_little_to_tell(before: PeriodFigures, during: PeriodFigures) -> bool:
    """Too few days run, or neither score has :data:`MIN_SCORED` days on both sides and
    there was no contact or step on either side to count."""
    if during.days < MIN_EXPERIMENT_DAYS:
        return True
    scored = any(
        min(getattr(before, n), getattr(during, n)) >= MIN_SCORED
        for n in ("mood_days", "connected_days")
    )
    counted = (before.contacts + during.contacts + before.steps_due + during.steps_due) > 0
    return not (scored or counted)
