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


def ensure_table(client: DynamoDBClient, name: str) -> bool:
    """Create the table unless it exists (True when created); an existing table must have the expected keys and
    index, else StoreError names the difference."""
    try:
        found = client.describe_table(TableName=name)["Table"]
    except ClientError as exc:
        if exc.response.get("Error", {}).get("Code") != "ResourceNotFoundException":
            raise StoreError(f"cannot read DynamoDB table {name!r}: {exc}") from exc
        create_table(client, name)
        return True
    except BotoCoreError as exc:
        raise StoreError(f"cannot read DynamoDB table {name!r}: {exc}") from exc
    problems = differences(found)
    if problems:
        raise StoreError(f"DynamoDB table {name!r} exists but is not a Leftovers table: {'; '.join(problems)}")
    return False


def differences(described: Any) -> list[str]:
    """How a DescribeTable answer differs from ``table_definition()`` in what the store relies on: keys, the due
    index's keys and projection, and the key attributes' types."""
    want = table_definition()
    problems = []
    if _keys(described.get("KeySchema")) != _keys(want["KeySchema"]):
        problems.append(f"key schema is {_keys(described.get('KeySchema'))}, expected {_keys(want['KeySchema'])}")
    indexes = {i["IndexName"]: i for i in described.get("GlobalSecondaryIndexes", [])}
    for index in want["GlobalSecondaryIndexes"]:
        have = indexes.get(index["IndexName"])
        if have is None:
            problems.append(f"index {index['IndexName']!r} is missing")
        elif _keys(have["KeySchema"]) != _keys(index["KeySchema"]):
            keys = _keys(have["KeySchema"])
            problems.append(f"index {index['IndexName']!r} has keys {keys}, expected {_keys(index['KeySchema'])}")
        elif have.get("Projection", {}).get("ProjectionType") != "ALL":
            problems.append(f"index {index['IndexName']!r} does not project all attributes")
    types = {a["AttributeName"]: a["AttributeType"] for a in described.get("AttributeDefinitions", [])}
    for attribute in want["AttributeDefinitions"]:
        name, kind = attribute["AttributeName"], attribute["AttributeType"]
        if name in types and types[name] != kind:
            problems.append(f"attribute {name!r} has type {types[name]}, expected {kind}")
    return problems


def _keys(schema: Any) -> str:
    return ", ".join(f"{k['AttributeName']} ({k['KeyType']})" for k in schema or []) or "none"


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
