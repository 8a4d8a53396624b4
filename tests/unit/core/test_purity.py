"""The core stays pure: no AWS SDK, no HTTP, no CLI framework, no environment, no files."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[3] / "src" / "leftovers" / "core"
BANNED_ROOTS = {"boto3", "botocore", "urllib", "http", "requests", "slack_sdk", "click", "sqlite3", "socket", "os"}


def imported_roots(tree: ast.AST) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("module", sorted(CORE.glob("*.py")), ids=lambda p: p.name)
def test_core_module_imports_nothing_impure(module: Path) -> None:
    tree = ast.parse(module.read_text())
    assert imported_roots(tree) & BANNED_ROOTS == set()
    calls = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
    assert "open" not in calls


def test_the_check_sees_a_banned_import() -> None:
    assert imported_roots(ast.parse("import boto3\nfrom os import environ")) == {"boto3", "os"}
