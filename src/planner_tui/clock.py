"""The one place that asks what time it is, so tests (and the end-to-end run) can freeze it.

``PLANNER_TUI_NOW`` (an ISO-8601 timestamp) freezes the clock for a whole process.
"""

from __future__ import annotations

import functools
import os
import time as time_module
import warnings
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from dateutil import tz

from planner_tui.errors import PlannerError

NOW_FORMAT = "PLANNER_TUI_NOW should be a date and time like 2026-11-23T20:00 (ISO 8601), or unset."
"""What is said when ``PLANNER_TUI_NOW`` can't be read."""

_frozen: datetime | None = None


def local_zone() -> tzinfo:
    written = os.environ.get("TZ")
    return (_zone_written(written) if written else None) or tz.tzlocal()


@functools.lru_cache(maxsize=8)  # read for every time shown: once per TZ, not per row
def _zone_written(written: str) -> tzinfo | None:
    """The zone ``TZ`` names as dateutil reads it; None for what it can't read (then the
    system's reading stands, as `date`'s does): a POSIX rule with <…> names, a file that is
    no zone file (``/etc/passwd`` closed every command, nu279), or a name with a slash the
    zone database lacks, which dateutil read as a rule (``Etc/GMT+14``: 14 hours off)."""
    try:
        with warnings.catch_warnings():  # a relative path's deprecation is no zone either
            warnings.simplefilter("ignore")
            zone = tz.gettz(written)
    except (ValueError, OSError):
        return None
    if isinstance(zone, tz.tzstr):
        if "/" in written.split(",")[0]:  # a rule's slashes come after its names' commas
            return None
        # A POSIX rule, read as POSIX reads it (and `date`): "GMT+5" is five hours behind
        # UTC. dateutil reads "GMT+h" and "UTC+h" the other way round unless asked.
        zone = tz.tzstr(written, posix_offset=True)
    return zone


def zone_problem() -> str | None:
    """What to say when ``TZ`` names no zone this computer knows, so that times are in UTC
    (without a word, nu278), else None."""
    written = os.environ.get("TZ")
    if not written:
        return None
    # A POSIX rule has an offset ("GMT0BST"); a word alone that names no zone ("Lodnon") is
    # read by the system as UTC under that name, and by dateutil as the system's (nu283).
    misspelt = not any(ch.isdigit() for ch in written) and zone_name() is None
    if not misspelt and _zone_written(written) is not None:
        return None
    getattr(time_module, "tzset", lambda: None)()  # the system's reading of it, now
    if time_module.timezone or time_module.daylight:
        return None  # read by the system (a rule like '<+0530>-5:30'), not dateutil
    return (
        f"TZ is set to {written.strip()[:60]!r}, which is no time zone this computer knows, "
        "so times are read and shown in UTC. Set it to a zone such as Europe/London, or unset it."
    )


def zone_name() -> str | None:
    """The local zone's IANA name ('Europe/London'), for files other programs read (a
    calendar keeps a weekly 18:00 at 18:00 across clock changes only with a known zone).

    The zone :func:`local_zone` uses, however it is written: ``TZ`` as a name
    (``Europe/London``, ``:Europe/London``) or a path into the zone database
    (``:/usr/share/zoneinfo/Europe/London``); without ``TZ``, ``/etc/localtime``. ``None``
    when it has no name: ``TZ`` as a POSIX rule (``GMT0BST,M3.5.0/1,M10.5.0``)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    written = os.environ.get("TZ", "").removeprefix(":")
    if not written:
        written = "/etc/localtime"
    if written.startswith("/"):
        try:
            written = os.path.realpath(written)
        except OSError:
            return None
        written = written.partition("/zoneinfo/")[2]
        for variant in ("posix/", "right/"):  # the same zones, kept twice by some systems
            written = written.removeprefix(variant)
    if not written:
        return None
    try:
        ZoneInfo(written)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None
    return written


def freeze(moment: datetime | None) -> None:
    """Pin now() to *moment* (naive means local time); ``None`` unfreezes."""
    global _frozen
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=local_zone())
    _frozen = moment


def now() -> datetime:
    """The current moment, timezone-aware, in local time."""
    if _frozen is not None:
        return _frozen.astimezone(local_zone())
    env = os.environ.get("PLANNER_TUI_NOW")
    if env:
        try:
            moment = datetime.fromisoformat(env.strip())
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=local_zone())
            return moment.astimezone(local_zone())
        except (ValueError, OverflowError):
            raise PlannerError(NOW_FORMAT) from None
    return datetime.now(UTC).astimezone(local_zone())


def utcnow() -> datetime:
    return now().astimezone(UTC)


def today() -> date:
    return now().date()


NIGHT_ENDS = time(4)
"""Until this hour, a check-in is about the day just gone: one written at 00:40 is the
evening's, not the new day's (nu159)."""


def check_in_day() -> date:
    """The day a check-in written now is about: today, or before :data:`NIGHT_ENDS` the day
    before. Today's line, ``c`` and ``planner-tui journal`` take it."""
    moment = now()
    night = moment.time() < NIGHT_ENDS and moment.date() > date.min  # (no day before it)
    return moment.date() - timedelta(days=1 if night else 0)


def check_in_title() -> str:
    """How the check-in of :func:`check_in_day` is named: today's, or, past midnight, the
    day just gone's."""
    day = check_in_day()
    if day == today():
        return "Today's check-in"
    return f"Check-in for {strftime(day, '%A %-d %B')} (past midnight: the day just gone)"


def to_local(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(local_zone())


def strftime(moment: date | datetime, pattern: str) -> str:
    """*moment* as *pattern* says, the year always in four digits: the C library's ``%Y``
    leaves out the zeros of a year below 1000 ('1-01-01'), which would read back as 2001."""
    return moment.strftime(pattern.replace("%Y", f"{moment.year:04d}"))
