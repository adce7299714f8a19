"""Every command-line argument, tried with every hostile value (tests/hostile.py): the
command ends with exit 0, 1 or 2, says at most one line on stderr, never a traceback, never
prints a raw escape character, and what a successful write saved is exactly what was typed.
Runs in-process (cli.main) so the whole table takes seconds."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from planner_tui import cli, clock
from planner_tui.db.engine import Location, open_database
from planner_tui.services import journal, people, steps

from ..hostile import TEXT, one_clear_line, stored_data

ARGUMENTS: dict[str, list[str]] = {
    # name → argv, where {} is replaced by the hostile value
    "journal text": ["journal", "{}"],
    "journal --day": ["journal", "--day", "{}", "words"],
    "journal --warmth": ["journal", "--warmth", "{}", "words"],
    "journal --withdraw": ["journal", "--withdraw", "{}", "words"],
    "journal --mood": ["journal", "--mood", "{}", "words"],
    "search query": ["search", "{}"],
    "search --person": ["search", "--person", "{}"],
    "search --tag": ["search", "--tag", "{}"],
    "search --context": ["search", "--context", "{}"],
    "search --from": ["search", "--from", "{}"],
    "search --until": ["search", "--until", "{}"],
    "search --mood": ["search", "--mood", "{}"],
    "search --connected": ["search", "--connected", "{}"],
    "search --limit": ["search", "--limit", "{}"],
    "review --month": ["review", "--month", "{}"],
    "export --month": ["export", "--format", "markdown", "--month", "{}"],
    "export --format": ["export", "--format", "{}"],
    "export -o": ["export", "-o", "{}"],
    "import FILE": ["import", "{}"],
    "backup FILE": ["backup", "{}"],
    "restore FILE": ["restore", "{}", "--yes"],
    "demo --years": ["demo", "--years", "{}"],
    "demo --seed": ["demo", "--seed", "{}"],
    "--home": ["--home", "{}", "search", "x"],
    "--db": ["--db", "{}", "search", "x"],
    # The daily loop: Ana is on the map, with step 1 planned for tomorrow (see `seeded`).
    "today --json": ["today", "--json"],
    "plan PERSON": ["plan", "{}", "call", "tomorrow 6pm"],
    "plan ACTION": ["plan", "Ana", "{}", "tomorrow 6pm"],
    "plan WHEN": ["plan", "Ana", "call", "{}"],
    "plan --repeat": ["plan", "Ana", "call", "tomorrow", "--repeat", "{}"],
    "plan --cue": ["plan", "Ana", "call", "tomorrow", "--cue", "{}"],
    "plan --backup": ["plan", "Ana", "call", "tomorrow", "--backup", "{}"],
    "plan --how": ["plan", "Ana", "call", "tomorrow", "--how", "{}"],
    "plan --awkward": ["plan", "Ana", "call", "tomorrow", "--awkward", "{}"],
    "plan --sure": ["plan", "Ana", "call", "tomorrow", "--sure", "{}"],
    "log PERSON": ["log", "{}"],
    "log --when": ["log", "Ana", "--when", "{}"],
    "log --how": ["log", "Ana", "--how", "{}"],
    "log --warmth": ["log", "Ana", "--warmth", "{}"],
    "log --who-reached-out": ["log", "Ana", "--who-reached-out", "{}"],
    "log --context": ["log", "Ana", "--context", "{}"],
    "log --note": ["log", "Ana", "--note", "{}"],
    "log --gave": ["log", "Ana", "--gave", "{}"],
    "log --got": ["log", "Ana", "--got", "{}"],
    "done STEP": ["done", "{}"],
    "done --when": ["done", "1", "--when", "{}"],
    "done --warmth": ["done", "1", "--warmth", "{}"],
    "done --felt": ["done", "1", "--felt", "{}"],
    "done --how": ["done", "1", "--how", "{}"],
    "done --who-reached-out": ["done", "1", "--who-reached-out", "{}"],
    "done --note": ["done", "Ana", "--note", "{}"],
    "declined STEP": ["declined", "{}"],
    "declined --another-time": ["declined", "1", "--another-time", "{}"],
    "no-reply STEP": ["no-reply", "{}"],
    "no-reply --follow-up": ["no-reply", "1", "--follow-up", "{}"],
    "later STEP": ["later", "{}", "fri 6pm"],
    "later WHEN": ["later", "1", "{}"],
    "skip STEP": ["skip", "{}"],
    "skip --note": ["skip", "1", "--note", "{}"],
    "snooze PERSON": ["snooze", "{}"],
    "snooze DAYS": ["snooze", "Ana", "{}"],
    "date PERSON": ["date", "{}"],
    "date LABEL": ["date", "Ana", "{}", "12 Apr"],
    "date DAY": ["date", "Ana", "birthday", "{}"],
    "date --remove LABEL": ["date", "Ana", "{}", "--remove"],
    "remind --within": ["remind", "--within", "{}"],
    "add NAME": ["add", "{}"],
    "add --rhythm": ["add", "Mo", "--rhythm", "{}"],
    "add --context": ["add", "Mo", "--context", "{}"],
    "add --nickname": ["add", "Mo", "--nickname", "{}"],
}
CASES = [
    pytest.param(name, value, id=f"{name}: {label}")
    for name in ARGUMENTS
    for label, value in TEXT.items()
]


READS = ("search", "review", "export", "backup", "today", "people")
"""Commands that only read: whatever they answer, the data stays as it was."""


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Path:
    """The empty database with Ana on the map and step 1 (a call) planned for tomorrow."""
    home = tmp_path_factory.mktemp("seeded")
    shutil.copy(sqlite_template, home / "planner.db")
    database = open_database(Location(f"sqlite:///{home / 'planner.db'}", home))
    try:
        with database.write() as s:
            ana = people.create_person(session=s, data={"name": "Ana"}).id
            due = datetime(2026, 11, 24, 18, tzinfo=clock.local_zone())
            steps.create_step(session=s, data={"person_id": ana, "action": "call", "due_at": due})
    finally:
        database.dispose()
    return home / "planner.db"


SAVED_AS_TYPED = ("plan ACTION", "plan --cue", "plan --backup", "log --note", "done --note",
                  "skip --note", "date LABEL", "add NAME", "add --nickname",
                  "add --context")  # fmt: skip


def saved_text(home: Path, name: str) -> str | None:
    """What a successful run of the argument *name* saved of the typed value, if it saves
    it as text."""
    database = open_database(Location(f"sqlite:///{home / 'planner.db'}", home))
    try:
        with database.session() as s:
            planned = steps.list_steps(session=s, limit=None)
            newest = max(planned, key=lambda step: step.id)
            first = next(step for step in planned if step.id == 1)
            contact = people.list_interactions(session=s, limit=1)
            dates = people.list_dates(session=s, person_id=first.person_id)
            newest_person = max(people.list_people(session=s), key=lambda p: p.id or 0)
            contexts = people.list_contexts(session=s)
    finally:
        database.dispose()
    return {
        "plan ACTION": newest.action,
        "plan --cue": newest.cue,
        "plan --backup": newest.backup,
        "log --note": contact[0].note if contact else None,
        "done --note": first.outcome_note,
        "skip --note": first.outcome_note,
        "date LABEL": dates[0].label if dates else None,
        "add NAME": newest_person.name,
        "add --nickname": newest_person.nickname,
        "add --context": contexts[0].name if contexts else None,
    }.get(name)


def stored(home: Path) -> dict[str, list[str]]:
    return stored_data(home / "planner.db")


@pytest.mark.parametrize(("name", "value"), CASES)
def test_every_argument_is_used_or_refused_in_one_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    seeded: Path,
    name: str,
    value: str,
) -> None:
    monkeypatch.chdir(tmp_path)  # a path argument like "" must not land anywhere else
    monkeypatch.delenv("PLANNER_TUI_HOME", raising=False)
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(seeded, home / "planner.db")
    before = stored(home)
    argv = [part.replace("{}", value) if part == "{}" else part for part in ARGUMENTS[name]]
    ours = not argv[0].startswith("--")  # --home and --db cases name a place of their own
    if ours:
        argv = ["--home", str(home), *argv]
    code = cli.main(argv)
    out, err = capsys.readouterr()
    assert code in (0, 1, 2), (code, err)
    assert "Traceback" not in err and "something unexpected" not in err, err
    assert len(err.strip().splitlines()) <= 1, err
    assert "\x1b" not in out and "\x1b" not in err
    assert not (tmp_path / "planner.db").exists()  # nothing written beside the tests
    if code != 0:  # refused: one clear line, and nothing stored changed
        one_clear_line(err, typed=value)
        assert stored(home) == before, err
        return
    if ours and name.split()[0] in READS:
        assert stored(home) == before
    if name in SAVED_AS_TYPED:  # notes exactly; names and cues without outer spaces
        kept = value if name.endswith("--note") else value.strip()
        assert saved_text(home, name) == kept
    if name.startswith("journal"):
        database = open_database(Location(f"sqlite:///{home / 'planner.db'}", home))
        with database.session() as s:
            [entry] = journal.list_entries(session=s, limit=None)
        database.dispose()
        field = {"journal text": "body", "journal --warmth": "warmth_note",
                 "journal --withdraw": "withdraw_note"}.get(name)  # fmt: skip
        if field:
            assert getattr(entry, field) == value
        if name == "journal --mood":
            assert entry.mood == int(value)


@pytest.mark.parametrize("flag", ["NAME", "--nickname"])
@pytest.mark.parametrize("label", ["control characters", "escape sequences"])
def test_what_someone_is_called_holds_no_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], flag: str, label: str
) -> None:
    """A nickname took an escape sequence (a name never did): `plan` then offered "send
    ␛]0;HACK␇ a short message", and `today --json` gave it to scripts raw."""
    home = tmp_path / "home"
    argv = ["add", TEXT[label]] if flag == "NAME" else ["add", "Cy", "--nickname", TEXT[label]]
    assert cli.main(["--home", str(home), *argv]) == 1
    err = capsys.readouterr().err
    assert "can't contain control characters or line breaks" in err, err
    assert not (home / "planner.db").exists()  # refused before a planner was made there
