"""Reading what is due: a paginated Query of the sparse due index, then, since it projects keys only, the rows by
key (BatchGetItem of up to 100, unprocessed keys asked again), in the index's order.

A table made before issue 16 has the older index that projects every attribute: its entries are the rows already,
so nothing more is read. The store asks the index it last found (the new one first) and, when DynamoDB says the
table has no such index (or is still building it), the other one: so a stack in the middle of its two-step
upgrade, or a table made by an older ``store init``, keeps working.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from leftovers.adapters.stores.codec import encode_time
from leftovers.adapters.stores.dynamodb.items import decode
from leftovers.adapters.stores.dynamodb.schema import (
    BATCH_GET_LIMIT,
    DUE_INDEX,
    DUE_SHARD,
    DUE_SHARD_VALUE,
    DUE_SORT,
    LEGACY_DUE_INDEX,
    PK,
)

if TYPE_CHECKING:
    from datetime import datetime

    from leftovers.adapters.stores.dynamodb.store import DynamoDBStore
    from leftovers.core.model import Resource

_VERSION = "version"  # every stored row has it; a keys-only index entry does not
_INDEX_ERRORS = frozenset({"ValidationException", "ResourceNotFoundException"})
_OTHER = {DUE_INDEX: LEGACY_DUE_INDEX, LEGACY_DUE_INDEX: DUE_INDEX}


def read_due(store: DynamoDBStore, at: datetime) -> Iterator[Resource]:
    """The active records whose stored deadline is at or before ``at``, earliest first."""
    params: dict[str, Any] = {
        "KeyConditionExpression": "#s = :s AND #d <= :at",
        "ExpressionAttributeNames": {"#s": DUE_SHARD, "#d": DUE_SORT},
        "ExpressionAttributeValues": {":s": {"S": DUE_SHARD_VALUE}, ":at": {"S": encode_time(at) or ""}},
    }
    while True:
        reply = store.call("read", _query, store=store, **params)
        items = reply.get("Items", [])
        for start in range(0, len(items), BATCH_GET_LIMIT):
            yield from _rows(store, items[start : start + BATCH_GET_LIMIT], at)
        if "LastEvaluatedKey" not in reply:
            return
        params["ExclusiveStartKey"] = reply["LastEvaluatedKey"]


def _query(store: DynamoDBStore, **params: Any) -> Any:
    try:
        return store.client.query(TableName=store.table, IndexName=store.due_index, **params)
    except ClientError as exc:
        if not _no_such_index(exc, store.due_index) or "ExclusiveStartKey" in params:
            raise
        store.due_index = _OTHER[store.due_index]
        return store.client.query(TableName=store.table, IndexName=store.due_index, **params)


def _no_such_index(exc: ClientError, index: str) -> bool:
    """DynamoDB's answer for an index the table lacks ("ValidationException: The table does not have the specified
    index: X") or is still building ("Cannot read from backfilling global secondary index: X"); moto says
    "ResourceNotFoundException: Invalid index: X for table: T"."""
    error: Mapping[str, Any] = exc.response.get("Error", {})
    named = re.search(rf"index: {re.escape(index)}(\W|$)", str(error.get("Message", "")))
    return error.get("Code") in _INDEX_ERRORS and named is not None


def _rows(store: DynamoDBStore, entries: Sequence[Mapping[str, Any]], at: datetime) -> Iterator[Resource]:
    # Eventually consistent, as the index itself is: half the read units of a consistent read. A row that moved on
    # since its index entry was read (deleted, marked, no longer due) is left out; every write is conditional, so
    # a row read a little stale can never overwrite a newer one.
    fetched = store.rows([e[PK]["S"] for e in entries if _VERSION not in e], consistent=False)
    for entry in entries:
        record = decode(entry) if _VERSION in entry else fetched.get(entry[PK]["S"])
        if record is not None and record.active and record.next_due_at is not None and record.next_due_at <= at:
            yield record
