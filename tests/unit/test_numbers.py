"""Numbers and marks that mean one thing: one plural rule for every count shown, one way to
show a score, labels that belong to their own kind of value, and years where they matter."""

from __future__ import annotations

import ast
import re
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

import planner_tui
from planner_tui import clock, journal_search, words
from planner_tui.db import models
from planner_tui.db.engine import Database
from planner_tui.db.models import Channel, ContextKind, label
from planner_tui.services import journal

SOURCE = Path(planner_tui.__file__).parent


@pytest.mark.parametrize(
    ("count", "one", "many", "said"),
    [
        (0, "entry", "entries", "0 entries"),
        (1, "entry", "entries", "1 entry"),
        (2, "entry", "entries", "2 entries"),
        (1, "person", "people", "1 person"),
        (30, "person", "people", "30 people"),
        (1, "day", "", "1 day"),
        (14, "day", "", "14 days"),
        (1, "matching entry", "matching entries", "1 matching entry"),
        (2045, "interaction", "", "2,045 interactions"),
        (-1, "day", "", "-1 days"),
    ],
)
def test_one_plural_rule(count: int, one: str, many: str, said: str) -> None:
    assert words.plural(count, one, many) == said


@pytest.mark.parametrize(
    ("day", "said"),
    [
        (date(2026, 11, 22), "yesterday"),
        (date(2026, 11, 20), "3 days ago"),
        (date(2026, 11, 2), "3 weeks ago"),
        (date(2026, 8, 1), "3 months ago"),
        (date(2023, 1, 1), "3 years ago"),
    ],
)
def test_how_long_ago_goes_through_it(day: date, said: str) -> None:
    assert words.ago(day, today=date(2026, 11, 23)) == said


NOUNS = (
    "people|persons?|entry|entries|days?|weeks?|months?|years?|contacts?|interactions?|"
    "steps?|small steps?|contexts?|cards?|details?|times|files?|backups?|matches"
)
COUNT_THEN_NOUN = re.compile(rf"^ ({NOUNS})\b")


def counts_written_by_hand() -> list[str]:
    """Every f-string where a value is followed directly by a plural noun ("{n} people"):
    a count that did not go through words.plural."""
    found = []
    for path in SOURCE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.JoinedStr):
                continue
            for before, after in zip(node.values, node.values[1:], strict=False):
                if (
                    isinstance(before, ast.FormattedValue)
                    and isinstance(after, ast.Constant)
                    and isinstance(after.value, str)
                    and COUNT_THEN_NOUN.match(after.value)
                ):
                    found.append(f"{path.relative_to(SOURCE)}:{node.lineno} {after.value[:30]!r}")
    return found


def test_every_count_shown_goes_through_the_plural_rule() -> None:
    assert counts_written_by_hand() == []


def test_labels_belong_to_their_own_kind_of_value() -> None:
    """'other' is a kind of context and a way of being in touch; each says it its own way."""
    assert ContextKind.OTHER == Channel.OTHER == "other"  # the same text…
    assert label(ContextKind.OTHER) == "other"  # …and its own words
    assert label(Channel.OTHER) == "letter / other"
    labelled = {kind for kind, _ in models.LABELS}
    for kind in labelled:
        for value in kind:
            assert (kind, value.value) in models.LABELS, value
    assert {label(k) for k in ContextKind} >= {"faith / culture", "hobby / group", "other"}


def test_an_unlabelled_value_says_itself() -> None:
    class Colour(StrEnum):
        TEAL = "teal"

    assert label(Colour.TEAL) == "teal"


@pytest.mark.parametrize(("value", "shown"), [(None, "—"), (1, "1/5"), (5, "5/5")])
def test_one_mark_for_a_score(value: int | None, shown: str) -> None:
    """Warmth 5 used to be drawn '·····', the mark that elsewhere means nothing."""
    assert words.score(value) == shown


@pytest.mark.parametrize(
    ("moment", "said"),
    [
        (datetime(2026, 3, 4, 18, 0), "Wed 4 Mar, 18:00"),
        (datetime(2025, 12, 31, 9, 30), "Wed 31 Dec 2025, 09:30"),
        (datetime(2027, 1, 2, 10, 0), "Sat 2 Jan 2027, 10:00"),
    ],
)
def test_dates_name_the_year_when_it_is_not_this_one(
    monkeypatch: pytest.MonkeyPatch, moment: datetime, said: str
) -> None:
    monkeypatch.setattr(clock, "today", lambda: date(2026, 11, 23))
    local = moment.replace(tzinfo=clock.local_zone())
    assert words.when(local) == said
    assert words.day(moment.date()) == said.split(",")[0].split(" ", 1)[1]


def test_a_search_counts_every_match_however_many_it_shows(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The count is of every match: beyond the limit, and on SQLite beyond the newest
    matches that words alone rank (made 5 here, 2,000 in use), which a filter reaches."""
    monkeypatch.setattr(journal_search, "RANKED", 5)
    with db.write() as s:
        for day in range(1, 9):
            journal.save_entry(session=s, data={"day": date(2026, 11, day), "body": "a walk"})
    with db.session() as s:
        for text, limit, shown, total in (("walk", 3, 3, 8), ("walk", 120, 5, 8),
                                          ("walk 2026-11", 120, 8, 8), ("nothing", 3, 0, 0)):  # fmt: skip
            query, _ = journal.read_search(session=s, text=text, today=date(2026, 11, 23))
            hits = journal.search(session=s, query=query, limit=limit)
            if db.location.sqlite_path is None and limit == 120:
                shown = 8  # PostgreSQL ranks every match
            assert len(hits) == shown, text
            counted = journal.search_total(session=s, query=query, found=len(hits), limit=limit)
            assert counted == total, text


@pytest.mark.parametrize(
    ("now", "before", "said"),
    [
        (3.25, 11 / 3, "down 0.4"),  # 3.3 beside 3.7 (3.25 was shown 3.2: "down 0.5", nu178)
        (4.24, 4.16, "same"),  # both 4.2
        (2.05, 2.0, "up 0.1"),  # 2.1 beside 2.0
        (None, 3.0, ""),
    ],
)
def test_a_change_is_the_difference_between_the_figures_as_shown(
    now: float | None, before: float | None, said: str
) -> None:
    from planner_tui import patterns
    from planner_tui.review_report import num

    assert patterns.compared(now, before, digits=1) == said
    if now is not None and said not in ("", "same"):
        shown = float(num(now, 1)) - float(num(before, 1))
        assert said == f"{'up' if shown > 0 else 'down'} {abs(shown):.1f}"


@given(st.integers(min_value=0, max_value=49))
def test_a_figure_is_rounded_half_up_as_people_round(tenths: int) -> None:
    """3.25 is 3.3, and so is every half: Python's own rounding (to even, and of the binary
    fraction) made 3.25 3.2 and 0.15 0.1."""
    from planner_tui.review_report import num

    half = float(f"{tenths // 10}.{tenths % 10}5")
    assert num(half, 1) == f"{(tenths + 1) // 10}.{(tenths + 1) % 10}"
