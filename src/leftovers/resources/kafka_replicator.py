"""Amazon MSK Replicators (billed by the hour while they exist, plus data replicated), keyed by ARN as the MSK API
names them."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states
from leftovers.resources.kafka import KAFKA

TYPES = (
    ResourceType(
        "AWS::MSK::Replicator", config=False, id_pattern=r"arn:[\w-]+:kafka:[\w-]+:\d+:replicator/[^/]+/[0-9a-z-]+",
        calls=(
            created(
                KAFKA, "CreateReplicator", "AWS::MSK::Replicator", "responseElements.replicatorArn",
                name="requestParameters.replicatorName", arn_path="responseElements.replicatorArn",
                tags="requestParameters.tags",
            ),
            deleted(KAFKA, "DeleteReplicator", "AWS::MSK::Replicator",
                    "responseElements.replicatorArn|requestParameters.replicatorArn"),
        ),
        arn=Arn("kafka", "replicator/[^/]+/[0-9a-z-]+"),
        check=one(
            "kafka", "DescribeReplicator", {"ReplicatorArn": "{id}"}, "", gone_errors=gone_on("NotFoundException"),
            state="ReplicatorState", gone_states=states("DELETING"), created="CreationTime",
        ),
    ),
)  # fmt: skip
