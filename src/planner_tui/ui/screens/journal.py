"""Journal: check-ins by day, the month at a glance, and search as you type."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Input, Static
from textual.worker import get_current_worker

from planner_tui import clock, words
from planner_tui.ui.screens.base import Note, Section, ViewScreen, text
from planner_tui.ui.screens.tables import fill, table
from planner_tui.ui.undo import write as undoable
from planner_tui.ui.widgets.fields import TextField

if TYPE_CHECKING:
    from planner_tui.db.models import ContextRead, JournalEntryRead, PersonRead

SHOWN = 120
SHADES = {1: "░", 2: "▒", 3: "▓", 4: "█", 5: "█"}
"""Connectedness in the month strip; ○ is an entry without it, · a day without one."""
SEARCH_HELP = '/ search: words, "a phrase", @Name, #tag, in:Context, 2026-10, last month, mood>=4'


@dataclass
class JournalData:
    entries: list[JournalEntryRead]
    month: dict[date, int | None]
    people: list[PersonRead]
    contexts: list[ContextRead]


def first_line(entry: JournalEntryRead) -> str:
    for value in (entry.body, entry.warmth_note, entry.withdraw_note):
        if value.strip():
            return str(value.strip().splitlines()[0][:80])
    return ""


def month_strip(month: dict[date, int | None], today: date) -> Text:
    """Two lines: the days of this month, and under each one how that day felt."""
    first = today.replace(day=1)
    days = [
        first + timedelta(days=n)
        for n in range(31)
        if (first + timedelta(days=n)).month == first.month
    ]
    numbers = Text(end="")
    shades = Text(end="")
    for day in days:
        numbers.append(f"{day.day:>3}", "bold" if day == today else "")
        if day not in month:
            shades.append("  ·", "dim")
        else:
            score = month[day]
            shades.append("  " + (SHADES[score] if score else "○"))
    legend = Text("\n░ ▒ ▓ █ connectedness 1–5 · ○ entry without it · · no entry", "dim", end="")
    return Text.assemble(numbers, "\n", shades, legend)


class JournalScreen(ViewScreen):
    TITLE = "Journal"
    AUTO_FOCUS = None  # the search box must not take the view keys; the list takes focus
    LISTS = ("#entries",)
    BINDINGS = [
        Binding("c", "check_in", "Check in"),
        Binding(
            "slash", "search", "Search", key_display="/", tooltip="Search the journal as you type"
        ),
        Binding("e", "edit", "Edit"),
        Binding("x", "delete", "Delete"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.data: JournalData | None = None
        self.shown: list[JournalEntryRead] = []
        self.shown_query = ""
        """The search whose results are on screen (the benchmark waits for it)."""

    def compose_body(self) -> ComposeResult:
        yield Note(words.EMPTY_JOURNAL, id="journal-empty", classes="empty")
        yield Section("", id="month-title")
        yield Static("", id="month-strip", markup=False)
        yield TextField(placeholder=SEARCH_HELP, id="search")
        yield Note(id="search-note", classes="muted")
        yield table("entries", "day", "mood", "connected", "")
        yield Note("c check in · Enter or e edit · x delete (u undoes) · / search", classes="muted")

    # ---------------------------------------------------------------- data

    def load(self) -> JournalData:
        from planner_tui.services import journal, people

        backend = self.planner.backend
        today = clock.today()
        first = today.replace(day=1)
        this_month = backend.read(
            partial(journal.list_entries, start=first, end=today + timedelta(days=1), limit=None)
        )
        month: dict[date, int | None] = {}
        for entry in reversed(this_month):  # the latest entry of a day speaks for it
            month[entry.day] = entry.connectedness
        return JournalData(
            entries=backend.read(partial(journal.list_entries, limit=SHOWN)),
            month=month,
            people=backend.read(people.list_people),
            contexts=backend.read(people.list_contexts),
        )

    def show(self, data: JournalData) -> None:
        self.data = data
        today = clock.today()
        self.query_one("#journal-empty").display = not data.entries
        self.query_one("#month-title", Section).update(today.strftime("%B %Y"))
        self.query_one("#month-strip", Static).update(month_strip(data.month, today))
        query = self.query_one("#search", Input).value
        if query.strip():
            self.run_search(query)
        else:
            self.show_entries(data.entries, [], keep_cursor=True)

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

        def score(value: int | None) -> str:
            return "—" if value is None else f"{value}/5"

        def line(index: int, entry: JournalEntryRead) -> Text:
            shown = text(snippets[index] if snippets else first_line(entry))
            if terms:
                shown.highlight_words([t for t in terms if t], "reverse", case_sensitive=False)
            return shown

        fill(
            self.query_one("#entries", DataTable),
            [
                (e.day.strftime("%a %-d %b %Y"), score(e.mood), score(e.connectedness), line(i, e))
                for i, e in enumerate(entries)
            ],
            [str(e.id) for e in entries],
            keep_cursor=keep_cursor,
        )

    # ---------------------------------------------------------------- search as you type

    def on_mount(self) -> None:
        # The search box takes focus only through /, so view keys are never typed into it.
        self.query_one("#search", Input).can_focus = False

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.can_focus = True
        search.focus()

    @on(Input.Blurred, "#search")
    def search_left(self) -> None:
        self.query_one("#search", Input).can_focus = False

    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        if self.data is None:
            return
        if event.value.strip():
            self.run_search(event.value)
        else:
            self.shown_query = event.value
            self.query_one("#search-note", Note).set("")
            self.show_entries(self.data.entries, [])

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, typed: str) -> None:
        from planner_tui.errors import PlannerError
        from planner_tui.services import journal

        assert self.data is not None
        backend = self.planner.backend
        try:
            query, problems = backend.read(partial(journal.read_search, text=typed))
            hits = backend.read(partial(journal.search, query=query, limit=SHOWN))
        except PlannerError as error:
            hits, problems, query = [], [str(error)], None
        if get_current_worker().is_cancelled:
            return
        terms = query.terms if query else []
        note = " ".join(problems) or (
            f"{len(hits)} entries" + (" (the best first)" if terms else "")
            if hits
            else "Nothing matches."
        )
        self.app.call_from_thread(self.show_hits, hits, terms, note, typed)

    def show_hits(self, hits: list[Any], terms: list[str], note: str, typed: str) -> None:
        if typed != self.query_one("#search", Input).value:
            return  # typed on since: that search's results follow
        self.shown_query = typed
        self.query_one("#search-note", Note).set(note)
        self.show_entries([h.entry for h in hits], terms, [h.snippet for h in hits])

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#entries").focus()

    # ---------------------------------------------------------------- entries

    def selected(self) -> JournalEntryRead | None:
        entries: DataTable[Any] = self.query_one("#entries", DataTable)
        if not self.shown or not entries.display:
            return None
        return self.shown[min(entries.cursor_row, len(self.shown) - 1)]

    def action_check_in(self) -> None:
        self.planner.check_in()

    @on(DataTable.RowSelected, "#entries")
    def entry_chosen(self) -> None:
        self.action_edit()

    def action_edit(self) -> None:
        from planner_tui.ui.forms.journal import JournalForm

        entry = self.selected()
        if entry is not None:
            self.app.push_screen(JournalForm(entry))

    def action_delete(self) -> None:
        from planner_tui.services import journal
        from planner_tui.ui.modals.confirm import Choice

        entry = self.selected()
        if entry is None:
            return
        when = entry.day.strftime("%A %-d %B %Y")

        def answered(answer: str | None) -> None:
            if answer == "delete":
                undoable(
                    self.planner,
                    f"Deleted the check-in for {when}. u undoes it.",
                    partial(journal.delete_entry, entry_id=entry.id),
                    f"deleting the check-in for {when}",
                    f"The check-in for {when} is back.",
                )

        self.app.push_screen(
            Choice(
                f"Delete the check-in for {when}?",
                first_line(entry) or "(no text)",
                [("keep", "Keep"), ("delete", "Delete")],
            ),
            answered,
        )
