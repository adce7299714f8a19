"""Loaded by every Python process the test suite starts (it puts this folder on PYTHONPATH),
and by the suite itself: any attempt to reach a network — a connection, a name lookup, a
listening or datagram socket — is written to the file named by PLANNER_TUI_NETWORK_LOG.
The suite fails at the end if that file is not empty (tests/conftest.py)."""

from __future__ import annotations

import os
import socket
import sys
import traceback

WATCHED = {"socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.bind",
           "socket.sendto", "socket.sendmsg"}  # fmt: skip


def _local(address: object) -> bool:
    """Unix sockets (asyncio's wake-up pipe, tmux) are not network access."""
    return isinstance(address, (str, bytes))


def _audit(event: str, args: tuple[object, ...]) -> None:
    if event not in WATCHED:
        return
    log = os.environ.get("PLANNER_TUI_NETWORK_LOG")
    if not log:
        return
    sock = args[0] if args and isinstance(args[0], socket.socket) else None
    if sock is not None and (sock.family == socket.AF_UNIX or (len(args) > 1 and _local(args[1]))):
        return
    where = "".join(traceback.format_stack(limit=6)[:-1])
    with open(log, "a", encoding="utf-8") as handle:
        handle.write(f"pid {os.getpid()} {sys.argv[:2]}: {event} {args[1:]!r}\n{where}\n")


sys.addaudithook(_audit)
