"""The table helpers every view uses: rows of user text shown as text, never markup."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import DataTable

from planner_tui.ui.screens.base import text


def table(id: str, *columns: str) -> DataTable[Any]:
    """A row-cursor table with these columns (more can be added later)."""
    widget: DataTable[Any] = DataTable(id=id, cursor_type="row", zebra_stripes=False)
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
