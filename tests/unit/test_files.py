"""Writing files whole or not at all."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from planner_tui.files import write_atomic


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
