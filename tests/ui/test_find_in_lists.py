"""Typing in a tick list finds a line by name (the person form's contexts, the check-in's
parts of life): letters typed there used to vanish without a sign."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.events import Paste
from textual.widgets import Checkbox, Input, Select, SelectionList, Static, TextArea
from textual.widgets._select import SelectOverlay

from planner_tui import clock
from planner_tui.db.engine import Database
from planner_tui.services import people
from planner_tui.ui.app import PlannerApp
from planner_tui.ui.forms.base import PeopleChips
from planner_tui.ui.forms.interaction import InteractionForm
from planner_tui.ui.forms.journal import JournalForm
from planner_tui.ui.forms.people import PersonForm
from planner_tui.ui.widgets import ticks

from .test_app import make_app, press, screen_text, settle
from .test_map import everyone, open_map
from .test_typeahead import burst

CONTEXTS = ("Work", "Choir", "Climbing club", "Café Nord", "[b]Book group")


def highlighted(picker: SelectionList[int]) -> str:
    assert picker.highlighted is not None
    return picker.get_option_at_index(picker.highlighted).prompt.plain  # type: ignore[union-attr]


def labels(form: object) -> list[str]:
    return [str(w.render()) for w in form.query(".field-label") if isinstance(w, Static)]  # type: ignore[attr-defined]


def app_with_contexts(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> tuple[PlannerApp, list[int]]:
    """The :data:`CONTEXTS` on the map, and an app whose bell rings into the list given."""
    with db.write() as s:
        for name in CONTEXTS:
            people.create_context(session=s, data={"name": name})
    app = make_app(db)
    rung: list[int] = []
    monkeypatch.setattr(app, "bell", lambda: rung.append(1))
    return app, rung


def app_with_ana(db: Database, monkeypatch: pytest.MonkeyPatch) -> tuple[PlannerApp, list[int]]:
    """Ana on the map, and an app whose bell rings into the list given."""
    with db.write() as s:
        people.create_person(session=s, data={"name": "Ana"})
    app = make_app(db)
    rung: list[int] = []
    monkeypatch.setattr(app, "bell", lambda: rung.append(1))
    return app, rung


async def log_form(app: PlannerApp, pilot: object) -> InteractionForm:
    """The Map's form to log a contact (with Ana, the cursor's), open."""
    await open_map(app, pilot)
    await press(app, pilot, "l")
    assert isinstance(app.screen, InteractionForm)
    return app.screen


async def person_form(app: PlannerApp, pilot: object) -> PersonForm:
    """The Map's form for someone new, Ana, open."""
    await open_map(app, pilot)
    await press(app, pilot, "n", *"Ana")
    assert isinstance(app.screen, PersonForm)
    return app.screen


async def test_typing_a_name_in_the_contexts_list_finds_it(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ticks, "FIND_PAUSE", 3600)  # every letter spells on: no clock in it
    app, rung = app_with_contexts(sqlite_db, monkeypatch)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        form = await person_form(app, pilot)
        assert "Contexts (type a name to find it, space to tick)" in labels(form)
        picker: SelectionList[int] = form.query_one("#contexts", SelectionList)
        picker.focus()
        order = [picker.get_option_at_index(i).prompt.plain for i in range(len(CONTEXTS))]  # type: ignore[union-attr]
        assert order == ["[b]Book group", "Café Nord", "Choir", "Climbing club", "Work"]
        await press(app, pilot, "w")
        assert highlighted(picker) == "Work"
        await press(app, pilot, "c")  # spelling on: no name starts "wc"
        notes = form.query_one("#notes", TextArea)
        assert notes.text == "wc" and app.focused is notes  # words, as on a drop-down
        assert rung == [] and highlighted(picker) == "[b]Book group"  # as before "wc"
        picker.focus()
        monkeypatch.setattr(ticks, "FIND_PAUSE", 0)  # now each letter starts anew
        await press(app, pilot, "c")
        assert highlighted(picker) == "Café Nord"  # from the line after
        await press(app, pilot, "c")
        assert highlighted(picker) == "Choir"
        monkeypatch.setattr(ticks, "FIND_PAUSE", 3600)
        await press(app, pilot, "c")  # the same letter again: the next line it starts
        assert highlighted(picker) == "Climbing club"
        await press(app, pilot, "c")
        assert highlighted(picker) == "Café Nord"  # …round the list again
        await press(app, pilot, "h")
        assert highlighted(picker) == "Choir"  # "ch"
        monkeypatch.setattr(ticks, "FIND_PAUSE", 0)
        await press(app, pilot, "c")
        monkeypatch.setattr(ticks, "FIND_PAUSE", 3600)
        await press(app, pilot, *"afe")
        assert highlighted(picker) == "Café Nord"  # as names are matched: no accent needed
        monkeypatch.setattr(ticks, "FIND_PAUSE", 0)
        await press(app, pilot, "b")
        assert highlighted(picker) == "[b]Book group"  # a markup-like name is text
        await press(app, pilot, "space")
        monkeypatch.setattr(ticks, "FIND_PAUSE", 3600)
        await press(app, pilot, "z")
        assert notes.text == "wc z" and highlighted(picker) == "[b]Book group"
        await press(app, pilot, "ctrl+s")
        assert not isinstance(app.screen, PersonForm)
    [ana] = everyone(sqlite_db)
    assert ana.contexts == ["[b]Book group"]  # the letters ticked nothing themselves
    assert ana.notes == "wc z" and rung == []


@pytest.mark.parametrize(
    ("typed", "found"),
    [("ch", "[bold]Choir[/]"), ("club", "Climbing club"), ("vid", "call / video"),
     ("5", "5/5 · very warm"), ("wo", "Work (old)"), ("old", "Work (old)")],
)  # fmt: skip
def test_a_line_is_found_by_the_start_of_any_of_its_words(
    monkeypatch: pytest.MonkeyPatch, typed: str, found: str
) -> None:
    """ "ch" ticked Climbing club, never "[bold]Choir[/]": a bracket parts words, as in
    names everywhere, and a number is a line's start alone."""
    monkeypatch.setattr(ticks, "FIND_PAUSE", 3600)
    lines = ["Climbing club", "[bold]Choir[/]", "call / video", "4/5", "5/5 · very warm",
             "Work (old)"]  # fmt: skip
    finder, at = ticks.Finder(), 0
    for letter in typed:
        at = finder.find(letter, lines, at)
    assert at is not None and lines[at] == found


async def test_a_space_ends_the_name_being_spelled(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "wo", space, "ch", space, typed quickly: the second name was spelled on from the
    first ("woch": nothing), and the second space took Work's tick off again. Enter then
    goes on to the next box (it took Choir's tick off, nu191)."""
    monkeypatch.setattr(ticks, "FIND_PAUSE", 3600)  # typed as fast as can be
    with sqlite_db.write() as s:
        for name in CONTEXTS:
            people.create_context(session=s, data={"name": name})
    app = make_app(sqlite_db)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "n", *"Ana")
        form = app.screen
        assert isinstance(form, PersonForm)
        picker = form.query_one("#contexts", SelectionList)
        picker.focus()
        await press(app, pilot, *"wo", "space", *"ch", "space", "enter")
        assert not picker.has_focus and app.screen is form
        await press(app, pilot, "ctrl+s")
        assert not isinstance(app.screen, PersonForm)
    [ana] = everyone(sqlite_db)
    assert sorted(ana.contexts) == ["Choir", "Work"]


async def test_a_space_after_a_name_that_finds_nothing_ticks_nothing(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "nord" found Café Nord; then "qqq", which finds nothing, and space: Café Nord's
    tick came off (a mistyped name changed another line). Letters that find nothing go on
    in the form's words (nu170: words after a burst of Tabs vanished), the space after
    them too; back in the list, a space ticks the line in sight."""
    app, rung = app_with_contexts(sqlite_db, monkeypatch)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        form = await person_form(app, pilot)
        picker: SelectionList[int] = form.query_one("#contexts", SelectionList)
        picker.focus()
        monkeypatch.setattr(ticks, "FIND_PAUSE", 3600)
        await press(app, pilot, *"nord", "space")
        assert highlighted(picker) == "Café Nord" and len(picker.selected) == 1
        monkeypatch.setattr(ticks, "FIND_PAUSE", 0)  # a new name, found nowhere
        await press(app, pilot, *"qqq", "space")
        notes = form.query_one("#notes", TextArea)
        assert notes.text == "qqq " and app.focused is notes and rung == []
        assert len(picker.selected) == 1 and highlighted(picker) == "Café Nord"
        picker.focus()
        await press(app, pilot, "down", "space")  # a space ticks again
        assert highlighted(picker) == "Choir" and len(picker.selected) == 2


async def test_with_no_contexts_yet_the_forms_say_where_to_add_them(sqlite_db: Database) -> None:
    """...and Tab doesn't stop on an empty list (nu261: a box with nothing in it)."""
    app = make_app(sqlite_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "n")
        assert isinstance(app.screen, PersonForm)
        said = labels(app.screen)
        assert (
            "Contexts: none yet (add them on the Map's Contexts tab with n, then tick them here)"
            in said
        )
        assert app.screen.query_one("#contexts") not in app.screen.focus_chain
        await press(app, pilot, "escape")
        await press(app, pilot, "t", "c")
        assert isinstance(app.screen, JournalForm)
        said = labels(app.screen)
        assert (
            "Parts of life it was about: none yet (add them on the Map's Contexts tab with n)"
            in said
        )
        assert app.screen.query_one("#contexts") not in app.screen.focus_chain


async def test_more_letters_look_from_the_line_the_name_began_on(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`ch` space on *Choir*, the line highlighted, ticked *St Marys Church*: the `c` went on
    to the next line with a word that starts so, and the `h` stayed there (nu212). A first
    letter still goes on to the next line (typed again, round them all); more letters look
    from the line the name began on, itself included."""
    monkeypatch.setattr(ticks, "FIND_PAUSE", 3600)
    with sqlite_db.write() as s:
        for name in ("Choir", "St Marys Church", "Work"):
            people.create_context(session=s, data={"name": name})
    app = make_app(sqlite_db)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        form = await person_form(app, pilot)
        picker: SelectionList[int] = form.query_one("#contexts", SelectionList)
        picker.focus()
        await pilot.pause()
        assert highlighted(picker) == "Choir"
        await press(app, pilot, *"ch", "space")
        assert highlighted(picker) == "Choir" and picker.selected == [
            picker.get_option_at_index(0).value
        ]
        await press(app, pilot, *"ch")  # from Choir again: the first to begin so
        assert highlighted(picker) == "Choir"
        monkeypatch.setattr(ticks, "FIND_PAUSE", 0)
        await press(app, pilot, "c")  # a letter alone: the next line
        assert highlighted(picker) == "St Marys Church"


async def test_close_typed_on_how_close_chooses_the_inner_circle(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "close" typed on *How close* matched no circle: it went on in the notes, the circle
    stayed middle, and the keys after it landed in the boxes below (nu213). Each circle
    says what it is, and "close" finds *inner · closest*."""
    monkeypatch.setattr(ticks, "FIND_PAUSE", 3600)
    app, rung = app_with_contexts(sqlite_db, monkeypatch)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        form = await person_form(app, pilot)
        circle = form.query_one("#circle", Select)
        circle.focus()
        await press(app, pilot, *"close")
        assert circle.value == "inner" and app.focused is circle
        assert form.query_one("#notes", TextArea).text == "" and rung == []
        monkeypatch.setattr(ticks, "FIND_PAUSE", 0)
        await press(app, pilot, "f")
        assert circle.value == "outer"  # further out


async def test_enter_on_a_closed_drop_down_goes_on_to_the_next_box(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As from every other box. Enter opened the list: a person pressing it to move on from
    *How close* typed their rhythm into that list, which found no line, so the words went on
    into *Notes*, and they were saved with no rhythm (nu221)."""
    app, rung = app_with_contexts(sqlite_db, monkeypatch)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        form = await person_form(app, pilot)
        circle = form.query_one("#circle", Select)
        await press(app, pilot, "tab", "tab")
        assert app.focused is circle
        await press(app, pilot, "enter", *"weekly")
        assert not circle.expanded and circle.value == "middle"
        assert form.query_one("#cadence", Input).value == "weekly"
        assert form.query_one("#notes", TextArea).text == "" and rung == []
        circle.focus()
        await press(app, pilot, "space")  # the list opens with a space (or ↓ or ↑)
        assert circle.expanded


async def test_arrows_held_on_an_open_drop_down_stop_at_its_ends(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """↓ held on *How close* went round: 1 gave outer, 3 middle, 4 outer again (nu237).
    Lists stop at their first and last line, as questions do."""
    app, _rung = app_with_contexts(sqlite_db, monkeypatch)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        form = await person_form(app, pilot)
        circle = form.query_one("#circle", Select)
        circle.focus()
        await press(app, pilot, "space", *["down"] * 10, "enter")
        assert circle.value == "outer" and not circle.expanded
        await press(app, pilot, "shift+tab")
        circle.focus()
        await press(app, pilot, "space", *["up"] * 10, "enter")
        assert circle.value == "inner"


async def test_a_space_or_words_after_a_digit_on_a_drop_down_are_words(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a burst, `4 felt ok` on *how warm* moved on to the tick after it, and the space
    ticked *I listened* (nu215); `9ok`, a digit that is no line, put "9ok" in the note.
    The space after a digit that moved on ticks nothing, and a digit that finds nothing
    rings and is not the start of the words; so for the check-in's last score."""
    app, rung = app_with_ana(sqlite_db, monkeypatch)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        form = await log_form(app, pilot)
        warmth = form.query_one("#warmth", Select)
        note = form.query_one("#note", TextArea)
        for keys, said in ((["4", "space", *"felt ok"], "felt ok"),
                           (["space", "3", "space", *"fine"], "felt ok fine"),
                           (["9", *"ok"], "felt ok fine ok")):  # fmt: skip
            warmth.focus()
            await pilot.pause()
            burst(app, *keys)
            await settle(app, pilot)
            assert note.text == said and app.focused is note
        assert warmth.value == 3 and rung == [1]
        assert not any(form.query_one(f"#{tick}", Checkbox).value
                       for tick in ("gave_emotional", "gave_practical"))  # fmt: skip
        await press(app, pilot, "ctrl+s")
        assert not isinstance(app.screen, InteractionForm)
        await press(app, pilot, "escape", "t", "c")
        checkin = app.screen
        assert isinstance(checkin, JournalForm)
        burst(app, *"43215", "space", *"felt ok")
        await settle(app, pilot)
        assert checkin.query_one("#warmth_note", Input).value == "felt ok"


async def test_a_space_after_a_pause_past_a_digit_ticks(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`4`, a pause, then a space on *I listened* did nothing, even after 2.5 s, and a
    contact was saved with the wrong ticks (nu249): only a space typed on with the digit
    is the words'. (Here the run of words ends at once.)"""
    from planner_tui.ui.widgets import ticks

    monkeypatch.setattr(ticks, "WORDS_RUN_ON", 0.0, raising=False)
    app, _ = app_with_ana(sqlite_db, monkeypatch)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        form = await log_form(app, pilot)
        form.query_one("#warmth", Select).focus()
        await press(app, pilot, "4")
        listened = form.query_one("#gave_emotional", Checkbox)
        assert app.focused is listened
        await press(app, pilot, "space")
        assert listened.value and form.query_one("#note", TextArea).text == ""


async def test_typing_in_a_closed_drop_down_chooses_and_a_digit_moves_on(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A warmth typed as a digit on the log form's closed drop-down used to vanish: the
    contact was saved with no warmth and no word said. Now a digit chooses the line it
    starts and moves on, as the check-in's scales do; letters find a line by its words."""
    monkeypatch.setattr(ticks, "FIND_PAUSE", 3600)
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        people.create_context(session=s, data={"name": "[b]Choir"})
    app = make_app(sqlite_db)
    rung: list[int] = []
    monkeypatch.setattr(app, "bell", lambda: rung.append(1))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "l")
        form = app.screen
        assert isinstance(form, InteractionForm)
        await press(app, pilot, *"Ana", "enter")
        warmth = form.query_one("#warmth", Select)
        for digit in (5, 1, 3, 5, 2, 4):  # each its own line: '5' was '2/5', the '/5' of it
            warmth.focus()
            await press(app, pilot, str(digit))
            assert warmth.value == digit and f"{digit}/5" in screen_text(app)
            assert app.focused is not warmth  # moved on: the next key is not lost to it
        channel = form.query_one("#channel", Select)
        channel.focus()
        await press(app, pilot, "c")
        assert channel.value == "call" and app.focused is channel  # letters stay to spell on
        await press(app, pilot, "9")
        assert rung == [1] and channel.value == "call"  # nothing starts so: a bell, kept
        monkeypatch.setattr(ticks, "FIND_PAUSE", 0)
        await press(app, pilot, "p")  # any word of a line: "in person"
        assert channel.value == "in_person"
        await press(app, pilot, "m")  # "text / message"
        monkeypatch.setattr(ticks, "FIND_PAUSE", 3600)
        await press(app, pilot, *"es")  # spelled on: still it
        assert channel.value == "text"
        context = form.query_one("#context", Select)
        context.focus()
        await press(app, pilot, "c")
        assert context.value != Select.BLANK  # "[b]Choir" found by its words, as text
        await press(app, pilot, "ctrl+s")
        assert not isinstance(app.screen, InteractionForm)
    with sqlite_db.session() as s:
        [contact] = people.list_interactions(session=s, person_id=ana)
    assert (contact.warmth, contact.channel) == (4, "text")


async def test_typing_in_an_open_drop_down_finds_as_a_closed_one_does(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Enter opens a drop-down's list, and words typed into the open list vanished in
    Textual's own search (nu209). The open list takes letters as the closed one does:
    letters that find a line move the highlight there (Enter chooses it), a digit chooses
    its line and moves on, and letters that find nothing close the list and go on in the
    form's words, the choice as it was."""
    monkeypatch.setattr(ticks, "FIND_PAUSE", 3600)
    app, _ = app_with_ana(sqlite_db, monkeypatch)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        form = await log_form(app, pilot)
        channel = form.query_one("#channel", Select)
        note = form.query_one("#note", TextArea)
        before = channel.value
        channel.focus()
        await press(app, pilot, "space")
        assert channel.expanded
        await press(app, pilot, *"lovely chat [b]x[/]")
        assert note.text == "lovely chat [b]x[/]" and app.focused is note
        assert not channel.expanded and channel.value == before
        channel.focus()
        await press(app, pilot, "space", *"vid")
        assert channel.expanded and channel.value == before  # only highlighted so far
        overlay = channel.query_one(SelectOverlay)
        assert overlay.highlighted is not None
        assert str(overlay.get_option_at_index(overlay.highlighted).prompt) == "call / video"
        await press(app, pilot, "enter")
        assert channel.value == "call" and not channel.expanded
        warmth = form.query_one("#warmth", Select)
        warmth.focus()
        await press(app, pilot, "down", "4", *"so kind")
        # on to the box after it, not the form's first from the hidden list (nu212: the
        # words typed next went into *With whom*, out of sight)
        assert warmth.value == 4 and not warmth.expanded
        assert app.focused is note and note.text == "lovely chat [b]x[/] so kind"
        assert form.query_one(PeopleChips).query_one(Input).value == ""


async def test_words_typed_or_pasted_where_no_box_takes_them_go_on_in_the_forms_words(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Words typed on a tick box (nu153: "Lovely chat…" on "They listened to me"), or a
    page pasted on the contexts list, vanished without a sign. They go on in the form's
    box for words, which takes the cursor; `q` and `?` are words there, not keys."""
    app, rung = app_with_contexts(sqlite_db, monkeypatch)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        form = await person_form(app, pilot)
        form.query_one("#notes", TextArea).text = "Met at choir."
        picker = form.query_one("#contexts", SelectionList)
        picker.focus()
        await pilot.pause()
        pasted = "She said [bold]yes[/] to tea.\nAsk about her garden." * 400
        picker.post_message(Paste(pasted))
        await pilot.pause()
        notes = form.query_one("#notes", TextArea)
        assert notes.text == "Met at choir. " + pasted and app.focused is notes  # apart
        await press(app, pilot, "escape")
        await press(app, pilot, "l")  # log a contact with Ana (the Map's cursor is on her)
        contact = app.screen
        assert isinstance(contact, InteractionForm)
        tick = contact.query_one("#got_emotional", Checkbox)
        tick.focus()
        await press(app, pilot, *"Lovely chat, q?", "space")
        note = contact.query_one("#note", TextArea)
        assert note.text == "Lovely chat, q? " and app.focused is note
        assert isinstance(app.screen, InteractionForm) and not tick.value
        tick.focus()
        await press(app, pilot, "space")  # space still ticks
        assert tick.value and rung == []
        await press(app, pilot, "4")  # a digit is a warmth gone astray, not words (nu157)
        assert rung == [1] and note.text == "Lovely chat, q? " and app.focused is tick
        # On a closed drop-down, letters that begin no choice are words too, the choice
        # as it was (nu160: "hello there" chose *outer* by its "o", and the space opened
        # the list); "it" began *in person*, then nothing. A space goes on with the words:
        # "in" began *in person*, and the space opened the list, which took "the park"
        # (nu209).
        monkeypatch.setattr(ticks, "FIND_PAUSE", 3600)
        channel = contact.query_one("#channel", Select)
        for typed, said in (("hello there", "hello there"), ("it was", "hello there it was"),
                            ("in the park", "hello there it was in the park")):  # fmt: skip
            before = channel.value
            channel.focus()
            await press(app, pilot, *typed)
            assert note.text == f"Lovely chat, q? {said}" and app.focused is note
            assert channel.value == before and not channel.expanded
        # The word the command line takes for a choice finds it too (nu167: "them" on *who
        # reached out* went into the note, the choice left on "both")
        initiator = contact.query_one("#initiator", Select)
        for typed, chosen in (("them", "them"), ("me", "me"), ("mutual", "mutual")):
            initiator.focus()  # from the note: a new word (the box forgets one as it is left)
            await press(app, pilot, *typed)
            assert initiator.value == chosen and app.focused is initiator
            note.focus()
        assert note.text == "Lovely chat, q? hello there it was in the park"


async def test_a_name_is_suggested_only_when_the_typing_begins_one(sqlite_db: Database) -> None:
    """ "ana" showed "Ana Costa" greyed in the box, and Enter — which takes what is
    suggested — said "ana" could be Ana Costa or Ana Silva (nu155). A name is suggested
    once the typing begins one person's alone — their name, when their nickname begins
    alike (nu189: "bart" suggested nothing for Bartholomew, called Barty)."""
    with sqlite_db.write() as s:
        ids = {n: people.create_person(session=s, data={"name": n, "nickname": nick}).id
               for n, nick in (("Ana Costa", ""), ("Ana Silva", ""), ("Bo", ""),
                               ("Bartholomew Reed", "Barty"), ("Margaret Hill", "Mimi"))}  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_map(app, pilot)
        await press(app, pilot, "l")
        contact = app.screen
        assert isinstance(contact, InteractionForm)
        who = contact.query_one("#who", Input)
        who.focus()
        await press(app, pilot, *"ana")
        assert who._suggestion == ""  # two begin so: neither is offered
        await press(app, pilot, *" s")
        assert who._suggestion == "Ana Silva"
        await press(app, pilot, "enter")
        assert ids["Ana Silva"] in contact.query_one(PeopleChips).chosen
        await press(app, pilot, *"bart")
        assert who._suggestion == "Bartholomew Reed"
        await press(app, pilot, "enter", *"mi")
        assert who._suggestion == "Mimi"  # a nickname begun alone
        await press(app, pilot, "enter")
        chosen = contact.query_one(PeopleChips).chosen
        assert ids["Bartholomew Reed"] in chosen and ids["Margaret Hill"] in chosen


async def test_words_typed_on_a_check_ins_parts_of_life_are_kept(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A burst of Tabs one too many left the cursor on the check-in's parts of life, and
    "choir dinner was nice" ticked Choir and lost the rest (nu170): letters that find no
    part of life go on in the entry's words, under *Anything else*."""
    monkeypatch.setattr(ticks, "FIND_PAUSE", 3600)  # typed as fast as can be
    app, rung = app_with_contexts(sqlite_db, monkeypatch)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await press(app, pilot, "c")
        form = app.screen
        assert isinstance(form, JournalForm)
        form.query_one("#contexts", SelectionList).focus()
        await press(app, pilot, *"choir dinner was nice")
        words = form.query_one("#body", TextArea)
        assert words.text == "dinner was nice" and app.focused is words and rung == []
        assert form.query_one("#warmth_note", Input).value == ""
        assert [str(o.prompt) for o in form.query_one("#contexts", SelectionList).options
                if o.value in form.query_one("#contexts", SelectionList).selected] == ["Choir"]  # fmt: skip


async def test_on_a_form_with_no_note_letters_that_find_nothing_change_no_choice(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "hello" on *how* in a step's form, which has no box for words: "h" rang, and then
    "l" chose *letter / other* (nu177). The bell rings for each letter, the choice stays."""
    from planner_tui.services import steps
    from planner_tui.ui.forms.step import StepForm

    monkeypatch.setattr(ticks, "FIND_PAUSE", 3600)  # typed as fast as can be
    app, rung = app_with_contexts(sqlite_db, monkeypatch)
    with sqlite_db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        steps.create_step(session=s, data={"person_id": ana, "action": "call Ana",
                                           "due_at": clock.now() + timedelta(hours=1)})  # fmt: skip
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await press(app, pilot, "p", "e")
        form = app.screen
        assert isinstance(form, StepForm)
        how = form.query_one("#channel", Select)
        before = how.value
        how.focus()
        await press(app, pilot, *"hello")
        assert how.value == before and len(rung) == 5
