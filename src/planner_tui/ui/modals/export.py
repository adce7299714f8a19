"""Write something to a file the person names: the steps as a calendar file, a month's
review as Markdown. The file is written beside its final name first, then moved into place;
a file already there is replaced only when Enter is pressed again for it, and only when it is
text (:func:`planner_tui.services.exchange.check_replaceable`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from planner_tui import words
from planner_tui.errors import PlannerError
from planner_tui.files import typed_path
from planner_tui.ui.backend import Backend
from planner_tui.ui.screens.base import KeepsStyles, say_in_sight, text
from planner_tui.ui.widgets.fields import TextField
from planner_tui.ui.widgets.footer import DialogFooter

Make = Callable[[Backend], tuple[str | bytes, str]]
"""Runs in a worker: the file's contents, and what to say once it is written."""


class ExportFile(KeepsStyles, DialogFooter, ModalScreen[Path | None]):
    BINDINGS = [Binding("escape", "dismiss", "Close")]

    def __init__(self, title: str, about: str, default: str, make: Make, kind: str) -> None:
        """*kind*: the export it writes (a key of exchange.EXPORT_KINDS)."""
        super().__init__()
        self.heading, self.about, self.default, self.make = title, about, default, make
        self.kind = kind
        self.replacing: Path | None = None
        """A file already there that the next Enter replaces (it was said)."""

    def compose(self) -> ComposeResult:
        # It scrolls on a short screen (at 40x12 the box for the file's name was below the
        # edge, and Enter wrote a file named out of sight); the box is kept in view.
        with VerticalScroll(classes="dialog", can_focus=False):
            yield Label(text(self.heading), classes="dialog-title")
            yield Static(
                f"{self.about} Nothing is sent anywhere. Enter writes it; Esc closes.",
                markup=False,
            )
            yield TextField(self.default, id="export-path", select_on_focus=True)
            yield Static("", id="export-status", markup=False)

    def on_input_changed(self, _event: Input.Changed) -> None:
        self.replacing = None

    def on_input_submitted(self, event: Input.Submitted) -> None:
        typed = event.value.strip()
        if not typed:
            self.say(f"Type where the file should go, e.g. {self.default}")
            return
        self.say("Writing…")
        self.export(typed_path(typed))

    def ask_to_replace(self, path: Path, why_kept: str | None) -> None:
        """A file is there: replaced by the next Enter when it is an earlier export of this
        kind (exchange.kept_because); anything else is left as it is, as on the command line
        (a slip that named a person's notes replaced them on the second Enter)."""
        from planner_tui.services.exchange import EXPORT_KINDS

        if why_kept is not None:
            self.say(
                f"{path} is there already and {why_kept}, so it is left as it is: type another name."
            )
            return
        self.replacing = path
        self.say(
            f"{path} is there already (an earlier {EXPORT_KINDS[self.kind]} export). Enter "
            "again replaces it; or type another name."
        )

    def say(self, message: str) -> None:
        say_in_sight(self.query_one("#export-status", Static), message)

    @work(thread=True, exclusive=True)
    def export(self, path: Path) -> None:
        from planner_tui.services import exchange
        from planner_tui.ui.app import PlannerApp

        assert isinstance(self.app, PlannerApp)
        try:
            if path.is_dir():
                name = Path(self.default).name
                raise PlannerError(f"{path} is a folder; add a file name, like {name}.")
            exchange.check_replaceable(path)
            if path.exists() and path != self.replacing:
                why_kept = exchange.kept_because(path, self.kind)
                self.app.call_from_thread(self.ask_to_replace, path, why_kept)
                return
            data, done = self.make(self.app.backend)
            exchange.write_file(path, data)
        except PlannerError as error:
            self.app.call_from_thread(self.say, str(error))
            return
        said = words.wrote(done, path, replaced=path == self.replacing)
        self.app.call_from_thread(self.app.notify, said, title=self.heading)
        self.app.call_from_thread(self.dismiss, path)
