"""The tables every view uses."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.geometry import Region

from planner_tui.ui.screens.tables import Table, fill, table


class OneTable(App[None]):
    def compose(self) -> ComposeResult:
        yield table("steps", "when", "who")


async def test_the_header_lines_up_with_rows_even_when_drawn_before_they_were_measured() -> None:
    """On a busy machine a frame can be drawn after rows are added and before the table
    measures them when idle: the header drawn then must not stay at the old widths."""
    app = OneTable()
    async with app.run_test(size=(60, 10)) as pilot:
        steps = app.query_one(Table)
        fill(steps, [("Fri 20 Nov, 18:00", "Bo")])
        top = Region(0, 0, steps.size.width, 2)
        early = steps.render_lines(top)[0].text  # a frame drawn before the table was idle
        assert early.index("who") < len("Fri 20 Nov, 18:00")
        await pilot.pause()
        header, row = (line.text for line in steps.render_lines(top))
        assert header.index("who") == row.index("Bo"), (header, row)
