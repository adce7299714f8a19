"""What happened with a small step, recorded with curiosity: one short form per outcome.

Done records the contact (how warm, how it came about, how awkward it really felt next to
what was expected) — for a step toward a place, with the people met there, added to the
map; declined and no reply each get a kind word and can plan another time, offering the
person's own if-then backup first as that next step (saving takes it); rescheduled asks for
the new time; skipped just lets it go.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Select, Static, TextArea

from planner_tui import clock, words
from planner_tui.db.models import Channel, Initiator, StepRead, StepStatus, label, name_too_long
from planner_tui.errors import InvalidInput, PlannerError
from planner_tui.services import drafts
from planner_tui.services.steps import (
    OutcomeResult,
    channel_in_words,
    likely_done_at,
    notes_joined,
)
from planner_tui.ui.forms.base import ADD_NOTE, BASE, Field, FormScreen, Line, Problem, Question
from planner_tui.ui.forms.interaction import WARMTH
from planner_tui.ui.forms.plan import APPRECIATION, AWKWARD
from planner_tui.ui.forms.step import still_open
from planner_tui.ui.screens.base import text
from planner_tui.ui.screens.steps import StepItem
from planner_tui.ui.widgets.fields import TextBox, TextField
from planner_tui.ui.widgets.ticks import Dropdown
from planner_tui.when import describe, parse_when, read_back, typed

TITLES = {
    StepStatus.DONE: "Done — how did it go?",
    StepStatus.DECLINED: "They said not now",
    StepStatus.NO_REPLY: "No reply yet",
    StepStatus.RESCHEDULED: "Another time",
    StepStatus.SKIPPED: "Let this one go",
}
PLACE_TITLES = {StepStatus.DECLINED: "Not this time"}
PLACE_ANOTHER_TIME = "Another time to go? (optional — e.g. next week)"
"""For a step toward a place, where no one said anything (and no one is offered a time)."""
NEW_TIME = {
    StepStatus.DECLINED: ("Offer another time? (optional — e.g. next week)", ""),
    StepStatus.NO_REPLY: ("A gentle follow-up? (optional)", "in 3 days"),
    StepStatus.RESCHEDULED: ("The new time — e.g. sat 10am, in 2 days", ""),
}
"""Each outcome's question for a new time, and what it starts with (a follow-up: after
the step, see :func:`suggested_time`)."""
RESPONSES = [
    (Initiator.ME, "I reached out, as planned"),
    (Initiator.MUTUAL, "we arranged it together"),
    (Initiator.THEM, "they got in touch first"),
]


class OutcomeForm(FormScreen[Any]):
    """What happened with a step; with *change*, a different outcome for one that has one
    ("no reply" that later became "done")."""

    WORDS = "#note"
    MOMENTS = {"when": ("past", False)}  # (a new time keeps the step's hour: not here)

    def __init__(self, step: StepItem, status: StepStatus, *, change: bool = False) -> None:
        new_time = suggested_time(step, status)
        # A change looks back: what happened is most likely the step's own time, not now;
        # so does a step due on an earlier day (steps.likely_done_at).
        when, now = "now", clock.now()
        if change and step.settled_at is not None:  # as it was: a correction moved it to now
            when = typed(clock.to_local(step.settled_at))
        elif (change and step.due_at <= now) or likely_done_at(step.due_at, now) != now:
            when = typed(clock.to_local(step.due_at))
        guessed = channel_in_words(step.action)  # planned without saying how
        channel = step.channel or (guessed.value if guessed else None)
        initial = {"when": when, "new_time": new_time, "channel": channel}
        if words.backup_after(status.value, step.backup):  # their own plan B, first,
            initial |= {"follow_up": words.backup_step(step.backup),  # on the day it names
                        "new_time": default_follow_up(step, step.backup)}  # fmt: skip
        super().__init__(f"outcome{'-change' if change else ''}:{step.id}:{status.value}", initial)
        self.step = step
        self.status = status
        self.change = change
        self.kept_before_recorded = False
        """The draft picked up was kept for this outcome before it was recorded elsewhere."""
        title = (PLACE_TITLES if step.person_id is None else {}).get(status, TITLES[status])
        self.heading = f"Change how it went: {title}" if change else title
        self.suggested_time = str(initial["new_time"])
        """The time offered for the next step, as last suggested (see backup_changed)."""
        self.planned: list[StepRead] = []
        """The steps still planned: those near another time said are named by it."""

    def compose_fields(self) -> ComposeResult:
        yield Static(
            text(words.plan_card(self.step.due_at, self.step.action, self.step.person)),
            classes="card",
        )
        kind_words = words.outcome_kind_words(
            self.status, place=self.step.person_id is None, action=self.step.action
        )
        if kind_words:
            yield Static(text(kind_words), id="kind-words")
        if self.status is StepStatus.DECLINED:  # filled in once read: see use_choices
            not_nows = Line(id="not-nows", classes="muted")
            not_nows.display = False
            yield not_nows
        if words.backup_after(self.status.value, self.step.backup):
            yield Static(text(words.backup_offered(self.step.backup)), id="backup-offered")
            yield Field("Your backup as the next step (ctrl+s plans it; empty it for another)")
            yield TextField(id="follow_up")
        if self.status is StepStatus.DONE:
            yield Field("When it happened")
            yield TextField(id="when", select_on_focus=True)
            yield Line(id="when-preview", classes="muted")
            yield Problem(id="when-problem")
            toward_someone = self.step.person_id is not None  # not a place: who, how taken
            # Two side by side, each whole at 80 columns (three were cut to "how warm (opt…").
            yield Field("How warm it was, and how you were in touch (optional)")
            with Horizontal(classes="row"):
                yield Dropdown([(w, n) for n, w in enumerate(WARMTH, start=1)], id="warmth",
                               prompt="how warm")  # fmt: skip
                yield Dropdown([(label(c), c.value) for c in Channel], id="channel",
                               prompt="how")  # fmt: skip
            if toward_someone:
                yield Field("How it came about")
                yield Dropdown([(words_, i.value) for i, words_ in RESPONSES], id="responded",
                               allow_blank=False, value=Initiator.ME.value)  # fmt: skip
            expected = self.step.expected_awkwardness
            yield Field(
                f"You expected {expected}/5 awkward. How was it really?"
                if expected
                else "How awkward did it feel? (optional)"
            )
            yield Dropdown([(w, n) for n, w in enumerate(AWKWARD, start=1)], id="felt",
                           prompt="how it felt")  # fmt: skip
            if toward_someone:
                yield Field("How did they seem to take it? (optional)")
                yield Dropdown([(w, n) for n, w in enumerate(APPRECIATION, start=1)],
                               id="response", prompt="how they seemed, 1–5")  # fmt: skip
            if self.step.person_id is None:  # a step toward a place: who was there?
                yield Field("Who did you meet there? (optional — names, with commas between; "
                            "anyone new is added to your map)")  # fmt: skip
                yield TextField(id="met")
                if self.step.context_id is None:
                    yield Field("A name for this part of your life, to keep it on your map "
                                "(optional — e.g. Repair café)")  # fmt: skip
                    yield TextField(id="place")
                    yield Problem(id="place-problem")
        if self.status in NEW_TIME:
            asked = NEW_TIME[self.status][0]
            if self.step.person_id is None and self.status is StepStatus.DECLINED:
                asked = PLACE_ANOTHER_TIME  # no one is offered it (nu224)
            yield Field(asked)
            yield TextField(id="new_time", select_on_focus=True)
            yield Line(id="new-time-preview", classes="muted")
            yield Problem(id="new_time-problem")
        yield Field("A note, if you'd like — what you noticed (optional)")
        yield TextBox(id="note", classes="short")

    @on(Input.Changed, "#follow_up")
    def backup_changed(self, event: Input.Changed) -> None:
        """New words for the next step: its time follows the day they name ("call him next
        friday"), unless the time has been changed by hand (it stayed on the old words'
        day)."""
        new_time = self.query_one("#new_time", Input)
        # The backup as offered had its "the next evening" left out: its time still has it.
        offered = self.step.backup and event.value == words.backup_step(self.step.backup)
        suggested = default_follow_up(self.step, self.step.backup if offered else event.value)
        if new_time.value == self.suggested_time:
            new_time.value = suggested
        self.suggested_time = suggested

    # ---------------------------------------------------------------- the form contract

    def stored_now(self) -> dict[str, Any] | None:
        """A change: what the earlier outcome recorded, as the form's fields hold it — how
        the contact was made and who reached out too (saved unchanged, the form had put the
        step's planned way and "I reached out" in their place)."""
        if not self.change:
            return None
        from planner_tui.services import steps

        backend = self.planner.backend
        step = backend.read(partial(steps.get_step, step_id=self.step.id))
        stored: dict[str, Any] = {"note": step.outcome_note, "warmth": step.warmth,
                                  "felt": step.felt_awkwardness,
                                  "response": step.appreciation_response}  # fmt: skip
        contact = backend.read(partial(steps.recorded_contact, step_id=self.step.id))
        if contact is not None:
            channel, initiator, occurred_at = contact
            stored |= {"channel": channel, "responded": initiator,
                       "when": typed(clock.to_local(occurred_at))}  # fmt: skip
        return {key: value for key, value in stored.items() if value not in (None, "")}

    def draft_found(self) -> drafts.Taken | None:
        """Changing an outcome: words kept for this outcome before it was recorded
        elsewhere while the app was closed are picked up here (nu275: they stayed in a
        draft no form opened again)."""
        found = super().draft_found()
        if found is not None or not self.change:
            return found
        first = f"outcome:{self.step.id}:{self.status.value}"
        found = self.planner.backend.read(partial(drafts.find_draft, key=first))
        self.kept_before_recorded = found is not None
        return found

    def picked_up(self, draft: dict[str, Any], stored: dict[str, Any] | None) -> dict[str, Any]:
        """A draft kept before the outcome was recorded: its note after the one recorded,
        written against it (not a change made elsewhere since, to ask about)."""
        if not self.kept_before_recorded:
            return draft
        recorded = str((stored or {}).get("note") or "")
        typed = notes_joined(recorded, str(draft.get("note") or ""))
        return {**draft, "note": typed, BASE: {**draft.get(BASE, {}), "note": recorded}}

    def load_choices(self) -> Any:
        """For another time: the steps still planned (those near it are named by it); for a
        "not now", too, how many of the last year's became a yes later. A step whose outcome
        was recorded meanwhile, in another window or on another computer, has nothing left
        to record here (the whole form was filled in before saving said so, nu217)."""
        from planner_tui.services import learning, steps

        backend = self.planner.backend
        if not self.change:
            still_open(backend, self.step.id)
        if self.status not in NEW_TIME:
            return None
        planned = backend.read(partial(steps.list_steps, upcoming=True, limit=500))
        if self.status is not StepStatus.DECLINED:
            return planned, None
        return planned, backend.read(learning.recent_not_nows)

    def settled_with_words(self, message: str, draft: dict[str, Any]) -> bool:
        """A note kept as a draft, for a step recorded meanwhile elsewhere: offered to that
        outcome's note, as when saving finds it so (nu230: the form closed, and the words
        stayed in a draft no form opens). Escape adds them too: the step no longer shows
        where the draft could be asked about again, and only *Let it go* lets them go."""
        from planner_tui.ui.modals.confirm import Choice

        note = str(draft.get("note") or "").strip()
        if not note:
            return False

        def answered(answer: str | None) -> None:
            if answer == "drop":
                self.app.run_worker(self.drop_draft, thread=True, group="draft")
            else:
                self.app.run_worker(partial(self.add_note_kept, note), thread=True,
                                    group="draft")  # fmt: skip

        self.app.push_screen(
            Choice(
                "Recorded meanwhile, elsewhere",
                f"{message} What you wrote for it was kept as a draft: add it to its note?",
                [(ADD_NOTE, "Add it to its note"), ("drop", "Let it go")],
            ),
            answered,
        )
        return True

    def add_note_kept(self, note: str) -> None:
        """In a worker: the draft's note, added to the outcome recorded elsewhere."""
        from planner_tui.services import steps

        try:
            with self.planner.backend.alongside(self._draft_goes()):
                result = self.planner.backend.write(
                    partial(steps.add_to_outcome_note, step_id=self.step.id, note=note)
                )
        except PlannerError as error:  # the draft stays, to be offered again
            self.planner.call_from_thread(self.planner.notify, str(error), severity="error")
            return
        self.drop_draft()
        said = words.note_added(label(result.status))
        self.planner.call_from_thread(self.planner.notify, said, title="How it went")

    def use_choices(self, choices: Any) -> None:
        from planner_tui.learning import MIN_NOT_NOWS, NotNows

        if choices is None:
            return
        self.planned, choices = choices
        if not isinstance(choices, NotNows):
            return
        # Said only when it is good news: some of the earlier ones became a yes.
        if choices.count >= MIN_NOT_NOWS and choices.became_yes:
            line = self.query_one("#not-nows", Static)
            line.update(text(words.not_nows(choices.count, choices.became_yes,
                                            "in the last twelve months")))  # fmt: skip
            line.display = True

    def _select(self, widget_id: str) -> Any:
        found = self.query(f"#{widget_id}").results(Select)
        widget = next(iter(found), None)
        return None if widget is None or widget.value is Select.NULL else widget.value

    def _input(self, widget_id: str) -> str:
        found = next(iter(self.query(f"#{widget_id}").results(Input)), None)
        return found.value if found is not None else ""

    def values(self) -> dict[str, Any]:
        return {
            "when": self._input("when"),
            "new_time": self._input("new_time"),
            "follow_up": self._input("follow_up"),
            "met": self._input("met"),
            "place": self._input("place"),
            "warmth": self._select("warmth"),
            "responded": self._select("responded"),
            "channel": self._select("channel"),
            "felt": self._select("felt"),
            "response": self._select("response"),
            "note": self.query_one("#note", TextArea).text,
        }

    def fill(self, values: dict[str, Any]) -> None:
        for key in ("when", "new_time", "follow_up", "met", "place"):
            for widget in self.query(f"#{key}").results(Input):
                widget.value = str(values.get(key) or "")
        allowed: dict[str, set[Any]] = {
            "warmth": set(range(1, 6)),
            "felt": set(range(1, 6)),
            "response": set(range(1, 6)),
            "responded": {i.value for i in Initiator},
            "channel": {c.value for c in Channel},
        }
        for key, valid in allowed.items():
            for select in self.query(f"#{key}").results(Select):
                if values.get(key) in valid:
                    select.value = values[key]
        self.query_one("#note", TextArea).text = str(values.get("note", ""))

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        from planner_tui.services.steps import (
            check_ahead,
            check_follow_up,
            near_in_time,
            new_time,
            new_time_disagrees,
        )

        problems = {}
        if self.status is StepStatus.DONE:
            preview = self.query_one("#when-preview", Static)
            try:
                moment, shown = read_back(values["when"], lean="past")
                preview.update(text("→ " + shown + self.year_asked(moment, values)))
                if moment > clock.now():
                    problems["when"] = "That is still to come; say when it happened."
            except InvalidInput as error:
                preview.update("")
                problems["when"] = str(error)
        if self.status in NEW_TIME:
            preview = self.query_one("#new-time-preview", Static)
            preview.update("")
            typed = values["new_time"].strip()
            if not typed and self.status is StepStatus.RESCHEDULED:
                problems["new_time"] = "When would suit better? Try 'sat 10am' or 'in 2 days'."
            elif typed:
                try:
                    moment = new_time(typed, self.step.due_at)
                    shown = "→ " + describe(moment) + self.year_asked(moment, values, "new_time")
                    if self.status is StepStatus.RESCHEDULED and moment < self.step.due_at:
                        shown += " · " + words.sooner_than(self.step.due_at)
                    shown += words.also_then(
                        near_in_time(self.planned, moment, leave_out=self.step.id)
                    )
                    own = values["follow_up"]
                    if disagree := new_time_disagrees(self.step, self.status, moment, own):
                        # asked, not refused, and how to answer said (nu213 found no way)
                        shown += f". {disagree} {words.KEEP_OR_CHANGE_TIME}"
                    preview.update(text(shown))
                    check_ahead(moment)
                    if self.status is StepStatus.NO_REPLY:
                        check_follow_up(self.step.due_at, moment)
                except InvalidInput as error:
                    problems["new_time"] = str(error)
        if values["follow_up"].strip() and not values["new_time"].strip():
            problems["new_time"] = "When would suit your backup? Try 'in 3 days' or 'sat 10am'."
        if too_long := name_too_long(values["place"].strip()):
            problems["place"] = f"A name {too_long}."
        return problems

    def submit(self, values: dict[str, Any]) -> Any:
        from planner_tui.services import steps

        backend = self.planner.backend
        if values.get(ADD_NOTE):
            return backend.write(
                partial(steps.add_to_outcome_note, step_id=self.step.id, note=values["note"])
            )
        if not self.change and values["note"].strip():
            try:  # recorded meanwhile, elsewhere: the words here can still go with it
                backend.read(partial(steps.check_open_step, step_id=self.step.id))
            except InvalidInput as error:
                raise Question(
                    "Recorded meanwhile, elsewhere",
                    f"{error} It was recorded meanwhile, elsewhere. Add what you wrote here "
                    "to its note?",
                    [("edit", "Keep editing"), (ADD_NOTE, "Add it to its note")],
                ) from None
        outcome: dict[str, Any] = {"status": self.status, "note": values["note"]}
        if self.status is StepStatus.DONE:
            occurred_at = parse_when(values["when"], lean="past")
            self.ask_year(occurred_at, values)
            outcome |= {
                "occurred_at": occurred_at,
                "warmth": values["warmth"],
                "felt_awkwardness": values["felt"],
                "appreciation_response": values.get("response"),
                "responded": values["responded"] or Initiator.ME,
                "channel": values["channel"],
            }
            if self.step.person_id is None:
                outcome["met"] = [name.strip() for name in values["met"].split(",")]
                if values["place"].strip():
                    outcome["place"] = values["place"].strip()
        if values["new_time"].strip() and self.status in NEW_TIME:
            outcome["new_due_at"] = steps.new_time(values["new_time"], self.step.due_at)
            self.ask_year(outcome["new_due_at"], values, "new_time")
            if values["follow_up"].strip():
                outcome["follow_up"] = values["follow_up"].strip()
            elif self.status is not StepStatus.NO_REPLY and not values.get("again"):
                self.ask_if_already_there(outcome["new_due_at"])
        if self.change:
            from planner_tui.services import corrections

            return self.planner.backend.write(
                partial(corrections.change_outcome, step_id=self.step.id, outcome=outcome)
            )
        return self.planner.backend.write(
            partial(steps.record_outcome, step_id=self.step.id, outcome=outcome)
        )

    def ask_if_already_there(self, due_at: datetime) -> None:
        """The step itself at its new time onto one just like it: asked, as the wizard asks
        before planning a step a second time (it was planned twice, three times)."""
        from planner_tui.services import steps

        there = self.planner.backend.read(
            partial(steps.already_there, step_id=self.step.id, due_at=due_at)
        )
        if there is not None:
            raise Question(
                "Already on your plan",
                words.already_there(
                    there.due_at,
                    there.action,
                    there.person,
                    there.id,
                    its_own=there.id == self.step.id,
                )
                + " Plan this one then as well?",
                [("back", "Choose another time"), ("again", "Plan it as well")],
            )

    def answered(self, answer: str | None, values: dict[str, Any]) -> None:
        if answer in ("again", ADD_NOTE):
            self.save({**values, answer: True})

    def refused(self, message: str, field: str | None) -> None:
        name = (field or "").split(".")[0]
        shown = {"new_due_at": "new_time", "follow_up": "new_time"}
        super().refused(message, None if name == "met" else shown.get(name, field))

    def saved(self, result: OutcomeResult | tuple[OutcomeResult, Any] | StepRead) -> None:
        self.dirty = False
        if isinstance(result, StepRead):  # the note, added to the outcome recorded elsewhere
            self.app.notify(words.note_added(label(result.status)), title="How it went")
            self.dismiss(None)
            return
        said = ""
        if isinstance(result, tuple):  # a change, which undo can take back (and says so)
            from planner_tui.ui.undo import name, remember

            what = f"{name(self.step.action)} ({words.when(self.step.due_at)})"  # which one
            remember(self.app, f"the new outcome of {what}",
                     f"The outcome of {what} is back as it was.")(result)  # fmt: skip
            # (said only of a change there is: saved as it was, u took back an older, nu207)
            said = "" if result[1].empty else "\nu undoes the change."
            result = result[0]
        self.app.notify(outcome_message(result) + said, title="How it went")
        self.dismiss(result)


def suggested_time(step: StepItem, status: StepStatus) -> str:
    """The new time an outcome form starts with: for no reply, a follow-up a few days
    after the step (the one rule: :func:`~planner_tui.services.steps.follow_up_time`)."""
    if status is not StepStatus.NO_REPLY:
        return NEW_TIME.get(status, ("", ""))[1]
    from planner_tui.services.steps import offers_follow_up

    if not offers_follow_up(step.action):
        return ""  # one can be typed
    return default_follow_up(step)


def default_follow_up(step: StepItem, said: str = "") -> str:
    """The default follow-up or backup time (on the day *said* names, if it names one),
    written as the time field reads it."""
    from planner_tui.services.steps import follow_up_time

    return typed(clock.to_local(follow_up_time(step.due_at, said=said, settling=True)))


def outcome_message(result: OutcomeResult) -> str:
    """What the person hears after recording an outcome (as the command line says it)."""
    step = result.step
    following = [(s.due_at, s.action, None, bool(s.rrule)) for s in result.following]
    return words.outcome_said(step.status.value, expected=step.expected_awkwardness,
                              felt=step.felt_awkwardness, following=following,
                              place=step.person_id is None, action=step.action) + (
        words.taken_off_said([(s.due_at, s.action) for s in result.taken_off]))  # fmt: skip
