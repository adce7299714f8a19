"""What Today and Plan share: plan a step with `s`, and one key per outcome on a step."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.binding import Binding
from textual.widgets import DataTable

from planner_tui import words
from planner_tui.ui.screens.base import ViewScreen, focus_laid_out
from planner_tui.ui.screens.tables import Table, chosen_in_sight, cursor_in_sight

if TYPE_CHECKING:  # the data layer loads off the UI thread, after the first frame
    from planner_tui.daily import DueStep
    from planner_tui.db.models import StepRead
    from planner_tui.services.steps import OutcomeResult

OUTCOME_KEYS = {
    "done": ("d", "Done"),
    "declined": ("l", "Not now"),
    "no_reply": ("w", "No reply yet"),
    "rescheduled": ("a", "Another time"),
    "skipped": ("k", "Let go"),
}
"""One key per outcome (a step's status once it has one), the same on Today and Plan."""


STILL_TO_COME_ASKS = {
    "done": ("Done already?", "Has it happened already?", "Yes, it happened"),
    "no_reply": ("Reached out already?", "Did you reach out already?", "Yes, I did"),
    "declined": ("Heard back already?", "Did they say not now already?", "Yes, they did"),
}
"""For each outcome that follows the step itself (services.steps.asks_first), what is
asked first on a step still to come (a later day, or over an hour away): title, question,
the answer that records it."""


@dataclass(frozen=True)
class StepItem:
    """What a view shows of a planned step, and what recording its outcome needs."""

    id: int
    person: str
    action: str
    due_at: datetime
    channel: str | None = None
    expected_awkwardness: int | None = None
    rrule: str | None = None
    person_id: int | None = None
    """None for a step toward a place (``person`` then names it, or is empty)."""
    context_id: int | None = None
    cue: str = ""
    backup: str = ""
    settled_at: datetime | None = None
    """For a step that has an outcome, when it came about (steps.settled_or_due)."""

    @classmethod
    def of(cls, step: StepRead | DueStep) -> StepItem:
        settled_at = None
        if getattr(step, "resolved_at", None) is not None:
            from planner_tui.services.steps import settled_or_due

            settled_at = settled_or_due(step)  # type: ignore[arg-type]
        return cls(step.id, step.person, step.action, step.due_at, step.channel,
                   step.expected_awkwardness, step.rrule, step.person_id, step.context_id,
                   step.cue, step.backup, settled_at)  # fmt: skip


class StepsScreen(ViewScreen):
    """A view with steps in a table. Subclasses say which table holds the steps one acts
    on (:attr:`STEP_TABLE`) and keep :attr:`steps` in that table's row order."""

    STEP_TABLE = ""
    POINTED: ClassVar[tuple[str, ...]] = ()
    """The tables in which the cursor goes to a step just planned or brought back."""
    POINTED_ROWS: ClassVar[tuple[str, ...]] = ("step",)
    """The rows undo brings back that :meth:`point_at` takes."""
    BINDINGS = [
        Binding("s", "plan_step", "Small step", tooltip="Plan a small step with someone"),
        Binding(
            "e",
            "edit_step",
            "Change step",
            show=False,
            tooltip="Its words, time, how, repeat, cue or backup",
        ),
        *(
            Binding(
                key,
                f"outcome('{status}')",
                words,
                show=status == "done",
                tooltip=f"How the selected step went: {words.lower()}",
            )
            for status, (key, words) in OUTCOME_KEYS.items()
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.steps: list[StepItem] = []
        self.pointed: set[str] = set()
        """Steps just planned, or brought back by undo: the cursor goes to them once shown."""

    def step_lists(self) -> dict[str, list[StepItem]]:
        """Each table of steps one can act on (its id → its steps in row order); the
        first is the one acted on unless another has the focus."""
        return {self.STEP_TABLE: self.steps}

    def selected_step(self) -> StepItem | None:
        lists = self.step_lists()
        focused = self.focused
        if isinstance(focused, DataTable) and focused.id not in lists:
            return None  # the cursor is on a person or a date: not a step elsewhere, unseen
        table_id = focused.id if focused is not None and focused.id in lists else ""
        table_id = table_id or self.STEP_TABLE
        table: DataTable[Any] = self.query_one(f"#{table_id}", DataTable)
        steps = lists[table_id]
        if not steps or not cursor_in_sight(table):
            return None
        return steps[min(table.cursor_row, len(steps) - 1)]

    def person_for_new_step(self) -> int | None:
        """Who a new step is for, when the focus says (a drifting person, say)."""
        return None

    def action_plan_step(self) -> None:
        self.planner.plan_step(self.person_for_new_step(), then=self.planned)

    def planned(self, steps: StepRead | OutcomeResult | None) -> None:
        """A step planned here (by the wizard, or by an outcome: its next time, its
        follow-up): the cursor goes to it once shown, in a table of :attr:`POINTED`."""
        from planner_tui.services.steps import OutcomeResult  # loaded by the form already

        if steps is not None:
            made = steps.following if isinstance(steps, OutcomeResult) else [steps]
            self.point_at({str(step.id) for step in made}, "step")

    def point_at(self, step_ids: set[str], _table: str) -> None:
        """Undo brought these steps back, or they were just planned: the cursor goes to
        them on the next show (the next key acted on another step)."""
        self.pointed = step_ids

    def show_pointed(self) -> None:
        pointed, self.pointed = self.pointed, set()
        for table_id in self.POINTED:
            table = self.query_one(table_id, DataTable)
            for row, key in enumerate(table.rows):
                if key.value in pointed:
                    table.move_cursor(row=row, animate=False)
                    focus_laid_out(table)
                    return

    def action_edit_step(self) -> None:
        """Change the selected step's words, time, how, cue, backup or repeat."""
        from planner_tui.ui.corrections import edit_step

        step = self.selected_step()
        if step is None:
            self.say_no_step()
            return
        edit_step(self.planner, step.id)

    def action_outcome(self, status: str) -> None:
        from planner_tui import words
        from planner_tui.services.steps import asks_first
        from planner_tui.terminal import shorten
        from planner_tui.ui.corrections import outcome_form
        from planner_tui.ui.modals.confirm import Choice

        step = self.selected_step()
        if step is None:
            self.say_no_step()
            return

        def record() -> None:
            outcome_form(self.planner, step, status, then=self.planned)

        no_one = status == "no_reply" and step.person_id is None  # said at once (outcome_form)
        if not asks_first(status, step.due_at, step.person_id) or no_one:
            record()
            return
        # As the command line asks for --anyway: a step still to come, done already?
        title, question, yes = STILL_TO_COME_ASKS[status]
        self.app.push_screen(
            Choice(title,
                   f"{shorten(words.plan_card(step.due_at, step.action, step.person), 160)} "
                   f"is still to come. {question}",
                   [("no", "Not yet"), ("yes", yes)]),
            lambda answer: record() if answer == "yes" else None,
        )  # fmt: skip

    def say_no_step(self) -> None:
        """A step key with no step to act on: what to do instead, in one kind line."""
        from planner_tui import words

        lists, focused = self.step_lists(), self.focused
        if isinstance(focused, Table) and lists.get(focused.id or ""):
            self.app.notify(words.STEP_OUT_OF_SIGHT)  # its list has the focus already
            return
        anything = any(lists.values())
        self.app.notify(words.CHOOSE_A_STEP if anything else words.NO_STEPS_YET)

    @on(DataTable.RowSelected)
    def choose_outcome(self, event: DataTable.RowSelected) -> None:
        """Enter on a step: which outcome, each one key."""
        from planner_tui.ui.modals.confirm import Choice

        if event.data_table.id not in self.step_lists() or not chosen_in_sight(event.data_table):
            return
        step = self.selected_step()
        if step is None:
            return
        # A place has no one to reply: not offered ("Not this time" says it for a place).
        offered = {s: keys for s, keys in OUTCOME_KEYS.items()
                   if s != "no_reply" or step.person_id is not None}  # fmt: skip
        if step.person_id is None:
            offered["declined"] = (offered["declined"][0], "Not this time")
        answers = [(s, f"{key} · {said}") for s, (key, said) in offered.items()]
        shortcuts = {key: s for s, (key, _words) in offered.items()}
        self.app.push_screen(
            Choice(  # which one: the same words may be planned on several days
                "How did it go?",
                f"{words.with_person(step.action, step.person)}, {words.when(step.due_at)}",
                answers,
                shortcuts,
            ),
            lambda answer: self.action_outcome(answer) if answer else None,
        )
