"""Human-editable content that ships in the wheel (ideas, small actions).

Each file can be replaced by a copy of the same name in the person's planner folder.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path
from typing import Any


def read_toml(name: str, home: Path | None = None) -> dict[str, Any] | None:
    """*name* from the planner folder if the person keeps their own copy there, else the
    shipped one; ``None`` when the file can't be read, so a typo never stops the app."""
    own = home / name if home else None
    try:
        if own is not None and own.is_file():
            raw = own.read_text(encoding="utf-8")
        else:
            raw = resources.files(__name__).joinpath(name).read_text("utf-8")
        return tomllib.loads(raw)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
