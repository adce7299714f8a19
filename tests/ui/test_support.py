"""Help and support from every view: the person's own trusted contacts first (editable,
kept), then emergency and public lines."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from planner_tui.db.engine import Database
from planner_tui.services import support
from planner_tui.ui.forms.support import TrustedForm
from planner_tui.ui.modals.confirm import Choice
from planner_tui.ui.modals.notice import HelpScreen

from .test_app import HOSTILE, SIZE, make_app, press, screen_text


@pytest.mark.parametrize("view", ["t", "m", "p", "j", "r"])
async def test_help_and_support_open_from_every_view(sqlite_db: Database, view: str) -> None:
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, view, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = screen_text(app)
        assert "People you trust" in shown and "No one added yet" in shown
        assert "local emergency number" in shown and "Samaritans" in shown


async def test_trusted_contacts_are_edited_from_help_and_kept(sqlite_db: Database) -> None:
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "question_mark", "e")
        form = app.screen
        assert isinstance(form, TrustedForm)
        await press(app, pilot, *"Mum", "enter", *"07700 900123", "enter")
        form.query_one("#name1", Input).value = HOSTILE[2]
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, HelpScreen)
        shown = screen_text(app)
        assert "Mum — 07700 900123" in shown and HOSTILE[2] in shown
        assert app.is_running  # [@click=app.quit] was shown, not run
    with sqlite_db.session() as s:
        assert [(p.name, p.reach) for p in support.list_trusted(session=s)] == [
            ("Mum", "07700 900123"),
            (HOSTILE[2], ""),
        ]


async def test_help_lists_support_beyond_crises_and_the_planner_folders_own_copy(
    sqlite_db: Database,
) -> None:
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "question_mark")
        shown = screen_text(app)
        assert "Not only for crises" in shown and "befriending" in shown
        assert shown.count("Not only for crises") == 1  # its heading, said once (nu198)
        assert "The Silver Line (Age UK), befriending" in shown  # one pair of brackets
        assert "The Silver Line" in shown and "Open Path Collective" in shown
        assert shown.index("Samaritans") < shown.index("The Silver Line")  # crisis first
    home = sqlite_db.location.home
    own = "".join(
        f'[[line]]\nkind = "peer"\nname = "{name}"\nreach = "{reach}"\n'
        for name, reach in zip(HOSTILE, ["Sat 10am", "[/]", "x", "y"], strict=True)
    )
    (home / "support.toml").write_text(own, encoding="utf-8")
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "question_mark")
        shown = screen_text(app)
        assert f"{HOSTILE[0]}, peer support — Sat 10am" in shown  # literally, not bold
        assert f"{HOSTILE[2]}, peer support — x" in shown
        assert "Samaritans" not in shown and "local emergency number" in shown
        app.screen.query_one("#other-support").scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click("#other-support")
        assert app.is_running  # [@click=app.quit] was shown, not run
    (home / "support.toml").write_text("[[line]\nname = 'half", encoding="utf-8")
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "question_mark")
        shown = screen_text(app)
        assert "couldn't be used" in shown and str(home / "support.toml") in shown
        assert "Samaritans" in shown and "The Silver Line" in shown


async def test_a_row_that_cant_be_kept_is_named_and_gets_the_cursor(sqlite_db: Database) -> None:
    """A refusal says which row, and the cursor goes to that row's field (it stayed in the
    last field typed in, where the next backspace took letters off another row). A way to
    reach them left as spaces shows as nothing, not as a dash before nothing."""
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "question_mark", "e")
        form = app.screen
        assert isinstance(form, TrustedForm)
        for field, value in {"name0": "Mum", "reach0": "07700 900123", "name1": "Sam",
                             "reach1": "   ", "reach2": "only a number"}.items():  # fmt: skip
            form.query_one(f"#{field}", Input).value = value
        form.query_one("#reach2", Input).focus()
        await press(app, pilot, "ctrl+s")
        assert app.screen is form
        assert "Row 3: Name can't be empty" in screen_text(app)
        assert form.focused is form.query_one("#name2", Input)
        await press(app, pilot, *"Jo", "ctrl+s")
        assert isinstance(app.screen, HelpScreen)
        shown = screen_text(app)
        assert "Sam" in shown and "Sam —" not in shown and "Jo — only a number" in shown


async def test_people_trusted_saved_in_another_window_meanwhile_are_kept_or_asked_about(
    sqlite_db: Database,
) -> None:
    """Two windows on one planner, each adding someone to the list: the second save wiped
    the first's rows without a word (a crisis list, quietly shorter). Rows changed only
    elsewhere are kept; a row changed on both sides is asked about."""

    def elsewhere(*rows: tuple[str, str]) -> None:
        with sqlite_db.write() as s:
            support.save_trusted(session=s, contacts=[{"name": n, "reach": r} for n, r in rows])

    def stored() -> list[tuple[str, str]]:
        with sqlite_db.session() as s:
            return [(p.name, p.reach) for p in support.list_trusted(session=s)]

    elsewhere(("Mum", "07700 900123"))
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await press(app, pilot, "question_mark", "e")
        form = app.screen
        assert isinstance(form, TrustedForm)
        form.query_one("#name1", Input).value = "Dad"
        elsewhere(("Mum", "07700 000000"))  # Mum's number, changed in the other window
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, HelpScreen)
        assert stored() == [("Mum", "07700 000000"), ("Dad", "")]
        notes = [n.message for n in app._notifications]
        assert any("Kept as changed elsewhere meanwhile: how to reach them in row 1" in n
                   for n in notes), notes  # fmt: skip

        await press(app, pilot, "e")  # both add someone: the same row, so it asks
        form = app.screen
        assert isinstance(form, TrustedForm)
        form.query_one("#name2", Input).value = "Pat"
        elsewhere(("Mum", "07700 000000"), ("Dad", ""), ("Sam", "sam@example.org"))
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, Choice)
        assert "the name in row 3: “Sam”" in screen_text(app)
        await press(app, pilot, "enter")  # keep editing: nothing is saved yet
        assert isinstance(app.screen, TrustedForm)
        assert stored()[2] == ("Sam", "sam@example.org")
        form.query_one("#name3", Input).value = "Pat"  # in a row of its own, then
        form.query_one("#name2", Input).value = "Sam"
        form.query_one("#reach2", Input).value = "sam@example.org"
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, HelpScreen)
    assert stored() == [("Mum", "07700 000000"), ("Dad", ""), ("Sam", "sam@example.org"),
                        ("Pat", "")]  # fmt: skip
