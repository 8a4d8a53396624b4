"""Ingest burst on DynamoDB: Config events through the real SQS batch handler, DynamoDB requests counted by type.

10,000 real-format Config events (bench/ingest.py's generator), 10% of them delivered twice (SQS and EventBridge
deliver at least once), shuffled, go to ``leftovers.handlers.ingest.handler`` as Lambda's SQS batch events of the
template's batch size. The table is built from template.yaml on a moto server over HTTP; a botocore ``after-call``
hook on the store's own client counts every request, and which message it was made for, so a duplicate's writes
are seen apart from a first delivery's.

    .venv/bin/python bench/ingest_sqs.py [--events 10000] [--duplicates 0.1]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent)]  # _moto (the benchmarks' moto server and meter), tests.support

import boto3  # noqa: E402

from _capacity import PROJECTIONS, Capacity, watch  # noqa: E402
from _moto import Meter, metered, start_moto  # noqa: E402
from leftovers.adapters.stores.dynamodb.schema import DUE_INDEX  # noqa: E402
from tests.support.moto_server import create_table_from_template, load_template  # noqa: E402

WRITES = frozenset({"PutItem", "TransactWriteItems", "UpdateItem", "BatchWriteItem"})
READS = frozenset({"GetItem", "BatchGetItem", "Query", "Scan"})
QUEUE_ARN = "arn:aws:sqs:ap-northeast-1:123456789012:leftovers-ingest"
BASELINE_PER_EVENT = 1.73  # one BatchGetItem per message, before the batch was read at once
TARGET_PER_EVENT = 0.83  # one BatchGetItem per SQS batch, then the conditional puts (issue 16)
BASELINE_WRITE_UNITS = 1.41  # issue 16: the due index projected every attribute
TARGET_WRITE_UNITS = 1.25  # issue 16: ~1.2 with a keys-only (or narrower) projection
SHIPPED = "KEYS_ONLY"
RATE_TARGET = 50  # events/s for one function instance: MaximumConcurrency 5 then drains 10,000 in ~40 s


def generator() -> Callable[..., list[str]]:
    """bench/ingest.py's synthetic Config events (bench/ is not a package, so load it by path)."""
    spec = importlib.util.spec_from_file_location("bench_ingest_generator", BENCH / "ingest.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    synthetic: Callable[..., list[str]] = module.synthetic_events
    return synthetic


def burst(events: int, duplicates: float, seed: int = 11) -> list[tuple[str, str, bool]]:
    """(message id, body, is a repeat) for ``events`` deliveries, ``duplicates`` of them repeats, shuffled."""
    rng = random.Random(seed)
    repeats = int(events * duplicates)
    bodies = generator()(events - repeats, seed=seed)
    deliveries = [(b, False) for b in bodies] + [(b, True) for b in rng.choices(bodies, k=repeats)]
    rng.shuffle(deliveries)
    # A repeat is the same EventBridge event in a new SQS message; "repeat" means a later delivery of its body.
    seen: set[str] = set()
    out = []
    for n, (body, _) in enumerate(deliveries):
        out.append((f"msg-{n:06d}", body, body in seen))
        seen.add(body)
    return out


def sqs_event(batch: list[tuple[str, str, bool]]) -> dict[str, Any]:
    """The event Lambda's SQS poller gives the function (the fields the handler and Powertools read)."""
    return {
        "Records": [
            {"messageId": mid, "receiptHandle": f"rh-{mid}", "body": body, "attributes": {}, "messageAttributes": {},
             "md5OfBody": "", "eventSource": "aws:sqs", "eventSourceARN": QUEUE_ARN, "awsRegion": "ap-northeast-1"}
            for mid, body, _ in batch
        ]
    }  # fmt: skip


def report(meter: Meter, repeat_writes: int, events: int, repeats: int, batch_size: int, failures: int,
           elapsed: float) -> None:  # fmt: skip
    """Requests per event by kind, and throughput, each beside its target."""
    verdict = {True: "PASS", False: "FAIL"}
    writes, reads, total = meter.count(WRITES), meter.count(READS), meter.total
    first_writes = writes - repeat_writes
    first = events - repeats
    rate = events / elapsed
    print(f"ingest burst: {events:,} Config events ({repeats:,} repeated deliveries), shuffled, in SQS batches of "
          f"{batch_size}, through the ingest handler into DynamoDB (moto server over HTTP)")  # fmt: skip
    print(f"  requests: {total:,} ({meter.ops()})")
    per_event = total / events
    print(f"  requests per event: {per_event:.2f} (baseline {BASELINE_PER_EVENT}, one BatchGetItem per message; "
          f"target <= {TARGET_PER_EVENT}): {verdict[per_event <= TARGET_PER_EVENT]}")  # fmt: skip
    print(f"  reads per event: {reads / events:.2f} (one BatchGetItem per SQS batch; items read "
          f"{meter.items_read:,})")  # fmt: skip
    print(f"  conditional writes per event: {writes / events:.2f}; per first delivery: {first_writes / first:.2f} "
          f"(target <= 1): {verdict[first_writes <= first]}")  # fmt: skip
    print(f"  writes by repeated deliveries: {repeat_writes} of {repeats:,} (target 0): "
          f"{verdict[repeat_writes == 0]}")  # fmt: skip
    print(f"  failed messages: {failures} (target 0): {verdict[failures == 0]}")
    print(f"  one function instance: {rate:,.0f} events/s, {elapsed:.1f} s (target >= {RATE_TARGET}/s): "
          f"{verdict[rate >= RATE_TARGET]}")  # fmt: skip


def report_units(capacity: Capacity, events: int) -> None:
    """Write units per event under each candidate projection of the due index, from this one run's writes."""
    verdict = {True: "PASS", False: "FAIL"}
    print(f"  write units per event (table + due index, priced from the items as DynamoDB bills; baseline "
          f"{BASELINE_WRITE_UNITS} with ALL, target <= {TARGET_WRITE_UNITS}):")  # fmt: skip
    for projection in PROJECTIONS:
        per_event = capacity.write_units(projection) / events
        index = capacity.index_writes[projection] / events
        shipped = f" (template.yaml's {DUE_INDEX!r}): {verdict[per_event <= TARGET_WRITE_UNITS]}"
        table = capacity.table_writes / events
        print(f"    {projection:<31} {per_event:.2f} = {table:.2f} table + {index:.2f} index ({index / table:.2f} per "
              f"table write unit){shipped if projection == SHIPPED else ''}")  # fmt: skip
    print(f"  read units per event: {capacity.read_units / events:.2f} (consistent BatchGetItem, 1 per item <= 4 KB)")


def main(argv: list[str] | None = None) -> int:
    """Deliver the burst, print requests per event and events/second beside their targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--duplicates", type=float, default=0.1, help="share of deliveries that are repeats")
    args = parser.parse_args(argv)

    start_moto()
    table = create_table_from_template(f"leftovers-burst-{os.getpid()}", client=boto3.client("dynamodb"))
    os.environ.update(LEFTOVERS_STORE=f"dynamodb://{table}", LEFTOVERS_TIMEZONE="Asia/Tokyo")
    from leftovers.handlers import _wiring, ingest

    _wiring.current.cache_clear()
    handler = _wiring.log_handler  # the function logs each message (JSON): formatted, not printed
    with open(os.devnull, "w") as devnull:
        stdout = handler.setStream(devnull)
        try:
            measure(args.events, args.duplicates, ingest, _wiring, table)
        finally:
            handler.setStream(stdout)
    return 0


def measure(events: int, duplicates: float, ingest: Any, wiring: Any, table: str) -> None:
    """Run the burst through the handler and print the figures."""
    deliveries = burst(events, duplicates)
    repeats = sum(1 for d in deliveries if d[2])
    batch_size = int(load_template()["Resources"]["IngestFunction"]["Properties"]["Events"]["Queue"]["Properties"]
                     ["BatchSize"])  # fmt: skip
    client = wiring.current().store.client
    meter = metered(client)
    capacity = watch(client, Capacity())
    original = ingest.fold_message
    flags = {mid: repeat for mid, _, repeat in deliveries}
    repeat_writes = 0

    def attributed(parsed: Any, message_id: str, recent: Any) -> list[str]:
        nonlocal repeat_writes
        before = meter.count(WRITES)
        try:
            return list(original(parsed, message_id, recent))
        finally:
            repeat_writes += (meter.count(WRITES) - before) if flags[message_id] else 0

    ingest.fold_message = attributed  # the handler looks it up per message: its writes are attributed
    failures = 0
    began = time.perf_counter()
    try:
        for start in range(0, len(deliveries), batch_size):
            reply = ingest.handler(sqs_event(deliveries[start : start + batch_size]), None)
            failures += len(reply["batchItemFailures"])
    finally:
        elapsed = time.perf_counter() - began
        ingest.fold_message = original
        client.meta.events.unregister("after-call.dynamodb", unique_id="bench-meter")
        watch(client, Capacity())  # the clean-up is not priced
        client.delete_table(TableName=table)

    report(meter, repeat_writes, events, repeats, batch_size, failures, elapsed)
    report_units(capacity, events)
    return 0


if __name__ == "__main__":
    sys.exit(main())
