"""The journal's search language, in one place for the app, the services and the command
line: words, "phrases", OR and prefix*, and filters (@Name, #tag, in:Context, dates,
scores) — and the SQLite full-text query they become.

No SQLAlchemy here, on purpose: `planner-tui search` on the local SQLite file runs this
query through the standard library's sqlite3, so a search from the shell starts in a
fraction of the time the data layer takes to import.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from dateutil.relativedelta import relativedelta

from planner_tui import clock
from planner_tui.db import (
    SCHEMA_HEAD,
    emptied_with_log,
    left_unclean,
    quick_read_uri,
    reads_damaged_text,
    schema_revision,
    tag_key,
)
from planner_tui.errors import InvalidInput
from planner_tui.letters import LETTER, UNSPACED, WORD_CHARACTERS, lazy
from planner_tui.names import (
    Labelled,
    Named,
    begins,
    fold,
    name_key,
    people_begun,
    people_named,
    person_named,
    person_number,
)
from planner_tui.when import parse_when
from planner_tui.words import no_person_numbered, numbered, quoted, several_called

ENTRY_FIELDS = ("body", "warmth_note", "withdraw_note")
NO_END = date.max
"""An exclusive end that means no end at all: there is no day after 31 December 9999, so a
search up to and including that day (``to:9999-12-31``, ``9999-12``) has this end."""
RANKED = 2000
"""How many of the newest matches are ranked when the words are all there is to go on."""

NOTHING_TO_LOOK_FOR = (
    "That search has no words to look for: emoji, punctuation and OR alone can't be searched."
)


OR_BETWEEN_FILTERS = (
    "OR goes between words, not between people or other filters: each filter narrows the "
    "search (@Ana @Bo finds the entries naming both). Search for each on its own."
)


def nothing_to_look_for(text: str, query: SearchQuery) -> bool:
    """Whether *text* was typed but left nothing to look for: no words, and no filters (the
    app and the command line say so alike, see :data:`NOTHING_TO_LOOK_FOR`)."""
    return bool(text.strip()) and not query.groups and not query.has_filters


@dataclass
class SearchQuery:
    """A search typed by a person, reduced to plain words, quoted phrases and OR.

    Nothing the person types reaches the search engine as syntax, so stray quotes,
    brackets or operators can never cause an error: they are treated as words.
    """

    text: str = ""
    person_ids: list[int] = field(default_factory=list)
    """Entries that name each of them (`@Ana @Bo`: both; the last alone was used)."""
    tag: str | None = None
    context_id: int | None = None
    start: date | None = None
    end: date | None = None
    """Exclusive (:data:`NO_END`: none)."""
    min_connectedness: int | None = None
    max_connectedness: int | None = None
    min_mood: int | None = None
    max_mood: int | None = None
    ranks_all: bool = False
    """Words alone rank every match, not only the newest :data:`RANKED`: for the command
    line's ``--all`` and a ``--limit`` beyond them, where no keystroke waits."""
    groups: list[list[str]] = field(default_factory=list, init=False)
    """OR-groups of AND-ed terms; a term with a space is a phrase, a trailing * a prefix."""
    without: list[str] = field(default_factory=list, init=False)
    """Words typed with a ``-`` before them: entries with any of them are left out."""

    def __post_init__(self) -> None:
        self.groups, self.without = parse_terms(self.text)

    @property
    def has_filters(self) -> bool:
        return bool(self.person_ids or self.without) or any(
            value is not None
            for value in (self.tag, self.context_id, self.start, self.end,
                          self.min_connectedness, self.max_connectedness, self.min_mood,
                          self.max_mood)
        )  # fmt: skip

    @property
    def terms(self) -> list[str]:
        return [t.rstrip("*") for group in self.groups for t in group]


_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_WORD = lazy(rf"{LETTER}+(?:\*)?")


def parse_terms(text: str) -> tuple[list[list[str]], list[str]]:
    """The OR-groups of *text*'s words and phrases, and the words it leaves out (``-rain``,
    as web searches read it)."""
    groups: list[list[str]] = [[]]
    without: list[str] = []
    if text.count('"') % 2:
        text = text.replace('"', " ")
    for phrase, bare in _TOKEN.findall(text[:1000]):
        if bare.startswith("-") and (left_out := _WORD.findall(bare)):
            without += [w for w in left_out if w.rstrip("*")]
            continue
        if bare == "OR":
            if groups[-1]:
                groups.append([])
            continue
        if bare == "AND":  # what words beside each other mean already ("river AND walk"
            continue  # looked for the word "and" too, and found nothing)
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
    return [g for g in groups if g], list(dict.fromkeys(without))


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


MENTION_PATTERN = lazy(
    rf"(?:(?<![{WORD_CHARACTERS}@])|(?<=[{UNSPACED}]))@({LETTER}[{WORD_CHARACTERS}.'’-]*|#\d{{1,9}}\b)"
)
"""`@Ana`, `@AnaSilva`, `@Zoë's` — or `@#4`, the person numbered 4 (two of one name)."""
SYMBOL_MENTION = lazy(rf"(?<![{WORD_CHARACTERS}@])@([^\s{WORD_CHARACTERS}@#]+)")
"""`@🌻`: an @ before symbols alone, which name someone only when their name is those
symbols (an emoji is a name too; :func:`with_whole_names`)."""
POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
"""`@Zoë's cat`: Zoë's, which is Zoë (unless someone is called that whole)."""


NAME_GOES_ON = lazy(rf"[ \t]+([{WORD_CHARACTERS}.'’-]+)")
LONGEST_NAME = 3
"""Words after an @Name that may be read with it (see :func:`with_whole_names`)."""


def with_whole_names(text: str, people: Sequence[Named]) -> str:
    """*text* with each @Name that goes on over a space into the whole name (or nickname,
    or a name merged in) of exactly one person — `@Carla B.`, beside a Carla — written as
    that person's number, `@#12`, which every reader of @Names takes as them. A space had
    ended the name: `@Carla B.` linked Carla and counted her as in touch (nu151)."""

    def longest(match: re.Match[str]) -> tuple[str, int]:
        """The @Name and where it ends: with the words after it that make a whole name."""
        words: list[tuple[str, int]] = []
        at = match.end()
        while len(words) < LONGEST_NAME and (more := NAME_GOES_ON.match(text, at)):
            at = more.end()
            words.append((more[1], at))
        for count in range(len(words), 0, -1):
            name = " ".join([match[1], *(word for word, _ in words[:count])])
            for whole in (name, POSSESSIVE.sub("", name)):  # `@Carla B.'s cat`: hers
                found = people_named(whole, people, whole_only=True)
                if len(found) == 1:
                    return f"@#{found[0]}", words[count - 1][1]
        return match[0], match.end()

    def symbols(match: re.Match[str]) -> str:
        """`@🌻` as the number of the one person called 🌻: the @Name rule wants a letter
        first, and the mention was dropped without a word (nu266)."""
        name = match[1].rstrip(".,;:!?)'’\"")
        found = people_named(name, people, whole_only=True) if name else []
        return f"@#{found[0]}{match[1][len(name) :]}" if len(found) == 1 else match[0]

    text = SYMBOL_MENTION.sub(symbols, text)
    parts, at = [], 0
    for match in MENTION_PATTERN.finditer(text):  # the words a name takes hold no @
        said, end = longest(match)
        parts += [text[at : match.start()], said]
        at = end
    return "".join([*parts, text[at:]])


def mentions_in(text: str, people: Sequence[Named]) -> tuple[list[int], list[str]]:
    """People named as @Name in *text* (by :func:`planner_tui.names.person_named`, and
    :func:`with_whole_names`). Returns the ids found and the names that matched no one (or
    more than one)."""
    found: list[int] = []
    unknown: list[str] = []
    ids = {p.id for p in people}
    for raw in MENTION_PATTERN.findall(with_whole_names(text, people)):
        number = person_number(raw)
        if number is not None:
            if int(number) in ids:
                found.append(int(number))
            else:
                unknown.append(raw)
            continue
        person = person_named(raw, people)
        if person is None and POSSESSIVE.search(raw):
            person = person_named(POSSESSIVE.sub("", raw), people)
        if person is None and _UNSPACED_START.match(raw):
            person = _named_at_start(raw, people)
        if person is not None:
            found.append(person)
        elif name_key(raw):
            unknown.append(raw.rstrip(".'’-"))
    return list(dict.fromkeys(found)), list(dict.fromkeys(unknown))


_UNSPACED_START = re.compile(f"[{UNSPACED}]")


def _named_at_start(raw: str, people: Sequence[Named]) -> int | None:
    """In a script written without spaces, the one person whose name (or nickname) an
    @Name begins with, the longest such: '@王小明一起吃饺子' is 王小明 (nu257: no one, and
    not a word said)."""
    typed = name_key(raw)
    found: dict[int, int] = {}
    for person in people:
        for name in (person.name, person.nickname):
            key = name_key(name or "")
            if key and typed.startswith(key) and person.id is not None:
                found[person.id] = max(found.get(person.id, 0), len(key))
    longest = max(found.values(), default=0)
    at_longest = [pid for pid, length in found.items() if length == longest]
    return at_longest[0] if len(at_longest) == 1 else None


def unlinked(unknown: Sequence[str], people: Sequence[Named]) -> str:
    """Why each @Name of *unknown* (:func:`mentions_in`) linked no one, in one line: the
    people it could be, or that it is no one on the map (one message said "no one, or
    several", where the Journal's search named them)."""
    by_id = {p.id: p.name for p in people}
    said = []
    for name in unknown:
        found = people_named(POSSESSIVE.sub("", name), people)
        if not found:  # '@Carl' for a Carla: said who it could be, as the search says, and
            found = people_begun(POSSESSIVE.sub("", name), people)  # never linked unasked
        if found:
            names = [by_id[i] for i in found[:4]]
            more = "say more of the name" if len(found) > 1 else f"write it whole: @{names[0]}"
            if len(set(names)) < len(names):  # two of one name: their numbers tell them apart
                names = [numbered(n, i) for n, i in zip(names, found, strict=False)]
                more += f", or the number: @#{found[0]}"  # for two called just "Mo"
            could = ", ".join(names) + (" …" if len(found) > 4 else "")
            said.append(f"@{name} could be {could} ({more})")
        else:
            said.append(f"@{name} is no one on your map")
    return "Not linked: " + "; ".join(said)


def contexts_named(typed: str, contexts: Sequence[Labelled]) -> list[Labelled]:
    """The contexts *typed* could name: those it is the whole name of, else those whose
    name it starts, else those with a word it starts, as names are begun everywhere
    (:func:`names.begins`: `in:choir` found no *Community choir*, nu222). The one rule;
    several are said by :func:`no_context`."""
    key = name_key(typed)
    if not key:
        return []
    whole = [c for c in contexts if key == name_key(c.name)]
    started = [c for c in contexts if name_key(c.name).startswith(key)]
    return whole or started or [c for c in contexts if begins(typed, c.name)]


def context_named(typed: str, contexts: Sequence[Labelled]) -> int | None:
    """The context *typed* names: its whole name, or the start of only one name."""
    found = contexts_named(typed, contexts)
    return found[0].id if len(found) == 1 else None


def no_context(typed: str, contexts: Sequence[Labelled], otherwise: str = "") -> str:
    """Why *typed* names no one context: the several it could be ("'Ch' could be Choir,
    Chess"), else *otherwise* (or that there is none by that name)."""
    found = contexts_named(typed, contexts)
    if len(found) > 1:
        return several_called(typed, [c.name for c in found])
    return otherwise or f"No part of life called {quoted(typed)} on your map."


ONLY_WORDS_LEFT_OUT = (
    "search can leave out words ('-rain'), not a person, a tag, a part of life or a score: "
    "take the - away, or that filter."
)
SCORED_ONLY = "only mood and connected are searched by score (as mood>=4, connected<=2)."
"""Said of another word compared with a number: the other scales are not searched by."""

_FILTER = lazy(
    rf"(?P<person>@\S+)|(?P<tag>#[{WORD_CHARACTERS}-]+)|in:(?:\"(?P<ctxq>[^\"]+)\"|(?P<ctx>\S+))"
    r"|(?P<edge>from|to):(?P<day>(?:\d{1,2} )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*(?: \d{4})?\b|\S+)|(?P<oneday>\b\d{4}-\d{2}-\d{2}\b)|(?P<month>\b\d{4}-\d{2}\b(?!-))"
    r"|(?P<score>mood|connected)(?P<op>>=|<=|=|:|>|<)(?P<value>\d+)\b"
    r"|(?P<unscored>\b[^\W\d_]+(?:>=|<=|>|<)\d+)\b"
    r"|(?P<span>\b(?:last|this) (?:week|month|year)\b)",
    re.IGNORECASE,
)


def read_search(
    text: str,
    *,
    people: Sequence[Named],
    contexts: Sequence[Labelled],
    today: date,
    person: str = "",
    context: str = "",
) -> tuple[SearchQuery, list[str]]:
    """What a person types in the search box, as a query: words, plus filters —
    ``@Ana``, ``#walk``, ``in:Choir``, ``from:2026-10-01``, ``to:yesterday``, ``2026-10``,
    ``last month``, ``mood>=4``, ``connected<=2`` — and the command line's ``--person``
    and ``--context``. A filter that names nothing is left out and explained in the
    messages returned; it never fails."""
    query = SearchQuery()
    problems: list[str] = []
    bounds: dict[str, date] = {}

    def within(start: date | None, end: date | None) -> None:
        """Date filters narrow each other: together, the days all of them take in (the last
        one typed replaced the others: `to:yesterday this week` took in today)."""
        if start is not None:
            bounds["from"] = max(start, bounds.get("from", start))
        if end is not None:
            bounds["to"] = min(end, bounds.get("to", end))

    def month(first: date) -> None:
        within(first, day_after(first + relativedelta(day=31)))

    by_id = {p.id: p.name for p in people}

    def one_person(typed: str, said: str) -> int | None:
        """The one person *typed* names; else None, and why (no one, or several: with
        their numbers, which name them apart, `@#4`) in the messages."""
        number = person_number(typed)
        if number is not None:  # '#4' (`--person '#4'`, '@#4'): one of two Ana Silvas
            if int(number) in by_id:
                return int(number)
            problems.append(no_person_numbered(number))
            return None
        found = people_named(typed, people)
        if not found and POSSESSIVE.search(typed):  # '@Zoë's', as a check-in links it
            found = people_named(POSSESSIVE.sub("", typed), people)
        if not found:  # '@ann' for Anne-Marie, as every box that asks who finds her (nu249)
            found = people_begun(typed, people)
        if len(found) == 1:
            return found[0]
        if found:
            problems.append(several_called(said, [by_id[i] for i in found], found))
        else:
            problems.append(f"No one called {quoted(typed)} on your map.")
        return None

    def replace(match: re.Match[str]) -> str:
        before = match.string[: match.start()]
        if re.search(r"(?:^|\s)-$", before) and (
            match["person"] or match["tag"] or match["ctx"] or match["ctxq"] or match["score"]
        ):  # '-#rain' found the entries tagged #rain, the minus dropped (nu254)
            problems.append(f"'-{match[0]}': {ONLY_WORDS_LEFT_OUT}")
            return " "
        if match["person"]:
            typed = match["person"].removeprefix("@")
            named = one_person(typed, f"@{typed}")
            if named is not None and named not in query.person_ids:
                query.person_ids.append(named)
        elif match["tag"]:
            query.tag = tag_key(match["tag"])
        elif match["ctx"] or match["ctxq"]:
            wanted = match["ctx"] or match["ctxq"]
            query.context_id = context_named(wanted, contexts)
            if query.context_id is None:
                problems.append(no_context(wanted, contexts))
        elif match["edge"]:
            span = edge(match["day"], today)
            if isinstance(span, str):
                problems.append(span)
            elif match["edge"].lower() == "to":
                within(None, day_after(span[1]))
            else:
                within(span[0], None)
        elif match["oneday"]:  # `2026-12-05 planning` looked for the date as words
            try:
                day = date.fromisoformat(match["oneday"])
            except ValueError:
                problems.append(f"{match['oneday']!r} is not a day on the calendar.")
            else:
                within(day, day_after(day))
        elif match["month"]:
            try:
                month(date.fromisoformat(match["month"] + "-01"))
            except ValueError:
                problems.append(f"{match['month']!r} isn't a month.")
        elif match["score"]:
            value, op = int(match["value"]), match["op"]
            name = "mood" if match["score"].lower() == "mood" else "connectedness"
            if not 1 <= value <= 5:
                problems.append(f"{match[0]!r}: {match['score'].lower()} runs from 1 to 5.")
                return " "
            if op in (">=", ">", "=", ":"):
                setattr(query, f"min_{name}", value + (op == ">"))
            if op in ("<=", "<", "=", ":"):
                setattr(query, f"max_{name}", value - (op == "<"))
        elif match["unscored"]:  # "supported>=2" found nothing, with no word why (nu240)
            problems.append(f"{match[0]!r}: {SCORED_ONLY}")
            return " "
        elif match["span"]:
            which, unit = match["span"].lower().split()
            step = {"week": relativedelta(weeks=1), "month": relativedelta(months=1),
                    "year": relativedelta(years=1)}[unit]  # fmt: skip
            start = {"week": today - relativedelta(days=today.weekday()),
                     "month": today.replace(day=1),
                     "year": today.replace(month=1, day=1)}[unit]  # fmt: skip
            if which == "last":
                start -= step
            within(start, start + step)
        return " "

    words = _FILTER.sub(replace, with_whole_names(text[:1000], people))
    query.text = words
    query.groups, query.without = parse_terms(words)
    ors = words.split().count("OR")
    if ors and len(query.groups) <= ors and words.split() != text.split():
        # An OR beside a filter joined nothing: "@Ana OR @Bo" found the entries naming
        # both, as if OR weren't there (nu159)
        problems.append(OR_BETWEEN_FILTERS)
    for word in _WORD.findall(words):
        if len(word) == 2 and word.endswith("*"):  # parse_terms reads it as the letter alone
            problems.append(
                f"{word!r} would find nearly every entry: put two letters or more before "
                f"the *, as in '{word[0]}a*'."
            )
            break
    query.start, query.end = bounds.get("from"), bounds.get("to")
    if query.start is not None and query.end is not None and query.start >= query.end:
        problems.append("Those dates leave no day between them.")
    if person.strip() and (named := one_person(person, person)) is not None:
        query.person_ids = [named, *(p for p in query.person_ids if p != named)]
    if context.strip():
        query.context_id = context_named(context, contexts)
        if query.context_id is None:
            problems.append(no_context(context, contexts))
    return query, list(dict.fromkeys(problems))  # "@Ana @Ana" said the same thing twice


SPAN = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
"""A year, a month or a day in digits: 2019, 2026-11, 2026-11-23."""
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")  # fmt: skip
NAMED_MONTH = re.compile(r"(?P<name>[a-z]{3,9})\.?(?:,?\s+(?P<year>\d{4}))?", re.IGNORECASE)
"""A month by its name, or its first three letters or more, with a year or without."""


def span_of(text: str, today: date | None = None) -> tuple[date, date] | None:
    """The first and last day of a year, month or day written in digits (``2019``,
    ``2026-11``, ``2026-11-23``) or of a month named (``jan 2019``; ``jan`` alone is the
    latest January begun by *today*); None for other words. ValueError for one not on the
    calendar (``2026-13``). The one reading of a range's edge, for ``from:``/``to:`` and
    ``--from``/``--until`` alike (``from:2026-11`` was read as the 7th, today's day of the
    month, and left the rest of the month out without a word, nu222; ``from:jan 2019`` was
    the 7th of January this year, and a search for the word 2019)."""
    said = text.strip()
    found = SPAN.fullmatch(said)
    if found is None:
        return named_month(said, today)
    year, month, day = (int(part) if part else None for part in found.groups())
    assert year is not None
    if day is not None:
        one = date(year, month or 1, day)
        return one, one
    if month is not None:
        return _whole_month(date(year, month, 1))
    return date(year, 1, 1), date(year, 12, 31)


def _whole_month(first: date) -> tuple[date, date]:
    return first, first + relativedelta(day=31)  # its last day, as month() takes it


def named_month(said: str, today: date | None) -> tuple[date, date] | None:
    """``jan``, ``January 2019``: that month whole; None for other words."""
    found = NAMED_MONTH.fullmatch(said)
    if found is None:
        return None
    name = found["name"].lower()
    month = next((n for n, full in enumerate(MONTH_NAMES, 1) if full.startswith(name)), None)
    if month is None:
        return None
    if found["year"]:
        return _whole_month(date(int(found["year"]), month, 1))
    today = today or clock.today()
    return _whole_month(date(today.year - (month > today.month), month, 1))


def edge(said: str, today: date) -> tuple[date, date] | str:
    """The days ``from:``/``to:`` (and ``--from``/``--until``) *said* names (a year, a
    month, a day, or words such as ``3 dec`` or ``yesterday``), or what to say when it
    names none."""
    try:
        span = span_of(said, today)
    except ValueError:
        return f"{said!r} is not a day on the calendar."
    if span is not None:
        return span
    try:
        day = parse_when(said, lean="past", day=True).date()
    except InvalidInput as error:
        if "calendar" in str(error):
            return f"{said!r} is not a day on the calendar."
        return f"{said!r} isn't a day I can read (try 2026-10-01, 2026-10 or 2026)."
    return day, day


def day_after(day: date) -> date:
    """The exclusive end of a range that ends on *day* (:data:`NO_END` after the last day)."""
    return NO_END if day == date.max else day + relativedelta(days=1)


def snippet(fields: Sequence[str], terms: list[str], width: int = 90) -> str:
    """A one-line excerpt around the first matching term (plain text, never markup), with
    … where it cuts the text, at either end."""
    texts = [text for text in fields if text]
    folded = [_folded(text) for text in texts]
    # The term as a whole word first, then as a word's start, then anywhere: "star" showed
    # "…once I started…" where the entry's "*star*" was what matched. Case and accents set
    # aside, as the search sets them aside ("cafe" found "café" but showed another line).
    for shape in (r"(?<!\w){}(?!\w)", r"(?<!\w){}", "{}"):
        for text, (plain, at) in zip(texts, folded, strict=True):
            for term in terms:
                found = re.search(shape.format(re.escape(fold(term))), plain)
                if found:
                    where = at[found.start()]
                    # The text whole when it fits; else from its start when the match is
                    # in the line's first half, or from a third of the line before it:
                    # filling the line to the text's end put a match near that end past a
                    # narrower column ("…saw a he…", nu254).
                    late = len(text) > width and where > width // 2
                    start = where - width // 3 if late else 0
                    return _excerpt(text, start, width, keep=where)
    return _excerpt(texts[0], 0, width) if texts else ""


def _folded(text: str) -> tuple[str, list[int]]:
    """*text* folded as names are (:func:`planner_tui.names.fold`), a character at a time,
    with where each folded character came from ("ß" is "ss", both from one)."""
    if text.isascii():  # most entries: a letter is one letter, whatever its case
        return text.lower(), list(range(len(text)))
    pieces = [_fold_one(ch) for ch in text]
    return "".join(pieces), [n for n, piece in enumerate(pieces) for _ in piece]


@functools.lru_cache(maxsize=4096)
def _fold_one(ch: str) -> str:
    return fold(ch)


def _excerpt(text: str, start: int, width: int, keep: int = 0) -> str:
    """*width* characters of *text* from *start*, begun at a word (not "…houlders"), never
    after *keep*, where the match is."""
    if 0 < start < keep and not text[start - 1].isspace():
        gap = next((i for i in range(start, keep) if text[i].isspace()), keep)
        start = gap + 1 if gap < keep else keep
    piece = " ".join(text[start : start + width].split())
    return ("…" if start else "") + piece + ("…" if start + width < len(text.rstrip()) else "")


PG_DOCUMENT = (
    "to_tsvector('simple', journal_entry.body || ' ' || journal_entry.warmth_note || ' ' "
    "|| journal_entry.withdraw_note)"
)
"""The expression PostgreSQL's search index is built on (migration 0001): spelled the same
so the planner uses the index."""


def statement(
    query: SearchQuery, limit: int, dialect: str = "sqlite", *, count: bool = False
) -> tuple[str, dict[str, Any]]:
    """The one statement that finds the ids of matching entries, best match first (newest
    first without words), with its parameters: FTS5 on SQLite, full-text search on
    PostgreSQL, and the same filters on both. With *count*, the same statement counts every
    match instead (none are ranked, so none are left out for it)."""
    postgres = dialect == "postgresql"

    def mark(name: str) -> str:  # the drivers' parameter styles: psycopg, sqlite3
        return f"%({name})s" if postgres else f":{name}"

    where: list[str] = []
    params: dict[str, Any] = {"limit": limit}
    joins = order = ""
    if query.groups and postgres:
        found = f"websearch_to_tsquery('simple', {mark('match')})"
        where.append(f"{PG_DOCUMENT} @@ {found}")
        params["match"] = _websearch_expression(query.groups)
        order = f"ts_rank({PG_DOCUMENT}, {found}) DESC, "
    elif query.groups:
        # Ranking every match of a very common word costs more than a keystroke allows on
        # decades of entries; without filters, the best of the newest RANKED matches come
        # first (filters narrow the matches themselves, so they rank them all).
        only_newest = at_most(query, dialect) is not None and not count
        newest = f" ORDER BY rowid DESC LIMIT {RANKED}" if only_newest else ""
        joins = (
            " JOIN (SELECT rowid, rank FROM journal_fts WHERE journal_fts MATCH :match"
            f"{newest}) AS hits ON hits.rowid = journal_entry.id"
        )
        params["match"] = _fts5_expression(query.groups)
        # Rounded: a word in nearly every entry weighs almost nothing in SQLite's ranking,
        # which then put the shortest entries first ("walk" in 130 routine lines left the
        # two about a walk last, nu240); at a hundredth, such a word's matches tie and come
        # newest first, while a word few entries have still ranks them.
        order = "round(hits.rank, 2), "
    if query.without and postgres:
        where.append(f"NOT ({PG_DOCUMENT} @@ websearch_to_tsquery('simple', {mark('without')}))")
        params["without"] = _websearch_expression([[t] for t in query.without])
    elif query.without:
        where.append("journal_entry.id NOT IN (SELECT rowid FROM journal_fts "
                     "WHERE journal_fts MATCH :without)")  # fmt: skip
        params["without"] = _fts5_expression([[t] for t in query.without])
    linked: list[tuple[str, str, str, int | str | None]] = [
        ("journal_person", "person_id", f"person{n}", person)
        for n, person in enumerate(query.person_ids)
    ]
    linked += [("journal_context", "context_id", "context_id", query.context_id),
               ("journal_tag", "tag", "tag", query.tag and tag_key(query.tag))]  # fmt: skip
    for table, column, name, value in linked:
        if value is not None:
            where.append(f"journal_entry.id IN (SELECT entry_id FROM {table} "
                         f"WHERE {column} = {mark(name)})")  # fmt: skip
            params[name] = value
    bounds: tuple[tuple[str, str, str, Any], ...] = (("day", ">=", "start", query.start), ("day", "<", "end", query.end),
              ("connectedness", ">=", "min_c", query.min_connectedness),
              ("connectedness", "<=", "max_c", query.max_connectedness),
              ("mood", ">=", "min_m", query.min_mood), ("mood", "<=", "max_m", query.max_mood))  # fmt: skip
    for column, op, name, value in bounds:
        if value is not None and not (name == "end" and value == NO_END):
            where.append(f"journal_entry.{column} {op} {mark(name)}")
            # SQLite keeps days as ISO text; psycopg sends a date as a date.
            params[name] = value.isoformat() if isinstance(value, date) and not postgres else value
    found = f" FROM journal_entry{joins}" + (" WHERE " + " AND ".join(where) if where else "")
    if count:
        del params["limit"]
        return "SELECT count(*)" + found, params
    sql = (
        "SELECT journal_entry.id"
        + found
        + f" ORDER BY {order}journal_entry.day DESC, journal_entry.id DESC LIMIT {mark('limit')}"
    )
    return sql, params


def _rows(connection: Any, sql: str, params: dict[str, Any] | None = None) -> list[Any]:
    cursor = connection.cursor()
    try:
        cursor.execute(sql, params) if params is not None else cursor.execute(sql)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def entry_ids(
    connection: Any, query: SearchQuery, limit: int, dialect: str = "sqlite"
) -> list[int]:
    """The one executor: the ids :func:`statement` finds, on a DB-API *connection* (the
    standard library's sqlite3, or the driver's connection under a SQLAlchemy session). A
    query with no searchable words and no filters finds nothing."""
    if not query.groups and not query.has_filters:
        return []
    sql, params = statement(query, limit, dialect)
    return [row[0] for row in _rows(connection, sql, params)]


def count(connection: Any, query: SearchQuery, dialect: str = "sqlite") -> int:
    """How many entries match, all told (:func:`entry_ids` finds at most its limit)."""
    if not query.groups and not query.has_filters:
        return 0
    sql, params = statement(query, 0, dialect, count=True)
    return int(_rows(connection, sql, params)[0][0])


def at_most(query: SearchQuery, dialect: str = "sqlite") -> int | None:
    """How many matches a search can show whatever its limit: on SQLite, words without a
    filter rank only the newest :data:`RANKED` matches (a filter reaches the rest)."""
    alone = query.groups and not query.has_filters and not query.ranks_all
    return RANKED if dialect != "postgresql" and alone else None


def total(
    connection: Any, query: SearchQuery, found: int, limit: int, dialect: str = "sqlite"
) -> int:
    """Every match: *found* itself when the search stopped short of its limits (there are
    no more), else counted."""
    if found < min(limit, at_most(query, dialect) or limit):
        return found
    return count(connection, query, dialect)


@dataclass(frozen=True)
class _Row:
    id: int
    name: str
    nickname: str
    aliases: tuple[str, ...] = ()


def names_in(connection: Any) -> tuple[list[_Row], list[_Row]]:
    """Everyone (with the names merged into theirs) and every context a search can name —
    archived ones too, since their entries stay in the journal."""
    aliases: dict[int, list[str]] = {}
    for person_id, alias in _rows(connection, "SELECT person_id, name FROM person_alias"):
        aliases.setdefault(person_id, []).append(alias)
    return (
        [
            _Row(pid, name, nickname, tuple(aliases.get(pid, ())))
            for pid, name, nickname in _rows(connection, "SELECT id, name, nickname FROM person")
        ],
        [_Row(*row) for row in _rows(connection, "SELECT id, name, '' FROM context")],
    )


@dataclass
class FoundEntry:
    """A match as the command line prints it."""

    id: int
    day: date
    mood: int | None
    connectedness: int | None
    snippet: str


def search(
    connection: Any,
    text: str,
    *,
    today: date,
    limit: int,
    dialect: str = "sqlite",
    person: str = "",
    context: str = "",
    **fields: Any,
) -> tuple[list[FoundEntry], list[str], int]:
    """The command line's search from start to end on a DB-API *connection*: the text and
    ``--person``/``--context`` read as a query, *fields* (``tag``, ``start``, ``min_mood``…:
    the other options, already read) set on it, the matches found and read for printing.
    Returns the matches (at most *limit*) or the messages that explain why there are none
    to look for, and how many entries match all told."""
    people, contexts = names_in(connection)
    query, problems = read_search(text, people=people, contexts=contexts, today=today,
                                  person=person, context=context)  # fmt: skip
    for name, value in fields.items():
        if value is not None:
            setattr(query, name, value)
    if not problems and nothing_to_look_for(text, query):
        problems.append(NOTHING_TO_LOOK_FOR)
    ids = [] if problems else entry_ids(connection, query, limit, dialect)
    if not ids:
        return [], problems, 0
    listed = ",".join(str(int(i)) for i in ids)  # ids from the database: numbers only
    rows = {row[0]: row[1:] for row in _rows(
        connection, "SELECT id, day, mood, connectedness, body, warmth_note, withdraw_note "
        f"FROM journal_entry WHERE id IN ({listed})")}  # fmt: skip
    found = []
    for entry_id in (i for i in ids if i in rows):
        day, mood, connected, *texts = rows[entry_id]
        day = day if isinstance(day, date) else date.fromisoformat(day)  # SQLite: ISO text
        found.append(FoundEntry(entry_id, day, mood, connected, snippet(texts, query.terms)))
    return found, [], total(connection, query, len(ids), limit, dialect)


def search_file(
    database: Path, text: str, **options: Any
) -> tuple[list[FoundEntry], list[str], int] | None:
    """:func:`search` on a SQLite file with the standard library alone. ``None`` when the
    file isn't one this version can read that way (the caller then opens it properly, with
    every check and message that brings)."""
    if emptied_with_log(database):
        return None
    try:
        connection = sqlite3.connect(quick_read_uri(database), uri=True, timeout=2)
    except sqlite3.Error:
        return None
    reads_damaged_text(connection)
    try:
        if schema_revision(connection) != SCHEMA_HEAD:
            return None
        # The same check every other command makes: a file that may not have been closed
        # cleanly is checked whole, and a damaged one refused (by the caller's full path,
        # with its message), never searched for what still reads. A damaged page met
        # while searching is refused the same way (sqlite3.Error below).
        if left_unclean(database) and connection.execute("PRAGMA quick_check(1)").fetchone() != (
            "ok",
        ):
            return None
        return search(connection, text, **options)
    except sqlite3.Error:
        return None
    finally:
        connection.close()
