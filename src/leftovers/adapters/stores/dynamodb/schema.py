"""The DynamoDB table's definition, written once: template.yaml must say the same (a test checks)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from botocore.exceptions import BotoCoreError, ClientError

from leftovers.core.errors import StoreError

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

PK = "pk"
DUE_INDEX = "due_keys"
"""The sparse index of what is due. It projects keys only: an index that carried every attribute (the older
``due``) was written again, whole, at every write of an indexed item (1.41 write units per ingested event, ~1.2
without); the daily run fetches the few due rows by key instead (issue 16, README "Performance and cost")."""
LEGACY_DUE_INDEX = "due"
"""The index tables made before issue 16 have (every attribute projected): still read, and accepted by init.
CloudFormation cannot change an index's projection in place, hence the new name (README: Upgrading)."""
DUE_SHARD = "due_shard"
DUE_SHARD_VALUE = "due"  # the one partition of the index: items written under either index name carry it
DUE_SORT = "next_due_at"
TTL_ATTRIBUTE = "ttl"
DUE_INDEXES = (DUE_INDEX, LEGACY_DUE_INDEX)
BATCH_GET_LIMIT = 100  # keys per BatchGetItem


def table_definition() -> dict[str, Any]:
    """The CreateTable parameters (minus the name); template.yaml's table must say the same (a test checks)."""
    return {
        "AttributeDefinitions": [
            {"AttributeName": PK, "AttributeType": "S"},
            {"AttributeName": DUE_SHARD, "AttributeType": "S"},
            {"AttributeName": DUE_SORT, "AttributeType": "S"},
        ],
        "KeySchema": [{"AttributeName": PK, "KeyType": "HASH"}],
        "GlobalSecondaryIndexes": [due_index(DUE_INDEX, "KEYS_ONLY")],
        "BillingMode": "PAY_PER_REQUEST",
    }


def legacy_table_definition() -> dict[str, Any]:
    """The CreateTable parameters of a table made before issue 16: the older ``due`` index, every attribute in it."""
    return {**table_definition(), "GlobalSecondaryIndexes": [due_index(LEGACY_DUE_INDEX, "ALL")]}


def due_index(name: str, projection: str) -> dict[str, Any]:
    """A due index's definition: keyed by shard and deadline, with ``projection``."""
    return {
        "IndexName": name,
        "KeySchema": [
            {"AttributeName": DUE_SHARD, "KeyType": "HASH"},
            {"AttributeName": DUE_SORT, "KeyType": "RANGE"},
        ],
        "Projection": {"ProjectionType": projection},
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
    """How a DescribeTable answer differs from ``table_definition()`` in what the store relies on: keys, a due
    index's keys, and the key attributes' types.

    Either due index will do, whatever it projects: the store reads rows by key when the index lacks them.
    """
    want = table_definition()
    problems = []
    if _keys(described.get("KeySchema")) != _keys(want["KeySchema"]):
        problems.append(f"key schema is {_keys(described.get('KeySchema'))}, expected {_keys(want['KeySchema'])}")
    indexes = {i["IndexName"]: i for i in described.get("GlobalSecondaryIndexes", [])}
    expected = _keys(want["GlobalSecondaryIndexes"][0]["KeySchema"])
    found = [name for name in DUE_INDEXES if name in indexes]
    if not found:
        problems.append(f"index {DUE_INDEX!r} is missing (so is the older index {LEGACY_DUE_INDEX!r})")
    for name in found:
        if _keys(indexes[name]["KeySchema"]) != expected:
            problems.append(f"index {name!r} has keys {_keys(indexes[name]['KeySchema'])}, expected {expected}")
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
