"""Small text pictures: balance bars, the weeks × contexts recency strip and the
year at a glance.

Each part of a picture has its own character as well as its own colour, so it reads the
same without colour (and in a Markdown file). Pictures describe; they never grade.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Callable, Collection, Sequence
from datetime import date, timedelta

from rich.cells import cell_len, set_cell_size
from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text

from planner_tui import clock, words
from planner_tui.terminal import plain


def in_cells(value: str, width: int) -> str:
    """*value* in exactly *width* terminal cells, for a column: padded with spaces, or cut
    with … (a wide character takes two cells, a combining mark none, so names in any script
    line up)."""
    if cell_len(value) > width:
        value = set_cell_size(value, width - 1) + "…"
    return set_cell_size(value, width)


class Fitted:
    """A picture drawn to the width it is shown in — the view's, which follows the
    terminal, or a file's — by *draw*, given that width: bars that scale, days that share
    the room."""

    def __init__(self, draw: Callable[[int], Text]) -> None:
        self.draw = draw

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        picture = self.draw(options.max_width)
        picture.end = "\n"  # Textual counts a renderable's lines by their breaks: the last too
        yield picture


def even_rows(count: int, fits: int) -> int:
    """How many of *count* things go on a row when *fits* fit on one: as few rows as hold
    them all, as even as they can be (31 days where 20 fit: 16 and 15)."""
    return -(-count // -(-count // max(1, fits)))


FILLS = ("█", "▒", "░")
RICH_STYLES = ("bold cyan", "magenta", "grey62")
WEEK_SHADES = "·░▒▓█"


def balance_bar(parts: list[tuple[str, int]], width: int = 30) -> Text:
    """One line: a bar split in proportion to each part, then the parts named with counts.

    ``[("me", 6), ("them", 3), ("both", 3)]`` → ``██████████▒▒▒▒▒░░░░░  █ me 6 · ▒ them 3 · ░ both 3``
    """
    line = proportion_bar(parts, width)
    line.append("  ")
    line.append_text(bar_legend(parts))
    return line


def proportion_bar(parts: list[tuple[str, int]], width: int = 30) -> Text:
    """The bar alone: *width* cells split in proportion to each part (dots when all are 0)."""
    total = sum(count for _, count in parts)
    line = Text(end="")
    if total == 0:
        line.append("·" * width, style="grey50")
        return line
    remaining = width
    for index, (_, count) in enumerate(parts):
        cells = round(width * count / total) if index < len(parts) - 1 else remaining
        cells = max(0, min(cells, remaining))
        remaining -= cells
        line.append(FILLS[index % 3] * cells, style=RICH_STYLES[index % 3])
    return line


def bar_legend(parts: list[tuple[str, int]]) -> Text:
    """The bar's parts named with their counts: ``█ me 6 · ▒ them 3 · ░ both 3``."""
    line = Text(end="")
    for index, (name, count) in enumerate(parts):
        if index:
            line.append(" · ", style="grey50")
        line.append(f"{FILLS[index % 3]} ", style=RICH_STYLES[index % 3])
        line.append(f"{name} {count}")
    return line


def stacked_rows(
    rows: list[tuple[str, list[int]]],
    fills: list[tuple[str, str]],
    width: int = 48,
    *,
    room: int | None = None,
) -> Text:
    """One line per row, top to bottom: its label, then a bar of each part in turn (drawn
    with *fills*' character and style, part by part) and the row's total. The bars share
    one scale, the longest *width* cells, or fewer where a line would pass *room* (its
    total ran off the screen); a part of 1 is never too small to see. (plotext drew such
    bars a row off, and a week's contact under the week beside it.) A row of none says 0."""
    label_width = max((cell_len(name) for name, _ in rows), default=0)
    top = max((sum(counts) for _, counts in rows), default=0)
    if room is not None:
        width = max(1, min(width, room - label_width - len(" │ ") - len(f" {top}")))
    per = width // top if 0 < top <= width else 0  # whole cells per contact, when they fit
    picture = Text(end="")
    for index, (name, counts) in enumerate(rows):
        if index:
            picture.append("\n")
        picture.append(f"{' ' * (label_width - cell_len(name))}{name} │ ", style="grey62")
        cells = [
            (count * per if per else max(1, round(count * width / top))) if count else 0
            for count in counts
        ]
        if (over := sum(cells) - width) > 0:  # small parts' cells passed it: the largest gives
            largest = cells.index(max(cells))  # them back, so the total stays in sight
            cells[largest] = max(1, cells[largest] - over)
        for part, (fill, style) in zip(cells, fills, strict=True):
            picture.append(fill * part, style=style)
        # A week with none says 0: a row ending at its rule read as left out (nu246).
        picture.append(f" {sum(counts)}" if sum(counts) else "0")
    return picture


WEEK_LEGEND = ("· none", "░ 1", "▒ 2", "▓ 3", "█ 4+ contacts a week")
STRIP_NAMES = (8, 40)
"""The least and most cells the strip's context names take (cut with …)."""


def strip_fit(
    room: int | None,
    weeks: int,
    rows: Sequence[tuple[str, list[int]]] = (),
    quiet: Collection[int] = (),
    quiet_mark: str = "",
) -> tuple[int, int]:
    """The width of the strip's names, and how many of its *weeks* show, in *room* cells
    (None: no limit), with room after the weeks for *quiet_mark* when a row is *quiet*
    (see :func:`recency_strip`): the names as wide
    as the longest of *rows* where there is room (up to a limit: "Food bank volunte…" was
    cut at 160 columns, nu167); the names give way first, then the oldest weeks — never
    the newest, the last seven days."""
    least, limit = STRIP_NAMES
    tail = 2 + cell_len(quiet_mark) if quiet else 0  # a space after the name, one before the mark
    longest = max((cell_len(plain(name, keep_newlines=False)) for name, _ in rows), default=0)
    most = max(least, min(limit, longest))
    if room is None:
        return most, weeks
    names = max(least, min(most, room - 2 * weeks - tail))
    return names, max(1, min(weeks, (room - names) // 2))


def strip_legend(indent: int, room: int | None) -> str:
    """The legend on one line in line with the weeks (*indent*), or nearer the edge; too
    wide even so, on as many lines as it takes (at 50 columns its end was cut off)."""
    line = "  ".join(WEEK_LEGEND)
    room = indent + cell_len(line) if room is None else room
    if cell_len(line) <= room:
        return " " * min(indent, room - cell_len(line)) + line
    if room - indent < max(map(cell_len, WEEK_LEGEND)):
        indent = 0
    lines = [WEEK_LEGEND[0]]
    for part in WEEK_LEGEND[1:]:
        if cell_len(f"{lines[-1]}  {part}") <= room - indent:
            lines[-1] += f"  {part}"
        else:
            lines.append(part)
    return "\n".join(" " * indent + legend for legend in lines)


def recency_strip(
    weeks: list[date],
    rows: list[tuple[str, list[int]]],
    *,
    room: int | None = None,
    quiet: Collection[int] = (),
    quiet_mark: str = "",
) -> Text:
    """Contexts down, seven-day spans across (*weeks* holds each one's first day, oldest
    left); darker means more contact in that span. The legend comes first and each month
    is named (its first letter) over the first span ending in it, so the current month is
    always named and a short screen still shows what the marks mean. Rows whose index is
    in *quiet* end with *quiet_mark* (which parts are quiet is the Gaps' rule, not the
    strip's weeks: a part of life added lately with older contact logged is quiet). Drawn in
    *room* cells (see :func:`strip_fit`): a narrow terminal leaves out the oldest weeks."""
    name_width, shown = strip_fit(room, len(weeks), rows, quiet, quiet_mark)
    weeks = weeks[len(weeks) - shown :]
    picture = Text(end="")
    header = " " * (name_width + 1)
    picture.append(strip_legend(len(header), room) + "\n", style="grey62")
    last_month = None
    labels = ""
    for first in weeks:
        month = (first + timedelta(days=6)).strftime("%b")
        labels += (month[0] if month != last_month else " ") + " "
        last_month = month
    picture.append(header + labels.rstrip() + "\n", style="grey62")
    for index, (name, counts) in enumerate(rows):
        picture.append(in_cells(plain(name, keep_newlines=False), name_width) + " ")
        for count in counts[len(counts) - shown :]:
            shade = WEEK_SHADES[min(count, len(WEEK_SHADES) - 1)]
            picture.append(shade + " ", style="grey50" if count == 0 else "cyan")
        picture.append(f" {quiet_mark}" if index in quiet else "", style="italic grey62")
        picture.append("\n")
    picture.rstrip()
    return picture


DAY_SHADES = {1: "▁", 2: "▃", 3: "▄", 4: "▆", 5: "█"}
DAY_STYLES = {1: "grey50", 2: "blue", 3: "cyan", 4: "green", 5: "bold green"}


def day_level(average: float) -> int:
    """A day's connectedness — the average of its scored entries, as the Review counts a
    day — as one level 1–5: one rule for the Journal's month strip and the year's grid,
    rounded half up as every figure is (2.5 showed as 2 there, and half a block above 2 in
    the Review's days, nu193)."""
    return min(5, max(1, int(words.rounded(average))))


def year_grid(months: list[date], scores: dict[date, float], until: date) -> Text:
    """Months down (oldest first), days across: each day's average connectedness as a
    taller or shorter block; · is a day without a score, blank is no such day (yet)."""
    picture = Text(end="")
    picture.append(" " * 9 + "1   5    10   15   20   25   30\n", style="grey62")
    for month in months:
        picture.append(clock.strftime(month, "%b %Y").ljust(9), style="grey62")
        for day_number in range(1, monthrange(month.year, month.month)[1] + 1):
            day = month.replace(day=day_number)
            if day > until:
                break
            score = scores.get(day)
            if score is None:
                picture.append("·", style="grey42")
            else:
                level = day_level(score)
                picture.append(DAY_SHADES[level], style=DAY_STYLES[level])
        picture.append("\n")
    picture.append(
        " " * 9 + "· no score  " + "  ".join(f"{c} {n}" for n, c in DAY_SHADES.items()),
        style="grey62",
    )
    return picture
