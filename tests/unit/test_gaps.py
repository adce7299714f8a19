"""The gaps: drift, reciprocity, one-sided ties, quiet contexts and network diversity,
on small hand-built worlds with known answers (every engine)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from planner_tui import clock, pictures
from planner_tui.db.engine import Database
from planner_tui.errors import InvalidInput, StorageError
from planner_tui.services import gaps, journal, people, steps
from planner_tui.services.undo import revert

TODAY = date(2026, 11, 23)


def days_ago(n: int, hour: int = 12) -> datetime:
    return datetime.combine(TODAY - timedelta(days=n), datetime.min.time()).replace(
        hour=hour, tzinfo=UTC
    )


def person(s: Any, name: str, **fields: Any) -> int:
    return people.create_person(session=s, data={"name": name, **fields}).id


def context(s: Any, name: str, kind: str = "other") -> int:
    return people.create_context(session=s, data={"name": name, "kind": kind}).id


def meet(s: Any, who: list[int], ago: int, **fields: Any) -> int:
    data = {"occurred_at": days_ago(ago), "person_ids": who, **fields}
    return people.log_interaction(session=s, data=data).id


# --------------------------------------------------------------------------- drift


def test_drift_resets_however_contact_was_recorded(db: Database) -> None:
    with db.write() as s:
        by_log = person(s, "Logged", cadence_days=7)
        by_step = person(s, "Stepped", cadence_days=7)
        by_journal = person(s, "Journaled", cadence_days=7)
        untouched = person(s, "Untouched", cadence_days=7)
        no_cadence = person(s, "Whenever")
        for pid in (by_log, by_step, by_journal, untouched, no_cadence):
            meet(s, [pid], 40)
    with db.session() as s:
        assert {p.name for p in people.drifting_people(session=s)} == {
            "Logged",
            "Stepped",
            "Journaled",
            "Untouched",
        }
    with db.write() as s:
        meet(s, [by_log], 1)
        step = steps.create_step(
            session=s, data={"person_id": by_step, "action": "text", "due_at": days_ago(2)}
        )
        steps.record_outcome(session=s, step_id=step.id, outcome={"status": "done"})
        journal.save_entry(
            session=s,
            data={
                "day": TODAY,
                "body": "coffee",
                "person_ids": [by_journal],
                "contact_person_ids": [by_journal],
            },
        )
    with db.session() as s:
        drifting = people.drifting_people(session=s)
    assert [(p.name, p.drifting_days) for p in drifting] == [("Untouched", 33)]


def test_snoozing_quiets_drift_until_the_day_passes(db: Database) -> None:
    with db.write() as s:
        pid = person(s, "Sam", cadence_days=14)
        meet(s, [pid], 30)
        people.snooze_person(session=s, person_id=pid, days=7)
    with db.session() as s:
        assert people.drifting_people(session=s) == []
        assert people.drifting_people(session=s, today=TODAY + timedelta(days=8))[0].name == "Sam"
    with db.write() as s:
        assert people.snooze_person(session=s, person_id=pid, days=0).snoozed_until is None
    with pytest.raises(InvalidInput, match="0 to 365"), db.write() as s:
        people.snooze_person(session=s, person_id=pid, days=1000)


def test_archived_people_never_drift(db: Database) -> None:
    with db.write() as s:
        pid = person(s, "Old friend", cadence_days=7)
        people.update_person(session=s, person_id=pid, data={"archived": True})
    with db.session() as s:
        assert people.drifting_people(session=s) == []


# --------------------------------------------------------------------------- reciprocity


def test_reciprocity_counts_the_latest_interactions(db: Database) -> None:
    with db.write() as s:
        ana = person(s, "Ana")
        other = person(s, "Other")
        meet(s, [ana], 50, initiator="them", channel="text")  # outside last 3
        meet(s, [ana], 3, initiator="me", channel="in_person", gave_emotional=True)
        meet(s, [ana, other], 2, initiator="mutual", channel="call", got_practical=True)
        meet(s, [ana], 1, initiator="me", channel="social", got_emotional=True)
        meet(s, [other], 1, initiator="them")
    with db.session() as s:
        picture = gaps.reciprocity(session=s, person_id=ana, last=3)
        everything = gaps.reciprocity(session=s, person_id=ana)
    assert picture == gaps.Reciprocity(
        interactions=3,
        me=2,
        them=0,
        mutual=1,
        gave_emotional=1,
        got_emotional=1,
        got_practical=1,
        in_person=1,
        voice=1,
        digital=1,
    )
    assert (everything.interactions, everything.them, everything.digital) == (4, 1, 2)


def test_reciprocity_of_someone_never_met_is_empty(db: Database) -> None:
    with db.write() as s:
        pid = person(s, "New")
    with db.session() as s:
        assert gaps.reciprocity(session=s, person_id=pid) == gaps.Reciprocity()


# --------------------------------------------------------------------------- one-sided


def test_one_sided_needs_eight_interactions_and_three_quarters(db: Database) -> None:
    with db.write() as s:
        mostly_me = person(s, "Mostly me")
        for n in range(6):
            meet(s, [mostly_me], 10 + n, initiator="me")
        meet(s, [mostly_me], 30, initiator="them")
        meet(s, [mostly_me], 31, initiator="mutual")  # 6 of 8 = 75 %
        too_few = person(s, "Too few")
        for n in range(7):
            meet(s, [too_few], n + 1, initiator="me")
        balanced = person(s, "Balanced")
        for n in range(10):
            meet(s, [balanced], n + 1, initiator="me" if n % 2 else "them")
        them = person(s, "They call")
        for n in range(12):
            meet(s, [them], n + 1, initiator="them")
        # Only the latest 12 count: 12 recent 'them', then many old 'me' that don't.
        for n in range(20):
            meet(s, [them], 100 + n, initiator="me")
        always_me = person(s, "Always me")  # 8 of 8: by share, above 6 of 8
        for n in range(8):
            meet(s, [always_me], n + 1, initiator="me")
        archived = person(s, "Archived")
        for n in range(9):
            meet(s, [archived], n + 1, initiator="me")
        people.update_person(session=s, person_id=archived, data={"archived": True})
    with db.session() as s:
        found = gaps.one_sided(session=s)
    assert [(f.name, f.interactions, f.started_by_me, f.started_by_them) for f in found] == [
        ("They call", 12, 0, 12),
        ("Always me", 8, 8, 0),
        ("Mostly me", 8, 6, 1),
    ]
    assert found[1].mostly_me and not found[0].mostly_me


# --------------------------------------------------------------------------- contexts


def test_diversity_counts_contexts_reached_in_two_weeks(db: Database) -> None:
    with db.write() as s:
        work = context(s, "Work", "work")
        choir = context(s, "Choir", "hobby")
        family = context(s, "Family", "family")
        context(s, "Empty club")  # no people, no contact
        ana = person(s, "Ana", context_ids=[work])
        ben = person(s, "Ben", context_ids=[choir, family])
        meet(s, [ana], 2, context_id=work, channel="text")  # digital only
        meet(s, [ben], 5, channel="in_person")  # no context: counts for choir and family
        meet(s, [ana], 20, context_id=work, channel="in_person")  # too long ago
    with db.session() as s:
        figure = gaps.diversity(session=s, today=TODAY)
    assert (figure.in_person_or_voice, figure.any_channel, figure.contexts) == (2, 3, 4)


def test_diversity_with_nothing_recorded_is_zero(db: Database) -> None:
    with db.session() as s:
        assert gaps.diversity(session=s) == gaps.Diversity(0, 0, 0)


def test_quiet_contexts_are_those_without_contact_in_30_days(db: Database) -> None:
    """A part of life counts from when it was added, as a person does: one added today (or
    29 days ago) isn't quiet yet; one added 30 days ago and never in touch is."""
    now = clock.now()
    for ago, name in ((30, "Never"), (29, "Added lately")):
        clock.freeze(now - timedelta(days=ago))
        try:
            with db.write() as s:
                context(s, name)
        finally:
            clock.freeze(now)
    with db.write() as s:
        work = context(s, "Work")
        choir = context(s, "Choir")
        context(s, "Added today")
        old = context(s, "Archived")
        people.update_context(session=s, context_id=old, data={"archived": True})
        ana = person(s, "Ana", context_ids=[work, choir])
        meet(s, [ana], 3, context_id=work)
        meet(s, [ana], 45, context_id=choir)
    with db.session() as s:
        contexts = people.list_contexts(session=s)
        quiet = gaps.quiet_contexts(contexts, today=TODAY)
        listed = {c.name: c for c in contexts}
    assert [(q.name, q.people_count) for q in quiet] == [("Never", 0), ("Choir", 1)]
    assert listed["Choir"].last_contact == days_ago(45)
    assert listed["Work"].people_count == 1


def test_recency_strip_buckets_contacts_by_local_week(db: Database) -> None:
    now = clock.now()
    clock.freeze(now - timedelta(days=60))
    try:
        with db.write() as s:
            context(s, "Quiet")
    finally:
        clock.freeze(now)
    with db.write() as s:
        work = context(s, "Work")
        context(s, "New today")
        ana = person(s, "Ana", context_ids=[work])
        meet(s, [ana], 0)  # Monday 23 Nov: the last seven days
        meet(s, [ana], 1)  # Sunday 22 Nov: still the last seven days, though last week
        meet(s, [ana], 6, context_id=work)  # Tuesday 17 Nov: the span's first day
        meet(s, [ana], 7)  # Monday 16 Nov: the span before
        meet(s, [ana], 60)  # outside four weeks
    with db.session() as s:
        strip = gaps.recency_strip(session=s, weeks=4, today=TODAY)
    assert strip.weeks == [date(2026, 10, 27), date(2026, 11, 3), date(2026, 11, 10),
                           date(2026, 11, 17)]  # fmt: skip
    assert [row[1:] for row in strip.rows] == [
        ("New today", [0, 0, 0, 0]),
        ("Quiet", [0, 0, 0, 0]),
        ("Work", [0, 0, 1, 3]),
    ]
    shown = pictures.recency_strip(
        strip.weeks,
        [(name, counts) for _, name, counts in strip.rows],
        quiet={1},
        quiet_mark="quiet for 30+ days",
    ).plain.splitlines()
    assert " ".join(shown[0].split()) == "· none ░ 1 ▒ 2 ▓ 3 █ 4+ contacts a week"
    assert shown[1].split() == ["N"]  # every span ends in November
    assert ["quiet for 30+ days" in line for line in shown[2:5]] == [False, True, False]


def test_a_check_ins_contact_counts_for_the_persons_parts_of_life(db: Database) -> None:
    """ "In touch with Kai" in a check-in made Kai last in touch yesterday, while his chess
    club stayed "not yet", with an empty strip, and out of the Gaps' and the Review's
    count of parts of life in touch."""
    with db.write() as s:
        chess = context(s, "Chess")
        kai = person(s, "Kai", context_ids=[chess])
        journal.save_entry(session=s, data={
            "day": TODAY - timedelta(days=1), "body": "chess with @Kai",
            "contact_person_ids": [kai]})  # fmt: skip
    with db.session() as s:
        [listed] = people.list_contexts(session=s)
        strip = gaps.recency_strip(session=s, weeks=2, today=TODAY)
        breadth = gaps.diversity(session=s, today=TODAY)
        [kai_read] = people.list_people(session=s)
    assert listed.last_contact == kai_read.last_contact is not None
    assert [row[1:] for row in strip.rows] == [("Chess", [0, 1])]
    # Reached, but not in person or by voice: a check-in doesn't say how.
    assert (breadth.any_channel, breadth.in_person_or_voice) == (1, 0)


def test_the_strip_names_the_month_of_today_from_its_first_day() -> None:
    """Tuesday 1 Dec: the last span (25 Nov – 1 Dec) is named D, the one before N."""
    firsts = [date(2026, 12, 1) - timedelta(days=6 + 7 * n) for n in range(3, -1, -1)]
    shown = pictures.recency_strip(firsts, [("Work", [1, 0, 2, 1])]).plain.splitlines()
    assert shown[1].split() == ["N", "D"] and shown[1].index("D") == shown[2].rindex("░")
    assert shown[2].split() == ["Work", "░", "·", "▒", "░"]


def test_the_strip_names_a_part_of_life_whole_where_there_is_room() -> None:
    """ "Food bank volunte…" at 160 columns (nu167); on a narrow one the name gives way
    before the quiet mark or a week does."""
    firsts = [date(2026, 11, 23) - timedelta(days=7 * n) for n in range(11, -1, -1)]
    rows = [("Food bank volunteering", [0] * 12), ("Work", [1] * 12)]
    wide = pictures.recency_strip(firsts, rows, room=160, quiet={0}, quiet_mark="quiet").plain
    assert "Food bank volunteering · · ·" in wide and "quiet" in wide
    narrow = pictures.recency_strip(firsts, rows, room=50, quiet={0}, quiet_mark="quiet")
    lines = narrow.plain.splitlines()
    assert lines[2].startswith("Food bank voluntee… ") and lines[2].endswith("·  quiet")
    assert all(len(line) <= 50 for line in lines)


def test_ideas_come_from_the_shipped_file_or_the_users_own(tmp_path: Path) -> None:
    shipped = gaps.load_ideas(tmp_path)
    assert len(shipped) >= 10 and {"class", "volunteering", "club"} <= {i.kind for i in shipped}
    (tmp_path / "ideas.toml").write_text('[walks]\nideas = ["Sunday walk with [b]a group"]\n')
    assert gaps.load_ideas(tmp_path) == [gaps.Idea("walks", "Sunday walk with [b]a group")]
    (tmp_path / "ideas.toml").write_text("not = [toml")  # a typo: the shipped ones, not none
    assert gaps.load_ideas(tmp_path) == shipped


# --------------------------------------------------------------------------- duplicates & undo


def test_duplicates_match_names_and_nicknames_ignoring_case_and_spacing(db: Database) -> None:
    with db.write() as s:
        ana = person(s, "Ana  Silva", nickname="Nani")
        person(s, "Ben")
    with db.session() as s:
        assert [p.id for p in people.find_duplicates(session=s, name="ana silva")] == [ana]
        assert [p.id for p in people.find_duplicates(session=s, name="NANI")] == [ana]
        assert people.find_duplicates(session=s, name="Ana Silva", except_id=ana) == []
        assert people.find_duplicates(session=s, name="Anna") == []


def test_merging_keeps_everything_from_both(db: Database) -> None:
    with db.write() as s:
        work = context(s, "Work")
        choir = context(s, "Choir")
        ana = person(s, "Ana", notes="likes tea", context_ids=[work])
        merged = people.merge_into(
            session=s,
            person_id=ana,
            data={
                "name": "ana",
                "nickname": "Nani",
                "notes": "met at choir",
                "cadence_days": 14,
                "context_ids": [work, choir],
            },
        )
    assert merged.name == "Ana" and merged.nickname == "Nani" and merged.cadence_days == 14
    assert merged.notes == "likes tea\n\nmet at choir"
    assert merged.contexts == ["Choir", "Work"]


def test_deleting_a_person_can_be_undone_exactly(db: Database) -> None:
    with db.write() as s:
        work = context(s, "Work")
        ana = person(s, "Ana", context_ids=[work], notes="[b]x[/b]")
        ben = person(s, "Ben")
        alone = meet(s, [ana], 3, warmth=5, note="just us")
        shared = meet(s, [ana, ben], 2)
        step = steps.create_step(
            session=s, data={"person_id": ana, "action": "call", "due_at": days_ago(1)}
        )
        done = steps.record_outcome(session=s, step_id=step.id, outcome={"status": "done"}).step
        entry = journal.save_entry(
            session=s,
            data={"day": TODAY, "body": "x", "person_ids": [ana], "contact_person_ids": [ana]},
        ).id
    with db.session() as s:
        before = people.get_person(session=s, person_id=ana)
        history = people.list_interactions(session=s, person_id=ana)
    with db.write() as s:
        removed = people.delete_person(session=s, person_id=ana)
    assert removed.count["interaction"] == 2  # the one alone and the step's, not the shared
    with db.session() as s:
        assert [i.id for i in people.list_interactions(session=s)] == [shared]
    with db.write() as s:
        revert(session=s, change=removed)
    with db.session() as s:
        assert people.get_person(session=s, person_id=ana) == before
        assert people.list_interactions(session=s, person_id=ana) == history
        assert {i.id for i in history} >= {alone, shared}
        assert steps.get_step(session=s, step_id=done.id).status == "done"
        assert journal.get_entry(session=s, entry_id=entry).contact_person_ids == [ana]


def test_deleting_a_context_can_be_undone(db: Database) -> None:
    with db.write() as s:
        work = context(s, "Work")
        ana = person(s, "Ana", context_ids=[work])
        meet(s, [ana], 1, context_id=work)
        removed = people.delete_context(session=s, context_id=work)
    with db.session() as s:
        assert people.list_interactions(session=s)[0].context is None
    with db.write() as s:
        revert(session=s, change=removed)
    with db.session() as s:
        assert people.list_interactions(session=s)[0].context == "Work"
        assert people.get_person(session=s, person_id=ana).contexts == ["Work"]


def test_undo_refuses_cleanly_when_a_link_has_gone(db: Database) -> None:
    with db.write() as s:
        ana = person(s, "Ana")
        ben = person(s, "Ben")
        shared = meet(s, [ana, ben], 1)
        removed = people.delete_person(session=s, person_id=ana)
        people.delete_interaction(session=s, interaction_id=shared)
    with pytest.raises(StorageError, match="can't be undone"), db.write() as s:
        revert(session=s, change=removed)
    with db.session() as s:
        assert [p.name for p in people.list_people(session=s)] == ["Ben"]


def test_a_check_ins_contact_on_a_day_with_one_logged_is_not_counted_twice(db: Database) -> None:
    """A step done with Priya (a logged contact), then "in touch with Priya" in that
    evening's check-in: her new job's week showed two contacts, her page one (nu234). On
    another day the check-in still counts."""
    with db.write() as s:
        job = context(s, "New job")
        priya = person(s, "Priya", context_ids=[job])
        meet(s, [priya], 0)
        for days_back in (0, 2):
            journal.save_entry(session=s, data={
                "day": TODAY - timedelta(days=days_back), "body": "lunch with @Priya",
                "contact_person_ids": [priya]})  # fmt: skip
    with db.session() as s:
        strip = gaps.recency_strip(session=s, weeks=2, today=TODAY)
    assert [row[1:] for row in strip.rows] == [("New job", [0, 2])]
