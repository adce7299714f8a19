"""Keys typed ahead reach what they would have reached if typed slowly.

Textual hands each key, the moment it is read, to the widget focused *then*. A key's
effects come later: its binding runs when it has bubbled up to the app, a field's Enter
is a message that bubbles up again, ``Widget.focus`` moves the focus a turn later, a new
screen mounts in its own time and a form reads its draft in a thread. So keys read in one
chunk (a quick typist, keys pasted, ``tmux send-keys``) went to the wrong place: text after
Tab into the field before it, keys after one that opens a screen to the old screen, or
nowhere. Here the app holds keys and pastes in a queue and passes on the next one only
when everything the one before set off has been handled (every message queue of the app
and the screen on top is empty) and the screen on top is ready for keys (mounted; a view
showing its data; a form with its draft; no worker still opening a screen). A key typed
when nothing is happening goes on at once, as before.
"""

from __future__ import annotations

import time
from collections import deque
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App, ScreenStackError

if TYPE_CHECKING:
    from textual.driver import Driver
    from textual.message_pump import MessagePump

SETTLE_ROUNDS = 100
"""Looks at most, after a key, for the messages it set off to be handled."""
ANSWER_KEYS = frozenset({"left", "right", "up", "down", "tab", "shift+tab", "enter"})
"""The keys that answer a question (see :meth:`TypeAheadApp.drop_answers_typed_ahead`)."""
HOLD_LIMIT = 10.0
"""Seconds keys wait at most for a screen to be ready. Screens say so sooner (also when
their data could not be read); this is only so that nothing could hold the keyboard."""


def pending(node: MessagePump) -> bool:
    """Whether *node* has a message still to handle. Textual takes the next message out of
    the queue early, to see whether it replaces the one being handled (Textual is pinned
    exactly; tests/ui/test_typeahead.py fails if this stops being where it waits)."""
    return bool(node.message_queue_size) or node._pending_message is not None


class TypeAheadApp(App[None]):
    OPENING: ClassVar[frozenset[str]] = frozenset()
    """Worker groups that end by opening a screen: keys typed meanwhile wait for it."""
    WRITING: ClassVar[frozenset[str]] = frozenset()
    """Worker groups that write: keys typed meanwhile wait for the write however long it
    takes (past HOLD_LIMIT, a key typed after ctrl+s went into the form's field: "Uma"
    saved, once the server answered again, as "Umaz", nu244)."""

    def __init__(self) -> None:
        super().__init__()
        self._typed: deque[events.Key | events.Paste] = deque()
        """Keys and pastes read, in order, not yet passed on."""
        self._passing_on = False
        """Whether one is on its way, or keys wait for a screen: the next ones queue."""
        self._held_since: float | None = None
        self._waiting: object | None = None
        """While keys wait for a screen to be ready: the next look's token (a look whose
        token is no longer this one was overtaken, and does nothing)."""

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver; on Linux and macOS, one that reads a paste whole and in order
        (see :mod:`planner_tui.ui.terminal_input`)."""
        driver = super().get_driver_class()
        if driver.__name__ == "LinuxDriver":
            from planner_tui.ui.terminal_input import PlannerDriver

            return PlannerDriver
        return driver

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.Paste) and not event.is_forwarded:
            self._typed.append(event)
            if not self._passing_on:
                await self._pass_on()
            return
        await super().on_event(event)  # forwarded keys come back here to run bindings

    @property
    def typing_ahead(self) -> bool:
        """Whether keys are waiting, or one is still doing what it does."""
        return self._passing_on

    def ready_for_keys(self) -> bool:
        """No screen on its way, and the screen on top mounted and ready (a screen says
        with a ``ready_for_keys`` attribute; without one, it is) — or the top one a
        question asked over the work under way (an ``over_work`` attribute)."""
        try:
            screen = self.screen
        except ScreenStackError:
            return False
        if getattr(screen, "over_work", False):
            return screen.is_mounted
        if any(w.group in self.OPENING and not w.is_finished for w in self.workers):
            return False
        return screen.is_mounted and bool(getattr(screen, "ready_for_keys", True))

    def writing(self) -> bool:
        """Whether a write is under way (see :attr:`WRITING`)."""
        return any(w.group in self.WRITING and not w.is_finished for w in self.workers)

    def goes_at_once(self, event: events.Key | events.Paste) -> bool:
        """Whether *event*, the next waiting, goes on without waiting for the screen."""
        return False

    def jumps_the_queue(self, event: events.Key | events.Paste) -> bool:
        """Whether *event*, waiting anywhere in the queue, goes on before the keys ahead."""
        return False

    def drop_typed_ahead(self) -> bool:
        """Forget the keys still waiting: the one before them could not do what it was
        for (see ``ViewScreen.cannot_open_yet``, ``FormScreen.point_to``). Whether any were."""
        dropped = bool(self._typed)
        self._typed.clear()
        return dropped

    def drop_answers_typed_ahead(self) -> bool:
        """Forget the keys waiting that would answer a question (arrows, Tab, Enter) up to
        the first that wouldn't: a form closed without asking — nothing to keep — and the
        ``right enter`` typed for its question opened the row under it (nu231). A letter
        after Escape still goes on to the view, as Escape and a letter read together do.
        Whether any were dropped."""
        dropped = False
        while self._typed and isinstance(key := self._typed[0], events.Key):
            if key.key not in ANSWER_KEYS:
                break
            self._typed.popleft()
            dropped = True
        return dropped

    def keys_may_go_on(self) -> None:
        """A screen became ready: pass on the keys waiting for it (after what it queued
        on becoming ready — a focus, say)."""
        if self._waiting is not None:
            self._waiting = None
            self.call_later(self._settle)

    async def _pass_on(self) -> None:
        """Pass on the next key if the app is ready for it, else look again soon. One call
        at a time: the next comes from :meth:`_settle`, the timer or :meth:`keys_may_go_on`."""
        self._waiting = None
        if not self._typed:
            self._passing_on = False
            return
        self._passing_on = True
        if not self.ready_for_keys() and not self.goes_at_once(self._typed[0]):
            if jumper := next(filter(self.jumps_the_queue, self._typed), None):
                # The keys before it were for after the work: the person leaves instead.
                while self._typed.popleft() is not jumper:
                    self.bell()
                await super().on_event(jumper)
                self.call_later(self._settle)
                return
            now = time.monotonic()
            self._held_since = self._held_since or now
            if now - self._held_since < HOLD_LIMIT or self.writing():
                self._waiting = look = object()
                self.set_timer(0.05, partial(self._look_again, look))
                return
        self._held_since = None
        event = self._typed.popleft()
        await super().on_event(event)
        self.call_later(self._settle)

    def _busy(self) -> list[MessagePump]:
        """The app and the screen's widgets with messages still to handle."""
        try:
            nodes: list[MessagePump] = [self, *self.screen.walk_children(with_self=True)]
        except ScreenStackError:
            return []
        return [node for node in nodes if pending(node)]

    async def _look_again(self, look: object) -> None:
        """The timer's look, unless a screen became ready since and started one itself.
        (A Textual timer's callback runs later than it fires, so stopping the timer can
        be too late: two looks would pass on two keys at once, the second to where the
        focus was — a check-in's 4 went into its day, and the digits after it were lost.)"""
        if self._waiting is look:
            self._waiting = None
            await self._settle()

    async def _settle(self, rounds: int = 0) -> None:
        """Once every message the last key set off has been handled, the next key (after
        at most SETTLE_ROUNDS looks: something busy all the time must not stop the keys)."""
        busy = self._busy()
        if not busy or rounds >= SETTLE_ROUNDS:
            await self._pass_on()
            return
        left = len(busy)

        def handled() -> None:
            nonlocal left
            left -= 1
            if left == 0:
                self.call_later(self._settle, rounds + 1)

        for node in busy:  # each one's queue up to now; then look again
            if not node.call_later(handled):
                handled()
