"""Writing a file so that a crash, a full disk or a power cut leaves either the old file or
the whole new one, never part of it — for exports, the encrypted database and the small
files planner-tui keeps; and reading a file someone names without harming the database
this process has open. Standard library only."""

from __future__ import annotations

import os
import shlex
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from planner_tui.errors import InvalidInput

OPEN_DATABASES = Counter[Path]()
"""SQLite files this process has open (as often as opened): see :func:`read_named`."""
_ITS_FILES = {"": "database", "-wal": "database's log", "-shm": "database's index of its log",
              "-journal": "database's journal"}  # fmt: skip


SPREADSHEETS = (".csv", ".tsv", ".xlsx", ".xls", ".ods")
"""Files people may hope to import contacts from: told where contacts come in instead."""


def refuse_spreadsheet(path: Path) -> None:
    """A spreadsheet given to import is never read, and is told apart in the same words by
    the command line and the app (the app's window said only "doesn't look like a vCard",
    nu196)."""
    if path.suffix.lower() in SPREADSHEETS and not path.is_dir():
        raise InvalidInput(
            f"{path.name} is a spreadsheet, which planner-tui doesn't read: people come in "
            "from a vCard (.vcf) file, which address books export."
        )


def typed_path(typed: str) -> Path:
    """A path as typed in a box, or pasted there: a terminal pastes a file dragged in quoted
    ('/tmp/my contacts.vcf') or with its spaces escaped, and it was "no file" (nu207). Read
    as the shell would, unless the text names a file as it is."""
    text = typed.strip()
    try:
        parts = shlex.split(text)
    except ValueError:  # a quote left open: as typed
        parts = []
    if len(parts) == 1 and not Path(text).expanduser().exists():
        text = parts[0]
    return Path(text).expanduser()


def read_named(path: Path, size: int = -1) -> bytes:
    """The bytes (the first *size*, if given) of a file someone named — never of a
    database this process has open, or of the files SQLite keeps beside it: closing any
    descriptor of a file drops every POSIX lock this process holds on it, and then another
    planner-tui closing its own connection deletes the log our connections still write to
    (saves lost without a word). See https://sqlite.org/howtocorrupt.html, section 2.2."""
    if what := _part_of_open_database(path):
        raise InvalidInput(
            f"{path} is this planner's own {what}, so it was left as it is; choose another file."
        )
    with open(path, "rb") as handle:
        return handle.read(size)


def is_open_database(path: Path) -> bool:
    """Whether *path* is a database this process has open (under any name)."""
    return _part_of_open_database(path) == "database"


def _part_of_open_database(path: Path) -> str | None:
    """What *path* is of a database in :data:`OPEN_DATABASES` (the same file under any
    name), else None."""
    try:
        seen = os.stat(path)
    except OSError:
        return None  # reading it says why, as for any file
    for database in OPEN_DATABASES:
        for suffix, what in _ITS_FILES.items():
            try:
                if os.path.samestat(seen, os.stat(f"{database}{suffix}")):
                    return what
            except OSError:
                continue
    return None


def write_atomic(path: Path, data: str | bytes | Iterable[str | bytes], mode: int = 0o600) -> None:
    """Write *data* to *path* all at once: a temporary file in the same folder (a rename
    across file systems is not atomic), flushed to the disk, then renamed over *path*.

    *data* may come in pieces (an export read from the database as it is written, so a
    hundred years of journal never sit in memory whole): *path* still changes only once
    the last piece is on the disk, and not at all if making one fails."""
    pieces = [data] if isinstance(data, str | bytes) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            for piece in pieces:
                handle.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
        replace_durably(Path(name), path, mode)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def copy_with_log(database: Path, kept: Path) -> None:
    """A SQLite file copied byte for byte to *kept*, with its write-ahead log (the newest
    changes, not yet in the file) as ``kept-wal`` beside it, where SQLite looks for it: a
    damaged planner, kept as it is. The folder is made as private as the planner."""
    kept.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    for suffix in ("", "-wal"):
        part = Path(f"{database}{suffix}")
        if part.exists() and (part.stat().st_size or not suffix):  # the file, even emptied
            with part.open("rb") as handle:
                write_atomic(Path(f"{kept}{suffix}"), iter(lambda: handle.read(1 << 20), b""))


def replace_durably(source: Path, target: Path, mode: int = 0o600) -> None:
    """Put the finished file *source* in place of *target*: its bytes reach the disk first
    (else a crash can leave the new name on an empty file), then the rename, then the
    folder's record of the rename."""
    os.chmod(source, mode)
    fd = os.open(source, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(source, target)
    folder = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)
