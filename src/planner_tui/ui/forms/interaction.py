"""Logging an interaction in a few keystrokes: who, when (as you'd say it), and how it went.
With no one from the map and a part of life chosen, it is a small moment (a chat with a
neighbour): it counts for that part of life, and for no one's rhythm."""

from __future__ import annotations

from functools import partial
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Checkbox, Input, Select, Static, TextArea

from planner_tui import clock, words
from planner_tui.db.models import (
    LOGGED_CHANNEL,
    LOGGED_INITIATOR,
    Channel,
    ContextRead,
    Initiator,
    InteractionRead,
    PersonRead,
    label,
)
from planner_tui.errors import InvalidInput, NotFound
from planner_tui.ui.forms.base import Field, FormScreen, Line, PeopleChips, Problem
from planner_tui.ui.screens.base import text
from planner_tui.ui.widgets.fields import TextBox, TextField
from planner_tui.ui.widgets.ticks import Dropdown, Tick
from planner_tui.when import CLOCK_SLACK, parse_when, read_back, typed

WARMTH = [
    words.score(n) + (f" · {said}" if said else "")
    for n, said in enumerate(("cool", "", "fine", "", "very warm"), start=1)
]
"""The warmth choices, each shown as it will be afterwards ('5/5 · very warm')."""


def as_typed(contact: InteractionRead) -> dict[str, Any]:
    """A logged contact as the form's fields hold it (to change it)."""
    return {
        "people": contact.person_ids,
        "when": typed(clock.to_local(contact.occurred_at)),
        "context": contact.context_id,
        "channel": contact.channel.value,
        "initiator": contact.initiator.value,
        "warmth": contact.warmth,
        **{key: getattr(contact, key) for key in words.SUPPORT},
        "note": contact.note,
    }


class InteractionForm(FormScreen[Any]):
    """Log a contact — or, given *contact*, change one logged before."""

    TITLE = "Log a contact"
    WORDS = "#note"
    MOMENTS = {"when": ("past", False)}
    FIELD_WORDS = {"people": "who", "context": "part of life", "channel": "how",
                   "initiator": "who reached out", "warmth": "how warm",
                   **{key: f"“{said}”" for key, said in words.SUPPORT.items()}}  # fmt: skip

    def __init__(
        self,
        people: list[PersonRead],
        contexts: list[ContextRead],
        *,
        person_ids: list[int] | None = None,
        context_id: int | None = None,
        contact: InteractionRead | None = None,
    ) -> None:
        if contact is None:
            # A draft of its own for each start (a person, a part of life): one begun with
            # Ana came back, with Ana, when l was pressed on Bo.
            key = "interaction:new"
            if person_ids:
                key += f":people:{','.join(map(str, sorted(person_ids)))}"
            elif context_id is not None:
                key += f":context:{context_id}"
            super().__init__(
                key,
                {"people": person_ids or [], "when": "now", "context": context_id},
            )
        else:
            super().__init__(f"interaction:{contact.id}", as_typed(contact))
            self.heading = "Change this contact"
        self.people = people
        self.contexts = contexts
        self.contact = contact

    def stored_now(self) -> dict[str, Any] | None:
        """The contact being changed, as stored now: a change saved in another window
        meanwhile is kept, or asked about (the last save undid it)."""
        from planner_tui.services import people

        if self.contact is None:
            return None
        found = self.planner.backend.read(
            partial(people.list_interactions, interaction_ids=[self.contact.id], limit=None)
        )
        if not found:
            raise NotFound(words.gone("contact"))
        return as_typed(found[0])

    def compose_fields(self) -> ComposeResult:
        yield Field("With whom — type a name, Enter to add (several allowed)")
        yield PeopleChips()
        yield Static(
            "Someone not on your map? Leave this empty and choose the part of life below: "
            "it is kept as a small moment.",
            classes="muted",
            markup=False,
        )
        yield Field("When — e.g. now, yesterday evening, last sat 3pm")
        yield TextField(id="when", value="now", select_on_focus=True)
        yield Line(id="when-preview", classes="muted")
        yield Problem(id="when-problem")
        with Horizontal(classes="row"):
            yield Dropdown(
                [(label(c), c.value) for c in Channel],
                id="channel",
                allow_blank=False,
                value=LOGGED_CHANNEL.value,
            )
            yield Dropdown(
                [(label(i), i.value) for i in Initiator],
                id="initiator",
                allow_blank=False,
                value=LOGGED_INITIATOR.value,
            )
        with Horizontal(classes="row"):
            yield Dropdown(
                [(text(c.name), c.id) for c in self.contexts],
                id="context",
                prompt="no particular context",
            )
            yield Dropdown(
                [(w, n) for n, w in enumerate(WARMTH, start=1)],
                id="warmth",
                prompt="how warm (optional)",
            )
        yield Field("Support: listening or comfort, and practical help, each way")
        keys = list(words.SUPPORT)
        for pair in (keys[:2], keys[2:]):  # what I gave, then what they gave
            with Horizontal(classes="row"):
                for key in pair:
                    yield Tick(words.SUPPORT[key], id=key)
        yield Field("Note (optional)")
        yield TextBox(id="note", classes="short")

    def on_mount(self) -> None:
        self.query_one(PeopleChips).set_people(self.people)

    # ---------------------------------------------------------------- the form contract

    def values(self) -> dict[str, Any]:
        def chosen(widget_id: str) -> Any:
            value = self.query_one(f"#{widget_id}", Select).value
            return None if value is Select.NULL else value

        return {
            "people": list(self.query_one(PeopleChips).chosen),
            "typing": self.query_one(PeopleChips).typing,
            "when": self.query_one("#when", Input).value,
            "context": chosen("context"),
            "channel": chosen("channel"),
            "initiator": chosen("initiator"),
            "warmth": chosen("warmth"),
            **{key: self.query_one(f"#{key}", Checkbox).value for key in words.SUPPORT},
            "note": self.query_one("#note", TextArea).text,
        }

    def fill(self, values: dict[str, Any]) -> None:
        self.query_one(PeopleChips).set(values.get("people", []), str(values.get("typing", "")))
        self.query_one("#when", Input).value = str(values.get("when", "now"))
        known: dict[str, set[Any]] = {
            "context": {c.id for c in self.contexts},
            "channel": {c.value for c in Channel},
            "initiator": {i.value for i in Initiator},
            "warmth": set(range(1, 6)),
        }
        for key, allowed in known.items():
            if values.get(key) in allowed:
                self.query_one(f"#{key}", Select).value = values[key]
        for key in words.SUPPORT:
            self.query_one(f"#{key}", Checkbox).value = bool(values.get(key))
        self.query_one("#note", TextArea).text = str(values.get("note", ""))

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        problems = {}
        preview = self.query_one("#when-preview", Static)
        try:
            moment, shown = read_back(values["when"], lean="past")
        except InvalidInput as error:
            problems["when"] = str(error)
            preview.update("")
        else:
            preview.update(text("→ " + shown + self.year_asked(moment, values)))
            if moment > clock.now() + CLOCK_SLACK:
                problems["when"] = words.STILL_TO_COME
        return problems

    def submit(self, values: dict[str, Any]) -> Any:
        from planner_tui.services import people

        if not values["people"] and values["context"] is None:
            raise InvalidInput(
                "Add at least one person (type a name, then Enter) — or, for a small moment "
                "with someone not on your map, choose the part of life it was in.",
                field="people",
            )
        occurred_at = parse_when(values["when"], lean="past")
        self.ask_year(occurred_at, values)
        data = {
            "person_ids": values["people"],
            "occurred_at": occurred_at,
            "context_id": values["context"],
            "channel": values["channel"],
            "initiator": values["initiator"],
            "warmth": values["warmth"],
            "note": values["note"],
            **{key: values[key] for key in words.SUPPORT},
        }
        if self.contact is not None:
            from planner_tui.services import corrections

            return self.planner.backend.write(
                partial(corrections.update_interaction, interaction_id=self.contact.id, data=data)
            )
        return self.planner.backend.write(partial(people.log_interaction, data=data))

    def saved(self, result: Any) -> None:
        if self.contact is None and isinstance(result, InteractionRead) and not result.people:
            self.dirty = False
            self.app.notify(words.moment_kept(result.context or ""))
            self.dismiss(result)
            return
        if self.contact is not None:
            from planner_tui.ui.undo import remember

            when = words.when(self.contact.occurred_at)
            remember(self.app, f"the changes to the contact of {when}",
                     f"The contact of {when} is as it was.")(result)  # fmt: skip
        super().saved(result)

    def said_when_saved(self, result: Any) -> str:
        # a correction can be undone, as archive, merge and delete say (nu167: only "Saved.")
        return (
            "Saved; u undoes it." if self.contact is not None else super().said_when_saved(result)
        )

    def refused(self, message: str, field: str | None) -> None:
        super().refused(message, "people" if field == "person_ids" else field)
