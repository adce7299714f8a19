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


WORD = st.text("abcdeéßøçhklmnorstuwÅ", min_size=2, max_size=8)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(WORD, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=8),
       st.data())  # fmt: skip
def test_spelling_a_word_of_the_highlighted_line_stays_on_it(
    lines: list[str], data: st.DataObject
) -> None:
    """Letters typed close together, from the line with the highlight, that spell the start
    of a word of that line end on it, whatever the lines after it begin with: `ch` on
    *Choir* ended on *St Marys Church*, found by the `c` (nu212)."""
    at = data.draw(st.integers(0, len(lines) - 1))
    word = data.draw(st.sampled_from(lines[at].split()))
    spelled = word[: data.draw(st.integers(2, len(word)))]
    if spelled[0] == spelled[1]:  # the same letter again goes on to its next line
        return
    finder, highlight = ticks.Finder(), at
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ticks, "FIND_PAUSE", 3600)  # every letter spells on
        for letter in spelled:
            found = finder.find(letter, lines, highlight)
            highlight = highlight if found is None else found
    assert highlight == at, (spelled, lines)


class Clock:
    """The seconds :class:`ticks.Finder` reads, moved on by the test."""

    def __init__(self) -> None:
        self.now = 100.0

    def monotonic(self) -> float:
        return self.now


@pytest.mark.parametrize(
    ("keys", "found", "spelled"),
    [
        # After the pause, a letter no name begins with goes on with the name (nu215: the
        # "l" of a slow "c", "l" went to the notes)...
        ("c l", "Climbing club", "cl"),
        # ...a letter some name begins with begins a new one, as before...
        ("c f", "Family", "f"),
        # ...and one that goes on with neither finds nothing (it goes on in the notes).
        ("c z", None, "z"),
        # Typed close together, as before: "ch" spells on.
        ("ch", "Choir", "ch"),
    ],
)
def test_a_letter_after_a_pause_goes_on_with_the_name_when_none_begins_with_it(
    monkeypatch: pytest.MonkeyPatch, keys: str, found: str | None, spelled: str
) -> None:
    lines = ["Work", "Choir", "Family", "Climbing club", "Online"]
    clock = Clock()
    monkeypatch.setattr(ticks, "FIND_PAUSE", 1.0)
    monkeypatch.setattr(ticks, "time", clock)
    finder, highlight, line = ticks.Finder(), 0, None
    for key in keys:
        if key == " ":
            clock.now += 2  # a slow typist's pause
            continue
        line = finder.find(key, lines, highlight)
        highlight = highlight if line is None else line
    assert (None if line is None else lines[line]) == found
    assert finder.spelled == spelled
