"""Who created it, for records no CloudTrail event named: CloudTrail LookupEvents, opt-in and bounded per run.

Two ways in: the CloudTrail event ids a Config item lists in ``relatedEvents`` (attribute EventId, exact), or, for
records already stored, the resource's id or name (attribute ResourceName) around its creation time. The event
found is parsed by the CloudTrail source itself, and only a creation of the very same resource key counts. The
change yielded is a CREATED captured at the record's own creation time: the lifecycle merges it into the current
incarnation, moves no time, and keeps a creator already known (the first one wins).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from leftovers.adapters.inventory.clients import (
    ACCESS_DENIED,
    ClientFactory,
    RateLimiter,
    boto3_client,
    error_code,
)
from leftovers.adapters.sources.cloudtrail.records import parse_cloudtrail_record
from leftovers.core.errors import EventRejected, InventoryError
from leftovers.core.model import ChangeKind, Resource, ResourceChange, ResourceKey

SOURCE = "lookup"
ACTIONS = ("cloudtrail:LookupEvents",)
"""The IAM actions a lookup makes (member.yaml's LookUpCreators statement is generated from this)."""
CALLS_PER_SECOND = 2.0  # LookupEvents' limit per account and region
MAX_CALLS = 50  # per run, unless told otherwise
BEFORE = timedelta(hours=1)  # Config captures an item minutes after the API call that made it
AFTER = timedelta(minutes=15)

Anchor = tuple[ResourceKey, datetime, Sequence[str]]
"""A resource, the time its creation was captured, and the CloudTrail event ids Config related to it."""


class LookupDenied(InventoryError):
    """The credentials may not call LookupEvents (in that account: the member role of an older member stack)."""


def related_event_ids(event: Mapping[str, Any]) -> list[str]:
    """The ``relatedEvents`` of a Config item change (EventBridge envelope or bare notification body)."""
    body = event.get("detail", event)
    item = body.get("configurationItem") if isinstance(body, Mapping) else None
    related = item.get("relatedEvents") if isinstance(item, Mapping) else None
    return [e for e in related if isinstance(e, str) and e] if isinstance(related, list) else []


class CloudTrailLookup:
    """Resolves creators through LookupEvents; stops quietly once ``max_calls`` calls were made."""

    def __init__(
        self, factory: ClientFactory = boto3_client, max_calls: int = MAX_CALLS, limiter: RateLimiter | None = None
    ) -> None:
        self.factory = factory
        self.max_calls = max_calls
        self.limiter = limiter or RateLimiter(CALLS_PER_SECOND)
        self.calls = 0
        self.errors = 0
        self._clients: dict[str, Any] = {}

    def creations(self, records: Sequence[Resource]) -> Iterator[ResourceChange]:
        """Creator changes for stored records, looked up by resource id, then by name."""
        for record in records:
            if record.created_at is None:
                continue
            window = {"StartTime": record.created_at - BEFORE, "EndTime": record.created_at + AFTER}
            for value in dict.fromkeys(v for v in (record.key.resource_id, record.name) if v):
                if self.calls >= self.max_calls:
                    return
                events = self._lookup(record.key.region, "ResourceName", value, window)
                found = _creation(events, record.key, record.created_at)
                if found is not None:
                    yield found
                    break

    def by_event_ids(self, anchors: Iterable[Anchor]) -> Iterator[ResourceChange]:
        """Creator changes from the exact events Config related to each creation."""
        for key, at, event_ids in anchors:
            for event_id in event_ids:
                if self.calls >= self.max_calls:
                    return
                found = _creation(self._lookup(key.region, "EventId", event_id, {}), key, at)
                if found is not None:
                    yield found
                    break

    def _lookup(self, region: str, attribute: str, value: str, window: Mapping[str, datetime]) -> list[Any]:
        if region not in self._clients:
            self._clients[region] = self.factory("cloudtrail", region)
        self.limiter.wait()
        self.calls += 1
        try:
            answer = self._clients[region].lookup_events(
                LookupAttributes=[{"AttributeKey": attribute, "AttributeValue": value}], MaxResults=50, **window
            )
        except ClientError as exc:
            if error_code(exc) in ACCESS_DENIED:
                raise LookupDenied(f"cloudtrail:LookupEvents: access denied in {region}") from None
            self.errors += 1  # throttled past botocore's retries, or a bad value: try the next one
            return []
        except BotoCoreError as exc:
            raise InventoryError(f"cannot ask cloudtrail in {region}: {exc}") from None
        events: list[Any] = answer.get("Events", [])
        return events


def _creation(events: list[Any], key: ResourceKey, at: datetime) -> ResourceChange | None:
    for event in events:
        try:
            record = json.loads(event.get("CloudTrailEvent") or "null")
            parsed = parse_cloudtrail_record(record, prefix="CloudTrailEvent") if isinstance(record, dict) else None
        except (ValueError, EventRejected):
            continue  # one malformed event must not hide the others
        for change in parsed.changes if parsed else ():
            if change.key == key and change.kind is ChangeKind.CREATED and change.created_by:
                return ResourceChange(
                    key=key,
                    kind=ChangeKind.CREATED,
                    captured_at=at,
                    source=SOURCE,
                    event_id=change.event_id,
                    created_by=change.created_by,
                    created_for_by=change.created_for_by,
                )
    return None
