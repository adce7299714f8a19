"""Review: one month's patterns — figures beside last month's, charts, what came with warmer
days, reciprocity, breadth, small steps, wins, the loneliness check, intentions and the year
at a glance. Every figure can say how it is counted (h).

The figures are built by ``review_report`` (shared with the Markdown export), so the view
only lays them out: one focusable box per figure, tab moving between them.
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

from dateutil.relativedelta import relativedelta
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.events import Resize
from textual.widget import Widget
from textual.widgets import DataTable, Static

from planner_tui import clock, words
from planner_tui.errors import PlannerError
from planner_tui.pictures import Fitted
from planner_tui.ui.screens.base import HangingLines, Note, Section, ViewScreen
from planner_tui.ui.screens.tables import Table, fill, fit, folded, table

if TYPE_CHECKING:
    from planner_tui.review_report import Figure
    from planner_tui.services.review import MonthReviewData
    from planner_tui.ui.backend import Backend

HINT = (
    "← → another month · . this month · g go to a month · tab next figure · h how it's counted · "
    "l loneliness check · "
    "n intentions · x small experiment · c the month's contacts · o save as Markdown"
)


@dataclass(frozen=True)
class Month:
    """A month as the view shows it, and the state of the data it was worked out from."""

    stamp: tuple[Any, ...]
    data: MonthReviewData
    title: str
    figures: list[Figure]


class FigureBox(Vertical, can_focus=True):
    """One figure of the review, made once and filled in for each month shown; focus marks
    it as the one `h` explains."""

    DEFAULT_CSS = "FigureBox { height: auto; }"

    def __init__(self, key: str) -> None:
        super().__init__(classes="figure", id=f"figure-{key}")
        self.key = key
        self.figure: Figure | None = None

    def compose(self) -> ComposeResult:
        yield Section("", id=f"title-{self.key}")
        yield HangingLines(classes="lines")
        yield table(f"table-{self.key}")  # what narrows: each figure's table says
        yield Static("", markup=False, classes="folded")
        yield Static("", markup=False, classes="picture")

    def show(self, figure: Figure) -> None:
        self.figure = figure
        self.query_one(Section).update(figure.title)
        lines = self.query_one(".lines", HangingLines)
        lines.set([part for line in figure.lines for part in line.split("\n")])
        lines.display = bool(figure.lines)
        grid = self.query_one(Table)
        if figure.table:
            grid.give_way = figure.table.give_way  # the words, never the figures
            if [str(c.label) for c in grid.columns.values()] != list(figure.table.columns):
                grid.clear(columns=True)
                grid.add_columns(*figure.table.columns)
            fill(grid, list(figure.table.rows))
            self.query_one(".folded", Static).update(
                Fitted(partial(folded, figure.table.columns, figure.table.rows, grid.give_way))
            )
        self.fold()
        # A table with a key per row explains row by row, so it takes focus itself.
        row_by_row = bool(figure.table and figure.table.keys)
        grid.can_focus, self.can_focus = row_by_row, not row_by_row
        grid.cursor_type = "row" if row_by_row else "none"
        picture = self.query_one(".picture", Static)
        picture.update(figure.picture or "")
        picture.display = figure.picture is not None

    def on_resize(self, _event: Resize) -> None:
        self.fold()

    def fold(self) -> None:
        """The figure's table, or where its figures don't fit across, the table folded, each
        row as lines of its own: ← → turn the month here, so a table can't be scrolled
        sideways to them (at 40 columns "What went together" showed its names alone). A
        table explained row by row stays one, for its cursor."""
        shown = self.figure.table if self.figure else None
        room = self.content_region.width  # the table's, which fills the box
        folds = False
        if shown and not shown.keys and room:
            columns = [[row[n] for row in shown.rows] for n in range(len(shown.columns))]
            folds = fit(shown.columns, columns, shown.give_way, room).over > 0
        self.query_one(Table).display = bool(shown) and not folds
        self.query_one(".folded", Static).display = folds

    @property
    def explain_key(self) -> str:
        row = self.explained_row()
        return self.key if row is None else self.figure.table.keys[row]  # type: ignore[union-attr]

    def explained_row(self) -> int | None:
        """The row of the figure's table `h` explains on its own, if one has the cursor."""
        keys = self.figure.table.keys if self.figure and self.figure.table else []
        grid = self.query_one(DataTable)
        return grid.cursor_row if keys and grid.has_focus else None

    def explained(self) -> str:
        """What `h` explains, as its window names it: the figure, and the row (the window
        covered the table, and said only "Overview" of the row chosen, nu201)."""
        title = self.figure.title if self.figure else ""
        row = self.explained_row()
        return title if row is None else f"{title} — {self.figure.table.rows[row][0]}"  # type: ignore[union-attr]


OPENING_SAID_AFTER = 0.15
"""Seconds before ← or → says the month is on its way: one worked out already (the month
before is, while you read) shows sooner, and a line said and taken back at once cost a
layout and a frame of its own."""


class ReviewScreen(ViewScreen):
    MORE_KEYS = (
        ("tab", "Next figure", "Tab and shift+tab move from figure to figure; ↑ ↓ move "
         "within the overview's table, the row h explains"),
        ("pgdn", "Move the page", "PageUp, PageDown, Home and End move the page; the figure "
         "at its top is selected"),
    )  # fmt: skip
    TITLE = "Review"
    BINDINGS = [
        Binding(
            "left",
            "move(-1)",
            "Earlier month",
            key_display="←",
            priority=True,
            tooltip="The month before",
        ),
        Binding(
            "right",
            "move(1)",
            "Later month",
            key_display="→",
            priority=True,
            tooltip="The month after, up to this one",
        ),
        Binding(
            ".",
            "this_month",
            "This month",
            show=False,
            tooltip="Back to this month from however far back",
        ),
        Binding(
            "g",
            "go_to_month",
            "Go to a month",
            show=False,
            tooltip="A month you type: 2019-03, march 2019, or october for the latest",
        ),
        # The page keys read the page, and the figure at its top takes the focus (a table's
        # own moved a cursor out of sight, and the focus on the first figure pulled the
        # page back to it: PageUp near the end jumped to the Overview).
        *(
            Binding(key, f"page('{key}')", show=False, priority=True)
            for key in ("pageup", "pagedown", "home", "end")
        ),
        Binding(
            "h",
            "explain",
            "How it's counted",
            tooltip="How the figure selected is counted, and from what",
        ),
        Binding(
            "l",
            "loneliness",
            "Loneliness check",
            tooltip="Three short questions on how lonely the month felt, and a fourth if you like",
        ),
        Binding(
            "n",
            "intentions",
            "Intentions",
            tooltip="Intentions for the month after, wins and a note",
        ),
        Binding(
            "x",
            "experiment",
            "Small experiment",
            tooltip="Start a two-to-six-week experiment, or end the one running",
        ),
        Binding(
            "o",
            "save_markdown",
            "Save as Markdown",
            show=False,
            tooltip="Export this month's review as a Markdown file",
        ),
        Binding(
            "c",
            "contacts",
            "Contacts",
            show=False,
            tooltip="The month's contacts, to change or delete one",
        ),
    ]

    KEPT = 12
    """Months kept worked out, for flipping back and forth without waiting."""

    def __init__(self) -> None:
        super().__init__()
        self.month = clock.check_in_day().replace(day=1)  # at 00:30 on the 1st, the month gone
        self.data: MonthReviewData | None = None
        self._months: dict[date, Month] = {}
        """Months worked out since the data last changed (by this or any program): the ones
        shown, and the one before the month shown, worked out ahead while the person reads."""
        self._working = threading.Lock()
        """One month worked out at a time: a month asked for while it is being worked out
        ahead is waited for, not worked out twice."""
        self._figure_next = ""
        """The figure the next data shown brings into sight, with the focus (its key)."""
        self._settling_on = ""
        """That figure, kept at the page's top as the page settles, until a key is pressed:
        how many layouts move it depends on the figures shown (and under load the check
        once ended above the page's top)."""
        self._paging = False
        """A page key moved the page: the focus follows once it is laid out."""

    @property
    def turning(self) -> bool:
        """Whether ← or → asked for a month not yet on screen (nor a note of why it can't
        be shown)."""
        shown = self.data.figures.month if self.data is not None else self.month
        return shown != self.month and not self.query_one("#loading").display

    @property
    def ready_for_keys(self) -> bool:
        """Keys typed after ← or → wait for that month: End or Tab went to the month still
        on screen, and the new one then opened at its top with its first figure chosen."""
        return super().ready_for_keys and not self.turning

    def goes_at_once(self, action: str) -> bool:
        """The month keys themselves don't wait: ← held down runs through the months, each
        asked for as the last is still read, as before."""
        return action in ("move(-1)", "move(1)", "this_month")

    def compose_body(self) -> ComposeResult:
        yield Section("", id="review-title")
        yield Note(HINT, classes="muted", id="review-hint")
        yield Note(words.empty_review(True), id="review-empty", classes="empty")
        yield Vertical(id="figures")

    def freshness(self) -> tuple[Any, ...]:
        return (*super().freshness(), self.month)

    def request(self) -> date:
        return self.month

    def load(self) -> Month:
        return self.worked_out(self.month)

    def worked_out(self, month: date) -> Month:
        """*month*'s data and its figures in words (in a worker thread), or as they were
        worked out before if nothing has been written since, by this or any program."""
        from planner_tui import review_report
        from planner_tui.services import review

        with self._working:
            stamp = (self.planner.backend.data_version(), clock.today())
            kept = self._months.get(month)
            if kept is not None and kept.stamp == stamp:
                return kept
            data = self.planner.backend.read(partial(review.review_month, month=month))
            home = self.planner.settings.resolved_home()
            made = Month(stamp, data, review_report.title(data), review_report.figures(data, home))
            self._months = {m: k for m, k in self._months.items() if k.stamp == stamp}
            self._months[month] = made
            while len(self._months) > self.KEPT:
                del self._months[next(iter(self._months))]
            return made

    @work(thread=True, exclusive=True, group="review-ahead", description="month before")
    def work_out_month_before(self) -> None:
        """The month ← goes to, worked out while the person reads this one."""
        if self.month > date.min:
            with contextlib.suppress(PlannerError):  # said when that month is asked for
                self.worked_out(self.month - relativedelta(months=1))

    async def show(self, shown: Month) -> None:
        data, title, figures = shown.data, shown.title, shown.figures
        # Another month opens at its top: kept where the last one was read, its title and
        # first figures were out of sight.
        another_month = self.data is not None and self.data.figures.month != data.figures.month
        self.data = data
        self.query_one("#review-title", Section).update(title)
        from planner_tui.review_report import nothing_recorded, says_notice, shows

        empty = self.query_one("#review-empty", Note)  # (loaded with the month, above)
        empty.display = says_notice(data)
        if empty.display:
            empty.set(nothing_recorded(data, in_app=True))
        holder = self.query_one("#figures", Vertical)
        if not holder.children:  # the first month shown: the boxes are made once
            await holder.mount_all(FigureBox(f.key) for f in figures)
        for figure in figures:
            box = self.query_one(f"#figure-{figure.key}", FigureBox)
            box.show(figure)
            box.display = shows(figure, data)
        if self._figure_next:
            key, self._figure_next = self._figure_next, ""
            self.focus_figure(key)
            self._settling_on = key
            self.call_after_refresh(self.focus_figure, key, scroll=True)
        elif another_month:
            # Not brought back to what was saved in the month before as this one grows
            # (← is a binding, which on_key below never sees; nu246).
            self._settling_on = ""
            if self.focused_figure() is not None:
                self.focus_figure(figures[0].key)
            self.query_one("#body").scroll_home(animate=False)
        self.planner.keys_may_go_on()  # the keys typed after ← or →, for this month
        self.work_out_month_before()

    def on_mount(self) -> None:
        self.watch(self.query_one("#body"), "virtual_size", self._page_grew, init=False)

    def _page_grew(self) -> None:
        """Figures shown or hidden, tables fitted to their widths: the page laid out again,
        the figure being brought into sight goes back to its top."""
        if self._settling_on:
            self.call_after_refresh(self.focus_figure, self._settling_on, scroll=True)

    def on_key(self) -> None:
        self._settling_on = ""  # the person moves on: the page is theirs

    def focused_figure(self) -> FigureBox | None:
        node = self.focused
        while node is not None and not isinstance(node, FigureBox):
            node = node.parent  # type: ignore[assignment]
        return node

    def focus_figure(self, key: str, *, scroll: bool = False) -> None:
        box = next(iter(self.query(f"#figure-{key}").results(FigureBox)), None)
        if box is not None and not box.display:  # too little to tell: named at the end
            box = next(iter(self.query("#figure-waiting").results(FigureBox)), None)
        if box is None or not box.display:
            return
        target = box if box.can_focus else next(iter(box.query(DataTable)), box)
        target.focus(scroll_visible=False)
        if scroll:
            self.query_one("#body").scroll_to_widget(box, animate=False, top=True)

    # ---------------------------------------------------------------- keys

    def action_page(self, key: str) -> None:
        body = self.query_one("#body", VerticalScroll)
        {"pageup": body.scroll_page_up, "pagedown": body.scroll_page_down,
         "home": body.scroll_home, "end": body.scroll_end}[key](animate=False)  # fmt: skip
        self._settling_on = ""
        self._paging = True
        self.call_after_refresh(self.focus_in_sight)

    def focus_in_sight(self) -> None:
        """The focus on the figure in sight (:meth:`figure_in_sight`), the page left where
        it is."""
        self._paging = False
        chosen = self.figure_in_sight()
        if chosen is not None and chosen is not self.focused_figure():
            self.focus_figure(chosen.key)

    def figure_in_sight(self) -> FigureBox | None:
        """The first figure whose title is in sight, or the last begun above it when one
        figure fills the page. (By the box, the blank line above a title counted: a title
        on the page's first line was passed over for the next figure, nu201.)"""
        body = self.query_one("#body", VerticalScroll)
        top, bottom = body.scroll_y, body.scroll_y + body.size.height

        def begins(widget: Widget) -> int:  # how far down the page
            y = 0
            while widget is not body and widget.parent is not None:
                y += widget.virtual_region.y
                widget = widget.parent  # type: ignore[assignment]
            return y

        titles = [(box, begins(box.query_one(Section))) for box in self.query(FigureBox)
                  if box.display]  # fmt: skip
        begun = [box for box, title in titles if title < bottom]
        in_sight = [box for box, title in titles if top <= title < bottom]
        return in_sight[0] if in_sight else begun[-1] if begun else None

    def action_move(self, months: int) -> None:
        try:
            wanted = self.month + relativedelta(months=months)
        except ValueError:  # before the year 1 (nu263: g 0001-01, then ←, closed the app)
            self.notify(words.NO_EARLIER_MONTH)
            return
        if wanted > clock.today().replace(day=1):
            self.notify(words.NO_LATER_MONTH)
            return
        self.planner.withdraw(words.NO_LATER_MONTH)
        self.month = wanted
        self.set_timer(OPENING_SAID_AFTER, partial(self.say_opening, wanted))
        self.reload()

    def action_this_month(self) -> None:
        """Back to the month going on, from however far back (it took a → per month)."""
        this = clock.check_in_day().replace(day=1)
        if self.month != this:
            self.action_move((this.year - self.month.year) * 12 + this.month - self.month.month)

    def action_go_to_month(self) -> None:
        """A month typed (nu262: ← alone took minutes to reach one years back)."""
        from planner_tui.ui.modals.month import MonthPrompt

        def chosen(month: date | None) -> None:
            if month is not None and month != self.month:
                self.action_move(
                    (month.year - self.month.year) * 12 + month.month - self.month.month
                )

        self.app.push_screen(MonthPrompt(), chosen)

    def say_opening(self, wanted: date) -> None:
        """The wanted month is still being worked out: the figures on screen are still the
        month shown, so its title stays, with the month on its way."""
        from planner_tui import review_report

        if self.month != wanted or (self.data is not None and self.data.figures.month == wanted):
            return  # shown already, or another month asked for since
        shown = review_report.title(self.data) if self.data else "Monthly review"
        self.query_one("#review-title", Section).update(
            f"{shown} · opening {clock.strftime(wanted, '%B %Y')}…"
        )

    def action_explain(self) -> None:
        from planner_tui.review_report import EXPLAIN
        from planner_tui.ui.modals.notice import Explanation

        if self._paging:  # `← End h` at once: the figure End comes to, not the first (nu173)
            self.call_after_refresh(self.action_explain)
            return
        box = self.focused_figure()
        if box is None:  # as first opened: the figure at the top of the page, selected
            box = self.figure_in_sight()
            if box is None and self.data is not None:  # shown, with no figure (nu173: it
                # said "still opening" of a month before the planner, however long)
                self.app.push_screen(Explanation("Nothing to count", words.NOTHING_TO_COUNT))
                return
            if box is None:  # nothing shown yet
                self.cannot_open_yet()
                return
            self.focus_figure(box.key)
        self.app.push_screen(Explanation(box.explained(), EXPLAIN[box.explain_key]))

    def action_loneliness(self) -> None:
        from planner_tui.ui.forms.review import LonelinessForm

        if self.data is None:
            self.cannot_open_yet()
            return
        self.app.push_screen(
            LonelinessForm(clock.strftime(self.month, "%Y-%m"), self.data.loneliness),
            self.after_form,
        )

    def action_intentions(self) -> None:
        from planner_tui.review_report import before_the_planner
        from planner_tui.ui.forms.review import IntentionsForm

        if self.data is None:
            self.cannot_open_yet()
            return
        following = clock.strftime(self.month + relativedelta(months=1), "%B %Y")
        self.app.push_screen(
            IntentionsForm(
                clock.strftime(self.month, "%Y-%m"),
                following,
                self.data.notes,
                before=before_the_planner(self.data),
            ),
            self.after_form,
        )

    @work(thread=True, exclusive=True, group="experiment", description="running experiment")
    def action_experiment(self) -> None:
        """Start an experiment, or, while one runs, offer to end it."""
        from planner_tui.services import experiments
        from planner_tui.ui.forms.experiment import EndExperimentForm, ExperimentForm

        try:
            running = self.planner.backend.read(experiments.running_experiment)
        except PlannerError as error:  # busy with another program, damaged: no crash
            self.app.call_from_thread(self.app.notify, str(error), severity="error")
            return
        self.planner.call_from_thread(
            self.planner.push_made,
            lambda: ExperimentForm() if running is None else EndExperimentForm(running),
            self.after_form,
        )

    def action_contacts(self) -> None:
        from planner_tui.ui.screens.contacts import ContactsScreen

        self.app.push_screen(ContactsScreen(self.month))

    def after_form(self, result: object) -> None:
        from planner_tui.db.models import ExperimentRead, LonelinessCheckRead, MonthReviewRead

        if result is None:
            return
        # What was saved comes into sight where the review shows it, with the focus: after
        # intentions or a check the page was back at its top, the words just written out
        # of sight (nu235); a check that leans lonely, its note, people and lines.
        if isinstance(result, LonelinessCheckRead):
            self._figure_next = "loneliness"
        if isinstance(result, MonthReviewRead):
            self._figure_next = "intentions"
        if isinstance(result, ExperimentRead):
            self._figure_next = "experiments"  # started or ended: where it now shows
        self.reload()

    def action_save_markdown(self) -> None:
        from planner_tui.ui.modals.export import ExportFile

        month = self.month
        home = self.planner.settings.resolved_home()

        def make(backend: Backend) -> tuple[str, str]:
            from planner_tui import review_report
            from planner_tui.services import review

            data = backend.read(partial(review.review_month, month=month))
            return review_report.to_markdown(
                data, home
            ), f"Wrote the review of {clock.strftime(month, '%B %Y')} to"

        self.app.push_screen(
            ExportFile(
                f"The review of {clock.strftime(month, '%B %Y')} as Markdown",
                "The review as a Markdown file, charts as text: for your own records, or to "
                "bring to someone you talk to. Names and your notes go into it.",
                f"{self.planner.files_folder()}/"
                f"planner-tui-review-{clock.strftime(month, '%Y-%m')}.md",
                make,
                "review",
            )
        )
