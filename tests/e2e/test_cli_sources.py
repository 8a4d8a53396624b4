"""``leftovers sources``: the registry's coverage, as text, markdown and JSON a script can use."""

from __future__ import annotations

import json

from click.testing import CliRunner

from leftovers.cli import cli


def test_sources_json_gives_booleans_and_lists() -> None:
    result = CliRunner().invoke(cli, ["sources", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {row["type"]: row for row in json.loads(result.stdout)}

    snapshot = rows["AWS::EC2::Snapshot"]
    assert snapshot["cloudtrail"] == ["CopySnapshot", "CreateSnapshot", "CreateSnapshots", "DeleteSnapshot"]
    assert snapshot["cloudtrail_tags"] == ["CreateTags", "DeleteTags", "TagResources", "UntagResources"]
    assert snapshot["config"] is False
    assert snapshot["backfill"] is True
    assert rows["AWS::EC2::Instance"]["config"] is True
    assert rows["AWS::EC2::RouteTable"]["cloudtrail"] == []
    assert rows["AWS::RDS::DBInstance"]["backfill"] is False
    assert rows["AWS::EC2::Volume"]["reconcile"] == "ec2:DescribeVolumes"
