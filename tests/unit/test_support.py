"""Where to turn: trusted contacts (kept in order, empty rows dropped, a way to reach without
a name refused), and the public lines of support.toml — crisis lines first, then support
that isn't only for crises; a copy in the planner folder replaces the shipped file, and a
copy that can't be used is said so, with the shipped lines shown instead."""

from __future__ import annotations

import tomllib
from datetime import date
from importlib import resources
from pathlib import Path

import pytest
import sqlalchemy as sa

from planner_tui import review_report, words
from planner_tui.db.engine import Database
from planner_tui.db.models import TrustedContact
from planner_tui.errors import InvalidInput
from planner_tui.services import exchange, review, support


def test_trusted_contacts_keep_order_and_refuse_a_reach_without_a_name(db: Database) -> None:
    with db.write() as s:
        support.save_trusted(
            session=s, contacts=[{"name": "Ana", "reach": "x"}, {"name": "", "reach": ""},
                                 {"name": "Bo", "reach": ""}],
        )  # fmt: skip
    with db.session() as s:
        assert [p.name for p in support.list_trusted(session=s)] == ["Ana", "Bo"]
    with pytest.raises(InvalidInput, match="Name can't be empty"), db.write() as s:
        support.save_trusted(session=s, contacts=[{"name": " ", "reach": "0123"}])
    with db.session() as s:  # the refused save changed nothing
        assert len(support.list_trusted(session=s)) == 2


@pytest.mark.parametrize(
    ("reach", "said"),
    [("0" * 1_001, "How to reach them is 1,001 characters long"),
     ("call me\x1b[31m", "How to reach them can't contain control characters"),
     ("12 High St\nFlat 2", "How to reach them can't contain control characters or line breaks")],
)  # fmt: skip
def test_how_to_reach_someone_is_one_line_as_long_as_a_name_may_be(
    db: Database, reach: str, said: str
) -> None:
    """A way to reach someone took any length and any character, and the help page lists
    the people you trust before the crisis lines: a page of it pushed them out of sight
    (nu210). It is now one line of at most 1,000 characters; a longer one kept before still
    reads back whole."""
    with pytest.raises(InvalidInput, match=f"Row 1: {said}"), db.write() as s:
        support.save_trusted(session=s, contacts=[{"name": "Sam", "reach": reach}])
    with db.write() as s:
        support.save_trusted(session=s, contacts=[{"name": "Sam", "reach": "0" * 1_000}])
        s.execute(sa.text("UPDATE trusted_contact SET reach = :r"), {"r": "1" * 5_000})
    with db.session() as s:
        assert [p.reach for p in support.list_trusted(session=s)] == ["1" * 5_000]
    with db.write() as s:  # and an export holding it, as an older version wrote, imports
        s.execute(sa.text("UPDATE trusted_contact SET reach = :r"), {"r": "12 High St\nFlat 2"})
        exported = exchange.export_json(session=s)
        s.execute(sa.delete(TrustedContact))
        exchange.import_json(session=s, text=exported)
    with db.session() as s:
        assert [p.reach for p in support.list_trusted(session=s)] == ["12 High St\nFlat 2"]


def test_the_shipped_lines_put_crisis_lines_first_and_offer_more_than_crises() -> None:
    found = support.load_support()
    assert found.problem is None
    text = found.text()
    assert text[0].startswith("If things feel too heavy") and "emergency number" in text[0]
    assert "UK & Ireland: Samaritans — 116 123" in text[1]
    kinds = {line.kind for line in found.other}
    assert {"befriending", "peer", "counselling", "directory"} <= kinds
    assert len(found.crisis) >= 8 and len(found.other) >= 15
    last_crisis = max(text.index(f"{x.country}: {x.said()}") for x in found.crisis)
    assert all(text.index(f"{x.country}: {x.said()}") > last_crisis for x in found.other)
    # Every line in the file is one that shows: a name, a way to reach it, a known kind.
    raw = tomllib.loads(
        resources.files("planner_tui.assets").joinpath("support.toml").read_text("utf-8")
    )
    assert len(raw["line"]) == len(found.crisis) + len(found.other)
    assert all(entry["kind"] in support.KINDS for entry in raw["line"])


def test_a_copy_in_the_planner_folder_replaces_the_shipped_lines(tmp_path: Path) -> None:
    (tmp_path / "support.toml").write_text(
        '[[line]]\ncountry = "Here"\nkind = "befriending"\nname = "[b]Tea club[/b]"\n'
        'reach = "knock at no. 4"\nabout = "Tuesdays"\n'
        '[[line]]\nkind = "crisis"\nname = "My GP"\nreach = "0123"\n'
        '[[line]]\nname = "no way to reach"\n'
        '[[line]]\nkind = "mystery"\nname = "Odd"\nreach = "x"\n',
        encoding="utf-8",
    )
    found = support.load_support(tmp_path)
    assert found.problem is None
    assert found.text() == [
        found.text()[0],
        "My GP — 0123",  # crisis first, whatever the order in the file
        "",
        found.text()[3],
        "Here: [b]Tea club[/b], befriending — knock at no. 4: Tuesdays",
        "Odd — x",  # an unknown kind is shown as support
    ]
    assert "Samaritans" not in "\n".join(found.text())


@pytest.mark.parametrize(
    ("content", "why"),
    [
        ("[[line]\nname = 1", "line 1, column 7 isn't written as TOML"),
        (b"\xff\xfe name = 'x'", "isn't UTF-8"),
        ("title = 'only this'\n", "no line in it has a name and a way to reach it"),
    ],
)
def test_a_copy_that_cant_be_used_is_said_so_and_the_shipped_lines_show(
    tmp_path: Path, content: str | bytes, why: str
) -> None:
    own = tmp_path / "support.toml"
    own.write_bytes(content if isinstance(content, bytes) else content.encode())
    found = support.load_support(tmp_path)
    assert found.problem is not None and why in found.problem and str(own) in found.problem
    assert "\n" not in found.problem
    assert found.text() == support.load_support().text()  # the shipped lines


def test_a_high_loneliness_check_says_where_support_is(db: Database, tmp_path: Path) -> None:
    """Under a check that leans lonely the review says where support is — help and
    `planner-tui support`, which list it all (test_cli_support) — rather than every line
    (nu234, nu238); one's own support.toml that can't be read is still said so there."""
    with db.write() as s:
        review.save_loneliness_check(
            session=s,
            data={"month": "2026-10", "lack_companionship": 3, "left_out": 3, "isolated": 2},
        )
    with db.session() as s:
        data = review.review_month(session=s, month=date(2026, 10, 1))
    shipped = review_report.to_markdown(data)
    assert words.SUPPORT_IN_HELP in shipped and "Samaritans" not in shipped
    assert "emergency number" in shipped
    (tmp_path / "support.toml").write_text("[[line]", encoding="utf-8")
    broken = review_report.to_markdown(data, tmp_path)
    assert words.SUPPORT_IN_HELP in broken and "couldn't be used" in broken
