"""Files that can't be used — read-only, in a read-only folder, on a full disk — each give
one clear line and exit code 1, and the database file is never changed or deleted.
(Corrupt, truncated and newer-version files: test_cli.py and unit/test_storage.py.)"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shlex
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from .runner import NOW, assert_one_line_error, run

PLAIN_USER = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]


def run_as(
    home: Path,
    *args: str,
    limit: Callable[[], None] | None = None,
    stdin: str | None = None,
    obey_permissions: bool = False,
) -> subprocess.CompletedProcess[str]:
    """`planner-tui` as a process of its own where what is tested needs one (permissions
    obeyed as by anyone but root, a resource limit); otherwise in this process (runner.run)."""
    if limit is None and not obey_permissions:
        return run(home, *args, stdin=stdin, env={"HOME": str(home)})
    env = {**os.environ, "PLANNER_TUI_NOW": NOW, "TZ": "Europe/London", "HOME": str(home)}
    # Root ignores file permissions; without these two capabilities it obeys them like anyone.
    prefix = [*PLAIN_USER] if obey_permissions and os.getuid() == 0 else []
    return subprocess.run(
        [*prefix, sys.executable, "-m", "planner_tui", "--home", str(home), *args],
        capture_output=True, text=True, env=env, timeout=120, preexec_fn=limit, input=stdin,
    )  # fmt: skip


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage_first_page(path: Path, table: str = "journal_entry") -> None:
    """Overwrite the start of *table*'s first page, as a bad disk sector would."""
    with sqlite3.connect(path) as c:
        (root,) = c.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()
        (size,) = c.execute("PRAGMA page_size").fetchone()
    c.close()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * size)
        handle.write(b"\xff" * 64)


def a_home_with_an_entry(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    assert run_as(home, "journal", "kept safe").returncode == 0
    assert not (home / "planner.db-wal").exists()  # closed cleanly: the log folded in
    return home


@pytest.mark.parametrize("locked", ["file", "folder"])
def test_a_read_only_database_or_folder(tmp_path: Path, locked: str) -> None:
    home = a_home_with_an_entry(tmp_path)
    database = home / "planner.db"
    if locked == "file":
        database.chmod(0o400)
    else:
        home.chmod(0o500)
    before = digest(database)
    try:
        result = run_as(home, "journal", "new words", obey_permissions=True)
        assert_one_line_error(result, 1, "can't be written (a read-only")
        assert digest(database) == before
    finally:
        home.chmod(0o700)
        database.chmod(0o600)


@pytest.mark.parametrize("locked", ["file", "folder"])
def test_a_read_only_database_can_still_be_read(tmp_path: Path, locked: str) -> None:
    """Commands that only read work on a file (or in a folder) that can't be written,
    without a word about writing, and leave nothing behind; a write is still refused in one
    line. With nothing to say, `today --quiet-if-empty` says nothing."""
    home = a_home_with_an_entry(tmp_path)
    quiet = run_as(home, "today", "--quiet-if-empty")
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")
    for argv in (["add", "Ana Silva"], ["date", "Ana", "birthday", "24 Nov"],
                 ["plan", "Ana", "send Ana a postcard", "9pm"]):  # fmt: skip
        assert run_as(home, *argv).returncode == 0
    database = home / "planner.db"
    empty = tmp_path / "empty"
    run_as(empty, "add", "Bo")
    for folder in (home, empty):
        (folder / "planner.db").chmod(0o400) if locked == "file" else folder.chmod(0o500)
    before = digest(database), sorted(p.name for p in home.iterdir())
    try:
        expected = {
            ("today",): "Send Ana a postcard",
            ("today", "--json"): '"action": "send Ana a postcard"',
            ("people",): "Ana Silva",
            ("date", "Ana"): "Ana Silva: Birthday 24 Nov.",
            ("plan",): "send Ana a postcard",
            ("export",): '"name": "Ana Silva"',
            ("export", "--format", "ics"): "BEGIN:VCALENDAR",
            ("search", "kept"): "kept safe",
            ("review",): "Monthly review",
        }
        for argv, shown in expected.items():
            result = run_as(home, *argv, obey_permissions=True)
            assert (result.returncode, result.stderr) == (0, ""), (argv, result.stderr)
            assert shown.lower() in result.stdout.lower(), (argv, result.stdout)
        nothing = run_as(empty, "today", "--quiet-if-empty", obey_permissions=True)
        assert (nothing.returncode, nothing.stdout, nothing.stderr) == (0, "", "")
        refused = run_as(home, "journal", "new words", obey_permissions=True)
        said = (  # the folder named when it is the folder (it said "file or folder")
            f"{database} can't be written (a read-only file): check its permissions."
            if locked == "file"
            else f"{home} can't be written (a read-only folder), so neither can planner.db in "
            "it: check the folder's permissions."
        )
        assert_one_line_error(refused, 1, said)
        assert "Commands that only read still work on it" in refused.stderr
        assert (digest(database), sorted(p.name for p in home.iterdir())) == before
    finally:
        for folder in (home, empty):
            folder.chmod(0o700)
            (folder / "planner.db").chmod(0o600)


def test_a_full_disk(tmp_path: Path) -> None:
    home = a_home_with_an_entry(tmp_path)
    database = home / "planner.db"
    before = digest(database)

    def tiny_disk() -> None:
        # Files may not grow past 64 KiB: writing further fails as on a full disk.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    result = run_as(home, "journal", stdin="x" * 150_000, limit=tiny_disk)
    assert_one_line_error(result, 1, "nothing new was saved")
    assert digest(database) == before
    search = run_as(home, "search", "kept")
    assert "kept safe" in search.stdout  # what was there before is all still there


def test_a_page_damaged_inside_the_file_is_said_in_one_line(tmp_path: Path) -> None:
    """Commands don't read the whole file before they start (only a file left by a crash
    is); a damaged page they meet gives the same one clear line, and the file is never
    changed — nor copied by `backup`."""

    from .runner import run

    home = tmp_path / "home"
    assert run(home, "demo", "--years", "1").returncode == 0
    path = home / "planner.db"
    damage_first_page(path)
    before = digest(path)
    elsewhere = tmp_path / "elsewhere"  # it named this folder's backups/, none there (nu141)
    elsewhere.mkdir()
    for args in (("search", "walk"), ("export", "--format", "json"), ("backup",),
                 ("backup", str(elsewhere / "copy.db"))):  # fmt: skip
        said = run(home, *args)
        assert_one_line_error(said, 1, "looks damaged")
        # where the copies to put back are, and the README's section by its name
        assert (
            f"planner-tui restore FILE — one you took with planner-tui backup: the app's daily copies go in {home / 'backups'}"
            in said.stderr
        )
        assert "README, 'Backups and restore'" in said.stderr
        assert "anywhere you can write" not in said.stderr  # a copy elsewhere is as damaged
    assert digest(path) == before
    assert list(elsewhere.iterdir()) == []
    assert not list((home / "backups").glob("planner-*.db"))


def test_text_whose_bytes_are_not_utf8_reads_with_a_mark_in_their_place(tmp_path: Path) -> None:
    """One byte of a check-in's words changed on disk to one that is not UTF-8 (SQLite's
    integrity check does not look at text): every read of the journal failed with the
    database's own message — the export, the Journal and the check-in with it — and the
    quick search said nothing matched (nu214). The byte reads as �, the rest as it was."""
    home = tmp_path / "home"
    assert run(home, "journal", "line1 was good").returncode == 0
    assert run(home, "journal", "another day", "--day", "yesterday").returncode == 0
    database = home / "planner.db"
    data = bytearray(database.read_bytes())
    at = data.index(b"line1 was good")
    data[at + 1] = 0xFF
    database.write_bytes(bytes(data))
    exported = run(home, "export")
    assert exported.returncode == 0, exported.stderr
    bodies = [e["body"] for e in json.loads(exported.stdout)["tables"]["journal_entry"]]
    assert sorted(bodies) == ["another day", "l\ufffdne1 was good"]
    found = run(home, "search", "good")
    assert (found.returncode, found.stderr) == (0, "") and "l\ufffdne1 was good" in found.stdout
    markdown = run(home, "export", "--format", "markdown")
    assert markdown.returncode == 0 and "another day" in markdown.stdout


def test_a_backup_from_a_read_only_folder(tmp_path: Path) -> None:
    """A backup only reads the database, so a home that can't be written is copied all the
    same (it said "The database can't be written")."""
    home = a_home_with_an_entry(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    home.chmod(0o500)
    before = sorted(p.name for p in home.iterdir())
    try:
        result = run_as(home, "backup", str(elsewhere / "copy.db"), obey_permissions=True)
        assert (result.returncode, result.stderr) == (0, ""), result.stderr
        assert sorted(p.name for p in home.iterdir()) == before
        # Without a FILE, its own folder can't take the copy: said, with where else.
        here = run_as(home, "backup", obey_permissions=True)
        assert here.returncode == 1 and "Permission denied" in here.stderr, here.stderr
        assert "A copy can go anywhere you can write: planner-tui backup FILE." in here.stderr
    finally:
        home.chmod(0o700)
    assert run_as(tmp_path / "other", "add", "Bo").returncode == 0
    restored = run_as(tmp_path / "other", "restore", str(elsewhere / "copy.db"), "--yes")
    assert restored.returncode == 0, restored.stderr
    assert "kept safe" in run_as(tmp_path / "other", "search", "kept").stdout


def test_a_damaged_copy_put_in_place_by_hand_is_refused_and_left_as_it_was(
    tmp_path: Path,
) -> None:
    """A backup copy (not in write-ahead-log mode) put in place as the planner, with a page
    damaged: opening it switched it to write-ahead logging — a write to the file — before
    the damage was met, so the file changed though the message said it had been left
    untouched. Such a file is now read whole first."""
    import sqlite3

    source = tmp_path / "source"
    assert run(source, "demo", "--years", "1").returncode == 0
    assert run(source, "backup").returncode == 0
    [copy] = (source / "backups").glob("planner-*.db")
    home = tmp_path / "home"
    home.mkdir()
    path = home / "planner.db"
    path.write_bytes(copy.read_bytes())
    with sqlite3.connect(path) as c:
        assert c.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    damage_first_page(path)
    before = digest(path)
    for args in (
        ("people",),
        ("review",),
        ("journal", "a new line"),
        ("export", "--format", "json"),
    ):
        assert_one_line_error(run(home, *args), 1, "looks damaged")
    assert digest(path) == before
    assert sorted(p.name for p in home.iterdir()) == ["planner.db"]


def test_a_file_cut_short_is_refused_and_leaves_nothing_beside_it(tmp_path: Path) -> None:
    """Each command refused a planner cut short, and each left an empty write-ahead log and
    its index beside it; `restore` then took those for the app being open and said so."""
    home = tmp_path / "home"
    assert run(home, "demo", "--years", "1").returncode == 0
    assert run(home, "backup").returncode == 0
    [copy] = (home / "backups").glob("planner-*.db")
    path = home / "planner.db"
    path.write_bytes(path.read_bytes()[:5000])
    for args in (("today",), ("people",), ("search", "walk"), ("review",), ("backup",),
                 ("export",), ("journal", "a new line")):  # fmt: skip
        assert_one_line_error(run(home, *args), 1, "looks damaged")
        assert sorted(p.name for p in home.iterdir()) == ["backups", "planner.db"], args
    restored = run(home, "restore", str(copy), "--yes")
    assert restored.returncode == 0, restored.stderr
    assert "looks open" not in restored.stderr + restored.stdout
    back = run(home, "people")
    assert back.returncode == 0 and "Ada A." in back.stdout, back.stderr  # the demo's people


def test_a_backup_given_to_import_points_to_restore(tmp_path: Path) -> None:
    """`import` of a backup said "This jrnl journal is encrypted: decrypt it with jrnl
    first" — of a file that is neither. It now says what the file is and the command that
    puts it back, and the command it names does."""
    home = a_home_with_an_entry(tmp_path)
    copy = tmp_path / "my backups" / "copy.db"
    copy.parent.mkdir()
    assert run_as(home, "backup", str(copy)).returncode == 0
    other = tmp_path / "other"
    result = run_as(other, "import", str(copy))
    assert_one_line_error(result, 1, "is a database file, not an export")
    assert "jrnl journal is encrypted" not in result.stderr
    # The planner's own file was sent to restore, which then refused it as the database
    # itself; it is said what it is, and nothing is changed.
    own = run_as(home, "import", str(home / "planner.db"))
    assert_one_line_error(own, 1, "is this planner's own database: everything in it is here")
    assert "restore" not in own.stderr
    suggested = result.stderr.split("put it back with: planner-tui ")[1].strip()
    # The home imported into, and the file quoted: its folder's name has a space.
    assert suggested == f"--home {other} restore '{copy}'"
    # An encrypted planner is no jrnl journal either (it was called one).
    encrypted = a_home_with_an_entry(tmp_path / "locked")
    passphrase = {"PLANNER_TUI_PASSPHRASE": "a long passphrase"}
    assert run(encrypted, "encrypt", env=passphrase).returncode == 0
    result = run_as(other, "import", str(encrypted / "planner.db"))
    assert_one_line_error(result, 1, "is a database file, not an export")
    assert "jrnl" not in result.stderr.split(":")[0]
    assert not other.exists()
    restored = subprocess.run(
        [sys.executable, "-m", "planner_tui", *shlex.split(suggested), "--yes"],
        capture_output=True,
        text=True,
        env={**os.environ, "HOME": str(tmp_path)},
        timeout=120,
    )  # fmt: skip (the command as suggested, not rebuilt by the test)
    assert restored.returncode == 0, restored.stderr
    assert "kept safe" in run_as(other, "search", "kept").stdout


def test_a_damaged_planner_names_the_newest_copy_that_restores(tmp_path: Path) -> None:
    """The message named the newest file in the backups folder: after a restore over a
    damaged planner, that was the damaged planner itself, kept as ``before-restore-….db``,
    and restoring it was refused as damaged. It now names the newest healthy copy, and one
    kept by a restore (what was chosen to be replaced) only when no other is healthy."""
    home = tmp_path / "home"
    assert run(home, "demo", "--years", "1").returncode == 0
    assert run(home, "backup").returncode == 0
    [taken] = (home / "backups").glob("planner-*.db")
    path = home / "planner.db"

    def named_for_a_damaged_planner() -> str:
        said = run(home, "search", "walk")
        assert_one_line_error(said, 1, "looks damaged")
        return said.stderr

    # A healthy planner replaced: the copy kept before the restore is healthy and newer.
    assert run(home, "restore", str(taken), "--yes").returncode == 0
    damage_first_page(path)
    assert f"the newest healthy one is {taken.name} (" in named_for_a_damaged_planner()
    # A damaged planner replaced: the copy kept before the restore is the damaged one.
    assert run(home, "restore", str(taken), "--yes").returncode == 0
    damage_first_page(path)
    assert f"the newest healthy one is {taken.name} (" in named_for_a_damaged_planner()
    [healthy_kept, damaged_kept] = sorted(
        (home / "backups").glob("before-restore-*.db"), key=lambda p: p.stat().st_mtime
    )
    damage_first_page(taken)
    assert f"the newest healthy one is {healthy_kept.name} (" in named_for_a_damaged_planner()
    damage_first_page(healthy_kept)
    assert (
        "planner-tui restore FILE — one you took with planner-tui backup: every copy in "
        f"{home / 'backups'} looks damaged too"
    ) in named_for_a_damaged_planner()
    # Checking the copies left nothing beside them.
    assert sorted(p.name for p in (home / "backups").iterdir()) == sorted(
        p.name for p in (taken, healthy_kept, damaged_kept)
    )


def test_restore_leaves_nothing_beside_the_file_it_is_given(tmp_path: Path) -> None:
    """A copy of the planner made with cp (in write-ahead-log mode, as the planner is) was
    left with an empty ``-wal`` and a ``-shm`` beside it by `restore`, which reads it only."""
    home = a_home_with_an_entry(tmp_path)
    mine = tmp_path / "mine"
    mine.mkdir()
    shutil.copy(home / "planner.db", mine / "planner-copy.db")
    before = digest(mine / "planner-copy.db")
    other = tmp_path / "other"
    restored = run(other, "restore", str(mine / "planner-copy.db"), "--yes")
    assert restored.returncode == 0, restored.stderr
    assert "kept safe" in run(other, "search", "kept").stdout
    assert sorted(p.name for p in mine.iterdir()) == ["planner-copy.db"]
    assert digest(mine / "planner-copy.db") == before


def a_home_with_daily_copies(tmp_path: Path) -> tuple[Path, list[Path]]:
    """A planner with a week of daily copies beside it, as the app leaves them (the
    newest, 22 November, the day before the tests' clock)."""
    from planner_tui.db.engine import backup_file

    home = a_home_with_an_entry(tmp_path)
    copies = [home / "backups" / f"daily-2026-11-{day}.db" for day in range(16, 23)]
    for copy in copies:
        backup_file(home / "planner.db", copy)
    return home, copies


def emptied(path: Path, how: str) -> None:
    """*path* left empty: 0 bytes (a sync tool, a full disk), or a database without even
    its tables (an app quit on a file emptied under it can leave one, nu223)."""
    for part in (path, path.with_name(f"{path.name}-wal"), path.with_name(f"{path.name}-shm")):
        part.unlink(missing_ok=True)
    if how == "0 bytes":
        path.write_bytes(b"")
        return
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA journal_mode=wal")


@pytest.mark.parametrize("how", ["0 bytes", "no tables"])
def test_a_planner_emptied_beside_its_copies_is_refused_and_its_copies_kept(
    tmp_path: Path, how: str
) -> None:
    """A planner.db emptied to 0 bytes (a sync tool, a full disk) was taken for a new
    planner: every command said nothing was there, and the app's daily copies of the empty
    file then pushed the week's real ones out (one with no tables still did, nu223: that
    day's copy of 30 people became a copy of no one). With copies beside it, it is now
    damaged: refused in one line naming the copy to put back, and nothing is written."""
    home, copies = a_home_with_daily_copies(tmp_path)
    path = home / "planner.db"
    emptied(path, how)
    as_found = digest(path)
    beside = sorted(p.name for p in home.iterdir())
    kept = {copy: digest(copy) for copy in copies}
    for args in (("today",), ("people",), ("search", "kept"), ("review",), ("export",),
                 ("backup",), ("journal", "a new line"), ("add", "Bo"),
                 ("plan", "Bo", "call Bo", "9pm")):  # fmt: skip
        said = run(home, *args)
        assert_one_line_error(said, 1, "The database file looks damaged")
        assert "the newest healthy one is daily-2026-11-22.db (" in said.stderr, args
        assert digest(path) == as_found, args
        assert sorted(p.name for p in home.iterdir()) == beside, args
    assert {copy: digest(copy) for copy in copies} == kept
    assert sorted((home / "backups").iterdir()) == sorted(copies)
    # With no copy beside it (`touch planner.db` in a new home) it is a new planner still.
    new = tmp_path / "new"
    new.mkdir()
    (new / "planner.db").touch()
    assert run(new, "add", "Bo").returncode == 0
    assert "Bo" in run(new, "people").stdout


def test_a_planner_gone_from_beside_its_copies_is_not_taken_for_a_new_one(
    tmp_path: Path,
) -> None:
    """planner.db moved or deleted, its daily copies beside: `people` said no one was there,
    `today` showed an empty day, and the app welcomed a new user and added a daily copy of
    nothing, on its way to pushing the week's real ones out (nu184). It is said to be gone,
    with the copy to put back, and nothing is made."""
    home, copies = a_home_with_daily_copies(tmp_path)
    for name in ("planner.db", "planner.db-wal", "planner.db-shm"):
        (home / name).unlink(missing_ok=True)
    beside = sorted(p.name for p in home.iterdir())
    for args in (("today",), ("people",), ("search", "kept"), ("review",), ("export",),
                 ("backup",), ("journal", "a new line"), ("add", "Bo")):  # fmt: skip
        said = run(home, *args)
        assert_one_line_error(said, 1, f"There is no planner at {home / 'planner.db'}")
        assert "the newest healthy one is daily-2026-11-22.db (" in said.stderr, args
        assert sorted(p.name for p in home.iterdir()) == beside, args
    restored = run(home, "restore", str(copies[-1]))  # nothing to replace: not asked
    assert restored.returncode == 0 and "kept safe" in run(home, "search", "kept").stdout


@pytest.mark.parametrize("how", ["0 bytes", "no tables"])
def test_a_planner_emptied_beside_its_copies_is_restored_from_one(tmp_path: Path, how: str) -> None:
    """The restore the refusal names puts the planner back (an empty file needs no copy
    kept of it, and says so: a damaged one is said to be kept — one with no tables
    stopped the restore on "no such table", nu223), and the copy restored from is left as
    it was."""
    home, copies = a_home_with_daily_copies(tmp_path)
    emptied(home / "planner.db", how)
    before = digest(copies[-1])
    restored = run(home, "restore", str(copies[-1]), "--yes")
    assert (restored.returncode, restored.stderr) == (0, ""), restored.stderr
    if how == "0 bytes":
        assert "was an empty file (0 bytes): there was nothing in it to keep." in restored.stdout
        assert not any(c.name.startswith("before-restore") for c in (home / "backups").iterdir())
    else:
        assert "before-restore" in restored.stdout
    assert "kept safe" in run(home, "search", "kept").stdout
    assert digest(copies[-1]) == before


def test_a_planner_with_its_first_bytes_overwritten_names_the_copy_to_restore(
    tmp_path: Path,
) -> None:
    """A planner whose first bytes were written over was "not a planner-tui database, or
    damaged, or encrypted … left untouched", with nothing said of its copies: it now says
    which to put back, as for any damaged planner (and still how to open an encrypted one)."""
    home, copies = a_home_with_daily_copies(tmp_path)
    path = home / "planner.db"
    with path.open("r+b") as handle:
        handle.write(b"overwritten " * 9)
    before = digest(path)
    for args in (("today",), ("people",)):
        said = run(home, *args)
        assert_one_line_error(said, 1, "is not a planner-tui database, or it is damaged")
        assert "then set PLANNER_TUI_PASSPHRASE" in said.stderr
        assert "planner-tui restore FILE" in said.stderr, said.stderr
        assert "the newest healthy one is daily-2026-11-22.db (" in said.stderr
    assert digest(path) == before
    assert sorted((home / "backups").iterdir()) == sorted(copies)


def test_a_copy_is_looked_inside_without_being_changed(tmp_path: Path) -> None:
    """The README's way to look inside a copy without restoring it: restored into a home
    of its own, then opened there. The copy stays byte for byte as it was taken, with
    nothing made beside it (opening it with --db switched its log mode, wrote settings,
    and took daily copies beside it). The README gives this way, not --db."""
    home, copies = a_home_with_daily_copies(tmp_path)
    copy = copies[-1]
    before = digest(copy), sorted(p.name for p in copy.parent.iterdir())
    look = tmp_path / "look"
    readme = (Path(__file__).parents[2] / "README.md").read_text()
    assert "planner-tui --home /tmp/look restore COPY" in readme
    assert "look inside a copy without restoring it: `planner-tui --db" not in readme
    restored = run(look, "restore", str(copy), "--yes")
    assert (restored.returncode, restored.stderr) == (0, ""), restored.stderr
    assert "kept safe" in run(look, "search", "kept").stdout
    assert run(look, "journal", "written in the look").returncode == 0
    assert (digest(copy), sorted(p.name for p in copy.parent.iterdir())) == before
    assert "written in the look" not in run(home, "search", "look").stdout


def test_a_damaged_planner_says_what_its_copies_hold_and_passes_an_empty_one_by(
    tmp_path: Path, sqlite_template: Path
) -> None:
    """The day's first copy is taken as the app starts: a planner filled later that day (an
    import) and then damaged was sent back to that copy, which held nothing, and nothing
    said so (nu188). The advice says what the newest copy holds, and when it holds nothing,
    names the newest one that holds something; `restore` asks with what the copy holds."""
    home = tmp_path / "home"
    assert run(home, "add", "Ana").returncode == 0
    assert run(home, "journal", "kept words").returncode == 0
    (home / "backups").mkdir(exist_ok=True)
    assert run(home, "backup", str(home / "backups" / "planner-full.db")).returncode == 0
    os.utime(home / "backups" / "planner-full.db", (1_700_000_000, 1_700_000_000))  # older
    shutil.copy(sqlite_template, home / "backups" / "daily-2026-11-23.db")  # a new planner
    damage_first_page(home / "planner.db")
    said = run(home, "search", "kept")
    assert_one_line_error(
        said,
        1,
        "the newest healthy one is daily-2026-11-23.db (nothing in it yet); the newest with "
        "anything in it is planner-full.db (1 person, 1 check-in and 0 contacts)",
    )
    asked = run(home, "restore", "planner-full.db")
    assert "it holds 1 person, 1 check-in and 0 contacts)?" in asked.stdout + asked.stderr
