"""Outputs are safe and private (issue 15, part 4).

The rule (planner_tui.terminal): what planner-tui says — messages, errors, search results,
the printed review — is visible-safe wherever it goes; an export is exact to a file or a
pipe and visible-safe only on a terminal. The terminal cases run the command with its
stdout on a real pseudo-terminal."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
import tty
from pathlib import Path

import pytest

from planner_tui.db.engine import Location, open_database
from planner_tui.review_report import to_markdown
from planner_tui.services import exchange, review

from .runner import NOW, assert_one_line_error, run

TITLE = "\x1b]0;title\x07"
CSI_C1 = "\x9b31m"
NAME = f"Eve{TITLE}{CSI_C1}Zoë"
BODY = f"Tea with @Eve \x1b[2J{TITLE} and {CSI_C1}red #walk"
RAW = ("\x1b", "\x07", "\x9b")
STAMP = "2026-11-20T20:00:00+00:00"


def hostile_export() -> dict[str, object]:
    """A JSON export whose names and text hold ESC, BEL and C1. The forms and the import
    refuse control characters in a name, so the fixture writes that one with sqlite3, as
    another program could."""
    return {
        "format": "planner-tui",
        "version": 1,
        "tables": {
            "person": [{"id": 1, "name": NAME, "created_at": STAMP, "updated_at": STAMP}],
            "journal_entry": [
                {"id": 1, "day": "2026-11-20", "body": BODY, "warmth_note": f"sun{TITLE}",
                 "withdraw_note": "", "connectedness": 4, "mood": 4,
                 "created_at": STAMP, "updated_at": STAMP}
            ],
            "journal_person": [{"entry_id": 1, "person_id": 1}],
            "step": [
                {"id": 1, "person_id": 1, "action": "call", "effort": "small",
                 "due_at": "2026-12-01T18:00:00+00:00", "status": "planned",
                 "created_at": STAMP}
            ],
        },
    }  # fmt: skip


@pytest.fixture(scope="module")
def hostile_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    source = folder / "in.json"
    home = folder / "home"
    export = hostile_export()
    export["tables"]["person"][0]["name"] = "Eve"  # type: ignore[index]
    source.write_text(json.dumps(export), encoding="utf-8")
    result = run(home, "import", str(source))
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(home / "planner.db") as connection:
        connection.execute("UPDATE person SET name = ? WHERE id = 1", (NAME,))
    connection.close()
    return home


def on_terminal(home: Path, *args: str) -> tuple[int, bytes, str]:
    """Run the command with stdout on a pseudo-terminal (raw: bytes as written); return the
    exit code, what reached the terminal and stderr."""
    env = {**os.environ, "PLANNER_TUI_NOW": NOW, "TZ": "Europe/London"}
    env.pop("PLANNER_TUI_HOME", None)
    master, slave = os.openpty()
    tty.setraw(slave)
    process = subprocess.Popen(
        [sys.executable, "-m", "planner_tui", "--home", str(home), *args],
        stdin=subprocess.DEVNULL, stdout=slave, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the last writer closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    assert process.stderr is not None
    err = process.stderr.read().decode("utf-8", "replace")
    return process.wait(timeout=120), b"".join(chunks), err


def assert_visible_safe(data: bytes) -> None:
    text = data.decode("utf-8")
    for ch in RAW:
        assert ch not in text, (ch, text[:400])


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["export", "--format", "markdown"], "Eve␛\\]0;title␇"),
        (["export", "--format", "ics"], "With Eve␛]0\\;title␇"),
        (["export", "--format", "json"], "Eve\\u001b]0;title\\u0007\ufffd31mZoë"),
        (["review", "--month", "2026-11"], "Eve␛\\]0;title␇"),
        (["search", "tea"], "Tea with @Eve ␛[2J␛]0;title␇"),
    ],
    ids=["markdown", "ics", "json", "review", "search"],
)
def test_on_a_terminal_control_characters_are_shown_not_sent(
    hostile_home: Path, args: list[str], shown: str
) -> None:
    code, out, err = on_terminal(hostile_home, *args)
    assert code == 0, err
    assert_visible_safe(out)
    assert shown in out.decode("utf-8")


def without_uids(data: bytes) -> bytes:
    """An export without the calendar's UID, which is new each time."""
    return b"".join(line for line in data.splitlines(True) if not line.startswith(b"UID:"))


def test_exports_to_a_file_or_a_pipe_are_exact(hostile_home: Path, tmp_path: Path) -> None:
    piped = subprocess.run(
        [sys.executable, "-m", "planner_tui", "--home", str(hostile_home), "export"],
        capture_output=True, env={**os.environ, "PLANNER_TUI_NOW": NOW}, timeout=120,
    )  # fmt: skip
    assert piped.returncode == 0
    tables = json.loads(piped.stdout.decode("utf-8"))["tables"]
    assert tables["person"][0]["name"] == NAME
    assert tables["journal_entry"][0]["body"] == BODY
    for fmt in ("markdown", "ics"):
        target = tmp_path / f"out.{fmt}"
        assert run(hostile_home, "export", "--format", fmt, "-o", str(target)).returncode == 0
        written = target.read_bytes().decode("utf-8")
        if fmt == "ics":  # data for a calendar: exact, as stored (escaped for its format)
            assert "\x1b" in written and "\x07" in written
        else:  # Markdown is for reading: shown, as on a terminal, and the same in a pipe
            assert not any(ch in written for ch in RAW) and "␛" in written and "␇" in written
        to_pipe = subprocess.run(
            [sys.executable, "-m", "planner_tui", "--home", str(hostile_home), "export",
             "--format", fmt],
            capture_output=True, env={**os.environ, "PLANNER_TUI_NOW": NOW}, timeout=120,
        )  # fmt: skip
        assert without_uids(to_pipe.stdout) == without_uids(target.read_bytes())


@pytest.mark.parametrize("command", [["review", "--month", "2026-11"], ["search", "tea"]])
def test_what_is_said_is_visible_safe_in_a_pipe_too(hostile_home: Path, command: list[str]) -> None:
    result = run(hostile_home, *command)
    assert result.returncode == 0, result.stderr
    assert not any(ch in result.stdout for ch in RAW)
    assert "␛]0;title␇" in result.stdout.replace("\\]", "]")


@pytest.mark.parametrize(
    "args",
    [
        ["search", f"@Nobody{TITLE}{CSI_C1}"],
        ["search", "--person", f"No{TITLE}{CSI_C1}one"],
        ["import", f"/nowhere/{TITLE}{CSI_C1}.json"],
        ["review", "--month", f"20{TITLE}{CSI_C1}"],
    ],
    ids=["search filter", "--person", "import path", "review month"],
)
def test_every_error_shows_control_characters_visibly(hostile_home: Path, args: list[str]) -> None:
    code, out, err = on_terminal(hostile_home, *args)
    assert code in (1, 2) and not out
    assert not any(ch in err for ch in RAW), err
    assert len(err.strip().splitlines()) == 1, err
    assert "something unexpected" not in err


# --------------------------------------------------------------------------- privacy


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("fmt", ["json", "markdown", "ics"])
def test_exported_files_are_private(hostile_home: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"export.{fmt}"
    old = os.umask(0o022)
    try:
        assert run(hostile_home, "export", "--format", fmt, "-o", str(target)).returncode == 0
    finally:
        os.umask(old)
    assert mode(target) == 0o600


def test_per_month_files_and_the_review_file_are_private(
    hostile_home: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "months"
    assert run(hostile_home, "export", "--format", "markdown", "--per-month",
               "-o", str(folder)).returncode == 0  # fmt: skip
    files = sorted(folder.iterdir())
    assert [f.name for f in files] == ["2026-11.md", "2026-12.md"]
    assert all(mode(f) == 0o600 for f in files)
    # The app's "o" on the review writes the review's Markdown with this function.
    database = open_database(Location(f"sqlite:///{hostile_home / 'planner.db'}", hostile_home))
    try:
        with database.session() as session:
            text = to_markdown(
                review.review_month(session=session, month=review.parse_month("2026-11"))
            )
    finally:
        database.dispose()
    target = tmp_path / "planner-tui-review-2026-11.md"
    exchange.write_file(target, text)
    assert mode(target) == 0o600
    assert target.read_text(encoding="utf-8") == text


def test_the_journal_markdown_escapes_only_what_markdown_needs(tmp_path: Path) -> None:
    lines = [
        "Tea at 5. Then (maybe) #walk.",
        "# not a heading",
        "1. not a list",
        "*stars* and _under_ and [link](x)",
    ]
    home = tmp_path / "home"
    assert run(home, "journal", "\n".join(lines)).returncode == 0
    result = run(home, "export", "--format", "markdown")
    assert result.returncode == 0, result.stderr
    out = result.stdout.splitlines()
    # Dots and brackets as typed; each line but the last ends in a backslash (a line break).
    assert "Tea at 5. Then (maybe) #walk.\\" in out
    assert "\\# not a heading\\" in out
    assert "1\\. not a list\\" in out
    assert "\\*stars\\* and \\_under\\_ and \\[link\\](x)" in out


def test_an_error_is_one_line_even_with_a_newline_in_it(tmp_path: Path) -> None:
    assert_one_line_error(run(tmp_path, "review", "--month", "2026\n11"), 1, "not a month")


def test_an_output_that_is_full_is_said_as_that(tmp_path: Path) -> None:
    """`people > /dev/full` said "can't use a file: No space left on device", where no file
    was named: it was the output (nu251)."""
    from .runner import ZONE, environment

    home = tmp_path / "home"
    assert run(home, "add", "Ana").returncode == 0
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "planner_tui", "--home", str(home), "people"],
            stdout=full,
            stderr=subprocess.PIPE,
            env=environment(NOW, ZONE, None),
            timeout=120,
        )
    assert result.returncode == 1
    assert result.stderr.decode() == "planner-tui: couldn't write: No space left on device.\n"
