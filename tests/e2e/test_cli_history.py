"""``leftovers history`` end to end: LookupEvents on botocore's Stubber (moto has none), the live account on the
moto server (the inventory's real describe calls), the report printed at the end."""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

from leftovers.adapters.inventory.clients import boto3_client
from leftovers.adapters.sources import mapped_event_names
from leftovers.adapters.sources.trail_files import event_history
from tests.e2e.test_cli import report
from tests.support.moto_server import MotoServer
from tests.unit.adapters.sources.test_lookup import lookup_event

history_module = importlib.import_module("leftovers.cli.history")  # the package exports the command by that name


def created_volume(volume_id: str, user: str) -> dict[str, Any]:
    event = lookup_event("cloudtrail_create_volume", eventID=f"ev-{volume_id}")
    record = json.loads(event["CloudTrailEvent"])
    record["responseElements"]["volumeId"] = volume_id
    record["eventTime"] = (datetime.now(UTC) - timedelta(days=3, hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    record["userIdentity"]["arn"] = f"arn:aws:iam::123456789012:user/{user}"
    return {**event, "EventId": f"ev-{volume_id}", "CloudTrailEvent": json.dumps(record)}


def stub_trail(monkeypatch: pytest.MonkeyPatch, regions: Iterable[str]) -> dict[str, Stubber]:
    """A stubbed CloudTrail client per region for the command; every other client is a real one on moto."""
    clients = {r: boto3.client("cloudtrail", region_name=r) for r in regions}
    stubbers = {r: Stubber(c) for r, c in clients.items()}

    def factory(service: str, region: str) -> Any:
        return clients[region] if service == "cloudtrail" else boto3_client(service, region)

    monkeypatch.setattr(history_module, "client_factory", lambda: factory)
    monkeypatch.setattr(event_history, "CALLS_PER_SECOND", 1e6)  # the quota itself is tested on the unit tier
    for stubber in stubbers.values():
        stubber.activate()
    return stubbers


def answer(stubber: Stubber, events: dict[str, list[dict[str, Any]]]) -> None:
    """Answer every mapped event name, in the order asked, with ``events`` (a page of nothing for the rest)."""
    for name in sorted(mapped_event_names()):
        stubber.add_response("lookup_events", {"Events": events.get(name, [])})


def test_history_keeps_what_still_exists_with_its_creator(aws: MotoServer, run, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    trail = stub_trail(monkeypatch, ["us-east-1", "eu-west-1"])
    ec2 = boto3.client("ec2", region_name="us-east-1")
    kept = ec2.create_volume(Size=500, AvailabilityZone="us-east-1a", VolumeType="gp3")["VolumeId"]
    gone = "vol-0deadbeef00000000"  # created in the window, deleted by a call the history no longer holds
    answer(trail["us-east-1"], {"CreateVolume": [created_volume(kept, "alice"), created_volume(gone, "bob")]})
    answer(trail["eu-west-1"], {})
    result = run("history", "--days", "30", "--regions", "us-east-1,eu-west-1")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "2 tracked, 0 resolved, 0 updated, 0 unchanged, 0 ignored, 0 rejected"
    calls = 2 * len(mapped_event_names())
    assert lines[1] == (
        f"2 event(s) in 2 region(s) over 30 day(s), {calls} LookupEvents calls. "
        "Checked 2: 1 still there, 1 gone, 0 unknown."
    )
    [table_row] = [line for line in lines[2:] if line.startswith("AWS::EC2::Volume")]  # the report's table
    assert ("scratch-data" in table_row, kept in table_row, "us-east-1" in table_row) == (True, True, True)
    assert ("3d" in table_row, "alice" in table_row, "40.00" in table_row) == (True, True, True)
    assert "CloudTrail event history" in result.stderr  # the progress bar
    [row] = report(run)
    assert (row["resource_id"], row["created_by"]) == (kept, "arn:aws:iam::123456789012:user/alice")
    assert row["monthly_cost_usd"] is not None
    for stubber in trail.values():
        stubber.assert_no_pending_responses()


def test_history_asks_every_enabled_region_by_default(aws: MotoServer, run, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    regions = sorted(r["RegionName"] for r in boto3.client("ec2").describe_regions()["Regions"])
    trail = stub_trail(monkeypatch, regions)
    for stubber in trail.values():
        answer(stubber, {})
    result = run("history", "--days", "1")
    assert result.exit_code == 0, result.output
    assert f"0 event(s) in {len(regions)} region(s) over 1 day(s)" in result.stdout
    assert "Nothing to show; 0 tracked." in result.stdout
    for stubber in trail.values():
        stubber.assert_no_pending_responses()


def test_bad_regions_are_one_line(run) -> None:  # type: ignore[no-untyped-def]
    result = run("history", "--regions", "moon-1")
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: --regions: 'moon-1' is not a region name such as us-east-1"
