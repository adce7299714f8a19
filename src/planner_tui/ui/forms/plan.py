"""The plan wizard: one person, one small action, one time — a page each, Enter to go on.

Who (fuzzy search; people drifting past their rhythm first, then the inner circle — or a
part of life, for a step toward a place, or a new name, added to the map with the step), what
(the action library or one's own words), when (natural language, read back before going
on; ↑/↓ for quick picks), optional details (repeat, if-then cue and backup, expected
awkwardness), how sure (below 7, a smaller version is offered; sure, with a tie written-only
for a while that felt warm, one step richer), and the plan card. With someone you have
lately been giving to, while comfort receiving help is low, steps where they give come first.
Everything typed is kept as a draft, page included, like every form.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.fuzzy import Matcher
from textual.widgets import Button, ContentSwitcher, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from planner_tui import clock, words
from planner_tui.db.models import Channel, Effort, StepRead, clean_name, label, name_refused
from planner_tui.errors import InvalidInput
from planner_tui.names import called, fold
from planner_tui.services.steps import days_disagree, first_occurrence, near_in_time
from planner_tui.terminal import shorten
from planner_tui.ui.forms.base import LOOK_ABOVE, Field, FormScreen, Line, Problem, Question
from planner_tui.ui.screens.base import bring_into_sight, focus_laid_out, text
from planner_tui.ui.screens.tables import people_found
from planner_tui.ui.widgets.fields import TextField
from planner_tui.ui.widgets.ticks import Dropdown, StopsAtEnds
from planner_tui.when import (
    QUICK_PICKS,
    describe_repeat,
    parse_repeat,
    parse_when,
    read_back,
)

if TYPE_CHECKING:
    from planner_tui.db.models import ContextRead, PersonRead
    from planner_tui.learning import Giving, Richer, StepFact
    from planner_tui.services.learning import WithSomeone
    from planner_tui.services.steps import Action, Library

Choices = tuple[
    list["PersonRead"], list["ContextRead"], "Library", list["StepFact"], set[int], list["StepRead"]
]


PAGES = ("who", "what", "when", "details", "sure", "card")
PAGE_TITLES = ("Who", "What", "When", "Details", "How sure", "Your plan")
FIELD_PAGES = {"person": "who", "action": "details", "when": "when", "due_at": "when",
               "repeat": "details", "rrule": "details", "cue": "details", "backup": "details",
               "confidence": "sure"}  # fmt: skip
FIELD_INPUTS = {"person": "find", "action": "words", "when": "when", "repeat": "repeat",
                "cue": "cue", "backup": "backup", "confidence": "confidence"}  # fmt: skip
"""The field a problem is about, to put the cursor in when the person is taken there."""
ASK_WHEN = "When would suit you? Try 'tonight' or 'tomorrow 6pm'."
NO_TARGET = "Choose who the step is with."
AWKWARD = ["1 · easy", "2", "3 · a bit awkward", "4", "5 · very awkward"]
APPRECIATION = ["1 · hardly", "2", "3 · somewhat", "4", "5 · very much"]
SURE_ENOUGH = 7
SURE_RANGE = "From 0 (not at all) to 10 (certain) — or left empty."


def words_refused(words: str) -> str | None:
    """Why *words* can't be a step's (the rule: db.models.clean_name), said on the page
    they are typed on, not pages later on saving; None when they can."""
    try:
        clean_name(words)
    except ValueError as error:
        return f"The step {error}."
    return None


class PlanWizard(FormScreen[StepRead]):
    TITLE = "Plan a small step"
    MOMENTS = {"when": ("future", False)}
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        # One key, said as what it does on this page (a description of both was too long
        # for a narrow footer, which then left Escape out).
        Binding("escape", "back", "Back"),
        Binding("escape", "leave", "Close (keeps a draft)"),
    ]

    def __init__(
        self,
        person_id: int | None = None,
        find: str = "",
        *,
        action: str = "",
        place: bool = False,
    ) -> None:
        """For *person_id* (from What on), or starting with who (*find* typed there). With
        *action*, the step's words are given — a birthday message, an idea to explore — and
        it starts at When; *place*: toward somewhere new, with no one."""
        start = "when" if action and (person_id is not None or place) else "who"
        start = "what" if start == "who" and person_id is not None else start
        initial: dict[str, Any] = {"person": person_id, "find": find, "page": start}
        if action:
            initial |= {"words": action, "place": place,
                        "channel": Channel.IN_PERSON.value if place else Channel.TEXT.value}  # fmt: skip
        # A draft each: for each person a step is planned for, and one begun with who.
        super().__init__("step:new" if person_id is None else f"step:new:{person_id}", initial)
        self.start = start
        self.people: list[PersonRead] = []
        self.twins: set[int] = set()
        """Those another shares a name with (archived ones too): shown with their number."""
        self.contexts: list[ContextRead] = []
        self.actions: list[Action] = []
        self.past: list[StepFact] = []
        """Done steps with both awkwardness answers, newest first (the calibration hint)."""
        self.planned: list[StepRead] = []
        """Steps still planned, soonest first: those near the time said are named by it."""
        self.person: PersonRead | None = None
        self.context: ContextRead | None = None
        """A part of life the step is toward (chosen on Who instead of a person)."""
        self.new_name = ""
        """Someone not on the map yet, by the name typed on Who: added with the step."""
        self.chosen_with = ""
        """The Who box's words when its choice was made (see :meth:`show_people`)."""
        self.place = False
        """A step toward somewhere new (an idea to explore): no one, no part of life yet."""
        self.action: Action | None = None
        self.page = start
        self.smaller_offered = False
        self.made_smaller_from = ""
        """The step's words before it was made smaller (the card shows both)."""
        self.richer_offered = False
        self.made_richer_from = ""
        """The step's words before it was made one step richer (the card shows both)."""
        self.with_someone: tuple[int, WithSomeone] | None = None
        """For the person chosen (by id): what may be offered with them, once read."""
        self.quick_pick = -1
        self.arrowed = False
        """↑/↓ moved a list's highlight (see :meth:`keep_the_list_in_sight`)."""

    # ---------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog form", id="wizard", can_focus=False):
            yield Label(text(self.heading), classes="dialog-title")
            yield Line(id="draft-note", classes="muted")
            yield Line(id="progress", classes="muted")
            yield Line(id="chosen-so-far")
            with ContentSwitcher(initial=f"page-{self.page}", id="pages"):
                with Vertical(id="page-who"):
                    yield Field(
                        "Who would you like to reach — or where? Type to find; Enter picks. "
                        "A new name adds them to your map (details can wait)."
                    )
                    yield TextField(id="find", placeholder="a name, or a part of life")
                    # Above the list, by the box: below it, at 80×24 a long list hid it.
                    yield Problem(id="person-problem")
                    yield StopsAtEnds(id="who-list")
                with Vertical(id="page-what"):
                    yield Field("What small thing? ↑/↓ and Enter, or write your own.")
                    yield Line(id="already-planned", classes="muted")
                    yield Line(id="receiving-hint", classes="muted")
                    yield TextField(id="own", placeholder="…or in your own words")
                    yield StopsAtEnds(id="what-list")
                with Vertical(id="page-when"):
                    yield Field("When? e.g. tonight, tomorrow 6pm, fri 7pm, in 3 days")
                    yield TextField(id="when", select_on_focus=True)
                    yield Line(id="when-preview", classes="muted")
                    yield Problem(id="when-problem")
                    yield Static("↑/↓ quick picks: " + " · ".join(QUICK_PICKS), classes="muted")
                with Vertical(id="page-details"):
                    yield Field("The step, in words you'd use")
                    yield TextField(id="words")
                    yield Problem(id="action-problem")
                    with Horizontal(classes="row"):
                        yield Dropdown(
                            [(label(c), c.value) for c in Channel],
                            id="channel",
                            prompt="how (optional)",
                        )
                        yield Dropdown(
                            [(w, n) for n, w in enumerate(AWKWARD, start=1)],
                            id="awkwardness",
                            prompt="expected awkwardness",
                        )
                    yield Line(id="calibration-awkward", classes="muted")
                    yield Field(
                        "How much do you think they'll appreciate it? (optional)",
                        id="appreciation-label",
                    )
                    yield Dropdown(
                        [(w, n) for n, w in enumerate(APPRECIATION, start=1)],
                        id="appreciation",
                        prompt="your guess, 1–5",
                    )
                    yield Field("Repeat (optional): weekly, every 2 weeks, monthly, every mon")
                    yield TextField(id="repeat")
                    yield Line(id="repeat-preview", classes="muted")
                    yield Problem(id="repeat-problem")
                    yield Field("If-then cue (optional)")
                    yield TextField(id="cue", placeholder="e.g. when I finish lunch on Friday…")
                    # Each box's own note: a cue too long was said below the backup's box
                    # (at the wizard's foot), as if the backup were too long (nu210).
                    yield Problem(id="cue-problem")
                    yield Field("If-then backup (optional)")
                    yield TextField(
                        id="backup",
                        placeholder="e.g. if she doesn't answer, I'll send a voice note on Sunday",
                    )
                    yield Problem(id="backup-problem")
                    yield Line(id="days-note", classes="muted")
                with Vertical(id="page-sure"):
                    yield Field("How sure are you that you'll do it? 0 to 10 (Enter skips)")
                    yield TextField(
                        id="confidence", restrict=r"\d{0,2}", max_length=2, refused=SURE_RANGE
                    )
                    yield Problem(id="confidence-problem")
                    yield Line(id="calibration-sure", classes="muted")
                with Vertical(id="page-card"):
                    yield Line(id="card-text", classes="card")
                    yield Line(id="card-details", classes="muted")
                    yield Line(id="encouragement")
                    yield Button("Save this step  enter", id="save", variant="primary")
            yield Problem(id="form-problem")
            yield Static(
                "Enter: next · Esc: back (on the first page: close, kept as a draft) · "
                "ctrl+s: save",
                classes="muted",
                markup=False,
            )

    def load_choices(self) -> Choices:
        from planner_tui.services import learning, people, steps

        backend = self.planner.backend
        everyone = backend.read(people.list_people)
        contexts = backend.read(people.list_contexts)
        past = backend.read(learning.calibration_steps)
        library = steps.load_actions(self.planner.settings.resolved_home())
        planned = backend.read(partial(steps.list_steps, upcoming=True, limit=500))
        return everyone, contexts, library, past, backend.read(people.sharing_a_name), planned

    def use_choices(self, choices: Choices) -> None:
        from planner_tui.services.steps import suggested_order

        self.people = suggested_order(choices[0])
        self.twins = choices[4]
        self.contexts = choices[1]
        self.actions = choices[2].actions
        if choices[2].problem:  # their own library set aside: said, not silently empty
            self.app.notify(choices[2].problem, severity="warning", timeout=12)
        self.past = choices[3]
        self.planned = choices[5]
        self.fill(self.initial)

    def accepts_draft(self, draft: dict[str, Any]) -> bool:
        # One for given words (a birthday message, an idea) is taken back only for them:
        # begun from them, though changed since (a draft of before "given" has only its words).
        given = self.initial.get("words")
        return not given or draft.get("given", draft.get("words")) == given

    def holds_something(self, values: dict[str, Any]) -> bool:
        """Something typed or chosen beyond who and the page: a wizard only walked
        through is no draft (who is one key to choose again)."""
        typed = ("find", "own", "words", "when", "repeat", "cue", "backup", "confidence")
        chosen = ("channel", "awkwardness", "appreciation", "action_id")
        given = self.initial.get("words") or ""
        return (
            any(str(values.get(k) or "").strip() for k in typed if k != "words")
            or str(values.get("words") or "").strip() not in ("", given)
            or any(values.get(k) not in (None, "", self.initial.get(k)) for k in chosen)
        )

    # ---------------------------------------------------------------- moving between pages

    def go(self, page: str) -> None:
        self.page = page
        self.refresh_bindings()  # Escape goes back, or closes on the first page
        self.query_one("#pages", ContentSwitcher).current = f"page-{page}"
        index = PAGES.index(page)
        progress = Text(end="")
        for i, title in enumerate(PAGE_TITLES):
            progress.append(" › " if i else "")
            progress.append(title, "bold reverse" if i == index else "")
        self.query_one("#progress", Static).update(progress)
        self.show_so_far()
        self.show_calibration()
        for part in ("#appreciation-label", "#appreciation"):  # no one to appreciate a place
            self.query_one(part).display = not self.toward_place()
        # A page opens at its top, with the title and steps (the list of the page before,
        # scrolled into view, had left them above the dialog's top).
        self.query_one("#wizard", VerticalScroll).scroll_home(animate=False, immediate=True)
        if page == "card":
            self.show_card()
            focus_laid_out(self.query_one("#save", Button))
        else:
            focus_laid_out(self.query_one(f"#page-{page}", Vertical).query(Input).first())
        self.query_one("#form-problem", Problem).say(None)
        if self.ready:
            self.changed()

    def on_first_page(self) -> bool:
        """Whether the wizard is on the page it opened on: nothing before it to go back to."""
        return PAGES.index(self.page) <= PAGES.index(self.start)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("back", "leave"):
            return (action == "leave") == self.on_first_page()
        return super().check_action(action, parameters)

    def action_save(self) -> None:
        """ctrl+s with a name typed in Who and no one chosen takes the line Enter would (a
        new person, or the one the name begins), as a form's People box takes a name typed
        and not added: it said "Enter chooses…" with that one line offered (nu157)."""
        options = self.query_one("#who-list", OptionList)
        typed = self.query_one("#find", Input).value.strip()
        chosen = options.highlighted_option
        if not self.has_target() and typed and chosen is not None and not chosen.disabled:
            self.pick_person()
        # Own words typed on What are taken as Enter takes them: ctrl+s there went to When
        # with "Something above needs a look", and Details had lost the words (nu281).
        own = self.query_one("#own", Input).value.strip()
        if self.page == "what" and own and not self.take_action():
            return
        super().action_save()

    def action_back(self) -> None:
        if self.on_first_page():
            self.action_leave()
        else:
            self.go(PAGES[PAGES.index(self.page) - 1])

    @on(Input.Submitted)
    def next_page(self, event: Input.Submitted) -> None:
        event.stop()
        event.prevent_default()  # the next page, not the next box (FormScreen's Enter)
        if self.page == "who":
            self.pick_person()
        elif self.page == "what":
            self.pick_action()
        elif self.page in ("when", "details"):
            values = self.values()
            problems = self.check(values)
            if self.page == "when" and not values["when"].strip():
                problems["when"] = ASK_WHEN  # Enter with nothing chosen: ask, don't go on
            fields = ("when",) if self.page == "when" else ("action", "repeat")
            if any(f in problems for f in fields):
                self.show_problems(problems)
                self.go_to_first_problem()  # a note below the fold looked like nothing
                return
            self.go("sure" if self.page == "details" else "details")
        elif self.page == "sure":
            self.check_confidence()

    @on(OptionList.OptionHighlighted)
    def keep_the_list_in_sight(self, event: OptionList.OptionHighlighted) -> None:
        """A list keeps its highlight in itself, but on a small screen (80x24) the list ran
        past the bottom of the dialog, and ↓ moved the highlight out of sight: a step was
        chosen unseen. The dialog brings the whole list into view as ↑/↓ move the highlight
        (not as a page opens with one: its title and steps stay in view then)."""
        event.stop()
        if self.arrowed or self.focused is event.option_list:
            self.query_one("#wizard", VerticalScroll).scroll_to_widget(
                event.option_list, animate=False, immediate=True
            )
        self.arrowed = False

    @on(OptionList.OptionSelected)
    def option_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "who-list":
            self.pick_person()
        else:
            self.query_one("#own", Input).value = ""
            self.pick_action()

    def on_key(self, event: Any) -> None:
        # ↑/↓ go by the page shown, not by where the focus is: the focus moves to a new
        # page's field a turn after the page (a callback), and arrows read in the same
        # burst as the Enter before them must not move the last page's list instead.
        # Page up/down move the list too (they scrolled the dialog, and the highlight with
        # it out of sight).
        moves = ("up", "down", "pageup", "pagedown")
        if event.key not in moves or isinstance(self.focused, OptionList | Select):
            return  # a list or a choice with the cursor moves itself
        step = 1 if event.key.endswith("down") else -1
        lists = {"who": "#who-list", "what": "#what-list"}
        if self.page in lists:
            options = self.query_one(lists[self.page], OptionList)
            self.arrowed = True
            move: dict[str, Callable[[], None]] = {
                "up": options.action_cursor_up, "down": options.action_cursor_down,
                "pageup": options.action_page_up, "pagedown": options.action_page_down,
            }  # fmt: skip
            move[event.key]()
            event.stop()
        elif self.page == "when" and event.key in ("up", "down"):
            when = self.query_one("#when", Input)
            self.quick_pick = (self.quick_pick + step) % len(QUICK_PICKS)
            when.value = QUICK_PICKS[self.quick_pick]
            when.cursor_position = len(when.value)
            when.focus()
            event.stop()

    # ---------------------------------------------------------------- who

    @on(Input.Changed, "#own")
    def own_words_changed(self) -> None:
        """What was said of the words typed before ("…this one has 1,100.") goes as they
        change: shortened to fit, it still said the old count (nu283)."""
        self.query_one("#form-problem", Problem).say(None)

    @on(Input.Changed, "#find")
    def refilter(self) -> None:
        self.show_people(self.query_one("#find", Input).value)
        if self.has_class("-short"):  # the box at the top, what it finds below it in view
            # (at 40x12 the question filled the dialog and Enter picked someone unseen)
            find = self.query_one("#find", Input)
            self.call_after_refresh(
                self.query_one("#wizard", VerticalScroll).scroll_to_widget,
                find,
                animate=False,
                top=True,
                immediate=True,
            )

    def show_people(self, query: str) -> None:
        """People matching what is typed; then the parts of life it matches (a step toward
        the place itself); then, for a name no one on the map has, someone new by it."""
        from planner_tui.names import begins, close_to, people_named

        typed = query.strip()
        shown = self.people
        places: list[ContextRead] = []
        if typed:
            shown = people_found(typed, self.people)
            # Whom the name names, as everywhere else (Bo Chen for "Bo"), before whoever
            # the letters merely fit ("[bold]Zoë[/]").
            named = set(people_named(typed, self.people))
            shown = [p for p in shown if p.id in named] + [p for p in shown if p.id not in named]
            shown += [  # close spellings too (Maira for Maria): a slip is not someone new
                p for p in self.people
                if p not in shown and close_to(typed, p.name, p.nickname, *p.aliases)
            ]  # fmt: skip
            matcher = Matcher(fold(typed))
            ranked = [(matcher.match(fold(c.name)), c) for c in self.contexts]
            places = [c for score, c in sorted(ranked, key=lambda s: -s[0]) if score > 0][:20]
        options = self.query_one("#who-list", OptionList)
        options.clear_options()
        shown = shown[:200]
        options.add_options(
            Option(self.person_line(p, numbered=p.id in self.twins), id=str(p.id)) for p in shown
        )
        options.add_options(
            Option(text(f"{shorten(c.name, 40)}  · the place itself: a step toward it"),
                   id=f"c{c.id}")
            for c in places
        )  # fmt: skip
        taken = {fold(c.name) for c in self.contexts}
        offer_new = bool(typed) and not people_named(typed, self.people, whole_only=True)
        if offer_new and fold(typed) not in taken:
            refused = name_refused(typed)  # said now, not once the step is being saved
            options.add_option(
                Option(text(refused), id="refused", disabled=True)
                if refused
                else Option(
                    text(f"+ someone new: {shorten(typed, 40)} (added to your map with the step)"),
                    id="new",
                )
            )
        ids = [str(options.get_option_at_index(i).id) for i in range(options.option_count)]
        # What is chosen keeps the highlight while the box holds the words it was chosen
        # by: a draft's Maria Costa stayed chosen when "Mary" became "MaryBo".
        wanted = self.chosen_option() if typed == self.chosen_with.strip() else ""
        if wanted not in ids and typed:
            # Enter takes a name the typing begins (a person's, then a place's); failing
            # that, someone new by it, rather than a close spelling of someone else's.
            begun = [str(p.id) for p in shown if begins(typed, p.name, p.nickname, *p.aliases)]
            begun += [f"c{c.id}" for c in places if begins(typed, c.name)]
            wanted = next(iter(begun), "new")
        options.highlighted = ids.index(wanted) if wanted in ids else (0 if ids else None)

    def chosen_option(self) -> str:
        """The Who list's id for what is chosen now (to keep the highlight on it)."""
        if self.person is not None:
            return str(self.person.id)
        if self.context is not None:
            return f"c{self.context.id}"
        return "new" if self.new_name else ""

    @staticmethod
    def person_line(person: PersonRead, *, numbered: bool = False) -> Any:
        why = ""
        if person.drifting_days and person.last_contact is None:
            why = f"  · {words.NOT_YET_SINCE_ADDED}"
        elif person.drifting_days:
            why = f"  · {words.ago(person.last_contact)}, past your rhythm"
        elif person.circle == "inner":
            why = "  · inner circle"
        name = shorten(person.name, 40)
        return text((words.numbered(name, person.id) if numbered else name) + why)

    def pick_person(self) -> None:
        options = self.query_one("#who-list", OptionList)
        option = options.highlighted_option
        problem = self.query_one("#person-problem", Problem)
        if option is None or option.id is None:
            problem.say("There is no one on your map yet. Type a name to add someone.")
            return
        if option.disabled:  # a name no one may have: the line says why
            problem.say(str(option.prompt))
            return
        problem.say(None)
        before = self.chosen_option()
        self.chosen_with = self.query_one("#find", Input).value
        self.person = self.context = None
        self.new_name, self.place = "", False
        if option.id == "new":
            self.new_name = self.query_one("#find", Input).value.strip()
        elif option.id.startswith("c"):
            self.context = self.context_by_id(int(option.id[1:]))
        else:
            self.person = self.by_id(int(option.id))
        if self.chosen_option() != before:  # the same one again (a draft's) keeps its step
            self.action = None
            # The note on the draft taken back names whom it was with: no longer so.
            self.query_one("#draft-note").display = False
        self.show_actions()
        self.read_with_someone()
        self.go("what")

    # ---------------------------------------------------------------- giving, and richer

    def giving(self) -> Giving | None:
        """Contacts with the chosen person leaning "I gave" while comfort receiving help is
        low (:class:`planner_tui.learning.Giving`), once read; else None."""
        found = self.with_someone
        if self.person is None or found is None or found[0] != self.person.id:
            return None
        return found[1].giving

    def richer(self) -> Richer | None:
        """A warm tie written-only for a while (:class:`planner_tui.learning.Richer`)."""
        found = self.with_someone
        if self.person is None or found is None or found[0] != self.person.id:
            return None
        return found[1].richer

    def read_with_someone(self) -> None:
        if self.person is None or (self.with_someone and self.with_someone[0] == self.person.id):
            return
        person_id = self.person.id
        self.run_worker(partial(self._read_with_someone, person_id), thread=True,
                        group="with-someone", exclusive=True)  # fmt: skip

    def _read_with_someone(self, person_id: int) -> None:
        from planner_tui.services.learning import with_someone

        found = self.planner.backend.read(partial(with_someone, person_id=person_id))
        self.app.call_from_thread(self._got_with_someone, person_id, found)

    def _got_with_someone(self, person_id: int, found: WithSomeone) -> None:
        self.with_someone = (person_id, found)
        if self.person is not None and self.person.id == person_id and found.giving:
            self.show_actions()  # steps where they give come first

    def by_id(self, person_id: int | None) -> PersonRead | None:
        return next((p for p in self.people if p.id == person_id), None)

    def context_by_id(self, context_id: int | None) -> ContextRead | None:
        return next((c for c in self.contexts if c.id == context_id), None)

    def target(self) -> str:
        """Whom or where the step is toward, by name (empty: somewhere new)."""
        if self.person is not None:
            return self.person.name
        if self.context is not None:
            return self.context.name
        return self.new_name

    def called(self) -> str:
        """How a step's own words name them (:func:`planner_tui.names.called`: "send Ana a
        voice note" for Ana Silva, called Ana), else :meth:`target`."""
        if self.person is not None:
            return called(self.person.name, self.person.nickname)
        return self.target()

    def chosen_action(self) -> Action | None:
        """The library step picked, while the words still hold it (the rule words typed are
        matched by); rewritten, the step is the person's own: the library's size and
        smaller version no longer describe it ("share a song… with Ana" rewritten as "call
        Ana about Thursday" was offered "react or reply to something Ana posted: …")."""
        from planner_tui.services.steps import library_action, library_action_within

        if self.action is None:
            return None
        typed = self.query_one("#words", Input).value
        name = self.called() or ("there" if self.toward_place() else "them")
        only = [self.action]
        return library_action(only, typed, name) or library_action_within(only, typed, name)

    def has_target(self) -> bool:
        return bool(self.person or self.context or self.new_name or self.place)

    def toward_place(self) -> bool:
        return self.person is None and not self.new_name

    def offered_actions(self) -> list[Action]:
        """The library's steps for this target: toward a place, or with a person."""
        place = self.toward_place()
        return [a for a in self.actions if a.place == place]

    # ---------------------------------------------------------------- what

    def show_actions(self) -> None:
        name = self.called() or ("there" if self.toward_place() else "them")
        options = self.query_one("#what-list", OptionList)
        options.clear_options()
        offered = self.offered_actions()
        # What is planned with them already (nu160: one evening held two steps with one)
        theirs = [(s.due_at, s.action) for s in self.planned
                  if self.person is not None and s.person_id == self.person.id]  # fmt: skip
        already = self.query_one("#already-planned", Static)
        already.display = bool(theirs)
        if theirs:
            already.update(text(words.already_planned(name, theirs[:2], len(theirs) - 2)))
        giving = self.giving()
        receiving = [a for a in offered if a.receiving] if giving is not None else []
        hint = self.query_one("#receiving-hint", Static)
        hint.display = bool(receiving)  # (a library of one's own may have none)
        groups: list[tuple[str, list[Action]]] = []
        if giving is not None and receiving:
            hint.update(text(words.receiving_hint(name, giving.gave, giving.counted,
                                                  giving.comfort, giving.check_ins)))  # fmt: skip
            groups.append((words.RECEIVING_HEADING, receiving))
            offered = [a for a in offered if not a.receiving]
        for effort, heading in (
            (Effort.TINY, "tiny · a minute or two"),
            (Effort.SMALL, "small · a little time"),
            (Effort.BIGGER, "bigger · when you have the energy"),
        ):
            groups.append((heading, [a for a in offered if a.effort is effort]))
        for heading, entries in groups:
            if not entries:
                continue
            options.add_option(Option(text(heading, "bold"), disabled=True))
            options.add_options(
                Option(text(f"  {a.for_person(name)}  ({label(a.channel)})"), id=a.id)
                for a in entries
            )
        # The action chosen (a draft's, taken back) stays chosen: Enter must not swap it.
        # Else the first step offered (a heading has no id).
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        rows = [i for i, option_id in enumerate(ids) if option_id]
        chosen = [i for i in rows if self.action is not None and ids[i] == self.action.id]
        options.highlighted = next(iter(chosen + rows), None)

    def pick_action(self) -> None:
        if self.take_action():
            self.go("when")

    def say_problem(self, problem: str) -> None:
        """*problem* said under the page, brought into sight: below What's long list, at
        100x30, Enter on words too long seemed to do nothing (nu281)."""
        note = self.query_one("#form-problem", Problem)
        note.say(problem)
        note.call_after_refresh(bring_into_sight, note)

    def take_action(self) -> bool:
        """The step chosen on What (own words first, else the one highlighted) becomes the
        step's words and channel; False, with the reason said, when there is none to take."""
        own = self.query_one("#own", Input).value.strip()
        name = self.called() or "there"
        if own:
            if problem := words_refused(own):
                self.say_problem(problem)
                return False
            self.action = None
            chosen_words, channel = own, None
        else:
            option = self.query_one("#what-list", OptionList).highlighted_option
            self.action = next((a for a in self.actions if option and a.id == option.id), None)
            if self.action is None:
                self.say_problem("Pick a step, or write your own.")
                return False
            chosen_words, channel = self.action.for_person(name), self.action.channel.value
        self.query_one("#words", Input).value = chosen_words
        self.query_one("#channel", Select).value = channel if channel else Select.NULL
        return True

    # ---------------------------------------------------------------- how sure

    def check_confidence(self) -> None:
        typed = self.query_one("#confidence", Input).value
        problems = self.check(self.values())
        if "confidence" in problems:
            self.show_problems(problems)
            return
        if typed and int(typed) < SURE_ENOUGH and not self.smaller_offered:
            self.offer_smaller()
        elif (
            typed and int(typed) >= SURE_ENOUGH and not self.richer_offered and self.can_be_richer()
        ):
            self.offer_richer()
        else:
            self.go("card")

    def can_be_richer(self) -> bool:
        """Sure of a written step with someone whose tie has been written-only for a while
        and felt warm (:func:`planner_tui.learning.richer_tie`), and a rung above it."""
        from planner_tui.learning import WRITTEN
        from planner_tui.services.steps import richer_version

        channel = self.query_one("#channel", Select).value
        if self.richer() is None or channel is Select.NULL or str(channel) not in WRITTEN:
            return False
        return richer_version(self.offered_actions(), self.chosen_action()) is not None

    def offer_richer(self) -> None:
        """The mirror of :meth:`offer_smaller`, the same way: one rung, in their own words."""
        from planner_tui.services.steps import richer_version, smaller_words
        from planner_tui.ui.modals.confirm import Choice

        self.richer_offered = True
        chosen = self.chosen_action()
        richer = richer_version(self.offered_actions(), chosen)
        tie = self.richer()
        if richer is None or tie is None:
            self.go("card")
            return
        name = self.called() or "them"
        typed = self.query_one("#words", Input).value.strip()
        offer = smaller_words(typed, chosen, richer, name)

        def answered(answer: str | None) -> None:
            if answer == "richer":
                self.action = richer
                self.made_richer_from = typed
                self.query_one("#words", Input).value = offer
                self.query_one("#channel", Select).value = richer.channel.value
            self.go("card")

        line = words.richer_line(name, tie.contacts, tie.since, tie.warmths, tie.warmth)
        self.app.push_screen(
            Choice(
                words.RICHER_TITLE,
                f"{line}\n\nYour step: {typed}\nRicher:    {offer}",
                [("keep", "Keep my step"), ("richer", "Yes, one step richer")],
            ),
            answered,
        )

    def offer_smaller(self) -> None:
        from planner_tui.services.steps import smaller_offer
        from planner_tui.ui.modals.confirm import Choice

        self.smaller_offered = True
        name = self.called() or ("there" if self.toward_place() else "them")
        typed = self.query_one("#words", Input).value.strip()
        how = self.query_one("#channel", Select).value
        found = smaller_offer(self.offered_actions(), self.chosen_action(), typed, name,
                              how=Channel(how) if isinstance(how, str) else None)  # fmt: skip
        if found is None:
            self.app.push_screen(
                Choice("Already a light step", words.ALREADY_LIGHT, [("keep", "Go on")]),
                lambda _answer: self.go("card"),
            )
            return
        smaller, offer = found

        def answered(answer: str | None) -> None:
            if answer == "smaller":
                self.action = smaller
                self.made_smaller_from = typed
                self.query_one("#words", Input).value = offer
                self.query_one("#channel", Select).value = smaller.channel.value
            self.go("card")

        self.app.push_screen(
            Choice(
                "A smaller version?",
                f"{words.SMALLER_LINE}\n\nYour step: {typed}\nSmaller:   {offer}",
                [("smaller", "Yes, make it smaller"), ("keep", "Keep my step")],
            ),
            answered,
        )

    # ---------------------------------------------------------------- calibration

    def show_calibration(self) -> None:
        """Beside expected awkwardness and how sure: the person's own record for steps like
        this one (nothing below three of them)."""
        from planner_tui import learning

        said = ""
        if self.page in ("details", "sure") and self.past:
            channel = self.query_one("#channel", Select).value
            found = learning.calibration(
                self.past,
                action=self.query_one("#words", Input).value,
                channel=None if channel is Select.NULL else str(channel),
                effort=(action.effort if (action := self.chosen_action()) else Effort.OWN).value,
            )
            if found is not None:
                said = words.calibration(found.noun, found.count, found.expected, found.felt)
        for widget_id in ("#calibration-awkward", "#calibration-sure"):
            hint = self.query_one(widget_id, Static)
            hint.update(text(said))
            hint.display = bool(said)

    def changed(self) -> None:
        if self.page in ("details", "sure"):
            self.show_calibration()  # the words or the way of being in touch changed
        super().changed()

    # ---------------------------------------------------------------- the card

    def with_whom(self) -> str:
        """ "With Vera E." or "Toward the choir": who or where the step is for, if chosen."""
        if not self.has_target():
            return ""
        where = shorten(self.target(), 40)  # a line above the field, however long the name
        if self.person is not None and self.person.id in self.twins:
            where = words.numbered(where, self.person.id)
        return (
            f"With {where}"
            if self.person or self.new_name
            else f"Toward {where or words.NEW_PLACE}"
        )

    def draft_held(self) -> str:
        """Who, what and when the restored draft holds (the Who page shows none of them)."""
        values = self.values()
        typed = values["words"] or values["own"]  # own words not yet taken on with Enter
        parts = [self.with_whom(), shorten(" ".join(typed.split()), 60)]
        if values["when"].strip():
            try:
                parts.append(words.when(parse_when(values["when"], lean="future")))
            except InvalidInput:
                parts.append(shorten(" ".join(values["when"].split()), 30))
        return " · ".join(part for part in parts if part)

    def show_so_far(self) -> None:
        parts = []
        if self.has_target() and self.page != "who":
            parts.append(self.with_whom())
        typed = self.query_one("#words", Input).value
        if typed and self.page not in ("who", "what", "card"):
            parts.append(shorten(typed, 60))
        if self.page in ("details", "sure"):  # past the When page: when, too
            with contextlib.suppress(InvalidInput):
                when = self.query_one("#when", Input).value
                parts.append(words.when(parse_when(when, lean="future")))
        self.query_one("#chosen-so-far", Static).update(text(" · ".join(parts)))

    def show_card(self) -> None:
        values = self.values()
        try:
            due = parse_when(values["when"], lean="future")
        except InvalidInput:
            return
        try:
            rule = parse_repeat(values["repeat"])
        except InvalidInput:
            rule = None
        chosen, due = due, first_occurrence(rule, due)  # a repeat starts on one of its days
        name = self.target()
        self.query_one("#card-text", Static).update(
            text(words.plan_card(due, values["words"], name), "bold")
        )
        lines = []
        if self.new_name:
            lines.append(words.new_on_the_map(self.new_name))
        if rule:
            lines.append(f"Repeats {describe_repeat(rule, clock.to_local(due))}.")
            if due != chosen:
                lines.append(words.repeat_starts(chosen, due))
        if values["cue"].strip():
            lines.append(f"Cue: {values['cue'].strip()}")
        if values["backup"].strip():
            lines.append(f"Backup: {values['backup'].strip()}")
        if question := self.days_question(values, chosen):
            lines.append(f"{question} {words.SAVE_OR_CHANGE_TIME}")
        if values["awkwardness"]:
            lines.append(f"Expected awkwardness: {values['awkwardness']}/5")
        if values["appreciation"] and not self.toward_place():
            lines.append(f"How much they'll appreciate it, your guess: {values['appreciation']}/5")
        if values["confidence"]:
            lines.append(f"How sure: {values['confidence']}/10")
        if self.made_smaller_from and self.made_smaller_from != values["words"].strip():
            lines.append(f"Made smaller from: {self.made_smaller_from}")
        if self.made_richer_from and self.made_richer_from != values["words"].strip():
            lines.append(f"One step richer than: {self.made_richer_from}")
        self.query_one("#card-details", Static).update(text("\n".join(lines), multiline=True))
        seed = sum(map(ord, values["words"])) + due.toordinal()
        said = words.encouragement(seed, place=self.toward_place())
        self.query_one("#encouragement", Static).update(text(said))

    # ---------------------------------------------------------------- the form contract

    def values(self) -> dict[str, Any]:
        def chosen(widget_id: str) -> Any:
            value = self.query_one(f"#{widget_id}", Select).value
            return None if value is Select.NULL else value

        return {
            "page": self.page,
            "person": self.person.id if self.person else None,
            "context": self.context.id if self.context else None,
            "new_name": self.new_name,
            "place": self.place,
            "find": self.query_one("#find", Input).value,
            "action_id": action.id if (action := self.chosen_action()) else None,
            "own": self.query_one("#own", Input).value,
            "words": self.query_one("#words", Input).value,
            "when": self.query_one("#when", Input).value,
            "channel": chosen("channel"),
            "awkwardness": chosen("awkwardness"),
            "appreciation": chosen("appreciation"),
            "repeat": self.query_one("#repeat", Input).value,
            "cue": self.query_one("#cue", Input).value,
            "backup": self.query_one("#backup", Input).value,
            "confidence": self.query_one("#confidence", Input).value,
            "smaller_offered": self.smaller_offered,
            "smaller_from": self.made_smaller_from,
            "richer_offered": self.richer_offered,
            "richer_from": self.made_richer_from,
            "given": self.initial.get("words") or "",
        }

    def fill(self, values: dict[str, Any]) -> None:
        self.person = self.by_id(values.get("person"))
        self.context = None if self.person else self.context_by_id(values.get("context"))
        self.new_name = "" if self.person else str(values.get("new_name") or "").strip()
        self.place = bool(values.get("place")) and not (self.person or self.new_name)
        self.action = next((a for a in self.actions if a.id == values.get("action_id")), None)
        for key in ("find", "own", "words", "when", "repeat", "cue", "backup"):
            self.query_one(f"#{key}", Input).value = str(values.get(key) or "")
        self.chosen_with = str(values.get("find") or "")
        confidence = str(values.get("confidence") or "")
        self.query_one("#confidence", Input).value = confidence if confidence.isdigit() else ""
        if values.get("channel") in {c.value for c in Channel}:
            self.query_one("#channel", Select).value = values["channel"]
        for key in ("awkwardness", "appreciation"):
            if values.get(key) in range(1, 6):
                self.query_one(f"#{key}", Select).value = values[key]
        self.smaller_offered = bool(values.get("smaller_offered"))
        self.made_smaller_from = str(values.get("smaller_from") or "")
        self.richer_offered = bool(values.get("richer_offered"))
        self.made_richer_from = str(values.get("richer_from") or "")
        self.show_people(self.query_one("#find", Input).value)
        self.show_actions()
        self.read_with_someone()
        page = values.get("page")
        if page not in PAGES or (page != "who" and not self.has_target()):
            page = "who"
        if page in ("details", "sure", "card") and not self.query_one("#words", Input).value:
            page = "what"
        self.go(page)

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        problems: dict[str, str] = {}
        when = self.query_one("#when-preview", Static)
        note: str | None = None
        if values["when"].strip():
            try:
                from planner_tui.services.steps import check_ahead

                due, shown = read_back(values["when"], lean="future")
                near = near_in_time(self.planned, due)
                note = self.days_question(values, due)
                when.update(text("→ " + shown + self.year_asked(due, values)
                                 + words.also_then(near)
                                 # beside the time too: ctrl+s saves from here (nu169)
                                 + (f". {note}" if note else "")))  # fmt: skip
                check_ahead(due)
            except InvalidInput as error:
                problems["when"] = str(error)
        else:
            when.update("")
            problems["when"] = ASK_WHEN
        if problem := self.preview(
            "repeat", lambda: describe_repeat(parse_repeat(values["repeat"]))
        ):
            problems["repeat"] = problem
        if not values["words"].strip():
            problems["action"] = "Say what the step is, in a few words."
        elif problem := words_refused(values["words"]):
            problems["action"] = problem
        if values["confidence"] and int(values["confidence"]) > 10:
            problems["confidence"] = SURE_RANGE
        if values["page"] == "when" and not values["when"].strip():
            problems.pop("when")  # not a problem while they're thinking
        days = self.query_one("#days-note", Static)  # a question, never in the way of saving
        days.update(text(f"{note} {words.SAVE_OR_CHANGE_TIME}" if note else ""))
        days.display = bool(note)
        return problems

    def days_question(self, values: dict[str, Any], due: datetime) -> str | None:
        """Whether the step's words, cue or backup name another day than the step's: asked
        beside them and on the card, never in the way of saving (the command line, which
        can't ask, wants --anyway)."""
        texts = {"step": values["words"], "cue": values["cue"], "backup": values["backup"]}
        return days_disagree(due_at=due, rule=self.rule_or_none(values), texts=texts)

    @staticmethod
    def rule_or_none(values: dict[str, Any]) -> str | None:
        """The repeat as typed, when it can be read (its own problem is said beside it)."""
        try:
            return parse_repeat(values["repeat"]) if values["repeat"].strip() else None
        except InvalidInput:
            return None

    def submit(self, values: dict[str, Any]) -> StepRead:
        from planner_tui.services import steps

        new_person = "" if values["person"] is not None else values["new_name"].strip()
        if not (values["person"] or values["context"] or new_person or values["place"]):
            raise InvalidInput(self.no_target(), field="person")
        due = parse_when(values["when"], lean="future")
        steps.check_ahead(due)
        self.ask_year(due, values)
        action = next((a for a in self.actions if a.id == values["action_id"]), None)
        data = {
            "person_id": values["person"],
            "context_id": values["context"] if values["person"] is None else None,
            "action": values["words"],
            "effort": action.effort if action else Effort.OWN,
            "channel": values["channel"],
            "due_at": due,
            "rrule": parse_repeat(values["repeat"]),
            "cue": values["cue"].strip(),
            "backup": values["backup"].strip(),
            "expected_awkwardness": values["awkwardness"],
            "confidence": int(values["confidence"]) if values["confidence"] else None,
            "appreciation_forecast": None if self.toward_place() else values.get("appreciation"),
            "shrunk": bool(values.get("smaller_from")),
        }
        if not values.get("again") and not new_person:
            same = self.planner.backend.read(
                partial(steps.same_open_step, person_id=data["person_id"],
                        context_id=data["context_id"], action=data["action"], due_at=due,
                        rrule=data["rrule"])
            )  # fmt: skip
            if same is not None:
                raise Question(
                    "Already planned",
                    f"{words.plan_card(same.due_at, same.action, same.person)} is already "
                    "on your plan, just like this. Plan it a second time?",
                    [("back", "Go back and change it"), ("again", "Plan it a second time")],
                )
        return self.planner.backend.write(
            partial(steps.create_step, data=data, new_person=new_person)
        )

    def answered(self, answer: str | None, values: dict[str, Any]) -> None:
        if answer == "again":
            self.save({**values, "again": True})

    def no_target(self) -> str:
        """Why the step can't be saved yet: no one chosen — and, with a name typed and not
        chosen, how to choose it (nu153: "Choose who…" read as a reproach of the name)."""
        typed = self.query_one("#find", Input).value.strip()
        offered = self.query_one("#who-list", OptionList).highlighted_option
        if typed and offered is not None and offered.disabled:
            return str(offered.prompt)  # a name no one may have: why not
        if not typed:
            return NO_TARGET
        return (
            f"Enter chooses the highlighted line for {words.quoted(typed)}: a step needs "
            "someone (or a place) to be with."
        )

    def point_to(self, problems: dict[str, str]) -> None:
        """Saving found something to look at: go to the page of the first one (in the
        wizard's order), show its note there and put the cursor in its field. Who comes
        first: no one chosen yet is the first thing to look at."""
        if not self.has_target():
            problems = {"person": self.no_target(), **problems}
        first = min(problems, key=lambda f: PAGES.index(FIELD_PAGES.get(f, "card")))
        page = FIELD_PAGES.get(first)
        if page and page != self.page:
            self.go(page)
        self.show_problems(problems)  # after go(): on When, an empty one is now a problem
        field = FIELD_INPUTS.get(first)
        if field is not None:
            self.query_one(f"#{field}", Input).focus()
        self.query_one("#form-problem", Problem).say(LOOK_ABOVE)

    def refused(self, message: str, field: str | None) -> None:
        name = (field or "").split(".")[0]
        page = FIELD_PAGES.get(name)
        if page and page != self.page:
            self.go(page)
        super().refused(message, "action" if field == "action" else field)
        if name in FIELD_INPUTS:  # the box to type in, not the list under it (Enter there
            self.query_one(f"#{FIELD_INPUTS[name]}", Input).focus()  # picked its first row)
        if name == "person" and self.new_name:  # someone by that name came meanwhile
            self.run_worker(self._read_people_again, thread=True, group="people", exclusive=True)

    def _read_people_again(self) -> None:
        from planner_tui.services import people

        everyone = self.planner.backend.read(people.list_people)
        twins = self.planner.backend.read(people.sharing_a_name)
        self.app.call_from_thread(self._got_people_again, everyone, twins)

    def _got_people_again(self, everyone: list[PersonRead], twins: set[int]) -> None:
        """The Who list as the map is now: Enter there takes whoever was added meanwhile."""
        from planner_tui.services.steps import suggested_order

        if self.is_attached:
            self.people = suggested_order(everyone)
            self.twins = twins
            self.show_people(self.query_one("#find", Input).value)

    def saved(self, result: StepRead) -> None:
        self.dirty = False
        self.app.notify(
            words.plan_card(result.due_at, result.action, result.person),
            title="Planned",
        )
        self.dismiss(result)
