"""Shared fixtures: a frozen clock, and databases on SQLite and (when available) PostgreSQL.

PostgreSQL tests use ``PLANNER_TUI_TEST_PG_URL`` (``scripts/pg-test-server`` starts one).
Without it they are skipped locally — but under CI a missing server is a failure.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from planner_tui import clock
from planner_tui.db.engine import Database, Location, open_database
from planner_tui.db.models import TABLES_IN_ORDER

FROZEN = datetime(2026, 11, 23, 20, 0)  # a Monday evening
PG_URL = os.environ.get("PLANNER_TUI_TEST_PG_URL")


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[datetime]:
    monkeypatch.setenv("TZ", "Europe/London")
    monkeypatch.delenv("PLANNER_TUI_NOW", raising=False)
    clock.freeze(FROZEN)
    yield FROZEN
    clock.freeze(None)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("template")
    database = open_database(Location(f"sqlite:///{home / 'planner.db'}", home))
    database.dispose()
    return home / "planner.db"


def _require_pg() -> str:
    if PG_URL:
        return PG_URL
    if os.environ.get("CI"):
        pytest.fail("CI must provide PostgreSQL: PLANNER_TUI_TEST_PG_URL is not set")
    pytest.skip('no PostgreSQL server (run: eval "$(scripts/pg-test-server)")')


@pytest.fixture(scope="session")
def pg_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    url = _require_pg()
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    name = f"planner_test_{os.getpid()}"
    with admin.connect() as connection:
        connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {name}")
        connection.exec_driver_sql(f"CREATE DATABASE {name}")
    test_url = sa.make_url(url).set(database=name).render_as_string(hide_password=False)
    database = open_database(Location(test_url, tmp_path_factory.mktemp("pghome")))
    yield database
    database.dispose()
    with admin.connect() as connection:
        connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    admin.dispose()


def _truncate(database: Database) -> None:
    names = ", ".join(t.__tablename__ for t in TABLES_IN_ORDER)  # type: ignore[attr-defined]
    with database.engine.begin() as connection:
        connection.exec_driver_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> Iterator[Database]:
    """A migrated, empty database on each engine."""
    if request.param == "sqlite":
        shutil.copy(sqlite_template, tmp_path / "planner.db")
        database = open_database(Location(f"sqlite:///{tmp_path / 'planner.db'}", tmp_path))
        yield database
        database.dispose()
    else:
        database = request.getfixturevalue("pg_database")
        _truncate(database)
        yield database


@pytest.fixture
def sqlite_db(tmp_path: Path, sqlite_template: Path) -> Iterator[Database]:
    """A second, separate SQLite database (beside ``db``)."""
    home = tmp_path / "second"
    home.mkdir()
    shutil.copy(sqlite_template, home / "planner.db")
    database = open_database(Location(f"sqlite:///{home / 'planner.db'}", home))
    yield database
    database.dispose()
