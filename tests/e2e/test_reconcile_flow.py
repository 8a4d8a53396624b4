"""Reconcile and backfill end to end: events ingested through the CLI into SQLite, AWS answered by moto
in-process (with IAM enforced where a test denies a permission)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import boto3
import pytest
from click.testing import CliRunner, Result

from leftovers.cli import cli
from leftovers.core.model import ChangeKind
from leftovers.resources import all_types
from tests.integration.inventory.conftest import credentials_denied, moto
from tests.support.events import EVENTS

__all__ = ["moto"]  # the fixture this module uses
FIXTURE_REGION = "us-east-1"  # where the CloudTrail fixtures' resources live
VOLUME, SNAPSHOT, BUCKET = "vol-0123456789abcdef0", "snap-0a1b2c3d4e5f60718", "acme-ml-scratch-2024"


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, moto: None) -> Any:
    """The CLI with a store in tmp_path."""
    for var in [v for v in os.environ if v.startswith("LEFTOVERS_")]:
        monkeypatch.delenv(var)
    monkeypatch.setenv("LEFTOVERS_STORE", str(tmp_path / "store.db"))

    def invoke(*args: str) -> Result:
        return CliRunner().invoke(cli, list(args), catch_exceptions=False)

    return invoke


def tracked(run: Any) -> dict[str, dict[str, Any]]:
    result = run("report", "--format", "json")
    assert result.exit_code == 0, result.output
    return {row["resource_id"]: row for row in json.loads(result.output)}


def ingest_fixtures(run: Any) -> None:
    names = ("cloudtrail_create_volume", "cloudtrail_create_snapshot", "cloudtrail_create_bucket")
    result = run("ingest", *(str(EVENTS / f"{n}.json") for n in names))
    assert result.output.startswith("3 tracked"), result.output


def test_a_missed_deletion_is_healed_and_an_unreadable_type_stays(run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    ingest_fixtures(run)
    # The bucket still exists; the volume was deleted while no event reached Leftovers; snapshots cannot be read.
    boto3.client("s3", region_name=FIXTURE_REGION).create_bucket(Bucket=BUCKET)
    with credentials_denied(monkeypatch, "ec2:DescribeSnapshots"):
        dry = run("reconcile", "--dry-run")
        assert dry.exit_code == 0, dry.output
        assert f"gone  AWS::EC2::Volume  {VOLUME}" in dry.output
        assert set(tracked(run)) == {VOLUME, SNAPSHOT, BUCKET}

        result = run("reconcile")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "Checked 3: 1 still there, 1 healed (gone), 1 unknown.",
        "  unknown  AWS::EC2::Snapshot: 1 (access denied (ec2:DescribeSnapshots))",
    ]
    assert set(tracked(run)) == {SNAPSHOT, BUCKET}  # the unknown is never treated as deleted

    again = run("reconcile", "--type", "AWS::S3::Bucket")
    assert again.output.splitlines() == ["Checked 1: 1 still there, 0 healed (gone), 0 unknown."]


def test_due_checks_only_what_the_next_digest_would_report(run: Any) -> None:
    ingest_fixtures(run)
    boto3.client("s3", region_name=FIXTURE_REGION).create_bucket(Bucket=BUCKET)
    before = run("reconcile", "--due", "--dry-run", "--type", "AWS::S3::Bucket")
    assert before.output.splitlines() == ["Checked 1: 1 still there, 0 gone (dry run: nothing changed), 0 unknown."]
    # the terminal, chosen as the destination, marks all three notified: none is due until reminded
    assert run("notify", "--to", "terminal").exit_code == 0
    after = run("reconcile", "--due")
    assert after.output.splitlines() == ["Checked 0: 0 still there, 0 healed (gone), 0 unknown."]
    assert set(tracked(run)) == {VOLUME, SNAPSHOT, BUCKET}  # the gone volume waits for its reminder's check


def test_backfill_adopts_what_was_never_seen_created(run: Any) -> None:
    ingest_fixtures(run)
    s3 = boto3.client("s3", region_name=FIXTURE_REGION)
    s3.create_bucket(Bucket=BUCKET)
    s3.create_bucket(Bucket="made-before-leftovers")
    s3.put_bucket_tagging(Bucket="made-before-leftovers", Tagging={"TagSet": [{"Key": "team", "Value": "ml"}]})
    s3.put_bucket_tagging(Bucket=BUCKET, Tagging={"TagSet": [{"Key": "team", "Value": "ml"}]})

    dry = run("backfill", "--region", FIXTURE_REGION, "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert dry.output.startswith(f"Would adopt 1 of 2 listed in {FIXTURE_REGION} (1 already tracked")
    assert "AWS::S3::Bucket  made-before-leftovers" in dry.output
    assert "made-before-leftovers" not in tracked(run)

    done = run("backfill", "--region", FIXTURE_REGION)
    assert done.output.startswith("Adopted 1 of 2 listed"), done.output
    assert tracked(run)["made-before-leftovers"]["resource_type"] == "AWS::S3::Bucket"
    assert run("backfill", "--region", FIXTURE_REGION).output.startswith("Adopted 0 of 2 listed")


def test_aws_errors_are_one_line(run: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    ingest_fixtures(run)
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.delenv(name)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")  # no instance metadata lookups from a laptop
    monkeypatch.setattr(boto3, "DEFAULT_SESSION", None)
    result = CliRunner().invoke(cli, ["reconcile"])
    assert result.exit_code == 1
    assert result.output.splitlines() == ["Error: cannot ask sts in us-east-1: Unable to locate credentials"]
    assert set(tracked(run)) == {VOLUME, SNAPSHOT, BUCKET}


def test_sources_prints_the_readme_table(run: Any) -> None:
    result = run("sources", "--format", "markdown")
    lines = result.output.splitlines()
    assert lines[0].startswith("| Resource type | CloudTrail calls | CloudTrail tag calls | AWS Config |")
    assert (
        "| AWS::EC2::Snapshot | CopySnapshot, CreateSnapshot, CreateSnapshots, DeleteSnapshot | "
        "CreateTags, DeleteTags, TagResources, UntagResources | no |" in result.output
    )
    traced = [t for t in all_types() if any(c.kind is not ChangeKind.UPDATED for c in t.calls)]
    only = sum(1 for t in traced if not t.config)
    assert lines[-1].startswith(f"{len(traced)} types through CloudTrail, {only} of them only through CloudTrail")


@pytest.mark.parametrize("command", ["reconcile", "backfill", "sources"])
def test_help_has_examples(run: Any, command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.output


def test_reconcile_refreshes_the_tags_of_what_it_checks(run: Any) -> None:
    """Tagged in the console (no event reached Leftovers): reconcile reads the tags and the keep tag silences it."""
    ingest_fixtures(run)
    s3 = boto3.client("s3", region_name=FIXTURE_REGION)
    s3.create_bucket(Bucket=BUCKET)
    s3.put_bucket_tagging(Bucket=BUCKET, Tagging={"TagSet": [{"Key": "leftovers:keep", "Value": "true"}]})
    assert tracked(run)[BUCKET]["kept_until"] is None

    result = run("reconcile", "--type", "AWS::S3::Bucket")

    assert result.output.splitlines() == ["Checked 1: 1 still there (1 with new tags), 0 healed (gone), 0 unknown."]
    assert tracked(run)[BUCKET]["kept_until"] == "forever"
    again = run("reconcile", "--type", "AWS::S3::Bucket")
    assert again.output.splitlines() == ["Checked 1: 1 still there, 0 healed (gone), 0 unknown."]


def test_backfill_from_cloud_control_refuses_a_type_it_would_key_otherwise(run: Any) -> None:
    result = run("backfill", "--from", "cloudcontrol", "--type", "AWS::RDS::DBInstance", "--region", FIXTURE_REGION)
    assert result.exit_code != 0
    assert result.output.splitlines()[-1].startswith(
        "Error: --type: AWS::RDS::DBInstance: Cloud Control does not name it by the ids Leftovers keeps (listable: "
    )
