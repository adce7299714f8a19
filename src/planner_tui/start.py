"""The planner-tui command. Its first step, before anything else is imported, keeps the
keys typed while the app starts as typed (see :func:`planner_tui.terminal.read_keys_as_typed`):
the command line and the app take half a second to load."""

from __future__ import annotations

from planner_tui.terminal import back_to_line_mode, read_keys_as_typed


def main() -> int:
    read_keys_as_typed()
    try:
        from planner_tui.cli import main as run

        return run()
    finally:
        back_to_line_mode()
