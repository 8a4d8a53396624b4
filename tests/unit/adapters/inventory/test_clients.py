"""Clients: the token bucket, lazily built clients, and errors that stop the run in one line."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import EndpointConnectionError

from leftovers.adapters.inventory import AwsInventory
from leftovers.adapters.inventory.clients import Clients, RateLimiter
from leftovers.core.errors import InventoryError
from leftovers.core.model import Resource, ResourceKey
from tests.unit.adapters.inventory.stubs import ACCOUNT, stubbed


class FakeTime:
    """A clock that only moves when slept on."""

    def __init__(self) -> None:
        self.now = 0.0

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def test_token_bucket_spends_its_burst_then_keeps_the_rate() -> None:
    time = FakeTime()
    limiter = RateLimiter(rate=2.0, burst=3, clock=time.clock, sleep=time.sleep)
    for _ in range(3 + 10):
        limiter.wait()
    assert time.now == pytest.approx(10 / 2.0)  # the burst is free, then two calls a second
    assert limiter.waited == pytest.approx(5.0)


def test_token_bucket_refills_while_idle() -> None:
    time = FakeTime()
    limiter = RateLimiter(rate=1.0, burst=2, clock=time.clock, sleep=time.sleep)
    limiter.wait()
    limiter.wait()
    time.now += 10  # idle: refills to the burst, no more
    for _ in range(3):
        limiter.wait()
    assert limiter.waited == pytest.approx(1.0)


class Unreachable:
    """A client whose endpoint refuses connections."""

    def can_paginate(self, operation: str) -> bool:
        return False

    def __getattr__(self, name: str) -> Any:
        def call(**params: Any) -> Any:
            raise EndpointConnectionError(endpoint_url="https://ec2.ap-northeast-1.amazonaws.com/")

        return call


def test_an_unreachable_endpoint_stops_the_run_with_one_line() -> None:
    clients = Clients(lambda service, region: Unreachable(), RateLimiter(1e9, 10**6), account=ACCOUNT)
    record = Resource(ResourceKey(ACCOUNT, "ap-northeast-1", "AWS::EC2::Volume", "vol-1"))
    with pytest.raises(InventoryError, match=r"cannot ask ec2 in ap-northeast-1: Could not connect"):
        AwsInventory(clients).check([record])


def test_clients_are_built_once_per_service_and_region_and_global_means_us_east_1() -> None:
    built: list[tuple[str, str]] = []
    clients = Clients(lambda s, r: built.append((s, r)) or object(), account=ACCOUNT)
    clients.client("iam", "global")
    clients.client("iam", "global")
    clients.client("ec2", "eu-west-1")
    assert built == [("iam", "us-east-1"), ("ec2", "eu-west-1")]


def test_the_account_comes_from_sts_once() -> None:
    with stubbed() as stubs:
        answer = {"UserId": "AIDAEXAMPLE", "Account": "210987654321", "Arn": "arn:aws:iam::210987654321:user/a"}
        stubs.stub("sts", "us-east-1").add_response("get_caller_identity", answer)
        clients = Clients(stubs.factory, RateLimiter(1e9, 10**6))
        assert clients.account() == clients.account() == "210987654321"


def test_no_credentials_for_sts_is_one_line() -> None:
    with stubbed() as stubs:
        stubs.stub("sts", "us-east-1").add_client_error("get_caller_identity", "InvalidClientTokenId", "bad token")
        with pytest.raises(InventoryError, match="InvalidClientTokenId"):
            Clients(stubs.factory, RateLimiter(1e9, 10**6)).account()
