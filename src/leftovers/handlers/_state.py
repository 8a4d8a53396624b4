"""What crosses Step Functions steps: records as rows by column name, never by position.

An execution in flight during a deploy that adds, drops or reorders columns must not decode a row wrongly: each
value travels under its column's name, a missing column reads as empty, and a row that still does not decode (or
is not a row at all) makes the receiving step read the table instead of trusting it.

Lists of rows travel packed (JSON, deflated, base64): rows repeat their column names and most of their values, so a
packed list is several times smaller, and a daily run of a thousand due resources fits one step's 256 KB state.
"""

from __future__ import annotations

import base64
import binascii
import json
import zlib
from collections.abc import Iterable, Sequence
from typing import Any

from leftovers.adapters.stores.codec import COLUMNS, from_row, to_row
from leftovers.core.model import Resource, ResourceKey

Row = dict[str, Any]
# Not tags: a missing tags column is NULL (never stated), which differs from "{}" (stated: none).
_EMPTY: Row = {"details": "{}", "sources": "[]", "notify_count": 0, "version": 0}
_NONE: Row = {**dict.fromkeys(COLUMNS), **_EMPTY}
_LEFT_OUT = frozenset({"active"})  # derived: the stores index it, a record does not carry it
MAX_UNPACKED = 64 * 2**20  # a packed text never inflates past this (the state holds 256 KB of it at most)


def row_out(record: Resource) -> Row:
    """A record's stored row by column name, empty values left out (the state has 256 KB for everything)."""
    return {k: v for k, v in to_row(record).items() if v is not None and k not in _LEFT_OUT and _EMPTY.get(k) != v}


def pack(rows: Sequence[Row]) -> str:
    """Rows as one packed text for the state."""
    text = json.dumps(list(rows), separators=(",", ":"), ensure_ascii=False).encode()
    return base64.b64encode(zlib.compress(text, 6)).decode("ascii")


def unpack(value: object) -> object:
    """Inverse of ``pack``; anything else is returned as it is (None for a text that is not packed rows)."""
    if not isinstance(value, str):
        return value
    try:
        inflater = zlib.decompressobj()
        text = inflater.decompress(base64.b64decode(value, validate=True), MAX_UNPACKED)
        return None if inflater.unconsumed_tail else json.loads(text)
    except (binascii.Error, zlib.error, ValueError):
        return None


def packed_rows_in(value: object) -> list[Resource] | None:
    """The records of a ``pack``-ed list of rows, or None (read the table)."""
    return rows_in(unpack(value))


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


def part_size(keys: Iterable[ResourceKey], records: Sequence[Resource]) -> int:
    """Bytes in the state of these keys (a list) and these records (packed rows)."""
    return sum(size(str(k)) for k in keys) + (size(pack([row_out(r) for r in records])) if records else 0)


def row_size(record: Resource) -> int:
    """Bytes of one record's row, unpacked."""
    return size(row_out(record))
