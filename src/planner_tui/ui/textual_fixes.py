"""A leak in Textual itself, fixed from outside until Textual ships the fix.

Textual 8 caches ``StylesCache.get_inner_outer`` with ``lru_cache`` on the method, so the
cache's keys hold up to 1,024 ``StylesCache`` objects — with every line each had drawn —
after their widgets are gone (Textualize/textual#6665). Here every closed form and every
view's rebuilt rows stayed: about 8,000 drawn lines, 13 MiB after 150 view switches and
100 forms. The answer depends only on the two colours, so it is cached on them alone.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from textual._styles_cache import StylesCache


def apply() -> None:
    """Cache the colours, not the caches (once; nothing if Textual has changed the method)."""
    method = StylesCache.__dict__.get("get_inner_outer")
    body = getattr(method, "__wrapped__", None)
    if body is None:
        return
    by_colours = lru_cache(1024)(lambda base, background: body(None, base, background))

    def get_inner_outer(self: StylesCache, base: Any, background: Any) -> Any:
        return by_colours(base, background)

    StylesCache.get_inner_outer = get_inner_outer  # type: ignore[method-assign, assignment]
