"""A month's review as figures in words: what the Review view shows and the Markdown export
writes, built once from ``services.review.MonthReviewData`` so the two always agree.

Every figure has a key; :data:`EXPLAIN` says for each how it is counted and from which data.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

from rich.text import Text

from planner_tui import charts, clock, learning, patterns, pictures, words
from planner_tui.db.models import Channel, Initiator, LonelyHowOften, StepStatus, label
from planner_tui.markdown import markdown_inline, markdown_line, markdown_lines
from planner_tui.outcomes import NOT_THIS_TIME
from planner_tui.services import support
from planner_tui.services.gaps import ONE_SIDED_SHARE
from planner_tui.services.review import ONE_WAY_MIN, MonthReviewData
from planner_tui.terminal import shorten_middle

SHOWN = 6
"""Long lists (wins, drifting people) show this many, then how many more."""
SCALE_WORDS = {1: "hardly ever", 2: "some of the time", 3: "often"}
SCALE_ITEMS = (
    ("lack_companionship", "How often do you feel that you lack companionship?"),
    ("left_out", "How often do you feel left out?"),
    ("isolated", "How often do you feel isolated from others?"),
)
DIRECT_QUESTION = "How often do you feel lonely?"


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]
    keys: list[str] = field(default_factory=list)
    """An explanation key per row (empty: the figure's own)."""
    give_way: tuple[int, ...] = (0,)
    """The columns of words that narrow when the table is too wide (never the figures): the
    first column, the names, unless said otherwise (a kind, a score's name)."""


@dataclass(frozen=True)
class Figure:
    key: str
    title: str
    lines: list[str] = field(default_factory=list)
    table: Table | None = None
    picture: Text | pictures.Fitted | None = None
    """A text picture, with colour for the screen (files take its plain text): of a fixed
    width, or drawn to the width it is shown at (a file's, :data:`charts.FILE_WIDTH`)."""
    waiting: bool = False
    """Too little to tell yet: named in :func:`too_little` instead of shown (a first month's
    review was a dozen of these, each with its method, nu153)."""


# --------------------------------------------------------------------------- numbers


def _beside(with_it: float, without: float) -> tuple[str, str, str]:
    """Two averages as shown (one decimal), and the difference between those: worked from
    the unrounded ones, 4.3 beside 3.9 read +0.5."""
    shown = words.rounded(with_it, 1), words.rounded(without, 1)
    return str(shown[0]), str(shown[1]), f"{shown[0] - shown[1]:+}"


def num(value: float | int | None, digits: int = 0) -> str:
    return "—" if value is None else str(words.rounded(value, digits))


def percent(value: float | None) -> str:
    return "—" if value is None else f"{round(100 * value)}%"


ITEM = "  • "
"""Lines starting with this are items of a list."""


NEW_PEOPLE_SAVED = 100
"""New people a saved review lists, at most (it lists every other win)."""
ITEM_MOST = 160
"""Characters of one list item at most: two lines of a figure at 80 columns."""


def more(items: list[str], shown: int | None = SHOWN) -> list[str]:
    """The first *shown* items as list lines (None: all, as a saved review lists them),
    then how many more. An item of free text is cut in its middle to :data:`ITEM_MOST`
    characters (a name of hundreds of characters filled the figure's box and hid the items
    after it). One more is shown, not said: "… and 1 more" took its line (nu228)."""
    if shown is not None and len(items) == shown + 1:
        shown += 1
    lines = [ITEM + shorten_middle(item, ITEM_MOST) for item in items[:shown]]
    if shown is not None and len(items) > shown:
        lines.append(f"{ITEM}… and {len(items) - shown:,} more")
    return lines


def nothing_recorded(data: MonthReviewData, *, in_app: bool = False) -> str:
    """What a month with nothing in it says: before the planner began, that it began later
    (`planner-tui review --month` said "quiet months happen" of a year before it)."""
    if data.planner_began is not None and before_the_planner(data):
        return words.before_the_planner(data.planner_began, in_app=in_app)
    return words.empty_review(data.running)


def before_the_planner(data: MonthReviewData) -> bool:
    """Whether the month reviewed comes before the planner's first."""
    return data.planner_began is not None and data.month < data.planner_began


def written(data: MonthReviewData) -> set[str]:
    """The figures holding what was written for the month, rather than recorded in it: all
    that a month before the planner shows beside its notice (intentions written there left
    the app's page empty, nu171, and the Markdown full of empty tables)."""
    notes = data.notes
    found = set()
    if data.intentions or (notes and (notes.intentions or notes.note.strip())):
        found.add("intentions")
    if notes and notes.wins.strip():
        found.add("wins")
    if data.loneliness is not None:
        found.add("loneliness")
    return found


def says_notice(data: MonthReviewData) -> bool:
    """Whether the month opens with :func:`nothing_recorded`'s notice."""
    return data.nothing_recorded or before_the_planner(data)


def shows(figure: Figure, data: MonthReviewData) -> bool:
    """Whether *figure* has its own section (a waiting one is named in the last: *Too
    little to tell yet*); before the planner, only what was written there."""
    return not figure.waiting and (not before_the_planner(data) or figure.key in written(data))


def day_label(day: date) -> str:
    return f"{day.day} {day.strftime('%b')}"


def title(data: MonthReviewData) -> str:
    heading = f"{words.REVIEW_TITLE}{data.figures.label}"
    if data.running:
        heading += f" (so far, to {day_label(data.as_of)})"
    return heading


def month_beside(month: date, reviewed: date) -> str:
    """A month's name beside the one reviewed: with its year when that differs (the
    review of January compared it with "December")."""
    return clock.strftime(month, "%B" if month.year == reviewed.year else "%B %Y")


# --------------------------------------------------------------------------- figures

OVERVIEW_ROWS: list[tuple[str, str, str, int]] = [
    # key, name, MonthFigures attribute, digits
    ("days", "Days with a check-in", "days_checked_in", 0),
    ("entries", "Journal entries", "entries", 0),
    ("mood", "Average mood (1–5)", "avg_mood", 1),
    ("connectedness", "Average connectedness (1–5)", "avg_connectedness", 1),
    ("support", "Felt supported (1–5)", "avg_support", 1),
    ("giving", "Comfort giving help (1–5)", "avg_comfort_giving", 1),
    ("receiving", "Comfort receiving help (1–5)", "avg_comfort_receiving", 1),
    ("interactions", "Contacts logged", "interactions", 0),
    ("people", "People in touch", "people_seen", 0),
    ("planned", "Small steps planned", "steps_planned", 0),
    # Reaching out, beside done: after a week of "not now" and no reply, the overview said
    # only "Small steps done 0" (nu253).
    ("taken", "Small steps taken", "steps_taken", 0),
    ("done", "Small steps done", "steps_done", 0),
]


def every_day(month: date, days: int) -> str | None:
    """A check-in on every day of *month*, said so: beside every day of a longer month
    before, it read "down 1" (nu262), and of a shorter one "up 3" (nu263). (Short: the
    overview's names give way to it on a narrow terminal.)"""
    return "each day" if days == monthrange(month.year, month.month)[1] else None


def planner_begins_in(data: MonthReviewData) -> bool:
    """Whether the planner begins in the month reviewed: the month before holds nothing to
    compare with (set beside it, each figure went "up" by all of itself)."""
    return data.figures.month == data.planner_began


def overview(data: MonthReviewData) -> Figure:
    f, p = data.figures, data.previous
    first = planner_begins_in(data)
    rows, keys = [], []
    for key, name, attribute, digits in OVERVIEW_ROWS:
        now, before = getattr(f, attribute), getattr(p, attribute)
        # A count of a month still going is partial: beside a whole month it is "so far".
        partial = data.running and digits == 0
        change = "so far" if partial else patterns.compared(now, before, digits=digits)
        if key == "days" and not partial:
            change = every_day(f.month, now) or change
        rows.append(
            (name, num(now, digits))
            if first
            else (name, num(now, digits), num(before, digits), change)
        )
        keys.append(f"overview.{key}")  # fmt: skip
    lines = []
    if first:
        lines.append(words.FIRST_MONTH)
    elif data.running:
        lines.append(f"This month so far against the whole of {p.label}.")
    shown = "this month" if data.running else month_beside(f.month, f.month)
    columns = ("", shown) if first else ("", shown, month_beside(p.month, f.month), "change")
    return Figure("overview", "Overview", lines, table=Table(columns, rows, keys))


def daily(data: MonthReviewData) -> Figure:
    scored = [d for d, _m, c in data.daily if c is not None]
    if not scored:
        empty = "No connectedness scores this month" + (" yet." if data.running else ".")
        return Figure("daily", "Day by day", [empty])
    return Figure("daily", "Day by day", picture=pictures.Fitted(partial(charts.daily_bars, data)))


def weeks(data: MonthReviewData) -> Figure:
    if not data.figures.interactions:
        return Figure("weeks", "Contact each week", ["No contacts logged this month."])
    return Figure(
        "weeks",
        "Contact each week",
        [charts.channel_legend(data)],
        picture=pictures.Fitted(partial(charts.week_bars, data)),
    )


def trend(data: MonthReviewData) -> Figure:
    months = data.trend_shown
    if not any(m.avg_connectedness is not None or m.avg_mood is not None for m in months):
        return Figure("trend", "The last twelve months", ["No scores in the last twelve months."])
    # Which way is better differs between columns side by side (nu198 read a higher
    # loneliness check as better, as a higher mood is).
    lines = [words.TREND_SCALES]
    if len(months) < len(data.trend):
        lines.insert(0, f"Since your planner began, in {clock.strftime(months[0].month, '%B %Y')}.")
    # A row a month, newest last: the table stays narrow enough for any terminal, so the
    # month being reviewed is never the part cut off.
    rows = [
        (
            clock.strftime(m.month, "%b %Y"),
            num(m.avg_connectedness, 1),
            num(m.avg_mood, 1),
            num(m.loneliness),
            num(m.contexts_in_touch),
        )
        for m in months
    ]
    columns = ("month", "connectedness", "mood", "loneliness check", "parts of life")
    return Figure(
        "trend",
        "The last twelve months",
        lines,
        table=Table(columns, rows),
        picture=pictures.Fitted(partial(charts.month_bars, data)) if len(months) > 1 else None,
    )


YET = {True: " yet", False: ""}
"""Said of the month still going ("not enough days yet"), not of one gone by."""


def associations(data: MonthReviewData) -> Figure:
    found = [a for a in data.associations if abs(a.difference) >= patterns.NOTABLE_DIFFERENCE]
    lines = [
        "Average connectedness on days with each of these against days without. These are "
        "patterns that came together, not causes; each needs at least "
        f"{patterns.MIN_DAYS} scored days with it and {patterns.MIN_DAYS} without."
    ]
    if not found:
        # Nothing with enough days on both sides to set beside each other; something, and
        # nothing differed enough ("not enough days" with 16 of them read as a reproach; and
        # "nothing stood out" where no tag had 3 days without it, nu164).
        scored = sum(1 for _, _, connected in data.daily if connected is not None)
        if not data.associations:
            lines.append(f"Not enough days{YET[data.running]} to see a pattern this month.")
            return Figure(
                "associations", "What went with warmer and cooler days", lines, waiting=True
            )
        lines.append(
            f"Nothing stood out{YET[data.running]} this month: on {scored} scored days, "
            f"no tag, person or part of life came with a difference of "
            f"{patterns.NOTABLE_DIFFERENCE} or more."
        )
        return Figure("associations", "What went with warmer and cooler days", lines)
    ordered = sorted(found, key=lambda a: -a.difference)
    rows = [
        (
            a.name,
            a.kind,
            str(a.days_with),
            *_beside(a.average_with, a.average_without),
        )
        for a in ordered[:10]
    ]
    warmer = [a for a in ordered if a.difference > 0][:3]
    if warmer:
        lines.append(
            "Often came with warmer days: "
            + ", ".join(f"{a.name} ({a.kind})" for a in warmer)
            + "."
        )
    if any(a.difference < 0 for a in ordered[:10]):
        lines.append(COOLER)
    return Figure(
        "associations",
        "What went with warmer and cooler days",
        lines,
        table=Table(
            ("", "kind", "days with", "with", "without", "difference"), rows, give_way=(0, 1)
        ),
    )


COOLER = (
    "A lower figure is no verdict on you or on what you did: harder days are often the ones "
    "people reach out on, and over only a few days a single evening can tip a figure."
)
"""Said with a table that has rows of lower scores, above it ("in person -0.5" read as
"seeing people made it worse", nu216)."""

SHORT_MEASURES = {"connectedness": "connected", "mood": "mood"}
"""A score's name in a table's cell, short so the table fits 80 columns."""


def across(data: MonthReviewData) -> Figure:
    title_ = "What went together, across months"
    if all(not w.found and not w.compared for w in data.across):
        # One line, not the method and six times "too little" (nu153, on the first evening)
        most = max((w.days for w in data.across), default=0)
        return Figure("across", title_, [
            f"Too little to tell{YET[data.running]}: {words.plural(most, 'scored day')} in the "
            f"last twelve months, and a pattern needs {learning.MIN_DAYS} or more with something "
            f"and {learning.MIN_DAYS} or more without it."
        ], waiting=True)  # fmt: skip
    if all(not w.found and w.compared for w in data.across):
        # One line, not the method and six times "nothing stood out" (nu162)
        most = max(w.days for w in data.across)
        return Figure("across", title_, [
            f"Nothing stood out{YET[data.running]} over the last 3, 6 or 12 months "
            f"({words.plural(most, 'scored day')} at most): no person, part of life, tag, way "
            f"of being in touch or step came with higher or lower days by {learning.NOTABLE} "
            "or more."
        ])  # fmt: skip
    lines = [
        "How your days felt (connectedness and mood, 1–5) with each person, part of life, tag, "
        "way of being in touch or step done, beside your other scored days, over the last 3, "
        f"6 and 12 months ({learning.MIN_DAYS} or more days with it and {learning.MIN_DAYS} or "
        "more without). The table gives both averages, the difference (diff), and how big "
        "that is beside how much your days usually vary (effect: about 0.2 is slight, 0.5 "
        "clear, 0.8 strong); 'few' marks under 5 days on a side, where even a strong one can "
        "be chance. A person or a part of life shows only when their days went with higher "
        "scores. These went together, nothing more."
    ]
    rows = []
    days_before: dict[str, tuple[int, int]] = {}
    """Each score's last window said (its months, and its scored days): a shorter one."""
    same: dict[str, list[int]] = {}
    """Each score's windows that held no more days than the one before: the same again."""
    for window in data.across:
        score = window.measure
        if score in days_before and days_before[score][1] == window.days:
            same.setdefault(score, []).append(window.months)
            continue
        days_before[score] = (window.months, window.days)
        if not window.found:
            # Nothing with enough days on both sides: nothing could show yet. Something, and
            # nothing did ("too little" then gave the wrong reason; and the other way, nu164).
            said = ("nothing stood out" if window.compared else "too little to tell") + YET[
                data.running
            ]
            lines.append(
                f"Over {words.plural(window.months, 'month')}, {score}: {said} "
                f"({words.plural(window.days, 'scored day')})."
            )
            continue
        higher = [t for t in window.found if t.difference > 0][:3]
        # The first rows, and a row for each named below (one further down had none).
        listed = [t for n, t in enumerate(window.found) if n < learning.ACROSS_SHOWN or t in higher]
        rows += [
            (
                str(window.months),
                SHORT_MEASURES[score],
                f"{t.name} ({t.kind})",
                f"{t.days_with:,} (few)" if t.few_days else f"{t.days_with:,}",
                *_beside(t.mean_with, t.mean_without),
                "—" if t.effect is None else f"{words.rounded(t.effect, 1):+}",
            )
            for t in listed
        ]
        if higher:
            lines.append(
                f"Over {words.plural(window.months, 'month')}, went together with higher {score}: "
                + ", ".join(f"{t.name} ({t.kind})" for t in higher)
                + "."
            )
    for score, windows in same.items():  # two months of days: 3, 6 and 12 said it three times
        # The same as the window said last: not always the shortest (12 months named 3,
        # where it held the 6 months' days, nu255).
        said_last = days_before[score][0]
        lines.append(
            f"Over {words.joined([words.plural(n, 'month') for n in windows])}, {score}: no days before "
            f"those of the last {words.plural(said_last, 'month')}, so the same as there."
        )
    if any(row[6].startswith("-") for row in rows):
        lines.append(COOLER)
    if not rows:
        return Figure("across", title_, lines)
    # Short headings, so every figure fits at 80 columns (the explanation above says them
    # in full); the name narrows instead, and the score's (first, of equal widths).
    columns = ("months", "score", "what", "days", "with", "without", "diff", "effect")
    return Figure("across", title_, lines, table=Table(columns, rows, give_way=(1, 2)))


def beside(data: MonthReviewData) -> Figure:
    title_ = "Loneliness check beside contact"
    lines = [
        "Each month's loneliness check (3–9, lower is less lonely) beside how many people "
        "and parts of life you were in touch with, how much of it was in person, and the "
        "small steps done. These went together, nothing more."
    ]
    months = [m for m in data.beside if m.loneliness is not None or m.contacts or m.steps_done]
    if not months:
        lines.append("Nothing recorded in the last twelve months yet.")
        return Figure("beside", title_, lines, waiting=True)
    rows = [
        (
            clock.strftime(m.month, "%b %Y"),
            num(m.loneliness),
            f"{m.people:,}",
            f"{m.contexts:,}",
            percent(patterns.share(m.in_person, m.contacts)),
            f"{m.steps_done:,}",
        )
        for m in months
    ]
    found = learning.loneliness_beside(data.beside, data.as_of)
    going = [
        m
        for m in data.beside
        if m.loneliness is not None and learning.in_progress(m.month, data.as_of)
    ]
    if going:
        lines.append(
            f"{going[0].month:%B} is still going, so its check waits outside the comparison "
            "until the month is over."
        )
    if found is None:
        lines.append(
            f"{words.TOO_LITTLE} Comparing needs "
            f"{words.plural(learning.MIN_CHECK_MONTHS, 'month')} with a "
            f"lower total and {learning.MIN_CHECK_MONTHS} with a higher one."
        )
    else:
        # 3 is the lowest total there is: "3 or less" read as a typo (nu198)
        lower = (
            f"at the lowest total, {found.threshold},"
            if found.threshold <= 3
            else f"with a total of {found.threshold} or less,"
        )
        lines.append(
            f"In the {words.plural(found.lower, 'month')} {lower} against the "
            f"{words.plural(found.higher, 'month')} above it:"
        )
        for key, low, high in found.rows:
            shown = percent if key == "in_person" else (lambda v: num(v, 1))
            lines.append(f"{ITEM}{learning.BESIDE[key]}: {shown(low)} against {shown(high)}")
    columns = ("month", "loneliness", "people", "parts of life", "in person", "steps done")
    checked = any(m.loneliness is not None for m in months)  # else a column of "—"
    return Figure("beside", title_, lines, table=Table(columns, rows), waiting=not checked)


def themes(data: MonthReviewData) -> Figure:
    def listed(found: list[tuple[str, int]]) -> str:
        return ", ".join(f"{word} ({count})" for word, count in found) or (
            f"no repeated words{YET[data.running]}"
        )

    return Figure(
        "themes",
        "In your own words",
        [
            "What brought warmth: " + listed(data.warmth_themes) + ".",
            "What made you withdraw: " + listed(data.withdraw_themes) + ".",
        ],
        waiting=not (data.warmth_themes or data.withdraw_themes),
    )


def reciprocity(data: MonthReviewData) -> Figure:
    f = data.figures
    # Steps that met a "not now" or no reply log no contact: "you 0" above "you reached out
    # in 4" read as a contradiction after a hard month (nu255).
    unanswered = f.steps_taken - f.steps_done
    also = [words.reached_out_in_steps(unanswered, also=bool(f.interactions))] if unanswered else []
    if not f.interactions:
        return Figure(
            "reciprocity", "Reaching out and support", ["No contacts logged this month.", *also]
        )
    reach = pictures.balance_bar(
        [
            ("you", f.by_initiator.get(Initiator.ME, 0)),
            ("them", f.by_initiator.get(Initiator.THEM, 0)),
            ("together", f.by_initiator.get(Initiator.MUTUAL, 0)),
        ]
    ).plain
    support = pictures.balance_bar([("given", f.gave_support), ("received", f.got_support)]).plain
    lines = [f"Who reached out:  {reach}", *also, f"Support:          {support}"]
    for one in data.one_way:
        lines.append(
            words.reaching_out(
                one.name,
                me=one.by_me,
                them=one.by_them,
                together=one.mutual,
                enough=ONE_WAY_MIN,
                lean=ONE_SIDED_SHARE,
            )
        )
    if data.one_way:
        lines.append(
            "A one-way month can simply be timing; the Map shows the longer pattern for each person."
        )
    return Figure("reciprocity", "Reaching out and support", lines)


def breadth(data: MonthReviewData, shown: int | None = SHOWN) -> Figure:
    f, p = data.figures, data.previous
    first = planner_begins_in(data)  # no month before to set it beside
    other = f.by_channel.get(Channel.OTHER, 0)  # a way not said is not counted as written
    lines = [
        f"Parts of life in touch: {f.contexts_in_touch} this month "
        f"({f.contexts_in_person} in person or by voice)"
        + ("." if first else f"; {p.contexts_in_touch} in {p.label}."),
        f"In person: {percent(f.in_person_share)} of contact"
        + ("" if first else f" (last month {percent(p.in_person_share)})")
        + "; by voice "
        f"{percent(patterns.share(f.by_channel.get(Channel.CALL, 0), f.interactions))}; "
        f"in writing or online "
        f"{percent(patterns.share(sum(f.by_channel.get(c, 0) for c in (Channel.TEXT, Channel.SOCIAL)), f.interactions))}"
        + (f"; {label(Channel.OTHER)} {percent(patterns.share(other, f.interactions))}." if other else "."),
    ]  # fmt: skip
    if f.small_moments:
        lines.append(words.small_moments(f.small_moments))
    if f.places_gone:
        lines.append(words.places_gone(f.places_gone))
    if data.too_early_for_quiet:
        lines.append("Too early in the month to tell which parts of life went quiet.")
    elif data.quiet_contexts:
        # Said by what it counts: "went quiet" beside the Map's "No part of life has gone
        # quiet" (its own fourteen days) read as a contradiction, and a harsh one (nu246).
        lines.append(
            f"No contact {'yet ' if data.running else ''}this month, after some in the three "
            "before: " + ", ".join(data.quiet_contexts) + "."
        )
    if data.drifted:
        lines.append(f"Past their rhythm on {day_label(data.as_of)} ({len(data.drifted)}):")
        lines += more(
            [
                f"{d.name}: not in touch yet since being added (hoped for "
                f"{words.cadence(d.cadence_days)})"
                if d.never_in_touch
                else f"{d.name}: {words.past_rhythm(d.days_past, words.cadence(d.cadence_days), d.cadence_days)}"
                for d in data.drifted
            ],
            shown,
        )
    return Figure("breadth", "Breadth", lines)


STEP_ORDER = (
    StepStatus.DONE,
    StepStatus.DECLINED,
    StepStatus.NO_REPLY,
    StepStatus.SKIPPED,
)
"""The outcomes the table counts, then the steps still planned; steps moved to another time
are said in a line, not counted (each is counted once, where it now falls), so the table
adds up to the steps."""


def small_steps(data: MonthReviewData) -> Figure:
    f = data.figures
    if not f.steps_planned:
        due = "this month" if data.running else clock.strftime(data.month, "in %B")
        return Figure("steps", "Small steps", [f"No small steps were due {due}."])
    counts = dict(f.by_status)
    not_now = counts.get(StepStatus.DECLINED, 0) - f.places_not_gone
    counts[StepStatus.DECLINED] = not_now  # a place not gone to has a row of its own
    planned = counts.get(StepStatus.PLANNED, 0)
    rows = [(label(s), str(counts[s])) for s in STEP_ORDER if counts.get(s)]
    if f.places_not_gone:
        rows.insert(len([s for s in STEP_ORDER[:2] if counts.get(s)]),
                    (f"{NOT_THIS_TIME} (a place)", str(f.places_not_gone)))  # fmt: skip
    # Planned, and due already, is not "planned" (in a month over, nu228): not noted yet.
    for said, count in (("no outcome noted yet", planned - f.still_to_come),
                        ("still to come", f.still_to_come)):  # fmt: skip
        if count:
            rows.append((said, str(count)))
    lines = [
        words.steps_done_line(
            f.steps_done,
            f.steps_due_so_far,
            f.still_to_come,
            data.running,
            f.settled_early,
            clock.strftime(data.month, "%B"),
            reached=f.steps_taken,
        )
    ]
    if not_now:
        lines.append(words.DECLINE_REFRAME)
    if f.places_not_gone:
        lines.append(words.NOT_THIS_TIME)
    if f.by_status.get(StepStatus.NO_REPLY):
        lines.append(words.NO_REPLY_LINE)
    if f.by_status.get(StepStatus.RESCHEDULED):
        lines.append(words.moved_steps(f.by_status[StepStatus.RESCHEDULED]))
    if f.steps_compared:
        lines.append(
            f"Before the step you expected {num(f.expected_awkwardness, 1)} of 5 awkwardness on "
            f"average; afterwards it felt {num(f.felt_awkwardness, 1)}. Easier than expected "
            f"{words.plural(f.felt_easier, 'time')}, about the same {f.felt_same:,}, harder "
            f"{f.felt_harder:,} (of {f.steps_compared:,} with both noted)."
        )
    return Figure("steps", "Small steps", lines, table=Table(("outcome", "steps"), rows))


def _paired_table(rows: list[tuple[date, learning.Paired]], before: str, after: str) -> Table:
    """A row for each month with at least one step counted, with how many it counts."""
    return Table(
        ("month", "steps", before, after),
        [
            (clock.strftime(m, "%b %Y"), f"{p.count:,}", num(p.before, 1), num(p.after, 1))
            for m, p in rows
            if p.count
        ],
    )


def _total(rows: list[tuple[date, learning.Paired]]) -> learning.Paired:
    counted = [p for _, p in rows if p.count and p.before is not None and p.after is not None]
    count = sum(p.count for p in counted)
    if not count:
        return learning.Paired(0, None, None)
    return learning.Paired(
        count,
        sum(p.count * (p.before or 0) for p in counted) / count,
        sum(p.count * (p.after or 0) for p in counted) / count,
    )


def calibration(data: MonthReviewData) -> Figure:
    title_ = "Awkwardness, expected and felt"
    lines = [
        "Done steps with both answers, by the month they were due: the awkwardness you "
        "expected when planning and what you noted afterwards (1–5)."
    ]
    rows = data.learning.awkwardness if data.learning else []
    total = _total(rows)
    if total.count < learning.MIN_SIMILAR or total.before is None or total.after is None:
        lines.append(words.TOO_LITTLE)
        return Figure("calibration", title_, lines, waiting=True)
    lines.append(
        f"Over the twelve months, {words.plural(total.count, 'step')}: you expected "
        f"{words.rounded(total.before, 1)} of 5; afterwards "
        f"{'it' if total.count == 1 else 'they'} felt {words.rounded(total.after, 1)}."
    )
    return Figure("calibration", title_, lines, table=_paired_table(rows, "expected", "felt"))


def appreciation(data: MonthReviewData) -> Figure:
    title_ = "Appreciation, guessed and seen"
    lines = [
        "Done steps with both answers, by the month they were due: how much you guessed "
        "they'd appreciate it when planning, and how they seemed to take it (1–5)."
    ]
    rows = data.learning.appreciation if data.learning else []
    total = _total(rows)
    if total.count < learning.MIN_SIMILAR or total.before is None or total.after is None:
        lines.append(words.TOO_LITTLE)
        return Figure("appreciation", title_, lines, waiting=True)
    lines.append(words.appreciation(total.count, total.before, total.after))
    return Figure("appreciation", title_, lines, table=_paired_table(rows, "guessed", "seemed"))


def follow_through(data: MonthReviewData) -> Figure:
    title_ = "Following through"
    lines = [
        "Steps with an outcome: how often you reached out (done, a 'not now' or no reply "
        f"yet) rather than letting it go. Shown where both sides have {learning.MIN_SIDE}+ "
        "steps; these went together, nothing more."
    ]
    found = data.learning
    if found is None or not (found.follow_month or found.follow_year):
        lines.append(words.TOO_LITTLE)
        return Figure("follow", title_, lines, waiting=True)
    for heading, comparisons in (
        ("This month:", found.follow_month),
        ("The last twelve months:", found.follow_year),
    ):
        if comparisons:
            lines.append(heading)
            lines += [
                ITEM
                + words.follow_through(
                    c.with_label,
                    c.without_label,
                    c.taken_with,
                    c.count_with,
                    c.taken_without,
                    c.count_without,
                )
                for c in comparisons
            ]
    return Figure("follow", title_, lines)


def not_nows(data: MonthReviewData) -> Figure:
    title_ = "'Not now's that became a yes"
    lines = [
        "A 'not now' became a yes when a step that followed from it, or one with the same "
        f"person within {words.plural(learning.YES_WITHIN_DAYS, 'day')}, was done."
    ]
    found = data.learning.not_nows if data.learning else learning.NotNows(0, 0)
    if found.count < learning.MIN_NOT_NOWS:
        lines.append(words.TOO_LITTLE)
        return Figure("not-nows", title_, lines, waiting=True)
    # Its own twelve months, said: the outcome form's end today (nu156 saw three totals),
    # named by their months ("the twelve months up to today" read as from a year ago
    # today, and counted from the first of a month, nu235)
    first = data.learning.months[0] if data.learning else data.month
    since = clock.strftime(first, "%B %Y")  # with its year: "since the start of January"
    # of a December read as this January or the next (nu246)
    until = clock.strftime(data.month, "%B %Y")
    # a month still going has no end yet (nu201)
    span = f"since the start of {since}" if data.running else f"from {since} to {until}"
    lines.append(words.not_nows(found.count, found.became_yes, f"due {span}"))
    lines.append(words.DECLINE_REFRAME)
    return Figure("not-nows", title_, lines)


def _span(period: learning.Period) -> str:
    return f"{day_label(period.first)} – {day_label(period.last)} {period.last.year}"


EXPERIMENT_ROWS: list[tuple[str, str]] = [
    ("days", "Days counted"),
    ("tied", "Days it happened"),
    ("mood", "Average mood (1–5)"),
    ("connected", "Average connectedness (1–5)"),
    ("contacts", "Contacts logged"),
    ("people", "People in touch"),
    ("in_person", "In person"),
    ("steps", "Small steps done"),
]


def _experiment_cell(key: str, f: learning.PeriodFigures) -> str:
    if key == "mood":
        return f"{num(f.mood, 1)} ({words.plural(f.mood_days, 'day')})"
    if key == "connected":
        return f"{num(f.connected, 1)} ({words.plural(f.connected_days, 'day')})"
    if key == "in_person":
        return f"{percent(patterns.share(f.in_person, f.contacts))} of {f.contacts:,}"
    if key == "steps":
        return f"{f.steps_done:,} of {f.steps_due:,}"
    return f"{getattr(f, key):,}"


def experiments(data: MonthReviewData) -> Figure:
    title_ = "Small experiments"
    if not data.experiments:
        return Figure(
            "experiments",
            title_,
            [
                "No small experiment ran this month. You can name one for two to six weeks, "
                "tied to a #tag or a step that repeats."
            ],
        )
    lines: list[str] = []
    rows: list[tuple[str, ...]] = []
    for found in data.experiments:
        e = found.experiment
        state = words.experiment_state(e.starts, e.ends, e.ended_on, found.today)
        lines.append(
            f"{e.name} — tied to {e.tied_to}; {words.experiment_days(e.starts, e.ends)}, {state}."
        )
        if not found.during.days:
            if e.ended_on is None:
                lines.append(f"{ITEM}Nothing to compare yet.")
            continue
        lines.append(
            f"{ITEM}During: {_span(found.during)} ({words.plural(found.during.days, 'day')}); "
            f"before: {_span(found.before)}, as many days."
        )
        if found.too_little:
            lines.append(
                f"{ITEM}{words.TOO_LITTLE} It needs {learning.MIN_EXPERIMENT_DAYS}+ days run, "
                f"and {learning.MIN_SCORED}+ scored days on both sides or a contact or step "
                "on either."  # as counted (learning.too_little_to_tell; "some contact on
                # both sides" said another rule, nu201)
            )
            continue  # no table of noughts beside it: a first day read as failing (nu216)
        if len(data.experiments) > 1:
            rows.append((e.name, "", ""))
        rows += [
            (
                name,
                _experiment_cell(key, found.before_figures),
                _experiment_cell(key, found.during_figures),
            )
            for key, name in EXPERIMENT_ROWS
        ]
    if not rows:
        return Figure("experiments", title_, lines)
    return Figure("experiments", title_, lines, table=Table(("", "before", "during"), rows))


def wins(data: MonthReviewData, shown: int | None = SHOWN) -> Figure:
    lines = []
    if data.steps_done:
        lines.append(f"Small steps done ({len(data.steps_done):,}):")
        lines += more(
            [f"{day_label(s.day)}: {s.action} — {s.name}" for s in data.steps_done], shown
        )
    if data.reconnections:
        # The longest gaps first (a reader took them for out of order: said so).
        longest_first = ", longest first" if len(data.reconnections) > 1 else ""  # (nu201)
        lines.append(
            f"Back in touch after a long gap ({len(data.reconnections):,}{longest_first}):"
        )
        longest = sorted(data.reconnections, key=lambda r: -(r.gap_days or 10**6))
        lines += more(
            [f"{r.name}, {day_label(r.day)}, {words.after_gap(r.gap_days)}" for r in longest],
            shown,
        )
    if data.repairs:
        lines.append(
            f"Repairs (days tagged #repair): {', '.join(day_label(d) for d in data.repairs)}"
        )
    if data.new_people:
        lines.append(f"New people on your map ({len(data.new_people):,}):")
        # an address book imported is thousands of them, all at once (nu196)
        lines += more(data.new_people, NEW_PEOPLE_SAVED if shown is None else shown)
    if data.notes and data.notes.wins.strip():
        lines += own_words("In your words: ", data.notes.wins)
    if not lines:
        lines.append(
            "Nothing listed yet. Small things count here too."
            if data.running
            else "Nothing was listed for this month. Small things count here too."
        )
    return Figure("wins", "Wins to celebrate", lines)


def own_words(lead: str, said: str) -> list[str]:
    """The person's own words after *lead*, whole (a note cut at 2,000 characters lost
    what mattered most to bring to someone), as one line of lines: each line as they typed
    it, under the first's words (it began at the left edge, as a line of the review's
    own)."""
    first, *rest = said.strip().splitlines()
    return ["\n".join([lead + first, *(" " * len(lead) + line for line in rest)])]


def loneliness(data: MonthReviewData, home: Path | None = None) -> Figure:
    """The month's check; when it is high, a gentle note and where to turn — crisis lines
    first, then support that isn't only for crises (*home*'s own ``support.toml``, if it
    keeps one)."""
    check = data.loneliness
    if check is None:
        # One sentence for both, naming the key (the month still going left it out, nu216).
        lines = [
            f"Not taken for this month{YET[data.running]} (l in the Review takes it: three "
            "short questions, and a fourth if you like)."
        ]
    else:
        lines = [
            f"{question} {SCALE_WORDS[getattr(check, item)].capitalize()}."  # as the last
            for item, question in SCALE_ITEMS
        ]
        compared = patterns.loneliness_compared(check.total, data.loneliness_before)
        lines.append(f"Total {check.total}, on a scale from 3 (least lonely) to 9. {compared}")
        if check.how_often:
            lines.append(
                f"{DIRECT_QUESTION} {label(LonelyHowOften(check.how_often)).capitalize()}."
            )
        if check.leans_lonely:
            found = support.load_support(home)
            month = "this month" if data.running else clock.strftime(data.month, "%B %Y")
            seldom = (LonelyHowOften.NEVER, LonelyHowOften.HARDLY_EVER)
            how_often = check.how_often
            answered = label(how_often).lower() if how_often in seldom and how_often else ""
            lines.append(words.lonely_note(month, answered))
            if data.trusted:  # your own people first, as help lists them
                lines += ["People you trust:", *(ITEM + person for person in data.trusted)]
            else:
                lines.append(words.NO_ONE_TRUSTED)
            lines.append(words.SUPPORT_IN_HELP)
            if found.problem:
                lines.append(found.problem)
    return Figure("loneliness", "Loneliness check", lines)


def intentions(data: MonthReviewData) -> Figure:
    notes = data.notes
    following = data.month.replace(month=data.month.month % 12 + 1).strftime("%B")
    lines = []
    if data.intentions:  # this month's own, from last month's review
        lines += [words.intentions_for(data.month), *(ITEM + i for i in data.intentions)]
    lines.append(f"For {following}:")
    if notes and notes.intentions:
        lines += [ITEM + i for i in notes.intentions]
    else:
        lines.append(ITEM + "none written yet")
    if notes and notes.note.strip():
        lines += own_words("Note: ", notes.note)
    return Figure("intentions", "Intentions", lines)


def year(data: MonthReviewData) -> Figure:
    grid = pictures.year_grid([m.month for m in data.trend_shown], data.year, data.as_of)
    return Figure("year", "A year at a glance", picture=grid)


def figures(
    data: MonthReviewData, home: Path | None = None, *, whole: bool = False
) -> list[Figure]:
    """The review's figures; *whole*: every item of their lists, as a saved file has them
    (the screen shows the first few and how many more)."""
    shown = None if whole else SHOWN
    made = [
        overview(data),
        daily(data),
        weeks(data),
        trend(data),
        associations(data),
        across(data),
        themes(data),
        reciprocity(data),
        breadth(data, shown),
        small_steps(data),
        calibration(data),
        appreciation(data),
        follow_through(data),
        not_nows(data),
        experiments(data),
        wins(data, shown),
        loneliness(data, home),
        beside(data),
        intentions(data),
        year(data),
    ]
    return [*made, too_little(data, [f for f in made if f.waiting])]


def too_little(data: MonthReviewData, waiting: list[Figure]) -> Figure:
    """The figures with too little to tell yet, named in one place at the end (each shows
    in its own place once it has something to say); nothing when none wait."""
    if not waiting:
        return Figure("waiting", "", waiting=True)
    lead = (
        "Each of these shows in its place once there are enough days, steps or months to "
        "tell (h says how many):"
        if data.running
        else "Too few days, steps or months for these (h says how many each needs):"
    )
    return Figure(
        "waiting",
        f"Too little to tell{YET[data.running]}",
        [lead] + [ITEM + f.title for f in waiting],
    )


# --------------------------------------------------------------------------- explanations

_NOT_NOWS_NEEDED = words.plural(learning.MIN_NOT_NOWS, "'not now'")
EXPLAIN: dict[str, str] = {
    "overview": "Each figure of this month beside the same figure for last month. The change "
    "is simply this month minus last month, as shown (each rounded half up: 3.25 is 3.3).",
    "overview.days": "Calendar days with at least one journal entry, counted by the day the "
    "entry is for (not when it was typed).",
    "overview.entries": "Journal entries whose day falls in the month.",
    "overview.mood": "The mean of the days' mood scores (1–5): a day with several entries "
    "counts once, with their mean, as in the Journal's strip. Entries without a mood score "
    "are left out, not counted as zero.",
    "overview.connectedness": "The mean of the days' 'how connected' scores (1–5), each "
    "day's entries averaged first; entries without one are left out.",
    "overview.support": "The mean of the days' 'how supported did I feel' scores (1–5), "
    "each day's entries that have one averaged first.",
    "overview.giving": "The mean of the days' 'comfort giving help' scores (1–5), each "
    "day's entries that have one averaged first.",
    "overview.receiving": "The mean of the days' 'comfort receiving help' scores (1–5), each "
    "day's entries that have one averaged first.",
    "overview.interactions": "Contacts logged whose moment falls in the month in your "
    "local time (a done small step logs one). A meeting with three people counts once.",
    "overview.people": "Different people in at least one of the month's interactions, or "
    "counted as in touch by a check-in (its tick, for those in its People box).",
    "overview.planned": "Small steps due in the month, whatever their outcome, those still "
    "to come included. A step moved to another time counts once, at its new time. While "
    "the month is going, counts are so far, and steps due later are still to come, not "
    "undone.",
    "overview.taken": "Of the small steps due in the month so far, the ones where you "
    "reached out: done, a 'not now' or no reply yet (as Today counts the week's). Not going "
    "to a place this time asked no one, and isn't one.",
    "overview.done": "Of the small steps due in the month (those planned), the ones marked done.",
    "daily": "Each bar is one day's score from your check-ins (the mean when a day has "
    "more than one entry), a row for each point of the scale: a mean such as 3.5 ends "
    "half-way up a row. Days without a score are left empty. Where a row of the month's "
    "days doesn't fit the screen, they go in two rows or more.",
    "weeks": "Contacts logged per week of the month (Monday to Sunday, cut at the month's "
    "edges), split by how you were in touch. Each channel has its own fill character.",
    "trend": "For each of the twelve months up to this one (from the month your planner "
    "began, if later): the mean connectedness and mood "
    "of that month's days (each day's entries averaged first, as in the overview), that "
    "month's loneliness check total (3–9), and how many parts of life (contexts) saw contact.",
    "associations": "For each person, context, tag, channel and activity (a small step done): "
    "the mean connectedness of the days it was part of, against the mean of the other scored "
    "days this month. A person or context counts for a day when an entry mentions it or an "
    f"interaction that day included it. Shown only with {patterns.MIN_DAYS}+ days on each "
    f"side and a difference of at least {patterns.NOTABLE_DIFFERENCE}; a person or a "
    "context only when their days went with higher scores. Things that come "
    "together do not have to cause each other.",
    "themes": "Words that recur in the month's 'what brought warmth' and 'what made me "
    "withdraw' notes, each counted once per entry, leaving out very common words; words "
    "side by side are one theme, in place of each alone where it never came without them. "
    "Shown "
    f"from {words.plural(patterns.MIN_THEME_ENTRIES, 'entry', 'entries')}.",
    "reciprocity": "From the month's interactions: who reached out first, and how many "
    "interactions included support you gave or received (emotional or practical). Someone is "
    f"listed when you had {ONE_WAY_MIN}+ interactions and three quarters or more were started by "
    "the same side; plans made together count for neither side.",
    "breadth": "Parts of life in touch: active contexts with at least one interaction in the "
    "month (an interaction logged without a context counts for its people's contexts). No "
    "contact this month: contexts with contact in the three months before but none this month "
    "(in a month still going, listed only from its seventh day). Past their "
    "rhythm: people whose last contact, by the month's end, was longer ago than the rhythm "
    "you set for them, and people with a rhythm not yet in touch since they were added. "
    "Shares are of the month's interactions. Small moments are contacts logged with no one "
    "from your map, in a part of life: they count for it, and for no one's rhythm.",
    "steps": "Small steps due in the month by outcome. Awkwardness compares what you "
    "expected when planning (1–5) with what you noted afterwards, for done steps with both.",
    "calibration": "For each of the twelve months up to this one, the steps due that month "
    "and marked done that have both the awkwardness you expected when planning and the "
    "awkwardness you noted afterwards (1–5): how many, and the mean of each. The summary "
    f"needs {learning.MIN_SIMILAR}+ such steps. When planning, the wizard shows the same for "
    "your newest steps like the one you are planning: the same words, else the same way of "
    "being in touch, else the same effort.",
    "appreciation": "For each of the twelve months up to this one, the steps due that month "
    "and marked done with both answers: how much you guessed they'd appreciate it when "
    "planning, and how they seemed to take it afterwards (1–5). How many, and the mean of "
    f"each; the summary needs {learning.MIN_SIMILAR}+ such steps.",
    "follow": "Steps whose outcome was recorded this month, and in the twelve months up to "
    "it. Done, 'not now' and no reply yet count as reaching out; letting a step go does "
    "not; a step moved to another time counts once, when the moved step has its outcome. "
    "Each comparison (a when-then cue or none, an if-then backup or none, sure "
    f"{learning.SURE}+ of 10 or less, made smaller or not, each effort and each way of being "
    f"in touch against the rest) shows only when both sides have {learning.MIN_SIDE}+ steps. "
    "Steps without a 'how sure' answer are left out of that comparison. Things that come "
    "together do not have to cause each other.",
    "not-nows": "Steps recorded as 'not now' (declined) that were due in the twelve months up "
    "to this month's end: twelve whole months, named above. One became a yes when a step "
    "planned from its outcome (another time, a follow-up, and theirs in turn, however many) "
    "was done, or a step with the same "
    f"person due within {words.plural(learning.YES_WITHIN_DAYS, 'day')} after it was done. "
    "Shown from "
    f"{learning.MIN_NOT_NOWS} 'not now's.",
    "across": "For each window (the last 3, 6 and 12 months up to this one) and each score "
    "(connectedness and mood, 1–5): every day's mean score from your check-ins, on the days "
    "with each person, part of life, tag, way of being in touch or step done (from entries "
    "and interactions that day), against the window's other scored days. Shown only with "
    f"{learning.MIN_DAYS}+ days on each side and a difference of at least {learning.NOTABLE}. "
    "The effect is the difference divided by the pooled spread of the days' scores (Cohen's "
    "d); a blank effect means the days on each side all had the same score (no spread to "
    "measure by). A person or a part of life is listed only when "
    "their days went with higher scores, never lower. A window holding no days before the "
    "shorter one's is not listed again. A row with fewer than "
    f"{words.plural(learning.FEW_DAYS, 'day')} on a side says 'few'. Things that come together need "
    "not have anything more to do with each other.",
    "beside": "For each of the twelve months up to this one: the loneliness check total, "
    "different people in at least one interaction, parts of life in touch (as in Breadth), "
    "the share of interactions in person, and the small steps due that month that were "
    "done. The months with a check are split in two at the total that parts them most "
    "evenly: those at or below it against those above it, with the mean of each figure (in person: of all their "
    "interactions). A month still in progress is left out of that comparison, since its "
    f"contact is only partly counted yet. Shown with {learning.MIN_CHECK_MONTHS}+ months on each side.",
    "experiments": "An experiment runs from its first day to its last (two to six weeks), "
    "or to the day it was ended, or to today while it runs. Before is as many days just "
    "before it started. For each side: days in it, days the experiment happened (entries "
    "tagged with its #tag, or its repeating step done), the mean of each day's mood and "
    "connectedness with how many days had one, interactions and the share in person, "
    "different people in touch (in a contact, or counted so by a check-in's tick, as in "
    "the overview), and small steps due that were done. Too little to tell: fewer than "
    f"{words.plural(learning.MIN_EXPERIMENT_DAYS, 'day')} run, or neither score with "
    f"{words.plural(learning.MIN_SCORED, 'day')} on both sides and no contact or step on "
    "either side (a "
    "side with none is a real nothing, and compared). These went together, nothing more.",
    "wins": "Steps marked done; people whose first contact this month came after 60 or more "
    "days without one (or none in the past year, for someone on your map all that year: "
    "contacts logged back to before they were added don't make a reunion); days you tagged "
    "#repair; people added to "
    "your map this month (not those you were in touch with in the year before); and the "
    "wins you wrote yourself.",
    "loneliness": "The three-item loneliness scale: three questions answered hardly ever (1), "
    "some of the time (2) or often (3), added up to a total from 3 to 9. It describes how the "
    "month felt; it is not a diagnosis. The direct question is kept on its own and never "
    "added in.",
    "intentions": "The intentions you wrote for this month in last month's review, if "
    "there are any; then what you wrote for next month in this review. They appear on Today "
    "throughout the month they are for.",
    "waiting": "Each figure named here compares days, steps or months, and needs a few of "
    f"each before it means anything: {words.plural(patterns.MIN_DAYS, 'scored day')} with "
    f"something and {patterns.MIN_DAYS} without it (the patterns), "
    f"{words.plural(learning.MIN_SIMILAR, 'done step')} with both answers (awkwardness, "
    f"appreciation), {words.plural(learning.MIN_SIDE, 'step')} on each side (following "
    f"through), {_NOT_NOWS_NEEDED}, a word "
    f"repeated in {words.plural(patterns.MIN_THEME_ENTRIES, 'check-in')} (your own words), a "
    "loneliness check taken (the checks beside contact). Until then each is named here, not "
    "shown with nothing in it.",
    "year": "The twelve months up to this one (from the month your planner began, if "
    "later), a row each: every day's mean connectedness "
    "from your check-ins, taller for higher. · is a day without a score.",
}


# --------------------------------------------------------------------------- markdown


def to_markdown(data: MonthReviewData, home: Path | None = None) -> str:
    """The review as a Markdown document; charts as text in fenced blocks (*home*: the
    planner folder, for its own ``support.toml``)."""
    out = [f"# {title(data)}", ""]
    if says_notice(data):
        out += [nothing_recorded(data), ""]
        if data.nothing_recorded and before_the_planner(data):  # (nu154: 150 empty lines)
            return "\n".join(out).rstrip() + "\n"
    shown = figures(data, home, whole=True)
    for figure in shown:
        if not shows(figure, data):
            continue
        out += [f"## {figure.title}", ""]
        for line in figure.lines:
            if line.startswith(ITEM):  # consecutive items make one list
                if out[-1] == "" and out[-2].startswith("- "):
                    out.pop()
                out += ["- " + markdown_line(line.removeprefix(ITEM)), ""]
            elif "\n" in line:  # own words of several lines: one paragraph, as typed
                first, *rest = line.split("\n")
                lead = first.index(": ") + 2  # own_words's lead ends so; its indent goes
                out += [*markdown_lines("\n".join([first, *(r[lead:] for r in rest)])), ""]
            else:
                out += [markdown_line(line), ""]
        if figure.table:
            out += [*_markdown_table(figure.table), ""]
        picture = figure.picture
        if isinstance(picture, pictures.Fitted):
            picture = picture.draw(charts.FILE_WIDTH)
        if picture is not None:
            out += ["```text", *(line.rstrip() for line in picture.plain.splitlines()), "```", ""]
    if not before_the_planner(data):  # before it, only what was written: nothing counted
        out += ["## How these figures are counted", ""]
        for figure in shown:
            if figure.title:
                out += [f"- **{figure.title}**: {EXPLAIN[figure.key]}"]
    return "\n".join(out).rstrip() + "\n"


def _markdown_table(table: Table) -> list[str]:
    """Words aligned left, figures right (every column after the first was right-aligned,
    names and kinds too, nu201)."""
    count = len(table.columns)
    words_at = {0, *(i % count for i in table.give_way)}
    head = "| " + " | ".join(table.columns) + " |"
    rule = "|" + "|".join("---" if i in words_at else "---:" for i in range(count)) + "|"
    body = ["| " + " | ".join(markdown_inline(c) for c in row) + " |" for row in table.rows]
    return [head, rule, *body]
