"""The Review's charts read truly (issue 16): the weekly chart counts whole contacts, and
the twelve-month chart names every month, December included, whatever month is reviewed."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

from planner_tui.charts import chart_text, whole_ticks
from planner_tui.db.engine import Database
from planner_tui.services import people, review

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def axis(chart: str) -> list[str]:
    """The marks under a chart's bottom edge."""
    lines = chart.splitlines()
    edge = max(i for i, line in enumerate(lines) if "└" in line)
    return lines[edge + 1].split()


def test_whole_ticks_are_whole_and_reach_the_top() -> None:
    assert whole_ticks(0) == [0, 1]
    assert whole_ticks(3) == [0, 1, 2, 3]
    assert whole_ticks(13) == [0, 5, 10, 15]
    assert whole_ticks(37) == [0, 10, 20, 30, 40]


@pytest.mark.parametrize("width", [72, 60])
def test_the_weekly_chart_counts_whole_contacts(sqlite_db: Database, width: int) -> None:
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"})
        for day, channel in ((3, "call"), (10, "text"), (11, "call"), (12, "in_person")):
            people.log_interaction(session=s, data={
                "occurred_at": datetime(2026, 11, day, 18, tzinfo=UTC),
                "person_ids": [ana.id], "channel": channel,
            })  # fmt: skip
    with sqlite_db.session() as s:
        data = review.review_month(session=s, month=date(2026, 11, 1), today=date(2026, 11, 23))
    marks = axis(chart_text("weeks", data, width=width))
    assert marks == ["0", "1", "2", "3"], marks


@pytest.mark.parametrize("month", [date(2026, 11, 1), date(2025, 12, 1), date(2026, 6, 1)])
@pytest.mark.parametrize("width", [72, 60])
def test_the_twelve_month_chart_names_every_month(
    sqlite_db: Database, month: date, width: int
) -> None:
    with sqlite_db.session() as s:
        data = review.review_month(session=s, month=month, today=date(2026, 11, 23))
    chart = chart_text("trend", data, width=width)
    marks = axis(chart)
    first = MONTHS.index(f"{month:%b}") + 1
    assert marks == MONTHS[first:] + MONTHS[:first], chart
    assert re.search(rf"{month:%b %Y}", chart.splitlines()[0])  # the years, in the title
