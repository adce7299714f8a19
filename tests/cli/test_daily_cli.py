"""The day from a shell: `today` (quick, quiet when asked, JSON for scripts), `remind`
(a fake `notify-send` on PATH records what it was asked to show), and the daily loop —
plan, log, outcomes, snooze, people, dates — through the app's services and sentences.
In-process (`run`) for the tables; a real process (`run_process`) for the commands as a
shell runs them."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from planner_tui import daily, words
from planner_tui.db.engine import Database, Location, open_database
from planner_tui.db.models import StepRead, StepStatus
from planner_tui.services import drafts, journal, people, review, steps
from planner_tui.services.steps import OutcomeResult

from ..hostile import stored_data
from ..silent_server import silent_server
from .runner import assert_one_line_error, run, run_process

FIXTURE = Path(__file__).parent.parent / "data" / "schema-0001.db"


def at(text: str) -> datetime:
    """A London wall-clock time (the runner's zone), aware."""
    from dateutil import tz

    return datetime.fromisoformat(text).replace(tzinfo=tz.gettz("Europe/London"))


@pytest.fixture
def home(tmp_path: Path, sqlite_template: Path) -> Path:
    """Monday 23 Nov 2026, 20:00 (the runner's clock): Ana Silva and Ana Costa, Bo (past
    his weekly rhythm, nickname Bobby), Cy archived; a step this afternoon with a cue, one
    from Friday not done yet, one tomorrow; Bo's birthday on Thursday; an intention."""
    folder = tmp_path / "home"
    folder.mkdir()
    shutil.copy(sqlite_template, folder / "planner.db")
    database = open_database(Location(f"sqlite:///{folder / 'planner.db'}", folder))
    try:
        with database.write() as s:
            ana = people.create_person(session=s, data={"name": "Ana Silva"}).id
            people.create_person(session=s, data={"name": "Ana Costa"})
            bo = people.create_person(
                session=s, data={"name": "Bo", "nickname": "Bobby", "cadence_days": 7}
            ).id
            cy = people.create_person(session=s, data={"name": "Cy"}).id
            people.update_person(session=s, person_id=cy, data={"archived": True})
            people.log_interaction(session=s, data={"person_ids": [bo],
                                   "occurred_at": at("2026-11-01T12:00")})  # fmt: skip
            steps.create_step(session=s, data={"person_id": ana,
                              "action": "send Ana a short message",
                              "due_at": at("2026-11-23T14:00"), "cue": "when I finish lunch"})  # fmt: skip
            steps.create_step(session=s, data={"person_id": bo, "action": "call",
                              "due_at": at("2026-11-20T18:00"),
                              "backup": "a voice note on Sunday",
                              "expected_awkwardness": 4})  # fmt: skip
            steps.create_step(session=s, data={"person_id": bo, "action": "walk",
                              "due_at": at("2026-11-24T09:00")})  # fmt: skip
            people.add_date(session=s, data={"person_id": bo, "label": "birthday",
                            "month": 11, "day": 26})  # fmt: skip
            review.save_month_notes(session=s, data={"month": "2026-10",
                                    "intentions": ["say yes to one invitation"]})  # fmt: skip
    finally:
        database.dispose()
    return folder


def opened(folder: Path) -> Database:
    return open_database(Location(f"sqlite:///{folder / 'planner.db'}", folder))


def everything(folder: Path) -> dict[str, list[str]]:
    return stored_data(folder / "planner.db")


def all_steps(folder: Path) -> list[StepRead]:
    database = opened(folder)
    try:
        with database.session() as s:
            return sorted(steps.list_steps(session=s, limit=None), key=lambda step: step.id)
    finally:
        database.dispose()


# --------------------------------------------------------------------------- today


def test_today_says_the_day_in_a_few_lines(home: Path) -> None:
    result = run(home, "today")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "planner-tui · Monday 23 Nov",
        "Small steps:",
        "  #2  not yet, Fri 20 Nov  call (Bo)",
        "  #1  14:00  When I finish lunch: send Ana a short message (Ana Silva)",
        "Next step: Tue 24 Nov, 09:00 — walk (Bo)",  # as Today's *Coming up next* (nu209)
        "Today's check-in: not yet — a line or two is plenty, whenever you're ready "
        '(planner-tui journal "…").',
        "This month: say yes to one invitation",
        "Coming up: Bo — birthday, Thu 26 Nov (in 3 days)",  # the walk two days before: not
    ]
    assert run(home, "today", "--quiet-if-empty").stdout == result.stdout
    following = json.loads(run(home, "today", "--json").stdout)["next_step"]
    assert (following["action"], following["due_at"][:16]) == ("walk", "2026-11-24T09:00")
    # A year on, the step from last year says its year, as someone's page does.
    year_on = run(home, "today", now="2027-11-23T20:00:00").stdout.splitlines()
    assert "  #2  not yet, Fri 20 Nov 2026  call (Bo)" in year_on


def test_todays_times_stand_in_one_column_whatever_the_steps_numbers(home: Path) -> None:
    """Step numbers of one and two digits put the times out of line (nu190)."""
    for n, when in enumerate(["tomorrow 6pm"] * 7 + ["today 21:00"]):  # the last: #10 or on
        planned = run(home, "plan", "Ana Silva", f"text Ana ({n})", when)
        assert planned.returncode == 0, planned.stderr
    steps_said = [line for line in run(home, "today").stdout.splitlines() if "  #" in line]
    assert any("#1 " in line for line in steps_said)
    assert any(re.search(r"#\d\d ", line) for line in steps_said), steps_said
    columns = {line.index(":") - 2 for line in steps_said if ":" in line[:20]}
    assert len(columns) == 1, steps_said


def test_today_as_json_for_scripts(home: Path) -> None:
    result = run(home, "today", "--json")
    data = json.loads(result.stdout)
    assert [(s["id"], s["not_yet"], s["cue"]) for s in data["steps"]] == [
        (2, True, ""),
        (1, False, "when I finish lunch"),
    ]
    assert data["reach"] is None  # Bo, past his rhythm, has his step listed
    assert data["checked_in"] is False and data["intentions"] == ["say yes to one invitation"]
    assert data["checkin_draft_day"] is None
    assert data["dates"] == [
        {"person_id": 3, "person": "Bo", "label": "birthday", "on": "2026-11-26", "year": None,
         "called": "Bobby", "planned": "", "done": False, "reached": False}
    ]  # fmt: skip


@pytest.mark.parametrize("engine", ["the file", "the full path"])
def test_today_says_a_check_in_kept_as_a_draft_as_the_app_does(
    home: Path, engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A check-in started in the app and kept as a draft: Today said so, `today` said "not
    yet" and nothing of the words waiting. Both paths say it (the quick one and, when
    the file can't be read that way, the full one)."""
    database = opened(home)
    try:
        with database.write() as s:
            drafts.save_draft(session=s, key=daily.NEW_CHECKIN_DRAFT, payload={"body": "tea"})
    finally:
        database.dispose()
    if engine == "the full path":
        monkeypatch.setattr(daily, "summary_file", lambda *_a, **_k: None)
    said = run(home, "today").stdout.splitlines()
    assert "Today's check-in: started and kept as a draft — c in the app takes you back to " \
        "your words." in said, said  # fmt: skip
    assert json.loads(run(home, "today", "--json").stdout)["checkin_draft_day"] == "2026-11-23"


@pytest.mark.parametrize("engine", ["the file", "the full path"])
def test_today_suggests_only_someone_with_no_step_planned_as_the_app_does(
    home: Path, engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`today` suggested reaching Bo just under his step from Friday, where the app's Today
    suggests only those with no step planned (nu166). Dee, a day less past her rhythm and
    with no step, is the one suggested, on both paths."""
    if engine == "the full path":
        monkeypatch.setattr(daily, "summary_file", lambda *_a, **_k: None)
    assert run(home, "add", "Dee", "--rhythm", "14").returncode == 0
    assert run(home, "log", "Dee", "--when", "2026-10-26 12:00").returncode == 0
    said = run(home, "today").stdout.splitlines()
    assert "  #2  not yet, Fri 20 Nov  call (Bo)" in said
    assert [line for line in said if "might like to reach" in line] == [
        "You might like to reach Dee — last in touch 4 weeks ago; you hoped for every 2 weeks."
    ]
    reach = json.loads(run(home, "today", "--json").stdout)["reach"]
    assert (reach["name"], reach["days_past"]) == ("Dee", 14)
    # A step with her next week, which `today` doesn't list, counts too, as in the app (nu169)
    assert run(home, "plan", "Dee", "call Dee", "next fri 18:00").returncode == 0
    said = run(home, "today").stdout
    assert "might like to reach" not in said and "call Dee" not in said
    assert json.loads(run(home, "today", "--json").stdout)["reach"] is None


@pytest.mark.parametrize("engine", ["the file", "the full path"])
def test_a_day_whose_steps_are_recorded_says_so(
    home: Path, engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With today's steps done, `today` said "Nothing planned for today", as of a day that
    held none (nu176)."""
    if engine == "the full path":
        monkeypatch.setattr(daily, "summary_file", lambda *_a, **_k: None)
    for step in ("1", "2"):  # Friday's, recorded now too, is no step of today's (nu177)
        assert run(home, "done", step, "--anyway", "--when", "now").returncode == 0
    said = run(home, "today").stdout.splitlines()
    assert "Today's step is recorded. Rest counts too." in said, said
    assert words.NOTHING_DUE not in said
    assert json.loads(run(home, "today", "--json").stdout)["settled_today"] == 1


def test_today_is_quiet_when_asked_and_there_is_nothing_to_say(
    tmp_path: Path, sqlite_template: Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    shutil.copy(sqlite_template, empty / "planner.db")
    said = run(empty, "today")
    assert said.returncode == 0 and words.NOTHING_DUE in said.stdout
    assert (
        "Today's check-in: not yet" in said.stdout
    )  # the check-in alone is no reason to speak up…
    quiet = run(empty, "today", "--quiet-if-empty")
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")  # …when asked
    as_json = run(empty, "today", "--json", "--quiet-if-empty")  # scripts too: nothing at all
    assert (as_json.returncode, as_json.stdout, as_json.stderr) == (0, "", "")
    assert json.loads(run(empty, "today", "--json").stdout)["steps"] == []  # unless not asked
    # A shell that starts before planner-tui was ever used: quiet, and nothing is created.
    never = tmp_path / "never"
    result = run(never, "today", "--quiet-if-empty")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    # Asked outright, a mistyped --home is said, not shown as an empty day (nu172)
    for asked in (["today"], ["today", "--json"]):
        result = run(never, *asked)
        assert result.returncode == 0
        assert result.stderr.startswith(f"planner-tui: There is no planner in {never} yet")
        assert bool(result.stdout) is ("--json" in asked)  # an empty day read as a planner
    assert not never.exists()


def test_today_reads_an_older_database_through_the_full_path(tmp_path: Path) -> None:
    shutil.copy(FIXTURE, tmp_path / "planner.db")
    result = run(tmp_path, "today", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["today"] == "2026-11-23"
    with sqlite3.connect(tmp_path / "planner.db") as c:  # brought up to date on the way
        assert c.execute("SELECT count(reminded_at) FROM step").fetchone() == (0,)


def test_today_from_a_server_says_the_same(db: Database, home: Path, tmp_path: Path) -> None:
    """Through --db (a server, or any URL) `today` asks the services: the same answer."""
    from planner_tui.services import exchange

    source = opened(home)
    try:
        with source.session() as s:
            dump = exchange.export_json(session=s)
    finally:
        source.dispose()
    with db.write() as s:
        exchange.import_json(session=s, text=dump)
    served = run(tmp_path / "elsewhere", "--db", db.location.url, "today", "--json")
    assert served.returncode == 0, served.stderr
    assert json.loads(served.stdout) == json.loads(run(home, "today", "--json").stdout)


@pytest.mark.timeout(60)  # before: it waited as long as any command (here, an hour)
def test_today_gives_a_server_that_does_not_answer_a_moment_not_a_shells_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A shell runs `today` as it starts: away from the network its server is on, each new
    shell waited the ten seconds any command gives a server (nu217). `today` gives it two,
    then says so in one line and the shell goes on; other commands still wait their time."""
    from planner_tui.db import engine

    monkeypatch.setattr(engine, "CONNECT_TIMEOUT", 3600)
    with silent_server(tmp_path) as url:
        told = run(tmp_path / "home", "--db", url, "today", "--quiet-if-empty")
    assert_one_line_error(told, 1, "The database server did not answer in time.")


def test_today_as_a_shell_runs_it(home: Path) -> None:
    """The real command, as a startup file runs it, and without the data layer loaded."""
    result = run_process(home, "today")
    assert result.returncode == 0 and result.stderr == b""
    assert result.stdout.decode() == run(home, "today").stdout
    probe = (
        "import sys; from planner_tui import cli; "
        f"code = cli.main(['--home', {str(home)!r}, 'today', '--quiet-if-empty']); "
        "heavy = [m for m in sys.modules if m.split('.')[0] in "
        "('sqlalchemy', 'sqlmodel', 'pydantic', 'textual', 'alembic')]; "
        "print(code, heavy, file=sys.stderr)"
    )
    import subprocess

    from .runner import environment

    checked = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env=environment("2026-11-23T20:00:00", "Europe/London", None),
    )
    assert checked.stderr.strip() == "0 []"


# --------------------------------------------------------------------------- remind


def fake_notify_send(folder: Path, *, fails: bool = False) -> Path:
    """A `notify-send` that writes its arguments, one per line, to notified.txt."""
    folder.mkdir(exist_ok=True)
    script = folder / "notify-send"
    script.write_text(
        "#!/bin/sh\n"
        f'for a in "$@"; do printf "%s\\n" "$a"; done >> "{folder}/notified.txt"\n'
        f"printf -- '---\\n' >> \"{folder}/notified.txt\"\n" + ("exit 1\n" if fails else "")
    )
    script.chmod(0o755)
    return folder / "notified.txt"


def notified(log: Path) -> list[list[str]]:
    if not log.exists():
        return []
    shown = log.read_text(encoding="utf-8").split("---\n")
    return [chunk.splitlines() for chunk in shown if chunk]


def desktop(folder: Path, **extra: str) -> dict[str, str]:
    import os

    return {"PATH": f"{folder}{os.pathsep}{os.environ['PATH']}",
            "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nowhere", **extra}  # fmt: skip


def plan_soon(folder: Path, *plans: tuple[str, str, str]) -> None:
    """(action, when, cue) for Ana Silva."""
    for action, when, cue in plans:
        result = run(folder, "plan", "Ana Silva", action, when, "--cue", cue)
        assert result.returncode == 0, result.stderr


def test_remind_notifies_once_per_step_through_notify_send(home: Path, tmp_path: Path) -> None:
    plan_soon(home, ("send Ana <b>hi</b> & [bold]x[/]", "20:10", "when I finish tea."),
              ("call Ana", "20:40", ""))  # fmt: skip
    bin_folder = tmp_path / "bin"
    log = fake_notify_send(bin_folder)
    first = run_process(home, "remind", env=desktop(bin_folder))
    assert first.returncode == 0 and first.stdout == b"" and first.stderr == b""
    assert notified(log) == [
        [
            "--app-name=planner-tui",
            "--",
            "A small step at 20:10",
            "When I finish tea: send Ana &lt;b&gt;hi&lt;/b&gt; &amp; [bold]x[/] (Ana Silva)",
        ]
    ]  # 20:40 is further than 15 minutes; the earlier steps' times have passed
    again = run_process(home, "remind", env=desktop(bin_folder))
    assert again.returncode == 0 and len(notified(log)) == 1  # never twice
    later = run_process(home, "remind", "--within", "60", env=desktop(bin_folder))
    assert later.returncode == 0 and [n[2] for n in notified(log)][1:] == ["A small step at 20:40"]
    database = opened(home)
    try:
        with database.session() as s:
            assert steps.to_remind(session=s, start=at("2026-11-23T20:00"),
                                   end=at("2026-11-23T21:00")) == []  # fmt: skip
    finally:
        database.dispose()


def test_remind_is_silent_in_the_quiet_hours(home: Path, tmp_path: Path) -> None:
    plan_soon(home, ("text Ana", "22:40", ""))
    log = fake_notify_send(tmp_path / "bin")
    night = run(home, "remind", now="2026-11-23T22:30:00", env=desktop(tmp_path / "bin"))
    assert (night.returncode, night.stdout, notified(log)) == (0, "", [])
    # Not told, so not counted: with the quiet hours set elsewhere, it goes out.
    evening = desktop(tmp_path / "bin", PLANNER_TUI_QUIET_HOURS="23:00-07:00")
    awake = run_process(home, "remind", now="2026-11-23T22:30:00", env=evening)
    assert awake.returncode == 0 and len(notified(log)) == 1
    broken = run(home, "remind", env={"PLANNER_TUI_QUIET_HOURS": "late"})
    assert_one_line_error(broken, 1, "PLANNER_TUI_QUIET_HOURS should be a span like 22:00-08:00")


@pytest.mark.parametrize("wait", ["abc", "-1", "99999999"])
def test_a_busy_timeout_that_is_no_number_is_said(home: Path, wait: str) -> None:
    """PLANNER_TUI_BUSY_TIMEOUT_MS set to nonsense was ignored without a word (nu214)."""
    broken = run(home, "today", env={"PLANNER_TUI_BUSY_TIMEOUT_MS": wait})
    assert_one_line_error(
        broken, 1, "PLANNER_TUI_BUSY_TIMEOUT_MS should be a number from 0 to 3,600,000"
    )
    assert run(home, "today", env={"PLANNER_TUI_BUSY_TIMEOUT_MS": "2000"}).returncode == 0


def test_remind_prints_without_a_desktop_or_when_notify_send_fails(
    home: Path, tmp_path: Path
) -> None:
    plan_soon(home, ("text Ana", "20:05", ""), ("call Ana", "20:10", ""))
    no_bus = {"PATH": str(tmp_path / "nothing"), "XDG_RUNTIME_DIR": str(tmp_path)}
    first = run_process(home, "remind", "--within", "6", env=no_bus)
    assert first.returncode == 0
    assert first.stdout.decode() == "A small step at 20:05: text Ana (Ana Silva) (#4)\n"
    log = fake_notify_send(tmp_path / "bin", fails=True)
    second = run_process(home, "remind", env=desktop(tmp_path / "bin"))
    assert second.stdout.decode() == "A small step at 20:10: call Ana (Ana Silva) (#5)\n"
    assert len(notified(log)) == 1  # it was tried first


def test_steps_due_in_the_quiet_hours_are_told_once_when_they_end(
    home: Path, tmp_path: Path
) -> None:
    """Tonight at 23:00, at midnight and tomorrow at 07:30 — all in the quiet hours (22:00
    to 08:00): nothing while they last, each once when they end (if still open), with the
    time it was due."""
    plan_soon(home, ("text Ana", "23:00", ""), ("call Ana", "tomorrow 00:00", ""),
              ("wave to Ana", "tomorrow 7:30am", ""), ("hug Ana", "tomorrow 7:40am", ""))  # fmt: skip
    assert run(home, "skip", "#7").returncode == 0  # let go: not told
    no_bus = {"PATH": str(tmp_path / "nothing"), "XDG_RUNTIME_DIR": str(tmp_path)}
    for night in ("2026-11-23T21:59:00", "2026-11-23T23:00:00", "2026-11-24T00:00:00",
                  "2026-11-24T07:59:00"):  # fmt: skip
        quiet = run(home, "remind", now=night, env=no_bus)
        assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", ""), night
    morning = run(home, "remind", now="2026-11-24T08:00:00", env=no_bus)
    assert morning.returncode == 0, morning.stderr
    assert morning.stdout.splitlines() == [
        "A small step from Mon 23:00, still open: text Ana (Ana Silva) (#4)",
        "A small step from 00:00, still open: call Ana (Ana Silva) (#5)",
        "A small step from 07:30, still open: wave to Ana (Ana Silva) (#6)",
    ]
    for later in ("2026-11-24T08:05:00", "2026-11-24T12:00:00"):  # once, ever
        assert run(home, "remind", now=later, env=no_bus).stdout == ""
    # Quiet hours within one day, and none at all.
    plan_soon(home, ("wave at lunch", "2026-11-25 12:30", ""))
    lunch = {**no_bus, "PLANNER_TUI_QUIET_HOURS": "12:00-14:00"}
    assert run(home, "remind", now="2026-11-25T13:00:00", env=lunch).stdout == ""
    after = run(home, "remind", now="2026-11-25T14:03:00", env=lunch)
    assert after.stdout == "A small step from 12:30, still open: wave at lunch (Ana Silva) (#8)\n"
    plan_soon(home, ("late wave", "2026-11-25 23:30", ""))
    off = {**no_bus, "PLANNER_TUI_QUIET_HOURS": "off"}
    assert run(home, "remind", now="2026-11-26T08:00:00", env=off).stdout == ""  # long gone


def test_remind_before_planner_tui_was_ever_used_creates_nothing(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh"
    result = run(fresh, "remind")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert not fresh.exists()


@pytest.mark.parametrize("within", ["0", "1441", "soon"])
def test_remind_refuses_a_window_it_cant_use(home: Path, within: str) -> None:
    assert_one_line_error(run(home, "remind", "--within", within), 2, "--within")


# --------------------------------------------------------------------------- the loop


def test_plan_a_step_with_its_if_then_plan(home: Path) -> None:
    result = run(home, "plan", "bobby", "send Bo a short message", "tomorrow", "6pm",
                 "--repeat", "weekly", "--cue", "when I finish lunch", "--backup",
                 "a voice note on Sunday", "--anyway",  # Sunday, for a Tuesday step: kept as said
                 "--how", "text", "--awkward", "2", "--sure", "8")  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:4] == [
        "Planned (#4): Tuesday 24 Nov, 18:00 (tomorrow) — send Bo a short message",
        "Repeats every week.",
        "Cue: when I finish lunch",  # it said "When: when"
        "Backup: a voice note on Sunday",
    ]
    assert lines[4] in words.ENCOURAGEMENTS and len(lines) == 5
    step = all_steps(home)[-1]
    assert (step.person, step.rrule, step.cue, step.backup, step.channel) == (
        "Bo", "FREQ=WEEKLY", "when I finish lunch", "a voice note on Sunday", "text")  # fmt: skip
    # The words are the library's tiny "send {name} a short message": its effort is kept.
    assert (step.expected_awkwardness, step.confidence, step.effort) == (2, 8, "tiny")
    unsure = run(home, "plan", "Bo", "call Bo", "fri 7pm", "--sure", "4")
    assert words.SMALLER_LINE in unsure.stdout and "How about: " in unsure.stdout
    # The offer to shrink it is the last word: no "small and specific… this one is both".
    assert not any(line in words.ENCOURAGEMENTS for line in unsure.stdout.splitlines())
    # The lightest message offered back to itself (issue 19) — never: one rung lighter.
    light = run(home, "plan", "bo", "Send bo a short message", "fri 7pm", "--sure", "5")
    assert (
        "How about: reply to something bo sent or shared, even with a few words?" in light.stdout
    ), light.stdout
    # A library step with more words around it keeps them, as the wizard does (the README's
    # own example; it was "send Bo a short message: give Bo a ten-minute call about…").
    grown = run(home, "plan", "Bo", "give Bo a ten-minute call about the move", "sat 7pm",
                "--sure", "5")  # fmt: skip
    assert "How about: send Bo a voice note about the move?" in grown.stdout, grown.stdout
    # Nothing smaller to offer: said so, not how to shrink it and then nothing (nu152).
    meme = run(home, "plan", "Bo", "text Bo a meme", "sat 7pm", "--sure", "3")
    assert meme.stdout.splitlines()[-1] == words.ALREADY_LIGHT_SHELL, meme.stdout


def test_the_smaller_step_offered_calls_them_by_their_nickname(home: Path) -> None:
    """As the wizard's words do (planner_tui.names.called): the nickname, unless it is
    only initials, when the step's own words don't name them."""
    run(home, "add", "Łukasz Ångström", "--nickname", "Luk")
    unsure = run(home, "plan", "Luk", "walk together", "sat 10am", "--repeat", "weekly",
                 "--sure", "4")  # fmt: skip
    assert "How about: send Luk a short message: walk together?" in unsure.stdout, unsure.stdout
    run(home, "add", "Øyvind Ås", "--nickname", "O.A.")
    initials = run(home, "plan", "Øyvind", "walk together", "sat 10am", "--sure", "4")
    assert "How about: send Øyvind a short message: walk together?" in initials.stdout


def test_plan_asks_before_planning_the_same_step_twice(home: Path) -> None:
    """As the wizard asks "Plan it a second time?": the same person, words and time is
    refused in one line, nothing added, until --anyway."""
    argv = ("plan", "Bo", "bring Bo the book he lent me", "fri 7pm")
    assert run(home, *argv).returncode == 0
    before = everything(home)
    again = run(home, *argv)
    assert_one_line_error(again, 1, "is already on your plan (#")
    assert "Add --anyway to plan it a second time." in again.stderr
    assert everything(home) == before
    assert run(home, *argv, "--anyway").returncode == 0
    assert [s.action for s in all_steps(home)].count("bring Bo the book he lent me") == 2
    # Another time is another step: not asked about.
    assert run(home, "plan", "Bo", "bring Bo the book he lent me", "sat 7pm").returncode == 0
    # A repeat that starts on a later day than the time said (Friday, every Monday and
    # Thursday: Monday) is the same step planned again (it was planned twice, unasked).
    repeat = ("plan", "Bo", "call Bo", "fri 6pm", "--repeat", "every mon and thu")
    assert run(home, *repeat).returncode == 0
    before = everything(home)
    assert_one_line_error(run(home, *repeat), 1, "is already on your plan (#")
    assert everything(home) == before


@pytest.mark.parametrize(
    ("argv", "code", "said"),
    [
        (["plan", "Ana", "call", "tomorrow"], 1,
         "'Ana' could be Ana Costa (#2), Ana Silva (#1). Say their whole name or surname, or "
         "the number (#2)."),
        (["plan", "Zed", "call", "tomorrow"], 1, "No one called 'Zed' on your map."),
        (["plan", "Cy", "call", "tomorrow"], 1, "Cy is archived."),
        (["plan", "Bo", "call", "yesterday"], 1, "has already passed"),
        (["plan", "Bo", "call", "someday"], 1, "I couldn't read 'someday' as a time"),
        (["plan", "Bo", "call", "fri", "--repeat", "often"], 1, "as a repeat"),
        (["plan", "Bo", "call", "fri", "--repeat", "FREQ=SECONDLY"], 1, "once a day at most"),
        (["plan", "Bo", "call", "fri", "--repeat", "FREQ=WEEKLY;COUNT=0"], 1, "never come round"),
        (["plan", "Bo", "", "fri"], 1, "can't be empty"),
        (["plan", "Bo", "call"], 2, "the following arguments are required: when"),
        (["plan", "Bo", "call", "fri", "--sure", "11"], 2, "from 0 to 10"),
        (["log", "Bo", "--when", "tomorrow"], 1, "That is still to come. Log a contact once it"),
        (["log", "Bo", "--context", "Choir"], 1, "No part of life called 'Choir' on your map yet."),
        (["log", "Bo", "--how", "pigeon"], 2, "say in-person, call, text, social or other"),
        (["done", "99"], 1, "There is no step #99. planner-tui plan lists every step"),
        (["done", "#-1"], 1, "There is no step #-1. planner-tui plan lists every step"),
        (["skip", "-1"], 1, "There is no step #-1."),
        (["later", "# +3", "fri"], 1, "There is no step #+3."),
        (["done", "Ana Costa"], 1, "Ana Costa has no small step planned."),
        (["done", "1", "--when", "tomorrow"], 1, "still to come"),
        (["later", "1", "someday"], 1, "I couldn't read 'someday'"),
        (["later", "1", "last week"], 1, "has already passed"),
        (["no-reply", "3", "--follow-up", "last week", "--anyway"], 1, "has already passed"),
        (["no-reply", "3"], 1, "still to come. If it has happened already, add --anyway."),
        (["snooze", "Bo", "400"], 2, "from 0 to 365"),
        (["date", "Bo", "birthday"], 2, "say the day too"),
        (["date", "Bo", "birthday", "31", "feb"], 1, "is not a day on the calendar"),
        (["date", "Bo", "wedding", "--remove"], 1, "Bo has no date called 'wedding'."),
    ],
)  # fmt: skip
def test_the_loop_refuses_in_one_line_and_changes_nothing(
    home: Path, argv: list[str], code: int, said: str
) -> None:
    before = everything(home)
    result = run(home, *argv)
    assert_one_line_error(result, code, said)
    assert everything(home) == before


def test_log_a_contact_with_several_people(home: Path) -> None:
    result = run(home, "log", "Ana Silva", "Bobby", "--when", "yesterday 6pm", "--how", "call",
                 "--warmth", "4", "--who-reached-out", "them", "--note", "soup [b]x[/b]",
                 "--gave", "practical", "--got", "emotional")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (
        result.stdout == "Saved: a contact with Ana Silva, Bo, Sun 22 Nov, 18:00 (call / video).\n"
    )
    database = opened(home)
    try:
        with database.session() as s:
            [contact] = people.list_interactions(session=s, limit=1)
            drifting = people.drifting_people(session=s)
    finally:
        database.dispose()
    assert (contact.people, contact.warmth, contact.initiator, contact.note) == (
        ["Ana Silva", "Bo"], 4, "them", "soup [b]x[/b]")  # fmt: skip
    assert contact.gave_practical and contact.got_emotional and not contact.gave_emotional
    assert drifting == []  # Bo is back within his rhythm
    # One person named twice is one in the message too (nu172: "Nina (#7), Nina (#7)")
    again = run(home, "log", "Bo", "Bobby", "--when", "yesterday 7pm")
    assert again.stdout.startswith("Saved: a contact with Bo, Sun 22 Nov, 19:00"), again.stdout
    # The Markdown export says the support in one sentence (nu172: "…; They helped me out")
    exported = run(home, "export", "--format", "markdown").stdout
    assert "I helped out; they listened to me" in exported


@pytest.mark.parametrize("how", ["in person", "In Person", "in_person", " in-person "])
def test_how_is_taken_as_people_write_it(home: Path, how: str) -> None:
    result = run(home, "log", "Bobby", "--how", how)
    assert result.returncode == 0, result.stderr
    assert "(in person)" in result.stdout, result.stdout


def test_log_without_how_takes_the_app_forms_defaults_and_says_so(home: Path) -> None:
    from planner_tui.db.models import LOGGED_CHANNEL, LOGGED_INITIATOR

    plain = run(home, "log", "Bo")
    assert plain.returncode == 0, plain.stderr
    assert plain.stdout.splitlines() == [
        "Saved: a contact with Bo, Mon 23 Nov, 20:00 (in person).",
        "Taken as: in person and both / arranged together. If that isn't so, change it in "
        "the app (on their page, Enter on the contact); next time, say it with --how and "
        "--who-reached-out.",
    ]
    # (--anyway: the same minute again, as if logged twice)
    half = run(home, "log", "Bo", "--who-reached-out", "me", "--anyway").stdout.splitlines()
    assert half[1].startswith("Taken as: in person. ") and half[1].endswith("with --how.")
    said = run(home, "log", "Bo", "--how", "text", "--who-reached-out", "them").stdout
    assert "Taken as" not in said
    database = opened(home)
    try:
        with database.session() as s:
            logged = people.list_interactions(session=s, limit=3)
    finally:
        database.dispose()
    assert sorted((c.channel, c.initiator) for c in logged) == sorted([
        (LOGGED_CHANNEL, LOGGED_INITIATOR), (LOGGED_CHANNEL, "me"), ("text", "them")])  # fmt: skip


def test_outcomes_from_the_shell_say_what_the_app_says(home: Path) -> None:
    from planner_tui.ui.forms.outcome import outcome_message

    done = run(home, "done", "Bo", "--felt", "2", "--warmth", "5", "--note", "lovely")
    assert done.returncode == 0, done.stderr
    first = all_steps(home)[1]
    assert first.status is StepStatus.DONE and first.outcome_note == "lovely"
    app_says = outcome_message(OutcomeResult(first, []))
    assert done.stdout == (  # and, due days ago, that it counted as in touch at its time
        f"#2: Friday 20 Nov, 18:00 — call (Bo)\n{app_says}\n"
        "Counted as in touch Fri 20 Nov, 18:00.\n"
    )
    assert "Easier than you expected (2/5, you thought 4/5)" in app_says

    declined = run(home, "declined", "1", "--another-time", "next sat 11am")
    assert declined.returncode == 0, declined.stderr
    following = all_steps(home)[-1]
    app_says = outcome_message(OutcomeResult(all_steps(home)[0], [following]))
    numbered = app_says.replace("Next: ", f"Next (#{following.id}): ")  # and its number
    assert declined.stdout.splitlines()[1:] == [*numbered.splitlines(), words.DECLINE_REFRAME]
    assert declined.stdout.lower().count("timing") == 1  # "Timing, not you." said it twice

    no_reply = run(home, "no-reply", "Bo", "--anyway")  # his soonest: tomorrow's walk
    follow_up = all_steps(home)[-1]
    assert follow_up.action == "gently follow up: walk"
    # Reached out early (Monday evening): 3 days after that, at the step's time of day.
    assert follow_up.due_at == at("2026-11-26T09:00")
    app_says = outcome_message(OutcomeResult(all_steps(home)[2], [follow_up]))
    assert no_reply.stdout.splitlines()[1:] == [
        *app_says.replace("Next: ", f"Next (#{follow_up.id}): ").splitlines(),
        words.NO_REPLY_LINE,
    ]
    later = run(home, "later", f"#{following.id}", "sun", "3pm")
    moved = all_steps(home)[-1]
    assert (
        later.returncode == 0 and f"Moved.\nNext (#{moved.id}): Sun 29 Nov, 15:00" in later.stdout
    )
    # The old number again (as a shell's history has it): the step it goes on as is named,
    # however many times it moved.
    assert_one_line_error(
        run(home, "done", f"#{following.id}"),
        1,
        f"This step already has an outcome: another time. It goes on as #{moved.id}, Sun 29 Nov, 15:00.",
    )
    assert run(home, "later", f"#{moved.id}", "mon", "4pm").returncode == 0
    again = all_steps(home)[-1]
    assert_one_line_error(
        run(home, "done", f"#{following.id}"),
        1,
        f"This step already has an outcome: another time. It goes on as #{again.id}, Mon 30 Nov, 16:00.",
    )
    skipped = run(home, "skip", str(follow_up.id), "--note", "not needed")
    assert skipped.stdout.splitlines()[1:] == ["Let go.", words.SKIPPED_LINE]  # kind once, nu169
    again = run(home, "skip", str(follow_up.id))
    assert_one_line_error(again, 1, "This step already has an outcome: let go.")
    # Said first: not "still to come, add --anyway", which would then say this.
    assert_one_line_error(run(home, "done", str(follow_up.id)), 1, again.stderr.strip())


def test_a_name_acts_on_the_step_due_nearest_now_or_lists_the_choices(home: Path) -> None:
    """Ana Silva has step #1 this afternoon; a five-month-old one and one tomorrow are
    added: `declined "Ana Silva"` is about this afternoon's."""
    database = opened(home)
    try:
        with database.write() as s:
            [ana] = people.people_called(session=s, typed="Ana Silva")
            old = steps.create_step(session=s, data={"person_id": ana.id, "action": "old call",
                                    "due_at": at("2026-06-20T18:00")}).id  # fmt: skip
            steps.create_step(session=s, data={"person_id": ana.id, "action": "tea",
                              "due_at": at("2026-11-24T18:00")})  # fmt: skip
    finally:
        database.dispose()
    declined = run(home, "declined", "Ana Silva")
    assert declined.returncode == 0, declined.stderr
    assert declined.stdout.startswith("#1: Monday 23 Nov, 14:00 — send Ana a short message")
    assert {s.id: s.status for s in all_steps(home)}[old] is StepStatus.PLANNED
    # Two steps on the day it would be: listed with their numbers; nothing changes.
    run(home, "plan", "Ana Silva", "text Ana", "20:30")
    long = "call Ana about the move and the boxes and the keys"  # cut, with … to say so
    run(home, "plan", "Ana Silva", long, "21:00")
    before = everything(home)
    both = run(home, "done", "ana silva")
    assert_one_line_error(both, 1, "Ana Silva has 2 steps that day — #6 Mon 23 Nov, 20:30 ")
    assert f"#7 Mon 23 Nov, 21:00 {long[:39]}…. Say which one" in both.stderr
    assert everything(home) == before


def test_plan_alone_lists_the_open_steps_with_their_numbers(home: Path) -> None:
    listed = run(home, "plan")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines() == [  # in columns
        "#2  not yet, Fri 20 Nov, 18:00  call (Bo)",
        "#1  Mon 23 Nov, 14:00           send Ana a short message (Ana Silva)",
        "#3  Tue 24 Nov, 09:00           walk (Bo)",
    ]
    assert run(home, "plan", "bobby").stdout.splitlines() == [listed.stdout.splitlines()[0],
                                                              listed.stdout.splitlines()[2]]  # fmt: skip
    # Nothing listed: the sentence goes to stderr, as search's, so a script counts no line.
    nothing = run(home, "plan", "Ana Costa")
    assert (nothing.stdout, nothing.stderr) == ("", words.nothing_planned("Ana Costa") + "\n")
    # Every step a command makes says its number, to use in the next command.
    repeat = run(home, "plan", "Bo", "text", "sat 10am", "--repeat", "weekly")
    assert repeat.stdout.startswith("Planned (#4): Saturday 28 Nov, 10:00")
    done = run(home, "done", "4", "--anyway")  # due Saturday
    assert "The series goes on (#5): Sat 5 Dec, 10:00 — text" in done.stdout
    # …and says it repeats, as the Plan view does (it looked like a step for once).
    assert (
        "#5  Sat 5 Dec, 10:00            text (Bo) · every week"
        in run(home, "plan").stdout.splitlines()
    )
    assert "#4" not in run(home, "plan").stdout


def test_a_declined_or_unanswered_step_plans_its_own_backup_as_the_app_does(home: Path) -> None:
    """The app's form offers a step's own backup as the next step (ctrl+s plans it); the
    command line only showed it, and after no reply planned a follow-up of its own."""
    declined = run(home, "declined", "2")
    assert "Next (#4): Sun 29 Nov, 18:00 — a voice note on Sunday" in declined.stdout
    assert "Your backup plan" not in declined.stdout
    for when in ("tomorrow 6pm", "wed 6pm"):
        planned = run(home, "plan", "Bo", "text Bo", when, "--backup",
                      "if no answer, a voice note the next evening")  # fmt: skip
        assert planned.returncode == 0, planned.stderr
    unanswered = run(home, "no-reply", "5", "--anyway")  # tomorrow's: reached out already
    # …this evening: the next evening is tomorrow's (the day after the step, it was).
    assert "Next (#7): Tue 24 Nov, 19:00 — gently follow up: a voice note\n" in unanswered.stdout
    kept = run(home, "no-reply", "6", "--no-follow-up", "--anyway")
    assert kept.stdout.splitlines()[-1] == (
        "Your backup plan: if no answer, a voice note the next evening"
    )
    quiet = run(home, "no-reply", "3", "--no-follow-up", "--anyway")  # tomorrow's
    assert "Next" not in quiet.stdout and len(all_steps(home)) == 7  # nothing more: as asked
    # A "not now" is an answer: a backup for no answer is neither planned nor said (a call
    # was planned for someone who had just asked for space, nu179).
    run(home, "plan", "Bo", "call Bo", "thu 6pm", "--backup", "if he doesn't pick up, a text")
    answered = run(home, "declined", "8")
    assert "Next" not in answered.stdout and "backup" not in answered.stdout
    assert len(all_steps(home)) == 8


def test_done_on_a_step_from_an_earlier_day_is_its_contact_then(home: Path) -> None:
    """`done 2` on Monday for a call due Friday logged the contact on Monday, as the app's
    form did: it starts at the step's own time now, in both; --when says otherwise."""
    assert run(home, "done", "2").returncode == 0
    assert run(home, "done", "1", "--when", "now").returncode == 0  # due today: said now
    database = opened(home)
    try:
        with database.session() as s:
            [bo] = people.people_called(session=s, typed="Bo")
            [ana] = people.people_called(session=s, typed="Ana Silva")
            bo_contacts = people.list_interactions(session=s, person_id=bo.id)
            [ana_contact] = people.list_interactions(session=s, person_id=ana.id)
    finally:
        database.dispose()
    assert sorted(c.occurred_at for c in bo_contacts) == [at("2026-11-01T12:00"),
                                                         at("2026-11-20T18:00")]  # fmt: skip
    assert ana_contact.occurred_at == at("2026-11-23T20:00")  # the frozen now


def test_a_fresh_map_says_how_to_add_someone_and_add_does(
    tmp_path: Path, sqlite_template: Path
) -> None:
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    shutil.copy(sqlite_template, fresh / "planner.db")
    empty = run(fresh, "people")
    assert (empty.stdout, empty.stderr) == ("", words.EMPTY_MAP_SHELL + "\n")
    # not "Everyone is within the rhythm you hoped for", of no one (nu283)
    assert run(fresh, "people", "--drifting").stderr == words.EMPTY_MAP_SHELL + "\n"
    assert "planner-tui add" in words.EMPTY_MAP_SHELL
    unknown = run(fresh, "plan", "Maria Silva", "call", "tomorrow")
    assert_one_line_error(unknown, 1, "To add them: planner-tui add 'Maria Silva'")
    # Not offered where `add` would refuse it, or where a number was meant (nu226)
    number = run(fresh, "log", "1")
    assert_one_line_error(number, 1, "No one called '1' on your map. For the person numbered 1")
    escaped = run(fresh, "log", "Bo\x1b]0;x\x07")
    assert_one_line_error(escaped, 1, "No one called 'Bo␛]0;x␇' on your map.")
    assert "planner-tui add" not in number.stderr + escaped.stderr
    added = run(fresh, "add", "Maria Silva", "--rhythm", "every 2 weeks", "--context", "Choir")
    assert added.returncode == 0, added.stderr
    assert added.stdout.splitlines() == [
        "Added Maria Silva to your map.",
        "In your middle circle, hoping to be in touch every 2 weeks; part of Choir.",
        "New part of life on your map: Choir",
    ]
    again = run(fresh, "add", "Maria", "--context", "choir", "--circle", "inner")
    assert again.stdout.splitlines()[:2] == [
        "Added Maria to your map.",
        "In your inner circle; part of Choir.",
    ]
    assert len(again.stdout.splitlines()) == 2  # the context was there already
    planned = run(fresh, "plan", "Maria Silva", "call", "tomorrow 6pm")
    assert planned.returncode == 0, planned.stderr
    everyone = run(fresh, "people").stdout.splitlines()
    assert [line.split("  ")[1].strip() for line in everyone] == ["Maria", "Maria Silva"]


@pytest.mark.parametrize("typed", ["maria silva", "MARIASILVA", "Mari"])
def test_add_offers_the_person_already_on_the_map_and_changes_nothing(
    home: Path, typed: str
) -> None:
    run(home, "add", "Maria Silva", "--nickname", "Mari")
    before = everything(home)
    result = run(home, "add", typed)
    # by her nickname, said: "Maria Silva is already on your map" of `add mari` (nu265)
    called = "Maria Silva (known as Mari)" if typed == "Mari" else "Maria Silva"
    assert_one_line_error(result, 1, f"{called} is already on your map")
    assert "--anyway" in result.stderr and everything(home) == before
    someone_else = run(home, "add", typed, "--anyway")
    assert someone_else.returncode == 0 and everything(home) != before


@pytest.mark.parametrize(
    ("argv", "code", "said"),
    [
        (["add", ""], 1, "Name can't be empty"),
        (["add", "Mo", "--rhythm", "often"], 1, "'every 3 weeks'"),
        (["add", "Mo", "--circle", "close"], 2, "invalid choice"),
        (
            ["add", "Cy"],
            1,
            "Cy is already on your map, archived: a on the Map brings them back, then plan",
        ),
        # Kat's name is free; the nickname names Bo (it said "Bo is already on your map").
        (["add", "Kat", "--nickname", "bo"], 1, "bo already names Bo (#3), so it would name two"),
        # "Costa" finds Ana Costa by her surname: as Hal's nickname, `log Costa` and @Costa
        # would have gone to Hal without a word (nu226, with a first name)
        (
            ["add", "Hal", "--nickname", "costa"],
            1,
            "costa finds Ana Costa (#2) now; as Hal's nickname, it would find Hal instead. Choose",
        ),
        (
            ["add", "Hal", "--nickname", "ana"],
            1,
            "ana finds Ana Silva (#1) and Ana Costa (#2) now; as Hal's nickname, it would find",
        ),
    ],
)
def test_add_refuses_in_one_line(home: Path, argv: list[str], code: int, said: str) -> None:
    before = everything(home)
    assert_one_line_error(run(home, *argv), code, said)
    assert everything(home) == before


@pytest.mark.parametrize(
    ("argv", "code", "said"),
    [
        (["add", ""], 1, "Name can't be empty"),
        (["add", "x" * 2_000], 1, "Name can be at most 1,000 characters; this one has 2,000."),
        (["demo", "--years", "-1"], 2, "--years: should be more than 0 and at most 200"),
    ],
)
def test_a_refusal_in_a_new_home_leaves_no_planner_behind(
    tmp_path: Path, argv: list[str], code: int, said: str
) -> None:
    """`demo --years -1` and `add ""` said no, but made an empty planner there: the next
    command said "No one on your map yet", not that there is no planner (nu150)."""
    fresh = tmp_path / "new"
    assert_one_line_error(run(fresh, *argv), code, said)
    assert not (fresh / "planner.db").exists()
    assert_one_line_error(run(fresh, "people"), 1, "There is no planner in")


def test_snooze_and_people(home: Path) -> None:
    drifting = run(home, "people", "--drifting")
    assert drifting.stdout.split()[:4] == ["#3", "Bo", "middle", "last"]
    assert "past it by 2 weeks" in drifting.stdout
    assert (
        run(home, "snooze", "Bo").stdout
        == "Resting reminders for Bo until 7 Dec. A pause is fine: they start again on 8 Dec.\n"
    )
    # Bo is still past it, resting: not "everyone is within the rhythm" (nu167)
    assert run(home, "people", "--drifting").stderr == (
        "Everyone is within the rhythm you hoped for, apart from Bo, resting for now.\n"
    )
    # …and `today`, which then said nothing of him, says so as Today does (nu243).
    said = run(home, "today").stdout
    assert "Everyone is within the rhythm you hoped for, apart from Bo, resting for now." in said
    listed = run(home, "people")
    everyone = listed.stdout.splitlines()
    assert [line.split("  ")[1].strip() for line in everyone] == [
        "Ana Costa", "Ana Silva", "Bo"]  # fmt: skip
    assert "resting until 7 Dec" in everyone[2]
    # Cy, archived, is said (on stderr: no line of the list) and listed on asking, as the
    # Map's h shows them (nu167)
    assert (
        listed.stderr
        == "1 person archived, not listed (planner-tui people --archived lists them).\n"
    )
    archived = run(home, "people", "--archived").stdout.splitlines()
    assert [line.split("  ")[1].strip() for line in archived] == ["Cy"]
    # Each column under the one above: a rhythm or a rest pushed the rest along (nu161)
    run(home, "add", "Dee", "--rhythm", "every 2 weeks", "--context", "Choir")
    run(home, "log", "Dee", "--when", "yesterday")
    everyone = run(home, "people").stdout.splitlines()
    for said in ("last in touch", "hoped for", "Choir"):
        starts = {line.index(said) for line in everyone if said in line}
        assert len(starts) == 1, everyone
    assert run(home, "snooze", "Bo", "0").stdout == "Reminders for Bo are back on.\n"
    assert "Bo" in run(home, "people", "--drifting").stdout
    # Ana Costa has no rhythm: no reminder would come, and the line says so.
    assert run(home, "snooze", "Ana Costa").stdout == (
        "Resting reminders for Ana Costa until 7 Dec — though with no rhythm set for them, "
        "none would come (e on the Map sets one).\n"
    )
    # Letting her reminders out of their rest says the same, and so does asking that of
    # someone whose reminders weren't resting.
    assert run(home, "snooze", "Ana Costa", "0").stdout == (
        "Reminders for Ana Costa are no longer resting — though with no rhythm set for them, "
        "none will come (e on the Map sets one).\n"
    )
    assert run(home, "snooze", "Ana Costa", "0").stdout == (
        "Reminders for Ana Costa weren't resting, so nothing changed.\n"
    )
    assert run(home, "snooze", "Bo", "0").stdout == (
        "Reminders for Bo weren't resting, so nothing changed.\n"
    )


@pytest.mark.parametrize(
    ("now", "said"),
    [
        ("2026-11-10T20:00:00", "a little past it (2 days)"),
        ("2026-11-12T20:00:00", "past it by 4 days"),  # over half of weekly: no little while
        ("2026-11-23T20:00:00", "past it by 2 weeks"),
        ("2027-10-23T20:00:00", "past it by 11 months"),
        ("2029-11-23T20:00:00", "past it by 3 years"),
    ],
)
def test_people_drifting_says_how_far_past_on_a_scale(home: Path, now: str, said: str) -> None:
    """Bo, weekly, last in touch 1 Nov 2026: the wording grows with the gap instead of
    calling every gap 'a little'."""
    line = run(home, "people", "--drifting", now=now).stdout
    assert said in line, line
    assert ("a little" in line) == said.startswith("a little")


def test_dates_from_the_shell_show_up_in_today_and_the_calendar(home: Path) -> None:
    from icalendar import Calendar

    added = run(home, "date", "Ana Silva", "moved to Leeds", "2024-11-28")
    assert added.stdout == "Saved. Ana Silva: Moved to Leeds 28 Nov 2024.\n"
    run(home, "date", "Ana Silva", "birthday", "29", "feb")
    assert run(home, "date", "Ana Silva").stdout == (
        "Ana Silva: Birthday 29 Feb · Moved to Leeds 28 Nov 2024.\n"
    )
    coming = run(home, "today").stdout.splitlines()[-1]
    assert coming == ("Coming up: Bo — birthday, Thu 26 Nov (in 3 days) · "
                      "Ana Silva — moved to Leeds, Sat 28 Nov (in 5 days)")  # fmt: skip
    ics = run_process(home, "export", "--format", "ics")
    summaries = {str(e["SUMMARY"]) for e in Calendar.from_ical(ics.stdout).walk("VEVENT")}
    assert {"Ana Silva — birthday", "Ana Silva — moved to Leeds", "Bo — birthday"} <= summaries
    removed = run(home, "date", "ana silva", "MOVED TO LEEDS", "--remove")
    assert removed.stdout == "Removed from Ana Silva: Moved to Leeds 28 Nov 2024.\n"
    no_dates = run(home, "date", "Ana Costa")
    assert (no_dates.stdout, no_dates.stderr) == ("", words.no_dates("Ana Costa") + "\n")


def test_names_are_found_as_people_type_them(home: Path) -> None:
    """The one name rule, from the shell: letters typed plainly, without the emoji, or by a
    word only one person's name has; a word two names share still lists both."""
    for name in ("Zoë Ångström-Łukasz", "Maria Pereira 🌻"):
        assert run(home, "add", name).returncode == 0
    assert run(home, "date", "zoe angstrom-łukasz").stderr == (
        words.no_dates("Zoë Ångström-Łukasz") + "\n"
    )
    assert run(home, "date", "maria pereira").stderr == words.no_dates("Maria Pereira 🌻") + "\n"
    assert run(home, "log", "costa", "pereira").stdout.startswith(
        "Saved: a contact with Ana Costa, Maria Pereira 🌻,"
    )
    assert_one_line_error(run(home, "add", "Maria Pereira"), 1, "already on your map")
    run(home, "add", "Lu Costa")
    before = everything(home)
    assert_one_line_error(
        run(home, "log", "costa"), 1, "'costa' could be Ana Costa (#2), Lu Costa (#7)."
    )
    assert everything(home) == before


def test_a_name_with_brackets_is_found_by_a_word_of_it(home: Path) -> None:
    """Brackets in a name part its words, as punctuation does: 'Zoë' names someone added
    as '[bold]Zoë[/] 🌻' in every command and in a check-in's @mention, as the wizard's
    Who page finds her by 'zo'."""
    assert run(home, "add", "[bold]Zoë[/] 🌻").returncode == 0
    said = run(home, "date", "Zoë").stderr
    assert said == words.no_dates("[bold]Zoë[/] 🌻") + "\n"
    command = shlex.split(said.split("Add one: planner-tui ", 1)[1])  # it names her, runnable
    assert run(home, *command).returncode == 0
    assert "Birthday 12 Apr" in run(home, "date", "Zoë").stdout
    logged = run(home, "log", "Ana Silva", "zoë")
    assert logged.stdout.startswith("Saved: a contact with Ana Silva, [bold]Zoë[/] 🌻,"), logged
    checked_in = run(home, "journal", "tea with @Zoë")
    assert checked_in.stdout.splitlines()[0].endswith(", mentioning [bold]Zoë[/] 🌻."), checked_in
    assert checked_in.stderr == ""


def test_a_date_set_again_is_changed_not_doubled(home: Path) -> None:
    run(home, "date", "Bo", "wedding", "12", "apr")
    changed = run(home, "date", "Bobby", "Birthday", "13 Apr")
    assert changed.stdout.splitlines() == [
        "Birthday changed from 26 Nov.",
        "Saved. Bo: Wedding 12 Apr · Birthday 13 Apr.",
    ]
    again = run(home, "date", "Bo", "  WEDDING ", "12/4/2011")  # names it; doesn't re-spell it
    assert again.stdout.splitlines()[0] == "Wedding changed from 12 Apr."
    assert run(home, "date", "Bo").stdout == "Bo: Wedding 12 Apr 2011 · Birthday 13 Apr.\n"
    assert "birthday" not in run(home, "today").stdout  # the 26th is no longer his


def test_the_loop_as_a_shell_runs_it(home: Path) -> None:
    """Real processes: plan, see it in today, mark it done; UTF-8 names on the way."""
    planned = run_process(
        home, "plan", "Ana Silva", "send Zoë 👋", "in 30 minutes", "--cue", "après le thé"
    )
    assert planned.returncode == 0, planned.stderr
    assert planned.stdout.decode().startswith(
        "Planned (#4): Monday 23 Nov, 20:30 (today) — send Zoë 👋"
    )
    today = run_process(home, "today").stdout.decode()
    assert "  #4  20:30  Après le thé: send Zoë 👋 (Ana Silva)\n" in today
    done = run_process(home, "done", "4", "--warmth", "5")
    assert done.returncode == 0 and "Done. That counts." in done.stdout.decode()
    unknown = run_process(home, "log", "Nobody")
    assert unknown.returncode == 1
    assert unknown.stderr.decode() == (
        "planner-tui: No one called 'Nobody' on your map. To add them: planner-tui add Nobody\n"
    )
    with sqlite3.connect(home / "planner.db") as c:
        assert c.execute("SELECT status FROM step WHERE id = 4").fetchone() == ("done",)


def test_the_journal_check_in_shows_in_today(home: Path) -> None:
    database = opened(home)
    try:
        with database.write() as s:
            journal.save_entry(session=s, data={"day": datetime(2026, 11, 23, tzinfo=UTC).date(),
                               "body": "a walk"})  # fmt: skip
    finally:
        database.dispose()
    assert "Today's check-in: done — thank you" in run(home, "today").stdout


def test_past_midnight_a_check_in_from_the_shell_is_the_day_just_gone(home: Path) -> None:
    """As `c` in the app: at 00:40 the words are the evening's (nu159)."""
    late = "2026-11-24T00:40"
    title = "Check-in for Monday 23 November (past midnight: the day just gone)"
    assert f"{title}: not yet" in run(home, "today", now=late).stdout
    assert run(home, "journal", "a late walk", now=late).returncode == 0
    assert f"{title}: done — thank you" in run(home, "today", now=late).stdout
    # A script is told the day too: "checked_in" beside "today": "…-24" read as the 24th's
    data = json.loads(run(home, "today", "--json", now=late).stdout)  # (nu278)
    assert (data["today"], data["checked_in"], data["check_in_day"]) == (
        "2026-11-24", True, "2026-11-23")  # fmt: skip
    assert run(home, "journal", "another", "--day", "today", now=late).returncode == 0
    with sqlite3.connect(home / "planner.db") as c:
        days = c.execute("SELECT day, body FROM journal_entry ORDER BY id").fetchall()
    assert days == [("2026-11-23", "a late walk"), ("2026-11-24", "another")]


def test_a_busy_week_stays_a_few_lines(home: Path) -> None:
    for n, name in enumerate(["Ana Silva", "Ana Costa", "Bobby", "Ana Silva", "Ana Costa"]):
        assert run(home, "date", name, f"day {n}", f"{24 + n} Nov").returncode == 0
    for when in ("20:30", "21:00", "21:30"):
        run(home, "plan", "Bo", "text", when)
    lines = run(home, "today").stdout.splitlines()
    assert len(lines) == 10  # Bo, past his rhythm, has his steps listed: not suggested again
    assert lines[5] == "  … and 2 more (planner-tui plan lists them all)"
    assert lines[6] == "Next step: Tue 24 Nov, 09:00 — walk (Bo)"
    # Her step at 14:00 today, on the eve of day 0 but before its evening, is about
    # something else: a routine step that morning was taken to see the date to.
    assert lines[-1].startswith("Coming up: Ana Silva — day 0, tomorrow · ")
    assert lines[-1].endswith(" · and 2 more")


def test_the_shipped_timer_and_the_readmes_lines_are_commands_that_parse() -> None:
    """What README and contrib/ tell people to run is a command planner-tui reads."""
    import shlex

    from planner_tui import cli

    root = Path(__file__).parent.parent.parent
    service = (root / "contrib" / "systemd" / "planner-tui-remind.service").read_text()
    [exec_start] = [line for line in service.splitlines() if line.startswith("ExecStart=")]
    readme = (root / "README.md").read_text(encoding="utf-8")
    lines = [exec_start.removeprefix("ExecStart=")] + [
        line.split("#")[0].replace("\\", "")
        for line in readme.splitlines()
        if "planner-tui today --quiet" in line or line.startswith("*/5 * * * *")
        or line.startswith(("planner-tui plan", "planner-tui log", "planner-tui done",
                            "planner-tui no-reply", "planner-tui later", "planner-tui snooze",
                            "planner-tui people", "planner-tui date", "planner-tui add"))
    ]  # fmt: skip
    lines = [line for line in lines if not any(mark in line for mark in ("PERSON", "[", "|"))]
    assert len(lines) >= 12  # the examples, not the synopsis
    parser = cli.build_parser()
    for line in lines:
        words_ = shlex.split(line[line.rindex("planner-tui") :])[1:]
        if words_[-1] == "--backup":  # the README's plan example goes on a second line
            words_ += ["a voice note the next evening"]
        args = parser.parse_args(words_)
        assert args.command and getattr(args, "run", None), line


WEDNESDAY = "2026-12-09T13:00:00"  # issue 17's new user, at lunch


@pytest.mark.parametrize(
    ("when", "planned"),
    [
        (["thu", "7p"], "Thursday 10 Dec, 19:00 (tomorrow)"),  # was Wednesday (today) 19:00
        (["thursday 7p"], "Thursday 10 Dec, 19:00 (tomorrow)"),
        (["thurs", "7pm"], "Thursday 10 Dec, 19:00 (tomorrow)"),
        (["sat", "10am"], "Saturday 12 Dec, 10:00 (in 3 days)"),
        (["tomorrow", "6pm"], "Thursday 10 Dec, 18:00 (tomorrow)"),
    ],
)
def test_plan_uses_every_word_of_the_time(home: Path, when: list[str], planned: str) -> None:
    result = run(home, "plan", "Bo", "call", *when, now=WEDNESDAY)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Planned (#4): {planned} — call")


@pytest.mark.parametrize(
    ("argv", "said", "not_said"),
    [
        (["plan", "Bo", "call", "th", "7pm"], "couldn't read 'th 7pm'", "ago"),  # was today
        (
            ["plan", "Bo", "call", "fri", "19", "dec"],
            "19 Dec 2026 is a Saturday, not a Friday",
            "ago",
        ),
        (["plan", "Bo", "call", "someday"], "Try 'tomorrow 6pm'", "yesterday"),
        (["plan", "Bo", "call", "someday"], "or 2026-12-16 18:00.", "2026-12-01"),
        (["log", "Bo", "--when", "someday"], "Try 'yesterday evening'", "in 3 days"),
        (["log", "Bo", "--when", "someday"], "or 2026-12-02 18:00.", "2026-12-01"),
        (["done", "1", "--when", "someday"], "'2 days ago'", "in 3 days"),
        (["later", "1", "someday"], "'in 3 days'", "ago"),
        # a check-in's day: days for examples, no time ('fri 7pm', 18:00) among them
        (["journal", "words", "--day", "someday"], "Try 'yesterday', 'last sat'", "7pm"),
        (["journal", "words", "--day", "someday"], "or 2026-12-02.", "18:00"),
    ],
)
def test_a_time_that_cant_be_used_is_refused_with_hints_that_fit(
    home: Path, argv: list[str], said: str, not_said: str
) -> None:
    before = everything(home)
    result = run(home, *argv, now=WEDNESDAY)
    assert_one_line_error(result, 1, said)
    assert not_said not in result.stderr
    assert everything(home) == before


@pytest.mark.parametrize(("setting", "trigger"), [("30", "-PT30M"), ("0", None), (None, "-PT15M")])
def test_export_ics_alarms_follow_the_setting_as_the_app_does(
    home: Path, setting: str | None, trigger: str | None
) -> None:
    """PLANNER_TUI_ALARM_MINUTES was ignored by `export --format ics` (always 15)."""
    env = {"PLANNER_TUI_ALARM_MINUTES": setting} if setting is not None else {}
    result = run(home, "export", "--format", "ics", env=env)
    assert result.returncode == 0, result.stderr
    step_alarms = [
        line for line in result.stdout.splitlines() if line.startswith("TRIGGER:-")
    ]  # a date's alarm is at 09:00 on the day (TRIGGER:PT9H)
    if trigger is None:
        assert "BEGIN:VALARM" not in result.stdout
    else:
        assert step_alarms and set(step_alarms) == {f"TRIGGER:{trigger}"}


@pytest.mark.parametrize(
    ("day", "shown", "first"),
    [
        ("2027-01-01", "1 Jan 2027", "DTSTART;VALUE=DATE:20270101"),  # was 20260101
        ("3 Jun 2011", "3 Jun 2011", "DTSTART;VALUE=DATE:20110603"),
        ("9999-12-31", "31 Dec 9999", "DTSTART;VALUE=DATE:99991231"),
        ("0001-01-01", "1 Jan 0001", "DTSTART;VALUE=DATE:00010101"),  # was refused
    ],
)
def test_a_date_with_a_year_is_kept_and_exported_from_that_year(
    home: Path, day: str, shown: str, first: str
) -> None:
    added = run(home, "date", "Ana Silva", "y", day)
    assert added.returncode == 0, added.stderr
    assert shown in added.stdout
    ics = run(home, "export", "--format", "ics").stdout
    assert first in ics.splitlines() and "RRULE:FREQ=YEARLY" in ics


def test_a_follow_up_just_after_the_step_is_kept(home: Path) -> None:
    result = run(home, "no-reply", "3", "--follow-up", "tomorrow 9:30am", "--anyway")
    assert result.returncode == 0, result.stderr
    assert all_steps(home)[-1].due_at == at("2026-11-24T09:30")


def test_plan_names_the_steps_already_planned_near_the_time(home: Path) -> None:
    """Three steps on one evening, each planned with no word of the others (nu163); the
    wizard names them beside the time, and so does `plan`."""
    first = run(home, "plan", "Ana Silva", "call Ana", "wed 7pm")
    assert first.returncode == 0 and "Also then" not in first.stdout
    second = run(home, "plan", "Bo", "send Bo a voice note", "wed 9pm")
    assert "Also then: 19:00 call Ana (Ana Silva)." in second.stdout.splitlines()
    later = run(home, "plan", "Bo", "walk with Bo", "thu 7pm")
    assert "Also then" not in later.stdout
    # A repeat typed for a day it doesn't repeat on starts on the next that it does: the
    # steps named are that day's, not the day typed's (Wednesday's for Thursday, nu179).
    moved = run(home, "plan", "Ana Silva", "text Ana", "wed 8pm", "--repeat", "every thu")
    lines = moved.stdout.splitlines()
    assert moved.returncode == 0 and any("so it starts on Thu" in line for line in lines), lines
    assert "Also then: 19:00 walk with Bo (Bo)." in lines, lines


def test_the_same_contact_logged_twice_is_asked_about(home: Path) -> None:
    """`log Bo --when "last fri"`, then `--when friday`: two identical contacts, without a
    word (nu163). The second is refused until --anyway; another way of being in touch, or
    another person with them, is another contact."""
    assert run(home, "log", "Bo", "--when", "last fri").returncode == 0
    again = run(home, "log", "Bo", "--when", "fri")
    assert_one_line_error(again, 1, "A contact with Bo, Fri 20 Nov, 12:00 (in person), is "
                          "logged already. Add --anyway to log another at the same time.")  # fmt: skip
    assert run(home, "log", "Bo", "--when", "fri", "--how", "call").returncode == 0
    assert run(home, "log", "Bo", "Ana Silva", "--when", "fri").returncode == 0
    assert run(home, "log", "Bo", "--when", "fri", "--anyway").returncode == 0
    with sqlite3.connect(home / "planner.db") as c:
        [(count,)] = c.execute("SELECT count(*) FROM interaction WHERE occurred_at LIKE "
                               "'2026-11-20 12:00%'").fetchall()  # fmt: skip
    assert count == 4


def test_done_hours_before_a_step_today_needs_anyway(home: Path) -> None:
    """`done` at 15:21 for a step at 23:00 was taken without a word (nu179)."""
    planned = run(home, "plan", "Bo", "call Bo late", "today 11:30pm").stdout
    number = planned.split("(#", 1)[1].split(")", 1)[0]
    early = run(home, "done", number)
    assert early.returncode == 1
    assert "still to come. If it has happened already, add --anyway" in early.stderr
    assert run(home, "done", number, "--anyway").returncode == 0
    # `declined` too: a wrong number recorded a "not now" five days ahead (nu185)
    ahead = run(home, "plan", "Bo", "walk with Bo", "sat 10am").stdout
    number = ahead.split("(#", 1)[1].split(")", 1)[0]
    refused = run(home, "declined", number)
    assert refused.returncode == 1 and "add --anyway" in refused.stderr
    assert run(home, "declined", number, "--anyway").returncode == 0
