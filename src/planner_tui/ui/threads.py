"""The threads the app's reads and writes run in (Textual's thread workers use the event
loop's default executor; the app sets this one).

Closing waits for work in hand — a write finishing — for a while, and then goes, where
Python's own pool waits for ever: a database server that stops answering (frozen, or cut
off mid-query) holds its thread until it answers, and quitting left a blank terminal that
nothing but the server's return would end. A thread here is a daemon, so a stuck one
doesn't hold the program's end either; a transaction it had not committed is not kept,
as after any crash."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent import futures
from typing import Any, TypeVar

T = TypeVar("T")


def quit_wait() -> float:
    """Seconds closing waits, at most, for the reads and writes under way: as long as a
    write waits for another program's (the busy timeout: one waiting its turn on the
    SQLite file is let finish, as before), and 5 more."""
    from planner_tui.db.engine import busy_timeout_ms  # loaded by now: the app has run

    return busy_timeout_ms() / 1000 + 5


class WorkThreads(futures.ThreadPoolExecutor):
    """A daemon thread for each call: the app's calls are few (a key's read, a save), so
    there is no pool to keep. A ThreadPoolExecutor only because asyncio takes no other
    kind as a loop's default; none of its pool is used."""

    def __init__(self) -> None:
        super().__init__(max_workers=1)  # makes no thread: submit is this class's own
        self._lock = threading.Lock()
        self._under_way: set[futures.Future[Any]] = set()
        self._closed = False

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> futures.Future[T]:
        future: futures.Future[T] = futures.Future()

        def run() -> None:
            if not future.set_running_or_notify_cancel():
                return
            try:
                result = fn(*args, **kwargs)
            except BaseException as error:  # the caller's to handle, as in Python's pool
                future.set_exception(error)
            else:
                future.set_result(result)

        with self._lock:
            if self._closed:
                raise RuntimeError("cannot schedule new futures after shutdown")
            self._under_way.add(future)
        future.add_done_callback(self._done)
        threading.Thread(target=run, name="planner-tui work", daemon=True).start()
        return future

    def _done(self, future: futures.Future[Any]) -> None:
        with self._lock:
            self._under_way.discard(future)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        with self._lock:
            self._closed = True
            under_way = list(self._under_way)
        if wait:
            futures.wait(under_way, timeout=quit_wait())

    @property
    def stuck(self) -> int:
        """Calls still under way (after :meth:`shutdown`: those it stopped waiting for)."""
        with self._lock:
            return len(self._under_way)

    def call(self, fn: Callable[[], T]) -> T:
        """*fn*'s result, from a thread of this, waited for as closing waits
        (:class:`TimeoutError` after that; the call goes on)."""
        return self.submit(fn).result(timeout=quit_wait())
