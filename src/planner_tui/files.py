"""Writing a file so that a crash, a full disk or a power cut leaves either the old file or
the whole new one, never part of it — for exports, the encrypted database and the small
files planner-tui keeps. Standard library only."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


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
