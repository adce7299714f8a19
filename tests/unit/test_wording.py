"""Nothing on screen diagnoses, labels or shames: every sentence in the code and the shipped
assets is read for words that would (unless the sentence says "not a …")."""

from __future__ import annotations

import ast
import re
import tomllib
from datetime import datetime
from pathlib import Path

from hypothesis import given, strategies as st

import planner_tui
from planner_tui import words

SOURCE = Path(planner_tui.__file__).parent
HARSH = re.compile(
    r"\b(fail(ed|ure|ing)?|depress\w*|disorder\w*|symptom\w*|patholog\w*|diagnos\w*|"
    r"lazy|pathetic|weak|loser|antisocial|clingy|needy|overdue|missed|behind|"
    r"you should|you must|lonely people|isolated people|abnormal|problem with you)\b",
    re.IGNORECASE,
)
NEGATED = re.compile(r"\bnot (a|an|the)\b", re.IGNORECASE)
CAUSAL = re.compile(
    r"\b(because|caused?|causing|leads? to|led to|made you|so that|thanks to|due to)\b",
    re.IGNORECASE,
)
"""What would claim a cause: figures say what went together, never why."""
ASKED = re.compile(r"\b(what|anything that) made you (want to )?withdraw\b", re.IGNORECASE)
"""The check-in's own question (asking the person what it was) claims nothing."""


def sentences_shown() -> list[tuple[str, str]]:
    """(where, text) for every string literal that isn't a docstring, and every asset text."""
    found: list[tuple[str, str]] = []
    for path in SOURCE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        # A string standing alone as a statement (the docstring of a constant or a field,
        # below it) is for readers of the code, never shown.
        docstrings |= {
            id(node.value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
        }
        found += [
            (f"{path.name}:{node.lineno}", node.value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and " " in node.value.strip()
        ]
    for path in (SOURCE / "assets").glob("*.toml"):
        found += [(path.name, text) for text in strings_in(tomllib.loads(path.read_text()))]
    from planner_tui.patterns import STOPWORDS

    # Not the list of little words a month's themes leave out ("should", "made"…): a list,
    # never a sentence.
    return [(where, text) for where, text in found if not set(text.split()) <= STOPWORDS]


def strings_in(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return [text for item in items for text in strings_in(item)]


def test_no_sentence_diagnoses_labels_or_shames() -> None:
    shown = sentences_shown()
    assert len(shown) > 300  # really reading the product's words
    harsh = [
        (where, text)
        for where, text in shown
        if (match := HARSH.search(text))
        and not NEGATED.search(text[max(0, match.start() - 30) : match.start()])
    ]
    assert harsh == []


def test_no_sentence_claims_a_cause() -> None:
    """Figures count what went together; no sentence says one thing made another happen
    (the check-in's question "what made you withdraw" asks, it doesn't claim)."""
    causal = [
        (where, text)
        for where, text in sentences_shown()
        if CAUSAL.search(ASKED.sub("", text))
        and not re.search(r"\b(not|never) (have|has) to cause\b", text)
    ]
    assert causal == []


def test_a_change_on_both_sides_is_quoted_where_it_differs() -> None:
    """Two notes alike for their first 60 characters were quoted by that start alone, so
    the question "save mine over it?" showed nothing of the change."""
    start = "a long day at the screen and no energy left [bold]B[/] [/]"
    said = words.changed_meanwhile(
        {"withdraw_note": "what made you want to withdraw"},
        {"withdraw_note": start + " FROM-TWO"},
        {"withdraw_note": start + " FROM-MAIN"},
    )
    assert "what made you want to withdraw: “…" in said and "FROM-TWO”" in said


@given(theirs=st.text(max_size=300), mine=st.text(max_size=300))
def test_the_quote_always_fits_and_shows_where_the_texts_part(theirs: str, mine: str) -> None:
    shown = words.where_they_differ(theirs, mine)
    assert len(shown) <= words.QUOTED
    parted = 0
    while parted < min(len(theirs), len(mine)) and theirs[parted] == mine[parted]:
        parted += 1
    if parted < len(theirs):  # the first character that differs is in the quote
        around = theirs[max(0, parted - 5) : parted + 1]
        assert around in shown, (shown, around)


def test_a_day_the_step_words_disagree_with_says_its_year_when_another() -> None:
    """ "the step is on Thursday 7 Jan" was a year on, unsaid (every date in another year is
    shown with it)."""
    assert words.day_disagrees("step", "Saturday", datetime(2027, 1, 7, 18)) == (
        "Your step says Saturday, and the step is on Thursday 7 Jan 2027. Is that the day you mean?"
    )
    assert "on Friday 27 Nov." in words.day_disagrees("step", "Thursday", datetime(2026, 11, 27))


@given(st.text(max_size=80))
def test_typed_words_are_quoted_back_as_they_show(typed: str) -> None:
    """A check-in's "No one called '… 👨\\u200d👩\\u200d👧 …' yet": Python's repr wrote the
    joiners of one emoji as escapes (and switched quotes around an apostrophe). What was
    typed comes back in single quotes, whitespace runs as one space, at most 60
    characters, with no character that would move the terminal's cursor or colour it."""
    said = words.quoted(typed)
    inside = said[1:-1]
    assert said[0] == said[-1] == "'" and len(inside) <= 60
    assert not any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in inside), said
    assert words.quoted("Zoë 👨\u200d👩\u200d👧") == "'Zoë 👨\u200d👩\u200d👧'"
    assert words.quoted("O'Brien") == "'O'Brien'"
    assert words.quoted("a\x1b[31mb") == "'a␛[31mb'"


def test_deleting_a_part_of_life_says_what_stays_in_agreeing_words() -> None:
    """ "Contact logged there stays" (nu204): contacts, plural, stay."""
    for people_count in (0, 1, 2):
        said = words.context_deleted(people_count)
        assert "Contacts logged there stay" in said and "stays," not in said, said
    assert words.context_deleted(1).startswith("1 person in it stays on your map")


def test_a_cue_before_a_step_with_a_colon_of_its_own_is_set_apart_by_a_dash() -> None:
    """A follow-up with its step's cue read "When I get home: gently follow up: send Bo a
    short message" on Today (nu252)."""
    follow_up = words.FOLLOW_UP_WORDS + "send Bo a short message"
    assert words.cued(follow_up, "Bo", "when I get home") == (
        "When I get home — gently follow up: send Bo a short message"
    )
    assert words.cued("send Bo a short message", "Bo", "when I get home") == (
        "When I get home: send Bo a short message"
    )


def test_one_person_not_yet_in_touch_is_the_one_person() -> None:
    """'for the 1 person not yet in touch since you added them' (nu258)."""
    assert (
        "; for the one person with a rhythm and not yet in touch since you added them"
        in words.no_one_drifting([], 1)
    )
    assert "; for the 3 people with a rhythm and not yet in touch" in words.no_one_drifting([], 3)


def test_a_step_that_felt_easy_is_not_called_awkward() -> None:
    """ "Done, and it felt 1/5 awkward. That counts." was said of a step that felt easy, as of
    a hard one (nu280); "Done all the same" of one as easy as expected."""
    assert words.awkwardness_compared(None, 1) == "Done, and it felt easy (1/5)."
    assert words.awkwardness_compared(1, 1) == "Done, and it felt easy (1/5). As you expected."
    assert words.awkwardness_compared(None, 4) == "Done, and it felt 4/5 awkward. That counts."
    assert words.awkwardness_compared(3, 3).endswith("Done all the same.")
    assert words.awkwardness_compared(3, 1).startswith("Easier than you expected (1/5")
