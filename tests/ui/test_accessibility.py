"""Everything by keyboard, with focus you can see: in every view and form, each control on
screen is on the Tab chain, and the focused figure of the review is marked by more than
colour. (Monochrome and NO_COLOR in a real terminal: e2e/test_tmux.py.)"""

from __future__ import annotations

import pytest
from rich.style import Style
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


def drawn(app: object, words: str) -> Style:
    """The style *words* are drawn in on screen, through the app's colour filter (greys,
    with NO_COLOR): the first piece of a line that holds them."""
    for strip in app.screen._compositor.render_strips():  # type: ignore[attr-defined]
        for text, style, _ in strip:
            if words in text and style is not None:
                return style
    raise AssertionError(f"{words!r} is not on screen")


def stands_out(line: Style, others: Style) -> bool:
    """Whether a highlighted line is told from the lines beside it by more than a shade: in
    bold, on a ground at least 3:1 apart from theirs."""
    assert line.bgcolor is not None and others.bgcolor is not None
    grounds = tuple(line.bgcolor.get_truecolor()), tuple(others.bgcolor.get_truecolor())
    return bool(line.bold) and contrast(*grounds) >= 3


@pytest.mark.parametrize("no_color", [False, True])
async def test_a_lists_highlighted_line_is_marked_by_more_than_colour(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch, no_color: bool
) -> None:
    """The wizard's lists showed the line Enter takes by a faint fill alone: with NO_COLOR
    two greys apart (nu174). Its colours are swapped, as a table's selected row's are; in a
    list without the focus, it is bold and underlined. So in a tick list and an open
    drop-down: there Textual drew the line in bold alone, on nearly the same grey (nu261)."""
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    with sqlite_db.write() as s:
        choir = people.create_context(session=s, data={"name": "Choir"}).id
        club = people.create_context(session=s, data={"name": "Book club"}).id
        people.create_person(session=s, data={"name": "Ana", "context_ids": [choir, club]})
        people.create_person(session=s, data={"name": "Bo"})
    app = make_app(sqlite_db)
    async with app.run_test(size=(100, 60)) as pilot:
        await press(app, pilot, "s")
        options = app.screen.query_one("#who-list", OptionList)
        options.focus()
        options.highlighted = 0
        await press(app, pilot)
        assert stands_out(drawn(app, "Ana"), drawn(app, "Bo"))
        app.screen.query_one("#find").focus()
        await press(app, pilot)
        assert drawn(app, "Ana").bold and drawn(app, "Ana").underline
        await press(app, pilot, "escape", "c")
        ticks = app.screen.query_one("#contexts", SelectionList)
        ticks.focus()
        ticks.highlighted = 0
        await press(app, pilot)
        assert stands_out(drawn(app, "Book club"), drawn(app, "Choir"))
        await press(app, pilot, "escape", "m", "3", "n")
        app.screen.query_one(Select).focus()
        await press(app, pilot, "space")
        dropdown = app.focused
        assert isinstance(dropdown, OptionList) and dropdown.highlighted is not None
        dropdown.highlighted = 0
        await press(app, pilot)
        assert stands_out(drawn(app, "family"), drawn(app, "friends"))


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


async def test_with_no_color_the_circles_marks_stand_out(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """nu261: with NO_COLOR, the Circles picture's marks took their parts of life's colours
    turned grey — 237 on 233, a drifting one 235: unreadable. Told apart by shape, they are
    drawn in the text's own grey."""
    monkeypatch.setenv("NO_COLOR", "1")
    with sqlite_db.write() as s:
        family = people.create_context(session=s, data={"name": "Family"}).id
        forum = people.create_context(session=s, data={"name": "Book forum"}).id
        people.create_person(session=s, data={"name": "Ana", "context_ids": [family]})
        people.create_person(
            session=s, data={"name": "Bo", "context_ids": [forum], "cadence_days": 7}
        )  # drifting: never in touch
    app = make_app(sqlite_db)
    async with app.run_test(size=(100, 30)) as pilot:
        await press(app, pilot, "m", "2")
        strips = app.screen._compositor.render_strips()
        marks = [
            (text, style)
            for strip in strips
            for text, style, _ in strip
            if style is not None and any(shape in text for shape in "▲▼△▽")
        ]
        assert marks, "no mark drawn"
        for text, style in marks:
            assert style.color is not None and style.bgcolor is not None
            fore, back = style.color.get_truecolor(), style.bgcolor.get_truecolor()
            assert contrast(tuple(fore), tuple(back)) >= 4.5, (text, fore, back)
