"""Schema changes keep every row: a database made by the first released schema (0001, with a
sample life in it: tests/data/schema-0001.db) is upgraded by today's code, after a backup."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.schema import CreateIndex
from sqlmodel import SQLModel

from planner_tui.db.engine import SCHEMA_HEAD, Database, Location, open_database
from planner_tui.services import journal, people, review, support

FIXTURE = Path(__file__).parent.parent / "data" / "schema-0001.db"


def every_row(
    path: Path, columns: dict[str, list[str]] | None = None
) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table; with *columns*, only those tables and columns (the ones
    there were before an upgrade added some)."""
    with sqlite3.connect(path) as c:
        names = [
            n
            for (n,) in c.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not n.startswith(("sqlite_", "journal_fts")) and n != "alembic_version"
            if columns is None or n in columns
        ]
        picked = {n: ", ".join(columns[n]) if columns and n in columns else "*" for n in names}
        return {
            n: sorted(c.execute(f"SELECT {picked[n]} FROM {n}").fetchall(), key=repr) for n in names
        }


def columns_of(path: Path) -> dict[str, list[str]]:
    with sqlite3.connect(path) as c:
        names = [n for (n,) in c.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {n: [row[1] for row in c.execute(f"PRAGMA table_info({n})")] for n in names}


def fixture_at(tmp_path: Path, revision: str, *statements: str) -> Path:
    """The fixture's database copied into *tmp_path* and upgraded to *revision* only, then
    *statements* run in the same transaction (rows an old schema could hold)."""
    from alembic import command

    from planner_tui.db.migrate import alembic_config

    path = tmp_path / "planner.db"
    shutil.copy(FIXTURE, path)
    old = open_database(Location(f"sqlite:///{path}", tmp_path), migrate=False)
    config = alembic_config()
    with old.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        for statement in statements:
            connection.exec_driver_sql(statement)
    old.dispose()
    return path


def test_the_first_schema_upgrades_with_every_row_intact(tmp_path: Path) -> None:
    shutil.copy(FIXTURE, tmp_path / "planner.db")
    before = every_row(tmp_path / "planner.db")
    columns = columns_of(tmp_path / "planner.db")
    assert sum(len(rows) for rows in before.values()) > 500  # a real sample, not a stub
    database = open_database(Location(f"sqlite:///{tmp_path / 'planner.db'}", tmp_path))
    try:
        with database.engine.connect() as c:
            assert c.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == (
                SCHEMA_HEAD
            )
        after = every_row(tmp_path / "planner.db", columns)
        for table, rows in before.items():
            assert after[table] == rows, table
        added = every_row(tmp_path / "planner.db")
        assert added["trusted_contact"] == added["person_date"] == added["experiment"] == []
        # ...and the upgraded data is usable: search, review and the new table.
        with database.session() as s:
            hits = journal.search(session=s, query=journal.SearchQuery("fixture"))
            assert [h.entry.mood for h in hits] == [4]
            assert review.review_month(session=s, month=hits[0].entry.day).figures.entries
        with database.write() as s:
            support.save_trusted(session=s, contacts=[{"name": "Mum", "reach": "07700 900123"}])
            someone = people.list_people(session=s)[0].id
            people.add_date(
                session=s, data={"person_id": someone, "label": "birthday", "month": 4, "day": 12}
            )
        with database.write() as s:  # 0004's foreign key takes a person's dates with them
            people.delete_person(session=s, person_id=someone)
        with database.session() as s:
            assert people.list_dates(session=s, person_id=someone) == []
            assert s.exec(text("SELECT count(*) FROM person_date")).one() == (0,)
    finally:
        database.dispose()
    backups = list((tmp_path / "backups").glob("before-upgrade-0001-*.db"))
    assert len(backups) == 1 and every_row(backups[0]) == before
    assert backups[0].stat().st_mode & 0o777 == 0o600


def test_migrations_build_exactly_the_tables_the_code_expects(db: Database) -> None:
    def ours(item: object, name: str | None, *_: object) -> bool:
        # The journal's full-text index lives only in the migrations (FTS5 tables on
        # SQLite, an expression index on PostgreSQL): the models don't describe it.
        return not (name or "").startswith(("journal_fts", "ix_journal_entry_search"))

    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": ours})
        differences = compare_metadata(context, SQLModel.metadata)
    assert differences == []


def test_the_tables_describe_the_partial_indexes_on_either_engine(db: Database) -> None:
    """The last-contact indexes cover only some rows; the tables say which on the engine in
    use too (PostgreSQL's options are added when its engine is made, not at import)."""
    partial = [index for table in SQLModel.metadata.tables.values()
               for index in table.indexes if index.name in PARTIAL]  # fmt: skip
    assert sorted(index.name for index in partial) == sorted(PARTIAL)
    for index in partial:
        ddl = str(CreateIndex(index).compile(dialect=db.engine.dialect))
        assert ddl.endswith(f"WHERE {PARTIAL[index.name]}"), ddl


PARTIAL = {
    "ix_interaction_person_untagged": "interaction_context_id IS NULL",
    "ix_journal_person_contact": "counts_as_contact",
}


def test_existing_chains_of_steps_become_calendar_series(tmp_path: Path) -> None:
    """0003 walks ``previous_id``: the next occurrence of a repeat and a step moved to
    another time join their series; a follow-up starts its own."""
    shutil.copy(FIXTURE, tmp_path / "planner.db")
    weekly, sunday = "FREQ=WEEKLY", "FREQ=WEEKLY;BYDAY=SU"
    chains = [  # id, previous, rule, status, due
        (9001, None, weekly, "done", "2026-11-02 18:00:00.000000"),
        (9002, 9001, weekly, "rescheduled", "2026-11-09 18:00:00.000000"),
        (9003, 9002, None, "rescheduled", "2026-11-10 18:00:00.000000"),  # moved...
        (9004, 9002, weekly, "no_reply", "2026-11-16 18:00:00.000000"),  # series goes on
        (9005, 9003, None, "planned", "2026-11-11 18:00:00.000000"),  # ...and moved again
        (9006, 9004, None, "planned", "2026-11-19 18:00:00.000000"),  # a follow-up
        (9007, 9004, weekly, "planned", "2026-11-23 18:00:00.000000"),
        (9010, None, None, "rescheduled", "2026-11-05 09:00:00.000000"),  # one-off, moved
        (9011, 9010, None, "planned", "2026-11-06 09:00:00.000000"),
        (9020, None, sunday, "declined", "2026-11-01 10:00:00.000000"),  # declined,
        (9021, 9020, None, "planned", "2026-11-04 10:00:00.000000"),  # another time
        (9022, 9020, sunday, "planned", "2026-11-08 10:00:00.000000"),
    ]
    with sqlite3.connect(tmp_path / "planner.db") as c:
        (person,) = c.execute("SELECT min(id) FROM person").fetchone()
        c.executemany(
            "INSERT INTO step (id, person_id, action, effort, due_at, cue, backup, rrule, "
            "status, outcome_note, previous_id, created_at) "
            "VALUES (?, ?, 'call', 'small', ?, '', '', ?, ?, '', ?, '2026-10-01 00:00:00')",
            [(i, person, due, rule, status, prev) for i, prev, rule, status, due in chains],
        )
    before = every_row(tmp_path / "planner.db")
    columns = columns_of(tmp_path / "planner.db")
    open_database(Location(f"sqlite:///{tmp_path / 'planner.db'}", tmp_path)).dispose()
    after = every_row(tmp_path / "planner.db", columns)
    assert all(after[table] == rows for table, rows in before.items())
    with sqlite3.connect(tmp_path / "planner.db") as c:
        got = {
            i: (uid, sequence, moved_from)
            for i, uid, sequence, moved_from in c.execute(
                "SELECT id, uid, sequence, recurrence_id FROM step"
            )
        }
        (blank,) = c.execute("SELECT count(*) FROM step WHERE uid = ''").fetchone()
    first = "step-9001@planner-tui"
    nov9 = "2026-11-09 18:00:00.000000"
    assert {i: got[i] for i, *_ in chains} == {
        9001: (first, 0, None),
        9002: (first, 0, None),
        9003: (first, 1, nov9),
        9004: (first, 0, None),
        9005: (first, 2, nov9),
        9006: ("step-9006@planner-tui", 0, None),
        9007: (first, 0, None),
        9010: ("step-9010@planner-tui", 0, None),
        9011: ("step-9010@planner-tui", 1, None),
        9020: ("step-9020@planner-tui", 0, None),
        9021: ("step-9021@planner-tui", 0, None),
        9022: ("step-9020@planner-tui", 0, None),
    }
    assert got[24] == ("step-24@planner-tui", 0, None) and blank == 0


def test_0005_gives_every_step_a_reminder_not_yet_sent(tmp_path: Path) -> None:
    """`planner-tui remind` tells about each step once: an upgraded database starts with
    none told, and what is told is kept."""
    from datetime import UTC, datetime, timedelta

    from planner_tui.services import steps

    shutil.copy(FIXTURE, tmp_path / "planner.db")
    database = open_database(Location(f"sqlite:///{tmp_path / 'planner.db'}", tmp_path))
    try:
        with sqlite3.connect(tmp_path / "planner.db") as c:
            told = c.execute("SELECT count(*), count(reminded_at) FROM step").fetchone()
        assert told[0] > 0 and told[1] == 0
        with database.write() as s:
            due = steps.list_steps(session=s, upcoming=True, limit=1)[0]
            window = {
                "start": due.due_at - timedelta(minutes=1),
                "end": due.due_at + timedelta(minutes=1),
            }
            assert due.id in [step.id for step in steps.to_remind(session=s, **window)]
            steps.mark_reminded(
                session=s, step_ids=[due.id], moment=datetime(2026, 1, 1, tzinfo=UTC)
            )
        with database.session() as s:
            assert due.id not in [step.id for step in steps.to_remind(session=s, **window)]
    finally:
        database.dispose()


def test_0006_adds_aliases_and_keeps_every_row_of_0005(tmp_path: Path) -> None:
    """A database at 0005, with people and their dates in it, upgrades to aliases with every
    row as it was; two of its people can then be merged, the old name kept as an alias."""

    from planner_tui.journal_search import mentions_in
    from planner_tui.services import corrections

    path = fixture_at(
        tmp_path,
        "0005",
        "INSERT INTO person_date (person_id, label, month, day, year, created_at) "
        "SELECT min(id), 'birthday', 4, 12, NULL, '2026-01-01 00:00:00' FROM person",
    )
    before = every_row(path)
    columns = columns_of(path)  # later migrations add columns of their own
    assert "person_alias" not in before
    database = open_database(Location(f"sqlite:///{path}", tmp_path))
    try:
        after = every_row(path, columns)
        assert every_row(path)["person_alias"] == []
        assert after == before
        with database.session() as s:
            keep, other = people.list_people(session=s)[:2]
        with database.write() as s:
            corrections.merge_people(session=s, keep_id=keep.id, other_id=other.id)
        with database.session() as s:
            everyone = people.list_people(session=s)
            assert people.get_person(session=s, person_id=keep.id).aliases == [other.name]
        assert mentions_in("@" + other.name.replace(" ", ""), everyone)[0] == [keep.id]
    finally:
        database.dispose()
    backups = list((tmp_path / "backups").glob("before-upgrade-0005-*.db"))
    assert len(backups) == 1 and every_row(backups[0]) == before


def test_0007_makes_a_step_toward_a_place_possible_and_keeps_every_row(tmp_path: Path) -> None:
    """0007 rebuilds the step table on SQLite (a column can't be made optional in place):
    every row of 0006 stays as it was — the contacts a step recorded still point at it, and
    chains of steps still link — and then a step can be toward a context, or somewhere new,
    with no one; the keys are on again afterwards."""
    from datetime import UTC, datetime

    from planner_tui.services import steps

    path = fixture_at(tmp_path, "0006")
    with sqlite3.connect(path) as c:
        (person,) = c.execute("SELECT min(id) FROM person").fetchone()
        c.executemany(
            "INSERT INTO step (id, person_id, action, effort, due_at, cue, backup, status, "
            "outcome_note, previous_id, created_at, uid) VALUES (?, ?, 'call', 'small', "
            "'2026-11-02 18:00:00.000000', 'after lunch', 'a voice note', ?, '', ?, "
            "'2026-10-01 00:00:00', ?)",
            [(9101, person, "no_reply", None, "a@planner-tui"),
             (9102, person, "planned", 9101, "b@planner-tui")],
        )  # fmt: skip
        linked = c.execute("SELECT count(*) FROM interaction WHERE step_id IS NOT NULL").fetchone()[
            0
        ]
        chained = c.execute("SELECT count(*) FROM step WHERE previous_id IS NOT NULL").fetchone()[0]
    assert linked > 0 and chained > 0  # what dropping the old table would have cleared
    before = every_row(path)
    columns = columns_of(path)
    database = open_database(Location(f"sqlite:///{path}", tmp_path))
    try:
        after = every_row(path, columns)
        assert after == before
        with sqlite3.connect(path) as c:
            assert c.execute("PRAGMA foreign_key_check").fetchall() == []
            assert {row[1]: row[3] for row in c.execute("PRAGMA table_info(step)")}[
                "person_id"
            ] == 0  # not null: no longer
            indexes = {row[1] for row in c.execute("PRAGMA index_list(step)")}
        assert {"ix_step_person_id", "ix_step_context_id", "ix_step_uid"} <= indexes
        due = datetime(2026, 12, 5, 10, tzinfo=UTC)
        with database.write() as s:
            wall = people.create_context(session=s, data={"name": "Climbing wall"})
            toward = steps.create_step(
                session=s,
                data={"context_id": wall.id, "action": "say hello at the wall", "due_at": due},
            )
            new = steps.create_step(session=s, data={"action": "try a repair café", "due_at": due})
            someone = people.list_people(session=s)[0].id
        assert (toward.person, toward.context, new.person) == ("Climbing wall", "Climbing wall", "")
        with database.write() as s:  # the keys are on: a context's steps lose its label...
            people.delete_context(session=s, context_id=wall.id)
            assert steps.get_step(session=s, step_id=toward.id).context_id is None
            people.delete_person(session=s, person_id=someone)  # ...a person's go with them
            left = s.exec(text(f"SELECT count(*) FROM step WHERE person_id = {someone}")).one()
        assert left == (0,)
    finally:
        database.dispose()
    backups = list((tmp_path / "backups").glob("before-upgrade-0006-*.db"))
    assert len(backups) == 1 and every_row(backups[0]) == before


def test_0008_indexes_last_contact_and_keeps_every_row(tmp_path: Path) -> None:
    """0008 gives each link row a copy of its contact's moment and part of life (and each
    journal mention its day), and the indexes that read last contact from them: every row
    of 0007 stays as it was, the copies are filled in, and new writes keep them true."""
    from datetime import UTC, datetime

    path = fixture_at(
        tmp_path,
        "0007",  # a mention that counts as contact, and one that doesn't
        "INSERT INTO journal_person (entry_id, person_id, counts_as_contact) "
        "SELECT max(journal_entry.id), max(person.id), 1 FROM journal_entry, person",
    )
    with sqlite3.connect(path) as c:  # last contact as 0007 counted it: every link, grouped
        latest_before = dict(
            c.execute(
                "SELECT person_id, max(moment) FROM (SELECT ip.person_id, "
                "substr(i.occurred_at, 1, 19) AS moment FROM interaction_person ip "
                "JOIN interaction i ON i.id = ip.interaction_id UNION ALL SELECT jp.person_id, "
                "e.day || ' 12:00:00' FROM journal_person jp JOIN journal_entry e "
                "ON e.id = jp.entry_id WHERE jp.counts_as_contact) GROUP BY person_id"
            ).fetchall()
        )
    before = every_row(path)
    columns = columns_of(path)
    assert sum(len(before[t]) for t in ("interaction_person", "journal_person")) > 100
    database = open_database(Location(f"sqlite:///{path}", tmp_path))
    try:
        assert every_row(path, columns) == before
        with sqlite3.connect(path) as c:
            unfilled = c.execute(
                "SELECT count(*) FROM interaction_person ip JOIN interaction i "
                "ON i.id = ip.interaction_id WHERE ip.interaction_at IS NOT i.occurred_at "
                "OR ip.interaction_context_id IS NOT i.context_id"
            ).fetchone()[0]
            undated = c.execute(
                "SELECT count(*) FROM journal_person jp JOIN journal_entry e "
                "ON e.id = jp.entry_id WHERE jp.entry_day IS NOT e.day"
            ).fetchone()[0]
            indexes = {
                row[1]
                for table in ("interaction_person", "journal_person", "interaction")
                for row in c.execute(f"PRAGMA index_list({table})")
            }
            triggers = {
                n for (n,) in c.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            }
        assert (unfilled, undated) == (0, 0)
        assert {
            "ix_interaction_person_latest",
            "ix_interaction_person_untagged",
            "ix_journal_person_contact",
            "ix_interaction_context_occurred",
        } <= indexes
        assert "ix_interaction_context_id" not in indexes  # the new one starts with it
        assert {"interaction_person_copy", "interaction_moved", "journal_entry_moved"} <= triggers
        with database.session() as s:
            latest = people.last_contacts(s)
        assert latest_before and len(latest) == len(latest_before)
        for pid, moment in latest.items():
            # the mention is on the fixture's last day, 23 November: local noon is 12:00 UTC
            assert moment.strftime("%Y-%m-%d %H:%M:%S") == latest_before[pid], pid
        with database.session() as s:
            someone = people.list_people(session=s)[0].id
        moment = datetime(2027, 1, 2, 10, tzinfo=UTC)
        with database.write() as s:
            people.log_interaction(session=s, data={"occurred_at": moment, "person_ids": [someone]})
        with database.session() as s:
            assert people.last_contacts(s, [someone]) == {someone: moment}
    finally:
        database.dispose()
    backups = list((tmp_path / "backups").glob("before-upgrade-0007-*.db"))
    assert len(backups) == 1 and every_row(backups[0]) == before


def test_0009_adds_the_learning_answers_and_keeps_every_row(tmp_path: Path) -> None:
    """0009 adds a step's appreciation guess and response and whether it was made smaller:
    every earlier row stays as it was, with none of the answers and not made smaller; then
    a step can carry them."""
    from datetime import UTC, datetime

    from planner_tui.services import learning, steps

    path = fixture_at(tmp_path, "0008")
    before = every_row(path)
    columns = columns_of(path)
    assert "shrunk" not in columns["step"]
    database = open_database(Location(f"sqlite:///{path}", tmp_path))
    try:
        assert every_row(path, columns) == before
        with sqlite3.connect(path) as c:
            added = c.execute(
                "SELECT count(*), count(appreciation_forecast), count(appreciation_response), "
                "sum(shrunk) FROM step"
            ).fetchone()
            indexes = {row[1] for row in c.execute("PRAGMA index_list(step)")}
        assert added[0] > 0 and added[1:] == (0, 0, 0)
        assert "ix_step_resolved_at" in indexes
        with database.write() as s:
            someone = people.list_people(session=s)[0].id
            step = steps.create_step(session=s, data={
                "person_id": someone, "action": "call", "appreciation_forecast": 2,
                "shrunk": True, "due_at": datetime(2026, 11, 20, 18, tzinfo=UTC)})  # fmt: skip
            steps.record_outcome(session=s, step_id=step.id,
                                 outcome={"status": "done", "appreciation_response": 4})  # fmt: skip
        with database.session() as s:
            assert learning.person_appreciation(session=s, person_id=someone).count == 1
    finally:
        database.dispose()
    backups = list((tmp_path / "backups").glob("before-upgrade-0008-*.db"))
    assert len(backups) == 1 and every_row(backups[0]) == before


def test_0010_adds_experiments_and_keeps_every_row(tmp_path: Path) -> None:
    """0010 adds the experiment table, empty; every earlier row stays as it was, and an
    experiment tied to a tag can be started and ended on the upgraded database."""
    from datetime import date

    from planner_tui.services import experiments

    path = fixture_at(tmp_path, "0009")
    before = every_row(path)
    columns = columns_of(path)
    assert "experiment" not in before
    database = open_database(Location(f"sqlite:///{path}", tmp_path))
    try:
        assert every_row(path, columns) == before
        assert every_row(path)["experiment"] == []
        with database.write() as s:
            started = experiments.start_experiment(
                session=s,
                data={"name": "walk on Thursdays", "tag": "walk", "starts": date(2026, 11, 5),
                      "weeks": 3},
                today=date(2026, 11, 5),
            )  # fmt: skip
        assert started.ends == date(2026, 11, 25)
        with database.write() as s:
            ended = experiments.end_experiment(
                session=s, experiment_id=started.id, today=date(2026, 11, 12)
            )
        assert ended.ended_on == date(2026, 11, 12) and ended.last_day == date(2026, 11, 12)
    finally:
        database.dispose()
    backups = list((tmp_path / "backups").glob("before-upgrade-0009-*.db"))
    assert len(backups) == 1 and every_row(backups[0]) == before


def test_0011_indexes_the_steps_that_follow_and_keeps_every_row(tmp_path: Path) -> None:
    """0011 adds two indexes on steps (what followed a step; a status's steps by time) and
    changes no row."""

    path = fixture_at(tmp_path, "0010")
    before = every_row(path)
    open_database(Location(f"sqlite:///{path}", tmp_path)).dispose()
    assert every_row(path) == before
    with sqlite3.connect(path) as connection:
        indexes = {row[0]: row[1] for row in connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'step'")}  # fmt: skip
    connection.close()
    assert "(previous_id)" in indexes["ix_step_previous_id"]
    assert "(status, due_at)" in indexes["ix_step_status_due_at"]


NUMBERED = sorted(name for name, table in SQLModel.metadata.tables.items()
                  if [column.name for column in table.primary_key] == ["id"])  # fmt: skip
"""The tables whose rows have numbers."""


def sqlite_schema(path: Path, kind: str) -> dict[str, str]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT name, sql FROM sqlite_master WHERE type = ?", (kind,))
        found = dict(rows.fetchall())
    connection.close()
    return found


def test_0012_never_gives_a_number_twice_and_keeps_every_row(tmp_path: Path) -> None:
    """0012 rebuilds the tables whose rows have numbers with AUTOINCREMENT: every row and
    number stays, the triggers (the journal's search, the copies of last contact) come back
    and work, and numbers go on from the highest ever given, even once it is deleted."""
    path = fixture_at(tmp_path, "0011")
    before, triggers = every_row(path), sqlite_schema(path, "trigger")
    assert len(NUMBERED) == 11 and len(triggers) == 9
    database = open_database(Location(f"sqlite:///{path}", tmp_path))
    try:
        assert every_row(path) == before
        assert sqlite_schema(path, "trigger") == triggers
        tables = sqlite_schema(path, "table")
        assert [name for name in NUMBERED if "AUTOINCREMENT" not in tables[name]] == []
        with database.write() as s:
            newest = max(p.id for p in people.list_people(session=s, include_archived=True))
            people.delete_person(session=s, person_id=newest)
            again = people.create_person(session=s, data={"name": "Someone new"})
            journal.save_entry(session=s, data={"day": date(2026, 11, 2), "body": "kestrel"})
        assert again.id == newest + 1
        with database.session() as s:  # the search index's triggers work on the new table
            hits = journal.search(session=s, query=journal.SearchQuery("kestrel"))
            assert [h.entry.body for h in hits] == ["kestrel"]
    finally:
        database.dispose()


def test_a_new_database_never_gives_a_number_twice(tmp_path: Path) -> None:
    """A new database has AUTOINCREMENT from the start (its tables are not rebuilt)."""
    open_database(Location(f"sqlite:///{tmp_path / 'planner.db'}", tmp_path)).dispose()
    tables = sqlite_schema(tmp_path / "planner.db", "table")
    assert [name for name in NUMBERED if "AUTOINCREMENT" not in tables[name]] == []
