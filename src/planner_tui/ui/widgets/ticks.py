"""Checkboxes, lists of them and radio buttons whose chosen and unchosen states differ in
shape, not only in shade: Textual draws the same mark for both and dims one, which reads
the same on a monochrome terminal, with NO_COLOR, or to someone who can't tell the shades
apart. Chosen shows its mark; unchosen is an empty box. In lists and drop-downs, typing
finds a line by its words."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.strip import Strip
from textual.style import Style
from textual.widgets import Checkbox, OptionList, RadioButton, Select, SelectionList
from textual.widgets._select import SelectCurrent, SelectOverlay, SelectType
from textual.widgets._selection_list import SelectionType
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import OptionDoesNotExist

from planner_tui.names import begins, name_key

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


WORDS_RUN_ON = 1.0
"""Seconds within which a space after a drop-down's digit is part of the words typed on."""


class Tick(Checkbox, inherit_bindings=False):
    """A checkbox: ``▐X▌`` ticked, ``▐ ▌`` not. Space ticks; Enter goes on to the next box,
    as from a box for text and a tick list (it unticked what space had just ticked, nu195)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_button", "Toggle", show=False),
        Binding("enter", "app.focus_next", show=False),
    ]

    after_digit: float | None = None
    """When a drop-down's digit moved the cursor here: a space typed straight after it (as
    the next key, within :data:`WORDS_RUN_ON` seconds) is the one between "4" and "felt
    ok", not a tick (nu215: it ticked *I listened*). After a pause it ticks: a space after
    2.5 s did nothing, and a contact was saved with the wrong ticks (nu249)."""

    def on_key(self, event: events.Key) -> None:
        after, self.after_digit = self.after_digit, None
        if after is not None and event.character == " " and event.time - after < WORDS_RUN_ON:
            event.stop()
            event.prevent_default()

    @property
    def _button(self) -> Content:
        return _button(self, TICKED if self.value else EMPTY)


class RadioTick(RadioButton):
    """A radio button: ``▐●▌`` chosen, ``▐ ▌`` not."""

    @property
    def _button(self) -> Content:
        return _button(self, self.BUTTON_INNER if self.value else EMPTY)


class Finder:
    """Typing a name to find it in a list of words: letters typed close together spell
    more of the name; the same letter again goes on to the next line it starts. A line
    is found by the start of any of its words ('vid' finds 'call / video', 'club'
    'Climbing club', 'ch' '[bold]Choir[/]') as names are begun everywhere
    (:func:`names.begins`) — a number by its start alone ('5' is '5/5 · very warm', not
    the '/5' of every line)."""

    def __init__(self) -> None:
        self._spelling = ""
        self._typed_at = 0.0
        self._began_at = 0
        """The line the highlight was on as the name began to be spelled."""

    def forget(self) -> None:
        """A move or a tick ends the name being spelled."""
        self._spelling = ""

    @property
    def spelled(self) -> str:
        """The letters of the name being spelled, the last one typed included."""
        return self._spelling

    def spelling_on(self) -> bool:
        """Whether a name is being spelled: the next key typed now would go on with it."""
        return bool(self._spelling) and time.monotonic() - self._typed_at < FIND_PAUSE

    def find(self, character: str, lines: Sequence[str], at: int) -> int | None:
        """The line *character* (with the letters just before it) finds, from line *at*
        (the next line round to the top, when it is typed again); None if none. A letter
        typed after a pause begins a new name, unless no line begins with it: then it goes
        on with the name being spelled (a slow typist's "c", pause, "l" sent the "l" to the
        notes, nu215)."""
        now = time.monotonic()
        spelling, began_at = self._spelling, self._began_at
        paused = now - self._typed_at >= FIND_PAUSE
        self._typed_at = now
        found = self._look("" if paused else spelling, character, lines, at)
        if found is None and paused and spelling and spelling != character:
            self._began_at = began_at
            found = self._look(spelling, character, lines, at)
            if found is None:
                self._spelling = character  # what found nothing: the letter just typed
        return found

    def _look(self, spelling: str, character: str, lines: Sequence[str], at: int) -> int | None:
        if spelling == character:  # the same letter again: its next line
            spelling = ""
        if not spelling:
            self._began_at = at
        self._spelling = spelling + character
        wanted = name_key(self._spelling)
        # A first letter looks from the next line on (typed again, it goes round them); more
        # letters look from the line the name began on, itself included: "ch" on *Choir*
        # found *Church* after it by its "c" and stayed there (nu212).
        start, again = (at, 1) if not spelling else (self._began_at, 0)
        count = len(lines)
        for step in range(again, count + again):
            index = (start + step) % count
            line = lines[index]
            if wanted[:1].isdigit():
                if name_key(line).startswith(wanted):
                    return index
            elif begins(self._spelling, line):
                return index
        return None


def words_box(screen: object) -> Callable[[str], None] | None:
    """Where letters that find no line go on: the form's box for words (its
    ``write_in_words``); None for a screen without one, where they ring the bell instead."""
    return getattr(screen, "write_in_words", None) if getattr(screen, "WORDS", None) else None


def plain_words(prompt: object) -> str:
    """A line's words without their styles."""
    return str(getattr(prompt, "plain", prompt))


class StopsAtEnds(OptionList):
    """A list whose ↑ and ↓ stop at its first and last line, never round again, as
    questions do (nu237: ↓ held on a drop-down went round, so where it stopped was chance)."""

    def action_cursor_down(self) -> None:
        if self.highlighted is None or self.highlighted < self.option_count - 1:
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if self.highlighted is None or self.highlighted > 0:
            super().action_cursor_up()


class DropdownList(SelectOverlay, StopsAtEnds):
    """A :class:`Dropdown`'s open list. (Textual's type of a widget, which its queries and
    CSS go by, follows the first base: so Textual's comes first.)"""


class TickList(SelectionList[SelectionType], StopsAtEnds):
    """A selection list whose unselected lines show an empty box, and where typing a name
    finds it (:class:`Finder`). Letters that find nothing are words typed one box too far:
    they go on in the form's words, the highlight as it was (nu170: "dinner was nice",
    after a burst of Tabs, vanished). In a form with no box for words they ring the
    terminal's bell, so they never vanish without a sign, and the space after them rings
    it again and ticks nothing (a name mistyped, then space, ticked or unticked the line
    found before it). Enter goes on to the next box, as it does from a text box."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._finder = Finder()
        self._missed = False
        self._before: int | None = None
        """The highlighted line before the letters being spelled."""

    def on_key(self, event: events.Key) -> None:
        missed, self._missed = self._missed, False
        if event.key == "enter":  # goes on, as from a text box: space ticks (Enter, taken
            event.stop()  # to say "that one", unticked what was just ticked, nu191)
            event.prevent_default()
            self._finder.forget()
            self.screen.focus_next()
            return
        if event.character == " " and missed:
            event.stop()
            event.prevent_default()
            self._finder.forget()
            self.app.bell()
            return
        if not event.is_printable or event.character in (None, " "):
            self._finder.forget()
            return  # the list's own keys
        event.stop()
        event.prevent_default()
        lines = [plain_words(option.prompt) for option in self.options]
        prior = self.highlighted
        found = self._finder.find(event.character or "", lines, self.highlighted or 0)
        if len(self._finder.spelled) == 1:  # the first letter of a name
            self._before = prior
        if found is not None:
            self.highlighted = found
            return
        write = words_box(self.screen)
        if write is None:
            self._missed = True
            self.app.bell()
            return
        typed = self._finder.spelled
        self._finder.forget()
        self.highlighted = self._before
        write(typed)

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


class Dropdown(Select[SelectType], inherit_bindings=False):
    """A drop-down where typing chooses: letters find a choice as in a list
    (:class:`Finder`), and a digit chooses the line it starts ('3 · a bit awkward', '4/5')
    and moves on to the next box, as in the check-in's scales. Textual's closed drop-down
    let typed keys vanish, and a warmth typed as a digit was never saved. Letters that
    begin no choice are words typed one box too soon: they go on in the form's words, with
    the choice as it was before them (nu160: "hello there" typed on *How close* rang
    bells, chose *outer* by its "o", and the space opened the list). The open list takes
    letters the same way, moving its highlight (Textual's own search there kept words
    that found nothing, nu209: Enter had opened the list, and a sentence vanished in it).

    Enter on the closed box goes on to the next box, as from every other box; space, ↓ and
    ↑ open the list (Enter opened it, so a person pressing Enter to move on typed the next
    box's answer into this one's list, and the rhythm went into the notes, nu221)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,space,up", "show_overlay", show=False),
        Binding("enter", "app.focus_next", show=False),
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("type_to_search", False)  # the open list's letters come here
        super().__init__(*args, **kwargs)
        self._finder = Finder()
        self._before: Any = self.NULL
        """The choice before the letters being spelled."""

    def compose(self) -> ComposeResult:
        """Textual's, with an open list that stops at its ends (:class:`StopsAtEnds`)."""
        yield SelectCurrent(self.prompt)
        yield DropdownList(type_to_search=self._type_to_search).data_bind(compact=Select.compact)

    def on_blur(self, _event: events.Blur) -> None:
        self._finder.forget()  # back in the box later, letters begin a new word

    def on_key(self, event: events.Key) -> None:
        # A space goes on with the words being spelled ("in person", or words typed one box
        # too soon: nu209's "if he doesn't answer…" found a line by "if", and the space
        # then opened the list, which took the rest); alone, it opens the list.
        alone = event.character == " " and not self._finder.spelling_on()
        if not event.is_printable or event.character is None or alone:
            self._finder.forget()
            return  # the drop-down's own keys
        event.stop()
        event.prevent_default()
        typed = event.character
        # A choice is also found by the word stored for it, as the command line takes it
        # ("them" for *they reached out*: nu167 typed it, and it went into the note). The
        # lines are the list's own, the blank one (found by nothing) included.
        lines = [
            "" if value == self.NULL
            else plain_words(prompt) + (f" {value}" if isinstance(value, str) else "")
            for prompt, value in self._options
        ]  # fmt: skip
        values = [value for _, value in self._options]
        overlay = self.query_one(SelectOverlay)
        if self.expanded:
            at = overlay.highlighted or 0
        else:
            at = values.index(self.value) if self.value in values else 0
        if typed.isdigit():
            self._finder.forget()  # a digit is a line's number, never more of a word
        prior = self.value
        found = self._finder.find(typed, lines, at)
        if len(self._finder.spelled) == 1:  # the first letter of a name
            self._before = prior
        if found is None:
            # a form with no box for words rings, and what is spelled on finds nothing
            # either (nu177: "hello" rang at "h", then chose *letter / other* by its "l")
            write = words_box(self.screen)
            if typed.isdigit() or write is None:
                self.app.bell()
                if typed.isdigit():  # rung, and not the start of the words typed after it
                    self._finder.forget()  # (a burst of "9ok" put "9ok" in the note, nu215)
                return
            spelled = self._finder.spelled
            self._finder.forget()
            self.expanded = False
            self.value = self._before
            write(spelled)
            return
        if self.expanded and not typed.isdigit():
            overlay.select(found)  # chosen with Enter, as in any open list
            return
        self.value = values[found]
        if typed.isdigit():
            if self.expanded:  # from the list, back on the box it belongs to: the next
                self.expanded = False  # box is the one after it (nu212: from the hidden
                self.screen.set_focus(self, scroll_visible=False)  # list, the form's first)
            moved = self.screen.focus_next()
            if isinstance(moved, Tick):
                moved.after_digit = time.monotonic()  # (Textual's time of a key, on Linux)
