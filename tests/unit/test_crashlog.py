"""The one crash-log writer (used by the command line and the app), and the backend's
limit on waiting for the database."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from planner_tui import __version__, cli, crashlog
from planner_tui.config import Settings
from planner_tui.errors import StorageError
from planner_tui.ui import backend as backend_module
from planner_tui.ui.backend import Backend


def raised(error: Exception) -> Exception:
    try:
        raise error
    except Exception as caught:
        return caught


def test_crash_log_is_private_appended_and_has_version_and_traceback(tmp_path: Path) -> None:
    home = tmp_path / "new-home"
    log = crashlog.write(home, raised(RuntimeError("first")))
    assert log == home / "crash.log"
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    log.chmod(0o644)  # a file made before the rule is made private again
    crashlog.write(home, raised(ValueError("second")))
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    written = log.read_text(encoding="utf-8")
    assert written.count(f"planner-tui {__version__}") == 2
    assert written.count("Traceback (most recent call last)") == 2
    assert "RuntimeError: first" in written and "ValueError: second" in written


def test_a_crash_log_that_cannot_be_written_is_no_second_failure(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    assert crashlog.write(blocked, raised(RuntimeError("x"))) is None


def test_the_command_line_writes_its_crash_to_the_same_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(settings: Settings, args: object) -> None:
        raise RuntimeError("a bug in a command")

    monkeypatch.setitem(cli.COMMANDS, "review", broken)
    assert cli.main(["--home", str(tmp_path), "review"]) == 1
    log = tmp_path / "crash.log"
    err = capsys.readouterr().err
    assert "Traceback" not in err and f"Details for a bug report are in {log}." in err
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert "RuntimeError: a bug in a command" in log.read_text(encoding="utf-8")


def test_a_crash_before_the_command_line_is_read_is_kept_in_the_home_not_where_it_ran(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bug in building the command line wrote crash.log into the folder the command ran
    in (the README says the home)."""

    def broken() -> None:
        raise TypeError("a bug in the command line")

    home, elsewhere = tmp_path / "home", tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.setenv("PLANNER_TUI_HOME", str(home))
    monkeypatch.setattr(cli, "build_parser", broken)
    assert cli.main(["people"]) == 1
    assert f"Details for a bug report are in {home / 'crash.log'}." in capsys.readouterr().err
    assert "TypeError: a bug in the command line" in (home / "crash.log").read_text()
    assert list(elsewhere.iterdir()) == []


def test_backend_database_waits_with_a_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backend_module, "OPEN_TIMEOUT", 0.05)
    backend = Backend(Settings())  # never opened: as if opening hung
    with pytest.raises(StorageError, match="did not open within"):
        backend.database  # noqa: B018
