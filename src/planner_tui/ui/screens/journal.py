"""Journal: check-ins by day, the month at a glance, and search as you type."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.events import Click
from textual.widgets import DataTable, Input, Static
from textual.worker import get_current_worker

from planner_tui import clock, words
from planner_tui.daily import day_after
from planner_tui.pictures import DAY_SHADES, day_level, even_rows
from planner_tui.ui.screens.base import Note, Section, ViewScreen, text
from planner_tui.ui.screens.tables import cursor_in_sight, fill, table
from planner_tui.ui.undo import write as undoable
from planner_tui.ui.widgets.fields import SearchField

if TYPE_CHECKING:
    from planner_tui.db.models import ContextRead, JournalEntryRead, PersonRead

SHOWN = 120
"""Entries shown at first, and how many more each + adds."""
SEARCH_HELP = '/ search: words, "a phrase", @Name, #tag, in:Context, 2026-10, last month, mood>=4'


@dataclass
class JournalData:
    entries: list[JournalEntryRead]
    limit: int
    """How many were asked for."""
    total: int
    """Entries in the journal (``entries`` holds the newest of them)."""
    month: dict[date, int | None]
    people: list[PersonRead]
    contexts: list[ContextRead]
    another_drafted: bool = False
    """A check-in begun with `n` is kept as a draft (nothing else shows it)."""
    drafted: set[int] = field(default_factory=set)
    """Entries with changes begun and kept as a draft (their rows say so, nu159)."""


PREVIEW = 200
"""Characters of an entry the list shows at most (its column cuts it to fit, with …)."""


def first_line(entry: JournalEntryRead) -> str:
    """The entry's first words: a line cut at 80 characters, without …, looked whole."""
    for value in (entry.body, entry.warmth_note, entry.withdraw_note):
        if value.strip():
            return words.first_line(value, PREVIEW)
    return ""


class MonthStrip:
    """The days of this month, and under each one how that day felt: on one line when the
    width allows, else wrapped into even rows, so every day (today too) is always shown."""

    CELL = 3

    def __init__(self, month: dict[date, int | None], today: date) -> None:
        self.month, self.today = month, today

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        first = self.today.replace(day=1)
        days = [
            first + timedelta(days=n)
            for n in range(31)
            if (first + timedelta(days=n)).month == first.month
        ]
        per_row = even_rows(len(days), options.max_width // self.CELL)
        lines: list[Text] = []
        for start in range(0, len(days), per_row):
            numbers, shades = Text(end=""), Text(end="")
            for day in days[start : start + per_row]:
                numbers.append(f"{day.day:>{self.CELL}}", "bold" if day == self.today else "")
                if day not in self.month:
                    shades.append(" " * (self.CELL - 1) + "·", "dim")
                else:
                    score = self.month[day]
                    shades.append(" " * (self.CELL - 1) + (DAY_SHADES[score] if score else "○"))
            lines += [numbers, shades]
        yield Text("\n", no_wrap=True, overflow="crop").join(lines)
        # end with a line break: Textual counts a renderable's lines by them
        # A level a height, as the Review's year draws days (4 and 5 were both █ here)
        levels = " ".join(DAY_SHADES.values())
        yield Text(f"{levels} connectedness 1–5 · ○ entry without it · · no entry", "dim")


def search_note(
    problems: list[str], shown: int, total: int, terms: list[str], more: bool, reach: int | None
) -> str:
    """What the line under the search box says: why nothing could be looked for, or how
    many entries match and how many of them are shown (*reach*: the most words alone rank,
    journal_search.RANKED — "120 of 8,644" read as if `+` would reach them all)."""
    if problems:
        return " ".join(problems)
    if not shown:
        return "Nothing matches."
    order = " (the best first)" if terms else ""
    if terms and reach is not None and total > reach:
        order = f" (the best of the newest {reach:,} first)"
    if shown == total:
        return words.plural(total, "entry", "entries") + order
    matching = f"Showing {shown:,} of {words.plural(total, 'matching entry', 'matching entries')}"
    if more:
        return f"{matching}{order} · + shows more"
    # Words alone rank only the newest matches (journal_search.RANKED); a filter reaches all.
    return (
        f"{matching}: the best among the newest. Add a filter (a year: from:2019 to:2019; or "
        "@Name) for the others."
    )


KEYS_LINE = "c check in · Enter or e edit · x delete (u undoes) · / search"
"""The Journal's keys under its list (and "+ more" while there are more to show)."""


class JournalScreen(ViewScreen):
    ENTER = ("Open", "Open the entry to read or change it")
    TITLE = "Journal"
    AUTO_FOCUS = ""  # the list takes it with the data (never the search box: view keys)
    LISTS = ("#entries",)
    BINDINGS = [
        Binding(
            "c", "check_in", "Check in", tooltip="Today's check-in (until 4am, the day just gone)"
        ),
        Binding(
            "slash", "search", "Search", key_display="/", tooltip="Search the journal as you type"
        ),
        Binding(
            "n", "new_check_in", "New", tooltip="A new check-in, for yesterday or any other day"
        ),
        Binding("e", "edit", "Edit", tooltip="Change the check-in selected"),
        Binding(
            "x", "delete", "Delete", tooltip="Delete the check-in selected (asked first; u undoes)"
        ),
        # Before the search box: `+` typed there re-ran the search ("walk+" is "walk": a
        # sign is no word) and showed the first page again instead of the next — with no
        # more to show too, the list shrank back to its first page (nu254): it says so.
        Binding(
            "plus",
            "more",
            "Show more",
            key_display="+",
            priority=True,
            tooltip="The next entries of the list",
        ),
        Binding("plus", "no_more", show=False, priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.data: JournalData | None = None
        self.limit = SHOWN
        """How many entries the list and the search show (+ raises it)."""
        self.more = False
        """Whether more entries match than are shown."""
        self.shown: list[JournalEntryRead] = []
        self.shown_query = ""
        """The search whose results are on screen (the benchmark waits for it)."""
        self.pointed: set[str] = set()

    POINTED_ROWS: ClassVar[tuple[str, ...]] = ("journal_entry",)

    def point_at(self, entry_ids: set[str], _table: str) -> None:
        """Undo brought these entries back, or one was just saved here: the cursor goes to
        them on the next show (`e` then opened the top entry, not the one just written)."""
        self.pointed = entry_ids

    def saved(self, entry: JournalEntryRead | None) -> None:
        if entry is not None:
            self.point_at({str(entry.id)}, "journal_entry")

    def compose_body(self) -> ComposeResult:
        yield Note(words.EMPTY_JOURNAL, id="journal-empty", classes="empty")
        yield Section("", id="month-title")
        yield Static("", id="month-strip", markup=False)
        yield SearchField(placeholder=SEARCH_HELP, id="search")
        yield Note(id="search-note", classes="muted")
        yield Note(id="draft-note", classes="muted")
        yield table("entries", "day", "mood", "connected", "")
        yield Note(KEYS_LINE, id="journal-keys", classes="muted")

    # ---------------------------------------------------------------- data

    def load(self) -> JournalData:
        from planner_tui.daily import ANOTHER_CHECKIN_DRAFT
        from planner_tui.services import drafts, journal, people

        backend = self.planner.backend
        today = clock.check_in_day()  # past midnight, the month of the day just gone
        first = today.replace(day=1)
        this_month = backend.read(
            partial(journal.list_entries, start=first, end=day_after(today), limit=None)
        )
        scored: dict[date, list[int]] = {}
        for entry in this_month:  # every entry of a day counts, as in the Review
            scored.setdefault(entry.day, [])
            if entry.connectedness is not None:
                scored[entry.day].append(entry.connectedness)
        month = {
            day: day_level(sum(scores) / len(scores)) if scores else None
            for day, scores in scored.items()
        }
        limit = self.limit
        entries = backend.read(partial(journal.list_entries, limit=limit))
        return JournalData(
            entries=entries,
            limit=limit,
            total=backend.read(journal.count_entries) if len(entries) == limit else len(entries),
            month=month,
            people=backend.read(people.list_people),
            contexts=backend.read(people.list_contexts),
            another_drafted=backend.read(partial(drafts.find_draft, key=ANOTHER_CHECKIN_DRAFT))
            is not None,
            drafted=backend.read(partial(drafts.drafted_ids, prefix="journal:")),
        )

    def freshness(self) -> tuple[Any, ...]:
        # A check-in kept as a draft changes no data, but changes what the view says of it.
        return (*super().freshness(), self.planner.backend.kept_version)

    def show(self, data: JournalData) -> None:
        self.data = data
        today = clock.check_in_day()  # past midnight, the month of the day just gone
        self.query_one("#journal-empty").display = not data.entries
        self.query_one("#month-title", Section).update(clock.strftime(today, "%B %Y"))
        self.query_one("#month-strip", Static).update(MonthStrip(data.month, today))
        drafted = self.query_one("#draft-note", Note)
        drafted.set(words.ANOTHER_DRAFTED)
        drafted.display = data.another_drafted  # no empty line while there is none
        query = self.query_one("#search", Input).value
        if query.strip():
            self.run_search(query)
        else:
            self.show_list(keep_cursor=True)

    def show_list(self, *, keep_cursor: bool = False) -> None:
        """The newest entries, without a search; says so when there are more."""
        assert self.data is not None
        shown, total = len(self.data.entries), self.data.total
        self.set_more(shown < total)
        self.query_one("#search-note", Note).set(
            f"The newest {shown:,} of {words.plural(total, 'entry', 'entries')} · + shows more"
            if shown < total
            # Once + has shown them all, says so (the line went blank, and + did nothing).
            else f"All {words.plural(total, 'entry', 'entries')}."
            if self.limit > SHOWN and total
            else ""
        )
        self.show_entries(self.data.entries, [], keep_cursor=keep_cursor)

    def set_more(self, more: bool) -> None:
        if more != self.more:
            self.more = more
            self.refresh_bindings()
        # "+ more" only while there is more (it stayed with all 5 shown, nu159)
        self.query_one("#journal-keys", Note).set(KEYS_LINE + (" · + more" if more else ""))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "more":
            return self.more
        if action == "no_more":
            return not self.more
        return super().check_action(action, parameters)

    def action_no_more(self) -> None:
        """+ with nothing more to show says so: it did nothing, without a word."""
        if self.data is None:
            return
        matching = " that match" if self.query_one("#search", Input).value.strip() else ""
        self.notify(
            f"No more to show: the list has all {words.plural(len(self.shown), 'entry', 'entries')}"
            f"{matching}."
            if self.shown
            else "There are no entries to show."
        )

    def action_more(self) -> None:
        if not self.more:
            return
        self.limit += SHOWN
        query = self.query_one("#search", Input).value
        if query.strip():
            self.run_search(query)
        else:
            self.reload()

    def show_entries(
        self,
        entries: list[JournalEntryRead],
        terms: list[str],
        snippets: list[str] | None = None,
        *,
        keep_cursor: bool = False,
    ) -> None:
        """The entries on screen; *keep_cursor* (a reload) keeps the cursor on the entry
        it was on, a new search starts at the best match."""
        self.shown = entries

        drafted = self.data.drafted if self.data is not None else set()

        def line(index: int, entry: JournalEntryRead) -> Text:
            shown = text(snippets[index] if snippets else first_line(entry))
            if entry.id in drafted:  # begun and kept: Enter takes you back to the words
                shown = Text.assemble((words.DRAFT_KEPT_MARK, "italic"), shown)
            if terms:
                shown.highlight_words([t for t in terms if t], "reverse", case_sensitive=False)
            return shown

        fill(
            self.query_one("#entries", DataTable),
            [
                (
                    clock.strftime(e.day, "%a %-d %b %Y"),
                    words.score(e.mood),
                    words.score(e.connectedness),
                    line(i, e),
                )
                for i, e in enumerate(entries)
            ],
            [str(e.id) for e in entries],
            keep_cursor=keep_cursor,
        )
        pointed, self.pointed = self.pointed, set()
        table = self.query_one("#entries", DataTable)
        for row, entry in enumerate(entries):
            if str(entry.id) in pointed:
                table.move_cursor(row=row, animate=False)
                if not isinstance(self.focused, Input):  # the only match deleted, the focus
                    table.focus()  # had left the list: Enter then did nothing (nu254)
                break

    # ---------------------------------------------------------------- search as you type

    def on_mount(self) -> None:
        # The search box takes focus only through /, so view keys are never typed into it.
        self.query_one("#search", Input).can_focus = False

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.can_focus = True
        search.focus()

    def on_click(self, event: Click) -> None:
        """A click in the box is a way into it too, as / is (nu270: the box took no focus,
        and the words typed next ran as the view's keys)."""
        if event.widget is not None and event.widget.id == "search":
            self.action_search()

    @on(Input.Blurred, "#search")
    def search_left(self) -> None:
        self.query_one("#search", Input).can_focus = False

    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        if self.data is None:
            return
        self.limit = SHOWN  # a new search starts with the first page again
        if event.value.strip():
            self.run_search(event.value)
        else:
            self.shown_query = event.value
            if self.data.limit == SHOWN:
                self.show_list()
                # Emptied by Escape after a search that found nothing, the list was hidden
                # as the focus left the box: it takes it now, as it shows again.
                self.focus_list_if_lost()
            else:
                self.reload()  # the first page of the list again

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, typed: str) -> None:
        from planner_tui import journal_search
        from planner_tui.errors import PlannerError
        from planner_tui.services import journal

        assert self.data is not None
        backend = self.planner.backend
        limit = self.limit
        total = 0
        try:
            query, problems = backend.read(partial(journal.read_search, text=typed))
            if not problems and journal_search.nothing_to_look_for(typed, query):
                problems = [journal_search.NOTHING_TO_LOOK_FOR]
            hits = (
                [] if problems else backend.read(partial(journal.search, query=query, limit=limit))
            )
            if hits and not get_current_worker().is_cancelled:
                total = backend.read(
                    partial(journal.search_total, query=query, found=len(hits), limit=limit)
                )
        except PlannerError as error:
            hits, problems, query = [], [str(error)], None
        if get_current_worker().is_cancelled:
            return
        terms = query.terms if query else []
        more = len(hits) == limit < total
        reach = journal_search.at_most(query, backend.database.dialect) if query else None
        self.app.call_from_thread(
            self.show_hits, hits, terms,
            search_note(problems, len(hits), total, terms, more, reach),
            typed, more,
        )  # fmt: skip

    def show_hits(
        self, hits: list[Any], terms: list[str], note: str, typed: str, more: bool = False
    ) -> None:
        if typed != self.query_one("#search", Input).value:
            return  # typed on since: that search's results follow
        self.set_more(more)
        self.shown_query = typed
        self.query_one("#search-note", Note).set(note)
        self.show_entries([h.entry for h in hits], terms, [h.snippet for h in hits])

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#entries").focus()

    # ---------------------------------------------------------------- entries

    def selected(self) -> JournalEntryRead | None:
        entries: DataTable[Any] = self.query_one("#entries", DataTable)
        if not self.shown or not cursor_in_sight(entries):
            return None
        return self.shown[min(entries.cursor_row, len(self.shown) - 1)]

    def action_check_in(self) -> None:
        self.planner.check_in(then=self.saved)

    def action_new_check_in(self) -> None:
        """A check-in of its own (`c` opens today's once there is one): for a day before,
        or a second one today. The day is what it asks first."""
        from planner_tui.ui.forms.journal import JournalForm

        self.app.push_screen(JournalForm(another=True), self.saved)

    @on(DataTable.RowSelected, "#entries")
    def entry_chosen(self) -> None:
        self.action_edit()

    def action_edit(self) -> None:
        from planner_tui.ui.forms.journal import JournalForm

        entry = self.selected()
        if entry is not None:
            self.app.push_screen(JournalForm(entry), self.saved)  # moved to another day too

    def action_delete(self) -> None:
        from planner_tui.services import journal
        from planner_tui.ui.modals.confirm import Choice

        entry = self.selected()
        if entry is None:
            return
        when = clock.strftime(entry.day, "%A %-d %B %Y")

        def answered(answer: str | None) -> None:
            if answer == "delete":
                undoable(
                    self.planner,
                    f"Deleted the check-in for {when}. u undoes it.",
                    partial(journal.delete_entry, entry_id=entry.id),
                    f"deleting the check-in for {when}",
                    f"The check-in for {when} is back.",
                )

        drafted = self.data is not None and entry.id in self.data.drafted
        said = first_line(entry) or "(no text)"
        if drafted:  # its unsaved words went with it unsaid (nu240)
            said += f"\n\n{words.DRAFT_GOES_TOO}"
        self.app.push_screen(
            Choice(
                f"Delete the check-in for {when}?", said, [("keep", "Keep"), ("delete", "Delete")]
            ),
            answered,
        )
