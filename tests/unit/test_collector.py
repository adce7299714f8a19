"""The cycle collector runs in full while the person pauses, not in the middle of a key."""

from __future__ import annotations

import pytest

from planner_tui.ui import collector
from planner_tui.ui.collector import IDLE, IdleCollector


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(collector.time, "monotonic", fake)
    return fake


@pytest.fixture
def collections(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    made: list[int] = []
    monkeypatch.setattr(collector.gc, "collect", lambda *_: made.append(1) or 0)
    return made


def test_nothing_is_collected_before_the_app_is_used(clock: Clock, collections: list[int]) -> None:
    idle = IdleCollector()
    clock.now += 10 * IDLE
    assert not idle.tick()
    assert collections == []


def test_a_pause_after_keys_collects_once(clock: Clock, collections: list[int]) -> None:
    idle = IdleCollector()
    for _ in range(5):  # typing: a key every tenth of a second, never a collection
        idle.used()
        clock.now += 0.1
        assert not idle.tick()
    clock.now += IDLE
    assert idle.tick()
    clock.now += 10 * IDLE
    assert not idle.tick()  # nothing used since: nothing new to collect
    assert collections == [1]


def test_each_pause_after_use_collects_again(clock: Clock, collections: list[int]) -> None:
    idle = IdleCollector()
    for _ in range(3):
        idle.used()
        clock.now += IDLE / 2
        assert not idle.tick()
        clock.now += IDLE
        assert idle.tick()
    assert len(collections) == 3


def test_what_a_view_has_just_shown_is_drawn_before_a_collection(
    clock: Clock, collections: list[int]
) -> None:
    """A view's data can arrive half a second after its key (the Map's first visit): the
    collection waits until it has been laid out and drawn."""
    idle = IdleCollector()
    idle.used()
    clock.now += IDLE
    idle.shown()
    clock.now += IDLE / 2
    assert not idle.tick()
    clock.now += IDLE / 2
    assert idle.tick()
    assert collections == [1]
