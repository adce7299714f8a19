"""`planner-tui support`: the support and crisis lines the app's help shows, from the
same support.toml (the planner folder's own copy, else the shipped one), with the same
note when the person's own copy is set aside — and `--help` points to it."""

from __future__ import annotations

from pathlib import Path

from planner_tui import words
from planner_tui.services import support

from .runner import run


def test_support_prints_the_lines_help_shows(tmp_path: Path) -> None:
    result = run(tmp_path, "support")
    assert result.returncode == 0, result.stderr
    shown = result.stdout.splitlines()
    assert shown[0] == words.EMERGENCY_LINE
    assert "Samaritans" in result.stdout and words.OTHER_SUPPORT in shown
    assert shown == support.load_support(tmp_path).text()


def test_support_uses_the_folders_own_copy_or_says_why_not(tmp_path: Path) -> None:
    (tmp_path / "support.toml").write_text(
        '[[line]]\nkind = "crisis"\nname = "Our town line"\nreach = "555 0100"\n'
    )
    own = run(tmp_path, "support").stdout
    assert "Our town line — 555 0100" in own and "Samaritans" not in own
    (tmp_path / "support.toml").write_text("this is not [toml")
    broken = run(tmp_path, "support")
    assert broken.returncode == 0
    problem = support.load_support(tmp_path).problem
    assert problem and problem in broken.stdout
    assert "Samaritans" in broken.stdout  # the shipped lines, while theirs can't be read


def test_help_points_to_the_support_command(tmp_path: Path) -> None:
    said = run(tmp_path, "--help").stdout
    assert "planner-tui support" in " ".join(said.split())
    assert "support" in run(tmp_path, "support", "--help").stdout


def test_support_lists_the_people_you_trust_first_as_help_does(tmp_path: Path) -> None:
    """The app's help shows the people you trust above the crisis lines; the command left
    them out, though it says it prints the same lines."""
    from planner_tui.commands.base import location_from
    from planner_tui.config import Settings
    from planner_tui.db.engine import open_database

    database = open_database(location_from(Settings(home=tmp_path)))
    with database.write() as s:
        support.save_trusted(session=s, contacts=[{"name": "[b]Sam[/b]", "reach": "07000 111222"}])
    database.dispose()
    shown = run(tmp_path, "support").stdout.splitlines()
    assert shown[:3] == ["People you trust:", "[b]Sam[/b] — 07000 111222", ""]
    assert shown[3] == words.EMERGENCY_LINE
