"""The review's charts, drawn with plotext: the same drawing feeds the Review view (through
textual-plotext's widget) and the Markdown file (plotext alone, as plain text: `planner-tui
review` never loads Textual or Rich).

Each series has its own marker character, so the charts read without colour too.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from planner_tui import clock
from planner_tui.db.models import Channel, label

if TYPE_CHECKING:
    from rich.text import Text

    from planner_tui.services.review import MonthReviewData

Draw = Callable[[Any, "MonthReviewData"], None]
"""Draws one chart on a plotext figure (``plt``) from a month's review."""

CHANNEL_MARKERS = {
    Channel.IN_PERSON: "█",
    Channel.CALL: "▓",
    Channel.TEXT: "▒",
    Channel.SOCIAL: "░",
    Channel.OTHER: "=",
}
CONNECTED_FILL = "█"
MOOD_FILL = "▒"


def _scores(plt: Any, data: MonthReviewData, index: int, name: str) -> None:
    days = [(day.day, scores[index]) for day, *scores in data.daily if scores[index] is not None]
    plt.title(name)
    if days:
        # Bars nine tenths of a day wide: narrower, plotext left blank columns between days
        # with a score (read as days without one) from 100 columns up; a day without a score
        # stays a gap at every width from 60 to 156. plotext measures a bar's width in the
        # nearest two bars' distance: days a week apart drew bars a week wide.
        nearest = min((b - a for (a, _), (b, _) in pairwise(days)), default=1)
        width = 0.9 / max(nearest, 1)
        plt.bar([d for d, _ in days], [v for _, v in days], marker="█", width=width)
    plt.ylim(0, 5)
    plt.yticks([1, 2, 3, 4, 5])
    last = data.as_of.day
    plt.xlim(0.5, max(last, 2) + 0.5)
    plt.xticks(day_ticks(last))


def day_ticks(last: int) -> list[int]:
    """The days a daily chart names, to *last*: each one in a month's first days (a month
    five days old named only day 1, and a bar on the 5th read as the 1st's), else a week
    apart, and the last day shown when it stands clear of them."""
    if last <= 10:
        return list(range(1, last + 1))
    weekly = list(range(1, last + 1, 7))
    return [*weekly, last] if last - weekly[-1] >= 3 else weekly


def draw_connectedness(plt: Any, data: MonthReviewData) -> None:
    _scores(plt, data, 1, "Connectedness each day (1–5; a gap: no score)")


def draw_mood(plt: Any, data: MonthReviewData) -> None:
    _scores(plt, data, 0, "Mood each day (1–5)")


def week_label(first: date, last: date) -> str:
    return f"{first.day}–{last.day}" if first != last else str(first.day)


def draw_by_channel(
    plt: Any, title: str, bars: list[tuple[str, dict[Channel, int]]], *, orientation: str = "h"
) -> None:
    """Contact in each period (a week, a month) as a bar stacked by channel, each channel
    with its own marker: the Review's weeks and someone's months on their page."""
    channels = [c for c in Channel if any(counts.get(c) for _, counts in bars)]
    plt.title(title)
    if not channels:
        return
    plt.stacked_bar(
        [name for name, _ in bars],
        [[counts.get(c, 0) for _, counts in bars] for c in channels],
        marker=[CHANNEL_MARKERS[c] for c in channels],
        orientation=orientation,
        width=0.6,
    )
    ticks = whole_ticks(max(sum(counts.values()) for _, counts in bars))
    # Counts are whole contacts: plotext alone would mark 0.75, 1.5…
    if orientation == "h":
        plt.xticks(ticks)
        plt.xlim(0, ticks[-1])
    else:
        plt.yticks(ticks)
        plt.ylim(0, ticks[-1])


def whole_ticks(top: int, most: int = 6) -> list[int]:
    """Axis marks for counts up to *top*: whole numbers from 0, at most *most* of them,
    the last at or past *top* (0, 1, 2, 3 for 3; 0, 5, 10, 15 for 13)."""
    step = 1
    while top / step > most - 1:
        step = next(s * 10**e for e in range(12) for s in (1, 2, 5) if s * 10**e > step)
    return list(range(0, -(-max(top, 1) // step) * step + 1, step))


CHANNEL_STYLES = {
    Channel.IN_PERSON: "bold cyan",
    Channel.CALL: "magenta",
    Channel.TEXT: "green",
    Channel.SOCIAL: "yellow",
    Channel.OTHER: "grey62",
}


def week_bars(data: MonthReviewData) -> Text:
    """Contact in each week of the month, by channel: a text picture, one line a week
    (plotext's bars drawn across rows put a week's contact beside the wrong week)."""
    from planner_tui.pictures import stacked_rows

    present = [c for c in Channel if any(w.counts.get(c) for w in data.weeks)]
    return stacked_rows(
        [(week_label(w.first, w.last), [w.counts.get(c, 0) for c in present]) for w in data.weeks],
        [(CHANNEL_MARKERS[c], CHANNEL_STYLES[c]) for c in present],
    )


def span(firsts: list[date]) -> str:
    """', Dec 2025 – Nov 2026', the months a chart covers, for its title: the bars are
    named by three letters only, since a longer name ("Dec 25") overlaps its neighbour and
    plotext then leaves one out."""
    return (
        f", {clock.strftime(firsts[0], '%b %Y')} – {clock.strftime(firsts[-1], '%b %Y')}"
        if firsts
        else ""
    )


def draw_months(plt: Any, months: list[tuple[date, dict[Channel, int]]]) -> None:
    """Someone's contact month by month (oldest first), by channel."""
    bars = [(f"{first:%b}", counts) for first, counts in months]
    title = f"Contact each month by channel{span([first for first, _ in months])}"
    draw_by_channel(plt, title, bars, orientation="v")


def legend(present: list[Channel]) -> str:
    return "  ".join(f"{CHANNEL_MARKERS[c]} {label(c)}" for c in present)


def channel_legend(data: MonthReviewData) -> str:
    return legend([c for c in Channel if any(w.counts.get(c) for w in data.weeks)])


def draw_trend(plt: Any, data: MonthReviewData) -> None:
    months = data.trend
    title_span = span([m.month for m in months])
    plt.title(f"Averages{title_span}: {CONNECTED_FILL} connectedness, {MOOD_FILL} mood")
    names = [m.month.strftime("%b") for m in months]
    plt.multiple_bar(
        names,
        [[m.avg_connectedness or 0 for m in months], [m.avg_mood or 0 for m in months]],
        marker=[CONNECTED_FILL, MOOD_FILL],
        width=0.8,
    )
    plt.ylim(0, 5)
    plt.yticks([1, 2, 3, 4, 5])


CHARTS: dict[str, tuple[Draw, int]] = {
    "connectedness": (draw_connectedness, 10),
    "mood": (draw_mood, 10),
    "trend": (draw_trend, 12),
}
"""Each chart by name, with the height it is drawn at."""


def chart_text(name: str, data: MonthReviewData, *, width: int = 72) -> str:
    """A chart as plain text, for files."""
    import plotext
    from plotext._figure import _figure_class as Figure  # a figure of its own, as the
    # widget makes one (plotext's module-level functions share a global figure)

    draw, height = CHARTS[name]
    plt = Figure()
    plt._limit_size(False, False)  # a file's width, not the terminal's (40 columns cut it)
    draw(plt, data)
    plt.plotsize(width, height)
    plt.theme("clear")
    lines = plotext.uncolorize(plt.build()).splitlines()
    return "\n".join(line.rstrip() for line in lines)
