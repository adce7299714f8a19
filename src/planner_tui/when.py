"""Times as people say them: "yesterday evening", "last sat 3pm", "in 3 days", "2026-11-20 18:00".

A small grammar of day words and parts of the day on top of python-dateutil, which does the
calendar arithmetic (relativedelta) and reads every absolute form (its parser). Anything it
cannot read raises :class:`InvalidInput` with examples, never a guess.
"""

from __future__ import annotations

import re
from datetime import datetime, time
from typing import Literal

from dateutil import parser as date_parser
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta, weekday

from planner_tui import clock, words
from planner_tui.errors import InvalidInput

Lean = Literal["past", "future"]

WEEKDAYS: dict[str, weekday] = {}
for _names, _weekday in (
    (("mon", "monday"), MO),
    (("tue", "tues", "tuesday"), TU),
    (("wed", "weds", "wednesday"), WE),
    (("thu", "thur", "thurs", "thursday"), TH),
    (("fri", "friday"), FR),
    (("sat", "saturday"), SA),
    (("sun", "sunday"), SU),
):
    WEEKDAYS.update(dict.fromkeys(_names, _weekday))

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
UNITS = {"day": "days", "week": "weeks", "month": "months", "hour": "hours", "minute": "minutes"}
EXAMPLES = "Try 'yesterday evening', 'last sat 3pm', 'in 3 days', or 2026-11-20 18:00."

_RELATIVE = re.compile(
    r"^(?:(?P<in>in)\s+)?(?P<n>\d+|an?|one|two|three)\s+"
    r"(?P<unit>minute|hour|day|week|month)s?(?:\s+(?P<ago>ago))?$"
)
_WORD_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3}
_TIME = re.compile(r"^(?:at\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$")


def parse_when(text: str, *, lean: Lean = "past", now: datetime | None = None) -> datetime:
    """Read *text* as a local, timezone-aware moment.

    *lean* settles words that could go either way: a bare weekday is the most recent one
    when logging what happened ("past") and the next one when planning ("future").
    """
    now = now or clock.now()
    words = " ".join(text.strip().lower().replace(",", " ").split())
    if words in ("", "now", "just now", "right now"):
        return now.replace(second=0, microsecond=0)
    relative = _RELATIVE.match(words)
    if relative:
        return _relative(relative, now)
    day_part, time_part = _split(words)
    if not (day_part or time_part):
        return _absolute(text, now)
    try:
        at = _time(time_part) if time_part else None
    except ValueError:
        raise InvalidInput(
            f"There is no such time as '{time_part}'. {EXAMPLES}", field="when"
        ) from None
    day = _day(day_part, now, lean) if day_part else now
    if at is None:
        if day_part.endswith("tonight"):
            at = PARTS_OF_DAY["tonight"]
        else:
            at = now.time() if day.date() == now.date() else time(12)
    return day.replace(hour=at.hour, minute=at.minute, second=0, microsecond=0)


def _relative(match: re.Match[str], now: datetime) -> datetime:
    raw = match["n"]
    amount = int(raw) if raw.isdigit() else _WORD_NUMBERS[raw]
    if match["in"] and match["ago"]:
        raise InvalidInput(
            f"'{match.group(0)}' can't be both ahead and ago. {EXAMPLES}", field="when"
        )
    sign = -1 if match["ago"] or not match["in"] else 1
    delta = relativedelta(**{UNITS[match["unit"]]: sign * amount})  # type: ignore[arg-type]
    return (now + delta).replace(second=0, microsecond=0)


def _split(words: str) -> tuple[str, str]:
    """Separate the day ("last sat", "yesterday") from the time ("3pm", "evening")."""
    tokens = words.split()
    for cut in range(len(tokens), -1, -1):
        head, tail = " ".join(tokens[:cut]), " ".join(tokens[cut:])
        if _is_day(head) and (not tail or _is_time(tail)):
            return head, tail
    return "", words if _is_time(words) else ""


def _is_day(words: str) -> bool:
    if not words:
        return True
    parts = words.split()
    if parts[0] in ("last", "this", "next", "on"):
        parts = parts[1:]
    return len(parts) == 1 and (
        parts[0] in WEEKDAYS or parts[0] in ("today", "yesterday", "tomorrow", "tonight")
    )


def _is_time(words: str) -> bool:
    words = words.removeprefix("in the ").removeprefix("at ")
    return words in PARTS_OF_DAY or bool(_TIME.match(words))


def _day(words: str, now: datetime, lean: Lean) -> datetime:
    parts = words.split()
    which = parts[0] if parts[0] in ("last", "this", "next") else ""
    name = parts[-1]
    if name in ("today", "tonight"):
        return now
    if name == "yesterday":
        return now - relativedelta(days=1)
    if name == "tomorrow":
        return now + relativedelta(days=1)
    day = WEEKDAYS[name]
    if which == "last" or (not which and lean == "past"):
        # The most recent such day before today ("last sat" on a Saturday is a week ago).
        return now + relativedelta(days=-1, weekday=day(-1))
    if which == "next" or (not which and lean == "future"):
        return now + relativedelta(days=+1, weekday=day(+1))
    # "this sat": the one in the current Monday-to-Sunday week.
    return now + relativedelta(weekday=MO(-1)) + relativedelta(weekday=day(+1))


def _time(words: str) -> time:
    words = words.removeprefix("in the ").removeprefix("at ")
    if words in PARTS_OF_DAY:
        return PARTS_OF_DAY[words]
    match = _TIME.match(words)
    if not match:
        raise ValueError(words)
    hour, minute, half = int(match[1]), int(match[2] or 0), match[3]
    if half:
        if not 1 <= hour <= 12:
            raise ValueError(words)
        hour = hour % 12 + (12 if half == "pm" else 0)
    return time(hour, minute)  # raises ValueError when out of range


def _absolute(text: str, now: datetime) -> datetime:
    default = now.replace(hour=12, minute=0, second=0, microsecond=0)
    try:
        moment = date_parser.parse(text, default=default.replace(tzinfo=None), dayfirst=True)
    except (ValueError, OverflowError):
        raise InvalidInput(
            f"I couldn't read '{text.strip()[:60]}' as a time. {EXAMPLES}", field="when"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=now.tzinfo)
    return moment.astimezone(now.tzinfo)


def describe(moment: datetime, *, now: datetime | None = None) -> str:
    """How a parsed time reads back: 'Sat 21 Nov, 15:00 (2 days ago)'."""
    now = now or clock.now()
    shown = clock.to_local(moment).strftime("%a %-d %b %Y, %H:%M")
    return f"{shown} ({words.ago(moment, today=now.date())})"


_CADENCE_WORDS = {
    "daily": 1,
    "every day": 1,
    "weekly": 7,
    "every week": 7,
    "fortnightly": 14,
    "monthly": 30,
    "every month": 30,
    "quarterly": 90,
    "yearly": 365,
    "every year": 365,
}
_CADENCE = re.compile(r"^(?:every\s+)?(\d+)\s*(day|week|month|year)?s?$")


def parse_cadence(text: str) -> int | None:
    """How often to be in touch, in days: '14', 'weekly', 'every 3 weeks'; '' means unset."""
    words = " ".join(text.strip().lower().split())
    if not words or words in ("-", "—", "none", "whenever"):
        return None
    if words in _CADENCE_WORDS:
        return _CADENCE_WORDS[words]
    match = _CADENCE.match(words)
    if not match:
        raise InvalidInput(
            "Say how often as a number of days, or like 'weekly' or 'every 3 weeks'.",
            field="cadence_days",
        )
    days = int(match[1]) * {"day": 1, "week": 7, "month": 30, "year": 365}[match[2] or "day"]
    if not 1 <= days <= 3650:
        raise InvalidInput(
            "How often to be in touch should be between daily and every ten years.",
            field="cadence_days",
        )
    return days
