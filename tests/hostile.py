"""The hostile values every input is tried with (services, command line and forms)."""

from __future__ import annotations

import contextlib
import re
import sqlite3
from pathlib import Path

import sqlalchemy as sa

from planner_tui.db.engine import Database
from planner_tui.db.models import TABLES_IN_ORDER

TEXT: dict[str, str] = {
    "empty": "",
    "whitespace": "  \t  ",
    "100k characters": "x" * 100_000,
    "emoji and combining marks": "Zoë 👩🏽‍🦱 e\u0301 n\u0303 🏳️‍🌈",
    "right to left": "مريم שלום abc",
    "NUL": "a\x00b",
    "control characters": "a\x07b\x08c",
    "escape sequences": "\x1b[31mred\x1b[0m \x1b]0;owned\x07 \x1b[2J",
    "markup bold": "[bold]loud[/bold]",
    "markup close": "[/]",
    "markup click": "[@click=app.quit]x[/]",
    "markup link": "[link=file:///etc/passwd]x[/link]",
    "SQL": "Robert'); DROP TABLE person;--",
    "FTS operators": 'NEAR(a b) OR "x* AND -y ^z',
    "impossible date": "31 feb",
    "impossible time": "25:61",
    "number out of range": "99999999999999999999",
}
"""Label → value. Every text input gets all of them."""

NUMBERS: dict[str, object] = {
    "empty": "",
    "zero": 0,
    "too high": 6,
    "negative": -1,
    "huge": 10**20,
    "fraction": "3.5",
    "not a number": "four",
    "nan": float("nan"),
    "markup": "[bold]3",
    "fine": 3,
}
"""Label → value for the 1–5 scales and other numbers."""

MARKUP: dict[str, str] = {
    "bold": "[bold]Bob",
    "close": "[/]",
    "name then close": "Bob [/]",
    "click action": "[@click=app.quit]x[/]",
    "file link": "[link=file:///etc/passwd]a[/link]",
    "escape": "\x1b[31m",
}
"""Label → value: text that would act if it were read as markup (or reach the terminal
raw). Every toast, title and message is tried with each (tests/ui/test_safety.py)."""


def stored_data(database: Database | Path, *, drafts: bool = False) -> dict[str, list[str]]:
    """Every row of every table (drafts only if asked: they hold text still being typed), to
    compare before and after: a refusal must leave all of it as it was. Given a SQLite
    file's path, the rows are read with the standard library, as stored (JSON as its text):
    enough to tell whether anything changed, and the hostile tables look before and after
    each of thousands of writes, where opening an engine each time cost most of their time.
    Given a Database, values are read back as the app reads them."""
    names = [t.__tablename__ for t in TABLES_IN_ORDER]  # type: ignore[attr-defined]
    if not drafts:
        names.remove("draft")
    if isinstance(database, Path):
        with contextlib.closing(sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)) as c:
            return {
                name: sorted(repr(row) for row in c.execute(f'SELECT * FROM "{name}"'))
                for name in names
            }
    tables = {t.__tablename__: t for t in TABLES_IN_ORDER}  # type: ignore[attr-defined]
    with database.engine.connect() as connection:
        return {
            name: sorted(repr(tuple(row)) for row in connection.execute(sa.select(tables[name])))
            for name in names
        }


def one_clear_line(message: str, *, typed: str = "") -> None:
    """A refusal's message: one line, in words, not an exception's insides. Quoting what was
    *typed* back is fine, however long it is."""
    line = message.strip()
    assert line and "\n" not in line, message
    words = line.replace(typed, "…") if typed.strip() else line
    assert len(words) < 300, words[:400]
    assert not INSIDES.search(words), words


INSIDES = re.compile(
    r"Traceback|pydantic|validation error|input_value|type=\w+|object at 0x", re.IGNORECASE
)
"""Words that mean an exception's text reached the person, instead of a sentence."""
