"""The two things a person writes in a monthly review: the loneliness check and their
intentions (with wins and a note). Both keep drafts like every form."""

from __future__ import annotations

from functools import partial
from typing import Any

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Input, RadioButton, RadioSet, TextArea

from planner_tui.db.models import (
    INTENTION_LIMIT,
    LonelinessCheckRead,
    LonelyHowOften,
    MonthReviewRead,
    label,
)
from planner_tui.review_report import DIRECT_QUESTION, SCALE_ITEMS, SCALE_WORDS
from planner_tui.ui.forms.base import Field, FormScreen, Problem
from planner_tui.ui.widgets.fields import TextBox, TextField
from planner_tui.ui.widgets.ticks import RadioTick

INTENTIONS = 3
HOW_OFTEN = list(LonelyHowOften)


def _choices(id: str, labels: list[str]) -> RadioSet:
    return RadioSet(*(RadioTick(text) for text in labels), id=id, compact=False)


def _chosen(radio: RadioSet) -> int | None:
    return radio.pressed_index if radio.pressed_index >= 0 else None


def _choose(radio: RadioSet, index: int | None) -> None:
    buttons = list(radio.query(RadioButton))
    if index is not None and 0 <= index < len(buttons):
        buttons[index].value = True
    else:
        for button in buttons:
            button.value = False


class LonelinessForm(FormScreen[LonelinessCheckRead]):
    """Three questions on the usual three-point scale, and the direct question apart."""

    def __init__(self, month: str, check: LonelinessCheckRead | None = None) -> None:
        initial: dict[str, Any] = {}
        if check is not None:
            initial = {item: getattr(check, item) - 1 for item, _ in SCALE_ITEMS}
            if check.how_often:
                initial["how_often"] = HOW_OFTEN.index(LonelyHowOften(check.how_often))
        super().__init__(f"loneliness:{month}", initial)
        self.month = month
        from datetime import date

        first = date.fromisoformat(f"{month}-01")
        self.heading = f"Loneliness check for {first:%B} {first.year}"

    def compose_fields(self) -> ComposeResult:
        yield Field(
            "Three short questions about the last few weeks. There are no right answers, and "
            "this is not a test or a diagnosis. Arrows move, space picks, tab goes on."
        )
        for item, question in SCALE_ITEMS:
            yield Field(question)
            yield _choices(item, [SCALE_WORDS[n] for n in (1, 2, 3)])
            yield Problem(id=f"{item}-problem")
        yield Field(f"{DIRECT_QUESTION} (optional, kept apart from the total)")
        yield _choices("how_often", [label(h) for h in HOW_OFTEN])

    def on_mount(self) -> None:
        self.query_one(f"#{SCALE_ITEMS[0][0]}", RadioSet).focus()

    def values(self) -> dict[str, Any]:
        return {
            id: _chosen(self.query_one(f"#{id}", RadioSet))
            for id in [*(item for item, _ in SCALE_ITEMS), "how_often"]
        }

    def fill(self, values: dict[str, Any]) -> None:
        for id, index in values.items():
            radios = list(self.query(f"#{id}").results(RadioSet))
            if radios:
                _choose(radios[0], index)

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        # Only said on saving: an unanswered question while answering the first isn't news.
        return {}

    def action_save(self) -> None:
        values = self.values()
        missing = {
            item: "Pick one of the three, please."
            for item, _ in SCALE_ITEMS
            if values[item] is None
        }
        if missing:
            self.show_problems(missing)
            self.query_one("#form-problem", Problem).say("All three questions make the total.")
            return
        self.show_problems({})
        self.save(values)

    def submit(self, values: dict[str, Any]) -> LonelinessCheckRead:
        from planner_tui.services import review

        how_often = values.get("how_often")
        return self.planner.backend.write(
            partial(
                review.save_loneliness_check,
                data={
                    "month": self.month,
                    **{item: values[item] + 1 for item, _ in SCALE_ITEMS},
                    "how_often": HOW_OFTEN[how_often] if how_often is not None else None,
                },
            )
        )


def too_long(values: dict[str, Any]) -> int | None:
    """Which intention (0, 1 or 2) is first too long, if one is."""
    return next(
        (n for n in range(INTENTIONS) if len(values[f"intention{n}"]) > INTENTION_LIMIT), None
    )


class IntentionsForm(FormScreen[MonthReviewRead]):
    """Up to three intentions for next month, the month's wins in one's own words, a note."""

    ITEM_FIELDS = {"intentions": "intention{n}"}

    def __init__(self, month: str, following: str, notes: MonthReviewRead | None) -> None:
        initial: dict[str, Any] = {"wins": "", "note": ""}
        if notes is not None:
            initial = {"wins": notes.wins, "note": notes.note}
            for n, intention in enumerate(notes.intentions):
                initial[f"intention{n}"] = intention
        super().__init__(f"intentions:{month}", initial)
        self.month = month
        self.heading = f"Intentions for {following}"

    def compose_fields(self) -> ComposeResult:
        yield Field("One to three small intentions. They show on Today all next month.")
        for n in range(INTENTIONS):
            yield TextField(id=f"intention{n}", placeholder=f"intention {n + 1}")
        yield Problem(id="intentions-problem")
        yield Field("Wins this month, in your own words")
        yield TextBox(id="wins", soft_wrap=True, classes="short")
        yield Field("A note to yourself (or to bring to someone you talk to)")
        yield TextBox(id="note", soft_wrap=True, classes="short")

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            f"intention{n}": self.query_one(f"#intention{n}", Input).value
            for n in range(INTENTIONS)
        }
        values["wins"] = self.query_one("#wins", TextArea).text
        values["note"] = self.query_one("#note", TextArea).text
        return values

    def fill(self, values: dict[str, Any]) -> None:
        for n in range(INTENTIONS):
            self.query_one(f"#intention{n}", Input).value = str(values.get(f"intention{n}", ""))
        self.query_one("#wins", TextArea).text = str(values.get("wins", ""))
        self.query_one("#note", TextArea).text = str(values.get("note", ""))

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        # Said as it is typed, not only on saving: the box takes any length.
        n = too_long(values)
        if n is None:
            return {}
        length = len(values[f"intention{n}"])
        return {
            "intentions": f"Intention {n + 1} is {length:,} characters long; an intention "
            f"can be at most {INTENTION_LIMIT:,}."
        }

    def field_of(self, note: Problem) -> Widget | None:
        n = too_long(self.values()) if note.id == "intentions-problem" else None
        return super().field_of(note) if n is None else self.query_one(f"#intention{n}")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def submit(self, values: dict[str, Any]) -> MonthReviewRead:
        from planner_tui.services import review

        return self.planner.backend.write(
            partial(
                review.save_month_notes,
                data={
                    "month": self.month,
                    "intentions": [values[f"intention{n}"] for n in range(INTENTIONS)],
                    "wins": values["wins"],
                    "note": values["note"],
                },
            )
        )
