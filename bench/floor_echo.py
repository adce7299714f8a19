"""Floor app (b): the smallest Textual app that echoes a typed key — Header, Input, Static,
Footer. A key's time from the terminal to its settled echo is the keystroke floor that
bench/tmux_bench.py compares the app's keys with.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Input, Static


class Echo(App[None]):
    TITLE = "floor-echo"
    BINDINGS = [Binding("ctrl+q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="type here")
        yield Static("echo: ", id="echo", markup=False)
        yield Footer()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#echo", Static).update(f"echo: {event.value}")


if __name__ == "__main__":
    Echo().run()
