"""Words shown to the person, kept in one place so the tone stays consistent.

Warm, plain, brief; nothing that diagnoses, labels or shames. No Textual here: the
command line uses these too.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from dateutil.relativedelta import relativedelta

from planner_tui import clock
from planner_tui.terminal import plain, shorten


def rounded(value: float, digits: int = 0) -> Decimal:
    """*value* to *digits* places as it is shown, halves up as people round: 3.25 is 3.3
    (Python's own rounding made it 3.2, and a mood of 3.25 beside 3.67 read "down 0.5")."""
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP)


def birthday_to_come(born: date) -> str:
    """A birthday whose year is still to come (a year typed for the next one, say)."""
    return (
        f"A birthday's year is the year they were born, and {born:%-d %b} {born.year} "
        "is still to come."
    )


FIRST_RUN_NOTICE = (
    "Welcome. planner-tui is a self-help tool for small steps toward the people in your "
    "life. It is not therapy and not an emergency service: if you are in danger or "
    "thinking of harming yourself, please call your local emergency number now. The help "
    "(?) lists crisis lines and other support, and the people you trust.\n\n"
    "Everything you write stays in a file on this computer, unless you choose to point "
    "it at a server of your own. Nothing is sent anywhere."
)

DECLINE_REFRAME = (
    "A 'not now' is usually about timing, energy or circumstance, not about you. "
    "Reaching out was the brave part, and it counted."
)
REVIEW_TITLE = "Monthly review — "
"""How a month's review begins (its Markdown heading, its title on screen): an export
about to replace one names it as one."""
NOT_THIS_TIME = (
    "Not going this time is fine: energy and evenings vary, and the place will be there "
    "another day."
)
"""A step toward a place that didn't happen: no one said 'not now', no one was asked."""
FOLLOW_UP_WORDS = "gently follow up: "
"""How a follow-up after no reply begins its words."""
NO_REPLY_LINE = (
    "Silence is rarely an answer: messages get buried, calls come at the wrong moment, "
    "and weeks get busy. A light follow-up in a few days is ordinary and kind."
)
NO_REPLY_AGAIN = (
    "A second quiet spell happens too, and it says more about a busy stretch than about you."
)
NO_REPLY_AGAIN_LINE = (
    f"{NO_REPLY_AGAIN} There is no need to nudge again: you can leave it here, and reach out "
    "another time or to someone else."
)
"""No reply to a follow-up: the same push for a third message read as pressing (nu213)."""
SKIPPED_LINE = "Letting this one go is fine. The next step can be smaller, or another day."
SMALLER_LINE = (
    "Under 7 out of 10 is a good moment to shrink the step. That is the method working, "
    "not a failure: a message instead of a call, ten minutes instead of an evening."
)
ALREADY_LIGHT = (
    "This is already a light step. An easier time of day can help too; Esc goes back to change it."
)
ALREADY_LIGHT_SHELL = (
    "Under 7 out of 10, and this is already a light step: an easier time of day can help "
    "(planner-tui later moves it)."
)
"""The command line's, where `plan --sure` below 7 finds no smaller step to offer."""
ENCOURAGEMENTS = (
    "Small and specific is what makes a step easy to take. This one is both.",
    "You don't have to feel ready; the first few words are enough.",
    "However it goes, reaching out is the part that is yours, and it's planned.",
    "Most people are glad to be thought of. This gives someone that chance.",
    "If it doesn't happen this time, a smaller one next time is just as much a step.",
)
PLACE_ENCOURAGEMENTS = (
    "Small and specific is what makes a step easy to take. This one is both.",
    "You don't have to feel ready; going along is enough, and leaving early is fine.",
    "However it goes, turning up is the part that is yours, and it's planned.",
    "Places where the same people meet again are where ties grow, a little each time.",
    "If it doesn't happen this time, a smaller one next time is just as much a step.",
)
"""The same, for a step toward a place (no one there is thought of, or appreciates it)."""

SUPPORT_BELOW = (
    "Support lines and people you trust: below the keys, or press s to go straight there."
)
EMERGENCY_LINE = "If things feel too heavy: call your local emergency number if you are in danger."
OTHER_SUPPORT_HEADING = "Not only for crises"
OTHER_SUPPORT_KINDS = (
    "befriending, a friendly call, groups where people meet, lower-cost counselling and "
    "local directories:"
)
OTHER_SUPPORT = f"{OTHER_SUPPORT_HEADING} — {OTHER_SUPPORT_KINDS}"
SUPPORT_IN_HELP = (
    "Support that isn't only for crises — befriending, friendly calls, groups where people "
    "meet — and free crisis lines, by country, are in the app's help (? then s) and in "
    "planner-tui support. If you are ever in danger, call your local emergency number."
)
"""Under a loneliness check that leans lonely: where support is, not every line of it (the
lines shown there ran to three screens, most for another country or age, nu238; and twenty
about suicide under a score, nu234)."""
"""Where the lines have no heading of their own (the command line)."""

EMPTY_TODAY = (
    "A quiet start. This is your daily home: small steps that are due, people you may "
    "like to reach, and today's check-in gather here as you add them. To begin, press m "
    "for the Map: it says how to add the people you'd like to be in touch with, and the "
    "parts of life they belong to."
)
EMPTY_MAP = (
    "No one here yet. Press n to add someone (or i, to bring people in from an address "
    "book's .vcf file); they will show here with their circles and "
    "contexts. The parts of life they belong to (work, family, a club) are on the Contexts "
    "tab (3), where n adds one: add one or two first, and you can tick them as you add each "
    "person. To look around first, try a sample life: planner-tui --home /tmp/planner-demo demo"
)
"""(A first evening added people, then parts of life, then each person again to tick
them, nu183.)"""
EMPTY_MAP_SHELL = (
    "No one on your map yet. Add someone with: planner-tui add NAME (or n on the app's Map)."
)


NO_INTENTIONS_YET = "None yet — n writes one or two for this month."
"""Today, with no intentions for the month. It sent a first evening to last month's review
(which keeps them) by r, ← and n, where `l` then took last month's check (nu234)."""


EMPTY_PLAN = "No small step is planned right now. One text to one person is a perfectly good start."
EMPTY_JOURNAL = "No check-ins yet. A line or two about today is plenty."
NO_TRUSTED = (
    "No one added yet. Press e to note one to five people you could call or message when "
    "things feel heavy — a friend, family, a neighbour, your doctor."
)


def lonely_note(month: str, answered: str = "") -> str:
    """Under a loneliness check that leans towards feeling lonely; *month* is "this month"
    or the month's name (an earlier month's check said "this month", nu166). *answered*:
    the direct question's answer when it was "never" or "hardly ever" — the note doesn't
    tell them otherwise (nu238), and says what they said, not "seldom" (nu241)."""
    if answered:
        return (
            f"Your answers for {month} about companionship, feeling left out and feeling "
            f"isolated lean towards loneliness, though you answered '{answered}' to how often "
            "you feel lonely. Feelings like these come and go for many people; if they weigh "
            "on you, talking to someone you trust can help."
        )
    return (
        f"Your answers for {month} lean towards feeling lonely. That is hard to carry, "
        "and you are not the only one: many people feel this way at times, and it can "
        "change. Talking it over — with someone you know, a doctor, or a support line — can "
        "help."
    )


def latest_steps_shown(shown: int, found: int, *, filtered: bool) -> str:
    """The Plan's line over earlier steps when it shows only the newest *shown* of *found*:
    with a filter on, it had said only "the filters narrow it down" (nu262)."""
    if filtered:
        return f"Showing the latest {shown} of the {found:,} earlier steps that match."
    return f"Showing the latest {shown} of {found:,} earlier steps; the filters narrow it down."


def still_saving(seconds: float) -> str:
    """Said by a form's buttons while its save waits for another program's write."""
    return (
        "Still saving: another program is writing to your planner, and this waits its turn "
        f"(up to {rounded(seconds)} seconds)."
    )


STILL_SAVING_ON_SERVER = (
    "Still saving: the database server hasn't answered yet (another computer may be writing, "
    "or it may be slow to reach). What you wrote stays here meanwhile."
)
""":func:`still_saving` on a server, where no wait has a set end (nu260)."""

LONELY_SAVED = "Saved — thank you for taking a moment for this."
"""After a loneliness check that leans towards feeling lonely: the Review then shows the
check, with the people one trusts and free lines under it. (Short: a toast of three lines
stood over those lines' numbers, nu182.)"""
LONELY_SAVED_NO_ONE_TRUSTED = "Saved, thank you. The help (?) lists lines you can reach."
"""The same, when no one has been added as someone the person trusts."""
NO_ONE_TRUSTED = (
    "If there is someone you could turn to, even one person, the app's help (?) keeps them "
    "with e — when you like, and only if you like."
)
"""Under a check that leans lonely, where the people one trusts would be."""
TREND_SCALES = (
    "Connectedness and mood run 1 to 5, higher is better; the loneliness check runs 3 to 9, "
    "lower is less lonely."
)
"""Under the Review's twelve months, whose columns are read in opposite directions."""
ONE_SIDED_READ = (
    "Who starts is often habit, not a measure of care. Where it leans your way, an open "
    "question (what day suits you?) leaves them room to start the next one."
)
"""Above the Map's list of ties that lean one way: a bare list of people who never begin
read, on a bad evening, as people who don't care (nu198)."""
NO_REPLY_TO_A_PLACE = (
    "No reply is for a step with someone; for a place, not now or another time says how it went."
)
"""A step toward a place, the choir or the repair café, has no one to answer it."""
NOT_YET_SINCE_ADDED = "not yet, since adding them"
"""In a list, for someone with a hoped-for rhythm who hasn't been contacted yet."""
NEVER_IN_TOUCH = (
    "You haven't been in touch since adding them. A first hello can be tiny: a short "
    "message is plenty."
)


def empty_review(running: bool) -> str:
    """A month with nothing recorded: still going (more may come), or gone by."""
    if running:
        return "Nothing recorded in this month yet — that is fine. Reviews fill in as you go."
    return "Nothing was recorded in this month — that is fine. Quiet months happen."


def intentions_for(month: date) -> str:
    """Above a month's own intentions in its review: they were written the month before."""
    before = month.replace(day=1) - timedelta(days=1)
    return f"For {month:%B}, from {before:%B}'s review:"


VIEW_UNREADABLE = (
    "This view's data could not be read (see the note on it): that key's form opens once "
    "it can be; the keys typed after it were left unused."
)


def plural(count: int, one: str, many: str = "") -> str:
    """A count with its noun, the one way every count is said: '1 person', '3 people',
    '0 entries', '1,204 days' (*many* defaults to *one* + 's')."""
    return f"{count:,} {one if count == 1 else many or one + 's'}"


def quiet_for(days: int) -> str:
    """The Contexts strip's mark on a part of life the Gaps tab lists as quiet."""
    return f"quiet for {days}+ days"


def day_disagrees(what: str, said: str, due: datetime) -> str:
    """A step's words name another day than its time: asked, not corrected."""
    on = f"{due:%A} {day(due.date())}"  # with its year when that is another
    return f"Your {what} says {said}, and the step is on {on}. Is that the day you mean?"


KEEP_OR_CHANGE_TIME = "If it is, ctrl+s keeps it; if not, change the time above."
SAVE_OR_CHANGE_TIME = "If it is, save it so (ctrl+s); if not, Esc goes back to the time."
"""The wizard's answer to :func:`day_disagrees` away from its When page: the question had
only the save button under it (nu234)."""
"""After :func:`day_disagrees` under a form's time, which asks with no buttons of its own."""


HEAVY_DAY = "On heavy days, ? lists lines you can reach, and anyone you have added to turn to."
"""After a check-in scored at the bottom (a saved check-in said nothing more, nu198; the
command line says its SUPPORT_POINTER)."""


def check_in_saved(day: date, in_touch: list[str], mentioned: list[str], that_day: int) -> str:
    """A check-in saved: for which day, whom it counts as in touch and whom it only
    mentions; and, on a day that has others, that a day may hold several, kept apart."""
    with_whom = f", in touch with {joined(in_touch)}" if in_touch else ""
    if mentioned:
        with_whom += f", mentioning {joined(mentioned)}"
    said = sentence(f"Saved the check-in for {clock.strftime(day, '%A %-d %B %Y')}{with_whom}")
    if that_day > 1:
        said += f"\nThat day now has {plural(that_day, 'check-in')}; each is kept as its own entry."
    return said


def check_in_saved_elsewhere(day: date) -> str:
    """A new check-in begun from a draft another window or computer saved meanwhile."""
    return (
        f"The draft this check-in began from was saved meanwhile, in another window or on "
        f"another computer, as a check-in for {clock.strftime(day, '%A %-d %B')}. Go back "
        "to the form (Escape can then discard it, or keep it as a draft), or save it as "
        "another check-in for that day?"
    )


def planner_missing(path: object) -> str:
    """No planner file where one was, copies of it kept beside: moved or deleted, not new
    (it was taken for a first start, and its daily copies would push the real ones out)."""
    return (
        f"There is no planner at {path}, but copies of one are kept beside it: it was moved "
        "or deleted. To start a new planner there instead, move the backups folder away first."
    )


def no_planner_in(home: str) -> str:
    """A command that only reads, run where no planner is yet (a mistyped --home, say)."""
    return (
        f"There is no planner in {home} yet: check --home or PLANNER_TUI_HOME (planner-tui, "
        "or planner-tui add NAME, starts one there)."
    )


def no_planner_at(path: str) -> str:
    """The same, for a file --db names that isn't there."""
    return (
        f"There is no planner at {path} yet: check --db (planner-tui --db … add NAME starts "
        "one there)."
    )


FIRST_MONTH = "Your planner begins this month, so there is no month before it to compare with."
"""The Review of the first month with anything in it (the one before it held nothing)."""


def before_the_planner(first: date, *, in_app: bool = True) -> str:
    """A month the Review was taken back to, before anything was recorded (*in_app*: with
    the key back, and what can still be written there)."""
    said = f"Nothing is recorded before {clock.strftime(first, '%B %Y')}, when your planner begins"
    if not in_app:
        return said + "."
    return (
        said + " (press . to come back to this month). A month's intentions, wins and "
        "loneliness check can still be written here (n, l)."
    )


def tick_counts_people(mentioned: list[str]) -> str:
    """A check-in's "we were in touch" ticked with no one in its People box (said under
    the box: "here" was unclear, and @names were taken to count, nu191)."""
    said = (
        "Who were you in touch with? Type their names in this box, Enter after each (the "
        "tick counts the people in it), or untick it"
    )
    if mentioned:
        are = "is" if len(mentioned) == 1 else "are"
        said += f"; {joined(mentioned)}, named with @, {are} linked but not counted"
    return said + "."


def checkin_state(checked_in: bool, draft_day: date | None, c: str = "c") -> str:
    """Where today's check-in stands, a draft kept of one included (*c*: how it is opened,
    said where that key isn't at hand): Today's line, and `planner-tui today`'s — of the
    day just gone, past midnight (:func:`clock.check_in_day`)."""
    today = clock.check_in_day()
    # Past midnight the title names the day just gone: "Done for today" under it read as
    # tonight's already taken (nu209).
    done = "Done for today" if today == clock.today() else f"Done for {clock.strftime(today, '%A')}"
    if checked_in and draft_day == today:
        return f"{done} — and words you started are kept as a draft: {c} takes you back to them."
    if checked_in and draft_day:
        return f"{done}. " + draft_of_another_day(draft_day, checked_in=True, c=c)
    if checked_in:
        return f"{done} — thank you for taking a moment."
    if draft_day == today:
        return f"Started and kept as a draft — {c} takes you back to your words."
    if draft_day:
        return f"Not yet. {draft_of_another_day(draft_day, c=c)}"
    return f"Not yet — a line or two is plenty, whenever you're ready ({c})."


DRAFT_KEPT_MARK = "(changes kept as a draft) "
"""Before a Journal row whose entry has changes begun and kept, not yet saved."""
DRAFT_GOES_TOO = "The changes you began and kept as a draft go with it (u brings both back)."
"""Asking to delete a check-in that has such changes."""
TYPED_BEFORE_DRAFT = (
    "What you typed as it opened was left out, so it doesn't run into the draft: type it "
    "again where you want it."
)
"""A form's draft note, when keys typed before the draft showed were dropped (nu237)."""
ANOTHER_DRAFTED = "A check-in you began with n is kept as a draft: n takes you back to it."
"""The Journal, while a check-in of its own (`n`) waits as a draft."""


IMPORT_THE_REST = (
    "Here you add people from a vCard; jrnl and Day One journals and planner-tui's JSON "
    "export go in with planner-tui import FILE, in a shell."
)
"""The Map's vCard import, given a file that is no vCard (nu236)."""


def wrote(done: str, path: object, replaced: bool) -> str:
    """ "Wrote PATH (in place of the file there before)", after an export, in the app as on the
    command line. No full stop after a path: it read as part of the name, and a toast
    wrapped it onto a line of its own (nu235)."""
    return f"{done} {path}" + (" (in place of the file there before)" if replaced else "")


def draft_of_another_day(day: date, *, checked_in: bool = False, c: str = "c") -> str:
    """Today, when the check-in kept as a draft was started for an earlier day (and
    today's is done, *checked_in*)."""
    days = (clock.today() - day).days  # "a check-in": that day may have one saved already
    which = "yesterday" if days == 1 else clock.strftime(day, "%a %-d %b")  # (nu176)
    then = "." if checked_in else " first, then today's."
    return f"A check-in for {which} was started and kept as a draft: {c} finishes it{then}"


def draft_times_kept(said: list[str], written: datetime) -> str:
    """A draft reopened on a later day: its time words are put as the day they meant."""
    quoted = " and ".join(f"“{shorten(words, 30)}”" for words in said)
    when = (
        f"earlier today, at {written:%H:%M}"
        if written.date() == clock.today()
        else f"on {clock.strftime(written, '%A %-d %B %Y')}"
    )
    return f"It was written {when}, so {quoted} {'is' if len(said) == 1 else 'are'} kept as meant then."


def matching(shown: int, total: int, one: str, many: str = "") -> str:
    """How many of *total* a filter lets through, said as a sentence begins: 'No match
    among 2 people', '1 of 2 people matches', '3 of 30 people match', '2 people, all
    matching' — never a bare '0 of 2'."""
    among = plural(total, one, many)
    if shown == 0:
        return f"No match among {among}"
    if shown >= total:
        return f"{among}, all matching" if total > 1 else f"{among}, matching"
    return f"{shown:,} of {among} {'matches' if shown == 1 else 'match'}"


def ago(moment: datetime | date | None, *, today: date | None = None, ahead: bool = False) -> str:
    """'today', 'yesterday', '3 days ago', '2 weeks ago', '4 months ago', 'not yet'; with
    *ahead*, days to come read 'tomorrow', 'in 3 days', 'in 2 weeks'."""
    if moment is None:
        return "not yet"
    day = clock.to_local(moment).date() if isinstance(moment, datetime) else moment
    today = today or clock.today()
    days = (today - day).days
    if days < 0:
        if not ahead:
            return "upcoming"
        if days == -1:
            return "tomorrow"
        if days > -14:
            return f"in {plural(-days, 'day')}"
        if days > -60:
            return f"in {plural(-days // 7, 'week')}"
        months = _months(today, day)
        if months < 24:  # the same scale as the past's, below
            return f"in {plural(months, 'month')}"
        return f"in {plural(relativedelta(day, today).years, 'year')}"
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 14:
        return f"{plural(days, 'day')} ago"
    if days < 60:
        return f"{plural(days // 7, 'week')} ago"
    months = _months(day, today)
    if months < 24:
        return f"{plural(months, 'month')} ago"
    return f"{plural(relativedelta(today, day).years, 'year')} ago"


def planner_emptied(path: object) -> str:
    """A planner emptied while in use, its newest changes still in its log beside it."""
    return (
        f"{path} is empty, but its log of recent changes beside it is not: it was emptied "
        "while in use, so planner-tui left both as they are."
    )


def kept_as_found(kept: object) -> str:
    """Said after a planner found damaged while its log held changes not in the file."""
    return f"As it was found, with its newest changes, it is kept in {kept}."


HOLDS_NOTHING = "nothing in it yet"
"""A copy of a planner with no one, no check-in and no contact in it."""


def copy_holds(people: int, entries: int, contacts: int) -> str:
    """What a copy of a planner holds: "3 people, 8 check-ins and 12 contacts"."""
    parts = [plural(people, "person", "people"), plural(entries, "check-in"),
             plural(contacts, "contact")]  # fmt: skip
    if not (people or entries or contacts):
        return HOLDS_NOTHING
    return f"{', '.join(parts[:-1])} and {parts[-1]}"


def copy_taken(moment: datetime) -> str:
    """When a backup copy was taken, as a restore asks about it: 'taken today at 23:11',
    'taken yesterday at 09:30', 'taken Fri 20 Nov, 09:30, 3 days ago'."""
    local = clock.to_local(moment)
    said = ago(local)
    if said in ("today", "yesterday"):
        return f"taken {said} at {local:%H:%M}"
    return f"taken {when(local)}" + ("" if said == "upcoming" else f", {said}")


def _months(earlier: date, later: date) -> int:
    """Whole calendar months from *earlier* to *later*, for gaps of 60 days or more: at
    least 2 (60 days, 6 Oct to 5 Dec, is "1 month and 29 days": read "1 month ago" beside
    a shorter gap's "8 weeks ago")."""
    delta = relativedelta(later, earlier)
    return max(2, delta.years * 12 + delta.months)


_TODAY_OR_TOMORROW = re.compile(r"\b(today|tomorrow)\b", re.IGNORECASE)


def about_day(said: str, when: str) -> str:
    """Words written for today ('Who crossed your mind today?') said of the day *when*
    names instead: 'yesterday' (whose tomorrow is today) or 'that day'."""
    if when == "today":
        return said

    def turned(found: re.Match[str]) -> str:
        word = found.group(0)
        if word.lower() == "today":
            new = when
        else:
            new = "today" if when == "yesterday" else "the day after"
        return new[:1].upper() + new[1:] if word[:1].isupper() else new

    return _TODAY_OR_TOMORROW.sub(turned, said)


def past_by(days: int) -> str:
    """How far past the hoped-for rhythm, on the same scale as `ago`: '5 days', '3 weeks',
    '11 months', '2 years' — honest about a long gap without counting every day of it."""
    if days < 14:
        return plural(days, "day")
    if days < 60:
        return plural(days // 7, "week")
    # Calendar months and years, as `ago` counts them (30-day months said "6 months" past
    # a quarterly rhythm of someone last in touch "8 months ago"; 365-day years, a gap
    # since year 1 longer than the time since that contact).
    today = clock.today()
    start = date.min if days > (today - date.min).days else today - timedelta(days=days)
    months = _months(start, today)
    if months < 24:
        return plural(months, "month")
    return plural(max(2, relativedelta(today, start).years), "year")


def after_gap(days: int | None) -> str:
    """How long someone was out of touch before contact again, on `past_by`'s scale:
    'after 3 weeks', 'after 5 months'; a year or more, or no contact at all in the year
    looked back on, is 'after more than a year' — one wording for both."""
    if days is None or days >= 365:
        return "after more than a year"
    return f"after {past_by(days)}"


def past_rhythm(days: int, it: str = "it", cadence_days: int | None = None) -> str:
    """'a little past it (5 days)' for a short while; 'past it by 11 months' beyond two
    weeks, or beyond half the rhythm when it is known (13 days past every 2 weeks is no
    little while, nu162). The one wording of drift, used by the Map's Gaps, the person page,
    the Review and the CLI."""
    if days < 14 and (cadence_days is None or days * 2 < cadence_days):
        return f"a little past {it} ({past_by(days)})"
    return f"past {it} by {past_by(days)}"


def cadence(days: int | None) -> str:
    if days is None:
        return "—"
    named = {1: "daily", 7: "weekly", 14: "every 2 weeks", 15: "twice a month", 30: "monthly", 90: "quarterly",
             365: "yearly"}  # fmt: skip
    if days in named:
        return named[days]
    if days % 365 == 0:  # 'every 10 years', not 'every 3,650 days'
        return f"every {plural(days // 365, 'year')}"
    if days % 30 == 0 and days < 365:  # 'every 2 months', as said (it was 'every 60 days')
        return f"every {plural(days // 30, 'month')}"
    if days % 7 == 0:
        return f"every {plural(days // 7, 'week')}"
    return f"every {plural(days, 'day')}"


def when(moment: datetime) -> str:
    """'Fri 28 Nov, 18:00' in local time; 'Sat 28 Nov 2025, 18:00' in another year."""
    local = clock.to_local(moment)
    year = "" if local.year == clock.today().year else " %Y"
    return clock.strftime(local, f"%a %-d %b{year}, %H:%M")


def day(value: date) -> str:
    """'3 Jan', or '3 Jan 2027' in another year."""
    year = "" if value.year == clock.today().year else f" {value.year:04d}"
    return f"{value.day} {SHORT_MONTHS[value.month - 1]}{year}"


SUPPORT = {
    "gave_emotional": "I listened / comforted",
    "gave_practical": "I helped out",
    "got_emotional": "They listened to me",
    "got_practical": "They helped me out",
}
"""Support each way in a contact, as the form offers it and an export says it (short
enough for two to a row in 80 columns)."""


def first_line(note: str, width: int) -> str:
    """A note as a list shows it: its first line, at most *width* characters, ending in …
    when it says more (a note of several lines read as if it had one)."""
    lines = [line for line in note.strip().splitlines() if line.strip()]
    if not lines:
        return ""
    return shorten(lines[0].rstrip() + (" …" if len(lines) > 1 else ""), width)


def score(value: int | None) -> str:
    """A 1–5 score as every table and file shows it — warmth, mood, connectedness: '4/5',
    and '—' for none (a row of dots would read as nothing)."""
    return "—" if value is None else f"{value}/5"


SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                "Dec")  # fmt: skip


def yearly_day(month: int, day: int, year: int | None) -> str:
    """'12 Apr', '12 Apr 1990' (a person's date, its year when known)."""
    return f"{day} {SHORT_MONTHS[month - 1]}" + (f" {year:04d}" if year else "")  # 0001 too


def dates_line(dates: list[tuple[str, int, int, int | None]]) -> str:
    """Someone's dates in one line, from (label, month, day, year): 'Birthday 12 Apr ·
    Anniversary 3 Jun 2011'."""
    return " · ".join(
        f"{what[:1].upper()}{what[1:]} {yearly_day(month, day, year)}"
        for what, month, day, year in dates
    )


def with_person(action: str, person: str) -> str:
    """The action, followed by '(Maria)' unless its words already name her ('Bo' inside
    'about' doesn't count)."""
    if not person.strip():  # a step toward somewhere new names its place itself
        return action
    named = re.search(rf"(?<!\w){re.escape(person)}(?!\w)", action, re.IGNORECASE)
    return action if named else f"{action} ({person})"


def plan_card(due_at: datetime, action: str, person: str, *, how_far: bool = False) -> str:
    """'Friday 28 Nov, 18:00 — send Maria a short message' ('Friday 19 Nov 2027, …' in
    another year, as :func:`when` says it); *how_far*: 'Friday 28 Nov, 18:00 (in 3 days) —
    …', as the wizard reads a time back."""
    local = clock.to_local(due_at)
    year = "" if local.year == clock.today().year else " %Y"
    shown = clock.strftime(local, f"%A %-d %b{year}, %H:%M")
    far = f" ({ago(due_at, ahead=True)})" if how_far else ""
    return f"{shown}{far} — {with_person(action, person)}"


def sentence(text: str) -> str:
    """*text* ended with a full stop, unless it ends with one already (a name such as
    "Ada A." last: "could be Ada A., Ada B.." had two)."""
    return text if text.endswith((".", "?", "!", "…")) else text + "."


ADDING_GOES_ON = "This window closes by itself once they are all in."
"""Escape while a vCard's people are being added (they are, whatever is pressed)."""


def older_contacts(shown: int) -> str:
    """Above a person's contacts, when they have more than the page lists."""
    return (
        f"The newest {plural(shown, 'contact')}; older ones are in each month's Review (c) and in "
        "planner-tui export."
    )


def filter_emptied_for(name: str, typed: str) -> str:
    """Someone just added whom the Map's filter left out: it was emptied to show them."""
    return f"{name} is on your map; the filter {quoted(typed)} is emptied to show them."


def hidden_by_filter(name: str, typed: str) -> str:
    """Someone just added whom the Map's filter leaves out."""
    return f"{name} is on your map; the filter {quoted(typed)} hides them (Escape in it shows everyone)."


def preview_found(duplicates_here: int, earlier_in_file: int, new: int) -> str:
    """A vCard file's cards in a preview: new, like someone already here, or a card
    repeated in the file (counted as "already here", it said two for one)."""
    parts = [f"{new:,} new"]
    if duplicates_here:
        like = "looks like someone" if duplicates_here == 1 else "look like people"
        parts.append(f"{duplicates_here:,} {like} already here")
    if earlier_in_file:
        repeat = "repeats a card" if earlier_in_file == 1 else "repeat cards"
        parts.append(f"{earlier_in_file:,} {repeat} earlier in the file")
    return ", ".join(parts)


def quoted(text: str) -> str:
    """What someone typed, quoted back in a one-line message (its first 60 characters) as
    they see it: control characters as visible symbols, and a joiner that makes one emoji
    of several kept (Python's repr wrote 👨\\u200d👩 and switched quotes around an
    apostrophe)."""
    return f"'{plain(' '.join(text.split())[:60], keep_newlines=False)}'"


def a_part_of_life_not_a_person(name: str) -> str:
    """A part of life's name given where a person's goes (nu265: `plan Choir` offered to
    add someone called Choir)."""
    quoted_name = shlex.quote(" ".join(name.split())[:60])
    return (
        f"{quoted(name)} is a part of life, not someone on your map: plan and log take it "
        f"as --context {quoted_name}."
    )


def no_one_called(typed: str, *, addable: bool = True) -> str:
    """No one on the map by that name, and what to do: add them — unless `add` would refuse
    the name (*addable*: control characters), or it is a number meant as someone's
    (`log 1` was told "planner-tui add 1", nu226)."""
    said = f"No one called {quoted(typed)} on your map."
    if typed.strip().isdigit():
        return f"{said} For the person numbered {typed.strip()}, write #{typed.strip()}."
    if not addable:
        return said
    return f"{said} To add them: planner-tui add {shlex.quote(' '.join(typed.split())[:60])}"


def already_on_map(name: str, archived: bool = False, *, known_as: str = "") -> str:
    """*name* found by the name given to `add` — or by another of theirs, *known_as* (a
    nickname). Archived, plan and log refuse them until they are back (nu266: it said to
    plan with them)."""
    called = f"{name} (known as {known_as})" if known_as else name
    then = (
        ", archived: a on the Map brings them back, then plan or log with that name"
        if archived
        else ": plan or log with that name"
    )
    return (f"{called} is already on your map{then}. For someone else with the same name, "
            "add --anyway.")  # fmt: skip


def already_there(
    due_at: datetime, action: str, person: str, number: int, *, its_own: bool = False
) -> str:
    """A step moved (another time) onto one just like it — or, *its_own*, onto a time its
    own series comes round at: said before it is planned twice."""
    if its_own:
        return (
            f"{plan_card(due_at, action, person)} is a time this repeating step (#{number}) "
            "comes round at already."
        )
    return (
        f"{plan_card(due_at, action, person)} is already on your plan (#{number}), just like this."
    )


def nickname_taken(nickname: str, whose: str, count: int = 1) -> str:
    """`add Kat --nickname Annie` when Annie already names Ana Silva (it said "Ana Silva is
    already on your map", of Kat); the app's person form asks the same. *count*: how many
    people it names already."""
    more = "two people" if count == 1 else plural(count + 1, "person", "people")
    return f"{nickname} already names {whose}, so it would name {more}."


def nickname_takes_over(nickname: str, whose: str, new: str) -> str:
    """`add Hal --nickname Ana` when "Ana" finds Ana Silva by her first name: the nickname
    would win, and `log Ana` and @Ana would go to Hal without a word (nu226)."""
    return f"{nickname} finds {whose} now; as {new}'s nickname, it would find {new} instead."


def note_added(outcome: str) -> str:
    """Said once a note is added to an outcome recorded meanwhile, elsewhere."""
    return f"Added what you wrote to its note (recorded elsewhere as {outcome})."


def assumed(said: list[tuple[str, str]]) -> str:
    """What a command took as given when it wasn't said, and how to say otherwise:
    [("in person", "--how"), …] → 'Taken as: in person and …. If that isn't so, …' (the
    options in brackets, then "Otherwise, … and say it next time", were hard to follow,
    nu218)."""
    shown = " and ".join(what for what, _option in said)
    options = " and ".join(option for _what, option in said)
    return (f"Taken as: {shown}. If that isn't so, change it in the app (on their page, "
            f"Enter on the contact); next time, say it with {options}.")  # fmt: skip


EMPTY_NAME_SHELL = "Say who: the name is empty (a name, first name, nickname or #number)."


def no_context_to_log(typed: str) -> str:
    """`log --context` names a part of life not on the map yet: how to add it."""
    said = " ".join(typed.split())[:60]
    return (f"No part of life called {quoted(said)} on your map yet. Add it on the Map's "
            f"Contexts tab (3, then n), or with someone new to your map: "
            f"planner-tui add NAME --context {shlex.quote(said)}")  # fmt: skip


LONGEST_NUMBER = 12
"""Digits of a number typed that are said back; a longer one is said by its length (cut,
it read as another number)."""


def no_person_numbered(number: str) -> str:
    the = (
        f"the number #{number}"
        if len(number) <= LONGEST_NUMBER
        else f"a {len(number)}-digit number"
    )
    return f"No one on your map has {the}. planner-tui people shows them."


def person_added(name: str) -> str:
    return f"Added {name} to your map."


def several_called(typed: str, names: list[str], numbers: list[int] | None = None) -> str:
    """Who a name could be; with *numbers* (the command line's), each with its number, which
    names them apart when two share a name: "could be Sam Jones (#4), Sam Jones (#7)"."""
    alike = len(names) > 1 and len({" ".join(name.casefold().split()) for name in names}) == 1
    if numbers is not None:
        names = [numbered(name, number) for name, number in zip(names, numbers, strict=True)]
    listed = ", ".join(names[:8]) + (f" and {len(names) - 8} more" if len(names) > 8 else "")
    said = sentence(f"{quoted(typed)} could be {listed}")
    # A number is said as the name was: '@#4' in a search for '@Mo' ('#4' there is a tag).
    number = f"{'@' if typed.lstrip().startswith('@') else ''}#{numbers[0]}" if numbers else ""
    if numbers and alike:  # more of a name they share can't tell them apart
        return f"{said} Say which by their number ({number})."
    more = f", or the number ({number})" if numbers else ""
    return f"{said} Say their whole name or surname{more}."  # not its start (nu190)


def added_to(name: str, stayed: list[str]) -> str:
    """After a new entry was added to someone already on the map: what of theirs stayed
    instead of what was typed ('rhythm (every 2 weeks)')."""
    if not stayed:
        return f"Added to {name}."
    return f"Added to {name}, who keeps their own {' and '.join(stayed)} — e on the Map changes it."


def numbered(name: str, number: int) -> str:
    """A name with its number, which tells two people of one name apart: 'Sam Jones (#4)'."""
    return f"{name} (#{number})"


def merge_someone_into(keep: str) -> str:
    """The title of the dialog that asks whom to merge into *keep*."""
    return f"Merge someone into {keep}"


def merge_question(gone: str, keep: str) -> str:
    return f"Merge {gone} into {keep}?"


def nothing_moves(gone: str, keep: str, *, shared: int, dates_left_out: bool = False) -> str:
    """The merge question's first line when nothing new would move to *keep*; *gone*'s
    dates, all on days *keep* has dates of that name, are left out (said after: "Nothing is
    linked to Dev yet" read as if their birthday were not there, nu273)."""
    if shared:
        return f"Nothing new moves to {keep}: what is linked to {gone} is linked to {keep} too."
    if dates_left_out:
        return f"Nothing new moves to {keep}: {gone} has no contacts, steps or mentions yet."
    return f"Nothing is linked to {gone} yet."


def also_then(near: Sequence[tuple[datetime, str, str]]) -> str:
    """After a time's read-back: the steps already planned within a few hours of it (their
    time, words and person)."""
    if not near:
        return ""
    listed = ", ".join(
        f"{clock.strftime(clock.to_local(due), '%H:%M')} {shorten(action, 30)} "
        f"({shorten(person, 20)})"
        for due, action, person in near[:2]
    ) + (f" and {len(near) - 2} more" if len(near) > 2 else "")
    return f" · also then: {listed}"


def sooner_than(due_at: datetime) -> str:
    """A step moved to a time before its own: said, as 'wed' typed for a step next Tuesday
    meant this week's Wednesday, not the one after (nu274)."""
    return f"earlier than it was ({when(due_at)})"


def logged_already(names: str, when_said: str, how: str) -> str:
    """`log` of a contact already there: the same people, the same way, the same minute."""
    return (
        f"A contact with {names}, {when_said} ({how}), is logged already. Add --anyway to log "
        "another at the same time."
    )


def already_planned(name: str, planned: list[tuple[datetime, str]], more: int) -> str:
    """The wizard's line for someone with steps still planned."""
    listed = "; ".join(f"{when(due)} — {shorten(action, 50)}" for due, action in planned)
    return (
        f"Already planned with {name}: {listed}" + (f" (and {more} more)" if more > 0 else "") + "."
    )


def merge_keeps(
    keep: str,
    gone: str,
    *,
    rhythm: int | None,
    taken: list[str],
    alias: bool,
    notes: bool,
    nickname: str = "",
) -> str:
    """What the person kept has after a merge: their own name and circle, their rhythm if
    they have one, and what they lack that the other has (*taken*: "rhythm", "nickname",
    as planner_tui.services.corrections.taken_on_merging says); *rhythm* is theirs after;
    the other's name stays as another of theirs (*alias*: it differs), and its *notes*."""
    own = "name and circle"
    if rhythm is not None and "rhythm" not in taken:
        own = f"name, circle and rhythm ({cadence(rhythm)})"
    said = f"{keep} keeps their own {own}"
    if taken:
        said_as = {
            "rhythm": f"rhythm ({cadence(rhythm)})",
            "nickname": f"nickname ({nickname})" if nickname else "nickname",
        }
        what = [said_as.get(t, t) for t in taken]
        said += f", and takes {gone}'s {' and '.join(what)}, having none of their own"
    if alias:
        said += f"; {gone} stays as another name for them"
        return said + (", with their notes added." if notes else ".")
    return said + (f"; {gone}'s notes are added to theirs." if notes else ".")


def own_dates_stay(other: str, dates: list[tuple[str, int, int, int | None]]) -> str:
    """After what a merge keeps: their own dates that stay where *other*'s are on another
    day (one birthday, not two), as (label, month, day, year)."""
    if not dates:
        return ""
    return f"\nTheir own dates stay: {dates_line(dates)} ({other}'s on another day are left out)."


def archived_person(name: str) -> str:
    return f"{name} is archived. Bring them back on the Map (a) to plan or log with them."


def gone(what: str) -> str:
    """A row the person was looking at has been deleted since (in another window, from the
    command line, on another machine); they never see its id."""
    they = "they were" if what == "person" else "it was"
    return (
        f"That {what} is no longer in your planner: {they} deleted, perhaps in another "
        "window (u there brings back what it deleted) or from the command line."
    )


def no_such_step(number: str) -> str:
    step = (
        f"step #{number}" if len(number) <= LONGEST_NUMBER else f"{len(number)}-digit step number"
    )
    return f"There is no {step}. planner-tui plan lists every step with its number."


def which_step(name: str, steps: list[tuple[int | None, datetime, str]]) -> str:
    """Several open steps a name could mean, each with its number, on one line."""
    listed = "; ".join(f"#{number} {when(due_at)} {shorten(' '.join(action.split()), 40)}"
                       for number, due_at, action in steps[:6])  # fmt: skip
    return (
        f"{name} has {plural(len(steps), 'step')} that day — {listed}. Say which one by its number."
    )


def nothing_planned(name: str) -> str:
    return f"{name} has no small step planned. planner-tui plan can add one."


NOTHING_TO_COUNT = (
    "This month holds no check-in, contact or small step to count, so no figure is drawn: "
    "the figures begin with the month of your first. A month's intentions, wins and "
    "loneliness check can be written for any month (n, l), and show here once written."
)
"""`h` on a month with no figure (the Review's notice says why there is none)."""
NO_LATER_MONTH = "This is the current month; later ones have not happened yet."
NO_EARLIER_MONTH = "This is the first month a calendar here can show: there is none before it."
NO_ONE_DRIFTING = "Everyone is within the rhythm you hoped for."


def no_one_drifting(resting: list[str], not_yet: int = 0) -> str:
    """No one is past their rhythm, said truly: *resting* are those past it whose reminder
    rests (a snoozed Ana, 4 weeks past, was "within the rhythm", nu167); *not_yet*, how
    many are within it only as it counts from when they were added (on a first evening,
    "everyone is within the rhythm" of five people no one had been in touch with, nu234)."""
    said = NO_ONE_DRIFTING
    if resting:
        said = f"{said[:-1]}, apart from {joined(resting)}, resting for now."
    if not_yet:
        who = "the one person" if not_yet == 1 else f"the {plural(not_yet, 'person', 'people')}"
        said = (
            f"{said[:-1]}; for {who} with a rhythm and not yet in touch since you added "
            "them, it counts from that day."
        )
    return said


DRIFTING_ALL_STEPPED = (
    "Whoever is past the rhythm you hoped for has a small step planned, or is given a little "
    "room after a recent 'not now' or a message not answered yet."
)


def all_stepped(resting: list[str]) -> str:
    """No one to suggest: each past their rhythm has a step planned; *resting* are named,
    as :func:`no_one_drifting` names them (nu176: left out here)."""
    if not resting:
        return DRIFTING_ALL_STEPPED
    rest = "is" if len(resting) == 1 else "are"
    return f"{DRIFTING_ALL_STEPPED[:-1]}, and {joined(resting)} {rest} resting for now."


NOTHING_DUE = "Nothing planned for today. Rest counts too."


def nothing_due(settled: int) -> str:
    """With no step due: the day's were recorded already, or there were none (nu176: a day
    whose steps were all done said "Nothing planned for today")."""
    if not settled:
        return NOTHING_DUE
    steps = "step is" if settled == 1 else f"{plural(settled, 'step')} are"
    return f"Today's {steps} recorded. Rest counts too."


CHECKED_IN = "Done — thank you for taking a moment."
NOT_CHECKED_IN = (
    'Not yet — a line or two is plenty, whenever you\'re ready (planner-tui journal "…").'
)
"""`planner-tui today`'s check-in line, after the check-in's name (:func:`clock.check_in_title`)."""


def might_reach(name: str, last_contact: datetime | None, cadence_days: int | None,
                today: date) -> str:  # fmt: skip
    """'You might like to reach Bo — last in touch 3 weeks ago; you hoped for weekly.'"""
    last = ago(last_contact, today=today)
    said = "no contact noted yet" if last_contact is None else f"last in touch {last}"
    hoped = f"; you hoped for {cadence(cadence_days)}" if cadence_days else ""
    return f"You might like to reach {name} — {said}{hoped}."


def no_dates(name: str, typed: str = "") -> str:
    """A person with no dates yet, and the command that adds one for them (*typed*: how to
    name them there — '#6' when another has the same name)."""
    return (f"No dates for {name} yet. Add one: planner-tui date {shlex.quote(typed or name)} "
            "birthday 12 Apr")  # fmt: skip


STILL_TO_COME = (
    "That is still to come. Log a contact once it has happened; small steps for later belong "
    "in the planner."
)


CUE_SHOWN = 32
"""How much of a cue stands before its step in a line: a long one hid the step itself.
(Today's lists cut it to the room there is instead: tables.cued_cell.)"""


def cue_shown(cue: str) -> str:
    """An if-then cue as it stands before its step: on one line, without a closing stop
    or colon, its first letter a capital only where its first word is all small letters
    ('iPhone…' stays)."""
    cue = " ".join(cue.split()).rstrip(" .…:;,-—")
    if cue and cue.split()[0].islower():
        cue = cue[:1].upper() + cue[1:]
    return cue


def cued(action: str, person: str, cue: str = "") -> str:
    """A step with its if-then cue in front (:func:`cue_shown`), when it has one: 'When you
    finish lunch: send Ana a short message' (without one, as :func:`with_person` says
    it)."""
    step = with_person(action, person)
    cue = cue_shown(cue)
    # A dash where the step has a colon of its own: "When I get home: gently follow up:
    # send Bo…" read as a list of labels (nu252).
    return f"{shorten(cue, CUE_SHOWN)}{' —' if ': ' in step else ':'} {step}" if cue else step


NEW_PLACE = "somewhere new"
"""Where a step is toward when it names no one and no part of life (an idea to explore)."""


def toward(name: str) -> str:
    """Whom or where a step is toward, as a list shows it."""
    return name or NEW_PLACE


def new_on_the_map(name: str) -> str:
    """The plan card, for someone added by name on the wizard's Who page."""
    return f"{name} is new here: saving adds them to your map. Details can wait (m, then e)."


def added_meanwhile(name: str, numbers: list[int]) -> str:
    """Someone by the name the wizard was to add was added elsewhere while it was open."""
    who = ", ".join(f"#{n}" for n in numbers)
    return (
        f"Someone called {name} was added to your map while you planned this ({who}): "
        "choose them in the list, or type a fuller name for someone else."
    )


def context_deleted(people_count: int) -> str:
    """What deleting a part of life keeps and what goes with it (the question before)."""
    kept = (
        f"{plural(people_count, 'person', 'people')} in it "
        f"{'stays' if people_count == 1 else 'stay'} on your map, without this label. "
        "Contacts logged there stay too"
        if people_count
        else "Contacts logged there stay"
    )
    return (
        f"{kept}, and steps toward it stay as steps toward {NEW_PLACE}. Small moments logged "
        "there go with it."
    )


NO_DATES_YET = "No dates yet: e adds a birthday, or another day that matters to them."


def date_step(person: str, what: str) -> str:
    """The tiny step Today offers for someone's date: 'send Ana a birthday message'."""
    kind = what.strip().casefold()
    if kind == "birthday":
        return f"send {person} a birthday message"
    if kind == "anniversary":
        return f"send {person} a message for the anniversary"
    return f"send {person} a short message ({what.strip()})"


def date_seen_to(action: str, done: bool, reached: bool = False) -> str:
    """A date with a small step already planned for it, done, or taken and waiting on them
    (no reply yet, not now): 'planned: call Ana', 'reached out: send Ana a birthday message'."""
    return f"{'done' if done else 'reached out' if reached else 'planned'}: {action}"


def idea_step(idea: str) -> str:
    """An idea to explore as a small step, kept short (the rest of the idea is its detail):
    'A repair café: bring something broken…' → 'try a repair café'."""
    short = re.split(r"\s[—–-]\s|[:;]", idea.strip(), maxsplit=1)[0].strip().rstrip(".,")
    short = short or idea.strip()
    return f"try {short}" if short[1:2].isupper() else f"try {short[:1].lower()}{short[1:]}"


THE_DAY_AFTER = re.compile(
    r"\b(?:(?:the\s+)?(?:next|following)\s+(?:day|morning|afternoon|evening|night)|tomorrow"
    r"|the\s+day\s+after)\b",
    re.IGNORECASE,
)
"""A backup's words that put it on the day after the step ("a voice note the next evening")."""


def backup_step(backup: str) -> str:
    """A step's if-then backup as the next step: its 'if…, ' part left out ('if she
    doesn't answer, I'll send a voice note on Sunday' → 'send a voice note on Sunday'), and
    words that put it on the day after the step, which its time says ('a voice note the
    next evening' read so on that evening, pointing a day further) where they end it."""
    said = " ".join(backup.split())
    plan = re.sub(r"^(if|when|in case)\b[^,]*,\s*", "", said, flags=re.IGNORECASE)
    plan = re.sub(r"^(then\s+)?(I'll|I will|I'd|I would|I can)\s+", "", plan, flags=re.IGNORECASE)
    plan = re.sub(
        r",?\s*\b(?:on\s+)?(?:" + THE_DAY_AFTER.pattern + r")[\s.!]*$", "", plan, flags=re.I
    )
    plan = " ".join(plan.split()).rstrip(" .,")
    return plan or said


WAITS_FOR_NO_ANSWER = re.compile(
    r"^(?:if|when|in case)\b[^,]*\b(?:answer|repl|respon|pick\w* up|hears? back|get\w* back)",
    re.IGNORECASE,
)
"""The 'if' of a backup that is for no answer: "if she doesn't answer", "if no reply"."""


def backup_after(status: str, backup: str) -> str:
    """A step's if-then backup, when it is for what happened (*status*, an outcome), else
    "": after no reply, any backup; after a "not now", one that waits for no answer is not
    — they answered (a call was offered, one ctrl+s away, to someone who had just asked
    for space, nu179)."""
    said = " ".join(backup.split())
    if status == "no_reply" or (status == "declined" and not WAITS_FOR_NO_ANSWER.match(said)):
        return said
    return ""


def backup_offered(backup: str) -> str:
    """What the outcome form says when the step had a backup of the person's own."""
    return f"Your own backup plan: {' '.join(backup.split())}"


def reaching_out(name: str, *, me: int, them: int, together: int, enough: int,
                 lean: float) -> str:  # fmt: skip
    """Who tends to reach out, you or *name*, as a sentence that reads the same way in every
    case: mostly you, mostly them (*lean* or more of the contacts started by one side), leaning
    one way (one side started at least twice as many as the other, and two or more more),
    both ways (roughly even), or too few contacts to say (fewer than *enough*). The counts
    follow in brackets."""
    total = me + them + together
    if total == 0:
        return f"Nothing logged with {name} yet."
    if total < enough:
        return f"Too soon to see a pattern with {name} — {plural(total, 'contact')} so far."
    counts = f"(you {me}, them {them}, together {together})"
    if me >= lean * total and me > them:
        return f"You were usually the one to reach out to {name} {counts}."
    if them >= lean * total:
        return f"{name} was usually the one to reach out to you {counts}."
    if me >= 2 * them and me - them >= 2:
        return f"With {name}, reaching out leans your way {counts}."
    if them >= 2 * me and them - me >= 2:
        return f"With {name}, reaching out leans their way {counts}."
    return f"Reaching out goes both ways with {name} {counts}."


def small_moments(count: int) -> str:
    """The review's line for contacts with people not on the map."""
    return f"{plural(count, 'small moment')} with people not on your map — each counted for its part of life."


def places_gone(count: int) -> str:
    """The review's line for steps toward a place gone to, with no one named met there."""
    if count == 1:
        return "A small step took you to a part of life once, with no one named: it counts there."
    return (
        f"Small steps took you to a part of life {plural(count, 'time')}, with no one named: "
        "each counts for its part of life."
    )


def moment_kept(where: str) -> str:
    """After logging a small moment."""
    return f"Kept as a small moment at {where}. It counts for that part of life."


CHOOSE_A_STEP = "Choose a planned step first (Tab to its list, then ↑/↓)."
STEP_OUT_OF_SIGHT = "The step the cursor is on is out of sight — ↑ or ↓ brings it back."
NO_STEPS_YET = "No small step is planned right now — s plans one, whenever you're ready."
ON_THIS_DAY_OFF = "On this day is off. o brings it back."
ON_THIS_DAY_HIDDEN = "Hidden for now — o brings it back whenever you like."
ON_THIS_DAY_ON = (
    "On this day is on: a warm moment from an earlier year or month, when there is one."
)
ON_THIS_DAY_UNCHANGED = "On this day stays as it was; o tries again."
WELCOME_NOT_KEPT = "The welcome will show once more at the next start."
OPEN_WHILE_RESTORING = (
    "The app is open on this planner: it will show the "
    "restored data from the next view you go to; what it has open meanwhile (a form being "
    "typed in) saves into the restored planner."
)
OPEN_WHILE_RESTORING_DAMAGED = (
    "The app is open on this planner, and its file is damaged: close the app first (ctrl+q), "
    "then restore again — the damaged file is moved aside, and what the open app saved "
    "afterwards would go with it. Nothing was changed."
)
OPEN_WHILE_RESTORING_GONE = (
    "The app is open on this planner, and its file is gone: close the app first (ctrl+q), "
    "then restore again — the open app still holds the file's log, which would be mixed "
    "into the copy put back. Nothing was changed."
)
LOCKED = "This planner is locked: it opens with its passphrase."


def close_the_app_first(command: str, why: str, unchanged: str) -> str:
    """A command that refuses while the app has the planner open: which, why, and that
    nothing was done."""
    return (
        f"The app is open on this planner: close it first (q), then run {command} again — "
        f"{why}. {unchanged} (If no app is open, the log is left from a crash: opening and "
        "closing the app once clears it.)"
    )


OPEN_WHILE_ENCRYPTING = close_the_app_first(
    "encrypt",
    "it would go on using the file as it was, and take the encrypted one for a damaged one",
    "Nothing was changed.",
)
OPEN_WHILE_DELETING = close_the_app_first(
    "delete-all", "what it saved afterwards would go with the deleted file", "Nothing was deleted."
)
THEME_NOT_KEPT = "The theme is yours for now; the next start opens with the one before."


def on_this_day(
    day: date, today: date, kind: str, said: str, people: list[str], channel: str = ""
) -> str:
    """One warm moment from the past, on Today: 'A year ago today (Sun 23 Nov 2025), what
    brought warmth: soup with Ana.' / 'A month ago today (Thu 23 Oct), a warm call with
    Ana: soup at hers.'"""
    years, months = today.year - day.year, (today.year - day.year) * 12 + today.month - day.month
    if (day.month, day.day) == (today.month, today.day):
        ago_said = "A year ago today" if years == 1 else f"{plural(years, 'year')} ago today"
    else:
        ago_said = "A month ago today" if months == 1 else f"{plural(months, 'month')} ago today"
    shown = f"{day:%a} {day.day} {SHORT_MONTHS[day.month - 1]}" + (
        f" {day.year}" if day.year != today.year else ""
    )
    lead = f"{ago_said} ({shown})"
    if kind == "entry":
        return f"{lead}, what brought warmth: {said}"
    who = ", ".join(people)
    how = f" ({channel})" if channel else ""
    contact = f"a warm time with {who}{how}" if who else f"a warm contact{how}"
    return f"{lead}, {contact}" + (f": {said}" if said else ".")


def date_title(person: str, what: str) -> str:
    """'Ana Silva — birthday': someone's date, named (the calendar's event too)."""
    return f"{person} — {what}"


def date_when(on: date, today: date, *, how_far: bool = True) -> str:
    """When a date comes: 'today', 'tomorrow', 'Thu 26 Nov (in 3 days)' (without *how_far*,
    'Thu 26 Nov': within a week, the weekday says it)."""
    if on == today or (on - today).days == 1:
        return "today" if on == today else "tomorrow"
    day_ = f"{on:%a} {on.day} {SHORT_MONTHS[on.month - 1]}"
    return f"{day_} ({ago(on, today=today, ahead=True)})" if how_far else day_


def date_coming(person: str, what: str, on: date, today: date) -> str:
    """'Ana Silva — birthday, today' / '… birthday, Thu 26 Nov (in 3 days)'."""
    return f"{date_title(person, what)}, {date_when(on, today)}"


def snoozed(person: str, until: date, *, rhythm: bool = True) -> str:
    """After a drift reminder is put to rest (the Map's z, `planner-tui snooze`); for
    someone with no rhythm set, that there are no reminders to rest yet."""
    if not rhythm:
        return (
            f"Resting reminders for {person} until {day(until)} — though with no rhythm set "
            "for them, none would come (e on the Map sets one)."
        )
    after = until + timedelta(days=1)  # the last day of rest is *until* (nu176: "then")
    return (
        f"Resting reminders for {person} until {day(until)}. A pause is fine: they start "
        f"again on {day(after)}."
    )


def snooze_ended(person: str, *, resting: bool, rhythm: bool) -> str:
    """After reminders are let out of their rest (the Map's z again, `snooze NAME 0`): said
    as it is for someone whose reminders weren't resting, or who has no rhythm to remind of."""
    if not resting:
        return f"Reminders for {person} weren't resting, so nothing changed."
    if not rhythm:
        return (
            f"Reminders for {person} are no longer resting — though with no rhythm set for "
            "them, none will come (e on the Map sets one)."
        )
    return f"Reminders for {person} are back on."


OUTCOME_SAID = {
    "declined": "Noted: not now.",  # the kind words about it come beside (outcome_kind_words)
    "no_reply": "Noted: no reply yet.",
    "rescheduled": "Moved.",
    "skipped": "Let go.",  # the kind words come beside (SKIPPED_LINE): said once, nu169
}
"""What is said after recording an outcome (done says how awkward it felt instead)."""
NOT_THIS_TIME_SAID = "Noted: not this time."
"""The same, for a step toward a place not gone to this time."""


def outcome_kind_words(
    status: str, *, place: bool = False, action: str = "", planned_next: bool = False
) -> str:
    """A line about what an outcome usually means (none for done or moved), for a step
    toward a *place* too, where no one said 'not now', and for no reply to a follow-up
    (its words, *action*, begin as a follow-up's do) — without "no need to nudge again"
    once another was *planned_next* all the same (it read as a telling-off, nu279)."""
    if place and status == "declined":
        return NOT_THIS_TIME
    if status == "no_reply" and action.startswith(FOLLOW_UP_WORDS):
        return NO_REPLY_AGAIN if planned_next else NO_REPLY_AGAIN_LINE
    return {"declined": DECLINE_REFRAME, "no_reply": NO_REPLY_LINE,
            "skipped": SKIPPED_LINE}.get(status, "")  # fmt: skip


def outcome_said(
    status: str,
    *,
    expected: int | None = None,
    felt: int | None = None,
    following: Sequence[tuple[datetime, str, int | None, bool]] | None = None,
    place: bool = False,
    action: str = "",
) -> str:
    """What the person hears after recording an outcome (of a step toward a *place*), with
    the steps it planned (each with its number, when given, to say how it goes later);
    *action*, the step's words (see :func:`following_said`)."""
    if status == "done":
        said = awkwardness_compared(expected, felt)
    elif place and status == "declined":
        said = NOT_THIS_TIME_SAID
    else:
        said = OUTCOME_SAID.get(status, OUTCOME_SAID["skipped"])
    return said + following_said(following or [], action)


def taken_off_said(taken_off: Sequence[tuple[datetime, str]]) -> str:
    """The steps a changed outcome took off with the old one, from (due, action), a line
    each: a planned step never goes unseen."""
    return "".join(
        f"\nTaken off with the old outcome: {when(due_at)} — {action} (u brings it back)"
        for due_at, action in taken_off
    )


def following_said(
    following: Sequence[tuple[datetime, str, int | None, bool]], own: str = ""
) -> str:
    """The steps an outcome planned, from (due, action, number, repeats), a line each. Beside
    a repeating step, a one-off one in its *own* words is this occurrence's other time:
    'Just this once (#11): Sun 29 Nov, 10:00 — text' and 'The series goes on (#12): Sat 5
    Dec, 10:00 — text'; a follow-up after no reply, or the step's backup, is simply 'Next'
    (its words say what it is: a backup was called "Just this once")."""
    series = any(repeats for *_, repeats in following)
    said = ""
    for due_at, action, number, repeats in following:
        once = series and action == own
        lead = "The series goes on" if repeats else "Just this once" if once else "Next"
        said += (
            f"\n{lead}{f' (#{number})' if number is not None else ''}: {when(due_at)} — {action}"
        )
    return said


def repeat_starts(chosen: datetime, first: datetime) -> str:
    """A repeat whose days don't include the time chosen starts on its first day after."""
    return (f"{when(chosen)} isn't one of the days it repeats on, so it starts on "
            f"{when(first)}.")  # fmt: skip


def encouragement(seed: int, *, place: bool = False) -> str:
    said = PLACE_ENCOURAGEMENTS if place else ENCOURAGEMENTS
    return said[seed % len(said)]


def awkwardness_compared(expected: int | None, felt: int | None) -> str:
    """What a done step taught about awkwardness, from 1 (easy) to 5 (very awkward)."""
    if felt is None:
        return "Done. That counts."
    if felt == 1 and expected in (None, 1):  # not "1/5 awkward. That counts." (nu280)
        return "Done, and it felt easy (1/5)." + (" As you expected." if expected else "")
    if expected is None:
        return f"Done, and it felt {felt}/5 awkward. That counts."
    if felt < expected:
        return f"Easier than you expected ({felt}/5, you thought {expected}/5). Worth remembering."
    if felt > expected:
        return (f"Harder than you expected ({felt}/5, you thought {expected}/5), and you did "
                "it anyway.")  # fmt: skip
    return f"About as awkward as you expected ({felt}/5). Done all the same."


def view_went_wrong(log: object | None) -> str:
    """Shown in a view whose data could not be loaded because of a bug (not the person's doing)."""
    where = f"details are in {log}" if log else "details could not be written down"
    return (
        f"Something went wrong loading this view — nothing you wrote was lost; {where}. "
        "ctrl+r tries again."
    )


def went_wrong(log: object | None) -> str:
    """A toast after something unexpected, away from a view's own loading."""
    where = f"Details are in {log}." if log else ""
    return f"Something went wrong there — nothing you wrote was lost. {where}".strip()


def app_went_wrong(log: object | None) -> str:
    """The line left in the terminal when the app had to close after something unexpected."""
    where = f" Details for a bug report are in {log}." if log else ""
    return f"The app closed after something unexpected. What was saved before is safe.{where}"


# --------------------------------------------------------------------------- learning

TOO_LITTLE = "Too little to tell yet."
"""Where a figure would show, below its minimum of steps."""


def calibration(nouns: tuple[str, str], count: int, expected: float, felt: float) -> str:
    """'Your last 8 calls: you expected 3.6 of 5; afterwards they felt 2.0.'"""
    return (
        f"Your last {plural(count, *nouns)}: you expected {rounded(expected, 1)} of 5 "
        f"awkwardness; afterwards {'it' if count == 1 else 'they'} felt {rounded(felt, 1)}."
    )


def appreciation(count: int, forecast: float, response: float) -> str:
    """'Over 7 steps with both answers: you guessed they'd appreciate it 2.9 of 5;
    afterwards they seemed to take it 4.1.'"""
    return (
        f"Over {plural(count, 'step')} with both answers: you guessed they'd appreciate it "
        f"{rounded(forecast, 1)} of 5; afterwards they seemed to take it {rounded(response, 1)}."
    )


def appreciation_too_little(count: int, needed: int) -> str:
    """The person page's line below the minimum."""
    return (
        f"How they seemed to take your steps, beside your guess: too little to tell yet "
        f"({plural(count, 'step')} with both answers; it shows from {needed})."
    )


def follow_through(
    with_label: str, without_label: str, taken_with: int, count_with: int,
    taken_without: int, count_without: int,
) -> str:  # fmt: skip
    """'Steps with a when-then cue: you reached out 7 of 9 times; without one, 11 of 20.'"""
    return (
        f"{with_label}: you reached out {taken_with:,} of {plural(count_with, 'time')}; "
        f"{without_label}, {taken_without:,} of {count_without:,}."
    )


def not_nows(count: int, became_yes: int, period: str) -> str:
    """'Of your 9 'not now's in the last 12 months, 5 became a yes later.'"""
    said = plural(count, "'not now'")
    return f"Of your {said} {period}, {became_yes:,} became a yes later."


# --------------------------------------------------------------------------- giving and receiving

RECEIVING_HEADING = "where they give · letting them help is a kindness too"
RICHER_TITLE = "One step richer?"


def receiving_hint(name: str, gave: int, counted: int, comfort: float, check_ins: int) -> str:
    """The What page's line when contacts with someone lean 'I gave' and comfort receiving
    help is low: the counts, and an invitation, never a verdict."""
    return (
        f"In {gave} of your last {plural(counted, 'contact')} with {name}, you were the one "
        f"giving support; comfort receiving help came to {rounded(comfort, 1)} of 5 in "
        f"{plural(check_ins, 'check-in')} lately. If you'd like, a step where {name} "
        "gives — the first few below."
    )


def richer_line(name: str, contacts: int, since: date, warmths: int, warmth: float) -> str:
    """The offer of one step richer: the counts it rests on, and no pressure."""
    return (
        f"Your last {plural(contacts, 'contact')} with {name}, since {day(since)}, were "
        f"written, and felt warm: {rounded(warmth, 1)} of 5 on average "
        f"({plural(warmths, 'warmth')} noted). If it suits you, this one could be a rung "
        "richer — or keep it as it is; both are a step."
    )


NO_MENTIONS = "No journal entry mentions them yet: @Name in an entry links someone."


# --------------------------------------------------------------------------- the Review


def moved_steps(count: int) -> str:
    """The Review's line on steps moved to another time (not counted twice)."""
    if count == 1:
        return "1 step was moved to another time; it counts once, at its new time."
    return f"{plural(count, 'step')} were moved to another time; each counts once, at its new time."


def reached_out_in_steps(count: int, *, also: bool) -> str:
    """Under who reached out: the steps where the person reached out and met a "not now"
    or no reply yet, which log no contact (*also*: beside contacts that are counted)."""
    return (
        f"{'Besides these, you' if also else 'You'} reached out in "
        f"{plural(count, 'small step')} that met a 'not now' or no reply yet (Small steps, "
        "below)."
    )


def steps_done_line(
    done: int, due: int, to_come: int, running: bool, early: int, month: str, reached: int = 0
) -> str:
    """The Review's line on *month*'s steps: done of those due (so far, while the month
    is going, with those whose outcome came *early*, before their day); steps not yet due
    are still to come, never counted as not done. A month over is named ("this month",
    under November's title in December, read as December, nu198). Steps where the person
    reached out (*reached*: done, a "not now", no reply yet) come first when some were not
    done: "1 of 5 steps … was done" read as failing after four brave tries (nu209)."""
    was = "was" if 1 in (done, due) else "were"  # "0 of 1 step … was done"
    which = f"due in {month}" if not running else (
        "due so far or settled early" if early else "due so far")  # fmt: skip
    if reached > done:  # (the sentence led with the sum, hard to follow: nu216)
        line = (
            f"Of {plural(due, 'step')} {which}, you reached out in {reached:,}: {done:,} done, "
            f"{reached - done:,} with a 'not now' or no reply yet."
        )
    elif due or not to_come:
        line = f"{done:,} of {plural(due, 'step')} {which} {was} done."
    else:  # "0 of 0 steps due so far were done"
        line = "No step was due yet."
    if not running or not to_come:
        return line
    are = "is" if to_come == 1 else "are"
    return f"{line} {to_come:,} more {are} still to come this month."


# --------------------------------------------------------------------------- small experiments


def _short_day(value: date) -> str:
    return f"{value.day} {SHORT_MONTHS[value.month - 1]}"


def experiment_state(starts: date, ends: date, ended_on: date | None, today: date) -> str:
    """Where an experiment stands, after its planned days ('3 Dec to 30 Dec 2026, …'): it
    starts on a day still to come, is running, finished, ended on a day before its planned
    end, or never ran (ended before its first day)."""
    if ended_on is not None and ended_on < starts:
        return "never ran"
    if ended_on is not None and ended_on < ends:
        return f"ended on {_short_day(ended_on)}"
    if today < starts:
        return f"starts on {_short_day(starts)}"
    return "running" if today <= ends else "finished"


def experiment_days(starts: date, ends: date) -> str:
    """An experiment's planned days: '3 Dec to 30 Dec 2026'."""
    return f"{_short_day(starts)} to {_short_day(ends)} {ends.year}"


def ending_experiment(starts: date, ends: date, today: date) -> str:
    """What the form to end an experiment says before it is saved."""
    planned = f"planned to {_short_day(ends)} {ends.year}"
    if today < starts:
        return (
            f"It starts on {_short_day(starts)}, {planned}. It hasn't started: ending it now "
            "keeps it as never run."
        )
    return (
        f"Running since {_short_day(starts)}, {planned}. Ending it ends it today; what it "
        "showed stays in the Review."
    )


def written_already(count: int, when: str) -> str:
    """Under a new check-in's heading, when its day has some already."""
    day = {"today": "Today", "yesterday": "Yesterday"}.get(when, when.removeprefix("on "))
    day = "That day" if day == "that day" else day
    them = "it" if count == 1 else "them"
    return (
        f"{day} has {plural(count, 'check-in')} already: this one is kept beside {them} (Enter "
        f"on one in the Journal changes it)."
    )


def check_in_moves(was: date, to: date, others: int) -> str:
    """Asked before an edited check-in is saved for another day than it was written for."""
    kept = "both are kept" if others == 1 else "all are kept"
    there = (
        f", beside the check-in{'s' if others > 1 else ''} that day already has ({kept})"
        if others
        else ""
    )
    return f"It was written for {was:%A %-d %B}. Saving it moves it to {to:%A %-d %B}{there}."


def joined(said: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return " and ".join([", ".join(said[:-1]), said[-1]] if len(said) > 1 else said)


def numbered_names(people: Sequence[tuple[str, int]], most: int = 3) -> str:
    """'Sam (#1), Sam (#6) and Eve (#3)': the first *most* (name, number) pairs, then
    'others'."""
    shown = [numbered(name, number) for name, number in people[:most]]
    return joined(shown + (["others"] if len(people) > most else []))


def _fields(names: dict[str, str], keys: list[str]) -> str:
    """Fields of a form as a sentence names them: 'rhythm', 'nickname and notes'."""
    return joined([names.get(key, key.replace("_", " ")) for key in keys])


QUOTED = 60
"""How much of a changed text a question quotes."""


def where_they_differ(theirs: str, mine: str, width: int = QUOTED) -> str:
    """*theirs*, cut to *width* around where it first differs from *mine* ('…a long day at
    the screen FROM-TWO'): two texts alike for their first 60 characters were quoted by
    that start alone, which showed nothing of the change."""
    same = next(
        (i for i, (a, b) in enumerate(zip(theirs, mine, strict=False)) if a != b),
        min(len(theirs), len(mine)),
    )
    if len(theirs) <= width or same < width // 2:
        return shorten(theirs, width)
    start = min(same - width // 3, len(theirs) - (width - 1))  # room for the … before it
    return "…" + shorten(theirs[start:], width - 1)


def changed_meanwhile(
    names: dict[str, str], theirs: dict[str, object], mine: dict[str, object] | None = None
) -> str:
    """Saving a form whose fields were changed elsewhere as well as here: what each of
    them holds now (around where it differs from *mine*, what was typed here), so the
    choice isn't made blind."""

    def said(key: str, value: object) -> str:
        name = names.get(key, key.replace("_", " "))
        if not isinstance(value, str):  # a choice or a list: its name says enough
            return name
        value = " ".join(value.split())
        typed = (mine or {}).get(key)
        typed = " ".join(typed.split()) if isinstance(typed, str) else ""
        return f"{name}: “{where_they_differ(value, typed)}”" if value else f"{name}: empty"

    now = "; ".join(said(key, value) for key, value in theirs.items())
    return (
        "Since you opened this, another window or the command line changed what you changed "
        f"here. Saved there — {now}. Your own words are all still here."
    )


def draft_over_change(names: dict[str, str], keys: list[str]) -> str:
    """A draft taken back whose words are in fields saved elsewhere since it was written."""
    return (
        f"Since it was written, {_fields(names, keys)} changed elsewhere; the draft's "
        "words are shown there, and saving asks which to keep."
    )


def kept_from_elsewhere(names: dict[str, str], keys: list[str]) -> str:
    """Saved, keeping fields changed elsewhere meanwhile that were left alone here."""
    return f"Kept as changed elsewhere meanwhile: {_fields(names, keys)}."


def export_given_to_restore(
    path: object, home: object = None, *, new_home: bool = False, contacts: bool = False
) -> str:
    """``restore`` was given a file to import (a JSON export, or a vCard's *contacts*): the
    command that reads it in, into *home*, or into a new, empty one (*new_home*: a JSON
    export is read only into a planner that holds nothing yet)."""
    if new_home:
        where, into = "--home NEW_FOLDER ", "into a new, empty home"
    else:
        where, into = (f"--home {shlex.quote(str(home))} " if home is not None else ""), "in"
    what = "a vCard of contacts" if contacts else "an export"
    return (
        f"{path} is {what}, not a backup: restore puts back a planner-tui backup (a .db "
        f"file). To read it {into}, use: planner-tui {where}import {shlex.quote(str(path))}"
    )


def made_for_reading(name: object, kind: str) -> str:
    """What planner-tui's own Markdown, calendar or review export is (given to import or
    restore): not to be read back in."""
    made = "for a calendar app" if kind == "calendar" else "for reading"  # not both (nu232)
    return f"{name} is planner-tui's {kind} export, made {made}, not to be read back in"


def export_for_reading(name: str, kind: str) -> str:
    """Planner-tui's own Markdown, calendar or review export, given to be read back in."""
    return (
        f"{made_for_reading(name, kind)}. To read your data in, import the JSON export "
        "instead (planner-tui export -o FILE.json writes one)."
    )


def database_given_to_import(path: object, home: object = None) -> str:
    """``import`` was given a database file (a backup, most likely); the command that puts
    it back names the *home* imported into, when one was given."""
    where = f"--home {shlex.quote(str(home))} " if home is not None else ""
    return (
        f"{path} is a database file, not an export: import reads planner-tui's JSON export, "
        "vCards (.vcf) and jrnl or Day One journals. If it is a planner-tui backup, "
        f"put it back with: planner-tui {where}restore {shlex.quote(str(path))}"
    )


def own_database_given_to_import(path: object) -> str:
    """``import`` was given the planner's own database: everything in it is here already."""
    return (
        f"{path} is this planner's own database: everything in it is here already. To copy "
        "it somewhere, use planner-tui backup or planner-tui export."
    )


def draft_not_let_go(why: str) -> str:
    """A draft could not be deleted (the file damaged or locked)."""
    return f"The draft kept for this could not be removed: {why} It may be offered again next time."


EXPORT_SUFFIXES = {
    ".json": ("JSON", "json"),
    ".md": ("Markdown", "markdown"),
    ".ics": ("a calendar file", "ics"),
}
"""A file name's ending that says it is an export: what it holds, and its --format."""


def backup_named_as_export(path: object, suffix: str) -> str | None:
    """``backup`` was given a name that says it is an export (``all.json``): what to do
    instead; None for any other name."""
    found = EXPORT_SUFFIXES.get(suffix.casefold())
    if found is None:
        return None
    kind, form = found
    return (
        f"A backup is a copy of the database, not {kind}: give it a name ending in .db, or "
        f"write {kind} with: planner-tui export --format {form} -o {shlex.quote(str(path))}"
    )


EMPTY_CHECK_IN = (
    "There is nothing in this check-in yet: a number, a few words or who you were with is "
    "plenty. Escape closes it."
)

SERVER_DID_NOT_ANSWER = (
    "The database server did not answer in time. Check that it is running and can be "
    "reached, then try again."
)
NO_ANSWER_AS_CLOSING = (
    "Your planner did not answer in time: another program may be writing to it, or its "
    "server has stopped answering."
)
CLOSED_WITHOUT_WAITING = (
    "The database stopped answering, so the app closed without waiting for it. All you saved "
    "before is kept; a change or draft being saved just then may not have been."
)
