"""Today: the daily home. Steps due (and earlier ones not yet done), each with its if-then
cue when it has one; people drifting past the rhythm hoped for; birthdays and other dates in
the week ahead, each with a tiny step one key away; today's check-in, this month's
intentions, a quiet count of the small steps taken this week, and — unless turned off — one
warm moment from this day in an earlier year or month. Nothing here is red: a missed step
is "not yet"."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable

from planner_tui import clock, words
from planner_tui.db.choices import Channel, label
from planner_tui.errors import PlannerError
from planner_tui.terminal import shorten
from planner_tui.ui.screens.base import HangingLines, Note, Section, focus_laid_out
from planner_tui.ui.screens.steps import StepItem, StepsScreen
from planner_tui.ui.screens.tables import (
    cued_cell,
    cursor_in_sight,
    fill,
    name_cell,
    table,
)

if TYPE_CHECKING:  # read in a worker thread, after the first frame
    from planner_tui.daily import TodayFacts


@dataclass(frozen=True)
class DriftingItem:
    id: int
    name: str
    last_contact: datetime | None
    cadence_days: int | None


@dataclass(frozen=True)
class DateItem:
    """A birthday or another date of someone's in the week ahead."""

    person_id: int
    person: str
    label: str
    on: date
    planned: str = ""
    """A small step already planned with them for it (its words), if there is one."""
    done: bool = False
    """Whether that step is done already."""
    called: str = ""
    """What a step's words call them (a picture saved before this knew it: their name)."""
    reached: bool = False
    """Whether it was taken and waits on them (no reply yet, not now)."""


COMING_UP = 5
"""How many of the steps after today Today shows."""
DRIFTING_SHOWN = 8
"""How many of the people past their rhythm Today shows (the longest past first)."""


@dataclass
class TodayData:
    today: date
    due: list[StepItem]
    drifting: list[DriftingItem]
    checked_in: bool
    intentions: list[str]
    steps_this_week: int
    settled_today: int
    anyone: bool
    coming: list[StepItem] = field(default_factory=list)
    """The next few steps after today, soonest first."""
    dates: list[DateItem] = field(default_factory=list)
    """People's dates in the week ahead, soonest first."""
    on_this_day: str = ""
    """One warm moment from an earlier year or month, in words (empty: none, or off)."""
    on_this_day_hidden: bool = False
    """Whether the person hid "On this day" (o): a line says how to bring it back."""
    checkin_draft_day: date | None = None
    """The day of what `c` opens, when it was started and kept as a draft."""
    drifting_more: int = 0
    """People past their rhythm beyond those shown, as the Map's Gaps counts them (those
    with a step planned too), when some are shown."""
    drifting_stepped: bool = False
    """Someone past their rhythm has a small step planned (so isn't suggested again)."""
    resting: list[str] = field(default_factory=list)
    """Past their rhythm, their reminders resting (:func:`words.no_one_drifting`)."""
    not_yet: int = 0
    """Within their rhythm only as it counts from when they were added (the same)."""

    @classmethod
    def of(cls, facts: TodayFacts) -> TodayData:
        moment = facts.moment
        from planner_tui.daily import not_stepped  # loaded with the facts already

        drifting = not_stepped(facts.drifting, facts.stepped)
        return cls(
            today=facts.today,
            due=[StepItem.of(step) for step in facts.due],
            coming=[StepItem.of(step) for step in facts.coming],
            drifting=[
                DriftingItem(p.id, p.name, p.last_contact, p.cadence_days)
                for p in drifting[:DRIFTING_SHOWN]
            ],
            # as many more as the Gaps list (nu225: "and 5 more" beside six more there,
            # the one with a step planned counted nowhere)
            drifting_more=len(facts.drifting) - min(len(drifting), DRIFTING_SHOWN)
            if drifting
            else 0,
            drifting_stepped=len(drifting) < len(facts.drifting),
            resting=[r.name for r in facts.resting],
            not_yet=facts.not_yet_in_touch,
            checked_in=facts.checked_in,
            checkin_draft_day=facts.checkin_draft_day,
            intentions=facts.intentions,
            steps_this_week=facts.steps_this_week,
            settled_today=facts.settled_today,
            anyone=facts.anyone,
            dates=[
                DateItem(d.person_id, d.person, d.label, d.on, d.planned, d.done, d.called, d.reached)
                for d in facts.dates
            ],
            on_this_day=words.on_this_day(
                moment.day, facts.today, moment.kind, moment.text, moment.people,
                label(Channel(moment.channel)) if moment.channel else "",
            ) if moment else "",
            on_this_day_hidden=facts.moment_hidden,
        )  # fmt: skip


class TodayScreen(StepsScreen):
    ENTER = ("How it went / plan for it",
             "On a step, how it went; on a date, plan a step for it")  # fmt: skip
    TITLE = "Today"
    STEP_TABLE = "due"
    POINTED = ("#due",)  # a step planned for a later day leaves the cursor among today's
    # Not the people (s there plans with them; s elsewhere asks who). With no step today,
    # the dates take the focus, so Enter on the row that looks chosen plans its tiny step
    # (before the steps coming up: Enter asked how one due days ahead had gone).
    LISTS = ("#due", "#dates", "#coming")
    AUTO_FOCUS = ""  # a list takes it with the data: not the page first (twice restyled)
    FOOTER_FIRST = ("plan_step", "check_in")  # the evening's check-in, before Done, at 80
    BINDINGS = [
        Binding(
            "c",
            "check_in",
            "Check in",
            tooltip="How today was, and who was in it",
        ),
        Binding(
            "o",
            "on_this_day",
            "On this day",
            show=False,
            tooltip="Show or hide the warm moment from this day in an earlier year or month",
        ),
        Binding(
            "n",
            "intentions",
            "This month's intentions",
            show=False,
            tooltip="What you mean to try",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.drifting: list[DriftingItem] = []
        self.coming: list[StepItem] = []
        self.dates: list[DateItem] = []

    def compose_body(self) -> ComposeResult:
        yield Note(id="today-date")
        yield Note(id="today-empty", classes="empty")
        yield Section("Small steps for today")
        yield Note(id="due-empty", classes="muted")
        yield table("due", "when", "who", "", "small step", give_way=(-1, 1))  # marks first
        yield Section("Coming up next", id="coming-title")
        yield table("coming", "when", "who", "small step", give_way=(-1, 1))
        yield Section("People you might like to reach", id="drifting-title")
        yield Note(id="drift-empty", classes="muted")
        yield table("drifting", "who", "last in touch", "hoped for", give_way=(0,))  # the name
        yield Note(id="drift-more", classes="muted")
        yield Section("Dates this week (s or Enter plans a tiny step)", id="dates-title")
        # When stays whole: the name and the step narrow (at 80 columns "in 2 days" was cut).
        # A short heading: a give-way column narrows no further than its heading (with the
        # keys in it, the step ran off the edge at 60 columns).
        yield table("dates", "when", "date", "a tiny step", give_way=(-1, 1))
        yield Section("Today's check-in", id="checkin-title")
        yield Note(id="checkin")
        yield Section("This month's intentions")
        yield HangingLines(id="intentions", classes="muted")  # a long one lines up under its words
        yield Section("On this day", id="on-this-day-title")
        yield Note(id="on-this-day")
        yield Note(id="week", classes="muted")
        yield Note(id="keys-note", classes="muted")

    def on_mount(self) -> None:
        # What shows only with data waits for it: the start drew these headings and then
        # took them away again when there was nothing under them.
        for part in ("#due", "#coming-title", "#coming", "#drifting", "#drift-more", "#dates-title",
                     "#dates", "#on-this-day-title", "#on-this-day"):  # fmt: skip
            self.query_one(part).display = False

    def freshness(self) -> tuple[Any, ...]:
        # A check-in kept as a draft changes no data, but changes what Today says of it.
        return (*super().freshness(), self.planner.backend.kept_version)

    def load(self) -> TodayData:
        return TodayData.of(
            self.planner.backend.today(
                clock.today(), coming=COMING_UP, check_in=clock.check_in_day()
            )
        )

    def show(self, data: TodayData) -> None:
        self.steps = data.due
        self.coming = data.coming
        self.drifting = data.drifting
        self.query_one("#today-date", Note).set(clock.strftime(data.today, "%A %-d %B %Y"))
        empty = self.query_one("#today-empty", Note)
        empty.set(words.EMPTY_TODAY)
        empty.display = not data.anyone  # a check-in alone adds no one to begin with (nu198)
        due_table = self.query_one("#due", DataTable)
        due_was_empty = not (due_table.display and due_table.row_count)
        fill(
            due_table,
            [
                (
                    words.when(step.due_at),
                    name_cell(words.toward(step.person), 30),
                    "not yet" if clock.to_local(step.due_at).date() < data.today else "",
                    cued_cell(step.action, step.cue),
                )
                for step in data.due
            ],
            [str(step.id) for step in data.due],
        )
        self.query_one("#due-empty", Note).set(
            "" if data.due else words.nothing_due(data.settled_today)[:-1] + "; s plans a step."
        )
        coming_table = self.query_one("#coming", DataTable)
        if due_was_empty and data.due and self.focused in (coming_table, self.query_one("#dates")):
            # Coming up next, or the dates, had the cursor only because nothing was due
            # today; now that something is (just planned, say), Enter, d, l and w act on
            # today's step, not on one days ahead or on a birthday's tiny step.
            focus_laid_out(due_table)
        fill(
            self.query_one("#coming", DataTable),
            [
                (
                    words.when(step.due_at),
                    name_cell(words.toward(step.person), 30),
                    cued_cell(step.action, step.cue),
                )
                for step in data.coming
            ],
            [str(step.id) for step in data.coming],
        )
        if not due_was_empty and not data.due:
            # The last of today's steps answered: the cursor goes to the soonest step to
            # come, not to wherever it was last left in that list.
            coming_table.move_cursor(row=0, animate=False)
        self.query_one("#coming-title").display = bool(data.coming)
        self.show_pointed()
        fill(
            self.query_one("#drifting", DataTable),
            [
                (
                    shorten(p.name, 40),
                    words.ago(p.last_contact) if p.last_contact else words.NOT_YET_SINCE_ADDED,
                    words.cadence(p.cadence_days),
                )
                for p in data.drifting
            ],
            [str(p.id) for p in data.drifting],
        )
        # With no one on the map yet, the empty Today says how to add someone instead.
        self.query_one("#drifting-title").display = data.anyone
        self.query_one("#drift-empty", Note).set(
            ""
            if data.drifting or not data.anyone
            else words.all_stepped(data.resting)
            if data.drifting_stepped
            else words.no_one_drifting(data.resting, data.not_yet)
        )
        more = self.query_one("#drift-more", Note)  # nu156: the others went unsaid
        more.display = bool(data.drifting_more)
        counting = ", counting those with a step planned or given a little room"
        more.set(
            f"and {data.drifting_more} more on the Map's Gaps (m, then 4)"
            + (counting if data.drifting_stepped else "")
        )
        for_whom = " (with whom the cursor is on, in 'People you might like to reach': Enter there)"
        outcomes = (  # with no step in sight, the keys for one were said all the same (nu253)
            " · d done · l not now · w no reply · a another time · k let go · Enter on a step: "
            "how it went"
            if data.due or data.coming
            else ""
        )
        self.query_one("#keys-note", Note).set(
            f"s: plan a small step{for_whom if data.drifting else ''}{outcomes}"
        )
        self.dates = data.dates
        fill(
            self.query_one("#dates", DataTable),
            [
                (
                    words.date_when(d.on, data.today, how_far=False),
                    shorten(words.date_title(d.person, d.label), 60),
                    shorten(
                        words.date_seen_to(d.planned, d.done, d.reached)
                        if d.planned
                        else words.date_step(d.called or d.person, d.label),
                        60,
                    ),
                )
                for d in data.dates
            ],
            [f"{d.person_id}:{n}" for n, d in enumerate(data.dates)],
        )
        self.query_one("#dates-title").display = bool(data.dates)
        self.query_one("#dates").display = bool(data.dates)
        self.query_one("#checkin-title", Section).update(clock.check_in_title())
        self.query_one("#checkin", Note).set(
            words.checkin_state(data.checked_in, data.checkin_draft_day)
        )
        self.query_one("#intentions", HangingLines).set(
            [f"• {i}" for i in data.intentions] if data.intentions else [words.NO_INTENTIONS_YET]
        )
        moment_line = f"{data.on_this_day}\n(o hides this)" if data.on_this_day else ""
        if data.on_this_day_hidden:
            moment_line = words.ON_THIS_DAY_HIDDEN  # how to bring it back, where it was
        self.query_one("#on-this-day", Note).set(moment_line)
        self.query_one("#on-this-day-title").display = bool(moment_line)
        self.query_one("#on-this-day").display = bool(moment_line)
        count = data.steps_this_week
        self.query_one("#week", Note).set(
            f"Small steps taken this week (from Monday): {count}." if count else ""
        )

    def step_lists(self) -> dict[str, list[StepItem]]:
        return {**super().step_lists(), "coming": self.coming}

    def person_for_new_step(self) -> int | None:
        table: DataTable[Any] = self.query_one("#drifting", DataTable)
        if table.has_focus and self.drifting and cursor_in_sight(table):
            return self.drifting[min(table.cursor_row, len(self.drifting) - 1)].id
        return None

    def selected_date(self) -> DateItem | None:
        table: DataTable[Any] = self.query_one("#dates", DataTable)
        if table.has_focus and self.dates and cursor_in_sight(table):
            return self.dates[min(table.cursor_row, len(self.dates) - 1)]
        return None

    def action_plan_step(self) -> None:
        """s: on a date this week, its tiny step (the wizard asks only when; see
        :meth:`plan_for_date`); else as on every view with steps."""
        chosen = self.selected_date()
        if chosen is None:
            super().action_plan_step()
        else:
            self.plan_for_date(chosen)

    def plan_for_date(self, chosen: DateItem) -> None:
        if chosen.planned:
            # Seen to already (planned or done): its tiny step again would be a second
            # one, so the usual wizard opens, at Who (Escape at When left no way back).
            super().action_plan_step()
            return
        self.planner.plan_step(
            chosen.person_id, action=words.date_step(chosen.called or chosen.person, chosen.label)
        )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "dates" and self.dates:
            self.plan_for_date(self.dates[min(event.cursor_row, len(self.dates) - 1)])
        elif event.data_table.id == "drifting" and self.drifting:
            # As s there: Enter did nothing, and the words typed next for the wizard ran
            # as the view's keys (nu280).
            chosen = self.drifting[min(event.cursor_row, len(self.drifting) - 1)]
            self.planner.plan_step(chosen.id, then=self.planned)

    @work(thread=True, exclusive=True, group="intentions", description="this month's intentions")
    def action_intentions(self) -> None:
        """This month's intentions, kept (as the Review keeps them) with last month's review.
        Today sent a first evening there by `r`, `←`, `n`, and the Review stayed on last
        month, where `l` then took last month's loneliness check (nu234)."""
        from planner_tui.daily import moved
        from planner_tui.services import review
        from planner_tui.ui.forms.review import IntentionsForm

        this = clock.today().replace(day=1)
        last = moved(this, months=-1)
        try:
            notes = self.planner.backend.read(
                partial(review.month_notes, month=review.month_key(last))
            )
            began = self.planner.backend.read(review.first_month)
        except PlannerError as error:  # busy with another program, damaged: no crash
            self.app.call_from_thread(self.app.notify, str(error), severity="error")
            return
        self.planner.call_from_thread(
            self.planner.push_made,
            lambda: IntentionsForm(
                review.month_key(last),
                clock.strftime(this, "%B %Y"),
                notes,
                before=began is None or last < began,
            ),
        )

    @work(thread=True, group="write", description="on this day setting")
    def action_on_this_day(self) -> None:
        """Turn "on this day" off, or on again: a setting kept with the data, like the
        theme."""
        from planner_tui.services import drafts, moments

        backend = self.planner.backend
        try:
            shown = backend.read(
                partial(drafts.get_setting, key=moments.ON_THIS_DAY_KEY, default=True)
            )
            show = shown is False
            backend.write(
                partial(drafts.set_setting, key=moments.ON_THIS_DAY_KEY, value=show),
                affects_views=False,
            )
        except PlannerError as error:  # busy with another program, read-only: no crash
            self.app.call_from_thread(
                self.app.notify, f"{error} {words.ON_THIS_DAY_UNCHANGED}", severity="warning"
            )
            return
        self.app.call_from_thread(
            self.app.notify, words.ON_THIS_DAY_ON if show else words.ON_THIS_DAY_OFF
        )
        self.app.call_from_thread(self.reload)
