"""The lease as one item of a small DynamoDB table (template.yaml's RunLeaseTable), changed by conditional updates.

The item keeps ``holder`` and ``until`` while held; a release removes both, so "the holder is still me" proves
nobody else took the lease meanwhile (taking it writes another holder, and only that holder removes it).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from botocore.exceptions import BotoCoreError, ClientError

from leftovers.adapters.stores.codec import decode_time, encode_time
from leftovers.adapters.stores.dynamodb import make_client
from leftovers.core.errors import StoreError
from leftovers.core.run_lease import LEASE_TIME, RunInProgress

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

LEASE_KEY = "daily-run"
_NAMES = {"#h": "holder", "#u": "until"}


class DynamoDBRunLease:
    """The RunLease port on table ``table`` (key attribute ``pk``); the client is created on first use."""

    def __init__(self, table: str, client: DynamoDBClient | None = None) -> None:
        self.table = table
        self._client = client

    @property
    def client(self) -> DynamoDBClient:
        """The DynamoDB client (created lazily, as the store's: same retries on throttling)."""
        if self._client is None:
            self._client = make_client(None)
        return self._client

    def acquire(self, holder: str, now: datetime, hold: timedelta = LEASE_TIME) -> bool:
        """Renew the lease if ``holder`` has it, else take it if free or lapsed (see the port)."""
        values = {":me": {"S": holder}, ":until": {"S": encode_time(now + hold) or ""}}
        if self._update("#h = :me", values):
            return True
        if self._update("attribute_not_exists(#h) OR #u < :now", {**values, ":now": {"S": encode_time(now) or ""}}):
            return False
        item = self._call(self.client.get_item, TableName=self.table, Key=_key(), ConsistentRead=True).get("Item", {})
        until = decode_time(item.get("until", {}).get("S")) or now
        raise RunInProgress(item.get("holder", {}).get("S", "an unknown execution"), until)

    def release(self, holder: str) -> None:
        """Remove holder and expiry, on the condition that ``holder`` still has the lease."""
        try:
            self.client.update_item(
                TableName=self.table, Key=_key(), UpdateExpression="REMOVE #h, #u", ConditionExpression="#h = :me",
                ExpressionAttributeNames=_NAMES, ExpressionAttributeValues={":me": {"S": holder}},
            )  # fmt: skip
        except ClientError as exc:
            if _code(exc) != "ConditionalCheckFailedException":  # someone took it after it lapsed: theirs now
                raise StoreError(f"DynamoDB release of the run lease in {self.table!r} failed: {exc}") from exc
        except BotoCoreError as exc:
            raise StoreError(f"DynamoDB release of the run lease in {self.table!r} failed: {exc}") from exc

    def _update(self, condition: str, values: dict[str, Any]) -> bool:
        try:
            self.client.update_item(
                TableName=self.table, Key=_key(), UpdateExpression="SET #h = :me, #u = :until",
                ConditionExpression=condition, ExpressionAttributeNames=_NAMES, ExpressionAttributeValues=values,
            )  # fmt: skip
        except ClientError as exc:
            if _code(exc) == "ConditionalCheckFailedException":
                return False
            raise StoreError(f"DynamoDB update of the run lease in {self.table!r} failed: {exc}") from exc
        except BotoCoreError as exc:
            raise StoreError(f"DynamoDB update of the run lease in {self.table!r} failed: {exc}") from exc
        return True

    def _call(self, call: Any, **params: Any) -> Any:
        try:
            return call(**params)
        except (ClientError, BotoCoreError) as exc:
            raise StoreError(f"DynamoDB read of the run lease in {self.table!r} failed: {exc}") from exc


def _key() -> dict[str, Any]:
    return {"pk": {"S": LEASE_KEY}}


def _code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))
