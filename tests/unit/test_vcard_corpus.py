"""Real vCard files from public projects' test suites (tests/data/vcards, see SOURCES.md):
per file, the names that must come in and the lines where cards that must be left out
begin (no name, or a group or a place rather than a person)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner_tui.services import vcard
from planner_tui.services.vcard import Day

CORPUS = Path(__file__).parent.parent / "data" / "vcards"

EXPECTED: dict[str, tuple[list[str], list[int]]] = {
    # Stalwart calcard's real-world cards (via pimalaya/vcard)
    "calcard-004-0.vcf": (["Derik Stenerson"], []),  # VERSION not the second line
    "calcard-005-0.vcf": (["Thies-Tillman Jacobsen"], []),
    "calcard-009-0.vcf": (["Mäx Mustermann"], []),  # 2.1, CHARSET=UTF-8, raw 8-bit
    "calcard-009-1.vcf": (["Test X-Mobil"], []),
    "calcard-009-2.vcf": (["John Doe얁"], []),
    "calcard-009-3.vcf": (["гор ЗаорсЁкі xyz і"], []),  # 2.1 QP soft breaks mid-character
    "calcard-009-4.vcf": (["XXXXXXXXXX"], []),
    "calcard-009-5.vcf": (["Max Mustermann"], []),
    "calcard-011-0.vcf": (["altid"], []),
    "calcard-012-0.vcf": (["contact with category"], []),
    "calcard-013-0.vcf": (["second contact"], []),
    "calcard-014-0.vcf": (["third contact"], []),
    "calcard-015-0.vcf": (["Wile E. Coyote"], []),
    "calcard-016-0.vcf": (["Foo Bar"], []),
    "calcard-017-0.vcf": (["Joe Citizen"], []),
    "calcard-029-0.vcf": ([], [1]),  # an e-mail address only
    "calcard-063-0.vcf": ([], [1]),  # a broken BDAY only
    # emersion/go-vcard (via pimalaya/vcard): blank lines inside a card, no name
    "emersion-linefolding-4.0.vcf": ([], [1]),
    # ez-vcard: exports from Evolution, Gmail, Android, Outlook, FullContact…
    "ezvcard-evolution-3.0.vcf": (["Mr. John Richter, James Doe Sr."], []),
    "ezvcard-fullcontact-4.0.vcf": (["Prefix FirstName MiddleName LastName Suffix"], []),
    "ezvcard-gmail-list-3.0.vcf": (["Arnold Smith", "Chris Beatle", "Doug White"], []),
    "ezvcard-gmail-list-4.0.vcf": (["Arnold Smith", "Chris Beatle", "Doug White"], []),
    "ezvcard-gmail-single-4.0.vcf": (["Greg Dartmouth"], []),
    "ezvcard-gmail-single2-3.0.vcf": (["VCard Test"], []),
    "ezvcard-issue114.vcf": (["Dummy, Dummy"], []),
    "ezvcard-john-doe-android-4.0.vcf": (
        ["Ñ Ñ Ñ Ñ Ñ", "Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ", "Ñ Ñ Ñ Ñ", "ÑÑÑÑ"],
        [1, 7],  # two cards with only an e-mail address
    ),
    "ezvcard-john-doe-gmail-4.0.vcf": (["Mr. John Richter, James Doe Sr."], []),
    "ezvcard-outlook-2003-4.0.vcf": (["John Doe III"], []),
    "ezvcard-rfc2426-example-4.0.vcf": (["Frank Dawson", "Tim Howes"], []),
    "ezvcard-rfc6350-example-4.0.vcf": (["Simon Perreault"], []),
    # FolkerKinzel.VCards: Windows Address Book 2.1, long QP note
    "folkerkinzel-v2_1.vcf": (["Maxl"], []),
    # jeroendesloovere/vcard (via pimalaya/vcard)
    "jeroen-contact-3-3.0.vcf": (["Ludwig-Götz Graßl"], []),
    "jeroen-contact-4-3.0.vcf": (["Marita Kreutzer"], []),
    "jeroen-contact-5-3.0.vcf": (["Kathi Hoelzl"], []),
    # spec examples (via pimalaya/vcard): RFC 2425 lower case and groups, versit 2.1
    "pimalaya-rfc2425-record3-groups.vcf": (["Meister Berger"], []),
    "pimalaya-vcard21-basic.vcf": (["Mr. John M. Smith, Esq."], []),  # no FN: from N
    "pimalaya-vcard21-qp-label.vcf": (["QP Example"], []),
    # py-vobject
    "vobject-photo-test-2.1.vcf": (["should be ok to share"], []),  # 2.1 BASE64 photo
    "vobject-vcard40-full.vcf": (["Dr. John Q. Public, III"], []),
    "vobject-vcard40-group.vcf": ([], [1]),  # KIND:group
    "vobject-vcard40-location.vcf": ([], [1]),  # KIND:location
    "vobject-vcard40-multilang.vcf": (["Yamada Taro"], []),
    "vobject-vcard40-org.vcf": (["ABC Marketing"], []),
    "vobject-vcard40-simple.vcf": (["John Doe"], []),
}


def test_the_corpus_is_what_the_table_and_sources_list() -> None:
    files = sorted(p.name for p in CORPUS.glob("*.vcf"))
    assert files == sorted(EXPECTED) and len(files) >= 40
    sources = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"`([^`]+\.vcf)`", sources))
    assert set(files) <= listed


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_file_brings_in_its_people_and_leaves_out_the_rest(name: str) -> None:
    contents = vcard.load(CORPUS / name)
    come_in, left_out = EXPECTED[name]
    assert [c.name for c in contents.cards] == come_in
    assert sorted(contents.nameless + contents.not_people) == left_out
    assert contents.unreadable == []


def test_details_from_real_exports() -> None:
    [evolution] = vcard.read_file(CORPUS / "ezvcard-evolution-3.0.vcf")
    assert evolution.nickname == "Johny"
    assert evolution.note.startswith("THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CON")
    assert "WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED" in evolution.note
    assert (evolution.birthday, evolution.anniversary) == (Day(3, 22, 1980), Day(3, 22, 1980))

    [gmail] = vcard.read_file(CORPUS / "ezvcard-gmail-single2-3.0.vcf")
    assert gmail.note == "note line 1\nnote line 2\nCustomField: field value"
    assert (gmail.birthday, gmail.anniversary) == (Day(6, 23, 1912), Day(3, 20, 1930))

    [wab] = vcard.read_file(CORPUS / "folkerkinzel-v2_1.vcf")
    line = "Kommentar ÄÄÄÄÄÄ ääääää ÖÖÖÖÖÖ öööööö ÜÜÜÜÜÜ üüüüüü ßßßßßß"
    assert wab.note == "\n".join([line] * 6) and wab.organisation == "Firma, Führungsetage"
    assert (wab.birthday, wab.anniversary) == (Day(1, 31, 1972), Day(12, 24, 2000))

    [simon] = vcard.read_file(CORPUS / "ezvcard-rfc6350-example-4.0.vcf")
    assert (simon.birthday, simon.anniversary) == (Day(2, 3), Day(8, 8, 2009))

    [outlook] = vcard.read_file(CORPUS / "ezvcard-outlook-2003-4.0.vcf")
    assert outlook.note == "This is the note field!!\nSecond line\n\nThird line is empty"

    [full] = vcard.read_file(CORPUS / "vobject-vcard40-full.vcf")
    assert (full.nickname, full.other_names) == ("Johnny", ("JQP",)) and full.organisation == (
        "Example Corp., North Division, Marketing"
    )
    [euro] = vcard.read_file(CORPUS / "calcard-009-4.vcf")
    assert euro.note == "XXXXXXXXXX € ##,##\nXXXXXXXXXX € ##,##"
