"""When Python's cycle collector runs: as much as it can while the person pauses.

A full collection walks every object the app holds (25 to 60 ms with a few views open,
more as the heap grows), and by Python's default thresholds one started on about every
other view switch, seen as a slow key. As each view first shows its data, what exists then
(modules, the app, the views made so far and their first data) is frozen, so no collection
walks it again; and once the app has been left alone for a moment after being used, it
collects in full, which also resets the counts that would start the next automatic one
during the next burst of keys.

Python's thresholds stay as they are: making the automatic full collection rarer (every
100 young ones, not 10) let 240,000 dead objects pile up between collections in the tmux
bench (it never pauses), each collection then took 130–430 ms, and memory grew 23 MiB
over 300 view switches and 200 forms instead of 8.
"""

from __future__ import annotations

import gc
import time

IDLE = 0.5
"""Seconds without a key or a click before the app counts as paused."""


_frozen: set[str] = set()
"""The kinds of view whose first showing has frozen what existed then."""


def hold_until_started() -> None:
    """No collection while the app starts: its imports, first view and first data make
    objects that nearly all live as long as the process, and collecting them cost 35–40 ms
    of a 350–400 ms start (a full one among them). :func:`first_shown` turns it back on."""
    gc.disable()


def first_shown(view: str) -> None:
    """A view shows its data for the first time (or why it can't): what exists now, the
    view and the modules it brought in among it, lives as long as the process, so it is
    frozen, and collection goes on. With only Today frozen, a full collection walked the
    other views too (180,000 objects with all five made: 100–140 ms, landing on a key every
    few months turned in the Review); frozen as each was made, 20–30 ms.

    Once per kind of view a process (five at most): what is frozen is never collected, and
    freezing after every showing kept every closed form. The dead objects frozen with a
    view are the few not yet collected when it shows (600 to 5,000 in the 10-year demo)."""
    if view in _frozen:
        return
    _frozen.add(view)
    gc.freeze()
    gc.enable()


class IdleCollector:
    """One per app: :meth:`used` on every key or click, :meth:`shown` when a view puts new
    data on screen, :meth:`tick` from a timer."""

    def __init__(self) -> None:
        self.last_used = time.monotonic()
        self.last_shown = float("-inf")
        self.used_since_collect = False

    def used(self) -> None:
        self.last_used = time.monotonic()
        self.used_since_collect = True

    def shown(self) -> None:
        """A view has put new data on screen; laying it out and drawing it follow. (A first
        visit of the Map read its data for most of half a second, and was then drawn with a
        full collection in the middle: the key was old enough to count as a pause.)"""
        self.last_shown = time.monotonic()

    def paused(self) -> bool:
        """Whether no key or click has come for :data:`IDLE` seconds."""
        return time.monotonic() - self.last_used >= IDLE

    def tick(self) -> bool:
        """Collect in full if the app was used and has since been left alone, and what it
        last showed has had time to be drawn; whether it did."""
        if not self.used_since_collect or not self.paused():
            return False
        if time.monotonic() - self.last_shown < IDLE:
            return False
        self.used_since_collect = False
        gc.collect()
        return True
