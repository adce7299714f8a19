"""Export and import: lossless JSON and readable Markdown (iCalendar is services.calendar)."""

from __future__ import annotations

import codecs
import json
import os
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from dateutil.relativedelta import relativedelta
from sqlmodel import Session, col, select

from planner_tui import __version__, clock, words
from planner_tui.db import OF_THIS_FILE
from planner_tui.db.engine import names_a_log
from planner_tui.db.models import (
    TABLES_IN_ORDER,
    AppSetting,
    Draft,
    Interaction,
    InteractionRead,
    JournalEntry,
    JournalEntryRead,
    LonelinessCheck,
    LonelyHowOften,
    MonthReview,
    Step,
    StepRead,
    is_copy,
    label,
)
from planner_tui.errors import InvalidInput, StorageError
from planner_tui.files import read_named, write_atomic
from planner_tui.markdown import markdown_inline, markdown_lines
from planner_tui.outcomes import named
from planner_tui.services import import_rows, journal, people, steps
from planner_tui.services.common import reset_sequences

FORMAT_NAME = "planner-tui"
FORMAT_VERSION = 1
MARKDOWN_TITLE = "planner-tui — "
"""How the Markdown export's first heading begins (after its `# `): for reading, not import."""
EXPORTED_TABLES = [t for t in TABLES_IN_ORDER if t is not Draft]
"""Drafts are half-typed text; they stay on the machine where they were typed."""


CHUNK = 1000
"""Rows read (and written) at a time by an export: memory stays flat however many years."""


def write_file(path: Path, data: str | bytes | Iterable[str]) -> None:
    """Write an export whole or not at all (:func:`planner_tui.files.write_atomic`),
    readable by its owner only: it holds a journal. *data* may come in pieces, written as
    they are made (:func:`export_json_pieces`, :func:`export_markdown_pieces`).

    A folder that isn't there is not made on the way (a mistyped folder would otherwise
    leave a journal somewhere unexpected): it is named, and nothing is written. Nor is a
    file replaced that isn't text (:func:`check_replaceable`)."""
    check_folder(path.parent)
    check_replaceable(path)
    try:
        write_atomic(path, data)
    except OSError as error:
        raise StorageError(f"Can't write {path}: {error.strerror or error}.") from None


def check_replaceable(path: Path) -> None:
    """An export goes where nothing is yet, or over a text file (an earlier export, most
    often); never over a database (the planner itself: an export written over it left
    nothing to open), a picture or any other file that isn't text, a link or a folder;
    nor by a database's name with -journal, -wal or -shm (SQLite would take the export for
    its log: the planner read as read-only, and lost what it wrote next)."""
    if names_a_log(path):  # a database's own log, there or to come
        raise StorageError(
            f"{path} is the name of a database's own log, so nothing was written there; "
            "choose another file name."
        )
    if not os.path.lexists(path):
        return
    if path.is_symlink() or not path.is_file():
        what = "a link" if path.is_symlink() else "a folder" if path.is_dir() else "not a file"
        raise StorageError(f"{path} is {what}, so nothing was written there; choose a file name.")
    try:
        head = read_named(path, 4096)
    except OSError as error:
        raise StorageError(f"Can't write {path}: {error.strerror or error}.") from None
    if b"\x00" in head or not _utf8(head):
        raise StorageError(
            f"{path} holds something other than text (a database, a picture…), so it was "
            "left as it is; choose a new file name."
        )


EXPORT_KINDS = {
    "json": "JSON",
    "markdown": "Markdown journal",
    "ics": "calendar",
    "review": "monthly review",
}
"""An export's format (as `--format` names it; a month's review, as `review` and the
Review's `o` save it) → its name in a sentence."""


def export_kind(path: Path) -> str | None:
    """Which of planner-tui's exports *path* begins as (a key of :data:`EXPORT_KINDS`), or
    None: the command line, which can't ask as the app does, replaces only an earlier
    export of the same kind, and the app's question says what is there."""
    return kind_of_text(read_named(path, 4096).decode("utf-8", "replace"))


def kept_because(path: Path, kind: str) -> str | None:
    """Why the file at *path* is not to be replaced by a *kind* export, said to follow "is
    there already and", or None when it may be: nothing is there, or an earlier export of
    the same kind. Other text (a person's notes, named by a slip) is kept, in the app as on
    the command line."""
    if not path.is_file():
        return None
    there = export_kind(path)
    if there == kind:
        return None
    if there is None:
        return "isn't an earlier planner-tui export"
    return f"is an earlier {EXPORT_KINDS[there]} export, not a {EXPORT_KINDS[kind]} one"


def kind_of_text(head: str) -> str | None:
    """:func:`export_kind` of a file's first characters."""
    head = head[:4096].removeprefix("\ufeff")
    if re.match(r'\{\s*"format":\s*"' + FORMAT_NAME + '"', head):
        return "json"
    if head.startswith(f"# {MARKDOWN_TITLE}"):
        return "markdown"
    if head.startswith(f"# {words.REVIEW_TITLE}"):
        return "review"
    if f"PRODID:-//{FORMAT_NAME}//" in head:
        return "ics"
    return None


def _utf8(head: bytes) -> bool:
    """Whether *head*, the start of a file, is UTF-8 (a character may be cut at its end)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def check_folder(folder: Path) -> None:
    """Refuse, naming it, a folder an export would go into that isn't there."""
    if not folder.is_dir():
        shown = str(folder) if str(folder) else "."
        raise StorageError(f"There is no folder {shown}; make it first, or choose another place.")


def make_folder(folder: Path) -> None:
    """The folder `--per-month` writes into: made when only it is missing (its parent must
    be there, as for every export), readable by its owner only."""
    if folder.is_dir():
        return
    if folder.exists():  # a file by that name: "File exists" said nothing of what to do
        raise StorageError(
            f"{folder} is a file, not a folder; --per-month writes a file for each month "
            "into a folder: give a folder's name."
        )
    check_folder(folder.parent)
    try:
        folder.mkdir(mode=0o700)
    except OSError as error:
        raise StorageError(f"Can't make the folder {folder}: {error.strerror or error}.") from None


def _table(model: Any) -> sa.Table:
    table = model.__table__
    assert isinstance(table, sa.Table)
    return table


def _exported(table: sa.Table) -> list[sa.Column[Any]]:
    """The columns an export holds: not the copies the database keeps for its indexes."""
    return [column for column in table.columns if not is_copy(column)]


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def export_json(*, session: Session) -> str:
    """Every table (drafts aside) as JSON; :func:`import_json` reads it back exactly."""
    return "".join(export_json_pieces(session=session))


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
_STRING: Any = getattr(json.encoder, "c_encode_basestring", None) or json.encoder.encode_basestring
_AT_ONCE: dict[type, Any] = {
    str: _STRING,
    int: int.__repr__,
    bool: lambda value: "true" if value else "false",
    type(None): lambda _: "null",
    datetime: lambda value: f'"{value.astimezone(UTC).isoformat()}"',
    date: lambda value: f'"{value.isoformat()}"',
}
"""Encoders for the values most rows hold, found by their exact type: what ``json.dumps``
writes for them (a date's ISO text needs no escaping), without its checks on every value."""


def _json_value(value: Any) -> str:
    """A value as ``json.dumps(document, ensure_ascii=False, indent=1)`` writes it inside a
    row (four levels deep): the C encoder for plain values, the indented one for a list or
    object of a JSON column."""
    encode = _AT_ONCE.get(type(value))
    if encode is not None:
        return str(encode(value))  # str: for the type checker; the text itself
    value = _plain(value)
    if isinstance(value, list | dict) and value:
        return json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n    ")
    return _ENCODE(value)


def export_json_pieces(*, session: Session) -> Iterator[str]:
    """:func:`export_json`'s text in pieces of about :data:`CHUNK` rows, read as they are
    written (plain rows, streamed), so memory stays flat however long the history. The
    text is exactly ``json.dumps(document, ensure_ascii=False, indent=1) + "\\n"``."""
    head = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "app_version": __version__,
        "exported_at": clock.utcnow().isoformat(),
    }
    yield "{\n" + "".join(f" {_ENCODE(k)}: {_ENCODE(v)},\n" for k, v in head.items())
    yield ' "tables": {\n'
    for number, model in enumerate(EXPORTED_TABLES):
        table = _table(model)
        columns = _exported(table)
        keys = [f"    {_ENCODE(column.name)}: " for column in columns]
        query = sa.select(*columns).order_by(*table.primary_key.columns)
        if model is AppSetting:  # what counts this file's writes and restores: not data
            query = query.where(col(AppSetting.key).not_in(OF_THIS_FILE))
        result = session.execute(query.execution_options(yield_per=CHUNK))
        piece = [f"  {_ENCODE(table.name)}: ["]
        separator = "\n"  # before the first row; between rows, a comma too
        for batch in result.partitions():
            for row in batch:
                fields = ",\n".join(key + _json_value(v) for key, v in zip(keys, row, strict=True))
                piece.append(f"{separator}   {{\n{fields}\n   }}")
                separator = ",\n"
            yield "".join(piece)
            piece = []
        last = number == len(EXPORTED_TABLES) - 1
        yield "".join(piece) + ("]" if separator == "\n" else "\n  ]") + ("\n" if last else ",\n")
    yield " }\n}\n"


def is_empty(*, session: Session) -> bool:
    for model in EXPORTED_TABLES:
        if model.__name__ == "AppSetting":
            continue
        if session.exec(select(sa.func.count()).select_from(_table(model))).one():
            return False
    return True


_JRNL_JSON = (
    "That is jrnl's JSON export, which isn't read here: import the journal itself (its "
    "text file or folder, as jrnl keeps it), which holds all of this. Nothing was imported."
)
"""A jrnl user's first try (nu218): "not a planner-tui export" said nothing of what would do."""
_DAYONE_NOTHING = (
    "That looks like a Day One export, but none of its entries can be read (each needs a "
    "creationDate). Nothing was imported."
)
"""Day One's JSON with no entries, or none with a date, was "not a planner-tui export"
(nu236): the person was importing Day One's file, not this app's."""


def _looks_like_jrnl_json(document: Any) -> bool:
    """``jrnl --export json``: entries of title, body, date and time."""
    entries = document.get("entries") if isinstance(document, dict) else None
    return (
        isinstance(entries, list)
        and bool(entries)
        and all(isinstance(e, dict) and {"title", "body", "date"} <= e.keys() for e in entries)
    )


def import_json(*, session: Session, text: str) -> dict[str, int]:
    """Load a JSON export into an empty database. Returns rows imported per table."""
    return import_checked(session=session, rows=checked_export(text))


def checked_export(text: str) -> dict[str, list[dict[str, Any]]]:
    """A JSON export's rows, per table, each checked as the app's forms check what is typed
    (see :mod:`planner_tui.services.import_rows`); the first bad row refuses the whole
    export with its table, row and field. Needs no database: a file refused here leaves
    none behind."""
    if not text.strip():
        raise InvalidInput(
            "That file is empty: a JSON export holds everything, so it is never empty. "
            "planner-tui export -o FILE.json writes one."
        )
    try:
        document = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise InvalidInput(
            f"That file is not valid JSON (line {error.lineno}, column {error.colno}): it may "
            "have been cut short, or changed by hand. Nothing was imported."
        ) from None
    except RecursionError:
        raise InvalidInput(
            "That file is not a planner-tui export: it is nested too deeply."
        ) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        if _looks_like_jrnl_json(document):
            raise InvalidInput(_JRNL_JSON)
        dayone = isinstance(document, dict) and isinstance(document.get("entries"), list)
        raise InvalidInput(
            _DAYONE_NOTHING if dayone else "That JSON file is not a planner-tui export."
        )
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InvalidInput(
            f"That export's format version, {str(version)[:20]!r}, is not one planner-tui "
            f"has written; this planner-tui reads version {FORMAT_VERSION}."
        )
    if version > FORMAT_VERSION:
        raise InvalidInput(
            f"That export is format version {version}, from a newer planner-tui; this one "
            f"reads version {FORMAT_VERSION}. Please update planner-tui, then import it."
        )
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise InvalidInput("That export has no tables in it.")
    return import_rows.checked_rows(tables, EXPORTED_TABLES)


def import_checked(*, session: Session, rows: dict[str, list[dict[str, Any]]]) -> dict[str, int]:
    """Write :func:`checked_export`'s rows into an empty database; rows written per table."""
    if not is_empty(session=session):
        raise InvalidInput(
            "This database already holds data. Import a JSON export into a new, empty "
            "home (planner-tui --home NEW_FOLDER import FILE)."
        )
    counts: dict[str, int] = {}
    for model in EXPORTED_TABLES:
        table = _table(model)
        if model is AppSetting:  # the export's settings win; this home's others stay (the
            keys = [row["key"] for row in rows[table.name]]  # welcome seen, a theme chosen)
            session.execute(sa.delete(table).where(table.c.key.in_(keys)))
        if rows[table.name]:
            session.execute(sa.insert(table), rows[table.name])
        counts[table.name] = len(rows[table.name])
    reset_sequences(session)
    session.flush()
    return counts


def _no_constant(name: str) -> Any:
    raise InvalidInput(f"That file is not valid JSON: {name} is not a number JSON knows.")


def months_with_data(*, session: Session) -> list[date]:
    """The first day of every month with a check-in, a contact or a step, oldest first."""
    days = session.execute(sa.select(col(JournalEntry.day)).distinct()).scalars()
    months = {day.replace(day=1) for day in days}
    for column in (col(Interaction.occurred_at), steps.came_about_column()):
        for moment in session.execute(sa.select(column)).scalars():
            months.add(clock.to_local(moment).date().replace(day=1))
    return sorted(months)


def export_markdown(*, session: Session, month: date | None = None) -> str:
    """Journal, interactions and steps as one readable Markdown document."""
    return "".join(export_markdown_pieces(session=session, month=month))


def _ascending(session: Session, query: Any) -> Iterator[list[int]]:
    """The ids *query* selects (oldest first), :data:`CHUNK` at a time, read as they are
    used: never the whole list (100 years of contacts are 200,000 ids)."""
    result = session.execute(query.execution_options(yield_per=CHUNK))
    for batch in result.partitions():
        yield [i for (i,) in batch]


def export_markdown_pieces(*, session: Session, month: date | None = None) -> Iterator[str]:
    """:func:`export_markdown`'s text in pieces, :data:`CHUNK` entries, contacts or steps
    at a time (each read with the same read models the app shows), oldest first: memory
    stays flat however many years."""
    first: date | None = None
    after: date | None = None  # exclusive; None after December 9999, the calendar's last month
    start = end = None
    title = f"{MARKDOWN_TITLE}journal, interactions and small steps"  # not people or dates
    if month is not None:
        first = month.replace(day=1)
        after = None if (first.year, first.month) == (9999, 12) else first + relativedelta(months=1)
        title = f"{MARKDOWN_TITLE}{clock.strftime(first, '%B %Y')}"
        start, end = people.day_window(first, after or first)
        end = end if after else None
    yield f"# {title}\n\n## Journal\n\n"
    days: Any = sa.select(col(JournalEntry.id)).order_by(
        col(JournalEntry.day), col(JournalEntry.id)
    )
    if first is not None:
        days = days.where(col(JournalEntry.day) >= first)
    if after is not None:
        days = days.where(col(JournalEntry.day) < after)
    written = False
    for ids in _ascending(session, days):
        yield "".join(_entry_lines(entry) for entry in journal.read_entries(session, ids))
        written = True
    if not written:
        yield "No check-ins.\n\n"
    yield "## Contacts\n\n"  # as the app and the README call them (nu282)
    contacts: Any = sa.select(col(Interaction.id)).order_by(
        col(Interaction.occurred_at), col(Interaction.id)
    )
    if start is not None:
        contacts = contacts.where(col(Interaction.occurred_at) >= start)
    if end is not None:
        contacts = contacts.where(col(Interaction.occurred_at) < end)
    written = False
    for ids in _ascending(session, contacts):
        chunk = people.list_interactions(session=session, interaction_ids=ids, limit=None)
        yield "".join(_interaction_line(item) for item in reversed(chunk))
        written = True
    if not written:
        yield "None recorded.\n\n"
    yield "\n## Small steps\n\n"
    # Filed, as listed, by when each came about (a step done before its time: then).
    came = steps.came_about_column()
    planned: Any = sa.select(col(Step.id)).order_by(came, col(Step.id))
    if start is not None:
        planned = planned.where(came >= start)
    if end is not None:
        planned = planned.where(came < end)
    written = False
    for ids in _ascending(session, planned):
        some = steps.list_steps(session=session, step_ids=ids, limit=None)
        yield "".join(_step_line(step) for step in reversed(some))
        written = True
    if not written:
        yield "None planned.\n"
    yield "\n## Your monthly reviews\n\n"
    yield _reviews(session, first, after)


def _reviews(session: Session, first: date | None, after: date | None) -> str:
    """What was written in each month's review, and its loneliness check (nu161: the
    Markdown export left them out, so a readable record lacked one's own words)."""
    reviews = {r.month: r for r in session.exec(select(MonthReview)).all()}
    checks = {c.month: c for c in session.exec(select(LonelinessCheck)).all()}
    lines: list[str] = []
    for month in sorted(reviews.keys() | checks.keys()):
        day = date.fromisoformat(f"{month}-01")
        if (first is not None and day < first) or (after is not None and day >= after):
            continue
        review, check, said = reviews.get(month), checks.get(month), []
        if check is not None:
            often = check.how_often and label(LonelyHowOften(check.how_often))
            said.append(f"- Loneliness check: {check.total} on the scale from 3 to 9"
                        + (f"; how often lonely: {often}" if often else ""))  # fmt: skip
        if review is not None:
            if review.wins.strip():
                said.append(f"- Wins: {_item_text(review.wins)}")
            if review.intentions:
                following = clock.strftime(date(2000, day.month % 12 + 1, 1), "%B")
                said.append(f"- Intentions for {following}:")
                said += [f"  - {_item_text(i)}" for i in review.intentions]
            if review.note.strip():
                said.append(f"- Note: {_item_text(review.note)}")
        if said:
            lines += [f"### {clock.strftime(day, '%B %Y')}", "", *said, ""]
    return "".join(line + "\n" for line in lines) if lines else "None written.\n"


def _entry_lines(entry: JournalEntryRead) -> str:
    scores = ", ".join(
        f"{name} {value}/5"
        for name, value in (
            ("mood", entry.mood),
            ("connected", entry.connectedness),
            ("supported", entry.support),
            ("comfort giving help", entry.comfort_giving),
            ("comfort receiving help", entry.comfort_receiving),
        )
        if value is not None
    )
    lines = [
        f"### {clock.strftime(entry.day, '%a %-d %b %Y')}" + (f" — {scores}" if scores else "")
    ]
    lines.append("")
    if entry.warmth_note:
        lines += [f"- Brought warmth: {_item_text(entry.warmth_note)}"]
    if entry.withdraw_note:
        lines += [f"- Made me withdraw: {_item_text(entry.withdraw_note)}"]
    in_touch, mentioned = entry.people_by_contact()  # as the check-in's toast says them
    if in_touch:
        lines += ["- In touch with: " + ", ".join(markdown_inline(p) for p in in_touch)]
    if mentioned:
        lines += ["- Mentioned: " + ", ".join(markdown_inline(p) for p in mentioned)]
    if entry.contexts:
        lines += ["- Parts of life: " + ", ".join(markdown_inline(c) for c in entry.contexts)]
    if entry.tags:
        lines += ["- Tags: " + ", ".join("#" + markdown_inline(t) for t in entry.tags)]
    if entry.body:
        lines += ["", *markdown_lines(entry.body)]
    lines.append("")
    return "".join(line + "\n" for line in lines)


def _interaction_line(item: InteractionRead) -> str:
    where = f" at {markdown_inline(item.context)}" if item.context else ""
    # with no one: a small moment, with someone not on the map
    who = ", ".join(markdown_inline(p) for p in item.people) or "a small moment"
    warmth = f", warmth {words.score(item.warmth)}" if item.warmth else ""
    support = "; ".join(  # mid-sentence: "I listened / comforted; they helped me out"
        said if said.startswith("I ") else said[:1].lower() + said[1:]
        for field, said in words.SUPPORT.items()
        if getattr(item, field)
    )
    note = f" — {_item_text(item.note)}" if item.note else ""
    return (
        f"- {clock.strftime(clock.to_local(item.occurred_at), '%Y-%m-%d %H:%M')}: {who}{where} "
        f"({label(item.channel)}, {label(item.initiator)}{warmth}"
        f"{f'; {support}' if support else ''}){note}\n"
    )


def _item_text(text: str) -> str:
    """Free text at the end of a list item: its lines kept, all inside the item."""
    return "\n".join(markdown_lines(text.strip(), indent="  "))


def _step_line(step: StepRead) -> str:
    """A step at the moment it came about; one settled at another time than it was planned
    for says that too (two calls to Ana, "moved" and "not now", couldn't be told apart,
    nu163)."""
    stamp = "%Y-%m-%d %H:%M"
    settled = steps.settled_or_due(step)
    planned = (f"; planned for {clock.strftime(clock.to_local(step.due_at), stamp)}"
               if settled != step.due_at else "")  # fmt: skip
    # its outcome's note, as a contact's is (the JSON export had it, this one not: nu226)
    note = f" — {_item_text(step.outcome_note)}" if step.outcome_note.strip() else ""
    return (
        f"- {clock.strftime(clock.to_local(settled), stamp)}: "
        f"{markdown_inline(step.action)} — {markdown_inline(words.toward(step.person))} "
        f"({named(step.status, step.person_id, label(step.status))}{planned}){note}\n"
    )
