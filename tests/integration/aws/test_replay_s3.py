"""``leftovers replay s3://...`` on moto's S3: a trail bucket with an organization's layout, days and regions
chosen by folder, digests skipped, every object read through the real S3 API."""

from __future__ import annotations

import json
from datetime import date

import boto3
import pytest

from leftovers.adapters.sources.trail_files.layout import Selection
from leftovers.adapters.sources.trail_files.s3 import s3_files
from tests.support.events import EVENTS
from tests.support.moto_server import MotoServer, unique
from tests.support.trail_logs import digest_key, log_bytes, log_key, record

ORG = "o-a1b2c3d4e5"
SEPT = date(2026, 9, 14)


def volume(account: str, region: str, volume_id: str) -> dict:  # type: ignore[type-arg]
    found = record("trail_record_create_volume", recipientAccountId=account, awsRegion=region)
    found["responseElements"]["volumeId"] = volume_id
    return found


@pytest.fixture
def bucket(aws: MotoServer) -> str:
    """A trail bucket: two member accounts under the organization, two regions, two days, and digests."""
    name = unique("trail")
    s3 = boto3.client("s3")
    s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": "ap-northeast-1"})
    objects = {
        log_key("111122223333", "us-east-1", SEPT, org=ORG): (EVENTS / "trail_log_file.json").read_bytes(),
        log_key("111122223333", "eu-west-1", SEPT, org=ORG): log_bytes([volume("111122223333", "eu-west-1", "vol-eu")]),
        log_key("444455556666", "us-east-1", date(2026, 10, 5), org=ORG): log_bytes(
            [volume("444455556666", "us-east-1", "vol-october")]
        ),
        digest_key("111122223333", "us-east-1", SEPT): b"{}",
        "AWSLogs/" + ORG + "/111122223333/CloudTrail-Insight/us-east-1/2026/09/14/x.json.gz": b"{}",
    }
    for key, body in objects.items():
        s3.put_object(Bucket=name, Key=key, Body=body)
    return name


def test_replay_a_whole_organization_trail_bucket(bucket: str, run) -> None:  # type: ignore[no-untyped-def]
    result = run("replay", f"s3://{bucket}/")
    assert result.stdout.splitlines() == [
        "5 tracked, 0 resolved, 0 updated, 3 unchanged, 2 ignored, 2 rejected",
        "11 record(s) in 3 log file(s).",
    ]
    assert result.exit_code == 1
    assert f"s3://{bucket}/AWSLogs/{ORG}/111122223333/CloudTrail/us-east-1/2026/09/14/" in result.stderr
    rows = json.loads(run("report", "--format", "json").stdout)
    assert {("vol-eu", "eu-west-1"), ("vol-october", "us-east-1")} <= {(r["resource_id"], r["region"]) for r in rows}


def test_days_accounts_and_regions_prune_folders(bucket: str, run) -> None:  # type: ignore[no-untyped-def]
    result = run("replay", f"s3://{bucket}/AWSLogs/", "--since", "2026-10-01", "--until", "2026-10-31")
    assert result.stdout.splitlines() == [
        "1 tracked, 0 resolved, 0 updated, 0 unchanged, 0 ignored, 0 rejected",
        "1 record(s) in 1 log file(s).",
    ]
    result = run("replay", f"s3://{bucket}/AWSLogs/{ORG}", "--accounts", "111122223333", "--regions", "eu-west-1")
    assert result.stdout.splitlines()[0] == "1 tracked, 0 resolved, 0 updated, 0 unchanged, 0 ignored, 0 rejected"


def test_the_walk_lists_only_the_folders_it_wants(bucket: str) -> None:
    s3 = boto3.client("s3")
    listed: list[str] = []
    s3.meta.events.register(
        "provide-client-params.s3.ListObjectsV2", lambda params, **_: listed.append(params["Prefix"])
    )
    selection = Selection(since=date(2026, 10, 1), regions=frozenset({"us-east-1"}))
    files = list(s3_files(s3, f"s3://{bucket}/AWSLogs/{ORG}/", selection))
    assert [f.location.rsplit("/", 1)[-1][:40] for f in files] == ["444455556666_CloudTrail_us-east-1_202610"]
    assert files[0].account == "444455556666"
    assert not any("eu-west-1" in p or "/09/" in p or "Digest" in p or "Insight" in p for p in listed)


def test_a_missing_bucket_is_one_line(aws: MotoServer, run) -> None:  # type: ignore[no-untyped-def]
    result = run("replay", "s3://no-such-trail-bucket-here/")
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: s3://no-such-trail-bucket-here/: cannot list (NoSuchBucket)"


def test_one_object_can_be_named(bucket: str, run) -> None:  # type: ignore[no-untyped-def]
    key = log_key("111122223333", "eu-west-1", SEPT, org=ORG)
    result = run("replay", f"s3://{bucket}/{key}")
    assert result.stdout.splitlines()[1] == "1 record(s) in 1 log file(s)."
    missing = run("replay", f"s3://{bucket}/{key[:-8]}-missing.json.gz")
    assert missing.exit_code == 1
    assert missing.stderr.strip() == f"s3://{bucket}/{key[:-8]}-missing.json.gz: rejected: cannot read (NoSuchKey)"
