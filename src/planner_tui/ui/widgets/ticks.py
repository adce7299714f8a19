"""Checkboxes, lists of them and radio buttons whose chosen and unchosen states differ in
shape, not only in shade: Textual draws the same mark for both and dims one, which reads
the same on a monochrome terminal, with NO_COLOR, or to someone who can't tell the shades
apart. Chosen shows its mark; unchosen is an empty box."""

from __future__ import annotations

import time

from textual import events
from textual.content import Content
from textual.strip import Strip
from textual.style import Style
from textual.widgets import Checkbox, RadioButton, SelectionList
from textual.widgets._selection_list import SelectionType
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import OptionDoesNotExist

from planner_tui.names import name_key

TICKED = "X"
EMPTY = " "
FIND_PAUSE = 1.0
"""Seconds after which letters typed in a list start a new name to find."""


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
    """A selection list whose unselected lines show an empty box, and where typing a name
    finds it: letters typed close together spell more of the name; the same letter again
    goes on to the next line it starts. Nothing found rings the terminal's bell, so typed
    letters never vanish without a sign."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._finding = ""
        self._found_at = 0.0

    def on_key(self, event: events.Key) -> None:
        if not event.is_printable or event.character in (None, " "):
            self._finding = ""  # a space (it ticks) or a move ends the name being spelled
            return  # the list's own keys
        event.stop()
        event.prevent_default()
        now = time.monotonic()
        spelling = self._finding if now - self._found_at < FIND_PAUSE else ""
        self._found_at = now
        if spelling == event.character:  # the same letter again: its next line
            spelling = ""
        self._finding = spelling + (event.character or "")
        found = self._line_starting(self._finding, again=not spelling)
        if found is None:
            self.app.bell()
        else:
            self.highlighted = found

    def _line_starting(self, typed: str, *, again: bool) -> int | None:
        """The first line from the highlighted one (*again*: from the one after it, round
        to the top) whose name starts with *typed*, as names are matched everywhere."""
        wanted = name_key(typed)
        count = self.option_count
        start = self.highlighted or 0
        for step in range(1 if again else 0, count + (1 if again else 0)):
            index = (start + step) % count
            prompt = self.get_option_at_index(index).prompt
            if name_key(getattr(prompt, "plain", str(prompt))).startswith(wanted):
                return index
        return None

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
