"""Lists from 80 down to 40 columns (what a new user found at 40x12 and 40x15): the newest
weeks of the Contexts strip, its whole legend, a row's words and whole names stay on the
screen, read as drawn, in one app made narrower a resize at a time."""

from __future__ import annotations

import re
from datetime import timedelta

from planner_tui import clock
from planner_tui.db.engine import Database
from planner_tui.services import people

from .test_app import make_app, press, settle
from .test_fit_narrow import on_screen

WIDTHS = (80, 60, 50, 40)


async def test_the_contexts_strip_keeps_its_newest_weeks_and_its_legend(
    sqlite_db: Database,
) -> None:
    """At 40 columns the four newest weeks were cut off (the names kept 18 cells), and at
    50 and 60 the legend's "4+ contacts"."""
    now = clock.now()
    with sqlite_db.write() as s:
        choir = people.create_context(session=s, data={"name": "Community choir"}).id
        ana = people.create_person(session=s, data={"name": "Ana", "context_ids": [choir]}).id
        for days_ago in (80, 10, 9, 1, 1, 2, 3):  # the oldest week, then the last two
            people.log_interaction(session=s, data={
                "occurred_at": now - timedelta(days=days_ago), "person_ids": [ana]})  # fmt: skip
    weeks = ["░", *["·"] * 9, "▒", "█"]  # oldest first: the last seven days on the right
    app = make_app(sqlite_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "m", "3")
        for width in (*WIDTHS, 30):
            await pilot.resize_terminal(width, 24)
            await settle(app, pilot)
            lines = on_screen(app)
            screen = "\n".join(lines)
            said = re.search(r"The last (\d+) weeks, by context \(the last 7 days on the right\)",
                             " ".join(screen.split()))  # fmt: skip
            assert said, screen
            shown = int(said[1])
            assert shown == 12 if width in WIDTHS else 4 <= shown < 12, screen
            [row] = [line for line in lines if line.lstrip().startswith("Commun") and "·" in line]
            assert [mark for mark in row.split() if mark in weeks] == weeks[-shown:], screen
            assert any(line.strip().endswith("█ 4+ contacts a week") for line in lines), screen


async def test_a_dates_tiny_step_shows_down_to_40_columns(sqlite_db: Database) -> None:
    """A date's tiny step ran off the edge from 60 columns down, its column kept as wide as
    its heading, "a tiny step (s or Enter plans it)"."""
    with sqlite_db.write() as s:
        emma = people.create_person(session=s, data={"name": "Emma A."}).id
        soon = clock.today() + timedelta(days=3)
        people.set_dates(session=s, person_id=emma, dates=[
            {"label": "Birthday", "month": soon.month, "day": soon.day}])  # fmt: skip
    tiny = "send Emma A. a birthday message"
    app = make_app(sqlite_db)
    async with app.run_test(size=(80, 60)) as pilot:
        await settle(app, pilot)
        for width in WIDTHS:
            await pilot.resize_terminal(width, 60)
            await settle(app, pilot)
            lines = on_screen(app)
            rows = [line.split(tiny[:8], 1)[1] for line in lines if tiny[:8] in line]
            assert len(rows) == 1, (width, "\n".join(lines))
            assert tiny[8:] in rows[0] or "…" in rows[0], (width, "\n".join(lines))
