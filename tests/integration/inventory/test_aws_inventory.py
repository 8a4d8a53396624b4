"""The inventory against moto's EC2, S3, Lambda, DynamoDB, Logs, KMS, Config and tagging API: what exists, what is
gone, what cannot be told, and what backfill adopts."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import boto3
import pytest

from leftovers.adapters.inventory import AwsInventory, ConfigListing, TaggingListing
from leftovers.adapters.inventory.clients import Clients
from leftovers.adapters.stores.sqlite import SQLiteStore
from leftovers.core.deadlines import Schedule
from leftovers.core.inventory import Presence
from leftovers.core.model import Resource, ResourceKey
from leftovers.service.backfill import backfill
from tests.integration.inventory.conftest import REGION, credentials_denied

ACCOUNT = "123456789012"  # moto's default account
pytestmark = pytest.mark.usefixtures("moto")


def rec(resource_type: str, resource_id: str, **attrs: Any) -> Resource:
    return Resource(ResourceKey(ACCOUNT, REGION, resource_type, resource_id), **attrs)


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("handler.py", "def handler(event, context):\n    return event\n")
    return buffer.getvalue()


def make_world() -> dict[str, list[Resource]]:
    """Live and gone resources of several services; returns the records a store would hold for them."""
    ec2 = boto3.client("ec2")
    zone = f"{REGION}a"
    volume = ec2.create_volume(Size=8, AvailabilityZone=zone)["VolumeId"]
    deleted_volume = ec2.create_volume(Size=8, AvailabilityZone=zone)["VolumeId"]
    ec2.delete_volume(VolumeId=deleted_volume)
    image = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
    running, terminated = (ec2.run_instances(ImageId=image, MinCount=1, MaxCount=1)["Instances"][0]["InstanceId"]
                           for _ in range(2))  # fmt: skip
    ec2.terminate_instances(InstanceIds=[terminated])
    snapshot = ec2.create_snapshot(VolumeId=volume)["SnapshotId"]
    address = ec2.allocate_address(Domain="vpc")["AllocationId"]
    boto3.client("s3").create_bucket(Bucket="live-bucket", CreateBucketConfiguration={"LocationConstraint": REGION})
    boto3.client("dynamodb").create_table(
        TableName="live-table", BillingMode="PAY_PER_REQUEST",
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
    )  # fmt: skip
    role = boto3.client("iam").create_role(RoleName="fn-role", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    boto3.client("lambda").create_function(
        FunctionName="live-fn", Runtime="python3.12", Role=role, Handler="handler.handler", Code={"ZipFile": _zip()}
    )
    boto3.client("logs").create_log_group(logGroupName="/aws/lambda/live-fn")
    kms = boto3.client("kms")
    key = kms.create_key()["KeyMetadata"]["KeyId"]
    doomed = kms.create_key()["KeyMetadata"]["KeyId"]
    kms.schedule_key_deletion(KeyId=doomed, PendingWindowInDays=7)
    live = [
        rec("AWS::EC2::Volume", volume), rec("AWS::EC2::Instance", running), rec("AWS::EC2::Snapshot", snapshot),
        rec("AWS::EC2::EIP", address), rec("AWS::S3::Bucket", "live-bucket"),
        rec("AWS::DynamoDB::Table", "live-table"), rec("AWS::Lambda::Function", "live-fn"),
        rec("AWS::Logs::LogGroup", "/aws/lambda/live-fn"), rec("AWS::KMS::Key", key),
    ]  # fmt: skip
    gone = [
        rec("AWS::EC2::Volume", deleted_volume), rec("AWS::EC2::Instance", terminated),
        rec("AWS::EC2::Snapshot", "snap-0123456789abcdef0"), rec("AWS::EC2::EIP", "eipalloc-0123456789abcdef0"),
        rec("AWS::S3::Bucket", "gone-bucket"), rec("AWS::DynamoDB::Table", "gone-table"),
        rec("AWS::Lambda::Function", "gone-fn"), rec("AWS::Logs::LogGroup", "/aws/lambda/live"),
        rec("AWS::KMS::Key", doomed),
    ]  # fmt: skip
    return {"live": live, "gone": gone}


def test_live_resources_exist_and_deleted_ones_are_gone() -> None:
    world = make_world()
    inventory = AwsInventory(use_tagging=False)
    verdicts = inventory.check(world["live"] + world["gone"])
    assert {r.key.resource_type: verdicts[r.key].presence for r in world["live"]} == dict.fromkeys(
        (r.key.resource_type for r in world["live"]), Presence.EXISTS
    )
    assert {r.key.resource_id: verdicts[r.key].presence for r in world["gone"]} == dict.fromkeys(
        (r.key.resource_id for r in world["gone"]), Presence.GONE
    )
    assert verdicts[world["live"][0].key].created_at is not None  # DescribeVolumes gives CreateTime
    assert inventory.clients.calls == 1 + 4 + 2 * 5  # STS, one batched call per EC2 type, one per other resource


def test_access_denied_is_unknown_never_gone(monkeypatch: pytest.MonkeyPatch) -> None:
    world = make_world()
    with credentials_denied(monkeypatch, "ec2:DescribeSnapshots", "s3:ListBucket"):
        verdicts = AwsInventory(use_tagging=False).check(world["live"] + world["gone"])
    snapshots = [r for r in world["live"] + world["gone"] if r.key.resource_type == "AWS::EC2::Snapshot"]
    assert {verdicts[r.key].reason for r in snapshots} == {"access denied (ec2:DescribeSnapshots)"}
    assert verdicts[world["gone"][0].key].presence is Presence.GONE  # other types are still checked


def test_the_tagging_api_confirms_existence_by_arn() -> None:
    ec2 = boto3.client("ec2")
    tags = [{"ResourceType": "volume", "Tags": [{"Key": "team", "Value": "ml"}]}]
    volume = ec2.create_volume(Size=8, AvailabilityZone=f"{REGION}a", TagSpecifications=tags)["VolumeId"]
    arn = f"arn:aws:ec2:{REGION}:{ACCOUNT}:volume/{volume}"
    # A type without a describe row, keyed by an ARN the tagging API knows: only "exists" can come back.
    odd = rec("AWS::EC2::VolumeAttachmentLike", volume, arn=arn)
    missing = rec("AWS::EC2::VolumeAttachmentLike", "vol-0", arn=arn.replace(volume, "vol-0"))
    verdicts = AwsInventory().check([odd, missing])
    assert verdicts[odd.key].presence is Presence.EXISTS
    assert verdicts[missing.key].presence is Presence.UNKNOWN


def test_backfill_adopts_tagged_resources_from_their_creation_time(tmp_path: Path) -> None:
    ec2 = boto3.client("ec2")
    tags = [{"ResourceType": "volume", "Tags": [{"Key": "Name", "Value": "scratch"}]}]
    volume = ec2.create_volume(Size=8, AvailabilityZone=f"{REGION}a", TagSpecifications=tags)["VolumeId"]
    created = ec2.describe_volumes(VolumeIds=[volume])["Volumes"][0]["CreateTime"].astimezone(UTC)
    s3 = boto3.client("s3")
    s3.create_bucket(Bucket="tagged-bucket", CreateBucketConfiguration={"LocationConstraint": REGION})
    s3.put_bucket_tagging(Bucket="tagged-bucket", Tagging={"TagSet": [{"Key": "team", "Value": "ml"}]})
    store = SQLiteStore(tmp_path / "leftovers.db")
    clients = Clients()
    at = datetime.now(UTC) + timedelta(minutes=1)
    dry = backfill(store, TaggingListing(clients, REGION), Schedule(), at,
                   inventory=AwsInventory(clients, use_tagging=False), dry_run=True)  # fmt: skip
    assert {c.key.resource_id for c in dry.adopted} == {volume, "tagged-bucket"}
    assert list(store.scan()) == []
    done = backfill(store, TaggingListing(clients, REGION), Schedule(), at,
                    inventory=AwsInventory(clients, use_tagging=False))  # fmt: skip
    assert done.verified == 2
    adopted = {r.key.resource_id: r for r in store.scan()}
    assert adopted[volume].created_at == created
    assert adopted[volume].name == "scratch"
    assert adopted["tagged-bucket"].created_at == at  # HeadBucket gives no creation time
    assert adopted["tagged-bucket"].tags == {"team": "ml"}


def test_config_inventory_lists_and_checks_buckets() -> None:
    s3 = boto3.client("s3")
    s3.create_bucket(Bucket="config-bucket", CreateBucketConfiguration={"LocationConstraint": REGION})
    clients = Clients()
    found = [
        f for f in ConfigListing(clients, REGION, ["AWS::S3::Bucket"]).list() if f.key.resource_id == "config-bucket"
    ]
    assert [f.name for f in found] == ["config-bucket"]
    inventory = AwsInventory(clients, use_config=True, use_tagging=False)
    inventory.checkers = inventory.checkers[1:]  # Config alone: S3's own describe row would answer first
    here, never = rec("AWS::S3::Bucket", "config-bucket"), rec("AWS::S3::Bucket", "never-seen")
    verdicts = inventory.check([here, never])
    assert verdicts[here.key].presence is Presence.EXISTS
    assert verdicts[never.key].reason == "Config never recorded it"
