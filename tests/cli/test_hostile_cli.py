"""Every command-line argument, tried with every hostile value (tests/hostile.py): the
command ends with exit 0, 1 or 2, says at most one line on stderr, never a traceback, never
prints a raw escape character, and what a successful write saved is exactly what was typed.
Runs in-process (cli.main) so the whole table takes seconds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from planner_tui import cli
from planner_tui.db.engine import Location, open_database
from planner_tui.services import journal

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
}
CASES = [
    pytest.param(name, value, id=f"{name}: {label}")
    for name in ARGUMENTS
    for label, value in TEXT.items()
]


READS = ("search", "review", "export", "backup")
"""Commands that only read: whatever they answer, the data stays as it was."""


def stored(home: Path) -> dict[str, list[str]]:
    database = open_database(Location(f"sqlite:///{home / 'planner.db'}", home))
    try:
        return stored_data(database)
    finally:
        database.dispose()


@pytest.mark.parametrize(("name", "value"), CASES)
def test_every_argument_is_used_or_refused_in_one_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    sqlite_template: Path,
    name: str,
    value: str,
) -> None:
    monkeypatch.chdir(tmp_path)  # a path argument like "" must not land anywhere else
    monkeypatch.delenv("PLANNER_TUI_HOME", raising=False)
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(sqlite_template, home / "planner.db")
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
