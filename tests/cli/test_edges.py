"""Edges that must agree everywhere (issue 15, part 5): the calendar's first and last days,
text that isn't UTF-8, a damaged or in-memory database, and database errors — each used
the same way by every command, or refused in one plain line, never a traceback."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from planner_tui.db.engine import describe_error

from .runner import assert_one_line_error, run, run_process

# --------------------------------------------------------------------------- years 1 and 9999
# The rule: every day from 1 January 1 to 31 December 9999 is read the same by every
# command. journal and review look back, so they refuse a day or month that has not begun
# (as they do for next week); search and export find, so any day is a bound for them. A
# range that ends on 31 December 9999 has no end (there is no day after it).

FIRST = [
    ("journal", ["journal", "--anyway", "--day", "0001-01-01", "year one"], 0, "1 January 0001"),
    ("review", ["review", "--month", "0001-01"], 0, "January 0001"),
    # The twelve months' rows say their year as the chart above them does ("Jan 1" did).
    ("review's months", ["review", "--month", "0001-01"], 0, "| Jan 0001 | 4.0 |"),
    ("search --from/--until", ["search", "--from", "0001-01-01", "--until", "0001-01-01"], 0,
     "year one"),
    ("search --until month", ["search", "--until", "0001-01", "year"], 0, "year one"),
    ("search from:/to:", ["search", "from:0001-01-01 to:0001-01-01"], 0, "year one"),
    ("search month", ["search", "0001-01"], 0, "year one"),
    ("export --month", ["export", "--format", "markdown", "--month", "0001-01"], 0, "year one"),
]  # fmt: skip
LAST = [
    ("journal", ["journal", "--day", "9999-12-31", "far"], 1, "has begun"),
    ("review", ["review", "--month", "9999-12"], 1, "has not begun"),
    ("search --until", ["search", "--until", "9999-12-31", "year"], 0, "year one"),
    ("search --until month", ["search", "--until", "9999-12"], 0, "year one"),
    ("search to:", ["search", "to:9999-12-31"], 0, "year one"),
    ("search from:", ["search", "from:9999-12-31"], 0, ""),
    ("search month", ["search", "9999-12"], 0, ""),
    ("export --month", ["export", "--format", "markdown", "--month", "9999-12"], 0,
     "December 9999"),
]  # fmt: skip


@pytest.fixture(scope="module")
def year_one_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("edges") / "home"
    result = run(home, "journal", "--anyway", "--day", "0001-01-01", "year one", "--connected", "4")
    assert result.returncode == 0, result.stderr
    return home


def assert_clean(result: subprocess.CompletedProcess[str], code: int, words: str) -> None:
    assert "Traceback" not in result.stderr and "unexpected" not in result.stderr, result.stderr
    assert result.returncode == code, result.stderr
    if code:
        assert_one_line_error(result, code, words)
    else:
        assert words in result.stdout, result.stdout


@pytest.mark.parametrize(("name", "args", "code", "words"), FIRST, ids=[r[0] for r in FIRST])
def test_the_first_day_is_a_day_like_any_other(
    year_one_home: Path, name: str, args: list[str], code: int, words: str
) -> None:
    assert_clean(run(year_one_home, *args), code, words)


@pytest.mark.parametrize(("name", "args", "code", "words"), LAST, ids=[r[0] for r in LAST])
def test_the_last_day_is_refused_only_as_the_future(
    year_one_home: Path, name: str, args: list[str], code: int, words: str
) -> None:
    assert_clean(run(year_one_home, *args), code, words)


def test_an_empty_home_searches_to_the_end_of_time(tmp_path: Path) -> None:
    assert run(tmp_path / "empty", "add", "Bo").returncode == 0  # a planner with no entries
    for args in (["--until", "9999-12-31", "x"], ["to:9999-12-31"], ["x", "--until", "9999-12"]):
        result = run(tmp_path / "empty", "search", *args)
        assert_clean(result, 0, "")
        assert "No entries match." in result.stderr


def test_with_the_clock_on_the_last_day(tmp_path: Path) -> None:
    """Only a clock set to 31 December 9999 can write there: journal, review, search and
    export then all agree on it, the last day included."""
    home, at = tmp_path / "home", "9999-12-31T12:00:00"

    def run_at(moment: str, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
        return run(home, *args, now=moment)

    assert_clean(run_at(at, home, "journal", "--day", "9999-12-31", "last day"), 0, "9999")
    assert_clean(
        run_at(at, home, "journal", "--anyway", "--day", "0001-01-01", "first day"),
        0,
        "January 0001",
    )
    assert_clean(run_at(at, home, "search", "to:9999-12-31 day"), 0, "last day")
    assert_clean(run_at(at, home, "search", "--from", "9999-12", "day"), 0, "last day")
    exported = run_at(at, home, "export", "--format", "markdown", "--month", "9999-12")
    assert_clean(exported, 0, "last day")
    everything = run_at(at, home, "export", "--format", "markdown")
    assert "first day" in everything.stdout and "last day" in everything.stdout
    folder = tmp_path / "months"
    per_month = run_at(at, home, "export", "--format", "markdown", "--per-month", "-o", str(folder))
    assert per_month.returncode == 0, per_month.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["0001-01.md", "9999-12.md"]
    assert_clean(run_at(at, home, "review", "--month", "9999-11"), 0, "November 9999")
    last_month = run_at(at, home, "review", "--month", "9999-12")
    assert_clean(last_month, 0, "December 9999")
    assert "| Days with a check-in | 1 |" in last_month.stdout  # the last day counts


def test_a_step_on_the_last_day_is_refused_and_the_calendar_export_still_works(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    assert_clean(run(home, "add", "Bo"), 0, "Bo")
    for when, repeat in (("9999-12-31 23:59", []), ("9999-12-31 20:00", ["--repeat", "weekly"])):
        refused = run(home, "plan", "Bo", "call", when, *repeat)
        assert_one_line_error(refused, 1, "too close to the end of the calendar")
    assert_clean(run(home, "plan", "Bo", "call", "9999-12-30 18:00", "--anyway"), 0, "9999")
    exported = run(home, "export", "--format", "ics")
    assert_clean(exported, 0, "DTSTART;TZID=Europe/London:99991230T180000")
    assert exported.stderr == ""


NUMBERS_SAID = [
    (["plan", "Bo", "call", "32"], "a number alone is a day of the month, 1 to 31"),
    (["plan", "Bo", "call", "2027"], "'2027' is a year on its own"),
    (["plan", "Bo", "call", "--", "-1"], "1 to 31"),
    (["plan", "Bo", "call", "1.5"], "1 to 31"),
    (["journal", "x", "--day", "1.5"], "1 to 31"),
    (["log", "Bo", "--when", "32"], "1 to 31"),
    (["plan", "Bo", "call", "12/13"], "no month 13"),
    (["date", "Bo", "anniversary", "12/13"], "no month 13"),
]


def test_numbers_that_are_no_day_are_explained_not_guessed(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert_clean(run(home, "add", "Bo"), 0, "Bo")
    for args, because in NUMBERS_SAID:
        assert_one_line_error(run(home, *args), 1, because)
    assert "Nothing" in run(home, "today").stdout  # nothing was planned, logged or dated
    assert entries(home) == 0
    assert_clean(run(home, "plan", "Bo", "call", "5"), 0, "Saturday 5 Dec, 12:00")


@pytest.mark.parametrize("zone", ["Asia/Tokyo", "America/Los_Angeles"])
def test_year_one_in_any_time_zone(tmp_path: Path, zone: str) -> None:
    home = tmp_path / "home"
    for args in (["journal", "--anyway", "--day", "0001-01-01", "x"], ["review", "--month", "0001-01"],
                 ["export", "--format", "markdown", "--month", "0001-01"]):  # fmt: skip
        assert_clean(run(home, *args, zone=zone), 0, "")


# --------------------------------------------------------------------------- encodings


def entries(home: Path) -> int:
    if not (home / "planner.db").exists():
        return 0
    with sqlite3.connect(home / "planner.db") as c:
        return int(c.execute("SELECT count(*) FROM journal_entry").fetchone()[0])


def as_text(result: subprocess.CompletedProcess[bytes]) -> subprocess.CompletedProcess[str]:
    return subprocess.CompletedProcess(result.args, result.returncode, "",
                                       result.stderr.decode("utf-8"))  # fmt: skip


# Bytes that are not UTF-8 only reach the command from a real process.
@pytest.mark.parametrize("locale", [None, "C"])
def test_latin1_piped_to_journal_is_refused_in_one_line(tmp_path: Path, locale: str | None) -> None:
    home = tmp_path / "home"
    result = run_process(home, "journal", stdin="Café with Zoë\n".encode("latin-1"),
                         env={"LC_ALL": locale} if locale else None)  # fmt: skip
    assert_one_line_error(as_text(result), 1, "The text isn't UTF-8 (from byte 4 on), so nothing")
    assert entries(home) == 0


def test_utf8_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    result = run_process(tmp_path / "h", "journal", stdin="\ufeffCafé".encode())
    assert result.returncode == 0, result.stderr
    assert "Café" in run(tmp_path / "h", "search", "café").stdout


def test_an_argument_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = run_process(home, "journal", b"caf\xe9")
    assert_one_line_error(as_text(result), 2, "isn't UTF-8")
    assert entries(home) == 0


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ('{"format": "planner-tui", "version": 1, "tables": {"person": [{"id": 1, "name": '
         '"\\ud800", "created_at": "2026-11-20T20:00:00+00:00", "updated_at": '
         '"2026-11-20T20:00:00+00:00"}]}}', "person row 1, name: the text is not valid Unicode"),
        ("[" * 100_000, "nested too deeply"),
        ('{"format": "planner-tui", "version": 1, "tables": ' + "[" * 100_000, "nested too deeply"),
    ],
    ids=["lone surrogate", "deeply nested", "deeply nested export"],
)  # fmt: skip
def test_json_that_cannot_be_imported_is_one_line(tmp_path: Path, content: str, words: str) -> None:
    source = tmp_path / "in.json"
    source.write_text(content, encoding="utf-8")
    home = tmp_path / "home"
    assert_one_line_error(run(home, "import", str(source)), 1, words)
    if (home / "planner.db").exists():
        with sqlite3.connect(home / "planner.db") as c:
            assert c.execute("SELECT count(*) FROM person").fetchone()[0] == 0


@pytest.fixture(scope="module")
def named_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("names") / "home"
    assert run(home, "journal", "Soup with Zoë and Jürgen — warm", "--mood", "4").returncode == 0
    return home


@pytest.mark.parametrize(
    "env", [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C"}, {"LC_ALL": "C", "PYTHONUTF8": "0"}]
)
@pytest.mark.parametrize(
    "args",
    [["search", "soup"], ["review", "--month", "2026-11"], ["export", "--format", "markdown"]],
    ids=["search", "review", "export"],
)
def test_an_ascii_only_stdout_still_gets_readable_output(
    named_home: Path, env: dict[str, str], args: list[str]
) -> None:
    result = run_process(named_home, *args, env=env)  # the locale is the process's
    assert result.returncode == 0, result.stderr
    assert b"unexpected" not in result.stderr and not result.stderr.strip()
    out = result.stdout.decode("utf-8")  # ASCII, or UTF-8 for an export's exact bytes
    assert "Zo" in out or args[0] == "review"
    if args[0] == "search":
        assert "Zo\\xeb" in out or "Zoë" in out


# --------------------------------------------------------------------------- the database


def damaged_copy(source: Path, home: Path, table: str = "interaction") -> Path:
    """*source* with the first page of *table* overwritten: the other tables still read,
    so only a check of the whole file finds the damage before that table is read."""
    home.mkdir(parents=True)
    shutil.copy(source, home / "planner.db")
    with sqlite3.connect(home / "planner.db") as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = c.execute("PRAGMA page_size").fetchone()[0]
        (root,) = c.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()
    data = bytearray((home / "planner.db").read_bytes())
    data[(root - 1) * size : root * size] = b"garbage!" * (size // 8)
    (home / "planner.db").write_bytes(bytes(data))
    return home / "planner.db"


@pytest.fixture(scope="module")
def lived_in(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("lived")
    assert run(home, "demo", "--years", "0.5", "--seed", "3").returncode == 0
    return home / "planner.db"


@pytest.mark.parametrize(
    ("args", "table"),
    [(["search", "walk"], "journal_entry"), (["search", "--until", "2026-11"], "journal_entry"),
     (["search", "walk", "--person", "Sam"], "person"), (["review"], "interaction"),
     (["export"], "interaction"), (["journal", "x"], "interaction")],
    ids=["search", "search --until", "search --person", "review", "export", "journal"],
)  # fmt: skip
def test_a_damaged_database_is_refused_by_search_like_every_command(
    lived_in: Path, tmp_path: Path, args: list[str], table: str
) -> None:
    """A command that reads the damaged part says so in one kind line (the whole file is
    read only before a write — `journal` — or after a crash: reading needs no more); the
    file is never changed."""
    database = damaged_copy(lived_in, tmp_path / "home", table)
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    assert_one_line_error(run(tmp_path / "home", *args), 1, "damaged")
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before


@pytest.mark.parametrize("now", ["2026-11-23T20:00:00", "2026-11-23T23:30:00"])  # quiet too
@pytest.mark.parametrize("damage", ["random bytes", "cut short"])
def test_remind_says_a_damaged_database_like_every_command(
    tmp_path: Path, damage: str, now: str
) -> None:
    home = tmp_path / "home"
    assert run(home, "add", "Bo").returncode == 0
    database = home / "planner.db"
    for extra in ("planner.db-wal", "planner.db-shm"):
        (home / extra).unlink(missing_ok=True)
    data = os.urandom(20_000) if damage == "random bytes" else database.read_bytes()[:5000]
    database.write_bytes(data)
    for args in (["remind"], ["today"]):
        result = run(home, *args, now=now)
        assert result.stdout == ""
        assert_one_line_error(result, 1, "damaged")


@pytest.mark.parametrize("args", [["today"], ["today", "--quiet-if-empty"], ["remind"], ["people"]])
@pytest.mark.parametrize("home", ["a file", "/dev/null"])
def test_a_home_that_is_a_file_is_said_not_read_as_empty(
    tmp_path: Path, home: str, args: list[str]
) -> None:
    path = tmp_path / "planner-home"
    path.write_text("not a folder")
    where = path if home == "a file" else Path("/dev/null")
    result = run(where, *args)
    assert result.stdout == ""
    assert_one_line_error(result, 1, f"{where} is a file, not a folder")


@pytest.mark.parametrize(
    "args", [["add", "Cy"], ["plan", "Bo", "call", "tomorrow 6pm"], ["journal", "hi"], ["remind"]]
)
def test_a_database_another_program_is_writing_to_is_busy_said_kindly(
    tmp_path: Path, args: list[str]
) -> None:
    home = tmp_path / "home"
    assert run(home, "add", "Bo").returncode == 0
    other = sqlite3.connect(home / "planner.db", isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")  # another program, mid-write
        result = run(home, *args, env={"PLANNER_TUI_BUSY_TIMEOUT_MS": "50"})
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert_one_line_error(result, 1, "Your planner is busy — another program is writing to it.")
    assert not (home / "crash.log").exists()
    assert "Cy" not in run(home, "people").stdout


@pytest.mark.parametrize(
    "url", ["sqlite://", "sqlite:///:memory:", "sqlite:///file::memory:?uri=true"]
)
@pytest.mark.parametrize("args", [["journal", "kept?"], ["search", "x"], ["review"]])
def test_an_in_memory_database_is_refused(tmp_path: Path, url: str, args: list[str]) -> None:
    result = run(tmp_path, "--db", url, *args)
    assert_one_line_error(result, 1, "in-memory")
    assert "Saved" not in result.stdout


SQL_WORDS = ("SELECT", "INSERT", "UPDATE", "DELETE", "[SQL:", "[parameters:")


def test_a_missing_table_is_reported_without_sql(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run(home, "journal", "first words").returncode == 0
    with sqlite3.connect(home / "planner.db") as c:
        c.execute("DROP TABLE journal_person")
    for args in (["journal", "secret words"], ["review"], ["export"]):
        result = run(home, *args)
        assert result.returncode == 1, result.stderr
        assert not any(word in result.stderr for word in SQL_WORDS), result.stderr
        assert "secret" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def provoke(url: str, statement: str, params: dict[str, object]) -> SQLAlchemyError:
    engine = sa.create_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(sa.text("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY)"))
            connection.execute(sa.text(statement), params)
    except SQLAlchemyError as error:
        return error
    finally:
        engine.dispose()
    raise AssertionError("no error")


@pytest.mark.parametrize(
    ("statement", "params"),
    [
        ("SELECT secret FROM nowhere WHERE x = :v", {"v": "my private words"}),
        ("INSERT INTO t (id) VALUES (:v)", {"v": "not a number, private"}),
        ("INSERT INTO t (id) VALUES (1); INSERT INTO t (id) VALUES (1)", {}),
        ("SELEC broken", {}),
    ],
    ids=["no such table", "mismatch", "two statements", "syntax"],
)
def test_database_errors_never_show_their_sql(
    tmp_path: Path, statement: str, params: dict[str, object]
) -> None:
    urls = [f"sqlite:///{tmp_path / 'x.db'}"]
    if pg := os.environ.get("PLANNER_TUI_TEST_PG_URL"):
        urls.append(pg)
    for url in urls:
        error = provoke(url, statement, params)
        assert "[SQL:" in str(error)  # what SQLAlchemy says, and we must not
        message = describe_error(error)
        assert not any(word in message for word in SQL_WORDS), message
        assert "private" not in message and "secret" not in message, message
        assert "\n" not in message


def test_json_is_still_read_by_the_json_import(tmp_path: Path) -> None:
    """The refusals above don't get in the way of a plain export's way back."""
    home = tmp_path / "a"
    assert run(home, "journal", "Zoë \x7f kept").returncode == 0
    exported = run(home, "export")
    source = tmp_path / "e.json"
    source.write_text(exported.stdout, encoding="utf-8")
    assert run(tmp_path / "b", "import", str(source)).returncode == 0
    assert (
        json.loads(run(tmp_path / "b", "export").stdout)["tables"]["journal_entry"][0]["body"]
        == json.loads(exported.stdout)["tables"]["journal_entry"][0]["body"]
    )


# --------------------------------------------------------------------------- odd homes (issue 17)


def test_an_empty_database_file_becomes_a_private_new_planner(tmp_path: Path) -> None:
    """An empty planner.db (`touch planner.db`, mode 0644) is a new planner, kept 0600 like
    one planner-tui creates itself."""
    import stat

    home = tmp_path / "home"
    home.mkdir()
    (home / "planner.db").touch(mode=0o644)
    (home / "planner.db").chmod(0o644)
    result = run(home, "add", "Ana Silva")
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE((home / "planner.db").stat().st_mode) == 0o600
    assert "Ana Silva" in run(home, "people").stdout
    fresh = tmp_path / "fresh"
    assert run(fresh, "add", "Bo").returncode == 0
    assert stat.S_IMODE((fresh / "planner.db").stat().st_mode) == 0o600


@pytest.mark.parametrize("now", ["tomorrow", "2026-13-01", "23/11/2026 20:00", " "])
def test_a_clock_set_wrongly_is_one_line_and_touches_nothing(tmp_path: Path, now: str) -> None:
    """PLANNER_TUI_NOW that can't be read: one line naming it and the form it takes; no
    folder, no database, no crash.log."""
    home = tmp_path / "home"
    for argv in (["today"], ["add", "Ana"], ["remind"], ["journal", "hello"]):
        result = run(home, *argv, now=now)
        assert_one_line_error(result, 1, "PLANNER_TUI_NOW should be a date and time like")
        assert "2026-11-23T20:00" in result.stderr
    assert not home.exists()


# --------------------------------------------------------------------------- names said twice


def test_a_name_that_could_be_several_ends_its_sentence_once(tmp_path: Path) -> None:
    """Names ending in a full stop (the sample's "Ada A.") got a second one: "could be
    Ada A., Ada B.. Say a little more"."""
    home = tmp_path / "home"
    for name in ("Ada A.", "Ada B."):
        assert run(home, "add", name).returncode == 0
    said = run(home, "search", "@Ada tea").stderr
    # With their numbers, as --person says them, so @#1 can be learnt here (nu222).
    assert (
        "'@Ada' could be Ada A. (#1), Ada B. (#2). Say their whole name or surname, or the "
        "number (@#1)."
    ) in said, said


def test_a_context_name_that_could_be_several_lists_them(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run(home, "add", "Bo", "--context", "Choir").returncode == 0
    assert run(home, "add", "Cy", "--context", "Chess").returncode == 0
    for typed, args in (
        ("Ch", ["plan", "--context", "Ch", "go along", "fri 7pm"]),
        ("Ch", ["log", "Bo", "--context", "Ch"]),
        ("Ch", ["add", "Dee", "--context", "Ch"]),
        ("ch", ["log", "Bo", "--context", "ch"]),
    ):
        assert_one_line_error(run(home, *args), 1, f"'{typed}' could be Chess, Choir")
    found = run(home, "search", "x", "--context", "Ch")
    assert "'Ch' could be Chess, Choir" in found.stderr
    assert "Dee" not in run(home, "people").stdout  # no 'Ch' context made for her
    assert_clean(run(home, "log", "Bo", "--context", "Cho"), 0, "Saved")


@pytest.mark.parametrize("name", ["#5", "#12", "# 3", "#-1"])
def test_a_name_shaped_like_a_number_is_refused_saying_why(tmp_path: Path, name: str) -> None:
    home = tmp_path / "home"
    for other in ("Ana", "Bo", "Cy", "Dee", "Eve"):
        assert run(home, "add", other).returncode == 0
    said = f"can't be {name}: on the command line, # and a number mean the person with that"
    assert_one_line_error(run(home, "add", name), 1, said)
    # Nor a nickname: `date '#5'` would mean the fifth person, never her (a new user).
    refused = run(home, "add", "Layla", "--nickname", name)
    assert_one_line_error(refused, 1, said)
    assert len(run(home, "people").stdout.strip().splitlines()) == 5  # no one added
    assert_clean(run(home, "add", f"{name} Sam"), 0, "")  # a word with it is a name


def test_a_vcard_merge_preview_names_every_other_name_the_card_brings(tmp_path: Path) -> None:
    """``NICKNAME:Annie,Bee`` for someone called Ana: the preview said Annie is kept as
    another name, and the merge kept Bee too, unsaid."""
    home, card = tmp_path / "home", tmp_path / "me.vcf"
    assert run(home, "add", "Ana Ruiz", "--nickname", "Ana").returncode == 0
    card.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Ruiz\r\nNICKNAME:Annie,Bee,annie\r\nEND:VCARD\r\n"
    )
    preview = run(home, "import", str(card), "--preview", "--merge")
    assert (
        "Ana Ruiz  (already here as Ana Ruiz; their nickname stays Ana; Annie and Bee are kept "
        "as other names)"
    ) in preview.stdout, preview.stdout
    assert run(home, "import", str(card), "--merge").returncode == 0
    assert run(home, "search", "@Bee").returncode == 0  # the name said is one they go by
    again = run(home, "import", str(card), "--preview", "--merge")
    assert "kept as" not in again.stdout and "stays" not in again.stdout, again.stdout


def test_a_negative_number_is_a_number_no_one_has_not_a_name(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run(home, "add", "Bo").returncode == 0
    refused = run(home, "plan", "#-1", "call", "tomorrow 6pm")
    assert_one_line_error(refused, 1, "No one on your map has the number #-1.")


def test_a_merge_preview_counts_a_card_that_could_be_two_people_as_left_out(
    tmp_path: Path,
) -> None:
    """With two people called Sam here, a merge's preview said the others "are folded into
    theirs", the Sam card among them, which was left out (nu196)."""
    home, card = tmp_path / "home", tmp_path / "c.vcf"
    for name in ("Sam", "Sam"):
        assert run(home, "add", name, "--anyway").returncode == 0
    assert run(home, "add", "Zo Li").returncode == 0
    card.write_text(
        "".join(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nEND:VCARD\r\n"
                for name in ("Sam", "Zo Li", "Ines"))
    )  # fmt: skip
    preview = run(home, "import", str(card), "--preview", "--merge")
    assert preview.stdout.endswith(
        "1 of 3 would be added; 1 folded into theirs; 1 left out: the name could be more than "
        "one person here. Nothing was changed.\n"
    ), preview.stdout


def test_a_vcard_merge_keeps_the_birthday_and_nickname_someone_already_has(
    tmp_path: Path,
) -> None:
    """Their own birthday and nickname stay; the card's other nickname is kept as a name
    they also go by (it was dropped without a word), and two cards for one person are one
    person merged."""
    home, card = tmp_path / "home", tmp_path / "c.vcf"
    assert run(home, "add", "Bo Lee", "--nickname", "Bo").returncode == 0
    assert run(home, "date", "Bo Lee", "BIRTHDAY", "29 feb 1988").returncode == 0
    card.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo Lee\r\nNICKNAME:Bobo\r\nBDAY:1990-03-01\r\n"
        "ANNIVERSARY:2015-06-03\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo Lee\r\nNOTE:met at the allotment\r\nEND:VCARD\r\n"
    )
    preview = run(home, "import", str(card), "--preview", "--merge")
    assert (
        "Bo Lee  (already here as Bo Lee; their birthday stays 29 Feb 1988; the card's is "
        "left out; their nickname stays Bo; Bobo is kept as another name; adds the "
        "anniversary 3 Jun 2015)"
    ) in preview.stdout, preview.stdout
    assert "Bo Lee  (already here as Bo Lee; adds the card's note)" in preview.stdout
    assert "0 of 2 would be added; 2 folded into theirs." in preview.stdout
    # Without --merge the cards are left out: the preview said what a merge would keep.
    preview = run(home, "import", str(card), "--preview")
    assert "Bo Lee  (already here as Bo Lee; left out)" in preview.stdout, preview.stdout
    assert "stays" not in preview.stdout and "kept as another name" not in preview.stdout
    assert "2 left out (--merge folds them into theirs)" in preview.stdout
    twice = tmp_path / "twice.vcf"  # someone new, on two cards
    twice.write_text("BEGIN:VCARD\r\nFN:Zoe Park\r\nEND:VCARD\r\n" * 2)
    lines = run(home, "import", str(twice), "--preview").stdout.splitlines()
    assert lines[:2] == [
        "Zoe Park  (new)",
        "Zoe Park  (on a card earlier in this file, as Zoe Park; left out)",
    ]
    lines = run(home, "import", str(twice), "--preview", "--merge").stdout.splitlines()
    assert lines[1] == (  # what merging does with it is said (a nickname went in unseen)
        "Zoe Park  (on a card earlier in this file, as Zoe Park; folded into that card's: "
        "its nickname, dates and note where that has none)"
    )
    merged = run(home, "import", str(card), "--merge")  # two cards, one person
    assert merged.stdout == "Added 0 people, merged into 1 person already here.\n", merged
    with sqlite3.connect(home / "planner.db") as c:
        dates = c.execute("SELECT lower(label), month, day FROM person_date ORDER BY id").fetchall()
        aliases = c.execute("SELECT name FROM person_alias").fetchall()
    assert dates == [("birthday", 2, 29), ("anniversary", 6, 3)]  # the new date is added
    assert aliases == [("Bobo",)]
    found = run(home, "journal", "tea with @Bobo")
    assert found.returncode == 0 and found.stdout.rstrip().endswith(", mentioning Bo Lee."), (
        found.stdout
    )


def test_small_refusals_name_what_to_change(tmp_path: Path) -> None:
    home = tmp_path / "home"
    long = run(home, "add", "Zz", "--context", "x" * 25_000)
    assert_one_line_error(long, 1, "The context's name can be at most 1,000 characters")
    assert run(home, "add", "Bo").returncode == 0
    hourly = run(home, "plan", "Bo", "call", "tomorrow 6pm", "--repeat", "HOURLY")
    assert_one_line_error(hourly, 1, "once a day at most, so 'HOURLY' is too often")
    for args in (["journal", "x", "--day", "2026-11-01 25:00"],
                 ["plan", "Bo", "call", "2026-12-01 25:00"]):  # fmt: skip
        assert_one_line_error(run(home, *args), 1, "There is no such time as '25:00' on a clock")
    late = run(home, "today", "--home", str(home))
    assert_one_line_error(late, 2, "--home and --db go before the command")  # a usage error
