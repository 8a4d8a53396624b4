"""Amazon SQS queues (keyed by queue URL, as the SQS API names them)."""

from __future__ import annotations

from leftovers.resources import ResourceType, created, deleted, gone_on, one

SQS = "sqs.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::SQS::Queue", config=True, id_pattern=r"https://[\w.-]+/\d{12}/[\w-]+(?:\.fifo)?",
        calls=(
            created(
                SQS, "CreateQueue", "AWS::SQS::Queue", "responseElements.queueUrl", name="requestParameters.queueName",
                arn="arn:{partition}:sqs:{region}:{account}:{name}", tags="requestParameters.tags",
                note="keyed by queue URL, as the SQS API names queues",
            ),
            deleted(SQS, "DeleteQueue", "AWS::SQS::Queue", "requestParameters.queueUrl"),
        ),
        check=one(
            "sqs", "GetQueueAttributes", {"QueueUrl": "{id}", "AttributeNames": ("CreatedTimestamp",)}, "Attributes",
            gone_errors=gone_on("AWS.SimpleQueueService.NonExistentQueue", "QueueDoesNotExist"),
            created="CreatedTimestamp",
        ),
    ),
)  # fmt: skip
