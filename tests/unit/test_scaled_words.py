"""Spans said on one scale: how far past a hoped-for rhythm (the Map's Gaps, the person
page, `people --drifting`) and how long a gap was before being back in touch (the
Review's wins) read like `ago` — days, then weeks, then months, then years."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import example, given, strategies as st

from planner_tui import words


@pytest.mark.parametrize(
    ("days", "span", "said"),
    [
        (1, "1 day", "a little past it (1 day)"),
        (13, "13 days", "a little past it (13 days)"),
        (14, "2 weeks", "past it by 2 weeks"),
        (59, "8 weeks", "past it by 8 weeks"),
        (60, "2 months", "past it by 2 months"),
        (332, "10 months", "past it by 10 months"),  # calendar months, as `ago` counts
        (719, "23 months", "past it by 23 months"),
        (729, "23 months", "past it by 23 months"),
        (730, "2 years", "past it by 2 years"),
        (1200, "3 years", "past it by 3 years"),
    ],
)
def test_how_far_past_the_rhythm_grows_with_the_gap(days: int, span: str, said: str) -> None:
    assert words.past_by(days) == span
    assert words.past_rhythm(days) == said


def test_a_little_past_is_little_beside_the_rhythm() -> None:
    """13 days past every 2 weeks read "a little past" (nu162)."""
    assert words.past_rhythm(13, "every 2 weeks", 14) == "past every 2 weeks by 13 days"
    assert words.past_rhythm(5, "monthly", 30) == "a little past monthly (5 days)"
    assert words.past_rhythm(4, "weekly", 7) == "past weekly by 4 days"


@pytest.mark.parametrize(
    ("days", "said"),
    [
        (60, "after 2 months"),
        (97, "after 3 months"),
        (364, "after 11 months"),
        (365, "after more than a year"),
        (377, "after more than a year"),
        (None, "after more than a year"),
    ],
)
def test_a_long_gap_before_being_back_in_touch_is_said_one_way(days: int | None, said: str) -> None:
    assert words.after_gap(days) == said


@pytest.mark.parametrize(
    ("day", "said"),
    [
        ("2026-11-24", "tomorrow"),
        ("2026-12-06", "in 13 days"),
        ("2027-01-20", "in 8 weeks"),
        ("2027-10-23", "in 11 months"),
        ("2028-10-23", "in 23 months"),
        ("2028-11-23", "in 2 years"),
        ("9999-12-30", "in 7,973 years"),  # it said 'in 95,676 months'
    ],
)
def test_days_to_come_read_on_the_same_scale_as_days_gone(day: str, said: str) -> None:
    assert words.ago(date.fromisoformat(day), today=date(2026, 11, 23), ahead=True) == said


@given(st.dates(max_value=date(2024, 11, 1)), st.integers(min_value=0, max_value=400))
def test_past_the_rhythm_is_never_said_longer_than_the_time_since(last: date, rhythm: int) -> None:
    """Since a contact on *last*, with a hoped-for rhythm of *rhythm* days: 'past it by'
    never names more years than 'last in touch … ago' (a contact in year 1 was 'past it by
    2,027 years' beside '2,025 years ago': its years had 365 days)."""
    today = date(2026, 11, 23)  # the tests' frozen clock's day (tests/conftest.py)
    since = words.ago(last, today=today)
    past = words.past_by((today - last).days - rhythm)
    if since.endswith("years ago") and past.endswith("years"):
        assert int(past.split()[0].replace(",", "")) <= int(since.split()[0].replace(",", ""))
    if since.endswith("months ago") and past.endswith("months"):  # "8 months ago", quarterly:
        assert int(past.split()[0]) <= int(since.split()[0]) - rhythm // 31  # not "6 months"


@given(st.integers(min_value=0, max_value=3000), st.integers(min_value=0, max_value=3000))
@example(59, 60)
def test_a_longer_gap_is_never_said_shorter(one: int, other: int) -> None:
    """Days 60 back from 5 Dec, 6 Oct, read "1 month ago", and the day after "8 weeks
    ago": a longer time since said as the shorter one."""
    today = date(2026, 12, 5)
    in_days = {"day": 1, "days": 1, "week": 7, "weeks": 7, "month": 28, "months": 28,
               "year": 365, "years": 365}  # fmt: skip

    def least(said: str) -> int:  # the fewest days the words can mean
        if said in ("today", "yesterday"):
            return {"today": 0, "yesterday": 1}[said]
        count, unit, _ = said.split()
        return int(count.replace(",", "")) * in_days[unit]

    shorter, longer = sorted((one, other))
    said_shorter = words.ago(today - timedelta(days=shorter), today=today)
    said_longer = words.ago(today - timedelta(days=longer), today=today)
    assert least(said_longer) >= least(said_shorter), (said_shorter, said_longer)


@pytest.mark.parametrize(
    ("when", "said"),
    [
        ("today", "Today: who crossed your mind today? What would make tomorrow easier?"),
        ("yesterday", "Yesterday: who crossed your mind yesterday? What would make today easier?"),
        (
            "that day",
            "That day: who crossed your mind that day? What would make the day after easier?",
        ),
    ],
)
def test_a_prompt_written_for_today_is_said_of_the_check_ins_day(when: str, said: str) -> None:
    """Yesterday's check-in asked 'How much energy did you have for people today'."""
    prompt = "Today: who crossed your mind today? What would make tomorrow easier?"
    assert words.about_day(prompt, when) == said
    assert words.about_day("Todays todo, tomorrows", when) == "Todays todo, tomorrows"
