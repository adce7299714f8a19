"""Going to a month in the Review by its name or number: ← and → alone took minutes to
reach a month years back (nu262)."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from planner_tui import clock
from planner_tui.errors import InvalidInput
from planner_tui.ui.screens.base import KeepsStyles, text
from planner_tui.ui.widgets.fields import TextField
from planner_tui.ui.widgets.footer import DialogFooter


class MonthPrompt(KeepsStyles, DialogFooter, ModalScreen[date | None]):
    """Returns the first day of the month typed, or None (Escape)."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Close")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Go to a month", classes="dialog-title")
            yield Static(
                "Type a month and press Enter: 2019-03, 03/2019, march 2019, or a month's name "
                "for the latest one of that name.",
                markup=False,
            )
            yield TextField(id="month")
            yield Static(id="month-problem", classes="problem")

    def on_mount(self) -> None:
        self.query_one("#month-problem").display = False
        self.query_one("#month", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        from planner_tui.services.review import parse_month  # loaded by now: the Review is open

        event.stop()
        try:
            month = parse_month(event.value) if event.value.strip() else None
        except InvalidInput as error:
            self.say(str(error))
            return
        latest = clock.today().replace(day=1)  # as → goes no further (ReviewScreen.action_move)
        if month is not None and month > latest:
            self.say(
                f"That month is still to come: the latest is {clock.strftime(latest, '%B %Y')}."
            )
            return
        self.dismiss(month)

    def say(self, problem: str) -> None:
        shown = self.query_one("#month-problem", Static)
        shown.update(text(problem))
        shown.display = True
