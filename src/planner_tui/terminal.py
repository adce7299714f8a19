"""Printing user text to a terminal without letting it act as escape sequences."""

from __future__ import annotations

_C1 = range(0x80, 0xA0)


def plain(text: str, *, keep_newlines: bool = True) -> str:
    """Control characters become visible symbols (ESC → ␛), so printed user text can't move
    the cursor, change colours or retitle the terminal."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch == "\t" or (keep_newlines and ch == "\n"):
            out.append(ch)
        elif code < 0x20:
            out.append(chr(0x2400 + code))
        elif code == 0x7F:
            out.append("\u2421")
        elif code in _C1:
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def shorten(value: str, width: int) -> str:
    """At most *width* characters, ending in … when cut."""
    return value if len(value) <= width else value[: width - 1] + "…"
