"""Import people from a .vcf file: choose the file, see who would come in, then add them."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Label, Static

from planner_tui import words
from planner_tui.errors import PlannerError
from planner_tui.files import typed_path
from planner_tui.names import sort_key
from planner_tui.services.vcard import Card, Contents, ImportResult, PreviewRow
from planner_tui.terminal import shorten
from planner_tui.ui.screens.base import KeepsStyles, say_in_sight, text
from planner_tui.ui.screens.tables import Table
from planner_tui.ui.widgets.answers import Answers
from planner_tui.ui.widgets.fields import TextField
from planner_tui.ui.widgets.footer import DialogFooter
from planner_tui.words import plural, preview_found, sentence


class VcardImport(KeepsStyles, DialogFooter, ModalScreen[ImportResult | None]):
    BINDINGS = [Binding("escape", "close", "Close")]
    AUTO_FOCUS = "#vcf-path"  # not the scrolling dialog around it

    def __init__(self) -> None:
        super().__init__()
        self.cards: list[Card] = []
        self.rows: list[PreviewRow] = []
        """The preview's rows, in the order shown."""
        self.adding = False
        """Whether the cards are being added (set in the thread too, when adding fails)."""
        self.adding_said = ""

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog wide", id="vcf-dialog"):
            yield Label("Import people from a vCard file", classes="dialog-title")
            yield Static(
                "Phones and mail apps export contacts as .vcf. Names, nicknames, notes, "
                "birthdays and anniversaries are kept. Type the file's path and "
                "press Enter to see who is in it, and what would be left out.",
                markup=False,
                id="vcf-intro",
            )
            yield TextField(placeholder="e.g. ~/Downloads/contacts.vcf", id="vcf-path")
            yield Static("", id="vcf-status", markup=False)
            preview = Table(id="vcf-preview", cursor_type="row")
            preview.add_columns("name", "nickname", "birthday", "already here?")
            preview.give_way = (-1, 0, 1)  # at 80 columns the last was cut to "already"
            preview.display = False
            yield preview
            yield Static("", id="vcf-row", markup=False)
            yield Answers(
                Button("Add the new ones", id="vcf-add", variant="primary", disabled=True),
                Button("Add, and merge the others", id="vcf-merge", disabled=True),
                Button("Close  esc", id="vcf-close"),
            )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if not event.value.strip():  # read as ".", it was said to be a folder
            self.status("Type the path of a .vcf file, then Enter.")
            return
        self.query_one("#vcf-status", Static).update("Reading…")
        self.read(typed_path(event.value))

    @work(thread=True, exclusive=True)
    def read(self, path: Path) -> None:
        from planner_tui.services import vcard
        from planner_tui.ui.app import PlannerApp

        assert isinstance(self.app, PlannerApp)
        try:
            if path.is_dir():
                raise PlannerError(f"{path} is a folder: type the path of a .vcf file in it.")
            if not path.is_file():  # a device (/dev/zero) is there, but isn't a file
                there = path.exists()
                said = f"{path} is not a file" if there else f"There is no file at {path}"
                raise PlannerError(f"{said}: type the path of a .vcf file.")
            contents = vcard.load(path)
            rows = self.app.backend.read(partial(vcard.preview, cards=contents.cards))
        except vcard.NotVCard as error:  # a journal or an export, given here (nu236)
            self.app.call_from_thread(self.status, f"{error} {words.IMPORT_THE_REST}")
            return
        except PlannerError as error:
            self.app.call_from_thread(self.status, str(error))
            return
        self.app.call_from_thread(self.show_preview, contents, rows)

    def status(self, message: str) -> None:
        say_in_sight(self.query_one("#vcf-status", Static), message)

    def show_preview(self, contents: Contents, rows: list[PreviewRow]) -> None:
        self.cards = contents.cards
        self.rows = sorted(rows, key=lambda row: sort_key(row.card.name))  # as lists of people
        table = self.query_one("#vcf-preview", DataTable)
        table.clear()
        for row in self.rows:
            birthday = str(row.card.birthday) if row.card.birthday else ""
            table.add_row(
                text(shorten(row.card.name, 40)),  # as the Map's list: the columns stay in view
                text(row.card.nickname),
                birthday,
                text(row.status()),
            )
        table.display = bool(rows)
        # The list takes the room the words above it had, and the buttons stay in view.
        self.query_one("#vcf-dialog").set_class(bool(rows), "-previewing")
        self.query_one("#vcf-intro").display = not rows
        for part in (self.query_one("#vcf-path", Input), *self.query(Button)):
            part.compact = bool(rows)  # at 80x24 the list needs every line it can have
        self.say_row(0)
        if rows:  # a long note of what was left out above it scrolls away, not the list
            self.call_after_refresh(table.scroll_visible, animate=False)
        new = sum(1 for row in rows if row.duplicate_of is None)
        here = sum(1 for row in rows if row.already_here)
        found = (
            f"{plural(len(rows), 'card')}: {preview_found(here, len(rows) - new - here, new)}."
            if rows
            else "No cards with a name in that file."
        )
        self.status(" ".join([found, *contents.summary()]))
        add = self.query_one("#vcf-add", Button)
        add.disabled = not rows
        self.query_one("#vcf-merge", Button).disabled = new == len(rows)
        if rows:  # Enter now adds them (in the box, it read the file again: nothing added)
            add.focus(scroll_visible=False)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.say_row(event.cursor_row)

    def say_row(self, index: int) -> None:
        """In full, for the row the cursor is on, what its narrow column can only begin."""
        row = self.rows[index] if 0 <= index < len(self.rows) else None
        said = sentence(f"{row.card.name}: {row.status()}") if row and row.duplicate_of else ""
        self.query_one("#vcf-row", Static).update(text(said))

    def action_close(self) -> None:
        """Closed while adding, the window went and the cards went on coming in unseen: no
        word when they were in, and the Map still showed the people before (nu196). Adding
        can't stop halfway (it is one transaction), so the window stays until it is done."""
        if self.adding:
            self.app.bell()
            self.status(f"{self.adding_said} {words.ADDING_GOES_ON}")
            return
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "vcf-close":
            self.action_close()
        elif event.button.id in ("vcf-add", "vcf-merge") and self.cards:
            # Said at once, and not done twice: 3,000 cards took 10-20 s with no sign of
            # anything happening (nu180). (The buttons stay as they are: one put out of
            # use hands its focus on, and the next Enter closed the window.)
            if self.adding:
                self.app.bell()
                return
            self.adding = True
            self.adding_said = f"Adding from {plural(len(self.cards), 'card')}…"
            self.status(self.adding_said)
            self.add("merge" if event.button.id == "vcf-merge" else "skip")

    @work(thread=True, exclusive=True)
    def add(self, duplicates: str) -> None:
        from planner_tui.services import vcard
        from planner_tui.ui.app import PlannerApp

        assert isinstance(self.app, PlannerApp)
        try:
            result = self.app.backend.write(
                partial(vcard.import_cards, cards=self.cards, duplicates=duplicates)
            )
        except PlannerError as error:
            self.adding = False
            self.app.call_from_thread(self.status, str(error))
            return
        self.app.call_from_thread(self.app.notify, result.said())
        self.app.call_from_thread(self.dismiss, result)
