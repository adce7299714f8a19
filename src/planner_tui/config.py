"""Settings: where data lives and how keys are mapped.

Every setting can come from the command line, or from an environment variable with the
``PLANNER_TUI_`` prefix (``PLANNER_TUI_HOME``, ``PLANNER_TUI_DATABASE_URL``,
``PLANNER_TUI_KEYMAP`` as JSON). Nothing here touches the disk: folders are created on
first write by :mod:`planner_tui.db.engine`.

A plain dataclass on purpose: five settings don't need a validation framework, and this
module is on the path to the first frame (pydantic-settings cost ~80 ms of start-up).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from planner_tui.errors import PlannerError

APP_NAME = "planner-tui"
DB_FILENAME = "planner.db"
ENV_PREFIX = "PLANNER_TUI_"


def _keymap_from(raw: str) -> dict[str, str]:
    try:
        value = json.loads(raw)
    except json.JSONDecodeError:
        value = None
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise PlannerError(
            f"{ENV_PREFIX}KEYMAP should be JSON from binding id to keys, "
            'like {"view.today": "f1"}.'
        )
    return value


@dataclass(frozen=True)
class Settings:
    """One settings object, shared by the command line, the app and the tests. Values not
    given are read from the environment."""

    home: Path | None = None
    """Folder for the database and backups."""
    database_url: str | None = None
    """Any SQLAlchemy URL; overrides the SQLite file in home."""
    keymap: dict[str, str] = field(default_factory=dict)
    """Binding id to keys, e.g. {"view.today": "f1"}."""
    daily_backups: int | None = None
    """How many daily copies of the SQLite file to keep (0: none). Default 7."""
    passphrase: str | None = field(default=None, repr=False)
    """The key of an encrypted SQLite file (PLANNER_TUI_PASSPHRASE)."""

    def __post_init__(self) -> None:
        env = os.environ
        if self.home is None and env.get(f"{ENV_PREFIX}HOME"):
            object.__setattr__(self, "home", Path(env[f"{ENV_PREFIX}HOME"]))
        if self.database_url is None and env.get(f"{ENV_PREFIX}DATABASE_URL"):
            object.__setattr__(self, "database_url", env[f"{ENV_PREFIX}DATABASE_URL"])
        if not self.keymap and env.get(f"{ENV_PREFIX}KEYMAP"):
            object.__setattr__(self, "keymap", _keymap_from(env[f"{ENV_PREFIX}KEYMAP"]))
        if self.home is not None:
            object.__setattr__(self, "home", Path(self.home))
        if self.passphrase is None and env.get(f"{ENV_PREFIX}PASSPHRASE"):
            object.__setattr__(self, "passphrase", env[f"{ENV_PREFIX}PASSPHRASE"])
        if self.daily_backups is None:
            raw = env.get(f"{ENV_PREFIX}DAILY_BACKUPS", "7")
            if not raw.strip().isdigit():
                raise PlannerError(f"{ENV_PREFIX}DAILY_BACKUPS should be a number, like 7.")
            object.__setattr__(self, "daily_backups", int(raw))

    def resolved_home(self) -> Path:
        if self.home is not None:
            return self.home.expanduser()
        import platformdirs

        return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))

    def resolved_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.resolved_home() / DB_FILENAME}"

    @property
    def uses_default_sqlite(self) -> bool:
        return not self.database_url

    @property
    def plain_file(self) -> bool:
        """The default SQLite file, unencrypted: the quick paths may read it directly."""
        return self.uses_default_sqlite and not self.passphrase
