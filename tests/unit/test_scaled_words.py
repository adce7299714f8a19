"""Spans said on one scale: how far past a hoped-for rhythm (the Map's Gaps, the person
page, `people --drifting`) and how long a gap was before being back in touch (the
Review's wins) read like `ago` — days, then weeks, then months, then years."""

from __future__ import annotations

import pytest

from planner_tui import words


@pytest.mark.parametrize(
    ("days", "span", "said"),
    [
        (1, "1 day", "a little past it (1 day)"),
        (13, "13 days", "a little past it (13 days)"),
        (14, "2 weeks", "past it by 2 weeks"),
        (59, "8 weeks", "past it by 8 weeks"),
        (60, "1 month", "past it by 1 month"),
        (332, "10 months", "past it by 10 months"),
        (729, "23 months", "past it by 23 months"),
        (730, "2 years", "past it by 2 years"),
        (1200, "3 years", "past it by 3 years"),
    ],
)
def test_how_far_past_the_rhythm_grows_with_the_gap(days: int, span: str, said: str) -> None:
    assert words.past_by(days) == span
    assert words.past_rhythm(days) == said
