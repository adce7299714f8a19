"""The installed command in a real terminal: tmux runs it, we type and read the screen."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e


def installed_command() -> str:
    beside_python = Path(sys.executable).with_name("planner-tui")
    found = str(beside_python) if beside_python.exists() else shutil.which("planner-tui")
    if not found:
        pytest.fail("planner-tui is not installed (pip install -e '.[test]')")
    return found


@pytest.fixture
def tmux() -> str:
    path = shutil.which("tmux")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("CI must provide tmux")
        pytest.skip("tmux is not installed")
    return path


class Terminal:
    def __init__(self, tmux: str, name: str) -> None:
        self.tmux, self.name = tmux, name

    def run(self, *args: str) -> str:
        return subprocess.run(
            [self.tmux, *args], capture_output=True, text=True, check=False
        ).stdout

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", self.name)

    def wait_for(self, words: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if words in shown:
                return shown
            time.sleep(0.2)
        raise AssertionError(f"{words!r} never appeared; the screen was:\n{self.screen()}")

    def wait_gone(self, words: str, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while words in self.screen():
            if time.monotonic() > deadline:
                raise AssertionError(f"{words!r} never went away:\n{self.screen()}")
            time.sleep(0.2)

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", self.name, *keys)

    def press(self, *keys: str) -> None:
        """One key at a time, at a brisk typing pace (keys sent in one burst can arrive
        as one chunk, which a terminal may read as something else)."""
        for key in keys:
            self.keys(key)
            time.sleep(0.15)

    def alive(self) -> bool:
        return self.name in self.run("list-sessions", "-F", "#{session_name}").split()


def launch(
    tmux: str,
    name: str,
    home: Path,
    *,
    now: str = "2026-11-23T20:00:00",
    size: tuple[int, int] = (100, 30),
    extra_env: str = "",
) -> Terminal:
    """The installed command in a new tmux session of *size*, at the frozen moment *now*."""
    command = (
        f"env PLANNER_TUI_NOW={now} TZ=Europe/London TERM=xterm-256color {extra_env} "
        f"{installed_command()} --home {home}; sleep 30"
    )
    width, height = size
    subprocess.run(
        [tmux, "new-session", "-d", "-s", name, "-x", str(width), "-y", str(height), command],
        check=True,
    )
    return Terminal(tmux, name)


def test_open_add_someone_plan_a_step_record_it_and_quit(tmux: str, tmp_path: Path) -> None:
    home = tmp_path / "home"
    name = f"planner-e2e-{os.getpid()}"
    term = launch(tmux, name, home)
    try:
        term.wait_for("Before you begin")
        term.keys("Enter")
        shown = term.wait_for("A quiet start")
        assert "Monday 23 November 2026" in shown
        assert "Today" in shown and "Journal" in shown  # the footer names the views
        term.keys("m")
        term.wait_for("No one here yet")
        term.keys("n")  # add someone in a real terminal, with markup-looking text
        term.wait_for("Someone in your life")
        term.keys("-l", "Mo [bold]Q[/]")
        term.keys("C-s")
        shown = term.wait_for("1 people")
        assert "Mo [bold]Q[/]" in shown
        term.wait_gone("Someone in your life")  # the form has closed
        term.keys("s")  # a small step for Mo, through the wizard: tomorrow 6pm
        term.wait_for("What small thing?")
        term.keys("Enter")
        term.wait_for("When?")
        term.keys("-l", "tomorrow 6pm")
        term.wait_for("Tue 24 Nov 2026, 18:00 (tomorrow)")
        term.keys("Enter")
        term.wait_for("The step, in words")
        term.keys("Enter")
        term.wait_for("How sure are you")
        term.keys("Enter")
        shown = term.wait_for("Tuesday 24 Nov, 18:00 — send Mo [bold]Q[/] a short message")
        term.keys("Enter")
        term.wait_gone("How sure")  # saved, and the wizard has closed
        term.keys("p")
        shown = term.wait_for("Coming up")
        assert "send Mo [bold]Q[/] a short message" in shown
        term.keys("d")  # done, in a real terminal
        term.wait_for("Done — how did it go?")
        term.keys("C-s")
        term.wait_gone("Done — how did it go?")
        term.wait_gone("Noted")  # the toast, which covers part of the list
        shown = term.wait_for("How earlier steps went")
        assert "send Mo [bold]Q[/] a short message" in shown.split("How earlier steps went")[1]
        term.keys("q")
        term.wait_gone("Coming up", timeout=10)  # the app quit
    finally:
        term.run("kill-session", "-t", name)
    assert (home / "planner.db").exists()


def test_a_killed_app_keeps_the_check_in_being_typed(tmux: str, tmp_path: Path) -> None:
    home = tmp_path / "home"
    name = f"planner-kill-{os.getpid()}"
    pid_file = tmp_path / "pid"
    command = (
        f"env PLANNER_TUI_NOW=2026-11-23T20:00:00 TZ=Europe/London TERM=xterm-256color "
        f"sh -c 'echo $$ > {pid_file}; exec {installed_command()} --home {home}'; sleep 30"
    )
    term = Terminal(tmux, name)
    subprocess.run(
        [tmux, "new-session", "-d", "-s", name, "-x", "100", "-y", "40", command], check=True
    )
    try:
        term.wait_for("Before you begin")
        term.keys("Enter")
        term.wait_for("A quiet start")
        term.keys("c")
        term.wait_for("→ Monday 23 November 2026")  # the form is open and has checked the day
        term.keys("-l", "last sat")  # replaces "today" in the first field
        term.wait_for("→ Saturday 21 November 2026")
        time.sleep(1.5)  # past the pause after which a draft is written
        pid = int(pid_file.read_text())
        os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)
    finally:
        term.run("kill-session", "-t", name)
    term = launch(tmux, name + "-again", home, size=(100, 40))
    try:
        term.wait_for("A quiet start")
        term.keys("c")
        term.wait_for("Picked up where you left off")
        # The frame may be caught mid-paint: wait for the day's read-back, then check all.
        shown = term.wait_for("Saturday 21 November 2026")
        assert "last sat" in shown and "Picked up where you left off" in shown
    finally:
        term.run("kill-session", "-t", term.name)


def test_a_whole_evening_by_keys_alone_then_everything_is_still_there(
    tmux: str, tmp_path: Path
) -> None:
    """A fresh home: two people and a context, a contact, a small step for tomorrow 6pm,
    a check-in with a mention and a tag, the review; the next evening the step is done;
    then a third start finds all of it."""
    home = tmp_path / "home"
    name = f"planner-evening-{os.getpid()}"
    term = launch(tmux, name, home, size=(110, 40))
    try:
        term.wait_for("Before you begin")
        term.press("Enter")
        term.wait_for("A quiet start")
        term.press("m")
        term.wait_for("No one here yet")
        term.press("c")  # a context
        term.wait_for("A part of your life")
        term.keys("-l", "Choir")
        term.press("C-s")
        term.wait_gone("A part of your life")
        for person, count in (("Ana Silva", 1), ("Bo", 2)):
            term.press("n")
            term.wait_for("Someone in your life")
            term.keys("-l", person)
            term.press("C-s")
            term.wait_for(f"{count} people")
            term.wait_gone("Someone in your life")
        term.press("l")  # log a contact with the person selected (Ana, first in the list)
        term.wait_for("Log a contact")
        term.press("C-s")
        term.wait_gone("Log a contact")
        term.press("s")  # a small step, tomorrow 6pm
        term.wait_for("What small thing?")
        term.press("Enter")
        term.wait_for("When?")
        term.keys("-l", "tomorrow 6pm")
        term.wait_for("Tue 24 Nov 2026, 18:00 (tomorrow)")
        term.press("Enter")
        term.wait_for("The step, in words")
        term.press("Enter")
        term.wait_for("How sure are you")
        term.press("Enter")
        term.wait_for("Tuesday 24 Nov, 18:00")
        term.press("Enter")
        term.wait_gone("How sure")
        term.press("j")
        term.wait_for("Journal")
        term.press("c")  # the check-in: scores, then words with a mention and a tag
        term.wait_for("→ Monday 23 November 2026")
        term.press("Tab", "4", "3", "Tab", "Tab", "Tab")
        term.keys("-l", "a walk by the river")
        term.press("Tab", "Tab")
        term.keys("-l", "Walked with @Ana by the river #walk")
        term.wait_for("Linked: Ana Silva")
        term.press("C-s")
        term.wait_gone("→ Monday 23 November 2026")
        shown = term.wait_for("#walk")
        assert "Walked with @Ana" in shown
        term.press("r")
        shown = term.wait_for("Monthly review — November 2026")
        term.wait_for("Days with a check-in")
        term.press("q")
        term.wait_gone("Monthly review", timeout=10)
    finally:
        term.run("kill-session", "-t", name)

    term = launch(tmux, name + "-next", home, now="2026-11-24T19:30:00", size=(110, 40))
    try:
        shown = term.wait_for("Tuesday 24 November 2026")
        term.wait_for("send Ana Silva")  # the step is due today
        term.press("d")
        term.wait_for("Done — how did it go?")
        term.press("C-s")
        term.wait_gone("Done — how did it go?")
        term.press("q")
        term.wait_gone("Tuesday 24 November", timeout=10)
    finally:
        term.run("kill-session", "-t", name + "-next")

    term = launch(tmux, name + "-again", home, now="2026-11-24T21:00:00", size=(110, 40))
    try:
        term.wait_for("Tuesday 24 November 2026")
        term.press("m")
        shown = term.wait_for("2 people")
        assert "Ana Silva" in shown and "Bo" in shown
        term.press("3")
        term.wait_for("Choir")
        term.press("j")
        shown = term.wait_for("#walk")
        assert "Walked with @Ana by the river" in shown
        term.press("p")
        shown = term.wait_for("How earlier steps went")
        assert "send Ana Silva" in shown.split("How earlier steps went")[1]
        term.press("r")
        shown = term.wait_for("Small steps done")
        term.press("q")
    finally:
        term.run("kill-session", "-t", name + "-again")


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
def test_every_view_holds_its_layout_small_and_large(
    tmux: str, tmp_path: Path, size: tuple[int, int]
) -> None:
    home = tmp_path / "home"
    demo = subprocess.run(
        [installed_command(), "--home", str(home), "demo", "--years", "1"],
        capture_output=True, text=True, check=True,
        env={**os.environ, "PLANNER_TUI_NOW": "2026-11-23T20:00:00", "TZ": "Europe/London"},
    )  # fmt: skip
    assert "Added a sample life" in demo.stdout
    name = f"planner-size-{size[0]}-{os.getpid()}"
    term = launch(tmux, name, home, size=size)
    try:
        term.wait_for("Before you begin")
        term.press("Enter")
        for key, seen in (("t", "Today"), ("m", "People"), ("p", "Coming up"),
                          ("j", "Journal"), ("r", "Monthly review")):  # fmt: skip
            term.keys(key)
            shown = term.wait_for(seen)
            lines = shown.splitlines()
            assert len(lines) <= size[1] and all(len(line) <= size[0] for line in lines)
            assert "q Quit" in shown or "^p palette" in shown  # the footer is still there
            assert "Traceback" not in shown
        term.press("q")
    finally:
        term.run("kill-session", "-t", name)


def hues(screen: str) -> set[tuple[int, int, int]]:
    """The colours (not greys) in the SGR escape sequences of a captured screen."""
    found = set()
    for params in re.findall(r"\x1b\[([0-9;]*)m", screen):
        codes = [int(c) for c in params.split(";") if c]
        for i, code in enumerate(codes):
            if code in (38, 48) and codes[i + 1 : i + 2] == [2]:
                r, g, b = codes[i + 2 : i + 5]
                if not r == g == b:
                    found.add((r, g, b))
            elif 31 <= code <= 36 or 41 <= code <= 46 or 91 <= code <= 96 or 101 <= code <= 106:
                found.add((code, code, -1))  # a basic colour that isn't black/white/grey
    return found


def test_no_color_and_monochrome_still_say_everything(tmux: str, tmp_path: Path) -> None:
    """With NO_COLOR (and a monochrome terminal type) the app paints in greys only, and
    what colour would add is still there as characters: legends, shades, marks."""
    home = tmp_path / "home"
    subprocess.run(
        [installed_command(), "--home", str(home), "demo", "--years", "1"],
        capture_output=True, check=True,
        env={**os.environ, "PLANNER_TUI_NOW": "2026-11-23T20:00:00", "TZ": "Europe/London"},
    )  # fmt: skip
    name = f"planner-mono-{os.getpid()}"
    term = launch(tmux, name, home, size=(120, 50), extra_env="NO_COLOR=1 TERM=xterm-mono")
    try:
        term.wait_for("Before you begin")
        term.press("Enter")
        for key, seen in (("m", "People"), ("j", "connectedness 1–5"),
                          ("r", "Monthly review")):  # fmt: skip
            term.press(key)
            term.wait_for(seen)
            coloured = term.run("capture-pane", "-e", "-p", "-t", name)
            assert hues(coloured) == set(), key  # greys only
        term.wait_for("Days with a check-in")  # the review reads as text
        term.press("m", "3")  # …and so do pictures that colour would otherwise carry
        strip = term.wait_for("Weeks of contact").split("Weeks of contact")[1]
        assert {"·", "░", "█"} <= set(strip)
        term.press("q")
    finally:
        term.run("kill-session", "-t", name)
