"""The tables every view uses."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, strategies as st
from rich.color import Color
from rich.style import Style
from rich.terminal_theme import DEFAULT_TERMINAL_THEME
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import DataTable, Input

from planner_tui.db.engine import Database
from planner_tui.services import people
from planner_tui.ui.app import PlannerApp
from planner_tui.ui.modals.merge import MergePicker
from planner_tui.ui.screens.tables import (
    TIGHT_GAP,
    Table,
    drawn_width,
    fill,
    fit,
    folded,
    table,
    told_apart,
)

from .test_app import SIZE, make_app, press, screen_text
from .test_fit_narrow import on_screen
from .test_map import open_map


class OneTable(App[None]):
    def compose(self) -> ComposeResult:
        yield table("steps", "when", "who")


async def test_the_header_lines_up_with_rows_even_when_drawn_before_they_were_measured() -> None:
    """On a busy machine a frame can be drawn after rows are added and before the table
    measures them when idle: the header drawn then must not stay at the old widths."""
    app = OneTable()
    async with app.run_test(size=(60, 10)) as pilot:
        steps = app.query_one(Table)
        fill(steps, [("Fri 20 Nov, 18:00", "Bo")])
        top = Region(0, 0, steps.size.width, 2)
        early = steps.render_lines(top)[0].text  # a frame drawn before the table was idle
        assert early.index("who") < len("Fri 20 Nov, 18:00")
        await pilot.pause()
        header, row = (line.text for line in steps.render_lines(top))
        assert header.index("who") == row.index("Bo"), (header, row)


async def test_home_end_and_page_keys_move_the_cursor_and_g_acts_on_that_row(
    sqlite_db: Database,
) -> None:
    """Home once scrolled the People table sideways and left the cursor where it was, so
    `g` then merged into someone other than the person the row showed."""
    with sqlite_db.write() as s:
        for n in range(60):
            people.create_person(session=s, data={"name": f"Person {n:02d}"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        map_screen = await open_map(app, pilot)
        people_table = map_screen.query_one("#people-table", DataTable)
        assert people_table.has_focus and people_table.cursor_row == 0

        def selected() -> str:
            return str(people_table.get_row_at(people_table.cursor_row)[0])

        await press(app, pilot, "end")
        assert selected() == "Person 59"
        await press(app, pilot, "home")
        assert selected() == "Person 00"
        await press(app, pilot, "pagedown")
        page = people_table.cursor_row
        assert 5 < page < 59  # a page on, not the end
        await press(app, pilot, "pagedown")
        further = people_table.cursor_row
        assert further > page
        await press(app, pilot, "pageup")
        assert 0 < people_table.cursor_row < further
        await press(app, pilot, "end", "g")
        assert isinstance(app.screen, MergePicker)
        assert app.screen.keep.name == "Person 59"
        assert "Merge someone into Person 59" in screen_text(app)


class TwoTables(App[None]):
    """A table with rows, and a field to take the focus away from it; the app's own CSS."""

    CSS_PATH = PlannerApp.CSS_PATH

    def compose(self) -> ComposeResult:
        yield table("rows", "name", "last in touch")
        yield Input(id="elsewhere")


def seen(style: Style) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """The text and background colours a terminal shows for *style* (reverse swaps them;
    the terminal's own colours where the style leaves them to it)."""
    fg = (style.color or Color.default()).get_truecolor(DEFAULT_TERMINAL_THEME, True)
    bg = (style.bgcolor or Color.default()).get_truecolor(DEFAULT_TERMINAL_THEME, False)
    pair = (tuple(fg), tuple(bg))
    return (pair[1], pair[0]) if style.reverse else pair  # type: ignore[return-value]


def row_style(line: Strip) -> Style:
    """The style of a drawn row's first cell."""
    style = next(segment.style for segment in line if segment.text.strip())
    assert style is not None
    return style


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(rgb: tuple[int, int, int]) -> float:
        def channel(v: int) -> float:
            c = v / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(v) for v in rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


async def test_the_selected_row_stands_out_in_every_theme() -> None:
    """In every theme the palette offers (the app's default among them): in a focused table
    the selected row's background contrasts with the other rows' at least 3:1 (the WCAG
    figure for what must be seen); in one without the focus it is bold and underlined (as
    well as shaded, where the theme has a shade), never told apart by a faint shade alone."""
    app = TwoTables()
    async with app.run_test(size=(60, 8)) as pilot:
        rows = app.query_one(Table)
        fill(rows, [("Ana", "today"), ("Bo", "yesterday"), ("Cy", "monday")], ["1", "2", "3"])
        themes = sorted(app.available_themes)
        assert PlannerApp().theme in themes
        for name in themes:
            app.theme = name
            for focused in (True, False):
                (rows if focused else app.query_one(Input)).focus()
                await pilot.pause()
                lines = rows.render_lines(Region(0, 0, rows.size.width, 4))[1:]
                cursor, *others = [row_style(line) for line in lines]
                where = f"{name}, {'focused' if focused else 'not focused'}"
                if focused:
                    for other in others:
                        ratio = contrast(seen(cursor)[1], seen(other)[1])
                        assert ratio >= 3, (where, ratio)
                assert cursor.bold and (focused or cursor.underline), where
                assert not any(s.bold or s.underline or s.reverse for s in others), where


@given(
    st.lists(st.tuples(st.text("Sam lt.", min_size=1, max_size=24), st.integers(0, 10**6)),
             min_size=1, max_size=12),
    st.integers(12, 100),
)  # fmt: skip
def test_a_table_fitted_to_any_width_cuts_no_figure(rows: list[tuple[str, int]], room: int) -> None:
    """Whatever the names and the width: the figures keep their widest cell, the names keep
    what tells them apart where the width allows it, what fits is no wider than its room,
    and folded, every figure shows whole after its heading."""
    headings = ["", "days", "with"]
    columns = [[name for name, _ in rows], [f"{days:,}" for _, days in rows], ["4.3"] * len(rows)]
    fitted = fit(headings, columns, (0,), room)
    assert all(fitted.widths[n] >= max(map(len, columns[n])) for n in (1, 2))
    if fitted.over <= 0:
        assert drawn_width(fitted.widths, fitted.gap) <= room
        if room >= drawn_width([told_apart(columns[0]), *fitted.widths[1:]], TIGHT_GAP):
            cut = [name if len(name) <= fitted.widths[0] else name[: fitted.widths[0] - 1] + "…"
                   for name in columns[0]]  # fmt: skip
            assert len(set(cut)) == len(set(columns[0])), (cut, fitted)
    picture = folded(headings, [tuple(row) for row in zip(*columns, strict=True)], (0,), room)
    assert picture.plain.split() == [
        word for *name, days, with_ in zip(*columns, strict=True)
        for word in [*name[0].split(), "days", days, "with", with_]
    ]  # fmt: skip


def test_names_keep_what_tells_them_apart_before_the_headings_do() -> None:
    """The Review's Overview at 50 columns: 'Average…' twice, 'Small st…' twice, beside
    'October' and 'September' over figures three wide."""
    names = ["Average mood (1–5)", "Average connectedness (1–5)", "Small steps planned",
             "Small steps done"]  # fmt: skip
    columns = [names, ["4.2"] * 4, ["4.3"] * 4, ["down 0.1"] * 4]
    assert told_apart(names) == len("Small steps p…")
    assert fit(["", "October", "September", "change"], columns, (0,), 41).widths == [14, 5, 6, 8]


def test_headings_cut_over_figures_stay_told_apart() -> None:
    """Across months at 50 columns: 'wi…' over both 'with' and 'without' said neither."""
    headings = ["what", "with", "without"]
    columns = [["Maria A.", "Femi"], ["4.7", "4.7"], ["4.2", "4.1"]]
    fitted = fit(headings, columns, (0,), 20)
    shown = [
        h if len(h) <= w else h[: w - 1] + "…" for h, w in zip(headings, fitted.widths, strict=True)
    ]
    assert fitted.over <= 0 and shown[1] != shown[2], (shown, fitted)


def test_a_column_with_nothing_in_it_gives_way_before_the_words() -> None:
    """The Plan at 60×20 with nothing repeating: the empty "repeats" column kept its width
    while the steps' words were cut ('send a vo…'). Once anything repeats, it shows."""
    headings = ["when", "who", "", "repeats", "small step"]
    steps = ["send a voice note to say hello", "ask Annie about the allotment"]
    rows = [["Mon 19:00", "Tue 18:00"], ["Bo", "Annie"], ["", ""], ["", ""], steps]
    fitted = fit(headings, rows, (-1, 2, 1), 56)
    assert fitted.widths[4] == max(map(len, steps)), fitted  # whole, the empty one narrower
    fitted = fit(headings, rows, (-1, 2, 1), 50)  # the words cut only once it's gone
    assert fitted.widths[3] == 0 and drawn_width(fitted.widths, fitted.gap) == 50, fitted
    assert fitted.widths[4] == 50 - drawn_width(fitted.widths[:4], fitted.gap) - fitted.gap
    rows[3] = ["", "weekly"]
    assert fit(headings, rows, (-1, 2, 1), 56).widths[3] >= len("weekly")
    # A column of words with none in its rows, too: the Map's "contexts", with no one in any
    # part of life, kept its heading while the names were cut ("Ana Sil…", nu152).
    names = ["Ana Silva", "Ana Costa"]
    fitted = fit(["name", "circle", "contexts"], [names, ["inner", "outer"], ["", ""]], (-1, 0), 17)
    assert fitted.widths[0] == len("Ana Silva") and fitted.over <= 0, fitted
    assert fit(headings, [[], [], [], [], []], (-1, 2, 1), 56).widths[3] == len("repeats")


def test_names_stay_apart_when_other_words_need_many_letters_to_be_told_apart() -> None:
    """Two "Zeynep …" on the Map at 60 and 70 columns (nu158): the contexts, told apart
    only far into them ("Allotment society, B…"), could not keep that much, so every words
    column went to its narrowest, the names with them, though the room held them whole."""
    headings = ["name", "", "last in touch", "hoped for", "circle", "contexts"]
    columns = [["Zeynep A.", "Zeynep B.", "Sana A."], ["", "drifting", ""],
               ["7 days ago", "not yet", "7 weeks ago"], ["—", "—", "—"],
               ["outer", "middle", "outer"],
               ["Allotment society, Book group", "Allotment society, Family", "Family"]]  # fmt: skip
    fitted = fit(headings, columns, (-1, 0), 56, names=0)
    assert fitted.over <= 0 and fitted.widths[0] == len("Zeynep A."), fitted


def test_the_column_of_names_keeps_its_rows_told_apart_to_the_last() -> None:
    """The Map's people at 60 columns: "Carla …" and "Carla …", Carla A. and Carla B.,
    while their parts of life had cells to give (nu150). Other words still share the cut."""
    headings = ["name", "", "last in touch", "hoped for", "circle", "contexts"]
    columns = [["Carla A.", "Carla B."], ["drifting", ""], ["5 days ago", "3 months ago"],
               ["quarterly", "—"], ["middle", "outer"], ["Family, Work", "Neighbours"]]  # fmt: skip
    shared = fit(headings, columns, (-1, 0), 54)
    assert shared.widths[0] < len("Carla A.")  # without a column of names: both "Carla …"
    fitted = fit(headings, columns, (-1, 0), 54, names=0)
    assert fitted.over <= 0 and fitted.widths[0] == len("Carla A."), fitted
    assert fitted.widths[5] == 54 - drawn_width(fitted.widths[:5], fitted.gap) - fitted.gap
    # Only while the rest can give: narrower, the names share the cut again, and the table
    # still fits (the same as without a column of names).
    assert fit(headings, columns, (-1, 0), 50, names=0) == fit(headings, columns, (-1, 0), 50)


async def test_two_people_of_one_first_name_are_told_apart_on_a_narrow_map(
    sqlite_db: Database,
) -> None:
    """The same on screen, as the demo's map showed it at 60x20 (a long list: a scroll bar)."""
    now = datetime(2026, 11, 23, 12, tzinfo=UTC)
    with sqlite_db.write() as s:
        family = people.create_context(session=s, data={"name": "Family"}).id
        hood = people.create_context(session=s, data={"name": "Neighbours"}).id
        carla_a, carla_b, *_ = (
            people.create_person(
                session=s,
                data={
                    "name": name,
                    "circle": "middle",
                    "cadence_days": 90,
                    "context_ids": [family, hood],
                },
            ).id
            for name in ("Carla A.", "Carla B.", *(f"Zed {n}" for n in range(20)))
        )
        people.update_person(session=s, person_id=carla_a, data={"cadence_days": 7})
        for who, days in ((carla_a, 12), (carla_b, 95)):
            people.log_interaction(session=s, data={
                "occurred_at": now - timedelta(days=days), "person_ids": [who]})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=(60, 20)) as pilot:
        await open_map(app, pilot)
        shown = on_screen(app)
        rows = [line.split() for line in shown if "Carla" in line]
    assert [row[:2] for row in rows] == [["Carla", "A."], ["Carla", "B."]], shown
    assert "drifting" in rows[0] and "quarterly" in rows[1], shown
