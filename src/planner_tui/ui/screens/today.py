"""Today: the daily home. Steps due (and earlier ones not yet done), people drifting past
the rhythm hoped for, today's check-in, this month's intentions, and a quiet count of the
small steps taken this week. Nothing here is red: a missed step is "not yet"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable

from planner_tui import clock, words
from planner_tui.ui.screens.base import Note, Section, shorten
from planner_tui.ui.screens.steps import StepsScreen
from planner_tui.ui.screens.views import fill, table

if TYPE_CHECKING:
    from planner_tui.db.models import PersonRead, StepRead


@dataclass
class TodayData:
    today: date
    due: list[StepRead]
    drifting: list[PersonRead]
    checked_in: bool
    intentions: list[str]
    steps_this_week: int
    anyone: bool


class TodayScreen(StepsScreen):
    TITLE = "Today"
    STEP_TABLE = "due"
    BINDINGS = [Binding("c", "check_in", "Check in")]

    def __init__(self) -> None:
        super().__init__()
        self.drifting: list[PersonRead] = []

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
        yield Note(
            "s: plan a small step (for the person selected under 'People you might like "
            "to reach') · d done · l declined · w no reply · a another time · k skip · "
            "Enter on a step: how it went",
            classes="muted",
        )

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
        self.steps = data.due
        self.drifting = data.drifting
        self.query_one("#today-date", Note).set(data.today.strftime("%A %-d %B %Y"))
        empty = self.query_one("#today-empty", Note)
        empty.set(words.EMPTY_TODAY)
        empty.display = not data.anyone and not data.checked_in
        fill(
            self.query_one("#due", DataTable),
            [
                (
                    words.when(step.due_at),
                    shorten(step.person, 30),
                    shorten(step.action, 60),
                    "not yet" if clock.to_local(step.due_at).date() < data.today else "",
                )
                for step in data.due
            ],
        )
        self.query_one("#due-empty", Note).set(
            "" if data.due else "Nothing planned for today. Rest counts too; s plans a step."
        )
        fill(
            self.query_one("#drifting", DataTable),
            [
                (shorten(p.name, 40), words.ago(p.last_contact), words.cadence(p.cadence_days))
                for p in data.drifting
            ],
        )
        self.query_one("#drift-empty", Note).set(
            "" if data.drifting else "Everyone is within the rhythm you hoped for."
        )
        self.query_one("#checkin", Note).set(
            "Done for today — thank you for taking a moment."
            if data.checked_in
            else "Not yet — a line or two is plenty, whenever you're ready (c: the Journal)."
        )
        self.query_one("#intentions", Note).set(
            "\n".join(f"• {i}" for i in data.intentions)
            if data.intentions
            else "None set. The monthly review is where they are written."
        )
        count = data.steps_this_week
        self.query_one("#week", Note).set(f"Small steps taken this week: {count}." if count else "")

    def person_for_new_step(self) -> int | None:
        table: DataTable[Any] = self.query_one("#drifting", DataTable)
        if table.has_focus and self.drifting:
            return self.drifting[min(table.cursor_row, len(self.drifting) - 1)].id
        return None

    def action_check_in(self) -> None:
        self.planner.check_in()
