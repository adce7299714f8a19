"""Learning from one's own steps, where the person meets it: the wizard's calibration hint
and appreciation guess, how they seemed to take it after done, the "not now"s that became a
yes on the declined page, and the person page's line."""

from __future__ import annotations

from datetime import datetime

import pytest
from textual.widgets import Select, Static

from planner_tui import clock
from planner_tui.db.engine import Database
from planner_tui.services import people, steps
from planner_tui.ui.forms.outcome import OutcomeForm
from planner_tui.ui.forms.plan import PlanWizard
from planner_tui.ui.screens.person import PersonScreen
from planner_tui.ui.screens.today import TodayScreen

from .test_app import SIZE, make_app, press, screen_text, settle


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=clock.local_zone())


def someone(db: Database, name: str = "Ana") -> int:
    with db.write() as s:
        return people.create_person(session=s, data={"name": name, "circle": "inner"}).id


def done_step(db: Database, person: int, due: str, **plan: object) -> None:
    """A step planned and done, with *plan*'s fields and the answers given after it."""
    after = {k: plan.pop(k) for k in ("felt_awkwardness", "appreciation_response") if k in plan}
    with db.write() as s:
        step = steps.create_step(session=s, data={
            "person_id": person, "action": "send a text", "due_at": local(due), **plan})  # fmt: skip
        steps.record_outcome(session=s, step_id=step.id, outcome={"status": "done", **after})


def hint(app: object, widget_id: str) -> str:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, PlanWizard)
    widget = screen.query_one(widget_id, Static)
    return str(widget.render()) if widget.display else ""


@pytest.mark.parametrize("similar", [2, 3])
async def test_the_wizard_shows_ones_own_record_from_three_similar_steps(
    sqlite_db: Database, similar: int
) -> None:
    ana = someone(sqlite_db)
    for day in range(1, similar + 1):  # messages: expected 4, felt 2
        done_step(sqlite_db, ana, f"2026-11-0{day}T18:00", channel="text",
                  expected_awkwardness=4, felt_awkwardness=2)  # fmt: skip
    done_step(
        sqlite_db,
        ana,
        "2026-11-05T18:00",
        channel="call",
        expected_awkwardness=5,
        felt_awkwardness=1,
    )  # fmt: skip  (a call: not like a message)
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        # Ana, the first action (a short message), tomorrow 6pm: the details page.
        await press(app, pilot, "s", "enter", "enter", "down", "down", "enter")
        assert app.screen.page == "details"  # type: ignore[attr-defined]
        wanted = (
            "Your last 3 messages: you expected 4.0 of 5 awkwardness; afterwards they felt 2.0."
            if similar == 3
            else ""
        )
        assert hint(app, "#calibration-awkward") == wanted
        app.screen.query_one("#appreciation", Select).value = 2
        await press(app, pilot, "enter")  # on from the words: the how-sure page
        assert app.screen.page == "sure"  # type: ignore[attr-defined]
        assert hint(app, "#calibration-sure") == wanted
        await press(app, pilot, *"8", "enter")
        assert "How much they'll appreciate it, your guess: 2/5" in screen_text(app)
        await press(app, pilot, "enter")
        assert isinstance(app.screen, TodayScreen)
    with sqlite_db.session() as s:
        [planned] = steps.list_steps(session=s, upcoming=True)
    assert (planned.appreciation_forecast, planned.shrunk) == (2, False)


async def test_done_asks_how_they_seemed_to_take_it_and_the_person_page_counts(
    sqlite_db: Database,
) -> None:
    ana = someone(sqlite_db)
    for day, guess, seen in (("01", 2, 4), ("02", 3, 5)):
        done_step(sqlite_db, ana, f"2026-11-{day}T18:00", appreciation_forecast=guess,
                  appreciation_response=seen)  # fmt: skip
    with sqlite_db.write() as s:
        step = steps.create_step(session=s, data={"person_id": ana, "action": "call [b]Ana[/b]",
            "due_at": local("2026-11-23T18:00"), "appreciation_forecast": 1})  # fmt: skip
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.push_screen(PersonScreen(ana))
        await settle(app, pilot)
        assert "too little to tell yet (2 steps with both answers; it shows from 3)" in (
            screen_text(app)
        )
        await press(app, pilot, "escape")
        await press(app, pilot, "d")
        form = app.screen
        assert isinstance(form, OutcomeForm)
        assert "How did they seem to take it?" in screen_text(app)
        form.query_one("#response", Select).value = 3
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, TodayScreen)
        app.push_screen(PersonScreen(ana))
        await settle(app, pilot)
        assert (  # guessed (2+3+1)/3, seemed (4+5+3)/3
            "Over 3 steps with both answers: you guessed they'd appreciate it 2.0 of 5; "
            "afterwards they seemed to take it 4.0."
        ) in screen_text(app)
    with sqlite_db.session() as s:
        assert steps.get_step(session=s, step_id=step.id).appreciation_response == 3


@pytest.mark.parametrize("earlier", [2, 3])
async def test_the_declined_page_says_kindly_how_many_not_nows_became_a_yes(
    sqlite_db: Database, earlier: int
) -> None:
    bo = someone(sqlite_db, "Bo")
    with sqlite_db.write() as s:
        for day in range(1, earlier + 1):
            step = steps.create_step(session=s, data={
                "person_id": bo, "action": "ask Bo for a walk",
                "due_at": local(f"2026-10-0{day}T18:00")})  # fmt: skip
            steps.record_outcome(session=s, step_id=step.id, outcome={"status": "declined"})
        steps.create_step(session=s, data={"person_id": bo, "action": "ask Bo for tea",
                                           "due_at": local("2026-11-23T18:00")})  # fmt: skip
    done_step(sqlite_db, bo, "2026-10-20T18:00")  # a yes to each of them
    app = make_app(sqlite_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "l")
        assert isinstance(app.screen, OutcomeForm)
        said = (
            f"Of your {earlier} 'not now's in the last twelve months, {earlier} became a yes later."
        )
        assert (said in screen_text(app)) is (earlier == 3)
        assert "not about you" in screen_text(app)
