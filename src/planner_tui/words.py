"""Words shown to the person, kept in one place so the tone stays consistent.

Warm, plain, brief; nothing that diagnoses, labels or shames. No Textual here: the
command line uses these too.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from dateutil.relativedelta import relativedelta

from planner_tui import clock

FIRST_RUN_NOTICE = (
    "Welcome. planner-tui is a self-help tool for small steps toward the people in your "
    "life. It is not therapy and not an emergency service: if you are in danger or "
    "thinking of harming yourself, please call your local emergency number now.\n\n"
    "Everything you write stays in a file on this computer, unless you choose to point "
    "it at a server of your own. Nothing is sent anywhere."
)

DECLINE_REFRAME = (
    "A 'not now' is usually about timing, energy or circumstance, not about you. "
    "Reaching out was the brave part, and it counted."
)
NO_REPLY_LINE = (
    "Silence is rarely an answer: messages get buried and weeks get busy. A light "
    "follow-up in a few days is ordinary and kind."
)
SKIPPED_LINE = "Letting this one go is fine. The next step can be smaller, or another day."
SMALLER_LINE = (
    "Under 7 out of 10 is a good moment to shrink the step. That is the method working, "
    "not a failure: a message instead of a call, ten minutes instead of an evening."
)
ALREADY_LIGHT = (
    "This is already a light step. An easier time of day can help too; Esc goes back to change it."
)
ENCOURAGEMENTS = (
    "Small and specific is what makes a step easy to take. This one is both.",
    "You don't have to feel ready; the first few words are enough.",
    "However it goes, reaching out is the part that is yours, and it's planned.",
    "Most people are glad to be thought of. This gives someone that chance.",
    "If it doesn't happen, that tells you something useful. Shrink it and try again.",
)

SUPPORT_LINES = (
    "If things feel too heavy: call your local emergency number if you are in danger.",
    "UK & Ireland: Samaritans, 116 123 (free, any time).",
    "USA: 988 Suicide & Crisis Lifeline, call or text 988.",
    "Canada: 9-8-8, call or text.",
    "Australia: Lifeline, 13 11 14.",
    "Elsewhere: findahelpline.com lists free, confidential lines by country.",
)

EMPTY_TODAY = (
    "A quiet start. This is your daily home: small steps that are due, people you may "
    "like to reach, and today's check-in gather here as you add them."
)
EMPTY_MAP = (
    "No one here yet. The people you add will show here with their circles and contexts. "
    "To look around first, try a sample life: planner-tui --home /tmp/planner-demo demo"
)
EMPTY_PLAN = "No small steps planned yet. One text to one person is a perfectly good start."
EMPTY_JOURNAL = "No check-ins yet. A line or two about today is plenty."
NO_TRUSTED = (
    "No one added yet. Press e to note one to five people you could call or message when "
    "things feel heavy — a friend, family, a neighbour, your doctor."
)
LONELY_NOTE = (
    "Your answers this month lean towards feeling lonely. Many people feel this way at "
    "times, and it can change. Talking to someone you trust, your doctor, or one of the "
    "free lines below can help."
)
EMPTY_REVIEW = "Nothing recorded in this month yet — that is fine. Reviews fill in as you go."


def plural(count: int, one: str, many: str = "") -> str:
    """A count with its noun, the one way every count is said: '1 person', '3 people',
    '0 entries', '1,204 days' (*many* defaults to *one* + 's')."""
    return f"{count:,} {one if count == 1 else many or one + 's'}"


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
        delta = relativedelta(day, today)
        return f"in {plural(delta.years * 12 + delta.months, 'month')}"
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 14:
        return f"{plural(days, 'day')} ago"
    if days < 60:
        return f"{plural(days // 7, 'week')} ago"
    delta = relativedelta(today, day)
    months = delta.years * 12 + delta.months
    if months < 24:
        return f"{plural(months, 'month')} ago"
    return f"{plural(delta.years, 'year')} ago"


def cadence(days: int | None) -> str:
    if days is None:
        return "—"
    named = {1: "daily", 7: "weekly", 14: "every 2 weeks", 30: "monthly", 90: "quarterly"}
    if days in named:
        return named[days]
    if days % 7 == 0:
        return f"every {plural(days // 7, 'week')}"
    return f"every {plural(days, 'day')}"


def when(moment: datetime) -> str:
    """'Fri 28 Nov, 18:00' in local time; 'Sat 28 Nov 2025, 18:00' in another year."""
    local = clock.to_local(moment)
    year = "" if local.year == clock.today().year else " %Y"
    return local.strftime(f"%a %-d %b{year}, %H:%M")


def day(value: date) -> str:
    """'3 Jan', or '3 Jan 2027' in another year."""
    year = "" if value.year == clock.today().year else f" {value:%Y}"
    return f"{value.day} {SHORT_MONTHS[value.month - 1]}{year}"


def score(value: int | None) -> str:
    """A 1–5 score as every table and file shows it — warmth, mood, connectedness: '4/5',
    and '—' for none (a row of dots would read as nothing)."""
    return "—" if value is None else f"{value}/5"


SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                "Dec")  # fmt: skip


def dates_line(dates: list[tuple[str, int, int, int | None]]) -> str:
    """Someone's dates in one line, from (label, month, day, year): 'Birthday 12 Apr ·
    Anniversary 3 Jun 2011'."""
    return " · ".join(
        f"{what[:1].upper()}{what[1:]} {day} {SHORT_MONTHS[month - 1]}"
        + (f" {year}" if year else "")
        for what, month, day, year in dates
    )


def with_person(action: str, person: str) -> str:
    """The action, followed by '(Maria)' unless its words already name her ('Bo' inside
    'about' doesn't count)."""
    named = re.search(rf"(?<!\w){re.escape(person)}(?!\w)", action, re.IGNORECASE)
    return action if named else f"{action} ({person})"


def plan_card(due_at: datetime, action: str, person: str) -> str:
    """'Friday 28 Nov, 18:00 — send Maria a short message'."""
    shown = clock.to_local(due_at).strftime("%A %-d %b, %H:%M")
    return f"{shown} — {with_person(action, person)}"


def encouragement(seed: int) -> str:
    return ENCOURAGEMENTS[seed % len(ENCOURAGEMENTS)]


def awkwardness_compared(expected: int | None, felt: int | None) -> str:
    """What a done step taught about awkwardness, from 1 (easy) to 5 (very awkward)."""
    if felt is None:
        return "Done. That counts."
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
