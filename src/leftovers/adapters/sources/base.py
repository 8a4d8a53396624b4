"""What every event source parser returns."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from leftovers.core.errors import EventRejected
from leftovers.core.limits import EARLIEST, LATEST, MAX_NUMBER
from leftovers.core.model import ResourceChange
from leftovers.core.times import TimeError, TimeOutOfRange, parse_iso

_NONE: Mapping[str, Any] = {}
JSON_TYPES = {dict: "object", list: "array", str: "string", int: "number", float: "number", bool: "boolean"}


@dataclass(frozen=True, slots=True)
class Parsed:
    """The changes an event describes, or why a valid event was ignored (``changes`` is then empty)."""

    changes: tuple[ResourceChange, ...] = ()
    ignored: str | None = None


def ignored(reason: str) -> Parsed:
    """A valid event that is not about a resource change."""
    return Parsed(ignored=reason)


def require(obj: Mapping[str, Any], field: str, where: str = "") -> Any:
    """``obj[field]``, or EventRejected naming the dotted path when it is missing or empty."""
    # json.loads gives plain dicts: test for those first, the ABC check is ten times slower on the hot path.
    value = obj.get(field) if type(obj) is dict or isinstance(obj, Mapping) else None
    if value is None or (not value and isinstance(value, str | list | dict)):
        raise EventRejected(f"{where}{field}", "missing")
    return value


def parse_time(value: object, field: str) -> datetime:
    """An ISO 8601 time with or without fractional seconds, ``Z`` or an offset, as aware UTC."""
    if not isinstance(value, str) or not value:
        raise EventRejected(field, "missing time")
    try:
        parsed = parse_iso(value)
    except TimeOutOfRange:  # a valid text whose offset pushes it past year 1 or 9999
        parsed = EARLIEST - EARLIEST.resolution
    except TimeError as exc:
        raise EventRejected(field, str(exc)) from None
    if not EARLIEST <= parsed < LATEST:
        raise EventRejected(field, f"out of range: {value!r} (expected from {EARLIEST.year} to {LATEST.year})")
    return parsed


def json_type(value: object) -> str:
    """The JSON name of a parsed value's type, for messages: ``null``, ``string``, ``object``..."""
    return "null" if value is None else JSON_TYPES.get(type(value), type(value).__name__)


def plain_number(value: Any, field: str) -> Any:
    """``value`` unless it is a number that is not finite or larger than any real setting (then EventRejected)."""
    if type(value) is int:
        if -MAX_NUMBER <= value <= MAX_NUMBER:
            return value
        raise EventRejected(field, f"out of range: a number of {len(str(abs(value)))} digits")
    if isinstance(value, float) and not (math.isfinite(value) and abs(value) <= MAX_NUMBER):
        raise EventRejected(field, f"out of range: {value!r}")
    return value


def valid_text(change: ResourceChange, where: Mapping[str, str]) -> ResourceChange:
    """The change, or EventRejected when a text it would store is not valid Unicode (a lone surrogate escape).

    ``where`` names, per field of the change (``name``, ``arn``, ``tags``, ``id``...), where the event held it.
    """
    k = change.key
    tags, details = change.tags or _NONE, change.details or _NONE
    texts = [k.resource_id, change.name or "", change.arn or "", change.created_by or "", change.created_for_by or ""]
    texts += [*tags, *tags.values(), *(v for v in details.values() if type(v) is str)]
    if "".join(texts).isascii():
        return change  # the common case, checked in C
    for field, text in (("id", k.resource_id), ("name", change.name), ("arn", change.arn)):
        _unicode(text, where.get(field, field))
    for field, text in (("created_by", change.created_by), ("created_for_by", change.created_for_by)):
        _unicode(text, where.get(field, field))
    for key, value in (change.tags or {}).items():
        _unicode(key, where.get("tags", "tags"))
        _unicode(value, f"{where.get('tags', 'tags')}.{key}")
    for key, value in (change.details or {}).items():
        _unicode(value if isinstance(value, str) else None, f"{where.get('details', 'details')}.{key}")
    return change


def _unicode(text: str | None, field: str) -> None:
    if text is None or text.isascii():
        return  # the common case, checked in C
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = text[exc.start : exc.end]
        raise EventRejected(field, f"not valid Unicode (a lone surrogate {bad!r})") from None
