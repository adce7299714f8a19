"""One person: who they are to you, your history together, the balance between you, your
contact month by month, and what your journal says of them (searchable)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.widgets import DataTable, Input, Static
from textual.worker import get_current_worker

from planner_tui import clock, learning, words
from planner_tui.db.models import (
    Channel,
    InteractionRead,
    JournalEntryRead,
    PersonDateRead,
    PersonRead,
    SearchHit,
    StepRead,
    label,
)
from planner_tui.errors import PlannerError
from planner_tui.names import as_told, name_key
from planner_tui.pictures import bar_legend, proportion_bar
from planner_tui.services.gaps import Reciprocity
from planner_tui.ui.screens.base import CHECK_IN, Note, Section, ViewScreen, text
from planner_tui.ui.screens.tables import (
    chosen_in_sight,
    cursor_in_sight,
    fill,
    focus_in_place,
    table,
)
from planner_tui.ui.widgets.fields import TextField

if TYPE_CHECKING:
    from planner_tui.ui.screens.map import MapScreen

RECENT = 20
MENTIONS = 50
"""Journal entries shown on someone's page (the count says how many there are in all)."""
HISTORY_SHOWN = 200
"""Contacts a person's page lists, newest first."""


@dataclass
class PersonData:
    person: PersonRead
    history: list[InteractionRead]
    upcoming: list[StepRead]
    past: list[StepRead]
    balance: Reciprocity
    dates: list[PersonDateRead]
    appreciation: learning.Paired
    months: list[tuple[date, dict[Channel, int]]]
    mentions: list[SearchHit]
    mention_total: int
    twins: set[int]
    """Those another shares a name with (:func:`planner_tui.services.people.sharing_a_name`)."""
    older_history: bool = False
    """Whether they have contacts older than the :data:`HISTORY_SHOWN` in ``history``."""

    @property
    def title(self) -> str:
        """The name, numbered when another has it too ('Sam (#6)')."""
        return as_told(self.person.id, self.person.name, self.twins)


class PersonScreen(ViewScreen):
    PAGE = True
    ENTER = ("Open", "On a step, change it or say how it went; on a contact, change it; "
             "on an entry, open it")  # fmt: skip
    TITLE = "Person"
    LOADING = "Opening their page…"
    BINDINGS = [
        # Each said in help, as every view's keys are (here they were names alone, nu245).
        Binding("escape", "back", "Back", tooltip="Back to the Map"),
        Binding("e", "edit", "Edit", tooltip="The contact or small step chosen in its list; "
                "elsewhere on the page, their name, rhythm, parts of life, dates and notes"),
        Binding("l", "screen.map_action('log')", "Log contact",
                tooltip="Log a contact with them: when, how it went"),
        Binding("s", "screen.map_action('step')", "Small step",
                tooltip="Plan a small step with them"),
        Binding("z", "screen.map_action('snooze')", "Snooze",
                tooltip="Rest their drift reminder for two weeks; again: wake it"),
        Binding("a", "screen.map_action('archive')", "Archive",
                tooltip="Archive them, or bring them back (u undoes it)"),
        Binding("x", "delete", "Delete", tooltip="The contact or small step chosen in its "
                "list (asked first); elsewhere on the page, the person"),
        Binding("g", "screen.map_action('merge')", "Merge", show=False,
                tooltip="Make someone else on the map one with them"),
        # As on the Map, whose page this is: `m n` typed fast came back here, where n did
        # nothing, and the name typed after it ran other views' keys.
        Binding("n", "add_someone", "Add person", show=False, tooltip="Someone new on your map"),
        CHECK_IN,  # as on the Map it opens from (nu245: here it did nothing)
        Binding("slash", "search", "Search the journal", key_display="/",
                tooltip="Find the journal entries that mention them, as you type"),
    ]  # fmt: skip

    def __init__(self, person_id: int) -> None:
        super().__init__()
        self.person_id = person_id
        self.data: PersonData | None = None
        self.searched = ""
        """What the journal search on their page holds (read again with the page)."""
        self.mentioned: list[JournalEntryRead] = []
        """The entries in the journal table, in its order (Enter opens one)."""

    def compose_body(self) -> ComposeResult:
        yield Static("", id="person-name", classes="dialog-title")
        yield Note(id="person-facts")
        yield Section("Notes and boundaries")
        yield Note(id="person-notes")
        yield Section(f"Balance over the last {words.plural(RECENT, 'contact')}")
        yield BalancePicture(id="balance")
        yield Note(id="balance-words", classes="muted")
        yield Note(id="person-appreciation", classes="muted")
        yield Section(f"Contact over the last {months_shown()}")
        yield MonthsPicture(id="person-months")
        yield Note(id="months-legend", classes="muted")
        yield Section("Small steps")
        yield Note(id="steps-empty", classes="muted")
        yield table("person-steps", "when", "how it went", "small step")  # free text last
        yield Section("Contact together")
        yield Note(id="history-empty", classes="muted")
        yield table(
            "history", "when", "how", "reached out", "warmth", "note", give_way=(-1, 2, 1)
        )  # the note, then the longer words: never the marks
        yield Section("In your journal")
        yield TextField(placeholder=SEARCH_HINT, id="person-search")
        yield Note(id="mentions-note", classes="muted")
        yield table("person-journal", "day", "entry", give_way=(-1,))
        yield Note(
            "Enter on a small step or a contact: change it (or delete the contact); on an "
            "entry: open it · "
            "/: search the entries about them · g: merge someone else into them",
            classes="muted",
        )

    def on_mount(self) -> None:
        # The search box takes focus only through /, so the page's keys are never typed in.
        self.query_one("#person-search", Input).can_focus = False

    def load(self) -> PersonData:
        from planner_tui.services import gaps, journal, people, steps
        from planner_tui.services.learning import person_appreciation

        backend = self.planner.backend
        hits, total, _problems = backend.read(
            partial(journal.mentioning, person_id=self.person_id, text=self.searched,
                    limit=MENTIONS)
        )  # fmt: skip
        history = backend.read(  # one more than shown: whether there are older ones
            partial(people.list_interactions, person_id=self.person_id, limit=HISTORY_SHOWN + 1)
        )
        return PersonData(
            person=backend.read(partial(people.get_person, person_id=self.person_id)),
            history=history[:HISTORY_SHOWN],
            older_history=len(history) > HISTORY_SHOWN,
            upcoming=backend.read(
                partial(steps.list_steps, person_id=self.person_id, upcoming=True)
            ),
            past=backend.read(
                partial(steps.list_steps, person_id=self.person_id, upcoming=False, limit=50)
            ),
            balance=backend.read(partial(gaps.reciprocity, person_id=self.person_id, last=RECENT)),
            dates=backend.read(partial(people.list_dates, person_id=self.person_id)),
            appreciation=backend.read(partial(person_appreciation, person_id=self.person_id)),
            months=backend.read(partial(people.contact_by_month, person_id=self.person_id)),
            mentions=hits,
            mention_total=total,
            twins=backend.read(people.sharing_a_name),
        )

    def show(self, data: PersonData) -> None:
        self.data = data
        p = data.person
        self.sub_title = data.title
        self.query_one("#person-name", Static).update(text(data.title))
        # A nickname that is the name again ('Dee', from a card) says nothing more.
        nickname = p.nickname if name_key(p.nickname) != name_key(p.name) else ""
        facts = [
            f"{label(p.circle)} circle" + (f" · also known as {nickname}" if nickname else ""),
            "Contexts: " + (", ".join(p.contexts) or "none yet"),
            # "Hoped-for rhythm: — · last in touch not yet" on a new person (nu219)
            (
                f"Hoped-for rhythm: {words.cadence(p.cadence_days)}"
                if p.cadence_days
                else "No rhythm hoped for yet (e sets one)"
            )
            + (
                f" · last in touch {words.ago(p.last_contact)}"
                if p.last_contact
                else " · no contact logged yet"
            ),
        ]
        if p.aliases:
            # Names merged in, or a card's other nickname: not always someone merged.
            facts.append("Also found by: " + ", ".join(p.aliases))
        if data.dates:
            facts.append(words.dates_line([(d.label, d.month, d.day, d.year) for d in data.dates]))
        else:
            facts.append(words.NO_DATES_YET)
        if p.drifting_days and p.last_contact is None:
            facts.append(words.NEVER_IN_TOUCH)
        elif p.drifting_days:
            said = words.past_rhythm(p.drifting_days, "the rhythm you hoped for", p.cadence_days)
            facts.append(said[0].upper() + said[1:] + ".")
        if until := p.resting_until(clock.today()):
            facts.append(f"Reminders resting until {words.day(until)}.")
        if p.archived:
            facts.append("Archived: kept for the record, left out of lists and reminders.")
        self.query_one("#person-facts", Note).set("\n".join(facts))
        notes = "\n\n".join(part for part in (p.notes.strip(), p.boundaries.strip()) if part)
        self.query_one("#person-notes", Note).set(notes or "Nothing written yet (e to add).")
        self.query_one(BalancePicture).balance = data.balance
        # Where "last in touch" is from when nothing is logged, said by the picture it seems
        # to contradict ("Nothing logged together yet", the reason only at the page's end).
        self.query_one("#balance-words", Note).set(
            balance_words(p.name, data.balance) or unlogged_contact(p.last_contact)
        )
        self.query_one("#person-appreciation", Note).set(appreciation_line(data.appreciation))
        self.show_months(data.months)
        self.show_mentions(data.mentions, data.mention_total, [])
        from planner_tui.services.steps import settled_or_due

        steps = [*data.upcoming, *data.past]
        fill(
            self.query_one("#person-steps", DataTable),
            [(words.when(settled_or_due(s)), label(s.status), s.action) for s in steps],
        )
        self.query_one("#steps-empty", Note).set("" if steps else "No small steps with them yet.")
        fill(
            self.query_one("#history", DataTable),
            [
                (
                    words.when(i.occurred_at),
                    label(i.channel),
                    label(i.initiator),
                    words.score(i.warmth),
                    contact_note(i),
                )
                for i in data.history
            ],
        )
        self.query_one("#history-empty", Note).set(
            "No contact logged yet. l logs one."
            if not data.history
            else words.older_contacts(HISTORY_SHOWN)  # the list ended without a word (nu207)
            if data.older_history
            else ""
        )
        focused = self.focused
        if not isinstance(focused, DataTable) or not focused.display:  # Enter works at once
            shown = [t for t in self.query(DataTable) if t.display]
            if shown:  # the page stays at its top: their name, circle and notes first
                focus_in_place(shown[0])

    # ---------------------------------------------------------------- the story

    def show_months(self, months: list[tuple[date, dict[Channel, int]]]) -> None:
        from planner_tui import charts

        self.query_one("#person-months", MonthsPicture).months = months
        present = [c for c in Channel if any(counts.get(c) for _, counts in months)]
        total = sum(sum(counts.values()) for _, counts in months)
        self.query_one("#months-legend", Note).set(
            f"{charts.legend(present)} · {words.plural(total, 'contact')} in these months"
            if total
            else "No contact logged in these months yet."
        )

    def show_mentions(self, hits: list[SearchHit], total: int, problems: list[str]) -> None:
        typed = self.query_one("#person-search", Input).value.strip()
        self.mentioned = [h.entry for h in hits]
        fill(
            self.query_one("#person-journal", DataTable),
            [(words.day(h.entry.day), h.snippet) for h in hits],
        )
        if problems:
            said = " ".join(problems)
        elif not hits:
            said = "Nothing in your journal with them matches." if typed else words.NO_MENTIONS
        elif len(hits) < total:
            said = f"The newest {len(hits)} of {words.plural(total, 'entry', 'entries')}"
            said += " that match." if typed else " that mention them."
        else:
            said = words.plural(total, "entry", "entries")
            if typed:
                said += " that matches." if total == 1 else " that match."
            else:
                said += (
                    " that mentions them." if total == 1 else " that mention them, newest first."
                )
        self.query_one("#mentions-note", Note).set(said)

    def action_back(self) -> None:
        """Escape in the search empties it and gives the page its keys back, as in every
        view's text box (it went back to the Map, and the next `/` searched there)."""
        if isinstance(self.focused, Input):
            self.action_leave_field()
        else:
            self.app.pop_screen()

    def action_search(self) -> None:
        search = self.query_one("#person-search", Input)
        search.can_focus = True
        search.focus()

    @on(Input.Blurred, "#person-search")
    def search_left(self) -> None:
        self.query_one("#person-search", Input).can_focus = False

    @on(Input.Changed, "#person-search")
    def search_changed(self, event: Input.Changed) -> None:
        self.searched = event.value
        if self.data is not None:
            self.run_search(event.value)

    @on(Input.Submitted, "#person-search")
    def search_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#person-journal", DataTable).focus()

    @work(thread=True, exclusive=True, group="search", description="search their entries")
    def run_search(self, typed: str) -> None:
        from planner_tui.services import journal

        try:
            found = self.planner.backend.read(
                partial(journal.mentioning, person_id=self.person_id, text=typed, limit=MENTIONS)
            )
        except PlannerError as error:  # said where the results go, as the Journal's search
            found = [], 0, [str(error)]
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._searched, typed, *found)

    def _searched(self, typed: str, hits: list[SearchHit], total: int, problems: list[str]) -> None:
        if typed == self.query_one("#person-search", Input).value:  # else: typed on since
            self.show_mentions(hits, total, problems)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a step: change it, or how it went; on a contact: change or delete it;
        on a journal entry: open it (the check-in form, as the Journal opens it)."""
        from planner_tui.ui.corrections import contact_actions, step_actions
        from planner_tui.ui.forms.journal import JournalForm

        if self.data is None or not chosen_in_sight(event.data_table):
            return
        row = event.cursor_row
        steps = [*self.data.upcoming, *self.data.past]
        if event.data_table.id == "person-steps" and row < len(steps):
            step_actions(self.planner, steps[row])
        elif event.data_table.id == "history" and row < len(self.data.history):
            contact_actions(self.planner, self.data.history[row])
        elif event.data_table.id == "person-journal" and row < len(self.mentioned):
            self.app.push_screen(JournalForm(self.mentioned[row]))

    def chosen_row(self) -> InteractionRead | StepRead | None:
        """The contact or small step the cursor is on, in the list the keys are in."""
        table = self.focused
        if self.data is None or not isinstance(table, DataTable) or not cursor_in_sight(table):
            return None
        row, steps = table.cursor_row, [*self.data.upcoming, *self.data.past]
        if table.id == "history" and row < len(self.data.history):
            return self.data.history[row]
        if table.id == "person-steps" and row < len(steps):
            return steps[row]
        return None

    def action_delete(self) -> None:
        """x on a contact's row deletes that contact, and on a small step's that step, as x
        on a row does in every list (they asked about deleting the whole person, nu266);
        elsewhere, the person."""
        from planner_tui.ui.corrections import delete_contact, delete_step

        chosen = self.chosen_row()
        if isinstance(chosen, InteractionRead):
            delete_contact(self.planner, chosen)
        elif chosen is not None:
            delete_step(self.planner, chosen)
        else:
            self.action_map_action("delete")

    def action_edit(self) -> None:
        """e on a contact's row changes that contact, and on a small step's that step (or
        how it went), as x deletes them; it edited the person (nu284). Elsewhere, them."""
        from planner_tui.ui.corrections import edit_contact, step_actions

        chosen = self.chosen_row()
        if isinstance(chosen, InteractionRead):
            edit_contact(self.planner, chosen)
        elif chosen is not None:
            step_actions(self.planner, chosen)
        else:
            self.action_map_action("edit")

    def map(self) -> MapScreen | None:
        """The Map this page was opened from."""
        from planner_tui.ui.screens.map import MapScreen

        return next((s for s in self.app.screen_stack if isinstance(s, MapScreen)), None)

    def action_map_action(self, what: str) -> None:
        if self.data is not None and (owner := self.map()) is not None:
            owner.person_action(what, self.data.person, from_detail=self)

    def action_add_someone(self) -> None:
        """Back to the Map, adding someone there."""
        if (owner := self.map()) is not None:
            self.app.pop_screen()
            owner.action_new_person()


SEARCH_HINT = '/ search their entries: words, "a phrase", #tag, 2026-10, mood>=4'


def months_shown() -> str:
    from planner_tui.services.people import CONTACT_MONTHS

    return words.plural(CONTACT_MONTHS, "month")


def appreciation_line(found: learning.Paired) -> str:
    """Your guesses beside how they seemed to take your steps, with how many it counts."""
    if found.count < learning.MIN_SIMILAR or found.before is None or found.after is None:
        return words.appreciation_too_little(found.count, learning.MIN_SIMILAR)
    return words.appreciation(found.count, found.before, found.after)


TITLE_WIDTH = 17
"""The cells before each bar ("Who reached out  ")."""
BAR_WIDTH = 30
NARROWEST_BAR = 10


class MonthsPicture(Static):
    """Someone's contact month by month, a line a month, fitted to the width. (Drawn with
    plotext, a month with one or two contacts showed no bar, or one on the line of 0,
    nu193 — as the Review's weeks once were.)"""

    months: reactive[list[tuple[date, dict[Channel, int]]]] = reactive(list, layout=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__("", markup=False, **kwargs)

    def render(self) -> Text:
        from planner_tui import charts

        if not any(sum(counts.values()) for _, counts in self.months):
            return Text(end="")  # the legend's line says so
        return charts.month_rows(self.months, self.content_size.width or 80)


class BalancePicture(Static):
    """The balance as bars, fitted to the width: the bars narrow (to :data:`NARROWEST_BAR`)
    before their legends leave the line, and then each legend goes on the line below."""

    balance: reactive[Reciprocity | None] = reactive(None, layout=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__("", markup=False, **kwargs)

    def watch_balance(self, balance: Reciprocity | None) -> None:
        # No picture yet: a sentence, which wraps (cut off at 60 columns, "…picture to").
        self.set_class(balance is not None and balance.interactions == 0, "-words")

    def render(self) -> Text:
        if self.balance is None:
            return Text(end="")
        return balance_picture(self.balance, self.content_size.width or 80)


def unlogged_contact(last_contact: datetime | None) -> str:
    """With no contact logged, where a "last in touch" is from (a check-in or a step done):
    beside "Nothing logged together yet", the page seemed to contradict itself."""
    if last_contact is None:
        return ""
    return (
        f"No contact logged yet: last in touch {words.ago(last_contact)} is from a check-in "
        "or a step done. l logs a contact."
    )


def balance_words(name: str, balance: Reciprocity) -> str:
    """Who tends to reach out, in words, and what the picture is (and is not)."""
    from planner_tui.services.gaps import ONE_SIDED_MIN, ONE_SIDED_SHARE

    if balance.interactions == 0:
        return ""
    reach = words.reaching_out(name, me=balance.me, them=balance.them, together=balance.mutual,
                               enough=ONE_SIDED_MIN, lean=ONE_SIDED_SHARE)  # fmt: skip
    return (
        f"{reach} A picture of the last stretch, not a score: many good ties lean one way "
        "for a while."
    )


def balance_picture(balance: Reciprocity, width: int = 80) -> Text:
    if balance.interactions == 0:
        return Text("Nothing logged together yet, so there is no picture to draw.", end="")
    picture = Text(end="")
    rows: list[tuple[str, list[tuple[str, int]]]] = [
        ("Who reached out", [("me", balance.me), ("them", balance.them), ("both", balance.mutual)]),
        ("Listening", [("I gave", balance.gave_emotional), ("I got", balance.got_emotional)]),
        ("Practical help", [("I gave", balance.gave_practical), ("I got", balance.got_practical)]),
        ("How", [("in person", balance.in_person), ("voice", balance.voice),
                 ("written", balance.digital)]),
    ]  # fmt: skip
    legends = [bar_legend(parts) for _, parts in rows]
    # One width for every bar, so they compare: as wide as the longest legend leaves room
    # for; when that is too narrow, every legend goes under its bar.
    beside = min(BAR_WIDTH, width - TITLE_WIDTH - 2 - max(x.cell_len for x in legends))
    below = beside < NARROWEST_BAR
    bar = max(1, min(BAR_WIDTH, width - TITLE_WIDTH)) if below else beside
    for index, ((title, parts), legend) in enumerate(zip(rows, legends, strict=True)):
        if index:
            picture.append("\n")
        picture.append(title.ljust(TITLE_WIDTH))
        picture.append_text(proportion_bar(parts, bar))
        picture.append("\n" + " " * TITLE_WIDTH if below else "  ")
        picture.append_text(legend)
    return picture


def contact_note(contact: InteractionRead) -> str:
    """A contact's note as its row shows it: where it was, when it was at a part of life
    ("at Choir"), then the note's first line."""
    where = f"at {contact.context}" if contact.context else ""
    return words.first_line(" — ".join(part for part in (where, contact.note.strip()) if part), 60)
