"""Issue 17 in the services, on every engine: dates set from a form, steps toward places
and new people, small moments, the person's own backup as the follow-up, and "on this day"."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from icalendar import Calendar

from planner_tui import clock, daily, review_report, words
from planner_tui.db.engine import Database
from planner_tui.db.models import Channel, Initiator, StepStatus
from planner_tui.errors import InvalidInput, NotFound
from planner_tui.services import (
    calendar as ics,
    exchange,
    gaps,
    journal,
    moments,
    people,
    review,
    steps,
    today as services_today,
    undo,
)

TODAY = date(2026, 11, 23)  # the frozen clock's day (a Monday)


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=clock.local_zone())


# --------------------------------------------------------------------------- dates


def test_a_persons_dates_are_set_from_a_form_keeping_the_rows_they_had(db: Database) -> None:
    """Saving the person form gives all their dates at once: one they had stays the same
    row (a calendar keeps one event for it), one left out goes, a new one comes."""
    with db.write() as s:
        ana = people.create_person(
            session=s,
            data={"name": "Ana"},
            dates=[{"label": "birthday", "month": 11, "day": 25},
                   {"label": "moved to Leeds", "month": 6, "day": 3, "year": 2011}],
        )  # fmt: skip
        before = {d.label: d.id for d in people.list_dates(session=s, person_id=ana.id)}
    with db.write() as s:
        people.update_person(
            session=s,
            person_id=ana.id,
            data={"notes": "likes walks"},
            dates=[{"label": "Birthday", "month": 11, "day": 25, "year": 1990},
                   {"label": "mum's anniversary", "month": 11, "day": 28}],
        )  # fmt: skip
    with db.session() as s:
        after = people.list_dates(session=s, person_id=ana.id)
        coming = people.upcoming_dates(session=s, today=TODAY)
    assert [(d.label, d.month, d.day, d.year) for d in after] == [
        ("Birthday", 11, 25, 1990),
        ("mum's anniversary", 11, 28, None),
    ]
    assert after[0].id == before["birthday"]
    assert [(d.person, d.label, d.on) for d in coming] == [
        ("Ana", "Birthday", date(2026, 11, 25)),
        ("Ana", "mum's anniversary", date(2026, 11, 28)),
    ]
    with db.write() as s:  # None leaves the dates alone; [] takes them all away
        people.update_person(session=s, person_id=ana.id, data={"notes": "x"})
        assert len(people.list_dates(session=s, person_id=ana.id)) == 2
        people.update_person(session=s, person_id=ana.id, data={}, dates=[])
        assert people.list_dates(session=s, person_id=ana.id) == []


def test_a_date_that_cant_be_is_refused_and_nothing_is_added(db: Database) -> None:
    with pytest.raises(InvalidInput, match="Date 2") as refused, db.write() as s:
        people.create_person(
            session=s,
            data={"name": "Bo"},
            dates=[{"label": "birthday", "month": 4, "day": 12},
                   {"label": "moved", "month": 4, "day": 31}],
        )  # fmt: skip
    assert refused.value.field == "dates"
    with db.session() as s:
        assert people.list_people(session=s) == []


def test_merging_a_new_entry_adds_its_dates_never_twice(db: Database) -> None:
    with db.write() as s:
        ana = people.create_person(
            session=s, data={"name": "Ana"}, dates=[{"label": "birthday", "month": 4, "day": 12}]
        )
        people.merge_into(
            session=s,
            person_id=ana.id,
            data={"name": "Ana"},
            dates=[{"label": "Birthday", "month": 4, "day": 12, "year": 1990},
                   {"label": "anniversary", "month": 6, "day": 3}],
        )  # fmt: skip
        dates = people.list_dates(session=s, person_id=ana.id)
    assert [(d.label, d.year) for d in dates] == [("birthday", 1990), ("anniversary", None)]


# --------------------------------------------------------------------------- places


@pytest.fixture
def wall(db: Database) -> int:
    with db.write() as s:
        return people.create_context(session=s, data={"name": "Climbing wall"}).id


def test_a_step_can_be_toward_a_context_or_somewhere_new_and_shows_everywhere(
    db: Database, wall: int
) -> None:
    with db.write() as s:
        toward = steps.create_step(
            session=s,
            data={"context_id": wall, "action": "say hello at the climbing wall",
                  "due_at": local("2026-11-23T21:00"), "cue": "when I put my shoes on"},
        )  # fmt: skip
        new = steps.create_step(
            session=s, data={"action": "try a repair café", "due_at": local("2026-11-28T10:00")}
        )
    assert (toward.person, toward.context, toward.person_id) == ("Climbing wall",) * 2 + (None,)
    assert (new.person, new.context, new.context_id) == ("", "", None)
    with db.session() as s:
        due = steps.due_steps(session=s, today=TODAY)
        summary = services_today.summary(session=s, today=TODAY)
        planned = steps.list_steps(session=s, upcoming=True)
        calendar = Calendar.from_ical(ics.export_ics(session=s, alarm_minutes=15))
        markdown = exchange.export_markdown(session=s)
    assert [step.id for step in due] == [toward.id]
    assert [(d.person, d.person_id) for d in summary.steps] == [("Climbing wall", None)]
    assert words.cued(summary.steps[0].action, summary.steps[0].person, summary.steps[0].cue) == (
        "When I put my shoes on: say hello at the climbing wall"
    )
    assert [step.id for step in planned] == [toward.id, new.id]
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"say hello at the climbing wall", "try a repair café"}
    assert "With" not in str(events["try a repair café"].get("description", ""))
    assert "try a repair café — somewhere new (planned)" in markdown
    if db.location.sqlite_path is not None:  # `planner-tui today`'s quick path reads the same
        quick = daily.summary_file(db.location.sqlite_path, today=TODAY)
        assert quick is not None and [(d.id, d.person) for d in quick.steps] == [
            (toward.id, "Climbing wall")
        ]


def test_a_step_toward_a_place_done_adds_the_people_met_there(db: Database) -> None:
    """Done, a step toward somewhere new can name the place (a context, made or found) and
    the people met there: someone already on the map is them, anyone else is added to it.
    The contact counts for that part of life."""
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana Silva"}).id
        step = steps.create_step(
            session=s, data={"action": "try a repair café", "due_at": local("2026-11-23T20:30")}
        )
        result = steps.record_outcome(
            session=s,
            step_id=step.id,
            outcome={"status": "done", "warmth": 4, "place": "Repair café",
                     "met": ["Ana Silva", "Jo", "jo", " "]},
        )  # fmt: skip
    assert (result.step.person, result.step.context) == ("Repair café", "Repair café")
    with db.session() as s:
        [contact] = people.list_interactions(session=s)
        everyone = {p.name: p for p in people.list_people(session=s)}
        reached = gaps.diversity(session=s, today=TODAY)
    assert contact.context == "Repair café" and sorted(contact.people) == ["Ana Silva", "Jo"]
    assert contact.channel == "in_person" and contact.step_id == step.id
    assert everyone["Jo"].contexts == ["Repair café"] and everyone["Ana Silva"].id == ana
    assert everyone["Jo"].last_contact is not None
    assert reached.any_channel == 1


def test_people_met_are_named_by_the_one_rule(db: Database) -> None:
    """A name that names one person on the map links them; one that could be several is
    refused, naming them, and nothing is saved; only a name no one has adds someone."""
    with db.write() as s:
        silva = people.create_person(session=s, data={"name": "Maria Silva"}).id
        costa = people.create_person(session=s, data={"name": "Maria Costa"}).id
        step = steps.create_step(
            session=s, data={"action": "go to the choir", "due_at": local("2026-11-23T20:30")}
        )
    with pytest.raises(InvalidInput) as refused, db.write() as s:
        steps.record_outcome(session=s, step_id=step.id,
                             outcome={"status": "done", "met": ["Maria", "Jo"]})  # fmt: skip
    assert str(refused.value) == words.several_called("Maria", ["Maria Costa", "Maria Silva"])
    assert refused.value.field == "met"
    with db.session() as s:
        assert [p.name for p in people.list_people(session=s)] == ["Maria Costa", "Maria Silva"]
        assert steps.list_steps(session=s, upcoming=True)[0].id == step.id  # still planned
    with db.write() as s:
        steps.record_outcome(session=s, step_id=step.id,
                             outcome={"status": "done", "met": ["costa", "maria silva 🌻", "Jo"]})  # fmt: skip
    with db.session() as s:
        [contact] = people.list_interactions(session=s)
        everyone = [p.name for p in people.list_people(session=s)]
    assert sorted(contact.people) == ["Jo", "Maria Costa", "Maria Silva"]
    assert everyone == ["Jo", "Maria Costa", "Maria Silva"] and silva != costa


def test_a_place_step_done_with_no_one_and_nowhere_is_a_step_done_and_no_contact(
    db: Database, wall: int
) -> None:
    with db.write() as s:
        new = steps.create_step(
            session=s, data={"action": "try a choir", "due_at": local("2026-11-23T20:30")}
        )
        steps.record_outcome(session=s, step_id=new.id, outcome={"status": "done"})
        there = steps.create_step(
            session=s,
            data={"context_id": wall, "action": "go", "due_at": local("2026-11-23T20:30")},
        )
        steps.record_outcome(session=s, step_id=there.id, outcome={"status": "done"})
    with db.session() as s:
        contacts = people.list_interactions(session=s)
        done = review.review_month(session=s, month=TODAY).steps_done
    assert [(c.step_id, c.context, c.people) for c in contacts] == [(there.id, "Climbing wall", [])]
    assert sorted((d.action, d.name) for d in done) == [  # the review's wins count them
        ("go", "Climbing wall"),
        ("try a choir", "somewhere new"),
    ]


def test_a_place_not_gone_to_is_not_counted_as_reaching_out(db: Database, wall: int) -> None:
    """ "Not this time" on the climbing evening was one of the "small steps taken this week",
    and the Review said of it "Reaching out was the brave part" (nu176). A "not now" from
    someone is still both."""

    def declined(**toward: object) -> tuple[int, review_report.Figure]:
        """A step toward *toward*, declined: steps taken this week, and the Review's figure."""
        with db.write() as s:
            step = steps.create_step(session=s, data={
                "action": "go", "due_at": local("2026-11-23T18:00"), **toward})  # fmt: skip
            steps.record_outcome(session=s, step_id=step.id, outcome={"status": "declined"})
        with db.session() as s:
            data = review.review_month(session=s, month=TODAY)
            taken = services_today.facts(session=s, today=TODAY, coming=5).steps_this_week
        return taken, review_report.small_steps(data)

    taken, shown = declined(context_id=wall)
    assert taken == 0
    assert shown.table is not None and shown.table.rows == [("not this time (a place)", "1")]
    assert words.NOT_THIS_TIME in shown.lines and words.DECLINE_REFRAME not in shown.lines
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
    taken, shown = declined(person_id=ana)
    assert taken == 1 and words.DECLINE_REFRAME in shown.lines
    assert shown.table is not None and shown.table.rows == [
        ("not now", "1"), ("not this time (a place)", "1")]  # fmt: skip


def test_the_wizard_can_add_someone_new_by_name_with_the_step(db: Database) -> None:
    with db.write() as s:
        step = steps.create_step(
            session=s,
            data={"action": "send Mo a short message", "due_at": local("2026-11-24T18:00")},
            new_person="Mo",
        )
    with db.session() as s:
        [mo] = people.list_people(session=s)
    assert (step.person_id, step.person, mo.name) == (mo.id, "Mo", "Mo")
    with pytest.raises(NotFound), db.write() as s:  # a step not planned...
        steps.create_step(
            session=s,
            data={"action": "hello", "due_at": local("2026-11-24T18:00"), "context_id": 999},
            new_person="Pat",
        )
    with pytest.raises(InvalidInput, match=r"(?i)name") as refused, db.write() as s:
        steps.create_step(
            session=s, data={"action": "hi", "due_at": local("2026-11-24T18:00")}, new_person="\x1b"
        )
    assert refused.value.field == "person"
    with db.session() as s:  # ...adds no one
        assert [p.name for p in people.list_people(session=s)] == ["Mo"]


def test_deleting_a_context_keeps_steps_toward_it_and_takes_its_small_moments(
    db: Database, wall: int
) -> None:
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana", "context_ids": [wall]}).id
        step = steps.create_step(
            session=s,
            data={"context_id": wall, "action": "go", "due_at": local("2026-11-24T18:00")},
        )
        moment = people.log_interaction(
            session=s, data={"occurred_at": local("2026-11-23T12:00"), "context_id": wall}
        )
        with_ana = people.log_interaction(
            session=s,
            data={"occurred_at": local("2026-11-22T12:00"), "context_id": wall,
                  "person_ids": [ana]},
        )  # fmt: skip
    with db.write() as s:
        change = people.delete_context(session=s, context_id=wall)
    with db.session() as s:
        assert [c.id for c in people.list_interactions(session=s)] == [with_ana.id]
        assert steps.get_step(session=s, step_id=step.id).context_id is None
    with db.write() as s:
        undo.revert(session=s, change=change)
    with db.session() as s:
        assert {c.id for c in people.list_interactions(session=s)} == {moment.id, with_ana.id}
        assert steps.get_step(session=s, step_id=step.id).context == "Climbing wall"


# --------------------------------------------------------------------------- small moments


def test_a_small_moment_counts_for_its_context_and_no_ones_rhythm(db: Database) -> None:
    with db.write() as s:
        street = people.create_context(
            session=s, data={"name": "Our street", "kind": "neighbourhood"}
        ).id
        bo = people.create_person(
            session=s, data={"name": "Bo", "cadence_days": 7, "context_ids": [street]}
        ).id
        people.log_interaction(
            session=s,
            data={"occurred_at": local("2026-11-20T09:00"), "context_id": street,
                  "note": "chat with the neighbour at number 4", "warmth": 4},
        )  # fmt: skip
    with db.session() as s:
        reached = gaps.diversity(session=s, today=TODAY)
        figures = review.month_figures(session=s, month=TODAY)
        week_on = TODAY + timedelta(days=8)  # his weekly rhythm gone by since adding him
        [bo_now] = [p for p in people.list_people(session=s, today=week_on) if p.id == bo]
        [street_now] = people.list_contexts(session=s)
    assert reached.any_channel == 1 and reached.in_person_or_voice == 1
    assert figures.small_moments == 1 and figures.interactions == 1
    assert figures.contexts_in_touch == 1 and figures.people_seen == 0
    assert bo_now.last_contact is None and bo_now.drifting_days == 1
    assert street_now.last_contact == local("2026-11-20T09:00")
    with db.session() as s:
        data = review.review_month(session=s, month=TODAY)
    from planner_tui import review_report

    breadth = next(f for f in review_report.figures(data) if f.key == "breadth")
    assert words.small_moments(1) in breadth.lines
    # Who reached out is said of ties on the map: the moment's "both" (the form's first
    # answer, kept in a hurry) read as a contact begun together (nu187).
    assert figures.by_initiator.get(Initiator.MUTUAL, 0) == 0, figures.by_initiator
    with db.write() as s:
        people.log_interaction(
            session=s,
            data={"occurred_at": local("2026-11-21T09:00"), "person_ids": [bo],
                  "initiator": "me"},
        )  # fmt: skip
    with db.session() as s:
        data = review.review_month(session=s, month=TODAY)
    reach = review_report.reciprocity(data).lines[0]
    assert reach.endswith("█ you 1 · ▒ them 0 · ░ together 0"), reach


def test_a_place_gone_to_from_a_step_is_not_a_small_moment_with_someone(db: Database) -> None:
    """The choir gone to, from a step, with no one named there: the Review said "small
    moments with people not on your map", which no one had said (nu228). It counts for its
    part of life, and is said as a place gone to; a small moment is still said as one."""
    with db.write() as s:
        choir = people.create_context(session=s, data={"name": "Choir"}).id
        step = steps.create_step(session=s, data={"context_id": choir, "action": "go to choir",
                                 "due_at": local("2026-11-19T19:00")}).id  # fmt: skip
        steps.record_outcome(session=s, step_id=step, outcome={
            "status": "done", "occurred_at": local("2026-11-19T19:00")})  # fmt: skip
    with db.session() as s:
        figures = review.month_figures(session=s, month=TODAY)
        data = review.review_month(session=s, month=TODAY)
    assert (figures.places_gone, figures.small_moments, figures.contexts_in_touch) == (1, 0, 1)
    breadth = next(f for f in review_report.figures(data) if f.key == "breadth")
    assert words.places_gone(1) in breadth.lines
    assert words.places_gone(1) == (  # one: not "each" (nu233)
        "A small step took you to a part of life once, with no one named: it counts there."
    )
    assert words.moved_steps(1).endswith("; it counts once, at its new time.")
    assert not any("not on your map" in line for line in breadth.lines), breadth.lines


def test_a_contact_with_no_one_needs_its_part_of_life(db: Database) -> None:
    with pytest.raises(InvalidInput, match="small moment"), db.write() as s:
        people.log_interaction(session=s, data={"occurred_at": local("2026-11-20T09:00")})


def test_steps_toward_places_and_small_moments_survive_a_json_round_trip(
    db: Database, wall: int, sqlite_db: Database
) -> None:
    with db.write() as s:
        steps.create_step(
            session=s,
            data={"context_id": wall, "action": "go", "due_at": local("2026-11-24T18:00")},
        )
        steps.create_step(session=s, data={"action": "try", "due_at": local("2026-11-24T18:00")})
        people.log_interaction(
            session=s, data={"occurred_at": local("2026-11-20T09:00"), "context_id": wall}
        )
    with db.session() as s:
        first = exchange.export_json(session=s)
    with sqlite_db.write() as s:
        exchange.import_json(session=s, text=first)
    with sqlite_db.session() as s:
        again = exchange.export_json(session=s)
        places = [(p.person, p.context_id) for p in steps.list_steps(session=s, upcoming=True)]
    assert json.loads(first)["tables"] == json.loads(again)["tables"]
    assert places == [("Climbing wall", wall), ("", None)]


# --------------------------------------------------------------------------- backups


def test_the_persons_own_backup_becomes_the_follow_up(db: Database) -> None:
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        step = steps.create_step(
            session=s,
            data={"person_id": ana, "action": "call Ana", "due_at": local("2026-11-23T18:00"),
                  "channel": "call", "cue": "after dinner",
                  "backup": "if she doesn't answer, I'll send a voice note on Sunday"},
        )  # fmt: skip
        result = steps.record_outcome(
            session=s,
            step_id=step.id,
            outcome={"status": "no_reply", "new_due_at": local("2026-11-29T11:00"),
                     "follow_up": words.backup_step(step.backup)},
        )  # fmt: skip
    [follow] = result.following
    # A follow-up after no reply, named so: no reply to it again offers no third nudge (nu274)
    said = "gently follow up: send a voice note on Sunday"
    assert (follow.action, follow.cue, follow.backup) == (said, "", "")
    assert (follow.person_id, follow.status) == (ana, StepStatus.PLANNED)
    assert follow.channel == Channel.TEXT  # a voice note, not the call it backs up
    assert not steps.offers_follow_up(follow.action)
    assert words.outcome_kind_words("no_reply", action=follow.action) == words.NO_REPLY_AGAIN_LINE


# --------------------------------------------------------------------------- on this day


def entry(db: Database, day: date, **fields: object) -> None:
    with db.write() as s:
        journal.save_entry(session=s, data={"day": day, **fields})


def test_on_this_day_is_a_warm_moment_from_an_earlier_year_never_a_sad_one(db: Database) -> None:
    last_year = date(2025, 11, 23)
    entry(db, last_year, warmth_note="soup with Ana", mood=4)
    entry(db, date(2024, 11, 23), warmth_note="a walk, but", mood=1)  # low: never
    entry(db, date(2023, 11, 23), body="nothing warm written")  # no warmth: never
    entry(db, date(2026, 10, 23), warmth_note="a month ago")  # a year comes first
    with db.session() as s:
        found = [moments.on_this_day(session=s, today=TODAY) for _ in range(3)]
    assert found[0] == found[1] == found[2]  # the same all day
    assert found[0] is not None and (found[0].day, found[0].kind, found[0].text) == (
        last_year,
        "entry",
        "soup with Ana",
    )


def test_on_this_day_passes_over_a_warmth_note_that_says_none_came(db: Database) -> None:
    """ "nothing much" under *what brought warmth* was shown back as a warm moment (nu166)."""
    for said in ("nothing much", "Not really.", "-", "none", "nothing, idk"):
        entry(db, date(2025, 11, 23), warmth_note=said)
        with db.session() as s:
            assert moments.on_this_day(session=s, today=TODAY) is None, said
    entry(db, date(2025, 11, 23), warmth_note="nothing much, but tea with Bo")
    with db.session() as s:
        found = moments.on_this_day(session=s, today=TODAY)
    assert found is not None and found.text == "nothing much, but tea with Bo"


def test_on_this_day_takes_a_warm_contact_from_an_earlier_month(db: Database) -> None:
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        for when, warmth in (("2026-10-23T19:00", 5), ("2026-09-23T19:00", 2)):
            people.log_interaction(
                session=s,
                data={"occurred_at": local(when), "person_ids": [ana], "warmth": warmth,
                      "channel": "call", "note": "soup at hers\nmore"},
            )  # fmt: skip
    with db.session() as s:
        found = moments.on_this_day(session=s, today=TODAY)
    assert found is not None
    assert (found.day, found.kind, found.text, found.people) == (
        date(2026, 10, 23),
        "contact",
        "soup at hers",
        ["Ana"],
    )
    said = words.on_this_day(found.day, TODAY, found.kind, found.text, found.people, "call")
    assert said == "A month ago today (Fri 23 Oct), a warm time with Ana (call): soup at hers"


def test_on_this_day_passes_over_a_warm_contact_on_a_low_day(db: Database) -> None:
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        people.log_interaction(
            session=s,
            data={"occurred_at": local("2025-11-23T19:00"), "person_ids": [ana], "warmth": 5},
        )
    entry(db, date(2025, 11, 23), connectedness=2, warmth_note="")
    with db.session() as s:
        assert moments.on_this_day(session=s, today=TODAY) is None
        assert moments.on_this_day(session=s, today=TODAY + timedelta(days=1)) is None


def test_on_this_day_has_nothing_to_show_on_a_new_map(db: Database) -> None:
    entry(db, TODAY, warmth_note="today itself is not the past")
    with db.session() as s:
        assert moments.on_this_day(session=s, today=TODAY) is None


def test_earlier_days_are_this_date_in_earlier_years_and_this_day_in_earlier_months() -> None:
    years, months = daily.earlier_days(date(2028, 2, 29), date(2019, 6, 1))
    assert years == [date(2024, 2, 29), date(2020, 2, 29)]
    assert months[:2] == [date(2028, 1, 29), date(2027, 12, 29)] and len(months) == 11
    years, months = daily.earlier_days(date(2026, 3, 31), date(2026, 1, 1))
    assert years == [] and months == [date(2026, 1, 31)]


def test_a_repeating_step_toward_a_place_stays_toward_it(db: Database, wall: int) -> None:
    """The next occurrence — after an outcome, or after one occurrence is changed — is
    toward the same part of life."""
    from planner_tui.services import corrections

    with db.write() as s:
        weekly = steps.create_step(
            session=s,
            data={"context_id": wall, "action": "climb", "rrule": "FREQ=WEEKLY",
                  "due_at": local("2026-11-24T18:00")},
        )  # fmt: skip
        corrections.update_step(
            session=s, step_id=weekly.id, data={"action": "climb, then tea"}, scope="one"
        )
        later = [st for st in steps.list_steps(session=s, upcoming=True) if st.id != weekly.id]
        result = steps.record_outcome(session=s, step_id=later[0].id, outcome={"status": "done"})
    assert [st.context_id for st in later] == [wall]
    assert [(st.context_id, st.person) for st in result.following] == [(wall, "Climbing wall")]
