"""One flat, JSON-friendly row per record, shared by the persistent stores so their encodings cannot drift.

Every value in a row is a ``str``, an ``int`` or ``None``. Times are UTC ISO 8601 strings of one fixed width
(``2024-05-01T09:30:00.000000Z``), so comparing the strings compares the instants: SQLite indexes and DynamoDB
sort keys order them correctly. Tags, details and the sorted list of sources are compact JSON text.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from leftovers.core.model import Resource, ResourceKey

KEY_COLUMNS = ("account", "region", "resource_type", "resource_id")
TIME_COLUMNS = (
    "created_at",
    "latest_created_at",
    "deleted_at",
    "attrs_at",
    "first_notified_at",
    "last_notified_at",
    "next_due_at",
    "expires_at",
)
COLUMNS = (
    *KEY_COLUMNS,
    "name",
    "arn",
    "tags",
    *TIME_COLUMNS,
    "notify_count",
    "sources",
    "created_by",
    "created_for_by",
    "details",
    "version",
    "active",
)
"""Every column of a row, in one fixed order (``active`` is derived: stores index it, ``from_row`` ignores it)."""

_EMPTY_MAP = "{}"
_dumps = json.JSONEncoder(separators=(",", ":"), sort_keys=True, ensure_ascii=False).encode


def encode_time(value: datetime | None) -> str | None:
    """A fixed-width UTC ISO 8601 string; naive datetimes are refused (their instant is unknown)."""
    if value is None:
        return None
    if value.tzinfo is not UTC:
        if value.utcoffset() is None:
            raise ValueError(f"naive datetime cannot be stored: {value!r}")
        value = value.astimezone(UTC)
    return value.replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def decode_time(text: str | None) -> datetime | None:
    """Inverse of ``encode_time``: an aware UTC datetime."""
    return None if text is None else datetime.fromisoformat(text)


def to_row(r: Resource) -> dict[str, Any]:
    """The row for a record (its ``version`` as given: the store decides what version it writes)."""
    k = r.key
    t = encode_time
    return {
        "account": k.account,
        "region": k.region,
        "resource_type": k.resource_type,
        "resource_id": k.resource_id,
        "name": r.name,
        "arn": r.arn,
        "tags": _dumps(dict(r.tags)) if r.tags else _EMPTY_MAP,
        "created_at": t(r.created_at),
        "latest_created_at": t(r.latest_created_at),
        "deleted_at": t(r.deleted_at),
        "attrs_at": t(r.attrs_at),
        "first_notified_at": t(r.first_notified_at),
        "last_notified_at": t(r.last_notified_at),
        "next_due_at": t(r.next_due_at),
        "expires_at": t(r.expires_at),
        "notify_count": r.notify_count,
        "sources": _dumps(sorted(r.sources)),
        "created_by": r.created_by,
        "created_for_by": r.created_for_by,
        "details": _dumps(dict(r.details)) if r.details else _EMPTY_MAP,
        "version": r.version,
        "active": int(r.active),
    }


def from_row(row: Mapping[str, Any]) -> Resource:
    """The record a row encodes (unknown extra keys, such as a store's own attributes, are ignored)."""
    t = decode_time
    return Resource(
        key=ResourceKey(row["account"], row["region"], row["resource_type"], row["resource_id"]),
        name=row["name"],
        arn=row["arn"],
        tags=_load_map(row["tags"]),
        created_at=t(row["created_at"]),
        latest_created_at=t(row["latest_created_at"]),
        deleted_at=t(row["deleted_at"]),
        attrs_at=t(row["attrs_at"]),
        first_notified_at=t(row["first_notified_at"]),
        last_notified_at=t(row["last_notified_at"]),
        next_due_at=t(row["next_due_at"]),
        expires_at=t(row["expires_at"]),
        notify_count=int(row["notify_count"]),
        sources=frozenset(json.loads(row["sources"])),
        created_by=row["created_by"],
        created_for_by=row["created_for_by"],
        details=_load_map(row["details"]),
        version=int(row["version"]),
    )


def _load_map(text: str) -> dict[str, Any]:
    # Most records have no tags or details: skip the JSON parser for the common empty case.
    return {} if text == _EMPTY_MAP else dict(json.loads(text))
