"""The command line's remaining gaps of issue 17: words that name another day than the
step's time, steps toward a part of life (and their calendar events), a second check-in on
one day, `remind --within` across a clock change, exports into a folder that isn't there,
and names made of (or hiding) invisible characters."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from planner_tui import words
from planner_tui.db.engine import Database, Location, open_database
from planner_tui.db.models import StepRead
from planner_tui.services import journal, people, steps

from .runner import assert_one_line_error, run


def opened(folder: Path) -> Database:
    return open_database(Location(f"sqlite:///{folder / 'planner.db'}", folder))


@pytest.fixture
def home(tmp_path: Path, sqlite_template: Path) -> Path:
    """Monday 23 Nov 2026, 20:00 (the runner's clock): Ana, and the Thursday choir."""
    folder = tmp_path / "home"
    folder.mkdir()
    shutil.copy(sqlite_template, folder / "planner.db")
    result = run(folder, "add", "Ana", "--context", "Thursday choir")
    assert result.returncode == 0, result.stderr
    return folder


def all_steps(folder: Path) -> list[StepRead]:
    database = opened(folder)
    try:
        with database.session() as s:
            return steps.list_steps(session=s, limit=None)
    finally:
        database.dispose()


# --------------------------------------------------------------------------- words and days


@pytest.mark.parametrize(
    ("when", "extra", "said"),
    [
        (["sun", "6pm"], ["--backup", "a voice note on 27 Nov"], "backup says 27 Nov"),
        # A day already gone this year reads as next year's: far after the step, asked.
        (["thu", "6pm"], ["--backup", "a voice note on 20 Nov"], "backup says 20 Nov"),
        (["fri", "6pm"], [], "step says Thursday"),  # the action: "call about Thursday"
        (["thu", "6pm"], ["--cue", "after lunch on Wednesday"], "cue says Wednesday"),
    ],
)
def test_plan_asks_when_its_words_name_another_day(
    home: Path, when: list[str], extra: list[str], said: str
) -> None:
    action = "call about Thursday" if not extra else "call"
    asked = run(home, "plan", "Ana", action, *when, *extra)
    assert_one_line_error(asked, 1, said)
    assert "Is that the day you mean?" in asked.stderr and "--anyway" in asked.stderr
    assert all_steps(home) == []  # nothing saved until they say
    kept = run(home, "plan", "Ana", action, *when, *extra, "--anyway")
    assert kept.returncode == 0, kept.stderr
    assert len(all_steps(home)) == 1


def test_a_repeats_days_are_its_own_from_its_first_time(home: Path) -> None:
    """Planned for Tuesday, "every mon and thu" begins on the Thursday: "about Tuesday" was
    let by (the time typed was a Tuesday), and "about Friday" was said to be on Tuesday
    (nu125)."""
    repeat = ["tue", "6pm", "--repeat", "every mon and thu"]
    asked = run(home, "plan", "Ana", "call about Tuesday", *repeat)
    assert_one_line_error(asked, 1, "step says Tuesday, and the step is on Thursday 26 Nov")
    asked = run(home, "plan", "Ana", "call about Friday", *repeat)
    assert_one_line_error(asked, 1, "step says Friday, and the step is on Thursday 26 Nov")
    assert all_steps(home) == []
    kept = run(home, "plan", "Ana", "call about Monday", *repeat)  # one of its days
    assert kept.returncode == 0, kept.stderr


@pytest.mark.parametrize(
    ("when", "extra"),
    [
        (["thu", "6pm"], ["--backup", "a voice note on Thursday evening"]),
        (["thu", "6pm"], ["--backup", "a voice note on 26 Nov"]),
        # A backup's own day after the step: what a backup is for (the README's own).
        (["thu", "6pm"], ["--backup", "if she doesn't answer, a voice note on Sunday"]),
        (["thu", "6pm"], ["--backup", "if no answer, a text on sundays"]),
        (["sun", "6pm"], ["--backup", "a voice note on 3 Dec"]),
        (["mon", "6pm"], ["--repeat", "every mon and thu", "--backup", "or on Thursday"]),
        (["thu", "6pm"], ["--backup", "the sun sat low; a voice note later"]),  # not days
    ],
)
def test_words_that_fit_the_day_are_saved_without_a_question(
    home: Path, when: list[str], extra: list[str]
) -> None:
    result = run(home, "plan", "Ana", "call", *when, *extra)
    assert result.returncode == 0, result.stderr
    assert len(all_steps(home)) == 1


# --------------------------------------------------------------------------- places


def test_plan_a_step_toward_a_part_of_life_and_its_calendar_event(
    home: Path, tmp_path: Path
) -> None:
    result = run(home, "plan", "--context", "thursday", "go to the choir", "thu", "7pm")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "Planned (#1): Thursday 26 Nov, 19:00 (in 3 days) — go to the choir (Thursday choir)"
    )
    [step] = all_steps(home)
    assert (step.person_id, step.context, step.action) == (
        None,
        "Thursday choir",
        "go to the choir",
    )
    listed = run(home, "plan")
    assert "#1  Thu 26 Nov, 19:00  go to the choir (Thursday choir)" in listed.stdout
    calendar = tmp_path / "steps.ics"
    assert run(home, "export", "--format", "ics", "-o", str(calendar)).returncode == 0
    ics = calendar.read_text(encoding="utf-8")
    assert "LOCATION:Thursday choir" in ics
    assert "SUMMARY:go to the choir (Thursday choir)" in ics
    unknown = run(home, "plan", "--context", "Repair café", "go along", "sat", "10am")
    assert_one_line_error(unknown, 1, "No part of life called 'Repair café'")
    missing = run(home, "plan", "--context", "thursday", "go")
    assert_one_line_error(missing, 2, "planner-tui plan --context NAME")
    # Its name where a person's goes: said to be a part of life (nu265: "To add them:
    # planner-tui add Choir").
    as_someone = run(home, "plan", "Thursday choir", "go along", "fri", "7pm")
    assert_one_line_error(as_someone, 1, "'Thursday choir' is a part of life, not someone on "
                          "your map: plan and log take it as --context 'Thursday choir'.")  # fmt: skip
    assert len(all_steps(home)) == 1
    # No one there was asked: no reply is refused (at once: not "still to come, add
    # --anyway" first, nu125), and a "not now" is not put as theirs.
    for anyway in ([], ["--anyway"]):
        refused = run(home, "no-reply", "1", *anyway)
        assert_one_line_error(refused, 1, "No reply is for a step with someone")
    declined = run(home, "declined", "1", "--anyway")
    assert declined.returncode == 0, declined.stderr
    assert "Noted: not this time.\n" + words.NOT_THIS_TIME in declined.stdout  # said once
    assert "Timing, not you" not in declined.stdout and "brave" not in declined.stdout


def test_a_person_step_in_the_calendar_has_no_place(home: Path, tmp_path: Path) -> None:
    assert run(home, "plan", "Ana", "call", "thu", "6pm").returncode == 0
    calendar = tmp_path / "steps.ics"
    assert run(home, "export", "--format", "ics", "-o", str(calendar)).returncode == 0
    assert "LOCATION" not in calendar.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- journal


def test_a_second_check_in_the_same_day_says_both_are_kept(home: Path) -> None:
    first = run(home, "journal", "Soup with @Ana", "--mood", "4")
    assert first.returncode == 0 and first.stdout == (
        "Saved the check-in for Monday 23 November 2026, mentioning Ana.\n"
    )
    second = run(home, "journal", "A walk in the evening")
    assert second.returncode == 0, second.stderr
    assert second.stdout.splitlines()[1] == (
        "That day now has 2 check-ins; each is kept as its own entry."
    )
    database = opened(home)
    try:
        with database.session() as s:
            entries = journal.list_entries(session=s)
    finally:
        database.dispose()
    assert sorted(e.body for e in entries) == ["A walk in the evening", "Soup with @Ana"]
    other_day = run(home, "journal", "Tea", "--day", "yesterday")
    assert other_day.stdout.count("\n") == 1  # alone on its day: nothing more said


# --------------------------------------------------------------------------- remind and DST


def steps_with_ana(home: Path, *planned: tuple[str, str]) -> None:
    """Steps with Ana, the home's first person: (action, due as ISO text), in order."""
    database = opened(home)
    try:
        with database.write() as s:
            ana = people.list_people(session=s)[0].id
            for action, due in planned:
                steps.create_step(session=s, data={"person_id": ana, "action": action,
                                  "due_at": datetime.fromisoformat(due)})  # fmt: skip
    finally:
        database.dispose()


def reminded(home: Path, tmp_path: Path, within: str, *, now: str) -> Any:
    """`remind --within` at *now*, with no desktop to show it and no quiet hours."""
    no_desktop = {"PATH": str(tmp_path / "nothing"), "XDG_RUNTIME_DIR": str(tmp_path),
                  "PLANNER_TUI_QUIET_HOURS": "off"}  # fmt: skip
    return run(home, "remind", "--within", within, now=now, env=no_desktop)


def test_remind_within_counts_real_time_across_the_clock_change(home: Path, tmp_path: Path) -> None:
    """25 Oct 2026, 00:50 BST in London; the clocks go back at 02:00 BST to 01:00 GMT. The
    next 120 minutes end at 01:50 GMT (real time), not at 02:50 on the clock."""
    steps_with_ana(home, ("inside", "2026-10-25T01:40:00+00:00"),  # 110 min on
                   ("outside", "2026-10-25T02:30:00+00:00"))  # 160 min on  # fmt: skip
    result = reminded(home, tmp_path, "120", now="2026-10-25T00:50:00")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "A small step at 01:40: inside (Ana) (#1)\n"


def test_a_reminder_of_a_step_on_another_day_says_the_day(home: Path, tmp_path: Path) -> None:
    """nu265: `remind --within 1440` on a Monday evening said "A small step at 10:00" of
    Tuesday's step — read as this morning's, gone by — and, told once, never again."""
    steps_with_ana(home, ("tomorrow's", "2026-11-24T10:00:00+00:00"),
                   ("tonight's", "2026-11-23T21:00:00+00:00"))  # fmt: skip
    result = reminded(home, tmp_path, "1440", now="2026-11-23T17:00:00")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "A small step at 21:00: tonight's (Ana) (#2)",
        "A small step tomorrow at 10:00: tomorrow's (Ana) (#1)",
    ]


# --------------------------------------------------------------------------- exports


@pytest.mark.parametrize("form", ["ics", "json", "markdown"])
def test_an_export_into_a_folder_that_isnt_there_is_refused(
    home: Path, tmp_path: Path, form: str
) -> None:
    target = tmp_path / "some" / "missing" / f"x.{form}"
    result = run(home, "export", "--format", form, "-o", str(target))
    assert_one_line_error(result, 1, f"There is no folder {target.parent}")
    assert not (tmp_path / "some").exists()


@pytest.mark.parametrize("form", ["ics", "json", "markdown"])
def test_an_export_replaces_an_earlier_one_but_never_the_planner_or_other_files(
    home: Path, tmp_path: Path, form: str
) -> None:
    """A new user's `export -o …/planner.db` said "Wrote" and left nothing to open."""
    assert run(home, "journal", "a secret kept").returncode == 0
    planner = home / "planner.db"
    before = planner.read_bytes()
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    for target, said in ((planner, "is this planner's own database"),
                         (picture, "holds something other than text")):  # fmt: skip
        refused = run(home, "export", "--format", form, "-o", str(target))
        assert_one_line_error(refused, 1, f"{target} {said}")
    assert planner.read_bytes() == before and picture.read_bytes()[:4] == b"\x89PNG"
    for log in ("-journal", "-wal", "-shm"):  # SQLite would read the export as its log
        beside = home / f"planner.db{log}"
        refused = run(home, "export", "--format", form, "-o", str(beside))
        assert_one_line_error(refused, 1, f"{beside} is the name of a database's own log")
        assert not beside.exists()
    assert run(home, "add", "Bo").returncode == 0  # the planner still writes
    assert "a secret kept" in run(home, "search", "secret").stdout
    # An earlier export is replaced; any other text file only with --replace (a new user's
    # notes.txt was replaced without a word: the command line can't ask as the app does).
    earlier = tmp_path / f"earlier.{form}"
    assert run(home, "export", "--format", form, "-o", str(earlier)).returncode == 0
    assert run(home, "journal", "a second one").returncode == 0
    assert run(home, "export", "--format", form, "-o", str(earlier)).returncode == 0
    assert form == "ics" or "a second one" in earlier.read_text(encoding="utf-8")
    # An earlier export of another kind is not this one's to replace (a calendar export
    # replaced the JSON one without a word).
    other = "json" if form != "json" else "ics"
    refused = run(home, "export", "--format", other, "-o", str(earlier))
    kinds = {"json": "JSON", "markdown": "Markdown journal", "ics": "calendar"}
    assert_one_line_error(
        refused, 1, f"{earlier} is there already and is an earlier {kinds[form]} export, "
        f"not a {kinds[other]} one, so it was left as it is"
    )  # fmt: skip
    assert form == "ics" or "a second one" in earlier.read_text(encoding="utf-8")
    # A month's review, as `review` (and the Review's o) write it, is named as one (it was
    # "isn't an earlier planner-tui export").
    review = tmp_path / "review.md"
    review.write_text(run(home, "review").stdout, encoding="utf-8")
    refused = run(home, "export", "--format", form, "-o", str(review))
    assert_one_line_error(
        refused, 1, f"{review} is there already and is an earlier monthly review export, "
        f"not a {kinds[form]} one"
    )  # fmt: skip
    notes = tmp_path / "notes.txt"
    notes.write_text("my own notes, ünïcode cut at 4 KiB " * 200, encoding="utf-8")
    refused = run(home, "export", "--format", form, "-o", str(notes))
    assert_one_line_error(refused, 1, f"{notes} is there already and isn't an earlier planner-tui")
    assert notes.read_text(encoding="utf-8").startswith("my own notes")
    assert run(home, "export", "--format", form, "-o", str(notes), "--replace").returncode == 0
    assert "ünïcode" not in notes.read_text(encoding="utf-8")


def test_per_month_makes_only_its_own_folder(home: Path, tmp_path: Path) -> None:
    assert run(home, "journal", "Tea").returncode == 0
    made = tmp_path / "months"
    assert (
        run(home, "export", "--format", "markdown", "--per-month", "-o", str(made)).returncode == 0
    )
    assert (made / "2026-11.md").exists() and made.stat().st_mode & 0o077 == 0
    a_file = tmp_path / "out.md"
    a_file.write_text("mine", encoding="utf-8")
    refused = run(home, "export", "--format", "markdown", "--per-month", "-o", str(a_file))
    assert_one_line_error(refused, 1, f"{a_file} is a file, not a folder; --per-month writes")
    assert a_file.read_text(encoding="utf-8") == "mine"
    deep = tmp_path / "a" / "b"
    refused = run(home, "export", "--format", "markdown", "--per-month", "-o", str(deep))
    assert_one_line_error(refused, 1, f"There is no folder {deep.parent}")
    assert not (tmp_path / "a").exists()
    # One month's file that can't be replaced: no month is written (it wrote those before).
    assert run(home, "journal", "--day", "2026-10-05", "Walk").returncode == 0
    (made / "2026-11.md").write_bytes(b"SQLite format 3\x00")
    refused = run(home, "export", "--format", "markdown", "--per-month", "-o", str(made))
    assert_one_line_error(refused, 1, f"{made / '2026-11.md'} holds something other than text")
    assert sorted(p.name for p in made.iterdir()) == ["2026-11.md"]


# --------------------------------------------------------------------------- names


def test_invisible_characters_are_taken_out_of_names(home: Path, tmp_path: Path) -> None:
    added = run(home, "add", "\u202eBo\u200b", "--context", "\ufeffChoir\u2060 group")
    assert added.returncode == 0, added.stderr
    card = tmp_path / "people.vcf"
    card.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:\u200bCy\u200d\r\nEND:VCARD\r\n"
                    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:علی\u200cرضا\r\nEND:VCARD\r\n",
                    encoding="utf-8")  # fmt: skip
    assert run(home, "import", str(card)).returncode == 0
    database = opened(home)
    try:
        with database.session() as s:
            names = sorted(p.name for p in people.list_people(session=s))
            places = sorted(c.name for c in people.list_contexts(session=s))
    finally:
        database.dispose()
    assert names == sorted(["Ana", "Bo", "Cy", "علی\u200cرضا"])  # a joiner inside a word stays
    assert places == ["Choir group", "Thursday choir"]
    for shows_nothing in ("\u200b\u202e\u2060", "\u0301", " \u0301\u20dd "):  # a lone accent
        assert_one_line_error(run(home, "add", shows_nothing), 1, "only invisible characters")
    assert run(home, "plan", "Bo", "call", "thu", "6pm").returncode == 0  # found as typed
    # A step is no name, and "Action" no word of the app's (nu271).
    said = run(home, "plan", "Bo", "\u200b", "thu", "6pm")
    assert_one_line_error(said, 1, "The step is only invisible characters; type something you")


def test_a_name_merged_into_someone_names_them_on_the_command_line(home: Path) -> None:
    """After a merge the old name stays as theirs: `@Burst` linked them in the journal, but
    `plan "Burst Person"` said no one was called that and to add them, and `add` then said
    they were already here."""
    from planner_tui.services import corrections

    with opened(home).write() as s:
        bo = people.create_person(session=s, data={"name": "Bo Chen"}).id
        burst = people.create_person(session=s, data={"name": "Burst Person"}).id
        corrections.merge_people(session=s, keep_id=bo, other_id=burst)
    planned = run(home, "plan", "Burst Person", "send a short hello", "tomorrow", "6pm")
    assert planned.returncode == 0, planned.stderr
    assert "Bo Chen" in planned.stdout
    assert [(s.person_id, s.action) for s in all_steps(home)] == [(bo, "send a short hello")]
    assert_one_line_error(run(home, "add", "Burst Person"), 1, "Bo Chen is already on your map")


def test_later_asks_when_the_new_time_is_on_another_day_than_the_steps_words(
    home: Path,
) -> None:
    """`plan` asks when a step's words name another day than its time; moving it with
    `later` didn't, so a step "about Thursday" went to Friday without a word (and a
    follow-up "on Sunday" to a Saturday)."""
    assert run(home, "plan", "Ana", "call about Thursday", "thu", "6pm").returncode == 0
    [step] = all_steps(home)
    assert_one_line_error(
        run(home, "later", str(step.id), "fri", "6pm"), 1, "Your step says Thursday"
    )
    assert [s.due_at for s in all_steps(home)] == [step.due_at]  # nothing moved
    assert run(home, "later", str(step.id), "thu", "7pm").returncode == 0  # its own day
    now_on = max(all_steps(home), key=lambda s: s.id or 0)  # it goes on as a new step
    moved = run(home, "later", str(now_on.id), "fri", "6pm", "--anyway")
    assert moved.returncode == 0, moved.stderr
    assert "Fri 27 Nov, 18:00" in moved.stdout


def test_another_time_after_a_not_now_asks_as_later_does(home: Path) -> None:
    """`later` asked when a step "about Thursday" went to a Friday; offering it again after
    a 'not now' (`declined --another-time`) moved it there without a word."""
    assert run(home, "plan", "Ana", "call about Thursday", "thu", "6pm").returncode == 0
    [step] = all_steps(home)
    asked = run(home, "declined", str(step.id), "--another-time", "fri 6pm")
    assert_one_line_error(asked, 1, "Your step says Thursday, and the step is on Friday 27 Nov")
    assert "Change the time, or add --anyway to keep that time." in asked.stderr  # not "both"
    assert [(s.status, s.due_at) for s in all_steps(home)] == [("planned", step.due_at)]
    kept = run(home, "declined", str(step.id), "--another-time", "fri 6pm", "--anyway")
    assert kept.returncode == 0, kept.stderr
    assert "Fri 27 Nov, 18:00" in kept.stdout
    assert len(all_steps(home)) == 2
