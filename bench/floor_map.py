"""Floor app (d): a bare Textual app whose `m` opens, for the first time, a view built the
way planner-tui's Map is — Header, four tabs (a filter box, a status line and a six-column
table of 300 people; a picture; a table of 10 contexts and a line per context; four small
tables with their headings and notes), Footer — filled at once from made-up rows: the same
kinds and numbers of widgets and rows, and no data to read. Its first visit is what any
Textual app showing such a view costs (bench/tmux_bench.py runs it beside the app).
"""

from __future__ import annotations

from floor_chrome import view
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static, TabbedContent, TabPane

PEOPLE = 300
CONTEXTS = ("work", "family", "neighbourhood", "volunteering", "faith", "hobbies", "online",
            "school", "sport", "old friends")  # fmt: skip
ROW_WORDS = ("3 weeks ago", "every 2 weeks", "close")


def table(*columns: str) -> DataTable[str]:
    grid: DataTable[str] = DataTable(cursor_type="row")
    grid.add_columns(*columns)
    return grid


class MapLike(Screen[None]):
    TITLE = "Map"
    DEFAULT_CSS = "MapLike DataTable { height: auto; max-height: 20; }"

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(initial="people"):
            with TabPane("1 People", id="people"):
                yield Input(placeholder="/ to filter by name")
                yield Static(f"{PEOPLE} people of a bare app", markup=False)
                yield table("name", "", "last in touch", "hoped for", "circle", "contexts")
            with TabPane("2 Circles", id="circles"):
                yield Static("·" * PEOPLE, markup=False)
            with TabPane("3 Contexts", id="contexts"):
                yield table("context", "kind", "people", "last contact")
                yield Static("The last 12 weeks, by context", markup=False)
                yield Static("\n".join(f"{c:14} ▁▂▃▄▅▆▇█▇▆▅▄" for c in CONTEXTS), markup=False)
            with TabPane("4 Gaps", id="gaps"):
                for heading in ("Ideas", "Past the rhythm", "Quiet parts of life", "One way"):
                    yield Static(heading, markup=False)
                    yield Static("", markup=False)
                    yield table("who", "what")
        yield Footer()

    def on_mount(self) -> None:
        people, contexts, *gaps = self.query(DataTable).results()
        for n in range(PEOPLE):
            context = CONTEXTS[n % len(CONTEXTS)]
            people.add_row(f"Person {n + 1:03}", "", *ROW_WORDS, f"{context}, online")
        for context in CONTEXTS:
            contexts.add_row(context, "place", "30", "2 days ago")
        for grid in gaps:
            for n in range(3):
                grid.add_row(f"Person {n + 1:03}", "a short message")


class MapFloor(App[None]):
    TITLE = "floor-map"
    MODES = {"today": view("today"), "map": MapLike}
    DEFAULT_MODE = "today"
    BINDINGS = [
        Binding("t", "switch_mode('today')", "Today"),
        Binding("m", "switch_mode('map')", "Map"),
        Binding("question_mark", "help_panel", "Help", key_display="?"),
        Binding("q", "quit", "Quit"),
    ]


if __name__ == "__main__":
    MapFloor().run()
