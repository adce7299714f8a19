"""The journal's search language, in one place for the app, the services and the command
line: words, "phrases", OR and prefix*, and filters (@Name, #tag, in:Context, dates,
scores) — and the SQLite full-text query they become.

No SQLAlchemy here, on purpose: `planner-tui search` on the local SQLite file runs this
query through the standard library's sqlite3, so a search from the shell starts in a
fraction of the time the data layer takes to import.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from dateutil.relativedelta import relativedelta

from planner_tui.errors import InvalidInput
from planner_tui.when import parse_when

ENTRY_FIELDS = ("body", "warmth_note", "withdraw_note")
RANKED = 2000
"""How many of the newest matches are ranked when the words are all there is to go on."""


class Named(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def name(self) -> str: ...


def tag_key(text: str) -> str:
    """How a tag is stored and compared: no leading #, one Unicode form, any case."""
    return unicodedata.normalize("NFC", text).strip().lstrip("#").casefold()


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
    def has_filters(self) -> bool:
        return any(
            value is not None
            for value in (self.person_id, self.tag, self.context_id, self.start, self.end,
                          self.min_connectedness, self.max_connectedness, self.min_mood,
                          self.max_mood)
        )  # fmt: skip

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


MENTION_PATTERN = re.compile(r"(?<![\w@])@(\w[\w.'-]*)")


def mentions_in(text: str, people: Sequence[Named]) -> tuple[list[int], list[str]]:
    """People named as @Name in *text* — by first name, whole name without spaces, or
    nickname, any case; a first name shared by several people is not a match. Returns the
    ids found and the names that matched no one (or more than one)."""

    def key(name: str) -> str:
        return re.sub(r"[\W_]+", "", name.casefold())

    found: list[int] = []
    unknown: list[str] = []
    for raw in MENTION_PATTERN.findall(text):
        said = key(raw)
        whole = [p.id for p in people if said in (key(p.name), key(getattr(p, "nickname", "")))]
        first = [p.id for p in people if p.name.split() and said == key(p.name.split()[0])]
        matches = whole or first
        if len(matches) == 1:
            found.append(matches[0])
        elif said:
            unknown.append(raw.rstrip(".'-"))
    return list(dict.fromkeys(found)), list(dict.fromkeys(unknown))


_FILTER = re.compile(
    r"(?P<person>@\S+)|(?P<tag>#[\w-]+)|in:(?:\"(?P<ctxq>[^\"]+)\"|(?P<ctx>\S+))"
    r"|(?P<edge>from|to):(?P<day>\S+)|(?P<month>\b\d{4}-\d{2}\b(?!-))"
    r"|(?P<score>mood|connected)(?P<op>>=|<=|=|:|>|<)(?P<value>[1-5])\b"
    r"|(?P<span>\b(?:last|this) (?:week|month|year)\b)",
    re.IGNORECASE,
)


def read_search(
    text: str, *, people: Sequence[Named], contexts: Sequence[Named], today: date
) -> tuple[SearchQuery, list[str]]:
    """What a person types in the search box, as a query: words, plus filters —
    ``@Ana``, ``#walk``, ``in:Choir``, ``from:2026-10-01``, ``to:yesterday``, ``2026-10``,
    ``last month``, ``mood>=4``, ``connected<=2``. A filter that names nothing is left out
    and explained in the messages returned; it never fails."""
    query = SearchQuery()
    problems: list[str] = []
    bounds: dict[str, date] = {}

    def month(first: date) -> None:
        bounds["from"], bounds["to"] = first, first + relativedelta(months=1)

    def replace(match: re.Match[str]) -> str:
        if match["person"]:
            ids, _unknown = mentions_in(match["person"], people)
            if ids:
                query.person_id = ids[0]
            else:
                problems.append(
                    f"{match['person']} is no one on your map, or several people: add more "
                    "of the name, like @AnaA."
                )
        elif match["tag"]:
            query.tag = tag_key(match["tag"])
        elif match["ctx"] or match["ctxq"]:
            wanted = (match["ctx"] or match["ctxq"]).casefold()
            found = [c for c in contexts if c.name.casefold().startswith(wanted)]
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


def snippet(fields: Sequence[str], terms: list[str], width: int = 90) -> str:
    """A one-line excerpt around the first matching term (plain text, never markup)."""
    texts = [text for text in fields if text]
    for text in texts:
        folded = text.casefold()
        for term in terms:
            at = folded.find(term.casefold())
            if at >= 0:
                start = max(0, at - width // 3)
                piece = text[start : start + width]
                return ("…" if start else "") + " ".join(piece.split())
    return " ".join((texts[0] if texts else "")[:width].split())


def sqlite_statement(query: SearchQuery, limit: int) -> tuple[str, dict[str, Any]]:
    """The SQLite statement (FTS5 for the words) that finds the ids of matching entries,
    best match first, newest first without words; with its parameters."""
    where: list[str] = []
    params: dict[str, Any] = {"limit": limit}
    joins = order = ""
    if query.groups:
        # Ranking every match of a very common word costs more than a keystroke allows on
        # decades of entries; without filters, the best of the newest RANKED matches come
        # first (filters narrow the matches themselves, so they rank them all).
        newest = "" if query.has_filters else f" ORDER BY rowid DESC LIMIT {RANKED}"
        joins = (
            " JOIN (SELECT rowid, rank FROM journal_fts WHERE journal_fts MATCH :match"
            f"{newest}) AS hits ON hits.rowid = journal_entry.id"
        )
        params["match"] = _fts5_expression(query.groups)
        order = "hits.rank, "
    for table, column, value in (("journal_person", "person_id", query.person_id),
                                 ("journal_context", "context_id", query.context_id),
                                 ("journal_tag", "tag", query.tag and tag_key(query.tag))):  # fmt: skip
        if value is not None:
            where.append(f"journal_entry.id IN (SELECT entry_id FROM {table} "
                         f"WHERE {column} = :{column})")  # fmt: skip
            params[column] = value
    bounds: tuple[tuple[str, str, str, Any], ...] = (("day", ">=", "start", query.start), ("day", "<", "end", query.end),
              ("connectedness", ">=", "min_c", query.min_connectedness),
              ("connectedness", "<=", "max_c", query.max_connectedness),
              ("mood", ">=", "min_m", query.min_mood), ("mood", "<=", "max_m", query.max_mood))  # fmt: skip
    for column, op, name, value in bounds:
        if value is not None:
            where.append(f"journal_entry.{column} {op} :{name}")
            params[name] = value.isoformat() if isinstance(value, date) else value
    sql = (
        f"SELECT journal_entry.id FROM journal_entry{joins}"
        + (" WHERE " + " AND ".join(where) if where else "")
        + f" ORDER BY {order}journal_entry.day DESC, journal_entry.id DESC LIMIT :limit"
    )
    return sql, params


@dataclass
class FoundEntry:
    """A match as the command line prints it."""

    day: date
    mood: int | None
    connectedness: int | None
    snippet: str


def search_file(
    database: Path, text: str, *, today: date, limit: int, person: str = "", context: str = ""
) -> tuple[list[FoundEntry], list[str]] | None:
    """Search the journal in a SQLite file with the standard library alone. ``None`` when
    the file isn't one this version can read that way (the caller then opens it properly,
    with every check and message that brings)."""
    from planner_tui.db import SCHEMA_HEAD

    try:
        # mode=rw: reading a WAL database may need its -shm file; nothing is written.
        connection = sqlite3.connect(f"{database.resolve().as_uri()}?mode=rw", uri=True, timeout=2)
    except sqlite3.Error:
        return None
    try:
        version = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if version is None or version[0] != SCHEMA_HEAD:
            return None
        people = [_Row(*r) for r in connection.execute("SELECT id, name, nickname FROM person")]
        contexts = [_Row(i, n, "") for i, n in connection.execute("SELECT id, name FROM context")]
        query, problems = read_search(text, people=people, contexts=contexts, today=today)
        if person:
            wanted = person.strip().casefold()
            found = [p.id for p in people if wanted in (p.name.casefold(), p.nickname.casefold())]
            if not found:
                problems.append(f"No one called {person!r} on your map.")
            query.person_id = found[0] if found else query.person_id
        if context:
            found = [c.id for c in contexts if c.name.casefold() == context.strip().casefold()]
            if not found:
                problems.append(f"No context called {context!r}.")
            query.context_id = found[0] if found else query.context_id
        if problems:
            return [], problems
        if not query.has_filters and not query.groups:
            return [], []
        sql, params = sqlite_statement(query, limit)
        ids = [row[0] for row in connection.execute(sql, params)]
        rows = {
            row[0]: row[1:]
            for row in connection.execute(
                "SELECT id, day, mood, connectedness, body, warmth_note, withdraw_note "
                f"FROM journal_entry WHERE id IN ({','.join('?' * len(ids))})",
                ids,
            )
        } if ids else {}  # fmt: skip
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    return [
        FoundEntry(date.fromisoformat(day), mood, conn, snippet(texts, query.terms))
        for day, mood, conn, *texts in (rows[i] for i in ids if i in rows)
    ], []


@dataclass(frozen=True)
class _Row:
    id: int
    name: str
    nickname: str
