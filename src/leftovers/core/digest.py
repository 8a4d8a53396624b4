"""The digest: which leftovers to tell about, grouped and worded the same for every notifier."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import groupby
from zoneinfo import ZoneInfo

from leftovers.core import i18n
from leftovers.core.model import Resource

GROUP_BY = ("type", "owner")
ORDERS = ("age", "cost")


@dataclass(frozen=True, slots=True)
class DigestEntry:
    """One leftover as the digest shows it; ``mention`` is the owner's Slack user id when the config maps one."""

    resource: Resource
    owner: str | None = None
    monthly_cost_usd: float | None = None
    mention: str | None = None


@dataclass(frozen=True, slots=True)
class Digest:
    """The leftovers due at ``at``, shown in time zone ``timezone`` (an IANA name).

    ``group_by`` ("type" or "owner") and ``order`` ("age": oldest first; "cost": most expensive first, groups too)
    shape ``groups()``; ``show_cost`` adds each estimate (or "—") to the lines and a monthly total as ``footer()``;
    ``mentions`` writes owners as Slack mentions where ``entry.mention`` is known.
    """

    at: datetime
    timezone: str
    entries: tuple[DigestEntry, ...]
    language: str = "en"
    group_by: str = "type"
    order: str = "age"
    show_cost: bool = False
    mentions: bool = False

    def __post_init__(self) -> None:
        if self.group_by not in GROUP_BY or self.order not in ORDERS:
            raise ValueError(f"group_by must be one of {GROUP_BY} and order one of {ORDERS}")

    @property
    def zone(self) -> ZoneInfo:
        """The display time zone."""
        return ZoneInfo(self.timezone)

    def groups(self) -> list[tuple[str, list[DigestEntry]]]:
        """Entries grouped by resource type (or owner), oldest (or most expensive) first within a group."""
        ordered = sorted(self.entries, key=lambda e: (self._group(e), *self._rank(e)))
        groups = [(g, list(es)) for g, es in groupby(ordered, key=self._group)]
        if self.group_by == "owner":
            no_owner = i18n.text(self.language, "no_owner")
            groups.sort(key=lambda g: g[0] == no_owner)  # stable: named owners stay alphabetical, then the rest
        if self.order == "cost":
            groups.sort(key=lambda g: -total_cost(g[1]))
        return groups

    def title(self) -> str:
        """One line that says what the digest is about."""
        n = len(self.entries)
        return i18n.text(self.language, "title_one" if n == 1 else "title_many", n=n, when=self._time(self.at))

    def line(self, entry: DigestEntry) -> str:
        """One resource on one line: name or id, region, account, created time and age (owner, cost when known)."""
        r = entry.resource
        parts = [r.display_name, r.key.region, r.key.account]
        if r.created_at is not None:
            age = i18n.age(self.language, self.at - r.created_at)
            parts.append(i18n.text(self.language, "created", when=self._time(r.created_at), age=age))
        if entry.owner is not None and self.group_by != "owner":
            parts.append(i18n.text(self.language, "owner", owner=self.owner_label(entry)))
        if r.created_for_by:  # an AWS service acted for someone: users like to see these apart
            parts.append(i18n.text(self.language, "for_you", service=r.created_for_by))
        if self.show_cost:
            parts.append(self.cost_label(entry.monthly_cost_usd))
        if r.notify_count:
            parts.append(i18n.text(self.language, "reminder", n=r.notify_count))
        return " · ".join(parts)

    def owner_label(self, entry: DigestEntry) -> str:
        """The owner as text, or as a Slack mention when asked for and known."""
        if self.mentions and entry.mention:
            return f"<@{entry.mention}>"
        return entry.owner or i18n.text(self.language, "no_owner")

    def cost_label(self, cost: float | None) -> str:
        """An estimate per month, or "—" when no price is known."""
        return i18n.text(self.language, "no_price") if cost is None else i18n.text(self.language, "cost", cost=cost)

    def total_monthly_cost(self) -> float:
        """The sum of the known estimates, in USD per month."""
        return total_cost(self.entries)

    def unpriced(self) -> int:
        """How many entries have no estimate."""
        return sum(1 for e in self.entries if e.monthly_cost_usd is None)

    def footer(self) -> str | None:
        """The estimated monthly total (and how many have no price), when costs are shown."""
        if not self.show_cost or not self.entries:
            return None
        total, unpriced = self.total_monthly_cost(), self.unpriced()
        if unpriced:
            return i18n.text(self.language, "total_unpriced", total=total, unpriced=unpriced)
        return i18n.text(self.language, "total", total=total)

    def _group(self, entry: DigestEntry) -> str:
        if self.group_by == "owner":
            return entry.owner or i18n.text(self.language, "no_owner")
        return entry.resource.key.resource_type

    def _rank(self, entry: DigestEntry) -> tuple[object, ...]:
        cost = entry.monthly_cost_usd
        by_cost = (cost is None, -(cost or 0.0)) if self.order == "cost" else ()
        return (*by_cost, _created(entry), entry.resource.key)

    def _time(self, at: datetime) -> str:
        return format_time(at, self.zone)


def total_cost(entries: tuple[DigestEntry, ...] | list[DigestEntry]) -> float:
    """The sum of the known monthly estimates, rounded to cents."""
    return round(sum(e.monthly_cost_usd or 0.0 for e in entries), 2)


def _created(entry: DigestEntry) -> datetime:
    return entry.resource.created_at or datetime.min.replace(tzinfo=ZoneInfo("UTC"))


def format_time(at: datetime, zone: ZoneInfo) -> str:
    """A timestamp in the display zone, minutes precision, with the zone's abbreviation."""
    return at.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")


def format_age(age: timedelta) -> str:
    """A short human age: ``3d 4h``, ``5h 12m``, ``7m``."""
    return i18n.age("en", age)
