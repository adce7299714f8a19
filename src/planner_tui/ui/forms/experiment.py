"""A small experiment: start one (a name, what it is tied to, when, for how many weeks), or
end the one running. The Review shows it before and during."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Button, Input

from planner_tui import words
from planner_tui.db.models import (
    EXPERIMENT_WEEKS,
    ExperimentRead,
    experiment_ends,
    experiment_tag,
)
from planner_tui.errors import InvalidInput
from planner_tui.ui.forms.base import Field, FormScreen, Line, Problem
from planner_tui.ui.widgets.answers import ANSWER_KEYS, AnswerKeys
from planner_tui.ui.widgets.fields import TextField

DEFAULT_WEEKS = 4


class ExperimentForm(FormScreen[ExperimentRead]):
    """Name a two-to-six-week experiment tied to a #tag or a repeating step's words."""

    MOMENTS = {"starts": ("future", True)}

    def __init__(self) -> None:
        super().__init__(
            "experiment:new", {"name": "", "tied": "", "weeks": str(DEFAULT_WEEKS), "starts": ""}
        )
        self.heading = "A small experiment"
        self.left: set[str] = set()
        """Fields left (the cursor moved on): an empty one is noted only then, or on saving."""

    def compose_fields(self) -> ComposeResult:
        yield Field(
            "Something small to try for a few weeks, like a walk with someone every Thursday. "
            "The Review then shows the same figures before and during it, side by side."
        )
        yield Field("What you'll try")
        yield TextField(id="name", placeholder="e.g. a walk with someone every Thursday")
        yield Problem(id="name-problem")
        yield Field("Tied to: a #tag you use in the journal, or the words of a step that repeats")
        yield TextField(id="tied", placeholder="e.g. #walk")
        yield Problem(id="tied-problem")
        yield Field(f"For how many weeks ({EXPERIMENT_WEEKS[0]} to {EXPERIMENT_WEEKS[1]})")
        yield TextField(id="weeks", placeholder=str(DEFAULT_WEEKS), select_on_focus=True)
        yield Problem(id="weeks-problem")
        yield Field("Starting (empty: today)")
        yield TextField(id="starts", placeholder="e.g. today, next monday, in 2 weeks")
        yield Line(id="starts-preview", classes="muted")
        yield Problem(id="starts-problem")

    def values(self) -> dict[str, Any]:
        return {
            id: self.query_one(f"#{id}", Input).value for id in ("name", "tied", "weeks", "starts")
        }

    def fill(self, values: dict[str, Any]) -> None:
        for id in ("name", "tied", "weeks", "starts"):
            self.query_one(f"#{id}", Input).value = str(values.get(id, ""))

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if event.widget.id in ("name", "tied") and self.is_attached and self.ready:
            self.left.add(event.widget.id)
            problem = self.check(self.values()).get(event.widget.id)
            if problem:  # a note from saving stays as it was
                self.query_one(f"#{event.widget.id}-problem", Problem).say(problem)

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        problems = {}
        noted = self.left | ({"name", "tied"} if self.save_tried else set())
        if "name" in noted and not str(values.get("name", "")).strip():
            problems["name"] = "A few words to name it, please."
        tied = str(values.get("tied", "")).strip()
        if "tied" in noted and not tied.lstrip("#"):
            problems["tied"] = "A #tag, or the words of a step that repeats."
        elif tied.startswith("#"):  # said with the other notes, not only once they're mended
            try:
                experiment_tag(tied[1:])
            except ValueError as error:
                problems["tied"] = f"Tag: {error}."
        weeks = str(values.get("weeks", "")).strip()
        low, high = EXPERIMENT_WEEKS
        if not (weeks.isdigit() and low <= int(weeks) <= high):
            problems["weeks"] = f"A number of weeks from {low} to {high}, please."
        preview = ""
        try:
            starts = self.first_day(values)
        except InvalidInput as error:
            problems["starts"] = str(error)
        else:  # the days it will run, once the weeks can be read
            if "weeks" not in problems:
                try:
                    ends = experiment_ends(starts, int(weeks))
                except ValueError as error:
                    problems["starts"] = str(error)
                else:
                    preview = "→ " + words.experiment_days(starts, ends)
        self.query_one("#starts-preview", Line).update(preview)
        return problems

    @staticmethod
    def first_day(values: dict[str, Any]) -> date:
        from planner_tui.when import parse_when

        said = str(values.get("starts", "")).strip()
        return parse_when(said or "today", lean="future", day=True).date()

    def submit(self, values: dict[str, Any]) -> ExperimentRead:
        from planner_tui.services import experiments

        starts = self.first_day(values)
        tied = str(values["tied"]).strip()
        started = self.planner.backend.write(
            partial(
                experiments.start_experiment,
                data={
                    "name": values["name"],
                    "tag": tied[1:] if tied.startswith("#") else "",
                    "step_words": "" if tied.startswith("#") else tied,
                    "weeks": int(str(values["weeks"]).strip()),
                    "starts": starts,
                },
            )
        )
        if started.tag:
            self.note = self.planner.backend.read(
                partial(experiments.unused_tag_note, tag=started.tag)
            )
        return started

    note: str | None = None
    """Said after saving: a #tag no entry has yet."""

    def saved(self, result: ExperimentRead) -> None:
        super().saved(result)
        if self.note:
            self.app.notify(self.note)

    def refused(self, message: str, field: str | None) -> None:
        super().refused(message, {"when": "starts", "tag": "tied", "step_words": "tied"}.get(
            field or "", field))  # fmt: skip


class EndExperimentForm(AnswerKeys, FormScreen[ExperimentRead]):
    """The running experiment, to end today: a question, its answers moved between by the
    arrows as in every other (only Tab moved here)."""

    SAVE_LABEL = "End it"
    CLOSE_LABEL = "Keep it going"
    START_IN = "#close"  # a question: the answer that changes nothing first, as elsewhere
    BINDINGS = [
        Binding("ctrl+s", "save", "End it"),
        Binding("escape", "leave", "Keep it going"),
        *ANSWER_KEYS,
    ]

    def __init__(self, experiment: ExperimentRead) -> None:
        super().__init__(f"experiment:end:{experiment.id}")
        self.experiment = experiment
        self.heading = f"End “{experiment.name}”?"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A question, not a form: nothing typed to discard (its footer offered ^l Discard).
        return action != "discard" and super().check_action(action, parameters)

    def on_mount(self) -> None:
        super().on_mount()
        # The answer Enter gives looks like the one that will happen (End it looked it).
        self.query_one("#save", Button).variant = "default"
        self.query_one("#close", Button).variant = "primary"

    def compose_fields(self) -> ComposeResult:
        from planner_tui import clock, words

        e = self.experiment
        yield Field(words.ending_experiment(e.starts, e.ends, clock.today()))

    def submit(self, values: dict[str, Any]) -> ExperimentRead:
        from planner_tui.services import experiments

        return self.planner.backend.write(
            partial(experiments.end_experiment, experiment_id=self.experiment.id)
        )

    def said_when_saved(self, result: ExperimentRead) -> str:
        return f"Ended “{result.name}”."
