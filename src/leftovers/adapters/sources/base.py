"""What every event source parser returns."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from leftovers.core.errors import EventRejected
from leftovers.core.model import ResourceChange


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
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(text)
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=UTC)
        return parsed.astimezone(UTC)
    except ValueError:
        raise EventRejected(field, f"not an ISO 8601 time: {value!r}") from None
    except OverflowError:  # a valid text whose offset pushes it past year 1 or 9999
        raise EventRejected(field, f"out of range: {value!r}") from None
