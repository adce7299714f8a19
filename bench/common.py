"""What the benchmarks share: the frozen moment, the environment and the demo datasets."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
NOW = "2026-11-23T20:00:00"


def env(home: Path) -> dict[str, str]:
    return {**os.environ, "PLANNER_TUI_HOME": str(home), "PLANNER_TUI_NOW": NOW,
            "TZ": "Europe/London"}  # fmt: skip


def dataset(years: int, cache: Path = CACHE) -> Path:
    """The *years*-year demo dataset (seed 1), built once and kept in *cache*."""
    home = cache / f"demo-{years}y"
    if not (home / "planner.db").exists():
        home.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "planner_tui", "demo", "--years", str(years), "--seed", "1"],
            env=env(home), check=True,
        )  # fmt: skip
        print(f"built {years}-year dataset in {time.perf_counter() - started:.1f} s")
    return home


def work_copy(source: Path, into: Path) -> Path:
    """A fresh copy of a dataset's home to measure on (the cached one stays as built), the
    first-run notice already read, as it is for anyone who has used the app once."""
    shutil.rmtree(into, ignore_errors=True)
    into.mkdir(parents=True)
    for name in ("planner.db", "planner.db-wal"):
        if (source / name).exists():
            shutil.copy2(source / name, into / name)
    code = (
        "from planner_tui.config import Settings\n"
        "from planner_tui.commands.base import opened\n"
        "from planner_tui.services import drafts\n"
        "from planner_tui.ui.app import FIRST_RUN_KEY\n"
        "with opened(Settings()) as db, db.write() as s:\n"
        "    drafts.set_setting(session=s, key=FIRST_RUN_KEY, value=True)\n"
    )
    subprocess.run([sys.executable, "-c", code], env=env(into), check=True)
    return into
