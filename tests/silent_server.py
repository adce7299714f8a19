"""A PostgreSQL "server" that takes every connection and never answers: what a hung or
half-reachable server looks like to the app. It listens on a Unix socket (PostgreSQL's own
``.s.PGSQL.5432`` in a folder of the test's), so no test reaches a network."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def silent_server(folder: Path) -> Iterator[str]:
    """The database URL of a server in *folder* that accepts and stays silent."""
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(folder / ".s.PGSQL.5432"))
    listener.listen(16)
    taken: list[socket.socket] = []

    def accept() -> None:
        with contextlib.suppress(OSError):  # closed when the test ends
            while True:
                taken.append(listener.accept()[0])

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield f"postgresql+psycopg://me@/planner?host={folder}"
    finally:
        listener.close()
        for connection in taken:
            connection.close()
