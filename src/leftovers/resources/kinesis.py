"""Amazon Kinesis Data Streams."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

KINESIS = "kinesis.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::Kinesis::Stream", config=True, id_pattern=r"[A-Za-z0-9_.-]+",
        calls=(
            created(
                KINESIS, "CreateStream", "AWS::Kinesis::Stream", "requestParameters.streamName",
                name="requestParameters.streamName", arn="arn:{partition}:kinesis:{region}:{account}:stream/{id}",
                tags="requestParameters.tags", details={"shardCount": "requestParameters.shardCount"},
            ),
            deleted(
                KINESIS, "DeleteStream", "AWS::Kinesis::Stream",
                "requestParameters.streamName|requestParameters.streamARN",
                id_regex=r":stream/(.+)$", note="newer SDKs name the stream by ARN: its name is taken out of it",
            ),
        ),
        arn=Arn("kinesis", "stream/{id}"),
        check=one(
            "kinesis", "DescribeStreamSummary", {"StreamName": "{id}"}, "StreamDescriptionSummary",
            gone_errors=gone_on("ResourceNotFoundException"), state="StreamStatus", gone_states=states("DELETING"),
            created="StreamCreationTimestamp",
        ),
    ),
)  # fmt: skip
