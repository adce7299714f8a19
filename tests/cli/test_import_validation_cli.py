"""`planner-tui import` of a JSON export with a bad row: one line, exit 1, nothing written."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.runner import assert_one_line_error, run


def test_a_bad_row_is_one_line_naming_table_row_and_field_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    source = tmp_path / "source"
    assert run(source, "journal", "Soup with friends", "--mood", "4").returncode == 0
    exported = run(source, "export", "--format", "json")
    assert exported.returncode == 0, exported.stderr
    document = json.loads(exported.stdout)
    document["tables"]["person"] = [
        {"id": 1, "name": "Ana", "circle": "inner"},
        {"id": 2, "name": "B" * 10_000, "circle": "outer"},
    ]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    home = tmp_path / "home"
    result = run(home, "import", str(bad))
    assert_one_line_error(result, 1, "person row 2, name: can be at most 1,000 characters")
    assert "BBBB" not in result.stderr
    assert not home.exists()  # nothing written: no planner made, even an empty one

    document["version"] = 2
    bad.write_text(json.dumps(document), encoding="utf-8")
    assert_one_line_error(run(home, "import", str(bad)), 1, "format version 2, from a newer")
