"""With CloudTrail as the only source: costs read from the calls, and tag calls that change what is reported."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from leftovers.cli import cli
from tests.support.events import EVENTS


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Invoke the CLI with a store in tmp_path and no LEFTOVERS_* variables from the machine."""
    for var in [v for v in os.environ if v.startswith("LEFTOVERS_")]:
        monkeypatch.delenv(var)
    monkeypatch.setenv("LEFTOVERS_DB", str(tmp_path / "store.db"))

    def invoke(*args: str) -> Result:
        return CliRunner().invoke(cli, list(args), catch_exceptions=False)

    return invoke


def ingest(run: Any, *names: str) -> str:
    result = run("ingest", *(str(EVENTS / f"{name}.json") for name in names))
    assert result.exit_code == 0, result.output
    return str(result.stdout.strip())


def report(run: Any, *args: str) -> list[dict[str, Any]]:
    result = run("report", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    rows: list[dict[str, Any]] = json.loads(result.stdout)
    return rows


def test_a_multi_az_postgres_instance_from_create_db_instance_is_priced_as_config_prices_it(run: Any) -> None:
    ingest(run, "cloudtrail_create_db_instance_multi_az")

    (row,) = report(run)
    # db.r6g.large PostgreSQL 0.225 x 730 + 100 GB gp2 x 0.115, twice for the standby (issue 11.9)
    assert row["monthly_cost_usd"] == pytest.approx(351.5)
