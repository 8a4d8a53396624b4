"""The DynamoDB table's definition, written once: template.yaml must say the same (a test checks)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from botocore.exceptions import BotoCoreError, ClientError

from leftovers.core.errors import StoreError

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

PK = "pk"
DUE_INDEX = "due"
DUE_SHARD = "due_shard"
DUE_SORT = "next_due_at"
TTL_ATTRIBUTE = "ttl"


def table_definition() -> dict[str, Any]:
    """The CreateTable parameters (minus the name); template.yaml's table must say the same (a test checks)."""
    return {
        "AttributeDefinitions": [
            {"AttributeName": PK, "AttributeType": "S"},
            {"AttributeName": DUE_SHARD, "AttributeType": "S"},
            {"AttributeName": DUE_SORT, "AttributeType": "S"},
        ],
        "KeySchema": [{"AttributeName": PK, "KeyType": "HASH"}],
        "GlobalSecondaryIndexes": [
            {
                "IndexName": DUE_INDEX,
                "KeySchema": [
                    {"AttributeName": DUE_SHARD, "KeyType": "HASH"},
                    {"AttributeName": DUE_SORT, "KeyType": "RANGE"},
                ],
                "Projection": {"ProjectionType": "ALL"},
            }
        ],
        "BillingMode": "PAY_PER_REQUEST",
    }


def create_table(client: DynamoDBClient, name: str) -> None:
    """Create the table as the template does (TTL and point-in-time recovery included) and wait for it."""
    try:
        client.create_table(TableName=name, **table_definition())
        client.get_waiter("table_exists").wait(TableName=name, WaiterConfig={"Delay": 1, "MaxAttempts": 60})
        client.update_time_to_live(
            TableName=name, TimeToLiveSpecification={"Enabled": True, "AttributeName": TTL_ATTRIBUTE}
        )
        client.update_continuous_backups(
            TableName=name, PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True}
        )
    except (ClientError, BotoCoreError) as exc:
        raise StoreError(f"cannot create DynamoDB table {name!r}: {exc}") from exc
