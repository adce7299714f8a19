"""The command palette (ctrl+p): every key's action by name — the view on screen first,
then the app's, then every other view's (run there: the palette switches to it). Read
from the bindings themselves (their description names a command, their tooltip says
more and is searched too), so a new key is in the palette the moment it exists."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.actions import parse
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.system_commands import SystemCommandsProvider

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.screen import Screen

    from planner_tui.ui.app import PlannerApp

ELSEWHERE = 0.9
"""Another view's command ranks a little below the same match here."""
BY_TOOLTIP = 0.8
"""A match in the tooltip ranks below one in the name."""


@dataclass(frozen=True)
class Command:
    title: str
    help: str
    tooltip: str
    run: Callable[[], Any]
    rank: float = 1.0


def bindings_of(node: type[DOMNode]) -> list[tuple[type, Binding]]:
    """The named bindings of a screen (or app) class with the class that declares each,
    its own before inherited ones; a key bound at two levels counts once, as the nearer
    class binds it."""
    found: list[tuple[type, Binding]] = []
    seen: set[str] = set()
    for cls in node.__mro__:
        own = [b for b in Binding.make_bindings(cls.__dict__.get("BINDINGS", [])) if b.description]
        found += [(cls, binding) for binding in own if binding.key not in seen]
        seen |= {binding.key for binding in own}  # (one class may bind a key twice: the Map's n)
    return found


def key_commands(app: PlannerApp, screen: Screen[Any]) -> list[Command]:
    """Every command the palette offers on *screen*: a binding two views share (Today's
    and the Plan's outcome keys) once, and another view's only when this one has no
    command of that name doing the same."""
    from planner_tui.ui.app import VIEWS, view_class

    commands: list[Command] = []
    declared: set[tuple[type, str, str]] = set()
    here: set[tuple[str, str]] = set()

    def offer(owner: type, binding: Binding, node: DOMNode, title: str,
              run: Callable[[], Any], where: str = "", rank: float = 1.0) -> None:  # fmt: skip
        _namespace, name, parameters = parse(binding.action)
        if (owner, binding.key, binding.action) in declared or (
            binding.description,
            binding.action,
        ) in here:
            return
        if not where and not node.check_action(name, parameters):
            return  # not here, now (the view you are already in)
        declared.add((owner, binding.key, binding.action))
        if not where:
            here.add((binding.description, binding.action))
        key = binding.key_display or app.get_key_display(binding)
        place = f"on {where}, key {key}" if where else f"key {key}"
        tooltip = binding.tooltip or ""
        help = f"{tooltip} ({place})" if tooltip else place.capitalize()
        commands.append(Command(title, help, tooltip, run, rank))

    for owner, binding in bindings_of(type(screen)):
        run = partial(screen.run_action, binding.action)
        offer(owner, binding, screen, binding.description, run)
    elsewhere = not app.form_open()  # another view, only once the form is closed
    for owner, binding in bindings_of(type(app)):
        title = binding.description
        if binding.action.startswith("switch_mode"):
            if not elsewhere:
                continue
            title = f"Go to {title}"
        offer(owner, binding, app, title, partial(app.run_action, binding.action))
    for mode, (_key, view, _tip) in VIEWS.items():
        if mode == app.current_mode or not elsewhere:
            continue
        for owner, binding in bindings_of(view_class(mode)):
            if binding.action == "refresh":
                continue  # a view reads its data again when it opens anyway
            run = partial(app.run_in_view, mode, binding.action)
            offer(owner, binding, app, f"{view}: {binding.description}", run, view, ELSEWHERE)
    return commands


class KeyCommands(Provider):
    """The palette's source: :func:`key_commands` for the screen it was opened on."""

    def commands(self) -> list[Command]:
        from planner_tui.ui.app import PlannerApp

        assert isinstance(self.app, PlannerApp)
        return key_commands(self.app, self.screen)

    async def discover(self) -> Hits:
        for command in self.commands():
            yield DiscoveryHit(command.title, command.run, help=command.help)
        # Then Textual's own (the theme, undo), here rather than from their own provider:
        # its answer came first or after, by chance, above this view's keys.
        for title, help, callback, shown in self.app.get_system_commands(self.screen):
            if shown:
                yield DiscoveryHit(title, callback, help=help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self.commands():
            score = max(
                matcher.match(command.title),
                matcher.match(command.tooltip) * BY_TOOLTIP if command.tooltip else 0,
            )
            if score > 0:
                yield Hit(
                    score * command.rank,
                    matcher.highlight(command.title),
                    command.run,
                    text=command.title,
                    help=command.help,
                )


class SystemCommandsFound(SystemCommandsProvider):
    """Textual's own commands when searched for (:class:`KeyCommands` lists them after this
    view's keys when nothing is typed)."""

    async def discover(self) -> Hits:
        return
        yield
