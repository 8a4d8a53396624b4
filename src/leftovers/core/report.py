"""The report row: the public JSON shape of one tracked resource (documented in the README)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from leftovers.core.model import Answer, Resource
from leftovers.core.times import iso

EMPTY: Mapping[str, str] = MappingProxyType({})
COLUMNS = (
    "account",
    "account_name",
    "region",
    "resource_type",
    "resource_id",
    "resource_name",
    "arn",
    "created_at",
    "notify_count",
    "last_notified_at",
    "next_due_at",
)


def report_row(resource: Resource, account_names: Mapping[str, str] = EMPTY) -> dict[str, Any]:
    """One resource as the ``report --format json`` object; ``account_name`` from ``account_names`` (or null)."""
    key = resource.key
    return {
        "account": key.account,
        "account_name": account_names.get(key.account),
        "region": key.region,
        "resource_type": key.resource_type,
        "resource_id": key.resource_id,
        "resource_name": resource.name,
        "arn": resource.arn,
        "created_at": iso(resource.created_at),
        "notify_count": resource.notify_count,
        "last_notified_at": iso(resource.last_notified_at),
        "next_due_at": iso(resource.next_due_at),
        "created_by": resource.created_by,
        "created_for_by": resource.created_for_by,
        "sources": sorted(resource.sources),
        "actions": [answer_row(a) for a in resource.actions],
    }


def answer_row(answer: Answer) -> dict[str, Any]:
    """One answer of the audit list: who (a Slack user id), what, when, and the day kept until or the new owner."""
    row: dict[str, Any] = {"by": answer.by, "action": answer.kind, "at": iso(answer.at)}
    if answer.kind == "keep":
        row["until"] = answer.until.isoformat() if answer.until else "forever"
    else:
        row["owner"] = answer.owner  # None: moved to the channel
    return row
