"""Amazon MSK Connect connectors (MCU-hours of every worker while they exist), keyed by connector ARN as Config and
the API name them."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

KAFKACONNECT = "kafkaconnect.amazonaws.com"
_FIXED = "requestParameters.capacity.provisionedCapacity."
_SCALED = "requestParameters.capacity.autoScaling."

TYPES = (
    ResourceType(
        "AWS::KafkaConnect::Connector", config=True,
        id_pattern=r"arn:[\w-]+:kafkaconnect:[\w-]+:\d+:connector/[^/]+/[0-9a-f-]+",
        calls=(
            created(
                KAFKACONNECT, "CreateConnector", "AWS::KafkaConnect::Connector", "responseElements.connectorArn",
                name="requestParameters.connectorName", arn_path="responseElements.connectorArn",
                tags="requestParameters.tags",
                details={  # a provisioned connector runs workerCount workers of mcuCount MCUs each
                    "mcuCount": f"{_FIXED}mcuCount|{_SCALED}mcuCount",
                    "workerCount": f"{_FIXED}workerCount|{_SCALED}minWorkerCount",
                },
                fixture="cloudtrail_kafkaconnect_create_connector",
            ),
            deleted(KAFKACONNECT, "DeleteConnector", "AWS::KafkaConnect::Connector",
                    "responseElements.connectorArn|requestParameters.connectorArn",
                    fixture="cloudtrail_kafkaconnect_delete_connector"),
        ),
        arn=Arn("kafkaconnect", "connector/[^/]+/[0-9a-f-]+"),
        check=one(
            "kafkaconnect", "DescribeConnector", {"connectorArn": "{id}"}, "", gone_errors=gone_on("NotFoundException"),
            state="connectorState", gone_states=states("DELETING"), created="creationTime",
        ),
    ),
)  # fmt: skip
