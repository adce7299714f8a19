"""Every text field of the forms, tried with every hostile value (tests/hostile.py) through
Pilot: saving either stores exactly what the field held, or keeps the form open with a note
beside it and the text still there. The app never crashes and shows everything as text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from sqlmodel import Session
from textual.widgets import Input, TextArea

from planner_tui.db.engine import Database
from planner_tui.services import journal, people, review, steps, support
from planner_tui.ui.forms.base import FormScreen, Problem

from ..hostile import TEXT, one_clear_line, stored_data
from .test_app import make_app, press


@dataclass(frozen=True)
class Field:
    keys: tuple[str, ...]
    """From Today: the keys that open the form."""
    field: str
    stored: Callable[[Session], list[str]]
    """Every value of this field now in the database."""
    needs: dict[str, str] | None = None
    """Other fields to fill so the form can save."""
    trim: bool = False
    parsed: bool = False
    """The field's text is read (a day, a time, a rhythm), not stored as typed."""


def people_field(name: str) -> Callable[[Session], list[str]]:
    return lambda s: [getattr(p, name) for p in people.list_people(session=s)]


def journal_field(name: str) -> Callable[[Session], list[str]]:
    return lambda s: [getattr(e, name) for e in journal.list_entries(session=s, limit=None)]


FIELDS = {
    "person name": Field(("m", "n"), "name", people_field("name"), trim=True),
    "person nickname": Field(("m", "n"), "nickname", people_field("nickname"), {"name": "N"}),
    "person notes": Field(("m", "n"), "notes", people_field("notes"), {"name": "N"}),
    "person boundaries": Field(("m", "n"), "boundaries", people_field("boundaries"), {"name": "N"}),
    "person rhythm": Field(("m", "n"), "cadence", lambda s: [], {"name": "N"}, parsed=True),
    "context name": Field(
        ("m", "c"),
        "name",
        lambda s: [c.name for c in people.list_contexts(session=s)],
        trim=True,
    ),
    "contact when": Field(("m", "l"), "when", lambda s: [], parsed=True),
    "contact note": Field(
        ("m", "l"), "note", lambda s: [i.note for i in people.list_interactions(session=s)]
    ),
    "step words": Field(
        ("p", "e"), "words", lambda s: [st.action for st in steps.list_steps(session=s)], trim=True
    ),
    "check-in day": Field(("c",), "day", lambda s: [], parsed=True),
    "check-in text": Field(("c",), "body", journal_field("body")),
    "check-in warmth": Field(("c",), "warmth_note", journal_field("warmth_note")),
    "check-in withdraw": Field(("c",), "withdraw_note", journal_field("withdraw_note")),
    "intention": Field(
        ("r", "n"),
        "intention0",
        lambda s: review.current_intentions(session=s, today=date(2026, 12, 1)),
        trim=True,
    ),
    "month wins": Field(
        ("r", "n"),
        "wins",
        lambda s: [
            n.wins for n in [review.review_month(session=s, month=date(2026, 11, 1)).notes] if n
        ],
    ),
    "trusted name": Field(
        ("question_mark", "e"),
        "name0",
        lambda s: [p.name for p in support.list_trusted(session=s)],
        trim=True,
    ),
    "trusted reach": Field(
        ("question_mark", "e"),
        "reach0",
        lambda s: [p.reach for p in support.list_trusted(session=s)],
        {"name0": "Mum"},
    ),
}


def put(form: FormScreen[object], field: str, value: str) -> None:
    widget = form.query_one(f"#{field}")
    if isinstance(widget, TextArea):
        widget.text = value
    else:
        assert isinstance(widget, Input)
        widget.value = value


def held(form: FormScreen[object], field: str) -> str:
    widget = form.query_one(f"#{field}")
    return widget.text if isinstance(widget, TextArea) else widget.value  # type: ignore[union-attr]


@pytest.mark.parametrize("name", list(FIELDS))
async def test_every_form_field_saves_exactly_or_keeps_the_text_with_a_note(
    sqlite_db: Database, name: str
) -> None:
    spec = FIELDS[name]
    with sqlite_db.write() as s:
        keeper = people.create_person(session=s, data={"name": "Keeper"}).id
        tomorrow = datetime(2026, 11, 24, 18, tzinfo=UTC)
        steps.create_step(
            session=s, data={"person_id": keeper, "action": "call", "due_at": tomorrow}
        )
    app = make_app(sqlite_db)
    tried = 0
    async with app.run_test(size=(120, 50)) as pilot:
        await press(app, pilot, *spec.keys)
        for n, value in enumerate(TEXT.values()):
            if not isinstance(app.screen, FormScreen):  # saved: back where it opened from
                await press(app, pilot, spec.keys[-1])
            form = app.screen
            assert isinstance(form, FormScreen), name
            for other, filler in (spec.needs or {}).items():
                put(form, other, f"{filler} {n}")
            put(form, spec.field, value)
            typed = held(form, spec.field)  # what the field holds (a max length may cut)
            before = stored_data(sqlite_db)
            await press(app, pilot, "ctrl+s")
            tried += 1
            if app.screen is form:  # refused: a note says why, and nothing typed is lost
                notes = [str(p.render()).strip() for p in form.query(Problem) if p.display]
                notes = [note for note in notes if note]
                assert notes, (name, value[:40])
                for note in notes:
                    one_clear_line(note, typed=typed)
                assert held(form, spec.field) == typed
                assert stored_data(sqlite_db) == before, (name, value[:40])  # nothing saved
                continue
            with sqlite_db.session() as s:
                stored = spec.stored(s)
            if spec.trim and not typed.strip():
                # a blank intention or name is simply left out
                assert all(str(kept).strip() for kept in stored), (name, stored)
                continue
            assert stored_data(sqlite_db) != before, (name, value[:40])  # closed: it saved
            if spec.parsed:
                continue  # read as a time or a rhythm: what it means was saved, not the words
            assert (typed.strip() if spec.trim else typed) in stored, (name, value[:40])
        assert app.is_running
    assert tried == len(TEXT)
