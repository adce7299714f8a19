"""The table helpers every view uses: rows of user text shown as text, never markup, in
columns as wide as the rows they hold now. A table wider than its place gives way in its
free-text columns (cut with …), never in its marks: by default the last column, which
holds the free text (marks come before it); a view can name others, which then share
the cut (the widest first). They narrow as far as their rows can still be told apart;
then, if need be, the headings over its marks are cut, the space between columns narrows
to one, and the free text narrows further (:func:`fit`). A figure is never cut: where the
figures still don't fit, the Review shows the table folded (:func:`folded`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions
from rich.padding import Padding
from rich.segment import Segment
from rich.text import Text
from textual.errors import NoWidget
from textual.events import Focus, Resize
from textual.fuzzy import Matcher
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import DataTable
from textual.widgets._data_table import RowRenderables
from textual.widgets.data_table import RowKey

from planner_tui import words
from planner_tui.names import fold
from planner_tui.terminal import shorten
from planner_tui.ui.screens.base import text

if TYPE_CHECKING:
    from planner_tui.db.models import PersonRead

BY_CONTEXT = 0.9
"""A part of life that matches counts a little less than a name that does."""


def people_found(typed: str, people: Iterable[PersonRead]) -> list[PersonRead]:
    """Those of *people* whose name, nickname, a name merged into theirs or a part of life
    fits the letters *typed*, best first: the one rule of the Map's filter and the wizard's
    Who. Each is matched on its own (run together, "bob" found "[bold]x" of the "Climbing
    club", nu150)."""
    matcher = Matcher(fold(typed))
    scored = []
    for p in people:
        score = max(
            matcher.match(fold(p.name)),
            matcher.match(fold(p.nickname)) if p.nickname else 0,
            *(matcher.match(fold(name)) for name in p.aliases),
            max((matcher.match(fold(c)) for c in p.contexts), default=0) * BY_CONTEXT,
        )
        if score > 0:
            scored.append((score, p))
    return [p for _, p in sorted(scored, key=lambda item: -item[0])]


class Table(DataTable[Any]):
    """A DataTable that redraws what it drew before its columns widened. Textual 8 measures
    new rows when idle without forgetting the lines it has drawn already, so a frame drawn
    in between (likely on a busy machine) kept the header at its old widths, out of line
    with the rows under it.

    Its columns fit its width (see the module and :func:`fit`): :attr:`give_way` names the
    columns that narrow; they share the cut — the widest of them narrows first, the first
    named of equals."""

    give_way: tuple[int, ...] = (-1,)
    names: int | None = None
    """The column whose cells say which row is which (the Map's names): it keeps them
    told apart while the other give-way columns can narrow instead (:func:`fit`)."""

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        height = self.virtual_size.height
        super()._update_dimensions(new_rows)
        self.fit_columns()
        self._update_count += 1  # part of every drawn line's cache key
        self.refresh()
        styled_height = self.styles.height
        if height != self.virtual_size.height and styled_height and styled_height.is_auto:
            # On a busy machine, Textual can lose the new layout an auto-height table in
            # an auto-height box asks for here, leaving it 0 lines tall under its title
            # (seen on the Review): ask again once the screen has refreshed.
            self.call_after_refresh(self.refresh, layout=True)

    # Home and End move a row cursor to the first and last row (Textual's scroll sideways,
    # leaving the cursor, and what a key acts on, where it was); PageUp and PageDown are
    # Textual's own, which move it a page. At the first or last row, where the cursor can't
    # go further, the arrows, pages, Home and End move the view around the table instead:
    # a page with tables (a person's) reads to its end by keys, with the focus where
    # Enter acts (End and PageDown stopped at the table holding it, mid-page).

    def view(self) -> Widget | None:
        """The view the table scrolls within, if it can scroll."""
        around = (w for w in self.ancestors if isinstance(w, Widget) and w.allow_vertical_scroll)
        return next(around, None)

    def at_edge(self, *, end: bool) -> Widget | None:
        """At the last (*end*) or first row, or with none: the view to move instead."""
        if self.cursor_type != "row":
            return None
        last = self.cursor_row >= self.row_count - 1 if end else self.cursor_row <= 0
        return self.view() if last else None

    def move(self, *, end: bool, view_scroll: str, own: Callable[[], None]) -> None:
        """At the first or last row, the view's *view_scroll* (``scroll_down``…); else the
        table's *own* move."""
        if view := self.at_edge(end=end):
            self.scrolled_away = True
            getattr(view, view_scroll)(animate=False)
        else:
            own()

    def action_cursor_down(self) -> None:
        self.move(end=True, view_scroll="scroll_down", own=super().action_cursor_down)

    def action_cursor_up(self) -> None:
        self.move(end=False, view_scroll="scroll_up", own=super().action_cursor_up)

    def action_page_down(self) -> None:
        own, view_scroll = super().action_page_down, "scroll_page_down"
        self.move(end=True, view_scroll=view_scroll, own=lambda: self.page(1, own, view_scroll))

    def action_page_up(self) -> None:
        own, view_scroll = super().action_page_up, "scroll_page_up"
        self.move(end=False, view_scroll=view_scroll, own=lambda: self.page(-1, own, view_scroll))

    def page(self, pages: int, own: Callable[[], None], view_scroll: str) -> None:
        """The cursor a page on. A table that doesn't scroll itself (every row shown, on a
        page that scrolls: a person's) is as tall as its rows, and Textual's page went to
        its last row, past screens never seen (nu204): there, a page is what shows of the
        view around it. Elsewhere, Textual's *own*."""
        view = self.view()
        if view is not None and self.scrolled_away and not cursor_in_sight(self):
            # The page was read on past this list's cursor (End at its last row): the page
            # moves on, by a page. PageUp from a person's page's end went back to the
            # cursor in their steps, past every contact (nu207).
            getattr(view, view_scroll)(animate=False)
            return
        if view is None or self.cursor_type != "row" or self.max_scroll_y > 0:
            own()
            return
        header = self.header_height if self.show_header else 0
        rows = max(view.scrollable_content_region.height - header, 1)
        row = max(0, min(self.row_count - 1, self.cursor_row + pages * rows))
        self.move_cursor(row=row, animate=False)

    def action_scroll_home(self) -> None:
        if self.cursor_type != "row":
            super().action_scroll_home()
        else:
            self.move(end=False, view_scroll="scroll_home", own=self.action_scroll_top)

    def action_scroll_end(self) -> None:
        if self.cursor_type != "row":
            super().action_scroll_end()
        else:
            self.move(end=True, view_scroll="scroll_end", own=self.action_scroll_bottom)

    def _scroll_cursor_into_view(self, animate: bool = False) -> None:
        super()._scroll_cursor_into_view(animate=animate)
        if self.cursor_type == "row" and self.row_count:
            self.call_after_refresh(self.show_cursor_row)
        self.scrolled_away = False

    def on_focus(self, _event: Focus) -> None:
        # Tab or a click scrolls it into sight; focused in place (focus_in_place), maybe not.
        self.scrolled_away, self.in_place = self.in_place, False

    in_place = False
    """Whether the focus on its way to the table leaves the page where it is."""

    scrolled_away = False
    """Whether the page may have moved away from the cursor's row since the row was last
    brought into sight (the keys moved the page at the table's first or last row, or the
    table took the focus with the page left where it was: :func:`focus_in_place`): only
    then may the row be out of sight (cursor_in_sight).
    Asked of the screen's layout at any other time, a key typed ahead — Tab then `x`, a
    view's key before its rows were laid out — would find the row not there yet."""

    def show_cursor_row(self) -> None:
        """The view around the table scrolls, too, so the cursor's row is on screen: a
        table taller than the room left for it (the Journal's at 80×24) scrolls itself to
        its last row on End, and that row would be below the edge. Only the table with the
        focus does this: the one whose cursor the keys move (a view filling its tables
        leaves the page where it is)."""
        if not self.row_count or not self.is_attached or not self.has_focus:
            return
        if self.scrolled_away:  # the page was moved on since the cursor moved (End, End)
            return
        around = self.view()
        if around is None:
            return
        _, y, _, height = self._get_row_region(self.cursor_row)
        top = self.content_region.y + y - round(self.scroll_y)
        bottom = top + height
        room = around.scrollable_content_region
        if bottom > room.bottom:
            around.scroll_to(y=around.scroll_y + bottom - room.bottom, animate=False)
        elif top < room.y:
            header = self.header_height if self.show_header else 0
            around.scroll_to(y=around.scroll_y - (room.y - top) - header, animate=False)
        self.scrolled_away = False  # the page moved to the row, not away from it

    def on_resize(self, _event: Resize) -> None:
        if self.fit_columns():
            self._update_count += 1
            self.refresh()
        if self.scroll_y:
            self.call_after_refresh(self.keep_rows_in_sight)

    def keep_rows_in_sight(self) -> None:
        """Rows that now all fit are all shown: made larger, a list scrolled to its end kept
        its first rows hidden above its top."""
        if self.scroll_y > self.max_scroll_y:
            self.scroll_to(y=self.max_scroll_y, animate=False)

    def keep_cursor_in_sight(self) -> None:
        """After the terminal changes size, the cursor's row is on screen (see
        :meth:`ViewScreen.on_resize`): made smaller, a list kept its place, the cursor's
        row out of sight, and `l`, `e` or `x` acted on someone or something unseen."""
        self.keep_rows_in_sight()
        if self.cursor_type == "row" and self.row_count:
            self._scroll_cursor_into_view()

    def fit_columns(self) -> bool:
        """Fit the columns to the table's width (:func:`fit`); whether anything changed."""
        columns = self.ordered_columns
        region = self.content_region
        bar = self.styles.scrollbar_size_vertical if self.virtual_size.height > region.height else 0
        room = region.width - bar
        if not columns or room <= 0:
            return False
        before = (self.cell_padding, [(c.auto_width, c.width) for c in columns])
        fitted = fit(
            [c.label.plain for c in columns],
            [[str(cell) for cell in self.get_column(c.key)] for c in columns],
            self.give_way,
            room,
            names=self.names,
        )
        tight = fitted.gap == TIGHT_GAP
        self.set_reactive(Table.cell_padding, 0 if tight else 1)  # caches: _update_count
        for index, (column, width) in enumerate(zip(columns, fitted.widths, strict=True)):
            cut = width < column.content_width
            column.auto_width = not (cut or tight)
            if not column.auto_width:
                # Tight, each column but the last holds its one space after it (see below).
                column.width = width + (tight and index < len(columns) - 1)
            if cut:
                column.label.no_wrap, column.label.overflow = True, "ellipsis"
        if before == (self.cell_padding, [(c.auto_width, c.width) for c in columns]):
            return False
        self.virtual_size = Size(
            sum(c.get_render_width(self) for c in columns) + self._row_label_column_width,
            self.virtual_size.height,
        )
        return True

    def _compute_row_renderables(self, row_index: int) -> RowRenderables:
        row = super()._compute_row_renderables(row_index)
        if self.cell_padding or not row.cells:
            return row
        # Tight (fit_columns): one space between columns, after each but the last, within
        # its width (DataTable's own padding puts one either side of every column).
        *cells, last = row.cells
        return RowRenderables(row.label, [*(Padding(cell, (0, 1, 0, 0)) for cell in cells), last])


GAP = 2
"""Cells between two columns: a space either side of each (DataTable's own padding)."""
TIGHT_GAP = 1
"""Cells between two columns once that space has given way."""


@dataclass(frozen=True)
class Fit:
    """A table's column widths for its room (see :func:`fit`)."""

    widths: list[int]
    gap: int
    """Cells between columns: :data:`GAP`, or :data:`TIGHT_GAP`."""
    over: int
    """Cells still too many: above 0, the figures can't all show whole."""


def fit(
    headings: Sequence[str],
    columns: Sequence[Sequence[str]],
    give_way: Iterable[int],
    room: int,
    *,
    names: int | None = None,
) -> Fit:
    """The widths of a table's columns (*columns*: each one's cells, under its heading) in
    *room* cells, each way tried in turn until one fits. The give-way columns — words —
    narrow first, keeping what tells their rows apart (:func:`told_apart`), then the
    headings wider than the cells under them are cut down to those (the Overview's rows at
    50 columns were 'Average…' twice while its figures had room to spare); then the same
    with the space between columns narrowed to one cell. Where the rows can't be told apart
    even so, the words narrow to :data:`NARROWEST` and the headings are cut, then the space
    narrows too, and last the words narrow to :data:`NARROWEST_CUT`: first all but the
    column of *names*, if given, which still tells its rows apart ("Carla …" twice at 60
    columns, nu150), then that one too. A figure is never cut: :attr:`Fit.over` says
    whether they all fit."""
    widths_of = [[cell_width(cell) for cell in cells] for cells in columns]
    natural = [max([cell_width(h), *w]) for h, w in zip(headings, widths_of, strict=True)]
    words = list(dict.fromkeys(i % len(headings) for i in give_way)) if headings else []
    narrowest = {i: max(NARROWEST, cell_width(headings[i])) for i in words}
    apart = {i: max(least, told_apart(columns[i])) for i, least in narrowest.items()}
    marks = [i for i in range(len(headings)) if i not in words]
    # A heading is cut to its figures, but never to what another's is cut to ('wi…' over
    # both 'with' and 'without' said neither, nu142).
    headings_apart = told_apart(headings[i] for i in marks)
    figures_whole = {
        i: max([1, *widths_of[i], min(cell_width(headings[i]), headings_apart)]) for i in marks
    }
    # A column with nothing in its rows gives way first, heading and all: the Plan's
    # "repeats", with nothing repeating, kept its width while the steps' words were cut, and
    # the Map's empty "contexts" while the names were (nu152).
    empty = {i: 0 for i in range(len(headings)) if columns[i] and not any(widths_of[i])}
    last = dict.fromkeys(words, NARROWEST_CUT)
    names_apart = dict(last)
    others_narrowest = narrowest  # the other words at their narrowest, the names apart
    if names is not None and names in last:
        names_apart[names] = max(NARROWEST_CUT, told_apart(columns[names]))
        others_narrowest = {**narrowest, names: apart[names]}
    ways = (  # the space between columns, then what gives way, in turn
        (GAP, [empty, apart, figures_whole]),
        (TIGHT_GAP, [empty, apart, figures_whole]),
        # Words whose rows need many letters to tell apart (contexts) went to their
        # narrowest, and the names with them: two "Zeynep …" at 70 columns (nu158).
        (GAP, [empty, others_narrowest, figures_whole]),
        (TIGHT_GAP, [empty, others_narrowest, figures_whole]),
        (GAP, [empty, narrowest, figures_whole]),
        (TIGHT_GAP, [empty, others_narrowest, figures_whole, names_apart]),
        (TIGHT_GAP, [empty, narrowest, figures_whole, last]),
    )
    for gap, cuts in ways:
        widths = list(natural)
        over = drawn_width(widths, gap) - room
        for keeps in cuts:
            over = share_cut(widths, keeps, over)
        if over <= 0:
            break
    return Fit(widths, gap, over)


def folded(
    headings: Sequence[str], rows: Sequence[Sequence[str]], give_way: Iterable[int], width: int
) -> Text:
    """A table whose figures don't fit across (:func:`fit`), each row folded into lines of
    its own, *width* cells wide: its words (the give-way columns, in their order) first,
    then each other cell after its heading ('days 84  with 4.3'), as many to a line as fit;
    none is cut."""
    words = sorted({i % len(headings) for i in give_way}) if headings else []
    picture = Text(end="")
    for row in rows:
        if picture:
            picture.append("\n")
        picture.append(" · ".join(row[i] for i in words if row[i]), style="bold")
        line = width  # a figure starts a line of its own first
        for index, (heading, cell) in enumerate(zip(headings, row, strict=True)):
            if index in words:
                continue
            part = Text.assemble((f"{heading} " if heading else "", "grey62"), cell)
            if line + len(FOLD_GAP) + part.cell_len > width:
                picture.append("\n" + FOLD_INDENT)
                line = len(FOLD_INDENT)
            else:
                picture.append(FOLD_GAP)
                line += len(FOLD_GAP)
            picture.append_text(part)
            line += part.cell_len
    return picture


FOLD_INDENT = "  "
"""A folded row's figures stand this far in, under its words."""
FOLD_GAP = "  "
"""Between two figures of a folded row."""


def drawn_width(widths: Sequence[int], gap: int) -> int:
    """A table's width with these columns: with :data:`GAP`, a space either side of each;
    tight, one between each two."""
    return sum(widths) + (len(widths) * gap if gap == GAP else len(widths) - 1)


def cell_width(cell: str) -> int:
    """A cell's terminal cells, its widest line (a wide character takes two)."""
    return max((cell_len(line) for line in cell.splitlines()), default=0)


def told_apart(cells: Iterable[str]) -> int:
    """The narrowest a column of *cells* can be, cut with …, with different cells still
    different: the most letters two of them share at their start, then one that differs,
    then the … ('Small steps p…' and 'Small steps d…': 14)."""
    different = sorted(set(cells))  # neighbours share the longest starts

    def shared(a: str, b: str) -> int:
        pairs = enumerate(zip(a, b, strict=False))  # to the shorter's end
        return next((n for n, (x, y) in pairs if x != y), min(len(a), len(b)))

    return max((shared(a, b) for a, b in pairwise(different)), default=0) + 2


def share_cut(widths: list[int], narrowest: dict[int, int], over: int) -> int:
    """Take *over* cells from the columns in *narrowest* (an index, the width it keeps at
    least): the widest (the first named, of equals) loses a cell at a time, so the cut is
    shared — a step's words aren't cut to nothing beside a whole long name. What could not
    be taken is returned."""
    while over > 0:
        room_left = [i for i, least in narrowest.items() if widths[i] > least]
        if not room_left:
            break
        widths[max(room_left, key=lambda i: widths[i])] -= 1
        over -= 1
    return over


class EndStays(Text):
    """A cell of two parts whose *end* stays whole in a column too narrow for both: the
    *start* gives way, cut with …, while *least* cells of it still show; narrower still,
    *alone* shows (cut at its end), or by default the whole cell, cut at its end as any
    cell is. (Parts are plain text already: see :func:`text`.)"""

    def __init__(self, start: str, end: str, *, least: int, alone: str | None = None) -> None:
        self.kept, self.least, self.alone = end, least, alone
        super().__init__(start + end, end="")

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        room = options.max_width - cell_len(self.kept)
        if self.cell_len <= options.max_width or (room < self.least and self.alone is None):
            yield from super().__rich_console__(console, options)
            return
        if room < self.least:
            shown = Text(self.alone or "", no_wrap=True, overflow="ellipsis", end="")
        else:
            shown = self[: len(self.plain) - len(self.kept)]
            shown.truncate(room, overflow="ellipsis")
            shown.append(self.kept)
        yield from shown.__rich_console__(console, options)


class NumberedName(EndStays):
    """A name with the number that tells it from another of that name ('Sam Taylor (#2)'):
    in a column too narrow for it, the name gives way and the number stays ('Sam… (#2)')."""

    def __init__(self, name: str, number: int) -> None:
        shown = text(words.numbered(name, number)).plain
        kept = f" (#{number})"
        super().__init__(shown.removesuffix(kept), kept, least=2)


def cued_cell(action: str, cue: str) -> Text:
    """A step with its if-then cue in front (as :func:`words.cued` says it), for a list:
    in a column too narrow for both, the cue gives way first, so what was planned shows
    whole while it can ('After I get h…: share a song with Zoë'); narrower, the step
    alone, cut at its end. Neither is cut before the room runs out."""
    cue = words.cue_shown(cue)
    if not cue:
        return text(action)
    step = text(action).plain
    return EndStays(text(cue).plain, f": {step}", least=NARROWEST_CUT, alone=step)


_NUMBERED = re.compile(r"^(?P<name>.+) \(#(?P<number>\d+)\)$", re.DOTALL)


def name_cell(shown: str, most: int) -> Text:
    """A name as a list shows it, cut to *most* characters — "Sam (#6)", told apart from
    another Sam (:func:`planner_tui.names.told_apart`), keeps its number however narrow
    the column gets (:class:`NumberedName`)."""
    numbered = _NUMBERED.match(shown)
    if numbered is None:
        return text(shorten(shown, most))
    number = numbered["number"]
    return NumberedName(shorten(numbered["name"], most - len(number) - 4), int(number))


NARROWEST = 8
"""A give-way column narrows no further than this (or its heading) while the space between
columns and the headings can give way instead."""
NARROWEST_CUT = 5
"""A give-way column is never narrower than this: four letters and …"""


def table(
    id: str, *columns: str, give_way: tuple[int, ...] = (-1,), names: int | None = None
) -> DataTable[Any]:
    """A row-cursor table with these columns (more can be added later); *give_way* names
    the columns that narrow when it is too wide, the widest of them first (the last column
    by default), and *names* the one that tells its rows apart (:func:`fit`)."""
    widget = Table(id=id, cursor_type="row", zebra_stripes=False)
    widget.give_way, widget.names = give_way, names
    widget.add_columns(*columns)
    return widget


def fill(
    widget: DataTable[Any],
    rows: list[tuple[Any, ...]],
    keys: list[str] | None = None,
    *,
    keep_cursor: bool = True,
) -> None:
    """Show *rows* (hidden when there are none). With *keys*, the cursor stays with what
    it was on (see :func:`replace_rows`)."""
    cells = ([cell if isinstance(cell, Text) else text(str(cell)) for cell in row] for row in rows)
    replace_rows(widget, cells, keys, keep_cursor=keep_cursor)
    widget.display = bool(rows)


def replace_rows(
    widget: DataTable[Any],
    rows: Iterable[Sequence[Any]],
    keys: list[str] | None = None,
    *,
    keep_cursor: bool = True,
) -> None:
    """Put *rows* in the table. With a key per row, the cursor stays on the row it was on
    (the person just acted on, wherever the new order puts them), or, when that row has
    gone (a step just done), at the same place — so Enter opens what was selected.
    Without keys, or without *keep_cursor*, it starts at the top."""
    before = row_key(widget) if keys else None
    at = widget.cursor_row
    widget.clear()
    for column in widget.columns.values():  # widths follow the rows shown now, not before
        column.content_width = column.label.cell_len
    for index, row in enumerate(rows):
        widget.add_row(*(ellipsis(cell) for cell in row), key=keys[index] if keys else None)
    if not keys or not keep_cursor or not widget.row_count:
        return
    try:
        target = keys.index(before) if before is not None else at
    except ValueError:
        target = at
    widget.move_cursor(row=min(max(target, 0), widget.row_count - 1), animate=False)


def ellipsis(cell: Any) -> Any:
    """A text cell that ends in … when its column is narrowed (see :class:`Table`)."""
    if isinstance(cell, Text):
        cell.no_wrap, cell.overflow = True, "ellipsis"
    return cell


def focus_in_place(widget: DataTable[Any]) -> None:
    """Focus *widget* and leave the page where it is (a person's page opens at their name):
    its cursor's row may be below the edge, so the keys treat it as after the page moved
    (:attr:`Table.scrolled_away`) — Enter brings the row into sight first, and `x` acts on
    it only once it shows."""
    if isinstance(widget, Table) and widget.has_focus:
        widget.scrolled_away = True
    elif isinstance(widget, Table):
        widget.in_place = True  # for its Focus, which comes a turn later
    widget.focus(scroll_visible=False)


def cursor_in_sight(widget: DataTable[Any]) -> bool:
    """Whether the row under *widget*'s cursor shows on screen. A key that acts on "the
    selected row" acts only on one in sight: at the last row, Down scrolls the page on
    (Table.move), and at 40×12 `d` then recorded a step scrolled out of sight."""
    if not widget.row_count or not widget.display or not widget.is_attached:
        return False
    if isinstance(widget, Table) and not widget.scrolled_away:
        return True
    _, y, _, _ = widget._get_row_region(widget.cursor_row)
    region = widget.content_region
    try:
        under, _ = widget.screen.get_widget_at(region.x, region.y + y - round(widget.scroll_y))
    except NoWidget:  # off the screen's edge
        return False
    return under is widget


def chosen_in_sight(widget: DataTable[Any]) -> bool:
    """Enter on a row (RowSelected) acts when the row is in sight; else the row is brought
    into sight, and a second Enter acts."""
    if cursor_in_sight(widget):
        return True
    if isinstance(widget, Table):
        widget._scroll_cursor_into_view()
    return False


def row_key(widget: DataTable[Any]) -> str | None:
    """The key of the row under the cursor (None in an empty table)."""
    if widget.row_count == 0:
        return None
    return widget.coordinate_to_cell_key(widget.cursor_coordinate).row_key.value
