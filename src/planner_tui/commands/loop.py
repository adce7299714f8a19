"""The daily loop from a shell: plan a small step, log a contact, say how a step went, rest
someone's reminders, list people, and keep their dates — through the same services, checks
and sentences as the app, with people named by the app's one rule (:mod:`planner_tui.names`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, NoReturn

from planner_tui import clock, words
from planner_tui.commands.base import (
    UsageError,
    find_person,
    find_step,
    given,
    opened,
    score,
    told,
    word,
)
from planner_tui.config import Settings
from planner_tui.errors import InvalidInput
from planner_tui.terminal import say, shorten

if TYPE_CHECKING:
    from planner_tui.db.models import PersonRead, StepRead

CHANNELS = {
    "in-person": "in_person", "in_person": "in_person", "person": "in_person",
    "call": "call", "video": "call", "text": "text", "message": "text", "social": "social",
    "other": "other", "letter": "other",
}  # fmt: skip
"""`--how` as people type it → the app's channels."""
A_TIME = "a time, such as now or 'yesterday evening'"
A_PART_OF_LIFE = "the name of a part of life, such as Choir"
HOW_WORDS = "in-person, call, text, social or other"
"""`--how` as help and refusals say it (the other spellings are taken quietly)."""


def _how(typed: str) -> str:
    """An argparse type: `--how` as people type it ('in person' too), refused with the
    words help uses."""
    said = "-".join(typed.lower().split())
    if said not in CHANNELS:
        raise argparse.ArgumentTypeError(f"say {HOW_WORDS}")
    return said


REACHED_OUT = {"me": "me", "them": "them", "mutual": "mutual", "both": "mutual"}
SUPPORT_WORDS = {"emotional": "emotional", "listening": "emotional", "comfort": "emotional",
                 "practical": "practical", "help": "practical"}  # fmt: skip
"""`--gave` and `--got` in the words the app's form uses too ("I listened / comforted")."""
CIRCLES = ("inner", "middle", "outer")
"""`--circle`: the convoy model's rings, as the app names them."""
SNOOZE_DAYS = 14
"""As the Map's z: two weeks."""
FOLLOW_UP = "3 days after the step"
"""The gentle follow-up after no reply, as the app suggests it (see steps.follow_up_time);
--follow-up left out means this default."""
OUTCOMES = {
    "done": ("done", "it happened (records the contact)"),
    "declined": ("declined", "they said not now (a kind word; optionally another time)"),
    "no-reply": ("no_reply", "no reply yet (a follow-up 3 days after the step, unless you say)"),
    "later": ("rescheduled", "move it to another time"),
    "skip": ("skipped", "let this one go"),
}


def add_parsers(sub: Any) -> None:
    how = {"type": _how, "metavar": "HOW", "help": f"{HOW_WORDS}"}
    plan = sub.add_parser(
        "plan",
        help='plan a small step: PERSON "ACTION" WHEN',
        description="One person, one small action, one time — as the app's planner. WHEN is "
        "said as in the app: tonight, 'tomorrow 6pm', 'fri 7pm', 'in 3 days'. With no "
        "arguments, the steps still open, soonest first, with their numbers (PERSON alone: "
        "theirs).",
    )
    plan.add_argument("person", nargs="?",
                      help="who (a name, first name or nickname); alone, their open steps")  # fmt: skip
    plan.add_argument("action", nargs="?", help="the small step, in a few words")
    plan.add_argument("when", nargs="*", help="when, e.g. tomorrow 6pm")
    plan.add_argument("--repeat", type=given("a repeat, such as weekly"),
                      help="weekly, 'every 2 weeks', 'every mon and thu'…")  # fmt: skip
    plan.add_argument("--cue", default="", help="if-then cue: 'when I finish lunch'")
    plan.add_argument("--backup", default="", help="if-then backup: 'if no answer, a voice note'")
    plan.add_argument("--how", **how)
    plan.add_argument("--context", metavar="NAME", type=given(A_PART_OF_LIFE),
                      help="a step toward a part of life instead of a person (leave PERSON "
                      "out): plan --context Choir 'go to the Thursday choir' thu 7pm")  # fmt: skip
    plan.add_argument("--anyway", action="store_true",
                      help="keep the words as they are when they name another day than WHEN, "
                      "plan a step already on your plan a second time, or one over a year "
                      "away")  # fmt: skip
    plan.add_argument("--awkward", type=score(1, 5), metavar="1-5", help="expected awkwardness")
    plan.add_argument("--sure", type=score(0, 10), metavar="0-10", help="how sure you are")
    plan.set_defaults(run=cmd_plan)

    log = sub.add_parser(
        "log", help="log a contact that happened", description="Logs a contact, as the Map's l."
    )
    log.add_argument("people", nargs="+", metavar="PERSON", help="who (several allowed)")
    log.add_argument("--when", default="now", type=given(A_TIME),
                     help="now, 'yesterday evening', 'last sat 3pm'")  # fmt: skip
    log.add_argument("--anyway", action="store_true",
                     help="a time over a year ago, or a contact just like one logged, as meant")  # fmt: skip
    log.add_argument("--how", **how)
    log.add_argument("--warmth", type=score(1, 5), metavar="1-5", help="how warm it felt")
    log.add_argument(
        "--who-reached-out", type=word, choices=sorted(REACHED_OUT), metavar="me|them|mutual"
    )
    log.add_argument("--context", type=given(A_PART_OF_LIFE), help="the part of life it was in")
    log.add_argument("--note", default="", help="a note")
    log.add_argument("--gave", action="append", type=word, choices=SUPPORT_WORDS, default=[],
                     metavar="KIND", help="support you gave: emotional (listening, comfort) "
                     "or practical (help)")  # fmt: skip
    log.add_argument("--got", action="append", type=word, choices=SUPPORT_WORDS, default=[],
                     metavar="KIND", help="support you received: emotional (listening, "
                     "comfort) or practical (help)")  # fmt: skip
    log.set_defaults(run=cmd_log)

    for name, (status, said) in OUTCOMES.items():
        outcome = sub.add_parser(
            name,
            help=f"a step's outcome — {said}",
            description="STEP is a step's number (shown by today and plan) or a person's "
            "name (or a part of life's), for their open step due nearest to now (the latest due "
            "today or before, else the soonest to come; several that day are listed to choose "
            "from).",
        )
        outcome.add_argument("step", help="a step number, or a person's (or place's) name")
        outcome.add_argument("--note", default="", help="what you noticed (optional)")
        if status in ("done", "no_reply"):  # (declined has its own --anyway, below)
            outcome.add_argument("--anyway", action="store_true",
                                 help="a step due on a later day that has happened already"
                                 + (", or --when over a year ago" if status == "done" else
                                    ", or a --follow-up over a year away"))  # fmt: skip
        elif status == "rescheduled":
            outcome.add_argument("--anyway", action="store_true",
                                 help="a time on another day than the step's words say, "
                                 "one a step just like it already has, or one over a year "
                                 "away")  # fmt: skip
        if status == "done":
            outcome.add_argument("--when", type=given(A_TIME),
                                 help="when it happened (default: now, or the "
                                 "step's own time when it was due on an earlier day)")  # fmt: skip
            outcome.add_argument("--warmth", type=score(1, 5), metavar="1-5")
            outcome.add_argument("--felt", type=score(1, 5), metavar="1-5",
                                 help="how awkward it really felt")  # fmt: skip
            outcome.add_argument("--how", **how)
            outcome.add_argument("--who-reached-out", type=word, choices=sorted(REACHED_OUT),
                                 metavar="me|them|mutual", default="me")  # fmt: skip
        elif status == "declined":
            outcome.add_argument("--another-time", metavar="WHEN", help="offer another time")
            outcome.add_argument("--anyway", action="store_true",
                                 help="a step still to come that they said not now to already, "
                                 "another time on another day than the step's words say, one "
                                 "a step just like it already has, or one over a year "
                                 "away")  # fmt: skip
            outcome.add_argument("--no-follow-up", action="store_true",
                                 help="don't plan the step's own backup next")  # fmt: skip
        elif status == "no_reply":
            outcome.add_argument("--follow-up", metavar="WHEN", default=None,
                                 help=f"a gentle follow-up (default: {FOLLOW_UP}; the step's "
                                 "own backup, when it has one, on the day it names)")  # fmt: skip
            outcome.add_argument("--no-follow-up", action="store_true",
                                 help="plan no follow-up (nor the step's own backup)")  # fmt: skip
        elif status == "rescheduled":
            outcome.add_argument("when", nargs="+", help="the new time")
        outcome.set_defaults(run=cmd_outcome, status=status)

    snooze = sub.add_parser(
        "snooze",
        help="rest someone's reminders for a while (0 days: back on)",
        description="Quiets someone's 'past the rhythm' reminder, as the Map's z.",
    )
    snooze.add_argument("person")
    snooze.add_argument("days", nargs="?", type=score(0, 365), default=SNOOZE_DAYS,
                        metavar="DAYS", help=f"how long (default {SNOOZE_DAYS}; 0 wakes it)")  # fmt: skip
    snooze.set_defaults(run=cmd_snooze)

    add = sub.add_parser(
        "add",
        help="add someone to your map: NAME [--rhythm R] [--context NAME]",
        description="Adds someone, as the Map's n. A name already on your map (any "
        "capitalisation, or someone's nickname) is not added twice: add --anyway for "
        "someone else with the same name. Details can follow in the app.",
    )
    add.add_argument("name", help="their name, as you call them")
    add.add_argument("--rhythm", type=given("a rhythm, such as weekly or 14"),
                     help="how often you'd like to be in touch: weekly, "
                     "'every 2 weeks', 30")  # fmt: skip
    add.add_argument("--context", action="append", default=[], metavar="NAME",
                     type=given(A_PART_OF_LIFE),
                     help="a part of life you share (again for another); a new one is added")  # fmt: skip
    add.add_argument("--circle", type=word, choices=CIRCLES, default="middle",
                     help="inner, middle (the default) or outer")  # fmt: skip
    add.add_argument("--nickname", default="", help="what else you call them")
    add.add_argument("--anyway", action="store_true",
                     help="someone else with a name already on your map")  # fmt: skip
    add.set_defaults(run=cmd_add)

    listed = sub.add_parser(
        "people", help="the people on your map, or who is past the rhythm you hoped for"
    )
    which = listed.add_mutually_exclusive_group()
    which.add_argument("--drifting", action="store_true",
                       help="only people past the rhythm you hoped for, longest first")  # fmt: skip
    which.add_argument("--archived", action="store_true",
                       help="only the people archived (the Map's a; h shows them there)")  # fmt: skip
    listed.set_defaults(run=cmd_people)

    day = sub.add_parser(
        "date",
        help='someone\'s dates: list, add (PERSON "LABEL" DAY) or --remove',
        description="Birthdays, anniversaries and any day with a name ('moved to Leeds'). "
        "DAY is a day and a month, the year if you know it: 12 Apr, 12/4 (day first), "
        "12 April 1985, 1985-04-12. today shows them a week ahead; the calendar file has "
        "them every year.",
    )
    day.add_argument("person")
    day.add_argument("label", nargs="?", help="birthday, anniversary, 'moved to Leeds'…")
    day.add_argument("day", nargs="*", help="the day, e.g. 12 Apr")
    day.add_argument("--remove", action="store_true", help="take the date called LABEL away")
    day.set_defaults(run=cmd_date)


def _when(words_: list[str] | str) -> str:
    return " ".join(words_) if isinstance(words_, list) else words_


# --------------------------------------------------------------------------- plan


def cmd_plan(settings: Settings, args: argparse.Namespace) -> None:
    if args.context is not None:  # no PERSON: the words move up one place
        if args.person is None or args.action is None:
            raise UsageError("say the step and when: planner-tui plan --context NAME "
                             '"ACTION" WHEN')  # fmt: skip
        if args.when and _read_as_time(args.when) and not _read_as_time([args.action, *args.when]):
            # 'plan --context Choir Ana "x" fri': "I couldn't read 'x fri' as a time" (nu251)
            raise UsageError("with --context the step is toward the place, so leave the person "
                             'out: planner-tui plan --context NAME "ACTION" WHEN')  # fmt: skip
        args.person, args.action, args.when = None, args.person, [args.action, *args.when]
        _plan(settings, args)
        return
    if args.action is None:
        _list_open_steps(settings, args.person)
        return
    if not args.when:
        raise UsageError("the following arguments are required: when "
                         "(see planner-tui plan --help)")  # fmt: skip
    _plan(settings, args)


def _read_as_time(words_: list[str]) -> bool:
    from planner_tui.when import parse_when

    try:
        parse_when(_when(words_), lean="future")
    except InvalidInput:
        return False
    return True


def _list_open_steps(settings: Settings, typed: str | None) -> None:
    """The steps still open (one person's, when *typed* names them), soonest first, each
    with its number and how it repeats; earlier ones not done yet are marked "not yet", as
    on Today."""
    from planner_tui.services import steps
    from planner_tui.when import describe_repeat

    with opened(settings, reading=True) as database, database.session() as session:
        person = find_person(session, typed) if typed is not None else None
        found = steps.list_steps(
            session=session, upcoming=True, person_id=person.id if person else None, limit=None
        )
    if not found:
        # What a list leaves out, or that it is empty, goes to stderr, as search says it: a
        # script counting the lines counted the sentence (nu282).
        say(words.nothing_planned(person.name) if person else words.EMPTY_PLAN, stream=sys.stderr)
        return
    today = clock.today()
    rows = []
    for step in found:
        when = words.when(step.due_at)
        mark = f"not yet, {when}" if clock.to_local(step.due_at).date() < today else when
        repeats = f" · {describe_repeat(step.rrule)}" if step.rrule else ""  # as Plan shows
        toward = words.toward(step.person)  # as Today and Plan show it: "somewhere new"
        rows.append((f"#{step.id}", mark, " ".join(step.action.split()), toward, repeats))
    numbers, marks = (max(len(row[n]) for row in rows) for n in (0, 1))  # columns line up
    for number, mark, action, toward, repeats in rows:
        say(
            f"{number.ljust(numbers)}  {mark.ljust(marks)}  "
            f"{words.with_person(action, toward)}{repeats}"
        )


def _plan(settings: Settings, args: argparse.Namespace) -> None:
    from planner_tui.db.models import Effort
    from planner_tui.services import steps
    from planner_tui.when import check_year, describe_repeat, parse_repeat, parse_when_noted

    said = _when(args.when)
    due, moved = parse_when_noted(said, lean="future")
    steps.check_ahead(due)
    check_year(due, said=said, anyway=args.anyway)
    rule = parse_repeat(args.repeat) if args.repeat is not None else None
    if not args.anyway:
        texts = {"step": args.action, "cue": args.cue, "backup": args.backup}
        if disagree := steps.days_disagree(due_at=due, rule=rule, texts=texts):
            _refuse(f"{disagree} Change the words or the time, or add --anyway to keep both.")
    library = steps.load_actions(settings.resolved_home())
    if library.problem:
        say(library.problem, stream=sys.stderr)
    actions = library.actions
    with opened(settings) as database, database.write() as session:
        person = find_person(session, args.person) if args.person is not None else None
        place = _context(session, args.context) if args.context is not None else None
        toward = person.name if person else ""
        said = args.person or ""
        chosen = steps.library_action(actions, args.action, toward, said)
        same = None if args.anyway else steps.same_open_step(
            session=session, person_id=person.id if person else None, context_id=place,
            action=args.action, due_at=due, rrule=rule,
        )  # fmt: skip
        if same is not None:  # as the wizard asks before planning it a second time
            _refuse(
                f"{words.already_there(same.due_at, same.action, same.person, same.id)} Add "
                "--anyway to plan it a second time."
            )
        step = steps.create_step(
            session=session,
            data={
                "person_id": person.id if person else None,
                "context_id": place,
                "action": args.action,
                "effort": chosen.effort if chosen else Effort.OWN,
                "channel": CHANNELS[args.how] if args.how else chosen and chosen.channel,
                "due_at": due,
                "rrule": rule,
                "cue": args.cue.strip(),
                "backup": args.backup.strip(),
                "expected_awkwardness": args.awkward,
                "confidence": args.sure,
            },
        )
        starts = step.due_at  # a repeat moved onto its first day: the steps near that one
        near = steps.near_in_time(steps.list_steps(
            session=session, upcoming=True, start=starts - steps.CLASH,
            end=starts + steps.CLASH + timedelta(minutes=1), limit=10), starts,
            leave_out=step.id)  # fmt: skip
    # How far, as the wizard says it: 'next tue' on a Monday is tomorrow (nu250).
    card = words.plan_card(step.due_at, step.action, step.person, how_far=True)
    say(f"Planned (#{step.id}): {card}")
    if near:  # as the wizard says beside the time
        also = words.also_then(near).removeprefix(" · ")
        say(also[:1].upper() + also[1:] + ".")
    if moved:
        say(moved)
    if rule:
        say(f"Repeats {describe_repeat(rule, clock.to_local(step.due_at))}.")
        if step.due_at != due:
            say(words.repeat_starts(due, step.due_at))
    if step.cue:
        say(f"Cue: {step.cue}")  # "When: when I finish lunch" said when twice
    if step.backup:
        say(f"Backup: {step.backup}")
    if args.sure is not None and args.sure < 7:  # shrinking it is the word, not "it's small"
        nickname = person.nickname if person else ""
        found = steps.smaller_offer(actions, chosen, args.action, toward, said, nickname)
        # Nothing smaller: said so, as the wizard does (it said how to shrink, then nothing).
        say(f"{words.SMALLER_LINE} How about: {found[1]}?" if found else words.ALREADY_LIGHT_SHELL)
    else:
        seed = sum(map(ord, step.action)) + due.toordinal()
        say(words.encouragement(seed, place=step.person_id is None))


# --------------------------------------------------------------------------- log


def cmd_log(settings: Settings, args: argparse.Namespace) -> None:
    from planner_tui.db.models import LOGGED_CHANNEL, LOGGED_INITIATOR, Channel, label
    from planner_tui.journal_search import context_named, no_context
    from planner_tui.services import people
    from planner_tui.when import CLOCK_SLACK, check_year, parse_when_noted

    moment, moved = parse_when_noted(args.when, lean="past")  # said as plan says it (nu278)
    if moment > clock.now() + CLOCK_SLACK:
        _refuse(words.STILL_TO_COME)
    check_year(moment, anyway=args.anyway)
    with opened(settings) as database, database.write() as session:
        found = [find_person(session, typed) for typed in args.people]
        who = list({p.id: p for p in found}.values())  # "#7" "#7" (or Ana, Annie): one person
        context_id = None
        if args.context is not None:
            contexts = people.list_contexts(session=session)
            context_id = context_named(args.context, contexts)
            if context_id is None:
                _refuse(no_context(args.context, contexts, words.no_context_to_log(args.context)))
        names = ", ".join(told(session, p) for p in who)
        channel = CHANNELS[args.how] if args.how else LOGGED_CHANNEL
        if not args.anyway and people.same_contact(
            session=session, person_ids=[p.id for p in who], occurred_at=moment, channel=channel
        ):
            _refuse(words.logged_already(names, words.when(moment), label(Channel(channel))))
        saved = people.log_interaction(
            session=session,
            data={
                "person_ids": [p.id for p in who],
                "occurred_at": moment,
                "context_id": context_id,
                "channel": channel,
                "initiator": REACHED_OUT[args.who_reached_out or LOGGED_INITIATOR],
                "warmth": args.warmth,
                "note": args.note,
                **{f"gave_{SUPPORT_WORDS[kind]}": True for kind in args.gave},
                **{f"got_{SUPPORT_WORDS[kind]}": True for kind in args.got},
            },
        )
    say(f"Saved: a contact with {names}, {words.when(saved.occurred_at)} "
        f"({label(Channel(saved.channel))}).")  # fmt: skip
    if moved:
        say(moved)
    assumed = [
        (label(LOGGED_CHANNEL), "--how") if not args.how else None,
        (label(LOGGED_INITIATOR), "--who-reached-out") if not args.who_reached_out else None,
    ]
    said = [one for one in assumed if one]
    if said:
        say(words.assumed(said))


def _context(session: Any, typed: str) -> int:
    """The part of life *typed* names (the one rule the journal's ``in:`` and ``log
    --context`` use); refused when it names none, or several."""
    from planner_tui.journal_search import context_named, no_context
    from planner_tui.services import people

    known = people.list_contexts(session=session)
    found = context_named(typed, known)
    if found is None:
        _refuse(no_context(typed, known, f"No part of life called "
                           f"{shorten(' '.join(typed.split()), 60)!r} on your map yet."))  # fmt: skip
    return found


def _refuse(message: str) -> NoReturn:
    raise InvalidInput(message)


# --------------------------------------------------------------------------- outcomes


def cmd_outcome(settings: Settings, args: argparse.Namespace) -> None:
    from planner_tui.db.choices import StepStatus
    from planner_tui.services import steps
    from planner_tui.when import check_year, parse_when

    status: str = args.status
    outcome: dict[str, Any] = {"status": status, "note": args.note}
    if status == "done":
        moment = parse_when(args.when, lean="past") if args.when else None  # None: see below
        if moment is not None and moment > clock.now():
            _refuse("That is still to come; say when it happened.")
        if moment is not None:
            check_year(moment, anyway=args.anyway)
        outcome |= {
            "occurred_at": moment,
            "warmth": args.warmth,
            "felt_awkwardness": args.felt,
            "responded": REACHED_OUT[args.who_reached_out],
            "channel": CHANNELS[args.how] if args.how else None,
        }
    if status == "no_reply" and args.no_follow_up and args.follow_up is not None:
        raise UsageError("--follow-up and --no-follow-up say opposite things; choose one.")
    new_time = {
        "declined": getattr(args, "another_time", None),
        "no_reply": None if getattr(args, "no_follow_up", False) else getattr(args, "follow_up", None),
        "rescheduled": _when(getattr(args, "when", [])),
    }.get(status)  # fmt: skip
    new_time = new_time.strip() if new_time is not None else None
    if status == "rescheduled" and not new_time:
        _refuse("When would suit better? Try 'sat 10am' or 'in 2 days'.")
    if new_time == "":  # `--another-time ''` (a script's unset variable): not passed over
        option = "--another-time" if status == "declined" else "--follow-up"
        _refuse(f"{option} is empty: say when (try 'sat 10am' or 'in 3 days'), or leave it out.")
    with opened(settings) as database, database.write() as session:
        step = find_step(session, args.step)
        steps.check_open(session, step)  # first: no advice about a step already recorded
        if new_time:
            outcome["new_due_at"] = steps.new_time(new_time, step.due_at)
            steps.check_ahead(outcome["new_due_at"])
            check_year(outcome["new_due_at"], anyway=args.anyway)
        if new_time and not args.anyway:  # as `plan` asks
            due = outcome["new_due_at"]
            if disagree := steps.new_time_disagrees(step, StepStatus(status), due):
                _refuse(f"{disagree} Change the time, or add --anyway to keep that time.")
            there = steps.already_there(session=session, step_id=step.id, due_at=due)
            if there is not None and status in ("rescheduled", "declined"):  # the step itself
                said = words.already_there(there.due_at, there.action, there.person, there.id,
                                           its_own=there.id == step.id)  # fmt: skip
                _refuse(f"{said} Choose another time, or add --anyway to have both.")
        steps.check_someone_to_reply(step, StepStatus(status))
        if steps.asks_first(status, step.due_at, step.person_id):
            steps.check_due(step.due_at, anyway=args.anyway)
        if status == "done" and outcome["occurred_at"] is None:
            outcome["occurred_at"] = steps.likely_done_at(step.due_at)
        quiet = getattr(args, "no_follow_up", False)
        backup = "" if quiet else words.backup_after(status, step.backup)
        if backup and (status == "no_reply" or new_time is None):  # their own plan B, first,
            outcome["follow_up"] = words.backup_step(backup)  # as the app's form offers it
        nudge = status == "no_reply" and steps.offers_follow_up(step.action)
        if "new_due_at" not in outcome and not quiet and (backup or nudge):
            outcome["new_due_at"] = steps.follow_up_time(step.due_at, said=backup, settling=True)
        result = steps.record_outcome(session=session, step_id=step.id, outcome=outcome)
    following = [(s.due_at, s.action, s.id, bool(s.rrule)) for s in result.following]
    _said(result.step, following, backup_planned="follow_up" in outcome)
    met = outcome.get("occurred_at")
    if met is not None and abs(clock.now() - met) > timedelta(minutes=5):  # not "now": say it
        say(f"Counted as in touch {words.when(met)}.")


def _said(
    step: StepRead,
    following: Sequence[tuple[datetime, str, int | None, bool]],
    *,
    backup_planned: bool = False,
) -> None:
    say(f"#{step.id}: {words.plan_card(step.due_at, step.action, step.person)}")
    place = step.person_id is None
    say(words.outcome_said(step.status.value, expected=step.expected_awkwardness,
                           felt=step.felt_awkwardness, following=following, place=place,
                           action=step.action))  # fmt: skip
    if kind_words := words.outcome_kind_words(
        step.status.value, place=place, action=step.action, planned_next=bool(following)
    ):
        say(kind_words)
    moved_to = following[0][0] if following and step.status.value == "rescheduled" else None
    if moved_to is not None and moved_to < step.due_at:
        say(f"That is {words.sooner_than(step.due_at)}.")
    if words.backup_after(step.status.value, step.backup) and not backup_planned:
        say(f"Your backup plan: {step.backup}")


# --------------------------------------------------------------------------- people


def cmd_snooze(settings: Settings, args: argparse.Namespace) -> None:
    from planner_tui.services import people

    with opened(settings) as database, database.write() as session:
        person = find_person(session, args.person)
        called = told(session, person)
        people.snooze_person(session=session, person_id=person.id, days=args.days)
    if args.days:
        until = clock.today() + timedelta(days=args.days)
        say(words.snoozed(called, until, rhythm=bool(person.cadence_days)))
    else:
        say(
            words.snooze_ended(
                called,
                resting=bool(person.resting_until(clock.today())),
                rhythm=bool(person.cadence_days),
            )
        )


def cmd_add(settings: Settings, args: argparse.Namespace) -> None:
    from planner_tui.db.models import PersonCreate, label
    from planner_tui.journal_search import context_named, contexts_named, no_context
    from planner_tui.names import name_key
    from planner_tui.services import people
    from planner_tui.services.common import validate
    from planner_tui.when import parse_cadence

    cadence = parse_cadence(args.rhythm) if args.rhythm is not None else None
    data = {"name": args.name.strip(), "nickname": args.nickname.strip(),
            "circle": args.circle, "cadence_days": cadence}  # fmt: skip
    # Refused before the planner opens: an empty name made an empty planner in a new home.
    validate(PersonCreate, data)
    new_contexts: list[str] = []
    begun: list[tuple[str, str]] = []  # (typed, the part of life whose name it begins)
    with opened(settings) as database, database.write() as session:
        if not args.anyway:
            same = people.find_duplicates(session=session, name=args.name)
            if same:
                match = same[0]  # by another name of theirs: said (nu265: "add sammy")
                other = match.nickname if name_key(match.name) != name_key(args.name) else ""
                _refuse(words.already_on_map(match.name, match.archived, known_as=other))
            nickname = args.nickname.strip()
            # whose it is (a nickname, a whole name), else whom it finds now (a first name)
            called = people.find_duplicates(session=session, name=nickname) if nickname else []
            finds = called or (
                people.find_duplicates(session=session, name=nickname, whole_only=False)
                if nickname
                else []
            )
            if finds:
                whose = words.numbered_names([(p.name, p.id) for p in finds])
                _refuse(
                    (
                        words.nickname_taken(nickname, whose, len(finds))
                        if called
                        else words.nickname_takes_over(nickname, whose, args.name.strip())
                    )
                    + " Choose another nickname, or add --anyway to keep it."
                )
        context_ids = []
        for typed in args.context:
            known = people.list_contexts(session=session, include_archived=True)
            found = context_named(typed, known)
            if found is None and len(contexts_named(typed, known)) > 1:
                _refuse(no_context(typed, known))
            if found is None:
                made = people.create_context(session=session, data={"name": typed.strip()})
                new_contexts.append(made.name)
                found = made.id
            else:
                known_name = next(c.name for c in known if c.id == found)
                if name_key(known_name) != name_key(typed):
                    begun.append((typed.strip(), known_name))
            context_ids.append(found)
        person = people.create_person(
            session=session, data={**data, "context_ids": list(dict.fromkeys(context_ids))}
        )
    say(words.person_added(person.name))
    # A sentence, not "middle circle" alone on its line (read as stray words, nu218)
    said = f"In your {label(person.circle)} circle"
    if person.cadence_days:
        said += f", hoping to be in touch {words.cadence(person.cadence_days)}"
    if person.contexts:
        said += f"; part of {words.joined(list(person.contexts))}"
    say(said + ".")
    for name in new_contexts:
        say(f"New part of life on your map: {name}")
    for typed, name in begun:  # joined, not added: said, so it is never a surprise
        say(f"'{typed}' is {name}, already on your map (the start of its name).")


def cmd_people(settings: Settings, args: argparse.Namespace) -> None:
    from planner_tui.services import people

    with opened(settings, reading=True) as database, database.session() as session:
        if args.drifting:
            found = people.drifting_people(session=session)
            everyone = [] if found else people.list_people(session=session)
        else:
            everyone = people.list_people(session=session, include_archived=True)
            found = [p for p in everyone if p.archived == args.archived]
    archived = sum(p.archived for p in everyone)
    if found:
        _people_table(found)
    elif args.drifting and everyone:  # no one at all: the empty map's line (nu283)
        resting = [p.name for p in everyone if p.resting_past]
        say(words.no_one_drifting(resting, people.not_yet_in_touch(everyone)), stream=sys.stderr)
    elif args.archived:
        say("No one is archived.", stream=sys.stderr)
    elif not archived:
        say(words.EMPTY_MAP_SHELL, stream=sys.stderr)
    if archived and not args.drifting and not args.archived:  # said, as the Map's h is
        say(f"{words.plural(archived, 'person', 'people')} archived, not listed "
            "(planner-tui people --archived lists them).", stream=sys.stderr)  # fmt: skip


def _people_table(found: list[PersonRead]) -> None:
    """People in lined-up columns: number, name, circle, last contact, rhythm, state, parts
    of life."""
    from rich.cells import cell_len

    from planner_tui.db.models import label
    from planner_tui.pictures import in_cells

    names = {p.id: " ".join(p.name.split()) for p in found}
    width = min(30, max(cell_len(name) for name in names.values()))
    rows = []
    for p in found:
        until = p.resting_until(clock.today())
        state = (words.past_rhythm(p.drifting_days, cadence_days=p.cadence_days) if p.drifting_days
                 else f"resting until {until:%-d %b}" if until else "")  # fmt: skip
        rows.append([
            f"#{p.id}",  # PERSON can be '#4': two people can share a name
            in_cells(names[p.id], width),
            label(p.circle),
            f"last in touch {words.ago(p.last_contact)}",
            f"hoped for {words.cadence(p.cadence_days)}" if p.cadence_days else "",
            state,
            shorten(", ".join(" ".join(c.split()) for c in p.contexts), 40),
        ])  # fmt: skip
    # Each column lined up under the one above (a rhythm or a rest pushed the rest along)
    widths = [max(cell_len(row[n]) for row in rows) for n in range(len(rows[0]))]
    for row in rows:
        cells = [
            cell + " " * (w - cell_len(cell)) for cell, w in zip(row, widths, strict=True) if w
        ]
        say("  ".join(cells).rstrip())


def cmd_date(settings: Settings, args: argparse.Namespace) -> None:
    from planner_tui.names import person_named
    from planner_tui.services import people
    from planner_tui.when import parse_yearly

    day = _when(args.day)
    if args.remove:
        if args.label is None or day:
            raise UsageError('say which date to remove: planner-tui date PERSON "LABEL" --remove')
    elif args.label is not None and not day.strip():
        raise UsageError("say the day too, like: planner-tui date Ana birthday 12 Apr")
    when = parse_yearly(day) if args.label is not None and not args.remove else None
    reading = when is None and not args.remove  # only listing them
    with (
        opened(settings, reading=reading) as database,
        database.session() if reading else database.write() as session,
    ):
        person = find_person(session, args.person)
        called = told(session, person)
        people_now = people.names_of(session)
        if args.remove:
            gone = people.remove_dates(session=session, person_id=person.id, label=args.label)
            say(f"Removed from {called}: {_dates_line(gone)}.")
            return
        was: list[Any] = []
        if when is not None:
            month, day_of_month, year = when
            saved, was = people.set_date(
                session=session,
                data={"person_id": person.id, "label": args.label.strip(), "month": month,
                      "day": day_of_month, "year": year},
            )  # fmt: skip
        dates = people.list_dates(session=session, person_id=person.id)
    if when is not None:
        if was:
            said = [_dates_line([("", d)]).strip() for d in was]  # "12 Apr", "3 Jun 2011"
            say(f"{saved.label[:1].upper()}{saved.label[1:]} changed from "
                f"{' and '.join(said)}.")  # fmt: skip
        say(f"Saved. {called}: {_dates_line(dates)}.")
    elif dates:
        say(f"{called}: {_dates_line(dates)}.")
    else:  # the command to add one names them by number when their name names another too
        alone = person_named(person.name, people_now) == person.id
        say(
            words.no_dates(person.name, person.name if alone else f"#{person.id}"),
            stream=sys.stderr,
        )


def _dates_line(dates: list[Any]) -> str:
    """Someone's dates in one line; a (label, date) pair shows the date under that label."""
    pairs = [d if isinstance(d, tuple) else (d.label, d) for d in dates]
    return words.dates_line([(what, d.month, d.day, d.year) for what, d in pairs])
