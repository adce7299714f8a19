"""Dialogs with our own words: the first-run notice and help."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from planner_tui import words
from planner_tui.ui.screens.base import KeepsStyles, text
from planner_tui.ui.widgets.footer import DialogFooter

if TYPE_CHECKING:
    from planner_tui.services.support import SupportLines


SCROLLS = {"up": "scroll_up", "down": "scroll_down", "pageup": "page_up",
           "pagedown": "page_down", "home": "scroll_home", "end": "scroll_end"}  # fmt: skip
"""A key → how the first-run notice's words scroll by it."""
SMALL_HEIGHT = 24
"""Below this many lines the notice draws tighter (its padding, its button one line)."""


class FirstRunNotice(KeepsStyles, DialogFooter, ModalScreen[None]):
    """Shown once, on the very first start. Its words scroll, by the arrow and page keys
    while the button keeps the focus, between its title and its button, both always in
    view: on a small terminal the safety lines and the button were out of reach."""

    # Enter is the focused button's own key (so Textual's footer shows it under the
    # button's name, hidden); Escape goes on as well, and is the key the footer names. q
    # quits, as everywhere (the notice shows again at the next start).
    BINDINGS = [
        Binding("escape", "dismiss", "Start"),
        Binding("enter", "dismiss", "Start", show=False),
        Binding("q", "app.quit", "Quit"),
        *(Binding(key, f"read('{key}')", show=False) for key in SCROLLS),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="notice", classes="dialog"):
            yield Static("Before you begin", classes="dialog-title", markup=False)
            with VerticalScroll(id="notice-words", can_focus=False):
                yield Static(words.FIRST_RUN_NOTICE, markup=False)
            yield Button("I understand — let's start", id="ok", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#ok", Button).focus()

    def on_resize(self) -> None:
        """The words get what the dialog's nine tenths of the screen leave beside its
        title and button; below 24 lines those go tighter, so some words still show."""
        small = self.size.height < SMALL_HEIGHT
        notice = self.query_one("#notice")
        notice.set_class(small, "-small")
        self.query_one("#ok", Button).compact = small
        around = 5 if small else 11  # border, padding, title, button, their margins, and
        room = max(1, self.size.height * 9 // 10 - around)  # a line the rounding may take
        self.query_one("#notice-words").styles.max_height = room

    def action_read(self, key: str) -> None:
        """Scroll the notice's words (the button keeps the focus, so Enter still starts)."""
        getattr(self.query_one("#notice-words", VerticalScroll), f"action_{SCROLLS[key]}")()

    def on_button_pressed(self, _event: Button.Pressed) -> None:
        self.dismiss()


class HelpScreen(KeepsStyles, DialogFooter, ModalScreen[None]):
    """Every key of the current view and the app, and where to find support: the person's
    own trusted contacts first (e edits them), then crisis lines, then support that isn't
    only for crises (``support.toml``: the shipped one, or the person's own copy)."""

    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", "Close"),  # the footer's keys here
        Binding("e", "edit_trusted", "Edit the people you trust"),
        Binding("s", "show_support", "Support lines"),
    ]

    def __init__(self, keys: list[tuple[str, str, str]], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.keys = keys

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help", classes="dialog"):
            yield Static(words.SUPPORT_BELOW, id="support-pointer", classes="muted", markup=False)
            # The view's keys, not the help's: its own `e` and `s` beside the view's `e Edit`
            # and `s Small step` read as one (nu261).
            yield Static("Keys, once this help is closed", classes="dialog-title", markup=False)
            grid = Grid(id="help-keys")  # what a key does wraps beside it, never cut off
            widest = max((cell_len(key) for key, _, _ in self.keys), default=1)
            grid.styles.grid_columns = f"{min(widest, 16)} 1fr"
            with grid:
                for key, description, tooltip in self.keys:
                    yield Static(key, classes="help-key", markup=False)
                    line = Text(description, style="bold", end="")
                    if tooltip:
                        line.append(f" — {tooltip}", style="dim")
                    yield Static(line, markup=False)
            yield Static("Support and crisis", id="support-title", classes="dialog-title",
                         markup=False)  # fmt: skip
            yield Static("People you trust", classes="section", markup=False)
            yield Static("", id="trusted", markup=False)
            yield Static("Crisis lines", classes="section", markup=False)
            yield Static(words.EMERGENCY_LINE, id="crisis", markup=False)
            yield Static(words.OTHER_SUPPORT_HEADING, classes="section", markup=False)
            yield Static("", id="other-support", markup=False)
            yield Static("", id="support-problem", classes="muted", markup=False)
            yield Static(
                "In this help: e edits the people you trust · s goes to the support lines · "
                "Escape closes.",
                classes="muted",
                markup=False,
            )

    def on_mount(self) -> None:
        self.query_one("#help").focus()
        self.load_trusted()
        self.load_support()

    @work(thread=True, description="support lines")
    def load_support(self) -> None:
        from planner_tui.services import support
        from planner_tui.ui.app import PlannerApp

        assert isinstance(self.app, PlannerApp)
        found = support.load_support(self.app.settings.resolved_home())
        self.app.call_from_thread(self.show_support, found)

    def show_support(self, found: SupportLines) -> None:
        self.query_one("#crisis", Static).update(text("\n".join(found.crisis_text()),
                                                      multiline=True))  # fmt: skip
        kinds = words.OTHER_SUPPORT_KINDS[0].upper() + words.OTHER_SUPPORT_KINDS[1:]
        other = "\n".join([kinds, *found.other_text()]) if found.other else ""
        self.query_one("#other-support", Static).update(text(other, multiline=True))
        problem = self.query_one("#support-problem", Static)
        problem.update(text(found.problem or "", multiline=True))
        problem.display = bool(found.problem)

    @work(thread=True)
    def load_trusted(self) -> None:
        from planner_tui.errors import PlannerError
        from planner_tui.services import support
        from planner_tui.ui.app import PlannerApp

        assert isinstance(self.app, PlannerApp)
        try:
            lines = self.app.backend.read(support.trusted_lines)
        except PlannerError:
            lines = []
        shown = "\n".join(lines) or words.NO_TRUSTED
        self.app.call_from_thread(
            self.query_one("#trusted", Static).update, text(shown, multiline=True)
        )

    def action_show_support(self) -> None:
        self.query_one("#help", VerticalScroll).scroll_to_widget(
            self.query_one("#support-title"), animate=False, top=True
        )

    def action_edit_trusted(self) -> None:
        from planner_tui.ui.forms.support import TrustedForm

        self.app.push_screen(TrustedForm(), self.trusted_saved)

    def trusted_saved(self, saved: object) -> None:
        if saved is not None:
            self.load_trusted()


class Explanation(KeepsStyles, DialogFooter, ModalScreen[None]):
    """How one figure of the review is counted, and from which data."""

    BINDINGS = [Binding("escape,enter,h,q", "dismiss", "Close")]  # in the footer

    def __init__(self, title: str, body: str) -> None:
        super().__init__()
        self.heading, self.body = title, body

    def compose(self) -> ComposeResult:
        with Vertical(id="explanation", classes="dialog"):
            yield Static(f"How it's counted: {self.heading}", classes="dialog-title", markup=False)
            yield Static(self.body, markup=False)
            yield Static("Esc closes.", classes="muted", markup=False)
