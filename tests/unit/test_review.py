"""The monthly review against a small October 2026 built by hand (Europe/London; the clocks
go back on 25 October), with every answer worked out on paper first:

entries (day: connectedness/mood)  1: 5/4 #walk   2: 4/4 #walk   3: 2/3   4: 5/5 #walk
                                   10: 3/2   25: 2/3 and 4/– #repair   31: 1/1
                                   (30 Sep: 5/5 and 1 Nov: 1/– lie outside)
→ 8 entries on 7 days; connectedness 26/8 = 3.25; mood 22/7 ≈ 3.14.
→ walk: days 1, 2, 4 → (5+4+5)/3 ≈ 4.67, other days (2+3+3+1)/4 = 2.25.

interactions (local time)  1 Oct 00:30 BST Ana in person, me (23:30 UTC on 30 Sep!)
                           2 Oct 12:00 Ana call, me (a done step: expected 4, felt 2)
                           4 Oct 18:00 Ana text, me (a done step: expected 2, felt 2)
                           25 Oct 01:30 (the hour that happens twice) Ben in person, them,
                              at Work, I gave support
                           31 Oct 23:30 GMT Ben text, mutual, I got support
                           (30 Sep 23:30 BST Cy and 1 Nov 00:10 Ben lie outside)
→ 5 interactions, 2 people, in person 2 / call 1 / text 2, me 3 / them 1 / mutual 1.
→ weeks 1–4: 3, 5–11: 0, 12–18: 0, 19–25: 1, 26–31: 1.
→ Ana: all three started by me → one way. Ben: back after 97 days (20 Jul → 25 Oct).
steps due in October: 2 done, 1 declined, 1 no reply.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from planner_tui import charts, clock, learning, patterns, pictures, review_report, words
from planner_tui.db.engine import Database
from planner_tui.db.models import Channel, Initiator, StepStatus
from planner_tui.errors import InvalidInput
from planner_tui.services import journal, people, review, steps, support

OCTOBER = date(2026, 10, 1)


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=clock.local_zone())


@pytest.fixture
def october(db: Database, frozen_clock: datetime) -> Database:
    clock.freeze(datetime(2025, 6, 1, 12))  # people and contexts made long before
    with db.write() as s:
        choir = people.create_context(session=s, data={"name": "Choir"}).id
        work = people.create_context(session=s, data={"name": "Work"}).id
        garden = people.create_context(session=s, data={"name": "Garden"}).id
        ana = people.create_person(
            session=s, data={"name": "Ana", "cadence_days": 7, "context_ids": [choir]}
        ).id
        ben = people.create_person(session=s, data={"name": "[b]Ben", "context_ids": [work]}).id
        cy = people.create_person(
            session=s, data={"name": "Cy", "cadence_days": 30, "context_ids": [garden]}
        ).id
    clock.freeze(datetime(2026, 10, 10, 9))
    with db.write() as s:
        people.create_person(session=s, data={"name": "Dee"})  # new in October
    clock.freeze(frozen_clock)
    with db.write() as s:
        for day, connected, mood, tags, warm, withdraw in (
            (date(2026, 9, 30), 5, 5, [], "", ""),
            (date(2026, 10, 1), 5, 4, ["walk"], "a walk with Ana by the river", ""),
            (date(2026, 10, 2), 4, 4, ["walk"], "river walk and tea", ""),
            (date(2026, 10, 3), 2, 3, [], "", "tired after work"),
            (date(2026, 10, 4), 5, 5, ["walk"], "a walk in the sun", ""),
            (date(2026, 10, 10), 3, 2, [], "", "tired, the flat was quiet"),
            (date(2026, 10, 25), 2, 3, [], "", ""),
            (date(2026, 10, 25), 4, None, ["repair"], "we talked it through", ""),
            (date(2026, 10, 31), 1, 1, [], "", ""),
            (date(2026, 11, 1), 1, None, [], "", ""),
        ):
            journal.save_entry(
                session=s,
                data={"day": day, "connectedness": connected, "mood": mood, "tags": tags,
                      "warmth_note": warm, "withdraw_note": withdraw,
                      "person_ids": [ana] if "Ana" in warm else []},
            )  # fmt: skip
        for when, who, channel, by, extra in (
            ("2026-07-20T10:00", ben, "in_person", "them", {"context_id": work}),
            ("2026-08-15T10:00", cy, "in_person", "me", {}),
            ("2026-09-10T10:00", ana, "call", "them", {}),
            ("2026-09-30T23:30", cy, "text", "them", {}),
            ("2026-10-01T00:30", ana, "in_person", "me", {}),
            ("2026-10-25T01:30", ben, "in_person", "them",
             {"context_id": work, "gave_emotional": True}),
            ("2026-10-31T23:30", ben, "text", "mutual", {"got_practical": True}),
            ("2026-11-01T00:10", ben, "text", "me", {}),
        ):  # fmt: skip
            people.log_interaction(
                session=s,
                data={"occurred_at": local(when), "person_ids": [who], "channel": channel,
                      "initiator": by, **extra},
            )  # fmt: skip
        for who, action, due, status, channel, expected, felt in (
            (ana, "call Ana", "2026-10-02T12:00", "done", "call", 4, 2),
            (ana, "text Ana", "2026-10-04T18:00", "done", "text", 2, 2),
            (ben, "coffee with Ben", "2026-10-20T10:00", "declined", None, 3, None),
            (ben, "text Ben", "2026-10-28T10:00", "no_reply", None, None, None),
            (ben, "later", "2026-11-02T10:00", None, None, None, None),
        ):
            step = steps.create_step(
                session=s,
                data={"person_id": who, "action": action, "due_at": local(due),
                      "channel": channel, "expected_awkwardness": expected},
            )  # fmt: skip
            if status:
                steps.record_outcome(
                    session=s,
                    step_id=step.id,
                    outcome={"status": status, "felt_awkwardness": felt,
                             "occurred_at": local(due), "channel": channel},
                )  # fmt: skip
    return db


def review_of(db: Database, month: date = OCTOBER) -> review.MonthReviewData:
    with db.session() as s:
        return review.review_month(session=s, month=month)


def test_overview_figures_match_the_hand_count(october: Database) -> None:
    f = review_of(october).figures
    assert (f.days_checked_in, f.entries) == (7, 8)
    # Each day counts once: 25 Oct's two check-ins (2 and 4) are that day's 3.
    assert f.avg_connectedness == pytest.approx((5 + 4 + 2 + 5 + 3 + 3 + 1) / 7)
    assert f.avg_mood == pytest.approx(22 / 7)
    assert (f.interactions, f.people_seen) == (5, 2)
    assert f.by_channel == {Channel.IN_PERSON: 2, Channel.CALL: 1, Channel.TEXT: 2}
    assert f.by_initiator == {Initiator.ME: 3, Initiator.THEM: 1, Initiator.MUTUAL: 1}
    assert (f.gave_support, f.got_support) == (1, 1)
    assert f.in_person_share == pytest.approx(0.4)
    assert (f.contexts_in_touch, f.contexts_in_person) == (2, 2)  # Choir (via Ana), Work
    assert f.by_status == {StepStatus.DONE: 2, StepStatus.DECLINED: 1, StepStatus.NO_REPLY: 1}
    assert (f.steps_planned, f.steps_done) == (4, 2)
    assert (f.expected_awkwardness, f.felt_awkwardness) == (3.0, 2.0)
    assert (f.felt_easier, f.felt_same, f.felt_harder) == (1, 1, 0)


def test_a_step_moved_to_another_time_is_one_step_planned(october: Database) -> None:
    """'Text Ben' moved from 28 October to the 30th (and then done), and a step moved from
    October into November: each is one step where it now falls, the moves listed apart."""
    with october.write() as s:
        ben = next(p.id for p in people.list_people(session=s) if p.name == "[b]Ben")
        moved = steps.create_step(session=s, data={"person_id": ben, "action": "walk with Ben",
                                                   "due_at": local("2026-10-12T18:00")})  # fmt: skip
        steps.record_outcome(session=s, step_id=moved.id, outcome={
            "status": "rescheduled", "new_due_at": local("2026-10-14T18:00")})  # fmt: skip
        away = steps.create_step(session=s, data={"person_id": ben, "action": "call Ben",
                                                  "due_at": local("2026-10-13T18:00")})  # fmt: skip
        steps.record_outcome(session=s, step_id=away.id, outcome={
            "status": "rescheduled", "new_due_at": local("2026-11-03T18:00")})  # fmt: skip
    data = review_of(october)
    f = data.figures
    assert f.by_status[StepStatus.RESCHEDULED] == 2
    assert (f.steps_planned, f.steps_due_so_far) == (5, 5)  # the 4 before, and the walk
    shown = review_report.small_steps(data)  # its table adds up to the steps planned
    assert shown.table is not None and sum(int(n) for _, n in shown.table.rows) == 5
    assert "2 steps were moved to another time; each counts once, at its new time." in (shown.lines)
    assert review_of(october, date(2026, 11, 1)).figures.steps_planned == 2  # later, call


def test_month_edges_follow_local_time(october: Database) -> None:
    data = review_of(october)
    # 30 Sep 23:30 BST was in September; 1 Nov 00:10 in November.
    assert data.previous.interactions == 2 and data.previous.entries == 1
    days = {day: connected for day, _mood, connected in data.daily}
    assert len(days) == 31 and days[date(2026, 10, 25)] == pytest.approx(3.0)
    assert days[date(2026, 10, 5)] is None
    weeks = [(w.first.day, w.last.day, sum(w.counts.values())) for w in data.weeks]
    assert weeks == [(1, 4, 3), (5, 11, 0), (12, 18, 0), (19, 25, 1), (26, 31, 1)]


def test_what_came_with_warmer_days(october: Database) -> None:
    data = review_of(october)
    walk = next(a for a in data.associations if a.name == "walk")
    assert (walk.days_with, walk.days_without) == (3, 4)
    assert walk.average_with == pytest.approx(14 / 3)
    assert walk.average_without == pytest.approx(2.25)
    # On one day only: too few to say anything.
    assert not any(a.name == "repair" for a in data.associations)
    assert data.warmth_themes[:2] == [("walk", 3), ("river", 2)]
    assert data.withdraw_themes == [("tired", 2)]
    # As the table shows them: the difference is the one between the averages shown (it
    # was worked from the unrounded ones: 4.7 beside 2.2 read +2.4), and 2.25 is shown
    # rounded half up, as people round (Python's rounding showed 2.2, nu178).
    table = review_report.associations(data).table
    assert table is not None
    assert next(row for row in table.rows if row[0] == "walk")[3:] == ("4.7", "2.3", "+2.4")


def test_an_activity_keeps_its_capitals_however_each_step_wrote_it(october: Database) -> None:
    """One activity, however capitalised, as it was first written: "call ana (activity)"
    stood beside "Ana (person)" (nu228)."""
    with october.write() as s:
        ana = next(p.id for p in people.list_people(session=s) if p.name == "Ana")
        for action, due in (("Call Ana", "2026-10-01T12:00"), ("CALL ANA", "2026-10-04T12:00")):
            step = steps.create_step(session=s, data={"person_id": ana, "action": action,
                                     "due_at": local(due)})  # fmt: skip
            steps.record_outcome(session=s, step_id=step.id,
                                 outcome={"status": "done", "occurred_at": local(due)})  # fmt: skip
    data = review_of(october)
    assert [(a.name, a.days_with) for a in data.associations if a.kind == "activity"] == [
        ("Call Ana", 3)
    ]


def test_a_part_of_life_has_the_days_its_people_were_in_touch(october: Database) -> None:
    """A contact logged without a part of life counts for its people's, in the patterns as
    in Breadth: Family, Ana's, was in touch there and missing from the patterns (nu233)."""
    with october.write() as s:
        family = people.create_context(session=s, data={"name": "Family"}).id
        ana = next(p.id for p in people.list_people(session=s) if p.name == "Ana")
        people.update_person(session=s, person_id=ana, data={"context_ids": [family]})
    data = review_of(october)
    found = {a.name: a.days_with for a in data.associations}
    assert found["Family"] == found["Ana"] == 3  # the 1st, 2nd and 4th


def test_reciprocity_breadth_and_wins(october: Database) -> None:
    data = review_of(october)
    assert [(o.name, o.by_me, o.by_them) for o in data.one_way] == [("Ana", 3, 0)]
    said = review_report.reciprocity(data).lines
    assert "You were usually the one to reach out to Ana (you 3, them 0, together 0)." in said
    assert data.quiet_contexts == ["Garden"]
    # On 31 Oct: Ana last seen 4 Oct (27 days, rhythm 7 → 20 past); Cy 30 Sep (31 → 1 past).
    assert [(d.name, d.days_past) for d in data.drifted] == [("Ana", 20), ("Cy", 1)]
    assert [(r.name, r.gap_days) for r in data.reconnections] == [("[b]Ben", 97)]
    assert [(s.day.day, s.action) for s in data.steps_done] == [(2, "call Ana"), (4, "text Ana")]
    assert data.repairs == [date(2026, 10, 25)]
    assert data.new_people == ["Dee"]


def test_wins_say_a_long_gap_one_way(october: Database) -> None:
    """A year of quiet reads the same whether the contact before fell inside the year
    looked back on (377 days) or not at all; shorter gaps on the same scale as `ago`."""
    data = review_of(october)
    data.reconnections = [
        review.Reconnection("Zeynep F.", date(2026, 10, 5), None),
        review.Reconnection("Lea F.", date(2026, 10, 24), 377),
        review.Reconnection("[b]Ben", date(2026, 10, 27), 97),
    ]
    said = [line.strip("• ").strip() for line in review_report.wins(data).lines]
    assert "Zeynep F., 5 Oct, after more than a year" in said
    assert "Lea F., 24 Oct, after more than a year" in said
    assert "[b]Ben, 27 Oct, after 3 months" in said
    assert not any("377" in line for line in said)


def test_someone_never_in_touch_is_past_their_rhythm_as_on_today(
    db: Database, frozen_clock: datetime
) -> None:
    """Added on 5 Oct with a rhythm of two weeks and never contacted: past it on 31 Oct
    by the days beyond the rhythm, counted from the day they were added, and said kindly. Fay was added then too, but with a contact
    logged from long before (further back than the review looks): that one counts."""
    clock.freeze(datetime(2026, 10, 5, 9))
    with db.write() as s:
        people.create_person(session=s, data={"name": "Eve", "cadence_days": 14})
        fay = people.create_person(session=s, data={"name": "Fay", "cadence_days": 30}).id
        people.log_interaction(
            session=s, data={"occurred_at": local("2024-06-01T12:00"), "person_ids": [fay]}
        )
    clock.freeze(frozen_clock)
    with db.session() as s:
        data = review.review_month(session=s, month=OCTOBER)
        today = {p.name: p.drifting_days for p in people.drifting_people(session=s)}
    assert [(d.name, d.days_past, d.never_in_touch) for d in data.drifted] == [
        ("Fay", 852, False),  # 882 days since 1 Jun 2024, rhythm 30
        ("Eve", 12, True),  # 26 days since 5 Oct, rhythm 14
    ]
    assert today == {"Fay": 875, "Eve": 35}  # on 23 Nov, the Map and Today agree
    text = review_report.to_markdown(data)
    assert "Eve: not in touch yet since being added (hoped for every 2 weeks)" in text
    # How far past, in the words the Map and `people --drifting` use ("852 days past").
    assert "Fay: past monthly by 2 years" in text


def test_a_very_long_name_in_a_reviews_list_is_cut_and_hides_no_one(
    db: Database, frozen_clock: datetime
) -> None:
    """A name of 900 characters filled the Breadth box and hid the people after it."""
    long = "Wolfgang Amadeus Theophilus " * 32
    clock.freeze(datetime(2026, 10, 5, 9))
    with db.write() as s:
        for name in (long, "Eve", "Fay"):
            people.create_person(session=s, data={"name": name, "cadence_days": 7})
    clock.freeze(frozen_clock)
    with db.session() as s:
        data = review.review_month(session=s, month=OCTOBER)
    [breadth] = [f for f in review_report.figures(data) if f.key == "breadth"]
    items = [line for line in breadth.lines if line.startswith(review_report.ITEM)]
    assert len(items) == 3 and any("Eve:" in i for i in items) and any("Fay:" in i for i in items)
    [cut] = [i for i in items if "Wolfgang" in i]
    assert "…" in cut and len(cut) <= len(review_report.ITEM) + review_report.ITEM_MOST
    assert cut.endswith("(hoped for weekly)")  # what it says of them stays


def test_a_last_contact_more_than_a_year_back_counts_as_on_the_map(
    db: Database, frozen_clock: datetime
) -> None:
    """Gil was added in 2024 and last seen on 15 Jun 2025, more than a year before
    October's end: the Review counts from that day, by the same rule as the Map.
    15 Jun 2025 → 31 Oct 2026 is 503 days; rhythm 90 → 413 past. On 23 Nov: 526 → 436."""
    clock.freeze(datetime(2024, 1, 1, 9))
    with db.write() as s:
        gil = people.create_person(session=s, data={"name": "Gil", "cadence_days": 90}).id
        people.log_interaction(
            session=s, data={"occurred_at": local("2025-06-15T12:00"), "person_ids": [gil]}
        )
    clock.freeze(frozen_clock)
    with db.session() as s:
        october = review.review_month(session=s, month=OCTOBER)
        november = review.review_month(session=s, month=date(2026, 11, 1))
        on_the_map = {p.name: p.drifting_days for p in people.drifting_people(session=s)}
    assert [(d.name, d.days_past, d.never_in_touch) for d in october.drifted] == [
        ("Gil", 413, False)
    ]
    assert on_the_map == {"Gil": 436}
    assert [(d.name, d.days_past) for d in november.drifted] == [("Gil", 436)]


def test_twelve_months_cross_the_year_and_the_grid_shows_them(october: Database) -> None:
    data = review_of(october, date(2026, 11, 1))
    assert [m.month for m in data.trend][:2] == [date(2025, 12, 1), date(2026, 1, 1)]
    by_month = {m.month: m for m in data.trend}
    # A day counts once, as in the overview: the same month said 3.25 here (each entry
    # weighed) and 3.29 there. 25 Oct's two check-ins (2 and 4) are that day's 3.
    assert by_month[OCTOBER].avg_connectedness == pytest.approx(23 / 7)
    october_figures = review_of(october).figures
    assert (by_month[OCTOBER].avg_connectedness, by_month[OCTOBER].avg_mood) == pytest.approx(
        (october_figures.avg_connectedness, october_figures.avg_mood)
    )
    assert by_month[date(2026, 9, 1)].avg_connectedness == 5.0
    assert by_month[date(2026, 11, 1)].avg_connectedness == 1.0
    assert by_month[OCTOBER].contexts_in_touch == 2
    grid = review_report.year(data).picture
    assert grid is not None
    rows = grid.plain.splitlines()
    # From the planner's first month (its first step, in July), not eleven empty rows before
    assert [row[:8] for row in rows[1:-1]] == ["Jul 2026", "Aug 2026", "Sep 2026", "Oct 2026",
                                                "Nov 2026"]  # fmt: skip
    october_row = next(r for r in rows if r.startswith("Oct 2026"))
    assert october_row[9:13] == "█▆▃█" and october_row[9 + 30] == "▁"
    assert rows[-2][9:] == "▁" + "·" * 22  # up to today, the 23rd, and no further


def test_a_first_month_shows_only_what_has_begun_and_says_too_little_once(db: Database) -> None:
    """On the first evening the Review listed eleven months of '—' from before the planner
    began, drew them, and said "too little to tell" six times under the method (nu153)."""
    with db.write() as s:
        journal.save_entry(session=s, data={"day": date(2026, 11, 20), "connectedness": 4})
    shown = {f.key: f for f in review_report.figures(review_of(db, date(2026, 11, 1)))}
    trend = shown["trend"]
    assert trend.lines == ["Since your planner began, in November 2026.", words.TREND_SCALES]
    assert trend.table is not None and [row[0] for row in trend.table.rows] == ["Nov 2026"]
    assert trend.picture is None  # one month: no chart of one bar across the page
    assert shown["across"].lines == [
        "Too little to tell yet: 1 scored day in the last twelve months, and a pattern needs "
        "3 or more with something and 3 or more without it."
    ]
    # What has too little to tell is named once at the end, not shown section by section
    # with its method (a first month's page was a dozen of them).
    waiting = [f.title for f in shown.values() if f.waiting and f.key != "waiting"]
    assert shown["waiting"].title == "Too little to tell yet" and not shown["waiting"].waiting
    assert shown["waiting"].lines[1:] == [f"  • {title}" for title in waiting]
    assert "What went together, across months" in waiting
    assert "Awkwardness, expected and felt" in waiting and "Overview" not in waiting
    saved = review_report.to_markdown(review_of(db, date(2026, 11, 1)))
    assert "## Too little to tell yet\n" in saved and "- Awkwardness, expected and felt\n" in saved
    assert "## Awkwardness, expected and felt" not in saved and "## Overview" in saved
    assert "Too little to tell yet." not in saved  # under each figure's method, as it was
    # A month before it is the notice alone (it printed 150 lines of empty tables, nu154)
    assert review_report.to_markdown(review_of(db, date(1, 1, 1))) == (
        "# Monthly review — January 0001\n\n"
        "Nothing is recorded before November 2026, when your planner begins.\n"
    )
    with db.write() as s:  # a second month: the chart, each month no wider than a few columns
        journal.save_entry(session=s, data={"day": date(2026, 10, 20), "connectedness": 2})
    data = review_of(db, date(2026, 11, 1))
    picture = review_report.trend(data).picture
    assert isinstance(picture, pictures.Fitted)
    chart = picture.draw(80).plain.splitlines()
    assert chart[0].startswith("Averages, Oct 2026 – Nov 2026")
    bars = [line.rstrip() for line in chart if line[1:2] == "┤"]
    assert len(bars) == 5 and max(map(len, bars)) <= 2 + 2 * charts.MONTH_WIDEST


def test_a_saved_review_lists_every_item_the_screen_shows_the_first_few_of(db: Database) -> None:
    """The file saved for one's records (or to bring to someone) said "… and 11 more"
    where the screen lists the first six (nu156)."""
    names = [f"Person {n}" for n in range(1, 10)]
    with db.write() as s:
        for name in names:
            people.create_person(session=s, data={"name": name})
    data = review_of(db, date(2026, 11, 1))
    on_screen = {f.key: f for f in review_report.figures(data)}["wins"].lines
    assert on_screen[1:] == [f"  • {n}" for n in names[:6]] + ["  • … and 3 more"]
    saved = review_report.to_markdown(data)
    assert all(f"- {name}\n" in saved for name in names) and "… and" not in saved


def test_months_still_to_come_are_refused(db: Database) -> None:
    with pytest.raises(InvalidInput, match="not begun"), db.session() as s:
        review.review_month(session=s, month=date(2026, 12, 1))


def test_an_empty_month_and_a_month_with_one_entry(db: Database) -> None:
    data = review_of(db, date(2025, 1, 1))
    assert data.figures.is_empty and data.associations == [] and data.weeks[0].counts == {}
    text = review_report.to_markdown(data)
    assert "Nothing was recorded in this month" in text and "scores this month." in text
    # A month gone by is not spoken of as still going ("not taken yet", "nothing yet").
    assert "Not taken for this month (l in the Review takes it" in text
    # The month still going says the same, "yet", with the key (it named none, nu216).
    going = review_report.to_markdown(review_of(db, date(2026, 11, 1)))
    assert "Not taken for this month yet (l in the Review takes it: three short" in going
    assert "Nothing was listed for this month. Small things count here too." in text
    for still_going in ("Not enough days yet", "too little to tell yet", "no repeated words yet"):
        assert still_going not in text, text
    with db.write() as s:
        journal.save_entry(session=s, data={"day": date(2025, 1, 31), "connectedness": 4})
    # The planner begins in January 2025: nothing before it to set it beside (each figure
    # read "up" by all of itself), here and in the lines that name the month before.
    begins = review_report.to_markdown(review_of(db, date(2025, 1, 1)))
    assert "|  | January |\n" in begins and "| Average connectedness (1–5) | 4.0 |\n" in begins
    assert words.FIRST_MONTH in begins and "| change |" not in begins, begins
    assert "December" not in begins and "(last month" not in begins, begins
    with db.write() as s:  # a month before it now has something: the two are compared
        journal.save_entry(session=s, data={"day": date(2024, 12, 1), "connectedness": 3})
    one = review_of(db, date(2025, 1, 1))
    assert (one.figures.entries, one.figures.avg_connectedness, one.figures.avg_mood) == (
        1,
        4.0,
        None,
    )
    assert "| Average mood (1–5) | — | — |  |" in review_report.to_markdown(one)
    # January is set beside December of the year before, named with its year (it said
    # "December"); a month of the same year is named alone.
    # A month gone by is named, not "this month" (it headed November's column on 5 Dec).
    assert "|  | January | December 2024 | change |" in review_report.to_markdown(one)
    assert "|  | February | January | change |" in review_report.to_markdown(
        review_of(db, date(2025, 2, 1))
    )
    assert words.FIRST_MONTH not in review_report.to_markdown(one)
    # A month before it says the planner begins later, not that it begins there.
    before = review_report.to_markdown(review_of(db, date(2024, 11, 1)))
    assert "when your planner begins" in before and words.FIRST_MONTH not in before
    # January of the year 1 has no month before it (it was set beside itself): there the
    # planner begins.
    with db.write() as s:
        journal.save_entry(session=s, data={"day": date(1, 1, 2), "connectedness": 4})
    year_one = review_report.to_markdown(review_of(db, date(1, 1, 1)))
    assert "|  | January |\n" in year_one and words.FIRST_MONTH in year_one


def test_own_words_are_shown_whole_each_line_under_the_first(db: Database) -> None:
    """A review's note was cut at 2,000 characters on screen, in `o`'s file and in
    `planner-tui review`; a second line of wins stood at the left edge on screen and was a
    paragraph of its own in the Markdown."""
    note = "word " * 900 + "NOTE-END"
    with db.write() as s:
        review.save_month_notes(
            session=s,
            data={
                "month": "2026-10",
                "note": note + "\n  indented",
                "wins": "choir\n# sang [b]solo[/b]",
            },
        )
    data = review_of(db, date(2026, 10, 1))
    shown = {f.key: f.lines for f in review_report.figures(data)}
    assert shown["intentions"][-1] == "Note: " + note.strip() + "\n        indented"
    assert shown["wins"][-1] == "In your words: choir\n               # sang [b]solo[/b]"
    text = review_report.to_markdown(data)
    assert "NOTE-END\\\n\u00a0\u00a0indented\n" in text  # the line's own indent stays
    assert "In your words: choir\\\n\\# sang \\[b\\]solo\\[/b\\]\n" in text


def test_a_lonely_check_answered_never_lonely_is_not_told_it_has_been(db: Database) -> None:
    """ "How often do you feel lonely? Never." over a total of 7, and the note said "Your
    answers say you have been feeling lonely" (nu238): it says what the three questions
    lean towards, and that they seldom feel lonely themselves."""
    with db.write() as s:
        review.save_loneliness_check(session=s, data={
            "month": "2026-10", "lack_companionship": 2, "left_out": 2, "isolated": 3,
            "how_often": "never"})  # fmt: skip
    text = review_report.to_markdown(review_of(db))
    assert words.lonely_note("October 2026", "never") in text
    assert "though you answered 'never' to how often you feel lonely" in text  # not "seldom"
    assert "say you have been feeling lonely" not in text
    assert words.SUPPORT_IN_HELP in text


def test_loneliness_check_totals_compares_and_stays_apart(db: Database) -> None:
    with db.write() as s:
        review.save_loneliness_check(
            session=s,
            data={"month": "2026-09", "lack_companionship": 3, "left_out": 2, "isolated": 3},
        )
        review.save_loneliness_check(
            session=s,
            data={"month": "2026-10", "lack_companionship": 2, "left_out": 1, "isolated": 2,
                  "how_often": "some_of_the_time"},
        )  # fmt: skip
    september, october = review_of(db, date(2026, 9, 1)), review_of(db)
    assert september.loneliness is not None and september.loneliness.total == 8
    assert october.loneliness is not None and october.loneliness.total == 5
    assert october.loneliness_before == (date(2026, 9, 1), 8)
    text = review_report.to_markdown(october)
    assert (
        "Total 5, on a scale from 3 (least lonely) to 9. Lower than in September 2026 (8)." in text
    )
    assert "How often do you feel lonely? Some of the time." in text
    # Each answer as that one is, capitalised (nu151: "companionship? often.").
    assert "How often do you feel that you lack companionship? Some of the time." in text
    assert "How often do you feel left out? Hardly ever." in text
    assert "many people feel this way" not in text  # 5 is not high: no support note
    high = review_report.to_markdown(september)
    assert "many people feel this way" in high
    # Where support is, not every line of it: twenty about suicide under a score (nu234),
    # three screens of them, most for another country or age (nu238).
    assert words.SUPPORT_IN_HELP in high and "Samaritans" not in high and "Re-engage" not in high
    assert "People you trust" not in high  # none noted yet
    # The people you noted you trust come first, as help lists them (the note named only
    # the lines for everyone, though it says talking to someone you trust can help).
    with db.write() as s:
        support.save_trusted(session=s, contacts=[{"name": "Mum"},
                                                  {"name": "Sam", "reach": "07000 111222"}])  # fmt: skip
    high = review_report.to_markdown(review_of(db, date(2026, 9, 1)))
    ours = high.index("People you trust:\n\n- Mum\n- Sam — 07000 111222\n")
    assert high.index("many people feel this way") < ours < high.index(words.SUPPORT_IN_HELP)
    assert "People you trust" not in review_report.to_markdown(review_of(db))  # 5: not high
    # Taking it again replaces the month's answers rather than adding a second check.
    with db.write() as s:
        review.save_loneliness_check(
            session=s,
            data={"month": "2026-10", "lack_companionship": 1, "left_out": 1, "isolated": 1},
        )
    again = review_of(db).loneliness
    assert again is not None and again.total == 3 and again.how_often is None
    with pytest.raises(InvalidInput), db.write() as s:
        review.save_loneliness_check(
            session=s,
            data={"month": "2026-10", "lack_companionship": 4, "left_out": 1, "isolated": 1},
        )


def test_intentions_show_the_month_after(db: Database) -> None:
    with db.write() as s:
        review.save_month_notes(
            session=s,
            data={"month": "2026-10", "intentions": ["walk with Ben", "[/]choir", ""]},
        )
    with db.session() as s:
        assert review.current_intentions(session=s) == ["walk with Ben", "[/]choir"]
    with pytest.raises(InvalidInput, match="three"), db.write() as s:
        review.save_month_notes(
            session=s, data={"month": "2026-10", "intentions": ["a", "b", "c", "d"]}
        )


def test_a_month_with_only_its_intentions_shows_them_and_is_not_empty(db: Database) -> None:
    """November's review, with nothing recorded but the intentions October's review wrote
    for it, once said "Nothing recorded in this month yet" and left them out."""
    with db.write() as s:
        review.save_month_notes(
            session=s, data={"month": "2026-10", "intentions": ["walk with Ben", "[/]choir"]}
        )
    data = review_of(db, date(2026, 11, 1))
    assert data.intentions == ["walk with Ben", "[/]choir"] and data.notes is None
    assert not data.nothing_recorded
    shown = {f.key: f for f in review_report.figures(data)}["intentions"].lines
    assert shown[:3] == [
        "For November, from October's review:",
        review_report.ITEM + "walk with Ben",
        review_report.ITEM + "[/]choir",
    ]
    text = review_report.to_markdown(data)
    assert "Nothing recorded in this month" not in text and "- walk with Ben" in text
    assert review_of(db, date(2026, 10, 1)).intentions == []  # October's are for November


def test_markdown_carries_the_same_figures_and_escapes_user_text(october: Database) -> None:
    data = review_of(october)
    text = review_report.to_markdown(data)
    assert text.startswith("# Monthly review — October 2026\n")
    assert "| Journal entries | 8 | 1 | up 7 |" in text
    assert "| Average connectedness (1–5) | 3.3 | 5.0 | down 1.7 |" in text
    assert "| Contacts logged | 5 | 2 | up 3 |" in text
    assert "| walk | tag | 3 | 4.7 | 2.3 | +2.4 |" in text
    assert (
        "|  | kind | days with | with | without | difference |\n|---|---|---:|---:|---:|---:|"
        in (text)
    )  # names and kinds to the left, figures to the right (nu201: all right but the first)
    assert "\\[b\\]Ben, 25 Oct, after 3 months" in text
    assert "[b]Ben" not in text.replace("\\[b\\]Ben", "")
    # Reaching out comes first: a "not now" or a silence is not a step not taken (nu209).
    assert (
        "Of 4 steps due in October, you reached out in 4: 2 done, 2 with a 'not now' or no reply"
        in text
    )
    # …and in the overview, beside the steps done (it said only "done 2" of 4, nu253).
    assert "| Small steps taken | 4 |" in text and "| Small steps done | 2 |" in text
    # …and under who reached out, where the steps unanswered log no contact (nu255).
    assert (
        "Besides these, you reached out in 2 small steps that met a 'not now' or no reply yet "
        "(Small steps, below)." in text
    )
    assert "expected 3.0 of 5 awkwardness on average; afterwards it felt 2.0" in text
    assert "```text" in text and "Connectedness each day" in text  # charts as text
    assert "## How these figures are counted" in text


def test_a_month_of_steps_unanswered_says_they_were_reaching_out(db: Database) -> None:
    """A month of a "not now" and a silence, with no contact logged, showed only "No
    interactions this month." under *Reaching out and support* (nu255)."""
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        for due, status in (("2026-10-05T18:00", "declined"), ("2026-10-09T18:00", "no_reply")):
            step = steps.create_step(session=s, data={
                "person_id": ana, "action": "text Ana", "due_at": local(due)})  # fmt: skip
            steps.record_outcome(session=s, step_id=step.id, outcome={"status": status})
    shown = {f.key: f for f in review_report.figures(review_of(db))}["reciprocity"].lines
    assert shown == [
        "No contacts logged this month.",
        "You reached out in 2 small steps that met a 'not now' or no reply yet (Small steps, "
        "below).",
    ]


@pytest.mark.parametrize("bad", ["2026-13", "Octember", "no", "", "2026-1-1", "13/2026", "3"])
def test_bad_months_get_a_clear_message(bad: str) -> None:
    with pytest.raises(InvalidInput, match="month"):
        review.parse_month(bad)


def test_a_month_is_taken_as_people_write_it() -> None:
    """nu263: the Review's `g` refused 2025/03, 03/2025, `2025 march` and digits of other
    scripts; and said a page of text pasted back whole, its advice cut off below."""
    march = date(2025, 3, 1)
    for said in (
        "2025/03",
        "03/2025",
        "3.2025",
        " 2025 - 3 ",
        "2025 march",
        "2025, Mar",
        "٢٠٢٥-٠٣",
    ):
        assert review.parse_month(said) == march, said
    with pytest.raises(InvalidInput) as refused:
        review.parse_month("december 2025 " * 40)
    said = str(refused.value)
    assert len(said) < 120 and said.endswith("write it like 2026-11 or nov 2026."), said


def test_a_month_is_taken_by_its_name_too() -> None:
    """As the search's from: takes it (nu229): `nov` alone is the latest November begun."""
    assert review.parse_month("Nov 2025") == review.parse_month("2025-11") == date(2025, 11, 1)
    assert review.parse_month("november") == date(2026, 11, 1)  # the tests' clock: 23 Nov 2026
    assert review.parse_month("dec") == date(2025, 12, 1)


@pytest.mark.parametrize("days", [5, 16])
def test_no_pattern_is_said_as_too_few_days_or_as_nothing_standing_out(
    db: Database, days: int
) -> None:
    """Five scored days can't show a pattern; sixteen, with a tag on four of them as warm
    as the rest, can and didn't: "not enough days" then read as a reproach."""
    with db.write() as s:
        for n in range(days):
            journal.save_entry(session=s, data={
                "day": date(2026, 10, 1 + n), "connectedness": 3, "tags": ["walk"] if n % 4 == 0 else []})  # fmt: skip
    lines = review_report.associations(review_of(db)).lines
    if days == 5:
        assert lines[-1] == "Not enough days to see a pattern this month."
    else:
        assert lines[-1] == (
            "Nothing stood out this month: on 16 scored days, no tag, person or part of life "
            f"came with a difference of {patterns.NOTABLE_DIFFERENCE} or more."
        )


def test_associations_need_enough_days_on_both_sides() -> None:
    scores = {
        date(2026, 1, d): float(s) for d, s in zip(range(1, 7), [5, 5, 5, 1, 1, 1], strict=True)
    }
    found = patterns.associations(
        scores,
        {
            ("tag", "walk"): [date(2026, 1, d) for d in (1, 2, 3)],
            ("tag", "rare"): [date(2026, 1, 1), date(2026, 1, 2)],
            ("tag", "always"): [date(2026, 1, d) for d in range(1, 5)],  # only 2 without
            ("tag", "unscored"): [date(2026, 2, d) for d in (1, 2, 3)],
        },
    )
    assert [(a.name, a.average_with, a.average_without) for a in found] == [("walk", 5, 1)]


def test_on_the_first_of_the_month_the_review_counts_so_far_not_a_verdict(
    october: Database,
) -> None:
    # 1 November, 09:00: one contact so far (Ben's text at 00:10, Work), against October's
    # 5; steps due today at 18:00 and tomorrow at 10:00 still to come, none due yet.
    clock.freeze(local("2026-11-01T09:00"))
    with october.write() as s:
        ana = people.people_called(session=s, typed="Ana")[0].id
        steps.create_step(
            session=s,
            data={"person_id": ana, "action": "text Ana", "due_at": local("2026-11-01T18:00")},
        )
    with october.session() as s:
        data = review.review_month(session=s, month=date(2026, 11, 1))
    assert (data.figures.steps_planned, data.figures.still_to_come) == (2, 2)
    text = review_report.to_markdown(data)
    assert "| Contacts logged | 1 | 5 | so far |" in text
    assert "| Small steps done | 0 | 2 | so far |" in text
    assert "| Average connectedness (1–5) | 1.0 | 3.3 | down 2.3 |" in text  # a mean compares
    assert "No step was due yet. 2 more are still to come this month." in text
    assert "Too early in the month to tell which parts of life went quiet." in text
    assert "No contact yet this month" not in text
    # A week in, what went quiet is listed, as so far; one step has come and gone undone.
    clock.freeze(local("2026-11-07T09:00"))
    with october.session() as s:
        data = review.review_month(session=s, month=date(2026, 11, 1))
    text = review_report.to_markdown(data)
    assert "No contact yet this month, after some in the three before: Choir, Garden." in text
    assert "0 of 2 steps due so far were done." in text
    # A step for the 20th done early and one for the 25th let go: both are counted, and the
    # line says so (it said "due so far" of steps not due yet); one for the 28th is to come.
    with october.write() as s:
        for day, outcome in (("20", "done"), ("25", "declined"), ("28", None)):
            step = steps.create_step(
                session=s,
                data={"person_id": ana, "action": f"call Ana {day}",
                      "due_at": local(f"2026-11-{day}T18:00")},
            )  # fmt: skip
            if outcome:
                steps.record_outcome(session=s, step_id=step.id, outcome={"status": outcome})
    with october.session() as s:
        data = review.review_month(session=s, month=date(2026, 11, 1))
    assert (data.figures.still_to_come, data.figures.settled_early) == (1, 2)
    text = review_report.to_markdown(data)
    assert (
        "Of 4 steps due so far or settled early, you reached out in 2: 1 done, 1 with a 'not now' "
        "or no reply yet. 1 more is still to come this month." in text
    )


def test_a_repeating_steps_later_times_this_month_are_still_to_come(october: Database) -> None:
    """A weekly call is stored one time at a time, the next planned as each is settled: on
    13 November, its three times left (16th, 23rd, 30th) were "1 more still to come"
    (nu228). Each is counted, and in the table's planned steps."""
    clock.freeze(local("2026-11-13T09:00"))
    with october.write() as s:
        ana = people.people_called(session=s, typed="Ana")[0].id
        steps.create_step(session=s, data={"person_id": ana, "action": "call Ana",
                          "due_at": local("2026-11-16T18:00"), "rrule": "FREQ=WEEKLY"})  # fmt: skip
    with october.session() as s:
        data = review.review_month(session=s, month=date(2026, 11, 1))
    assert data.figures.still_to_come == 3
    text = review_report.to_markdown(data)
    assert "3 more are still to come this month." in text
    assert "| still to come | 3 |" in text and "| no outcome noted yet | 1 |" in text  # the 2nd


def test_on_the_last_day_of_the_month_the_review_still_counts_so_far(october: Database) -> None:
    """On 30 November at noon, and at 23:00, November's review read as a month gone by
    ("up 4", no "so far"), its evening's check-in still to come (nu178); on 1 December it is."""
    for moment, running in (("2026-11-30T12:00", True), ("2026-11-30T23:00", True),
                            ("2026-12-01T09:00", False)):  # fmt: skip
        clock.freeze(local(moment))
        with october.session() as s:
            data = review.review_month(session=s, month=date(2026, 11, 1))
        assert data.running is running, moment
        text = review_report.to_markdown(data)
        assert ("November 2026 (so far, to 30 Nov)" in text) is running, moment
        assert ("| Contacts logged | " in text and " so far |" in text) is running, moment


def test_a_name_with_s_counts_as_the_name_in_the_months_words() -> None:
    """ "Tom's voice note" is about Tom: the Journal's search finds it for "tom", and the
    Review counted Tom in two check-ins of three. Contractions stay common words."""
    notes = ["Tom's voice note back", "a long walk with Tom", "TOM’S card came",
             "that's what's nice", "Vera said not now", "skipped Vera's photo"]  # fmt: skip
    assert patterns.themes(notes) == [("Tom", 3), ("Vera", 2)]  # as the name is written most
    assert patterns.themes(["a walk", "Walk home", "walk again"]) == [("walk", 3)]


def test_a_two_letter_name_counts_in_the_months_words_and_fillers_do_not() -> None:
    """A friend called Bo brought warmth twice: Bo is one of the month's words (two-letter
    words were all left out), and "ok", "hi" or "oh" never are."""
    notes = ["Bo's soup", "walk with Bo", "ok, hi Mo", "oh ok", "Mo at 7pm", "hi at 8pm"]
    assert patterns.themes(notes) == [("Bo", 2), ("Mo", 2)]


def test_a_person_is_never_shown_as_coming_with_colder_days() -> None:
    """Days with Ana scored lower: she is left out of what came with warmer days (the
    review's own rule for people), and so is her part of life (a family of one was "Family
    -0.4", nu216); a tag with colder days still shows, as a pattern."""
    scores = {
        date(2026, 1, d): float(s) for d, s in zip(range(1, 7), [1, 1, 1, 5, 5, 5], strict=True)
    }
    days = [date(2026, 1, d) for d in (1, 2, 3)]
    found = patterns.associations(
        scores, {("person", "Ana"): days, ("context", "Family"): days, ("tag", "rain"): days}
    )
    assert [(a.kind, a.name, a.difference) for a in found] == [("tag", "rain", -4)]
    warmer_days = [date(2026, 1, d) for d in (4, 5, 6)]
    warmer = patterns.associations(
        scores, {("person", "Ana"): warmer_days, ("context", "Family"): warmer_days}
    )
    assert [(a.name, a.difference) for a in warmer] == [("Family", 4), ("Ana", 4)]


def test_of_figures_as_large_the_higher_comes_first() -> None:
    """#walk went with days 4 points higher and #tired with days 4 lower: the table, cut at
    its first rows, showed #tired and left #walk out (nu220). Of equal size, the higher
    comes first, in a month and across months."""
    scores = {date(2026, 1, d): float(s) for d, s in zip(range(1, 10), [5, 5, 5, 1, 1, 1, 3, 3, 3], strict=True)}  # fmt: skip
    items = {("tag", "tired"): [date(2026, 1, d) for d in (4, 5, 6)],
             ("tag", "walk"): [date(2026, 1, d) for d in (1, 2, 3)]}  # fmt: skip
    assert [a.name for a in patterns.associations(scores, items)] == ["walk", "tired"]
    [window, *_] = learning.across_months({"connectedness": scores}, items, date(2026, 1, 1))
    assert [t.name for t in window.found] == ["walk", "tired"]


def test_words_that_come_back_together_are_one_theme() -> None:
    """ "What made you withdraw: empty (2), flat (2)" for "the empty flat", and "warm (5)"
    for "the choir warm-up" (nu216): words said side by side are one theme, in place of
    each word where it never came without the other; a word also said alone stays too, and
    a word with a hyphen is one word."""
    notes = ["the empty flat again", "came home to the empty flat", "a quiet, empty evening",
             "choir warm-up", "the choir warm-up was fun", "Ana, choir"]  # fmt: skip
    assert patterns.themes(notes) == [
        ("choir", 3), ("empty", 3), ("choir warm-up", 2), ("empty flat", 2)
    ]  # fmt: skip
    # Words apart are not a phrase: "empty" and "flat" with a comma between, or other words.
    assert patterns.themes(["empty, flat", "flat tyre and empty"]) == [("empty", 2), ("flat", 2)]
    # A little word or two between them still makes one: "cup (20), tea (20)" (nu220).
    assert patterns.themes(["a cup of tea with Mo", "cup of tea", "walk in the park",
                            "the walk in the park"]) == [("cup of tea", 2), ("walk in the park", 2)]  # fmt: skip
    # "and" ends a phrase rather than joining one: "together and eating" read as a theme
    # no one wrote (nu235).
    twice = ["cooking together and eating slowly"] * 2
    assert patterns.themes(twice) == [("cooking together", 2), ("eating slowly", 2)]
    # Three words side by side are one theme too, not two cut ones: "helping at the food
    # (2), food bank (2)" (nu246); a shorter run said alone as well stays.
    notes = ["helping at the food bank and chatting between boxes", "helping at the food bank",
             "long walk by the river", "a walk by the river"]  # fmt: skip
    assert patterns.themes(notes) == [("helping at the food bank", 2), ("walk by the river", 2)]


def test_words_of_time_and_telling_are_not_the_months_words() -> None:
    """ "What brought warmth: last (2), remembered (2), told (2), week (2)" — the words
    around what brought warmth, not what did."""
    notes = [
        "told Ana about last week",
        "the choir last week, I said yes",
        "choir again tomorrow morning",
        "Ana came over, we went for a walk",
    ]
    assert patterns.themes(notes) == [("Ana", 2), ("choir", 2)]


def test_little_words_of_place_and_manner_are_not_the_months_words() -> None:
    """ "What brought warmth: bank (6), between (6), boxes (6)…" on the demo (nu150):
    "between" says nothing of what helped."""
    notes = ["chatting between boxes until late", "packing boxes between shifts, until late",
             "under the trees, between showers: chatting",
             "we shouldn't have, but we did, under the trees: chatting until late"]  # fmt: skip
    assert patterns.themes(notes) == [("chatting", 3), ("late", 3), ("boxes", 2), ("trees", 2)]


def test_themes_leave_out_words_that_say_none_came() -> None:
    """ "What brought warmth: neighbour (10), tea (10), nothing (6)" (nu166)."""
    notes = ["nothing much", "Nothing.", "nothing really", "tea with the neighbour",
             "tea, then nothing", "the neighbour's tea", "none"]  # fmt: skip
    assert patterns.themes(notes) == [("tea", 3), ("neighbour", 2)]


def test_people_in_touch_counts_those_a_check_in_counted_as_in_touch(db: Database) -> None:
    """A check-in ticked "we were in touch" with Ben made him "last in touch" on the Map,
    and the Review said "People in touch 0"; someone only mentioned is not in touch."""
    with db.write() as s:
        ben, ana, cy = (people.create_person(session=s, data={"name": n}).id
                        for n in ("Ben", "Ana", "Cy"))  # fmt: skip
        journal.save_entry(session=s, data={
            "day": date(2026, 10, 14), "body": "tea with @Ana", "person_ids": [ben, ana],
            "contact_person_ids": [ben]})  # fmt: skip
        for met in ([cy], [ben, cy]):  # Ben again, in a contact: counted once
            people.log_interaction(session=s, data={
                "occurred_at": datetime(2026, 10, 20, 18, tzinfo=clock.UTC), "person_ids": met})  # fmt: skip
        people.log_interaction(session=s, data={
            "occurred_at": datetime(2026, 9, 20, 18, tzinfo=clock.UTC), "person_ids": [ana]})  # fmt: skip
    figures = review_of(db).figures
    assert (figures.people_seen, figures.interactions) == (2, 2)  # Ben and Cy, not Ana
    with db.write() as s:  # without the contact with Ben, the check-in alone counts him
        journal.save_entry(session=s, data={"day": date(2026, 10, 15), "body": "a call",
                                            "person_ids": [ana], "contact_person_ids": [ana]})  # fmt: skip
    assert review_of(db).figures.people_seen == 3


def done_early(db: Database, action: str, *, due: datetime, done: datetime) -> None:
    """A step with Sam (added the first time) for *due*, done at *done* (UTC), before it."""
    with db.write() as s:
        found = [p.id for p in people.list_people(session=s) if p.name == "Sam"]
        sam = found[0] if found else people.create_person(session=s, data={"name": "Sam"}).id
        step = steps.create_step(session=s, data={
            "person_id": sam, "action": action, "due_at": due.replace(tzinfo=UTC)}).id  # fmt: skip
        steps.record_outcome(session=s, step_id=step, outcome={
            "status": "done", "occurred_at": done.replace(tzinfo=UTC)})  # fmt: skip


def test_a_step_done_before_its_time_is_a_win_of_the_day_it_was_done(db: Database) -> None:
    """A step for Wednesday done on Monday was shown in the wins as Wednesday's, a day
    still to come (and so in the Markdown export, and on the person's page)."""
    from planner_tui.services import exchange

    done_early(db, "call Sam", due=datetime(2026, 11, 25, 18), done=datetime(2026, 11, 23, 19))
    done_early(db, "wave", due=datetime(2026, 11, 26, 9), done=datetime(2026, 11, 21, 10))
    with db.session() as s:
        november = review.review_month(session=s, month=date(2026, 11, 1))
        exported = exchange.export_markdown(session=s)
    # In the order of the days shown (listed by the days due, 23 Nov came before 21 Nov).
    assert [(d.day, d.action) for d in november.steps_done] == [
        (date(2026, 11, 21), "wave"), (date(2026, 11, 23), "call Sam")
    ]  # fmt: skip
    assert "- 2026-11-23 19:00: call Sam — Sam (done; planned for 2026-11-25 18:00)" in exported


def test_the_markdown_export_names_a_places_decline_as_the_plan_does(db: Database) -> None:
    """nu274: "go to the choir — Choir (not now; …)" where the Plan and the Review say
    "not this time": no one there said not now."""
    from planner_tui.services import exchange

    with db.write() as s:
        choir = people.create_context(session=s, data={"name": "Choir"}).id
        sam = people.create_person(session=s, data={"name": "Sam"}).id
        for toward, action in (
            ({"context_id": choir}, "go to the choir"),
            ({"person_id": sam}, "call Sam"),
        ):
            step = steps.create_step(session=s, data={
                **toward, "action": action, "due_at": datetime(2026, 11, 23, 18, tzinfo=UTC)}).id  # fmt: skip
            steps.record_outcome(session=s, step_id=step, outcome={"status": "declined"})
    with db.session() as s:
        exported = exchange.export_markdown(session=s)
    assert "go to the choir — Choir (not this time)" in exported
    assert "call Sam — Sam (not now)" in exported


def test_a_list_item_of_own_words_or_names_never_starts_a_heading_or_a_list(
    db: Database,
) -> None:
    """An intention "# not a heading" was a heading inside its list item in the saved
    review, "- go" a list within the list, and so was a person named "# Hash"."""
    from markdown_it import MarkdownIt

    with db.write() as s:
        people.create_person(session=s, data={"name": "# Hash"})
        review.save_month_notes(session=s, data={
            "month": "2026-10", "intentions": ["# not a heading", "- go to the choir", "1. first"]
        })  # fmt: skip
    text = review_report.to_markdown(review_of(db, date(2026, 11, 1)))
    html = MarkdownIt().render(text)
    for own in ("# not a heading", "- go to the choir", "1. first", "# Hash"):
        assert f"<li>{own}</li>" in html, own


def test_an_export_by_month_files_a_step_done_early_in_the_month_it_was_done(
    db: Database,
) -> None:
    """A step for 2 December done on 23 November went into December's Markdown (a month
    still to begin, and `--per-month` made its file), not November's, where it is listed."""
    from planner_tui.services import exchange

    done_early(db, "tea with Sam", due=datetime(2026, 12, 2, 18), done=datetime(2026, 11, 23, 19))
    with db.session() as s:
        november = exchange.export_markdown(session=s, month=date(2026, 11, 1))
        december = exchange.export_markdown(session=s, month=date(2026, 12, 1))
        months = exchange.months_with_data(session=s)
    assert "- 2026-11-23 19:00: tea with Sam — Sam (done; planned for 2026-12-02 18:00)" in november
    assert "tea with Sam" not in december
    assert months == [date(2026, 11, 1)]


def test_someone_back_in_touch_by_a_check_in_is_back_in_touch(db: Database) -> None:
    """A check-in that counted Ivy as in touch, months after the last contact, made her
    "last in touch" on the Map but not "back in touch after a long gap" in the Review."""
    with db.write() as s:
        ivy = people.create_person(session=s, data={"name": "Ivy"}).id
        people.log_interaction(session=s, data={
            "occurred_at": datetime(2026, 8, 2, 12, tzinfo=UTC), "person_ids": [ivy]})  # fmt: skip
        journal.save_entry(session=s, data={
            "day": date(2026, 11, 20), "body": "lunch with @Ivy", "contact_person_ids": [ivy]
        })  # fmt: skip
    november = review_of(db, date(2026, 11, 1))
    assert [(r.name, r.day) for r in november.reconnections] == [("Ivy", date(2026, 11, 20))]
    # And the twelve months beside the loneliness check count her as the overview does.
    [beside] = [m for m in november.beside if m.month == date(2026, 11, 1)]
    assert beside.people == november.figures.people_seen == 1


def test_back_in_touch_says_its_longest_gaps_come_first(db: Database) -> None:
    """ "Nadia A., 5 Dec" above "Zoe A., 1 Dec" read as out of order (nu127): the list is
    by the length of the gap, and its heading says so."""
    from planner_tui import review_report

    with db.write() as s:
        for name, before, back in (("Zoe", 8, 1), ("Nadia", 3, 5)):
            pid = people.create_person(session=s, data={"name": name}).id
            for day in (
                datetime(2026, before, 2, 12, tzinfo=UTC),
                datetime(2026, 11, back, 12, tzinfo=UTC),
            ):
                people.log_interaction(session=s, data={"occurred_at": day, "person_ids": [pid]})
    lines = review_report.wins(review_of(db, date(2026, 11, 1))).lines
    at = lines.index("Back in touch after a long gap (2, longest first):")
    assert [line.split(",")[0].strip(" •-") for line in lines[at + 1 : at + 3]] == ["Nadia", "Zoe"]
    data = review_of(db, date(2026, 11, 1))
    one = review_report.wins(replace(data, reconnections=data.reconnections[:1])).lines
    assert "Back in touch after a long gap (1):" in one  # no order of one (nu201)


def test_a_saved_review_lists_a_hundred_new_people_at_most(db: Database) -> None:
    """An address book of 23,000 cards made a saved review's wins 23,000 lines (nu196);
    they are named as every list of people is, by name (nu202: in the order added)."""
    with db.write() as s:
        for n in reversed(range(103)):
            people.create_person(session=s, data={"name": f"P{n:03}"})
    lines = review_report.wins(review_of(db, date(2026, 11, 1)), shown=None).lines
    at = lines.index("New people on your map (103):")
    assert lines[at + 1 : at + 101] == [f"  • P{n:03}" for n in range(100)]
    assert lines[at + 101] == "  • … and 3 more"


@pytest.mark.parametrize(
    ("done", "due", "said"),
    [(0, 1, "0 of 1 step due in October was done."),  # "… were done" (nu166)
     (1, 3, "1 of 3 steps due in October was done."),
     (0, 3, "0 of 3 steps due in October were done."),
     (2, 3, "2 of 3 steps due in October were done.")],
)  # fmt: skip
def test_the_steps_line_agrees_with_its_numbers(done: int, due: int, said: str) -> None:
    assert words.steps_done_line(done, due, 0, False, 0, "October") == said


def test_the_steps_line_puts_reaching_out_first_when_some_were_not_done() -> None:
    """The line read "1 of 5 steps due so far was done" after four brave tries, two of them
    a "not now" and two unanswered, which reads as failing (nu209)."""
    assert words.steps_done_line(1, 5, 0, True, 0, "December", reached=5) == (
        "Of 5 steps due so far, you reached out in 5: 1 done, 4 with a 'not now' or no reply yet."
    )
    # All done, or none reached for beyond those done: the count of done says it.
    assert words.steps_done_line(2, 3, 1, True, 0, "December", reached=2) == (
        "2 of 3 steps due so far were done. 1 more is still to come this month."
    )


def test_someone_added_with_their_history_logged_is_not_a_new_person(db: Database) -> None:
    """Added in December with contacts logged back to September, Ana was one of the "new
    people on your map" (nu166); Bo, with no contact before December, is new."""
    clock.freeze(datetime(2026, 12, 6, 20))  # the fixture's clock comes back after
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        people.create_person(session=s, data={"name": "Bo"})
        people.log_interaction(session=s, data={"person_ids": [ana],
                               "occurred_at": datetime(2026, 9, 5, 12, tzinfo=UTC)})  # fmt: skip
    with db.session() as s:
        assert review.review_month(session=s, month=date(2026, 12, 1)).new_people == ["Bo"]


def test_one_more_item_is_shown_not_counted() -> None:
    """ "… and 1 more" took the line the one name would have taken (nu228)."""
    names = [f"Person {n}" for n in range(1, 8)]
    assert review_report.more(names) == [f"  • {n}" for n in names]
    assert review_report.more([*names, "Person 8"])[-1] == "  • … and 2 more"


def test_a_check_in_every_day_of_a_month_is_said_so_beside_any_other(db: Database) -> None:
    """nu262: a check-in on each of November's 30 days, beside each of October's 31, read
    "down 1" — a whole month counted less for being shorter; October's 31 beside September's
    30 read "up 1" (nu263)."""
    from datetime import timedelta

    def days_row(month: date) -> tuple[str, ...]:
        table = review_report.overview(review_of(db, month)).table
        assert table is not None
        return next(tuple(row[1:]) for row in table.rows if row[0] == "Days with a check-in")

    clock.freeze(datetime(2026, 12, 7, 20))
    with db.write() as s:
        for day in range(91):  # 1 September to 30 November
            first = date(2026, 9, 1)
            journal.save_entry(session=s, data={"day": first + timedelta(days=day), "body": "x"})
    assert days_row(date(2026, 11, 1)) == ("30", "31", "each day")
    assert days_row(OCTOBER) == ("31", "30", "each day")
    with db.write() as s:
        journal.delete_entry(session=s, entry_id=31)  # 1 October
    assert days_row(date(2026, 11, 1)) == ("30", "30", "each day")
    assert days_row(OCTOBER) == ("30", "30", "same")  # not every day: counted as usual
