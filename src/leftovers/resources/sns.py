"""Amazon SNS topics (keyed by ARN)."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one

SNS = "sns.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::SNS::Topic", config=True, id_pattern=r"arn:[\w-]+:sns:[\w-]+:\d+:[\w-]+(?:\.fifo)?",
        calls=(
            created(
                SNS, "CreateTopic", "AWS::SNS::Topic", "responseElements.topicArn", name="requestParameters.name",
                arn_path="responseElements.topicArn", tags="requestParameters.tags",
            ),
            deleted(SNS, "DeleteTopic", "AWS::SNS::Topic", "requestParameters.topicArn"),
        ),
        arn=Arn("sns", r"[^:/]+"),
        check=one("sns", "GetTopicAttributes", {"TopicArn": "{id}"}, "Attributes",
                  gone_errors=gone_on("NotFound", "NotFoundException")),
    ),
)  # fmt: skip
