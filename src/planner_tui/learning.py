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
    A "not now" is a step recorded as declined, counted in the window by the local day it
    was due. It *became a yes later* when a step recorded done follows it in either way:

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
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial

DONE = "done"
DECLINED = "declined"
TAKEN = frozenset({"done", "declined", "no_reply"})
"""Outcomes where you reached out (the rest of it was the other person's, or timing)."""
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
    "tiny": "Tiny steps",
    "small": "Small steps",
    "bigger": "Bigger steps",
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
                    sum(s.status in TAKEN for s in inside),
                    len(inside),
                    sum(s.status in TAKEN for s in outside),
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
    found = [d for d in declines if d.status == DECLINED]
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
