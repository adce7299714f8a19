"""Killed at any moment, nothing saved is lost: a writer process saves journal entries and
drafts as fast as it can and is killed with SIGKILL at random moments, again and again.
After every kill the file passes SQLite's integrity check, every entry the writer reported
as saved is there, and so is the latest draft it reported."""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from planner_tui.db.engine import Location, open_database

pytestmark = pytest.mark.e2e

KILLS = 30
WRITER = """
import os
import sys
from datetime import date, timedelta
from pathlib import Path

from planner_tui.db.engine import Location, open_database
from planner_tui.services import drafts, journal


def write(home, n, out):
    database = open_database(Location(f"sqlite:///{home / 'planner.db'}", home))
    print("ready", file=out, flush=True)
    while True:
        with database.write() as s:
            journal.save_entry(session=s, data={
                "day": date(2000, 1, 1) + timedelta(days=n), "body": f"entry {n} " + "é" * (n % 700),
                "mood": n % 5 + 1, "tags": [f"t{n % 7}"]})
        print(f"saved {n}", file=out, flush=True)
        with database.write(changes_data=False) as s:
            drafts.save_draft(session=s, key="journal:new", payload={"body": f"draft {n}"})
        print(f"draft {n}", file=out, flush=True)
        n += 1


# Each writer is a fork of this process, its modules already loaded: a writer of its own
# each time, without paying Python's start and the imports thirty times over.
for line in sys.stdin:
    home, n, fifo = line.rstrip("\\n").split("\\t")
    pid = os.fork()
    if pid == 0:
        try:
            write(Path(home), int(n), open(fifo, "w", encoding="utf-8"))
        finally:
            os._exit(1)
    print(pid, flush=True)
    os.waitpid(pid, 0)  # killed by the test
"""


def test_sigkill_at_random_moments_loses_nothing_that_was_saved(tmp_path: Path) -> None:
    open_database(Location(f"sqlite:///{tmp_path / 'planner.db'}", tmp_path)).dispose()
    rng = random.Random(7)
    saved: set[int] = set()
    last_draft = -1
    following = 0
    forks = subprocess.Popen(
        [sys.executable, "-c", WRITER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert forks.stdin is not None and forks.stdout is not None
    try:
        for kill in range(KILLS):
            fifo = tmp_path / f"writer-{kill}"
            os.mkfifo(fifo)
            forks.stdin.write(f"{tmp_path}\t{following}\t{fifo}\n")
            forks.stdin.flush()
            writer = int(forks.stdout.readline())
            with fifo.open(encoding="utf-8") as out:
                assert out.readline().strip() == "ready"
                # Killed once it has saved a few entries (however slow the machine), at a
                # random moment after that: mid-transaction, mid-draft or between the two.
                seen = [out.readline() for _ in range(rng.randint(1, 6))]
                time.sleep(rng.uniform(0.0, 0.02))
                os.kill(writer, signal.SIGKILL)
                output = "".join(seen) + out.read()
            saved |= {int(n) for n in re.findall(r"saved (\d+)", output)}
            drafts = [int(n) for n in re.findall(r"draft (\d+)", output)]
            last_draft = max([last_draft, *drafts])
            following = max(saved, default=-1) + 2  # a gap: an entry cut off may or may not be in

            with sqlite3.connect(tmp_path / "planner.db") as c:
                assert c.execute("PRAGMA integrity_check").fetchone() == ("ok",)
                bodies = {row[0].split()[1] for row in c.execute("SELECT body FROM journal_entry")}
                draft = c.execute("SELECT payload FROM draft WHERE key = 'journal:new'").fetchone()
            assert {str(n) for n in saved} <= bodies
            if last_draft >= 0:
                assert draft is not None
                assert int(re.findall(r"draft (\d+)", draft[0])[0]) >= last_draft
    finally:
        forks.kill()
        forks.wait()
    # The app opens the file afterwards as if nothing happened.
    database = open_database(Location(f"sqlite:///{tmp_path / 'planner.db'}", tmp_path))
    database.dispose()
    print(f"survived {KILLS} kills; {len(saved)} acknowledged entries all present")
    assert len(saved) > KILLS  # the writer really was writing when it was killed
