"""The wizard's offers from someone's own record (issue 19, part 5), by keyboard: steps where
they give, first, when contacts lean "I gave" and comfort receiving help is low; and one
step richer, on the How sure page, for a warm tie written-only for a while — taken in the
person's own words, or kept."""

from __future__ import annotations

from datetime import date, datetime

from textual.widgets import Input, OptionList, Static

from planner_tui import clock
from planner_tui.db.engine import Database
from planner_tui.services import journal, people, steps
from planner_tui.ui.forms.plan import PlanWizard
from planner_tui.ui.modals.confirm import Choice

from .test_app import SIZE, make_app, press, screen_text, settle

NAME = "[bold]Mo[/] x"
"""A name with markup in it: shown as typed, never styled."""


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=clock.local_zone())


def someone(db: Database, contacts: list[dict[str, object]], comfort: list[int]) -> int:
    """Mo, with *contacts* (each on its own day in November, newest last) and check-ins
    with *comfort* receiving help in the days before today (23 Nov 2026)."""
    with db.write() as s:
        mo = people.create_person(session=s, data={"name": NAME}).id
        for day, extra in enumerate(contacts, start=1):
            people.log_interaction(session=s, data={
                "person_ids": [mo], "occurred_at": local(f"2026-11-{day:02d}T12:00"),
                **extra})  # fmt: skip
        for day, score in enumerate(comfort, start=15):
            journal.save_entry(session=s, data={"day": date(2026, 11, day), "body": "x",
                                                "comfort_receiving": score})  # fmt: skip
    return mo


def wizard(screen: object) -> PlanWizard:
    assert isinstance(screen, PlanWizard), screen
    return screen


def what_ids(screen: PlanWizard) -> list[str | None]:
    options = screen.query_one("#what-list", OptionList)
    return [options.get_option_at_index(i).id for i in range(options.option_count)]


async def test_steps_where_they_give_come_first_when_lately_you_gave(
    sqlite_db: Database,
) -> None:
    # gave in all 4 newest contacts; comfort receiving help 2, 1, 2 → 1.7 of 5 in 3 check-ins
    someone(sqlite_db, [{"channel": "call", "gave_emotional": True}] * 4, [2, 1, 2])
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "s", *"mo", "enter")
        page = wizard(app.screen)
        said = screen_text(app)
        assert f"In 4 of your last 4 contacts with {NAME}, you were the one giving" in said
        assert "1.7 of 5 in 3 check-ins" in said
        ids = what_ids(page)
        assert ids[:4] == [None, "recommend", "accept-offer", "advice"]  # heading, then theirs
        assert ids.count("advice") == 1  # not offered twice
        await press(app, pilot, "enter", *"tomorrow 6pm", "enter")
        assert page.query_one("#words", Input).value == (
            f"ask {NAME} to recommend a book, a show or a recipe"
        )


async def test_no_receiving_offer_when_comfort_is_not_low_or_giving_is_not_lopsided(
    sqlite_db: Database,
) -> None:
    someone(sqlite_db, [{"channel": "call", "gave_emotional": True}] * 4, [4, 3, 4])
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "s", *"mo", "enter")
        page = wizard(app.screen)
        assert not page.query_one("#receiving-hint", Static).display
        assert what_ids(page)[:2] == [None, "text"]  # the usual order, tiny first


WARM_WRITTEN = [{"channel": "text", "warmth": 4}, {"channel": "social", "warmth": 5},
                {"channel": "text", "warmth": 4}]  # fmt: skip
"""1, 2 and 3 November: written for three weeks by the 23rd, warmth 4.3 of 5."""


async def test_one_step_richer_is_offered_when_sure_and_taken_in_ones_own_words(
    sqlite_db: Database,
) -> None:
    mo = someone(sqlite_db, WARM_WRITTEN, [])
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "s", *"mo", "enter", "enter", *"tomorrow 6pm", "enter")
        page = wizard(app.screen)
        page.query_one("#words", Input).value = f"send {NAME} a short message about the film"
        await press(app, pilot, "enter", "8", "enter")
        assert isinstance(app.screen, Choice)
        offer = screen_text(app)
        assert f"Your last 3 contacts with {NAME}, since 1 Nov, were written" in offer
        assert "4.3 of 5 on average (3 warmths noted)" in offer
        assert f"Richer:    send {NAME} a voice note about the film" in offer
        await press(app, pilot, "tab", "enter")  # yes, one step richer
        assert f"send {NAME} a voice note about the film" in str(
            page.query_one("#card-text").render()
        )
        assert f"One step richer than: send {NAME} a short message about the film" in (
            screen_text(app)
        )
        await press(app, pilot, "enter")
    with sqlite_db.session() as s:
        [step] = steps.list_steps(session=s, limit=None)
    assert (step.person_id, step.action) == (mo, f"send {NAME} a voice note about the film")
    assert step.channel == "text"


async def test_keeping_ones_step_and_no_offer_when_unsure_or_when_not_written(
    sqlite_db: Database,
) -> None:
    someone(sqlite_db, WARM_WRITTEN, [])
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "s", *"mo", "enter", "enter", *"tomorrow 6pm", "enter")
        await press(app, pilot, "enter", "9", "enter")
        assert isinstance(app.screen, Choice)
        await press(app, pilot, "enter")  # keep my step (the first answer)
        page = wizard(app.screen)
        assert page.page == "card"
        assert f"send {NAME} a short message" in str(page.query_one("#card-text").render())
        assert "One step richer" not in screen_text(app)


async def test_no_richer_offer_for_a_step_that_is_not_written(sqlite_db: Database) -> None:
    someone(sqlite_db, WARM_WRITTEN, [])
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "s", *"mo", "enter")
        page = wizard(app.screen)
        options = page.query_one("#what-list", OptionList)
        for _ in range(options.option_count):
            if options.highlighted_option is not None and options.highlighted_option.id == "call":
                break
            await press(app, pilot, "down")
        await press(app, pilot, "enter", *"tomorrow 6pm", "enter", "enter", "9", "enter")
        assert page.page == "card"  # a call is not written: nothing richer offered
        assert "ten-minute call" in str(page.query_one("#card-text").render())
