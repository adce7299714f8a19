"""One measurement in a fresh process (so imports and start-up are counted honestly).

probe.py bare      first frame of a bare Textual app with the same chrome
probe.py app       first frame of planner-tui, then Today filled with data
probe.py queries   service hot paths on the dataset
probe.py switch    keystroke → frame when switching views (p95)
"""

from __future__ import annotations

import asyncio
import json
import resource
import sys
import time

STARTED = time.perf_counter()


FIRST_FRAME: list[float] = []


def stamp_first_frame(app) -> None:  # type: ignore[no-untyped-def]
    """Record the moment the first screen has been painted (same hook for both apps)."""
    app.call_after_refresh(lambda: FIRST_FRAME.append(time.perf_counter() - STARTED))


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def bare() -> dict[str, float]:
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Static

    class Bare(App[None]):
        def on_mount(self) -> None:
            stamp_first_frame(self)

        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("Opening your planner…")
            yield Footer()

    app = Bare()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
    return {"first_frame": FIRST_FRAME[0]}


async def planner() -> dict[str, float]:
    from planner_tui.config import Settings
    from planner_tui.ui.app import PlannerApp

    class Measured(PlannerApp):
        def on_mount(self) -> None:
            stamp_first_frame(self)
            super().on_mount()

    app = Measured(Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        first = FIRST_FRAME[0]
        today = app.screen_stack[0]
        while today.query_one("#loading").display:
            await asyncio.sleep(0.002)
        await pilot.pause()
        filled = time.perf_counter() - STARTED
    return {"first_frame": first, "today_filled": filled, "peak_rss_mib": peak_mib()}


async def switch() -> dict[str, float]:
    from planner_tui.config import Settings
    from planner_tui.ui.app import PlannerApp

    app = PlannerApp(Settings())
    samples = []
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        if type(app.screen).__name__ == "FirstRunNotice":
            await pilot.press("enter")
        for key in "mpjrt" * 6:
            began = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            samples.append(time.perf_counter() - began)
    samples.sort()
    return {"p95": samples[int(len(samples) * 0.95) - 1]}


def queries() -> dict[str, float]:
    from planner_tui import clock
    from planner_tui.config import Settings
    from planner_tui.db.engine import Location, open_database
    from planner_tui.services import journal, people, review, steps

    settings = Settings()
    db = open_database(Location(settings.resolved_url(), settings.resolved_home()))
    timings: dict[str, float] = {}

    def measure(name: str, call, **kwargs) -> None:  # type: ignore[no-untyped-def]
        runs = []
        for _ in range(9):
            began = time.perf_counter()
            with db.session() as session:
                call(session=session, **kwargs)
            runs.append(time.perf_counter() - began)
        timings[name] = sorted(runs)[len(runs) // 2]

    measure("monthly review", review.review_month, month=clock.today().replace(day=1))
    measure("people list with drift", people.list_people)
    measure("steps due today", steps.due_steps)
    measure("journal search 'walk river'", journal.search, query=journal.SearchQuery("walk river"))
    measure("journal search as typed 'wa'", journal.search, query=journal.SearchQuery("wa*"))
    return timings


if __name__ == "__main__":
    kind = sys.argv[1]
    if kind == "queries":
        result = queries()
    else:
        result = asyncio.run({"bare": bare, "app": planner, "switch": switch}[kind]())
    print(json.dumps(result))
