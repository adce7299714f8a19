"""The people someone trusts: names and how to reach them, shown first under help."""

from __future__ import annotations

from functools import partial
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input

from planner_tui.db.models import TrustedContactBase, TrustedContactRead
from planner_tui.services.support import MAX_TRUSTED
from planner_tui.ui.forms.base import Field, FormScreen, Problem
from planner_tui.ui.widgets.fields import TextField


class TrustedForm(FormScreen[list[TrustedContactRead]]):
    TITLE = "People you trust"
    ITEM_FIELDS = {"contacts": "{part}{n}"}  # contacts.2.name: the third row's name
    FIELD_WORDS = {f"{part}{n}": f"{what} in row {n + 1}" for n in range(MAX_TRUSTED)
                   for part, what in (("name", "the name"), ("reach", "how to reach them"))}  # fmt: skip

    def __init__(self) -> None:
        super().__init__("trusted", {})

    def compose_fields(self) -> ComposeResult:
        yield Field(
            "Who would you call or message when things feel heavy? A name, and how to reach "
            "them (a number, an address). Only on this computer; leave rows empty if you like."
        )
        for n in range(MAX_TRUSTED):
            with Horizontal(classes="row"):
                yield TextField(id=f"name{n}", placeholder="name")
                yield TextField(id=f"reach{n}", placeholder="how to reach them")
        yield Problem(id="contacts-problem")

    def stored_now(self) -> dict[str, Any]:
        """Every row as stored (empty ones too): the form opens with them, and a save keeps
        rows another window changed meanwhile, or asks (the last save wiped the other's)."""
        from planner_tui.services import support

        stored = self.planner.backend.read(support.list_trusted)
        values: dict[str, Any] = {}
        for n in range(MAX_TRUSTED):
            person = stored[n] if n < len(stored) else None
            values[f"name{n}"] = person.name if person else ""
            values[f"reach{n}"] = person.reach if person else ""
        return values

    def values(self) -> dict[str, Any]:
        return {
            f"{part}{n}": self.query_one(f"#{part}{n}", Input).value
            for n in range(MAX_TRUSTED)
            for part in ("name", "reach")
        }

    def fill(self, values: dict[str, Any]) -> None:
        for key, value in values.items():
            found = list(self.query(f"#{key}").results(Input))
            if found:
                found[0].value = str(value)

    def submit(self, values: dict[str, Any]) -> list[TrustedContactRead]:
        from planner_tui.services import support

        rows: list[TrustedContactBase | dict[str, object]] = [
            {"name": values[f"name{n}"], "reach": values[f"reach{n}"]} for n in range(MAX_TRUSTED)
        ]
        # The Review shows them under a loneliness check: it reads them again.
        return self.planner.backend.write(partial(support.save_trusted, contacts=rows))
