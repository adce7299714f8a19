"""Checkboxes, lists of them and radio buttons whose chosen and unchosen states differ in
shape, not only in shade: Textual draws the same mark for both and dims one, which reads
the same on a monochrome terminal, with NO_COLOR, or to someone who can't tell the shades
apart. Chosen shows its mark; unchosen is an empty box."""

from __future__ import annotations

from textual.content import Content
from textual.strip import Strip
from textual.style import Style
from textual.widgets import Checkbox, RadioButton, SelectionList
from textual.widgets._selection_list import SelectionType
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import OptionDoesNotExist

TICKED = "X"
EMPTY = " "


def _button(toggle: ToggleButton, mark: str) -> Content:
    """The box around *mark*, drawn as Textual draws a toggle's button."""
    button_style = toggle.get_visual_style("toggle--button")
    side_style = Style(foreground=button_style.background, background=toggle.background_colors[1])
    return Content.assemble(
        (toggle.BUTTON_LEFT, side_style), (mark, button_style), (toggle.BUTTON_RIGHT, side_style)
    )


class Tick(Checkbox):
    """A checkbox: ``▐X▌`` ticked, ``▐ ▌`` not."""

    @property
    def _button(self) -> Content:
        return _button(self, TICKED if self.value else EMPTY)


class RadioTick(RadioButton):
    """A radio button: ``▐●▌`` chosen, ``▐ ▌`` not."""

    @property
    def _button(self) -> Content:
        return _button(self, self.BUTTON_INNER if self.value else EMPTY)


class TickList(SelectionList[SelectionType]):
    """A selection list whose unselected lines show an empty box."""

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return line
        segments = list(line)
        if selection.value in self._selected or len(segments) < 2:
            return line
        inner = segments[1]
        if inner.text != ToggleButton.BUTTON_INNER:  # not the line with the box
            return line
        segments[1] = inner._replace(text=EMPTY)
        return Strip(segments, line.cell_length)
