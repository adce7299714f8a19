"""The layers hold by contract: `lint-imports` checks every import statement (inside
functions too) against the contracts in pyproject.toml."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_import_contracts_are_kept() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def command_loads(home: Path, argv: list[str], families: set[str]) -> tuple[int, list[str], str]:
    """Run a command in a fresh interpreter: its exit code, which of the *families* of
    modules it loaded (a family is a package and everything under it: ``textual``, or
    ``sqlalchemy.dialects.postgresql``), and what it printed."""
    code = (
        "import io, json, sys, contextlib\n"
        "from planner_tui import cli\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    code = cli.main(['--home', {str(home)!r}, *{argv!r}])\n"
        f"loaded = sorted({{f for f in {families!r} for m in sys.modules\n"
        "                  if m == f or m.startswith(f + '.')})\n"
        "print(json.dumps([code, loaded, out.getvalue()]))\n"
    )
    env = {**os.environ, "PLANNER_TUI_NOW": "2026-11-23T12:00"}
    env.pop("PLANNER_TUI_HOME", None)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    exit_code, loaded, printed = json.loads(result.stdout)
    return exit_code, loaded, printed


def test_review_never_loads_textual_and_search_never_loads_the_data_layer(tmp_path: Path) -> None:
    """`planner-tui review` writes its charts with plotext alone, and opens a SQLite file
    without what only other work needs (Alembic: a schema upgrade; PostgreSQL's dialect);
    `planner-tui search` on the local file (every option) reads it with the standard
    library's sqlite3."""
    home = tmp_path / "home"
    for day in ("2026-11-02", "2026-11-20"):
        argv = [
            "journal",
            "tea with @Nobody #walk",
            "--day",
            day,
            "--mood",
            "3",
            "--connected",
            "4",
        ]
        assert command_loads(home, argv, set())[0] == 0
    code, loaded, written = command_loads(
        home,
        ["review", "--month", "2026-11"],
        {"textual", "textual_plotext", "alembic", "sqlalchemy.dialects.postgresql", "psycopg"},
    )
    assert code == 0 and loaded == []
    assert "```text" in written and "┤" in written  # the charts were drawn
    search = ["search", "tea", "--tag", "walk", "--from", "2026-11", "--until", "2026-11-30",
              "--mood", "3", "--connected", ">=2"]  # fmt: skip
    code, loaded, printed = command_loads(home, search, {"sqlalchemy", "sqlmodel", "textual"})
    assert code == 0 and loaded == [] and printed.count("2026-11-") == 2
