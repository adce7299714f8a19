"""vCard import, from real-world-like files."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner_tui.db.engine import Database
from planner_tui.errors import InvalidInput
from planner_tui.services import people, vcard

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
        "[link=file:///etc/passwd]Sam[/link] \\e[31m",
    ]
    assert cards[0].note == "Met at the allotment — grows tomatoes"
    assert cards[1].nickname == "Chi"
    assert cards[1].note == (
        "Prefers texts in the evening, busy on weekdays.\nLoves [bold]jazz[/] and 🎷"
    )


def test_legacy_windows_encoded_files_are_read() -> None:
    assert [c.name for c in vcard.read_file(DATA / "legacy-cp1252.vcf")] == ["Renée François"]


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [("x.vcf", b"", "x.vcf is empty: nothing was imported."),
     ("x.vcf", b" \r\n\n", "x.vcf is empty: nothing was imported."),
     ("x.vcf", b"hello, world\n", "x.vcf doesn't look like a vCard file — nothing was imported."),
     ("x.vcf", b"\x00\xff\x00garbage", "x.vcf doesn't look like a vCard file"),
     # as the command line says it (nu196: the app's window said "doesn't look like a vCard")
     ("people.CSV", b"name\nAna\n", "people.CSV is a spreadsheet, which planner-tui doesn't "
      "read: people come in from a vCard (.vcf) file, which address books export.")],
)  # fmt: skip
def test_files_that_are_not_vcards_are_refused(
    tmp_path: Path, name: str, content: bytes, said: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InvalidInput) as refused:
        vcard.read_file(path)
    assert str(refused.value).startswith(said)


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
    # What a merge adds is said too: the note went in unannounced.
    assert preview[0].status() == "already here as Jurgen; if merged, adds the card's note"
    # Archived, he is said to be: a merge went into his record without a word.
    with db.write() as s:
        [jurgen] = people.find_people(session=s, names=["Jurgen"])
        people.update_person(session=s, person_id=jurgen.id, data={"archived": True})
    with db.session() as s:
        [first, *_] = vcard.preview(session=s, cards=cards)
    assert first.status(merging=False) == "already here as Jurgen (archived); left out"
    with db.write() as s:
        people.update_person(session=s, person_id=jurgen.id, data={"archived": False})
    with db.write() as s:
        result = vcard.import_cards(session=s, cards=cards)
    # Jürgen is here already; chidinma repeats a card earlier in the file: said apart
    assert (result.added, result.merged, result.skipped, result.repeated) == (5, 0, 1, 1)
    assert result.said() == (
        "Added 5 people, skipped 1 already here, 1 card for someone on a card earlier in the "
        "file left out."
    )
    with db.session() as s:
        names = [p.name for p in people.list_people(session=s)]
    assert len(names) == 6 and "[link=file:///etc/passwd]Sam[/link] \\e[31m" in names
    with db.write() as s:
        again = vcard.import_cards(session=s, cards=cards[:1], duplicates="merge")
    assert (again.added, again.merged) == (0, 1)
    with db.session() as s:
        [jurgen] = people.find_people(session=s, names=["Jurgen"])
    assert jurgen.notes == "Met at the allotment — grows tomatoes"


CARDS_WITH_DATES = (
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ana Silva\r\nBDAY:--0412\r\n"
    "ANNIVERSARY:20110603\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ben Okafor\r\nBDAY:1990-02-29\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cleo\r\nBDAY:2000-02-29\r\nEND:VCARD\r\n"
)


def dates_of(db: Database, name: str) -> list[tuple[str, int, int, int | None]]:
    with db.session() as s:
        [person] = people.find_people(session=s, names=[name])
        return [
            (d.label, d.month, d.day, d.year)
            for d in people.list_dates(session=s, person_id=person.id)
        ]


def test_imported_birthdays_and_anniversaries_are_kept(db: Database) -> None:
    cards = vcard.read_cards(CARDS_WITH_DATES)
    with db.write() as s:
        result = vcard.import_cards(session=s, cards=cards)
    assert (result.added, result.merged, result.skipped) == (3, 0, 0)
    assert dates_of(db, "Ana Silva") == [("birthday", 4, 12, None), ("anniversary", 6, 3, 2011)]
    assert dates_of(db, "Ben Okafor") == []  # 29 Feb 1990 never was: skipped, as shown
    assert dates_of(db, "Cleo") == [("birthday", 2, 29, 2000)]


def test_merging_a_card_again_never_doubles_its_dates(db: Database) -> None:
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana Silva"}).id
        people.add_date(session=s, data={"person_id": ana, "label": "Birthday",
                                         "month": 4, "day": 12})  # fmt: skip
    cards = vcard.read_cards(CARDS_WITH_DATES)[:1]
    for _ in range(2):
        with db.write() as s:
            result = vcard.import_cards(session=s, cards=cards, duplicates="merge")
        assert (result.added, result.merged) == (0, 1)
    assert dates_of(db, "Ana Silva") == [("Birthday", 4, 12, None), ("anniversary", 6, 3, 2011)]
    with db.write() as s:  # skipped, not merged: nothing added
        vcard.import_cards(
            session=s, cards=vcard.read_cards(CARDS_WITH_DATES.replace("0412", "0501"))[:1]
        )
    assert len(dates_of(db, "Ana Silva")) == 2


def test_a_card_under_an_earlier_cards_nickname_is_that_person(db: Database) -> None:
    """`FN:annie` after Ana Silva's `NICKNAME:Annie` in the same file became a second
    person, and "annie" then named both; several nicknames were kept as one, "A.S., Bee",
    which found no one."""
    text = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Silva\r\nNICKNAME:Annie,A.S.,Bee,Bee\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:annie\r\nNOTE:from the old phone\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bee\r\nEND:VCARD\r\n"
    )
    cards = vcard.read_cards(text)
    assert (cards[0].nickname, cards[0].other_names) == ("Annie", ("A.S.", "Bee"))
    with db.session() as s:
        rows = vcard.preview(session=s, cards=cards)
    assert [row.duplicate_of for row in rows] == [None, "Ana Silva", "Ana Silva"]
    with db.write() as s:
        result = vcard.import_cards(session=s, cards=cards, duplicates="merge")
    assert (result.added, result.repeated) == (1, 2)
    with db.session() as s:
        [ana] = people.list_people(session=s)
        assert (ana.name, ana.nickname, ana.aliases) == ("Ana Silva", "Annie", ["A.S.", "Bee"])
        assert ana.notes == "from the old phone"
        for called in ("annie", "bee", "a.s."):
            assert [p.id for p in people.find_duplicates(session=s, name=called)] == [ana.id]


@pytest.mark.parametrize("duplicates", ["merge", "skip"])
def test_a_card_under_the_nickname_of_a_card_for_someone_here_is_them(
    db: Database, duplicates: str
) -> None:
    """Ada, already here, with a card `FN:Ada A.` `NICKNAME:Addy` and then one `FN:Addy`:
    the second became a new person, Addy, beside Ada now nicknamed Addy (nu196)."""
    with db.write() as s:
        ada = people.create_person(session=s, data={"name": "Ada A."}).id
    cards = vcard.read_cards(
        "BEGIN:VCARD\nVERSION:3.0\nFN:Ada A.\nNICKNAME:Addy\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Addy\nNOTE:from the old phone\nEND:VCARD\n"
    )
    with db.session() as s:
        rows = vcard.preview(session=s, cards=cards)
    assert [(row.duplicate_of, row.duplicate_id) for row in rows] == [("Ada A.", ada)] * 2
    with db.write() as s:
        result = vcard.import_cards(session=s, cards=cards, duplicates=duplicates)
    assert result.added == 0
    with db.session() as s:
        assert [p.id for p in people.list_people(session=s)] == [ada]


def test_a_card_is_the_person_of_its_name_before_one_with_it_as_a_nickname(db: Database) -> None:
    """`FN:Sam` was "already here as" Zoë, added first with the nickname Sam, though a
    person called Sam was on the map: the name rule has a whole name first."""
    with db.write() as s:
        people.create_person(session=s, data={"name": "Zoë", "nickname": "Sam"})
        sam = people.create_person(session=s, data={"name": "Sam"}).id
    cards = vcard.read_cards("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:sam\r\nNOTE:n\r\nEND:VCARD\r\n")
    with db.session() as s:
        [row] = vcard.preview(session=s, cards=cards)
    assert row.duplicate_of == "Sam"
    with db.write() as s:
        vcard.import_cards(session=s, cards=cards, duplicates="merge")
    with db.session() as s:
        assert {p.name: p.notes for p in people.list_people(session=s)} == {"Zoë": "", "Sam": "n"}
        assert people.find_duplicates(session=s, name="sam")[0].id == sam


def test_a_card_two_people_here_go_by_is_left_out_merging_or_not(db: Database) -> None:
    """A card "Sam" was merged into the first of two people called Sam, without a word;
    and a card's second nickname "Sammy" took Samir's nickname over."""
    with db.write() as s:
        first = people.create_person(session=s, data={"name": "Sam"}).id
        second = people.create_person(session=s, data={"name": "Sam"}).id
        samir = people.create_person(session=s, data={"name": "Samir", "nickname": "Sammy"}).id
        people.create_person(session=s, data={"name": "Samantha Reyes"})
    cards = vcard.read_cards(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sam\r\nNOTE:from the card\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Samantha Reyes\r\nNICKNAME:Sam,Sammy\r\nEND:VCARD\r\n"
    )
    with db.session() as s:
        rows = vcard.preview(session=s, cards=cards)
    assert rows[0].status(True) == (
        f"could be Sam (#{first}) or Sam (#{second}) already here, so it is left out: add what "
        "it holds to the one it is"
    )
    assert rows[0].already_here and rows[1].already_here
    with db.write() as s:
        result = vcard.import_cards(session=s, cards=cards, duplicates="merge")
    assert (result.added, result.merged, result.skipped, result.unsure) == (0, 1, 0, 1)
    with db.session() as s:
        assert {p.notes for p in people.list_people(session=s) if p.name == "Sam"} == {""}
        # "Sammy" is Samantha's now too: it names both, and so neither alone.
        named = [p.id for p in people.people_called(session=s, typed="Sammy")]
        assert samir in named and len(named) == 2


def test_a_card_with_a_first_name_alone_is_someone_new(db: Database) -> None:
    """A card "Ben" beside Ben A. and Ben B. is added, not left out: a vCard's duplicates
    are whole names, nicknames and merged names, never a first name alone (nu156 read the
    README as saying otherwise; it now says so)."""
    with db.write() as s:
        people.create_person(session=s, data={"name": "Ben A."})
        people.create_person(session=s, data={"name": "Ben B."})
    cards = vcard.read_cards("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ben\r\nEND:VCARD\r\n")
    with db.session() as s:
        [row] = vcard.preview(session=s, cards=cards)
    assert (row.duplicate_of, row.could_be, row.already_here) == (None, (), False)
