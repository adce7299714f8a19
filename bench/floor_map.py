"""Floor app (d): a bare Textual app whose `m` opens, for the first time, a view built the
way planner-tui's Map is — Header, four tabs (a filter box, a status line and a six-column
table of 300 people; a picture; a table of 10 contexts and a line per context; four small
tables with their headings and notes), Footer — filled at once from made-up rows: the same
kinds and numbers of widgets and rows, and no data to read. Its first visit is what any
Textual app showing such a view costs (bench/tmux_bench.py runs it beside the app).

Its filter is built like the Map's too: `/` goes to the box, and each key scores every
person's name and contexts with Textual's fuzzy matcher and puts the matches in the table
(cleared and filled again) with the status line — what typing in any such filter costs.
"""

from __future__ import annotations

from floor_chrome import with_a_view
from textual.app import ComposeResult
from textual.binding import Binding
from textual.fuzzy import Matcher
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static, TabbedContent, TabPane

PEOPLE = 300
CONTEXTS = ("work", "family", "neighbourhood", "volunteering", "faith", "hobbies", "online",
            "school", "sport", "old friends")  # fmt: skip
ROW_WORDS = ("3 weeks ago", "every 2 weeks", "close")
FIRST = ("Ana", "Bo", "Cy", "Dee", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jun")
LAST = ("Silva", "Chen", "Costa", "Ito", "Okafor", "Novak", "Reyes", "Berg", "Haddad", "Kim",
        "Lund", "Moreau", "Nair", "Ortiz", "Park", "Quinn", "Rossi", "Sato", "Tan", "Ueda",
        "Vega", "Weiss", "Xu", "Young", "Zhou", "Abbas", "Byrne", "Dias", "Eze", "Fischer")  # fmt: skip
ROWS = [
    (f"{FIRST[n % len(FIRST)]} {LAST[n // len(FIRST)]}", f"{CONTEXTS[n % len(CONTEXTS)]}, online")
    for n in range(PEOPLE)
]


def table(*columns: str) -> DataTable[str]:
    grid: DataTable[str] = DataTable(cursor_type="row")
    grid.add_columns(*columns)
    return grid


class MapLike(Screen[None]):
    TITLE = "Map"
    DEFAULT_CSS = "MapLike DataTable { height: auto; max-height: 20; }"
    AUTO_FOCUS = "DataTable"  # as the Map: the list has the keys, `/` goes to the filter
    BINDINGS = [
        Binding("slash", "filter", "Filter", key_display="/"),
        Binding("escape", "leave", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(initial="people"):
            with TabPane("1 People", id="people"):
                yield Input(placeholder="/ to filter by name", id="filter")
                yield Static(f"{PEOPLE} people of a bare app", markup=False, id="status")
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
        self.fill(people, ROWS)
        for context in CONTEXTS:
            contexts.add_row(context, "place", "30", "2 days ago")
        for grid in gaps:
            for n in range(3):
                grid.add_row(ROWS[n][0], "a short message")

    @staticmethod
    def fill(people: DataTable[str], rows: list[tuple[str, str]]) -> None:
        people.clear()
        for name, contexts in rows:
            people.add_row(name, "", *ROW_WORDS, contexts)

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        query = event.value.strip()
        rows = ROWS
        if query:
            matcher = Matcher(query.lower())
            scored = [(max(matcher.match(n.lower()), matcher.match(c.lower()) * 0.9), (n, c))
                      for n, c in ROWS]  # fmt: skip
            rows = [row for score, row in sorted(scored, key=lambda s: -s[0]) if score > 0]
        self.fill(self.query_one(DataTable), rows)
        shown = f"{len(rows)} of {PEOPLE}" if query else f"{PEOPLE}"
        self.query_one("#status", Static).update(f"{shown} people of a bare app")

    def action_leave(self) -> None:
        """Escape, as in the Map: the filter emptied, back to the table."""
        self.query_one("#filter", Input).value = ""
        self.query_one(DataTable).focus()


if __name__ == "__main__":
    with_a_view("floor-map", "m", "map", MapLike).run()
