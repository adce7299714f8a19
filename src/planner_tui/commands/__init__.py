"""Subcommands of `planner-tui` beyond the core ones in :mod:`planner_tui.cli`: the daily
loop from a shell (plan, log, outcomes, snooze, people, dates), the `today` summary and
`remind`. Each module adds its parsers with ``add_parsers`` and names the function that
runs a command in the parser's ``run`` default; `cli.main` stays the entry point.

Modules here import only light things at the top (a shell's startup file runs `today`);
services and the data layer are imported inside the commands that need them.
"""
