"""Printing to a terminal without letting text act as escape sequences.

The rule, for every command: what planner-tui *says* — messages, errors, search results,
the printed review — is made visible-safe wherever it goes (a pipe usually ends at a
terminal: ``| less``, ``| head``). An *export* is data for another program: written to a
file or a pipe it is exact, byte for byte (UTF-8, whatever the locale says); only when
stdout is a terminal, where a person reads it, is it made visible-safe too.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from contextlib import suppress
from typing import Any, TextIO

_TURNING = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
"""The direction embeddings, overrides and isolates: printed, U+202E turns the rest of
its line around (names lose them when saved, see planner_tui.names.visible; a journal
keeps what was written)."""
_VISIBLE = {code: 0x2400 + code for code in range(0x20) if code != 0x09} | {0x7F: 0x2421}
_VISIBLE |= dict.fromkeys([*range(0x80, 0xA0), *_TURNING], 0xFFFD)
_VISIBLE_LINES = {code: to for code, to in _VISIBLE.items() if code != 0x0A}
_CONTROL = re.compile(f"[{re.escape(''.join(map(chr, _VISIBLE)))}]")  # one list of them
_UNTURNED = dict.fromkeys(_TURNING)


def plain(text: str, *, keep_newlines: bool = True) -> str:
    """Control characters become visible symbols (ESC → ␛), so printed user text can't move
    the cursor, change colours or retitle the terminal; direction overrides become �."""
    if _CONTROL.search(text) is None:  # most text: nothing to change, nothing copied
        return text
    return text.translate(_VISIBLE_LINES if keep_newlines else _VISIBLE)


def edited_back(stored: str, shown: str, edited: str) -> str:
    """*edited*, a box's text that began as *shown* (:func:`plain` of *stored*, character
    for character), with what was left untouched before and after the edit as *stored* has
    it: adding a word to an entry written with an ESC in it saved its ␛ for the ESC, for
    good. (Within the part edited, what the box shows is what is saved.)"""
    if shown == stored or plain(stored) != shown:  # nothing made visible; or shown otherwise
        return edited if shown != edited else stored
    most = min(len(shown), len(edited))
    before = next((i for i in range(most) if shown[i] != edited[i]), most)
    after = next(
        (i for i in range(most - before) if shown[-1 - i] != edited[-1 - i]), most - before
    )
    return stored[:before] + edited[before : len(edited) - after] + stored[len(stored) - after :]


def unturned(text: str) -> str:
    """*text* without direction overrides and isolates: what a paste into a field keeps.
    Shown as � they would be saved as one, though a name drops them (they do no work in
    one) and a field on screen can't show them without turning its line around."""
    return text.translate(_UNTURNED)


def shorten(value: str, width: int) -> str:
    """At most *width* characters, ending in … when cut."""
    return value if len(value) <= width else value[: width - 1] + "…"


def shorten_middle(value: str, width: int) -> str:
    """At most *width* characters, with … in the middle when cut: the start and the end of
    a message both stay (a toast's last words are often what to do next)."""
    if len(value) <= width:
        return value
    end = width // 3
    return value[: width - end - 1] + "…" + value[len(value) - end :]


def monochrome(term: str) -> bool:
    """Whether the terminal type *term* has no colour: terminfo names those with "-mono"
    or "-m" at the end (``xterm-mono``, ``linux-m``)."""
    return term.endswith(("-mono", "-m"))


def prepare_streams() -> None:
    """A character stdout or stderr can't encode (an ASCII-only locale,
    ``PYTHONIOENCODING=ascii``) is written as ``\\xe9``, never a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with suppress(ValueError, OSError):  # a closed or unusual stream: as it is
                reconfigure(errors="backslashreplace")


def say(text: str, *, stream: TextIO | None = None, end: str = "\n") -> None:
    """Print *text* visible-safe (see the module's rule)."""
    print(plain(text), file=stream or sys.stdout, end=end)


def write_export(data: str | bytes | Iterable[str | bytes]) -> None:
    """An export to stdout: exact UTF-8 to a file or pipe; visible-safe to a terminal.
    *data* may come in pieces (written as they come: a long export never waits whole)."""
    pieces = [data] if isinstance(data, str | bytes) else data
    tty = sys.stdout.isatty()
    buffer = getattr(sys.stdout, "buffer", None)
    sys.stdout.flush()
    for piece in pieces:
        if tty:
            text = piece.decode("utf-8", "replace") if isinstance(piece, bytes) else piece
            sys.stdout.write(plain(text.replace("\r\n", "\n")))
            continue
        raw = piece.encode("utf-8") if isinstance(piece, str) else piece
        if buffer is None:  # a stream without bytes underneath (a test's capture): text is all
            sys.stdout.write(raw.decode("utf-8"))
            continue
        buffer.write(raw)
    if buffer is not None and not tty:
        buffer.flush()


_line_mode: list[Any] | None = None
"""The terminal's mode as the process found it, while keys are read as typed."""


def read_keys_as_typed() -> None:
    """The command's first step, before anything is imported: from here, keys typed while
    the app starts (the first half second or so, before Textual sets its own mode, the
    same as this one) reach it as typed.

    In a terminal's usual line mode the system reads keys first: Enter arrives as ctrl+j
    and ctrl+s stops the output (flow control), so a form typed during start-up
    (``m n Ana Tab Annie ctrl+s``) was filled in and never saved. A command that isn't
    the app puts the line mode back as soon as it is read (:func:`back_to_line_mode`)."""
    global _line_mode
    try:
        import termios
    except ImportError:  # Windows: no such modes
        return
    try:
        fd = sys.stdin.fileno()
        before = termios.tcgetattr(fd)
    except (OSError, ValueError, termios.error):  # not a terminal
        return
    keys = termios.tcgetattr(fd)
    keys[0] &= ~(termios.IXON | termios.IXOFF | termios.ICRNL | termios.INLCR | termios.IGNCR)
    keys[3] &= ~(termios.ECHO | termios.ICANON | termios.IEXTEN | termios.ISIG)
    keys[6][termios.VMIN] = 1
    with suppress(termios.error):
        termios.tcsetattr(fd, termios.TCSANOW, keys)
        _line_mode = before


def back_to_line_mode() -> None:
    """The terminal as the process found it (after the app, or for any other command)."""
    global _line_mode
    if _line_mode is None:
        return
    import termios

    with suppress(OSError, ValueError, termios.error):
        termios.tcsetattr(sys.stdin.fileno(), termios.TCSANOW, _line_mode)
    _line_mode = None
