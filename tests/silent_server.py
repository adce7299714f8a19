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


class FallsSilent:
    """A way through to a real PostgreSQL server that can stop passing anything on, as a
    server that froze or a network cut off mid-session does to the app: its connections
    stay open, and nothing answers on them, or on new ones. Listens on a Unix socket in
    *folder*, as :func:`silent_server` does, and reaches the server at its Unix socket
    *target* (the suite's watch stops Python's internet sockets, loopback too)."""

    def __init__(self, folder: Path, target: Path) -> None:
        self.folder, self.target = folder, target
        self.silent = threading.Event()
        self._sockets: list[socket.socket] = []

    def __enter__(self) -> FallsSilent:
        self._listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._listener.bind(str(self.folder / ".s.PGSQL.5432"))
        self._listener.listen(16)
        threading.Thread(target=self._accept, daemon=True).start()
        return self

    def __exit__(self, *_: object) -> None:
        self._listener.close()
        for each in self._sockets:
            with contextlib.suppress(OSError):
                each.close()

    def url(self, user: str, database: str) -> str:
        return f"postgresql+psycopg://{user}@/{database}?host={self.folder}"

    def fall_silent(self) -> None:
        self.silent.set()

    def _accept(self) -> None:
        with contextlib.suppress(OSError):  # closed when the test ends
            while True:
                client = self._listener.accept()[0]
                server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                server.connect(str(self.target))
                self._sockets += [client, server]
                for source, sink in ((client, server), (server, client)):
                    threading.Thread(target=self._pass_on, args=(source, sink), daemon=True).start()

    def _pass_on(self, source: socket.socket, sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                if self.silent.is_set():
                    return  # held: neither this nor anything after it gets through
                sink.sendall(data)
