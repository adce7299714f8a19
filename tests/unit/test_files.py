"""Writing files whole or not at all."""

from __future__ import annotations

import os
import shlex
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from planner_tui.db.engine import Location, open_database
from planner_tui.errors import InvalidInput
from planner_tui.files import read_named, typed_path, write_atomic
from planner_tui.services import people, vcard


def test_a_written_file_is_whole_and_private(tmp_path: Path) -> None:
    target = tmp_path / "new folder" / "export.md"
    write_atomic(target, "# Journal\n" * 10_000)
    assert target.read_text(encoding="utf-8") == "# Journal\n" * 10_000
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    write_atomic(target, b"again")
    assert target.read_bytes() == b"again" and os.listdir(target.parent) == ["export.md"]


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_a_failure_mid_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "export.json"
    target.write_text("the good old export", encoding="utf-8")

    def full_disk(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, full_disk)
    with pytest.raises(OSError, match="No space"):
        write_atomic(target, "a new export " * 1000)
    assert target.read_text(encoding="utf-8") == "the good old export"
    assert os.listdir(tmp_path) == ["export.json"]  # no half-written file left beside it


def test_a_file_written_in_pieces_changes_only_when_the_last_is_on_the_disk(
    tmp_path: Path,
) -> None:
    """An export streamed from the database: until the last piece is written the old file
    is untouched; if making a piece fails (the database says no), the old file stays and
    nothing half-written is left beside it."""
    target = tmp_path / "export.md"
    target.write_text("the good old export", encoding="utf-8")
    seen = []

    def pieces(fail: bool):  # type: ignore[no-untyped-def]
        for n in range(1000):
            seen.append(target.read_text(encoding="utf-8"))
            if fail and n == 500:
                raise RuntimeError("the database went away")
            yield f"line {n} é\n" if n % 2 else f"line {n} é\n".encode()

    with pytest.raises(RuntimeError, match="went away"):
        write_atomic(target, pieces(fail=True))
    assert target.read_text(encoding="utf-8") == "the good old export"
    assert os.listdir(tmp_path) == ["export.md"]
    write_atomic(target, pieces(fail=False))
    assert set(seen) == {"the good old export"}
    assert target.read_text(encoding="utf-8") == "".join(f"line {n} é\n" for n in range(1000))
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_the_open_database_is_never_read_as_a_file_someone_named(tmp_path: Path) -> None:
    """The Map's vCard import given the planner's own file read it, and closing it dropped
    this process's locks on the database: the next planner-tui command to close deleted
    the log the app still wrote to, and every save after that was lost without a word.
    Now the file and those SQLite keeps beside it are refused by any name, and the other
    process leaves the log alone."""
    home = tmp_path / "home"
    database = open_database(Location(f"sqlite:///{home / 'planner.db'}", home))
    try:
        with database.write() as s:
            people.create_person(session=s, data={"name": "Ana"})
        planner = home / "planner.db"
        (tmp_path / "link.vcf").symlink_to(planner)
        for named in (
            planner,
            tmp_path / "link.vcf",
            home / "planner.db-wal",
            home / ".." / "home" / "planner.db-shm",
        ):
            with pytest.raises(InvalidInput, match="is this planner's own database"):
                vcard.load(named)
        # Another planner-tui opens the file and closes it again (a command beside the app).
        closing = f"import sqlite3; c = sqlite3.connect({str(planner)!r}); c.execute('select 1'); c.close()"
        subprocess.run([sys.executable, "-c", closing], check=True, timeout=60)
        assert (home / "planner.db-wal").exists()
        with database.write() as s:
            people.create_person(session=s, data={"name": "Bo"})
        with sqlite3.connect(planner) as other:  # what any other reader finds
            assert [n for (n,) in other.execute("SELECT name FROM person ORDER BY name")] == [
                "Ana",
                "Bo",
            ]
    finally:
        database.dispose()
    assert read_named(planner, 16) == b"SQLite format 3\x00"  # closed: a file like any other


def test_a_path_pasted_quoted_or_escaped_is_the_file(tmp_path: Path) -> None:
    """A file dragged into the terminal is pasted quoted or with its spaces escaped: the
    Map's import said "There is no file at '/tmp/…/my contacts.vcf'" (nu207)."""
    file = tmp_path / "my contacts.vcf"
    file.write_text("")
    for typed in (f"'{file}'", f'"{file}"', str(file).replace(" ", "\\ "), f"  {file} "):
        assert typed_path(typed) == file, typed
    odd = tmp_path / "it's here.vcf"  # a name the shell would read otherwise stays as it is
    odd.write_text("")
    assert typed_path(str(odd)) == odd
    assert typed_path("~/x.vcf") == Path.home() / "x.vcf"


@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
               min_size=1, max_size=40).filter(lambda name: name.strip() == name))  # fmt: skip
def test_any_path_quoted_as_a_shell_would_is_read_back(name: str) -> None:
    path = Path("/nowhere") / name
    assert typed_path(shlex.quote(str(path))) == path
