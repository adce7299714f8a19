"""The convoy picture: you in the middle, then rings for inner, middle and outer circles.

Each person is a shape on their ring; the shape says which context they belong to (a
legend names them, so colour is never needed) and a hollow shape means drifting. When a
ring has more people than fit, it shows one marker per context with a count instead.
Arrow keys move between people (left/right around, up/down between rings); Enter chooses.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.events import Click
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from planner_tui.names import sort_key
from planner_tui.terminal import plain, shorten
from planner_tui.words import plural

RINGS = ("inner", "middle", "outer")
RING_SIZE = {"inner": 0.22, "middle": 0.56, "outer": 0.9}
"""Where each ring's people sit, as a share of the picture's radius."""
SHAPES = [("●", "○"), ("▲", "△"), ("■", "□"), ("◆", "◇"), ("★", "☆"), ("▼", "▽"), ("▶", "▷")]
DRAWN = len(SHAPES)
"""Contexts given a shape; the rest a capital letter (a small one when drifting)."""
SHAPES += [(c, c.lower()) for c in "ABCDEFGHJKMNPQRTUVWXYZ"]
NO_CONTEXT = ("•", "∘")
COLOURS = ("cyan", "magenta", "green", "yellow", "blue", "red", "bright_cyan", "bright_magenta")


@dataclass(frozen=True)
class Dot:
    """One person, as the picture needs them."""

    person_id: int
    name: str
    circle: str
    context: str | None
    drifting: bool
    detail: str = ""


@dataclass(frozen=True)
class Mark:
    """Something drawn and selectable: one person, or a group of them when crowded."""

    x: int
    y: int
    ring: int
    angle: float
    label: str
    style: str
    dots: tuple[Dot, ...]

    @property
    def is_group(self) -> bool:
        return len(self.dots) > 1


class CirclesPicture(Widget, can_focus=True):
    BINDINGS = [
        Binding("right", "move(1)", "Next", show=False),
        Binding("left", "move(-1)", "Previous", show=False),
        Binding("up", "ring(1)", "Outer ring", show=False),
        Binding("down", "ring(-1)", "Inner ring", show=False),
        Binding("enter", "choose", "Open", show=False),
    ]
    DEFAULT_CSS = """
    CirclesPicture { height: 1fr; min-height: 12; }
    """

    cursor: reactive[int] = reactive(0)

    class Chosen(Message):
        """A person (one dot) or a crowded group (several) was chosen."""

        def __init__(self, dots: tuple[Dot, ...]) -> None:
            super().__init__()
            self.dots = dots

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.dots: list[Dot] = []
        self.contexts: list[str] = []
        self.marks: list[Mark] = []

    def set_people(self, dots: list[Dot], contexts: list[str]) -> None:
        self.dots = dots
        self.contexts = contexts
        self.marks = []
        self.cursor = 0
        self.refresh()

    # ---------------------------------------------------------------- layout

    def shape(self, context: str | None, drifting: bool) -> tuple[str, str]:
        if context is None or context not in self.contexts:
            return NO_CONTEXT[drifting], "grey62"
        index = self.contexts.index(context)
        filled, hollow = SHAPES[index % len(SHAPES)]
        return (hollow if drifting else filled), self.colour(index)

    def colour(self, index: int) -> str:
        """The colour of the *index*-th part of life's marks: none with NO_COLOR, where
        Textual's greys of them were barely darker than the ground (nu261); their shapes
        tell them apart."""
        return "" if self.app.no_color else COLOURS[index % len(COLOURS)]

    def below(self, width: int) -> int:
        """Lines under the rings: the one about the cursor, then the legend, wrapped."""
        return 1 + len(self.legend(width))

    @staticmethod
    def clear_of_you(
        cx: float, cy: float, rx: float, ry: float
    ) -> list[tuple[tuple[int, int], float]]:
        """A ring's cells where no mark covers "you" in the middle (a small screen's inner
        ring passes through it: "▼y▼u▼" at 60x20): a mark is at most 3 cells ("●12"), and
        "you" is 3 wide. A ring with none such is drawn a little wider."""
        for wider in (1.0, 1.5, 2.0, 3.0):
            clear = [((x, y), angle) for (x, y), angle in _ring_cells(cx, cy, rx * wider, ry)
                     if y != round(cy) or not round(cx) - 4 < x < round(cx) + 2]  # fmt: skip
            if clear:
                return clear
        return _ring_cells(cx, cy, rx, ry)

    def place(self, width: int, height: int) -> list[Mark]:
        height = max(height - self.below(width), 5)
        cx, cy = (width - 1) / 2, (height - 1) / 2
        ry = max(cy, 1.0)
        rx = min(max(cx - 1, 1.0), ry * 2.2)  # cells are about twice as tall as wide
        marks: list[Mark] = []
        for ring, name in enumerate(RINGS):
            people = sorted(
                (d for d in self.dots if d.circle == name),
                key=lambda d: (d.context is None, sort_key(d.context or ""), sort_key(d.name)),
            )
            if not people:
                continue
            cells = self.clear_of_you(cx, cy, rx * RING_SIZE[name], ry * RING_SIZE[name])
            groups: list[tuple[Dot, ...]]
            if len(people) <= len(cells) // 2:
                groups = [(p,) for p in people]
                spacing = len(cells) / len(groups)
            else:
                by_context: dict[str | None, list[Dot]] = {}
                for person in people:
                    by_context.setdefault(person.context, []).append(person)
                groups = [tuple(group) for group in by_context.values()]
                spacing = len(cells) / len(groups)
                if spacing < 4:  # too many groups even: one marker for the whole ring
                    groups, spacing = [tuple(people)], float(len(cells))
            for index, group in enumerate(groups):
                (x, y), angle = cells[int(index * spacing) % len(cells)]
                first = group[0]
                shape, style = self.shape(first.context, all(d.drifting for d in group))
                if len(group) > 1:
                    same = len({d.context for d in group}) == 1
                    label = f"{shape if same else '◎'}{len(group)}"
                else:
                    label = shape
                if all(d.drifting for d in group) and not self.app.no_color:
                    style += " dim"
                marks.append(Mark(x, y, ring, angle, label, style, group))
        return marks

    # ---------------------------------------------------------------- drawing

    def render(self) -> Text:
        width, height = self.size.width, self.size.height
        if not self.dots:
            return Text("No one on the map yet.", style="grey62", end="")
        self.marks = self.place(width, height)
        self.cursor = min(self.cursor, max(len(self.marks) - 1, 0))
        legend = self.legend(width)
        draw_height = max(height - 1 - len(legend), 5)
        grid: list[list[tuple[str, str]]] = [[(" ", "")] * width for _ in range(draw_height)]
        cx, cy = (width - 1) / 2, (draw_height - 1) / 2
        ry = max(cy, 1.0)
        rx = min(max(cx - 1, 1.0), ry * 2.2)
        for boundary in (0.39, 0.73, 1.0):  # the ring edges, between the rings' people
            for (x, y), _ in _ring_cells(cx, cy, rx * boundary, ry * boundary):
                grid[y][x] = ("·", "grey35")
        _put(grid, round(cx) - 1, round(cy), "you", "bold")
        for index, mark in enumerate(self.marks):
            style = mark.style + (" reverse" if index == self.cursor and self.has_focus else "")
            _put(grid, mark.x, mark.y, mark.label, style)
        picture = Text(end="", no_wrap=True, overflow="crop")
        for row in grid:
            for char, style in row:
                picture.append(char, style=style or None)
            picture.append("\n")
        picture.append(self.describe_cursor(width) + "\n", style="bold")
        picture.append_text(Text("\n", end="").join(legend))
        return picture

    def legend(self, width: int) -> list[Text]:
        """What each shape means, wrapped between items to *width* (never cut mid-item)."""
        items = []
        for index, context in enumerate(self.contexts[: len(SHAPES)]):
            filled, _ = SHAPES[index % len(SHAPES)]
            item = Text(filled, style=self.colour(index), end="")
            item.append(f" {shorten(plain(context, keep_newlines=False), 24)}")
            items.append(item)
        items.append(Text(f"{NO_CONTEXT[0]} no context", end=""))
        lettered = len(self.contexts) > DRAWN  # their small letter was left unexplained (nu225)
        drifting = "hollow shape or small letter" if lettered else "hollow shape"
        items.append(Text(f"{drifting} = drifting", style="grey62", end=""))
        items.append(Text("●n, or ◎n mixed = a crowd of n", style="grey62", end=""))  # any shape
        lines = [Text(end="")]
        for item in items:
            if lines[-1].cell_len and lines[-1].cell_len + 2 + item.cell_len > width:
                lines.append(Text(end=""))
            if lines[-1].cell_len:
                lines[-1].append("  ")
            lines[-1].append_text(item)
        return lines

    def describe_cursor(self, width: int = 200) -> str:
        """The mark under the cursor, in *width* cells: a crowd's parts of life give way
        first, so "Enter lists them" stays (at 60 columns it was cut mid-word, nu237)."""
        if not self.marks:
            return ""
        mark = self.marks[self.cursor]
        if not mark.is_group:
            said = plain(f"▸ {mark.dots[0].name} — {mark.dots[0].detail}", keep_newlines=False)
            return shorten(said, width)
        contexts = plain(", ".join(sorted({d.context or "no context" for d in mark.dots})))
        head = f"▸ {plural(len(mark.dots), 'person', 'people')} in the {RINGS[mark.ring]} circle"
        tail = " — Enter lists them"
        room = width - len(head) - len(tail) - 3  # " (" and ")"
        if room >= 8:
            return f"{head} ({shorten(contexts, min(room, 60))}){tail}"
        return shorten(f"▸ {plural(len(mark.dots), 'person', 'people')}{tail}", width)

    # ---------------------------------------------------------------- moving

    def action_move(self, step: int) -> None:
        """← → go round the ring the cursor is on (they went on into the next ring, nu242)."""
        if not self.marks:
            return
        ring = self.marks[self.cursor].ring
        around = sorted((i for i, m in enumerate(self.marks) if m.ring == ring),
                        key=lambda i: self.marks[i].angle)  # fmt: skip
        self.cursor = around[(around.index(self.cursor) + step) % len(around)]

    def action_ring(self, step: int) -> None:
        if not self.marks:
            return
        here = self.marks[self.cursor]
        for ring in range(here.ring + step, -1 if step < 0 else len(RINGS), step):
            candidates = [i for i, m in enumerate(self.marks) if m.ring == ring]
            if candidates:
                self.cursor = min(
                    candidates, key=lambda i: _angle_gap(self.marks[i].angle, here.angle)
                )
                return

    def action_choose(self) -> None:
        if self.marks:
            self.post_message(self.Chosen(self.marks[self.cursor].dots))

    def on_click(self, event: Click) -> None:
        if not self.marks:
            return
        nearest = min(
            range(len(self.marks)),
            key=lambda i: (self.marks[i].x - event.x) ** 2 + (2 * (self.marks[i].y - event.y)) ** 2,
        )
        self.cursor = nearest
        self.post_message(self.Chosen(self.marks[nearest].dots))

    def watch_cursor(self) -> None:
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()


def _ring_cells(cx: float, cy: float, rx: float, ry: float) -> list[tuple[tuple[int, int], float]]:
    """The distinct cells an ellipse passes through, in angle order from the top."""
    seen: set[tuple[int, int]] = set()
    cells = []
    steps = max(64, int(8 * (rx + ry)))
    for k in range(steps):
        angle = 2 * math.pi * k / steps - math.pi / 2
        cell = (round(cx + rx * math.cos(angle)), round(cy + ry * math.sin(angle)))
        if cell not in seen:
            seen.add(cell)
            cells.append((cell, angle))
    return cells


def _angle_gap(a: float, b: float) -> float:
    gap = abs(a - b) % (2 * math.pi)
    return min(gap, 2 * math.pi - gap)


def _put(grid: list[list[tuple[str, str]]], x: int, y: int, label: str, style: str) -> None:
    if not 0 <= y < len(grid):
        return
    row = grid[y]
    start = max(0, min(x, len(row) - len(label)))
    for offset, char in enumerate(label[: len(row)]):
        row[start + offset] = (char, style)
