"""The app's text fields. Text that reaches one — typed, pasted, a draft, a stored note that
an import or another program filled — shows control characters as visible symbols: an
escape sequence in a field would otherwise be sent to the terminal raw, recolouring or
retitling it. A field the person changed is saved as it shows; one left as it was is saved as
stored (``FormScreen.as_stored``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from rich.cells import cell_len
from textual.binding import Binding, BindingType
from textual.events import Focus, Key, Paste, Resize
from textual.geometry import Region
from textual.message import Message
from textual.suggester import Suggester
from textual.widgets import DataTable, Input, TextArea
from textual.widgets.text_area import Edit, EditResult

from planner_tui.terminal import plain


class TextField(Input):
    """A one-line field. A placeholder too long for the box (a list of what the box takes,
    comma by comma) ends at the last whole item that fits, with …; the whole of it is the
    field's tooltip.

    Coming into it puts the cursor after what it holds: the person's own words are added
    to, not replaced by the next key (Textual selects it all, and two new users lost a
    sentence to one key). A field holding the app's suggestion ("now", "today", a time
    offered) passes ``select_on_focus=True``: typing replaces the suggestion.

    A box that takes only some keys (``restrict``) says what it takes, *refused*, when
    another is typed: Textual only rings the bell, and a letter in a score box vanished
    without a word."""

    class Refused(Message):
        """A key the box can't hold was typed; the form says :attr:`TextField.refused`."""

        def __init__(self, field: TextField) -> None:
            super().__init__()
            self.field = field

    def __init__(
        self, value: str | None = None, placeholder: str = "", *, refused: str = "", **kwargs: Any
    ) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(value, placeholder, **kwargs)
        self.hint = placeholder
        self.refused = refused
        if placeholder:
            self.tooltip = placeholder

    def restricted(self) -> None:
        if self.refused:
            self.post_message(self.Refused(self))
        else:
            super().restricted()

    def validate_value(self, value: str) -> str:
        return plain(value, keep_newlines=False)

    def on_focus(self, event: Focus) -> None:
        if not event.from_app_focus:
            self.place_cursor()

    def on_key(self, event: Key) -> None:
        if event.is_printable or event.key in ("backspace", "delete"):
            self.holds_own_words()

    def on_paste(self, event: Paste) -> None:
        """A paste of several lines arrives whole, its lines joined by spaces: Textual's
        box kept the first line only, and the rest was lost without a word. A tab (from a
        spreadsheet's cells) is a space too: shown as spaces, it was refused on saving as
        a control character no one could see (nu200)."""
        self.holds_own_words()
        event.prevent_default()  # Textual's own paste, which keeps the first line
        event.stop()
        lines = event.text.replace("\t", " ").splitlines()
        text = " ".join(line for line in lines if line.strip())
        if text:
            if self.selection.is_empty:
                self.insert_text_at_cursor(text)
            else:
                self.replace(text, *self.selection)

    def holds_own_words(self) -> None:
        """What it holds is the person's now, not the app's suggestion: coming back into
        it adds to it, as to any words of theirs."""
        self.select_on_focus = False

    def place_cursor(self) -> None:
        """Where coming into the box puts the cursor: over the app's suggestion (all of it
        selected), else after the person's words."""
        if self.select_on_focus:
            self.select_all()
        else:
            self.cursor_position = len(self.value)
            # Textual scrolls to the cursor when it moves: one at the end already (a draft
            # taken back, words longer than the box) stayed out of sight until a key.
            self.call_after_refresh(self.show_cursor)

    def show_cursor(self) -> None:
        """The box scrolled so the cursor is in sight (as a key moving it would)."""
        if self.is_attached:
            cursor = Region(self._cursor_offset, 0, width=1, height=1)
            self.scroll_to_region(cursor, force=True, animate=False, immediate=True)

    def on_resize(self, _event: Resize) -> None:
        # One cell is the cursor's, at the end of the placeholder.
        self.placeholder = fitted_hint(self.hint, self.content_size.width - 1)


class SearchField(TextField):
    """A view's filter or search box: coming back to it adds to the search being refined
    ("river", then " ben"), and Escape from the view's list empties it (see
    ``ViewScreen.action_leave_field``). A box for finding one name (*names*) selects what
    it holds instead: the next name typed replaces it, → or End keeps it to add to ("Carla",
    then "Kai", read "CarlaKai" and matched no one, nu181)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("down", "into_list", "the list", show=False)]

    def __init__(self, *args: Any, names: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.names = names

    def action_into_list(self) -> None:
        """↓ goes into the list the box narrows, one row on from the row it shows marked,
        as ↓ in the list would (nu237: ↓ did nothing, and the one match took two Enters)."""
        chain = self.screen.focus_chain
        after = chain[chain.index(self) + 1 :] if self in chain else []
        table = next((w for w in after if isinstance(w, DataTable)), None)
        if table is None or not table.row_count:
            return
        table.focus()
        table.action_cursor_down()

    def place_cursor(self) -> None:
        if self.names:
            self.select_all()
        else:
            super().place_cursor()


def fitted_hint(hint: str, width: int) -> str:
    """*hint* if it fits in *width* cells, else its first items (split at ", ") that fit,
    followed by … (a single item too long is cut at the width)."""
    if cell_len(hint) <= width or width <= 0:
        return hint
    items = hint.split(", ")
    for count in range(len(items) - 1, 0, -1):
        shown = ", ".join(items[:count]) + ", …"
        if cell_len(shown) <= width:
            return shown
    return hint[: max(0, width - 1)] + "…"


class TextBox(TextArea):
    """A box of several lines. Coming into it puts the cursor after what it holds (Textual
    leaves it at the start, and new words went in front of the old)."""

    def load_text(self, text: str) -> None:
        super().load_text(plain(text))

    def on_focus(self, event: Focus) -> None:
        if not event.from_app_focus:
            self.place_cursor()

    def place_cursor(self) -> None:
        self.move_cursor(self.document.end)

    def edit(self, edit: Edit) -> EditResult:
        # A terminal pastes line breaks as CR (tmux, most terminals): they are lines.
        edit.text = plain(edit.text.replace("\r\n", "\n").replace("\r", "\n"))
        return super().edit(edit)


class OneName(Suggester):
    """Suggests the rest of a name only when the typing begins one person's names alone.
    With two people ("ana": Ana Costa, Ana Silva) the box showed the first, and Enter,
    which takes what is suggested, then said "ana" could be either — or, picking whom to
    merge, took her (nu155). One person's name and nickname begun alike ("bart":
    Bartholomew, called Barty) suggested nothing (nu189): their name is suggested.

    *people*: each person's name, then their nickname if they have one."""

    def __init__(self, people: Iterable[tuple[str, ...]]) -> None:
        super().__init__(case_sensitive=False)
        self._people = [tuple(n for n in names if n) for names in people]

    async def get_suggestion(self, value: str) -> str | None:
        begun = [
            next(n for n in names if n.casefold().startswith(value))
            for names in self._people
            if any(n.casefold().startswith(value) for n in names)
        ]
        return begun[0] if len(set(begun)) == 1 else None
