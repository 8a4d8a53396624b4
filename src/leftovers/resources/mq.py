"""Amazon MQ brokers: checked through Cloud Control (its identifier for a broker is the broker id Leftovers keeps)."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted

MQ = "mq.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::AmazonMQ::Broker", config=True, id_pattern=r"b-[0-9a-f-]{36}",
        calls=(
            created(
                MQ, "CreateBroker", "AWS::AmazonMQ::Broker", "responseElements.brokerId",
                name="requestParameters.brokerName", arn_path="responseElements.brokerArn",
                tags="requestParameters.tags",
                details={
                    "hostInstanceType": "requestParameters.hostInstanceType",
                    "deploymentMode": "requestParameters.deploymentMode",
                },
            ),
            deleted(
                MQ, "DeleteBroker", "AWS::AmazonMQ::Broker", "responseElements.brokerId|requestParameters.brokerId",
            ),
        ),
        arn=Arn("mq", "broker:[^:]+:{id}"),
        read_actions=("mq:DescribeBroker",),
    ),
)  # fmt: skip
