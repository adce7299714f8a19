"""People from vCard files (.vcf), as phones and mail apps export them.

Parsing is vobject's: vCard 2.1 (quoted-printable, charsets), 3.0 and 4.0, folded lines,
embedded photos. From each card we keep what this app has a place for: the name, a
nickname, and the note. Phone numbers and addresses stay in the address book they came
from — nothing here needs them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlmodel import Session

from planner_tui.db.models import MAX_NAME, MAX_NOTE, PersonCreate
from planner_tui.errors import InvalidInput
from planner_tui.names import name_key
from planner_tui.services.people import create_person, merge_into, name_index

MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Card:
    name: str
    nickname: str = ""
    note: str = ""
    organisation: str = ""


@dataclass(frozen=True)
class PreviewRow:
    card: Card
    duplicate_of: str | None
    """The name of someone already here who looks like the same person."""
    duplicate_id: int | None = None


def read_file(path: Path) -> list[Card]:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise InvalidInput(f"{path.name} is larger than 50 MB; is it really a vCard file?")
        raw = path.read_bytes()
    except OSError as error:
        raise InvalidInput(f"Couldn't read {path}: {error.strerror or error}.") from None
    return read_cards(decode(raw))


def decode(raw: bytes) -> str:
    """vCards are UTF-8 by standard; some phones write UTF-16, older exports Windows-1252."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def join_soft_breaks(text: str) -> str:
    """vCard 2.1 quoted-printable values wrap with a trailing '=' and no leading space,
    which vobject (following the later standards' folding) does not join."""
    lines = text.splitlines()
    out: list[str] = []
    joining = False
    for line in lines:
        if joining:
            out[-1] = out[-1][:-1] + line
        else:
            out.append(line)
        joining = out[-1].endswith("=") and "QUOTED-PRINTABLE" in out[-1].upper()
    return "\r\n".join(out) + "\r\n"


def read_cards(text: str) -> list[Card]:
    import vobject

    # vobject logs lines it skips; a log line would draw over the full-screen app.
    logging.getLogger("vobject.base").setLevel(logging.CRITICAL)
    cards: list[Card] = []
    try:
        for component in vobject.readComponents(join_soft_breaks(text), ignoreUnreadable=True):
            if component.name != "VCARD":
                continue
            card = _card(component)
            if card is not None:
                cards.append(card)
    except Exception as error:  # vobject raises several kinds; all mean "not a vCard"
        line = getattr(error, "lineNumber", None)
        where = f" near line {line}" if line else ""
        raise InvalidInput(
            f"This doesn't look like a vCard file{where} — nothing was imported."
        ) from None
    if not cards and "BEGIN:VCARD" not in text.upper():
        raise InvalidInput("This doesn't look like a vCard file — nothing was imported.")
    return cards


def _value(component: Any, key: str) -> str:
    entry = component.contents.get(key)
    if not entry:
        return ""
    value = entry[0].value
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if v)
    return " ".join(str(value).split()) if key != "note" else str(value).strip()


def _card(component: Any) -> Card | None:
    name = _value(component, "fn")
    if not name and "n" in component.contents:
        n = component.contents["n"][0].value
        name = " ".join(
            part for part in (str(n.prefix), str(n.given), str(n.additional), str(n.family)) if part
        )
    organisation = _value(component, "org")
    name = _printable(name or organisation)
    if not name:
        return None
    return Card(
        name=name[:MAX_NAME],
        nickname=_printable(_value(component, "nickname"))[:200],
        note=_value(component, "note").replace("\x00", "")[:MAX_NOTE],
        organisation=_printable(organisation),
    )


def _printable(value: str) -> str:
    return "".join(ch for ch in value if ch.isprintable()).strip()


def preview(*, session: Session, cards: list[Card]) -> list[PreviewRow]:
    """Each card beside anyone already here (or earlier in the file) who looks like the
    same person."""
    index = name_index(session=session)
    rows = []
    for card in cards:
        key = name_key(card.name)
        duplicate_id, duplicate_of = index.get(key, (None, None))
        rows.append(PreviewRow(card, duplicate_of, duplicate_id))
        index.setdefault(key, (None, card.name))
    return rows


@dataclass(frozen=True)
class ImportResult:
    added: int
    merged: int
    skipped: int


def import_cards(*, session: Session, cards: list[Card], duplicates: str = "skip") -> ImportResult:
    """Add everyone in *cards*. Someone already here is skipped, or with
    ``duplicates="merge"`` has the card's nickname and note folded into their record."""
    if duplicates not in ("skip", "merge"):
        raise InvalidInput("Duplicates can be skipped or merged.", field="duplicates")
    index = name_index(session=session)
    added = merged = skipped = 0
    for card in cards:
        key = name_key(card.name)
        data = PersonCreate(name=card.name, nickname=card.nickname, notes=card.note)
        match = index.get(key)
        if match and match[0] is not None and duplicates == "merge":
            merge_into(session=session, person_id=match[0], data=data)
            merged += 1
        elif match:
            skipped += 1
        else:
            created = create_person(session=session, data=data)
            index[key] = (created.id, created.name)
            added += 1
    return ImportResult(added, merged, skipped)
