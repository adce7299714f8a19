"""Patterns across months and small experiments (issue 19, parts 6 and 7): the arithmetic of
planner_tui.learning on hand-made rows whose figures were worked out by hand, the service on
every engine, and the words in the Review and the Markdown review — including every
"too little to tell" case."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, strategies as st

from planner_tui import clock, learning, review_report, words
from planner_tui.db.engine import Database, Location, open_database
from planner_tui.errors import InvalidInput
from planner_tui.learning import MonthBeside, Period
from planner_tui.services import experiments, journal, people, review, steps

from .test_wording import CAUSAL, HARSH

NOV = date(2026, 11, 1)


def days(first: date, *offsets: int) -> list[date]:
    return [first + timedelta(days=n) for n in offsets]


# --------------------------------------------------------------------------- went together


def test_went_together_gives_means_counts_and_the_effect_size() -> None:
    # With Ana: 5, 4, 5, 4 (mean 4.5); without: 2, 3, 2, 3 (mean 2.5). Each side's squared
    # deviations add to 4 × 0.25 = 1, so the pooled spread is √(2 / 6) and the effect
    # 2 / √(1/3) = 3.46.
    scored = dict(zip(days(NOV, *range(8)), [5, 4, 5, 4, 2, 3, 2, 3], strict=True))
    items = {
        ("person", "Ana"): days(NOV, 0, 1, 2, 3),
        ("tag", "rain"): days(NOV, 0, 1),  # two days with it: too few
        ("tag", "tea"): days(NOV, 0, 4, 5),  # 3 against 5 days, means 3.67 and 3.4: too alike
        ("tag", "always"): days(NOV, *range(8)),  # no day without it
    }
    [found] = learning.went_together(scored, items)
    assert (found.kind, found.name, found.days_with, found.days_without) == ("person", "Ana", 4, 4)
    assert (found.mean_with, found.mean_without, found.difference) == (4.5, 2.5, 2.0)
    assert found.effect is not None and math.isclose(found.effect, 2 / math.sqrt(1 / 3))


def test_went_together_at_exactly_three_days_each_side_and_without_any_spread() -> None:
    scored = dict(zip(days(NOV, *range(6)), [5, 5, 5, 3, 3, 3], strict=True))
    [found] = learning.went_together(scored, {("context", "choir"): days(NOV, 0, 1, 2)})
    assert (found.days_with, found.days_without, found.difference) == (3, 3, 2.0)
    assert found.effect is None  # every day on each side the same: no spread to measure by
    assert learning.went_together(dict(list(scored.items())[:5]), {("context", "choir"): days(NOV, 0, 1, 2)}) == []  # fmt: skip


def test_across_months_looks_at_three_six_and_twelve_months_for_both_scores() -> None:
    december = date(2026, 12, 1)
    recent, march = days(december, *range(6)), days(date(2026, 3, 1), *range(6))
    connectedness = dict(zip(recent + march, [5, 5, 5, 3, 3, 3, 1, 1, 1, 5, 5, 5], strict=True))
    items = {
        ("person", "Ana"): recent[:3] + march[:3],
        ("context", "choir"): recent[:3] + march[:3],
        ("tag", "rain"): recent[:3] + march[:3],
    }
    found = {
        (w.months, w.measure): w
        for w in learning.across_months({"connectedness": connectedness}, items, december)
    }
    assert sorted(found) == [(3, "connectedness"), (3, "mood"), (6, "connectedness"),
                             (6, "mood"), (12, "connectedness"), (12, "mood")]  # fmt: skip
    # 3 and 6 months reach back to October and July: only December's days.
    for months in (3, 6):
        rain, ana, choir = sorted(
            found[months, "connectedness"].found, key=lambda t: t.kind, reverse=True
        )
        assert (found[months, "connectedness"].days, ana.mean_with, ana.mean_without) == (6, 5, 3)
        assert (ana.name, choir.name, ana.few_days) == ("Ana", "choir", True)  # 3 days a side
        assert rain.name == "rain"
    # Twelve months reach March: on the days 5, 5, 5, 1, 1, 1 (3.0); without 3, 3, 3, 5, 5, 5
    # (4.0) — lower: the tag shows it; a person never does, nor a part of life (its people:
    # "Family -0.4" was a mother, nu216).
    [year] = found[12, "connectedness"].found
    assert (year.name, year.days_with, year.mean_with, year.mean_without) == ("rain", 6, 3.0, 4.0)
    assert not year.few_days  # 6 days on each side
    assert found[12, "mood"].days == 0 and found[12, "mood"].found == []  # no moods: nothing


# --------------------------------------------------------------------------- loneliness beside


def month(n: int, total: int | None, people_: int, contacts: int, in_person: int) -> MonthBeside:
    return MonthBeside(date(2026, n, 1), total, people_, 2, contacts, in_person, n)


def test_loneliness_beside_splits_checked_months_at_the_middle_total() -> None:
    months = [
        month(1, 3, 10, 10, 5), month(2, 4, 8, 10, 3), month(3, 5, 6, 0, 0),
        month(4, 6, 4, 5, 0), month(5, 7, 4, 5, 1), month(6, 8, 1, 10, 1),
        month(7, None, 99, 99, 99),  # no check that month: left out
    ]  # fmt: skip
    found = learning.loneliness_beside(months)
    assert found is not None
    assert (found.threshold, found.lower, found.higher) == (5, 3, 3)
    rows = {key: (low, high) for key, low, high in found.rows}
    assert rows["people"] == (8.0, 3.0)  # (10 + 8 + 6) / 3, (4 + 4 + 1) / 3
    assert rows["in_person"] == (0.4, 0.1)  # 8 of 20 contacts, 2 of 20
    assert rows["steps_done"] == (2.0, 5.0)  # months 1–3, months 4–6
    assert rows["contexts"] == (2.0, 2.0)


def test_loneliness_beside_leaves_out_the_month_still_going() -> None:
    # Months 1–6 as above, then a check of 9 on 1 July with no contact yet that month.
    months = [
        month(1, 3, 10, 10, 5), month(2, 4, 8, 10, 3), month(3, 5, 6, 0, 0),
        month(4, 6, 4, 5, 0), month(5, 7, 4, 5, 1), month(6, 8, 1, 10, 1),
        MonthBeside(date(2026, 7, 1), 9, 0, 0, 0, 0, 0),
    ]  # fmt: skip
    found = learning.loneliness_beside(months, date(2026, 7, 1))
    assert found is not None and (found.threshold, found.lower, found.higher) == (5, 3, 3)
    assert dict((k, (lo, hi)) for k, lo, hi in found.rows)["people"] == (8.0, 3.0)
    # Once July is over it counts: the higher side is (4 + 4 + 1 + 0) / 4 people.
    ended = learning.loneliness_beside(months, date(2026, 7, 31))
    assert ended is not None and (ended.lower, ended.higher) == (3, 4)
    assert dict((k, (lo, hi)) for k, lo, hi in ended.rows)["people"] == (8.0, 2.25)


def test_loneliness_beside_parts_the_months_where_they_split_most_evenly() -> None:
    # Totals 4, 4, 5, 5 and six 6s, a 7 and a 9: at 6 they would part 10 against 2; at 5,
    # 4 against 8 — the most even.
    totals = [9, 6, 7, 4, 6, 6, 6, 6, 4, 5, 5, 6]
    found = learning.loneliness_beside(
        [month(n, total, total, 1, 1) for n, total in enumerate(totals, start=1)]
    )
    assert found is not None and (found.threshold, found.lower, found.higher) == (5, 4, 8)
    rows = {key: (low, high) for key, low, high in found.rows}
    assert rows["people"] == (4.5, 6.5)  # (4 + 4 + 5 + 5) / 4, (9 + 7 + 6 × 6) / 8


def test_loneliness_beside_needs_three_checked_months_on_each_side() -> None:
    five = [month(n, total, 1, 1, 1) for n, total in enumerate([3, 4, 5, 6, 7], start=1)]
    assert learning.loneliness_beside(five) is None
    tied = [month(n, total, 1, 1, 1) for n, total in enumerate([3, 3, 3, 3, 3, 9], start=1)]
    assert learning.loneliness_beside(tied) is None  # five at the middle, one above it


# --------------------------------------------------------------------------- experiments


@pytest.mark.parametrize(
    ("ended_on", "today", "state"),
    [
        (None, date(2026, 12, 1), "starts on 3 Dec"),
        (date(2026, 12, 1), date(2026, 12, 1), "never ran"),
        (None, date(2026, 12, 3), "running"),
        (None, date(2026, 12, 30), "running"),
        (date(2026, 12, 3), date(2026, 12, 20), "ended on 3 Dec"),
        (date(2026, 12, 14), date(2027, 1, 2), "ended on 14 Dec"),
        (None, date(2026, 12, 31), "finished"),
    ],
)
def test_an_experiment_s_state_says_where_it_stands(
    ended_on: date | None, today: date, state: str
) -> None:
    assert words.experiment_state(date(2026, 12, 3), date(2026, 12, 30), ended_on, today) == state


def test_experiment_periods_run_to_today_or_the_day_it_ended_with_as_many_days_before() -> None:
    starts, ends = date(2026, 11, 5), date(2026, 11, 25)
    before, during = learning.experiment_periods(starts, ends, None, date(2026, 11, 18))
    assert (during, during.days) == (Period(starts, date(2026, 11, 18)), 14)
    assert before == Period(date(2026, 10, 22), date(2026, 11, 4))
    before, during = learning.experiment_periods(
        starts, ends, date(2026, 11, 10), date(2026, 12, 9)
    )
    assert (during.days, before) == (6, Period(date(2026, 10, 30), date(2026, 11, 4)))
    _, during = learning.experiment_periods(starts, ends, None, date(2026, 11, 1))
    assert during.days == 0  # not begun


def test_period_figures_count_only_the_period() -> None:
    period = Period(date(2026, 11, 5), date(2026, 11, 11))
    d = date(2026, 11, 5)
    figures = learning.period_figures(
        period,
        mood={d - timedelta(days=1): 1, d: 4, d + timedelta(days=1): 2},
        connected={d: 5},
        contacts=[(d, 1, "in_person", 7), (d, 1, "in_person", 8), (d + timedelta(days=1), 2, "text", 7),
                  (date(2026, 11, 20), 3, "call", 9)],
        steps=[(d, "done"), (date(2026, 11, 7), "declined"), (date(2026, 11, 12), "done"),
               (d, "rescheduled")],  # moved: it counts where it went, if in the period
        tied=[d, d, date(2026, 11, 9), date(2026, 11, 30)],
    )  # fmt: skip
    assert figures == learning.PeriodFigures(
        days=7, mood_days=2, mood=3.0, connected_days=1, connected=5.0, contacts=2,
        in_person=1, people=2, steps_due=2, steps_done=1, tied=2,
    )  # fmt: skip


def test_a_step_still_to_come_is_not_counted_as_due() -> None:
    """A running experiment said "4 of 9" done at 08:25, two of the nine due that evening:
    a step still planned for today or later is still to come; one planned before today,
    and every step settled, counts."""
    period = Period(date(2026, 11, 30), date(2026, 12, 6))
    steps = [(date(2026, 11, 30), "planned"), (date(2026, 12, 1), "done"),
             (date(2026, 12, 5), "planned"), (date(2026, 12, 5), "done"),
             (date(2026, 12, 6), "planned")]  # fmt: skip
    figures = learning.period_figures(period, {}, {}, [], steps, [], today=date(2026, 12, 5))
    assert (figures.steps_done, figures.steps_due) == (2, 3)


def test_too_little_to_tell_below_a_week_or_without_scores_or_contact() -> None:
    week = learning.PeriodFigures(days=7, mood_days=5)
    assert not learning.too_little_to_tell(week, week)
    assert learning.too_little_to_tell(week, learning.PeriodFigures(days=6, mood_days=5))
    assert learning.too_little_to_tell(week, learning.PeriodFigures(days=7, mood_days=4))
    contact = learning.PeriodFigures(days=7, contacts=1)
    assert not learning.too_little_to_tell(learning.PeriodFigures(days=7), contact)
    assert learning.too_little_to_tell(
        learning.PeriodFigures(days=7), learning.PeriodFigures(days=7)
    )


# --------------------------------------------------------------------------- the service


def local(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=clock.local_zone())


def test_an_experiment_tied_to_a_tag_shows_before_and_during(db: Database) -> None:
    starts, today = date(2026, 11, 9), date(2026, 11, 22)  # 14 days run; before: 26 Oct – 8 Nov
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        for n in range(14):
            before_day, during_day = starts - timedelta(days=14 - n), starts + timedelta(days=n)
            journal.save_entry(session=s, data={"day": before_day, "mood": 2, "connectedness": 2})
            tags = ["walk"] if n % 7 == 3 else []  # 12 and 19 November
            journal.save_entry(session=s, data={"day": during_day, "mood": 4,
                                                "connectedness": 3, "tags": tags})  # fmt: skip
        people.log_interaction(session=s, data={"occurred_at": local(starts + timedelta(days=3)),
                                                "person_ids": [ana], "channel": "in_person"})  # fmt: skip
        experiments.start_experiment(
            session=s, data={"name": "a walk every Thursday", "tag": "#Walk", "starts": starts,
                             "weeks": 3}, today=starts)  # fmt: skip
    with db.session() as s:
        [found] = experiments.month_experiments(session=s, month=NOV, today=today)
    assert found.running and not found.too_little
    assert (found.during.days, found.before.first) == (14, date(2026, 10, 26))
    assert found.experiment.tag == "walk" and found.experiment.ends == date(2026, 11, 29)
    b, d = found.before_figures, found.during_figures
    assert (b.mood, b.mood_days, b.connected, b.tied, b.contacts) == (2.0, 14, 2.0, 0, 0)
    assert (d.mood, d.mood_days, d.connected, d.tied, d.contacts, d.in_person, d.people) == (
        4.0, 14, 3.0, 2, 1, 1, 1)  # fmt: skip
    with db.session() as s:  # the Review shares its year of rows: the same figures
        assert review.review_month(session=s, month=NOV, today=today).experiments == [found]


def test_an_experiments_people_in_touch_count_a_check_ins_tick_as_the_month_does(
    db: Database,
) -> None:
    """A check-in that counted Bo as in touch: the month's overview said 1 person in touch,
    the running experiment's table 0 (nu156). Both count a contact or such a tick."""
    starts, today = date(2026, 11, 9), date(2026, 11, 22)
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        bo = people.create_person(session=s, data={"name": "Bo"}).id
        people.log_interaction(session=s, data={"occurred_at": local(starts), "person_ids": [ana]})
        journal.save_entry(session=s, data={"day": starts + timedelta(days=2), "body": "tea",
                                            "tags": ["walk"], "contact_person_ids": [bo]})  # fmt: skip
        experiments.start_experiment(
            session=s, data={"name": "tea", "tag": "#walk", "starts": starts, "weeks": 3},
            today=starts)  # fmt: skip
    with db.session() as s:
        [found] = experiments.month_experiments(session=s, month=NOV, today=today)
        month = review.review_month(session=s, month=NOV, today=today)
    assert (found.during_figures.people, found.during_figures.contacts) == (2, 1)
    assert month.figures.people_seen == 2 and month.experiments == [found]


def test_an_experiment_tied_to_a_repeating_step_counts_its_days_done(db: Database) -> None:
    """Tied to a weekly step: done on 3 of its 4 Thursdays during, once in the weeks before.
    The Review (its year of rows read once) and the experiment read alone agree, and so does
    a month the experiment runs past (its weeks read for it)."""
    starts, today = date(2026, 10, 19), date(2026, 11, 15)  # 28 days run; before from 21 Sep
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        for n, status in enumerate(["done", "skipped", "planned", "done", "skipped", "done",
                                    "done"]):  # Thursdays 1 Oct … 12 Nov  # fmt: skip
            made = steps.create_step(
                session=s, data={"person_id": ana, "action": "Walk with  Ana",
                                 "due_at": local(date(2026, 10, 1) + timedelta(weeks=n), 7),
                                 "rrule": "FREQ=WEEKLY;COUNT=1" if n else "FREQ=WEEKLY"},
            )  # fmt: skip
            if status != "planned":
                steps.record_outcome(session=s, step_id=made.id, outcome={"status": status},
                                     continue_series=False)  # fmt: skip
        experiments.start_experiment(
            session=s, data={"name": "walks", "step_words": "walk with ana", "starts": starts,
                             "weeks": 6}, today=starts)  # fmt: skip
    with db.session() as s:
        [alone] = experiments.month_experiments(session=s, month=NOV, today=today)
        [shared] = review.review_month(session=s, month=NOV, today=today).experiments
        [october] = review.review_month(session=s, month=date(2026, 10, 1), today=today).experiments
    assert shared == alone == october
    assert (alone.during.days, alone.before.first) == (28, date(2026, 9, 21))
    b, d = alone.before_figures, alone.during_figures
    assert (b.tied, b.steps_due, b.steps_done) == (1, 3, 1)
    assert (d.tied, d.steps_due, d.steps_done) == (3, 4, 3)


def test_an_experiment_needs_a_repeating_step_or_a_tag_and_runs_one_at_a_time(
    db: Database,
) -> None:
    starts = date(2026, 11, 9)
    data = {"name": "walks", "step_words": "Walk  with Ana", "starts": starts, "weeks": 2}
    with db.write() as s, pytest.raises(InvalidInput, match="repeating step"):
        experiments.start_experiment(session=s, data=data, today=starts)
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        steps.create_step(session=s, data={"person_id": ana, "action": "walk with Ana",
                                           "due_at": local(starts), "rrule": "FREQ=WEEKLY"})  # fmt: skip
        started = experiments.start_experiment(session=s, data=data, today=starts)
    assert started.step_words == "Walk  with Ana" and started.tied_to == "Walk  with Ana"
    with db.write() as s, pytest.raises(InvalidInput, match="One experiment at a time"):
        experiments.start_experiment(session=s, data={**data, "name": "again"}, today=starts)
    for wrong in ({"weeks": 1}, {"weeks": 7}, {"tag": "walk"}, {"step_words": ""}):
        with db.write() as s, pytest.raises(InvalidInput):
            experiments.start_experiment(session=s, data={**data, **wrong}, today=starts)


def test_the_review_says_plainly_when_an_experiment_has_too_little_to_tell(db: Database) -> None:
    starts = date(2026, 11, 20)
    with db.write() as s:
        experiments.start_experiment(
            session=s, data={"name": "[bold]tea[/] with a neighbour", "tag": "tea",
                             "starts": starts, "weeks": 2}, today=starts)  # fmt: skip
    with db.session() as s:
        data = review.review_month(session=s, month=NOV, today=date(2026, 11, 23))
    figure = next(f for f in review_report.figures(data) if f.key == "experiments")
    text = "\n".join(figure.lines)
    assert "[bold]tea[/] with a neighbour — tied to #tea; 20 Nov to 3 Dec 2026, running." in text
    assert "During: 20 Nov – 23 Nov 2026 (4 days)" in text
    assert "Too little to tell yet." in text
    # the rule as counted: a contact or step on either side is enough (nu201)
    assert "5+ scored days on both sides or a contact or step on either." in text
    # No table of noughts beside it: a first day's zeros read as failing (nu216).
    assert figure.table is None
    markdown = review_report.to_markdown(data)
    assert "## Small experiments" in markdown and "Before is as many days" in markdown
    assert "\\[bold\\]tea" in markdown  # escaped, never markup


def test_months_at_the_lowest_total_are_not_said_as_that_or_less(db: Database) -> None:
    """3 is the least a loneliness check can total: "a total of 3 or less" (nu198)."""
    with db.write() as s:
        for m in range(5, 11):
            item = 1 if m < 8 else 2
            review.save_loneliness_check(session=s, data={
                "month": f"2026-{m:02d}", "lack_companionship": item, "left_out": item,
                "isolated": item})  # fmt: skip
    with db.session() as s:
        data = review.review_month(session=s, month=NOV, today=date(2026, 12, 1))
    beside = next(f for f in review_report.figures(data) if f.key == "beside").lines
    assert "In the 3 months at the lowest total, 3, against the 3 months above it:" in beside


def test_a_window_with_no_days_before_the_last_one_said_names_that_one(db: Database) -> None:
    """Days in the last 3 months and in July: 12 months hold the 6 months' days, and were
    said to be "the same as" the 3 months' (nu255)."""
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        for first in (date(2026, 10, 1), date(2026, 7, 1)):
            for n in range(6):  # three days with Ana at 5, three without at 3
                journal.save_entry(session=s, data={
                    "day": first + timedelta(days=n), "connectedness": 5 if n < 3 else 3,
                    "person_ids": [ana] if n < 3 else []})  # fmt: skip
    with db.session() as s:
        data = review.review_month(session=s, month=NOV, today=date(2026, 12, 1))
    across = "\n".join(next(f for f in review_report.figures(data) if f.key == "across").lines)
    assert ("Over 12 months, connectedness: no days before those of the last 6 months, so the "
            "same as there.") in across, across  # fmt: skip


def test_the_review_shows_patterns_across_months_and_loneliness_beside_contact(
    db: Database,
) -> None:
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        for n in range(6):  # October: three days with Ana at 5, three without at 3
            day = date(2026, 10, 1) + timedelta(days=n)
            journal.save_entry(session=s, data={"day": day, "connectedness": 5 if n < 3 else 3,
                                                "person_ids": [ana] if n < 3 else []})  # fmt: skip
        for m, total in enumerate([(1, 1, 1), (1, 1, 2), (1, 2, 2), (2, 2, 2), (2, 2, 3),
                                   (3, 3, 3)], start=5):  # fmt: skip
            review.save_loneliness_check(session=s, data={
                "month": f"2026-{m:02d}", "lack_companionship": total[0], "left_out": total[1],
                "isolated": total[2]})  # fmt: skip
    with db.session() as s:
        data = review.review_month(session=s, month=NOV, today=date(2026, 12, 1))  # November over
    shown = {f.key: f for f in review_report.figures(data)}
    across = "\n".join(shown["across"].lines)
    assert "Over 3 months, went together with higher connectedness: Ana (person)." in across
    assert "Over 3 months, mood: too little to tell (0 scored days)." in across
    assert "where even a strong one can be chance" in across  # not jargon alone (nu198)
    assert shown["across"].table is not None
    assert shown["across"].table.rows[0][:7] == ("3", "connected", "Ana (person)",
                                                 "3 (few)", "5.0", "3.0", "+2.0")  # fmt: skip
    # All the days are in the last 3 months: 6 and 12 are said once, not twice more (nu216).
    assert {row[0] for row in shown["across"].table.rows} == {"3"}
    assert ("Over 6 months and 12 months, connectedness: no days before those of the last "
            "3 months, so the same as there.") in across  # fmt: skip
    assert "Over 6 months, went together" not in across
    assert review_report.COOLER not in across  # nothing went with lower scores
    beside = "\n".join(shown["beside"].lines)
    assert "In the 3 months with a total of 5 or less, against the 3 months above it:" in beside
    assert data.experiments == [] and "No small experiment ran this month" in "\n".join(
        shown["experiments"].lines)  # fmt: skip
    for figure in ("across", "beside", "experiments"):
        said = " ".join(shown[figure].lines) + review_report.EXPLAIN[figure]
        assert not CAUSAL.search(said) and not HARSH.search(said), figure


def test_enough_days_with_nothing_standing_out_is_not_called_too_little(db: Database) -> None:
    """Eight days of mood, with Ana on four and no difference: enough days to tell, and
    nothing went together — it said "too little to tell yet", the wrong reason."""
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        for n in range(8):
            journal.save_entry(session=s, data={"day": date(2026, 11, 1) + timedelta(days=n),
                                                "mood": 3, "person_ids": [ana] if n % 2 else []})  # fmt: skip
        journal.save_entry(session=s, data={"day": date(2026, 11, 20), "connectedness": 4})
    with db.session() as s:
        data = review.review_month(session=s, month=NOV, today=date(2026, 12, 1))  # November over
    across = "\n".join({f.key: f for f in review_report.figures(data)}["across"].lines)
    assert "Over 3 months, mood: nothing stood out (8 scored days)." in across
    assert "Over 3 months, connectedness: too little to tell (1 scored day)." in across


def test_everything_named_as_going_with_higher_scores_has_its_row(db: Database) -> None:
    """The summary names the first three that went with higher scores; the table lists the
    first five found, largest difference first. A person sixth in that order was named
    with no row ("Bo Lindqvist (person)" said, and nowhere in the table)."""
    from dataclasses import replace

    with db.session() as s:
        data = review.review_month(session=s, month=NOV, today=date(2026, 12, 1))  # November over
    lower = [learning.Together("tag", f"lower {n}", 6, 2.0, 30, 3.5, -1.2) for n in range(5)]
    bo = learning.Together("person", "Bo Lindqvist", 4, 4.2, 32, 3.4, 0.7)
    shown = review_report.across(
        replace(data, across=[learning.WindowPatterns(3, "mood", 36, [*lower, bo])])
    )
    said = " ".join(shown.lines)
    assert "went together with higher mood: Bo Lindqvist (person)." in said
    assert shown.table is not None
    assert [row[2] for row in shown.table.rows] == [*(f"lower {n} (tag)" for n in range(5)),
                                                    "Bo Lindqvist (person)"]  # fmt: skip


@pytest.fixture(scope="module")
def empty_november(tmp_path_factory: pytest.TempPathFactory) -> review.MonthReviewData:
    """A month's review with nothing in it, made once for the property test below."""
    home = tmp_path_factory.mktemp("empty")
    database = open_database(Location(f"sqlite:///{home / 'planner.db'}", home))
    try:
        with database.session() as s:
            return review.review_month(
                session=s, month=NOV, today=date(2026, 12, 1)
            )  # November over
    finally:
        database.dispose()


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["tag", "person", "context"]), st.floats(-3, 3), st.integers(3, 40)
        ),
        max_size=12,
    )
)
def test_every_name_said_to_go_with_higher_scores_has_a_row_whatever_was_found(
    empty_november: review.MonthReviewData, found: list[tuple[str, float, int]]
) -> None:
    """However many were found, and in whatever order of difference, each name the line of
    higher scores gives is in the table, and the table shows at least the first five."""
    from dataclasses import replace

    items = [
        learning.Together(kind, f"item {n}", days, 3.0 + diff, 40, 3.0, diff)
        for n, (kind, diff, days) in enumerate(found)
    ]
    shown = review_report.across(
        replace(empty_november, across=[learning.WindowPatterns(3, "mood", 80, items)])
    )
    rows = [row[2] for row in shown.table.rows] if shown.table else []
    named = [line for line in shown.lines if "went together with higher" in line]
    for t in items[: learning.ACROSS_SHOWN]:
        assert f"{t.name} ({t.kind})" in rows
    for line in named:
        for name in line.split(": ", 1)[1].rstrip(".").split(", "):
            assert name in rows, (name, rows)


def test_the_loneliness_comparison_is_too_little_to_tell_with_few_checks(db: Database) -> None:
    with db.session() as s:
        data = review.review_month(session=s, month=NOV, today=date(2026, 12, 1))  # November over
    shown = {f.key: f for f in review_report.figures(data)}
    assert shown["beside"].lines[-1] == "Nothing recorded in the last twelve months yet."
    # One line, not the method and "too little to tell" for each of six windows (nu153)
    assert shown["across"].lines == [
        "Too little to tell: 0 scored days in the last twelve months, and a pattern needs 3 "
        "or more with something and 3 or more without it."
    ]


def test_experiments_travel_in_the_json_export_and_a_bad_one_is_refused(
    db: Database, sqlite_db: Database
) -> None:
    import json

    from planner_tui.services import exchange

    with db.write() as s:
        started = experiments.start_experiment(
            session=s, data={"name": "[b]tea[/b]", "tag": "tea", "starts": NOV, "weeks": 2},
            today=NOV)  # fmt: skip
        experiments.end_experiment(session=s, experiment_id=started.id, today=date(2026, 11, 9))
    with db.session() as s:
        text = exchange.export_json(session=s)
    broken = json.loads(text)
    broken["tables"]["experiment"][0]["ends"] = "2026-10-01"  # before it starts
    with sqlite_db.write() as s, pytest.raises(InvalidInput, match="experiment"):
        exchange.import_json(session=s, text=json.dumps(broken))
    # One from 1 Jan 0001 stopped its month's review: the weeks before it are off the calendar.
    broken["tables"]["experiment"][0].update(starts="0001-01-01", ends="0001-01-14")
    with sqlite_db.write() as s, pytest.raises(InvalidInput, match="start of the calendar"):
        exchange.import_json(session=s, text=json.dumps(broken))
    with sqlite_db.write() as s:
        exchange.import_json(session=s, text=text)
    with sqlite_db.session() as s:
        [back] = experiments.list_experiments(session=s)
    assert back.model_dump() == {**started.model_dump(), "ended_on": date(2026, 11, 9)}


def test_nothing_standing_out_anywhere_is_said_once(db: Database) -> None:
    """Seven scored days, all alike: six lines of "nothing stood out" under a paragraph of
    method, the three windows holding the same days (nu162)."""
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        for n in range(8):
            journal.save_entry(session=s, data={"day": date(2026, 11, 1) + timedelta(days=n),
                                                "mood": 3, "connectedness": 3,
                                                "person_ids": [ana] if n % 2 else []})  # fmt: skip
    with db.session() as s:
        data = review.review_month(session=s, month=NOV, today=date(2026, 12, 1))  # November over
    across = {f.key: f for f in review_report.figures(data)}["across"]
    assert across.lines == [
        "Nothing stood out over the last 3, 6 or 12 months (8 scored days at most): no person, "
        "part of life, tag, way of being in touch or step came with higher or lower days by "
        "0.3 or more."
    ]
    assert across.table is None and not across.waiting


def test_enough_days_with_nothing_to_set_beside_them_is_too_little(db: Database) -> None:
    """Eight scored days, a #walk on six of them: no tag had three days without it, yet the
    Review said nothing stood out, as if it had looked (nu164)."""
    with db.write() as s:
        for n in range(8):
            journal.save_entry(session=s, data={"day": date(2026, 11, 1) + timedelta(days=n),
                                                "mood": 2 + n % 2, "connectedness": 3,
                                                "body": "#walk" if n < 6 else "home"})  # fmt: skip
    with db.session() as s:
        data = review.review_month(session=s, month=NOV, today=date(2026, 12, 1))  # November over
    shown = {f.key: f for f in review_report.figures(data)}
    assert shown["across"].waiting and shown["across"].lines[0].startswith("Too little to tell")
    assert shown["associations"].waiting
    assert "Nothing stood out" not in " ".join(shown["associations"].lines)


def test_a_lower_figure_comes_with_a_line_that_it_is_no_verdict(db: Database) -> None:
    """Days with #errands scored lower: the row shows, and under it a line that a lower
    figure says nothing against anyone ("in person -0.5" read as "seeing people made it
    worse", nu216); with only higher figures (October's #walk), no such line."""
    with db.write() as s:
        for first, tag, lower in ((date(2026, 10, 1), "#walk", False),
                                  (date(2026, 11, 1), "#errands", True)):  # fmt: skip
            for n in range(8):
                tagged = n < 4
                score = 2 if tagged == lower else 4
                journal.save_entry(session=s, data={"day": first + timedelta(days=n),
                                                    "mood": score, "connectedness": score,
                                                    "body": tag if tagged else "home"})  # fmt: skip
    for month, tag, said in ((NOV, "errands", True), (date(2026, 10, 1), "walk", False)):
        with db.session() as s:
            data = review.review_month(session=s, month=month, today=date(2026, 12, 1))
        shown = {f.key: f for f in review_report.figures(data)}
        for key in ("associations", "across"):
            table = shown[key].table
            assert table is not None, (month, key)
            assert any(tag in row[0] + row[2] for row in table.rows), (month, key)
            assert (review_report.COOLER in shown[key].lines) is said, (month, key)
