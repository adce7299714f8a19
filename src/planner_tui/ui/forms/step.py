"""Changing a planned step: its words, time, how, cue, backup, repeat and expected
awkwardness. A step that repeats asks, on saving, whether the change is for this occurrence
alone or for the whole series from here (a new repeat is always the series')."""

from __future__ import annotations

from datetime import datetime, time
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Select, Static

from planner_tui import clock, words
from planner_tui.db.models import Channel, StepRead, label
from planner_tui.errors import InvalidInput
from planner_tui.ui.forms.base import (
    ADD_NOTE,
    Field,
    FormScreen,
    Line,
    Problem,
    Question,
    Settled,
)
from planner_tui.ui.forms.plan import AWKWARD, words_refused
from planner_tui.ui.screens.base import text
from planner_tui.ui.widgets.fields import TextField
from planner_tui.ui.widgets.ticks import Dropdown
from planner_tui.when import describe_repeat, parse_repeat, read_back, typed

if TYPE_CHECKING:
    from planner_tui.ui.backend import Backend

FIELDS = {"words": "action", "when": "due_at", "channel": "channel",
          "awkwardness": "expected_awkwardness", "repeat": "rrule", "cue": "cue",
          "backup": "backup"}  # fmt: skip
"""Each field of the form and the step's value it changes."""
PROBLEM_FIELDS = {"action": "words", "due_at": "when", "rrule": "repeat"}


def repeat_words(rule: str | None) -> str:
    """A rule as the repeat field shows it: in words when they read back as the same rule."""
    if not rule:
        return ""
    said = describe_repeat(rule)
    try:
        return said if parse_repeat(said) == rule else rule
    except InvalidInput:
        return rule


def as_typed(step: StepRead) -> dict[str, Any]:
    return {
        "words": step.action,
        "when": typed(clock.to_local(step.due_at)),
        "channel": step.channel.value if step.channel else None,
        "awkwardness": step.expected_awkwardness,
        "repeat": repeat_words(step.rrule),
        "cue": step.cue,
        "backup": step.backup,
    }


def still_open(backend: Backend, step_id: int) -> None:
    """:class:`Settled` when the step's outcome was recorded meanwhile, elsewhere (another
    window, another computer, the command line): its form has nothing left to do."""
    from planner_tui.services import steps

    try:
        backend.read(partial(steps.check_open_step, step_id=step_id))
    except InvalidInput as error:
        raise Settled(f"{error} It was recorded meanwhile, elsewhere.") from None


class StepForm(FormScreen[Any]):
    TITLE = "Change this step"
    MOMENTS = {"when": ("future", False)}
    FIELD_WORDS = {"when": "time", "channel": "way of reaching out",
                   "awkwardness": "expected awkwardness", "cue": "if-then cue",
                   "backup": "if-then backup"}  # fmt: skip

    def __init__(self, step: StepRead) -> None:
        super().__init__(f"step:{step.id}", as_typed(step))
        self.step = step
        self.planned: list[StepRead] = []
        """The steps still planned: those near the time said are named by it."""
        self._settled_as = ""
        """What saving found: the step's outcome recorded meanwhile, elsewhere."""

    def load_choices(self) -> list[StepRead]:
        from planner_tui.services import steps

        return self.planner.backend.read(partial(steps.list_steps, upcoming=True, limit=500))

    def use_choices(self, choices: list[StepRead]) -> None:
        self.planned = choices

    def compose_fields(self) -> ComposeResult:
        yield Static(
            text(words.plan_card(self.step.due_at, self.step.action, self.step.person)),
            classes="card",
        )
        yield Field("The step, in words you'd use")
        yield TextField(id="words")
        yield Problem(id="words-problem")
        yield Field("When — e.g. tomorrow 6pm, fri 7pm, in 3 days")
        yield TextField(id="when", select_on_focus=True)
        yield Line(id="when-preview", classes="muted")
        yield Problem(id="when-problem")
        # Named above them, as in the outcome form: chosen, a box said only "4" (nu252).
        yield Field("How you'll be in touch, and how awkward you expect it to be (optional)")
        with Horizontal(classes="row"):
            yield Dropdown([(label(c), c.value) for c in Channel], id="channel",
                           prompt="how (optional)")  # fmt: skip
            yield Dropdown([(w, n) for n, w in enumerate(AWKWARD, start=1)], id="awkwardness",
                           prompt="expected awkwardness")  # fmt: skip
        yield Field("Repeat (optional): weekly, every 2 weeks, monthly, every mon — or empty")
        yield TextField(id="repeat")
        yield Line(id="repeat-preview", classes="muted")
        yield Problem(id="repeat-problem")
        yield Field("If-then cue (optional)")
        yield TextField(id="cue")
        yield Field("If-then backup (optional)")
        yield TextField(id="backup")

    def stored_now(self) -> dict[str, Any]:
        from planner_tui.services import steps

        return as_typed(self.planner.backend.read(partial(steps.get_step, step_id=self.step.id)))

    # ---------------------------------------------------------------- the form contract

    def values(self) -> dict[str, Any]:
        def chosen(widget_id: str) -> Any:
            value = self.query_one(f"#{widget_id}", Select).value
            return None if value is Select.NULL else value

        typed = {key: self.query_one(f"#{key}", Input).value
                 for key in ("words", "when", "repeat", "cue", "backup")}  # fmt: skip
        return {**typed, "channel": chosen("channel"), "awkwardness": chosen("awkwardness")}

    def fill(self, values: dict[str, Any]) -> None:
        for key in ("words", "when", "repeat", "cue", "backup"):
            self.query_one(f"#{key}", Input).value = str(values.get(key) or "")
        channel = self.query_one("#channel", Select)
        if values.get("channel") in {c.value for c in Channel}:
            channel.value = values["channel"]
        else:
            channel.clear()
        awkwardness = self.query_one("#awkwardness", Select)
        if values.get("awkwardness") in range(1, 6):
            awkwardness.value = values["awkwardness"]
        else:
            awkwardness.clear()

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        from planner_tui.services.steps import check_ahead, days_disagree, near_in_time

        problems: dict[str, str] = {}
        if not values["words"].strip():
            problems["words"] = "Say what the step is, in a few words."
        elif problem := words_refused(values["words"]):
            problems["words"] = problem
        if problem := self.preview(
            "repeat", lambda: describe_repeat(parse_repeat(values["repeat"]))
        ):
            problems["repeat"] = problem
        preview = self.query_one("#when-preview", Static)
        try:
            due, shown = read_back(values["when"], lean="future", at=self.time_of_day)
            shown += words.also_then(near_in_time(self.planned, due, leave_out=self.step.id))
            if "repeat" not in problems:
                shown += self.repeat_moves(due, values["repeat"])
                texts = {what: values[key] for what, key in
                         (("step", "words"), ("cue", "cue"), ("backup", "backup"))}  # fmt: skip
                rule = parse_repeat(values["repeat"])
                if disagree := days_disagree(due_at=due, rule=rule, texts=texts):
                    shown += f". {disagree}"  # asked, not refused: as the wizard asks
            preview.update(text("→ " + shown + self.year_asked(due, values)))
            if self.typed_anew(values, "when"):
                check_ahead(due)
        except InvalidInput as error:
            if not values["when"].strip():
                preview.update("")
            problems["when"] = str(error)
        return problems

    @property
    def time_of_day(self) -> time:
        """A new day said without a time keeps the step's (see steps.new_time)."""
        return clock.to_local(self.step.due_at).time()

    def repeat_moves(self, due: datetime, repeat: str) -> str:
        """What the read-back adds when a repeat's days don't include the time chosen: the
        series starts on its first day after (a step changed alone keeps the time)."""
        from planner_tui.services.steps import first_occurrence

        rule = parse_repeat(repeat)
        first = first_occurrence(rule, due)
        if first == due:
            return ""
        asked = self.step.rrule is not None and rule == self.step.rrule  # one, or every one?
        alone = " Changing only this one keeps the time you chose." if asked else ""
        return f". {words.repeat_starts(due, first)}{alone}"

    def changes(self, values: dict[str, Any]) -> dict[str, Any]:
        """What the person changed, as the step's values."""
        from planner_tui.services.steps import new_time

        changed = {}
        for key, field in FIELDS.items():
            if values[key] == self.initial.get(key):
                continue
            value = values[key]
            if key == "when":
                value = new_time(value, self.step.due_at)
            elif key == "repeat":
                value = parse_repeat(value)
                if value == self.step.rrule:
                    continue
            elif key in ("cue", "backup"):
                value = value.strip()
            changed[field] = value
        return changed

    def submit(self, values: dict[str, Any]) -> Any:
        from planner_tui.services import corrections, steps

        if values.get(ADD_NOTE):
            note = self.words_changed(values)
            return self.planner.backend.write(
                partial(steps.add_to_outcome_note, step_id=self.step.id, note=note)
            )
        changed = self.changes(values)
        if not changed:
            return None
        # Settled meanwhile, elsewhere: saving closes the form saying so (it was refused,
        # and Escape kept a draft no form could open again, nu244) — its words changed
        # offered to the outcome's note first, as the outcome form's are (nu260).
        try:
            still_open(self.planner.backend, self.step.id)
        except Settled as settled:
            if not self.words_changed(values):
                raise
            self._settled_as = str(settled)
            raise Question(
                "Recorded meanwhile, elsewhere",
                f"{settled} Add the words you changed here to its note?",
                [("drop", "Let them go"), (ADD_NOTE, "Add them to its note")],
            ) from None
        if "due_at" in changed:
            self.ask_year(changed["due_at"], values)
        scope = values.get("scope")
        if self.step.rrule and "rrule" not in changed and scope is None:
            raise Question(
                "Only this one, or every one?",
                f"{words.with_person(self.step.action, self.step.person)} repeats "
                f"{describe_repeat(self.step.rrule)}. Change this one occurrence, or this "
                "one and every one after it?",
                [("one", "Only this one"), ("series", "Every one from now")],
            )
        return self.planner.backend.write(
            partial(
                corrections.update_step,
                step_id=self.step.id,
                data=changed,
                scope="one" if scope == "one" else "series",
            )
        )

    def answered(self, answer: str | None, values: dict[str, Any]) -> None:
        if answer in ("one", "series"):
            self.save({**values, "scope": answer})
        elif answer == ADD_NOTE:
            self.save({**values, ADD_NOTE: True})
        elif answer == "drop":
            self._settled(self._settled_as, None)

    def words_changed(self, values: dict[str, Any]) -> str:
        """The step's words, cue and backup as changed here, for an outcome's note."""
        said = {"words": "{}", "cue": "If-then cue: {}", "backup": "If-then backup: {}"}
        return "\n".join(
            line.format(values[key].strip())
            for key, line in said.items()
            if values[key].strip() and values[key] != self.initial.get(key)
        )

    def refused(self, message: str, field: str | None) -> None:
        name = (field or "").split(".")[0]
        super().refused(message, PROBLEM_FIELDS.get(name, field))

    def said_when_saved(self, result: Any) -> str:
        return "Saved; u undoes it."  # as a changed contact says (nu167)

    def saved(self, result: Any) -> None:
        from planner_tui.ui.undo import name, remember

        if result is None:
            self.dirty = False
            self.app.notify("Nothing changed.")
            self.dismiss(None)
            return
        if isinstance(result, StepRead):  # the words, added to the outcome recorded elsewhere
            self.dirty = False
            self.app.notify(words.note_added(label(result.status)), title="How it went")
            self.dismiss(None)
            return
        what = name(self.step.action)
        remember(self.app, f"the changes to {what}", f"The step “{what}” is back as it was.")(
            result
        )
        super().saved(result)
