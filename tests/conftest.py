"""Shared fixtures: a frozen clock, and databases on SQLite and (when available) PostgreSQL.

PostgreSQL tests use ``PLANNER_TUI_TEST_PG_URL`` (``scripts/pg-test-server`` starts one).
Without it they are skipped locally — but under CI a missing server is a failure.
"""

from __future__ import annotations

import compileall
import gc
import itertools
import os
import runpy
import shutil
import sys
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import settings
from textual import _wait as textual_wait
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.widgets import Input, TextArea

from planner_tui import clock
from planner_tui.db.engine import Database, Location, open_database
from planner_tui.db.models import TABLES_IN_ORDER

FROZEN = datetime(2026, 11, 23, 20, 0)  # a Monday evening
PG_URL = os.environ.get("PLANNER_TUI_TEST_PG_URL")

# No network, anywhere: this process and every one it starts load tests/support/sitecustomize,
# which writes any network attempt to the file named by PLANNER_TUI_NETWORK_LOG; the run fails
# if anything was written. Under pytest-xdist the controller makes one folder for the run and
# hands it to every worker (workerinput, not the environment: a pytest started *by* a test is a
# run of its own); each process of the run logs there, and the controller checks it at the end.
SUPPORT = Path(__file__).with_name("support")
NETWORK_FOLDER_KEY = "planner_tui_network_folder"
os.environ["PYTHONPATH"] = os.pathsep.join(
    [str(SUPPORT), *filter(None, [os.environ.get("PYTHONPATH")])]
)
runpy.run_path(str(SUPPORT / "sitecustomize.py"))  # the same audit hook, in this process

# Property tests try the same examples on every run: the suite is a gate, and a gate that now
# and then meets a new example fails one run in many for code that did not change. Looking
# for new ones is a run of its own, `python -m pytest --hypothesis-profile=explore`; what it
# finds is fixed, then kept as an @example. No deadline: a loaded machine is not a failure.
settings.register_profile("gate", derandomize=True, deadline=None, database=None)
settings.register_profile("explore", max_examples=1000, deadline=None)
settings.load_profile("gate")


# Compiled modules are kept, even where the shell asks Python not to write them
# (PYTHONDONTWRITEBYTECODE): without them every worker compiled and rewrote the whole suite
# as it collected it (8 s of CPU each, not 3), and every `planner-tui` a test starts compiled
# the app again.
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
SOURCE = Path(__file__).resolve().parents[1] / "src"
PYTHON_COLLECTS = gc.get_threshold()
"""Python's own thresholds, as the app runs with them (the tests run with their own)."""


def pytest_configure(config: pytest.Config) -> None:
    workerinput = getattr(config, "workerinput", None)
    if workerinput is not None:
        folder = Path(workerinput[NETWORK_FOLDER_KEY])
    else:
        folder = Path(tempfile.mkdtemp(prefix="planner-tui-network-"))
        config.stash[_OWN_FOLDER] = folder
        compileall.compile_dir(SOURCE, quiet=2)  # once, before the workers start
    # Python's young collections every 10,000 allocations, not 700, and a full one only after
    # a thousand of those: a full collection walked everything each test before had left
    # (12 % of a screen test's CPU; the run took a third less CPU). The cycles a test makes
    # are collected as it ends; a test of memory collects as Python does
    # (`python_collects_as_usual`).
    gc.set_threshold(10_000, 50, 1_000)
    config.stash[_FOLDER] = folder
    os.environ["PLANNER_TUI_NETWORK_LOG"] = str(folder / f"process-{os.getpid()}.log")


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """pytest-xdist's ``-n auto``: two workers per core. A UI test spends about half its time
    asleep while Pilot waits for the screen to settle, so one worker per core leaves the cores
    half idle."""
    affinity = getattr(os, "sched_getaffinity", None)  # not on macOS
    return 2 * (len(affinity(0)) if affinity else os.cpu_count() or 1)


HEAVY = ("e2e", "ui")
"""Test folders whose tests take seconds each (an app on screen, a real terminal)."""
LIGHT_RUN = 25
"""Light tests in a row, at most, between two heavy modules."""
HEAVY_UNTIL = 0.85
"""How far into a worker's share its heavy tests go: the rest is light ones, so the run
ends on short tests (worksteal evens out what is left)."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under pytest-xdist, each worker's share mixes its kinds of tests, module by module:
    end-to-end tests (mostly waiting for tmux), screen tests (CPU) and light ones (waiting
    for the disk, or for a command they started). In the order collected, each worker began
    with its end-to-end tests, all four at once, and the cores sat half idle for the run's
    first minute; the light ones, left to the end, left them a third idle for its last two.
    ``--dist worksteal`` hands out the collection in equal contiguous slices and lets a
    worker that runs dry take the unstarted half of another's; a heavy test left for the end
    held the whole run up while the other workers sat idle, so each share ends with light
    tests. Every worker computes the same order, as xdist requires."""
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "0"))
    if workers < 2:
        return
    kinds = {kind: [item for item in items if item.path.parent.name == kind] for kind in HEAVY}
    light = [item for item in items if item.path.parent.name not in HEAVY]
    ordered: list[pytest.Item] = []
    left = len(items)
    for worker in range(workers):  # xdist's own slice sizes, in its order
        size = left // (workers - worker)
        left -= size
        e2e = modules(kinds["e2e"][worker::workers])
        # Each worker's end-to-end runs a little apart from the others' (not all at once).
        shift = worker / workers / max(len(e2e), 1)
        heavy = spread(modules(kinds["ui"][worker::workers]), e2e, second_from=shift)
        share = sum(len(module) for module in heavy)
        mine = light[: max(size - share, 0)]
        del light[: max(size - share, 0)]
        ordered += [item for module in spread(heavy, modules(mine, LIGHT_RUN), first_until=HEAVY_UNTIL)
                    for item in module]  # fmt: skip
    items[:] = ordered + light


def modules(items: list[pytest.Item], most: int = 0) -> list[list[pytest.Item]]:
    """*items* in runs of one module each (a module's fixtures are made once a run), each of
    at most *most* tests if given: a module of a thousand light tests, one run, took the
    place of all the heavy ones that would have mixed with it (its fixtures are cheap)."""
    runs = [list(run) for _, run in itertools.groupby(items, key=lambda item: item.path)]
    if not most:
        return runs
    return [run[at : at + most] for run in runs for at in range(0, len(run), most)]


def spread(
    first: list[list[pytest.Item]],
    second: list[list[pytest.Item]],
    first_until: float = 1.0,
    second_from: float = 0.0,
) -> list[list[pytest.Item]]:
    """The runs of both, mixed evenly by how many tests come before each: *first*'s over the
    first *first_until* of the whole, *second*'s over all of it, later by *second_from*."""

    def placed(runs: list[list[pytest.Item]], until: float, kind: int, start: float) -> list[Any]:
        total, done, keyed = sum(len(run) for run in runs) or 1, 0, []
        for run in runs:
            keyed.append((start + (done + len(run) / 2) / total * until, kind, len(keyed), run))
            done += len(run)
        return keyed

    keyed = placed(first, first_until, 0, 0.0) + placed(second, 1.0 - second_from, 1, second_from)
    return [run for *_, run in sorted(keyed, key=lambda key: key[:3])]


_FOLDER = pytest.StashKey[Path]()
_OWN_FOLDER = pytest.StashKey[Path]()


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """pytest-xdist, in the controller: every worker logs into the controller's folder."""
    node.workerinput[NETWORK_FOLDER_KEY] = str(node.config.stash[_FOLDER])


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    folder = session.config.stash.get(_OWN_FOLDER, None)
    if folder is None:
        return  # an xdist worker: the controller reads the folder once every worker is done
    logged = "".join(
        log.read_text(encoding="utf-8", errors="replace") for log in sorted(folder.glob("*"))
    )
    if logged.strip():
        print(f"\nNETWORK ACCESS during the tests (see {folder}):")
        print(logged[:4000])
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    else:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.hookimpl(trylast=True)  # after the test's fixtures are torn down
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    """What a test leaves alive (Textual's caches, the first app's modules) is frozen, so no
    later collection walks it again."""
    gc.collect()
    gc.freeze()


@pytest.fixture
def python_collects_as_usual() -> Iterator[None]:
    """For a test of how much memory something holds: garbage is collected as often as
    Python's defaults have it (the suite's own thresholds let more of it wait)."""
    suite = gc.get_threshold()
    gc.set_threshold(*PYTHON_COLLECTS)
    yield
    gc.set_threshold(*suite)


@pytest.fixture(autouse=True, scope="session")
def steady_cursors() -> Iterator[None]:
    """Text cursors don't blink in tests: a blink shows or hides the cursor by the clock, so a
    snapshot (or a screen read) taken a moment later would differ. Set as the widgets' default,
    so the app's own code is unchanged."""
    with pytest.MonkeyPatch.context() as patch:
        for widget in (Input, TextArea):
            patch.setattr(widget.cursor_blink, "_default", False)
            patch.setattr(widget, "_default_cursor_blink", False)
        yield


@pytest.fixture(autouse=True, scope="session")
def pilot_looks_for_idle_often() -> Iterator[None]:
    """After each key, Pilot sleeps until the app has used almost no CPU for a while: Textual
    looks every 20 ms, so every key cost at least 40 ms asleep, nearly half a screen test's
    time. Here it looks every 5 ms, with the same test of idleness (a twentieth of the
    interval). What a test waits for is unchanged: its keys are handled, and the data it
    asserts on is waited for (``settle``, ``until``). Textual is pinned; a rename fails here."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(textual_wait, "SLEEP_GRANULARITY", 1 / 200)
        patch.setattr(textual_wait, "SLEEP_IDLE", 1 / 200 / 20)
        yield


@pytest.fixture(autouse=True, scope="session")
def css_parsed_once_per_process() -> Iterator[None]:
    """Each app parses the same CSS again, twice (at start, and when its theme is set): an
    eighth of starting an app, and a screen test starts one. Textual already keeps each
    source's parsed rules for the life of one app (they are never changed once parsed); here
    they are kept for the process, per source and CSS variables. The first app of each worker
    parses everything, so CSS that does not parse still fails every screen test."""
    parsed: dict[tuple[Any, ...], list[RuleSet]] = {}
    parse_rules = Stylesheet._parse_rules

    def parse_once(
        self: Stylesheet,
        css: str,
        read_from: Any,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        variables = tuple(sorted(self._variables.items()))
        key = (css, read_from, is_default_rules, tie_breaker, scope, variables)
        if key not in parsed:
            parsed[key] = parse_rules(self, css, read_from, is_default_rules, tie_breaker, scope)
        return parsed[key]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Stylesheet, "_parse_rules", parse_once)
        yield


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
    """A PostgreSQL database as new: every table emptied and its file replaced, so the planner
    sees what a new database's has (tests of query plans), and ids count from 1 again."""
    names = ", ".join(t.__tablename__ for t in TABLES_IN_ORDER)  # type: ignore[attr-defined]
    with database.engine.begin() as connection:
        connection.exec_driver_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")


def _empty(database: Database) -> None:
    """Every table emptied and ids counting from 1 again, as between most tests: deleting the
    few rows a test leaves takes a tenth of TRUNCATE's 26 ms."""
    names = [t.__tablename__ for t in reversed(TABLES_IN_ORDER)]
    with database.engine.begin() as connection:
        sequences = connection.exec_driver_sql(
            "SELECT sequence_name FROM information_schema.sequences"
        ).scalars()
        connection.exec_driver_sql(
            "; ".join(
                [f"DELETE FROM {name}" for name in names]
                + [f"ALTER SEQUENCE {sequence} RESTART" for sequence in sequences]
            )
        )


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
        _empty(database)
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
