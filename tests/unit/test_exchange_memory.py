"""Exports stream: however long the history, what an export holds at once is a chunk of
rows, never the whole document (100 years of JSON is 190 MB). Measured as Python's own
allocations (tracemalloc), not time, on one year and on four: streamed, the most held at
once stays the same; a regression — a whole table read, a list of every id, the text joined
before it is written — grows with the years, and costs at least the document itself."""

from __future__ import annotations

import shutil
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlmodel import Session

from planner_tui.db.engine import Database, Location, open_database
from planner_tui.services import demo, exchange

pytestmark = pytest.mark.usefixtures("python_collects_as_usual")

SMALL_CHUNK = 50
"""Rows at a time in this test: a chunk is a few kilobytes of text, the documents MBs."""

Pieces = Callable[[Session], Iterator[str]]
KINDS: dict[str, Pieces] = {
    "json": lambda s: exchange.export_json_pieces(session=s),
    "markdown": lambda s: exchange.export_markdown_pieces(session=s),
}


@pytest.fixture(scope="module")
def years(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Iterator[
    dict[int, Database]
]:  # fmt: skip
    """Demo data of one year and of four, each in its own SQLite database."""
    made = {}
    for count in (1, 4):
        home = tmp_path_factory.mktemp(f"demo{count}")
        shutil.copy(sqlite_template, home / "planner.db")
        made[count] = open_database(Location(f"sqlite:///{home / 'planner.db'}", home))
        with made[count].write() as s:
            demo.generate(session=s, years=count, seed=1)
    yield made
    for database in made.values():
        database.dispose()


def peak_while_written(db: Database, pieces: Pieces, path: Path) -> tuple[int, int]:
    """The export written to *path* through the one atomic writer: (the most Python held at
    once above what it held before, the file's size). A first run fills the caches every
    query and model fills once (not the export's to keep), so the second is measured."""
    with db.session() as s:
        exchange.write_file(path, pieces(s))
        tracemalloc.start()
        try:
            before, _ = tracemalloc.get_traced_memory()
            tracemalloc.reset_peak()
            exchange.write_file(path, pieces(s))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    return peak - before, path.stat().st_size


@pytest.mark.parametrize("kind", list(KINDS))
def test_an_export_holds_the_same_for_four_years_as_for_one(
    years: dict[int, Database], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    monkeypatch.setattr(exchange, "CHUNK", SMALL_CHUNK)
    one, one_size = peak_while_written(years[1], KINDS[kind], tmp_path / f"1.{kind}")
    four, four_size = peak_while_written(years[4], KINDS[kind], tmp_path / f"4.{kind}")
    assert four_size > 3.5 * one_size > 1_500_000  # four times the text, megabytes of it
    # Held whole, a document costs at least its own size, so four years would hold four
    # times what one does; streamed, both hold a chunk's worth.
    assert four < 2 * one, f"held {four:,} bytes at once for 4 years, {one:,} for 1"
    assert four < four_size / 2, f"held {four:,} bytes at once for a {four_size:,}-byte file"


def test_small_chunks_change_nothing_but_memory(
    years: dict[int, Database], monkeypatch: pytest.MonkeyPatch
) -> None:
    with years[1].session() as s:
        whole = exchange.export_json(session=s), exchange.export_markdown(session=s)
    monkeypatch.setattr(exchange, "CHUNK", 7)
    with years[1].session() as s:
        assert (exchange.export_json(session=s), exchange.export_markdown(session=s)) == whole
