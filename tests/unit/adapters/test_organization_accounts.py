"""organization_accounts: the active accounts of every ListAccounts page, or one line saying why there are none.
Organizations answers through botocore's Stubber, shaped as AWS documents ListAccounts (no socket)."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

from leftovers.adapters.accounts.members import organization_accounts
from leftovers.core.errors import InventoryError


def account(account_id: str, status: str) -> dict[str, Any]:
    return {"Id": account_id, "Arn": f"arn:aws:organizations::1:account/o-x/{account_id}", "Email": "a@example.com",
            "Name": f"acct-{account_id}", "Status": status, "JoinedMethod": "CREATED"}  # fmt: skip


@pytest.fixture
def org() -> Any:
    return boto3.client("organizations", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="y")


def test_every_page_and_only_active_accounts(org: Any) -> None:
    with Stubber(org) as stub:
        stub.add_response("list_accounts", {"Accounts": [account("111111111111", "ACTIVE")], "NextToken": "t"})
        last = {"Accounts": [account("222222222222", "SUSPENDED"), account("333333333333", "ACTIVE")]}
        stub.add_response("list_accounts", last, {"NextToken": "t"})
        assert organization_accounts(org) == ["111111111111", "333333333333"]


def test_a_member_account_cannot_list_them_and_says_so_in_one_line(org: Any) -> None:
    with Stubber(org) as stub:
        stub.add_client_error("list_accounts", "AccessDeniedException", "not the management account", 400)
        with pytest.raises(InventoryError, match=r"^cannot list the organization's accounts \(AccessDenied") as err:
            organization_accounts(org)
    assert "\n" not in str(err.value)
