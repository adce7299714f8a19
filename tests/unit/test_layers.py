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


def test_the_review_command_never_loads_textual(tmp_path: Path) -> None:
    """`planner-tui review` writes its charts with plotext alone."""
    env = {**os.environ, "PLANNER_TUI_NOW": "2026-11-23T12:00"}
    env.pop("PLANNER_TUI_HOME", None)
    home = str(tmp_path / "home")
    for day in ("2026-11-02", "2026-11-20"):
        subprocess.run([sys.executable, "-m", "planner_tui", "--home", home, "journal", "tea",
                        "--day", day, "--mood", "3", "--connected", "4"], check=True, env=env,
                       capture_output=True)  # fmt: skip
    code = (
        "import io, json, sys, contextlib\n"
        "from planner_tui import cli\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    code = cli.main(['--home', {home!r}, 'review', '--month', '2026-11'])\n"
        "loaded = sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'textual_plotext'})\n"
        "print(json.dumps([code, loaded, out.getvalue()]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    code, loaded, written = json.loads(result.stdout)
    assert code == 0 and loaded == []
    assert "```text" in written and "┤" in written  # the charts were drawn
