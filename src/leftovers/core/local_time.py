"""Time arithmetic in the policy's time zone: local days, and whole days that keep the local time of day."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from leftovers.core.limits import FIRST, LAST, plus


def day_start(day: date, zone: str) -> datetime:
    """The first moment of ``day`` in ``zone``, in UTC (saturating at the ends of the representable range)."""
    try:
        return datetime.combine(day, time(0), tzinfo=ZoneInfo(zone)).astimezone(UTC)
    except OverflowError:  # the first or last representable day, east or west of UTC
        return FIRST if day.year == 1 else LAST


def later(moment: datetime, delta: timedelta, zone: str) -> datetime:
    """``moment + delta``; whole days keep the local time of day in ``zone`` across a daylight-saving change (a
    weekly reminder after a midnight run falls on midnight again, not 23:00 or 01:00); nothing raises near 9999."""
    if not delta:
        return moment  # grace 0, the default: no zone arithmetic on ingest's hot path
    if zone == "UTC" or delta % timedelta(days=1):
        return plus(moment, delta)  # hours are elapsed time
    tz = ZoneInfo(zone)
    try:
        wall = moment.astimezone(tz).replace(tzinfo=None) + delta
        # A wall time that does not exist (skipped by the change) resolves forward, like a clock on the wall.
        return plus(wall.replace(tzinfo=tz).astimezone(UTC), timedelta(0))
    except OverflowError:
        return plus(moment, delta)
