"""The DynamoDB store: one item per resource key, conditional writes, and a sparse index of what is due.

The daily run reads only due items through the due index (a Query, paginated, then the rows by key: ``due.py``),
never a Scan: the original's unpaginated Scan stopped silently at 1 MB. Only active records that have a deadline
carry the index key attribute ``due_shard``, so tombstones and notify-once records never enter the index.
"""

from __future__ import annotations

import re
import time
from collections.abc import Collection, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from botocore.exceptions import BotoCoreError, ClientError

from leftovers.adapters.aws_region import aws_client
from leftovers.adapters.stores.dynamodb.due import read_due
from leftovers.adapters.stores.dynamodb.items import decode, encode, expect_version
from leftovers.adapters.stores.dynamodb.schema import (
    BATCH_GET_LIMIT,
    DUE_INDEX,
    PK,
    create_table,
    table_definition,
)
from leftovers.adapters.stores.missing import missing_store
from leftovers.core.errors import ConflictError, SettingsError, StoreError
from leftovers.core.model import Resource, ResourceKey

if TYPE_CHECKING:
    from datetime import datetime

    from mypy_boto3_dynamodb import DynamoDBClient

UNPROCESSED_RETRIES = 8
TRANSACTION_LIMIT = 100
_CONFLICT_CODES = frozenset({"ConditionalCheckFailed", "TransactionConflict"})
__all__ = ["DynamoDBStore", "create_table", "decode", "encode", "open_dynamodb_store", "table_definition"]
_TABLE_NAME = re.compile(r"^[A-Za-z0-9_.-]{3,255}$")


def open_dynamodb_store(url: str, client: DynamoDBClient | None = None, region: str | None = None) -> DynamoDBStore:
    """A store for ``dynamodb://TABLE`` in ``region`` (else the AWS profile's); endpoint and credentials come from
    the usual AWS environment."""
    scheme, _, table = url.partition("://")
    if scheme != "dynamodb" or not _TABLE_NAME.match(table):
        raise SettingsError("store", f"not a DynamoDB store URL {url!r} (use dynamodb://TABLE)")
    return DynamoDBStore(table, client=client, region=region)


def make_client(region: str | None) -> DynamoDBClient:
    """A DynamoDB client in the resolved region, retrying throttling and transient 5xx with backoff."""
    from botocore.config import Config

    retries = Config(retries={"mode": "standard", "max_attempts": 8})
    client: DynamoDBClient = aws_client("dynamodb", region, config=retries)
    return client


class DynamoDBStore:
    """The Store port on one DynamoDB table; the client is created on first use unless injected."""

    def __init__(self, table: str, client: DynamoDBClient | None = None, region: str | None = None) -> None:
        self.table = table
        self.due_index = DUE_INDEX  # the older index instead once the table is found to have only that one
        self._client = client
        self._region = region

    @property
    def client(self) -> DynamoDBClient:
        """The DynamoDB client (created lazily, so importing or constructing never touches AWS)."""
        if self._client is None:
            self._client = make_client(self._region)
        return self._client

    def load(self, keys: Collection[ResourceKey]) -> dict[ResourceKey, Resource]:
        """The stored records of ``keys`` (consistent reads)."""
        return {r.key: r for r in self.rows(sorted({str(k) for k in keys}), consistent=True).values()}

    def rows(self, keys: Sequence[str], consistent: bool) -> dict[str, Resource]:
        """The stored rows of item keys, by key: BatchGetItem in chunks of 100, unprocessed keys retried with
        backoff."""
        found: dict[str, Resource] = {}
        for start in range(0, len(keys), BATCH_GET_LIMIT):
            chunk = keys[start : start + BATCH_GET_LIMIT]
            pending: Any = {self.table: {"Keys": [{PK: {"S": k}} for k in chunk], "ConsistentRead": consistent}}
            for attempt in range(UNPROCESSED_RETRIES + 1):
                reply = self.call("read", self.client.batch_get_item, RequestItems=pending)
                for item in reply.get("Responses", {}).get(self.table, []):
                    found[item[PK]["S"]] = decode(item)
                pending = reply.get("UnprocessedKeys") or {}
                if not pending:
                    break
                if attempt == UNPROCESSED_RETRIES:
                    raise StoreError(f"DynamoDB left keys unprocessed after {UNPROCESSED_RETRIES} retries")
                time.sleep(min(0.05 * 2**attempt, 2.0))
        return found

    def save(self, records: Sequence[Resource]) -> None:
        """All or nothing: one conditional PutItem for one record, else TransactWriteItems of up to 100.

        A save of more than 100 records is atomic per chunk of 100 only; callers reload and fold again on
        ConflictError, and the lifecycle rules are idempotent, so an earlier chunk already written is harmless.
        """
        if len(records) == 1:
            self._put(records[0])
            return
        for start in range(0, len(records), TRANSACTION_LIMIT):
            self._transact(records[start : start + TRANSACTION_LIMIT])

    def _put(self, r: Resource) -> None:
        try:
            self.client.put_item(TableName=self.table, Item=encode(r), **expect_version(r.version))
        except ClientError as exc:
            if _code(exc) == "ConditionalCheckFailedException":
                raise ConflictError([r.key]) from None
            raise StoreError(f"DynamoDB write failed for {r.key}: {exc}") from exc
        except BotoCoreError as exc:
            raise StoreError(f"DynamoDB write failed for {r.key}: {exc}") from exc

    def _transact(self, chunk: Sequence[Resource]) -> None:
        items: Any = [{"Put": {"TableName": self.table, "Item": encode(r), **expect_version(r.version)}} for r in chunk]
        try:
            self.client.transact_write_items(TransactItems=items)
        except ClientError as exc:
            reasons = exc.response.get("CancellationReasons") or []
            stale = [r.key for r, why in zip(chunk, reasons, strict=False) if why.get("Code") in _CONFLICT_CODES]
            if _code(exc) == "TransactionCanceledException" and stale:
                raise ConflictError(list(stale)) from None
            raise StoreError(f"DynamoDB transaction of {len(chunk)} writes failed: {exc}") from exc
        except BotoCoreError as exc:
            raise StoreError(f"DynamoDB transaction of {len(chunk)} writes failed: {exc}") from exc

    def due(self, at: datetime) -> Iterator[Resource]:
        """What is due at ``at``, through the sparse due index: reads only what is due."""
        return read_due(self, at)

    def scan(self, include_inactive: bool = False) -> Iterator[Resource]:
        """A paginated Scan (for reports, not for the daily run)."""
        only_active: dict[str, Any] = {
            "FilterExpression": "#a = :one",
            "ExpressionAttributeNames": {"#a": "active"},
            "ExpressionAttributeValues": {":one": {"N": "1"}},
        }
        yield from self._scan(**({} if include_inactive else only_active))

    def purge_expired(self, at: datetime) -> int:
        """Delete expired tombstones now (DynamoDB's TTL does it too, but only eventually)."""
        expired = [r for r in self.scan(include_inactive=True) if not r.active and r.expires_at and r.expires_at < at]
        gone = 0
        for r in expired:
            try:
                self.client.delete_item(
                    TableName=self.table,
                    Key={PK: {"S": str(r.key)}},
                    **expect_version(r.version),
                )
                gone += 1
            except ClientError as exc:
                if _code(exc) != "ConditionalCheckFailedException":
                    raise StoreError(f"DynamoDB delete failed for {r.key}: {exc}") from exc
        return gone

    def _scan(self, **params: Any) -> Iterator[Resource]:
        while True:
            reply = self.call("read", self.client.scan, TableName=self.table, **params)
            yield from (decode(item) for item in reply.get("Items", []))
            if "LastEvaluatedKey" not in reply:
                return
            params["ExclusiveStartKey"] = reply["LastEvaluatedKey"]

    def call(self, what: str, call: Any, **params: Any) -> Any:
        """``call(**params)``, DynamoDB's errors translated: a missing table names the store, others StoreError."""
        try:
            return call(**params)
        except ClientError as exc:
            if _code(exc) == "ResourceNotFoundException":
                raise missing_store(f"dynamodb://{self.table}") from None
            raise StoreError(f"DynamoDB {what} of table {self.table!r} failed: {exc}") from exc
        except BotoCoreError as exc:
            raise StoreError(f"DynamoDB {what} of table {self.table!r} failed: {exc}") from exc


def _code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))
