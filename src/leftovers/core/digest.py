"""The digest: which leftovers to tell about, grouped and worded the same for every notifier.

It carries facts and rich-text segments (``core.rich_text``), never a channel's syntax: each notifier escapes the
text and renders owners (mentions) and links itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import groupby
from zoneinfo import ZoneInfo

from leftovers.core import i18n
from leftovers.core.digest_facts import (
    PLACEHOLDER,
    EntryFacts,
    account_label,
    facts,
    line_fields,
    shared_place,
)
from leftovers.core.model import Resource
from leftovers.core.rich_text import Field, Owner, Segment
from leftovers.core.times import format_time

__all__ = ["PLACEHOLDER", "Digest", "DigestEntry", "EntryFacts", "format_age", "total_cost"]

GROUP_BY = ("type", "owner")
ORDERS = ("age", "cost")


@dataclass(frozen=True, slots=True)
class DigestEntry:
    """One leftover with what policy and pricing say about it.

    ``owner`` is a handle (name plus per-channel ids), ``console_url`` a page to link it to, ``tag_problem`` why a
    keep or expiry tag was not understood, ``unshown`` the facts that could not be worked out (named in warnings).
    """

    resource: Resource
    owner: Owner | None = None
    monthly_cost_usd: float | None = None
    console_url: str | None = None
    tag_problem: str | None = None
    unshown: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Digest:
    """The leftovers due at ``at``, shown in time zone ``timezone`` (an IANA name).

    ``group_by`` ("type" or "owner") and ``order`` ("age": oldest first; "cost": most expensive first, groups too)
    shape ``groups()``; ``show_cost`` adds each estimate (or "—") to the lines and a monthly total as ``footer()``.
    """

    at: datetime
    timezone: str
    entries: tuple[DigestEntry, ...]
    language: str = "en"
    group_by: str = "type"
    order: str = "age"
    show_cost: bool = False
    # Account id -> name (AWS Organizations), for accounts shown as "name (id)"; an account not in it shows its id.
    account_names: Mapping[str, str] = field(default_factory=dict, hash=False)
    # The routing rule this digest was cut for (core/routing.py): its heading names it. None: the whole digest.
    route: str | None = None
    # The region and account every entry shares, worked out once: each line leaves them out.
    place: tuple[str | None, str | None] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.group_by not in GROUP_BY or self.order not in ORDERS:
            raise ValueError(f"group_by must be one of {GROUP_BY} and order one of {ORDERS}")
        object.__setattr__(self, "place", shared_place(self.entries))  # frozen: set once, here

    @property
    def zone(self) -> ZoneInfo:
        """The display time zone."""
        return ZoneInfo(self.timezone)

    def groups(self) -> list[tuple[Segment, list[DigestEntry]]]:
        """Entries grouped by resource type (or owner, as a handle), oldest (or most expensive) first within one."""
        ordered = sorted(self.entries, key=lambda e: (self._group_name(e), *self._rank(e)))
        groups = [(self._label(es[0]), es) for _, g in groupby(ordered, key=self._group_name) if (es := list(g))]
        if self.group_by == "owner":
            groups.sort(key=lambda g: not isinstance(g[0], Owner))  # stable: named owners alphabetical, then none
        if self.order == "cost":
            groups.sort(key=lambda g: -total_cost(g[1]))
        return groups

    def title(self) -> str:
        """One line that says what the digest is about."""
        n = len(self.entries)
        when = format_time(self.at, self.zone) or PLACEHOLDER
        title = i18n.text(self.language, "title_one" if n == 1 else "title_many", n=n, when=when)
        return i18n.text(self.language, "title_route", title=title, route=self.route) if self.route else title

    def scope(self) -> Field | None:
        """The region and account every entry shares (then left out of the lines), or ``None``."""
        region, account = self.place
        label = account_label(account, self.account_names) if account else None
        words = i18n.text(self.language, "account", account=label) if label else None
        place = [p for p in (region, words) if p is not None]
        return i18n.segments(self.language, "scope", place=" · ".join(place)) if place else None

    def facts(self, entry: DigestEntry) -> EntryFacts:
        """What the digest says about one entry, each fact separately (for notifiers that lay them out)."""
        return facts(self, entry)

    def line(self, entry: DigestEntry) -> tuple[Field, ...]:
        """One resource as worded fields: name (and id), place, created time and age, owner, cost, problems."""
        return line_fields(self, self.facts(entry))

    def cost_label(self, cost: float | None) -> str:
        """An estimate per month, or the language's "no price" when none is known."""
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

    def warnings(self) -> list[str]:
        """One line per fact that could not be shown (a stored value out of range): the entry is still listed."""
        return [
            i18n.text(self.language, "unshown", field=field, name=" ".join(e.resource.key[2:]))
            for e in self.entries
            for field in (*e.unshown, *self._unshown_time(e))
        ]

    def _unshown_time(self, entry: DigestEntry) -> tuple[str, ...]:
        at = entry.resource.created_at
        # Only a time within a day of datetime's range can fail to convert: skip the formatting for the rest.
        if at is None or 1 < at.year < 9999 or format_time(at, self.zone) is not None:
            return ()
        return ("created_at",)

    def _group_name(self, entry: DigestEntry) -> str:
        if self.group_by == "owner":
            return entry.owner.name if entry.owner else ""
        return entry.resource.key.resource_type

    def _label(self, entry: DigestEntry) -> Segment:
        if self.group_by == "owner":
            return entry.owner or i18n.text(self.language, "no_owner")
        return entry.resource.key.resource_type

    def _rank(self, entry: DigestEntry) -> tuple[object, ...]:
        cost = entry.monthly_cost_usd
        by_cost = (cost is None, -(cost or 0.0)) if self.order == "cost" else ()
        return (*by_cost, _created(entry), entry.resource.key)


def total_cost(entries: tuple[DigestEntry, ...] | list[DigestEntry]) -> float:
    """The sum of the known monthly estimates, rounded to cents."""
    return round(sum(e.monthly_cost_usd or 0.0 for e in entries), 2)


def _created(entry: DigestEntry) -> datetime:
    return entry.resource.created_at or datetime.min.replace(tzinfo=ZoneInfo("UTC"))


def format_age(age: timedelta) -> str:
    """A short human age: ``3d 4h``, ``5h 12m``, ``7m``."""
    return i18n.age("en", age)
