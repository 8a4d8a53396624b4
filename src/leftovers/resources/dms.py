"""AWS Database Migration Service: replication instances (billed by the hour while they exist), serverless
replication configs and endpoints, each keyed by ARN as CloudFormation names them and as every DMS call takes them.

DMS answers a filter that matches nothing with ResourceNotFoundFault: a batch whose every id is gone is then
"unknown" rather than "gone" (batched rows read no gone_errors), never wrongly "deleted".
"""

from __future__ import annotations

from typing import Any

from leftovers.resources import Arn, Describe, ResourceType, created, deleted, states

DMS = "dms.amazonaws.com"
_ARN = r"arn:[\w-]+:dms:[\w-]+:\d+:{kind}:[A-Z0-9]+"
_CONSOLE = "https://{region}.console.aws.amazon.com/dms/v2/home?region={region}#"


def _describe(operation: str, items: str, item_id: str, filter: str, **extra: Any) -> Describe:
    """A batched DMS describe call by ARN filter."""
    return Describe("dms", operation, items, item_id=item_id, filter=filter, batch=100, **extra)


TYPES = (
    ResourceType(
        "AWS::DMS::ReplicationInstance", config=False, id_pattern=_ARN.format(kind="rep"),
        calls=(
            created(
                DMS, "CreateReplicationInstance", "AWS::DMS::ReplicationInstance",
                "responseElements.replicationInstance.replicationInstanceArn",
                name="requestParameters.replicationInstanceIdentifier", tags="requestParameters.tags",
                details={
                    "replicationInstanceClass": "requestParameters.replicationInstanceClass",
                    "allocatedStorage": "responseElements.replicationInstance.allocatedStorage",
                    "multiAZ": "responseElements.replicationInstance.multiAZ",
                },
            ),
            deleted(DMS, "DeleteReplicationInstance", "AWS::DMS::ReplicationInstance",
                    "requestParameters.replicationInstanceArn"),
        ),
        arn=Arn("dms", "rep:[A-Z0-9]+"),
        check=_describe(
            "DescribeReplicationInstances", "ReplicationInstances[]", "ReplicationInstanceArn",
            "replication-instance-arn", state="ReplicationInstanceStatus", gone_states=states("deleting"),
            created="InstanceCreateTime",
        ),
        console=_CONSOLE + "replicationInstances",
    ),
    ResourceType(
        # Serverless replication bills DCUs while it runs; a stopped config costs nothing but is easily restarted.
        "AWS::DMS::ReplicationConfig", config=False, id_pattern=_ARN.format(kind="replication-config"),
        calls=(
            created(
                DMS, "CreateReplicationConfig", "AWS::DMS::ReplicationConfig",
                "responseElements.replicationConfig.replicationConfigArn",
                name="requestParameters.replicationConfigIdentifier", tags="requestParameters.tags",
                details={"maxCapacityUnits": "requestParameters.computeConfig.maxCapacityUnits"},
            ),
            deleted(DMS, "DeleteReplicationConfig", "AWS::DMS::ReplicationConfig",
                    "requestParameters.replicationConfigArn"),
        ),
        arn=Arn("dms", "replication-config:[A-Z0-9]+"),
        check=_describe(
            "DescribeReplicationConfigs", "ReplicationConfigs[]", "ReplicationConfigArn", "replication-config-arn",
            created="ReplicationConfigCreateTime",
        ),
    ),
    ResourceType(
        "AWS::DMS::Endpoint", config=True, id_pattern=_ARN.format(kind="endpoint"),
        calls=(
            created(
                DMS, "CreateEndpoint", "AWS::DMS::Endpoint", "responseElements.endpoint.endpointArn",
                name="requestParameters.endpointIdentifier", tags="requestParameters.tags",
                note="keyed by endpoint ARN, as CloudFormation and DeleteEndpoint name it",
                fixture="cloudtrail_dms_create_endpoint",
            ),
            deleted(DMS, "DeleteEndpoint", "AWS::DMS::Endpoint", "requestParameters.endpointArn",
                    fixture="cloudtrail_dms_delete_endpoint"),
        ),
        arn=Arn("dms", "endpoint:[A-Z0-9]+"),
        check=_describe("DescribeEndpoints", "Endpoints[]", "EndpointArn", "endpoint-arn", state="Status",
                        gone_states=states("deleting")),
    ),
)  # fmt: skip
