"""People, contexts, interactions and drift, on every engine."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from planner_tui import clock
from planner_tui.db.engine import Database
from planner_tui.db.models import Channel, Circle, Initiator
from planner_tui.errors import InvalidInput, NotFound
from planner_tui.services import journal, people


def at(day: str, hour: int = 12) -> datetime:
    return datetime.fromisoformat(f"{day}T{hour:02d}:00").replace(tzinfo=UTC)


def test_context_names_are_unique_ignoring_case_and_the_refusal_names_the_one_there(
    db: Database,
) -> None:
    """'work' was refused as "already a context called 'work'": it names Work now."""
    with db.write() as s:
        people.create_context(session=s, data={"name": "Choir", "kind": "faith"})
        work = people.create_context(session=s, data={"name": "Work"}).id
    with pytest.raises(InvalidInput, match="already a context called 'Choir'"), db.write() as s:
        people.create_context(session=s, data={"name": "  choir "})
    with pytest.raises(InvalidInput, match="already a context called 'Choir'"), db.write() as s:
        people.update_context(session=s, context_id=work, data={"name": "CHOIR"})
    with db.write() as s:  # its own name, written another way, is a rename
        people.update_context(session=s, context_id=work, data={"name": "WORK"})
    with db.session() as s:
        assert [c.name for c in people.list_contexts(session=s)] == ["Choir", "WORK"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "can't be empty"),
        ("   \t ", "can't be empty"),
        ("a\nb", "control characters"),
        ("x\x1b[31m", "control characters"),
        ("x" * 1001, "at most 1,000"),
    ],
)
def test_bad_names_are_refused_with_a_reason(db: Database, name: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message), db.write() as s:
        people.create_person(session=s, data={"name": name})
    with db.session() as s:
        assert people.list_people(session=s) == []


@pytest.mark.parametrize("cadence", [0, -3, 5000])
def test_absurd_cadences_are_refused(db: Database, cadence: int) -> None:
    with pytest.raises(InvalidInput, match="cadence"), db.write() as s:
        people.create_person(session=s, data={"name": "Ana", "cadence_days": cadence})


@pytest.mark.parametrize(
    "name", ["[bold]Bob", "[/]", "[@click=app.quit]x[/]", "Zoë 🌱", "مريم", "e\u0301mile"]
)
def test_odd_names_are_stored_exactly(db: Database, name: str) -> None:
    with db.write() as s:
        created = people.create_person(session=s, data={"name": name})
    with db.session() as s:
        assert people.get_person(session=s, person_id=created.id).name.strip() == name.strip()


def test_person_with_contexts_and_update(db: Database) -> None:
    with db.write() as s:
        work = people.create_context(session=s, data={"name": "Work", "kind": "work"})
        choir = people.create_context(session=s, data={"name": "Choir", "kind": "faith"})
        ana = people.create_person(
            session=s, data={"name": "Ana", "circle": "inner", "context_ids": [work.id]}
        )
    assert ana.contexts == ["Work"] and ana.circle is Circle.INNER
    with db.write() as s:
        ana = people.update_person(
            session=s,
            person_id=ana.id,
            data={"context_ids": [choir.id, work.id], "boundaries": "texts after 6pm"},
        )
    assert ana.contexts == ["Choir", "Work"] and ana.boundaries == "texts after 6pm"
    with (
        pytest.raises(InvalidInput, match="That context is no longer in your planner"),
        db.write() as s,
    ):
        people.update_person(session=s, person_id=ana.id, data={"context_ids": [999]})
    with pytest.raises(NotFound), db.session() as s:
        people.get_person(session=s, person_id=999)


def test_interactions_are_logged_and_listed_newest_first(db: Database) -> None:
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"})
        ben = people.create_person(session=s, data={"name": "Ben"})
        people.log_interaction(
            session=s,
            data={"occurred_at": at("2026-11-01"), "person_ids": [ana.id], "channel": "call"},
        )
        people.log_interaction(
            session=s,
            data={
                "occurred_at": at("2026-11-20"),
                "person_ids": [ana.id, ben.id],
                "initiator": "them",
                "warmth": 5,
                "note": "[bold]dinner[/]",
            },
        )
    with db.session() as s:
        items = people.list_interactions(session=s, person_id=ana.id)
    assert [i.occurred_at for i in items] == [at("2026-11-20"), at("2026-11-01")]
    assert items[0].people == ["Ana", "Ben"] and items[0].initiator is Initiator.THEM
    assert items[0].note == "[bold]dinner[/]" and items[1].channel is Channel.CALL
    # Another Ana: each contact says which, as lists of steps do (nu273: "with Ana" twice)
    with db.write() as s:
        other = people.create_person(session=s, data={"name": "ANA"}).id
        people.log_interaction(
            session=s, data={"occurred_at": at("2026-11-21"), "person_ids": [other]}
        )
    with db.session() as s:
        listed = [i.people for i in people.list_interactions(session=s)]
    assert listed == [[f"ANA (#{other})"], [f"Ana (#{ana.id})", "Ben"], [f"Ana (#{ana.id})"]]


def test_an_interaction_needs_someone_and_a_sane_warmth(db: Database) -> None:
    with pytest.raises(InvalidInput, match="at least one person"), db.write() as s:
        people.log_interaction(session=s, data={"occurred_at": at("2026-11-01"), "person_ids": []})
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"})
    with pytest.raises(InvalidInput, match="Warmth should be from 1 to 5"), db.write() as s:
        people.log_interaction(
            session=s, data={"occurred_at": at("2026-11-01"), "person_ids": [ana.id], "warmth": 9}
        )


def test_drift_counts_every_kind_of_contact(db: Database) -> None:
    """Past the cadence → drifting; a logged interaction or a journal mention marked as
    contact resets the clock; a snooze hides it; no cadence never drifts."""
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana", "cadence_days": 7})
        ben = people.create_person(session=s, data={"name": "Ben", "cadence_days": 7})
        cy = people.create_person(session=s, data={"name": "Cy", "cadence_days": 7})
        people.create_person(session=s, data={"name": "Dee"})  # no cadence
        for person in (ana, ben, cy):
            people.log_interaction(
                session=s, data={"occurred_at": at("2026-11-02"), "person_ids": [person.id]}
            )
        people.log_interaction(
            session=s, data={"occurred_at": at("2026-11-21"), "person_ids": [ben.id]}
        )
        journal.save_entry(
            session=s,
            data={"day": date(2026, 11, 22), "body": "coffee", "contact_person_ids": [cy.id]},
        )
    with db.session() as s:
        drifting = people.drifting_people(session=s)
    assert [(p.name, p.drifting_days) for p in drifting] == [("Ana", 14)]  # 21 days since, 7 hoped
    with db.write() as s:
        people.update_person(
            session=s, person_id=ana.id, data={"snoozed_until": date(2026, 11, 30)}
        )
    with db.session() as s:
        assert people.drifting_people(session=s) == []
        assert people.get_person(session=s, person_id=cy.id).last_contact.date() == date(
            2026, 11, 22
        )


def test_archived_people_are_hidden_and_never_drift(db: Database) -> None:
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana", "cadence_days": 1})
        people.update_person(session=s, person_id=ana.id, data={"archived": True})
    with db.session() as s:
        assert people.list_people(session=s) == []
        shown = people.list_people(session=s, include_archived=True)
    assert shown[0].archived and shown[0].drifting_days is None


def test_someone_never_in_touch_is_suggested_once_their_rhythm_has_gone_by(
    db: Database,
) -> None:
    """A rhythm hoped for and no contact yet: counted from when they were added, and
    suggested only once that rhythm has gone by, by the days beyond it; someone further
    past their rhythm comes first; a contact, a snooze (until it ends) or no rhythm at all
    and they are not suggested."""
    today = clock.today()
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana", "cadence_days": 30}).id
        people.create_person(session=s, data={"name": "Bo"})  # no rhythm: never suggested
        cy = people.create_person(session=s, data={"name": "Cy", "cadence_days": 30}).id
        people.snooze_person(session=s, person_id=cy, days=7)
    with db.session() as s:
        assert people.drifting_people(session=s) == []  # added today: not past anything
        assert people.drifting_people(session=s, today=today + timedelta(days=30)) == []
        later = people.drifting_people(session=s, today=today + timedelta(days=40))
        assert [(p.name, p.drifting_days, p.last_contact) for p in later] == [
            ("Ana", 10, None),
            ("Cy", 10, None),
        ]
    with db.write() as s:
        dee = people.create_person(session=s, data={"name": "Dee", "cadence_days": 7}).id
        people.log_interaction(
            session=s, data={"occurred_at": clock.now() - timedelta(days=20), "person_ids": [dee]}
        )
    with db.session() as s:
        drifting = people.drifting_people(session=s, today=today + timedelta(days=31))
    assert [(p.name, p.drifting_days) for p in drifting] == [("Dee", 44), ("Ana", 1), ("Cy", 1)]
    with db.write() as s:
        people.log_interaction(session=s, data={"occurred_at": clock.now(), "person_ids": [ana]})
    with db.session() as s:
        assert [p.name for p in people.drifting_people(session=s)] == ["Dee"]


def test_deleting_cleans_up_without_losing_other_records(db: Database) -> None:
    """A deleted context leaves its interactions (without a context); a deleted person takes
    their own steps and links with them but not shared interactions or journal entries."""
    from planner_tui.services import steps

    with db.write() as s:
        choir = people.create_context(session=s, data={"name": "Choir"}).id
        ana = people.create_person(session=s, data={"name": "Ana", "context_ids": [choir]}).id
        ben = people.create_person(session=s, data={"name": "Ben"}).id
        shared = people.log_interaction(
            session=s,
            data={"occurred_at": at("2026-11-20"), "person_ids": [ana, ben], "context_id": choir},
        ).id
        step = steps.create_step(
            session=s, data={"person_id": ana, "action": "call", "due_at": at("2026-11-25")}
        ).id
        entry = journal.save_entry(
            session=s, data={"day": date(2026, 11, 20), "body": "choir", "person_ids": [ana]}
        ).id
        people.delete_context(session=s, context_id=choir)
    with db.session() as s:
        [item] = people.list_interactions(session=s)
        assert item.context is None and item.people == ["Ana", "Ben"]
    with db.write() as s:
        people.delete_person(session=s, person_id=ana)
    with db.session() as s:
        assert people.list_interactions(session=s)[0].people == ["Ben"]
        assert steps.list_steps(session=s) == []
        assert journal.get_entry(session=s, entry_id=entry).people == []
    with db.write() as s:
        people.delete_interaction(session=s, interaction_id=shared)
        journal.delete_entry(session=s, entry_id=entry)
    with db.session() as s:
        assert people.list_interactions(session=s) == []
        assert journal.list_entries(session=s) == []
    with pytest.raises(NotFound), db.write() as s:
        steps.delete_step(session=s, step_id=step)


def test_setting_a_date_again_changes_it_whatever_the_labels_case(db: Database) -> None:
    with db.write() as s:
        tom = people.create_person(session=s, data={"name": "Tom"}).id
        first, was = people.set_date(
            session=s, data={"person_id": tom, "label": "birthday", "month": 4, "day": 12}
        )
        assert was == []
        moved, was = people.set_date(
            session=s, data={"person_id": tom, "label": " Birthday ", "month": 4, "day": 13}
        )
        assert moved.id == first.id and [(d.month, d.day) for d in was] == [(4, 12)]
        _, was = people.set_date(  # the same day again: nothing to say changed
            session=s, data={"person_id": tom, "label": "BIRTHDAY", "month": 4, "day": 13}
        )
        assert was == []
        people.add_date(session=s, data={"person_id": tom, "label": "birthday", "month": 4,
                                         "day": 13})  # fmt: skip
        people.set_date(session=s, data={"person_id": tom, "label": "Moved to Leeds",
                                         "month": 6, "day": 3})  # fmt: skip
    with db.session() as s:
        got = [(d.label, d.month, d.day) for d in people.list_dates(session=s, person_id=tom)]
    assert got == [("birthday", 4, 13), ("Moved to Leeds", 6, 3)]  # its name as first written
    with db.write() as s:  # the label rule is one: removing finds it however it is typed
        gone = people.remove_dates(session=s, person_id=tom, label="  birthday")
    assert [d.label for d in gone] == ["birthday"]
    assert people.label_key("Mum’s  Anniversary") == people.label_key("mum’s anniversary")


def test_dates_are_checked_kept_once_and_go_with_their_person(db: Database) -> None:
    from planner_tui.services.undo import revert

    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        ben = people.create_person(session=s, data={"name": "Ben"}).id
        first = people.add_date(
            session=s, data={"person_id": ana, "label": "moved to Leeds", "month": 9, "day": 1}
        )
        people.add_date(session=s, data={"person_id": ana, "label": " birthday ", "month": 2,
                                         "day": 29})  # fmt: skip
        again = people.add_date(  # the same date again: given its year, not added twice
            session=s,
            data={"person_id": ana, "label": "Moved to Leeds", "month": 9, "day": 1, "year": 2019},
        )
        people.add_date(session=s, data={"person_id": ben, "label": "birthday", "month": 1,
                                         "day": 5})  # fmt: skip
    assert again.id == first.id and again.year == 2019
    with db.session() as s:
        got = [
            (d.label, d.month, d.day, d.year) for d in people.list_dates(session=s, person_id=ana)
        ]
    assert got == [("birthday", 2, 29, None), ("moved to Leeds", 9, 1, 2019)]
    with db.write() as s:
        removed = people.delete_person(session=s, person_id=ana)
    with db.session() as s:
        assert people.list_dates(session=s, person_id=ana) == []
        assert len(people.list_dates(session=s, person_id=ben)) == 1
    with db.write() as s:  # undo brings them back
        revert(session=s, change=removed)
    with db.session() as s:
        assert len(people.list_dates(session=s, person_id=ana)) == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"label": "birthday", "month": 13, "day": 1}, "Month"),
        ({"label": "birthday", "month": 4, "day": 31}, "not in that month"),
        ({"label": "birthday", "month": 2, "day": 29, "year": 2001}, "not in that month"),
        ({"label": "birthday", "month": 2, "day": 0}, "Day"),
        ({"label": "birthday", "month": 2, "day": 3, "year": 0}, "Year"),
        ({"label": "birthday", "month": 2, "day": 3, "year": 10000}, "Year"),
        ({"label": "", "month": 2, "day": 3}, "can't be empty"),
        ({"label": "a\nb", "month": 2, "day": 3}, "control characters"),
        ({"label": "x" * 101, "month": 2, "day": 3}, "at most 100"),
    ],
)
def test_bad_dates_are_refused_with_a_reason(db: Database, data: dict[str, object],
                                             message: str) -> None:  # fmt: skip
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
    with pytest.raises(InvalidInput, match=message), db.write() as s:
        people.add_date(session=s, data={"person_id": ana, **data})
    with pytest.raises(NotFound), db.write() as s:
        people.add_date(session=s, data={"person_id": ana + 99, "label": "x", "month": 1,
                                         "day": 1})  # fmt: skip


def test_people_and_places_are_listed_as_a_reader_sorts_names(db: Database) -> None:
    """Accents and case set aside: Ångström with the A's, not after Zoë (where comparing code
    points, as SQL's lower() does, put every accented first letter); from the first letter,
    so a name that begins with a bracket or a quote is not above everyone."""
    names = ["Zoë", "émile", "Ångström", "bob", "Émile", "Łukasz", "Lara", "[bold]Vera[/] 🌻",
             "'Tis"]  # fmt: skip
    with db.write() as s:
        group = people.create_context(session=s, data={"name": "Öffentliche Bibliothek"}).id
        people.create_context(session=s, data={"name": "Zither club"})
        people.create_context(session=s, data={"name": "art class"})
        ids = [
            people.create_person(session=s, data={"name": n, "context_ids": [group]}).id
            for n in names
        ]
        people.log_interaction(
            session=s,
            data={"person_ids": ids, "occurred_at": at("2026-11-20"), "channel": Channel.IN_PERSON},
        )
    with db.session() as s:
        assert [p.name for p in people.list_people(session=s)] == [
            "Ångström", "bob", "[bold]Vera[/] 🌻", "Émile", "émile", "Lara", "Łukasz", "'Tis", "Zoë",
        ]  # fmt: skip
        assert [c.name for c in people.list_contexts(session=s)] == [
            "art class", "Öffentliche Bibliothek", "Zither club",
        ]  # fmt: skip
        [met] = people.list_interactions(session=s)
        assert met.people == [  # Émile and émile share a name: their numbers tell them apart
            "Ångström", "bob", "[bold]Vera[/] 🌻", f"Émile (#{ids[4]})", f"émile (#{ids[1]})",
            "Lara", "Łukasz", "'Tis", "Zoë",
        ]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "kind"),
    [("Family", "family"), ("Work", "work"), ("Community choir", "hobby"),
     ("Neighbours", "neighbourhood"), ("St Mary's Church", "faith"), ("Old friends", "friends"),
     ("Evening class", "school"), ("Volunteering at the food bank", "volunteering"),
     ("Discord server", "online"), ("Café Nord", "other")],
)  # fmt: skip
def test_a_part_of_life_added_by_name_takes_the_kind_its_name_says(
    db: Database, name: str, kind: str
) -> None:
    """`add Kwame --context Family` made a part of life of kind "other", as every one added
    by name was: the Contexts tab's column said nothing (nu165). A kind chosen stays."""
    with db.write() as s:
        made = people.create_context(session=s, data={"name": name})
        chosen = people.create_context(session=s, data={"name": f"{name} 2", "kind": "online"})
    assert (made.kind, chosen.kind) == (kind, "online")
