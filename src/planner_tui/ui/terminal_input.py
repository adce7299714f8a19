"""Reading the terminal: pasted text arrives whole, in order, made visible-safe.

Textual 8's parser reads an escape character inside a bracketed paste as the start of a
key sequence: pasting ``ESC[31mred ESC[0m`` (coloured text copied from a terminal) reached
a field as single keys with each ESC turned into ``^`` — and, once a run of text after an
ESC grew past the parser's look-ahead, the rest came later as the paste, out of order.
Here the text between the paste markers has its control characters made visible by the
one rule every field uses (:func:`planner_tui.terminal.plain`: ESC → ␛) before the parser
sees it, so the paste is one Paste event, in its own order, cleaned as typed text is.
Line breaks and tabs stay: they are the paste's lines.

Escape read together with the next key (ESC and a letter in one read) is Escape and then
that key, not Alt and the letter: see :func:`escape_then_key`.
"""

from __future__ import annotations

import os
import selectors
from codecs import getincrementaldecoder
from collections.abc import Iterable

from textual import events
from textual._loop import loop_last
from textual._parser import ParseError
from textual._xterm_parser import BRACKETED_PASTE_END, BRACKETED_PASTE_START, XTermParser
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

from planner_tui.names import written_invisibly
from planner_tui.terminal import plain, unturned


def visible(text: str) -> str:
    """*text* with every control character made visible except line breaks and tabs, and
    without direction overrides (:func:`planner_tui.terminal.unturned`)."""
    return "\r".join(plain(part) for part in unturned(text).split("\r"))


class PasteCleaner:
    """Cleans the text inside bracketed pastes in a stream read in chunks (a marker may be
    split between two reads; what could be the start of one waits for the next read)."""

    def __init__(self) -> None:
        self.pasting = False
        self.held = ""
        """Inside a paste: the end of the last read, if it could begin the end marker."""
        self.begun = 0
        """Outside: how much of a start marker the last read ended with (passed on)."""

    def __call__(self, data: str) -> str:
        data, self.held = self.held + data, ""
        out: list[str] = []
        if self.begun:  # a start marker split between reads: finish it
            rest = BRACKETED_PASTE_START[self.begun :]
            if data.startswith(rest):
                out.append(rest)
                data, self.pasting = data[len(rest) :], True
            elif rest.startswith(data):
                self.begun += len(data)
                return data
            self.begun = 0
        while data:
            marker = BRACKETED_PASTE_END if self.pasting else BRACKETED_PASTE_START
            found = data.find(marker)
            if found < 0:
                if self.pasting:  # the end marker may be on its way: wait for the rest
                    body = data[: len(data) - partial_marker(data, marker)]
                    out.append(visible(body))
                    self.held = data[len(body) :]
                else:  # never held back: an Escape key press must go at once
                    out.append(data)
                    self.begun = partial_marker(data, marker)
                break
            body = data[:found]
            out.append(visible(body) if self.pasting else body)
            out.append(marker)
            data = data[found + len(marker) :]
            self.pasting = not self.pasting
        return "".join(out)


def partial_marker(data: str, marker: str) -> int:
    """How many characters at the end of *data* could begin *marker*."""
    for size in range(min(len(marker) - 1, len(data)), 0, -1):
        if marker.startswith(data[-size:]):
            return size
    return 0


INTRODUCERS = frozenset("[O]P_^\\X")
"""What may follow ESC to begin a sequence a terminal sends (CSI, SS3, OSC, DCS, APC, PM,
ST, SOS): never read as Escape and a key."""


CONTROLS = frozenset(chr(code) for code in range(1, 27)) - {"\x08"}
"""ctrl+a to ctrl+z (Enter and Tab among them), not ctrl+h: the backspace some terminals send."""


def escape_then_key(sequence: str) -> bool:
    """Whether *sequence* is ESC and one printable character that begins no sequence, or
    a ctrl key (Enter and Tab too): the Escape key and the next key read together (a fast
    typist, ``tmux send-keys Escape m``; Escape then ctrl+p kept the help open under the
    palette, nu219).

    Terminals send Alt+letter as the very same two characters, so they can't be told apart
    by what arrives. Textual reads them as ``alt+m`` (ESC Enter as Enter) and the Escape is
    lost: a check-in closed with Escape and kept with Enter was saved. Here they are
    Escape, then the key. Nothing in planner-tui is bound to Alt and a printable key or a
    ctrl key (and Textual's own ``alt+backspace`` is ESC and DEL: it stays)."""
    return (
        len(sequence) == 2
        and sequence[0] == "\x1b"
        and (
            (sequence[1].isprintable() and sequence[1] not in INTRODUCERS)
            or sequence[1] in CONTROLS
        )
    )


class PasteSafeParser(XTermParser):
    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self.clean = PasteCleaner()

    def feed(self, data: str) -> Iterable[Message]:
        for message in super().feed(self.clean(data) if data else data):
            character = message.character if isinstance(message, events.Key) else None
            if character and written_invisibly(character):
                # Textual drops a key that doesn't print; a joiner typed on its own (a
                # Persian keyboard's non-joiner, an emoji's joiner) is part of the text.
                yield events.Paste(character)
            else:
                yield message

    def _sequence_to_key_events(self, sequence: str, alt: bool = False) -> Iterable[events.Key]:
        if escape_then_key(sequence):
            yield events.Key("escape", "\x1b")
            yield from super()._sequence_to_key_events(sequence[1])
            return
        yield from super()._sequence_to_key_events(sequence, alt)


class PlannerDriver(LinuxDriver):
    """Textual's Linux/macOS driver, reading with :class:`PasteSafeParser`."""

    def run_input_thread(self) -> None:
        # Textual 8.2's LinuxDriver.run_input_thread with its parser swapped (Textual is
        # pinned exactly; tests/ui/test_typeahead.py pastes through the real thing).
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        fileno = self.fileno
        parser = PasteSafeParser(self._debug)
        decode = getincrementaldecoder("utf-8")().decode

        def process(events: list[tuple[selectors.SelectorKey, int]], final: bool = False) -> bool:
            """Whether the terminal is still there to read from."""
            for last, (_key, mask) in loop_last(events):
                if mask & selectors.EVENT_READ:
                    data = decode(os.read(fileno, 1024 * 4), final=final and last)
                    if not data:
                        return False  # the terminal closed (or stdin is a pipe at its end)
                    for event in parser.feed(data):
                        self.process_message(event)
            for event in parser.tick():
                self.process_message(event)
            return True

        try:
            while not self.exit_event.is_set():
                if not process(selector.select(0.1)):
                    # Nothing more can come: a closed terminal reads as ready and empty
                    # forever, and this loop spun a core after the app had closed (the
                    # app closes on the hang-up signal; see PlannerApp.close_on_hang_up).
                    return
            selector.unregister(self.fileno)
            process(selector.select(0.1), final=True)
        finally:
            selector.close()
            try:
                for _event in parser.feed(""):
                    pass
            except (EOFError, ParseError):
                pass
