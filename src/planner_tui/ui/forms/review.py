"""The two things a person writes in a monthly review: the loneliness check and their
intentions (with wins and a note). Both keep drafts like every form."""

from __future__ import annotations

import time
from datetime import date
from functools import partial
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.events import Key
from textual.widget import Widget
from textual.widgets import Input, RadioButton, RadioSet, TextArea

from planner_tui import clock, words
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
from planner_tui.ui.widgets.ticks import FIND_PAUSE, RadioTick

INTENTIONS = 3
HOW_OFTEN = list(LonelyHowOften)


class Answers(RadioSet):
    """One answer of a few: ↑ ↓ move, Space or Enter picks — and, as in any list, Home and
    End go to the first and last, and a letter picks the next answer it begins (End then
    Space picked "never": End did nothing, and letters typed to find an answer neither;
    then a letter only moved to one, and Tab went on with nothing picked, nu161). Letters
    typed close together that spell no answer are words typed in the wrong place: the
    answer goes back to what it was, and the bell rings ("hello" picked "often", nu180)."""

    BINDINGS = [
        Binding("home", "go(0)", show=False),
        Binding("end", "go(-1)", show=False),
    ]

    def __init__(self, *buttons: RadioButton, **kwargs: Any) -> None:
        super().__init__(*buttons, **kwargs)
        self._spelling = ""
        self._typed_at = 0.0
        self._before: int | None = None
        """The answer picked before the letters being typed."""

    def action_go(self, index: int) -> None:
        self._selected = index % len(self._nodes)  # Textual keeps no public name for it

    # ↑ ↓ stop at the first and last answer, never round again (Textual's went round: ↓
    # held seven times picked "some of the time", nu237)
    def action_next_button(self) -> None:
        at = self._selected
        self._selected = 0 if at is None else min(at + 1, len(self._nodes) - 1)

    def action_previous_button(self) -> None:
        self._selected = max((self._selected or 0) - 1, 0)

    def on_key(self, event: Key) -> None:
        typed = (event.character or "").casefold()
        if not (typed.isalpha() and len(typed) == 1):
            return
        event.stop()
        labels = [str(button.label).casefold() for button in self.query(RadioButton)]
        now, typed_at = time.monotonic(), self._typed_at
        self._typed_at = now
        if self._spelling and now - typed_at < FIND_PAUSE and typed != self._spelling:
            self._spelling += typed  # more of a word: "of" goes on spelling "often"
            picked = _chosen(self)
            if picked is not None and labels[picked].startswith(self._spelling):
                return
            if picked != self._before:
                _choose(self, self._before)
                self.app.bell()
            return
        begun = [n for n, label in enumerate(labels) if label.startswith(typed)]
        if not begun:
            self._spelling = ""
            self.app.bell()
            return
        self._spelling, self._before = typed, _chosen(self)
        at = self._selected
        if at in begun:  # the same letter again: the next answer it begins
            self._selected = next((n for n in begun if n > at), begun[0])
        else:  # first, the answer whose first word is shortest: the word the letter most
            # likely is — "o" is "often", as in the questions above, not "occasionally"
            # (nu156: "o" for each question recorded the fourth as occasionally)
            self._selected = min(begun, key=lambda n: len(labels[n].split()[0]))
        if self._selected != self.pressed_index:
            self.action_toggle_button()  # picked, as a drop-down's letter picks


def _choices(id: str, labels: list[str]) -> RadioSet:
    return Answers(*(RadioTick(text) for text in labels), id=id, compact=False)


def _chosen(radio: RadioSet) -> int | None:
    """Read from the buttons: the set's own index follows them only once their messages are
    handled, so a form just filled would still read as it was."""
    return next((n for n, button in enumerate(radio.query(RadioButton)) if button.value), None)


def _choose(radio: RadioSet, index: int | None) -> None:
    """Pick the button at *index* (None: none), at once. Left to the set's own messages, a
    button unpicked by code is picked again (the set allows no "none") and the set's index
    follows only later; Textual has no public way to clear a set."""
    buttons = list(radio.query(RadioButton))
    chosen = buttons[index] if index is not None and 0 <= index < len(buttons) else None
    with radio.prevent(RadioButton.Changed):
        for button in buttons:
            button.value = button is chosen
    radio._pressed_button = chosen


class LonelinessForm(FormScreen[LonelinessCheckRead]):
    """Three questions on the usual three-point scale, and the direct question apart."""

    FIELD_WORDS = {"lack_companionship": "lacking companionship", "left_out": "feeling left out",
                   "isolated": "feeling isolated", "how_often": "how often lonely"}  # fmt: skip

    def __init__(self, month: str, check: LonelinessCheckRead | None = None) -> None:
        super().__init__(f"loneliness:{month}", self.as_form(check))
        self.month = month
        first = date.fromisoformat(f"{month}-01")
        self.heading = f"Loneliness check for {first:%B} {first.year}"
        self._anyone_trusted = True  # read again on saving: the thanks names only what is there

    @staticmethod
    def as_form(check: LonelinessCheckRead | None) -> dict[str, int | None]:
        """The answers as the form holds them: each the index of the one picked, or None."""
        if check is None:
            return {item: None for item in [*(item for item, _ in SCALE_ITEMS), "how_often"]}
        how_often = HOW_OFTEN.index(LonelyHowOften(check.how_often)) if check.how_often else None
        return {**{item: getattr(check, item) - 1 for item, _ in SCALE_ITEMS},
                "how_often": how_often}  # fmt: skip

    def stored_now(self) -> dict[str, Any]:
        from planner_tui.services import review

        check = self.planner.backend.read(partial(review.loneliness_check, month=self.month))
        return self.as_form(check)

    def in_words(self, field: str, value: Any) -> Any:
        if value is None:
            return ""
        return label(HOW_OFTEN[value]) if field == "how_often" else SCALE_WORDS[value + 1]

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

    def said_when_saved(self, result: LonelinessCheckRead) -> str:
        if not result.leans_lonely:
            return super().said_when_saved(result)
        return words.LONELY_SAVED if self._anyone_trusted else words.LONELY_SAVED_NO_ONE_TRUSTED

    def submit(self, values: dict[str, Any]) -> LonelinessCheckRead:
        from planner_tui.services import review, support

        how_often = values.get("how_often")
        self._anyone_trusted = bool(self.planner.backend.read(support.list_trusted))
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

    WORDS = "#wins"
    ITEM_FIELDS = {"intentions": "intention{n}"}

    FIELD_WORDS = {**{f"intention{n}": f"intention {n + 1}" for n in range(INTENTIONS)},
                   "wins": "wins of the month"}  # fmt: skip

    def __init__(
        self, month: str, following: str, notes: MonthReviewRead | None, *, before: bool = False
    ) -> None:
        super().__init__(f"intentions:{month}", self.as_form(notes))
        self.month = month
        self.following = following
        self.before = before
        """The month comes before the planner began: it is opened for the intentions of the
        month after (Today's hint sends a first evening here), and its wins are not asked for
        as if there had to be some (nu213)."""
        self.this_month = clock.strftime(date.fromisoformat(f"{month}-01"), "%B %Y")
        """The month reviewed: its wins are asked about (opened from an earlier month's
        review, "this month" read as the month on the calendar)."""
        self.heading = f"Intentions for {following}"

    @staticmethod
    def as_form(notes: MonthReviewRead | None) -> dict[str, str]:
        intentions = list(notes.intentions) if notes else []
        return {
            **{f"intention{n}": intentions[n] if n < len(intentions) else ""
               for n in range(INTENTIONS)},
            "wins": notes.wins if notes else "",
            "note": notes.note if notes else "",
        }  # fmt: skip

    def stored_now(self) -> dict[str, str]:
        """Read by month: notes written meanwhile for a month that had none are kept too."""
        from planner_tui.services import review

        return self.as_form(
            self.planner.backend.read(partial(review.month_notes, month=self.month))
        )

    def compose_fields(self) -> ComposeResult:
        from planner_tui.daily import intentions_month

        shown_now = intentions_month(clock.today())  # the month whose intentions show now
        yield Field(
            f"One to three small intentions for {self.following}, gone by now: they are kept "
            "with this review."
            if self.month < shown_now  # not "all through December 2024"
            else f"One to three small intentions. They show on Today for the rest of "
            f"{self.following}."
            if self.month == shown_now  # on 6 December, not "all through December" (nu166)
            else f"One to three small intentions. They show on Today all through {self.following}."
        )
        for n in range(INTENTIONS):
            yield TextField(id=f"intention{n}", placeholder=f"intention {n + 1}")
        yield Problem(id="intentions-problem")
        yield Field(
            f"Wins in {self.this_month}, if any come to mind (before your planner began: "
            "leave it empty if you like)"
            if self.before
            else f"Wins in {self.this_month}, in your own words"
        )
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
