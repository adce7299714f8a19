"""Settings: where data lives and how keys are mapped.

Every setting can come from the command line, or from an environment variable with the
``PLANNER_TUI_`` prefix (``PLANNER_TUI_HOME``, ``PLANNER_TUI_DATABASE_URL``,
``PLANNER_TUI_KEYMAP`` as JSON). Nothing here touches the disk: folders are created on
first write by :mod:`planner_tui.db.engine`.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

APP_NAME = "planner-tui"
DB_FILENAME = "planner.db"


class Settings(BaseSettings):
    """One documented settings model, shared by the command line, the app and the tests."""

    model_config = SettingsConfigDict(env_prefix="PLANNER_TUI_", extra="ignore")

    home: Path | None = Field(
        default=None, description="Folder for the database, backups and exports."
    )
    database_url: str | None = Field(
        default=None,
        description="Any SQLAlchemy URL; overrides the SQLite file in home. "
        "PostgreSQL: postgresql+psycopg://user@host/db",
    )
    keymap: dict[str, str] = Field(
        default_factory=dict,
        description='Binding id to keys, e.g. {"view.today": "f1"}.',
    )
    backups_keep: int = Field(default=7, ge=1, le=365, description="Daily backups to keep.")

    def resolved_home(self) -> Path:
        if self.home is not None:
            return self.home.expanduser()
        return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))

    def resolved_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.resolved_home() / DB_FILENAME}"

    @property
    def uses_default_sqlite(self) -> bool:
        return not self.database_url
