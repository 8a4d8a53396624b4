"""What the policy adds to a report row and to a digest entry, for the CLI and the notify service."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from leftovers.core.digest import DigestEntry
from leftovers.core.model import Resource
from leftovers.core.policy import Policy
from leftovers.core.pricing import PriceTable
from leftovers.core.report import iso

POLICY_COLUMNS = ("owner", "deadline", "kept_until", "ignored_by", "monthly_cost_usd", "tag_problem")


def monthly_cost_usd(resource: Resource, prices: PriceTable | None) -> float | None:
    """The resource's estimated monthly cost, or ``None`` without a table or a price."""
    return None if prices is None else prices.monthly_cost_usd(resource.key.resource_type, resource.details)


def describe(resource: Resource, policy: Policy, prices: PriceTable | None) -> DigestEntry:
    """The digest entry for a resource: its owner, the Slack user to mention, its estimated cost."""
    owner = policy.owner(resource)
    return DigestEntry(resource, owner, monthly_cost_usd(resource, prices), policy.slack_user(owner))


def describer(policy: Policy, prices: PriceTable | None, at: datetime) -> Callable[[Resource], DigestEntry | None]:
    """The notify service's ``describe`` hook: an entry for each record due under this policy, else ``None``."""

    def entry(resource: Resource) -> DigestEntry | None:
        return describe(resource, policy, prices) if policy.is_due(resource, at) else None

    return entry


def policy_fields(resource: Resource, policy: Policy, prices: PriceTable | None) -> dict[str, Any]:
    """The report columns the policy adds: owner, deadline (when a run will send it; UTC, null when kept or
    ignored), kept_until, etc."""
    kept = policy.kept_until(resource)
    return {
        "owner": policy.owner(resource),
        "deadline": iso(policy.due_at(resource)),
        "kept_until": kept.isoformat() if isinstance(kept, date) else kept,
        "ignored_by": policy.ignored_by(resource),
        "monthly_cost_usd": monthly_cost_usd(resource, prices),
        "tag_problem": policy.tag_problem(resource),
    }
