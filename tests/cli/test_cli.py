"""The command-line contract, run as a person would, on real files: `cli.main` in this
process (tests/cli/runner.py), and a real process where bytes or the process matter."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from planner_tui import cli, journal_search
from planner_tui.words import OPEN_WHILE_RESTORING, OPEN_WHILE_RESTORING_DAMAGED

from .runner import NOW, assert_one_line_error, run, run_process


@pytest.fixture(scope="module")
def demo_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("demo")
    result = run(home, "demo", "--years", "1", "--seed", "2")
    assert result.returncode == 0, result.stderr
    assert "Added a sample life" in result.stdout
    return home


def test_version_and_help(tmp_path: Path) -> None:
    version = run(tmp_path, "--version")
    assert version.returncode == 0 and version.stdout.startswith("planner-tui 0.")
    helped = run(tmp_path, "--help")
    for command in ("demo", "export", "import", "review", "search", "backup", "restore",
                    "delete-all"):  # fmt: skip
        assert command in helped.stdout
    assert not (tmp_path / "planner.db").exists()  # asking for help creates nothing


def test_usage_mistakes_exit_2_with_one_line(tmp_path: Path) -> None:
    assert_one_line_error(run(tmp_path, "export", "--format", "pdf"), 2, "invalid choice")
    assert_one_line_error(run(tmp_path, "frobnicate"), 2, "invalid choice")
    assert_one_line_error(
        run(tmp_path, "demo", "--years", "lots"), 2, "more than 0 and at most 200"
    )


def test_demo_refuses_to_mix_into_real_data(demo_home: Path) -> None:
    assert_one_line_error(run(demo_home, "demo"), 1, "already holds data")


def test_export_import_round_trip(demo_home: Path, tmp_path: Path) -> None:
    exported = tmp_path / "all.json"
    assert run(demo_home, "export", "--format", "json", "-o", str(exported)).returncode == 0
    fresh = tmp_path / "fresh"
    result = run(fresh, "import", str(exported))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Imported 30 people, 10 parts of life, "), result.stdout
    again = run(fresh, "export", "--format", "json")
    assert json.loads(again.stdout)["tables"] == json.loads(exported.read_text())["tables"]


def test_export_to_a_dash_is_standard_output(
    demo_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`-o -` wrote a file named "-" (nu156), where "-" is the usual name for the output."""
    monkeypatch.chdir(tmp_path)
    dashed = run(demo_home, "export", "--format", "json", "-o", "-")
    assert dashed.returncode == 0 and not (tmp_path / "-").exists()
    plain = run(demo_home, "export", "--format", "json")
    assert json.loads(dashed.stdout)["tables"] == json.loads(plain.stdout)["tables"]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (None, "There is no file"),
        ("{not json", "not valid JSON"),
        ('{"format": "something-else"}', "not a planner-tui export"),
        # jrnl's own JSON export of a journal (tests/data/jrnl/expected, written by jrnl):
        # said as such, with what to import instead (nu218).
        (
            (Path(__file__).parents[1] / "data/jrnl/expected/onefile.json").read_text(),
            "That is jrnl's JSON export, which isn't read here: import the journal itself",
        ),
        (b"\xff\xfe\x00bad", "is UTF-16 text, and import reads UTF-8"),  # its byte-order mark
        (b"\x80\x00bad", "not a UTF-8 text file"),
        (
            '{"format": "planner-tui", "version": 1, "tables": {"person": [{"id": 1}]}}',
            "person row 1",
        ),
    ],
)
def test_import_errors(tmp_path: Path, content: str | bytes | None, words: str) -> None:
    source = tmp_path / "in.json"
    if isinstance(content, bytes):
        source.write_bytes(content)
    elif content is not None:
        source.write_text(content)
    home = tmp_path / "home"
    assert_one_line_error(run(home, "import", str(source)), 1, words)
    assert not (home / "planner.db").exists()  # a refused file leaves no empty planner


def test_markdown_and_ics_exports(demo_home: Path) -> None:
    markdown = run(demo_home, "export", "--format", "markdown", "--month", "2026-11")
    assert markdown.returncode == 0 and markdown.stdout.startswith("# planner-tui — November 2026")
    # Without --month, a title that says what it holds (not people, dates or intentions).
    whole = run(demo_home, "export", "--format", "markdown").stdout
    assert whole.startswith("# planner-tui — journal, interactions and small steps\n"), whole[:80]
    # Given to import, either says what it is and which export reads back (it said the
    # file, full of check-ins, had no journal entries in it).
    for name, text in (("all.md", whole), ("november.md", markdown.stdout)):
        (demo_home.parent / name).write_text(text, encoding="utf-8")
        refused = run(demo_home.parent / "new", "import", str(demo_home.parent / name))
        assert_one_line_error(refused, 1, f"{name} is planner-tui's Markdown journal export")
        assert "import the JSON export instead" in refused.stderr
        assert not (demo_home.parent / "new").exists()
    ics = run_process(demo_home, "export", "--format", "ics")
    assert ics.returncode == 0, ics.stderr
    events = Calendar.from_ical(ics.stdout).walk("VEVENT")
    assert events and all(str(e["description"]).startswith("With ") for e in events)
    now = datetime.fromisoformat(NOW).replace(tzinfo=UTC)
    assert all(e["dtstart"].dt >= now - timedelta(days=1) or "rrule" in e for e in events)
    # Given to import or restore, each says what it is (import: "no journal entries in
    # it"; restore: "damaged, or encrypted (then set PLANNER_TUI_PASSPHRASE)").
    (demo_home.parent / "cal.ics").write_bytes(ics.stdout)
    for name, kind, made in (("all.md", "Markdown journal", "for reading"),
                             ("cal.ics", "calendar", "for a calendar app")):  # fmt: skip
        path = demo_home.parent / name
        said = f"{name} is planner-tui's {kind} export, made {made}, not to be read back in"
        assert_one_line_error(run(demo_home.parent / "new", "import", str(path)), 1, said)
        assert_one_line_error(run(demo_home, "restore", str(path), "--yes"), 1,
                              f"{said}, and not a backup: restore puts back")  # fmt: skip
    (demo_home.parent / "pic.png").write_bytes(bytes(range(128, 228)))
    assert_one_line_error(run(demo_home.parent / "new", "import", str(demo_home.parent / "pic.png")),
                          1, "pic.png is not a UTF-8 text file. Import reads planner-tui's JSON "
                          "export, vCards (.vcf) and jrnl or Day One journals.")  # fmt: skip
    # Another app's calendar is said to be one (it was "no journal entries in it", as if
    # taken for a journal); Latin-1 text is told how to convert; a cut-off export is said
    # to be perhaps cut short, with nothing imported (nu218).
    (demo_home.parent / "google.ics").write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n"
        "BEGIN:VEVENT\r\nSUMMARY:Dentist\r\nDTSTART:20261201T090000Z\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    )
    (demo_home.parent / "latin.txt").write_bytes(
        "[2026-11-01 10:00] Café with Zoë\n".encode("latin-1")
    )
    (demo_home.parent / "cut.json").write_text(run(demo_home, "export").stdout[:500])
    for name, said in (
        ("google.ics", "google.ics is a calendar file: import doesn't read calendars. It reads "
                       "planner-tui's JSON export"),
        ("latin.txt", "latin.txt is not a UTF-8 text file. If it is text in another encoding, "
                      "convert it first (e.g. iconv -f latin1 -t utf-8)."),
        ("cut.json", "it may have been cut short, or changed by hand. Nothing was imported."),
    ):  # fmt: skip
        assert_one_line_error(
            run(demo_home.parent / "new", "import", str(demo_home.parent / name)), 1, said
        )


def test_review_prints_real_figures(demo_home: Path) -> None:
    result = run(demo_home, "review", "--month", "2026-10")
    assert result.returncode == 0
    assert result.stdout.startswith("# Monthly review — October 2026")
    # The same figures the service computes from the file, read here with sqlite3 alone.
    with sqlite3.connect(demo_home / "planner.db") as db:
        entries, days = db.execute(
            "SELECT count(*), count(DISTINCT day) FROM journal_entry "
            "WHERE day >= '2026-10-01' AND day < '2026-11-01'"
        ).fetchone()
        september = db.execute(
            "SELECT count(*) FROM journal_entry WHERE day >= '2026-09-01' AND day < '2026-10-01'"
        ).fetchone()[0]
    assert f"| Journal entries | {entries} | {september} |" in result.stdout
    assert f"| Days with a check-in | {days} |" in result.stdout
    assert "## A year at a glance" in result.stdout and "Oct 2026" in result.stdout
    assert_one_line_error(run(demo_home, "review", "--month", "Octember"), 1, "not a month")
    # a month by its name, as the search takes it (nu229)
    assert run(demo_home, "review", "--month", "Oct 2026").stdout == result.stdout
    # The same document in a narrow terminal (its charts were cut to the terminal's width:
    # at 40 columns, a title lost and every other month's bar).
    narrow = run(demo_home, "review", "--month", "2026-10", env={"COLUMNS": "40", "LINES": "12"})
    assert narrow.stdout == result.stdout
    assert_one_line_error(run(demo_home, "review", "--month", "2027-01"), 1, "not begun")


def test_search_prints_matches_and_handles_odd_queries(demo_home: Path) -> None:
    found = run(demo_home, "search", "walk", "--from", "2026-11")
    assert found.returncode == 0 and found.stdout.startswith("2026-11-")
    assert "walk" in found.stdout.lower()
    # Words need no quotes, as plan's WHEN doesn't: each reads as the quoted whole does.
    for words in (["walk", "river"], ["in:Work", "last", "month"], ["mood>=4", "walk"]):
        apart, quoted = run(demo_home, "search", *words), run(demo_home, "search", " ".join(words))
        assert apart.returncode == 0, apart.stderr
        assert (apart.stdout, apart.stderr) == (quoted.stdout, quoted.stderr) != ("", "")
    odd = run(demo_home, "search", '"unbalanced AND (')
    assert odd.returncode == 0 and "Traceback" not in odd.stderr
    named = run(demo_home, "search", "walk", "--from", "Nov 2026", "--until", "nov 2026")
    assert named.stdout == found.stdout  # a month by its name, as from: reads it
    unreadable = run(demo_home, "search", "x", "--from", "someday")
    assert_one_line_error(unreadable, 1, "'someday' isn't a day I can read (try 2026-10-01")
    # words, as from: reads them (nu226: `--from yesterday` was refused)
    assert run(demo_home, "search", "walk", "--from", "yesterday").returncode == 0
    backwards = run(demo_home, "search", "x", "--from", "2026-12-05", "--until", "2026-12-01")
    assert_one_line_error(backwards, 1, "--from 2026-12-05 is after --until 2026-12-01: those")
    assert_one_line_error(run(demo_home, "search", "x", "--person", "Nobody"), 1, "No one called")
    # Said, not passed over: no words and no filter ("No entries match." with entries
    # there), an empty --person or --tag (ignored); a range written high to low is a range.
    assert_one_line_error(run(demo_home, "search"), 2, "search needs words to look for")
    assert_one_line_error(run(demo_home, "search", " "), 2, "search needs words to look for")
    assert_one_line_error(run(demo_home, "search", "walk", "--person", ""), 2, "--person needs")
    assert_one_line_error(run(demo_home, "search", "walk", "--tag", " "), 2, "--tag needs a #tag")
    high_to_low = run(demo_home, "search", "walk", "--mood", "5-3", "--all")
    assert high_to_low.returncode == 0 and high_to_low.stdout
    assert high_to_low.stdout == run(demo_home, "search", "walk", "--mood", "3-5", "--all").stdout
    assert run(demo_home, "search", "--tag", "walk").returncode == 0  # a filter alone is a search
    # One letter before a * was searched as that letter alone: "No entries match." for w*,
    # with walks all through the journal. It is said instead; two letters find them.
    assert_one_line_error(run(demo_home, "search", "w*"), 1, "'w*' would find nearly every")
    assert "as in 'wa*'" in run(demo_home, "search", "river", "w*").stderr
    assert "walk" in run(demo_home, "search", "wa*").stdout.lower()


def test_search_says_when_it_shows_only_some_of_the_matches(demo_home: Path) -> None:
    every = run(demo_home, "search", "walk", "--all")
    assert every.returncode == 0 and every.stderr == ""  # all shown: nothing more to say
    total = sum(1 for line in every.stdout.splitlines() if line[:4].isdigit())
    assert total > 50
    for argv, shown in ((["walk"], 50), (["walk", "--limit", "3"], 3)):
        some = run(demo_home, "search", *argv)
        assert some.returncode == 0  # the best matches first
        assert sum(1 for line in some.stdout.splitlines() if line[:4].isdigit()) == shown
        assert some.stderr.splitlines() == [
            f"Showing {shown} of {total} matching entries; --limit N or --all shows more."
        ]
    few = run(demo_home, "search", "walk", "--limit", str(total))
    assert few.stderr == "" and few.stdout == every.stdout
    # Past what SQL's integers hold, a limit is still only "more than there are".
    huge = run(demo_home, "search", "walk", "--limit", str(2**63))
    assert huge.stderr == "" and huge.stdout == every.stdout
    assert_one_line_error(run(demo_home, "search", "walk", "--all", "--limit", "3"), 2,
                          "not allowed with")  # fmt: skip


def test_a_word_that_begins_with_a_dash_is_told_where_it_goes(demo_home: Path) -> None:
    """`search -walk` said only "unrecognized arguments", where the README says stray
    operators are words (nu154): argparse reads it as an option, so the line says how."""
    refused = run(demo_home, "search", "-walk")
    assert_one_line_error(refused, 2, "a word that begins with '-' goes after a --: … -- -walk")
    # After --, -walk leaves out the entries with "walk", as the search box does (it was
    # searched for as "walk").
    without = run(demo_home, "search", "--all", "--", "-walk")
    assert without.returncode == 0 and without.stdout.count("\n") > 10
    assert "walk" not in without.stdout.casefold()

    def days(*argv: str) -> set[str]:
        shown = run(demo_home, "search", "--all", *argv).stdout.splitlines()
        return {line for line in shown if line[:4].isdigit()}

    walks, tired, rested = days("walk"), days("walk", "tired"), days("walk", "--", "-tired")
    assert tired and rested and rested == walks - tired
    misspelt = run(demo_home, "search", "walk", "--lmit", "3")  # an option: no such hint
    assert_one_line_error(misspelt, 2, "unrecognized arguments: --lmit 3 (see planner-tui "
                          "search --help)")  # its own help, as for a wrong value (nu161)  # fmt: skip
    assert "begins with" not in misspelt.stderr


def test_search_all_prints_every_match_beyond_those_words_alone_rank(
    demo_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Words alone rank only the newest matches (2,000; 20 here) so the search box keeps up
    with typing; `--all` printed those and no more, where it promises every one (nu154)."""
    every = run(demo_home, "search", "walk", "--all").stdout.splitlines()
    monkeypatch.setattr(journal_search, "RANKED", 20)
    capped = run(demo_home, "search", "walk", "--all")
    assert capped.stderr == "" and sorted(capped.stdout.splitlines()) == sorted(every)
    for limit in ("30", "10"):  # beyond the newest ranked, and within them
        some = run(demo_home, "search", "walk", "--limit", limit)
        assert sum(1 for line in some.stdout.splitlines() if line[:4].isdigit()) == int(limit)
    assert "the best among the newest" not in some.stderr  # a limit within them


def test_backup_writes_a_private_consistent_copy(demo_home: Path, tmp_path: Path) -> None:
    target = tmp_path / "copy.db"
    result = run(demo_home, "backup", str(target))
    assert result.returncode == 0 and str(target) in result.stdout
    with sqlite3.connect(target) as c:
        assert c.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert c.execute("SELECT count(*) FROM person").fetchone() == (30,)
    default = run(demo_home, "backup")
    assert default.returncode == 0 and "/backups/planner-" in default.stdout
    # An export given to restore says how it is read in (it said "not a database")
    export = tmp_path / "everything.json"
    first = run(demo_home, "export", "--format", "json", "-o", str(export))
    assert first.returncode == 0 and first.stderr == f"Wrote {export}\n"
    # Written again: said, as a backup taken again is (it said only "Wrote")
    again = run(demo_home, "export", "--format", "json", "-o", str(export))
    assert again.stderr == f"Wrote {export} (in place of the file there before)\n"
    refused = run(demo_home, "restore", str(export), "--yes")
    assert_one_line_error(refused, 1, f"{export} is an export, not a backup")
    # …into a new, empty home: a JSON export isn't read into one holding data (it named
    # this home, where import then refused it)
    assert (
        f"To read it into a new, empty home, use: planner-tui --home NEW_FOLDER import {export}"
        in refused.stderr
    )
    assert "already holds data" in run(demo_home, "import", str(export)).stderr
    fresh = tmp_path / "fresh"
    told = run(fresh, "restore", str(export), "--yes").stderr
    assert f"To read it in, use: planner-tui --home {fresh} import {export}" in told
    assert not fresh.exists()
    assert run(fresh, "import", str(export)).returncode == 0
    card = tmp_path / "me.vcf"  # a vCard one wrote oneself is no export
    card.write_text("BEGIN:VCARD\r\nFN:Ana\r\nEND:VCARD\r\n")
    refused = run(demo_home, "restore", str(card), "--yes")
    assert_one_line_error(refused, 1, f"{card} is a vCard of contacts, not a backup")
    # A name that says it is an export: said, and nothing written (a database was, as JSON)
    for name, form in (("all.json", "json"), ("Notes.MD", "markdown"), ("cal.ics", "ics")):
        misnamed = run(demo_home, "backup", str(tmp_path / name))
        assert_one_line_error(misnamed, 2, "A backup is a copy of the database, not ")
        assert f"planner-tui export --format {form} -o {tmp_path / name}" in misnamed.stderr
        assert not (tmp_path / name).exists()


@contextmanager
def open_elsewhere(database: Path) -> Iterator[None]:
    """*database* open in another process, as the app has it: a connection that has read it
    (a connection of this process's own is no other program's)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
         "c.execute('SELECT count(*) FROM person').fetchone(); print('open', flush=True); "
         "sys.stdin.read()", str(database)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        yield
    finally:
        holder.communicate("", timeout=30)


def test_restore_and_delete_all_ask_first_then_do_it(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run(home, "journal", "first words").returncode == 0
    copy = tmp_path / "copy.db"
    assert run(home, "backup", str(copy)).returncode == 0
    assert run(home, "journal", "--day", "yesterday", "second words").returncode == 0
    # Without a terminal to ask and without --yes, nothing happens.
    assert_one_line_error(run(home, "restore", str(copy)), 1, "add --yes to confirm")
    assert "second words" in run(home, "search", "second").stdout
    restored = run(home, "restore", str(copy), "--yes")
    assert restored.returncode == 0 and "kept in" in restored.stdout, restored.stderr
    assert "second words" not in run(home, "search", "second").stdout
    assert "first words" in run(home, "search", "first").stdout
    assert restored.stderr == ""
    # With the app open on it (another process's connection on the file), it says so.
    with open_elsewhere(home / "planner.db"):
        asked = run(home, "restore", str(copy))
        assert_one_line_error(asked, 1, "The app is open on this planner")
        assert "add --yes to confirm" in asked.stderr
        restored = run(home, "restore", str(copy), "--yes")
        assert restored.returncode == 0 and "Restored from" in restored.stdout
        assert restored.stderr == f"planner-tui: {OPEN_WHILE_RESTORING}\n"
    assert_one_line_error(run(home, "restore", str(tmp_path / "nope.db"), "--yes"), 1, "no backup")
    # The file is checked before anything is asked: a wrong one is said at once.
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n" * 100)
    for wrong, said in ((tmp_path / "nope.db", "There is no backup file at"),
                        (tmp_path, "is a folder"), (notes, "is not a planner-tui database"),
                        (home / "planner.db", "the database itself")):  # fmt: skip
        assert_one_line_error(run(home, "restore", str(wrong)), 1, said)
    assert_one_line_error(run(home, "delete-all"), 1, "add --yes to confirm")
    assert (home / "planner.db").exists()
    # With the app open on it, delete-all refuses, --yes or not: what the app saved after
    # went into the deleted file, and was lost when it closed.
    with open_elsewhere(home / "planner.db"):
        for argv in (("delete-all",), ("delete-all", "--yes")):
            assert_one_line_error(run(home, *argv), 1, "close it first (q)")
        # and so does encrypt: the app then took the encrypted file for a damaged one (nu206)
        encrypting = run(home, "encrypt", env={"PLANNER_TUI_PASSPHRASE": "correct horse"})
        assert_one_line_error(encrypting, 1, "close it first (q), then run encrypt again")
        assert "first words" in run(home, "search", "first").stdout

    # Opened while the question waited for its answer: asked again after it.
    with ExitStack() as later:

        def opened_while_asking(*_: object) -> bool:
            later.enter_context(open_elsewhere(home / "planner.db"))
            return True

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(cli, "confirmed", opened_while_asking)
            assert_one_line_error(run(home, "delete-all"), 1, "close it first (q)")
    assert "first words" in run(home, "search", "first").stdout
    erased = run(home, "delete-all", "--yes")
    assert erased.returncode == 0 and "planner.db" in erased.stdout
    assert not home.exists()


@pytest.mark.parametrize(
    "argv", [("delete-all",), ("restore", "copy.db")], ids=["delete-all", "restore"]
)
def test_ctrl_d_at_the_question_stops_and_changes_nothing(
    tmp_path: Path, argv: tuple[str, ...]
) -> None:
    """In a terminal, ctrl+d at "Type 'restore' to go on" was an unexpected error with a
    crash.log beside the planner; it stops, as any other answer does."""
    home = tmp_path / "home"
    assert run(home, "journal", "first words").returncode == 0
    assert run(home, "backup", str(tmp_path / "copy.db")).returncode == 0
    env = {**os.environ, "PLANNER_TUI_NOW": NOW, "TZ": "Europe/London"}
    env.pop("PLANNER_TUI_HOME", None)
    terminal, its_end = os.openpty()
    asked = subprocess.Popen(
        [sys.executable, "-m", "planner_tui", "--home", str(home), *argv],
        stdin=its_end, stdout=its_end, stderr=its_end, env=env, cwd=tmp_path,
    )  # fmt: skip
    os.close(its_end)
    shown = b""
    while b"anything else stops" not in shown:
        chunk = os.read(terminal, 4096)
        assert chunk, shown
        shown += chunk
    os.write(terminal, b"\x04")  # ctrl+d at the start of a line: the end of input
    with contextlib.suppress(OSError):  # EIO once the command has closed the terminal
        while chunk := os.read(terminal, 4096):
            shown += chunk
    os.close(terminal)
    assert asked.wait(timeout=120) == 0
    assert b"Nothing was" in shown and b"unexpected" not in shown, shown
    assert not (home / "crash.log").exists()
    assert "first words" in run(home, "search", "first").stdout


@pytest.mark.parametrize("cut", [2, 0], ids=["cut in half", "emptied"])
def test_a_damaged_planner_the_app_has_open_is_not_moved_aside(tmp_path: Path, cut: int) -> None:
    """Restored while the app had it open, a damaged file was moved aside — and everything
    the app saved after it, "Saved.", went into the file moved aside, and was lost. An
    emptied one, its log already folded in, went ahead and waited for the app's lock,
    silently, for as long as the app stayed open (nu247)."""
    home = tmp_path / "home"
    assert run(home, "journal", "first words").returncode == 0
    copy = tmp_path / "copy.db"
    assert run(home, "backup", str(copy)).returncode == 0
    database = home / "planner.db"
    with open_elsewhere(database):
        os.truncate(database, database.stat().st_size // cut if cut else 0)
        assert Path(f"{database}-wal").stat().st_size == 0  # nothing in a log to keep
        before = database.read_bytes()
        refused = run(home, "restore", str(copy), "--yes")
        assert_one_line_error(refused, 1, OPEN_WHILE_RESTORING_DAMAGED)
        assert database.read_bytes() == before
        assert not list((home / "backups").glob("before-restore-*"))
    # Closed (its log stays, as after a crash: no one holds it), the restore goes ahead.
    restored = run(home, "restore", str(copy), "--yes")
    assert restored.returncode == 0 and restored.stderr == "", restored.stderr
    assert "first words" in run(home, "search", "first").stdout


def test_a_restore_into_a_planner_another_program_is_writing_to_says_it_is_busy(
    tmp_path: Path,
) -> None:
    """Another program in the middle of a write: the restore waited for it for ever, with
    nothing said (nu247). It waits as long as any write does, then says so."""
    home = tmp_path / "home"
    assert run(home, "journal", "first words").returncode == 0
    copy = tmp_path / "copy.db"
    assert run(home, "backup", str(copy)).returncode == 0
    assert run(home, "journal", "--day", "yesterday", "second words").returncode == 0
    writer = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
         "c.execute('BEGIN IMMEDIATE'); print('writing', flush=True); sys.stdin.read()",
         str(home / "planner.db")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert writer.stdout is not None and writer.stdout.readline() == "writing\n"
        busy = run(home, "restore", str(copy), "--yes", env={"PLANNER_TUI_BUSY_TIMEOUT_MS": "300"})
        assert_one_line_error(busy, 1, "Your planner is busy")
        # No copy of a restore that never happened is left among the backups (nu248).
        assert not list((home / "backups").glob("before-restore-*"))
    finally:
        writer.communicate("", timeout=30)
    assert "second words" in run(home, "search", "second").stdout  # as it was


def test_an_emptied_planner_s_log_is_kept_by_restore_and_never_mixed_in(tmp_path: Path) -> None:
    """Emptied while the app had it open, with its newest changes in its log: a restore
    went ahead, waited on the app, and the copy put in place took that log for its own —
    deleted, with the changes in it (nu194). With the app open it is refused; closed, the
    log is kept with the emptied file, as any damaged planner is."""
    home = tmp_path / "home"
    assert run(home, "journal", "first words").returncode == 0
    copy = tmp_path / "copy.db"
    assert run(home, "backup", str(copy)).returncode == 0
    database, log = home / "planner.db", home / "planner.db-wal"
    with open_elsewhere(database):
        assert run(home, "journal", "--day", "yesterday", "newer words").returncode == 0
        os.truncate(database, 0)
        newest = log.read_bytes()
        assert newest
        refused = run(home, "restore", str(copy), "--yes")
        assert_one_line_error(refused, 1, OPEN_WHILE_RESTORING_DAMAGED)
        assert log.read_bytes() == newest and database.stat().st_size == 0
    # Closed, as after a crash (the file emptied, its log left beside it):
    database.write_bytes(b"")
    log.write_bytes(newest)
    Path(f"{database}-shm").unlink(missing_ok=True)
    restored = run(home, "restore", str(copy), "--yes")
    assert restored.returncode == 0, restored.stderr
    [kept] = (home / "backups").glob("before-restore-*.db")
    assert f"The data as it was before is kept in {kept}." in restored.stdout
    assert Path(f"{kept}-wal").read_bytes() == newest
    assert "first words" in run(home, "search", "first").stdout
    # Deleted, its log left: the log is what is kept, and the file named is there (nu206)
    database.unlink()
    log.write_bytes(newest)
    Path(f"{database}-shm").unlink(missing_ok=True)
    restored = run(home, "restore", str(copy), "--yes")
    assert restored.returncode == 0, restored.stderr
    [named] = [line for line in restored.stdout.splitlines() if "is kept in" in line]
    shown = Path(named.removeprefix("The data as it was before is kept in ").removesuffix("."))
    assert shown.name.endswith(".db-wal") and shown.read_bytes() == newest


def test_corrupt_database_is_reported_and_never_changed(tmp_path: Path) -> None:
    (tmp_path / "planner.db").write_bytes(b"not a database at all" * 100)
    before = hashlib.sha256((tmp_path / "planner.db").read_bytes()).hexdigest()
    for args in (("review",), ("search", "x"), ("backup",), ("export",)):
        assert_one_line_error(run(tmp_path, *args), 1, "untouched")
    assert hashlib.sha256((tmp_path / "planner.db").read_bytes()).hexdigest() == before


def test_newer_database_is_reported(tmp_path: Path) -> None:
    assert run(tmp_path, "add", "Ana").returncode == 0
    with sqlite3.connect(tmp_path / "planner.db") as c:
        c.execute("UPDATE alembic_version SET version_num = 'f00d'")
    assert_one_line_error(run(tmp_path, "review"), 1, "newer version of planner-tui")


def test_database_path_that_cannot_be_created(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("x")
    assert_one_line_error(run(tmp_path / "a-file" / "home", "add", "Ana"), 1, "Can't create")


def test_bad_database_url(tmp_path: Path) -> None:
    """An address of a kind planner-tui doesn't keep data in says which it does (it said
    "Can't load plugin: sqlalchemy.dialects:nonsense", or asked to install PostgreSQL's
    driver for MySQL); one it can't read at all says so."""
    for url, kind in (("nonsense://x", "nonsense"), ("mysql://me@localhost/planner", "mysql")):
        result = run(tmp_path, "--db", url, "review")
        assert_one_line_error(result, 1, f"in SQLite or PostgreSQL, not {kind}: give --db a")
        assert "plugin" not in result.stderr and "driver" not in result.stderr
    unreadable = run(tmp_path, "--db", "::", "review")
    assert_one_line_error(unreadable, 1, "That database URL can't be read: give --db a sqlite")
    # A file's path says the address that names it ("Could not parse SQLAlchemy URL", nu163)
    for path in ("life.db", str(tmp_path / "life.db")):
        assert_one_line_error(run(tmp_path, "--db", path, "review"), 2,
                              "not a file's path: for that file, --db sqlite:///")  # fmt: skip
    # An empty one (a script's unset variable) opened the planner in the default folder.
    for empty in ("", "  "):
        assert_one_line_error(run(tmp_path, "--db", empty, "today"), 2, "needs a database URL")
    assert not (tmp_path / "planner.db").exists()


def test_app_refuses_without_a_terminal(tmp_path: Path) -> None:
    assert_one_line_error(run(tmp_path), 1, "needs a terminal")


def test_user_text_with_escape_sequences_is_printed_harmlessly(tmp_path: Path) -> None:
    export = {
        "format": "planner-tui",
        "version": 1,
        "tables": {
            "journal_entry": [
                {"id": 1, "day": "2026-11-20", "body": "evil \x1b]0;pwned\x07 \x1b[2J walk",
                 "warmth_note": "", "withdraw_note": "",
                 "created_at": "2026-11-20T20:00:00+00:00",
                 "updated_at": "2026-11-20T20:00:00+00:00"}
            ]
        },
    }  # fmt: skip
    source = tmp_path / "in.json"
    source.write_text(json.dumps(export))
    home = tmp_path / "home"
    assert run(home, "import", str(source)).returncode == 0
    found = run(home, "search", "walk")
    assert "\x1b" not in found.stdout and "\x07" not in found.stdout
    assert "␛]0;pwned␇" in found.stdout


def test_vcard_import_previews_then_adds_and_skips_duplicates(tmp_path: Path) -> None:
    contacts = Path(__file__).parent.parent / "data" / "contacts.vcf"
    preview = run(tmp_path / "home", "import", "--preview", str(contacts))
    assert preview.returncode == 0, preview.stderr
    # "Nothing was changed", and nothing was: no planner made for it (nu236), no folder.
    assert not (tmp_path / "home").exists()
    assert "chidinma okafor  (on a card earlier in this file, as Chidinma Okafor; left out)" in (
        preview.stdout
    )
    assert (
        "6 of 7 would be added; 1 left out (--merge folds them into theirs). Nothing was changed."
    ) in preview.stdout
    assert "\x1b" not in preview.stdout  # the card with an escape sequence is shown inert
    added = run(tmp_path / "home", "import", str(contacts))
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith(
        "Added 6 people, 1 card for someone on a card earlier in the file left out.\n"
    ), added.stdout
    again = run(tmp_path / "home", "import", str(contacts))
    assert again.stdout.startswith("Added 0 people, skipped 7 already here.\n"), again.stdout


def test_vcard_import_says_what_it_left_out(tmp_path: Path) -> None:
    source = tmp_path / "phone.vcf"
    source.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nTEL:123\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Mr. John Richter\\, James Doe Sr.\r\n"
        b"BDAY:--0412\r\nORG:Caf\xe9\r\nNOTE:\xc3\xa9t\xc3\xa9\r\nEND:VCARD\r\n"
    )
    preview = run(tmp_path, "import", "--preview", str(source))
    assert preview.returncode == 0, preview.stderr
    assert "Mr. John Richter, James Doe Sr.  (new)  birthday 12 April" in preview.stdout
    assert "1 card had no name and was left out: line 1." in preview.stdout
    assert "1 detail couldn't be read and was skipped: ORG on line 9." in preview.stdout
    added = run(tmp_path, "import", str(source))
    assert "Added 1 person." in added.stdout and "left out: line 1." in added.stdout
    exported = run(tmp_path, "export", "--format", "json")
    assert exported.returncode == 0, exported.stderr
    tables = json.loads(exported.stdout)["tables"]
    [person] = tables["person"]
    assert [(d["person_id"], d["label"], d["month"], d["day"], d["year"])
            for d in tables["person_date"]] == [(person["id"], "birthday", 4, 12, None)]  # fmt: skip
    nameless = tmp_path / "nameless.vcf"
    nameless.write_text("BEGIN:VCARD\nTEL:1\nEND:VCARD\n")
    assert_one_line_error(
        run(tmp_path, "import", str(nameless)), 1, "no cards with a name in it. 1 card had"
    )


def test_a_cards_birthday_in_a_year_to_come_keeps_its_day_and_the_rest_comes_in(
    tmp_path: Path,
) -> None:
    """A card whose birthday's year is still to come (a due date, a slip) stopped the whole
    import after the preview had said everyone would be added."""
    source = tmp_path / "baby.vcf"
    source.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nFN:Future Baby\nBDAY:2030-01-01\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Other Person\nEND:VCARD\n"
    )
    said = "1 birthday gave a year still to come, so only the day and month were kept: line 4."
    preview = run(tmp_path, "import", "--preview", str(source))
    assert preview.returncode == 0, preview.stderr
    assert "Future Baby  (new)  birthday 1 January\n" in preview.stdout
    assert said in preview.stdout
    added = run(tmp_path, "import", str(source))
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith("Added 2 people.") and said in added.stdout
    tables = json.loads(run(tmp_path, "export", "--format", "json").stdout)["tables"]
    assert sorted(p["name"] for p in tables["person"]) == ["Future Baby", "Other Person"]
    assert [(d["label"], d["month"], d["day"], d["year"]) for d in tables["person_date"]] == [
        ("birthday", 1, 1, None)
    ]


def test_vcard_import_refuses_a_file_that_is_not_a_vcard(tmp_path: Path) -> None:
    bad = tmp_path / "notes.vcf"
    bad.write_text("just some notes\n")
    assert_one_line_error(run(tmp_path, "import", str(bad)), 1, "doesn't look like a vCard")
    assert_one_line_error(run(tmp_path, "import", "--merge", "x.json"), 2, "go with a .vcf")


def test_a_check_in_from_the_shell_with_scores_mentions_and_stdin(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run(home, "demo", "--years", "0.1").returncode == 0
    with_text = run(home, "journal", "Soup with @Ana.A. and @Nobody [b]ok[/b] #calm",
                    "--mood", "4", "--connected", "5", "--contact")  # fmt: skip
    assert with_text.returncode == 0, with_text.stderr
    assert with_text.stdout == (  # the demo checked in today already: both are kept
        "Saved the check-in for Monday 23 November 2026, in touch with Ana A.\n"
        "That day now has 2 check-ins; each is kept as its own entry.\n"
    )
    assert with_text.stderr == "Not linked: @Nobody is no one on your map\n"
    piped = run(home, "journal", "--day", "yesterday", "--warmth", "sun", "--connected", "1",
                stdin="quokka\nwalk\n")  # fmt: skip
    assert piped.stdout.startswith("Saved the check-in for Sunday 22 November 2026")
    assert piped.stdout.endswith(
        "planner-tui support prints crisis lines and other support, "
        "the same ones as the app's help (?).\n"
    )  # a day at the bottom

    found = run(home, "search", "calm", "--mood", ">=4", "--connected", "5")
    assert found.returncode == 0 and "[b]ok[/b]" in found.stdout
    assert "quokka walk" in run(home, "search", "quokka", "--from", "2026-11-22").stdout
    assert run(home, "search", "quokka", "--mood", "1-5").stderr.strip() == "No entries match."
    # "-" reads what is piped, as for most commands (it saved "-", nu203)
    assert run(home, "journal", "-", "--day", "2026-11-02", stdin="dash\n").returncode == 0
    assert "dash" in run(home, "search", "2026-11-02").stdout
    assert_one_line_error(run(home, "journal", stdin=""), 1, "nothing to save")
    # Text given and piped in too: the piped words were dropped unsaid (nu243).
    assert_one_line_error(run(home, "journal", "arg text", stdin="piped\n"), 2, "one way")
    assert "arg text" not in run(home, "search", "arg").stdout
    assert_one_line_error(run(home, "journal", "x", "--day", "tomorrow"), 1, "has begun")
    assert_one_line_error(run(home, "journal", "x", "--day", "31 feb"), 1, "calendar")
    # One way to say a score out of its scale, whichever command (nu150: three ways).
    for argv in (["journal", "x", "--mood", "9"], ["log", "Ana", "--warmth", "9"]):
        assert_one_line_error(run(home, *argv), 2, "should be a whole number from 1 to 5")
    for typed in ("9", "lots", "0-3"):
        assert_one_line_error(
            run(home, "search", "x", "--mood", typed), 2, "takes a score from 1 to 5, or a range"
        )
    assert_one_line_error(run(home, "search", "@Nobody tea"), 1, "No one called 'Nobody'")


def test_markdown_one_file_per_month(demo_home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "months"
    result = run(demo_home, "export", "--format", "markdown", "--per-month", "-o", str(folder))
    assert result.returncode == 0, result.stderr
    files = sorted(p.name for p in folder.iterdir())
    assert len(files) >= 12 and "2026-11.md" in files and files == sorted(files)
    november = (folder / "2026-11.md").read_text(encoding="utf-8")
    assert november.startswith("# planner-tui — November 2026") and "## Journal" in november
    assert result.stderr.strip() == f"Wrote {len(files)} months into {folder}"
    # Again: the files are replaced, and it says so (words added to one went without a word,
    # nu218); with one gone, it says how many.
    (folder / "2026-11.md").write_text(november + "my own line\n", encoding="utf-8")
    (folder / files[0]).unlink()
    again = run(demo_home, "export", "--format", "markdown", "--per-month", "-o", str(folder))
    assert again.stderr.strip() == (
        f"Wrote {len(files)} months into {folder} ({len(files) - 1} in place of the files "
        "there before)"
    )
    assert "my own line" not in (folder / "2026-11.md").read_text(encoding="utf-8")
    assert_one_line_error(run(demo_home, "export", "--format", "markdown", "--per-month"), 2,
                          "give -o FOLDER")  # fmt: skip
    assert_one_line_error(run(demo_home, "export", "--format", "json", "--per-month", "-o",
                              str(folder)), 2, "--format markdown")  # fmt: skip
    # A slash at its end says a folder: made all the same (nu154: "there is no folder")
    slashed = run(demo_home, "export", "--per-month", "-o", f"{tmp_path}/slashed/")
    assert slashed.returncode == 0, slashed.stderr
    assert sorted(p.name for p in (tmp_path / "slashed").iterdir()) == files


@pytest.mark.parametrize("argv", [["river"], ["walk OR rain"], ['"long walk" #choir'],
                                  ["@Ada tea"], ["in:Work last month"], ["mood>=4 2026-10"],
                                  ["(("], ["tea*"], ["tea", "--person", "ADA"],
                                  ["--context", "work", "--from", "2026-10", "--until", "2026-11"],
                                  ["--tag", "walk", "--mood", ">=3", "--connected", "2-5"],
                                  ["--person", "Nobody"], ["", "--from", "31-02"]])  # fmt: skip
def test_the_quick_search_prints_what_the_full_one_does(demo_home: Path, argv: list[str]) -> None:
    """`search` on the local file reads it with sqlite3 alone; --db takes the data layer."""
    quick = run(demo_home, "search", *argv, "--limit", "30")
    full = run(demo_home, "--db", f"sqlite:///{demo_home / 'planner.db'}", "search", *argv,
               "--limit", "30")  # fmt: skip
    assert (quick.returncode, quick.stdout, quick.stderr) == (
        full.returncode, full.stdout, full.stderr)  # fmt: skip


def test_encrypt_then_every_command_needs_the_passphrase(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run(home, "journal", "words for no one else #quiet").returncode == 0
    assert_one_line_error(run(home, "encrypt"), 1, "PLANNER_TUI_PASSPHRASE")  # no terminal
    os.environ["PLANNER_TUI_PASSPHRASE"] = "a long passphrase"
    try:
        done = run(home, "encrypt")
        assert done.returncode == 0 and "Encrypted" in done.stdout, done.stderr
        assert b"words for no one else" not in (home / "planner.db").read_bytes()
        assert "words for no one else" in run(home, "search", "words").stdout
        assert "#quiet" in run(home, "export", "--format", "markdown").stdout
    finally:
        del os.environ["PLANNER_TUI_PASSPHRASE"]
    assert_one_line_error(run(home, "search", "words"), 1, "set PLANNER_TUI_PASSPHRASE")


def test_without_sqlcipher_encryption_is_refused_first_and_a_stale_passphrase_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without SQLCipher, `encrypt` asked for a passphrase twice before saying it can't; and
    a passphrase left in the environment locked a plain planner out, "An encrypted
    database needs SQLCipher" — it isn't encrypted (nu223)."""
    home = tmp_path / "home"
    assert run(home, "journal", "words").returncode == 0
    monkeypatch.setitem(sys.modules, "sqlcipher3", None)  # as if not installed
    assert_one_line_error(run(home, "encrypt"), 1, "Encryption needs SQLCipher: install")
    stale = {"PLANNER_TUI_PASSPHRASE": "left over"}
    for args in (("search", "words"), ("people",)):
        said = run(home, *args, env=stale)
        assert_one_line_error(said, 1, "is not encrypted, but a passphrase was given")


def test_review_prints_a_small_experiment_before_and_during(tmp_path: Path) -> None:
    from datetime import date

    from planner_tui.db.engine import Location, open_database
    from planner_tui.services import experiments

    database = open_database(Location(f"sqlite:///{tmp_path / 'planner.db'}", tmp_path))
    try:
        with database.write() as s:
            experiments.start_experiment(
                session=s, data={"name": "[b]tea[/b] with a neighbour", "tag": "tea",
                                 "starts": date(2026, 11, 2), "weeks": 2},
                today=date(2026, 11, 2))  # fmt: skip
    finally:
        database.dispose()
    result = run(tmp_path, "review", "--month", "2026-11")
    assert result.returncode == 0, result.stderr
    assert "## Small experiments" in result.stdout
    assert (
        "\\[b\\]tea\\[/b\\] with a neighbour — tied to #tea; 2 Nov to 15 Nov 2026" in result.stdout
    )
    assert "Too little to tell yet." in result.stdout  # nothing recorded either side
    assert "| Days counted |" not in result.stdout  # and no table of noughts (nu216)


def test_review_prints_ones_own_words_a_line_each_as_typed(tmp_path: Path) -> None:
    """Wins typed on two lines printed as one, with ␊ where the line broke."""
    from planner_tui.db.engine import Location, open_database
    from planner_tui.services import review

    database = open_database(Location(f"sqlite:///{tmp_path / 'planner.db'}", tmp_path))
    try:
        with database.write() as s:
            review.save_month_notes(session=s, data={
                "month": "2026-11", "wins": "[red]win[/red]\nsecond \\", "intentions": [],
                "note": "note line\nsecond line"})  # fmt: skip
    finally:
        database.dispose()
    result = run(tmp_path, "review", "--month", "2026-11")
    assert result.returncode == 0, result.stderr
    assert "␊" not in result.stdout, result.stdout
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    first = next(n for n, line in enumerate(lines) if "In your words:" in line)
    assert "win" in lines[first] and lines[first + 1].startswith("second "), lines[first:]
    first = next(n for n, line in enumerate(lines) if "Note: note line" in line)
    assert lines[first + 1] == "second line", lines[first : first + 2]


def test_the_review_of_a_month_before_the_planner_says_when_it_begins(tmp_path: Path) -> None:
    """`review --month 2024-06` said "Nothing was recorded in this month — quiet months
    happen" of a month before the planner's first check-in; the app says when it begins."""
    assert run(tmp_path, "journal", "a first words", "--day", "2026-11-20").returncode == 0
    before = run(tmp_path, "review", "--month", "2024-06")
    assert before.returncode == 0, before.stderr
    assert "Nothing is recorded before November 2026, when your planner begins." in before.stdout
    assert "Quiet months happen" not in before.stdout
    # What was written there shows under the notice, and nothing else (nu171)
    from planner_tui.db.engine import Location, open_database
    from planner_tui.services import review

    database = open_database(Location(f"sqlite:///{tmp_path / 'planner.db'}", tmp_path))
    with database.write() as s:
        review.save_month_notes(session=s, data={"month": "2024-06", "intentions": ["a walk"]})
    database.dispose()
    written = run(tmp_path, "review", "--month", "2024-06").stdout
    assert "when your planner begins." in written and "- a walk" in written
    assert [line for line in written.splitlines() if line.startswith("## ")] == ["## Intentions"]


def test_a_file_named_with_db_keeps_its_copies_beside_it_and_leaves_the_home_alone(
    tmp_path: Path,
) -> None:
    """With --db naming a file elsewhere, its copies went to the home's backups (the damaged
    file's advice named the folder beside it, where nothing was), a restore's copy of what it
    replaced too, and delete-all removed the home's backups: another planner's (nu161)."""
    home, elsewhere = tmp_path / "home", tmp_path / "elsewhere"
    assert run(home, "journal", "the home's words").returncode == 0
    assert run(home, "backup").returncode == 0
    [home_copy] = (home / "backups").glob("*.db")
    other = ["--db", f"sqlite:///{elsewhere / 'other.db'}"]
    elsewhere.mkdir()
    assert run(home, *other, "journal", "other words").returncode == 0
    taken = run(home, *other, "backup")
    [copy] = (elsewhere / "backups").glob("planner-*.db")
    assert taken.stdout == f"Backed up to {copy}\n"
    restored = run(home, *other, "restore", copy.name, "--yes")  # found beside it, by name
    assert restored.returncode == 0, restored.stderr
    assert f"{elsewhere / 'backups'}/before-restore-" in restored.stdout
    deleted = run(home, *other, "delete-all", "--yes")
    assert deleted.returncode == 0, deleted.stderr
    assert str(home) not in deleted.stdout
    assert not (elsewhere / "other.db").exists() and not (elsewhere / "backups").exists()
    assert [p.name for p in (home / "backups").iterdir()] == [home_copy.name]
    assert "the home's words" in run(home, "search", "words").stdout


def test_restore_finds_a_bare_copy_name_in_the_backups_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The advice for a damaged planner names a copy by its name alone ("the newest healthy
    one is planner-….db"); `restore planner-….db` said "There is no backup file at
    planner-….db". A bare name not in the current folder is now looked for in the home's
    backups folder, and what is asked and said names the file taken, in full."""
    home = tmp_path / "home"
    assert run(home, "journal", "first words").returncode == 0
    assert run(home, "backup").returncode == 0
    [copy] = (home / "backups").glob("planner-*.db")
    assert run(home, "journal", "--day", "yesterday", "second words").returncode == 0
    monkeypatch.chdir(tmp_path)
    asked = run(home, "restore", copy.name)
    assert_one_line_error(asked, 1, f"with the copy in {copy} (taken")
    restored = run(home, "restore", copy.name, "--yes")
    assert restored.returncode == 0, restored.stderr
    assert f"Restored from {copy}." in restored.stdout
    assert "second words" not in run(home, "search", "second").stdout
    # A file of that name in the current folder is the one meant, as for any path.
    (tmp_path / copy.name).write_text("not a database\n" * 100)
    assert_one_line_error(run(home, "restore", copy.name), 1, "is not a planner-tui database")


@pytest.mark.parametrize(
    ("taken", "said"),
    [
        (
            datetime(2026, 11, 23, 18, 5),
            "(taken today at 18:05; it holds 0 people, 1 check-in and 0 contacts)?",
        ),
        (
            datetime(2026, 11, 22, 23, 11),
            "(taken yesterday at 23:11; it holds 0 people, 1 check-in and 0 contacts)?",
        ),
        (
            datetime(2026, 11, 20, 9, 30),
            "(taken Fri 20 Nov, 09:30, 3 days ago; it holds 0 people, 1 check-in and 0 contacts)?",
        ),
    ],
)
def test_restore_asks_with_when_the_copy_was_taken(
    tmp_path: Path, taken: datetime, said: str
) -> None:
    """The question "Replace the data in … with the copy in …?" said nothing of how much a restore takes
    back: it now says when the copy was taken (as the file says: its modification time)."""
    home = tmp_path / "home"
    assert run(home, "journal", "first words").returncode == 0
    copy = tmp_path / "copy.db"
    assert run(home, "backup", str(copy)).returncode == 0
    moment = taken.replace(tzinfo=ZoneInfo("Europe/London")).timestamp()
    os.utime(copy, (moment, moment))
    asked = run(home, "restore", str(copy))
    assert_one_line_error(asked, 1, f"with the copy in {copy} {said}")
    assert "What was written since goes with it, drafts of unsaved words too." in asked.stderr


def test_restore_into_a_home_with_no_planner_asks_nothing(tmp_path: Path) -> None:
    """Restoring into a new folder, to look inside a copy (as this README shows), asked
    whether to replace "the data" and drafts there — where there was no planner (nu182)."""
    home = tmp_path / "home"
    assert run(home, "journal", "first words").returncode == 0
    copy = tmp_path / "copy.db"
    assert run(home, "backup", str(copy)).returncode == 0
    fresh = tmp_path / "fresh"
    restored = run(fresh, "restore", str(copy))
    assert restored.returncode == 0, restored.stderr
    assert restored.stdout.splitlines()[0] == (
        f"Restored from {copy} into a new planner at {fresh / 'planner.db'}."
    )
    assert "Replace" not in restored.stdout + restored.stderr
    assert "first words" in run(fresh, "search", "first").stdout


def test_a_restored_planner_exports_what_the_original_does(tmp_path: Path) -> None:
    """Every table matched but the settings: a restored home's export carried the restore's
    own mark, an opaque token the person never made (nu182)."""
    home, fresh, copy = tmp_path / "home", tmp_path / "fresh", tmp_path / "copy.db"
    assert run(home, "journal", "first words").returncode == 0
    assert run(home, "backup", str(copy)).returncode == 0
    assert run(fresh, "restore", str(copy)).returncode == 0
    exported = [json.loads(run(h, "export", "--format", "json").stdout) for h in (home, fresh)]
    assert exported[0]["tables"] == exported[1]["tables"]
    assert exported[0]["tables"]["journal_entry"]  # (not two empty exports)


def test_restore_over_a_planner_deleted_while_the_app_is_open_is_refused(tmp_path: Path) -> None:
    """planner.db deleted with the app open, then restored: the open app's log was mixed
    into the copy ("The disk refused the write"), and a later "Saved" was lost (nu186)."""
    home = tmp_path / "home"
    assert run(home, "journal", "first words").returncode == 0
    copy = tmp_path / "copy.db"
    assert run(home, "backup", str(copy)).returncode == 0
    with open_elsewhere(home / "planner.db"):
        (home / "planner.db").unlink()
        refused = run(home, "restore", str(copy), "--yes")
        assert_one_line_error(refused, 1, "The app is open on this planner, and its file is gone")
        assert not (home / "planner.db").exists()
    assert run(home, "restore", str(copy)).returncode == 0  # closed: put back, not asked
    assert "first words" in run(home, "search", "first").stdout


def test_backup_and_encrypt_on_a_server_say_so_first_and_alone(tmp_path: Path) -> None:
    """On PostgreSQL, `backup` said to use pg_dump "…A copy can go anywhere you can write:
    planner-tui backup FILE." (refused too), and `encrypt` asked for a passphrase before
    saying it is for the SQLite file (nu217). Said first, alone, with no server reached
    (port 1 on loopback: nothing there)."""
    server = "postgresql+psycopg://me@127.0.0.1:1/planner"
    backup = run(tmp_path, "--db", server, "backup")
    assert_one_line_error(backup, 1, "Backups are for the SQLite file. For PostgreSQL use "
                          "pg_dump on the server.")  # fmt: skip
    assert "anywhere you can write" not in backup.stderr
    encrypt = run(tmp_path, "--db", server, "encrypt")
    assert_one_line_error(encrypt, 1, "Encryption is for the SQLite file; a server encrypts "
                          "its own disk.")  # fmt: skip


def test_delete_all_on_a_server_names_the_server_not_this_computers_folder(
    tmp_path: Path,
) -> None:
    """It asked to delete "every backup in /root/.local/share/planner-tui" of a planner on
    a server (nu220): what goes is the server's rows. Asked without a terminal, so it stops
    there, having reached no server."""
    server = "postgresql+psycopg://me@127.0.0.1:1/planner"
    asked = run(tmp_path, "--db", server, "delete-all")
    assert_one_line_error(asked, 1, "Delete ALL your planner-tui data — every row of people, "
                          "journal, steps, reviews and drafts in postgresql+psycopg://me@127.0.0.1:1/planner? "
                          "This can't be undone. Nothing was changed; add --yes to confirm.")  # fmt: skip
    assert "backup" not in asked.stderr


def test_a_card_whose_name_two_people_share_is_said_alike_in_preview_and_import(
    tmp_path: Path,
) -> None:
    """Two Ana Silvas here and a card for Ana Silva: the preview said it was left out as it
    could be either; the import said "skipped 1 already here" (nu243)."""
    home = tmp_path / "home"
    assert run(home, "add", "Ana Silva").returncode == 0
    assert run(home, "add", "Ana Silva", "--anyway").returncode == 0
    card = tmp_path / "d.vcf"
    card.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Silva\r\nEND:VCARD\r\n", encoding="utf-8")
    said = "1 left out: the name could be more than one person here"
    assert said in run(home, "import", str(card), "--preview").stdout
    imported = run(home, "import", str(card))
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.startswith(f"Added 0 people, {said}."), imported.stdout
    assert "already here" not in imported.stdout
