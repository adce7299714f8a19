"""Floor app (a): a bare Textual app with planner-tui's chrome — Header, five MODES with a
screen each, Footer, the same view keys — and nothing else. Its first frame and view switch
are what any Textual app built this way costs (bench/tmux_bench.py runs it beside the app).
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

VIEWS = {"today": "t", "map": "m", "plan": "p", "journal": "j", "review": "r"}


def view(name: str) -> type[Screen[None]]:
    class View(Screen[None]):
        TITLE = name.title()

        def compose(self) -> ComposeResult:
            yield Header()
            yield Static(f"The {name} view of a bare app", markup=False)
            yield Footer()

    View.__name__ = f"{name.title()}View"
    return View


def with_a_view(title: str, key: str, name: str, screen: type[Screen[None]]) -> App[None]:
    """A bare app on a Today like the one above, whose *key* shows *screen*: a view built
    like one of planner-tui's (bench/floor_map.py, bench/floor_review.py)."""

    class Floor(App[None]):
        TITLE = title
        MODES = {"today": view("today"), name: screen}
        DEFAULT_MODE = "today"
        BINDINGS = [
            Binding("t", "switch_mode('today')", "Today"),
            Binding(key, f"switch_mode('{name}')", name.title()),
            Binding("question_mark", "help_panel", "Help", key_display="?"),
            Binding("q", "quit", "Quit"),
        ]

    return Floor()


class Chrome(App[None]):
    TITLE = "floor-chrome"
    MODES = {name: view(name) for name in VIEWS}
    DEFAULT_MODE = "today"
    BINDINGS = [
        *(Binding(key, f"switch_mode('{name}')", name.title()) for name, key in VIEWS.items()),
        Binding("question_mark", "help_panel", "Help", key_display="?"),
        Binding("q", "quit", "Quit"),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "switch_mode" and parameters and parameters[0] == self.current_mode:
            return None  # greyed, as the app greys the view you are in
        return True


if __name__ == "__main__":
    Chrome().run()
