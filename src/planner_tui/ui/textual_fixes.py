"""Five faults in Textual itself, fixed from outside until Textual ships the fixes.

A leak: Textual 8 caches ``StylesCache.get_inner_outer`` with ``lru_cache`` on the method,
so the cache's keys hold up to 1,024 ``StylesCache`` objects — with every line each had
drawn — after their widgets are gone (Textualize/textual#6665). Here every closed form and
every view's rebuilt rows stayed: about 8,000 drawn lines, 13 MiB after 150 view switches
and 100 forms. The answer depends only on the two colours, so it is cached on them alone.

A crash: PageUp or PageDown in an option list not yet laid out (the palette, a moment after
ctrl+p) looked up its lines before it had any — a ``KeyError`` that closed the app. Until
it has lines there is no page to move by, so the key does nothing (Textual's own scroll to
the highlighted option already reads it that way).

A freeze: a timer that fires once skips its one firing when its time has passed as it
starts, and with a time below zero it never stops skipping — the app's loop spins with
Python's lock held, and the app stops answering for good. A toast shown again on a screen
opened as its time runs out gets such a time (Textual checks that it hasn't run out, then
reads what is left a moment later): under load, a check-in opened just as the "Planned"
toast of the step before ran out took no more keys. A timer that fires once now never
skips: late, it fires at once.

Black on black: with NO_COLOR, Textual picks how to take colours away for the theme the app
starts with — to greys, for a theme of its own colours; to the terminal's own, for an ANSI
theme — and keeps it. A theme chosen later (the saved one, or from the palette) kept the
first: an ANSI theme's colours have no values to make greys of, and every cell was drawn
black on black (nu245). The choice is now made again with the theme.

Another crash: with NO_COLOR, Textual's greys expect every piece of a line to have a style,
and a table narrower than its columns draws an empty piece with none — the Map at 40 columns
closed the app (nu261). A piece without a style is left without one, as Textual's other
colour filter does.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from rich.segment import Segment
from textual._styles_cache import StylesCache
from textual.app import App
from textual.filter import Monochrome, NoColor, monochrome_style
from textual.timer import Timer
from textual.widgets import OptionList


def apply() -> None:
    """The fixes (each once; none if Textual has changed what it fixes)."""
    cache_colours_not_caches()
    page_only_when_laid_out()
    one_off_timers_fire()
    no_colour_for_each_theme()
    greys_for_unstyled_pieces()


def greys_for_unstyled_pieces() -> None:
    apply = Monochrome.__dict__.get("apply")
    if apply is None or getattr(apply, "unstyled_too", False):
        return

    def greys(self: Monochrome, segments: list[Segment], background: Any) -> list[Segment]:
        return [
            Segment(text, None if style is None else monochrome_style(style), None)
            for text, style, _ in segments
        ]

    greys.unstyled_too = True  # type: ignore[attr-defined]
    Monochrome.apply = greys  # type: ignore[method-assign]


def no_colour_for_each_theme() -> None:
    refresh = App.__dict__.get("_refresh_truecolor_filter")
    if refresh is None or getattr(refresh, "for_each_theme", False):
        return

    def _refresh_truecolor_filter(self: App[Any], theme: Any) -> None:
        refresh(self, theme)
        if self.no_color:
            wanted = NoColor() if self.native_ansi_color else Monochrome()
            self._filters[:] = [
                wanted if isinstance(each, NoColor | Monochrome) else each for each in self._filters
            ]

    _refresh_truecolor_filter.for_each_theme = True  # type: ignore[attr-defined]
    App._refresh_truecolor_filter = _refresh_truecolor_filter  # type: ignore[method-assign]


def one_off_timers_fire() -> None:
    init = Timer.__init__
    if getattr(init, "fires_late", False):
        return

    def __init__(self: Timer, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        if self._repeat == 0:  # once: nothing to skip to
            self._skip = False

    __init__.fires_late = True  # type: ignore[attr-defined]
    Timer.__init__ = __init__  # type: ignore[method-assign]


def page_only_when_laid_out() -> None:
    move_page = OptionList.__dict__.get("_move_page")
    if move_page is None or getattr(move_page, "laid_out_only", False):
        return

    def _move_page(self: OptionList, direction: Any) -> None:
        if (self.highlighted or 0) in self._index_to_line:
            move_page(self, direction)

    _move_page.laid_out_only = True  # type: ignore[attr-defined]
    OptionList._move_page = _move_page  # type: ignore[method-assign]


def cache_colours_not_caches() -> None:
    method = StylesCache.__dict__.get("get_inner_outer")
    body = getattr(method, "__wrapped__", None)
    if body is None:
        return
    by_colours = lru_cache(1024)(lambda base, background: body(None, base, background))

    def get_inner_outer(self: StylesCache, base: Any, background: Any) -> Any:
        return by_colours(base, background)

    StylesCache.get_inner_outer = get_inner_outer  # type: ignore[method-assign, assignment]
