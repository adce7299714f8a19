"""Write the planned steps to an iCalendar file that calendar apps import."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from planner_tui.errors import PlannerError
from planner_tui.ui.screens.base import text

DEFAULT_FILE = "~/planner-tui-steps.ics"


class CalendarExport(ModalScreen[Path | None]):
    BINDINGS = [Binding("escape", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Small steps as a calendar file", classes="dialog-title")
            yield Static(
                "Planned steps, repeats included, as an .ics file your calendar app can "
                "import. Names and step words go into the file; nothing is sent anywhere. "
                "Enter writes it; Esc closes.",
                markup=False,
            )
            yield Input(DEFAULT_FILE, id="ics-path")
            yield Static("", id="ics-status", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        typed = event.value.strip()
        if not typed:
            self.say("Type where the file should go, e.g. ~/steps.ics")
            return
        self.say("Writing…")
        self.export(Path(typed).expanduser())

    def say(self, message: str) -> None:
        self.query_one("#ics-status", Static).update(text(message))

    @work(thread=True, exclusive=True, exit_on_error=False)
    def export(self, path: Path) -> None:
        from planner_tui.services import exchange
        from planner_tui.ui.app import PlannerApp

        assert isinstance(self.app, PlannerApp)
        try:
            if path.is_dir():
                raise PlannerError(f"{path} is a folder; add a file name, like steps.ics.")
            data = self.app.backend.read(exchange.export_ics)
            exchange.write_file(path, data)
        except PlannerError as error:
            self.app.call_from_thread(self.say, str(error))
            return
        events = data.count(b"BEGIN:VEVENT")
        self.app.call_from_thread(
            self.app.notify, f"Wrote {events} planned steps to {path}.", title="Calendar file"
        )
        self.app.call_from_thread(self.dismiss, path)
