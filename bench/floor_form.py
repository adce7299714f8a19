"""Floor app (c): a bare Textual app whose `c` opens a form built the way planner-tui's
check-in is — a dialog over the view, with its title, nine one-line text boxes (five of them
side by side for the ratings), a text area, read-back and note lines, two buttons and a
footer of its own: the same kinds and numbers of widgets, and nothing behind them (no data,
no draft, no checks). Its opening time is what any Textual app opening such a form costs
(bench/tmux_bench.py runs it beside the app).
"""

from __future__ import annotations

from floor_chrome import view
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Static, TextArea

FIELDS = ("Day", "People", "What brought warmth today?", "What made me want to withdraw?")
RATINGS = ("connected", "mood", "supported", "giving help", "receiving help")


class CheckInLike(ModalScreen[None]):
    BINDINGS = [Binding("ctrl+s", "dismiss", "Save"), Binding("escape", "dismiss", "Close")]
    DEFAULT_CSS = """
    CheckInLike { align: center middle; }
    CheckInLike > VerticalScroll {
        width: 90%; height: 90%; padding: 0 1; border: thick $primary; background: $surface;
    }
    CheckInLike Vertical, CheckInLike Horizontal { height: auto; }
    CheckInLike .rating { width: 1fr; }
    CheckInLike TextArea { height: 6; }
    CheckInLike .problem { display: none; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Label("Check-in of a bare app")
            yield Static("", classes="note")
            for n, name in enumerate(FIELDS):
                with Vertical():
                    yield Static(name)
                    yield Input()
                    if n < 3:
                        yield Static("", classes="problem")
            with Vertical():
                yield Static("How it was, 1 (low) to 5 (high)")
                with Horizontal():
                    for name in RATINGS:
                        with Vertical(classes="rating"):
                            yield Static(name)
                            yield Input()
            with Vertical():
                yield Static("Anything else")
                yield TextArea()
            yield Static("→ Monday 23 November 2026")
            with Horizontal():
                yield Button("Save  ctrl+s", variant="primary")
                yield Button("Close  esc")
        yield Footer()


class FormFloor(App[None]):
    TITLE = "floor-form"
    BINDINGS = [
        Binding("c", "open_form", "Check-in"),
        Binding("question_mark", "help_panel", "Help", key_display="?"),
        Binding("q", "quit", "Quit"),
    ]

    def on_mount(self) -> None:
        self.push_screen(view("today")())

    def action_open_form(self) -> None:
        self.push_screen(CheckInLike())


if __name__ == "__main__":
    FormFloor().run()
