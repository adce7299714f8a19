"""Human-editable content that ships in the wheel (ideas, small actions, prompts, support).

Each file can be replaced by a copy of the same name in the person's planner folder.
"""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any


def shipped(name: str) -> dict[str, Any]:
    """The copy of *name* that comes with planner-tui."""
    return tomllib.loads(resources.files(__name__).joinpath(name).read_text("utf-8"))


def read_toml_or_shipped(name: str, home: Path | None = None) -> tuple[dict[str, Any], str | None]:
    """*name* from the planner folder if the person keeps their own copy there, else the
    shipped one — which is also what is used when theirs can't be read (a typo never stops
    the app, nor empties what it offers), with one line saying why theirs wasn't."""
    own = home / name if home else None
    if own is None or not own.is_file():
        return shipped(name), None
    try:
        return tomllib.loads(own.read_text(encoding="utf-8")), None
    except UnicodeDecodeError:
        why = "it isn't UTF-8 text"
    except tomllib.TOMLDecodeError as error:
        at = re.search(r"line (\d+), column (\d+)", str(error))
        why = (
            f"line {at[1]}, column {at[2]} isn't written as TOML: a quote or bracket may be "
            "left open there or just before"
            if at
            else f"it isn't written as TOML: {error}"
        )
    except OSError as error:
        why = error.strerror or str(error)
    return shipped(name), unreadable(own, why)


def unreadable(own: Path, why: str) -> str:
    """The line said when someone's own copy of a file is set aside."""
    return f"Your {own} couldn't be used ({why}), so the list that comes with planner-tui is used."
