"""A dialog's buttons: side by side, or one under another when they don't fit across."""

from __future__ import annotations

from rich.cells import cell_len
from textual.containers import Horizontal
from textual.events import Resize
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

    def on_resize(self, event: Resize) -> None:
        self.set_class(self.across() > event.size.width, "-stacked")
