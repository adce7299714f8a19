"""The arithmetic of learning from one's own steps (planner_tui.learning), on hand-made rows
whose figures were worked out by hand: calibration, the month-by-month pairs, following
through and the "not now"s that became a yes — with the edges of every minimum."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from itertools import count
from typing import Any

from planner_tui import learning, words
from planner_tui.learning import StepFact

from .test_wording import CAUSAL, HARSH

_ids = count(1)
START = datetime(2026, 1, 1, 18, tzinfo=UTC)


def step(day: int = 0, status: str = "done", **extra: Any) -> StepFact:
    """A step due *day* days after 1 January 2026."""
    due = START + timedelta(days=day)
    values: dict[str, Any] = {"resolved_day": due.date() if status != "planned" else None}
    return StepFact(id=next(_ids), status=status, due_at=due, due_day=due.date(), **values | extra)


def awkward(day: int, expected: int, felt: int, **extra: Any) -> StepFact:
    return step(day, expected=expected, felt=felt, **extra)


# --------------------------------------------------------------------------- calibration


def test_calibration_says_nothing_below_three_similar_steps() -> None:
    past = [awkward(1, 4, 2, channel="call"), awkward(2, 3, 2, channel="call")]
    past += [step(3, channel="call", expected=5)]  # no felt answer: not counted
    past += [awkward(4, 5, 1, channel="call", status="declined")]  # not done: not counted
    assert learning.calibration(past, channel="call") is None


def test_calibration_with_exactly_three_similar_steps() -> None:
    past = [awkward(1, 4, 2, channel="call"), awkward(2, 3, 2, channel="call"),
            awkward(3, 5, 2, channel="call"), awkward(4, 1, 5, channel="text")]  # fmt: skip
    found = learning.calibration(past, channel="call", effort="small")
    assert found is not None
    assert (found.kind, found.noun, found.count) == ("channel", ("call", "calls"), 3)
    assert (found.expected, found.felt) == (4.0, 2.0)  # (4+3+5)/3, (2+2+2)/3
    said = words.calibration(found.noun, found.count, found.expected, found.felt)
    assert said == "Your last 3 calls: you expected 4.0 of 5 awkwardness; afterwards they felt 2.0."


def test_calibration_prefers_the_same_words_then_the_channel_then_the_effort() -> None:
    same = [awkward(d, 5, 1, action="Call  MUM", channel="call") for d in (1, 2, 3)]
    calls = [awkward(d, 3, 3, channel="call", effort="tiny") for d in (4, 5)]
    tiny = [awkward(d, 2, 2, channel="text", effort="tiny") for d in (6, 7)]
    found = learning.calibration([*same, *calls, *tiny], action="call mum", channel="call")
    assert found is not None and (found.kind, found.count, found.expected) == ("action", 3, 5.0)
    # Other words: the three calls of the five (same words included) …
    found = learning.calibration([*same, *calls, *tiny], action="ring Bo", channel="call")
    assert found is not None and (found.kind, found.count) == ("channel", 5)
    assert (found.expected, found.felt) == (4.2, 1.8)  # (5*3+3*2)/5, (1*3+3*2)/5
    # … and with neither enough words nor calls alike, the effort tier (4 tiny steps).
    found = learning.calibration([*calls, *tiny], action="x", channel="social", effort="tiny")
    assert found is not None and (found.kind, found.noun, found.count) == (
        "effort", ("tiny step", "tiny steps"), 4)  # fmt: skip
    assert (found.expected, found.felt) == (2.5, 2.5)


def test_calibration_averages_only_the_newest_ten() -> None:
    old = [awkward(d, 5, 5, channel="text") for d in range(1, 6)]
    new = [awkward(d, 2, 1, channel="text") for d in range(10, 20)]
    found = learning.calibration([*old, *new], channel="text")
    assert found is not None and (found.count, found.expected, found.felt) == (10, 2.0, 1.0)


# --------------------------------------------------------------------------- month by month


def test_pairs_by_month_count_only_done_steps_with_both_answers() -> None:
    steps = [
        step(0, forecast=2, response=4),  # January
        step(1, forecast=3, response=5),
        step(2, forecast=3),  # no response
        step(3, status="declined", forecast=1, response=1),  # not done
        step(40, forecast=1, response=2, expected=4, felt=3),  # February
    ]
    months = [date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)]
    rows = learning.by_month(steps, months, "appreciation")
    assert rows == [
        (date(2026, 1, 1), learning.Paired(2, 2.5, 4.5)),
        (date(2026, 2, 1), learning.Paired(1, 1.0, 2.0)),
        (date(2026, 3, 1), learning.Paired(0, None, None)),
    ]
    assert learning.by_month(steps, months, "awkwardness")[1][1] == learning.Paired(1, 4.0, 3.0)


# --------------------------------------------------------------------------- following through


def test_follow_through_shows_a_comparison_only_with_five_on_each_side() -> None:
    # With a cue: 5 steps, 4 taken (done, declined, no reply count as reaching out).
    cued = [step(status=s, cue=True) for s in ("done", "done", "declined", "no_reply", "skipped")]
    # Without: 6 steps, 3 taken; a moved step and a planned one are not counted at all.
    plain = [step(status=s) for s in ("done", "done", "done", "skipped", "skipped", "skipped")]
    others = [step(status="rescheduled", cue=True), step(status="planned")]
    [cue] = [c for c in learning.follow_through([*cued, *plain, *others]) if c.key == "cue"]
    assert (cue.taken_with, cue.count_with, cue.taken_without, cue.count_without) == (4, 5, 3, 6)
    said = words.follow_through(cue.with_label, cue.without_label, 4, 5, 3, 6)
    assert said == "Steps with a when-then cue: you reached out 4 of 5 times; without one, 3 of 6."
    # One fewer with a cue: too few on that side to say anything.
    assert not [c for c in learning.follow_through([*cued[1:], *plain]) if c.key == "cue"]


def test_follow_through_compares_sureness_only_among_steps_with_an_answer() -> None:
    sure = [step(confidence=c) for c in (7, 8, 9, 10, 7)]
    unsure = [step(confidence=c, status=s) for c, s in
              ((6, "done"), (0, "skipped"), (3, "skipped"), (5, "done"), (6, "declined"))]  # fmt: skip
    unanswered = [step(status="skipped") for _ in range(4)]
    found = {c.key: c for c in learning.follow_through([*sure, *unsure, *unanswered])}
    assert (found["sure"].taken_with, found["sure"].count_with) == (5, 5)
    assert (found["sure"].taken_without, found["sure"].count_without) == (3, 5)
    assert "cue" not in found  # no step had one: nothing to set against


def test_follow_through_by_effort_and_channel_and_made_smaller() -> None:
    tiny = [step(effort="tiny", channel="text", shrunk=True) for _ in range(5)]
    rest = [step(effort="small", channel="call", status=s) for s in ["done"] * 3 + ["skipped"] * 3]
    found = {c.key: c for c in learning.follow_through([*tiny, *rest])}
    assert set(found) == {"shrunk", "effort.tiny", "effort.small", "channel.call", "channel.text"}
    small = found["effort.small"]
    assert (small.taken_with, small.count_with, small.taken_without, small.count_without) == (
        3, 6, 5, 5)  # fmt: skip


# --------------------------------------------------------------------------- not now, then yes


def test_a_chain_of_several_moves_ending_done_is_a_yes_however_late() -> None:
    decline = step(0, "declined", person_id=1)
    moved = step(30, "rescheduled", person_id=1, previous_id=decline.id)
    again = step(60, "no_reply", person_id=1, previous_id=moved.id)
    done = step(200, "done", person_id=1, previous_id=again.id)  # long after 90 days
    assert learning.became_yes(decline, [moved, again, done])
    assert not learning.became_yes(decline, [moved, again])  # the chain never reached done


def test_a_repeat_going_on_is_not_the_chain() -> None:
    decline = step(0, "declined")
    series_next = step(7, "done", previous_id=decline.id, repeats=True)
    assert not learning.became_yes(decline, [series_next])  # and no person to match


def test_the_same_person_counts_within_ninety_days_not_after() -> None:
    decline = step(0, "declined", person_id=1)
    assert learning.became_yes(decline, [step(90, person_id=1)])  # the 90th day: within
    assert not learning.became_yes(decline, [step(91, person_id=1)])
    assert not learning.became_yes(decline, [step(10, person_id=2)])  # someone else
    assert not learning.became_yes(decline, [step(-5, person_id=1)])  # before it
    assert not learning.became_yes(decline, [step(10, "skipped", person_id=1)])  # not done


def test_not_nows_counts_the_windows_declines_and_their_yeses() -> None:
    first = step(0, "declined", person_id=1)
    second = step(5, "declined", person_id=2)
    third = step(6, "declined", person_id=3)
    later = [step(20, person_id=1), step(150, person_id=2), step(1, "done", person_id=9)]
    found = learning.not_nows([first, second, third, step(2, "done")], later)
    assert found == learning.NotNows(3, 1)
    assert words.not_nows(3, 1, "in the last twelve months") == (
        "Of your 3 'not now's in the last twelve months, 1 became a yes later."
    )


# --------------------------------------------------------------------------- words


def test_every_learning_sentence_is_gentle_and_names_no_cause() -> None:
    said = [
        words.TOO_LITTLE,
        words.calibration(("call", "calls"), 8, 3.6, 2.0),
        words.calibration(("step like this one", "steps like this one"), 3, 3.0, 3.0),
        words.appreciation(7, 2.9, 4.1),
        words.appreciation_too_little(0, learning.MIN_SIMILAR),
        words.follow_through("Steps with a when-then cue", "without one", 7, 9, 11, 20),
        words.not_nows(9, 5, "in the last twelve months"),
    ]
    for key, name in [*learning.EFFORT_GROUPS.items(), *learning.CHANNEL_GROUPS.items()]:
        said.append(words.follow_through(name, "other steps", 1, 5, 2, 6))
        assert key
    for line in said:
        assert not HARSH.search(line), line
        assert not CAUSAL.search(line), line
        assert not re.search(r"\b1 (steps|calls)\b|\b[02-9] step\b", line), line
