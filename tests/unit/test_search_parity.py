"""One search, whichever way in: the quick path (`planner-tui search` on the file, with the
standard library's sqlite3) and the data layer's path (the app, a server, an encrypted file)
find the same entries and say the same things — on both engines."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from planner_tui import journal_search
from planner_tui.db.engine import Database
from planner_tui.services import journal, people

TODAY = date(2026, 11, 23)


@pytest.fixture
def entries(db: Database) -> dict[str, int]:
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana Silva", "nickname": "Nana"}).id
        gus = people.create_person(session=s, data={"name": "Gustav Straße"}).id
        olga = people.create_person(session=s, data={"name": "Olga Berg"}).id
        people.update_person(session=s, person_id=olga, data={"archived": True})
        choir = people.create_context(session=s, data={"name": "Choir"}).id
        work = people.create_context(session=s, data={"name": "Work"}).id

        def entry(day: date, body: str, **data: Any) -> int:
            return journal.save_entry(session=s, data={"day": day, "body": body, **data}).id

        return {
            "river": entry(date(2026, 11, 20), "A river walk with Ana #walk", person_ids=[ana],
                           context_ids=[choir], mood=4, connectedness=5),
            "market": entry(date(2026, 11, 5), "Rain at the Straße market #market",
                            person_ids=[gus], context_ids=[work], mood=2, connectedness=2),
            "tea": entry(date(2026, 10, 12), "Tea with Olga #tea", person_ids=[olga], mood=3,
                         connectedness=3),
            "quiet": entry(date(2026, 9, 1), "A quiet day", mood=5, connectedness=1),
            "both": entry(date(2026, 8, 3), "Lunch with Ana and Gus", person_ids=[ana, gus]),
        }  # fmt: skip


CASES: list[tuple[str, dict[str, Any], list[str], str]] = [
    # text, options (the command line's, already read), entries found, message
    ("river", {}, ["river"], ""),
    ("straße", {}, ["market"], ""),
    ("@Ana", {}, ["river", "both"], ""),
    # Two people: entries naming both (the last named alone was used, nu131)
    ("@Ana @Gustav", {}, ["both"], ""),
    ("@#2 @Ana", {}, ["both"], ""),
    ("@Ana lunch", {"person": "gustav"}, ["both"], ""),
    ("@Olga @Ana", {}, [], ""),
    ("@nana", {}, ["river", "both"], ""),
    ("@AnaSilva", {}, ["river", "both"], ""),
    ("@Ana's", {}, ["river", "both"], ""),  # as a check-in links it (it was "No one called")
    ("@#1", {}, ["river", "both"], ""),  # her number: how two Ana Silvas are told apart
    ("@#99", {}, [], "No one on your map has the number #99."),
    ("@GustavSTRASSE", {}, ["market", "both"], ""),
    ("", {"person": "gustav  STRASSE"}, ["market", "both"], ""),
    ("@Olga", {}, ["tea"], ""),  # archived: the journal still holds her
    # The start of a word of the name, as every box that asks who takes it: "No one called
    # 'gus' on your map" (nu249); two it could begin are named.
    ("@gus", {}, ["market", "both"], ""),
    ("@sil", {}, ["river", "both"], ""),
    ("", {"person": "str"}, ["market", "both"], ""),
    ("@s", {}, [], "'@s' could be Ana Silva (#1), Gustav Straße (#2)"),
    ("", {"person": "olga berg"}, ["tea"], ""),
    ("#walk", {}, ["river"], ""),
    ("", {"tag": "Walk"}, ["river"], ""),
    ("in:cho", {}, ["river"], ""),
    ("", {"context": "WORK"}, ["market"], ""),
    ("2026-11", {}, ["river", "market"], ""),
    ("last month", {}, ["tea"], ""),
    # A whole date is that day (nu154: it was looked for as words, and nothing matched)
    ("2026-11-05 rain", {}, ["market"], ""),
    ("2026-11-06 rain", {}, [], ""),
    ("2026-11-31", {}, [], "'2026-11-31' is not a day on the calendar."),
    ("from:2026-11-01 to:2026-11-10", {}, ["market"], ""),
    # Date filters narrow each other, in any order (the last one typed replaced the rest)
    ("to:2026-11-10 2026-11", {}, ["market"], ""),
    ("2026-11 to:2026-11-10", {}, ["market"], ""),
    ("from:2026-11-10 last month", {}, [], "Those dates leave no day between them."),
    ("mood>=4", {}, ["river", "quiet"], ""),
    ("connected<=2", {}, ["market", "quiet"], ""),
    ("", {"start": date(2026, 10, 1), "end": date(2026, 11, 1)}, ["tea"], ""),
    ("", {"min_mood": 3, "max_mood": 3}, ["tea"], ""),
    ("", {"min_connectedness": 5, "max_connectedness": 5}, ["river"], ""),
    ("@Nobody tea", {}, [], "No one called 'Nobody' on your map."),
    ("from:2026-02-29", {}, [], "'2026-02-29' is not a day on the calendar."),
    ("to:banana", {}, [], "'banana' isn't a day I can read (try 2026-10-01, 2026-10 or 2026)."),
    # A month or a year is the whole of it: from:2026-10 was read as the 23rd, today's day
    # of the month, and left Olga's tea of the 12th out without a word (nu222).
    ("from:2026-10", {}, ["river", "market", "tea"], ""),
    ("from:2026-11 to:2026-11", {}, ["river", "market"], ""),
    ("from:2026 -river", {}, ["market", "tea", "quiet", "both"], ""),
    ("to:2025", {}, [], ""),
    (
        "",
        {"start": date(2026, 1, 1), "end": date(2027, 1, 1)},
        ["river", "market", "tea", "quiet", "both"],
        "",
    ),
    ("from:2026-13", {}, [], "'2026-13' is not a day on the calendar."),
    # A month by its name is the whole of it too: to:oct was the 7th (today's day of the
    # month), and in from:sep 2026 the year was a word to look for (nu222).
    ("to:oct", {}, ["tea", "quiet", "both"], ""),
    ("from:sep 2026 to:October 2026", {}, ["tea", "quiet"], ""),
    ("from:aug 2026 to:aug 2026", {}, ["both"], ""),
    ("from:3 nov 2026 to:nov 2026 rain", {}, ["market"], ""),
    # the latest December begun by TODAY (23 Nov 2026) is 2025's
    ("from:dec", {}, ["river", "market", "tea", "quiet", "both"], ""),
    ("", {"person": "Zed"}, [], "No one called 'Zed'"),
    ("in:nowhere", {}, [], "No part of life called 'nowhere' on your map"),
    ("", {"context": "Gym"}, [], "No part of life called 'Gym' on your map"),
    ("((", {}, [], "no words to look for"),
    # -word leaves out the entries with it, as web searches do (it was searched for)
    ("-rain", {}, ["river", "tea", "quiet", "both"], ""),
    ("walk OR tea -olga", {}, ["river"], ""),
    ("tea -OLGA", {}, [], ""),
    ("-rain -tea -quiet mood>=4", {}, ["river"], ""),
    ("with -olga -ana", {}, [], ""),
    ("-", {}, [], "no words to look for"),
    # A minus before a filter was dropped: '-#tea' found the entries tagged #tea (nu254)
    ("walk -#tea", {}, [], "'-#tea': search can leave out words ('-rain'), not a person"),
    ("-@Ana", {}, [], "'-@Ana': search can leave out words"),
    ("river -mood>=4", {}, [], "'-mood>=4': search can leave out words"),
    ("-in:Choir", {}, [], "'-in:Choir': search can leave out words"),
    # OR beside a filter joined nothing: both people were looked for in one entry (nu159)
    ("@Ana OR @Gustav", {}, [], "OR goes between words, not between people or other filters"),
    ("river OR #tea", {}, [], "Search for each on its own."),
    ("river OR tea @Ana", {}, ["river"], ""),
    ("mood>=9", {}, [], "'mood>=9': mood runs from 1 to 5."),  # was "Nothing matches."
    ("tea connected<0", {}, [], "connected runs from 1 to 5"),
    # Another scale was read as words and matched nothing, unsaid (nu240).
    ("walk supported>=2", {}, [], "'supported>=2': only mood and connected are searched by score"),
    ("giving<3", {}, [], "only mood and connected are searched by score"),
    ("", {}, [], ""),
]


def through_services(db: Database, text: str, options: dict[str, Any]) -> tuple[list[int], str]:
    """What the app does: read the query, set the options, search (any engine)."""
    options = dict(options)
    named = {k: options.pop(k) for k in ("person", "context") if k in options}
    with db.session() as s:
        query, problems = journal.read_search(session=s, text=text, today=TODAY, **named)
        for name, value in options.items():
            setattr(query, name, value)
        if problems:
            return [], " ".join(problems)
        if text.strip() and not query.groups and not query.has_filters:
            return [], journal_search.NOTHING_TO_LOOK_FOR
        return [hit.entry.id for hit in journal.search(session=s, query=query)], ""


def through_the_command_line(
    db: Database, text: str, options: dict[str, Any]
) -> tuple[list[int], str]:
    """What `planner-tui search` does: the quick path on a SQLite file, else the session's
    own connection."""
    path = db.location.sqlite_path
    if path is not None:
        found = journal_search.search_file(path, text, today=TODAY, limit=50, **options)
        assert found is not None
    else:
        with db.session() as s:
            connection, dialect = journal.driver_connection(s)
            found = journal_search.search(connection, text, today=TODAY, limit=50,
                                          dialect=dialect, **options)  # fmt: skip
    matches, problems, total = found
    assert total == len(matches)  # fewer than the limit: every match is shown
    return [m.id for m in matches], " ".join(problems)


@pytest.mark.parametrize(("text", "options", "expected", "message"), CASES)
def test_both_ways_in_find_the_same(
    db: Database,
    entries: dict[str, int],
    text: str,
    options: dict[str, Any],
    expected: list[str],
    message: str,
) -> None:
    app = through_services(db, text, options)
    command = through_the_command_line(db, text, options)
    assert app == command
    found, said = app
    assert found == [entries[name] for name in expected]
    assert message in said and bool(message) == bool(said)


def test_two_people_of_one_name_are_told_apart_by_number(db: Database) -> None:
    """ "'@AnaSilva' could be Ana Silva, Ana Silva. Say a little more of the name." — there
    was no more name to say: their numbers are said, as typed in a search ('@#4': '#4'
    alone is a tag, and found nothing, nu126), and one is found by it."""
    with db.write() as s:
        first, second = (people.create_person(session=s, data={"name": "Ana Silva"}).id
                         for _ in range(2))  # fmt: skip
        journal.save_entry(session=s, data={"day": TODAY, "body": "tea", "person_ids": [second]})
    for text in ("@AnaSilva", "@Ana's"):
        assert through_services(db, text, {}) == ([], (
            f"'{text}' could be Ana Silva (#{first}), Ana Silva (#{second}). Say which by "
            f"their number (@#{first})."))  # fmt: skip
    found, message = through_services(db, f"@#{second}", {})
    assert message == "" and len(found) == 1
    assert through_services(db, f"#{second}", {})[0] == []  # a tag


def test_a_name_typed_twice_is_said_once(db: Database, entries: dict[str, int]) -> None:
    """'@Nobody @Nobody @Nobody walk' said "No one called 'Nobody'" three times (a long
    paste filled the Journal with one sentence), in the app and on the command line."""
    for way in (through_services, through_the_command_line):
        found, said = way(db, "@Nobody @Nobody @Nobody walk", {})
        assert found == [] and said == "No one called 'Nobody' on your map.", way


@dataclass(frozen=True)
class Context:
    id: int
    name: str


def test_a_part_of_life_is_found_by_the_start_of_any_word_of_its_name() -> None:
    """`in:choir` found no *Community choir* (nu222), where a form finds it by the start of
    any word of its name: the whole name first, then its start, then a word's start."""
    choir, community, club = (
        Context(1, "Choir"),
        Context(2, "Community choir"),
        Context(3, "Climbing club"),
    )
    everyone = [choir, community, club]
    assert journal_search.contexts_named("choir", [community, club]) == [
        community
    ]  # a word's start
    assert journal_search.contexts_named("choir", everyone) == [choir]  # the whole name first
    assert journal_search.contexts_named("cho", everyone) == [
        choir
    ]  # the start of a name, before a word's
    assert journal_search.contexts_named("club", everyone) == [club]
    assert journal_search.contexts_named("c", everyone) == everyone  # several: said so (no_context)
    assert journal_search.contexts_named("hoir", everyone) == []
