"""Amazon Detective behavior graphs (billed per GB of logs they ingest, for as long as they exist)."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted

DETECTIVE = "detective.amazonaws.com"

TYPES = (
    ResourceType(
        # No describe row: Detective lists graphs but has no call about one graph.
        "AWS::Detective::Graph", config=True, id_pattern=r"arn:[\w-]+:detective:[\w-]+:\d+:graph:[0-9a-f]+",
        calls=(
            created(
                DETECTIVE, "CreateGraph", "AWS::Detective::Graph", "responseElements.graphArn",
                arn_path="responseElements.graphArn", tags="requestParameters.tags",
                note="keyed by ARN, which DeleteGraph names", fixture="cloudtrail_detective_create_graph",
            ),
            deleted(DETECTIVE, "DeleteGraph", "AWS::Detective::Graph", "requestParameters.graphArn",
                    fixture="cloudtrail_detective_delete_graph"),
        ),
        arn=Arn("detective", "graph:[0-9a-f]+"),
    ),
)  # fmt: skip
