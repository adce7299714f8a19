"""Review as the foundation built it (the monthly review issue grows it into its full
screen), and the table helpers every view uses."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable

from planner_tui import words
from planner_tui.ui.screens.base import Note, Section, ViewScreen, text


def table(id: str, *columns: str) -> DataTable[Any]:
    widget: DataTable[Any] = DataTable(id=id, cursor_type="row", zebra_stripes=False)
    widget.add_columns(*columns)
    return widget


def fill(
    widget: DataTable[Any], rows: list[tuple[Any, ...]], keys: list[str] | None = None
) -> None:
    widget.clear()
    for index, row in enumerate(rows):
        cells = [cell if isinstance(cell, Text) else text(str(cell)) for cell in row]
        widget.add_row(*cells, key=keys[index] if keys else None)
    widget.display = bool(rows)


# --------------------------------------------------------------------------- review


class ReviewScreen(ViewScreen):
    TITLE = "Review"

    def compose_body(self) -> ComposeResult:
        yield Section("", id="review-title")
        yield Note(words.EMPTY_REVIEW, id="review-empty", classes="empty")
        yield table("figures", "", "this month", "last month")
        yield Section("Intentions")
        yield Note(id="review-intentions", classes="muted")

    def load(self) -> Any:
        from planner_tui.services import review

        return self.planner.backend.read(review.review_month, month=review.parse_month(None))

    def show(self, data: Any) -> None:
        f, p = data.figures, data.previous
        self.query_one("#review-title", Section).update(f"Monthly review — {f.label}")
        self.query_one("#review-empty").display = f.is_empty

        def num(value: float | None, digits: int = 0) -> str:
            return "—" if value is None else f"{value:.{digits}f}"

        rows = [
            ("Days with a check-in", num(f.days_checked_in), num(p.days_checked_in)),
            ("Average mood", num(f.avg_mood, 1), num(p.avg_mood, 1)),
            ("Average connectedness", num(f.avg_connectedness, 1), num(p.avg_connectedness, 1)),
            ("Interactions", num(f.interactions), num(p.interactions)),
            ("People in touch", num(f.people_seen), num(p.people_seen)),
            ("Small steps planned", num(f.steps_planned), num(p.steps_planned)),
            ("Small steps done", num(f.steps_done), num(p.steps_done)),
        ]
        fill(self.query_one("#figures", DataTable), rows)
        intentions = data.notes.intentions if data.notes else []
        self.query_one("#review-intentions", Note).set(
            "\n".join(f"• {i}" for i in intentions) if intentions else "None written yet."
        )
