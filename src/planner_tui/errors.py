"""Errors that carry a message meant for the person using the app.

Anything raised as :class:`PlannerError` is shown as one calm line; anything else is a
bug, logged and reported without a traceback.
"""

from __future__ import annotations


class PlannerError(Exception):
    """A problem the user can act on. ``str(error)`` is the whole message."""

    exit_code = 1


class InvalidInput(PlannerError):
    """Input that cannot be stored as given. ``field`` names the form field, if any."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFound(PlannerError):
    pass


class StorageError(PlannerError):
    """The database cannot be opened, read or written."""


class DamagedFile(StorageError):
    """The SQLite file is damaged: SQLite found a malformed page, or it fails its check."""


class NeedsPassphrase(StorageError):
    """The SQLite file is encrypted (or damaged), and no passphrase, or a wrong one, was given."""
