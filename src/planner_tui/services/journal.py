"""The reflection journal: daily check-ins, their links, full-text search and drafts."""

from __future__ import annotations

import contextlib
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from planner_tui import clock, daily, journal_search
from planner_tui.assets import read_toml_or_shipped
from planner_tui.db.models import (
    WRITTEN_TAG,
    Context,
    JournalContextLink,
    JournalEntry,
    JournalEntryCreate,
    JournalEntryRead,
    JournalPersonLink,
    JournalTag,
    Person,
    SearchHit,
    clean_tag,
)
from planner_tui.journal_search import ENTRY_FIELDS, SearchQuery
from planner_tui.letters import WORD_CHARACTERS, lazy
from planner_tui.names import sort_key, told_apart
from planner_tui.services.common import (
    all_there,
    driver_connection as driver_connection,
    get_or_404,
    validate,
)
from planner_tui.services.undo import Change, Recorder

TAG_PATTERN = lazy(rf"(?<![{WORD_CHARACTERS}#@])#({WRITTEN_TAG})")  # not `@#4`: a person's number


def tags_in(text: str) -> list[str]:
    """The #tags in *text*; a word too long to be a tag once its case is folded ('#ßß…'
    doubles) stays just text."""
    tags = []
    for match in TAG_PATTERN.findall(text):
        with contextlib.suppress(ValueError):
            tags.append(clean_tag(match))
    return tags


def save_entry(
    *, session: Session, data: JournalEntryCreate | dict[str, Any], entry_id: int | None = None
) -> JournalEntryRead:
    """Create an entry, or replace entry *entry_id* with *data*, in one transaction."""
    return read_entries(session, [write_entry(session=session, data=data, entry_id=entry_id)])[0]


def write_entry(
    *, session: Session, data: JournalEntryCreate | dict[str, Any], entry_id: int | None = None
) -> int:
    """:func:`save_entry` without reading the entry back: its id (an import of thousands
    spent half its time reading back what it had just written, nu236)."""
    valid = validate(JournalEntryCreate, data)
    if entry_id is None:
        row = JournalEntry(day=valid.day)
    else:
        row = get_or_404(session, JournalEntry, entry_id, "journal entry")
        for link in (JournalPersonLink, JournalContextLink, JournalTag):
            session.execute(sa.delete(link).where(col(link.entry_id) == entry_id))
    for name in JournalEntryCreate.model_fields:
        if hasattr(row, name):
            setattr(row, name, getattr(valid, name))
    row.updated_at = clock.utcnow()
    session.add(row)
    session.flush()
    assert row.id is not None
    people = all_there(
        session, Person, valid.person_ids + valid.contact_person_ids, "person", "person_ids"
    )
    for person_id in people:
        session.add(
            JournalPersonLink(
                entry_id=row.id,
                person_id=person_id,
                counts_as_contact=person_id in valid.contact_person_ids,
            )
        )
    for context_id in dict.fromkeys(valid.context_ids):
        get_or_404(session, Context, context_id, "context")
        session.add(JournalContextLink(entry_id=row.id, context_id=context_id))
    text_tags = tags_in(" ".join(getattr(valid, f) for f in ENTRY_FIELDS))
    for tag in dict.fromkeys(valid.tags + text_tags):
        session.add(JournalTag(entry_id=row.id, tag=tag))
    session.flush()
    return row.id


def delete_entry(*, session: Session, entry_id: int) -> Change:
    """Delete an entry with its links; returns what changed, for undo
    (:func:`planner_tui.services.undo.revert`)."""
    get_or_404(session, JournalEntry, entry_id, "journal entry")
    recorder = Recorder(session)
    recorder.watch(JournalEntry, col(JournalEntry.id) == entry_id)
    for link in (JournalPersonLink, JournalContextLink, JournalTag):
        recorder.watch(link, col(link.entry_id) == entry_id)
    session.execute(sa.delete(JournalEntry).where(col(JournalEntry.id) == entry_id))
    return recorder.finish()


# --------------------------------------------------------------------------- writing aids


def load_prompts(home: Path | None = None) -> list[str]:
    """Reflection prompts from ``prompts.toml`` (the person's own copy if they keep one)."""
    data, _ = read_toml_or_shipped("prompts.toml", home)  # theirs unreadable: the shipped ones
    prompts = data.get("prompts", [])
    return [str(p).strip() for p in prompts if str(p).strip()] if isinstance(prompts, list) else []


def prompt_for(day: date, prompts: list[str], turn: int = 0) -> str:
    """The prompt for *day* (a different one each day); *turn* steps on to the next."""
    return prompts[(day.toordinal() + turn) % len(prompts)] if prompts else ""


def get_entry(*, session: Session, entry_id: int) -> JournalEntryRead:
    get_or_404(session, JournalEntry, entry_id, "journal entry")
    return read_entries(session, [entry_id])[0]


def list_entries(
    *,
    session: Session,
    start: date | None = None,
    end: date | None = None,
    limit: int | None = 200,
) -> list[JournalEntryRead]:
    """Entries newest first; *end* is exclusive (``date.max``: no end, as
    :func:`planner_tui.daily.day_after` gives after 31 December 9999)."""
    query = select(JournalEntry.id)
    if start is not None:
        query = query.where(col(JournalEntry.day) >= start)
    if end is not None and end != date.max:
        query = query.where(col(JournalEntry.day) < end)
    query = query.order_by(col(JournalEntry.day).desc(), col(JournalEntry.id).desc())
    if limit is not None:
        query = query.limit(limit)
    return read_entries(session, [i for i in session.exec(query).all() if i is not None])


def entries_by_day(*, session: Session, first: date, last: date) -> dict[date, int]:
    """How many entries each day from *first* to *last* has (days with none left out)."""
    day = col(JournalEntry.day)
    query = sa.select(day, sa.func.count()).where(day >= first, day <= last).group_by(day)
    return {found: int(count) for found, count in session.execute(query).all()}


def saved_from_a_draft(
    *, session: Session, day: date, since: datetime, texts: dict[str, str]
) -> JournalEntryRead | None:
    """An entry of *day* saved since *since* that holds the words of a draft (*texts*: each
    of its texts begins the entry's own): a draft two windows, or two computers, took up,
    saved in the other — saved here too, it was the same check-in twice (nu244, nu247)."""
    query = select(JournalEntry.id).where(
        col(JournalEntry.day) == day, col(JournalEntry.updated_at) >= since
    )
    for entry in read_entries(session, [i for i in session.exec(query).all() if i is not None]):
        if all(str(getattr(entry, key)).strip().startswith(text) for key, text in texts.items()):
            return entry
    return None


def entries_on(*, session: Session, day: date) -> int:
    """How many entries the day has. A day may have several on purpose (the app's check-in
    adds one each time; a jrnl journal's entries of one day stay apart)."""
    query = select(sa.func.count()).select_from(JournalEntry).where(col(JournalEntry.day) == day)
    return int(session.exec(query).one())


def count_entries(*, session: Session) -> int:
    """How many entries the journal holds."""
    return int(session.exec(select(sa.func.count()).select_from(JournalEntry)).one())


def read_entries(session: Session, ids: list[int]) -> list[JournalEntryRead]:
    """Read models for *ids*, in that order, with their people, contexts and tags."""
    if not ids:
        return []
    rows = {
        row.id: row
        for row in session.exec(select(JournalEntry).where(col(JournalEntry.id).in_(ids)))
    }
    people: dict[int, list[tuple[int, str, bool]]] = defaultdict(list)
    person_links = session.exec(
        select(
            JournalPersonLink.entry_id, Person.id, Person.name, JournalPersonLink.counts_as_contact
        )
        .join(Person, col(Person.id) == JournalPersonLink.person_id)
        .where(col(JournalPersonLink.entry_id).in_(ids))
    ).all()
    # Named as lists name them: with their number when another has the same name (a
    # check-in "in touch with Mo" said which Mo only in its form).
    everyone = session.exec(select(Person.id, Person.name)).all() if person_links else []
    shown = told_apart((pid, name) for pid, name in everyone if pid is not None)
    for entry_id, pid, name, contact in sorted(person_links, key=lambda link: sort_key(link[2])):
        people[entry_id].append((pid or 0, shown.get(pid or 0, name), contact))
    contexts: dict[int, list[tuple[int, str]]] = defaultdict(list)
    context_links = session.exec(
        select(JournalContextLink.entry_id, Context.id, Context.name)
        .join(Context, col(Context.id) == JournalContextLink.context_id)
        .where(col(JournalContextLink.entry_id).in_(ids))
    ).all()
    for entry_id, cid, name in sorted(context_links, key=lambda link: sort_key(link[2])):
        contexts[entry_id].append((cid or 0, name))
    tags: dict[int, list[str]] = defaultdict(list)
    for entry_id, tag in session.exec(
        select(JournalTag.entry_id, JournalTag.tag)
        .where(col(JournalTag.entry_id).in_(ids))
        .order_by(col(JournalTag.tag))
    ).all():
        tags[entry_id].append(tag)
    result = []
    for entry_id in ids:
        row = rows.get(entry_id)
        if row is None:
            continue
        result.append(
            JournalEntryRead.model_validate(
                {
                    **row.model_dump(),
                    "people": [n for _, n, _ in people[entry_id]],
                    "person_ids": [p for p, _, _ in people[entry_id]],
                    "contact_person_ids": [p for p, _, c in people[entry_id] if c],
                    "contexts": [n for _, n in contexts[entry_id]],
                    "context_ids": [c for c, _ in contexts[entry_id]],
                    "tags": tags[entry_id],
                }
            )
        )
    return result


# --------------------------------------------------------------------------- search


def read_search(
    *, session: Session, text: str, today: date | None = None, person: str = "", context: str = ""
) -> tuple[SearchQuery, list[str]]:
    """The search box's text as a query (see :mod:`planner_tui.journal_search`), naming
    people and contexts as the command line does: everyone, archived too."""
    people, contexts = journal_search.names_in(driver_connection(session)[0])
    return journal_search.read_search(text, people=people, contexts=contexts,
                                      today=today or clock.today(), person=person,
                                      context=context)  # fmt: skip


def search(*, session: Session, query: SearchQuery, limit: int = 100) -> list[SearchHit]:
    """Entries matching the words and filters, best match first (newest first without
    words). A query with no searchable words and no filters finds nothing."""
    connection, dialect = driver_connection(session)
    ids = journal_search.entry_ids(connection, query, limit, dialect)
    return [
        SearchHit(entry=entry, snippet=snippet(entry, query.terms), terms=query.terms)
        for entry in read_entries(session, ids)
    ]


def search_total(*, session: Session, query: SearchQuery, found: int, limit: int) -> int:
    """How many entries match all told, when :func:`search` found *found* of at most *limit*
    (counted only when it may have stopped short)."""
    connection, dialect = driver_connection(session)
    return journal_search.total(connection, query, found, limit, dialect)


def mentioning(
    *, session: Session, person_id: int, text: str = "", limit: int = 50
) -> tuple[list[SearchHit], int, list[str]]:
    """The entries that mention someone (newest first; with words, the best first), read
    by the journal search's one query builder with their filter added: the hits, how many
    match all told, and anything the search could not read."""
    query, problems = read_search(session=session, text=text)
    # Their page: always them, and anyone else typed too
    query.person_ids = [person_id, *(p for p in query.person_ids if p != person_id)]
    hits = search(session=session, query=query, limit=limit)
    total = search_total(session=session, query=query, found=len(hits), limit=limit)
    return hits, total if hits else 0, problems


def snippet(entry: JournalEntryRead, terms: list[str], width: int = 90) -> str:
    """A one-line excerpt of *entry* around the first matching term (plain text)."""
    return journal_search.snippet([getattr(entry, f) for f in ENTRY_FIELDS], terms, width)


def checked_in(*, session: Session, day: date) -> bool:
    """Whether *day* has a check-in (the rule `planner-tui today` reads too)."""
    connection, dialect = driver_connection(session)
    return daily.checked_in(connection, day, dialect)
