"""The facts of one digest entry, and their wording as rich-text fields every notifier lays out its own way."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from leftovers.core import i18n
from leftovers.core.rich_text import Field, Link, Owner, Segment
from leftovers.core.times import format_time

if TYPE_CHECKING:
    from leftovers.core.digest import Digest, DigestEntry

PLACEHOLDER = "?"
"""What a stored value that cannot be shown (a time out of range in the display zone) is shown as."""


@dataclass(frozen=True, slots=True)
class EntryFacts:
    """One leftover as separate facts; ``None`` means "not shown here" (e.g. the region every entry shares)."""

    name: str
    resource_id: str | None  # when the name is not the id: two same-name resources stay apart
    region: str | None
    account: str | None
    created: str | None  # in the display zone
    age: str | None
    owner: Owner | None  # not repeated when the digest is grouped by owner
    created_for_by: str | None
    cost: str | None  # only when the digest shows costs
    reminder: int
    tag_problem: str | None
    console_url: str | None
    unshown: tuple[str, ...]  # facts whose stored value could not be shown (a placeholder stands in)


def account_label(account: str, names: Mapping[str, str]) -> str:
    """``name (id)`` for an account whose name is known, else its id."""
    name = names.get(account)
    return f"{name} ({account})" if name else account


def shared_place(entries: Iterable[DigestEntry]) -> tuple[str | None, str | None]:
    """The region and the account every entry shares (each ``None`` when they differ or there are no entries)."""
    regions = {e.resource.key.region for e in entries}
    accounts = {e.resource.key.account for e in entries}
    return (next(iter(regions)) if len(regions) == 1 else None, next(iter(accounts)) if len(accounts) == 1 else None)


def facts(digest: Digest, entry: DigestEntry) -> EntryFacts:
    """What ``digest`` says about ``entry``."""
    r = entry.resource
    region, account = digest.place
    unshown = list(entry.unshown)
    created = age = None
    if r.created_at is not None:
        created = format_time(r.created_at, digest.zone)
        if created is None:
            unshown.append("created_at")
            created = PLACEHOLDER
        age = i18n.age(digest.language, digest.at - r.created_at)
    return EntryFacts(
        name=r.display_name,
        resource_id=r.key.resource_id if r.key.resource_id != r.display_name else None,
        region=None if region else r.key.region,
        account=None if account else account_label(r.key.account, digest.account_names),
        created=created,
        age=age,
        owner=entry.owner if digest.group_by != "owner" else None,
        created_for_by=r.created_for_by,
        cost=digest.cost_label(entry.monthly_cost_usd) if digest.show_cost else None,
        reminder=r.notify_count,
        tag_problem=entry.tag_problem,
        console_url=entry.console_url,
        unshown=tuple(unshown),
    )


def line_fields(digest: Digest, f: EntryFacts) -> tuple[Field, ...]:
    """The facts worded in the digest's language, in the order every notifier shows them."""
    lang = digest.language
    name: Segment = Link(f.console_url, f.name) if f.console_url else f.name
    fields: list[Field] = [(name, " (", f.resource_id, ")") if f.resource_id else (name,)]
    fields += [(place,) for place in (f.region, f.account) if place]
    if f.created is not None:
        fields.append(i18n.segments(lang, "created", when=f.created, age=f.age))
    if f.owner is not None:
        fields.append(i18n.segments(lang, "owner", owner=f.owner))
    if f.created_for_by:  # an AWS service acted for someone: users like to see these apart
        fields.append(i18n.segments(lang, "for_you", service=f.created_for_by))
    if f.cost is not None:
        fields.append((f.cost,))
    if f.reminder:
        fields.append(i18n.segments(lang, "reminder", n=f.reminder))
    if f.tag_problem:
        fields.append(i18n.segments(lang, "tag_problem", problem=f.tag_problem))
    return tuple(fields)
