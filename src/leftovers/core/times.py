"""Times as Leftovers reads and writes them, in one place: ISO 8601 in (events, flags, API answers, state), ISO 8601
UTC out (the JSON interface), and the display form in the configured zone. Also the one check of a time zone name.

Every reader of user or AWS text goes through ``parse_iso``, so ``Z``/``z``, offsets, fractions and times without
an offset mean the same everywhere; callers only choose the zone a bare time is read in and how to word the error.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

ISO_EXAMPLE = "2026-11-27T00:00+09:00"


class TimeError(ValueError):
    """A time could not be read; the message is one line and quotes the text."""


class TimeOutOfRange(TimeError):
    """A valid ISO 8601 text that no aware UTC datetime can hold (past year 1 or 9999 once its offset applies)."""


def parse_iso(text: str, zone: tzinfo = UTC, *, must_exist: bool = False) -> datetime:
    """Aware UTC from ISO 8601 text (``Z`` or an offset, with or without fractions); a time without an offset is
    read in ``zone``. ``must_exist`` refuses a local time a daylight-saving change skips (2025-03-09T02:30 in New
    York), where a person meant something else; events never need it."""
    value = text.strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise TimeError(f"not an ISO 8601 time: {text!r}"[:160]) from None
    try:
        if parsed.tzinfo is None:
            local = parsed.replace(tzinfo=zone)
            if must_exist and local.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != parsed:
                raise TimeError(f"{parsed.isoformat()} does not exist in {zone} (clocks skip it)")
            parsed = local
        return parsed.astimezone(UTC)
    except OverflowError:
        raise TimeOutOfRange(f"{text!r} is out of range (years 1 to 9999 in UTC)"[:160]) from None


def iso(at: datetime | None) -> str | None:
    """ISO 8601 in UTC to the second with a ``Z`` (one format for every time: ``2026-11-20T01:00:07Z``), or ``None``."""
    return None if at is None else at.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def format_time(at: datetime, zone: ZoneInfo) -> str | None:
    """A timestamp in the display zone, minutes precision, with the zone's abbreviation; ``None`` out of range."""
    try:
        return at.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")
    except (OverflowError, ValueError):  # a stored year-1 time west of UTC, or year 9999 east of it
        return None


def check_zone(name: str) -> str:
    """``name`` if it is an IANA time zone, else TimeError saying what is expected (callers add where it was)."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise TimeError(f"unknown time zone {name!r} (use an IANA name like Asia/Tokyo)") from None
    return name
