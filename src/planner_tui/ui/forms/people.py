"""Adding and editing people and contexts."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Select, SelectionList, TextArea

from planner_tui import clock, words
from planner_tui.db.models import (
    BIRTHDAY,
    Circle,
    ContextKind,
    ContextRead,
    PersonDateRead,
    PersonRead,
    clean_date_label,
    label,
    name_too_long,
)
from planner_tui.errors import InvalidInput, NotFound
from planner_tui.ui.forms.base import Field, FormScreen, Problem, Question
from planner_tui.ui.screens.base import text
from planner_tui.ui.widgets.fields import TextBox, TextField
from planner_tui.ui.widgets.ticks import Dropdown, TickList
from planner_tui.when import parse_cadence, parse_yearly

MOST_OFFERED = 3
"""People an added name may be, offered as answers: more would not fit a small screen."""


def name_problem(value: str, *, touched: bool, missing: str) -> str | None:
    """What to say about a name while it is typed (*missing*, once the form was touched)."""
    if value and not value.strip():
        return "A name needs at least one letter or symbol, not only spaces."
    if too_long := name_too_long(value):
        return f"A name {too_long}."
    return missing if touched and not value.strip() else None


def day_as_typed(month: int, day: int, year: int | None) -> str:
    """A yearly date as the form shows it: '12 Apr', '12 Apr 1990' (it reads them back)."""
    return f"{day} {words.SHORT_MONTHS[month - 1]}" + (f" {year:04d}" if year else "")


def dates_as_typed(dates: list[PersonDateRead]) -> tuple[str, str]:
    """Someone's dates as the form's two fields hold them: the birthday, and every other
    date a line of its own ('moved to Leeds: 3 Jun 2011')."""
    from planner_tui.services.people import label_key

    birthday = next((d for d in dates if label_key(d.label) == BIRTHDAY), None)
    others = [d for d in dates if d is not birthday]
    lines = [f"{d.label}: {day_as_typed(d.month, d.day, d.year)}" for d in others]
    return (day_as_typed(birthday.month, birthday.day, birthday.year) if birthday else "",
            "\n".join(lines))  # fmt: skip


def read_dates(birthday: str, others: str) -> list[dict[str, Any]]:
    """The form's dates as the service takes them; :class:`InvalidInput` names the field
    (``birthday`` or ``dates``) and, for another date, its line."""
    found: list[dict[str, Any]] = []
    if birthday.strip():
        month, day, year = parse_yearly(birthday)  # says "birthday"'s own problem
        if year is not None and date(year, month, day) > clock.today():  # said under it
            raise InvalidInput(words.birthday_to_come(date(year, month, day)), field="birthday")
        found.append({"label": BIRTHDAY, "month": month, "day": day, "year": year})
    for number, line in enumerate(others.splitlines(), 1):
        if not line.strip():
            continue
        what, colon, when = line.rpartition(":")
        if not colon or not what.strip():
            raise InvalidInput(
                f"Line {number}: write it as what, a colon, then the day — "
                "e.g. moved to Leeds: 3 Jun 2011.",
                field="dates",
            )
        try:
            month, day, year = parse_yearly(when)
        except InvalidInput as error:
            # A name may hold a colon; so may what was typed as the day ("25:00"): then the
            # day is all after the first colon, and the note is about all of it.
            first, _, after = line.partition(":")
            if first == what or not first.strip():
                raise InvalidInput(f"Line {number}: {error}", field="dates") from None
            try:
                month, day, year = parse_yearly(after)
            except InvalidInput as whole:
                raise InvalidInput(f"Line {number}: {whole}", field="dates") from None
            what = first
        try:  # said by its line here (the service counts the birthday among the dates)
            label = clean_date_label(what)
        except ValueError as error:
            raise InvalidInput(f"Line {number}: a date's name {error}.", field="dates") from None
        found.append({"label": label, "month": month, "day": day, "year": year})
    return found


def named_by(typed: str, people: list[PersonRead], shown: list[str]) -> list[str]:
    """Each of *people* a name *typed* matched, as *shown*, with what it matched when that
    is not their name — their nickname, or a name merged into theirs ("Sam (#1) (called
    Sammy)") — and, if archived, how to see them."""
    from planner_tui.names import name_key

    return [
        name
        + (
            f" (called {p.nickname if name_key(p.nickname) == name_key(typed) else typed.strip()})"
            if name_key(p.name) != name_key(typed)
            else ""
        )
        + (" (archived: h on the Map shows them, a brings them back)" if p.archived else "")
        for name, p in zip(shown, people, strict=True)
    ]


CIRCLE_SAID = {Circle.INNER: "closest", Circle.MIDDLE: "in between", Circle.OUTER: "further out"}
"""Beside each circle in the form, so "close" typed there finds the inner one (it went on
in the notes, and the circle stayed middle: nu213)."""


EDIT_NICKNAME = "edit-nickname"
"""The answer that goes back to the nickname asked about."""


class PersonForm(FormScreen[PersonRead]):
    """Add someone, or edit them (``person`` given)."""

    WORDS = "#notes"
    FIELD_WORDS = {"circle": "circle", "cadence": "rhythm", "dates": "other dates",
                   "boundaries": "boundaries and preferences"}  # fmt: skip

    def __init__(
        self,
        contexts: list[ContextRead],
        person: PersonRead | None = None,
        called: str = "",
    ) -> None:
        """*called*: the person's name as the list showed it ('Sam (#6)', beside another Sam)."""
        initial = self.as_form(person, contexts) if person is not None else {}
        super().__init__(f"person:{person.id if person else 'new'}", initial)
        self.heading = f"Edit {called or person.name}" if person else "Someone in your life"
        self.person = person
        self.contexts = contexts
        self.allow_duplicate = False
        self.allow_nickname = False
        """The nickname names someone else too, and the person said to keep it."""
        self.merge_into: int | None = None
        self.theirs_stay: list[tuple[str, int, int, int | None]] = []
        """Added to someone: their own dates that stayed where other days were typed."""
        self.dates_loaded = person is None
        """Whether the fields hold the person's dates (saving sets them: never before they
        were read, or they would all go)."""

    @staticmethod
    def as_form(
        person: PersonRead, contexts: list[ContextRead], dates: list[PersonDateRead] | None = None
    ) -> dict[str, Any]:
        """*person* as the form's fields hold them (with their *dates*, once read)."""
        held = {
            "name": person.name,
            "nickname": person.nickname,
            "circle": person.circle.value,
            "cadence": words.cadence(person.cadence_days) if person.cadence_days else "",
            "contexts": [c.id for c in contexts if c.name in person.contexts],
            "notes": person.notes,
            "boundaries": person.boundaries,
        }
        if dates is not None:
            held["birthday"], held["dates"] = dates_as_typed(dates)
        return held

    def stored_now(self) -> dict[str, Any] | None:
        from planner_tui.services import people

        if self.person is None:
            return None
        backend = self.planner.backend
        person = backend.read(partial(people.get_person, person_id=self.person.id))
        dates = None
        if self.dates_loaded:
            dates = backend.read(partial(people.list_dates, person_id=self.person.id))
        return self.as_form(person, self.contexts, dates)

    def compose_fields(self) -> ComposeResult:
        yield Field("Name")
        yield TextField(id="name", placeholder="as you'd say it")
        yield Problem(id="name-problem")
        yield Field("Nickname or initials (optional)")
        yield TextField(id="nickname")
        yield Problem(id="nickname-problem")  # too long: said here, not by the buttons
        yield Field("How close (the circles)")
        yield Dropdown(
            [(f"{label(c)} · {CIRCLE_SAID[c]}", c.value) for c in Circle],
            id="circle",
            allow_blank=False,
            value=Circle.MIDDLE.value,
        )
        yield Field("How often you'd like to be in touch (optional)")
        yield TextField(id="cadence", placeholder="e.g. 14, weekly, every 3 weeks")
        yield Problem(id="cadence-problem")
        yield Field("Birthday (optional) — e.g. 12 Apr, or 12 Apr 1990")
        yield TextField(id="birthday")
        yield Problem(id="birthday-problem")
        yield Field(
            "Other dates that matter (optional), one a line — e.g. moved to Leeds: 3 Jun 2011"
        )
        yield TextBox(id="dates", classes="short")
        yield Problem(id="dates-problem")
        yield Field(
            "Contexts (type a name to find it, space to tick)"
            if self.contexts
            else "Contexts: none yet (add them on the Map's Contexts tab with n, then tick them here)"
        )
        ticks = TickList[int](*[(text(c.name), c.id) for c in self.contexts], id="contexts")
        ticks.display = bool(self.contexts)  # an empty box, a stop for Tab with nothing in it
        yield ticks
        yield Field("Notes")
        yield TextBox(id="notes", classes="short")
        yield Problem(id="notes-problem")
        yield Field("Boundaries and preferences (e.g. prefers texts in the evening)")
        yield TextBox(id="boundaries", classes="short")
        yield Problem(id="boundaries-problem")

    def values(self) -> dict[str, Any]:
        return {
            "name": self.query_one("#name", Input).value,
            "nickname": self.query_one("#nickname", Input).value,
            "circle": self.query_one("#circle", Select).value,
            "cadence": self.query_one("#cadence", Input).value,
            "birthday": self.query_one("#birthday", Input).value,
            "dates": self.query_one("#dates", TextArea).text,
            "contexts": list(self.query_one("#contexts", SelectionList).selected),
            "notes": self.query_one("#notes", TextArea).text,
            "boundaries": self.query_one("#boundaries", TextArea).text,
        }

    def fill(self, values: dict[str, Any]) -> None:
        self.query_one("#name", Input).value = str(values.get("name", ""))
        self.query_one("#nickname", Input).value = str(values.get("nickname", ""))
        if values.get("circle") in {c.value for c in Circle}:
            self.query_one("#circle", Select).value = values["circle"]
        self.query_one("#cadence", Input).value = str(values.get("cadence", ""))
        if "birthday" in values or "dates" in values:  # the dates, once they are read
            self.query_one("#birthday", Input).value = str(values.get("birthday", ""))
            self.query_one("#dates", TextArea).text = str(values.get("dates", ""))
        chosen = self.query_one("#contexts", SelectionList)
        chosen.deselect_all()
        known = {c.id for c in self.contexts}
        for context_id in values.get("contexts", []):
            if context_id in known:
                chosen.select(context_id)
        self.query_one("#notes", TextArea).text = str(values.get("notes", ""))
        self.query_one("#boundaries", TextArea).text = str(values.get("boundaries", ""))

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        problems = {}
        missing = "A name is needed — a first name or initials is enough."
        if problem := name_problem(values["name"], touched=self.dirty, missing=missing):
            problems["name"] = problem
        try:
            parse_cadence(values["cadence"])
        except InvalidInput as error:
            problems["cadence"] = str(error)
        try:
            read_dates(values["birthday"], "")
        except InvalidInput as error:
            problems["birthday"] = str(error)
        try:
            read_dates("", values["dates"])
        except InvalidInput as error:
            problems["dates"] = str(error)
        return problems

    def load_choices(self) -> list[PersonDateRead] | None:
        from planner_tui.services import people

        if self.person is None:
            return None
        return self.planner.backend.read(partial(people.list_dates, person_id=self.person.id))

    def use_choices(self, dates: list[PersonDateRead] | None) -> None:
        if dates is None:
            return
        birthday, others = dates_as_typed(dates)
        self.initial |= {"birthday": birthday, "dates": others}
        # As the form shows what is stored, too: else a birthday emptied here read as left
        # as it opened (empty, before the dates came), and the stored one was put back.
        self._as_mounted |= {"birthday": birthday, "dates": others}
        self.fill({**self.values(), "birthday": birthday, "dates": others})
        self.dates_loaded = True

    def data(self, values: dict[str, Any]) -> dict[str, Any]:
        return {
            "name": values["name"],
            "nickname": values["nickname"],
            "circle": values["circle"],
            "cadence_days": parse_cadence(values["cadence"]),
            "context_ids": values["contexts"],
            "notes": values["notes"],
            "boundaries": values["boundaries"],
        }

    def submit(self, values: dict[str, Any]) -> PersonRead:
        from planner_tui.services import people

        backend = self.planner.backend
        data = self.data(values)
        dates = read_dates(values["birthday"], values["dates"]) if self.dates_loaded else None
        if self.person is None:
            if self.merge_into is not None:
                self.theirs_stay = backend.read(
                    partial(people.left_out_dates, person_id=self.merge_into, dates=dates)
                )
                return backend.write(
                    partial(people.merge_into, person_id=self.merge_into, data=data, dates=dates)
                )
            if not self.allow_duplicate:
                same = backend.read(partial(people.find_duplicates, name=values["name"]))
                if same:
                    raise self.already_here(values["name"], same)
            self.nickname_free(values["nickname"], values["name"])
            return backend.write(partial(people.create_person, data=data, dates=dates))
        if values["name"].strip() != self.person.name and not self.allow_duplicate:
            same = backend.read(partial(people.find_duplicates, name=values["name"]))
            same = [p for p in same if p.id != self.person.id]
            if same:  # renamed into someone else's name: asked, as adding them is
                offered = same[:MOST_OFFERED]
                shown = [words.numbered(p.name, p.id) for p in offered]
                others = ["others"] if len(same) > MOST_OFFERED else []
                here = words.joined(named_by(values["name"], offered, shown) + others)
                raise Question(
                    "Already on your map?",
                    f"{here} {'is' if len(same) == 1 else 'are'} already here. Keep both? "
                    "Two people of one name are "
                    "told apart by their numbers; if they are one person, g on the Map "
                    "merges them.",
                    # Enter keeps editing: a rename by mistake must not make two of one name
                    [("edit", "Keep editing"), ("new", "Keep both")],
                )
        if values["nickname"].strip() != self.person.nickname:
            self.nickname_free(values["nickname"], values["name"])
        if data["cadence_days"] is None:
            data["clear_cadence"] = True
        return backend.write(
            partial(people.update_person, person_id=self.person.id, data=data, dates=dates)
        )

    def said_when_saved(self, result: PersonRead) -> str:
        """Added to someone already here: what of theirs stayed instead of what was typed
        (a rhythm typed was dropped without a word)."""
        if self.merge_into is None:
            return super().said_when_saved(result)
        values = self.values()
        stayed = []
        typed_rhythm = parse_cadence(values["cadence"])
        if typed_rhythm is not None and typed_rhythm != result.cadence_days:
            stayed.append(f"rhythm ({words.cadence(result.cadence_days)})")
        typed_nickname = values["nickname"].strip()
        if typed_nickname and typed_nickname != result.nickname:
            stayed.append(f"nickname ({result.nickname})")
        stayed += [  # their birthday, not a second one
            f"{label} ({words.yearly_day(month, day, year)})"
            for label, month, day, year in self.theirs_stay
        ]
        return words.added_to(result.name, stayed)

    def refused(self, message: str, field: str | None) -> None:
        super().refused(message, "cadence" if field == "cadence_days" else field)

    def nickname_free(self, nickname: str, name: str) -> None:
        """Asks (a :class:`Question`) when *nickname* names someone else already, or finds
        them now (a first name), as `planner-tui add` refuses it: set here without a word,
        it made their own name ambiguous on the command line, or took it over."""
        from planner_tui.services import people

        if not nickname.strip() or self.allow_nickname or self.merge_into is not None:
            return
        except_id = self.person.id if self.person else None
        taken = self.planner.backend.read(
            partial(people.find_duplicates, name=nickname, except_id=except_id)
        )
        found = taken or self.planner.backend.read(  # a first name someone is found by now
            partial(people.find_duplicates, name=nickname, except_id=except_id, whole_only=False)
        )
        if found:
            whose = words.numbered_names([(p.name, p.id) for p in found], MOST_OFFERED)
            said = (
                words.nickname_taken(nickname.strip(), whose, len(found))
                if taken
                else words.nickname_takes_over(nickname.strip(), whose, name.strip())
            )
            raise Question(
                "A nickname someone has?" if taken else "A name someone is found by?",
                said + " Is that as you want it?",
                [(EDIT_NICKNAME, "Keep editing"), ("nickname", "Keep it")],
            )

    @staticmethod
    def already_here(typed: str, same: list[PersonRead]) -> Question:
        """Adding a name that is someone's already: is it them? Each person it names is an
        answer (two who share a nickname, or archived ones, were asked about as the first
        of them alone), with the nickname that matched said."""
        offered = same[:MOST_OFFERED]
        shown = [words.numbered(p.name, p.id) if len(same) > 1 else p.name for p in offered]
        who = named_by(typed, offered, shown)
        asked = (
            f"{who[0]} is already here. Is this the same person?"
            if len(same) == 1
            else f"{words.joined(who)} are already here. Is this one of them?"
        )
        return Question(
            "Already on your map?",
            asked,
            [
                (f"merge-{p.id}", f"Yes — add this to {n}")
                for p, n in zip(offered, shown, strict=True)
            ]
            + [("new", "No — someone else"), ("edit", "Keep editing")],
        )

    def answered(self, answer: str | None, values: dict[str, Any]) -> None:
        if answer and answer.startswith("merge-"):
            self.merge_into = int(answer.removeprefix("merge-"))
        elif answer == "new":
            self.allow_duplicate = True
        elif answer == "nickname":
            self.allow_nickname = True
        else:  # keep editing — the nickname asked about, in its box (a letter typed next
            if answer == EDIT_NICKNAME:  # went on the drop-down left, into Notes, nu229)
                self.query_one("#nickname", Input).focus()
            return
        self.save(values)


class ContextForm(FormScreen[ContextRead]):
    """Add a context (a part of life: work, a choir, the neighbourhood) or rename one."""

    def __init__(self, context: ContextRead | None = None) -> None:
        initial = self.as_form(context) if context else {}
        super().__init__(f"context:{context.id if context else 'new'}", initial)
        self.heading = f"Edit {context.name}" if context else "A part of your life"
        self.context = context
        self.guessed: str | None = ContextKind.OTHER.value if context is None else None
        """The kind the name typed says, while no other has been chosen (None: chosen)."""

    @on(Input.Changed, "#name")
    def guess_kind(self, event: Input.Changed) -> None:
        """A new part of life's kind follows its name until one is chosen: "Family" was
        saved as *other* from the form, where `add --context Family` read it (nu171)."""
        from planner_tui.services.people import kind_from_name  # loaded with the Map

        if self.guessed is None:
            return
        self.guessed = kind_from_name(event.value).value
        self.query_one("#kind", Select).value = self.guessed

    @on(Select.Changed, "#kind")
    def kind_chosen(self, event: Select.Changed) -> None:
        if event.value != self.guessed:
            self.guessed = None  # chosen: the name no longer changes it

    def compose_fields(self) -> ComposeResult:
        yield Field("Name (e.g. Choir, Work, Street WhatsApp group)")
        yield TextField(id="name")
        yield Problem(id="name-problem")
        yield Field("Kind")
        yield Dropdown(
            [(label(k), k.value) for k in ContextKind],
            id="kind",
            allow_blank=False,
            value=ContextKind.OTHER.value,
        )

    def values(self) -> dict[str, Any]:
        return {
            "name": self.query_one("#name", Input).value,
            "kind": self.query_one("#kind", Select).value,
        }

    def fill(self, values: dict[str, Any]) -> None:
        from planner_tui.services.people import kind_from_name

        name = str(values.get("name", ""))
        self.query_one("#name", Input).value = name
        if values.get("kind") in {k.value for k in ContextKind}:
            self.query_one("#kind", Select).value = values["kind"]
            if values["kind"] != kind_from_name(name).value:
                self.guessed = None  # a draft's own choice stays

    @staticmethod
    def as_form(context: ContextRead) -> dict[str, Any]:
        return {"name": context.name, "kind": context.kind.value}

    def stored_now(self) -> dict[str, Any] | None:
        from planner_tui.services import people

        if self.context is None:
            return None
        everyone = self.planner.backend.read(partial(people.list_contexts, include_archived=True))
        found = next((c for c in everyone if c.id == self.context.id), None)
        if found is None:
            raise NotFound(words.gone("context"))
        return self.as_form(found)

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        problem = name_problem(
            values["name"], touched=self.dirty, missing="A context needs a name."
        )
        return {"name": problem} if problem else {}

    def submit(self, values: dict[str, Any]) -> ContextRead:
        from planner_tui.services import people

        backend = self.planner.backend
        if self.context is None:
            return backend.write(partial(people.create_context, data=values))
        return backend.write(
            partial(people.update_context, context_id=self.context.id, data=values)
        )
