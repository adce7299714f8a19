"""Where to turn: the person's own trusted contacts (who they would turn to when things
feel heavy), shown first under help, then the public lines of ``support.toml`` — crisis
lines first, then befriending, peer groups, low-cost counselling and directories."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from planner_tui import words
from planner_tui.assets import read_toml_or_shipped, shipped, unreadable
from planner_tui.db.models import TrustedContact, TrustedContactBase, TrustedContactRead
from planner_tui.errors import InvalidInput
from planner_tui.services.common import validate
from planner_tui.words import plural

MAX_TRUSTED = 5


def list_trusted(*, session: Session) -> list[TrustedContactRead]:
    rows = session.exec(select(TrustedContact).order_by(col(TrustedContact.position))).all()
    return [TrustedContactRead.model_validate(row, from_attributes=True) for row in rows]


def trusted_lines(*, session: Session) -> list[str]:
    """The people you trust, one line each as help shows them: "Sam — 07000 111222"."""
    return [f"{p.name} — {p.reach}" if p.reach.strip() else p.name
            for p in list_trusted(session=session)]  # fmt: skip


def save_trusted(
    *, session: Session, contacts: list[TrustedContactBase | dict[str, object]]
) -> list[TrustedContactRead]:
    """Replace the list with *contacts*, in order (rows with neither name nor way to reach
    them are left out)."""
    kept = {
        row: c
        for row, c in enumerate(contacts)
        if not isinstance(c, dict)
        or str(c.get("name", "")).strip()
        or str(c.get("reach", "")).strip()
    }
    if len(kept) > MAX_TRUSTED:
        raise InvalidInput(
            f"Keep it to {plural(MAX_TRUSTED, 'person', 'people')}.", field="contacts"
        )
    valid = []
    for row, c in kept.items():
        try:
            valid.append(validate(TrustedContactBase, c))
        except InvalidInput as error:  # which of the rows, counted as on screen
            raise InvalidInput(
                f"Row {row + 1}: {error}", field=f"contacts.{row}.{error.field}"
            ) from None
    session.execute(sa.delete(TrustedContact))
    session.add_all(
        TrustedContact(name=c.name, reach=c.reach, position=n) for n, c in enumerate(valid)
    )
    session.flush()
    return list_trusted(session=session)


# --------------------------------------------------------------------------- public lines

KINDS = {
    "crisis": "crisis line",
    "befriending": "befriending",
    "peer": "peer support",
    "counselling": "free or low-cost counselling",
    "directory": "directory",
    "other": "support",
}
"""The kinds of line ``support.toml`` lists, and how each is named on screen."""


@dataclass(frozen=True)
class SupportLine:
    country: str
    kind: str
    name: str
    reach: str
    about: str = ""

    def said(self) -> str:
        """'Samaritans — 116 123 (free, any time): someone to talk to…' (with the kind after
        a comma, for lines that are not crisis lines: a name may end in brackets of its own)."""
        kind = "" if self.kind in ("crisis", "other") else f", {KINDS[self.kind]}"
        about = f": {self.about}" if self.about else ""
        return f"{self.name}{kind} — {self.reach}{about}"


@dataclass(frozen=True)
class SupportLines:
    """The lines to show, crisis lines first; ``problem`` says why the person's own
    ``support.toml`` was set aside, when it was."""

    crisis: list[SupportLine] = field(default_factory=list)
    other: list[SupportLine] = field(default_factory=list)
    problem: str | None = None

    def crisis_text(self) -> list[str]:
        return [words.EMERGENCY_LINE, *_by_country(self.crisis)]

    def other_text(self) -> list[str]:
        return _by_country(self.other)

    def text(self) -> list[str]:
        """Every line as plain text: the crisis lines, then the other support."""
        lines = self.crisis_text()
        if self.other:
            lines += ["", words.OTHER_SUPPORT, *self.other_text()]
        return lines


def _by_country(lines: list[SupportLine]) -> list[str]:
    countries: dict[str, list[SupportLine]] = {}
    for line in lines:
        countries.setdefault(line.country, []).append(line)
    return [
        f"{country}: {line.said()}" if country else line.said()
        for country, found in countries.items()
        for line in found
    ]


def _lines_in(data: Mapping[str, Any]) -> list[SupportLine]:
    found = []
    entries = data.get("line", [])
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        name, reach = str(entry.get("name", "")).strip(), str(entry.get("reach", "")).strip()
        if not name or not reach:
            continue
        kind = str(entry.get("kind", "other")).strip().lower()
        found.append(
            SupportLine(
                country=str(entry.get("country", "")).strip(),
                kind=kind if kind in KINDS else "other",
                name=name,
                reach=reach,
                about=str(entry.get("about", "")).strip(),
            )
        )
    return found


def load_support(home: Path | None = None) -> SupportLines:
    """The support lines: the person's own ``support.toml`` if they keep one, else the
    shipped one — which is also what shows, with the reason, when theirs can't be read or
    lists no line with a name and a way to reach it."""
    data, problem = read_toml_or_shipped("support.toml", home)
    lines = _lines_in(data)
    if not lines and problem is None:
        problem = unreadable(
            (home or Path()) / "support.toml", "no line in it has a name and a way to reach it"
        )
        lines = _lines_in(shipped("support.toml"))
    return SupportLines(
        crisis=[line for line in lines if line.kind == "crisis"],
        other=[line for line in lines if line.kind != "crisis"],
        problem=problem,
    )
