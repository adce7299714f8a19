"""Desktop notifications through `notify-send` (libnotify), when there is a desktop to show
them: a session bus to reach its notification service. Nothing else is tried; without one,
the caller prints the reminder instead.

Standard library only; nothing here goes beyond this computer.
"""

from __future__ import annotations

import contextlib
import html
import os
import shutil
import signal
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from planner_tui.terminal import plain

APP_NAME = "planner-tui"
TIMEOUT = 10
"""Seconds to wait for `notify-send` (it returns at once when the service answers)."""


@dataclass(frozen=True)
class Sender:
    program: str
    env: dict[str, str] = field(default_factory=dict, repr=False)


def find_sender() -> Sender | None:
    """`notify-send` on PATH and a session bus to reach the notification service: the one
    named by DBUS_SESSION_BUS_ADDRESS, or (under cron, which doesn't pass it on) the user's
    bus socket in XDG_RUNTIME_DIR or /run/user/UID. None when either is missing."""
    program = shutil.which("notify-send")
    if program is None:
        return None
    env = dict(os.environ)
    if not env.get("DBUS_SESSION_BUS_ADDRESS"):
        runtime = env.get("XDG_RUNTIME_DIR") or f"/run/user/{os.getuid()}"
        bus = Path(runtime) / "bus"
        if not bus.is_socket():
            return None
        env["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={bus}"
    return Sender(program, env)


def send(sender: Sender, title: str, body: str) -> bool:
    """Show one notification; False when it couldn't be shown. The text is the person's:
    control characters are made visible, and the body — which notification services may
    read as a little HTML — is escaped, so `<b>` or `<a href=…>` stay words.

    The notifier runs in a process group of its own, and when it has finished (or after
    TIMEOUT seconds, when it hasn't) the whole group is ended: a wrapper script's
    children never outlive it (a timer running every few minutes would gather them)."""
    argv = [sender.program, f"--app-name={APP_NAME}", "--", plain(title, keep_newlines=False),
            html.escape(plain(body, keep_newlines=False), quote=False)]  # fmt: skip
    try:
        child = subprocess.Popen(
            argv,
            env=sender.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError:
        return False
    try:
        code = child.wait(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        code = None
    finally:
        _end_group(child)
    return code == 0


def _end_group(child: subprocess.Popen[bytes]) -> None:
    """End everything left in *child*'s process group (its id is the child's), and reap
    the child."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(child.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.SubprocessError):
        child.wait(timeout=TIMEOUT)
