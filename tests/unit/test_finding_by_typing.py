"""Typing in a list or a closed drop-down finds a line (ui.widgets.ticks.Finder): any text
a line may hold — names from a vCard, contexts with emoji, scales numbered '4/5'."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from planner_tui.names import begins, name_key
from planner_tui.ui.forms.interaction import WARMTH
from planner_tui.ui.forms.plan import APPRECIATION, AWKWARD
from planner_tui.ui.widgets import ticks

LINES = st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=12)


@pytest.fixture(autouse=True)
def each_key_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ticks, "FIND_PAUSE", 0)  # every key starts a new name: no clock


@settings(max_examples=300, deadline=None)
@given(LINES, st.data())
def test_a_key_finds_a_line_one_of_whose_words_it_begins(
    lines: list[str], data: st.DataObject
) -> None:
    """Whatever the lines hold, a key finds a line with a word it begins (as names are
    begun everywhere: names.begins), or nothing when no line has one; never another line,
    never an error."""
    at = data.draw(st.integers(0, len(lines) - 1))
    key = data.draw(st.sampled_from([ch for line in lines for ch in line] + ["z", "5", "é"]))
    found = ticks.Finder().find(key, lines, at)
    wanted = name_key(key)

    def begins_a_word(line: str) -> bool:  # a number: the line's start alone
        return name_key(line).startswith(wanted) if wanted[:1].isdigit() else begins(key, line)

    if found is None:
        assert not any(begins_a_word(line) for line in lines)
    else:
        assert begins_a_word(lines[found])


@pytest.mark.parametrize(
    "scale", [WARMTH, AWKWARD, APPRECIATION], ids=["warmth", "awkward", "appreciation"]
)
@pytest.mark.parametrize("at", range(5))
def test_a_digit_finds_its_own_line_on_every_scale_from_any_line(scale: list[str], at: int) -> None:
    """'5' on how warm chose 2/5: every line of '1/5 … 5/5' has a word '5'."""
    for digit in range(1, 6):
        assert ticks.Finder().find(str(digit), scale, at) == digit - 1, (scale, digit, at)
