"""Settings: where data lives and how keys are mapped.

Every setting can come from the command line, or from an environment variable with the
``PLANNER_TUI_`` prefix (``PLANNER_TUI_HOME``, ``PLANNER_TUI_DATABASE_URL``,
``PLANNER_TUI_KEYMAP`` as JSON, ``PLANNER_TUI_QUIET_HOURS``, ``PLANNER_TUI_ALARM_MINUTES``).
Nothing here touches the disk: folders are created on
first write by :mod:`planner_tui.db.engine`.

A plain dataclass on purpose: five settings don't need a validation framework, and this
module is on the path to the first frame (pydantic-settings cost ~80 ms of start-up).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from pathlib import Path

from planner_tui.errors import PlannerError, StorageError

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


QUIET_HOURS = "22:00-08:00"
ALARM_MINUTES = 15
_HOURS = re.compile(r"^\s*(\d{1,2})(?::(\d{2}))?\s*-\s*(\d{1,2})(?::(\d{2}))?\s*$")


def parse_quiet_hours(text: str) -> tuple[time, time] | None:
    """'22:00-08:00' (or '22-8') as (start, end); 'off' (or nothing) means none."""
    if text.strip().lower() in ("", "off", "none", "no"):
        return None
    match = _HOURS.match(text)
    try:
        if not match:
            raise ValueError(text)
        start = time(int(match[1]), int(match[2] or 0))
        end = time(int(match[3]), int(match[4] or 0))
    except ValueError:
        raise PlannerError(
            f"{ENV_PREFIX}QUIET_HOURS should be a span like 22:00-08:00, or 'off'."
        ) from None
    return None if start == end else (start, end)


def _whole_number(name: str, default: int, top: int) -> int:
    raw = os.environ.get(f"{ENV_PREFIX}{name}", str(default)).strip()
    if not raw.isdigit() or int(raw) > top:
        raise PlannerError(f"{ENV_PREFIX}{name} should be a number from 0 to {top:,}.")
    return int(raw)


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
    quiet_hours: str | None = None
    """When `planner-tui remind` stays silent, like "22:00-08:00" (the default); "off"."""
    alarm_minutes: int | None = None
    """How long before a step the calendar file's alarm goes off (default 15; 0: none)."""

    def __post_init__(self) -> None:
        env = os.environ
        given = {"HOME": self.home, "DATABASE_URL": self.database_url}
        for name, value in given.items():  # a script's empty variable: not the default
            if (
                value is None
                and f"{ENV_PREFIX}{name}" in env
                and not env[f"{ENV_PREFIX}{name}"].strip()
            ):
                raise PlannerError(
                    f"{ENV_PREFIX}{name} is set but empty: unset it for the default, or give "
                    f"{'a folder' if name == 'HOME' else 'a database URL'}."
                )
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
        if self.quiet_hours is None:
            object.__setattr__(
                self, "quiet_hours", env.get(f"{ENV_PREFIX}QUIET_HOURS", QUIET_HOURS)
            )
        parse_quiet_hours(self.quiet_hours or "")  # a typo is said now, not at 22:00
        if self.alarm_minutes is None:
            object.__setattr__(
                self, "alarm_minutes", _whole_number("ALARM_MINUTES", ALARM_MINUTES, 10_080)
            )
        if env.get(f"{ENV_PREFIX}BUSY_TIMEOUT_MS", "").strip():  # read by db.engine; said
            _whole_number("BUSY_TIMEOUT_MS", 0, 3_600_000)  # here (nu214: 'abc' was ignored)

    def in_quiet_hours(self, moment: time) -> bool:
        """Whether the local time *moment* falls in the quiet hours (which may span
        midnight: 22:00-08:00 covers 23:30 and 07:59, not 08:00)."""
        span = parse_quiet_hours(self.quiet_hours or "")
        if span is None:
            return False
        start, end = span
        if start < end:
            return start <= moment < end
        return moment >= start or moment < end

    def last_quiet_hours(self, moment: datetime) -> tuple[datetime, datetime] | None:
        """The latest quiet hours that ended at or before the aware *moment* (within the
        last day), as (start, end) in *moment*'s zone; None without quiet hours, or while
        they last. `remind` tells about the steps they kept quiet once they end."""
        span = parse_quiet_hours(self.quiet_hours or "")
        if span is None or self.in_quiet_hours(moment.timetz().replace(tzinfo=None)):
            return None
        start, end = span
        zone = moment.tzinfo
        try:
            ended = datetime.combine(moment.date(), end, tzinfo=zone)
            if ended > moment:
                ended = datetime.combine(moment.date() - timedelta(days=1), end, tzinfo=zone)
            began = datetime.combine(ended.date(), start, tzinfo=zone)
            if start > end:  # across midnight: they began the evening before
                began -= timedelta(days=1)
        except OverflowError:  # the calendar's first day: there was no night before
            return None
        return began, ended

    def resolved_home(self) -> Path:
        if self.home is not None:
            return self.home.expanduser()
        import platformdirs

        return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))

    def check_home(self) -> None:
        """Refuse a home that is a file (or /dev/null), not a folder: nothing could be kept
        there, and a command that only reads would otherwise find nothing and say so."""
        home = self.resolved_home()
        if self.uses_default_sqlite and home.exists() and not home.is_dir():
            raise StorageError(
                f"{home} is a file, not a folder. Give --home a folder for your planner "
                "(it is made if it isn't there yet)."
            )

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
