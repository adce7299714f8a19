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
