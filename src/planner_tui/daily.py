"""The day's rules — which steps are due, who has drifted past their rhythm, whether today's
check-in is done, this month's intentions, which dates come round soon — written once, and
the reader `planner-tui today` runs them with.

Standard library only, on purpose (like :mod:`planner_tui.journal_search`): `planner-tui
today` belongs in a shell's startup file, so it reads the SQLite file with sqlite3 and never
imports the data layer. The services run the same statements on their session's own DB-API
connection (``services.common.driver_connection``), so the app and the shell can't
disagree: one statement per rule, for SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from dateutil.relativedelta import relativedelta

from planner_tui import clock, words
from planner_tui.db import (
    DATA_VERSION_KEY,
    SCHEMA_HEAD,
    emptied_with_log,
    json_value,
    quick_read_uri,
    reads_damaged_text,
    schema_revision,
)
from planner_tui.errors import PlannerError
from planner_tui.names import called, sort_key, told_apart
from planner_tui.outcomes import TAKEN_SQL
from planner_tui.patterns import says_something

DATES_AHEAD = 7
"""How many days ahead a birthday or another date is mentioned (today included)."""
LOW = 2
"""A mood or connectedness at or below this is a low day: nothing warm is taken from it."""
WARM = 4
"""A contact's warmth from this up is warm."""
MONTHS_BACK = 11
"""Earlier months "on this day" looks at (the same day of each); beyond a year, earlier
years are."""
WINDOWS_PER_QUERY = 100
"""Days looked at in one query for warm contacts (each is a condition of its own)."""
NEW_CHECKIN_DRAFT = "journal:new"
"""The draft key of a new check-in started with `c` and not saved yet (kept overnight, it
is still the day it was started for)."""
ANOTHER_CHECKIN_DRAFT = f"{NEW_CHECKIN_DRAFT}:yesterday"
"""The draft key of a check-in of its own begun with the Journal's `n` (its day box starts
at yesterday)."""
KEPT = "_kept"
"""In a draft: when it was written (UTC, ISO 8601), so that its "today" is still that day."""

Statement = tuple[str, dict[str, Any]]
T = TypeVar("T")


# --------------------------------------------------------------------------- days and times


def day_start(day: date, zone: tzinfo | None = None) -> datetime:
    """The moment (UTC) local *day* begins, held at the calendar's ends (year 1, year 9999)."""
    try:
        return datetime.combine(day, time(0), tzinfo=zone or clock.local_zone()).astimezone(UTC)
    except OverflowError:
        return (datetime.min if day.year == 1 else datetime.max).replace(tzinfo=UTC)


def day_window(first: date, last_exclusive: date) -> tuple[datetime, datetime]:
    """UTC bounds of local calendar days [first, last_exclusive); *last_exclusive*
    ``date.max`` means no end (there is no day after 31 December 9999)."""
    zone = clock.local_zone()
    if last_exclusive == date.max:  # the end of a range up to 31 December 9999: no end
        return day_start(first, zone), datetime.max.replace(tzinfo=UTC)
    return day_start(first, zone), day_start(last_exclusive, zone)


def moved(day: date, *, months: int = 0, days: int = 0) -> date:
    """*day* moved by *months* and *days*, held at the ends of the calendar (1 January 1,
    31 December 9999): a review of January 1 or December 9999 has no month beyond it to
    look at, and is never refused or broken for that."""
    try:
        return day + relativedelta(months=months, days=days)
    except (ValueError, OverflowError):
        return date.min if months < 0 or days < 0 else date.max


def day_after(day: date) -> date:
    """The next day; ``date.max`` (31 December 9999) for the last one, which
    :func:`day_window` reads as no end."""
    return date.max if day == date.max else day + timedelta(days=1)


class LocalDays:
    """The local day of stored moments, each day's start (UTC) worked out once and kept, and
    a moment placed among them: a year of rows costs one time-zone conversion per day, not
    one per row. Everything read for one view at once shares one (the Review's year of
    contacts and steps, its learning and its experiments)."""

    def __init__(self) -> None:
        self._zone = clock.local_zone()
        self._starts: dict[date, datetime] = {}

    def _start(self, day: date) -> datetime:
        found = self._starts.get(day)
        if found is None:
            found = self._starts[day] = day_start(day, self._zone)
        return found

    def __call__(self, moment: datetime | str) -> date:
        aware = as_aware(moment)
        assert aware is not None
        day = aware.astimezone(UTC).date()  # the local day is this one or a neighbour
        try:
            if aware < self._start(day):
                return day - timedelta(days=1)
            following = day + timedelta(days=1)
            if aware >= self._start(following):
                return following
        except OverflowError:  # the calendar's first or last day
            return clock.to_local(aware).date()
        return day


def due_end(today: date) -> datetime:
    """A step is due — today's, or an earlier one not done yet — before this moment: the
    end of *today*, local time."""
    return day_window(today, day_after(today))[1]


def as_aware(value: datetime | str | None) -> datetime | None:
    """A stored moment, aware (SQLite gives text, without a zone: it is UTC)."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def as_day(value: date | str | None) -> date | None:
    """A stored day (SQLite gives ISO text)."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def day_as_moment(day: date | str | None) -> datetime | None:
    """A journal day as a moment (its local noon), to set beside logged contacts."""
    found = as_day(day)
    if found is None:
        return None
    return datetime.combine(found, time(12), tzinfo=clock.local_zone()).astimezone(UTC)


def _bind(value: Any, dialect: str) -> Any:
    """A parameter as the driver stores it: SQLite keeps moments as UTC text (as SQLAlchemy
    writes them) and days as ISO text; psycopg takes them as they are."""
    if dialect == "postgresql":
        return value
    if isinstance(value, datetime):
        utc = value.astimezone(UTC)
        return (
            f"{utc.year:04d}-{utc.month:02d}-{utc.day:02d} "
            f"{utc.hour:02d}:{utc.minute:02d}:{utc.second:02d}.{utc.microsecond:06d}"
        )
    if isinstance(value, date):
        return value.isoformat()
    return value


def _mark(name: str, dialect: str) -> str:
    """The drivers' parameter styles: psycopg's, sqlite3's."""
    return f"%({name})s" if dialect == "postgresql" else f":{name}"


def _ids(values: Iterable[int]) -> str:
    """Ids from the database, written into a statement: numbers only."""
    return ",".join(str(int(value)) for value in values)


# --------------------------------------------------------------------------- the rules


def drifting_days(
    *,
    cadence_days: int | None,
    last_contact: datetime | None,
    since: datetime,
    snoozed_until: date | None,
    today: date,
) -> int | None:
    """Days past the wished-for cadence, or None when not drifting (or snoozed).

    One rule for everyone: the days since the last contact beyond the cadence. Someone
    never in touch counts from *since*, when they were added (or, for a review that looks
    back only so far, the start of its window): they are past their rhythm only once it
    has gone by since then, and by the days beyond it, like everyone else."""
    if cadence_days is None or (snoozed_until is not None and snoozed_until >= today):
        return None
    reference = clock.to_local(last_contact or since).date()
    overdue = (today - reference).days - cadence_days
    return overdue if overdue > 0 else None


def drift_order(days: int | None, name: str) -> tuple[int, str, str]:
    """Who to mention first: the longest past their rhythm, then by name."""
    return -(days or 0), *sort_key(name)


def intentions_month(today: date) -> str:
    """The month whose review wrote this month's intentions: last month, ``YYYY-MM``."""
    year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    return f"{year:04d}-{month:02d}"  # "0000-12" before January of the year 1: none


def occurrence(year: int, month: int, day: int) -> date:
    """A yearly date in *year*: 29 February is kept on 28 February in other years (as the
    calendar file's rule does: the last day of February)."""
    if (month, day) == (2, 29):
        try:
            return date(year, 2, 29)
        except ValueError:
            return date(year, 2, 28)
    return date(year, month, day)


def next_occurrence(month: int, day: int, today: date) -> date | None:
    """The first day on or after *today* that the yearly date falls on (None after 9999)."""
    for year in (today.year, today.year + 1):
        if year > date.max.year:
            return None
        found = occurrence(year, month, day)
        if found >= today:
            return found
    return None


@dataclass(frozen=True)
class UpcomingDate:
    person_id: int
    person: str
    label: str
    on: date
    year: int | None = None
    """The year it first happened, when known."""
    called: str = ""
    """What a step's words call them (:func:`planner_tui.names.called`)."""
    planned: str = ""
    """The words of a small step with them for the day or the day before (the soonest
    still planned, else the first done, else the first waiting on them: see
    :data:`SEEN_TO_ORDER`), when there is one: the date is seen to, and Today
    doesn't offer another. (An earlier step with them is taken to be about something
    else.)"""
    done: bool = False
    """Whether that step is done already (Today offered the date's step again once it was)."""
    reached: bool = False
    """Whether it was taken and is waiting on them (no reply yet, or not now): the message
    sent with no answer was offered again, as if never sent (nu280)."""


def upcoming(
    rows: Iterable[tuple[int, str, str, str, int, int, int | None]],
    today: date,
    within: int = DATES_AHEAD,
) -> list[UpcomingDate]:
    """From (person id, name, nickname, label, month, day, year) rows, the dates that fall
    in the *within* days from *today* (today included), soonest first."""
    found = []
    last = date.fromordinal(min(today.toordinal() + within - 1, date.max.toordinal()))
    for person_id, name, nickname, label, month, day, year in rows:
        on = next_occurrence(month, day, today)
        if on is not None and on <= last and (year is None or year <= on.year):
            found.append(UpcomingDate(person_id, name, label, on, year, called(name, nickname)))
    return sorted(found, key=lambda d: (d.on, d.person.lower(), d.label.lower()))


# --------------------------------------------------------------------------- statements


def due_steps_statement(
    today: date, dialect: str = "sqlite", columns: str = "step.id"
) -> Statement:
    """Planned steps due today or earlier (not done yet), soonest first."""
    sql = (
        f"SELECT {columns} {_STEPS} WHERE step.status = 'planned' "
        f"AND step.due_at < {_mark('end', dialect)} ORDER BY step.due_at, step.id"
    )
    return sql, {"end": _bind(due_end(today), dialect)}


_STEPS = (
    "FROM step LEFT JOIN person ON person.id = step.person_id "
    "LEFT JOIN context ON context.id = step.context_id"
)


def coming_steps_statement(
    start: datetime, limit: int, dialect: str = "sqlite", columns: str = "step.id"
) -> Statement:
    """The first *limit* steps still planned from *start* on, soonest first."""
    sql = (
        f"SELECT {columns} {_STEPS} WHERE step.status = 'planned' "
        f"AND step.due_at >= {_mark('start', dialect)} ORDER BY step.due_at, step.id "
        f"LIMIT {int(limit)}"
    )
    return sql, {"start": _bind(start, dialect)}


def settled_today(connection: Any, today: date, dialect: str = "sqlite") -> int:
    """How many of the steps due today have their outcome recorded (done, not now, no reply,
    let go; not those moved to another day): with none left, Today says the day's are
    recorded, not "nothing planned" (nu176) — and counts only the day's own (nu177)."""
    start, end = day_window(today, day_after(today))
    [(count,)] = rows(connection, (
        "SELECT count(*) FROM step WHERE step.status NOT IN ('planned', 'rescheduled') "
        f"AND step.due_at >= {_mark('start', dialect)} "
        f"AND step.due_at < {_mark('end', dialect)}",
        {"start": _bind(start, dialect), "end": _bind(end, dialect)}))  # fmt: skip
    return int(count)


def steps_taken_statement(start: datetime, end: datetime, dialect: str = "sqlite") -> Statement:
    """How many steps were taken — you reached out (done, not now, no reply yet:
    outcomes.taken, as the Review's *Following through* counts) — from *start* to *end*.
    Counting only those done, a "not now" was told it counted and the count stood still."""
    sql = (
        f"SELECT count(*) FROM step WHERE {TAKEN_SQL} "
        f"AND step.resolved_at >= {_mark('start', dialect)} "
        f"AND step.resolved_at < {_mark('end', dialect)}"
    )
    return sql, {"start": _bind(start, dialect), "end": _bind(end, dialect)}


def last_contact_statement(
    dialect: str = "sqlite",
    *,
    person_ids: Sequence[int] | None = None,
    first: date | None = None,
    last: date | None = None,
) -> Statement:
    """Each person's latest logged contact (completed steps record one) and their latest
    journal day that counts as contact — within the local days *first* to *last* when
    given: rows of (person id, moment or NULL, day or NULL). The later of the two is when
    they were last in touch.

    Asked person by person, so each answer is one step down an index (the copies of the
    moment and the day on the link rows, migration 0008): the same time for 100 years of
    history as for one. A single GROUP BY would read every link instead."""
    mark = {name: _mark(name, dialect) for name in ("start", "end", "first", "last")}
    logged = ["interaction_person.person_id = person.id"]
    noted = ["journal_person.person_id = person.id", "journal_person.counts_as_contact"]
    params: dict[str, Any] = {}
    if first is not None:
        logged.append(f"interaction_person.interaction_at >= {mark['start']}")
        noted.append(f"journal_person.entry_day >= {mark['first']}")
        params["start"] = _bind(day_window(first, first)[0], dialect)
        params["first"] = _bind(first, dialect)
    if last is not None:
        after = day_after(last)
        logged.append(f"interaction_person.interaction_at < {mark['end']}")
        noted.append(f"journal_person.entry_day <= {mark['last']}")
        params["end"] = _bind(day_window(last, after)[1], dialect)
        params["last"] = _bind(last, dialect)
    sql = (
        "SELECT person.id, "
        "(SELECT max(interaction_person.interaction_at) FROM interaction_person WHERE "
        + " AND ".join(logged)
        + "), (SELECT max(journal_person.entry_day) FROM journal_person WHERE "
        + " AND ".join(noted)
        + ") FROM person"
    )
    if person_ids is not None:
        sql += f" WHERE person.id IN ({_ids(person_ids) or 'NULL'})"
    return sql, params


def checked_in_statement(day: date, dialect: str = "sqlite") -> Statement:
    """Whether there is a journal entry for *day*."""
    sql = f"SELECT 1 FROM journal_entry WHERE day = {_mark('day', dialect)} LIMIT 1"
    return sql, {"day": _bind(day, dialect)}


def checkin_drafted_statement(day: date, dialect: str = "sqlite") -> Statement:
    """The draft `c` opens on *day*, if it was started and kept as one: a new check-in, else
    changes to one of the day's check-ins, the newest kept first (a check-in written
    meanwhile on the command line once hid the words kept for an earlier one). A form's
    draft is kept under its key (journal:new, journal:<id>), a window's own under the key
    and a mark of its own; the newest is taken back (services/drafts.py)."""
    entry, new = _mark("entry", dialect), _mark("new", dialect)
    mine = _mark("mine", dialect)
    that_day = (
        "EXISTS (SELECT 1 FROM journal_entry "
        f"WHERE day = {_mark('day', dialect)} AND (draft.key = {entry} || CAST(id AS TEXT) "
        f"OR draft.key LIKE {entry} || CAST(id AS TEXT) || {mine}))"
    )
    # A new check-in started is taken first, as `c` takes it (ui.app.check_in).
    sql = (
        f"SELECT key, payload FROM draft WHERE key = {new} OR key LIKE {new} || {mine} "
        f"OR {that_day} "
        f"ORDER BY key LIKE {new} || {_mark('any', dialect)} DESC, updated_at DESC, key LIMIT 1"
    )
    return sql, {"day": _bind(day, dialect), "entry": "journal:", "new": NEW_CHECKIN_DRAFT,
                 "mine": "#%", "any": "%"}  # fmt: skip


def intentions_statement(today: date, dialect: str = "sqlite") -> Statement:
    """The intentions written for this month (in last month's review)."""
    sql = f"SELECT intentions FROM month_review WHERE month = {_mark('month', dialect)}"
    return sql, {"month": intentions_month(today)}


def setting_statement(key: str, dialect: str = "sqlite") -> Statement:
    """A setting kept with the data (services/drafts.py)."""
    return f"SELECT value FROM app_setting WHERE key = {_mark('key', dialect)}", {"key": key}


SEEN_TO_ORDER = {"planned": 0, "done": 1, "no_reply": 2, "declined": 2}
"""Which of a date's steps says how it was seen to, first to last (and the only
statuses that see to it)."""


def planned_with_statement(
    person_ids: Iterable[int], start: datetime, end: datetime, dialect: str = "sqlite"
) -> Statement:
    """Steps planned, done or reached out in (no reply yet, or not now) with these people,
    due from *start* to before *end*: rows of (person id, action, due moment, status, when
    its outcome was recorded), soonest first."""
    sql = (
        "SELECT step.person_id, step.action, step.due_at, step.status, "
        "step.resolved_at FROM step "
        f"WHERE step.status IN ({', '.join(repr(status) for status in SEEN_TO_ORDER)}) "
        f"AND step.person_id IN ({_ids(person_ids) or 'NULL'}) "
        f"AND step.due_at >= {_mark('start', dialect)} AND step.due_at < {_mark('end', dialect)} "
        "ORDER BY step.due_at, step.id"
    )
    return sql, {"start": _bind(start, dialect), "end": _bind(end, dialect)}


def dates_statement() -> Statement:
    """Every date of everyone on the map (archived people aside)."""
    return (
        "SELECT person.id, person.name, person.nickname, person_date.label, person_date.month, "
        "person_date.day, person_date.year FROM person_date "
        "JOIN person ON person.id = person_date.person_id WHERE NOT person.archived",
        {},
    )


# --------------------------------------------------------------------------- running them


def rows(connection: Any, statement: Statement) -> list[Any]:
    """The rows of *statement* on a DB-API *connection*."""
    sql, params = statement
    cursor = connection.cursor()
    try:
        cursor.execute(sql, params)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def last_contacts(
    connection: Any,
    dialect: str = "sqlite",
    *,
    person_ids: Sequence[int] | None = None,
    first: date | None = None,
    last: date | None = None,
) -> dict[int, datetime]:
    """When each person was last in contact (see :func:`last_contact_statement`)."""
    if person_ids is not None and not person_ids:
        return {}
    statement = last_contact_statement(dialect, person_ids=person_ids, first=first, last=last)
    latest: dict[int, datetime] = {}
    for person_id, moment, day in rows(connection, statement):
        found = [when for when in (as_aware(moment), day_as_moment(day)) if when is not None]
        if found:
            latest[person_id] = max(found)
    return latest


def checked_in(connection: Any, day: date, dialect: str = "sqlite") -> bool:
    return bool(rows(connection, checked_in_statement(day, dialect)))


def kept_at(kept: object) -> datetime | None:
    """When a draft was written (its :data:`KEPT`), in local time; None for a draft from
    before drafts said so."""
    try:
        return clock.to_local(datetime.fromisoformat(str(kept)))
    except (ValueError, OverflowError):
        return None


def checkin_drafted(connection: Any, today: date, dialect: str = "sqlite") -> str | None:
    """The record whose draft `c` opens (``journal:new``, or ``journal:<id>`` of one of the
    day's check-ins); None when it opens none."""
    found = rows(connection, checkin_drafted_statement(today, dialect))
    return str(found[0][0]).partition("#")[0] if found else None


def checkin_draft_day(connection: Any, today: date, dialect: str = "sqlite") -> date | None:
    """The day of the check-in `c` opens from a draft (None: it opens none), read as the
    form reads it: its day's words as meant when written ("today" kept overnight is the
    day before)."""
    found = rows(connection, checkin_drafted_statement(today, dialect))
    if not found:
        return None
    from planner_tui.when import parse_when  # only then: 14 ms of the quick path's 40

    payload = found[0][1]
    payload = json.loads(payload) if isinstance(payload, str) else payload
    said = payload.get("day") if isinstance(payload, dict) else None
    written = kept_at(payload.get(KEPT)) if isinstance(payload, dict) else None
    try:
        return parse_when(str(said or "today"), lean="past", now=written, day=True).date()
    except PlannerError:
        return today  # words that mean no day: the form opens on them, as typed


def intentions(connection: Any, today: date, dialect: str = "sqlite") -> list[str]:
    found = rows(connection, intentions_statement(today, dialect))
    return [str(item) for item in json_value(found[0][0], dialect) or []] if found else []


def setting(connection: Any, key: str, default: Any = None, dialect: str = "sqlite") -> Any:
    """A setting kept with the data; *default* when there is none."""
    found = rows(connection, setting_statement(key, dialect))
    return json_value(found[0][0], dialect) if found else default


def data_version(connection: Any, dialect: str = "sqlite") -> int:
    """The data version (see :data:`planner_tui.db.DATA_VERSION_KEY`): 0 before any change."""
    return int(setting(connection, DATA_VERSION_KEY, 0, dialect) or 0)


EVE_FROM = time(17)
"""When the evening before a date begins: a step with them from then on is for the date (a
routine one that morning is about something else)."""


def upcoming_dates(
    connection: Any, today: date, within: int = DATES_AHEAD, dialect: str = "sqlite"
) -> list[UpcomingDate]:
    """The dates coming round (:func:`upcoming`), each with the step already planned for it
    with that person (on the day, or the evening before: from :data:`EVE_FROM`), if there
    is one. On the day itself, the evening before is yesterday: a message sent then still
    counts (it was offered again)."""
    found = upcoming(rows(connection, dates_statement()), today, within)
    if not found:
        return found
    yesterday = date.fromordinal(max(today.toordinal() - 1, 1))
    start, end = day_window(yesterday, day_after(found[-1].on))
    steps = [
        (person_id, action, as_aware(due_at), status, as_aware(resolved_at))
        for person_id, action, due_at, status, resolved_at in rows(
            connection, planned_with_statement({d.person_id for d in found}, start, end, dialect)
        )
    ]
    seen_to = []
    for coming in found:
        eve = date.fromordinal(max(coming.on.toordinal() - 1, 1))
        until = day_window(eve, day_after(coming.on))[1]
        since = datetime.combine(eve, EVE_FROM, tzinfo=clock.local_zone()).astimezone(UTC)
        # A step done before the eve was for something else (a walk due on the birthday,
        # done three days early, showed the birthday as seen to, nu160) — unless its words
        # name the date: a birthday message sent early is still the birthday's.
        for_it = [(action, status) for person_id, action, due_at, status, resolved in steps
                  if person_id == coming.person_id and due_at is not None
                  and since <= due_at < until
                  and (status == "planned" or resolved is None or resolved >= since
                       or coming.label.casefold() in action.casefold())]  # fmt: skip
        # The soonest still planned (a follow-up), else the first done, else one waiting.
        action, status = min(for_it, key=lambda step: SEEN_TO_ORDER[step[1]], default=("", ""))
        seen_to.append(replace(coming, planned=action, done=status == "done",
                               reached=status in ("no_reply", "declined")))  # fmt: skip
    return seen_to


# --------------------------------------------------------------------------- steps and people


@dataclass(frozen=True)
class DueStep:
    """A planned step, as Today and `today` show it and act on it."""

    id: int
    person_id: int | None
    """None for a step toward a place (``person`` is then the place's name, or empty)."""
    person: str
    action: str
    due_at: datetime
    cue: str = ""
    channel: str | None = None
    expected_awkwardness: int | None = None
    rrule: str | None = None
    context_id: int | None = None
    backup: str = ""


STEP_COLUMNS = (
    "step.id, step.person_id, coalesce(person.name, context.name, ''), step.action, "
    "step.due_at, step.cue, step.channel, step.expected_awkwardness, step.rrule, "
    "step.context_id, step.backup"
)
"""What :class:`DueStep` is read from (with :data:`_STEPS`)."""


def names_told_apart(connection: Any) -> dict[int, str]:
    """Everyone's name as a list shows it (:func:`planner_tui.names.told_apart`)."""
    return told_apart(rows(connection, ("SELECT id, name FROM person", {})))


def planned_steps(connection: Any, statement: Statement) -> list[DueStep]:
    """The steps of a statement that selects :data:`STEP_COLUMNS`, whom they are with told
    apart by number when two people share a name (as services.steps.read_steps has it)."""
    found = rows(connection, statement)
    shown = names_told_apart(connection) if found else {}
    return [
        DueStep(sid, pid, shown.get(pid, name), action,
                as_aware(due_at) or datetime.min.replace(tzinfo=UTC), cue or "", channel,
                awkward, rule, cid, backup or "")
        for sid, pid, name, action, due_at, cue, channel, awkward, rule, cid, backup in found
    ]  # fmt: skip


@dataclass(frozen=True)
class Reach:
    """Someone past the rhythm hoped for."""

    id: int
    name: str
    last_contact: datetime | None
    cadence_days: int | None
    days_past: int


ROOM_DAYS = 7
"""Days someone is given after a "not now" or a message not answered yet, before Today
suggests reaching them again."""


def stepped_people(connection: Any, today: date, dialect: str = "sqlite") -> frozenset[int]:
    """Everyone with a small step still planned, on any day, or given room: a "not now" or
    no reply yet recorded in the last :data:`ROOM_DAYS` days (Today suggested reaching Priya
    the moment her "not now" was saved, just after saying it was about timing, nu221)."""
    first = today - timedelta(days=ROOM_DAYS - 1) if today.toordinal() > ROOM_DAYS else date.min
    since, _ = day_window(first, today)  # (the calendar's first week: from its first day)
    found = rows(connection, (
        "SELECT DISTINCT person_id FROM step WHERE person_id IS NOT NULL AND (status = "
        "'planned' OR (status IN ('declined', 'no_reply') AND resolved_at >= "
        f"{_mark('since', dialect)}))", {"since": _bind(since, dialect)}))  # fmt: skip
    return frozenset(pid for (pid,) in found)


def not_stepped(drifting: Sequence[Reach], stepped: Collection[int]) -> list[Reach]:
    """Those of *drifting* with no small step planned (*stepped*: :func:`stepped_people`):
    someone with one already isn't suggested again (Today suggested Priya above her walk
    tomorrow, nu160; `today` Marek under his step from an earlier day, nu166, and Bo with
    his Friday step, which it doesn't list, nu169)."""
    return [reach for reach in drifting if reach.id not in stepped]


def past_rhythm(
    connection: Any, today: date, dialect: str = "sqlite"
) -> tuple[list[Reach], list[Reach], int]:
    """Everyone past their rhythm (archived people aside), the longest past first: those
    drifting, and those whose reminders rest (snoozed) — not "within the rhythm" (nu167);
    and how many with a rhythm are within it only because it counts from when they were
    added, never in touch since (:func:`words.no_one_drifting`)."""
    people = rows(
        connection,
        (
            "SELECT id, name, cadence_days, snoozed_until, created_at FROM person "
            "WHERE NOT archived AND cadence_days IS NOT NULL",
            {},
        ),
    )
    latest = last_contacts(connection, dialect, person_ids=[row[0] for row in people])
    shown = names_told_apart(connection) if people else {}  # two Mos: which one
    found: tuple[list[Reach], list[Reach]] = ([], [])
    not_yet = 0
    for pid, name, cadence, snoozed, created in people:
        past = partial(drifting_days, cadence_days=cadence, last_contact=latest.get(pid),
                       since=as_aware(created) or clock.utcnow(), today=today)  # fmt: skip
        days = past(snoozed_until=None)
        if days:
            resting = not past(snoozed_until=as_day(snoozed))
            found[resting].append(Reach(pid, shown.get(pid, name), latest.get(pid), cadence, days))
        elif latest.get(pid) is None:
            not_yet += 1
    return (
        sorted(found[0], key=lambda r: drift_order(r.days_past, r.name)),
        sorted(found[1], key=lambda r: drift_order(r.days_past, r.name)),
        not_yet,
    )


# --------------------------------------------------------------------------- on this day


@dataclass(frozen=True)
class WarmMoment:
    """One warm moment from an earlier day."""

    day: date
    kind: str
    """``entry`` (a check-in's warmth) or ``contact`` (a warm contact)."""
    text: str
    """The person's own words: what brought warmth, or the contact's note (may be empty)."""
    people: list[str] = field(default_factory=list)
    channel: str | None = None
    warmth: int | None = None


def earlier_days(today: date, since: date) -> tuple[list[date], list[date]]:
    """This date in each earlier year back to *since*'s year (newest first; 29 February
    only in leap years), and this day of the month in each of the last few months."""
    years = []
    for back in range(1, today.year - since.year + 1):
        try:
            years.append(today.replace(year=today.year - back))
        except ValueError:  # 29 February in a year without one
            continue
    months = []
    for back in range(1, MONTHS_BACK + 1):
        earlier = today - relativedelta(months=back)
        if earlier.day == today.day and earlier >= since:  # 31st: only months that have one
            months.append(earlier)
    return [d for d in years if d >= since], months


def _days(days: Iterable[date]) -> str:
    """Days made here, written into a statement as ISO text: digits and dashes only."""
    return ",".join(f"'{day.isoformat()}'" for day in days)


def _first_day(connection: Any) -> date | None:
    """The earliest day anything warm could be from: the first check-in or contact."""
    [(first_entry,)] = rows(connection, ("SELECT min(day) FROM journal_entry", {}))
    [(first_contact,)] = rows(connection, ("SELECT min(occurred_at) FROM interaction", {}))
    contact = as_aware(first_contact)
    found = [as_day(first_entry), clock.to_local(contact).date() if contact else None]
    days = [d for d in found if d is not None]
    return min(days) if days else None


def warm_on(connection: Any, days: list[date], dialect: str = "sqlite") -> list[WarmMoment]:
    """Warm check-ins and warm contacts on *days*, newest first. Never from a low day, nor a
    contact that wasn't warm."""
    if not days:
        return []
    found: list[WarmMoment] = []
    low_days = set()
    for day, warmth_note, mood, connectedness in rows(
        connection,
        (
            "SELECT day, warmth_note, mood, connectedness FROM journal_entry "
            f"WHERE day IN ({_days(days)}) ORDER BY day DESC, id",
            {},
        ),
    ):
        day = date.fromisoformat(day) if isinstance(day, str) else day
        if any(score is not None and score <= LOW for score in (mood, connectedness)):
            low_days.add(day)
        elif says_something(warmth_note):
            found.append(WarmMoment(day, "entry", warmth_note.strip()))
    wanted = set(days) - low_days
    local_day = LocalDays()
    ids = []
    # A few days to a query: a journal from year 1 gives two thousand days, and a database
    # parses a condition only so deep (SQLite: 1,000).
    for first in range(0, len(days), WINDOWS_PER_QUERY):
        windows: list[str] = []
        params: dict[str, Any] = {}
        for n, day in enumerate(days[first : first + WINDOWS_PER_QUERY]):
            start, end = day_window(day, day_after(day))
            windows.append(
                f"(occurred_at >= {_mark(f's{n}', dialect)} AND occurred_at < {_mark(f'e{n}', dialect)})"
            )
            params |= {f"s{n}": _bind(start, dialect), f"e{n}": _bind(end, dialect)}
        sql = f"SELECT id, occurred_at FROM interaction WHERE warmth >= {WARM} AND ({' OR '.join(windows)})"
        ids += [
            iid for iid, moment in rows(connection, (sql, params)) if local_day(moment) in wanted
        ]
    if ids:
        people: dict[int, list[str]] = {}
        for iid, name in rows(
            connection,
            (
                "SELECT interaction_person.interaction_id, person.name FROM interaction_person "
                "JOIN person ON person.id = interaction_person.person_id "
                f"WHERE interaction_person.interaction_id IN ({_ids(ids)})",
                {},
            ),
        ):
            people.setdefault(iid, []).append(name)
        for iid, moment, note, channel, warmth, place in rows(
            connection,
            (
                "SELECT interaction.id, occurred_at, note, channel, warmth, context.name "
                "FROM interaction LEFT JOIN context ON context.id = interaction.context_id "
                f"WHERE interaction.id IN ({_ids(ids)}) "
                "ORDER BY occurred_at DESC, interaction.id DESC",
                {},
            ),
        ):
            said = note.strip().splitlines()[0] if note.strip() else ""
            who = sorted(people.get(iid, []), key=sort_key) or ([place] if place else [])
            found.append(WarmMoment(local_day(moment), "contact", said, who, channel, warmth))
    return sorted(found, key=lambda m: m.day, reverse=True)


def on_this_day(connection: Any, today: date, dialect: str = "sqlite") -> WarmMoment | None:
    """One warm moment from this date in an earlier year — or, if there is none, from this
    day of an earlier month — the same one all day; None when there is nothing warm."""
    since = _first_day(connection)
    if since is None or since >= today:
        return None
    for days in earlier_days(today, since):
        found = warm_on(connection, days, dialect)
        if found:
            return found[today.toordinal() % len(found)]
    return None


# --------------------------------------------------------------------------- Today


ON_THIS_DAY_KEY = "on_this_day"
"""The setting that turns *on this day* off (``False``); on unless set."""


@dataclass
class TodayFacts:
    """Everything the app's Today view shows, by the rules above."""

    today: date
    due: list[DueStep]
    coming: list[DueStep]
    drifting: list[Reach]
    resting: list[Reach]
    """Past their rhythm with their reminders resting: named, not said to be within it."""
    not_yet_in_touch: int
    """Within their rhythm only as it counts from when they were added (:func:`past_rhythm`)."""
    stepped: frozenset[int]
    """Those with a small step planned: not suggested (:func:`not_stepped`)."""
    checked_in: bool
    checkin_draft_day: date | None
    """The day of what `c` opens, when it was started and kept as a draft: a new check-in
    (perhaps started on an earlier day), or changes to the day's saved one."""
    intentions: list[str]
    steps_this_week: int
    settled_today: int
    """Steps whose outcome was recorded today (:func:`settled_today`)."""
    anyone: bool
    dates: list[UpcomingDate]
    moment: WarmMoment | None
    """None when there is nothing warm, or it is turned off."""
    moment_hidden: bool


def today_facts(
    connection: Any,
    *,
    today: date,
    coming: int,
    dialect: str = "sqlite",
    check_in: date | None = None,
) -> TodayFacts:
    """What Today shows, with the next *coming* steps after today; the check-in's of the day
    *check_in* (past midnight, the day just gone: :func:`clock.check_in_day`), else today's."""
    check_in = check_in or today
    monday = today - timedelta(days=today.weekday())
    week = day_window(monday, day_after(today))
    tomorrow = day_window(today, day_after(today))[1]
    [(done,)] = rows(connection, steps_taken_statement(*week, dialect))
    hidden = setting(connection, ON_THIS_DAY_KEY, True, dialect) is False
    past, resting, not_yet = past_rhythm(connection, today, dialect)
    return TodayFacts(
        today=today,
        due=planned_steps(connection, due_steps_statement(today, dialect, STEP_COLUMNS)),
        coming=planned_steps(
            connection, coming_steps_statement(tomorrow, coming, dialect, STEP_COLUMNS)
        ),
        drifting=past,
        resting=resting,
        not_yet_in_touch=not_yet,
        stepped=stepped_people(connection, today, dialect),
        checked_in=checked_in(connection, check_in, dialect),
        checkin_draft_day=checkin_draft_day(connection, check_in, dialect),
        intentions=intentions(connection, today, dialect),
        steps_this_week=int(done),
        settled_today=settled_today(connection, today, dialect),
        anyone=bool(rows(connection, ("SELECT 1 FROM person LIMIT 1", {}))),
        dates=upcoming_dates(connection, today, dialect=dialect),
        moment=None if hidden else on_this_day(connection, today, dialect),
        moment_hidden=hidden,
    )


# --------------------------------------------------------------------------- the summary


@dataclass
class Summary:
    """What `planner-tui today` says: a part of what the app's Today view shows."""

    today: date
    steps: list[DueStep] = field(default_factory=list)
    reach: Reach | None = None
    """The one person `today` suggests: the longest past their rhythm."""
    checked_in: bool = False
    check_in_day: date | None = None
    """The day *checked_in* is about: today, or past midnight the day just gone (nu278)."""
    intentions: list[str] = field(default_factory=list)
    dates: list[UpcomingDate] = field(default_factory=list)
    checkin_draft_day: date | None = None
    """The day of a check-in started and kept as a draft (as Today says it)."""
    settled_today: int = 0
    """Steps whose outcome was recorded today (:func:`settled_today`)."""
    next_step: DueStep | None = None
    """The first step planned after today (Today's *Coming up next* begins with it)."""
    held_back: str = ""
    """With no one to suggest while someone past their rhythm rests (snoozed), why, in
    Today's words (`today` said nothing of them, nu243)."""

    @property
    def is_empty(self) -> bool:
        """Nothing to act on: no step, no one to reach, no date coming. (The check-in and
        intentions are the day's background: alone, they are no reason to speak up.)"""
        return not (self.steps or self.reach or self.dates)

    def to_json(self) -> dict[str, Any]:
        """For scripts: days and moments as ISO text; each step says whether it is from an
        earlier day (``not_yet``)."""

        def plain(value: Any) -> Any:
            if isinstance(value, datetime | date):
                return value.isoformat()
            if isinstance(value, dict):
                return {k: plain(v) for k, v in value.items()}
            if isinstance(value, list):
                return [plain(v) for v in value]
            return value

        data: dict[str, Any] = plain(asdict(self))
        for shown, step in zip(data["steps"], self.steps, strict=True):
            shown["not_yet"] = clock.to_local(step.due_at).date() < self.today
        return data


def summary(
    connection: Any, *, today: date, dialect: str = "sqlite", check_in: date | None = None
) -> Summary:
    """Today's summary from a DB-API *connection*, by the rules above (*check_in* as for
    :func:`today_facts`)."""
    check_in = check_in or today
    due = planned_steps(connection, due_steps_statement(today, dialect, STEP_COLUMNS))
    past, resting, _ = past_rhythm(connection, today, dialect)
    reach = not_stepped(past, stepped_people(connection, today, dialect))
    names = [r.name for r in resting]  # said when someone rests (a step shows above)
    if reach or not names:
        held_back = ""
    else:
        held_back = words.all_stepped(names) if past else words.no_one_drifting(names)
    return Summary(
        today=today,
        steps=due,
        reach=reach[0] if reach else None,
        checked_in=checked_in(connection, check_in, dialect),
        check_in_day=check_in,
        intentions=intentions(connection, today, dialect),
        dates=upcoming_dates(connection, today, dialect=dialect),
        checkin_draft_day=checkin_draft_day(connection, check_in, dialect),
        settled_today=settled_today(connection, today, dialect),
        next_step=next_step(connection, today, dialect),
        held_back=held_back,
    )


def next_step(connection: Any, today: date, dialect: str = "sqlite") -> DueStep | None:
    """The first step planned after *today*, as Today's *Coming up next* reads them."""
    tomorrow = day_window(today, day_after(today))[1]
    found = planned_steps(connection, coming_steps_statement(tomorrow, 1, dialect, STEP_COLUMNS))
    return found[0] if found else None


def summary_file(database: Path, *, today: date, check_in: date | None = None) -> Summary | None:
    """:func:`summary` on a SQLite file with the standard library alone, or ``None`` (see
    :func:`read_file`)."""
    return read_file(
        database, lambda connection: summary(connection, today=today, check_in=check_in)
    )


def read_file(
    database: Path, read: Callable[[sqlite3.Connection], T], *, timeout: float = 2.0
) -> T | None:
    """*read* on a SQLite file opened with the standard library. ``None`` when the file
    isn't one this version can read that way (the caller then opens it properly, with
    every check and message that brings).

    Unlike a search, this doesn't run SQLite's ``quick_check`` first: on ten years of data
    that alone takes longer than a shell's start-up can spare, and these read a few rows.
    A file that isn't SQLite is passed to the full path (SQLite refuses it below; the file
    is never opened any other way, as closing it would drop this process's SQLite locks);
    every write checks the whole file."""
    if emptied_with_log(database):
        return None
    try:
        connection = sqlite3.connect(quick_read_uri(database), uri=True, timeout=timeout)
    except (OSError, sqlite3.Error):
        return None
    reads_damaged_text(connection)
    try:
        if schema_revision(connection) != SCHEMA_HEAD:
            return None
        return read(connection)
    except (sqlite3.Error, ValueError):
        return None
    finally:
        connection.close()
