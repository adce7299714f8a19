"""Loaded by every Python process the test suite starts (it puts this folder on PYTHONPATH),
and by the suite itself. No test may reach a network:

- a connect, bind, sendto or sendmsg on an internet socket (loopback included) is stopped
  *before* the system call with ``NetworkBlocked`` and written to the file named by
  PLANNER_TUI_NETWORK_LOG;
- a name lookup is written there too.

The suite fails at the end if that file is not empty (tests/conftest.py). Unix sockets
(asyncio's wake-up pipe, tmux) are not network access. PostgreSQL is reached through libpq,
below Python's sockets, on 127.0.0.1 only (scripts/pg-test-server)."""

from __future__ import annotations

import os
import socket
import sys
import traceback

BLOCKED = {"socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"}
RECORDED = {"socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr"}
MESSAGE = "network access is not allowed in tests"


class NetworkBlocked(OSError):
    """Raised by the watch itself, so a test can tell it from a refused connection."""


def _local(args: tuple[object, ...]) -> bool:
    sock = args[0] if args and isinstance(args[0], socket.socket) else None
    if sock is None:
        return False
    # A socketpair or an address given as a path is local; AF_UNIX always is.
    return sock.family == socket.AF_UNIX or (len(args) > 1 and isinstance(args[1], str | bytes))


def _record(event: str, args: tuple[object, ...], log: str) -> None:
    where = "".join(traceback.format_stack(limit=7)[:-2])
    with open(log, "a", encoding="utf-8") as handle:
        handle.write(f"pid {os.getpid()} {sys.argv[:2]}: {event} {args[1:]!r}\n{where}\n")


def _audit(event: str, args: tuple[object, ...]) -> None:
    if event not in BLOCKED and event not in RECORDED:
        return
    log = os.environ.get("PLANNER_TUI_NETWORK_LOG")
    if not log or _local(args):
        return
    _record(event, args, log)
    if event in BLOCKED:
        raise NetworkBlocked(MESSAGE)


sys.addaudithook(_audit)
