"""The data, analytics and ML types whose calls or checks need more than the meta-tests show: ids cut out of an ARN,
an event shared by two APIs, and describe rows driven through the real checker on stubbed clients (botocore's
Stubber holds every answer to the service's own output shape)."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any

from leftovers.adapters.inventory.describe import DescribeChecker
from leftovers.adapters.sources.cloudtrail import parse_cloudtrail_event
from leftovers.core.inventory import Presence
from leftovers.core.model import ChangeKind, Resource, ResourceKey
from tests.support.events import load_event
from tests.unit.adapters.inventory.stubs import ACCOUNT, REGION, stubbed

T = datetime(2025, 3, 14, 0, 12, tzinfo=UTC)


def rec(resource_type: str, resource_id: str, name: str | None = None) -> Resource:
    return Resource(ResourceKey(ACCOUNT, REGION, resource_type, resource_id), name=name)


def edited(name: str, **detail: Any) -> dict[str, Any]:
    """A fixture event with some of its CloudTrail record's top-level fields replaced."""
    event = copy.deepcopy(load_event(name))
    event["detail"].update(detail)
    return event


def test_a_studio_domain_whose_response_names_only_its_arn_is_keyed_by_the_id_in_it() -> None:
    event = edited("cloudtrail_sagemaker_create_domain")
    del event["detail"]["responseElements"]["domainId"]  # older CreateDomain responses: domainArn and url only

    (change,) = parse_cloudtrail_event(event).changes

    (deletion,) = parse_cloudtrail_event(load_event("cloudtrail_sagemaker_delete_domain")).changes
    assert change.key.resource_id == deletion.key.resource_id == "d-8xhpkqw2nmvk"


def test_a_v1_sql_application_is_not_taken_for_a_flink_one() -> None:
    event = edited("cloudtrail_kinesisanalytics_create_application")
    request = event["detail"]["requestParameters"]
    del request["runtimeEnvironment"], request["serviceExecutionRole"], request["applicationConfiguration"]
    request["applicationCode"] = "CREATE OR REPLACE STREAM ..."

    parsed = parse_cloudtrail_event(event)

    assert parsed.changes == ()
    assert "unmapped call" in str(parsed.ignored)


def test_documentdb_and_neptune_clusters_made_through_the_rds_api_are_followed_as_rds_clusters() -> None:
    """They share RDS's event source, event names and resource ids (cluster-...), as Config records them."""
    for engine in ("docdb", "neptune"):
        event = edited("cloudtrail_create_db_cluster")
        event["detail"]["requestParameters"]["engine"] = event["detail"]["responseElements"]["engine"] = engine

        (change,) = parse_cloudtrail_event(event).changes

        assert (change.key.resource_type, change.kind) == ("AWS::RDS::DBCluster", ChangeKind.CREATED)
        assert change.key.resource_id == "cluster-ABCDEFGHIJKLMNOPQRSTUVWX12"


def test_opensearch_serverless_collections_are_checked_in_one_batch_and_a_missing_id_is_gone() -> None:
    live, deleting, gone = (rec("AWS::OpenSearchServerless::Collection", i) for i in ("aaa111", "bbb222", "ccc333"))
    answer = {
        "collectionDetails": [
            {"id": "aaa111", "name": "search", "status": "ACTIVE", "createdDate": 1741911120000},
            {"id": "bbb222", "name": "logs", "status": "DELETING"},
        ],
        "collectionErrorDetails": [{"id": "ccc333", "errorCode": "NOT_FOUND", "errorMessage": "not found"}],
    }
    with stubbed() as stubs:
        stubs.stub("opensearchserverless").add_response(
            "batch_get_collection", answer, {"ids": ["aaa111", "bbb222", "ccc333"]}
        )
        verdicts = DescribeChecker(stubs.inventory_clients()).check([live, deleting, gone])

    assert [verdicts[r.key].presence for r in (live, deleting, gone)] == [Presence.EXISTS, Presence.GONE, Presence.GONE]
    assert verdicts[live.key].created_at == T
    assert verdicts[deleting.key].reason == "DELETING (aoss:BatchGetCollection)"


def test_an_mq_broker_is_gone_when_not_found_or_being_deleted() -> None:
    up, leaving, gone = (rec("AWS::AmazonMQ::Broker", f"b-{n}234a5b6-78cd-901e-2fab-3c45d6e178f9") for n in "123")
    with stubbed() as stubs:
        mq = stubs.stub("mq")
        mq.add_response(
            "describe_broker",
            {"BrokerId": up.key.resource_id, "BrokerState": "RUNNING", "Created": T},
            {"BrokerId": up.key.resource_id},
        )
        mq.add_response(
            "describe_broker", {"BrokerState": "DELETION_IN_PROGRESS"}, {"BrokerId": leaving.key.resource_id}
        )
        mq.add_client_error(
            "describe_broker",
            "NotFoundException",
            "Can't find requested broker",
            http_status_code=404,
            expected_params={"BrokerId": gone.key.resource_id},
        )
        verdicts = DescribeChecker(stubs.inventory_clients()).check([up, leaving, gone])

    assert [verdicts[r.key].presence for r in (up, leaving, gone)] == [Presence.EXISTS, Presence.GONE, Presence.GONE]
    assert verdicts[up.key].created_at == T


def test_athena_says_not_found_with_its_generic_error_and_a_cancelled_reservation_no_longer_bills() -> None:
    gone, denied = rec("AWS::Athena::WorkGroup", "adhoc"), rec("AWS::Athena::WorkGroup", "locked")
    cancelled = rec("AWS::Athena::CapacityReservation", "nightly-reports")
    with stubbed() as stubs:
        athena = stubs.stub("athena")
        athena.add_client_error(
            "get_work_group",
            "InvalidRequestException",
            "WorkGroup adhoc is not found.",
            expected_params={"WorkGroup": "adhoc"},
        )
        athena.add_client_error(
            "get_work_group",
            "InvalidRequestException",
            "Invalid workgroup configuration",
            expected_params={"WorkGroup": "locked"},
        )
        athena.add_response(
            "get_capacity_reservation",
            {
                "CapacityReservation": {
                    "Name": "nightly-reports",
                    "Status": "CANCELLED",
                    "TargetDpus": 24,
                    "AllocatedDpus": 0,
                    "CreationTime": T,
                }
            },
            {"Name": "nightly-reports"},
        )
        verdicts = DescribeChecker(stubs.inventory_clients()).check([gone, denied, cancelled])

    assert verdicts[gone.key].presence is Presence.GONE
    assert verdicts[denied.key].presence is Presence.UNKNOWN
    assert verdicts[cancelled.key].reason == "CANCELLED (athena:GetCapacityReservation)"


def test_dms_instances_are_checked_by_arn_filter_and_an_all_missing_batch_stays_unknown() -> None:
    arn = "arn:aws:dms:ap-northeast-1:123456789012:rep:"
    up, gone = rec("AWS::DMS::ReplicationInstance", arn + "UP"), rec("AWS::DMS::ReplicationInstance", arn + "GONE")
    ask = {"Filters": [{"Name": "replication-instance-arn", "Values": [arn + "UP", arn + "GONE"]}]}
    instance = {"ReplicationInstanceArn": arn + "UP", "ReplicationInstanceStatus": "available", "InstanceCreateTime": T}
    with stubbed() as stubs:
        dms = stubs.stub("dms")
        dms.add_response("describe_replication_instances", {"ReplicationInstances": [instance]}, ask)
        dms.add_client_error(
            "describe_replication_instances",
            "ResourceNotFoundFault",
            "No replication instance found matching provided filters",
        )
        checker = DescribeChecker(stubs.inventory_clients())
        verdicts = checker.check([up, gone])
        alone = checker.check([gone])

    assert (verdicts[up.key].presence, verdicts[gone.key].presence) == (Presence.EXISTS, Presence.GONE)
    assert alone[gone.key].presence is Presence.UNKNOWN  # DMS errs on an empty answer: never a false "deleted"


def test_dax_is_asked_with_a_one_name_list_and_redshift_serverless_by_name() -> None:
    dax = rec("AWS::DAX::Cluster", "catalog-dax")
    workgroup = rec("AWS::RedshiftServerless::Workgroup", "analytics-wg")
    with stubbed() as stubs:
        stubs.stub("dax").add_response(
            "describe_clusters",
            {"Clusters": [{"ClusterName": "catalog-dax", "Status": "available"}]},
            {"ClusterNames": ["catalog-dax"]},
        )
        stubs.stub("redshift-serverless").add_client_error(
            "get_workgroup",
            "ResourceNotFoundException",
            "Workgroup analytics-wg not found",
            expected_params={"workgroupName": "analytics-wg"},
        )
        verdicts = DescribeChecker(stubs.inventory_clients()).check([dax, workgroup])

    assert (verdicts[dax.key].presence, verdicts[workgroup.key].presence) == (Presence.EXISTS, Presence.GONE)
