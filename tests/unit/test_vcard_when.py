"""vCard import (real-world-like files) and natural-language times."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from dateutil import tz

from planner_tui.db.engine import Database
from planner_tui.errors import InvalidInput
from planner_tui.services import people, vcard
from planner_tui.when import parse_when

DATA = Path(__file__).parent.parent / "data"


def test_cards_of_every_version_are_read_with_their_names_and_notes() -> None:
    cards = vcard.read_file(DATA / "contacts.vcf")
    assert [c.name for c in cards] == [
        "Jürgen Müller",  # 2.1, quoted-printable UTF-8, photo
        "Chidinma Okafor",  # 3.0, folded note, photo
        "مريم الحسن",  # 4.0, data-URI photo
        "Dr. Kenji Nakamura",  # no FN: built from N
        "Riverside Community Garden",  # organisation-only card
        "chidinma okafor",
        "[link=https://example.com]Sam[/link] \\e[31m",
    ]
    assert cards[0].note == "Met at the allotment — grows tomatoes"
    assert cards[1].nickname == "Chi"
    assert cards[1].note == (
        "Prefers texts in the evening, busy on weekdays.\nLoves [bold]jazz[/] and 🎷"
    )


def test_legacy_windows_encoded_files_are_read() -> None:
    assert [c.name for c in vcard.read_file(DATA / "legacy-cp1252.vcf")] == ["Renée François"]


@pytest.mark.parametrize("content", [b"", b"hello, world\n", b"\x00\xff\x00garbage"])
def test_files_that_are_not_vcards_are_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.vcf"
    path.write_bytes(content)
    with pytest.raises(InvalidInput, match="doesn't look like a vCard"):
        vcard.read_file(path)


def test_preview_and_import_skip_or_merge_duplicates(db: Database) -> None:
    cards = vcard.read_file(DATA / "contacts.vcf")
    with db.write() as s:
        people.create_person(session=s, data={"name": "Jurgen", "nickname": "Jürgen Müller"})
    with db.session() as s:
        preview = vcard.preview(session=s, cards=cards)
    assert [(r.card.name, r.duplicate_of) for r in preview if r.duplicate_of] == [
        ("Jürgen Müller", "Jurgen"),
        ("chidinma okafor", "Chidinma Okafor"),
    ]
    with db.write() as s:
        result = vcard.import_cards(session=s, cards=cards)
    assert (result.added, result.merged, result.skipped) == (5, 0, 2)
    with db.session() as s:
        names = [p.name for p in people.list_people(session=s)]
    assert len(names) == 6 and "[link=https://example.com]Sam[/link] \\e[31m" in names
    with db.write() as s:
        again = vcard.import_cards(session=s, cards=cards[:1], duplicates="merge")
    assert (again.added, again.merged) == (0, 1)
    with db.session() as s:
        [jurgen] = people.find_people(session=s, names=["Jurgen"])
    assert jurgen.notes == "Met at the allotment — grows tomatoes"


NOW = datetime(2026, 11, 23, 20, 0, tzinfo=tz.gettz("Europe/London"))  # a Monday


@pytest.mark.parametrize(
    ("said", "lean", "meant"),
    [
        ("yesterday evening", "past", "2026-11-22 19:00"),
        ("last sat 3pm", "past", "2026-11-21 15:00"),
        ("sat", "past", "2026-11-21 12:00"),
        ("sat", "future", "2026-11-28 12:00"),
        ("mon", "past", "2026-11-16 12:00"),  # today is Monday: the one before
        ("next tue 6pm", "past", "2026-11-24 18:00"),
        ("this sat morning", "past", "2026-11-28 09:00"),
        ("in 3 days", "future", "2026-11-26 20:00"),
        ("2 weeks ago", "past", "2026-11-09 20:00"),
        ("an hour ago", "past", "2026-11-23 19:00"),
        ("3pm", "past", "2026-11-23 15:00"),
        ("at 7.30pm", "past", "2026-11-23 19:30"),
        ("tonight", "future", "2026-11-23 20:00"),
        ("now", "past", "2026-11-23 20:00"),
        ("2026-11-20 18:00", "past", "2026-11-20 18:00"),
        ("20/11", "past", "2026-11-20 12:00"),  # day first
        ("1 Nov 2026 9am", "past", "2026-11-01 09:00"),
    ],
)
def test_times_are_read_as_people_say_them(said: str, lean: str, meant: str) -> None:
    moment = parse_when(said, lean=lean, now=NOW)  # type: ignore[arg-type]
    assert moment.strftime("%Y-%m-%d %H:%M") == meant
    assert moment.tzinfo is not None


def test_times_keep_the_wall_clock_across_a_clock_change() -> None:
    before_change = datetime(2026, 10, 24, 20, 0, tzinfo=tz.gettz("Europe/London"))
    moment = parse_when("in 2 days", lean="future", now=before_change)
    assert (moment.hour, moment.utcoffset().total_seconds()) == (20, 0)  # type: ignore[union-attr]


@pytest.mark.parametrize("said", ["banana", "25pm", "13am", "in 2 days ago", "[bold]x"])
def test_unreadable_times_say_what_would_work(said: str) -> None:
    with pytest.raises(InvalidInput, match="yesterday evening"):
        parse_when(said, now=NOW)
