"""Times as people say them — "yesterday evening", "fri 7pm", "in 3 days", "sun 2 weeks ago",
"2026-12-01 18:00" — and repeats as RFC 5545 rules ("every 2 weeks", "every mon and thu").

A small grammar of day words and parts of the day on top of python-dateutil, which does the
calendar arithmetic (relativedelta), reads every absolute form (its parser), settles times
that a clock change skips (tz.resolve_imaginary) and expands repeats (rrule). Anything it
cannot read raises :class:`InvalidInput` with examples, never a guess.
"""

from __future__ import annotations

import contextlib
import re
import time as time_module
from calendar import monthrange
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any, Literal

from dateutil import parser as date_parser, tz
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta, weekday
from dateutil.rrule import rrule, rruleset, rrulestr

from planner_tui import clock, words
from planner_tui.errors import InvalidInput

Lean = Literal["past", "future"]
"""Which way an open phrase goes: logging what happened ("past") or planning ("future")."""

MAX_LENGTH = 80
WEEKDAYS: dict[str, weekday] = {}
for _names, _day_code in (
    (("mon", "monday"), MO),
    (("tue", "tues", "tuesday"), TU),
    (("wed", "weds", "wednesday"), WE),
    (("thu", "thur", "thurs", "thursday"), TH),
    (("fri", "friday"), FR),
    (("sat", "saturday"), SA),
    (("sun", "sunday"), SU),
):
    WEEKDAYS.update(dict.fromkeys(_names, _day_code))
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

PARTS_OF_DAY = {
    "morning": time(9),
    "noon": time(12),
    "midday": time(12),
    "lunch": time(12, 30),
    "lunchtime": time(12, 30),
    "afternoon": time(15),
    "evening": time(19),
    "tonight": time(20),
    "night": time(21),
    "midnight": time(0),
}
PART_BEGINS = {"morning": time(5), "afternoon": time(12), "evening": time(17),
               "tonight": time(18), "night": time(20)}  # fmt: skip
"""When a part of the day has begun: logged within it, before its usual time above, it
is now."""
DEFAULT_TIME = time(12)
LAST_MINUTE = time(23, 59)
UNITS = {"minute": "minutes", "hour": "hours", "day": "days", "week": "weeks",
         "fortnight": "weeks", "month": "months", "year": "years"}  # fmt: skip


def examples(lean: Lean, now: datetime | None = None, *, day: bool = False) -> str:
    """What would work, leaning the way the question does — ahead when planning, behind
    when logging — with a date a week from today's (on the current clock); for a *day*
    (an experiment's start, a check-in's day), days alone, no time."""
    now = now or clock.now()
    week = timedelta(days=7 if lean == "future" else -7)
    try:
        on = (now + week).date()
    except OverflowError:  # the calendar's first or last week
        on = now.date()
    return (
        f"Try {EXAMPLES[lean, day]}, or {clock.strftime(on, '%Y-%m-%d')}{'' if day else ' 18:00'}."
    )


EXAMPLES: dict[tuple[str, bool], str] = {
    ("future", False): "'tomorrow 6pm', 'fri 7pm', 'in 3 days'",
    ("future", True): "'tomorrow', 'next monday', 'in 2 weeks'",
    ("past", False): "'yesterday evening', 'fri 7pm', '2 days ago'",
    ("past", True): "'yesterday', 'last sat', '2 days ago'",
}
"""Said in a refusal, by the way the question leans and whether it asks for a day alone."""


CLOCK_SLACK = timedelta(minutes=5)
"""How far ahead of this clock a contact may be said to have happened, and how far a time
may be from now and still be "now": two computers' clocks, or a step kept a few minutes
early, differ by that much."""
QUICK_PICKS = ("tonight", "tomorrow 6pm", "this weekend")
"""One-key answers to "when?" in the planner."""

_AMOUNT = r"(?P<n>\d{1,9}|an?|one|two|three|four|five|six)"
"""How many: "in 10000 days" was unreadable, where a span too far is said to be too far."""
_UNIT = r"(?P<unit>minute|hour|day|week|fortnight|month|year)s?"
_RELATIVE = re.compile(
    rf"^(?:(?P<in>in)\s+)?{_AMOUNT}\s+{_UNIT}(?:\s+(?P<ago>ago|from now|later))?$"
)
_WORD_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_SHORT_UNITS = {"min": "minutes", "mins": "minutes", "hr": "hours", "hrs": "hours",
                "wk": "weeks", "wks": "weeks", "yr": "years", "yrs": "years"}  # fmt: skip
_SHORT_UNIT = re.compile(rf"\b{_AMOUNT.replace('?P<n>', '')}\s*({'|'.join(_SHORT_UNITS)})\b")
"""A unit as people shorten it after an amount: 'in 5 mins', '2 hrs ago', 'in 3wks'."""
_YEAR_FIRST = re.compile(r"^\d{4}[-/.]")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_READ_BACK_NOTE = re.compile(r"\s+\((?:in [^()]*|[^()]* ago|today|tomorrow|yesterday)\)\s*$")
"""How far away a read-back says the time is (:func:`describe`): the date before it says
it all."""
_TIME = re.compile(r"^(?:at\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*(?:(a|p)\.?(?:m\.?)?)?$")
_GLUED = frozenset({"st", "nd", "rd", "th", "t"})
"""What dateutil passes over inside a word — '1st', 'T18:00' — and must not pass over as a
word of its own ('th 7pm' is not Thursday)."""
_LINKS = frozenset({"at", "on", "of"})
"""Words that join a date and a time ('1 dec at 6pm') and say nothing more."""
_DATE_WORDS = date_parser.parserinfo()
_CLOCK_TIME = re.compile(
    r"(?<![\d:.+-])\d{1,2}(?::\d{2}){1,2}(?:\s*[ap]\.?m?\.?(?![a-z]))?"
    r"|(?<![\d:.+-])\d{1,2}(?:\.\d{2})?\s*[ap]\.?m?\.?(?![a-z])"
)
"""A time of day as dateutil reads it ('18:30', '7pm', '7 p.m.'): one to a time."""


def parse_when(
    text: str,
    *,
    lean: Lean = "past",
    now: datetime | None = None,
    day: bool = False,
    at: time | None = None,
) -> datetime:
    """Read *text* as a local, timezone-aware moment (to the minute); *day*: a day is
    asked for, so the examples in a refusal are days without a time; *at*: the time of day
    for a later day said without one (a step moved to 'next week' keeps its 18:00), else
    midday.

    *lean* settles words that could go either way: a bare weekday is the most recent one
    when logging ("past") and the coming one when planning ("future") — today's, said
    with a time still to come (or gone, when logging); so are a time alone ("6pm") and a
    date without a year.
    """
    return parse_when_noted(text, lean=lean, now=now, day=day, at=at)[0]


def day_this_year(text: str, now: datetime | None = None) -> date:
    """A day said where it may be gone by or still to come (a filter over both): the
    reading in this calendar year, else the one gone by ("10 dec", five days before it,
    was last year's, and a filter of the steps to come found none; "1 may" in December is
    this May). Refused as a day gone by is."""
    gone_by = parse_when(text, lean="past", now=now, day=True).date()
    try:
        to_come = parse_when(text, lean="future", now=now, day=True).date()
    except InvalidInput:
        return gone_by
    year = clock.to_local(now).year if now else clock.today().year
    return to_come if to_come.year == year and gone_by.year != year else gone_by


def parse_when_noted(
    text: str,
    *,
    lean: Lean = "past",
    now: datetime | None = None,
    day: bool = False,
    at: time | None = None,
) -> tuple[datetime, str | None]:
    """:func:`parse_when`, and a sentence when the time said doesn't exist that night (the
    clocks go forward) and was moved to one that does; else None."""
    now = (now or clock.now()).replace(second=0, microsecond=0)
    try:
        said = _read(text, lean, now, at, day_asked=day)
        moment = _settle(said)
        if lean == "future":  # (a clock on the last day can still log it)
            _check_room(moment)
        elif not day:
            _check_start(moment)
    except InvalidInput as refusal:
        raise InvalidInput(f"{refusal} {examples(lean, now, day=day)}", field="when") from None
    except (ValueError, OverflowError):  # 'in 9999 years', '9999-12-31 23:59 -05:00'
        raise InvalidInput(
            f"'{_shown(text)}' is too far from today to be {'a day' if day else 'a time'}. "
            f"{examples(lean, now, day=day)}",
            field="when",
        ) from None
    return moment, clock_change_note(said, moment)


LAST_ROOM = timedelta(days=1)
"""A time must leave this much of the calendar after it (before 31 Dec 9999 ends), here and
in UTC, so a step's event — its end, its alarm, its time in another zone — can be written."""


def has_room(moment: datetime) -> bool:
    """Whether *moment* leaves :data:`LAST_ROOM` of the calendar after it, here and in UTC."""
    last = datetime.max - LAST_ROOM
    try:
        in_utc = moment.astimezone(UTC).replace(tzinfo=None)
    except OverflowError:  # past the end in UTC
        return False
    return moment.replace(tzinfo=None) <= last and in_utc <= last


def _check_room(moment: datetime) -> None:
    """Refuse a moment to plan on the calendar's last day: its event couldn't be written."""
    if not has_room(moment):
        raise InvalidInput(
            "That is too close to the end of the calendar (31 Dec 9999): what is planned "
            "needs a little room after it.",
            field="when",
        )


FIRST_ROOM = timedelta(hours=14)
"""A time must be this far into the calendar (1 Jan 0001) in UTC, so it can be shown in every
zone: one at 00:00 on its first day, kept in UTC, stopped a person's page and an export
made in New York."""


def _check_start(moment: datetime) -> None:
    """Refuse a time too near the calendar's first moment to show in every time zone."""
    try:
        in_utc = moment.astimezone(UTC).replace(tzinfo=None)
    except OverflowError:  # before the start in UTC
        in_utc = datetime.min
    if in_utc < datetime.min + FIRST_ROOM:
        raise InvalidInput(
            "That is too close to the start of the calendar (1 Jan 0001) to be a time here "
            "and in every time zone.",
            field="when",
        )


def clock_change_note(said: datetime, moment: datetime) -> str | None:
    """'01:30 doesn't exist that night (the clocks go forward), so it is 02:30.' when a
    wall-clock time was moved to *moment*; None when it wasn't."""
    if said.replace(tzinfo=None) == moment.replace(tzinfo=None):
        return None
    return (
        f"{said:%H:%M} doesn't exist that night (the clocks go forward), so it is "
        f"{moment:%H:%M} instead."
    )


def _read(
    text: str, lean: Lean, now: datetime, at: time | None = None, *, day_asked: bool = False
) -> datetime:
    if len(text) > MAX_LENGTH:
        raise InvalidInput("That is too long to be a time.", field="when")
    text = _READ_BACK_NOTE.sub(
        "", ascii_digits(text)
    )  # "Fri 27 Nov 2026, 19:00 (in 4 days)" reads back
    text = _THOUSANDS.sub("", text)  # "in 1,000 days": one number, not "1" and "000"
    said = " ".join(text.strip().lower().replace(",", " ").split())
    said = re.sub(r"\blast night\b", "yesterday night", said)  # nu160: it was refused
    said = _SHORT_UNIT.sub(lambda m: f"{m[1]} {_SHORT_UNITS[m[2]]}", said)  # in 5 mins (nu226)

    if not said and lean == "future":  # planning needs a time said; 'now' says it
        raise InvalidInput("Say when — the time is empty.", field="when")
    if said in ("", "now", "just now", "right now"):
        return now
    relative = _RELATIVE.match(said)
    if relative:
        moment = _shift(now, relative)
        if relative["unit"] in ("minute", "hour"):
            return moment
        # Days on: at a moved step's own time, else at this hour ("in 3 days" said at 07:51
        # was 07:51 then; a step moved by it lost its time).
        kept = at or time(now.hour)
        if moment.date() == now.date() and at is None:
            return now  # 'in 0 days' is today, as 'today' is: not this hour gone by (nu214)
        return moment.replace(hour=kept.hour, minute=kept.minute)
    for day_words, time_words in _splits(said):
        day_only = day_words
        if time_words and len(day_words.split()) > 1 and day_words.split()[-1] in _PARTS:
            # 'tomorrow evening' (at 7): tomorrow; the part of the day says the time's half
            # (:func:`_time`; nu163: 'this evening at 7:30' was refused)
            day_only = day_words.rsplit(" ", 1)[0]
        day = _day(day_only, now, lean) if day_only else now
        if day_words == "this" and time_words not in PARTS_OF_DAY:
            continue  # 'this' alone names no day
        if day is None or (time_words and not _is_time(time_words, day_words)):
            continue
        said_at = _time(time_words, day_words) if time_words else None
        if said_at is None:
            said_at = _default_time(day_words, day, now, lean, at)
        if time_words and _names_today(day_words, now):  # 'fri 7pm' said on a Friday
            today = now.replace(hour=said_at.hour, minute=said_at.minute)
            if today > now if lean == "future" else today <= now + CLOCK_SLACK:
                return today  # still to come (or gone, when logging): today's, not a week off
        moment = day.replace(hour=said_at.hour, minute=said_at.minute)
        # 'this morning' logged at 07:14 is earlier on, not 09:00 still to come (nu231)
        begins = PART_BEGINS.get((time_words or day_words).removeprefix("in the "))
        begun = begins is not None and now.time() >= begins
        if lean == "past" and begun and now + CLOCK_SLACK < moment and moment.date() == now.date():
            return now
        if lean == "future" and moment <= now and moment.weekday() == 5 and _the_weekend(day_words):
            moment += relativedelta(days=1)  # 'this weekend 9am' said on Saturday at noon: Sunday
        if not day_words:  # a time alone: the nearest one on the side we lean to
            if lean == "future" and moment < now:
                moment += relativedelta(days=1)
            elif lean == "past" and moment > now + CLOCK_SLACK:
                moment -= relativedelta(days=1)
        return moment
    return _absolute(text.strip(), now, lean, at, day_asked=day_asked)


def _names_today(day_words: str, now: datetime) -> bool:
    """Whether *day_words* are only a weekday's name, today's ('fri' or 'on fri' on a Friday)."""
    name = day_words.removeprefix("on ")
    return name in WEEKDAYS and WEEKDAYS[name].weekday == now.weekday()


def _splits(said: str) -> list[tuple[str, str]]:
    """Ways to cut the words into a day and a time, day first ("fri 7pm") or after
    ("7pm on fri"); the whole as a day comes first."""
    tokens = said.split()
    cuts = []
    for cut in range(len(tokens), -1, -1):
        head, tail = " ".join(tokens[:cut]), " ".join(tokens[cut:])
        cuts.append((head, tail))
        if head and tail:
            cuts.append((tail.removeprefix("on "), head))
    return cuts


def _default_time(
    day_words: str, day: datetime, now: datetime, lean: Lean, at: time | None = None
) -> time:
    if day_words.endswith("tonight"):
        if lean == "future" and now.time() >= PARTS_OF_DAY["tonight"]:
            # Later tonight: the next full hour, or just before midnight once that is
            # tomorrow (it was 00:00 of today, "already passed", from 23:00 on).
            return _next_hour(now)
        return PARTS_OF_DAY["tonight"]
    if day.date() != now.date():
        return at or DEFAULT_TIME
    if lean == "future" and _names_a_day(day_words):
        # 'this sat' or 'this weekend' said on a Saturday: today, at the usual time while it
        # is still to come (it was this very minute, due at once; a moved step lost its
        # time); once it has gone, the weekend's is Sunday's (see _read), a Saturday's the
        # next full hour.
        usual = at or DEFAULT_TIME
        sunday_next = _the_weekend(day_words) and now.weekday() == 5
        return usual if usual > now.time() or sunday_next else _next_hour(now)
    return now.time()


def _next_hour(now: datetime) -> time:
    """The next full hour, or just before midnight in the day's last hour."""
    return time(now.hour + 1) if now.hour < 23 else LAST_MINUTE


def _day_name(day_words: str) -> str:
    """*day_words* without 'on' and 'last'/'this'/'next': 'sat', 'weekend', 'tomorrow'."""
    words = day_words.removeprefix("on ").split()
    return " ".join(words[1:] if words and words[0] in ("last", "this", "next") else words)


def _names_a_day(day_words: str) -> bool:
    """Whether *day_words* name a day by a weekday's name or as the weekend ('this sat',
    'weekend'), not as today."""
    return _day_name(day_words) in WEEKDAYS or _the_weekend(day_words)


def _the_weekend(day_words: str) -> bool:
    """Whether *day_words* say the weekend ('this weekend', 'weekend'; not 'next weekend',
    a week on)."""
    return _day_name(day_words) == "weekend" and not day_words.startswith(("next", "last"))


def _amount(match: re.Match[str]) -> relativedelta | timedelta:
    raw = match["n"]
    amount = int(raw) if raw.isdigit() else _WORD_NUMBERS[raw]
    if match["unit"] == "fortnight":
        amount *= 2
    if match["in"] and match["ago"] == "ago":
        raise InvalidInput(f"'{match.group(0)}' can't be both ahead and ago.", field="when")
    sign = -1 if match["ago"] == "ago" or not (match["in"] or match["ago"]) else 1
    unit = UNITS[match["unit"]]
    if unit in ("hours", "minutes"):  # elapsed time, whatever the clocks do
        return timedelta(**{unit: sign * amount})
    return relativedelta(**{unit: sign * amount})  # type: ignore[arg-type]


def _shift(moment: datetime, match: re.Match[str]) -> datetime:
    amount = _amount(match)
    if isinstance(amount, timedelta):
        return (moment.astimezone(UTC) + amount).astimezone(moment.tzinfo)
    return moment + amount


def _day(said: str, now: datetime, lean: Lean) -> datetime | None:
    """The day a phrase names, at *now*'s time of day; ``None`` when it names no day."""
    parts = said.split()
    if parts[0] == "on":
        parts = parts[1:]
    if not parts:
        return None
    which = parts[0] if parts[0] in ("last", "this", "next") else ""
    rest = parts[1:] if which else parts
    name = " ".join(rest)
    if not which:
        if name in ("today", "tonight"):
            return now
        if name == "yesterday":
            return now - relativedelta(days=1)
        if name == "tomorrow":
            return now + relativedelta(days=1)
        if name == "weekend":
            return _weekend(now, 0)
    elif which == "this" and not name:  # "this morning": today, whichever way we lean
        return now
    if name in _ONE and which in ("last", "next"):  # the same day (31 Jan → 28 Feb)
        return now + (_ONE[name] if which == "next" else -_ONE[name])
    if name == "weekend" and which:
        return _weekend(now, {"last": -1, "this": 0, "next": 1}[which])
    if name in WEEKDAYS:
        return _weekday(now, WEEKDAYS[name], which, lean)
    relative = None if which else _RELATIVE.match(name)
    if relative and relative["unit"] not in ("minute", "hour"):  # "in 3 days" (at 6pm)
        return _shift(now, relative)
    # A weekday in another week: "sun 2 weeks ago", "fri in 2 weeks", "in 3 weeks on tue".
    if which:
        return None
    for day_name, offset in ((rest[0], rest[1:]), (rest[-1], rest[:-1])):
        if day_name in WEEKDAYS and offset:
            match = _RELATIVE.match(" ".join(offset).removesuffix(" on"))
            if match and match["unit"] not in ("minute", "hour"):
                week = _shift(now, match)
                return (
                    week
                    + relativedelta(weekday=MO(-1))
                    + relativedelta(weekday=WEEKDAYS[day_name](+1))
                )
    return None


_ONE = {"week": relativedelta(weeks=1), "month": relativedelta(months=1),
        "year": relativedelta(years=1)}  # fmt: skip
"""'next week', 'last month', 'next year': a span one of these on or back."""


def _weekday(now: datetime, day: weekday, which: str, lean: Lean) -> datetime:
    if which == "last" or (not which and lean == "past"):
        # The most recent such day before today ("last sat" on a Saturday is a week ago).
        return now + relativedelta(days=-1, weekday=day(-1))
    if which == "next" or (not which and lean == "future"):
        return now + relativedelta(days=+1, weekday=day(+1))
    # "this sat": the one in the current Monday-to-Sunday week.
    return now + relativedelta(weekday=MO(-1)) + relativedelta(weekday=day(+1))


def _weekend(now: datetime, weeks: int) -> datetime:
    """Saturday of this weekend (today, if the weekend has begun), moved by *weeks*."""
    saturday = now if now.weekday() >= 5 else now + relativedelta(weekday=SA(+1))
    return saturday + relativedelta(weeks=weeks)


def _is_time(said: str, day_words: str = "") -> bool:
    try:
        return _time(said, day_words) is not None
    except ValueError:
        raise InvalidInput(f"There is no such time as '{said}' on a clock.", field="when") from None


_AFTER_NOON = ("afternoon", "evening", "tonight", "night")
_PARTS = ("morning", "afternoon", "evening", "night")
"""Day words that make 'at 7' 19:00 ('tonight at 7'); 'morning' makes it 07:00."""


def _time(said: str, day_words: str = "") -> time | None:
    """A time of day; ``None`` if the words are not one; ValueError for '25:00' or '13pm'.
    A bare number is a day of the month ('fri 19'), but after 'at', or after a day that is
    no date ('tonight 9', 'tomorrow 7'), an hour. An hour a clock shows twice a day, said
    without am or pm, takes its half from *day_words* ('tonight', 'this morning'), or after
    'at' is asked about: 'fri at 7' was Friday the 7th, in May, and 'tonight at 7:30' and
    'fri at 7:30' were 07:30 (nu160, nu163)."""
    named = said.startswith("at ") or _RELATIVE_DAYS.search(day_words) is not None
    said = said.removeprefix("in the ").removeprefix("at ")
    if said in PARTS_OF_DAY:
        return PARTS_OF_DAY[said]
    match = _TIME.match(said)
    if not match:
        return None
    hour, minute, half = int(match[1]), int(match[2] or 0), match[3]
    if half:
        if not 1 <= hour <= 12:
            raise ValueError(said)
        return time(hour % 12 + (12 if half == "p" else 0), minute)
    if match[2] is None and not named:
        return None  # a bare number is a day of the month, not an hour
    words = day_words.split()
    if 1 <= hour <= 12 and any(word in words for word in _AFTER_NOON):
        return time(hour % 12 + 12, minute)
    # 12 is noon, as people say it; "09:30" with its zero is a 24-hour clock (nu176: both
    # were asked about after "tomorrow", where "fri 12:30" was taken)
    asked = 1 <= hour <= 11 and not match[1].startswith("0")
    if asked and named and "morning" not in words:
        shown = f"{hour}:{minute:02d}" if match[2] else f"{hour}"
        raise InvalidInput(
            f"'{shown}': {hour} in the morning or in the evening? Say {shown}am or {shown}pm "
            f"(or {(hour % 12) + 12}:{minute:02d}).",
            field="when",
        )
    return time(hour, minute)  # raises ValueError when out of range


_RELATIVE_DAYS = re.compile(
    r"\b(?:today|tonight|tomorrow|yesterday|morning|afternoon|evening|night)\b"
)
"""Day words that name no date: a bare number after them is an hour ('tonight 9')."""


_NUMBER = re.compile(r"^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:st|nd|rd|th)?$")
"""A number on its own: '5', '5th', '32', '2027', '-1', '1.5'."""
_SIGNED = re.compile(r"^[+-]\d{1,2}(?:[.,]\d+)?$")
"""A number with a sign among other words ('fri -5'): no day or time has one."""


def _check_numbers(text: str) -> None:
    """A number alone is a day of the month, 1 to 31 ('5', '5th'); any other number alone —
    a year, 32, a fraction, a number with a sign — is explained, not read as some date; so
    is a number among other words that no day or time has ('dec 32', 'fri -5')."""
    said = text.strip().lower()
    if _NUMBER.match(said):
        digits = re.sub(r"(?:st|nd|rd|th)$", "", said)
        if digits.isdigit() and 1 <= int(digits) <= 31:
            return
        if digits.isdigit() and len(digits) == 4:
            raise InvalidInput(
                f"'{digits}' is a year on its own — say the day too, like 1 Dec {digits}.",
                field="when",
            )
        raise InvalidInput(
            f"'{_shown(text)}' isn't a day: a number alone is a day of the month, 1 to 31.",
            field="when",
        )
    typed = said.replace(",", " ").split()
    for before, word in zip(["", *typed], typed, strict=False):
        if word.isdigit() and len(word) in (2, 3) and int(word) > 31:  # 'dec 32'
            raise InvalidInput(
                f"'{word}' isn't a day of the month (1 to 31), and a year has four digits.",
                field="when",
            )
        if _SIGNED.match(word) and before == "in":  # 'in -3 days': no day of the month
            days = words.plural(int(word.lstrip("+-")), "day") if word[1:].isdigit() else "3 days"
            raise InvalidInput(
                f"'in {word}' counts without a sign: 'in {days}' is to come, "
                f"'{days} ago' has been.",
                field="when",
            )
        if _SIGNED.match(word):
            raise InvalidInput(
                f"'{word}' isn't a day or a time: a day of the month is 1 to 31, no sign.",
                field="when",
            )


_DAY_MONTH = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})(?:\2\d{1,4})?(?![\d/.-])")
"""A date in numbers, day first: '12/4', '12-4', '01/12/2026' (not ISO's 2026-12-01)."""


def _check_day_first(text: str, field: str) -> None:
    """A date in numbers is day first, so its second number is a month, 1 to 12: '12/13'
    is explained, not read month first (as dateutil would, quietly)."""
    if _YEAR_FIRST.match(text.strip()):
        return
    for match in _DAY_MONTH.finditer(text):
        day, month = int(match[1]), int(match[3])
        if not 1 <= day <= 31:
            raise InvalidInput(
                f"'{match[0]}' has no day {day}: dates in numbers are day first (1 to 31), "
                f"then the month.",
                field=field,
            )
        if not 1 <= month <= 12:
            hint = f" For {month} {date(2004, day, 1):%b}, say {month}/{day}." if (
                1 <= day <= 12 and 1 <= month <= 31) else ""  # fmt: skip
            raise InvalidInput(
                f"'{match[0]}' has no month {month}: dates in numbers are day first, then "
                f"the month (1 to 12).{hint}",
                field=field,
            )


def _absolute(
    text: str, now: datetime, lean: Lean, at: time | None = None, *, day_asked: bool = False
) -> datetime:
    """Dates and times dateutil can read (ISO, '1 dec 6pm', '01/12/2026' day first).
    A date without a year goes to the nearest year on the side we lean to. *day_asked*: a
    refusal says it couldn't read a day, not a time."""
    unread = f"I couldn't read '{_shown(text)}' as {'a day' if day_asked else 'a time'}."
    _check_numbers(text)
    _check_day_first(text, "when")
    default = now.replace(tzinfo=None, hour=DEFAULT_TIME.hour, minute=0)
    day_first = not _YEAR_FIRST.match(text)  # 2026-12-01 is ISO, 01/12/2026 is day first
    try:
        # Two leap years as defaults: a year the text doesn't give takes theirs, and
        # '29 feb' is a day in both.
        # January as theirs too: '31' is a day of some month even in November.
        leap = _parse(text, default.replace(year=2004, month=1), day_first)
        other = _parse(text, default.replace(year=2008, month=1), day_first)
        if leap.year == other.year:  # the text gives its year
            moment = _parse(text, default, day_first)
        elif _gives_month(text, default, day_first):
            moment = _nearest_year(leap, now, lean)
            _check_recent(text, leap, moment, now, lean)
        else:  # '19', '19th', 'fri 19': a day of a month
            moment = _nearest_month(text, leap, now, lean)
        if at is not None and moment.time() == DEFAULT_TIME:
            # Midday either because it was said or because no time was: another default
            # tells them apart, as the years above do.
            later = _parse(text, default.replace(year=2004, month=1, hour=13), day_first)
            if later.hour == 13:
                moment = moment.replace(hour=at.hour, minute=at.minute)
    except date_parser.ParserError as error:
        if "out of range" in str(error):
            raise InvalidInput(
                f"'{_shown(text)}' is not a day on the calendar.", field="when"
            ) from None
        _check_clock(text)
        raise InvalidInput(unread, field="when") from None
    except (ValueError, OverflowError):
        _check_clock(text)
        raise InvalidInput(unread, field="when") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=now.tzinfo)
    moment = moment.astimezone(now.tzinfo)
    _check_weekday(text, moment)
    return moment


_CLOCK_NUMBERS = re.compile(r"(?<![\d:])(\d{1,2}):(\d{2})(?![\d])")


def _check_clock(text: str) -> None:
    """A clock time no clock shows ('2026-12-01 25:00', '18:61') is said as that, the same
    words as 'tomorrow 25:00' (:func:`_is_time`), not as words that couldn't be read."""
    for match in _CLOCK_NUMBERS.finditer(text):
        if int(match[1]) > 23 or int(match[2]) > 59:
            raise InvalidInput(
                f"There is no such time as '{match[0]}' on a clock.", field="when"
            ) from None


def _parse(text: str, default: datetime, day_first: bool) -> datetime:
    """dateutil's reading of *text* — refused (ValueError) when it passed over a word of
    it ('th 7pm', '6pm and') or named a zone it doesn't know ('6pm ABC')."""
    if len(_CLOCK_TIME.findall(text.lower())) > 1:  # '7pm 9am': dateutil keeps the last
        raise ValueError(text)
    moment = _dateutil(text, default=default, dayfirst=day_first, tzinfos=_zone)
    # Read as strictly, the fuzzy reading only names the words passed over on the way.
    _, passed_over = date_parser.parse(
        text, default=default, dayfirst=day_first, tzinfos=_zone, fuzzy_with_tokens=True
    )
    own_words = set(re.split(r"[\W_]+", text.lower()))
    for piece in passed_over:
        for word in re.split(r"[\W_]+", piece.lower()):
            if word and word not in _LINKS and (word not in _GLUED or word in own_words):
                raise ValueError(text)
    return moment


_YEAR_WITH_ZEROS = re.compile(r"(?<!\d)0\d{2,3}(?!\d)")
"""A year written out with its leading zeros: '0001', '0099'."""


def _dateutil(text: str, **options: Any) -> datetime:
    """dateutil's reading of *text*, but a year written out with its leading zeros is that
    year: after a month's name, dateutil takes one below 100 as two digits and puts it in
    the century nearest now ('1 Jan 0001' read as 2001, '5 May 0099' as 1999)."""
    moment: datetime = date_parser.parse(text, **options)
    for written in _YEAR_WITH_ZEROS.findall(text):
        year = int(written)
        if year < 100 and moment.year != year and moment.year % 100 == year:
            return moment.replace(year=year)
    return moment


def _zone(name: str | None, offset: int | None) -> tzinfo | None:
    """A zone written after a time: an offset ('+01:00', 'UTC'), or this zone's own name
    ('GMT' in London); any other name is not read as a guess."""
    if offset is not None:
        return tz.UTC if offset == 0 else tz.tzoffset(name, offset)
    if name is None or name in time_module.tzname:
        return None  # the local zone
    raise ValueError(name)


def _check_weekday(text: str, moment: datetime) -> None:
    """A weekday said with a date must be that date's ('fri 19' is refused when the 19th
    is a Saturday), so no word is passed over."""
    for word in re.split(r"[\W_]+", text.lower()):
        named = _DATE_WORDS.weekday(word) if word else None
        if named is not None and named != moment.weekday():
            raise InvalidInput(
                f"{clock.strftime(moment, '%-d %b %Y')} is a {moment:%A}, not a {_DAY_NAMES[named]}. "
                f"Say the day or the date alone, or both as they fit.",
                field="when",
            )


def _gives_month(text: str, default: datetime, day_first: bool) -> bool:
    """Whether *text* names its month (Jan and Dec as defaults: both have 31 days)."""
    january = _parse(text, default.replace(year=2004, month=1, day=1), day_first)
    december = _parse(text, default.replace(year=2004, month=12, day=1), day_first)
    return january.month == december.month


def _nearest_month(text: str, moment: datetime, now: datetime, lean: Lean) -> datetime:
    """*moment*'s day of the month ('19', '19th', 'fri 19') in the nearest month on the side
    we lean to where it is a day on the calendar — and, when a weekday is said too, falls
    on it (the 31st waits for a month that has one)."""
    named = _named_weekday(text)
    step = 1 if lean == "future" else -1
    start = now.replace(day=1)
    for months in range(72):  # a weekday and a day of the month agree within 6 years
        if named is not None and months == NEAR_MONTHS:
            # 'fri 7' as the Friday on a 7th in May: a slip for 'fri 7pm', far more likely
            raise InvalidInput(_far_weekday(moment.day, named, now, lean), field="when")
        first = start + relativedelta(months=step * months)
        try:
            found = moment.replace(year=first.year, month=first.month)
        except ValueError:  # the 31st in a month of 30 days
            continue
        if named is not None and found.weekday() != named:
            continue
        if (found.date() >= now.date()) if lean == "future" else (found.date() <= now.date()):
            return found
    raise ValueError("no such day in the months around this one")


NEAR_MONTHS = 4
"""How many months on (or back) a weekday said with a day of the month is looked for: this
one and the next three."""


def _far_weekday(day: int, named: int, now: datetime, lean: Lean) -> str:
    suffix = "th" if 10 < day % 100 < 14 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    weekday, months = _DAY_NAMES[named], "coming" if lean == "future" else "last"
    hour = f" For a time, say am or pm ('{weekday[:3].lower()} {day}pm')." if day <= 12 else ""
    return (
        f"No {weekday} falls on the {day}{suffix} in the {months} few months.{hour} For a "
        f"day, say its month too ('{day} {now:%b}')."
    )


RECENT_DAYS = 31
"""A date to plan, said without its year, that passed this many days ago or fewer is
explained, not moved a year on: '22 Nov' planned on 23 Nov was yesterday (a slip, not next
year)."""


def _check_recent(text: str, moment: datetime, found: datetime, now: datetime, lean: Lean) -> None:
    """Refuse a date to plan, said without its year, that passed this year a few days ago
    (unless a weekday said with it fits the next year's)."""
    try:
        this_year = moment.replace(year=now.year)
    except ValueError:  # 29 Feb in another year
        return
    gap = (now.date() - this_year.date()).days
    if lean != "future" or this_year.year == found.year or not 0 < gap <= RECENT_DAYS:
        return
    named = _named_weekday(text)
    if named is not None and named == found.weekday() != this_year.weekday():
        return  # 'fri 19 nov': the weekday says which year
    raise InvalidInput(
        f"{this_year.day} {this_year:%b} was "
        f"{words.ago(this_year.date(), today=now.date())} — did you mean a day still to "
        f"come? For next year, say {found.day} {clock.strftime(found, '%b %Y')}.",
        field="when",
    )


def _named_weekday(text: str) -> int | None:
    """The weekday a text names ('fri 19'), if any."""
    for word in re.split(r"[\W_]+", text.lower()):
        named = _DATE_WORDS.weekday(word) if word else None
        if named is not None:
            return int(named)
    return None


def _nearest_year(moment: datetime, now: datetime, lean: Lean) -> datetime:
    """*moment* (read without a year) in this year, or the nearest year on the side we lean
    to where it is a day on the calendar (29 Feb waits for a leap year)."""
    step = 1 if lean == "future" else -1
    for years in range(9):
        try:
            found = moment.replace(year=now.year + step * years)
        except ValueError:  # 29 Feb
            continue
        local = found.date() if found.tzinfo is None else found.astimezone(now.tzinfo).date()
        if (local >= now.date()) if lean == "future" else (local <= now.date()):
            return found
    raise ValueError("no such day in the years around this one")


def _shown(text: str) -> str:
    """What was typed, as part of a one-line message: its first 40 characters, any line
    breaks or runs of spaces as one space."""
    return " ".join(text.split())[:40]


def _settle(moment: datetime) -> datetime:
    """A wall-clock time the clocks skip (01:30 as summer time begins) moves forward to one
    that exists; a doubled one (as summer time ends) is the first of the two."""
    return tz.resolve_imaginary(moment)


def typed(moment: datetime, *, day: bool = False) -> str:
    """*moment* (local) as a form's field holds it: read back by :func:`parse_when` as the
    same moment on any day, unlike "today"."""
    return clock.strftime(moment, "%Y-%m-%d" if day else "%Y-%m-%d %H:%M")


def describe(moment: datetime, *, now: datetime | None = None) -> str:
    """How a parsed time reads back: 'Sat 21 Nov 2026, 15:00 (2 days ago)'."""
    now = now or clock.now()
    shown = clock.strftime(clock.to_local(moment), "%a %-d %b %Y, %H:%M")
    return f"{shown} ({words.ago(moment, today=now.date(), ahead=True)})"


FAR_OFF = relativedelta(years=1)
"""A day or time further than this from now, either way, is asked about where it is read
back: the year may be a slip ('1 Jan 1900', 0001 for 2026, or a step 'in 1,000,000 days'
in the year 4764), saved without a word otherwise. A year by the calendar: as 366 days, the
day before a year ago was taken without a word (nu265)."""


def far_off(moment: date) -> str:
    """'ago' or 'from now' for a day or time over :data:`FAR_OFF` away (its year may be a
    slip); '' for a nearer one."""
    now = clock.now() if isinstance(moment, datetime) else clock.today()
    try:
        if moment < now - FAR_OFF:
            return "ago"
    except (OverflowError, ValueError):  # in the calendar's first year nothing is that long ago
        pass
    try:
        return "from now" if moment > now + FAR_OFF else ""
    except (OverflowError, ValueError):  # nor that far ahead in its last
        return ""


def year_asked(moment: date, said: str = "") -> str:
    """What the read-back of a day or time adds: a question, when over a year away."""
    return " — is the year right?" if year_question(moment, said) else ""


def year_question(moment: date, said: str = "") -> str | None:
    """'That is Mon 3 Jan 2000, 10:00, over a year ago — is the year right?' for a day or
    time over a year away (either way); None for a nearer one, and for a 29 February
    *said* without its year: the nearest one is the app's choice, not a slip ('29 feb' in
    2026 was read as 2028, then asked about, nu250)."""
    away = far_off(moment)
    if not away or (
        said and (moment.month, moment.day) == (2, 29) and str(moment.year) not in said
    ):
        return None
    shown = (
        clock.strftime(clock.to_local(moment), "%a %-d %b %Y, %H:%M")
        if isinstance(moment, datetime)
        else clock.strftime(moment, "%a %-d %b %Y")
    )
    return f"That is {shown}, over a year {away} — is the year right?"


def check_year(moment: date, *, said: str = "", anyway: bool) -> None:
    """The command line's form of :func:`year_question`: a day or time over a year away is
    refused unless *anyway* (it can't ask, and '1 jan 2020' for 2026 was kept silently).
    The app's forms ask it on saving (:meth:`FormScreen.ask_year`)."""
    asked = year_question(moment, said)
    if asked and not anyway:
        raise InvalidInput(f"{asked} Add --anyway to keep it.")


def read_back(text: str, *, lean: Lean, at: time | None = None) -> tuple[datetime, str]:
    """:func:`parse_when` (*at* as there), and how a form reads the moment back under its
    field: with the sentence saying so when the time said doesn't exist that night and was
    moved (the command line says it too)."""
    moment, moved = parse_when_noted(text, lean=lean, at=at)
    shown = describe(moment)
    return moment, f"{shown}. {moved}" if moved else shown


# --------------------------------------------------------------------------- days of the year

YEARLY_EXAMPLES = "Try 12 Apr, 12 April 1985, 12/4 (day first) or 1985-04-12."
_VCARD_DAY = re.compile(r"^--(\d{2})-?(\d{2})$")


def ascii_digits(text: str) -> str:
    """*text* with digits of any script as 0–9 ('١٢ Apr ١٩٩٠' is '12 Apr 1990'), as a
    rhythm's digits are read already (nu257: "a year written short")."""
    return text if text.isascii() else _ANY_DIGIT.sub(lambda m: str(int(m[0])), text)


_ANY_DIGIT = re.compile(r"\d")


_DOTTED_DAY = re.compile(r"^(\d{1,2})\.(0?[1-9]|1[0-2])\.?$")
"""A day and a month written with a dot, as much of Europe writes them: '15.12', '15.12.'."""


def parse_yearly(text: str) -> tuple[int, int, int | None]:
    """A day that comes round each year, as (month, day, year): '12 Apr', 'April 12',
    '12/4' (day first), '12 April 1985', '1985-04-12', vCard's '--04-12'. The year is
    None when not given; 29 February stands without one."""
    said = " ".join(ascii_digits(text).strip().split())
    vcard = _VCARD_DAY.match(said)
    if vcard:
        month, day, year = int(vcard[1]), int(vcard[2]), None
    else:
        if not said or len(said) > 40 or not any(ch.isdigit() for ch in said):
            raise InvalidInput(
                f"I couldn't read '{_shown(text)}' as a day of the year. {YEARLY_EXAMPLES}",
                field="day",
            )
        said = _DOTTED_DAY.sub(r"\1/\2", said)  # dateutil reads '15.12' as a number
        day_first = not _YEAR_FIRST.match(said)
        try:
            _check_day_first(said, "day")
        except InvalidInput as refusal:
            raise InvalidInput(f"{refusal} {YEARLY_EXAMPLES}", field="day") from None
        one: datetime | None
        try:
            one = _dateutil(said, default=datetime(2004, 1, 1), dayfirst=day_first)
            two = _dateutil(said, default=datetime(2008, 2, 2), dayfirst=day_first)
        except (ValueError, OverflowError) as error:  # dateutil's ParserError is a ValueError
            if "out of range" in str(error):
                raise InvalidInput(
                    f"'{_shown(text)}' is not a day on the calendar. {YEARLY_EXAMPLES}",
                    field="day",
                ) from None
            one = two = None  # (not datetime.min: that is 0001-01-01, a day like any other)
        if one is None or two is None or (one.month, one.day) != (two.month, two.day):
            raise InvalidInput(
                f"I couldn't read '{_shown(text)}' as a day and a month. {YEARLY_EXAMPLES}",
                field="day",
            )
        month, day, year = one.month, one.day, (one.year if one.year == two.year else None)
        if year is not None and not re.search(rf"(?<!\d){year:04d}(?!\d)", said):
            # dateutil makes a year of any other number: '30 3 Jun' was 3 Jun 2030
            raise InvalidInput(
                f"'{_shown(text)}' has a year written short, or a number too many: write a year in "
                f"full ({day} {words.SHORT_MONTHS[month - 1]} {year}), or leave it out. "
                f"{YEARLY_EXAMPLES}",
                field="day",
            )
    try:
        datetime(year or 2004, month, day)
    except ValueError:
        raise InvalidInput(
            f"'{_shown(text)}' is not a day on the calendar. {YEARLY_EXAMPLES}", field="day"
        ) from None
    return month, day, year


# --------------------------------------------------------------------------- how often


_CADENCE_WORDS = {
    "daily": 1,
    "every day": 1,
    "weekly": 7,
    "every week": 7,
    "fortnightly": 14,
    "every fortnight": 14,
    "biweekly": 14,  # as a repeat reads it: every two weeks
    # as people say them (nu160: each was refused)
    "every other week": 14,
    "every couple of weeks": 14,
    "every few weeks": 21,
    "every day or two": 2,  # (nu258: "every week or two" was refused)
    "every week or two": 10,
    "every month or two": 45,
    "twice a week": 3,
    "twice a month": 15,
    "once a week": 7,
    "once a month": 30,
    "every other month": 60,
    "once a year": 365,
    "once a fortnight": 14,
    "monthly": 30,
    "every month": 30,
    "quarterly": 90,
    "yearly": 365,
    "every year": 365,
}
_SAID_NUMBERS = {
    word: n
    for n, word in enumerate(
        [
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ],
        start=2,
    )
}
"""Numbers said in words in a rhythm ('every six weeks', nu165)."""
_CADENCE = re.compile(
    rf"^(?:once\s+)?(?:every\s+)?(\d{{1,3}}(?:,\d{{3}})+|\d+|{'|'.join(_SAID_NUMBERS)})"
    r"\s*(day|week|month|year)?s?$"
)
"""'14', 'every 3 weeks', 'every 1,000 days' (as the form shows a rhythm back)."""


_HEDGED = re.compile(
    r"^(?:about|around|roughly|approximately|maybe|ideally)\s+"
    r"|,?\s*(?:or so|or thereabouts|give or take|-?ish)$"
)
"""What hedges a rhythm hoped for ('every week or so', 'about monthly'): left out."""


def parse_cadence(text: str) -> int | None:
    """How often to be in touch, in days: '14', 'weekly', 'every 3 weeks'; '' means unset."""
    said = _HEDGED.sub("", _HEDGED.sub("", " ".join(text.strip().lower().split())))
    if not said or said in ("-", "—", "none", "whenever"):
        return None
    if said in _CADENCE_WORDS:
        return _CADENCE_WORDS[said]
    match = _CADENCE.match(said)
    if not match:
        raise InvalidInput(
            "Say how often as a number of days, or like 'weekly' or 'every 3 weeks'.",
            field="cadence_days",
        )
    count = _SAID_NUMBERS.get(match[1]) or int(match[1].replace(",", ""))
    days = count * {"day": 1, "week": 7, "month": 30, "year": 365}[match[2] or "day"]
    if not 1 <= days <= 3650:
        raise InvalidInput(
            "How often to be in touch should be between daily and every ten years.",
            field="cadence_days",
        )
    return days


_REPEAT_WORDS = {
    "daily": "FREQ=DAILY",
    "every day": "FREQ=DAILY",
    "weekly": "FREQ=WEEKLY",
    "every week": "FREQ=WEEKLY",
    "fortnightly": "FREQ=WEEKLY;INTERVAL=2",
    "every fortnight": "FREQ=WEEKLY;INTERVAL=2",
    "biweekly": "FREQ=WEEKLY;INTERVAL=2",
    "every other week": "FREQ=WEEKLY;INTERVAL=2",
    "every couple of weeks": "FREQ=WEEKLY;INTERVAL=2",
    "once a week": "FREQ=WEEKLY",
    "once a month": "FREQ=MONTHLY",
    "every other month": "FREQ=MONTHLY;INTERVAL=2",
    "once a year": "FREQ=YEARLY",
    "monthly": "FREQ=MONTHLY",
    "every month": "FREQ=MONTHLY",
    "yearly": "FREQ=YEARLY",
    "every year": "FREQ=YEARLY",
    "annually": "FREQ=YEARLY",
    "weekdays": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    "every weekday": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    "weekends": "FREQ=WEEKLY;BYDAY=SA,SU",
    "every weekend": "FREQ=WEEKLY;BYDAY=SA,SU",
    # More often than daily: refused by _checked, as FREQ=HOURLY is, with its reason.
    "hourly": "FREQ=HOURLY",
    "every hour": "FREQ=HOURLY",
    "minutely": "FREQ=MINUTELY",
    "every minute": "FREQ=MINUTELY",
    "secondly": "FREQ=SECONDLY",
}
_REPEAT_EVERY = re.compile(r"^every\s+(\d{1,3})\s+(day|week|month|year)s?$")
_FREQ_UNITS = {"DAILY": "day", "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year"}
REPEAT_EXAMPLES = (
    "Try 'weekly', 'every 2 weeks', 'monthly', 'yearly', 'every mon and thu', or an RRULE."
)


def parse_repeat(text: str) -> str | None:
    """A repeat as said ('every 2 weeks', 'every mon and thu') or as an RFC 5545 RRULE, as
    a checked RRULE value (no 'RRULE:' prefix); '' or 'never' means it doesn't repeat."""
    text = _THOUSANDS.sub("", text)  # "in 1,000 days": one number, not "1" and "000"
    said = " ".join(text.strip().lower().replace(",", " ").split())
    if said in ("", "no", "never", "once", "none", "doesn't repeat", "does not repeat"):
        return None
    if said in _REPEAT_WORDS:
        return at_most_daily(_REPEAT_WORDS[said], text)
    every = _REPEAT_EVERY.match(said)
    if every:
        count, unit = int(every[1]), every[2]
        freq = {"day": "DAILY", "week": "WEEKLY", "month": "MONTHLY", "year": "YEARLY"}[unit]
        return at_most_daily(f"FREQ={freq}" + (f";INTERVAL={count}" if count != 1 else ""), text)
    days = [
        _weekday_named(day) for day in said.removeprefix("every ").replace(" and ", " ").split()
    ]
    if days and None not in days:
        codes = {WEEKDAY_CODES[day.weekday] for day in days if day is not None}
        return "FREQ=WEEKLY;BYDAY=" + ",".join(sorted(codes, key=WEEKDAY_CODES.index))
    rule = text.strip().upper().removeprefix("RRULE:")
    if rule.startswith("FREQ="):
        rule = _until_in_utc(rule, text)
        with contextlib.suppress(ValueError, TypeError):
            series(rule, datetime(2026, 1, 1))
            return _comes_round(at_most_daily(rule, text), text)
    raise InvalidInput(f"I couldn't read '{_shown(text)}' as a repeat. {REPEAT_EXAMPLES}",
                       field="repeat")  # fmt: skip


def series(rule: str, start: datetime) -> rrule | rruleset:
    """dateutil's rrule for *rule* from *start*, a local wall-clock time without a zone
    (:func:`month_ends_kept`). Its UNTIL is taken as :func:`until_moment` says, in local
    time: dateutil refuses to mix a floating start with one in UTC (the step failed to
    save), and takes a day alone as its midnight (that day's time never came)."""
    rule = month_ends_kept(rule, start)
    moment = until_moment(rule_parts(rule).get("UNTIL", ""))
    if moment is not None:
        rule = _with_until(rule, f"{moment.astimezone(clock.local_zone()):%Y%m%dT%H%M%S}")
    return rrulestr(rule, dtstart=start)


_DAYS_CHOSEN = ("BYMONTH", "BYMONTHDAY", "BYDAY", "BYSETPOS", "BYYEARDAY", "BYWEEKNO")


def month_ends_kept(rule: str, start: datetime | date) -> str:
    """*rule*, repeating monthly from the 29th, 30th or 31st (or yearly from 29 February),
    as a person means it: on that day, or on the last day of a month without it. RFC 5545
    leaves such months out, and a monthly call planned for the 31st came round next on
    31 December, with no word of November (nu228). Calendars are given this rule too."""
    parts = rule_parts(rule)
    freq = parts.get("FREQ", "").upper()
    if start.day <= 28 or any(name in parts for name in _DAYS_CHOSEN):
        return rule
    days = ",".join(str(day) for day in range(28, start.day + 1))
    if freq == "MONTHLY":
        return f"{rule};BYMONTHDAY={days};BYSETPOS=-1"
    if freq == "YEARLY" and start.month == 2:
        return f"{rule};BYMONTH=2;BYMONTHDAY={days};BYSETPOS=-1"
    return rule


def until_moment(until: str) -> datetime | None:
    """When an RRULE's UNTIL value ends the series: a moment in UTC ('…Z'), a local time,
    or a day — all of that day, to its last second; None if there is none or it can't be
    read."""
    if not until:
        return None
    try:
        moment = date_parser.isoparse(until)
    except (ValueError, OverflowError):
        return None
    zone = clock.local_zone()
    if "T" not in until.upper():  # a day: the whole of it
        return datetime.combine(moment.date(), time(23, 59, 59), tzinfo=zone)
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def _with_until(rule: str, until: str) -> str:
    return ";".join(
        f"UNTIL={until}" if part.upper().startswith("UNTIL=") else part for part in rule.split(";")
    )


def _until_in_utc(rule: str, text: str) -> str:
    """*rule* with its UNTIL as RFC 5545 has it beside a start in UTC ('20261214T235959Z':
    a day alone, '2026-12-20' or a time without a zone made calendar files another program
    can't read, and one crashed the export); COUNT beside UNTIL is refused, as the RFC does."""
    parts = rule_parts(rule)
    if "UNTIL" not in parts:
        return rule
    if "COUNT" in parts:
        raise InvalidInput(
            f"'{_shown(text)}' ends both after a number of times (COUNT) and on a day "
            f"(UNTIL): keep one of them. {REPEAT_EXAMPLES}",
            field="repeat",
        )
    moment = until_moment(parts["UNTIL"])
    if moment is None:
        raise InvalidInput(
            f"I couldn't read the end of '{_shown(text)}' (UNTIL): write it like 20261220 "
            f"for the last day. {REPEAT_EXAMPLES}",
            field="repeat",
        )
    return _with_until(rule, f"{moment.astimezone(UTC):%Y%m%dT%H%M%SZ}")


def rule_parts(rule: str | None) -> dict[str, str]:
    """An RRULE value's parts by name ('FREQ=WEEKLY;BYDAY=MO' → FREQ, BYDAY)."""
    return dict(part.split("=", 1) for part in (rule or "").split(";") if "=" in part)


_MORE_THAN_DAILY = ("BYHOUR", "BYMINUTE", "BYSECOND")


def _signed(value: str) -> int | None:
    """A rule's whole number, with its sign ('-1' too); None if it is not one."""
    return int(value) if re.fullmatch(r"[+-]?\d+", value) else None


def at_most_daily(rule: str, text: str) -> str:
    """*rule* if a small step can keep to it: at most once a day, coming round at least
    once more ('every 0 days', HOURLY and COUNT=0 are refused, kindly). *text* is the rule
    as said."""
    parts = rule_parts(rule)
    unit = _FREQ_UNITS.get(parts.get("FREQ", ""))
    interval, count = _signed(parts.get("INTERVAL", "1")), _signed(parts.get("COUNT", ""))
    if unit and interval is not None and interval < 1:
        raise InvalidInput(f"Repeat at least every 1 {unit}. {REPEAT_EXAMPLES}", field="repeat")
    if unit is None or any("," in parts.get(name, "") for name in _MORE_THAN_DAILY):
        raise InvalidInput(
            f"A small step can repeat once a day at most, so '{_shown(text)}' is too often. "
            f"{REPEAT_EXAMPLES}",
            field="repeat",
        )
    if count is not None and count < 1:  # COUNT=-1 was kept, and written to calendars (nu214)
        raise InvalidInput(
            f"'{_shown(text)}' would never come round. To plan it once, leave the repeat "
            f"empty. {REPEAT_EXAMPLES}",
            field="repeat",
        )
    return rule


COMES_ROUND_YEARS = 10
"""A repeat must come round within this many years from now to be kept."""


def _comes_round(rule: str, text: str) -> str:
    """*rule* if it comes round again from now (dateutil's rrule says when): one whose
    UNTIL has passed, or that names a day there isn't (30 February), is refused."""
    start = clock.to_local(clock.now()).replace(tzinfo=None)
    try:
        parsed = series(rule, start)
    except (ValueError, TypeError):
        return rule
    until = getattr(parsed, "_until", None)
    limit = start + relativedelta(years=COMES_ROUND_YEARS)
    bounded = parsed.replace(count=None, until=min(until, limit) if until else limit)  # type: ignore[union-attr]
    if not _no_such_day(rule) and bounded.after(start, inc=True) is not None:
        return rule
    if until is not None and until < start:
        raise InvalidInput(
            f"'{_shown(text)}' ended on {clock.strftime(until, '%-d %b %Y')}, so it wouldn't come round again. "
            f"To plan it once, leave the repeat empty. {REPEAT_EXAMPLES}",
            field="repeat",
        )
    raise InvalidInput(
        f"'{_shown(text)}' would never come round: there is no such day in the next "
        f"{words.plural(COMES_ROUND_YEARS, 'year')}. {REPEAT_EXAMPLES}",
        field="repeat",
    )


def _no_such_day(rule: str) -> bool:
    """Whether *rule* names only days its months never have (BYMONTH=2;BYMONTHDAY=30). Said
    at once: dateutil would look for one day by day through the years (seconds, typed
    into a form)."""
    parts = rule_parts(rule)
    try:
        months = [int(m) for m in parts["BYMONTH"].split(",")]
        days = [int(d) for d in parts["BYMONTHDAY"].split(",")]
        longest = [monthrange(2024, month)[1] for month in months]  # a leap year: 29 Feb
    except (KeyError, ValueError):  # no such part, or no such month
        return False
    return all(day > most for day in days for most in longest)


def _weekday_named(word: str) -> weekday | None:
    """'fri', 'friday' or 'fridays'."""
    return WEEKDAYS.get(word) or WEEKDAYS.get(word.removesuffix("s"))


def describe_repeat(rule: str | None, start: datetime | date | None = None) -> str:
    """A rule in plain words: 'every week', 'every 2 weeks', 'every Mon and Thu'; with its
    *start*, also what a month without that day does ('every month, on the last day of a
    shorter month': the card said only "every month" of a call on the 31st, nu239)."""
    if rule and start is not None and month_ends_kept(rule, start) != rule:
        yearly = rule_parts(rule).get("FREQ", "").upper() == "YEARLY"
        other = "on 28 February in other years" if yearly else "on the last day of a shorter month"
        return f"{describe_repeat(rule)}, {other}"
    if not rule:
        return "doesn't repeat"
    parts = rule_parts(rule)
    unit = _FREQ_UNITS.get(parts.get("FREQ", ""))
    if unit is None:
        return "repeats (custom rule)"
    interval = int(parts.get("INTERVAL", "1") or 1)
    said = f"every {interval} {unit}s" if interval > 1 else f"every {unit}"
    if "BYDAY" in parts and unit == "week":
        names = {"MO": "Mon", "TU": "Tue", "WE": "Wed", "TH": "Thu", "FR": "Fri",
                 "SA": "Sat", "SU": "Sun"}  # fmt: skip
        days = [names.get(code[-2:], code) for code in parts["BYDAY"].split(",")]
        joined = ", ".join(days[:-1]) + " and " + days[-1] if len(days) > 1 else days[0]
        said = f"every {joined}" if interval == 1 else f"{said}, on {joined}"
    count, until = parts.get("COUNT", ""), until_moment(parts.get("UNTIL", ""))
    if count.isdigit():
        said = (
            "just once" if int(count) == 1 else f"{said}, {words.plural(int(count), 'time')} in all"
        )
    if until is not None:
        said += f", until {until.astimezone(clock.local_zone()):%-d %b %Y}"
    told = {"FREQ", "INTERVAL", "WKST", "COUNT", "UNTIL"} | ({"BYDAY"} if unit == "week" else set())
    return said + (" (custom rule)" if set(parts) - told else "")


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_DAY_IN_WORDS = re.compile(
    r"\b(?P<weekday>(?:mon|tues|wednes|thurs|fri|satur|sun)day)s?\b"
    r"|\b(?:on|this|next)\s+(?P<short>mon|tues?|weds?|thu(?:rs?)?|fri|sat|sun)\b"
    rf"|\b(?P<date>\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?)\b",
    re.IGNORECASE,
)
"""A day named inside other words: a weekday written out ('on Sunday', 'sundays'), or
short after 'on', 'this' or 'next' ('on this sat' — not 'sun' or 'sat' alone, which are
words too), or a day and a month ('12 Dec', 'December 12th')."""


@dataclass(frozen=True)
class DayInWords:
    said: str
    """The words as written: 'Sunday', '12 Dec'."""
    weekday: int
    """0 for Monday."""
    day: date | None
    """The date, when the words give one."""


def days_named(text: str, *, now: datetime | None = None) -> list[DayInWords]:
    """The days free words name — a step's action or backup, 'a voice note on Sunday',
    'before 12 Dec' — read by the same rules as a time (:func:`parse_when`, leaning ahead:
    '12 Dec' is the coming one, and one already gone by this year is that one). Words that
    only look like a day ('31 Feb') are passed over: they are the person's words, not a
    question."""
    now = now or clock.now()
    found: list[DayInWords] = []
    for match in _DAY_IN_WORDS.finditer(text[:MAX_NOTE_SCAN]):
        said = match.group(0)
        if match["weekday"] or match["short"]:
            said = match["short"] or said  # the day's own word, as with one written out
            named = WEEKDAYS[(match["short"] or match["weekday"]).lower()]
            found.append(DayInWords(said, named.weekday, None))
            continue
        try:
            moment = parse_when(match["date"], lean="future", now=now)
        except InvalidInput:
            try:  # a date gone by ("on 20 Nov" on 23 November) is that one, not next year's
                moment = parse_when(match["date"], lean="past", now=now)
            except InvalidInput:
                continue
        found.append(DayInWords(said, moment.weekday(), moment.date()))
    return found


MAX_NOTE_SCAN = 2_000
"""Only the start of a long text is read for days (a step's words are short)."""
