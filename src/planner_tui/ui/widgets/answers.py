"""A dialog's buttons: side by side, or one under another when they don't fit across; the
one with the focus drawn as the chosen one, and the arrows that move between them."""

from __future__ import annotations

from typing import Any, cast

from rich.cells import cell_len
from textual.binding import Binding
from textual.containers import Horizontal, ScrollableContainer
from textual.events import DescendantBlur, DescendantFocus, Key, Resize
from textual.screen import Screen
from textual.widgets import Button

BUTTON_MIN_WIDTH = 16
"""Textual's Button's own `min-width`."""
BUTTON_SIDES = 4
"""A button's border and padding, beside its label."""
APART = 2
"""The gap between two buttons (`.buttons Button` margin, `.answers-grid` gutter)."""


class Answers(Horizontal):
    """Answers across the dialog while each shows whole; on a narrow terminal, one under
    another, full width (at 30 columns the answer Enter gave was out of sight, past the
    dialog's right edge). Two by two (*grid*) for many or long answers."""

    def __init__(self, *buttons: Button, grid: bool = False, id: str | None = None) -> None:
        super().__init__(*buttons, id=id, classes="buttons answers-grid" if grid else "buttons")
        self._variants: dict[Button, str] | None = None
        """Each answer's own look, kept while one of them has the focus."""

    def across(self) -> int:
        """The width the answers need side by side."""
        widths = [
            max(BUTTON_MIN_WIDTH, cell_len(str(button.label)) + BUTTON_SIDES)
            for button in self.query_children(Button)
            if button.display
        ]
        if self.has_class("answers-grid"):
            return 2 * max(widths, default=0) + APART
        return sum(widths) + APART * (len(widths) - 1)

    @property
    def stacked(self) -> bool:
        return self.has_class("-stacked")

    @property
    def columns(self) -> int:
        """How many answers stand side by side, where some stand under others (↑ ↓ move by
        as many); 0 for one row of them."""
        return 1 if self.stacked else 2 if self.has_class("answers-grid") else 0

    def on_resize(self, event: Resize) -> None:
        stacked = self.across() > event.size.width
        if stacked != self.stacked:
            self.set_class(stacked, "-stacked")
            self.screen.refresh_bindings()  # the footer names the arrows that move here

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        # The answer with the focus is drawn as the chosen one (`primary`), the others
        # plain. Textual's focus only inverts a button's words, and the first answer, drawn
        # `primary` with or without the focus, looked more chosen than the focused one: a
        # blue "Keep the draft" beside the focused "Discard it", and Enter discarded.
        if self._variants is None:
            self._variants = {button: button.variant for button in self.query_children(Button)}
        for button in self._variants:
            button.variant = "primary" if button is event.widget else "default"

    def on_descendant_blur(self, _event: DescendantBlur) -> None:
        if self._variants is not None and self.screen.focused not in self._variants:
            for button, variant in self._variants.items():  # back to a field: a form's
                button.variant = variant  # Save stands out again, as what ctrl+s gives
            self._variants = None


def space_presses(screen: Screen[Any], event: Key) -> bool:
    """Space on a button presses it, as Enter does: it did nothing on a form's Save or a
    question's answers (nu195). Whether it did."""
    button = screen.focused
    if event.key != "space" or not isinstance(button, Button):
        return False
    event.stop()
    event.prevent_default()
    button.press()
    return True


def other_answer(screen: Screen[Any], step: int, *, short: bool = True) -> bool:
    """← or ↑ (*step* -1), → or ↓ (1) to the answer beside the focused one; none past either
    end: from the last, → went round to the first (in the experiment's question, from "Keep
    it going" to "End it"). *short*: a step past the end goes to the last one (else, as ↓
    under the last row of two by two, none: it went to the one beside, and ↑ then to
    another, nu258). Whether there was one to move to."""
    answers = [b for b in screen.query(Button) if b.display and not b.disabled]
    at = answers.index(screen.focused) if screen.focused in answers else 0
    to = max(0, min(len(answers) - 1, at + step))
    if to != at + step and not short:
        return False
    answers[to].focus()
    return to != at


ANSWER_KEYS = [
    # What the footer says, by how the answers stand (a key the answers then take first):
    # two by two, one "Answers" for all four arrows (it said "↑ ↓ Answers ← → Answers", nu198)
    Binding("left", "answer_around(-1)", "Answers", key_display="← → ↑ ↓", priority=True),
    Binding("left", "answer_beside(-1)", "Answers", key_display="← →", priority=True),
    Binding("left", "other_answer(-1)", show=False, priority=True),
    Binding("right", "other_answer(1)", show=False, priority=True),
    Binding("up", "answer_column(-1)", "Answers", key_display="↑ ↓", priority=True),
    Binding("up", "answer_below(-1)", show=False, priority=True),
    Binding("down", "answer_below(1)", show=False, priority=True),
]
"""A question's arrows (in its BINDINGS, with :class:`AnswerKeys` among its bases)."""


class AnswerKeys:
    """For a question (before ModalScreen in its bases, with :data:`ANSWER_KEYS` in its
    BINDINGS): the arrows move between its answers, before the scrolling dialog's own
    arrows, which would scroll it. ← → always; ↑ ↓ too when the answers stand one under
    another — in a column, or two by two (nu174: ↓ under *No reply yet* didn't reach
    *Skip*) — and the footer then names those (it said ← → over a column of answers, where
    ↓ did nothing); in a row, from an answer, ↑ ↓ move as ← → do. Not a Screen itself: as one, before ModalScreen, Screen's own styles
    came before the dialog's, and a question filled the terminal from its top left corner,
    hiding the form it asks about."""

    def columns(self) -> int:
        return next((a.columns for a in cast(Screen[Any], self).query(Answers)), 0)

    SHOWN_WHEN_COLUMNS = {"answer_beside": 0, "answer_column": 1, "answer_around": 2}
    """The arrows the footer names, by how many answers stand side by side (0: a row)."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.SHOWN_WHEN_COLUMNS:
            return self.columns() == self.SHOWN_WHEN_COLUMNS[action]
        if action == "answer_below" and not self.columns():  # a row: from an answer
            return isinstance(cast(Screen[Any], self).focused, Button)
        return super().check_action(action, parameters)  # type: ignore[misc, no-any-return]

    def action_other_answer(self, step: int) -> None:
        other_answer(cast(Screen[Any], self), step)

    def action_answer_below(self, step: int) -> None:
        # In a row, ↑ ↓ move as ← → do: learnt over a column, then on a terminal made wider,
        # ↓ did nothing and Enter gave the first answer (nu253). Past the last answer (or
        # the first) they scroll the dialog, as they did over a row.
        screen = cast(Screen[Any], self)
        if not other_answer(screen, step * max(1, self.columns()), short=False):
            for dialog in screen.query(".dialog").results(ScrollableContainer):
                dialog.scroll_relative(y=step, animate=False)

    action_answer_beside = action_answer_around = action_other_answer
    action_answer_column = action_answer_below
