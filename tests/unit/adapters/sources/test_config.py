"""The AWS Config parser against real-format events: every fixture, status, time format and rejection reason."""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leftovers.adapters.sources import config
from leftovers.adapters.sources.base import Parsed, require
from leftovers.adapters.sources.config import is_config_event, parse_config_event
from leftovers.core.errors import EventRejected
from leftovers.core.model import ChangeKind, ResourceKey
from tests.support.events import event_names, load_event
from tests.support.examples import examples

CREATED, DELETED, UPDATED = ChangeKind.CREATED, ChangeKind.DELETED, ChangeKind.UPDATED
TOKYO, VIRGINIA, ACCOUNT = "ap-northeast-1", "us-east-1", "123456789012"

# fixture -> (kind, region, resource type, resource id, details); every config_* fixture must be listed here or below.
CHANGES: dict[str, tuple[ChangeKind, str, str, str, dict[str, Any] | None]] = {
    "config_discovered_ec2_instance": (
        CREATED,
        TOKYO,
        "AWS::EC2::Instance",
        "i-0f3a9c1b2d4e5f607",
        {"instanceType": "t3.large"},
    ),
    "config_discovered_ebs_volume": (
        CREATED,
        TOKYO,
        "AWS::EC2::Volume",
        "vol-0e1d2c3b4a5f60718",
        {"size": 30, "volumeType": "gp3"},
    ),
    "config_discovered_nat_gateway": (
        CREATED,
        TOKYO,
        "AWS::EC2::NatGateway",
        "nat-0a9b8c7d6e5f40312",
        {"connectivityType": "public"},
    ),
    "config_discovered_eip": (
        CREATED,
        TOKYO,
        "AWS::EC2::EIP",
        "eipalloc-0c4d5e6f7a8b9c0d1",
        {"publicIp": "54.250.10.21"},
    ),
    "config_discovered_nat_eni": (
        CREATED,
        TOKYO,
        "AWS::EC2::NetworkInterface",
        "eni-0b2c3d4e5f6a7b8c9",
        {"interfaceType": "nat_gateway", "requesterManaged": True},
    ),
    "config_discovered_s3_bucket": (CREATED, VIRGINIA, "AWS::S3::Bucket", "hanako-cf-logs-use1", None),
    "config_discovered_lambda_function": (
        CREATED,
        TOKYO,
        "AWS::Lambda::Function",
        "resize-thumbs",
        {"runtime": "python3.12", "memorySize": 256},
    ),
    "config_discovered_lambda_other_account": (
        CREATED,
        TOKYO,
        "AWS::Lambda::Function",
        "resize-thumbs",
        {"runtime": "python3.12", "memorySize": 256},
    ),
    "config_discovered_rds_instance": (
        CREATED,
        TOKYO,
        "AWS::RDS::DBInstance",
        "db-7QHXKZ2N4VJ5LM3RPT6YWB8C1E",
        {
            "dBInstanceClass": "db.t4g.medium",
            "allocatedStorage": 20,
            "engine": "postgres",
            "multiAZ": False,
            "storageType": "gp3",
        },
    ),
    "config_discovered_service_linked_role": (
        CREATED,
        "global",
        "AWS::IAM::Role",
        "AROA2X7EXAMPLESLRRDS1",
        {"path": "/aws-service-role/rds.amazonaws.com/"},
    ),
    "config_discovered_default_vpc": (CREATED, VIRGINIA, "AWS::EC2::VPC", "vpc-0d6e5f4a3b2c1d0e9", {"isDefault": True}),
    "config_discovered_sagemaker_notebook": (
        CREATED,
        TOKYO,
        "AWS::SageMaker::NotebookInstance",
        "exp-notebook",
        {"instanceType": "ml.t3.medium", "volumeSizeInGB": 5},
    ),
    "config_discovered_opensearch_domain": (
        CREATED,
        VIRGINIA,
        "AWS::OpenSearch::Domain",
        "logs-poc",
        {"instanceType": "t3.small.search", "instanceCount": 1},
    ),
    "config_oversized_discovered": (CREATED, VIRGINIA, "AWS::EC2::Instance", "i-07c1d2e3f4a5b6c78", None),
    "config_ok_tags_changed": (
        UPDATED,
        TOKYO,
        "AWS::EC2::Instance",
        "i-0f3a9c1b2d4e5f607",
        {"instanceType": "t3.large"},
    ),
    "config_deleted_volume": (DELETED, TOKYO, "AWS::EC2::Volume", "vol-0e1d2c3b4a5f60718", None),
    "config_deleted_not_recorded": (DELETED, TOKYO, "AWS::EC2::NatGateway", "nat-0a9b8c7d6e5f40312", None),
    "config_empty_resources": (
        CREATED,
        TOKYO,
        "AWS::EC2::EIP",
        "eipalloc-0e7f8a9b0c1d2e3f4",
        {"publicIp": "13.112.45.67"},
    ),
    "config_sns_body_discovered": (
        CREATED,
        TOKYO,
        "AWS::EC2::Instance",
        "i-0f3a9c1b2d4e5f607",
        {"instanceType": "t3.large"},
    ),
    "config_capture_time_offset": (
        CREATED,
        VIRGINIA,
        "AWS::Lambda::Function",
        "hello-us",
        {"runtime": "nodejs20.x", "memorySize": 128},
    ),
    "config_capture_time_no_fraction": (
        CREATED,
        VIRGINIA,
        "AWS::Lambda::Function",
        "hello-us",
        {"runtime": "nodejs20.x", "memorySize": 128},
    ),
    "config_no_resource_name": (
        CREATED,
        TOKYO,
        "AWS::EC2::Volume",
        "vol-0b9a8f7e6d5c4b3a2",
        {"size": 8, "volumeType": "gp2"},
    ),
    "config_null_resource_name": (
        CREATED,
        TOKYO,
        "AWS::EC2::Volume",
        "vol-0b9a8f7e6d5c4b3a2",
        {"size": 8, "volumeType": "gp2"},
    ),
}

# fixture -> words the ignore reason must contain
IGNORED = {
    "config_not_recorded": "ResourceNotRecorded",
    "config_compliance_change": "Config Rules Compliance Change",
    "config_sns_body_compliance_change": "ComplianceChangeNotification",
    "config_sns_body_snapshot_delivery": "ConfigurationSnapshotDeliveryCompleted",
    "scheduled_event": "aws.events",
}


def parse(name: str) -> Parsed:
    return parse_config_event(load_event(name))


POLICY_FIXTURES = "config_policy_"  # the policy tests' own items: they only have to parse to one change here


def test_every_config_fixture_has_an_expectation() -> None:
    names = {n for n in event_names("config_") if not n.startswith(POLICY_FIXTURES)}
    assert names == set(CHANGES) | (set(IGNORED) - {"scheduled_event"})


@pytest.mark.parametrize("name", event_names(POLICY_FIXTURES))
def test_policy_fixtures_parse_to_one_change(name: str) -> None:
    assert len(parse(name).changes) == 1


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_fixture_parses_to_one_change(name: str) -> None:
    kind, region, resource_type, resource_id, details = CHANGES[name]
    account = "210987654321" if name.endswith("other_account") else ACCOUNT
    (change,) = parse(name).changes
    assert change.key == ResourceKey(account, region, resource_type, resource_id)
    assert (change.kind, change.details, change.source) == (kind, details, "config")
    assert change.arn is not None
    assert change.arn.startswith("arn:aws:")
    assert is_config_event(load_event(name))


@pytest.mark.parametrize("name", sorted(IGNORED))
def test_valid_events_about_something_else_are_ignored(name: str) -> None:
    parsed = parse(name)
    assert parsed.changes == ()
    assert parsed.ignored is not None
    assert IGNORED[name] in parsed.ignored


def test_discovered_instance_carries_everything_the_store_needs() -> None:
    (change,) = parse("config_discovered_ec2_instance").changes
    assert change.captured_at == datetime(2025, 3, 14, 0, 12, 31, 447000, tzinfo=UTC)
    assert change.name == "bench-runner"  # Config leaves resourceName null for EC2: the Name tag stands in
    assert change.arn == "arn:aws:ec2:ap-northeast-1:123456789012:instance/i-0f3a9c1b2d4e5f607"
    assert change.tags == {"Name": "bench-runner", "Owner": "hanako"}
    assert change.event_id == load_event("config_discovered_ec2_instance")["id"]


def test_resource_name_wins_over_the_name_tag() -> None:
    event = load_event("config_discovered_ec2_instance")
    event["detail"]["configurationItem"]["resourceName"] = "from-config"
    assert parse_config_event(event).changes[0].name == "from-config"


@pytest.mark.parametrize("name", ["config_no_resource_name", "config_null_resource_name"])
def test_missing_or_null_resource_name_means_no_name(name: str) -> None:
    """A full item without a name states "no name" (``""``), which an older item's name must not fill in."""
    (change,) = parse(name).changes
    assert change.name == ""
    assert change.tags == {}


def test_tags_changed_are_the_new_full_set() -> None:
    (change,) = parse("config_ok_tags_changed").changes
    assert change.tags == {"Name": "bench-runner", "Owner": "hanako", "Project": "tsdb-bench"}


def test_deletions_say_nothing_about_tags_name_or_details() -> None:
    for name in ("config_deleted_volume", "config_deleted_not_recorded"):
        (change,) = parse(name).changes
        assert (change.tags, change.name, change.details) == (None, None, None)


def test_oversized_summary_has_no_tags_but_keeps_identity_and_arn() -> None:
    (change,) = parse("config_oversized_discovered").changes
    assert change.tags is None
    assert change.name is None
    assert change.arn == "arn:aws:ec2:us-east-1:123456789012:instance/i-07c1d2e3f4a5b6c78"
    assert change.captured_at == datetime(2025, 3, 14, 6, 2, 11, 593000, tzinfo=UTC)


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        ("ResourceDiscovered", CREATED),
        ("OK", UPDATED),
        ("ResourceDeleted", DELETED),
        ("ResourceDeletedNotRecorded", DELETED),
    ],
)
@pytest.mark.parametrize("item_field", ["configurationItem", "configurationItemSummary"])
def test_status_table(status: str, kind: ChangeKind, item_field: str) -> None:
    event = load_event(
        "config_discovered_ec2_instance" if item_field == "configurationItem" else "config_oversized_discovered"
    )
    event["detail"][item_field]["configurationItemStatus"] = status
    assert parse_config_event(event).changes[0].kind is kind


def test_resource_not_recorded_is_ignored_even_in_an_oversized_summary() -> None:
    event = load_event("config_oversized_discovered")
    event["detail"]["configurationItemSummary"]["configurationItemStatus"] = "ResourceNotRecorded"
    assert parse_config_event(event) == Parsed(ignored="ResourceNotRecorded: the resource type is not recorded")


def test_arn_comes_from_the_item_first_then_the_envelope() -> None:
    (change,) = parse("config_empty_resources").changes
    assert change.arn == "arn:aws:ec2:ap-northeast-1:123456789012:eip-allocation/eipalloc-0e7f8a9b0c1d2e3f4"
    event = load_event("config_discovered_eip")
    del event["detail"]["configurationItem"]["ARN"]
    assert parse_config_event(event).changes[0].arn == event["resources"][0]
    event["detail"]["configurationItem"]["arn"] = "arn:aws:ec2:legacy-lowercase"
    assert parse_config_event(event).changes[0].arn == "arn:aws:ec2:legacy-lowercase"
    event = load_event("config_empty_resources")
    del event["detail"]["configurationItem"]["ARN"]
    assert parse_config_event(event).changes[0].arn is None


def test_capture_time_with_offset_and_without_fraction() -> None:
    offset = parse("config_capture_time_offset").changes[0].captured_at
    whole = parse("config_capture_time_no_fraction").changes[0].captured_at
    assert offset == datetime(2025, 3, 14, 6, 50, 3, 250000, tzinfo=UTC)
    assert whole == datetime(2025, 3, 14, 6, 50, 3, tzinfo=UTC)
    assert offset.utcoffset() == whole.utcoffset() == UTC.utcoffset(None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-03-14T06:50:03Z", datetime(2025, 3, 14, 6, 50, 3, tzinfo=UTC)),
        ("2025-03-14T06:50:03.1Z", datetime(2025, 3, 14, 6, 50, 3, 100000, tzinfo=UTC)),
        ("2025-03-14T06:50:03.123456Z", datetime(2025, 3, 14, 6, 50, 3, 123456, tzinfo=UTC)),
        ("2025-03-14T15:50:03+09:00", datetime(2025, 3, 14, 6, 50, 3, tzinfo=UTC)),
        ("2025-03-13T22:50:03.5-08:00", datetime(2025, 3, 14, 6, 50, 3, 500000, tzinfo=UTC)),
    ],
)
def test_capture_time_formats(text: str, expected: datetime) -> None:
    event = load_event("config_discovered_eip")
    event["detail"]["configurationItem"]["configurationItemCaptureTime"] = text
    assert parse_config_event(event).changes[0].captured_at == expected


def test_the_same_item_by_eventbridge_or_sns_is_the_same_change() -> None:
    (bridged,) = parse("config_discovered_ec2_instance").changes
    (bare,) = parse("config_sns_body_discovered").changes
    assert bare.event_id is None
    assert replace(bare, event_id=bridged.event_id) == bridged


def test_a_duplicate_delivery_parses_equal() -> None:
    for name in CHANGES:
        assert parse(name) == parse_config_event(copy.deepcopy(load_event(name)))


def test_the_same_name_in_another_account_is_another_resource() -> None:
    ours = parse("config_discovered_lambda_function").changes[0].key
    theirs = parse("config_discovered_lambda_other_account").changes[0].key
    assert ours != theirs
    assert (ours.region, ours.resource_type, ours.resource_id) == (
        theirs.region,
        theirs.resource_type,
        theirs.resource_id,
    )


def test_details_keep_only_plain_values() -> None:
    event = load_event("config_discovered_rds_instance")
    configuration = event["detail"]["configurationItem"]["configuration"]
    for field in ("engine", "multiAZ", "storageType"):
        del configuration[field]
    configuration["dBInstanceClass"] = {"not": "a value"}
    assert parse_config_event(event).changes[0].details == {"allocatedStorage": 20}
    configuration["allocatedStorage"] = None
    assert parse_config_event(event).changes[0].details is None


def test_details_reach_into_lists() -> None:
    event = load_event("config_discovered_sagemaker_notebook")
    item = event["detail"]["configurationItem"]
    item["resourceType"] = "AWS::SageMaker::EndpointConfig"
    item["configuration"] = {"ProductionVariants": [{"InstanceType": "ml.g5.xlarge", "InitialInstanceCount": 2}]}
    assert parse_config_event(event).changes[0].details == {"instanceType": "ml.g5.xlarge", "initialInstanceCount": 2}
    item["configuration"] = {"ProductionVariants": []}
    assert parse_config_event(event).changes[0].details is None


def test_tags_that_are_not_strings_are_dropped() -> None:
    event = load_event("config_discovered_ebs_volume")
    event["detail"]["configurationItem"]["tags"] = {"Owner": "hanako", "Cost": 3, "Gone": None}
    assert parse_config_event(event).changes[0].tags == {"Owner": "hanako"}


ITEM = "detail.configurationItem."


def _drop(path: str) -> Any:
    def mutate(event: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target = event
        for part in parents:
            target = target[part]
        del target[last]

    return mutate


def _put(path: str, value: object) -> Any:
    def mutate(event: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target = event
        for part in parents:
            target = target[part]
        target[last] = value

    return mutate


@pytest.mark.parametrize(
    ("mutate", "field", "problem"),
    [
        (_drop(ITEM + "awsRegion"), ITEM + "awsRegion", "missing"),
        (_drop(ITEM + "awsAccountId"), ITEM + "awsAccountId", "missing"),
        (_drop(ITEM + "resourceType"), ITEM + "resourceType", "missing"),
        (_drop(ITEM + "resourceId"), ITEM + "resourceId", "missing"),
        (_put(ITEM + "resourceId", ""), ITEM + "resourceId", "missing"),
        (_put(ITEM + "resourceId", 42), ITEM + "resourceId", "not a string"),
        (_drop(ITEM + "configurationItemStatus"), ITEM + "configurationItemStatus", "missing"),
        (_put(ITEM + "configurationItemStatus", "Exploded"), ITEM + "configurationItemStatus", "unknown status"),
        (_drop(ITEM + "configurationItemCaptureTime"), ITEM + "configurationItemCaptureTime", "missing"),
        (_put(ITEM + "configurationItemCaptureTime", "yesterday"), ITEM + "configurationItemCaptureTime", "ISO 8601"),
        (
            _put(ITEM + "configurationItemCaptureTime", 1741911151),
            ITEM + "configurationItemCaptureTime",
            "missing time",
        ),
        (
            _put(ITEM + "configurationItemCaptureTime", "0001-01-01T00:00:00+01:00"),
            ITEM + "configurationItemCaptureTime",
            "out of range",
        ),
        (_put(ITEM + "awsAccountId", "1234"), ITEM + "awsAccountId", "malformed"),
        (_put(ITEM + "awsRegion", "ap|northeast-1"), ITEM + "awsRegion", "malformed"),
        (_put(ITEM + "resourceType", "EC2 instance"), ITEM + "resourceType", "malformed"),
        (_put(ITEM + "tags", ["Owner", "hanako"]), ITEM + "tags", "not an object"),
        (_drop("detail.configurationItem"), "detail.configurationItem", "missing"),
        (_put("detail.configurationItem", "{}"), "detail.configurationItem", "not an object"),
        (_drop("detail.messageType"), "detail.messageType", "missing"),
        (_put("detail.messageType", ["ConfigurationItemChangeNotification"]), "detail.messageType", "not a string"),
        (_drop("detail"), "detail", "missing"),
        (_put("detail", "configurationItem"), "detail", "not an object"),
        (_drop("source"), "source", "missing"),
        (_drop("detail-type"), "detail-type", "missing"),
    ],
)
def test_rejections_name_the_field(mutate: Any, field: str, problem: str) -> None:
    event = load_event("config_discovered_ec2_instance")
    mutate(event)
    with pytest.raises(EventRejected) as caught:
        parse_config_event(event)
    assert caught.value.field == field
    assert problem in caught.value.problem


@pytest.mark.parametrize(
    ("name", "mutate", "field"),
    [
        ("config_sns_body_discovered", _drop("configurationItem.awsRegion"), "configurationItem.awsRegion"),
        ("config_sns_body_discovered", _drop("messageType"), "messageType"),
        (
            "config_oversized_discovered",
            _drop("detail.configurationItemSummary.resourceId"),
            "detail.configurationItemSummary.resourceId",
        ),
    ],
)
def test_rejections_in_bare_bodies_and_summaries(name: str, mutate: Any, field: str) -> None:
    event = load_event(name)
    mutate(event)
    with pytest.raises(EventRejected) as caught:
        parse_config_event(event)
    assert caught.value.field == field


@pytest.mark.parametrize("event", [[], "text", 3, None])
def test_a_non_object_is_rejected(event: Any) -> None:
    with pytest.raises(EventRejected) as caught:
        parse_config_event(event)
    assert caught.value.field == "event"


def test_other_config_detail_types_are_ignored() -> None:
    event = load_event("config_discovered_ec2_instance")
    event["detail-type"] = "Config Configuration Snapshot Delivery Status"
    assert (
        parse_config_event(event).ignored
        == "'Config Configuration Snapshot Delivery Status' is not a configuration item change"
    )


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        ({"source": "aws.config", "detail-type": "Config Configuration Item Change", "detail": {}}, True),
        ({"source": "aws.config", "detail-type": "Config Rules Compliance Change", "detail": {}}, True),
        ({"source": "aws.config", "detail-type": "AWS API Call via CloudTrail", "detail": {}}, False),
        ({"source": "aws.ec2", "detail-type": "AWS API Call via CloudTrail", "detail": {}}, False),
        ({"messageType": "ConfigurationItemChangeNotification"}, True),
        ({"messageType": 7}, False),
        ({}, False),
        ([], False),
        ("aws.config", False),
    ],
)
def test_detection_is_cheap_and_specific(event: object, expected: bool) -> None:
    assert is_config_event(event) is expected


def test_scheduled_event_is_not_detected_as_config() -> None:
    assert not is_config_event(load_event("scheduled_event"))


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
KEYS = st.sampled_from(
    [
        "source",
        "detail-type",
        "detail",
        "id",
        "resources",
        "messageType",
        "configurationItem",
        "configurationItemSummary",
        "configurationItemStatus",
        "awsAccountId",
        "awsRegion",
        "resourceType",
        "resourceId",
        "resourceName",
        "ARN",
        "configurationItemCaptureTime",
        "tags",
        "configuration",
    ]
)


def _paths(obj: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(obj, dict):
        for key, value in obj.items():
            found += _paths(value, (*prefix, key))
    return found


def _outcome(event: Any) -> None:
    try:
        parsed = parse_config_event(event)
    except EventRejected:
        return  # the one error a caller has to expect
    assert isinstance(parsed, Parsed)
    assert bool(parsed.changes) != bool(parsed.ignored)


@settings(max_examples=examples(75), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(KEYS | st.text(max_size=8), JSON, max_size=6))
def test_arbitrary_json_objects_only_ever_raise_event_rejected(event: dict[str, Any]) -> None:
    _outcome(event)


@settings(max_examples=examples(75), deadline=None)
@given(st.sampled_from(sorted(CHANGES) + sorted(IGNORED)), st.data())
def test_damaged_real_events_only_ever_raise_event_rejected(name: str, data: st.DataObject) -> None:
    event = load_event(name)
    for _ in range(data.draw(st.integers(1, 3))):
        paths = _paths(event)
        if not paths:
            break
        *parents, last = data.draw(st.sampled_from(paths))
        target = event
        for part in parents:
            target = target[part]
        if data.draw(st.booleans()):
            del target[last]
        else:
            target[last] = data.draw(JSON)
    _outcome(event)


@pytest.mark.parametrize(
    ("resource_type", "config_id", "cloudtrail_fixture"),
    [
        (
            "AWS::CloudFormation::Stack",
            "arn:aws:cloudformation:us-east-1:123456789012:stack/demo-env/5b9d8a00-11f0-11ef-9c1a-0a1b2c3d4e5f",
            "cloudtrail_create_stack",
        ),
        (
            "AWS::AutoScaling::AutoScalingGroup",
            "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:"
            "0d6a3c1e-7f0b-4b8e-9d2a-6c1b0e5f4a3d:autoScalingGroupName/web-asg",
            "cloudtrail_create_auto_scaling_group",
        ),
    ],
)
def test_types_config_keys_by_arn_get_the_key_cloudtrail_gives_them(
    resource_type: str, config_id: str, cloudtrail_fixture: str
) -> None:
    """Config names these by an ARN with a UUID that CloudTrail's delete calls never carry: one record, by name."""
    from leftovers.adapters.sources import parse_event

    event = load_event("config_discovered_ec2_instance")
    item = event["detail"]["configurationItem"]
    item.update(resourceType=resource_type, resourceId=config_id, awsRegion=VIRGINIA, ARN=config_id)
    (from_config,) = parse_config_event(event).changes
    (from_cloudtrail,) = parse_event(load_event(cloudtrail_fixture)).changes
    assert from_config.key == from_cloudtrail.key
    assert from_config.arn == config_id  # the ARN itself is kept


def test_an_id_that_is_not_such_an_arn_is_kept_as_it_is() -> None:
    event = load_event("config_discovered_ec2_instance")
    event["detail"]["configurationItem"].update(resourceType="AWS::CloudFormation::Stack", resourceId="demo-env")
    (change,) = parse_config_event(event).changes
    assert change.key.resource_id == "demo-env"


KEY_VALUES = st.one_of(
    st.sampled_from(["123456789012", "12345678901", "us-east-1", "global", "Bad Region", "AWS::EC2::Instance"]),
    st.sampled_from(["AWS::EC2", "", "i-0abc", "\n", "１２３４５６７８９０１２"]),  # wide digits match \\d
    st.text(max_size=14),
    st.none(),
    st.integers(),
    st.lists(st.text(max_size=2), max_size=1),
)


@settings(max_examples=examples(300))
@given(st.fixed_dictionaries({}, optional={field: KEY_VALUES for field in config.KEY_FIELDS}))
def test_the_inline_key_check_gives_the_field_by_field_checks_answer(item: dict[str, Any]) -> None:
    """The key is checked inline in the common case; the answer (or the rejection) is the field-by-field one."""

    def outcome(read: Any) -> object:
        try:
            return read()
        except EventRejected as exc:
            return str(exc)

    general = outcome(
        lambda: ResourceKey(*(config._key_part(item, f, p, "detail.") for f, p in config.KEY_FIELDS.items()))
    )
    assert outcome(lambda: config._key(item, "detail.")) == general


def _checked(read: Any) -> object:
    try:
        return read()
    except EventRejected as exc:
        return str(exc)


def _text_checked(obj: dict[str, Any], field: str) -> object:
    value = require(obj, field, "detail.")
    if type(value) is not str:
        raise EventRejected(f"detail.{field}", f"not a string: {value!r}"[:120])
    return value


def _object_checked(obj: dict[str, Any], field: str) -> object:
    value = require(obj, field, "detail.")
    if not isinstance(value, dict):
        raise EventRejected(f"detail.{field}", "not an object")
    return value


@settings(max_examples=examples(200))
@given(st.fixed_dictionaries({}, optional={"f": KEY_VALUES | st.dictionaries(st.text(max_size=2), st.none())}))
def test_texts_and_objects_read_inline_give_the_checks_answer(obj: dict[str, Any]) -> None:
    """Fields are read inline in the common case; the answer (or the rejection) is ``require``'s and the type's."""
    assert _checked(lambda: config._text(obj, "f", "detail.")) == _checked(lambda: _text_checked(obj, "f"))
    assert _checked(lambda: config._object(obj, "f", "detail.")) == _checked(lambda: _object_checked(obj, "f"))
