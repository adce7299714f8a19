"""The daily check-in: a day, five quick scales, two short lines and as much as one likes to
write. People are linked by name (autocomplete) or @Name in the text; #tags become tags.

Like every form it keeps a draft as one types (a crash or a closed terminal loses nothing).
Escape asks whether to keep that draft or let it go. Editing an entry changes nothing saved
until ctrl+s: the edit lives in its own draft until then.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Key, Paste
from textual.widgets import Checkbox, Input, Label, SelectionList, Static, TextArea

from planner_tui import clock, words
from planner_tui.daily import ANOTHER_CHECKIN_DRAFT, NEW_CHECKIN_DRAFT
from planner_tui.db.models import JournalEntryRead
from planner_tui.errors import InvalidInput, NotFound
from planner_tui.ui.forms.base import Field, FormScreen, Line, PeopleChips, Problem, Question
from planner_tui.ui.screens.base import text
from planner_tui.ui.widgets.fields import TextBox, TextField
from planner_tui.ui.widgets.ticks import Tick, TickList
from planner_tui.when import parse_when

if TYPE_CHECKING:
    from planner_tui.db.models import ContextRead, PersonRead

SCALES = {
    "connectedness": "connected",
    "mood": "mood",
    "support": "supported",
    "comfort_giving": "giving",  # the header says what of (a longer label wrapped at
    "comfort_receiving": "receiving",  # 60 columns, and put these boxes a line lower)
}
"""Field → label; each 1 (low) to 5 (high), optional. Typing a digit moves to the next."""
TEXTS = ("warmth_note", "withdraw_note", "body")
"""The check-in's own words."""
SCALE_REFUSED = "Each is a digit, 1 (low) to 5 (high) — or left empty."
CONTEXTS_LABEL = "Parts of life it was about (type a name to find it, space to pick)"
NO_CONTEXTS_YET = "Parts of life it was about: none yet (add them on the Map's Contexts tab with n)"


class MovedOnTo(TextField):
    """A box a score's digit moves the cursor on to. Enter as the next key stays here: the
    digit has moved on already, as Enter would have (`3 Enter 4 Enter` skipped a box each
    time, and the last digit began the words, nu152); and a space as the next key is the
    one between the last score and the words ("5 felt ok" began them with it, nu215)."""

    after_digit = False

    def taken_after_digit(self, event: Key) -> bool:
        """Whether *event* is that Enter or space (then taken); any key ends the digit's
        turn."""
        after, self.after_digit = self.after_digit, False
        if after and (event.key == "enter" or event.character == " "):
            event.prevent_default()
            event.stop()
            return True
        return False


class ScaleField(MovedOnTo):
    """One digit, 1 to 5. Typing one sets it and moves straight on to the next box, also
    when it is the digit already there (that changed nothing, so the focus stayed, and the
    keys typed after it went into this box and were lost)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(restrict=r"[1-5]?", max_length=1, refused=SCALE_REFUSED, **kwargs)

    def on_key(self, event: Key) -> None:
        if self.taken_after_digit(event):
            return
        if event.character is not None and event.character in "12345":
            event.prevent_default()  # not Input's own handling: the digit replaces the last
            event.stop()
            self.value = event.character
            moved = self.screen.focus_next()
            if isinstance(moved, MovedOnTo):
                moved.after_digit = True
        elif event.is_printable and event.character and not event.character.isdigit():
            event.prevent_default()  # words: "4 felt ok" lost all after the 4, unseen
            event.stop()
            self.screen.write_in_words(event.character)  # type: ignore[attr-defined]

    def on_paste(self, event: Paste) -> None:
        # As typed: a digit sets the score and moves on, and what follows goes on from the
        # box moved to ("4 felt ok" pasted went whole to the warmth box, the 4 with it).
        event.prevent_default()
        event.stop()
        typed = event.text
        if typed[:1].isdigit() and typed[0] not in "12345":  # refused as a typed 7 is
            self.restricted()
            typed = typed[1:]
        if typed and typed[0] in "12345":
            self.value = typed[0]
            self.screen.focus_next()
            if typed[1:].strip() and self.screen.focused is not None:
                self.screen.focused.post_message(Paste(typed[1:]))
        elif typed.strip():  # words pasted here vanished
            self.screen.write_in_words(typed)  # type: ignore[attr-defined]


AFTER_SCORES = (
    "The scores are above, connected first: a digit here would begin your words. Check each "
    "score is where you meant it; type the digit again to keep it here."
)


class FirstWords(MovedOnTo):
    """The first box for words, under the scores. A digit typed the moment the last score
    moved the cursor here is a sixth score: the scores above have moved one box along (a
    Tab pressed first skips *connected*; two new users' check-ins were saved so, the last
    digit starting their words, nu150 and nu151). Refused once, with a note; typed again,
    it is kept."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(refused=AFTER_SCORES, **kwargs)

    def on_key(self, event: Key) -> None:
        after = self.after_digit
        if self.taken_after_digit(event):
            return
        if after and not self.value and event.character and event.character.isdigit():
            event.prevent_default()
            event.stop()
            self.restricted()


RECENT_DAYS = 14
"""How far back a new check-in's day is known to have check-ins already."""
START_AT = f"#{next(iter(SCALES))}"
"""Where the cursor starts: the first score."""
HEADINGS = {"today": "Today's", "yesterday": "Yesterday's"}
"""A new check-in's heading by its day (:func:`new_heading`)."""


def new_heading(day: date) -> str:
    """A new check-in's heading, which names its day: the box to change it is the last."""
    if day == clock.check_in_day():
        return clock.check_in_title()
    when = when_for(day)
    if when in HEADINGS:
        return f"{HEADINGS[when]} check-in"
    return f"Check-in for {clock.strftime(day, '%A %-d %B %Y')}"


def when_for(day: date | None, *, another: bool = False) -> str:
    """How the questions name *day*: 'today', 'yesterday' or 'that day' (a new check-in:
    today's, or, begun with the Journal's `n` (*another*), yesterday's) — and past
    midnight, the day just gone by its name, 'on Saturday' (its check-in asked what
    brought warmth "today", nu224)."""
    if day is None:
        return "yesterday" if another else "today"
    days = (clock.today() - day).days
    if days == 1 and day == clock.check_in_day():
        return f"on {clock.strftime(day, '%A')}"
    return "today" if days == 0 else "yesterday" if days == 1 else "that day"


def in_touch(when: str) -> str:
    """The tick that counts a check-in as contact: with those in the People box only (an
    @mention in the words, "I miss @Ana", is no contact)."""
    return f"We were in touch {when} (the people above)"


def editing_heading(day: date, of: int = 1) -> str:
    """A check-in being changed: its day, and how many that day has when more than one."""
    which = "editing" if of < 2 else f"editing one of {of} that day"
    return f"Check-in for {clock.strftime(day, '%A %-d %B %Y')} ({which})"


class JournalForm(FormScreen[JournalEntryRead]):
    TITLE = "Check-in"
    WORDS = "#body"
    """Words typed where no box takes them (a score, a tick) go on under *Anything else*:
    typed the moment the form opens, they answer its prompt, and in the warmth box a "No,
    I stayed in all day" was kept as what brought warmth (nu213)."""
    FIELD_WORDS = {"support": "feeling supported", "comfort_giving": "comfort giving help",
                   "comfort_receiving": "comfort receiving help",
                   "warmth_note": "what brought warmth",
                   "withdraw_note": "what made you want to withdraw", "body": "words",
                   "contact": "being in touch", "contexts": "parts of life"}  # fmt: skip
    MOMENTS = {"day": ("past", True)}
    SETTLED_BY_TYPING = FormScreen.SETTLED_BY_TYPING | {words.EMPTY_CHECK_IN}
    START_IN = START_AT  # the day is seldom changed: `c` then a digit answers
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "leave", "Close (keep or discard)"),
        Binding("ctrl+o", "next_prompt", "Another prompt"),
    ]

    def on_key(self, event: Key) -> None:
        """Shift+Tab from the first score goes up to the day, as when it stood above them
        (not round to the buttons first)."""
        if event.key == "shift+tab" and self.focused is self.query_one(START_AT):
            event.stop()
            event.prevent_default()
            self.query_one("#day", Input).focus()

    def __init__(self, entry: JournalEntryRead | None = None, *, another: bool = False) -> None:
        """*entry* to change, or a new check-in: today's, or *another* (the Journal's `n`:
        for yesterday, or any day typed)."""
        key = (
            f"journal:{entry.id}"
            if entry
            else ANOTHER_CHECKIN_DRAFT
            if another
            else NEW_CHECKIN_DRAFT
        )
        said = "yesterday" if another else "today"
        if not another and clock.check_in_day() != clock.today():
            said = clock.strftime(clock.check_in_day(), "%A")  # past midnight, by its name
        super().__init__(key, self.initial_values(entry, said))
        self.entry = entry
        self.that_day = 1
        """Check-ins on the saved one's day, once saved (a day may hold several)."""
        self.prompt_day: date | None = None
        """The day the check-in is for, as last read: its prompt is that day's (a draft taken
        back the morning after showed the new day's, nu162)."""
        self.written: dict[date, int] = {}
        """Check-ins on each of the last :data:`RECENT_DAYS` days (once the choices are read)."""
        when = when_for(entry.day if entry else None, another=another)
        self.heading = (
            editing_heading(entry.day)
            if entry
            else new_heading(clock.today() - timedelta(days=1) if another else clock.check_in_day())
        )
        self.people: list[PersonRead] = []
        self.archived: list[PersonRead] = []
        """Those archived: a check-in's link to one stays (:meth:`links_kept`)."""
        self.contexts: list[ContextRead] = []
        self.prompts: list[str] = []
        self.turn = 0
        self.when = when
        """The day the questions name: 'today', 'yesterday' or 'that day' — from the first
        frame (an entry of 2011 asked "What brought warmth today?" until its day was read)."""

    @staticmethod
    def initial_values(entry: JournalEntryRead | None, day: str = "today") -> dict[str, Any]:
        if entry is None:
            return {"day": day}
        return {
            "day": entry.day.isoformat(),
            **{key: str(getattr(entry, key) or "") for key in SCALES},
            "warmth_note": entry.warmth_note,
            "withdraw_note": entry.withdraw_note,
            "body": entry.body,
            # The tick counts those in the box: the ones it counted, when it was ticked
            # (the others were @mentioned, and the words link them again).
            "people": entry.contact_person_ids or entry.person_ids,
            "contact": bool(entry.contact_person_ids),
            "contexts": entry.context_ids,
        }

    def stored_now(self) -> dict[str, Any] | None:
        from planner_tui.services import journal

        if self.entry is None:
            return None
        entry = self.planner.backend.read(partial(journal.get_entry, entry_id=self.entry.id))
        return self.box_holds(self.initial_values(entry), entry)

    def box_holds(self, values: dict[str, Any], entry: JournalEntryRead) -> dict[str, Any]:
        """*values* of *entry* with those its words @mention out of the People box: the words
        link them again, and in the box the tick ticked later counted "I miss @Ana" as
        contact (nu240). (Before the people are known, as they are read, as it was.)"""
        if entry.contact_person_ids or not self.people:
            return values
        found, _ = self.mentioned({k: values.get(k, "") for k in TEXTS})
        return {**values, "people": [p for p in values["people"] if p not in found]}

    # ---------------------------------------------------------------- layout

    def compose_fields(self) -> ComposeResult:
        # The day is asked last (the heading names it): above the scores, where the cursor
        # starts, a Tab "past" it skipped connected and put every score one box along (nu149
        # to nu155).
        yield Line(id="written-already", classes="muted")
        # The columns are narrow; the header says what the last two ask (read as "how much
        # help", they would skew the Review's figures and the wizard's offer to give).
        yield Field(
            "How it was, 1 (low) to 5 (high), each optional (a digit moves on); the last two: "
            "how comfortable giving help and receiving it felt"
        )
        with Horizontal(classes="row scales"):
            for key, words in SCALES.items():
                with Vertical(classes="scale"):
                    yield Static(words, classes="muted", markup=False)
                    yield ScaleField(id=key)
        yield Problem(id="scales-problem")
        yield Field(f"What brought warmth {self.when}, if anything?", id="warmth-label")
        yield FirstWords(id="warmth_note")
        yield Problem(id="warmth_note-problem")  # its refusal, beside it (nu157: far below)
        yield Field(f"Anything that made you want to withdraw {self.when}?", id="withdraw-label")
        yield TextField(id="withdraw_note")
        yield Field("Anything else — @Name links someone, #word makes a tag")
        # The question to start from, over the box that answers it: at the top of the form
        # it stood over the scores, with nowhere to answer it (nu234).
        yield Line(id="prompt", classes="muted")
        yield TextBox(id="body", soft_wrap=True)
        yield Line(id="mentions", classes="muted")
        yield Field("People (type a name, Enter adds; backspace on empty removes)")
        yield PeopleChips(lead="About")
        yield Tick(in_touch(self.when), id="contact")
        yield Field(CONTEXTS_LABEL, id="contexts-label")
        yield TickList[int](id="contexts")
        yield Field("Day — today, yesterday, last sat, 2026-11-20")
        yield TextField(id="day", select_on_focus=True)
        yield Line(id="day-preview", classes="muted")
        yield Problem(id="day-problem")

    # ---------------------------------------------------------------- choices and drafts

    def load_choices(
        self,
    ) -> tuple[list[PersonRead], list[ContextRead], list[str], dict[date, int]]:
        from planner_tui.services import journal, people

        backend = self.planner.backend
        home = self.planner.settings.resolved_home()
        today = clock.today()
        return (
            backend.read(partial(people.list_people, include_archived=True)),
            backend.read(people.list_contexts),
            journal.load_prompts(home),
            backend.read(  # (the calendar's first days have fewer days before them)
                partial(
                    journal.entries_by_day,
                    first=date.fromordinal(max(1, today.toordinal() - RECENT_DAYS)),
                    last=today,
                )
            ),
        )

    def use_choices(
        self, choices: tuple[list[PersonRead], list[ContextRead], list[str], dict[date, int]]
    ) -> None:
        everyone, self.contexts, self.prompts, self.written = choices
        if self.entry is not None and self.written.get(self.entry.day, 0) > 1:
            # `c` on a day of three opened one without a word of the others (nu254)
            title = editing_heading(self.entry.day, self.written[self.entry.day])
            self.query_one(".dialog-title", Label).update(title)
        self.people = [p for p in everyone if not p.archived]  # whom a mention links
        self.archived = [p for p in everyone if p.archived]
        # The box knows the archived too: one typed there is said to be archived (it said
        # "add them on the Map first", a second of them), one in the check-in stays.
        self.query_one(PeopleChips).set_people(everyone)
        picker = self.query_one("#contexts", SelectionList)
        picker.clear_options()
        picker.add_options([(text(c.name), c.id) for c in self.contexts])
        picker.display = bool(self.contexts)  # empty, it was a stop for Tab with nothing in it
        self.query_one("#contexts-label", Field).update(
            CONTEXTS_LABEL if self.contexts else NO_CONTEXTS_YET
        )
        self.show_prompt()
        if self.entry is not None:
            self.initial = self.box_holds(self.initial, self.entry)
        self.fill(self.initial)

    def show_prompt(self) -> None:
        from planner_tui.services.journal import prompt_for

        day = self.prompt_day or (self.entry.day if self.entry else clock.check_in_day())
        prompt = words.about_day(prompt_for(day, self.prompts, self.turn), self.when)
        self.query_one("#prompt", Static).update(
            text(f"If it helps: {prompt}   (ctrl+o: another)") if prompt else ""
        )

    def action_next_prompt(self) -> None:
        self.turn += 1
        self.show_prompt()

    # ---------------------------------------------------------------- people and scales

    def links_kept(self) -> tuple[list[int], list[int]]:
        """The check-in's links to people archived since (the form offers only those on the
        map): kept as they were, and those it counted as in touch still counted — saved
        again, they were dropped without a word."""
        if self.entry is None:
            return [], []
        kept = [p.id for p in self.archived if p.id in self.entry.person_ids]
        return kept, [i for i in kept if i in self.entry.contact_person_ids]

    def mentioned(
        self, values: dict[str, Any], people: list[PersonRead] | None = None
    ) -> tuple[list[int], list[str]]:
        """Whom the words @mention among *people* (those the form opened with), and the
        names that name no one of them."""
        from planner_tui.journal_search import mentions_in

        writing = " ".join(values[k] for k in TEXTS)
        return mentions_in(writing, self.people if people is None else people)

    # ---------------------------------------------------------------- the form contract

    def values(self) -> dict[str, Any]:
        return {
            "day": self.query_one("#day", Input).value,
            **{key: self.query_one(f"#{key}", Input).value for key in SCALES},
            "warmth_note": self.query_one("#warmth_note", Input).value,
            "withdraw_note": self.query_one("#withdraw_note", Input).value,
            "body": self.query_one("#body", TextArea).text,
            "people": list(self.query_one(PeopleChips).chosen),
            "typing": self.query_one(PeopleChips).typing,
            "contact": self.query_one("#contact", Checkbox).value,
            "contexts": list(self.query_one("#contexts", SelectionList).selected),
        }

    def fill(self, values: dict[str, Any]) -> None:
        self.query_one("#day", Input).value = str(values.get("day") or "today")
        for key in SCALES:
            score = str(values.get(key) or "")
            self.query_one(f"#{key}", Input).value = score if score in "12345" else ""
        for key in ("warmth_note", "withdraw_note"):
            self.query_one(f"#{key}", Input).value = str(values.get(key) or "")
        self.query_one("#body", TextArea).text = str(values.get("body") or "")
        self.query_one(PeopleChips).set(values.get("people", []), str(values.get("typing") or ""))
        self.query_one("#contact", Checkbox).value = bool(values.get("contact"))
        picker = self.query_one("#contexts", SelectionList)
        picker.deselect_all()
        for context_id in values.get("contexts", []):
            if context_id in {c.id for c in self.contexts}:
                picker.select(context_id)

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        from planner_tui.journal_search import unlinked
        from planner_tui.names import told_apart

        problems = {}
        preview = self.query_one("#day-preview", Static)
        day: date | None = None
        try:
            day = self.read_day(values["day"])
            shown_day = clock.strftime(day, "%A %-d %B %Y")
            preview.update(text(f"→ {shown_day}{self.year_asked(day, values, 'day')}"))
        except InvalidInput as error:
            preview.update("")
            problems["day"] = str(error)
        self.name_the_day(day)
        found, unknown = self.mentioned(values)
        by_id = told_apart((p.id, p.name) for p in self.people)  # two Mos: which one
        said = []
        if found:
            said.append("Linked: " + ", ".join(by_id[i] for i in found))
        kept, kept_in_touch = self.links_kept()
        if kept:
            from planner_tui.journal_search import mentions_in

            gone = [p for p in self.archived if p.id in kept]
            said.append("Still linked (archived): " + ", ".join(p.name for p in gone))
            _, unknown = mentions_in(" ".join(f"@{n}" for n in unknown), gone)  # not "@#5"
        if unknown:
            said.append(unlinked(unknown, self.people))
        self.query_one("#mentions", Static).update(text(" · ".join(said)))
        if values["contact"] and not values["people"] and not kept_in_touch:  # counts no one
            problems["people"] = words.tick_counts_people([by_id[i] for i in found])
        return problems

    def name_the_day(self, day: date | None) -> None:
        """The questions ask about the day the check-in is for ('What brought warmth
        yesterday?'), not always today; while the day can't be read, the last one read."""
        if day is None:
            return
        if self.entry is None:
            self.query_one(".dialog-title", Label).update(new_heading(day))
            # A second check-in for a day was said only once saved (nu159)
            already = self.query_one("#written-already", Static)
            already.update(words.written_already(self.written.get(day, 0), when_for(day)))
            already.display = bool(self.written.get(day))
        when = when_for(day)
        if day != self.prompt_day:
            self.prompt_day = day
            if when == self.when:  # else said below, in the new day's words
                self.show_prompt()
        if when != self.when:
            self.when = when
            asked = {
                "#warmth-label": f"What brought warmth {when}, if anything?",
                "#withdraw-label": f"Anything that made you want to withdraw {when}?",
            }
            for label, words_now in asked.items():
                self.query_one(label, Field).update(words_now)
            contact = self.query_one("#contact", Checkbox)
            contact.label = in_touch(when)
            self.show_prompt()

    @staticmethod
    def read_day(typed: str) -> date:
        day = parse_when(typed or "today", lean="past", day=True).date()
        if day > clock.today():
            raise InvalidInput("A check-in is for a day that has begun.", field="day")
        return day

    def submit(self, values: dict[str, Any]) -> JournalEntryRead:
        from planner_tui.services import journal

        day = self.read_day(values["day"])
        self.ask_year(day, values, "day")
        if self.entry is not None and day != self.entry.day and not values.get("move"):
            others = self.planner.backend.read(partial(journal.entries_on, day=day))
            raise Question(
                "Move this check-in?", words.check_in_moves(self.entry.day, day, others),
                [("back", "Go back to the form"),
                 ("keep", f"Save it on {self.entry.day:%a %-d %b}, its day"),
                 ("move", f"Move it to {day:%a %-d %b}")],
            )  # fmt: skip
        found, unknown = self.mentioned(values)
        if unknown:  # someone added since the form opened (on the command line, say)
            from planner_tui.services import people as people_service

            found, _ = self.mentioned(values, self.planner.backend.read(people_service.list_people))
        kept, kept_in_touch = self.links_kept()
        people = list(dict.fromkeys(values["people"] + found + kept))
        said = [values[key] for key in SCALES] + [values[key].strip() for key in TEXTS]
        if self.entry is None and not (any(said) or people or values["contexts"]):
            # Enter in the day's box saved an empty check-in, counted as a day checked in
            raise InvalidInput(words.EMPTY_CHECK_IN)
        data = {
            "day": day,
            **{key: int(values[key]) if values[key] else None for key in SCALES},
            # One line each: a space after the last score ("c43532 a call") began it.
            "warmth_note": values["warmth_note"].strip(),
            "withdraw_note": values["withdraw_note"].strip(),
            "body": values["body"],
            "person_ids": people,
            "contact_person_ids": (values["people"] if values["contact"] else []) + kept_in_touch,
            "context_ids": values["contexts"],
        }
        self.ask_if_saved_elsewhere(day, values)
        entry_id = self.entry.id if self.entry else None
        try:
            saved = self.planner.backend.write(
                partial(journal.save_entry, data=data, entry_id=entry_id)
            )
        except NotFound:  # deleted elsewhere while being changed here: the words stay
            raise Question(
                "This check-in was deleted",
                "The check-in you are changing was deleted, perhaps in another window or "
                "from the command line. Your words are all still here.",
                [("new", "Save them as a new check-in"), ("back", "Keep editing")],
            ) from None
        added = self.entry is None or saved.day != self.entry.day  # to a day that may hold others
        if added:
            self.that_day = self.planner.backend.read(partial(journal.entries_on, day=saved.day))
        return saved

    def ask_if_saved_elsewhere(self, day: date, values: dict[str, Any]) -> None:
        """A new check-in begun from a draft that another window (or computer) has saved
        since: asked whether this is another check-in. Both saved, the day held the same
        one twice, said only afterwards ("That day now has 2 check-ins", nu244, nu247)."""
        from planner_tui.services import journal

        began = self.began_from or {}
        texts = {key: str(began.get(key) or "").strip() for key in TEXTS}
        if self.entry is not None or values.get("again") or not any(texts.values()):
            return
        texts = {key: text for key, text in texts.items() if text}
        found = self.planner.backend.read(
            partial(journal.saved_from_a_draft, day=day, since=self.opened, texts=texts)
        )
        if found is not None:
            raise Question(
                "Saved elsewhere meanwhile",
                words.check_in_saved_elsewhere(found.day),
                [("back", "Go back to the form"), ("again", "Save it as another check-in")],
            )

    def said_when_saved(self, result: JournalEntryRead) -> str:
        said = words.check_in_saved(result.day, *result.people_by_contact(), self.that_day)
        return f"{said}\n{words.HEAVY_DAY}" if result.felt_heavy else said

    def answered(self, answer: str | None, values: dict[str, Any]) -> None:
        if answer in ("move", "again"):
            self.save({**values, answer: True})
        elif answer == "keep" and self.entry is not None:  # saved, on the day it was for
            self.query_one("#day", Input).value = self.entry.day.isoformat()
            self.save({**self.values(), "move": True})
        elif answer == "new":  # as a check-in written afresh, on the day it holds; its
            today = self.entry is not None and self.entry.day == clock.check_in_day()  # draft kept
            self.keep_under(NEW_CHECKIN_DRAFT if today else ANOTHER_CHECKIN_DRAFT)  # where
            self.entry = None  # c (or the Journal's n) finds it, not under the one deleted
            self.save(values)

    # ---------------------------------------------------------------- leaving

    def action_leave(self) -> None:
        if not self.dirty:
            self.closed_without_asking()
            return
        from planner_tui.ui.modals.confirm import Choice

        def answered(answer: str | None) -> None:
            if answer == "keep":
                super(JournalForm, self).action_leave()
            elif answer == "discard":
                self.discard()  # asked already

        self.app.push_screen(
            Choice(
                "Keep what you wrote?",
                "Keep it as a draft for next time, or let it go.",
                [("keep", "Keep the draft"), ("discard", "Discard it"), ("write", "Keep writing")],
            ),
            answered,
        )
