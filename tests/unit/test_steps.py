"""Small steps and their outcomes, on every engine."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from planner_tui import clock
from planner_tui.db.engine import Database
from planner_tui.db.models import Initiator, StepStatus
from planner_tui.errors import InvalidInput, NotFound
from planner_tui.services import people, steps, today as services_today


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=clock.local_zone())


@pytest.fixture
def ana(db: Database) -> int:
    with db.write() as s:
        return people.create_person(session=s, data={"name": "Ana"}).id


def plan(db: Database, person: int, due: str, **extra: object) -> int:
    with db.write() as s:
        data = {"person_id": person, "action": "send a text", "due_at": local(due), **extra}
        return steps.create_step(session=s, data=data).id


def test_done_records_an_interaction_that_resets_drift(db: Database, ana: int) -> None:
    step = plan(db, ana, "2026-11-23T18:00", channel="text", expected_awkwardness=4)
    with db.write() as s:
        result = steps.record_outcome(
            session=s,
            step_id=step,
            outcome={"status": "done", "warmth": 4, "felt_awkwardness": 2, "responded": "mutual"},
        )
    assert result.step.status is StepStatus.DONE and result.step.felt_awkwardness == 2
    assert result.following == []
    with db.session() as s:
        [interaction] = people.list_interactions(session=s, person_id=ana)
        assert interaction.step_id == step and interaction.warmth == 4
        assert interaction.initiator is Initiator.MUTUAL
        assert people.get_person(session=s, person_id=ana).last_contact is not None


def test_done_can_say_it_happened_another_way_and_earlier(db: Database, ana: int) -> None:
    step = plan(db, ana, "2026-11-23T18:00", channel="call")
    earlier = local("2026-11-23T17:15")
    with db.write() as s:
        steps.record_outcome(session=s, step_id=step, outcome={
            "status": "done", "channel": "text", "occurred_at": earlier, "note": "[b]ok[/b]"})  # fmt: skip
    with db.session() as s:
        [interaction] = people.list_interactions(session=s, person_id=ana)
    assert interaction.channel == "text" and interaction.occurred_at == earlier
    assert interaction.note == "[b]ok[/b]"


@pytest.mark.parametrize(
    ("action", "how"),
    [
        ("call Ana", "call"),
        ("give Ana a ten-minute call about the letter", "call"),  # the first word that tells
        ("send Ana a birthday message", "text"),
        ("walk with Ana", "in_person"),
        ("bring Ana the book she lent me", "in_person"),
        ("comment on Ana's photos", "social"),
        ("send Ana a meme", "text"),  # nu165: "letter / other"
        ("share a song that made me think of her", "text"),
        ("Recall the old days", "other"),  # no word that says how: another way, not written
    ],
)
def test_done_without_a_how_reads_it_from_the_steps_words(
    db: Database, ana: int, action: str, how: str
) -> None:
    """`planner-tui plan` with no --how: a done "call Ana" counts as a call in the Review's
    breadth (it was counted as written)."""
    step = plan(db, ana, "2026-11-23T18:00", action=action)
    with db.write() as s:
        steps.record_outcome(session=s, step_id=step, outcome={"status": "done"})
    with db.session() as s:
        [interaction] = people.list_interactions(session=s, person_id=ana)
    assert interaction.channel == how


@pytest.mark.parametrize("status", ["declined", "no_reply", "skipped"])
def test_other_outcomes_record_no_contact(db: Database, ana: int, status: str) -> None:
    step = plan(db, ana, "2026-11-23T18:00")
    with db.write() as s:
        result = steps.record_outcome(session=s, step_id=step, outcome={"status": status})
    assert result.step.status == status and result.following == []
    with db.session() as s:
        assert people.list_interactions(session=s) == []
        assert steps.list_steps(session=s, upcoming=True) == []


def test_a_decline_can_offer_another_time(db: Database, ana: int) -> None:
    step = plan(db, ana, "2026-11-23T18:00", cue="after dinner")
    with db.write() as s:
        result = steps.record_outcome(session=s, step_id=step, outcome={
            "status": "declined", "new_due_at": local("2026-11-30T18:00")})  # fmt: skip
    [again] = result.following
    assert result.step.status is StepStatus.DECLINED
    assert again.status is StepStatus.PLANNED and again.previous_id == step
    assert again.action == "send a text" and again.cue == "after dinner"


def test_no_reply_plans_a_gentle_follow_up_once(db: Database, ana: int) -> None:
    step = plan(db, ana, "2026-11-23T18:00")
    with db.write() as s:
        [follow_up] = steps.record_outcome(session=s, step_id=step, outcome={
            "status": "no_reply", "new_due_at": local("2026-11-26T18:00")}).following  # fmt: skip
    assert follow_up.action == "gently follow up: send a text"
    with db.write() as s:
        [again] = steps.record_outcome(session=s, step_id=follow_up.id, outcome={
            "status": "no_reply", "new_due_at": local("2026-11-29T18:00")}).following  # fmt: skip
    assert again.action == "gently follow up: send a text"  # not "follow up: follow up: ..."


def test_done_and_skipped_plan_no_follow_up_even_when_given_a_time(db: Database, ana: int) -> None:
    step = plan(db, ana, "2026-11-23T18:00")
    with db.write() as s:
        result = steps.record_outcome(session=s, step_id=step, outcome={
            "status": "skipped", "new_due_at": local("2026-11-26T18:00")})  # fmt: skip
    assert result.following == []


def test_rescheduled_makes_a_new_step_linked_to_the_old(db: Database, ana: int) -> None:
    step = plan(db, ana, "2026-11-23T18:00")
    with pytest.raises(InvalidInput, match="new time"), db.write() as s:
        steps.record_outcome(session=s, step_id=step, outcome={"status": "rescheduled"})
    # Moved to the time it has already: said, and the step stays as it was.
    same_time = {"status": "rescheduled", "new_due_at": local("2026-11-23T18:00")}
    with (
        pytest.raises(InvalidInput, match=r"time it has now \(Mon 23 Nov, 18:00\)"),
        db.write() as s,
    ):
        steps.record_outcome(session=s, step_id=step, outcome=same_time)
    with db.session() as s:
        assert steps.get_step(session=s, step_id=step).status is StepStatus.PLANNED
    with db.write() as s:
        moved = steps.record_outcome(
            session=s,
            step_id=step,
            outcome={"status": "rescheduled", "new_due_at": local("2026-11-28T10:00")},
        )
    [following] = moved.following
    assert moved.step.status is StepStatus.RESCHEDULED
    assert following.previous_id == step and following.status is StepStatus.PLANNED
    assert clock.to_local(following.due_at) == local("2026-11-28T10:00")


def test_repeating_step_gets_its_next_occurrence_at_the_same_local_time(
    db: Database, ana: int
) -> None:
    # Across the end of British Summer Time: the wall-clock time stays 18:00.
    clock.freeze(datetime(2026, 10, 20, 9, 0))
    step = plan(db, ana, "2026-10-20T18:00", rrule="FREQ=WEEKLY;INTERVAL=1")
    with db.write() as s:
        [following] = steps.record_outcome(
            session=s, step_id=step, outcome={"status": "done"}
        ).following
    assert clock.to_local(following.due_at) == local("2026-10-27T18:00")
    assert following.rrule == "FREQ=WEEKLY;INTERVAL=1"
    with db.session() as s:
        first = steps.get_step(session=s, step_id=step)
    assert following.due_at - first.due_at == timedelta(days=7, hours=1)


def test_a_monthly_step_on_the_31st_comes_round_on_a_shorter_months_last_day(
    db: Database, ana: int
) -> None:
    """As a person means "every month" from the 31st (RFC 5545 leaves shorter months out: a
    monthly call planned for 31 October came round next on 31 December, nu228)."""
    clock.freeze(datetime(2026, 10, 31, 9, 0))
    step = plan(db, ana, "2026-10-31T18:00", rrule="FREQ=MONTHLY")
    came = []
    for _ in range(4):
        with db.write() as s:
            [following] = steps.record_outcome(
                session=s, step_id=step, outcome={"status": "done"}
            ).following
        came.append(clock.to_local(following.due_at))
        step = following.id
    assert came == [local("2026-11-30T18:00"), local("2026-12-31T18:00"),
                    local("2027-01-31T18:00"), local("2027-02-28T18:00")]  # fmt: skip
    assert following.rrule == "FREQ=MONTHLY"  # as chosen: the series keeps its 31st


@pytest.mark.parametrize("status", ["declined", "no_reply", "skipped"])
def test_a_repeating_step_goes_on_whatever_the_outcome(db: Database, ana: int, status: str) -> None:
    step = plan(db, ana, "2026-11-23T18:00", rrule="FREQ=WEEKLY")
    with db.write() as s:
        [following] = steps.record_outcome(
            session=s, step_id=step, outcome={"status": status}
        ).following
    assert clock.to_local(following.due_at) == local("2026-11-30T18:00")


def test_moving_one_repeat_keeps_the_series_on_its_day(db: Database, ana: int) -> None:
    step = plan(db, ana, "2026-11-23T18:00", rrule="FREQ=WEEKLY")
    with db.write() as s:
        moved, series = steps.record_outcome(session=s, step_id=step, outcome={
            "status": "rescheduled", "new_due_at": local("2026-11-25T10:00")}).following  # fmt: skip
    assert clock.to_local(moved.due_at) == local("2026-11-25T10:00") and moved.rrule is None
    assert clock.to_local(series.due_at) == local("2026-11-30T18:00") and series.rrule


def test_a_long_overdue_repeat_resumes_from_now_not_from_the_past(db: Database, ana: int) -> None:
    step = plan(db, ana, "2026-10-01T18:00", rrule="FREQ=WEEKLY")  # a Thursday, weeks ago
    with db.write() as s:
        [following] = steps.record_outcome(
            session=s, step_id=step, outcome={"status": "done"}
        ).following
    assert clock.to_local(following.due_at) == local("2026-11-26T18:00")


@pytest.mark.parametrize("until", ["20261201T000000Z", "20261201"])
def test_a_repeat_until_a_day_in_utc_or_local_time_goes_on_until_then(
    db: Database, ana: int, until: str
) -> None:
    """A calendar's UNTIL is in UTC ('…Z'): saving such a step failed ("something unexpected
    went wrong"), and a day alone was refused as unreadable."""
    step = plan(db, ana, "2026-11-23T18:00", rrule=f"FREQ=WEEKLY;UNTIL={until}")
    with db.write() as s:
        [following] = steps.record_outcome(
            session=s, step_id=step, outcome={"status": "done"}
        ).following
        assert clock.to_local(following.due_at) == local("2026-11-30T18:00")
        more = steps.record_outcome(session=s, step_id=following.id, outcome={"status": "done"})
    assert more.following == []  # 7 December is past the end


def test_a_repeat_until_a_day_includes_that_day(db: Database, ana: int) -> None:
    """'until 30 Nov' read back as "until 30 Nov 2026", and the 30th's time never came:
    dateutil took the day as its midnight."""
    from planner_tui.when import parse_repeat

    step = plan(db, ana, "2026-11-23T18:00", rrule=parse_repeat("FREQ=WEEKLY;UNTIL=20261130"))
    with db.write() as s:
        [following] = steps.record_outcome(
            session=s, step_id=step, outcome={"status": "skipped"}
        ).following
    assert clock.to_local(following.due_at) == local("2026-11-30T18:00")


def test_a_step_done_late_is_listed_when_it_happened_as_its_contact_is(
    db: Database, ana: int
) -> None:
    """A step for Friday 10:00 done on Monday at 16:25 stayed at Friday 10:00 in the Plan's
    earlier steps and the export, beside its contact at Monday 16:25; and, older by its
    time than the newest few, it was left out of them."""
    from planner_tui.services import exchange

    late = plan(db, ana, "2026-11-20T10:00")
    with db.write() as s:
        steps.record_outcome(session=s, step_id=late, outcome={
            "status": "done", "occurred_at": local("2026-11-23T16:25")})  # fmt: skip
    for day in ("2026-11-21T10:00", "2026-11-22T10:00"):
        step = plan(db, ana, day)
        with db.write() as s:
            steps.record_outcome(session=s, step_id=step, outcome={"status": "declined"})
    with db.session() as s:
        newest = steps.list_steps(session=s, upcoming=False, limit=2)
        exported = exchange.export_markdown(session=s)
    assert [(st.id, clock.to_local(steps.settled_or_due(st))) for st in newest] == [
        (late, local("2026-11-23T16:25")), (late + 2, local("2026-11-22T10:00"))
    ]  # fmt: skip
    assert "- 2026-11-23 16:25: " in exported


def test_a_repeat_that_has_run_out_plans_nothing_more(db: Database, ana: int) -> None:
    step = plan(db, ana, "2026-11-23T18:00", rrule="FREQ=WEEKLY;COUNT=1")
    with db.write() as s:
        result = steps.record_outcome(session=s, step_id=step, outcome={"status": "done"})
    assert result.following == []


@pytest.mark.parametrize(("day", "rule"), [("9999-12-25", "WEEKLY"), ("9999-12-30", "DAILY")])
def test_a_repeat_at_the_end_of_the_calendar_takes_an_outcome_and_plans_nothing_more(
    db: Database, ana: int, day: str, rule: str
) -> None:
    """A weekly step on 25 December 9999 has no next week: any outcome crashed (year 10000
    is out of range) and the step could never be answered (a new user's trial). A daily
    one on the 30th went on to the 31st, a day no step can be planned on."""
    step = plan(db, ana, f"{day}T10:00", rrule=f"FREQ={rule}")
    with db.write() as s:
        result = steps.record_outcome(session=s, step_id=step, outcome={"status": "done"})
    assert result.step.status == "done" and result.following == []


def test_an_outcome_is_recorded_once(db: Database, ana: int) -> None:
    step = plan(db, ana, "2026-11-23T18:00")
    with db.write() as s:
        steps.record_outcome(session=s, step_id=step, outcome={"status": "done"})
    with pytest.raises(InvalidInput, match="already has an outcome"), db.write() as s:
        steps.record_outcome(session=s, step_id=step, outcome={"status": "declined"})


def test_bad_repeat_rules_and_people_are_refused(db: Database, ana: int) -> None:
    with pytest.raises(InvalidInput, match="repeat rule"):
        plan(db, ana, "2026-11-23T18:00", rrule="FREQ=SOMETIMES")
    with pytest.raises(NotFound, match="That person is no longer in your planner: they were"):
        plan(db, 999, "2026-11-23T18:00")
    with pytest.raises(InvalidInput, match="can't be empty"):
        plan(db, ana, "2026-11-23T18:00", action="   ")


def test_due_today_includes_not_yet_done_ones_soonest_first(db: Database, ana: int) -> None:
    plan(db, ana, "2026-11-24T09:00")  # tomorrow: not due
    earlier = plan(db, ana, "2026-11-20T18:00")
    today = plan(db, ana, "2026-11-23T21:00")
    done = plan(db, ana, "2026-11-23T08:00")
    with db.write() as s:
        steps.record_outcome(session=s, step_id=done, outcome={"status": "done"})
    with db.session() as s:
        assert [x.id for x in steps.due_steps(session=s)] == [earlier, today]


def test_the_week_count_counts_steps_taken_since_monday(db: Database, ana: int) -> None:
    """Taken: you reached out, whatever came of it. A "not now" was told "it counted", and
    the count stood still."""
    clock.freeze(datetime(2026, 11, 22, 12, 0))  # Sunday: last week
    last_week = plan(db, ana, "2026-11-22T13:00")
    with db.write() as s:
        steps.record_outcome(session=s, step_id=last_week, outcome={"status": "done"})
    clock.freeze(datetime(2026, 11, 23, 20, 0))
    for _ in range(2):
        step = plan(db, ana, "2026-11-23T20:30")
        with db.write() as s:
            steps.record_outcome(session=s, step_id=step, outcome={"status": "done"})
    for status in ("declined", "no_reply", "skipped", "rescheduled"):
        step = plan(db, ana, "2026-11-23T20:30")
        outcome: dict[str, Any] = {"status": status}
        if status == "rescheduled":
            outcome["new_due_at"] = local("2026-11-25T20:30")
        with db.write() as s:
            steps.record_outcome(session=s, step_id=step, outcome=outcome)
    with db.session() as s:
        facts = services_today.facts(session=s, today=date(2026, 11, 23), coming=5)
    assert facts.steps_this_week == 4  # not last Sunday's, nor one let go or moved


def test_step_lists_filter_by_person_status_and_dates(db: Database, ana: int) -> None:
    with db.write() as s:
        bo = people.create_person(session=s, data={"name": "Bo 100%_", "nickname": "Bobo"}).id
    old = plan(db, ana, "2026-10-01T18:00")
    plan(db, bo, "2026-11-25T18:00")
    mine = plan(db, bo, "2026-11-10T18:00")
    with db.write() as s:
        steps.record_outcome(session=s, step_id=old, outcome={"status": "declined"})
        steps.record_outcome(session=s, step_id=mine, outcome={"status": "done"})
    with db.session() as s:

        def ids(**filters: object) -> list[int]:
            return [x.id for x in steps.list_steps(session=s, **filters)]  # type: ignore[arg-type]

        assert ids(person_name="bob") == ids(person_name="100%_") == ids(person_id=bo)
        assert len(ids(person_name="bob")) == 2 and ids(person_name="%") == ids(person_id=bo)
        assert ids(upcoming=False, statuses=[StepStatus.DECLINED]) == [old]
        assert ids(upcoming=False, start=local("2026-11-01T00:00")) == [mine]
        assert ids(end=local("2026-11-01T00:00")) == [old]
        assert ids(upcoming=True, person_name="ana") == []
    with db.write() as s:  # accents aside, as everywhere names are matched
        zoe = people.create_person(session=s, data={"name": "Zoë Ångström"}).id
    hers = plan(db, zoe, "2026-11-26T18:00")
    with db.session() as s:
        assert ids(person_name="angstrom") == ids(person_name="ZOE") == [hers]


def test_the_library_has_every_effort_and_smaller_versions_that_exist(tmp_path: Path) -> None:
    actions = steps.load_actions(tmp_path).actions
    by_id = {a.id: a for a in actions}
    assert {a.effort for a in actions} == {"tiny", "small", "bigger"}
    assert all(a.smaller in by_id for a in actions if a.smaller)
    call = by_id["call"]
    assert call.for_person("Maria") == "give Maria a ten-minute call"
    smaller = steps.smaller_version(actions, call)
    assert smaller is not None and smaller.channel is not call.channel
    assert steps.smaller_version(actions, by_id["react"]) is None  # already as light as it gets
    own_words = steps.smaller_version(actions, None)
    assert own_words is not None and own_words.channel == "text"


def test_one_step_richer_is_one_rung_up_the_same_ladder_as_smaller(tmp_path: Path) -> None:
    actions = steps.load_actions(tmp_path).actions
    by_id = {a.id: a for a in actions}

    def richer(action_id: str | None) -> str | None:
        found = steps.richer_version(actions, by_id[action_id] if action_id else None)
        return found.id if found else None

    assert richer("text") == "voice-note"  # a voice note instead of a message
    assert richer("voice-note") == "call"  # a call instead of a voice note
    assert richer(None) == "voice-note"  # one's own words: one rung above a message
    assert richer("react") == "text"
    assert richer("share") is None  # only an invitation names it: two tiers up, never
    assert richer("call") is None  # nothing names a call as its smaller version
    assert richer("place-look") == "place-go"  # a place's ladder stays a place's
    for action in actions:
        up = steps.richer_version(actions, action)
        assert up is None or steps.smaller_version(actions, up) == action


def test_the_library_has_steps_where_they_give(tmp_path: Path) -> None:
    receiving = [a for a in steps.load_actions(tmp_path).actions if a.receiving]
    assert {a.id for a in receiving} >= {"advice", "recommend", "accept-offer"}
    assert not any(a.place for a in receiving)


def test_ones_own_library_replaces_the_shipped_one_and_bad_entries_are_skipped(
    tmp_path: Path,
) -> None:
    (tmp_path / "actions.toml").write_text(
        '[[tiny]]\nid = "wave"\nwords = "wave at {name} {braces}"\nchannel = "in_person"\n'
        '[[tiny]]\nid = "broken"\n'
        '[[small]]\nid = "odd"\nwords = "x"\nchannel = "carrier pigeon"\n',
        encoding="utf-8",
    )
    library = steps.load_actions(tmp_path)
    [wave] = library.actions
    assert wave.for_person("Jo") == "wave at Jo {braces}" and library.problem is None


@pytest.mark.parametrize(
    ("written", "why"),
    [
        ("[[tiny]\n", "line 1, column 7 isn't written as TOML"),  # one typo
        ("hello = 3\n", "it has no action with an id and words"),  # TOML, but no actions
        ('tiny = "x"\n[[small]]\nid = 3\n', "it has no action with an id and words"),
    ],
)
def test_an_own_library_that_cant_be_used_gives_the_shipped_one_and_says_why(
    tmp_path: Path, written: str, why: str
) -> None:
    """A typo in one's own actions.toml emptied every suggestion, in the wizard and on the
    command line, without a word."""
    (tmp_path / "actions.toml").write_text(written, encoding="utf-8")
    library = steps.load_actions(tmp_path)
    assert library.actions == steps.load_actions().actions and library.actions
    assert library.problem is not None and why in library.problem
    assert str(tmp_path / "actions.toml") in library.problem


def test_suggestions_put_drifting_people_first_then_the_inner_circle(db: Database) -> None:
    with db.write() as s:
        for name, circle, cadence in (("Zed", "inner", None), ("Amy", "outer", None),
                                      ("Kai", "middle", 7), ("Lu", "outer", 3),
                                      ("Old", "inner", None)):  # fmt: skip
            person = people.create_person(
                session=s, data={"name": name, "circle": circle, "cadence_days": cadence}
            )
            if name == "Old":
                people.update_person(session=s, person_id=person.id, data={"archived": True})
        kai, lu = (p.id for p in people.find_people(session=s, names=["Kai", "Lu"]))
        people.log_interaction(session=s, data={  # Kai: 15 days past a weekly rhythm
            "person_ids": [kai], "occurred_at": local("2026-11-01T10:00")})  # fmt: skip
        people.log_interaction(session=s, data={  # Lu: 7 days past every 3 days
            "person_ids": [lu], "occurred_at": local("2026-11-13T10:00")})  # fmt: skip
    with db.session() as s:
        everyone = people.list_people(session=s, include_archived=True)
    order = [p.name for p in steps.suggested_order(everyone)]
    assert order == ["Kai", "Lu", "Zed", "Amy"]


def test_a_plan_for_a_time_already_past_is_refused_kindly() -> None:
    steps.check_ahead(local("2026-11-23T20:00"))  # now is fine
    with pytest.raises(InvalidInput, match="already passed") as caught:
        steps.check_ahead(local("2026-11-23T19:00"))
    assert "tomorrow 6pm" in str(caught.value)


def test_a_smaller_step_keeps_the_persons_own_words_where_it_can(tmp_path: Path) -> None:
    by_id = {a.id: a for a in steps.load_actions(tmp_path).actions}
    call, note, text = by_id["call"], by_id["voice-note"], by_id["text"]
    # The library's words, with the person's own added: only the library's part shrinks.
    assert (
        steps.smaller_words("Give Cy a ten-minute call about the move", call, note, "Cy")
        == "send Cy a voice note about the move"
    )
    assert steps.smaller_words("give Cy a ten-minute call", call, note, "Cy") == (
        "send Cy a voice note"
    )
    # Their own words (or library words they rewrote): kept, after the lighter step.
    assert steps.smaller_words("ask Bo to the concert", None, text, "Bo") == (
        "send Bo a short message: ask Bo to the concert"
    )
    # What it is about carries over after a word or two of how (nu161: "send Annie a short
    # message: call about her new job")
    for typed in ("ask about the concert", "call about the concert", "check in about the concert"):
        assert steps.smaller_words(typed, None, text, "Bo") == (
            "send Bo a short message about the concert"
        )
    assert steps.smaller_words("ring Cy tonight", call, note, "Cy") == (
        "send Cy a voice note: ring Cy tonight"
    )
    assert steps.smaller_words("  ", call, note, "Cy") == "send Cy a voice note"
    # What a step to them is about carries over alone: "send Cy a voice note: call Cy
    # about the move" read as doing both.
    assert steps.smaller_words("call Cy about the move", None, text, "Cy") == (
        "send Cy a short message about the move"
    )
    assert steps.smaller_words("call Cy", None, text, "Cy") == "send Cy a short message"
    # …and so why, said after them (nu213: "send Mum a short message: call Mum, just to
    # say hi"); "to the concert" is not why.
    for typed, lighter in (("call Mum, just to say hi", "send Mum a short message, just to say hi"),
                           ("ring her to ask how it went", "send Mum a short message to ask how it went"),
                           ("call Mum , to wish her well", "send Mum a short message, to wish her well")):  # fmt: skip
        assert steps.smaller_words(typed, None, text, "Mum") == lighter
    # …and so when the words say "her" or "them" ("How about: send Priya a short message:
    # call her?", nu151).
    assert steps.smaller_words("call her", None, text, "Priya") == "send Priya a short message"
    assert steps.smaller_words("Ring them about the move", None, text, "Priya") == (
        "send Priya a short message about the move"
    )
    # A word alone, without their name: "send Cy a short message: call?" read as both.
    for alone in ("call", " x ", "Cy"):
        assert steps.smaller_words(alone, None, text, "Cy") == "send Cy a short message"
    assert steps.smaller_words("ask Cy's mum about Cy", None, text, "Cy") == (
        "send Cy a short message: ask Cy's mum about Cy"  # not what is said to Cy
    )
    # A name that looks like a pattern is only text.
    assert steps.smaller_words("give .* a ten-minute call!", call, note, ".*") == (
        "send .* a voice note!"
    )


def test_a_no_reply_follow_up_is_after_the_step_and_after_now() -> None:
    now = clock.now()  # Monday 23 Nov 2026, 20:00
    # A step whose 3 days have passed (Fri 20 Nov 18:00 → Mon 23 Nov 18:00, before now):
    # the next day at the step's time of day, never the clock's 20:00.
    assert steps.follow_up_time(local("2026-11-20T18:00")) == local("2026-11-24T18:00")
    # Its time passed but 3 days after it still ahead: those 3 days, at its time.
    assert steps.follow_up_time(local("2026-11-22T09:00")) == local("2026-11-25T09:00")
    # Issue 16: at 03:38 on Tue 1 Dec, a step due Wed 2 Dec 18:00 → Sat 5 Dec 18:00.
    at_night = local("2026-12-01T03:38")
    assert steps.follow_up_time(local("2026-12-02T18:00"), at_night) == local("2026-12-05T18:00")
    # A step still ahead (no reply to an early message): a few days after the step,
    # at the step's local time of day even across the clocks changing.
    later = steps.follow_up_time(local("2026-12-18T18:00"))
    assert later == local("2026-12-21T18:00") and later > now
    spring = steps.follow_up_time(local("2027-03-27T18:00"))  # the clocks go forward on the 28th
    assert clock.to_local(spring).hour == 18 and spring.date().day == 30
    # A step in the small hours: its follow-up at the day's usual time, not a nudge at
    # 01:30 (nu228); from 07:00 on, the step's own time.
    assert steps.follow_up_time(local("2026-12-02T01:30")) == local("2026-12-05T12:00")
    assert steps.follow_up_time(local("2026-12-02T07:00")) == local("2026-12-05T07:00")


def test_a_backup_that_names_its_day_is_planned_on_that_day() -> None:
    """The README's own backup — "if she doesn't answer, I'll send a voice note on Sunday"
    — for a step on Wed 2 Dec 18:00: Sunday 6 Dec at 18:00 (it was Sat 5 Dec, the default
    three days). A day named that is already behind the step or now, one the words are
    only about, and words naming no day keep the default."""
    step = local("2026-12-02T18:00")
    sunday = "if she doesn't answer, I'll send a voice note on Sunday"
    assert steps.follow_up_time(step, said=sunday) == local("2026-12-06T18:00")
    assert steps.follow_up_time(step, said="a card on 10 Dec") == local("2026-12-10T18:00")
    # A weekday the same as the step's: the next week's, never the step's own day.
    assert steps.follow_up_time(step, said="again on Wednesday") == local("2026-12-09T18:00")
    # A short weekday after on, this or next is one too ("call on this sat" was 3 days on);
    # alone, "sat" and "sun" are words ("I sat in the sun").
    for said in ("call on this fri", "call on fri", "call next Fri"):
        assert steps.follow_up_time(step, said=said) == local("2026-12-04T18:00"), said
    assert steps.follow_up_time(step, said="a call on sun") == local("2026-12-06T18:00")
    assert steps.follow_up_time(step, said="sat in the sun") == local("2026-12-05T18:00")
    assert steps.follow_up_time(step, said="tea in the sun, mon ami") == local("2026-12-05T18:00")
    assert steps.follow_up_time(step, said="a card on 1 Dec") == local("2026-12-05T18:00")
    assert steps.follow_up_time(step, said="a voice note") == local("2026-12-05T18:00")
    # A day the words are about, not on: the default.
    assert steps.follow_up_time(step, said="ask about Sunday instead") == local("2026-12-05T18:00")
    # Its Sunday gone by when the no reply is noted (Wed 9 Dec): the next Sunday, which the
    # words still name (it was the next day at 18:00, "on Sunday" on a Thursday).
    assert steps.follow_up_time(step, local("2026-12-09T20:00"), said=sunday) == local(
        "2026-12-13T18:00"
    )
    assert steps.follow_up_time(step, local("2026-12-13T09:00"), said=sunday) == local(
        "2026-12-13T18:00"
    )  # that Sunday, still ahead
    # The README's other backup, "a voice note the next evening": the day after the step
    # (it was three days after, like words naming no day); once that day has gone by, the
    # default.
    for next_day in ("call tomorrow", "the following day", "see them the next day"):
        assert steps.follow_up_time(step, said=next_day) == local("2026-12-03T18:00"), next_day
    # ... at the part of the day they name: "the next evening" after a step at 10:00 was
    # planned for 10:00, in the morning.
    for said, at in (("a voice note the next evening", "2026-12-03T19:00"),
                     ("Tomorrow morning, a text", "2026-12-03T09:00"),
                     ("call the following afternoon", "2026-12-03T15:00")):  # fmt: skip
        assert steps.follow_up_time(step, said=said) == local(at), said
    late = local("2026-12-04T09:00")  # its day gone by: the default day, still evening
    assert steps.follow_up_time(step, late, said="a voice note the next evening") == local(
        "2026-12-05T19:00"
    )
    assert steps.follow_up_time(step, said="on Sunday morning") == local("2026-12-06T09:00")
    assert steps.follow_up_time(step, local("2026-12-13T19:00"), said=sunday) == local(
        "2026-12-20T18:00"
    )
    assert steps.follow_up_time(step, local("2027-03-01T12:00"), said=sunday) == local(
        "2027-03-07T18:00"
    )  # months later


def test_a_name_means_the_open_step_due_nearest_to_now(db: Database, ana: int) -> None:
    """Now is Mon 23 Nov 2026, 12:00. Of the steps due today or before,
    the latest; else the soonest to come; several that day are all returned, to choose."""
    clock.freeze(datetime(2026, 11, 23, 12, 0))

    def meant() -> list[int | None]:
        with db.session() as s:
            return [step.id for step in steps.steps_meant(session=s, person_id=ana)]

    assert meant() == []
    later = plan(db, ana, "2026-12-05T10:00")
    soon = plan(db, ana, "2026-11-26T10:00")
    assert meant() == [soon]  # nothing due yet: the soonest to come
    old = plan(db, ana, "2026-06-20T18:00")
    assert meant() == [old]  # one due: it, however long ago
    tonight = plan(db, ana, "2026-11-23T18:00")  # planned yesterday for today
    assert meant() == [tonight]  # today's, not the five-month-old one
    yesterday = plan(db, ana, "2026-11-22T09:00")
    assert meant() == [tonight]
    morning = plan(db, ana, "2026-11-23T09:00")
    assert meant() == [morning, tonight]  # two today: which one is for the person to say
    with db.write() as s:
        steps.record_outcome(session=s, step_id=morning, outcome={"status": "skipped"})
    assert meant() == [tonight]
    assert {later, yesterday}.isdisjoint(meant())


def test_a_smaller_version_is_never_the_step_itself_and_keeps_the_name_as_written(
    tmp_path: Path,
) -> None:
    actions = steps.load_actions(tmp_path).actions
    by_id = {a.id: a for a in actions}
    # "send Bo a short message" is the library's lightest message, with Bo Chen as "Bo":
    # it is that step, and nothing lighter than it is the same step again.
    typed = "send Bo a short message"
    chosen = steps.library_action(actions, typed, "Bo Chen", "Bo")
    assert chosen == by_id["text"]
    found = steps.smaller_offer(actions, chosen, typed, "Bo Chen", "Bo")
    assert found is not None and found[0] == by_id["react"]
    assert not steps.same_step(found[1], typed, "Bo Chen", "Bo") and "Chen" not in found[1]
    # Typed without choosing from the library, in any case and spacing: the same.
    found = steps.smaller_offer(actions, None, "SEND  bo chen a short message.", "Bo Chen")
    assert found is not None and found[0] == by_id["react"]
    # A library whose smaller version reads as the step itself offers nothing.
    same = steps.Action(id="a", effort=by_id["text"].effort, words="send {name} a note",
                        channel=by_id["text"].channel, smaller="b")  # fmt: skip
    twin = steps.Action(id="b", effort=by_id["react"].effort, words="Send {name} a note.",
                        channel=by_id["text"].channel)  # fmt: skip
    assert steps.smaller_offer([same, twin], same, "send Bo a note", "Bo Chen", "Bo") is None
    # The first name typed is kept in what is offered.
    found = steps.smaller_offer(actions, by_id["call"], "give Ana a ten-minute call", "Ana Silva")
    assert found is not None and found[1] == "send Ana a voice note"
    found = steps.smaller_offer(actions, None, "ask Ana about the concert", "Ana Silva")
    assert found is not None and found[1] == "send Ana a short message about the concert"
    # Own words for a message are as light as it gets ("send Ana a short message: send Ana
    # a birthday message" was offered).
    assert steps.smaller_offer(actions, None, "send Ana a birthday message 🎂", "Ana") is None
    # Without the name in the words, the name as on the map.
    found = steps.smaller_offer(actions, None, "ask about the concert", "Ana Silva")
    assert found is not None and found[1] == "send Ana Silva a short message about the concert"
    # An accent as one character finds it stored as two (a name typed or pasted so), and
    # the other way round: "call José" offered "send José Zoë…" in full (nu245).
    for stored, typed in (("Jose\u0301 Zoe\u0308", "José"), ("José Zoë", "Jose\u0301")):
        found = steps.smaller_offer(actions, None, f"call {typed} about the choir", stored)
        assert found is not None and found[1] == "send José a short message about the choir"
    # …or as they were named to plan it (nu161: "send Priya Patel a short message")
    found = steps.smaller_offer(actions, None, "have dinner", "Priya Patel", "priya")
    assert found is not None and found[1] == "send Priya a short message: have dinner"
    # …or, when they have one, their nickname, as every step's words call them.
    found = steps.smaller_offer(actions, None, "ask about the concert", "Ana Silva", "", "Nana")
    assert found is not None and found[1] == "send Nana a short message about the concert"
    # A later word of the name, written as a name, is them: "send Aunt Rosa a short
    # message: call Rosa, just to say hi" was offered, and saved (nu221)...
    found = steps.smaller_offer(actions, None, "call Rosa, just to say hi", "Aunt Rosa")
    assert found is not None and found[1] == "send Rosa a short message, just to say hi"
    # ...but not the same word as a plain word: Jo Park's "walk in the park".
    found = steps.smaller_offer(actions, None, "walk in the park", "Jo Park")
    assert found is not None and found[1] == "send Jo Park a short message: walk in the park"
    # Own words chosen to go as a message are as light as it gets, whatever they say
    # ("ask how his new job is going", as a text, was offered a short message; nu221).
    text = steps.Channel.TEXT
    assert (
        steps.smaller_offer(actions, None, "ask how his new job is going", "Tom", how=text) is None
    )
    # (words that say another way win: a list step's way, kept as its words were rewritten)
    assert steps.smaller_offer(actions, None, "call Tom about the job", "Tom", how=text)


def test_the_reviews_breadth_counts_a_way_not_said_apart_from_writing(
    db: Database, ana: int
) -> None:
    from datetime import date

    from planner_tui import review_report
    from planner_tui.services import review

    for n, action in enumerate(("call Ana", "send Ana a message", "Recall the old days")):
        step = plan(db, ana, f"2026-11-2{n}T18:00", action=action)
        with db.write() as s:
            steps.record_outcome(session=s, step_id=step, outcome={"status": "done"})
    with db.session() as s:
        data = review.review_month(session=s, month=date(2026, 11, 1), today=date(2026, 11, 23))
    [breadth] = [f for f in review_report.figures(data) if f.key == "breadth"]
    assert breadth.lines[1] == (
        "In person: 0% of contact; by voice 33%; in writing or online 33%; "  # a first month
        "letter / other 33%."  # named as the contact form and the chart legend name it
    )


@pytest.mark.parametrize("limit", [None, 2, 3])
def test_earlier_steps_are_newest_first_by_when_they_were_settled_if_before_their_time(
    db: Database, limit: int | None
) -> None:
    """A step declined a week before its time stood above every step since, with a date
    still to come, in Plan's *How earlier steps went*: it now stands where it was settled."""
    from planner_tui.db.models import Step

    now = clock.now()  # Monday 23 Nov 2026, 20:00
    with db.write() as s:
        bo = people.create_person(session=s, data={"name": "Bo"}).id
        made = {}
        for name, due in (("early", now + timedelta(days=10)), ("yesterday", now - timedelta(days=1)),
                          ("last week", now - timedelta(days=7)), ("today", now - timedelta(hours=2))):  # fmt: skip
            data = {"person_id": bo, "action": name, "due_at": due}
            made[name] = steps.create_step(session=s, data=data).id
            steps.record_outcome(session=s, step_id=made[name], outcome={"status": "skipped"})
        row = s.get(Step, made["early"])
        assert row is not None
        row.resolved_at = now - timedelta(days=5)  # declined five days ago, ten before its day
    with db.session() as s:
        past = steps.list_steps(session=s, upcoming=False, limit=limit)
        everything = steps.list_steps(session=s, upcoming=None, limit=limit)
    order = ["today", "yesterday", "early", "last week"][:limit]
    assert [step.action for step in past] == order
    assert [step.action for step in everything] == order
    assert steps.settled_or_due(past[-1]) <= steps.settled_or_due(past[0]) <= now


def test_no_reply_is_refused_for_a_step_toward_a_place(db: Database) -> None:
    """ "No reply" on "go to the choir" was taken, with words about buried messages and a
    follow-up "gently follow up: go to the choir": a place has no one to answer."""
    with db.write() as s:
        choir = people.create_context(session=s, data={"name": "Choir"}).id
        step = steps.create_step(session=s, data={
            "context_id": choir, "action": "go to the choir", "due_at": clock.now()}).id  # fmt: skip
        with pytest.raises(InvalidInput, match="No reply is for a step with someone"):
            steps.record_outcome(session=s, step_id=step, outcome={"status": "no_reply"})
        declined = steps.record_outcome(session=s, step_id=step, outcome={"status": "declined"})
    assert declined.step.status is StepStatus.DECLINED


def test_a_step_done_earlier_than_recorded_stands_where_it_happened(db: Database) -> None:
    """`done 3 --when "3 dec 2025" --anyway`: Plan listed it at the moment it was typed, and
    Today counted it among this week's steps taken. Done, it was settled when it happened."""
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        made = steps.create_step(session=s, data={
            "person_id": ana, "action": "say hi", "due_at": local("2026-11-24T18:00")}).id  # fmt: skip
        steps.record_outcome(session=s, step_id=made, outcome={
            "status": "done", "occurred_at": local("2025-12-03T12:00")})  # fmt: skip
    with db.session() as s:
        [done] = steps.list_steps(session=s, upcoming=False)
        assert steps.settled_or_due(done) == local("2025-12-03T12:00")
        facts = services_today.facts(session=s, today=date(2026, 11, 23), coming=1)
    assert facts.steps_this_week == 0


def test_a_date_filter_reads_earlier_steps_by_when_they_came_about(db: Database) -> None:
    """The Plan filtered from a day listed a step let go before it (shown dated before the
    day), and left out one done late within it (nu125): earlier steps are filtered by the
    date they show, when they came about; planned ones by their time."""
    from datetime import UTC

    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        made = {action: steps.create_step(session=s, data={
            "person_id": ana, "action": action, "due_at": due}).id
            for action, due in (("let go early", datetime(2026, 11, 30, 18, tzinfo=UTC)),
                                ("done late", datetime(2026, 11, 20, 18, tzinfo=UTC)),
                                ("still planned", datetime(2026, 11, 30, 19, tzinfo=UTC)))}  # fmt: skip
        steps.record_outcome(session=s, step_id=made["let go early"], outcome={"status": "skipped"})
        steps.record_outcome(session=s, step_id=made["done late"], outcome={
            "status": "done", "occurred_at": datetime(2026, 11, 23, 19, tzinfo=UTC)})  # fmt: skip

    def listed(start: datetime, upcoming: bool | None) -> list[str]:
        with db.session() as s:
            return [x.action for x in steps.list_steps(session=s, upcoming=upcoming, start=start)]

    assert listed(datetime(2026, 11, 22, tzinfo=UTC), False) == ["let go early", "done late"]
    assert listed(datetime(2026, 11, 25, tzinfo=UTC), False) == []
    assert listed(datetime(2026, 11, 25, tzinfo=UTC), True) == ["still planned"]
    assert listed(datetime(2026, 11, 25, tzinfo=UTC), None) == ["still planned"]
