"""The CloudTrail call table: (event source, event name) -> the rows that say what the call did.

The rows live in one module per service family; this module joins them and answers look-ups.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from leftovers.adapters.sources import (
    cloudtrail_table_analytics,
    cloudtrail_table_compute,
    cloudtrail_table_ec2,
    cloudtrail_table_platform,
    cloudtrail_table_storage,
)
from leftovers.adapters.sources.cloudtrail_paths import values_or_empty
from leftovers.adapters.sources.cloudtrail_table_base import TrailCall

CALLS: tuple[TrailCall, ...] = (
    *cloudtrail_table_ec2.CALLS,
    *cloudtrail_table_compute.CALLS,
    *cloudtrail_table_storage.CALLS,
    *cloudtrail_table_analytics.CALLS,
    *cloudtrail_table_platform.CALLS,
)


def _index(calls: tuple[TrailCall, ...]) -> dict[tuple[str, str], tuple[TrailCall, ...]]:
    index: dict[tuple[str, str], tuple[TrailCall, ...]] = {}
    for call in calls:
        key = (call.source, call.event)
        rows = index.get(key, ())
        if rows and rows[-1].when is None:
            raise ValueError(f"{key}: a row without 'when' must come last")  # it would hide the rows after it
        index[key] = (*rows, call)
    return index


TABLE = _index(CALLS)


def match(record: Mapping[str, Any]) -> TrailCall | None:
    """The row for this CloudTrail record's call, or ``None`` when the call is not mapped."""
    rows = TABLE.get((str(record.get("eventSource")), str(record.get("eventName"))), ())
    return next((row for row in rows if row.when is None or values_or_empty(record, row.when)), None)


def covered_types() -> dict[str, list[str]]:
    """Resource type -> the API calls (event names) that create or delete it, for docs and ``leftovers sources``."""
    covered: dict[str, set[str]] = {}
    for call in CALLS:
        covered.setdefault(call.resource_type, set()).add(call.event)
    return {rtype: sorted(events) for rtype, events in sorted(covered.items())}
