"""Stubbed boto3 clients for the inventory unit tests (no sockets: botocore's Stubber answers every call)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import boto3
from botocore.stub import Stubber

from leftovers.adapters.inventory.clients import Clients, RateLimiter

ACCOUNT = "123456789012"
REGION = "ap-northeast-1"


def client(service: str, region: str = REGION) -> Any:
    """A real boto3 client with dummy credentials (it is stubbed before any call)."""
    return boto3.client(service, region_name=region, aws_access_key_id="testing", aws_secret_access_key="testing")  # type: ignore[call-overload]


class StubbedClients:
    """One stubbed client per (service, region), handed to ``Clients`` as its factory."""

    def __init__(self) -> None:
        self.stubbers: dict[tuple[str, str], Stubber] = {}
        self.clients: dict[tuple[str, str], Any] = {}

    def stub(self, service: str, region: str = REGION) -> Stubber:
        """The stubber of this service's client, created and activated on first use."""
        key = (service, region)
        if key not in self.stubbers:
            self.clients[key] = client(service, region)
            self.stubbers[key] = Stubber(self.clients[key])
            self.stubbers[key].activate()
        return self.stubbers[key]

    def factory(self, service: str, region: str) -> Any:
        """The Clients factory: a client nobody stubbed has no answers, so any call to it fails the test."""
        self.stub(service, region)
        return self.clients[(service, region)]

    def inventory_clients(self) -> Clients:
        """Clients over these stubs, no waiting, and the account given (no STS call)."""
        return Clients(self.factory, RateLimiter(rate=1e9, burst=10**6), account=ACCOUNT)

    def assert_done(self) -> None:
        """Every stubbed answer was asked for."""
        for stubber in self.stubbers.values():
            stubber.assert_no_pending_responses()


@contextmanager
def stubbed() -> Iterator[StubbedClients]:
    """Stubbed clients that must all be used up by the end of the block."""
    stubs = StubbedClients()
    yield stubs
    stubs.assert_done()
