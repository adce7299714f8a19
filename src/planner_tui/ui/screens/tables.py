"""The table helpers every view uses: rows of user text shown as text, never markup."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

from planner_tui.ui.screens.base import text


class Table(DataTable[Any]):
    """A DataTable that redraws what it drew before its columns widened. Textual 8 measures
    new rows when idle without forgetting the lines it has drawn already, so a frame drawn
    in between (likely on a busy machine) kept the header at its old widths, out of line
    with the rows under it."""

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        super()._update_dimensions(new_rows)
        self._update_count += 1  # part of every drawn line's cache key
        self.refresh()


def table(id: str, *columns: str) -> DataTable[Any]:
    """A row-cursor table with these columns (more can be added later)."""
    widget = Table(id=id, cursor_type="row", zebra_stripes=False)
    widget.add_columns(*columns)
    return widget


def fill(
    widget: DataTable[Any], rows: list[tuple[Any, ...]], keys: list[str] | None = None
) -> None:
    widget.clear()
    for index, row in enumerate(rows):
        cells = [cell if isinstance(cell, Text) else text(str(cell)) for cell in row]
        widget.add_row(*cells, key=keys[index] if keys else None)
    widget.display = bool(rows)
