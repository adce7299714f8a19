"""The footer, fitted to the terminal's width by one rule (not per view): the keys of the
five views, help and quit are always there; the view's own keys follow in the order the
view lists them (most used first) for as long as they fit, in a compact style when the
roomy one would leave any out. What is left out is in help (?) and the palette (ctrl+p)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.events import Resize
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

if TYPE_CHECKING:
    from textual.app import App

ALWAYS_SHOWN = ("help", "quit")
"""Binding ids shown whatever the width, besides every ``view.…`` one."""


def always_shown(binding: Binding) -> bool:
    name = binding.id or ""
    return name in ALWAYS_SHOWN or name.startswith("view.")


def key_width(app: App[object], binding: Binding, *, compact: bool) -> int:
    """The cells one key takes in the footer (as FooterKey draws it, margins included)."""
    key = cell_len(app.get_key_display(binding))
    description = cell_len(binding.description)
    # roomy: " k " + "description "; compact: "k" + " description" and a margin of 1
    return key + description + (3 if not compact else 2)


def palette_width(app: App[object], binding: Binding | None, *, compact: bool) -> int:
    if binding is None:
        return 0
    # border 1, then the key as above, then the right padding (none when compact)
    return 1 + key_width(app, binding, compact=compact) + (0 if compact else 1)


def fitted(
    app: App[object], keys: list[Binding], width: int, palette: Binding | None
) -> tuple[list[Binding], bool]:
    """The keys to show in *width* cells, in their order, and whether compactly."""
    essential = [b for b in keys if always_shown(b)]
    rest = [b for b in keys if not always_shown(b)]
    chosen: list[Binding] = []
    for compact in (False, True):
        room = width - palette_width(app, palette, compact=compact)
        room -= sum(key_width(app, b, compact=compact) for b in essential)
        chosen = []
        for binding in rest:  # in the view's order: a later key never pushes out an earlier
            room -= key_width(app, binding, compact=compact)
            if room < 0:
                break
            chosen.append(binding)
        if len(chosen) == len(rest):
            break
    keep = {id(b) for b in [*essential, *chosen]}
    return [b for b in keys if id(b) in keep], compact


class KeysFooter(Footer):
    """Footer with the width rule above (Textual's own clips whatever passes the edge)."""

    def __init__(self) -> None:
        super().__init__()
        self._fitted_to = 0

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        active = self.screen.active_bindings
        by_action: dict[str, tuple[Binding, bool, str]] = {}
        for _node, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in by_action:
                by_action[binding.action] = (binding, enabled, tooltip)
        palette = None
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        width = self.app.size.width
        self._fitted_to = width
        keys, compact = fitted(
            self.app,
            [binding for binding, _, _ in by_action.values()],
            width,
            palette.binding if palette else None,
        )
        self.compact = compact
        yield from self._keys(keys, by_action)
        if palette is not None:
            yield FooterKey(
                palette.binding.key,
                self.app.get_key_display(palette.binding),
                palette.binding.description,
                palette.binding.action,
                classes="-command-palette",
                disabled=not palette.enabled,
                tooltip=palette.binding.tooltip or palette.binding.description,
            )

    def _keys(
        self, keys: Iterable[Binding], by_action: dict[str, tuple[Binding, bool, str]]
    ) -> Iterable[FooterKey]:
        for binding in keys:
            _, enabled, tooltip = by_action[binding.action]
            yield FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                disabled=not enabled,
                tooltip=tooltip,
            ).data_bind(compact=Footer.compact)

    def on_resize(self, _event: Resize) -> None:
        if self._bindings_ready and self.app.size.width != self._fitted_to:
            self.call_after_refresh(self.recompose)
