"""Asking for the passphrase of an encrypted planner, at start."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from planner_tui.ui.screens.base import KeepsStyles, text
from planner_tui.ui.widgets.footer import DialogFooter


class PassphrasePrompt(KeepsStyles, DialogFooter, ModalScreen[str | None]):
    """Returns the passphrase typed, or None (Escape) to leave."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Leave")]

    def __init__(self, problem: str = "") -> None:
        super().__init__()
        self.problem = problem

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("This planner is locked", classes="dialog-title")
            yield Static(
                "Your data is encrypted. Type its passphrase and press Enter "
                "(Escape closes planner-tui).",
                markup=False,
            )
            yield Input(password=True, id="passphrase")
            yield Static(text(self.problem), id="passphrase-problem", classes="problem")

    def on_mount(self) -> None:
        self.query_one("#passphrase-problem").display = bool(self.problem)
        self.query_one("#passphrase", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.value:
            self.dismiss(event.value)
