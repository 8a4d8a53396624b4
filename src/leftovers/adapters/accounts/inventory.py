"""The Inventory port across the accounts of an organization: each account's records are checked by the single-
account inventory over that account's assumed-role clients, a few accounts at once. An account whose member role
cannot be assumed is reported (``unreachable``) and its records are UNKNOWN: never GONE."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

from leftovers.adapters.accounts.clients import AccountUnreachable, CrossAccountClients
from leftovers.adapters.inventory.clients import Clients
from leftovers.core.inventory import Presence, Verdict
from leftovers.core.model import Resource, ResourceKey
from leftovers.core.ports import Inventory

MAX_ACCOUNTS_AT_ONCE = 4  # each account has its own rate limit; this bounds threads and open connections


def aws_inventory(clients: Clients) -> Inventory:
    """The single-account inventory (describe calls, then the tagging API) over ``clients``."""
    from leftovers.adapters.inventory import AwsInventory

    return AwsInventory(clients)


def organization_inventory(
    role_name: str, *, rate: float = 10.0, use_config: bool = False, use_tagging: bool = True
) -> OrganizationInventory:
    """What ``bootstrap.make_inventory`` would build in organization mode: the member role ``role_name`` assumed in
    each account, each account asked at most ``rate`` calls a second, as the single-account inventory asks."""
    from leftovers.adapters.inventory import AwsInventory

    def inventory(clients: Clients) -> Inventory:
        return AwsInventory(clients, use_config=use_config, use_tagging=use_tagging)

    return OrganizationInventory(CrossAccountClients(role_name, rate=rate), inventory)


class OrganizationInventory:
    """Checks each account's records in that account, through ``CrossAccountClients``."""

    def __init__(
        self,
        accounts: CrossAccountClients,
        inventory: Callable[[Clients], Inventory] = aws_inventory,
        max_workers: int = MAX_ACCOUNTS_AT_ONCE,
    ) -> None:
        self.accounts, self.inventory, self.max_workers = accounts, inventory, max_workers
        self._inventories: dict[str, tuple[Clients, Inventory]] = {}
        self.unreachable: dict[str, str] = {}
        """Accounts whose member role could not be assumed, with the reason (for the run's report)."""

    def check(self, records: Sequence[Resource]) -> dict[ResourceKey, Verdict]:
        """A verdict for every record; an unreachable account's records are UNKNOWN with the reason."""
        by_account: dict[str, list[Resource]] = defaultdict(list)
        for record in records:
            by_account[record.key.account].append(record)
        verdicts: dict[ResourceKey, Verdict] = {}
        with ThreadPoolExecutor(max_workers=self.max_workers, thread_name_prefix="account") as pool:
            for found in pool.map(self._check_account, by_account.items()):
                verdicts.update(found)
        return verdicts

    def _check_account(self, item: tuple[str, list[Resource]]) -> dict[ResourceKey, Verdict]:
        account, records = item
        try:
            clients = self.accounts.for_account(account)
        except AccountUnreachable as exc:
            self.unreachable[account] = exc.reason
            reason = f"account {account} unreachable: cannot assume {self.accounts.role_arn(account)} ({exc.reason})"
            return {r.key: Verdict(Presence.UNKNOWN, reason) for r in records}
        held = self._inventories.get(account)
        if held is None or held[0] is not clients:  # new credentials bring new clients, hence a new inventory
            held = self._inventories[account] = (clients, self.inventory(clients))
        return held[1].check(records)
