"""Correcting the record from any view: change or delete a logged contact, change a planned
step, change how a step went. Each one opens the right form or question; every change can
be taken back with `u` (see :mod:`planner_tui.ui.undo`)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from planner_tui import words
from planner_tui.errors import PlannerError
from planner_tui.terminal import shorten
from planner_tui.ui.screens.steps import OUTCOME_KEYS, StepItem
from planner_tui.ui.undo import name, write as undoable

if TYPE_CHECKING:
    from planner_tui.db.models import InteractionRead, StepRead
    from planner_tui.ui.app import PlannerApp


def describe_contact(contact: InteractionRead) -> str:
    """'Fri 20 Nov, 18:00 · call / video · with Ana, Ben': what a question about it shows."""
    from planner_tui.db.models import label

    return (f"{words.when(contact.occurred_at)} · {label(contact.channel)} · with "
            f"{', '.join(name(p) for p in contact.people) or 'no one now'}")  # fmt: skip


def contact_actions(app: PlannerApp, contact: InteractionRead) -> None:
    """Enter on a logged contact: change it (e) or delete it (x)."""
    from planner_tui.ui.modals.confirm import Choice

    def answered(answer: str | None) -> None:
        if answer == "edit":
            edit_contact(app, contact)
        elif answer == "delete":
            delete_contact(app, contact, ask=False)

    note = f"\n\n{shorten(contact.note.strip(), 600)}" if contact.note.strip() else ""
    app.push_screen(
        Choice(
            "This contact",
            describe_contact(contact) + note,  # the whole note: lists show its first line
            [("edit", "e · Change it"), ("delete", "x · Delete it")],
            {"e": "edit", "x": "delete"},
        ),
        answered,
    )


def edit_contact(app: PlannerApp, contact: InteractionRead) -> None:
    """The contact form, filled in with *contact*, to change it."""

    def load() -> None:
        from planner_tui.services import people
        from planner_tui.ui.forms.interaction import InteractionForm

        try:
            everyone = app.backend.read(partial(people.list_people, include_archived=True))
            contexts = app.backend.read(people.list_contexts)
        except PlannerError as error:
            app.call_from_thread(app.notify, str(error), severity="error")
            return
        app.call_from_thread(
            app.push_made, lambda: InteractionForm(everyone, contexts, contact=contact)
        )

    app.run_worker(load, thread=True, group="corrections", description="contact form")


def delete_contact(app: PlannerApp, contact: InteractionRead, *, ask: bool = True) -> None:
    """Delete a logged contact (after asking, unless it was just chosen)."""
    from planner_tui.services import people
    from planner_tui.ui.modals.confirm import Choice

    when = words.when(contact.occurred_at)

    def delete() -> None:
        undoable(
            app,
            f"Deleted the contact of {when}. u undoes it.",
            partial(people.delete_interaction, interaction_id=contact.id),
            f"deleting the contact of {when}",
            f"The contact of {when} is back.",
        )

    if not ask:
        delete()
        return
    app.push_screen(
        Choice(
            "Delete this contact?",
            f"{describe_contact(contact)}\n\nIt goes for everyone in it; u brings it back.",
            [("keep", "Keep"), ("delete", "Delete")],
        ),
        lambda answer: delete() if answer == "delete" else None,
    )


def edit_step(app: PlannerApp, step_id: int) -> None:
    """The form to change a planned step (its words, time, how, cue, backup, repeat)."""

    def load() -> None:
        from planner_tui.db.models import StepStatus
        from planner_tui.services import steps
        from planner_tui.ui.forms.step import StepForm

        try:
            step = app.backend.read(partial(steps.get_step, step_id=step_id))
        except PlannerError as error:
            app.call_from_thread(app.notify, str(error), severity="error")
            return
        if step.status is not StepStatus.PLANNED:
            app.call_from_thread(change_outcome, app, step)
            return
        app.call_from_thread(app.push_made, lambda: StepForm(step))

    app.run_worker(load, thread=True, group="corrections", description="step form")


def outcome_form(
    app: PlannerApp,
    step: StepItem,
    status: str,
    *,
    change: bool = False,
    then: Callable[[Any], None] | None = None,
) -> None:
    """The form for *status* on *step* — but no reply to a step toward a place is said
    at once, not after the whole form (no one there was asked)."""
    from planner_tui.db.models import StepStatus
    from planner_tui.ui.forms.outcome import OutcomeForm

    if status == StepStatus.NO_REPLY and step.person_id is None:
        app.notify(words.NO_REPLY_TO_A_PLACE)
        return
    app.push_screen(OutcomeForm(step, StepStatus(status), change=change), then)


def change_outcome(app: PlannerApp, step: StepRead | StepItem, status: str | None = None) -> None:
    """A different outcome for a step that has one: which (one key each), then its form."""
    from planner_tui.db.models import StepRead, label
    from planner_tui.ui.modals.confirm import Choice

    item = StepItem.of(step) if isinstance(step, StepRead) else step
    if status is not None:
        outcome_form(app, item, status, change=True)
        return
    now = f" — so far noted as {label(step.status)}" if isinstance(step, StepRead) else ""
    answers = [(s, f"{key} · {said}") for s, (key, said) in OUTCOME_KEYS.items()]
    shortcuts = {key: s for s, (key, _said) in OUTCOME_KEYS.items()}

    def answered(answer: str | None) -> None:
        if answer:
            outcome_form(app, item, answer, change=True)

    app.push_screen(
        Choice(
            "How did it really go?",
            f"{words.with_person(item.action, item.person)}{now}",
            answers,
            shortcuts,
            # Enter keeps how it went: on "Done", it made a "not now" a contact (nu202)
            first=getattr(step, "status", None),
        ),
        answered,
    )


def delete_step(app: PlannerApp, step: StepItem | StepRead) -> None:
    """Delete a planned step, after asking; `u` brings it back."""
    from planner_tui.db.models import StepStatus
    from planner_tui.services import steps
    from planner_tui.ui.modals.confirm import Choice

    what = name(step.action)
    planned = getattr(step, "status", StepStatus.PLANNED) is StepStatus.PLANNED
    hint = (
        "To record that it didn't happen, k (let go) keeps it in your history instead. "
        if planned
        else "It leaves how earlier steps went (the contact it recorded stays). "
    )
    rule = getattr(step, "rrule", None)
    if planned and rule:  # the series is this step: its later times go with it
        from planner_tui.when import describe_repeat

        hint = (
            f"It repeats ({describe_repeat(rule)}): deleting it ends the series, its later "
            "times too. k (let go) lets only this time go, and the series goes on. "
        )

    def answered(answer: str | None) -> None:
        if answer == "delete":
            # One settled comes back among how earlier steps went, not on the plan (nu252).
            back = "Back on your plan" if planned else "Back among how earlier steps went"
            undoable(app, f"Deleted: {what} (u undoes it).",
                     partial(steps.delete_step, step_id=step.id), f"deleting {what}",
                     f"{back}: {what}.")  # fmt: skip

    app.push_screen(
        Choice(
            "Delete this step?",
            f"{words.plan_card(step.due_at, step.action, step.person)}\n\n{hint}u brings it back.",
            [("keep", "Keep"), ("delete", "Delete")],
        ),
        answered,
    )


def step_actions(app: PlannerApp, step: StepRead) -> Any:
    """Enter on a step in someone's list: change it (still planned) or how it went."""
    from planner_tui.db.models import StepStatus

    if step.status is StepStatus.PLANNED:
        return edit_step(app, step.id)
    return change_outcome(app, step)
