"""The digest: which leftovers to tell about, grouped and worded the same for every notifier."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import groupby
from zoneinfo import ZoneInfo

from leftovers.core.model import Resource


@dataclass(frozen=True, slots=True)
class DigestEntry:
    """One leftover as the digest shows it."""

    resource: Resource
    owner: str | None = None
    monthly_cost_usd: float | None = None


@dataclass(frozen=True, slots=True)
class Digest:
    """The leftovers due at ``at``, shown in time zone ``timezone`` (an IANA name)."""

    at: datetime
    timezone: str
    entries: tuple[DigestEntry, ...]

    @property
    def zone(self) -> ZoneInfo:
        """The display time zone."""
        return ZoneInfo(self.timezone)

    def groups(self) -> list[tuple[str, list[DigestEntry]]]:
        """Entries grouped by resource type, oldest first within a group."""
        ordered = sorted(self.entries, key=lambda e: (e.resource.key.resource_type, _created(e), e.resource.key))
        return [(t, list(g)) for t, g in groupby(ordered, key=lambda e: e.resource.key.resource_type)]

    def title(self) -> str:
        """One line that says what the digest is about."""
        n = len(self.entries)
        when = format_time(self.at, self.zone)
        return f"{n} leftover{'s' if n != 1 else ''} still exist{'s' if n == 1 else ''} ({when})"

    def line(self, entry: DigestEntry) -> str:
        """One resource on one line: name or id, region, account, created time and age."""
        r = entry.resource
        parts = [r.display_name, r.key.region, r.key.account]
        if r.created_at is not None:
            parts.append(f"created {format_time(r.created_at, self.zone)} ({format_age(self.at - r.created_at)} ago)")
        if r.notify_count:
            parts.append(f"reminder #{r.notify_count}")
        return " · ".join(parts)


def _created(entry: DigestEntry) -> datetime:
    return entry.resource.created_at or datetime.min.replace(tzinfo=ZoneInfo("UTC"))


def format_time(at: datetime, zone: ZoneInfo) -> str:
    """A timestamp in the display zone, minutes precision, with the zone's abbreviation."""
    return at.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")


def format_age(age: timedelta) -> str:
    """A short human age: ``3d 4h``, ``5h 12m``, ``7m``."""
    minutes = max(0, int(age.total_seconds() // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{days}d {hours}h"
    if hours:
        return f"{hours}h {mins}m"
    return f"{mins}m"
