"""Every view fits 80×24 and 120×40 (issue 16, part 3), in a real terminal: tmux runs the
installed command on a year of sample life (`planner-tui demo`), and each test reads the
screen for what matters in that view — the footer's view keys, Help and Quit; today in the
journal's strip; the month reviewed in the twelve-month table; every shape in the circles'
legend; the drifting mark; whole labels and help lines."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from .test_tmux import Terminal, Tmux, a_copy, installed_command, launch

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(600)]

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
FOOTER = ("t Today", "m Map", "p Plan", "j Journal", "r Review", "? Help", "q Quit")


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


def shows(term: Terminal, *words: str) -> str:
    """The screen once all of *words* are on it, drawn at the terminal's full size (its
    last line is the footer: a frame drawn before tmux settled the size doesn't count)."""

    def ready(shown: str) -> bool:
        lines = shown.splitlines()
        return bool(lines) and "palette" in lines[-1] and all(w in shown for w in words)

    return term.wait_until(ready, f"{words!r} never all appeared at full size")


def below(term: Terminal, heading: str, *words: str) -> str:
    """What :func:`shows` shows below *heading*, once all of *words* are there."""

    def ready(shown: str) -> bool:
        lines = shown.splitlines()
        after = shown.split(heading, 1)[1] if heading in shown else ""
        return bool(lines) and "palette" in lines[-1] and all(w in after for w in words)

    return term.wait_until(ready, f"{words!r} never appeared below {heading!r}").split(heading, 1)[
        1
    ]


def opened(tmux: Tmux, home: Path, tmp_path: Path, size: tuple[int, int]) -> Terminal:
    """The app on a copy of the sample life, past the first-run notice."""
    term = launch(tmux, "fit", a_copy(home, tmp_path), size=size)
    term.wait_for("Before you begin")
    term.press("Enter")
    # Past the notice, not only drawn beside it: a key sent while it closes is lost.
    term.wait_gone("Before you begin")
    shows(term, "Monday 23 November 2026")
    return term


def fits(shown: str, size: tuple[int, int]) -> list[str]:
    """The screen's lines, checked to be within the terminal, with the footer whole."""
    width, height = size
    lines = shown.splitlines()
    assert len(lines) <= height and all(len(line) <= width for line in lines)
    footer = lines[-1]
    assert all(key in footer for key in FOOTER), footer  # every view, help and quit
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
    fits(shown, size)
    assert "s Small step" in shown.splitlines()[-1]  # the view's first key fits beside them
    term.press("q")


@pytest.mark.parametrize("size", SIZES)
def test_map_fits_with_the_drifting_mark_and_the_whole_legend(
    tmux: Tmux, sample_home: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    term = opened(tmux, sample_home, tmp_path, size)
    term.press("m")
    shown = shows(term, "30 people", "sorted by name", "Ben A.")
    [ben] = [line for line in fits(shown, size) if "Ben A." in line]
    assert "drifting" in ben  # the mark stays on the row, whatever the contexts' width
    term.press("2")
    shown = below(term, "▸ Ada A.", "◎n = a crowd of n")
    legend = flowing(shown.splitlines())
    for item in ("● Allotment", "▲ Book forum", "■ Climbing club", "◆ Community choir",
                 "★ Evening class", "▼ Family", "▶ Food bank", "A Neighbours", "B Old friends",
                 "C Work", "• no context", "hollow shape = drifting"):  # fmt: skip
        assert item in legend, item  # every shape explained, none cut
    fits(term.screen(), size)
    term.press("3")
    shown = shows(term, "kind", "last contact", "Allotment", "Work")
    [allotment] = [line for line in fits(shown, size) if "Allotment" in line][:1]
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
    lines = fits(term.screen(), size)
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
    fits(term.screen(), size)
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
    fits(shows(term, "Monthly review — November 2026", "Days with a check-in"), size)
    term.press("Tab", "Tab", "Tab", "Tab")  # overview, day by day, each week, twelve months
    after = below(term, "The last twelve months", "Dec 2025", "Nov 2026")
    fits(term.screen(), size)
    [november] = [line for line in after.splitlines() if "Nov 2026" in line]
    assert re.search(r"Nov 2026\s+\d\.\d\s+\d\.\d\s+—\s+\d+", november), november
    term.press("q")


@pytest.mark.parametrize("size", SIZES)
def test_help_lines_wrap_whole_and_the_trusted_form_shows_both_fields(
    tmux: Tmux, sample_home: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    term = opened(tmux, sample_home, tmp_path, size)
    term.press("?")
    shown = shows(term, "Keys", "Refresh", "Check in")
    fits(shown, size)
    assert (
        "Refresh — Read the data again (changes made elsewhere: the command line, another "
        "computer on a shared database)" in flowing(shown.splitlines(), frame="█")
    )
    term.press("e")
    shown = shows(term, "People you trust", "how to reach them")
    fits(shown, size)
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
    shows(term, "Log a contact", "With: Ada A.")
    term.press("Tab", "Tab", "Tab", "Tab", "Tab", "Tab")  # …to the first kind of support
    shown = shows(term, "I listened / comforted", "I helped out", "They listened to me",
                          "They helped me out")  # fmt: skip
    fits(shown, size)
    assert "▐ ▌ I helped out" in shown  # unticked: an empty box
    term.press("Space")
    shows(term, "▐X▌ I listened / comforted")  # ticked: a mark in it
