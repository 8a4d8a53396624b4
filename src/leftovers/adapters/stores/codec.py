"""One flat, JSON-friendly row per record, shared by the persistent stores so their encodings cannot drift.

Every value in a row is a ``str``, an ``int`` or ``None``. Times are UTC ISO 8601 strings of one fixed width
(``2024-05-01T09:30:00.000000Z``), so comparing the strings compares the instants: SQLite indexes and DynamoDB
sort keys order them correctly. Tags, details, the sorted list of sources and the list of creations (``[time,
created_by, created_for_by]`` each, only when there are several) are compact JSON text, and so are the answers
(``[time, by, kind, ref, until, owner]`` each; NULL when there are none). Tags never stated are
NULL, unlike ``{}`` (stated: none); rows written before that distinction hold ``{}`` for both.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any, TypeVar

import msgspec

from leftovers.adapters.stores.codec_answers import decode_answers, encode_answers
from leftovers.core.model import Creation, Resource, ResourceKey

KEY_COLUMNS = ("account", "region", "resource_type", "resource_id")
TIME_COLUMNS = (
    "created_at",
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
    "creations",
    "notify_count",
    "sources",
    "created_by",
    "created_for_by",
    "details",
    "actions",
    "version",
    "active",
)
"""Every column of a row, in one fixed order (``active`` is derived: stores index it, ``from_row`` ignores it)."""

K = TypeVar("K")
V = TypeVar("V")
_EMPTY_MAP = "{}"
_dumps = json.JSONEncoder(separators=(",", ":"), sort_keys=True, ensure_ascii=False).encode
_fast_dumps = msgspec.json.Encoder(order="sorted").encode  # the same bytes for text; ~8x faster on small maps
_read = itemgetter(*COLUMNS[:-1])
# Few distinct source sets exist ({"config"}, {"config", "cloudtrail"}...): encode and decode each once.
_CACHE_LIMIT = 256
_sources_text: dict[frozenset[str], str] = {}
_sources_set: dict[str, frozenset[str]] = {}


def encode_time(value: datetime | None) -> str | None:
    """A fixed-width UTC ISO 8601 string; naive datetimes are refused (their instant is unknown)."""
    if value is None:
        return None
    if value.tzinfo is not UTC:
        if value.utcoffset() is None:
            raise ValueError(f"naive datetime cannot be stored: {value!r}")
        value = value.astimezone(UTC)
    return value.isoformat(timespec="microseconds")[:-6] + "Z"  # drop "+00:00"


def decode_time(text: str | None) -> datetime | None:
    """Inverse of ``encode_time``: an aware UTC datetime."""
    return None if text is None else datetime.fromisoformat(text)


def to_row(r: Resource, version: int | None = None) -> dict[str, Any]:
    """The row for a record, by column name, with ``version`` if given (a store writes the loaded one + 1)."""
    return dict(zip(COLUMNS, to_values(r, version), strict=True))


def from_row(row: Mapping[str, Any]) -> Resource:
    """The record a row encodes (other keys, such as a store's own attributes, are ignored)."""
    return from_values(_read(row))


def to_values(r: Resource, version: int | None = None) -> tuple[Any, ...]:
    """The row's values in ``COLUMNS`` order, as a store binds them to positional SQL parameters."""
    k = r.key
    times: tuple[datetime | None, ...] = (r.created_at, r.deleted_at, r.attrs_at)
    times += (r.first_notified_at, r.last_notified_at, r.next_due_at, r.expires_at)
    sources = _sources_text.get(r.sources) or _remember(_sources_text, r.sources, _dumps(sorted(r.sources)))
    return (
        k.account,
        k.region,
        k.resource_type,
        k.resource_id,
        r.name,
        r.arn,
        None if r.tags is None else map_text(r.tags) if r.tags else _EMPTY_MAP,  # NULL: never stated
        *_encode_times(times),
        _dumps([[encode_time(c.at), c.created_by, c.created_for_by] for c in r.creations]) if r.creations else None,
        r.notify_count,
        sources,
        r.created_by,
        r.created_for_by,
        map_text(r.details) if r.details else _EMPTY_MAP,
        encode_answers(r.actions, _dumps, encode_time) if r.actions else None,
        r.version if version is None else version,
        int(r.active),
    )


def from_values(v: Sequence[Any]) -> Resource:
    """Inverse of ``to_values`` (a trailing ``active`` value may be present or not)."""
    t = decode_time
    sources = _sources_set.get(v[16]) or _remember(_sources_set, v[16], frozenset(json.loads(v[16])))
    return Resource(
        key=ResourceKey(v[0], v[1], v[2], v[3]),
        name=v[4],
        arn=v[5],
        tags=None if v[6] is None else _load_map(v[6]),
        created_at=t(v[7]),
        deleted_at=t(v[8]),
        attrs_at=t(v[9]),
        first_notified_at=t(v[10]),
        last_notified_at=t(v[11]),
        next_due_at=t(v[12]),
        expires_at=t(v[13]),
        creations=tuple(Creation(datetime.fromisoformat(a), b, f) for a, b, f in json.loads(v[14])) if v[14] else (),
        notify_count=int(v[15]),
        sources=sources,
        created_by=v[17],
        created_for_by=v[18],
        details=_load_map(v[19]),
        actions=decode_answers(v[20]) if v[20] else (),
        version=int(v[21]),
    )


def map_text(value: Mapping[str, Any]) -> str:
    """Tags or details as compact JSON text with sorted keys, exactly as ``json`` writes them.

    msgspec writes a map of text values byte for byte as ``json`` does (same order, same escapes), several times
    faster; other values (floats, whose exponents it spells differently, numbers, nested values) and text it cannot
    encode (a lone surrogate) go to ``json``.
    """
    if type(value) is dict and all(type(v) is str for v in value.values()):
        try:
            return _fast_dumps(value).decode()
        except UnicodeEncodeError:
            pass
    return _dumps(dict(value))


def _encode_times(times: tuple[datetime | None, ...]) -> list[str | None]:
    # The lifecycle often sets several times to one instant (created, attributes, due): encode each once. Equal
    # instants have one UTC text, and comparing two UTC datetimes is far cheaper than formatting one.
    out: list[str | None] = []
    last: datetime | None = None
    text: str | None = None
    for value in times:
        if value is None:
            out.append(None)
            continue
        if value is not last and value != last:
            last, text = value, encode_time(value)
        out.append(text)
    return out


def _remember(cache: dict[K, V], key: K, value: V) -> V:
    if len(cache) < _CACHE_LIMIT:
        cache[key] = value
    return value


def _load_map(text: str) -> dict[str, Any]:
    # Most records have no tags or details: skip the JSON parser for the common empty case.
    return {} if text == _EMPTY_MAP else dict(json.loads(text))
