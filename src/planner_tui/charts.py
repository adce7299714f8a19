"""The review's charts, drawn with plotext: the same drawing feeds the Review view (through
textual-plotext's widget) and the Markdown file (plotext alone, as plain text: `planner-tui
review` never loads Textual or Rich).

Each series has its own marker character, so the charts read without colour too.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from planner_tui.db.models import Channel, label

if TYPE_CHECKING:
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
        plt.bar([d for d, _ in days], [v for _, v in days], marker="█", width=0.5)
    plt.ylim(0, 5)
    plt.yticks([1, 2, 3, 4, 5])
    last = data.as_of.day
    plt.xlim(0.5, max(last, 2) + 0.5)
    plt.xticks([d for d in (1, 8, 15, 22, 29) if d <= last])


def draw_connectedness(plt: Any, data: MonthReviewData) -> None:
    _scores(plt, data, 1, "Connectedness each day (1–5; gaps are days without a score)")


def draw_mood(plt: Any, data: MonthReviewData) -> None:
    _scores(plt, data, 0, "Mood each day (1–5)")


def week_label(first: date, last: date) -> str:
    return f"{first.day}–{last.day}" if first != last else str(first.day)


def draw_weeks(plt: Any, data: MonthReviewData) -> None:
    weeks = data.weeks
    channels = [c for c in Channel if any(w.counts.get(c) for w in weeks)]
    plt.title("Contact each week, by channel")
    if not channels:
        return
    plt.stacked_bar(
        [week_label(w.first, w.last) for w in weeks],
        [[w.counts.get(c, 0) for w in weeks] for c in channels],
        marker=[CHANNEL_MARKERS[c] for c in channels],
        orientation="h",
        width=0.6,
    )
    ticks = whole_ticks(max(sum(w.counts.values()) for w in weeks))
    plt.xticks(ticks)  # counts are whole contacts: plotext alone would mark 0.75, 1.5…
    plt.xlim(0, ticks[-1])


def whole_ticks(top: int, most: int = 6) -> list[int]:
    """Axis marks for counts up to *top*: whole numbers from 0, at most *most* of them,
    the last at or past *top* (0, 1, 2, 3 for 3; 0, 5, 10, 15 for 13)."""
    step = 1
    while top / step > most - 1:
        step = next(s * 10**e for e in range(12) for s in (1, 2, 5) if s * 10**e > step)
    return list(range(0, -(-max(top, 1) // step) * step + 1, step))


def channel_legend(data: MonthReviewData) -> str:
    present = [c for c in Channel if any(w.counts.get(c) for w in data.weeks)]
    return "  ".join(f"{CHANNEL_MARKERS[c]} {label(c)}" for c in present)


def draw_trend(plt: Any, data: MonthReviewData) -> None:
    months = data.trend
    span = f"{months[0].month:%b %Y} – {months[-1].month:%b %Y}: " if months else ""
    plt.title(f"Averages, {span}{CONNECTED_FILL} connectedness, {MOOD_FILL} mood")
    # Three letters a month, the years in the title: a longer name ("Dec 25") overlaps
    # its neighbour, and plotext then leaves one out.
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
    "weeks": (draw_weeks, 12),
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
    draw(plt, data)
    plt.plotsize(width, height)
    plt.theme("clear")
    lines = plotext.uncolorize(plt.build()).splitlines()
    return "\n".join(line.rstrip() for line in lines)
