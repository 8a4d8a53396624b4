"""The benchmarks' moto server and DynamoDB request meter.

The meter counts what DynamoDB bills by (moto's ConsumedCapacity is fake): requests by operation, and items read
(``ScannedCount`` for Query/Scan, items returned for BatchGetItem), from botocore's parsed responses.

One speed-up, semantics unchanged: before every TransactWriteItems, moto deep-copies each table the transaction
names, to restore it if the transaction is cancelled: about 7 s per transaction at 100,000 items, a cost real
DynamoDB does not have. The snapshot here copies the table's item index (references only) and deep-copies just the
items the transaction names, the only ones it can change, so a cancelled transaction is still undone exactly.
"""

from __future__ import annotations

import copy
import os
import sys
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from moto.dynamodb import models as dynamodb_models
from moto.dynamodb.models.dynamo_type import DynamoType
from moto.dynamodb.models.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.support: the shared moto server
from tests.support.moto_server import MotoServer, shared_server


def start_moto() -> MotoServer:
    """The moto server of this process (ThreadedMotoServer on 127.0.0.1), with boto3's environment pointed at it."""
    server = shared_server()
    _cheap_transaction_snapshots()
    os.environ.update(AWS_ENDPOINT_URL=server.url, AWS_ACCESS_KEY_ID="bench", AWS_SECRET_ACCESS_KEY="bench")
    os.environ.setdefault("AWS_DEFAULT_REGION", "ap-northeast-1")
    return server


@dataclass
class Meter:
    """Counts DynamoDB requests by operation and items read; a botocore ``after-call`` handler."""

    requests: Counter[str] = field(default_factory=Counter)
    items_read: int = 0
    items_by_operation: Counter[str] = field(default_factory=Counter)

    def __call__(self, parsed: dict[str, Any], model: Any, **_: Any) -> None:
        self.requests[model.name] += 1
        items = parsed.get("ScannedCount", 0) + sum(len(items) for items in parsed.get("Responses", {}).values())
        self.items_read += items
        self.items_by_operation[model.name] += items

    @property
    def total(self) -> int:
        """Requests of every kind."""
        return sum(self.requests.values())

    def count(self, operations: Iterable[str]) -> int:
        """Requests of these operations."""
        return sum(self.requests[op] for op in operations)

    def ops(self) -> str:
        """Requests by operation, e.g. ``1 Query, 10 BatchGetItem``."""
        return ", ".join(f"{n:,} {op}" for op, n in sorted(self.requests.items()))


def metered(client: Any) -> Meter:
    """Attach a fresh meter to a DynamoDB client (replacing any earlier one)."""
    meter = Meter()
    client.meta.events.unregister("after-call.dynamodb", unique_id="bench-meter")
    client.meta.events.register("after-call.dynamodb", meter, unique_id="bench-meter")
    return meter


class _Snapshots:
    """Stands in for the ``copy`` module inside moto's DynamoDB backend."""

    def __init__(self) -> None:
        self.local = threading.local()

    def deepcopy(self, obj: Any, memo: Any = None) -> Any:
        touched: dict[str, set[DynamoType]] | None = getattr(self.local, "touched", None)
        if touched is None or not isinstance(obj, Table):
            return copy.deepcopy(obj, memo)
        taken: dict[str, Table] = self.local.taken  # moto asks once per entry: one snapshot per table is enough
        if obj.name in taken:
            return taken[obj.name]
        snapshot = taken[obj.name] = copy.copy(obj)
        snapshot.items = defaultdict(dict, obj.items)
        for hash_value in touched.get(obj.name, set()) & obj.items.keys():
            snapshot.items[hash_value] = copy.deepcopy(obj.items[hash_value])
        return snapshot

    def __getattr__(self, name: str) -> Any:
        return getattr(copy, name)


def _touched(backend: Any, transact_items: list[dict[str, Any]]) -> dict[str, set[DynamoType]]:
    """Hash keys each transaction entry names, by table."""
    out: dict[str, set[DynamoType]] = {}
    for entry in transact_items:
        op = next(iter(entry.values()))
        table = backend.tables.get(op.get("TableName"))
        if table is None:
            continue
        key = op.get("Key") or op.get("Item") or {}
        if table.hash_key_attr in key:
            out.setdefault(table.name, set()).add(DynamoType(key[table.hash_key_attr]))
    return out


def _cheap_transaction_snapshots() -> None:
    """Install the snapshot (idempotent), over the shared server's own transaction fix."""
    if isinstance(dynamodb_models.copy, _Snapshots):
        return
    shim = _Snapshots()
    original = dynamodb_models.DynamoDBBackend.transact_write_items

    def transact_write_items(self: Any, transact_items: list[dict[str, Any]]) -> None:
        shim.local.touched, shim.local.taken = _touched(self, transact_items), {}
        try:
            original(self, transact_items)
        finally:
            shim.local.touched = shim.local.taken = None

    dynamodb_models.copy = shim  # type: ignore[assignment]
    dynamodb_models.DynamoDBBackend.transact_write_items = transact_write_items  # type: ignore[method-assign]
