"""The CloudTrail parser on real-format EventBridge events: what each call yields, and what it refuses."""

from __future__ import annotations

import copy
from datetime import UTC, datetime

import pytest

from leftovers.adapters.sources.cloudtrail import is_cloudtrail_event, parse_cloudtrail_event, principal
from leftovers.core.errors import EventRejected
from leftovers.core.model import ChangeKind, ResourceKey
from tests.support.events import load_event

ACCOUNT = "123456789012"
ALICE = f"arn:aws:iam::{ACCOUNT}:user/alice"
SSO_ARN = f"arn:aws:sts::{ACCOUNT}:assumed-role/AWSReservedSSO_Developer_0a1b2c3d4e5f6a7b/bob@example.com"


def test_run_instances_yields_one_creation_per_instance_with_who_tags_and_type() -> None:
    event = load_event("cloudtrail_run_instances")
    changes = parse_cloudtrail_event(event).changes

    assert [c.key for c in changes] == [
        ResourceKey(ACCOUNT, "us-east-1", "AWS::EC2::Instance", "i-0a1b2c3d4e5f60718"),
        ResourceKey(ACCOUNT, "us-east-1", "AWS::EC2::Instance", "i-0a1b2c3d4e5f60719"),
    ]
    first = changes[0]
    assert first.kind is ChangeKind.CREATED
    assert first.source == "cloudtrail"
    assert first.captured_at == datetime.fromisoformat(event["detail"]["eventTime"].replace("Z", "+00:00"))
    assert first.captured_at.tzinfo is not None
    assert first.event_id == event["detail"]["eventID"]
    assert first.created_by == SSO_ARN  # the assumed-role ARN carries the session name
    assert first.created_for_by is None
    # Only the instance's TagSpecification applies; the volume's tags in the same call do not.
    assert first.tags == {"Name": "llm-finetune", "owner": "bob"}
    assert first.name == "llm-finetune"
    assert first.details == {"instanceType": "g5.xlarge"}
    assert first.arn == f"arn:aws:ec2:us-east-1:{ACCOUNT}:instance/i-0a1b2c3d4e5f60718"


def test_terminate_instances_deletes_each_instance_without_crediting_a_creator() -> None:
    changes = parse_cloudtrail_event(load_event("cloudtrail_terminate_instances")).changes

    assert [(c.kind, c.key.resource_id) for c in changes] == [
        (ChangeKind.DELETED, "i-0a1b2c3d4e5f60718"),
        (ChangeKind.DELETED, "i-0a1b2c3d4e5f60719"),
    ]
    assert all(c.created_by is None and c.tags is None and c.details is None for c in changes)


def test_a_service_acting_for_the_user_is_marked() -> None:
    (change,) = parse_cloudtrail_event(load_event("cloudtrail_autoscaling_run_instances")).changes

    assert change.created_by == f"arn:aws:sts::{ACCOUNT}:assumed-role/AWSServiceRoleForAutoScaling/AutoScaling"
    assert change.created_for_by == "autoscaling.amazonaws.com"


def test_cloudformation_calls_are_created_for_the_user_by_cloudformation() -> None:
    (change,) = parse_cloudtrail_event(load_event("cloudtrail_create_queue")).changes

    assert change.created_by == SSO_ARN
    assert change.created_for_by == "cloudformation.amazonaws.com"


@pytest.mark.parametrize(
    ("identity", "expected"),
    [
        ({"type": "IAMUser", "arn": ALICE}, (ALICE, None)),
        ({"type": "Root", "arn": f"arn:aws:iam::{ACCOUNT}:root"}, (f"arn:aws:iam::{ACCOUNT}:root", None)),
        (
            {"type": "IAMUser", "arn": ALICE, "invokedBy": "signin.amazonaws.com"},
            (ALICE, None),  # the console is not a service acting for her
        ),
        ({"type": "AWSService", "invokedBy": "backup.amazonaws.com"}, ("backup.amazonaws.com",) * 2),
        ({"type": "AssumedRole", "arn": SSO_ARN, "invokedBy": "AWS Internal"}, (SSO_ARN, None)),
        ({}, (None, None)),
    ],
)
def test_principal(identity: dict[str, str], expected: tuple[str | None, str | None]) -> None:
    assert principal({"userIdentity": identity}) == expected


def test_a_root_created_bucket_has_no_tags_in_the_call_so_tags_stay_unknown() -> None:
    (change,) = parse_cloudtrail_event(load_event("cloudtrail_create_bucket")).changes

    assert change.key == ResourceKey(ACCOUNT, "us-east-1", "AWS::S3::Bucket", "acme-ml-scratch-2024")
    assert change.created_by == f"arn:aws:iam::{ACCOUNT}:root"
    assert change.tags is None
    assert change.arn == "arn:aws:s3:::acme-ml-scratch-2024"


def test_rds_instances_are_keyed_by_dbi_resource_id_and_named_by_identifier() -> None:
    (created,) = parse_cloudtrail_event(load_event("cloudtrail_create_db_instance")).changes
    (deleted,) = parse_cloudtrail_event(load_event("cloudtrail_delete_db_instance")).changes

    assert created.key.resource_id == "db-ABCDEFGHIJKLMNOPQRSTUVWXY1"
    assert created.name == "orders-db"
    assert created.details == {
        "dBInstanceClass": "db.r6g.large", "allocatedStorage": 100, "engine": "postgres", "multiAZ": False,
        "storageType": "gp3",
    }  # fmt: skip
    assert deleted.key == created.key


def test_string_numbers_in_details_become_numbers_like_config_gives_them() -> None:
    (change,) = parse_cloudtrail_event(load_event("cloudtrail_create_volume")).changes

    assert change.details == {"size": 500, "volumeType": "gp3"}


def test_scheduling_a_key_deletion_deletes_the_key_named_by_arn() -> None:
    (created,) = parse_cloudtrail_event(load_event("cloudtrail_create_key")).changes
    (deleted,) = parse_cloudtrail_event(load_event("cloudtrail_schedule_key_deletion")).changes

    assert deleted.kind is ChangeKind.DELETED
    assert deleted.key == created.key
    assert created.key.resource_id == "1234abcd-12ab-34cd-56ef-1234567890ab"
    assert created.tags == {"app": "orders"}  # KMS spells its tags tagKey/tagValue


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("cloudtrail_failed_call", "failed call RunInstances: Client.UnauthorizedOperation"),
        ("cloudtrail_read_only_call", "read-only call DescribeInstances"),
        ("cloudtrail_unmapped_call", "unmapped call ec2.amazonaws.com CreateNetworkAclEntry"),
        ("cloudtrail_delete_function_version", "DeleteFunction20150331 with qualifier does not delete the whole"),
    ],
)
def test_valid_calls_that_change_no_tracked_resource_are_ignored_with_a_reason(name: str, reason: str) -> None:
    parsed = parse_cloudtrail_event(load_event(name))

    assert parsed.changes == ()
    assert parsed.ignored is not None
    assert parsed.ignored.startswith(reason)


def test_a_mapped_call_without_its_ids_is_rejected_naming_the_path() -> None:
    with pytest.raises(EventRejected) as caught:
        parse_cloudtrail_event(load_event("cloudtrail_run_instances_no_items"))

    assert caught.value.field == "detail.responseElements.instancesSet.items"


def test_one_instance_without_an_id_is_rejected_naming_its_index() -> None:
    event = load_event("cloudtrail_run_instances")
    del event["detail"]["responseElements"]["instancesSet"]["items"][1]["instanceId"]

    with pytest.raises(EventRejected) as caught:
        parse_cloudtrail_event(event)

    assert caught.value.field == "detail.responseElements.instancesSet.items[1].instanceId"


def test_an_id_that_is_not_text_is_rejected() -> None:
    event = load_event("cloudtrail_create_bucket")
    event["detail"]["requestParameters"]["bucketName"] = {"nested": "object"}

    with pytest.raises(EventRejected, match="not a resource id") as caught:
        parse_cloudtrail_event(event)

    assert caught.value.field == "detail.requestParameters.bucketName"


@pytest.mark.parametrize(
    ("field", "expected"),
    [("eventTime", "detail.eventTime"), ("eventName", "detail.eventName")],
)
def test_missing_envelope_fields_are_rejected(field: str, expected: str) -> None:
    event = load_event("cloudtrail_create_bucket")
    del event["detail"][field]

    with pytest.raises(EventRejected) as caught:
        parse_cloudtrail_event(event)

    assert caught.value.field == expected


def test_account_and_region_fall_back_to_the_envelope() -> None:
    event = load_event("cloudtrail_create_bucket")
    del event["detail"]["recipientAccountId"]
    del event["detail"]["awsRegion"]
    event["account"], event["region"] = "210987654321", "eu-central-1"

    (change,) = parse_cloudtrail_event(event).changes

    assert (change.key.account, change.key.region) == ("210987654321", "eu-central-1")


def test_detection_needs_the_cloudtrail_detail_type_and_an_aws_source() -> None:
    event = load_event("cloudtrail_create_bucket")
    assert is_cloudtrail_event(event)
    assert not is_cloudtrail_event({**event, "detail-type": "Config Configuration Item Change"})
    assert not is_cloudtrail_event({**event, "source": "my.app"})
    assert not is_cloudtrail_event([event])
    with pytest.raises(EventRejected):
        parse_cloudtrail_event({**event, "detail-type": "EC2 Instance State-change Notification"})


def test_the_parser_does_not_modify_the_event() -> None:
    event = load_event("cloudtrail_run_instances")
    before = copy.deepcopy(event)

    parse_cloudtrail_event(event)

    assert event == before


def test_capture_time_is_utc() -> None:
    (change,) = parse_cloudtrail_event(load_event("cloudtrail_create_bucket")).changes

    assert change.captured_at.utcoffset() == UTC.utcoffset(None)
