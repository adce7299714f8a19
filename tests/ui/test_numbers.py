"""Numbers and marks on screen that mean one thing (issue 16, part 4), through Pilot: the
journal says how many of how many it shows and + shows more; one warmth mark; ticked and
unticked boxes differ in shape; dates name another year; a context of kind "other"."""

from __future__ import annotations

from datetime import date

import pytest
from rich.console import Console
from textual.binding import Binding
from textual.widgets import Checkbox, DataTable, RadioButton, RadioSet, SelectionList

from planner_tui.db.engine import Database
from planner_tui.services import journal, people
from planner_tui.ui.forms.journal import JournalForm
from planner_tui.ui.forms.review import LonelinessForm
from planner_tui.ui.screens.journal import JournalScreen, MonthStrip
from planner_tui.ui.screens.person import PersonScreen

from .test_app import SIZE, make_app, press, screen_text, settle


def note(app: object) -> str:
    return str(app.screen.query_one("#search-note").render())  # type: ignore[attr-defined]


def rows(app: object) -> int:
    return int(app.screen.query_one("#entries", DataTable).row_count)  # type: ignore[attr-defined]


async def test_the_journal_says_how_many_it_shows_of_how_many_and_plus_shows_more(
    sqlite_db: Database,
) -> None:
    with sqlite_db.write() as s:
        for n in range(143):
            day = date(2026, 11, 23).toordinal() - n
            body = f"a walk by the river, day {n}" + (" and a unicorn" if n == 7 else "")
            journal.save_entry(session=s, data={"day": date.fromordinal(day), "body": body})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "j")
        assert isinstance(app.screen, JournalScreen)
        assert rows(app) == 120
        assert note(app) == "The newest 120 of 143 entries · + shows more"
        await press(app, pilot, "plus")
        assert rows(app) == 143 and note(app) == "All 143 entries."
        await press(app, pilot, "slash", *"walk")
        assert rows(app) == 120  # a new search starts with the first 120 again
        assert note(app) == "Showing 120 of 143 matching entries (the best first) · + shows more"
        await press(app, pilot, "enter", "plus")  # Enter leaves the box for the list
        assert rows(app) == 143 and note(app) == "143 entries (the best first)"
        await press(app, pilot, "slash", *" unicorn")
        assert rows(app) == 1 and note(app) == "1 entry (the best first)"


async def test_a_search_past_the_newest_it_ranks_says_so_while_more_are_shown(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "Showing 120 of 8,644 matching entries (the best first) · + shows more" read as if
    + would reach them all: words alone rank the newest 2,000 (here, 130)."""
    from planner_tui import journal_search

    monkeypatch.setattr(journal_search, "RANKED", 130)
    with sqlite_db.write() as s:
        for n in range(143):
            day = date.fromordinal(date(2026, 11, 23).toordinal() - n)
            journal.save_entry(session=s, data={"day": day, "body": f"a walk, day {n}"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "j", "slash", *"walk")
        assert note(app) == (
            "Showing 120 of 143 matching entries (the best of the newest 130 first) · + shows more"
        )


async def test_warmth_has_one_mark_and_dates_name_another_year(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        for when, warmth in (("2025-12-30T18:00:00+00:00", 5), ("2026-11-20T18:00:00+00:00", None)):
            people.log_interaction(
                session=s, data={"occurred_at": when, "person_ids": [ana], "warmth": warmth}
            )
        people.snooze_person(session=s, person_id=ana, days=50)
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "m", "enter")
        assert isinstance(app.screen, PersonScreen)
        history = app.screen.query_one("#history", DataTable)
        shown = [[str(cell) for cell in history.get_row_at(n)] for n in range(history.row_count)]
        assert [row[0] for row in shown] == ["Fri 20 Nov, 18:00", "Tue 30 Dec 2025, 18:00"]
        assert [row[3] for row in shown] == ["—", "5/5"]  # never ·····, which means "none"
        assert "Reminders resting until 12 Jan 2027." in screen_text(app)
        assert "Balance over the last 20 contacts" in screen_text(app)


async def test_a_context_of_kind_other_is_called_other(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        people.create_context(session=s, data={"name": "Allotment", "kind": "other"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "m", "3")
        table = app.screen.query_one("#contexts-table", DataTable)
        assert [str(cell) for cell in table.get_row_at(0)][:2] == ["Allotment", "other"]


def box(widget: Checkbox) -> str:
    return str(widget.render())[:3]


async def test_ticked_and_unticked_boxes_differ_in_shape(sqlite_db: Database) -> None:
    """Not only in shade: the box is empty until it is ticked (a checkbox, a list of them,
    a radio button), so it reads the same without colour."""
    with sqlite_db.write() as s:
        people.create_context(session=s, data={"name": "Choir"})
        people.create_context(session=s, data={"name": "Work"})
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "c")
        form = app.screen
        assert isinstance(form, JournalForm)
        contact = form.query_one("#contact", Checkbox)
        assert box(contact) == "▐ ▌"
        contact.value = True
        await settle(app, pilot)
        assert box(contact) == "▐X▌"
        picker = form.query_one("#contexts", SelectionList)
        picker.select(picker.get_option_at_index(1).value)
        picker.scroll_visible()
        await settle(app, pilot)
        lines = ["".join(s.text for s in picker.render_line(y)) for y in range(2)]
        assert [line[:3] for line in lines] == ["▐ ▌", "▐X▌"], lines
        assert "Choir" in lines[0] and "Work" in lines[1]


async def test_radio_buttons_differ_in_shape(sqlite_db: Database) -> None:
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "r", "l")
        assert isinstance(app.screen, LonelinessForm)
        assert "Loneliness check for November 2026" in screen_text(app)  # not 2026-11
        first = app.screen.query(RadioSet).first()
        buttons = list(first.query(RadioButton))
        assert {box(b) for b in buttons} == {"▐ ▌"}
        buttons[1].value = True
        await settle(app, pilot)
        assert [box(b) for b in buttons] == ["▐ ▌", "▐●▌", "▐ ▌"]


@pytest.mark.parametrize(("width", "rows"), [(40, 3), (74, 2), (95, 1), (200, 1)])
def test_the_month_strip_wraps_into_even_rows_and_keeps_every_day(width: int, rows: int) -> None:
    console = Console(width=width, record=True)
    console.print(MonthStrip({date(2026, 11, 1): 3, date(2026, 11, 23): None}, date(2026, 11, 23)))
    lines = console.export_text().splitlines()
    numbers = [line for line in lines if line.split() and all(t.isdigit() for t in line.split())]
    assert len(numbers) == rows
    assert [int(n) for line in numbers for n in line.split()] == list(range(1, 31))
    assert all(len(line) <= width for line in lines)
    assert "○" in lines[2 * rows - 1]  # today's entry without a score, under the 23rd
    assert "no entry" in lines[-1]


def test_the_footer_keeps_help_and_quit_and_puts_the_views_first_keys_before_other_views() -> None:
    from textual.app import App

    from planner_tui.ui.widgets.footer import fitted

    app: App[object] = App()
    views = [Binding(k, f"v{k}", name, id=f"view.{name.lower()}")
             for k, name in zip("tmpjr", ("Today", "Map", "Plan", "Journal", "Review"),
                                strict=True)]  # fmt: skip
    own = [Binding(k, f"a{k}", text) for k, text in
           (("/", "Filter"), ("n", "Add person"), ("c", "Add context"), ("l", "Log contact"),
            ("e", "Edit"), ("x", "Delete"), ("u", "Undo delete"))]  # fmt: skip
    always = [Binding("?", "help", "Help", id="help"), Binding("q", "quit", "Quit", id="quit")]
    palette = Binding("ctrl+p", "command_palette", "palette")
    keys = [*own, *views, *always]
    here = {"vm"}  # on the Map: its key is greyed
    for width in (60, 80, 120, 200):
        shown, compact, _ = fitted(app, keys, width, palette, here)
        assert all(b in shown for b in always), width  # always there
        kept = [b for b in own if b in shown]
        assert kept == own[: len(kept)], width  # the view's own keys in order, none skipped
        assert shown == [b for b in keys if b in shown]  # each key in its place
        assert compact == (width < 200)
    # At 80 the palette's key (help lists it) makes way for the last other view's: the Map
    # showed Today, Plan and Journal, and no way to the Review.
    at_80, _, with_palette = fitted(app, keys, 80, palette, here)
    assert [b for b in at_80 if b in own] == own[:2]  # the view's two first keys, at least
    assert [b.description for b in at_80 if b in views] == [
        "Today", "Map", "Plan", "Journal", "Review"]  # fmt: skip
    assert not with_palette
    at_120, _, with_palette = fitted(app, keys, 120, palette, here)
    assert all(b in at_120 for b in views) and with_palette  # every view, the greyed one too
    assert len([b for b in at_120 if b in own]) == 4
    at_60 = fitted(app, keys, 60, palette, here)[0]
    assert [b for b in at_60 if b in own] == own[:2]  # before any other view's key


async def test_moving_between_views_and_fields_keeps_no_old_footer_keys(
    sqlite_db: Database,
) -> None:
    """The footer is rebuilt only when its keys change, and the keys it drops are let go:
    after many view switches and focus moves, the footer keys alive are about those the
    five views show (each view keeps its footer)."""
    import gc

    from textual.widgets._footer import FooterKey

    def footer_keys() -> list[FooterKey]:
        gc.collect()
        return [key for key in gc.get_objects() if isinstance(key, FooterKey)]

    before = len(footer_keys())  # other tests' in this process, not yet let go
    app = make_app(sqlite_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        for _ in range(3):
            for view in "mpjrt":
                await press(app, pilot, view, "tab", "tab")
        keys = footer_keys()
        shown = sum(key.is_attached for key in keys)
        assert shown and len(keys) - before <= 2 * shown, (len(keys) - before, shown)


def test_every_dialog_of_the_app_has_a_footer_of_its_own() -> None:
    """A form or question shows the keys that work in it (the view's footer beneath names
    keys that don't reach the view): each dialog class of the app mounts one (DialogFooter),
    so a new dialog can't leave it out."""
    import importlib
    import pkgutil

    from textual.screen import ModalScreen

    import planner_tui.ui
    from planner_tui.ui.widgets.footer import DialogFooter

    for module in pkgutil.walk_packages(planner_tui.ui.__path__, "planner_tui.ui."):
        importlib.import_module(module.name)
    dialogs: list[type] = []
    todo: list[type] = [ModalScreen]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith("planner_tui."):
            dialogs.append(cls)
    assert len(dialogs) >= 9
    assert [d.__name__ for d in dialogs if not issubclass(d, DialogFooter)] == []


async def test_a_view_switch_rebuilds_only_the_footer_whose_keys_changed(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A footer built costs two layouts (issue 18). A view's or a form's footer is built
    once, with its keys, as it is composed (not empty, then again when its keys are known);
    going back and forth rebuilds none (each view's keys are as they were), and the footer
    on screen still greys the view one is in."""
    from textual.widgets._footer import FooterKey

    from planner_tui.ui.widgets.footer import KeysFooter

    built: list[str] = []
    compose = KeysFooter.compose

    def counted(footer: KeysFooter) -> object:
        built.append(type(footer.screen).__name__)
        return compose(footer)

    monkeypatch.setattr(KeysFooter, "compose", counted)
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        built.clear()
        await press(app, pilot, "m")
        assert built == ["MapScreen"]
        built.clear()
        for view in "tmtm":
            await press(app, pilot, view)
        assert built == []
        keys = app.screen.query(FooterKey)
        greyed = [key.description for key in keys if key.has_class("-disabled")]
        assert greyed == ["Map"]
        assert "Today" in [key.description for key in keys]
        built.clear()
        await press(app, pilot, "n")
        assert built == ["PersonForm"]
        assert "Save" in [key.description for key in app.screen.query(FooterKey)]
        await press(app, pilot, "escape")
        built.clear()
        await press(app, pilot, "question_mark")  # a dialog that is not a form
        assert built == ["HelpScreen"]


async def test_a_view_under_the_palette_keeps_its_footer_fitted_when_the_terminal_is_resized(
    sqlite_db: Database,
) -> None:
    """The palette has no footer of its own: the view's shows beneath it, so it is fitted to
    a new width at once (not when the palette closes), in both directions."""
    from textual.command import CommandPalette
    from textual.widgets._footer import FooterKey

    from planner_tui.ui.widgets.footer import KeysFooter

    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "m")
        view = app.screen
        for width, height in ((80, 24), (120, 40)):
            await press(app, pilot, "ctrl+p")
            assert isinstance(app.screen, CommandPalette)
            await pilot.resize_terminal(width, height)
            await settle(app, pilot)
            footer = view.query_one(KeysFooter)
            shown = [k.description for k in footer.query(FooterKey) if k.region.right <= width]
            assert {"Help", "Quit", "Review"} <= set(shown), (width, shown)
            assert ("palette" in shown) == (width == 120), (width, shown)  # room for it
            assert len(shown) == len(footer.query(FooterKey)), (width, shown)  # none cut off
            assert ("Log contact" in shown) == (width == 120), (width, shown)  # room used
            await press(app, pilot, "escape")


def test_a_widgets_drawing_cache_goes_with_it() -> None:
    """What ui/textual_fixes.py changes: working out a background's colours keeps no
    drawing cache alive (Textual's own lru_cache on the method kept 1,024 of them)."""
    import gc

    from textual._styles_cache import StylesCache
    from textual.color import Color

    from planner_tui.ui.textual_fixes import apply

    def alive() -> int:
        gc.collect()
        return sum(isinstance(cache, StylesCache) for cache in gc.get_objects())

    apply()
    before = alive()
    for n in range(50):
        StylesCache().get_inner_outer(Color(n, 0, 0), Color(0, n, 0))
    assert alive() == before


async def test_forms_opened_and_closed_leave_nothing_they_drew_behind(sqlite_db: Database) -> None:
    """Each widget's cache of drawn lines goes with the widget: Textual's own kept those of
    up to 1,024 closed widgets (ui/textual_fixes.py), which grew the app by 13 MiB over
    150 view switches and 100 forms."""
    import gc

    from textual._styles_cache import StylesCache

    def left_behind(app: object) -> int:
        gc.collect()
        drawing = {
            id(widget._styles_cache)
            for stack in app._screen_stacks.values()  # type: ignore[attr-defined]
            for screen in stack
            for widget in screen.walk_children(with_self=True)
        }
        return sum(
            isinstance(cache, StylesCache) and id(cache) not in drawing
            for cache in gc.get_objects()
        )

    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c", "escape")  # everything a first form starts, started
        before = left_behind(app)
        for _ in range(8):
            await press(app, pilot, "c")
            assert isinstance(app.screen, JournalForm)
            one_form = len(list(app.screen.walk_children(with_self=True)))
            await press(app, pilot, "escape")
        # A busy machine may not have let go of the last form or two yet (in a full run, once,
        # 45 caches were left after 4 cycles); Textual's own cache kept all 8 (about 270).
        assert left_behind(app) - before <= 2 * one_form, (before, left_behind(app), one_form)
