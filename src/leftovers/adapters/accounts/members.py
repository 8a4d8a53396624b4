"""The accounts of the organization, for the CLI's ``--org`` runs, each with its member role's clients."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from leftovers.adapters.accounts.clients import AccountUnreachable, CrossAccountClients
from leftovers.adapters.inventory.clients import Clients
from leftovers.core.errors import InventoryError

ACTIVE = "ACTIVE"  # a suspended or closing account has nothing left to follow and cannot be assumed into


def organization_accounts(client: Any = None) -> list[str]:
    """Every active account's id, as Organizations lists them (ListAccounts, every page); InventoryError when the
    credentials may not list them (not the management or a delegated administrator account)."""
    from botocore.exceptions import BotoCoreError, ClientError

    from leftovers.adapters.accounts.names import boto3_organizations
    from leftovers.adapters.inventory.clients import error_code

    client = client or boto3_organizations()
    try:
        return [
            str(a["Id"])
            for page in client.get_paginator("list_accounts").paginate()
            for a in page["Accounts"]
            if a.get("Status", ACTIVE) == ACTIVE
        ]
    except ClientError as exc:
        raise InventoryError(f"cannot list the organization's accounts ({error_code(exc)}): --org needs the "
                             "management account's or a delegated administrator's credentials") from None  # fmt: skip
    except BotoCoreError as exc:
        raise InventoryError(f"cannot reach AWS Organizations: {exc}") from None


def each_account(role_name: str, rate: float) -> Iterator[tuple[str, Clients | AccountUnreachable]]:
    """Each account of the organization with the clients of its member role ``role_name``, or why it cannot be
    assumed (that account is then skipped and reported, the others still run)."""
    accounts = CrossAccountClients(role_name, rate=rate)
    for account in organization_accounts():
        try:
            yield account, accounts.for_account(account)
        except AccountUnreachable as exc:
            yield account, exc
