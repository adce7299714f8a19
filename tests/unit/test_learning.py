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
    """A step with someone, due *day* days after 1 January 2026."""
    due = START + timedelta(days=day)
    values: dict[str, Any] = {"resolved_day": due.date() if status != "planned" else None,
                              "person_id": 1}  # fmt: skip
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
    # "Not this time" toward a place, with no one, was not reaching out (nu176)
    cued[2] = step(status="declined", cue=True, person_id=None)
    [cue] = [c for c in learning.follow_through([*cued, *plain]) if c.key == "cue"]
    assert (cue.taken_with, cue.count_with) == (3, 5)


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
    # named by the effort chosen: "Small steps" is what every step is called (nu197)
    assert small.with_label == "Steps chosen as small"


# --------------------------------------------------------------------------- not now, then yes


def test_a_chain_of_several_moves_ending_done_is_a_yes_however_late() -> None:
    decline = step(0, "declined", person_id=1)
    moved = step(30, "rescheduled", person_id=1, previous_id=decline.id)
    again = step(60, "no_reply", person_id=1, previous_id=moved.id)
    done = step(200, "done", person_id=1, previous_id=again.id)  # long after 90 days
    assert learning.became_yes(decline, [moved, again, done])
    assert not learning.became_yes(decline, [moved, again])  # the chain never reached done


def test_a_repeat_going_on_is_not_the_chain() -> None:
    decline = step(0, "declined", person_id=None)
    series_next = step(7, "done", previous_id=decline.id, repeats=True, person_id=None)
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
    # A place's "not this time" is no one's "not now", even when its next time was gone
    # to (it was counted, and the Review's "not now"s then disagreed with its table, nu228)
    choir = step(3, "declined", person_id=None)
    gone = step(10, "done", person_id=None, previous_id=choir.id)
    later = [step(20, person_id=1), step(150, person_id=2), step(1, "done", person_id=9), gone]
    found = learning.not_nows([first, second, third, choir, step(2, "done")], later)
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


# --------------------------------------------------------------------------- with someone

TODAY = date(2026, 3, 1)


def contact(days_ago: int, channel: str = "text", warmth: int | None = None,
            gave: bool = False, got: bool = False) -> learning.ContactFact:  # fmt: skip
    return learning.ContactFact(TODAY - timedelta(days=days_ago), channel, warmth, gave, got)


def test_contacts_leaning_i_gave_with_low_comfort_receiving_are_counted() -> None:
    # Newest six: gave only in 4 (1, 2, 3, 5), got in 1 (4), neither in 1 (6); the seventh,
    # older, is not looked at. 4 of 5 with support = 0.8 ≥ three quarters.
    contacts = [contact(1, gave=True), contact(2, gave=True), contact(3, gave=True),
                contact(4, got=True, gave=True), contact(5, gave=True), contact(6),
                contact(40, got=True)]  # fmt: skip
    found = learning.leaning_giving(contacts, [2, 3, 1])  # comfort (2 + 3 + 1) / 3 = 2.0
    assert found == learning.Giving(gave=4, got=1, counted=6, comfort=2.0, check_ins=3)


def test_giving_says_nothing_below_its_minimums_or_when_comfort_is_not_low() -> None:
    leaning = [contact(1, gave=True), contact(2, gave=True), contact(3, gave=True)]
    assert learning.leaning_giving(leaning, [1, 1, 1]) is not None
    assert learning.leaning_giving(leaning[:2], [1, 1, 1]) is None  # gave in 2 < 3
    assert learning.leaning_giving(leaning, [1, 1]) is None  # two check-ins: too few
    assert learning.leaning_giving(leaning, [2, 3, 3]) is None  # 2.67 > 2.5: not low
    assert learning.leaning_giving(leaning, [2, 3, 2, 3]) is not None  # 2.5: low
    # 3 gave, 2 got: 3 of 5 = 0.6 < three quarters
    assert learning.leaning_giving([*leaning, contact(4, got=True), contact(5, got=True)],
                                   [1, 1, 1]) is None  # fmt: skip


def test_a_tie_written_for_three_weeks_and_warm_is_one_step_richer() -> None:
    contacts = [contact(2, warmth=5), contact(9, "social", warmth=4), contact(21, warmth=4),
                contact(60, "call", warmth=2)]  # fmt: skip
    written = contacts[:3]  # without the call: three written contacts, the oldest 21 days ago
    found = learning.richer_tie(written, TODAY)
    assert found == learning.Richer(contacts=3, since=TODAY - timedelta(days=21), warmths=3,
                                    warmth=13 / 3)  # fmt: skip
    assert learning.richer_tie(contacts, TODAY) is None  # a call among the newest six


def test_one_step_richer_says_nothing_too_soon_too_cool_or_with_too_little() -> None:
    warm = [contact(2, warmth=5), contact(9, warmth=4), contact(21, warmth=4)]
    assert learning.richer_tie(warm[:2], TODAY) is None  # two contacts
    assert learning.richer_tie([*warm[:2], contact(20, warmth=4)], TODAY) is None  # 20 days
    cool = [contact(2, warmth=4), contact(9, warmth=4), contact(21, warmth=3)]  # 3.67 < 4
    assert learning.richer_tie(cool, TODAY) is None
    unrated = [contact(2, warmth=5), contact(9, warmth=5), contact(21)]  # two warmths noted
    assert learning.richer_tie(unrated, TODAY) is None
    in_person = [*warm[:2], contact(21, "in_person", warmth=5)]
    assert learning.richer_tie(in_person, TODAY) is None


def test_the_words_for_giving_and_richer_show_counts_and_no_verdict() -> None:
    said = [
        words.receiving_hint("Ana", 4, 6, 2.0, 3),
        words.richer_line("Ana", 3, TODAY - timedelta(days=21), 3, 13 / 3),
    ]
    assert "4 of your last 6 contacts" in said[0] and "2.0 of 5 in 3 check-ins" in said[0]
    assert "Your last 3 contacts with Ana" in said[1] and "4.3 of 5" in said[1]
    for line in said:
        assert not HARSH.search(line) and not CAUSAL.search(line), line
