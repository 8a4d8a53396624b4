"""Who created it, across the organization: CloudTrail's event history belongs to each account (and region), so each
record's creator is looked up in its own account, through that account's member role. An account whose role cannot
be assumed, or may not call LookupEvents, is reported and its records keep no creator: never one guessed from
another account's history."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from leftovers.adapters.accounts.clients import AccountUnreachable, CrossAccountClients
from leftovers.adapters.inventory.clients import ClientFactory
from leftovers.adapters.sources.cloudtrail.lookup import MAX_CALLS, CloudTrailLookup, LookupDenied
from leftovers.core.model import Resource, ResourceChange


class OrganizationLookup:
    """The CreatorLookup port over the accounts of the organization: one budget of ``max_calls`` for the whole run,
    the member role of each account assumed once (shared with reconcile when given its ``CrossAccountClients``)."""

    def __init__(
        self,
        accounts: CrossAccountClients,
        max_calls: int = MAX_CALLS,
        lookup: Callable[[ClientFactory, int], CloudTrailLookup] = CloudTrailLookup,
    ) -> None:
        self.accounts, self.max_calls, self.lookup = accounts, max_calls, lookup
        self.unreachable: dict[str, str] = {}
        """Accounts whose creators were not looked up, with the reason (for the run's report)."""
        self._asked: list[CloudTrailLookup] = []

    @property
    def calls(self) -> int:
        """LookupEvents calls made so far, in every account."""
        return sum(lookup.calls for lookup in self._asked)

    def creations(self, records: Sequence[Resource]) -> Iterator[ResourceChange]:
        """Creator changes for ``records``, each asked of its own account's event history (records in order)."""
        by_account: dict[str, list[Resource]] = {}
        for record in records:
            by_account.setdefault(record.key.account, []).append(record)
        for account, mine in by_account.items():
            left = self.max_calls - self.calls
            if left <= 0:
                return
            try:
                factory = self.accounts.factory(self.accounts.credentials(account))
            except AccountUnreachable as exc:
                self.unreachable[account] = f"cannot assume {self.accounts.role_arn(account)} ({exc.reason})"
                continue
            lookup = self.lookup(factory, left)
            self._asked.append(lookup)
            try:
                yield from lookup.creations(mine)
            except LookupDenied as exc:  # this account's role predates the permission: the others still run
                self.unreachable[account] = f"{self.accounts.role_arn(account)}: {exc}"


def creator_lookup(inventory: object, max_calls: int) -> CloudTrailLookup | OrganizationLookup:
    """The lookup that goes with ``inventory``: across accounts, with its member role's credentials, when it checks
    an organization (``--org``); else the caller's own CloudTrail."""
    from leftovers.adapters.accounts.inventory import OrganizationInventory

    if isinstance(inventory, OrganizationInventory):
        return OrganizationLookup(inventory.accounts, max_calls)
    return CloudTrailLookup(max_calls=max_calls)
