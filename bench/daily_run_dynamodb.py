"""Daily-run cost on DynamoDB vs table size: requests and items read by the run, next to a full Scan of the table.

Each table (built from template.yaml's definition) lives on a moto server over HTTP. moto's ConsumedCapacity is
fake, so the figures are what DynamoDB bills by: requests, and items read (``ScannedCount`` for Query/Scan, items
returned for BatchGetItem). The run is the state machine's: its three handlers called in its order, with the state
between them as JSON (rows by column name), the run's lease in a DynamoDB table, an account where everything still
exists and a notifier that writes nowhere: the reconcile step's due Query (its rows go on to notify when they fit
the state; else notify queries again), notify's parts (each later part queries what is still due), the mark step's
conditional writes (a row that did not travel whole is read again by key), and the lease's updates. The
baseline is the original design's full Scan, paginated and with ``Select=COUNT``: DynamoDB reads (and bills) the
same items per 1 MB page, the answer just leaves them out (moto's response serializer would otherwise spend ~2 s
on every page).

Each table carries both due indexes, as a stack does in the middle of its upgrade (README, Upgrading), and the run
is made twice on it: reading through the keys-only ``due_keys`` index that template.yaml now defines (the Query gives
keys, BatchGetItem the rows), then, with the due rows written back as they were, through the older ``due`` index
that projects every attribute (the Query gives the rows). Read and write units are priced from the items as DynamoDB
bills them (bench/_capacity.py); the lease's table is not priced (one small item).

    .venv/bin/python bench/daily_run_dynamodb.py [--tracked 1000 10000 100000] [--due-share 0.01 | --due N]
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import os
import sys
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # _moto: the benchmarks' moto server and meter

import boto3
from botocore.config import Config

from _capacity import KB, Capacity, item_size, units, watch
from _moto import Meter, metered, start_moto
from leftovers.adapters.leases.dynamodb import DynamoDBRunLease
from leftovers.adapters.notifiers.terminal import TerminalNotifier
from leftovers.adapters.stores.codec import encode_time
from leftovers.adapters.stores.dynamodb import DynamoDBStore
from leftovers.adapters.stores.dynamodb.items import encode
from leftovers.adapters.stores.dynamodb.schema import (
    DUE_INDEX,
    LEGACY_DUE_INDEX,
    legacy_table_definition,
    table_definition,
)
from leftovers.core.deadlines import Schedule, with_deadline
from leftovers.core.inventory import Presence, Verdict
from leftovers.core.model import Resource, ResourceKey
from leftovers.handlers import _wiring, mark, notify, reconcile
from leftovers.settings import Settings

AT = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)
SCHEDULE = Schedule()
READ_TARGET = 1.2  # items read / due items
SCAN_TARGET = 50  # full-Scan items / daily-run items, at the largest size


INDEXES = {DUE_INDEX: "KEYS_ONLY", LEGACY_DUE_INDEX: "ALL"}  # read through each, in this order


def seed(client: Any, table: str, tracked: int, due: int) -> dict[str, dict[str, Any]]:
    """``tracked`` active resources, ``due`` of them due at AT, the rest notified yesterday (due in 6 days); returns
    the items by key.

    Items are encoded once by the store's own ``encode`` and written 25 at a time with BatchWriteItem.
    """
    yesterday = AT - timedelta(days=1)
    items = []
    for n in range(tracked):
        created = AT - timedelta(days=30, minutes=n)
        key = ResourceKey("123456789012", "ap-northeast-1", "AWS::EC2::Instance", f"i-{n:017x}")
        r = Resource(key=key, name=f"bench-{n}", created_at=created,
                     sources=frozenset({"config"}))  # fmt: skip
        if n >= due:
            r = replace(r, first_notified_at=yesterday, last_notified_at=yesterday, notify_count=1)
        items.append(encode(with_deadline(r, SCHEDULE)))
    put_all(client, table, items)
    return {i["pk"]["S"]: i for i in items}


def put_all(client: Any, table: str, items: list[dict[str, Any]]) -> None:
    """BatchWriteItem of 25 at a time, unprocessed items sent again."""
    for start in range(0, len(items), 25):
        pending: Any = {table: [{"PutRequest": {"Item": i}} for i in items[start : start + 25]]}
        while pending:
            pending = client.batch_write_item(RequestItems=pending).get("UnprocessedItems") or None


def full_scan(client: Any, table: str) -> int:
    """The original design: Scan everything (here paginated, as it should have been); returns the first page's size."""
    params: dict[str, Any] = {"TableName": table, "Select": "COUNT"}
    first_page = 0
    while True:
        reply = client.scan(**params)
        first_page = first_page or reply["ScannedCount"]
        if "LastEvaluatedKey" not in reply:
            return first_page
        params["ExclusiveStartKey"] = reply["LastEvaluatedKey"]


class EverythingExists:
    """The account: every tracked resource is still there (the describe calls are not DynamoDB's cost)."""

    def check(self, records: Any) -> dict[ResourceKey, Verdict]:
        """EXISTS for each."""
        return {r.key: Verdict(Presence.EXISTS, "bench") for r in records}


def state(value: Any) -> Any:
    """What Step Functions hands the next step: the value as JSON, decoded again."""
    return json.loads(json.dumps(value))


def daily_run(wiring: _wiring.Wiring, client: Any) -> tuple[Meter, Meter, int, int, int]:
    """The state machine's path through the three handlers; the meters of the reads (reconcile + notify) and of
    the marking (each with its capacity units: ``meter.capacity``), what was found due and marked, and the parts."""
    saved = [(step, "current", step.current) for step in (reconcile, notify, mark)]
    saved.append((reconcile, "make_inventory", reconcile.make_inventory))
    for step in (reconcile, notify, mark):
        step.current = lambda: wiring  # type: ignore[attr-defined]
    reconcile.make_inventory = lambda **_: EverythingExists()  # type: ignore[attr-defined]
    reconcile.options.cache_clear()
    try:
        return _steps(client)
    finally:  # as it was: the smoke test runs this in a process other tests share
        for module, name, value in saved:
            setattr(module, name, value)
        reconcile.options.cache_clear()


def _steps(client: Any) -> tuple[Meter, Meter, int, int, int]:
    reading, marking = Priced(), Priced()
    run = {"at": AT.isoformat(), "run": f"bench-{os.getpid()}"}
    attach(client, reading)
    current = {**run, "reconcile": state(reconcile.handler(state(run), None))}
    found = marked = parts = 0
    while True:
        attach(client, reading)
        out = state(notify.handler(state(current), None))
        parts += 1
        found = max(found, out["due"])
        if not out["due"]:
            break
        attach(client, marking)
        keep = ("at", "run", "sent", "seen", "more", "error")
        marked += mark.handler(state({k: out[k] for k in keep}), None)
        if not out["more"]:
            break
        current = out
    attach(client, Priced())
    return reading, marking, found, marked, parts


@dataclass
class Priced(Meter):
    """A meter that also prices the requests; its ``capacity`` starts from the table's items (``SHADOW``)."""

    capacity: Capacity = field(default_factory=lambda: Capacity(items=SHADOW))


SHADOW: dict[str, dict[str, Any]] = {}  # the table's items as the run's writes leave them (one table at a time)


def attach(client: Any, meter: Meter) -> None:
    """Count the client's next requests on ``meter`` (and price them, when it is a Priced meter)."""
    client.meta.events.unregister("after-call.dynamodb", unique_id="bench-meter")
    client.meta.events.register("after-call.dynamodb", meter, unique_id="bench-meter")
    watch(client, meter.capacity if isinstance(meter, Priced) else Capacity())


@dataclass(frozen=True)
class Row:
    """The figures for one table size."""

    tracked: int
    due: int
    index: str
    found: int
    marked: int
    parts: int
    query: Priced
    marking: Priced
    scan: Meter
    first_page: int

    scan_units: float

    @property
    def run_requests(self) -> int:
        """Requests of the daily run (both steps)."""
        return self.query.total + self.marking.total

    @property
    def entries(self) -> int:
        """Keys-only index entries read by reconcile and notify (an index of every attribute gives rows instead)."""
        return self.query.items_by_operation["Query"] if INDEXES[self.index] == "KEYS_ONLY" else 0

    @property
    def run_read(self) -> int:
        """Rows read by the daily run (both steps): whole items from the Query or by key."""
        return self.query.items_read + self.marking.items_read - self.entries

    @property
    def read_units(self) -> float:
        """Read units of the daily run (both steps)."""
        return self.query.capacity.read_units + self.marking.capacity.read_units


def measure(client: Any, tracked: int, due: int) -> list[Row]:
    """Seed a fresh table with both due indexes; run the daily run through each index (the due rows written back
    as they were in between), then the full Scan, each under its own meter."""
    table = f"leftovers-bench-{tracked}-{os.getpid()}"
    both = table_definition()["GlobalSecondaryIndexes"] + legacy_table_definition()["GlobalSecondaryIndexes"]
    client.create_table(TableName=table, **{**table_definition(), "GlobalSecondaryIndexes": both})
    seeded = seed(client, table, tracked, due)
    lease_table = f"{table}-lease"
    client.create_table(TableName=lease_table, BillingMode="PAY_PER_REQUEST",
                        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
                        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}])  # fmt: skip
    settings = Settings.load(env={"LEFTOVERS_STORE": f"dynamodb://{table}", "LEFTOVERS_TIMEZONE": "Asia/Tokyo"})
    runs = []
    for index in INDEXES:
        SHADOW.clear()
        SHADOW.update(seeded)
        store = DynamoDBStore(table, client=client)
        store.due_index = index  # as a warm store that found this index: no failed first Query counted
        wiring = _wiring.Wiring(settings, store, None, DynamoDBRunLease(lease_table, client=client))
        object.__setattr__(wiring, "notifier", lambda: TerminalNotifier(io.StringIO()))
        runs.append((index, *daily_run(wiring, client)))
        put_all(client, table, [i for i in seeded.values() if i["next_due_at"]["S"] <= encode_time(AT)])
    scan = metered(client)
    first_page = full_scan(client, table)
    metered(client)  # the clean-up is not part of the baseline
    client.delete_table(TableName=table)
    client.delete_table(TableName=lease_table)
    scan_units = 0.5 * units(sum(item_size(i) for i in seeded.values()), 4 * KB)  # Select=COUNT returns no items
    return [Row(tracked, due, index, found, marked, parts, query, marking, scan, first_page, scan_units)
            for index, query, marking, found, marked, parts in runs]  # fmt: skip


def report(rows: list[Row]) -> None:
    """The table of figures, then the verdicts against the targets."""
    print("Daily run vs table size (moto server over HTTP), through each due index: requests, what was read, and the "
          "read and write units DynamoDB bills")  # fmt: skip
    print(f"{'tracked':>9} {'due':>6} {'index':<20} | {'requests':>8} {'entries':>7} {'rows':>6} {'read units':>10} "
          f"{'mark WU':>7} | {'Scan rows':>9} {'units':>7} | {'Scan/run rows':>13}")  # fmt: skip
    for r in rows:
        name = f"{r.index} ({INDEXES[r.index]})"
        mark_units = r.marking.capacity.write_units(INDEXES[r.index])
        print(f"{r.tracked:>9,} {r.due:>6,} {name:<20} | {r.run_requests:>8} {r.entries:>7,} {r.run_read:>6,} "
              f"{r.read_units:>10,.1f} {mark_units:>7,.0f} | {r.scan.items_read:>9,} {r.scan_units:>7,.0f} | "
              f"{r.scan.items_read / r.run_read:>12.0f}x")  # fmt: skip
        print(f"{'':>18}   reads (reconcile, notify, lease): {r.query.ops()}; mark: {r.marking.ops()}; "
              f"{r.parts} part(s); found {r.found:,}, marked {r.marked:,}; "
              f"the original's unpaginated Scan saw {r.first_page:,} items")  # fmt: skip
    query_ratio = max((r.query.items_read - r.entries) / r.due for r in rows)
    entry_ratio = max(r.entries / r.due for r in rows)
    run_ratio = max(r.run_read / r.due for r in rows)
    complete = all(r.found == r.due == r.marked for r in rows)
    largest = [r for r in rows if r.tracked == rows[-1].tracked and INDEXES[r.index] == "KEYS_ONLY"][-1]
    fewer = largest.scan.items_read / largest.run_read
    verdict = {True: "PASS", False: "FAIL"}
    print(f"every due item found and marked, through either index: {verdict[complete]}")
    print(f"reconcile + notify rows read / due items, worst size: {query_ratio:.2f} (target <= {READ_TARGET}): "
          f"{verdict[query_ratio <= READ_TARGET]}; keys-only entries read / due: {entry_ratio:.2f}")  # fmt: skip
    print(f"whole run rows read / due items, worst size: {run_ratio:.2f} (target <= {READ_TARGET}): "
          f"{verdict[run_ratio <= READ_TARGET]} (mark writes the rows that came whole)")  # fmt: skip
    print(f"full Scan rows / daily run rows at {largest.tracked:,} through {largest.index!r}: {fewer:.0f}x "
          f"(target >= {SCAN_TARGET}x): {verdict[fewer >= SCAN_TARGET]}")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    """Measure every size, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tracked", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--due-share", type=float, default=0.01, help="share of tracked resources that are due")
    parser.add_argument("--due", type=int, help="due resources at every size (overrides --due-share)")
    args = parser.parse_args(argv)
    _wiring.logger.setLevel(logging.WARNING)  # the handlers' INFO line per step would bury the table; warnings stay

    start_moto()
    # Validation of 100,000 seeded items costs more than moto's own work; the requests themselves are unchanged.
    client = boto3.client("dynamodb", config=Config(parameter_validation=False))
    sizes = [(n, args.due or max(1, round(n * args.due_share))) for n in sorted(args.tracked)]
    rows = [row for n, due in sizes for row in measure(client, n, due)]
    report(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
