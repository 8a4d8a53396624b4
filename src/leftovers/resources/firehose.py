"""Amazon Data Firehose delivery streams."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

FIREHOSE = "firehose.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::KinesisFirehose::DeliveryStream", config=True, id_pattern=r"[A-Za-z0-9_.-]+",
        calls=(
            created(
                FIREHOSE, "CreateDeliveryStream", "AWS::KinesisFirehose::DeliveryStream",
                "requestParameters.deliveryStreamName", name="requestParameters.deliveryStreamName",
                arn_path="responseElements.deliveryStreamARN", tags="requestParameters.tags",
            ),
            deleted(
                FIREHOSE, "DeleteDeliveryStream", "AWS::KinesisFirehose::DeliveryStream",
                "requestParameters.deliveryStreamName",
            ),
        ),
        arn=Arn("firehose", "deliverystream/{id}"),
        check=one(
            "firehose", "DescribeDeliveryStream", {"DeliveryStreamName": "{id}"}, "DeliveryStreamDescription",
            gone_errors=gone_on("ResourceNotFoundException"), state="DeliveryStreamStatus",
            gone_states=states("DELETING"), created="CreateTimestamp",
        ),
    ),
)  # fmt: skip
