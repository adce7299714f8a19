"""The installed command in a real terminal: tmux runs it, we type and read the screen."""

from __future__ import annotations

import os
import shutil
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

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", self.name, *keys)

    def alive(self) -> bool:
        return self.name in self.run("list-sessions", "-F", "#{session_name}").split()


def test_open_read_today_and_quit(tmux: str, tmp_path: Path) -> None:
    home = tmp_path / "home"
    name = f"planner-e2e-{os.getpid()}"
    command = (
        f"env PLANNER_TUI_NOW=2026-11-23T20:00:00 TZ=Europe/London TERM=xterm-256color "
        f"{installed_command()} --home {home}; sleep 30"
    )
    term = Terminal(tmux, name)
    subprocess.run(
        [tmux, "new-session", "-d", "-s", name, "-x", "100", "-y", "30", command], check=True
    )
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
        term.keys("q")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and "1 people" in term.screen():
            time.sleep(0.2)
        assert "1 people" not in term.screen(), "the app did not quit"
    finally:
        term.run("kill-session", "-t", name)
    assert (home / "planner.db").exists()
