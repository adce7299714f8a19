"""The daily loop from a shell at its edges, as a new user met them: dates without a month
or year, an empty time, two people with one name, steps not due yet, repeats that never come
round, times the clocks skip, and backups that must not replace what isn't theirs."""

from __future__ import annotations

import io
import json
import re
import shutil
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st
from rich.cells import cell_len

from planner_tui import words
from planner_tui.cli import read_stdin_text
from planner_tui.db.engine import Location, open_database
from planner_tui.services import people

from .runner import assert_one_line_error, run


@pytest.fixture
def home(tmp_path: Path, sqlite_template: Path) -> Path:
    """Monday 23 Nov 2026, 20:00 (the runner's clock): Ana and Ola on the map."""
    folder = tmp_path / "home"
    folder.mkdir()
    shutil.copy(sqlite_template, folder / "planner.db")
    database = open_database(Location(f"sqlite:///{folder / 'planner.db'}", folder))
    try:
        with database.write() as s:
            people.create_person(session=s, data={"name": "Ana"})
            people.create_person(session=s, data={"name": "Ola"})
    finally:
        database.dispose()
    return folder


@pytest.mark.parametrize(
    ("when", "planned"),
    [
        # was 19 Nov 2027, shown without year
        (["fri", "19"], "Friday 19 Feb 2027, 12:00 (in 2 months)"),
        (["19"], "Saturday 19 Dec, 12:00 (in 3 weeks)"),
        (["19th"], "Saturday 19 Dec, 12:00 (in 3 weeks)"),
        # was refused: 19 Nov 2027 is a Friday
        (["sat", "19"], "Saturday 19 Dec, 12:00 (in 3 weeks)"),
        # The next 29 February, over a year away: asked "is the year right?" of a year the
        # app chose, it was refused without --anyway (nu250).
        (["29", "feb"], "Tuesday 29 Feb 2028, 12:00 (in 15 months)"),
    ],
)
def test_a_day_number_plans_the_next_such_day_and_a_year_away_is_said(
    home: Path, when: list[str], planned: str
) -> None:
    result = run(home, "plan", "Ana", "x", *when)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Planned (#1): {planned} — x")


@pytest.mark.parametrize(
    ("when", "said"),
    [
        (["20/11", "18:00"], "20 Nov was 3 days ago"),
        (["22", "Nov"], "22 Nov was yesterday"),
        ([""], "the time is empty"),
        (["  "], "the time is empty"),
    ],
)
def test_a_time_just_passed_or_empty_is_refused_not_moved(
    home: Path, when: list[str], said: str
) -> None:
    assert_one_line_error(run(home, "plan", "Ana", "x", *when), 1, said)
    assert run(home, "plan").stderr.startswith("No small step is planned right now.")


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["declined", "1", "--another-time", ""], "--another-time is empty"),
        (["declined", "1", "--another-time", "  "], "--another-time is empty"),
        (["no-reply", "1", "--anyway", "--follow-up", ""], "--follow-up is empty"),
    ],
)
def test_an_empty_new_time_is_refused_not_passed_over(
    home: Path, argv: list[str], said: str
) -> None:
    """`declined 8 --another-time ''` (a script's unset variable) said "Noted: not now."
    and planned nothing; `no-reply --follow-up ''` planned the usual follow-up."""
    assert run(home, "plan", "Ana", "call", "tomorrow 6pm").returncode == 0
    assert_one_line_error(run(home, *argv), 1, said)
    listed = run(home, "plan").stdout
    assert listed.count("#") == 1 and "call" in listed, listed  # recorded nothing


def test_a_step_or_a_new_time_over_a_year_away_needs_anyway(home: Path) -> None:
    """`plan Ana x "in 1,000,000 days"` planned a step for 4764 without a word (it went to
    Today, the calendar export and a Markdown file named 4764-11.md)."""
    refused = run(home, "plan", "Ana", "x", "in 1,000,000 days")
    assert_one_line_error(refused, 1, "4764, 20:00, over a year from now — is the year right?")
    assert "Add --anyway to keep it." in refused.stderr
    assert run(home, "plan", "Ana", "x", "in 300 days").returncode == 0  # within a year
    later = run(home, "later", "1", "in 5 years")
    assert_one_line_error(later, 1, "2031, 20:00, over a year from now — is the year right?")
    kept = run(home, "plan", "Ana", "y", "in 3 years", "--anyway")
    assert kept.returncode == 0 and "2029" in kept.stdout, kept.stderr


def test_backup_replaces_only_an_earlier_backup(home: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    first = run(home, "backup", str(copy))
    assert first.stdout == f"Backed up to {copy}\n"
    again = run(home, "backup", str(copy))  # an earlier copy: taken again, and said so
    assert again.returncode == 0, again.stderr
    assert again.stdout == f"Backed up to {copy} (in place of the earlier backup there)\n"
    odd = tmp_path / "new\nline.db"  # a name's line break shows as a symbol, as elsewhere
    assert run(home, "backup", str(odd)).stdout == f"Backed up to {tmp_path}/new␊line.db\n"
    odd.unlink()
    # One file: looking at the earlier copy left its -wal and -shm beside it (a new user).
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("copy")] == ["copy.db"]
    # Never over a planner in use, its own or another home's: a new user's backup onto a
    # planner.db said "Backed up" and replaced it (and a running app wrote on into nothing).
    other = tmp_path / "other"
    assert run(other, "add", "Zed").returncode == 0
    for live, said in ((home / "planner.db", "is your planner itself"),
                       (other / "planner.db", "is a planner in use")):  # fmt: skip
        assert_one_line_error(run(home, "backup", str(live)), 1, said)
    assert "Zed" in run(other, "people").stdout and "Ana" in run(home, "people").stdout
    notes = tmp_path / "notes.txt"
    notes.write_text("my own words")
    link = tmp_path / "link.db"
    link.symlink_to(notes)
    for target, said in ((notes, "other than a planner-tui backup"), (link, "is a link")):
        assert_one_line_error(run(home, "backup", str(target)), 1, said)
    assert notes.read_text() == "my own words" and link.is_symlink()
    # A folder takes the copy under its dated name (it was refused: "choose a file name").
    folder = tmp_path / "folder"
    folder.mkdir()
    into = run(home, "backup", str(folder))
    assert into.returncode == 0, into.stderr
    [copy_in] = folder.iterdir()
    assert into.stdout == f"Backed up to {copy_in}\n" and copy_in.name.startswith("planner-")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]
    # A folder that isn't there, by its slash: it became a file of that name.
    for argv, said in ((["backup", f"{tmp_path}/nofolder/"], "There is no folder"),  # not
                       # argparse's "argument file: there is…" (nu163); an option is named
                       (["export", "-o", f"{tmp_path}/nofolder/"], "-o/--output: there is no folder")):  # fmt: skip
        assert_one_line_error(run(home, *argv), 2, f"{said} {tmp_path}/nofolder/")
    assert not (tmp_path / "nofolder").exists()
    # Another home's planner's log: a copy written as its -wal was deleted by that home's
    # next command, as any log SQLite finds beside a database with none of its own.
    other = tmp_path / "other"
    assert run(other, "add", "Bo").returncode == 0
    assert_one_line_error(run(home, "backup", str(other / "planner.db-wal")), 1,
                          "is the name of a database's own log")  # fmt: skip
    assert not (other / "planner.db-wal").exists()
    # A home typed with its slash is made, as one without it is; a file to read from
    # that isn't there is not one to "make first".
    fresh = run(tmp_path / "x", "--home", f"{tmp_path}/new home/", "add", "Bo")
    assert fresh.returncode == 0 and (tmp_path / "new home" / "planner.db").is_file()
    for argv in (["import", f"{tmp_path}/gone/"], ["restore", f"{tmp_path}/gone/", "--yes"]):
        assert_one_line_error(run(home, *argv), 1, f"{tmp_path}/gone.")
    nowhere = tmp_path / "no such folder" / "deeper"  # a mistyped folder: named, not made
    assert_one_line_error(run(home, "backup", str(nowhere / "x.db")), 1,
                          f"There is no folder {nowhere}")  # fmt: skip
    assert not (tmp_path / "no such folder").exists()


def test_two_people_with_one_name_are_told_apart_by_their_numbers(home: Path) -> None:
    for context in ("Choir", "Work"):
        added = run(home, "add", "Sam Jones", "--anyway", "--context", context)
        assert added.returncode == 0, added.stderr
    everyone = run(home, "people").stdout.splitlines()
    sams = [line for line in everyone if "Sam Jones" in line]
    assert [line.split()[0] for line in sams] == ["#3", "#4"]
    assert "Choir" in sams[0] and "Work" in sams[1]
    assert_one_line_error(
        run(home, "plan", "Sam", "call", "tomorrow"), 1, "Sam Jones (#3), Sam Jones (#4)"
    )
    planned = run(home, "plan", "#4", "call", "tomorrow", "6pm")
    assert planned.returncode == 0, planned.stderr
    # Whose step it is, by number: two steps "(Sam Jones)" were for two people.
    assert run(home, "plan", "#4").stdout == "#1  Tue 24 Nov, 18:00  call (Sam Jones (#4))\n"
    assert "Sam Jones has no small step planned" in run(home, "plan", "#3").stderr
    # What is said back says which of them (it said "Sam Jones" of either).
    assert run(home, "log", "#4").stdout.startswith("Saved: a contact with Sam Jones (#4), ")
    assert "for Sam Jones (#3) until" in run(home, "snooze", "#3", "3").stdout
    dated = run(home, "date", "#4", "birthday", "12 Apr").stdout
    assert dated == "Saved. Sam Jones (#4): Birthday 12 Apr.\n", dated
    assert run(home, "log", "Ana").stdout.startswith("Saved: a contact with Ana, ")
    assert_one_line_error(run(home, "log", "#99"), 1, "No one on your map has the number #99")
    # search's --person follows the same rule: both named, each by number; a number finds one
    assert run(home, "journal", "--day", "today", "Tea with @Ana after choir").returncode == 0
    assert_one_line_error(
        run(home, "search", "--person", "Sam", "choir"), 1, "Sam Jones (#3), Sam Jones (#4)"
    )
    assert_one_line_error(
        run(home, "search", "--person", "#99", "tea"), 1, "No one on your map has the number #99"
    )
    assert "Tea with @Ana after choir" in run(home, "search", "--person", "#1", "tea").stdout
    assert run(home, "search", "--person", "#2", "tea").stdout == ""  # Ola: not her entry


def test_a_step_not_due_yet_is_done_only_with_anyway(home: Path) -> None:
    assert run(home, "plan", "Ana", "call", "tomorrow", "6pm").returncode == 0
    for step in ("1", "#1", "Ana"):
        assert_one_line_error(
            run(home, "done", step), 1, "That step is due Tue 24 Nov, 18:00, still to come."
        )
    assert run(home, "plan").stdout.startswith("#1  Tue 24 Nov, 18:00  call (Ana)")
    done = run(home, "done", "Ana", "--anyway")
    assert done.returncode == 0, done.stderr
    # Every step has its outcome: none is planned *now* (it said "…planned yet").
    assert run(home, "plan").stderr.startswith("No small step is planned right now.")


def test_a_time_over_a_year_ago_is_asked_about_and_kept_only_with_anyway(home: Path) -> None:
    """`done 3 --when 2020-01-01` for a step planned today kept 2020 without a word, and
    the Map then had Ana six years overdue; the app's forms ask "is the year right?". The
    command line can't ask: it refuses, and --anyway keeps it. The day it was counted on is
    said when it isn't now."""
    assert run(home, "plan", "Ana", "say hi", "now").returncode == 0
    for argv, shown in (
        (["done", "1", "--when", "2020-01-01"], "Wed 1 Jan 2020, 12:00"),
        (["log", "Ola", "--when", "2019-05-05 3pm"], "Sun 5 May 2019, 15:00"),
        (["journal", "--day", "2025-11-21", "long ago"], "Fri 21 Nov 2025"),
    ):
        refused = run(home, *argv)
        assert_one_line_error(refused, 1, f"That is {shown}, over a year ago — is the year right?")
        assert "Add --anyway to keep it." in refused.stderr
    exported = json.loads(run(home, "export", "--format", "json").stdout)
    assert exported["tables"]["interaction"] == [] == exported["tables"]["journal_entry"]
    # A year ago to the day is not asked about.
    assert run(home, "journal", "--day", "2025-11-23", "a year ago").returncode == 0
    done = run(home, "done", "1", "--when", "2020-01-01", "--anyway")
    assert done.returncode == 0, done.stderr
    assert "Counted as in touch Wed 1 Jan 2020, 12:00." in done.stdout
    assert run(home, "log", "Ola", "--when", "2019-05-05 3pm", "--anyway").returncode == 0
    assert run(home, "plan", "Ana", "wave", "now").returncode == 0
    assert "Counted as" not in run(home, "done", "2").stdout  # now: nothing more to say


def test_declining_a_repeat_with_another_time_says_which_is_which(home: Path) -> None:
    planned = run(home, "plan", "Ana", "text", "sat", "10am", "--repeat", "weekly")
    assert planned.returncode == 0, planned.stderr
    declined = run(home, "declined", "1", "--another-time", "sun 10am", now="2026-11-28T12:00:00")
    assert declined.returncode == 0, declined.stderr
    assert "Just this once (#2): Sun 29 Nov, 10:00 — text" in declined.stdout
    assert "The series goes on (#3): Sat 5 Dec, 10:00 — text" in declined.stdout
    assert "Next" not in declined.stdout


def test_another_day_said_without_a_time_keeps_the_steps_time_of_day(home: Path) -> None:
    """'Not now' with another time 'next week', and a move to 'mon': the step's 18:15
    stays (it became midday); a time said is the time said."""
    assert run(home, "plan", "Ana", "call", "fri", "18:15").returncode == 0
    declined = run(home, "declined", "1", "--another-time", "next week", "--anyway")  # asked ahead
    assert declined.returncode == 0, declined.stderr
    assert "Mon 30 Nov, 18:15" in declined.stdout, declined.stdout
    moved = run(home, "later", "2", "tue")
    assert moved.returncode == 0, moved.stderr
    assert "Tue 24 Nov, 18:15" in moved.stdout, moved.stdout
    again = run(home, "later", "3", "wed", "9am")
    assert "Wed 25 Nov, 09:00" in again.stdout, again.stdout


def test_a_time_the_clocks_skip_is_said_and_kept_as_listed(home: Path) -> None:
    planned = run(home, "plan", "Ana", "x", "2027-03-28", "01:30")
    assert planned.returncode == 0, planned.stderr
    assert planned.stdout.splitlines()[:2] == [
        "Planned (#1): Sunday 28 Mar 2027, 02:30 (in 4 months) — x (Ana)",
        "01:30 doesn't exist that night (the clocks go forward), so it is 02:30 instead.",
    ]
    sunday = "2027-03-21T12:00:00"
    assert run(home, "plan", "Ola", "call", "2027-03-21 01:30", "--repeat", "weekly",
               now="2027-03-20T12:00:00").returncode == 0  # fmt: skip
    done = run(home, "done", "Ola", now=sunday)
    assert done.returncode == 0, done.stderr
    assert "The series goes on (#3): Sun 28 Mar, 02:30 — call" in done.stdout  # was 01:30
    assert "#3  Sun 28 Mar, 02:30  call (Ola)" in run(home, "plan", "Ola", now=sunday).stdout
    # A contact logged at such a time says so too (it was moved without a word: nu278).
    logged = run(home, "log", "Ana", "--when", "2026-03-29 01:30", "--how", "call")
    assert logged.stdout.splitlines()[:2] == [
        "Saved: a contact with Ana, Sun 29 Mar, 02:30 (call / video).",
        "01:30 doesn't exist that night (the clocks go forward), so it is 02:30 instead.",
    ]


@pytest.mark.parametrize(
    ("argv", "code", "said"),
    [
        (["plan", "", "x", "tomorrow"], 1, "Say who: the name is empty"),  # was: add ''
        (["later", "#", "tomorrow"], 1, "Say who: the name is empty"),
        (["later", "9" * 23, "tomorrow"], 1, "There is no 23-digit step number."),  # not cut
        (["log", "#" + "9" * 23], 1, "No one on your map has a 23-digit number."),
        (["later", "99", "tomorrow"], 1, "There is no step #99."),  # was "No step with id 99."
        (["log", "Ana", "--how", "fax"], 2, "say in-person, call, text, social or other"),
        (["no-reply", "1", "--follow-up", "in 2 days", "--no-follow-up"], 2, "opposite things"),
    ],
)
def test_small_refusals_say_it_plainly(home: Path, argv: list[str], code: int, said: str) -> None:
    assert run(home, "plan", "Ana", "call", "tomorrow", "6pm").returncode == 0
    assert_one_line_error(run(home, *argv), code, said)
    assert "in_person" not in run(home, *argv).stderr
    assert run(home, "plan").stdout.startswith("#1  Tue 24 Nov, 18:00  call (Ana)")


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["search", "👋"], "emoji, punctuation and OR alone can't be searched"),
        (
            ["journal", "--warmth", "w" * 20_001, "hi"],
            "What brought warmth is 20,001 characters long; it can be at most 20,000, so nothing",
        ),
    ],
)
def test_refusals_name_what_to_change(home: Path, argv: list[str], said: str) -> None:
    assert_one_line_error(run(home, *argv), 1, said)
    assert run(home, "people").stdout.count("\n") == 2  # Ana and Ola only: nothing was added
    assert run(home, "search", "hi").stdout == ""


@pytest.mark.parametrize("years", ["0", "-1", "201", "lots", "nan"])
def test_a_demo_span_out_of_range_is_a_usage_error(home: Path, years: str) -> None:
    """Exit 2, as other options out of range (`remind --within 0`); it was 1 (nu243)."""
    assert_one_line_error(run(home, "demo", "--years", years), 2,
                          "should be more than 0 and at most 200")  # fmt: skip
    assert run(home, "people").stdout.count("\n") == 2  # nothing was added


def test_an_entry_too_long_is_refused_with_its_length(home: Path) -> None:
    assert_one_line_error(
        run(home, "journal", stdin="x" * 200_001), 1,
        "The entry is 200,001 characters long; it can be at most 200,000, so nothing was saved",
    )  # fmt: skip


@pytest.mark.parametrize("end", ["\n", "\r\n", ""], ids=["echo", "windows", "none"])
def test_piped_text_is_kept_without_the_line_end_that_closes_it(home: Path, end: str) -> None:
    """`echo … | planner-tui journal` stored the text with echo's newline, which also
    counted towards the longest entry allowed (200,000 characters plus it was refused).
    Windows' line ends inside are line ends too (their CR showed as ␍ in the app, nu190)."""
    longest = "x" * 199_998 + "yz"
    line = end or "\n"
    assert run(home, "journal", "--day", "yesterday", stdin=longest + end).returncode == 0
    assert run(home, "journal", stdin=f"two lines{line}{line}kept as typed{end}").returncode == 0
    exported = json.loads(run(home, "export").stdout)
    bodies = sorted(entry["body"] for entry in exported["tables"]["journal_entry"])
    assert bodies == sorted([longest, "two lines\n\nkept as typed"]), [b[-5:] for b in bodies]


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\r"), max_size=60))
def test_piped_text_reads_the_same_whatever_its_line_ends(text: str) -> None:
    """Read as piped (bytes, as a shell sends them): Windows' line ends are line ends, and
    the one closing the text is not part of it — whatever the text (nu190)."""
    for end in ("\n", "\r\n"):
        piped = (text.replace("\n", end) + end).encode()
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(piped), encoding="utf-8"))
            assert read_stdin_text() == text, end


def test_log_to_a_context_not_on_the_map_says_how_to_add_it(home: Path) -> None:
    assert_one_line_error(
        run(home, "log", "Ana", "--context", "New choir"),
        1,
        "No part of life called 'New choir' on your map yet. Add it on the Map's Contexts tab "
        "(3, then n), or with someone new to your map: planner-tui add NAME --context 'New choir'",
    )
    assert run(home, "add", "Ana", "--context", "New choir", "--anyway").returncode == 0
    assert run(home, "log", "Ana", "--context", "New choir").returncode == 1  # two Anas now
    assert run(home, "log", "#1", "--context", "New choir").returncode == 0


def test_a_follow_up_keeps_the_steps_time_of_day_never_the_small_hours(home: Path) -> None:
    """Issue 16: at 03:33, no reply to Wed 2 Dec 18:00 (sent early) follows up on Fri 4 Dec
    at 18:00 (3 days after it was sent, the step's time of day), not 'Fri 4 Dec, 03:33'."""
    assert run(home, "plan", "Ana", "call", "2026-12-02", "18:00").returncode == 0
    quiet = run(home, "no-reply", "Ana", "--anyway", now="2026-12-01T03:33:00")  # sent early
    assert quiet.returncode == 0, quiet.stderr
    assert "Next (#2): Fri 4 Dec, 18:00 — gently follow up: call" in quiet.stdout
    assert "03:3" not in quiet.stdout


def test_a_follow_up_to_a_step_settled_early_counts_from_then(home: Path) -> None:
    """Reached out on Tuesday for a step planned for Friday, and no reply: the follow-up
    was offered for the Monday after the step, and "in 2 days" refused as before the step
    itself — which, done early, was days past. It counts from when it was settled."""
    assert run(home, "plan", "Ana", "call", "2026-12-04", "19:00").returncode == 0
    quiet = run(home, "no-reply", "1", "--anyway", now="2026-12-01T03:33:00")  # sent early
    assert quiet.returncode == 0, quiet.stderr
    assert "Next (#2): Fri 4 Dec, 19:00 — gently follow up: call" in quiet.stdout
    assert run(home, "plan", "Ola", "call", "2026-12-11", "19:00").returncode == 0
    chosen = run(home, "no-reply", "3", "--anyway", "--follow-up", "in 2 days")
    assert chosen.returncode == 0, chosen.stderr
    assert "Next (#4): Wed 25 Nov, 19:00 — gently follow up: call" in chosen.stdout  # its time


def test_no_reply_to_a_follow_up_plans_no_third_nudge(home: Path) -> None:
    """`no-reply` on the follow-up planned a third try at the same time, and said there was
    no need to nudge again (nu239); the app offers none."""
    assert run(home, "plan", "Ana", "call", "2026-11-24", "19:00").returncode == 0
    first = run(home, "no-reply", "1", "--anyway")
    assert "Next (#2): Thu 26 Nov, 19:00 — gently follow up: call" in first.stdout, first.stdout
    second = run(home, "no-reply", "2", "--anyway")
    assert second.returncode == 0, second.stderr
    assert "Next" not in second.stdout and "There is no need to nudge again" in second.stdout
    assert "#3" not in run(home, "plan").stdout
    # One asked for all the same (--follow-up) is planned, and not told off (nu279).
    assert run(home, "plan", "Ola", "call", "2026-11-24", "19:00").returncode == 0
    assert run(home, "no-reply", "3", "--anyway").returncode == 0
    asked = run(home, "no-reply", "4", "--anyway", "--follow-up", "sat 10am")
    assert "Next (#5): Sat 28 Nov, 10:00 — gently follow up: call" in asked.stdout, asked.stdout
    assert words.NO_REPLY_AGAIN in asked.stdout and "no need to nudge" not in asked.stdout


def test_a_monthly_step_from_the_31st_says_where_shorter_months_fall(home: Path) -> None:
    """ "Repeats every month." of a call on the 31st (nu239)."""
    planned = run(home, "plan", "Ana", "call", "2026-12-31", "19:00", "--repeat", "monthly")
    assert planned.returncode == 0, planned.stderr
    assert "Repeats every month, on the last day of a shorter month." in planned.stdout


def test_a_long_past_step_follows_up_tomorrow_at_its_time(home: Path) -> None:
    """Its 3 days have gone by: the follow-up is the next day at the step's time of day."""
    assert run(home, "plan", "Ana", "call", "2026-11-24", "18:00").returncode == 0
    quiet = run(home, "no-reply", "1", now="2026-12-01T03:33:00")
    assert "Next (#2): Wed 2 Dec, 18:00 — gently follow up: call" in quiet.stdout


def test_no_reply_to_a_repeat_says_next_for_its_follow_up(home: Path) -> None:
    planned = run(home, "plan", "Ana", "text", "sat", "10am", "--repeat", "weekly")
    assert planned.returncode == 0, planned.stderr
    quiet = run(home, "no-reply", "1", now="2026-11-28T12:00:00")
    assert quiet.returncode == 0, quiet.stderr
    assert "Next (#2): Tue 1 Dec, 10:00 — gently follow up: text" in quiet.stdout
    assert "The series goes on (#3): Sat 5 Dec, 10:00 — text" in quiet.stdout
    assert "Just this once" not in quiet.stdout
    # Its own backup, next: "Just this once" is for the step itself at another time.
    backed = run(home, "plan", "Ola", "text", "sat", "10am", "--repeat", "weekly",
                 "--backup", "if no answer, a voice note the next evening")  # fmt: skip
    assert backed.returncode == 0, backed.stderr
    quiet = run(home, "no-reply", "4", now="2026-11-28T12:00:00")
    # On the evening it names, without "the next evening", which then meant a day later.
    assert "Next (#5): Sun 29 Nov, 19:00 — gently follow up: a voice note\n" in quiet.stdout
    assert "Just this once" not in quiet.stdout


def test_a_repeat_starts_on_its_first_day_on_or_after_the_time_chosen(home: Path) -> None:
    """Issue 16: 'tomorrow 6pm' is Tue 24 Nov; 'every mon and thu' starts Thu 26 Nov, 18:00,
    and says so."""
    planned = run(home, "plan", "Ana", "call", "tomorrow", "6pm", "--repeat", "every mon and thu")
    assert planned.returncode == 0, planned.stderr
    assert planned.stdout.startswith(
        "Planned (#1): Thursday 26 Nov, 18:00 (in 3 days) — call (Ana)"
    )
    assert (
        "Tue 24 Nov, 18:00 isn't one of the days it repeats on, so it starts on Thu 26 Nov, 18:00."
        in planned.stdout
    )
    assert run(home, "plan").stdout.startswith("#1  Thu 26 Nov, 18:00")
    weekly = run(home, "plan", "Ana", "text", "tomorrow", "6pm", "--repeat", "weekly")
    assert "isn't one of the days" not in weekly.stdout


def test_people_line_up_in_columns_whatever_the_script(home: Path) -> None:
    """A name with combining marks pushed its row's columns out of line (a new user)."""
    for name in ("Zoé̈ Ångström", "陳大文", "Layla لیلا"):
        assert run(home, "add", name).returncode == 0
    listed = [line for line in run(home, "people").stdout.splitlines() if line.startswith("#")]
    assert len(listed) == 5, listed  # with Ana and Ola, already there
    circle_at = {cell_len(line[: line.index("middle")]) for line in listed if "middle" in line}
    assert len(circle_at) == 1, listed


def test_a_word_from_a_list_is_taken_whatever_its_case(home: Path) -> None:
    """`--circle Inner` was refused ("invalid choice: 'Inner'") where `--how In_Person` was
    taken; every such word is now read as --how is."""
    added = run(home, "add", "Dee", "--circle", "Inner")
    assert added.returncode == 0 and "inner circle" in added.stdout, added.stderr
    logged = run(home, "log", "Dee", "--who-reached-out", "Them", "--gave", " Emotional ")
    assert logged.returncode == 0, logged.stderr
    [contact] = json.loads(run(home, "export", "--format", "JSON").stdout)["tables"]["interaction"]
    assert (contact["initiator"], contact["gave_emotional"]) == ("them", True)
    assert_one_line_error(run(home, "add", "Eve", "--circle", "nope"), 2, "invalid choice: 'nope'")


def test_support_is_taken_in_the_apps_words_too(home: Path) -> None:
    """The app's form says "I listened / comforted", its pages "Listening"; `--gave
    listening` was refused: "choose from 'emotional', 'practical'" (nu167)."""
    run(home, "add", "Dee")
    logged = run(home, "log", "Dee", "--gave", "listening", "--got", "help")
    assert logged.returncode == 0, logged.stderr
    [contact] = json.loads(run(home, "export", "--format", "json").stdout)["tables"]["interaction"]
    assert [k for k in ("gave_emotional", "gave_practical", "got_emotional", "got_practical")
            if contact[k]] == ["gave_emotional", "got_practical"]  # fmt: skip


def test_a_part_of_life_found_by_the_start_of_its_name_is_said(home: Path) -> None:
    """`add Kim --context Book` put Kim in "Book club, Tuesdays" without a word, where a
    new part of life says so: which one it is, is said."""
    assert run(home, "add", "Cy", "--context", "Book club, Tuesdays").returncode == 0
    joined = run(home, "add", "Kim", "--context", "Book")
    assert joined.returncode == 0, joined.stderr
    assert joined.stdout.splitlines()[1:] == [
        "In your middle circle; part of Book club, Tuesdays.",
        "'Book' is Book club, Tuesdays, already on your map (the start of its name).",
    ]
    whole = run(home, "add", "Lou", "--context", "book club, tuesdays")
    assert "already on your map" not in whole.stdout  # its whole name: nothing to say


def test_a_place_names_its_step_as_a_person_does(home: Path) -> None:
    """`no-reply Choir` said "No one called 'Choir' on your map. To add them: planner-tui
    add Choir", of a part of life on the map with a step toward it: a name that is no
    one's and is a part of life's names the step toward it."""
    assert run(home, "add", "Cy", "--context", "Choir").returncode == 0
    assert run(home, "plan", "--context", "Choir", "go to the choir", "today 9pm").returncode == 0
    refused = run(home, "no-reply", "choir")  # a place can't reply: said, as for its number
    assert_one_line_error(refused, 1, "place")
    done = run(home, "done", "Choir")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("#1: Monday 23 Nov, 21:00 — go to the choir\nDone.")
    assert_one_line_error(run(home, "done", "Choir"), 1, "Choir has no small step planned.")


def test_another_time_onto_a_step_just_like_it_asks_first(home: Path) -> None:
    """`later` (and declined --another-time) to the day and hour an earlier step of the
    same words already has planned it twice, three times, without a word, where `plan` and
    the wizard ask first."""
    assert run(home, "plan", "Ana", "call", "sat 6pm").returncode == 0
    assert run(home, "plan", "Ana", "call", "sun 6pm").returncode == 0
    refused = run(home, "later", "2", "sat", "6pm")
    assert_one_line_error(refused, 1, "is already on your plan (#1), just like this.")
    assert "Choose another time, or add --anyway to have both." in refused.stderr
    declined = run(home, "declined", "2", "--another-time", "sat 6pm")
    assert_one_line_error(declined, 1, "is already on your plan (#1), just like this.")
    # The first of the two, onto the second's time: it found itself, and said nothing.
    assert run(home, "plan", "Ana", "call", "sun 6pm", "--anyway").returncode == 0  # 2 and 3
    first = run(home, "declined", "2", "--another-time", "sun 6pm")
    assert_one_line_error(first, 1, "is already on your plan (#3), just like this.")
    assert_one_line_error(run(home, "declined", "2", "--another-time", "sun 6pm", "--anyway"),
                          1, "That is the time it has now")  # fmt: skip
    assert run(home, "later", "2", "sat", "6pm", "--anyway").returncode == 0
    listed = [line.split()[0] for line in run(home, "plan").stdout.splitlines()]
    assert listed == ["#1", "#4", "#3"]


def test_one_time_of_a_repeat_moved_onto_its_series_next_time_asks_first(home: Path) -> None:
    """`later 1 "thu 11pm"` on the Monday of "every mon and thu" planned that Thursday twice:
    the time moved, and the series going on from it (nu125); so did a later Thursday, once
    the series came round to it (nu132)."""
    planned = run(home, "plan", "Ana", "walk with Ana", "mon 11pm", "--repeat", "every mon and thu")
    assert planned.returncode == 0, planned.stderr
    refused = run(home, "later", "1", "thu 11pm")
    assert_one_line_error(refused, 1, "is a time this repeating step (#1) comes round at already.")
    assert "Thursday 26 Nov, 23:00" in refused.stderr
    assert run(home, "declined", "1", "--another-time", "thu 11pm").returncode == 1
    # Any later time it comes round at, not only the next (nu132).
    assert run(home, "later", "1", "3 dec 11pm").returncode == 1
    moved = run(home, "later", "1", "wed 11pm")  # another time is moved, as before
    assert moved.returncode == 0, moved.stderr
    listed = run(home, "plan").stdout
    assert listed.count("Wed 25 Nov, 23:00") == 1 and listed.count("Thu 26 Nov, 23:00") == 1
    assert run(home, "later", "2", "thu 11pm", "--anyway").returncode == 0  # asked for: both
    assert run(home, "plan").stdout.count("Thu 26 Nov, 23:00") == 2


def test_an_empty_day_is_refused_not_taken_as_today(home: Path) -> None:
    """`journal "x" --day ""` (a script's empty variable) saved for today, where an empty
    --person or --home is refused."""
    for empty in ("", "  "):
        assert_one_line_error(run(home, "journal", "x", "--day", empty), 2, "--day needs a day")
    exported = json.loads(run(home, "export", "--format", "json").stdout)
    assert exported["tables"]["journal_entry"] == []


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["log", "Ana", "--when", " "], "argument --when: needs a time"),  # logged now
        (["log", "Ana", "--context", ""], "argument --context: needs the name of a part"),
        (["plan", "Ana", "x", "fri", "--repeat", ""], "argument --repeat: needs a repeat"),
        (["plan", "--context", "", "go", "fri"], "argument --context: needs the name"),
        (["add", "Eve", "--rhythm", ""], "argument --rhythm: needs a rhythm"),  # none, unsaid
        (["add", "Eve", "--context", " "], "argument --context: needs the name of a part"),
        (["search", "walk", "--from", ""], "argument --from: needs a day"),  # searched all
        (["search", "walk", "--until", ""], "argument --until: needs a day"),
        (["search", "walk", "--mood", ""], "argument --mood: needs a score"),  # ignored
        (["review", "--month", ""], "argument --month: needs a month"),  # this month's
        (["export", "--format", "markdown", "--month", " "], "argument --month: needs"),  # all
    ],
)
def test_an_empty_value_is_refused_not_taken_as_left_out(
    home: Path, argv: list[str], said: str
) -> None:
    """A script's unset variable: `log Ana --when ""` logged a contact now, `--repeat ""`
    planned a step once, `--rhythm ""` added someone with none, all without a word (nu226)."""
    before = run(home, "export", "--format", "json").stdout
    assert_one_line_error(run(home, *argv), 2, said)
    assert run(home, "export", "--format", "json").stdout == before


def test_plan_with_an_own_library_it_cant_read_says_so_and_still_offers(home: Path) -> None:
    """A typo in one's own actions.toml quietly lost `plan`'s smaller offer."""
    (home / "actions.toml").write_text("hello = 3\n", encoding="utf-8")
    done = run(home, "plan", "Ana", "give Ana a ten-minute call", "tue 6pm", "--sure", "3")
    assert done.returncode == 0, done.stderr
    assert f"Your {home / 'actions.toml'} couldn't be used" in done.stderr
    assert "How about: send Ana a voice note?" in done.stdout, done.stdout


def test_no_dates_yet_names_someone_by_number_when_their_name_is_shared(home: Path) -> None:
    """`date "#3"` said "Add one: planner-tui date Ana birthday 12 Apr", which then said
    "'Ana' could be Ana (#1), Ana (#3)"."""
    added = run(home, "add", "Ana", "--anyway")
    assert added.returncode == 0, added.stderr
    numbers = [int(n) for n in re.findall(r"#(\d+)", run(home, "people").stdout)]
    second = max(numbers)
    said = run(home, "date", f"#{second}").stderr
    assert said == f"No dates for Ana yet. Add one: planner-tui date '#{second}' birthday 12 Apr\n"
    assert run(home, "date", "Ola").stderr.endswith("planner-tui date Ola birthday 12 Apr\n")


def test_people_to_reach_with_one_name_are_told_apart_by_number(home: Path) -> None:
    """Today's "People you might like to reach" listed two people called Ana as "Ana" and
    "Ana", both past their rhythm."""
    database = open_database(Location(f"sqlite:///{home / 'planner.db'}", home))
    try:
        with database.write() as s:
            twin = people.create_person(session=s, data={"name": "ana"}).id
            first = next(p.id for p in people.list_people(session=s) if p.name == "Ana")
            for pid in (first, twin):
                people.update_person(session=s, person_id=pid, data={"cadence_days": 7})
                people.log_interaction(session=s, data={
                    "person_ids": [pid], "occurred_at": datetime(2026, 10, 1, 12, tzinfo=UTC)})  # fmt: skip
    finally:
        database.dispose()
    said = run(home, "today").stdout  # the one it names first says which Ana
    assert f"You might like to reach Ana (#{first}) — last in touch" in said, said


def test_journal_contact_with_no_one_named_is_refused_not_saved(home: Path) -> None:
    """`journal "met up" --contact` saved, counting no one as in touch, without a word."""
    assert_one_line_error(
        run(home, "journal", "met up", "--contact"),
        1,
        "--contact counts those the words name with @ as in touch that day, and they name "
        "no one: add @Name, or leave --contact out.",
    )
    assert_one_line_error(
        run(home, "journal", "met @Nobody", "--contact"),
        1,
        "and they link no one. Not linked: @Nobody is no one on your map. Nothing was saved",
    )
    assert run(home, "search", "met").stderr == "No entries match.\n"
    saved = run(home, "journal", "met @Ola", "--contact")
    assert saved.stdout == "Saved the check-in for Monday 23 November 2026, in touch with Ola.\n"


def test_a_check_in_names_two_people_of_one_name_apart(home: Path) -> None:
    """With two people called Mo, a check-in with the second said "in touch with Mo": which
    one only its form said (nu126). Named as lists name them, with their number."""
    assert run(home, "add", "Mo").returncode == 0
    assert run(home, "add", "Mo", "--anyway").returncode == 0
    saved = run(home, "journal", "coffee with @#3", "--contact")
    assert (
        saved.stdout == "Saved the check-in for Monday 23 November 2026, in touch with Mo (#3).\n"
    )
    alone = run(home, "journal", "tea with @Ola", "--day", "yesterday", "--contact")
    assert alone.stdout.endswith("in touch with Ola.\n")  # one of that name: no number


def test_a_name_written_with_its_space_links_that_person_not_the_first_name(
    home: Path,
) -> None:
    """`journal "Lunch with @Carla B. today" --contact`, beside a Carla: "in touch with
    Carla" (nu151). The search reads `@Carla B.` the same way."""
    for name in ("Carla", "Carla B."):
        assert run(home, "add", name, "--anyway").returncode == 0
    saved = run(home, "journal", "Lunch with @Carla B. today", "--contact")
    assert saved.stdout.endswith("in touch with Carla B.\n"), saved.stdout
    assert run(home, "journal", "tea, @Carla", "--day", "yesterday").returncode == 0
    found = run(home, "search", "@Carla B.").stdout
    assert "Lunch with" in found and "tea" not in found, found
    assert "Lunch with" in run(home, "search", "@Carla B., lunch").stdout  # not "#3,"
    # Two called Carla: --contact says which could be meant, not "no one" (nu152).
    assert run(home, "add", "Carla", "--anyway").returncode == 0
    assert_one_line_error(
        run(home, "journal", "lunch with @Carla", "--contact"), 1, "@Carla could be Carla (#"
    )


READING = [["people"], ["search", "walk"], ["backup"], ["export", "--format", "json"],
           ["review"], ["plan"]]  # fmt: skip


@pytest.mark.parametrize("command", READING, ids=lambda command: command[0])
def test_a_command_that_only_reads_refuses_a_home_with_no_planner(
    tmp_path: Path, command: list[str]
) -> None:
    """A mistyped --home made an empty planner, and `people` said "No one on your map yet",
    `export` wrote an empty file and `backup` "Backed up" nothing."""
    typo = tmp_path / "typo"
    assert_one_line_error(
        run(typo, *command),
        1,
        f"There is no planner in {typo} yet: check --home or PLANNER_TUI_HOME (planner-tui, "
        "or planner-tui add NAME, starts one there).",
    )
    assert not typo.exists()
    assert run(typo, "today").returncode == 0 and not typo.exists()  # a shell's start: quiet


@pytest.mark.parametrize("command", READING, ids=lambda command: command[0])
def test_a_command_that_only_reads_refuses_a_db_file_that_isnt_there(
    home: Path, tmp_path: Path, command: list[str]
) -> None:
    """The same with --db naming a file: a typo made an empty planner, and `people` said no
    one was on the map, `export` wrote nothing and `backup` "Backed up" nothing (nu163)."""
    typo = tmp_path / "elsewhere" / "typo.db"
    typo.parent.mkdir()
    assert_one_line_error(
        run(home, "--db", f"sqlite:///{typo}", *command),
        1,
        f"There is no planner at {typo} yet: check --db (planner-tui --db … add NAME starts "
        "one there).",
    )
    assert list(typo.parent.iterdir()) == []


def test_an_export_takes_its_format_from_its_name_and_is_read_back_by_its_content(
    home: Path, tmp_path: Path
) -> None:
    """`export -o notes.md` wrote JSON into a file named Markdown (and a later Markdown
    export there was refused as "an earlier JSON export"); the JSON export kept under
    another name, `all.json.keep`, was taken for a jrnl journal with no entries."""
    for name, begins in (("notes.md", "# planner-tui — "), ("steps.ics", "BEGIN:VCALENDAR"),
                         ("all.json.keep", '{\n "format": "planner-tui"')):  # fmt: skip
        written = run(home, "export", "-o", str(tmp_path / name))
        assert written.returncode == 0, written.stderr
        assert (tmp_path / name).read_text(encoding="utf-8").startswith(begins), name
    again = run(home, "export", "--format", "markdown", "-o", str(tmp_path / "notes.md"))
    assert again.returncode == 0, again.stderr
    fresh = run(tmp_path / "fresh", "import", str(tmp_path / "all.json.keep"))
    assert fresh.stdout.startswith("Imported 2 people"), fresh.stderr


@pytest.mark.parametrize("variable", ["PLANNER_TUI_HOME", "PLANNER_TUI_DATABASE_URL"])
def test_a_home_or_database_set_but_empty_is_refused_not_the_default(
    monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    """`PLANNER_TUI_HOME= planner-tui people` read the planner in the default folder (a
    script's variable left empty), where `--home ""` is refused."""
    from planner_tui.config import Settings
    from planner_tui.errors import PlannerError

    monkeypatch.setenv(variable, " ")
    with pytest.raises(PlannerError, match=f"{variable} is set but empty: unset it"):
        Settings()
    assert Settings(home=Path("/somewhere"), database_url="sqlite:////x.db").home == Path(
        "/somewhere"
    )  # given on the command line, the variable is not read


def test_the_number_of_someone_archived_says_they_are_archived(home: Path) -> None:
    """`date '#6'` of someone archived: "No one on your map has the number #6. planner-tui
    people shows them" — and `people` doesn't list the archived."""
    from planner_tui.db.engine import Location, open_database

    database = open_database(Location(f"sqlite:///{home / 'planner.db'}", home))
    try:
        with database.write() as s:
            old = people.create_person(session=s, data={"name": "Sam Old"}).id
            people.update_person(session=s, person_id=old, data={"archived": True})
    finally:
        database.dispose()
    for command in (["date", f"#{old}"], ["log", f"#{old}"], ["snooze", f"#{old}"]):
        assert_one_line_error(run(home, *command), 1, "Sam Old is archived. Bring them back")


def test_a_birthday_still_to_come_is_refused_and_an_anniversary_is_not(home: Path) -> None:
    """`date Zed birthday 2030-01-01` was saved, and the person form took a birthday of
    31 Dec 9999: a birthday's year is the year someone was born. Said as a sentence of its
    own (it began "Day: a birthday's…", nu250)."""
    assert_one_line_error(
        run(home, "date", "Ana", "birthday", "2030-01-01"),
        1,
        "planner-tui: A birthday's year is the year they were born, and 1 Jan 2030 is still "
        "to come.",
    )
    assert run(home, "date", "Ana", "birthday", "1 Jan").returncode == 0  # no year: fine
    planned = run(home, "date", "Ana", "anniversary", "2030-01-01")  # a wedding to come
    assert planned.returncode == 0, planned.stderr


def test_a_commands_options_may_come_between_its_words(home: Path) -> None:
    """`plan Ana walk --repeat weekly tomorrow` was "unrecognized arguments: tomorrow", and
    an option before the step's words left them all unread (nu251)."""
    planned = run(home, "plan", "Ana", "walk", "--repeat", "weekly", "tomorrow", "9am")
    assert planned.returncode == 0, planned.stderr
    assert planned.stdout.startswith("Planned (#1): Tuesday 24 Nov, 09:00 (tomorrow) — walk (Ana)")
    planned = run(home, "plan", "Ola", "--how", "call", "ring", "fri", "7pm")
    assert planned.returncode == 0, planned.stderr
    assert planned.stdout.startswith("Planned (#2): Friday 27 Nov, 19:00 (in 4 days) — ring (Ola)")
    # What follows a -- is still words, however it begins, with options before it placed
    # among the words too ("unrecognized arguments: -- -y", nu258).
    assert run(home, "plan", "Ana", "--", "-x", "sat", "10am").returncode == 0
    planned = run(home, "plan", "Ana", "--how", "call", "--", "-y", "sun", "10am")
    assert planned.returncode == 0, planned.stderr
    assert "-x (Ana)" in run(home, "plan").stdout and "-y (Ana)" in run(home, "plan").stdout


def test_a_person_said_with_context_is_said_to_be_left_out(home: Path) -> None:
    """With --context the words move up one place: a person said too made the step's words
    the person's name and the time "x tomorrow 8am", which it couldn't read (nu251)."""
    assert run(home, "add", "Choir singer", "--context", "Choir").returncode == 0
    assert_one_line_error(
        run(home, "plan", "--context", "Choir", "Ana", "x", "tomorrow", "8am"),
        2,
        "with --context the step is toward the place, so leave the person out: "
        'planner-tui plan --context NAME "ACTION" WHEN',
    )
    assert run(home, "plan", "--context", "Choir", "x", "tomorrow", "8am").returncode == 0


def test_the_start_of_a_name_says_whom_it_could_be(home: Path) -> None:
    """`log Maxi` and `log 王` said "No one called …", where the app's boxes that ask who
    find Maximilian and 王小明 by it (nu257): whom it could be is said, and nothing is done
    (it may be someone new)."""
    for name in ("Maximilian Bauer", "王小明"):
        assert run(home, "add", name).returncode == 0
    assert_one_line_error(
        run(home, "log", "Maxi"),
        1,
        "'Maxi' could be Maximilian Bauer (#3). Say their whole name or surname, or the "
        "number (#3).",
    )
    assert_one_line_error(run(home, "plan", "王", "call", "fri"), 1, "'王' could be 王小明 (#4).")


def test_a_step_whose_part_of_life_was_deleted_is_listed_toward_somewhere_new(home: Path) -> None:
    """nu273: `plan` listed it as its words alone ("go for twenty minutes"), where Today and
    Plan say it is toward somewhere new."""
    assert run(home, "add", "Cy", "--context", "Choir").returncode == 0
    assert (
        run(home, "plan", "--context", "Choir", "go for twenty minutes", "thu 7pm").returncode == 0
    )
    assert "go for twenty minutes (Choir)" in run(home, "plan").stdout
    database = open_database(Location(f"sqlite:///{home / 'planner.db'}", home))
    try:
        with database.write() as s:
            [choir] = people.list_contexts(session=s)
            people.delete_context(session=s, context_id=choir.id)
    finally:
        database.dispose()
    assert "go for twenty minutes (somewhere new)" in run(home, "plan").stdout


@pytest.mark.parametrize(
    "zone", ["Invalid/Zone", "/etc/passwd", "../../etc/passwd", "Etc/GMT+14", "Lodnon"]
)
def test_a_time_zone_no_one_knows_is_said_not_passed_over(home: Path, zone: str) -> None:
    """nu278: TZ=Invalid/Zone read every time in UTC, and the calendar file named a zone
    "Local time Invalid", without a word; TZ=/etc/passwd closed every command (nu279), and
    Etc/GMT+14, a name the zone database lacks, was read as 14 hours behind. Each is said
    on every command, in UTC as the system reads it; they still run."""
    listed = run(home, "plan", "Ana", "call", "tomorrow 6pm", zone=zone)
    assert listed.returncode == 0, listed.stderr
    assert listed.stderr.startswith(f"planner-tui: TZ is set to {zone!r}, which is no time")
    assert "Tuesday 24 Nov, 18:00" in listed.stdout
    assert "18:00" in run(home, "plan", zone="UTC").stdout  # the same time: UTC


def test_a_posix_rule_the_system_reads_is_no_problem(home: Path) -> None:
    """nu279: '<+0530>-5:30', which dateutil can't read and the system can, was said to be
    no time zone, beside times shown in it."""
    assert run(home, "plan", "Ana", "call", "tomorrow 6pm").returncode == 0  # London: UTC
    listed = run(home, "plan", zone="<+0530>-5:30")
    assert listed.stderr == "" and "Tue 24 Nov, 23:30" in listed.stdout
