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

    .venv/bin/python bench/daily_run_dynamodb.py [--tracked 1000 10000 100000] [--due-share 0.01 | --due N]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # _moto: the benchmarks' moto server and meter

import boto3
from botocore.config import Config

from _moto import Meter, metered, start_moto
from leftovers.adapters.leases.dynamodb import DynamoDBRunLease
from leftovers.adapters.notifiers.terminal import TerminalNotifier
from leftovers.adapters.stores.dynamodb import DynamoDBStore
from leftovers.adapters.stores.dynamodb.items import encode
from leftovers.adapters.stores.dynamodb.schema import create_table
from leftovers.core.deadlines import Schedule, with_deadline
from leftovers.core.inventory import Presence, Verdict
from leftovers.core.model import Resource, ResourceKey
from leftovers.handlers import _wiring, mark, notify, reconcile
from leftovers.settings import Settings

AT = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)
SCHEDULE = Schedule()
READ_TARGET = 1.2  # items read / due items
SCAN_TARGET = 50  # full-Scan items / daily-run items, at the largest size


def seed(client: Any, table: str, tracked: int, due: int) -> None:
    """``tracked`` active resources, ``due`` of them due at AT, the rest notified yesterday (due in 6 days).

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
        items.append({"PutRequest": {"Item": encode(with_deadline(r, SCHEDULE))}})
    for start in range(0, len(items), 25):
        pending: Any = {table: items[start : start + 25]}
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
    the marking, what was found due and marked, and the parts."""
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
    reading, marking = Meter(), Meter()
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
    attach(client, Meter())
    return reading, marking, found, marked, parts


def attach(client: Any, meter: Meter) -> None:
    """Count the client's next requests on ``meter``."""
    client.meta.events.unregister("after-call.dynamodb", unique_id="bench-meter")
    client.meta.events.register("after-call.dynamodb", meter, unique_id="bench-meter")


@dataclass(frozen=True)
class Row:
    """The figures for one table size."""

    tracked: int
    due: int
    found: int
    marked: int
    parts: int
    query: Meter
    marking: Meter
    scan: Meter
    first_page: int

    @property
    def run_requests(self) -> int:
        """Requests of the daily run (both steps)."""
        return self.query.total + self.marking.total

    @property
    def run_read(self) -> int:
        """Items read by the daily run (both steps)."""
        return self.query.items_read + self.marking.items_read


def measure(client: Any, tracked: int, due: int) -> Row:
    """Seed a fresh table, run both daily steps and the full Scan, each under its own meter."""
    table = f"leftovers-bench-{tracked}-{os.getpid()}"
    create_table(client, table)
    seed(client, table, tracked, due)
    lease_table = f"{table}-lease"
    client.create_table(TableName=lease_table, BillingMode="PAY_PER_REQUEST",
                        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
                        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}])  # fmt: skip
    settings = Settings.load(env={"LEFTOVERS_STORE": f"dynamodb://{table}", "LEFTOVERS_TIMEZONE": "Asia/Tokyo"})
    wiring = _wiring.Wiring(settings, DynamoDBStore(table, client=client), None,
                            DynamoDBRunLease(lease_table, client=client))  # fmt: skip
    object.__setattr__(wiring, "notifier", lambda: TerminalNotifier(io.StringIO()))
    query, marking, found, marked, parts = daily_run(wiring, client)
    scan = metered(client)
    first_page = full_scan(client, table)
    metered(client)  # the clean-up is not part of the baseline
    client.delete_table(TableName=table)
    client.delete_table(TableName=lease_table)
    return Row(tracked, due, found, marked, parts, query, marking, scan, first_page)


def report(rows: list[Row]) -> None:
    """The table of figures, then the verdicts against the targets."""
    print("Daily run vs table size (moto server over HTTP): requests and items read")
    print(f"{'tracked':>9} {'due':>6} | {'run requests':>12} {'items read':>10} {'read/due':>8} | "
          f"{'Scan requests':>13} {'items read':>10} | {'Scan/run':>8}")  # fmt: skip
    for r in rows:
        print(f"{r.tracked:>9,} {r.due:>6,} | {r.run_requests:>12} {r.run_read:>10,} {r.run_read / r.due:>8.2f} | "
              f"{r.scan.total:>13} {r.scan.items_read:>10,} | {r.scan.items_read / r.run_read:>7.0f}x")  # fmt: skip
        print(f"{'':>18}   reads (reconcile, notify, lease): {r.query.ops()}; mark: {r.marking.ops()}; "
              f"{r.parts} part(s); found {r.found:,}, marked {r.marked:,}; "
              f"the original's unpaginated Scan saw {r.first_page:,} items")  # fmt: skip
    query_ratio = max(r.query.items_read / r.due for r in rows)
    run_ratio = max(r.run_read / r.due for r in rows)
    complete = all(r.found == r.due == r.marked for r in rows)
    largest = rows[-1]
    fewer = largest.scan.items_read / largest.run_read
    verdict = {True: "PASS", False: "FAIL"}
    print(f"every due item found and marked: {verdict[complete]}")
    print(f"reconcile + notify items read / due items, worst size: {query_ratio:.2f} (target <= {READ_TARGET}): "
          f"{verdict[query_ratio <= READ_TARGET]}")  # fmt: skip
    print(f"whole run items read / due items, worst size: {run_ratio:.2f} (target <= {READ_TARGET}): "
          f"{verdict[run_ratio <= READ_TARGET]} (mark writes the rows that came whole)")  # fmt: skip
    print(f"full Scan items / daily run items at {largest.tracked:,}: {fewer:.0f}x (target >= {SCAN_TARGET}x): "
          f"{verdict[fewer >= SCAN_TARGET]}")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    """Measure every size, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tracked", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--due-share", type=float, default=0.01, help="share of tracked resources that are due")
    parser.add_argument("--due", type=int, help="due resources at every size (overrides --due-share)")
    args = parser.parse_args(argv)

    start_moto()
    # Validation of 100,000 seeded items costs more than moto's own work; the requests themselves are unchanged.
    client = boto3.client("dynamodb", config=Config(parameter_validation=False))
    rows = [measure(client, n, args.due or max(1, round(n * args.due_share))) for n in sorted(args.tracked)]
    report(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
