"""The reflection journal: daily check-ins, their links, full-text search and drafts."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from planner_tui import clock
from planner_tui.assets import read_toml
from planner_tui.db.models import (
    Context,
    ContextRead,
    JournalContextLink,
    JournalEntry,
    JournalEntryCreate,
    JournalEntryRead,
    JournalPersonLink,
    JournalTag,
    Person,
    PersonRead,
    SearchHit,
    clean_tag,
)
from planner_tui.errors import InvalidInput
from planner_tui.services.common import Removed, capture, get_or_404, validate

TAG_PATTERN = re.compile(r"(?<![\w#])#(\w[\w-]{0,99})")
ENTRY_FIELDS = ("body", "warmth_note", "withdraw_note")


def tags_in(text: str) -> list[str]:
    return [clean_tag(match) for match in TAG_PATTERN.findall(text)]


def save_entry(
    *, session: Session, data: JournalEntryCreate | dict[str, Any], entry_id: int | None = None
) -> JournalEntryRead:
    """Create an entry, or replace entry *entry_id* with *data*, in one transaction."""
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
    people = list(dict.fromkeys(valid.person_ids + valid.contact_person_ids))
    if people:
        known = set(session.exec(select(Person.id).where(col(Person.id).in_(people))).all())
        if missing := [p for p in people if p not in known]:
            raise InvalidInput(f"No person with id {missing[0]}.", field="person_ids")
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
    return read_entries(session, [row.id])[0]


def delete_entry(*, session: Session, entry_id: int) -> Removed:
    """Delete an entry with its links; returns what went, for undo (:func:`restore`)."""
    get_or_404(session, JournalEntry, entry_id, "journal entry")
    removed = Removed(
        rows=[
            capture(session, JournalEntry, col(JournalEntry.id) == entry_id),
            capture(session, JournalPersonLink, col(JournalPersonLink.entry_id) == entry_id),
            capture(session, JournalContextLink, col(JournalContextLink.entry_id) == entry_id),
            capture(session, JournalTag, col(JournalTag.entry_id) == entry_id),
        ]
    )
    session.delete(get_or_404(session, JournalEntry, entry_id, "journal entry"))
    session.flush()
    return removed


# --------------------------------------------------------------------------- writing aids

MENTION_PATTERN = re.compile(r"(?<![\w@])@(\w[\w.'-]*)")


def mentions_in(text: str, people: list[PersonRead]) -> tuple[list[int], list[str]]:
    """People named as @Name in *text* — by first name, whole name without spaces, or
    nickname, any case; a first name shared by several people is not a match. Returns the
    ids found and the names that matched no one (or more than one)."""

    def key(name: str) -> str:
        return re.sub(r"[\W_]+", "", name.casefold())

    found: list[int] = []
    unknown: list[str] = []
    for raw in MENTION_PATTERN.findall(text):
        said = key(raw)
        whole = [p.id for p in people if said in (key(p.name), key(p.nickname))]
        first = [p.id for p in people if p.name.split() and said == key(p.name.split()[0])]
        matches = whole or first
        if len(matches) == 1:
            found.append(matches[0])
        elif said:
            unknown.append(raw.rstrip(".'-"))
    return list(dict.fromkeys(found)), list(dict.fromkeys(unknown))


def load_prompts(home: Path | None = None) -> list[str]:
    """Reflection prompts from ``prompts.toml`` (the person's own copy if they keep one)."""
    data = read_toml("prompts.toml", home) or {}
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
    """Entries newest first; *end* is exclusive."""
    query = select(JournalEntry.id)
    if start is not None:
        query = query.where(col(JournalEntry.day) >= start)
    if end is not None:
        query = query.where(col(JournalEntry.day) < end)
    query = query.order_by(col(JournalEntry.day).desc(), col(JournalEntry.id).desc())
    if limit is not None:
        query = query.limit(limit)
    return read_entries(session, [i for i in session.exec(query).all() if i is not None])


def read_entries(session: Session, ids: list[int]) -> list[JournalEntryRead]:
    """Read models for *ids*, in that order, with their people, contexts and tags."""
    if not ids:
        return []
    rows = {
        row.id: row
        for row in session.exec(select(JournalEntry).where(col(JournalEntry.id).in_(ids)))
    }
    people: dict[int, list[tuple[int, str, bool]]] = defaultdict(list)
    for entry_id, pid, name, contact in session.exec(
        select(
            JournalPersonLink.entry_id, Person.id, Person.name, JournalPersonLink.counts_as_contact
        )
        .join(Person, col(Person.id) == JournalPersonLink.person_id)
        .where(col(JournalPersonLink.entry_id).in_(ids))
        .order_by(sa.func.lower(Person.name))
    ).all():
        people[entry_id].append((pid or 0, name, contact))
    contexts: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for entry_id, cid, name in session.exec(
        select(JournalContextLink.entry_id, Context.id, Context.name)
        .join(Context, col(Context.id) == JournalContextLink.context_id)
        .where(col(JournalContextLink.entry_id).in_(ids))
        .order_by(sa.func.lower(Context.name))
    ).all():
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


@dataclass
class SearchQuery:
    """A search typed by a person, reduced to plain words, quoted phrases and OR.

    Nothing the person types reaches the search engine as syntax, so stray quotes,
    brackets or operators can never cause an error: they are treated as words.
    """

    text: str = ""
    person_id: int | None = None
    tag: str | None = None
    context_id: int | None = None
    start: date | None = None
    end: date | None = None
    """Exclusive."""
    min_connectedness: int | None = None
    max_connectedness: int | None = None
    min_mood: int | None = None
    max_mood: int | None = None
    groups: list[list[str]] = field(default_factory=list, init=False)
    """OR-groups of AND-ed terms; a term with a space is a phrase, a trailing * a prefix."""

    def __post_init__(self) -> None:
        self.groups = parse_terms(self.text)

    @property
    def terms(self) -> list[str]:
        return [t.rstrip("*") for group in self.groups for t in group]


_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+(?:\*)?", re.UNICODE)


def parse_terms(text: str) -> list[list[str]]:
    groups: list[list[str]] = [[]]
    if text.count('"') % 2:
        text = text.replace('"', " ")
    for phrase, bare in _TOKEN.findall(text[:1000]):
        if bare == "OR":
            if groups[-1]:
                groups.append([])
            continue
        if phrase:
            words = [w.rstrip("*") for w in _WORD.findall(phrase)]
            if words:
                groups[-1].append(" ".join(words))
            continue
        for word in _WORD.findall(bare):
            if word.rstrip("*"):
                groups[-1].append(
                    word if word.endswith("*") and len(word) > 2 else word.rstrip("*")
                )
    return [g for g in groups if g]


def _fts5_expression(groups: list[list[str]]) -> str:
    def term(t: str) -> str:
        prefix = t.endswith("*")
        body = t.rstrip("*").replace('"', '""')
        return f'"{body}"' + ("*" if prefix else "")

    return " OR ".join("(" + " ".join(term(t) for t in g) + ")" for g in groups)


def _websearch_expression(groups: list[list[str]]) -> str:
    def term(t: str) -> str:
        body = t.rstrip("*")
        return f'"{body}"' if " " in body else body

    return " or ".join(" ".join(term(t) for t in g) for g in groups)


def _filtered(query: Any, q: SearchQuery) -> Any:
    if q.person_id is not None:
        query = query.where(
            col(JournalEntry.id).in_(
                select(JournalPersonLink.entry_id).where(JournalPersonLink.person_id == q.person_id)
            )
        )
    if q.context_id is not None:
        query = query.where(
            col(JournalEntry.id).in_(
                select(JournalContextLink.entry_id).where(
                    JournalContextLink.context_id == q.context_id
                )
            )
        )
    if q.tag:
        query = query.where(
            col(JournalEntry.id).in_(
                select(JournalTag.entry_id).where(JournalTag.tag == clean_tag(q.tag))
            )
        )
    if q.start is not None:
        query = query.where(col(JournalEntry.day) >= q.start)
    if q.end is not None:
        query = query.where(col(JournalEntry.day) < q.end)
    for column, low, high in (
        (JournalEntry.connectedness, q.min_connectedness, q.max_connectedness),
        (JournalEntry.mood, q.min_mood, q.max_mood),
    ):
        if low is not None:
            query = query.where(col(column) >= low)
        if high is not None:
            query = query.where(col(column) <= high)
    return query


_FILTER = re.compile(
    r"(?P<person>@\S+)|(?P<tag>#[\w-]+)|in:(?:\"(?P<ctxq>[^\"]+)\"|(?P<ctx>\S+))"
    r"|(?P<edge>from|to):(?P<day>\S+)|(?P<month>\b\d{4}-\d{2}\b(?!-))"
    r"|(?P<score>mood|connected)(?P<op>>=|<=|=|:|>|<)(?P<value>[1-5])\b"
    r"|(?P<span>\b(?:last|this) (?:week|month|year)\b)",
    re.IGNORECASE,
)


def read_search(
    *,
    session: Session,
    text: str,
    today: date | None = None,
    people: list[PersonRead] | None = None,
    contexts: list[ContextRead] | None = None,
) -> tuple[SearchQuery, list[str]]:
    """What a person types in the search box, as a query: words, plus filters —
    ``@Ana``, ``#walk``, ``in:Choir``, ``from:2026-10-01``, ``to:yesterday``, ``2026-10``,
    ``last month``, ``mood>=4``, ``connected<=2``. A filter that names nothing is left out
    and explained in the messages returned; it never fails. *people* and *contexts* save
    reading them again when the caller has them (search as you type)."""
    from dateutil.relativedelta import relativedelta

    from planner_tui.services.people import list_contexts, list_people
    from planner_tui.when import parse_when

    today = today or clock.today()
    query = SearchQuery()
    problems: list[str] = []
    bounds: dict[str, date] = {}

    def month(first: date) -> None:
        bounds["from"], bounds["to"] = first, first + relativedelta(months=1)

    def replace(match: re.Match[str]) -> str:
        if match["person"]:
            everyone = people if people is not None else list_people(session=session)
            ids, _unknown = mentions_in(match["person"], everyone)
            if ids:
                query.person_id = ids[0]
            else:
                problems.append(
                    f"{match['person']} is no one on your map, or several people: add more "
                    "of the name, like @AnaA."
                )
        elif match["tag"]:
            query.tag = match["tag"][1:]
        elif match["ctx"] or match["ctxq"]:
            wanted = (match["ctx"] or match["ctxq"]).casefold()
            known = contexts if contexts is not None else list_contexts(session=session)
            found = [c for c in known if c.name.casefold().startswith(wanted)]
            if found:
                query.context_id = found[0].id
            else:
                problems.append(f"No context called {wanted!r}.")
        elif match["edge"]:
            try:
                day = parse_when(match["day"], lean="past").date()
            except InvalidInput:
                problems.append(f"{match['day']!r} isn't a day I can read (try 2026-10-01).")
            else:
                edge = match["edge"].lower()
                bounds[edge] = day + relativedelta(days=1 if edge == "to" else 0)
        elif match["month"]:
            try:
                month(date.fromisoformat(match["month"] + "-01"))
            except ValueError:
                problems.append(f"{match['month']!r} isn't a month.")
        elif match["score"]:
            value, op = int(match["value"]), match["op"]
            name = "mood" if match["score"].lower() == "mood" else "connectedness"
            if op in (">=", ">", "=", ":"):
                setattr(query, f"min_{name}", value + (op == ">"))
            if op in ("<=", "<", "=", ":"):
                setattr(query, f"max_{name}", value - (op == "<"))
        elif match["span"]:
            which, unit = match["span"].lower().split()
            step = {"week": relativedelta(weeks=1), "month": relativedelta(months=1),
                    "year": relativedelta(years=1)}[unit]  # fmt: skip
            start = {"week": today - relativedelta(days=today.weekday()),
                     "month": today.replace(day=1),
                     "year": today.replace(month=1, day=1)}[unit]  # fmt: skip
            if which == "last":
                start -= step
            bounds["from"], bounds["to"] = start, start + step
        return " "

    words = _FILTER.sub(replace, text[:1000])
    query.text = words
    query.groups = parse_terms(words)
    query.start, query.end = bounds.get("from"), bounds.get("to")
    return query, problems


def search(*, session: Session, query: SearchQuery, limit: int = 100) -> list[SearchHit]:
    """Entries matching the words and filters, best match first (newest first without
    words). A query with no searchable words and no filters finds nothing."""
    has_filter = any(
        v is not None
        for v in (query.person_id, query.tag, query.context_id, query.start, query.end,
                  query.min_connectedness, query.max_connectedness, query.min_mood,
                  query.max_mood)
    )  # fmt: skip
    if not query.groups and not has_filter:
        return []
    statement = select(JournalEntry.id)
    dialect = session.get_bind().dialect.name
    if not query.groups:
        statement = statement.order_by(col(JournalEntry.day).desc(), col(JournalEntry.id).desc())
    elif dialect == "sqlite":
        fts = sa.table("journal_fts", sa.column("rowid"), sa.column("rank"))
        statement = (
            statement.join(fts, fts.c.rowid == JournalEntry.id)
            .where(
                sa.text("journal_fts MATCH :match").bindparams(match=_fts5_expression(query.groups))
            )
            .order_by(fts.c.rank, col(JournalEntry.day).desc())
        )
    else:
        document = sa.func.to_tsvector(
            sa.literal_column("'simple'"),
            JournalEntry.body + " " + JournalEntry.warmth_note + " " + JournalEntry.withdraw_note,
        )
        tsquery = sa.func.websearch_to_tsquery(
            sa.literal_column("'simple'"), _websearch_expression(query.groups)
        )
        statement = statement.where(document.op("@@")(tsquery)).order_by(
            sa.func.ts_rank(document, tsquery).desc(), col(JournalEntry.day).desc()
        )
    statement = _filtered(statement, query).limit(limit)
    ids = [i for i in session.exec(statement).all() if i is not None]
    return [
        SearchHit(entry=entry, snippet=snippet(entry, query.terms), terms=query.terms)
        for entry in read_entries(session, ids)
    ]


def snippet(entry: JournalEntryRead, terms: list[str], width: int = 90) -> str:
    """A one-line excerpt around the first matching term (plain text, never markup)."""
    texts = [getattr(entry, f) for f in ENTRY_FIELDS if getattr(entry, f)]
    for text in texts:
        folded = text.casefold()
        for term in terms:
            at = folded.find(term.casefold())
            if at >= 0:
                start = max(0, at - width // 3)
                piece = text[start : start + width]
                return ("…" if start else "") + " ".join(piece.split())
    return " ".join((texts[0] if texts else "")[:width].split())


def checked_in(*, session: Session, day: date) -> bool:
    query = select(sa.func.count()).select_from(JournalEntry).where(JournalEntry.day == day)
    return int(session.exec(query).one()) > 0
