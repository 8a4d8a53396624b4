"""What the policy adds to a report row and to a digest entry, for the CLI and the notify service."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from math import isfinite
from typing import Any

from leftovers.core.digest import DigestEntry
from leftovers.core.model import Resource
from leftovers.core.policy import Policy
from leftovers.core.pricing import PriceTable
from leftovers.core.rich_text import Owner
from leftovers.core.times import iso

POLICY_COLUMNS = ("owner", "deadline", "kept_until", "ignored_by", "monthly_cost_usd", "tag_problem", "override")


Links = Callable[[Resource], str | None]
"""A resource's console page, when its type has a known URL (the resource-type registry provides one)."""


def no_links(resource: Resource) -> str | None:
    """The default ``links`` hook: no console page known."""
    return None


def monthly_cost_usd(resource: Resource, prices: PriceTable | None) -> float | None:
    """The resource's estimated monthly cost, or ``None`` without a table or a price (or a finite one)."""
    cost = None if prices is None else checked_cost(resource, prices)
    return cost if isinstance(cost, float) else None


def checked_cost(resource: Resource, prices: PriceTable) -> float | ArithmeticError | None:
    """The estimate, or the error a stored value out of range raised (so one record never stops a run)."""
    try:
        cost = prices.monthly_cost_usd(resource.key.resource_type, resource.details)
    except ArithmeticError as exc:  # OverflowError: a size of 10**400 cannot become a float
        return exc
    return cost if cost is None or isfinite(cost) else OverflowError(f"cost {cost}")


def owner_handle(resource: Resource, policy: Policy) -> Owner | None:
    """The owner's name with the handles the config maps it to (its Slack user id)."""
    name = policy.owner(resource)
    if name is None:
        return None
    slack = policy.slack_user(name)
    return Owner(name, (("slack", slack),) if slack else ())


def describe(resource: Resource, policy: Policy, prices: PriceTable | None, links: Links = no_links) -> DigestEntry:
    """The digest entry for a resource: owner handle, estimated cost, console link, tag problem."""
    cost = None if prices is None else checked_cost(resource, prices)
    unshown = ("monthly_cost_usd",) if isinstance(cost, ArithmeticError) else ()
    return DigestEntry(
        resource,
        owner_handle(resource, policy),
        cost if isinstance(cost, float) else None,
        links(resource),
        policy.tag_problem(resource),
        unshown,
    )


def describer(
    policy: Policy, prices: PriceTable | None, at: datetime, links: Links = no_links
) -> Callable[[Resource], DigestEntry | None]:
    """The notify service's ``describe`` hook: an entry for each record due under this policy, else ``None``."""

    def entry(resource: Resource) -> DigestEntry | None:
        try:
            due = policy.is_due(resource, at)
        except ArithmeticError:  # a stored expiry so far out that the deadline overflows: not due in this era
            return None
        return describe(resource, policy, prices, links) if due else None

    return entry


def policy_fields(resource: Resource, policy: Policy, prices: PriceTable | None) -> dict[str, Any]:
    """The report columns the policy adds: owner, deadline (when a run will send it; UTC, null when kept or
    ignored), kept_until, the override whose policy applies (``None``: the base), etc."""
    kept = policy.kept_until(resource)
    return {
        "owner": policy.owner(resource),
        "deadline": iso(deadline_or_none(resource, policy)),
        "kept_until": kept.isoformat() if isinstance(kept, date) else kept,
        "ignored_by": policy.ignored_by(resource),
        "monthly_cost_usd": monthly_cost_usd(resource, prices),
        "tag_problem": policy.tag_problem(resource),
        "override": policy.override_for(resource.key.account),
    }


def deadline_or_none(resource: Resource, policy: Policy) -> datetime | None:
    """When a run will send it (``Policy.due_at``), or ``None`` when a stored value makes it overflow (see
    ``unshown``)."""
    try:
        return policy.due_at(resource)
    except ArithmeticError:
        return None


def unshown(resource: Resource, policy: Policy, prices: PriceTable | None) -> tuple[str, ...]:
    """The report fields a stored value out of range keeps from being worked out (shown as null or a placeholder)."""
    cost = None if prices is None else checked_cost(resource, prices)
    out: tuple[str, ...] = ("monthly_cost_usd",) if isinstance(cost, ArithmeticError) else ()
    try:
        policy.due_at(resource)
    except ArithmeticError:
        out += ("deadline",)
    return out
