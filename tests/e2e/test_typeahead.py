"""Keys sent in one burst (tmux send-keys of a whole sequence, as a fast typist or a paste
of keys would) do what they do when typed slowly; pasted text arrives whole and in order."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest

from planner_tui import clock
from planner_tui.db.engine import Database
from planner_tui.services import drafts, people
from planner_tui.ui.app import FIRST_RUN_KEY

from .test_tmux import Terminal, Tmux, launch

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(600)]


def someone_to_reach(db: Database, name: str) -> None:
    """*name*, hoped for weekly and last in touch three weeks before the launch's now: the
    wizard suggests them first."""
    with db.write() as s:
        drafts.set_setting(session=s, key=FIRST_RUN_KEY, value=True)
        person = people.create_person(
            session=s, data={"name": name, "circle": "inner", "cadence_days": 7}
        )
        when = datetime(2026, 11, 1, 10, 0, tzinfo=clock.local_zone())
        people.log_interaction(session=s, data={"person_ids": [person.id], "occurred_at": when})


def opened_on_today(tmux: Tmux, home: Path) -> Terminal:
    term = launch(tmux, "typeahead", home)
    term.wait_below("People you might like to reach", "Mira")  # Today, with its data
    return term


def test_the_readmes_wizard_keys_in_one_burst_plan_the_step(
    tmux: Tmux, sqlite_db: Database
) -> None:
    someone_to_reach(sqlite_db, "Mira")
    term = opened_on_today(tmux, sqlite_db.location.home)
    # The README's common case, sent as one burst: every key after `s` arrives while the
    # wizard is still opening and reading who there is.
    term.keys("s", "Enter", "Enter", "Down", "Down", "Enter", "Enter", "Enter", "Enter")
    term.wait_for("Planned")  # the toast
    shown = term.wait_below("Coming up next", "Tue 24 Nov, 18:00", "send Mira a short message")
    assert "Plan a small step" not in shown  # the wizard has closed


def test_pasted_coloured_text_is_kept_whole_in_order_and_visible_safe(
    tmux: Tmux, sqlite_db: Database
) -> None:
    home = sqlite_db.location.home
    someone_to_reach(sqlite_db, "Mira")
    term = opened_on_today(tmux, home)
    term.keys("m")
    term.wait_for("1 person")
    term.keys("n")
    term.wait_for("Someone in your life")
    pasted = (  # with a direction override and an isolate, as text copied from the web has
        "\x1b[31mRed\x1b[0m Rosa\u202e, a name long enough to pass the parser's look-ahead "
        "\x1b[1mbold\x1b[0m \u2066end\u2069"
    )
    buffer = home / "paste.txt"
    buffer.write_text(pasted, encoding="utf-8")
    term.run("load-buffer", "-b", "typed", str(buffer))
    term.run("paste-buffer", "-p", "-b", "typed", "-t", term.name)
    term.keys("C-s")
    term.wait_for("2 people")
    with closing(sqlite3.connect(f"file:{home / 'planner.db'}?mode=ro", uri=True)) as c:
        names = {row[0] for row in c.execute("SELECT name FROM person")}
    # ESC shows as ␛; the direction marks are left out (as � they were saved in the name)
    saved = pasted.replace("\x1b", "\u241b").replace("\u202e", "").replace("\u2066", "")
    assert names == {"Mira", saved.replace("\u2069", "")}


def test_ctrl_s_sent_with_the_key_that_opens_a_form_gets_its_note_every_time(
    tmux: Tmux, sqlite_db: Database
) -> None:
    """A tab's key, `n` and ctrl+s in one burst, again and again: each time the form opens
    and says what it needs (the form's own first look at its fields used to wipe the note
    from the second time on)."""
    someone_to_reach(sqlite_db, "Mira")
    term = opened_on_today(tmux, sqlite_db.location.home)
    term.keys("m")
    term.wait_for("1 person")
    for tab, heading, note in [("1", "Someone in your life", "Name can't be empty"),
                               ("3", "A part of your life", "The context's name can't be empty")] * 2:  # fmt: skip
        term.keys(tab, "n", "C-s")
        term.wait_for(heading, note)
        term.keys("Escape")
        term.wait_gone(heading)
