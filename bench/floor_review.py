"""Floor app (e): a bare Textual app whose `r` opens a page built the way planner-tui's
Review is — Header, a scrolling page of 20 figures (each with a heading; 14 with lines of
words, 8 with a table of 4 to 30 rows, 3 with a bar chart drawn in text, 10 to 12 lines high,
the last with a small picture), Footer — and whose ← and → show the month before or after: every
heading, line, table and chart filled again from made-up numbers, the same kinds and
numbers of widgets, rows and lines as a month of the 10-year demo, and no data to read.
Turning its month is what turning such a page costs any Textual app (bench/tmux_bench.py
runs it beside the app).
"""

from __future__ import annotations

import random

from floor_chrome import with_a_view
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

# (heading, lines of words, (columns, rows) of its table, charts and their heights, picture)
# as the Review showed November 2026 of the 10-year demo.
FIGURES: list[tuple[str, int, tuple[int, int] | None, dict[str, int], bool]] = [
    ("Overview", 0, (4, 11), {}, False),
    ("Each day", 0, None, {"days": 10}, False),
    ("Each week", 1, None, {"weeks": 10}, False),
    ("The last twelve months", 0, (5, 12), {"trend": 12}, False),
    ("What went with warmer days", 2, (6, 10), {}, False),
    ("Across the contexts", 7, (8, 30), {}, False),
    ("Themes", 2, None, {}, False),
    ("Give and take", 6, None, {}, False),
    ("Breadth", 10, None, {}, False),
    ("Small steps", 5, (2, 4), {}, False),
    ("Expected and felt", 2, (4, 12), {}, False),
    ("Appreciation", 2, (4, 12), {}, False),
    ("Worth following up", 17, None, {}, False),
    ("Not now", 3, None, {}, False),
    ("Experiments", 1, None, {}, False),
    ("Wins", 16, None, {}, False),
    ("Loneliness check", 1, None, {}, False),
    ("Beside earlier months", 6, (6, 12), {}, False),
    ("Intentions", 2, None, {}, False),
    ("The year", 0, None, {}, True),
]
WORDS = ("warm", "walk", "call", "coffee", "neighbour", "choir", "message", "lunch", "garden",
         "quiet", "visit", "family", "work", "friend", "river", "market", "book", "evening")  # fmt: skip
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip


def words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


class FigureLike(Vertical):
    DEFAULT_CSS = (
        "FigureLike { height: auto; margin-bottom: 1; } FigureLike DataTable { height: auto; }"
    )

    def __init__(self, n: int) -> None:
        super().__init__()
        self.n = n

    def compose(self) -> ComposeResult:
        _, _, grid, charts, picture = FIGURES[self.n]
        yield Static("", markup=False, classes="heading")
        yield Static("", markup=False, classes="lines")
        if grid:
            yield DataTable(cursor_type="none")
        for name in charts:
            yield Static("", markup=False, id=f"chart-{name}")
        if picture:
            yield Static("", markup=False, classes="picture")

    def show(self, month: int) -> None:
        """This figure for *month* (a count of months), from numbers made up for it."""
        rng = random.Random(month * 100 + self.n)
        heading, lines, grid, charts, picture = FIGURES[self.n]
        self.query_one(".heading", Static).update(heading)  # as the app's, each month
        self.query_one(".lines", Static).update(
            "\n".join(f"• {words(rng, rng.choice((9, 11, 24)))}" for _ in range(lines))
        )
        if grid:
            table = self.query_one(DataTable)
            columns, rows = grid
            if not table.columns:
                table.add_columns(*(f"column {c}" for c in range(columns)))
            table.clear()
            table.add_rows(
                [words(rng, 2), *(str(rng.randint(0, 40)) for _ in range(columns - 1))]
                for _ in range(rows)
            )
        for name, height in charts.items():  # bars of text, as the app's charts
            bars = {"days": 30, "weeks": 5, "trend": 12}[name]
            tall = [rng.randint(0, height - 2) for _ in range(bars)]
            rows = [
                "".join("█ " if up >= row else "  " for up in tall)
                for row in range(height - 1, 0, -1)
            ]
            self.query_one(f"#chart-{name}", Static).update(
                "\n".join([*rows, "".join(f"{b % 10} " for b in range(bars))])
            )
        if picture:
            self.query_one(".picture", Static).update(
                "\n".join("".join(rng.choice("·▁▂▃▄▅▆▇█") for _ in range(53)) for _ in range(10))
            )


class ReviewLike(Screen[None]):
    TITLE = "Review"
    BINDINGS = [
        Binding("left", "move(-1)", "Earlier month", key_display="←", priority=True),
        Binding("right", "move(1)", "Later month", key_display="→", priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.month = 2026 * 12 + 10  # November 2026, counted in months

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll():
            yield Static("", markup=False, id="title")
            yield from (FigureLike(n) for n in range(len(FIGURES)))
        yield Footer()

    def on_mount(self) -> None:
        self.show()

    def show(self) -> None:
        year, month = divmod(self.month, 12)
        self.query_one("#title", Static).update(f"{MONTHS[month]} {year} of a bare app")
        for figure in self.query(FigureLike):
            figure.show(self.month)

    def action_move(self, months: int) -> None:
        self.month += months
        self.show()


if __name__ == "__main__":
    with_a_view("floor-review", "r", "review", ReviewLike).run()
