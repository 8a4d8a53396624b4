"""Answering a click: how long the interactivity endpoint takes per signed request, next to Slack's 3-second limit.

A SQLite store of N tracked resources; K clicks (Keep 7 days, each on another resource, from the owner's DM) signed
as Slack signs them and handed to the same ``Endpoint`` the Lambda function and ``leftovers actions serve`` run: the
signature check, parsing, the consistent read, the conditional write and the message update's rendering (the post
to response_url is recorded in-process: its network time is Slack's and yours, not Leftovers'). Printed: median,
p95 and worst per click, and one repeated click (deduplicated: no write). Target: p95 under 300 ms, a tenth of
Slack's 3,000 ms, leaving the rest for the network and a cold start (bench/cold_start.py measures its imports).

    .venv/bin/python bench/answer_latency.py [--resources 10000] [--clicks 200]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.support: requests built as Slack builds them
from leftovers.adapters.notifiers.slack.endpoint import Endpoint
from leftovers.adapters.stores.sqlite import SQLiteStore
from leftovers.core.answers import Rules
from leftovers.core.model import Resource, ResourceKey
from leftovers.core.policy import Policy
from tests.support.slack_interactions import NOW, SECRET, click, signed

SLACK_LIMIT_MS = 3000
TARGET_P95_MS = 300


def key(n: int) -> ResourceKey:
    """The n-th synthetic resource."""
    return ResourceKey("123456789012", "ap-northeast-1", "AWS::EC2::Volume", f"vol-{n:017x}")


def main(argv: list[str] | None = None) -> int:
    """Time K clicks against a store of N resources and print the figures with their verdict."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resources", type=int, default=10_000)
    parser.add_argument("--clicks", type=int, default=200)
    args = parser.parse_args(argv)
    clicks = min(args.clicks, args.resources)
    posted: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "bench.db")
        created = datetime.fromtimestamp(NOW, UTC) - timedelta(days=10)
        for start in range(0, args.resources, 500):
            part = range(start, min(start + 500, args.resources))
            store.save([Resource(key(n), name=f"volume {n}", created_at=created) for n in part])
        endpoint = Endpoint(
            lambda: SECRET, store, Policy(timezone="Asia/Tokyo"), Rules(), clock=lambda: NOW,
            post=lambda url, body: posted.append(body), response_urls="https://hooks.slack.com/",
        )  # fmt: skip
        requests = [
            signed(click(str(key(n)), user=f"U0{n:08d}", channel=f"D0{n:08d}", action_ts=f"{NOW}.{n:06d}"))
            for n in range(clicks)
        ]
        times = []
        for headers, body in requests:
            started = time.perf_counter()
            status = endpoint.handle(headers, body).status
            times.append((time.perf_counter() - started) * 1000)
            assert status == 200, status
        started = time.perf_counter()
        endpoint.handle(*requests[0])  # the same click again: read, found recorded, nothing written
        repeat_ms = (time.perf_counter() - started) * 1000
        kept = sum(1 for r in store.scan() if r.actions)
        store.close()
    p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]
    print(f"answer latency: {clicks} clicks on a SQLite store of {args.resources:,} resources")
    print(f"  per click: median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, worst {max(times):.1f} ms; "
          f"a repeated click {repeat_ms:.1f} ms (no write)")  # fmt: skip
    print(f"  baseline  : Slack's limit {SLACK_LIMIT_MS:,} ms; p95 is {p95 / SLACK_LIMIT_MS:.1%} of it")
    recorded = kept == clicks and len(posted) == clicks
    print(f"  every click recorded once and its message updated once: {'PASS' if recorded else 'FAIL'}; "
          f"p95 under {TARGET_P95_MS} ms: {'PASS' if p95 < TARGET_P95_MS else 'FAIL'}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
