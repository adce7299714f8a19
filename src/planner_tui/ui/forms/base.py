"""What every form shares: drafts that survive anything, inline messages, saving off-thread.

Every change is written to a draft (after a short pause in typing); Escape on a changed
form keeps the draft and says so; the next time the same form opens, it picks up there.
Saving runs the service in a worker; a refusal (empty name, duplicate...) is shown beside
the field and nothing typed is lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.events import DescendantFocus, Key, Paste
from textual.message import Message
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    Label,
    RadioSet,
    Select,
    SelectionList,
    Static,
    TextArea,
)
from textual.widgets._toggle_button import ToggleButton

from planner_tui import clock, words
from planner_tui.daily import KEPT, kept_at
from planner_tui.errors import InvalidInput, NotFound, PlannerError, StorageError
from planner_tui.terminal import edited_back, shorten
from planner_tui.ui.screens.base import KeepsStyles, ViewScreen, shown, text
from planner_tui.ui.widgets.answers import Answers, space_presses
from planner_tui.ui.widgets.fields import OneName, TextBox, TextField
from planner_tui.ui.widgets.footer import DialogFooter

if TYPE_CHECKING:
    from rich.text import Text
    from textual.visual import VisualType

    from planner_tui.db.models import PersonRead
    from planner_tui.services import drafts
    from planner_tui.ui.app import PlannerApp
    from planner_tui.when import Lean

R = TypeVar("R")
DRAFT_PAUSE = 0.4
YEAR_KEPT = "year-kept"
"""The answer (and, saving again, the value) that keeps a time over a year ago."""
AT = "_at"
"""In a draft: the field the cursor was in, which takes it again when the draft is back."""
BASE = "_base"
"""In a draft: the fields as the form showed what was stored when the words were typed, so
that a draft taken back changes only what was typed in it, not what another window saved
since."""
MOVED_APART = timedelta(hours=1)
"""A time word in a draft reopened later is put as it was meant once it means another day,
or a time this far from what it meant ("now", "in 2 hours")."""


class Field(Static):
    """A field's label; its message line (hidden until there is something to say) follows."""

    def __init__(self, label: str, **kwargs: Any) -> None:
        super().__init__(label, markup=False, classes="field-label", **kwargs)


class Line(Static):
    """Words a form rewrites as one types (a read-back, a note, a count): always text, never
    markup, and laid out again only when they change. Each key checks the whole form, and
    each update lays the whole form out: in the check-in a third of a key's work went to
    rewriting lines with the words they held already."""

    def __init__(self, content: str | Text = "", **kwargs: Any) -> None:
        super().__init__(content, markup=False, **kwargs)
        self._words: object = (content, None)

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        words = (content, getattr(content, "style", None))  # a Text's equality skips its style
        if words == self._words:
            return
        self._words = words
        super().update(content, layout=layout)


LOOK_ABOVE = "Something above needs a look before this can be saved."
"""Said by the buttons when saving found a field's note to look at."""

STILL_SAVING_AFTER = 1.5
"""Seconds a save may take before the form says what it waits for: while another program
writes to the planner, a save waits its turn for up to the busy timeout (15 s), and the form
looked as if ctrl+s had done nothing."""


class Problem(Line):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__("", classes="problem", **kwargs)
        self.display = False
        self.message = ""

    def say(self, message: str | None) -> None:
        self.message = message or ""
        self.display = bool(message)
        self.update(text(message) if message else "")  # "" as it was made: no layout


class PeopleChips(Vertical):
    """People picked by name: type, Enter adds them (names from the map are suggested);
    backspace in the empty box takes the last one off again. *lead* begins the line that
    names them: "With" for a contact; a check-in's people are what it is "About" (with
    "With: Tom" above an unticked "We were in touch", a mention read as a contact, nu183)."""

    DEFAULT_CSS = "PeopleChips { height: auto; }"

    class Changed(Message):
        def __init__(self, chips: PeopleChips) -> None:
            super().__init__()
            self.chips = chips

    def __init__(self, *, lead: str = "With", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.lead = lead
        self.known: dict[int, PersonRead] = {}
        self.chosen: list[int] = []

    def compose(self) -> ComposeResult:
        yield TextField(id="who")
        yield Line(id="chosen")
        yield Problem(id="people-problem")

    def set_people(self, people: list[PersonRead]) -> None:
        self.known = {p.id: p for p in people}
        names = [(p.name, p.nickname) for p in people if not p.archived]
        self.query_one("#who", Input).suggester = OneName(names)

    @property
    def typing(self) -> str:
        return self.query_one("#who", Input).value

    def set(self, person_ids: list[int], typing: str = "") -> None:
        self.chosen = [i for i in person_ids if i in self.known]
        self.query_one("#who", Input).value = typing
        self.show()

    def named(self, typed: str) -> list[PersonRead]:
        """Whom *typed* names, by the rule every name is matched by (planner_tui.names), or
        by their number (``#4``, shown beside a name two people share); else whom a word of
        their name begins with it, as the wizard's list finds them (`hub` for Wolfe
        Hubert: "No one called 'hub'" here, nu245)."""
        from planner_tui.names import people_begun, people_meant

        here = [p for p in self.known.values() if not p.archived]
        return [self.known[i] for i in people_meant(typed, here) or people_begun(typed, here)]

    @on(Input.Submitted, "#who")
    def add(self, event: Input.Submitted) -> None:
        """Enter adds the person named; in an empty box it goes on to the next, as in every
        box of a form (it stayed, without a word, and a run of Enters went nowhere)."""
        event.stop()
        if not event.value.strip():
            self.screen.focus_next()
            return
        self.query_one("#people-problem", Problem).say(self.take_typed())

    def take_typed(self) -> str | None:
        """Add the person whose name is in the box, as Enter does; what to say if no one
        is called that (None: added, or nothing typed). Saving does this too: a name typed
        and not yet added was dropped without a word."""
        who = self.query_one("#who", Input)
        typed = who.value.strip()
        if not typed:
            return None
        found = self.named(typed)
        # Enter takes the name the box is suggesting, as the right arrow would.
        shown = who._suggestion  # Textual keeps no public name for it
        if not found and shown:
            found = self.named(shown)
        if len(found) > 1:  # two of one name, or a first name several share
            return words.several_called(typed, [p.name for p in found], [p.id for p in found])
        if not found:
            from planner_tui.names import people_meant

            archived = [p for p in self.known.values() if p.archived]
            if gone := [self.known[i] for i in people_meant(typed, archived)]:
                # "add them on the Map first" made a second of someone archived
                return words.archived_person(gone[0].name)
            # (from a form open over the Map, "m, then n" typed them into the form, nu199)
            return (
                f"No one called {words.quoted(typed)} yet — to add them, close this form (what "
                "you wrote can be kept), then press n on the Map."
            )
        [person] = found
        if person.id not in self.chosen:
            self.chosen.append(person.id)
        who.value = ""
        self.show()
        self.post_message(self.Changed(self))
        return None

    def on_key(self, event: Key) -> None:
        who = self.query_one("#who", Input)
        if event.key == "backspace" and who.has_focus and not who.value and self.chosen:
            event.stop()
            self.chosen.pop()
            self.show()
            self.post_message(self.Changed(self))

    def show(self) -> None:
        from planner_tui.names import alike, as_told

        twins = alike(list(self.known.values()))
        names = [
            as_told(p.id, shorten(p.name, 40), twins)
            for p in (self.known[i] for i in self.chosen if i in self.known)
        ]
        self.query_one("#chosen", Static).update(
            text(f"{self.lead}: " + ", ".join(names) + "   (backspace removes the last)")
            if names
            else ""
        )


class Question(PlannerError):
    """Raised by :meth:`FormScreen.submit` when the person should decide something first;
    their answer goes to :meth:`FormScreen.answered`."""

    def __init__(self, title: str, message: str, answers: list[tuple[str, str]]) -> None:
        super().__init__(message)
        self.title = title
        self.answers = answers


class Settled(PlannerError):
    """Raised by :meth:`FormScreen.load_choices` (or :meth:`FormScreen.submit`) when what
    the form is for was done meanwhile, elsewhere (a step's outcome, recorded on another
    computer): the form closes saying so. Keys typed into it meanwhile (held until it was
    ready) are dropped with the bell: they were meant for the form, not for the view under
    it."""


ADD_NOTE = "add_note"
"""The answer that adds a form's words to an outcome recorded meanwhile, elsewhere."""


class FormScreen(KeepsStyles, DialogFooter, ModalScreen[R | None], Generic[R]):
    TITLE: ClassVar[str] = ""
    AUTO_FOCUS = ""
    """None of Textual's: the first field takes the focus once mounted (see on_mount).
    Textual's would focus the page first, re-styling every field as it gains and loses it."""
    START_IN: ClassVar[str] = ""
    """The field the cursor starts in when not the first (a selector)."""
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),  # not priority: it must queue behind typed keys
        Binding("escape", "leave", "Close (keeps a draft)"),
        Binding("ctrl+l", "discard", "Discard"),
        # With nothing selected to copy: how to leave (it did nothing here, nu275).
        Binding("ctrl+c", "app.help_quit", "How to leave", show=False),
    ]
    SETTLED_BY_TYPING: ClassVar[frozenset[str]] = frozenset({LOOK_ABOVE})
    """What the line by the buttons may say that goes once no field has a note (other
    refusals — the file busy, a text too long — stay until the next save)."""
    SAVE_LABEL: ClassVar[str] = "Save"
    CLOSE_LABEL: ClassVar[str] = "Close"
    """The buttons' words (a form that asks to end something says so on them)."""
    MOMENTS: ClassVar[dict[str, tuple[Lean, bool]]] = {}
    """Fields read as a time from now ("today", "yesterday evening"), each with the way
    it leans and whether a day (not a time) is asked for: a draft reopened on another day
    has what they meant when written in their place (:meth:`as_meant_then`)."""
    WORDS: ClassVar[str] = ""
    """The box for the form's own words (a selector), where words typed or pasted where no
    box takes them go on (:meth:`write_in_words`)."""
    FIELD_WORDS: ClassVar[dict[str, str]] = {}
    """A field's id → what a sentence calls it ("rhythm" for ``cadence``); else its id."""
    ITEM_FIELDS: ClassVar[dict[str, str]] = {}
    """A list field's items, each its own field: its name → the id of the field for item
    ``{n}`` (and its ``{part}``), where a refusal about one of them puts the cursor."""

    def __init__(self, draft_key: str, initial: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.draft_key = draft_key
        self._draft_row = f"{draft_key}#{uuid.uuid4().hex[:12]}"
        """Where this form keeps its draft: a row of its own, so another window's draft of
        the same record is never written over or removed (see services/drafts.py)."""
        self._taken: drafts.Taken | None = None
        """The draft taken back as the form opened, let go once this form's own draft, save
        or discard has taken its place (unless another window writes it again meanwhile)."""
        self.began_from: dict[str, Any] | None = None
        """The draft this form began from (kept after its own draft takes its place), and
        :attr:`opened`, when the form opened."""
        self.opened = clock.now()
        self._moved_from: str | None = None
        """The row this form kept its draft in before :meth:`keep_under`, let go with the
        next write."""
        self.initial = initial or {}
        self.dirty = False
        self.ready = False
        self.leaving = False
        """Whether the form is closing once its draft is written (:meth:`action_leave`)."""
        self._draft_timer: Timer | None = None
        self._kept_closing: dict[str, Any] | None = None
        """What :meth:`keep_now` wrote as the app began to close."""
        self._unsaved: dict[str, Any] | None = None
        """The fields as last typed, until the form closes or saves (written again on
        quitting: a draft on its way in a thread might not be waited for)."""
        self.heading = self.TITLE
        self._as_opened: dict[str, Any] | None = None
        """The fields as the form opened (with its draft), to tell real changes apart."""
        self._as_mounted: dict[str, Any] = {}
        """The fields before the draft loaded, to keep what is typed in the meantime."""
        self._draft_lock = threading.Lock()
        self._closing_unanswered = False
        """Whether a draft written as the app closed waited in vain (see _write_as_closing)."""
        self._at: str | None = None
        """The field with the cursor (its id), kept with a draft."""
        self._written: datetime | None = None
        """When the draft taken back was written, until something in it changes."""
        self._planner: PlannerApp | None = None
        self._kept_elsewhere: list[str] = []
        """Fields that took a change made elsewhere while the form was open (said on saving)."""
        self.save_tried = False
        """Whether ctrl+s came already (held keys pass on before the draft, at worst)."""
        self._still_saving = ""
        """What the buttons say while a save waits for another program's write."""
        self._saves = 0
        """Counts saves and drafts let go: a draft written for what was typed before one
        (its thread late, under load) must not bring back what was just saved or let go."""
        self._notes: tuple[list[Problem], dict[str, Widget]] | None = None
        """The form's notes, and its notes and read-backs by id (see :meth:`notes`)."""

    @property
    def planner(self) -> PlannerApp:
        """The app, kept from when the form was mounted: a draft written or let go in the
        app's thread after the form has closed still reaches it."""
        if self._planner is not None:
            return self._planner
        from planner_tui.ui.app import PlannerApp

        assert isinstance(self.app, PlannerApp)
        return self.app

    # ---------------------------------------------------------------- subclasses fill in

    def compose_fields(self) -> ComposeResult:
        yield from ()

    def values(self) -> dict[str, Any]:
        """The form's fields as JSON-ready values (what a draft stores)."""
        return {}

    def fill(self, values: dict[str, Any]) -> None:
        """Put stored values back into the fields."""

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        """Quick checks while typing: field id → message."""
        return {}

    def submit(self, values: dict[str, Any]) -> R:
        """Runs in a worker thread: write through the services and return the result."""
        raise NotImplementedError

    def in_words(self, field: str, value: Any) -> Any:
        """A stored value as a question about it quotes it: text as it is; a form whose
        fields hold choices by number says which."""
        return value

    def stored_now(self) -> dict[str, Any] | None:
        """Runs in the save's thread: what the form changes, read again as :attr:`initial`
        holds it, so that a change made meanwhile elsewhere (another window, the command
        line) is kept, not saved over (see :meth:`take_theirs`). None: nothing stored to
        compare (a form for something new)."""
        return None

    # ---------------------------------------------------------------- shared behaviour

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog form", can_focus=False):  # its fields scroll it
            yield Label(text(self.heading), classes="dialog-title")
            yield Line(id="draft-note", classes="muted")
            yield from self.compose_fields()
            yield Problem(id="form-problem")
            yield Answers(
                Button(f"{self.SAVE_LABEL}  ctrl+s", id="save", variant="primary"),
                Button(f"{self.CLOSE_LABEL}  esc", id="close"),
            )

    def on_mount(self) -> None:
        self._planner = self.planner  # kept for after the form closes
        self.query_one("#draft-note").display = False
        self.fill(self.initial)
        self._as_mounted = self.values()
        first = self.query_one(self.START_IN) if self.START_IN else None
        first = first or next(iter(self.query("Input, TextArea")), None)
        first = first or next((w for w in self.query(".form *") if w.focusable), None)
        if first is not None:
            first.focus()
        self.load_draft()

    @property
    def ready_for_keys(self) -> bool:
        """Keys typed ahead wait until the form has its choices and draft (see
        planner_tui.ui.typeahead): Enter on a list that is still empty would pick nothing."""
        return self.ready and not self.leaving

    def load_choices(self) -> Any:
        """Runs in a worker: what the form needs from the data before a draft can be put
        back (the people to choose from, say). Handed to :meth:`use_choices`."""
        return None

    def use_choices(self, choices: Any) -> None:
        pass

    def accepts_draft(self, draft: dict[str, Any]) -> bool:
        return True

    def draft_held(self) -> str:
        """What a restored draft holds, in a line, when the page it opens on doesn't show
        it (forms of several pages override this)."""
        return ""

    def holds_something(self, values: dict[str, Any]) -> bool:
        """Whether *values* hold anything worth a draft: not the form as it opened (a new
        person's form typed in and emptied again is no draft, nor offered back as one)."""
        return values != self._as_mounted

    @work(thread=True, group="draft")
    def load_draft(self) -> None:
        from planner_tui.services import drafts

        try:
            try:
                choices = self.load_choices()
            except Settled as settled:  # with the draft kept for it, if any: its words
                found = self.planner.backend.read(partial(drafts.find_draft, key=self.draft_key))
                if found is not None:
                    self._taken = (found[0], dict(found[1]))
                self.app.call_from_thread(self._settled, str(settled), found and found[1])
                return
            try:
                stored = self.stored_now()
            except NotFound:
                stored = None  # deleted meanwhile: saving says so
            found = self.draft_found()
        except PlannerError as error:  # the data can't be read now (damaged, locked): said
            self.app.call_from_thread(self._loaded)
            self.app.call_from_thread(self.refused, str(error), None)
            return
        except Exception:
            self.app.call_from_thread(self._loaded)  # said by the app; keys go on
            raise
        draft = None
        if found is not None:
            self._taken = (found[0], dict(found[1]))
            self.began_from = dict(found[1])
            draft = self.picked_up(found[1], stored)
        self.app.call_from_thread(self._restore, draft, choices, stored)

    def draft_found(self) -> drafts.Taken | None:
        """In a worker: the draft the form picks up (kept under its own key)."""
        from planner_tui.services import drafts

        return self.planner.backend.read(partial(drafts.find_draft, key=self.draft_key))

    def picked_up(self, draft: dict[str, Any], stored: dict[str, Any] | None) -> dict[str, Any]:
        """The draft found (:meth:`draft_found`) as the form fills it in: as it was kept."""
        return draft

    def _settled(self, message: str, draft: dict[str, Any] | None) -> None:
        """What the form is for was done meanwhile, elsewhere: it closes saying so, and
        its draft goes (:meth:`settled_with_words` may offer the words a new home)."""
        if self.planner.drop_typed_ahead():
            self.app.bell()
        self._loaded()
        if not self.is_attached:
            return
        self.forget_unsaved()  # nothing for closing to keep (a save found it settled)
        self.dismiss(None)
        if draft is None or not self.settled_with_words(message, draft):
            self.app.notify(message)
            self.app.run_worker(self.drop_draft, thread=True, group="draft")

    def settled_with_words(self, message: str, draft: dict[str, Any]) -> bool:
        """Whether *draft* holds words worth offering a home once the form has closed
        as settled elsewhere (asked, then, by the form); by default, none."""
        return False

    def _restore(
        self,
        draft: dict[str, Any] | None,
        choices: Any = None,
        stored: dict[str, Any] | None = None,
    ) -> None:
        if not self.is_attached:  # closed (Escape) before its data came: nothing to fill
            self.planner.keys_may_go_on()
            return
        # Whatever was typed while the choices and draft were loading is newer than both.
        typed = {k: v for k, v in self.values().items() if v != self._as_mounted.get(k)}
        # What is stored now, when another window changed it after the view read it: the
        # form opens with that, not with the view's older copy.
        fresh = stored is not None and any(self.initial.get(k) != v for k, v in stored.items())
        if fresh:
            self.initial = {**self.initial, **(stored or {})}
        if choices is not None:
            self.use_choices(choices)
        if fresh:
            self.fill({**self.values(), **(stored or {})})
            self._as_mounted = self.values()
        at = draft.pop(AT, None) if draft else None
        written = kept_at(draft.pop(KEPT, None)) if draft else None
        base = draft.pop(BASE, None) if draft else None
        elsewhere: list[str] = []
        if draft and stored is not None and isinstance(base, dict):
            draft, elsewhere = self.typed_in_draft(draft, base)
            # Saving asks about them, as about any change made elsewhere while a form is
            # open: the note alone went unseen, and words another window had saved were
            # lost to a draft of its own (nu184).
            self.initial = {**self.initial, **{key: base[key] for key in elsewhere}}
        if draft and self.accepts_draft(draft) and self.holds_something(draft):
            meant = self.as_meant_then(draft, written) if written else {}
            self.fill({**draft, **meant})
            for field in self.query(TextField):  # words of theirs where a suggestion was
                if field.id and field.value != str(self._as_mounted.get(field.id, "")):
                    field.holds_own_words()
            # Where the person left off, not the form's first field (unless typed in).
            if isinstance(at, str) and at.replace("-", "_").isidentifier() and not typed:
                place = self.place_to_type(at)
                if place is not None:
                    place.focus()
            self.dirty = True
            note = self.query_one("#draft-note", Static)
            held = self.draft_held()
            said = f"Picked up where you left off (a saved draft){': ' + held if held else ''}"
            said += "" if said.endswith((".", "!", "?")) else "."
            if meant and written:
                said += " " + words.draft_times_kept([draft[f] for f in meant], written)
            if elsewhere:
                said += " " + words.draft_over_change(self.FIELD_WORDS, elsewhere)
            # Keys typed before the draft could be seen were meant for an empty form: added
            # to it they made one name of two, "FeGita", and a person of it (nu237).
            if self.planner.drop_typed_ahead():
                self.app.bell()
                said += " " + words.TYPED_BEFORE_DRAFT
            self._written = written  # written again unchanged, it is still from then
            note.update(said)
            note.display = True
        if typed:
            self.fill({**self.values(), **typed})
            self.dirty = True
        if isinstance(self.focused, TextField | TextBox):  # filled since it took the focus
            self.focused.place_cursor()
        self._as_opened = self.values()
        # Shown with the choices, in the same layout (one after the next refresh cost
        # every form a layout of its own, issue 18). Keys typed ahead come after.
        self.show_problems_of_draft()
        self._loaded()

    def typed_in_draft(
        self, draft: dict[str, Any], base: dict[str, Any]
    ) -> tuple[dict[str, Any], list[str]]:
        """Of a draft written against *base* (the fields as stored then), the fields typed
        in it, over what the form shows as stored now; and of those, the ones changed
        elsewhere since, said in the draft's note. Taken back whole, a draft kept in one
        window put back what another had saved since."""
        now = self.values()
        typed = {k: v for k, v in draft.items() if k not in base or base[k] != v}
        elsewhere = [
            k for k in typed if k in base and now.get(k, base[k]) not in (base[k], typed[k])
        ]
        return {**now, **typed}, elsewhere

    def as_meant_then(self, draft: dict[str, Any], then: datetime) -> dict[str, str]:
        """The time fields of *draft* (written at *then*) whose words now mean another
        time, each as the date it meant then: a check-in's "today" kept overnight was
        saved under the next day."""
        from planner_tui.when import parse_when, typed

        meant = {}
        for field, (lean, day) in self.MOMENTS.items():
            said = draft.get(field)
            if not isinstance(said, str) or not said.strip():
                continue
            try:
                was = parse_when(said, lean=lean, now=then, day=day)
                now = parse_when(said, lean=lean, day=day)
            except PlannerError:
                continue  # words that mean no time: the form says so, as when typed
            if was.date() != now.date() or abs(was - now) >= MOVED_APART:
                meant[field] = typed(was, day=day)
        return meant

    def show_problems_of_draft(self) -> None:
        """What :meth:`check` finds in the fields as opened — unless ctrl+s came already
        (clicked while the form opened, say): its notes stand, including a refusal check()
        can't see."""
        if not self.save_tried:
            self.show_problems()

    def _loaded(self) -> None:
        self.ready = True
        self.planner.keys_may_go_on()

    def changed(self) -> None:
        """Any field changed: check inline, and keep a draft once typing pauses."""
        if not self.ready:
            return
        values = self.values()
        if not self.dirty and values == self._as_opened:
            return  # the echo of filling the form in, not a change
        self.dirty = True
        self._unsaved = values
        if values != self._as_opened:
            self._written = None  # changed now: its words are from now
        self.show_problems(self.check(values))
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_PAUSE, self.keep_draft)

    def on_key(self, event: Key) -> None:
        """A letter typed on a tick box, a choice or a button went nowhere, unseen (nu153:
        "Lovely chat…" typed on "They listened to me"): it goes on in the form's words.
        Space on a button presses it, as Enter does (:func:`space_presses`)."""
        if space_presses(self, event):
            return
        if (
            event.is_printable
            and event.character not in (None, " ")  # space ticks
            and isinstance(self.focused, ToggleButton | RadioSet | Button)
        ):
            event.stop()
            event.prevent_default()
            if (event.character or "").isdigit():  # a score or a warmth gone astray: not words
                self.app.bell()
                return
            self.write_in_words(event.character or "")

    def on_paste(self, event: Paste) -> None:
        """The same for a paste anywhere but a box for text (a list of ticks too: a whole
        page pasted there vanished)."""
        if event.text and not isinstance(self.focused, Input | TextArea):
            event.stop()
            event.prevent_default()
            self.write_in_words(event.text)

    def write_in_words(self, typed: str) -> None:
        """*typed* goes on at the end of the form's box for words (:attr:`WORDS`), which
        takes the cursor; a form with none rings the bell, so nothing vanishes unsaid."""
        if not self.WORDS:
            self.app.bell()
            return
        box = self.query_one(self.WORDS, TextBox)
        box.focus(scroll_visible=False)
        box.place_cursor()
        if not box.text:
            typed = typed.lstrip(" ")  # a space to begin an empty note with (nu212)
        elif not box.text[-1].isspace() and not typed[:1].isspace():
            typed = " " + typed  # apart from the words already there
        if typed:
            box.insert(typed)
        self.call_after_refresh(box.scroll_visible, animate=False)

    @on(TextField.Refused)
    def _key_refused(self, event: TextField.Refused) -> None:
        """Said in the first note under the box (the scores share one)."""
        below = False
        for widget in self.query("*"):
            if widget is event.field:
                below = True
            elif below and isinstance(widget, Problem):
                widget.say(event.field.refused)
                # In sight: at 80×24 the scores' note was below the form's edge, and the
                # key seemed to do nothing.
                widget.call_after_refresh(widget.scroll_visible, animate=False)
                return

    @on(Input.Changed)
    @on(PeopleChips.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(SelectionList.SelectedChanged)
    @on(Checkbox.Changed)
    @on(RadioSet.Changed)
    def _field_changed(self) -> None:
        self.changed()

    def preview(self, key: str, read: Callable[[], str]) -> str | None:
        """Shows under field `key` how its text was read ("→ …"); returns the problem, if any."""
        shown = self.query_one(f"#{key}-preview", Static)
        try:
            shown.update(text("→ " + read()))
        except InvalidInput as error:
            shown.update("")
            return str(error)
        return None

    def show_problems(self, problems: dict[str, str] | None = None) -> None:
        """Each field's message (from :meth:`check`, run now unless given) beside it."""
        if problems is None:
            problems = self.check(self.values())
        notes, by_id = self.notes()
        pointer = None
        for problem in notes:
            if problem.id == "form-problem":
                pointer = problem
            elif problem.id:
                problem.say(problems.get(problem.id.removesuffix("-problem")))
        notes_shown = any(shown(p) for p in notes if p is not pointer)
        if pointer is not None and not notes_shown and pointer.message in self.SETTLED_BY_TYPING:
            # every note it pointed to is gone (a wizard's other pages may still have theirs,
            # out of sight), or the form is no longer empty
            pointer.say(None)
        # A field's read-back ("→ Tue 29 Dec…") never stands above a message that says its
        # text couldn't be used: it would be from an earlier text, or contradict it.
        for key in problems:
            read_back = by_id.get(f"{key.replace('_', '-')}-preview")
            if isinstance(read_back, Static):
                read_back.update("")
        typing_in = self.focused
        below = self.said_under(typing_in) if typing_in is not None else None
        if below is not None:
            # The note on what is being typed, in view with it: at 60×20, "That is still to
            # come" stood below the form's edge while "tomorrow" was typed (nu160)
            self.into_view(below, typing_in)

    def said_under(self, field: Widget) -> Widget | None:
        """What the form shows under *field*: its note while it has one, else the line that
        says how its text was read ("→ Saturday 21 November"), if it has such a line."""
        if not field.id:
            return None
        by_id = self.notes()[1]
        note = by_id.get(f"{field.id}-problem")
        if note is not None and shown(note):
            return note
        return by_id.get(f"{field.id.replace('_', '-')}-preview")

    def notes(self) -> tuple[list[Problem], dict[str, Widget]]:
        """The form's notes, and its notes and read-backs (``#KEY-problem``,
        ``#KEY-preview``) by id. Found once: they are checked on every key, each look walked
        the whole form, and a form adds or removes none of them once it is mounted."""
        if self._notes is not None:
            return self._notes
        notes = list(self.query(Problem))
        by_id = {
            w.id: w for w in self.query("*") if w.id and w.id.endswith(("-problem", "-preview"))
        }
        if self.is_mounted:
            self._notes = notes, by_id
        return notes, by_id

    @property
    def save_button(self) -> Widget | None:
        return next(iter(self.query("#save")), None)  # (the wizard's pages have their own)

    def focus_next(self, selector: str | type[Widget] = "*") -> Widget | None:
        """Tab (and Enter moving on): the box reached is in view once laid out. Textual
        looks as the focus moves, before the layout has caught up: after a burst of Tabs
        the cue's box sat below the wizard's edge at 100×30 (nu209, nu211)."""
        return self._kept_in_view(super().focus_next(selector))

    def focus_previous(self, selector: str | type[Widget] = "*") -> Widget | None:
        return self._kept_in_view(super().focus_previous(selector))

    def _kept_in_view(self, widget: Widget | None) -> Widget | None:
        """A box for text (a question's answers and lists come into view their own way,
        with what they answer)."""
        if isinstance(widget, Input | TextArea):

            def scroll() -> None:
                if self.focused is widget:
                    widget.scroll_visible(animate=False, immediate=True)

            self.call_after_refresh(scroll)
        return widget

    def into_view(self, *places: Widget | None) -> None:
        """Once laid out, each of *places* scrolled into view in turn (the last one typed in
        stays in view however far the others took the form)."""

        def scroll() -> None:
            for place in places:
                if place is not None:
                    place.scroll_visible(animate=False, immediate=True)

        self.call_after_refresh(scroll)

    def keep_draft(self) -> None:
        self._draft_timer = None
        # Kept until the form closes or saves: quitting while this write is on its way
        # (ctrl+q just after the pause) writes it again rather than trusting a thread the
        # app may not wait for.
        values = self._unsaved
        if values is not None:
            saves = self._saves
            self.run_worker(lambda: self._write_draft(values, saves), thread=True, group="draft")

    def keep_typed(self) -> None:
        """The app is closing: what the fields hold now is what on_unmount writes. A field
        has its text the moment a key reaches it, but its Changed message may still be on
        its way to the form, and a closing app drops it."""
        if self.ready and self.is_mounted:
            values = self.values()
            if (self.dirty or values != self._as_opened) and values != self._kept_closing:
                self._unsaved = values

    async def keep_now(self) -> PlannerError | None:
        """The app is about to close: what the fields hold, written as the draft now (a
        small write, once, in a thread: the app answers meanwhile); what stopped it, if
        anything."""
        self.keep_typed()
        if self._unsaved is None:
            return None
        waiting = self.set_timer(STILL_SAVING_AFTER, self.still_saving)  # as a save says
        error = await asyncio.to_thread(self._write_as_closing, self._unsaved)
        self.save_over(waiting)
        if error is None:  # kept: closing doesn't write the same again
            self._kept_closing, self._unsaved = self._unsaved, None
        return error

    def on_unmount(self) -> None:
        # Closing the app mid-pause or mid-write (ctrl+q) must not lose the last words typed.
        self.write_unsaved()

    def write_unsaved(self) -> None:
        """The app is closing: what the fields hold and no draft holds yet, written now."""
        self.stop_draft_timer()
        if self._unsaved is not None:
            self._write_as_closing(self._unsaved)

    def _write_as_closing(self, values: dict[str, Any]) -> PlannerError | None:
        """*values* written as the draft while the app closes, waited for — but not for
        ever: a database server that stopped answering held the app, frozen, as it closed.
        Once the planner hasn't answered, closing doesn't wait for it again."""
        if self._closing_unanswered:
            return StorageError(words.NO_ANSWER_AS_CLOSING)
        saves = self._saves
        try:
            return self.planner.threads.call(
                lambda: self._write_draft(values, saves, from_worker=False)
            )
        except TimeoutError:
            self._closing_unanswered = True
            return StorageError(words.NO_ANSWER_AS_CLOSING)

    def _write_draft(
        self, values: dict[str, Any], saves: int, *, from_worker: bool = True
    ) -> PlannerError | None:
        """Write *values* as the form's draft (or let the draft go, when they hold nothing);
        what stopped it, if anything."""
        from planner_tui.services import drafts

        try:
            with self._draft_lock:
                if saves != self._saves:
                    return None  # typed before a save that has happened since
                keep = self.holds_something(values)  # all of it taken out: no draft
                self.planner.backend.write(
                    partial(
                        drafts.save_draft,
                        key=self._draft_row,
                        payload={
                            **values,
                            AT: self._at,
                            KEPT: self._kept_now(),
                            BASE: self._as_mounted,
                        },
                        taken=self._taken,
                        moved_from=self._moved_from,
                    )
                    if keep
                    else self._draft_goes(),
                    affects_views=False,
                )
                self._taken = self._moved_from = None  # its words are in its own draft now
            if from_worker:
                self._tell_view_below()
        except PlannerError as error:
            if from_worker:
                self.planner.call_from_thread(self.planner.notify, str(error), severity="error")
            return error
        return None

    def _tell_view_below(self) -> None:
        """In a draft's thread, after its write: see :meth:`_view_below_moved_on` (nothing,
        once the app has closed: the write may end after it)."""
        with contextlib.suppress(RuntimeError):  # Textual: "App is not running"
            self.planner.call_from_thread(self._view_below_moved_on)

    def _view_below_moved_on(self) -> None:
        """After a draft write: the form has closed onto a view that shows drafts (Today
        says when a check-in waits as one), which reads again if that changed."""
        screen = self.app.screen
        if isinstance(screen, ViewScreen):
            screen.reload_if_moved_on()

    def _kept_now(self) -> str:
        """A draft's :data:`KEPT`: when its words were written (a draft taken back and kept
        again unchanged was written then, not now)."""
        return (self._written or clock.now()).astimezone(UTC).isoformat()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "close":
            self.action_leave()

    def action_leave(self) -> None:
        """Close, keeping what was typed as a draft. The form closes once the draft is
        written, and stays open when it can't be (a full disk: it said "Kept", closed, and
        the words were gone); keys typed meanwhile wait (:attr:`ready_for_keys`)."""
        self.forget_unsaved()  # written just below, with whatever was typed last
        if not self.dirty:
            self.closed_without_asking()
            return
        values, saves = self.values(), self._saves
        self.leaving = True
        # Waiting for another program's write, it says so, as a save does (it sat 15 s
        # with nothing on screen, nu248).
        waiting = self.set_timer(STILL_SAVING_AFTER, self.still_saving)

        def write() -> None:
            error = self._write_draft(values, saves, from_worker=False)
            with contextlib.suppress(RuntimeError):  # Textual: "App is not running"
                self.planner.call_from_thread(self._left, values, error, waiting)
            if error is None:
                self._tell_view_below()

        self.run_worker(write, thread=True, group="draft")

    def _left(self, values: dict[str, Any], error: PlannerError | None, waiting: Timer) -> None:
        """The draft of :meth:`action_leave` is written, or *error* stopped it."""
        self.leaving = False
        self.save_over(waiting)
        if error is not None:
            self.app.notify(f"{error} What you wrote is still here.", severity="error")
            # The keys typed after Escape were for after the form, as after a refused save:
            # they went into its field ("Eve" became "Eveab", nu248). Dropped, and any that
            # reached a field as Escape began are taken out: the form is as it was left.
            self.keys_after_save_dropped()
            if self.values() != values:
                self.fill(values)
            self.planner.keys_may_go_on()
            return
        if self.holds_something(values):
            self.app.notify("Kept as a draft — it will be here when you open this again.")
        self.dismiss(None)

    def action_discard(self) -> None:
        """Close and keep nothing: what was typed, and the draft taken back, go (a draft too
        long to save could otherwise never be got rid of) — asked first when words were
        typed: ctrl+l is many a terminal's "clear the screen", pressed out of habit, and a
        half-written check-in went with no undo."""
        if self.dirty and self.holds_something(self.values()):
            from planner_tui.ui.modals.confirm import Choice

            def answered(answer: str | None) -> None:
                if answer == "discard":
                    self.discard()

            self.app.push_screen(
                Choice(
                    "Discard what you typed here?",
                    "It isn't kept as a draft, and undo can't bring it back. Whatever was "
                    "saved before stays as it was.",
                    [("keep", "Keep writing"), ("discard", "Discard it")],
                ),
                answered,
            )
            return
        self.answers_typed_ahead_dropped()
        self.discard()

    def closed_without_asking(self) -> None:
        """Nothing to keep: closed at once (see :meth:`answers_typed_ahead_dropped`)."""
        self.answers_typed_ahead_dropped()
        self.dismiss(None)

    def answers_typed_ahead_dropped(self) -> None:
        """Closing without a question, the answer typed ahead for the one that did not
        come is dropped with the bell, not passed to the view under it (nu231: `right
        enter` opened the person under the form)."""
        if self.planner.drop_answers_typed_ahead():
            self.app.bell()

    def discard(self) -> None:
        had = self.dirty
        self.forget_unsaved()
        self.dirty = False
        self.app.run_worker(self.drop_draft, thread=True, group="draft")  # outlives the form
        if had:
            self.app.notify("Discarded.")
        self.dismiss(None)

    def action_save(self) -> None:
        self.save_tried = True
        chips = next(iter(self.query(PeopleChips)), None)
        not_added = chips.take_typed() if chips is not None else None
        values = self.as_stored(self.values())
        problems = self.check(values) | ({"people": not_added} if not_added else {})
        if problems:
            self.point_to(problems)
            self.keys_after_save_dropped()
            return
        self.save(values)

    def as_stored(self, values: dict[str, Any]) -> dict[str, Any]:
        """*values*, with each text left as the form showed it put back as it is stored. A
        box shows control characters as symbols (ESC as ␛, planner_tui.terminal.plain), so
        saving an entry imported with them stored the symbols instead, in the parts not
        edited too (terminal.edited_back)."""
        kept = dict(values)
        for key, value in values.items():
            stored, shown = self.initial.get(key), self._as_mounted.get(key)
            if isinstance(stored, str) and isinstance(shown, str) and isinstance(value, str):
                kept[key] = edited_back(stored, shown, value)
        return kept

    def point_to(self, problems: dict[str, str]) -> None:
        """Saving found something to look at: each note beside its field, and a line by the
        buttons. Forms of several pages take the person to the page with the first one."""
        self.show_problems(problems)
        self.query_one("#form-problem", Problem).say(LOOK_ABOVE)
        self.go_to_first_problem()

    def keys_after_save_dropped(self) -> None:
        """Keys typed after a save that was refused were meant for what comes after the
        form: they went into the field with the note instead (nu208: `l` after ctrl+s on
        an empty name). They are dropped, with the bell; the note says why."""
        if self.planner.drop_typed_ahead():
            self.app.bell()

    @work(thread=True, exclusive=True, group="save")
    def save(self, values: dict[str, Any]) -> None:
        waiting = self.app.call_from_thread(self.set_timer, STILL_SAVING_AFTER, self.still_saving)
        try:
            if self.changed_meanwhile():
                return
            with self.planner.backend.alongside(self._draft_goes()):
                result = self.submit(values)
        except Question as question:
            self.app.call_from_thread(self.ask, question, values)
            return
        except Settled as settled:  # done meanwhile, elsewhere: closes, saying so
            self.app.call_from_thread(self._settled, str(settled), None)
            return
        except InvalidInput as error:
            self.app.call_from_thread(self.refused, str(error), error.field)
            return
        except PlannerError as error:
            self.app.call_from_thread(self.refused, str(error), None)
            return
        finally:
            self.app.call_from_thread(self.save_over, waiting)
        self.app.call_from_thread(self.forget_unsaved)
        self.drop_draft()
        self.app.call_from_thread(self.saved, result)

    def still_saving(self) -> None:
        """A save still waiting after :data:`STILL_SAVING_AFTER`: said by the buttons."""
        from planner_tui.db.engine import busy_timeout_ms  # loaded by now: a save is running

        problem = self.query_one("#form-problem", Problem)
        on_file = self.planner.backend.database.dialect == "sqlite"
        problem.say(
            words.still_saving(busy_timeout_ms() / 1000)
            if on_file
            else words.STILL_SAVING_ON_SERVER
        )
        self.into_view(self.save_button, problem)
        self._still_saving = problem.message

    def save_over(self, waiting: Timer) -> None:
        waiting.stop()
        problem = self.query_one("#form-problem", Problem)
        if self._still_saving and problem.message == self._still_saving:
            problem.say(None)
        self._still_saving = ""

    def changed_meanwhile(self) -> bool:
        """In the save's thread: whether what the form changes was changed elsewhere since
        it opened; if so, the form takes that change in (:meth:`take_theirs`) before saving."""
        try:
            now = self.stored_now()
        except NotFound:
            return False  # deleted meanwhile: saving says so
        if now is None:
            return False
        theirs = [key for key, value in now.items() if value != self.initial.get(key)]
        if not theirs:
            return False
        self.app.call_from_thread(self.take_theirs, now, theirs)
        return True

    def take_theirs(self, now: dict[str, Any], theirs: list[str]) -> None:
        """Fields changed elsewhere meanwhile (*theirs*) and left alone here take that change;
        one changed on both sides is asked about. Saving over them without a word lost a
        nickname set in another window when a rhythm was saved here."""
        if not self.is_attached:
            return
        current = self.values()
        self.fill({**current, **self.initial})  # as it opened, once its choices had come
        opened = self.values()
        mine = {key: value for key, value in current.items() if value != opened.get(key)}
        before = self.initial
        self.initial = {**self.initial, **now}
        self.fill({**current, **now})
        self._as_mounted = self.values()  # the form as what is stored now shows it
        self.fill({**self._as_mounted, **mine})
        both = [key for key in theirs if key in mine and mine[key] != self._as_mounted[key]]
        # (one changed the same way here as there is neither kept from there nor asked about)
        self._kept_elsewhere = [key for key in theirs if key not in mine]
        if not both:
            self.action_save()
            return
        from planner_tui.ui.modals.confirm import Choice

        def answered(answer: str | None) -> None:
            if answer == "theirs":
                self.fill({**self.values(), **{key: self._as_mounted[key] for key in both}})
                self._kept_elsewhere += both
            if answer in ("mine", "theirs"):
                self.action_save()
            else:  # kept editing: the next save asks again (it saved over theirs unasked)
                self.initial = {**self.initial, **{key: before.get(key) for key in both}}

        answers = [  # Enter keeps editing: either of the others throws words away
            ("back", "Keep editing"),
            ("mine", "Save mine over it"),
            ("theirs", "Keep that change instead of mine"),
        ]
        now_said = {key: self.in_words(key, now[key]) for key in both}
        mine_said = {key: self.in_words(key, mine[key]) for key in both}
        message = words.changed_meanwhile(self.FIELD_WORDS, now_said, mine_said)
        self.app.push_screen(Choice("Changed elsewhere meanwhile", message, answers), answered)

    def keep_under(self, draft_key: str) -> None:
        """Keep the draft under *draft_key* from now on: the record it was kept for is gone,
        and its words are a new one's (kept under the old key, they were out of reach once
        the form closed). The row kept so far goes with the next write."""
        with self._draft_lock:
            self._moved_from = self._moved_from or self._draft_row
            self.draft_key = draft_key
            self._draft_row = f"{draft_key}#{uuid.uuid4().hex[:12]}"

    def _draft_goes(self) -> Callable[..., None]:
        """The form's draft let go (:func:`~planner_tui.services.drafts.discard_draft`), given a
        session."""
        from planner_tui.services import drafts

        return partial(
            drafts.discard_draft,
            key=self._draft_row,
            taken=self._taken,
            moved_from=self._moved_from,
        )

    def drop_draft(self) -> None:
        """In a worker: the draft goes (saved, or let go), and a draft write still on its
        way, for what was typed before, is not done after it (which brought it back). A
        draft that can't be let go (the file damaged or locked) is said, not raised: what
        was saved stays saved."""
        with self._draft_lock:
            self._saves += 1
            try:
                self.planner.backend.write(self._draft_goes(), affects_views=False)
                self._taken = self._moved_from = None
                self._tell_view_below()
            except PlannerError as error:  # the form may have closed: the app says it
                said = words.draft_not_let_go(str(error))
                self.planner.call_from_thread(self.planner.notify, said, severity="warning")

    def ask(self, question: Question, values: dict[str, Any]) -> None:
        from planner_tui.ui.modals.confirm import Choice

        def answered(answer: str | None) -> None:
            if answer == YEAR_KEPT:  # saved again, not asked again (see ask_year)
                self.save({**values, YEAR_KEPT: True})
            else:
                self.answered(answer, values)

        self.app.push_screen(Choice(question.title, str(question), question.answers), answered)

    def ask_year(self, moment: date, values: dict[str, Any], field: str = "when") -> None:
        """In :meth:`submit`: a day or time over a year ago typed in *field* is asked about
        once more on saving (the read-back's "is the year right?" was passed by, and
        someone added this year was then years overdue), as the command line refuses it
        without --anyway. One stored already, left as the form opened with it, is not."""
        from planner_tui.when import year_question

        asked = year_question(moment, str(values.get(field) or ""))
        if asked and self.typed_anew(values, field) and not values.get(YEAR_KEPT):
            raise Question(
                "Is the year right?",
                f"{asked} Kept, it is saved for that {'time' if isinstance(moment, datetime) else 'day'}.",
                [("edit", "Keep editing"), (YEAR_KEPT, "Yes, keep it")],
            )

    def year_asked(self, moment: date, values: dict[str, Any], field: str = "when") -> str:
        """What the read-back of *field* adds: the question :meth:`ask_year` asks on saving,
        of a day or time typed over a year away (opening a check-in of 2024 to read it asked
        whether its year was right, nu150)."""
        from planner_tui.when import year_asked

        return (
            year_asked(moment, str(values.get(field) or ""))
            if self.typed_anew(values, field)
            else ""
        )

    def typed_anew(self, values: dict[str, Any], field: str) -> bool:
        """Whether *field* holds other than the form opened with (a stored day or time is
        not questioned)."""
        return bool(values.get(field) != self.initial.get(field))

    def answered(self, answer: str | None, values: dict[str, Any]) -> None:
        """The reply to a :class:`Question`; forms that ask override this."""

    def refused(self, message: str, field: str | None) -> None:
        self.keys_after_save_dropped()
        name = (field or "").split(".")[0]
        target = self.notes()[1].get(f"{name}-problem") if name else None
        target = target if isinstance(target, Problem) else None
        (target or self.query_one("#form-problem", Problem)).say(message)
        if target is not None:
            self.query_one("#form-problem", Problem).say(None)
            self.go_to_first_problem()
        else:  # said by the buttons, scrolled into view (a check-in too long to save
            # said it out of sight below its box, and ctrl+s seemed to do nothing)
            if name and (place := next((w for w in self.query(f"#{name}") if w.focusable), None)):
                place.focus(scroll_visible=False)  # the cursor where the words are to change
            self.into_view(self.save_button, self.query_one("#form-problem", Problem))
        parts = (field or "").split(".")  # intentions.1, contacts.2.name: which of a list
        if len(parts) > 1 and parts[1].isdigit() and parts[0] in self.ITEM_FIELDS:
            item = self.ITEM_FIELDS[parts[0]].format(n=parts[1], part=".".join(parts[2:]))
            self.query_one(f"#{item}").focus()  # that one, not the last one typed in

    def go_to_first_problem(self) -> None:
        """Saving was refused: the first field with a note gets the cursor, and the form
        scrolls so that field and its note are both in view (a note far down a long form,
        at 80×24, would otherwise be off screen). A field's note is ``#NAME-problem``; its
        field is ``#NAME`` (or the first place to type inside it), else the last place to
        type before the note."""
        notes = [p for p in self.notes()[0] if p.id != "form-problem" and shown(p)]
        if not notes:
            return
        note = notes[0]
        field = self.field_of(note)
        if field is not None:
            field.focus(scroll_visible=False)

        # The last field's note: the buttons under it come into view first, then the note
        # and the field (a note under the check-in's Day box hid Save and Close, nu159).
        places = [w for w in self.query("*") if w.focusable]
        last = (
            field is not None
            and field in places
            and all(isinstance(w, Button) for w in places[places.index(field) + 1 :])
        )

        self.into_view(self.save_button if last else None, note, field)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in a box goes on to the next one, as Tab does, in every form; ctrl+s (or
        Enter on Save) saves. Where Enter saved (a check-in once, then an outcome, a contact,
        a step), it saved half filled in: a run of Enters after the wizard recorded a step
        just planned as done, how warm and the rest skipped. (The wizard's pages go on to
        the next page instead, and prevent this.)"""
        event.stop()
        self.focus_next()

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        if event.widget is not self.focused:
            # Overtaken: the word of a field deeper in the form comes up through more
            # parents, and came after the focus had moved on (to where a draft left off).
            return
        # Only a box to type in: Enter typed ahead on a button or a list taken back would act.
        if isinstance(event.widget, Input | TextArea):
            self._at = next((w.id for w in event.widget.ancestors_with_self if w.id), None)
        self.call_after_refresh(self.label_in_view, event.widget)

    def label_in_view(self, widget: Widget) -> None:
        """On a short screen, the form's top, or else the label just above the field with
        the focus, in view with it when both fit: at 40×12 the loneliness check's answers came into view without their
        question, so each was answered blind. (Taller, what comes after a field is worth
        more than its label: the field, and what the form says under it.)"""
        if not widget.is_attached:
            return
        if not self.has_class("-short"):
            # What the form shows under it too: at 100×40 the check-in's Day box was the
            # last row in view, its read-back out of sight below.
            below = self.said_under(widget)
            if below is not None:
                self.into_view(below, widget)
            return
        page = next(iter(self.query(".form")), None)
        if page is None:
            return
        field = next(
            (w for w in widget.ancestors_with_self if isinstance(w, Widget) and w.parent is page),
            None,
        )
        if field is None:
            return
        if field.virtual_region.bottom <= page.scrollable_content_region.height:
            # From the title down to it, it all fits: the title shows too (at 60x20 a
            # check-in opened scrolled to its scales, which one it was out of sight).
            page.scroll_to(y=0, animate=False, immediate=True)
            return
        siblings = list(page.children)
        above = [w for w in siblings[: siblings.index(field)] if w.display]
        if above and isinstance(above[-1], Field):
            label = above[-1]
            top, bottom = label.virtual_region.y, field.virtual_region.bottom
            if bottom - top <= page.scrollable_content_region.height:  # both fit: both shown
                page.scroll_to_region(
                    label.virtual_region.union(field.virtual_region), animate=False, immediate=True
                )

    def place_to_type(self, name: str) -> Widget | None:
        """The field ``#name`` if it shows and takes the cursor, else the first place to
        type inside it that does."""
        found = next(iter(self.query(f"#{name}")), None) if name else None
        if found is None or (found.focusable and shown(found)):
            return found
        return next((w for w in found.query("*") if w.focusable and shown(w)), None)

    def field_of(self, note: Problem) -> Widget | None:
        """The place to type that *note* is about (see :meth:`go_to_first_problem`)."""
        found = self.place_to_type((note.id or "").removesuffix("-problem"))
        if found is not None:
            return found
        before: Widget | None = None
        for widget in self.query("*"):
            if widget is note:
                return before
            if widget.focusable and shown(widget):
                before = widget
        return before

    def stop_draft_timer(self) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None

    def forget_unsaved(self) -> None:
        self.stop_draft_timer()
        self._unsaved = None

    def said_when_saved(self, result: R) -> str:
        return "Saved."

    def saved(self, result: R) -> None:
        self.dirty = False
        said = self.said_when_saved(result)
        if self._kept_elsewhere:
            said += "\n" + words.kept_from_elsewhere(self.FIELD_WORDS, self._kept_elsewhere)
        self.app.notify(said)
        self.dismiss(result)
