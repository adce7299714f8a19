"""jrnl and Day One journals: the parser against jrnl's own reading of the same files,
generated journals read back, and importing (both engines): links, tags, stars, once only."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings, strategies as st

from planner_tui.db.engine import Database
from planner_tui.db.models import MAX_BODY
from planner_tui.errors import InvalidInput
from planner_tui.services import journal, jrnl, people

DATA = Path(__file__).parents[1] / "data" / "jrnl"


def squash(text: str) -> str:
    return " ".join(text.split())


# --------------------------------------------------------------------------- the corpus

# file → jrnl's own reading of it (``jrnl --export json``, made by make_corpus.py)
AGAINST_JRNL = [
    ("onefile.journal", "onefile"),
    ("little-endian.journal", "little-endian"),
    ("ampm.journal", "ampm"),
    ("mostly-readable-dates.journal", "mostly-readable-dates"),
    ("folder", "folder"),
    ("dayone-classic.dayone", "dayone-classic"),
]


@pytest.mark.parametrize(("name", "expected"), AGAINST_JRNL)
def test_reads_what_jrnl_reads(name: str, expected: str) -> None:
    """Same count, same dates and times, same stars, same tags, and the same text (jrnl
    splits off a title; put back together, the words and lines are identical)."""
    theirs = json.loads((DATA / "expected" / f"{expected}.json").read_text(encoding="utf-8"))
    ours = sorted(jrnl.load(DATA / name).entries, key=lambda e: e.when)
    assert len(ours) == len(theirs["entries"]) > 0
    for entry, their in zip(ours, theirs["entries"], strict=True):
        assert (f"{entry.when:%Y-%m-%d}", f"{entry.when:%H:%M}") == (their["date"], their["time"])
        assert entry.starred == their["starred"]
        assert squash(entry.text) == squash(f"{their['title']} {their['body']}")
        assert entry.title.startswith(their["title"])
        words = {w.casefold() for _, w in entry.words()} | {t.casefold() for t in entry.tags}
        assert words == {t[1:] for t in their["tags"]}
        assert entry.body.startswith(f"{entry.when:%H:%M} {entry.title}")


@pytest.mark.parametrize("name", ["onefile.journal", "little-endian.journal", "ampm.journal"])
def test_text_is_the_file_s_own(name: str) -> None:
    """Character for character: each entry's text is in the file just as written, after its
    header (the star mark aside)."""
    source = (DATA / name).read_text(encoding="utf-8")
    for entry in jrnl.load(DATA / name).entries:
        head, _, rest = entry.text.partition("\n")
        written = f"{head} *\n{rest}" if entry.starred else entry.text
        assert f"] {written}" in source


# jrnl 4 doesn't read jrnl 1.x files without upgrading them, so these are checked by hand
HAND_CHECKED = {
    "legacy-1.9.journal": [
        (datetime(2010, 6, 10, 15, 0), False, "A life without chocolate is like a bad analogy."),
        (
            datetime(2013, 6, 10, 15, 40),
            True,
            "Tea with the neighbours.\nTheir daughter showed "
            "me her drawings of the street. @neighbourhood",
        ),
        (
            datetime(2019, 8, 3, 12, 55),
            False,
            "Choir audition\nI went in even though I wanted to turn round at the door.",
        ),
    ],
    "dayone-export.json": [
        (datetime(2026, 1, 1, 0, 30), False, "New year.\nSent five messages and got four back."),
        (
            datetime(2026, 3, 14, 18, 30),
            True,
            "Dinner at my sister's\n\nShe asked me to come "
            "every Sunday. @Rita laughed at my jokes.",
        ),
        (
            datetime(2026, 3, 15, 8, 30),
            False,
            "Early call with my cousin before work.\nWe "
            "talked about nothing much, which was the point.",
        ),
    ],
}


@pytest.mark.parametrize("name", sorted(HAND_CHECKED))
def test_reads_older_and_day_one_files(name: str) -> None:
    entries = jrnl.load(DATA / name).entries
    assert [(e.when, e.starred, e.text) for e in entries] == HAND_CHECKED[name]


def test_folder_reads_only_day_files() -> None:
    files = jrnl.day_files(DATA / "folder")
    assert [f"{day}" for day, _ in files] == ["2026-10-02", "2026-10-04", "2026-11-01"]
    assert all("Not an entry" not in e.text and "Nor this" not in e.text
               for e in jrnl.load(DATA / "folder").entries)  # fmt: skip


@pytest.mark.parametrize("version", ["v1", "v2", "v3"])
def test_encrypted_journals_are_refused(version: str) -> None:
    """v2 and v3 say they are encrypted; v1 is only bytes that aren't text, like any other
    such file (64 KB of noise was called "This jrnl journal is encrypted"): asked, not told."""
    with pytest.raises(InvalidInput) as error:
        jrnl.load(DATA / f"encrypted-{version}.journal")
    assert str(error.value) == (
        "encrypted-v1.journal is not a UTF-8 text file. If it is a jrnl journal with a "
        "password, decrypt it with jrnl first."
        if version == "v1"
        else jrnl.ENCRYPTED
    )


def test_a_file_of_noise_is_not_called_a_journal(tmp_path: Path) -> None:
    noise = tmp_path / "noise.bin"
    noise.write_bytes(bytes(range(256)) * 255)  # 65,280 bytes, a multiple of 16
    with pytest.raises(InvalidInput, match=r"noise\.bin is not a UTF-8 text file") as error:
        jrnl.load(noise)
    assert "This jrnl journal is encrypted" not in str(error.value)


def test_only_encrypted_files_look_encrypted() -> None:
    plain = (DATA / "onefile.journal").read_bytes()
    assert not jrnl.looks_encrypted(plain)
    assert not jrnl.looks_encrypted(plain.decode().encode("utf-16"))
    assert not jrnl.looks_encrypted(b"gAAAAA is how my journal starts, oddly.\n")


def test_a_file_without_entries_is_refused() -> None:
    with pytest.raises(InvalidInput, match="has no journal entries"):
        jrnl.load(DATA / "unreadable-dates.journal")


def test_footnotes_and_bracketed_words_are_not_headers() -> None:
    entries = jrnl.parse_text(
        "[2026-01-02 10:00] Title\n[1] a footnote\n[see below] words\n[Monday 3pm] too\n"
    )
    assert len(entries) == 1
    assert entries[0].text == "Title\n[1] a footnote\n[see below] words\n[Monday 3pm] too"


def test_body_keeps_the_time_and_seconds() -> None:
    [entry] = jrnl.parse_text("[2026-01-02 07:05:09 PM] Evening. *\nWalked.\n")
    assert (entry.when, entry.starred) == (datetime(2026, 1, 2, 19, 5, 9), True)
    assert entry.body == "19:05:09 Evening.\nWalked."


def test_windows_line_endings_and_a_bom() -> None:
    [entry] = jrnl.parse_text("\ufeff[2026-01-02 10:00] Title\r\nLine one\r\n\r\nLine two\r\n")
    assert entry.text == "Title\nLine one\n\nLine two"


# --------------------------------------------------------------------------- property

FORMATS = st.sampled_from(jrnl.TIME_FORMATS)
LINE = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n\x00"), max_size=40
)
TITLE = LINE.filter(lambda t: t == t.rstrip() and not t.endswith("*"))
BODY_LINE = LINE.filter(lambda t: not t.startswith("["))
ENTRY = st.tuples(
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 12, 31)),
    TITLE,
    st.lists(BODY_LINE, max_size=5).map("\n".join),
    st.booleans(),
)


@settings(max_examples=200, deadline=None)
@given(form=FORMATS, written=st.lists(ENTRY, min_size=1, max_size=6))
def test_any_journal_reads_back_to_its_entries(
    form: str, written: list[tuple[datetime, str, str, bool]]
) -> None:
    seconds = "%S" in form
    written = [(w.replace(second=w.second if seconds else 0, microsecond=0), t, b, s)
               for w, t, b, s in written]  # fmt: skip
    text = "\n".join(
        f"[{when.strftime(form)}] {title}{' *' if starred else ''}\n{body}\n"
        for when, title, body, starred in written
    )
    expected = [
        (when, (f"{title}\n{body}" if body else title).rstrip(), starred)
        for when, title, body, starred in written
    ]
    assert [(e.when, e.text, e.starred) for e in jrnl.parse_text(text)] == expected


# --------------------------------------------------------------------------- importing


def count(db: Database) -> int:
    with db.session() as s:
        return len(journal.list_entries(session=s, limit=None))


def test_import_links_people_tags_and_stars(db: Database) -> None:
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana Silva"}).id
        entries = jrnl.load(DATA / "onefile.journal").entries
        result = jrnl.import_entries(session=s, entries=entries)
    assert (result.added, result.skipped, result.linked) == (4, 0, ["Ana Silva"])
    with db.session() as s:
        got = sorted(journal.list_entries(session=s), key=lambda e: e.body)
    soup = next(e for e in got if "Soup" in e.body)
    assert soup.day == date(2026, 8, 29) and soup.person_ids == [ana]
    assert soup.tags == ["volunteering", "walk"]
    assert soup.body == "11:11 " + entries[0].text
    called = next(e for e in got if "Grandma" in e.body)
    assert called.tags == ["family", "grandma", "starred"] and called.person_ids == []
    assert [e.day for e in got].count(date(2026, 8, 31)) == 2  # two on one day, kept apart


def test_an_at_name_with_its_surname_links_that_person_not_a_tag(db: Database) -> None:
    """With two Adas on the map, `@Ada A.` became the tag `ada` and linked no one (nu154),
    where a check-in links her: an @Name goes on into one person's whole name here too."""
    text = (
        "[2026-11-20 10:00] Morning walk *\nSaw @Ada A. at the market, then @Ben. #market\n"
        "[2026-11-21 10:00] Tea\nLunch (@Ada B.) today; @Ada waved.\n"
    )
    with db.write() as s:
        ada = people.create_person(session=s, data={"name": "Ada A."}).id
        bea = people.create_person(session=s, data={"name": "Ada B."}).id
        result = jrnl.import_entries(session=s, entries=jrnl.parse_text(text))
    assert result.linked == ["Ada A.", "Ada B."]
    # An @Name that could be several people is said, not silently a tag (nu158)
    assert result.not_linked == "Not linked: @Ada could be Ada A., Ada B. (say more of the name)"
    with db.session() as s:
        walk, tea = sorted(journal.list_entries(session=s), key=lambda e: e.day)
    assert walk.person_ids == [ada]
    assert walk.tags == ["ben", "market", "starred"]  # Ben is no one on the map: jrnl's tag
    assert "@Ada A. at the market" in walk.body  # the text as written
    # In brackets too, as a check-in reads it (nu158: not linked, and no tag)
    assert tea.person_ids == [bea] and tea.tags == ["ada"]


def test_import_again_adds_nothing(db: Database) -> None:
    entries = jrnl.load(DATA / "folder").entries
    twice = entries + entries[:1]  # the same entry twice in one journal: both kept
    for expected in ((5, 0), (0, 5)):
        with db.write() as s:
            result = jrnl.import_entries(session=s, entries=twice)
        assert (result.added, result.skipped) == expected
        assert count(db) == 5


def test_day_one_tags_and_people(db: Database) -> None:
    with db.write() as s:
        people.create_person(session=s, data={"name": "Priya"})
        jrnl.import_entries(session=s, entries=jrnl.load(DATA / "dayone-classic.dayone").entries)
        jrnl.import_entries(session=s, entries=jrnl.load(DATA / "dayone-export.json").entries)
    with db.session() as s:
        got = {e.body.split("\n")[0]: e for e in journal.list_entries(session=s)}
    board = got["19:45 Board game night at the library."]
    assert board.people == ["Priya"] and board.tags == ["catan", "games", "starred"]
    assert got["18:30 Dinner at my sister's"].tags == ["family", "long-walks", "rita", "starred"]


def test_a_too_long_entry_stops_the_whole_import(db: Database) -> None:
    text = (
        "[2026-01-01 10:00] Fine.\n\n"
        f"[2026-01-02 10:00] Too long.\n{'x' * MAX_BODY}\n\n"
        "[2026-01-03 10:00] Also fine.\n"
    )
    too_long = r"2026-01-02 10:00 \('Too long.'\) is longer"
    with pytest.raises(InvalidInput, match=too_long), db.write() as s:
        jrnl.import_entries(session=s, entries=jrnl.parse_text(text))
    assert count(db) == 0


def test_day_one_text_comes_in_as_written_without_its_photos_and_escapes(tmp_path: Path) -> None:
    """Day One writes Markdown: a photo's place as `![](dayone-moment://…)`, and "\\." for a
    full stop. Both came in as text, and an entry with a photo alone as one saying only its
    time (nu218). The words come in as the person wrote them; a photo alone, not at all, and
    counted to be said (nu220)."""
    document = {"entries": [
        {"creationDate": "2026-03-01T16:30:00Z", "timeZone": "Europe/London",
         "text": "Late night ![](dayone-moment://ABC12) photo entry\\. Second para\n"
                 "\\#not-a-tag, 1\\-2, a \\\\ and \\*stars\\*"},
        {"creationDate": "2026-03-02T10:00:00Z", "timeZone": "Europe/London",
         "text": "![](dayone-moment:/video/DEF34)"},
        {"creationDate": "2026-03-03T10:00:00Z", "timeZone": "Europe/London"},
    ]}  # fmt: skip
    export = tmp_path / "Journal.json"
    export.write_text(json.dumps(document))
    journal = jrnl.load(export)
    [entry] = journal.entries
    assert journal.wordless == 2
    assert entry.text == "Late night photo entry. Second para\n#not-a-tag, 1-2, a \\ and *stars*"
    # A photo on a line of its own leaves no empty line behind it (nu220).
    document["entries"][0]["text"] = "Walk\n![](dayone-moment://A1)\n![](dayone-moment://B2)\nhome"
    assert jrnl.read_dayone_json(document)[0].text == "Walk\nhome"
    # Photos alone and nothing else: said so, not "no journal entries in it".
    document["entries"] = document["entries"][1:]
    export.write_text(json.dumps(document))
    with pytest.raises(InvalidInput, match=r"holds 2 Day One entries with no words \(a photo"):
        jrnl.load(export)


def test_words_with_no_day_stop_the_import_rather_than_go_unsaid(tmp_path: Path) -> None:
    """Lines before a journal's first date line, and a folder's day file with no date line
    at all, were left out without a word: "Added 1 journal entry" and the rest was gone
    (nu232). Either stops the import, saying where, and nothing is imported."""
    with pytest.raises(InvalidInput, match=r"^Line 2: 'Preamble \[b\]x\[/b\]' comes before"):
        jrnl.parse_text("\nPreamble [b]x[/b]\n\n[2026-11-05 10:00] First real\n")
    assert len(jrnl.parse_text("\n\n[2026-11-05 10:00] First real\n")) == 1  # blank lines
    folder = tmp_path / "journal"
    (folder / "2026" / "11").mkdir(parents=True)
    (folder / "2026" / "11" / "19.txt").write_text("[2026-11-19 09:00] A walk\n")
    (folder / "2026" / "11" / "18.txt").write_text("words with no date line\n")
    with pytest.raises(InvalidInput, match=r"^2026/11/18\.txt has words but no entry's date"):
        jrnl.load(folder)
    (folder / "2026" / "11" / "18.txt").write_text("a note\n[2026-11-18 08:00] Tea\n")
    with pytest.raises(InvalidInput, match=r"^2026/11/18\.txt: Line 1: 'a note' comes before"):
        jrnl.load(folder)


def test_a_day_one_entry_with_no_date_is_named(tmp_path: Path) -> None:
    """One entry without `creationDate` among Day One's made the file "not a planner-tui
    export" (nu232): it is read as Day One's, and the entry is named."""
    export = tmp_path / "Journal.json"
    export.write_text(json.dumps({"entries": [
        {"creationDate": "2026-03-01T16:30:00Z", "text": "Walk"},
        {"uuid": "B2", "text": "no date here"},
    ]}))  # fmt: skip
    assert jrnl.claims(export)
    with pytest.raises(InvalidInput, match=r"^Day One entry 2 has no date that can be read"):
        jrnl.load(export)


GOOD_DOENTRY = DATA / "dayone-classic.dayone" / "entries"


@pytest.mark.parametrize(
    "broken",
    [
        lambda good: good.replace(b"<date>", b"<date>notadate", 1),  # AttributeError in plistlib
        lambda good: good[:120],  # cut short: ExpatError
        lambda good: b"garbage",
        lambda good: b'<?xml version="1.0"?><plist version="1.0"><array/></plist>',
        lambda good: b"bplist00" + bytes(40),  # a binary plist's start, nothing after it
    ],
    ids=["unreadable date", "cut short", "not a plist", "a list", "binary, cut"],
)
def test_a_broken_day_one_classic_entry_is_named_not_a_crash(tmp_path: Path, broken: Any) -> None:
    """Beside a good entry, a `.doentry` with a date plistlib can't read, or one cut short,
    ended the import in "something unexpected went wrong" (nu236): each is named, as any
    other unreadable entry is."""
    good = sorted(GOOD_DOENTRY.glob("*.doentry"))[0].read_bytes()
    entries = tmp_path / "Journal.dayone" / "entries"
    entries.mkdir(parents=True)
    (entries / "A.doentry").write_bytes(good)
    (entries / "B.doentry").write_bytes(broken(good))
    with pytest.raises(InvalidInput) as error:
        jrnl.load(tmp_path / "Journal.dayone")
    assert str(error.value) == "B.doentry is not a Day One entry that can be read."


def test_a_date_line_without_brackets_among_bracketed_entries_is_named(tmp_path: Path) -> None:
    """`2026-11-07 08:00 Old style` in a journal of `[…]` entries was joined to the entry
    above it, unsaid: 5 entries added of 6 written (nu236). Its line is named; a date
    inside an entry's words, after a word, is still words."""
    journal_file = tmp_path / "j1.txt"
    journal_file.write_text(
        "[2026-11-06 14:30] Dotted date\nmet on 2026-11-05 10:00 at the market\n"
        "2026-11-07 08:00 Old style no brackets\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidInput) as error:
        jrnl.load(journal_file)
    assert str(error.value).startswith(
        "Line 3: '2026-11-07 08:00 Old style no brackets' is written as an entry's date line "
        "without its brackets, among entries with them. Write it as [2026-11-07 08:00]"
    )
    journal_file.write_text(
        "[2026-11-06 14:30] Dotted date\nmet on 2026-11-05 10:00 at the market\n",
        encoding="utf-8",
    )
    [entry] = jrnl.load(journal_file).entries
    assert "met on 2026-11-05 10:00 at the market" in entry.text
