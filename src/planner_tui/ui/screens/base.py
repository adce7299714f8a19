"""What every view shares: loading its data off the UI thread and showing it safely."""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import re
from typing import TYPE_CHECKING, Any, ClassVar, cast

from rich.cells import cell_len, chop_cells
from rich.text import Text
from textual import work
from textual._context import NoActiveAppError
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.dom import NoScreen
from textual.errors import NoWidget
from textual.events import Resize, ScreenResume
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header, Input, Static

from planner_tui import clock, words
from planner_tui.errors import NeedsPassphrase, PlannerError
from planner_tui.terminal import plain
from planner_tui.ui import collector
from planner_tui.ui.widgets.fields import SearchField
from planner_tui.ui.widgets.footer import KeysFooter

if TYPE_CHECKING:
    from planner_tui.ui.app import PlannerApp


def text(value: str, style: str = "", *, multiline: bool = False) -> Text:
    """User text as a Rich Text: never parsed as markup, control characters made visible."""
    return Text(plain(value, keep_newlines=multiline), style=style, end="")


class Section(Static):
    """A heading line; its words are ours, but it still renders without markup."""

    def __init__(self, title: str, **kwargs: Any) -> None:
        super().__init__(title, markup=False, classes="section", **kwargs)


class Note(Static):
    """A line of plain text (user text welcome)."""

    def __init__(self, value: str = "", **kwargs: Any) -> None:
        super().__init__(text(value, multiline=True), markup=False, **kwargs)

    def set(self, value: str) -> None:
        self.update(text(value, multiline=True))


_HANG = re.compile(r"^(\s*[•·\-]\s+|[^:\n]{1,30}:\s{2,})")
"""Where a wrapped line's continuation starts: after a bullet, or after a label with its
padding ('Support:          ')."""
_KEEP = re.compile(r"(?<=[█▓▒░]) | (?=\d[\d,]*(?: · |$))")
"""Spaces that hold a legend item together: after its mark, before its count."""


def shown_width(line: str) -> int:
    """Cells *line* takes, its held spaces (NUL while wrapping) counted as spaces."""
    return cell_len(line.replace("\0", " "))


def wrap_hanging(line: str, width: int) -> list[str]:
    """*line* wrapped to *width* cells between words, never inside a legend item
    ('▒ received 39'), each continuation indented under the text after a bullet or a
    label — a list item or a legend reads as one however narrow the screen."""
    if width <= 0 or cell_len(line) <= width:
        return [line]
    found = _HANG.match(line)
    indent = " " * (cell_len(found.group(1)) if found else 0)
    if len(indent) > width // 2:
        indent = ""
    pieces = re.split(r"( +)", _KEEP.sub("\0", line))
    lines: list[str] = []
    current = pieces[0]
    for space, word in zip(pieces[1::2], pieces[2::2], strict=True):
        fits_a_line = shown_width(indent + word) <= width  # else cut where it falls: _fold
        if current.strip() and fits_a_line and shown_width(current + space + word) > width:
            lines.append(current.rstrip())
            current = indent + word
        else:
            current += space + word
    lines.append(current)
    return [piece for part in lines for piece in _fold(part.replace("\0", " "), width, indent)]


def _fold(line: str, width: int, indent: str) -> list[str]:
    """*line* cut into pieces of *width* cells where a word is wider than that (a name of
    hundreds of letters): left whole, it was wrapped again when drawn, took more lines
    than laid out for, and hid the lines after it."""
    pieces, lead = [], ""
    while cell_len(lead + line) > width:
        head = next(piece for piece in chop_cells(line, max(width - len(lead), 1)) if piece)
        pieces.append(lead + head)
        line, lead = line[len(head) :], indent
    return [*pieces, lead + line]


class HangingLines(Static):
    """Lines of plain text (user text welcome) wrapped by :func:`wrap_hanging` at the
    width they are laid out in."""

    DEFAULT_CSS = "HangingLines { height: auto; }"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__("", markup=False, **kwargs)
        self.lines: list[str] = []
        self.width_laid_out = 0
        self._wrapped: tuple[int, list[str]] = (-1, [])

    def set(self, lines: list[str]) -> None:
        lines = [plain(line, keep_newlines=False) for line in lines]
        if lines == self.lines:
            return  # as shown: nothing to lay out again
        self.lines = lines
        self._wrapped = (-1, [])
        self.refresh(layout=True)

    def wrapped(self, width: int) -> list[str]:
        # Asked for at each level of the layout and again to draw: wrapped once per width.
        if self._wrapped[0] != width:
            self._wrapped = (width, [p for line in self.lines for p in wrap_hanging(line, width)])
        return self._wrapped[1]

    def render(self) -> Text:
        width = self.content_size.width or self.width_laid_out
        return Text("\n".join(self.wrapped(width)), end="")

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        self.width_laid_out = width
        return len(self.wrapped(width))

    def on_resize(self) -> None:
        # The wrapping, and so the height, follow the width; a new height alone (more or
        # fewer lines) was laid out already, and laying out again cost the Review a layout.
        if self.content_size.width != self.width_laid_out:
            self.refresh(layout=True)


def forget_closed_watchers(*nodes: object) -> None:
    """Drop watchers whose widget has closed. Textual keeps a watch on another object's
    reactive (the app's theme, the Footer's ``compact``) until that value next changes,
    so every closed form and every re-made Footer key would otherwise stay in memory."""
    for node in nodes:
        for watchers in getattr(node, "__watchers", {}).values():
            watchers[:] = [(owner, call) for owner, call in watchers if not owner._closing]


def focus_laid_out(widget: Widget) -> None:
    """Focus *widget* and scroll it into view once laid out. A widget shown in this same
    tick (a list given its data, a form's next page) has no place yet: Textual's own scroll
    on focus measured it where it was not, and Today sometimes opened scrolled past its date
    and headings, the wizard past its title."""
    widget.focus(scroll_visible=False)
    widget.call_after_refresh(bring_into_sight, widget)


def say_in_sight(line: Static, message: str) -> None:
    """*message* said on *line* (plain text), which comes into sight once laid out: a
    dialog's note below the edge of a short screen went unread (at 40x12 "is there
    already… Enter again replaces it", and a second Enter replaced the file)."""
    line.update(text(message))
    line.call_after_refresh(bring_into_sight, line)


def bring_into_sight(widget: Widget) -> None:
    """Scroll *widget* into view unless its top, and a third of a screen of it (or all of
    it: a box, a button), is in sight already. Textual would show the whole widget, and a
    list nearly as tall as the screen would push what is above it out of sight: the
    Journal's month, strip and search box at 80×24. (Half of the part of it in
    sight, as it was, let a button with one line of three in sight count as seen.)"""
    try:
        where = widget.screen.find_widget(widget)
    except (NoScreen, NoWidget):  # closed, or hidden, since
        return
    region, visible = where.region, where.clip  # the clip: the part of it in sight
    wanted = min(region.height, max(3, widget.screen.size.height // 3))
    if not (visible.y <= region.y and region.y + wanted <= visible.bottom):
        widget.scroll_visible(animate=False)


def problem_words(error: PlannerError) -> str:
    """What a view says when its data can't be read: a locked planner's own words (the app
    asks for the passphrase on top; "damaged" here alarmed), else the error's."""
    return words.LOCKED if isinstance(error, NeedsPassphrase) else str(error)


def shown(widget: Widget) -> bool:
    """Whether *widget* and everything around it are displayed."""
    return all(node.display for node in widget.ancestors_with_self if isinstance(node, Widget))


def _size_classes(screen: Screen[Any], size: Size) -> set[str]:
    """The breakpoint classes Textual gives ``screen`` at this size (Screen._on_resize)."""
    app = screen.app
    across = (
        app.HORIZONTAL_BREAKPOINTS
        if screen.HORIZONTAL_BREAKPOINTS is None
        else screen.HORIZONTAL_BREAKPOINTS
    )
    down = (
        app.VERTICAL_BREAKPOINTS
        if screen.VERTICAL_BREAKPOINTS is None
        else screen.VERTICAL_BREAKPOINTS
    )
    return screen._get_breakpoint_classes(
        size.width, across or []
    ) | screen._get_breakpoint_classes(size.height, down or [])


class Page(VerticalScroll):
    """A view's page, which scrolls. When it takes or loses the focus only its own styles
    change (no rule of app.tcss styles what is on a focused page), so only it is styled
    again: Textual styles every widget on it again, twice a focus change (a tenth of
    starting the app, on a Today with no list yet)."""

    def watch_has_focus(self, _has_focus: bool) -> None:
        self.app.stylesheet.update_nodes([self], animate=True)


class KeepsStyles:
    """For every screen of the app (before Screen in its bases): Textual re-applies every
    CSS rule to every widget of a screen each time it shows (a third of a view switch, and
    twice the styling of a form as it opens). The styles only go stale when the app's CSS
    changes (a theme chosen), and then Textual re-styles the screens itself (refresh_css,
    also when switching to a view), so showing a screen need not.

    A view made once the app's CSS is up to date is styled with it as it mounts; Textual
    counts every new view as older than any CSS, so its first visit, and its second when it
    was still mounting at the first, re-parsed and re-applied the whole app's CSS (most of a
    second visit of the Review). A view made before the CSS was first brought up to date
    (the first one, before the saved theme is applied) is still re-styled.

    A screen is also made with the size classes of its breakpoints (``-tall``, ``-narrow``…)
    for the terminal's size: Textual adds them at the screen's first resize, after all its
    widgets are styled, and styled them all again (a fifth of opening a form). So screens are
    made on the app's thread, where the app is known, not in a worker."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        screen = cast(Screen[Any], self)
        with contextlib.suppress(NoActiveAppError):  # made outside an app: Textual's count
            app = screen.app
            screen._css_update_count = getattr(app, "css_brought_up_to", -1)
            screen.add_class(*_size_classes(screen, app.size), update=False)

    def on_screen_resume(self, event: ScreenResume) -> None:
        # Runs before Screen._on_screen_resume, which reads this.
        event.refresh_styles = False

    def _screen_resized(self, size: Size) -> None:
        """Textual lays a screen out again whenever a screen above it is resized, also when
        a dialog opens over it at the same size (a tenth of opening a form); a screen under
        another, already laid out at *size*, is left as it is (a change within it still
        lays it out). The screen on top is laid out again: its first layout can leave
        sizes the second corrects."""
        screen = cast(Screen[Any], self)
        if screen.outer_size != size or screen.app.screen is screen:
            super()._screen_resized(size)  # type: ignore[misc]


CHECK_IN = Binding(
    "c", "check_in", "Check in", show=False,
    tooltip="Today's check-in: how today was, and who was in it",
)  # fmt: skip
"""`c` on a view whose footer leaves it out (the Map, the Plan); Today shows it."""


class ViewScreen(KeepsStyles, Screen[None]):
    """A top-level view. Subclasses implement :meth:`load` (worker thread, returns read
    models) and :meth:`show` (UI thread)."""

    ENTER: ClassVar[tuple[str, str]] = ("", "")
    """What Enter on a row does, for help (a table's own key, so no binding lists it)."""
    PAGE: ClassVar[bool] = False
    """A page opened over a view and closed again (a person's, a month's contacts), not a
    view that lasts as long as the app."""
    VERTICAL_BREAKPOINTS = [(0, "-tiny"), (16, "-roomy")]
    """Below 16 lines a view leaves out what only helps (app.tcss): at 40×12 the Journal's
    month strip filled the screen, and the Review's key hint took 7 of 12 lines."""
    MORE_KEYS: ClassVar[tuple[tuple[str, str, str], ...]] = ()
    """Other keys the view's widgets answer (Tab, the page keys), for help: (key, what it
    does, how)."""

    BINDINGS = [
        Binding(
            "ctrl+r",
            "refresh",
            "Refresh",
            show=False,
            tooltip="Read the data again (changes made elsewhere: the command line, another "
            "computer on a shared database)",
        ),
        Binding("escape", "leave_field", show=False),
        Binding(
            "u",
            "undo",
            "Undo",
            show=False,
            tooltip="Take back the latest delete, change, merge or archive (ctrl+p lists the last few)",
        ),
    ]
    TITLE: ClassVar[str] = ""
    LISTS: ClassVar[tuple[str, ...]] = ()
    """The view's lists, in order. The first one showing takes the focus once the view has
    its data (unless something on show has it already), and when Escape leaves a text box."""
    LOADING: ClassVar[str] = "Opening your planner…"
    """Said while the view's data is on its way."""
    FOOTER_FIRST: ClassVar[tuple[str, ...]] = ()
    """Actions of the view's own keys the footer puts first (else its keys' order): the
    first two stay at any width (see widgets/footer.py)."""
    _shown: tuple[Any, ...] | None = None
    _read_at: int | None = None
    """The stored data version (:meth:`Backend.data_version`) when the data shown was read."""
    _problem_said = False
    """Whether the view says, above what it shows, that its data can't be read now."""

    def __init__(self) -> None:
        super().__init__()
        self._after_show: list[str] = []
        """Actions waiting for the view's data (see :meth:`run_when_shown`)."""
        self._answered = False
        """Whether the view has shown its data, or said why it can't, once."""
        self._showing = asyncio.Lock()
        """Held while data is put on screen (see :meth:`_show`)."""
        self._laid_out: Size | None = None
        """The size the view was last laid out at (see :meth:`on_resize`)."""
        self._catching_up = False
        """Whether the view is reading again after its data changed (see :meth:`catch_up`)."""

    @property
    def ready_for_keys(self) -> bool:
        """Keys typed ahead wait until the view first shows its data (or a problem), and
        until it shows the data again after a change (:meth:`catch_up`), as they would for
        someone typing slowly (see planner_tui.ui.typeahead)."""
        return self._answered and not self._catching_up

    def goes_at_once(self, action: str) -> bool:
        """Whether a key for *action* goes on while this view is not ready for keys
        (:attr:`ready_for_keys`), not waiting with the keys typed after it."""
        return False

    def answered(self) -> None:
        """The view shows its data, or why it can't."""
        self._catching_up = False
        if not self._answered:
            self._answered = True
            self.planner.backend.needed()
            self.planner.keys_may_go_on()
            if not self.PAGE:  # a page closes: what it made must stay collectable
                collector.first_shown(type(self).__name__)

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(self.LOADING, id="loading", markup=False)
        with Page(id="body"):  # the focus, until a list has it (focus_list_if_lost)
            yield from self.compose_body()
        yield KeysFooter()

    def compose_body(self) -> ComposeResult:
        yield from ()

    @property
    def planner(self) -> PlannerApp:
        from planner_tui.ui.app import PlannerApp

        assert isinstance(self.app, PlannerApp)
        return self.app

    def on_mount(self) -> None:
        self.title = self.TITLE

    def on_resize(self, event: Resize) -> None:
        """The terminal changed size: the row the keys act on stays in sight. (Not as the
        view is first laid out: a person's page opens at its top.)"""
        from planner_tui.ui.screens.tables import Table

        laid_out, self._laid_out = self._laid_out, event.size
        if laid_out is not None and laid_out != event.size and isinstance(self.focused, Table):
            self.focused.call_after_refresh(self.focused.keep_cursor_in_sight)

    def on_screen_resume(self, event: ScreenResume) -> None:
        # Textual calls each class's own handler in turn: KeepsStyles's runs after this.
        forget_closed_watchers(self.app, self, *self.walk_children())
        # Fires on first show too, so this is the one place a view loads its data; coming
        # back to a view reloads it only if something was written since, or the day changed.
        if self._shown != self.freshness():
            # After the view's first frame: a loading thread would compete with it (read
            # as the view mounted, the Journal's first visit came 0.1 s later in tmux).
            self._catching_up = self._answered  # keys wait from now (not after the frame)
            self.call_after_refresh(self.reload)
        elif self._read_at is not None:
            self.call_after_refresh(self.reload_if_written_elsewhere)

    def reload_if_moved_on(self) -> None:
        """Read again if what this view shows has moved on since it was shown (a draft
        kept as a form closed onto it)."""
        if self.is_current and self._shown is not None and self._shown != self.freshness():
            self.catch_up()

    @work(thread=True, exclusive=True, group="written", description="check for changes")
    def reload_if_written_elsewhere(self) -> None:
        """Read again if another program (the command line, another machine) has changed
        the data since this view read it; a query of a row, not a reload, when not. Data
        that can't be read now (a server stopped) is said above what the view shows: its
        rows stayed, as if still true (nu260)."""
        try:
            written = self.planner.backend.data_version() != self._read_at
        except PlannerError as error:
            self.app.call_from_thread(self.show_problem, problem_words(error))
            return
        if written or self._problem_said:
            self.app.call_from_thread(self.catch_up)

    def action_check_in(self) -> None:
        """Today's check-in, from a view that binds `c` to it."""
        self.planner.check_in()

    def action_refresh(self) -> None:
        self.reload()

    def catch_up(self) -> None:
        """Read again after the data changed (a write here, a form saved, another program):
        keys typed meanwhile wait until it shows. They acted on the rows as they were (nu208:
        `l` just after adding someone logged a contact with the one selected before; `u`
        just after a delete found nothing to undo; a new context was missing from the
        person form opened next)."""
        self._catching_up = True
        self.reload()

    # ---------------------------------------------------------------- focus

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "leave_field":  # Escape: a text box's, or a filter's; else it goes on
            return isinstance(self.focused, Input) or bool(self.filters_in_use())
        return True

    def filters_in_use(self) -> list[SearchField]:
        return [field for field in self.query(SearchField) if field.value]

    def action_leave_field(self) -> None:
        """Escape in a view's text box (a filter, a search): empty it and go back to the
        list, so the view's keys are keys again. From the list, with a filter still
        narrowing it: empty the filter (the Map says so when nothing matches). The same in
        every view."""
        field = self.focused
        if isinstance(field, Input):
            field.value = ""
            if not self.focus_list():
                self.set_focus(None)
            return
        for narrowing in self.filters_in_use():
            narrowing.value = ""

    def first_list(self) -> Widget | None:
        """The first of :attr:`LISTS` that is showing."""
        for selector in self.LISTS:
            for widget in self.query(selector):
                if shown(widget) and widget.focusable:
                    return widget
        return None

    def focus_list(self) -> bool:
        """Focus the first of :attr:`LISTS` that is showing; whether one was."""
        if (found := self.first_list()) is not None:
            focus_laid_out(found)
        return found is not None

    def focus_list_if_lost(self) -> None:
        """After data arrives: a list takes the focus if nothing that shows has it (a
        table was hidden while loading, or emptied), so Enter works at once. With no list,
        the page has it, so the arrows scroll it; with one, the page is no stop for Tab (the
        focus there showed on nothing, and keys still acted on a list's row)."""
        focused = self.focused
        lost = focused is None or focused.id == "body" or not shown(focused)
        found, body = self.first_list(), self.query_one("#body")
        body.can_focus = found is None
        if lost and found is not None:
            focus_laid_out(found)
        elif lost and focused is None:
            body.focus()

    def action_undo(self) -> None:
        from planner_tui.ui.undo import undo

        undo(self.planner)

    def freshness(self) -> tuple[Any, ...]:
        return self.planner.backend.version, clock.today()

    def request(self) -> Any:
        """What the view is asked to show (a month, a search): data loaded for another
        request is never shown under this one's title."""
        return None

    @work(thread=True, exclusive=True, group="load", description="load view")
    def reload(self) -> None:
        # An unexpected error here reaches PlannerApp._handle_exception, which calls
        # show_failure; a PlannerError is the person's to act on, said in the view.
        asked = self.request()
        stamp = self.freshness()
        try:
            read_at = self.planner.backend.data_version()  # before: a write during counts
            data = self.load()
        except PlannerError as error:
            self.app.call_from_thread(self.show_problem, problem_words(error))
            return
        # mypy can't match an async callback to call_from_thread's overloads; it awaits it.
        self.app.call_from_thread(self._show, data, stamp, asked, read_at)  # type: ignore[arg-type]

    async def _show(self, data: Any, stamp: tuple[Any, ...], asked: Any, read_at: int) -> None:
        # One showing at a time: two reads can end together (a view's key while it reads
        # out of sight), and a showing that mounts widgets must finish before the next
        # fills them (the Review's second showing found its first's boxes still empty).
        async with self._showing:
            await self._show_now(data, stamp, asked, read_at)

    async def _show_now(self, data: Any, stamp: tuple[Any, ...], asked: Any, read_at: int) -> None:
        if asked != self.request():
            return  # asked for something else since; that load shows instead
        if self._read_at is not None and read_at < self._read_at:
            # Read before the data on screen was: two reads overlapped (one on coming back
            # to the view, one after a write) and the older ended last. Shown, it brought
            # back someone just deleted.
            return
        self._read_at = read_at
        self._problem_said = False
        self.query_one("#loading").display = False
        self.query_one("#body").display = True
        shown = self.show(data)
        if inspect.isawaitable(shown):  # a view that mounts widgets waits for them
            await shown
        self.planner.collector.shown()
        self._shown = stamp
        self.focus_list_if_lost()
        while self._after_show:
            await self.run_action(self._after_show.pop(0))
        self.answered()

    def run_when_shown(self, action: str) -> None:
        """Run *action* here once the view shows its data (now, if it does already): the
        palette's way to run another view's key."""
        if self._shown is None:
            self._after_show.append(action)
        else:
            self.call_later(self.run_action, action)

    def show_problem(self, message: str) -> None:
        loading = self.query_one("#loading", Static)
        loading.display = True
        loading.update(text(message))
        self._problem_said = True
        if self._shown is None:  # its empty headings would read as "nothing planned"
            self.query_one("#body").display = False
        self.answered()

    def cannot_open_yet(self) -> None:
        """A key that opens a form came while this view has no data to fill it with: say
        why (still opening, or its data could not be read, as the note on it says), and
        forget the keys typed after it — they were meant for the form, and given to the
        view they would be commands (a name's letters archiving, switching, undoing)."""
        note = self.query_one("#loading", Static)
        if note.display and str(note.render()) != self.LOADING:
            self.app.notify(words.VIEW_UNREADABLE, severity="warning")
        else:
            self.app.notify(f"One moment — the {self.TITLE} is still opening.")
        self.planner.drop_typed_ahead()

    def show_failure(self, log: object | None) -> None:
        """A load failed unexpectedly: say so kindly instead of showing what may belong to
        another month or search; ctrl+r tries again."""
        self.show_problem(words.view_went_wrong(log))
        self.query_one("#body").display = False
        self._shown = None

    def load(self) -> Any:
        return None

    def show(self, data: Any) -> Any:
        """Put *data* on screen; may be a coroutine (when it mounts widgets)."""
