"""The CloudTrail call table against the fixtures: every row has an event that parses to it, creations and
deletions meet on one key, and keys agree with what AWS Config reports for the same resource."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest

from leftovers.adapters.sources.cloudtrail import covered_types, parse_cloudtrail_event
from leftovers.adapters.sources.cloudtrail.table import CALLS, TABLE, match
from leftovers.adapters.sources.config import parse_config_event
from leftovers.core.model import ChangeKind, ResourceKey
from leftovers.resources import TrailCall
from tests.support.events import EVENTS, event_names, load_event

# Every well-formed CloudTrail fixture (the malformed one is for the rejection test).
FIXTURES = [name for name in event_names("cloudtrail_") if name != "cloudtrail_run_instances_no_items"]
# Costly resource types AWS Config does not record (issue 5): CloudTrail must cover every one.
COSTLY_NOT_IN_CONFIG = {
    "AWS::EC2::Snapshot",
    "AWS::EC2::Image",
    "AWS::SageMaker::Endpoint",
    "AWS::ElastiCache::CacheCluster",
    "AWS::Logs::LogGroup",
    "AWS::EMR::Cluster",
}


def _row_id(call: TrailCall) -> str:
    return f"{call.source.split('.')[0]}:{call.event}->{call.resource_type}"


def _fixtures_by_row() -> dict[int, list[str]]:
    """Fixture names per table row (rows hold dicts, so they are keyed by identity)."""
    found: dict[int, list[str]] = defaultdict(list)
    for name in FIXTURES:
        row = match(load_event(name)["detail"])
        if row is not None:
            found[id(row)].append(name)
    return found


BY_ROW = _fixtures_by_row()


# Tag calls name resources of several types at once: tests/unit/resources checks their rows against their fixtures.
LIFECYCLE_CALLS = [call for call in CALLS if call.kind is not ChangeKind.UPDATED]


@pytest.mark.parametrize("call", LIFECYCLE_CALLS, ids=_row_id)
def test_every_row_has_a_fixture_that_parses_to_its_type_and_kind(call: TrailCall) -> None:
    names = BY_ROW.get(id(call))
    assert names, f"no fixture under {EVENTS} for {call.source} {call.event} ({call.resource_type})"
    parsed = [parse_cloudtrail_event(load_event(name)) for name in names]
    changes = [c for p in parsed for c in p.changes]
    assert changes, f"{names} produced no change: {[p.ignored for p in parsed]}"
    assert {(c.key.resource_type, c.kind) for c in changes} == {(call.resource_type, call.kind)}


def test_coverage_is_at_least_forty_types_and_includes_every_costly_type_config_misses() -> None:
    covered = covered_types()

    assert len(covered) >= 40
    assert covered.keys() >= COSTLY_NOT_IN_CONFIG
    for resource_type, events in covered.items():
        kinds = {c.kind for c in CALLS if c.resource_type == resource_type}
        assert kinds >= {ChangeKind.CREATED, ChangeKind.DELETED}, f"{resource_type} is only ever {kinds}"
        assert events == sorted(set(events))
    assert "ScheduleKeyDeletion" in covered["AWS::KMS::Key"]
    assert {"RunJobFlow", "TerminateJobFlows"} <= set(covered["AWS::EMR::Cluster"])


def test_rows_sharing_a_call_are_told_apart_by_a_when_path() -> None:
    shared = {key: rows for key, rows in TABLE.items() if len(rows) > 1 and rows[0].kind is not ChangeKind.UPDATED}

    assert shared, "the load balancer calls are expected to share one event name"
    for rows in shared.values():
        assert all(row.when for row in rows[:-1])


def _keys(name: str) -> list[ResourceKey]:
    return [c.key for c in parse_cloudtrail_event(load_event(name)).changes]


def test_each_deletion_fixture_deletes_a_resource_a_creation_fixture_made() -> None:
    """Creation and deletion calls often name the resource differently (id vs ARN, response vs request)."""
    created: set[ResourceKey] = set()
    deletions: dict[str, list[ResourceKey]] = {}
    for name in FIXTURES:
        changes = parse_cloudtrail_event(load_event(name)).changes
        created |= {c.key for c in changes if c.kind is ChangeKind.CREATED}
        if any(c.kind is ChangeKind.DELETED for c in changes):
            deletions[name] = [c.key for c in changes]

    unmatched = {name: keys for name, keys in deletions.items() if not any(k in created for k in keys)}
    assert len(deletions) >= 45
    assert unmatched == {}


# What AWS Config reports as resourceId for the resource each creation fixture makes: the id conventions the
# table promises to follow (EC2 ids, DbiResourceId for RDS instances, ARNs for v2 load balancers and topics...).
CONFIG_IDS = [
    ("cloudtrail_run_instances", "AWS::EC2::Instance", "i-0a1b2c3d4e5f60718", None),
    ("cloudtrail_create_volume", "AWS::EC2::Volume", "vol-0123456789abcdef0", None),
    ("cloudtrail_allocate_address", "AWS::EC2::EIP", "eipalloc-0a1b2c3d4e5f60718", None),
    ("cloudtrail_create_nat_gateway", "AWS::EC2::NatGateway", "nat-0a1b2c3d4e5f60718", None),
    ("cloudtrail_create_db_instance", "AWS::RDS::DBInstance", "db-ABCDEFGHIJKLMNOPQRSTUVWXY1", "orders-db"),
    ("cloudtrail_create_db_cluster", "AWS::RDS::DBCluster", "cluster-ABCDEFGHIJKLMNOPQRSTUVWX12", "analytics-aurora"),
    (
        "cloudtrail_elbv2_create_load_balancer",
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
        "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/demo-alb/50dc6c495c0c9188",
        "demo-alb",
    ),
    ("cloudtrail_create_bucket", "AWS::S3::Bucket", "acme-ml-scratch-2024", "acme-ml-scratch-2024"),
    ("cloudtrail_create_function", "AWS::Lambda::Function", "thumbnailer", "thumbnailer"),
    ("cloudtrail_create_table", "AWS::DynamoDB::Table", "sessions", "sessions"),
    ("cloudtrail_create_domain", "AWS::OpenSearch::Domain", "logs-search", "logs-search"),
    ("cloudtrail_create_key", "AWS::KMS::Key", "1234abcd-12ab-34cd-56ef-1234567890ab", None),
    ("cloudtrail_create_topic", "AWS::SNS::Topic", "arn:aws:sns:us-east-1:123456789012:deploy-alerts", None),
    ("cloudtrail_redshift_create_cluster", "AWS::Redshift::Cluster", "bi-warehouse", "bi-warehouse"),
    ("cloudtrail_efs_create_file_system", "AWS::EFS::FileSystem", "fs-0a1b2c3d4e5f60718", None),
]


def _config_event(detail: dict[str, Any], resource_type: str, resource_id: str, name: str | None) -> dict[str, Any]:
    """A Config 'ResourceDiscovered' change in EventBridge form for the resource a CloudTrail record made."""
    item = {
        "configurationItemVersion": "1.3",
        "configurationItemCaptureTime": "2024-05-14T23:59:01.123Z",
        "configurationItemStatus": "ResourceDiscovered",
        "awsAccountId": detail["recipientAccountId"],
        "awsRegion": detail["awsRegion"],
        "resourceType": resource_type,
        "resourceId": resource_id,
        "resourceName": name,
        "tags": {},
        "configuration": {},
    }
    body = {"messageType": "ConfigurationItemChangeNotification", "configurationItem": item}
    return {
        "version": "0",
        "id": "cdc73f9d-aea9-11e3-9d5a-835b769c0d9c",
        "detail-type": "Config Configuration Item Change",
        "source": "aws.config",
        "account": detail["recipientAccountId"],
        "time": "2024-05-14T23:59:02Z",
        "region": detail["awsRegion"],
        "resources": [],
        "detail": body,
    }


@pytest.mark.parametrize(("name", "resource_type", "config_id", "config_name"), CONFIG_IDS, ids=lambda v: str(v))
def test_a_resource_seen_by_cloudtrail_and_config_is_one_key(
    name: str, resource_type: str, config_id: str, config_name: str | None
) -> None:
    event = load_event(name)
    (config_change,) = parse_config_event(_config_event(event["detail"], resource_type, config_id, config_name)).changes

    assert config_change.key in _keys(name)


# Config fixtures (written for the Config source) paired with the CloudTrail call that made such a resource, and
# where that call carries each of the resource's attributes: the CloudTrail event is filled with the real values
# of the resource Config saw (every id-like attribute, not just the one the table reads), then the keys compared.
CONFIG_FIXTURES = [
    (
        "config_discovered_ec2_instance",
        "cloudtrail_run_instances",
        {
            "responseElements.instancesSet.items.0.instanceId": "instanceId",
            "responseElements.instancesSet.items.0.instanceType": "instanceType",
        },
    ),
    ("config_discovered_ebs_volume", "cloudtrail_create_volume", {"responseElements.volumeId": "volumeId"}),
    (
        "config_discovered_eip",
        "cloudtrail_allocate_address",
        {
            "responseElements.allocationId": "allocationId",
            "responseElements.publicIp": "publicIp",
        },
    ),
    (
        "config_discovered_nat_gateway",
        "cloudtrail_create_nat_gateway",
        {
            "responseElements.CreateNatGatewayResponse.natGateway.natGatewayId": "natGatewayId",
        },
    ),
    (
        "config_discovered_lambda_function",
        "cloudtrail_create_function",
        {
            "requestParameters.functionName": "functionName",
            "responseElements.functionName": "functionName",
            "responseElements.functionArn": "functionArn",
        },
    ),
    (
        "config_discovered_opensearch_domain",
        "cloudtrail_create_domain",
        {
            "requestParameters.domainName": "DomainName",
            "responseElements.domainStatus.domainName": "DomainName",
            "responseElements.domainStatus.domainId": "Id",
            "responseElements.domainStatus.aRN": "Arn",
        },
    ),
    (
        "config_discovered_rds_instance",
        "cloudtrail_create_db_instance",
        {
            "requestParameters.dBInstanceIdentifier": "dBInstanceIdentifier",
            "responseElements.dBInstanceIdentifier": "dBInstanceIdentifier",
            "responseElements.dbiResourceId": "dbiResourceId",
            "responseElements.dBInstanceArn": "dBInstanceArn",
        },
    ),
    ("config_discovered_s3_bucket", "cloudtrail_create_bucket", {"requestParameters.bucketName": "name"}),
    (
        "config_discovered_sagemaker_notebook",
        "cloudtrail_create_notebook_instance",
        {
            "requestParameters.notebookInstanceName": "NotebookInstanceName",
        },
    ),
]


def _set(obj: Any, dotted: str, value: object) -> None:
    *parents, last = dotted.split(".")
    for part in parents:
        obj = obj[int(part)] if isinstance(obj, list) else obj[part]
    obj[last] = value


@pytest.mark.parametrize(("config_name", "trail_name", "fields"), CONFIG_FIXTURES, ids=lambda v: str(v)[:40])
def test_config_fixture_and_the_cloudtrail_call_for_the_same_resource_meet_on_one_key(
    config_name: str, trail_name: str, fields: dict[str, str]
) -> None:
    if config_name not in event_names(config_name):
        pytest.skip(f"{config_name}.json (written with the Config source) is not in tests/events")
    config_event = load_event(config_name)
    (config_change,) = parse_config_event(config_event).changes
    configuration = config_event["detail"]["configurationItem"]["configuration"]
    trail = load_event(trail_name)
    detail = trail["detail"]
    detail["recipientAccountId"] = config_change.key.account
    detail["awsRegion"] = config_change.key.region
    for path, attribute in fields.items():
        _set(detail, path, configuration[attribute])

    assert config_change.key == parse_cloudtrail_event(trail).changes[0].key
