"""The data model: tables, and the create / update / read models around them.

Table models do not validate on their own, so every write goes through a create or update
model first (services do that). Read models are plain values handed to the UI: they never
hold a database session.

Enumerations are stored as short strings, not database enum types, so adding a value later
needs no schema migration.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from datetime import date, datetime, timedelta
from typing import Annotated, Any

import sqlalchemy as sa
from pydantic import AfterValidator, Field as PydanticField, ValidationInfo, field_validator
from sqlmodel import JSON, Field, SQLModel

from planner_tui import words
from planner_tui.clock import today, utcnow
from planner_tui.db import tag_key
from planner_tui.db.choices import (  # re-exported: the tables' modules name them here
    LABELS as LABELS,
    Channel as Channel,
    Circle as Circle,
    ContextKind as ContextKind,
    Effort as Effort,
    Initiator as Initiator,
    LonelyHowOften as LonelyHowOften,
    StepStatus as StepStatus,
    label as label,
)
from planner_tui.db.types import UTCDateTime
from planner_tui.letters import LETTER, WORD_CHARACTERS
from planner_tui.names import visible

# --------------------------------------------------------------------------- validation

MAX_NAME = 1_000
MAX_NOTE = 20_000
MAX_BODY = 200_000
MAX_TAG = 100


def _has_control(text: str, *, allow_newlines: bool) -> bool:
    for ch in text:
        if allow_newlines and ch in "\n\t\r":
            continue
        if unicodedata.category(ch) == "Cc":
            return True
    return False


def one_line(value: str) -> str:
    """A few words on one line (a step's cue, its backup): as a name, they can't hold
    control characters, which a calendar file would carry raw to the calendar app."""
    if _has_control(value, allow_newlines=False):
        raise ValueError("can't contain control characters or line breaks")
    return value


def shows_nothing(name: str) -> bool:
    """Whether *name* (its invisible format characters taken out) shows nothing: empty, or
    only accents with nothing under them (a lone U+0301 was added as a name)."""
    return not name or all(unicodedata.category(c) in ("Mn", "Me") for c in name)


def clean_name(value: str) -> str:
    """A name: trimmed, not empty, one line, no control characters. Otherwise kept exactly
    as typed (no Unicode normalisation), so what is shown is what was written — except
    invisible format characters that do no work there (a right-to-left override, a
    zero-width space: :func:`planner_tui.names.visible`). Only those is no name at all."""
    typed = value.strip()
    value = visible(typed).strip()
    if shows_nothing(value):
        raise ValueError(
            "is only invisible characters; type something you can see"
            if typed
            else "can't be empty"
        )
    if problem := name_too_long(value):
        raise ValueError(problem)
    return one_line(value)


def name_too_long(value: str) -> str | None:
    """What to say of a name over :data:`MAX_NAME` characters (with its length: a paste
    refused did not say how much was to go), else ``None``."""
    if len(value) <= MAX_NAME:
        return None
    return f"can be at most {MAX_NAME:,} characters; this one has {len(value):,}"


def _text_cleaner(limit: int) -> Any:
    def clean(value: str) -> str:
        if "\x00" in value:
            raise ValueError("the text contains a NUL character, which can't be stored")
        if len(value) > limit:
            raise ValueError(
                f"is {len(value):,} characters long; it can be at most {limit:,}, so nothing "
                "was saved"
            )
        return value

    return clean


def not_a_number(value: str) -> str:
    """What someone is called (a name, a nickname) — but not '#' and a number: '#5' names
    the person numbered 5 on the command line, so it can't call anyone else as well."""
    if re.fullmatch(r"#\s*[+-]?\d+", value.strip()):
        raise ValueError(
            f"can't be {value.strip()[:20]}: on the command line, # and a number mean the "
            "person with that number. Add a word to it, or spell the number out"
        )
    return value


def name_refused(value: str) -> str | None:
    """Why *value* can't be someone's name ('Name can't be #5: …'), said before it is
    offered as one; None when it can."""
    try:
        not_a_number(clean_name(value))
    except ValueError as error:
        return f"Name {error}."
    return None


Name = Annotated[str, AfterValidator(clean_name)]
PersonName = Annotated[str, AfterValidator(clean_name), AfterValidator(not_a_number)]
Note = Annotated[str, AfterValidator(_text_cleaner(MAX_NOTE))]


Phrase = Annotated[str, AfterValidator(_text_cleaner(MAX_NAME)), AfterValidator(one_line)]
"""A few words on one line (a cue, a backup — which may become a step's words): as long as
a step's words may be."""


def clean_nickname(value: str) -> str:
    """A nickname: none, or a name (:func:`clean_name`: one line, no control characters —
    an escape sequence in one reached the terminal from `plan`'s words)."""
    return clean_name(value) if value.strip() else ""


Nickname = Annotated[str, AfterValidator(clean_nickname), AfterValidator(not_a_number)]
Body = Annotated[str, AfterValidator(_text_cleaner(MAX_BODY))]
Score = Annotated[int, Field(ge=1, le=5)]
Cadence = Annotated[int, Field(ge=1, le=3650)]
ScaleItem = Annotated[int, Field(ge=1, le=3)]


WRITTEN_TAG = rf"{LETTER}[{WORD_CHARACTERS}-]{{0,99}}"
"""A #tag as an entry's words make one: a letter or digit first, then those, - or _."""


def clean_tag(value: str) -> str:
    value = tag_key(value)
    if not value or len(value) > MAX_TAG or any(ch.isspace() for ch in value):
        raise ValueError("a tag is one word of at most 100 characters")
    if _has_control(value, allow_newlines=False):
        raise ValueError("a tag can't contain control characters")
    return value


def valid_month(value: str) -> str:
    try:
        parsed = datetime.strptime(value, "%Y-%m")
    except ValueError:
        raise ValueError("a month looks like 2026-11") from None
    return f"{parsed.year:04d}-{parsed.month:02d}"  # strftime writes the year 1 as "1"


Month = Annotated[str, AfterValidator(valid_month)]


def _utc_column(*, nullable: bool = False, index: bool = False) -> Any:
    if nullable:
        return Field(default=None, sa_column=sa.Column(UTCDateTime(), nullable=True, index=index))
    return Field(
        default_factory=utcnow,
        sa_column=sa.Column(UTCDateTime(), nullable=False, index=index, default=utcnow),
    )


def _text_column(default: str = "") -> Any:
    return Field(default=default, sa_column=sa.Column(sa.Text, nullable=False, default=default))


NUMBERED: dict[str, Any] = {"sqlite_autoincrement": True}
"""For a table whose rows have numbers (``id``): a number once given is never given again,
even after its row is deleted (SQLite gave the highest one out again; schema 0012)."""

# --------------------------------------------------------------------------- link tables


class PersonContextLink(SQLModel, table=True):
    __tablename__ = "person_context"
    person_id: int = Field(foreign_key="person.id", primary_key=True, ondelete="CASCADE")
    context_id: int = Field(
        foreign_key="context.id", primary_key=True, ondelete="CASCADE", index=True
    )


COPY_OF = "copy_of"
"""``Column.info`` key of a column the database keeps as a copy of another table's (by
triggers, see migration 0008), so a person's last contact is read from one index. Never
set by the app, never exported: a copy is the database's own business."""


def _copy(kind: Any, of: str) -> Any:
    return Field(default=None, sa_column=sa.Column(kind, nullable=True, info={COPY_OF: of}))


def is_copy(column: sa.Column[Any]) -> bool:
    return COPY_OF in column.info


PARTIAL_WHERE = "partial_where"
"""``Index.info`` key: the condition of a partial index (its rows), as SQL."""


def _partial_index(name: str, *columns: str, where: str) -> sa.Index:
    """An index over the rows *where* holds. Described here for SQLite only: naming another
    engine's options loads that engine's dialect (PostgreSQL's: ~50 ms on every command);
    :func:`describe_partial_indexes` adds them when an engine of that kind is made. The
    migrations (0008) create the index on both."""
    return sa.Index(name, *columns, sqlite_where=sa.text(where), info={PARTIAL_WHERE: where})


def describe_partial_indexes(dialect: str) -> None:
    """Give every partial index its condition in *dialect*'s options too (once is enough;
    again changes nothing), so the tables describe the schema on that engine as well."""
    if dialect == "sqlite":
        return
    for table in SQLModel.metadata.tables.values():
        for index in table.indexes:
            where = index.info.get(PARTIAL_WHERE)
            if where is not None and index.dialect_kwargs.get(f"{dialect}_where") is None:
                index.dialect_kwargs[f"{dialect}_where"] = sa.text(where)


class InteractionPersonLink(SQLModel, table=True):
    __tablename__ = "interaction_person"
    interaction_id: int = Field(foreign_key="interaction.id", primary_key=True, ondelete="CASCADE")
    person_id: int = Field(foreign_key="person.id", primary_key=True, ondelete="CASCADE")
    interaction_at: datetime | None = _copy(UTCDateTime(), "interaction.occurred_at")
    interaction_context_id: int | None = _copy(sa.Integer(), "interaction.context_id")
    __table_args__ = (
        sa.Index("ix_interaction_person_person", "person_id", "interaction_id"),
        # Someone's latest contacts, newest first: last contact, one-sided, reciprocity.
        sa.Index("ix_interaction_person_latest", "person_id", "interaction_at", "interaction_id"),
        # ...and their latest logged without a part of life (it counts for all of theirs).
        _partial_index(
            "ix_interaction_person_untagged",
            "person_id",
            "interaction_at",
            where="interaction_context_id IS NULL",
        ),
    )


class JournalPersonLink(SQLModel, table=True):
    __tablename__ = "journal_person"
    entry_id: int = Field(foreign_key="journal_entry.id", primary_key=True, ondelete="CASCADE")
    person_id: int = Field(
        foreign_key="person.id", primary_key=True, ondelete="CASCADE", index=True
    )
    counts_as_contact: bool = False
    entry_day: date | None = _copy(sa.Date(), "journal_entry.day")
    __table_args__ = (
        # Someone's latest journal day that counts as contact.
        _partial_index(
            "ix_journal_person_contact", "person_id", "entry_day", where="counts_as_contact"
        ),
    )


class JournalContextLink(SQLModel, table=True):
    __tablename__ = "journal_context"
    entry_id: int = Field(foreign_key="journal_entry.id", primary_key=True, ondelete="CASCADE")
    context_id: int = Field(
        foreign_key="context.id", primary_key=True, ondelete="CASCADE", index=True
    )


class JournalTag(SQLModel, table=True):
    __tablename__ = "journal_tag"
    entry_id: int = Field(foreign_key="journal_entry.id", primary_key=True, ondelete="CASCADE")
    tag: str = Field(sa_type=sa.String(MAX_TAG), primary_key=True, index=True)


# --------------------------------------------------------------------------- contexts


class ContextBase(SQLModel):
    name: Name
    kind: ContextKind = ContextKind.OTHER


class ContextCreate(ContextBase):
    pass


class ContextUpdate(SQLModel):
    name: Name | None = None
    kind: ContextKind | None = None
    archived: bool | None = None


class Context(SQLModel, table=True):
    __tablename__ = "context"
    __table_args__ = NUMBERED
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_column=sa.Column(sa.Text, nullable=False, unique=True))
    kind: str = Field(default=ContextKind.OTHER, sa_type=sa.String(20))
    archived: bool = False
    created_at: datetime = _utc_column()


class ContextRead(SQLModel):
    id: int
    name: str
    kind: ContextKind
    archived: bool = False
    people_count: int = 0
    last_contact: datetime | None = None
    created_at: datetime | None = None
    """When it was added: a part of life counts from then until its first contact."""


# --------------------------------------------------------------------------- people


class PersonBase(SQLModel):
    name: PersonName
    nickname: Nickname = ""
    circle: Circle = Circle.MIDDLE
    cadence_days: Cadence | None = None
    notes: Note = ""
    boundaries: Note = ""


class PersonCreate(PersonBase):
    context_ids: list[int] = []


class PersonUpdate(SQLModel):
    name: PersonName | None = None
    nickname: Nickname | None = None
    circle: Circle | None = None
    cadence_days: Cadence | None = None
    clear_cadence: bool = False
    notes: Note | None = None
    boundaries: Note | None = None
    archived: bool | None = None
    snoozed_until: date | None = None
    context_ids: list[int] | None = None


class Person(SQLModel, table=True):
    __tablename__ = "person"
    __table_args__ = NUMBERED
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_column=sa.Column(sa.Text, nullable=False, index=True))
    nickname: str = _text_column()
    circle: str = Field(default=Circle.MIDDLE, sa_type=sa.String(10))
    cadence_days: int | None = None
    notes: str = _text_column()
    boundaries: str = _text_column()
    archived: bool = Field(default=False, index=True)
    snoozed_until: date | None = None
    created_at: datetime = _utc_column()
    updated_at: datetime = _utc_column()


class PersonRead(SQLModel):
    id: int
    name: str
    nickname: str = ""
    circle: Circle
    cadence_days: int | None = None
    notes: str = ""
    boundaries: str = ""
    archived: bool = False
    snoozed_until: date | None = None
    contexts: list[str] = []
    last_contact: datetime | None = None
    drifting_days: int | None = None
    """Days past the desired cadence (None when not drifting or no cadence set); for
    someone never in touch (``last_contact`` None), the days since they were added (at
    least 1): they are suggested from the day they are added."""
    resting_past: bool = False
    """Past their rhythm while their reminder rests (snoozed): not drifting, and not
    within it either."""
    aliases: list[str] = []
    """Other names they go by: the names of people merged into them (so ``@OldName``
    still links them, by :func:`planner_tui.names.people_named`)."""

    def resting_until(self, today: date) -> date | None:
        """The last day their reminders rest, if they rest on *today*; else None (never
        snoozed, or the rest is over)."""
        if self.snoozed_until is None or self.snoozed_until < today:
            return None
        return self.snoozed_until


# --------------------------------------------------------------------------- dates


MAX_DATE_LABEL = 100
BIRTHDAY = "birthday"
ANNIVERSARY = "anniversary"


def clean_date_label(value: str) -> str:
    """What a date is: "birthday", "moved to Leeds" — a name of at most 100 characters."""
    value = clean_name(value)
    if len(value) > MAX_DATE_LABEL:
        raise ValueError(f"can be at most {MAX_DATE_LABEL} characters")
    return value


DateLabel = Annotated[str, AfterValidator(clean_date_label)]


class PersonDateBase(SQLModel):
    """A day that comes round each year: a month and a day, and the year when known."""

    label: DateLabel
    year: Annotated[int, Field(ge=1, le=9999)] | None = None
    month: Annotated[int, Field(ge=1, le=12)]
    day: Annotated[int, Field(ge=1, le=31)]

    @field_validator("day")
    @classmethod
    def _in_the_month(cls, value: int, info: ValidationInfo) -> int:
        month, year = info.data.get("month"), info.data.get("year")
        if month is not None:
            try:
                born = date(year or 2000, month, value)  # 29 February stands without a year
            except ValueError:
                raise ValueError("that day is not in that month") from None
            label = str(info.data.get("label", "")).strip().casefold()
            if year is not None and label == "birthday" and born > today():
                raise ValueError(words.birthday_to_come(born))
        return value


class PersonDateCreate(PersonDateBase):
    person_id: int


class PersonDate(SQLModel, table=True):
    """A birthday, an anniversary or another named day in someone's year."""

    __tablename__ = "person_date"
    __table_args__ = NUMBERED
    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", index=True)
    label: str = Field(sa_type=sa.String(MAX_DATE_LABEL))
    month: int
    day: int
    year: int | None = None
    created_at: datetime = _utc_column()


class PersonDateRead(PersonDateBase):
    id: int
    person_id: int


class PersonAlias(SQLModel, table=True):
    """Another name someone goes by: the name (or nickname) of someone merged into them, so
    that ``@OldName`` in the journal, search and imports still finds them."""

    __tablename__ = "person_alias"
    __table_args__ = NUMBERED
    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", index=True)
    name: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    created_at: datetime = _utc_column()


# --------------------------------------------------------------------------- interactions


LOGGED_CHANNEL = Channel.IN_PERSON
LOGGED_INITIATOR = Initiator.MUTUAL
"""A contact logged without saying how, or who reached out: the one default, for the
Map's log form and `planner-tui log` alike (each shows it, so it can be changed)."""


class InteractionBase(SQLModel):
    occurred_at: datetime
    context_id: int | None = None
    channel: Channel = LOGGED_CHANNEL
    initiator: Initiator = LOGGED_INITIATOR
    warmth: Score | None = None
    gave_emotional: bool = False
    gave_practical: bool = False
    got_emotional: bool = False
    got_practical: bool = False
    note: Note = ""

    @field_validator("occurred_at")
    @classmethod
    def as_aware(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError("the time needs a time zone")
        return value


class InteractionCreate(InteractionBase):
    person_ids: Annotated[list[int], PydanticField(default_factory=list, validate_default=True)]
    step_id: int | None = None

    @field_validator("person_ids")
    @classmethod
    def _someone(cls, value: list[int], info: ValidationInfo) -> list[int]:
        # Without anyone from the map it is a small moment (a chat with a neighbour), kept
        # for the part of life it happened in: that part needs naming.
        if not value and info.data.get("context_id") is None:
            raise ValueError(
                "choose at least one person — or, for a small moment with someone not on "
                "your map, the part of life it was in"
            )
        return list(dict.fromkeys(value))


class Interaction(SQLModel, table=True):
    __tablename__ = "interaction"
    id: int | None = Field(default=None, primary_key=True)
    occurred_at: datetime = _utc_column(index=True)
    context_id: int | None = Field(default=None, foreign_key="context.id", ondelete="SET NULL")
    channel: str = Field(default=Channel.IN_PERSON, sa_type=sa.String(12))
    initiator: str = Field(default=Initiator.MUTUAL, sa_type=sa.String(8))
    warmth: int | None = None
    gave_emotional: bool = False
    gave_practical: bool = False
    got_emotional: bool = False
    got_practical: bool = False
    note: str = _text_column()
    step_id: int | None = Field(
        default=None, foreign_key="step.id", ondelete="SET NULL", index=True
    )
    created_at: datetime = _utc_column()
    # A part of life's latest contact logged there (and its contacts in a window).
    __table_args__ = (
        sa.Index("ix_interaction_context_occurred", "context_id", "occurred_at"),
        NUMBERED,
    )


class InteractionRead(InteractionBase):
    id: int
    people: list[str] = []
    person_ids: list[int] = []
    context: str | None = None
    step_id: int | None = None


# --------------------------------------------------------------------------- steps


def new_step_uid() -> str:
    """A calendar UID for a new step or series: unique everywhere, and nothing personal."""
    return f"{uuid.uuid4()}@planner-tui"


class StepBase(SQLModel):
    person_id: int | None = None
    """Who the step is with; None for a step toward a place, a group or an event."""
    context_id: int | None = None
    """The part of life the step is toward (the choir, the climbing wall), when it is
    toward a place rather than a person; a step toward somewhere new has neither."""
    action: Annotated[str, AfterValidator(clean_name)]
    effort: Effort = Effort.SMALL
    channel: Channel | None = None
    due_at: datetime
    cue: Note = ""
    backup: Note = ""
    rrule: str | None = None
    expected_awkwardness: Score | None = None
    confidence: Annotated[int, Field(ge=0, le=10)] | None = None
    appreciation_forecast: Score | None = None
    """When planning: how much the person thinks the other will appreciate it (1–5)."""
    shrunk: bool = False
    """Made smaller in the wizard (the "how sure" page's offer, taken)."""


class StepCreate(StepBase):
    cue: Phrase = ""  # refused as new words; a stored one is read as it is
    backup: Phrase = ""


class Step(SQLModel, table=True):
    __tablename__ = "step"
    id: int | None = Field(default=None, primary_key=True)
    person_id: int | None = Field(
        default=None, foreign_key="person.id", ondelete="CASCADE", index=True
    )
    context_id: int | None = Field(
        default=None, foreign_key="context.id", ondelete="SET NULL", index=True
    )
    action: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    effort: str = Field(default=Effort.SMALL, sa_type=sa.String(10))
    channel: str | None = Field(default=None, sa_type=sa.String(12))
    due_at: datetime = _utc_column(index=True)
    cue: str = _text_column()
    backup: str = _text_column()
    rrule: str | None = Field(default=None, sa_type=sa.Text)
    expected_awkwardness: int | None = None
    confidence: int | None = None
    appreciation_forecast: int | None = None
    """How much they'd appreciate it, as guessed when planning (1–5; schema 0009)."""
    appreciation_response: int | None = None
    """How they seemed to take it, noted after "done" (1–5; schema 0009)."""
    shrunk: bool = Field(
        default=False, sa_column=sa.Column(sa.Boolean, nullable=False, server_default=sa.false())
    )
    """Made smaller in the wizard before it was saved (schema 0009)."""
    status: str = Field(default=StepStatus.PLANNED, sa_type=sa.String(12), index=True)
    outcome_note: str = _text_column()
    felt_awkwardness: int | None = None
    warmth: int | None = None
    resolved_at: datetime | None = _utc_column(nullable=True, index=True)
    """When its outcome was recorded (indexed for the Review's following through, schema 0009)."""
    previous_id: int | None = Field(
        default=None, foreign_key="step.id", ondelete="SET NULL", index=True
    )
    """The step this one was planned after (an outcome's follow-up, a moved time; indexed
    for the Review's "not now"s that became a yes, schema 0011)."""
    created_at: datetime = _utc_column()
    uid: str = Field(
        default_factory=new_step_uid,
        sa_column=sa.Column(
            sa.String(80), nullable=False, index=True, default=new_step_uid, server_default=""
        ),
    )
    """The calendar UID, shared by every occurrence of a repeating step (and by a step moved
    to another time): a calendar that imports the file again updates, never duplicates."""
    sequence: int = Field(
        default=0, sa_column=sa.Column(sa.Integer, nullable=False, default=0, server_default="0")
    )
    """The calendar SEQUENCE: one more each time this occurrence was moved."""
    recurrence_id: datetime | None = _utc_column(nullable=True)
    """For a moved occurrence of a repeating step: the time the rule gave it (RECURRENCE-ID)."""
    reminded_at: datetime | None = _utc_column(nullable=True)
    """When `planner-tui remind` told the person about this step: once, never again."""
    __table_args__ = (
        # A status's steps within a span of time (the Review's "not now"s; schema 0011).
        sa.Index("ix_step_status_due_at", "status", "due_at"),
        NUMBERED,
    )


class StepRead(StepBase):
    id: int
    person: str
    """Whom or where the step is toward, as shown: the person's name, else the context's,
    else empty (somewhere new)."""
    context: str = ""
    """The context's name, for a step toward one."""
    status: StepStatus
    outcome_note: str = ""
    felt_awkwardness: int | None = None
    warmth: int | None = None
    appreciation_response: int | None = None
    resolved_at: datetime | None = None
    previous_id: int | None = None


# --------------------------------------------------------------------------- journal


class JournalEntryBase(SQLModel):
    day: date
    body: Body = ""
    mood: Score | None = None
    connectedness: Score | None = None
    support: Score | None = None
    comfort_giving: Score | None = None
    comfort_receiving: Score | None = None
    warmth_note: Note = ""
    withdraw_note: Note = ""


class JournalEntryCreate(JournalEntryBase):
    person_ids: list[int] = []
    contact_person_ids: list[int] = []
    """People mentioned whom the entry also counts as contact with (resets drift)."""
    context_ids: list[int] = []
    tags: list[Annotated[str, AfterValidator(clean_tag)]] = []


class JournalEntry(SQLModel, table=True):
    __tablename__ = "journal_entry"
    __table_args__ = NUMBERED
    id: int | None = Field(default=None, primary_key=True)
    day: date = Field(index=True)
    body: str = _text_column()
    mood: int | None = None
    connectedness: int | None = None
    support: int | None = None
    comfort_giving: int | None = None
    comfort_receiving: int | None = None
    warmth_note: str = _text_column()
    withdraw_note: str = _text_column()
    created_at: datetime = _utc_column()
    updated_at: datetime = _utc_column()


class JournalEntryRead(JournalEntryBase):
    id: int
    people: list[str] = []
    person_ids: list[int] = []
    contact_person_ids: list[int] = []
    contexts: list[str] = []
    context_ids: list[int] = []
    tags: list[str] = []
    updated_at: datetime | None = None

    def people_by_contact(self) -> tuple[list[str], list[str]]:
        """The names of those it counts as in touch that day, and of those it only
        mentions."""
        in_touch = set(self.contact_person_ids)
        pairs = list(zip(self.people, self.person_ids, strict=True))
        return [n for n, p in pairs if p in in_touch], [n for n, p in pairs if p not in in_touch]

    @property
    def felt_heavy(self) -> bool:
        """A day scored at the very bottom for mood or connectedness: saying it was saved
        also says where support is (the one rule: the app's toast, the command line)."""
        return 1 in (self.mood, self.connectedness)


class SearchHit(SQLModel):
    entry: JournalEntryRead
    snippet: str
    """Plain text around the first match; matched words are listed in ``terms``."""
    terms: list[str] = []


# --------------------------------------------------------------------------- monthly review


class LonelinessCheckCreate(SQLModel):
    month: Month
    lack_companionship: ScaleItem
    left_out: ScaleItem
    isolated: ScaleItem
    how_often: LonelyHowOften | None = None


class LonelinessCheck(SQLModel, table=True):
    __tablename__ = "loneliness_check"
    __table_args__ = NUMBERED
    id: int | None = Field(default=None, primary_key=True)
    month: str = Field(sa_type=sa.String(7), unique=True)
    lack_companionship: int
    left_out: int
    isolated: int
    how_often: str | None = Field(default=None, sa_type=sa.String(20))
    taken_at: datetime = _utc_column()

    @property
    def total(self) -> int:
        """The three-item scale's total, 3–9 (the direct question is never added in)."""
        return self.lack_companionship + self.left_out + self.isolated


HIGH_LONELINESS = 7
"""From this total (of 3–9) the review offers support. Not a diagnosis."""


class LonelinessCheckRead(LonelinessCheckCreate):
    id: int
    taken_at: datetime
    total: int

    @property
    def leans_lonely(self) -> bool:
        """Whether the answers lean far enough towards feeling lonely for the review to
        offer the people one trusts and free lines (the one rule: the review, the toast)."""
        return self.total >= HIGH_LONELINESS or self.how_often == LonelyHowOften.OFTEN


INTENTION_LIMIT = 500
"""Characters an intention may have (it shows on Today all month)."""


class MonthReviewUpdate(SQLModel):
    month: Month
    wins: Note = ""
    intentions: list[Annotated[str, AfterValidator(_text_cleaner(INTENTION_LIMIT))]] = []
    note: Note = ""

    @field_validator("intentions")
    @classmethod
    def _one_to_three(cls, value: list[str]) -> list[str]:
        value = [v.strip() for v in value if v.strip()]
        if len(value) > 3:
            raise ValueError("keep it to three intentions at most")
        return value


class MonthReview(SQLModel, table=True):
    __tablename__ = "month_review"
    __table_args__ = NUMBERED
    id: int | None = Field(default=None, primary_key=True)
    month: str = Field(sa_type=sa.String(7), unique=True)
    wins: str = _text_column()
    intentions: list[str] = Field(default_factory=list, sa_column=sa.Column(JSON, nullable=False))
    note: str = _text_column()
    updated_at: datetime = _utc_column()


class MonthReviewRead(MonthReviewUpdate):
    id: int
    updated_at: datetime


# --------------------------------------------------------------------------- experiments

EXPERIMENT_WEEKS = (2, 6)
"""The shortest and longest small experiment, in weeks."""


def _room_before(starts: date) -> None:
    """As many days before an experiment as it runs are its comparison: they must be on the
    calendar too (one from 1 Jan 0001 stopped its month's review)."""
    if starts < date.min + timedelta(weeks=EXPERIMENT_WEEKS[1]):
        raise ValueError(
            "That is too close to the start of the calendar (1 Jan 0001) to compare with "
            "the weeks before it."
        )


def experiment_ends(starts: date, weeks: int) -> date:
    """An experiment's last planned day: *weeks* whole weeks from its first. ValueError
    (its words for the person) when that is past the calendar's last day, or the weeks
    before it (:func:`_room_before`) are before its first."""
    _room_before(starts)
    try:
        return starts + timedelta(weeks=weeks, days=-1)
    except OverflowError:
        raise ValueError(
            "It would run past the end of the calendar (31 Dec 9999): start it earlier."
        ) from None


class ExperimentCreate(SQLModel):
    """A small experiment: a name, what it is tied to (a #tag or a repeating step's words),
    when it starts and for how many weeks."""

    name: Name
    tag: str = ""
    step_words: str = ""
    weeks: Annotated[int, Field(ge=EXPERIMENT_WEEKS[0], le=EXPERIMENT_WEEKS[1])]
    starts: date  # after weeks: its check needs them

    @field_validator("starts")
    @classmethod
    def _on_the_calendar(cls, value: date, info: ValidationInfo) -> date:
        if isinstance(info.data.get("weeks"), int):
            experiment_ends(value, info.data["weeks"])
        else:  # an import's row has its end instead
            _room_before(value)
        return value

    @field_validator("tag")
    @classmethod
    def _tag(cls, value: str) -> str:
        return experiment_tag(value)

    @field_validator("step_words")
    @classmethod
    def _words(cls, value: str) -> str:
        return clean_name(value) if value.strip() else ""


def experiment_tag(value: str) -> str:
    """A tag an entry can carry ('' for none): '[red]walk' was taken, and no entry could ever
    count. The form asks it as it checks, beside its other notes."""
    if not value.strip():
        return ""
    value = clean_tag(value)
    if not re.fullmatch(WRITTEN_TAG, value):
        raise ValueError(
            "a #tag is letters and digits, with - or _ between (#walk, #new-friends), "
            "as an entry's words make one"
        )
    return value


class Experiment(SQLModel, table=True):
    __tablename__ = "experiment"
    __table_args__ = NUMBERED
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    tag: str = Field(default="", sa_column=sa.Column(sa.String(100), nullable=False, default=""))
    """The journal tag it is tied to ('' when tied to a step)."""
    step_words: str = _text_column()
    """The words of the repeating step it is tied to ('' when tied to a tag)."""
    starts: date = Field(sa_type=sa.Date)
    ends: date = Field(sa_type=sa.Date)
    """The last day planned."""
    ended_on: date | None = Field(default=None, sa_type=sa.Date)
    """The day it was ended early, if it was."""
    created_at: datetime = _utc_column()


class ExperimentRead(SQLModel):
    id: int
    name: str
    tag: str
    step_words: str
    starts: date
    ends: date
    ended_on: date | None = None

    @property
    def last_day(self) -> date:
        return min(self.ends, self.ended_on or self.ends)

    @property
    def tied_to(self) -> str:
        return f"#{self.tag}" if self.tag else self.step_words


# --------------------------------------------------------------------------- support


class TrustedContactBase(SQLModel):
    name: Name
    reach: Phrase = ""
    """How to reach them: a number, an address, 'knock next door' — on one line, as long
    as a name may be, so the crisis lines after them on the help page stay in reach."""


class TrustedContact(SQLModel, table=True):
    """Someone the person would turn to when things feel heavy, shown first under help."""

    __tablename__ = "trusted_contact"
    __table_args__ = NUMBERED
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    reach: str = _text_column()
    position: int = 0


class TrustedContactRead(TrustedContactBase):
    id: int
    reach: str = ""  # as stored: a longer one kept before the limit still shows


# --------------------------------------------------------------------------- drafts & settings


class Draft(SQLModel, table=True):
    """Text being typed, kept until it is saved or discarded (one row per form)."""

    __tablename__ = "draft"
    key: str = Field(sa_type=sa.String(200), primary_key=True)
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=sa.Column(JSON, nullable=False))
    updated_at: datetime = _utc_column()


class AppSetting(SQLModel, table=True):
    """Small preferences that travel with the data (first-run notice seen, backups taken)."""

    __tablename__ = "app_setting"
    key: str = Field(sa_type=sa.String(100), primary_key=True)
    value: Any = Field(default=None, sa_column=sa.Column(JSON, nullable=True))


TABLES_IN_ORDER: list[type[SQLModel]] = [
    Context,
    Person,
    PersonContextLink,
    PersonDate,
    PersonAlias,
    Step,
    Interaction,
    InteractionPersonLink,
    JournalEntry,
    JournalPersonLink,
    JournalContextLink,
    JournalTag,
    LonelinessCheck,
    MonthReview,
    Experiment,
    TrustedContact,
    Draft,
    AppSetting,
]
"""Every table, parents before children: the order for export, import and wiping."""
