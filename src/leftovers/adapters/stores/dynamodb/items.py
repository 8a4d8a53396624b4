"""DynamoDB items: a record as one item (the codec's row, typed), its key, index and TTL attributes, and the
condition that makes every write depend on the version it was loaded with."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from leftovers.adapters.stores.codec import COLUMNS, from_row, to_row
from leftovers.adapters.stores.dynamodb.schema import DUE_SHARD, DUE_SHARD_VALUE, PK, TTL_ATTRIBUTE
from leftovers.core.model import Resource

_NONE_ROW: dict[str, Any] = dict.fromkeys(COLUMNS)


def expect_version(version: int) -> dict[str, Any]:
    """The write condition: no item yet for version 0, else the stored version still equals ``version``."""
    if version == 0:
        return {"ConditionExpression": "attribute_not_exists(#pk)", "ExpressionAttributeNames": {"#pk": PK}}
    # Attribute names go through placeholders: several of ours (name, ttl, ...) are DynamoDB reserved words.
    return {
        "ConditionExpression": "#v = :v",
        "ExpressionAttributeNames": {"#v": "version"},
        "ExpressionAttributeValues": {":v": {"N": str(version)}},
    }


def encode(r: Resource) -> dict[str, Any]:
    """The item for a record as it will be stored (version + 1), with its key, index and TTL attributes."""
    row = to_row(r, version=r.version + 1)
    item: dict[str, Any] = {PK: {"S": str(r.key)}}
    for name, value in row.items():
        if value is None:
            continue  # absent, not NULL: keeps items small and the index sparse
        item[name] = {"N": str(value)} if isinstance(value, int) else {"S": value}
    if r.active and r.next_due_at is not None:
        item[DUE_SHARD] = {"S": DUE_SHARD_VALUE}
    if not r.active and r.expires_at is not None:
        item[TTL_ATTRIBUTE] = {"N": str(int(r.expires_at.timestamp()))}
    return item


def decode(item: Mapping[str, Any]) -> Resource:
    """The record an item encodes."""
    row = dict(_NONE_ROW)
    for name, value in item.items():
        row[name] = int(value["N"]) if "N" in value else value.get("S")
    latest = row.get("latest_created_at")  # an item from 0.1.0: the first and latest creation, one creator
    if latest not in (None, row["created_at"]) and row["creations"] is None:
        first = [row["created_at"], row["created_by"], row["created_for_by"]]
        row["creations"] = json.dumps([first, [latest, None, None]])
    return from_row(row)
