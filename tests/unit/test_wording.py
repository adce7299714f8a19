"""Nothing on screen diagnoses, labels or shames: every sentence in the code and the shipped
assets is read for words that would (unless the sentence says "not a …")."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import planner_tui

SOURCE = Path(planner_tui.__file__).parent
HARSH = re.compile(
    r"\b(fail(ed|ure|ing)?|depress\w*|disorder\w*|symptom\w*|patholog\w*|diagnos\w*|"
    r"lazy|pathetic|weak|loser|antisocial|clingy|needy|overdue|missed|behind|"
    r"you should|you must|lonely people|isolated people|abnormal|problem with you)\b",
    re.IGNORECASE,
)
NEGATED = re.compile(r"\bnot (a|an|the)\b", re.IGNORECASE)


def sentences_shown() -> list[tuple[str, str]]:
    """(where, text) for every string literal that isn't a docstring, and every asset text."""
    found = []
    for path in SOURCE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if id(node) not in docstrings and " " in node.value.strip():
                    found.append((f"{path.name}:{node.lineno}", node.value))
    for path in (SOURCE / "assets").glob("*.toml"):

        def walk(value: object) -> None:
            if isinstance(value, str):
                found.append((path.name, value))
            elif isinstance(value, dict):
                for item in value.values():
                    walk(item)
            elif isinstance(value, list):
                for item in value:
                    walk(item)

        walk(tomllib.loads(path.read_text(encoding="utf-8")))
    return found


def test_no_sentence_diagnoses_labels_or_shames() -> None:
    shown = sentences_shown()
    assert len(shown) > 300  # really reading the product's words
    harsh = [
        (where, text)
        for where, text in shown
        if (match := HARSH.search(text))
        and not NEGATED.search(text[max(0, match.start() - 30) : match.start()])
    ]
    assert harsh == []
