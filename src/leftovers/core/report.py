"""The report row: the public JSON shape of one tracked resource (documented in the README)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any

from leftovers.core.model import Resource

EMPTY: Mapping[str, str] = MappingProxyType({})
COLUMNS = (
    "account",
    "account_name",
    "region",
    "resource_type",
    "resource_id",
    "resource_name",
    "arn",
    "created_at",
    "notify_count",
    "last_notified_at",
    "next_due_at",
)


def iso(at: datetime | None) -> str | None:
    """ISO 8601 in UTC to the second with a ``Z`` (one format for every time: ``2026-11-20T01:00:07Z``), or ``None``."""
    return None if at is None else at.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def report_row(resource: Resource, account_names: Mapping[str, str] = EMPTY) -> dict[str, Any]:
    """One resource as the ``report --format json`` object; ``account_name`` from ``account_names`` (or null)."""
    key = resource.key
    return {
        "account": key.account,
        "account_name": account_names.get(key.account),
        "region": key.region,
        "resource_type": key.resource_type,
        "resource_id": key.resource_id,
        "resource_name": resource.name,
        "arn": resource.arn,
        "created_at": iso(resource.created_at),
        "notify_count": resource.notify_count,
        "last_notified_at": iso(resource.last_notified_at),
        "next_due_at": iso(resource.next_due_at),
        "created_by": resource.created_by,
        "created_for_by": resource.created_for_by,
        "sources": sorted(resource.sources),
    }
