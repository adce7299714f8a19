"""Shared fixtures: a frozen clock, and databases on SQLite and (when available) PostgreSQL.

PostgreSQL tests use ``PLANNER_TUI_TEST_PG_URL`` (``scripts/pg-test-server`` starts one).
Without it they are skipped locally — but under CI a missing server is a failure.
"""

from __future__ import annotations

import os
import runpy
import shutil
import tempfile
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

# No network, anywhere: this process and every one it starts load tests/support/sitecustomize,
# which writes any network attempt to NETWORK_LOG; the session fails if anything was written.
SUPPORT = Path(__file__).with_name("support")
NETWORK_LOG = Path(tempfile.gettempdir()) / f"planner-tui-network-{os.getpid()}.log"
os.environ["PLANNER_TUI_NETWORK_LOG"] = str(NETWORK_LOG)
os.environ["PYTHONPATH"] = os.pathsep.join(
    [str(SUPPORT), *filter(None, [os.environ.get("PYTHONPATH")])]
)
NETWORK_LOG.unlink(missing_ok=True)
runpy.run_path(str(SUPPORT / "sitecustomize.py"))  # the same audit hook, in this process


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if NETWORK_LOG.exists() and NETWORK_LOG.read_text(encoding="utf-8").strip():
        print(f"\nNETWORK ACCESS during the tests (see {NETWORK_LOG}):")
        print(NETWORK_LOG.read_text(encoding="utf-8")[:4000])
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


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
