"""Cost model: the monthly AWS bill of running Leftovers, line by line, next to one forgotten Elastic IP.

Prices are the dated us-east-1 on-demand list prices in bench/aws_prices.json (with the model, bench-only: neither
is in the Lambda package). Memory sizes come from
template.yaml, the states per daily run from statemachine/notify.asl.json (longest path, no retries), and the item
size from the DynamoDB codec applied to the largest Config fixture. Target: Leftovers' own bill, without any free
tier, below one forgotten Elastic IP (public IPv4 at $0.005/hour).

    .venv/bin/python bench/cost_model.py [--events-per-day 2000] [--tracked 5000] [--due-fraction 0.01]
                                         [--source config|cloudtrail] [--sqs-batch 1]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from leftovers.adapters.sources import parse_event
from leftovers.adapters.stores.dynamodb.items import encode
from leftovers.core.deadlines import Schedule
from leftovers.core.lifecycle import apply

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))  # _running_cost: the model, beside this script

from _capacity import PROJECTIONS, entry, item_size  # noqa: E402
from _running_cost import Bill, Price, Workload, forgotten_elastic_ip, monthly_bill, prices_from  # noqa: E402

PRICES = ROOT / "bench" / "aws_prices.json"
FUNCTIONS = ("ingest", "notify", "mark", "reconcile")
SHIPPED = "KEYS_ONLY"  # template.yaml's due index
# Index write units per table write unit, by projection: bench/ingest_sqs.py, 10,000 events (2026-11-30). The
# index is written at every write of an indexed item under ALL; under KEYS_ONLY only when one enters, leaves or
# moves in it; under INCLUDE when a projected column changes too.
INDEX_WRITES_PER_WRITE = {"ALL": 0.94, "INCLUDE (the digest's columns)": 0.85, "KEYS_ONLY": 0.67}
# A row may be written back only whole (the mark step writes the rows it is handed), so an index without every
# attribute means reading the due rows by key, whatever it projects.
ROWS_BY_KEY = {"ALL": False, "INCLUDE (the digest's columns)": True, "KEYS_ONLY": True}
DYNAMODB = ("dynamodb_write_request_units", "dynamodb_read_request_units", "dynamodb_storage_gb_month")


class _CfnLoader(yaml.SafeLoader):
    """YAML that reads CloudFormation's short-form tags (!Ref, !GetAtt...) as plain values."""


_CfnLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def memory_sizes(template: Path) -> tuple[int, int, int, int] | None:
    """MemorySize of the ingest, notify, mark and reconcile functions in a SAM template (Globals apply), or None."""
    if not template.exists():
        return None
    doc = yaml.load(template.read_text(), Loader=_CfnLoader)  # a SafeLoader subclass: no arbitrary objects
    default = doc.get("Globals", {}).get("Function", {}).get("MemorySize", 128)
    found: dict[str, int] = {}
    for res in doc.get("Resources", {}).values():
        props = res.get("Properties") or {}
        handler = str(props.get("Handler", ""))
        for name in FUNCTIONS:
            if handler.startswith(f"leftovers.handlers.{name}."):
                found[name] = int(props.get("MemorySize", default))
    return tuple(found.get(n, default) for n in FUNCTIONS)  # type: ignore[return-value]


def longest_run(asl: Path) -> int | None:
    """States executed on the longest loop-free path of a state machine (each costs one transition), or None."""
    if not asl.exists():
        return None
    states: dict[str, Any] = json.loads(asl.read_text())["States"]

    def successors(state: dict[str, Any]) -> list[str]:
        nexts = [state.get("Next"), state.get("Default")]
        nexts += [c.get("Next") for c in state.get("Choices", []) + state.get("Catch", [])]
        return [n for n in nexts if n]

    def depth(name: str, seen: frozenset[str]) -> int:
        later = [depth(n, seen | {n}) for n in successors(states[name]) if n not in seen]
        return 1 + max(later, default=0)

    start = json.loads(asl.read_text())["StartAt"]
    return depth(start, frozenset({start}))


def largest_item() -> dict[str, Any]:
    """The DynamoDB item (as the store encodes it) of the biggest record a Config fixture makes."""
    items: list[dict[str, Any]] = [{}]
    for path in sorted((ROOT / "tests" / "events").glob("config_*.json")):
        try:
            changes = parse_event(json.loads(path.read_text())).changes
        except ValueError:
            continue  # rejected fixtures make no record
        for change in changes:
            record, _ = apply(None, change, Schedule())
            items.append(encode(record))
    return max(items, key=item_size)


def deployed(workload: Workload, item: dict[str, Any] | None = None) -> Workload:
    """``workload`` as template.yaml deploys it: the functions' memory, the state machine's longest run, the
    largest fixture's item and the shipped due-index projection (``item`` when already worked out)."""
    item = largest_item() if item is None else item
    memory, states = memory_sizes(ROOT / "template.yaml"), longest_run(ROOT / "statemachine" / "notify.asl.json")
    workload = replace(workload, item_bytes=max(1, item_size(item)))
    if memory:
        workload = replace(workload, memory_mb=memory[:3], reconcile_memory_mb=memory[3])
    workload = replace(workload, transitions_per_run=states or workload.transitions_per_run)
    return projected(workload, item, SHIPPED)


def projected(workload: Workload, item: dict[str, Any], projection: str) -> Workload:
    """The workload with the due index under ``projection``: its entry's size, how often it is written, and
    whether the due rows are read by key."""
    indexed = {**item, "due_shard": {"S": "due"}, "next_due_at": {"S": "2026-12-01T00:00:00.000000Z"}}
    size = item_size(entry(indexed, PROJECTIONS[projection]) or {})
    return replace(workload, index_entry_bytes=size, index_writes_per_event=INDEX_WRITES_PER_WRITE[projection],
                   due_rows_by_key=ROWS_BY_KEY[projection])  # fmt: skip


def compare_projections(workload: Workload, item: dict[str, Any], prices: dict[str, Price], hours: float) -> bool:
    """The DynamoDB lines under each candidate projection of the due index; True when the shipped one is cheapest."""
    print("  due index projection, DynamoDB lines a month (no free tier; index writes per table write measured by "
          "bench/ingest_sqs.py):")  # fmt: skip
    totals = {}
    for projection in PROJECTIONS:
        w = projected(workload, item, projection)
        lines = {li.key: li for li in monthly_bill(w, prices, hours).lines}
        costs = [lines[key].cost() for key in DYNAMODB]
        totals[projection] = sum(costs)
        print(f"    {projection:<31} ${totals[projection]:.4f} = writes ${costs[0]:.4f} + reads ${costs[1]:.4f} + "
              f"storage ${costs[2]:.4f} (entry {w.index_entry_bytes} bytes"
              f"{', due rows by key' if w.due_rows_by_key else ''})")  # fmt: skip
    cheapest = min(totals, key=lambda p: totals[p])
    ok = cheapest == SHIPPED
    print(f"  cheapest: {cheapest}; template.yaml's is {SHIPPED} (target: the cheapest): {'PASS' if ok else 'FAIL'}")
    return ok


def print_bill(bill: Bill, eip: float) -> bool:
    """Print the lines and totals; True when Leftovers' own bill (no free tier) is below one Elastic IP."""
    print(f"  {'service':<22} {'quantity / month':>26}  {'no free tier':>12}  {'free tier':>10}  made of")
    for li in bill.lines:
        whole = li.quantity >= 10 or li.quantity == int(li.quantity)
        qty = f"{li.quantity:,.0f}" if whole else f"{li.quantity:,.4f}"
        print(f"  {li.service:<22} {qty + ' ' + li.price.unit:>26}  ${li.cost():>11.4f}  ${li.cost(True):>9.4f}  "
              f"{li.detail}{'  [source]' if li.source_cost else ''}")  # fmt: skip
    own, own_free = bill.total(include_source=False), bill.total(True, include_source=False)
    print(f"  Leftovers itself                                   ${own:>11.2f}  ${own_free:>9.2f}")
    print(f"  with the event source [source]                     ${bill.total():>11.2f}  ${bill.total(True):>9.2f}")
    print(f"  one forgotten Elastic IP (baseline)                ${eip:>11.2f}")
    ok = own < eip
    verdict = "PASS" if ok else "FAIL"
    print(f"  Leftovers itself is {own / eip:.0%} of one forgotten Elastic IP (target < 100%): {verdict}")
    return ok


def main(argv: list[str] | None = None) -> int:
    """Print the bill for the given workload, with and without free tiers."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events-per-day", type=float, default=2000.0)
    parser.add_argument("--tracked", type=int, default=5000)
    parser.add_argument("--due-fraction", type=float, default=0.01)
    parser.add_argument("--source", choices=("config", "cloudtrail"), default="config")
    parser.add_argument("--sqs-batch", type=float, default=1.0, help="mean messages per ingest invocation")
    parser.add_argument("--prices", type=Path, help="a price file of the same shape (default: bench/aws_prices.json)")
    args = parser.parse_args(argv)
    data = json.loads((args.prices or PRICES).read_text())
    prices, hours = prices_from(data), float(data["hours_per_month"])
    memory, states = memory_sizes(ROOT / "template.yaml"), longest_run(ROOT / "statemachine" / "notify.asl.json")
    item = largest_item()
    workload = deployed(
        Workload(events_per_day=args.events_per_day, tracked=args.tracked, due_fraction=args.due_fraction,
                 source=args.source, sqs_batch=args.sqs_batch),
        item,
    )  # fmt: skip
    print(f"cost model: {args.events_per_day:,.0f} {args.source} events/day, {args.tracked:,} tracked, "
          f"{args.due_fraction:.1%} due daily")  # fmt: skip
    memory_mb = (*workload.memory_mb, workload.reconcile_memory_mb)
    duration_ms = (*workload.duration_ms, workload.reconcile_ms)
    print(f"  {data['region']} on-demand prices checked {data['checked']}; memory MB ingest/notify/mark/reconcile "
          f"{memory_mb} ({'template.yaml' if memory else 'default'}); {workload.transitions_per_run} states "
          f"per run ({'notify.asl.json' if states else 'default'});\n  item {workload.item_bytes} bytes (codec, "
          f"largest Config fixture); ms per invocation {duration_ms}; {workload.cold_starts_per_day:g} "
          f"cold starts/day x {workload.init_ms:g} ms")  # fmt: skip
    print_bill(monthly_bill(workload, prices, hours), forgotten_elastic_ip(prices, hours))
    compare_projections(workload, item, prices, hours)
    if args.source == "config":
        print(
            "  [source] Config recording is the source's own bill: nothing more if the account already records with"
            " Config;\n  else record only the tracked types, or use --source cloudtrail (the first trail is free)."
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
