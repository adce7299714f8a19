"""A question with a few answers as buttons; the answer's id comes back (None on Escape)."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.events import Key
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from planner_tui.ui.screens.base import KeepsStyles, text
from planner_tui.ui.widgets.answers import ANSWER_KEYS, AnswerKeys, Answers, space_presses
from planner_tui.ui.widgets.footer import DialogFooter


class Choice(KeepsStyles, DialogFooter, AnswerKeys, ModalScreen[str | None]):
    # In the footer: how to move between the answers (AnswerKeys), and the way out. (Enter
    # presses the focused answer: the button's own key, which Textual keeps out of the
    # footer.)
    BINDINGS = [*ANSWER_KEYS, Binding("escape", "dismiss", "Cancel")]

    def __init__(
        self,
        title: str,
        message: str,
        answers: list[tuple[str, str]],
        shortcuts: dict[str, str] | None = None,
        first: str | None = None,
    ) -> None:
        super().__init__()
        self.heading = title
        self.message = message
        self.answers = answers
        self.shortcuts = shortcuts or {}
        """Keys that give an answer at once: key → answer id."""
        self.first = first
        """The answer with the focus as the question opens (else the first)."""
        self.over_work = False
        """Asked while a save or write is under way, which keys would wait for (quitting,
        typeahead): keys go to the question instead."""

    def compose(self) -> ComposeResult:
        # It scrolls when the terminal is too short for it, so no answer is ever out of reach.
        with VerticalScroll(classes="dialog"):
            yield Label(text(self.heading), classes="dialog-title")
            yield Static(text(self.message, multiline=True))
            # Many answers, or long ones, go two by two, so none is pushed off the dialog
            # (three long ones in a row cut the last: "Keep e…").
            many = len(self.answers) > 3 or sum(cell_len(w) + 6 for _, w in self.answers) > 66
            yield Answers(
                *[
                    Button(
                        text(words),
                        id=f"answer-{answer}",
                        variant="primary" if index == 0 else "default",
                    )
                    for index, (answer, words) in enumerate(self.answers)
                ],
                grid=many,
            )

    def on_mount(self) -> None:
        # Tab goes round the answers alone: the dialog was a stop of its own, where Enter
        # did nothing (nu204). (It still scrolls, by the answers' focus.)
        self.query_one(VerticalScroll).can_focus = False
        chosen = self.query(f"#answer-{self.first}") if self.first else None
        answer = chosen.first(Button) if chosen else self.query(Button).first()
        answer.focus(scroll_visible=False)
        # On a tiny screen the dialog scrolls: the answer Enter gives in sight, whole (once
        # laid out: it has no place yet).
        answer.call_after_refresh(answer.scroll_visible, animate=False)

    def on_key(self, event: Key) -> None:
        if space_presses(self, event):
            return
        if event.key in self.shortcuts:
            event.stop()
            self.dismiss(self.shortcuts[event.key])

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss((event.button.id or "").removeprefix("answer-"))
