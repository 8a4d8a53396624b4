"""Where each account sits in the organization: its path of organizational units from the root, from AWS
Organizations (ListRoots, then ListOrganizationalUnitsForParent and ListAccountsForParent down the tree).

Routing rules and per-account policy may name an OU (``ou-...``) or the root (``r-...``): an account matches when
the id is anywhere on its path, so a rule on a parent OU covers the accounts of its nested OUs too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from leftovers.core.errors import SettingsError

TTL = timedelta(hours=1)  # an account moved between OUs is routed by its new place within the hour
Paths = Mapping[str, tuple[str, ...]]
"""Account id -> the ids from the root down to the OU holding it: ``("r-ab12", "ou-ab12-aaaa1111", ...)``."""


class UnitsUnavailable(SettingsError):
    """Organizations would not say where the accounts are (not the management or a delegated admin account)."""


def _pages(client: Any, operation: str, key: str, **params: Any) -> Iterator[dict[str, Any]]:
    for page in client.get_paginator(operation).paginate(**params):
        yield from page[key]


def read_paths(client: Any) -> dict[str, tuple[str, ...]]:
    """Every account's path, walking the tree once (one call per OU and page); UnitsUnavailable when refused."""
    from botocore.exceptions import BotoCoreError, ClientError

    from leftovers.adapters.inventory.clients import error_code

    paths: dict[str, tuple[str, ...]] = {}
    try:
        todo: list[tuple[str, ...]] = [(str(root["Id"]),) for root in _pages(client, "list_roots", "Roots")]
        while todo:
            path = todo.pop()
            parent = path[-1]
            for account in _pages(client, "list_accounts_for_parent", "Accounts", ParentId=parent):
                paths[str(account["Id"])] = path
            for unit in _pages(client, "list_organizational_units_for_parent", "OrganizationalUnits", ParentId=parent):
                todo.append((*path, str(unit["Id"])))
    except ClientError as exc:
        raise UnitsUnavailable(
            "organizational units",
            f"cannot read the organization's OUs ({error_code(exc)}): rules naming an OU need the management "
            "account's or a delegated administrator's credentials (organizations:ListRoots, "
            "ListOrganizationalUnitsForParent, ListAccountsForParent)",
        ) from None
    except BotoCoreError as exc:
        raise UnitsUnavailable("organizational units", f"cannot reach AWS Organizations: {exc}") from None
    return paths


class AccountUnits:
    """The organization's account paths, read again once ``ttl`` has passed (one per process: a warm Lambda asks
    once an hour). A failed read raises each time it is asked: a rule naming an OU is never silently skipped."""

    def __init__(
        self, client: Any = None, ttl: timedelta = TTL, now: Callable[[], datetime] = lambda: datetime.now(UTC)
    ) -> None:
        self._client, self.ttl, self.now = client, ttl, now
        self._paths: dict[str, tuple[str, ...]] = {}
        self._asked: datetime | None = None
        self._asked_again: set[str] = set()  # unknown accounts that made a read already (once each per ttl)
        self.reads = 0

    def paths(self) -> Paths:
        """Account id -> its path from the root; asked again once ``ttl`` has passed."""
        if self._asked is not None and self.now() - self._asked < self.ttl:
            return self._paths
        if self._client is None:
            from leftovers.adapters.accounts.names import boto3_organizations

            self._client = boto3_organizations()
        self._paths = read_paths(self._client)
        self._asked, self.reads = self.now(), self.reads + 1
        self._asked_again = set()
        return self._paths

    def path_of(self, account: str) -> tuple[str, ...]:
        """The account's path, or ``()`` for an account outside the organization; an account the last read did
        not know (created since) makes one more read at once, not one per call."""
        paths = self.paths()
        if account not in paths and account not in self._asked_again:
            self._asked = None
            paths = self.paths()
            self._asked_again.add(account)
        return paths.get(account, ())
