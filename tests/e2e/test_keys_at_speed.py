"""Keys as a real terminal sends them, fast: the README's wizard keys in one burst, again
and again; Escape with the next letter in the same read; ctrl+q straight after typing."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from planner_tui.db.engine import Database

from .test_tmux import Tmux, draft_holds, launch
from .test_typeahead import someone_to_reach

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(600)]

RUNS = 6
"""How often the README's sequence is sent (a lost key showed in about 3 runs of 20)."""


def saved_steps(home: Path) -> list[tuple[str, str]]:
    """(action, due_at) of every step saved, oldest first (read-only)."""
    try:
        with closing(sqlite3.connect(f"file:{home / 'planner.db'}?mode=ro", uri=True)) as c:
            return list(c.execute("SELECT action, due_at FROM step ORDER BY id"))
    except sqlite3.Error:
        return []


def test_the_readmes_wizard_keys_in_one_burst_each_time_plan_tomorrow_6pm(
    tmux: Tmux, sqlite_db: Database
) -> None:
    home = sqlite_db.location.home
    someone_to_reach(sqlite_db, "Mira")
    term = launch(tmux, "burst", home)
    term.wait_below("People you might like to reach", "Mira")
    for run in range(1, RUNS + 1):
        term.keys("s", "Enter", "Enter", "Down", "Down", "Enter", "Enter", "Enter", "Enter")
        term.wait_until(
            lambda _shown: len(saved_steps(home)) == 1 and "Plan a small step" not in _shown,
            f"run {run}: the step was not saved and the wizard closed",
        )
        action, due = saved_steps(home)[-1]
        assert action == "send Mira a short message", run
        assert due.startswith("2026-11-24 18:00"), (run, due)
        # Taken away again, so the next run plans it afresh (a second, identical step
        # would ask first: 'Already planned').
        with closing(sqlite3.connect(home / "planner.db")) as c, c:
            c.execute("DELETE FROM step")


def test_escape_sent_with_a_letter_closes_the_wizard_then_the_letter_goes_on(
    tmux: Tmux, sqlite_db: Database
) -> None:
    """`send-keys Escape m` arrives as ESC m in one read, as a fast typist's would: it was
    read as alt+m, so the wizard stayed open and the Map never came."""
    someone_to_reach(sqlite_db, "Mira")
    term = launch(tmux, "escape", sqlite_db.location.home)
    term.wait_below("People you might like to reach", "Mira")
    term.keys("s")
    term.wait_for("Plan a small step", "past your rhythm")
    term.keys("Escape", "m")
    shown = term.wait_for("1 person")  # the Map, with its data
    assert "Plan a small step" not in shown


def test_escape_sent_with_enter_closes_the_check_in_and_keeps_the_draft(
    tmux: Tmux, sqlite_db: Database
) -> None:
    """`send-keys Escape Enter`: ESC and Enter in one read were Enter alone, so the check-in
    was saved where it was meant to be closed and kept as a draft (Enter on the question's
    first answer)."""
    home = sqlite_db.location.home
    someone_to_reach(sqlite_db, "Mira")
    term = launch(tmux, "escape-enter", home)
    term.wait_below("People you might like to reach", "Mira")
    term.keys("c")
    term.wait_for("Today's check-in", "Monday 23 November 2026")
    term.keys("4")  # the cursor starts in the first scale
    term.keys("Escape", "Enter")
    term.wait_for("Started and kept as a draft")  # Today, and what it says of the check-in
    assert any_draft_holds(home, "", '"connectedness": "4"')
    with closing(sqlite3.connect(f"file:{home / 'planner.db'}?mode=ro", uri=True)) as c:
        assert c.execute("SELECT count(*) FROM journal_entry").fetchone() == (0,)


@pytest.mark.parametrize("page", ["who", "what", "when", "check-in"])
def test_ctrl_q_straight_after_typing_keeps_the_draft(
    tmux: Tmux, sqlite_db: Database, page: str
) -> None:
    """ctrl+q well within the pause after which a draft is written: the words typed on
    any page of the wizard are kept (as the check-in's are)."""
    home = sqlite_db.location.home
    someone_to_reach(sqlite_db, "Mira")
    term = launch(tmux, page, home)
    term.wait_below("People you might like to reach", "Mira")
    key = "step:new"
    typed = "walk by the river"
    if page == "check-in":
        term.keys("c")
        term.wait_for("Today's check-in", "Monday 23 November 2026")
        term.keys("BTab", "End")  # up to the day's field, after "today"
        key = ""
    else:
        term.keys("s")
        term.wait_for("Plan a small step", "past your rhythm")
        if page in ("what", "when"):
            term.keys("Enter")
            term.wait_for("What small thing?")
        if page == "when":
            term.keys("Enter")
            term.wait_for("When? e.g.")
            typed = "tomorrow 7pm"
    term.keys("-l", typed)
    term.keys("C-q")
    term.wait_gone("Mira")  # closed
    term.wait_until(lambda _shown: any_draft_holds(home, key, typed),
                    "the words typed were not kept", timeout=20)  # fmt: skip


def any_draft_holds(home: Path, key: str, words: str) -> bool:
    """Whether a draft (*key*, or any when empty) in *home*'s database holds *words*."""
    if key:
        return draft_holds(home, key, words)
    try:
        with closing(sqlite3.connect(f"file:{home / 'planner.db'}?mode=ro", uri=True)) as c:
            rows = c.execute("SELECT payload FROM draft").fetchall()
    except sqlite3.Error:
        return False
    return any(words in row[0] for row in rows)
