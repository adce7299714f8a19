"""A notifier that leaves something running — a wrapper script whose child lingers, or one
that never returns — leaves nothing behind once `remind` has told it what to show."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from planner_tui import notify


def alive(pid: int) -> bool:
    """Running (a zombie waiting for its parent to notice counts as ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state not in ("Z", "X")


def wrapper(folder: Path, *, then: str) -> tuple[Path, Path]:
    """A notify-send that starts a long child of its own, writes the child's pid, then
    *then* (exits, or waits for ever)."""
    script, pid_file = folder / "notify-send", folder / "child.pid"
    script.write_text(
        "#!/bin/sh\n"
        "sleep 300 </dev/null >/dev/null 2>&1 &\n"
        f'echo $! > "{pid_file}.partial" && mv "{pid_file}.partial" "{pid_file}"\n' + then + "\n"
    )
    script.chmod(0o755)
    return script, pid_file


def child_pid(pid_file: Path) -> int:
    deadline = time.monotonic() + 10
    while not pid_file.exists():  # written before the notifier's own end
        assert time.monotonic() < deadline, "the notifier never started its child"
        time.sleep(0.01)
    return int(pid_file.read_text())


def gone(pid: int) -> bool:
    deadline = time.monotonic() + 5
    while alive(pid):
        if time.monotonic() > deadline:
            os.kill(pid, 9)  # don't leave it to the next test either
            return False
        time.sleep(0.01)
    return True


@pytest.mark.parametrize(
    ("then", "shown"), [("exit 0", True), ("exec sleep 300", False), ("exit 3", False)]
)
def test_a_notifier_leaves_no_child_running(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, then: str, shown: bool
) -> None:
    monkeypatch.setattr(notify, "TIMEOUT", 2)
    script, pid_file = wrapper(tmp_path, then=then)
    started = time.monotonic()
    said = notify.send(notify.Sender(str(script), dict(os.environ)), "A small step", "call Ana")
    assert said is shown
    assert time.monotonic() - started < 10  # a notifier that hangs is given up on
    assert gone(child_pid(pid_file))
