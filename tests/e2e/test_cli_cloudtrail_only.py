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


def test_a_create_tags_call_adding_keep_silences_the_instance_and_delete_tags_brings_it_back(run: Any) -> None:
    """`aws ec2 create-tags --resources i-... vol-... --tags Key=leftovers:keep,Value=true` (issue 11.4)."""
    ingest(run, "cloudtrail_run_instances")
    assert {r["resource_id"] for r in report(run, "--due")} == {"i-0a1b2c3d4e5f60718", "i-0a1b2c3d4e5f60719"}

    counts = ingest(run, "cloudtrail_create_tags")

    assert counts.startswith("0 tracked, 0 resolved, 1 updated")  # the other ten ids are not tracked
    assert {r["resource_id"] for r in report(run, "--due")} == {"i-0a1b2c3d4e5f60719"}
    kept = next(r for r in report(run) if r["resource_id"] == "i-0a1b2c3d4e5f60718")
    assert kept["kept_until"] == "forever"
    assert kept["owner"] == "bob"  # the tags the launch set are still there

    ingest(run, "cloudtrail_delete_tags")
    assert {r["resource_id"] for r in report(run, "--due")} == {"i-0a1b2c3d4e5f60718", "i-0a1b2c3d4e5f60719"}
    back = next(r for r in report(run) if r["resource_id"] == "i-0a1b2c3d4e5f60718")
    assert (back["kept_until"], back["owner"], back["resource_name"]) == (None, "bob", "llm-finetune")
