"""Durations, intervals and dates as people write them in config files and tags.

A month is 30 days and a year 365: deadlines are about "roughly when", and a fixed length keeps ``3m`` from
meaning 89 days in February and 92 in July. A bare number means days (``ttl = 30``), matching common tag usage.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from leftovers.core.times import TimeError, parse_iso

_DURATION = re.compile(r"^\s*(\d+)\s*([hdwmy]?)\s*$", re.IGNORECASE)
_UNIT_DAYS = {"d": 1, "": 1, "w": 7, "m": 30, "y": 365}
NEVER = "never"
EXAMPLES = "0, 12h, 7d, 2w, 3m"
MAX_DAYS = 100 * 365  # longer is a typo or an attack; it would also push deadlines past what dates can hold


class DurationError(ValueError):
    """A duration, interval or date could not be read; the message is one line."""


def parse_duration(text: str) -> timedelta:
    """``0``, ``12h``, ``7d``, ``2w``, ``3m`` (30 days), ``1y`` (365 days); a bare number is days."""
    match = _DURATION.match(text) if isinstance(text, str) else None
    if match is None:
        raise DurationError(f"not a duration: {text!r} (use e.g. {EXAMPLES})")
    digits, unit = match.group(1).lstrip("0") or "0", match.group(2).lower()
    amount = int(digits) if len(digits) <= 9 else 10**9  # never convert thousands of digits
    if unit == "h":
        value = timedelta(hours=min(amount, (MAX_DAYS + 1) * 24))
    else:
        value = timedelta(days=min(amount * _UNIT_DAYS[unit], MAX_DAYS + 1))
    if value > timedelta(days=MAX_DAYS):
        raise DurationError(f"too long: {text.strip()[:24]!r} (at most {MAX_DAYS // 365}y)")
    return value


def parse_interval(text: str) -> timedelta | None:
    """A positive duration, or ``never`` (``None``): how often to remind."""
    if isinstance(text, str) and text.strip().lower() == NEVER:
        return None
    interval = parse_duration(text)
    if interval <= timedelta(0):
        raise DurationError(f"an interval must be positive or 'never', not {text!r}")
    return interval


def parse_date(text: str) -> date:
    """An ISO 8601 date (``2026-12-31``); a full ISO timestamp is accepted and its UTC date taken."""
    value = text.strip() if isinstance(text, str) else ""
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return parse_iso(value).date()
    except TimeError:
        raise DurationError(f"not an ISO date: {text!r} (use e.g. 2026-12-31)") from None


def parse_date_or_duration(text: str) -> date | timedelta:
    """What an expiry tag holds: an ISO date, or a duration from the resource's creation."""
    if _DURATION.match(text or ""):
        return parse_duration(text)
    try:
        return parse_date(text)
    except DurationError:
        raise DurationError(f"neither an ISO date nor a duration: {text!r} (use e.g. 2026-12-31 or 7d)") from None


def format_duration(value: timedelta | None) -> str:
    """The inverse of the parsers, for messages and reports: ``7d``, ``12h``, ``never``."""
    if value is None:
        return NEVER
    if value % timedelta(days=1):
        return f"{int(value.total_seconds() // 3600)}h"
    return f"{value.days}d"
