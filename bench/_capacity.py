"""Capacity units as DynamoDB bills them, worked out from the items themselves: moto's ConsumedCapacity is always 1.0.

The rules (DynamoDB developer guide: read/write capacity, and the write costs of a global secondary index):

* a table write costs 1 write unit per started KB of the larger of the old and the new item; TransactWriteItems
  twice that; a delete, the old item's size;
* an index write: an item entering or leaving the index writes its index entry once, a changed index key deletes
  the old entry and puts the new one, a changed projected attribute puts the entry once; nothing when the entry is
  the same (or the item is in the index neither before nor after). An entry is the table key, the index keys and
  the projected attributes, so the projection decides both how often and how much. A transaction's changes reach
  the index after it commits, as ordinary writes;
* a read costs 1 read unit per started 4 KB: Query and Scan on the sum of the items a page returns, BatchGetItem
  and GetItem per item; an eventually consistent read half that.

One pass of the real code gives every candidate projection's write units: the index writes follow from the old
and new items alone, so the writes of one run are priced under each projection side by side.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from math import ceil
from typing import Any

from leftovers.adapters.stores.dynamodb.schema import DUE_SHARD, DUE_SORT, PK

KB = 1024
DIGEST_COLUMNS = frozenset({"name", "arn", "tags", "created_at", "creations", "created_by", "created_for_by",
                            "details", "sources", "notify_count", "last_notified_at", "first_notified_at"})  # fmt: skip
PROJECTIONS: dict[str, frozenset[str] | None] = {
    "ALL": None,  # every attribute (the older index "due")
    "INCLUDE (the digest's columns)": DIGEST_COLUMNS,
    "KEYS_ONLY": frozenset(),  # the index "due_keys"
}
Item = Mapping[str, Any]


def item_size(item: Item) -> int:
    """Bytes DynamoDB counts for an item: UTF-8 names and strings, about one byte per two digits of a number."""
    total = 0
    for name, value in item.items():
        total += len(name.encode())
        total += len(value["S"].encode()) if "S" in value else len(value["N"]) // 2 + 1
    return total


def units(size: int, per: int) -> int:
    """Units of ``per`` bytes that ``size`` bytes start (at least one)."""
    return max(1, ceil(size / per))


def entry(item: Item | None, projected: frozenset[str] | None) -> dict[str, Any] | None:
    """The item's entry in the due index under a projection (None: every attribute), or None when not in it."""
    if item is None or DUE_SHARD not in item or DUE_SORT not in item:
        return None
    keep = None if projected is None else {PK, DUE_SHARD, DUE_SORT} | projected
    return {k: v for k, v in item.items() if keep is None or k in keep}


def index_write_units(old: Item | None, new: Item | None, projected: frozenset[str] | None) -> int:
    """Write units the due index costs when ``old`` becomes ``new`` (either None: absent)."""
    before, after = entry(old, projected), entry(new, projected)
    if before == after:
        return 0
    if before is None or after is None:
        return units(item_size(after or before or {}), KB)
    if (before[DUE_SHARD], before[DUE_SORT]) != (after[DUE_SHARD], after[DUE_SORT]):
        return units(item_size(before), KB) + units(item_size(after), KB)
    return units(max(item_size(before), item_size(after)), KB)


@dataclass
class Capacity:
    """Write and read units of one client's requests; keeps a copy of the table's items to know each old item.

    Register ``params`` on ``provide-client-params.dynamodb`` and ``__call__`` on ``after-call.dynamodb``.
    """

    items: dict[str, dict[str, Any]] = field(default_factory=dict)
    table_writes: float = 0.0
    index_writes: dict[str, float] = field(default_factory=lambda: dict.fromkeys(PROJECTIONS, 0.0))
    read_units: float = 0.0
    _params: dict[str, Any] = field(default_factory=dict)

    def params(self, params: dict[str, Any], **_: Any) -> None:
        """Remember the request's parameters until its answer comes."""
        self._params = params

    def __call__(self, http_response: Any, parsed: dict[str, Any], model: Any, **_: Any) -> None:
        """Price a successful request (a failed conditional write changes nothing)."""
        if http_response.status_code != 200:
            return
        params, name = self._params, model.name
        if name == "PutItem":
            self.write(params["Item"], 1)
        elif name == "TransactWriteItems":
            for action in params["TransactItems"]:
                if "Put" in action:
                    self.write(action["Put"]["Item"], 2)
        elif name == "DeleteItem":
            self.write(None, 1, key=params["Key"][PK]["S"])
        elif name in ("Query", "Scan"):
            half = 1.0 if params.get("ConsistentRead") else 0.5
            returned = sum(item_size(i) for i in parsed.get("Items", []))
            self.read_units += half * units(returned, 4 * KB) if "Items" in parsed else 0.0
        elif name == "BatchGetItem":
            for table, rows in parsed.get("Responses", {}).items():
                half = 1.0 if params["RequestItems"][table].get("ConsistentRead") else 0.5
                self.read_units += sum(half * units(item_size(i), 4 * KB) for i in rows)

    def write(self, new: Item | None, factor: int, key: str | None = None) -> None:
        """Price one item write (``new`` None: a delete of ``key``) and keep the new item."""
        key = key if new is None else str(new[PK]["S"])
        assert key is not None
        old = self.items.get(key)
        self.table_writes += factor * units(max(item_size(old or {}), item_size(new or {})), KB)
        for projection, projected in PROJECTIONS.items():
            self.index_writes[projection] += index_write_units(old, new, projected)
        if new is None:
            self.items.pop(key, None)
        else:
            self.items[key] = dict(new)

    def write_units(self, projection: str) -> float:
        """Table and due-index write units under ``projection``."""
        return self.table_writes + self.index_writes[projection]


def watch(client: Any, capacity: Capacity) -> Capacity:
    """Price the client's next requests on ``capacity`` (replacing any earlier one)."""
    for event, handler in (("provide-client-params.dynamodb", capacity.params), ("after-call.dynamodb", capacity)):
        client.meta.events.unregister(event, unique_id=f"bench-capacity-{event}")
        client.meta.events.register(event, handler, unique_id=f"bench-capacity-{event}")
    return capacity
