"""Journals kept with jrnl (jrnl.sh) and Day One, into the reflection journal.

jrnl keeps plain text: each entry starts with a line ``[2026-08-29 11:11] Title…`` (the
date as the journal's ``timeformat`` writes it; jrnl 1.x wrote it without brackets), an
optional `` *`` after the title marks it starred, and the body runs to the next entry.
A folder journal keeps the same text in ``YYYY/MM/DD.txt`` files, and the folder is what
dates each entry. Day One exports (``Journal.json``) and Day One classic folders
(``entries/*.doentry``) are read too. Encrypted jrnl files are refused: jrnl itself has to
decrypt them first.

Each jrnl entry becomes one journal entry on its day, its text kept exactly as written
with the time in front ("11:11 Title…"); ``@word`` and ``#word`` become tags — unless an
``@Name`` names someone on the map, who is then linked — and a starred entry gets the tag
``#starred``. An entry already in the journal with the same day and text is not added
again, so importing the same file twice adds nothing the second time.
"""

from __future__ import annotations

import codecs
import json
import plistlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil import parser as dateparser
from sqlmodel import Session, col, select

from planner_tui import clock, words
from planner_tui.db.models import MAX_BODY, JournalEntry, clean_tag
from planner_tui.errors import InvalidInput
from planner_tui.files import read_named, refuse_spreadsheet
from planner_tui.journal_search import mentions_in, unlinked, with_whole_names
from planner_tui.letters import WORD_CHARACTERS, lazy
from planner_tui.names import Named, people_named, told_apart
from planner_tui.services.exchange import EXPORT_KINDS, export_kind, kind_of_text

MAX_FILE_BYTES = 100 * 1024 * 1024
STARRED_TAG = "starred"
ENCRYPTED = (
    "This jrnl journal is encrypted: decrypt it with jrnl first (jrnl --decrypt) and import "
    "the plain file."
)

# The date formats jrnl journals are commonly written in: jrnl's default before 4.0, its
# default since (``%F %r``), with seconds, and day-first with dots.
TIME_FORMATS = (
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %I:%M %p",
    "%Y-%m-%d %I:%M:%S %p",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%Y/%m/%d %H:%M",
)
_BRACKET_HEADER = re.compile(r"^\[([^\]\n]+)\](?: |$)", re.MULTILINE)
_HEADER_SHAPE = re.compile(
    r"\d{4}[-/]\d{1,2}[-/]\d{1,2}[ T]\d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp][Mm])?"
    r"|\d{1,2}\.\d{1,2}\.\d{4} \d{1,2}:\d{2}(?::\d{2})?"
)
"""A header's date in one of :data:`TIME_FORMATS`' shapes, read or not: one that can't be
read ('2026-02-31 10:00') is a mistake to say, not text of the entry before it."""
_TAG = lazy(rf"(?<!\S)([#@])([-+*#/{WORD_CHARACTERS}]+)")
_DAY_FILE = re.compile(r"^[0-3]\d\.(txt|md)$")


@dataclass(frozen=True)
class Entry:
    """One jrnl entry: when it was written, its text as written (title line first, the
    star mark taken off) and whether it was starred."""

    when: datetime
    text: str
    starred: bool = False
    tags: tuple[str, ...] = ()
    """Tags given apart from the text (Day One); jrnl's are words in the text."""

    @property
    def day(self) -> date:
        return self.when.date()

    @property
    def body(self) -> str:
        """What the planner entry holds: the time, then the text exactly as written."""
        clock = f"{self.when:%H:%M}" + (f":{self.when:%S}" if self.when.second else "")
        head, _, rest = self.text.partition("\n")
        first = f"{clock} {head}".rstrip()
        return f"{first}\n{rest}" if rest else first

    @property
    def title(self) -> str:
        return self.text.partition("\n")[0]

    def words(self, people: Sequence[Named] = ()) -> list[tuple[str, str]]:
        """(symbol, word) for each @word and #word, as jrnl reads its tags; an @Name that
        goes on into one of *people*'s whole names is one word, their number (`@Ada A.` is
        `("@", "#12")`), as in a check-in (:func:`with_whole_names`)."""
        text = with_whole_names(self.text, people) if people else self.text
        return [(m[1], m[2]) for m in _TAG.finditer(text)]


@dataclass(frozen=True)
class Journal:
    kind: str
    entries: list[Entry]
    wordless: int = 0
    """Day One entries with no words (a photo alone), left out: one came in as an entry
    that said only its time (nu218); they are counted, not passed over in silence (nu220)."""


@dataclass(frozen=True)
class Result:
    added: int
    skipped: int
    linked: list[str]
    """Names of the people linked by @Name, in order of first appearance (with their
    numbers when two share a name)."""
    not_linked: str = ""
    """Why @Names that could be several people linked no one (:func:`unlinked`), if any."""


# --------------------------------------------------------------------------- reading


def read_date(blob: str, *, fuzzy: bool = True) -> datetime | None:
    """The date and time of an entry header (the text between its brackets), or None.
    Besides the common formats, a date that names its year is read as jrnl reads one
    written in a format other than its own (dateutil, month first); short blobs such as a
    footnote mark ``[1]`` are never dates."""
    blob = blob.strip()
    for form in TIME_FORMATS:
        try:
            return datetime.strptime(blob, form)
        except ValueError:
            continue
    if not fuzzy or len(blob) <= 6 or not any(ch.isdigit() for ch in blob):
        return None
    try:
        one = dateparser.parse(blob, default=datetime(2001, 1, 1))
        two = dateparser.parse(blob, default=datetime(2002, 1, 1))
    except (ValueError, OverflowError):
        return None
    return one.replace(tzinfo=None) if one.year == two.year else None


def _legacy_date(line: str) -> tuple[datetime, int] | None:
    """A jrnl 1.x header (no brackets): its date and where the title starts."""
    tokens = line.split(" ")
    for count in (3, 2):
        if len(tokens) >= count:
            prefix = " ".join(tokens[:count])
            when = read_date(prefix, fuzzy=False)
            if when is not None:
                return when, len(prefix) + 1
    return None


def parse_text(text: str) -> list[Entry]:
    """The entries of a jrnl journal's text, in the order written."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    first = next((line for line in lines if line.strip()), "")
    legacy = not first.startswith("[") and _legacy_date(first) is not None
    starts: list[tuple[int, int, datetime]] = []  # (header start, text start, when)
    offset = 0
    for number, line in enumerate(lines, start=1):
        header = _BRACKET_HEADER.match(line)
        when = read_date(header[1]) if header else None
        if header and when is None and _HEADER_SHAPE.fullmatch(header[1].strip()):
            raise InvalidInput(
                f"Line {number}: '[{header[1].strip()}]' is written as an "
                "entry's date and time, but there is no such day or time on the calendar. "
                "Correct it in the file and import again. Nothing was imported."
            )
        if header and when is not None:
            starts.append((offset, offset + min(header.end(), len(line)), when))
        elif line[:1].isdigit() and (found := _legacy_date(line)) is not None:
            if not legacy:  # it was joined to the entry above, unsaid (nu236)
                raise InvalidInput(
                    f"Line {number}: {words.quoted(line)} is written as an entry's date line "
                    "without its brackets, among entries with them. Write it as "
                    f"[{line[: found[1] - 1]}] (or, if it belongs to the entry above, begin "
                    "it with a word) and import again. Nothing was imported."
                )
            starts.append((offset, offset + min(found[1], len(line)), found[0]))
        offset += len(line) + 1
    before = text[: starts[0][0]] if starts else ""
    if before.strip():  # words with no day: left out unsaid, they were lost (nu232)
        number = next(n for n, line in enumerate(lines, start=1) if line.strip())
        raise InvalidInput(
            f"Line {number}: {words.quoted(lines[number - 1])} comes before the first entry's "
            "date line, so it has no day. Move it under an entry (or take it out) and import "
            "again. Nothing was imported."
        )
    entries = []
    for number, (_start, begin, when) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(text)
        entries.append(_entry(when, text[begin:end]))
    return entries


def _entry(when: datetime, raw: str) -> Entry:
    head, newline, rest = raw.partition("\n")
    head = head.rstrip()
    starred = head.endswith("*")
    if starred:
        head = head[:-1].rstrip()
    return Entry(when=when, text=(head + newline + rest).rstrip(), starred=starred)


def looks_encrypted(data: bytes) -> bool:
    """jrnl's encrypted files that say so: v3 (``JRNLv3`` header) and v2 (one Fernet
    token, base64 text starting ``gAAAAA``). Its v1 (16 bytes of IV, then AES blocks) is
    not text at all, like any other file that isn't: see :func:`decode_import`."""
    if data.startswith(b"JRNLv3"):
        return True
    stripped = data.strip()
    return (
        stripped.startswith(b"gAAAAA") and re.fullmatch(rb"[A-Za-z0-9_=-]+", stripped) is not None
    )


def _read_bytes(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise InvalidInput(f"{path.name} is larger than 100 MB; is it really a journal?")
        return read_named(path)
    except FileNotFoundError:
        raise InvalidInput(f"There is no file {path}.") from None
    except OSError as error:
        raise InvalidInput(f"Can't read {path}: {error.strerror or error}.") from None
    except ValueError:  # a name with a NUL in it
        raise InvalidInput(f"There is no file {path!r}.") from None


def decode_import(data: bytes, path: Path) -> str:
    """A file given to ``planner-tui import`` as text: UTF-8, a byte-order mark passed over
    (Windows' Notepad writes one: a JSON export so saved was "not valid JSON", nu236); any
    other bytes refused, saying what to do."""
    if looks_encrypted(data):
        raise InvalidInput(ENCRYPTED)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InvalidInput(
            f"{path.name} is UTF-16 text, and import reads UTF-8: convert it first "
            "(e.g. iconv -f utf-16 -t utf-8)."
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        blocks = len(data) >= 32 and len(data) % 16 == 0  # perhaps jrnl's first encryption
        start = data[:4096]
        # Mostly plain letters, no control codes: text in an older encoding (Latin-1, say)
        text = sum(b < 128 for b in start) >= 0.7 * len(start) and not any(
            b < 9 or 13 < b < 32 for b in start
        )
        convert = (
            " If it is text in another encoding, convert it first (e.g. iconv -f latin1 -t utf-8)."
        )
        maybe = (
            " If it is a jrnl journal with a password, decrypt it with jrnl first."
            if blocks and not text
            else (convert if text else "")
            + " Import reads planner-tui's JSON export, vCards (.vcf) and jrnl or Day One journals."
        )
        raise InvalidInput(f"{path.name} is not a UTF-8 text file.{maybe}") from None


def read_file(path: Path) -> list[Entry]:
    """A one-file jrnl journal (not planner-tui's own Markdown export: that one is written
    for reading, and the JSON export is the one that reads back whole)."""
    text = decode_import(_read_bytes(path), path)
    kind = kind_of_text(text)
    if kind is not None and kind != "json":  # a JSON export is read by exchange
        raise InvalidInput(words.export_for_reading(path.name, EXPORT_KINDS[kind]))
    return parse_text(text)


def day_files(folder: Path) -> list[tuple[date, Path]]:
    """A jrnl folder journal's entry files, ``YYYY/MM/DD.txt``, oldest first; other files
    are not part of the journal (jrnl passes them over too); one named for a day not on the
    calendar (``02/31.txt``) stops the import."""
    found = []
    for year in folder.iterdir():
        if not (year.is_dir() and re.fullmatch(r"\d{4}", year.name)):
            continue
        for month in year.iterdir():
            if not (month.is_dir() and re.fullmatch(r"[01]\d", month.name)):
                continue
            for day in month.iterdir():
                if day.is_file() and _DAY_FILE.match(day.name):
                    try:
                        found.append(
                            (date(int(year.name), int(month.name), int(day.name[:2])), day)
                        )
                    except ValueError:  # left out unsaid, its entries were lost
                        raise InvalidInput(
                            f"{year.name}/{month.name}/{day.name} is named for a day that isn't "
                            "on the calendar: rename it to its day, or move it out. Nothing "
                            "was imported."
                        ) from None
    return sorted(found)


def read_folder(folder: Path) -> list[Entry]:
    """A jrnl folder journal. As in jrnl, the file's place gives each entry its day."""
    entries = []
    try:
        files = day_files(folder)
    except OSError as error:
        raise InvalidInput(f"Can't read {folder}: {error.strerror or error}.") from None
    for day, path in files:
        text, where = decode_import(_read_bytes(path), path), path.relative_to(folder)
        try:
            found = parse_text(text)
        except InvalidInput as error:
            raise InvalidInput(f"{where}: {error}") from None
        if not found and text.strip():  # a day's words with no time: lost unsaid (nu232)
            raise InvalidInput(
                f"{where} has words but no entry's date line (like [{day} 09:00] Title), so "
                "they have no time. Add one and import again. Nothing was imported."
            )
        for entry in found:
            when = entry.when.replace(year=day.year, month=day.month, day=day.day)
            entries.append(Entry(when=when, text=entry.text, starred=entry.starred))
    return sorted(entries, key=lambda e: e.when)


# --------------------------------------------------------------------------- Day One


def _local(moment: datetime, zone: Any) -> datetime:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(ZoneInfo(str(zone))).replace(tzinfo=None)
    except (ZoneInfoNotFoundError, ValueError):
        return moment.astimezone().replace(tzinfo=None)


def _dayone_entry(moment: datetime, zone: Any, text: Any, starred: Any, tags: Any) -> Entry:
    words = tuple(str(t) for t in tags) if isinstance(tags, list) else ()
    return Entry(
        when=_local(moment, zone),
        text=str(text or "").replace("\r\n", "\n").rstrip(),
        starred=bool(starred),
        tags=words,
    )


_DAYONE_MEDIA = re.compile(
    r"^[ \t]*!\[[^\]]*\]\(dayone-moment:/[^)\s]*\)[ \t]*(?:\n|\Z)"
    r"|!\[[^\]]*\]\(dayone-moment:/[^)\s]*\)[ \t]*",
    re.MULTILINE,
)
"""Where a photo, video or recording sat in a Day One entry's text: left out, as they are
(a line of its own with it: an empty line was left behind, nu220)."""
_DAYONE_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
"""Day One's Markdown escapes ("\\." for a full stop): the character as typed."""


def _dayone_words(text: Any) -> str:
    """What the person wrote in a Day One (2 and later) entry, without its media's places
    and its Markdown escapes ("…![](dayone-moment://ABC) photo entry\\." came in so, nu218)."""
    return _DAYONE_ESCAPE.sub(r"\1", _DAYONE_MEDIA.sub("", str(text or "")))


def is_dayone_json(document: Any) -> bool:
    """A Day One export: its entries, some with Day One's ``creationDate`` (one without was
    called "not a planner-tui export", not named as the entry with no date, nu232)."""
    return (
        isinstance(document, dict)
        and isinstance(document.get("entries"), list)
        and "format" not in document  # planner-tui's own export names its format
        and all(isinstance(e, dict) for e in document["entries"])
        and any("creationDate" in e for e in document["entries"])
    )


def read_dayone_json(document: Any) -> list[Entry]:
    """A Day One export (``Journal.json``): ``creationDate`` in UTC with the entry's
    ``timeZone``, ``text``, ``starred`` and ``tags``."""
    entries = []
    for number, item in enumerate(document["entries"], 1):
        try:
            moment = datetime.fromisoformat(str(item["creationDate"]).replace("Z", "+00:00"))
        except (KeyError, ValueError):
            raise InvalidInput(f"Day One entry {number} has no date that can be read.") from None
        entries.append(
            _dayone_entry(
                moment,
                item.get("timeZone"),
                _dayone_words(item.get("text")),
                item.get("starred"),
                item.get("tags"),
            )
        )
    return entries


def read_dayone_folder(folder: Path) -> list[Entry]:
    """A Day One classic journal: ``entries/*.doentry`` property lists."""
    entries = []
    for path in sorted((folder / "entries").glob("*.doentry")):
        data = _read_bytes(path)
        unreadable = InvalidInput(f"{path.name} is not a Day One entry that can be read.")
        try:
            item = plistlib.loads(data)
        # Only the parsing of another program's file: plistlib fails in its own ways on
        # what it can't read (ExpatError for a cut file, AttributeError for a date, nu236).
        except Exception:
            raise unreadable from None
        moment = item.get("Creation Date") if isinstance(item, dict) else None
        if not isinstance(moment, datetime):
            raise unreadable
        entries.append(
            _dayone_entry(
                moment,
                item.get("Time Zone"),
                item.get("Entry Text"),
                item.get("Starred"),
                item.get("Tags"),
            )
        )
    return entries


# --------------------------------------------------------------------------- which file


def claims(path: Path) -> bool:
    """Whether ``planner-tui import PATH`` is for this importer: a folder, a Day One JSON
    export, or any file that is not a vCard or planner-tui's own JSON export (by its
    first characters, whatever its name)."""
    if path.is_dir():
        return True
    suffix = path.suffix.lower()
    if suffix in (".vcf", ".vcard"):
        return False
    with suppress(OSError):
        if export_kind(path) == "json":
            return False  # planner-tui's JSON export under another name (all.json.keep)
    if suffix == ".json":
        try:
            return is_dayone_json(json.loads(read_named(path).decode("utf-8-sig")))
        except (OSError, ValueError, RecursionError):
            return False  # not Day One's: the planner's own import says what is wrong
    return True


def load(path: Path) -> Journal:
    """Read a jrnl file or folder, or a Day One journal; refuse an encrypted one, and one
    with no entries at all."""
    # told about jrnl first, and a .csv of "[date]" rows was read as a journal (nu168, nu177)
    refuse_spreadsheet(path)
    if path.is_dir():
        if (path / "entries").is_dir() and any((path / "entries").glob("*.doentry")):
            kind, entries = "Day One journal", read_dayone_folder(path)
        else:
            kind, entries = "jrnl folder", read_folder(path)
    elif path.suffix.lower() == ".json":
        kind = "Day One export"
        entries = read_dayone_json(json.loads(decode_import(_read_bytes(path), path)))
    else:
        kind, entries = "jrnl journal", read_file(path)
    wordless = 0
    if kind.startswith("Day One"):
        with_words = sorted((e for e in entries if e.text.strip()), key=lambda e: e.when)
        wordless, entries = len(entries) - len(with_words), with_words
        if wordless and not entries:
            raise InvalidInput(
                f"{path.name} holds {words.plural(wordless, 'Day One entry', 'Day One entries')} "
                "with no words (a photo or a recording alone): check-ins are words, so "
                "there is nothing here to import."
            )
    if (
        not entries
        and kind == "jrnl journal"
        and _CALENDAR.search(decode_import(_read_bytes(path), path))
    ):
        raise InvalidInput(  # another app's calendar was taken for a journal (nu218)
            f"{path.name} is a calendar file: import doesn't read calendars. It reads "
            "planner-tui's JSON export, vCards (.vcf) and jrnl or Day One journals."
        )
    if not entries:
        raise InvalidInput(
            f"{path.name} has no journal entries in it (a jrnl entry starts with a line like "
            "[2026-11-23 18:00] Title)."
        )
    return Journal(kind=kind, entries=entries, wordless=wordless)


_CALENDAR = re.compile(r"\A\s*BEGIN:VCALENDAR", re.IGNORECASE)
"""An iCalendar file (.ics) from a calendar app."""


# --------------------------------------------------------------------------- importing


def _links(entry: Entry, people: list[Any]) -> tuple[list[int], list[str], list[str]]:
    """The people an entry's @Names link, read as a check-in reads them (`(@Carla A.)`
    too, nu158), its tags, and the @Names that could be several people (kept as tags, as
    jrnl reads an @word: said, not left silent)."""
    found, unknown = mentions_in(entry.text, people)
    unsettled = [name for name in unknown if len(people_named(name, people)) > 1]
    tags: list[str] = [STARRED_TAG] if entry.starred else []
    named: set[str] = set()  # @Name words that are people: not tags, even in Day One's list
    for symbol, word in [*entry.words(people), *(("#", word) for word in entry.tags)]:
        if symbol == "@" and mentions_in("@" + word, people)[0]:
            named.add(word.casefold())
            continue
        if word.casefold() in named:
            continue
        try:
            tags.append(clean_tag(re.sub(r"\s+", "-", word.strip())))
        except ValueError:
            continue  # not a word the journal can keep as a tag; it stays in the text
    return found, list(dict.fromkeys(tags)), unsettled


def _existing(session: Session, days: Iterable[date]) -> Counter[tuple[date, str]]:
    days = sorted(set(days))
    counter: Counter[tuple[date, str]] = Counter()
    if not days:
        return counter
    rows = session.exec(
        select(col(JournalEntry.day), col(JournalEntry.body)).where(
            col(JournalEntry.day) >= days[0], col(JournalEntry.day) <= days[-1]
        )
    ).all()
    counter.update((day, body) for day, body in rows)
    return counter


def check(entries: list[Entry]) -> None:
    """Refuse the whole journal, naming the entry, if one can't be kept as it is."""
    for entry in entries:
        where = (
            f"The entry of {clock.strftime(entry.when, '%Y-%m-%d %H:%M')} ({entry.title[:40]!r})"
        )
        if len(entry.body) > MAX_BODY:
            raise InvalidInput(
                f"{where} is longer than a journal entry can be ({MAX_BODY:,} characters). "
                "Nothing was imported."
            )
        if "\x00" in entry.body:
            raise InvalidInput(
                f"{where} contains a NUL character, which can't be stored. Nothing was imported."
            )
        if entry.day > clock.today():  # as a check-in typed for that day would be
            raise InvalidInput(
                f"{where} is for a day still to come, and a check-in is for a day that has "
                "begun. Nothing was imported."
            )


def import_entries(*, session: Session, entries: list[Entry]) -> Result:
    """Add *entries* to the journal in the caller's transaction, each as one entry on its
    day. An entry whose day and text are already there (as many times as the journal has
    it) is skipped, so a second import of the same journal adds nothing."""
    from planner_tui.services.journal import write_entry
    from planner_tui.services.people import list_people

    check(entries)
    people = list_people(session=session)
    names = told_apart((p.id, p.name) for p in people)  # "Ben B. (#54)" beside another
    there = _existing(session, (e.day for e in entries))
    added = skipped = 0
    linked: list[str] = []
    unsettled: list[str] = []
    for entry in entries:
        key = (entry.day, entry.body)
        if there[key] > 0:
            there[key] -= 1
            skipped += 1
            continue
        person_ids, tags, could_be = _links(entry, people)
        unsettled += could_be
        write_entry(
            session=session,
            data={"day": entry.day, "body": entry.body, "person_ids": person_ids, "tags": tags},
        )
        linked += [names[p] for p in person_ids]
        added += 1
    unsettled = list(dict.fromkeys(unsettled))
    return Result(added=added, skipped=skipped, linked=list(dict.fromkeys(linked)),
                  not_linked=unlinked(unsettled, people) if unsettled else "")  # fmt: skip
