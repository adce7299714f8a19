"""People from vCard files (.vcf), as phones and mail apps export them.

A small importer of its own, forgiving card by card and property by property: vCard 2.1
(quoted-printable with its soft line breaks, CHARSET, BASE64), 3.0 and 4.0, folded lines,
groups, photos (passed over). From each card we keep what this app has a place for: the
name, nickname and note, and the birthday and anniversary (as dates of the person).
Phone numbers and addresses stay in the address book they came from.

Nothing a card says is fatal: a property that can't be read is skipped and counted, a card
without a usable name is left out and named by its line, and only a file with no card at
all is refused.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from planner_tui.clock import today
from planner_tui.db.models import (
    ANNIVERSARY,
    BIRTHDAY,
    MAX_NAME,
    MAX_NOTE,
    Person,
    PersonCreate,
    PersonDate,
    PersonDateCreate,
    clean_name,
    not_a_number,
)
from planner_tui.errors import InvalidInput
from planner_tui.files import read_named, refuse_spreadsheet
from planner_tui.names import name_key
from planner_tui.services.common import validate
from planner_tui.services.people import (
    add_date,
    add_person,
    dates_by_label,
    get_person,
    keep_other_names,
    label_key,
    merge_into,
    name_index,
)
from planner_tui.words import joined, numbered, plural, yearly_day

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_NICKNAME = 200
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip


class NotVCard(InvalidInput):
    """A file given as contacts that holds no vCard at all (a journal, say)."""


@dataclass(frozen=True)
class Day:
    """A birthday or anniversary: month and day, and the year when the card gives one."""

    month: int
    day: int
    year: int | None = None

    def __str__(self) -> str:
        return f"{self.day} {MONTHS[self.month - 1]}" + (f" {self.year}" if self.year else "")


@dataclass(frozen=True)
class Card:
    name: str
    nickname: str = ""
    other_names: tuple[str, ...] = ()
    """The card's other nicknames (``NICKNAME:A.S.,Bee``): names they also go by."""
    note: str = ""
    organisation: str = ""
    birthday: Day | None = None
    anniversary: Day | None = None
    line: int = 0
    """Where the card begins in its file (1-based)."""


@dataclass(frozen=True)
class Contents:
    """What a file holds: the cards that can come in, and what was left out."""

    cards: list[Card]
    nameless: list[int] = field(default_factory=list)
    """The lines where cards without a usable name begin."""
    unreadable: list[tuple[int, str]] = field(default_factory=list)
    """(line, property) for each detail that couldn't be read and was skipped."""
    not_people: list[int] = field(default_factory=list)
    """The lines where contact groups and places (not people) begin."""
    refused: list[tuple[int, str]] = field(default_factory=list)
    """(line, why) for each card whose only name is one no one can have here ('#7')."""
    shortened: list[int] = field(default_factory=list)
    """The lines where cards begin whose name was longer than a name can be (cut to fit)."""
    notes_cut: list[int] = field(default_factory=list)
    """The lines where cards begin whose note was longer than a note can be (cut to fit)."""
    born_later: list[int] = field(default_factory=list)
    """The lines of birthdays whose year is still to come (a due date, a slip): the day and
    month are kept, the year left out — a birthday's year is the year of birth."""

    def summary(self) -> list[str]:
        """A sentence for each kind of thing left out (nothing when nothing was)."""
        out = []
        if self.nameless:
            n = len(self.nameless)
            had = f"{plural(n, 'card')} had"
            out.append(f"{had} no name and {'was' if n == 1 else 'were'} left out: "
                       f"{_listed(f'line {line}' for line in self.nameless)}.")  # fmt: skip
        for line, why in self.refused:
            out.append(f"The card on line {line} was left out: {why}")
        if self.not_people:
            n = len(self.not_people)
            what = plural(n, "card") + (" was a group or a place" if n == 1 else
                                         " were groups or places")  # fmt: skip
            out.append(f"{what}, not people, and {'was' if n == 1 else 'were'} left out: "
                       f"{_listed(f'line {line}' for line in self.not_people)}.")  # fmt: skip
        if self.shortened:
            n = len(self.shortened)
            out.append(f"{plural(n, 'name')} longer than {MAX_NAME:,} characters "
                       f"{'was' if n == 1 else 'were'} cut to fit: "
                       f"{_listed(f'line {line}' for line in self.shortened)}.")  # fmt: skip
        if self.notes_cut:
            n = len(self.notes_cut)
            out.append(f"{plural(n, 'note')} longer than {MAX_NOTE:,} characters "
                       f"{'was' if n == 1 else 'were'} cut to fit, the rest left out: "
                       f"{_listed(f'line {line}' for line in self.notes_cut)}.")  # fmt: skip
        if self.born_later:
            n = len(self.born_later)
            out.append(f"{plural(n, 'birthday')} gave a year still to come, so only the day "
                       "and month were kept: "
                       f"{_listed(f'line {line}' for line in self.born_later)}.")  # fmt: skip
        if self.unreadable:
            n = len(self.unreadable)
            what = plural(n, "detail")
            out.append(f"{what} couldn't be read and {'was' if n == 1 else 'were'} skipped: "
                       f"{_listed(f'{p} on line {line}' for line, p in self.unreadable)}.")  # fmt: skip
        return out


def _listed(items: Iterable[str], most: int = 8) -> str:
    listed = list(items)
    shown = ", ".join(listed[:most])
    return shown + (f" and {len(listed) - most} more" if len(listed) > most else "")


FOLDED_INTO_EARLIER = "folded into that card's: its nickname, dates and note where that has none"
"""What merging does with a card for someone on a card earlier in the same file."""


@dataclass(frozen=True)
class PreviewRow:
    card: Card
    duplicate_of: str | None
    """The name of someone already here (or on a card earlier in the file: then with no
    :attr:`duplicate_id`) who looks like the same person."""
    duplicate_id: int | None = None
    archived: bool = False
    """The one already here is archived: a merge adds to them, and they stay archived."""
    kept: tuple[str, ...] = ()
    """What a merge would keep of the person's own, and add: "their birthday stays 29 Feb;
    the card's is left out", "adds the nickname Zo"."""
    could_be: tuple[str, ...] = ()
    """Several people here go by the card's name ("Sam (#1)", "Sam (#6)"): it is left out,
    merging or not — which of them it is, is for the person to say."""

    @property
    def already_here(self) -> bool:
        """Someone here goes by the card's name (or several do)."""
        return self.duplicate_id is not None or bool(self.could_be)

    def status(self, merging: bool | None = None) -> str:
        """The row in words: new, or whom it looks like and what happens to the card: left
        out (*merging* False), folded in keeping what of theirs stays (True), or — while
        either can still be chosen (None) — what of theirs a merge would keep."""
        if self.duplicate_of is None:
            return "new"
        if self.could_be:
            return (
                f"could be {' or '.join(self.could_be)} already here, so it is left out: "
                "add what it holds to the one it is"
            )
        found = (
            f"already here as {self.duplicate_of}" + (" (archived)" if self.archived else "")
            if self.duplicate_id is not None
            else f"on a card earlier in this file, as {self.duplicate_of}"
        )
        if merging is False:
            return f"{found}; left out"
        kept = self.kept if self.duplicate_id is not None else (FOLDED_INTO_EARLIER,)
        if not kept:
            return found
        return f"{found}; " + ("" if merging else "if merged, ") + "; ".join(kept)


def load(path: Path) -> Contents:
    """Read a .vcf file: its cards, and what was left out (see :class:`Contents`)."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise InvalidInput(f"{path.name} is larger than 50 MB; is it really a vCard file?")
        refuse_spreadsheet(path)
        raw = read_named(path)
    except OSError as error:
        raise InvalidInput(f"Couldn't read {path}: {error.strerror or error}.") from None
    if not raw.strip():
        raise InvalidInput(f"{path.name} is empty: nothing was imported.")
    return parse(raw, path.name)


def read_file(path: Path) -> list[Card]:
    """The cards in a .vcf file that can come in."""
    return load(path).cards


def read_cards(text: str) -> list[Card]:
    return parse(text.encode("utf-8")).cards


# --------------------------------------------------------------------------- reading

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_TERMINAL_SEQUENCE = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])"
)
"""A terminal's colour or title sequence (CSI, OSC, or ESC and one character)."""
_BASE64_LINE = re.compile(r"^[A-Za-z0-9+/=]+$")
_NAME = re.compile(r"^[A-Za-z0-9_-]+$")
_NAME_END = re.compile(r"[;:]")
_CARD_EDGE = re.compile(r"^\s*(BEGIN|END)\s*:\s*VCARD\s*$", re.IGNORECASE)
_DATE = re.compile(r"^(?:(\d{4})|--)-?(\d{2})-?(\d{2})(?:[T ].*)?$")
_NON_ASCII = re.compile("[\u0080-\udc7f\udd00-\U0010ffff]")
_BARE_ENCODINGS = {"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"}


@dataclass
class _Property:
    line: int
    group: str
    name: str
    params: dict[str, list[str]]
    value: str
    """As in the file: still escaped, still transfer-encoded; undecodable bytes are kept
    as lone surrogates (surrogateescape) until a charset is known."""

    def encodings(self) -> set[str]:
        return {v.upper() for v in self.params.get("ENCODING", [])}


def _usable(name: str) -> str:
    """*name* as someone's name or nickname here, or '' when it can't be one (only invisible
    characters; '#5', which the command line reads as the person numbered 5)."""
    try:
        return not_a_number(clean_name(name[:MAX_NAME].rstrip()))
    except ValueError:
        return ""


def _numbered(name: str) -> str | None:
    """Why *name* can't be anyone's here, when it is '#' and a number ('#7')."""
    try:
        not_a_number(name)
    except ValueError:
        return f"its name, {name.strip()[:20]}, is how the command line names someone by number."
    return None


class _Unreadable(ValueError):
    pass


def parse(raw: bytes, name: str = "This") -> Contents:
    """Cards out of a whole file's bytes (*name*: the file's, as a refusal says it)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, unicode_file, utf8_seen = raw.decode("utf-16", errors="replace"), True, True
    else:
        raw = raw.removeprefix(b"\xef\xbb\xbf")
        try:
            text, unicode_file, utf8_seen = raw.decode("utf-8"), True, True
        except UnicodeDecodeError:
            # A file with some valid UTF-8 beyond ASCII is UTF-8, and a stray bad byte is
            # a damaged value; a file with none is an old single-byte one (Windows-1252).
            # Undecodable bytes wait as lone surrogates until a value's charset is known.
            text, unicode_file = raw.decode("utf-8", errors="surrogateescape"), False
            utf8_seen = _NON_ASCII.search(text) is not None
    reader = _Reader(unicode_file=unicode_file, utf8_file=utf8_seen)
    found = False
    for card in _cards(_logical_lines(text)):
        found = True
        reader.card(*card)
    if not found:
        raise NotVCard(f"{name} doesn't look like a vCard file — nothing was imported.")
    return Contents(
        reader.cards,
        reader.nameless,
        reader.unreadable,
        reader.not_people,
        reader.refused,
        reader.shortened,
        reader.notes_cut,
        reader.born_later,
    )


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """Unfold: a line starting with a space or tab continues the one before (RFC 6350
    §3.2); a quoted-printable value ending in '=' continues on the next line (2.1); bare
    base64 lines after a BASE64 property belong to it (2.1 photos). Each logical line's
    pieces are joined once, at the end: adding each to all before it took 17 s over a
    2.6 MB file of indented lines (nu218)."""
    out: list[tuple[int, list[str]]] = []
    # What the logical line's name and parameters (before its first ':') say of how its
    # value goes on, read piece by piece: the last letters of the pieces before are kept,
    # for a word split by a fold.
    tail, named, quoted, base64 = "", False, False, False
    soft_break = in_base64 = False
    for number, line in enumerate(_LINE_BREAK.split(text), 1):
        if out and soft_break and not _CARD_EDGE.match(line):
            pieces = out[-1][1]
            pieces[-1] = pieces[-1][:-1]
            added = line
        elif out and line[:1] in (" ", "\t"):
            added = line[1:]
        elif not line.strip():
            in_base64 = soft_break = False
            continue
        elif out and in_base64 and _BASE64_LINE.match(line):
            out[-1][1].append(line)
            continue
        else:
            out.append((number, []))
            tail, named, quoted, base64, added = "", False, False, False, line
        pieces = out[-1][1]
        pieces.append(added)
        if not named:
            before, colon, _ = added.partition(":")
            seen = tail + before.upper()
            quoted = quoted or "QUOTED-PRINTABLE" in seen
            base64 = base64 or "BASE64" in seen or "ENCODING=B" in seen
            tail, named = seen[-len("QUOTED-PRINTABLE") :], bool(colon)
        last = next((piece for piece in reversed(pieces) if piece), "")
        soft_break = quoted and last.endswith("=")
        in_base64 = base64
    return [(number, "".join(pieces)) for number, pieces in out]


def _split_line(number: int, line: str) -> _Property | None:
    """``[group.]name *(;param) : value``; None when the line isn't a property."""
    found = _NAME_END.search(line)
    if found is None:
        return None
    end = found.start()
    group, _, name = line[:end].strip().rpartition(".")
    if not _NAME.match(name):
        return None
    params: dict[str, list[str]] = {}
    i = end
    while i < len(line) and line[i] == ";":
        j, quoted = i + 1, False
        while j < len(line) and (quoted or line[j] not in ";:"):
            quoted ^= line[j] == '"'
            j += 1
        key, eq, values = line[i + 1 : j].partition("=")
        key = key.strip().upper()
        if not eq:  # vCard 2.1: TEL;CELL, NOTE;QUOTED-PRINTABLE
            key, values = ("ENCODING" if key in _BARE_ENCODINGS else "TYPE"), key
        params.setdefault(key, []).extend(
            v.strip().strip('"') for v in _split_unescaped(values, ",", quotes=True)
        )
        i = j
    if i >= len(line):
        return None
    return _Property(number, group, name.upper(), params, line[i + 1 :])


def _cards(
    lines: list[tuple[int, str]],
) -> list[tuple[int, list[_Property], list[int]]]:
    """(line where it begins, its properties, lines that weren't properties) per card.
    A card missing its END ends where the next begins (or at the end of the file); a
    vCard 2.1 AGENT's embedded card is passed over."""
    cards: list[tuple[int, list[_Property], list[int]]] = []
    current: tuple[int, list[_Property], list[int]] | None = None
    nested = 0
    for number, line in lines:
        edge = _CARD_EDGE.match(line)
        if edge and edge.group(1).upper() == "BEGIN":
            agent = bool(current and current[1] and current[1][-1].name == "AGENT")
            if current is not None and (nested or (agent and not current[1][-1].value.strip())):
                nested += 1
                continue
            current = (number, [], [])
            cards.append(current)
        elif edge:
            if nested:
                nested -= 1
            else:
                current = None
        elif current is not None and not nested:
            prop = _split_line(number, line)
            if prop is None:
                current[2].append(number)
            else:
                current[1].append(prop)
    return cards


_ANNIVERSARIES = {
    "ANNIVERSARY",
    "X-ANNIVERSARY",
    "X-MS-ANNIVERSARY",
    "X-EVOLUTION-ANNIVERSARY",
    "X-WAB-WEDDING_ANNIVERSARY",
}
_KINDS = {"KIND", "X-ADDRESSBOOKSERVER-KIND"}
_NOT_PEOPLE = {"GROUP", "LOCATION"}
_KEPT = {"FN", "N", "ORG", "NICKNAME", "NOTE", "BDAY", "X-ABDATE", "X-ABLABEL", *_ANNIVERSARIES}


class _Reader:
    def __init__(self, *, unicode_file: bool, utf8_file: bool) -> None:
        self.unicode_file = unicode_file
        self.utf8_file = utf8_file
        self.utf8_card = utf8_file
        """Whether the card being read holds UTF-8 beyond ASCII: in a file of both, a card
        written in a single-byte encoding (Latin-1) is read as one, not as damaged UTF-8 —
        its name was unreadable and the person left out (nu236)."""
        self.cards: list[Card] = []
        self.nameless: list[int] = []
        self.refused: list[tuple[int, str]] = []
        self.not_people: list[int] = []
        self.unreadable: list[tuple[int, str]] = []
        self.shortened: list[int] = []
        self.notes_cut: list[int] = []
        self.born_later: list[int] = []

    def card(self, start: int, props: list[_Property], bad_lines: list[int]) -> None:
        version = next((p.value.strip() for p in props if p.name == "VERSION"), "3.0")
        if any(p.name in _KINDS and p.value.strip().upper() in _NOT_PEOPLE for p in props):
            self.not_people.append(start)  # a contact group or a place (vCard 4.0 KIND)
            return
        skipped = [(line, "a line") for line in bad_lines]
        self.utf8_card = self.utf8_file and any(_NON_ASCII.search(p.value) for p in props)
        texts: dict[str, list[tuple[_Property, str]]] = {}
        for prop in props:
            if prop.name not in _KEPT:
                continue  # photos, phones, addresses…: not read, so never a problem
            try:
                texts.setdefault(prop.name, []).append((prop, self._decoded(prop)))
            except _Unreadable:
                skipped.append((prop.line, prop.name))

        def values(name: str) -> list[str]:
            return [value for _, value in texts.get(name, [])]

        written = [_one_line(_unescape(v, version)) for v in values("FN")]
        written += [_from_n(v, version) for v in values("N")]
        name, whole = next(((n, w) for n, w in ((_usable(w), w) for w in written) if n), ("", ""))
        if len(whole.rstrip()) > MAX_NAME:
            self.shortened.append(start)
        organisation = next((o for o in (_org(v, version) for v in values("ORG")) if o), "")
        name = name or _usable(organisation)
        if not name:
            typed = (_one_line(_unescape(v, version)) for v in values("FN"))
            why = next(filter(None, map(_numbered, typed)), None)
            if why:  # a name, but one that means someone else on the command line
                self.refused.append((start, why))
            else:
                self.nameless.append(start)
            self.unreadable.extend(sorted(skipped))  # often why there is no name
            return
        nicknames: list[str] = []
        for value in values("NICKNAME"):
            for part in _split_unescaped(value, ","):
                # as a name is kept: no invisible or control characters, one line
                nick = _usable(_one_line(_unescape(part, version)))
                if nick and nick not in nicknames:
                    nicknames.append(nick)
        note = "\n\n".join(n for n in (_note(_unescape(v, version)) for v in values("NOTE")) if n)
        if len(note) > MAX_NOTE:
            self.notes_cut.append(start)
        labels = {p.group.upper(): v for p, v in texts.get("X-ABLABEL", []) if p.group}
        birthday = anniversary = None
        for prop, value in texts.get("BDAY", []):
            birthday = birthday or self._day(prop, value, skipped)
            if (
                birthday
                and birthday.year
                and date(birthday.year, birthday.month, birthday.day) > today()
            ):
                birthday = Day(birthday.month, birthday.day, None)
                self.born_later.append(prop.line)
        dates = [(p, v) for name in _ANNIVERSARIES for p, v in texts.get(name, [])]
        dates += [
            (p, v)
            for p, v in texts.get("X-ABDATE", [])  # Apple: a labelled date in a group
            if "anniversary" in labels.get(p.group.upper(), "").lower()
        ]
        for prop, value in sorted(dates, key=lambda pv: pv[0].line):
            anniversary = anniversary or self._day(prop, value, skipped)
        self.unreadable.extend(sorted(skipped))
        self.cards.append(
            Card(
                name=name,
                nickname=nicknames[0][:MAX_NICKNAME] if nicknames else "",
                other_names=tuple(nicknames[1:]),
                note=note[:MAX_NOTE],
                organisation=organisation,
                birthday=birthday,
                anniversary=anniversary,
                line=start,
            )
        )

    def _decoded(self, prop: _Property) -> str:
        """The value in characters (still escaped): transfer encoding undone, then the
        charset — UTF-8 when it is valid, else the CHARSET given, else Windows-1252 in
        an old single-byte file. A value none of these can read is unreadable."""
        encodings = prop.encodings()
        value = prop.value
        if "QUOTED-PRINTABLE" in encodings:
            data = binascii.a2b_qp(value.encode("utf-8", "surrogateescape"))
            return self._charset(data, prop, transfer=True)
        if encodings & {"BASE64", "B"}:
            try:
                compact = "".join(value.split())
                data = base64.b64decode(compact + "=" * (-len(compact) % 4), validate=True)
            except (binascii.Error, ValueError):
                raise _Unreadable from None
            return self._charset(data, prop, transfer=True)
        if self.unicode_file or not any(0xDC80 <= ord(ch) <= 0xDCFF for ch in value):
            return value
        return self._charset(value.encode("utf-8", "surrogateescape"), prop, transfer=False)

    def _charset(self, data: bytes, prop: _Property, *, transfer: bool) -> str:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        charset = (prop.params.get("CHARSET") or [""])[0]
        if charset:
            try:
                if not codecs.lookup(charset)._is_text_encoding:
                    raise _Unreadable
                return data.decode(charset)
            except (LookupError, UnicodeDecodeError):
                raise _Unreadable from None
        if self.utf8_card and not transfer:
            raise _Unreadable
        return data.decode("cp1252", errors="replace")

    @staticmethod
    def _day(prop: _Property, value: str, skipped: list[tuple[int, str]]) -> Day | None:
        match = _DATE.match(value.strip())
        if match and "TEXT" not in {v.upper() for v in prop.params.get("VALUE", [])}:
            year = int(match.group(1)) if match.group(1) else None
            month, day = int(match.group(2)), int(match.group(3))
            omitted = prop.params.get("X-APPLE-OMIT-YEAR", [])
            if year is not None and (str(year) in omitted or year in (0, 1604)):
                year = None  # Apple writes 1604 for "no year"
            try:
                date(year or 2000, month, day)
            except ValueError:
                pass
            else:
                return Day(month, day, year)
        skipped.append((prop.line, prop.name))
        return None


def _split_unescaped(value: str, sep: str, *, quotes: bool = False) -> list[str]:
    """Split at *sep* except where escaped by a backslash (or, for parameters, quoted);
    escapes are kept for :func:`_unescape`."""
    parts: list[str] = []
    current: list[str] = []
    escaped = quoted = False
    for ch in value:
        if escaped:
            escaped = False
        elif quotes and ch == '"':
            quoted = not quoted
        elif not quotes and ch == "\\":
            escaped = True
        elif ch == sep and not quoted:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return parts


def _unescape(value: str, version: str) -> str:
    """``\\,`` ``\\;`` ``\\\\`` and (3.0, 4.0) ``\\n`` ``\\:``; any other backslash stays as
    written."""
    out: list[str] = []
    chars = iter(value)
    for ch in chars:
        if ch != "\\":
            out.append(ch)
            continue
        following = next(chars, "")
        if following in (",", ";", "\\"):
            out.append(following)
        elif following in ("n", "N") and version != "2.1":
            out.append("\n")
        elif following == ":" and version != "2.1":  # Gmail writes http\://
            out.append(":")
        else:
            out.append(ch + following)
    return "".join(out)


def _one_line(value: str) -> str:
    """A name as the person form accepts it: trimmed, line breaks and tabs as spaces, other
    control characters (which a name can't hold) left out, with the whole of a terminal's
    sequence ("\x1b[31m", not only its ESC). Nothing else is changed."""
    kept = []
    for ch in _TERMINAL_SEQUENCE.sub("", value):
        if unicodedata.category(ch) != "Cc":
            kept.append(ch)
        elif ch in "\t\n\r\x0b\x0c":
            kept.append(" ")
    return "".join(kept).strip()


def _from_n(value: str, version: str) -> str:
    """A name from N (family; given; additional; prefix; suffix)."""
    parts = [
        " ".join(_one_line(_unescape(p, version)) for p in _split_unescaped(component, ","))
        for component in _split_unescaped(value, ";")
    ]
    parts += [""] * (5 - len(parts))
    family, given, additional, prefix, suffix = (p.strip() for p in parts[:5])
    name = " ".join(p for p in (prefix, given, additional, family) if p)
    return f"{name}, {suffix}" if name and suffix else name


def _org(value: str, version: str) -> str:
    parts = (_one_line(_unescape(p, version)) for p in _split_unescaped(value, ";"))
    return ", ".join(p for p in parts if p)


def _note(value: str) -> str:
    return value.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").strip()


def preview(*, session: Session, cards: list[Card]) -> list[PreviewRow]:
    """Each card beside anyone already here (or earlier in the file) who looks like the
    same person."""
    index = name_index(session=session)
    archived = set(session.exec(select(Person.id).where(col(Person.archived))).all())
    rows = []
    for card in cards:
        found = index.get(name_key(card.name), [])
        if len(found) > 1:  # two people here go by it: which one is for the person to say
            could_be = tuple(numbered(name, pid) for pid, name in found if pid is not None)
            rows.append(PreviewRow(card, found[0][1], None, could_be=could_be))
            continue
        duplicate_id, duplicate_of = found[0] if found else (None, None)
        kept = tuple(_kept(session, duplicate_id, card)) if duplicate_id is not None else ()
        rows.append(PreviewRow(card, duplicate_of, duplicate_id, duplicate_id in archived, kept))
        _index_card(index, card, found[0] if found else (None, card.name))
    return rows


def _index_card(
    index: dict[str, list[tuple[int | None, str]]], card: Card, who: tuple[int | None, str]
) -> None:
    """A card's name and nicknames in *index*, as someone already here is indexed: a later
    card under one of them is the same person (`FN:annie` after Ana's `NICKNAME:Annie`
    was added as a second person; so was `FN:Addy` after a card for Ada, already here,
    nicknamed Addy, nu196). A name that already names someone keeps naming them."""
    for name in (card.name, card.nickname, *card.other_names):
        if key := name_key(name):
            index.setdefault(key, [who])


@dataclass(frozen=True)
class ImportResult:
    added: int
    merged: int
    """People already here that cards were merged into."""
    skipped: int
    """Cards for someone already here, left out."""
    repeated: int = 0
    """Cards for someone on a card earlier in the file: left out, or (*merging*) folded in."""
    merging: bool = False
    unsure: int = 0
    """Cards whose name could be more than one person here: left out, as the preview says
    (the import called them "already here", nu243)."""

    def said(self) -> str:
        """What the import did, in one sentence (the app's toast, the command line)."""
        parts = [f"Added {plural(self.added, 'person', 'people')}"]
        if self.merged:
            parts.append(f"merged into {plural(self.merged, 'person', 'people')} already here")
        if self.skipped:
            parts.append(f"skipped {self.skipped:,} already here")
        if self.repeated:
            parts.append(
                f"{plural(self.repeated, 'card')} for someone on a card earlier in the file "
                + ("folded into theirs" if self.merging else "left out")
            )
        if self.unsure:
            parts.append(f"{self.unsure:,} left out: the name could be more than one person here")
        return ", ".join(parts) + "."


def import_cards(*, session: Session, cards: list[Card], duplicates: str = "skip") -> ImportResult:
    """Add everyone in *cards*. Someone already here is skipped, or with
    ``duplicates="merge"`` has the card's nickname, note, birthday and anniversary folded into
    their record."""
    if duplicates not in ("skip", "merge"):
        raise InvalidInput("Duplicates can be skipped or merged.", field="duplicates")
    index = name_index(session=session)
    skipped = repeated = unsure = 0
    added: set[int] = set()
    merged: set[int] = set()  # people, not cards: two cards for one person are one merge
    for card in cards:
        data = PersonCreate(name=card.name, nickname=card.nickname, notes=card.note)
        found = index.get(name_key(card.name), [])
        match = found[0] if len(found) == 1 else None
        if len(found) > 1:  # several people go by it: never merged into one of them unasked
            unsure += 1
        elif match and match[0] in added:
            repeated += 1
            if duplicates == "merge":
                _fold_card(session, match[0], card, data)
        elif match and match[0] is not None and duplicates == "merge":
            _fold_card(session, match[0], card, data)
            merged.add(match[0])
            _index_card(index, card, match)
        elif match:
            skipped += 1
            _index_card(index, card, match)
        else:
            created = add_person(session=session, data=data)
            assert created.id is not None
            session.add_all(  # someone new has no dates yet: nothing to keep or fold
                PersonDate(
                    **validate(PersonDateCreate, {"person_id": created.id, **day}).model_dump()
                )
                for day in _days(card)
            )
            _also_called(session, created.id, card)
            _index_card(index, card, (created.id, created.name))
            added.add(created.id)
    return ImportResult(len(added), len(merged), skipped, repeated, duplicates == "merge", unsure)


def _fold_card(session: Session, person_id: int, card: Card, data: PersonCreate) -> None:
    """*card* folded into someone's record (``--merge``)."""
    merge_into(session=session, person_id=person_id, data=data)
    _add_days(session, person_id, card)
    _also_called(session, person_id, card)


def _also_called(session: Session, person_id: int, card: Card) -> None:
    """The card's other nicknames, as names the person also goes by."""
    if card.other_names:
        keep_other_names(session, session.get_one(Person, person_id), card.other_names)


def _kept(session: Session, person_id: int, card: Card) -> list[str]:
    """What a merge keeps of the person's own, where the card says otherwise: a birthday or
    anniversary on another day ("their birthday stays 29 Feb; the card's is left out"), a
    nickname (the card's is kept as a name they also go by); and what it adds: the card's
    nickname, dates and note where they have none or another ("adds the birthday 12 Apr
    1990")."""
    had = dates_by_label(session, person_id)
    notes, added = [], []
    for label, day in ((BIRTHDAY, card.birthday), (ANNIVERSARY, card.anniversary)):
        row = had.get(label_key(label))
        if day is None:
            continue
        if row is None:
            added.append(f"the {label} {yearly_day(day.month, day.day, day.year)}")
        elif (row.month, row.day) != (day.month, day.day):
            shown = yearly_day(row.month, row.day, row.year)
            notes.append(f"their {label} stays {shown}; the card's is left out")
    person = get_person(session=session, person_id=person_id)
    known = {name_key(name) for name in (person.name, person.nickname, *person.aliases)}
    # Every other name the card brings is said ("Annie,Bee": Bee went in unsaid).
    others = list(card.other_names)
    if person.nickname and card.nickname:
        others.insert(0, card.nickname)
    elif card.nickname:
        added.insert(0, f"the nickname {card.nickname}")
        known.add(name_key(card.nickname))
    kept_as: list[str] = []
    for name in others:
        if name_key(name) not in known:
            known.add(name_key(name))
            kept_as.append(name)
    if kept_as:
        stays = f"their nickname stays {person.nickname}; " if card.nickname in kept_as else ""
        also = "is kept as another name" if len(kept_as) == 1 else "are kept as other names"
        notes.append(f"{stays}{joined(kept_as)} {also}")
    if card.note.strip() and card.note.strip() not in person.notes:
        added.append("the card's note, below theirs" if person.notes else "the card's note")
    return notes + (["adds " + ", ".join(added)] if added else [])


def _days(card: Card) -> list[dict[str, Any]]:
    """The card's birthday and anniversary, as a person's dates."""
    return [
        {"label": label, "month": day.month, "day": day.day, "year": day.year}
        for label, day in ((BIRTHDAY, card.birthday), (ANNIVERSARY, card.anniversary))
        if day is not None
    ]


def _add_days(session: Session, person_id: int, card: Card) -> None:
    """The card's dates, given to someone already here: one they have under that label
    already keeps theirs (:func:`add_date`; the preview says so)."""
    for day in _days(card):
        add_date(session=session, data={"person_id": person_id, **day})
