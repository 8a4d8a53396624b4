"""Cost model of organization mode: the central account's monthly bill and what each member account pays.

Every member account forwards its events from each region to the central bus: EventBridge bills an event sent to
another account's bus as a custom event ($1.00 per million), to the sending account; AWS service events on each
member's default bus, rule matching included, stay free. The central account then runs the single-account bill
(bench/_running_cost.py) over the whole organization's events; its reconcile step also assumes one role per
account (STS and Organizations calls are free; the Lambda time is not: REASSUME_MS per account, an estimate).

    .venv/bin/python bench/org_cost_model.py [--accounts 100] [--regions 4] [--events-per-day 50]
                                             [--tracked-per-account-region 50] [--source config|cloudtrail]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from _running_cost import Price, Workload, forgotten_elastic_ip, monthly_bill, prices_from  # noqa: E402
from cost_model import deployed  # noqa: E402

PRICES = ROOT / "bench" / "aws_prices.json"
CROSS_ACCOUNT = Price(1.00, 1_000_000, "events")
"""EventBridge: events delivered to a bus in another account, billed to the sender as custom events, us-east-1
list price (https://aws.amazon.com/eventbridge/pricing/, checked 2026-11-30). Inter-region data transfer of a
~3 KB event (about $0.02/GB) adds under a tenth of a cent a month per member region at these volumes: left out."""
ASSUME_MS = 250.0  # per account and run: AssumeRole plus new clients (estimate, not measured)


def member_monthly(regions: int, events_per_day: float, days: float) -> tuple[float, float]:
    """(events forwarded, USD) a month for one member account."""
    events = regions * events_per_day * days
    return events, events / CROSS_ACCOUNT.per * CROSS_ACCOUNT.usd


def main(argv: list[str] | None = None) -> int:
    """Print the central bill, the member's share, and the cost per account against one forgotten Elastic IP."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=100)
    parser.add_argument("--regions", type=int, default=4)
    parser.add_argument("--events-per-day", type=float, default=50.0, help="per account and region")
    parser.add_argument("--tracked-per-account-region", type=int, default=50)
    parser.add_argument("--due-fraction", type=float, default=0.01)
    parser.add_argument("--source", choices=("config", "cloudtrail"), default="config")
    args = parser.parse_args(argv)
    data = json.loads(PRICES.read_text())
    prices, hours = prices_from(data), float(data["hours_per_month"])
    places = args.accounts * args.regions
    base = deployed(Workload())  # the template's memory sizes, item size and due-index projection
    central = replace(
        base,
        events_per_day=places * args.events_per_day,
        tracked=places * args.tracked_per_account_region,
        due_fraction=args.due_fraction,
        source=args.source,
        reconcile_ms=base.reconcile_ms + args.accounts * ASSUME_MS,
    )
    bill = monthly_bill(central, prices, hours)
    eip = forgotten_elastic_ip(prices, hours)
    scale = f"{args.accounts} accounts x {args.regions} regions x {args.events_per_day:g} {args.source} events/day"
    print(f"organization cost model: {scale} = {central.events_per_day:,.0f} events/day, {central.tracked:,} tracked")
    print("  central account (the single-account bill over every member's events; events arriving on its bus from")
    print("  other accounts are billed to the sender):")
    for li in bill.lines:
        mark = "  [source: paid by each member]" if li.source_cost else ""
        print(f"    {li.service:<22} {li.quantity:>16,.1f} {li.price.unit:<22} ${li.cost():>9.2f}{mark}")
    own = bill.total(include_source=False)
    requests = sum(li.quantity for li in bill.lines if li.price.unit in ("requests", "write request units",
                                                                          "read request units"))  # fmt: skip
    print(f"    Leftovers itself, central: ${own:.2f}/month (${bill.total(True, include_source=False):.2f} with free "
          f"tiers); {requests:,.0f} Lambda/SQS/DynamoDB requests and units")  # fmt: skip
    events, member = member_monthly(args.regions, args.events_per_day, central.days_per_month)
    source = bill.total() - own
    print(f"  each member account: {events:,.0f} events forwarded cross-account/month = ${member:.4f}/month"
          f" (+ its own event source: ${source / args.accounts:.2f}/month if it does not record already)")
    per_account = own / args.accounts + member
    print(f"  Leftovers per account (central share + member): ${per_account:.4f}/month; whole organization "
          f"${own + member * args.accounts:.2f}/month")
    ok = per_account < eip
    print(f"  per account it is {per_account / eip:.1%} of one forgotten Elastic IP (${eip:.2f}; target < 100%): "
          f"{'PASS' if ok else 'FAIL'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
