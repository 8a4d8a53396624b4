"""Amazon MQ brokers (ActiveMQ and RabbitMQ), keyed by broker id as Config and the MQ API name them."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

MQ = "mq.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::AmazonMQ::Broker", config=True, id_pattern=r"b-[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}",
        calls=(
            created(
                MQ, "CreateBroker", "AWS::AmazonMQ::Broker", "responseElements.brokerId",
                name="requestParameters.brokerName", arn_path="responseElements.brokerArn",
                tags="requestParameters.tags",
                # An active/standby or cluster deployment runs two or three instances of the host type.
                details={
                    "hostInstanceType": "requestParameters.hostInstanceType",
                    "deploymentMode": "requestParameters.deploymentMode",
                    "engineType": "requestParameters.engineType",
                },
                fixture="cloudtrail_mq_create_broker",
            ),
            deleted(MQ, "DeleteBroker", "AWS::AmazonMQ::Broker", "responseElements.brokerId|requestParameters.brokerId",
                    fixture="cloudtrail_mq_delete_broker"),
        ),
        arn=Arn("mq", "broker:[^:]+:{id}"),
        check=one(
            "mq", "DescribeBroker", {"BrokerId": "{id}"}, "", gone_errors=gone_on("NotFoundException"),
            state="BrokerState", gone_states=states("DELETION_IN_PROGRESS"), created="Created",
        ),
        details=("HostInstanceType", "DeploymentMode", "EngineType"),  # CloudFormation-shaped Config item
        console="https://{region}.console.aws.amazon.com/amazon-mq/home?region={region}#/brokers/details?id={id}",
    ),
)  # fmt: skip
