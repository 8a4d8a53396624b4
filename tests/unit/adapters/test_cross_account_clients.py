"""CrossAccountClients: the member role assumed once per account, again near expiry, and a refusal kept per account.
STS answers through botocore's Stubber, shaped as AWS documents AssumeRole (no socket)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

from leftovers.adapters.accounts.clients import SESSION_NAME, AccountUnreachable, Assumed, CrossAccountClients

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
A, B = "111111111111", "222222222222"


def reply(key: str, expires: datetime) -> dict[str, Any]:
    return {
        "Credentials": {
            "AccessKeyId": key,
            "SecretAccessKey": "secret",
            "SessionToken": "token",
            "Expiration": expires,
        },
        "AssumedRoleUser": {
            "AssumedRoleId": "AROAEXAMPLE:leftovers-reconcile",
            "Arn": "arn:aws:sts::1:assumed-role/r/s",
        },
    }


@pytest.fixture
def sts() -> Any:
    return boto3.client("sts", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="y")


def made(into: list[Assumed]) -> Any:
    def factory(credentials: Assumed) -> Any:
        into.append(credentials)
        return lambda service, region: (service, region, credentials.access_key)

    return factory


def expect(stub: Stubber, account: str, key: str, expires: datetime) -> None:
    params = {"RoleArn": f"arn:aws:iam::{account}:role/leftovers-member-read", "RoleSessionName": SESSION_NAME}
    stub.add_response("assume_role", reply(key, expires), params)


def test_each_account_is_assumed_once_and_its_clients_act_with_its_credentials(sts: Any) -> None:
    sessions: list[Assumed] = []
    accounts = CrossAccountClients(sts=sts, factory=made(sessions), now=lambda: NOW)
    with Stubber(sts) as stub:
        expect(stub, A, "ASIAKEYAAAAAAAAAAAAA", NOW + timedelta(hours=1))
        expect(stub, B, "ASIAKEYBBBBBBBBBBBBB", NOW + timedelta(hours=1))
        a = accounts.for_account(A)
        assert accounts.for_account(A) is a
        b = accounts.for_account(B)
        stub.assert_no_pending_responses()
    assert accounts.assume_calls == 2
    assert a.client("ec2", "eu-west-1") == ("ec2", "eu-west-1", "ASIAKEYAAAAAAAAAAAAA")
    # One client per account and region; "global" types are asked in us-east-1.
    assert a.client("iam", "global") == ("iam", "us-east-1", "ASIAKEYAAAAAAAAAAAAA")
    assert b.client("ec2", "eu-west-1") == ("ec2", "eu-west-1", "ASIAKEYBBBBBBBBBBBBB")
    assert (a.account(), b.account()) == (A, B)  # no GetCallerIdentity needed
    assert a.limiter is not b.limiter  # AWS throttles per account


def test_credentials_near_expiry_are_assumed_again_with_new_clients(sts: Any) -> None:
    clock = [NOW]
    accounts = CrossAccountClients(sts=sts, factory=made([]), now=lambda: clock[0])
    with Stubber(sts) as stub:
        expect(stub, A, "ASIAOLDOLDOLDOLDOLD0", NOW + timedelta(minutes=30))
        expect(stub, A, "ASIANEWNEWNEWNEWNEW0", NOW + timedelta(hours=1, minutes=30))
        old = accounts.for_account(A)
        clock[0] = NOW + timedelta(minutes=26)
        new = accounts.for_account(A)
        stub.assert_no_pending_responses()
    assert new is not old
    assert new.client("ec2", "eu-west-1")[2] == "ASIANEWNEWNEWNEWNEW0"


def test_a_refused_role_names_the_account_and_is_not_asked_again(sts: Any) -> None:
    accounts = CrossAccountClients(sts=sts, factory=made([]), now=lambda: NOW)
    with Stubber(sts) as stub:
        stub.add_client_error(
            "assume_role",
            service_error_code="AccessDenied",
            service_message=f"User: arn:aws:sts::999999999999:assumed-role/r/s is not authorized to perform: "
            f"sts:AssumeRole on resource: arn:aws:iam::{A}:role/leftovers-member-read",
            http_status_code=403,
        )
        with pytest.raises(AccountUnreachable) as first:
            accounts.for_account(A)
        with pytest.raises(AccountUnreachable):
            accounts.for_account(A)
        stub.assert_no_pending_responses()
    assert (first.value.account, first.value.reason) == (A, "AccessDenied")
    assert str(first.value) == f"account {A}: cannot assume the member role (AccessDenied)"
    assert accounts.assume_calls == 1
