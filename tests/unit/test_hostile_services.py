"""Every field the services take, tried with every hostile value (tests/hostile.py), on
both engines: each value is stored exactly as typed (names and tags: trimmed; tags: one
case), or refused with one clear line — and a refusal changes nothing else."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest
from sqlmodel import Session

from planner_tui import clock
from planner_tui.db import tag_key
from planner_tui.db.engine import Database
from planner_tui.errors import InvalidInput
from planner_tui.services import journal, people, review, steps, support

from ..hostile import NUMBERS, TEXT, one_clear_line, stored_data

WHEN = datetime(2026, 11, 24, 18, 0).replace(tzinfo=clock.local_zone())


def setup(session: Session) -> dict[str, int]:
    person = people.create_person(session=session, data={"name": "Keeper"}).id
    step = steps.create_step(
        session=session, data={"person_id": person, "action": "wave", "due_at": WHEN}
    ).id
    return {"person": person, "step": step}


Write = Callable[[Session, dict[str, int], Any], Any]
"""Writes the value into one field; returns what reading it back gives."""


def person_field(field: str) -> Write:
    def write(s: Session, ids: dict[str, int], value: Any) -> Any:
        data = {"name": "Someone", field: value}
        return getattr(people.create_person(session=s, data=data), field)

    return write


def journal_field(field: str) -> Write:
    def write(s: Session, ids: dict[str, int], value: Any) -> Any:
        entry = journal.save_entry(session=s, data={"day": date(2026, 11, 20), field: value})
        return getattr(journal.get_entry(session=s, entry_id=entry.id), field)

    return write


def step_field(field: str) -> Write:
    def write(s: Session, ids: dict[str, int], value: Any) -> Any:
        data = {"person_id": ids["person"], "action": "call", "due_at": WHEN, field: value}
        return getattr(steps.create_step(session=s, data=data), field)

    return write


def context_name(s: Session, ids: dict[str, int], value: Any) -> Any:
    return people.create_context(session=s, data={"name": value}).name


def interaction_note(s: Session, ids: dict[str, int], value: Any) -> Any:
    data = {"occurred_at": WHEN, "person_ids": [ids["person"]], "note": value}
    return people.log_interaction(session=s, data=data).note


def interaction_warmth(s: Session, ids: dict[str, int], value: Any) -> Any:
    data = {"occurred_at": WHEN, "person_ids": [ids["person"]], "warmth": value}
    return people.log_interaction(session=s, data=data).warmth


def outcome_note(s: Session, ids: dict[str, int], value: Any) -> Any:
    outcome = {"status": "done", "note": value}
    return steps.record_outcome(session=s, step_id=ids["step"], outcome=outcome).step.outcome_note


def journal_tag(s: Session, ids: dict[str, int], value: Any) -> Any:
    entry = journal.save_entry(session=s, data={"day": date(2026, 11, 20), "tags": [value]})
    return journal.get_entry(session=s, entry_id=entry.id).tags[0]


def month_field(field: str) -> Write:
    def write(s: Session, ids: dict[str, int], value: Any) -> Any:
        data = {"month": "2026-11", field: [value] if field == "intentions" else value}
        saved = review.save_month_notes(session=s, data=data)
        if field == "intentions":
            return saved.intentions[0] if saved.intentions else None
        return getattr(saved, field)

    return write


def month_key(s: Session, ids: dict[str, int], value: Any) -> Any:
    return review.save_month_notes(session=s, data={"month": value}).month


def trusted_field(field: str) -> Write:
    def write(s: Session, ids: dict[str, int], value: Any) -> Any:
        row = {"name": "Mum" if field == "reach" else "", "reach": "", field: value}
        saved = support.save_trusted(session=s, contacts=[row])
        return getattr(saved[0], field) if saved else None

    return write


def loneliness_item(s: Session, ids: dict[str, int], value: Any) -> Any:
    data = {"month": "2026-11", "lack_companionship": value, "left_out": 1, "isolated": 1}
    return review.save_loneliness_check(session=s, data=data).lack_companionship


def trimmed(value: str) -> str:
    return value.strip()


def exact(value: str) -> str:
    return value


def blank_is_none(value: str) -> str | None:
    """Fields where leaving it blank means "none" (no repeat, no intention, no row)."""
    return value.strip() or None


TEXT_FIELDS: dict[str, tuple[Write, Callable[[str], str]]] = {
    "person name": (person_field("name"), trimmed),
    "person nickname": (person_field("nickname"), trimmed),  # a name, or none
    "person notes": (person_field("notes"), exact),
    "person boundaries": (person_field("boundaries"), exact),
    "context name": (context_name, trimmed),
    "interaction note": (interaction_note, exact),
    "step action": (step_field("action"), trimmed),
    "step cue": (step_field("cue"), exact),
    "step backup": (step_field("backup"), exact),
    "step repeat rule": (step_field("rrule"), blank_is_none),
    "outcome note": (outcome_note, exact),
    "journal text": (journal_field("body"), exact),
    "what brought warmth": (journal_field("warmth_note"), exact),
    "what made me withdraw": (journal_field("withdraw_note"), exact),
    "journal tag": (journal_tag, tag_key),
    "intention": (month_field("intentions"), blank_is_none),
    "month wins": (month_field("wins"), exact),
    "month note": (month_field("note"), exact),
    "review month": (month_key, exact),
    "trusted name": (trusted_field("name"), blank_is_none),
    "trusted reach": (trusted_field("reach"), exact),
}
NUMBER_FIELDS: dict[str, Write] = {
    "person cadence": person_field("cadence_days"),
    "journal mood": journal_field("mood"),
    "journal connectedness": journal_field("connectedness"),
    "journal support": journal_field("support"),
    "comfort giving": journal_field("comfort_giving"),
    "comfort receiving": journal_field("comfort_receiving"),
    "interaction warmth": interaction_warmth,
    "expected awkwardness": step_field("expected_awkwardness"),
    "confidence": step_field("confidence"),
    "loneliness item": loneliness_item,
}
CASES = [
    pytest.param(field, value, id=f"{field}: {label}")
    for field in TEXT_FIELDS
    for label, value in TEXT.items()
] + [
    pytest.param(field, value, id=f"{field}: {label}")
    for field in NUMBER_FIELDS
    for label, value in NUMBERS.items()
]


def written(before: dict[str, list[str]], after: dict[str, list[str]]) -> str:
    """The rows a write added or changed, as text to look for the stored value in."""
    return "\n".join(row for name, rows in after.items() for row in rows
                     if row not in before.get(name, []))  # fmt: skip


@pytest.mark.parametrize(("field", "value"), CASES)
def test_every_field_stores_exactly_or_refuses_clearly(
    db: Database, field: str, value: Any
) -> None:
    with db.write() as s:
        ids = setup(s)
    before = stored_data(db)
    try:
        with db.write() as s:
            if field in TEXT_FIELDS:
                write, expected = TEXT_FIELDS[field]
                stored = write(s, ids, value)
            else:
                stored = NUMBER_FIELDS[field](s, ids, value)
    except InvalidInput as refusal:
        one_clear_line(str(refusal), typed=value if isinstance(value, str) else "")
        assert stored_data(db) == before  # a refusal changes nothing, in any table
        return
    after = stored_data(db)
    assert after != before  # what was accepted was written
    if field in TEXT_FIELDS:
        assert stored == expected(value)
        if stored:  # …and is in the database as read back, not only in what was returned
            assert repr(stored)[1:-1] in written(before, after), (field, repr(stored)[:80])
    else:
        assert isinstance(stored, int) and not (isinstance(value, float) and math.isnan(value))
        assert stored == int(value)
        assert repr(stored) in written(before, after)
