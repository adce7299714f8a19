"""The charts: the same drawing feeds the Review view and the Markdown file. Each day's
scores, each week's contact, the twelve months' averages and someone's months on their page
are text pictures drawn to the width they are shown at (plotext, squeezed, drew bars over
their neighbours, and bars of one or two under the line of 0).

Each series has its own marker character, so the charts read without colour too.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from planner_tui import clock
from planner_tui.db.models import Channel, label

if TYPE_CHECKING:
    from rich.text import Text

    from planner_tui.services.review import MonthReviewData

CHANNEL_MARKERS = {
    Channel.IN_PERSON: "█",
    Channel.CALL: "▓",
    Channel.TEXT: "▒",
    Channel.SOCIAL: "░",
    Channel.OTHER: "=",
}
FILE_WIDTH = 72
"""A file's charts and pictures are drawn this wide, whatever the terminal."""

CONNECTED_FILL = "█"
MOOD_FILL = "▒"

SCORE_LEVELS = 5
"""A daily chart's rows: one a point of the 1–5 scale, so a day scored 2 is two rows tall."""
EIGHTHS = " ▁▂▃▄▅▆▇█"
"""The top cell of a day's bar, by eighths: a day's average (3.5) reaches between rows."""
FEWEST_DAYS = 7
"""Narrower than a column each for a week's days, a daily chart says so instead."""
NAMED_APART = 3
"""Days a week apart are named, and another only this far from them: nearer, it crowds them."""
TOO_NARROW = "Too narrow here to give each day a column of its own: a wider terminal shows them."
MONTH_FEWEST = 4
"""A month's columns in the twelve-month chart, at the fewest: its name's three letters and
a space before the next."""
MONTH_WIDEST = 12
"""A month's columns at the most: two months drawn across the whole width were two walls."""
MONTHS_TOO_NARROW = "Too narrow here to name each month: a wider terminal shows them."
CONNECTED_STYLE = "bold cyan"
MOOD_STYLE = "magenta"


def day_bars(title: str, scores: list[float | None], width: int) -> Text:
    """A 1–5 score each day of a month so far (None: no score) as bars, fitted to *width*:
    each day in whole columns of its own — plotext squeezed the bars into columns two days
    shared, and a taller neighbour hid a low day —, a row a point of the scale. Where one
    row of days doesn't fit, they go in even rows (a month's halves), each with its days
    named; where not even a week fits, it says so."""
    from rich.text import Text

    from planner_tui.pictures import even_rows

    axis = len(f"{SCORE_LEVELS}┤")
    picture = Text(title, end="")
    if width - axis < FEWEST_DAYS:
        picture.append("\n" + TOO_NARROW, style="italic")
        return picture
    per_row = even_rows(len(scores), width - axis)
    columns = (width - axis) // per_row  # a day's, the same in every row
    named = day_ticks(len(scores))
    for first in range(1, len(scores) + 1, per_row):
        days = scores[first - 1 : first - 1 + per_row]
        for level in range(SCORE_LEVELS, 0, -1):
            picture.append(f"\n{level}┤", style="grey62")
            picture.append("".join(_level_cell(score, level) * columns for score in days))
        ticks = [day for day in named if first <= day < first + len(days)]
        if not ticks or ticks[0] - first >= NAMED_APART:  # each row names its first days
            ticks.insert(0, first)
        under = [((day - first) * columns + (columns - 1) // 2, str(day)) for day in ticks]
        picture.append(_named_edge(axis, columns * len(days), under), style="grey62")
    return picture


def _named_edge(axis: int, wide: int, names: list[tuple[int, str]]) -> str:
    """A chart's bottom edge, *wide* columns after its axis, then the line naming what is
    above it: each of *names* (a column, its name) centred under that column, a ┬ over it,
    where it has room — a space from the name before it."""
    edge, labels = ["─"] * wide, ""
    for at, name in names:
        start = min(axis + at - len(name) // 2, axis + wide - len(name))
        if not labels or start > len(labels):
            edge[at], labels = "┬", labels.ljust(start) + name
    return "\n" + " " * (axis - 1) + "└" + "".join(edge) + "\n" + labels


def _level_cell(score: float | None, level: int, fill: str = EIGHTHS[-1]) -> str:
    """A bar's cell in the row of *level*: *fill* below its score, an eighths block at its
    top (blank for none)."""
    if score is None:
        return " "
    eighths = round(min(max(score - (level - 1), 0), 1) * 8)
    return fill if eighths == len(EIGHTHS) - 1 else EIGHTHS[eighths]


def month_bars(data: MonthReviewData, width: int) -> Text:
    """The average connectedness and mood of each of the last twelve months (oldest first),
    side by side, fitted to *width* as :func:`day_bars` fits days — plotext, squeezed, drew
    one month's bar over another's and left months unnamed, and ended every bar at its 4
    row (4.6 read as 4). A row a point of the scale; each month in whole columns of its
    own, named under its bars; where twelve don't fit across, they go in even rows."""
    from rich.text import Text

    from planner_tui.pictures import even_rows

    months = data.trend_shown
    picture = Text(
        f"Averages{span([m.month for m in months])}: "
        f"{CONNECTED_FILL} connectedness, {MOOD_FILL} mood",
        end="",
    )
    axis = len(f"{SCORE_LEVELS}┤")
    if width - axis < MONTH_FEWEST:
        picture.append("\n" + MONTHS_TOO_NARROW, style="italic")
        return picture
    per_row = even_rows(len(months), (width - axis) // MONTH_FEWEST)
    columns = min((width - axis) // per_row, MONTH_WIDEST)  # a month's, in every row
    bar = (columns - 1) // 2  # each score's: a space at least before the next month
    before = (columns - 2 * bar) // 2  # the bars centred in the month's columns
    for first in range(0, len(months), per_row):
        shown = months[first : first + per_row]
        for level in range(SCORE_LEVELS, 0, -1):
            picture.append(f"\n{level}┤", style="grey62")
            for month in shown:
                connected = _level_cell(month.avg_connectedness, level, CONNECTED_FILL)
                mood = _level_cell(month.avg_mood, level, MOOD_FILL)
                picture.append(" " * before)
                picture.append(connected * bar, style=CONNECTED_STYLE)
                picture.append(mood * bar, style=MOOD_STYLE)
                picture.append(" " * (columns - before - 2 * bar))
        under = [(n * columns + before + bar, f"{m.month:%b}") for n, m in enumerate(shown)]
        picture.append(_named_edge(axis, columns * len(shown), under), style="grey62")
    return picture


def day_ticks(last: int) -> list[int]:
    """The days a daily chart names, to *last*: each one in a month's first days (a month
    five days old named only day 1, and a bar on the 5th read as the 1st's), else a week
    apart, and the last day shown when it stands clear of them."""
    if last <= 10:
        return list(range(1, last + 1))
    weekly = list(range(1, last + 1, 7))
    return [*weekly, last] if last - weekly[-1] >= NAMED_APART else weekly


def daily_bars(data: MonthReviewData, width: int) -> Text:
    """Connectedness, then mood, each day of the month so far (see :func:`day_bars`)."""
    connectedness = day_bars(
        "Connectedness each day (1–5; a gap: no score)", [c for _d, _m, c in data.daily], width
    )
    mood = day_bars("Mood each day (1–5)", [m for _d, m, _c in data.daily], width)
    return connectedness.append("\n\n").append_text(mood)


def week_label(first: date, last: date) -> str:
    return f"{first.day}–{last.day}" if first != last else str(first.day)


CHANNEL_STYLES = {
    Channel.IN_PERSON: "bold cyan",
    Channel.CALL: "magenta",
    Channel.TEXT: "green",
    Channel.SOCIAL: "yellow",
    Channel.OTHER: "grey62",
}


def week_bars(data: MonthReviewData, width: int = FILE_WIDTH) -> Text:
    """Contact in each week of the month, by channel: a text picture, one line a week
    (plotext's bars drawn across rows put a week's contact beside the wrong week), no
    wider than *width*."""
    from planner_tui.pictures import stacked_rows

    present = [c for c in Channel if any(w.counts.get(c) for w in data.weeks)]
    return stacked_rows(
        [(week_label(w.first, w.last), [w.counts.get(c, 0) for c in present]) for w in data.weeks],
        [(CHANNEL_MARKERS[c], CHANNEL_STYLES[c]) for c in present],
        room=width,
    )


def span(firsts: list[date]) -> str:
    """', Dec 2025 – Nov 2026', the months a chart covers, for its title: its columns are
    named by three letters only, for room."""
    return (
        f", {clock.strftime(firsts[0], '%b %Y')} – {clock.strftime(firsts[-1], '%b %Y')}"
        if firsts
        else ""
    )


def month_rows(months: list[tuple[date, dict[Channel, int]]], width: int) -> Text:
    """Someone's contact month by month (oldest first), by channel: a line a month, as
    :func:`week_bars` draws the Review's weeks, no wider than *width*."""
    from planner_tui.pictures import stacked_rows

    present = [c for c in Channel if any(counts.get(c) for _, counts in months)]
    return stacked_rows(
        [(clock.strftime(first, "%b %Y"), [counts.get(c, 0) for c in present])
         for first, counts in months],
        [(CHANNEL_MARKERS[c], CHANNEL_STYLES[c]) for c in present],
        room=width,
    )  # fmt: skip


def legend(present: list[Channel]) -> str:
    return "  ".join(f"{CHANNEL_MARKERS[c]} {label(c)}" for c in present)


def channel_legend(data: MonthReviewData) -> str:
    return legend([c for c in Channel if any(w.counts.get(c) for w in data.weeks)])
