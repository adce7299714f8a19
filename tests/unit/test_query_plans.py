"""The questions asked on every view — when was each person (and each part of life) last in
touch, who has been one-sided lately, how a friendship gives and takes — are answered down
indexes, never by reading all of history: the same time at 100 years as at one (issue 18).

Each engine is asked for its plan of the very statements the services send. SQLite plans
by rule (the app never runs ANALYZE), so its plan is the one the app gets; PostgreSQL
plans by cost and prefers reading a few test rows whole, so there sequential scans and
the joins that read a whole side are priced out (``enable_seqscan``, ``enable_hashjoin``
and ``enable_mergejoin`` off) and the test checks that an index *can* answer: that the
statement and the indexes fit each other.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from sqlmodel import Session

from planner_tui import daily
from planner_tui.db.engine import Database
from planner_tui.db.models import Step, StepStatus
from planner_tui.services import gaps, journal, learning, people
from tests.conftest import _truncate

HISTORY = {"interaction", "interaction_person", "journal_entry", "journal_person"}
"""The tables that grow with every year."""


@pytest.fixture
def life(db: Database) -> Database:
    """Three people in two parts of life, with contacts logged there and without: Ana's
    (of the Choir) without a context, all started by her; a journal day with her. On
    PostgreSQL the tables are new, as the planner would find them in a new database."""
    if db.engine.dialect.name == "postgresql":
        _truncate(db)
    start = datetime(2020, 1, 1, 12, tzinfo=UTC)
    with db.write() as s:
        choir = people.create_context(session=s, data={"name": "Choir"})
        work = people.create_context(session=s, data={"name": "Work"})
        ids = [
            people.create_person(
                session=s, data={"name": name, "cadence_days": 7, "context_ids": [context]}
            ).id
            for name, context in (("Ana", choir.id), ("Ben", choir.id), ("Cy", work.id))
        ]
        for n in range(31):
            people.log_interaction(
                session=s,
                data={
                    "occurred_at": start + timedelta(days=9 * n),
                    "person_ids": [ids[n % 3]],
                    "context_id": (None, choir.id, work.id)[n % 3],
                    "initiator": ("me", ("me", "them")[n % 2], "mutual")[n % 3],
                },
            )
        journal.save_entry(
            session=s,
            data={"day": date(2021, 3, 4), "body": "tea", "contact_person_ids": [ids[0]]},
        )
    if db.dialect == "postgresql":
        # PostgreSQL prices plans by its statistics, which would otherwise be whatever an
        # earlier test on this server left (its tables are emptied, not remade): one run in
        # many then read a whole index. Measured now, they are this life's, every run.
        with db.engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")
    return db


def plan_lines(session: Session, statement: str, parameters: Any) -> list[str]:
    """What the engine will read for *statement*: SQLite's plan lines, or PostgreSQL's plan
    nodes as "Seq Scan on t" / "Index Scan on t (cond)" lines."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        rows = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
        return [row[3] for row in rows]
    for way in ("seqscan", "hashjoin", "mergejoin"):  # whole-table ways, priced out
        connection.exec_driver_sql(f"SET LOCAL enable_{way} = off")
    found = connection.exec_driver_sql("EXPLAIN (FORMAT JSON) " + statement, parameters)
    (document,) = found.scalar_one() if not isinstance(found, str) else json.loads(found)
    lines: list[str] = []

    def walk(node: dict[str, Any]) -> None:
        if "Relation Name" in node:
            condition = node.get("Index Cond") or node.get("Recheck Cond") or ""
            index = f" using {node['Index Name']}" if "Index Name" in node else ""
            lines.append(f"{node['Node Type']}{index} on {node['Relation Name']} ({condition})")
        for child in node.get("Plans", []):
            walk(child)

    walk(document["Plan"])
    return lines


def full_reads(lines: list[str], tables: frozenset[str] | set[str] = HISTORY) -> list[str]:
    """Plan lines that read a growing table (of *tables*) whole (or a whole index of it),
    or sort what they read of one (a person's every contact, to keep the latest few)."""
    bad = []
    touches = False
    for line in lines:
        words = line.replace("(", " ").split()
        named = [w for before, w in itertools.pairwise(words) if w in tables
                 and before in ("on", "SCAN", "SEARCH")]  # fmt: skip
        touches = touches or bool(named)
        if named and (line.startswith("SCAN ") or "Seq Scan" in line or line.endswith("()")):
            bad.append(line)
    if touches:
        bad += [line for line in lines if line.startswith("USE TEMP B-TREE")]
    return bad


def sent(db: Database, call: Callable[[Session], object]) -> list[tuple[str, Any]]:
    """The statements *call* sends through SQLAlchemy, with their parameters."""
    seen: list[tuple[str, Any]] = []

    def record(_c: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        seen.append((statement, parameters))

    sa.event.listen(db.engine, "before_cursor_execute", record)
    try:
        with db.session() as s:
            call(s)
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", record)
    return seen


def test_last_contact_is_read_down_each_persons_index(life: Database) -> None:
    """The one "last contact" rule (``daily.last_contact_statement``, which the app and
    `planner-tui today` both run), whole and within a window as the review asks it."""
    dialect = life.dialect
    windows = [{}, {"first": date(2020, 6, 1), "last": date(2021, 6, 1)}, {"last": date.max}]
    with life.session() as s:
        for window in windows:
            for ids in (None, [1, 2]):
                statement, parameters = daily.last_contact_statement(
                    dialect, person_ids=ids, **window
                )
                lines = plan_lines(s, statement, parameters)
                assert full_reads(lines) == [], (window, lines)
                used = " ".join(lines)
                assert "ix_interaction_person_latest" in used, lines
                assert "ix_journal_person_contact" in used, lines


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda s: people.list_people(session=s), id="people"),
        pytest.param(lambda s: people.list_contexts(session=s), id="contexts"),
        pytest.param(lambda s: gaps.one_sided(session=s), id="one-sided"),
        pytest.param(lambda s: gaps.reciprocity(session=s, person_id=1), id="reciprocity"),
    ],
)
def test_views_never_read_all_of_history(life: Database, call: Callable[[Session], object]) -> None:
    statements = sent(life, call)
    assert statements
    with life.session() as s:
        for statement, parameters in statements:
            lines = plan_lines(s, statement, parameters)
            assert full_reads(lines) == [], (statement, lines)


def test_a_contexts_check_ins_are_read_down_the_index_of_contacts(life: Database) -> None:
    """A part of life's last contact counts its people's check-ins (issue 18): written as
    SQLAlchemy writes a boolean ("= 1"), SQLite left the partial index of contacts and
    read each person's every link (1.4 → 28 ms at a hundred years)."""
    statements = sent(life, lambda s: people.list_contexts(session=s))
    with life.session() as s:
        lines = [
            line
            for statement, parameters in statements
            if "journal_person" in statement
            for line in plan_lines(s, statement, parameters)
            if "journal_person" in line
        ]
    assert lines and all("ix_journal_person_contact" in line for line in lines), lines


def test_the_reviews_not_nows_are_read_down_indexes(life: Database) -> None:
    """A "not now" and what followed it (the steps planned after it, their people's steps
    done later) are found without reading every step ever planned (schema 0011)."""
    due = datetime(2026, 3, 2, 18, tzinfo=UTC)
    with life.write() as s:
        declined = Step(person_id=1, action="call Ana", due_at=due, status=StepStatus.DECLINED)
        s.add(declined)
        s.flush()
        s.add(Step(person_id=1, action="call Ana", due_at=due + timedelta(days=7),
                   status=StepStatus.DONE, previous_id=declined.id))  # fmt: skip
    start, end = datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 12, 1, tzinfo=UTC)
    asked = [(statement, parameters) for statement, parameters in
             sent(life, lambda s: learning.not_nows_between(session=s, start=start, end=end))
             if statement.startswith("SELECT")]  # fmt: skip
    assert len(asked) == 3  # the declines, their people's later steps, the steps after them
    with life.session() as s:
        for statement, parameters in asked:
            lines = plan_lines(s, statement, parameters)
            without_sorting = [line for line in lines if not line.startswith("USE TEMP")]
            assert full_reads(without_sorting, {"step"}) == [], (statement, lines)
        assert learning.not_nows_between(session=s, start=start, end=end).became_yes == 1


def test_what_the_plans_answer_is_right(life: Database) -> None:
    """The same answers as reading everything and counting in Python."""
    with life.session() as s:
        contacts = people.list_interactions(session=s, limit=None)
        entries = journal.list_entries(session=s, limit=None)
        everyone = people.list_people(session=s)
        contexts = people.list_contexts(session=s)
        lean = gaps.one_sided(session=s)
    latest: dict[int, datetime] = {}
    for item in contacts:
        for pid in item.person_ids:
            latest[pid] = max(latest.get(pid, item.occurred_at), item.occurred_at)
    for entry in entries:
        moment = daily.day_as_moment(entry.day)
        assert moment is not None
        for pid in entry.contact_person_ids:
            latest[pid] = max(latest.get(pid, moment), moment)
    assert {p.id: p.last_contact for p in everyone} == latest
    members = {c.name: [p.id for p in everyone if c.name in p.contexts] for c in contexts}
    expected = {}
    for c in contexts:
        there = [
            i.occurred_at
            for i in contacts
            if i.context == c.name
            or (i.context is None and set(i.person_ids) & set(members[c.name]))
        ]
        there += [  # a check-in's contact with a member counts for the context too
            moment
            for entry in entries
            if set(entry.contact_person_ids) & set(members[c.name])
            and (moment := daily.day_as_moment(entry.day)) is not None
        ]
        expected[c.name] = max(there)
    assert {c.name: c.last_contact for c in contexts} == expected
    assert expected["Choir"] != max(i.occurred_at for i in contacts if i.context == "Choir")
    by_person: dict[int, list[str]] = {}
    for item in contacts:  # newest first
        for pid in item.person_ids:
            by_person.setdefault(pid, []).append(item.initiator)
    found = []
    for pid, sides in by_person.items():
        window = sides[: gaps.ONE_SIDED_WINDOW]
        me, them = window.count("me"), window.count("them")
        if len(window) >= gaps.ONE_SIDED_MIN and max(me, them) >= 0.75 * len(window):
            found.append(pid)
    assert sorted(o.person_id for o in lean) == sorted(found) and found


def copies_disagree(db: Database) -> list[tuple[Any, ...]]:
    """Link rows whose copy differs from what it copies (migration 0008's triggers)."""
    with db.session() as s:
        return list(
            s.execute(
                sa.text(
                    "SELECT 'contact', ip.interaction_id, ip.person_id FROM interaction_person ip "
                    "JOIN interaction i ON i.id = ip.interaction_id "
                    "WHERE ip.interaction_at IS NULL OR ip.interaction_at <> i.occurred_at "
                    "OR (ip.interaction_context_id IS NULL) <> (i.context_id IS NULL) "
                    "OR ip.interaction_context_id <> i.context_id "
                    "UNION ALL SELECT 'mention', jp.entry_id, jp.person_id FROM journal_person jp "
                    "JOIN journal_entry e ON e.id = jp.entry_id "
                    "WHERE jp.entry_day IS NULL OR jp.entry_day <> e.day"
                )
            ).all()
        )


def test_the_copies_follow_every_change(life: Database) -> None:
    """Whatever changes a contact or an entry — an edit of its time or its part of life, a
    context deleted, two people merged, an undo, an import — the last contact the indexes
    give stays the one the contacts themselves say."""
    from planner_tui.services import corrections, exchange
    from planner_tui.services.undo import revert

    db = life
    assert copies_disagree(db) == []
    with db.session() as s:
        ana, ben, cy = (p.id for p in people.list_people(session=s))
        newest = people.list_interactions(session=s, person_id=ana, limit=1)[0]
        _choir, work = (c.id for c in people.list_contexts(session=s))
    later = datetime(2024, 5, 6, 7, tzinfo=UTC)
    with db.write() as s:
        edit = corrections.update_interaction(
            session=s,
            interaction_id=newest.id,
            data={"occurred_at": later, "person_ids": [ana, cy], "context_id": None},
        )
    with db.session() as s:
        assert people.last_contacts(s)[ana] == later == people.last_contacts(s)[cy]
        assert {c.name: c.last_contact for c in people.list_contexts(session=s)}["Work"] == later
    assert copies_disagree(db) == []
    with db.write() as s:
        revert(session=s, change=edit)
    assert copies_disagree(db) == []
    with db.session() as s:
        assert people.last_contacts(s)[cy] < later
    with db.write() as s:
        entry = journal.list_entries(session=s, limit=1)[0]
        journal.save_entry(
            session=s,
            entry_id=entry.id,
            data={"day": date(2025, 1, 2), "body": "tea", "contact_person_ids": [ana]},
        )
        s.execute(sa.text("UPDATE journal_entry SET day = '2025-01-03'"))  # not through the app
        gone = people.delete_context(session=s, context_id=work)  # contacts there: none
    assert copies_disagree(db) == []
    with db.session() as s:
        assert people.last_contacts(s)[ana] == daily.day_as_moment(date(2025, 1, 3))
        assert [c.name for c in people.list_contexts(session=s)] == ["Choir"]
    with db.write() as s:
        revert(session=s, change=gone)
        corrections.merge_people(session=s, keep_id=ben, other_id=cy)
    assert copies_disagree(db) == []
    with db.session() as s:
        exported = exchange.export_json(session=s)
    tables = json.loads(exported)["tables"]  # the copies are the database's own: not exported
    assert set(tables["interaction_person"][0]) == {"interaction_id", "person_id"}
    assert set(tables["journal_person"][0]) == {"entry_id", "person_id", "counts_as_contact"}
    with db.write() as s:
        for table in reversed(exchange.EXPORTED_TABLES):
            s.execute(sa.delete(table))  # type: ignore[call-overload]
    with db.write() as s:
        exchange.import_json(session=s, text=exported)
    assert copies_disagree(db) == []
    with db.session() as s:
        assert people.last_contacts(s)[ana] == daily.day_as_moment(date(2025, 1, 3))
