"""Everything by keyboard, with focus you can see: in every view and form, each control on
screen is on the Tab chain, and the focused figure of the review is marked by more than
colour. (Monochrome and NO_COLOR in a real terminal: e2e/test_tmux.py.)"""

from __future__ import annotations

import pytest
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import (
    Button,
    Checkbox,
    DataTable,
    Input,
    OptionList,
    RadioSet,
    Select,
    SelectionList,
    TextArea,
)

from planner_tui.db.engine import Database
from planner_tui.services import demo, drafts, people
from planner_tui.ui.app import THEME_KEY
from planner_tui.ui.forms.base import FormScreen
from planner_tui.ui.screens.review import FigureBox

from ..conftest import FROZEN
from .test_app import make_app, press
from .test_tables import contrast

CONTROLS = (Button, Checkbox, Input, RadioSet, Select, SelectionList, TextArea)
BY_KEY = {"search": "slash"}
"""Controls kept off the Tab chain on purpose (so letters stay shortcuts), and the key that
takes you there instead."""


def unreachable(screen: Widget) -> list[str]:
    chain = set(map(id, screen.focus_chain))  # type: ignore[attr-defined]
    missing = []
    for widget in screen.query("*"):
        shown = widget.display and widget.visible and all(a.display for a in widget.ancestors)
        wanted = isinstance(widget, CONTROLS) or (
            isinstance(widget, DataTable) and widget.cursor_type != "none"
        )
        if shown and wanted and not widget.disabled and id(widget) not in chain:
            missing.append(widget.id or type(widget).__name__)
    return missing


@pytest.mark.parametrize(
    "keys",
    [
        ("t",),
        ("m",),
        ("p",),
        ("j",),
        ("r",),
        ("m", "n"),
        ("m", "3", "n"),
        ("m", "l"),
        ("c",),
        ("s",),
        ("r", "l"),
        ("r", "n"),
        ("question_mark", "e"),
        ("p", "e"),
        ("r", "c"),
        ("m", "g"),
    ],
)
async def test_every_control_is_reachable_with_tab(
    sqlite_db: Database, keys: tuple[str, ...]
) -> None:
    with sqlite_db.write() as s:
        demo.generate(session=s, years=0.2, seed=4)
    app = make_app(sqlite_db)
    async with app.run_test(size=(120, 50)) as pilot:
        await press(app, pilot, *keys)
        assert app.screen.focus_chain, "nothing to move to with Tab"
        if isinstance(app.screen, FormScreen):  # Tab stopped on the form's page: nothing lit
            assert [w for w in app.screen.focus_chain if type(w) is VerticalScroll] == []
        for name in unreachable(app.screen):
            assert name in BY_KEY, f"{name} can't be reached by keyboard"
            await press(app, pilot, BY_KEY[name])
            assert app.focused is not None and app.focused.id == name


async def test_the_focused_figure_is_marked_by_shape_not_only_colour(sqlite_db: Database) -> None:
    app = make_app(sqlite_db)
    async with app.run_test(size=(120, 50)) as pilot:
        await press(app, pilot, "r")
        boxes = list(app.screen.query(FigureBox))
        boxes[1].focus()
        await press(app, pilot)
        focused, other = boxes[1].styles.border_left, boxes[2].styles.border_left
        assert focused[0] == "thick" and other[0] != "thick"


async def test_headings_are_readable_in_every_theme(sqlite_db: Database) -> None:
    """A view's headings contrast with the screen at least 3:1 (WCAG's figure for large or
    bold text) in every theme the palette offers. They were drawn in the theme's accent:
    1.5:1 in textual-light, a pale orange on grey. The ANSI themes are left to the
    terminal's own colours."""
    app = make_app(sqlite_db)
    async with app.run_test(size=(100, 30)) as pilot:
        await press(app, pilot, "m")
        heading = app.screen.query_one(".section")
        for name in sorted(app.available_themes):
            if name.startswith("ansi"):
                continue
            app.theme = name
            await press(app, pilot)
            _, _, background, color = heading.colors
            ratio = contrast(background.rgb, background.blend(color, color.a).rgb)
            assert ratio >= 3, (name, round(ratio, 1))


@pytest.mark.parametrize(("keys", "boxes"), [
    (("r", "x"), ("name", "tied", "starts")),
    (("m", "i"), ("vcf-path",)),
])  # fmt: skip
async def test_an_example_in_an_empty_box_says_it_is_one(
    sqlite_db: Database, keys: tuple[str, ...], boxes: tuple[str, ...]
) -> None:
    """'a walk with someone every Thursday' and '#walk' in empty boxes read as answers given
    (in a faint theme, or to a screen reader), and ctrl+s then said a name was needed."""
    app = make_app(sqlite_db)
    async with app.run_test(size=(120, 50)) as pilot:
        await press(app, pilot, *keys)
        for box in boxes:
            field = app.screen.query_one(f"#{box}", Input)
            assert field.value == "" and str(field.placeholder).startswith("e.g. "), box


async def test_a_lists_highlighted_line_is_marked_by_more_than_colour(sqlite_db: Database) -> None:
    """The wizard's lists showed the line Enter takes by a faint fill alone: with NO_COLOR
    two greys apart (nu174). It is bold and reversed, as a table's selected row is; in a
    list without the focus, bold and underlined."""
    from planner_tui.services import people

    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Ana"})
    app = make_app(sqlite_db)
    async with app.run_test(size=(100, 30)) as pilot:
        await press(app, pilot, "s")
        options = app.screen.query_one("#who-list", OptionList)
        options.focus()
        await press(app, pilot)
        style = options.get_component_rich_style("option-list--option-highlighted")
        assert style.bold and style.reverse
        app.screen.query_one("#find").focus()
        await press(app, pilot)
        style = options.get_component_rich_style("option-list--option-highlighted")
        assert style.bold and style.underline and not style.reverse


async def test_the_map_tab_shown_is_bold_not_only_brighter(sqlite_db: Database) -> None:
    """The Map's tab shown was a lighter grey than the others, and with NO_COLOR two greys
    apart (nu175)."""
    from textual.widgets import Tab

    app = make_app(sqlite_db)
    async with app.run_test(size=(100, 30)) as pilot:
        await press(app, pilot, "m", "3")
        bold = [str(t.label) for t in app.screen.query(Tab) if t.rich_style.bold]
        assert bold == ["3 Contexts"], bold


@pytest.mark.parametrize("theme", ["ansi-dark", "ansi-light", "textual-light"])
async def test_with_no_color_every_theme_chosen_is_readable(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch, theme: str
) -> None:
    """With NO_COLOR, an ANSI theme saved (or chosen) drew every cell black on black: Textual
    took colours away as for the theme the app started with (nu245). Every word on screen
    is now in a colour apart from the one behind it."""
    monkeypatch.setenv("NO_COLOR", "1")
    with sqlite_db.write() as s:
        drafts.set_setting(session=s, key=THEME_KEY, value=theme)
        people.create_person(session=s, data={"name": "Ana Silva"})
    app = make_app(sqlite_db)
    async with app.run_test(size=(100, 30)) as pilot:
        await press(app, pilot, "m")
        assert app.theme == theme
        strips = app.screen._compositor.render_strips()
        words = [(text, style) for strip in strips for text, style, _ in strip if text.strip()]
        assert "Ana Silva" in "".join(text for text, _ in words)
        # The terminal's own colours ("default" on "default") are the terminal's to tell apart.
        unreadable = [
            text
            for text, style in words
            if style is not None
            and style.color is not None
            and not style.color.is_default
            and style.color == style.bgcolor
        ]
        assert unreadable == [], unreadable[:5]


async def test_with_no_color_a_narrow_map_draws_its_list(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """nu261: with NO_COLOR, the Map at 40 columns closed the app: its table drew a piece
    of a line with no style at all, and Textual's greys expected one."""
    monkeypatch.setenv("NO_COLOR", "1")
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana Lima", "cadence_days": 7}).id
        people.log_interaction(
            session=s, data={"person_ids": [ana], "occurred_at": FROZEN.astimezone()}
        )
    app = make_app(sqlite_db)
    async with app.run_test(size=(40, 15)) as pilot:
        await press(app, pilot, "m")
        strips = app.screen._compositor.render_strips()
        assert "Ana" in "".join(text for strip in strips for text, _, _ in strip)
        assert app.is_running
