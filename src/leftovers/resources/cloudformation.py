"""AWS CloudFormation stacks (keyed by name, as DeleteStack names them)."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

CLOUDFORMATION = "cloudformation.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::CloudFormation::Stack", config=True, id_pattern=r"[A-Za-z][A-Za-z0-9-]*",
        calls=(
            created(
                CLOUDFORMATION, "CreateStack", "AWS::CloudFormation::Stack", "requestParameters.stackName",
                name="requestParameters.stackName", arn_path="responseElements.stackId", tags="requestParameters.tags",
                note="keyed by stack name, as DeleteStack names it; the Config parser maps its ARN ids to the name",
            ),
            deleted(
                CLOUDFORMATION, "DeleteStack", "AWS::CloudFormation::Stack", "requestParameters.stackName",
                id_regex=r":stack/([^/]+)/",
            ),
        ),
        arn=Arn("cloudformation", "stack/{id}/.+"),
        check=one(
            "cloudformation", "DescribeStacks", {"StackName": "{id}"}, "Stacks[]",
            gone_errors=gone_on("ValidationError", message="does not exist"), state="StackStatus",
            gone_states=states("DELETE_IN_PROGRESS", "DELETE_COMPLETE"), created="CreationTime",
        ),
        name_in_arn=r"^arn:[^:]+:cloudformation:[^:]*:\d*:stack/([^/]+)/",
    ),
)  # fmt: skip
