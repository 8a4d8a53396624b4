"""What crosses Step Functions steps: records as rows by column name, never by position.

An execution in flight during a deploy that adds, drops or reorders columns must not decode a row wrongly: each
value travels under its column's name, a missing column reads as empty, and a row that still does not decode (or
is not a row at all) makes the receiving step read the table instead of trusting it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from leftovers.adapters.stores.codec import COLUMNS, from_row, to_row
from leftovers.core.model import Resource, ResourceKey

Row = dict[str, Any]
_EMPTY: Row = {"tags": "{}", "details": "{}", "sources": "[]", "notify_count": 0, "version": 0}
_NONE: Row = {**dict.fromkeys(COLUMNS), **_EMPTY}
_LEFT_OUT = frozenset({"active"})  # derived: the stores index it, a record does not carry it


def row_out(record: Resource) -> Row:
    """A record's stored row by column name, empty values left out (the state has 256 KB for everything)."""
    return {k: v for k, v in to_row(record).items() if v is not None and k not in _LEFT_OUT and _EMPTY.get(k) != v}


def rows_in(value: object) -> list[Resource] | None:
    """The records of ``row_out`` rows; None (read the table) when any row does not decode as a record."""
    if not isinstance(value, list):
        return None
    records = []
    for row in value:
        if not isinstance(row, dict):
            return None
        try:
            record = from_row({**_NONE, **row})
        except (TypeError, ValueError, KeyError, AttributeError):
            return None
        if not all(isinstance(part, str) and part for part in record.key):
            return None
        records.append(record)
    return records


def keys_in(value: object) -> list[ResourceKey]:
    """Keys as ``str(key)`` texts (a bad one raises ValueError naming it)."""
    if not isinstance(value, list) or not all(isinstance(k, str) for k in value):
        raise ValueError(f"expected a list of resource keys, got {type(value).__name__}")
    return [ResourceKey.parse(k) for k in value]


def size(value: Any) -> int:
    """Bytes of ``value`` as JSON in the state, with the separator around it."""
    return len(json.dumps(value, ensure_ascii=False).encode()) + 2


def rows_size(records: Iterable[Resource]) -> int:
    """Bytes of these records' rows in the state."""
    return sum(size(row_out(r)) for r in records)
