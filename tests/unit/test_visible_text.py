"""Printed and Markdown text (terminal.plain, markdown.markdown_inline) for any text: no
control character survives, and nothing else is changed, added or lost."""

from __future__ import annotations

import re

from hypothesis import example, given, strategies as st
from markdown_it import MarkdownIt
from rich.cells import cell_len

from planner_tui.markdown import markdown_inline, markdown_lines
from planner_tui.pictures import in_cells
from planner_tui.terminal import edited_back, plain, shorten_middle

CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""And the direction overrides, which turn the rest of a printed line around."""
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=200)


@given(ANY_TEXT, st.booleans())
def test_plain_shows_every_control_character_as_a_symbol_and_keeps_the_rest(
    text: str, keep_newlines: bool
) -> None:
    shown = plain(text, keep_newlines=keep_newlines)
    assert len(shown) == len(text)  # one symbol for one character: nothing added or lost
    for typed, seen in zip(text, shown, strict=True):
        if typed == "\n" and keep_newlines:
            assert seen == "\n"
        elif CONTROL.match(typed):
            assert not CONTROL.match(seen) and seen != typed
        else:
            assert seen == typed


def test_a_right_to_left_override_is_shown_not_obeyed() -> None:
    assert plain("walk \u202ekool\u2069 home") == "walk \ufffdkool\ufffd home"


@given(ANY_TEXT)
def test_markdown_text_is_the_plain_text_with_only_its_markup_characters_escaped(
    text: str,
) -> None:
    escaped = markdown_inline(text)
    assert re.sub(r"\\(.)", r"\1", escaped, flags=re.DOTALL) == plain(text, keep_newlines=False)
    assert not re.search(r"(?<!\\)[`*_\[\]<>|~]", escaped.replace("\\\\", ""))
    assert "\n" not in escaped  # a table cell or a line stays one line


@given(ANY_TEXT)
@example("first\n# Big heading\n---\n- fake item")  # a new user's note
@example("a poem\n===\n1. one\n> quoted\n+ plus\n<b>bold</b>")
@example("a\n\n    indented four\n\n\tand a tab")
@example("```\ncode\n```")
def test_text_of_many_lines_stays_inside_its_list_item(text: str) -> None:
    """A contact's note in the Markdown export: its "# heading", "---" or "- item" lines
    made a heading, a rule and another contact in the file. Read by a real Markdown
    parser, the item is one list item holding nothing but text and line breaks."""
    item = "- 2026-11-03 12:00: Bo (call) — " + "\n".join(markdown_lines(text, indent="  "))
    kinds = {token.type for token in MarkdownIt("commonmark").parse(item + "\n")}
    assert kinds <= {
        "bullet_list_open",
        "bullet_list_close",
        "list_item_open",
        "list_item_close",
        "paragraph_open",
        "paragraph_close",
        "inline",
    }, kinds
    tokens = MarkdownIt("commonmark").parse(item + "\n")
    parts = {child.type for t in tokens if t.type == "inline" for child in t.children or []}
    assert parts <= {"text", "softbreak", "hardbreak"}, parts
    assert sum(t.type == "list_item_open" for t in tokens) == 1


@given(st.text(max_size=400), st.integers(min_value=3, max_value=300))
def test_cut_in_the_middle_keeps_both_ends(text: str, width: int) -> None:
    """Toasts (planner_tui.ui.app): at most *width* characters, its start and end kept."""
    cut = shorten_middle(text, width)
    if len(text) <= width:
        assert cut == text
    else:
        tail = width // 3
        head, mark, end = cut[: width - tail - 1], cut[width - tail - 1], cut[width - tail :]
        assert len(cut) == width and mark == "…"
        assert text.startswith(head) and text.endswith(end) and len(end) == tail


@given(st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=60), st.integers(2, 40))
def test_a_column_takes_its_width_in_cells_whatever_the_script(text: str, width: int) -> None:
    """Names in a printed column (planner-tui people, the Contexts strip) line up: combining
    marks take no cell and wide characters two (a name with 'é̈' pushed its row out)."""
    shown = in_cells(text, width)
    assert cell_len(shown) == width
    if cell_len(text) <= width:
        assert shown.rstrip(" ") == text.rstrip(" ")  # all of it, padded
    else:
        assert shown.rstrip(" ").endswith("…")  # cut, and says so


@given(
    st.sampled_from(["", "  • ", "Support:    "]),
    st.lists(st.text(st.characters(categories=("L", "N", "P", "So")), min_size=1, max_size=300),
             min_size=1, max_size=8),
    st.integers(min_value=2, max_value=130),
)  # fmt: skip
def test_a_wrapped_line_never_takes_more_than_its_width_and_keeps_every_word(
    start: str, words: list[str], width: int
) -> None:
    """The Review's lists are wrapped to the width laid out for them. A name of hundreds of
    letters stayed one line too wide, was wrapped again when drawn, and the figure's last
    items fell outside its box ("Past their rhythm (5)" showed four)."""
    from planner_tui.ui.screens.base import wrap_hanging

    line = start + " ".join(words)
    wrapped = wrap_hanging(line, width)
    wide = any(cell_len(char) > 1 for char in line)
    assert all(cell_len(part) <= width for part in wrapped) or (wide and width < 4)
    assert "".join(wrapped).replace(" ", "") == line.replace(" ", "")  # nothing lost


@given(ANY_TEXT, st.data())
def test_a_box_edited_in_one_place_keeps_the_rest_of_the_text_as_stored(
    stored: str, data: st.DataObject
) -> None:
    """A box shows :func:`plain` of a stored text; what is saved after one edit (a part
    replaced by words typed) is the stored text around the edit, not its symbols."""
    shown = plain(stored)
    start = data.draw(st.integers(0, len(shown)))
    end = data.draw(st.integers(start, len(shown)))
    symbols = "".join(map(chr, [*range(0x2400, 0x2422), 0xFFFD]))  # what plain() shows
    typed = data.draw(
        st.text(st.characters(exclude_categories=("Cc", "Cs"), exclude_characters=symbols))
    )
    edited = shown[:start] + typed + shown[end:]
    assert edited_back(stored, shown, edited) == stored[:start] + typed + stored[end:]
    assert edited_back(stored, shown, shown) == stored
