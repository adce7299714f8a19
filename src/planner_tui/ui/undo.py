"""Undo in the app: the last few deletes, edits and merges since it was opened, each
taken back by `u` (the latest) or by name from the command palette ("Undo …").

The data part is :mod:`planner_tui.services.undo`; this keeps the list, says what each one
was, and runs the undo as every other write from a key runs (a thread worker, a toast,
the view read again).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from textual.app import App, SystemCommand

from planner_tui import clock
from planner_tui.terminal import plain, shorten

if TYPE_CHECKING:
    from planner_tui.services.undo import Change
    from planner_tui.ui.app import PlannerApp

KEEP = 10
"""How many changes can be undone (the newest)."""
NAME_WIDTH = 60


@dataclass(frozen=True)
class Undoable:
    what: str
    """What was done, as the palette says it after "Undo ": "deleting Ana"."""
    back: str
    """What the person hears once it is undone: "Ana is back."."""
    change: Change
    at: datetime = field(default_factory=clock.now)
    number: int = 0


class History:
    """The changes that can be undone, newest last."""

    def __init__(self) -> None:
        self.entries: list[Undoable] = []
        self.made = 0
        """Undoable changes made since the app opened (each numbered by it); more than
        :attr:`entries` holds once some are undone or fall off the end."""

    def add(self, what: str, back: str, change: Change) -> None:
        if change.empty:
            return  # nothing was changed, so there is nothing to take back
        self.made += 1
        self.entries.append(Undoable(what, back, change, number=self.made))
        del self.entries[:-KEEP]

    def take(self, entry: Undoable | None = None) -> Undoable | None:
        """The entry to undo now (the newest by default), no longer offered."""
        if entry is None:
            return self.entries.pop() if self.entries else None
        if entry in self.entries:
            self.entries.remove(entry)
            return entry
        return None


_histories: WeakKeyDictionary[App[Any], History] = WeakKeyDictionary()


def history(app: App[Any]) -> History:
    """The app's own list (one per app, so tests running several never share one)."""
    if app not in _histories:
        _histories[app] = History()
    return _histories[app]


def name(value: str) -> str:
    """A name to put into a sentence here: one line, cut when very long."""
    return shorten(" ".join(plain(value, keep_newlines=False).split()), NAME_WIDTH)


def remember(app: App[Any], what: str, back: str) -> Callable[[Any], None]:
    """A callback for a write's result: the :class:`Change` it returns can be undone."""
    from planner_tui.services.undo import Change

    def keep(result: Any) -> None:
        change = result[-1] if isinstance(result, tuple) else result
        if isinstance(change, Change):
            history(app).add(what, back, change)

    return keep


def write(app: PlannerApp, done: str, call: Callable[..., Any], what: str, back: str) -> None:
    """One undoable service write from a key press: say what happened, keep it for undo."""
    app.write_then_reload(done, call, on_result=remember(app, what, back))


def undo(app: PlannerApp, entry: Undoable | None = None) -> None:
    """Take back the newest change (or *entry*): `u`, or "Undo …" in the palette."""
    from planner_tui.services.undo import revert

    changes = history(app)
    taken = changes.take(entry)
    if taken is None:
        app.notify(
            "Nothing left to undo: the deletes, changes, merges and archives undo keeps (the last "
            f"{KEEP} since the app was opened) have been taken back, or can't be any more."
            if changes.made
            else "Nothing to undo: u takes back a delete, a merge, an archive, or a change made "
            "with e to a logged contact or a step, since the app opened. To change something "
            "added, a person's details, a check-in, a first outcome or a step moved to another "
            "time, open it where it shows."  # a move said "a change to a step", and wasn't
            # one u undid (nu169); "a contact" was read as a person, whose edits it isn't (nu191)
        )
        return

    def point(_result: Any) -> None:
        """Rows it brought back: each view puts its cursor on them when it next shows them
        (the next key acted on the row below; undone from Today, the Map's cursor stayed on
        the row below, nu266); a view says which tables its rows are of."""
        for view in dict.fromkeys([app.screen, *app.views_made()]):
            point_at = getattr(view, "point_at", None)
            for table in getattr(view, "POINTED_ROWS", ()):
                changes = [tc for tc in taken.change.tables if tc.table == table]
                restored = {str(key[0]) for tc in changes for key in tc.removed}
                # Else the row it changed back: someone archived by mistake (nu158)
                restored = restored or {str(key[0]) for tc in changes for key in tc.altered}
                if restored and callable(point_at):
                    point_at(restored, table)
                    break

    app.write_then_reload(taken.back, partial(revert, change=taken.change), on_result=point)


def _markup_free(value: str) -> str:
    """Text for the palette, which reads its lines as markup: every `[` escaped (Textual
    drops one backslash before a bracket), so any name shows exactly as written."""
    return plain(value, keep_newlines=False).replace("[", "\\[")


def commands(app: PlannerApp) -> Iterator[SystemCommand]:
    """The palette's "Undo …" lines, newest first."""
    for n, entry in enumerate(reversed(history(app).entries)):
        # each line says whether u would take it back: only the latest (nu173: an older
        # merge said "u undoes the latest change" too)
        made = f"Made at {entry.at:%H:%M}" + ("; u undoes it too" if n == 0 else "")
        yield SystemCommand(
            _markup_free(f"Undo {entry.what}"), _markup_free(made), partial(undo, app, entry)
        )
