"""Small steps: one person, one small action, one time — and what happened."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import takewhile
from pathlib import Path
from typing import Any, Protocol

import sqlalchemy as sa
from dateutil import tz
from pydantic import field_validator
from sqlmodel import Session, SQLModel, col, select

from planner_tui import clock, daily, words
from planner_tui.assets import read_toml_or_shipped, shipped, unreadable
from planner_tui.db.models import (
    Channel,
    Circle,
    Context,
    Effort,
    Initiator,
    Interaction,
    InteractionPersonLink,
    Name,
    Note,
    Person,
    PersonContextLink,
    PersonRead,
    Score,
    Step,
    StepBase,
    StepCreate,
    StepRead,
    StepStatus,
    label,
)
from planner_tui.errors import InvalidInput
from planner_tui.names import called, fold, people_named, sort_key, told_apart
from planner_tui.services.common import driver_connection, get_or_404, validate
from planner_tui.services.people import (
    create_context,
    create_person,
    find_duplicates,
    list_people,
    names_of,
    people_called,
)
from planner_tui.services.undo import Change, Recorder
from planner_tui.when import series

# --------------------------------------------------------------------------- the library


@dataclass(frozen=True)
class Action:
    """One entry of the small-action library (``assets/actions.toml``)."""

    id: str
    effort: Effort
    words: str
    channel: Channel
    smaller: str | None = None
    place: bool = False
    """A step toward a place or a group ({name} is the place), not a person."""
    receiving: bool = False
    """A step where they give — their advice, an offer taken up — offered first when your
    contacts with someone lean "I gave" (:func:`planner_tui.learning.leaning_giving`)."""

    def for_person(self, name: str) -> str:
        return self.words.replace("{name}", name)


@dataclass(frozen=True)
class Library:
    """The small-action library, and why the person's own ``actions.toml`` was set aside
    (None when it wasn't)."""

    actions: list[Action]
    problem: str | None = None


def load_actions(home: Path | None = None) -> Library:
    """The action library, tiny first: the person's own ``actions.toml`` if they keep one,
    else the shipped one — which is also what is offered, with the reason, when theirs
    can't be read or holds no action (one typo emptied every suggestion without a word).
    Entries that can't be read are left out, never fatal."""
    data, problem = read_toml_or_shipped("actions.toml", home)
    actions = _actions_in(data)
    if not actions and problem is None:
        problem = unreadable(
            (home or Path()) / "actions.toml",
            "it has no action with an id and words under [[tiny]], [[small]] or [[bigger]]",
        )
        actions = _actions_in(shipped("actions.toml"))
    return Library(actions, problem)


def _actions_in(data: dict[str, Any]) -> list[Action]:
    actions = []
    for effort in (Effort.TINY, Effort.SMALL, Effort.BIGGER):
        entries = data.get(effort.value, [])
        for entry in entries if isinstance(entries, list) else []:
            try:
                actions.append(
                    Action(
                        id=str(entry["id"]),
                        effort=effort,
                        words=str(entry["words"]).strip(),
                        channel=Channel(entry.get("channel", Channel.OTHER)),
                        smaller=entry.get("smaller"),
                        place=entry.get("place") is True,
                        receiving=entry.get("receiving") is True,
                    )
                )
            except (KeyError, TypeError, ValueError, AttributeError):
                continue
    return actions


def smaller_version(actions: list[Action], chosen: Action | None) -> Action | None:
    """A lighter step than *chosen* (its ``smaller`` entry); for the person's own words, the
    lightest message in the library (for a place's, the lightest step toward a place).
    ``None`` when it is already as light as it gets."""
    by_id = {action.id: action for action in actions}
    if chosen is None:
        return next((a for a in actions if a.channel is Channel.TEXT and not a.place), None)
    return by_id.get(chosen.smaller or "")


_CHANNEL_WORDS = {
    Channel.CALL: r"call|calls|phone|ring|video|facetime|zoom|skype",
    Channel.TEXT: r"text|message|messages|email|e-mail|letter|card|postcard|voice note|"
                  r"voicemail|whatsapp|dm|write|meme|photo|picture|link|gif|song",
    Channel.SOCIAL: r"comment on|like their",
    Channel.IN_PERSON: r"visit|meet|meeting|coffee|tea|lunch|dinner|breakfast|walk|drop by|"
                       r"drop in|pop round|pop by|hug|bring|see them|go to|join",
}  # fmt: skip
_CHANNEL_FOUND = re.compile(
    "|".join(rf"(?P<{c.name}>\b(?:{found})\b)" for c, found in _CHANNEL_WORDS.items()),
    re.IGNORECASE,
)


def channel_in_words(action: str) -> Channel | None:
    """How a step planned without saying how (`planner-tui plan` with no --how) most
    likely happens, read from its words — the first that tells ("give Bo a call about the
    letter" is a call); ``None`` when none does. Only a starting point: the done form shows
    it to change, and a contact with no way known is counted as "another way", never as
    written."""
    found = _CHANNEL_FOUND.search(action)
    return Channel[found.lastgroup] if found and found.lastgroup else None


EFFORT_ORDER = (Effort.TINY, Effort.SMALL, Effort.BIGGER)
CLASH = timedelta(hours=3)
"""Steps this close to one being planned are named beside it, in the wizard and by `plan`
(nu160: four steps stood on one evening, and nothing said so)."""


def near_in_time(
    planned: Iterable[StepRead], due: datetime, *, leave_out: int | None = None
) -> list[tuple[datetime, str, str]]:
    """Of *planned*, those within :data:`CLASH` of *due* (but the step *leave_out*), as
    :func:`words.also_then` names them beside a time being planned or moved to (nu169: a
    step moved onto another's minute said nothing)."""
    return [
        (s.due_at, s.action, s.person)
        for s in planned
        if s.id != leave_out and abs(s.due_at - due) <= CLASH  # within: three hours too
    ]


def richer_version(actions: list[Action], chosen: Action | None) -> Action | None:
    """One rung richer than *chosen*, the mirror of :func:`smaller_version`: the first
    library step whose smaller version *chosen* is, one effort tier up at most (a voice note
    for a message, a call for a voice note). For the person's own words, one rung above
    the lightest message. ``None`` when there is none."""
    if chosen is None:
        chosen = smaller_version(actions, None)
        if chosen is None:
            return None
    if chosen.effort not in EFFORT_ORDER:
        return None
    highest = EFFORT_ORDER.index(chosen.effort) + 1
    return next(
        (
            a
            for a in actions
            if a.smaller == chosen.id
            and a.place == chosen.place
            and a.effort in EFFORT_ORDER[: highest + 1]
        ),
        None,
    )


THEM = ("her", "him", "them")
"""How a step's own words may name its person instead of by name."""


SAYING = r"(?:say|ask|wish|thank|tell|check|see|let)"
"""What a step is for, after "to" ("to say hi", "to ask how it went"): unlike "to the
concert", it carries over to a lighter step."""


def smaller_words(typed: str, chosen: Action | None, smaller: Action, name: str) -> str:
    """The smaller step (or, the same way, the one a rung richer: :func:`richer_version`)
    in the person's own words where it can be: the chosen action's
    words swapped for the smaller one's inside what they typed ("give Cy a ten-minute call
    about the move" → "send Cy a voice note about the move"); their own words kept after
    the lighter step when the library's words aren't in them ("send Bo a short message:
    ask about the concert") — but what a step to someone is *about* carries over to the
    lighter one alone ("call Bo about the move" → "send Bo a short message about the
    move": the two steps side by side read as doing both); the smaller step alone when
    nothing was typed, or only a word, with their name or without ('call Ana', 'call')."""
    lighter = smaller.for_person(name)
    typed = typed.strip()
    if not typed:
        return lighter
    library = chosen.for_person(name).strip() if chosen is not None else ""
    found = re.search(re.escape(library), typed, re.IGNORECASE) if library else None
    if found is not None:
        return typed[: found.start()] + lighter + typed[found.end() :]
    them = rf"(?:{re.escape(name)}|{'|'.join(THEM)})"  # 'call her' is 'call Priya'
    named = re.compile(rf"(?<!\w){them}(?!\w)", re.IGNORECASE)
    if len(named.sub(" ", typed).split()) <= 1:
        return lighter  # 'call Ana', 'call': the lighter step is all there is to say
    to_them = re.search(rf"(?<!\w){them}\s+(about\s.*)", typed, re.IGNORECASE)
    # ...and so after a word or two saying how ('call about her new job' offered "send
    # Annie a short message: call about her new job", nu161; not 'ask Cy's mum about Cy')
    how = re.match(r"\s*(?:\S+\s+){1,2}?(about\s.*)", typed, re.IGNORECASE)
    if to_them is not None or how is not None:
        return f"{lighter} {(to_them or how).group(1)}"  # type: ignore[union-attr]
    # ...and so why, said after them ('call Mum, just to say hi' offered "send Mum a short
    # message: call Mum, just to say hi", nu213; not 'ask Bo to the concert')
    why = re.match(
        rf"\s*(?:\S+\s+){{1,2}}?{them}(?!\w)(\s*,\s*.+|\s+(?:just\s+)?to\s+{SAYING}\b.*)",
        typed,
        re.IGNORECASE,
    )
    if why is not None:
        said = why.group(1)
        return lighter + (said.lstrip() if said.lstrip().startswith(",") else said)
    return f"{lighter}: {typed}"


def _name_forms(name: str, said: str = "") -> list[str]:
    """The ways a step may write someone's name, longest first: as on the map, as typed to
    find them (*said*), and the first word of it."""
    forms = {" ".join(f.split()) for f in (name, said, name.split()[0] if name.split() else "")}
    return sorted((f for f in forms if f), key=len, reverse=True)


def _later_words(name: str) -> list[str]:
    """The words of *name* after its first, longest first: "Rosa" of "Aunt Rosa"."""
    return sorted(dict.fromkeys(name.split()[1:]), key=len, reverse=True)


def name_as_written(typed: str, name: str, said: str = "", nickname: str = "") -> str:
    """The form of *name* the person wrote in *typed* ("Bo" for Bo Chen in "send Bo a
    message"), as written, so what is offered back keeps it; when none is, the form they were
    named by to plan it (*said*: "priya" is "Priya"), else what steps call them
    (:func:`planner_tui.names.called`: their *nickname*, unless only initials)."""
    for form in _name_forms(name, said):
        found = re.search(rf"(?<!\w){re.escape(form)}(?!\w)", typed, re.IGNORECASE)
        if found:
            return found.group(0)
    # A later word of their name, written as a name ("call Rosa" of Aunt Rosa offered "send
    # Aunt Rosa a short message: call Rosa, just to say hi", nu221; "the park" is no Jo Park)
    for form in _later_words(name):
        found = re.search(rf"(?<!\w){re.escape(form)}(?!\w)", typed)
        if found and form[:1].isupper():
            return found.group(0)
    for form in _name_forms(name):  # as they were named to plan it ("Priya", not in full)
        if said.strip().casefold() == form.casefold():
            return form
    return called(name, nickname)


def same_step(one: str, other: str, name: str, said: str = "") -> bool:
    """The same words, whatever form of the name each uses, in any case or spacing."""

    def key(text: str) -> str:
        for form in _name_forms(name, said):
            text = re.sub(rf"(?<!\w){re.escape(form)}(?!\w)", "\x00", text, flags=re.IGNORECASE)
        return " ".join(text.casefold().split()).rstrip(".!?")

    return key(one) == key(other)


def library_action(actions: list[Action], typed: str, name: str, said: str = "") -> Action | None:
    """The library step *typed* is, whatever form of the name it uses; None for own words."""
    return next((a for a in actions if same_step(a.for_person(name), typed, name, said)), None)


def library_action_within(
    actions: list[Action], typed: str, name: str, said: str = ""
) -> Action | None:
    """The library step *typed* grows from — its words inside the person's own, with more
    around them ("give Bo a ten-minute call about the move"): the longest such step."""
    written = name_as_written(typed, name, said)
    inside = [
        action
        for action in actions
        if re.search(rf"(?<!\w){re.escape(action.for_person(written))}(?!\w)", typed, re.I)
    ]
    return max(inside, key=lambda action: len(action.words), default=None)


def smaller_offer(
    actions: list[Action],
    chosen: Action | None,
    typed: str,
    name: str,
    said: str = "",
    nickname: str = "",
    how: Channel | None = None,
) -> tuple[Action, str] | None:
    """The smaller version to offer for a step (:func:`smaller_version`), in the person's own
    words and own form of the name (:func:`smaller_words`; their *nickname* when the words
    don't name them: :func:`name_as_written`); None when there is none, or when it would be
    the step itself again. Typed words that are a library step count as it, and so do words
    around one (:func:`library_action_within`). Own words to go as a message — said so in
    them, or else in *how* — are as light as it gets ("ask how his new job is going", sent
    as a text, was offered "send Tom a short message: ask how…", nu221). An accent typed
    as one character finds the same accent stored as two, and the other way round (nu245:
    "call José" offered "send José Zoë…" in full)."""
    typed, name, said, nickname = (
        unicodedata.normalize("NFC", text) for text in (typed, name, said, nickname)
    )
    chosen = (
        chosen
        or library_action(actions, typed, name, said)
        or library_action_within(actions, typed, name, said)
    )
    if chosen is None and (channel_in_words(typed) or how) is Channel.TEXT:
        return None  # own words for a message already: the lightest kind of step there is
    smaller = smaller_version(actions, chosen)
    if smaller is None or smaller == chosen:
        return None
    offer = smaller_words(typed, chosen, smaller, name_as_written(typed, name, said, nickname))
    if same_step(offer, typed, name, said):
        return None
    return smaller, offer


def suggested_order(people: list[PersonRead]) -> list[PersonRead]:
    """Who to offer first when planning: people drifting past their rhythm (most overdue
    first), then the inner circle, then everyone else, by name."""
    circles = {Circle.INNER: 0, Circle.MIDDLE: 1, Circle.OUTER: 2}

    def key(person: PersonRead) -> tuple[int, int, int, str, str]:
        drifting = 0 if person.drifting_days else 1
        return (
            drifting,
            -(person.drifting_days or 0),
            circles.get(person.circle, 3),
            *sort_key(person.name),
        )

    return sorted((p for p in people if not p.archived), key=key)


# --------------------------------------------------------------------------- outcomes


class StepOutcome(SQLModel):
    """What happened with a step. ``new_due_at`` is needed when it was rescheduled, and
    plans a follow-up when it was declined or had no reply."""

    status: StepStatus
    note: Note = ""
    warmth: Score | None = None
    felt_awkwardness: Score | None = None
    appreciation_response: Score | None = None
    """After "done": how the other seemed to take it, 1–5 (optional)."""
    responded: Initiator = Initiator.ME
    channel: Channel | None = None
    occurred_at: datetime | None = None
    new_due_at: datetime | None = None
    follow_up: Note = ""
    """The follow-up's own words (the person's if-then backup, say), in place of "gently
    follow up: …"; it starts without the step's cue and backup, which were the step's."""
    met: list[Name] = []
    """For a step toward a place done: the people met there, added to the map (someone
    the name names, by the one name rule, is linked instead; a name that could be several
    people is refused, naming them)."""
    place: Name | None = None
    """For a step toward somewhere new done: a name to keep that part of life by (an
    existing context of that name is used), so the contact counts in its breadth."""

    @field_validator("met", mode="before")
    @classmethod
    def _named(cls, value: Any) -> Any:
        """Blank names (a trailing comma) are no one: left out, not refused."""
        if isinstance(value, list):
            return [v for v in value if not (isinstance(v, str) and not v.strip())]
        return value

    @field_validator("status")
    @classmethod
    def _not_planned(cls, value: StepStatus) -> StepStatus:
        if value is StepStatus.PLANNED:
            raise ValueError("an outcome can't be 'planned'")
        return value


def check_rrule(rule: str | None, start: datetime) -> str | None:
    if rule is None or not rule.strip():
        return None
    from planner_tui.when import at_most_daily

    rule = rule.strip().removeprefix("RRULE:")
    try:
        series(rule, clock.to_local(start).replace(tzinfo=None))
    except (ValueError, TypeError):
        raise InvalidInput(
            f"That repeat rule can't be read: {rule[:80]!r}.", field="rrule"
        ) from None
    try:
        return at_most_daily(rule, rule[:80])  # as a repeat typed is (HOURLY, COUNT=0)
    except InvalidInput as error:
        raise InvalidInput(str(error), field="rrule") from None


def first_occurrence(rule: str | None, start: datetime) -> datetime:
    """A repeating step's first time: the first day of its rule on or after the time
    chosen (Wed 18:00 with "every mon and thu" → Thu 18:00), that time of day kept."""
    if not rule:
        return start
    local = clock.to_local(start).replace(tzinfo=None)
    first = series(rule, local).after(local, inc=True)
    if first is None or first == local:
        return start
    return tz.resolve_imaginary(first.replace(tzinfo=clock.local_zone()))


def next_occurrence(rule: str, after: datetime, start: datetime) -> datetime | None:
    """The first time the rule fires after *after* (local wall-clock time is kept); None
    past the end, or on the calendar's last day, where no step can be (see
    :func:`planner_tui.when.has_room`)."""
    from planner_tui.when import has_room

    local_after = clock.to_local(after).replace(tzinfo=None)
    try:
        following = series(rule, clock.to_local(start).replace(tzinfo=None)).after(local_after)
    except (ValueError, OverflowError):  # past 31 December 9999: the calendar ends there
        return None
    if following is None:
        return None
    # A wall-clock time the clocks skip that night (01:30 as summer time begins) is the one
    # after it, as a time said is (when.py): what is said and what is stored agree.
    moment = tz.resolve_imaginary(following.replace(tzinfo=clock.local_zone()))
    return moment if has_room(moment) else None


def times_before(rule: str, due_at: datetime, end: datetime) -> int:
    """How many times a repeating step comes round from *due_at* (its next time, the one
    stored) to before *end*: the times after it are planned only as each is settled."""
    first, last = (clock.to_local(m).replace(tzinfo=None) for m in (due_at, end))
    try:
        times = series(rule, first).xafter(first, inc=True)
        return max(1, sum(1 for _ in takewhile(lambda moment: moment < last, times)))
    except (ValueError, OverflowError):  # past 31 December 9999
        return 1


def read_steps(session: Session, rows: list[Step]) -> list[StepRead]:
    """Steps as lists show them: each with the name of whom or where it is toward (with
    their number when another has the same name: two steps "with Sam" were for two Sams)."""
    ids = {row.person_id for row in rows if row.person_id is not None}
    everyone = session.exec(select(Person.id, Person.name)).all() if ids else []
    names = told_apart((pid, name) for pid, name in everyone if pid is not None)
    places = {row.context_id for row in rows if row.context_id is not None}
    contexts = dict(
        session.exec(select(Context.id, Context.name).where(col(Context.id).in_(places))).all()
        if places
        else []
    )
    result = []
    for row in rows:
        context = contexts.get(row.context_id, "") if row.context_id is not None else ""
        person = names.get(row.person_id, "?") if row.person_id is not None else context
        result.append(
            StepRead.model_validate({**row.model_dump(), "person": person, "context": context})
        )
    return result


def new_time(typed: str, due_at: datetime) -> datetime:
    """A step's new time as said (another time, a follow-up, a move): a day said without
    a time keeps the step's time of day ('next week' for a step at 18:00 is 18:00)."""
    from planner_tui.when import parse_when

    return parse_when(typed, lean="future", at=clock.to_local(due_at).time())


def check_ahead(due_at: datetime, now: datetime | None = None) -> None:
    """A plan is for later: a time already past is refused (with a minute's grace)."""
    now = now or clock.now()
    if due_at < now - timedelta(minutes=1):
        raise InvalidInput(
            f"{words.when(due_at)} has already passed. A step is for later: try 'tonight', "
            "'tomorrow 6pm' or 'fri 7pm'.",
            field="when",
        )


def days_disagree(
    *,
    due_at: datetime,
    rule: str | None = None,
    texts: dict[str, str],
    now: datetime | None = None,
    moved: bool = False,
) -> str | None:
    """A kind question when a step's own words name a day its time isn't on — "call about
    Thursday" for a step on Friday — else None. *texts* are the words by what they are
    ("backup": …); the days in them are read by :func:`when.days_named`. A repeating
    step's days are its rule's ("every mon and thu"), from its first time (planned
    "tonight", a Saturday, it begins on the Monday); one time of it *moved* keeps its
    series' days. A backup is for after the step, so its own later day is expected ("a
    voice note on Sunday": planned then, see :func:`follow_up_time`); only a date before
    the step is asked about."""
    from planner_tui.when import WEEKDAY_CODES, days_named, rule_parts

    if rule and not moved:
        due_at = first_occurrence(rule, due_at)
    local = clock.to_local(due_at)
    allowed = {local.weekday()}
    for code in rule_parts(rule).get("BYDAY", "").split(","):
        if code[-2:] in WEEKDAY_CODES:
            allowed.add(WEEKDAY_CODES.index(code[-2:]))
    for what, said in texts.items():
        for day in days_named(said, now=now):
            if what == "backup" and (day.day is None or day.day >= local.date()):
                continue
            wrong_day = day.day is not None and day.day != local.date() and not rule
            if day.weekday not in allowed or wrong_day:
                return words.day_disagrees(what, day.said, local)
    return None


class WordedStep(Protocol):
    """What :func:`new_time_disagrees` reads of a step (a read model, or a view's item)."""

    @property
    def action(self) -> str: ...
    @property
    def cue(self) -> str: ...
    @property
    def backup(self) -> str: ...
    @property
    def rrule(self) -> str | None: ...


def new_time_disagrees(
    step: WordedStep, status: StepStatus, due_at: datetime, own_words: str = ""
) -> str | None:
    """:func:`days_disagree` for a step moved to *due_at*, or offered again then after a
    'not now' (the same words, or *own_words* when given): the question planning asks.
    A follow-up after no reply is left alone (its words may name the first step's day)."""
    its_words = {"step": step.action, "cue": step.cue, "backup": step.backup}
    if status is StepStatus.RESCHEDULED:
        return days_disagree(due_at=due_at, rule=step.rrule, texts=its_words, moved=True)
    if status is StepStatus.DECLINED:  # another time is one step of its own: no rule
        texts = {"step": own_words} if own_words.strip() else its_words
        return days_disagree(due_at=due_at, texts=texts)
    return None


def check_someone_to_reply(step: Step | StepBase, status: StepStatus) -> None:
    """No reply is for a step with someone: a place has no one to answer (said first,
    before whether the step has happened yet)."""
    if status is StepStatus.NO_REPLY and step.person_id is None:
        raise InvalidInput(words.NO_REPLY_TO_A_PLACE, field="status")


AFTER_THE_STEP = frozenset({StepStatus.DONE, StepStatus.NO_REPLY, StepStatus.DECLINED})
"""Outcomes that follow the step itself: on a step :func:`still_to_come` they are asked
about first (the app) or need --anyway (the command line) — see :func:`asks_first`."""


def asks_first(status: StepStatus | str, due_at: datetime, person_id: int | None) -> bool:
    """Whether recording *status* on a step (due at *due_at*, with *person_id* or toward a
    place) asks first whether it has happened: a step
    :func:`still_to_come`, with an outcome that follows it — a "not now" too, when someone
    could have said it (a stray number recorded a made-up one five days ahead, nu185;
    toward a place, "not this time" may be decided ahead)."""
    status = StepStatus(status)
    if status not in AFTER_THE_STEP or (status is StepStatus.DECLINED and person_id is None):
        return False
    return still_to_come(due_at)


def likely_done_at(due_at: datetime, now: datetime | None = None) -> datetime:
    """When a step marked done most likely happened, unless said: its own time when it was
    due on an earlier day (done two days late, it was logged as today's contact, and the
    person's rhythm moved with it), else now."""
    now = now or clock.now()
    earlier_day = clock.to_local(due_at).date() < clock.to_local(now).date()
    return due_at if earlier_day and due_at <= now else now


EARLY = timedelta(hours=1)
"""How long before its time a step may be marked done (or unanswered) without a question:
done a little early is usual; hours early is more often a slip of the key."""


def still_to_come(due_at: datetime) -> bool:
    """Whether a step is due on a later day, or more than :data:`EARLY` from now: marking
    it done is asked about first (a step due tomorrow, done without a word, was a slip of
    the key; so was one due at 20:00, marked done at 15:54 by an Enter too many after
    planning it, nu179, nu183)."""
    return clock.to_local(due_at).date() > clock.today() or due_at - clock.now() > EARLY


def check_open(session: Session, step: Step | StepRead) -> None:
    """An outcome is recorded once; a step that has one is changed with "how it went".
    When the step went on as another (moved, moved again, or a follow-up), that one is
    named: it is the step the outcome was most likely meant for."""
    if step.status == StepStatus.PLANNED:
        return
    said = f"This step already has an outcome: {label(StepStatus(step.status))}."
    seen, latest = set[int | None](), step.id
    while latest not in seen:  # an imported step can name itself as the one before
        seen.add(latest)
        going_on = session.exec(
            select(Step)
            .where(
                col(Step.previous_id) == latest,
                col(Step.status).in_([StepStatus.PLANNED, StepStatus.RESCHEDULED]),
            )
            .order_by(col(Step.status) == StepStatus.RESCHEDULED, col(Step.due_at), col(Step.id))
        ).first()
        if going_on is None:
            break
        if going_on.status == StepStatus.PLANNED:
            said += f" It goes on as #{going_on.id}, {words.when(going_on.due_at)}."
            break
        latest = going_on.id
    raise InvalidInput(said, field="status")


def check_open_step(*, session: Session, step_id: int) -> None:
    """:func:`check_open` on the step as stored now (a window's copy may be older)."""
    check_open(session, get_or_404(session, Step, step_id, "step"))


def notes_joined(note: str, more: str) -> str:
    """*more* after an outcome's *note*, after a blank line (unless it says it already)."""
    if more.strip() in note:
        return note
    return "\n\n".join(part for part in (note.rstrip(), more.strip()) if part)


def add_to_outcome_note(*, session: Session, step_id: int, note: str) -> StepRead:
    """Words written for an outcome that was recorded meanwhile, elsewhere, added to that
    outcome's note after a blank line: the form could not save them, and its draft was
    kept where no form opens it (nu223)."""
    row = get_or_404(session, Step, step_id, "step")
    if row.status == StepStatus.PLANNED:
        raise InvalidInput("This step has no outcome yet to add a note to.", field="status")
    joined = notes_joined(row.outcome_note, note)
    row.outcome_note = validate(StepOutcome, {"status": row.status, "note": joined}).note
    session.add(row)
    session.flush()
    return read_steps(session, [row])[0]


def check_due(due_at: datetime, *, anyway: bool) -> None:
    """A step is marked done (or as reached out with no reply yet) from a little before its
    time on; one :func:`still_to_come` asks for *anyway*."""
    if not anyway and still_to_come(due_at):
        raise InvalidInput(
            f"That step is due {words.when(due_at)}, still to come. If it has happened "
            "already, add --anyway.",
            field="status",
        )


def create_step(
    *, session: Session, data: StepCreate | dict[str, Any], new_person: str = ""
) -> StepRead:
    """Plan a step: with someone (``person_id``), toward a part of life (``context_id``),
    or toward somewhere new (neither: its words say where). With *new_person*, someone not
    on the map yet is added by that name first (details can follow later), and the step
    is with them — one transaction, so a step never planned adds no one."""
    valid = validate(StepCreate, data)
    if valid.due_at.tzinfo is None:
        raise InvalidInput("The time needs a time zone.", field="due_at")
    if new_person.strip():
        # Added meanwhile (another window, the command line): that is who was meant.
        there = people_named(new_person, list_people(session=session), whole_only=True)
        if there:
            raise InvalidInput(words.added_meanwhile(new_person.strip(), there), field="person")
        try:
            valid.person_id = create_person(session=session, data={"name": new_person}).id
        except InvalidInput as error:
            raise InvalidInput(str(error), field="person") from None
    if valid.person_id is not None:
        get_or_404(session, Person, valid.person_id, "person")
    if valid.context_id is not None:
        get_or_404(session, Context, valid.context_id, "context")
    row = Step(**valid.model_dump())
    row.rrule = check_rrule(valid.rrule, valid.due_at)
    row.due_at = first_occurrence(row.rrule, valid.due_at)
    session.add(row)
    session.flush()
    return read_steps(session, [row])[0]


def same_open_step(
    *,
    session: Session,
    person_id: int | None,
    context_id: int | None,
    action: str,
    due_at: datetime,
    rrule: str | None = None,
    except_id: int | None = None,
) -> StepRead | None:
    """A planned step just like this one — same person (or part of life), same words, same
    time (for a repeat, its first day, where it would be planned) — if there is one, other
    than *except_id*: planning it again is asked about first."""
    if person_id is None and context_id is None:
        return None
    due_at = first_occurrence(rrule, due_at)
    query = select(Step).where(
        Step.status == StepStatus.PLANNED,
        col(Step.due_at) == due_at,
        col(Step.person_id) == person_id
        if person_id is not None
        else col(Step.person_id).is_(None),
        col(Step.context_id) == context_id if person_id is None else sa.true(),
    )
    wanted = " ".join(action.split()).casefold()
    for row in session.exec(query).all():
        if row.id != except_id and " ".join(row.action.split()).casefold() == wanted:
            return read_steps(session, [row])[0]
    return None


def already_there(*, session: Session, step_id: int, due_at: datetime) -> StepRead | None:
    """The open step just like *step_id* at *due_at* (:func:`same_open_step`), other than
    it — or, for a repeating one, itself when its series comes round at *due_at*: moving it
    there, or offering it there again, would plan it twice ("another time" on a weekly
    step, to the day an earlier one was moved to, did so three times)."""
    row = get_or_404(session, Step, step_id, "step")
    if row.rrule and row.status == StepStatus.PLANNED:
        # A time its own series comes round at, going on as this time moves (moved onto
        # it, one time of "every mon and thu" was planned twice, on the Thursday).
        first = series_first(session, row)
        goes_on = series_goes_on(row, clock.now(), first)
        comes_round = next_occurrence(row.rrule, due_at - timedelta(seconds=1), first)
        if goes_on is not None and goes_on <= due_at == comes_round:
            return read_steps(session, [row])[0].model_copy(update={"due_at": due_at})
    found = same_open_step(session=session, person_id=row.person_id, context_id=row.context_id,
                           action=row.action, due_at=due_at, except_id=step_id)  # fmt: skip
    # Not the step its own outcome planned, met as that outcome is changed: "already on
    # your plan, just like this" named the other time being typed again (nu207).
    return None if found is not None and found.previous_id == step_id else found


def get_step(*, session: Session, step_id: int) -> StepRead:
    return read_steps(session, [get_or_404(session, Step, step_id, "step")])[0]


def delete_step(*, session: Session, step_id: int) -> Change:
    """Delete a step; returns what changed, for undo (:func:`planner_tui.services.undo.revert`).
    Contacts it recorded stay (without the link to it)."""
    get_or_404(session, Step, step_id, "step")
    recorder = Recorder(session)
    recorder.watch(Step, sa.or_(col(Step.id) == step_id, col(Step.previous_id) == step_id))
    recorder.watch(Interaction, col(Interaction.step_id) == step_id)
    session.execute(sa.delete(Step).where(col(Step.id) == step_id))
    return recorder.finish()


def recorded_contact(*, session: Session, step_id: int) -> tuple[str | None, str, datetime] | None:
    """How the contact a done step recorded was made — its channel, who reached out — and
    when it happened; None when the step recorded none."""
    row = session.exec(select(Interaction).where(Interaction.step_id == step_id).limit(1)).first()
    return (row.channel, row.initiator, row.occurred_at) if row is not None else None


def settled_or_due(step: Step | StepRead) -> datetime:
    """When a step came about: when it was settled, if that was before its time (done or
    declined early), else its time. Lists of earlier steps are newest first by it, and
    say it (a step done today for next Monday was shown done on Monday)."""
    return came_about(step.due_at, step.resolved_at, step.status)


def came_about(due_at: datetime, resolved_at: datetime | None, status: str) -> datetime:
    """:func:`settled_or_due` of a step's time, when it was settled and how: one done came
    about when it happened (settled so: a step done late showed at its planned time, beside
    its contact at the time it happened); another, settled before its time, then."""
    if resolved_at is not None and (status == StepStatus.DONE or resolved_at < due_at):
        return resolved_at
    return due_at


def came_about_column() -> Any:
    """:func:`came_about` in SQL, for a query that files steps by it (an export by month)."""
    settled = sa.and_(
        col(Step.resolved_at).is_not(None),
        sa.or_(col(Step.status) == StepStatus.DONE, col(Step.resolved_at) < col(Step.due_at)),
    )
    return sa.case((settled, col(Step.resolved_at)), else_=col(Step.due_at))


def list_steps(
    *,
    session: Session,
    upcoming: bool | None = None,
    person_id: int | None = None,
    person_name: str = "",
    statuses: list[StepStatus] | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    step_ids: list[int] | None = None,
    limit: int | None = 200,
) -> list[StepRead]:
    """Steps. ``upcoming=True``: still planned, soonest first; ``False``: resolved, newest
    first; ``None``: all, newest first — newest by :func:`settled_or_due`, so a step
    settled before its time comes where it was settled, not above today's. *person_name*
    matches part of a name, nickname or a name merged into theirs, whatever the case and
    accents (``angstrom`` finds Ångström: names.fold)."""
    query = _steps_wanted(session, upcoming, person_id, person_name, statuses, start, end, step_ids)
    if upcoming is True:
        rows = list(session.exec(query.order_by(col(Step.due_at)).limit(limit)).all())
    else:
        query = query.order_by(col(Step.due_at).desc(), col(Step.id).desc())
        rows = _newest_first(session, query, limit)
    return read_steps(session, rows)


def count_steps(
    *,
    session: Session,
    upcoming: bool | None = None,
    person_name: str = "",
    statuses: list[StepStatus] | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
) -> int:
    """How many steps :func:`list_steps` finds with no limit (the Plan says of how many its
    list shows the latest)."""
    wanted = _steps_wanted(session, upcoming, None, person_name, statuses, start, end, None)
    return int(session.exec(select(sa.func.count()).select_from(wanted.subquery())).one())


def _steps_wanted(
    session: Session,
    upcoming: bool | None,
    person_id: int | None,
    person_name: str,
    statuses: list[StepStatus] | None,
    start: datetime | None,
    end: datetime | None,
    step_ids: list[int] | None,
) -> Any:
    """The steps :func:`list_steps` and :func:`count_steps` find, in no order."""
    query = select(Step)
    if step_ids is not None:
        query = query.where(col(Step.id).in_(step_ids))
    if upcoming is True:
        query = query.where(Step.status == StepStatus.PLANNED)
    elif upcoming is False:
        query = query.where(Step.status != StepStatus.PLANNED)
    if person_id is not None:
        query = query.where(Step.person_id == person_id)
    if person_name.strip():
        typed = fold(person_name.strip())
        ids = [
            p.id
            for p in names_of(session)
            if any(typed in fold(n) for n in (p.name, p.nickname, *p.aliases) if n)
        ]
        query = query.where(col(Step.person_id).in_(ids))
    if statuses:
        query = query.where(col(Step.status).in_([s.value for s in statuses]))
    # Dates as the list shows them: a step still planned by its time, an earlier one by
    # when it came about (one done before a day filtered from showed under it, dated before).
    when = col(Step.due_at) if upcoming is True else came_about_column()
    if start is not None:
        query = query.where(when >= start)
    if end is not None:
        query = query.where(when < end)
    return query


def _newest_first(session: Session, query: Any, limit: int | None) -> list[Step]:
    """The first *limit* steps of *query* by :func:`settled_or_due`, newest first, read
    through the index on their time: that is never after their time but for a step done
    late, so the first *limit* by time give the earliest moment the wanted ones can be due
    from, and those done late since then are read down the index on when they were."""
    rows = list(session.exec(query.limit(limit)).all())
    if limit is not None and len(rows) == limit:
        earliest = min(settled_or_due(row) for row in rows)
        if earliest < rows[-1].due_at:  # one of them was settled before the last one's time
            rows = list(session.exec(query.where(col(Step.due_at) >= earliest)).all())
        late = query.where(
            col(Step.status) == StepStatus.DONE,
            col(Step.resolved_at) >= earliest,
            col(Step.due_at) < rows[-1].due_at,
        )
        known = {row.id for row in rows}
        rows += [row for row in session.exec(late).all() if row.id not in known]
    rows.sort(key=lambda row: (settled_or_due(row), row.id or 0), reverse=True)
    return rows[:limit]


def has_steps(*, session: Session) -> bool:
    return session.exec(select(Step.id).limit(1)).first() is not None


def due_steps(*, session: Session, today: date | None = None) -> list[StepRead]:
    """Planned steps due today or earlier ("not yet" ones included), soonest first — the
    rule `planner-tui today` reads too (:func:`planner_tui.daily.due_steps_statement`)."""
    connection, dialect = driver_connection(session)
    ids = [row[0] for row in daily.rows(connection, daily.due_steps_statement(
        today or clock.today(), dialect))]  # fmt: skip
    found = {row.id: row for row in session.exec(select(Step).where(col(Step.id).in_(ids)))}
    return read_steps(session, [found[i] for i in ids if i in found])


def to_remind(*, session: Session, start: datetime, end: datetime) -> list[StepRead]:
    """Planned steps due from *start* up to *end* that have had no reminder yet, soonest
    first: each step is told about once, ever."""
    query = (
        select(Step)
        .where(
            Step.status == StepStatus.PLANNED,
            col(Step.reminded_at).is_(None),
            col(Step.due_at) >= start,
            col(Step.due_at) < end,
        )
        .order_by(col(Step.due_at), col(Step.id))
    )
    return read_steps(session, list(session.exec(query).all()))


def mark_reminded(*, session: Session, step_ids: list[int], moment: datetime | None = None) -> None:
    """Note that these steps' reminders went out (so they never go out again)."""
    if step_ids:
        session.execute(
            sa.update(Step)
            .where(col(Step.id).in_(step_ids))
            .values(reminded_at=moment or clock.utcnow())
        )
        session.flush()


def steps_meant(
    *,
    session: Session,
    person_id: int | None = None,
    context_id: int | None = None,
    now: datetime | None = None,
) -> list[StepRead]:
    """The open step someone's name means (what `planner-tui done Ana` acts on), or a
    place's (*context_id*: the steps toward it, `planner-tui done Choir`): the one
    due nearest to now — of the steps due today or before, the latest; else the soonest
    still to come. When other open steps fall on that step's day too, all of that day's
    are returned, soonest first, for the person to choose by number (nothing is
    guessed); no open step at all, an empty list."""
    moment = now or clock.now()
    whose = (
        Step.person_id == person_id
        if person_id is not None
        else sa.and_(col(Step.context_id) == context_id, col(Step.person_id).is_(None))
    )
    rows = session.exec(
        select(Step)
        .where(whose, Step.status == StepStatus.PLANNED)
        .order_by(col(Step.due_at), col(Step.id))
    ).all()
    if not rows:
        return []
    today = clock.to_local(moment).date()
    day_of = {row.id: clock.to_local(row.due_at).date() for row in rows}
    due = [row for row in rows if day_of[row.id] <= today]
    chosen = due[-1] if due else rows[0]
    same_day = [row for row in rows if day_of[row.id] == day_of[chosen.id]]
    return read_steps(session, same_day)


@dataclass
class OutcomeResult:
    step: StepRead
    """The step with its outcome."""
    following: list[StepRead] = field(default_factory=list)
    """Steps the outcome planned: the new time, a follow-up, the next repeat."""
    taken_off: list[StepRead] = field(default_factory=list)
    """For a changed outcome, the steps the old one had planned that went with it."""


FOLLOW_UP = words.FOLLOW_UP_WORDS
FOLLOW_UP_DAYS = 3


def followed_up(status: StepStatus, action: str) -> str:
    """The words of the step planned after an outcome: after no reply, a follow-up's."""
    if status is StepStatus.NO_REPLY and not action.startswith(FOLLOW_UP):
        return FOLLOW_UP + action
    return action


def offers_follow_up(action: str) -> bool:
    """Whether no reply to the step *action* offers a gentle follow-up: not to a follow-up
    itself — no third nudge after a second silence (nu213), in the app or, where it planned
    one all the same, on the command line (nu239)."""
    return not action.startswith(FOLLOW_UP)


ON_A_DAY = r"\b(?:on|this|next)\s+"
"""Before a day in a backup's words, what makes the day its time ("on Sunday")."""
PART_NAMED = re.compile(r"\b(morning|lunch(?:time)?|afternoon|evening|night)\b", re.IGNORECASE)
"""A part of the day in a backup's words ("the next evening", "on Sunday morning"): its
time (when.PARTS_OF_DAY) is the backup's, not the step's — a step at 10:00 had its "next
evening" backup offered at 10:00."""


WAKING_HOUR = 7
"""A follow-up is never offered before this hour: a step in the small hours gives it the
day's usual time instead."""


def follow_up_time(
    due_at: datetime, now: datetime | None = None, *, said: str = "", settling: bool = False
) -> datetime:
    """The default time of a follow-up or backup: FOLLOW_UP_DAYS after the step, at the
    step's own local time of day — or, when that has passed, the next day at that time of
    day. When *said* (the backup's words: "a voice note on Sunday") says it is *on* a day
    after the step ("on", "this" or "next" before it: "ask about Sunday" is not when), that
    day instead, at the step's time of day (a weekday gone by since: the next one, so the
    words and the time still agree); words that put it on the day after the step ("the
    next evening", "tomorrow"), that day. A part of the day the words name ("evening") is
    the time of day instead of the step's. Never a time of day taken from now, and always
    after both the step and now. *settling* (the step's outcome is being recorded): a step
    settled before its time counts from now (:func:`settled_from`)."""
    from planner_tui.when import DEFAULT_TIME, PARTS_OF_DAY, days_named

    now = clock.to_local(now or clock.now())
    due = clock.to_local(due_at)
    part = PART_NAMED.search(said)
    at = PARTS_OF_DAY[part[1].lower()].replace(tzinfo=due.tzinfo) if part else due.timetz()
    if at.hour < WAKING_HOUR:  # a step at 01:30 offered a nudge at 01:30 (nu228)
        at = DEFAULT_TIME.replace(tzinfo=due.tzinfo)
    if settling:
        due = settled_from(due, now)
    on_days = [
        d for d in days_named(said, now=now) if re.search(ON_A_DAY + re.escape(d.said), said, re.I)
    ]
    for day in on_days[:1]:  # the first day the words put it on
        if day.day is not None:
            named = datetime.combine(day.day, at)
        else:  # a weekday: the first after the step, or after now once that has gone by
            ahead = (day.weekday - due.weekday()) % 7 or 7
            named = datetime.combine(due.date() + timedelta(days=ahead), at)
            while named <= now:
                named += timedelta(weeks=1)
        if named > max(due, now):
            return named
    if not on_days and words.THE_DAY_AFTER.search(said):
        named = datetime.combine(due.date() + timedelta(days=1), at)
        if named > max(due, now):
            return named
    suggested = datetime.combine(due.date() + timedelta(days=FOLLOW_UP_DAYS), at)
    if suggested <= now:
        suggested = datetime.combine(now.date() + timedelta(days=1), at)
    return suggested


def settled_from(due_at: datetime, now: datetime | None = None) -> datetime:
    """Where what follows a step counts from: the step's time, or now when it is settled
    before it (reached out early: a follow-up was tied to the later day, days after)."""
    return min(due_at, now or clock.now())


def check_follow_up(due_at: datetime, follow_up_at: datetime) -> None:
    """A follow-up after no reply comes after the step it follows (the README's "never
    before the step"), or after now for a step settled before its time; one at or before
    that is refused, kindly."""
    settled = settled_from(due_at)
    if follow_up_at <= settled:
        since = f"the step itself ({words.when(due_at)})" if settled == due_at else "now"
        suggested = words.when(follow_up_time(due_at, settling=True))
        raise InvalidInput(
            f"That is before {since}: a follow-up comes after it. Try a time after that — "
            f"{suggested}, say.",
            field="new_due_at",
        )


def record_outcome(
    *,
    session: Session,
    step_id: int,
    outcome: StepOutcome | dict[str, Any],
    continue_series: bool = True,
    settled_at: datetime | None = None,
) -> OutcomeResult:
    """Record what happened, in one transaction. Done records an interaction; rescheduled
    moves this one occurrence; declined or no reply with a new time plans a follow-up; a
    repeating step gets its next occurrence, whatever the outcome (unless
    *continue_series* is False: a changed outcome, whose series has gone on already).
    *settled_at*: when an outcome other than done came, if not now (an outcome changed to
    the same one)."""
    valid = validate(StepOutcome, outcome)
    row = get_or_404(session, Step, step_id, "step")
    check_open(session, row)
    new_due = valid.new_due_at
    if new_due is not None and new_due.tzinfo is None:
        raise InvalidInput("The new time needs a time zone.", field="new_due_at")
    check_someone_to_reply(row, valid.status)
    if valid.status is StepStatus.RESCHEDULED and new_due is None:
        raise InvalidInput("Choose the new time for this step.", field="new_due_at")
    moved = valid.status is StepStatus.RESCHEDULED or (
        valid.status is StepStatus.DECLINED and not valid.follow_up.strip()
    )  # the step itself at another time (not its backup)
    if moved and new_due == row.due_at:
        raise InvalidInput(
            f"That is the time it has now ({words.when(row.due_at)}): choose another to move "
            "it to.",
            field="new_due_at",
        )
    if valid.status in (StepStatus.DONE, StepStatus.SKIPPED):
        new_due = None
    if valid.status is StepStatus.NO_REPLY and new_due is not None:
        check_follow_up(row.due_at, new_due)
    moment = clock.utcnow()
    row.status = valid.status
    row.outcome_note = valid.note
    row.warmth = valid.warmth
    row.felt_awkwardness = valid.felt_awkwardness
    row.appreciation_response = (
        valid.appreciation_response if valid.status is StepStatus.DONE else None
    )
    # Done, it was settled when it happened (`done --when 3 dec 2025` showed in Plan, and
    # counted in this week's steps, as of the moment it was typed).
    happened = valid.occurred_at if valid.status is StepStatus.DONE else None
    row.resolved_at = min(happened, moment) if happened is not None else settled_at or moment
    session.add(row)
    if valid.status is StepStatus.DONE:
        _record_contact(session, row, valid, moment)
    following: list[Step] = []
    if valid.status is StepStatus.RESCHEDULED and new_due is not None:
        # The same step (or occurrence) moved: the calendar's UID stays, SEQUENCE goes up,
        # and a moved occurrence of a repeating step overrides the time the rule gave it.
        moved_from = row.recurrence_id or (row.due_at if row.rrule else None)
        following.append(
            _copy(row, new_due, rrule=None, uid=row.uid, sequence=row.sequence + 1,
                  recurrence_id=moved_from)
        )  # fmt: skip
    elif new_due is not None and valid.follow_up.strip():  # their own backup, say
        # Other words: how is as they say (a call's backup may be a voice note), not the
        # step's. After no reply it is a follow-up, named so: no reply to it offered a
        # third nudge (nu274).
        action = followed_up(valid.status, valid.follow_up.strip())
        following.append(
            _copy(row, new_due, action=action, channel=channel_in_words(action), rrule=None,
                  cue="", backup="")
        )  # fmt: skip
    elif new_due is not None:  # a follow-up is a step of its own
        following.append(
            _copy(row, new_due, action=followed_up(valid.status, row.action), rrule=None)
        )
    if row.rrule and continue_series:
        due = series_goes_on(row, moment, series_first(session, row))
        if due is not None:  # the series goes on: same UID, same SEQUENCE
            following.append(_copy(row, due, uid=row.uid, sequence=row.sequence))
    session.add_all(following)
    session.flush()
    return OutcomeResult(read_steps(session, [row])[0], read_steps(session, following))


def series_goes_on(row: Step, moment: datetime, first: datetime) -> datetime | None:
    """When a repeating step's series (its rule counting from *first*) goes on once this
    time of it is settled at *moment* (None: it has ended)."""
    return next_occurrence(row.rrule or "", max(row.due_at, moment), first)


def series_first(session: Session, row: Step) -> datetime:
    """The time a repeating step's rule counts from: its series' first occurrence, as a
    calendar reads it (COUNT)."""
    in_series = session.exec(select(Step).where(Step.uid == row.uid)).all()
    return series_start(in_series, row.sequence) or row.due_at


def series_start(rows: Iterable[Step], sequence: int) -> datetime | None:
    """When a series began: the DTSTART its rule counts from, among *rows* (the steps that
    share its UID) for the series at *sequence*.

    Every occurrence of a series shares its UID and SEQUENCE; a change to the whole series'
    time or repeat gives it a SEQUENCE above any before, so it starts again from the changed
    occurrence. An occurrence changed on its own (moved, or its words changed) is a
    RECURRENCE-ID override with a higher SEQUENCE: the time the rule gave it still counts
    (the first occurrence may be one of them)."""
    rows = list(rows)
    starts = [r.due_at for r in rows if r.rrule and r.sequence == sequence]
    starts += [r.recurrence_id for r in rows if r.recurrence_id and r.sequence > sequence]
    return min(starts, default=None)


def _record_contact(session: Session, row: Step, valid: StepOutcome, moment: datetime) -> None:
    """The contact a done step was: with its person — or, for a step toward a place, in
    that part of life (named now, if it was somewhere new) with the people met there. A
    place step with neither records no contact: it counts as a step done."""
    person_ids = [row.person_id] if row.person_id is not None else []
    if row.person_id is None:
        if row.context_id is None and valid.place is not None:
            row.context_id = _context_named(session, valid.place)
            session.add(row)
        person_ids = _people_met(session, valid.met, row.context_id)
        if not person_ids and row.context_id is None:
            return
    interaction = Interaction(
        occurred_at=valid.occurred_at or moment,
        channel=valid.channel
        or row.channel
        or channel_in_words(row.action)
        or (Channel.IN_PERSON if row.person_id is None else Channel.OTHER),
        initiator=valid.responded,
        warmth=valid.warmth,
        note=valid.note or row.action,
        step_id=row.id,
        context_id=row.context_id,
    )
    session.add(interaction)
    session.flush()
    assert interaction.id is not None
    for person_id in person_ids:
        session.add(InteractionPersonLink(interaction_id=interaction.id, person_id=person_id))


def _context_named(session: Session, name: str) -> int:
    """The context called *name* (whatever its case), added if there is none."""
    found = session.exec(
        select(Context.id).where(sa.func.lower(Context.name) == name.lower())
    ).first()
    if found is not None:
        return found
    return create_context(session=session, data={"name": name}).id


def _people_met(session: Session, names: list[str], context_id: int | None) -> list[int]:
    """The people met at a place, each name by the one name rule
    (:func:`planner_tui.names.people_named`): the one person on the map it names is them;
    a name that could be several is refused, naming them (nothing is saved); someone
    archived by that whole name is them; only a name no one has is added. Everyone met
    there belongs to that part of life from then on."""
    found: list[int] = []
    for name in dict.fromkeys(n.strip() for n in names if n.strip()):
        on_map = people_called(session=session, typed=name)
        if len(on_map) > 1:
            raise InvalidInput(words.several_called(name, [p.name for p in on_map]), field="met")
        same = on_map or find_duplicates(session=session, name=name)
        if len(same) == 1:
            found.append(same[0].id)
            if context_id is not None:  # met there: they belong to that part of life too
                session.merge(PersonContextLink(person_id=same[0].id, context_id=context_id))
        else:
            contexts = [context_id] if context_id is not None else []
            found.append(
                create_person(session=session, data={"name": name, "context_ids": contexts}).id
            )
    return list(dict.fromkeys(found))


def _copy(row: Step, due_at: datetime, **changes: Any) -> Step:
    keep = {"person_id", "context_id", "action", "effort", "channel", "cue", "backup",
            "rrule", "expected_awkwardness", "confidence", "appreciation_forecast",
            "shrunk"}  # fmt: skip
    values = {k: getattr(row, k) for k in keep} | changes
    return Step(**values, due_at=due_at, previous_id=row.id)
