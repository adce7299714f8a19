"""At 80×24 (issue 16, what a new user found next): End in a long list shows the row it
went to; a refused form goes to the field its note is about; tables fit their width."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import DataTable, Select, TextArea

from planner_tui import clock
from planner_tui.db.engine import Database
from planner_tui.services import journal, people, review, steps
from planner_tui.ui.app import PlannerApp
from planner_tui.ui.forms.base import PeopleChips
from planner_tui.ui.forms.interaction import InteractionForm
from planner_tui.ui.forms.people import PersonForm
from planner_tui.ui.modals.confirm import Choice

from .test_app import laid_out, make_app, press, quiet, settle

NARROW = (80, 24)
LONG = "Benedict Alexander Fitzgerald-Worthington the Third"


def on_screen(app: PlannerApp) -> list[str]:
    """The lines the terminal shows now, as text."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


async def test_end_in_the_journal_shows_the_oldest_entry(sqlite_db: Database) -> None:
    today = clock.today()
    with sqlite_db.write() as s:
        for back in range(40):
            day = today - timedelta(days=back)
            journal.save_entry(session=s, data={"day": day, "body": f"entry of {day:%d %b}"})
    oldest = (today - timedelta(days=39)).strftime("%a %-d %b %Y")
    app = make_app(sqlite_db)
    async with app.run_test(size=NARROW) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "j")
        table = app.screen.query_one("#entries", DataTable)
        assert table.has_focus
        await press(app, pilot, "end")
        await pilot.pause(0.1)
        assert table.cursor_row == 39
        assert any(oldest in line for line in on_screen(app)), on_screen(app)
        await press(app, pilot, "home")
        await pilot.pause(0.1)
        newest = today.strftime("%a %-d %b %Y")
        shown = on_screen(app)
        assert any(newest in line for line in shown) and any("day" in line for line in shown), shown


async def test_a_refused_form_goes_to_the_field_its_note_is_about(sqlite_db: Database) -> None:
    app = make_app(sqlite_db)
    async with app.run_test(size=NARROW) as pilot:
        await settle(app, pilot)
        app.push_screen(PersonForm([]))
        await settle(app, pilot)
        await pilot.press(*"Ana")
        app.screen.query_one("#dates", TextArea).text = "[b]not a date at all"
        await settle(app, pilot)
        app.screen.query_one("#name").focus()
        await pilot.pause(0.1)
        await press(app, pilot, "ctrl+s")
        await pilot.pause(0.1)
        assert isinstance(app.screen, PersonForm)  # not saved
        assert app.focused is app.screen.query_one("#dates", TextArea)
        note = app.screen.query_one("#dates-problem")
        message = str(note.render())
        assert message
        shown = "\n".join(on_screen(app))
        assert message[:30] in " ".join(shown.split()), shown


def table_fits(table: DataTable[object]) -> bool:
    room = table.scrollable_content_region.width
    return sum(c.get_render_width(table) for c in table.ordered_columns) <= room


async def test_dates_this_week_fit_with_the_tiny_step_in_view(sqlite_db: Database) -> None:
    soon = clock.today() + timedelta(days=2)
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "[b]Anastasia Papadopoulou"})
        people.set_dates(session=s, person_id=ana.id, dates=[
            {"label": "the day we first moved into the flat on Elm Street",
             "month": soon.month, "day": soon.day},
        ])  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=NARROW) as pilot:
        await settle(app, pilot)
        dates = app.screen.query_one("#dates", DataTable)
        assert dates.display and table_fits(dates)
        [row] = [line for line in on_screen(app) if "[b]Anastasia" in line]
        assert row.count("[b]Anastasia") == 2 and "…" in row  # the date and its step, both


async def test_today_with_a_wrapped_line_and_a_date_settles(sqlite_db: Database) -> None:
    """Today one line too tall for 80x24 got a scroll bar, its dates table narrowed and
    lost its own, Today fitted and lost its bar, and round again for ever: the app never
    went idle (a long intention, or a long enough line of Today's own, with a date)."""
    soon = clock.today() + timedelta(days=2)
    intention = "say yes to one invitation from the neighbours down the road, and stay an hour"
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Anastasia Papadopoulou"})
        people.set_dates(session=s, person_id=ana.id, dates=[
            {"label": "the day we first moved into the flat", "month": soon.month,
             "day": soon.day}])  # fmt: skip
        review.save_month_notes(session=s, data={"month": "2026-10", "intentions": [intention]})
    app = make_app(sqlite_db)
    async with app.run_test(size=NARROW) as pilot:
        await settle(app, pilot)
        assert quiet(app) and laid_out(app.screen)  # settle gave up waiting, before
        assert table_fits(app.screen.query_one("#dates", DataTable))
        assert intention in " ".join(str(app.screen.query_one("#intentions").render()).split())


async def test_the_reviews_contacts_fit(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana Papadopoulou"})
        for hours in range(1, 30):  # more than the screen holds: a scroll bar takes room
            people.log_interaction(session=s, data={
                "occurred_at": clock.now() - timedelta(hours=hours), "person_ids": [ana.id],
                "channel": "text", "initiator": "mutual", "warmth": 4,
                "note": "a long talk about the new flat, her sister and the garden plans",
            })  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=NARROW) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "r")
        await press(app, pilot, "c")
        contacts = app.screen.query_one("#contacts", DataTable)
        assert table_fits(contacts)
        rows = [line for line in on_screen(app) if "Ana" in line and "4/5" in line]
        assert rows and all("a long" in row for row in rows)  # the note begins on screen


async def test_a_steps_words_share_the_room_with_a_long_name(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        ben = people.create_person(session=s, data={"name": LONG})
        steps.create_step(session=s, data={
            "person_id": ben.id, "action": "give him a ten-minute call about the move",
            "cue": "when I finish lunch on Friday", "due_at": clock.now() + timedelta(hours=1),
        })  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=NARROW) as pilot:
        await settle(app, pilot)
        for view in ("t", "p"):
            await press(app, pilot, view)
            table = app.screen.query_one("#due" if view == "t" else "#upcoming", DataTable)
            assert table_fits(table)
            who, step = table.ordered_columns[1], table.ordered_columns[-1]
            assert step.get_render_width(table) >= who.get_render_width(table) - 1, view


async def test_a_very_long_name_leaves_the_wizards_field_and_a_question_in_view(
    sqlite_db: Database,
) -> None:
    """A name of 330 characters at 70×20: the wizard's When field and what was read from
    it stay on screen (the line naming who filled six lines and pushed them off), and
    "done already?" on a step still to come shows its question."""
    name = "Ana 🌻 [/] " + "Longname" * 40
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": name})
        steps.create_step(session=s, data={"person_id": ana.id, "action": f"call {name}",
                                           "due_at": clock.now() + timedelta(days=2)})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=(70, 20)) as pilot:
        await settle(app, pilot)
        app.plan_step(ana.id)
        await settle(app, pilot)
        await press(app, pilot, "enter", *"tomorrow 7pm")
        shown = "\n".join(on_screen(app))
        assert "tomorrow 7pm" in shown and "19:00" in shown
        assert "With Ana 🌻 [/] Longname" in shown
        await press(app, pilot, "escape", "escape", "escape")
        await press(app, pilot, "p", "d")
        shown = "\n".join(on_screen(app))
        assert "Has it happened already?" in shown and "Not yet" in shown


async def test_a_step_answered_elsewhere_says_so_in_view_when_saved(sqlite_db: Database) -> None:
    """The step skipped from the command line while its Done form was open: ctrl+s says
    why nothing was saved where it can be seen (it was below the form's fold, and saving
    looked like doing nothing)."""
    with sqlite_db.write() as s:
        bo = people.create_person(session=s, data={"name": "Bo"})
        step = steps.create_step(session=s, data={"person_id": bo.id, "action": "call Bo",
                                                  "due_at": clock.now() - timedelta(hours=1)})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=NARROW) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "d")
        with sqlite_db.write() as s:
            steps.record_outcome(session=s, step_id=step.id, outcome={"status": "skipped"})
        await press(app, pilot, "ctrl+s")
        assert "This step already has an outcome: let go." in "\n".join(on_screen(app))


async def test_a_person_deleted_elsewhere_while_their_form_is_open_is_said_in_words(
    sqlite_db: Database,
) -> None:
    """Deleted in a second window while the first had their form open: saving said "No
    person with id 4." (a new user's trial); ids are never shown."""
    with sqlite_db.write() as s:
        dee = people.create_person(session=s, data={"name": "Dee"})
    app = make_app(sqlite_db)
    async with app.run_test(size=NARROW) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "m", "e")
        form = app.screen
        assert isinstance(form, PersonForm)
        with sqlite_db.write() as s:
            people.delete_person(session=s, person_id=dee.id)
        await press(app, pilot, *"x", "ctrl+s")
        shown = "\n".join(on_screen(app))
        assert app.screen is form and "That person is no longer in your planner" in shown, shown
        assert "id" not in shown.split()


async def test_the_map_filter_says_how_many_match_in_words(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        for name in ("[b]Ana", "Bea"):
            people.create_person(session=s, data={"name": name})
    app = make_app(sqlite_db)
    async with app.run_test(size=NARROW) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "m")
        status = app.screen.query_one("#people-status")
        assert str(status.render()).startswith("2 people · sorted by")
        said = {}
        for typed in ("zzz", "ana", "a"):
            await press(app, pilot, "slash", *typed)
            said[typed] = str(status.render())
            await press(app, pilot, "escape")
        assert said["zzz"].startswith("No match among 2 people · esc empties the filter")
        # …also once the list has the focus again (Enter in the filter, or a person added
        # or brought back meanwhile): Escape there did nothing.
        await press(app, pilot, "slash", *"zzz", "enter")
        assert app.focused is app.screen.query_one("#people-table")
        await press(app, pilot, "escape")
        assert str(status.render()).startswith("2 people · sorted by")
        assert app.focused is app.screen.query_one("#people-table")
        assert said["ana"].startswith("1 of 2 people matches ·")
        assert said["a"].startswith("2 people, all matching ·")
        assert not any(" 0 of " in line or "0 of 2" in line for line in said.values())


async def test_the_first_evening_says_how_to_add_someone_and_it_works(
    sqlite_db: Database,
) -> None:
    app = make_app(sqlite_db)
    async with app.run_test(size=NARROW) as pilot:
        await settle(app, pilot)
        said = " ".join(" ".join(on_screen(app)).split())
        assert "A quiet start" in said and "press m for the Map: it says how to add" in said
        # Nothing said of people who aren't there yet (a new user read "Everyone is within
        # the rhythm you hoped for" and "the person selected under …" over empty lists).
        keys = str(app.screen.query_one("#keys-note").render())  # further down
        assert "within the rhythm" not in said and "person selected" not in keys
        # Nor the keys for a step, with none (nu253).
        assert keys == "s: plan a small step", keys
        await press(app, pilot, "m")
        said = " ".join(" ".join(on_screen(app)).split())
        # Both, and in the order that saves going back: parts of life first (nu191).
        assert "Press n to add someone" in said and "Contexts tab (3), where n adds one" in said
        await press(app, pilot, "n")
        assert isinstance(app.screen, PersonForm)


async def test_the_gaps_say_only_what_is_true_of_what_is_there(sqlite_db: Database) -> None:
    """An empty map's gaps say nothing of people or parts of life; a part of life added
    today, with no contact yet, is not said to have "saw some contact this month" (a new
    user read that over their new Neighbourhood): it hasn't gone quiet, being new."""
    app = make_app(sqlite_db)
    async with app.run_test(size=NARROW) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "m", "4")
        notes = [str(app.screen.query_one(f"#{n}-empty").render()) for n in ("drifting", "quiet")]
        assert notes == ["", ""]
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Ana"})
    app = make_app(sqlite_db)
    async with app.run_test(size=NARROW) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "m", "4")
        # Someone, but no part of life: the heading stood over nothing (nu253); the note
        # at the top says where they are added.
        shown = " ".join(" ".join(on_screen(app)).split())
        assert "Parts of life without contact" not in shown
        assert "No contexts yet. Contexts are the parts of life people belong to" in shown
    with sqlite_db.write() as s:
        people.create_context(session=s, data={"name": "Neighbourhood"})
    app = make_app(sqlite_db)
    async with app.run_test(size=NARROW) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "m", "4")
        assert str(app.screen.query_one("#quiet-empty").render()) == (
            "No part of life has gone quiet: each saw contact in the last 30 days, or was "
            "added since."
        )
        assert "No one — everyone is within" in str(
            app.screen.query_one("#drifting-empty").render()
        )
        # Nothing logged yet is not "0 of your 1 context", a score on a first evening (nu171)
        breadth = " ".join(str(app.screen.query_one("#breadth").render()).split())
        assert breadth.startswith("No part of life saw contact in the last 14 days yet: this")


async def test_the_map_keys_do_what_the_readme_says(sqlite_db: Database) -> None:
    """`l` starts with the selected person; `x` asks, Enter keeps them, Tab then Enter
    deletes; archiving (`a`) leaves their planned steps on Today."""
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "[b]Ana"})
        bo = people.create_person(session=s, data={"name": "Bo"})
        steps.create_step(session=s, data={"person_id": bo.id, "action": "send Bo a postcard",
                                           "due_at": clock.now() + timedelta(hours=1)})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=NARROW) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "m")
        table = app.screen.query_one("#people-table", DataTable)
        assert table.has_focus and table.cursor_row == 0  # [b]Ana, first by name
        await press(app, pilot, "l")
        assert isinstance(app.screen, InteractionForm)
        assert app.screen.query_one(PeopleChips).chosen == [ana.id]
        await press(app, pilot, "escape")
        await press(app, pilot, "x")
        assert isinstance(app.screen, Choice)
        await press(app, pilot, "enter")  # Keep
        with sqlite_db.session() as s:
            assert len(people.list_people(session=s)) == 2
        await press(app, pilot, "x", "tab", "enter")  # Delete
        with sqlite_db.session() as s:
            assert [p.name for p in people.list_people(session=s)] == ["Bo"]
        await press(app, pilot, "a")  # Bo archived…
        with sqlite_db.session() as s:
            assert people.list_people(session=s) == []
        await press(app, pilot, "t")  # …and the step planned with him is still there
        assert "send Bo a postcard" in " ".join(on_screen(app))
        keys = str(app.screen.query_one("#keys-note").render())  # with its keys (nu253)
        assert keys.startswith("s: plan a small step · d done · l not now"), keys


async def test_choices_side_by_side_stay_one_line_each_and_whole(sqlite_db: Database) -> None:
    """The Done form's choices side by side each keep to one line at 80 columns (two
    wrapped, and the row grew to four lines), and show whole: three in a row were cut to
    "how warm (opt…" and "I reached out,…", so who reached out has a line of its own."""
    with sqlite_db.write() as s:
        cy = people.create_person(session=s, data={"name": "Cy"}).id
        steps.create_step(session=s, data={
            "person_id": cy, "action": "text about the walk", "due_at": clock.now()})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=NARROW) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "p", "d")
        row = [select for select in app.screen.query(Select) if "row" in select.parent.classes]
        assert [select.id for select in row] == ["warmth", "channel"]
        assert [select.outer_size.height for select in row] == [3, 3]
        shown = on_screen(app)
        assert any("How warm it was, and how you were in touch" in line for line in shown)
        assert any("how warm " in line and "text / message " in line for line in shown), shown
        assert not any("…" in line for line in shown), "\n".join(shown)
        responded = app.screen.query_one("#responded", Select)
        responded.focus(scroll_visible=False)
        responded.scroll_visible(animate=False)
        await settle(app, pilot)
        assert any("I reached out, as planned" in line for line in on_screen(app))
        await press(app, pilot, "space")
        shown = on_screen(app)  # the list it opens: every word
        assert any("they got in touch first" in line for line in shown), shown


@pytest.mark.parametrize("size", [(120, 40), NARROW])
async def test_three_long_answers_are_each_shown_whole(
    sqlite_db: Database, size: tuple[int, int]
) -> None:
    """A question with three long answers ("Is this the same person?" on adding someone
    whose name is on the map) shows every word of every answer: in one row the last was
    cut, "Keep e…", at 120 columns too."""
    answers = [("same", "Yes — add this to Margaret Okafor"), ("other", "No — someone else"),
               ("edit", "Keep editing the name")]  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        app.push_screen(Choice("Same person?", "Margaret Okafor is on your map.", answers))
        await settle(app, pilot)
        shown = set(" ".join(on_screen(app)).split())  # a long answer may wrap in its button
        for _, words in answers:
            assert set(words.split()) <= shown, (words, shown)


async def test_saving_an_empty_wizard_shows_its_note_at_80x24(sqlite_db: Database) -> None:
    """ctrl+s on the wizard's first page said "Choose who the step is with." below a long
    list of people, out of sight: nothing seemed to happen."""
    with sqlite_db.write() as s:
        for n in range(30):
            people.create_person(session=s, data={"name": f"Person {n}"})
    app = make_app(sqlite_db)
    async with app.run_test(size=NARROW) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "s", "ctrl+s")
        assert any("Choose who the step is with." in line for line in on_screen(app))


async def test_a_persons_page_with_nothing_logged_says_so_whole_at_60_columns(
    sqlite_db: Database,
) -> None:
    """ "Nothing logged together yet, so there is no picture to draw." was cut at the
    window's edge below 80 columns ("…picture to"), as the picture it stands for is."""
    with sqlite_db.write() as s:
        people.create_person(session=s, data={"name": "Ana"})
    app = make_app(sqlite_db)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "m", "enter")
        app.screen.query_one("#balance").scroll_visible(animate=False, immediate=True)
        await settle(app, pilot)
        shown = " ".join(" ".join(on_screen(app)).split())
        assert "Nothing logged together yet, so there is no picture to draw." in shown


async def test_a_long_repeat_gives_way_beside_the_steps_words_at_80_columns(
    sqlite_db: Database,
) -> None:
    """A repeat read back at length ("every month, 3 times in all (custom rule)") kept its
    whole width at 80 columns, and the steps' words were cut to nothing: two rows looked
    the same."""
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana Silva"}).id
        for action, rule in (("coffee with Ana at the market", "FREQ=MONTHLY;BYDAY=1MO;COUNT=3"),
                             ("send Ana a short message", None)):  # fmt: skip
            steps.create_step(session=s, data={
                "person_id": ana, "action": action, "rrule": rule,
                "due_at": clock.now() + timedelta(days=14)})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=NARROW) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "p")
        shown = "\n".join(on_screen(app))
        assert "coffee with" in shown and "send Ana a" in shown, shown


async def test_a_steps_own_words_come_before_its_cue_on_today(sqlite_db: Database) -> None:
    """'share a song, photo or article with Zoë', with the cue 'after I get home from the
    long shift at work and have eaten': at 80 columns Today showed the cue cut and 'share a
    song…'; at 120 '…article with…' with 16 columns empty beside it. The cue gives way
    first, and the step's words take the room there is."""
    step = "share a song, photo or article with Zoë"
    cue = "after I get home from the long shift at work and have eaten"
    with sqlite_db.write() as s:
        zoe = people.create_person(session=s, data={"name": "Zoë"})
        steps.create_step(session=s, data={
            "person_id": zoe.id, "action": step, "cue": cue,
            "due_at": clock.now() + timedelta(hours=1),
        })  # fmt: skip
    for width, height in (NARROW, (100, 30), (120, 40)):
        app = make_app(sqlite_db)
        async with app.run_test(size=(width, height)) as pilot:
            await settle(app, pilot)
            table = app.screen.query_one("#due", DataTable)
            assert table_fits(table)
            shown = on_screen(app)
            rows = [line.rstrip() for line in shown if "Zoë  " in line]
            assert len(rows) == 1, shown
            row = rows[0]
            assert row.endswith(f": {step}"), (width, row)
            # Cut, the cue fills the room to the table's edge: none is left empty.
            edge = table.content_region.right
            whole = "After I get home from the long shift" in row
            assert whole or len(row) >= edge - 1, (width, edge, row)


async def test_a_long_intention_on_today_hangs_under_its_first_words(
    sqlite_db: Database,
) -> None:
    """At 100 and 120 columns a long intention's second line began at the left margin,
    under its bullet; the Review lines such lines up under the words after it."""
    intention = (
        "say yes to one invitation from the neighbours down the road, and stay an hour even "
        "when I'd rather be at home with a book and a pot of tea"
    )
    with sqlite_db.write() as s:
        review.save_month_notes(session=s, data={"month": "2026-10", "intentions": [intention]})
    for size in ((100, 30), (120, 40)):
        app = make_app(sqlite_db)
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            shown = on_screen(app)
            [first] = [n for n, line in enumerate(shown) if "• say yes" in line]
            words_at = shown[first].index("say yes")
            follows = shown[first + 1]
            assert follows[:words_at].strip() == "" and follows[words_at] != " ", (size, shown)
            wrapped = " ".join(line.strip(" •") for line in shown[first : first + 3])
            assert intention in " ".join(wrapped.split()), shown
