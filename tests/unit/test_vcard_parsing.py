"""vCard parsing, property by property: what real exports do, written out by hand.

The real files are in tests/data/vcards (see test_vcard_corpus.py); these are the cases
issue 15 names, each in its smallest form.
"""

from __future__ import annotations

import binascii
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st
from pydantic import ValidationError

from planner_tui.db.engine import Database
from planner_tui.db.models import PersonCreate
from planner_tui.errors import InvalidInput
from planner_tui.services import people, vcard
from planner_tui.services.vcard import Day


def parse(text: str, encoding: str = "utf-8") -> vcard.Contents:
    return vcard.parse(text.replace("\n", "\r\n").encode(encoding))


def card(*lines: str, version: str = "3.0") -> str:
    return "\n".join(["BEGIN:VCARD", f"VERSION:{version}", *lines, "END:VCARD", ""])


def names(contents: vcard.Contents) -> list[str]:
    return [c.name for c in contents.cards]


# --------------------------------------------------------------------------- one bad property


def test_a_broken_photo_is_passed_over() -> None:
    got = parse(card("FN:Ana", "PHOTO;ENCODING=b;TYPE=JPEG:!!not base64 at all!!", "NOTE:hi"))
    assert names(got) == ["Ana"] and got.cards[0].note == "hi" and got.unreadable == []


def test_an_invalid_byte_in_org_skips_org_only() -> None:
    raw = card("FN:José", "ORG:Caf\udce9 Ltd", "NOTE:ok").encode("utf-8", "surrogateescape")
    got = vcard.parse(raw)
    assert names(got) == ["José"] and got.cards[0].note == "ok"
    assert got.unreadable == [(4, "ORG")]
    assert got.summary() == ["1 detail couldn't be read and was skipped: ORG on line 4."]


def test_an_unreadable_name_falls_back_to_n_then_org() -> None:
    # A stray byte in a card of UTF-8 (its note) is a damaged value.
    raw = card("FN:Bad \udcff", "N:Okafor;Chidinma;;;", "NOTE:café").encode(
        "utf-8", "surrogateescape"
    )
    assert names(vcard.parse(raw + "BEGIN:VCARD\r\nORG:Ümit Bau\r\nEND:VCARD".encode())) == [
        "Chidinma Okafor",
        "Ümit Bau",
    ]


def test_a_card_in_latin_1_after_one_in_utf_8_keeps_its_person() -> None:
    """One file, a UTF-8 card and then a Latin-1 one with no CHARSET (two address books
    joined): "Zoë" was left out, her name "couldn't be read" (nu236). A card with no UTF-8
    of its own is read as the single-byte text it is."""
    raw = card("FN:Jürgen Müller").encode() + card("FN:Zoë Lefèvre", "NOTE:très bien").encode(
        "latin-1"
    )
    got = vcard.parse(raw)
    assert names(got) == ["Jürgen Müller", "Zoë Lefèvre"] and got.summary() == []
    assert got.cards[1].note == "très bien"


def test_a_name_or_nickname_shaped_like_a_number_is_passed_over(db: Database) -> None:
    """'#5' is the person numbered 5 on the command line, so it can't be a name or a
    nickname: a card named so crashed the import (ValidationError) and its nickname would."""
    got = parse(
        card("FN:#5", "N:Ahmed;Layla;;;", "NICKNAME:#12,Lay")
        + card("FN:# 3")
        + card("FN:Bo", "NICKNAME:#-1")
    )
    assert names(got) == ["Layla Ahmed", "Bo"] and got.nameless == [] and got.refused[0][0] == 7
    invisible = parse(card("FN:\u200b", "NOTE:hi"))  # a name no one can see: none at all
    assert names(invisible) == [] and invisible.nameless == [1]
    assert [c.nickname for c in got.cards] == ["Lay", ""]
    with db.write() as s:
        assert vcard.import_cards(session=s, cards=got.cards).added == 2


def test_a_profile_line_and_an_unknown_charset_on_a_label_are_harmless() -> None:
    text = "PROFILE:VCARD\n" + card(
        "PROFILE:VCARD",
        "FN:Renée",
        "LABEL;CHARSET=X-NOT-A-CHARSET;ENCODING=QUOTED-PRINTABLE:12 Rue =E9",
        version="2.1",
    )
    got = parse(text)
    assert names(got) == ["Renée"] and got.unreadable == []


def test_a_kept_detail_in_an_unknown_charset_is_skipped_and_counted() -> None:
    got = parse(card("FN:Sam", "NOTE;CHARSET=X-KLINGON;ENCODING=QUOTED-PRINTABLE:=E9t=E9"))
    assert names(got) == ["Sam"] and got.cards[0].note == ""
    assert got.unreadable == [(4, "NOTE")]


def test_lines_that_are_not_properties_are_counted_not_fatal() -> None:
    got = parse(card("FN:Kim", "this line is junk", "NICKNAME:K"))
    assert got.cards[0].nickname == "K" and got.unreadable == [(4, "a line")]


# --------------------------------------------------------------------------- escapes and text


def test_escaped_commas_keep_the_whole_name_and_note() -> None:
    got = parse(
        card(
            r"FN:Mr. John Richter\, James Doe Sr.",
            r"NOTE:Met at the fair\, loves dogs\, cats\; and\nlong walks \\o/",
            r"NICKNAME:Jo\,Jo,JJ",
        )
    )
    [one] = got.cards
    assert one.name == "Mr. John Richter, James Doe Sr."
    assert one.note == "Met at the fair, loves dogs, cats; and\nlong walks \\o/"
    assert (one.nickname, one.other_names) == ("Jo,Jo", ("JJ",))  # the first, and another


def test_an_outlook_2_1_note_keeps_everything_after_its_commas() -> None:
    got = parse(
        card(
            "N:Okoye;Ada",
            "NOTE;ENCODING=QUOTED-PRINTABLE:Sister of Ben, lives in Leeds, likes=0D=0Apoetry, te=",
            "a and chess",
            version="2.1",
        )
    )
    [one] = got.cards
    assert one.name == "Ada Okoye"
    assert one.note == "Sister of Ben, lives in Leeds, likes\npoetry, tea and chess"


def test_zero_width_joiners_and_non_joiners_are_kept() -> None:
    persian = "علی\u200cرضا"
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    got = parse(card(f"FN:{persian}", f"NICKNAME:{family}", f"NOTE:{family} {persian}"))
    [one] = got.cards
    assert (one.name, one.nickname, one.note) == (persian, family, f"{family} {persian}")


def test_control_characters_in_a_name_are_what_the_person_form_allows() -> None:
    """A terminal's sequence goes whole (its ESC alone left "Sam[31m Red"); a note keeps
    every character, as the JSON export does."""
    [one] = parse(card("FN:Sam\x1b[31m\tRed\x07\x1b]0;title\x07!", "NOTE:bell\x07 kept")).cards
    assert one.name == "Sam Red!" and one.note == "bell\x07 kept"


def test_only_outer_whitespace_is_trimmed() -> None:
    [one] = parse(card("FN:  Ana  Lía  ")).cards
    assert one.name == "Ana  Lía"


# --------------------------------------------------------------------------- vCard 2.1


def test_charset_and_quoted_printable_soft_breaks_are_honoured() -> None:
    text = card(
        "N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Fran=E7ois;Ren=E9e",
        "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Ren=C3=A9e Fran=C3=",
        "=A7ois",
        "NOTE;CHARSET=windows-1251;ENCODING=QUOTED-PRINTABLE:=CF=F0=E8=E2=E5=F2",
        version="2.1",
    )
    [one] = parse(text).cards
    assert one.name == "Renée François" and one.note == "Привет"


def test_raw_eight_bit_values_in_a_declared_charset() -> None:
    raw = b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=ISO-8859-1:Ren\xe9e\r\nEND:VCARD\r\n"
    assert names(vcard.parse(raw)) == ["Renée"]


def test_base64_text_and_a_2_1_photo_without_indentation() -> None:
    text = card(
        "FN;ENCODING=BASE64;CHARSET=UTF-8:SsO8cmdlbg==",
        "PHOTO;ENCODING=BASE64;TYPE=JPEG:AAECAwQF",
        "BgcICQoL",
        "",
        "NOTE:after the photo",
        version="2.1",
    )
    got = parse(text)
    assert names(got) == ["Jürgen"] and got.cards[0].note == "after the photo"
    assert got.unreadable == []


def test_utf16_files_are_read() -> None:
    assert names(parse(card("FN:Zoë"), "utf-16")) == ["Zoë"]


# --------------------------------------------------------------------------- cards


def test_cards_without_a_name_are_left_out_and_named_by_line() -> None:
    text = card("EMAIL:a@example.org") + card("FN:Bo") + card("TEL:1") + card("FN:  ")
    got = parse(text)
    assert names(got) == ["Bo"] and got.nameless == [1, 9, 13]
    assert got.summary() == ["3 cards had no name and were left out: line 1, line 9, line 13."]


def test_a_card_whose_name_means_someone_else_says_why_it_was_left_out() -> None:
    """'#7' names person 7 on the command line: the card was said to have no name."""
    got = parse(card("FN:#7") + card("FN:Bo") + card("FN:\u200b"))
    assert names(got) == ["Bo"] and got.nameless == [9] and got.refused[0][0] == 1
    assert got.summary() == [
        "1 card had no name and was left out: line 9.",
        "The card on line 1 was left out: its name, #7, is how the command line names "
        "someone by number.",
    ]


def test_groups_and_places_are_not_people() -> None:
    text = card("KIND:group", "FN:Book club", "MEMBER:urn:uuid:1", version="4.0")
    text += card("X-ADDRESSBOOKSERVER-KIND:group", "FN:Family") + card("FN:Ana")
    got = parse(text)
    assert names(got) == ["Ana"] and got.not_people == [1, 7]
    assert "2 cards were groups or places, not people" in got.summary()[0]


def test_a_missing_end_and_an_embedded_agent_card() -> None:
    text = (
        "BEGIN:VCARD\nVERSION:2.1\nFN:First\nAGENT:\nBEGIN:VCARD\nVERSION:2.1\nFN:Assistant\n"
        "END:VCARD\nNOTE:after the agent\nBEGIN:VCARD\nVERSION:3.0\nFN:Second\n"
    )
    got = parse(text)
    assert names(got) == ["First", "Second"] and got.cards[0].note == "after the agent"
    assert [c.line for c in got.cards] == [1, 10]


@pytest.mark.parametrize("content", [b"", b"hello, world\n", b"\x00\xff\x00garbage", b"END:VCARD"])
def test_only_a_file_with_no_card_at_all_is_refused(content: bytes) -> None:
    with pytest.raises(InvalidInput, match="doesn't look like a vCard"):
        vcard.parse(content)


def test_a_name_that_cannot_be_read_is_said_so() -> None:
    raw = card("FN:Caf\udce9", "NOTE:Lía").encode("utf-8", "surrogateescape")
    got = vcard.parse(raw)
    assert got.cards == [] and got.nameless == [1] and got.unreadable == [(3, "FN")]


def test_gmail_escaped_colons_and_an_inline_agent() -> None:
    text = card(r"FN:Ana", r"NOTE:see http\://example.org", r"AGENT:BEGIN:VCARD\nFN:X")
    text += card("FN:Bo")
    got = parse(text)
    assert names(got) == ["Ana", "Bo"] and got.cards[0].note == "see http://example.org"


def test_a_file_of_nameless_cards_is_not_refused() -> None:
    got = parse(card("TEL:1") + card("TEL:2"))
    assert got.cards == [] and got.nameless == [1, 5]


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("BDAY:1985-04-12", Day(4, 12, 1985)),
        ("BDAY:19850412", Day(4, 12, 1985)),
        ("BDAY:1985-04-12T00:00:00Z", Day(4, 12, 1985)),
        ("BDAY;VALUE=date:--0412", Day(4, 12)),
        ("BDAY:--04-12", Day(4, 12)),
        ("BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-12", Day(4, 12)),
        ("BDAY:--0229", Day(2, 29)),
    ],
)
def test_birthdays(line: str, day: Day) -> None:
    [one] = parse(card("FN:Ana", line)).cards
    assert one.birthday == day


@pytest.mark.parametrize("line", ["BDAY:1985-02-30", "BDAY;VALUE=text:circa 1800", "BDAY:soon"])
def test_a_birthday_that_is_not_a_date_is_skipped_and_counted(line: str) -> None:
    got = parse(card("FN:Ana", line))
    assert got.cards[0].birthday is None and got.unreadable == [(4, "BDAY")]


def test_anniversaries_from_several_writers() -> None:
    got = parse(
        card("FN:A", "ANNIVERSARY:20090808T1430-0500", version="4.0")
        + card("FN:B", "X-MS-ANNIVERSARY:2011-01-13")
        + card("FN:C", "item9.X-ABDATE:1930-03-20", "item9.X-ABLabel:_$!<Anniversary>!$_")
        + card("FN:D", "X-ABDATE:1776-07-04")
    )
    assert [c.anniversary for c in got.cards] == [
        Day(8, 8, 2009),
        Day(1, 13, 2011),
        Day(3, 20, 1930),
        None,
    ]
    assert str(Day(3, 20, 1930)) == "20 March 1930" and str(Day(2, 3)) == "3 February"


# --------------------------------------------------------------------------- round trips


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def _fold(line: str) -> str:
    return "\r\n ".join(line[i : i + 60] for i in range(0, len(line), 60)) or line


def _qp(value: str) -> str:
    encoded = binascii.b2a_qp(value.encode("utf-8"), quotetabs=True, istext=False)
    return encoded.decode("ascii").replace("\n", "\r\n")


def can_be_a_name(text: str) -> bool:
    """By the app's rule for names (not only invisible characters; not '#5')."""
    try:
        return PersonCreate(name=text).name == text
    except ValidationError:
        return False


NAMES = st.text(min_size=1, max_size=80).filter(
    lambda s: (
        s.strip() == s
        and not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in s)
        and can_be_a_name(s)
    )
)
NOTES = st.text(max_size=300).filter(lambda s: s.strip() == s and not {"\r", "\x00"} & set(s))


@settings(max_examples=200, deadline=None)
@given(name=NAMES, note=NOTES)
def test_names_and_notes_round_trip_through_3_0(name: str, note: str) -> None:
    text = "\r\n".join(
        ["BEGIN:VCARD", "VERSION:3.0", _fold(f"FN:{_escape(name)}"),
         _fold(f"NOTE:{_escape(note)}"), "END:VCARD", ""]
    )  # fmt: skip
    [one] = vcard.parse(text.encode("utf-8")).cards
    assert (one.name, one.note) == (name, note)


@settings(max_examples=200, deadline=None)
@given(name=NAMES, note=NOTES)
def test_names_and_notes_round_trip_through_2_1_quoted_printable(name: str, note: str) -> None:
    escaped = name.replace("\\", "\\\\").replace(";", "\\;")
    text = "\r\n".join(
        ["BEGIN:VCARD", "VERSION:2.1",
         f"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{_qp(escaped)}",
         f"NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{_qp(note.replace(chr(92), chr(92) * 2))}",
         "END:VCARD", ""]
    )  # fmt: skip
    [one] = vcard.parse(text.encode("utf-8")).cards
    assert (one.name, one.note) == (name, note)


def _fold_at(line: str, cuts: list[int]) -> str:
    """*line* folded (a line break and a space) before each of the offsets *cuts*, but not
    just after an '=' (there, in quoted-printable, a line break is the value's own)."""
    at = sorted({c for c in cuts if 0 < c < len(line) and line[c - 1] != "="})
    return "\r\n ".join(line[a:b] for a, b in zip([0, *at], [*at, len(line)], strict=True))


@settings(max_examples=200, deadline=None)
@given(name=NAMES, note=NOTES, data=st.data())
def test_a_line_folded_anywhere_reads_as_unfolded(
    name: str, note: str, data: st.DataObject
) -> None:
    """Writers fold where they like, in a value or in its parameters ("QUOTED-PRINT" /
    "ABLE"), each piece with a space: the card reads as it would unfolded. (Unfolding added
    each piece to all before it: a 2 MB photo folded into 27,000 lines took 9 s, nu218.)"""
    escaped = name.replace("\\", "\\\\").replace(";", "\\;")
    lines = [
        f"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{_qp(escaped).replace('=' + chr(13) + chr(10), '')}",
        f"NOTE:{_escape(note)}",
        "PHOTO;ENCODING=b;TYPE=JPEG:" + "QUJD" * data.draw(st.integers(0, 400)),
    ]
    folded = [
        _fold_at(line, data.draw(st.lists(st.integers(1, max(len(line) - 1, 1)), max_size=12)))
        for line in lines
    ]
    text = "\r\n".join(["BEGIN:VCARD", "VERSION:2.1", *folded, "END:VCARD", ""])
    [one] = vcard.parse(text.encode("utf-8")).cards
    assert (one.name, one.note) == (name, note)


def test_what_is_read_is_what_is_stored(db: Database, tmp_path: Path) -> None:
    persian = "علی\u200cرضا"
    path = tmp_path / "x.vcf"
    path.write_text(card(f"FN:{persian}", r"NOTE:Tea\, not coffee", "BDAY:--0412"))
    cards = vcard.read_file(path)
    with db.write() as s:
        assert vcard.import_cards(session=s, cards=cards).added == 1
    with db.session() as s:
        [person] = people.list_people(session=s)
    assert (person.name, person.notes) == (persian, "Tea, not coffee")


def test_a_name_too_long_is_cut_and_said_and_a_nickname_is_kept_as_a_name_is() -> None:
    """A name of 1,205 characters came in cut to 1,000 without a word; a nickname kept
    the invisible characters a name drops (a zero-width space before "zw")."""
    got = parse(card("FN:Long " + "x" * 1200, "NICKNAME:\u200bzw,\x1b]0;t\x07"))
    [one] = got.cards
    assert len(one.name) == 1000 and one.nickname == "zw"
    assert "1 name longer than 1,000 characters was cut to fit: line 1." in got.summary()
    assert parse(card("FN:" + "y" * 1000)).summary() == []  # at the limit: nothing cut


def test_a_note_too_long_is_cut_and_said() -> None:
    """A card's note of 300,000 characters came in as its first 20,000 without a word, while
    a name cut to fit was said (nu168). Two notes on one card count together."""
    got = parse(card("FN:Huge Note", "NOTE:" + "x" * 300_000))
    [one] = got.cards
    assert one.note == "x" * 20_000
    assert got.summary() == [
        "1 note longer than 20,000 characters was cut to fit, the rest left out: line 1."
    ]
    assert parse(card("FN:At the limit", "NOTE:" + "y" * 20_000)).summary() == []
    both = parse(card("FN:Two notes", "NOTE:" + "a" * 10_000, "NOTE:" + "b" * 10_000))
    assert both.cards[0].note.endswith("b" * 9_998) and len(both.summary()) == 1
