"""The five views. Each loads read models in a worker and fills plain, markup-safe widgets.

These are the foundation's versions: real data, friendly empty states. The later issues
grow each into its full screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable

from planner_tui import clock, words
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


# --------------------------------------------------------------------------- today


@dataclass
class TodayData:
    today: date
    due: list[Any]
    drifting: list[Any]
    checked_in: bool
    intentions: list[str]
    steps_this_week: int
    anyone: bool


class TodayScreen(ViewScreen):
    TITLE = "Today"

    def compose_body(self) -> ComposeResult:
        yield Note(id="today-date")
        yield Note(id="today-empty", classes="empty")
        yield Section("Small steps for today")
        yield Note(id="due-empty", classes="muted")
        yield table("due", "when", "who", "small step", "")
        yield Section("People you might like to reach")
        yield Note(id="drift-empty", classes="muted")
        yield table("drifting", "who", "last in touch", "hoped for")
        yield Section("Today's check-in")
        yield Note(id="checkin")
        yield Section("This month's intentions")
        yield Note(id="intentions", classes="muted")
        yield Note(id="week", classes="muted")

    def load(self) -> TodayData:
        from planner_tui.services import journal, people, review, steps

        backend = self.planner.backend
        today = clock.today()
        monday = today - timedelta(days=today.weekday())
        start, end = people.day_window(monday, today + timedelta(days=1))
        return TodayData(
            today=today,
            due=backend.read(steps.due_steps, today=today),
            drifting=backend.read(people.drifting_people, today=today)[:8],
            checked_in=backend.read(journal.checked_in, day=today),
            intentions=backend.read(review.current_intentions, today=today),
            steps_this_week=backend.read(steps.steps_done_between, start=start, end=end),
            anyone=backend.read(people.has_people),
        )

    def show(self, data: TodayData) -> None:
        self.query_one("#today-date", Note).set(data.today.strftime("%A %-d %B %Y"))
        empty = self.query_one("#today-empty", Note)
        empty.set(words.EMPTY_TODAY)
        empty.display = not data.anyone and not data.checked_in
        fill(
            self.query_one("#due", DataTable),
            [
                (
                    words.when(step.due_at),
                    step.person,
                    step.action,
                    "not yet" if step.due_at.date() < data.today else "",
                )
                for step in data.due
            ],
        )
        self.query_one("#due-empty", Note).set(
            "" if data.due else "Nothing planned for today. Rest counts too."
        )
        fill(
            self.query_one("#drifting", DataTable),
            [
                (p.name, words.ago(p.last_contact), words.cadence(p.cadence_days))
                for p in data.drifting
            ],
        )
        self.query_one("#drift-empty", Note).set(
            "" if data.drifting else "Everyone is within the rhythm you hoped for."
        )
        self.query_one("#checkin", Note).set(
            "Done for today — thank you for taking a moment."
            if data.checked_in
            else "Not yet — a line or two is plenty, whenever you're ready."
        )
        self.query_one("#intentions", Note).set(
            "\n".join(f"• {i}" for i in data.intentions)
            if data.intentions
            else "None set. The monthly review is where they are written."
        )
        count = data.steps_this_week
        self.query_one("#week", Note).set(f"Small steps taken this week: {count}." if count else "")


# --------------------------------------------------------------------------- plan


class PlanScreen(ViewScreen):
    TITLE = "Plan"

    def compose_body(self) -> ComposeResult:
        yield Note(words.EMPTY_PLAN, id="plan-empty", classes="empty")
        yield Section("Coming up")
        yield table("upcoming", "when", "who", "small step", "effort")
        yield Section("Recently")
        yield table("past", "when", "who", "small step", "how it went")

    def load(self) -> tuple[list[Any], list[Any]]:
        from planner_tui.services import steps

        backend = self.planner.backend
        return (
            backend.read(steps.list_steps, upcoming=True, limit=100),
            backend.read(steps.list_steps, upcoming=False, limit=100),
        )

    def show(self, data: tuple[list[Any], list[Any]]) -> None:
        from planner_tui.db.models import label

        upcoming, past = data
        self.query_one("#plan-empty").display = not (upcoming or past)
        fill(
            self.query_one("#upcoming", DataTable),
            [(words.when(s.due_at), s.person, s.action, label(s.effort)) for s in upcoming],
        )
        fill(
            self.query_one("#past", DataTable),
            [(words.when(s.due_at), s.person, s.action, label(s.status)) for s in past],
        )


# --------------------------------------------------------------------------- journal


class JournalScreen(ViewScreen):
    TITLE = "Journal"

    def compose_body(self) -> ComposeResult:
        yield Note(words.EMPTY_JOURNAL, id="journal-empty", classes="empty")
        yield Section("Check-ins")
        yield table("entries", "day", "mood", "connected", "first line")

    def load(self) -> list[Any]:
        from planner_tui.services import journal

        return self.planner.backend.read(journal.list_entries, limit=120)

    def show(self, entries: list[Any]) -> None:
        self.query_one("#journal-empty").display = not entries

        def score(value: int | None) -> str:
            return "—" if value is None else f"{value}/5"

        def first_line(entry: Any) -> str:
            for value in (entry.body, entry.warmth_note, entry.withdraw_note):
                if value.strip():
                    return str(value.strip().splitlines()[0][:80])
            return ""

        fill(
            self.query_one("#entries", DataTable),
            [
                (
                    e.day.strftime("%a %-d %b %Y"),
                    score(e.mood),
                    score(e.connectedness),
                    first_line(e),
                )
                for e in entries
            ],
        )


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
