"""The app's text fields. Text that reaches one — typed, pasted, a draft, a stored note that
an import or another program filled — shows control characters as visible symbols: an
escape sequence in a field would otherwise be sent to the terminal raw, recolouring or
retitling it. Saving a field keeps the symbols (what the person saw is what is kept)."""

from __future__ import annotations

from textual.widgets import Input, TextArea
from textual.widgets.text_area import Edit, EditResult

from planner_tui.terminal import plain


class TextField(Input):
    def validate_value(self, value: str) -> str:
        return plain(value, keep_newlines=False)


class TextBox(TextArea):
    def load_text(self, text: str) -> None:
        super().load_text(plain(text))

    def edit(self, edit: Edit) -> EditResult:
        # A terminal pastes line breaks as CR (tmux, most terminals): they are lines.
        edit.text = plain(edit.text.replace("\r\n", "\n").replace("\r", "\n"))
        return super().edit(edit)
