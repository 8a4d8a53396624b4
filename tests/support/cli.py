"""Running the ``leftovers`` command in tests: click's runner, a store in tmp_path, no LEFTOVERS_* from the machine."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from leftovers.cli import cli

Run = Callable[..., Result]


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    """Invoke the CLI with a store in tmp_path and no LEFTOVERS_* variables from the machine."""
    for var in [v for v in os.environ if v.startswith("LEFTOVERS_")]:
        monkeypatch.delenv(var)
    monkeypatch.setenv("LEFTOVERS_DB", str(tmp_path / "store.db"))

    def invoke(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Result:
        return CliRunner().invoke(cli, list(args), input=input, env=env, catch_exceptions=False)

    return invoke
