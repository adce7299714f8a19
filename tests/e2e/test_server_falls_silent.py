"""The multi-device option when its PostgreSQL server stops answering mid-session (it froze,
or the network between went): the app quits when asked, and says what that means. It waited
for the server for ever, its screen already gone, until the server came back."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from planner_tui import words
from planner_tui.db.engine import Database

from ..conftest import _empty
from ..silent_server import FallsSilent
from .test_tmux import Tmux, installed_command

pytestmark = [pytest.mark.e2e, pytest.mark.postgres, pytest.mark.timeout(600)]


def test_quitting_after_the_server_fell_silent_ends_the_program_and_says_so(
    tmux: Tmux, pg_database: Database, tmp_path: Path
) -> None:
    _empty(pg_database)
    url = sa.make_url(pg_database.location.url)
    socket = Path(f"/tmp/.s.PGSQL.{url.port}")  # scripts/pg-test-server's own (-k /tmp)
    assert socket.exists() and url.database is not None, f"no server's socket at {socket}"
    with FallsSilent(tmp_path, socket) as server:
        command = (
            "env -u COLUMNS -u LINES PLANNER_TUI_NOW=2026-11-23T20:00:00 TZ=Europe/London "
            f"TERM=xterm-256color PLANNER_TUI_DATABASE_URL='{server.url(url.username or '', url.database)}' "
            "PLANNER_TUI_BUSY_TIMEOUT_MS=1000 "  # closing waits for this and 5 s more
            f"{installed_command()} --home {tmp_path / 'home'}; echo planner-tui ended $?; "
            "sleep 600"
        )
        term = tmux.new_session("silent", (100, 30), command)
        term.wait_for("Before you begin")
        term.press("Enter")
        term.wait_for("A quiet start")
        term.press("c")
        term.wait_for("Anything else")
        term.keys("-l", "a walk with Ana")
        term.wait_for("a walk with Ana")
        server.fall_silent()
        term.keys("-l", " by the river")  # its draft is written in a thread that now waits
        term.wait_for("by the river")
        term.press("C-q")
        # The draft can't be written: asked, not frozen.
        term.wait_for("Quit without what you wrote?", "Your planner did not answer in time")
        term.press("Right", "Enter")  # Quit anyway
        shown = term.wait_for("planner-tui ended 1")
        said = " ".join(shown.split())
        assert " ".join(words.CLOSED_WITHOUT_WAITING.split()[:6]) in said
        assert "Traceback" not in shown
