"""Property of the journal's search language: whatever is typed — words, filters, stray
quotes, FTS5 or tsquery syntax, control characters — gives results or a clear message,
never an exception, on both engines and both paths (the services' and the quick one)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from planner_tui import journal_search
from planner_tui.db.engine import Database
from planner_tui.services import journal, people

TODAY = date(2026, 11, 23)
PROPERTY = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

_PIECES = (
    'river walk Ana ana* "a river" " OR AND NOT NEAR NEAR(a b) ^river -river +river river* * '
    '@Ana @nana @AnaSilva @ @@ @Ol #walk # ## #Walk-it in:Choir in:cho in:"Choir in: '
    "from:2026-11-01 to:yesterday from:banana to:31/02 from:in-9999-years to: 2026-11 2026-13 "
    "to:31 feb from:3 Dec Sept w* x* wa* "
    "0000-00 last month this week last year mood>=4 mood>5 mood=0 connected<=2 connected<1 "
    "body:river journal_fts: {a} [b] (c) ) ( ' '' \\ % _ ; -- /* */ :match %(x)s ? $1 é ß ﬃ İ "
    '-walk -Ana -ana* -river* -"a -é -ß -OR -#walk -@Ana -- - -NEAR(a -*'  # -word leaves out
)
PIECES = _PIECES.split(" ")
QUERIES = st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=8).map(" ".join) | (
    st.text(max_size=200)
)


@pytest.fixture
def journal_db(db: Database) -> Database:
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana Silva", "nickname": "Nana"}).id
        olga = people.create_person(session=s, data={"name": "Olga"}).id
        choir = people.create_context(session=s, data={"name": "Choir"}).id
        for day, body, mood in ((date(2026, 11, 20), "A river walk with Ana #walk", 4),
                                (date(2026, 11, 5), "Rain; \"quotes\" and (brackets) *", 2),
                                (date(2026, 10, 12), "Tea with Olga #tea", None)):  # fmt: skip
            journal.save_entry(
                session=s,
                data={"day": day, "body": body, "mood": mood, "person_ids": [ana, olga],
                      "context_ids": [choir]},
            )  # fmt: skip
    return db


def one_line(messages: list[str]) -> None:
    for message in messages:
        assert message.strip() and "\n" not in message and "\r" not in message, message


@PROPERTY
@given(text=QUERIES, options=st.fixed_dictionaries({}, optional={
    "person": st.sampled_from(["", "ana", "nobody", "@", "  "]) | st.text(max_size=10),
    "context": st.sampled_from(["", "choir", "none"]) | st.text(max_size=10)}))  # fmt: skip
@example(text='NEAR(a b) "unclosed', options={})
@example(text="to:31/02 from:in-9999-years", options={})
@example(text="\x00 \ud800 \x1b[31m", options={"person": "\x00"})
def test_any_search_gives_results_or_a_clear_message(
    journal_db: Database, text: str, options: dict[str, Any]
) -> None:
    with journal_db.session() as s:
        query, problems = journal.read_search(session=s, text=text, today=TODAY, **options)
        one_line(problems)
        hits = journal.search(session=s, query=query)
        assert all(hit.entry.id for hit in hits)
        # The command line's path, on the same connection and engine.
        connection, dialect = journal.driver_connection(s)
        found, messages, total = journal_search.search(
            connection, text, today=TODAY, limit=50, dialect=dialect, **options
        )
        one_line(messages)
        assert not (found and messages)
        if not messages:  # both paths find the same entries, in the same order
            assert [f.id for f in found] == [hit.entry.id for hit in hits][:50]
            assert total == len(found)  # and count them alike
