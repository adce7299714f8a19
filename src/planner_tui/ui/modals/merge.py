"""Two entries on the map that are one person: name the other, see what moves, merge.

The person chosen first (on the Map or their page) is kept; the other's contacts, small
steps, journal mentions, contexts, dates and notes move to them, what they lack (a rhythm, a
nickname) comes from the other, and the other's name stays as another name of theirs, so
``@OldName`` still links. Two people of one name are told apart by their numbers (#5).
`u` undoes it.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from planner_tui import words
from planner_tui.errors import PlannerError
from planner_tui.names import name_key
from planner_tui.terminal import shorten
from planner_tui.ui.forms.base import Problem
from planner_tui.ui.screens.base import KeepsStyles, text
from planner_tui.ui.undo import NAME_WIDTH, name as short_name, write as undoable
from planner_tui.ui.widgets.fields import OneName, TextField
from planner_tui.ui.widgets.footer import DialogFooter

if TYPE_CHECKING:
    from planner_tui.db.models import PersonRead
    from planner_tui.services.corrections import MergeCounts
    from planner_tui.ui.app import PlannerApp


TITLE_WIDTH = 66
"""The characters a dialog's title line holds (app.tcss: a .dialog is 72 wide, less its
border and padding): a longer name in it is cut with …, never at the border."""


def called(person: PersonRead, *, numbered: bool, width: int = NAME_WIDTH) -> str:
    """*person*'s name for a sentence here, at most *width* characters; with their number
    when *numbered* (someone else has their name), which then tells the two apart."""
    if not numbered:
        return shorten(short_name(person.name), width)
    number = words.numbered("", person.id)
    return shorten(short_name(person.name), width - len(number)) + number


def same_name(one: PersonRead, other: PersonRead) -> bool:
    return name_key(one.name) == name_key(other.name)


def counted(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def what_moves(counts: MergeCounts) -> str:
    """'3 contacts, 1 small step and 2 journal mentions' (what there is of them)."""
    parts = [
        counted(n, one, many)
        for n, one, many in (
            (counts.contacts, "contact", "contacts"),
            (counts.steps, "small step", "small steps"),
            (counts.mentions, "journal mention", "journal mentions"),
            (counts.contexts, "context", "contexts"),
            (counts.dates, "date", "dates"),
        )
        if n
    ]
    if len(parts) > 1:
        return ", ".join(parts[:-1]) + " and " + parts[-1]
    return parts[0] if parts else ""


class MergePicker(KeepsStyles, DialogFooter, ModalScreen[None]):
    """Who to merge into *keep*: a name, as every name field reads it (planner_tui.names)."""

    BINDINGS = [Binding("escape", "dismiss", "Close")]

    def __init__(self, keep: PersonRead, everyone: list[PersonRead]) -> None:
        super().__init__()
        self.keep = keep
        self.others = [p for p in everyone if p.id != keep.id]

    @property
    def planner(self) -> PlannerApp:
        from planner_tui.ui.app import PlannerApp

        assert isinstance(self.app, PlannerApp)
        return self.app

    def compose(self) -> ComposeResult:
        numbered = any(same_name(self.keep, p) for p in self.others)
        keep = called(self.keep, numbered=numbered)
        title = called(
            self.keep, numbered=numbered, width=TITLE_WIDTH - len(words.merge_someone_into(""))
        )
        with Vertical(classes="dialog"):
            yield Label(text(words.merge_someone_into(title)), classes="dialog-title")
            yield Static(
                text(
                    f"Two entries on your map for one person? Type the other one's name. "
                    f"Their contacts, small steps, journal mentions, contexts, dates and notes "
                    f"move to {keep}, and their name stays as another name for {keep}, so "
                    "@Name in your journal still finds them. u undoes it.",
                    multiline=True,
                )
            )
            yield TextField(id="other", placeholder="the other one's name, then Enter")
            yield Problem(id="other-problem")

    def on_mount(self) -> None:
        field = self.query_one("#other", Input)
        field.suggester = OneName((p.name, p.nickname) for p in self.others)
        field.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        from planner_tui.names import people_meant
        from planner_tui.words import several_called

        event.stop()
        typed = event.value.strip()
        if not typed:
            return
        shown = event.input._suggestion  # Enter takes the suggested name, as elsewhere
        found = people_meant(typed, self.others)
        if not found and shown:
            found = people_meant(shown, self.others)
        problem = self.query_one("#other-problem", Problem)
        if len(found) > 1:  # two of one name are told apart by number
            several = [p for p in self.others if p.id in found]
            problem.say(several_called(typed, [p.name for p in several], [p.id for p in several]))
        elif not found and people_meant(typed, [self.keep]):
            problem.say(f"That is {short_name(self.keep.name)}: type the other one's name.")
        elif not found:
            problem.say(f"No one else on your map is called {words.quoted(typed)}.")
        else:
            problem.say(None)
            self.confirm(next(p for p in self.others if p.id == found[0]))

    @work(thread=True, exclusive=True, group="merge")
    def confirm(self, other: PersonRead) -> None:
        from planner_tui.services import corrections

        try:
            counts = self.planner.backend.read(
                partial(corrections.merge_counts, person_id=other.id, keep_id=self.keep.id)
            )
        except PlannerError as error:
            self.app.call_from_thread(self.query_one("#other-problem", Problem).say, str(error))
            return
        self.app.call_from_thread(self.ask, other, counts)

    def ask(self, other: PersonRead, counts: MergeCounts) -> None:
        from planner_tui.services import corrections
        from planner_tui.ui.modals.confirm import Choice

        numbered = same_name(self.keep, other)
        # Each is numbered when anyone else has their name too (Sam Taylor, merged with
        # Samantha, beside another Sam Taylor: which one was said nowhere).
        everyone = [self.keep, *self.others]
        keep_numbered = numbered or any(same_name(self.keep, p) for p in self.others)
        gone_numbered = numbered or any(same_name(other, p) for p in everyone if p.id != other.id)
        keep, gone = (
            called(self.keep, numbered=keep_numbered),
            called(other, numbered=gone_numbered),
        )
        # Each name has half the title's room at least, and whatever the other leaves.
        room = TITLE_WIDTH - len(words.merge_question("", ""))
        keep_title = called(
            self.keep, numbered=keep_numbered, width=max(room // 2, room - len(gone))
        )
        title = words.merge_question(
            called(other, numbered=gone_numbered, width=room - len(keep_title)), keep_title
        )
        taken = corrections.taken_on_merging(self.keep, other)
        rhythm = other.cadence_days if "rhythm" in taken else self.keep.cadence_days

        def answered(answer: str | None) -> None:
            if answer != "merge":
                return
            self.dismiss(None)
            undoable(
                self.planner,
                f"Merged {gone} into {keep} (u undoes it).",
                partial(corrections.merge_people, keep_id=self.keep.id, other_id=other.id),
                f"merging {gone} into {keep}",
                f"{gone} and {keep} are two people again.",
            )

        self.app.push_screen(
            Choice(
                title,
                (
                    f"Moving to {keep}: {what_moves(counts)}."
                    if what_moves(counts)
                    else words.nothing_moves(
                        gone, keep, shared=counts.shared, dates_left_out=bool(counts.theirs_stay)
                    )
                )
                + "\n"
                + words.merge_keeps(
                    keep,
                    gone,
                    rhythm=rhythm,
                    taken=taken,
                    alias=not numbered,
                    notes=bool(other.notes.strip() or other.boundaries.strip()),
                    nickname=other.nickname,
                )
                + words.own_dates_stay(gone, counts.theirs_stay),
                [
                    ("keep", "Keep apart"),
                    ("merge", "Merge"),
                ],  # the safe answer first, as for delete
            ),
            answered,
        )
