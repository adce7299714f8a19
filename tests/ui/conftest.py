"""Every UI test runs with toasts on: Pilot's ``run_test`` switches them off by default,
which once hid markup in notifications from every test here."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

import pytest
from textual.screen import Screen

from planner_tui.ui.app import PlannerApp
from planner_tui.ui.collector import IdleCollector


@pytest.fixture(autouse=True)
def notifications_on(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    run_test = PlannerApp.run_test

    @functools.wraps(run_test)
    def with_notifications(self: PlannerApp, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("notifications", True)
        return run_test(self, *args, **kwargs)

    monkeypatch.setattr(PlannerApp, "run_test", with_notifications)
    yield


@pytest.fixture(autouse=True)
def toasts_stay(monkeypatch: pytest.MonkeyPatch) -> None:
    """A toast stays while the test runs (Textual's go after 5 seconds): on a loaded machine
    showing one and reading it took longer, and the test found no toast."""
    monkeypatch.setattr(PlannerApp, "NOTIFICATION_TIMEOUT", 600)


@pytest.fixture(autouse=True)
def views_made_when_visited(monkeypatch: pytest.MonkeyPatch) -> None:
    """Views are made when first visited, not while the app waits (tests/ui/
    test_prepared_views.py tests that): what a test does must not depend on how long it
    takes (a loaded machine's pauses would make views under it)."""
    monkeypatch.setattr(PlannerApp, "PREPARE_VIEWS", False)


@pytest.fixture(autouse=True)
def collected_as_each_test_ends(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A screen test's garbage is collected as it ends (tests/conftest.py), not also in its
    pauses: the app's full collection when left alone (ui/collector.py) came after nearly
    every slow step of a test, and walked all the test had made so far each time (a tenth
    of a long form test's CPU). Tests of those collections are marked
    ``collects_when_idle``."""
    if request.node.get_closest_marker("collects_when_idle") is None:
        monkeypatch.setattr(IdleCollector, "tick", lambda _self: False)


PAINT = Screen._compositor_refresh
"""Textual's own painting of what changed on a screen (kept before it is deferred below)."""


def paint(app: PlannerApp) -> None:
    """Paint what changed since the last paint, as the next frame would (``settle`` does
    this once the app is quiet): a widget that fails to draw fails the test here."""
    for screen in app.screen_stack:  # the screens under a dialog first, as Textual does
        PAINT(screen)


@pytest.fixture(autouse=True)
def frames_painted_when_settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """A frame is painted when the test has waited for the app to settle, not after every
    message: headless, nothing is shown, and painting each passing frame took a third of a
    screen test's CPU. What changed meanwhile is kept and painted together (``paint``), so
    every changed widget is still drawn; a state that never settles is not, and snapshots
    and screen reads draw the whole screen themselves."""

    def keep_for_later(self: Screen[object]) -> None:
        self._dirty_widgets.clear()  # already the compositor's dirty regions, kept for paint
        self.app._update_mouse_over(self)

    monkeypatch.setattr(Screen, "_compositor_refresh", keep_for_later)
