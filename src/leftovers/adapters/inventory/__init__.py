"""The live inventory: asks AWS whether tracked resources still exist, and what exists that is not tracked.

Checkers are tried in order for each record, the most authoritative first: the type's own describe call (the
describe table), then AWS Config (opt-in), then Cloud Control (types without a describe call), then the tagging API
(which can only say "exists"). The first EXISTS or GONE wins; a record nobody decides is UNKNOWN with the first
reason given, never GONE.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from leftovers.adapters.inventory.clients import Clients, RateLimiter
from leftovers.adapters.inventory.cloudcontrol import CloudControlChecker, CloudControlListing
from leftovers.adapters.inventory.config import ConfigChecker, ConfigListing
from leftovers.adapters.inventory.describe import DescribeChecker
from leftovers.adapters.inventory.describe_table import ROWS
from leftovers.adapters.inventory.tagging import CALL as TAGGING_CALL
from leftovers.adapters.inventory.tagging import TaggingChecker, TaggingListing
from leftovers.core.errors import InventoryError
from leftovers.core.inventory import Presence, Verdict
from leftovers.core.model import Resource, ResourceKey
from leftovers.resources import all_types

__all__ = [
    "ROWS",
    "AwsInventory",
    "Clients",
    "CloudControlListing",
    "ConfigListing",
    "InventoryError",
    "RateLimiter",
    "TaggingListing",
    "iam_actions",
]
NO_CHECK = "no check for this type"


class Checker(Protocol):
    """One way of asking; it may leave records out of its answer (undecided)."""

    def check(self, records: Sequence[Resource]) -> dict[ResourceKey, Verdict]:
        """Verdicts for the records it can speak for."""
        ...


class AwsInventory:
    """Implements the reconcile Inventory port over boto3 (clients from the standard environment, lazily)."""

    def __init__(self, clients: Clients | None = None, *, use_config: bool = False, use_tagging: bool = True) -> None:
        self.clients = clients or Clients()
        self.checkers: list[Checker] = [DescribeChecker(self.clients)]
        if use_config:
            self.checkers.append(ConfigChecker(self.clients))
        self.checkers.append(CloudControlChecker(self.clients))
        self.tagging = TaggingChecker(self.clients) if use_tagging else None

    def check(self, records: Sequence[Resource]) -> dict[ResourceKey, Verdict]:
        """A verdict for every record; records of another account than the credentials' are UNKNOWN.

        The tagging API is asked about every record (it answers with the tags, which a present resource's verdict
        carries) but decides only what no other checker did.
        """
        account = self.clients.account()
        verdicts: dict[ResourceKey, Verdict] = {}
        reasons: dict[ResourceKey, str] = {}
        pending = []
        for record in records:
            if record.key.account != account:
                verdicts[record.key] = Verdict(Presence.UNKNOWN, f"another account than the credentials' ({account})")
            else:
                pending.append(record)
        tagged = self.tagging.check(pending) if self.tagging is not None and pending else {}
        for checker in [*self.checkers, _Answered(tagged)]:
            if not pending:
                break
            for key, verdict in checker.check(pending).items():
                if verdict.presence is Presence.UNKNOWN:
                    reasons.setdefault(key, verdict.reason or "unknown")
                else:
                    verdicts[key] = verdict
            pending = [r for r in pending if r.key not in verdicts]
        for record in pending:
            verdicts[record.key] = Verdict(Presence.UNKNOWN, reasons.get(record.key, NO_CHECK))
        for key, verdict in verdicts.items():
            tags = found.tags if (found := tagged.get(key)) is not None else None
            if verdict.presence is Presence.EXISTS and verdict.tags is None and tags is not None:
                verdicts[key] = replace(verdict, tags=tags)
        return verdicts


class _Answered:
    """Answers already fetched (the tagging API's), handed out as one more checker."""

    def __init__(self, verdicts: dict[ResourceKey, Verdict]) -> None:
        self.verdicts = verdicts

    def check(self, records: Sequence[Resource]) -> dict[ResourceKey, Verdict]:
        """The fetched verdicts of these records."""
        return {r.key: self.verdicts[r.key] for r in records if r.key in self.verdicts}


def iam_actions() -> list[str]:
    """Every IAM action the reconcile role needs for the inventory's checks, sorted (template.yaml's list)."""
    return sorted({action for t in all_types() for action in t.actions} | {TAGGING_CALL})
