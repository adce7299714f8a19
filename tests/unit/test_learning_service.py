"""The queries behind learning from one's own steps (services.learning), on every engine:
steps planned and resolved through the services, figures worked out by hand."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from planner_tui import clock, learning, review_report
from planner_tui.db.engine import Database
from planner_tui.services import corrections, learning as service, people, review, steps


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=clock.local_zone())


@pytest.fixture
def who(db: Database) -> dict[str, int]:
    with db.write() as s:
        return {n: people.create_person(session=s, data={"name": n}).id for n in ("Ana", "Bo")}


def plan(db: Database, person: int | None, due: str, **extra: Any) -> int:
    with db.write() as s:
        data = {"person_id": person, "action": "send a text", "due_at": local(due), **extra}
        return steps.create_step(session=s, data=data).id


def outcome(db: Database, step_id: int, status: str, **extra: Any) -> steps.OutcomeResult:
    with db.write() as s:
        return steps.record_outcome(session=s, step_id=step_id, outcome={"status": status, **extra})


def test_calibration_reads_done_steps_with_both_answers(db: Database, who: dict[str, int]) -> None:
    for day, expected, felt in (("01", 4, 2), ("02", 3, 2), ("03", 5, 2)):
        step = plan(db, who["Ana"], f"2026-11-{day}T18:00", channel="call",
                    expected_awkwardness=expected)  # fmt: skip
        outcome(db, step, "done", felt_awkwardness=felt)
    outcome(
        db, plan(db, who["Bo"], "2026-11-04T18:00", channel="call", expected_awkwardness=5), "done"
    )  # fmt: skip  (no felt answer)
    plan(db, who["Bo"], "2026-11-30T18:00", channel="call", expected_awkwardness=5)
    with db.session() as s:
        past = service.calibration_steps(session=s)
    assert [p.due_day.day for p in past] == [3, 2, 1]  # newest first, only those with both
    found = learning.calibration(past, channel="call")
    assert found is not None and (found.count, found.expected, found.felt) == (3, 4.0, 2.0)
    assert learning.calibration(past[:2], channel="call") is None


def test_appreciation_is_kept_from_plan_to_done_and_counted_per_person(
    db: Database, who: dict[str, int]
) -> None:
    for day, guess, seen in (("01", 2, 4), ("02", 3, 5), ("03", 1, 3)):
        step = plan(db, who["Ana"], f"2026-11-{day}T18:00", appreciation_forecast=guess)
        result = outcome(db, step, "done", appreciation_response=seen)
        assert (result.step.appreciation_forecast, result.step.appreciation_response) == (
            guess, seen)  # fmt: skip
    only_guess = plan(db, who["Bo"], "2026-11-05T18:00", appreciation_forecast=2)
    outcome(db, only_guess, "done")
    declined = plan(db, who["Bo"], "2026-11-06T18:00", appreciation_forecast=2)
    assert (
        outcome(db, declined, "declined", appreciation_response=5).step.appreciation_response
        is None
    )
    with db.session() as s:
        assert service.person_appreciation(session=s, person_id=who["Ana"]) == learning.Paired(
            3, 2.0, 4.0)  # fmt: skip
        assert service.person_appreciation(session=s, person_id=who["Bo"]).count == 0
    with db.write() as s:  # a changed outcome forgets how they seemed to take it
        corrections.change_outcome(session=s, step_id=only_guess, outcome={"status": "skipped"})
    with db.session() as s:
        assert steps.get_step(session=s, step_id=only_guess).appreciation_response is None


def test_not_nows_follow_chains_and_the_same_person_within_ninety_days(
    db: Database, who: dict[str, int]
) -> None:
    ana, bo = who["Ana"], who["Bo"]
    # Ana: a "not now", then a done step with her 19 days later: a yes.
    outcome(db, plan(db, ana, "2026-10-01T18:00"), "declined")
    outcome(db, plan(db, ana, "2026-10-20T18:00"), "done")
    # Bo: a "not now" with another time, moved twice, then done: a yes through its chain.
    first = outcome(db, plan(db, bo, "2026-10-05T18:00"), "declined",
                    new_due_at=local("2026-11-24T18:00")).following[0]  # fmt: skip
    second = outcome(db, first.id, "rescheduled", new_due_at=local("2026-11-25T18:00")).following[0]
    third = outcome(db, second.id, "rescheduled", new_due_at=local("2026-11-26T18:00")).following[0]
    # Cy: a "not now" nothing followed.
    with db.write() as s:
        cy = people.create_person(session=s, data={"name": "Cy"}).id
    outcome(db, plan(db, cy, "2026-10-06T18:00"), "declined")
    # Toward a place, with no one: "not this time", no one's "not now", so not counted,
    # even with its next time gone to (it was, nu228).
    choir = outcome(db, plan(db, None, "2026-10-07T18:00", action="go to the choir"),
                    "declined", new_due_at=local("2026-10-14T18:00")).following[0]  # fmt: skip
    outcome(db, choir.id, "done")
    with db.session() as s:
        before = service.recent_not_nows(session=s)
    assert before == learning.NotNows(3, 1)  # Bo's chain isn't done yet
    outcome(db, third.id, "done")
    with db.session() as s:
        assert service.recent_not_nows(session=s) == learning.NotNows(3, 2)
        data = review.review_month(session=s, month=date(2026, 11, 1))
        # Earlier than the last twelve months: not counted.
        assert service.recent_not_nows(session=s, today=date(2028, 1, 1)).count == 0
    assert data.learning is not None and data.learning.not_nows == learning.NotNows(3, 2)
    said = review_report.not_nows(data).lines
    # Its window said: the outcome form's ends today (nu156 read three totals as one); the
    # month is still going, so not "to the end of November" (nu201); its months named, as
    # they are counted ("up to today" read as from a year ago today, nu235)
    assert (
        "Of your 3 'not now's due since the start of December 2025, 2 became a yes later." in said
    )
    with db.session() as s:
        october = review.review_month(session=s, month=date(2026, 10, 1))
    ended = review_report.not_nows(october).lines
    assert any("due from November 2025 to October 2026," in line for line in ended), ended
    # Within one year, the year is said too: "since the start of January" in December read
    # as the January to come (nu246).
    clock.freeze(datetime(2026, 12, 7, 20))
    with db.session() as s:
        december = review_report.not_nows(review.review_month(session=s, month=date(2026, 12, 1)))
    assert any("due since the start of January 2026," in line for line in december.lines)


def test_a_done_step_after_ninety_days_is_not_that_not_nows_yes(
    db: Database, who: dict[str, int]
) -> None:
    outcome(db, plan(db, who["Ana"], "2026-06-01T18:00"), "declined")
    outcome(db, plan(db, who["Ana"], "2026-08-31T18:00"), "done")  # 91 days
    outcome(db, plan(db, who["Bo"], "2026-06-02T18:00"), "declined")
    outcome(db, plan(db, who["Bo"], "2026-08-31T18:00"), "done")  # 90 days
    with db.session() as s:
        assert service.recent_not_nows(session=s) == learning.NotNows(2, 1)


def test_the_review_compares_following_through_with_five_on_each_side(
    db: Database, who: dict[str, int]
) -> None:
    for n in range(5):  # with a cue: 4 of 5 reached out
        step = plan(db, who["Ana"], f"2026-11-0{n + 1}T18:00", cue="after lunch")
        outcome(db, step, "skipped" if n == 0 else "no_reply" if n == 1 else "done")
    for n in range(4):  # without: 1 of 4 so far
        step = plan(db, who["Bo"], f"2026-11-0{n + 1}T19:00")
        outcome(db, step, "done" if n == 0 else "skipped")
    with db.session() as s:
        data = review.review_month(session=s, month=date(2026, 11, 1))
    assert data.learning is not None and data.learning.follow_month == []
    assert review_report.follow_through(data).lines[-1] == "Too little to tell yet."
    outcome(db, plan(db, who["Bo"], "2026-11-09T19:00", channel="text"), "declined")
    with db.session() as s:
        data = review.review_month(session=s, month=date(2026, 11, 1))
        october = review.review_month(session=s, month=date(2026, 10, 1))
    assert data.learning is not None
    [cue] = [c for c in data.learning.follow_month if c.key == "cue"]
    assert (cue.taken_with, cue.count_with, cue.taken_without, cue.count_without) == (4, 5, 2, 5)
    assert data.learning.follow_year == data.learning.follow_month
    assert october.learning is not None and october.learning.follow_month == []
    lines = review_report.follow_through(data).lines
    assert (review_report.ITEM + "Steps with a when-then cue: you reached out 4 of 5 times; "
            "without one, 2 of 5.") in lines  # fmt: skip


def test_the_review_pairs_awkwardness_by_month_from_three_steps(
    db: Database, who: dict[str, int]
) -> None:
    answers = [("2026-10-10", 4, 2), ("2026-11-02", 3, 3)]
    for day, expected, felt in answers:
        step = plan(db, who["Ana"], f"{day}T18:00", expected_awkwardness=expected)
        outcome(db, step, "done", felt_awkwardness=felt)
    with db.session() as s:
        data = review.review_month(session=s, month=date(2026, 11, 1))
    assert review_report.calibration(data).lines[-1] == "Too little to tell yet."
    step = plan(db, who["Bo"], "2026-11-03T18:00", expected_awkwardness=5)
    outcome(db, step, "done", felt_awkwardness=1)
    with db.session() as s:
        data = review.review_month(session=s, month=date(2026, 11, 1))
    figure = review_report.calibration(data)
    assert figure.lines[-1] == (
        "Over the twelve months, 3 steps: you expected 4.0 of 5; afterwards they felt 2.0."
    )
    assert figure.table is not None
    assert list(figure.table.rows) == [
        ("Oct 2026", "1", "4.0", "2.0"),
        ("Nov 2026", "2", "4.0", "2.0"),
    ]
    markdown = review_report.to_markdown(data)
    assert "## Awkwardness, expected and felt" in markdown
    assert "**Awkwardness, expected and felt**: For each of the twelve months" in markdown


def test_with_someone_reads_their_newest_contacts_and_recent_comfort(
    db: Database, who: dict[str, int]
) -> None:
    from planner_tui.services import journal

    def log(day: str, channel: str, **extra: Any) -> None:
        with db.write() as s:
            people.log_interaction(session=s, data={
                "occurred_at": local(f"2026-11-{day}T12:00"), "person_ids": [who["Ana"]],
                "channel": channel, **extra})  # fmt: skip

    log("01", "call", warmth=2)  # seventh newest: not looked at
    for day in ("02", "05", "09", "12", "16", "20"):
        log(day, "text", warmth=4 if day != "20" else 5, gave_emotional=day != "09")
    with db.write() as s:  # comfort receiving help: 2, 2, 3 in the last 30 days; 1 before
        for day, comfort in ((date(2026, 10, 1), 1), (date(2026, 11, 3), 2),
                             (date(2026, 11, 10), 2), (date(2026, 11, 25), 3)):  # fmt: skip
            journal.save_entry(session=s, data={"day": day, "body": "x",
                                                "comfort_receiving": comfort})  # fmt: skip
    with db.session() as s:
        found = service.with_someone(session=s, person_id=who["Ana"], today=date(2026, 11, 30))
        other = service.with_someone(session=s, person_id=who["Bo"], today=date(2026, 11, 30))
    assert found.giving == learning.Giving(gave=5, got=0, counted=6, comfort=7 / 3, check_ins=3)
    # six written contacts since 2 Nov (28 days), warmth (4·5 + 5) / 6
    assert found.richer == learning.Richer(contacts=6, since=date(2026, 11, 2), warmths=6,
                                           warmth=25 / 6)  # fmt: skip
    assert other == service.WithSomeone()  # no contact yet: nothing to offer


def test_someones_story_entries_about_them_and_contact_by_month(
    db: Database, who: dict[str, int]
) -> None:
    from planner_tui.services import journal

    with db.write() as s:
        for day, body, person in ((date(2026, 9, 2), "a walk and tea", "Ana"),
                                  (date(2026, 11, 5), "a walk by the river", "Ana"),
                                  (date(2026, 11, 20), "she called", "Ana"),
                                  (date(2026, 11, 21), "a walk alone", "Bo")):  # fmt: skip
            journal.save_entry(session=s, data={"day": day, "body": body,
                                                "person_ids": [who[person]]})  # fmt: skip
        for when, channel in (("2026-09-30T23:30", "call"), ("2026-10-01T00:30", "text"),
                              ("2026-11-10T12:00", "text"), ("2025-11-30T12:00", "call")):  # fmt: skip
            people.log_interaction(session=s, data={
                "person_ids": [who["Ana"]], "occurred_at": local(when), "channel": channel})  # fmt: skip
    with db.session() as s:
        hits, total, problems = journal.mentioning(session=s, person_id=who["Ana"])
        walks = journal.mentioning(session=s, person_id=who["Ana"], text="walk @Bo")
        few = journal.mentioning(session=s, person_id=who["Ana"], limit=2)
        months = people.contact_by_month(session=s, person_id=who["Ana"], today=date(2026, 11, 23))
    assert [h.entry.day.day for h in hits] == [20, 5, 2] and (total, problems) == (3, [])
    # Her page is always hers: "@Bo" typed there narrows to entries naming both of them
    # (as two people do in any search), and doesn't reach Bo's walk without her.
    assert walks[0] == [] and walks[2] == []
    assert (len(few[0]), few[1]) == (2, 3)  # two shown of three
    assert months[0][0] == date(2025, 12, 1) and len(months) == 12
    counts = dict(months)
    # Local months (London): 23:30 on 30 Sep is September; 00:30 on 1 Oct is October; a
    # year ago November is before the twelve months.
    assert counts[date(2026, 9, 1)] == {"call": 1}
    assert counts[date(2026, 10, 1)] == {"text": 1}
    assert counts[date(2026, 11, 1)] == {"text": 1}
    assert sum(sum(c.values()) for c in counts.values()) == 3
