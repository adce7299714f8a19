"""The footer, fitted to the terminal's width by one rule (not per view), and showing the
keys of what is in front: a form or a question open over a view has a footer of its own,
with its keys, over the view's.

Help and quit are always there. Then, by priority: the view's own first keys (it lists them
most used first), then the keys of the other views (each also in help and the palette), then
the rest of the view's own keys, and last the key of the view one is in (greyed: it is where
one is). Keys keep their places — the view's own, then the views, then help and quit — and
the footer turns compact when the roomy style would leave any out, and then leaves out the
palette's own key (ctrl+p, which help lists) before the view's first keys or another view's
(not before the rest of the view's own). What is left out is in help (?) and the palette."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

if TYPE_CHECKING:
    from textual.app import App

ALWAYS_SHOWN = ("help", "quit")
"""Binding ids shown whatever the width."""
OWN_FIRST = 2
"""How many of the view's own keys come before the other views' keys."""


def always_shown(binding: Binding) -> bool:
    return (binding.id or "") in ALWAYS_SHOWN


def view_key(binding: Binding) -> bool:
    """Whether *binding* goes to one of the five views."""
    return (binding.id or "").startswith("view.")


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


def by_priority(keys: list[Binding], here: Collection[str] = ()) -> list[Binding]:
    """The keys that may be left out, most wanted first (see the module's rule). *here* holds
    the actions that are greyed: a view's key among them is the view one is in."""
    own = [b for b in keys if not always_shown(b) and not view_key(b)]
    views = [b for b in keys if view_key(b)]
    views.sort(key=lambda b: b.action in here)  # the view one is in, after the others
    return [*own[:OWN_FIRST], *views, *own[OWN_FIRST:]]


def fitted(
    app: App[object],
    keys: list[Binding],
    width: int,
    palette: Binding | None,
    here: Collection[str] = (),
) -> tuple[list[Binding], bool, bool]:
    """The keys to show in *width* cells, in their order, whether compactly, and whether
    the *palette*'s key has room (it gives way to another view's key: help lists it)."""
    essential = [b for b in keys if always_shown(b)]
    wanted = by_priority(keys, here)
    other_views = [b for b in wanted if view_key(b) and b.action not in here]
    chosen: list[Binding] = []
    tries = [(False, palette), (True, palette), *([(True, None)] if palette else [])]
    for compact, shown_palette in tries:
        room = width - palette_width(app, shown_palette, compact=compact)
        room -= sum(key_width(app, b, compact=compact) for b in essential)
        chosen = []
        for binding in wanted:  # a less wanted key never pushes out a more wanted one
            room -= key_width(app, binding, compact=compact)
            if room < 0:
                break
            chosen.append(binding)
        if len(chosen) == len(wanted):
            break
        if compact and shown_palette and all(b in chosen for b in other_views):
            break  # what is left out is wanted less than the palette
    keep = {id(b) for b in [*essential, *chosen]}
    return [b for b in keys if id(b) in keep], compact, shown_palette is not None


class KeysFooter(Footer):
    """Footer with the width rule above (Textual's own clips whatever passes the edge).
    Every view has one, and so has every form or question open over a view (see
    :class:`DialogFooter`): the footer on screen shows the keys that work now."""

    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple[object, ...] = ()
        self._check_queued = False

    def _wanted(self, active: dict[str, ActiveBinding]) -> dict[str, tuple[Binding, bool, str]]:
        """The keys to show, by action: each with whether it works now and its tooltip."""
        by_action: dict[str, tuple[Binding, bool, str]] = {}
        for _node, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in by_action:
                by_action[binding.action] = (binding, enabled, tooltip)
        if not self.screen.is_modal:
            # A text box with the cursor (a filter, a search) takes ? and q as letters, so
            # Textual leaves them out of the active keys; Help and Quit stay in the footer
            # all the same (a click on them works, and esc gives the keys back).
            for bindings in self.app._bindings.key_to_bindings.values():
                for binding in bindings:
                    if always_shown(binding) and binding.action not in by_action:
                        by_action[binding.action] = (binding, True, binding.tooltip)
        return by_action

    def _signature(self, by_action: dict[str, tuple[Binding, bool, str]]) -> tuple[object, ...]:
        return (
            self.app.size.width,
            *((b.key, b.description, on) for b, on, _ in by_action.values()),
        )

    def bindings_changed(self, screen: Screen[object]) -> None:
        # Bindings are "updated" on every focus change and several times while a view opens,
        # and a view's own are updated as it is left; most leave the keys as they were, and
        # each rebuild costs a frame (issue 18). So one check is queued at a time, it looks
        # at the keys when it runs, and the footer of a view that was left waits: its screen
        # updates its bindings again when it is shown.
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._queue_check()

    def _queue_check(self) -> None:
        if not self._check_queued:
            self._check_queued = True
            self.call_after_refresh(self._rebuild_if_changed)

    async def _rebuild_if_changed(self) -> None:
        self._check_queued = False
        if not self.is_attached or self.screen not in self.app.screen_stack:
            return  # a view left for another (one beneath a dialog shows, and is kept fitted)
        if self._signature(self._wanted(self.screen.active_bindings)) != self._shown:
            await self.recompose()

    def compose(self) -> ComposeResult:
        # Built with the keys at once, not empty until Textual first signals them (as its
        # Footer does): that rebuild cost every form and view two layouts (issue 18). The
        # check queued by the signal rebuilds only if the keys then differ.
        active = self.screen.active_bindings  # worked out anew on each read: once here
        by_action = self._wanted(active)
        self._shown = self._signature(by_action)
        palette = None
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        first = getattr(self.screen, "FOOTER_FIRST", ())  # see ViewScreen.FOOTER_FIRST
        listed = sorted((b for b, _, _ in by_action.values()), key=lambda b: b.action not in first)
        keys, compact, with_palette = fitted(
            self.app,
            listed,
            self.app.size.width,
            palette.binding if palette else None,
            here={action for action, (_, enabled, _) in by_action.items() if not enabled},
        )
        self.compact = compact
        yield from self._keys(keys, by_action, compact=compact)
        if palette is not None and with_palette:
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
        self,
        keys: Iterable[Binding],
        by_action: dict[str, tuple[Binding, bool, str]],
        *,
        compact: bool,
    ) -> Iterable[FooterKey]:
        for binding in keys:
            _, enabled, tooltip = by_action[binding.action]
            key = FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                disabled=not enabled,
                tooltip=tooltip,
            )
            # Set, not data_bind: a bound key stays in the footer's watcher list until
            # `compact` changes, so every rebuild would keep its keys alive (issue 18).
            # The footer is rebuilt whenever `compact` is decided anew.
            key.set_reactive(FooterKey.compact, compact)
            key.set_class(compact, "-compact", update=False)
            yield key

    def on_resize(self, _event: Resize) -> None:
        self._queue_check()  # the width is part of what is checked


class DialogFooter:
    """For every form and question the app opens over a view (before ModalScreen in its
    bases): a footer of its own, with its keys, since the view's footer beneath it names
    keys that don't reach the view now. Mounted with the dialog, so it takes part in the
    dialog's first layout (mounted once the dialog showed, it cost two layouts more)."""

    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [(0, "-short"), (24, "-tall")]
    """Below 24 lines a dialog draws tighter (app.tcss): its answers a line each, its
    title with no margin, so what it asks and where to type stay in sight."""
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [(0, "-narrow"), (56, "-wide")]
    """Below 56 columns a check-in's five scales go three to a row (five across left
    each box too narrow to show its digit)."""

    def on_mount(self) -> None:
        assert isinstance(self, Screen)
        self.mount(KeysFooter())

    def on_resize(self) -> None:
        # The box being typed in stays in sight when the terminal changes size: made
        # smaller, the form kept its scroll, and typing changed a box out of sight.
        from planner_tui.ui.screens.base import bring_into_sight  # (it imports this)

        assert isinstance(self, Screen)
        if (focused := self.focused) is not None:
            focused.call_after_refresh(bring_into_sight, focused)
