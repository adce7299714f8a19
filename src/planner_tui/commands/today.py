"""`planner-tui today`: a few lines for a shell's startup file — and `planner-tui remind`,
which tells the person about a step shortly before it (a desktop notification, or a line).

`today` must be quick (a shell starts with it): on the usual local SQLite file it reads with
the standard library alone (:func:`planner_tui.daily.summary_file`); only when that can't be
done (a server, an encrypted file, an older schema) does it open the data layer and ask the
services (:func:`planner_tui.services.today.summary`), which follow the same rules.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, timedelta
from typing import TYPE_CHECKING, Any

from planner_tui import clock, daily, words
from planner_tui.commands.base import UsageError, opened
from planner_tui.config import DB_FILENAME, Settings
from planner_tui.db import copies_kept
from planner_tui.terminal import say

if TYPE_CHECKING:
    from planner_tui.daily import Summary
    from planner_tui.db.models import StepRead

SHOWN_STEPS = 3
"""`today` lists this many steps, then says how many more there are."""
SHOWN_DATES = 4
"""…and this many of the week's dates."""
REMIND_WITHIN = 15
GRACE = timedelta(minutes=5)
"""A step whose time passed this recently still gets its one reminder (a timer that runs
every few minutes misses none)."""


def add_parsers(sub: Any) -> None:
    today = sub.add_parser(
        "today",
        help="a few lines about today, for a shell's startup file (quick)",
        description="Today's small steps (and earlier ones not done yet), someone you might "
        "reach, today's check-in, this month's intentions and dates in the week ahead.",
    )
    today.add_argument("--json", action="store_true", help="as JSON, for scripts")
    today.add_argument("--quiet-if-empty", action="store_true",
                       help="print nothing when there is no step, no one to reach and no date")  # fmt: skip
    today.set_defaults(run=cmd_today)

    remind = sub.add_parser(
        "remind",
        help="a desktop notification for steps due soon (for cron or a systemd timer)",
        description="Tells you about each planned step due within the next MINUTES, once: "
        "through notify-send when there is a desktop to show it, otherwise as a line. "
        "Silent in the quiet hours (PLANNER_TUI_QUIET_HOURS, default 22:00-08:00).",
    )
    remind.add_argument("--within", type=int, default=REMIND_WITHIN, metavar="MINUTES",
                        help=f"how far ahead to look (default {REMIND_WITHIN})")  # fmt: skip
    remind.set_defaults(run=cmd_remind)


# --------------------------------------------------------------------------- today


def cmd_today(settings: Settings, args: argparse.Namespace) -> None:
    today = clock.today()
    found: Summary | None = None
    if settings.plain_file:
        database = settings.resolved_home() / DB_FILENAME
        if not database.exists():  # nothing yet, and a shell's start creates nothing
            if not copies_kept(database):  # (else moved or deleted: said by the data layer)
                found = daily.Summary(today=today)
                if not args.quiet_if_empty:  # asked outright: a typo'd --home is no empty day
                    said = words.no_planner_in(str(settings.resolved_home()))
                    say(f"planner-tui: {said}", stream=sys.stderr)  # as every command says it
                    if not args.json:  # (a script still reads a summary, empty)
                        return  # nu276: "Nothing planned for today" beside it read as a planner
        else:
            found = daily.summary_file(database, today=today, check_in=clock.check_in_day())
    if found is None:
        from planner_tui.services import today as services_today

        with (
            opened(settings, reading=True, quick=True) as opened_database,
            opened_database.session() as session,
        ):
            found = services_today.summary(
                session=session, today=today, check_in=clock.check_in_day()
            )
    if args.quiet_if_empty and found.is_empty:  # with --json too: nothing at all
        return
    if args.json:
        print(json.dumps(found.to_json(), ensure_ascii=False, indent=1))
        return
    for line in summary_lines(found):
        say(line)


def summary_lines(found: Summary) -> list[str]:
    """The summary in a few plain lines (user text made safe by the caller's ``say``)."""
    today = found.today
    lines = [f"planner-tui · {today:%A} {today.day} {words.SHORT_MONTHS[today.month - 1]}"]
    if found.steps:
        lines.append("Small steps:")
        first = found.steps[:SHOWN_STEPS]
        numbers = max(len(f"#{step.id}") for step in first)  # times in one column (nu190)
        for step in first:
            local = clock.to_local(step.due_at)
            when = (
                f"{local:%H:%M}"
                if local.date() == today
                else f"not yet, {local:%a} {words.day(local.date())}"  # its year, if not this one
            )
            lines.append(
                f"  {f'#{step.id}':<{numbers}}  {when}  "
                f"{_one_line(words.cued(step.action, step.person, step.cue))}"
            )
        more = len(found.steps) - SHOWN_STEPS
        if more > 0:
            lines.append(f"  … and {more} more (planner-tui plan lists them all)")
    else:
        lines.append(words.nothing_due(found.settled_today))
    if found.next_step is not None:  # as Today's *Coming up next* begins (nu209)
        step = found.next_step
        lines.append(_one_line(f"Next step: {words.when(step.due_at)} — "
                               f"{words.cued(step.action, step.person, step.cue)}"))  # fmt: skip
    if found.reach is not None:
        reach = found.reach
        lines.append(_one_line(words.might_reach(reach.name, reach.last_contact,
                                                 reach.cadence_days, today)))  # fmt: skip
    elif found.held_back:
        lines.append(found.held_back)
    if found.checkin_draft_day is not None:  # kept as a draft: said, as Today says it
        state = words.checkin_state(found.checked_in, found.checkin_draft_day, "c in the app")
    else:
        state = words.CHECKED_IN if found.checked_in else words.NOT_CHECKED_IN
    lines.append(f"{clock.check_in_title()}: {state[:1].lower()}{state[1:]}")
    if found.intentions:
        lines.append(_one_line("This month: " + " · ".join(found.intentions)))
    if found.dates:
        coming = [
            words.date_coming(d.person, d.label, d.on, today)
            + (f" ({words.date_seen_to(d.planned, d.done, d.reached)})" if d.planned else "")
            for d in found.dates
        ]
        more = len(coming) - SHOWN_DATES
        shown = coming[:SHOWN_DATES] + ([f"and {more} more"] if more > 0 else [])
        lines.append(_one_line("Coming up: " + " · ".join(shown)))
    return lines


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --------------------------------------------------------------------------- remind


def cmd_remind(settings: Settings, args: argparse.Namespace) -> None:
    from planner_tui.services import steps

    if not 1 <= args.within <= 24 * 60:
        raise UsageError("--within is a number of minutes, from 1 to 1440")
    now = clock.now()
    if settings.plain_file and not (settings.resolved_home() / DB_FILENAME).exists():
        return  # never used: nothing to tell, and a timer creates nothing
    if settings.in_quiet_hours(now.time()):
        with opened(settings, reading=True):
            return  # nothing told now; a damaged file is said all the same (exit 1)
    # Counted in real time (UTC): across a clock change, "the next 60 minutes" is an hour.
    utc = now.astimezone(UTC)
    windows = [(utc - GRACE, utc + timedelta(minutes=args.within))]
    quiet = settings.last_quiet_hours(now)
    if quiet is not None:  # what the quiet hours kept back is told once they end
        windows.append(quiet)
    with opened(settings) as database, database.write() as session:
        found = {
            step.id: step
            for start, end in windows
            for step in steps.to_remind(session=session, start=start, end=end)
        }
        due = sorted(found.values(), key=lambda step: (step.due_at, step.id))
        # Noted as told before telling: two timers at once never tell twice, and no
        # database lock is held while a notification is shown.
        steps.mark_reminded(session=session, step_ids=[step.id for step in due])
    if not due:
        return
    from planner_tui import notify

    sender = notify.find_sender()
    for step in due:
        title, body = reminder(step, now)
        if sender is None or not notify.send(sender, title, body):
            say(f"{title}: {body} (#{step.id})")


def reminder(step: StepRead, now: Any) -> tuple[str, str]:
    """A reminder's title and text: 'A small step at 18:00', 'When you finish lunch: send
    Ana a short message'."""
    local = clock.to_local(step.due_at)
    if local < now - GRACE:  # kept back by the quiet hours
        day = "" if local.date() == now.date() else f"{local:%a} "
        title = f"A small step from {day}{local:%H:%M}, still open"
    elif local <= now:
        title = "A small step now"
    else:  # on another day, said: "at 10:00" of tomorrow's read as this morning's (nu265)
        day = words.date_when(local.date(), now.date(), how_far=False)
        on = "" if day == "today" else f"{day} " if day == "tomorrow" else f"on {day} "
        title = f"A small step {on}at {local:%H:%M}"
    return title, _one_line(words.cued(step.action, step.person, step.cue))
