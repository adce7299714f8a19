"""Every view fits 80×24 and 120×40 (issue 16, part 3), in a real terminal: tmux runs the
installed command on a year of sample life (`planner-tui demo`), and each test reads the
screen for what matters in that view — Help and Quit, the view's own first keys and (at
120) every view's key in the footer; today in the journal's strip; the month reviewed in the
twelve-month table; every shape in the circles' legend; the drifting mark; whole labels and
help lines; at 80×24 someone's page, a long name on the Map, every answer of a question
and the search's hint, none cut."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from .test_tmux import Terminal, Tmux, a_copy, installed_command, launch

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(600)]

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
ALWAYS = ("? Help", "q Quit")
VIEW_KEYS = ("t Today", "m Map", "p Plan", "j Journal", "r Review")


@pytest.fixture(scope="module")
def sample_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A year of sample life, made once for every test here (each opens a copy)."""
    home = tmp_path_factory.mktemp("fit") / "home"
    subprocess.run(
        [installed_command(), "--home", str(home), "demo", "--years", "1"],
        capture_output=True, text=True, check=True, timeout=600,
        env={**os.environ, "PLANNER_TUI_NOW": "2026-11-23T20:00:00", "TZ": "Europe/London"},
    )  # fmt: skip
    return home


def shows(term: Terminal, *words: str, footer: str = "q Quit") -> str:
    """The screen once all of *words* are on it, drawn whole (its last line is the footer
    — a view's ends with Quit, a dialog's names its own keys, *footer*: a frame drawn before
    the footer was doesn't count)."""

    def ready(shown: str) -> bool:
        lines = shown.splitlines()
        return bool(lines) and footer in lines[-1] and all(w in shown for w in words)

    return settled(term, ready, f"{words!r} never all appeared at full size")


def settled(term: Terminal, ready: Callable[[str], bool], what: str) -> str:
    """The screen once *ready* holds and the next read is the same: a frame read while it
    was still being written had the new view's top above the last view's rest (a person's
    page without its last lines, the Map over Today's footer)."""
    shown = term.wait_until(ready, what)
    while True:
        time.sleep(0.1)  # a read apart (tmux's own poll), so a frame being written ends
        again = term.wait_until(ready, what)
        if again == shown:
            return shown
        shown = again


def below(term: Terminal, heading: str, *words: str) -> str:
    """What :func:`shows` shows below *heading*, once all of *words* are there."""

    def ready(shown: str) -> bool:
        lines = shown.splitlines()
        after = shown.split(heading, 1)[1] if heading in shown else ""
        return bool(lines) and "q Quit" in lines[-1] and all(w in after for w in words)

    return settled(term, ready, f"{words!r} never appeared below {heading!r}").split(heading, 1)[1]


def opened(
    tmux: Tmux,
    home: Path,
    tmp_path: Path,
    size: tuple[int, int],
    change: Callable[[sqlite3.Connection], object] | None = None,
) -> Terminal:
    """The app on a copy of the sample life (*change* first changes the copy), past the
    first-run notice."""
    copy = a_copy(home, tmp_path)
    if change is not None:
        with closing(sqlite3.connect(copy / "planner.db")) as db, db:
            change(db)
    term = launch(tmux, "fit", copy, size=size)
    term.wait_for("Before you begin")
    term.press("Enter")
    # Past the notice, not only drawn beside it: a key sent while it closes is lost.
    term.wait_gone("Before you begin")
    shows(term, "Monday 23 November 2026")
    return term


def fits(shown: str, size: tuple[int, int], *own: str, view: bool = True) -> list[str]:
    """The screen's lines, checked to be within the terminal, with the footer keeping what
    it must: in a view, Help, Quit and the view's own first keys *own* — and at 120 columns
    every view's key; over a dialog, the dialog's own keys *own*."""
    width, height = size
    lines = shown.splitlines()
    assert len(lines) <= height and all(len(line) <= width for line in lines)
    footer = lines[-1]
    assert all(key in footer for key in own), footer
    if view:
        assert all(key in footer for key in ALWAYS), footer
        if width >= 120:
            assert all(key in footer for key in VIEW_KEYS), footer
    assert "Traceback" not in shown
    return lines


def flowing(lines: list[str], frame: str = "") -> str:
    """The words on *lines* as one line, however they were wrapped; with *frame*, only
    those inside a dialog drawn with that character on each side."""
    if frame:
        lines = [line[line.index(frame) + 1 : line.rindex(frame)]
                 for line in lines if line.count(frame) >= 2]  # fmt: skip
    return " ".join(" ".join(line.split()) for line in lines)


@pytest.mark.parametrize("size", SIZES)
def test_today_fits(tmux: Tmux, sample_home: Path, tmp_path: Path, size: tuple[int, int]) -> None:
    term = opened(tmux, sample_home, tmp_path, size)
    shown = shows(term, "Small steps for today", "Mon 23 Nov, 10:00", "Emma A.", "q Quit")
    footer = fits(shown, size, "s Small step", "c Check in")[-1]  # its own first keys, first
    assert all(key in footer for key in VIEW_KEYS[1:])  # …and the other views' keys
    term.press("q")


@pytest.mark.parametrize("size", SIZES)
def test_map_fits_with_the_drifting_mark_and_the_whole_legend(
    tmux: Tmux, sample_home: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    term = opened(tmux, sample_home, tmp_path, size)
    term.press("m")
    shown = shows(term, "30 people", "sorted by name", "Ben A.")
    [ben] = [line for line in fits(shown, size, "/ Filter", "n Add person") if "Ben A." in line]
    assert "drifting" in ben  # the mark stays on the row, whatever the contexts' width
    term.press("2")
    shown = below(term, "▸ Ada A.", "●n, or ◎n mixed = a crowd of n")
    legend = flowing(shown.splitlines())
    for item in ("● Allotment", "▲ Book forum", "■ Climbing club", "◆ Community choir",
                 "★ Evening class", "▼ Family", "▶ Food bank", "A Neighbours", "B Old friends",
                 "C Work", "• no context", "hollow shape or small letter = drifting"):  # fmt: skip
        assert item in legend, item  # every shape explained (a letter too, nu225), none cut
    fits(term.screen(), size, "/ Filter")
    term.press("3")
    shown = shows(term, "kind", "last contact", "Allotment", "The last 12 weeks")
    [allotment] = [line for line in fits(shown, size, "/ Filter") if "Allotment" in line][:1]
    assert re.search(r"Allotment\s+other\s+1\s", allotment), allotment
    assert "letter / other" not in shown  # a way of being in touch, not a kind of context
    term.press("q")


@pytest.mark.parametrize("size", SIZES)
def test_plan_fits_with_how_each_step_went(
    tmux: Tmux, sample_home: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    term = opened(tmux, sample_home, tmp_path, size)
    term.press("p")
    after = below(term, "How earlier steps went", "Carla A.", "no reply yet")
    lines = fits(term.screen(), size, "s Small step", "d Done")
    [carla] = [line for line in after.splitlines() if "Sun 22 Nov, 19:00" in line]
    assert re.search(r"Carla A\.\s+done\s+5/5\s+send a", carla), carla  # marks before words
    assert any("Ana A." in line and "no reply yet" in line and "—" in line for line in lines)
    term.press("q")


@pytest.mark.parametrize("size", SIZES)
def test_journal_fits_with_every_day_of_the_month(
    tmux: Tmux, sample_home: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    term = opened(tmux, sample_home, tmp_path, size)
    term.press("j")
    shown = below(term, "November 2026", "no entry", "Mon 23 Nov 2026")
    fits(term.screen(), size, "c Check in", "/ Search")
    strip = shown.split("no entry")[0]  # the day numbers and shades, above the legend
    numbers = [int(n) for line in strip.splitlines() for n in line.split() if n.isdigit()]
    assert numbers == list(range(1, 31))  # today (23) and the days after it, all shown
    assert "The newest 120 of 365 entries · + shows more" in shown
    term.press("q")


@pytest.mark.parametrize("size", SIZES)
def test_review_fits_with_the_month_reviewed_in_the_twelve_month_table(
    tmux: Tmux, sample_home: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    term = opened(tmux, sample_home, tmp_path, size)
    term.press("r")
    fits(shows(term, "Monthly review — November 2026", "Days with a check-in"), size,
         "← Earlier month", "→ Later month")  # fmt: skip
    term.press("Tab", "Tab", "Tab", "Tab")  # overview, day by day, each week, twelve months
    after = below(term, "The last twelve months", "Dec 2025", "Nov 2026")
    fits(term.screen(), size, "← Earlier month")
    # the table's row (the chart's title names the months it spans, Nov 2026 among them)
    row = re.compile(r"Nov 2026\s+\d\.\d\s+\d\.\d\s+—\s+\d+")
    assert any(row.search(line) for line in after.splitlines()), after
    term.press("q")


@pytest.mark.parametrize("size", SIZES)
def test_help_lines_wrap_whole_and_the_trusted_form_shows_both_fields(
    tmux: Tmux, sample_home: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    term = opened(tmux, sample_home, tmp_path, size)
    term.press("?")
    shown = shows(term, "Keys", "Refresh", "Check in", footer="esc Close")
    fits(shown, size, "esc Close", "e Edit the people you trust", view=False)
    term.press("Down", "Down", "Down")  # below the line saying where support is, at 80×24
    shown = shows(term, "Refresh", "shared database)", footer="esc Close")
    assert (
        "Refresh — Read the data again (changes made elsewhere: the command line, another "
        "computer on a shared database)" in flowing(shown.splitlines(), frame="█")
    )
    term.press("e")
    shown = shows(term, "People you trust", "how to reach them", footer="^s Save")
    fits(shown, size, "^s Save", view=False)  # the form's keys, not the help's
    rows = [line for line in shown.splitlines() if re.search(r"▊\s+how to reach them", line)]
    assert rows and all(re.search(r"▊\s+name\s", line) for line in rows)  # side by side
    term.press("Escape")
    term.wait_gone("how to reach them")
    term.press("Escape")
    term.wait_gone("Refresh")
    term.press("q")


@pytest.mark.parametrize("size", SIZES)
def test_logging_a_contact_shows_each_kind_of_support_whole(
    tmux: Tmux, sample_home: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    term = opened(tmux, sample_home, tmp_path, size)
    term.press("m")
    shows(term, "30 people")
    term.press("l")
    shows(term, "Log a contact", "With: Ada A.", footer="^s Save")
    term.press("Tab", "Tab", "Tab", "Tab", "Tab", "Tab")  # …to the first kind of support
    shown = shows(term, "I listened / comforted", "I helped out", "They listened to me",
                  "They helped me out", footer="^s Save")  # fmt: skip
    fits(shown, size, "^s Save", view=False)
    assert "▐ ▌ I helped out" in shown  # unticked: an empty box
    term.press("Space")
    shows(term, "▐X▌ I listened / comforted", footer="^s Save")  # ticked: a mark in it


LONG_NAME = "Benedict Alexander Fitzgerald-Worthington the Third"


def test_at_80x24_nothing_is_cut_in_a_question_a_long_name_a_person_s_page_or_the_search(
    tmux: Tmux, sample_home: Path, tmp_path: Path
) -> None:
    """What a new user found cut at 80×24 (issue 16): the question after Enter on a step
    lost its last answer; a long name pushed the Map's drifting mark off; someone's page cut
    its balance, its note and the contacts' header; the Journal's search hint stopped
    mid-word. Each fits by a layout rule now."""
    size = (80, 24)

    def long_name(db: sqlite3.Connection) -> None:
        db.execute("UPDATE person SET name = ? WHERE name = 'Ben A.'", (LONG_NAME,))

    term = opened(tmux, sample_home, tmp_path, size, long_name)
    shows(term, "Small steps for today", "Emma A.")
    term.press("Enter")  # how did the step go? Five answers, each a button
    lines = fits(shows(term, "How did it go?", "k · Let go", footer="esc Cancel"), size,
                 "esc Cancel", view=False)  # fmt: skip
    [skip] = [i for i, line in enumerate(lines) if "k · Let go" in line]
    assert "▁▁▁▁" in lines[skip + 1]  # the last button whole, its lower edge drawn too
    term.press("Escape")
    term.wait_gone("How did it go?")

    term.press("m")
    shown = shows(term, "30 people", "Benedict", footer="n Add person")
    [ben] = [line for line in fits(shown, size, "/ Filter", "n Add person") if "Benedict" in line]
    assert "drifting" in ben and "…" in ben and "the Third" not in ben  # the name gave way

    term.press("Enter")  # Ada A.'s page
    # The whole balance, its last row too: under load a frame of the page can come before
    # its bars are laid out at their width.
    shown = settled(
        term,
        lambda shown: "esc Back" in shown and "Who reached out" in shown
        and bool(re.search(r"^\s*How .*░ written \d+\s*$", shown, re.M)),
        "the balance's rows never all appeared",
    )  # fmt: skip
    lines = fits(shown, size, "esc Back", "e Edit")
    [reach] = [line for line in lines if "Who reached out" in line]
    [how] = [line for line in lines if line.strip().startswith("How ")]
    assert re.search(r"░ both \d+$", reach.rstrip()) and re.search(r"░ written \d+$", how.rstrip())
    assert "many good ties lean one way for a while." in flowing(lines)
    term.press("Tab")  # to the contacts: the page scrolls down to their table
    heading = re.compile(r"when\s+how\s+reached out\s+warmth\s+note")
    shown = term.wait_until(  # "reached out" alone is already in the balance above
        lambda shown: "esc Back" in shown and bool(heading.search(shown)),
        "the contacts' header never appeared",
    )
    assert any(heading.search(line) for line in fits(shown, size, "esc Back")), shown

    term.press("Escape", "j")
    shown = shows(term, "/ search: words", "no entry")
    [hint] = [line for line in fits(shown, size, "c Check in") if "/ search:" in line]
    assert re.search(r'/ search: words, "a phrase", .*, …\s+▎$', hint.rstrip()), hint
    term.press("q")
