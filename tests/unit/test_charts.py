"""The Review's charts read truly (issue 16): the weekly chart counts whole contacts, and
the twelve-month chart names every month, December included, whatever month is reviewed."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from itertools import pairwise

import pytest
from hypothesis import given, strategies as st
from rich.cells import cell_len

from planner_tui.charts import (
    TOO_NARROW,
    daily_bars,
    day_bars,
    month_bars,
    week_bars,
)
from planner_tui.db.engine import Database
from planner_tui.pictures import stacked_rows
from planner_tui.services import journal, people, review

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def axis(chart: str) -> list[str]:
    """The marks under a chart's bottom edge."""
    lines = chart.splitlines()
    edge = max(i for i, line in enumerate(lines) if "└" in line)
    return lines[edge + 1].split()


def test_each_week_shows_its_own_contact_by_channel(sqlite_db: Database) -> None:
    """A new user's November: plotext drew the week of 23–29 (one text) as in person, and
    the text nowhere. Each week is a line of its own now, every contact in it."""
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"})
        for day, channel in ((3, "social"), (10, "call"), (11, "call"), (12, "in_person"),
                             (20, "in_person"), (25, "text"), (30, "call")):  # fmt: skip
            people.log_interaction(session=s, data={
                "occurred_at": datetime(2026, 11, day, 12, tzinfo=UTC),
                "person_ids": [ana.id], "channel": channel,
            })  # fmt: skip
    with sqlite_db.session() as s:
        data = review.review_month(session=s, month=date(2026, 11, 1), today=date(2026, 11, 30))
    rows = week_bars(data).plain.splitlines()
    per = 48 // 3  # cells a contact, the fullest week (9–15) filling the width
    assert rows == [
        "    1 │ 0",  # a week with none says so (nu246)
        "  2–8 │ " + "░" * per + " 1",
        " 9–15 │ " + "█" * per + "▓" * 2 * per + " 3",
        "16–22 │ " + "█" * per + " 1",
        "23–29 │ " + "▒" * per + " 1",
        "   30 │ " + "▓" * per + " 1",
    ]


def test_a_week_of_one_contact_is_seen_beside_a_very_full_one() -> None:
    picture = stacked_rows([("1–7", [1, 0]), ("8–14", [60, 140])], [("█", ""), ("▒", "")])
    one, full = picture.plain.splitlines()
    assert one == " 1–7 │ █ 1"
    assert full.startswith("8–14 │ █") and full.endswith(" 200") and cell_len(full) <= 8 + 48 + 4


def month_bars_read(chart: str) -> list[tuple[str, float | None, float | None]]:
    """Each month of a twelve-month chart as drawn, its rows of months in turn: its name and
    the connectedness and mood its bars reach, counted up from the bottom in eighths (a
    whole cell is 8; None: blank). A month's ┬ stands under its mood bar's first column,
    the connectedness bar ending just before it."""
    lines = chart.splitlines()
    read = []
    for edge in (n for n, line in enumerate(lines) if "└" in line):
        levels = [lines[edge - level] for level in range(1, 6)]
        assert [row[:2] for row in levels] == [f"{level}┤" for level in range(1, 6)]
        for tick in (at for at, mark in enumerate(lines[edge]) if mark == "┬"):
            names = re.finditer(r"\S+", lines[edge + 1])
            name = next(m.group() for m in names if m.start() <= tick < m.end())

            def height(at: int, levels: list[str] = levels) -> float | None:
                cells = [row.ljust(at + 1)[at] for row in levels]
                return sum(8 if c in "█▒" else " ▁▂▃▄▅▆▇".index(c) for c in cells) / 8 or None

            read.append((name, height(tick - 1), height(tick)))
    return read


@pytest.mark.parametrize("month", [date(2026, 11, 1), date(2025, 12, 1), date(2026, 6, 1)])
@pytest.mark.parametrize("width", [72, 60, 31])
def test_the_twelve_month_chart_names_every_month(
    sqlite_db: Database, month: date, width: int
) -> None:
    with sqlite_db.session() as s:
        data = review.review_month(session=s, month=month, today=date(2026, 11, 23))
    chart = month_bars(data, width).plain
    first = MONTHS.index(f"{month:%b}") + 1
    assert [name for name, _, _ in month_bars_read(chart)] == MONTHS[first:] + MONTHS[:first]
    assert re.search(rf"{month:%b %Y}", chart.splitlines()[0])  # the years, in the title


@pytest.mark.parametrize("width", [31, 41, 51, 72, 90])
def test_each_month_reads_as_its_averages_at_any_width(sqlite_db: Database, width: int) -> None:
    """plotext drew the averages on rows 5┤ 4┤ │ 3┤ 2┤ │ 1┤ and ended every bar at the 4:
    4.6 read as 4.0 (and, squeezed, drew one month over another). A row a point of the
    scale now, each bar's top in eighths (4.6 reaches 4⅝), every month in columns of its
    own; a month without a score is blank."""
    days = {  # a month: each day's connectedness and mood
        1: [(5, 2), (4, 2), (5, 2), (5, 2), (4, 2)],  # 4.6 and 2
        2: [(1, 5), (1, 5), (1, 5), (2, 5)],  # 1.25 and 5
        3: [(3, 3), (3, 4)],  # 3 and 3.5
        5: [(2, None)],  # 2, and no mood
    }
    with sqlite_db.write() as s:
        for month, scores in days.items():
            for day, (connected, mood) in enumerate(scores, start=1):
                journal.save_entry(session=s, data={
                    "day": date(2026, month, day), "connectedness": connected, "mood": mood})  # fmt: skip
    with sqlite_db.session() as s:
        data = review.review_month(session=s, month=date(2026, 11, 1), today=date(2026, 11, 23))
    drawn = month_bars_read(month_bars(data, width).plain)
    # Jan – Nov 2026: from the planner's first month (December 2025 had nothing to draw)
    assert [name for name, _, _ in drawn] == MONTHS[:11]
    reached = {"Jan": (4.625, 2), "Feb": (1.25, 5), "Mar": (3, 3.5), "May": (2, None)}
    assert {name: (connected, mood) for name, connected, mood in drawn} == {
        name: reached.get(name, (None, None)) for name in MONTHS[:11]
    }


@pytest.mark.parametrize("width", [27, 41, 51, 60, 72, 90, 156])
@pytest.mark.parametrize("missing", [None, 10, 21])
def test_the_daily_chart_has_a_gap_only_for_a_day_without_a_score(
    sqlite_db: Database, width: int, missing: int | None
) -> None:
    """A new user's October, scored every day, showed blank columns between days, under a
    title saying gaps are days without a score. A gap now means just that."""
    with sqlite_db.write() as s:
        for day in range(1, 32):
            if day != missing:
                journal.save_entry(
                    session=s, data={"day": date(2026, 10, day), "connectedness": 3, "mood": 3}
                )
    with sqlite_db.session() as s:
        data = review.review_month(session=s, month=date(2026, 10, 1), today=date(2026, 11, 30))
    lines = daily_bars(data, width).plain.splitlines()
    bottoms = [line.split("┤")[1] for line in lines if line.startswith("1┤")]
    gaps = [re.findall(r" +", bars.strip()) for bars in bottoms]
    assert sum(map(len, gaps)) == (0 if missing is None else 2), lines  # in both charts


@pytest.mark.parametrize(
    ("so_far", "named"), [(5, "1 2 3 4 5"), (12, "1 8 12"), (30, "1 8 15 22 29")]
)
def test_the_daily_chart_names_the_days_of_a_month_going(
    sqlite_db: Database, so_far: int, named: str
) -> None:
    """A month five days old named only day 1 under its bars, so a lone bar on the 5th read
    as the 1st's."""
    with sqlite_db.write() as s:
        journal.save_entry(session=s, data={"day": date(2026, 11, so_far), "connectedness": 4})
    with sqlite_db.session() as s:
        data = review.review_month(session=s, month=date(2026, 11, 1), today=date(2026, 11, so_far))
    assert " ".join(axis(daily_bars(data, 80).plain)) == named


@given(st.integers(1, 31))
def test_the_days_a_daily_chart_names_are_its_own_in_order(last: int) -> None:
    """Whatever day a month has reached: day 1 is named, every day named is one the chart
    shows, in order, none twice, never two closer than three days once they are a week
    apart — and a month's first days are each named."""
    from planner_tui.charts import day_ticks

    ticks = day_ticks(last)
    assert ticks[0] == 1 and all(1 <= t <= last for t in ticks)
    assert ticks == sorted(set(ticks))
    if last <= 10:
        assert ticks == list(range(1, last + 1))
    else:
        assert all(b - a >= 3 for a, b in pairwise(ticks))


@pytest.mark.parametrize("width", [72, 116])
def test_two_scores_a_week_apart_are_each_a_day_wide(sqlite_db: Database, width: int) -> None:
    """Scores on the 5th and the 11th only: each bar was drawn six days wide (plotext
    measures a bar in the distance between bars), read as scores on days with none."""
    with sqlite_db.write() as s:
        for day, score in ((5, 2), (11, 4)):
            journal.save_entry(session=s, data={"day": date(2026, 11, day), "connectedness": score})
    with sqlite_db.session() as s:
        data = review.review_month(session=s, month=date(2026, 11, 1), today=date(2026, 11, 15))
    lines = daily_bars(data, width).plain.splitlines()
    edge = min(i for i, line in enumerate(lines) if "└" in line)  # the connectedness chart's
    day_columns = (len(lines[edge]) - 2) / 15  # 15 days across the chart's width
    for run in re.findall("█+", lines[edge - 1]):  # each bar on the bottom line
        assert len(run) < 1.5 * day_columns, lines  # about a day (it was six)


@pytest.mark.parametrize("width", [31, 41, 51, 72])
def test_the_daily_charts_keep_their_titles_on_a_narrow_screen(
    sqlite_db: Database, width: int
) -> None:
    """Below 68 columns the first chart lost its title (plotext drops one too long for the
    chart), and nothing said what it measured; the second kept its shorter one."""
    with sqlite_db.write() as s:
        journal.save_entry(
            session=s, data={"day": date(2026, 10, 3), "connectedness": 3, "mood": 3}
        )
    with sqlite_db.session() as s:
        data = review.review_month(session=s, month=date(2026, 10, 1), today=date(2026, 11, 30))
    drawn = daily_bars(data, width).plain
    assert "Connectedness each day" in drawn and "Mood each day" in drawn


def heights(picture: str, days: int) -> list[float | None]:
    """Each day's score read back from a daily chart as drawn, its rows of days in turn:
    the cells of the day's columns, counted up from the bottom in eighths (None: blank)."""
    lines = picture.splitlines()
    edges = [n for n, line in enumerate(lines) if "└" in line]
    columns = sum(len(lines[n]) - 2 for n in edges) // days  # a day's, in every row of days
    read: list[float | None] = []
    for edge in edges:
        wide = len(lines[edge]) - 2
        levels = [lines[edge - level].split("┤")[1].ljust(wide) for level in range(1, 6)]
        for at in range(0, wide, columns):
            assert all(row[at : at + columns] == row[at] * columns for row in levels)
            read.append(sum(" ▁▂▃▄▅▆▇█".index(row[at]) for row in levels) / 8 or None)
    return read


@given(
    st.lists(st.none() | st.integers(8, 40).map(lambda eighths: eighths / 8), min_size=1,
             max_size=31),
    st.integers(9, 140),
)  # fmt: skip
def test_each_day_keeps_its_own_height_at_any_width(scores: list[float | None], width: int) -> None:
    """A new user's 30 days at 60 columns: the days scored 2 and 1 were hidden under their
    neighbours' bars (plotext squeezed 30 days into 48 columns). Each day is its own
    columns now, a row a point, read back as scored, and no line passes the width."""
    drawn = day_bars("Connectedness each day", scores, width).plain
    assert heights(drawn, len(scores)) == scores, drawn
    assert all(len(line) <= width for line in drawn.splitlines()[1:]), drawn  # the title wraps


@pytest.mark.parametrize(("width", "rows"), [(33, 1), (32, 2), (18, 2), (17, 3), (9, 5)])
def test_a_month_too_wide_for_the_width_goes_in_even_rows_of_days(width: int, rows: int) -> None:
    drawn = day_bars("Mood each day", [4.0] * 31, width).plain
    assert drawn.count("└") == rows, drawn
    assert heights(drawn, 31) == [4.0] * 31


def test_a_chart_with_no_room_for_a_week_says_so() -> None:
    assert day_bars("Mood each day", [4.0] * 31, 8).plain == f"Mood each day\n{TOO_NARROW}"


@pytest.mark.parametrize("room", [16, 27, 31, 41, 51, 71])
def test_each_weeks_count_shows_however_narrow(room: int) -> None:
    """The demo's weeks: at 50 columns a week's bar of 37 contacts ran off the screen with
    its count."""
    weeks = [("1", [1, 1, 3, 1, 1]), ("2–8", [11, 6, 16, 4, 0]), ("9–15", [12, 3, 11, 9, 1])]
    fills = [(fill, "") for fill in "█▓▒░="]
    lines = stacked_rows(weeks, fills, room=room).plain.splitlines()
    assert [line.split()[-1] for line in lines] == ["7", "37", "36"]
    assert all(cell_len(line) <= room for line in lines), lines
