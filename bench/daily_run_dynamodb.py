"""Daily-run cost on DynamoDB: requests and items read by the run, next to a full Scan of the same table.

The table (built from template.yaml's definition) lives on a moto server over HTTP. moto's ConsumedCapacity is
fake, so the figures are what DynamoDB bills by: requests, and items read (``ScannedCount`` for Query/Scan, items
returned for BatchGetItem). The run is the same code the state machine runs: the notify step's due Query, then
the mark step's BatchGetItem and conditional writes.

    .venv/bin/python bench/daily_run_dynamodb.py [--tracked 10000] [--due 100]
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.support.moto_server: the shared moto server (with its transaction fix)

import boto3  # noqa: E402

from leftovers.adapters.notifiers.terminal import TerminalNotifier  # noqa: E402
from leftovers.adapters.stores.dynamodb import DynamoDBStore, create_table, encode  # noqa: E402
from leftovers.core.deadlines import Schedule, with_deadline  # noqa: E402
from leftovers.core.model import Resource, ResourceKey  # noqa: E402
from leftovers.service.notify import build_digest, mark, send  # noqa: E402
from tests.support.moto_server import shared_server  # noqa: E402

AT = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)
SCHEDULE = Schedule()


@dataclass
class Meter:
    """Counts DynamoDB requests and items read, from botocore's parsed responses."""

    requests: Counter[str] = field(default_factory=Counter)
    scanned: int = 0
    returned: int = 0

    def __call__(self, parsed: dict[str, Any], model: Any, **_: Any) -> None:
        self.requests[model.name] += 1
        if "ScannedCount" in parsed:
            self.scanned += parsed["ScannedCount"]
            self.returned += parsed["Count"]
        for items in parsed.get("Responses", {}).values():  # BatchGetItem reads exactly what it returns
            self.scanned += len(items)
            self.returned += len(items)

    def line(self, label: str) -> str:
        reqs = ", ".join(f"{n} {op}" for op, n in sorted(self.requests.items()))
        total = sum(self.requests.values())
        return f"{label:<34} {total:>9} {self.scanned:>12,} {self.returned:>10,}   ({reqs})"


def metered(client: Any) -> Meter:
    """Attach a fresh meter to the client (replacing any earlier one)."""
    meter = Meter()
    client.meta.events.unregister("after-call.dynamodb", unique_id="bench-meter")
    client.meta.events.register("after-call.dynamodb", meter, unique_id="bench-meter")
    return meter


def seed(client: Any, table: str, tracked: int, due: int) -> None:
    """``tracked`` active resources, ``due`` of them due at AT, the rest notified yesterday (due in 6 days)."""
    items = []
    for n in range(tracked):
        created = AT - timedelta(days=30, minutes=n)
        r = Resource(
            key=ResourceKey("123456789012", "ap-northeast-1", "AWS::EC2::Instance", f"i-{n:017x}"),
            name=f"bench-{n}",
            created_at=created,
            latest_created_at=created,
            sources=frozenset({"config"}),
        )
        if n >= due:
            yesterday = AT - timedelta(days=1)
            r = replace(r, first_notified_at=yesterday, last_notified_at=yesterday, notify_count=1)
        items.append({"PutRequest": {"Item": encode(with_deadline(r, SCHEDULE))}})
    for start in range(0, len(items), 25):
        pending: Any = {table: items[start : start + 25]}
        while pending:
            pending = client.batch_write_item(RequestItems=pending).get("UnprocessedItems") or None


def full_scan(client: Any, table: str) -> tuple[int, int]:
    """The original design: Scan everything and filter what is due (here paginated, as it should have been)."""
    params: dict[str, Any] = {"TableName": table}
    pages = first_page = 0
    while True:
        reply = client.scan(**params)
        pages += 1
        first_page = first_page or reply["ScannedCount"]
        if "LastEvaluatedKey" not in reply:
            return pages, first_page
        params["ExclusiveStartKey"] = reply["LastEvaluatedKey"]


def main(argv: list[str] | None = None) -> None:
    """Seed, run the daily steps, scan, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tracked", type=int, default=10_000)
    parser.add_argument("--due", type=int, default=100)
    args = parser.parse_args(argv)

    server = shared_server()
    os.environ.update(AWS_ENDPOINT_URL=server.url, AWS_ACCESS_KEY_ID="bench", AWS_SECRET_ACCESS_KEY="bench")
    os.environ.setdefault("AWS_DEFAULT_REGION", "ap-northeast-1")
    client = boto3.client("dynamodb")
    table = f"leftovers-bench-{args.tracked}"
    create_table(client, table)
    seed(client, table, args.tracked, args.due)
    store = DynamoDBStore(table, client=client)

    find = metered(client)
    digest = build_digest(store, AT, "Asia/Tokyo")
    result = send(TerminalNotifier(io.StringIO()), digest)
    marking = metered(client)
    mark(store, result.sent, AT, SCHEDULE)
    scan = metered(client)
    pages, first_page = full_scan(client, table)
    metered(client)  # the clean-up is not part of the baseline
    client.delete_table(TableName=table)

    run_requests = sum(find.requests.values()) + sum(marking.requests.values())
    run_read = find.scanned + marking.scanned
    print(f"Daily run over {args.tracked:,} tracked resources, {args.due:,} due (moto server over HTTP)")
    print(f"{'':<34} {'requests':>9} {'items read':>12} {'returned':>10}")
    print(find.line("notify: due Query (sparse index)"))
    print(marking.line("mark: load + conditional writes"))
    print(f"{'daily run, total':<34} {run_requests:>9} {run_read:>12,}")
    print(scan.line("baseline: full Scan, paginated"))
    print(f"due found: {len(digest.entries):,}; marked: {len(result.sent):,}")
    print(f"items read by the due Query / due items: {find.scanned / max(1, args.due):.2f} (target <= 1.2)")
    print(f"full Scan reads {scan.scanned / max(1, find.scanned):,.0f}x the items of the due Query, in {pages} pages")
    print(f"the original's unpaginated Scan would have seen only the first page: {first_page:,} items")


if __name__ == "__main__":
    main()
