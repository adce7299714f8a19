"""The one crash-log writer: the command line and the app both append here.

``HOME/crash.log`` holds what a bug report needs (version, time, traceback) and nothing
the person typed on purpose; it is private to them (0600) like the database beside it.
"""

from __future__ import annotations

import os
import traceback
from datetime import datetime
from pathlib import Path

from planner_tui import __version__

FILE_NAME = "crash.log"


def write(home: Path, error: BaseException) -> Path | None:
    """Append *error* with its traceback to ``home/crash.log``; the file, or ``None`` if it
    could not be written (a crash report must never cause a second failure)."""
    log = home / FILE_NAME
    try:
        home.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8", errors="backslashreplace") as handle:
            handle.write(f"--- {datetime.now().isoformat()} planner-tui {__version__}\n")
            handle.write("".join(traceback.format_exception(error)))
        os.chmod(log, 0o600)  # an older file may have been made before this rule
    except OSError:
        return None
    return log
