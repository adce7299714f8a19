"""The Map: people, the circles picture, contexts and the gaps, with everything one key away."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.events import Resize
from textual.widgets import DataTable, Input, Static, TabbedContent, TabPane

from planner_tui import clock, words
from planner_tui.names import as_told, sort_key
from planner_tui.pictures import recency_strip, strip_fit
from planner_tui.terminal import shorten
from planner_tui.ui.screens.base import CHECK_IN, Note, Section, ViewScreen, text
from planner_tui.ui.screens.tables import (
    chosen_in_sight,
    cursor_in_sight,
    fill,
    name_cell,
    people_found,
    replace_rows,
    row_key,
    table,
)
from planner_tui.ui.undo import name as undo_name, write as undoable
from planner_tui.ui.widgets.circles import CirclesPicture, Dot
from planner_tui.ui.widgets.fields import SearchField

if TYPE_CHECKING:  # the data layer loads off the UI thread, after the first frame
    from planner_tui.db.models import ContextRead, PersonRead
    from planner_tui.services.gaps import Diversity, Idea, OneSided, RecencyStrip

STRIP_WEEKS = 12
SORTS = ("name", "last contact", "circle", "drift")
CIRCLE_ORDER = {"inner": 0, "middle": 1, "outer": 2}
SNOOZE_DAYS = 14
NAME_WIDTH = 40
"""Long names and context lists are cut in the table (with …); the person's page has all."""


@dataclass
class MapData:
    people: list[PersonRead]
    contexts: list[ContextRead]
    quiet: list[ContextRead]
    one_sided: list[OneSided]
    diversity: Diversity
    strip: RecencyStrip
    ideas: list[Idea] = field(default_factory=list)
    rows: dict[int, tuple[Text, ...]] = field(default_factory=dict)
    """Each person's row of the People tab, by id: made with the data, off the screen's
    thread (300 rows' words and styles were a sixth of a first visit's own work)."""
    twins: set[int] = field(default_factory=set)
    """The ids of people another shares a name with: every tab shows them numbered."""


def listed_name(person_id: int, name: str, twins: set[int]) -> Text:
    """*name* as a table shows it: cut to fit, with its number when another has it too
    ('Sam (#6)'), as the command line's "could be Sam (#1), Sam (#6)" tells them apart."""
    return name_cell(as_told(person_id, name, twins), NAME_WIDTH)


def sort_people(people: list[PersonRead], by: str) -> list[PersonRead]:
    name = sorted(people, key=lambda p: sort_key(p.name))
    if by == "last contact":  # longest without contact first: that's what one looks for
        return sorted(name, key=lambda p: p.last_contact.timestamp() if p.last_contact else 0)
    if by == "circle":
        return sorted(name, key=lambda p: CIRCLE_ORDER.get(p.circle, 3))
    if by == "drift":
        return sorted(name, key=lambda p: -(p.drifting_days or 0))
    return name


def strip_heading(weeks: int) -> str:
    return f"The last {words.plural(weeks, 'week')}, by context (the last 7 days on the right)"


class WeekStrip(Static):
    """The Contexts tab's weeks by context, drawn to its width: a narrow terminal narrows
    the names, then leaves out the oldest weeks (never the newest), and *heading* says
    how many show. (Drawn wider than the tab, the last weeks were cut off at 40 columns.)"""

    def __init__(self, heading: Section, **kwargs: Any) -> None:
        super().__init__("", **kwargs)
        self.heading = heading
        self.strip: RecencyStrip | None = None
        self.quiet: set[int] = set()

    def show(self, strip: RecencyStrip, quiet: set[int]) -> None:
        """*quiet*: the ids of the contexts the Gaps tab lists as quiet (one rule for both)."""
        self.strip = strip
        self.quiet = quiet
        self.draw()

    def on_resize(self, _event: Resize) -> None:
        self.draw()

    def draw(self) -> None:
        from planner_tui.services.gaps import QUIET_DAYS  # loaded with the data already

        room = self.content_size.width
        if self.strip is None or not room:
            return  # drawn once laid out: on_resize
        strip = self.strip
        rows = [(name, counts) for _, name, counts in strip.rows]
        quiet = {i for i, (cid, _, _) in enumerate(strip.rows) if cid in self.quiet}
        mark = words.quiet_for(QUIET_DAYS)
        shown = strip_fit(room, len(strip.weeks), rows, quiet, mark)[1]
        self.heading.update(strip_heading(shown))
        self.update(
            recency_strip(strip.weeks, rows, room=room, quiet=quiet, quiet_mark=mark)
            if rows
            else text("Add a context (n) to see its weeks here.")
        )


class MapScreen(ViewScreen):
    ENTER = ("Open", "On someone (in any list), their page; on an idea, plan it")
    TITLE = "Map"
    AUTO_FOCUS = "#people-table"  # Enter opens someone straight away
    LISTS = ("#people-table",)
    BINDINGS = [
        Binding(
            "slash",
            "filter",
            "Filter",
            key_display="/",
            tooltip="Find people by name, nickname or part of life as you type",
        ),
        # `n` adds to the list on show: a part of life on the Contexts tab, else a person.
        # (`c` added a context here, and checks in on Today and the Journal: an evening's
        # scores typed after `c` on the Map became a part of life's name, nu187.)
        Binding("n", "new_person", "Add person", tooltip="Someone new on your map"),
        Binding(
            "n",
            "new_context",
            "Add context",
            tooltip="A part of your life: work, family, a club, the street (on the Contexts tab)",
        ),
        CHECK_IN,
        Binding("l", "log", "Log contact", tooltip="Log a contact: who, when, how it went"),
        Binding("e", "edit", "Edit", tooltip="Change the person or part of life selected"),
        Binding(
            "x",
            "delete",
            "Delete",
            tooltip="Delete the person or part of life selected (asked first; u undoes)",
        ),
        Binding(
            "g",
            "merge",
            "Merge",
            show=False,
            tooltip="Make someone else on the map one "
            "with the selected person (the other name stays as theirs too)",
        ),
        Binding(
            "a",
            "archive",
            "Archive",
            show=False,
            tooltip="Archive the person selected, or bring them back (u undoes it)",
        ),
        Binding(
            "z",
            "snooze",
            "Snooze",
            show=False,
            tooltip="Rest the drift reminder of the person selected for two weeks; again: wake it",
        ),
        Binding(
            "o",
            "sort",
            "Sort",
            show=False,
            tooltip="Sort people by name, last contact, circle or how far past their rhythm",
        ),
        Binding(
            "h",
            "toggle_archived",
            "Show archived",
            show=False,
            tooltip="Show or hide the people archived",
        ),
        Binding(
            "s",
            "small_step",
            "Small step",
            show=False,
            tooltip="Plan a small step with the selected person",
        ),
        Binding(
            "i",
            "import_vcard",
            "Import .vcf",
            show=False,
            tooltip="Add people from a vCard file, with a preview first",
        ),
        Binding("1", "tab('people')", "People", show=False, tooltip="Everyone on your map"),
        Binding(
            "2",
            "tab('circles')",
            "Circles",
            show=False,
            tooltip="Your inner, middle and outer circles",
        ),
        Binding(
            "3",
            "tab('contexts')",
            "Contexts",
            show=False,
            tooltip="Your parts of life, and their last twelve weeks",
        ),
        Binding(
            "4",
            "tab('gaps')",
            "Gaps",
            show=False,
            tooltip="Who is past their rhythm, quiet parts of life, ties leaning one way",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.data: MapData | None = None
        self.sort_by = SORTS[0]
        self.match_order: str | None = None
        """The order of a filter's matches: None, the best match first; else one of SORTS
        (`o` with a filter did nothing, its "(o)" beside it, nu242)."""
        self.show_archived = False
        self.shown: list[PersonRead] = []
        self._shown_from: MapData | None = None
        """The data :attr:`shown` was drawn from."""
        self.shown_query = ""
        self._rows: dict[int, tuple[Text, ...]] = {}
        self.ideas: list[Idea] = []
        """The ideas to explore the Gaps tab shows, in its table's order."""
        self.crowd: tuple[str, frozenset[int]] | None = None
        """A crowd chosen in Circles: the People tab lists only them while its filter says
        what the crowd set it to (the filter alone listed everyone in that part of life)."""
        self.just_added: tuple[str, int] | None = None
        """Someone or a context just added (its tab and id): the cursor goes to its row
        once the map shows it."""

    # ---------------------------------------------------------------- layout

    def compose_body(self) -> ComposeResult:
        yield Note(words.EMPTY_MAP, id="map-empty", classes="empty")
        with TabbedContent(id="map-tabs", initial="people"):
            with TabPane("1 People", id="people"):
                yield SearchField(
                    placeholder="/ to filter by name, nickname or context", id="filter", names=True
                )
                yield Static("", id="people-status", classes="muted", markup=False)
                # Marks before free text: a narrow terminal cuts the contexts, then the
                # names (with …), never the marks.
                yield table("people-table", "name", "", "last in touch", "hoped for", "circle",
                            "contexts", give_way=(-1, 0), names=0)  # fmt: skip
            with TabPane("2 Circles", id="circles"):
                yield CirclesPicture(id="circles-picture")
            with TabPane("3 Contexts", id="contexts"):
                yield table(
                    "contexts-table", "context", "kind", "people", "last contact", give_way=(0,)
                )  # the name is free text: it narrows, not the marks
                heading = Section(strip_heading(STRIP_WEEKS))
                yield heading
                yield WeekStrip(heading, id="strip")
            with TabPane("4 Gaps", id="gaps"):
                yield Note(id="breadth")
                yield Note(id="ideas", classes="muted")
                yield table("ideas-table", "idea")
                yield Section("Past the rhythm you hoped for")
                yield Note(id="drifting-empty", classes="muted")
                yield table(
                    "drifting-table", "who", "last in touch", "hoped for", "past by", give_way=(0,)
                )
                yield Section("Parts of life without contact for 30 days", id="quiet-title")
                yield Note(id="quiet-empty", classes="muted")
                yield table("quiet-table", "context", "people", "last contact", give_way=(0,))
                yield Section("Leaning one way lately")
                yield Note(id="one-sided-empty", classes="muted")
                yield table("one-sided-table", "who", "who started the last contacts")
                yield Note(
                    "s on any row: a small step for it.",
                    classes="muted",
                )

    # ---------------------------------------------------------------- data

    def load(self) -> MapData:
        from planner_tui.names import alike
        from planner_tui.services import gaps, people

        backend = self.planner.backend
        contexts = backend.read(people.list_contexts)
        everyone = backend.read(partial(people.list_people, include_archived=True))
        twins = alike(everyone)
        return MapData(
            people=everyone,
            contexts=contexts,
            quiet=gaps.quiet_contexts(contexts),
            one_sided=backend.read(gaps.one_sided),
            diversity=backend.read(gaps.diversity),
            strip=backend.read(partial(gaps.recency_strip, weeks=STRIP_WEEKS)),
            ideas=gaps.load_ideas(self.planner.settings.resolved_home()),
            rows={p.id: self.person_row(p, twins) for p in everyone},
            twins=twins,
        )

    def show(self, data: MapData) -> None:
        from planner_tui.db.models import label

        self.data = data
        self._rows = data.rows
        self.query_one("#map-empty").display = not data.people and not data.contexts
        self.refill_people(keep_cursor=True)
        active = [p for p in data.people if not p.archived]
        context_names = [c.name for c in data.contexts]
        self.query_one(CirclesPicture).set_people(
            [
                Dot(
                    p.id,
                    as_told(p.id, p.name, data.twins),
                    p.circle.value,
                    p.contexts[0] if p.contexts else None,
                    bool(p.drifting_days),
                    f"{label(p.circle)} · {', '.join(p.contexts) or 'no context'} · "
                    f"last in touch {words.ago(p.last_contact)}",
                )
                for p in active
            ],
            context_names,
        )
        fill(
            self.query_one("#contexts-table", DataTable),
            [
                (
                    shorten(c.name, NAME_WIDTH),
                    label(c.kind),
                    c.people_count,
                    words.ago(c.last_contact),
                )
                for c in data.contexts
            ],
            [str(c.id) for c in data.contexts],
        )
        self.query_one(WeekStrip).show(data.strip, {q.id for q in data.quiet})
        self.show_gaps(data, active)
        self.move_to_added()

    def show_gaps(self, data: MapData, active: list[PersonRead]) -> None:
        d = data.diversity
        self.query_one("#breadth", Note).set(
            "No contexts yet. Contexts are the parts of life people belong to — "
            "work, family, a club, the street. On the Contexts tab (3), n adds one."
            if not d.contexts
            # a first evening's "0 of your 3 contexts" read as a score (nu171)
            # (not "no contact logged": contact with people in no part of life counts
            # for none, nu257)
            else f"No part of life saw contact in the last {words.plural(d.days, 'day')} yet: "
            "this fills in as you log contact (l) with people in one, or tick who you were in "
            "touch with in a check-in."
            if not d.any_channel
            else f"In the last {words.plural(d.days, 'day')} you were in touch within "
            f"{d.any_channel:,} of your {words.plural(d.contexts, 'context')} "
            f"({d.in_person_or_voice:,} counting only in person, calls and video)."
        )
        ideas = data.ideas[:: max(1, len(data.ideas) // 5)][:5] if d.low else []
        self.ideas = ideas
        self.query_one("#ideas", Note).set(
            "A few parts of life to explore, if one appeals (s on one plans a step there):"
            if ideas
            else ""
        )
        fill(self.query_one("#ideas-table", DataTable), [(i.text,) for i in ideas])
        self.query_one("#ideas-table").display = bool(ideas)
        drifting = sort_people([p for p in active if p.drifting_days], "drift")
        fill(
            self.query_one("#drifting-table", DataTable),
            [
                (
                    listed_name(p.id, p.name, data.twins),
                    words.ago(p.last_contact) if p.last_contact else words.NOT_YET_SINCE_ADDED,
                    words.cadence(p.cadence_days),
                    # counted from when they were added, as `people --drifting` says it (nu176)
                    words.past_by(p.drifting_days or 0),
                )
                for p in drifting
            ],
            [str(p.id) for p in drifting],
        )
        from planner_tui.services import people  # loaded with the data already
        from planner_tui.services.gaps import QUIET_DAYS

        # Said only of people and parts of life that are there (an empty map says how to
        # add someone instead), and only what is true: a part added lately isn't quiet yet.
        within = words.no_one_drifting(
            [self.called(p) for p in active if p.resting_past], people.not_yet_in_touch(active)
        )
        self.query_one("#drifting-empty", Note).set(
            "" if drifting or not data.people else f"No one — {within[0].lower()}{within[1:]}"
        )
        fill(
            self.query_one("#quiet-table", DataTable),
            [
                (shorten(q.name, NAME_WIDTH), q.people_count, words.ago(q.last_contact))
                for q in data.quiet
            ],
            [str(q.id) for q in data.quiet],
        )
        # With none on the map, the heading stood over nothing (nu253): the note at the
        # top says where they are added.
        self.query_one("#quiet-title").display = bool(data.contexts)
        self.query_one("#quiet-empty", Note).set(
            ""
            if data.quiet or not data.contexts
            else "No part of life has gone quiet: each saw contact in the last "
            f"{words.plural(QUIET_DAYS, 'day')}, or was added since."
        )
        fill(
            self.query_one("#one-sided-table", DataTable),
            [
                (
                    listed_name(s.person_id, s.name, data.twins),
                    f"you started {s.started_by_me} of the last {s.interactions}"
                    if s.mostly_me
                    else f"they started {s.started_by_them} of the last {s.interactions}",
                )
                for s in data.one_sided
            ],
            [str(s.person_id) for s in data.one_sided],
        )
        self.query_one("#one-sided-empty", Note).set(
            words.ONE_SIDED_READ if data.one_sided else "Nothing leans strongly one way right now."
        )

    # ---------------------------------------------------------------- the people table

    @staticmethod
    def person_row(p: PersonRead, twins: set[int]) -> tuple[Text, ...]:
        """*twins*: the ids of people another shares a name with (:func:`listed_name`)."""
        from planner_tui.db.models import label

        drift = "drifting" if p.drifting_days else ("archived" if p.archived else "")
        if p.drifting_days and p.last_contact is None:
            drift = "not yet in touch"
        elif not drift and p.resting_until(clock.today()):
            drift = "resting"  # its reminders, put to rest with z
        return (
            listed_name(p.id, p.name, twins),
            text(drift, "italic"),
            text(words.ago(p.last_contact)),
            text(words.cadence(p.cadence_days)),
            text(label(p.circle)),
            text(shorten(", ".join(p.contexts), NAME_WIDTH)),
        )

    def refill_people(self, *, keep_cursor: bool = False) -> None:
        """The People tab for the filter, order and archived toggle. With *keep_cursor* (a
        reload, a new order) the cursor stays with the person it was on; a new filter
        starts at the best match."""
        if self.data is None:
            return
        query = self.query_one("#filter", Input).value.strip()
        people = [p for p in self.data.people if self.show_archived or not p.archived]
        if query:
            people = people_found(query, people)
            people = sort_people(people, self.match_order) if self.match_order else people
        else:
            people = sort_people(people, self.sort_by)
        if self.crowd is not None and self.crowd[0] != self.query_one("#filter", Input).value:
            self.crowd = None  # the filter changed since: it alone says who shows
        if self.crowd is not None:
            people = [p for p in people if p.id in self.crowd[1]]
        self.shown_query = self.query_one("#filter", Input).value
        people_table = self.query_one("#people-table", DataTable)
        if people == self.shown and self._shown_from is self.data:
            # A key that leaves the same people in the same order: the rows stay as drawn
            # (a refill redraws every row the table shows).
            if not keep_cursor and people:
                people_table.move_cursor(row=0, animate=False)
        else:
            replace_rows(
                people_table,
                [self._rows[p.id] for p in people],
                [str(p.id) for p in people],
                keep_cursor=keep_cursor,
            )
        self.shown, self._shown_from = people, self.data
        total = sum(1 for p in self.data.people if self.show_archived or not p.archived)
        everyone = words.plural(total, "person", "people")
        narrowed = bool(query) or self.crowd is not None
        status = words.matching(len(people), total, "person", "people") if narrowed else everyone
        hidden = 0 if self.show_archived else sum(p.archived for p in self.data.people)
        if hidden:  # next to the count, which a narrow line keeps: "No match" beside an
            status += f" · {hidden} archived, not shown (h)"  # archived someone read as gone
        if self.crowd is not None:
            status += " · the crowd chosen in Circles (esc: everyone)"
        elif query and not people:
            status += " · esc empties the filter"
        if people:  # (no order to tell of no one)
            order = (self.match_order or "best match") if query else self.sort_by
            status += f" · sorted by {order} (o)"
        status += " · archived shown (h)" if self.show_archived else ""
        self.query_one("#people-status", Static).update(status)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "filter":
            self.refill_people()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "filter":
            self.query_one("#people-table", DataTable).focus()
            if len(self.shown) == 1 and self.shown_query == event.input.value:
                self.open_person(self.shown[0].id)  # the one match: it took two Enters (nu238)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        table_id = event.data_table.id
        if not chosen_in_sight(event.data_table):
            return
        if table_id == "people-table" and event.cursor_row < len(self.shown):
            self.open_person(self.shown[event.cursor_row].id)
        elif table_id in ("drifting-table", "one-sided-table") and event.row_key.value:
            self.open_person(int(event.row_key.value))
        elif table_id == "ideas-table":
            self.action_small_step()

    def on_circles_picture_chosen(self, event: CirclesPicture.Chosen) -> None:
        if len(event.dots) == 1:
            self.open_person(event.dots[0].person_id)
            return
        contexts = {d.context for d in event.dots}
        [only] = contexts if len(contexts) == 1 else [None]
        self.crowd = (only or "", frozenset(d.person_id for d in event.dots))
        self.query_one("#filter", Input).value = only or ""
        self.refill_people()  # (an unchanged filter says nothing)
        self.action_tab("people")

    def action_leave_field(self) -> None:
        if self.crowd is not None:
            self.crowd = None  # everyone again, as with a filter (from the box, or the list)
            self.refill_people()
        super().action_leave_field()

    def open_person(self, person_id: int) -> None:
        from planner_tui.ui.screens.person import PersonScreen

        self.app.push_screen(PersonScreen(person_id))

    # ---------------------------------------------------------------- what is selected

    def current_tab(self) -> str:
        return self.query_one(TabbedContent).active

    def selected_person(self) -> PersonRead | None:
        if self.data is None:
            return None
        by_id = {p.id: p for p in self.data.people}
        focused = self.focused
        if isinstance(focused, CirclesPicture) and focused.marks:
            dots = focused.marks[focused.cursor].dots
            return by_id.get(dots[0].person_id) if len(dots) == 1 else None
        tab = self.current_tab()
        if tab == "people":
            table = self.query_one("#people-table", DataTable)
            if not cursor_in_sight(table) or not 0 <= table.cursor_row < len(self.shown):
                return None
            return self.shown[table.cursor_row]
        if (
            tab == "gaps"
            and isinstance(focused, DataTable)
            and focused.id
            in (
                "drifting-table",
                "one-sided-table",
            )
        ):
            key = row_key(focused) if cursor_in_sight(focused) else None
            return by_id.get(int(key)) if key else None
        return None

    def selected_context(self) -> ContextRead | None:
        if self.data is None:
            return None
        focused = self.focused
        tab = self.current_tab()
        if tab == "contexts" or (isinstance(focused, DataTable) and focused.id == "quiet-table"):
            widget = (
                focused
                if isinstance(focused, DataTable)
                else self.query_one("#contexts-table", DataTable)
            )
            key = row_key(widget) if cursor_in_sight(widget) else None
            return next((c for c in self.data.contexts if str(c.id) == key), None)
        return None

    def selected_idea(self) -> Idea | None:
        focused = self.focused
        if (
            isinstance(focused, DataTable)
            and focused.id == "ideas-table"
            and self.ideas
            and cursor_in_sight(focused)
        ):
            return self.ideas[min(focused.cursor_row, len(self.ideas) - 1)]
        return None

    # ---------------------------------------------------------------- actions

    def action_tab(self, tab: str) -> None:
        focus = self.first_gap() if tab == "gaps" else {
            "people": "#people-table", "circles": "#circles-picture",
            "contexts": "#contexts-table"}[tab]  # fmt: skip
        # The focus moves first, at once: a list that still had it as its tab hid would hand
        # it to a neighbour in that hidden tab, and Textual then shows that tab again.
        self.set_focus(self.query_one(focus))
        self.query_one(TabbedContent).active = tab

    def first_gap(self) -> str:
        """The Gaps list that takes the focus as the tab opens: the first with rows, so `s`
        plans for the row that looks selected (with no one past their rhythm, an empty list
        kept it, and `s` opened an empty wizard). The ideas come before the quiet parts of
        life and the one-sided ties: they are shown only when contact is narrow."""
        lists = ("#drifting-table", "#ideas-table", "#quiet-table", "#one-sided-table")
        return next((t for t in lists if self.query_one(t, DataTable).row_count), lists[0])

    def on_tabbed_content_tab_activated(self, _event: TabbedContent.TabActivated) -> None:
        """Another tab shown: read again if the data was changed elsewhere since (the
        Gaps left out someone the command line had just made one-sided). `n` adds to the
        list on show, and the footer says which."""
        self.refresh_bindings()
        if self._read_at is not None:
            self.reload_if_written_elsewhere()

    def action_filter(self) -> None:
        self.action_tab("people")
        self.query_one("#filter", Input).focus()

    def action_sort(self) -> None:
        if self.query_one("#filter", Input).value.strip():
            orders: list[str | None] = [None, *SORTS]
            self.match_order = orders[(orders.index(self.match_order) + 1) % len(orders)]
        else:
            self.sort_by = SORTS[(SORTS.index(self.sort_by) + 1) % len(SORTS)]
        self.refill_people(keep_cursor=True)

    def action_toggle_archived(self) -> None:
        self.show_archived = not self.show_archived
        self.refill_people(keep_cursor=True)

    def action_new_person(self) -> None:
        from planner_tui.ui.forms.people import PersonForm

        if self.data is None:
            self.cannot_open_yet()
            return
        self.app.push_screen(PersonForm(self.data.contexts), partial(self.go_to_added, "people"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "new_person":  # `n` passes on to new_context (the palette's anywhere)
            return self.current_tab() != "contexts"
        if action == "leave_field" and self.crowd is not None:
            return True  # a crowd of several parts of life leaves the filter empty (nu270)
        return super().check_action(action, parameters)

    def action_new_context(self) -> None:
        from planner_tui.ui.forms.people import ContextForm

        self.app.push_screen(ContextForm(), partial(self.go_to_added, "contexts"))

    def go_to_added(self, tab: str, result: PersonRead | ContextRead | None) -> None:
        if result is not None:
            self.just_added = (tab, result.id)
            self.move_to_added()

    POINTED_ROWS: ClassVar[tuple[str, ...]] = ("person", "context")

    def point_at(self, ids: set[str], table: str) -> None:
        """Undo brought these people or contexts back: the cursor goes to them once they
        show (it stayed on the row below, and the next `x` deleted that one)."""
        self.just_added = ("people" if table == "person" else "contexts", min(map(int, ids)))

    def move_to_added(self) -> None:
        """The cursor on the row just added, in its tab (once the data holds it). Keys typed
        meanwhile wait for it (ViewScreen.catch_up): a `1` pressed at once after saving a
        context was undone by it, and the next `n` added a context, not a person."""
        from textual.widgets.data_table import RowDoesNotExist

        if self.just_added is None or self.data is None:
            return
        tab, added_id = self.just_added
        known = self.data.people if tab == "people" else self.data.contexts
        if all(item.id != added_id for item in known):
            return  # shown before the new one was read: the next show has it
        self.just_added = None
        table: DataTable[Any] = self.query_one(f"#{tab}-table" if tab == "contexts"
                                               else "#people-table", DataTable)  # fmt: skip
        try:
            row = table.get_row_index(str(added_id))
        except RowDoesNotExist:  # not in the filter typed: the one added seemed gone (nu199),
            # and the cursor stayed on a row it shows — `l` at once logged a contact with
            # that one (nu284). The filter is emptied, and said so; not for someone archived
            # again by an undo, whom the filter doesn't hide (nu242)
            item = next(item for item in known if item.id == added_id)
            filter_box = self.query_one("#filter", Input)
            typed = filter_box.value
            if not typed or getattr(item, "archived", False):
                return
            with filter_box.prevent(Input.Changed):  # refilled here, then the cursor set
                filter_box.value = ""
            self.refill_people()
            try:
                row = table.get_row_index(str(added_id))
            except RowDoesNotExist:  # hidden by more than the words (the circles' crowd)
                self.notify(words.hidden_by_filter(item.name, typed))
                return
            self.notify(words.filter_emptied_for(item.name, typed))
        if self.current_tab() != tab:
            self.action_tab(tab)
        table.move_cursor(row=row, animate=False)
        table.focus()

    def action_edit(self) -> None:
        context = self.selected_context()
        if context is not None:
            from planner_tui.ui.forms.people import ContextForm

            self.app.push_screen(ContextForm(context))
            return
        person = self.selected_person()
        if person is not None:
            self.person_action("edit", person)

    def action_log(
        self, person_ids: list[int] | None = None, context_id: int | None = None
    ) -> None:
        from planner_tui.ui.forms.interaction import InteractionForm

        if self.data is None:
            return
        if person_ids is None:
            person = self.selected_person()
            if person is not None and self.said_archived(person):
                return
            person_ids = [person.id] if person else []
        if context_id is None and (context := self.selected_context()) is not None:
            context_id = context.id  # a contact there — or a small moment, with no one
        form = InteractionForm(
            self.data.people, self.data.contexts, person_ids=person_ids, context_id=context_id
        )
        self.app.push_screen(form)

    def action_small_step(self) -> None:
        idea = self.selected_idea()
        if idea is not None:  # somewhere new: the idea's words, and when
            self.planner.plan_step(action=words.idea_step(idea.text), place=True)
            return
        context = self.selected_context()
        if context is not None:  # someone from that part of life
            self.planner.plan_step(find=context.name)
            return
        person = self.selected_person()
        if person is not None and self.said_archived(person):
            return
        self.planner.plan_step(person.id if person else None)

    def said_archived(self, person: PersonRead) -> bool:
        """Whether *person* is archived, said as their name typed in a form says it: a
        contact or a step with them was saved from their page without a word."""
        if person.archived:
            self.app.notify(words.archived_person(self.called(person)))
        return person.archived

    def called(self, person: PersonRead) -> str:
        """*person*'s name as a message says it: numbered when another has it too."""
        return as_told(person.id, person.name, self.data.twins if self.data else set())

    def action_delete(self) -> None:
        context = self.selected_context()
        if context is not None:
            from planner_tui.services import people

            self.confirm_delete(
                context.name,
                words.context_deleted(context.people_count),
                people.delete_context,
                context_id=context.id,
            )
            return
        person = self.selected_person()
        if person is not None:
            self.person_action("delete", person)

    def action_archive(self) -> None:
        person = self.selected_person()
        if person is not None:
            self.person_action("archive", person)

    def action_snooze(self) -> None:
        person = self.selected_person()
        if person is not None:
            self.person_action("snooze", person)

    def action_merge(self) -> None:
        person = self.selected_person()
        if person is not None:
            self.person_action("merge", person)

    def action_import_vcard(self) -> None:
        from planner_tui.ui.modals.vcard import VcardImport

        self.app.push_screen(VcardImport())

    def person_action(self, what: str, person: PersonRead, from_detail: Any = None) -> None:
        """Edit, log, snooze, archive or delete someone (from the lists or their detail)."""
        from planner_tui.services import people
        from planner_tui.ui.forms.people import PersonForm

        called = self.called(person)
        if what in ("log", "step") and self.said_archived(person):
            return
        if what == "edit" and self.data is not None:
            self.app.push_screen(PersonForm(self.data.contexts, person, called))
        elif what == "log":
            self.action_log([person.id])
        elif what == "step":
            self.planner.plan_step(person.id)
        elif what == "snooze":
            if person.resting_until(clock.today()):
                self.write(
                    words.snooze_ended(called, resting=True, rhythm=bool(person.cadence_days)),
                    partial(people.snooze_person, person_id=person.id, days=0),
                )
            else:
                until = clock.today() + timedelta(days=SNOOZE_DAYS)
                self.write(
                    words.snoozed(called, until, rhythm=bool(person.cadence_days)),
                    partial(people.snooze_person, person_id=person.id, days=SNOOZE_DAYS),
                )
        elif what == "archive":
            archiving = not person.archived
            done = "archived (h shows archived people)" if archiving else "back on the map"
            undoable(
                self.planner,
                f"{called} is {done}; u undoes it.",
                partial(people.archive_person, person_id=person.id, archived=archiving),
                f"{'archiving' if archiving else 'bringing back'} {undo_name(called)}",
                f"{called} is {'back on the map' if archiving else 'archived again'}.",
            )
        elif what == "merge" and self.data is not None:
            from planner_tui.ui.modals.merge import MergePicker

            self.app.push_screen(MergePicker(person, self.data.people))
        elif what == "delete":
            # Archiving keeps their history for later months' reviews: offered beside it.
            instead = None if person.archived else partial(self.person_action, "archive", person)
            self.confirm_delete(
                called,
                "Their small steps and contacts with them alone go too; u undoes it until you "
                "quit.",
                people.delete_person,
                from_detail,
                instead,
                person_id=person.id,
            )

    def confirm_delete(
        self,
        name: str,
        consequence: str,
        delete: Callable[..., Any],
        from_detail: Any = None,
        archive_instead: Callable[[], None] | None = None,
        **ids: int,
    ) -> None:
        from planner_tui.ui.modals.confirm import Choice

        def answered(answer: str | None) -> None:
            if answer == "archive" and archive_instead is not None:
                archive_instead()
            if answer != "delete":
                return
            if from_detail is not None:
                self.app.pop_screen()
            undoable(self.planner, f"Deleted {name} (u undoes it).", partial(delete, **ids),
                     f"deleting {undo_name(name)}", f"{name} is back.")  # fmt: skip

        self.app.push_screen(
            Choice(
                f"Delete {name}?",
                consequence,
                [("keep", "Keep"), ("delete", "Delete")]
                + ([("archive", "Archive instead")] if archive_instead else []),
            ),
            answered,
        )

    def write(self, done: str, call: Callable[..., Any]) -> None:
        """Run one service write and show the result."""
        self.planner.write_then_reload(done, call)
