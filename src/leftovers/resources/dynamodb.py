"""Amazon DynamoDB tables."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

DYNAMODB = "dynamodb.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::DynamoDB::Table", config=True, id_pattern=r"[A-Za-z0-9_.-]+",
        calls=(
            created(
                DYNAMODB, "CreateTable", "AWS::DynamoDB::Table", "requestParameters.tableName",
                name="requestParameters.tableName", arn_path="responseElements.tableDescription.tableArn",
                tags="requestParameters.tags",
            ),
            deleted(DYNAMODB, "DeleteTable", "AWS::DynamoDB::Table", "requestParameters.tableName"),
        ),
        arn=Arn("dynamodb", "table/{id}"),
        check=one(
            "dynamodb", "DescribeTable", {"TableName": "{id}"}, "Table",
            gone_errors=gone_on("ResourceNotFoundException"), state="TableStatus", gone_states=states("DELETING"),
            created="CreationDateTime",
        ),
        console="https://{region}.console.aws.amazon.com/dynamodbv2/home?region={region}#table?name={id}",
    ),
)  # fmt: skip
