"""The installed command in a real terminal: tmux runs it, we type and read the screen."""

from __future__ import annotations

import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from ..silent_server import silent_server

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(600)]

DEADLINE = 60.0
"""Seconds to wait for something to show (generous: a loaded 2-core machine is slow)."""


def installed_command() -> str:
    beside_python = Path(sys.executable).with_name("planner-tui")
    found = str(beside_python) if beside_python.exists() else shutil.which("planner-tui")
    if not found:
        pytest.fail("planner-tui is not installed (pip install -e '.[test]')")
    return found


class Terminal:
    """One tmux session on the test's own tmux server (its own socket, ``-L``)."""

    def __init__(self, tmux: Tmux, name: str) -> None:
        self.tmux, self.name = tmux, name

    def run(self, *args: str) -> str:
        return self.tmux.run(*args)

    def screen(self, *options: str) -> str:
        return self.run("capture-pane", *options, "-p", "-t", self.name)

    def wait_until(self, ready: Callable[[str], bool], what: str, timeout: float = DEADLINE) -> str:
        """Poll the screen until *ready* says yes; the screen it said yes to."""
        deadline = time.monotonic() + timeout
        while True:
            shown = self.screen()
            if ready(shown):
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(f"{what}; the screen was:\n{shown}")
            time.sleep(0.1)

    def wait_for(self, *words: str, timeout: float = DEADLINE) -> str:
        """The screen, once all of *words* are on it at once (the data asserted on, not
        only a heading drawn before it)."""
        return self.wait_until(
            lambda shown: all(w in shown for w in words), f"{words!r} never all appeared", timeout
        )

    def wait_below(self, heading: str, *words: str, timeout: float = DEADLINE) -> str:
        """What the screen shows below *heading*, once all of *words* are there."""

        def ready(shown: str) -> bool:
            return heading in shown and all(w in shown.split(heading, 1)[1] for w in words)

        shown = self.wait_until(ready, f"{words!r} never appeared below {heading!r}", timeout)
        return shown.split(heading, 1)[1]

    def wait_gone(self, words: str, timeout: float = DEADLINE) -> None:
        self.wait_until(lambda shown: words not in shown, f"{words!r} never went away", timeout)

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", self.name, *keys)

    def press(self, *keys: str) -> None:
        """One key at a time, at a brisk typing pace (keys sent in one burst can arrive
        as one chunk, which a terminal may read as something else)."""
        for key in keys:
            self.keys(key)
            time.sleep(0.15)


class Tmux:
    """A tmux server of the test's own (``-L`` socket named after the process and the test,
    no user configuration), so no test meets another's sessions or a server still exiting
    after another test killed its last session. Killed when the test ends."""

    def __init__(self, path: str, socket: str) -> None:
        self.path, self.socket = path, socket

    def run(self, *args: str, check: bool = False) -> str:
        return subprocess.run(
            [self.path, "-L", self.socket, "-f", os.devnull, *args],
            capture_output=True, text=True, check=check, timeout=30,
        ).stdout  # fmt: skip

    def new_session(self, name: str, size: tuple[int, int], command: str) -> Terminal:
        """A detached session running *command* (sessions stay until the server is killed:
        the command ends in a sleep, so the server never exits mid-test)."""
        width, height = size
        self.run("new-session", "-d", "-s", name, "-x", str(width), "-y", str(height),
                 command, check=True)  # fmt: skip
        return Terminal(self, name)

    def kill_server(self) -> None:
        """Stop the server and remove its socket file (kill-server leaves it behind, and so
        does a server that ended with its last session: then it can't be asked where)."""
        socket_path = self.run("display-message", "-p", "#{socket_path}").strip() or (
            f"{os.environ.get('TMUX_TMPDIR') or '/tmp'}/tmux-{os.getuid()}/{self.socket}"
        )
        subprocess.run([self.path, "-L", self.socket, "kill-server"], capture_output=True,
                       check=False, timeout=30)  # fmt: skip
        Path(socket_path).unlink(missing_ok=True)


def launch(
    tmux: Tmux,
    name: str,
    home: Path,
    *,
    now: str = "2026-11-23T20:00:00",
    size: tuple[int, int] = (100, 30),
    extra_env: str = "",
) -> Terminal:
    """The installed command in a new tmux session of *size*, at the frozen moment *now*.
    COLUMNS and LINES are taken out: a process that has loaded GNU readline (pytest's
    does) exports 80×24 into them, and the app would believe them over the terminal."""
    command = (
        "env -u COLUMNS -u LINES "
        f"PLANNER_TUI_NOW={now} TZ=Europe/London TERM=xterm-256color {extra_env} "
        f"{installed_command()} --home {home}; sleep 600"
    )
    return tmux.new_session(name, size, command)


def launch_noting_pid(tmux: Tmux, name: str, home: Path, pid_file: Path) -> Terminal:
    """As :func:`launch`, at 100x40, with the app's process id written to *pid_file* (to
    kill it, or to see it end)."""
    command = (
        "env -u COLUMNS -u LINES PLANNER_TUI_NOW=2026-11-23T20:00:00 TZ=Europe/London "
        "TERM=xterm-256color "
        f"sh -c 'echo $$ > {pid_file}; exec {installed_command()} --home {home}'; sleep 600"
    )
    return tmux.new_session(name, (100, 40), command)


def draft_holds(home: Path, key: str, words: str) -> bool:
    """Whether a draft of the record *key* (a window's own: ``key#…``) saved in *home*'s
    database holds *words* (read-only)."""
    own = f"{key}#"
    try:
        with closing(sqlite3.connect(f"file:{home / 'planner.db'}?mode=ro", uri=True)) as c:
            rows = c.execute(
                "SELECT payload FROM draft WHERE key = ? OR substr(key, 1, ?) = ?",
                (key, len(own), own),
            ).fetchall()
    except sqlite3.Error:
        return False
    return any(words in payload for (payload,) in rows)


def test_open_add_someone_plan_a_step_record_it_and_quit(tmux: Tmux, tmp_path: Path) -> None:
    home = tmp_path / "home"
    term = launch(tmux, "e2e", home)
    term.wait_for("Before you begin")
    term.keys("Enter")
    term.wait_gone("Before you begin")  # closed: keys now reach the view
    term.wait_for("A quiet start", "Monday 23 November 2026")
    term.wait_for("Today", "Journal")  # the footer names the views
    term.keys("m")
    term.wait_for("No one here yet")
    term.keys("n")  # add someone in a real terminal, with markup-looking text
    term.wait_for("Someone in your life")
    term.keys("-l", "Mo [bold]Q[/]")
    term.keys("C-s")
    term.wait_for("1 person", "Mo [bold]Q[/]")
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
    term.wait_for("Tuesday 24 Nov, 18:00 — send Mo [bold]Q[/] a short message")
    term.keys("Enter")
    term.wait_gone("How sure")  # saved, and the wizard has closed
    term.keys("p")
    term.wait_below("Planned steps", "Tue 24 Nov, 18:00", "send Mo [bold]Q[/] a short message")
    term.keys("d")  # done, in a real terminal: tomorrow's step, so asked first
    term.wait_for("Has it happened already?")
    term.keys("Right", "Enter")  # yes, it happened
    term.wait_for("Done — how did it go?")
    term.keys("C-s")
    term.wait_gone("Done — how did it go?")
    term.wait_gone("How it went")  # the toast, which covers part of the list
    term.wait_below("How earlier steps went", "send Mo [bold]Q[/] a short message")
    term.keys("q")
    term.wait_gone("How earlier steps went")  # the app quit
    assert (home / "planner.db").exists()


def test_a_killed_app_keeps_the_check_in_being_typed(tmux: Tmux, tmp_path: Path) -> None:
    home = tmp_path / "home"
    pid_file = tmp_path / "pid"
    term = launch_noting_pid(tmux, "killed", home, pid_file)
    term.wait_for("Before you begin")
    term.keys("Enter")
    term.wait_gone("Before you begin")  # closed: keys now reach the view
    term.wait_for("A quiet start")
    term.keys("c")
    term.wait_for("ctrl+o:")  # the form is open, with its choices and prompt
    term.keys("BTab")  # up from the first scale to the day
    term.keys("-l", "last sat")  # replaces "today", selected
    term.wait_for("→ Saturday 21 November 2026")
    deadline = time.monotonic() + DEADLINE  # the draft is written after a pause in typing
    while not draft_holds(home, "journal:new", "last sat"):
        assert time.monotonic() < deadline, "the draft was never written"
        time.sleep(0.1)
    pid = int(pid_file.read_text())
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + DEADLINE
    while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
        time.sleep(0.05)  # gone (the shell's sleep reaps it): the next start is a fresh one
    term = launch(tmux, "again", home, size=(100, 40))
    term.wait_for("A quiet start")
    term.keys("c")
    # The frame may be caught mid-paint: wait for the words and the read-back (the form
    # opens where it was left, at the day, its last box).
    term.wait_for("last sat", "→ Saturday 21 November 2026")


@pytest.mark.parametrize("where", ["typing", "on a view"])
def test_closing_the_terminal_just_after_typing_keeps_the_words(
    tmux: Tmux, tmp_path: Path, where: str
) -> None:
    """The terminal closed (tmux kill-session: SIGHUP) the moment words showed, before the
    pause after which a draft is written: they were lost. The app now closes as ctrl+q
    does, and the form writes what it holds; and the program ends (its input thread went
    on reading the closed terminal, a core busy for ever, once the app had closed)."""
    home = tmp_path / "home"
    pid_file = tmp_path / "pid"
    term = launch_noting_pid(tmux, "hangup", home, pid_file)
    term.wait_for("Before you begin")
    term.keys("Enter")
    term.wait_for("A quiet start")
    if where == "typing":
        term.keys("c")
        term.wait_for("ctrl+o:")
        term.keys("Tab", "Tab", "Tab", "Tab", "Tab")  # from the first scale to what brought warmth
        term.keys("-l", "soup with a neighbour")
        term.wait_for("soup with a neighbour")
    else:
        term.keys("m")
        term.wait_for("Press n to add someone")
    pid = int(pid_file.read_text())
    tmux.run("kill-session", "-t", "hangup")  # at once: no pause for the draft
    deadline = time.monotonic() + DEADLINE
    while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not Path(f"/proc/{pid}").exists(), "the app went on after its terminal closed"
    if where == "typing":
        assert draft_holds(home, "journal:new", "soup with a neighbour")
    assert not (home / "crash.log").exists()


def test_quitting_while_the_server_never_answers_ends_the_program(
    tmux: Tmux, tmp_path: Path
) -> None:
    """A PostgreSQL server that takes the connection and never answers: q quits at once,
    and the program ends (it stayed, waiting for the server, with its screen gone)."""
    with silent_server(tmp_path) as url:
        command = (
            "env -u COLUMNS -u LINES PLANNER_TUI_NOW=2026-11-23T20:00:00 TZ=Europe/London "
            f"TERM=xterm-256color PLANNER_TUI_DATABASE_URL='{url}&connect_timeout=3600' "
            f"{installed_command()} --home {tmp_path / 'home'}; echo planner-tui ended $?; "
            "sleep 600"
        )
        term = tmux.new_session("silent", (100, 30), command)
        term.wait_for("Opening your planner")
        term.keys("q")
        term.wait_for("planner-tui ended 0")


def test_a_whole_evening_by_keys_alone_then_everything_is_still_there(
    tmux: Tmux, tmp_path: Path
) -> None:
    """A fresh home: two people and a context, a contact, a small step for tomorrow 6pm,
    a check-in with a mention and a tag, the review; the next evening the step is done;
    then a third start finds all of it."""
    home = tmp_path / "home"
    term = launch(tmux, "evening", home, size=(110, 40))
    term.wait_for("Before you begin")
    term.press("Enter")
    term.wait_gone("Before you begin")  # closed: keys now reach the view
    term.wait_for("A quiet start")
    term.press("m")
    term.wait_for("No one here yet")
    term.press("3", "n")  # a context
    term.wait_for("A part of your life")
    term.keys("-l", "Choir")
    term.press("C-s")
    term.wait_gone("A part of your life")
    term.press("1")  # back to People, where `n` adds a person
    for person, count in (("Ana Silva", "1 person"), ("Bo", "2 people")):
        term.press("n")
        term.wait_for("Someone in your life")
        term.keys("-l", person)
        term.press("C-s")
        term.wait_gone("Someone in your life")
        term.wait_for(count, person)
    term.press("Home")  # the cursor is on Bo, just added; Ana is first in the list
    term.press("l")  # log a contact with the person selected
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
    term.wait_for("Tuesday 24 Nov, 18:00 — send Ana Silva")
    term.press("Enter")
    term.wait_gone("How sure")
    term.press("j")
    term.wait_for("connectedness 1–5")  # the Journal's own legend (not the footer's "Journal")
    term.press("c")  # the check-in: scores, then words with a mention and a tag
    term.wait_for("ctrl+o:")
    term.press("4", "3", "Tab", "Tab", "Tab")
    term.keys("-l", "a walk by the river")
    term.press("Tab", "Tab")
    term.keys("-l", "Walked with @Ana by the river #walk")
    term.wait_for("Linked: Ana Silva")
    term.press("C-s")
    term.wait_gone("ctrl+o:")
    term.wait_for("Mon 23 Nov 2026", "Walked with @Ana", "#walk")
    term.press("r")
    term.wait_for("Monthly review — November 2026", "Days with a check-in")
    term.press("q")
    term.wait_gone("Monthly review")

    term = launch(tmux, "next", home, now="2026-11-24T19:30:00", size=(110, 40))
    term.wait_for("Tuesday 24 November 2026", "send Ana Silva")  # the step is due today
    term.press("d")
    term.wait_for("Done — how did it go?")
    term.press("C-s")
    term.wait_gone("Done — how did it go?")
    term.press("q")
    term.wait_gone("Tuesday 24 November")

    term = launch(tmux, "again", home, now="2026-11-24T21:00:00", size=(110, 40))
    term.wait_for("Tuesday 24 November 2026")
    term.press("m")
    term.wait_for("2 people", "Ana Silva", "Bo")
    term.press("3")
    term.wait_below("The last 12 weeks, by context", "Choir")
    term.press("j")
    term.wait_for("connectedness 1–5", "Walked with @Ana by the river", "#walk")
    term.press("p")
    term.wait_below("How earlier steps went", "send Ana Silva")
    term.press("r")
    term.wait_for("Monthly review — November 2026", "Small steps done")
    term.press("q")


VIEWS = (  # key, and what that view shows of the sample life once its data is drawn
    ("t", ("Monday 23 November 2026", "Mon 23 Nov, 10:00")),
    ("m", ("30 people", "sorted by name")),
    ("p", ("Planned steps", "Mon 23 Nov, 10:00")),
    ("j", ("connectedness 1–5", "Mon 23 Nov 2026")),
    ("r", ("Monthly review", "Days with a check-in")),
)


@pytest.fixture(scope="module")
def sample_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A year of sample life, made once for the tests that only read it."""
    home = tmp_path_factory.mktemp("sample") / "home"
    demo = subprocess.run(
        [installed_command(), "--home", str(home), "demo", "--years", "1"],
        capture_output=True, text=True, check=True, timeout=600,
        env={**os.environ, "PLANNER_TUI_NOW": "2026-11-23T20:00:00", "TZ": "Europe/London"},
    )  # fmt: skip
    assert "Added a sample life: 30 people" in demo.stdout
    return home


def a_copy(home: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "home"
    shutil.copytree(home, copy)
    return copy


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
def test_every_view_holds_its_layout_small_and_large(
    tmux: Tmux, sample_home: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    term = launch(tmux, "size", a_copy(sample_home, tmp_path), size=size)
    term.wait_for("Before you begin")
    term.press("Enter")
    term.wait_gone("Before you begin")  # closed: keys now reach the view
    for key, seen in VIEWS:
        term.keys(key)
        if key == "p":
            shown = term.wait_below(*seen)
        shown = term.wait_for(*seen)
        lines = shown.splitlines()
        assert len(lines) <= size[1] and all(len(line) <= size[0] for line in lines)
        assert "q Quit" in shown or "^p palette" in shown  # the footer is still there
        assert "Traceback" not in shown
    term.press("q")


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


@pytest.mark.parametrize("env", ["NO_COLOR=1", "TERM=xterm-mono"])
def test_no_color_and_monochrome_still_say_everything(
    tmux: Tmux, sample_home: Path, tmp_path: Path, env: str
) -> None:
    """With NO_COLOR, or a monochrome terminal type alone (it was painted in colours,
    nu189), the app paints in greys only, and what colour would add is still there as
    characters: legends, shades, marks."""
    home = a_copy(sample_home, tmp_path)
    term = launch(tmux, "mono", home, size=(120, 50), extra_env=env)
    term.wait_for("Before you begin")
    term.press("Enter")
    term.wait_gone("Before you begin")  # closed: keys now reach the view
    for key, seen in VIEWS[1:4:2] + VIEWS[4:]:  # the Map, the Journal, the review
        term.press(key)
        term.wait_for(*seen)
        coloured = term.screen("-e")
        assert hues(coloured) == set(), key  # greys only
    term.press("m", "3")  # …and so do pictures that colour would otherwise carry
    term.wait_below("The last 12 weeks, by context", "·", "░", "█")
    term.press("q")
