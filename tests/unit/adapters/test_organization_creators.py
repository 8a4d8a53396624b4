"""OrganizationLookup: creators looked up in each record's own account, one budget of calls for the run, and an
account that cannot be assumed or may not call LookupEvents reported while the others go on. STS and CloudTrail
answer through botocore's Stubber in the shapes AWS documents (no socket)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

from leftovers.adapters.accounts.clients import CrossAccountClients
from leftovers.adapters.accounts.creators import OrganizationLookup, creator_lookup
from leftovers.adapters.accounts.inventory import OrganizationInventory
from leftovers.adapters.inventory.clients import RateLimiter
from leftovers.adapters.sources.cloudtrail.lookup import CloudTrailLookup
from leftovers.core.model import Resource, ResourceKey
from tests.unit.adapters.sources.test_lookup import lookup_event
from tests.unit.adapters.test_cross_account_clients import expect

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
A, B, C = "111111111111", "222222222222", "333333333333"
KEYS = {A: "ASIAKEYAAAAAAAAAAAAA", B: "ASIAKEYBBBBBBBBBBBBB"}


def record(account: str, volume: str) -> Resource:
    return Resource(ResourceKey(account, "us-east-1", "AWS::EC2::Volume", volume), created_at=NOW - timedelta(days=1))


def created_in(account: str, volume: str) -> dict[str, Any]:
    """LookupEvents' answer in ``account``: alice of that account created ``volume``."""
    entry = lookup_event("cloudtrail_create_volume")
    detail = json.loads(entry["CloudTrailEvent"])
    detail["userIdentity"]["arn"] = f"arn:aws:iam::{account}:user/alice"
    detail["responseElements"]["volumeId"] = volume
    detail["recipientAccountId"] = account
    return {"Events": [{**entry, "CloudTrailEvent": json.dumps(detail)}]}


@pytest.fixture
def world() -> Any:
    """Two accounts whose member role can be assumed (A, B) and one that refuses (C), each with its CloudTrail."""
    sts = boto3.client("sts", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="y")
    trails = {k: boto3.client("cloudtrail", region_name="us-east-1", aws_access_key_id=k, aws_secret_access_key="s")
              for k in KEYS.values()}  # fmt: skip
    stubs = {k: Stubber(c) for k, c in trails.items()}
    accounts = CrossAccountClients(sts=sts, now=lambda: NOW,
                                   factory=lambda c: lambda service, region: trails[c.access_key])  # fmt: skip
    with Stubber(sts) as sts_stub:
        for stub in stubs.values():
            stub.activate()
        yield accounts, sts_stub, {a: stubs[k] for a, k in KEYS.items()}
        sts_stub.assert_no_pending_responses()
        for stub in stubs.values():
            stub.assert_no_pending_responses()


def quick(factory: Any, n: int) -> CloudTrailLookup:
    return CloudTrailLookup(factory, n, limiter=RateLimiter(1e9, 10**6))


def test_each_record_is_asked_of_its_own_account_and_a_refused_one_is_reported(world: Any) -> None:
    accounts, sts, trails = world
    expect(sts, A, KEYS[A], NOW + timedelta(hours=1))  # accounts are asked in the order their records come
    sts.add_client_error("assume_role", "AccessDenied", "not authorized to perform: sts:AssumeRole", 403)
    expect(sts, B, KEYS[B], NOW + timedelta(hours=1))
    trails[A].add_response("lookup_events", created_in(A, "vol-a"))
    trails[B].add_response("lookup_events", created_in(B, "vol-b"))
    lookup = OrganizationLookup(accounts, max_calls=10, lookup=quick)

    found = {c.key.account: c.created_by for c in lookup.creations([record(A, "vol-a"), record(C, "vol-c"),
                                                                    record(B, "vol-b")])}  # fmt: skip

    assert found == {A: f"arn:aws:iam::{A}:user/alice", B: f"arn:aws:iam::{B}:user/alice"}
    assert lookup.unreachable == {C: f"cannot assume arn:aws:iam::{C}:role/leftovers-member-read (AccessDenied)"}
    assert lookup.calls == 2


def test_an_account_whose_role_may_not_look_up_is_reported_and_the_budget_is_shared(world: Any) -> None:
    accounts, sts, trails = world
    expect(sts, A, KEYS[A], NOW + timedelta(hours=1))
    expect(sts, B, KEYS[B], NOW + timedelta(hours=1))
    trails[A].add_client_error("lookup_events", "AccessDeniedException", "not authorized to cloudtrail:LookupEvents")
    trails[B].add_response("lookup_events", {"Events": []})  # by id: nothing; the budget of 2 is then spent
    lookup = OrganizationLookup(accounts, max_calls=2, lookup=quick)
    named_b = Resource(record(B, "vol-b").key, name="scratch", created_at=NOW - timedelta(days=1))

    assert list(lookup.creations([record(A, "vol-a"), named_b, record(B, "vol-other")])) == []

    arn = f"arn:aws:iam::{A}:role/leftovers-member-read"
    assert lookup.unreachable == {A: f"{arn}: cloudtrail:LookupEvents: access denied in us-east-1"}
    assert lookup.calls == 2


def test_the_cli_gets_the_organization_lookup_only_with_an_organization_inventory() -> None:
    accounts = CrossAccountClients()
    across = creator_lookup(OrganizationInventory(accounts), max_calls=4)
    assert isinstance(across, OrganizationLookup)
    assert (across.accounts, across.max_calls) == (accounts, 4)
    alone = creator_lookup(object(), max_calls=4)
    assert isinstance(alone, CloudTrailLookup)
    assert alone.max_calls == 4
