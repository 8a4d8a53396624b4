"""CloudTrail's event history (LookupEvents, the last 90 days of management events, in every account): the
records of the mapped create and delete calls only, asked by event name, region by region.

LookupEvents takes one attribute per call and answers at most 2 calls a second per account and region, so each
region gets its own limiter and its own thread; a throttled call waits and is asked again, never skipped silently.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from leftovers.adapters.inventory.clients import ACCESS_DENIED, THROTTLED, ClientFactory, RateLimiter, error_code
from leftovers.core.errors import InventoryError

CALLS_PER_SECOND = 2.0  # LookupEvents' quota per account and region
THROTTLE_RETRIES = 6  # after botocore's own retries; waits 1, 2, 4 ... seconds
MAX_THREADS = 8
Progress = Callable[[str, str, int], None]
"""Called after each (region, event name) is done, with how many records it found."""


@dataclass(frozen=True, slots=True)
class Found:
    """One record of the event history, where it came from, or why it could not be read."""

    location: str
    record: Any = None
    error: str | None = None


@dataclass
class EventHistory:
    """Pages through LookupEvents for given event names in given regions."""

    factory: ClientFactory
    limiter: Callable[[], RateLimiter] = lambda: RateLimiter(CALLS_PER_SECOND)
    sleep: Callable[[float], None] = time.sleep
    progress: Progress = lambda region, name, found: None
    calls: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def records(self, regions: Iterable[str], names: Iterable[str], start: datetime, end: datetime) -> Iterator[Found]:
        """Every record of the named calls between ``start`` and ``end``, region after region (asked in parallel)."""
        wanted = sorted(names)
        chosen = list(regions)
        with ThreadPoolExecutor(max_workers=max(1, min(MAX_THREADS, len(chosen)))) as pool:
            for found in pool.map(lambda region: self._region(region, wanted, start, end), chosen):
                yield from found

    def _region(self, region: str, names: list[str], start: datetime, end: datetime) -> list[Found]:
        client, limiter = self.factory("cloudtrail", region), self.limiter()
        found: list[Found] = []
        for name in names:
            before = len(found)
            params: dict[str, Any] = {
                "LookupAttributes": [{"AttributeKey": "EventName", "AttributeValue": name}],
                "StartTime": start,
                "EndTime": end,
                "MaxResults": 50,
            }
            while True:
                page = self._call(client, limiter, region, params)
                found.extend(_record(region, event) for event in page.get("Events", []))
                if not page.get("NextToken"):
                    break
                params = {**params, "NextToken": page["NextToken"]}
            self.progress(region, name, len(found) - before)
        return found

    def _call(self, client: Any, limiter: RateLimiter, region: str, params: dict[str, Any]) -> dict[str, Any]:
        for attempt in range(THROTTLE_RETRIES + 1):
            limiter.wait()
            with self._lock:
                self.calls += 1
            try:
                page: dict[str, Any] = client.lookup_events(**params)
                return page
            except ClientError as exc:
                code = error_code(exc)
                if code in ACCESS_DENIED:
                    raise InventoryError(f"cloudtrail:LookupEvents: access denied in {region}") from None
                if code not in THROTTLED or attempt == THROTTLE_RETRIES:
                    raise InventoryError(f"cloudtrail:LookupEvents in {region}: {code}") from None
                self.sleep(2.0**attempt)
            except BotoCoreError as exc:
                raise InventoryError(f"cannot ask cloudtrail in {region}: {exc}") from None
        raise AssertionError("unreachable")


def _record(region: str, event: dict[str, Any]) -> Found:
    location = f"LookupEvents {region} {event.get('EventId', '?')}"
    try:
        record = json.loads(event.get("CloudTrailEvent") or "null")
    except ValueError as exc:
        return Found(location, error=f"CloudTrailEvent is not JSON ({exc})")
    if not isinstance(record, dict):
        return Found(location, error="CloudTrailEvent is not a JSON object")
    return Found(location, record)


def enabled_regions(factory: ClientFactory, home: str) -> list[str]:
    """The regions enabled in the account (EC2 DescribeRegions answers only those by default)."""
    try:
        answer = factory("ec2", home).describe_regions()
    except ClientError as exc:
        raise InventoryError(f"cannot list the account's regions: ec2:DescribeRegions {error_code(exc)}") from None
    except BotoCoreError as exc:
        raise InventoryError(f"cannot list the account's regions: {exc}") from None
    return sorted(r["RegionName"] for r in answer.get("Regions", []))
