"""Person-typed text inside Markdown (the exports, the review file): escaped just enough
that nothing in it can format — a link, emphasis, code, a table cell, HTML, a heading, a
list or a quote — and no more, so the file still reads as plain text. Markdown is for
reading, often with `cat`: control characters show as visible symbols (ESC → ␛, the
terminal's own rule in :func:`planner_tui.terminal.plain`), so a note can't repaint the
terminal. The JSON export keeps the exact data."""

from __future__ import annotations

import re

from planner_tui.terminal import plain

BLOCK_START = re.compile(r"^(\s*)(?:([#>+=-])|(\d+)([.)])(?=\s|$))")
INLINE = re.compile(r"[\\`*_\[\]<>|~]")
INDENT = re.compile(r"^[ \t]+")


def markdown_inline(text: str) -> str:
    """Text inside a Markdown line or table cell: nothing in it can start a link,
    emphasis, code, a table cell or HTML, nor move the terminal's cursor or colours when
    the file is printed, nor end the line (a line break shows as ␊); the rest stays
    readable."""
    return INLINE.sub(r"\\\g<0>", plain(text, keep_newlines=False))


def markdown_line(text: str) -> str:
    """A whole line: inline-safe, and unable to start a heading, list or quote either."""

    def escape(m: re.Match[str]) -> str:  # "1\." (a backslash before a digit is shown)
        return m[1] + ("\\" + m[2] if m[2] else m[3] + "\\" + m[4])

    return BLOCK_START.sub(escape, markdown_inline(text))


def markdown_lines(text: str, *, indent: str = "") -> list[str]:
    """Text of several lines, each still a line (a backslash at its end breaks it: a
    pasted list or a poem ran together as one paragraph) and each unable to start a block
    (a note's "# heading" or "- item" made one in the file). *indent* before every line
    but the first keeps them inside a list item."""
    # A line's own indent, kept as no-break spaces: four spaces began a code block.
    written = [
        INDENT.sub(lambda m: "\u00a0" * len(m[0].expandtabs(4)), line)
        for line in text.splitlines() or [""]
    ]
    return [
        (indent if n else "")
        + markdown_line(line)
        + ("\\" if line.strip() and after.strip() else "")
        for n, (line, after) in enumerate(zip(written, [*written[1:], ""], strict=True))
    ]
