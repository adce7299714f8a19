"""One measurement in a fresh process (so imports and start-up are counted honestly), headless —
flatters: Pilot inside the app, the clock stopped at the first compositor update. For what a
person sees, use `bench/tmux_bench.py` (a real terminal, the settled screen).

probe.py bare      first frame of a bare Textual app with the same chrome
probe.py app       first frame of planner-tui, then Today filled with data
probe.py queries   service hot paths on the dataset
probe.py switch    keystroke → frame when switching views (p95)
probe.py map       the Map: time to fill, filter-as-you-type and moving down the list (p95)
probe.py journal   the Journal: search as you type, key → frame with its results (p95)
probe.py review    the Review: time to fill, and ← / → to another month, key → its frame (p95)
probe.py forms     memory: RSS after 20 and after 200 open/save cycles of each form
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import resource
import sys
import time

STARTED = time.perf_counter()


FIRST_FRAME: list[float] = []


def stamp_first_frame(app) -> None:  # type: ignore[no-untyped-def]
    """Record the moment the first screen has been painted (same hook for both apps)."""
    app.call_after_refresh(lambda: FIRST_FRAME.append(time.perf_counter() - STARTED))


class FrameClock:
    """Keystroke → frame, measured inside the app: the key goes straight to the driver and
    the clock stops at the first frame the compositor hands out after the key's effect is
    visible in the widgets. (Pilot's press/pause sleeps in 20 ms steps, so it can't time this.)
    """

    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        self.app = app
        self.frames: list[float] = []
        original = app._display

        def stamped(screen, renderable):  # type: ignore[no-untyped-def]
            if renderable is not None:
                self.frames.append(time.perf_counter())
            original(screen, renderable)

        app._display = stamped

    async def press(self, key: str, done) -> float:  # type: ignore[no-untyped-def]
        from textual import events

        began = time.perf_counter()
        char = " " if key == "space" else key if len(key) == 1 else None
        self.app._driver.send_message(events.Key(key, char))
        while not done():
            if time.perf_counter() - began > 5:
                raise TimeoutError(f"{key!r} had no effect in 5 s")
            await asyncio.sleep(0)
        handled = time.perf_counter()
        while not self.frames or self.frames[-1] < handled:
            await asyncio.sleep(0)
        return self.frames[-1] - began


@contextlib.asynccontextmanager
async def planner_open():  # type: ignore[no-untyped-def]
    """The planner on the dataset, open on Today with its data: yields (app, pilot)."""
    from planner_tui.config import Settings
    from planner_tui.ui.app import PlannerApp

    app = PlannerApp(Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        yield app, pilot


async def ready(app, pilot) -> None:  # type: ignore[no-untyped-def]
    """The app open on Today, data loaded, the first-run notice out of the way."""
    await app.workers.wait_for_complete()
    await pilot.pause()
    if type(app.screen).__name__ == "FirstRunNotice":
        await pilot.press("enter")


async def open_view(app, pilot, key: str) -> float:  # type: ignore[no-untyped-def]
    """Press a view's key; seconds until its data is on screen."""
    began = time.perf_counter()
    await pilot.press(key)
    while app.screen.query_one("#loading").display:
        await asyncio.sleep(0.002)
    filled = time.perf_counter() - began
    await pilot.pause()
    return filled


async def time_typing(clock, screen, field, keys: list[str]) -> list[float]:  # type: ignore[no-untyped-def]
    """Key → the frame showing what the screen made of it (its ``shown_query``)."""
    samples = []
    for key in keys:
        before = field.value
        expected = before[:-1] if key == "backspace" else before + key

        def shown(expected: str = expected) -> bool:
            return field.value == expected and screen.shown_query == expected

        samples.append(await clock.press("space" if key == " " else key, shown))
    return samples


def p95(samples: list[float]) -> float:
    samples.sort()
    return samples[max(int(len(samples) * 0.95) - 1, 0)]


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

    filled: list[float] = []

    class Measured(PlannerApp):
        """Stamps the first frame, and the first frame painted with Today's data in it."""

        def on_mount(self) -> None:
            stamp_first_frame(self)
            super().on_mount()
            original = self._display

            def stamped(screen, renderable):  # type: ignore[no-untyped-def]
                original(screen, renderable)
                today = self.screen_stack[0] if self.screen_stack else None
                if renderable is not None and not filled and today is not None:
                    loading = today.query("#loading")
                    if loading and not loading.first().display:
                        filled.append(time.perf_counter() - STARTED)

            self._display = stamped  # type: ignore[method-assign]

    app = Measured(Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        while not filled:
            await asyncio.sleep(0.002)
        await pilot.pause()
    return {"first_frame": FIRST_FRAME[0], "today_filled": filled[0], "peak_rss_mib": peak_mib()}


async def switch() -> dict[str, float]:
    samples = []
    async with planner_open() as (app, pilot):
        clock = FrameClock(app)
        modes = {"m": "map", "p": "plan", "j": "journal", "r": "review", "t": "today"}
        for key in "mpjrt" * 6:
            samples.append(await clock.press(key, lambda k=key: app.current_mode == modes[k]))
            await pilot.pause()
    return {"p95": p95(samples)}


async def map_view() -> dict[str, float]:
    from textual.widgets import DataTable, Input

    async with planner_open() as (app, pilot):
        filled = await open_view(app, pilot, "m")
        screen = app.screen
        table = screen.query_one("#people-table", DataTable)
        rows = table.row_count
        await pilot.press("slash")
        clock = FrameClock(app)
        keys = [*"ana sil", *["backspace"] * 7, *"fam", *["backspace"] * 3] * 3
        typing = await time_typing(clock, screen, screen.query_one("#filter", Input), keys)
        table.focus()
        await pilot.pause()
        moving = []
        for _ in range(60):
            row = table.cursor_row
            moving.append(await clock.press("down", lambda row=row: table.cursor_row == row + 1))
    return {"filled": filled, "rows": rows, "filter_p95": p95(typing), "move_p95": p95(moving)}


async def journal_view() -> dict[str, float]:
    """Journal search as you type: each key → the frame that shows its results."""
    from textual.widgets import Input

    async with planner_open() as (app, pilot):
        await open_view(app, pilot, "j")
        screen = app.screen
        await pilot.press("slash")
        keys = [*"walk river", *["backspace"] * 10, *"tea #calm", *["backspace"] * 9,
                *"rain mood>=4", *["backspace"] * 12]  # fmt: skip
        field = screen.query_one("#search", Input)
        samples = await time_typing(FrameClock(app), screen, field, keys * 2)
    return {"search_p95": p95(samples)}


def queries() -> dict[str, float]:
    from datetime import timedelta

    from planner_tui import clock, review_report
    from planner_tui.config import Settings
    from planner_tui.db.engine import Location, open_database
    from planner_tui.services import gaps, journal, people, review, steps

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

    this_month = clock.today().replace(day=1)
    last_month = (this_month - timedelta(days=1)).replace(day=1)
    measure("monthly review, this month so far", review.review_month, month=this_month)
    measure("monthly review, last month", review.review_month, month=last_month)

    def review_as_markdown(session, month):  # type: ignore[no-untyped-def]
        return review_report.to_markdown(review.review_month(session=session, month=month))

    measure("monthly review as Markdown, charts too", review_as_markdown, month=last_month)
    measure("people list with drift", people.list_people)
    measure("steps due today", steps.due_steps)
    measure("journal search 'walk river'", journal.search, query=journal.SearchQuery("walk river"))
    measure("journal search as typed 'wa'", journal.search, query=journal.SearchQuery("wa*"))
    measure("contexts with last contact", people.list_contexts)
    measure("one-sided check", gaps.one_sided)
    measure("network diversity", gaps.diversity)
    measure("recency strip, 12 weeks", gaps.recency_strip, weeks=12)
    measure("reciprocity, one person", gaps.reciprocity, person_id=1)
    return timings


async def review_view() -> dict[str, float]:
    """The Review: opened, then months back and forth, each key → the frame with its figures."""
    async with planner_open() as (app, pilot):
        filled = await open_view(app, pilot, "r")
        screen = app.screen
        clock = FrameClock(app)
        samples = []
        for key in ["left"] * 6 + ["right"] * 6:
            before = screen.data

            def moved(before=before) -> bool:  # type: ignore[no-untyped-def]
                return screen.data is not before and bool(screen.query(".figure"))

            samples.append(await clock.press(key, moved))
            await pilot.pause()
    return {"filled": filled, "month_p95": p95(samples)}


def rss_mib() -> float:
    """The memory in use now (not the peak): what a leak makes grow."""
    import os

    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


async def forms() -> dict[str, float]:
    """Each form opened from its view and saved, 200 times: RSS after the 20th and the
    200th cycle (a closed form that stays alive shows as growth)."""
    import gc

    from planner_tui.ui.forms.base import FormScreen

    async def cycle(app, pilot, view: str, open_keys: list[str], typed: list[str]) -> None:  # type: ignore[no-untyped-def]
        if app.current_mode != view:
            await pilot.press(view[0])
            await app.workers.wait_for_complete()
            await pilot.pause()
        for key in open_keys:
            await pilot.press(key)
        await app.workers.wait_for_complete()
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen), form
        for key in typed:
            await pilot.press(key)
        await pilot.press("ctrl+s")
        began = time.perf_counter()
        while form in app.screen_stack:
            if time.perf_counter() - began > 10:
                raise TimeoutError(f"{type(form).__name__} did not save")
            await asyncio.sleep(0.002)
        await app.workers.wait_for_complete()
        await pilot.pause()

    plan = ["s", "enter", "enter", "down", "down", "enter", "enter", "enter", "enter"]
    kinds = {
        "person": ("map", ["e"], []),
        "contact": ("map", ["l"], []),
        "check-in": ("today", ["c"], ["tab", "4"]),  # today's entry: how connected, 4
        "plan wizard": ("today", [], []),  # by its own keys: cycle_plan
        "intentions": ("review", ["n"], []),
    }
    only = sys.argv[2:3]  # one form, by name: for a quick look
    last = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    result: dict[str, float] = {}
    async with planner_open() as (app, pilot):
        for name, (view, keys, typed) in kinds.items():
            if only and name != only[0]:
                continue
            for n in range(1, last + 1):
                if name == "plan wizard":
                    await cycle_plan(app, pilot, plan)
                else:
                    await cycle(app, pilot, view, keys, typed)
                if n % 10 == 0:
                    gc.collect()
                    print(f"{name} {n} {rss_mib():.1f}", file=sys.stderr, flush=True)
                if n in (20, last):
                    gc.collect()
                    result[f"{name} after {n}"] = rss_mib()
    return result


async def cycle_plan(app, pilot, keys: list[str]) -> None:  # type: ignore[no-untyped-def]
    """The plan wizard from Today, by its usual keys (who, what, tomorrow evening, save)."""
    if app.current_mode != "today":
        await pilot.press("t")
    await app.workers.wait_for_complete()
    await pilot.pause()
    for key in keys:
        await pilot.press(key)
        await app.workers.wait_for_complete()
    await pilot.pause()
    if type(app.screen).__name__ == "Choice":  # the same step again: "Plan it as well"
        for key in ("right", "enter"):
            await pilot.press(key)
            await app.workers.wait_for_complete()
        await pilot.pause()
    assert type(app.screen).__name__ != "PlanWizard", "the wizard did not save"


def jrnl_text() -> None:
    """Every journal entry in jrnl's plain-text format, oldest first (for the comparison)."""
    from planner_tui.config import Settings
    from planner_tui.db.engine import Location, open_database
    from planner_tui.services import journal

    settings = Settings()
    db = open_database(Location(settings.resolved_url(), settings.resolved_home()))
    with db.session() as session:
        for entry in reversed(journal.list_entries(session=session, limit=None)):
            words = " ".join(t for t in (entry.body, entry.warmth_note, entry.withdraw_note) if t)
            print(f"[{entry.day.isoformat()} 08:00:00 PM] {' '.join(words.split())}\n")


if __name__ == "__main__":
    kind = sys.argv[1]
    if kind == "jrnl-text":
        jrnl_text()
        sys.exit(0)
    if kind == "queries":
        result = queries()
    else:
        result = asyncio.run(
            {
                "bare": bare,
                "app": planner,
                "switch": switch,
                "map": map_view,
                "journal": journal_view,
                "review": review_view,
                "forms": forms,
            }[kind]()
        )
    print(json.dumps(result))
