"""Today from the first evening, and every key doing what it says: Enter at once, Escape
out of any text box, the palette (ctrl+p) offering every action by name, the cursor
staying where one acted, and the theme kept."""

from __future__ import annotations

import re
import time
from datetime import datetime, timedelta

import pytest
from textual.command import Command, CommandList, CommandPalette
from textual.widgets import Button, DataTable, Input

from planner_tui import clock, words
from planner_tui.db.engine import Database
from planner_tui.services import drafts, people, steps
from planner_tui.ui.app import THEME_KEY, PlannerApp
from planner_tui.ui.commands import key_commands
from planner_tui.ui.forms.interaction import InteractionForm
from planner_tui.ui.forms.journal import JournalForm
from planner_tui.ui.forms.outcome import OutcomeForm
from planner_tui.ui.forms.people import ContextForm
from planner_tui.ui.forms.plan import PlanWizard
from planner_tui.ui.forms.review import LonelinessForm
from planner_tui.ui.modals.confirm import Choice
from planner_tui.ui.screens.base import ViewScreen
from planner_tui.ui.screens.journal import JournalScreen
from planner_tui.ui.screens.map import MapScreen
from planner_tui.ui.screens.person import PersonScreen
from planner_tui.ui.screens.plan import PlanScreen
from planner_tui.ui.screens.today import TodayScreen

from .test_app import HOSTILE, SIZE, make_app, press, screen_text, settle


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=clock.local_zone())


def person(db: Database, name: str, **fields: object) -> int:
    with db.write() as s:
        return people.create_person(session=s, data={"name": name, **fields}).id


def plan(db: Database, who: int, due: str, action: str = "send a text") -> int:
    with db.write() as s:
        data = {"person_id": who, "action": action, "due_at": local(due)}
        return steps.create_step(session=s, data=data).id


def chosen_step(app: PlannerApp) -> str:
    """The step a "How did it go?" question or an outcome form is about."""
    screen = app.screen
    if isinstance(screen, OutcomeForm):
        return screen.step.action
    assert isinstance(screen, Choice), screen
    # "second (Ana), Tue 24 Nov, 18:00": the words, whose and when (the same words may be
    # planned on several days; it said only "second — Ana").
    assert re.search(r", \w{3} \d+ \w{3}, \d\d:\d\d$", screen.message), screen.message
    return re.sub(r" \([^)]*\)$", "", screen.message.rsplit(", ", 2)[0])


# --------------------------------------------------------------------------- Today


async def test_someone_never_in_touch_is_suggested_once_their_rhythm_has_gone_by(
    sqlite_db: Database,
) -> None:
    """Added with a hoped-for rhythm and not contacted yet: Today is quiet about them until
    that rhythm has gone by since they were added, then suggests them kindly, and the Map's
    gaps and their page say the same."""
    name = HOSTILE[0]
    now = clock.now()
    person(sqlite_db, "Added tonight", cadence_days=7)
    clock.freeze(now - timedelta(days=15))
    try:
        person(sqlite_db, name, cadence_days=14)
    finally:
        clock.freeze(now)
    person(sqlite_db, "No rhythm")
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        shown = screen_text(app)
        assert "Everyone is within the rhythm" not in shown
        drifting = app.screen.query_one("#drifting", DataTable)
        assert [str(cell) for cell in drifting.get_row_at(0)] == [
            name,
            words.NOT_YET_SINCE_ADDED,
            "every 2 weeks",
        ]
        assert drifting.row_count == 1
        await press(app, pilot, "m", "4")
        gaps = app.screen.query_one("#drifting-table", DataTable)
        assert str(gaps.get_row_at(0)[0]) == name
        # last in touch "not yet, since adding them"; past by as `people --drifting` says
        # it, from when they were added (it said "not yet, since adding them" there, nu176)
        assert [str(c) for c in gaps.get_row_at(0)[1:]] == [
            words.NOT_YET_SINCE_ADDED, "every 2 weeks", words.past_by(1)]  # fmt: skip
        await press(app, pilot, "enter")
        assert isinstance(app.screen, PersonScreen)
        assert words.NEVER_IN_TOUCH in screen_text(app)


async def test_today_shows_the_next_few_steps_and_enter_works_on_them(
    sqlite_db: Database,
) -> None:
    ana = person(sqlite_db, "Ana")
    plan(sqlite_db, ana, "2026-11-23T21:00", "today's text")
    for day in range(24, 31):  # seven after today; the next five show
        plan(sqlite_db, ana, f"2026-11-{day}T18:00", f"step on the {day}th")
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        shown = screen_text(app)
        assert "Small steps for today" in shown and "Coming up next" in shown
        coming = app.screen.query_one("#coming", DataTable)
        assert [str(coming.get_row_at(r)[0]) for r in range(coming.row_count)] == [
            f"{day:%a} {day.day} Nov, 18:00"
            for day in (local(f"2026-11-{d}T18:00") for d in range(24, 29))
        ]
        assert "step on the 29th" not in shown
        await press(app, pilot, "tab", "down", "enter")  # the coming list, its second step
        assert chosen_step(app) == "step on the 25th"
        # Done, for a step still to come: asked first, as the command line asks for
        # --anyway (a new user's d on tomorrow's step was recorded without a word).
        await press(app, pilot, "d")
        assert isinstance(app.screen, Choice) and "Has it happened already?" in screen_text(app)
        await press(app, pilot, "enter")  # not yet
        assert isinstance(app.screen, TodayScreen)
        await press(app, pilot, "d", "right", "enter")  # yes, it happened
        assert isinstance(app.screen, OutcomeForm) and app.screen.step.action == "step on the 25th"
        # No reply yet follows reaching out too: asked the same way (it was saved at once).
        await press(app, pilot, "escape", "w")
        assert isinstance(app.screen, Choice) and "Did you reach out already?" in screen_text(app)
        await press(app, pilot, "enter")  # not yet
        assert isinstance(app.screen, TodayScreen)
        await press(app, pilot, "w", "right", "enter")  # yes, I did
        assert isinstance(app.screen, OutcomeForm) and app.screen.status == "no_reply"


async def test_enter_at_once_opens_how_it_went_on_today_and_plan(sqlite_db: Database) -> None:
    """No Tab first: the step list has the focus as soon as it shows."""
    ana = person(sqlite_db, "Ana")
    plan(sqlite_db, ana, "2026-11-23T20:15", "first")  # (due within the hour: no question)
    plan(sqlite_db, ana, "2026-11-23T20:45", "second")
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "down", "enter")
        assert chosen_step(app) == "second"
        await press(app, pilot, "w")
        assert isinstance(app.screen, OutcomeForm) and app.screen.step.action == "second"
        await press(app, pilot, "escape", "p")
        assert isinstance(app.screen, PlanScreen)
        await press(app, pilot, "enter")
        assert chosen_step(app) == "first"


# --------------------------------------------------------------------------- Escape


async def test_escape_leaves_every_text_box_in_every_view(sqlite_db: Database) -> None:
    """In each view, each text box: typing goes in, Escape empties it and gives the keys
    back to the view (t m p j r switch views again, not typed as "walkm")."""
    ana = person(sqlite_db, "Ana")
    plan(sqlite_db, ana, "2026-11-24T18:00")
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        checked = 0
        for key in "tmpjr":
            await press(app, pilot, key)
            view = app.screen
            assert isinstance(view, ViewScreen)
            for field in view.query(Input):
                field.can_focus = True  # the Journal's search opens with /; the rest by tab
                field.focus()
                await press(app, pilot, *"walk")
                assert field.value == "walk"
                await press(app, pilot, "escape")
                assert field.value == "" and not isinstance(view.focused, Input)
                checked += 1
        assert checked >= 5  # the Map's filter, the Plan's three, the Journal's search
        await press(app, pilot, "j", "slash", *"walk", "escape", "m")
        assert isinstance(app.screen, MapScreen)
        await press(app, pilot, "j")
        assert isinstance(app.screen, JournalScreen)
        assert app.screen.query_one("#search", Input).value == ""


# --------------------------------------------------------------------------- the palette


async def palette_titles(app: PlannerApp, pilot: object, query: str, want: str) -> list[str]:
    """Open the palette, type *query*, and wait until its list holds *want* and is still."""
    await pilot.press("ctrl+p")  # type: ignore[attr-defined]
    await pilot.press(*query)  # type: ignore[attr-defined]
    deadline = time.monotonic() + 20
    last: list[str] = []
    while time.monotonic() < deadline:
        await pilot.pause(0.15)  # type: ignore[attr-defined]
        assert isinstance(app.screen, CommandPalette)
        options = app.screen.query_one(CommandList).options
        titles = [str(option.hit.text) for option in options if isinstance(option, Command)]
        if want in titles and titles == last:
            return titles
        last = titles
    raise AssertionError(f"{want!r} not offered for {query!r}: {last}")


async def run_from_palette(app: PlannerApp, pilot: object, query: str, want: str) -> None:
    titles = await palette_titles(app, pilot, query, want)
    await press(app, pilot, *["down"] * titles.index(want), "enter")


def palette_app(sqlite_db: Database) -> PlannerApp:
    ana = person(sqlite_db, "Ana")
    plan(sqlite_db, ana, "2026-11-23T21:00")
    return make_app(sqlite_db)


async def test_the_palette_finds_this_views_keys_by_name_or_help_and_runs_them(
    sqlite_db: Database,
) -> None:
    app = palette_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await run_from_palette(app, pilot, "check", "Check in")
        assert isinstance(app.screen, JournalForm)
        await press(app, pilot, "escape")
        await settle(app, pilot)
        await run_from_palette(app, pilot, "step", "Small step")
        assert isinstance(app.screen, PlanWizard)
        await press(app, pilot, "escape")
        # ...or by what their help says ("plan a step" is the Small step's).
        titles = await palette_titles(app, pilot, "plan a step", "Small step")
        assert titles[0] == "Small step"
        await press(app, pilot, "escape", "m")
        # The Map's n adds a context on its Contexts tab; the palette finds that on any
        # tab (it found nothing for "add context", nu191).
        await run_from_palette(app, pilot, "add context", "Add context")
        assert isinstance(app.screen, ContextForm), app.screen


async def test_over_a_form_the_palette_offers_no_other_view(sqlite_db: Database) -> None:
    """ "Go to Map" from the palette over the step wizard left the wizard open out of sight,
    and `s` back on Today typed into it (its Who read "Qwertys")."""
    app = palette_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "s", *"Qwerty")
        wizard = app.screen
        assert isinstance(wizard, PlanWizard)
        await press(app, pilot, "ctrl+p")
        titles = [command.title for command in key_commands(app, wizard)]
        assert titles and not [t for t in titles if t.startswith(("Go to", "Map:"))], titles
        await press(app, pilot, "escape")
        assert app.screen is wizard and app.current_mode == "today"
        # Nor by a view's key where it isn't typed into a box: on a button, say.
        wizard.query(Button).first().focus()
        await press(app, pilot, "m")
        assert app.screen is wizard and app.current_mode == "today"


async def test_the_palette_runs_another_views_keys_there(sqlite_db: Database) -> None:
    app = palette_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        titles = await palette_titles(app, pilot, "delete", "Plan: Delete")
        assert {"Map: Delete", "Journal: Delete"} <= set(titles)
        await press(app, pilot, "escape")
        for _opened_before in (False, True):  # the Journal loads first, then it has its data
            await run_from_palette(app, pilot, "search", "Journal: Search")
            assert isinstance(app.screen, JournalScreen)
            assert app.screen.focused is app.screen.query_one("#search", Input)
            await press(app, pilot, "escape", "t")
        await run_from_palette(app, pilot, "log a contact", "Map: Log contact")
        assert isinstance(app.screen, InteractionForm)
        await press(app, pilot, "escape")
        await settle(app, pilot)
        await run_from_palette(app, pilot, "loneliness", "Review: Loneliness check")
        assert isinstance(app.screen, LonelinessForm)


@pytest.mark.parametrize(
    ("query", "want"),
    [
        ("export", "Plan: Calendar file"),
        ("export", "Review: Save as Markdown"),
        ("intentions", "Review: Intentions"),
        ("theme", "Theme"),
        ("quit", "Quit"),
        ("map", "Go to Map"),
    ],
)
async def test_the_palette_finds_the_app_and_other_views_actions_by_name(
    sqlite_db: Database, query: str, want: str
) -> None:
    app = palette_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await palette_titles(app, pilot, query, want)


@pytest.mark.parametrize("query", ["crisis", "lonely", "sad", "low", "support"])
async def test_the_palette_finds_help_by_the_words_of_a_heavy_day(
    sqlite_db: Database, query: str
) -> None:
    """Someone struggling types what they feel: "crisis" found nothing and "sad" offered
    Quit first, where only "help" and "support" found Help (nu253)."""
    app = palette_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        titles = await palette_titles(app, pilot, query, "Help")
        assert titles[0] == "Help", titles
        if query == "lonely":  # …and the month's loneliness check just after (nu258)
            assert titles[1] == "Review: Loneliness check", titles


async def test_the_palette_on_a_step_runs_it_on_the_step_under_the_cursor(
    sqlite_db: Database,
) -> None:
    ana = person(sqlite_db, "Ana")
    plan(sqlite_db, ana, "2026-11-23T20:15", "first")  # (due within the hour: no question)
    plan(sqlite_db, ana, "2026-11-23T20:45", "second")
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "down")
        await run_from_palette(app, pilot, "no reply", "No reply yet")
        assert isinstance(app.screen, OutcomeForm) and app.screen.step.action == "second"


async def test_the_theme_chosen_in_the_palette_is_kept(sqlite_db: Database) -> None:
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.theme != "nord"
        await run_from_palette(app, pilot, "theme", "Theme")
        await pilot.press(*"nord")
        await pilot.pause(0.5)
        await press(app, pilot, "enter")
        assert app.theme == "nord"
    with sqlite_db.session() as s:
        assert drafts.get_setting(session=s, key=THEME_KEY) == "nord"
    again = make_app(sqlite_db)
    # Before its first frame: it was applied once the data layer had opened, ~0.6 s after
    # start, and the screen flashed from the default colours to the chosen ones.
    assert again.theme == "nord"
    async with again.run_test(size=SIZE) as pilot:
        await settle(again, pilot)
        assert again.theme == "nord"


async def test_a_view_visited_before_a_new_theme_shows_the_new_theme(sqlite_db: Database) -> None:
    """A view keeps its styles between visits (they aren't re-applied on each switch),
    except after a new theme: then it is drawn in the new theme's colours."""
    person(sqlite_db, "Ann")
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "m")
        map_heading = app.screen.query_one(".section")
        before = map_heading.styles.color
        await press(app, pilot, "t")
        app.theme = "nord" if app.theme != "nord" else "gruvbox"
        await press(app, pilot, "m")
        assert app.screen.query_one(".section") is map_heading
        accent = app.theme_variables["text-accent"].lower()
        assert map_heading.styles.color != before
        assert map_heading.styles.color.hex.lower() == accent


# --------------------------------------------------------------------------- the cursor


async def test_the_cursor_stays_on_the_person_one_logged_a_contact_with(
    sqlite_db: Database,
) -> None:
    """Sorted by longest without contact, Cy moves to the end once a contact is logged; the
    cursor goes with him, so Enter opens Cy, not whoever is first now."""
    for name in ("Ana", "Bo", "Cy", "Dee"):
        who = person(sqlite_db, name)
        with sqlite_db.write() as s:
            people.log_interaction(
                session=s,
                data={"person_ids": [who], "occurred_at": clock.now() - timedelta(days=10)},
            )
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "m", "o", "down", "down", "l")
        assert isinstance(app.screen, InteractionForm)
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, MapScreen)
        table = app.screen.query_one("#people-table", DataTable)
        assert [str(table.get_row_at(r)[0]) for r in range(4)] == ["Ana", "Bo", "Dee", "Cy"]
        assert table.cursor_row == 3
        await press(app, pilot, "enter")
        assert isinstance(app.screen, PersonScreen) and app.screen.sub_title == "Cy"


async def test_after_an_outcome_the_cursor_stays_where_it_was(sqlite_db: Database) -> None:
    ana = person(sqlite_db, "Ana")
    for hour, action in ((19, "first"), (20, "second"), (21, "third")):
        plan(sqlite_db, ana, f"2026-11-23T{hour}:00", action)
    for hour, action in ((10, "fourth"), (11, "fifth"), (12, "sixth")):
        plan(sqlite_db, ana, f"2026-11-25T{hour}:00", action)
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "down", "k", "ctrl+s")  # let "second" go
        assert isinstance(app.screen, TodayScreen)
        await press(app, pilot, "enter")
        assert chosen_step(app) == "third"  # the one that followed, not the first
        await press(app, pilot, "escape", "p", "down", "down", "k", "ctrl+s")
        assert isinstance(app.screen, PlanScreen)  # "fourth" let go on the Plan view
        await press(app, pilot, "enter")
        assert chosen_step(app) == "fifth"


async def test_visiting_the_views_reads_the_apps_css_once(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Re-reading the app's CSS re-parses it all and re-styles every widget on screen
    (issue 18: most of a second visit of the Review). Visiting views changes nothing in it,
    so no first or second visit of a view made after start-up re-reads it; a theme chosen
    does, and a view first shown after it (Plan) is drawn in the new theme as the views
    seen before it are."""
    from textual.css.stylesheet import Stylesheet

    person(sqlite_db, "Ann")
    reparsed: list[str] = []
    reparse = Stylesheet.reparse

    def counted(stylesheet: Stylesheet) -> None:
        reparsed.append(type(app.screen).__name__)
        reparse(stylesheet)

    monkeypatch.setattr(Stylesheet, "reparse", counted)
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        reparsed.clear()
        for view in "mjrmjr":
            await press(app, pilot, view)
        assert reparsed == []
        app.theme = "nord" if app.theme != "nord" else "gruvbox"
        await press(app, pilot, "p")
        accent = app.theme_variables["text-accent"].lower()
        assert app.screen.query_one(".section").styles.color.hex.lower() == accent
        await press(app, pilot, "m")
        assert app.screen.query_one(".section").styles.color.hex.lower() == accent


async def test_the_palette_opens_on_this_views_keys_with_no_panel_that_stays_open(
    sqlite_db: Database,
) -> None:
    """Opened empty, the palette began with Textual's "Keys", "Maximize" and "Screenshot";
    "Keys" opened a panel of widget keys that Escape didn't close and that stayed over every
    view."""
    app = palette_app(sqlite_db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(app, pilot)
        titles = await palette_titles(app, pilot, "", "Theme")
        assert titles[0] == "Check in", titles  # Today's own keys first
        assert not {"Keys", "Maximize", "Minimize"} & set(titles), titles
        await press(app, pilot, "escape")
        titles = await palette_titles(app, pilot, "keys", "Help")  # help lists every key
        assert "Keys" not in titles, titles
        await press(app, pilot, "escape")
        titles = await palette_titles(app, pilot, "theme", "Theme")  # still found by name


async def test_done_hours_before_a_step_today_is_asked_about_and_just_before_is_not(
    sqlite_db: Database,
) -> None:
    """At 20:00, an Enter too many after planning a step for 23:30 opened "How did it go?",
    and the next picked Done: recorded, hours before it happened (nu179, nu183). More than
    an hour early is asked about, as a later day is; within the hour, done a little early
    is usual and is not."""
    ana = person(sqlite_db, "Ana")
    plan(sqlite_db, ana, "2026-11-23T20:45", "soon")
    plan(sqlite_db, ana, "2026-11-23T23:30", "late")
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "d")  # "soon", the first
        assert isinstance(app.screen, OutcomeForm) and app.screen.step.action == "soon"
        await press(app, pilot, "escape", "down", "d")  # "late"
        assert isinstance(app.screen, Choice) and "Has it happened already?" in screen_text(app)
        # A "not now" as well: a stray key recorded a made-up one days ahead (nu185)
        await press(app, pilot, "escape", "l")
        assert isinstance(app.screen, Choice) and "Did they say not now already?" in (
            screen_text(app)
        )
        await press(app, pilot, "right", "enter")  # yes, they did
        assert isinstance(app.screen, OutcomeForm) and app.screen.step.action == "late"
