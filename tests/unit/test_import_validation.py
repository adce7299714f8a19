"""A JSON export is checked as the forms check what is typed: every bad row is refused with
its table, row and field, in one line, and nothing is written."""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from planner_tui import clock
from planner_tui.db.engine import Database, Location, open_database
from planner_tui.errors import InvalidInput, PlannerError
from planner_tui.services import (
    corrections,
    exchange,
    experiments,
    journal,
    people,
    review,
    steps,
    support,
)
from planner_tui.services.import_rows import ImportRefused
from tests.conftest import FROZEN

Tables = dict[str, list[dict[str, Any]]]


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=clock.local_zone())


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> dict[str, Any]:
    """A small life made through the services, exported: a row or more in every table. Made
    once for the module, on the tests' clock and in their time zone; each test gets a copy."""
    home = tmp_path_factory.mktemp("exported")
    shutil.copy(sqlite_template, home / "planner.db")
    database = open_database(Location(f"sqlite:///{home / 'planner.db'}", home))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", "Europe/London")
        clock.freeze(FROZEN)
        try:
            return _a_small_life_exported(database)
        finally:
            clock.freeze(None)
            database.dispose()


@pytest.fixture
def export(exported: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(exported)


def _a_small_life_exported(sqlite_db: Database) -> dict[str, Any]:
    with sqlite_db.write() as s:
        choir = people.create_context(session=s, data={"name": "Choir", "kind": "hobby"}).id
        ana = people.create_person(
            session=s, data={"name": "Ana", "circle": "inner", "context_ids": [choir]}
        ).id
        ben = people.create_person(session=s, data={"name": "Ben", "cadence_days": 14}).id
        people.add_date(
            session=s, data={"person_id": ana, "label": "birthday", "month": 4, "day": 12}
        )
        weekly = steps.create_step(
            session=s,
            data={"person_id": ana, "action": "call Ana", "due_at": local("2026-11-20T18:00"),
                  "rrule": "FREQ=WEEKLY", "expected_awkwardness": 2},
        )  # fmt: skip
        steps.record_outcome(session=s, step_id=weekly.id, outcome={"status": "done", "warmth": 4})
        people.log_interaction(
            session=s,
            data={"occurred_at": local("2026-11-21T12:00"), "person_ids": [ana, ben],
                  "context_id": choir, "channel": "call"},
        )  # fmt: skip
        journal.save_entry(
            session=s,
            data={"day": date(2026, 11, 22), "body": "Soup with Ana #soup", "mood": 4,
                  "person_ids": [ana], "contact_person_ids": [ana], "context_ids": [choir]},
        )  # fmt: skip
        review.save_loneliness_check(
            session=s,
            data={"month": "2026-11", "lack_companionship": 2, "left_out": 1, "isolated": 2},
        )
        review.save_month_notes(session=s, data={"month": "2026-10", "intentions": ["walk"]})
        support.save_trusted(session=s, contacts=[{"name": "Mum", "reach": "07700 900000"}])
        benny = people.create_person(session=s, data={"name": "Benny"}).id
        corrections.merge_people(session=s, keep_id=ben, other_id=benny)
        experiments.start_experiment(
            session=s,
            data={"name": "A walk on Thursdays", "tag": "walk", "starts": date(2026, 11, 2),
                  "weeks": 4},
            today=date(2026, 11, 23),
        )  # fmt: skip
    with sqlite_db.session() as s:
        document: dict[str, Any] = json.loads(exchange.export_json(session=s))
    tables: Tables = document["tables"]
    assert all(tables[name] for name in tables if name != "app_setting"), tables
    return document


def _set(table: str, row: int, field: str, value: Any) -> Callable[[Tables], None]:
    def change(tables: Tables) -> None:
        tables[table][row - 1][field] = value

    return change


def _drop(table: str, row: int, field: str) -> Callable[[Tables], None]:
    def change(tables: Tables) -> None:
        del tables[table][row - 1][field]

    return change


def _add(table: str, row: dict[str, Any]) -> Callable[[Tables], None]:
    def change(tables: Tables) -> None:
        tables[table].append(row)

    return change


def _copy_name(tables: Tables) -> None:
    tables["context"].append({**tables["context"][0], "id": 7, "name": "CHOIR"})


BAD_ROWS: list[tuple[str, Callable[[Tables], None], str, int, str]] = [
    # what, the change, then the table, row and field the refusal names
    ("a circle that isn't one", _set("person", 2, "circle", "bestie"), "person", 2, "circle"),
    ("a status that isn't one", _set("step", 1, "status", "maybe"), "step", 1, "status"),
    ("a context kind", _set("context", 1, "kind", "gym"), "context", 1, "kind"),
    ("a channel", _set("interaction", 2, "channel", "pigeon"), "interaction", 2, "channel"),
    ("a newline in a step", _set("step", 2, "action", "call\nAna"), "step", 2, "action"),
    ("a NUL in a note", _set("person", 1, "notes", "a\x00b"), "person", 1, "notes"),
    ("a 10,000-character name", _set("person", 1, "name", "A" * 10_000), "person", 1, "name"),
    ("an empty name", _set("context", 1, "name", "  "), "context", 1, "name"),
    ("a 2 MB body", _set("journal_entry", 1, "body", "x" * 2_000_000), "journal_entry", 1,
     "body"),
    ("a missing name", _drop("person", 2, "name"), "person", 2, "name"),
    ("a missing time", _drop("step", 1, "due_at"), "step", 1, "due_at"),
    ("a missing id", _drop("journal_entry", 1, "id"), "journal_entry", 1, "id"),
    ("text for a number", _set("journal_entry", 1, "mood", "very"), "journal_entry", 1, "mood"),
    ("a number for text", _set("person", 1, "name", 42), "person", 1, "name"),
    ("a string for true", _set("person", 1, "archived", "yes"), "person", 1, "archived"),
    ("true for a number", _set("interaction", 1, "warmth", True), "interaction", 1, "warmth"),
    ("a fraction for an id", _set("person", 1, "id", 1.5), "person", 1, "id"),
    ("null where it can't be", _set("person", 1, "nickname", None), "person", 1, "nickname"),
    ("a score out of range", _set("interaction", 1, "warmth", 9), "interaction", 1, "warmth"),
    ("a day that isn't one", _set("journal_entry", 1, "day", "31 Feb"), "journal_entry", 1,
     "day"),
    ("a time without a zone", _set("step", 1, "due_at", "2026-11-20T18:00:00"), "step", 1,
     "due_at"),
    ("a time off the calendar", _set("step", 1, "due_at", "0001-01-01T00:30:00+01:00"),
     "step", 1, "due_at"),
    ("an unreadable repeat", _set("step", 1, "rrule", "FREQ=SOMETIMES"), "step", 1, "rrule"),
    # What the forms refuse, an import refused too (nu128: both went in).
    ("a repeat each minute", _set("step", 1, "rrule", "FREQ=MINUTELY"), "step", 1, "rrule"),
    ("a repeat each hour", _set("step", 1, "rrule", "FREQ=HOURLY"), "step", 1, "rrule"),
    ("no reply from a place", lambda t: t["step"][0].update(person_id=None, context_id=1,
     status="no_reply"), "step", 1, "status"),
    ("a check-in of a day to come", _set("journal_entry", 1, "day", "2099-01-01"),
     "journal_entry", 1, "day"),
    ("a month that isn't one", _set("loneliness_check", 1, "month", "November"),
     "loneliness_check", 1, "month"),
    ("a tag of two words", _set("journal_tag", 1, "tag", "two words"), "journal_tag", 1, "tag"),
    ("four intentions", _set("month_review", 1, "intentions", ["a", "b", "c", "d"]),
     "month_review", 1, "intentions"),
    ("an unknown person", _set("interaction_person", 2, "person_id", 999),
     "interaction_person", 2, "person_id"),
    ("an unknown context", _set("interaction", 2, "context_id", 999), "interaction", 2,
     "context_id"),
    ("an unknown step", _set("step", 2, "previous_id", 999), "step", 2, "previous_id"),
    # An export lists a step after the one before it: a database refused this one raw.
    ("a step after a later one", _set("step", 1, "previous_id", 2), "step", 1, "previous_id"),
    ("a step after itself", _set("step", 2, "previous_id", 2), "step", 2, "previous_id"),
    ("an unknown entry", _set("journal_tag", 1, "entry_id", 999), "journal_tag", 1, "entry_id"),
    ("an id twice", _set("person", 2, "id", 1), "person", 2, "id"),
    ("a context name twice", _copy_name, "context", 2, "name"),
    ("a link twice", _add("person_context", {"person_id": 1, "context_id": 1}),
     "person_context", 2, "context_id"),
    ("a contact with no one", lambda t: t["interaction_person"].clear(), "interaction", 1,
     "person_ids"),
    ("a column that isn't one", _set("person", 1, "colour", "blue"), "person", 1, "colour"),
    ("a column on two lines", _set("person", 1, "a\nb", "x"), "person", 1, "a?b"),
    ("a row that isn't an object", lambda t: t["step"].__setitem__(0, ["x"]), "step", 1, ""),
    ("text that isn't Unicode", _set("person", 1, "notes", "\ud800"), "person", 1, "notes"),
    ("a thirteenth month", _set("person_date", 1, "month", 13), "person_date", 1, "month"),
    ("31 April", _set("person_date", 1, "day", 31), "person_date", 1, "day"),
    ("29 February 2001", lambda t: t["person_date"][0].update(month=2, day=29, year=2001),
     "person_date", 1, "day"),
    ("a date's label on two lines", _set("person_date", 1, "label", "a\nb"), "person_date", 1,
     "label"),
    ("a date of no one", _set("person_date", 1, "person_id", 999), "person_date", 1,
     "person_id"),
    ("an alias on two lines", _set("person_alias", 1, "name", "a\nb"), "person_alias", 1,
     "name"),
    ("an alias of no one", _set("person_alias", 1, "person_id", 999), "person_alias", 1,
     "person_id"),
    ("an experiment over before it starts", _set("experiment", 1, "ends", "2026-11-01"),
     "experiment", 1, ""),
    ("an experiment's tag of two words", _set("experiment", 1, "tag", "two words"),
     "experiment", 1, "tag"),
    ("an experiment with no name", _set("experiment", 1, "name", " "), "experiment", 1,
     "name"),
    ("six trusted people", lambda t: t["trusted_contact"].extend(
        {"id": n, "name": f"P{n}", "reach": "", "position": n} for n in range(2, 7)),
     "trusted_contact", 6, ""),
]  # fmt: skip


def contents(db: Database) -> Any:
    with db.session() as s:
        return json.loads(exchange.export_json(session=s))["tables"]


@pytest.mark.parametrize(
    ("change", "table", "row", "field"),
    [pytest.param(*case[1:], id=case[0]) for case in BAD_ROWS],
)
def test_a_bad_row_refuses_the_whole_import_and_writes_nothing(
    db: Database,
    export: dict[str, Any],
    change: Callable[[Tables], None],
    table: str,
    row: int,
    field: str,
) -> None:
    document = copy.deepcopy(export)
    change(document["tables"])
    before = contents(db)
    with pytest.raises(ImportRefused) as caught, db.write() as s:
        exchange.import_json(session=s, text=json.dumps(document))
    refused = caught.value
    message = str(refused)
    assert (refused.table, refused.row, refused.field) == (table, row, field or None), message
    assert message.startswith(f"{table} row {row}" + (f", {field}: " if field else ": ")), message
    assert "\n" not in message and len(message) < 300, message  # one line; the value isn't echoed
    assert isinstance(refused, PlannerError) and refused.exit_code == 1
    assert contents(db) == before


def test_the_same_export_goes_in_whole(db: Database, export: dict[str, Any]) -> None:
    with db.write() as s:
        counts = exchange.import_json(session=s, text=json.dumps(export))
    assert counts["person"] == 2 and counts["step"] == 2 and counts["journal_tag"] == 1
    assert contents(db) == export["tables"]


@pytest.mark.parametrize(
    ("version", "words"),
    [
        (2, "format version 2, from a newer planner-tui"),
        (37, "format version 37, from a newer planner-tui"),
        ("1", "format version, '1', is not one"),
        (True, "format version, 'True', is not one"),
        (0, "format version, '0', is not one"),
        (None, "format version, 'None', is not one"),
    ],
)
def test_a_format_version_it_does_not_read_is_refused_by_name(
    db: Database, export: dict[str, Any], version: Any, words: str
) -> None:
    document = {**export, "version": version}
    before = contents(db)
    with pytest.raises(InvalidInput, match=words) as caught, db.write() as s:
        exchange.import_json(session=s, text=json.dumps(document))
    assert "reads version 1" in str(caught.value)
    assert contents(db) == before


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"format": "planner-tui", "version": 1, "tables": {"person": [{"id": NaN}]}}',
         "NaN is not a number"),
        ('{"format": "planner-tui", "version": 1, "tables": {"draft": []}}',
         "table this planner-tui doesn't know: 'draft'"),
        ('{"format": "planner-tui", "version": 1, "tables": {"person": {}}}', "not a list"),
        ('{"format": "planner-tui", "version": 1, "tables": []}', "no tables"),
    ],
)  # fmt: skip
def test_files_that_are_not_exports_are_refused_in_one_line(
    db: Database, text: str, words: str
) -> None:
    with pytest.raises(InvalidInput, match=words) as caught, db.write() as s:
        exchange.import_json(session=s, text=text)
    assert "\n" not in str(caught.value)
