"""Amazon CloudWatch Logs log groups."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, one

LOGS = "logs.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::Logs::LogGroup", config=False, id_pattern=r"[\w./#-]+?",
        calls=(
            created(
                LOGS, "CreateLogGroup", "AWS::Logs::LogGroup", "requestParameters.logGroupName",
                name="requestParameters.logGroupName", arn="arn:{partition}:logs:{region}:{account}:log-group:{id}",
                tags="requestParameters.tags",
                note="log groups AWS services create on first write never show a CreateLogGroup by the user",
            ),
            deleted(LOGS, "DeleteLogGroup", "AWS::Logs::LogGroup", "requestParameters.logGroupName"),
        ),
        arn=Arn("logs", r"log-group:{id}(?::\*)?"),
        # A prefix search: the exact name is picked out of the answer by ``item_id``.
        check=one(
            "logs", "DescribeLogGroups", {"logGroupNamePrefix": "{id}"}, "logGroups[]", item_id="logGroupName",
            created="creationTime",
        ),
    ),
)  # fmt: skip
