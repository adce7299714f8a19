"""Correcting the record: a contact logged wrongly, a planned step that needs other words or
another time, an outcome that turned out differently ("no reply" that later became "done"),
and two entries on the map that are one person.

Every correction is one transaction and returns the :class:`~planner_tui.services.undo.Change`
it made, so the session can take it back (:func:`planner_tui.services.undo.revert`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Annotated, Any, Literal

import sqlalchemy as sa
from pydantic import AfterValidator
from sqlmodel import Session, SQLModel, col, select

from planner_tui import clock, words
from planner_tui.db.models import (
    Channel,
    Context,
    Interaction,
    InteractionCreate,
    InteractionPersonLink,
    JournalPersonLink,
    Person,
    PersonAlias,
    PersonContextLink,
    PersonDate,
    PersonDateBase,
    PersonRead,
    Phrase,
    Score,
    Step,
    StepStatus,
    clean_name,
    label,
    new_step_uid,
)
from planner_tui.errors import InvalidInput
from planner_tui.services import steps
from planner_tui.services.common import all_there, get_or_404, validate
from planner_tui.services.people import (
    dates_by_label,
    fold_date,
    keep_other_names,
    label_key,
    left_out_dates,
)
from planner_tui.services.undo import Change, Recorder

# --------------------------------------------------------------------------- contacts


def update_interaction(
    *, session: Session, interaction_id: int, data: InteractionCreate | dict[str, Any]
) -> Change:
    """Change a logged contact: when, with whom, how, who reached out, warmth, support and
    note all take the new values (a contact a small step recorded stays linked to it, and
    the step done goes with its when and warmth: it shows when it happened, as its contact
    says — moved to another day, the step stayed done on the old one, nu246)."""
    valid = validate(InteractionCreate, data)
    row = get_or_404(session, Interaction, interaction_id, "contact")
    all_there(session, Person, valid.person_ids, "person", "person_ids")
    if valid.context_id is not None:
        get_or_404(session, Context, valid.context_id, "context")
    recorder = Recorder(session)
    recorder.watch(Interaction, col(Interaction.id) == interaction_id)
    links = col(InteractionPersonLink.interaction_id) == interaction_id
    recorder.watch(InteractionPersonLink, links)
    for name, value in valid.model_dump(exclude={"person_ids", "step_id"}).items():
        setattr(row, name, value)
    session.add(row)
    done = session.get(Step, row.step_id) if row.step_id is not None else None
    if done is not None and done.status == StepStatus.DONE:
        recorder.watch(Step, col(Step.id) == done.id)
        done.resolved_at, done.warmth = row.occurred_at, row.warmth
        session.add(done)
    session.execute(
        sa.delete(InteractionPersonLink).where(
            links, col(InteractionPersonLink.person_id).not_in(valid.person_ids)
        )
    )
    linked = set(
        session.exec(
            select(InteractionPersonLink.person_id).where(
                InteractionPersonLink.interaction_id == interaction_id
            )
        ).all()
    )
    for person_id in valid.person_ids:
        if person_id not in linked:
            session.add(InteractionPersonLink(interaction_id=interaction_id, person_id=person_id))
    return recorder.finish()


# --------------------------------------------------------------------------- outcomes


def change_outcome(
    *, session: Session, step_id: int, outcome: steps.StepOutcome | dict[str, Any]
) -> tuple[steps.OutcomeResult, Change]:
    """Record a different outcome for a step that has one ("no reply" that became "done").

    What the old outcome brought with it goes: the contact "done" recorded, and a follow-up
    or a moved copy still planned — moved on again, too: all of it is this step (one that
    has another outcome of its own stays: it is history too). Then the new outcome is
    recorded as if it were the first, with what it brings. A repeating step's next
    occurrence stays as it is: the series had gone on already."""
    valid = validate(steps.StepOutcome, outcome)
    row = get_or_404(session, Step, step_id, "step")
    if row.status == StepStatus.PLANNED:
        raise InvalidInput("This step has no outcome yet: choose how it went.", field="status")
    if (copy := _finished_copy(session, row)) is not None:
        raise InvalidInput(
            f"This step was moved, and went on as #{copy.id} ({words.when(copy.due_at)}), "
            f"noted as {label(StepStatus(copy.status))}: change how that one went instead.",
            field="status",
        )
    gone = _still_open_after(session, row)
    if valid.status == row.status and valid.status in (StepStatus.DECLINED, StepStatus.NO_REPLY):
        # The same outcome again keeps the step it planned: with no new time (the form
        # shows none), or with that step's own time typed again. It was taken off, or
        # planned anew and said as both planned and taken off (nu202).
        kept = [s for s in gone if valid.new_due_at in (None, s.due_at)]
        if valid.new_due_at is not None and kept:
            valid = valid.model_copy(update={"new_due_at": None, "follow_up": ""})
        gone = [s for s in gone if s not in kept]
    recorder = Recorder(session)
    recorder.watch(
        Step,
        sa.or_(
            col(Step.id) == step_id,
            col(Step.previous_id) == step_id,
            col(Step.id).in_([step.id for step in gone]),
        ),
    )
    recorded = select(Interaction.id).where(Interaction.step_id == step_id)
    recorder.watch(Interaction, col(Interaction.step_id) == step_id)
    recorder.watch(InteractionPersonLink, col(InteractionPersonLink.interaction_id).in_(recorded))
    continued = any(  # the series' next occurrence (changed since, maybe)
        row.rrule and follower.uid == row.uid and not _brought_by_outcome(row, follower)
        for follower in session.exec(select(Step).where(Step.previous_id == step_id)).all()
    )
    taken_off = steps.read_steps(session, gone)
    # The same outcome again (its note changed, or saved as it was) came when it first did:
    # settled anew, it counted again in that week's steps (nu197).
    settled_at = row.resolved_at if valid.status == row.status else None
    for step in gone:
        session.delete(step)
    session.execute(sa.delete(Interaction).where(col(Interaction.step_id) == step_id))
    row.status = StepStatus.PLANNED
    row.outcome_note, row.warmth, row.felt_awkwardness, row.resolved_at = "", None, None, None
    row.appreciation_response = None
    session.add(row)
    session.flush()
    result = steps.record_outcome(
        session=session,
        step_id=step_id,
        outcome=valid,
        continue_series=not continued,
        settled_at=settled_at,
    )
    return replace(result, taken_off=taken_off), recorder.finish()


def _brought(session: Session, row: Step) -> list[Step]:
    """The steps *row*'s outcome planned (see :func:`_brought_by_outcome`). Never *row*
    itself: a step imported before imports refused it could name itself as the one before."""
    followers = session.exec(
        select(Step).where(Step.previous_id == row.id, col(Step.id) != row.id)
    ).all()
    return [follower for follower in followers if _brought_by_outcome(row, follower)]


def _still_open_after(session: Session, row: Step) -> list[Step]:
    """What *row*'s outcome brought that is still open: a follow-up or moved copy still
    planned, or moved on again (with what that move brought, and so on) — unless a copy
    along the way has an outcome of its own: then it all stays, as history."""
    found: list[Step] = []
    for follower in _brought(session, row):
        if follower.status == StepStatus.PLANNED:
            found.append(follower)
        elif (
            follower.status == StepStatus.RESCHEDULED and _finished_copy(session, follower) is None
        ):
            found += [*_still_open_after(session, follower), follower]
    return found


def _finished_copy(session: Session, row: Step) -> Step | None:
    """For a step that was moved, the copy it went on as (moved once or more) that has an
    outcome of its own — done, declined…: the step happened, or not, there."""
    if row.status != StepStatus.RESCHEDULED:
        return None
    for copy in _brought(session, row):
        if copy.status == StepStatus.RESCHEDULED:
            if (found := _finished_copy(session, copy)) is not None:
                return found
        elif copy.status != StepStatus.PLANNED:
            return copy
    return None


def _brought_by_outcome(row: Step, follower: Step) -> bool:
    """Whether *follower* is what *row*'s outcome planned besides the series' next
    occurrence: a follow-up after a decline or no reply (a step of its own, with its own
    UID), or the copy of a step moved to another time (the same UID, changing the time
    the step had)."""
    if follower.rrule is not None:
        return False
    if row.status in (StepStatus.DECLINED, StepStatus.NO_REPLY):
        return follower.uid != row.uid
    if row.status == StepStatus.RESCHEDULED:
        moved_from = row.recurrence_id or (row.due_at if row.rrule else None)
        return follower.uid == row.uid and follower.recurrence_id == moved_from
    return False


# --------------------------------------------------------------------------- planned steps


class StepChange(SQLModel):
    """New values for a planned step; only the fields given change (None clears how,
    repeat and expected awkwardness)."""

    action: Annotated[str, AfterValidator(clean_name)] | None = None
    due_at: datetime | None = None
    channel: Channel | None = None
    cue: Phrase | None = None
    backup: Phrase | None = None
    rrule: str | None = None
    expected_awkwardness: Score | None = None


Scope = Literal["one", "series"]
SERIES_FIELDS = ("person_id", "context_id", "action", "effort", "channel", "cue", "backup",
                 "rrule", "expected_awkwardness", "confidence", "uid", "sequence")  # fmt: skip
"""What every occurrence of a series shares."""


def update_step(
    *,
    session: Session,
    step_id: int,
    data: StepChange | dict[str, Any],
    scope: Scope = "series",
) -> Change:
    """Change a planned step: its words, time, how, cue, backup, repeat or expected
    awkwardness.

    A step that repeats can change for the whole series (*scope* ``"series"``: this
    occurrence and every one after it) or for this occurrence alone (``"one"``). Either way
    the calendar identity stays true (see :mod:`planner_tui.services.calendar`):

    - the whole series: the words carry on to the following occurrences; a new time or
      repeat starts the series again from here, with the same UID and a higher SEQUENCE;
    - one occurrence: it becomes a change to that occurrence (RECURRENCE-ID, SEQUENCE one
      more), and the series goes on from its next occurrence with its own words.
    """
    valid = validate(StepChange, data)
    given = valid.model_dump(include=valid.model_fields_set)
    row = get_or_404(session, Step, step_id, "step")
    try:
        steps.check_open(session, row)  # names the step it went on as, if it was moved
    except InvalidInput as refused:
        raise InvalidInput(
            f"{refused} To change this one, change how it went instead.", field="status"
        ) from None
    if given.get("action", "") is None:
        raise InvalidInput("Say what the step is, in a few words.", field="action")
    if "due_at" in given:
        due = given["due_at"]
        if due is None or due.tzinfo is None:
            raise InvalidInput("The time needs a time zone.", field="due_at")
        if due == row.due_at:
            del given["due_at"]
        else:
            steps.check_ahead(due)
    if "rrule" in given:
        given["rrule"] = steps.check_rrule(given["rrule"], given.get("due_at", row.due_at))
        if given["rrule"] == row.rrule:
            del given["rrule"]
    recorder = Recorder(session)
    recorder.watch(Step, sa.or_(col(Step.id) == step_id, col(Step.uid) == row.uid))
    if row.rrule and scope == "one":
        _change_one_occurrence(session, row, given)
    else:
        _change_series(session, row, given)
    return recorder.finish()


def _apply(row: Step, given: dict[str, Any]) -> None:
    for name, value in given.items():
        setattr(row, name, value)


def _change_one_occurrence(session: Session, row: Step, given: dict[str, Any]) -> None:
    if "rrule" in given:
        raise InvalidInput(
            "A repeat belongs to the whole series: change every occurrence to change it.",
            field="rrule",
        )
    series = session.exec(select(Step).where(Step.uid == row.uid)).all()
    assert row.rrule is not None
    start = steps.series_start(series, row.sequence) or row.due_at
    following = steps.next_occurrence(row.rrule, max(row.due_at, clock.now()), start)
    if following is not None:  # the series goes on, with its own words
        keep = {name: getattr(row, name) for name in SERIES_FIELDS}
        session.add(Step(**keep, due_at=following, previous_id=row.id))
    row.recurrence_id = row.recurrence_id or row.due_at
    row.rrule = None
    row.sequence += 1
    _apply(row, given)
    session.add(row)


def _change_series(session: Session, row: Step, given: dict[str, Any]) -> None:
    if not given:
        return
    repeated, timing = row.rrule is not None, "due_at" in given or "rrule" in given
    _apply(row, given)
    if timing:  # a series starts on a day of its rule, as a new one does
        row.due_at = steps.first_occurrence(row.rrule, row.due_at)
    if row.recurrence_id is not None and row.rrule:
        # An occurrence changed on its own, given a repeat of its own: a series of its own.
        row.uid, row.sequence, row.recurrence_id = new_step_uid(), 0, None
    elif not (repeated and not timing):  # a series' words alone keep its calendar event
        highest = session.exec(select(sa.func.max(Step.sequence)).where(Step.uid == row.uid)).one()
        row.sequence = (highest or 0) + 1
        if repeated:
            # Occurrences changed on their own belong to the series as it was: each becomes
            # a step of its own, and the series starts again from here (or ends here).
            for other in session.exec(
                select(Step).where(
                    Step.uid == row.uid,
                    Step.status == StepStatus.PLANNED,
                    col(Step.recurrence_id).is_not(None),
                    Step.id != row.id,
                )
            ).all():
                other.uid, other.sequence, other.recurrence_id = new_step_uid(), 0, None
                session.add(other)
    session.add(row)


# --------------------------------------------------------------------------- merging people


@dataclass(frozen=True)
class MergeCounts:
    """What would move from one person to another."""

    contacts: int
    steps: int
    mentions: int
    contexts: int
    dates: int
    """Dates under labels the person kept has none of."""
    shared: int
    """Contacts, check-ins and contexts the two have already in common: they move nothing."""
    theirs_stay: list[tuple[str, int, int, int | None]]
    """The kept person's own dates that stay where the other has another day under the
    same label (their birthday, not the other's)."""


def merge_counts(*, session: Session, person_id: int, keep_id: int) -> MergeCounts:
    """What is linked to someone: what a merge into *keep_id* moves to them."""
    get_or_404(session, Person, person_id, "person")

    def count(model: type[SQLModel], column: Any) -> int:
        query = select(sa.func.count()).select_from(model).where(column == person_id)
        return int(session.exec(query).one())

    def linked(link: Any, column: Any, *, shared: bool = False) -> int:
        """Links of the other's that *keep_id* hasn't already (with *shared*: has): a
        context, a contact or a check-in they share moves nothing (a shared context was
        counted as moving)."""
        theirs = select(column).where(link.person_id == keep_id)
        held = col(column).in_(theirs) if shared else col(column).not_in(theirs)
        query = select(sa.func.count()).select_from(link).where(link.person_id == person_id, held)
        return int(session.exec(query).one())

    links = (
        (InteractionPersonLink, InteractionPersonLink.interaction_id),
        (JournalPersonLink, JournalPersonLink.entry_id),
        (PersonContextLink, PersonContextLink.context_id),
    )

    theirs = dates_by_label(session, keep_id)
    dates = session.exec(select(PersonDate).where(PersonDate.person_id == person_id)).all()
    return MergeCounts(
        contacts=linked(*links[0]),
        steps=count(Step, Step.person_id),
        mentions=linked(*links[1]),
        contexts=linked(*links[2]),
        dates=sum(label_key(d.label) not in theirs for d in dates),
        shared=sum(linked(*link, shared=True) for link in links),
        theirs_stay=left_out_dates(
            session=session,
            person_id=keep_id,
            dates=[PersonDateBase.model_validate(d, from_attributes=True) for d in dates],
        ),
    )


def merge_people(*, session: Session, keep_id: int, other_id: int) -> Change:
    """Make two people on the map one: *other_id*'s contacts, small steps, journal
    mentions, contexts, dates and notes move to *keep_id*, and their name (and nickname)
    stay as names of the person kept, so ``@OldName`` still links. The other record goes.

    The person kept keeps their own name, circle, rhythm and snooze; what they lack comes
    from the other (a nickname, a rhythm), notes and boundaries are joined, and they count
    as known since the earlier of the two was added."""
    if keep_id == other_id:
        raise InvalidInput("Choose someone else to merge: that is the same person.")
    keep = get_or_404(session, Person, keep_id, "person")
    other = get_or_404(session, Person, other_id, "person")
    both = (keep_id, other_id)
    recorder = Recorder(session)
    recorder.watch(Person, col(Person.id).in_(both))
    for model in (PersonContextLink, PersonDate, PersonAlias, Step, InteractionPersonLink,
                  JournalPersonLink):  # fmt: skip
        recorder.watch(model, col(model.person_id).in_(both))
    _move_links(session, keep_id, other_id)
    _move_dates(session, keep_id, other_id)
    session.execute(
        sa.update(Step).where(col(Step.person_id) == other_id).values(person_id=keep_id)
    )
    _fold_details(session, keep, other)
    session.execute(sa.delete(Person).where(col(Person.id) == other_id))
    return recorder.finish()


def taken_on_merging(keep: Person | PersonRead, other: Person | PersonRead) -> list[str]:
    """What the person kept lacks and takes from the other when they merge ("nickname",
    "rhythm"): one rule for the merge and for the question before it."""
    taken = []
    if not keep.nickname.strip() and other.nickname.strip():
        taken.append("nickname")
    if keep.cadence_days is None and other.cadence_days is not None:
        taken.append("rhythm")
    return taken


def _move_links(session: Session, keep_id: int, other_id: int) -> None:
    """Contacts, journal mentions and contexts of *other_id* become *keep_id*'s (once)."""
    for model, item in (
        (InteractionPersonLink, InteractionPersonLink.interaction_id),
        (JournalPersonLink, JournalPersonLink.entry_id),
        (PersonContextLink, PersonContextLink.context_id),
    ):
        mine = select(item).where(col(model.person_id) == keep_id).scalar_subquery()
        if model is JournalPersonLink:  # a mention as contact stays one
            session.execute(
                sa.update(JournalPersonLink)
                .where(
                    col(JournalPersonLink.person_id) == keep_id,
                    col(JournalPersonLink.entry_id).in_(
                        select(JournalPersonLink.entry_id).where(
                            JournalPersonLink.person_id == other_id,
                            col(JournalPersonLink.counts_as_contact).is_(True),
                        )
                    ),
                )
                .values(counts_as_contact=True)
            )
        session.execute(
            sa.update(model)
            .where(col(model.person_id) == other_id, col(item).not_in(mine))
            .values(person_id=keep_id)
        )
        session.execute(sa.delete(model).where(col(model.person_id) == other_id))


def _move_dates(session: Session, keep_id: int, other_id: int) -> None:
    """Their dates, under labels the person kept has none of (moved, so a calendar keeps
    its event); theirs stay (:func:`~planner_tui.services.people.fold_date`)."""
    mine = dates_by_label(session, keep_id)
    for row in session.exec(select(PersonDate).where(PersonDate.person_id == other_id)).all():
        same = mine.get(label_key(row.label))
        if same is None:
            row.person_id = keep_id
            session.add(row)
            continue
        fold_date(same, row)
        session.add(same)
        session.delete(row)
    session.flush()


def _fold_details(session: Session, keep: Person, other: Person) -> None:
    assert keep.id is not None and other.id is not None
    session.execute(
        sa.update(PersonAlias)
        .where(col(PersonAlias.person_id) == other.id)
        .values(person_id=keep.id)
    )
    lacking = taken_on_merging(keep, other)  # before the nickname changes
    if "nickname" in lacking:
        keep.nickname = other.nickname
    keep_other_names(session, keep, [other.name, other.nickname])
    if "rhythm" in lacking:
        keep.cadence_days = other.cadence_days
    for field in ("notes", "boundaries"):
        mine, theirs = getattr(keep, field), getattr(other, field).strip()
        if theirs and theirs not in mine:
            setattr(keep, field, f"{mine}\n\n{theirs}" if mine.strip() else theirs)
    keep.created_at = min(keep.created_at, other.created_at)
    keep.updated_at = clock.utcnow()
    session.add(keep)
    session.flush()
