"""The CloudTrail call table: (event source, event name) -> the rows that say what the call did.

The rows are the ``calls`` of the resource registry's declarations (``leftovers.resources``); this module joins
them and answers look-ups.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from leftovers.adapters.sources.cloudtrail.paths import values_or_empty
from leftovers.core.model import ChangeKind
from leftovers.resources import TrailCall, all_calls

CALLS: tuple[TrailCall, ...] = all_calls()


def _index(calls: Iterable[TrailCall]) -> dict[tuple[str, str], tuple[TrailCall, ...]]:
    index: dict[tuple[str, str], list[TrailCall]] = {}
    for call in calls:
        index.setdefault((call.source, call.event), []).append(call)
    for key, rows in index.items():
        # Rows with a ``when`` path are tried first: a row without one matches any record and would hide them.
        rows.sort(key=lambda row: row.when is None)
        if sum(row.when is None and row.kind is not ChangeKind.UPDATED for row in rows) > 1:
            raise ValueError(f"{key}: more than one row without 'when'")
    return {key: tuple(rows) for key, rows in index.items()}


TABLE = _index(CALLS)


def match(record: Mapping[str, Any]) -> TrailCall | None:
    """The row for this CloudTrail record's call, or ``None`` when the call is not mapped."""
    rows = TABLE.get((str(record.get("eventSource")), str(record.get("eventName"))), ())
    return next((row for row in rows if row.when is None or values_or_empty(record, row.when)), None)


def matches(record: Mapping[str, Any]) -> tuple[TrailCall, ...]:
    """Every row that applies to this record (a tag call has one per type whose resources it may name)."""
    rows = TABLE.get((str(record.get("eventSource")), str(record.get("eventName"))), ())
    return tuple(row for row in rows if row.when is None or values_or_empty(record, row.when))


def covered_types() -> dict[str, list[str]]:
    """Resource type -> the API calls (event names) that create or delete it, for docs and ``leftovers sources``."""
    covered: dict[str, set[str]] = {}
    for call in CALLS:
        if call.kind is ChangeKind.UPDATED:
            continue
        covered.setdefault(call.resource_type, set()).add(call.event)
    return {rtype: sorted(events) for rtype, events in sorted(covered.items())}
