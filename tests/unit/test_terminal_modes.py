"""Keys typed while the app starts are read as typed: the command's first step switches the
terminal (a real pseudo-terminal here) out of line mode, and every other command, and the
app's end, put back the mode the process found."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest

from planner_tui import cli, terminal

termios = pytest.importorskip("termios")  # terminal modes are a POSIX thing


@pytest.fixture
def pty(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[int, int]]:
    """A pseudo-terminal as the process's stdin: (the keyboard's end, the process's end),
    in line mode as a shell leaves it."""
    keyboard, process = os.openpty()
    stdin = os.fdopen(os.dup(process), "r")
    monkeypatch.setattr(sys, "stdin", stdin)
    try:
        yield keyboard, process
    finally:
        terminal.back_to_line_mode()
        stdin.close()
        os.close(keyboard)
        os.close(process)


def typed(keyboard: int, process: int, keys: bytes) -> bytes:
    os.write(keyboard, keys)
    return os.read(process, 100)


def test_enter_and_ctrl_s_typed_while_the_app_starts_arrive_as_typed(pty: tuple[int, int]) -> None:
    keyboard, process = pty
    line_mode = termios.tcgetattr(process)
    terminal.read_keys_as_typed()
    # Enter stays Enter (line mode made it ctrl+j) and ctrl+s arrives (line mode took it as
    # "stop the output"); nothing waits for a line's end, nothing is echoed.
    assert typed(keyboard, process, b"n\r\x13") == b"n\r\x13"
    terminal.back_to_line_mode()
    assert termios.tcgetattr(process) == line_mode
    os.write(keyboard, b"line\r")
    assert os.read(process, 100) == b"line\n"  # line mode again: Enter ends the line


def test_a_command_that_is_not_the_app_gets_the_line_mode_back_at_once(
    pty: tuple[int, int], tmp_path: object
) -> None:
    """Its prompts (a passphrase, a confirmation) read lines as usual."""
    _, process = pty
    line_mode = termios.tcgetattr(process)
    terminal.read_keys_as_typed()
    assert termios.tcgetattr(process) != line_mode
    seen: list[object] = []
    cli.COMMANDS["support"] = lambda *_: seen.append(termios.tcgetattr(process))
    try:
        assert cli.main(["--home", str(tmp_path), "support"]) == 0
    finally:
        cli.COMMANDS["support"] = cli.cmd_support
    assert seen == [line_mode]


def test_without_a_terminal_nothing_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    read, write = os.pipe()
    with os.fdopen(read) as stdin, os.fdopen(write, "w"):
        monkeypatch.setattr(sys, "stdin", stdin)
        terminal.read_keys_as_typed()
        assert terminal._line_mode is None


def test_the_switch_comes_before_the_command_line_and_the_app_are_loaded() -> None:
    """The installed command's module loads nothing of its own but the terminal helpers
    before switching: the half second of loading comes after."""
    code = (
        "import sys, planner_tui.start\n"
        "print(sorted(m for m in sys.modules if m.startswith(('planner_tui', 'textual', "
        "'sqlalchemy', 'argparse'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(
        ["planner_tui", "planner_tui.start", "planner_tui.terminal"]
    )
