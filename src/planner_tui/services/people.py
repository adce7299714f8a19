"""People, contexts and the interactions between them."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import partial
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from planner_tui import clock, daily, names, words
from planner_tui.daily import (
    as_aware as as_aware,  # these names, for the services
    day_as_moment as day_as_moment,
    day_window as day_window,
    drift_order,
    drifting_days as drifting_days,
)
from planner_tui.db.models import (
    Channel,
    Context,
    ContextCreate,
    ContextKind,
    ContextRead,
    ContextUpdate,
    Interaction,
    InteractionCreate,
    InteractionPersonLink,
    InteractionRead,
    JournalContextLink,
    JournalEntry,
    JournalPersonLink,
    Person,
    PersonAlias,
    PersonContextLink,
    PersonCreate,
    PersonDate,
    PersonDateBase,
    PersonDateCreate,
    PersonDateRead,
    PersonRead,
    PersonUpdate,
    Step,
)
from planner_tui.errors import InvalidInput, NotFound
from planner_tui.names import (
    as_told,
    fold,
    name_key,
    people_begun,
    people_named,
    person_named,
    sort_key,
)
from planner_tui.services.common import (
    all_there,
    driver_connection,
    get_or_404,
    validate,
)
from planner_tui.services.undo import Change, Recorder

# --------------------------------------------------------------------------- contexts


def _context_taken(session: Session, name: str, *, except_id: int | None = None) -> None:
    """Refuse a second context of one name, in any capitalisation (as the database's
    lower() has it: what was stored under this rule must always import again), saying
    the one there ('family' names Family)."""
    query = select(Context.name).where(sa.func.lower(Context.name) == name.lower())
    if except_id is not None:
        query = query.where(Context.id != except_id)
    if (there := session.exec(query).first()) is not None:
        raise InvalidInput(f"There is already a context called {there!r}.", field="name")


_KIND_WORDS = {
    ContextKind.FAMILY: "family|mum|mom|dad|parents|siblings|sister|brother|cousins|relatives",
    ContextKind.FRIENDS: "friends|friend|mates",
    ContextKind.WORK: "work|office|job|colleagues|team at work",
    ContextKind.SCHOOL: "school|uni|university|college|class|course|evening class",
    ContextKind.NEIGHBOURHOOD: "neighbourhood|neighborhood|neighbours|neighbors|street|building",
    ContextKind.VOLUNTEERING: "volunteering|volunteer|volunteers|charity|food bank",
    ContextKind.FAITH: "faith|church|mosque|temple|synagogue|gurdwara|parish|prayer|sangha",
    ContextKind.ONLINE: "online|forum|discord|reddit|group chat|internet",
    ContextKind.HOBBY: "choir|club|team|allotment|book|running|yoga|climbing|chess|band|"
                       "gym|football|knitting|hobby|hobbies",
}  # fmt: skip
_KIND_FOUND = re.compile(
    "|".join(rf"(?P<{k.name}>\b(?:{found})\b)" for k, found in _KIND_WORDS.items())
)


def kind_from_name(name: str) -> ContextKind:
    """The kind a part of life's name says ('Family', 'Work', 'Community choir'), else
    other: one added by name alone (`add --context`) had every kind "other" (nu165)."""
    found = _KIND_FOUND.search(fold(name))
    return ContextKind[found.lastgroup] if found and found.lastgroup else ContextKind.OTHER


def create_context(*, session: Session, data: ContextCreate | dict[str, Any]) -> ContextRead:
    valid = validate(ContextCreate, data)
    _context_taken(session, valid.name)
    kind = valid.kind if "kind" in valid.model_fields_set else kind_from_name(valid.name)
    row = Context(name=valid.name, kind=kind)
    session.add(row)
    session.flush()
    return ContextRead.model_validate(row, from_attributes=True)


def update_context(
    *, session: Session, context_id: int, data: ContextUpdate | dict[str, Any]
) -> ContextRead:
    valid = validate(ContextUpdate, data)
    row = get_or_404(session, Context, context_id, "context")
    if valid.name is not None:
        _context_taken(session, valid.name, except_id=context_id)
        row.name = valid.name
    if valid.kind is not None:
        row.kind = valid.kind
    if valid.archived is not None:
        row.archived = valid.archived
    session.add(row)
    session.flush()
    return ContextRead.model_validate(row, from_attributes=True)


def delete_context(*, session: Session, context_id: int) -> Change:
    """Delete a context; people, interactions with them and steps toward it stay, they
    just lose that label (small moments logged there go). Returns
    what changed, so the session can take it back (:func:`planner_tui.services.undo.revert`)."""
    get_or_404(session, Context, context_id, "context")
    recorder = Recorder(session)
    recorder.watch(Context, col(Context.id) == context_id)
    recorder.watch(PersonContextLink, col(PersonContextLink.context_id) == context_id)
    recorder.watch(JournalContextLink, col(JournalContextLink.context_id) == context_id)
    recorder.watch(Interaction, col(Interaction.context_id) == context_id)
    recorder.watch(Step, col(Step.context_id) == context_id)
    # A small moment (no one from the map) was kept for this part of life alone: it goes
    # with it, as a person's contacts go with them.
    someone = sa.exists().where(col(InteractionPersonLink.interaction_id) == Interaction.id)
    session.execute(
        sa.delete(Interaction).where(col(Interaction.context_id) == context_id, ~someone)
    )
    session.execute(sa.delete(Context).where(col(Context.id) == context_id))
    return recorder.finish()


COUNTS_AS_CONTACT: Any = sa.text("journal_person.counts_as_contact")
"""A check-in's link that counts as being in touch, written as the partial index on the
contacts of each person has it (migration 0008): SQLAlchemy's "counts_as_contact = 1" kept
SQLite off that index, along every link of a person's hundred years (28 ms a list)."""


def context_contacts(start: datetime | None = None, end: datetime | None = None) -> sa.Subquery:
    """Each contact with a context, optionally only those in [start, end): rows of
    (context_id, interaction_id, occurred_at, channel, entry_id, day) — a logged contact
    has the first four, a check-in that counts as contact the last two.

    An interaction counts for the context it was logged in; one logged without a context,
    and a check-in's contact, count for every context its people belong to (a check-in
    that said "in touch with Kai" made Kai last in touch, but not his chess club).
    """
    # The window is applied inside each part: SQLite does not push it into a UNION.
    window: list[Any] = []
    days: list[Any] = [COUNTS_AS_CONTACT]
    # The check-ins' days are read down the entries' index on their day (a few weeks of
    # them), not along every link of every year.
    if start is not None:
        window.append(col(Interaction.occurred_at) >= start)
        days.append(col(JournalEntry.day) >= clock.to_local(start).date())
    if end is not None:
        window.append(col(Interaction.occurred_at) < end)
        days.append(col(JournalEntry.day) < clock.to_local(end).date())

    def nothing(column: Any, label: str) -> Any:  # typed: PostgreSQL's UNION needs it
        return sa.cast(sa.null(), column.type).label(label)

    no_entry = (
        nothing(JournalPersonLink.entry_id, "entry_id"),
        nothing(JournalPersonLink.entry_day, "day"),
    )
    tagged: Any = sa.select(
        col(Interaction.context_id).label("context_id"),
        col(Interaction.id).label("interaction_id"),
        col(Interaction.occurred_at).label("occurred_at"),
        col(Interaction.channel).label("channel"),
        *no_entry,
    ).where(col(Interaction.context_id).is_not(None), *window)
    through_people: Any = (
        sa.select(
            col(PersonContextLink.context_id).label("context_id"),
            col(Interaction.id).label("interaction_id"),
            col(Interaction.occurred_at).label("occurred_at"),
            col(Interaction.channel).label("channel"),
            *no_entry,
        )
        .join(InteractionPersonLink, col(InteractionPersonLink.interaction_id) == Interaction.id)
        .join(
            PersonContextLink, col(PersonContextLink.person_id) == InteractionPersonLink.person_id
        )
        .where(col(Interaction.context_id).is_(None), *window)
    )
    checked_in: Any = (
        sa.select(
            col(PersonContextLink.context_id).label("context_id"),
            nothing(Interaction.id, "interaction_id"),
            nothing(Interaction.occurred_at, "occurred_at"),
            nothing(Interaction.channel, "channel"),
            col(JournalPersonLink.entry_id).label("entry_id"),
            col(JournalPersonLink.entry_day).label("day"),
        )
        .select_from(JournalEntry)
        .join(JournalPersonLink, col(JournalPersonLink.entry_id) == JournalEntry.id)
        .join(PersonContextLink, col(PersonContextLink.person_id) == JournalPersonLink.person_id)
        .where(*days)
    )
    # UNION (not ALL) so two people of one context in one contact count once.
    return sa.union(tagged, through_people, checked_in).subquery("context_contact")


def contact_moment(occurred_at: Any, day: Any) -> datetime:
    """When a row of :func:`context_contacts` was: its moment, or its check-in's day."""
    moment = as_aware(occurred_at) or day_as_moment(day)
    assert moment is not None
    return moment


def context_last_contacts(session: Session) -> dict[int, datetime]:
    """Each context's latest contact, counted as :func:`context_contacts` counts them.

    Asked context by context and person by person, each answer one step down an index
    (migration 0008), so it costs the same however many years of contact there are."""
    link = InteractionPersonLink
    logged_there = (
        sa.select(sa.func.max(Interaction.occurred_at))
        .where(col(Interaction.context_id) == Context.id)
        .scalar_subquery()
    )
    # A contact logged without a context counts for every context of its people: the
    # latest such contact of each person of this context (the link rows' own copies).
    members_latest = (
        sa.select(sa.func.max(link.interaction_at))
        .where(
            col(link.person_id) == PersonContextLink.person_id,
            col(link.interaction_context_id).is_(None),
        )
        .scalar_subquery()
    )
    through_people = (
        sa.select(sa.func.max(members_latest))
        .where(col(PersonContextLink.context_id) == Context.id)
        .scalar_subquery()
    )
    # And so does a check-in's contact (down the index of the contacts of each person).
    members_checked_in = (
        sa.select(sa.func.max(JournalPersonLink.entry_day))
        .where(
            col(JournalPersonLink.person_id) == PersonContextLink.person_id,
            COUNTS_AS_CONTACT,
        )
        .scalar_subquery()
    )
    through_check_ins = (
        sa.select(sa.func.max(members_checked_in))
        .where(col(PersonContextLink.context_id) == Context.id)
        .scalar_subquery()
    )
    query = sa.select(col(Context.id), logged_there, through_people, through_check_ins)
    found: dict[int, datetime] = {}
    for cid, there, members, checked_in in session.execute(query).all():
        moments = [as_aware(there), as_aware(members), day_as_moment(checked_in)]
        latest = [moment for moment in moments if moment is not None]
        if latest:
            found[cid] = max(latest)
    return found


def list_contexts(*, session: Session, include_archived: bool = False) -> list[ContextRead]:
    """Every context with how many people belong to it and when it last saw contact."""
    people = (
        select(sa.func.count())
        .select_from(PersonContextLink)
        .join(Person, col(Person.id) == PersonContextLink.person_id)
        .where(PersonContextLink.context_id == Context.id, col(Person.archived).is_(False))
        .scalar_subquery()
    )
    query = select(Context, people)
    if not include_archived:
        query = query.where(col(Context.archived).is_(False))
    last = context_last_contacts(session)
    result = []
    for row, count in session.exec(query).all():
        read = ContextRead.model_validate(row, from_attributes=True)
        read.people_count = count
        read.last_contact = last.get(read.id)
        result.append(read)
    return sorted(result, key=lambda c: sort_key(c.name))


# --------------------------------------------------------------------------- people


def _check_context_ids(session: Session, ids: Iterable[int]) -> list[int]:
    return all_there(session, Context, ids, "context", "context_ids")


Dates = Sequence[PersonDateBase | dict[str, Any]] | None
"""Someone's dates as a form gives them (a birthday, "moved to Leeds"): each a label, a
month, a day and maybe a year."""


def create_person(
    *, session: Session, data: PersonCreate | dict[str, Any], dates: Dates = None
) -> PersonRead:
    """Add someone, with their *dates* when given (in the same transaction)."""
    checked = _checked_dates(dates)
    row = add_person(session=session, data=data)
    assert row.id is not None
    if checked:
        set_dates(session=session, person_id=row.id, dates=checked)
    return get_person(session=session, person_id=row.id)


def add_person(*, session: Session, data: PersonCreate | dict[str, Any]) -> Person:
    """Add someone and give back their row, for a caller that adds many (an address book's
    thousands: reading each back as a person with their figures was half the time)."""
    valid = validate(PersonCreate, data)
    context_ids = _check_context_ids(session, valid.context_ids)
    row = Person(**valid.model_dump(exclude={"context_ids"}))
    session.add(row)
    session.flush()
    assert row.id is not None
    for context_id in context_ids:
        session.add(PersonContextLink(person_id=row.id, context_id=context_id))
    return row


def update_person(
    *,
    session: Session,
    person_id: int,
    data: PersonUpdate | dict[str, Any],
    dates: Dates = None,
) -> PersonRead:
    """Change someone; *dates*, when given, become their dates (see :func:`set_dates`)."""
    valid = validate(PersonUpdate, data)
    checked = _checked_dates(dates)
    row = get_or_404(session, Person, person_id, "person")
    changes = valid.model_dump(
        exclude_unset=True, exclude={"context_ids", "clear_cadence", "snoozed_until"}
    )
    for key, value in changes.items():
        if value is not None:
            setattr(row, key, value)
    if valid.clear_cadence:
        row.cadence_days = None
    if "snoozed_until" in valid.model_fields_set:
        row.snoozed_until = valid.snoozed_until
    row.updated_at = clock.utcnow()
    session.add(row)
    if valid.context_ids is not None:
        ids = _check_context_ids(session, valid.context_ids)
        session.execute(
            sa.delete(PersonContextLink).where(col(PersonContextLink.person_id) == person_id)
        )
        for context_id in ids:
            session.add(PersonContextLink(person_id=person_id, context_id=context_id))
    session.flush()
    if checked is not None:
        set_dates(session=session, person_id=person_id, dates=checked)
    return get_person(session=session, person_id=person_id)


def archive_person(*, session: Session, person_id: int, archived: bool) -> Change:
    """Archive someone (or bring them back): they leave the map's lists and suggestions,
    and keep everything linked to them. Returns what changed, for undo (an archive made by
    mistake was "Nothing to undo", nu155)."""
    get_or_404(session, Person, person_id, "person")
    recorder = Recorder(session)
    recorder.watch(Person, col(Person.id) == person_id)
    session.execute(
        sa.update(Person)
        .where(col(Person.id) == person_id)
        .values(archived=archived, updated_at=clock.utcnow())
    )
    return recorder.finish()


def delete_person(*, session: Session, person_id: int) -> Change:
    """Delete someone with their steps and the interactions that were theirs alone.

    Returns what changed, so the session can take it back
    (:func:`planner_tui.services.undo.revert`).
    """
    get_or_404(session, Person, person_id, "person")
    steps = select(Step.id).where(Step.person_id == person_id)
    others = (
        select(InteractionPersonLink.interaction_id)
        .where(InteractionPersonLink.person_id != person_id)
        .scalar_subquery()
    )
    alone = list(
        session.exec(
            select(InteractionPersonLink.interaction_id).where(
                InteractionPersonLink.person_id == person_id,
                col(InteractionPersonLink.interaction_id).not_in(others),
            )
        ).all()
    )
    recorder = Recorder(session)
    recorder.watch(Person, col(Person.id) == person_id)
    for model in (PersonContextLink, PersonDate, PersonAlias, Step, InteractionPersonLink,
                  JournalPersonLink):  # fmt: skip
        recorder.watch(model, col(model.person_id) == person_id)
    recorder.watch(
        Interaction, sa.or_(col(Interaction.id).in_(alone), col(Interaction.step_id).in_(steps))
    )
    session.execute(sa.delete(Interaction).where(col(Interaction.id).in_(alone)))
    session.execute(sa.delete(Person).where(col(Person.id) == person_id))
    return recorder.finish()


def find_duplicates(
    *, session: Session, name: str, except_id: int | None = None, whole_only: bool = True
) -> list[PersonRead]:
    """People already here under the same whole name, nickname or alias (as
    :func:`planner_tui.names.people_named` compares them), archived ones too: those of that
    name first. Not *whole_only*: whoever *name* finds now by any rule (a first name, a
    surname), as a new nickname would take it from them."""
    others = names_of(session, col(Person.id) != (except_id or 0))
    ids = people_named(name, others, whole_only=whole_only)
    found = list_people(session=session, include_archived=True, person_ids=ids) if ids else []
    return sorted(found, key=lambda p: ids.index(p.id))


def names_of(session: Session, where: Any = None) -> list[_Names]:
    """Everyone *where* lets through, as the name rules read them: aliases too (a name
    merged into someone's names them on the command line and in filters as in the app)."""
    aliases = _aliases(session)
    query = select(Person.id, Person.name, Person.nickname)
    query = query.where(where) if where is not None else query
    return [_Names(pid, n, nick, aliases.get(pid or 0, [])) for pid, n, nick in session.exec(query)]


@dataclass(frozen=True)
class _Names:
    """What the name rule reads of someone (:func:`planner_tui.names.people_named`)."""

    id: int | None
    name: str
    nickname: str
    aliases: list[str]


def name_index(*, session: Session) -> dict[str, list[tuple[int | None, str]]]:
    """Every name, nickname and alias here (as :func:`planner_tui.names.name_key`) → the
    people (id, name) it names, read once for checking many names, as an import does: those
    of that whole name, else those with it as a nickname or alias, as
    :func:`planner_tui.names.people_named` has it (two of one name are both there)."""
    query = select(Person.id, Person.name, Person.nickname).order_by(col(Person.id))
    rows = session.exec(query).all()
    aliases = _aliases(session)
    whole: dict[str, list[tuple[int | None, str]]] = defaultdict(list)
    called: dict[str, list[tuple[int | None, str]]] = defaultdict(list)
    for pid, name, nickname in rows:
        whole[name_key(name)].append((pid, name))
        for other in {name_key(n) for n in (nickname, *aliases.get(pid or 0, []))} - {""}:
            called[other].append((pid, name))
    index = {**called, **whole}
    index.pop("", None)
    return index


def _aliases(session: Session, person_ids: list[int] | None = None) -> dict[int, list[str]]:
    """The other names people go by (names merged into theirs), oldest first."""
    query = select(PersonAlias.person_id, PersonAlias.name).order_by(col(PersonAlias.id))
    if person_ids is not None:
        query = query.where(col(PersonAlias.person_id).in_(person_ids))
    found: dict[int, list[str]] = defaultdict(list)
    for person_id, name in session.exec(query).all():
        found[person_id].append(name)
    return found


def keep_other_names(session: Session, person: Person, names: Iterable[str]) -> None:
    """*names* kept as names *person* also goes by (so ``@Name`` still finds them), each
    unless it is one of their names already."""
    assert person.id is not None
    taken = {name_key(person.name), name_key(person.nickname)}
    taken |= {name_key(name) for name in _aliases(session, [person.id]).get(person.id, [])}
    for name in names:
        if name.strip() and name_key(name) not in taken:
            session.add(PersonAlias(person_id=person.id, name=name))
            taken.add(name_key(name))


def merge_into(
    *,
    session: Session,
    person_id: int,
    data: PersonCreate | dict[str, Any],
    dates: Dates = None,
) -> PersonRead:
    """Fold a new entry for someone already here into their existing record: contexts are
    joined, empty fields filled (their own rhythm and nickname stay: another nickname is
    kept as a name they also go by), notes added below the existing ones, dates added
    (never twice)."""
    valid = validate(PersonCreate, data)
    checked = _checked_dates(dates)
    row = get_or_404(session, Person, person_id, "person")
    if not row.nickname and valid.nickname:
        row.nickname = valid.nickname
    keep_other_names(session, row, [valid.nickname])
    if row.cadence_days is None:
        row.cadence_days = valid.cadence_days
    for name in ("notes", "boundaries"):
        old, new = getattr(row, name), getattr(valid, name).strip()
        if new and new not in old:
            setattr(row, name, f"{old}\n\n{new}" if old else new)
    row.updated_at = clock.utcnow()
    session.add(row)
    known = set(
        session.exec(
            select(PersonContextLink.context_id).where(PersonContextLink.person_id == person_id)
        ).all()
    )
    for context_id in _check_context_ids(session, valid.context_ids):
        if context_id not in known:
            session.add(PersonContextLink(person_id=person_id, context_id=context_id))
    session.flush()
    for one in checked or []:
        add_date(session=session, data={**one.model_dump(), "person_id": person_id})
    return get_person(session=session, person_id=person_id)


def label_key(label: str) -> str:
    """What spellings of one date's label share — case, accents and spacing set aside
    (``Birthday``, `` birthday ``, ``BIRTHDAY``): the one rule for whether two labels name
    the same date."""
    return " ".join(fold(label).split())


def _checked_dates(dates: Dates) -> list[PersonDateBase] | None:
    """*dates* checked as the table takes them (before anything is written): one date a
    label (:func:`label_key`), as :func:`set_date` keeps it — the form took a birthday
    and a "BIRTHDAY" line below it, and `date` then replaced both."""
    if dates is None:
        return None
    checked: list[PersonDateBase] = []
    for number, one in enumerate(dates, 1):
        try:
            valid = validate(PersonDateBase, one)
        except InvalidInput as error:
            raise InvalidInput(f"Date {number}: {error}", field="dates") from None
        if any(label_key(d.label) == label_key(valid.label) for d in checked):
            raise InvalidInput(
                f"Two dates are called {valid.label.strip()!r}: a name is for one date. Keep "
                'one, or tell the other apart ("birthday, official").',
                field="dates",
            )
        checked.append(valid)
    return checked


def set_dates(
    *, session: Session, person_id: int, dates: Sequence[PersonDateBase | dict[str, Any]]
) -> list[PersonDateRead]:
    """Make *dates* someone's dates: a date they have already (the same label, whatever its
    case, on the same day and month) stays the same row — its year as given now — so a
    calendar that imported it keeps one event; dates not given go, new ones are added."""
    get_or_404(session, Person, person_id, "person")
    wanted: dict[tuple[str, int, int], PersonDateBase] = {}
    for one in _checked_dates(dates) or []:
        wanted.setdefault((label_key(one.label), one.month, one.day), one)
    kept: set[tuple[str, int, int]] = set()
    for row in session.exec(select(PersonDate).where(PersonDate.person_id == person_id)).all():
        key = (label_key(row.label), row.month, row.day)
        if key in wanted and key not in kept:
            kept.add(key)
            given = wanted[key]
            if (row.label, row.year) != (given.label, given.year):
                row.label, row.year = given.label, given.year
                session.add(row)
        else:
            session.delete(row)
    for key, one in wanted.items():
        if key not in kept:
            session.add(PersonDate(**one.model_dump(), person_id=person_id))
    session.flush()
    return list_dates(session=session, person_id=person_id)


def add_date(*, session: Session, data: PersonDateCreate | dict[str, Any]) -> PersonDateRead:
    """Give someone a date (a birthday, an anniversary, "moved to Leeds"). Someone has one
    date under a label (:func:`label_key`; :func:`set_date` changes it): one they have
    already under that label stays, and is returned (see :func:`fold_date`)."""
    valid = validate(PersonDateCreate, data)
    get_or_404(session, Person, valid.person_id, "person")
    row = dates_by_label(session, valid.person_id).get(label_key(valid.label))
    if row is None:
        row = PersonDate(**valid.model_dump())
    else:
        fold_date(row, valid)
    session.add(row)
    session.flush()
    return PersonDateRead.model_validate(row, from_attributes=True)


def dates_by_label(session: Session, person_id: int) -> dict[str, PersonDate]:
    """Someone's dates by :func:`label_key` ('Birthday' is 'birthday')."""
    rows = session.exec(select(PersonDate).where(PersonDate.person_id == person_id)).all()
    return {label_key(row.label): row for row in rows}


def fold_date(theirs: PersonDate, new: PersonDate | PersonDateBase) -> None:
    """*new*, a date under a label of *theirs*, which stays (a merge or a vCard never
    gives someone two birthdays; another day is left out, :func:`left_out_dates` says
    which): on the same day it gives theirs a year it lacked."""
    same_day = (theirs.month, theirs.day) == (new.month, new.day)
    if same_day and theirs.year is None and new.year is not None:
        theirs.year = new.year


def left_out_dates(
    *, session: Session, person_id: int, dates: Dates
) -> list[tuple[str, int, int, int | None]]:
    """Their own dates that stay where *dates* give another day under the same label, as
    :func:`planner_tui.words.dates_line` takes them: what to say before or after a merge."""
    theirs = dates_by_label(session, person_id)
    return [
        (row.label, row.month, row.day, row.year)
        for new in _checked_dates(dates) or []
        if (row := theirs.get(label_key(new.label))) is not None
        and (row.month, row.day) != (new.month, new.day)
    ]


def set_date(
    *, session: Session, data: PersonDateCreate | dict[str, Any]
) -> tuple[PersonDateRead, list[PersonDateRead]]:
    """Make a date someone's: a date they have under the same label (:func:`label_key`) is
    changed to it, not kept beside it. Returns the date and what it was before (empty
    when it is new, or was already that day) — one row either way, so a calendar that
    imported it keeps one event."""
    valid = validate(PersonDateCreate, data)
    get_or_404(session, Person, valid.person_id, "person")
    query = (
        select(PersonDate)
        .where(PersonDate.person_id == valid.person_id)
        .order_by(col(PersonDate.id))
    )
    same = [row for row in session.exec(query) if label_key(row.label) == label_key(valid.label)]
    before = [PersonDateRead.model_validate(row, from_attributes=True) for row in same]
    if not same:
        row = PersonDate(**valid.model_dump())
    else:
        row, *extra = same
        for one in extra:  # two under one label (kept before this rule): one is kept
            session.delete(one)
        # Its name as first written: "  MOVED   to leeds " names it, it doesn't re-spell it.
        row.month, row.day, row.year = valid.month, valid.day, valid.year
    session.add(row)
    session.flush()
    after = PersonDateRead.model_validate(row, from_attributes=True)
    changed = [
        d for d in before if (d.month, d.day, d.year) != (after.month, after.day, after.year)
    ]
    return after, changed


def list_dates(*, session: Session, person_id: int) -> list[PersonDateRead]:
    """Someone's dates in calendar order (January first)."""
    query = (
        select(PersonDate)
        .where(PersonDate.person_id == person_id)
        .order_by(col(PersonDate.month), col(PersonDate.day), col(PersonDate.id))
    )
    return [PersonDateRead.model_validate(r, from_attributes=True) for r in session.exec(query)]


def remove_dates(*, session: Session, person_id: int, label: str) -> list[PersonDateRead]:
    """Take away someone's dates called *label* (whatever its case); returns what went."""
    person = get_or_404(session, Person, person_id, "person")
    wanted = label_key(label)
    rows = [
        row
        for row in session.exec(select(PersonDate).where(PersonDate.person_id == person_id))
        if label_key(row.label) == wanted
    ]
    if not rows:
        raise InvalidInput(f"{person.name} has no date called {label.strip()!r}.", field="label")
    removed = [PersonDateRead.model_validate(row, from_attributes=True) for row in rows]
    session.execute(sa.delete(PersonDate).where(col(PersonDate.id).in_([r.id for r in removed])))
    session.flush()
    return removed


def upcoming_dates(
    *, session: Session, today: date | None = None, within: int = daily.DATES_AHEAD
) -> list[daily.UpcomingDate]:
    """Birthdays and other dates of people on the map that fall in the *within* days from
    *today* (today included), soonest first, each with a step already planned for it (the
    rule `planner-tui today` reads too)."""
    connection, dialect = driver_connection(session)
    return daily.upcoming_dates(connection, today or clock.today(), within, dialect)


def snooze_person(
    *, session: Session, person_id: int, days: int, today: date | None = None
) -> PersonRead:
    """Quiet someone's drift reminder for a while (or ``days=0`` to wake it now)."""
    if not 0 <= days <= 365:
        raise InvalidInput("A snooze can last from 0 to 365 days.", field="days")
    until = (today or clock.today()) + timedelta(days=days) if days else None
    return update_person(session=session, person_id=person_id, data={"snoozed_until": until})


def get_person(*, session: Session, person_id: int) -> PersonRead:
    people = list_people(session=session, include_archived=True, person_ids=[person_id])
    if not people:
        raise NotFound(words.gone("person"))
    return people[0]


def sharing_a_name(*, session: Session) -> set[int]:
    """The ids of people (archived ones too) another shares a name with: lists show them
    with their number."""
    return names.sharing_a_name(
        (pid or 0, name) for pid, name in session.exec(select(Person.id, Person.name))
    )


def last_contacts(
    session: Session,
    person_ids: list[int] | None = None,
    *,
    first: date | None = None,
    last: date | None = None,
) -> dict[int, datetime]:
    """When each person was last in contact, however it was recorded, counting only the
    local days from *first* to *last* (inclusive) when given.

    A logged interaction (completed steps record one) or a journal mention marked as
    contact both count, so the drift clock resets whichever way contact was noted. The
    rule is :func:`planner_tui.daily.last_contacts`, which `planner-tui today` runs too.
    """
    connection, dialect = driver_connection(session)
    return daily.last_contacts(connection, dialect, person_ids=person_ids, first=first, last=last)


def list_people(
    *,
    session: Session,
    include_archived: bool = False,
    person_ids: list[int] | None = None,
    today: date | None = None,
) -> list[PersonRead]:
    today = today or clock.today()
    query = select(Person)
    if not include_archived:
        query = query.where(col(Person.archived).is_(False))
    if person_ids is not None:
        query = query.where(col(Person.id).in_(person_ids))
    rows = sorted(session.exec(query).all(), key=lambda p: sort_key(p.name))
    ids = [row.id for row in rows if row.id is not None]
    contexts: dict[int, list[str]] = defaultdict(list)
    link_query = select(PersonContextLink.person_id, Context.name).join(
        Context, col(Context.id) == PersonContextLink.context_id
    )
    if person_ids is not None:
        link_query = link_query.where(col(PersonContextLink.person_id).in_(ids))
    links = session.exec(link_query).all()
    for person_id, name in sorted(links, key=lambda link: sort_key(link[1])):
        contexts[person_id].append(name)
    latest = last_contacts(session, ids if person_ids is not None else None)
    aliases = _aliases(session, ids if person_ids is not None else None)
    result = []
    for row in rows:
        assert row.id is not None
        read = PersonRead.model_validate(row, from_attributes=True)
        read.contexts = contexts.get(row.id, [])
        read.aliases = aliases.get(row.id, [])
        read.last_contact = latest.get(row.id)
        if not row.archived:
            past = partial(drifting_days, cadence_days=row.cadence_days,
                           last_contact=read.last_contact, since=row.created_at, today=today)  # fmt: skip
            read.drifting_days = past(snoozed_until=row.snoozed_until)
            read.resting_past = not read.drifting_days and bool(past(snoozed_until=None))
        result.append(read)
    return result


def drifting_people(*, session: Session, today: date | None = None) -> list[PersonRead]:
    """People past their cadence, most overdue first."""
    people = [p for p in list_people(session=session, today=today) if p.drifting_days]
    return sorted(people, key=lambda p: drift_order(p.drifting_days, p.name))


def not_yet_in_touch(people: Iterable[PersonRead]) -> int:
    """How many of *people* (read by :func:`list_people`) are within their rhythm only as it
    counts from when they were added: never in touch since (``daily.past_rhythm`` counts
    the same for Today)."""
    return sum(
        1
        for p in people
        if p.cadence_days
        and p.last_contact is None
        and not (p.drifting_days or p.resting_past)
        and not p.archived
    )


def people_called(*, session: Session, typed: str, archived: bool = False) -> list[PersonRead]:
    """Everyone *typed* may name (:func:`planner_tui.names.people_named`: the whole name,
    nickname or a name merged into theirs, else the first name) — on the map, or with
    *archived* among those archived."""
    ids = people_named(typed, names_of(session, col(Person.archived).is_(archived)))
    if not ids:
        return []
    return list_people(session=session, include_archived=archived, person_ids=ids)


def people_begun_by(*, session: Session, typed: str) -> list[_Names]:
    """Those on the map *typed* begins a name of (:func:`planner_tui.names.people_begun`):
    whom the start of a name could be, said where nothing names them whole."""
    on_map = names_of(session, col(Person.archived).is_(False))
    begun = set(people_begun(typed, on_map))
    return [p for p in on_map if p.id in begun]


def find_people(*, session: Session, names: Iterable[str]) -> list[PersonRead]:
    """The people *names* name (:func:`planner_tui.names.person_named`), in name order."""
    everyone = list_people(session=session)
    wanted = {person_named(name, everyone) for name in names}
    return [p for p in everyone if p.id in wanted]


# --------------------------------------------------------------------------- interactions


def same_contact(
    *, session: Session, person_ids: list[int], occurred_at: datetime, channel: str
) -> int | None:
    """A contact already logged with just these people, the same way, at the same minute:
    its number (`log Bo --when "last fri"`, then `--when friday`, logged one twice, nu163)."""
    if not person_ids:
        return None
    minute = occurred_at.astimezone(UTC).replace(second=0, microsecond=0)
    link = InteractionPersonLink
    found = session.exec(
        select(Interaction.id)
        .join(link, col(link.interaction_id) == Interaction.id)
        .where(
            col(link.person_id) == person_ids[0],
            col(Interaction.channel) == channel,
            col(Interaction.occurred_at) >= minute,
            col(Interaction.occurred_at) < minute + timedelta(minutes=1),
        )
    ).all()
    wanted = set(person_ids)
    for interaction_id in found:
        with_them = session.exec(
            select(link.person_id).where(col(link.interaction_id) == interaction_id)
        ).all()
        if set(with_them) == wanted:
            return interaction_id
    return None


def log_interaction(
    *, session: Session, data: InteractionCreate | dict[str, Any]
) -> InteractionRead:
    valid = validate(InteractionCreate, data)
    all_there(session, Person, valid.person_ids, "person", "person_ids")
    if valid.context_id is not None:
        get_or_404(session, Context, valid.context_id, "context")
    row = Interaction(**valid.model_dump(exclude={"person_ids"}))
    session.add(row)
    session.flush()
    assert row.id is not None
    for person_id in valid.person_ids:
        session.add(InteractionPersonLink(interaction_id=row.id, person_id=person_id))
    session.flush()
    return list_interactions(session=session, interaction_ids=[row.id])[0]


def delete_interaction(*, session: Session, interaction_id: int) -> Change:
    """Delete a logged contact (for everyone in it); returns what changed, for undo."""
    get_or_404(session, Interaction, interaction_id, "contact")
    recorder = Recorder(session)
    recorder.watch(Interaction, col(Interaction.id) == interaction_id)
    recorder.watch(
        InteractionPersonLink, col(InteractionPersonLink.interaction_id) == interaction_id
    )
    session.execute(sa.delete(Interaction).where(col(Interaction.id) == interaction_id))
    return recorder.finish()


def list_interactions(
    *,
    session: Session,
    person_id: int | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    interaction_ids: list[int] | None = None,
    limit: int | None = 200,
) -> list[InteractionRead]:
    """Interactions, newest first, optionally for one person and a time window."""
    query = select(Interaction, Context.name).outerjoin(
        Context, col(Context.id) == Interaction.context_id
    )
    if person_id is not None:
        query = query.join(
            InteractionPersonLink, col(InteractionPersonLink.interaction_id) == Interaction.id
        ).where(InteractionPersonLink.person_id == person_id)
    if start is not None:
        query = query.where(col(Interaction.occurred_at) >= start)
    if end is not None:
        query = query.where(col(Interaction.occurred_at) < end)
    if interaction_ids is not None:
        query = query.where(col(Interaction.id).in_(interaction_ids))
    query = query.order_by(col(Interaction.occurred_at).desc(), col(Interaction.id).desc())
    if limit is not None:
        query = query.limit(limit)
    rows = session.exec(query).all()
    ids = [row.id for row, _ in rows]
    people: dict[int, list[tuple[int, str]]] = defaultdict(list)
    if ids:
        links = (
            select(InteractionPersonLink.interaction_id, Person.id, Person.name)
            .join(Person, col(Person.id) == InteractionPersonLink.person_id)
            .where(col(InteractionPersonLink.interaction_id).in_(ids))
        )
        for interaction_id, pid, name in sorted(
            session.exec(links).all(), key=lambda link: sort_key(link[2])
        ):
            people[interaction_id].append((pid or 0, name))
    # Named as lists name them: two people of one name with their numbers (nu273).
    twins = sharing_a_name(session=session) if people else set()
    result = []
    for row, context_name in rows:
        assert row.id is not None
        read = InteractionRead.model_validate(
            {
                **row.model_dump(),
                "people": [as_told(pid, name, twins) for pid, name in people[row.id]],
                "person_ids": [pid for pid, _ in people[row.id]],
                "context": context_name,
            }
        )
        result.append(read)
    return result


CONTACT_MONTHS = 12
"""Someone's page charts their contact over this many months, this one last."""


def contact_by_month(
    *, session: Session, person_id: int, today: date | None = None, months: int = CONTACT_MONTHS
) -> list[tuple[date, dict[Channel, int]]]:
    """Contacts with someone in each of the last *months* local months (first days, oldest
    first), counted by channel — what their page charts, the Review's way."""
    today = today or clock.today()
    firsts = []
    first = today.replace(day=1)
    for _ in range(months):
        firsts.append(first)
        first = (first - timedelta(days=1)).replace(day=1)
    firsts.reverse()
    start, end = day_window(firsts[0], today + timedelta(days=1))
    link = InteractionPersonLink
    rows = session.execute(
        sa.select(col(link.interaction_at), col(Interaction.channel))
        .join(Interaction, col(Interaction.id) == link.interaction_id)
        .where(col(link.person_id) == person_id)
        .where(col(link.interaction_at) >= start, col(link.interaction_at) < end)
    ).all()
    counts: dict[date, dict[Channel, int]] = {f: {} for f in firsts}
    for moment, channel in rows:
        aware = as_aware(moment)
        assert aware is not None
        month = clock.to_local(aware).date().replace(day=1)
        if month in counts:
            found = counts[month]
            found[Channel(channel)] = found.get(Channel(channel), 0) + 1
    return list(counts.items())
