"""`planner-tui import` with jrnl and Day One journals, as a real process."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from .runner import assert_one_line_error, run

DATA = Path(__file__).parents[1] / "data" / "jrnl"


def entries(home: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(home / "planner.db") as connection:
        return connection.execute(
            "SELECT day, body FROM journal_entry ORDER BY day, body"
        ).fetchall()


@pytest.mark.parametrize(
    ("name", "kind", "added"),
    [
        ("onefile.journal", "jrnl journal", 4),
        ("folder", "jrnl folder", 4),
        ("dayone-export.json", "Day One export", 3),
    ],
)
def test_import_a_journal_twice(tmp_path: Path, name: str, kind: str, added: int) -> None:
    assert run(tmp_path, "journal", "Lunch with @Ana", "--day", "2026-11-01").returncode == 0
    first = run(tmp_path, "import", str(DATA / name))
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith(
        f"Added {added} journal entries from the {kind} {name}; 0 were already here"
    )
    once = entries(tmp_path)
    assert len(once) == added + 1
    again = run(tmp_path, "import", str(DATA / name))
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith(f"Added 0 journal entries from the {kind} {name}; {added} were")
    assert entries(tmp_path) == once


def test_a_name_ending_in_a_full_stop_ends_the_linked_line_once(tmp_path: Path) -> None:
    """ "Linked: Ada A.." (nu128)."""
    card = tmp_path / "ana.vcf"
    card.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Ana S.\nEND:VCARD\n", encoding="utf-8")
    assert run(tmp_path, "import", str(card)).returncode == 0
    imported = run(tmp_path, "import", str(DATA / "onefile.journal"))
    assert imported.stdout.splitlines()[1] == "Linked: Ana S."


def test_links_people_named_with_at(tmp_path: Path) -> None:
    card = tmp_path / "ana.vcf"
    card.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Ana Silva\nEND:VCARD\n", encoding="utf-8")
    assert run(tmp_path, "import", str(card)).returncode == 0
    imported = run(tmp_path, "import", str(DATA / "onefile.journal"))
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.splitlines()[1] == "Linked: Ana Silva."
    with sqlite3.connect(tmp_path / "planner.db") as connection:
        linked = connection.execute(
            "SELECT substr(body, 1, 10) FROM journal_entry JOIN journal_person "
            "ON entry_id = journal_entry.id ORDER BY day, body"
        ).fetchall()
    assert linked == [("11:11 Soup",), ("21:05 Coul",)]


@pytest.mark.parametrize("version", ["v1", "v2", "v3"])
def test_encrypted_journal_refused_in_one_line(tmp_path: Path, version: str) -> None:
    result = run(tmp_path, "import", str(DATA / f"encrypted-{version}.journal"))
    said = "decrypt it with jrnl first"  # v1's blocks say nothing: asked, not told
    assert_one_line_error(
        result, 1, "encrypted-v1.journal is not" if version == "v1" else "This jrnl"
    )
    assert said in result.stderr
    assert not (tmp_path / "planner.db").exists()


def test_a_too_long_entry_imports_nothing(tmp_path: Path) -> None:
    journal = tmp_path / "big.txt"
    journal.write_text(
        "[2026-01-01 10:00] Fine.\n\n[2026-01-02 10:00] Long.\n" + "x" * 200_001 + "\n",
        encoding="utf-8",
    )
    home = tmp_path / "home"
    assert_one_line_error(run(home, "import", str(journal)), 1, "Nothing was imported.")
    assert not (home / "planner.db").exists() or entries(home) == []


def test_an_entry_for_a_day_still_to_come_imports_nothing(tmp_path: Path) -> None:
    """`[2099-01-01 10:00]` came in, and stood at the top of the Journal for ever: the app
    and `journal --day` refuse a check-in for a day that hasn't begun. (The runner's clock
    is Monday 23 November 2026, evening: today's own entry is fine.)"""
    journal = tmp_path / "j.txt"
    journal.write_text(
        "[2026-11-23 10:00] Today.\n\n[2099-01-01 10:00] Future entry\n", encoding="utf-8"
    )
    home = tmp_path / "home"
    assert_one_line_error(
        run(home, "import", str(journal)),
        1,
        "The entry of 2099-01-01 10:00 ('Future entry') is for a day still to come",
    )
    assert not (home / "planner.db").exists() or entries(home) == []
    journal.write_text("[2026-11-23 10:00] Today.\n", encoding="utf-8")
    assert run(home, "import", str(journal)).returncode == 0
    assert entries(home) == [("2026-11-23", "10:00 Today.")]


@pytest.mark.parametrize(
    ("header", "line"),
    [
        ("2026-02-31 10:00", 3),
        ("2026-08-30 25:00", 3),
        ("31.02.2026 09:00", 3),
        ("2026-02-29 09:15:00 PM", 3),
    ],
)
def test_an_entry_dated_a_day_that_doesnt_exist_imports_nothing(
    tmp_path: Path, header: str, line: int
) -> None:
    """`[2026-02-31 10:00] Impossible date` was glued, header and all, onto the end of the
    entry before it, and the import said only "Added 1 journal entry"."""
    journal = tmp_path / "j.txt"
    journal.write_text(
        f"[2026-11-22 10:00] Yesterday.\n\n[{header}] Impossible date\nbody\n", encoding="utf-8"
    )
    home = tmp_path / "home"
    refused = run(home, "import", str(journal))
    assert_one_line_error(refused, 1, f"Line {line}: '[{header}]' is written as an entry's date")
    assert "Nothing was imported." in refused.stderr
    assert not (home / "planner.db").exists() or entries(home) == []


def test_not_a_journal(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("just some notes\n", encoding="utf-8")
    assert_one_line_error(run(tmp_path, "import", str(notes)), 1, "has no journal entries")
    contacts = tmp_path / "contacts.csv"  # told only about jrnl (nu168)
    contacts.write_text("name,phone\nAna,0770\n", encoding="utf-8")
    refused = run(tmp_path, "import", str(contacts))
    assert_one_line_error(refused, 1, "contacts.csv is a spreadsheet, which planner-tui "
                          "doesn't read: people come in from a vCard (.vcf) file")  # fmt: skip
    contacts.write_text("[2026-12-01 10:00] Ana\n", encoding="utf-8")  # read as jrnl (nu177)
    assert_one_line_error(run(tmp_path, "import", str(contacts)), 1, "is a spreadsheet")
    for careful in ("--preview", "--merge"):  # a careful first try was told about flags (nu207)
        told = run(tmp_path, "import", careful, str(contacts))
        assert_one_line_error(told, 1, "contacts.csv is a spreadsheet")
    assert_one_line_error(
        run(tmp_path, "import", str(tmp_path / "missing.journal")), 1, "There is no file"
    )


def test_a_folder_journals_file_for_a_day_not_on_the_calendar_imports_nothing(
    tmp_path: Path,
) -> None:
    """`2026/02/31.txt` was passed over without a word, and its entries with it."""
    folder = tmp_path / "journal"
    for name, header in (
        ("2026/02/28.txt", "2026-02-28 10:00"),
        ("2026/02/31.txt", "2026-02-28 11:00"),
    ):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(f"[{header}] An entry\n", encoding="utf-8")
    home = tmp_path / "home"
    refused = run(home, "import", str(folder))
    assert_one_line_error(
        refused, 1, "2026/02/31.txt is named for a day that isn't on the calendar"
    )
    assert not (home / "planner.db").exists() or entries(home) == []


def test_an_at_name_several_people_go_by_is_said_and_twins_are_numbered(tmp_path: Path) -> None:
    """`@Maria` with two Marias on the map became the tag "maria" without a word, and
    "Linked: Ben B." left out which of two Ben B.s (nu158)."""
    for name, anyway in (("Maria Costa", []), ("Maria Silva", []), ("Ben B.", []),
                         ("Ben B.", ["--anyway"])):  # fmt: skip
        assert run(tmp_path, "add", name, *anyway).returncode == 0
    journal = tmp_path / "j.txt"
    journal.write_text("[2026-11-20 20:00] Quiet\nThought of @Maria and @#3.\n", encoding="utf-8")
    imported = run(tmp_path, "import", str(journal))
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.splitlines()[1:] == [
        "Linked: Ben B. (#3).",
        "Not linked: @Maria could be Maria Costa, Maria Silva (say more of the name); kept "
        "as tags.",
    ]


def test_day_one_entries_with_only_a_photo_are_counted_as_left_out(tmp_path: Path) -> None:
    """They are left out (an entry saying only its time came in, nu218), and said to be: the
    count of entries added was all there was to go on (nu220)."""
    export = tmp_path / "Journal.json"
    export.write_text(
        '{"entries": [{"creationDate": "2026-03-01T16:30:00Z", "text": "Walk with Ana"},'
        ' {"creationDate": "2026-03-02T10:00:00Z", "text": "![](dayone-moment://ABC12)"}]}',
        encoding="utf-8",
    )
    imported = run(tmp_path, "import", str(export))
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.splitlines() == [
        "Added 1 journal entry from the Day One export Journal.json; 0 were already here and "
        "skipped.",
        "1 Day One entry with no words (a photo or a recording alone) was left out.",
    ]
    assert [body for _, body in entries(tmp_path)] == ["16:30 Walk with Ana"]  # UTC: no zone


def test_an_export_saved_with_a_byte_order_mark_imports_and_utf16_is_told_how_to_convert(
    tmp_path: Path,
) -> None:
    """A JSON export saved again as UTF-8 with a byte-order mark (as Windows' Notepad does)
    was "not valid JSON"; a Day One export so saved too; in UTF-16, only "not a UTF-8 text
    file", with no word of what to do (nu236)."""
    home = tmp_path / "home"
    assert run(home, "journal", "Tea with Ana", "--day", "2026-11-20").returncode == 0
    exported = run(home, "export").stdout
    (tmp_path / "bom.json").write_bytes(b"\xef\xbb\xbf" + exported.encode())
    imported = run(tmp_path / "fresh", "import", str(tmp_path / "bom.json"))
    assert imported.returncode == 0, imported.stderr
    assert [body for _, body in entries(tmp_path / "fresh")] == ["Tea with Ana"]
    dayone = '{"entries": [{"creationDate": "2026-03-01T16:30:00Z", "text": "Walk"}]}'
    (tmp_path / "Journal.json").write_bytes(b"\xef\xbb\xbf" + dayone.encode())
    assert run(tmp_path / "day", "import", str(tmp_path / "Journal.json")).returncode == 0
    assert [body for _, body in entries(tmp_path / "day")] == ["16:30 Walk"]
    (tmp_path / "u16.json").write_bytes(exported.encode("utf-16"))
    assert_one_line_error(run(tmp_path / "other", "import", str(tmp_path / "u16.json")), 1,
                          "u16.json is UTF-16 text, and import reads UTF-8: convert it first "
                          "(e.g. iconv -f utf-16 -t utf-8).")  # fmt: skip
    assert not (tmp_path / "other").exists()


@pytest.mark.parametrize(
    "document",
    [
        '{"metadata": {"version": "1.0"}, "entries": []}',
        '{"entries": [{"text": "no date"}]}',
        '{"entries": ["text"]}',
    ],
    ids=["no entries", "no date", "not entries"],
)
def test_a_day_one_export_with_nothing_to_read_is_called_day_ones(
    tmp_path: Path, document: str
) -> None:
    """Day One's JSON with no entries, or none with a date, was "not a planner-tui export"
    (nu236): the person was importing Day One's file."""
    (tmp_path / "Journal.json").write_text(document, encoding="utf-8")
    assert_one_line_error(run(tmp_path / "home", "import", str(tmp_path / "Journal.json")), 1,
                          "looks like a Day One export, but none of its entries can be read")  # fmt: skip
