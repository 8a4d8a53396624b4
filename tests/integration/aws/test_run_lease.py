"""One contract for the daily run's lease, over both implementations (in memory; DynamoDB on the moto server, in a
table built from template.yaml's RunLeaseTable)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import boto3
import pytest

from leftovers.adapters.leases.dynamodb import DynamoDBRunLease
from leftovers.adapters.leases.memory import MemoryRunLease
from leftovers.core.run_lease import LEASE_TIME, RunInProgress, RunLease
from tests.support.moto_server import MotoServer, load_template, unique

NOW = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)
FIRST, SECOND = "arn:aws:states:ap-northeast-1:123456789012:execution:run:a", "execution:b"


def create_lease_table(client: object = None) -> str:
    """A table exactly as template.yaml's RunLeaseTable; returns its name."""
    props = load_template()["Resources"]["RunLeaseTable"]["Properties"]
    name = unique("leftovers-lease")
    (client or boto3.client("dynamodb")).create_table(  # type: ignore[attr-defined]
        TableName=name, **{k: props[k] for k in ("AttributeDefinitions", "KeySchema", "BillingMode")}
    )
    return name


@pytest.fixture(params=["memory", "dynamodb"])
def lease(request: pytest.FixtureRequest) -> Iterator[RunLease]:
    if request.param == "memory":
        yield MemoryRunLease()
        return
    request.getfixturevalue("aws")
    yield DynamoDBRunLease(create_lease_table())


def test_one_holder_at_a_time(lease: RunLease) -> None:
    assert lease.acquire(FIRST, NOW) is False  # taken afresh
    with pytest.raises(RunInProgress) as held:
        lease.acquire(SECOND, NOW + timedelta(minutes=1))
    assert FIRST in str(held.value)
    assert held.value.until == NOW + LEASE_TIME
    assert lease.acquire(FIRST, NOW + timedelta(minutes=2)) is True  # renewed: unbroken since its first read


def test_a_release_lets_the_next_in_and_breaks_the_first_holders_hold(lease: RunLease) -> None:
    lease.acquire(FIRST, NOW)
    lease.release(SECOND)  # not its lease: nothing happens
    with pytest.raises(RunInProgress):
        lease.acquire(SECOND, NOW)
    lease.release(FIRST)
    assert lease.acquire(SECOND, NOW) is False
    lease.release(SECOND)
    assert lease.acquire(FIRST, NOW) is False  # the first holder's earlier reads are no longer current


def test_a_lease_never_given_back_lapses(lease: RunLease) -> None:
    lease.acquire(FIRST, NOW)  # and its execution died
    assert lease.acquire(SECOND, NOW + LEASE_TIME + timedelta(seconds=1)) is False
    with pytest.raises(RunInProgress):
        lease.acquire(FIRST, NOW + LEASE_TIME + timedelta(seconds=2))  # the first is out


def test_dynamodb_errors_are_one_line_store_errors(aws: MotoServer) -> None:
    from leftovers.core.errors import StoreError

    with pytest.raises(StoreError, match="run lease in 'no-such-table'"):
        DynamoDBRunLease("no-such-table").acquire(FIRST, NOW)


def test_the_lease_table_is_small_and_encrypted() -> None:
    props = load_template()["Resources"]["RunLeaseTable"]["Properties"]
    assert props["KeySchema"] == [{"AttributeName": "pk", "KeyType": "HASH"}]
    assert props["BillingMode"] == "PAY_PER_REQUEST"
    assert props["SSESpecification"] == {"SSEEnabled": True}


def test_the_three_steps_of_the_daily_run_name_the_lease_table_and_may_change_only_it() -> None:
    from leftovers.handlers._wiring import LEASE_TABLE

    resources = load_template()["Resources"]
    for step in ("Reconcile", "Notify", "Mark"):
        variables = resources[f"{step}Function"]["Properties"]["Environment"]["Variables"]
        assert variables[LEASE_TABLE] == {"Ref": "RunLeaseTable"}, step
        (policy,) = resources[f"{step}Role"]["Properties"]["Policies"]
        (statement,) = [s for s in policy["PolicyDocument"]["Statement"] if s.get("Sid") == "HoldTheRunLease"]
        assert statement["Resource"] == {"Fn::GetAtt": ["RunLeaseTable", "Arn"]}
        assert set(statement["Action"]) == {"dynamodb:UpdateItem", "dynamodb:GetItem"}
    assert "Environment" not in resources["IngestFunction"]["Properties"]  # ingest never runs the digest
