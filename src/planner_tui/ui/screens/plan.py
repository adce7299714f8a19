"""Plan: small steps coming up and how earlier ones went, filtered by person, outcome and
dates; the wizard (s), outcomes (d l w a k) and a calendar file (i) one key away."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widgets import DataTable, Input

from planner_tui import clock, words
from planner_tui.db.choices import StepStatus, label
from planner_tui.errors import InvalidInput
from planner_tui.outcomes import named
from planner_tui.terminal import shorten
from planner_tui.ui.screens.base import CHECK_IN, Note, Section
from planner_tui.ui.screens.steps import StepItem, StepsScreen
from planner_tui.ui.screens.tables import cursor_in_sight, fill, name_cell, table
from planner_tui.ui.widgets.fields import SearchField

if TYPE_CHECKING:
    from planner_tui.db.models import StepRead
    from planner_tui.ui.backend import Backend

SHOWN = 200
FILTER_PAUSE = 0.15
"""Seconds a day typed in a date filter waits for the typing to pause."""
OUTCOME_WORDS = {s.value: label(s) for s in StepStatus if s is not StepStatus.PLANNED}


@dataclass(frozen=True)
class StepFilter:
    person: str = ""
    status: str | None = None
    start: datetime | None = None
    end: datetime | None = None

    @property
    def active(self) -> bool:
        return bool(self.person.strip() or self.status or self.start or self.end)


@dataclass
class PlanData:
    upcoming: list[StepRead]
    past: list[StepRead]
    anything: bool
    settled: int = 0
    """How many earlier steps the filters find, when there are more than the list shows."""


class PlanScreen(StepsScreen):
    ENTER = ("How it went", "On a step, how it went; on an earlier one, change how it went")
    TITLE = "Plan"
    STEP_TABLE = "upcoming"
    POINTED = ("#upcoming", "#past")
    AUTO_FOCUS = "#upcoming"
    LISTS = ("#upcoming", "#past")
    BINDINGS = [
        Binding(
            "slash",
            "find",
            "Filter",
            key_display="/",
            tooltip="Narrow the steps by person (as you type) and by dates",
        ),
        Binding(
            "f",
            "next_outcome",
            "Outcome filter",
            show=False,
            tooltip="The earlier steps with one outcome: done, not now, no reply…",
        ),
        Binding(
            "i",
            "export_calendar",
            "Calendar file",
            tooltip="Export the planned steps as a calendar file (.ics)",
        ),
        Binding(
            "x",
            "delete_step",
            "Delete",
            show=False,
            tooltip="Delete the step selected (asked first; u undoes it)",
        ),
        CHECK_IN,  # as on Today, the Map and the Journal (nu213: here it did nothing)
    ]

    def __init__(self) -> None:
        super().__init__()
        self.filter = StepFilter()
        self.filter_note = ""
        """What the filters say: a day that can't be read, or the days read."""
        self.outcome: str | None = None
        self._filter_timer: Timer | None = None
        self.past: list[StepRead] = []

    def compose_body(self) -> ComposeResult:
        yield Note(words.EMPTY_PLAN, id="plan-empty", classes="empty")
        with Horizontal(classes="row", id="plan-filters"):
            yield SearchField(placeholder="/ person", id="plan-person", names=True)
            yield SearchField(placeholder="from (e.g. 1 oct)", id="plan-from")
            yield SearchField(placeholder="to (e.g. today)", id="plan-to")
        yield Note(id="filter-note", classes="muted")
        yield Note(id="outcome-filter", classes="muted")
        yield Section("Planned steps")  # "Coming up" over a step of 18:00 at 20:20 (nu198)
        yield Note(id="upcoming-empty", classes="muted")
        # Short marks before free text: a narrow terminal cuts the words, not the marks.
        yield table(
            "upcoming", "when", "who", "", "repeats", "small step", give_way=(-1, 3, 1)
        )  # the repeat too
        yield Section("How earlier steps went")
        yield Note(id="past-empty", classes="muted")
        yield table("past", "when", "who", "how it went", "warmth", "small step", give_way=(-1, 1))
        yield Note(
            "s plan a step · d done · l not now · w no reply · a another time · k let go · "
            "e change · x delete · i calendar file · / filter by person and dates · f by outcome",
            classes="muted",
        )

    # ---------------------------------------------------------------- data

    def request(self) -> StepFilter:
        """The filters: a name is looked for as it is typed, and the steps read for "a" may
        come after those read for "an"."""
        return self.filter

    def load(self) -> PlanData:
        from planner_tui.services import steps

        backend = self.planner.backend
        wanted = self.filter
        listed = partial(
            steps.list_steps,
            person_name=wanted.person,
            start=wanted.start,
            end=wanted.end,
            limit=SHOWN,
        )
        show_upcoming = wanted.status is None
        statuses = [StepStatus(wanted.status)] if wanted.status else None
        past = backend.read(partial(listed, upcoming=False, statuses=statuses))
        counted = partial(
            steps.count_steps,
            upcoming=False,
            person_name=wanted.person,
            statuses=statuses,
            start=wanted.start,
            end=wanted.end,
        )
        return PlanData(
            upcoming=backend.read(partial(listed, upcoming=True)) if show_upcoming else [],
            past=past,
            anything=wanted.active or backend.read(steps.has_steps),
            settled=backend.read(counted) if len(past) >= SHOWN else len(past),
        )

    def show(self, data: PlanData) -> None:
        from planner_tui.services.steps import settled_or_due
        from planner_tui.when import describe_repeat

        self.steps = [StepItem.of(s) for s in data.upcoming]
        self.past = data.past
        self.query_one("#plan-empty").display = not data.anything
        today = clock.today()
        fill(
            self.query_one("#upcoming", DataTable),
            [
                (
                    words.when(s.due_at),
                    name_cell(words.toward(s.person), 30),
                    "not yet" if clock.to_local(s.due_at).date() < today else "",
                    describe_repeat(s.rrule) if s.rrule else "",
                    shorten(s.action, 50),
                )
                for s in data.upcoming
            ],
            [str(s.id) for s in data.upcoming],
        )
        fill(
            self.query_one("#past", DataTable),
            [
                (
                    words.when(settled_or_due(s)),
                    name_cell(words.toward(s.person), 30),
                    named(s.status, s.person_id, OUTCOME_WORDS.get(s.status, s.status)),
                    words.score(s.warmth),
                    shorten(s.action, 50),
                )
                for s in data.past
            ],
            [str(s.id) for s in data.past],
        )
        self.show_pointed()
        nothing = "Nothing matches these filters." if self.filter.active else ""
        self.query_one("#upcoming-empty", Note).set(
            ""
            if data.upcoming
            else nothing or ("" if self.filter.status else "Nothing planned. s plans a step.")
        )
        self.query_one("#past-empty", Note).set(
            ""
            if data.past
            else nothing
            or ("" if self.filter.status else "Nothing here yet: how a step went shows here "
                "once you say so (d, l, w or a on it).")
        )  # fmt: skip
        many = words.latest_steps_shown(SHOWN, data.settled, filtered=self.filter.active)
        self.query_one("#filter-note", Note).set(
            " ".join(filter(None, (self.filter_note, many if data.settled > SHOWN else "")))
        )

    # ---------------------------------------------------------------- filters

    def action_find(self) -> None:
        self.query_one("#plan-person", Input).focus()

    def action_next_outcome(self) -> None:
        """f: any outcome → done → not now → ... → any outcome."""
        order: list[str | None] = [None, *OUTCOME_WORDS]
        self.outcome = order[(order.index(self.outcome) + 1) % len(order)]
        self.query_one("#outcome-filter", Note).set(
            f"Showing {OUTCOME_WORDS[self.outcome]} (f for the next outcome)"
            if self.outcome
            else ""
        )
        self.filters_changed()

    @on(Input.Changed, "#plan-filters Input")
    def filters_changed(self, event: Input.Changed | None = None) -> None:
        """A name typed, or an outcome, is looked for at once, as the Journal's search is
        (each key had waited out the pause as well: 0.36 s on ten years, nu211); a day once
        the typing pauses, so the "1 d" of "1 dec" is never said to be a day it can't read."""
        waiting, self._filter_timer = self._filter_timer, None
        if waiting is not None:
            waiting.stop()
        if waiting is None and (event is None or event.input.id == "plan-person"):
            self.apply_filters()
            return
        self._filter_timer = self.set_timer(FILTER_PAUSE, self.apply_filters)

    def apply_filters(self) -> None:
        from planner_tui.daily import day_after, day_window
        from planner_tui.when import day_this_year

        self._filter_timer = None
        problems = []
        bounds: list[datetime | None] = []
        read: list[str] = []
        """The days read, said with their years (a day typed without one is this year's)."""
        for widget_id, end in (("plan-from", False), ("plan-to", True)):
            typed = self.query_one(f"#{widget_id}", Input).value
            bounds.append(None)
            if typed.strip():
                try:
                    day = day_this_year(typed)  # the lists hold steps gone by and to come
                except InvalidInput as error:
                    problems.append(str(error))
                    continue
                first, after = day_window(day, day_after(day))  # 31 December 9999: no end
                bounds[-1] = after if end else first
                read.append(f"{'to' if end else 'from'} {clock.strftime(day, '%a %-d %b %Y')}")
        if bounds[0] and bounds[1] and bounds[0] >= bounds[1]:  # said, not "nothing matches"
            problems.append(
                f"The 'from' day is after the 'to' day ({' '.join(read)}): no day is between them."
            )

        self.filter = StepFilter(
            person=self.query_one("#plan-person", Input).value,
            status=self.outcome,
            start=bounds[0],
            end=bounds[1],
        )
        self.filter_note = problems[0] if problems else f"Steps {' '.join(read)}." if read else ""
        self.reload()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#upcoming" if self.steps else "#past").focus()

    # ---------------------------------------------------------------- steps

    def action_export_calendar(self) -> None:
        from planner_tui.ui.modals.export import ExportFile

        alarm = self.planner.settings.alarm_minutes or 0

        def make(backend: Backend) -> tuple[bytes, str]:
            from planner_tui.services import calendar

            made = backend.read(partial(calendar.export, alarm_minutes=alarm))
            dates = f" and {words.plural(made.dates, 'date')}" if made.dates else ""
            wrote = f"Wrote {words.plural(made.steps, 'planned step')}{dates} to"
            note = made.left_out_note()
            return made.data, f"{note} {wrote}" if note else wrote

        self.app.push_screen(
            ExportFile(
                "Small steps as a calendar file",
                "Planned steps, repeats included, and the people's birthdays and other "
                "dates, as an .ics file your calendar app can import. Names and step words "
                "go into the file.",
                f"{self.planner.files_folder()}/planner-tui-steps.ics",
                make,
                "ics",
            )
        )

    def action_delete_step(self) -> None:
        from planner_tui.ui.corrections import delete_step

        step = self.selected_step() or self.selected_past()
        if step is not None:
            delete_step(self.planner, step)

    # ---------------------------------------------------------------- earlier steps

    def selected_past(self) -> StepRead | None:
        """The step under the cursor in *How earlier steps went*, when that list has focus."""
        table = self.query_one("#past", DataTable)
        if not table.has_focus or not self.past or not cursor_in_sight(table):
            return None
        return self.past[min(table.cursor_row, len(self.past) - 1)]

    def action_outcome(self, status: str) -> None:
        from planner_tui.db.models import label
        from planner_tui.ui.corrections import change_outcome

        past = self.selected_past()
        if past is None:
            super().action_outcome(status)
        elif past.status == status:  # the outcome it has already: nothing to ask
            self.app.notify(
                f"Already noted as {label(past.status)}. Enter opens it, to change its details."
            )
        else:  # a different outcome for a step that has one: asked first, Enter keeps it
            from planner_tui.db.models import StepStatus
            from planner_tui.ui.modals.confirm import Choice

            def answered(answer: str | None) -> None:
                if answer == "change":
                    change_outcome(self.planner, past, status)

            self.app.push_screen(
                Choice(
                    "Change how it went?",
                    f"{words.with_person(past.action, past.person)}, {words.when(past.due_at)} — noted as "
                    f"{label(past.status)}. Change it to {label(StepStatus(status))}?",
                    [("keep", "Leave it as it was"), ("change", "Change it")],
                ),
                answered,
            )

    def action_edit_step(self) -> None:
        from planner_tui.ui.corrections import change_outcome

        past = self.selected_past()
        if past is None:
            super().action_edit_step()
        else:
            change_outcome(self.planner, past)

    @on(DataTable.RowSelected, "#past")
    def past_chosen(self) -> None:
        self.action_edit_step()

    def selected_step(self) -> StepItem | None:
        focused: Any = self.focused
        if focused is not None and focused.id == "past":
            return None
        return super().selected_step()
