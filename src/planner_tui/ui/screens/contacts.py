"""A month's contacts, one a row, opened from the Review (`c`): the contacts its figures
count, each one a key from being changed (`e`, Enter) or deleted (`x`; `u` undoes)."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

from dateutil.relativedelta import relativedelta
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable

from planner_tui import clock, words
from planner_tui.terminal import shorten
from planner_tui.ui.screens.base import Note, Section, ViewScreen
from planner_tui.ui.screens.tables import cursor_in_sight, fill, table

if TYPE_CHECKING:
    from planner_tui.db.models import InteractionRead


class ContactsScreen(ViewScreen):
    PAGE = True
    ENTER = ("Change", "Change or delete the contact")
    TITLE = "Contacts"
    AUTO_FOCUS = "#contacts"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("e", "edit", "Change", tooltip="Change the contact selected"),
        Binding("x", "delete", "Delete", tooltip="Delete the contact selected (u undoes)"),
    ]

    def __init__(self, month: date) -> None:
        super().__init__()
        self.month = month.replace(day=1)
        self.contacts: list[InteractionRead] = []

    def compose_body(self) -> ComposeResult:
        yield Section(f"Contacts in {clock.strftime(self.month, '%B %Y')}, newest first")
        yield Note(id="contacts-empty", classes="muted")
        yield table(
            "contacts",
            "when",
            "with",
            "how",
            "began",  # who reached out: me, them or both
            "warmth",
            "note",
            give_way=(-1, 1, 3, 2),
        )
        yield Note(
            "Enter or e: change a contact · x: delete it (u undoes) · Esc: back to the review",
            classes="muted",
        )

    def freshness(self) -> tuple[Any, ...]:
        return (*super().freshness(), self.month)

    def load(self) -> list[InteractionRead]:
        from planner_tui.services import people

        start, end = people.day_window(self.month, self.month + relativedelta(months=1))
        return self.planner.backend.read(
            partial(people.list_interactions, start=start, end=end, limit=None)
        )

    def show(self, data: list[InteractionRead]) -> None:
        self.sub_title = clock.strftime(self.month, "%B %Y")
        self.contacts = data
        fill(
            self.query_one("#contacts", DataTable),
            [
                (
                    words.when(c.occurred_at),
                    shorten(with_whom(c), 40),
                    # the command line's short words, so the names keep their room at 80
                    # columns (nu173: "text / …", "I reached …"); the form says each in full
                    c.channel.value.replace("_", " "),
                    c.initiator.value if c.initiator.value != "mutual" else "both",
                    f"{c.warmth}/5" if c.warmth else "",
                    words.first_line(c.note, 50),
                )
                for c in data
            ],
        )
        self.query_one("#contacts-empty", Note).set(
            "" if data else "No contact logged in this month."
        )

    def selected(self) -> InteractionRead | None:
        grid = self.query_one("#contacts", DataTable)
        if not self.contacts or not cursor_in_sight(grid):
            return None
        return self.contacts[min(grid.cursor_row, len(self.contacts) - 1)]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit()

    def action_edit(self) -> None:
        from planner_tui.ui.corrections import edit_contact

        contact = self.selected()
        if contact is not None:
            edit_contact(self.planner, contact)

    def action_delete(self) -> None:
        from planner_tui.ui.corrections import delete_contact

        contact = self.selected()
        if contact is not None:
            delete_contact(self.planner, contact)


def with_whom(contact: InteractionRead) -> str:
    """The people, and where when it was at a part of life (a small moment at the choir
    with no one named showed an empty cell)."""
    who = ", ".join(contact.people)
    return f"{who} at {contact.context}".strip() if contact.context else who
